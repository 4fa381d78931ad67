"""How strongly a sentence claims that one thing goes with another.

A claim is read on the scale of :data:`CLAIM_LEVELS`: a relation denied (0), a
correlation (1: "is associated with", "more likely"), a conditional cause (2: a causal
cue under a hedge, "may reduce"), a direct cause (3: "reduces", "leads to") and, above
the relation, advice (4: "should"). The scale is the one studies of science reporting
grade press releases by against the papers they report (correlational, conditional
causal, direct causal; advice annotated apart), and it fits any report of a finding: a
wire that says a ban "was linked to" fewer injuries and a rewrite that says it "cut"
them make claims of different strength.

The cues are data (``data/claims.json``, written for sourcecompare), read with a few
rules of English word order that a word list cannot express: a participle after an
article or a preposition is an adjective, and a verb form after an article a noun
("the eliminated candidates", "a tax increase"); a hedge governs a causal cue that
follows it closely in its clause ("may help reduce"), and every verb of a list after it
("could cut costs and raise pay"); a negation shortly before a cue denies it ("did not
reduce"). There is no parser: clauses end at punctuation, and the strongest cue of a
sentence stands for its claim.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from sourcecompare._lexicon import load_json, read_user_json
from sourcecompare._sightings import Sightings
from sourcecompare._tokens import Token, normalize, tokenize
from sourcecompare.exceptions import InvalidOptionError

if TYPE_CHECKING:
    from sourcecompare._documents import Segment

__all__ = [
    "CLAIM_CATEGORIES",
    "CLAIM_LEVELS",
    "ClaimCue",
    "ClaimLexicon",
    "ClaimReading",
    "read_claim",
]

CLAIM_CATEGORIES: Final = (
    "correlational",
    "causal",
    "conditional",
    "comparatives",
    "advice",
    "negation",
    "limits",
)
"""The categories of ``data/claims.json``, in the order the file lists them."""

CLAIM_LEVELS: Final = {
    0: "no relation",
    1: "correlational",
    2: "conditional causal",
    3: "direct causal",
    4: "advice",
}
"""The claim-strength scale: level to name."""

_INFLECTED: Final = frozenset({"correlational", "causal"})
_VOWELS: Final = frozenset("aeiou")
# Words after which a participle is an adjective and a bare verb form a noun: articles,
# possessives, quantifiers, prepositions, and verbs that report an observed state.
_DETERMINERS: Final = frozenset(
    "a an the this that these those its their his her our your my any some each every "
    "such no".split()
)
_PREPOSITIONS: Final = frozenset(
    "of with to in for by from on at into among between than about over under after "
    "before during via".split()
)
_OBSERVING: Final = frozenset(
    "show shows showed shown showing exhibit exhibits exhibited display displays displayed".split()
)
_ADVERBS_IN_ENTRY: Final = 2  # adverbs in -ly allowed before each later word of an entry
_CONDITIONAL_REACH: Final = 5  # words between a hedge and the causal cue it governs
_NEGATION_REACH: Final = 3  # words between a negation and the cue it denies
# Content words that may stand between a negation and the cue it denies ("no
# significant association", "did not measurably reduce" is an adverb in -ly).
_NEGATION_BRIDGE: Final = frozenset(
    "significant discernible clear consistent strong major meaningful measurable "
    "evidence real".split()
)
_NOT_NEGATING: Final = frozenset("only just merely simply".split())  # "not only ..."
_ADJECTIVE_ENDINGS: Final = ("ive", "ial", "ous", "ful")
_BE: Final = frozenset("is are was were be been being am 's 're".split())
_IRREGULAR_PARTICIPLES: Final = frozenset("cut led driven".split())
_QUESTION_MODALS: Final = frozenset("can could may might".split())
_CLAUSE_OPENERS: Final = frozenset(
    "but yet although though whereas while which who whom whose".split()
)
_CLAUSE_GAP_RE: Final = re.compile(r"[;:—―]|--|\s[-‒–]\s?|[‒–-]\s")


def _entries(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(v.lower().split()) for v in values if v and v.strip()}))


def _inflections(word: str) -> set[str]:
    """A word and its regular inflections: -s/-es, -d/-ed, -ing."""
    consonant_y = word.endswith("y") and word[-2:-1] not in _VOWELS
    forms = {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif consonant_y:
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif consonant_y:
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    return forms


@attrs.frozen
class ClaimLexicon:
    """The cues that claim-strength reading looks for (``data/claims.json``).

    Attributes:
        correlational: Cues of a correlation ("associated with", "more likely"); the
            first word is inflected.
        causal: Cues of a cause ("reduce", "lead to", "save lives"); the first word is
            inflected.
        conditional: Hedges that make a causal cue after them conditional ("may").
        comparatives: Words that state a correlation when "than" follows ("higher").
        advice: Cues of a recommendation ("should", "need to").
        negation: Words that deny the cue after them ("not", "no").
        limits: Phrases that limit a claim to a narrow setting ("in mice").

    .. versionadded:: 0.1
    """

    correlational: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    causal: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    conditional: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    comparatives: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    advice: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    negation: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    limits: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    # first word form -> (category, entry words) of every category, longest first
    _index: Mapping[str, list[tuple[str, tuple[str, ...]]]] = attrs.field(
        init=False, eq=False, repr=False
    )
    # category -> the first words of its entries as written
    _lemmas: Mapping[str, frozenset[str]] = attrs.field(init=False, eq=False, repr=False)
    # The readings of segments by their text (see read_claim): derivatives repeat the
    # wire's sentences, and each other's.
    _readings: dict[str, ClaimReading] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        lemmas: dict[str, frozenset[str]] = {}
        for category in CLAIM_CATEGORIES:
            by_first: dict[str, set[tuple[str, ...]]] = {}
            written = set()
            for entry in getattr(self, category):
                words = normalize(entry)  # as tokenize reads it, less the stems
                if not words:
                    continue
                written.add(words[0])
                firsts = _inflections(words[0]) if category in _INFLECTED else {words[0]}
                for first in firsts:
                    by_first.setdefault(first, set()).add((first, *words[1:]))
            for first, entries in by_first.items():
                # Longest first (most first words start one entry: nothing to sort).
                ordered = (
                    sorted(entries, key=lambda e: (-len(e), e)) if len(entries) > 1 else entries
                )
                index.setdefault(first, []).extend([(category, e) for e in ordered])
            lemmas[category] = frozenset(written)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_lemmas", lemmas)

    @classmethod
    def default(cls) -> ClaimLexicon:
        """The cues that ship with sourcecompare (read on first use)."""
        return _default()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ClaimLexicon:
        """Build a lexicon from a mapping shaped like ``data/claims.json``."""
        unknown = sorted(set(data) - {*CLAIM_CATEGORIES, "about"})
        if unknown:
            msg = f"unknown claim categories {unknown}; use {', '.join(CLAIM_CATEGORIES)}"
            raise InvalidOptionError(msg, option="claims")
        return cls(**{c: tuple(str(x) for x in data.get(c, ())) for c in CLAIM_CATEGORIES})

    @classmethod
    def from_json(cls, path: str | Path, *, extend_default: bool = True) -> ClaimLexicon:
        """Read cues from a JSON file; by default they extend the bundled ones."""
        extra = read_user_json(path, cls.from_data, what="claim cues", option="claims")
        if not extend_default:
            return extra
        return _default().extend(**{c: getattr(extra, c) for c in CLAIM_CATEGORIES})

    def extend(self, **entries: Iterable[str]) -> ClaimLexicon:
        """Return a lexicon with *entries* added, e.g. ``extend(causal=["shield"])``."""
        unknown = sorted(set(entries) - set(CLAIM_CATEGORIES))
        if unknown:
            msg = f"unknown claim categories {unknown}; use {', '.join(CLAIM_CATEGORIES)}"
            raise InvalidOptionError(msg, option="claims")
        return ClaimLexicon(
            **{c: (*getattr(self, c), *entries.get(c, ())) for c in CLAIM_CATEGORIES}
        )

    def find(self, category: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Token ranges of *tokens* matching an entry of *category*, longest match first.

        Words are compared by their normal form (:attr:`Token.norm`); an adverb in
        -ly may stand before each later word of an entry ("associated significantly
        with"). Matches of one category do not overlap.
        """
        if category not in CLAIM_CATEGORIES:
            msg = f"unknown claim category {category!r}; use {', '.join(CLAIM_CATEGORIES)}"
            raise InvalidOptionError(msg, option="claims")
        return self.find_all(tokens)[category]

    def find_all(self, tokens: Sequence[Token]) -> dict[str, list[tuple[int, int]]]:
        """:meth:`find` for every category at once, in one pass over *tokens*."""
        return self._find_from(tokens, self._starts(tokens))

    def _starts(self, tokens: Sequence[Token]) -> list[int]:
        """The indices of *tokens* where an entry may start: its first word is there."""
        index = self._index
        starts = []
        for i, t in enumerate(tokens):  # a loop, not a comprehension (a call): every sentence
            if t.norm in index:
                starts.append(i)
        return starts

    def _find_from(
        self, tokens: Sequence[Token], starts: Sequence[int]
    ) -> dict[str, list[tuple[int, int]]]:
        """:meth:`find_all`, given :meth:`_starts` of *tokens*."""
        found: dict[str, list[tuple[int, int]]] = {}
        for category in CLAIM_CATEGORIES:  # a loop, not a comprehension (a call)
            found[category] = []
        if not starts:
            return found  # most sentences: no entry starts anywhere
        index = self._index
        free = dict.fromkeys(CLAIM_CATEGORIES, 0)  # per category, the first index not matched
        for i in starts:
            for category, words in index[tokens[i].norm]:
                if i < free[category]:
                    continue
                # A one-word entry matches where its word is: no call to say so.
                end = i + 1 if len(words) == 1 else _match_rest(tokens, i + 1, words[1:])
                if end is not None:
                    found[category].append((i, end))
                    free[category] = end
        return found

    def is_lemma(self, category: str, word: str) -> bool:
        """Whether *word* is the first word of an entry of *category* as written.

        For a verb that is its base form ("reduce", not "reduces"): what follows a
        modal, so what a hedge governs in a list ("could cut costs and raise pay").
        """
        return word in self._lemmas.get(category, frozenset())


def _match_rest(tokens: Sequence[Token], start: int, words: Sequence[str]) -> int | None:
    """Where *words* end if they follow from *start*, else ``None``.

    An adverb in -ly may stand before each word ("associated significantly with",
    "contribute substantially to").
    """
    i = start
    for word in words:
        skipped = 0
        while (
            i < len(tokens)
            and tokens[i].norm != word
            and skipped < _ADVERBS_IN_ENTRY
            and _is_adverb(tokens[i])
        ):
            i += 1
            skipped += 1
        if i >= len(tokens) or tokens[i].norm != word:
            return None
        i += 1
    return i


def _is_adverb(token: Token) -> bool:
    """A word in -ly that is not a function word ("significantly"; not "only")."""
    return token.norm.endswith("ly") and not token.is_stop


@attrs.frozen
class ClaimCue:
    """One cue of a claim in a sentence.

    Attributes:
        kind: ``"correlational"``, ``"causal"`` or ``"advice"``.
        level: Its level on :data:`CLAIM_LEVELS`: 0 when negated, else 1 for a
            correlation, 2 for a cause under a hedge, 3 for a direct cause, 4 for advice.
        tokens: The cue's token range (half-open) in the tokens read.
        hedge: The range of the hedge that makes a causal cue conditional, or ``None``.
        negation: The range of the word that denies the cue, or ``None``.
        subordinate: An -ing form with no auxiliary, hedge or negation before it: a
            modifier or a clause hanging on the main one ("cholesterol-lowering
            drugs", "..., leading to"). It decides the level only when the sentence
            has no other relation cue.
        clause: The token range of the clause the cue stands in (clauses end at a
            semicolon, a colon, a dash, and a comma before "but", "which" ...).

    .. versionadded:: 0.1
    """

    kind: str
    level: int
    tokens: tuple[int, int]
    hedge: tuple[int, int] | None = None
    negation: tuple[int, int] | None = None
    subordinate: bool = False
    clause: tuple[int, int] = (0, 0)

    @property
    def extent(self) -> tuple[int, int]:
        """The token range of the cue with its hedge or negation ("may reduce")."""
        first = min(r[0] for r in (self.tokens, self.hedge, self.negation) if r is not None)
        return first, self.tokens[1]


def _cues(values: Iterable[ClaimCue]) -> tuple[ClaimCue, ...]:
    return tuple(values)


def _ranges(values: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in values)


@attrs.frozen
class ClaimReading:
    """What a sentence claims, and how strongly.

    Attributes:
        level: The relation's level, the highest of its relation cues' (of those that
            are not subordinate, if any): 0 a relation denied, 1 correlational, 2
            conditional causal, 3 direct causal; ``None`` when the sentence has no
            cue of a relation.
        cues: Every cue found, in text order (negated ones included).
        limits: Token ranges of phrases that limit the claim to a narrow setting.

    .. versionadded:: 0.1
    """

    level: int | None
    cues: tuple[ClaimCue, ...] = attrs.field(default=(), converter=_cues)
    limits: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_ranges)

    @property
    def advice(self) -> ClaimCue | None:
        """The first advice cue, or ``None``."""
        return next((c for c in self.cues if c.kind == "advice"), None)

    @property
    def strength(self) -> int | None:
        """The claim's place on the whole scale: 4 with advice, else :attr:`level`."""
        return 4 if self.advice is not None else self.level

    @property
    def main(self) -> ClaimCue | None:
        """The cue that decides :attr:`strength`: advice, else the first strongest cue."""
        if self.advice is not None:
            return self.advice
        relation = [c for c in self.cues if c.kind != "advice"]
        if not relation or self.level is None:
            return None
        main = [c for c in relation if not c.subordinate] or relation
        return next(c for c in main if c.level == self.level)

    @property
    def is_claim(self) -> bool:
        """Whether the sentence states, denies or recommends anything on the scale."""
        # self.strength is not None, without looking for advice when there is a level.
        return self.level is not None or self.advice is not None


_NO_CLAIM: Final = ClaimReading(None)
"""The reading of most sentences: no cue, no limit (frozen, so one serves them all)."""


def read_claim(segment: Segment | str, *, lexicon: ClaimLexicon | None = None) -> ClaimReading:
    """Read the claim of a sentence (a :class:`Segment`, or a string of one sentence).

    Token ranges in the reading index the segment's tokens (or ``tokenize(text)``).

    .. versionadded:: 0.1
    """
    lexicon = lexicon or ClaimLexicon.default()
    if isinstance(segment, str):
        return _read(segment, tuple(tokenize(segment)), 0, lexicon)
    # A segment's tokens are those of its text, so its reading (token ranges counted
    # from its first token) is its text's: kept from the text's second sighting.
    text = segment.text
    readings = lexicon._readings  # noqa: SLF001 - the lexicon's own module
    reading = readings.get(text)
    if reading is None:
        reading = _read(text, segment.tokens, segment.start, lexicon)
        _READINGS_SIGHTED.keep(readings, text, reading, _READINGS_LIMIT)
    return reading


# Segment readings a lexicon keeps (see read_claim), and the gate before them.
_READINGS_LIMIT: Final = 10_000
_READINGS_SIGHTED: Final = Sightings(_READINGS_LIMIT)


def _read(text: str, tokens: Sequence[Token], offset: int, lexicon: ClaimLexicon) -> ClaimReading:
    """:func:`read_claim` of *text*, whose tokens are *tokens* (at *offset* in theirs)."""
    starts = lexicon._starts(tokens)  # noqa: SLF001 - the lexicon's own module
    if not starts:
        return _NO_CLAIM  # most sentences: no cue and no limit (what _Reader.read gives)
    return _Reader(text, tokens, offset, lexicon, lexicon._find_from(tokens, starts)).read()  # noqa: SLF001


class _Reader:
    """One sentence's reading; see :func:`read_claim`."""

    def __init__(
        self,
        text: str,
        tokens: Sequence[Token],
        offset: int,
        lexicon: ClaimLexicon,
        found: dict[str, list[tuple[int, int]]],
    ) -> None:
        self.text = text
        self.offset = offset
        self.tokens = tokens
        self.lexicon = lexicon
        self.found = found  # lexicon.find_all(tokens)

    @functools.cached_property
    def clause(self) -> list[int]:
        """For each token, the number of the clause it stands in.

        A clause ends at a semicolon, a colon or a dash, and at a comma before a word
        that opens another clause ("but", "which").
        """
        clause, number = [], 0
        for i, token in enumerate(self.tokens):
            if i:
                gap = self._gap(i)
                # Most gaps are a space or nothing; a break needs a mark (skips the search).
                if gap.strip() and (
                    _CLAUSE_GAP_RE.search(gap) or ("," in gap and token.norm in _CLAUSE_OPENERS)
                ):
                    number += 1
            clause.append(number)
        return clause

    def _gap(self, i: int) -> str:
        """The text between token *i* and the one before it."""
        tokens, offset = self.tokens, self.offset
        return self.text[tokens[i - 1].end - offset : tokens[i].start - offset]

    def _clause_of(self, index: int) -> tuple[int, int]:
        """The token range of the clause token *index* stands in."""
        number = self.clause[index]
        first = self.clause.index(number)
        last = len(self.clause) - self.clause[::-1].index(number)
        return first, last

    def read(self) -> ClaimReading:
        found = self.found
        if not (
            found["correlational"] or found["causal"] or found["comparatives"] or found["advice"]
        ):
            limits = found["limits"]
            return ClaimReading(None, (), limits) if limits else _NO_CLAIM
        candidates = [
            *(("correlational", r) for r in found["correlational"]),
            *(("causal", r) for r in found["causal"] if self._is_verb(*r)),
            *(("correlational", r) for r in self._comparisons()),
        ]
        # The longest at each position first; cues do not overlap.
        candidates.sort(key=lambda c: (c[1][0], c[1][0] - c[1][1], c[0]))
        taken: set[int] = set()
        relation: list[tuple[str, tuple[int, int]]] = []
        for kind, (first, last) in candidates:
            if not taken & set(range(first, last)):
                taken |= set(range(first, last))
                relation.append((kind, (first, last)))
        cues: list[ClaimCue] = []
        for kind, token_range in relation:
            cues.append(self._cue(kind, token_range, cues, taken))
        cues += [ClaimCue("advice", 4, r, clause=self._clause_of(r[0])) for r in found["advice"]]
        cues.sort(key=lambda c: c.tokens)
        stated = [c for c in cues if c.kind != "advice"]
        main = [c for c in stated if not c.subordinate] or stated
        level = max(c.level for c in main) if main else None
        return ClaimReading(level, cues, found["limits"])

    def _cue(
        self, kind: str, token_range: tuple[int, int], earlier: Sequence[ClaimCue], taken: set[int]
    ) -> ClaimCue:
        """A relation cue with its negation, its hedge and its level."""
        tokens = self.tokens
        negation = self._governing(
            self.negations, token_range, _NEGATION_REACH, lambda t, _: t.norm in _NEGATION_BRIDGE
        )
        hedge = None
        if kind == "causal" and negation is None:
            hedges = self.found["conditional"]
            hedge = (
                self._governing(hedges, token_range, _CONDITIONAL_REACH, lambda _, i: i in taken)
                or self._question(hedges, token_range)
                or self._coordinated(earlier, token_range)
            )
        if negation is not None:
            level = 0
        elif kind == "correlational":
            level = 1
        else:
            level = 3 if hedge is None else 2
        first = token_range[0]
        subordinate = (
            kind == "causal"
            and tokens[first].norm.endswith("ing")
            and hedge is None
            and negation is None
            and (first == 0 or tokens[first - 1].norm not in _BE)
        )
        return ClaimCue(
            kind, level, token_range, hedge, negation, subordinate, self._clause_of(first)
        )

    def _is_verb(self, first: int, last: int) -> bool:
        """Whether a causal cue stands as a verb (or a causal phrase or adjective) here.

        Not a participle or an -ing form joined by a hyphen ("violence-fuelled",
        "cholesterol-lowering"), a participle opening the sentence ("Reduced kidney
        function ...") or after an article, a preposition or "show" (an adjective:
        "the eliminated candidates", "showed improved scores"), an -ing form after an
        article or a preposition (a gerund: "by reducing"), nor a one-word cue after an
        article, or after an article and a singular noun or adjective (a noun: "the
        increase", "a tax increase"). A one-word adjective ("a protective effect") and
        a phrase ("an effect on") stand anywhere.
        """
        tokens = self.tokens
        word = tokens[first].norm
        participle = word.endswith("ed") or word in _IRREGULAR_PARTICIPLES
        if first and self._gap(first) == "-" and (participle or word.endswith("ing")):
            return False
        if first == 0:
            return not (participle and last - first == 1)
        before = tokens[first - 1].norm
        after_article = before in _DETERMINERS
        if participle and (after_article or before in _PREPOSITIONS or before in _OBSERVING):
            return False
        if word.endswith("ing") and (after_article or before in _PREPOSITIONS):
            return False
        if last - first > 1 or word.endswith(_ADJECTIVE_ENDINGS):
            return True
        if after_article:
            return False
        previous = tokens[first - 1]
        return not (
            first >= 2
            and tokens[first - 2].norm in _DETERMINERS
            and not previous.is_stop
            and not previous.norm.endswith("s")
            and self.lexicon.is_lemma("causal", word)
        )

    def _coordinated(
        self, earlier: Sequence[ClaimCue], cue: tuple[int, int]
    ) -> tuple[int, int] | None:
        """The hedge of an earlier causal cue in the clause, if *cue* is a base form.

        A modal governs every verb of its list: in "could lead to benefits, reduce
        emissions and raise revenue", "reduce" and "raise" are conditional too.
        """
        if not self.lexicon.is_lemma("causal", self.tokens[cue[0]].norm):
            return None
        for other in reversed(earlier):
            if self.clause[other.tokens[0]] != self.clause[cue[0]]:
                break
            if other.kind == "causal" and other.hedge is not None:
                return other.hedge
        return None

    def _question(
        self, hedges: Sequence[tuple[int, int]], cue: tuple[int, int]
    ) -> tuple[int, int] | None:
        """A modal opening a question ("Could poor sleep cause ...?") governs its clause."""
        if (
            hedges
            and hedges[0][0] == 0
            and self.tokens[0].norm in _QUESTION_MODALS
            and self.clause[cue[0]] == 0
        ):
            return hedges[0]
        return None

    def _comparisons(self) -> list[tuple[int, int]]:
        """Comparatives with "than" later in their clause ("higher in smokers than")."""
        found = []
        for first, last in self.found["comparatives"]:
            for k in range(last + 1, len(self.tokens)):
                if self.clause[k] != self.clause[first]:
                    break
                if self.tokens[k].norm == "than":
                    found.append((first, last))
                    break
        return found

    @functools.cached_property
    def negations(self) -> list[tuple[int, int]]:
        """Negations: the lexicon's and words in n't, less "not only", "not just"."""
        tokens = self.tokens
        listed = self.found["negation"]
        contracted = [(i, i + 1) for i, t in enumerate(tokens) if t.norm.endswith("n't")]
        return sorted(
            (first, last)
            for first, last in {*listed, *contracted}
            if not (last < len(tokens) and tokens[last].norm in _NOT_NEGATING)
        )

    def _governing(
        self,
        candidates: Sequence[tuple[int, int]],
        cue: tuple[int, int],
        reach: int,
        bridge: Callable[[Token, int], bool],
    ) -> tuple[int, int] | None:
        """The nearest candidate that governs *cue*, or ``None``.

        It ends at most *reach* words before the cue, in its clause, and only function
        words, adverbs in -ly and words *bridge* accepts stand between them ("may also
        help reduce", "did not significantly reduce"; not "not met were less likely").
        """
        best = None
        tokens = self.tokens
        for first, last in candidates:
            if (
                last <= cue[0]
                and cue[0] - last <= reach
                and self.clause[first] == self.clause[cue[0]]
                and all(
                    tokens[i].is_stop or _is_adverb(tokens[i]) or bridge(tokens[i], i)
                    for i in range(last, cue[0])
                )
            ):
                best = (first, last)
        return best


@functools.cache
def _default() -> ClaimLexicon:
    """The bundled cues, built on first use: importing the package stays fast."""
    return ClaimLexicon.from_data(load_json("claims.json"))
