"""A span checks both offsets in one validator, with the words of one per field.

``start`` used to have ``attrs.validators.ge(0)`` and ``end`` its own check; one
function now does both, in the same order, raising the same errors.
"""

from __future__ import annotations

import attrs
import pytest

from sourcecompare._spans import Span


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 2, "'start' must be >= 0: -1"),
        (-1, -5, "'start' must be >= 0: -1"),  # start is checked first
        (float("nan"), 1, "'start' must be >= 0: nan"),
        (3, 2, "'end' must be >= start (3), got 2"),
    ],
)
def test_bad_offsets_are_refused_as_before(start: int, end: int, message: str) -> None:
    """The messages ``attrs.validators.ge(0)`` and the end check gave."""
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        Span(start, end)


def test_offsets_that_do_not_compare_raise_type_error() -> None:
    """A start that cannot be compared with 0 fails as ``operator.ge`` did."""
    with pytest.raises(TypeError, match="'>=' not supported"):
        Span("a", 1)  # type: ignore[arg-type]


def test_good_spans_validate() -> None:
    """Valid spans pass ``attrs.validate``, and evolve checks the new offsets."""
    span = Span(0, 0)
    attrs.validate(span)
    assert attrs.evolve(span, end=4) == Span(0, 4)
    with pytest.raises(ValueError, match="'start' must be >= 0"):
        attrs.evolve(span, start=-2)
