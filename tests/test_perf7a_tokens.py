"""The tokenizer scans with ungrouped patterns: they must find what the grouped ones do.

``_tokens`` defines the token kinds with one named group each (:func:`_token_re`), and
scans text with the same alternatives written without groups, in a form the regular
expression engine tries faster; a token's kind is then read off its surface alone.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare._tokens import (
    _PLAIN_SCAN_RE,
    _TOKEN_PARTS,
    _full_scan_re,
    _kind,
    _token_re,
)
from strategies import unicode_text

# Pieces that open, close or join tokens of every kind.
_PIECES = st.sampled_from(
    [
        *"aZé1-/.,:'’%％@ _\n²١ßİǅ…—\u0301",
        "2024-03-13",
        "2024-03-135",
        "1/2/2024",
        "12/31/24",
        "1,200",
        "3.5m",
        "55th",
        "U.S.",
        "e.g.",
        "U.Sx",
        "http://",
        "https://a.b/c?d=e.",
        "www.",
        "www.x.example",
        "ada@lindby.example",
        "fi",
        "don't",
    ]
)
_TEXT = st.one_of(st.lists(_PIECES, max_size=30).map("".join), unicode_text())
_PLAIN_GROUPED = re.compile(r"(?!x)x" + _TOKEN_PARTS, re.VERBOSE)


def _grouped(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


def _scanned(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), _kind(m.group())) for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_scanning_finds_the_grouped_tokens_and_kinds(text: str) -> None:
    """The same spans as the grouped patterns, and the kind of each from its surface."""
    assert _scanned(_PLAIN_SCAN_RE, text) == _grouped(_PLAIN_GROUPED, text)
    assert _scanned(_full_scan_re(), text) == _grouped(_token_re(), text)
