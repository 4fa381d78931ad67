"""The parser's cached tokens of a segment are what tokenize finds there.

``tokenize_segment`` keeps the tokens of every short piece of text it has seen twice,
by the piece's text, and shifts them to where the piece is met again; the scan it skips then
must be a function of the piece alone, wherever it stands in a text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare import _tokens
from sourcecompare._tokens import tokenize, tokenize_segment
from strategies import article_text, unicode_text

_PIECES = st.sampled_from(
    [
        *"aZé1-/.,:'’%％@ _\n²ß\u0301",
        *("2024-03-13", "1/2/24", "1,200", "U.S.", "don't", "5th", "May"),
        *("http://a.example/b.", "www.x.example", "ada@lindby.example"),
    ]
)
_TEXT = st.one_of(st.lists(_PIECES, max_size=30).map("".join), unicode_text(), article_text())


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.data())
def test_segment_tokens_are_the_tokens_of_the_span(text: str, data: st.DataObject) -> None:
    """First scanned, then shifted from the cache: both times what tokenize finds."""
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    piece = text[start:end]
    expected = tokenize(text, start, end)
    _tokens._SEGMENTS.pop(piece, None)
    assert tokenize_segment(text, start, end, piece) == expected  # noted (or kept)
    assert tokenize_segment(text, start, end, piece) == expected  # kept by now
    assert piece in _tokens._SEGMENTS or len(piece) > _tokens._SEGMENT_CHARS
    assert tokenize_segment(text, start, end, piece) == expected
    # The same piece elsewhere, in other surroundings.
    moved = "x1" + text[:start] + "\n" + piece + "'s"
    at = len(moved) - len(piece) - 2
    assert tokenize_segment(moved, at, at + len(piece), piece) == tokenize(
        moved, at, at + len(piece)
    )
    assert all(type(t) is _tokens.Token for t in tokenize_segment(text, start, end, piece))


def test_long_segments_are_scanned_and_not_kept() -> None:
    """A piece over the length limit is tokenized as it is and not cached."""
    piece = "word " * (_tokens._SEGMENT_CHARS // 5 + 1)
    text = "A " + piece
    assert tokenize_segment(text, 2, len(text), piece) == tokenize(text, 2, len(text))
    assert piece not in _tokens._SEGMENTS


def test_a_piece_seen_once_is_not_kept() -> None:
    """Text that does not come back costs no cache entry; the second sighting is kept."""
    piece = "Quarvelin Ostrad signed the Pellmoor accord on Tuesday."
    _tokens._SEGMENTS.pop(piece, None)
    _tokens._SEGMENTS_SIGHTED.clear()
    text = "x " + piece
    assert tokenize_segment(text, 2, len(text), piece) == tokenize(text, 2, len(text))
    assert piece not in _tokens._SEGMENTS
    assert tokenize_segment(text, 2, len(text), piece) == tokenize(text, 2, len(text))
    assert piece in _tokens._SEGMENTS
