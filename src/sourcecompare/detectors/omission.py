"""Omissions: what the wire reports that the derivative dropped.

* ``omission.sentence``: a wire sentence left out, or kept only in part (the dropped
  words shown), ranked by salience: the lead, quotes, named speakers, figures.
* ``omission.entity``: a person, organisation, place or event the wire names and the
  derivative never mentions (variants count as mentions: "Zhu" for "Zhu Guijie",
  "UN" for "United Nations").
* ``omission.figure``: a number, quantity or date the wire gives and the derivative
  does not (compared token by token: "3.5 percent" is not found in "23.5 percent").
* ``omission.quote``: a direct quote of the wire that the derivative neither quotes
  nor paraphrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from sourcecompare._align import WireFate
from sourcecompare._attribution import SourceKind
from sourcecompare._documents import SegmentKind
from sourcecompare._findings import Finding, Severity
from sourcecompare._spans import Span
from sourcecompare._tokens import MONTH_NAMES, tokenize
from sourcecompare.detectors._base import derivative_units, equivalents_of
from sourcecompare.detectors._common import (
    held_together,
    merge_ranges,
    quoted,
    range_span,
    range_text,
)
from sourcecompare.detectors.added import (
    FactLexicon,
    currency_changed,
    derivative_dates_and_figures,
    fact_lexicon,
    gives_figure,
    wire_figures_of,
)

if TYPE_CHECKING:
    from sourcecompare._documents import Document, Segment
    from sourcecompare._keys import Equivalents, Learned, Unit
    from sourcecompare._tokens import Token
    from sourcecompare.detectors._base import DetectionContext
    from sourcecompare.detectors.added import _Fact

__all__ = ["OmittedEntity", "OmittedFigure", "OmittedQuote", "OmittedSentence"]

_CONNECTORS: Final = frozenset(["of", "for", "and", "the", "through", "on", "de", "du", "von"])
_ORGANISATION: Final = frozenset(
    """association foundation university college school council center centre ministry
    department agency authority committee commission organization organisation company
    inc corp corporation bank party union institute group board court police army
    navy office bureau federation league alliance network cooperative fund trust
    systems society church parliament congress senate government""".split()
)
_EVENT: Final = frozenset(
    """conference summit session forum games festival cup championship election
    meeting seminar symposium congress expo olympics war""".split()
)
# Words that belong to a figure's value: "42 million", "18 percent", "6 a.m.".
_MAGNITUDES: Final = frozenset(
    """million billion trillion thousand hundred percent per cent bn m k pct am pm""".split()
)
_QUOTE_RE: Final = re.compile(r"[\"“](?P<inside>[^\"“”]{3,}?)[\"”]")


@attrs.frozen
class _Mention:
    """A name or figure in the wire: where it stands and what it must match."""

    segment: int
    tokens: tuple[int, int]
    span: Span
    text: str
    keys: frozenset[str]
    kind: str


def _gap(segment: Segment, left: Token, right: Token) -> str:
    return segment.text[left.end - segment.start : right.start - segment.start]


def _kind(words: Sequence[Token]) -> str:
    lowered = {t.norm for t in words}
    if lowered & _ORGANISATION:
        return "organisation"
    if lowered & _EVENT:
        return "event"
    if 2 <= len(words) <= 3 and all(t.is_capitalized for t in words):
        return "person"
    return "name"


def _name_runs(segment: Segment, capitalised_elsewhere: set[str]) -> Iterator[tuple[int, int]]:
    """Token ranges of capitalised names (joined across "of", "for", "and" ...)."""
    tokens = segment.tokens
    j = 0  # the end of the last run
    for i in [k for k, t in enumerate(tokens) if t.is_capitalized and _name_part(t)]:
        if i < j:
            continue  # inside the last run
        token = tokens[i]
        j = i + 1
        while j < len(tokens):
            gap = _gap(segment, tokens[j - 1], tokens[j])
            possessive = tokens[j - 1].norm != tokens[j - 1].text.casefold().replace("’", "'")
            if gap.strip() or (possessive and j - 1 == i):
                # Punctuation ends a name, and so does a possessive on its first word
                # ("China's NGOs"), but not inside one ("Fishermen's Cooperative").
                break
            if _name_part(tokens[j]):
                j += 1
            elif (
                tokens[j].norm in _CONNECTORS
                and j + 1 < len(tokens)
                and _name_part(tokens[j + 1])
                and not _gap(segment, tokens[j], tokens[j + 1]).strip()
            ):
                j += 2
            else:
                break
        first_alone = i == 0 and j == 1 and token.norm not in capitalised_elsewhere
        if not first_alone:
            yield (i, j)


def _name_part(token: Token) -> bool:
    return token.is_capitalized and not token.is_stop and not token.is_date and not token.is_number


def _capitalised_inside(doc: Document) -> set[str]:
    """Normal forms of the words *doc* writes capitalised inside a sentence."""
    return {
        t.norm
        for s in doc.sentences
        for i, t in enumerate(s.tokens)
        if i > 0 and t.is_capitalized and not t.is_stop
    }


def _capitalised(context: DetectionContext, wire: int) -> set[str]:
    """:func:`_capitalised_inside` of wire number *wire*, computed once per wire."""
    return context.wire_memo(
        ("omission:capitalised", wire), lambda: _capitalised_inside(context.wires[wire])
    )


def _names(doc: Document, equivalents: Equivalents, elsewhere: set[str]) -> list[_Mention]:
    """The names of *doc*'s sentences; *elsewhere* is :func:`_capitalised_inside` of *doc*."""
    mentions = []
    for segment in doc.sentences:
        for first, last in _name_runs(segment, elsewhere):
            words = segment.tokens[first:last]
            keys = frozenset(equivalents.key(t) for t in words if not t.is_stop)
            mentions.append(
                _Mention(
                    segment.index,
                    (first, last),
                    range_span(segment, (first, last)),
                    range_text(segment, (first, last)),
                    keys,
                    _kind(words),
                )
            )
    return mentions


def _keys_of(
    tokens: Sequence[Token], equivalents: Equivalents, units: Sequence[Unit] | None = None
) -> tuple[list[str], set[str]]:
    """The key of each of *tokens*, and the keys of their multi-word units.

    One pass of :meth:`Equivalents.units_of` (or its *units*, when known): a unit of
    one token has that token's key, so only the words of multi-word units are keyed
    again one by one.
    """
    if units is None:
        units = equivalents.units_of(tokens)
    if len(units) == len(tokens):  # no multi-word unit: the usual case
        return [unit.key for unit in units], set()
    keys: list[str] = []
    unit_keys: set[str] = set()
    for unit in units:
        if unit.last - unit.first == 1:
            keys.append(unit.key)
        else:
            unit_keys.add(unit.key)
            keys.extend(equivalents.key(t) for t in tokens[unit.first : unit.last])
    return keys, unit_keys


class _Keyed(NamedTuple):
    """What the omission detectors match the wire's mentions against.

    Attributes:
        equivalents: The equivalents they key with.
        derivative: Per derivative segment (and its dateline), the keys of its tokens
            and of its multi-word units.
        capitalised: Keys of the derivative's capitalised content words (its
            surnames, among others).
        holding: For each key the detectors may ask about (:func:`_asked`: those of
            the wires' names and figures), the indices in *derivative* of the sets
            that hold it.
    """

    equivalents: Equivalents
    derivative: list[set[str]]
    capitalised: set[str]
    holding: dict[str, set[int]]

    def together(self, keys: frozenset[str]) -> bool:
        """Whether one derivative segment (or the dateline) has all of *keys*.

        The same as ``any(keys <= found for found in self.derivative)`` for keys
        that are not empty, by intersecting where each key is.
        """
        return held_together(self.holding, keys)


def _derivative_keys(
    doc: Document,
    equivalents: Equivalents,
    units: Sequence[Sequence[Unit]],
    asked: AbstractSet[str],
) -> _Keyed:
    """The derivative's keys (see :class:`_Keyed`); *units*: those of its segments.

    *asked*: the keys :meth:`_Keyed.together` may be asked about, the only ones
    indexed (a derivative has hundreds of keys; the wires' names and figures, a
    few dozen).
    """
    derivative = []
    capitalised: set[str] = set()
    for segment, segment_units in zip(doc.segments, units, strict=True):
        tokens = segment.tokens
        keys, unit_keys = _keys_of(tokens, equivalents, segment_units)
        derivative.append({*keys, *unit_keys})
        # The keys of the capitalised content words, picked out in C (compress).
        capitalised.update(
            compress(keys, [token.is_capitalized and not token.is_stop for token in tokens])
        )
    if doc.dateline is not None:
        keys, unit_keys = _keys_of(_tokens_of(doc, doc.dateline.span), equivalents)
        derivative.append({*keys, *unit_keys})
    holding: dict[str, set[int]] = {}
    for number, found in enumerate(derivative):
        for key in found & asked:
            where = holding.get(key)
            if where is None:
                holding[key] = {number}
            else:
                where.add(number)
    return _Keyed(equivalents, derivative, capitalised, holding)


def _shared(context: DetectionContext) -> _Keyed:
    """The equivalents the omission detectors key with, and the derivative's keys.

    The equivalents know the acronyms the texts define, as the alignment's do; all
    omission detectors use the same ones, so that what each finds does not depend on
    which of them runs first.
    """

    def compute() -> _Keyed:
        equivalents, learned = equivalents_of(context)
        return _derivative_keys(
            context.derivative,
            equivalents,
            derivative_units(context),
            _asked(context, equivalents, learned),
        )

    return context.memo("omission:keys", compute)


def _asked(context: DetectionContext, equivalents: Equivalents, learned: Learned) -> frozenset[str]:
    """Every key the omission detectors look for together, gathered once per wire.

    Those of the wires' names and figures: what :meth:`_Keyed.together` is asked.
    """

    def compute() -> frozenset[str]:
        keys: set[str] = set()
        for wire in range(len(context.wires)):
            for mention, _ in _wire_names(context, wire):
                keys |= mention.keys
            for mention in _wire_figures(context, wire, equivalents, learned):
                keys |= mention.keys
        return frozenset(keys)

    return context.wire_memo(("omission:asked", learned), compute)


def _wire_figures(
    context: DetectionContext, wire: int, equivalents: Equivalents, learned: Learned
) -> list[_Mention]:
    """:func:`_figures` of wire number *wire*, read once per wire."""
    return context.wire_memo(
        ("omission:figures", wire, learned), lambda: _figures(context.wires[wire], equivalents)
    )


def _present(mention: _Mention, keyed: _Keyed) -> bool:
    """Whether the derivative mentions a wire name (whose keys are not empty)."""
    if keyed.together(mention.keys):
        return True
    if mention.kind == "person":
        return bool(mention.keys & keyed.capitalised)
    return False


def _named_speakers(context: DetectionContext, wire: int) -> set[int]:
    """:func:`_find_named_speakers`, computed once per wire."""
    return context.wire_memo(
        ("omission:named_speakers", wire), lambda: _find_named_speakers(context, wire)
    )


def _find_named_speakers(context: DetectionContext, wire: int) -> set[int]:
    """Indices of the wire's segments holding the cue of an attribution to a name.

    A name is a named person, a pronoun resolved to a name, or an organisation with a
    capitalised word in its source phrase ("the Halvik council"); a capital that only
    opens the sentence ("Police said") counts when the wire also writes the word
    capitalised inside a sentence.
    """
    doc = context.wires[wire]
    inside: set[str] | None = None
    found = set()
    for attribution in context.attributions(wire):
        kind = attribution.source_kind
        if kind is SourceKind.NAMED or (
            kind is SourceKind.PRONOUN and attribution.source_name is not None
        ):
            found.add(attribution.segment)
        elif kind is SourceKind.ORGANISATION and attribution.source is not None:
            if inside is None:
                inside = _capitalised(context, wire)
            tokens = doc.segments[attribution.segment].tokens
            opening = tokens[0].start if tokens else -1
            source = tokenize(doc.text, attribution.source.start, attribution.source.end)
            if any(
                t.is_capitalized and not t.is_stop and (t.start != opening or t.norm in inside)
                for t in source
            ):
                found.add(attribution.segment)
    return found


def _salience(context: DetectionContext) -> list[dict[int, dict[str, bool]]]:
    """Per wire, per sentence (by segment index): its salience points (see OmittedSentence)."""
    found = []
    for wire_index, wire in enumerate(context.wires):
        speakers = _named_speakers(context, wire_index)
        found.append(
            {
                segment.index: {
                    "lead": position < 2,
                    "quote": bool(_QUOTE_RE.search(segment.text)),
                    "speaker": segment.index in speakers,
                    "figure": any(t.is_number for t in segment.tokens),
                }
                for position, segment in enumerate(wire.sentences)
            }
        )
    return found


class OmittedSentence:
    """Report wire sentences the derivative leaves out or keeps only in part.

    Salience counts one point each for: the lead (first two body sentences), a direct
    quote, a named speaker (an attribution whose cue is in the sentence and whose
    source is a name: a named person, a pronoun resolved to one, or an organisation
    written with a capital), a figure.
    An omitted sentence is high severity at salience 2 or more, medium otherwise; a
    partly kept one is low, or medium when its dropped words include a figure or name.

    .. versionadded:: 0.1
    """

    name = "omitted_sentence"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per omitted or partly kept wire sentence."""
        alignment = context.alignment
        points_of = context.wire_memo("omission:salience", lambda: _salience(context))
        for fate in alignment.wire_sentences:
            segment = alignment.wire_segment(fate)
            if segment.kind is not SegmentKind.SENTENCE or fate.fate is WireFate.KEPT:
                continue
            points = points_of[fate.wire][segment.index]
            salience = sum(points.values())
            scores = {"coverage": fate.coverage, "salience": float(salience)}
            if fate.fate is WireFate.OMITTED:
                reasons = [name for name, hit in points.items() if hit]
                why = f" ({', '.join(reasons)})" if reasons else ""
                yield Finding(
                    kind="omission.sentence",
                    severity=Severity.HIGH if salience >= 2 else Severity.MEDIUM,
                    message=(
                        f"Wire sentence {segment.index}{why} is left out: "
                        f"{quoted(segment.text, 80)}."
                    ),
                    wire_spans=[segment.span],
                    wire_segments=[segment.index],
                    wire=fate.wire,
                    scores=scores,
                    detector=self.name,
                )
                continue
            phrases = merge_ranges(fate.dropped, segment)
            if not phrases:
                continue
            dropped_tokens = [t for a, b in phrases for t in segment.tokens[a:b]]
            specific = any(t.is_number or t.is_capitalized for t in dropped_tokens)
            texts = ", ".join(quoted(range_text(segment, p), 50) for p in phrases[:6])
            more = f" and {len(phrases) - 6} more" if len(phrases) > 6 else ""
            yield Finding(
                kind="omission.sentence",
                severity=Severity.MEDIUM if specific else Severity.LOW,
                message=(
                    f"Wire sentence {segment.index} is kept only in part (coverage "
                    f"{fate.coverage:.2f}); dropped: {texts}{more}."
                ),
                derivative_spans=[
                    alignment.derivative.segments[i].span for i in fate.derivative_segments
                ],
                wire_spans=[range_span(segment, p) for p in phrases],
                wire_segments=[segment.index],
                derivative_segments=fate.derivative_segments,
                wire=fate.wire,
                scores=scores,
                detector=self.name,
            )


class OmittedEntity:
    """Report names (people, organisations, places, events) the derivative never mentions.

    A name counts as mentioned when one derivative segment contains all its words
    (by key, so "UN" matches "United Nations" and "Chinese" matches "China"), or,
    for a person, when any part of the name appears capitalised ("Zhu").

    .. versionadded:: 0.1
    """

    name = "omitted_entity"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per omitted name, with every wire mention as evidence."""
        keyed = _shared(context)
        for wire_index in range(len(context.wires)):
            reported: dict[frozenset[str], list[_Mention]] = {}
            for mention, part in _wire_names(context, wire_index):
                if part or _present(mention, keyed):
                    # A part: "Zhu" after "Zhu Guijie", the full name is reported.
                    continue
                reported.setdefault(mention.keys, []).append(mention)
            for group in reported.values():
                first = group[0]
                severity = Severity.LOW if first.kind == "name" else Severity.MEDIUM
                yield Finding(
                    kind="omission.entity",
                    severity=severity,
                    message=(
                        f"The wire names {quoted(first.text)} ({first.kind}); the derivative "
                        "never mentions it."
                    ),
                    wire_spans=[m.span for m in group],
                    wire_segments=sorted({m.segment for m in group}),
                    wire=wire_index,
                    scores={"mentions": float(len(group))},
                    detector=self.name,
                )


def _figures(doc: Document, equivalents: Equivalents) -> list[_Mention]:
    """Numbers with their units, dates and weekdays in the wire's sentences and dateline."""
    found = []
    for segment in doc.sentences:
        tokens = segment.tokens
        j = 0  # the end of the last figure
        # Every figure starts with a date or a number.
        for i in [k for k, t in enumerate(tokens) if t.is_date or t.is_number]:
            if i < j:
                continue  # inside the last figure
            token = tokens[i]
            if token.is_date and not token.is_number and token.norm not in MONTH_NAMES:
                # A weekday.
                found.append(_figure(segment, (i, i + 1), equivalents, "date"))
                j = i + 1
                continue
            if (
                token.is_date
                and not token.is_number
                and i + 1 < len(tokens)
                and tokens[i + 1].is_number
            ):
                j = i + 2
                if j < len(tokens) and tokens[j].is_number and tokens[j].is_date:
                    j += 1  # "Jan. 1, 2026": the year belongs to the date
                found.append(_figure(segment, (i, j), equivalents, "date"))
                continue
            if token.is_number:
                j = i + 1
                while j < len(tokens) and (tokens[j].norm in _MAGNITUDES or tokens[j].text == "%"):
                    j += 1
                # Show the counted noun too ("4.2 million crowns", "55th session").
                counted = j < len(tokens) and not tokens[j].is_stop and not tokens[j].is_capitalized
                shown = j + 1 if counted and not token.is_date else j
                kind = "date" if token.is_date else "figure"
                found.append(_figure(segment, (i, j), equivalents, kind, shown=shown))
    return found


def _figure(
    segment: Segment,
    token_range: tuple[int, int],
    equivalents: Equivalents,
    kind: str,
    *,
    shown: int | None = None,
) -> _Mention:
    """A figure whose *token_range* must be found; ``shown`` extends what is displayed."""
    words = segment.tokens[token_range[0] : token_range[1]]
    keys = frozenset(u.key for u in equivalents.units_of(words))
    display = (token_range[0], shown or token_range[1])
    return _Mention(
        segment.index,
        display,
        range_span(segment, display),
        range_text(segment, display),
        keys,
        kind,
    )


class OmittedFigure:
    """Report numbers, quantities and dates the derivative does not give.

    A figure is found when one derivative segment has all its parts, token by token
    ("42 million" needs both "42" and "million"; "March 12" both "March" and "12"),
    or when the derivative gives its value in another form, as
    :class:`~sourcecompare.detectors.AddedFact` reads values: "5m", "five million" or
    "5,000,000" for "5 million", a rounding such as "about 5,000" for 4,987, in the
    same currency when both name one ("£5m" does not give "5 million crowns"). The
    dateline's date is the dateline detector's. Quantities are medium severity, dates
    low.

    Args:
        lexicon: The word lists figures are read with (:class:`FactLexicon`: its
            magnitudes and currencies); the bundled ones when ``None``.

    .. versionadded:: 0.1
    """

    name = "omitted_figure"

    def __init__(self, lexicon: FactLexicon | None = None) -> None:
        self.lexicon = fact_lexicon(lexicon, "OmittedFigure")

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per omitted figure or date, with every wire mention."""
        keyed = _shared(context)
        equivalents, learned = equivalents_of(context)
        lists = self.lexicon
        given: list[_Fact] | None = None  # the derivative's figures, read when needed

        def figures(wire_index: int, mention: _Mention) -> tuple[list[_Fact], list[_Fact]]:
            """The derivative's figures, and the wire's that *mention* stands for."""
            nonlocal given
            if given is None:
                read = derivative_dates_and_figures(context, equivalents, lists)
                given = [
                    fact for found, _ in read.values() for fact in found if fact.type == "figure"
                ]
            wire_figures = wire_figures_of(context, wire_index, equivalents, learned, lists)
            overlapping = [
                figure
                for figure in wire_figures.get(mention.segment, ())
                if figure.span.start < mention.span.end and mention.span.start < figure.span.end
            ]
            return given, overlapping

        def given_in_other_words(wire_index: int, mention: _Mention) -> bool:
            derivative, wire = figures(wire_index, mention)
            return bool(derivative and wire) and all(gives_figure(f, derivative) for f in wire)

        def in_other_currency(wire_index: int, mention: _Mention) -> bool:
            derivative, wire = figures(wire_index, mention)
            return any(currency_changed(f, derivative) for f in wire)

        for wire_index in range(len(context.wires)):
            mentions = _wire_figures(context, wire_index, keyed.equivalents, learned)
            reported: dict[frozenset[str], list[_Mention]] = {}
            for mention in mentions:
                if not mention.keys:
                    continue
                if keyed.together(mention.keys):
                    # Its words are there; as a figure, it may be in another currency.
                    if mention.kind != "figure" or not in_other_currency(wire_index, mention):
                        continue
                elif mention.kind == "figure" and given_in_other_words(wire_index, mention):
                    continue
                reported.setdefault(mention.keys, []).append(mention)
            for group in reported.values():
                first = group[0]
                where = f"wire sentence {first.segment}"
                yield Finding(
                    kind="omission.figure",
                    severity=Severity.LOW if first.kind == "date" else Severity.MEDIUM,
                    message=(
                        f"The wire gives the {first.kind} {quoted(first.text)} ({where}); "
                        "the derivative does not."
                    ),
                    wire_spans=[m.span for m in group],
                    wire_segments=sorted({m.segment for m in group}),
                    wire=wire_index,
                    scores={"mentions": float(len(group))},
                    detector=self.name,
                )


def _tokens_of(doc: Document, span: Span) -> tuple[Token, ...]:
    return tokenize(doc.text, span.start, span.end)


class OmittedQuote:
    """Report direct quotes of the wire the derivative neither quotes nor paraphrases.

    A quote (three words or more inside quotation marks) is kept when some derivative
    segment has at least half of its content words; what became of kept quotes is
    the attribution detectors' business.

    .. versionadded:: 0.1
    """

    name = "omitted_quote"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one medium-severity finding per dropped direct quote."""
        equivalents, derivative, _, _ = _shared(context)
        _, learned = equivalents_of(context)
        for wire_index, wire in enumerate(context.wires):
            quotes = context.wire_memo(
                ("omission:quotes", wire_index, learned),
                lambda wire=wire: _wire_quotes(wire, equivalents),  # type: ignore[misc]
            )
            for segment, inside, start, end, content in quotes:
                best = max(len(content & keys) for keys in derivative) / len(content)
                if best >= 0.5:
                    continue
                yield Finding(
                    kind="omission.quote",
                    severity=Severity.MEDIUM,
                    message=(
                        f"The wire quotes {quoted(inside, 70)} (wire sentence "
                        f"{segment.index}); the derivative has neither the quote nor its words."
                    ),
                    wire_spans=[Span(start, end)],
                    wire_segments=[segment.index],
                    wire=wire_index,
                    scores={"best_share": best},
                    detector=self.name,
                )


def _wire_quotes(
    wire: Document, equivalents: Equivalents
) -> list[tuple[Segment, str, int, int, set[str]]]:
    """The wire's direct quotes of three words or more: segment, words inside, span, keys."""
    found = []
    for segment in wire.sentences:
        for match in _QUOTE_RE.finditer(segment.text):
            start = segment.start + match.start("inside")
            end = segment.start + match.end("inside")
            words = [t for t in segment.tokens if start <= t.start and t.end <= end]
            content = {equivalents.key(t) for t in words if not t.is_stop}
            if len(words) < 3 or not content:
                continue
            found.append((segment, match.group("inside"), start, end, content))
    return found


def _wire_names(context: DetectionContext, wire: int) -> list[tuple[_Mention, bool]]:
    """The names of wire number *wire* that have keys, each with whether it is part of another.

    A part ("Zhu" after "Zhu Guijie") is not reported: the full name is.
    """
    equivalents, learned = equivalents_of(context)

    def compute() -> list[tuple[_Mention, bool]]:
        mentions = _names(context.wires[wire], equivalents, _capitalised(context, wire))
        return [
            (mention, any(mention.keys < other.keys for other in mentions))
            for mention in mentions
            if mention.keys
        ]

    return context.wire_memo(("omission:names", wire, learned), compute)
