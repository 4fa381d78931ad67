"""Candidates ranked only as far as one can be a source.

``_Aligner.candidates(item, least)`` stops ranking at the first candidate scoring less
than *least* (``min_gain``) alone, and after a first candidate scoring so high alone
that no other could add *least* to it. The ranking must be the full ranking cut
there, and the sources chosen from it the same.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare import Document
from sourcecompare._align import AlignOptions, _Aligner
from strategies import article_text, sentence


@settings(max_examples=80, deadline=None)
@given(
    article_text(),
    st.lists(st.one_of(st.integers(0, 40), sentence()), min_size=1, max_size=8),
    st.sampled_from([0.0, 0.08, 0.2, 0.5]),
    st.integers(1, 10),
)
def test_candidates_cut_where_none_can_be_a_source(
    wire_text: str, picks: list[int | str], least: float, wanted: int
) -> None:
    """The full ranking cut, and the same alignment of every segment as from the full one."""
    wire = Document.from_text(wire_text)
    if not wire.segments:
        return
    texts = [s.text for s in wire.segments]
    derivative = Document.from_text(
        "\n\n".join(texts[p % len(texts)] if isinstance(p, int) else p for p in picks)
    )
    options = AlignOptions(max_candidates=wanted, min_gain=least)
    aligner = _Aligner([wire], derivative, options)
    full_aligner = _Aligner([wire], derivative, options)
    full_candidates = full_aligner.candidates
    for item in aligner.derivative_items:
        full = aligner.candidates(item)
        cut = aligner.candidates(item, least)
        assert cut == full[: len(cut)]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(full_aligner, "candidates", lambda item, _least: full_candidates(item))
            assert aligner.align_segment(item) == full_aligner.align_segment(
                full_aligner.derivative_items[item.segment.index]
            )
