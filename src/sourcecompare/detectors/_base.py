"""Running detectors: the context they see, the default set, and validation of results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from sourcecompare._attribution import Attribution, ReportingLexicon, extract_attributions
from sourcecompare._findings import Finding
from sourcecompare._furniture import AgencyList
from sourcecompare._lexicons import Lexicons
from sourcecompare.exceptions import InvalidOptionError

if TYPE_CHECKING:
    from sourcecompare._align import Alignment
    from sourcecompare._documents import Document, Segment
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

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """The value of ``compute()``, computed once per context under *key*.

        Detectors share work through it: the attribution detectors extract
        attributions once for all of them.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        value: _T = self._memo[key]
        return value

    def find(self, category: str, segment: Segment) -> list[tuple[int, int]]:
        """:meth:`Lexicons.find` on a segment's tokens, computed once per segment.

        Every category is matched in one pass (:meth:`Lexicons.find_all`).
        """
        found = self._found.get(id(segment))
        if found is None:
            found = self._found[id(segment)] = self.lexicons.find_all(segment.tokens)
        if category not in found:
            return self.lexicons.find(category, segment.tokens)  # raises: unknown category
        return found[category]

    def attributions(self, wire: int | None = None) -> tuple[Attribution, ...]:
        """The attributions of wire number *wire*, or of the derivative when ``None``."""
        doc = self.derivative if wire is None else self.wires[wire]
        return self.memo(
            f"attributions:{wire}", lambda: extract_attributions(doc, lexicon=self.reporting)
        )

    @property
    def wires(self) -> tuple[Document, ...]:
        """The wire documents."""
        return self.alignment.wires

    @property
    def derivative(self) -> Document:
        """The derivative document."""
        return self.alignment.derivative


def default_detectors() -> tuple[Detector, ...]:
    """A new instance of every built-in detector, in reporting order.

    .. versionadded:: 0.1
    """
    from sourcecompare.detectors import attribution, claims, framing, omission  # noqa: PLC0415

    return (
        framing.UnsupportedSentence(),
        framing.AddedHeading(),
        framing.Embellishment(),
        framing.EvaluativeLanguage(),
        framing.CertaintyShift(),
        claims.ClaimStrength(),
        framing.Speculation(),
        omission.OmittedSentence(),
        omission.OmittedEntity(),
        omission.OmittedFigure(),
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


def _check(finding: object, detector: Detector, context: DetectionContext) -> Finding:
    name = getattr(detector, "name", type(detector).__name__)
    if not isinstance(finding, Finding):
        msg = f"detector {name!r} yielded {type(finding).__name__}, not a Finding"
        raise InvalidOptionError(msg, option="detectors")
    derivative_length = len(context.derivative.text)
    if not 0 <= finding.wire < len(context.wires):
        msg = f"detector {name!r} reported wire {finding.wire}, but there are {len(context.wires)}"
        raise InvalidOptionError(msg, option="detectors")
    wire_length = len(context.wires[finding.wire].text)
    bad = [s for s in finding.derivative_spans if s.end > derivative_length] + [
        s for s in finding.wire_spans if s.end > wire_length
    ]
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
    found: dict[Finding, None] = {}
    for detector in detectors if detectors is not None else default_detectors():
        results: Iterable[object] = detector.detect(context)
        for finding in results:
            found.setdefault(_check(finding, detector, context), None)
    return tuple(sorted(found, key=Finding.sort_key))
