"""Alignment quality and speed: the reference case, MSRP, and a 50 x 50 timing.

    python bench/alignment.py [--shared ../shared] [--only seeds|msrp|speed] [KEY=VALUE ...]

* ``seeds``: the per-sentence table for the reference pair (derivative sentence, our
  label, sources found, support, the annotation), the number of the 17 annotated
  derivative sentences in the right class (supported or embellished vs added), and
  whether the annotated sources are among those found for the supported ones.
* ``msrp``: the alignment's pair similarity (``SourceMatch.similarity``) used as a
  paraphrase detector on whichever MSRP split is present: AUROC and best-threshold
  accuracy. Term weights come from background frequencies counted over all
  sentences of the split (no labels are used): a pair of single sentences has no
  term statistics of its own.
* ``speed``: median time to align a 50-sentence wire with a 50-sentence derivative,
  on one core, warm, parsing excluded.

``KEY=VALUE`` arguments override AlignOptions fields (``supported=0.45``).

``--min-seeds N`` and ``--min-msrp X`` make it exit 1 when the reference case has
fewer than N sentences in the right class or MSRP's AUROC is below X (CI uses both).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from _data import (
    SHARED,
    auroc,
    best_threshold_accuracy,
    load_seed,
    msrp_files,
    msrp_similarities,
    read_msrp,
)
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sourcecompare import AlignOptions, Document, align

ROOT = Path(__file__).resolve().parent.parent


def parse_overrides(pairs: list[str]) -> dict[str, object]:
    """Turn KEY=VALUE strings into AlignOptions keyword arguments."""
    overrides: dict[str, object] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        try:
            overrides[key] = int(value)
        except ValueError:
            try:
                overrides[key] = float(value)
            except ValueError:
                overrides[key] = value
    return overrides


def run_seeds(shared: Path, options: AlignOptions, console: Console) -> dict[str, float]:
    """Print the reference-case table; return its figures."""
    case = load_seed(shared)
    result = align(case.wire, case.derivative, options)
    table = Table(title="Reference case: derivative sentences", show_lines=False)
    for column in ("id", "derivative sentence", "label", "support", "sources", "annotation", "ok"):
        table.add_column(column, overflow="fold")
    right = sources_ok = supported_total = 0
    for entry in result.segments:
        segment = case.derivative.segments[entry.segment]
        annotated = case.derivative_ids.get(entry.segment)
        found = [case.wire_ids.get(s.segment, "headline") for s in entry.sources]
        if annotated is None:
            table.add_row(
                segment.kind.value,
                Text(segment.text[:50]),
                entry.label.value,
                f"{entry.support:.2f}",
                " ".join(found),
                "",
                "",
            )
            continue
        want_supported = annotated["label"] != "added"
        ok = entry.label.supported == want_supported
        right += ok
        marks = "✓" if ok else "✗"
        if want_supported:
            supported_total += 1
            first = annotated["sources"][0] if annotated["sources"] else None
            has_sources = first in found
            sources_ok += has_sources
            marks += "" if has_sources else " (sources)"
        table.add_row(
            annotated["id"],
            Text(segment.text[:50]),
            entry.label.value,
            f"{entry.support:.2f}",
            " ".join(found),
            f"{annotated['label']} {' '.join(annotated['sources'])}",
            marks,
        )
    console.print(table)
    fates = Table(title="Reference case: wire sentences")
    for column in ("id", "fate", "coverage", "annotation"):
        fates.add_column(column)
    annotated_fates = {w["id"]: w["fate"] for w in case.annotation["wire_sentences"]}
    fate_right = 0
    for entry in result.wire_sentences:
        wid = case.wire_ids.get(entry.segment)
        if wid is None:
            continue
        fate_right += entry.fate.value == annotated_fates[wid]
        fates.add_row(wid, entry.fate.value, f"{entry.coverage:.2f}", annotated_fates[wid])
    console.print(fates)
    figures = {
        "sentence_class_right": right,
        "sentence_class_total": len(case.derivative_ids),
        "first_annotated_source_found": sources_ok,
        "supported_total": supported_total,
        "wire_fates_right": fate_right,
    }
    console.print(
        f"class right: {right}/{len(case.derivative_ids)}; first annotated source found for "
        f"{sources_ok}/{supported_total} supported; wire fates right: {fate_right}/11"
    )
    return figures


def run_msrp(shared: Path, options: AlignOptions, console: Console) -> dict[str, float]:
    """Score MSRP pairs with the alignment's similarity; print AUROC and accuracy."""
    files = msrp_files(shared)
    if not files:
        console.print("msrp: no msr_paraphrase_*.txt found; skipped")
        return {}
    figures: dict[str, float] = {}
    for path in files:
        rows = list(read_msrp(path))
        started = time.perf_counter()
        scores, labels = msrp_similarities(rows, options)
        elapsed = time.perf_counter() - started
        area = auroc(scores, labels)
        accuracy, threshold = best_threshold_accuracy(scores, labels)
        console.print(
            f"msrp {path.name}: {len(rows)} pairs, AUROC {area:.3f}, best-threshold accuracy "
            f"{accuracy:.3f} at {threshold:.2f} ({elapsed:.1f} s)"
        )
        figures[f"{path.stem}_auroc"] = area
        figures[f"{path.stem}_accuracy"] = accuracy
    return figures


def synthetic_pair(sentences: int) -> tuple[Document, Document]:
    """A wire of *sentences* sentences and a rewrite of the same length from the examples."""
    text = (ROOT / "examples" / "articles" / "harbour_wire.txt").read_text(encoding="utf-8")
    rewrite = (ROOT / "examples" / "articles" / "harbour_rewrite.txt").read_text(encoding="utf-8")
    wire_sents = [s.text for s in Document.from_text(text).sentences]
    rew_sents = [s.text for s in Document.from_text(rewrite).sentences]
    wire_body = " ".join(
        f"{wire_sents[i % len(wire_sents)]}"
        if i < len(wire_sents)
        else wire_sents[i % len(wire_sents)].replace("the ", f"the {i} ", 1)
        for i in range(sentences)
    )
    rewrite_body = " ".join(
        rew_sents[i % len(rew_sents)]
        if i < len(rew_sents)
        else rew_sents[i % len(rew_sents)].replace("the ", f"the {i} ", 1)
        for i in range(sentences)
    )
    return Document.from_text(wire_body), Document.from_text(rewrite_body)


def run_speed(options: AlignOptions, console: Console) -> dict[str, float]:
    """Median wall time of align() on a 50 x 50 sentence pair (warm, parsing excluded)."""
    wire, derivative = synthetic_pair(50)
    for _ in range(3):
        align(wire, derivative, options)
    timings = []
    for _ in range(30):
        started = time.perf_counter()
        align(wire, derivative, options)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings) * 1000
    console.print(
        f"speed: {len(wire.sentences)} x {len(derivative.sentences)} sentences aligned in "
        f"{median:.1f} ms median (min {min(timings) * 1000:.1f} ms, 30 runs)"
    )
    return {"align_50x50_ms": median}


def main() -> int:
    """Run the chosen parts and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--only", choices=("seeds", "msrp", "speed"), action="append")
    parser.add_argument("--min-seeds", type=int, help="fail below this many right (of 17)")
    parser.add_argument("--min-msrp", type=float, help="fail below this MSRP AUROC")
    parser.add_argument("overrides", nargs="*", metavar="KEY=VALUE")
    args = parser.parse_args()
    options = AlignOptions(**parse_overrides(args.overrides))  # type: ignore[arg-type]
    console = Console(highlight=False)
    parts = args.only or ["seeds", "msrp", "speed"]
    failures = []
    if "seeds" in parts:
        if (args.shared / "seeds").is_dir():
            right = run_seeds(args.shared, options, console)["sentence_class_right"]
            if args.min_seeds is not None and right < args.min_seeds:
                failures.append(f"reference case: {right} right, below {args.min_seeds}")
        else:
            console.print(f"seeds: {args.shared / 'seeds'} not found; skipped")
    if "msrp" in parts:
        for name, value in run_msrp(args.shared, options, console).items():
            if args.min_msrp is not None and name.endswith("_auroc") and value < args.min_msrp:
                failures.append(f"{name} {value:.3f}, below {args.min_msrp}")
    if "speed" in parts:
        run_speed(options, console)
    for failure in failures:
        console.print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
