"""Patterns rewritten for speed must match exactly what their plain versions match.

The quotation-mark pattern of ``_attribution`` opens with one character class rather
than an alternation, so the regular expression engine can skip the other characters;
it must find the same marks at the same places as the plain alternation. The lexer
places chunks parted by single spaces by counting, not searching: the same tokens.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sourcecompare._attribution import _QUOTE_MARK_RE, _lex, _lex_chunk, _Tok

_PLAIN_QUOTE_MARK_RE = re.compile(r"''|``|[\"“”„«»]")

_PIECES = st.sampled_from([*"a '`\"“”„«»‘’\n", "''", "``", "'''", "```"])


@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 5), st.integers(0, 200))
def test_quote_marks_match_the_plain_alternation(text: str, start: int, end: int) -> None:
    """The rewritten quotation-mark pattern finds what the plain alternation finds."""

    def marks(pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]

    assert marks(_QUOTE_MARK_RE) == marks(_PLAIN_QUOTE_MARK_RE)


def _plain_lex(text: str, start: int, end: int) -> list[_Tok]:
    """The lexer as it was: each chunk found by a search from the end of the last."""
    toks: list[_Tok] = []
    at = start
    for chunk in text[start:end].split():
        at = text.find(chunk, at)
        offset = at
        at += len(chunk)
        for s, e, word, low, kind, cap in _lex_chunk(chunk, final=at == end):
            toks.append(_Tok(offset + s, offset + e, word, low, kind, cap))
    return toks


_LEX_PIECES = st.sampled_from(
    [*'aZ1.,"“” \n\t\u00a0', "Mr.", "J.", "U.S.", "don't", "it’s", "  ", " . ", "1,200"]
)


@given(st.lists(_LEX_PIECES, max_size=30).map("".join), st.integers(0, 5), st.integers(0, 200))
def test_lex_finds_the_chunks_a_search_finds(text: str, start: int, end: int) -> None:
    """Chunks placed by counting single spaces lie where a search would find them."""
    end = min(max(start, end), len(text))
    assert _lex(text, start, end) == _plain_lex(text, start, end)
