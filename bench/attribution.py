r"""Attribution extraction measured on PolNeAR: token-level P/R/F1 for source, cue, content.

    python bench/attribution.py [--data ../shared/data/polnear] [--only dev] [--limit N]

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution of 2016 US
election news with Source, Cue and Content spans (brat standoff, ``.ann``). This script
discovers every compartment folder under ``<data>/data/`` (any folder holding ``text/``
and ``attributions/``; which ones exist depends on the copy: here train, dev and
annotator-training, a held-out copy has test), runs
:func:`sourcecompare._attribution.extract_attributions` on each article parsed with
``Document.from_text`` and compares what it finds with the annotation.

Scoring, stated plainly:

* **Tokens** are word tokens: maximal runs of letters and digits, with an inner
  apostrophe kept (``don't`` is one token, regex ``\w+(?:['’]\w+)*``); punctuation is
  not counted, so PolNeAR's colon cues (``Trump:``) count for nothing either way.
* A token is **labelled** Source (Cue, Content) when it overlaps any span of that type;
  discontinuous spans (``;`` between ranges) count by each range. Our content is the
  attribution's content span and its continuations.
* **Several annotators**: some articles have one ``.ann`` file per annotator; every
  file is scored on its own against the same predictions and the counts are pooled
  (micro-average over article x annotator pairs), so each annotation weighs the same.
* Precision, recall and F1 are micro-averaged over tokens, per compartment and overall.
* **Span overlap** (``ov.`` columns), the lenient view: a gold span counts as found
  when one of ours overlaps it, one of ours counts as right when it overlaps a gold span.
* **Baseline**: every token that is a form of a plain list of 20 common reporting verbs
  (``BASELINE_VERBS``) is a cue; no context, no source, no content.

Below each table: the extractor's time, and how the gold cues are shaped (the share of
cue tokens in one-word cues, in cues of four words or more, and in cue phrases that
occur only once in the compartment). PolNeAR's cues are whole predicates ("reserved his
most eloquent passion for", "took some shots at"), so a lexicon of reporting cues cannot
reach the tokens of most long, one-off cues: that share bounds token-level cue recall.

Time per document is the extractor alone (parsing excluded), median and mean, and per
sentence. The annotation is not used by the extractor; train was used while writing the
rules, dev and annotator-training were not looked at for tuning. (One exception, stated
so the figures can be weighed: when the rules were revised for organisation names,
nested contents and adjuncts, the dev cues with an adjunct after the verb were read
once to see the annotation's convention for "said in a statement" against "said at a
rally", and annotator-training's output was compared before and after the revision. No
rule was fitted to a sentence of either.)
"""

from __future__ import annotations

import argparse
import bisect
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import attrs
from rich.console import Console
from rich.table import Table

from sourcecompare import Document
from sourcecompare._attribution import ReportingLexicon, extract_attributions
from sourcecompare.exceptions import SourceCompareError

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear"
KINDS = ("Source", "Cue", "Content")
_T_LINE = re.compile(r"^T\d+\t(?P<type>\w+) (?P<ranges>\d+ \d+(?:;\d+ \d+)*)\t", re.MULTILINE)
_WORD = re.compile(r"\w+(?:['’]\w+)*")

BASELINE_VERBS = frozenset(
    """say says said saying tell tells told telling add adds added adding state states
    stated stating report reports reported reporting announce announces announced
    announcing claim claims claimed claiming explain explains explained explaining note
    notes noted noting argue argues argued arguing ask asks asked asking write writes
    wrote written writing describe describes described describing suggest suggests
    suggested suggesting warn warns warned warning insist insists insisted insisting
    admit admits admitted admitting deny denies denied denying confirm confirms
    confirmed confirming reveal reveals revealed revealing""".split()
)


class OffsetsMovedError(Exception):
    """Our spans do not point into the original text (a bug: it must never happen)."""


@attrs.define
class Counts:
    """True positives, false positives and false negatives over tokens."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[int], predicted: set[int]) -> None:
        """Count one document's labelled tokens (as token start offsets)."""
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def merge(self, other: Counts) -> None:
        """Add another set of counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def overlap_counts(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> Counts:
    """Span-level counts, the lenient view.

    A gold span is found when a predicted span overlaps it (else a false negative); a
    predicted span is right when it overlaps a gold span (else a false positive). True
    positives count the gold spans found.
    """
    counts = Counts()
    ordered = sorted(predicted)
    starts = [s for s, _ in ordered]

    def hits(s: int, e: int, spans: list[tuple[int, int]], keys: list[int]) -> bool:
        i = bisect.bisect_left(keys, e)
        return any(ps < e and s < pe for ps, pe in spans[max(0, i - 50) : i])

    for s, e in gold:
        if hits(s, e, ordered, starts):
            counts.tp += 1
        else:
            counts.fn += 1
    gold_sorted = sorted(gold)
    gold_starts = [s for s, _ in gold_sorted]
    for s, e in predicted:
        if not hits(s, e, gold_sorted, gold_starts):
            counts.fp += 1
    return counts


@attrs.define
class Result:
    """The counts and timings of one compartment."""

    name: str
    counts: dict[str, Counts] = attrs.field(factory=lambda: {k: Counts() for k in KINDS})
    baseline: Counts = attrs.field(factory=Counts)
    spans: dict[str, Counts] = attrs.field(factory=lambda: {k: Counts() for k in KINDS})
    baseline_spans: Counts = attrs.field(factory=Counts)
    texts: int = 0
    annotations: int = 0
    unannotated: int = 0
    failed: list[str] = attrs.field(factory=list)
    times: list[float] = attrs.field(factory=list)
    sentences: int = 0
    attributions: int = 0
    cue_shapes: Counter[str] = attrs.field(factory=Counter)  # cue phrase -> count
    cue_tokens: Counter[str] = attrs.field(factory=Counter)  # cue phrase -> tokens

    def merge(self, other: Result) -> None:
        """Pool another compartment into this one."""
        for kind in KINDS:
            self.counts[kind].merge(other.counts[kind])
        self.baseline.merge(other.baseline)
        for kind in KINDS:
            self.spans[kind].merge(other.spans[kind])
        self.baseline_spans.merge(other.baseline_spans)
        self.texts += other.texts
        self.annotations += other.annotations
        self.unannotated += other.unannotated
        self.failed.extend(other.failed)
        self.times.extend(other.times)
        self.sentences += other.sentences
        self.attributions += other.attributions
        self.cue_shapes.update(other.cue_shapes)
        self.cue_tokens.update(other.cue_tokens)


def compartments(data: Path) -> list[Path]:
    """Every folder under ``data/data`` (or *data*) with ``text/`` and ``attributions/``."""
    root = data / "data" if (data / "data").is_dir() else data
    return sorted(
        p for p in root.iterdir() if (p / "text").is_dir() and (p / "attributions").is_dir()
    )


def read_ann(path: Path) -> dict[str, list[tuple[int, int]]]:
    """The Source, Cue and Content character ranges of a brat ``.ann`` file."""
    spans: dict[str, list[tuple[int, int]]] = {k: [] for k in KINDS}
    for match in _T_LINE.finditer(path.read_text(encoding="utf-8")):
        kind = match.group("type")
        if kind not in spans:
            continue
        for pair in match.group("ranges").split(";"):
            start, end = (int(x) for x in pair.split())
            spans[kind].append((start, end))
    return spans


def word_tokens(text: str) -> list[tuple[int, int]]:
    """Word token ranges of *text* (see the module docs)."""
    return [m.span() for m in _WORD.finditer(text)]


def labelled(tokens: list[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Start offsets of the tokens that overlap any of *spans*."""
    starts = [t[0] for t in tokens]
    out: set[int] = set()
    for s, e in spans:
        i = max(bisect.bisect_right(starts, s) - 1, 0)
        while i < len(tokens) and tokens[i][0] < e:
            if tokens[i][1] > s:
                out.add(tokens[i][0])
            i += 1
    return out


def predict(text: str, name: str) -> tuple[dict[str, list[tuple[int, int]]], float, int, int]:
    """Our spans by kind, the extraction time, the sentence and attribution counts."""
    doc = Document.from_text(text, doc_id=name)
    if doc.text != text:
        msg = "the document parser changed the text, so offsets would not match"
        raise OffsetsMovedError(msg)
    started = time.perf_counter()
    found = extract_attributions(doc)
    elapsed = time.perf_counter() - started
    spans: dict[str, list[tuple[int, int]]] = {k: [] for k in KINDS}
    for a in found:
        spans["Cue"].append((a.cue.start, a.cue.end))
        if a.source is not None:
            spans["Source"].append((a.source.start, a.source.end))
        if a.content is not None:
            spans["Content"].append((a.content.start, a.content.end))
        spans["Content"].extend((c.start, c.end) for c in a.continuations)
    for kind in KINDS:
        for s, e in spans[kind]:
            if not 0 <= s <= e <= len(text):
                msg = f"{kind} span {s}-{e} is out of bounds"
                raise OffsetsMovedError(msg)
    return spans, elapsed, len(doc.segments), len(found)


def baseline_cues(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The baseline's cues: every token that is a form of a plain reporting verb."""
    return [(s, e) for s, e in tokens if text[s:e].casefold() in BASELINE_VERBS]


def run_compartment(folder: Path, limit: int | None) -> Result:
    """Score every annotated text of one compartment."""
    result = Result(folder.name)
    anns: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    texts = sorted((folder / "text").glob("*.txt"))
    if limit is not None:
        texts = texts[:limit]
    for path in texts:
        files = anns.get(path.stem)
        if not files:
            result.unannotated += 1
            continue
        text = path.read_text(encoding="utf-8")
        tokens = word_tokens(text)
        result.texts += 1
        try:
            spans, elapsed, sentences, count = predict(text, path.stem)
        except (SourceCompareError, OffsetsMovedError) as exc:
            result.failed.append(f"{path.stem}: {type(exc).__name__}: {exc}")
            spans, elapsed, sentences, count = {k: [] for k in KINDS}, 0.0, 0, 0
        else:
            result.times.append(elapsed)
            result.sentences += sentences
            result.attributions += count
        predicted = {k: labelled(tokens, spans[k]) for k in KINDS}
        base_spans = baseline_cues(text, tokens)
        base = labelled(tokens, base_spans)
        for ann in files:
            gold = read_ann(ann)
            result.annotations += 1
            for kind in KINDS:
                result.counts[kind].add(labelled(tokens, gold[kind]), predicted[kind])
                result.spans[kind].merge(overlap_counts(gold[kind], spans[kind]))
            result.baseline.add(labelled(tokens, gold["Cue"]), base)
            for start, end in gold["Cue"]:
                piece = text[start:end]
                words = [piece[a:b].casefold() for a, b in word_tokens(piece)]
                if words:
                    phrase = " ".join(words)
                    result.cue_shapes[phrase] += 1
                    result.cue_tokens[phrase] += len(words)
            result.baseline_spans.merge(overlap_counts(gold["Cue"], base_spans))
    return result


def table(result: Result, title: str) -> Table:
    """The P/R/F1 table of one compartment (or of all): tokens, then span overlap."""
    out = Table(title=title, caption="P/R/F1: word tokens; ov. P/R/F1: span overlap")
    out.add_column("span", no_wrap=True)
    for column in ("P", "R", "F1", "gold tokens", "ov. P", "ov. R", "ov. F1"):
        out.add_column(column, justify="right", no_wrap=True)
    rows = [(k.lower(), result.counts[k], result.spans[k]) for k in KINDS]
    rows.append(("cue baseline", result.baseline, result.baseline_spans))
    for label, counts, spans in rows:
        p, r, f = counts.prf()
        sp, sr, sf = spans.prf()
        out.add_row(
            label,
            f"{p:.3f}",
            f"{r:.3f}",
            f"{f:.3f}",
            f"{counts.tp + counts.fn:,}",
            f"{sp:.3f}",
            f"{sr:.3f}",
            f"{sf:.3f}",
        )
    return out


def timing_line(result: Result) -> str:
    """Time per document and per sentence of the extractor."""
    if not result.times:
        return "no documents timed"
    median = statistics.median(result.times) * 1000
    mean = statistics.fmean(result.times) * 1000
    per_sentence = sum(result.times) / max(result.sentences, 1) * 1e6
    return (
        f"{len(result.times)} documents, {result.sentences:,} segments, "
        f"{result.attributions:,} attributions found; extraction {median:.2f} ms median, "
        f"{mean:.2f} ms mean per document, {per_sentence:.1f} µs per segment"
    )


def cue_shape_line(result: Result) -> str:
    """How the gold cues are shaped: what a word list can reach at best."""
    total = sum(result.cue_tokens.values())
    if not total:
        return "no gold cues"
    single = sum(n for p, n in result.cue_tokens.items() if " " not in p)
    long = sum(n for p, n in result.cue_tokens.items() if p.count(" ") >= 3)
    once = sum(n for p, n in result.cue_tokens.items() if result.cue_shapes[p] == 1)
    return (
        f"gold cue tokens: {single / total:.0%} in one-word cues, {long / total:.0%} in "
        f"cues of 4+ words, {once / total:.0%} in cue phrases that occur once here"
    )


def main() -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder")
    parser.add_argument(
        "--only", action="append", default=[], help="score only this compartment (repeatable)"
    )
    parser.add_argument("--limit", type=int, default=None, help="at most N texts per compartment")
    args = parser.parse_args()
    console = Console()
    if not args.data.is_dir():
        console.print(f"PolNeAR not found at {args.data}")
        return 2
    folders = [f for f in compartments(args.data) if not args.only or f.name in args.only]
    if not folders:
        console.print(f"no compartment with text/ and attributions/ under {args.data}")
        return 2
    ReportingLexicon.default()  # built once, before the clock runs
    overall = Result("overall")
    for folder in folders:
        result = run_compartment(folder, args.limit)
        overall.merge(result)
        title = (
            f"PolNeAR {result.name}: {result.texts} texts, {result.annotations} annotation files"
        )
        console.print(table(result, title))
        console.print(timing_line(result))
        console.print(cue_shape_line(result))
        if result.unannotated:
            console.print(f"{result.unannotated} texts without an annotation file skipped")
        for failure in result.failed:
            console.print(f"[yellow]not parsed[/]: {failure}", markup=True, highlight=False)
        console.print()
    if len(folders) > 1:
        title = f"PolNeAR overall: {overall.texts} texts, {overall.annotations} annotation files"
        console.print(table(overall, title))
        console.print(timing_line(overall))
        console.print(cue_shape_line(overall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
