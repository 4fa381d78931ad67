"""Findings: what a detector reports, with the evidence a reader needs to check it.

A finding has a stable dotted ``kind`` (``framing.evaluative_language``), a severity,
a one-sentence message that names the words involved, and evidence: character spans
in the derivative and in the wire, the segments involved, and the scores that decided
it. Every span points into its document's original text, so a reader can verify each
finding from its evidence alone.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping

import attrs

from sourcecompare._spans import Span  # noqa: TC001 - attrs resolves converter types

__all__ = ["Finding", "Severity"]


class Severity(str, enum.Enum):
    """How much a finding matters to a reader checking the derivative.

    * ``high``: the derivative misstates what the wire reports or who said it
      (invented attribution, a speaker's words made fact, a hedge made certain).
    * ``medium``: the derivative adds or drops substance (an unsupported claim,
      evaluative language, a dropped named speaker or figure).
    * ``low``: worth knowing, rarely misleading by itself (an added heading,
      a dropped date, a trimmed clause).

    Severities order: ``Severity.HIGH > Severity.LOW``.

    .. versionadded:: 0.1
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """0 for low, 1 for medium, 2 for high."""
        return _RANK[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


_RANK = {"low": 0, "medium": 1, "high": 2}


def _severity(value: Severity | str) -> Severity:
    """A :class:`Severity`, from itself or its value ("low", "medium", "high")."""
    if isinstance(value, Severity):
        return value
    try:
        return Severity(value)
    except ValueError:
        allowed = ", ".join(repr(s.value) for s in Severity)
        msg = f"'severity' must be a Severity or one of {allowed}, got {value!r}"
        raise ValueError(msg) from None


# Kinds already found well formed. A run reports a handful of kinds, each many
# times; the set stops growing at its limit, so odd custom kinds cannot bloat it.
_VALID_KINDS: set[str] = set()
_VALID_KINDS_LIMIT = 512


def _kind(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value.__class__ is str and value in _VALID_KINDS:
        return
    parts = value.split(".") if isinstance(value, str) else []
    if len(parts) != 2 or not all(p and p.replace("_", "").isalnum() for p in parts):
        msg = f"'{attribute.name}' must be 'category.name' ('framing.speculation'), got {value!r}"
        raise ValueError(msg)
    if value.__class__ is str and len(_VALID_KINDS) < _VALID_KINDS_LIMIT:
        _VALID_KINDS.add(value)


def _spans(values: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(sorted(values))


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(map(int, values))


def _scores(
    values: Mapping[str, float] | Iterable[tuple[str, float]],
) -> tuple[tuple[str, float], ...]:
    # Detectors give a dict: tried first, as the Mapping check alone is a Python-level
    # call (ABCMeta.__instancecheck__) that cost a fifth of making a finding.
    items = values.items() if isinstance(values, (dict, Mapping)) else values
    result = tuple(sorted([(str(k), float(v)) for k, v in items]))
    for name, value in result:
        if math.isnan(value):
            msg = f"score {name!r} is not a number"
            raise ValueError(msg)
    return result


@attrs.frozen
class Finding:
    """One thing a detector found, with its evidence.

    Attributes:
        kind: Stable dotted name, ``category.name``; the built-in detectors' categories
            are ``framing``, ``omission`` and ``attribution``, and a custom detector may
            use its own (``style.passive_voice``).
        severity: See :class:`Severity`; its value (``"low"``) is converted, and
            anything else raises :class:`ValueError`.
        message: One sentence a journalist would accept, naming the words involved.
        derivative_spans: Spans in the derivative's text (sorted).
        wire_spans: Spans in the wire's text (sorted); in wire number ``wire``.
        derivative_segments: Indices of the derivative segments involved.
        wire_segments: Indices of the wire segments involved (in wire ``wire``).
        wire: Index of the wire document the wire spans point into.
        scores: The numbers that decided the finding, as sorted ``(name, value)``
            pairs (:attr:`score_map` gives a dictionary).
        detector: Name of the detector that reported it.

    .. versionadded:: 0.1
    """

    kind: str = attrs.field(validator=_kind)
    severity: Severity = attrs.field(converter=_severity)
    message: str
    derivative_spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    wire_spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    derivative_segments: tuple[int, ...] = attrs.field(default=(), converter=_ints)
    wire_segments: tuple[int, ...] = attrs.field(default=(), converter=_ints)
    wire: int = 0
    scores: tuple[tuple[str, float], ...] = attrs.field(default=(), converter=_scores)
    detector: str = ""

    @property
    def category(self) -> str:
        """The part of :attr:`kind` before the dot: ``framing``, ``omission``, ``attribution``.

        Those are the built-in detectors' categories; a custom detector may use its own.
        """
        return self.kind.split(".", 1)[0]

    @property
    def score_map(self) -> dict[str, float]:
        """The scores as a dictionary."""
        return dict(self.scores)

    def sort_key(self) -> tuple[object, ...]:
        """Order findings by severity (high first), then by position, then by kind."""
        first = self.derivative_spans[0].start if self.derivative_spans else math.inf
        wire_first = self.wire_spans[0].start if self.wire_spans else math.inf
        return (-self.severity.rank, first, self.wire, wire_first, self.kind, self.message)
