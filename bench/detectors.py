"""Detectors on the reference case, and their cost against the alignment's.

    python bench/detectors.py [--shared ../shared] [--only seeds|speed] [--check]

* ``seeds``: every finding on the reference pair (kind, severity, derivative sentence,
  the words its spans point at, the message), then issue 4's checklist, item by item:
  the five named speakers reported as dropped, generalised or amplified;
  Stuckelberger amplified; D12, D13 and D14 fabricated; the Xinhua credit and the
  dateline date removed; "pivotal", "lauded" and "particularly noteworthy" evaluative;
  the W6 to D8 certainty shift; "are likely to grow" as speculation; W8 omitted;
  at least 13 of the 15 annotated omitted names and figures.
* ``speed``: median wall time of ``detect()`` (all default detectors, attribution
  extraction included) against ``align()`` on the 50 x 50 sentence pair of
  ``bench/alignment.py``, warm, on one core. Runs alternate so that load on the
  machine affects both alike.

``--check`` exits 1 when a checklist item fails or detection costs more than alignment.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from _data import SHARED, load_seed
from alignment import synthetic_pair
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sourcecompare import Finding, align, detect

SPEAKER_KINDS = {
    "attribution.speaker_dropped",
    "attribution.speaker_generalised",
    "attribution.speaker_amplified",
}
NAME_KINDS = {
    "omission.entity",
    "omission.figure",
    "attribution.credit_removed",
    "attribution.dateline_removed",
}


def _spanned(text: str, finding: Finding, *, wire: bool = False) -> list[str]:
    spans = finding.wire_spans if wire else finding.derivative_spans
    return [text[s.start : s.end] for s in spans]


def run_seeds(shared: Path, console: Console) -> list[tuple[str, bool, str]]:
    """Print the reference case's findings and the checklist; return the checklist."""
    case = load_seed(shared)
    wire, derivative, annotation = case.wire, case.derivative, case.annotation
    found = detect(align(wire, derivative))
    ids = {index: entry["id"] for index, entry in case.derivative_ids.items()}
    table = Table(title=f"Reference case: {len(found)} findings", show_lines=False)
    for column in ("kind", "sev", "D", "derivative words", "message"):
        table.add_column(column, overflow="fold")
    for f in found:
        segment = f.derivative_segments[0] if f.derivative_segments else None
        table.add_row(
            f.kind,
            f.severity.value,
            ids.get(segment, "" if segment is None else f"#{segment}"),
            Text(" | ".join(_spanned(derivative.text, f))[:60]),
            Text(f.message),
        )
    console.print(table)

    def of(*kinds: str) -> list[Finding]:
        return [f for f in found if f.kind in kinds]

    checks: list[tuple[str, bool, str]] = []
    speakers = " ".join(f.message for f in of(*SPEAKER_KINDS))
    named = [s["name"] for s in annotation["speakers"]]
    hit = [n for n in named if n in speakers]
    checks.append(("5 named speakers dropped/generalised", len(hit) == 5, f"{len(hit)}/5"))
    amplified = " ".join(f.message for f in of("attribution.speaker_amplified"))
    checks.append(
        ("Stuckelberger amplified", "Christoph Stuckelberger" in amplified, amplified[:60])
    )
    fabricated = sorted(
        ids.get(f.derivative_segments[0], "?") for f in of("attribution.fabricated")
    )
    checks.append(
        ("D12, D13, D14 fabricated", fabricated == ["D12", "D13", "D14"], ", ".join(fabricated))
    )
    credit = any("Xinhua" in f.message for f in of("attribution.credit_removed"))
    checks.append(("Xinhua credit removed", credit, ""))
    date = any("March 12" in f.message for f in of("attribution.dateline_removed"))
    checks.append(("dateline date removed", date, ""))
    words = {t for f in of("framing.evaluative_language") for t in _spanned(derivative.text, f)}
    wanted = {"pivotal", "lauded", "particularly noteworthy"}
    checks.append(("evaluative words", wanted <= words, ", ".join(sorted(wanted & words))))
    shift = [
        f
        for f in of("framing.certainty_shift")
        if ids.get(f.derivative_segments[0]) == "D8"
        and case.wire_ids.get(f.wire_segments[0]) == "W6"
    ]
    checks.append(("W6 to D8 certainty shift", bool(shift), ""))
    speculation = [_spanned(derivative.text, f) for f in of("framing.speculation")]
    checks.append(("'are likely to grow' speculation", ["are likely to"] in speculation, ""))
    omitted = [
        case.wire_ids.get(f.wire_segments[0])
        for f in of("omission.sentence")
        if "left out" in f.message
    ]
    checks.append(("W8 omitted", "W8" in omitted, ", ".join(sorted(filter(None, omitted)))))
    reported = [t for f in of(*NAME_KINDS) for t in _spanned(wire.text, f, wire=True)]
    names = annotation["omitted_names_and_figures"]
    found_names = [n for n in names if any(n in r for r in reported)]
    checks.append(
        (
            ">= 13 of 15 omitted names and figures",
            len(found_names) >= 13,
            f"{len(found_names)}/15; missing {sorted(set(names) - set(found_names))}",
        )
    )
    checklist = Table(title="Issue 4 checklist")
    for column in ("item", "holds", "detail"):
        checklist.add_column(column, overflow="fold")
    for item, holds, detail in checks:
        checklist.add_row(item, "yes" if holds else "NO", Text(detail))
    console.print(checklist)
    return checks


def run_speed(console: Console, runs: int = 30) -> tuple[float, float]:
    """Median ms of align() and of detect() on the 50 x 50 pair, alternating runs."""
    wire, derivative = synthetic_pair(50)
    alignment = align(wire, derivative)
    for _ in range(3):
        align(wire, derivative)
        detect(alignment)
    align_times, detect_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        align(wire, derivative)
        align_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        detect(alignment)
        detect_times.append(time.perf_counter() - started)
    align_ms = statistics.median(align_times) * 1000
    detect_ms = statistics.median(detect_times) * 1000
    console.print(
        f"speed: {len(wire.sentences)} x {len(derivative.sentences)} sentences: align "
        f"{align_ms:.1f} ms, detect {detect_ms:.1f} ms median over {runs} alternating runs "
        f"(detect / align = {detect_ms / align_ms:.2f})"
    )
    return align_ms, detect_ms


def main() -> int:
    """Run the chosen parts and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--only", choices=("seeds", "speed"), action="append")
    parser.add_argument("--check", action="store_true", help="exit 1 when an item fails")
    args = parser.parse_args()
    console = Console(highlight=False, width=160)
    parts = args.only or ["seeds", "speed"]
    failures = []
    if "seeds" in parts:
        if (args.shared / "seeds").is_dir():
            failures += [item for item, holds, _ in run_seeds(args.shared, console) if not holds]
        else:
            console.print(f"seeds: {args.shared / 'seeds'} not found; skipped")
    if "speed" in parts:
        align_ms, detect_ms = run_speed(console)
        if detect_ms > align_ms:
            failures.append(f"detect {detect_ms:.1f} ms costs more than align {align_ms:.1f} ms")
    for failure in failures:
        console.print(f"FAIL: {failure}")
    return 1 if failures and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
