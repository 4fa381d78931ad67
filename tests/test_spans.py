from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcecompare import Span


class TestSpanValidation:
    """Span validators and immutability."""

    def test_negative_start_raises_naming_start(self):
        """A negative start is refused with a ValueError that names the field."""
        with pytest.raises(ValueError, match="'start'"):
            Span(-1, 3)

    def test_end_before_start_raises_naming_end(self):
        """An end before the start is refused with a ValueError naming 'end' and the start."""
        with pytest.raises(ValueError, match=r"'end' must be >= start \(5\), got 4"):
            Span(5, 4)

    def test_empty_span_is_allowed(self):
        """A span with start == end is valid and has length 0."""
        span = Span(7, 7)

        assert len(span) == 0

    def test_evolve_revalidates(self):
        """attrs.evolve runs the validators again, so an evolved span stays valid."""
        with pytest.raises(ValueError, match="'end'"):
            attrs.evolve(Span(2, 5), end=1)

    def test_frozen(self):
        """Spans are immutable."""
        span = Span(1, 2)

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            span.start = 0  # type: ignore[misc]


class TestSpanOrdering:
    """Span equality and order."""

    def test_orders_by_start_then_end(self):
        """Spans sort by start, then by end."""
        spans = [Span(5, 6), Span(1, 9), Span(1, 3), Span(0, 10)]

        assert sorted(spans) == [Span(0, 10), Span(1, 3), Span(1, 9), Span(5, 6)]

    def test_equal_and_hashable(self):
        """Equal spans compare equal and hash alike."""
        assert Span(2, 4) == Span(2, 4)
        assert len({Span(2, 4), Span(2, 4), Span(2, 5)}) == 2

    @given(a=st.integers(0, 50), b=st.integers(0, 50), c=st.integers(0, 50), d=st.integers(0, 50))
    def test_order_matches_tuple_order(self, a, b, c, d):
        """Span order is the order of (start, end) tuples."""
        left = Span(min(a, b), max(a, b))
        right = Span(min(c, d), max(c, d))

        assert (left < right) == ((left.start, left.end) < (right.start, right.end))


class TestSpanMethods:
    """len, slice, contains and overlaps."""

    def test_len(self):
        """len() is the number of characters covered."""
        assert len(Span(3, 10)) == 7

    def test_slice(self):
        """slice() returns exactly the characters of the span."""
        assert Span(4, 9).slice("The ferry sails at noon.") == "ferry"

    def test_contains_inside_and_equal(self):
        """A span contains spans inside it and itself."""
        outer = Span(2, 10)

        assert outer.contains(Span(3, 5))
        assert outer.contains(Span(2, 10))
        assert outer.contains(Span(10, 10))

    def test_contains_rejects_spans_sticking_out(self):
        """A span does not contain a span that starts before or ends after it."""
        outer = Span(2, 10)

        assert not outer.contains(Span(1, 5))
        assert not outer.contains(Span(5, 11))
        assert not outer.contains(Span(0, 20))

    def test_overlaps_when_sharing_a_character(self):
        """Spans that share at least one character overlap, in both directions."""
        assert Span(0, 5).overlaps(Span(4, 8))
        assert Span(4, 8).overlaps(Span(0, 5))
        assert Span(0, 10).overlaps(Span(3, 4))

    def test_adjacent_spans_do_not_overlap(self):
        """Half-open spans that only touch do not overlap."""
        assert not Span(0, 5).overlaps(Span(5, 8))
        assert not Span(5, 8).overlaps(Span(0, 5))

    def test_empty_span_overlaps_nothing(self):
        """An empty span covers no character, so it overlaps no span."""
        assert not Span(3, 3).overlaps(Span(0, 10))

    @given(start=st.integers(0, 100), length=st.integers(0, 100))
    def test_slice_length_is_len(self, start, length):
        """On a long enough text, the slice of a span has exactly len(span) characters."""
        span = Span(start, start + length)

        assert len(span.slice("x" * 300)) == len(span)
