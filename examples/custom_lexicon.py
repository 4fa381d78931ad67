"""Extend the word lists, and see a finding that only the extension reveals.

    python examples/custom_lexicon.py

A wire report and a rewrite, written for this example. The rewrite calls a
glasshouse "glitzy" and has its head gardener "grumble" where the wire has her say,
words the bundled lists do not know. With the bundled lists both are only
embellishments, words the wire does not have; with "glitzy" added to the evaluative
words and "grumble" to the reporting verbs (graded "disapproving"), passed to
``compare`` in its ``CompareOptions``, both are reported for what they are:
evaluative language, and a reporting verb that colours what she said.
"""

from __future__ import annotations

import sys

import sourcecompare as sc

WIRE = (
    "VARNE, April 2 (Reuters) - The Brill Park glasshouse will reopen in May with a new "
    "roof, the park's trustees said on Tuesday.\n\n"
    "Anneke Vos, the head gardener of the Varne Horticultural Society, said the palm "
    "collection had been replanted by volunteers over the winter.\n"
)
REWRITE = (
    "VARNE (Reuters) - The glitzy Brill Park glasshouse will reopen in May with a new "
    "roof, the park's trustees said on Tuesday.\n\n"
    "Anneke Vos, the head gardener of the Varne Horticultural Society, grumbled that the "
    "palm collection had been replanted by volunteers over the winter.\n"
)


def report(title: str, findings: tuple[sc.Finding, ...]) -> None:
    """Print the findings under a title."""
    print(f"{title}: {len(findings)} findings")
    for finding in findings:
        print(f"  {finding.severity.value:<7}{finding.kind}")
        print(f"         {finding.message}")


def main() -> int:
    """Compare the two texts with the bundled lists, then with extended ones."""
    bundled = sc.compare(WIRE, REWRITE).findings
    report("With the bundled lists", bundled)

    options = sc.CompareOptions(
        lexicons=sc.Lexicons.default().extend(evaluative=["glitzy"]),
        reporting=sc.ReportingLexicon.default().extend(verbs={"grumble": "disapproving"}),
    )
    extended = sc.compare(WIRE, REWRITE, options=options).findings
    print()
    report("With 'glitzy' and 'grumble' added", extended)

    only_extended = [f for f in extended if f not in bundled]
    print()
    print("Reported only with the extended lists:")
    for finding in only_extended:
        print(f"  {finding.kind}: {finding.message}")
    expected = {"framing.evaluative_language", "attribution.cue_changed"}
    return 0 if expected <= {f.kind for f in only_extended} else 1


if __name__ == "__main__":
    sys.exit(main())
