r"""How well sourcecompare works, measured on real, externally annotated data.

    python bench/evaluate.py [--data ../shared/data] [--json OUT] [--floors bench/floors.json]
                             [--workers 2] [--only NAME ...]

Runs sourcecompare with its default options over every dataset found under ``--data``
(see ``../shared/data/README.md``), prints one table and, with ``--json``, writes
``{dataset: {metric: value}}``. A dataset that is absent is skipped and said so; split
files are discovered by pattern, so the same command runs unchanged on a copy that holds
another split. With ``--floors`` it exits 1 when a metric is below its floor (or above its
ceiling) in that file, or could not be computed, for a dataset that is present.

Every figure comes from the public API: ``Document.from_text``, ``align`` with default
``AlignOptions``, ``detectors.detect``. The exceptions are PolNeAR, which scores the
attribution extractor through ``bench/attribution.py`` (the extractor has no public entry
point yet), and MSRP, which reads the documented pair similarity with term weights from
the split's own sentences (``_data.msrp_similarities``). Nothing is tuned per dataset and
nothing is sampled: every record of every dataset is used. The metrics, briefly (the
docs page docs/explanation/evaluation.md says more):

* **seeds** (the hand-annotated Xinhua pair, ``DATA/seeds`` or ``DATA/../seeds``): the
  share of the 17 annotated rewrite sentences in the right class (supported or
  embellished, against added); the share of the 15 annotated omitted names and figures
  named by an omission or credit/dateline finding; the number of the 5 named wire
  speakers named by an ``attribution.speaker_*`` finding; the wire fates right; the
  share of annotated framing terms overlapped by a framing finding.
* **xsum**: content tokens (not function words) of the summaries, gold when at least 2
  of the 3 annotators marked them extrinsic, predicted when a finding of
  :data:`ADDED_KINDS` covers them; micro F1 over model summaries and over the reference
  (``Gold``) summaries, and the F1 of flagging every token.
* **frank**: per summary, the share of its content tokens that findings of
  :data:`ADDED_KINDS` show not in the article (:func:`added_content_share`: a token
  under a finding that points at the added words, an added fact among them, counts 1;
  one under only an unsupported sentence or heading counts 1 minus that finding's
  support); its AUROC for OutE < 1 and its Spearman correlation (as 1 minus
  the share) with Factuality, for CNN/DM (hex ids) and XSum (numeric ids); as
  references, the same AUROC for BERTScore precision against the article (``BertScore P
  Art`` in the release's ``baseline_factuality_metrics_outputs.json``) and for the
  lexical baseline, the share of the summary's content tokens whose lower-cased text is
  not among the article's (:func:`lexical_new_share`; the notes give it with stems too).
* **polnear**: token F1 of sources, cues and contents (``bench/attribution.py``).
* **msrp**: AUROC of the pair similarity as a paraphrase detector; AUROC of plain
  default-option support, for comparison.
* **insciout**: the press release's conclusion is aligned with the abstract's; a
  ``claim_strength`` finding whose derivative relation level is above the wire's (a
  correlation made a cause, a conditional cause made direct) and a hedged wire
  statement asserted (``certainty_shift`` with ``asserted`` 1) count towards
  "exaggerates", the reverse towards "downplays"; more of one than the other decides,
  else "same" (:func:`exaggeration_label`). Macro F1 over the three labels; the
  majority-class macro F1 as a reference.
* **sheepdog**: per rewrite, evaluative-language, speculation and certainty-shift
  findings per 100 words; AUROC for tabloid (emotionally triggering, sensational)
  against mainstream (objective, neutral) rewrites; the same for evaluative-language
  findings alone, and for a count of the framing lexicon's words in the rewrite alone
  (no comparison with the source). Over sources with a parsed agency
  credit: the rewrite drops the credit when it never names the agency (any spelling
  the agency list knows, short ones with their case); recall and false-positive rate
  of ``attribution.credit_removed``.
* **llmfake**: over rows the model actually rewrote, the share with at least one
  ``framing.unsupported_sentence`` (added content) and with at least one
  ``omission.sentence`` of medium or high severity (omission), per method, and AUROCs
  of the added share (content tokens under :data:`ADDED_KINDS`) and of the omitted
  share (wire content tokens under ``omission.*`` findings) against paraphrases.
* **claim_strength**: macro F1 and accuracy of the claim level ``read_claim`` gives
  each sentence (none or denied 0, correlational 1, conditional causal 2, direct causal
  3) against the labels (:func:`claim_label`); AUROC of the number of hedges the
  ``hedges`` lexicon finds, for conditional-causal against direct-causal claims (the
  certainty-shift detector stands on that lexicon).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs
from _data import (
    ROOT,
    auroc,
    find_msrp,
    frank_article,
    load_seed,
    macro_f1,
    msrp_similarities,
    prf,
    read_msrp,
    read_xsum,
    spearman,
    unescape_release,
)
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sourcecompare import (
    AgencyList,
    Alignment,
    AlignOptions,
    Document,
    Finding,
    Lexicons,
    Severity,
    SourceCompareError,
    Span,
    Token,
    align,
    tokenize,
)
from sourcecompare._caveats import CaveatCode, caveats_of
from sourcecompare.detectors import detect, read_claim

DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_FLOORS = ROOT / "bench" / "floors.json"

ADDED_KINDS = frozenset(
    {
        "framing.unsupported_sentence",
        "framing.added_heading",
        "framing.embellishment",
        "framing.evaluative_language",
        "framing.speculation",
        "framing.added_fact",
        "attribution.fabricated",
    }
)
"""Finding kinds that mark derivative text as added: not in the wire."""

WHOLE_SEGMENT_KINDS = frozenset({"framing.unsupported_sentence", "framing.added_heading"})
"""Kinds of :data:`ADDED_KINDS` whose evidence is a whole segment, not the added words."""

FRAMING_KINDS = frozenset(
    {"framing.evaluative_language", "framing.speculation", "framing.certainty_shift"}
)
"""Finding kinds that mark added framing in a rewrite of the same content (SheepDog)."""

REFERENCES: dict[tuple[str, str], str] = {
    ("xsum", "extrinsic_content_token_f1_models"): "0.58 lexical; 0.6 trained",
    ("xsum", "flag_all_f1_models"): "0.56",
    ("frank", "auroc_outE_cnndm"): "0.70 lexical; 0.78 BERTScore-P",
    ("frank", "auroc_outE_xsum"): "0.65 lexical; 0.61 BERTScore-P",
    ("frank", "bertscore_p_auroc_outE_cnndm"): "0.78",
    ("frank", "bertscore_p_auroc_outE_xsum"): "0.61",
    ("frank", "lexical_auroc_outE_cnndm"): "0.70",
    ("frank", "lexical_auroc_outE_xsum"): "0.65",
    ("polnear", "cue_token_f1"): "0.43",
    ("msrp", "auroc"): "0.78",
    ("insciout", "macro_f1"): "0.42; majority 0.25",
    ("insciout", "majority_macro_f1"): "0.25",
}
"""The issue's reference figures (simple baselines measured on these datasets)."""


@attrs.frozen
class Outcome:
    """What one dataset's evaluation produced.

    Attributes:
        name: The dataset's key in the JSON output.
        metrics: Metric name to value (NaN when it could not be computed).
        notes: Lines to print under the table: counts, skipped records, details.
        seconds: Wall time of the evaluation.
        skipped: Why the dataset was not evaluated (absent), or ``None``.
    """

    name: str
    metrics: dict[str, float] = attrs.field(factory=dict)
    notes: tuple[str, ...] = ()
    seconds: float = 0.0
    skipped: str | None = None


# --- shared measures -------------------------------------------------------------------------


def compare(wire: Document, derivative: Document) -> tuple[Alignment, tuple[Finding, ...]]:
    """Align with default options and run the default detectors."""
    alignment = align(wire, derivative)
    return alignment, detect(alignment)


def content_tokens(text: str) -> list[Token]:
    """The word tokens of *text* that are not function words."""
    return [t for t in tokenize(text) if not t.is_stop]


def overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    """Whether the range [start, end) overlaps any of *spans*."""
    return any(s.start < end and start < s.end for s in spans)


def derivative_spans(findings: Iterable[Finding], kinds: Iterable[str]) -> list[Span]:
    """The derivative spans of the findings of *kinds*."""
    wanted = frozenset(kinds)
    return [s for f in findings if f.kind in wanted for s in f.derivative_spans]


def covered_share(tokens: Sequence[Token], spans: Sequence[Span]) -> float:
    """The share of *tokens* that overlap *spans* (0 when there are no tokens)."""
    if not tokens:
        return 0.0
    return sum(overlaps(t.start, t.end, spans) for t in tokens) / len(tokens)


def added_content_share(tokens: Sequence[Token], findings: Iterable[Finding]) -> float:
    """The share of *tokens* that the findings of :data:`ADDED_KINDS` show not in the wire.

    A token counts 1 under a finding that points at the added words themselves
    (embellishment, evaluative language, speculation, fabricated attribution, an added
    fact); under only a finding of :data:`WHOLE_SEGMENT_KINDS` (an unsupported sentence
    or heading), it counts ``1 - support``: that finding says the segment as a whole is
    not in the wire, and its ``support`` score how much of the segment's content the
    closest wire sentences still cover. So the share is the expected share of the
    content the wire lacks, not the share of content in sentences that lack support.
    0 when there are no tokens.
    """
    if not tokens:
        return 0.0
    weighted = [
        (span, 1.0 - f.score_map.get("support", 0.0) if f.kind in WHOLE_SEGMENT_KINDS else 1.0)
        for f in findings
        if f.kind in ADDED_KINDS
        for span in f.derivative_spans
    ]
    total = 0.0
    for token in tokens:
        total += max(
            (w for span, w in weighted if span.start < token.end and token.start < span.end),
            default=0.0,
        )
    return total / len(tokens)


def lexical_new_share(tokens: Sequence[Token], wire_words: AbstractSet[str]) -> float:
    """The lexical baseline: the share of *tokens* whose lower-cased text is not in *wire_words*.

    *tokens* are a derivative's content tokens (:func:`content_tokens`), *wire_words* the
    lower-cased texts of the wire's content tokens. Words are compared as written, not
    stemmed or normalised, and no alignment or finding is involved: it is the simple
    reference the harness measures sourcecompare against. 0 when there are no tokens.
    """
    if not tokens:
        return 0.0
    return sum(t.text.lower() not in wire_words for t in tokens) / len(tokens)


def flag_all_f1(gold_positive: int, total: int) -> float:
    """The F1 of flagging every token, when *gold_positive* of *total* are gold."""
    return prf(gold_positive, total - gold_positive, 0)[2] if total else float("nan")


def safe_document(text: str, doc_id: str) -> Document | str:
    """The parsed document, or the reason it could not be parsed."""
    try:
        return Document.from_text(text, doc_id=doc_id)
    except SourceCompareError as exc:
        return f"{doc_id}: {type(exc).__name__}: {exc}"


def skipped_note(failures: list[str]) -> list[str]:
    """A line naming the records skipped because a text could not be parsed."""
    if not failures:
        return []
    shown = "; ".join(failures[:3]) + (
        f"; and {len(failures) - 3} more" if len(failures) > 3 else ""
    )
    return [f"{len(failures)} record(s) skipped, text not parsed: {shown}"]


# --- seeds -----------------------------------------------------------------------------------


def seeds_folder(data: Path) -> Path | None:
    """The reference case's folder: ``DATA/seeds``, else ``DATA/../seeds``."""
    for folder in (data / "seeds", data.parent / "seeds"):
        if (folder / "annotations.json").is_file():
            return folder
    return None


def evaluate_seeds(data: Path) -> Outcome:
    """The hand-annotated reference pair."""
    folder = seeds_folder(data)
    if folder is None:
        return Outcome("seeds", skipped="no seeds/annotations.json in DATA or next to it")
    case = load_seed(folder.parent)
    alignment, findings = compare(case.wire, case.derivative)
    right = 0
    for entry in alignment.segments:
        annotated = case.derivative_ids.get(entry.segment)
        if annotated is not None:
            right += entry.label.supported == (annotated["label"] != "added")
    fates = {w["id"]: w["fate"] for w in case.annotation["wire_sentences"]}
    fates_right = sum(
        entry.fate.value == fates[case.wire_ids[entry.segment]]
        for entry in alignment.wire_sentences
        if entry.segment in case.wire_ids
    )
    wire_text = case.wire.text
    omission_kinds = {
        "omission.entity",
        "omission.figure",
        "attribution.credit_removed",
        "attribution.dateline_removed",
    }
    reported = [
        wire_text[s.start : s.end]
        for f in findings
        if f.kind in omission_kinds
        for s in f.wire_spans
    ]
    names = case.annotation["omitted_names_and_figures"]
    missed = [n for n in names if not any(n in r for r in reported)]
    speaker_texts = [
        text
        for f in findings
        if f.kind.startswith("attribution.speaker_")
        for text in (f.message, *(wire_text[s.start : s.end] for s in f.wire_spans))
    ]
    speakers = [s["name"] for s in case.annotation["speakers"]]
    speakers_found = [n for n in speakers if any(n in t for t in speaker_texts)]
    framing = derivative_spans(findings, ADDED_KINDS | {"framing.certainty_shift"})
    terms = found_terms = 0
    for index, annotated in case.derivative_ids.items():
        segment = case.derivative.segments[index]
        for term in annotated.get("framing_terms", []):
            at = segment.text.find(term)
            if at < 0:
                continue
            terms += 1
            start = segment.start + at
            found_terms += overlaps(start, start + len(term), framing)
    total = len(case.derivative_ids)
    metrics = {
        "sentence_class_accuracy": right / total if total else math.nan,
        "omitted_names_recall": (len(names) - len(missed)) / len(names) if names else math.nan,
        "speakers_reported": float(len(speakers_found)),
        "wire_fate_accuracy": fates_right / len(fates) if fates else math.nan,
        "framing_terms_recall": found_terms / terms if terms else math.nan,
    }
    notes = [
        (
            f"{right}/{total} sentences in the right class; {fates_right}/{len(fates)} wire "
            f"fates right; {found_terms}/{terms} framing terms overlapped; speakers reported: "
            f"{', '.join(speakers_found) or 'none'} (of {len(speakers)})"
        ),
    ]
    if missed:
        notes.append(f"omitted names and figures not reported: {', '.join(missed)}")
    return Outcome("seeds", metrics, tuple(notes))


# --- XSum hallucination annotations ----------------------------------------------------------


def evaluate_xsum(data: Path) -> Outcome:
    """Extrinsic (unsupported) tokens of XSum summaries against added findings."""
    summaries = read_xsum(data)
    if not summaries:
        return Outcome(
            "xsum", skipped="needs xsum-hallucination-annotations/ and frank/ article files"
        )
    articles: dict[str, Document | str] = {}
    counts = {"models": Counter[str](), "gold": Counter[str]()}
    failures: list[str] = []
    for item in summaries:
        if item.bbcid not in articles:
            articles[item.bbcid] = safe_document(item.article, item.bbcid)
        wire = articles[item.bbcid]
        summary = safe_document(item.summary, f"{item.bbcid}/{item.system}")
        if isinstance(wire, str) or isinstance(summary, str):
            failures.append(wire if isinstance(wire, str) else str(summary))
            continue
        _, findings = compare(wire, summary)
        spans = derivative_spans(findings, ADDED_KINDS)
        group = counts["gold" if item.system == "Gold" else "models"]
        group["summaries"] += 1
        for token in content_tokens(summary.text):
            gold = any(o in item.extrinsic for o in range(token.start, token.end))
            predicted = overlaps(token.start, token.end, spans)
            group["tokens"] += 1
            group["gold"] += gold
            group["tp"] += gold and predicted
            group["fp"] += predicted and not gold
            group["fn"] += gold and not predicted
    metrics: dict[str, float] = {}
    notes = []
    for name, c in counts.items():
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        metrics[f"extrinsic_content_token_f1_{name}"] = f if c["tokens"] else math.nan
        metrics[f"extrinsic_content_token_precision_{name}"] = p if c["tokens"] else math.nan
        metrics[f"extrinsic_content_token_recall_{name}"] = r if c["tokens"] else math.nan
        metrics[f"flag_all_f1_{name}"] = flag_all_f1(c["gold"], c["tokens"])
        notes.append(
            f"{name}: {c['summaries']} summaries, {c['tokens']:,} content tokens, "
            f"{c['gold']:,} extrinsic ({c['gold'] / max(c['tokens'], 1):.0%})"
        )
    notes.append(f"{len(articles)} articles (bbcids with text in FRANK's article files)")
    return Outcome("xsum", metrics, tuple(notes + skipped_note(failures)))


# --- FRANK -----------------------------------------------------------------------------------


def frank_summary(record: dict[str, Any], model: str) -> str:
    """A system's summary from a FRANK article file, one paragraph per sentence line.

    The release splits some XSum summaries into lines at an escaped apostrophe (a
    line ending in a backslash); such pieces are joined back before unescaping.
    """
    lines = record.get(f"{model}_lines") or [record.get(model, "")]
    pieces: list[str] = []
    for line in lines:
        if pieces and pieces[-1].endswith("\\"):
            pieces[-1] += line
        else:
            pieces.append(line)
    return "\n\n".join(unescape_release(p).strip() for p in pieces if p.strip())


@attrs.frozen
class FrankRow:
    """One FRANK summary's scores and labels.

    Attributes:
        share: :func:`added_content_share` of its content tokens.
        out_of_article: 1 when ``OutE`` < 1 (some sentence has content not in the article).
        factuality: FRANK's ``Factuality``.
        bertscore: BERTScore precision against the article, from the release (NaN if none).
        facts: The number of ``framing.added_fact`` findings.
        lexical: :func:`lexical_new_share`, the lexical baseline.
        lexical_stems: The same with words compared by their stems.
        content_error: 1 when ``OutE``, ``EntE`` or ``CircE`` < 1: content not in the
            article, a wrong entity, or a wrong circumstance (time, place, number; a
            wrong age is one).
        placeholder_facts: Whether its added facts are all "UNK", the placeholder some
            systems write for a word they do not know (read as an acronym's name).
        lower_case: Whether the summary is written in lower case (its comparison's caveat).
    """

    share: float
    out_of_article: int
    factuality: float
    bertscore: float
    facts: int
    lexical: float
    lexical_stems: float
    content_error: int
    placeholder_facts: bool
    lower_case: bool


def evaluate_frank(data: Path) -> Outcome:
    """Summary-level unsupported content against FRANK's OutE and Factuality."""
    folder = data / "frank" / "data"
    table = folder / "human_annotations.json"
    articles_dir = folder / "articles-wbertscore-json"
    if not table.is_file() or not articles_dir.is_dir():
        return Outcome("frank", skipped="needs frank/data/human_annotations.json and articles")
    records = json.loads(table.read_text(encoding="utf-8"))
    baselines: dict[tuple[str, str], float] = {}
    baseline_file = folder / "baseline_factuality_metrics_outputs.json"
    if baseline_file.is_file():
        for row in json.loads(baseline_file.read_text(encoding="utf-8")):
            value = row.get("BertScore P Art")
            if value is not None:
                baselines[str(row["hash"]), str(row["model_name"])] = float(value)
    wires: dict[str, Document | str] = {}
    wire_words: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    files: dict[str, dict[str, Any]] = {}
    rows: dict[str, list[FrankRow]] = {"cnndm": [], "xsum": []}
    failures: list[str] = []
    missing = 0
    for record in records:
        doc_id, model = str(record["hash"]), str(record["model_name"])
        if doc_id not in files:
            path = articles_dir / f"{doc_id}.json"
            files[doc_id] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        article = files[doc_id]
        if not article or model not in article:
            missing += 1
            continue
        if doc_id not in wires:
            wires[doc_id] = safe_document(frank_article(article), doc_id)
        wire = wires[doc_id]
        summary = safe_document(frank_summary(article, model), f"{doc_id}/{model}")
        if isinstance(wire, str) or isinstance(summary, str):
            failures.append(wire if isinstance(wire, str) else str(summary))
            continue
        _, findings = compare(wire, summary)
        facts = [
            summary.text[span.start : span.end]
            for f in findings
            if f.kind == "framing.added_fact"
            for span in f.derivative_spans[:1]
        ]
        tokens = content_tokens(summary.text)
        if doc_id not in wire_words:
            wire_tokens = content_tokens(wire.text)
            wire_words[doc_id] = (
                frozenset(t.text.lower() for t in wire_tokens),
                frozenset(t.stem for t in wire_tokens),
            )
        words, stems = wire_words[doc_id]
        rows["xsum" if doc_id.isdigit() else "cnndm"].append(
            FrankRow(
                share=added_content_share(tokens, findings),
                out_of_article=int(float(record["OutE"]) < 1),
                factuality=float(record["Factuality"]),
                bertscore=baselines.get((doc_id, model), math.nan),
                facts=len(facts),
                lexical=lexical_new_share(tokens, words),
                lexical_stems=sum(t.stem not in stems for t in tokens) / max(len(tokens), 1),
                content_error=int(
                    any(float(record.get(k, 1)) < 1 for k in ("OutE", "EntE", "CircE"))
                ),
                placeholder_facts=bool(facts) and all(set(t.split()) == {"UNK"} for t in facts),
                lower_case=any(
                    c.code is CaveatCode.LOWER_CASE and c.wire is None
                    for c in caveats_of([wire], summary)
                ),
            )
        )
    metrics: dict[str, float] = {}
    notes = []
    for source, items in rows.items():
        shares = [r.share for r in items]
        labels = [r.out_of_article for r in items]
        metrics[f"auroc_outE_{source}"] = auroc(shares, labels) if items else math.nan
        metrics[f"spearman_factuality_{source}"] = (
            spearman([1 - s for s in shares], [r.factuality for r in items]) if items else math.nan
        )
        scored = [(r.bertscore, r.out_of_article) for r in items if not math.isnan(r.bertscore)]
        if scored:  # higher precision against the article: fewer errors
            metrics[f"bertscore_p_auroc_outE_{source}"] = auroc(
                [-s for s, _ in scored], [y for _, y in scored]
            )
        metrics[f"lexical_auroc_outE_{source}"] = (
            auroc([r.lexical for r in items], labels) if items else math.nan
        )
        flagged = sum(s > 0 for s in shares)
        with_facts = [r.out_of_article for r in items if r.facts]
        notes.append(
            f"{source}: {sum(r.lower_case for r in items)} of the {len(items)} summaries are in "
            "lower case, a caveat of their comparisons: names, speakers and credits go unseen"
        )
        notes.append(
            f"{source}: {len(items)} summaries, {sum(labels)} with OutE < 1; "
            f"{flagged} with some added content found; {len(with_facts)} with an added "
            f"fact, {sum(with_facts)} of them with OutE < 1"
        )
        if with_facts:
            errors = [r.content_error for r in items]
            notes.append(
                f"{source}: of the {len(with_facts)} with an added fact, "
                f"{sum(r.content_error for r in items if r.facts)} have content not in the "
                f"article, a wrong entity or a wrong circumstance (OutE, EntE or CircE < 1; "
                f"{sum(errors)} of all {len(items)} do); of the others, "
                f"{sum(r.placeholder_facts for r in items if r.facts and not r.content_error)} "
                f'add only "UNK"'
            )
        if items:
            notes.append(
                f"{source}: lexical baseline with words compared by their stems instead: "
                f"AUROC {auroc([r.lexical_stems for r in items], labels):.3f}"
            )
    if missing:
        notes.append(f"{missing} record(s) without an article file or summary, skipped")
    return Outcome("frank", metrics, tuple(notes + skipped_note(failures)))


# --- PolNeAR ---------------------------------------------------------------------------------


def evaluate_polnear(data: Path) -> Outcome:
    """Attribution extraction (source, cue, content) with bench/attribution.py's scorer."""
    import attribution  # noqa: PLC0415 - bench/attribution.py; imports the extractor

    folder = data / "polnear"
    if not folder.is_dir() or not attribution.compartments(folder):
        return Outcome("polnear", skipped="no polnear/ compartment with text/ and attributions/")
    overall = attribution.Result("overall")
    names = []
    for compartment in attribution.compartments(folder):
        result = attribution.run_compartment(compartment, None)
        overall.merge(result)
        names.append(f"{compartment.name} ({result.texts})")
    metrics = {
        f"{kind.lower()}_token_f1": overall.counts[kind].prf()[2] for kind in attribution.KINDS
    }
    metrics["cue_baseline_token_f1"] = overall.baseline.prf()[2]
    notes = [
        f"compartments: {', '.join(names)}; {overall.annotations} annotation files",
        *skipped_note(overall.failed),
    ]
    if overall.unannotated:
        notes.append(f"{overall.unannotated} text(s) without an annotation file skipped")
    return Outcome("polnear", metrics, tuple(notes))


# --- MSRP ------------------------------------------------------------------------------------


def evaluate_msrp(data: Path) -> Outcome:
    """The alignment's pair similarity as a paraphrase detector."""
    files = find_msrp(data)
    if not files:
        return Outcome("msrp", skipped="no msrp/msr_paraphrase_*.txt")
    scores: list[float] = []
    supports: list[float] = []
    labels: list[int] = []
    for path in files:
        rows = list(read_msrp(path))
        similarities, file_labels = msrp_similarities(rows, AlignOptions())
        scores += similarities
        labels += file_labels
        for _, first, second in rows:
            result = align(Document.from_text(first), Document.from_text(second))
            supports.append(min((e.support for e in result.segments), default=0.0))
    metrics = {
        "auroc": auroc(scores, labels),
        "auroc_support_default_options": auroc(supports, labels),
    }
    notes = [
        (
            f"{', '.join(p.name for p in files)}: {len(labels):,} pairs, "
            f"{sum(labels) / max(len(labels), 1):.0%} paraphrases"
        )
    ]
    return Outcome("msrp", metrics, tuple(notes))


# --- InSciOut --------------------------------------------------------------------------------

INSCIOUT_LABELS = ("same", "exaggerates", "downplays")


def exaggeration_label(findings: Iterable[Finding]) -> str:
    """same, exaggerates or downplays, from the findings that grade a claim's strength.

    InSciOut's labels compare the strength of the causal claim (correlational,
    conditional causal, direct causal) in the two conclusions; advice and tone are
    annotated apart. So the findings read are those on that scale:

    * ``framing.claim_strength`` whose derivative relation level is above the wire's
      counts towards "exaggerates", below it towards "downplays" (advice added or a
      limit such as "in mice" dropped leaves the relation levels equal, and counts for
      neither);
    * ``framing.certainty_shift``: a hedge asserted (``asserted`` 1) is a conditional
      claim made direct, towards "exaggerates"; a statement hedged, towards
      "downplays".

    More of one than the other decides; a tie, or no such finding, is "same".
    Evaluative language is not read: it is tone, not claim strength.
    """
    up = down = 0
    for finding in findings:
        scores = finding.score_map
        if finding.kind == "framing.claim_strength":
            if "wire_relation" in scores and "derivative_relation" in scores:
                shift = scores["derivative_relation"] - scores["wire_relation"]
                up += shift > 0
                down += shift < 0
        elif finding.kind == "framing.certainty_shift":
            if scores.get("asserted", 0.0) >= 1:
                up += 1
            else:
                down += 1
    if up > down:
        return "exaggerates"
    if down > up:
        return "downplays"
    return "same"


def evaluate_insciout(data: Path) -> Outcome:
    """Exaggeration of an abstract's conclusion by its press release."""
    files = sorted((data / "scientific-exaggeration-insciout").rglob("insciout_*.jsonl"))
    if not files:
        return Outcome(
            "insciout", skipped="no scientific-exaggeration-insciout/**/insciout_*.jsonl"
        )
    gold: list[str] = []
    predicted: list[str] = []
    failures: list[str] = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            name = f"{path.name}:{number}"
            wire = safe_document(row["abstract_conclusion"], name)
            derivative = safe_document(row["press_release_conclusion"], name)
            if isinstance(wire, str) or isinstance(derivative, str):
                failures.append(wire if isinstance(wire, str) else str(derivative))
                continue
            _, findings = compare(wire, derivative)
            gold.append(row["exaggeration_label"])
            predicted.append(exaggeration_label(findings))
    majority = Counter(gold).most_common(1)[0][0] if gold else "same"
    metrics = {
        "macro_f1": macro_f1(gold, predicted, INSCIOUT_LABELS) if gold else math.nan,
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
        if gold
        else math.nan,
        "majority_macro_f1": macro_f1(gold, [majority] * len(gold), INSCIOUT_LABELS)
        if gold
        else math.nan,
    }
    confusion = Counter(zip(gold, predicted, strict=True))
    cells = ", ".join(
        f"{g}→{p} {confusion[g, p]}"
        for g in INSCIOUT_LABELS
        for p in INSCIOUT_LABELS
        if confusion[g, p]
    )
    notes = [f"{', '.join(p.name for p in files)}: {len(gold)} pairs; gold→predicted: {cells}"]
    return Outcome("insciout", metrics, tuple(notes + skipped_note(failures)))


# --- SheepDog --------------------------------------------------------------------------------

MAINSTREAM = ("objective", "neutral")
TABLOID = ("emotionally_triggering", "sensational")


def names_agency(text: str, agency: str, agencies: AgencyList) -> bool:
    """Whether *text* names *agency* anywhere, by any of its spellings.

    Whole words; spellings of four characters or fewer only with their case ("AP", not
    "ap"), as the agency list matches them.
    """
    known = next((a for a in agencies.agencies if a.name == agency), None)
    for spelling in {agency, *(known.aliases if known else ())}:
        words = r"\s+".join(re.escape(w) for w in spelling.split())
        flags = 0 if len(spelling) <= 4 else re.IGNORECASE
        if re.search(rf"(?<![\w-]){words}(?![\w-])", text, flags):
            return True
    return False


def lexicon_rate(text: str, lexicons: Lexicons) -> float:
    """Framing-lexicon matches (evaluative, intensifiers, speculation) per 100 words."""
    tokens = tokenize(text)
    found = sum(
        len(lexicons.find(category, tokens))
        for category in ("evaluative", "intensifiers", "speculation")
    )
    return 100 * found / max(len(tokens), 1)


@attrs.frozen
class SheepdogPart:
    """What one share of the SheepDog articles gave (see :func:`sheepdog_part`).

    Attributes:
        rows: Per rewrite: (1 tabloid or 0 mainstream, framing findings, evaluative
            findings and framing-lexicon words, each per 100 words).
        credit: Counts: sources with a parsed credit; rewrites that drop or keep it;
            tp, fn, fp, tn of ``attribution.credit_removed``.
        failures: Texts that could not be parsed.
        found: Whether any article file with reframings was found.
    """

    rows: tuple[tuple[int, float, float, float], ...] = ()
    credit: dict[str, int] = attrs.field(factory=dict)
    failures: tuple[str, ...] = ()
    found: bool = False


def sheepdog_sets(data: Path) -> list[tuple[Path, dict[str, Path]]]:
    """Each ``news_articles/<name>.json`` with its ``reframings/<name>_<style>.json`` files."""
    folder = data / "sheepdog-llm-reframings" / "data"
    sets = []
    for news in sorted((folder / "news_articles").glob("*.json")):
        styles = {
            style: folder / "reframings" / f"{news.stem}_{style}.json"
            for style in (*MAINSTREAM, *TABLOID)
        }
        styles = {k: v for k, v in styles.items() if v.is_file()}
        if styles:
            sets.append((news, styles))
    return sets


def sheepdog_part(data: Path, part: int = 0, parts: int = 1) -> SheepdogPart:
    """Compare the rewrites of the articles whose index is *part* modulo *parts*."""
    sets = sheepdog_sets(data)
    agencies = AgencyList.default()
    lexicons = Lexicons.default()
    rows: list[tuple[int, float, float, float]] = []
    credit = Counter[str]()
    failures: list[str] = []
    for news_path, styles in sets:
        sources = json.loads(news_path.read_text(encoding="utf-8"))["news"]
        rewrites = {
            style: json.loads(path.read_text(encoding="utf-8"))["rewritten"]
            for style, path in styles.items()
        }
        for index, text in enumerate(sources):
            if index % parts != part:
                continue
            wire = safe_document(text, f"{news_path.stem}[{index}]")
            if isinstance(wire, str):
                failures.append(wire)
                continue
            credited = sorted({c.agency for c in wire.credits})
            credit["sources"] += bool(credited)
            for style, texts in rewrites.items():
                if index >= len(texts):
                    continue
                derivative = safe_document(texts[index], f"{news_path.stem}_{style}[{index}]")
                if isinstance(derivative, str):
                    failures.append(derivative)
                    continue
                _, findings = compare(wire, derivative)
                words = max(len(tokenize(derivative.text)), 1)
                framing = sum(f.kind in FRAMING_KINDS for f in findings)
                evaluative = sum(f.kind == "framing.evaluative_language" for f in findings)
                rows.append(
                    (
                        int(style in TABLOID),
                        100 * framing / words,
                        100 * evaluative / words,
                        lexicon_rate(derivative.text, lexicons),
                    )
                )
                if credited:
                    dropped = not any(names_agency(derivative.text, a, agencies) for a in credited)
                    flagged = any(f.kind == "attribution.credit_removed" for f in findings)
                    credit["dropped" if dropped else "kept"] += 1
                    if dropped:
                        credit["tp" if flagged else "fn"] += 1
                    else:
                        credit["fp" if flagged else "tn"] += 1
    return SheepdogPart(tuple(rows), dict(credit), tuple(failures), bool(sets))


def sheepdog_outcome(parts: Sequence[SheepdogPart]) -> Outcome:
    """Framing of tabloid against mainstream rewrites; agency credits dropped."""
    if not any(p.found for p in parts):
        return Outcome(
            "sheepdog",
            skipped="no news_articles/<name>.json with reframings/<name>_<style>.json",
        )
    rows = [row for p in parts for row in p.rows]
    credit = Counter[str]()
    for p in parts:
        credit.update(p.credit)
    labels = [r[0] for r in rows]
    metrics = {
        "framing_auroc_tabloid_vs_mainstream": auroc([r[1] for r in rows], labels),
        "evaluative_only_auroc_tabloid_vs_mainstream": auroc([r[2] for r in rows], labels),
        "lexicon_only_auroc_tabloid_vs_mainstream": auroc([r[3] for r in rows], labels),
        "credit_removal_recall": credit["tp"] / credit["dropped"]
        if credit["dropped"]
        else math.nan,
        "credit_removal_false_positive_rate": credit["fp"] / credit["kept"]
        if credit["kept"]
        else math.nan,
    }
    mean = {
        value: sum(r[1] for r in rows if r[0] == value) / max(labels.count(value), 1)
        for value in (0, 1)
    }
    notes = [
        (
            f"{len(rows)} rewrites ({labels.count(1)} tabloid, {labels.count(0)} mainstream); "
            f"framing findings per 100 words: tabloid {mean[1]:.2f}, mainstream {mean[0]:.2f}"
        ),
        (
            f"{credit['sources']} sources with a parsed agency credit: "
            f"{credit['dropped']} rewrites drop it ({credit['tp']} flagged), "
            f"{credit['kept']} keep it ({credit['fp']} flagged)"
        ),
    ]
    failures = [f for p in parts for f in p.failures]
    return Outcome("sheepdog", metrics, tuple(notes + skipped_note(failures)))


def evaluate_sheepdog(data: Path) -> Outcome:
    """Framing of tabloid against mainstream rewrites; agency credits dropped."""
    return sheepdog_outcome([sheepdog_part(data)])


# --- LLMFake ---------------------------------------------------------------------------------

LLMFAKE_METHODS = {
    "unsubstantiated": "Unsubstantiated_Content",
    "fabrication": "Total_Fabrication",
    "incomplete": "Incomplete_Fact",
    "paraphrase": "paraphrase_generation",
}
"""Metric suffix to the part of the CSV file name that names the generation method."""


def evaluate_llmfake(data: Path) -> Outcome:
    """Added content and omissions in LLM manipulations, against paraphrases."""
    csv.field_size_limit(sys.maxsize)
    files: dict[str, list[Path]] = {}
    for path in sorted((data / "llmfake").rglob("*.csv")):
        for key, marker in LLMFAKE_METHODS.items():
            if marker in path.name:
                files.setdefault(key, []).append(path)
    if not files:
        return Outcome("llmfake", skipped="no llmfake CSV of the needed methods")
    wires: dict[str, Document | str] = {}
    added: dict[str, list[float]] = {}
    omitted: dict[str, list[float]] = {}
    added_hit: dict[str, list[bool]] = {}
    omitted_hit: dict[str, list[bool]] = {}
    passthrough = Counter[str]()
    failures: list[str] = []
    for key, paths in files.items():
        for path in paths:
            with path.open(encoding="utf-8", newline="") as handle:
                for number, row in enumerate(csv.DictReader(handle), 2):
                    source, output = (
                        row.get("news_text", ""),
                        row.get("synthetic_misinformation", ""),
                    )
                    if not source.strip() or not output.strip() or output == source:
                        passthrough[key] += 1
                        continue
                    name = f"{path.name}:{number}"
                    if source not in wires:
                        wires[source] = safe_document(source, row.get("news_id") or name)
                    wire = wires[source]
                    derivative = safe_document(output, name)
                    if isinstance(wire, str) or isinstance(derivative, str):
                        failures.append(wire if isinstance(wire, str) else str(derivative))
                        continue
                    _, findings = compare(wire, derivative)
                    added.setdefault(key, []).append(
                        covered_share(
                            content_tokens(derivative.text),
                            derivative_spans(findings, ADDED_KINDS),
                        )
                    )
                    wire_spans = [
                        s for f in findings if f.category == "omission" for s in f.wire_spans
                    ]
                    omitted.setdefault(key, []).append(
                        covered_share(content_tokens(wire.text), wire_spans)
                    )
                    added_hit.setdefault(key, []).append(
                        any(f.kind == "framing.unsupported_sentence" for f in findings)
                    )
                    omitted_hit.setdefault(key, []).append(
                        any(
                            f.kind == "omission.sentence" and f.severity >= Severity.MEDIUM
                            for f in findings
                        )
                    )

    def rate(hits: dict[str, list[bool]], key: str) -> float:
        values = hits.get(key, [])
        return sum(values) / len(values) if values else math.nan

    def versus(scores: dict[str, list[float]], key: str) -> float:
        positive, control = scores.get(key, []), scores.get("paraphrase", [])
        if not positive or not control:
            return math.nan
        return auroc(positive + control, [1] * len(positive) + [0] * len(control))

    metrics = {
        "added_detection_rate_unsubstantiated": rate(added_hit, "unsubstantiated"),
        "added_detection_rate_fabrication": rate(added_hit, "fabrication"),
        "added_detection_rate_paraphrase": rate(added_hit, "paraphrase"),
        "omission_detection_rate_incomplete": rate(omitted_hit, "incomplete"),
        "omission_detection_rate_paraphrase": rate(omitted_hit, "paraphrase"),
        "added_auroc_unsubstantiated_vs_paraphrase": versus(added, "unsubstantiated"),
        "added_auroc_fabrication_vs_paraphrase": versus(added, "fabrication"),
        "omission_auroc_incomplete_vs_paraphrase": versus(omitted, "incomplete"),
    }
    notes = [
        "rewritten rows (not passed through): "
        + ", ".join(f"{k} {len(added.get(k, []))}" for k in LLMFAKE_METHODS)
        + "; passed through, skipped: "
        + ", ".join(f"{k} {passthrough[k]}" for k in LLMFAKE_METHODS),
        "mean added share: "
        + ", ".join(f"{k} {sum(v) / len(v):.2f}" for k in LLMFAKE_METHODS if (v := added.get(k)))
        + "; mean omitted share: "
        + ", ".join(f"{k} {sum(v) / len(v):.2f}" for k in LLMFAKE_METHODS if (v := omitted.get(k))),
    ]
    return Outcome("llmfake", metrics, tuple(notes + skipped_note(failures)))


# --- claim strength --------------------------------------------------------------------------


CLAIM_LABELS = ("0", "1", "2", "3")
"""The claim-strength labels: not a claim, correlational, conditional causal, direct causal."""


def claim_label(sentence: str) -> str:
    """The claim-strength label ``read_claim`` gives one sentence.

    The relation level (advice is not on this dataset's scale); no relation cue is
    "not a claim" (0), and so is a denied relation, which ``read_claim`` grades 0
    while the annotation grades a denial by the relation denied.
    """
    level = read_claim(sentence).level
    return str(level or 0)


def evaluate_claim_strength(data: Path) -> Outcome:
    """The claim reader and the hedge lexicon on sentences labelled by claim strength."""
    csv.field_size_limit(sys.maxsize)
    files = sorted((data / "claim-strength-yu2019-2020").rglob("annotated_*.csv"))
    if not files:
        return Outcome("claim_strength", skipped="no claim-strength-yu2019-2020/**/annotated_*.csv")
    lexicons = Lexicons.default()
    hedges: dict[int, list[int]] = {}
    gold: list[str] = []
    predicted: list[str] = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found = len(lexicons.find("hedges", tokenize(row["sentence"])))
                hedges.setdefault(int(row["label"]), []).append(found)
                gold.append(str(int(row["label"])))
                predicted.append(claim_label(row["sentence"]))
    conditional, direct = hedges.get(2, []), hedges.get(3, [])
    metrics = {
        "claim_level_macro_f1": macro_f1(gold, predicted, CLAIM_LABELS) if gold else math.nan,
        "claim_level_accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True))
        / len(gold)
        if gold
        else math.nan,
        "hedge_auroc_conditional_vs_direct": auroc(
            [float(h) for h in conditional + direct], [1] * len(conditional) + [0] * len(direct)
        ),
        "hedged_share_conditional": sum(h > 0 for h in conditional) / len(conditional)
        if conditional
        else math.nan,
        "hedged_share_direct": sum(h > 0 for h in direct) / len(direct) if direct else math.nan,
    }
    shares = ", ".join(
        f"{label} {sum(h > 0 for h in values) / len(values):.0%} of {len(values)}"
        for label, values in sorted(hedges.items())
    )
    confusion = Counter(zip(gold, predicted, strict=True))
    rows = "; ".join(
        f"{g}: " + " ".join(str(confusion[g, p]) for p in CLAIM_LABELS) for g in CLAIM_LABELS
    )
    notes = [
        f"{', '.join(p.name for p in files)}: sentences with a hedge, by label: {shares}",
        f"claim levels read, by gold label (read as 0 1 2 3): {rows}",
    ]
    return Outcome("claim_strength", metrics, tuple(notes))


# --- running, table, floors ------------------------------------------------------------------

EVALUATORS: dict[str, Callable[[Path], Outcome]] = {
    "seeds": evaluate_seeds,
    "xsum": evaluate_xsum,
    "frank": evaluate_frank,
    "polnear": evaluate_polnear,
    "msrp": evaluate_msrp,
    "insciout": evaluate_insciout,
    "sheepdog": evaluate_sheepdog,
    "llmfake": evaluate_llmfake,
    "claim_strength": evaluate_claim_strength,
}
"""Every dataset, in table order."""

LONGEST_FIRST = ("sheepdog", "llmfake", "msrp", "polnear", "frank", "xsum")
"""Submission order for the process pool, so that the long jobs start first."""


def run_one(name: str, data: Path) -> Outcome:
    """Evaluate one dataset and time it."""
    started = time.perf_counter()
    outcome = EVALUATORS[name](data)
    return attrs.evolve(outcome, seconds=time.perf_counter() - started)


def run_sheepdog_part(data: Path, part: int, parts: int) -> tuple[SheepdogPart, float]:
    """One share of SheepDog, and its time."""
    started = time.perf_counter()
    result = sheepdog_part(data, part, parts)
    return result, time.perf_counter() - started


def run_all(names: Sequence[str], data: Path, workers: int) -> dict[str, Outcome]:
    """Evaluate *names*, on a pool of *workers* processes when more than one.

    SheepDog, by far the longest, is split into one share of its articles per worker
    (every ``workers``-th article) and its shares are merged; the others run whole,
    longest first. The results do not depend on the number of workers.
    """
    if workers <= 1:
        return {name: run_one(name, data) for name in names}
    order = sorted(names, key=lambda n: LONGEST_FIRST.index(n) if n in LONGEST_FIRST else 99)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        shares = []
        if "sheepdog" in names:
            shares = [pool.submit(run_sheepdog_part, data, i, workers) for i in range(workers)]
        futures = {n: pool.submit(run_one, n, data) for n in order if n != "sheepdog"}
        outcomes = {n: f.result() for n, f in futures.items()}
        if shares:
            parts = [f.result() for f in shares]
            outcome = sheepdog_outcome([p for p, _ in parts])
            outcomes["sheepdog"] = attrs.evolve(outcome, seconds=sum(t for _, t in parts))
    return {name: outcomes[name] for name in names}


def read_floors(path: Path) -> dict[str, dict[str, dict[str, float]]]:
    """The floors file: ``{dataset: {metric: number or {"min": x} or {"max": y}}}``.

    Keys starting with ``_`` (notes) are ignored. A number is a minimum.
    """
    raw = json.loads(path.read_text(encoding="utf-8"))
    floors: dict[str, dict[str, dict[str, float]]] = {}
    for dataset, metrics in raw.items():
        if dataset.startswith("_"):
            continue
        for metric, bound in metrics.items():
            if metric.startswith("_"):
                continue
            limits = bound if isinstance(bound, dict) else {"min": bound}
            floors.setdefault(dataset, {})[metric] = {k: float(v) for k, v in limits.items()}
    return floors


def check_floors(
    outcomes: dict[str, Outcome], floors: dict[str, dict[str, dict[str, float]]]
) -> tuple[list[str], list[str]]:
    """Failures (metric below its floor, above its ceiling, or missing) and notes.

    Datasets that were skipped (absent) or not run are not checked; that is noted.
    """
    failures: list[str] = []
    notes: list[str] = []
    for dataset, metrics in floors.items():
        outcome = outcomes.get(dataset)
        if outcome is None or outcome.skipped is not None:
            notes.append(f"{dataset}: not evaluated, its {len(metrics)} floor(s) not checked")
            continue
        for metric, limits in metrics.items():
            value = outcome.metrics.get(metric, math.nan)
            if math.isnan(value):
                failures.append(f"{dataset}.{metric}: not computed")
            elif "min" in limits and value < limits["min"]:
                failures.append(
                    f"{dataset}.{metric}: {value:.3f} is below its floor {limits['min']}"
                )
            elif "max" in limits and value > limits["max"]:
                failures.append(
                    f"{dataset}.{metric}: {value:.3f} is above its ceiling {limits['max']}"
                )
    return failures, notes


def bound_text(limits: dict[str, float] | None) -> str:
    """A floor as shown in the table: ``≥ 0.70`` or ``≤ 0.10``."""
    if not limits:
        return ""
    parts = []
    if "min" in limits:
        parts.append(f"≥ {limits['min']:g}")
    if "max" in limits:
        parts.append(f"≤ {limits['max']:g}")
    return ", ".join(parts)


def format_value(value: float) -> str:
    """Three decimals, a whole number as such, NaN as n/a."""
    if math.isnan(value):
        return "n/a"
    if value == int(value) and abs(value) > 1:
        return f"{int(value)}"
    return f"{value:.3f}"


def results_table(
    outcomes: dict[str, Outcome], floors: dict[str, dict[str, dict[str, float]]]
) -> Table:
    """One row per metric: value, the issue's reference figure, the floor."""
    table = Table(title="sourcecompare on annotated data (default options)")
    for column, justify in (
        ("dataset", "left"),
        ("metric", "left"),
        ("value", "right"),
        ("reference", "left"),
        ("floor", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for name, outcome in outcomes.items():
        if outcome.skipped is not None:
            table.add_row(name, Text(f"skipped: {outcome.skipped}", style="dim"), "", "", "")
            continue
        for i, (metric, value) in enumerate(outcome.metrics.items()):
            limits = floors.get(name, {}).get(metric)
            below = limits is not None and (
                math.isnan(value)
                or value < limits.get("min", -math.inf)
                or value > limits.get("max", math.inf)
            )
            table.add_row(
                name if i == 0 else "",
                metric,
                Text(format_value(value), style="bold red" if below else ""),
                REFERENCES.get((name, metric), ""),
                bound_text(limits),
                end_section=i == len(outcome.metrics) - 1,
            )
    return table


def to_json(outcomes: dict[str, Outcome]) -> dict[str, dict[str, float | None]]:
    """``{dataset: {metric: value}}`` for the datasets evaluated; NaN becomes null."""
    return {
        name: {k: None if math.isnan(v) else round(v, 6) for k, v in outcome.metrics.items()}
        for name, outcome in outcomes.items()
        if outcome.skipped is None
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate, print, write JSON, check floors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the datasets' folder")
    parser.add_argument("--json", type=Path, help="write {dataset: {metric: value}} here")
    parser.add_argument(
        "--floors", type=Path, help=f"fail when a metric is below its floor here ({DEFAULT_FLOORS})"
    )
    parser.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    parser.add_argument(
        "--only", action="append", choices=sorted(EVALUATORS), help="evaluate only this dataset"
    )
    args = parser.parse_args(argv)
    # Wide enough for the metric names in a CI log, which Rich takes as 80 columns.
    console = Console(highlight=False, width=max(Console().width, 120))
    if not args.data.is_dir():
        console.print(f"no data folder at {args.data}")
        return 2
    floors = read_floors(args.floors) if args.floors else {}
    names = [n for n in EVALUATORS if not args.only or n in args.only]
    started = time.perf_counter()
    outcomes = run_all(names, args.data, args.workers)
    elapsed = time.perf_counter() - started
    console.print(results_table(outcomes, floors))
    for name, outcome in outcomes.items():
        if outcome.skipped is not None:
            console.print(f"[bold]{name}[/]: skipped ({outcome.skipped})", highlight=False)
            continue
        console.print(f"[bold]{name}[/] ({outcome.seconds:.1f} s)")
        for note in outcome.notes:
            console.print(Text(f"  {note}"))
    console.print(f"data: {args.data}; wall time {elapsed:.1f} s with {args.workers} worker(s)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(outcomes), indent=2) + "\n", encoding="utf-8")
        console.print(f"wrote {args.json}")
    if not floors:
        return 0
    failures, notes = check_floors(outcomes, floors)
    for note in notes:
        console.print(note)
    for failure in failures:
        console.print(Text(f"FLOOR: {failure}", style="bold red"))
    console.print(f"floors ({args.floors}): {'ok' if not failures else f'{len(failures)} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
