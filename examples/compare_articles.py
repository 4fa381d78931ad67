"""Compare a rewrite with the wire report it came from, and print the full report.

    python examples/compare_articles.py [WIRE DERIVATIVE]

Without arguments it uses the bundled pair (harbour_wire.txt and harbour_rewrite.txt).
It calls ``sourcecompare.compare`` and prints the result with Rich: the summary, every
finding with its evidence, what became of each wire speaker, and the alignment. The
same report is what ``sourcecompare compare WIRE DERIVATIVE`` prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import rich

import sourcecompare as sc

ARTICLES = Path(__file__).resolve().parent / "articles"


def main(argv: list[str] | None = None) -> int:
    """Compare the two articles named in *argv* (or the bundled pair) and print the report."""
    parser = argparse.ArgumentParser(description="Compare a rewrite with its wire report.")
    parser.add_argument(
        "wire",
        nargs="?",
        type=Path,
        default=ARTICLES / "harbour_wire.txt",
        help="the wire report (default: the bundled harbour_wire.txt)",
    )
    parser.add_argument(
        "derivative",
        nargs="?",
        type=Path,
        default=ARTICLES / "harbour_rewrite.txt",
        help="the article derived from it (default: the bundled harbour_rewrite.txt)",
    )
    args = parser.parse_args(argv)
    try:
        comparison = sc.compare(args.wire, args.derivative)
    except sc.SourceCompareError as exc:
        print(f"cannot compare the articles: {exc}", file=sys.stderr)
        return 2

    # The comparison draws itself; article text in it is never read as Rich markup.
    rich.print(comparison)
    return 0


if __name__ == "__main__":
    sys.exit(main())
