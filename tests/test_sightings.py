"""The gate of the caches: a key counts as back from its second sighting on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sourcecompare._sightings import Sightings


def test_second_sighting_is_again() -> None:
    """A key is new once, then back every time."""
    sightings = Sightings(8)
    assert sightings.again(("a", 1)) is False
    assert sightings.again(("a", 1)) is True
    assert sightings.again(("a", 1)) is True
    assert sightings.again(("a", 2)) is False
    assert len(sightings) == 2


def test_full_gate_forgets_everything() -> None:
    """At its limit the gate forgets every key at once, and notes the new one."""
    sightings = Sightings(2)
    assert not sightings.again("a")
    assert not sightings.again("b")
    assert not sightings.again("c")  # full: "a" and "b" forgotten, "c" noted
    assert len(sightings) == 1
    assert not sightings.again("a")
    assert sightings.again("c")
    sightings.clear()
    assert len(sightings) == 0
    assert not sightings.again("c")


@given(st.lists(st.text(max_size=3), max_size=40), st.integers(1, 10))
def test_acts_as_a_set_emptied_when_full(keys: list[str], limit: int) -> None:
    """Keys as a set that is emptied when full would hold them (distinct keys, distinct hashes)."""
    sightings = Sightings(limit)
    model: set[str] = set()
    for key in keys:
        expected = key in model
        if not expected:
            if len(model) >= limit:
                model.clear()
            model.add(key)
        assert sightings.again(key) is expected
        assert len(sightings) == len(model) <= limit
