"""Batch records write findings and speakers as JSON text directly, for speed.

:func:`_finding_json` and :func:`_speaker_json` must write exactly what ``dumps`` of
:func:`_finding_data` and :func:`_speaker_data` writes, for whatever a finding or a
speaker may hold, or fail with the same error; and a record at every detail must be
the line ``dumps`` writes of the whole record.
"""

from __future__ import annotations

import math
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sourcecompare as sc
from sourcecompare._attribution import SourceKind
from sourcecompare._comparison import SpeakerFate, SpeakerOutcome
from sourcecompare._findings import Finding, Severity
from sourcecompare._spans import Span
from sourcecompare.batch import _ok_line
from sourcecompare.render.json import (
    SCHEMA_VERSION,
    _caveats_data,
    _finding_data,
    _finding_json,
    _speaker_data,
    _speaker_json,
    _summary_data,
    dumps,
)

_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12) | st.sampled_from(
    ["", 'a "quote" \\ and\ttab', "caf\u00e9 \u201cx\u201d", "\x7f\x00", "\ud800"]
)
_SPANS = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 100)).map(lambda p: Span(p[0], p[0] + p[1])),
    max_size=3,
)
_SCORES = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "z\u00e9"]),
        st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**20), 10**20),
    ),
    max_size=4,
)


def _expected(data: dict[str, Any]) -> str:
    return dumps(data, indent=None)


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["framing.speculation", "x.y_z"]),
    severity=st.sampled_from(list(Severity)),
    message=_TEXT,
    derivative_spans=_SPANS,
    wire_spans=_SPANS,
    segments=st.lists(st.integers(0, 10**9), max_size=3),
    wire=st.integers(0, 3),
    scores=_SCORES,
    detector=_TEXT,
)
def test_finding_json_is_dumps_of_its_data(
    kind: str,
    severity: Severity,
    message: str,
    derivative_spans: list[Span],
    wire_spans: list[Span],
    segments: list[int],
    wire: int,
    scores: list[tuple[str, float]],
    detector: str,
) -> None:
    """Any finding is written as ``dumps`` writes its data."""
    finding = Finding(
        kind=kind,
        severity=severity,
        message=message,
        derivative_spans=derivative_spans,
        wire_spans=wire_spans,
        derivative_segments=segments,
        wire_segments=segments[::-1],
        wire=wire,
        scores=scores,
        detector=detector,
    )
    assert _finding_json(finding) == _expected(_finding_data(finding))


@pytest.mark.parametrize(
    "changes",
    [
        {"wire": True},
        {"message": None},
        {"message": 3},
        {"detector": None},
        {"derivative_spans": [Span(1.5, 2)]},  # type: ignore[arg-type]
        {"wire_spans": [Span(True, 2)]},  # type: ignore[arg-type]
        {"scores": {"a": -0.0, "b": 1e16, "c": 1e-7}},
        {"scores": [("a", 1.0), ("a", 2.0)]},  # the same name twice: the last value
    ],
)
def test_finding_json_of_unusual_values(changes: dict[str, Any]) -> None:
    """Values of types the fast path does not expect are written as dumps writes them."""
    finding = attrs.evolve(Finding("framing.speculation", "low", "m"), **changes)
    assert _finding_json(finding) == _expected(_finding_data(finding))


@pytest.mark.parametrize("value", [math.inf, -math.inf])
def test_finding_json_refuses_what_dumps_refuses(value: float) -> None:
    """An infinite score fails with the error dumps gives."""
    finding = Finding("framing.speculation", "low", "m", scores={"a": value})
    with pytest.raises(ValueError, match="JSON") as expected:
        _expected(_finding_data(finding))
    with pytest.raises(ValueError, match="JSON") as found:
        _finding_json(finding)
    assert str(found.value) == str(expected.value)


@settings(max_examples=300, deadline=None)
@given(
    name=_TEXT,
    kind=st.sampled_from(list(SourceKind)),
    fate=st.sampled_from(list(SpeakerFate)),
    wire=st.integers(0, 3) | st.booleans(),
    statements=st.integers(0, 10**6) | st.booleans(),
    wire_spans=_SPANS,
    segments=st.lists(st.integers(0, 10**9), max_size=3),
    derivative_spans=_SPANS,
    credited_to=st.lists(_TEXT, max_size=3),
    carried=st.lists(
        st.tuples(
            st.sampled_from(
                [SpeakerFate.KEPT, SpeakerFate.CHANGED, SpeakerFate.DROPPED],
            ),
            st.integers(0, 5),
        ),
        max_size=3,
    ),
)
def test_speaker_json_is_dumps_of_its_data(
    name: str,
    kind: SourceKind,
    fate: SpeakerFate,
    wire: int,
    statements: int,
    wire_spans: list[Span],
    segments: list[int],
    derivative_spans: list[Span],
    credited_to: list[str],
    carried: list[tuple[SpeakerFate, int]],
) -> None:
    """Any speaker is written as ``dumps`` writes its data."""
    speaker = SpeakerOutcome(
        name=name,
        kind=kind,
        fate=fate,
        wire=wire,
        statements=statements,
        wire_spans=wire_spans,
        derivative_segments=segments,
        derivative_spans=derivative_spans,
        credited_to=credited_to,
        carried=carried,
    )
    assert _speaker_json(speaker) == _expected(_speaker_data(speaker))


def test_speaker_json_of_unusual_values() -> None:
    """A name that is not a string, a float offset: as dumps writes them."""
    speaker = SpeakerOutcome(
        name=None,  # type: ignore[arg-type]
        kind=SourceKind.NAMED,
        fate=SpeakerFate.KEPT,
        wire=0,
        statements=1,
        wire_spans=[],
        derivative_segments=[],
        derivative_spans=[Span(1.0, 2)],  # type: ignore[arg-type]
        credited_to=[None],  # type: ignore[list-item]
    )
    assert _speaker_json(speaker) == _expected(_speaker_data(speaker))


def _record(item_id: str, comparison: sc.Comparison, detail: str) -> str:
    """The batch record as the whole-record ``dumps`` writes it."""
    head: dict[str, Any] = {"id": item_id, "status": "ok", "detail": detail}
    head["schema_version"] = SCHEMA_VERSION
    head["summary"] = _summary_data(comparison.summary)
    head["caveats"] = _caveats_data(comparison.caveats)
    if detail == "findings":
        head["findings"] = [_finding_data(f) for f in comparison.findings]
        head["speakers"] = [_speaker_data(s) for s in comparison.speakers]
    head["wires"] = [{"doc_id": d.doc_id, "source": d.source} for d in comparison.wires]
    derivative = comparison.derivative
    head["derivative"] = {"doc_id": derivative.doc_id, "source": derivative.source}
    return dumps(head, indent=None)


@pytest.mark.parametrize("detail", ["summary", "findings"])
def test_records_are_dumps_of_the_whole_record(
    wire_text: str, derivative_text: str, detail: str
) -> None:
    """A record is the line dumps writes of the whole record."""
    comparison = sc.compare(wire_text, sc.Document.from_text(derivative_text, doc_id="d\u00e9"))
    assert comparison.findings
    assert comparison.speakers
    assert _ok_line("id\u00e9", comparison, detail) == _record("id\u00e9", comparison, detail)
