"""Write the report of a comparison as a self-contained HTML page.

    python examples/export_html.py [OUTPUT.html]

Compares the bundled pair (harbour_wire.txt and harbour_rewrite.txt) and writes the
report, as ``rich.print`` would draw it, 100 columns wide, to OUTPUT.html, or to a new
temporary folder when no file is given. Prints the path of the page and how many
findings it shows. ``Comparison.to_svg`` writes the same report as an SVG image.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import sourcecompare as sc

ARTICLES = Path(__file__).resolve().parent / "articles"


def main(argv: list[str]) -> int:
    """Compare the bundled pair, write its HTML report, and print where it is."""
    target = (
        Path(argv[0])
        if argv
        else Path(tempfile.mkdtemp(prefix="sourcecompare-")) / "harbour_rewrite.html"
    )
    comparison = sc.compare(ARTICLES / "harbour_wire.txt", ARTICLES / "harbour_rewrite.txt")
    try:
        target.write_text(comparison.to_html(width=100), encoding="utf-8")
    except OSError as exc:
        print(f"cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2

    print(target)
    worst = comparison.worst.value if comparison.worst is not None else "none"
    print(f"{comparison.summary.findings} findings; the most severe: {worst}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
