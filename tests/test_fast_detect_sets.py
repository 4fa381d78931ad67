"""Set operations that replaced generators in the detectors give the same answers.

``_Reader._country`` asks set questions of a name's words; ``Embellishment`` keeps
the new ranges disjoint from the flagged words with ``isdisjoint``, and all of them
when nothing is flagged.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sourcecompare._keys import Equivalents
from sourcecompare._tokens import tokenize
from sourcecompare.detectors.added import FactLexicon, _Reader

_NAMES = st.lists(
    st.sampled_from(["United", "Kingdom", "France", "French", "Lund", "Halvik", "China"]),
    min_size=1,
    max_size=4,
)


@given(_NAMES, st.frozensets(st.sampled_from(["france", "china", "lund", "uk", "x"])))
def test_country_is_the_generator_reading(words: list[str], keys: frozenset[str]) -> None:
    """The reading ``all``, ``any`` and a joined string gave."""
    reader = _Reader(" ".join(words), Equivalents.default(), FactLexicon.default())
    tokens = tokenize(" ".join(words))
    reader._country(tokens, keys)  # reads the countries on first use
    countries = reader.countries
    assert countries is not None
    expected = (
        " ".join(t.norm for t in tokens) in countries
        or all(t.norm in countries for t in tokens)
        or any(key in countries for key in keys)
    )
    assert reader._country(tokens, keys) == expected


@given(
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 6)), max_size=6),
    st.frozensets(st.integers(0, 20), max_size=6),
)
def test_new_ranges_left_after_flagged_words(
    pairs: list[tuple[int, int]], taken: frozenset[int]
) -> None:
    """``isdisjoint`` keeps the ranges ``not any(i in taken ...)`` kept; all when none is."""
    ranges = [(a, a + n) for a, n in pairs]
    expected = [(a, b) for a, b in ranges if not any(i in taken for i in range(a, b))]
    assert [(a, b) for a, b in ranges if taken.isdisjoint(range(a, b))] == expected
    if not taken:
        assert list(ranges) == expected
