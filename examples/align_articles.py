"""Align a rewrite with the wire report it came from.

    python examples/align_articles.py [WIRE DERIVATIVE]

Without arguments it uses the bundled pair. Prints, for every sentence of the
rewrite, how it relates to the wire (verbatim, edited, paraphrase, fused, embellished
or unsupported) and the wire words it dropped or added; then every wire sentence the
rewrite left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import sourcecompare as sc

HERE = Path(__file__).resolve().parent / "articles"


def words(segment: sc.Segment, ranges: tuple[tuple[int, int], ...]) -> str:
    """The text of token ranges of *segment*, joined by commas."""
    return ", ".join(" ".join(t.text for t in segment.tokens[a:b]) for a, b in ranges)


def main(argv: list[str]) -> int:
    """Align the two articles in *argv* (or the bundled pair) and print what changed."""
    wire_path, derivative_path = (
        (Path(argv[0]), Path(argv[1]))
        if len(argv) == 2
        else (HERE / "harbour_wire.txt", HERE / "harbour_rewrite.txt")
    )
    try:
        wire = sc.Document.from_path(wire_path)
        derivative = sc.Document.from_path(derivative_path)
    except sc.SourceCompareError as exc:
        print(f"cannot read the articles: {exc}", file=sys.stderr)
        return 2

    result = sc.align(wire, derivative)
    print(
        f"{result.supported_share:.0%} of the rewrite is supported by the wire; "
        f"{result.kept_share:.0%} of the wire is kept; {result.verbatim_share:.0%} verbatim."
    )
    for entry in result.segments:
        segment = result.derivative_segment(entry)
        print(f"\n[{entry.label.value}, support {entry.support:.2f}] {segment.text}")
        for source in entry.sources:
            wire_segment = result.wire_segment(source)
            print(f"    from: {wire_segment.text}")
            if source.dropped and len(entry.sources) == 1:
                # With several sources, each naturally "drops" what the others supply.
                print(f"    dropped: {words(wire_segment, source.dropped)}")
        if entry.new and entry.label.supported:
            print(f"    not in the wire: {words(segment, entry.new)}")

    omitted = [f for f in result.wire_sentences if f.fate is sc.WireFate.OMITTED]
    print(f"\n{len(omitted)} wire sentences left out:")
    for fate in omitted:
        print(f"  - {result.wire_segment(fate).text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
