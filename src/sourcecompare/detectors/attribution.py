"""Attribution drift: who the derivative says said what, compared with the wire.

Wire statements are followed through the alignment (see ``_statements``): for each
derivative sentence that carries a wire speaker's words, the detectors compare who
the derivative names with who the wire names.

* ``attribution.speaker_dropped``: a speaker's words are stated as fact, or behind an
  agentless passive ("have been lauded").
* ``attribution.speaker_generalised``: a named speaker becomes a vaguer source ("this
  gathering", "officials", "a researcher").
* ``attribution.speaker_amplified``: one named speaker becomes several ("experts", "a
  key theme echoed by experts").
* ``attribution.speaker_changed``: a named speaker's words are given to another person.
* ``attribution.cue_changed``: the reporting verb gains a stance the wire's does not
  have ("said" to "claimed", "admitted", "insisted").
* ``attribution.quote_altered``: words inside quotation marks differ from the wire's
  quotation.
* ``attribution.paraphrase_quoted``: words the wire reports indirectly appear inside
  quotation marks.
* ``attribution.fabricated``: content the wire does not support is attributed to
  someone: the event, experts, a document or a named person.
* ``attribution.credit_removed``: the wire credits an agency ("(Xinhua)", "Source:
  Reuters") and the derivative credits it nowhere.
* ``attribution.dateline_removed``: the wire's dateline (place and date of the
  reporting) is gone, and the derivative gives neither its place nor its date.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from sourcecompare._align import lcs_pairs
from sourcecompare._attribution import Attribution, SourceKind
from sourcecompare._attribution import _quote_regions as quote_regions
from sourcecompare._findings import Finding, Severity
from sourcecompare._spans import Span
from sourcecompare.detectors._common import merge_ranges, quoted, range_span, range_text
from sourcecompare.detectors._statements import (
    Carried,
    Reading,
    Relation,
    Speaker,
    content_spans,
    covered_share,
    in_wire_share,
    readings,
    speaker_of,
)

if TYPE_CHECKING:
    from sourcecompare._documents import Document, Segment
    from sourcecompare._furniture import AgencyList
    from sourcecompare._tokens import Token
    from sourcecompare.detectors._base import DetectionContext

__all__ = [
    "CreditRemoved",
    "CueChanged",
    "DatelineRemoved",
    "Fabricated",
    "ParaphraseQuoted",
    "QuoteAltered",
    "SpeakerAmplified",
    "SpeakerChanged",
    "SpeakerDropped",
    "SpeakerGeneralised",
]

STANCE_WEIGHT: Final = {
    "neutral": 0,
    "emphatic": 1,
    "arguing": 1,
    "insistent": 2,
    "approving": 2,
    "disapproving": 2,
    "alarming": 2,
    "doubting": 3,
    "denying": 3,
    "conceding": 3,
}
"""How much colour a reporting cue's stance adds to a statement; stances not listed
(requesting, committing, predicting, believing, tentative) say what kind of statement
it is rather than colouring it, and are not compared."""

_STANCE_SEVERITY: Final = {1: Severity.LOW, 2: Severity.MEDIUM, 3: Severity.HIGH}

MIN_QUOTE_WORDS: Final = 4
"""Quotations shorter than this (scare quotes, titles) are not checked."""

UNSUPPORTED_CONTENT: Final = 0.5
"""An attribution is fabricated when the wire supports less than this share of its content."""

ALTERED_QUOTE: Final = 0.5
"""A derivative quotation sharing at least this share of its words, in order, with a
wire quotation is that quotation, altered."""

PARAPHRASED: Final = 0.6
"""A quotation that matches no wire quotation, yet whose content words the alignment
links to the wire at least in this share, is a paraphrase put in quotation marks."""


def _credits_agency(doc: Document, agency: str, agencies: AgencyList) -> bool:
    """Whether *doc* credits *agency* anywhere: furniture, or its text.

    In running text, long spellings count wherever they stand ("according to
    Reuters"); short ones (AP, PA) only in brackets or beside a reporting word, so
    that "PA" for Pennsylvania is no credit.
    """
    if any(credit.agency == agency for credit in doc.credits):
        return True
    known = next((a for a in agencies.agencies if a.name == agency), None)
    spellings = (agency, *(known.aliases if known else ()))
    text = doc.text
    # A quick look first: every pattern below needs each word of the spelling, as
    # written (or, ignoring case, as lower-cased in an ASCII text, where no other
    # character folds to an ASCII letter).
    lowered = text.lower() if text.isascii() else None
    for spelling in spellings:
        if len(spelling) > 4:
            if (
                lowered is not None
                and spelling.isascii()
                and not all(w.lower() in lowered for w in spelling.split())
            ):
                continue
        elif not all(w in text for w in spelling.split()):
            continue
        words = r"\s+".join(re.escape(w) for w in spelling.split())
        if len(spelling) > 4:
            pattern = rf"(?<![\w-]){words}(?![\w-])"
            if re.search(pattern, doc.text, re.IGNORECASE):
                return True
        else:
            pattern = (
                rf"\(\s*{words}\s*\)|(?<![\w-]){words}(?![\w-])\s+(?:said|reported|reports|says)"
                rf"|(?:told|to|by|via|from)\s+(?:the\s+)?{words}(?![\w-])"
            )
            if re.search(pattern, doc.text):
                return True
    return False


class CreditRemoved:
    """Report agencies the wire credits and the derivative does not.

    High severity: a reader of the derivative cannot tell the story is agency copy.

    .. versionadded:: 0.1
    """

    name = "credit_removed"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per agency credited by a wire and not by the derivative."""
        derivative = context.derivative
        for wire_index, wire in enumerate(context.wires):
            for agency in sorted({credit.agency for credit in wire.credits}):
                if _credits_agency(derivative, agency, context.agencies):
                    continue
                mentions = [c for c in wire.credits if c.agency == agency]
                where = ", ".join(sorted({c.where.replace("_", " ") for c in mentions}))
                yield Finding(
                    kind="attribution.credit_removed",
                    severity=Severity.HIGH,
                    message=(
                        f"The wire credits {agency} ({where}); the derivative credits it nowhere."
                    ),
                    wire_spans=[c.span for c in mentions],
                    wire=wire_index,
                    detector=self.name,
                )


class DatelineRemoved:
    """Report a wire dateline whose place and date the derivative both leave out.

    Low severity: the dateline says where and when the agency reported from.

    .. versionadded:: 0.1
    """

    name = "dateline_removed"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per wire dateline the derivative drops."""
        derivative = context.derivative
        text = derivative.text.casefold()
        for wire_index, wire in enumerate(context.wires):
            line = wire.dateline
            if line is None or derivative.dateline is not None:
                continue
            place = line.place.split(",")[0].strip()
            missing = []
            spans = []
            if not re.search(rf"(?<!\w){re.escape(place.casefold())}(?!\w)", text):
                missing.append(f"the place {quoted(place)}")
                spans.append(line.place_span)
            if line.date and line.date_span and line.date.casefold() not in text:
                missing.append(f"the date {quoted(line.date)}")
                spans.append(line.date_span)
            if not missing:
                continue
            yield Finding(
                kind="attribution.dateline_removed",
                severity=Severity.LOW,
                message=(
                    f"The wire's dateline {quoted(line.text)} is gone, and the derivative "
                    f"does not give {' or '.join(missing)} of the reporting."
                ),
                wire_spans=spans,
                wire=wire_index,
                detector=self.name,
            )


# --- speakers ---------------------------------------------------------------------------


def _names(names: Sequence[str]) -> str:
    """Join names: "A", "A and B", "A, B and C"."""
    unique = list(dict.fromkeys(names))
    if len(unique) == 1:
        return unique[0]
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def _attribution_text(doc: Document, attribution: Attribution) -> str:
    """The source and cue of an attribution as written ("Zhu added", "Li Juan … said")."""
    spans = [attribution.cue] + ([attribution.source] if attribution.source else [])
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    if end - start <= 40 or attribution.source is None:
        return doc.text[start:end]
    name = attribution.source_name or attribution.source_text or ""
    if attribution.source.start < attribution.cue.start:
        return f"{name} … {attribution.cue_text}"
    return f"{attribution.cue_text} … {name}"


def _attribution_spans(attribution: Attribution) -> list[Span]:
    spans = [attribution.cue]
    if attribution.source is not None:
        spans.append(attribution.source)
    return spans


def _carried_text(segment: Segment, tokens: Sequence[int]) -> tuple[str, list[Span]]:
    """The derivative words from the first carried token to the last.

    Also returns the spans of the runs of carried words.
    """
    ranges = merge_ranges(((k, k + 1) for k in tokens), segment)
    spans = [range_span(segment, r) for r in ranges]
    return range_text(segment, (ranges[0][0], ranges[-1][1])), spans


class _Drift(NamedTuple):
    reading: Reading
    doc: Document
    speakers: str
    wire_says: str
    carried: str
    direct: bool


class _SpeakerDrift:
    """Shared by the detectors that compare a wire statement's speaker with the derivative's."""

    name = ""
    relation = Relation.KEPT
    kind = ""
    level = Severity.MEDIUM
    named_level = Severity.MEDIUM

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per derivative attribution (or unattributed sentence)."""
        derivative = context.derivative
        for reading in readings(context):
            by_wire: dict[int, list[Carried]] = {}
            for carried, relation in zip(reading.carried, reading.relations, strict=True):
                if relation is self.relation:
                    by_wire.setdefault(carried.wire, []).append(carried)
            for wire_index, items in sorted(by_wire.items()):
                segment = derivative.segments[reading.segment]
                wire = context.wires[wire_index]
                tokens = sorted({k for c in items for k in c.tokens})
                carried_text, carried_spans = _carried_text(segment, tokens)
                speakers = _names([c.speaker.name for c in items])
                first: dict[tuple[Speaker, int], Attribution] = {}
                for c in items:
                    first.setdefault((c.speaker, c.attribution.segment), c.attribution)
                wire_says = _names([quoted(_attribution_text(wire, a), 60) for a in first.values()])
                derivative_spans = list(carried_spans)
                if reading.attribution is not None:
                    derivative_spans += _attribution_spans(reading.attribution)
                wire_spans = [
                    span
                    for c in items
                    for span in (
                        *_attribution_spans(c.attribution),
                        *([c.attribution.content] if c.attribution.content else []),
                    )
                ]
                yield Finding(
                    kind=self.kind,
                    severity=self.severity(items),
                    message=self.message(
                        _Drift(
                            reading,
                            derivative,
                            speakers,
                            wire_says,
                            quoted(carried_text, 60),
                            all(c.attribution.direct for c in items),
                        )
                    ),
                    # Sets: a finding sorts its spans.
                    derivative_spans=set(derivative_spans),
                    wire_spans=set(wire_spans),
                    derivative_segments=[reading.segment],
                    wire_segments=sorted({c.attribution.segment for c in items}),
                    wire=wire_index,
                    scores={
                        "carried_share": max(c.share for c in items),
                        "speakers": len({c.speaker for c in items}),
                    },
                    detector=self.name,
                )

    def severity(self, items: Sequence[Carried]) -> Severity:
        """How much the drift matters: :attr:`named_level` when a named person drifted."""
        if any(c.speaker.kind is SourceKind.NAMED for c in items):
            return self.named_level
        return self.level

    def message(self, drift: _Drift) -> str:  # pragma: no cover - overridden
        """One sentence naming the words involved."""
        raise NotImplementedError


class SpeakerDropped(_SpeakerDrift):
    """Report wire statements the derivative states as fact, or behind an agentless passive.

    High severity for a named speaker (a person's words become the derivative's own
    assertion), medium for an unnamed or institutional one ("experts said").

    .. versionadded:: 0.1
    """

    name = "speaker_dropped"
    relation = Relation.DROPPED
    kind = "attribution.speaker_dropped"

    level = Severity.MEDIUM
    named_level = Severity.HIGH

    def message(self, drift: _Drift) -> str:
        """Say how the speaker disappeared."""
        if drift.reading.attribution is not None:
            how = (
                f"behind the agentless passive {quoted(drift.reading.attribution.cue_text)}, "
                "with no speaker"
            )
        else:
            how = "as fact, with no speaker"
        verb = "quotes" if drift.direct else "attributes it to"
        return (
            f"The derivative states {drift.carried} {how}; the wire {verb} "
            f"{drift.speakers} ({drift.wire_says})."
        )


class SpeakerGeneralised(_SpeakerDrift):
    """Report named speakers the derivative replaces with a vaguer source.

    "This gathering underscored ..." for what two named speakers said; "a researcher
    said" for "Li Juan said". Medium severity: the statement keeps a source, but the
    reader can no longer tell who it is or weigh their standing.

    .. versionadded:: 0.1
    """

    name = "speaker_generalised"
    relation = Relation.GENERALISED
    kind = "attribution.speaker_generalised"
    level = Severity.MEDIUM
    named_level = Severity.MEDIUM

    def message(self, drift: _Drift) -> str:
        """Say who the derivative names instead."""
        assert drift.reading.attribution is not None  # noqa: S101 - a generalised speaker is one
        said = _attribution_text(drift.doc, drift.reading.attribution)
        source = drift.reading.attribution.source_text or ""
        kind = drift.reading.speaker.kind.value if drift.reading.speaker else "unnamed"
        return (
            f"The derivative's {quoted(said, 60)} credits {quoted(source, 50)} ({kind}) with "
            f"{drift.carried}, which the wire attributes to {drift.speakers} ({drift.wire_says})."
        )


class SpeakerAmplified(_SpeakerDrift):
    """Report one named speaker's statement presented as the view of several people.

    "A key theme echoed by experts" for what one person said. High severity: the
    derivative turns a single opinion into apparent consensus.

    .. versionadded:: 0.1
    """

    name = "speaker_amplified"
    relation = Relation.AMPLIFIED
    kind = "attribution.speaker_amplified"
    level = Severity.HIGH
    named_level = Severity.HIGH

    def message(self, drift: _Drift) -> str:
        """Say who the one speaker became."""
        assert drift.reading.attribution is not None  # noqa: S101 - an amplified speaker is one
        said = _attribution_text(drift.doc, drift.reading.attribution)
        return (
            f"The derivative's {quoted(said, 60)} presents {drift.carried} as the view of several "
            f"people; the wire attributes it to one, {drift.speakers} ({drift.wire_says})."
        )


class SpeakerChanged(_SpeakerDrift):
    """Report a named speaker's statement attributed to another named person.

    High severity: the derivative puts words in someone else's mouth.

    .. versionadded:: 0.1
    """

    name = "speaker_changed"
    relation = Relation.CHANGED
    kind = "attribution.speaker_changed"
    level = Severity.HIGH
    named_level = Severity.HIGH

    def message(self, drift: _Drift) -> str:
        """Say who the derivative names instead."""
        assert drift.reading.attribution is not None  # noqa: S101 - a changed speaker is one
        assert drift.reading.speaker is not None  # noqa: S101
        said = _attribution_text(drift.doc, drift.reading.attribution)
        return (
            f"The derivative's {quoted(said, 60)} attributes {drift.carried} to "
            f"{drift.reading.speaker.name}; the wire attributes it to {drift.speakers} "
            f"({drift.wire_says})."
        )


class CueChanged:
    """Report a reporting verb that colours a statement the wire reports plainly.

    Cues are graded by stance (:data:`STANCE_WEIGHT`): "said" (neutral) to "stressed"
    (emphatic) is low severity; to "insisted", "lauded" or "warned" medium; to
    "claimed", "admitted" or "denied", which cast doubt or guilt, high. Only
    statements whose speaker the derivative keeps are compared; other changes are
    reported as speaker drift.

    .. versionadded:: 0.1
    """

    name = "cue_changed"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per derivative cue more coloured than the wire's."""
        for reading in readings(context):
            presenting = reading.attribution
            if presenting is None or presenting.passive:
                continue
            after = STANCE_WEIGHT.get(presenting.stance)
            if after is None:
                continue
            kept = [
                c
                for c, relation in zip(reading.carried, reading.relations, strict=True)
                if relation is Relation.KEPT and STANCE_WEIGHT.get(c.attribution.stance, 99) < after
            ]
            for wire_index in sorted({c.wire for c in kept}):
                items = [c for c in kept if c.wire == wire_index]
                before = max(STANCE_WEIGHT[c.attribution.stance] for c in items)
                wire_cues = _names([quoted(c.attribution.cue_text) for c in items])
                stances = _names([c.attribution.stance for c in items])
                speakers = _names([c.speaker.name for c in items])
                yield Finding(
                    kind="attribution.cue_changed",
                    severity=_STANCE_SEVERITY[after],
                    message=(
                        f"The derivative reports {speakers} with {quoted(presenting.cue_text)} "
                        f"({presenting.stance}) where the wire has {wire_cues} ({stances})."
                    ),
                    derivative_spans=[presenting.cue],
                    wire_spans={c.attribution.cue for c in items},
                    derivative_segments=[reading.segment],
                    wire_segments=sorted({c.attribution.segment for c in items}),
                    wire=wire_index,
                    scores={"stance_before": before, "stance_after": after},
                    detector=self.name,
                )


class Fabricated:
    """Report content the wire does not support, attributed to a source.

    "Experts argue that ...", "The seminar's call for ...", "... was discussed during
    the seminar", "According to the announcement, ..." where the wire has no such
    statement: less than :data:`UNSUPPORTED_CONTENT` of the attributed content's
    words are in the aligned wire text, and less than the alignment's ``supported``
    threshold of their weight occurs anywhere in the wire (so that a summary of what
    several wire speakers said, which the alignment cannot pin to one sentence, is
    not called invented). High severity: the derivative lends its own
    claims the authority of the event, of experts or of a named person. A quotation
    the wire does not have is reported here when it is the content of such an
    attribution.

    .. versionadded:: 0.1
    """

    name = "fabricated"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per derivative source credited with unsupported content."""
        alignment = context.alignment
        derivative = context.derivative
        attributions = context.attributions(None)
        presenting = {r.attribution for r in readings(context) if r.attribution is not None}
        seen: dict[tuple[int, str], Finding] = {}
        for attribution in attributions:
            speaker = speaker_of(attribution, attributions)
            if speaker is None or attribution in presenting:
                continue
            segment = derivative.segments[attribution.segment]
            entry = alignment.segments[attribution.segment]
            tokens = _content_indices(segment, attribution)
            if len([k for k in tokens if not segment.tokens[k].is_stop]) < 3:
                own = {*_span_indices(segment, attribution.cue)}
                if attribution.source is not None:
                    own |= set(_span_indices(segment, attribution.source))
                tokens = [k for k in range(len(segment.tokens)) if k not in own]
            share = covered_share(entry, tokens, segment.tokens)
            anywhere = in_wire_share(context, [segment.tokens[k] for k in tokens])
            if share >= UNSUPPORTED_CONTENT or anywhere >= alignment.options.supported:
                continue
            key = (attribution.segment, speaker.name.casefold())
            if key in seen:
                continue
            content = attribution.content_text or segment.text
            said = _attribution_text(derivative, attribution)
            seen[key] = Finding(
                kind="attribution.fabricated",
                severity=Severity.HIGH,
                message=(
                    f"The derivative's {quoted(said, 60)} credits {_who(speaker.kind)} with "
                    f"{quoted(content, 70)}, which the wire does not report: the aligned wire "
                    f"text has {share:.0%} of its words, the whole wire {anywhere:.0%} by weight."
                ),
                derivative_spans=[
                    *_attribution_spans(attribution),
                    *([attribution.content] if attribution.content else [segment.span]),
                ],
                derivative_segments=[attribution.segment],
                scores={"aligned_share": share, "wire_share": anywhere},
                detector=self.name,
            )
        yield from seen.values()


_WHO: Final = {
    SourceKind.NAMED: "a named person",
    SourceKind.GENERIC: "unnamed people",
    SourceKind.ORGANISATION: "an organisation",
    SourceKind.EVENT: "the event",
    SourceKind.DOCUMENT: "a document",
}


def _who(kind: SourceKind) -> str:
    return _WHO.get(kind, "a source")


def _span_indices(segment: Segment, span: Span) -> list[int]:
    return [k for k, t in enumerate(segment.tokens) if span.start <= t.start < span.end]


def _content_indices(segment: Segment, attribution: Attribution) -> list[int]:
    """Indices of the segment's tokens inside the attribution's content."""
    spans = content_spans(attribution)
    return sorted({k for span in spans for k in _span_indices(segment, span)})


# --- quotations -------------------------------------------------------------------------


class _Quote:
    __slots__ = ("region", "segment", "tokens")

    def __init__(self, region: tuple[int, int], segment: int, tokens: list[Token]) -> None:
        self.region = region
        self.segment = segment
        self.tokens = tokens


def _quotes(doc: Document, regions: list[tuple[int, int]] | None = None) -> list[_Quote]:
    """The quotations of *doc* with their words; each belongs to the segment it opens in.

    *regions*: the quotations' spans, if already found (:func:`quote_regions`).
    """
    found = []
    for start, end in quote_regions(doc) if regions is None else regions:
        tokens: list[Token] = []
        segment_index = -1
        for segment in doc.segments:
            if segment.end <= start or segment.start >= end:
                continue
            if segment_index < 0:
                segment_index = segment.index
            tokens.extend(t for t in segment.tokens if start <= t.start < end)
        if tokens:
            found.append(_Quote((start, end), segment_index, tokens))
    return found


def _parts(quote: _Quote, text: str) -> list[list[Token]]:
    """The quotation's words split at ellipses, which mark words left out."""
    parts: list[list[Token]] = [[]]
    previous = quote.region[0]
    for token in quote.tokens:
        gap = text[previous : token.start]
        if "…" in gap or "..." in gap:
            parts.append([])
        parts[-1].append(token)
        previous = token.end
    return [p for p in parts if p]


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    size = len(part)
    return any(list(words[i : i + size]) == list(part) for i in range(len(words) - size + 1))


class _Verdict(NamedTuple):
    """A derivative quotation checked against the wire's quotations.

    ``verdict`` is ``altered`` (``score``: share of its words the wire quotation has,
    in order) or, when no wire quotation comes that close, ``paraphrase`` /
    ``invented`` (``score``: share of its content words the alignment links to the
    wire). Only ``altered`` and ``paraphrase`` are reported; an invented quotation is
    left to :class:`Fabricated` and the framing detectors.
    """

    verdict: str
    quote: _Quote
    wire: int
    original: _Quote | None
    score: float


def _unquote(text: str) -> str:
    return text.strip("“”\"'‘’«»„ ")


def _compare_quotes_memo(context: DetectionContext) -> list[_Verdict]:
    """Each derivative quotation against the wire's, computed once per run."""
    return context.memo("attribution:quotes", lambda: _compare_quotes(context))


def _compare_quotes(context: DetectionContext) -> list[_Verdict]:
    """A :class:`_Verdict` for each derivative quotation that is not the wire's own.

    Quotations the wire has (cut short or with ellipses allowed) are left out.
    """
    derivative = context.derivative
    wire_quotes = context.wire_memo(
        "attribution:wire_quotes", lambda: [_quotes(w) for w in context.wires]
    )
    results: list[_Verdict] = []
    regions = context._derivative_quote_regions()  # noqa: SLF001 - found once, shared
    for quote in _quotes(derivative, regions):
        if len(quote.tokens) < MIN_QUOTE_WORDS:
            continue
        norms = [t.norm for t in quote.tokens]
        parts = [[t.norm for t in p] for p in _parts(quote, derivative.text)]
        best_share, best_wire, best_quote = 0.0, 0, None
        verdict = ""
        for wire_index, quotes in enumerate(wire_quotes):
            for candidate in quotes:
                words = [t.norm for t in candidate.tokens]
                if all(_contains(words, p) for p in parts):
                    verdict = "same"
                    break
                share = len(lcs_pairs(norms, words)) / len(norms)
                if share > best_share:
                    best_share, best_wire, best_quote = share, wire_index, candidate
            if verdict:
                break
        if verdict == "same":
            continue
        if best_quote is not None and best_share >= ALTERED_QUOTE:
            results.append(_Verdict("altered", quote, best_wire, best_quote, best_share))
            continue
        entry = context.alignment.segments[quote.segment]
        segment = derivative.segments[quote.segment]
        indices = [k for k, t in enumerate(segment.tokens) if t in quote.tokens]
        covered = covered_share(entry, indices, segment.tokens) if indices else 0.0
        wire_index = entry.sources[0].wire if entry.sources else 0
        verdict = "paraphrase" if covered >= PARAPHRASED else "invented"
        results.append(_Verdict(verdict, quote, wire_index, None, covered))
    return results


def _quote_changes(quote: _Quote, original: _Quote) -> list[tuple[range, range]]:
    """Where a derivative quotation departs from the wire's: (derivative, wire) token runs.

    Words both have in the same order (a longest common subsequence) anchor the
    comparison; between two anchors, the derivative's words and the wire's are a
    change when either side has any. Wire words before the first anchor or after
    the last are a quotation cut short, not a change, unless the derivative has
    words of its own there.
    """
    d_words = [t.norm for t in quote.tokens]
    w_words = [t.norm for t in original.tokens]
    anchors = [(-1, -1), *lcs_pairs(d_words, w_words), (len(d_words), len(w_words))]
    changes = []
    for (d_before, w_before), (d_after, w_after) in itertools.pairwise(anchors):
        d_run = range(d_before + 1, d_after)
        w_run = range(w_before + 1, w_after)
        at_edge = d_before < 0 or d_after == len(d_words)
        if d_run or (w_run and not at_edge):
            changes.append((d_run, w_run))
    return changes


def _run_span(tokens: Sequence[Token], run: range) -> Span:
    return Span(tokens[run[0]].start, tokens[run[-1]].end)


def _describe_change(derivative: str, wire: str) -> str:
    if not derivative:
        return f"leaves out {wire}"
    if not wire:
        return f"adds {derivative}"
    return f"has {derivative} where the wire has {wire}"


def _run_text(tokens: Sequence[Token], run: range, text: str) -> str:
    if not run:
        return ""
    span = _run_span(tokens, run)
    return quoted(text[span.start : span.end], 50)


class QuoteAltered:
    """Report quotations whose words differ from the wire's quotation.

    A derivative quotation is the wire's when its words (split at ellipses, which
    mark a cut) each occur in one wire quotation in order; when it shares at least
    :data:`ALTERED_QUOTE` of its words in order with a wire quotation but is not
    contained in it, the words that differ are reported. Quotations shorter than
    :data:`MIN_QUOTE_WORDS` words are not checked. High severity: quotation marks
    promise the speaker's exact words.

    .. versionadded:: 0.1
    """

    name = "quote_altered"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per altered quotation."""
        derivative = context.derivative
        for verdict, quote, wire_index, original, share in _compare_quotes_memo(context):
            if verdict != "altered" or original is None:
                continue
            wire = context.wires[wire_index]
            changes = _quote_changes(quote, original)
            if not changes:
                continue  # the same words, only cut short at either end: not an alteration
            new = [_run_span(quote.tokens, run) for run, _ in changes if run]
            gone = [_run_span(original.tokens, run) for _, run in changes if run]
            described = [
                _describe_change(
                    _run_text(quote.tokens, d, derivative.text),
                    _run_text(original.tokens, w, wire.text),
                )
                for d, w in changes
            ]
            d_text = derivative.text[quote.region[0] : quote.region[1]]
            w_text = wire.text[original.region[0] : original.region[1]]
            yield Finding(
                kind="attribution.quote_altered",
                severity=Severity.HIGH,
                message=(
                    f"The quotation {quoted(_unquote(d_text), 60)} differs from the wire's "
                    f"{quoted(_unquote(w_text), 60)}: it {'; it '.join(described[:3])}."
                ),
                derivative_spans=[Span(*quote.region), *new],
                wire_spans=[Span(*original.region), *gone],
                derivative_segments=[quote.segment],
                wire_segments=[original.segment],
                wire=wire_index,
                scores={"shared_in_order": share},
                detector=self.name,
            )


class ParaphraseQuoted:
    """Report words in quotation marks that the wire reports only indirectly.

    The derivative quotation matches no wire quotation, yet at least
    :data:`PARAPHRASED` of its content words are in the aligned wire text: a
    paraphrase presented as the speaker's own words. High severity.

    .. versionadded:: 0.1
    """

    name = "paraphrase_quoted"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per quoted paraphrase."""
        derivative = context.derivative
        alignment = context.alignment
        for verdict, quote, wire_index, _, share in _compare_quotes_memo(context):
            if verdict != "paraphrase":
                continue
            entry = alignment.segments[quote.segment]
            sources = [s for s in entry.sources if s.wire == wire_index]
            wire = context.wires[wire_index]
            spans = [wire.segments[s.segment].span for s in sources]
            d_text = derivative.text[quote.region[0] : quote.region[1]]
            yield Finding(
                kind="attribution.paraphrase_quoted",
                severity=Severity.HIGH,
                message=(
                    f"The derivative puts {quoted(_unquote(d_text), 70)} in quotation marks, "
                    f"but the wire quotes no such words; it has {share:.0%} of them as "
                    "reported speech."
                ),
                derivative_spans=[Span(*quote.region)],
                wire_spans=spans,
                derivative_segments=[quote.segment],
                wire_segments=[s.segment for s in sources],
                wire=wire_index,
                scores={"wire_share": share},
                detector=self.name,
            )
