"""Running detectors: the context they see, the default set, and validation of results."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from sourcecompare._align import keyed
from sourcecompare._attribution import (
    Attribution,
    ReportingLexicon,
    _extract_attributions,
    _quote_regions,
    extract_attributions,
)
from sourcecompare._findings import Finding
from sourcecompare._furniture import AgencyList
from sourcecompare._lexicons import Lexicons
from sourcecompare.exceptions import InvalidOptionError

if TYPE_CHECKING:
    from sourcecompare._align import Alignment
    from sourcecompare._claims import ClaimLexicon
    from sourcecompare._documents import Document, Segment
    from sourcecompare._keys import Equivalents, Learned, Unit
    from sourcecompare._spans import Span
    from sourcecompare.detectors.added import FactLexicon
    from sourcecompare.typing import Detector

__all__ = ["DetectionContext", "default_detectors", "detect"]

_T = TypeVar("_T")


@attrs.frozen
class DetectionContext:
    """What a detector sees: the alignment (with both texts) and the word lists.

    Attributes:
        alignment: The alignment of the derivative with its wire report(s).
        lexicons: The word lists in force.
        agencies: The agencies recognised in credits.
        reporting: The reporting cues and source nouns attribution extraction uses.

    .. versionadded:: 0.1
    """

    alignment: Alignment
    lexicons: Lexicons = attrs.field(factory=Lexicons.default)
    agencies: AgencyList = attrs.field(factory=AgencyList.default)
    reporting: ReportingLexicon = attrs.field(factory=ReportingLexicon.default)
    _memo: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _found: dict[int, dict[str, list[tuple[int, int]]]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    # What depends on the wires alone: a prepared wire's, shared by its comparisons.
    _wire: dict[Hashable, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """The value of ``compute()``, computed once per context under *key*.

        Detectors share work through it: the attribution detectors extract
        attributions once for all of them.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        value: _T = self._memo[key]
        return value

    def wire_memo(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """Like :meth:`memo`, for a value that depends on the wire documents alone.

        The value may depend on the wires, on this context's word lists and on the
        alignment options, never on the derivative (nor on the alignment itself).
        When the comparison runs on a :class:`~sourcecompare.PreparedWire`, the value
        is computed once for all its comparisons; otherwise once per context. The
        value is shared: treat it as read-only.

        .. versionadded:: 0.1
        """
        shared = self._wire
        if key not in shared:
            shared[key] = compute()
        value: _T = shared[key]
        return value

    def find(self, category: str, segment: Segment) -> list[tuple[int, int]]:
        """:meth:`Lexicons.find` on a segment's tokens, computed once per segment.

        Every category is matched in one pass (:meth:`Lexicons.find_all`); for the
        wires' segments, once per prepared wire.
        """
        found = self._found.get(id(segment))
        if found is None:
            found = self._find_all(segment)
        if category not in found:
            return self.lexicons.find(category, segment.tokens)  # raises: unknown category
        return found[category]

    def _find_all(self, segment: Segment) -> dict[str, list[tuple[int, int]]]:
        """:meth:`Lexicons.find_all` on a segment's tokens, as kept by :meth:`find`.

        For a detector that asks about several categories at once. Shared: read-only.
        """
        found = self._found.get(id(segment))
        if found is None:
            # A wire segment lives as long as its prepared wire, so an id found in
            # the shared memo is that segment's (a derivative's is never stored there).
            key = ("find", id(segment))
            found = self._wire.get(key)
            if found is None:
                found = self.lexicons.find_all(segment.tokens)
                if self._is_wire_segment(segment):
                    self._wire[key] = found
            self._found[id(segment)] = found
        return found

    def _is_wire_segment(self, segment: Segment) -> bool:
        for wire in self.wires:
            segments = wire.segments
            if segment.index < len(segments) and segments[segment.index] is segment:
                return True
        return False

    def attributions(self, wire: int | None = None) -> tuple[Attribution, ...]:
        """The attributions of wire number *wire*, or of the derivative when ``None``."""
        if wire is None:
            derivative = self.derivative
            return self.memo(
                "attributions:None",
                lambda: _extract_attributions(
                    derivative, self.reporting, self._derivative_quote_regions()
                ),
            )
        doc = self.wires[wire]
        return self.wire_memo(
            wire_attributions_key(wire), lambda: extract_attributions(doc, lexicon=self.reporting)
        )

    def _derivative_quote_regions(self) -> list[tuple[int, int]]:
        """The spans of the derivative's quotations, found once for extraction and detectors."""
        return self.memo("quote_regions:None", lambda: _quote_regions(self.derivative))

    def _share(self, wire_memo: dict[Hashable, Any]) -> None:
        """Use *wire_memo* (a prepared wire's) for the values that depend on the wires alone."""
        object.__setattr__(self, "_wire", wire_memo)

    @property
    def wires(self) -> tuple[Document, ...]:
        """The wire documents."""
        return self.alignment.wires

    @property
    def derivative(self) -> Document:
        """The derivative document."""
        return self.alignment.derivative


def wire_attributions_key(wire: int) -> tuple[str, int]:
    """The :meth:`DetectionContext.wire_memo` key of wire number *wire*'s attributions."""
    return ("attributions", wire)


def equivalents_of(context: DetectionContext) -> tuple[Equivalents, Learned]:
    """The equivalents alignment keyed with, and the acronym definitions they learned.

    They know the acronyms the texts define (:meth:`Equivalents.with_definitions` of
    the wires and the derivative); the definitions identify them, in
    :meth:`DetectionContext.wire_memo` keys of values computed with them.
    """

    def compute() -> tuple[Equivalents, Learned]:
        alignment = context.alignment
        found = keyed(alignment)
        if found is not None:
            return found[1], found[0]
        base = alignment.options.equivalents
        learned = base.learned([*alignment.wires, alignment.derivative])
        return base.with_learned(learned), learned

    return context.memo("equivalents", compute)


def derivative_units(context: DetectionContext) -> tuple[tuple[Unit, ...], ...]:
    """The units of each derivative segment, keyed with :func:`equivalents_of`."""

    def compute() -> tuple[tuple[Unit, ...], ...]:
        found = keyed(context.alignment)
        if found is not None:
            return found[2]
        equivalents, _ = equivalents_of(context)
        return tuple(tuple(equivalents.units_of(s.tokens)) for s in context.derivative.segments)

    return context.memo("units:derivative", compute)


def default_detectors(
    *, claims: ClaimLexicon | None = None, facts: FactLexicon | None = None
) -> tuple[Detector, ...]:
    """A new instance of every built-in detector, in reporting order.

    Args:
        claims: The claim cues ``ClaimStrength`` reads with; the bundled ones when
            ``None``.
        facts: The word lists ``AddedFact``, ``OmittedFigure`` and ``Embellishment``
            read facts and figures with; the bundled ones when ``None``.

    .. versionadded:: 0.1
    """
    from sourcecompare.detectors import added, attribution, framing, omission  # noqa: PLC0415
    from sourcecompare.detectors import claims as claim_detectors  # noqa: PLC0415

    return (
        framing.UnsupportedSentence(),
        framing.AddedHeading(),
        framing.Embellishment(facts),
        framing.EvaluativeLanguage(),
        framing.CertaintyShift(),
        claim_detectors.ClaimStrength(claims),
        framing.Speculation(),
        added.AddedFact(facts),
        omission.OmittedSentence(),
        omission.OmittedEntity(),
        omission.OmittedFigure(facts),
        omission.OmittedQuote(),
        attribution.SpeakerDropped(),
        attribution.SpeakerGeneralised(),
        attribution.SpeakerAmplified(),
        attribution.SpeakerChanged(),
        attribution.CueChanged(),
        attribution.QuoteAltered(),
        attribution.ParaphraseQuoted(),
        attribution.Fabricated(),
        attribution.CreditRemoved(),
        attribution.DatelineRemoved(),
    )


def _check(finding: object, name: str, lengths: tuple[int, Sequence[int]]) -> Finding:
    """*finding* if it is a valid finding of detector *name*, with the name filled in.

    *lengths*: of the derivative's text and of each wire's text.
    """
    if not isinstance(finding, Finding):
        msg = f"detector {name!r} yielded {type(finding).__name__}, not a Finding"
        raise InvalidOptionError(msg, option="detectors")
    derivative_length, wire_lengths = lengths
    if not 0 <= finding.wire < len(wire_lengths):
        msg = f"detector {name!r} reported wire {finding.wire}, but there are {len(wire_lengths)}"
        raise InvalidOptionError(msg, option="detectors")
    wire_length = wire_lengths[finding.wire]
    # Loops, not comprehensions (each a call of its own): run for every finding.
    bad: list[Span] = []
    for span in finding.derivative_spans:
        if span.end > derivative_length:
            bad.append(span)  # noqa: PERF401 - see above
    for span in finding.wire_spans:
        if span.end > wire_length:
            bad.append(span)  # noqa: PERF401 - see above
    if bad:
        msg = f"detector {name!r} reported spans outside the texts: {bad}"
        raise InvalidOptionError(msg, option="detectors")
    if not finding.detector:
        finding = attrs.evolve(finding, detector=name)
    return finding


def detect(
    alignment: Alignment,
    *,
    detectors: Sequence[Detector] | None = None,
    lexicons: Lexicons | None = None,
    agencies: AgencyList | None = None,
    reporting: ReportingLexicon | None = None,
) -> tuple[Finding, ...]:
    """Run *detectors* (default: all built-in ones) on an alignment.

    Returns the findings deduplicated and in a stable order: severity (high first),
    then position in the derivative, then kind.

    Raises:
        InvalidOptionError: A detector yielded something other than a valid finding.

    .. versionadded:: 0.1
    """
    context = DetectionContext(
        alignment,
        lexicons or Lexicons.default(),
        agencies or AgencyList.default(),
        reporting or ReportingLexicon.default(),
    )
    return run_detectors(context, detectors)


def run_detectors(
    context: DetectionContext, detectors: Sequence[Detector] | None = None
) -> tuple[Finding, ...]:
    """:func:`detect` on a context the caller keeps, to reuse its memo afterwards."""
    found: list[Finding] = []
    # What every finding is checked against, read once for the run.
    lengths = (len(context.derivative.text), [len(wire.text) for wire in context.wires])
    # Each distinct finding once, the first of equal ones kept. Equal findings have the
    # same kind and message, so a finding is compared (==) only with those that share
    # them: hashing findings (every span of each, in Python) cost more.
    seen: dict[tuple[str, str], list[Finding]] = {}
    for detector in detectors if detectors is not None else default_detectors():
        name = getattr(detector, "name", type(detector).__name__)
        results: Iterable[object] = detector.detect(context)
        for finding in results:
            checked = _check(finding, name, lengths)
            key = (checked.kind, checked.message)
            same = seen.get(key)
            if same is None:
                seen[key] = [checked]
            elif any(other == checked for other in same):
                continue
            else:
                same.append(checked)
            found.append(checked)
    return tuple(sorted(found, key=Finding.sort_key))
