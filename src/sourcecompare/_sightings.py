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

from collections.abc import Hashable


class Sightings:
    """Keys sighted once so far, by hash, up to *limit* of them (then forgotten at once).

    A hash is an int, which the garbage collector does not track. Two keys with one
    hash count as one: a cache may then keep an entry at its first sighting, which
    changes what it holds, never what it gives.
    """

    __slots__ = ("_limit", "_seen")

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._seen: set[int] = set()

    def again(self, key: Hashable) -> bool:
        """Whether *key* was sighted before; if not, it is noted (and ``False`` returned)."""
        code = hash(key)
        seen = self._seen
        if code in seen:
            return True
        if len(seen) >= self._limit:
            seen.clear()
        seen.add(code)
        return False

    def __len__(self) -> int:
        return len(self._seen)

    def clear(self) -> None:
        """Forget every key."""
        self._seen.clear()
