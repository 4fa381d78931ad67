"""Who said what: wire statements followed through the alignment into the derivative.

A wire **statement** is an attribution with a speaker (a named person, or unnamed
people, an organisation, an event or a document). A derivative segment **carries** a
statement when the alignment links its words to the words of the statement's content.
Each carried statement is then **read** against the derivative: which derivative
attribution, if any, presents those words, and who it names as their source.

The attribution detectors report from these readings; they share one computation per
detection run through :meth:`DetectionContext.memo`.
"""

from __future__ import annotations

import bisect
import enum
import functools
import operator
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from sourcecompare._align import key_weight
from sourcecompare._attribution import Attribution, SourceKind

if TYPE_CHECKING:
    from sourcecompare._align import SegmentAlignment
    from sourcecompare._documents import Document, Segment
    from sourcecompare._spans import Span
    from sourcecompare._tokens import Token
    from sourcecompare.detectors._base import DetectionContext

__all__ = [
    "MIN_CARRIED_SHARE",
    "MIN_CARRIED_WORDS",
    "Carried",
    "Reading",
    "Relation",
    "Speaker",
    "content_spans",
    "covered_share",
    "in_wire_share",
    "readings",
    "same_person",
    "same_speaker",
    "speaker_of",
    "touched_segments",
]

MIN_CARRIED_WORDS: Final = 2
"""A segment carries a statement when it has at least this many of its content words..."""

MIN_CARRIED_SHARE: Final = 0.25
"""...and at least this share of them."""

_HONORIFICS: Final = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "rev", "mx"}
)
_PLURAL_PEOPLE: Final = frozenset(
    {"people", "spokesmen", "spokeswomen", "spokespeople", "authorities", "staff", "police"}
)


class Speaker(NamedTuple):
    """Who a statement is attributed to: a name or phrase, and its kind."""

    name: str
    kind: SourceKind


class Relation(str, enum.Enum):
    """What the derivative made of a wire statement's speaker."""

    KEPT = "kept"
    DROPPED = "dropped"
    GENERALISED = "generalised"
    AMPLIFIED = "amplified"
    CHANGED = "changed"


class Carried(NamedTuple):
    """A wire statement whose words a derivative segment carries.

    Attributes:
        wire: Index of the wire document.
        attribution: The wire attribution.
        speaker: Its speaker.
        tokens: Indices of the derivative segment's tokens linked to its content.
        share: Share of the content's content words the segment carries.
    """

    wire: int
    attribution: Attribution
    speaker: Speaker
    tokens: tuple[int, ...]
    share: float


class Reading(NamedTuple):
    """How one derivative segment presents the wire statements it carries.

    Attributes:
        segment: Index of the derivative segment.
        carried: The statements it carries, with one speaker relation each.
        attribution: The derivative attribution presenting them, or ``None`` when the
            segment states them without any.
        speaker: Who the derivative attribution names, or ``None`` (none, or an
            agentless passive, or a pronoun it could not resolve).
        relations: The relation of each carried statement's speaker, in order.
    """

    segment: int
    carried: tuple[Carried, ...]
    attribution: Attribution | None
    speaker: Speaker | None
    relations: tuple[Relation, ...]


@functools.lru_cache(maxsize=4096)
def _name_parts(name: str) -> frozenset[str]:
    parts = (p.strip(".,").casefold() for p in name.split())
    return frozenset(p for p in parts if p and p not in _HONORIFICS)


def same_person(first: str, second: str) -> bool:
    """Whether two names can be the same person: one's parts hold all the other's.

    "Zhu" and "Zhu Guijie", "Mr. Ferrer" and "Daniel Ferrer" can; "Li Juan" and
    "Li Wei" cannot.
    """
    a, b = _name_parts(first), _name_parts(second)
    return bool(a) and bool(b) and (a <= b or b <= a)


def speaker_of(attribution: Attribution, known: Sequence[Attribution]) -> Speaker | None:
    """The speaker of *attribution*; a pronoun is resolved through *known* attributions.

    ``None`` for an agentless passive, an unresolved pronoun, or a source of no kind.
    """
    kind = attribution.source_kind
    if kind in (SourceKind.AGENTLESS, SourceKind.OTHER):
        return None
    if kind is SourceKind.PRONOUN:
        name = attribution.source_name
        if not name:
            return None
        for other in known:
            if other.source_kind is not SourceKind.PRONOUN and other.source_name == name:
                return Speaker(name, other.source_kind)
        words = name.split()
        named = all(w[:1].isupper() for w in words) and len(words) <= 4
        return Speaker(name, SourceKind.NAMED if named else SourceKind.GENERIC)
    name = attribution.source_name or attribution.source_text
    return Speaker(name, kind) if name else None


def content_spans(attribution: Attribution) -> list[Span]:
    """The spans of an attribution's content: the content and its continuations."""
    spans = [attribution.content] if attribution.content is not None else []
    return spans + list(attribution.continuations)


_START: Final = operator.attrgetter("start")


def touched_segments(doc: Document, span: Span) -> list[Segment]:
    """The segments of *doc* that overlap *span*, in order."""
    segments = doc.segments
    first = max(bisect.bisect_right(segments, span.start, key=_START) - 1, 0)
    touched = []
    for index in range(first, len(segments)):
        segment = segments[index]
        if segment.start >= span.end:
            break
        if segment.end > span.start:
            touched.append(segment)
    return touched


def _content_tokens(
    doc: Document, attribution: Attribution, starts: dict[int, tuple[list[int], list[int]]]
) -> set[tuple[int, int]]:
    """(segment, token) positions of the content words of an attribution's content.

    *starts*: per segment index, the start offsets of its content words and their
    indices (filled as needed, shared by the document's attributions).
    """
    found: set[tuple[int, int]] = set()
    for span in content_spans(attribution):
        for segment in touched_segments(doc, span):
            content = starts.get(segment.index)
            if content is None:
                content = starts[segment.index] = (
                    [t.start for t in segment.tokens if not t.is_stop],
                    [k for k, t in enumerate(segment.tokens) if not t.is_stop],
                )
            # Tokens are in text order: the content words inside the span are a slice.
            offsets, indices = content
            first = bisect.bisect_left(offsets, span.start)
            last = bisect.bisect_left(offsets, span.end)
            index = segment.index
            found.update([(index, k) for k in indices[first:last]])
    return found


def plural_people(phrase: str, context: DetectionContext) -> bool:
    """Whether a source phrase names several people ("experts", "officials")."""
    for written in phrase.split():
        word = written.strip(".,;:'\"’”“").casefold()
        if word in _PLURAL_PEOPLE:
            return True
        if (
            word.endswith("s")
            and not word.endswith("ss")
            and context.reporting.source_noun_kind([word]) == "generic"
        ):
            return True
    return False


def same_speaker(wire: Speaker, derivative: Speaker, *, exact: bool = False) -> bool:
    """Whether the derivative's speaker is the wire's.

    Named speakers match by name parts. Unnamed ones match each other unless *exact*,
    when their names must share a word: turning "officials" into "experts" is no
    drift we can vouch for, but it is not the same speaker either.
    """
    if wire.kind is SourceKind.NAMED or derivative.kind is SourceKind.NAMED:
        return (
            wire.kind is derivative.kind
            and derivative.kind is SourceKind.NAMED
            and same_person(wire.name, derivative.name)
        )
    if not exact:
        return True
    return bool(_words(wire.name) & _words(derivative.name))


@functools.lru_cache(maxsize=4096)
def _words(phrase: str) -> frozenset[str]:
    return frozenset({w.strip(".,;:'\"’”“").casefold().rstrip("s") for w in phrase.split()}) - {
        "the",
        "a",
        "an",
        "of",
        "",
    }


def _relation(
    carried: Carried,
    attribution: Attribution | None,
    speaker: Speaker | None,
    named: int,
    context: DetectionContext,
) -> Relation:
    wire = carried.speaker
    if attribution is None or attribution.source_kind is SourceKind.AGENTLESS:
        return Relation.DROPPED
    if speaker is None or same_speaker(wire, speaker):
        return Relation.KEPT
    if wire.kind is not SourceKind.NAMED:
        # The wire's source was unnamed or institutional; naming a person or another
        # body may be the derivative's own reporting. Not flagged.
        return Relation.KEPT
    if speaker.kind is SourceKind.NAMED:
        return Relation.CHANGED
    if (
        named == 1
        and speaker.kind is SourceKind.GENERIC
        and plural_people(attribution.source_text or "", context)
    ):
        return Relation.AMPLIFIED
    return Relation.GENERALISED


def _carried_by_segment(context: DetectionContext) -> dict[int, list[Carried]]:
    """For each derivative segment, the wire statements it carries."""
    alignment = context.alignment
    result: dict[int, list[Carried]] = defaultdict(list)
    for wire_index in range(len(alignment.wires)):
        statements, owners = _wire_statements(context, wire_index)
        if not statements:
            continue
        for entry in alignment.segments:
            # Per statement: the derivative tokens and the wire positions linked to it.
            hits: dict[int, tuple[set[int], set[tuple[int, int]]]] = {}
            for link in entry.links:
                in_segment = owners.get(link.wire_segment) if link.wire == wire_index else None
                if not in_segment:
                    continue
                for k in range(*link.wire_tokens):
                    for number in in_segment.get(k, ()):
                        hit = hits.get(number)
                        if hit is None:
                            hit = hits[number] = (set(), set())
                        hit[0].update(range(*link.derivative))
                        hit[1].add((link.wire_segment, k))
            for number in sorted(hits):
                attribution, speaker, content = statements[number]
                tokens, wire_tokens = hits[number]
                share = len(wire_tokens) / len(content)
                if len(wire_tokens) >= MIN_CARRIED_WORDS and share >= MIN_CARRIED_SHARE:
                    result[entry.segment].append(
                        Carried(wire_index, attribution, speaker, tuple(sorted(tokens)), share)
                    )
    return result


_Statement = tuple[Attribution, Speaker, set[tuple[int, int]]]


def _wire_statements(
    context: DetectionContext, wire: int
) -> tuple[list[_Statement], dict[int, dict[int, list[int]]]]:
    """The statements of wire number *wire*, and which of them own each wire token.

    Statements: each attribution with a speaker and content words, with the
    speaker and the (segment, token) positions of those words. Owners: for each
    wire segment, for each of its tokens, the statements whose content holds it.
    Computed once per wire.
    """

    def compute() -> tuple[list[_Statement], dict[int, dict[int, list[int]]]]:
        doc = context.wires[wire]
        attributions = context.attributions(wire)
        statements = []
        starts: dict[int, tuple[list[int], list[int]]] = {}
        for attribution in attributions:
            speaker = speaker_of(attribution, attributions)
            if speaker is None:
                continue
            content = _content_tokens(doc, attribution, starts)
            if content:
                statements.append((attribution, speaker, content))
        owners: dict[int, dict[int, list[int]]] = {}
        for number, (_, _, content) in enumerate(statements):
            for segment_index, k in content:
                owners.setdefault(segment_index, {}).setdefault(k, []).append(number)
        return statements, owners

    return context.wire_memo(("attribution:statements", wire), compute)


def _presenting(
    segment: Segment,
    carried: Carried,
    attributions: Sequence[Attribution],
    known: Sequence[Attribution],
) -> Attribution | None:
    """The derivative attribution that presents the carried words of *segment*.

    Among the attributions whose content holds at least half of the words, one with
    the carried statement's own speaker, else the one holding most ("The authority
    plans to ..., she added" has two; she is the speaker). Failing that, the
    sentence's only attribution, when the words are not its source: a sentence with
    one reporting cue attributes what it says to that cue's source ("the importance
    of ... was a key theme echoed by experts").

    *attributions* are those whose cue or content touches the segment; *known* are all
    the derivative's, to resolve pronouns.
    """
    tokens = carried.tokens
    all_tokens = segment.tokens
    starts = [all_tokens[k].start for k in tokens]
    ranked = []
    for attribution in attributions:
        spans = content_spans(attribution)
        count = 0  # the carried tokens inside the content (a loop: no call per token)
        for position in starts:
            for span in spans:
                if span.start <= position < span.end:
                    count += 1
                    break
        if count and count * 2 >= len(tokens):
            speaker = speaker_of(attribution, known)
            same = speaker is not None and same_speaker(carried.speaker, speaker, exact=True)
            ranked.append((not same, -count, attribution.cue.start, attribution))
    if ranked:
        return min(ranked, key=lambda r: r[:3])[3]
    own = [a for a in attributions if a.segment == segment.index]
    if len(own) == 1:
        source = own[0].source
        if source is None or not any(
            source.start <= segment.tokens[k].start < source.end for k in tokens
        ):
            return own[0]
    return None


def _names_speaker(segment: Segment, speaker: Speaker) -> bool:
    """Whether the segment mentions a named speaker anyway ("Zhu's group ...")."""
    if speaker.kind is not SourceKind.NAMED:
        return False
    parts = _name_parts(speaker.name)
    return any(t.norm in parts for t in segment.tokens if t.is_capitalized)


def readings(context: DetectionContext) -> tuple[Reading, ...]:
    """How each derivative segment presents the wire statements it carries."""
    return context.memo("attribution:readings", lambda: _readings(context))


def _readings(context: DetectionContext) -> tuple[Reading, ...]:
    derivative = context.derivative
    attributions = context.attributions(None)
    found = []
    nearby: dict[int, list[Attribution]] = defaultdict(list)
    for attribution in attributions:  # each attribution, under the segments it touches
        touched = {attribution.segment}
        for span in content_spans(attribution):
            touched.update(segment.index for segment in touched_segments(derivative, span))
        for index in sorted(touched):
            nearby[index].append(attribution)
    for segment_index, carried in sorted(_carried_by_segment(context).items()):
        segment = derivative.segments[segment_index]
        groups: dict[Attribution | None, list[Carried]] = {}
        for item in carried:
            presenting = _presenting(segment, item, nearby.get(segment_index, ()), attributions)
            if presenting is None and _names_speaker(segment, item.speaker):
                continue  # the sentence names the speaker some other way
            groups.setdefault(presenting, []).append(item)
        for presenting, items in sorted(
            groups.items(), key=lambda g: -1 if g[0] is None else g[0].cue.start
        ):
            speaker = speaker_of(presenting, attributions) if presenting is not None else None
            count = len({c.speaker for c in items if c.speaker.kind is SourceKind.NAMED})
            relations = tuple(_relation(c, presenting, speaker, count, context) for c in items)
            found.append(Reading(segment_index, tuple(items), presenting, speaker, relations))
    return tuple(found)


def covered_share(
    entry: SegmentAlignment, tokens: Sequence[int], all_tokens: Sequence[Token]
) -> float:
    """Share of the content words among *tokens* the alignment links to the wire."""
    linked = {k for link in entry.links for k in range(*link.derivative)}
    content = [k for k in tokens if not all_tokens[k].is_stop]
    if not content:
        return 1.0
    return sum(1 for k in content if k in linked) / len(content)


def _wire_vocabulary(
    context: DetectionContext,
) -> tuple[frozenset[str], Counter[str], Counter[str], int]:
    """Stems of the wires, document frequencies of stems, and the number of segments.

    The frequencies are two counters, over the wires' segments and over the
    derivative's; the number counts the segments of both.
    """

    def wire_side() -> tuple[frozenset[str], Counter[str], int]:
        segments = [s for doc in context.wires for s in doc.segments]
        frequency: Counter[str] = Counter()
        for segment in segments:
            frequency.update({t.stem for t in segment.tokens if not t.is_stop})
        stems = frozenset(t.stem for s in segments for t in s.tokens)
        return stems, frequency, len(segments)

    stems, wire_frequency, count = context.wire_memo("attribution:vocabulary", wire_side)
    # The derivative's counts apart: the wires' (shared, read-only) are not copied.
    frequency: Counter[str] = Counter()
    segments = context.derivative.segments
    for segment in segments:
        frequency.update({t.stem for t in segment.tokens if not t.is_stop})
    return stems, wire_frequency, frequency, count + len(segments)


def in_wire_share(context: DetectionContext, tokens: Sequence[Token]) -> float:
    """Weighted share of the content words of *tokens* found anywhere in the wire(s).

    Words are weighted by informativeness as alignment weighs them (rarer words
    count more), so that "human rights" in a story about human rights does not make
    an invented accusation look reported.
    """
    stems, wire_frequency, frequency, count = context.memo(
        "attribution:vocabulary", lambda: _wire_vocabulary(context)
    )
    power = context.alignment.options.weight_power
    total = found = 0.0
    for token in tokens:
        if token.is_stop:
            continue
        stem = token.stem
        # Counts are positive: a stem in neither text counts as seen once.
        seen = wire_frequency.get(stem, 0) + frequency.get(stem, 0) or 1
        weight = key_weight(count, seen, power)
        total += weight
        if token.stem in stems:
            found += weight
    return found / total if total else 1.0
