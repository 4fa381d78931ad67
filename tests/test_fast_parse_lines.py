"""The parser's lines, split by ``str.splitlines``, are those a line-break pattern finds."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare._documents import _lines
from strategies import article_text, unicode_text

# Every line break, written plainly ("\r\n" is one).
_LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_TEXT = st.one_of(
    st.lists(st.sampled_from([*"a \t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\xa0", "\r\n"])).map(
        "".join
    ),
    unicode_text(),
    article_text(),
)


def _plain_lines(text: str) -> list[tuple[int, int]]:
    """Lines between the pattern's breaks, stripped by walking in from both ends."""
    spans = []
    bounds = [(0, 0)] + [m.span() for m in _LINE_BREAK_RE.finditer(text)] + [(len(text), 0)]
    for (_, line_start), (line_end, _) in itertools.pairwise(bounds):
        start, end = line_start, line_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_lines_are_those_between_the_breaks(text: str) -> None:
    """The same stripped spans, blank lines and a last blank line included."""
    assert _lines(text) == _plain_lines(text)


def test_every_short_text_of_breaks_and_spaces() -> None:
    """Exhaustively, texts of up to five characters from breaks, spaces and a letter."""
    for size in range(6):
        for chars in itertools.product("a \n\r\x85\u2028", repeat=size):
            text = "".join(chars)
            assert _lines(text) == _plain_lines(text), repr(text)
