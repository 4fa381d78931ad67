"""``run_detectors`` keeps each distinct finding once without hashing findings.

It compares a finding only with those of the same kind and message; the result must
be what a dictionary of findings (hash and ``==``) kept, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import sourcecompare as sc
from sourcecompare import Finding, Severity
from sourcecompare._spans import Span

if TYPE_CHECKING:
    from sourcecompare.detectors._base import DetectionContext

_WIRE = "The council approved the budget on Monday. The mayor said it was fair."
_DERIVATIVE = "The council approved the budget. The mayor called it fair and balanced."

_FINDINGS = st.builds(
    Finding,
    kind=st.sampled_from(["framing.embellishment", "omission.sentence"]),
    severity=st.sampled_from([Severity.LOW, Severity.HIGH]),
    message=st.sampled_from(["One.", "Two."]),
    derivative_spans=st.lists(
        st.builds(lambda a, n: Span(a, a + n), st.integers(0, 30), st.integers(0, 5)),
        max_size=2,
    ),
    wire_segments=st.lists(st.integers(0, 1), max_size=2),
    scores=st.dictionaries(st.sampled_from(["a", "b"]), st.sampled_from([0.0, 0.5, 1.0])),
    detector=st.sampled_from(["", "x"]),
)


class _Yields:
    name = "yields"

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings

    def detect(self, context: DetectionContext) -> Iterator[Finding]:  # noqa: ARG002
        """The findings given, whatever the context."""
        yield from self.findings


@settings(max_examples=200, deadline=None)
@given(st.lists(_FINDINGS, max_size=8), st.lists(_FINDINGS, max_size=8))
def test_distinct_findings_as_a_dict_kept_them(first: list[Finding], second: list[Finding]) -> None:
    """The findings of two detectors, duplicates among and across them, deduplicated."""
    alignment = sc.align(sc.Document.from_text(_WIRE), sc.Document.from_text(_DERIVATIVE))
    found = sc.detect(alignment, detectors=[_Yields(first), _Yields(second)])
    named = [f if f.detector else attrs.evolve(f, detector="yields") for f in [*first, *second]]
    assert found == tuple(sorted(dict.fromkeys(named), key=Finding.sort_key))
