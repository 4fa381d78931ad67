"""Compare a text that lost its capitals, and read the caveat that comes with it.

    python examples/caveats.py [WIRE DERIVATIVE]

Without arguments it compares the bundled harbour_wire.txt with harbour_faithful.txt
written all in lower case, as a text pipeline or a summarisation model may give it.
sourcecompare tells names, speakers and agency credits by their capitals, so in such a
text it reports speakers as dropped that are still there; the comparison says so in its
caveats. The script prints the caveats, then each finding about attribution, and, for
the bundled pair, how many there are in the same comparison on the text as written.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.text import Text

import sourcecompare as sc
from sourcecompare.render.console import safe_text

ARTICLES = Path(__file__).resolve().parent / "articles"


def report(console: Console, comparison: sc.Comparison) -> None:
    """The caveats, then each attribution finding: its kind and message."""
    if not comparison.caveats:
        console.print("no caveat: the texts are cased as usual")
    for caveat in comparison.caveats:
        console.print(Text.assemble(("caveat ", "bold yellow"), safe_text(caveat.message)))
    for finding in comparison.select(["attribution"]).findings:
        # Messages quote article text: shown as plain text, never read as markup.
        console.print(
            Text.assemble(("  " + finding.kind, "bold"), ": ", safe_text(finding.message))
        )


def counts(comparison: sc.Comparison) -> str:
    """The attribution findings by kind, as "2 speaker_dropped, 1 ..."."""
    kinds = Counter(f.kind.partition(".")[2] for f in comparison.select(["attribution"]).findings)
    return ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "none"


def main(argv: list[str]) -> int:
    """Compare the articles in *argv*, or the bundled pair with its copy in lower case."""
    console = Console(highlight=False)
    try:
        if len(argv) == 2:  # a wire and a derivative
            report(console, sc.compare(Path(argv[0]), Path(argv[1])))
            return 0
        wire = sc.Document.from_path(ARTICLES / "harbour_wire.txt")
        written = (ARTICLES / "harbour_faithful.txt").read_text(encoding="utf-8")
        lowered = sc.compare(wire, sc.Document.from_text(written.lower(), doc_id="lowered"))
        as_written = sc.compare(wire, sc.Document.from_text(written, doc_id="as written"))
    except sc.SourceCompareError as exc:
        print(f"cannot compare the articles: {exc}", file=sys.stderr)
        return 2
    console.print("harbour_faithful.txt in lower case, against harbour_wire.txt:")
    report(console, lowered)
    console.print()
    console.print(f"attribution findings in lower case: {counts(lowered)}")
    console.print(f"attribution findings as written:    {counts(as_written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
