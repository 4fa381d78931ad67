"""Compare one wire report with several outlets' versions of it, and rank the outlets.

    python examples/several_outlets.py [WIRE DERIVATIVE ...]

Without arguments it compares the bundled harbour_wire.txt with four versions of it:
a faithful newspaper edit, an aggregator's trimmed copy, an AI-style rewrite and an
opinionated blog post (see examples/articles/README.md). Prints one table, most
faithful outlet first: findings by severity, how much of each
version the wire supports, how much of the wire it kept, and how many wire speakers
it no longer credits. Outlets are ranked by their high, then medium, then low
severity findings, fewest first.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

import sourcecompare as sc
from sourcecompare.render.console import safe_text

ARTICLES = Path(__file__).resolve().parent / "articles"
OUTLETS = (
    "harbour_faithful.txt",
    "harbour_aggregator.txt",
    "harbour_rewrite.txt",
    "harbour_blog.txt",
)


def rank(comparison: sc.Comparison) -> tuple[int, ...]:
    """The sort key of an outlet: its high, medium and low findings, in that order."""
    counts = dict(comparison.summary.by_severity)
    return (counts["high"], counts["medium"], counts["low"])


def table(comparisons: list[sc.Comparison]) -> Table:
    """One row per outlet, most faithful first."""
    result = Table()
    result.add_column("#", justify="right")
    result.add_column("outlet", no_wrap=True)
    for name in ("high", "medium", "low"):
        result.add_column(name, justify="right")
    result.add_column("supported", justify="right")
    result.add_column("wire kept", justify="right")
    result.add_column("speakers lost", justify="right")
    for place, comparison in enumerate(sorted(comparisons, key=rank), start=1):
        summary = comparison.summary
        result.add_row(
            str(place),
            # File names are data: shown as plain text, never read as markup.
            safe_text(comparison.derivative.doc_id or "?"),
            *(str(n) for n in rank(comparison)),
            f"{summary.derivative_supported:.0%}",
            f"{summary.wire_kept:.0%}",
            f"{len(summary.speakers_dropped)} of "
            f"{len(summary.speakers_kept) + len(summary.speakers_dropped)}",
        )
    return result


def main(argv: list[str]) -> int:
    """Compare each outlet in *argv* (or the bundled ones) with the wire and rank them."""
    if len(argv) == 1:
        print("give a wire report and at least one version of it", file=sys.stderr)
        return 2
    wire, outlets = (
        (Path(argv[0]), [Path(a) for a in argv[1:]])
        if argv
        else (ARTICLES / "harbour_wire.txt", [ARTICLES / name for name in OUTLETS])
    )
    try:
        # Read the wire once; compare() takes the parsed Document as it takes a path.
        wire_doc = sc.Document.from_path(wire)
        comparisons = [sc.compare(wire_doc, outlet) for outlet in outlets]
    except sc.SourceCompareError as exc:
        print(f"cannot compare the articles: {exc}", file=sys.stderr)
        return 2

    console = Console(highlight=False)
    console.print(safe_text(f"Versions of {wire_doc.doc_id}, most faithful first:"))
    console.print(table(comparisons))
    best, worst = min(comparisons, key=rank), max(comparisons, key=rank)
    console.print(
        safe_text(
            f"Most faithful: {best.derivative.doc_id}. Least faithful: "
            f"{worst.derivative.doc_id}, which no longer credits "
            f"{', '.join(worst.summary.speakers_dropped) or 'no one'}."
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
