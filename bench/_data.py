"""Shared helpers for the benchmarks: locating ../shared and reading its datasets.

Datasets are read at run time from the folder given on the command line (default
``../shared`` next to the repository); nothing from them is copied into the repository.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from sourcecompare import AlignOptions, Document, Segment, TermStats, align

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def ranks(values: list[float]) -> list[float]:
    """1-based ranks of *values*, ties sharing the mean of the ranks they span."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def auroc(scores: list[float], labels: list[int]) -> float:
    """Area under the ROC curve (ties count one half), by the rank-sum formula.

    *labels* are 1 (positive) or 0; NaN when either class is empty.
    """
    if len(scores) != len(labels):
        msg = f"{len(scores)} scores for {len(labels)} labels"
        raise ValueError(msg)
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    rank_sum = sum(r for r, label in zip(ranks(scores), labels, strict=True) if label)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation (Pearson's r of the tie-averaged ranks); NaN if undefined."""
    if len(xs) != len(ys):
        msg = f"{len(xs)} values against {len(ys)}"
        raise ValueError(msg)
    if len(xs) < 2:
        return float("nan")
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    if not vx or not vy:
        return float("nan")
    return float(cov / math.sqrt(vx * vy))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where a denominator is 0)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def macro_f1(gold: list[str], predicted: list[str], classes: Iterable[str]) -> float:
    """The mean over *classes* of each class's F1 (a class never gold nor predicted: 0)."""
    if len(gold) != len(predicted):
        msg = f"{len(gold)} gold labels against {len(predicted)} predictions"
        raise ValueError(msg)
    scores = []
    for name in classes:
        tp = sum(g == name and p == name for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != name and p == name for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == name and p != name for g, p in zip(gold, predicted, strict=True))
        scores.append(prf(tp, fp, fn)[2])
    return sum(scores) / len(scores) if scores else float("nan")


def best_threshold_accuracy(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """The accuracy of the best single threshold (score >= t means positive), and t."""
    ordered = sorted(set(scores))
    best = (0.0, 0.0)
    midpoints = [(a + b) / 2 for a, b in itertools.pairwise(ordered)]
    candidates = [ordered[0] - 1e-9, *midpoints, ordered[-1] + 1e-9]
    for t in candidates:
        correct = sum((s >= t) == bool(y) for s, y in zip(scores, labels, strict=True))
        accuracy = correct / len(labels)
        if accuracy > best[0]:
            best = (accuracy, t)
    return best


# --- reference case ------------------------------------------------------------------------


@attrs.frozen
class SeedCase:
    """The reference pair with the hand annotation mapped onto our segments."""

    wire: Document
    derivative: Document
    annotation: dict[str, Any]
    wire_ids: dict[int, str]  # wire segment index -> W1..W11
    derivative_ids: dict[int, dict[str, Any]]  # derivative segment index -> annotation


def _starts(segment: Segment, opening: str) -> bool:
    return segment.text.startswith(opening)


def load_seed(shared: Path) -> SeedCase:
    """Read the reference pair and map the annotation's sentence openings onto segments."""
    seeds = shared / "seeds"
    annotation = json.loads((seeds / "annotations.json").read_text(encoding="utf-8"))
    wire = Document.from_path(seeds / annotation["wire"])
    derivative = Document.from_path(seeds / annotation["derivative"])
    wire_ids: dict[int, str] = {}
    for entry in annotation["wire_sentences"]:
        opening = entry["starts"]
        if wire.dateline is not None and opening.startswith(wire.dateline.text):
            opening = opening[len(wire.dateline.text) :].lstrip()
        for segment in wire.sentences:
            if _starts(segment, opening):
                wire_ids[segment.index] = entry["id"]
    derivative_ids: dict[int, dict[str, Any]] = {}
    for entry in annotation["derivative_sentences"]:
        for segment in derivative.sentences:
            if _starts(segment, entry["starts"]):
                derivative_ids[segment.index] = entry
    return SeedCase(wire, derivative, annotation, wire_ids, derivative_ids)


# --- MSRP ----------------------------------------------------------------------------------


def find_msrp(data: Path) -> list[Path]:
    """Whichever MSRP split files are under *data* (train here, test in the held-out copy)."""
    return sorted((data / "msrp").glob("msr_paraphrase_*.txt"))


def msrp_files(shared: Path) -> list[Path]:
    """:func:`find_msrp` of ``shared/data``."""
    return find_msrp(shared / "data")


def read_msrp(path: Path) -> Iterator[tuple[int, str, str]]:
    """Yield (label, sentence 1, sentence 2); skips the repository's made-up rows (id -1)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) < 5 or row[1].strip() == "-1" or row[2].strip() == "-1":
                continue
            yield int(row[0]), row[3], row[4]


def msrp_similarities(
    rows: list[tuple[int, str, str]], options: AlignOptions
) -> tuple[list[float], list[int]]:
    """The alignment's pair similarity of each MSRP pair, and the pair's label.

    Two one-sentence texts have no term statistics of their own, so the key weights come
    from background frequencies counted over all sentences of *rows* (no labels are
    used). ``partial=0`` keeps the best source of every pair, supported or not, and
    ``max_sources=1`` compares the pair's two sentences only, so that each pair gets a
    similarity; the other fields of *options* are used as given.
    """
    background = TermStats.from_texts(
        [s for _, a, b in rows for s in (a, b)], equivalents=options.equivalents
    )
    fields = {f.name: getattr(options, f.name) for f in attrs.fields(AlignOptions)}
    opts = AlignOptions(
        **{
            **fields,
            "background": background,
            "background_weight": 1.0,
            "max_sources": 1,
            "partial": 0.0,
        }
    )
    scores, labels = [], []
    for label, first, second in rows:
        result = align(Document.from_text(first), Document.from_text(second), opts)
        sims = [s.similarity for e in result.segments for s in e.sources]
        scores.append(max(sims, default=0.0))
        labels.append(label)
    return scores, labels


# --- FRANK and XSum hallucination annotations ----------------------------------------------


def unescape_release(text: str) -> str:
    r"""Undo the backslash escapes of the XSum model outputs (``it\'s`` for ``it's``).

    The XSum summaries in these releases were written out with their apostrophes
    escaped; the annotators' offsets count the unescaped text. Some CNN/DM summaries
    keep the Penn Treebank's names for brackets ("-LRB- PSU -RRB-"), which read as
    capitalised words; they are turned back into the brackets they stand for.
    """
    for name, bracket in _TREEBANK_BRACKETS.items():
        text = text.replace(name, bracket)
    return text.replace("\\'", "'")


# The Penn Treebank's names for brackets, in tokenised model outputs.
_TREEBANK_BRACKETS: Final = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}


def frank_article(record: dict[str, Any]) -> str:
    """The article text of a FRANK article file, one paragraph per line of the release."""
    lines = record.get("article_lines") or [record.get("article", "")]
    return "\n\n".join(line.strip() for line in lines if line.strip())


@attrs.frozen
class XsumSummary:
    """One annotated one-sentence summary and the article it summarises."""

    bbcid: str
    system: str
    article: str
    summary: str
    extrinsic: frozenset[int]  # character offsets marked extrinsic by >= 2 annotators
    annotators: int


def locate_span(summary: str, span: str, start: int) -> tuple[int, int] | None:
    r"""Find the annotated *span* in *summary* near offset *start*.

    The release's offsets are 1-based for most rows and 0-based for others, and some
    spans carry an escaped line break (``\n``) at an end; so the span is located by its
    text: the occurrence nearest to *start* (the earlier one on a tie), matched exactly,
    else ignoring case. Returns character offsets into *summary*, or ``None`` when the
    text is not in the summary.
    """
    span = unescape_release(span).replace("\\n", " ").strip()
    if not span:
        return None
    for haystack, needle in ((summary, span), (summary.casefold(), span.casefold())):
        if len(haystack) != len(summary):  # case folding changed lengths: offsets unusable
            continue
        best: tuple[int, int] | None = None
        position = haystack.find(needle)
        while position >= 0:
            distance = abs(position - start)
            if best is None or distance < best[0]:
                best = (distance, position)
            position = haystack.find(needle, position + 1)
        if best is not None:
            return best[1], best[1] + len(needle)
    return None


def read_xsum(data: Path) -> list[XsumSummary]:
    """Annotated XSum summaries under *data* whose article text FRANK provides.

    Empty when either dataset is absent. Summaries are unescaped
    (:func:`unescape_release`); ``extrinsic`` holds the offsets of the characters that
    at least two annotators marked as extrinsic hallucination.
    """
    folder = data / "xsum-hallucination-annotations"
    articles = data / "frank" / "data" / "articles-wbertscore-json"
    table = folder / "hallucination_annotations_xsum_summaries.csv"
    if not table.is_file() or not articles.is_dir():
        return []
    marks: dict[tuple[str, str], dict[str, set[int]]] = {}
    texts: dict[tuple[str, str], str] = {}
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["bbcid"], row["system"])
            summary = unescape_release(row["summary"])
            texts[key] = summary
            worker = marks.setdefault(key, {}).setdefault(row["worker_id"], set())
            if row["hallucination_type"] != "extrinsic":
                continue
            try:
                start = int(row["hallucinated_span_start"])
            except ValueError:
                start = 0
            located = locate_span(summary, row["hallucinated_span"], start)
            if located is not None:
                worker.update(range(*located))
    result = []
    for (bbcid, system), workers in sorted(marks.items()):
        path = articles / f"{bbcid}.json"
        if not path.is_file():
            continue
        article = frank_article(json.loads(path.read_text(encoding="utf-8")))
        if not article:
            continue
        counts: dict[int, int] = {}
        for offsets in workers.values():
            for offset in offsets:
                counts[offset] = counts.get(offset, 0) + 1
        extrinsic = frozenset(o for o, n in counts.items() if n >= 2)
        result.append(
            XsumSummary(bbcid, system, article, texts[(bbcid, system)], extrinsic, len(workers))
        )
    return result


def xsum_summaries(shared: Path) -> list[XsumSummary]:
    """:func:`read_xsum` of ``shared/data``."""
    return read_xsum(shared / "data")
