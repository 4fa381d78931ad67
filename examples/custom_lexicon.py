"""Extend the word lists, and see a finding that only the extension reveals.

    python examples/custom_lexicon.py

A wire report and a rewrite, written for this example. The rewrite calls a
glasshouse "glitzy" and has its head gardener "grumble" where the wire has her say,
words the bundled lists do not know. With the bundled lists both are only
embellishments, words the wire does not have; with "glitzy" added to the evaluative
words and "grumble" to the reporting verbs (graded "disapproving"), passed to
``compare`` in its ``CompareOptions``, both are reported for what they are:
evaluative language, and a reporting verb that colours what she said.

The rewrite also gives the roof's cost of 1.5 million crowns as "15 lakh crowns".
"Lakh" (100,000) is not a bundled magnitude word, so the bundled lists take "15" for
a figure the wire lacks, and the wire's "1.5 million crowns" for a figure the rewrite
leaves out; with the word added to the fact lists (``FactLexicon``, given to the
detectors with ``default_detectors(facts=...)``) the rewrite gives the wire's figure.
"""

from __future__ import annotations

import sys

import sourcecompare as sc
from sourcecompare.detectors import FactLexicon

WIRE = (
    "VARNE, April 2 (Reuters) - The Brill Park glasshouse will reopen in May with a new "
    "roof costing 1.5 million crowns, the park's trustees said on Tuesday.\n\n"
    "Anneke Vos, the head gardener of the Varne Horticultural Society, said the palm "
    "collection had been replanted by volunteers over the winter.\n"
)
REWRITE = (
    "VARNE (Reuters) - The glitzy Brill Park glasshouse will reopen in May with a new "
    "roof costing 15 lakh crowns, the park's trustees said on Tuesday.\n\n"
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

    facts = FactLexicon.default().extend(magnitudes={"lakh": 100_000})
    options = sc.CompareOptions(
        lexicons=sc.Lexicons.default().extend(evaluative=["glitzy"]),
        reporting=sc.ReportingLexicon.default().extend(verbs={"grumble": "disapproving"}),
        detectors=sc.default_detectors(facts=facts),
    )
    extended = sc.compare(WIRE, REWRITE, options=options).findings
    print()
    report("With 'glitzy', 'grumble' and 'lakh' added", extended)

    only_extended = [f for f in extended if f not in bundled]
    print()
    print("Reported only with the extended lists:")
    for finding in only_extended:
        print(f"  {finding.kind}: {finding.message}")
    only_bundled = [f for f in bundled if f not in extended]
    print()
    print("Reported only with the bundled lists:")
    for finding in only_bundled:
        print(f"  {finding.kind}: {finding.message}")
    expected = {"framing.evaluative_language", "attribution.cue_changed"}
    fact_found = not any(f.kind in {"framing.added_fact", "omission.figure"} for f in extended)
    return 0 if expected <= {f.kind for f in only_extended} and fact_found else 1


if __name__ == "__main__":
    sys.exit(main())
