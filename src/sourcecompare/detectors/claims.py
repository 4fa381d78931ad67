"""Claim strength: a relation stated more (or less) strongly than the wire states it.

* ``framing.claim_strength``: a derivative sentence makes the claim of a wire sentence
  on a different step of the scale correlational < conditional causal < direct causal <
  advice ("was linked to" made "cuts", "may reduce" made "reduces", "should"), or
  drops what limits it ("in mice"); or the reverse, a claim weakened.

The reading of one sentence is :func:`sourcecompare.detectors.read_claim`; this module
pairs derivative claims with wire claims and compares them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final

from sourcecompare._claims import ClaimCue, ClaimLexicon, ClaimReading, read_claim
from sourcecompare._findings import Finding, Severity
from sourcecompare.detectors._common import lexicon_memo, quoted, range_span, range_text
from sourcecompare.detectors.framing import certainty_shifts

if TYPE_CHECKING:
    from sourcecompare._align import SegmentAlignment
    from sourcecompare._documents import Segment
    from sourcecompare.detectors._base import DetectionContext

__all__ = ["ClaimStrength"]

# What a claim at each level does, as the message says it.
_DOES: Final = {
    0: "denies a relation",
    1: "reports a correlation",
    2: "states a possible cause",
    3: "states a cause",
    4: "gives advice",
}
# Content words an unsourced derivative claim must share with a wire claim to be compared
# with it: one when the wire makes one claim, two when it makes several (one shared word,
# often the story's main name, does not tell which of them is restated).
_MIN_SHARED: Final = 1
_MIN_SHARED_AMONG_SEVERAL: Final = 2


class ClaimStrength:
    """Report claims the derivative states more or less strongly than the wire.

    Each segment's claim is read with :func:`~sourcecompare.detectors.read_claim` on
    the scale of :data:`~sourcecompare.detectors.CLAIM_LEVELS`. A derivative claim is
    compared with one wire claim:

    * for a segment the alignment supports, the wire source that the clause of its
      claim draws on (most word links), if that source makes a claim;
    * for an unsupported one (a claim reworded past what lexical alignment links),
      the wire claim that shares most of its content words: at least one if the wire
      makes one claim, two if it makes several, and no other wire claim sharing as
      many.

    A claim above the wire's on the scale is *stronger*; one below it *weaker*, unless
    the derivative links none of the words of the wire claim's clause (it restates
    another part of the wire sentence). A derivative cue that the wire sentence has,
    at the same level, is the wire's claim restated, not a change. A claim of the same
    strength whose wire counterpart is limited to a narrow setting ("in mice", "in
    vitro") and which drops the limit is stronger too. A hedge added to or dropped
    from a causal claim ("may reduce" and "reduces") that ``framing.certainty_shift``
    reports for the same two sentences is not reported again.

    Severity: high for a correlation or a denied relation made a cause or advice;
    medium for any other stronger claim and for a claim weakened by two steps or
    more; low for a claim weakened by one step.

    .. versionadded:: 0.1
    """

    name = "claim_strength"

    def __init__(self, lexicon: ClaimLexicon | None = None) -> None:
        self.lexicon = lexicon or ClaimLexicon.default()

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per derivative segment whose claim changed strength."""
        alignment = context.alignment
        lexicon = self.lexicon
        wire_claims: Sequence[tuple[int, Segment, ClaimReading]] | None = None
        topics: Sequence[set[str]] = []
        for entry in alignment.segments:
            segment = alignment.derivative_segment(entry)
            reading = read_claim(segment, lexicon=lexicon)
            if not reading.is_claim:
                continue
            if wire_claims is None:  # looked up at the first derivative claim: often never
                wire_claims, topics = self._wire_claims(context)
            if not wire_claims:
                return
            candidates = self._candidates(entry, segment, reading, wire_claims, topics)
            finding = self._compare(context, entry, segment, reading, candidates)
            if finding is not None:
                yield finding

    def _wire_claims(
        self, context: DetectionContext
    ) -> tuple[list[tuple[int, Segment, ClaimReading]], list[set[str]]]:
        """The claims of the wires' segments, and the topic of each.

        Claims are (wire, segment, reading) in order. Read once per wire (a prepared
        wire's, for all its comparisons); shared, so read-only.
        """
        lexicon = self.lexicon

        def compute() -> tuple[list[tuple[int, Segment, ClaimReading]], list[set[str]]]:
            found = [
                (wire, segment, read_claim(segment, lexicon=lexicon))
                for wire, doc in enumerate(context.wires)
                for segment in doc.segments
            ]
            claims = [c for c in found if c[2].is_claim]
            return claims, [_topic(segment) for _, segment, _ in claims]

        return lexicon_memo(context, lexicon, "claims:wire", compute)

    def _candidates(
        self,
        entry: SegmentAlignment,
        segment: Segment,
        reading: ClaimReading,
        wire_claims: Sequence[tuple[int, Segment, ClaimReading]],
        topics: Sequence[set[str]],
    ) -> list[tuple[int, Segment, ClaimReading]]:
        """The wire claim to compare with, in a list of one, or an empty list.

        For a sentence with wire sources: the source that the clause of its claim
        draws on (most word links), if that source makes a claim. For one without:
        the wire claim sharing most of its content words, if it shares enough of them
        and no other wire claim shares as many.
        """
        if entry.sources:
            cue = reading.main
            assert cue is not None  # noqa: S101 - a claim has a main cue
            drawn = Counter(
                (link.wire, link.wire_segment)
                for link in entry.links
                if cue.clause[0] <= link.derivative[0] < cue.clause[1]
            )
            if not drawn:
                return []
            source = max(drawn, key=lambda key: (drawn[key], -key[0], -key[1]))
            return [c for c in wire_claims if (c[0], c[1].index) == source]
        words = _topic(segment)
        shared = [len(words & topic) for topic in topics]
        most = max(shared)
        needed = _MIN_SHARED if len(wire_claims) == 1 else _MIN_SHARED_AMONG_SEVERAL
        if most < needed or shared.count(most) > 1:
            return []  # about none of the wire's claims, or no telling which
        return [wire_claims[shared.index(most)]]

    def _compare(
        self,
        context: DetectionContext,
        entry: SegmentAlignment,
        segment: Segment,
        reading: ClaimReading,
        candidates: Sequence[tuple[int, Segment, ClaimReading]],
    ) -> Finding | None:
        strength, cue = reading.strength, reading.main
        if not candidates or strength is None or cue is None:
            return None
        wire, wire_segment, wire_reading = candidates[0]
        wire_strength, wire_cue = wire_reading.strength, wire_reading.main
        if wire_strength is None or wire_cue is None:
            return None
        if strength == wire_strength or _restated(segment, cue, wire_segment, wire_reading):
            dropped = _dropped_limits(segment, reading, wire_segment, wire_reading)
            if not dropped:
                return None
            return self._finding(
                entry, segment, reading, wire, wire_segment, wire_reading, dropped, same=True
            )
        if (
            strength < wire_strength
            and entry.links
            and not _carried(entry, wire, wire_segment, wire_cue)
        ):
            return None  # the derivative does not carry the wire's stronger claim
        if {strength, wire_strength} == {2, 3} and (
            segment.index,
            wire,
            wire_segment.index,
        ) in _shifted(context):
            return None  # the hedge added or dropped is reported as a certainty shift
        dropped = (
            _dropped_limits(segment, reading, wire_segment, wire_reading)
            if strength > wire_strength
            else []
        )
        return self._finding(entry, segment, reading, wire, wire_segment, wire_reading, dropped)

    def _finding(
        self,
        entry: SegmentAlignment,
        segment: Segment,
        reading: ClaimReading,
        wire: int,
        wire_segment: Segment,
        wire_reading: ClaimReading,
        dropped: Sequence[tuple[int, int]],
        *,
        same: bool = False,
    ) -> Finding:
        strength, wire_strength = reading.strength, wire_reading.strength
        assert strength is not None  # noqa: S101 - both are claims
        assert wire_strength is not None  # noqa: S101
        cue, wire_cue = reading.main, wire_reading.main
        assert cue is not None  # noqa: S101 - a claim has a main cue
        assert wire_cue is not None  # noqa: S101
        stronger = strength > wire_strength or same
        where = f"wire sentence {wire_segment.index}"
        said = _said(segment, cue)
        wire_said = _said(wire_segment, wire_cue)
        if same:
            message = (
                f"The derivative makes the claim of {where} ({said}) without "
                f"{_limits_text(wire_segment, dropped)}, which limits it there: a "
                "stronger claim than the wire's."
            )
        else:
            limit = (
                f", and drops {_limits_text(wire_segment, dropped)}, which limits it there"
                if dropped and stronger
                else ""
            )
            message = (
                f"The derivative {_DOES[strength]} ({said}) where {where} "
                f"{_DOES[wire_strength]} ({wire_said}){limit}: a "
                f"{'stronger' if stronger else 'weaker'} claim than the wire's."
            )
        relation, wire_relation = reading.level, wire_reading.level
        if same:  # the wire's claim, restated without its limit
            severity = Severity.MEDIUM
            strength, relation = wire_strength, wire_relation
        elif stronger:
            severity = Severity.HIGH if strength >= 3 and wire_strength <= 1 else Severity.MEDIUM
        else:
            severity = Severity.MEDIUM if wire_strength - strength >= 2 else Severity.LOW
        scores = {
            "support": entry.support,
            "derivative_level": float(strength),
            "wire_level": float(wire_strength),
            "limit_dropped": 1.0 if dropped else 0.0,
        }
        if relation is not None:
            scores["derivative_relation"] = float(relation)
        if wire_relation is not None:
            scores["wire_relation"] = float(wire_relation)
        return Finding(
            kind="framing.claim_strength",
            severity=severity,
            message=message,
            derivative_spans=[range_span(segment, cue.extent)],
            wire_spans=[
                range_span(wire_segment, wire_cue.extent),
                *(range_span(wire_segment, r) for r in dropped),
            ],
            derivative_segments=[segment.index],
            wire_segments=[wire_segment.index],
            wire=wire,
            scores=scores,
            detector=self.name,
        )


def _restated(
    segment: Segment, cue: ClaimCue, wire_segment: Segment, wire_reading: ClaimReading
) -> bool:
    """Whether the wire sentence has the derivative's cue, at the same level.

    Then the derivative restates that part of the wire's claim ("relationship with"
    in both), even if the wire sentence goes further elsewhere ("led to").
    """
    stems = [t.stem for t in segment.tokens[cue.tokens[0] : cue.tokens[1]]]
    return any(
        other.level == cue.level
        and [t.stem for t in wire_segment.tokens[other.tokens[0] : other.tokens[1]]] == stems
        for other in wire_reading.cues
    )


def _carried(entry: SegmentAlignment, wire: int, wire_segment: Segment, wire_cue: ClaimCue) -> bool:
    """Whether the derivative links words of the clause of the wire's claim (not the cue)."""
    first, last = wire_cue.clause
    return any(
        link.wire == wire
        and link.wire_segment == wire_segment.index
        and first <= link.wire_tokens[0] < last
        and not (wire_cue.tokens[0] <= link.wire_tokens[0] < wire_cue.tokens[1])
        for link in entry.links
    )


def _shifted(context: DetectionContext) -> set[tuple[int, int, int]]:
    """(derivative segment, wire, wire segment) of every certainty shift."""
    return {
        (d, f.wire, w)
        for f in certainty_shifts(context)
        for d in f.derivative_segments
        for w in f.wire_segments
    }


def _said(segment: Segment, cue: ClaimCue) -> str:
    return quoted(range_text(segment, cue.extent), 50)


def _limits_text(segment: Segment, ranges: Sequence[tuple[int, int]]) -> str:
    return " and ".join(quoted(range_text(segment, r)) for r in ranges)


def _topic(segment: Segment) -> set[str]:
    """The stems of a segment's content words: what its claim is about."""
    return {t.stem for t in segment.tokens if not t.is_stop}


def _dropped_limits(
    segment: Segment, reading: ClaimReading, wire_segment: Segment, wire_reading: ClaimReading
) -> list[tuple[int, int]]:
    """The wire claim's limits ("in mice") whose words the derivative segment lacks.

    None when the derivative claim has a limit of its own ("in rodents" for "in mice").
    """
    if reading.limits:
        return []
    stems = {t.stem for t in segment.tokens}
    return [
        r
        for r in wire_reading.limits
        if not all(t.stem in stems for t in wire_segment.tokens[r[0] : r[1]] if not t.is_stop)
    ]
