"""Patterns rewritten for speed must match exactly what their plain versions match.

``_tokens`` defines the token kinds with one named group each (:func:`_token_re`), and
scans text with the same alternatives written without groups, in a form the regular
expression engine tries faster; a token's kind is then read off its surface alone.
The sentence-boundary pattern opens with one character class for the same reason.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare._segment import _CANDIDATE_RE, _word_before
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
        "...",
        "?!",
        '." ',
        "—” ",
        "– ",
        ".) ",
        "…’ ",
        "\r\n",
        "\r",
        "\u2028",
        "\x85",
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


_PLAIN_CANDIDATE = re.compile(
    r"(?:[.!?…]+(?P<close>[\"'”’»)\]]*)|[—–](?P<dash_close>[\"”’»]+))(?P<space>\s+)"
)
_GROUPS = ("close", "dash_close", "space")


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_boundary_pattern_matches_its_plain_form(text: str) -> None:
    """Sentence-boundary candidates, with every group, as written plainly."""
    found = [(m.span(), [m.span(g) for g in _GROUPS]) for m in _CANDIDATE_RE.finditer(text)]
    expected = [(m.span(), [m.span(g) for g in _GROUPS]) for m in _PLAIN_CANDIDATE.finditer(text)]
    assert found == expected


_PLAIN_WORD_BEFORE = re.compile(r"(?P<word>[^\s(\[\"“‘'«]*)$")


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.data())
def test_word_before_is_the_plain_search(text: str, data: st.DataObject) -> None:
    """The word before a period, walked back, is what the plain search finds."""
    at = data.draw(st.integers(0, len(text)))
    low = data.draw(st.integers(0, at))
    match = _PLAIN_WORD_BEFORE.search(text, low, at)
    assert match is not None
    assert _word_before(text, low, at) == (match.group("word"), match.start())
