"""Sentence segmentation: accuracy on the hand-written gold set, and parsing throughput.

    python bench/segmentation.py [--gold tests/data/segmentation_gold.jsonl] [--no-pysbd]
                                 [--megabytes 4] [--min-accuracy 0.95]

Prints, for the built-in RuleSegmenter and (when installed) pysbd:

* case accuracy: share of gold paragraphs split exactly right;
* boundary precision, recall and F1 over all sentence boundaries;
* accuracy per category;

then the throughput of ``Document.from_text`` (furniture, segmentation, tokenisation)
on a few megabytes of article text built from ``examples/articles``, on one core.

With ``--min-accuracy`` it exits 1 when the RuleSegmenter's case accuracy is below it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sourcecompare import Document, RuleSegmenter

ROOT = Path(__file__).resolve().parent.parent


def load_gold(path: Path) -> list[dict[str, object]]:
    """Read the gold set: one JSON object per line with text, sentences and category."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def boundaries(text: str, sentences: list[str]) -> set[int]:
    """Return the end offsets of all sentences but the last, located in order in *text*."""
    ends, position = set(), 0
    for sentence in sentences[:-1]:
        start = text.index(sentence, position)
        position = start + len(sentence)
        ends.add(position)
    return ends


class PysbdSegmenter:
    """pysbd behind the Segmenter protocol (its character spans mapped back to offsets)."""

    def __init__(self) -> None:
        import pysbd  # noqa: PLC0415 - optional, bench only

        self._seg = pysbd.Segmenter(language="en", clean=False, char_span=False)

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return trimmed sentence spans in ``text[start:end]``."""
        spans, position = [], start
        for piece in self._seg.segment(text[start:end]):
            stripped = piece.strip()
            if not stripped:
                continue
            at = text.index(stripped, position, end)
            spans.append((at, at + len(stripped)))
            position = at + len(stripped)
        return spans


def score(segmenter: object, gold: list[dict[str, object]]) -> dict[str, object]:
    """Score *segmenter* on *gold*: case accuracy, boundary P/R/F1, per-category accuracy."""
    split = segmenter.split  # type: ignore[attr-defined]
    exact, tp, fp, fn = 0, 0, 0, 0
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for case in gold:
        text = str(case["text"])
        expected = [str(s) for s in case["sentences"]]  # type: ignore[attr-defined]
        got = [text[s:e] for s, e in split(text, 0, len(text))]
        want, have = boundaries(text, expected), boundaries(text, got)
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
        ok = got == expected
        exact += ok
        per_cat[str(case["category"])][0] += ok
        per_cat[str(case["category"])][1] += 1
        if not ok:
            failures.append((case["id"], expected, got))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": exact / len(gold),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "per_category": {k: v[0] / v[1] for k, v in sorted(per_cat.items())},
        "failures": failures,
    }


def throughput(megabytes: float) -> tuple[float, int]:
    """Median MB/s of Document.from_text over about *megabytes* of article text."""
    articles = sorted((ROOT / "examples" / "articles").glob("*.txt"))
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in articles)
    copies = max(1, int(megabytes * 1_000_000 / len(body.encode("utf-8"))))
    # Vary each copy so that the token cache sees new surface forms too, as in real corpora.
    text = "\n\n".join(body.replace("the ", f"the{i % 997} ", 3) for i in range(copies))
    size = len(text.encode("utf-8"))
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        Document.from_text(text, max_chars=len(text))
        timings.append(time.perf_counter() - started)
    return size / 1_000_000 / statistics.median(timings), size


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/data/segmentation_gold.jsonl")
    parser.add_argument("--no-pysbd", action="store_true", help="skip the pysbd comparison")
    parser.add_argument("--megabytes", type=float, default=4.0, help="size of the speed test")
    parser.add_argument("--min-accuracy", type=float, help="fail below this case accuracy")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()

    console = Console(highlight=False)
    gold = load_gold(args.gold)
    segmenters: dict[str, object] = {"sourcecompare RuleSegmenter": RuleSegmenter()}
    if not args.no_pysbd:
        try:
            segmenters["pysbd"] = PysbdSegmenter()
        except ImportError:
            console.print("pysbd is not installed (pip install --group bench); skipped")
    results = {name: score(seg, gold) for name, seg in segmenters.items()}

    table = Table(title=f"Sentence segmentation on {len(gold)} gold paragraphs ({args.gold.name})")
    table.add_column("segmenter")
    for column in ("case accuracy", "boundary P", "boundary R", "boundary F1"):
        table.add_column(column, justify="right")
    for name, result in results.items():
        table.add_row(
            name,
            *(f"{result[k]:.3f}" for k in ("accuracy", "precision", "recall", "f1")),
        )
    console.print(table)
    categories = Table(title="Case accuracy by category")
    categories.add_column("category")
    for name in results:
        categories.add_column(name, justify="right")
    first = next(iter(results.values()))
    for category in first["per_category"]:  # type: ignore[attr-defined]
        categories.add_row(
            category,
            *(f"{r['per_category'][category]:.2f}" for r in results.values()),  # type: ignore[index]
        )
    console.print(categories)
    if args.show_failures:
        for name, result in results.items():
            for case_id, expected, got in result["failures"]:  # type: ignore[attr-defined]
                console.print(f"[bold]{name}[/] {case_id}", highlight=False)
                console.print("  expected:", expected, markup=False)
                console.print("  got:     ", got, markup=False)

    speed, size = throughput(args.megabytes)
    console.print(
        f"Document.from_text throughput: {speed:.2f} MB/s on {size / 1e6:.1f} MB "
        "(furniture + segmentation + tokenisation, one core, median of 3)"
    )
    accuracy = float(results["sourcecompare RuleSegmenter"]["accuracy"])  # type: ignore[arg-type]
    if args.min_accuracy is not None and accuracy < args.min_accuracy:
        console.print(f"FAIL: case accuracy {accuracy:.3f} is below {args.min_accuracy}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
