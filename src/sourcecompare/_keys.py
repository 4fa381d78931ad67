"""Keys: what makes two tokens "the same word" for alignment.

A segment's tokens are grouped into *units*, each with one comparison key:

* a multi-word name or its acronym becomes one unit with a shared key:
  ``United Nations``, ``UN`` and ``U.N.`` all key as ``@un``; acronyms the texts define
  themselves (``non-governmental organizations (NGOs)``) are learned per comparison;
* a demonym keys as its country (``Chinese`` and ``China's`` both key as ``china``);
* a number word keys as its digits (``five`` and ``5``);
* any other word keys as its Snowball stem; a function word keeps its normal form
  and is marked as not content.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from sourcecompare._lexicon import load_json
from sourcecompare._sightings import Sightings
from sourcecompare._tokens import Token, tokenize

if TYPE_CHECKING:
    from sourcecompare._documents import Document

__all__ = ["Equivalents", "Learned", "Unit", "conflate", "definitions", "units_of"]

_ACRONYM_RE: Final = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
# Tables with learned definitions kept per base table (see Equivalents.with_learned).
_DERIVED_LIMIT: Final = 64
# Keys of distinct token analyses kept per table (see Equivalents.key), each from its
# second sighting (in any table: see _sightings).
_KEYS_LIMIT: Final = 20_000
_KEYS_SIGHTED: Final = Sightings(32_768)

Learned = tuple[tuple[str, tuple[str, ...]], ...]
"""Acronym definitions a comparison learned: ``(("ngo", ("NGOs", "non-governmental
organizations")), ...)``, sorted, each acronym's spellings sorted."""


class Unit(NamedTuple):
    """One comparable unit of a segment: a token, or several forming one name.

    Attributes:
        key: The comparison key.
        first: Index of the unit's first token in the segment.
        last: Index one past its last token.
        content: Whether the unit carries content (not a function word).

    .. versionadded:: 0.1
    """

    key: str
    first: int
    last: int
    content: bool


def _stem(word: str) -> str:
    return conflate(tokenize(word)[0].stem)


def conflate(stem: str) -> str:
    """Join the verb and noun Snowball keeps apart: "reduc(e)" and "reduct(ion)".

    Snowball stems "reduce" to ``reduc`` and "reduction" to ``reduct``; likewise
    produce/production, introduce/introduction, conduct, construct. Dropping the
    final "t" of "-uct" stems of six letters or more joins them.
    """
    return stem[:-1] if len(stem) >= 6 and stem.endswith("uct") else stem


def _phrase_key(tokens: Sequence[Token]) -> tuple[str, ...]:
    return tuple(t.stem for t in tokens)


@attrs.frozen
class Equivalents:
    """Tables of words that count as the same for alignment.

    Build the default with :meth:`default`; add your own with :meth:`extend`.

    Attributes:
        demonyms: Demonym (lower case) to country or region (lower case).
        units: Canonical name to the spellings that mean it (acronyms and phrases).
        numbers: Number word to digits.
        lemmas: Irregular word form to its base form (``said`` to ``say``).

    .. versionadded:: 0.1
    """

    demonyms: Mapping[str, str] = attrs.field(factory=dict)
    units: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    numbers: Mapping[str, str] = attrs.field(factory=dict)
    lemmas: Mapping[str, str] = attrs.field(factory=dict)
    _single: dict[str, str] = attrs.field(init=False, eq=False, repr=False)
    _phrase_starts: dict[str, list[tuple[int, tuple[str, ...], str]]] = attrs.field(
        init=False, eq=False, repr=False
    )
    _derived: dict[Learned, Equivalents] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )
    _keys: dict[tuple[Any, ...], str] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        single: dict[str, str] = {}
        phrases: dict[tuple[str, ...], str] = {}
        for name in sorted(self.units):
            key = f"@{name}"
            for spelling in self.units[name]:
                tokens = tokenize(spelling)
                if len(tokens) == 1:
                    single.setdefault(tokens[0].norm, key)
                elif tokens:
                    phrases.setdefault(_phrase_key(tokens), key)
        object.__setattr__(self, "_single", single)
        starts: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
        for phrase, key in phrases.items():
            starts.setdefault(phrase[0], []).append((len(phrase), phrase, key))
        for candidates in starts.values():
            candidates.sort(key=lambda c: (-c[0], c[1]))  # longest first, then stable
        object.__setattr__(self, "_phrase_starts", starts)

    @classmethod
    def default(cls) -> Equivalents:
        """The tables that ship with sourcecompare (``data/equivalents.json``)."""
        return _default_equivalents()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Equivalents:
        """Build tables from a mapping shaped like ``data/equivalents.json``."""
        return cls(
            demonyms={str(k): str(v) for k, v in data.get("demonyms", {}).items()},
            units={str(k): tuple(str(s) for s in v) for k, v in data.get("units", {}).items()},
            numbers={str(k): str(v) for k, v in data.get("numbers", {}).items()},
            lemmas={str(k): str(v) for k, v in data.get("lemmas", {}).items()},
        )

    def extend(
        self,
        *,
        demonyms: Mapping[str, str] | None = None,
        units: Mapping[str, Iterable[str]] | None = None,
        numbers: Mapping[str, str] | None = None,
        lemmas: Mapping[str, str] | None = None,
    ) -> Equivalents:
        """Return new tables with these entries added (spellings of a unit are merged)."""
        merged_units = {k: tuple(v) for k, v in self.units.items()}
        for name, spellings in (units or {}).items():
            merged_units[name] = (*merged_units.get(name, ()), *spellings)
        return Equivalents(
            demonyms={**self.demonyms, **(demonyms or {})},
            units=merged_units,
            numbers={**self.numbers, **(numbers or {})},
            lemmas={**self.lemmas, **(lemmas or {})},
        )

    def with_definitions(self, documents: Iterable[Document]) -> Equivalents:
        """Return tables that also know the acronyms *documents* define.

        A definition is a phrase followed by its acronym in brackets, the acronym's
        letters being the phrase's initials: ``non-governmental organizations (NGOs)``.
        Definitions found in any of the documents apply to all of them.
        """
        return self.with_learned(self.learned(documents))

    def learned(self, documents: Iterable[Document]) -> Learned:
        """The acronyms *documents* define that these tables do not know yet.

        The result identifies the tables :meth:`with_definitions` returns for the
        same documents (``self.with_learned(self.learned(docs))``): ``()`` when they
        define nothing new.
        """
        learned: dict[str, set[str]] = {}
        for doc in documents:
            for letters, spellings in definitions(doc):
                learned.setdefault(letters, set()).update(spellings)
        return self.merge_learned(learned.items())

    def merge_learned(self, *parts: Iterable[tuple[str, Iterable[str]]]) -> Learned:
        """Definitions from several sources as one :data:`Learned` value.

        Acronyms these tables know already are left out (their entries win).
        """
        merged: dict[str, set[str]] = {}
        for part in parts:
            for letters, spellings in part:
                if letters not in self.units:
                    merged.setdefault(letters, set()).update(spellings)
        return tuple((k, tuple(sorted(v))) for k, v in sorted(merged.items()))

    def with_learned(self, learned: Learned) -> Equivalents:
        """These tables with the definitions *learned* (see :meth:`learned`) added.

        Built once per distinct *learned* and kept: many comparisons learn the same
        definitions (those of a wire report compared with many derivatives).
        """
        if not learned:
            return self
        derived = self._derived.get(learned)
        if derived is None:
            derived = self.extend(units=dict(learned))
            if len(self._derived) >= _DERIVED_LIMIT:
                self._derived.clear()
            self._derived[learned] = derived
        return derived

    def key(self, token: Token) -> str:
        """The key of a single token (ignoring multi-word names)."""
        analysis = token[3:8]  # norm, stem and flags: all the key depends on
        found = self._keys.get(analysis)
        if found is None:
            found = self._key(token)
            _KEYS_SIGHTED.keep(self._keys, analysis, found, _KEYS_LIMIT)
        return found

    def _key(self, token: Token) -> str:
        if token.is_stop or token.is_number:
            return token.norm
        norm = token.norm
        country = self.demonyms.get(norm)
        if country is None and norm.endswith("s"):
            country = self.demonyms.get(norm[:-1])  # "Americans", "Germans"
        if country is not None:
            norm = country
        unit = self._single.get(norm)
        if unit is not None:
            return unit
        number = self.numbers.get(norm)
        if number is not None:
            return number
        if country is not None:
            return _stem(country)  # the country's own key: "French" and "France" alike
        lemma = self.lemmas.get(norm)
        if lemma is not None:
            return _stem(lemma)
        return conflate(token.stem)

    def units_of(self, tokens: Sequence[Token]) -> list[Unit]:
        """Group *tokens* into units with their keys."""
        units: list[Unit] = []
        append = units.append
        starts = self._phrase_starts
        keys = self._keys
        key_of = self.key
        new = tuple.__new__  # Unit's own __new__, minus a Python-level call per unit
        i = 0
        n = len(tokens)
        while i < n:
            token = tokens[i]
            candidates = starts.get(token.stem)
            if candidates:
                for size, phrase, key in candidates:
                    if i + size <= n and _phrase_key(tokens[i : i + size]) == phrase:
                        append(new(Unit, (key, i, i + size, True)))
                        i += size
                        break
                else:
                    append(new(Unit, (key_of(token), i, i + 1, not token.is_stop)))
                    i += 1
                continue
            found = keys.get(token[3:8])
            append(new(Unit, (found or key_of(token), i, i + 1, not token.is_stop)))
            i += 1
        return units


def definitions(doc: Document) -> list[tuple[str, tuple[str, str]]]:
    """The acronyms *doc* defines: ``(letters, (acronym, phrase))`` in text order.

    ``non-governmental organizations (NGOs)`` gives ``("ngo", ("NGOs",
    "non-governmental organizations"))``: an acronym in brackets right after a
    phrase whose initials spell it.
    """
    text = doc.text
    if "(" not in text:
        return []
    found: list[tuple[str, tuple[str, str]]] = []
    for segment in doc.segments:
        if "(" not in segment.text:
            continue
        tokens = segment.tokens
        for j, token in enumerate(tokens):
            if (
                not _ACRONYM_RE.match(token.text)
                or text[token.start - 1 : token.start] != "("
                or text[token.end : token.end + 1] != ")"
            ):
                continue
            letters = token.text.casefold()
            if token.text.endswith("s"):
                letters = letters[:-1]
            phrase = _definition(tokens, j, letters)
            if phrase is not None:
                found.append((letters, (token.text, text[phrase[0].start : phrase[-1].end])))
    return found


def _definition(tokens: Sequence[Token], j: int, letters: str) -> Sequence[Token] | None:
    """The tokens before ``tokens[j]`` whose initials spell *letters*, if any."""
    initials: list[str] = []
    k = j - 1
    while k >= 0 and len(initials) < len(letters) and j - k <= 2 * len(letters) + 2:
        token = tokens[k]
        if not token.is_stop:
            initials.append(token.norm[:1])
        k -= 1
    if "".join(reversed(initials)) == letters:
        return tokens[k + 1 : j]
    return None


@functools.cache
def _default_equivalents() -> Equivalents:
    """The bundled tables, read on first use (not at import)."""
    return Equivalents.from_data(load_json("equivalents.json"))


def units_of(tokens: Sequence[Token], equivalents: Equivalents | None = None) -> list[Unit]:
    """Group *tokens* into units with the default (or given) equivalence tables."""
    return (equivalents or _default_equivalents()).units_of(tokens)
