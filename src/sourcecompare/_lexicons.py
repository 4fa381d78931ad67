"""Word lists the detectors use, matched on stems so that one entry covers its forms.

The bundled lists are ``data/framing.json`` (evaluative words, intensifiers, hedges,
boosters, speculation), written for sourcecompare and documented in that file. Users
extend them with :meth:`Lexicons.extend` or :meth:`Lexicons.from_json`.

A written date word does not match an entry word that is not a date: the month "May"
is not the hedge "may" (see :meth:`Lexicons.find` for how a date is told in context).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from sourcecompare._lexicon import load_json, read_user_json
from sourcecompare._tokens import MONTH_NAMES, Token, tokenize
from sourcecompare.exceptions import InvalidOptionError

__all__ = ["CATEGORIES", "Lexicons"]

CATEGORIES: Final = ("evaluative", "intensifiers", "hedges", "boosters", "speculation")
"""The word-list categories, in the order the JSON file lists them."""


# An entry, indexed by its first stem: its stems, the prefix of each of its normal forms
# that a written word must start with (see _required_prefix), which of its words are
# dates ("Friday" in a user's "Black Friday"), and whether a noun made from one of its
# words still matches (see _NOUN_SUFFIXES).
_Entry = tuple[tuple[str, ...], tuple[str, ...], tuple[bool, ...], bool]

_VERBAL: Final = frozenset({"hedges", "boosters"})
"""Categories whose words say how sure a statement is, and so lose their sense in a noun
made from them ("the proposals", "a demonstration"); an evaluative word keeps its
judgement ("condemn", "condemnation")."""


def _entries(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(v.split()) for v in values if v and v.strip()}))


@attrs.frozen
class Lexicons:
    """The detectors' word lists.

    Attributes:
        evaluative: Words and phrases that judge rather than report.
        intensifiers: Words that raise the force of a statement.
        hedges: Words and phrases that make a statement possible, planned or expected.
        boosters: Words that assert certainty.
        speculation: Phrases of prediction.

    .. versionadded:: 0.1
    """

    evaluative: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    intensifiers: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    hedges: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    boosters: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    speculation: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    _index: Mapping[str, dict[str, list[_Entry]]] = attrs.field(init=False, eq=False, repr=False)
    _combined: Mapping[str, list[tuple[str, str | None, _Entry]]] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[str, dict[str, list[_Entry]]] = {}
        for category in CATEGORIES:
            by_first: dict[str, list[_Entry]] = {}
            for entry in getattr(self, category):
                tokens = tokenize(entry)
                stems = tuple(t.stem for t in tokens)
                if stems:
                    prefixes = tuple(_required_prefix(t.norm) for t in tokens)
                    dates = tuple(t.is_date for t in tokens)
                    nouns = category not in _VERBAL
                    by_first.setdefault(stems[0], []).append((stems, prefixes, dates, nouns))
            for candidates in by_first.values():
                candidates.sort(key=lambda c: (-len(c[0]), c[0]))  # longest first
            index[category] = by_first
        object.__setattr__(self, "_index", index)
        # Every category's entries by first stem, each with its category and its second
        # stem (None for one word), which rules out most candidates at a glance.
        combined: dict[str, list[tuple[str, str | None, _Entry]]] = {}
        for category in CATEGORIES:
            for first, candidates in index[category].items():
                combined.setdefault(first, []).extend(
                    (category, c[0][1] if len(c[0]) > 1 else None, c) for c in candidates
                )
        object.__setattr__(self, "_combined", combined)

    @classmethod
    def default(cls) -> Lexicons:
        """The lists that ship with sourcecompare."""
        return _default()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Lexicons:
        """Build lists from a mapping shaped like ``data/framing.json``."""
        unknown = sorted(set(data) - {*CATEGORIES, "about"})
        if unknown:
            msg = f"unknown lexicon categories {unknown}; use {', '.join(CATEGORIES)}"
            raise InvalidOptionError(msg, option="lexicons")
        return cls(**{c: tuple(str(x) for x in data.get(c, ())) for c in CATEGORIES})

    @classmethod
    def from_json(cls, path: str | Path, *, extend_default: bool = True) -> Lexicons:
        """Read lists from a JSON file; by default they extend the bundled ones."""
        extra = read_user_json(path, cls.from_data, what="lexicons", option="lexicons")
        if not extend_default:
            return extra
        return _default().extend(**{c: getattr(extra, c) for c in CATEGORIES})

    def extend(self, **entries: Iterable[str]) -> Lexicons:
        """Return lists with *entries* added, e.g. ``extend(evaluative=["stellar"])``."""
        unknown = sorted(set(entries) - set(CATEGORIES))
        if unknown:
            msg = f"unknown lexicon categories {unknown}; use {', '.join(CATEGORIES)}"
            raise InvalidOptionError(msg, option="lexicons")
        return Lexicons(**{c: (*getattr(self, c), *entries.get(c, ())) for c in CATEGORIES})

    def find(self, category: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Token ranges of *tokens* matching an entry of *category*, longest match first.

        *tokens* are read as one segment (a sentence or heading), and a word that is a
        date there matches only an entry word that is a date too. A word is a date as
        :attr:`Token.is_date` says (so "May" with a capital is the month, not the hedge
        "may"), except that the capital of the first word is no evidence ("May" opening
        a sentence is the hedge); and a month name followed by a day number or a year
        ("May 3", "may 2025") is a date wherever it stands.
        """
        if category not in self._index:
            msg = f"unknown lexicon category {category!r}; use {', '.join(CATEGORIES)}"
            raise InvalidOptionError(msg, option="lexicons")
        return self.find_all(tokens)[category]

    def find_all(self, tokens: Sequence[Token]) -> dict[str, list[tuple[int, int]]]:
        """:meth:`find` for every category at once, in one pass over *tokens*.

        Returns a mapping from each of :data:`CATEGORIES` to its ranges; matches of one
        category never overlap, those of different categories may.
        """
        # Loops, not comprehensions (a call each): this runs for every segment.
        found: dict[str, list[tuple[int, int]]] = {}
        for category in CATEGORIES:
            found[category] = []
        combined = self._combined
        # Only words that start an entry can start a match: find them first, in one sweep.
        starts = []
        for i, t in enumerate(tokens):
            if t.stem in combined:
                starts.append(i)
        if not starts:
            return found  # most segments
        free = dict.fromkeys(CATEGORIES, 0)  # per category, the first index not yet matched
        last = len(tokens) - 1
        for i in starts:
            following = tokens[i + 1].stem if i < last else None
            for category, second, entry in combined[tokens[i].stem]:
                if (
                    (second is None or second == following)
                    and i >= free[category]
                    and _matches(tokens, i, entry)
                ):
                    end = i + len(entry[0])
                    found[category].append((i, end))
                    free[category] = end
        return found

    def _find_one(self, category: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """The one-category scan :meth:`find_all` must agree with (used by the tests)."""
        by_first = self._index[category]
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            for entry in by_first.get(tokens[i].stem, ()):
                if _matches(tokens, i, entry):
                    end = i + len(entry[0])
                    found.append((i, end))
                    i = end
                    break
            else:
                i += 1
        return found


def _matches(tokens: Sequence[Token], i: int, entry: _Entry) -> bool:
    """Whether *entry* matches *tokens* from index *i* (its first stem already does).

    Every word must have the entry word's stem, start with its required prefix
    (:func:`_required_prefix`), and not be a date unless the entry word is one. Where
    the entry's category is one of :data:`_VERBAL`, no word may be a noun made from the
    entry's (:data:`_NOUN_SUFFIXES`), and a one-word entry does not match a noun after
    a determiner (:func:`_after_determiner`). The stems are compared first: they
    reject most candidates, and cheaply.
    """
    stems, prefixes, dates, nouns = entry
    end = i + len(stems)
    if end > len(tokens):
        return False
    for k in range(1, len(stems)):
        if tokens[i + k].stem != stems[k]:
            return False
    for k in range(len(stems)):
        token = tokens[i + k]
        norm = token.norm
        if not norm.startswith(prefixes[k]) or (not dates[k] and _is_date(tokens, i + k)):
            return False
        if nouns:
            continue
        rest = norm[len(prefixes[k]) :]
        if len(rest) > 1 and rest.endswith(_NOUN_SUFFIXES):
            # A noun made from the entry word shares its stem, but not its sense:
            # "appearance" is not the hedge "appear", nor "proposal" "propose". (One
            # letter past the prefix is the entry word itself; its inflections, -s,
            # -ed, -ing, end in none of these.)
            return False
    return nouns or len(stems) > 1 or not _after_determiner(tokens, i)


def _after_determiner(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``tokens[i]``, a hedge or booster word, is a noun after a determiner.

    "the plan", "his hopes", "the council's aim", "an estimate": a verb form that
    follows an article or a possessive is a noun, and says nothing of how sure a
    statement is. Forms in -ed, -ly, -ble and -al are adjectives or adverbs there,
    and still count ("the proposed levy", "the likely winner", "the potential
    cost"), as do the modals ("may", "can"). Demonstratives are left out: "this
    suggests" and "that may" have a verb after a pronoun.
    """
    if i == 0:
        return False
    token = tokens[i]
    if token.norm in _MODALS or token.norm.endswith(_ADJECTIVE_ENDINGS):
        return False
    before = tokens[i - 1]
    if before.norm in _DETERMINERS:
        return True
    # A possessive ("the council's"), not a contraction of "is" ("it's", "there's"),
    # which may stand before a noun too: "the President's proposing" is a verb.
    return (
        before.text.lower().endswith(("'s", "’s"))
        and before.norm not in _CONTRACTED
        and not token.norm.endswith("ing")
    )


_DETERMINERS: Final = frozenset(
    "a an the its his her their our my your whose no any every another".split()
)
_MODALS: Final = frozenset({"can", "could", "may", "might"})
_ADJECTIVE_ENDINGS: Final = ("ed", "ly", "ble", "al")
_CONTRACTED: Final = frozenset("it that there what he she who where here how".split())


_NOUN_SUFFIXES: Final = (
    "ance",
    "ances",
    "ence",
    "ences",
    "al",
    "als",
    "ion",
    "ions",
    "ment",
    "ments",
)
"""Endings that make a noun of a verb ("appearance", "proposal", "suggestion",
"expectations", "arrangement"): past an entry word, the word is no longer its form."""


_DAY_RE: Final = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")


def _is_date(tokens: Sequence[Token], index: int) -> bool:
    """Whether ``tokens[index]`` is a date, read in its segment (see :meth:`Lexicons.find`)."""
    token = tokens[index]
    if token.norm in MONTH_NAMES and index + 1 < len(tokens):
        following = tokens[index + 1]
        if following.is_number and (following.is_date or _DAY_RE.fullmatch(following.norm)):
            return True  # "May 3", "May 2025"
    if not token.is_date:
        return False
    if index == 0 and token.is_capitalized:
        # The first word's capital says nothing: a date only if it is one in lower case.
        return any(t.is_date for t in tokenize(token.text.lower()))
    return True


def _required_prefix(entry: str) -> str:
    """What a written word must start with to be a form of *entry*, beyond sharing its stem.

    The entry less its final letter, so that a dropped final letter is allowed
    ("praising" for "praise"): Snowball stems "likely" like "like", and "like" must
    not be taken for a hedge.
    """
    return entry[:-1]


@functools.cache
def _default() -> Lexicons:
    """The bundled lists, built on first use (a few milliseconds: not at import)."""
    return Lexicons.from_data(load_json("framing.json"))
