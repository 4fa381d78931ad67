"""Find what a rewrite added, dropped and attributed differently, with the evidence.

    python examples/find_drift.py [WIRE DERIVATIVE]

Without arguments it uses the bundled pair. Aligns the two articles, runs every
detector, and prints each finding: its severity and kind, its message, the exact words
each of its spans points at in the rewrite and in the wire (with their character
offsets), and the scores that decided it. Article text is printed as plain text,
never read as Rich markup, and control characters in it are shown escaped.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.text import Text
from rich.theme import Theme

import sourcecompare as sc
from sourcecompare.render.console import THEME, safe_text

HERE = Path(__file__).resolve().parent / "articles"

# Named styles, so that a theme of your own can restyle them; sourcecompare's own are
# kept, for the escapes that safe_text marks.
STYLES = Theme(
    {
        **{name: str(style) for name, style in THEME.styles.items()},
        "drift.high": "bold red",
        "drift.medium": "yellow",
        "drift.low": "cyan",
        "drift.kind": "bold",
        "drift.where": "dim",
    }
)


def evidence(label: str, doc: sc.Document, span: sc.Span) -> Text:
    """One line of evidence: where the span is, and the words it points at."""
    return Text.assemble(
        (f"    {label:<10} {span.start:>5}–{span.end:<5} ", "drift.where"),
        safe_text(doc.span_text(span)),
    )


def show(console: Console, finding: sc.Finding, alignment: sc.Alignment) -> None:
    """Print one finding with the words its spans point at."""
    severity = finding.severity.value
    console.print(
        Text.assemble((f"{severity.upper():<7}", f"drift.{severity}"), (finding.kind, "drift.kind"))
    )
    # The message quotes article text: print it as plain text, never as markup.
    console.print(safe_text(finding.message), overflow="fold")
    wire = alignment.wires[finding.wire]
    for span in finding.derivative_spans:
        console.print(evidence("derivative", alignment.derivative, span))
    for span in finding.wire_spans:
        console.print(evidence("wire", wire, span))
    if finding.scores:
        scores = ", ".join(f"{name} {value:.2f}" for name, value in finding.scores)
        console.print(Text(f"    {'scores':<10} {scores}", style="drift.where"))
    console.print()


def main(argv: list[str]) -> int:
    """Compare the two articles in *argv* (or the bundled pair) and print the findings."""
    wire_path, derivative_path = (
        (Path(argv[0]), Path(argv[1]))
        if len(argv) == 2
        else (HERE / "harbour_wire.txt", HERE / "harbour_rewrite.txt")
    )
    console = Console(theme=STYLES, highlight=False)
    try:
        wire = sc.Document.from_path(wire_path)
        derivative = sc.Document.from_path(derivative_path)
    except sc.SourceCompareError as exc:
        Console(stderr=True).print(safe_text(f"cannot read the articles: {exc}"))
        return 2

    alignment = sc.align(wire, derivative)
    findings = sc.detect(alignment)

    counts = Counter(finding.category for finding in findings)
    severities = Counter(finding.severity.value for finding in findings)
    console.print(
        safe_text(
            f"{derivative.doc_id} against {wire.doc_id}: {len(findings)} findings "
            f"({', '.join(f'{n} {c}' for c, n in sorted(counts.items()))}; "
            f"{', '.join(f'{severities[s]} {s}' for s in ('high', 'medium', 'low'))})"
        ),
        style="bold",
    )
    console.print()
    for finding in findings:
        show(console, finding, alignment)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
