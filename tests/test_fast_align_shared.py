"""Segments keyed once and shared: alignment as if every segment were keyed afresh.

A wire side shares the units of a derivative segment whose token texts it has keyed
before (a wire segment's, or an earlier derivative's; ``_WireSide.segmented``), and
what it makes of a derivative segment and a wire segment besides the scores
(``_WireSide.pairs``, ``_WireSide.links``), from the second time it meets them.
Aligning many derivatives with one prepared wire must give what keying every segment
afresh gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare import Document, _align
from sourcecompare._align import (
    Alignment,
    AlignOptions,
    WireAligner,
    _Aligner,
    _Segmented,
    keyed,
)
from strategies import article_text, sentence

if TYPE_CHECKING:
    from sourcecompare._documents import Segment


class _Forgetful(dict[object, object]):
    """A cache that keeps nothing."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


def _fresh_alignment(
    wire: Document, derivative: Document, monkeypatch: pytest.MonkeyPatch
) -> Alignment:
    """The alignment with every derivative segment keyed afresh, and nothing shared."""
    aligner = WireAligner([wire], AlignOptions())
    side = aligner.side(aligner.learned(derivative))

    def segmented(segment: Segment, _surfaces: tuple[str, ...]) -> _Segmented:
        equivalents = side.equivalents
        return _Segmented(0, segment, tuple(equivalents.units_of(segment.tokens)), equivalents)

    with monkeypatch.context() as patch:
        patch.setattr(side, "segmented", segmented)
        patch.setattr(side, "pairs", _Forgetful())
        patch.setattr(side, "links", _Forgetful())
        return aligner.align(derivative)


def _derivative(wire: Document, picks: list[int | str | tuple[int, int]]) -> Document:
    """Wire sentences (by index, wrapped around), two fused, and new ones, as paragraphs."""
    texts = [s.text for s in wire.segments]
    parts = []
    for pick in picks:
        if isinstance(pick, int):
            parts.append(texts[pick % len(texts)])
        elif isinstance(pick, tuple):
            first = texts[pick[0] % len(texts)].split()
            second = texts[pick[1] % len(texts)].split()
            parts.append(" ".join(first[: len(first) // 2 + 1] + second[len(second) // 2 :]))
        else:
            parts.append(pick)
    return Document.from_text("\n\n".join(parts))


@settings(max_examples=60, deadline=None)
@given(
    article_text(),
    st.lists(
        st.lists(
            st.one_of(
                st.integers(0, 40), st.tuples(st.integers(0, 40), st.integers(0, 40)), sentence()
            ),
            min_size=1,
            max_size=8,
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_shared_keying_aligns_as_fresh_keying(
    wire_text: str, derivatives: list[list[int | str | tuple[int, int]]]
) -> None:
    """One prepared wire, several derivatives (sharing builds up): as fresh, each."""
    wire = Document.from_text(wire_text)
    if not wire.segments:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        if len(derivatives) % 2:  # now and then, tables full after a few entries
            monkeypatch.setattr(_align, "_KNOWN", 3)
            monkeypatch.setattr(_align, "_PAIRS", 3)
            monkeypatch.setattr(_align, "_SIGHTINGS", 4)
        aligner = WireAligner([wire], AlignOptions())
        # Each three times: noted, kept, then shared (a table keeps a key sighted twice).
        for picks in [*derivatives, *derivatives, *derivatives]:
            derivative = _derivative(wire, picks)
            shared = aligner.align(derivative)
            fresh = _fresh_alignment(wire, derivative, monkeypatch)
            assert shared == fresh
            assert shared.segments == fresh.segments
            assert shared.wire_sentences == fresh.wire_sentences
            assert keyed(shared) == keyed(fresh)


def test_like_copies_every_slot() -> None:
    """``_Segmented.like`` sets every slot: the template's, but the document and segment."""
    wire = Document.from_text("Ferry service resumes\n\nThe ferry line resumed service today.")
    aligner = WireAligner([wire], AlignOptions())
    template = aligner.side(aligner.own).segments[1]
    assert template.steps
    assert template.negated is False
    other = Document.from_text("A headline\n\nThe ferry line resumed service today.").segments[1]
    clone = template.like(0, other)
    for name in _Segmented.__slots__:
        expected = other if name == "segment" else getattr(template, name)
        assert getattr(clone, name) is (0 if name == "doc" else expected)


def test_links_kept_per_segment_and_sources() -> None:
    """Links kept for one set of sources are never those of another."""
    wire = Document.from_text(
        "Ferry service resumes\n\nThe ferry line resumed service today. "
        "The harbour route reopened at noon. Officials said the ferry line was safe."
    )
    derivative = Document.from_text(
        "Ferry back\n\nThe ferry line resumed service as the harbour route reopened at noon."
    )
    aligner = _Aligner([wire], derivative, AlignOptions())
    item = aligner.derivative_items[-1]
    positions = range(len(aligner.wire_items))
    for chosen in [[], *([p] for p in positions), [1, 2], [1, 3], [2, 1], [3, 2, 1]]:
        matches = [aligner._source(item, p, 0.0)[1] for p in chosen]
        assert aligner._links(item, chosen, matches) == aligner._all_links(item, chosen, matches)


def test_tables_keep_what_comes_back() -> None:
    """A derivative's own sentence is kept from its second sighting on, not its first."""
    wire = Document.from_text(
        "Ferry service resumes\n\nThe ferry line resumed service today. "
        "The harbour route reopened at noon."
    )
    derivative = Document.from_text(
        "Ferry back\n\nThe ferry line resumed its service today, the operator said."
    )
    aligner = WireAligner([wire], AlignOptions())
    side = aligner.side(aligner.learned(derivative))
    wire_known = len(side._known)
    first = aligner.align(derivative)
    assert len(side._known) == wire_known
    assert not side.pairs
    assert not side.links
    assert aligner.align(derivative) == first
    assert len(side._known) == wire_known + 2  # the headline and the sentence
    assert side.pairs
    assert side.links
    assert aligner.align(derivative) == first
