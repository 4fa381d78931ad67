"""Attributions: who is said to have said what, found by rules, with exact spans.

An attribution has a **source** (the speaker: a name with its title or affiliation, a
pronoun, "experts", an organisation, an event, a document, or nobody in an agentless
passive), a **cue** (the reporting verb group or phrase: "said", "has called for",
"according to", "said in a statement", "said Tuesday", "continued to complain") and
the **content** (what is attributed), and is **direct** when the content is a
quotation.

The extractor works sentence by sentence with the reporting cues of
``data/reporting_verbs.json`` (verbs graded by stance) and the source nouns of
``data/source_nouns.txt``. It knows the shapes wire copy uses:

* ``X, title of Org, said (that) ...`` and ``X said ...``, ``X told Reuters ...``; the
  apposition may have several parts (``X, director of Y Inc., the U.S. firm that built
  it, said``);
* ``..., X said.``, ``..., said X, title.`` and ``"...," X added.``; what follows such a
  cue is an adjunct (``said at the ceremony``) or another cue (``, adding that``), not
  the content; an attribution inside the clause before (``The board plans to ...,
  she added.``) is part of what the trailing source reports;
* ``according to X, ...`` and ``..., according to X.``;
* ``She called for ...``, ``..., saying ...`` (the subject of the sentence speaks);
* passives: ``it was reported that ...``, ``have been lauded`` (no source), ``a theme
  echoed by experts`` (the agent speaks), ``was hailed as ...`` (the "as" part continues
  the content); ``X is expected to ...`` is a prediction about X, not a report, and is
  not extracted (verbs marked ``raising`` in the data);
* possessive nominal cues: ``the seminar's call for ...``; light verbs with a cue
  noun: ``expressed concern about``, ``made the case that``;
* ``In a new poll, ...``: a document as the source;
* headline attributions ``...: experts``;
* quotations that run on over the following sentences of the paragraph.

A capitalised name whose last word is an organisation or event noun of
``data/source_nouns.txt`` ("Harbour Council", "Bellwater Systems Inc.", "Fishermen's
Cooperative") or that opens with "The" is an organisation, not a person, and so are
the dateline's place and a capitalised modifier after an article ("the Alder
estuary"). Pronouns (he, she, they, who) and bare surnames ("Zhu added") are resolved
to the most recent compatible full name introduced earlier in the document ("Zhu
Guijie"); a gender learnt from a title (Mr., Ms.), a later pronoun in the sentence that
introduces a name, or a pronoun already resolved to that name rules out incompatible
antecedents. Reporting verbs inside quotations are the quoted speaker's words and are
not extracted, nor are beliefs, intentions and findings inside another attribution's
content ("Ann said her members believe ..." is one attribution, Ann's). A report with
its own subject that opens an indirect content ("He said the cooperative had asked
...") is extracted but does not cut that content short: an indirect content runs to
the end of its clause. Everything is pure Python and deterministic; a sentence costs
about a tenth of a millisecond (``bench/attribution.py`` measures it).

Quality is measured on PolNeAR by ``bench/attribution.py``. Without a parser, the
rules find subjects by punctuation, clause words and word shape, so long or unusual
subjects can be cut short or run long, and a verb that is also a noun ("reports",
"calls") is taken as a cue only where a subject and an object or clause frame it.
"""

from __future__ import annotations

import bisect
import enum
import re
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Final, NamedTuple, TypeVar

import attrs

from sourcecompare._documents import Document, SegmentKind
from sourcecompare._lexicon import load_json, read_data, read_user_json
from sourcecompare._sightings import Sightings
from sourcecompare._spans import Span
from sourcecompare._tokens import MONTH_NAMES
from sourcecompare.exceptions import InvalidOptionError

__all__ = [
    "MODES",
    "SOURCE_NOUN_KINDS",
    "STANCES",
    "Attribution",
    "ReportingLexicon",
    "SourceKind",
    "extract_attributions",
]

STANCES: Final = (
    "neutral",
    "emphatic",
    "insistent",
    "approving",
    "disapproving",
    "doubting",
    "denying",
    "conceding",
    "tentative",
    "alarming",
    "arguing",
    "requesting",
    "committing",
    "predicting",
    "believing",
)
"""The stance scale of reporting cues, documented in ``data/reporting_verbs.json``."""

MODES: Final = ("speech", "thought", "evidence", "intention")
"""What a cue reports: something said, a belief, a finding, or an intention."""

SOURCE_NOUN_KINDS: Final = ("generic", "organisation", "event", "document")
"""The sections of ``data/source_nouns.txt``."""


class SourceKind(str, enum.Enum):
    """Who an attribution's source is.

    .. versionadded:: 0.1
    """

    NAMED = "named"
    """A named person: "Zhu Guijie", "Mr. Trump", "Sen. Bernie Sanders"."""
    PRONOUN = "pronoun"
    """A pronoun ("he", "she", "they", "who"); :attr:`Attribution.source_name` holds
    what it was resolved to, if anything."""
    GENERIC = "generic"
    """Unnamed people: "experts", "officials", "a group of experts", "sources"."""
    ORGANISATION = "organisation"
    """A body that speaks as one: "the ministry", "Amity Foundation", "Reuters"."""
    EVENT = "event"
    """A gathering credited with words: "the seminar", "this gathering"."""
    DOCUMENT = "document"
    """A text or finding: "the report", "a poll", "campaign finance records"."""
    OTHER = "other"
    """A source phrase of no kind above."""
    AGENTLESS = "agentless"
    """No source in the text: an agentless passive ("have been lauded", "it was
    reported") or a participle whose subject was not found."""


@attrs.frozen
class Attribution:
    """One attribution found in a document.

    Every span points into ``doc.text``: ``doc.text[a.cue.start:a.cue.end] == a.cue_text``.

    Attributes:
        segment: Index of the segment holding the cue.
        cue: Span of the cue: the verb group with auxiliaries, negation, adverbs and
            a verb before "to" ("has also said", "did not deny", "continued to
            complain"), a cue phrase ("according to") or a nominal cue ("call for"),
            with a following adjunct ("in a statement", "in the letter") or bare time
            ("said Tuesday").
        cue_text: The cue's text.
        lemma: The lexicon entry that matched ("say", "call for", "according to"),
            or ``":"`` for a headline colon ("...: experts").
        stance: The cue's stance, one of :data:`STANCES`.
        mode: What the cue reports, one of :data:`MODES`.
        source: Span of the source phrase, with its title or affiliation
            ("Li Juan, a researcher from ..."), or ``None``.
        source_text: The source phrase's text, or ``None``.
        source_name: The person or group the source stands for: the full name of a
            named source ("Zhu" resolved to "Zhu Guijie"), what a pronoun was resolved
            to, the source phrase of a generic or institutional source, or ``None``.
        source_kind: Who the source is.
        content: Span of the attributed content, or ``None`` when none was found.
        content_text: The content's text, or ``None``.
        direct: Whether the content is a quotation (it opens with a quotation mark
            or lies inside one).
        passive: Whether the cue is a passive ("was reported", "have been lauded").
        continuations: Further spans of the same content: the rest of a sentence the
            attribution interrupts (``"The race," he said, "is tight."``) and the
            quoted sentences that follow it in the paragraph.

    .. versionadded:: 0.1
    """

    segment: int
    cue: Span
    cue_text: str
    lemma: str
    stance: str
    mode: str
    source: Span | None
    source_text: str | None
    source_name: str | None
    source_kind: SourceKind
    content: Span | None
    content_text: str | None
    direct: bool
    passive: bool = False
    continuations: tuple[Span, ...] = ()


# --- the lexicon -------------------------------------------------------------------------


class _Form(NamedTuple):
    """One way a cue is written: its words after the first, and what it is."""

    rest: tuple[str, ...]
    lemma: str
    forms: frozenset[str]  # base, s, past, pp, ing, phrase, noun
    role: str  # verb, source_after, noun, light, colon
    stance: str = "neutral"
    mode: str = "speech"


_VOWELS: Final = frozenset("aeiou")


def _inflect(base: str, spec: Mapping[str, Any]) -> dict[str, set[str]]:
    """The inflected forms of a verb: surface -> the form names it stands for."""
    double = bool(spec.get("double"))
    consonant_y = base.endswith("y") and base[-2:-1] not in _VOWELS
    if "s" in spec:
        third = str(spec["s"])
    elif base.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = base + "es"
    else:
        third = base[:-1] + "ies" if consonant_y else base + "s"
    if "past" in spec:
        past = str(spec["past"])
    elif base.endswith("e"):
        past = base + "d"
    elif consonant_y:
        past = base[:-1] + "ied"
    else:
        past = base + base[-1] + "ed" if double else base + "ed"
    participle = str(spec.get("pp", past))
    if "ing" in spec:
        ing = str(spec["ing"])
    elif base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        ing = base[:-1] + "ing"
    else:
        ing = base + base[-1] + "ing" if double else base + "ing"
    forms: dict[str, set[str]] = {}
    for surface, name in (
        (base, "base"),
        (third, "s"),
        (past, "past"),
        (participle, "pp"),
        (ing, "ing"),
    ):
        forms.setdefault(surface, set()).add(name)
    return forms


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _norm_spec(lemma: str, value: object, *, what: str) -> dict[str, Any]:
    """A verb, phrase or noun entry as a dict; a bare string is its stance."""
    spec: dict[str, Any] = {"stance": value} if isinstance(value, str) else dict(value)  # type: ignore[call-overload]
    stance = spec.get("stance", "neutral")
    if stance not in STANCES:
        msg = f"{what} {lemma!r} has unknown stance {stance!r}; use one of {', '.join(STANCES)}"
        raise InvalidOptionError(msg, option="lexicon")
    mode = spec.get("mode", "speech")
    if mode not in MODES:
        msg = f"{what} {lemma!r} has unknown mode {mode!r}; use one of {', '.join(MODES)}"
        raise InvalidOptionError(msg, option="lexicon")
    spec["stance"] = stance
    spec["mode"] = mode
    return spec


def _freeze_entries(
    value: Mapping[str, object] | None, what: str
) -> Mapping[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for lemma, spec in (value or {}).items():
        key = " ".join(str(lemma).casefold().split())
        if key:
            out[key] = types.MappingProxyType(_norm_spec(key, spec, what=what))
    return types.MappingProxyType(out)


def _plain(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Read-only entries (see :func:`_freeze_entries`) as plain dictionaries."""
    return {lemma: dict(spec) for lemma, spec in entries.items()}


def _verb_entries(value: Mapping[str, object] | None) -> Mapping[str, Mapping[str, Any]]:
    return _freeze_entries(value, "verb")


def _phrase_entries(value: Mapping[str, object] | None) -> Mapping[str, Mapping[str, Any]]:
    return _freeze_entries(value, "phrase")


def _noun_entries(value: Mapping[str, object] | None) -> Mapping[str, Mapping[str, Any]]:
    return _freeze_entries(value, "noun")


def _light_entries(value: Mapping[str, object] | None) -> Mapping[str, Mapping[str, Any]]:
    return _freeze_entries(value, "light verb")


def _freeze_nouns(value: Mapping[str, Iterable[str]] | None) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = dict.fromkeys(SOURCE_NOUN_KINDS, ())
    for kind, words in (value or {}).items():
        if kind not in SOURCE_NOUN_KINDS:
            msg = f"unknown source noun kind {kind!r}; use one of {', '.join(SOURCE_NOUN_KINDS)}"
            raise InvalidOptionError(msg, option="lexicon")
        out[kind] = tuple(sorted({" ".join(w.casefold().split()) for w in words if w.strip()}))
    return out


def _freeze_adjuncts(value: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(sorted({" ".join(v.casefold().split()) for v in value or () if v.strip()}))


@attrs.frozen
class ReportingLexicon:
    """The cues and source nouns the attribution extractor knows.

    Build the bundled one with :meth:`default`, add entries with :meth:`extend`, or
    read a JSON file shaped like ``data/reporting_verbs.json`` with :meth:`from_json`.
    A verb, phrase or noun entry is a mapping (``{"stance": "doubting"}``, with the
    optional keys documented in the data file) or just its stance (``"doubting"``).

    Attributes:
        verbs: Reporting verbs by lemma ("say", "call for").
        phrases: Cue phrases that are not verbs ("according to").
        adjuncts: Phrases that join the cue after its verb ("in a statement").
        nouns: Nominal cues, used after a possessive ("the seminar's call for") and
            after a light verb ("expressed concern").
        light_verbs: Verbs that report with a cue noun as object ("made the case",
            "voiced support", "issued a statement").
        source_nouns: Source nouns by kind (``generic``, ``organisation``, ``event``,
            ``document``).

    .. versionadded:: 0.1
    """

    verbs: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_verb_entries)
    phrases: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_phrase_entries)
    adjuncts: tuple[str, ...] = attrs.field(default=(), converter=_freeze_adjuncts)
    nouns: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_noun_entries)
    source_nouns: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_freeze_nouns)
    light_verbs: Mapping[str, Mapping[str, Any]] = attrs.field(
        factory=dict, converter=_light_entries
    )
    _index: dict[str, list[_Form]] = attrs.field(init=False, eq=False, repr=False)
    _noun_index: dict[str, _Form] = attrs.field(init=False, eq=False, repr=False)
    _adjunct_index: dict[str, list[tuple[str, ...]]] = attrs.field(init=False, eq=False, repr=False)
    _noun_words: dict[str, str] = attrs.field(init=False, eq=False, repr=False)
    _noun_phrases: list[tuple[tuple[str, ...], str]] = attrs.field(init=False, eq=False, repr=False)
    _phrase_index: dict[str, list[tuple[int, tuple[str, ...], str]]] = attrs.field(
        init=False, eq=False, repr=False
    )
    _name_heads: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Built on every run's first attribution, so built cheaply: each form is made
        # with its words after the first, and only the words that start several forms
        # are sorted (the bundled lexicon has 1,138 forms under 1,050 first words).
        index: dict[str, list[_Form]] = {}

        def add(first: str, form: _Form) -> None:
            forms = index.get(first)
            if forms is None:
                index[first] = [form]
            else:
                forms.append(form)

        for lemma, spec in self.verbs.items():
            first, *rest = lemma.split()
            stance, mode = spec["stance"], spec["mode"]
            for surface, names in _inflect(first, spec).items():
                add(surface, _Form(tuple(rest), lemma, frozenset(names), "verb", stance, mode))
        for lemma, spec in self.light_verbs.items():
            first, *rest = lemma.split()
            for surface, names in _inflect(first, spec).items():
                add(surface, _Form(tuple(rest), lemma, frozenset(names), "light"))
        is_phrase = frozenset({"phrase"})
        for lemma, spec in self.phrases.items():
            role = "source_after" if spec.get("role") == "source_after" else "verb"
            first, *rest = lemma.split()
            add(first, _Form(tuple(rest), lemma, is_phrase, role, spec["stance"], spec["mode"]))
        noun_index: dict[str, _Form] = {}
        for lemma, spec in self.nouns.items():
            is_noun = frozenset({"noun", "light_only"} if spec.get("light_only") else {"noun"})
            form = _Form((), lemma, is_noun, "noun", spec["stance"], spec["mode"])
            for surface in {lemma, _plural(lemma)}:
                first, *rest = surface.split()
                add(first, form._replace(rest=tuple(rest)) if rest else form)
                noun_index[surface] = form
        order = {"light": 0, "verb": 1, "source_after": 2, "noun": 3}
        for forms in index.values():
            if len(forms) > 1:
                forms.sort(key=lambda f: (-len(f.rest), order.get(f.role, 4), f.lemma))
        adjunct_index: dict[str, list[tuple[str, ...]]] = {}
        for adjunct in self.adjuncts:
            words = adjunct.split()
            adjunct_index.setdefault(words[0], []).append(tuple(words[1:]))
        for rests in adjunct_index.values():
            rests.sort(key=lambda r: -len(r))
        noun_words: dict[str, str] = {}
        noun_phrases: list[tuple[tuple[str, ...], str]] = []
        for kind in reversed(SOURCE_NOUN_KINDS):  # generic wins where lists overlap
            for entry in self.source_nouns.get(kind, ()):
                words = entry.split()
                if len(words) == 1:
                    noun_words[entry] = kind
                    noun_words.setdefault(_plural(entry), kind)
                else:
                    noun_phrases.append((tuple(words), kind))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_noun_index", noun_index)
        object.__setattr__(self, "_adjunct_index", adjunct_index)
        object.__setattr__(self, "_noun_words", noun_words)
        object.__setattr__(self, "_noun_phrases", noun_phrases)
        phrase_index: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
        for rank, (phrase, kind) in enumerate(noun_phrases):
            phrase_index.setdefault(phrase[0], []).append((rank, phrase, kind))
        object.__setattr__(self, "_phrase_index", phrase_index)
        heads = {
            entry
            for kind in ("organisation", "event")
            for entry in self.source_nouns.get(kind, ())
            if " " not in entry
        }
        object.__setattr__(self, "_name_heads", frozenset(heads))

    @classmethod
    def default(cls) -> ReportingLexicon:
        """The cues and source nouns that ship with sourcecompare."""
        return _default_lexicon()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickled as its entries (read-only mappings do not pickle); the bundled
        # lexicon as itself, which the receiving process builds once.
        if self is _default_lexicon():
            return (_default_lexicon, ())
        return (
            ReportingLexicon,
            (
                _plain(self.verbs),
                _plain(self.phrases),
                self.adjuncts,
                _plain(self.nouns),
                dict(self.source_nouns),
                _plain(self.light_verbs),
            ),
        )

    @classmethod
    def from_data(
        cls,
        data: Mapping[str, Any],
        source_nouns: Mapping[str, Iterable[str]] | None = None,
    ) -> ReportingLexicon:
        """Build a lexicon from a mapping shaped like ``data/reporting_verbs.json``.

        *source_nouns* (or a ``"source_nouns"`` key of *data*) maps the kinds
        ``generic``, ``organisation``, ``event`` and ``document`` to their nouns.
        """
        known = {
            "about",
            "stances",
            "modes",
            "verbs",
            "phrases",
            "adjuncts",
            "nouns",
            "light_verbs",
        }
        unknown = sorted(set(data) - known - {"source_nouns"})
        if unknown:
            msg = f"unknown lexicon keys {unknown}; use {', '.join(sorted(known))}"
            raise InvalidOptionError(msg, option="lexicon")
        return cls(
            verbs=data.get("verbs", {}),
            phrases=data.get("phrases", {}),
            adjuncts=tuple(data.get("adjuncts", ())),
            nouns=data.get("nouns", {}),
            source_nouns=source_nouns or data.get("source_nouns", {}),
            light_verbs=data.get("light_verbs", {}),
        )

    @classmethod
    def from_json(cls, path: str | Path, *, extend_default: bool = True) -> ReportingLexicon:
        """Read cues from a JSON file; by default they extend the bundled ones."""
        extra = read_user_json(path, cls.from_data, what="a reporting lexicon", option="lexicon")
        if not extend_default:
            return extra
        return cls.default().extend(
            verbs=extra.verbs,
            phrases=extra.phrases,
            adjuncts=extra.adjuncts,
            nouns=extra.nouns,
            source_nouns=extra.source_nouns,
            light_verbs=extra.light_verbs,
        )

    def extend(
        self,
        *,
        verbs: Mapping[str, object] | None = None,
        phrases: Mapping[str, object] | None = None,
        adjuncts: Iterable[str] = (),
        nouns: Mapping[str, object] | None = None,
        source_nouns: Mapping[str, Iterable[str]] | None = None,
        light_verbs: Mapping[str, object] | None = None,
    ) -> ReportingLexicon:
        """Return a lexicon with entries added (an entry given again replaces the old one).

        Example: ``lexicon.extend(verbs={"opine": "believing"},
        source_nouns={"generic": ["pollsters"]})``.
        """
        merged_nouns = {k: list(v) for k, v in self.source_nouns.items()}
        for kind, words in (source_nouns or {}).items():
            merged_nouns.setdefault(kind, []).extend(words)
        return ReportingLexicon(
            verbs={**self.verbs, **(verbs or {})},
            phrases={**self.phrases, **(phrases or {})},
            adjuncts=(*self.adjuncts, *adjuncts),
            nouns={**self.nouns, **(nouns or {})},
            source_nouns=merged_nouns,
            light_verbs={**self.light_verbs, **(light_verbs or {})},
        )

    def entry(self, lemma: str) -> Mapping[str, Any] | None:
        """The verb, phrase or noun entry for *lemma*, or ``None``."""
        key = " ".join(lemma.casefold().split())
        return self.verbs.get(key) or self.phrases.get(key) or self.nouns.get(key)

    def source_noun_kind(self, words: Sequence[str]) -> str | None:
        """The kind of a source phrase given as case-folded words, by its nouns.

        A several-word entry found anywhere in *words* decides first; then the head
        word (the last word before a preposition, or after "of" for "a group of").
        """
        index = self._phrase_index
        best: tuple[int, str] | None = None
        for i, word in enumerate(words):
            for order, phrase, kind in index.get(word, ()):
                if (best is None or order < best[0]) and tuple(
                    words[i : i + len(phrase)]
                ) == phrase:
                    best = (order, kind)
        if best is not None:
            return best[1]  # the phrase listed first, as the data file orders them
        head = _head_word(words)
        return self._noun_words.get(head) if head else None


def _read_source_nouns(text: str) -> dict[str, list[str]]:
    nouns: dict[str, list[str]] = {}
    kind = "generic"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            kind = line[1:-1].strip()
            continue
        nouns.setdefault(kind, []).append(line)
    return nouns


_DEFAULT_LEXICON: list[ReportingLexicon] = []


def _default_lexicon() -> ReportingLexicon:
    if not _DEFAULT_LEXICON:
        text = read_data("source_nouns.txt")
        _DEFAULT_LEXICON.append(
            ReportingLexicon.from_data(
                load_json("reporting_verbs.json"), source_nouns=_read_source_nouns(text)
            )
        )
    return _DEFAULT_LEXICON[0]


# --- word classes ------------------------------------------------------------------------

_QUANTITY_HEADS: Final = frozenset(
    """group groups number numbers panel majority minority handful team couple dozens
    hundreds thousands scores host series some many most several few all none one two
    three four five six seven eight nine ten half""".split()
)
_PREPOSITIONS: Final = frozenset(
    """of for at from with in on by to about under over near close familiar who which that
    whose""".split()
)


def _head_word(words: Sequence[str]) -> str | None:
    """The head noun of a noun phrase given as case-folded words."""
    cut = len(words)
    for i, word in enumerate(words):
        if word in _PREPOSITIONS and i > 0:
            cut = i
            break
    if cut == 0:
        return None
    head = words[cut - 1]
    if head in _QUANTITY_HEADS and cut < len(words) and words[cut] == "of":
        rest = [w for w in words[cut + 1 :] if w not in _PREPOSITIONS]
        inner = _head_word(list(words[cut + 1 :])) if rest else None
        return inner or head
    return head.removesuffix("'s").removesuffix("'")


_PRONOUNS: Final = frozenset("he she they i we you it".split())
_RELATIVES: Final = frozenset("who which that".split())
_OBJECT_PRONOUNS: Final = frozenset("me him her us them you it".split())
_MALE: Final = frozenset("he his him himself".split())
_FEMALE: Final = frozenset("she her hers herself".split())
_DETERMINERS: Final = frozenset(
    """the a an this these those his her their its our my your every each any no such
    another whose""".split()
)
_AUX: Final = frozenset(
    """is are was were be been being am has have had having do does did will would shall
    should can could may might must 's 've 'd 'll 're 'm""".split()
)
_BE: Final = frozenset("is are was were be been being am 's".split())
_NEGATIVE_AUX: Final = frozenset(
    """isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't
    wouldn't shouldn't can't cannot couldn't mustn't n't""".split()
)
_GROUP_ADVERBS: Final = frozenset(
    """also not never previously later recently repeatedly once often again still even
    further then already just first reportedly publicly privately now long since later
    subsequently initially originally earlier always frequently sometimes generally
    reportedly specifically explicitly""".split()
)
_NOT_ADVERBS: Final = frozenset(
    """family rally ally supply reply apply belly holy early only italy july daily weekly
    monthly friendly likely unlikely elderly""".split()
)
_CLAUSE_WORDS: Final = frozenset(
    """that which who whom when while because since although though if unless as after
    before until where whether but or so than whereas once nor yet where how what why
    said says say told""".split()
)
_TITLES: Final = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sen sen. rep rep. gov gov. gen gen.
    lt lt. col col. capt capt. sgt sgt. rev rev. hon hon. president vice prime minister
    secretary senator governor mayor judge justice chairman chairwoman chair director
    ambassador general governor-elect president-elect representative congressman
    congresswoman king queen prince princess pope sir dame lord lady speaker chancellor
    premier sheikh former""".split()
)
_NAME_PARTICLES: Final = frozenset("de van von bin al da del di le la du der den ibn".split())
_MALE_TITLES: Final = frozenset("mr mr. sir king prince lord".split())
_FEMALE_TITLES: Final = frozenset("mrs mrs. ms ms. miss queen princess dame lady".split())
_TIME_WORDS: Final = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    here earlier later recently""".split()
)
_TIME_LEADS: Final = frozenset("on last this earlier late early in".split())
_TIME_NOUNS: Final = frozenset(
    """week month year morning afternoon evening night weekend monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december""".split()
)
_ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col capt sgt rev st jr sr messrs hon u.s u.n
    u.k e.u inc co corp ltd no vs ft mt gov pres amb atty sens reps govs gens""".split()
)
_IDIOMS: Final = frozenset(
    [
        ("that", "said"),
        ("having", "said"),
        ("all", "told"),
        ("needless", "to"),
        ("so", "to"),
        ("be", "that"),
    ]
)
_ARTICLES: Final = frozenset("the a an this these those his her its their our my your".split())
_CLAUSE_STARTS: Final = frozenset("that whether if what how why who when where".split())
_SUBJECT_PRONOUNS: Final = frozenset("he she they i we you".split())
_LEADING: Final = frozenset(
    """and but or so yet as even now also still only then today yesterday meanwhile
    however later earlier if since though although while when because after before with
    by from for in on at of to into during under over among between like unlike including
    instead indeed thus despite amid""".split()
)
# Words a person's name does not open with: titles, conjunctions, adverbs, prepositions,
# clause words and determiners ("Mr.", "But", "When", "The").
_BEFORE_NAMES: Final = _TITLES | _LEADING | _CLAUSE_WORDS | _DETERMINERS
_SPEECH_NOUNS: Final = frozenset(
    """interview speech remarks address testimony tweet post letter email e-mail memo
    op-ed essay column book video""".split()
)
_NOT_SUBJECT: Final = frozenset(
    """and or to nor but of in on at for from with by about into than as""".split()
)
_GERUND_BEFORE: Final = frozenset(
    """in of for by about without from into on upon through against the a an his her their
    its our my your this""".split()
)
_NOUN_PREPOSITIONS: Final = frozenset("of about for over with on against".split())
_VERB_PREPOSITIONS: Final = frozenset("of about on with against".split())
_TO_VERBS: Final = frozenset(
    """respond reply react object allude speak talk appeal admit confess testify attest
    swear counter""".split()
)
_PLURAL_QUANTIFIERS: Final = frozenset("some many most others both all few several".split())
_AFFILIATION: Final = frozenset("of at from for with by in on".split())
_DANGLING: Final = frozenset("as and but while that or because since when after before".split())
_REDUCED: Final = frozenset("as when if unless once though although while until".split())
# The most words of a setting between a cue and its "that" clause ("said at a news
# conference in Geneva on Monday that").
_SETTING_WORDS: Final = 10
# Words after "at" that make it the start of the content: "said at least ten died".
_AT_CONTENT: Final = frozenset("least most last first once all times present".split())
# Quotation marks, and what ends the first clause of a content (see _Extractor._aimed).
_QUOTE_MARKS: Final = '"“”‘’«»„'
_CLAUSE_BREAK_RE: Final = re.compile(r"[,;:—–(]")


def _clause_subject(toks: Sequence[_Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """The last name in ``toks[lo:hi]`` that opens a clause and is followed by its verb.

    A clause opens after ", but", ", and", ", while", ", yet" or a semicolon; the name
    is a run of capitalised words, and a lower-case word follows it.
    """
    for k in range(hi - 1, lo + 1, -1):
        before = toks[k - 1]
        if not (
            before.text == ";"
            or (before.low in {"but", "and", "while", "yet"} and toks[k - 2].text == ",")
        ):
            continue
        if not toks[k].cap or toks[k].low in _BEFORE_NAMES:
            continue
        runs = _name_runs(toks, k, hi)
        if not runs or runs[0][0] != k:
            continue
        end = runs[0][1]
        if end < hi and toks[end].kind == "w" and not toks[end].cap:
            return (k, end)
    return None


def _before_comma(
    toks: Sequence[_Tok],
    j: int,
    content: tuple[int, int],
    quoted: Callable[[int], bool] = lambda _: False,
) -> tuple[int, int]:
    """*content* (offsets), cut short at the first comma after token *j*.

    A comma for which *quoted* (given its offset) is true, one inside a quotation, does
    not count: in 'called it "bold, brave and costly," Berg ...' only the last does.
    """
    start, end = content
    for k in range(j, len(toks)):
        if toks[k].start >= end:
            break
        if toks[k].text == "," and k > 0 and toks[k - 1].end > start and not quoted(toks[k].start):
            return (start, toks[k - 1].end)
    return content


_FRONTED: Final = frozenset(
    "while when whenever as although though because since after before once whereas".split()
)
# Words that may stand before a sentence's opening subordinate clause: "So while ...".
_OPENERS: Final = frozenset("so and but yet then still even".split())
_MAX_OPENERS: Final = 2
# A comma this close to a quotation's end closes it: ',"' or ',”'.
_QUOTE_CLOSE: Final = 2


def _fronted_clause(toks: Sequence[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` opens a subordinate clause at the start of its sentence.

    "While Lund was slamming the levy, members were ...", "So when the mayor spoke,
    ...": the clause comes before the main one and ends at a comma; only a conjunction
    or two ("So", "But") may stand before it. Later in a sentence ("..., while Lund
    argued that ...") such a clause may run to the end, commas and all.
    """
    return (
        toks[k].low in _FRONTED and k <= _MAX_OPENERS and all(t.low in _OPENERS for t in toks[:k])
    )


def _aimed_at(words: Sequence[str]) -> bool:
    """Whether the words after a cue only say whom it was aimed at ("at the crew").

    "shouted at the crew on Monday": a target and a setting, no clause, so nothing
    the speaker said is reported.
    """
    return (
        2 <= len(words) <= _SETTING_WORDS + 2
        and words[0] == "at"
        and words[1] not in _AT_CONTENT
        and not any(w in _CLAUSE_STARTS for w in words)
    )


_ADJUNCT_PREPOSITIONS: Final = frozenset(
    """at in on during after before from outside inside following while via through
    over near upon late earlier last this""".split()
)
_NOT_ADJECTIVE_NEXT: Final = (
    _DETERMINERS | _PRONOUNS | _OBJECT_PRONOUNS | _CLAUSE_WORDS | _PREPOSITIONS
)
_CATENATIVES: Final = frozenset(
    """going expected continue continues continued continuing began begin begins started
    start starts tried try tries quick likely seemed seems seem appeared appears appear
    ready eager""".split()
)
_CLAUSE_BREAKS: Final = frozenset(
    """and but or nor while whereas because although though since so yet""".split()
)
_PARENTHETICAL: Final = frozenset(
    """however meanwhile too though moreover also instead nonetheless nevertheless
    furthermore likewise""".split()
)

# --- the lexer -------------------------------------------------------------------------

# A token: a word, a double quotation mark or other punctuation, each in its own group
# (``findall`` gives one tuple of the three per token, cheaper than a match object). A
# word is a number with thousands separators, a dotted abbreviation ("U.S.") or letters
# and digits joined by apostrophes, hyphens, slashes and ampersands; the lookaheads only
# skip the rarer shapes quickly where they cannot match. No token holds white space.
_LEX_RE: Final = re.compile(
    r"""
      (\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])
      |(?=[^\W\d_]\.)(?:[^\W\d_]\.){2,}
      |[^\W_]+(?:(?=[-/&'’])(?:['’][^\W_]+)*(?:[-/&][^\W_]+(?:['’][^\W_]+)*)*(?:['’](?![^\W_]))?)?)
    | (''|``|["“”„«»])
    | (\S)
    """,
    re.VERBOSE,
)
# Clitics split off a word: "don't" is "do" + "n't", "they're" is "they" + "'re"; "'s"
# only after pronouns and the like ("he's"), not on names, where it is a possessive.
_CLITIC_RE: Final = re.compile(r"(?i)^(?P<base>.+?)(?P<clitic>n['’]t|['’](?:re|ve|ll|d|m))$")
_S_HOSTS: Final = frozenset(
    "he she it that who there what here let where how everyone everybody nobody".split()
)


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    kind: str  # "w" word, "q" double quotation mark, "p" other punctuation
    cap: bool  # a word written with an initial capital


# Getters of _Tok fields, for loops over tokens that run in C (map).
_TEXT: Final = itemgetter(_Tok._fields.index("text"))
_LOW: Final = itemgetter(_Tok._fields.index("low"))

# A token of a chunk (a run of text between white space): its start and end in the
# chunk, then the other fields of its _Tok (flat: one tuple built per token, not two).
_Piece = tuple[int, int, str, str, str, bool]
# The tokens of every chunk lexed twice so far (a chunk lexed once is only noted, see
# _sightings); a chunk that ends the lexed text is cached apart, since a period ending
# it stays punctuation (see _lex_chunk).
_CHUNKS: dict[str, tuple[_Piece, ...]] = {}
_FINAL_CHUNKS: dict[str, tuple[_Piece, ...]] = {}
_CHUNKS_LIMIT: Final = 20_000
_CHUNKS_SEEN: Final = Sightings(32_768)
# The tokens of every span lexed so far, by its text (see _lex): the starts and ends of
# its tokens, then their texts, case-folded texts, kinds and capitals.
_Columns = tuple[
    tuple[int, ...],
    tuple[int, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[bool, ...],
]
_SPANS: dict[str, _Columns] = {}
_SPANS_LIMIT: Final = 10_000
# The spans lexed once and not cached yet (see _lex).
_SEEN: Final = Sightings(_SPANS_LIMIT)


def _analyse_word(surface: str) -> tuple[str, int]:
    """A word's case-folded form and the length of a clitic to split off (0 if none)."""
    low = surface.casefold()
    if "’" in low:
        low = low.replace("’", "'")
    cut = 0
    if "'" in low:
        clitic = _CLITIC_RE.match(low)
        if clitic is not None:
            cut = len(clitic.group("clitic"))
        elif low.endswith("'s") and low[:-2] in _S_HOSTS:
            cut = 2
        if cut >= len(low):
            cut = 0
    return low, cut


def _lex_chunk(chunk: str, *, final: bool) -> tuple[_Piece, ...]:
    """The tokens of *chunk*, a run of text without white space.

    A clitic is split off its word ("do" + "n't"); a period right after an abbreviation
    or an initial joins it ("Mr.", "J."), unless it ends a *final* chunk (the last of
    the lexed text), where it stays punctuation.
    """
    pieces: list[_Piece] = []
    e = 0
    for word, quote, other in _LEX_RE.findall(chunk):
        s = e
        if word:
            e = s + len(word)
            low, cut = _analyse_word(word)
            cap = word[:1].isupper()
            if cut:
                mid = e - cut
                pieces.append((s, mid, chunk[s:mid], low[:-cut], "w", cap))
                pieces.append((mid, e, chunk[mid:e], low[-cut:], "w", chunk[mid].isupper()))
            else:
                pieces.append((s, e, word, low, "w", cap))
            continue
        surface = quote or other
        e = s + len(surface)
        if surface == "." and pieces and (e < len(chunk) or not final):
            ps, pe, ptext, plow, pkind, pcap = pieces[-1]
            if (
                pkind == "w"
                and pe == s
                and (plow in _ABBREVIATIONS or (len(ptext) == 1 and ptext.isupper()))
            ):
                merged = chunk[ps:e]
                pieces[-1] = (ps, e, merged, merged.casefold(), "w", pcap)
                continue
        pieces.append((s, e, surface, surface, "q" if quote else "p", False))
    return tuple(pieces)


def _lex(text: str, start: int, end: int) -> list[_Tok]:
    """Words, quotation marks and punctuation of ``text[start:end]``, with offsets.

    A span's tokens depend on its text alone, offsets aside, and the derivatives of a
    wire repeat most of its sentences: a span seen before is lexed once more and
    cached as columns of offsets from its start, from which later readings build the
    tokens in C (``map`` and ``zip``), without a Python-level step per token. A span
    seen once is only noted: building and keeping the columns of text that does not
    come back would cost more than lexing it.
    """
    span = text[start:end]
    columns = _SPANS.get(span)
    if columns is not None:
        starts, ends, *fields = columns
        shift = start.__add__
        return list(
            map(
                tuple.__new__,
                repeat(_Tok),
                zip(map(shift, starts), map(shift, ends), *fields, strict=True),
            )
        )
    toks = _lex_tokens(text, start, end)
    if _SEEN.again(span):
        if len(_SPANS) > _SPANS_LIMIT:
            _SPANS.clear()
        back = start.__rsub__  # an offset from the span's start
        if toks:
            starts, ends, words, lows, kinds, caps = zip(*toks, strict=True)
            _SPANS[span] = (
                tuple(map(back, starts)),
                tuple(map(back, ends)),
                words,
                lows,
                kinds,
                caps,
            )
        else:
            _SPANS[span] = ((), (), (), (), (), ())
    return toks


def _lex_tokens(text: str, start: int, end: int) -> list[_Tok]:
    """:func:`_lex` without its cache of spans.

    The text is read chunk by chunk (runs between white space, where no token
    crosses), each chunk cached from its second sighting: news repeats most of its chunks.
    """
    toks: list[_Tok] = []
    append = toks.append
    new = tuple.__new__  # _Tok's own __new__, minus a Python-level call per token
    chunks, finals = _CHUNKS, _FINAL_CHUNKS
    if len(chunks) + len(finals) > _CHUNKS_LIMIT:
        chunks.clear()
        finals.clear()
    span = text[start:end]
    parts = span.split()
    # Most text parts its chunks with single spaces: each chunk then starts one past
    # the end of the one before, without a search for it.
    spaced = " ".join(parts) == span
    at = start
    for chunk in parts:
        if not spaced:
            at = text.find(chunk, at)  # white space only before it: this is where it starts
        stop = at + len(chunk)
        # A chunk that ends the lexed text is cached apart: see _lex_chunk.
        cache = finals if stop == end else chunks
        pieces = cache.get(chunk)
        if pieces is None:
            pieces = _lex_chunk(chunk, final=stop == end)
            if _CHUNKS_SEEN.again(chunk):
                cache[chunk] = pieces
        for s, e, word, low, kind, cap in pieces:
            append(new(_Tok, (at + s, at + e, word, low, kind, cap)))
        at = stop + 1
    return toks


def _title_cased(toks: Sequence[_Tok]) -> bool:
    """Whether most longer words are capitalised, as in a headline."""
    capitals = [t.cap for t in toks if t.kind == "w" and len(t.text) >= 4]
    return len(capitals) >= 3 and sum(capitals) >= 0.8 * len(capitals)


def _possessive(tok: _Tok) -> bool:
    return tok.kind == "w" and tok.low.endswith(("'s", "s'")) and len(tok.low) > 2


# --- quotations ------------------------------------------------------------------------


# A double mark or a doubled ASCII single one ('' or ``). It opens with one character
# class, not an alternation, so the search skips the other characters quickly.
_QUOTE_MARK_RE: Final = re.compile(r"[\"“”„«»'`](?:(?<=')'|(?<=`)`|(?<=[\"“”„«»]))")
_OPEN_BEFORE: Final = "([{—–-/:"
_OPENING_MARKS: Final = frozenset({"“", "„", "«", "``"})
_CLOSING_MARKS: Final = frozenset({"”", "»", "''"})


def _quote_regions(doc: Document) -> list[tuple[int, int]]:
    """Spans ``(open, close)`` of the quotations of a document.

    The closing mark is included; a quotation left open runs to the end of its
    paragraph.
    """
    text = doc.text
    regions: list[tuple[int, int]] = []
    for para in doc.paragraphs:
        open_at: int | None = None
        for match in _QUOTE_MARK_RE.finditer(text, para.start, para.end):
            pos = match.start()
            end = match.end()
            before = text[pos - 1] if pos > para.start else " "
            after = text[end] if end < para.end else " "
            # Direction from the context, not the glyph: news copy mixes them up.
            opens = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
            if open_at is None:
                if opens or match.group() in _OPENING_MARKS:
                    open_at = pos
            elif opens and match.group() not in _CLOSING_MARKS:
                regions.append((open_at, pos))  # an unclosed quotation: a new one opens
                open_at = pos
            else:
                regions.append((open_at, end))
                open_at = None
        if open_at is not None:
            regions.append((open_at, para.end))
    return regions


class _Quotes:
    def __init__(self, regions: list[tuple[int, int]]) -> None:
        self.regions = regions
        self.starts = [r[0] for r in regions]

    def inside(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.regions[i][1]

    def region(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.regions[i][1]:
            return self.regions[i]
        return None


# --- people: names, genders, mentions --------------------------------------------------


class _Person:
    __slots__ = ("gender", "mentions", "name", "parts")

    def __init__(self, name: str, parts: tuple[str, ...]) -> None:
        self.name = name
        self.parts = parts
        self.gender: str | None = None
        self.mentions: list[int] = []


class _People:
    """The people named in a document, with where they were mentioned."""

    def __init__(self) -> None:
        self.by_name: dict[str, _Person] = {}
        self.by_part: dict[str, list[_Person]] = {}

    def add(self, name: str, parts: tuple[str, ...], pos: int, gender: str | None) -> _Person:
        person = self.by_name.get(name)
        if person is None:
            person = self.by_name[name] = _Person(name, parts)
            for part in {parts[0], parts[-1]}:
                self.by_part.setdefault(part, []).append(person)
        bisect.insort(person.mentions, pos)
        if gender and not person.gender:
            person.gender = gender
        return person

    def by_surname(self, part: str, pos: int) -> _Person | None:
        """The most recently mentioned full name (before *pos*) with this first or last part."""
        best: tuple[int, _Person] | None = None
        for person in self.by_part.get(part, ()):
            if len(person.parts) < 2:
                continue
            last = _last_before(person.mentions, pos)
            if last is not None and (best is None or last > best[0]):
                best = (last, person)
        return best[1] if best else None

    def recent(self, pos: int, gender: str | None) -> _Person | None:
        """The most recently mentioned person before *pos* whose gender does not clash."""
        best: tuple[int, _Person] | None = None
        for person in self.by_name.values():
            if gender and person.gender and person.gender != gender:
                continue
            last = _last_before(person.mentions, pos)
            if last is None:
                continue
            rank = (last, len(person.parts) > 1)
            if best is None or rank > (best[0], len(best[1].parts) > 1):
                best = (last, person)
        if best is None:
            return None
        person = best[1]
        if len(person.parts) == 1:  # a surname seen alone: prefer its full form
            full = self.by_surname(person.parts[0], pos)
            return full or person
        return person


def _last_before(positions: list[int], pos: int) -> int | None:
    i = bisect.bisect_left(positions, pos) - 1
    return positions[i] if i >= 0 else None


# --- noun phrases ----------------------------------------------------------------------


def _name_runs(toks: Sequence[_Tok], lo: int, hi: int) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words in ``toks[lo:hi]``.

    Name particles and the connectors "of", "for", "and", "the" between capitalised
    words belong to the run.
    """
    runs: list[tuple[int, int]] = []
    j = lo  # the end of the last run
    for i in [k for k, t in enumerate(toks[lo:hi], lo) if t.cap]:
        if i < j:
            continue  # inside the last run
        j = i + 1
        while j < hi:
            t = toks[j]
            if t.cap and not _possessive(toks[j - 1]):
                j += 1
            elif (
                t.kind == "w"
                and (t.low in _NAME_PARTICLES or t.low in {"of", "for", "and", "the", "&"})
                and j + 1 < hi
                and toks[j + 1].cap
                and not _possessive(toks[j - 1])
            ):
                j += 2
            else:
                break
        runs.append((i, j))
    return runs


# _person_parts's answers by heads, then by the texts and case-folded forms of the run's
# tokens, which fix their kinds too: a document asks about each name run several times,
# and the derivatives of a wire repeat its names.
_PARTS: dict[frozenset[str], dict[tuple[str, ...], tuple[str, ...] | None]] = {}
_PARTS_LIMIT: Final = 50_000
# The most sets of heads (lexicons) cached for at once.
_HEADS_LIMIT: Final = 8
_K = TypeVar("_K")
_V = TypeVar("_V")


def _heads_cache(
    caches: dict[frozenset[str], dict[_K, _V]], heads: frozenset[str], limit: int
) -> dict[_K, _V]:
    """The cache of *caches* for *heads*, emptied once it holds *limit* answers.

    The heads key an outer dictionary, not each answer: a key holding the (tracked)
    set could never be untracked by the garbage collector, which would then walk every
    key of the cache at each full collection.
    """
    cache = caches.get(heads)
    if cache is None or len(cache) >= limit:
        if cache is None and len(caches) >= _HEADS_LIMIT:
            caches.clear()
        cache = caches[heads] = {}
    return cache


def _person_parts(
    toks: Sequence[_Tok], a: int, b: int, heads: frozenset[str]
) -> tuple[str, ...] | None:
    """The name parts of a capitalised run if it looks like a person's name.

    Not a person: a run with an organisation or event word (*heads*: "Harbour
    Council", "Bellwater Systems Inc."), one that opens with "The" ("The Port Alder
    Water"; "The Rev. ..." is a title), acronyms, months and pronouns.
    """
    run = toks[a:b]
    cache = _heads_cache(_PARTS, heads, _PARTS_LIMIT)
    key = (*map(_TEXT, run), *map(_LOW, run))  # as many of each: no two runs alike
    try:
        return cache[key]
    except KeyError:
        parts = cache[key] = _run_person_parts(run, heads)
        return parts


def _run_person_parts(run: Sequence[_Tok], heads: frozenset[str]) -> tuple[str, ...] | None:
    """:func:`_person_parts` of the tokens *run*, uncached."""
    words = [t for t in run if t.kind == "w"]
    if (
        len(words) > 1
        and words[0].low == "the"
        and words[1].low not in _TITLES
        and words[1].low.rstrip(".") not in _TITLES
    ):
        return None
    skip = 0
    while skip < len(words) and (
        words[skip].low in _BEFORE_NAMES or words[skip].low.rstrip(".") in _TITLES
    ):
        skip += 1
    words = words[skip:]
    if not words or len(words) > 4:
        return None
    parts: list[str] = []
    for t in words:
        low = t.low.removesuffix("'s").removesuffix("'")
        if low in heads or low in {"of", "for", "and", "the", "&"}:
            return None
        if t.text.isupper() and len(t.text) > 1 and "." not in t.text:
            return None  # acronyms and capitals-only headline words
        if low in _TIME_NOUNS or low in _PRONOUNS:
            return None
        text = t.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        elif text.endswith(("'", "’")):
            text = text[:-1]
        parts.append(text)
    if len(parts) == 1 and "." in parts[0] and parts[0].isupper():
        return None  # "U.N.", "U.S.": an abbreviation, not a surname
    return tuple(parts)


def _titled_name(toks: Sequence[_Tok], runs: Sequence[tuple[int, int]], end: int) -> bool:
    """Whether the noun phrase ending at *end* is an organisation, a role and a name.

    In "Liverpool manager Brendan Rodgers" the person, not the first name run, is the
    subject. The role is one to three lower-case words; the name, the last run, ends
    the phrase and has two words at least.
    """
    if len(runs) != 2 or runs[1][1] != end or runs[1][1] - runs[1][0] < 2:
        return False
    role = toks[runs[0][1] : runs[1][0]]
    return 1 <= len(role) <= 3 and all(
        t.kind == "w" and not t.cap and t.low not in _NOT_SUBJECT and t.low not in _CLAUSE_WORDS
        for t in role
    )


def _acronym_end(toks: Sequence[_Tok], end: int) -> int:
    """Past a bracketed acronym right after a name at *end*: "Water Authority (PAWA)"."""
    if (
        end + 2 < len(toks)
        and toks[end].text == "("
        and toks[end + 2].text == ")"
        and toks[end + 1].kind == "w"
        and toks[end + 1].text.isupper()
    ):
        return end + 3
    return end


_DAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DAY_PARTS: Final = frozenset("morning afternoon evening night".split())
_CUE_TIMES: Final = frozenset("today yesterday tonight recently repeatedly".split())


def _time_end(toks: Sequence[_Tok], j: int) -> int:
    """Past a bare time adjunct right after the cue: "said Tuesday", "wrote last week".

    Wire copy puts the day straight after the verb; it belongs to the verb group.
    "said on Tuesday" keeps its preposition out of the cue.
    """
    n = len(toks)
    if j >= n or toks[j].kind != "w":
        return j
    low = toks[j].low
    if low in _DAYS and toks[j].cap:
        if j + 1 < n and toks[j + 1].low in _DAY_PARTS:
            return j + 2
        return j + 1
    if low in _CUE_TIMES:
        return j + 1
    if low in {"last", "this"} and j + 1 < n and toks[j + 1].low in _TIME_NOUNS:
        return j + 2
    return j


def _clause_follows(tok: _Tok | None) -> bool:
    """Whether a reported clause or quotation starts at *tok* ("to say that", "to say he")."""
    return tok is not None and (
        tok.kind == "q"
        or tok.text in {":", ","}
        or tok.low in _CLAUSE_STARTS
        or tok.low in _SUBJECT_PRONOUNS
    )


def _possessor(toks: Sequence[_Tok], k: int, lo: int) -> int:
    """Start of the possessor that ends with the possessive at *k*.

    "his", "Mr. Trump's", "the seminar's" (back to its determiner, at most four words).
    """
    if toks[k].low in {"his", "her", "their", "its"}:
        return k
    if toks[k].cap:
        runs = _name_runs(toks, max(lo, k - 5), k + 1)
        if runs and runs[-1][1] == k + 1:
            start = runs[-1][0]
            if start > lo and toks[start - 1].low in _DETERMINERS:
                start -= 1
            return start
        return k
    for j in range(k - 1, max(lo, k - 4) - 1, -1):
        t = toks[j]
        if t.kind != "w" or _verb_like(t) or t.low in _CLAUSE_WORDS:
            break
        if t.low in _DETERMINERS:
            return j
    return k


def _verb_like(tok: _Tok) -> bool:
    """A lower-case word that is most likely a finite verb or a participle."""
    low = tok.low
    return (
        low in _AUX
        or low in _NEGATIVE_AUX
        or (low.endswith("ed") and len(low) > 4 and not tok.text[:1].isupper())
    )


def _np_right(toks: Sequence[_Tok], i: int, hi: int, *, limit: int = 12) -> int:
    """End of the noun phrase starting at *i*: up to punctuation, a clause word or a verb."""
    j = i
    while j < hi and j - i < limit:
        t = toks[j]
        if t.kind != "w":
            if t.text in {"-", "&", "'", "’"} and j > i:
                j += 1
                continue
            break
        if j > i and (t.low in _CLAUSE_WORDS or _verb_like(t)):
            break
        j += 1
    return j


def _np_left(toks: Sequence[_Tok], k: int, lo: int, *, limit: int = 12) -> int:
    """Start of the noun phrase that ends right before *k* (``k`` when there is none).

    A subject pronoun right before *k* is the whole subject ("Tuesday night he said");
    the walk stops at punctuation, clause words and verbs, and drops opening
    conjunctions, adverbs and prepositions ("But Sen. Durbin", "with officials").
    """
    if k - 1 >= lo and toks[k - 1].low in _SUBJECT_PRONOUNS:
        return k - 1
    j = k - 1
    start = k
    while j >= lo and k - j <= limit:
        t = toks[j]
        if t.kind != "w":
            if t.text in {"-", "&"} and j > lo and j < k - 1:
                j -= 1
                continue
            break
        low = t.low
        if low in {"and", "&"}:
            if not (j > lo and toks[j - 1].cap and j + 1 < k and toks[j + 1].cap):
                break
        elif low in _CLAUSE_WORDS or _verb_like(t) or low in _SUBJECT_PRONOUNS:
            break
        start = j
        j -= 1
    if start < k and k - start > limit:
        return k
    while start < k - 1 and toks[start].low in _LEADING:
        start += 1
    return start


# A name run of a segment that may name a person: its first token, name parts, name,
# the gender of its title (Mr., Mrs.: a person) and, for a full name, the gender known.
_Mention = tuple[int, tuple[str, ...], str, str | None, str | None]
# _name_mentions's answers by the segment's text and the organisation and event heads:
# they depend on nothing else, and the derivatives of a wire repeat its sentences.
_MENTIONS: dict[frozenset[str], dict[str, tuple[_Mention, ...]]] = {}
_MENTIONS_LIMIT: Final = 10_000


def _name_mentions(toks: Sequence[_Tok], span: str, heads: frozenset[str]) -> tuple[_Mention, ...]:
    """The name runs of a segment that may name people, cached.

    *toks* are the tokens of the text *span*; the document's dateline and the people
    it has named so far are consulted later (see _Extractor._register_people).
    """
    if span not in _SPANS:
        return tuple(_find_mentions(toks, heads))  # not a span that comes back (see _lex)
    cache = _heads_cache(_MENTIONS, heads, _MENTIONS_LIMIT)
    mentions = cache.get(span)
    if mentions is None:
        mentions = cache[span] = tuple(_find_mentions(toks, heads))
    return mentions


def _find_mentions(toks: Sequence[_Tok], heads: frozenset[str]) -> Iterable[_Mention]:
    for a, b in _name_runs(toks, 0, len(toks)):
        first = toks[a]
        if a == 0 and first.low in _CLAUSE_WORDS:
            continue  # a sentence-opening clause word
        titled = _title_gender(toks, a)  # "Mr.", "Mrs." ...: a person
        if a > 0 and toks[a - 1].low in _AFFILIATION and not titled:
            continue  # a place or body in a title: "the head gardener at Brill Park"
        parts = _person_parts(toks, a, b, heads)  # without titles and function words
        if parts is None:
            continue
        if _group_possessive(toks, b, heads):
            continue  # "Alder Bay Fishermen's Cooperative"
        if len(parts) == 1:
            if a > 0 and toks[a - 1].low in _ARTICLES:
                continue  # a modifier, not a person: "the Alder estuary"
            yield (a, parts, parts[0], titled, None)
        else:
            yield (a, parts, " ".join(parts), titled, titled or _gender_after(toks, b))


def _group_possessive(toks: Sequence[_Tok], b: int, heads: frozenset[str]) -> bool:
    """Whether the run ending at *b* is a group's possessive in an organisation's name.

    "Fishermen's Cooperative", "Farmers' Union": a plural possessive before a
    capitalised name whose head is an organisation word (*heads*).
    """
    last = toks[b - 1]
    if b >= len(toks) or not toks[b].cap or not _possessive(last):
        return False
    if not last.low.endswith(("s'", "men's", "ren's", "ple's")):
        return False
    runs = _name_runs(toks, b, min(len(toks), b + 6))
    return bool(runs) and runs[0][0] == b and toks[runs[0][1] - 1].low in heads


# --- extraction ------------------------------------------------------------------------

# What _Extractor._segment found in a segment, by its text, kind and the quotations near
# it (see _Extractor._found_in), with offsets from its start.
_FOUND: dict[tuple[str, str, tuple[tuple[int, int], ...]], tuple[_Found, ...]] = {}
_FOUND_LIMIT: Final = 10_000


# _Extractor._read_source's answers (the kind's value, and the phrase or a name's parts)
# by the segment's text and the source's token range, for the bundled lexicon.
_READINGS: dict[tuple[str, int, int], tuple[str, str | tuple[str, ...] | None]] = {}
_READINGS_LIMIT: Final = 20_000
_SOURCE_KINDS: Final = {kind.value: kind for kind in SourceKind}


def _quotes_near(quotes: _Quotes, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The quotations that meet ``text[start:end]``, as offsets from *start*, clipped.

    _segment asks about quotations only at offsets within the segment: whether one is
    inside a quotation, where that quotation starts (compared with a later start), ends
    (compared with an end) and how far its end lies (more than _QUOTE_CLOSE). Clipped
    to one before the segment and _QUOTE_CLOSE + 1 past it, the answers are the same.
    """
    regions = quotes.regions
    i = max(bisect.bisect_right(quotes.starts, start) - 1, 0)
    near: list[tuple[int, int]] = []
    low, high = -1, end - start + _QUOTE_CLOSE + 1
    for k in range(i, len(regions)):
        a, b = regions[k]
        if a > end:
            break
        if b > start:
            near.append((max(a - start, low), min(b - start, high)))
    return tuple(near)


def _moved(f: _Found, by: int) -> _Found:
    """*f* with its character offsets (content and more of it) moved by *by*."""
    content = f.content
    if content is not None:
        content = (content[0] + by, content[1] + by)
    more = tuple((s + by, e + by) for s, e in f.more) if f.more else ()
    return _Found(f.cue, f.source, f.source_mode, content, more)


class _Cue(NamedTuple):
    start: int  # token index of the first token of the verb group
    head: int  # token index of the cue word
    end: int  # token index one past the cue (and its adjunct)
    form: _Form
    passive: bool


class _Found(NamedTuple):
    cue: _Cue
    source: tuple[int, int] | None  # token range
    source_mode: str  # left, right, after, possessive, elided, agentless, colon
    content: tuple[int, int] | None  # character range
    more: tuple[tuple[int, int], ...]


class _Extractor:
    def __init__(
        self,
        doc: Document,
        lexicon: ReportingLexicon,
        quote_regions: list[tuple[int, int]] | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.quotes = _Quotes(_quote_regions(doc) if quote_regions is None else quote_regions)
        self.people = _People()
        self.results: list[Attribution] = []
        self.segment = 0  # the index of the segment being read
        self.kind = SegmentKind.SENTENCE  # the kind of the segment being read
        self.body: bool | None = None  # whether it is running text, once asked (_in_body)
        self.heads = lexicon._name_heads  # noqa: SLF001 - our own lexicon
        # What the bundled lexicon finds in a segment is cached (see _found_in).
        self.bundled = lexicon is _default_lexicon()
        self.span = ""  # the text of the segment being read
        place = doc.dateline.place if doc.dateline is not None else ""
        self.places = frozenset(" ".join(p.casefold().split()) for p in place.split(","))

    # -- driving --

    def run(self) -> tuple[Attribution, ...]:
        """Extract the document's attributions, segment by segment."""
        last: int | None = None  # index in results of the attribution quotes may extend
        last_paragraph = -1
        results = self.results
        for seg in self.doc.segments:
            self.segment = seg.index
            toks = _lex(self.text, seg.start, seg.end)
            span = self.span = self.text[seg.start : seg.end]
            self._register_people(toks, span)
            found = self._found_in(toks, seg.kind, seg.start, span)
            if (
                not found
                and last is not None
                and self._continues_quote(seg.start, seg.paragraph, last_paragraph)
            ):
                prior = results[last]
                results[last] = attrs.evolve(prior, continuations=(*prior.continuations, seg.span))
                last_paragraph = seg.paragraph
                continue
            made = [self._build(seg.index, toks, f) for f in found]
            results.extend(made)
            if made:
                last = len(results) - 1
                last_paragraph = seg.paragraph
            elif not self.quotes.inside(seg.start):
                last = None
        return tuple(results)

    def _continues_quote(self, start: int, paragraph: int, last_paragraph: int) -> bool:
        """Whether a segment without cues is more of the last speaker's quotation."""
        text = self.text
        opens = text[start : start + 1] in {'"', "“", "«", "„"} or text.startswith("``", start)
        if paragraph == last_paragraph:
            return opens or self.quotes.inside(start)
        if paragraph == last_paragraph + 1 and opens:
            # a quotation left open at the end of the previous paragraph runs on
            region = self.quotes.region(start - 1) if start else None
            prev = self.doc.paragraphs[last_paragraph]
            return region is not None or self.quotes.region(prev.end - 1) is not None
        return False

    def _register_people(self, toks: list[_Tok], span: str) -> None:
        """Note the people named in a segment (*toks*, the tokens of the text *span*)."""
        people = self.people
        for a, parts, name, titled, gender in _name_mentions(toks, span, self.heads):
            if name.casefold() in self.places:
                continue  # the dateline's place: "Port Alder"
            pos = toks[a].start
            if len(parts) == 1:
                person = people.by_surname(parts[0], pos + 1)
                if person is not None:
                    bisect.insort(person.mentions, pos)
                    if titled and not person.gender:
                        person.gender = titled  # "Barack Obama" ... "Mr. Obama"
                elif titled:
                    people.add(parts[0], parts, pos, titled)  # "Mrs. Clinton"
                continue
            people.add(name, parts, pos, gender)

    # -- one segment --

    def _found_in(self, toks: list[_Tok], kind: SegmentKind, start: int, span: str) -> list[_Found]:
        """:meth:`_segment` of the segment at *start*, whose text is *span*, cached.

        With the bundled lexicon, what is found depends only on the segment's text and
        kind and on the quotations around it, and the derivatives of a wire repeat its
        sentences. The cache holds offsets from the segment's start, and the quotations
        as :func:`_quotes_near` gives them.
        """
        if not self.bundled or span not in _SPANS:
            return self._segment(toks, kind)  # not a span that comes back (see _lex)
        # The kind's value, a plain string: a key of strings and numbers only is one the
        # garbage collector stops tracking, and no longer walks.
        key = (span, kind.value, _quotes_near(self.quotes, start, start + len(span)))
        cached = _FOUND.get(key)
        if cached is None:
            found = self._segment(toks, kind)
            if len(_FOUND) > _FOUND_LIMIT:
                _FOUND.clear()
            _FOUND[key] = tuple(_moved(f, -start) for f in found)
            return found
        self.kind = kind
        self.body = None
        return [_moved(f, start) for f in cached]

    def _segment(self, toks: list[_Tok], kind: SegmentKind) -> list[_Found]:
        found: list[_Found] = []
        self.kind = kind
        self.body = None
        inside = self.quotes.inside
        index = self.lexicon._index  # noqa: SLF001 - our own index
        resume = 0  # where the search goes on after a cue: past its end
        # The words that may start a cue, outside quotations, in order.
        for i in [i for i, t in enumerate(toks) if t.low in index and t.kind == "w"]:
            if i < resume or inside(toks[i].start):
                continue
            cue = self._match_cue(toks, i)
            if cue is None:
                continue
            result = self._attribute(toks, cue, found)
            if result is not None and self._nested_belief(toks, cue, found):
                result = None
            if result is not None:
                found.append(result)
            resume = cue.end
        if not found:
            extra = self._in_source(toks) or self._headline_colon(toks)
            if extra is not None:
                found.append(extra)
        return self._trim_contents(toks, found)

    @staticmethod
    def _nested_belief(toks: list[_Tok], cue: _Cue, found: list[_Found]) -> bool:
        """A belief, intention or finding inside another attribution's content.

        "Sabato said his members believe ...": the belief is part of what Sabato
        said, not a second attribution. Nested speech ("said she told him") stays.
        """
        if cue.form.mode == "speech" or not found or found[-1].content is None:
            return False
        start, end = found[-1].content
        return found[-1].source_mode != "right" and start <= toks[cue.head].start < end

    def _in_body(self, toks: list[_Tok]) -> bool:
        """Whether the segment being read is running text: a sentence, not title-cased.

        Worked out when first asked, since few segments need to know.
        """
        if self.body is None:
            self.body = self.kind is SegmentKind.SENTENCE and not _title_cased(toks)
        return self.body

    def _match_cue(self, toks: list[_Tok], i: int) -> _Cue | None:
        tok = toks[i]
        forms = self.lexicon._index.get(tok.low)  # noqa: SLF001 - our own index
        if not forms:
            return None
        n = len(toks)
        for form in forms:
            rest = form.rest
            end = i + 1 + len(rest)
            # A one-word form (most) matches as it stands: no words after it to check.
            if rest and (
                end > n
                or any(
                    toks[i + 1 + k].low != word or toks[i + 1 + k].kind != "w"
                    for k, word in enumerate(rest)
                )
            ):
                continue
            cue = self._check(toks, i, end, form)
            if cue is not None:
                return cue
        return None

    def _check(self, toks: list[_Tok], i: int, end: int, form: _Form) -> _Cue | None:
        """Whether the match is used as a cue here, and its verb group."""
        tok = toks[i]
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[end] if end < len(toks) else None
        if (
            prev is not None
            and prev.kind == "w"
            and (prev.low, tok.low) in _IDIOMS
            and (i < 2 or toks[i - 2].kind != "w")
        ):
            return None  # "That said, ...", "All told, ..."
        if form.role == "noun":
            if prev is None or not (
                _possessive(prev) or prev.low in {"his", "her", "their", "its"}
            ):
                return None
            if nxt is None or not (nxt.low in {"that", "for", "to", ":"} or nxt.kind == "q"):
                return None  # "his comments about": no content follows
            if "light_only" in form.forms:
                return None  # "China's commitment to": only "made a commitment" reports
            if (
                form.lemma == "claim"
                and nxt.low == "to"
                and (end + 1 >= len(toks) or toks[end + 1].low not in {"be", "have"})
            ):
                return None  # "Clinton's claim to expertise": a title, not a statement
            if form.lemma == "call" and nxt.low in {"for", "on"}:
                end += 1
            return _Cue(i, i, end, form, passive=False)
        if form.role == "source_after":
            return _Cue(i, i, end, form, passive=False)
        spec = self.lexicon.verbs.get(form.lemma, {})
        names = form.forms
        if (
            i > 0
            and tok.cap
            and not (prev is not None and prev.kind == "q")
            and self._in_body(toks)
        ):
            return None  # a name or title in running text: "Planned Parenthood"
        if nxt is not None and nxt.kind == "w" and nxt.low in spec.get("not_before", ()):
            return None
        if prev is not None and prev.kind == "w" and prev.low in spec.get("not_after", ()):
            return None  # "can expect delays": a prediction, nobody's report
        if form.role == "verb" and "phrase" in names:
            start = self._group_start(toks, i)
            return _Cue(start, i, end, form, passive=False)
        if form.role == "light":
            return self._light(toks, i, end, form)
        if (
            prev is not None
            and prev.kind == "w"
            and (
                (prev.low in _ARTICLES if names & {"past", "pp"} else prev.low in _DETERMINERS)
                or (_possessive(prev) and "ing" not in names)
            )
        ):
            return None  # a noun or adjective: "the claims", "his warning", "the reported"
        if (
            "ing" in names
            and prev is not None
            and _possessive(prev)
            and nxt is not None
            and nxt.kind == "w"
            and not nxt.cap
            and nxt.low not in _NOT_ADJECTIVE_NEXT
            and nxt.low not in _AUX
        ):
            return None  # a noun's modifier or subject: "the council's planning office"
        if (
            names & {"past", "pp"}
            and not names & {"base", "s"}
            and prev is not None
            and prev.kind == "w"
            and (prev.text[:1].isdigit() or prev.low in {"in", "of", "with", "among"})
            and nxt is not None
            and nxt.kind == "w"
            and not nxt.cap
            and nxt.low not in _NOT_ADJECTIVE_NEXT
        ):
            return None  # an adjective: "270 pledged delegates", "in reported cases"
        start = self._group_start(toks, i)
        grouped = start < i
        if (
            grouped
            and not names & {"past", "pp", "ing"}
            and ("base" not in names or (prev is not None and prev.low in _BE))
            and any(toks[k].low in _AUX for k in range(start, i))
        ):
            # No verb group ends in an -s form, nor in a plain form after "be": a noun,
            # "Richardson and Cissokho are doubts", "officials have claims".
            return None
        if (
            names == {"base"}
            and not grouped
            and prev is not None
            and prev.low in _NOT_SUBJECT
            and not (prev.low == "to" and _clause_follows(nxt))
        ):
            return None  # "and seek development", "nothing to say about": no own subject
        if "ing" in names and prev is not None and prev.low in _GERUND_BEFORE:
            return None  # a gerund: "efforts in advocating", "by saying"
        if (
            spec.get("also_noun")
            and names & {"base", "s"}
            and not names & {"past", "ing"}
            and not (grouped or self._verb_context(toks, i, end))
            and not ((nxt is None or nxt.kind == "p") and self._trails_content(toks, start))
        ):
            return None  # "the show", but '"...," Viguerie notes.' and ", records show."
        if spec.get("clause_only") and nxt is not None and nxt.kind == "w" and nxt.low != "that":
            inverted = prev is None or prev.kind != "w"
            if (
                not (inverted and nxt.cap)
                and nxt.low not in _PRONOUNS
                and not self._trails_content(toks, start)
            ):
                return None  # "added to the list", but '"Really," she added when ...'
        if (
            form.lemma == "call"
            and "past" in names
            and not grouped
            and prev is not None
            and prev.kind == "w"
            and not prev.cap
            and prev.low not in _PRONOUNS
            and prev.low not in _RELATIVES
            and nxt is not None
            and (nxt.cap or nxt.kind == "q")
        ):
            return None  # "a group called Future45"
        passive = "pp" in names and any(
            toks[k].low in _BE for k in range(start, i) if toks[k].kind == "w"
        )
        if (
            spec.get("raising")
            and "pp" in names
            and nxt is not None
            and nxt.low == "to"
            and (passive or (not grouped and prev is not None and prev.text == ","))
        ):
            return None  # "Bellwater is expected to hand over ...": a prediction about it
        if "pp" in names and not grouped and nxt is not None and nxt.low == "by":
            passive = True  # "a key theme echoed by experts"
        if "pp" in names and not grouped and prev is not None and prev.low in _REDUCED:
            passive = True  # "as discussed", "when asked"
        adjunct_end = self._adjunct_end(toks, end)
        if adjunct_end == end and not passive:
            adjunct_end = self._preposition_end(toks, end, form.lemma)
        return _Cue(start, i, _time_end(toks, adjunct_end), form, passive=passive)

    def _light(self, toks: list[_Tok], i: int, end: int, form: _Form) -> _Cue | None:
        """A light verb with a cue noun: "expressed concern about", "made the case that"."""
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and (prev.low in _DETERMINERS or _possessive(prev)):
            return None
        start = self._group_start(toks, i)
        if any(toks[k].low in _BE for k in range(start, i)) and "pp" in form.forms:
            return None  # "concerns were raised": no speaker in the verb's subject
        nouns = self.lexicon._noun_index  # noqa: SLF001 - our own index
        k = end
        while k < len(toks) and k - end < 4:
            t = toks[k]
            if t.kind != "w" or t.low in _CLAUSE_WORDS or t.low in _AUX:
                return None
            noun = nouns.get(t.low)
            if noun is not None:
                stop = k + 1
                if stop + 1 < len(toks) and toks[stop].low in _NOUN_PREPOSITIONS:
                    stop += 1
                lemma = f"{form.lemma} {noun.lemma}"
                light = _Form((), lemma, form.forms, "light", noun.stance, noun.mode)
                return _Cue(start, i, stop, light, passive=False)
            if t.cap and k > end:
                return None
            k += 1
        return None

    def _preposition_end(self, toks: list[_Tok], end: int, lemma: str) -> int:
        """Take in a preposition that belongs to the verb: "said of", "warned about"."""
        if end + 1 >= len(toks) or toks[end].kind != "w":
            return end
        low = toks[end].low
        after = toks[end + 1]
        if after.kind != "w" or after.low in _TIME_WORDS or after.low in _TIME_NOUNS:
            return end
        if low in _VERB_PREPOSITIONS or (low == "to" and lemma in _TO_VERBS):
            if low == "on" and after.low in {"twitter", "facebook", "tuesday"}:
                return end
            return end + 1
        return end

    def _verb_context(self, toks: list[_Tok], i: int, end: int) -> bool:
        """Whether a plain or -s form that is also a noun is used as a verb here.

        It is when a subject can end right before it (a pronoun, a name, a source
        noun such as "officials" or "polls") and a clause, quotation or object can
        start right after it; "the most state contests" and "U.S. State Department"
        are nouns.
        """
        tok = toks[i]
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[end] if end < len(toks) else None
        if prev is None or prev.kind != "w":
            return False
        low = prev.low
        third = tok.low.endswith("s") and not tok.low.endswith("ss")
        if tok.cap and prev.cap and (nxt is None or nxt.cap):
            return False  # inside a name: "State Department", "Talk Shows"
        clause_next = nxt is None or nxt.low == "that" or nxt.kind == "q" or nxt.text == ":"
        object_next = (
            nxt is not None
            and nxt.kind == "w"
            and (
                nxt.low in _DETERMINERS
                or nxt.low in _OBJECT_PRONOUNS
                or nxt.low in _PRONOUNS
                or (nxt.cap and not tok.cap)
            )
        )
        if low in {"i", "we", "you", "they"} or low in _PLURAL_QUANTIFIERS:
            return not third and (clause_next or object_next)
        if low in {"he", "she", "it"}:
            return third
        if low in _RELATIVES:
            return clause_next or object_next
        if self.lexicon.source_noun_kind([low]) is not None or (
            prev.cap and low not in _DETERMINERS
        ):
            return clause_next or object_next or (nxt is not None and nxt.low in {"to", "for"})
        return False

    @staticmethod
    def _group_start(toks: list[_Tok], i: int) -> int:
        """Extend the cue left over auxiliaries, negation and adverbs."""
        k = i
        while k > 0:
            t = toks[k - 1]
            if t.kind != "w":
                break
            low = t.low
            if (
                low in _AUX
                or low in _NEGATIVE_AUX
                or low in _GROUP_ADVERBS
                or (low.endswith("ly") and len(low) > 4 and low not in _NOT_ADVERBS)
            ) and not t.cap:
                k -= 1
                continue
            if low == "to" and k - 2 >= 0 and toks[k - 2].low in _CATENATIVES:
                k -= 2  # "is expected to say", "continued to complain", "was quick to note"
                continue
            break
        return k

    def _adjunct_end(self, toks: list[_Tok], end: int) -> int:
        first = toks[end].low if end < len(toks) else None
        for rest in self.lexicon._adjunct_index.get(first or "", ()):  # noqa: SLF001
            stop = end + 1 + len(rest)
            if stop <= len(toks) and all(toks[end + 1 + k].low == w for k, w in enumerate(rest)):
                return stop
        return self._setting_end(toks, end)

    def _setting_end(self, toks: list[_Tok], end: int) -> int:
        """Past "in the letter", "in a recent interview": the medium of the words.

        A preposition, a determiner and at most three more words ending in a speech
        or document noun join the cue, like the listed adjuncts; the setting ("at a
        rally", "during the debate") stays out.
        """
        n = len(toks)
        if end + 2 >= n or toks[end].low not in {"in", "at", "during"}:
            return end
        if toks[end + 1].low not in _ARTICLES:
            return end
        stop = end
        for k in range(end + 2, min(n, end + 6)):
            t = toks[k]
            if t.kind != "w" or t.low in _CLAUSE_WORDS or t.low in _PREPOSITIONS:
                break
            if t.low in _SPEECH_NOUNS or self.lexicon.source_noun_kind([t.low]) == "document":
                stop = k + 1  # the last such noun is the head: "in a video statement"
        return stop

    def _trails_content(self, toks: list[_Tok], k: int) -> bool:
        """Whether the cue at *k* follows a short source set off from what precedes it.

        '"Really," she added ...' and '..., campaign records show.': a comma, dash or
        closing quotation mark, then a pronoun, a name or a phrase headed by a source
        noun (at most six words), then the cue; the content is what comes before.
        """
        a = _np_left(toks, k, 0, limit=6)
        if a >= k or a == 0:
            return False
        before = toks[a - 1]
        if not (before.kind == "q" or before.text in {",", "—", "–"}):
            return False
        words = [t for t in toks[a:k] if t.kind == "w"]
        if len(words) == 1 and words[0].low in _SUBJECT_PRONOUNS:
            return True
        if self.lexicon.source_noun_kind([t.low for t in words]) is not None:
            return True
        start = a + 1 if toks[a].low in _ARTICLES else a
        return start < k and all(t.cap for t in toks[start:k])

    # -- sources and contents --

    def _attribute(self, toks: list[_Tok], cue: _Cue, found: list[_Found]) -> _Found | None:
        n = len(toks)
        form = cue.form
        lo = found[-1].cue.end if found else 0
        if form.role == "source_after":
            return self._according_to(toks, cue, lo)
        if form.role == "noun":
            a = _possessor(toks, cue.start - 1, lo)
            if a >= cue.start:
                return None
            content = self._after_content(toks, cue.end, n, skip_words={"that", "for", "to", "of"})
            return _Found(cue, (a, cue.start), "possessive", content, ())
        if cue.passive:
            return self._passive(toks, cue, lo)
        before = toks[cue.start - 1] if cue.start > 0 else None
        # Inverted subject: a quotation, then "said X, title." or "said the official."
        if (
            (before is None or before.kind != "w")
            and cue.end < n
            and form.forms & {"past", "s"}
            and cue.start == cue.head
            and not (
                before is not None
                and before.text == ","
                and self._appositive(toks, cue.start - 1, lo)
            )
        ):
            right = self._inverted_source(toks, cue.end)
            if right is not None:
                content = self._before_content(toks, lo, cue.start)
                return _Found(cue, right, "right", content, ())
        source, mode = self._left_source(toks, cue, lo, found)
        after = self._after_content(
            toks,
            cue.end,
            n,
            receiver=self._takes_receiver(form) and cue.end == cue.head + 1 + len(form.rest),
        )
        at = source[0] if source else cue.start
        before_content = self._before_content(toks, self._outer_lo(toks, found, lo, at), at)
        if mode == "left" and source is not None and before_content is not None:
            # "..., X said." or '"The race," he said, "is tight."'
            if after is None:
                return _Found(cue, source, mode, before_content, ())
            if self._sandwiched(toks, source[0], cue.end):
                return _Found(cue, source, mode, before_content, (after,))
            if (
                self._quoted(before_content)
                or self._participle_next(toks, cue.end)
                or self._adjunct_only(toks, cue.end, n)
            ):
                # '"We are ready," X said at the opening.' or '..., X said, adding ...':
                # what follows the cue is an adjunct or another cue, not the content.
                return _Found(cue, source, mode, before_content, ())
        if (
            after is not None
            and source is not None
            and source[0] > 0
            and (
                (toks[source[0] - 1].low == "with" and "ing" in form.forms)
                or _fronted_clause(toks, source[0] - 1)
            )
        ):
            # "With Americans demanding a new way forward, Boehner uses ...", "So while
            # Lund was slamming the levy, members were ...": a clause of circumstance
            # before the main one, whose content ends at its comma.
            after = _before_comma(toks, cue.end, after, self._mid_quote)
        if after is not None and self._aimed(after):
            # "The actor shouted at the crew on Monday, a witness said.": no content.
            if mode == "left" and source is not None and before_content is not None:
                return _Found(cue, source, mode, before_content, ())
            return None
        return _Found(cue, source, mode, after, ())

    def _mid_quote(self, pos: int) -> bool:
        """Whether *pos* is inside a quotation, and not at its very end.

        A comma that closes a quotation ('called it "bold, brave and costly," Berg
        ...') ends the clause around it too; one inside ("bold, brave") does not.
        """
        region = self.quotes.region(pos)
        return region is not None and region[1] - pos > _QUOTE_CLOSE

    def _outer_lo(self, toks: list[_Tok], found: list[_Found], lo: int, k: int) -> int:
        """Where a content before the source at *k* may start.

        Normally after the previous cue; but "The authority plans to ..., she added."
        and "Bellwater is expected to ..., Lindqvist said.": an attribution whose
        content runs up to this source is part of what this one reports.
        """
        if not found or k <= lo:
            return lo
        prev = found[-1]
        if prev.content is None or prev.source_mode not in {"left", "elided", "agentless"}:
            return lo
        s, e = prev.content
        if not (s < toks[k].start <= e) or toks[k - 1].text != ",":
            return lo
        start = prev.cue.start
        if prev.source is not None and prev.source[0] < start:
            start = prev.source[0]
        if any(t.kind == "q" or t.text in {";", ":"} for t in toks[start:k]):
            return lo
        return start

    def _quoted(self, content: tuple[int, int]) -> bool:
        """Whether a content before the source ends with a closing quotation mark."""
        s, e = content
        region = self.quotes.region(e - 1)
        return region is not None and region[1] == e and region[0] >= s

    @staticmethod
    def _adjunct_only(toks: list[_Tok], j: int, n: int) -> bool:
        """Whether all that follows the cue is a prepositional adjunct.

        "... said at the opening ceremony.", "... said during a visit on Tuesday.".
        """
        if j >= n or toks[j].kind != "w" or toks[j].low not in _ADJUNCT_PREPOSITIONS:
            return False
        end = n
        while end > j and toks[end - 1].kind == "p" and toks[end - 1].text in ".!?…":
            end -= 1
        if end - j > 12:
            return False
        return all(
            (t.kind == "w" or t.text in {"-", "'", "’", "&"})
            and t.low not in {"that", "whether", "if"}
            for t in toks[j:end]
        )

    def _participle_next(self, toks: list[_Tok], j: int) -> bool:
        """Whether ", adding ..." follows the cue: another cue of the same source."""
        return (
            j + 1 < len(toks)
            and toks[j].text == ","
            and toks[j + 1].kind == "w"
            and toks[j + 1].low.endswith("ing")
            and toks[j + 1].low in self.lexicon._index  # noqa: SLF001 - our own index
        )

    def _takes_receiver(self, form: _Form) -> bool:
        return bool(self.lexicon.verbs.get(form.lemma, {}).get("receiver"))

    def _sandwiched(self, toks: list[_Tok], a: int, end: int) -> bool:
        prev = toks[a - 1] if a > 0 else None
        nxt = toks[end] if end < len(toks) else None
        return (
            prev is not None
            and prev.kind != "w"
            and nxt is not None
            and nxt.text == ","
            and end + 1 < len(toks)
            and toks[end + 1].kind == "q"
        )

    def _inverted_source(self, toks: list[_Tok], j: int) -> tuple[int, int] | None:
        n = len(toks)
        t = toks[j]
        if t.kind != "w" or t.low in {"that", "in", "on", "at", "of", "to", "about", "for"}:
            return None
        if not (t.cap or t.low in _DETERMINERS or t.low in {"he", "she", "they"}):
            return None
        k = j
        while k < n:
            tk = toks[k]
            if tk.kind == "q" or tk.text in {":", ";", "(", "—", "–"}:
                break
            if tk.text == "," and k + 1 < n and toks[k + 1].kind == "q":
                break
            if (
                tk.text == ","
                and k + 1 < n
                and toks[k + 1].kind == "w"
                and toks[k + 1].low.endswith("ing")
                and toks[k + 1].low in self.lexicon._index  # noqa: SLF001
            ):
                break
            k += 1
        while k > j and toks[k - 1].kind != "w":
            k -= 1
        if k == j:
            return None
        words = [x for x in toks[j:k] if x.kind == "w"]
        if len(words) > 1 and words[0].low in {"he", "she", "they"}:
            return None  # "said he would ...": a clause, not a speaker
        for x in toks[j:k]:
            if x.text == "," or x.low in _RELATIVES:
                break
            if x.low in _AUX or x.low in _NEGATIVE_AUX:
                return None  # "said the discharge ... was diluted": a clause, not a speaker
        return (j, k)

    def _left_source(
        self, toks: list[_Tok], cue: _Cue, lo: int, found: list[_Found]
    ) -> tuple[tuple[int, int] | None, str]:
        k = cue.start
        if k == 0 or k <= lo:
            return self._elided(toks, found, lo, k)
        prev = toks[k - 1]
        if prev.kind == "w":
            if (prev.low in {"who", "which"}) or (
                prev.low == "that" and k >= 2 and toks[k - 2].kind == "w"
            ):
                return (k - 1, k), "left"
            if prev.low in {"and", "but", "then", "or", "to"}:
                return self._elided(toks, found, lo, k)
            a = _np_left(toks, k, lo)
            if a < k:
                return (a, k), "left"
            return self._elided(toks, found, lo, k)
        if prev.text == "," and "ing" not in cue.form.forms:
            # ", saying ...": the participle's subject is the clause's, not a phrase
            # between commas before it ("Obama, of Illinois, struck at ..., saying").
            appositive = self._appositive(toks, k - 1, lo)
            if appositive is not None:
                return appositive, "left"
        return self._elided(toks, found, lo, k)

    def _appositive(self, toks: list[_Tok], comma: int, lo: int) -> tuple[int, int] | None:
        """``X, title of Org,`` ending with the comma at *comma*: the source range.

        The apposition may have several parts ("Priya Lindqvist, regional director of
        Bellwater Systems Inc., the U.S. firm that built the plant, said"): a person's
        name before an earlier comma (at most two more) wins over the phrase before
        the nearest one; failing both, a source noun before an earlier comma.
        """
        c = comma - 1
        nearest: tuple[int, int] | None = None
        for level in range(3):
            while c > lo and toks[c].text != ",":
                if toks[c].kind == "q" or toks[c].text in {";", ":", "(", ")"}:
                    return nearest
                c -= 1
            if c <= lo or toks[c].text != ",":
                return nearest
            inner = [t for t in toks[c + 1 : comma] if t.kind == "w"]
            if not inner or len(inner) > 30:
                return nearest
            a = _np_left(toks, c, lo)
            if a < c:
                if level == 0 and len(inner) == 1 and inner[0].low in _PARENTHETICAL:
                    return (a, c)
                if self._is_name(toks, a, c):
                    return (a, comma)
                head = toks[a]
                noun_kind = self.lexicon.source_noun_kind([t.low for t in toks[a:c]])
                if level == 0 and (
                    head.cap
                    or head.low in _DETERMINERS
                    or head.low in _PRONOUNS
                    or noun_kind is not None
                ):
                    nearest = (a, comma)
                elif nearest is None and noun_kind is not None:
                    return (a, comma)
            c -= 1
        return nearest

    def _is_name(self, toks: list[_Tok], a: int, b: int) -> bool:
        """Whether ``toks[a:b]`` is exactly a person's name ("Dr. Helen Achterberg")."""
        runs = _name_runs(toks, a, b)
        return (
            len(runs) == 1
            and runs[0] == (a, b)
            and _person_parts(toks, a, b, self.heads) is not None
        )

    def _elided(
        self, toks: list[_Tok], found: list[_Found], lo: int, hi: int
    ) -> tuple[tuple[int, int] | None, str]:
        """The subject of the sentence, for "..., saying ..." and "... and told ..."."""
        if found:
            # "Buchanan says McCain is reckless, but McCain voted ..., and then
            # applauded": a clause with a subject of its own since the last cue.
            subject = _clause_subject(toks, lo, hi)
            if subject is not None:
                return subject, "elided"
        for f in reversed(found):
            if f.source is not None:
                return f.source, "elided"
        i = lo
        n = len(toks)
        # Skip an opening phrase set off by a comma ("On Monday, ...").
        while i < n and toks[i].kind != "w":
            i += 1
        if i < n and toks[i].low in {"on", "in", "at", "after", "before", "during", "earlier"}:
            j = i
            while j < n and toks[j].text != "," and j - i < 10:
                j += 1
            if j < n and toks[j].text == ",":
                i = j + 1
        if i >= n:
            return None, "agentless"
        first = toks[i]
        if first.low in _PRONOUNS:
            return (i, i + 1), "elided"
        name_end = None
        if first.low in _ARTICLES and i + 1 < n and toks[i + 1].cap:
            # "The Port Alder Water Authority (PAWA) opened ..., saying": a name.
            runs = _name_runs(toks, i + 1, min(n, i + 13))
            if runs and runs[0][0] == i + 1:
                name_end = _acronym_end(toks, runs[0][1])
        if first.low in _DETERMINERS:
            # "Their advocacy work extends ..., emphasizing": the determiner and up to
            # three words (after a name: "A U.N. safety report") before a preposition
            # or verb.
            extra = name_end - i - 1 if name_end is not None else 0
            end = _np_right(toks, i, n, limit=4 + extra)
            for j in range(i + 1, end):
                low = toks[j].low
                if (low in _AFFILIATION and low != "of") or (
                    j >= i + 2 + extra and low.endswith("s") and not low.endswith("ss")
                ):
                    end = j  # "Their advocacy work | extends"
                    break
            if name_end is not None and (
                end <= name_end
                or self.lexicon.source_noun_kind([t.low for t in toks[name_end:end]]) is None
            ):
                end = name_end  # the name is the subject, not a modifier
            return (i, end), "elided"
        if first.cap:
            end = _np_right(toks, i, n, limit=8)
            runs = _name_runs(toks, i, end)
            if runs and runs[0][0] == i and not _titled_name(toks, runs, end):
                end = runs[0][1]
            return (i, _acronym_end(toks, end)), "elided"
        return None, "agentless"

    def _passive(self, toks: list[_Tok], cue: _Cue, lo: int) -> _Found:
        n = len(toks)
        source: tuple[int, int] | None = None
        after = cue.end
        if after < n and toks[after].low == "by":
            end = _np_right(toks, after + 1, n)
            if end > after + 1:
                source = (after + 1, end)
                after = end
        if source is None:
            source = self._event_adjunct(toks, cue.end, n)
            if source is not None:
                after = source[1]
        content: tuple[int, int] | None = None
        reduced = cue.start > 0 and toks[cue.start - 1].low in _REDUCED
        if reduced:
            # "The charge, as discussed during the seminar, ...": the clause it comments on.
            content = self._before_content(toks, lo, cue.start - 1)
        else:
            subject_start = _np_left(toks, cue.start, lo)
            if subject_start < cue.start and toks[subject_start].low not in {"it", "this"}:
                content = (toks[subject_start].start, toks[cue.start - 1].end)
        more: tuple[tuple[int, int], ...] = ()
        if content is None:
            content = self._after_content(toks, after, n)
        elif not reduced:
            complement = self._as_complement(toks, after, n)
            if complement is not None:
                more = (complement,)  # "The opening was hailed ... as the end of ..."
        mode = "by" if source else "agentless"
        return _Found(cue, source, mode, content, more)

    @staticmethod
    def _as_complement(toks: list[_Tok], j: int, n: int) -> tuple[int, int] | None:
        """The "as ..." complement of a passive cue: what the subject was called.

        "The opening was hailed across the city as the end of years of uncertainty":
        "as" within a few words of the cue, nothing but words before it.
        """
        k = j
        while k < n and k - j < 6 and toks[k].kind == "w" and toks[k].low != "as":
            if toks[k].low in _CLAUSE_WORDS:
                return None
            k += 1
        if k >= n or toks[k].low != "as" or k + 1 >= n:
            return None
        end = k + 1
        while end < n and toks[end].text != ";" and toks[end].kind != "q":
            end += 1
        while end > k + 1 and toks[end - 1].kind == "p" and toks[end - 1].text in ".,;:!?…":
            end -= 1
        if end <= k + 1:
            return None
        return (toks[k].start, toks[end - 1].end)

    def _event_adjunct(self, toks: list[_Tok], j: int, n: int) -> tuple[int, int] | None:
        """The event of an agentless passive: "as discussed during the seminar"."""
        if j + 1 >= n or toks[j].low not in {"at", "during", "in"}:
            return None
        end = _np_right(toks, j + 1, n, limit=6)
        words = [t.low for t in toks[j + 1 : end] if t.kind == "w"]
        if words and self.lexicon.source_noun_kind(words) == "event":
            return (j + 1, end)
        return None

    def _according_to(self, toks: list[_Tok], cue: _Cue, lo: int) -> _Found | None:
        n = len(toks)
        j = cue.end
        k = j
        while k < n and toks[k].text not in {",", ";", ":", "(", "—", "–"} and toks[k].kind != "q":
            if toks[k].low == "that" and k > j:
                break
            k += 1
        while k > j and toks[k - 1].kind != "w":
            k -= 1
        if k == j:
            return None
        source = (j, k)
        before = self._before_content(toks, lo, cue.start)
        more: tuple[tuple[int, int], ...] = ()
        after = self._after_content(toks, k, n)
        if before is not None:
            content: tuple[int, int] | None = before
            if after is not None:
                more = (after,)
        else:
            content = after
        return _Found(cue, source, "after", content, more)

    def _in_source(self, toks: list[_Tok]) -> _Found | None:
        """``In the new poll, ...`` / ``In his remarks, ...``: a document as the source."""
        if len(toks) < 4 or toks[0].low != "in" or self.quotes.inside(toks[0].start):
            return None
        comma = next((k for k, t in enumerate(toks[:16]) if t.text == ","), None)
        if comma is None or comma < 2:
            return None
        # The noun phrase ends before a participle or a time: "In a poll released
        # Monday, ...", "In a Register poll last month, ...".
        end = _np_right(toks, 1, comma, limit=15)
        end = next((k for k in range(2, end) if toks[k].low in {"last", "this"}), end)
        words = [t.low for t in toks[1:end] if t.kind == "w"]
        head = _head_word(words)
        if head is None or head in _QUANTITY_HEADS:
            return None
        noun = self.lexicon._noun_index.get(head)  # noqa: SLF001 - our own index
        kind = self.lexicon.source_noun_kind(words)
        if kind != "document" and noun is None and head not in _SPEECH_NOUNS:
            return None
        form = _Form((), "in", frozenset({"phrase"}), "source_after")
        cue = _Cue(0, 0, 1, form, passive=False)
        content = self._after_content(toks, comma + 1, len(toks))
        return _Found(cue, (1, comma), "after", content, ())

    def _headline_colon(self, toks: list[_Tok]) -> _Found | None:
        """``China's NGOs help promote rights: experts``: a colon before the source."""
        if ":" not in map(_TEXT, toks):
            return None  # most segments have no colon, which a search in C tells
        colon = None
        for k in range(len(toks) - 1, 0, -1):
            if toks[k].text == ":":
                colon = k
                break
            if toks[k].kind == "q":
                return None
        if colon is None or colon < 3:
            return None
        tail = [t for t in toks[colon + 1 :] if t.kind == "w"]
        if not tail or len(tail) > 4 or any(self.quotes.inside(t.start) for t in tail):
            return None
        kind = self.lexicon.source_noun_kind([t.low for t in tail])
        parts = _person_parts(toks, colon + 1, len(toks), self.heads)
        if kind is None and not (parts and all(t.cap for t in tail)):
            return None
        end = len(toks)
        while end > colon + 1 and toks[end - 1].kind != "w":
            end -= 1
        form = _Form((), ":", frozenset({"phrase"}), "colon")
        cue = _Cue(colon, colon, colon + 1, form, passive=False)
        start = 0
        while start < colon and toks[start].kind != "w" and toks[start].kind != "q":
            start += 1
        content = (toks[start].start, toks[colon - 1].end)
        return _Found(cue, (colon + 1, end), "colon", content, ())

    def _after_content(
        self,
        toks: list[_Tok],
        j: int,
        n: int,
        *,
        receiver: bool = False,
        skip_words: frozenset[str] | set[str] = frozenset({"that"}),
    ) -> tuple[int, int] | None:
        """Content after the cue: up to the end of the sentence."""
        if receiver and j < n and toks[j].kind == "w" and toks[j].low != "that":
            j = self._skip_receiver(toks, j, n)
        j = self._skip_time(toks, j, n)
        while j < n and toks[j].text in {",", ":", "—", "–", "-"}:
            j += 1
        j = self._skip_setting(toks, j, n)
        if j < n and toks[j].kind == "w" and toks[j].low in skip_words:
            j += 1
        end = n
        while end > j and toks[end - 1].kind == "p" and toks[end - 1].text in ".,;:!?…":
            end -= 1
        if end <= j or not any(t.kind == "w" for t in toks[j:end]):
            return None
        return (toks[j].start, toks[end - 1].end)

    @staticmethod
    def _skip_setting(toks: list[_Tok], j: int, n: int) -> int:
        """Past a setting between the cue and a "that" clause.

        "said at a news conference on Monday that ...": the content is the clause, not
        where it was said. A "that" followed by an auxiliary opens a relative clause
        ("in a report that was published ...").
        """
        if j >= n or toks[j].kind != "w" or toks[j].low not in _ADJUNCT_PREPOSITIONS:
            return j
        k = j + 1
        while k < n and k - j <= _SETTING_WORDS and toks[k].kind == "w":
            if toks[k].low == "that":
                after = toks[k + 1] if k + 1 < n else None
                if after is None or after.kind != "w" or after.low in _AUX:
                    return j
                return k
            if toks[k].low in _CLAUSE_STARTS:
                return j
            k += 1
        return j

    def _aimed(self, content: tuple[int, int]) -> bool:
        """Whether a content after the cue only says whom the words were aimed at.

        "shouted at the crew on Monday, a witness said": up to the first comma, a
        target and a setting, no clause and no quotation: nothing the speaker said is
        reported. "said at least ten people died" is content.
        """
        text = self.text[content[0] : content[1]]
        if any(mark in text for mark in _QUOTE_MARKS):
            return False
        words = _CLAUSE_BREAK_RE.split(text, maxsplit=1)[0].casefold().split()
        return _aimed_at(words) and all(w.isalnum() for w in words)

    @staticmethod
    def _skip_receiver(toks: list[_Tok], j: int, n: int) -> int:
        t = toks[j]
        if t.low in _OBJECT_PRONOUNS or t.low in {"reporters", "journalists", "voters"}:
            return j + 1
        if t.cap or t.low in _DETERMINERS:
            k = j + 1
            while k < n and k - j < 5 and toks[k].kind == "w":
                if toks[k].low in {"that", "to", "about", "of", "on", "in", "why", "how", "if"}:
                    break
                if not toks[k].cap and t.cap and toks[k].low not in _TIME_WORDS:
                    break
                k += 1
            return k
        return j

    @staticmethod
    def _skip_time(toks: list[_Tok], j: int, n: int) -> int:
        while j < n and toks[j].kind == "w":
            low = toks[j].low
            if low in _TIME_WORDS:
                j += 1
            elif low in _TIME_LEADS and j + 1 < n and toks[j + 1].low in _TIME_NOUNS:
                j += 2
            elif low in _TIME_NOUNS and j > 0 and toks[j - 1].low in _TIME_WORDS:
                j += 1
            else:
                break
        return j

    @staticmethod
    def _before_content(toks: list[_Tok], lo: int, k: int) -> tuple[int, int] | None:
        """Content before the source or cue: from the start of the clause to *k*.

        There is one only when a comma, dash, colon or closing quotation mark sets it
        off from the source; the closing mark belongs to the content.
        """
        if k <= lo or toks[k - 1].kind == "w":
            return None
        end = k
        while end > lo and toks[end - 1].kind == "p" and toks[end - 1].text in ",;:—–-":
            end -= 1
        start = lo
        while start < end and toks[start].kind == "p" and toks[start].text in ",;:—–-.":
            start += 1
        if end <= start or not any(t.kind == "w" for t in toks[start:end]):
            return None
        return (toks[start].start, toks[end - 1].end)

    def _trim_contents(self, toks: list[_Tok], found: list[_Found]) -> list[_Found]:
        """Cut a content short where the next attribution in the sentence starts."""
        out: list[_Found] = []
        for idx, f in enumerate(found):
            nxt = found[idx + 1] if idx + 1 < len(found) else None
            if nxt is not None and f.content is not None:
                first = toks[nxt.cue.start].start
                if nxt.source is not None and nxt.source[0] > f.cue.end:
                    first = min(first, toks[nxt.source[0]].start)
                s, e = f.content
                if s < first < e and not self._embedded(f, nxt, s, first):
                    cut = first
                    while cut > s and (self.text[cut - 1].isspace() or self.text[cut - 1] in ",;:"):
                        cut -= 1
                    words = self.text[s:cut].split()
                    while words and words[-1].casefold() in _DANGLING:
                        cut = self.text.rindex(words.pop(), s, cut)
                        while cut > s and (
                            self.text[cut - 1].isspace() or self.text[cut - 1] in ",;:"
                        ):
                            cut -= 1
                    if cut > s:
                        f = f._replace(content=(s, cut))  # noqa: PLW2901
                    elif f.more:
                        f = f._replace(content=f.more[0], more=f.more[1:])  # noqa: PLW2901
                    else:
                        f = f._replace(content=None)  # noqa: PLW2901
            out.append(f)
        return out

    def _embedded(self, f: _Found, nxt: _Found, s: int, first: int) -> bool:
        """Whether the next attribution, starting at *first*, is part of *f*'s content.

        "He said the cooperative had asked the builder to ...": the content of an
        indirect report runs to the end of its clause, so an attribution with its own
        subject that opens it (no comma, dash or conjunction before) belongs to it and
        does not cut it. "..., saying ..." (the same speaker again) does cut it.
        """
        if f.source_mode in {"right", "after", "colon"} or nxt.source_mode == "elided":
            return False
        gap = self.text[s:first]
        if any(ch in gap for ch in ',;:—–()"“”'):
            return False
        return not any(w.casefold() in _CLAUSE_BREAKS for w in gap.split())

    # -- building --

    def _build(self, segment: int, toks: list[_Tok], f: _Found) -> Attribution:
        text = self.text
        cue = f.cue
        cue_start = toks[cue.start].start
        cue_end = toks[cue.end - 1].end
        stance = cue.form.stance
        mode = cue.form.mode
        source_span: Span | None = None
        source_text: str | None = None
        name: str | None = None
        kind = SourceKind.AGENTLESS
        if f.source is not None:
            a, b = f.source
            s = toks[a].start
            e = toks[b - 1].end
            last = toks[b - 1]
            if f.source_mode == "possessive" and _possessive(last):
                e = last.end - (2 if last.low.endswith("'s") else 1)
            while e > s and text[e - 1] in ",;:":
                e -= 1
            source_span = Span(s, e)
            source_text = text[s:e]
            kind, name = self._classify(toks, a, b, cue_start)
        content_span: Span | None = None
        content_text: str | None = None
        direct = False
        if f.content is not None and f.content[1] > f.content[0]:  # never an empty content
            s, e = f.content
            content_span = Span(s, e)
            content_text = text[s:e]
            stripped = content_text.lstrip()
            direct = stripped[:1] in {'"', "“", "«", "„"} or stripped.startswith("``")
            if not direct:
                region = self.quotes.region(s)
                direct = region is not None and region[1] >= e and region[0] < s
        return Attribution(
            segment=segment,
            cue=Span(cue_start, cue_end),
            cue_text=text[cue_start:cue_end],
            lemma=cue.form.lemma,
            stance=stance,
            mode=mode,
            source=source_span,
            source_text=source_text,
            source_name=name,
            source_kind=kind,
            content=content_span,
            content_text=content_text,
            direct=direct,
            passive=cue.passive,
            continuations=tuple(Span(s, e) for s, e in f.more),
        )

    def _classify(
        self, toks: list[_Tok], a: int, b: int, pos: int
    ) -> tuple[SourceKind, str | None]:
        if self.bundled and self.span in _SPANS:  # a span that comes back (see _lex)
            # What the words say, before the document's people and speakers resolve a
            # name or pronoun, depends on the segment's text alone: cached (see
            # _Extractor._found_in). The kind is kept as its value, a plain string.
            key = (self.span, a, b)
            reading = _READINGS.get(key)
            if reading is None:
                if len(_READINGS) > _READINGS_LIMIT:
                    _READINGS.clear()
                kind, what = self._read_source(toks, a, b)
                _READINGS[key] = (kind.value, what)
            else:
                kind, what = _SOURCE_KINDS[reading[0]], reading[1]
        else:
            kind, what = self._read_source(toks, a, b)
        if kind is SourceKind.PRONOUN:
            return kind, self._resolve_pronoun(toks, a, pos)
        if isinstance(what, tuple):  # a name's parts
            return kind, self._resolve_name(what, toks[a].start)
        return kind, what

    def _read_source(
        self, toks: list[_Tok], a: int, b: int
    ) -> tuple[SourceKind, str | tuple[str, ...] | None]:
        """The kind of the source ``toks[a:b]`` and its phrase, or a name's parts.

        A pronoun comes without its antecedent and a name's parts without the full
        name they stand for: _classify resolves them.
        """
        words = [t for t in toks[a:b] if t.kind == "w"]
        if not words:
            return SourceKind.OTHER, None
        first = words[0]
        if len(words) == 1 and (first.low in _PRONOUNS or first.low in _RELATIVES):
            return SourceKind.PRONOUN, None
        if first.low in {"his", "her", "their", "its"} and len(words) == 1:
            return SourceKind.PRONOUN, None
        # The head part: up to the first comma; the rest is apposition.
        head_end = b
        for k in range(a, b):
            if toks[k].text == ",":
                head_end = k
                break
        core_end = head_end
        for k in range(a + 1, head_end):
            if toks[k].low in _AFFILIATION:
                core_end = k
                break
        lows = [t.low for t in toks[a:head_end] if t.kind == "w"]
        participle = next(
            (k for k, w in enumerate(lows) if k > 0 and w.endswith("ed") and len(w) > 4), None
        )
        if participle is not None:
            lows = lows[:participle]  # "figures published by PAWA": a document
        noun_kind = self.lexicon.source_noun_kind(lows)
        phrase = " ".join(self.text[toks[a].start : toks[head_end - 1].end].split())
        if phrase.endswith(("'s", "’s")):
            phrase = phrase[:-2]
        parts_found = self._person_in(toks, a, core_end)
        if parts_found is None and head_end + 1 < b and toks[head_end + 1].cap:
            parts_found = self._person_in(toks, head_end + 1, b)
        if parts_found is not None:
            return SourceKind.NAMED, parts_found
        if noun_kind is not None:
            return SourceKind(noun_kind), phrase
        possessor = next(
            (k for k in range(a, head_end - 1) if _possessive(toks[k]) and toks[k + 1].kind == "w"),
            None,
        )
        if possessor is not None and not toks[head_end - 1].cap:
            return SourceKind.GENERIC, phrase  # someone named by role: "Velmora's mayor"
        runs = [
            (ra, rb)
            for ra, rb in _name_runs(toks, a, head_end)
            if not (rb - ra == 1 and (toks[ra].low in _DETERMINERS or toks[ra].low in _LEADING))
        ]
        if runs or any(t.text.isupper() and len(t.text) > 1 for t in words):
            return SourceKind.ORGANISATION, phrase
        return SourceKind.OTHER, phrase

    def _person_in(self, toks: list[_Tok], a: int, b: int) -> tuple[str, ...] | None:
        runs = _name_runs(toks, a, b)
        for ra, rb in reversed(runs):
            if ra > a and (toks[ra - 1].low in _AFFILIATION or toks[ra - 1].low in _DETERMINERS):
                continue  # an affiliation ("of Amity Foundation"), or "the Geneva event"
            parts = _person_parts(toks, ra, rb, self.heads)
            if parts is None:
                continue
            if len(parts) == 1 and rb < b and toks[rb].kind == "w" and not toks[rb].cap:
                continue  # a capitalised modifier: "Local shop owners", "Clinton aides"
            if _possessive(toks[rb - 1]) and rb < b and toks[rb].kind == "w" and not toks[rb].cap:
                continue  # a possessor, not the speaker: "Brill Park's head gardener"
            if len(parts) == 1:
                low = parts[0].casefold()
                if (
                    low in _CLAUSE_WORDS
                    or low in _DETERMINERS
                    or self.lexicon.source_noun_kind([low]) is not None
                ):
                    continue  # "Experts say", "Officials said"
            return parts
        return None

    def _resolve_name(self, parts: tuple[str, ...], pos: int) -> str:
        people = self.people
        if len(parts) == 1:
            person = people.by_surname(parts[0], pos + 1)
            if person is not None:
                bisect.insort(person.mentions, pos)
                return person.name
            people.add(parts[0], parts, pos, None)
            return parts[0]
        name = " ".join(parts)
        people.add(name, parts, pos, None)
        return name

    def _sentence_subject(self, toks: list[_Tok], a: int, gender: str) -> _Person | None:
        """The person who opens the pronoun's sentence, when the pronoun may be them.

        "Barack Obama accused Hillary Rodham Clinton of ..., the agreement that he said
        ...": a speaker pronoun later in the sentence is its subject, not the most
        recent name (whose gender is not known). A pronoun that opens its sentence is
        resolved by recency.
        """
        if a == 0:
            return None
        runs = _name_runs(toks, 0, a)
        if not runs or runs[0][0] != 0:
            return None
        start, end = runs[0]
        parts = _person_parts(toks, start, end, self.heads)
        if parts is None:
            return None
        people = self.people
        if len(parts) == 1:
            person = people.by_surname(parts[0], toks[start].start + 1)
        else:
            person = people.by_name.get(" ".join(parts))
        if person is None or (person.gender is not None and person.gender != gender):
            return None
        return person

    def _last_speaker(self, toks: list[_Tok], a: int, gender: str) -> _Person | None:
        """The named speaker of the sentence before, for a pronoun opening its sentence.

        "Obama accused Clinton of ... . He said ...": a speaker pronoun that opens a
        sentence continues the last sentence's speaker, not its most recent name.
        """
        if any(t.kind == "w" for t in toks[:a]):
            return None
        for prior in reversed(self.results):
            if prior.segment < self.segment - 1:
                return None
            if prior.segment != self.segment - 1 or not prior.source_name:
                continue
            if prior.source_kind not in {SourceKind.NAMED, SourceKind.PRONOUN}:
                continue
            person = self.people.by_name.get(prior.source_name)
            if person is not None and person.gender in {None, gender}:
                return person
            return None
        return None

    def _resolve_pronoun(self, toks: list[_Tok], a: int, pos: int) -> str | None:
        low = toks[a].low
        if low in {"who", "which", "that"}:
            k = a - 1
            if k >= 0 and toks[k].text == ",":
                k -= 1
            if k < 0 or toks[k].kind != "w":
                return None
            start = _np_left(toks, k + 1, 0)
            if start > k:
                return None
            determiners = [d for d in range(start, k + 1) if toks[d].low in _DETERMINERS]
            if determiners:
                start = determiners[-1]  # "released a marketing video that said"
            elif toks[k].cap:
                runs = _name_runs(toks, start, k + 1)
                if runs and runs[-1][1] == k + 1:
                    start = runs[-1][0]
            kind, name = self._classify(toks, start, k + 1, toks[start].start)
            return name if kind is not SourceKind.PRONOUN else None
        if low in _MALE or low in _FEMALE:
            gender = "m" if low in _MALE else "f"
            person = (
                self._sentence_subject(toks, a, gender)
                or self._last_speaker(toks, a, gender)
                or self.people.recent(pos, gender)
            )
            if person is None:
                return None
            if person.gender is None:
                person.gender = gender  # "She said ...": what we learn holds later
            return person.name
        if low in {"they", "their"}:
            for prior in reversed(self.results):
                if prior.source_kind in {
                    SourceKind.GENERIC,
                    SourceKind.ORGANISATION,
                    SourceKind.EVENT,
                } or (prior.source_kind is SourceKind.PRONOUN and prior.source_text == "they"):
                    return prior.source_name or prior.source_text
            return None
        return None


def _title_gender(toks: Sequence[_Tok], a: int) -> str | None:
    low = toks[a].low
    if low in _MALE_TITLES:
        return "m"
    if low in _FEMALE_TITLES:
        return "f"
    return None


def _gender_after(toks: Sequence[_Tok], b: int) -> str | None:
    """The gender of the first personal pronoun after a name in its sentence."""
    for t in toks[b:]:
        if t.kind != "w":
            continue
        if t.low in _MALE:
            return "m"
        if t.low in _FEMALE:
            return "f"
        if (
            t.cap
            and t.low not in _TITLES
            and t.low not in _CLAUSE_WORDS
            and t.low not in _DAYS
            and (t.low not in MONTH_NAMES or t.low == "may")  # "Theresa May"
        ):
            return None  # another name may own the pronoun ("on Sunday" is no name)
    return None


def extract_attributions(
    doc: Document, *, lexicon: ReportingLexicon | None = None
) -> tuple[Attribution, ...]:
    """Find the attributions of a document: who is said to have said what.

    Args:
        doc: The document.
        lexicon: The cues and source nouns to use; :meth:`ReportingLexicon.default`
            when not given.

    Returns:
        The attributions in text order of their cues.

    .. versionadded:: 0.1
    """
    return _Extractor(doc, lexicon or ReportingLexicon.default()).run()


def _extract_attributions(
    doc: Document, lexicon: ReportingLexicon, quote_regions: list[tuple[int, int]]
) -> tuple[Attribution, ...]:
    """:func:`extract_attributions`, given the document's :func:`_quote_regions`.

    For a caller that needs the quotations too: they are found once.
    """
    return _Extractor(doc, lexicon, quote_regions).run()
