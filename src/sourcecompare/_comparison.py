"""The result a person reads: :func:`compare` and the :class:`Comparison` it returns.

``compare(wire, derivative)`` parses both texts (unless given documents), aligns them,
runs the detectors, follows every wire speaker into the derivative and sums it all
up. The :class:`Comparison` holds all of it, frozen; ``rich.print(comparison)`` shows
the report, :meth:`Comparison.to_json` exports it and :meth:`Comparison.from_json`
reads it back to an equal object.
"""

from __future__ import annotations

import enum
import os
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from sourcecompare._align import Alignment, AlignmentLabel, AlignOptions, WireAligner, WireFate
from sourcecompare._attribution import (
    Attribution,
    ReportingLexicon,
    SourceKind,
    extract_attributions,
)
from sourcecompare._caveats import Caveat, caveats_of
from sourcecompare._documents import Document
from sourcecompare._findings import Finding, Severity, _ints, _severity, _spans
from sourcecompare._furniture import AgencyList
from sourcecompare._lexicons import Lexicons
from sourcecompare._spans import Span
from sourcecompare.detectors._base import DetectionContext, run_detectors, wire_attributions_key
from sourcecompare.detectors._statements import (
    Relation,
    Speaker,
    readings,
    same_speaker,
    speaker_of,
)
from sourcecompare.exceptions import InvalidOptionError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from sourcecompare.typing import Detector, TextOrDocument

__all__ = [
    "CompareOptions",
    "Comparison",
    "PreparedWire",
    "SpeakerFate",
    "SpeakerOutcome",
    "Summary",
    "compare",
    "prepare",
]


def _detectors(value: Iterable[Detector] | None) -> tuple[Detector, ...] | None:
    if value is None:
        return None
    found = tuple(value)
    for detector in found:
        if not callable(getattr(detector, "detect", None)):
            msg = f"'detectors' must hold detectors, got {type(detector).__name__}"
            raise InvalidOptionError(msg, option="detectors")
    return found


def _counts(values: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple((str(k), int(v)) for k, v in values)


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _fate(value: object) -> SpeakerFate:
    # A member as it is (the usual case), without the cost of calling the enum.
    return value if isinstance(value, SpeakerFate) else SpeakerFate(value)


def _source_kind(value: object) -> SourceKind:
    return value if isinstance(value, SourceKind) else SourceKind(value)


def _carried(values: Iterable[tuple[object, int]]) -> tuple[tuple[SpeakerFate, int], ...]:
    counts = {_fate(fate): int(count) for fate, count in values}
    wrong = [f.value for f, n in counts.items() if f not in _FATE_ORDER or n < 0]
    if wrong:
        msg = f"'carried' takes a count of 0 or more per fate of carried words, not {wrong}"
        raise ValueError(msg)
    return tuple((fate, counts[fate]) for fate in _FATE_ORDER if counts.get(fate))


def _findings(values: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(values)


def _outcomes(values: Iterable[SpeakerOutcome]) -> tuple[SpeakerOutcome, ...]:
    return tuple(values)


def _instance_of(kind: type) -> Callable[[object, Any, object], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            msg = f"'{attribute.name}' must be a {kind.__name__}, got {type(value).__name__}"
            raise InvalidOptionError(msg, option=attribute.name)

    return check


@attrs.frozen
class CompareOptions:
    """Everything :func:`compare` can be told.

    Attributes:
        alignment: Thresholds and measure of the alignment (:class:`AlignOptions`).
        detectors: The detectors to run; ``None`` runs :func:`default_detectors`.
        lexicons: Evaluative words, hedges and the other framing word lists.
        agencies: Agencies recognised in credits (also used to parse texts).
        reporting: Reporting cues and source nouns for attribution extraction.

    JSON records the alignment options in full; detectors, lexicons, agencies and a
    custom similarity are recorded by name or as "default"/"custom", and a
    :class:`Comparison` read back from JSON has the built-in ones in their place (see
    :meth:`Comparison.to_json`).

    .. versionadded:: 0.1
    """

    alignment: AlignOptions = attrs.field(
        factory=AlignOptions, validator=_instance_of(AlignOptions)
    )
    detectors: tuple[Detector, ...] | None = attrs.field(default=None, converter=_detectors)
    lexicons: Lexicons = attrs.field(factory=Lexicons.default, validator=_instance_of(Lexicons))
    agencies: AgencyList = attrs.field(
        factory=AgencyList.default, validator=_instance_of(AgencyList)
    )
    reporting: ReportingLexicon = attrs.field(
        factory=ReportingLexicon.default, validator=_instance_of(ReportingLexicon)
    )

    @property
    def detector_names(self) -> tuple[str, ...] | None:
        """The names of the chosen detectors, or ``None`` for the default set."""
        if self.detectors is None:
            return None
        return tuple(getattr(d, "name", type(d).__name__) for d in self.detectors)


class SpeakerFate(str, enum.Enum):
    """What became of a wire speaker in the derivative.

    .. versionadded:: 0.1
    """

    KEPT = "kept"
    """At least one of their statements is still attributed to them."""
    MENTIONED = "mentioned"
    """The derivative names them, but presents none of their statements as theirs."""
    CHANGED = "changed"
    """Their words are attributed to somebody else."""
    AMPLIFIED = "amplified"
    """One speaker's words are attributed to many ("experts")."""
    GENERALISED = "generalised"
    """Their words are attributed to an unnamed source ("officials", "the event")."""
    DROPPED = "dropped"
    """Their words are carried with no source at all."""
    OMITTED = "omitted"
    """Neither their words nor their name are in the derivative."""

    @property
    def lost(self) -> bool:
        """Whether the derivative no longer credits this speaker with their words."""
        return self not in _CREDITED


# The fates of speakers still credited with their words (the others are lost).
_CREDITED: Final = (SpeakerFate.KEPT, SpeakerFate.MENTIONED)


# When a speaker's statements fare differently, the fate shown is the first of these.
_FATE_ORDER: Final = (
    SpeakerFate.KEPT,
    SpeakerFate.CHANGED,
    SpeakerFate.AMPLIFIED,
    SpeakerFate.GENERALISED,
    SpeakerFate.DROPPED,
)


@attrs.frozen
class SpeakerOutcome:
    """One wire speaker and what became of them in the derivative.

    Attributes:
        name: The speaker's fullest name in the wire ("Zhu Guijie", "officials").
        kind: Who they are (named person, unnamed people, organisation ...).
        fate: What became of them (:class:`SpeakerFate`).
        wire: Index of the wire document.
        statements: How many of the wire's attributions are theirs.
        wire_spans: Their source phrases in the wire (the cue where a pronoun stands).
        derivative_segments: Derivative segments carrying their words.
        derivative_spans: Where the derivative presents their words: the source phrase
            it credits, else the cue, else the carried words themselves.
        credited_to: Who the derivative credits instead, when somebody else
            ("experts", "the seminar"), in order of appearance.
        carried: How the derivative presents their words, each time it carries some:
            ``(fate, count)`` pairs in the order of :attr:`fate`'s precedence (kept,
            changed, amplified, generalised, dropped), only those that occur. A speaker
            kept in one sentence and dropped in another has ``((KEPT, 1), (DROPPED,
            1))`` and the fate ``KEPT``. Empty when the derivative carries none of
            their words.

    .. versionadded:: 0.1
    """

    name: str
    kind: SourceKind = attrs.field(converter=_source_kind)
    fate: SpeakerFate = attrs.field(converter=_fate)
    wire: int
    statements: int
    wire_spans: tuple[Span, ...] = attrs.field(converter=_spans)
    derivative_segments: tuple[int, ...] = attrs.field(converter=_ints)
    derivative_spans: tuple[Span, ...] = attrs.field(converter=_spans)
    credited_to: tuple[str, ...] = attrs.field(converter=_strs)
    carried: tuple[tuple[SpeakerFate, int], ...] = attrs.field(default=(), converter=_carried)

    @property
    def partly_lost(self) -> bool:
        """Whether some of their words are carried without their name, though others keep it."""
        return self.fate is SpeakerFate.KEPT and any(f.lost for f, _ in self.carried)


@attrs.frozen
class Summary:
    """The comparison in figures.

    Attributes:
        wire_kept: Share of the wire's sentences (by tokens) kept at least in part.
        derivative_supported: Share of the derivative's sentences (by tokens) the wire
            supports at least in part.
        verbatim: Share of the derivative's sentences (by tokens) copied verbatim.
        wire_fates: Wire sentences by fate: ``(("kept", n), ("partial", n), ("omitted", n))``.
        derivative_labels: Derivative sentences and headings by alignment label, in
            :class:`AlignmentLabel` order.
        speakers_kept: Wire speakers still credited with their words (or named).
        speakers_dropped: Wire speakers no longer credited (dropped, generalised,
            amplified, changed or omitted).
        by_kind: Findings per kind, sorted by kind.
        by_severity: Findings per severity, high first.

    .. versionadded:: 0.1
    """

    wire_kept: float
    derivative_supported: float
    verbatim: float
    wire_fates: tuple[tuple[str, int], ...] = attrs.field(converter=_counts)
    derivative_labels: tuple[tuple[str, int], ...] = attrs.field(converter=_counts)
    speakers_kept: tuple[str, ...] = attrs.field(converter=_strs)
    speakers_dropped: tuple[str, ...] = attrs.field(converter=_strs)
    by_kind: tuple[tuple[str, int], ...] = attrs.field(converter=_counts)
    by_severity: tuple[tuple[str, int], ...] = attrs.field(converter=_counts)

    @property
    def findings(self) -> int:
        """How many findings there are."""
        return sum(count for _, count in self.by_severity)

    @classmethod
    def of(
        cls,
        alignment: Alignment,
        findings: Sequence[Finding],
        speakers: Sequence[SpeakerOutcome],
    ) -> Summary:
        """Sum up an alignment, its findings and its speakers."""
        # Counted by member, named once per member: an enum's .value is a
        # Python-level descriptor, costly once per entry.
        fates = Counter([entry.fate for entry in alignment.wire_sentences])
        labels = Counter([entry.label for entry in alignment.segments])
        severities = Counter([f.severity for f in findings])
        supported, verbatim = alignment._derivative_shares()  # noqa: SLF001 - one pass for both
        kept_names: list[str] = []
        dropped_names: list[str] = []
        for speaker in speakers:
            (dropped_names if speaker.fate.lost else kept_names).append(speaker.name)
        return cls(
            wire_kept=alignment.kept_share,
            derivative_supported=supported,
            verbatim=verbatim,
            wire_fates=[(f.value, fates[f]) for f in WireFate],
            derivative_labels=[(label.value, labels[label]) for label in AlignmentLabel],
            speakers_kept=kept_names,
            speakers_dropped=dropped_names,
            by_kind=sorted(Counter([f.kind for f in findings]).items()),
            by_severity=[(s.value, severities[s]) for s in reversed(Severity)],
        )


@attrs.frozen
class Comparison:
    """A derivative compared with its wire report(s): the whole result.

    Attributes:
        options: The options used.
        alignment: Which wire sentences support each derivative sentence, and the
            fate of each wire sentence (it holds both documents).
        findings: What the detectors found, high severity first, then by position.
        speakers: Every wire speaker and what became of them, in wire order.
        summary: The figures (:class:`Summary`).

    :attr:`caveats` says what about the documents limits the findings (a text in lower
    case, say). ``rich.print(comparison)`` shows the full report; the views of
    :mod:`sourcecompare.render.console` show its parts.

    .. versionadded:: 0.1
    """

    options: CompareOptions
    alignment: Alignment
    findings: tuple[Finding, ...] = attrs.field(converter=_findings)
    speakers: tuple[SpeakerOutcome, ...] = attrs.field(converter=_outcomes)
    summary: Summary

    @property
    def wires(self) -> tuple[Document, ...]:
        """The wire documents."""
        return self.alignment.wires

    @property
    def wire(self) -> Document:
        """The first (usually the only) wire document."""
        return self.alignment.wire

    @property
    def derivative(self) -> Document:
        """The derivative document."""
        return self.alignment.derivative

    @property
    def caveats(self) -> tuple[Caveat, ...]:
        """What about the documents limits the findings: a text in lower case, say.

        Computed from the documents (see :func:`~sourcecompare._caveats.caveats_of`):
        the wires' caveats in order, then the derivative's; empty for ordinary text.
        """
        return caveats_of(self.alignment.wires, self.alignment.derivative)

    @property
    def worst(self) -> Severity | None:
        """The highest severity among the findings, or ``None`` when there are none."""
        return max((f.severity for f in self.findings), default=None)

    def select(
        self, kinds: Iterable[str] = (), *, severity: Severity | str | None = None
    ) -> Comparison:
        """The same comparison with only some findings, and its summary recounted.

        Args:
            kinds: Keep findings of these kinds ("framing.speculation") or categories
                ("framing"); all when empty.
            severity: Keep findings at or above this severity.
        """
        wanted = tuple(kinds)
        floor = _severity(severity) if severity is not None else None
        kept = [
            f
            for f in self.findings
            if (not wanted or f.kind in wanted or f.category in wanted)
            and (floor is None or f.severity >= floor)
        ]
        return attrs.evolve(
            self, findings=kept, summary=Summary.of(self.alignment, kept, self.speakers)
        )

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready data (see :meth:`to_json`)."""
        from sourcecompare.render.json import comparison_to_dict  # noqa: PLC0415 - lazy

        return comparison_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The comparison as JSON, with a ``schema_version``; spans are character offsets.

        :meth:`from_json` reads it back to an equal object. Custom detectors,
        lexicons and similarity objects are recorded by name; reading back restores
        the built-in ones in their place.
        """
        from sourcecompare.render.json import dumps  # noqa: PLC0415 - lazy

        return dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Comparison:
        """Read back what :meth:`to_dict` wrote.

        Raises:
            InputError: The data is not a comparison of a schema version we read.
        """
        from sourcecompare.render.json import comparison_from_dict  # noqa: PLC0415 - lazy

        return comparison_from_dict(data)

    @classmethod
    def from_json(cls, text: str | bytes) -> Comparison:
        """Read back what :meth:`to_json` wrote.

        Raises:
            InputError: The text is not JSON, or not a comparison we can read.
        """
        from sourcecompare.render.json import loads  # noqa: PLC0415 - lazy

        return cls.from_dict(loads(text))

    def to_html(self, *, width: int = 100) -> str:
        """The full report as a self-contained HTML page, *width* columns wide."""
        from sourcecompare.render.export import export_html  # noqa: PLC0415 - lazy

        return export_html(self, width=width)

    def to_svg(self, *, width: int = 100) -> str:
        """The full report as a self-contained SVG image, *width* columns wide."""
        from sourcecompare.render.export import export_svg  # noqa: PLC0415 - lazy

        return export_svg(self, width=width)

    def __rich__(self) -> RenderableType:
        from sourcecompare.render.console import comparison_view  # noqa: PLC0415 - lazy

        return comparison_view(self)


# --- speakers ----------------------------------------------------------------------------


def _source_or_cue(attribution: Attribution) -> Span:
    return attribution.source if attribution.source is not None else attribution.cue


def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(w.strip(".,;:'\"’”“").casefold() for w in phrase.split() if w.strip(".,"))


def _mentions(doc: Document, forms: Iterable[tuple[str, ...]]) -> bool:
    """Whether *doc* has one of the name *forms* as consecutive capitalised words."""
    for segment in doc.segments:
        norms = [t.norm if t.is_capitalized else "" for t in segment.tokens]
        for form in forms:
            size = len(form)
            if any(tuple(norms[k : k + size]) == form for k in range(len(norms) - size + 1)):
                return True
    return False


class _Capitals:
    """:func:`_mentions` for one document, asked for several speakers."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._words: set[str] | None = None

    def mentions(self, forms: Iterable[tuple[str, ...]]) -> bool:
        """``_mentions(doc, forms)``, ruling out at a glance forms with a word it lacks."""
        if self._words is None:
            self._words = {
                t.norm for segment in self.doc.segments for t in segment.tokens if t.is_capitalized
            }
        words = self._words
        possible = [f for f in forms if all(not w or w in words for w in f)]
        return bool(possible) and _mentions(self.doc, possible)


class _Group:
    """One wire speaker being gathered: their attributions and their readings."""

    def __init__(self, wire: int, name: str, kind: SourceKind) -> None:
        self.wire, self.name, self.kind = wire, name, kind
        self.statements = 0
        self.wire_spans: list[Span] = []
        self.relations: list[Relation] = []
        self.segments: set[int] = set()
        self.derivative_spans: list[Span] = []
        self.credited_to: list[str] = []
        self.forms: set[tuple[str, ...]] = set()

    def copy(self) -> _Group:
        """A new group with this one's wire side (name, statements, spans, forms).

        The wire side is shared, not copied: only the derivative side is added to.
        """
        group = _Group(self.wire, self.name, self.kind)
        group.statements = self.statements
        group.wire_spans = self.wire_spans
        group.forms = self.forms
        return group

    def add(self, name: str, attribution: Attribution) -> None:
        """Count one more attribution of this speaker, under *name*."""
        if len(name) > len(self.name):
            self.name = name
        self.statements += 1
        self.wire_spans.append(_source_or_cue(attribution))
        self.forms.add(_words_of(name))
        written = _words_of(attribution.source_text or "")
        if written and set(written) <= set(_words_of(self.name)):
            self.forms.add(written)  # the short form the wire itself uses ("Zhu")

    def matches(self, wire: int, name: str, kind: SourceKind) -> bool:
        """Same wire, same kind, and the same person or a phrase sharing a word."""
        if wire != self.wire or kind is not self.kind:
            return False
        return same_speaker(Speaker(self.name, self.kind), Speaker(name, kind), exact=True)


def _find_group(groups: list[_Group], wire: int, name: str, kind: SourceKind) -> _Group | None:
    return next((g for g in groups if g.matches(wire, name, kind)), None)


def _wire_groups(context: DetectionContext) -> list[_Group]:
    """Every wire speaker, grouped by person, with their statements in the wires."""
    groups: list[_Group] = []
    for wire_index in range(len(context.wires)):
        known = context.attributions(wire_index)
        for attribution in known:
            speaker = speaker_of(attribution, known)
            if speaker is None:
                continue
            group = _find_group(groups, wire_index, speaker.name, speaker.kind)
            if group is None:
                group = _Group(wire_index, speaker.name, speaker.kind)
                groups.append(group)
            group.add(speaker.name, attribution)
    return groups


def speaker_outcomes(context: DetectionContext) -> tuple[SpeakerOutcome, ...]:
    """Every wire speaker (grouped by person) and what became of them, in wire order."""

    def wire_side() -> tuple[
        list[_Group],
        dict[tuple[int, str, SourceKind], int | None],
        dict[tuple[int, bool], SpeakerOutcome],
    ]:
        # The groups; each carried speaker's place among them, filled as they are
        # met; and the outcome of each group none of whose words is carried.
        return _wire_groups(context), {}, {}

    wire_groups, places, unheard = context.wire_memo("speakers:groups", wire_side)
    # The groups whose words the derivative carries, by place; the others are as
    # the wire has them.
    groups: dict[int, _Group] = {}
    derivative = context.derivative
    for reading in readings(context):
        segment = derivative.segments[reading.segment]
        for carried, relation in zip(reading.carried, reading.relations, strict=True):
            speaker = carried.speaker
            # Which group a speaker belongs to depends on the wire groups alone: each
            # is looked up once per wire (the shared dictionary keeps the answers).
            key = (carried.wire, speaker.name, speaker.kind)
            if key not in places:
                group = _find_group(wire_groups, carried.wire, speaker.name, speaker.kind)
                places[key] = None if group is None else wire_groups.index(group)
            place = places[key]
            if place is None:  # pragma: no cover - every carried speaker was grouped above
                continue
            group = groups.get(place)
            if group is None:
                group = groups[place] = wire_groups[place].copy()
            group.relations.append(relation)
            group.segments.add(reading.segment)
            if reading.attribution is not None:
                group.derivative_spans.append(_source_or_cue(reading.attribution))
            else:
                tokens = [segment.tokens[k] for k in carried.tokens]
                group.derivative_spans.append(Span(tokens[0].start, tokens[-1].end))
            other = reading.speaker if relation is not Relation.KEPT else None
            if other is not None and other.name not in group.credited_to:
                group.credited_to.append(other.name)
    capitals = _Capitals(derivative)
    outcomes = []
    for place, wire_group in enumerate(wire_groups):
        group = groups.get(place)
        if group is not None:
            outcomes.append(_outcome(group, capitals))
            continue
        # Nothing of theirs is carried: the outcome depends on the wire and on
        # whether the derivative names them, so each of the two is made once per wire.
        named = wire_group.kind is SourceKind.NAMED and capitals.mentions(wire_group.forms)
        outcome = unheard.get((place, named))
        if outcome is None:
            outcome = unheard[place, named] = _outcome(wire_group, capitals)
        outcomes.append(outcome)
    return tuple(outcomes)


_FATE_OF: Final = {relation: SpeakerFate(relation.value) for relation in Relation}
"""The fate each speaker relation counts as (they share their values)."""


def _outcome(group: _Group, capitals: _Capitals) -> SpeakerOutcome:
    # Each relation counted, then named as a fate once (not once per relation): the
    # same counts, in the same first-seen order, as counting the fates.
    carried = {_FATE_OF[r]: n for r, n in Counter(group.relations).items()}
    fate: SpeakerFate | None = next((f for f in _FATE_ORDER if f in carried), None)
    if fate is None:
        named = group.kind is SourceKind.NAMED and capitals.mentions(group.forms)
        fate = SpeakerFate.MENTIONED if named else SpeakerFate.OMITTED
    return SpeakerOutcome(
        name=group.name,
        kind=group.kind,
        fate=fate,
        wire=group.wire,
        statements=group.statements,
        wire_spans=group.wire_spans,
        derivative_segments=sorted(group.segments),
        derivative_spans=set(group.derivative_spans),
        credited_to=group.credited_to,
        carried=carried.items(),
    )


# --- compare -----------------------------------------------------------------------------


def _document(value: object, role: str, options: CompareOptions) -> Document:
    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        return Document.from_text(value, doc_id=role, agencies=options.agencies)
    if isinstance(value, os.PathLike):
        return Document.from_path(os.fspath(value), agencies=options.agencies)
    msg = f"compare() takes text, a Document or a path for {role!r}, got {type(value).__name__}"
    raise InvalidOptionError(msg, option=role)


def _options(value: object) -> CompareOptions:
    opts = value if value is not None else CompareOptions()
    if not isinstance(opts, CompareOptions):
        msg = f"'options' must be CompareOptions, got {type(opts).__name__}"
        raise InvalidOptionError(msg, option="options")
    return opts


def _wires(value: object, options: CompareOptions) -> tuple[Document, ...]:
    given: list[object] = [value]  # _document() checks each one's type
    if not isinstance(value, (str, Document, os.PathLike)) and isinstance(value, Iterable):
        given = list(value)
    if not given:
        msg = "compare() needs at least one wire report"
        raise InvalidOptionError(msg, option="wire")
    roles = ["wire"] if len(given) == 1 else [f"wire {n + 1}" for n in range(len(given))]
    return tuple(_document(v, role, options) for v, role in zip(given, roles, strict=True))


def _documents(value: Iterable[object]) -> tuple[Document, ...]:
    found = tuple(value)
    if not found:
        msg = "a prepared wire needs at least one wire report"
        raise InvalidOptionError(msg, option="wire")
    documents = []
    for doc in found:
        if not isinstance(doc, Document):
            msg = f"'wires' must hold Document objects, got {type(doc).__name__}"
            raise InvalidOptionError(msg, option="wire")
        documents.append(doc)
    return tuple(documents)


@attrs.frozen
class PreparedWire:
    """Wire report(s) made ready to be compared with many derivatives.

    Comparing a derivative with a wire report does some work on the wire alone: it
    parses the wire, keys the words of its segments for alignment, extracts its
    attributions and the speakers behind them, and finds the names, figures,
    quotations, hedges and claims the detectors look for in it. A prepared wire does
    that work once and keeps it; ``compare(prepared, derivative)`` then does only
    the derivative's part. The results are the same as ``compare(wire, derivative,
    options=options)``, to the last digit.

    Make one with :func:`prepare`. Some of the work is done there (the alignment
    keys and the attributions of every wire), the rest on first use, and kept
    for the prepared wire's lifetime. A prepared wire can be shared by threads and
    sent to other processes: it pickles as its documents and options, and the
    receiving process redoes the wire-side work on first use.

    Attributes:
        wires: The wire documents, in order.
        options: The options of every comparison with it.

    .. versionadded:: 0.1
    """

    wires: tuple[Document, ...] = attrs.field(converter=_documents)
    options: CompareOptions
    _aligner: WireAligner = attrs.field(init=False, eq=False, repr=False)
    _memo: dict[Hashable, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        options: object = self.options
        if not isinstance(options, CompareOptions):
            msg = f"'options' must be a CompareOptions, got {type(options).__name__}"
            raise InvalidOptionError(msg, option="options")
        aligner = WireAligner(self.wires, self.options.alignment)
        object.__setattr__(self, "_aligner", aligner)
        aligner.side(aligner.own)  # the wires' keys, with the acronyms they define
        for index, doc in enumerate(self.wires):
            self._memo[wire_attributions_key(index)] = extract_attributions(
                doc, lexicon=self.options.reporting
            )

    @property
    def wire(self) -> Document:
        """The first (usually the only) wire document."""
        return self.wires[0]

    def __reduce__(self) -> tuple[type[PreparedWire], tuple[tuple[Document, ...], CompareOptions]]:
        # The documents and options only: the wire-side work is redone where it is used.
        return (type(self), (self.wires, self.options))

    def compare(self, derivative: TextOrDocument) -> Comparison:
        """Compare *derivative* with the prepared wire(s): ``compare(self, derivative)``."""
        options = self.options
        derived = _document(derivative, "derivative", options)
        alignment = self._aligner.align(derived)
        context = DetectionContext(alignment, options.lexicons, options.agencies, options.reporting)
        context._share(self._memo)  # noqa: SLF001 - the context's own kind of memo
        findings = run_detectors(context, options.detectors)
        speakers = speaker_outcomes(context)
        return Comparison(
            options=options,
            alignment=alignment,
            findings=findings,
            speakers=speakers,
            summary=Summary.of(alignment, findings, speakers),
        )


def prepare(
    wire: TextOrDocument | Sequence[TextOrDocument],
    *,
    options: CompareOptions | None = None,
) -> PreparedWire:
    """Prepare a wire report (or several) for comparison with many derivatives.

    ``compare(prepare(wire), derivative)`` gives the same :class:`Comparison` as
    ``compare(wire, derivative)``; the wire-side work is done once, not for every
    derivative (see :class:`PreparedWire`)::

        prepared = sourcecompare.prepare(wire_text)
        results = [sourcecompare.compare(prepared, text) for text in derivatives]

    Args:
        wire: The wire report as text, a :class:`Document` or a path; or a sequence
            of them (see :func:`compare`).
        options: The options of every comparison with it; :class:`CompareOptions`
            defaults.

    Returns:
        The :class:`PreparedWire`.

    Raises:
        EmptyDocumentError: A text is empty or has no body.
        InputError: A path cannot be read or decoded.
        InvalidOptionError: No wire was given, or an argument has the wrong type.

    .. versionadded:: 0.1
    """
    opts = _options(options)
    return PreparedWire(_wires(wire, opts), opts)


def compare(
    wire: PreparedWire | TextOrDocument | Sequence[TextOrDocument],
    derivative: TextOrDocument,
    *,
    options: CompareOptions | None = None,
) -> Comparison:
    """Compare a derivative with its wire report, or with several.

    Args:
        wire: The wire report as text, a :class:`Document` or a path; or a sequence
            of them, when each derivative sentence is credited to the wire it comes
            from (or reported as unsupported by every one); or a
            :class:`PreparedWire`, to compare many derivatives with the same wire
            (see :func:`prepare`).
        derivative: The article derived from it, likewise.
        options: What to align and detect with; :class:`CompareOptions` defaults. A
            prepared wire brings its own: give none, or the same.

    Returns:
        The :class:`Comparison`.

    Raises:
        EmptyDocumentError: A text is empty or has no body.
        InputError: A path cannot be read or decoded.
        InvalidOptionError: No wire was given, an argument has the wrong type, or
            *options* differ from those the wire was prepared with.

    .. versionadded:: 0.1
    """
    if isinstance(wire, PreparedWire):
        if options is not None and options is not wire.options and options != wire.options:
            msg = (
                "compare() was given a wire prepared with other options; pass no "
                "options, or prepare the wire with these"
            )
            raise InvalidOptionError(msg, option="options")
        return wire.compare(derivative)
    return prepare(wire, options=options).compare(derivative)
