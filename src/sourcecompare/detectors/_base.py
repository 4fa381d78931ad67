"""Running detectors: the context they see, the default set, and validation of results."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from sourcecompare._findings import Finding
from sourcecompare._furniture import AgencyList
from sourcecompare._lexicons import Lexicons
from sourcecompare.exceptions import InvalidOptionError

if TYPE_CHECKING:
    from sourcecompare._align import Alignment
    from sourcecompare._documents import Document
    from sourcecompare.typing import Detector

__all__ = ["DetectionContext", "default_detectors", "detect"]


@attrs.frozen
class DetectionContext:
    """What a detector sees: the alignment (with both texts) and the word lists.

    Attributes:
        alignment: The alignment of the derivative with its wire report(s).
        lexicons: The word lists in force.
        agencies: The agencies recognised in credits.

    .. versionadded:: 0.1
    """

    alignment: Alignment
    lexicons: Lexicons = attrs.field(factory=Lexicons.default)
    agencies: AgencyList = attrs.field(factory=AgencyList.default)

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
    from sourcecompare.detectors import attribution, framing, omission  # noqa: PLC0415

    return (
        framing.UnsupportedSentence(),
        framing.AddedHeading(),
        framing.Embellishment(),
        framing.EvaluativeLanguage(),
        framing.CertaintyShift(),
        framing.Speculation(),
        omission.OmittedSentence(),
        omission.OmittedEntity(),
        omission.OmittedFigure(),
        omission.OmittedQuote(),
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
) -> tuple[Finding, ...]:
    """Run *detectors* (default: all built-in ones) on an alignment.

    Returns the findings deduplicated and in a stable order: severity (high first),
    then position in the derivative, then kind.

    Raises:
        InvalidOptionError: A detector yielded something other than a valid finding.

    .. versionadded:: 0.1
    """
    context = DetectionContext(
        alignment, lexicons or Lexicons.default(), agencies or AgencyList.default()
    )
    found: dict[Finding, None] = {}
    for detector in detectors if detectors is not None else default_detectors():
        results: Iterable[object] = detector.detect(context)
        for finding in results:
            found.setdefault(_check(finding, detector, context), None)
    return tuple(sorted(found, key=Finding.sort_key))
