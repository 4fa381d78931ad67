"""Added framing: what the derivative says that the wire does not.

* ``framing.unsupported_sentence``: a sentence nothing in the wire supports.
* ``framing.added_heading``: a section heading the wire does not have.
* ``framing.embellishment``: words inside a supported sentence that the wire lacks.
* ``framing.evaluative_language``: judging or intensifying words the aligned wire text
  does not use ("pivotal", "lauded", "particularly noteworthy").
* ``framing.certainty_shift``: a hedged, planned or possible wire statement asserted
  as fact ("can contribute" to "have contributed"), or the reverse.
* ``framing.speculation``: a prediction the wire does not make ("are likely to grow").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from sourcecompare._align import AlignmentLabel
from sourcecompare._documents import SegmentKind
from sourcecompare._findings import Finding, Severity
from sourcecompare.detectors._base import equivalents_of
from sourcecompare.detectors._common import (
    in_wire,
    merge_ranges,
    quoted,
    range_span,
    range_text,
    wire_segments,
)
from sourcecompare.detectors.added import (
    FactLexicon,
    derivative_dates_and_figures,
    fact_lexicon,
    gives_figure,
    wire_figures_of,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sourcecompare._align import SegmentAlignment, SourceMatch
    from sourcecompare._documents import Segment
    from sourcecompare.detectors._base import DetectionContext

__all__ = [
    "AddedHeading",
    "CertaintyShift",
    "Embellishment",
    "EvaluativeLanguage",
    "Speculation",
    "UnsupportedSentence",
]


def _wire_label(entry: SegmentAlignment) -> str:
    """Name the sources: wire sentence 4, wire sentences 1 and 2, or the wire."""
    numbers = [str(s.segment) for s in entry.sources]
    if not numbers:
        return "the wire"
    if len(numbers) == 1:
        return f"wire sentence {numbers[0]}"
    return f"wire sentences {', '.join(numbers[:-1])} and {numbers[-1]}"


class UnsupportedSentence:
    """Report derivative sentences the wire does not support.

    Severity is high when the sentence states specifics the wire lacks (a number or a
    capitalised name not found anywhere in the wire), medium otherwise.

    .. versionadded:: 0.1
    """

    name = "unsupported_sentence"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per unsupported derivative sentence."""
        alignment = context.alignment
        wire_keys = context.wire_memo(
            "framing:wire_stems",
            lambda: frozenset(
                t.stem for w in alignment.wires for s in w.segments for t in s.tokens
            ),
        )
        for entry in alignment.segments:
            segment = alignment.derivative_segment(entry)
            if (
                entry.label is not AlignmentLabel.UNSUPPORTED
                or segment.kind is not SegmentKind.SENTENCE
            ):
                continue
            specifics = [
                t.text
                for i, t in enumerate(segment.tokens)
                if (t.is_number or (t.is_capitalized and i > 0 and not t.is_stop))
                and t.stem not in wire_keys
            ]
            severity = Severity.HIGH if specifics else Severity.MEDIUM
            detail = f"; it adds {', '.join(quoted(s) for s in specifics[:4])}" if specifics else ""
            yield Finding(
                kind="framing.unsupported_sentence",
                severity=severity,
                message=(
                    f"Most of {quoted(segment.text, 70)} is not in the wire: the closest wire "
                    f"sentences cover only {entry.support:.0%} of its content (the threshold "
                    f"is {alignment.options.partial:.0%}){detail}."
                ),
                derivative_spans=[segment.span],
                derivative_segments=[segment.index],
                scores={"support": entry.support, "new_specifics": len(specifics)},
                detector=self.name,
            )


class AddedHeading:
    """Report section headings the wire's headline and headings do not support.

    .. versionadded:: 0.1
    """

    name = "added_heading"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one low-severity finding per added heading."""
        alignment = context.alignment
        for entry in alignment.segments:
            segment = alignment.derivative_segment(entry)
            if segment.kind is SegmentKind.HEADING and entry.label is AlignmentLabel.UNSUPPORTED:
                yield Finding(
                    kind="framing.added_heading",
                    severity=Severity.LOW,
                    message=f"The heading {quoted(segment.text)} is not in the wire.",
                    derivative_spans=[segment.span],
                    derivative_segments=[segment.index],
                    scores={"support": entry.support},
                    detector=self.name,
                )


def _flagged_ranges(
    context: DetectionContext, segment: Segment, aligned: Sequence[Segment]
) -> list[tuple[int, int]]:
    """Token ranges the lexicon detectors report in *segment* (so embellishment skips them)."""
    ranges = []
    found = context._find_all(segment)  # noqa: SLF001 - several categories, one lookup
    for category in ("evaluative", "intensifiers", "speculation"):
        for first, last in found[category]:
            if not in_wire(segment.tokens[first:last], aligned):
                ranges.append((first, last))
    return ranges


class Embellishment:
    """Report words inside supported sentences that the wire does not have.

    The derivative's content words not covered by the sentence's wire sources are
    grouped into phrases (neighbours joined across function words). Words that the
    evaluative-language or speculation detectors report are left to them, and so is a
    figure whose value a wire source gives in other words ("5m" for "5 million", read
    as :class:`~sourcecompare.detectors.AddedFact` reads figures), with the word naming
    its currency when the currency is the same ("kronor" for "crowns"). Severity is medium
    for sentences labelled embellished, low for the others.

    Args:
        lexicon: The word lists figures are read with (:class:`FactLexicon`: its
            magnitudes and currencies); the bundled ones when ``None``.

    .. versionadded:: 0.1
    """

    name = "embellishment"

    def __init__(self, lexicon: FactLexicon | None = None) -> None:
        self.lexicon = fact_lexicon(lexicon, "Embellishment")

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per supported sentence with added phrases."""
        alignment = context.alignment
        for entry in alignment.segments:
            segment = alignment.derivative_segment(entry)
            if (
                not entry.label.supported
                or not entry.new
                or segment.kind is not SegmentKind.SENTENCE
            ):
                continue
            flagged = _flagged_ranges(context, segment, wire_segments(alignment, entry))
            flagged += self._figures_in_wire(context, entry, segment)
            if flagged:
                taken = {i for first, last in flagged for i in range(first, last)}
                new = [(a, b) for a, b in entry.new if taken.isdisjoint(range(a, b))]
            else:  # most sentences: nothing to leave out
                new = [(a, b) for a, b in entry.new]
            phrases = merge_ranges(new, segment)
            if not phrases:
                continue
            texts = [range_text(segment, p) for p in phrases]
            severity = (
                Severity.MEDIUM if entry.label is AlignmentLabel.EMBELLISHED else Severity.LOW
            )
            yield Finding(
                kind="framing.embellishment",
                severity=severity,
                message=(
                    f"Words not in {_wire_label(entry)}: {', '.join(quoted(t, 40) for t in texts)}."
                ),
                derivative_spans=[range_span(segment, p) for p in phrases],
                wire_spans=[alignment.wire_segment(s).span for s in _first_wire(entry)],
                derivative_segments=[segment.index],
                wire_segments=[s.segment for s in _first_wire(entry)],
                wire=entry.sources[0].wire if entry.sources else 0,
                scores={"support": entry.support, "added_phrases": len(phrases)},
                detector=self.name,
            )

    def _figures_in_wire(
        self, context: DetectionContext, entry: SegmentAlignment, segment: Segment
    ) -> list[tuple[int, int]]:
        """Token ranges of the segment's new figures whose value a wire source gives."""
        tokens = segment.tokens
        facts = self.lexicon
        # A new number, or a new word of a figure ("kronor" for the wire's "crowns").
        money, factors = facts.money, facts.factors
        if not any(
            [  # noqa: C419 - a list is cheaper than a generator for a few words
                token.is_number or token.norm in money or token.norm in factors
                for a, b in entry.new
                for token in tokens[a:b]
            ]
        ):
            return []
        equivalents, learned = equivalents_of(context)
        read = derivative_dates_and_figures(context, equivalents, facts)
        figures = [f for f in read[segment.index][0] if f.type == "figure"]
        if not figures:
            return []
        wire_figures = [
            figure
            for source in entry.sources
            for figure in wire_figures_of(context, source.wire, equivalents, learned, facts).get(
                source.segment, ()
            )
        ]
        starts = [t.start for t in tokens]
        ranges = []
        for figure in figures:
            if any(gives_figure(given, [figure]) for given in wire_figures):
                first = bisect.bisect_left(starts, figure.span.start)
                last = bisect.bisect_left(starts, figure.span.end)
                if figure.currency:
                    # The word that names its currency, which the span leaves out: the
                    # same currency in another word ("kronor" for "crowns") is no addition.
                    if first > 0 and tokens[first - 1].norm in money:
                        first -= 1
                    if last < len(tokens) and tokens[last].norm in money:
                        last += 1
                ranges.append((first, last))
        return ranges


class EvaluativeLanguage:
    """Report evaluative and intensifying words the aligned wire text does not use.

    A word counts as used when its stem occurs in the sentence's wire sources (or,
    for an unsupported sentence, anywhere in the wire). Evaluative words are medium
    severity; intensifiers alone are low.

    .. versionadded:: 0.1
    """

    name = "evaluative_language"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per evaluative phrase the wire does not have."""
        alignment = context.alignment
        for entry in alignment.segments:
            segment = alignment.derivative_segment(entry)
            found = context._find_all(segment)  # noqa: SLF001 - two categories, one lookup
            if not (found["evaluative"] or found["intensifiers"]):
                continue
            aligned = wire_segments(alignment, entry)
            judged: set[int] = set()  # token indices inside evaluative matches
            for category, severity in (
                ("evaluative", Severity.MEDIUM),
                ("intensifiers", Severity.LOW),
            ):
                for token_range in found[category]:
                    words = segment.tokens[token_range[0] : token_range[1]]
                    inside = set(range(*token_range))
                    if in_wire(words, aligned) or inside & judged:
                        continue
                    judged |= inside
                    text = range_text(segment, token_range)
                    kind_word = "judges" if category == "evaluative" else "intensifies"
                    yield Finding(
                        kind="framing.evaluative_language",
                        severity=severity,
                        message=(
                            f"{quoted(text)} {kind_word} rather than reports; "
                            f"it is not in {_wire_label(entry)}."
                        ),
                        derivative_spans=[range_span(segment, token_range)],
                        wire_spans=[alignment.wire_segment(s).span for s in _first_wire(entry)],
                        derivative_segments=[segment.index],
                        wire_segments=[s.segment for s in _first_wire(entry)],
                        wire=entry.sources[0].wire if entry.sources else 0,
                        scores={"support": entry.support},
                        detector=self.name,
                    )


class Speculation:
    """Report predictions the aligned wire text does not make ("are likely to grow").

    .. versionadded:: 0.1
    """

    name = "speculation"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one medium-severity finding per added prediction."""
        alignment = context.alignment
        for entry in alignment.segments:
            segment = alignment.derivative_segment(entry)
            predictions = context.find("speculation", segment)
            if not predictions:
                continue
            aligned = wire_segments(alignment, entry)
            for token_range in predictions:
                words = segment.tokens[token_range[0] : token_range[1]]
                if in_wire(words, aligned):
                    continue
                text = range_text(segment, token_range)
                yield Finding(
                    kind="framing.speculation",
                    severity=Severity.MEDIUM,
                    message=(
                        f"{quoted(text)} predicts; there is no such prediction in "
                        f"{_wire_label(entry)}: {quoted(segment.text, 70)}."
                    ),
                    derivative_spans=[range_span(segment, token_range)],
                    derivative_segments=[segment.index],
                    wire_segments=[s.segment for s in _first_wire(entry)],
                    wire=entry.sources[0].wire if entry.sources else 0,
                    scores={"support": entry.support},
                    detector=self.name,
                )


def _first_wire(entry: SegmentAlignment) -> list[SourceMatch]:
    """The sources of *entry* in the wire of its first source.

    A finding's wire spans and segments all point into one wire (``Finding.wire``); a
    sentence fused from two wires is shown against the first.
    """
    return [s for s in entry.sources if s.wire == entry.sources[0].wire]


_SCOPE: Final = 4  # content words after a hedge that it governs
# Dashes that end a clause: an em dash, "--", or a spaced hyphen or en dash (an
# unspaced one joins a compound, "cross-border", or a range, "10–12").
_DASH_RE: Final = re.compile(r"[—―]|--|\s[-‒–]|[-‒–]\s")


class CertaintyShift:
    """Report hedged wire statements asserted as fact, and facts hedged.

    For each wire source of a supported sentence: a hedge in the wire ("can",
    "is expected to", "plans to") whose scope (the next few content words of its
    clause, which ends at a comma or other punctuation) reaches words the derivative
    sentence kept (the word the hedge governs, its first scope word, or two of them),
    while the derivative sentence has no hedge, is a shift from possible to asserted
    (high severity). The reverse, a hedge in the derivative ("reportedly", "may") over
    kept words where the wire sentences have none, and none of them is a question
    (which states nothing as fact either), is a shift from fact to hedged (medium). A
    month is not a hedge ("In May, ..."; see :meth:`Lexicons.find`).

    .. versionadded:: 0.1
    """

    name = "certainty_shift"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield certainty shifts between each supported sentence and its sources."""
        yield from certainty_shifts(context)

    def _detect(self, context: DetectionContext) -> Iterator[Finding]:
        alignment = context.alignment
        for entry in alignment.segments:
            segment = alignment.derivative_segment(entry)
            if not entry.label.supported or not entry.sources:
                continue
            derivative_hedges = context.find("hedges", segment)
            for source in entry.sources:
                wire_segment = alignment.wire_segment(source)
                wire_hedges = context.find("hedges", wire_segment)
                if wire_hedges and not derivative_hedges:
                    # The wire tokens the derivative sentence kept from this source.
                    indices = {
                        k
                        for link in entry.links
                        if link.wire == source.wire and link.wire_segment == source.segment
                        for k in range(*link.wire_tokens)
                    }
                    for hedge in wire_hedges:
                        scope = _scope(wire_segment, hedge)
                        reached = [i for i in scope if i in indices]
                        if not reached or (scope[0] not in reached and len(reached) < 2):
                            # One far word of the scope kept ("if action is taken
                            # after the incident": "the incident") is not the statement.
                            continue
                        derivative_words = _asserted_words(
                            context, entry, segment, source.wire, source.segment, scope, reached
                        )
                        yield self._finding(
                            entry,
                            segment,
                            wire_segment,
                            source.wire,
                            hedge,
                            derivative_words,
                            asserted=True,
                        )
                        break
                elif derivative_hedges and not any(
                    # A question states nothing as fact, any more than a hedge does.
                    _is_question(other_segment) or context.find("hedges", other_segment)
                    for other_segment in map(alignment.wire_segment, entry.sources)
                ):
                    for hedge in derivative_hedges:
                        scope = _scope(segment, hedge)
                        links = [link for link in entry.links if link.derivative[0] in scope]
                        if links:
                            yield self._finding(
                                entry,
                                segment,
                                wire_segment,
                                source.wire,
                                hedge,
                                [link.derivative for link in links],
                                asserted=False,
                            )
                            break

    def _finding(
        self,
        entry: SegmentAlignment,
        segment: Segment,
        wire_segment: Segment,
        wire: int,
        hedge: tuple[int, int],
        derivative_words: list[tuple[int, int]],
        *,
        asserted: bool,
    ) -> Finding:
        if asserted:
            wire_text = range_text(
                wire_segment, (hedge[0], min(len(wire_segment.tokens), hedge[1] + 2))
            )
            words = ", ".join(quoted(range_text(segment, r)) for r in derivative_words[:3])
            message = (
                f"The wire hedges ({quoted(wire_text)}), the derivative asserts it as fact "
                f"({words}) with no hedge."
            )
            spans = [range_span(segment, r) for r in derivative_words]
            wire_spans = [range_span(wire_segment, hedge)]
            severity = Severity.HIGH
        else:
            hedge_text = range_text(segment, hedge)
            message = (
                f"The derivative hedges with {quoted(hedge_text)} what wire sentence "
                f"{wire_segment.index} states as fact: {quoted(wire_segment.text, 60)}."
            )
            spans = [range_span(segment, hedge)]
            wire_spans = [wire_segment.span]
            severity = Severity.MEDIUM
        return Finding(
            kind="framing.certainty_shift",
            severity=severity,
            message=message,
            derivative_spans=spans,
            wire_spans=wire_spans,
            derivative_segments=[segment.index],
            wire_segments=[wire_segment.index],
            wire=wire,
            scores={"support": entry.support, "asserted": 1.0 if asserted else 0.0},
            detector=self.name,
        )


def _scope(segment: Segment, hedge: tuple[int, int]) -> list[int]:
    """Indices of the first few content tokens after a hedge, within its clause.

    The clause ends at punctuation (:func:`_clause_break`): in "placed in seemingly
    random spots, these arrows were markers", "seemingly" governs "random spots", not
    what the arrows were.
    """
    tokens = segment.tokens
    scope: list[int] = []
    for index in range(hedge[1], len(tokens)):
        if _clause_break(segment, index):
            break
        if not tokens[index].is_stop:
            scope.append(index)
        if len(scope) >= _SCOPE:
            break
    return scope


def _gap_before(segment: Segment, index: int) -> str:
    """The text between token *index* and the one before it."""
    return segment.text[
        segment.tokens[index - 1].end - segment.start : segment.tokens[index].start - segment.start
    ]


# Auxiliaries: a derivative's own verb group starts with one ("has already been approved").
_AUXILIARIES: Final = frozenset(
    "am is are was were be been being has have had having will shall do does did "
    "'s 're 've 'll".split()
)
# Adverbs that stand inside a verb group ("is almost certain", "has now been approved").
_ADVERBS: Final = frozenset("almost nearly now still soon also not never even ever".split())


_QUESTION_END: Final = re.compile(r"\?[\s\"'’”»)\]]*\Z")


def _is_question(segment: Segment) -> bool:
    """Whether *segment* is a question: it ends with a question mark (closing quotes aside)."""
    return _QUESTION_END.search(segment.text) is not None


def certainty_shifts(context: DetectionContext) -> tuple[Finding, ...]:
    """The findings of :class:`CertaintyShift`, computed once per context.

    ``framing.claim_strength`` reads them so as not to report the same hedge twice.
    """
    return context.memo(
        "framing:certainty_shift",
        lambda: tuple(CertaintyShift()._detect(context)),  # noqa: SLF001
    )


def _asserted_words(
    context: DetectionContext,
    entry: SegmentAlignment,
    segment: Segment,
    wire: int,
    wire_index: int,
    scope: Sequence[int],
    reached: Sequence[int],
) -> list[tuple[int, int]]:
    """The derivative words that assert what a wire hedge governed: its predicate.

    The hedge's first scope word is the verb it governs ("could *resume*", "is
    expected to *vote*"). Where the derivative kept that verb, the evidence is the
    derivative's verb group around it ("will resume", "has already been approved").
    Where it did not, the evidence is the derivative's own verb group after the
    kept words (the subject, as in "A second plant ... *has already been approved*").
    Failing both, it is the kept words of the hedge's scope.
    """
    links = [
        link
        for link in entry.links
        if link.wire == wire and link.wire_segment == wire_index and link.wire_tokens[0] in reached
    ]
    if not links:
        return []
    tokens = segment.tokens
    boosters = {first for first, _ in context.find("boosters", segment)}

    def joins(index: int) -> bool:
        token = tokens[index]
        adverb = token.norm.endswith("ly") and not token.is_stop  # not "only"
        return token.norm in _AUXILIARIES or token.norm in _ADVERBS or index in boosters or adverb

    verb = next((link.derivative for link in links if link.wire_tokens[0] == scope[0]), None)
    if verb is not None:
        first = verb[0]
        while first > 0 and joins(first - 1) and not _clause_break(segment, first):
            first -= 1
        return [(first, verb[1])]
    # The derivative's own verb group: the first auxiliary after the kept words, in
    # their clause, up to and including the next content word.
    after = max(link.derivative[1] for link in links)
    for index in range(after, len(tokens)):
        if _clause_break(segment, index):
            break
        if tokens[index].norm in _AUXILIARIES:
            last = index
            while (
                last + 1 < len(tokens)
                and (joins(last + 1) or tokens[last + 1].is_stop)
                and not _clause_break(segment, last + 1)
            ):
                last += 1
            if last + 1 < len(tokens) and not _clause_break(segment, last + 1):
                last += 1  # the verb (or adjective) the group ends with
            return [(index, last + 1)]
    return [link.derivative for link in links]


def _clause_break(segment: Segment, index: int) -> bool:
    """Whether punctuation that ends a clause stands before token *index*."""
    if index == 0:
        return False
    gap = _gap_before(segment, index)
    return any(mark in gap for mark in ",;:()") or bool(_DASH_RE.search(gap))
