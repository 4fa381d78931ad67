"""Character spans: the one way anything in sourcecompare points into a text."""

from __future__ import annotations

import attrs

__all__ = ["Span"]


def _end_not_before_start(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    # Both offsets are checked here, in the order and with the words of a validator
    # per field (``attrs.validators.ge(0)`` on start): calling two validators, one
    # of them an object, was a third of making a span, and spans are made by the
    # hundred for every comparison.
    start = instance.start
    if not start >= 0:
        msg = f"'start' must be >= 0: {start}"
        raise ValueError(msg)
    if value < start:
        msg = f"'{attribute.name}' must be >= start ({instance.start}), got {value}"
        raise ValueError(msg)


# Ordered by hand, not with ``order=True``: attrs compares through a generator per
# operand, which made sorting spans (every finding sorts its own) cost far more
# than the work it ordered. These compare the same ``(start, end)`` tuples.
@attrs.frozen
class Span:
    """A half-open range ``[start, end)`` of character offsets into a document's text.

    ``doc.text[span.start:span.end]`` is always exactly the text the span stands for.
    Spans order by start, then end.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character; never less than ``start``.

    .. versionadded:: 0.1
    """

    start: int
    end: int = attrs.field(validator=_end_not_before_start)  # and start >= 0

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end) < (other.start, other.end)

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end) <= (other.start, other.end)

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end) > (other.start, other.end)

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end) >= (other.start, other.end)

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the part of *text* this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Whether *other* lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return (
            self.start < other.end
            and other.start < self.end
            and self.start < self.end
            and other.start < other.end
        )
