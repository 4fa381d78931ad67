"""Shared helpers for the benchmarks: locating ../shared and reading its datasets.

Datasets are read at run time from the folder given on the command line (default
``../shared`` next to the repository); nothing from them is copied into the repository.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from sourcecompare import Document, Segment

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def auroc(scores: list[float], labels: list[int]) -> float:
    """Area under the ROC curve (ties count one half), by the rank-sum formula."""
    pairs = sorted(zip(scores, labels, strict=True))
    ranks = [0.0] * len(pairs)
    i = 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    rank_sum = sum(r for r, (_, label) in zip(ranks, pairs, strict=True) if label)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


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


def msrp_files(shared: Path) -> list[Path]:
    """Whichever MSRP split files are present (train here, test in the held-out copy)."""
    return sorted((shared / "data" / "msrp").glob("msr_paraphrase_*.txt"))


def read_msrp(path: Path) -> Iterator[tuple[int, str, str]]:
    """Yield (label, sentence 1, sentence 2); skips the repository's made-up rows (id -1)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) < 5 or row[1].strip() == "-1" or row[2].strip() == "-1":
                continue
            yield int(row[0]), row[3], row[4]


# --- XSum hallucination annotations (with FRANK's article texts) ---------------------------


@attrs.frozen
class XsumSummary:
    """One annotated one-sentence summary and the article it summarises."""

    bbcid: str
    system: str
    article: str
    summary: str
    extrinsic: frozenset[int]  # character offsets marked extrinsic by >= 2 annotators
    annotators: int


def _locate(summary: str, span: str, start: int) -> tuple[int, int] | None:
    """Find *span* in *summary* near *start* (offsets are 0- or 1-based, inconsistently)."""
    span = span.strip()
    if not span:
        return None
    best = None
    position = summary.find(span)
    while position >= 0:
        distance = abs(position - start)
        if best is None or distance < best[0]:
            best = (distance, position)
        position = summary.find(span, position + 1)
    if best is None:
        return None
    return best[1], best[1] + len(span)


def xsum_summaries(shared: Path) -> list[XsumSummary]:
    """Annotated XSum summaries whose article text FRANK provides; empty if absent."""
    folder = shared / "data" / "xsum-hallucination-annotations"
    articles = shared / "data" / "frank" / "data" / "articles-wbertscore-json"
    table = folder / "hallucination_annotations_xsum_summaries.csv"
    if not table.is_file() or not articles.is_dir():
        return []
    marks: dict[tuple[str, str], dict[str, set[int]]] = {}
    texts: dict[tuple[str, str], str] = {}
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["bbcid"], row["system"])
            texts[key] = row["summary"]
            worker = marks.setdefault(key, {}).setdefault(row["worker_id"], set())
            if row["hallucination_type"] != "extrinsic":
                continue
            try:
                start = int(row["hallucinated_span_start"])
            except ValueError:
                start = 0
            located = _locate(row["summary"], row["hallucinated_span"], start)
            if located is not None:
                worker.update(range(*located))
    result = []
    for (bbcid, system), workers in sorted(marks.items()):
        path = articles / f"{bbcid}.json"
        if not path.is_file():
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        lines = record.get("article_lines") or [record.get("article", "")]
        article = "\n\n".join(line.strip() for line in lines if line.strip())
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
