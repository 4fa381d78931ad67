"""Which keys came back: the gate of the caches that keep what derivatives repeat.

Derivatives of one wire repeat its sentences and each other's, and several caches keep
what was made of a sentence, keyed by its text. What a derivative writes in its own
words comes once: keeping it would cost memory, and the time of the garbage collector,
which scans every container a cache keeps until it has survived two collections (on
rewrites that share only what they copy from the wire, the alignment tables kept
about 2,000 such objects per derivative, and collecting them took about 8% of a batch
worker's time). A cache behind a :class:`Sightings` keeps an entry from its key's
second sighting on.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable
from typing import TypeVar

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class Sightings:
    """The keys sighted lately, by hash, in a table of at least twice *limit* slots.

    The low bits of a key's hash pick its slot, which holds the high 32 bits of the
    hash of the last key noted there: a key is back if its slot holds its own, and a
    key noted is forgotten when a later one takes its slot (after ``n`` other keys,
    with a chance of about ``1 - exp(-n / slots)``: about one in three after twice
    *limit*). The table is one block of 32-bit integers, made once: it neither grows
    with the keys nor holds objects (a set of hashes took some 64 bytes a key, as int
    objects scattered among the interpreter's pools, and the collector scanned it). A
    key forgotten costs its cache a third sighting; two keys alike in slot and high
    bits count as one, so a cache may then keep an entry at its first sighting. Either
    changes what a cache holds, never what it gives.
    """

    __slots__ = ("_mask", "_table")

    def __init__(self, limit: int) -> None:
        if limit < 1:
            msg = f"a Sightings limit must be at least 1, not {limit}"
            raise ValueError(msg)
        size = 1 << (2 * limit - 1).bit_length()  # a power of two, at least 2 * limit
        self._mask = size - 1
        self._table = array("i", bytes(4 * size))

    @property
    def slots(self) -> int:
        """The number of slots of the table (a power of two)."""
        return self._mask + 1

    def slot(self, key: Hashable) -> int:
        """The slot *key* picks."""
        return hash(key) & self._mask

    def mark(self, key: Hashable) -> int:
        """What the slot of *key* holds once *key* is noted there."""
        return (hash(key) >> 32) | 1

    def again(self, key: Hashable) -> bool:
        """Whether *key* was sighted lately; if not, it is noted (and ``False`` returned)."""
        code = hash(key)
        at = code & self._mask
        mark = (code >> 32) | 1  # see mark(): a 32-bit integer, never 0 (an empty slot)
        table = self._table
        if table[at] == mark:
            return True
        table[at] = mark
        return False

    def keep(self, table: dict[_K, _V], key: _K, value: _V, limit: int) -> None:
        """Keep *value* under *key* in the cache *table* if *key* was sighted lately.

        The table is emptied first when it holds *limit* entries.
        """
        if self.again(key):
            if len(table) >= limit:
                table.clear()
            table[key] = value

    def clear(self) -> None:
        """Forget every key."""
        self._table = array("i", bytes(4 * len(self._table)))
