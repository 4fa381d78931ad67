"""Tokens: the words and numbers of a text, each with its exact span and normal forms.

Tokenisation is a single regular-expression scan; a surface form is analysed
(normalised, stemmed, flagged) and, from its second sighting, the analysis is cached
(up to 20,000 forms), so long texts cost little more than the scan itself.

Normalisation, in order:

* Unicode NFKC (full-width digits, ligatures and compatibility forms fold to plain ones);
* case folding (``str.casefold``);
* typographic apostrophes become ``'``; a final possessive ``'s`` is removed
  (``China's`` -> ``china``);
* dotted acronyms lose their dots (``U.S.`` -> ``us``), thousands separators are
  removed from numbers (``1,200`` -> ``1200``), ``%`` becomes ``percent``.

Hyphenated compounds are split into their parts (``cross-border`` is ``cross`` and
``border``), so that ``cross-border`` and ``cross border`` align.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from typing import Final, NamedTuple

from sourcecompare._lexicon import load_word_list
from sourcecompare._sightings import Sightings
from sourcecompare._spans import Span
from sourcecompare._stem import stem

__all__ = ["Token", "normalize", "tokenize"]


class Token(NamedTuple):
    """A word or number of a document.

    Tokens are immutable named tuples rather than attrs classes: a long article has
    hundreds of thousands of them, and a named tuple is four times cheaper to build
    (see ``bench/segmentation.py``).

    Attributes:
        start: Offset of the token's first character in the document text.
        end: Offset one past its last character.
        text: The token exactly as written (``doc.text[start:end]``).
        norm: Normalised form (NFKC, case-folded, possessive removed; see module docs).
        stem: Snowball (Porter2) stem of ``norm``; numbers and acronyms are their own stem.
        is_stop: A function word (``the``, ``of``, ``said`` is not one) that carries no content.
        is_capitalized: Written with an initial capital (a possible name part; a
            sentence-initial word is capitalised too, see :attr:`Segment.name_tokens`).
        is_number: A number written in digits (``42``, ``3.5``, ``1,200``, ``55th``).
        is_date: A date or part of one: month and weekday names, years, ISO dates.

    .. versionadded:: 0.1
    """

    start: int
    end: int
    text: str
    norm: str
    stem: str
    is_stop: bool = False
    is_capitalized: bool = False
    is_number: bool = False
    is_date: bool = False

    @property
    def span(self) -> Span:
        """The token's span."""
        return Span(self.start, self.end)


_TOKEN_PARTS: Final = r"""
  | (?P<date>\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}/\d{1,2}/\d{2,4}(?!\d))
  | (?P<acronym>(?:[^\W\d_]\.){2,})
  | (?P<num>\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?)
  | (?P<percent>[%％])
  | (?P<word>[^\W_][\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*
        (?:['’][\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+)*)
"""  # noqa: S105 - a pattern, not a password
_URL_EMAIL: Final = r"""
    (?P<url>(?:https?://|www\.)[^\s<>"'()\[\]{}]*[^\s<>"'()\[\]{}.,;:!?])
  | (?P<email>[^\W_][\w.+-]*@[^\W_][\w-]*(?:\.[^\W_][\w-]*)+)
"""


@functools.cache
def _token_re() -> re.Pattern[str]:
    """The whole token pattern, URLs and e-mail addresses first, one named group a kind.

    Compiled on first use: that takes a millisecond, and most text has neither.
    """
    return re.compile(_URL_EMAIL + _TOKEN_PARTS, re.VERBOSE)


# The same alternatives for scanning, matching exactly the same tokens, written so
# that the regular-expression engine tries fewer of them: without groups (a token's
# kind is a function of its surface, see _kind, so it is only looked up when the
# surface is new), and by the token's first character: a digit opens a date or a
# number (a number always matches there, so a word never does), another letter or
# digit an acronym or a word, and each alternative opens with a single character
# class, which the engine checks before entering it (an alternative that opens with a
# group or a repeat is entered at every position: at every space between words).
# Repeats of a group come after an alternative that opens with their first character
# or an empty one (``(?:,\d+(?:,\d+)*|)`` for ``(?:,\d+)*``): the engine sets up such
# a repeat, which costs more than the group, only when that character is there. And
# ``\d{1,2}`` is ``\d\d?``, ``(?:X+)?`` is ``X*``.
_W: Final = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_SCAN_PARTS: Final = rf"""
    \d(?:\d\d\d-\d\d?-\d\d?(?!\d)
       |\d?/\d\d?/\d\d\d?\d?(?!\d)
       |\d*(?:[.,:]\d+(?:[.,:]\d+)*|)[^\W\d_]*)
  | [^\W\d_](?:\.(?:[^\W\d_]\.)+
              |{_W}*(?:['’]{_W}+(?:['’]{_W}+)*|))
  | [%％]
"""
# Most text has no URL or e-mail address; this pattern skips trying them at every word.
_PLAIN_SCAN_RE: Final = re.compile(_SCAN_PARTS, re.VERBOSE)


@functools.cache
def _full_scan_re() -> re.Pattern[str]:
    """The scanning pattern with URLs and e-mail addresses (see :func:`_token_re`)."""
    url_email = re.sub(r"\(\?P<\w+>", "(?:", _URL_EMAIL)
    return re.compile(url_email + "|" + _SCAN_PARTS, re.VERBOSE)


def _kind(surface: str) -> str | None:
    """The kind of the token written *surface*: the group of :func:`_token_re` matching it.

    The kinds' surfaces are disjoint (a date has a dash or slash, an acronym ends
    with a period, a number opens with a digit, a word does not, a URL opens with its
    scheme or "www."), so the alternative that matched a token in its text is the
    one that matches its surface whole on its own.
    """
    match = _token_re().fullmatch(surface)
    return None if match is None else match.lastgroup


_THOUSANDS_RE: Final = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
MONTH_NAMES: Final = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
"""Month names and their abbreviations, in lower case (tokens of these are dates)."""
_WEEKDAYS: Final = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun".split()
)
_FULL_WEEKDAYS: Final = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_STOPWORDS: Final = load_word_list("stopwords.txt")

# One analysis per distinct surface form (its kind follows from it, see _kind): the
# Token fields after start and end.
_Analysis = tuple[str, str, str, bool, bool, bool, bool]
# A word is kept from its second sighting (see _sightings): most of the new words of
# a batch come once, and keeping each would cost memory and collector time.
_CACHE: dict[str, _Analysis] = {}
_CACHE_LIMIT: Final = 20_000
_WORDS_SIGHTED: Final = Sightings(32_768)


def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("’", "'")
    return text.casefold()


def _unpossessive(folded: str) -> str:
    """A case-folded word less a final possessive ``'s`` (``china's`` -> ``china``)."""
    return folded[:-2] if folded.endswith("'s") and len(folded) > 3 else folded


def _norm(kind: str | None, text: str) -> str:
    """The normal form of a token of *kind* written *text* (see :func:`_analyse`)."""
    if kind == "word":
        return _unpossessive(_fold(text))
    if kind == "num":
        norm = _fold(text)
        return norm.replace(",", "") if _THOUSANDS_RE.match(norm) else norm
    if kind == "acronym":
        return _fold(text).replace(".", "")
    if kind == "percent":
        return "percent"
    if kind == "date":
        return text
    return _fold(text)  # url, email: one opaque token, compared by its case-folded form


def _analyse(kind: str | None, text: str) -> tuple[str, str, bool, bool, bool, bool]:
    if kind == "word":
        folded = _fold(text)
        norm = _unpossessive(folded)
        capital = text[:1].isupper()
        # Full weekday names are dates in any case; "sat", "sun", "wed", "march" or
        # "may" are dates only with a capital.
        is_date = norm in _FULL_WEEKDAYS or (capital and (norm in _WEEKDAYS or norm in MONTH_NAMES))
        is_stop = folded in _STOPWORDS or norm in _STOPWORDS
        if (text.isupper() and len(text) > 1) or (is_date and norm == "may"):
            # "US", "IT", "WHO": all-capital words are names, not function words;
            # and "May" with a capital is taken for the month.
            is_stop = False
        return (norm, stem(norm), is_stop, capital, False, is_date)
    norm = _norm(kind, text)
    if kind == "num":
        is_year = len(norm) == 4 and norm.isdigit() and 1800 <= int(norm) <= 2199
        return (norm, norm, False, False, True, is_year)
    if kind == "acronym":
        return (norm, norm, False, text[:1].isupper(), False, False)
    if kind == "date":
        return (norm, norm, False, False, True, True)
    return (norm, norm, False, False, False, False)  # percent, url, email


def _may_hold_address(text: str, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` may hold a URL or e-mail address."""
    piece = text[start:stop]
    return "@" in piece or "://" in piece or "www." in piece


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Return the tokens of ``text[start:end]`` with offsets into the whole of *text*."""
    stop = len(text) if end is None else end
    cache = _CACHE
    new = tuple.__new__  # Token's own __new__, minus a Python-level call per token
    tokens: list[Token] = []
    append = tokens.append
    scan = _full_scan_re() if _may_hold_address(text, start, stop) else _PLAIN_SCAN_RE
    for match in scan.finditer(text, start, stop):
        surface = match.group()
        analysis = cache.get(surface)
        if analysis is None:
            analysis = (surface, *_analyse(_kind(surface), surface))
            _WORDS_SIGHTED.keep(cache, surface, analysis, _CACHE_LIMIT)
        append(new(Token, match.span() + analysis))
    return tuple(tokens)


# The tokens of segments of text, by their text: each one's offsets into the segment
# and the rest of its fields, as three columns (see tokenize_segment). Cleared when full.
# A segment is kept from the second time its text comes (see _sightings).
_Columns = tuple[tuple[int, ...], tuple[int, ...], tuple[_Analysis, ...]]
_SEGMENTS: dict[str, _Columns] = {}
_SEGMENTS_LIMIT: Final = 10_000
_SEGMENTS_SIGHTED: Final = Sightings(2 * _SEGMENTS_LIMIT)
_SEGMENT_CHARS: Final = 500  # longer runs of text are scanned, not kept (a few megabytes at most)


def tokenize_segment(text: str, start: int, end: int, piece: str) -> tuple[Token, ...]:
    """``tokenize(text, start, end)``, given *piece*, ``text[start:end]``.

    Articles derived from a wire report repeat its sentences, and each other's: the
    tokens of a piece of text seen twice before are those it had then, shifted, and
    are made without scanning or looking up a word. (What the scan finds is a function
    of the piece alone: it stops at the piece's end, and no token pattern looks
    behind.) A piece seen once is only noted (see :mod:`sourcecompare._sightings`).
    """
    if len(piece) > _SEGMENT_CHARS:
        return tokenize(text, start, end)
    columns = _SEGMENTS.get(piece)
    if columns is None:
        tokens = tokenize(text, start, end)
        if not _SEGMENTS_SIGHTED.again(piece):
            return tokens
        if len(_SEGMENTS) >= _SEGMENTS_LIMIT:
            _SEGMENTS.clear()
        # The rest of each token is its surface's analysis, which the cache of
        # tokenize() holds already for a word seen before: kept as that same tuple.
        analyses = _CACHE
        _SEGMENTS[piece] = (
            tuple([t[0] - start for t in tokens]),
            tuple([t[1] - start for t in tokens]),
            tuple([analyses.get(t[2]) or t[2:] for t in tokens]),
        )
        return tokens
    starts, ends, rest = columns
    # Built by the iterators, token by token, without a step of Python code.
    spans = zip(map(start.__add__, starts), map(start.__add__, ends), strict=True)
    return tuple(map(tuple.__new__, itertools.repeat(Token), map(operator.add, spans, rest)))


def normalize(text: str) -> tuple[str, ...]:
    """The normal forms of the tokens of *text*: ``tuple(t.norm for t in tokenize(text))``.

    For word lists that match on normal forms only: a word new to :func:`tokenize`'s
    cache is not stemmed (which is most of the cost of analysing it), and a text of
    ASCII letters and single spaces, as most entries are, is not even scanned: its
    tokens are its words, and their normal forms its words in lower case.
    """
    if text.isascii() and text.replace(" ", "").isalpha():
        return tuple(text.lower().split())
    cache = _CACHE
    norms: list[str] = []
    scan = _full_scan_re() if _may_hold_address(text, 0, len(text)) else _PLAIN_SCAN_RE
    for surface in scan.findall(text):
        analysis = cache.get(surface)
        norms.append(_norm(_kind(surface), surface) if analysis is None else analysis[1])
    return tuple(norms)
