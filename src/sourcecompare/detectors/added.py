"""Added facts: figures, dates, names and quotations that the derivative has and no wire has.

* ``framing.added_fact``: one specific fact of the derivative that occurs in no wire
  document: a number or quantity ("12 million", "£5m", "40 percent"), a date or a time
  ("March 12", "Tuesday", "10 a.m."), a person, organisation, place or event named with
  capitals ("Pieter Lund", "Halvik Ferry Company"), or words in quotation marks.

Legitimate variants are the same fact: "5m", "5 million" and "five million"; a rounded
figure ("about 5,000" for 4,987); a weekday where the wire gives a date or says
"yesterday"; "12 March" and "March 12"; a surname alone for a full name; "UN" for
"United Nations" (the alignment's equivalents, with the acronyms the texts define) and
"NHS" for "National Health Service" (initials); "Chinese" for "China".
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from sourcecompare._documents import SegmentKind
from sourcecompare._findings import Finding, Severity
from sourcecompare._furniture import MONTH_NUMBERS
from sourcecompare._lexicon import load_json, load_word_list, read_user_json
from sourcecompare._spans import Span
from sourcecompare._tokens import tokenize
from sourcecompare.detectors._base import equivalents_of
from sourcecompare.detectors._common import held_together, lexicon_memo, quoted
from sourcecompare.exceptions import InvalidOptionError

if TYPE_CHECKING:
    from pathlib import Path

    from sourcecompare._documents import Document, Segment
    from sourcecompare._keys import Equivalents, Learned
    from sourcecompare._tokens import Token
    from sourcecompare.detectors._base import DetectionContext

__all__ = ["FACT_LISTS", "FACT_TYPES", "QUOTE_FOUND", "AddedFact", "FactLexicon"]

FACT_TYPES: Final = ("figure", "date", "person", "organisation", "place", "event", "name", "quote")
"""The kinds of fact :class:`AddedFact` reports; its ``fact_type`` score indexes this tuple."""

_SEVERITY: Final = {
    "figure": Severity.HIGH,
    "person": Severity.HIGH,
    "quote": Severity.HIGH,
    "organisation": Severity.MEDIUM,
    "place": Severity.MEDIUM,
    "event": Severity.MEDIUM,
    "name": Severity.MEDIUM,
    "date": Severity.LOW,
}

_MONTHS: Final = MONTH_NUMBERS  # "march" and "mar": 3
_WEEKDAYS: Final = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_NUMBER_RE: Final = re.compile(r"^(\d+(?:\.\d+)?)([^\W\d_]*)$")
_TIME_RE: Final = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$")
_DAY_RE: Final = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_ISO_RE: Final = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASH_RE: Final = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})$")
_START: Final = operator.attrgetter("start")
# A pair of quotation marks around some words: “…”, ``…'', "…", ‘…’ and `…'. A closing
# single mark followed by a letter is an apostrophe ("it’s"), not the end of a quote.
_QUOTE_RE: Final = re.compile(
    r"“(?P<a>[^“”\n]+?)”|``(?P<b>[^`\n]+?)(?:''|\")|\"(?P<c>[^\"\n]+?)\""
    r"|‘(?P<d>[^‘’\n]+?)’(?![^\W\d_])|`(?P<e>[^`'\n]+?)'(?![^\W\d_])"
)
# Marks after which a capital opens a sentence or a quotation rather than a name.
_OPENERS: Final = frozenset('"“‘`:([')
# What may open a sentence, a quotation or a bracket before a word: single characters.
_OPENING_MARKS: Final = _OPENERS | frozenset(".!?")
_STOPWORDS: Final = load_word_list("stopwords.txt")
# Differences smaller than this are rounding of the same value.
_SAME: Final = 1e-9
# A figure may round a wire figure when it has a magnitude or is this large, and
# the two differ by at most this share of it ("about 5,000" for 4,987; not 20 for 24).
_ROUNDABLE: Final = 1000.0
_ROUNDING: Final = 0.1
# A quotation is in the wire when one wire segment has this share of its content words.
QUOTE_FOUND: Final = 0.5


FACT_LISTS: Final = (
    "percent",
    "meridiem",
    "relative_days",
    "titles",
    "organisation",
    "event",
    "place",
    "locative",
    "connectors",
)
"""The word lists of :class:`FactLexicon` besides ``magnitudes``, as in ``data/facts.json``."""


def _magnitudes(
    value: Mapping[str, float] | Iterable[tuple[str, float]],
) -> tuple[tuple[str, float], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    table: dict[str, float] = {}
    for word, factor in pairs:
        number = float(factor)
        if not math.isfinite(number) or number <= 0:
            msg = f"the magnitude {word!r} needs a positive factor, got {factor!r}"
            raise InvalidOptionError(msg, option="facts")
        table[str(word).casefold()] = number
    return tuple(sorted(table.items()))


_Currencies = Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str | Iterable[str]]]


def _currencies(value: _Currencies) -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    table: dict[str, tuple[str, ...]] = {}
    for word, names in pairs:
        listed = (names,) if isinstance(names, str) else tuple(names)
        if not listed or not all(isinstance(n, str) and n for n in listed):
            msg = f"the currency word {word!r} needs one currency name or a list of them"
            raise InvalidOptionError(msg, option="facts")
        table[str(word).casefold()] = tuple(sorted({n.casefold() for n in listed}))
    return tuple(sorted(table.items()))


def _words(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        msg = f"a fact word list takes a list of words, got the string {value!r}"
        raise InvalidOptionError(msg, option="facts")
    return frozenset(str(w).casefold() for w in value)


@attrs.frozen
class FactLexicon:
    """The word lists of :class:`AddedFact` (``data/facts.json``).

    Words are matched against a token's normal form (:attr:`Token.norm`), so they are
    kept case-folded.

    Attributes:
        magnitudes: Words and suffixes that multiply the number before them, with their
            factor, as sorted ``(word, factor)`` pairs (``("million", 1e6)``, ``("m",
            1e6)``); a mapping is accepted.
        currencies: Symbols before a figure and words after it that give its currency,
            with the currency they name, as sorted ``(word, names)`` pairs (``("£",
            ("pound",))``; ``("¥", ("yen", "yuan"))`` may be either); a mapping of word
            to a name or a list of names is accepted. Two figures of the same value in
            currencies with no name in common are different figures.
        percent: Words after a number that make it a percentage ("percent").
        meridiem: What marks a time of day after a number ("am", "pm").
        relative_days: Words by which a wire gives a day without naming it
            ("yesterday"); a wire that uses one allows any weekday.
        titles: Words before a name that say who the person is ("mayor", "dr").
        organisation: Words that make a capitalised name an organisation ("bank").
        event: Words that make a capitalised name an event ("summit").
        place: Words that make a capitalised name a place ("street").
        locative: Words that make the single-word name after them a place ("in").
        connectors: Lower-case words that join the capitalised words of one name ("of").

    .. versionadded:: 0.1
    """

    magnitudes: tuple[tuple[str, float], ...] = attrs.field(default=(), converter=_magnitudes)
    currencies: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(
        default=(), converter=_currencies
    )
    percent: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    meridiem: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    relative_days: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    titles: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    organisation: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    event: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    place: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    locative: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    connectors: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    # The magnitudes and currencies as dictionaries, for lookups.
    _factors: Mapping[str, float] = attrs.field(init=False, eq=False, repr=False)
    _money: Mapping[str, frozenset[str]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_factors", dict(self.magnitudes))
        object.__setattr__(
            self, "_money", {word: frozenset(names) for word, names in self.currencies}
        )

    @property
    def factors(self) -> Mapping[str, float]:
        """:attr:`magnitudes` as a mapping of word to factor."""
        return self._factors

    @property
    def money(self) -> Mapping[str, frozenset[str]]:
        """:attr:`currencies` as a mapping of word to the currencies it may name."""
        return self._money

    @classmethod
    def default(cls) -> FactLexicon:
        """The lists that ship with sourcecompare (read on first use)."""
        return _default_lexicon()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> FactLexicon:
        """Build a lexicon from a mapping shaped like ``data/facts.json``.

        Missing lists are empty; an ``"about"`` key is ignored.
        """
        unknown = sorted(set(data) - {"magnitudes", "currencies", *FACT_LISTS, "about"})
        if unknown:
            msg = (
                f"unknown fact lists {unknown}; use magnitudes, currencies, {', '.join(FACT_LISTS)}"
            )
            raise InvalidOptionError(msg, option="facts")
        tables = {}
        for name, what in (("magnitudes", "factor"), ("currencies", "currency name")):
            table = data.get(name, {})
            if not isinstance(table, Mapping):
                msg = f"{name!r} must be an object of word to {what}, got {type(table).__name__}"
                raise InvalidOptionError(msg, option="facts")
            tables[name] = table
        return cls(**tables, **{name: data.get(name, ()) for name in FACT_LISTS})

    @classmethod
    def from_json(cls, path: str | Path, *, extend_default: bool = True) -> FactLexicon:
        """Read lists from a JSON file; by default they extend the bundled ones."""
        extra = read_user_json(path, cls.from_data, what="fact word lists", option="facts")
        if not extend_default:
            return extra
        return _default_lexicon().extend(
            magnitudes=extra.magnitudes,
            currencies=extra.currencies,
            **{name: getattr(extra, name) for name in FACT_LISTS},
        )

    def extend(
        self,
        *,
        magnitudes: Mapping[str, float] | Iterable[tuple[str, float]] = (),
        currencies: _Currencies = (),
        **lists: Iterable[str],
    ) -> FactLexicon:
        """Return a lexicon with entries added, e.g. ``extend(titles=["alderman"])``.

        A magnitude or currency word given again takes its new value:
        ``extend(magnitudes={"lakh": 100_000}, currencies={"rand": "rand"})``.
        """
        unknown = sorted(set(lists) - set(FACT_LISTS))
        if unknown:
            msg = (
                f"unknown fact lists {unknown}; use magnitudes, currencies, {', '.join(FACT_LISTS)}"
            )
            raise InvalidOptionError(msg, option="facts")
        return FactLexicon(
            {**self._factors, **dict(_magnitudes(magnitudes))},
            {**dict(self.currencies), **dict(_currencies(currencies))},
            **{name: getattr(self, name) | _words(lists.get(name, ())) for name in FACT_LISTS},
        )


def fact_lexicon(lexicon: FactLexicon | None, detector: str) -> FactLexicon:
    """The lexicon a *detector* was given, or the bundled one for ``None``.

    Raises:
        InvalidOptionError: *lexicon* is something else than a :class:`FactLexicon`.
    """
    given: object = lexicon
    if given is None:
        return _default_lexicon()
    if not isinstance(given, FactLexicon):
        msg = f"{detector} takes a FactLexicon, got {type(given).__name__}"
        raise InvalidOptionError(msg, option="facts")
    return given


@functools.cache
def _default_lexicon() -> FactLexicon:
    """The bundled lists, built on first use: importing the package stays fast."""
    return FactLexicon.from_data(load_json("facts.json"))


class _When(NamedTuple):
    """A date or a time of day; the parts a text leaves out are ``None``."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None


@attrs.frozen
class _Fact:
    """One fact a text states: where, what kind, and what it must match.

    Attributes:
        type: One of :data:`FACT_TYPES`.
        segment: Index of the segment it stands in.
        span: Its exact span in the document's text.
        values: A figure's readings (two for an ambiguous "100m").
        significant: The figure's significant digits when it may round a wire
            figure (it has a magnitude or is large: "5m", "5,000"), else 0.
        whens: A date's readings (two for "03/04/2025").
        keys: A name's or a quotation's keys.
        currency: The currencies a figure may be in ("£5m": pound), by the symbol
            before it or the word after it; empty when it names none.
    """

    type: str
    segment: int
    span: Span
    values: tuple[float, ...] = ()
    significant: int = 0
    whens: tuple[_When, ...] = ()
    keys: frozenset[str] = frozenset()
    currency: frozenset[str] = frozenset()


# --- figures, dates and times -----------------------------------------------------------------


def _significant(number: str) -> int:
    """Significant digits of a number as written ("5000" 1, "4987" 4, "5.20" 3)."""
    if "." in number:
        digits = number.replace(".", "").lstrip("0")
        return max(len(digits), 1)
    return max(len(number.strip("0")), 1)


def _round(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_SAME, abs_tol=_SAME)


def _is_year(token: Token) -> bool:
    return token.is_number and token.is_date and token.norm.isdigit() and "," not in token.text


def _day(token: Token | None) -> int | None:
    if token is None or not token.is_number:
        return None
    match = _DAY_RE.match(token.norm)
    if match is None:
        return None
    day = int(match.group(1))
    return day if 1 <= day <= 31 else None


def _month(token: Token | None) -> int | None:
    if token is None or not token.is_date or token.is_number:
        return None
    return _MONTHS.get(token.norm.rstrip("."))


_Found = tuple[int, str, tuple[float, ...], int, tuple[_When, ...]]
"""What a reader found at a token: end index, fact type, values, significant digits, dates."""


class _Vocabulary(NamedTuple):
    """The words a reader looks up besides its lists: the same for every text.

    Attributes:
        signs: The currency signs a figure may follow ("£5m"): the one-character
            currency words that are not letters or digits.
        numbers: Cardinal number words and their values ("five", "twenty", "hundred").
        countries: See :func:`_countries`; ``None`` to work them out on first use.
    """

    signs: frozenset[str]
    numbers: dict[str, float]
    countries: frozenset[str] | None


def _vocabulary(
    equivalents: Equivalents, lists: FactLexicon, *, countries: bool = False
) -> _Vocabulary:
    """The :class:`_Vocabulary` of *lists* and *equivalents* (its countries too if asked)."""
    return _Vocabulary(
        frozenset(w for w in lists.money if len(w) == 1 and not w.isalnum()),
        {w: float(d) for w, d in equivalents.numbers.items() if d.isdigit()},
        _countries(equivalents) if countries else None,
    )


def _derivative_vocabulary(
    context: DetectionContext, equivalents: Equivalents, lists: FactLexicon
) -> _Vocabulary:
    """:func:`_vocabulary` for the derivative's readers, worked out once per wire.

    The equivalents depend on the derivative only through the acronyms the texts
    define, which key it.
    """
    _, learned = equivalents_of(context)
    return lexicon_memo(
        context,
        lists,
        ("added_fact:vocabulary", learned),
        lambda: _vocabulary(equivalents, lists, countries=True),
    )


class _Reader:
    """Reads the facts of one text: figures, dates, times, names and quotations.

    Token indices are positions in the token sequence given (a segment's tokens);
    spans are offsets into *text*, the whole document's text.
    """

    def __init__(
        self,
        text: str,
        equivalents: Equivalents,
        lists: FactLexicon,
        vocabulary: _Vocabulary | None = None,
    ) -> None:
        self.text = text
        self.equivalents = equivalents
        self.lists = lists
        if vocabulary is None:
            vocabulary = _vocabulary(equivalents, lists)
        self.signs = vocabulary.signs
        self.numbers = vocabulary.numbers
        self.countries = vocabulary.countries  # None: read on first use

    def gap(self, tokens: Sequence[Token], index: int) -> str:
        """The text between token *index* and the one before it."""
        return self.text[tokens[index - 1].end : tokens[index].start] if index else ""

    def spaced(self, tokens: Sequence[Token], index: int) -> bool:
        """Whether only white space stands between token *index* and the one before."""
        return not self.gap(tokens, index).strip()

    # --- figures, dates and times ---------------------------------------------------------

    def dates_and_figures(
        self, segment: int, tokens: Sequence[Token]
    ) -> tuple[list[_Fact], set[int]]:
        """The figures, dates and times of *tokens*, and the token indices they take."""
        facts: list[_Fact] = []
        used: set[int] = set()
        numbers = self.numbers
        # Every figure, date or time starts with one of these: found in one sweep, then
        # read in order, each from where the fact before it ended.
        # (A loop, not a comprehension, which is a call: this runs for every segment.)
        starts = []
        for k, t in enumerate(tokens):
            if t.is_number or t.is_date or t.norm in numbers:
                starts.append(k)
        i = 0
        for at in starts:
            if at < i:
                continue  # inside the fact read before
            i = at
            found = self._date(tokens, i) or self._time(tokens, i) or self._figure(tokens, i)
            if found is None:
                i += 1
                continue
            end, fact_type, values, significant, whens = found
            start = tokens[i].start
            first = i
            currency: frozenset[str] = frozenset()
            if fact_type == "figure":
                money = self.lists.money
                if start and self.text[start - 1] in self.signs:
                    start -= 1  # "£5m"
                    currency = money.get(self.text[start], frozenset())
                elif i and tokens[i - 1].text.isupper() and self.spaced(tokens, i):
                    currency = money.get(tokens[i - 1].norm, frozenset())  # "DKK 5m"
                    if currency:
                        first = i - 1
                        start = tokens[first].start
                if not currency and end < len(tokens) and self.spaced(tokens, end):
                    currency = money.get(tokens[end].norm, frozenset())  # "5m crowns"
                if currency:
                    values = values[:1]  # money: "£5m" is not five metres
            facts.append(
                _Fact(
                    fact_type,
                    segment,
                    Span(start, tokens[end - 1].end),
                    values=values,
                    significant=significant,
                    whens=whens,
                    currency=currency,
                )
            )
            used.update(range(first, end))
            i = end
        return facts, used

    def _date(self, tokens: Sequence[Token], i: int) -> _Found | None:
        token = tokens[i]
        if not token.is_date and not token.is_number:
            return None
        if token.is_number and token.is_date and not token.norm.isdigit():
            whens = _numeric_date(token.norm)  # "2025-04-03", "03/04/2025"
            return (i + 1, "date", (), 0, whens) if whens else None
        if token.is_date and not token.is_number:
            weekday = _WEEKDAYS.get(token.norm.rstrip("."))
            if weekday is not None:
                return i + 1, "date", (), 0, (_When(weekday=weekday),)
        month = _month(token)
        following = i + 1 < len(tokens) and self.spaced(tokens, i + 1)
        if month is not None:  # "March", "March 12", "Oct. 3, 2025", "March 2025"
            after = i + 1 < len(tokens) and self.gap(tokens, i + 1).strip() in {"", "."}
            day = _day(tokens[i + 1]) if after else None
            end = i + 2 if day is not None else i + 1
            year = self._year_at(tokens, end)
            return end + (year is not None), "date", (), 0, (_When(year, month, day),)
        day = _day(token)
        if day is not None and following:  # "12 March", "12th of March 2025"
            j = i + 1
            if tokens[j].norm == "of" and j + 1 < len(tokens) and self.spaced(tokens, j + 1):
                j += 1
            month = _month(tokens[j])
            if month is not None:
                year = self._year_at(tokens, j + 1)
                return j + 1 + (year is not None), "date", (), 0, (_When(year, month, day),)
        if _is_year(token) and not self._quantity_at(tokens, i + 1):
            return i + 1, "date", (), 0, (_When(year=int(token.norm)),)
        return None

    def _year_at(self, tokens: Sequence[Token], j: int) -> int | None:
        if j < len(tokens) and _is_year(tokens[j]) and self.gap(tokens, j).strip() in {"", ","}:
            return int(tokens[j].norm)
        return None

    def _quantity_at(self, tokens: Sequence[Token], j: int) -> bool:
        lists = self.lists
        return j < len(tokens) and (
            tokens[j].norm in lists.factors or tokens[j].norm in lists.percent
        )

    def _time(self, tokens: Sequence[Token], i: int) -> _Found | None:
        token = tokens[i]
        if not token.is_number:
            return None
        match = _TIME_RE.match(token.norm)
        if match is None:
            return None
        hour, minute, meridiem = match.groups()
        end = i + 1
        if (
            meridiem is None
            and end < len(tokens)
            and tokens[end].norm in self.lists.meridiem
            and self.spaced(tokens, end)
        ):
            meridiem = tokens[end].norm
            end += 1
        if meridiem is None and ":" not in token.norm:
            return None  # "10.30" is a number; "10:30", "10.30pm" and "10 a.m." are times
        hours, minutes = int(hour), int(minute or 0)
        if hours > 24 or minutes > 59:
            return None
        return end, "date", (), 0, (_When(hour=hours % 12, minute=minutes),)

    def _figure(self, tokens: Sequence[Token], i: int) -> _Found | None:
        token = tokens[i]
        lists = self.lists
        if token.is_number:
            match = _NUMBER_RE.match(token.norm.replace(",", ""))
            if match is None:
                return None
            number, suffix = match.groups()
            value = float(number)
            if not math.isfinite(value):
                return None
            significant = _significant(number)
            values: tuple[float, ...] = (value,)
            magnitude = suffix in lists.factors
            if magnitude:  # "5m", "1.2bn"
                values = (value * lists.factors[suffix],)
                if len(suffix) == 1:
                    values = (*values, value)  # "100m" may be metres, "5k" a race
            end = i + 1
        elif token.norm in self.numbers and (
            token.norm != "one" or self._magnitude_at(tokens, i + 1)  # not "one of them"
        ):
            words: list[str] = []
            end = i
            while end < len(tokens):
                norm = tokens[end].norm
                if norm in self.numbers and (
                    end == i or self.gap(tokens, end).strip() in {"", "-"}
                ):
                    words.append(norm)
                    end += 1
                elif (
                    norm == "and" and end + 1 < len(tokens) and tokens[end + 1].norm in self.numbers
                ):
                    end += 1  # "two hundred and fifty"
                else:
                    break
            value = _words_value(words, self.numbers)
            values = (value,)
            magnitude = False
            significant = _significant(str(int(value)))
        else:
            return None
        # The words of its value after it: "42 million", "5 per cent", "12 percent".
        while end < len(tokens) and self.spaced(tokens, end):
            norm = tokens[end].norm
            if norm in lists.factors and norm not in {"m", "k"}:  # a lone "m" is metres
                values = (values[0] * lists.factors[norm],)
                magnitude = True
                end += 1
            elif norm in lists.percent:
                end += 1
            elif (
                norm == "per"
                and end + 1 < len(tokens)
                and tokens[end + 1].norm == "cent"
                and self.spaced(tokens, end + 1)
            ):
                end += 2
            else:
                break
        if not magnitude and values[0] < _ROUNDABLE:
            significant = 0
        return end, "figure", values, significant, ()

    def _magnitude_at(self, tokens: Sequence[Token], j: int) -> bool:
        return j < len(tokens) and tokens[j].norm in self.lists.factors

    # --- names ----------------------------------------------------------------------------

    def opening(self, tokens: Sequence[Token], i: int) -> bool:
        """Whether token *i* opens a sentence, a quotation or a bracket.

        A capital there need not be a name's.
        """
        if i == 0:
            return True
        gap = self.gap(tokens, i)
        if gap.strip() == "." and self.title(tokens[i - 1]):
            return False  # "Mr. Lund"
        return not _OPENING_MARKS.isdisjoint(gap)

    def name_part(self, token: Token) -> bool:
        """A capitalised word that may be part of a name.

        Not a month or weekday, and not a function word written in capitals ("THE").
        """
        return (
            token.is_capitalized
            and not token.is_stop
            and not token.is_number
            and not (token.is_date and token.norm.rstrip(".").isalpha())
            and token.norm not in _STOPWORDS
        )

    def title(self, token: Token) -> bool:
        """Whether *token* is a title ("Mayor", "Dr.", "CEOs")."""
        norm = token.norm.rstrip(".")
        titles = self.lists.titles
        return norm in titles or (norm.endswith("s") and norm[:-1] in titles)

    def runs(
        self, tokens: Sequence[Token], used: set[int], *, split: bool = True
    ) -> Iterator[tuple[int, int]]:
        """Token ranges of capitalised names, joined across "of", "for", "van" ...

        A person's name does not join what follows a connector ("Jeff Flake of
        Arizona"), and a title after a name of several words starts another ("Halvik
        Council Mayor Pieter Lund"); unless *split* is false.
        """
        n = len(tokens)
        j = 0
        for i, token in enumerate(tokens):
            # is_capitalized first: name_part's own first test, and false for most words
            if not token.is_capitalized or i < j or i in used or not self.name_part(token):
                continue
            j = i + 1
            while j < n and self._next_to(tokens, j) and not _possessive(tokens[j - 1]):
                if j not in used and self.name_part(tokens[j]):
                    if (
                        split
                        and j - i > 1
                        and self.title(tokens[j])
                        and not self.title(tokens[j - 1])
                        and j + 1 < n
                        and self.name_part(tokens[j + 1])
                        and self.spaced(tokens, j + 1)
                    ):
                        break
                    j += 1
                elif self._joins(tokens, i, j, used, split=split):
                    j += 2
                else:
                    break
            yield i, j

    def _next_to(self, tokens: Sequence[Token], j: int) -> bool:
        """Whether token *j* follows the one before in the same name.

        Only a space may stand between them, or the full stop of an initial or a title
        ("Ben S. Bernanke", "Dr. Ada Berg").
        """
        gap = self.gap(tokens, j).strip()
        if not gap:
            return True
        previous = tokens[j - 1]
        initial = len(previous.text) == 1 and previous.text.isupper()
        return gap == "." and (initial or self.title(previous))

    def _joins(
        self, tokens: Sequence[Token], i: int, j: int, used: set[int], *, split: bool
    ) -> bool:
        """Whether connector ``tokens[j]`` joins the name ``tokens[i:j]`` to the next word."""
        lists = self.lists
        if (
            tokens[j].norm not in lists.connectors
            or tokens[j].is_capitalized
            or j + 1 >= len(tokens)
            or j + 1 in used
            or not self.name_part(tokens[j + 1])
            or not self.spaced(tokens, j + 1)
        ):
            return False
        before = {t.norm for t in tokens[i:j]}
        described = before & (lists.organisation | lists.event | lists.place)
        person = j - i >= 2 and not described and not any(self.title(t) for t in tokens[i:j])
        return not (split and person)

    def names(
        self,
        segment: int,
        tokens: Sequence[Token],
        used: set[int],
        names_inside: AbstractSet[str],
        lowercase: AbstractSet[str],
    ) -> list[tuple[_Fact, tuple[int, int], bool]]:
        """The names of *tokens*: each fact, its token range and whether a title preceded it.

        A capital that opens a sentence or a quotation makes a name only if the text
        also writes the word capitalised elsewhere (*names_inside*); the first word of a
        longer name there is left out if the texts write it in lower case (*lowercase*).
        Titles before a name ("Mayor", "Dr.") are left out of it.
        """
        lists = self.lists
        found = []
        for first, last in self.runs(tokens, used):
            i = first
            if self.opening(tokens, i):
                if last - i == 1 and tokens[i].norm not in names_inside:
                    continue
                if last - i > 1 and tokens[i].norm in lowercase:
                    i += 1
            titled = False
            while i < last and (self.title(tokens[i]) or tokens[i].norm in lists.connectors):
                titled = titled or self.title(tokens[i])
                i += 1
            if i >= last:
                continue
            words = tokens[i:last]
            # A loop, not a comprehension (a call): this runs for every name.
            name_keys = set()
            for unit in self.equivalents.units_of(words):
                if unit.content and not self.title(words[unit.first]):
                    name_keys.add(unit.key)
            keys = frozenset(name_keys)
            if not keys:
                continue
            end = words[-1].end
            if _possessive(words[-1]):
                end -= 2  # "Lund's": the name is "Lund"
            previous = tokens[i - 1] if i else None
            fact_type = self.name_type(
                words, keys, titled=titled, previous=previous, lowercase=lowercase
            )
            found.append(
                (_Fact(fact_type, segment, Span(words[0].start, end), keys=keys), (i, last), titled)
            )
        return found

    def name_type(
        self,
        words: Sequence[Token],
        keys: frozenset[str],
        *,
        titled: bool,
        previous: Token | None,
        lowercase: AbstractSet[str],
    ) -> str:
        """Person, organisation, place, event or name, from the words of a name.

        The word lists decide first; then a title before it makes a person, a lone
        acronym an organisation, "in" or "at" before one word a place, and two to
        four words a person, unless one of them is a number word ("Second
        Amendment") or a word the texts also write in lower case ("Sustainable
        Development Goals").
        """
        lists = self.lists
        norms = set()
        for t in words:  # a loop, not a comprehension (a call): this runs for every name
            norms.add(t.norm.rstrip("."))
        if not norms.isdisjoint(lists.organisation):
            return "organisation"
        if not norms.isdisjoint(lists.event):
            return "event"
        if not norms.isdisjoint(lists.place) or self._country(words, keys):
            return "place"
        if titled:
            return "person"
        if len(words) == 1 and words[0].text.isupper() and len(words[0].text) > 1:
            return "organisation"  # an acronym: "NHS", "UN"
        if previous is not None and previous.norm in lists.locative and len(words) == 1:
            return "place"
        if 2 <= len(words) <= 4 and not any(
            t.norm in lists.connectors
            or t.norm in self.equivalents.numbers
            or t.norm in lowercase
            or (t.text.isupper() and len(t.text) > 1)
            for t in words
        ):
            return "person"
        return "name"

    def _country(self, words: Sequence[Token], keys: frozenset[str]) -> bool:
        if self.countries is None:
            self.countries = _countries(self.equivalents)
        countries = self.countries
        # Set operations rather than generators: read for most names of every text.
        norms = [t.norm for t in words]
        if " ".join(norms) in countries or countries.issuperset(norms):
            return True
        return not countries.isdisjoint(keys)

    # --- quotations -----------------------------------------------------------------------

    def quotes(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Spans of the words inside quotation marks in ``text[start:end]``."""
        for match in _QUOTE_RE.finditer(self.text, start, end):
            group = next(name for name in "abcde" if match.group(name) is not None)
            yield match.start(group), match.end(group)


def _bare(token: Token) -> str:
    """A token's text without a possessive "'s"."""
    return token.text[:-2] if _possessive(token) else token.text


def _possessive(token: Token) -> bool:
    """Whether *token* is written with a possessive "'s" its normal form drops."""
    return token.text[-2:] in {"'s", "’s"} and not token.norm.endswith("s")


@functools.cache
def _countries_of(demonyms: tuple[tuple[str, str], ...], units: tuple[str, ...]) -> frozenset[str]:
    return frozenset({*(c for _, c in demonyms), *(d for d, _ in demonyms), *units})


def _countries(equivalents: Equivalents) -> frozenset[str]:
    """Countries, regions and their demonyms; and the keys of units spelled as one."""
    names = {*equivalents.demonyms.values(), *equivalents.demonyms}
    units = tuple(
        sorted(
            f"@{name}"
            for name, spellings in equivalents.units.items()
            if any(s.casefold() in names for s in spellings)
        )
    )
    return _countries_of(tuple(sorted(equivalents.demonyms.items())), units)


def _words_value(words: Sequence[str], numbers: Mapping[str, float]) -> float:
    """The value of number words: "two hundred and fifty" 250, "twenty-five" 25."""
    total = 0.0
    current = 0.0
    for word in words:
        value = numbers[word]
        if value == 100:
            current = max(current, 1.0) * value
        elif value >= 1000:
            total += max(current, 1.0) * value
            current = 0.0
        else:
            current += value
    return total + current


def _numeric_date(norm: str) -> tuple[_When, ...]:
    """The readings of an ISO or slashed date: "2025-04-03"; "03/04/2025" both ways."""
    match = _ISO_RE.match(norm)
    if match is not None:
        year, month, day = (int(g) for g in match.groups())
        return (_When(year, month, day),) if 1 <= month <= 12 else ()
    match = _SLASH_RE.match(norm)
    if match is None:
        return ()
    first, second, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000
    readings = [
        _When(year, month, day)
        for day, month in ((first, second), (second, first))
        if 1 <= month <= 12 and 1 <= day <= 31
    ]
    return tuple(dict.fromkeys(readings))


def _in_year(when: _When, published: dt.date | None) -> _When:
    """A wire's date with the year of its publication when it gives none ("Oct. 3")."""
    if published is None or when.month is None or when.year is not None:
        return when
    return when._replace(year=published.year)


def _weekday(when: _When) -> int | None:
    if when.year is None or when.month is None or when.day is None:
        return None
    try:
        return dt.date(when.year, when.month, when.day).weekday()
    except ValueError:
        return None


# --- the wires -------------------------------------------------------------------------------


@attrs.frozen
class _Wires:
    """What the wires state, to look the derivative's facts up in.

    Attributes:
        pieces: Per piece of wire text (each segment, each piece of furniture), the
            keys of its tokens and multi-word units.
        holding: Key to the indices of the pieces that hold it.
        acronyms: Normal forms of the wires' all-capital words ("nhs").
        values: Every number the wires give, in digits or words, with its magnitude.
        whens: Every date and time the wires give (the dateline's and publication
            date included).
        years: Every year the wires give.
        relative: Whether the wires name a day without a date ("yesterday").
        facts: Per ``(wire, segment)``, the figures and dates of that segment.
        lowercase: Normal forms of the words the wires write in lower case.
        currencies: Per value of a wire figure, the currencies it is given in (an
            empty set where a figure gives it with none); values not here are given
            with none.
    """

    pieces: tuple[frozenset[str], ...]
    holding: Mapping[str, frozenset[int]]
    acronyms: frozenset[str]
    values: frozenset[float]
    whens: tuple[_When, ...]
    years: frozenset[int]
    relative: bool
    facts: Mapping[tuple[int, int], tuple[_Fact, ...]]
    lowercase: frozenset[str]
    currencies: Mapping[float, frozenset[frozenset[str]]] = attrs.field(factory=dict)

    def together(self, keys: frozenset[str]) -> bool:
        """Whether one piece of wire text has all of *keys*."""
        return held_together(self.holding, keys)

    def best_share(self, keys: frozenset[str]) -> float:
        """The largest share of *keys* that one piece of wire text has."""
        counts: dict[int, int] = {}
        for key in keys:
            for piece in self.holding.get(key, ()):
                counts[piece] = counts.get(piece, 0) + 1
        return max(counts.values(), default=0) / len(keys) if keys else 0.0


def _initials(tokens: Sequence[Token], connectors: frozenset[str]) -> str:
    return "".join(t.norm[:1] for t in tokens if t.norm not in connectors)


def _wire_initials(
    wires: Sequence[Document], equivalents: Equivalents, lists: FactLexicon
) -> frozenset[str]:
    """Initials of the wires' capitalised names of several words.

    "nhs" for "National Health Service"; read only when a derivative needs them.
    """
    connectors = lists.connectors
    initials = set()
    for wire in wires:
        reader = _Reader(wire.text, equivalents, lists)
        for segment in wire.segments:
            tokens = segment.tokens
            for first, last in reader.runs(tokens, set(), split=False):
                if last - first > 1:
                    initials.add(_initials(tokens[first:last], connectors))
    return frozenset(initials)


def _read_wires(wires: Sequence[Document], equivalents: Equivalents, lists: FactLexicon) -> _Wires:
    """Index what *wires* state: their keys, names, figures and dates."""
    pieces: list[frozenset[str]] = []
    acronyms: set[str] = set()
    values: set[float] = set()
    whens: list[_When] = []
    facts: dict[tuple[int, int], tuple[_Fact, ...]] = {}
    lowercase: set[str] = set()
    currencies: dict[float, set[frozenset[str]]] = {}
    relative = False
    for number, wire in enumerate(wires):
        reader = _Reader(wire.text, equivalents, lists)
        extra = [f.span for f in wire.furniture]
        if wire.dateline is not None:
            extra.append(wire.dateline.span)
        texts: list[tuple[int | None, Sequence[Token]]] = [
            (s.index, s.tokens) for s in wire.segments
        ]
        texts += [(None, tokenize(wire.text, span.start, span.end)) for span in extra]
        for index, tokens in texts:
            keys = set()
            for unit in equivalents.units_of(tokens):
                keys.add(unit.key)
                if unit.last - unit.first > 1:  # "United Nations": "@un", and each word
                    keys.update(equivalents.key(t) for t in tokens[unit.first : unit.last])
            pieces.append(frozenset(keys))
            found, _ = reader.dates_and_figures(index or 0, tokens)
            if index is not None:
                facts[number, index] = tuple(found)
            for fact in found:
                values.update(fact.values)
                whens.extend(_in_year(w, wire.published) for w in fact.whens)
                for value in fact.values:
                    currencies.setdefault(value, set()).add(fact.currency)
            for token in tokens:
                if token.is_number:
                    match = _NUMBER_RE.match(token.norm.replace(",", ""))
                    if match is not None and math.isfinite(float(match.group(1))):
                        values.add(float(match.group(1)))
                elif token.norm in reader.numbers or token.norm in equivalents.numbers:
                    digits = equivalents.numbers[token.norm].rstrip("stndrh")
                    if digits.isdigit():
                        values.add(float(digits))
                if token.text[:1].islower():
                    lowercase.add(token.norm)
                    relative = relative or token.norm in lists.relative_days
                elif token.text.isupper() and len(token.text) > 1:
                    acronyms.add(token.norm)
        if wire.published is not None:
            day = wire.published
            whens.append(_When(day.year, day.month, day.day))
    holding: dict[str, set[int]] = {}
    for index, piece in enumerate(pieces):
        for key in piece:
            holding.setdefault(key, set()).add(index)
    years = {w.year for w in whens if w.year is not None}
    years.update(int(v) for v in values if v.is_integer() and 1000 <= v <= 2999)
    return _Wires(
        pieces=tuple(pieces),
        holding={k: frozenset(v) for k, v in holding.items()},
        acronyms=frozenset(acronyms),
        values=frozenset(values),
        whens=tuple(dict.fromkeys(whens)),
        years=frozenset(years),
        relative=relative,
        facts=facts,
        lowercase=frozenset(lowercase),
        currencies={value: frozenset(given) for value, given in currencies.items()},
    )


def _figure_found(fact: _Fact, wires: _Wires) -> bool:
    """Whether the wires give the figure: the same value, or one it rounds (within 10%).

    In a currency the figure shares, or with none on either side: "£5m" is not a
    wire's "5 million crowns".
    """
    currencies = wires.currencies
    for value in _matched(fact, wires.values):
        given = currencies.get(value)
        if given is None or any(_same_money(fact.currency, g) for g in given):
            return True
    return False


def _same_money(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two figures' currencies may be the same (either naming none counts)."""
    return not first or not second or not first.isdisjoint(second)


def _matched(fact: _Fact, values: AbstractSet[float]) -> Iterator[float]:
    """The *values* that *fact* gives, itself or rounded (within 10%)."""
    for value in fact.values:
        if value in values:
            yield value
        for wire_value in values:
            if wire_value != value and _same(value, wire_value):
                yield wire_value
        if fact.significant and value:
            for wire_value in values:
                near = abs(wire_value - value) <= _ROUNDING * abs(value)
                if near and _same(_round(wire_value, fact.significant), value):
                    yield wire_value


def _figure_in(fact: _Fact, values: AbstractSet[float]) -> bool:
    """Whether *fact* gives one of *values*, or a rounding of one (within 10%)."""
    return next(_matched(fact, values), None) is not None


def _dates_and_figures(
    doc: Document,
    equivalents: Equivalents,
    lists: FactLexicon,
    vocabulary: _Vocabulary | None = None,
) -> dict[int, tuple[list[_Fact], set[int]]]:
    """:meth:`_Reader.dates_and_figures` of every segment of *doc*, by segment index."""
    reader = _Reader(doc.text, equivalents, lists, vocabulary)
    return {s.index: reader.dates_and_figures(s.index, s.tokens) for s in doc.segments}


def derivative_dates_and_figures(
    context: DetectionContext, equivalents: Equivalents, lists: FactLexicon
) -> dict[int, tuple[list[_Fact], set[int]]]:
    """The derivative's figures, dates and times per segment, read once per context."""
    return context.memo(
        f"added_fact:dates_and_figures:{id(lists)}",
        lambda: _dates_and_figures(
            context.derivative,
            equivalents,
            lists,
            _derivative_vocabulary(context, equivalents, lists),
        ),
    )


def currency_changed(wire_figure: _Fact, figures: Iterable[_Fact]) -> bool:
    """Whether *figures* (a derivative's) give *wire_figure*'s value only in other currencies.

    "5 million euros" for the wire's "5 million crowns": the words of the figure are
    there, the figure is not.
    """
    if not wire_figure.currency:
        return False
    values = frozenset(wire_figure.values)
    same_value = [figure for figure in figures if _figure_in(figure, values)]
    return bool(same_value) and not any(
        _same_money(figure.currency, wire_figure.currency) for figure in same_value
    )


def wire_figures_of(
    context: DetectionContext,
    wire: int,
    equivalents: Equivalents,
    learned: Learned,
    lists: FactLexicon,
) -> dict[int, tuple[_Fact, ...]]:
    """The figures of each segment of wire number *wire*, by segment index.

    Taken from what :class:`AddedFact` reads of the wires (:func:`_wires_read`), read
    once per prepared wire and lexicon: "5m", "5 million", "five million" and
    "5,000,000" are one value. *equivalents* are the comparison's
    (:func:`equivalents_of`), *learned* the definitions they know.
    """

    def compute() -> dict[int, tuple[_Fact, ...]]:
        facts = _wires_read(context, equivalents, learned, lists).facts
        return {
            index: tuple(f for f in found if f.type == "figure")
            for (number, index), found in facts.items()
            if number == wire
        }

    return lexicon_memo(context, lists, ("facts:wire_figures", wire, learned), compute)


def _wires_read(
    context: DetectionContext, equivalents: Equivalents, learned: Learned, lists: FactLexicon
) -> _Wires:
    """:func:`_read_wires` of the context's wires, once per prepared wire and lexicon."""
    return lexicon_memo(
        context,
        lists,
        ("added_fact:wires", learned),
        lambda: _read_wires(context.wires, equivalents, lists),
    )


def gives_figure(wire_figure: _Fact, figures: Iterable[_Fact]) -> bool:
    """Whether one of *figures* (a derivative's) gives *wire_figure*'s value.

    The same value, or a rounding of it, as :class:`AddedFact` counts a derivative
    figure found: "about 5,000" gives 4,987; "5,000" does not give 5,400.
    """
    values = frozenset(wire_figure.values)
    return any(
        _same_money(figure.currency, wire_figure.currency) and _figure_in(figure, values)
        for figure in figures
    )


def _date_found(fact: _Fact, wires: _Wires) -> bool:
    """Whether the wires give the date or time (any reading of it)."""
    return any(_when_found(when, wires) for when in fact.whens)


def _when_found(when: _When, wires: _Wires) -> bool:
    if when.hour is not None:
        return any((w.hour, w.minute) == (when.hour, when.minute) for w in wires.whens)
    if when.month is None and when.weekday is None:
        return when.year in wires.years
    if when.month is None:  # a weekday
        if wires.relative or any(w.weekday == when.weekday for w in wires.whens):
            return True
        # A day of the month that falls on it; or whose weekday cannot be known (no
        # year), unless the wire names weekdays itself (then another is a shift).
        named = any(w.weekday is not None for w in wires.whens)
        for wire_when in wires.whens:
            if wire_when.month is None or wire_when.day is None:
                continue
            weekday = _weekday(wire_when)
            if weekday == when.weekday or (weekday is None and not named):
                return True
        return False
    for wire_when in wires.whens:
        if wire_when.month != when.month:
            continue
        if when.day is not None and wire_when.day != when.day:
            continue
        if when.year is not None and when.year != (wire_when.year or when.year):
            continue
        if when.year is not None and wire_when.year is None and when.year not in wires.years:
            continue
        return True
    return False


def _name_found(
    fact: _Fact,
    words: Sequence[Token],
    wires: _Wires,
    initials: Callable[[], frozenset[str]],
    connectors: frozenset[str],
) -> bool:
    """Whether the wires name it.

    All its keys are in one piece of wire text (one key: anywhere), or its initials
    are a wire acronym, or it is an acronym of a wire name's initials (*connectors*
    left out).
    """
    keys = fact.keys
    if len(keys) == 1:
        if next(iter(keys)) in wires.holding:
            return True
    elif wires.together(keys):
        return True
    if len(words) == 1 and words[0].text.isupper() and words[0].norm in initials():
        return True
    return len(words) > 1 and _initials(words, connectors) in wires.acronyms


# --- the detector ----------------------------------------------------------------------------


def _names_readable(segment: Segment) -> bool:
    """Whether capitals in *segment* can tell names.

    They can in a sentence, and in a heading not written in title case ("Mayor Opens
    New Pier"); not in a segment written in capitals ("THE PRESIDENT: HELLO!").
    """
    tokens = segment.tokens
    # The words written in capitals first: with fewer than two (the usual case), they
    # cannot be most of three words or more, and the other words need no counting.
    capitals = []
    for t in tokens:  # a loop, not a comprehension (a call): this runs for every segment
        if t.text.isupper() and t.norm.isalpha() and len(t.norm) >= 3:
            capitals.append(t)  # noqa: PERF401 - see above
    words: list[Token] | None = None
    if len(capitals) >= 2:
        words = [t for t in tokens if t.norm.isalpha() and len(t.norm) >= 3]
        if len(words) >= 3 and 2 * len(capitals) > len(words):
            return False
    if segment.kind is SegmentKind.SENTENCE:
        return True
    if words is None:
        words = [t for t in tokens if t.norm.isalpha() and len(t.norm) >= 3]
    longer = [t for t in words if len(t.norm) >= 4]
    return len(longer) < 2 or 2 * sum(t.is_capitalized for t in longer) <= len(longer)


def _money_of(fact: _Fact) -> str:
    """The currency a figure names, for messages: " (euro)"; "" when it names none."""
    return f" ({' or '.join(sorted(fact.currency))})" if fact.currency else ""


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


class AddedFact:
    """Report figures, dates, names and quotations of the derivative that no wire has.

    Facts are read from the derivative's segments: numbers in digits or words with
    the words of their value ("£5m", "42 percent", "two hundred"); dates, weekdays,
    years and times of day; runs of capitalised words (in sentences, and in headings
    that are not written in title case), without a title before them ("Mayor");
    words in quotation marks. Each is looked up in every wire, furniture included:

    * a figure is found when a wire gives the same value, in digits or in words ("5m",
      "5 million", "five million"), or one that it rounds, within 10% ("5m" for 4.8
      million, "about 5,000" for 4,987; a figure under 1,000 without a magnitude word
      must be exact);
    * a date when a wire date agrees on every part it gives ("March 12" for "12 March
      2025"; a year alone when a wire gives that year); a weekday when a wire gives that
      weekday, a day of the month whose weekday it is (or cannot be known without a
      year), or a day without a date ("yesterday", "on Tuesday" for a story dated the
      day before); a time when a wire gives the same hour and minute;
    * a name when one piece of wire text (a sentence, a headline, a dateline) has all
      its words, by alignment key ("UN" and "United Nations", "Chinese" and "China"),
      or any wire has a one-word name ("Lund" for "Pieter Lund"); or when its initials
      are a wire acronym, or it is an acronym of a wire name's initials;
    * a quotation when one wire segment has at least half of its content words
      (:data:`QUOTE_FOUND`); quotations the wire has in other words are left to the
      attribution detectors.

    Mentions of one fact are one finding: a figure or date given twice, a person
    named in full and then by surname. Figures and names inside an added quotation
    are the quotation's.

    Severity: high for a figure, a person and a quotation (the facts a reader cannot
    check and a fact-checker asks about first); medium for an organisation, a place,
    an event and any other name; low for a date or time.

    Args:
        lexicon: The word lists to read facts with (:class:`FactLexicon`); the bundled
            ones when ``None``.

    .. versionadded:: 0.1
    """

    name = "added_fact"

    def __init__(self, lexicon: FactLexicon | None = None) -> None:
        self.lexicon = fact_lexicon(lexicon, "AddedFact")

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per fact the derivative adds, with every mention of it."""
        equivalents, learned = equivalents_of(context)
        lexicon = self.lexicon
        wires = _wires_read(context, equivalents, learned, lexicon)
        mentions = _derivative_facts(context, equivalents, wires, lexicon)
        for group in _groups([m for m in mentions if not m.found]):
            yield self._finding(context, wires, mentions, group)

    def _finding(
        self,
        context: DetectionContext,
        wires: _Wires,
        mentions: Sequence[_Mention],
        group: Sequence[_Mention],
    ) -> Finding:
        alignment = context.alignment
        text = alignment.derivative.text
        head = group[0]
        fact = head.fact
        entry = next((e for e in alignment.segments if e.segment == fact.segment), None)
        what = {"quote": "quotation"}.get(fact.type, fact.type)
        if fact.type == "date" and any(w.hour is not None for w in fact.whens):
            what = "time"
        shown = quoted(fact.span.slice(text), 70)
        message = f"The {what} {shown} is not in the wire"
        scores = {
            "fact_type": float(FACT_TYPES.index(fact.type)),
            "mentions": float(len(group)),
            "support": entry.support if entry is not None else 0.0,
        }
        wire_spans: list[Span] = []
        wire_segments: list[int] = []
        wire = 0
        if fact.type in {"figure", "date"}:
            if entry is not None and entry.sources:
                wire = entry.sources[0].wire
                sources = [s.segment for s in entry.sources if s.wire == wire]
                given = _given_instead(wires, mentions, fact, wire, sources)
                if given:
                    wire_text = alignment.wires[wire].text
                    wire_segments = sorted({segment for segment, _ in given})
                    wire_spans = [wire_fact.span for _, wire_fact in given]
                    numbers = [str(s) for s in wire_segments]
                    where = f"wire sentence{'s' if len(numbers) > 1 else ''} {_and(numbers)}"
                    # Currencies named where the wire gives the value in another one.
                    money = any(
                        not _same_money(fact.currency, wire_fact.currency)
                        and not set(fact.values).isdisjoint(wire_fact.values)
                        for _, wire_fact in given
                    )
                    texts = [
                        quoted(wire_fact.span.slice(wire_text), 40)
                        + (_money_of(wire_fact) if money else "")
                        for _, wire_fact in given[:3]
                    ]
                    verb = "give" if len(numbers) > 1 else "gives"
                    if money:
                        message = f"The {what} {shown}{_money_of(fact)} is not in the wire"
                    message += f"; {where}, which it draws on, {verb} {_and(texts)}"
        elif fact.type == "quote":
            scores["wire_share"] = head.share
            message += (
                f": no wire sentence has more than {head.share:.0%} of its words"
                if head.share
                else ": no wire sentence has any of its words"
            )
        else:
            scores["wire_share"] = head.share
            if head.known and head.unknown:
                message += (
                    f", which has {_and([quoted(k) for k in head.known])} but not "
                    f"{_and([quoted(u) for u in head.unknown])}"
                )
        return Finding(
            kind="framing.added_fact",
            severity=_SEVERITY[fact.type],
            message=message + ".",
            derivative_spans=[m.fact.span for m in group],
            wire_spans=wire_spans,
            derivative_segments=sorted({m.fact.segment for m in group}),
            wire_segments=wire_segments,
            wire=wire,
            scores=scores,
            detector=self.name,
        )


class _Mention(NamedTuple):
    """A fact of the derivative and what the wires make of it.

    Attributes:
        fact: The fact.
        found: Whether a wire has it.
        share: For a name, the share of its words some wire has; for a quotation, the
            largest share of its words one wire segment has; else 0.
        known: For a name, its words some wire has ("Lund" of "Pieter Lund").
        unknown: For a name, its other words.

    For a name a wire has, only the fact and ``found`` are filled in: the rest
    explains an added name.
    """

    fact: _Fact
    found: bool
    share: float = 0.0
    known: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


def _derivative_facts(
    context: DetectionContext, equivalents: Equivalents, wires: _Wires, lists: FactLexicon
) -> list[_Mention]:
    """Every fact of the derivative, in text order, with whether a wire has it."""
    derivative = context.derivative
    reader = _Reader(
        derivative.text, equivalents, lists, _derivative_vocabulary(context, equivalents, lists)
    )
    _, learned = equivalents_of(context)

    def initials() -> frozenset[str]:
        return lexicon_memo(
            context,
            lists,
            ("added_fact:initials", learned),
            lambda: _wire_initials(context.wires, equivalents, lists),
        )

    segments = derivative.segments
    flat = [t for s in segments for t in s.tokens]
    starts = [t.start for t in flat]
    mentions: list[_Mention] = []
    # Quotations first: what an added one holds is its own.
    added_quotes: list[Span] = []
    for paragraph in derivative.paragraphs:
        for start, end in reader.quotes(paragraph.start, paragraph.end):
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            inside = [t for t in flat[first:last] if t.end <= end]
            if not inside:
                continue
            keys = frozenset(u.key for u in equivalents.units_of(inside) if u.content)
            if not keys:
                continue
            span = Span(inside[0].start, inside[-1].end)
            share = wires.best_share(keys)
            # The segment the quotation's first word is in (segments are in text order).
            segment = segments[bisect.bisect_right(segments, span.start, key=_START) - 1]
            fact = _Fact("quote", segment.index, span, keys=keys)
            mentions.append(_Mention(fact, share >= QUOTE_FOUND, share))
            if share < QUOTE_FOUND:
                added_quotes.append(span)
    lowercase = wires.lowercase | {t.norm for t in flat if t.text[:1].islower()}
    readable = {s.index for s in derivative.segments if _names_readable(s)}
    names_inside = {
        t.norm
        for s in derivative.segments
        if s.index in readable
        for i, t in enumerate(s.tokens)
        if t.is_capitalized and not reader.opening(s.tokens, i)
    }
    read = derivative_dates_and_figures(context, equivalents, lists)
    for segment in derivative.segments:
        tokens = segment.tokens
        found, used = read[segment.index]
        for fact in found:
            present = (
                _figure_found(fact, wires) if fact.type == "figure" else _date_found(fact, wires)
            )
            mentions.append(_Mention(fact, present))
        if segment.index not in readable:
            continue
        for fact, (first, last), _ in reader.names(
            segment.index, tokens, used, names_inside, lowercase
        ):
            words = tokens[first:last]
            if _name_found(fact, words, wires, initials, lists.connectors):
                # Only an added name is reported: the share and words of the wire's
                # are not needed for one the wire has.
                mentions.append(_Mention(fact, found=True))
                continue
            content = [t for t in words if t.norm not in _STOPWORDS and not reader.title(t)]
            known = tuple(_bare(t) for t in content if equivalents.key(t) in wires.holding)
            unknown = tuple(_bare(t) for t in content if _bare(t) not in known)
            share = sum(k in wires.holding for k in fact.keys) / len(fact.keys)
            mentions.append(_Mention(fact, False, share, known, unknown))
    if added_quotes:
        mentions = [
            m
            for m in mentions
            if m.fact.type == "quote"
            or not any(
                q.start <= m.fact.span.start and m.fact.span.end <= q.end for q in added_quotes
            )
        ]
    return sorted(mentions, key=lambda m: (m.fact.span.start, m.fact.span.end))


def _groups(mentions: Sequence[_Mention]) -> list[list[_Mention]]:
    """The added facts, one group per fact, in order of first mention.

    Mentions of the same value or date are one fact; a name whose words are all in a
    longer added name ("Lund" after "Pieter Lund") is that name, whichever comes first.
    """
    groups: list[list[_Mention]] = []
    by_value: dict[tuple[object, ...], list[_Mention]] = {}
    names: list[tuple[frozenset[str], list[_Mention]]] = []
    name_types = {"person", "organisation", "place", "event", "name"}
    order = sorted(
        mentions, key=lambda m: (-len(m.fact.keys), m.fact.span.start)
    )  # longest names first, so a surname joins its full name
    for mention in order:
        fact = mention.fact
        if fact.type in name_types:
            group = next((g for keys, g in names if fact.keys <= keys), None)
            if group is None:
                group = []
                names.append((fact.keys, group))
                groups.append(group)
            group.append(mention)
            continue
        if fact.type == "figure":
            key: tuple[object, ...] = ("figure", *(round(v, 6) for v in fact.values))
        elif fact.type == "date":
            key = ("date", *fact.whens)
        else:
            key = ("quote", fact.keys)
        if key not in by_value:
            by_value[key] = []
            groups.append(by_value[key])
        by_value[key].append(mention)
    for group in groups:
        group.sort(key=lambda m: m.fact.span)
        # The head is the fullest mention: the longest name, else the first.
        group.sort(key=lambda m: -len(m.fact.keys))
    return sorted(groups, key=lambda g: min(m.fact.span for m in g))


def _given_instead(
    wires: _Wires, mentions: Sequence[_Mention], fact: _Fact, wire: int, sources: Sequence[int]
) -> list[tuple[int, _Fact]]:
    """What the wire may have said instead of an added figure or date.

    The figures (or dates, or times) of the wire sentences that *fact*'s sentence draws
    on and that the derivative does not give (a figure in the same currency, if any).
    """
    values = [({round(v, 6) for v in m.fact.values}, m.fact.currency) for m in mentions]
    whens = {w for m in mentions for w in m.fact.whens}
    given = []
    for segment in sources:
        for wire_fact in wires.facts.get((wire, segment), ()):
            if wire_fact.type != fact.type:
                continue
            wire_values = {round(v, 6) for v in wire_fact.values}
            if any(
                not wire_values.isdisjoint(given_values)
                and _same_money(currency, wire_fact.currency)
                for given_values, currency in values
            ) or any(w in whens for w in wire_fact.whens):
                continue
            if fact.type == "date" and any(w.hour is not None for w in fact.whens) != any(
                w.hour is not None for w in wire_fact.whens
            ):
                continue  # a time for a time, a date for a date
            given.append((segment, wire_fact))
    return given
