"""Find the wire stories an article was written from, in a small wire index.

    python examples/trace_sources.py [ARTICLE ...]

Builds a wire index in a temporary folder from the bundled wire stories
(harbour_wire.txt, rail_wire.txt, and the six stories of wires.jsonl, which share
places and topics with them), then traces each ARTICLE (by default the bundled
roundup.txt, harbour_rewrite.txt and harbour_blog.txt): the stories it draws on,
ranked, with the share of the article each supports, and a line on the comparison
with its sources. ``sourcecompare index add`` and ``sourcecompare trace`` do the same
on the command line.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import sourcecompare as sc
from sourcecompare.index import Trace, WireIndex, trace

ARTICLES = Path(__file__).resolve().parent / "articles"
WIRES = [ARTICLES / "harbour_wire.txt", ARTICLES / "rail_wire.txt", ARTICLES / "wires.jsonl"]
DEFAULT = [ARTICLES / name for name in ("roundup.txt", "harbour_rewrite.txt", "harbour_blog.txt")]


def describe(result: Trace) -> list[str]:
    """Lines describing a trace: the candidates, best first, then the comparison."""
    lines = []
    for rank, candidate in enumerate(result.candidates, start=1):
        details = ", ".join(
            part
            for part in (candidate.agency, candidate.published and candidate.published.isoformat())
            if part
        )
        mark = "*" if candidate in result.sources else " "
        lines.append(
            f" {mark}{rank}. {candidate.id:<40} {candidate.share:4.0%} of the article"
            + (f"  ({details})" if details else "")
        )
    if result.comparison is None:
        lines.append("  no source found")
        return lines
    summary = result.comparison.summary
    severities = ", ".join(f"{count} {name}" for name, count in summary.by_severity if count)
    lines.append(
        f"  compared with {len(result.sources)} source(s): "
        f"{summary.derivative_supported:.0%} of the article supported, "
        f"{summary.findings} findings ({severities or 'none'})"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Index the bundled wires, trace each article, print what was found."""
    parser = argparse.ArgumentParser(description="Trace articles back to their wire stories.")
    parser.add_argument("articles", nargs="*", type=Path, default=DEFAULT, help="articles to trace")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        try:
            with WireIndex.create(Path(folder) / "wires.db") as index:
                report = index.add_paths(WIRES)
                print(f"Indexed {report.added} wire stories: {', '.join(index.ids())}")
                for article in args.articles:
                    result = trace(article, index)
                    print(f"\n{article.name} draws on (* = its sources):")
                    print("\n".join(describe(result)))
        except sc.SourceCompareError as exc:
            print(f"cannot trace the articles: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
