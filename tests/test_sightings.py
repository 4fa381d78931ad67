"""The gate of the caches: a key counts as back from its second sighting on."""

from __future__ import annotations

from collections.abc import Hashable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcecompare._sightings import Sightings


def _apart(sightings: Sightings, count: int) -> list[str]:
    """*count* keys that pick distinct slots of *sightings* (hashes vary by process)."""
    keys: list[str] = []
    taken: set[int] = set()
    n = 0
    while len(keys) < count:
        key = f"key {n}"
        n += 1
        if sightings.slot(key) not in taken:
            taken.add(sightings.slot(key))
            keys.append(key)
    return keys


def test_second_sighting_is_again() -> None:
    """A key is new once, then back every time, while no other key takes its slot."""
    sightings = Sightings(8)
    a, b = _apart(sightings, 2)
    assert sightings.again(a) is False
    assert sightings.again(a) is True
    assert sightings.again(a) is True
    assert sightings.again(b) is False
    assert sightings.again(a) is True
    assert sightings.again(b) is True


def test_a_key_taking_the_slot_forgets_the_one_before() -> None:
    """A key noted in a slot another key held makes that one new again."""
    sightings = Sightings(1)
    first = "key 0"
    other = next(
        f"key {n}"
        for n in range(1, 1000)
        if sightings.slot(f"key {n}") == sightings.slot(first)
        and sightings.mark(f"key {n}") != sightings.mark(first)
    )
    assert not sightings.again(first)
    assert not sightings.again(other)  # takes the slot
    assert not sightings.again(first)  # forgotten, noted again
    assert sightings.again(first)


def test_clear_forgets_every_key() -> None:
    """After clear() every key is new."""
    sightings = Sightings(4)
    keys = _apart(sightings, 3)
    assert [sightings.again(k) for k in keys] == [False] * 3
    assert [sightings.again(k) for k in keys] == [True] * 3
    sightings.clear()
    assert [sightings.again(k) for k in keys] == [False] * 3


def test_table_is_two_slots_a_key_at_least() -> None:
    """The table has a power of two of slots, at least two per key of the limit."""
    for limit in (1, 2, 3, 1000, 32_768):
        slots = Sightings(limit).slots
        assert slots >= 2 * limit
        assert slots & (slots - 1) == 0
        assert slots < 4 * limit


def test_limit_below_one_is_refused() -> None:
    """A gate must hold at least one key."""
    with pytest.raises(ValueError, match="at least 1, not 0"):
        Sightings(0)


_KEYS = st.one_of(
    st.text(max_size=3),
    st.tuples(st.text(max_size=2), st.integers(-3, 3)),
    st.integers(-(2**70), 2**70),
)


@given(st.lists(_KEYS, max_size=80), st.integers(1, 10))
def test_acts_as_a_table_of_last_marks(keys: list[Hashable], limit: int) -> None:
    """The gate acts as a mapping of each slot to the mark of the last key noted there."""
    sightings = Sightings(limit)
    model: dict[int, int] = {}
    for key in keys:
        slot, mark = sightings.slot(key), sightings.mark(key)
        assert mark != 0
        assert -(2**31) <= mark < 2**31
        expected = model.get(slot) == mark
        model[slot] = mark
        assert sightings.again(key) is expected


@given(st.lists(st.text(max_size=3), max_size=80))
def test_a_key_is_back_while_its_slot_is_its_own(keys: list[str]) -> None:
    """Once noted, a key is back until a key of another hash takes its slot.

    (A large table: distinct short texts rarely share a slot.)
    """
    sightings = Sightings(4096)
    holder: dict[int, str] = {}
    for key in keys:
        slot = sightings.slot(key)
        back = sightings.again(key)
        if holder.get(slot) == key:
            assert back
        elif slot not in holder:
            assert not back
        holder[slot] = key


def test_keep_stores_from_the_second_sighting_and_empties_when_full() -> None:
    """keep() stores a value only for a key back again, emptying a full table first."""
    sightings = Sightings(8)
    a, b, c = _apart(sightings, 3)
    table: dict[str, int] = {}
    sightings.keep(table, a, 1, 2)
    assert table == {}
    sightings.keep(table, a, 1, 2)
    assert table == {a: 1}
    for key, value in ((b, 2), (b, 2), (c, 3)):
        sightings.keep(table, key, value, 2)
    assert table == {a: 1, b: 2}  # c noted, not kept
    sightings.keep(table, c, 3, 2)  # back, and the table is full: emptied first
    assert table == {c: 3}
