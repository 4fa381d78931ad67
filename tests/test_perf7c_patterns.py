"""Patterns rewritten for speed must match exactly what their plain versions match.

The quotation-mark pattern of ``_attribution`` opens with one character class rather
than an alternation, so the regular expression engine can skip the other characters;
it must find the same marks at the same places as the plain alternation.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sourcecompare._attribution import _QUOTE_MARK_RE

_PLAIN_QUOTE_MARK_RE = re.compile(r"''|``|[\"“”„«»]")

_PIECES = st.sampled_from([*"a '`\"“”„«»‘’\n", "''", "``", "'''", "```"])


@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 5), st.integers(0, 200))
def test_quote_marks_match_the_plain_alternation(text: str, start: int, end: int) -> None:
    """The rewritten quotation-mark pattern finds what the plain alternation finds."""

    def marks(pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]

    assert marks(_QUOTE_MARK_RE) == marks(_PLAIN_QUOTE_MARK_RE)
