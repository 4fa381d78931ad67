"""Alignment: which wire sentences support each derivative segment, down to the word.

For every derivative segment (headline, heading, sentence) alignment finds the wire
segments that support it and how:

1. **Keys and weights.** Tokens become units with comparison keys (stems, names,
   acronyms, numbers; :mod:`sourcecompare._keys`). Each content key is weighted by
   its inverse document frequency over the segments of both texts, optionally
   blended with background frequencies (:class:`TermStats`): words every sentence
   shares ("NGOs" in a story about NGOs) count little; rare ones count a lot.
2. **Candidates.** An inverted index from key to wire segments narrows the search:
   only wire segments sharing weighted content with a derivative segment are
   scored, so cost grows with plausible pairs, not with all pairs. A section heading
   is only compared with the wire's headline and headings.
3. **Greedy sources.** The best-supporting wire segment is taken first; further ones
   are added while each raises the support (the measure's score of the derivative
   segment against the union of its sources) by at least ``min_gain``, up to
   ``max_sources``. One source is a rewrite; several are a fusion.
4. **Words.** For each source, a longest common subsequence over unit keys (Hunt and
   Szymanski's algorithm, O((r + n) log n)) gives the edit script; every content unit
   of the derivative segment is linked to the wire words that cover it, or reported
   as new.
5. **Labels.** ``verbatim`` (same words in the same order), ``edited`` (mostly the
   wire's words in the wire's order), ``paraphrase`` (supported, reworded), ``fused``
   (several sources), ``embellished`` (partly supported), ``unsupported``.

The reverse view gives, for every wire sentence, how much of it survives, in which
derivative segments, and which of its words were dropped.
"""

from __future__ import annotations

import bisect
import enum
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import chain
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from sourcecompare._documents import Document, Segment, SegmentKind
from sourcecompare._keys import Equivalents, Learned, Unit, conflate, definitions
from sourcecompare._sightings import Sightings
from sourcecompare._tokens import tokenize
from sourcecompare.exceptions import InvalidOptionError
from sourcecompare.similarity import (
    Similarity,
    TermBag,
    TextdistanceSimilarity,
    _containment,
    get_measure,
    union_of,
    weighted_bag,
    weighted_containment,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = [
    "AlignOptions",
    "Alignment",
    "AlignmentLabel",
    "EditOp",
    "SegmentAlignment",
    "SourceMatch",
    "TermStats",
    "WireFate",
    "WireSentenceAlignment",
    "WordLink",
    "align",
]


class AlignmentLabel(str, enum.Enum):
    """How a derivative segment relates to the wire.

    .. versionadded:: 0.1
    """

    VERBATIM = "verbatim"
    """The same words as one wire segment, in the same order."""
    EDITED = "edited"
    """Mostly one wire segment's words in its order: trimmed or lightly changed."""
    PARAPHRASE = "paraphrase"
    """Supported by one wire segment, but reworded or reordered."""
    FUSED = "fused"
    """Supported by several wire segments together."""
    EMBELLISHED = "embellished"
    """Partly supported: a wire core with substantial content the wire does not have."""
    UNSUPPORTED = "unsupported"
    """No meaningful support in the wire."""

    @property
    def supported(self) -> bool:
        """Whether the wire supports the segment at least in part."""
        return self is not AlignmentLabel.UNSUPPORTED


class WireFate(str, enum.Enum):
    """What became of a wire sentence in the derivative.

    .. versionadded:: 0.1
    """

    KEPT = "kept"
    PARTIAL = "partial"
    OMITTED = "omitted"


def _unit_interval(_instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    if type(value) is float and 0.0 <= value <= 1.0:  # the usual case (never a NaN)
        return
    if not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0 and not math.isnan(value)):
        msg = f"'{attribute.name}' must be a number between 0 and 1, got {value!r}"
        raise InvalidOptionError(msg, option=attribute.name)


def _positive(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100:
        msg = f"'{attribute.name}' must be a whole number from 1 to 100, got {value!r}"
        raise InvalidOptionError(msg, option=attribute.name)


def _penalty(_instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    if not (isinstance(value, (int, float)) and 0.0 <= value <= 10.0 and not math.isnan(value)):
        msg = f"'{attribute.name}' must be a number between 0 and 10, got {value!r}"
        raise InvalidOptionError(msg, option=attribute.name)


def _power(_instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    if not (isinstance(value, (int, float)) and 0.25 <= value <= 4.0 and not math.isnan(value)):
        msg = f"'{attribute.name}' must be a number from 0.25 to 4, got {value!r}"
        raise InvalidOptionError(msg, option=attribute.name)


def _known_measure(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    get_measure(value)  # raises UnknownMeasureError naming the choices


def key_weight(documents: int, frequency: int, power: float = 1.25) -> float:
    """The weight of a key found in *frequency* of *documents* segments.

    ``log((documents + 1) / frequency) ** power``: rare keys weigh a lot, keys found in
    nearly every segment (function words, the story's topic words) almost nothing.
    A power above 1 sharpens that contrast; ``bench/calibrate_alignment.py`` measures
    the choice. The ``+ 1`` keeps every weight positive, so that even two one-sentence
    texts can support each other.

    .. versionadded:: 0.1
    """
    return float(math.log((documents + 1) / max(frequency, 1)) ** power)


@attrs.frozen
class TermStats:
    """Background document frequencies of keys, to blend into the weights.

    Build it from a corpus of the kind of text you compare (:meth:`from_texts`); the
    two texts of one comparison alone can make a word look rarer than it is.

    Attributes:
        documents: How many documents were counted.
        frequencies: Key to the number of documents containing it.

    .. versionadded:: 0.1
    """

    documents: int = attrs.field(validator=attrs.validators.ge(1))
    frequencies: Mapping[str, int] = attrs.field(repr=False)

    @classmethod
    def from_texts(
        cls, texts: Iterable[str], *, equivalents: Equivalents | None = None
    ) -> TermStats:
        """Count, for every key, how many of *texts* contain it."""
        table = equivalents or Equivalents.default()
        counts: Counter[str] = Counter()
        documents = 0
        for text in texts:
            documents += 1
            counts.update({u.key for u in table.units_of(tokenize(text))})
        if documents == 0:
            msg = "TermStats.from_texts needs at least one text"
            raise InvalidOptionError(msg, option="background")
        return cls(documents, dict(counts))

    def idf(self, key: str, power: float = 1.25) -> float:
        """The weight of *key* by these frequencies (see :func:`key_weight`)."""
        return key_weight(self.documents, self.frequencies.get(key, 0), power)


@attrs.frozen
class AlignOptions:
    """Options of :func:`align`. Frozen and validated: a bad value raises on creation.

    The default thresholds and penalties were calibrated on annotated data by
    ``bench/calibrate_alignment.py``, which says on what and how well.

    Attributes:
        measure: Name of a built-in :data:`~sourcecompare.similarity.MEASURES` entry.
        similarity: A custom :class:`~sourcecompare.similarity.Similarity`; overrides
            *measure* when given.
        supported: Support at or above which a segment is supported (verbatim,
            edited, paraphrase or fused).
        partial: Support at or above which a segment is embellished rather than
            unsupported.
        min_gain: Least gain in support for a further source to be added.
        max_sources: Most sources one segment may have.
        max_candidates: Most wire segments scored for one segment after narrowing.
        verbatim: A single-source segment is verbatim when its word order agreement
            with the source, the share of the source it covers, and its support are
            all at or above this.
        edited: Share of the segment's words appearing in the wire's order at or above
            which a single-source segment is edited rather than a paraphrase.
        kept: Coverage at or above which a wire sentence is kept.
        omitted: Coverage below which a wire sentence is omitted.
        background: Background document frequencies, or ``None``.
        background_weight: Share of the background in the blended weights.
        weight_power: Exponent of the inverse document frequency in key weights; above
            1 sharpens rare against common words (see :func:`key_weight`).
        function_word_weight: Share of their weight that function words ("the",
            "on", "by") keep in support; 0 leaves them out. Counting them helps
            paraphrase detection a little and hurts the support of sentences.
        run_penalty: How much each word of the longest stretch without counterpart
            lowers a pair's similarity (``exp(-run_penalty * words)``).
        number_penalty: The same for each number found in only one of the pair.
        negation_penalty: The same when only one of the pair is negated.
        equivalents: Tables of equivalent words (demonyms, acronyms, number words).

    .. versionadded:: 0.1
    """

    measure: str = attrs.field(default="containment", validator=_known_measure)
    similarity: Similarity | None = attrs.field(default=None, hash=False, repr=False)
    supported: float = attrs.field(default=0.4, validator=_unit_interval)
    partial: float = attrs.field(default=0.31, validator=_unit_interval)
    min_gain: float = attrs.field(default=0.08, validator=_unit_interval)
    max_sources: int = attrs.field(default=3, validator=_positive)
    max_candidates: int = attrs.field(default=8, validator=_positive)
    verbatim: float = attrs.field(default=0.97, validator=_unit_interval)
    edited: float = attrs.field(default=0.7, validator=_unit_interval)
    kept: float = attrs.field(default=0.3, validator=_unit_interval)
    omitted: float = attrs.field(default=0.05, validator=_unit_interval)
    background: TermStats | None = attrs.field(default=None, hash=False, repr=False)
    background_weight: float = attrs.field(default=0.5, validator=_unit_interval)
    function_word_weight: float = attrs.field(default=0.0, validator=_unit_interval)
    weight_power: float = attrs.field(default=1.25, validator=_power)
    run_penalty: float = attrs.field(default=0.2, validator=_penalty)
    number_penalty: float = attrs.field(default=0.1, validator=_penalty)
    negation_penalty: float = attrs.field(default=0.6, validator=_penalty)
    equivalents: Equivalents = attrs.field(factory=Equivalents.default, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.partial > self.supported:
            msg = f"'partial' ({self.partial}) must not exceed 'supported' ({self.supported})"
            raise InvalidOptionError(msg, option="partial")
        if self.omitted > self.kept:
            msg = f"'omitted' ({self.omitted}) must not exceed 'kept' ({self.kept})"
            raise InvalidOptionError(msg, option="omitted")

    def measure_impl(self) -> Similarity:
        """The similarity in force: the custom one, or the named built-in."""
        return self.similarity if self.similarity is not None else get_measure(self.measure)


@attrs.frozen
class EditOp:
    """One step of the word-level edit script from a wire segment to a derivative one.

    Token ranges are half-open index ranges into the two segments' ``tokens``.

    Attributes:
        op: ``"equal"``, ``"replace"``, ``"insert"`` (words only the derivative has)
            or ``"delete"`` (wire words the derivative dropped).
        derivative: ``(first, last)`` token range in the derivative segment.
        wire: ``(first, last)`` token range in the wire segment.

    .. versionadded:: 0.1
    """

    op: str
    derivative: tuple[int, int]
    wire: tuple[int, int]


@attrs.frozen
class WordLink:
    """A derivative word (or multi-word name) and the wire word that covers it.

    Attributes:
        derivative: ``(first, last)`` token range in the derivative segment.
        wire: Index of the wire document.
        wire_segment: Index of the wire segment (in that document's ``segments``).
        wire_tokens: ``(first, last)`` token range in the wire segment.
        how: ``"exact"`` (same word), ``"form"`` (same stem, another form:
            "organization"/"organizations") or ``"equivalent"`` (same name or number
            written differently: "UN"/"United Nations", "Chinese"/"China", "five"/"5").

    .. versionadded:: 0.1
    """

    derivative: tuple[int, int]
    wire: int
    wire_segment: int
    wire_tokens: tuple[int, int]
    how: str


@attrs.frozen
class SourceMatch:
    """One wire segment supporting a derivative segment.

    Attributes:
        wire: Index of the wire document.
        segment: Index of the wire segment in that document's ``segments``.
        score: Support of the derivative segment by this source alone, in [0, 1].
        contribution: What this source added to the support when it was chosen
            (the first source's contribution is its score).
        similarity: Symmetric similarity of the two segments, in [0, 1]: how much of
            each the other covers (the smaller share), lowered for the longest
            stretch of words without counterpart, for numbers only one of them has,
            and for a negation only one of them has. Near 1 means "says the same".
        wire_coverage: How much of the wire segment the derivative segment covers.
        order: Share of the derivative segment's words that follow the wire's order
            (longest common subsequence of keys over the segment's length).
        edits: The word-level edit script.
        dropped: Token ranges of wire content words the derivative segment lacks.

    .. versionadded:: 0.1
    """

    wire: int
    segment: int
    score: float = attrs.field(validator=_unit_interval)
    contribution: float = attrs.field(validator=_unit_interval)
    similarity: float = attrs.field(validator=_unit_interval)
    wire_coverage: float = attrs.field(validator=_unit_interval)
    order: float = attrs.field(validator=_unit_interval)
    edits: tuple[EditOp, ...] = attrs.field(repr=False)
    dropped: tuple[tuple[int, int], ...] = attrs.field(repr=False)


@attrs.frozen
class SegmentAlignment:
    """How one derivative segment aligns with the wire.

    Attributes:
        segment: Index of the derivative segment.
        label: Its :class:`AlignmentLabel`.
        support: How much of it its sources together support, in [0, 1].
        sources: Its sources, strongest first.
        links: Its content words covered by the wire, each with the wire words.
        new: Token ranges of its content words the sources do not cover.

    .. versionadded:: 0.1
    """

    segment: int
    label: AlignmentLabel
    support: float = attrs.field(validator=_unit_interval)
    sources: tuple[SourceMatch, ...]
    links: tuple[WordLink, ...] = attrs.field(repr=False)
    new: tuple[tuple[int, int], ...] = attrs.field(repr=False)


@attrs.frozen
class WireSentenceAlignment:
    """What became of one wire sentence.

    Attributes:
        wire: Index of the wire document.
        segment: Index of the wire segment.
        fate: Kept, partial or omitted.
        coverage: How much of it the derivative segments that draw on it cover.
        derivative_segments: Indices of those derivative segments, in order.
        dropped: Token ranges of its content words that none of them covers.

    .. versionadded:: 0.1
    """

    wire: int
    segment: int
    fate: WireFate
    coverage: float = attrs.field(validator=_unit_interval)
    derivative_segments: tuple[int, ...]
    dropped: tuple[tuple[int, int], ...] = attrs.field(repr=False)


@attrs.frozen
class Alignment:
    """The alignment of a derivative with one or more wire reports.

    Attributes:
        wires: The wire documents.
        derivative: The derivative document.
        options: The options used.
        segments: One entry per derivative segment, in order.
        wire_sentences: One entry per wire sentence, by wire, in order (the headline
            and headings are not sentences of the report).

    .. versionadded:: 0.1
    """

    wires: tuple[Document, ...] = attrs.field(repr=False)
    derivative: Document = attrs.field(repr=False)
    options: AlignOptions = attrs.field(repr=False)
    segments: tuple[SegmentAlignment, ...]
    wire_sentences: tuple[WireSentenceAlignment, ...]
    # How align() keyed the derivative, for the detectors (see keyed()); not a result.
    _keyed: _Keyed | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def wire(self) -> Document:
        """The first (usually the only) wire document."""
        return self.wires[0]

    def wire_segment(self, source: SourceMatch | WordLink | WireSentenceAlignment) -> Segment:
        """The wire segment a source, link or wire-sentence entry refers to."""
        if isinstance(source, WordLink):
            return self.wires[source.wire].segments[source.wire_segment]
        return self.wires[source.wire].segments[source.segment]

    def derivative_segment(self, entry: SegmentAlignment) -> Segment:
        """The derivative segment an entry refers to."""
        return self.derivative.segments[entry.segment]

    @property
    def supported_share(self) -> float:
        """Share of the derivative's sentences (by tokens) the wire supports at least in part."""
        return self._derivative_shares()[0]

    @property
    def verbatim_share(self) -> float:
        """Share of the derivative's sentences (by tokens) copied verbatim."""
        return self._derivative_shares()[1]

    @property
    def kept_share(self) -> float:
        """Share of the wire's sentences (by tokens) kept at least in part."""
        total = kept = 0
        for entry in self.wire_sentences:
            size = len(self.wire_segment(entry).tokens)
            total += size
            kept += size if entry.fate is not WireFate.OMITTED else 0
        return kept / total if total else 0.0

    def _derivative_shares(self) -> tuple[float, float]:
        """:attr:`supported_share` and :attr:`verbatim_share`, in one pass over the segments.

        :class:`~sourcecompare.Summary` needs both for every comparison.
        """
        total = supported = verbatim = 0
        segments = self.derivative.segments
        for entry in self.segments:
            segment = segments[entry.segment]  # self.derivative_segment(entry)
            if segment.kind is not SegmentKind.SENTENCE:
                continue
            size = len(segment.tokens)
            total += size
            label = entry.label
            if label is not AlignmentLabel.UNSUPPORTED:  # label.supported
                supported += size
                if label is AlignmentLabel.VERBATIM:
                    verbatim += size
        if not total:
            return (0.0, 0.0)
        return (supported / total, verbatim / total)

    def __rich__(self) -> RenderableType:
        from sourcecompare.render.console import alignment_view  # noqa: PLC0415 - lazy

        return alignment_view(self)


# --- the algorithm -----------------------------------------------------------------------


class _Keyed(NamedTuple):
    """How :func:`align` keyed a derivative: see :func:`keyed`."""

    learned: Learned
    equivalents: Equivalents
    units: tuple[tuple[Unit, ...], ...]


def keyed(
    alignment: Alignment,
) -> tuple[Learned, Equivalents, tuple[tuple[Unit, ...], ...]] | None:
    """How the derivative was keyed: definitions learned, equivalents, units per segment.

    ``None`` for an alignment not made by :func:`align` (read back from JSON, or
    changed with ``attrs.evolve``). The detectors key the derivative as alignment
    did; this spares them doing it again.
    """
    return alignment._keyed  # noqa: SLF001 - this module's own


class _Segmented:
    """A segment's units, and what alignment reads off them whatever the weights.

    Wire segments keep theirs across comparisons with a prepared wire (see
    :class:`WireAligner`); the lazily built parts are built at most once.
    """

    __slots__ = (
        "_content_indices",
        "_content_keys",
        "_content_ranges",
        "_content_units",
        "_first_of",
        "_negated",
        "_numbers",
        "_positions",
        "_steps",
        "doc",
        "inner",
        "key_set",
        "keys",
        "segment",
        "units",
    )

    def __init__(
        self, doc: int, segment: Segment, units: tuple[Unit, ...], equivalents: Equivalents
    ) -> None:
        self.doc = doc
        self.segment = segment
        self.units = units
        self.keys = [u.key for u in units]
        self.key_set = frozenset(self.keys)
        # Key and token range of each content word inside a multi-word unit: as a
        # source, "Port Alder Water Authority (PAWA)" also covers "Port Alder".
        inner: list[tuple[str, int, int]] = []
        tokens = segment.tokens
        if len(units) != len(tokens):  # else every unit is one token
            for unit in units:
                if unit.last - unit.first > 1:
                    for index in range(unit.first, unit.last):
                        token = tokens[index]
                        if not token.is_stop:
                            inner.append((equivalents.key(token), index, index + 1))
        self.inner = inner
        self._positions: dict[str, list[int]] | None = None
        self._first_of: dict[str, Unit] | None = None
        self._numbers: frozenset[str] | None = None
        self._negated: bool | None = None
        self._content_ranges: tuple[tuple[int, int], ...] | None = None
        self._content_units: list[tuple[str, tuple[int, int]]] | None = None
        self._content_indices: list[int] | None = None
        self._content_keys: list[str] | None = None
        self._steps: list[tuple[str, bool, float]] | None = None

    def like(self, doc: int, segment: Segment) -> _Segmented:
        """This segment's units and what is read off them, for *segment* of *doc*.

        *segment* must have the same token texts: its units, keys and everything
        built from them are then the same (a token's analysis depends on its text
        alone), and are shared rather than built again, lazily built parts included
        as far as they are built yet.
        """
        # Slot by slot (a loop of getattr and setattr costs three times as much).
        clone = _Segmented.__new__(_Segmented)
        clone.doc = doc
        clone.segment = segment
        clone.units = self.units
        clone.keys = self.keys
        clone.key_set = self.key_set
        clone.inner = self.inner
        clone._positions = self._positions  # noqa: SLF001 - its own class
        clone._first_of = self._first_of  # noqa: SLF001
        clone._numbers = self._numbers  # noqa: SLF001
        clone._negated = self._negated  # noqa: SLF001
        clone._content_ranges = self._content_ranges  # noqa: SLF001
        clone._content_units = self._content_units  # noqa: SLF001
        clone._content_indices = self._content_indices  # noqa: SLF001
        clone._content_keys = self._content_keys  # noqa: SLF001
        clone._steps = self._steps  # noqa: SLF001
        return clone

    @property
    def positions(self) -> dict[str, list[int]]:
        """Key to the positions of the units with that key, last first (for :func:`_lcs`)."""
        if self._positions is None:
            self._positions = _descending_positions(self.keys)
        return self._positions

    @property
    def first_of(self) -> dict[str, Unit]:
        """Key to the first unit with it; then the words inside multi-word units."""
        if self._first_of is None:
            first_of: dict[str, Unit] = {}
            for unit in self.units:
                first_of.setdefault(unit.key, unit)
            for key, first, last in self.inner:
                first_of.setdefault(key, Unit(key, first, last, True))
            self._first_of = first_of
        return self._first_of

    @property
    def steps(self) -> list[tuple[str, bool, float]]:
        """Per unit: its key, whether it is content, and what it adds to an unmatched run.

        A capitalised name part inside a sentence adds half (see
        :func:`_longest_unmatched`), any other unit one.
        """
        if self._steps is None:
            tokens = self.segment.tokens
            self._steps = [
                (
                    unit.key,
                    unit.content,
                    0.5
                    if unit.content
                    and position
                    and tokens[unit.first].is_capitalized
                    and not tokens[unit.first].is_number
                    else 1.0,
                )
                for position, unit in enumerate(self.units)
            ]
        return self._steps

    @property
    def content_keys(self) -> list[str]:
        """The keys whose last unit is content, in order of first appearance.

        Those a weight of 0 for function words keeps: ``{u.key: w * (1.0 if
        u.content else 0.0) for u in units}`` gives each key its last unit's weight.
        """
        if self._content_keys is None:
            last = {u.key: u.content for u in self.units}
            self._content_keys = [key for key, content in last.items() if content]
        return self._content_keys

    @property
    def content_ranges(self) -> tuple[tuple[int, int], ...]:
        """The token ranges of the content units."""
        if self._content_ranges is None:
            self._content_ranges = tuple(r for _, r in self.content_units)
        return self._content_ranges

    @property
    def content_indices(self) -> list[int]:
        """The positions of the content units among the units."""
        if self._content_indices is None:
            self._content_indices = [i for i, u in enumerate(self.units) if u.content]
        return self._content_indices

    @property
    def content_units(self) -> list[tuple[str, tuple[int, int]]]:
        """The key and token range of each content unit, in order."""
        if self._content_units is None:
            self._content_units = [(u.key, (u.first, u.last)) for u in self.units if u.content]
        return self._content_units

    def dropped(self, present: AbstractSet[str]) -> tuple[tuple[int, int], ...]:
        """The token ranges of the content units whose key is not in *present*."""
        if self.key_set <= present:  # every key present: nothing dropped, at a glance
            return ()
        return tuple([r for key, r in self.content_units if key not in present])

    @property
    def numbers(self) -> frozenset[str]:
        """Keys of the numbers, written in digits or words ("five" keys as "5")."""
        if self._numbers is None:
            self._numbers = frozenset([key for key in self.keys if key[:1].isdigit()])
        return self._numbers

    @property
    def negated(self) -> bool:
        """Whether a word of the segment negates."""
        if self._negated is None:
            norms = [t.norm for t in self.segment.tokens]
            # A norm has no whitespace, so one ends in "n't" exactly when the joined
            # norms hold "n't " (one search instead of a call per word).
            self._negated = not _NEGATIONS.isdisjoint(norms) or "n't " in " ".join(norms) + " "
        return self._negated


class _WireSide:
    """The wire documents as alignment sees them, with one table of equivalents."""

    def __init__(self, wires: Sequence[Document], equivalents: Equivalents) -> None:
        self.equivalents = equivalents
        self.segments = [
            _Segmented(doc_index, segment, tuple(equivalents.units_of(segment.tokens)), equivalents)
            for doc_index, doc in enumerate(wires)
            for segment in doc.segments
        ]
        # How many wire segments have each key (the wires' share of document frequency).
        self.frequency: Counter[str] = Counter()
        for info in self.segments:
            self.frequency.update(info.key_set)
        # Segments keyed so far, by their tokens' texts (see segmented): the wires'
        # first, then the derivatives' (derivatives copy the wire's sentences, and
        # derivatives of one wire each other's), the latter dropped now and then.
        self._wire_known = {_surfaces(info.segment): info for info in reversed(self.segments)}
        self._known = dict(self._wire_known)
        # What _Aligner._source made of a derivative segment (by its tokens' texts)
        # and a wire position, and _Aligner._links of it and its sources, besides the
        # scores: that depends on the two segments' units and tokens alone, and
        # derivatives repeat the same sentences. Dropped now and then.
        self.pairs: dict[tuple[tuple[str, ...], int], _Pair] = {}
        self.links: dict[tuple[tuple[str, ...], tuple[int, ...]], _Links] = {}
        # The three tables keep a derivative's segment, pair or links from the second
        # sighting of its key on: what one derivative alone writes is not kept.
        self.sightings = Sightings(_SIGHTINGS)
        self._postings: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None

    def segmented(self, segment: Segment, surfaces: tuple[str, ...]) -> _Segmented:
        """The derivative *segment*, whose tokens' texts are *surfaces*, with its units (doc 0).

        A segment whose token texts were keyed before shares what was built then (see
        :meth:`_Segmented.like`).
        """
        known = self._known.get(surfaces)
        if known is not None:
            return known.like(0, segment)
        equivalents = self.equivalents
        info = _Segmented(0, segment, tuple(equivalents.units_of(segment.tokens)), equivalents)
        if self.sightings.again(surfaces):
            if len(self._known) >= _KNOWN:
                self._known = dict(self._wire_known)
            self._known[surfaces] = info
        return info

    @property
    def postings(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Key to the wire positions whose cover has it, with the default weights.

        With function words weighing 0 and no background, a wire segment covers its
        content keys (all its keys if it has none), and the keys of the words inside
        its multi-word units that some segment has: those of a wire segment, always
        (the first mapping), and the others when the derivative has them (the second).
        Positions are in order, as :class:`_Aligner` would index them.
        """
        if self._postings is None:
            index: dict[str, list[int]] = {}
            inner_only: dict[str, list[int]] = {}
            frequency = self.frequency
            for position, info in enumerate(self.segments):
                chosen = info.content_keys or info.keys
                for key in dict.fromkeys(chosen):
                    index.setdefault(key, []).append(position)
                inside = {key: None for key, _, _ in info.inner if key not in chosen}
                for key in inside:
                    target = index if key in frequency else inner_only
                    target.setdefault(key, []).append(position)
            self._postings = (index, inner_only)
        return self._postings


# Wire sides kept per prepared wire, one per distinct set of learned definitions.
_SIDES: Final = 8
# Derivative segments a wire side keeps keyed (see _WireSide.segmented), besides the wires'.
_KNOWN: Final = 2048
# Pairs of a derivative segment and a wire position a wire side keeps (_WireSide.pairs).
_PAIRS: Final = 4096
# Keys a wire side notes as sighted once (_WireSide.sightings), for the three tables.
_SIGHTINGS: Final = 16384


class _Pair(NamedTuple):
    """What :meth:`_Aligner._source` makes of a pair besides the scores."""

    matches: list[tuple[int, int]]  # the LCS of their keys
    edits: tuple[EditOp, ...]
    dropped: tuple[tuple[int, int], ...]
    run: float  # the longest stretch without counterpart, either way
    numbers: int  # how many numbers only one of them has
    negated: bool  # whether only one of them negates


_Links = tuple[tuple[WordLink, ...], tuple[tuple[int, int], ...]]
_TEXT: Final = operator.itemgetter(2)  # Token.text


def _surfaces(segment: Segment) -> tuple[str, ...]:
    """The texts of *segment*'s tokens: all its units depend on."""
    return tuple(map(_TEXT, segment.tokens))


class WireAligner:
    """Wire documents prepared for alignment with many derivatives.

    The units of the wire segments depend on the equivalents, which learn the
    acronyms the texts define: those of the wires, and those of each derivative. A
    wire side is built for each distinct set of learned definitions (usually the
    wires' own: derivatives rarely define an acronym the wire does not) and kept.
    """

    def __init__(self, wires: Sequence[Document], options: AlignOptions) -> None:
        self.wires = tuple(wires)
        self.options = options
        self.measure = options.measure_impl()
        self.definitions = [found for doc in self.wires for found in definitions(doc)]
        self.own = options.equivalents.merge_learned(self.definitions)
        self._sides: dict[Learned, _WireSide] = {}

    def learned(self, derivative: Document) -> Learned:
        """The definitions a comparison with *derivative* learns (wires' and its own)."""
        found = definitions(derivative)
        if not found:
            return self.own
        return self.options.equivalents.merge_learned(self.definitions, found)

    def side(self, learned: Learned) -> _WireSide:
        """The wire side with the equivalents that know *learned*."""
        side = self._sides.get(learned)
        if side is None:
            side = _WireSide(self.wires, self.options.equivalents.with_learned(learned))
            if len(self._sides) >= _SIDES:
                own = self._sides.get(self.own)
                self._sides.clear()
                if own is not None:
                    self._sides[self.own] = own
            self._sides[learned] = side
        return side

    def align(self, derivative: Document) -> Alignment:
        """Align *derivative* with the wires."""
        learned = self.learned(derivative)
        side = self.side(learned)
        aligner = _Aligner(self.wires, derivative, self.options, side=side, measure=self.measure)
        aligned = tuple(map(aligner.align_segment, aligner.derivative_items))
        alignment = Alignment(
            wires=self.wires,
            derivative=derivative,
            options=self.options,
            segments=aligned,
            wire_sentences=aligner.wire_fates(aligned),
        )
        units = tuple([item.units for item in aligner.derivative_items])
        object.__setattr__(alignment, "_keyed", _Keyed(learned, side.equivalents, units))
        return alignment


class _Prepared:
    """A segment with its units and bag, ready to align."""

    __slots__ = ("bag", "doc", "info", "segment", "total", "units")

    def __init__(self, info: _Segmented, bag: TermBag, total: float) -> None:
        self.doc = info.doc
        self.segment = info.segment
        self.units = info.units
        self.info = info
        self.bag = bag
        self.total = total  # bag.total


def lcs_pairs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Return index pairs of a longest common subsequence of *a* and *b*.

    Hunt and Szymanski's reduction to a longest increasing subsequence: each match
    ``(i, j)`` is visited with ``j`` descending for a fixed ``i``, so the strictly
    increasing chains of ``j`` are exactly the common subsequences. Ties resolve to
    the earliest positions, so the result is deterministic.
    """
    return _lcs(a, _descending_positions(b))


def _descending_positions(keys: Sequence[str]) -> dict[str, list[int]]:
    """Each key of *keys* with its positions, last first."""
    positions: dict[str, list[int]] = {}
    for j in range(len(keys) - 1, -1, -1):
        positions.setdefault(keys[j], []).append(j)
    return positions


def _lcs(a: Sequence[str], positions: Mapping[str, Sequence[int]]) -> list[tuple[int, int]]:
    """:func:`lcs_pairs` of *a* and a sequence given by the positions of its keys.

    *positions*: :func:`_descending_positions` of the other sequence.
    """
    tails: list[int] = []  # strictly increasing
    tail_at: list[int] = []
    back: list[int] = []
    pairs: list[tuple[int, int]] = []
    bisect_left = bisect.bisect_left
    get = positions.get
    for i, key in enumerate(a):
        found = get(key)
        if not found:
            continue
        for j in found:
            # bisect_left(tails, j), with the common case (j past every tail) first.
            place = len(tails) if not tails or tails[-1] < j else bisect_left(tails, j)
            back.append(tail_at[place - 1] if place else -1)
            if place == len(tails):
                tails.append(j)
                tail_at.append(len(pairs))
            else:
                tails[place] = j
                tail_at[place] = len(pairs)
            pairs.append((i, j))
    result: list[tuple[int, int]] = []
    at = tail_at[-1] if tail_at else -1
    while at >= 0:
        result.append(pairs[at])
        at = back[at]
    result.reverse()
    return result


def _edit_script(
    d_units: Sequence[Unit], w_units: Sequence[Unit], matches: Sequence[tuple[int, int]]
) -> tuple[EditOp, ...]:
    """Turn unit matches into an edit script over token ranges."""
    ops: list[EditOp] = []
    append = ops.append
    d_end = d_units[-1].last if d_units else 0
    w_end = w_units[-1].last if w_units else 0
    d_size = len(d_units)
    w_size = len(w_units)

    # The token range of units [first, last); an empty one sits at the next unit.
    def d_tok(first: int, last: int) -> tuple[int, int]:
        if first >= last:
            at = d_units[first].first if first < d_size else d_end
            return (at, at)
        return (d_units[first].first, d_units[last - 1].last)

    def w_tok(first: int, last: int) -> tuple[int, int]:
        if first >= last:
            at = w_units[first].first if first < w_size else w_end
            return (at, at)
        return (w_units[first].first, w_units[last - 1].last)

    def gap(i0: int, i1: int, j0: int, j1: int) -> None:
        if i0 < i1:
            if j0 < j1:
                append(EditOp("replace", d_tok(i0, i1), w_tok(j0, j1)))
            else:
                append(EditOp("insert", d_tok(i0, i1), w_tok(j0, j0)))
        elif j0 < j1:
            append(EditOp("delete", d_tok(i0, i0), w_tok(j0, j1)))

    i = j = 0
    start_i = start_j = -1  # where the current run of matches began, if any
    for mi, mj in matches:
        if start_i >= 0 and (mi != i or mj != j):
            # d_tok(start_i, i) and w_tok(start_j, j), never empty here, inline.
            append(
                EditOp(
                    "equal",
                    (d_units[start_i].first, d_units[i - 1].last),
                    (w_units[start_j].first, w_units[j - 1].last),
                )
            )
            start_i = -1
        if mi > i or mj > j:
            gap(i, mi, j, mj)
        if start_i < 0:
            start_i, start_j = mi, mj
        i, j = mi + 1, mj + 1
    if start_i >= 0:
        append(EditOp("equal", d_tok(start_i, i), w_tok(start_j, j)))
    gap(i, d_size, j, w_size)
    return tuple(ops)


_NEGATIONS: Final = frozenset(["not", "no", "never", "nor", "cannot", "without"])
# Scores this close may round (to 9 decimals) to the same value; scores further apart
# cannot, so they rank in the order of their exact values.
_NEAR: Final = 1e-8
_SECOND: Final = operator.itemgetter(1)
# Above any containment score: at most 1, or 1 plus the rounding of summing weights.
_CEILING: Final = 1.0 + 1e-9


def _best(pool: Sequence[int], scores: Mapping[int, float], rank: Mapping[int, int]) -> int:
    """``max(pool, key=lambda p: (round(scores[p], 9), -rank[p]))``, rounding only near ties.

    Rounding is monotonic, and two scores more than ``_NEAR`` apart never round to
    the same value: when no other score comes that close to the highest, the highest
    wins whatever the rounding.
    """
    best = max(pool, key=scores.__getitem__)
    top = scores[best]
    near = [p for p in pool if top - scores[p] < _NEAR]
    if len(near) == 1:
        return best
    # The same maximum, among the near ones only (the others round lower), decorated
    # in one comprehension rather than by a key function called per entry: ranks
    # differ, so the positions are never compared.
    return max([(round(scores[p], 9), -rank[p], p) for p in near])[2]


def _near_runs(
    entries: Sequence[tuple[int, float]] | Sequence[tuple[float, int]], at: int
) -> Iterator[tuple[int, int]]:
    """The runs ``[start, end)`` of *entries* whose values (at index *at*) are near.

    *entries* are in falling order of that value. Each value of a run is less than
    ``_NEAR`` below the one before it, and a run ends where the next value is further
    below: values of different runs never round alike, so only a run of several needs
    ranking by a rounded key. Lazily: a caller that has ranked enough stops early.
    """
    start, count = 0, len(entries)
    while start < count:
        end = start + 1
        while end < count and entries[end - 1][at] - entries[end][at] < _NEAR:
            end += 1
        yield start, end
        start = end


def _add_cover(
    cover: dict[str, float], part: Mapping[str, float], source: Mapping[str, float]
) -> None:
    """Raise *cover* (key to weight of *part* covered so far) by what *source* covers."""
    for key, weight in part.items():
        other = source.get(key)
        if other is not None:
            now = min(weight, other)
            if now > cover.get(key, 0.0):
                cover[key] = now


def _longest_unmatched(item: _Prepared, other: AbstractSet[str]) -> float:
    """Length of the longest stretch of *item*'s units without a key in *other*.

    Only a matched content word ends a stretch (a shared "the" does not); a
    capitalised name part inside a sentence counts half, as names are often
    abbreviated or dropped between two versions of the same statement.
    """
    if item.info.key_set <= other:  # every unit has a counterpart: no stretch at all
        return 0.0
    longest = current = 0.0
    for key, content, step in item.info.steps:
        if key in other:
            if content:
                current = 0.0
            continue
        current += step
        if current > longest:  # noqa: PLR1730 - max() costs a call, in a hot loop
            longest = current
    return longest


def _number_keys(item: _Prepared) -> frozenset[str]:
    """Keys of the numbers in a segment, written in digits or words ("five" keys as "5")."""
    return item.info.numbers


def _negated(item: _Prepared) -> bool:
    return item.info.negated


def _how(d_segment: Segment, d_unit: Unit, w_segment: Segment, w_unit: Unit) -> str:
    if d_unit.last - d_unit.first == 1 and w_unit.last - w_unit.first == 1:
        d_token = d_segment.tokens[d_unit.first]
        w_token = w_segment.tokens[w_unit.first]
        if d_token.norm == w_token.norm:
            return "exact"
        if d_token.stem == w_token.stem or conflate(d_token.stem) == conflate(w_token.stem):
            return "form"
        return "equivalent"
    d_tokens = d_segment.tokens[d_unit.first : d_unit.last]
    w_tokens = w_segment.tokens[w_unit.first : w_unit.last]
    if [t.norm for t in d_tokens] == [t.norm for t in w_tokens]:
        return "exact"
    if [conflate(t.stem) for t in d_tokens] == [conflate(t.stem) for t in w_tokens]:
        return "form"
    return "equivalent"


class _Aligner:
    def __init__(
        self,
        wires: Sequence[Document],
        derivative: Document,
        options: AlignOptions,
        *,
        side: _WireSide | None = None,
        measure: Similarity | None = None,
    ) -> None:
        self.wires = wires
        self.derivative = derivative
        self.options = options
        self.measure = measure if measure is not None else options.measure_impl()
        # Weighted containment, computed directly (the same numbers; see
        # similarity.weighted_containment).
        self.containment = (
            isinstance(self.measure, TextdistanceSimilarity) and self.measure.is_containment
        )
        if side is None:
            side = _WireSide(wires, options.equivalents.with_definitions([*wires, derivative]))
        self.side = side
        equivalents = side.equivalents
        self.equivalents = equivalents
        # Each derivative segment's tokens' texts, which key what the side shares.
        self.surfaces = [_surfaces(segment) for segment in derivative.segments]
        derivative_segments = list(map(side.segmented, derivative.segments, self.surfaces))
        frequency = side.frequency.copy()
        # One update with every segment's keys: one call, not one per segment.
        frequency.update(chain.from_iterable(info.key_set for info in derivative_segments))
        idf = self._idf(frequency, len(side.segments) + len(derivative_segments))
        self.wire_items = [self._prepare(info, idf) for info in side.segments]
        self.derivative_items = [self._prepare(info, idf) for info in derivative_segments]
        self.wire_totals = [item.total or 1.0 for item in self.wire_items]
        self.bags = [item.bag for item in self.wire_items]
        self.covers = [bag.cover for bag in self.bags]
        self.sentences = [item.segment.kind is SegmentKind.SENTENCE for item in self.wire_items]
        # Each wire segment's place in its own wire, from 0 to 1: built at the first tie.
        self._relative: list[float] | None = None
        # With the default weights every bag weighs a key alike (its idf), so the
        # positions alone, which depend on the wires alone, are indexed (see
        # _WireSide.postings); else each position with its weight.
        self.positions: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None
        self.index: dict[str, list[tuple[int, float]]] = {}
        # The pairs _source used for this derivative, whether the side keeps them or not.
        self._pairs: dict[tuple[tuple[str, ...], int], _Pair] = {}
        if options.function_word_weight == 0.0 and options.background is None:
            self.positions = side.postings
            return
        index = self.index
        for position, cover in enumerate(self.covers):
            for key, weight in cover.items():
                postings = index.get(key)
                if postings is None:
                    index[key] = [(position, weight)]
                else:
                    postings.append((position, weight))

    def _idf(self, frequency: Mapping[str, int], n: int) -> dict[str, float]:
        """Each key's weight, from the number of the *n* segments that have it."""
        background = self.options.background
        power = self.options.weight_power
        weights: dict[str, float] = {}
        if background is None:
            by_frequency: dict[int, float] = {}  # many keys share a frequency
            for key, count in frequency.items():
                weight = by_frequency.get(count)
                if weight is None:
                    weight = by_frequency[count] = key_weight(n, count, power)
                weights[key] = weight
            return weights
        share = self.options.background_weight
        for key, count in frequency.items():
            local = key_weight(n, count, power)
            weights[key] = (1 - share) * local + share * background.idf(key, power)
        return weights

    def _prepare(self, info: _Segmented, idf: Mapping[str, float]) -> _Prepared:
        factor = self.options.function_word_weight
        units = info.units
        if factor == 0.0:
            # The same as below with a factor of 0, minus the keys it weighs 0.
            # A comprehension: dict(zip(..., strict=True)) costs twice as much, most of
            # it in the keyword argument.
            chosen = {key: idf[key] for key in info.content_keys}
            if self.options.background is not None:  # else every weight is above 0
                chosen = {key: weight for key, weight in chosen.items() if weight > 0}
        else:
            chosen = {u.key: idf[u.key] * (1.0 if u.content else factor) for u in units}
            chosen = {key: weight for key, weight in chosen.items() if weight > 0}
        if not chosen:
            # A segment of function words only ("It is."): weigh those, so that it
            # can still be matched, and matched exactly, rather than never.
            chosen = {u.key: idf[u.key] for u in units}
        weights = weighted_bag(chosen)
        # As a source, a multi-word name also covers the words inside it, so that
        # "Port Alder" is found in "Port Alder Water Authority (PAWA)".
        cover = weights
        if info.inner:
            inside = {key: idf[key] for key, _, _ in info.inner if key in idf and key not in chosen}
            if inside:
                cover = weighted_bag({**chosen, **inside})
        bag = TermBag(info.segment, info.doc, weights, cover)
        return _Prepared(info, bag, float(sum(chosen.values())))

    def _support(
        self, part: TermBag, sources: Sequence[TermBag], total: float | None = None
    ) -> float:
        """``self.measure.support(part, sources)``, without its overhead for containment.

        *total*: ``sum(part.weights.values())`` when known (a :class:`_Prepared`'s).
        """
        if not self.containment:
            return self.measure.support(part, sources)
        if not sources or not part.weights:
            return 0.0
        union = union_of(sources)
        if not union:
            return 0.0
        if total is None:
            value = weighted_containment(part.weights, union)
        else:
            value = _containment(part.weights, union, total)
        # min(1.0, max(0.0, value)), without the two calls in the usual case (0.0 and
        # NaN go the long way: max(0.0, -0.0) is 0.0).
        return value if 0.0 < value <= 1.0 else min(1.0, max(0.0, value))

    def _inner_words(self, segment: Segment, units: Sequence[Unit]) -> list[tuple[str, int, int]]:
        """Key and token range of each content word inside a multi-word unit."""
        return _Segmented(0, segment, tuple(units), self.equivalents).inner

    def candidates(self, item: _Prepared, least: float | None = None) -> list[tuple[int, float]]:
        """Wire positions sharing content with *item*, with their weighted overlap.

        The overlap (sum over shared keys of the smaller weight) is the numerator of
        weighted containment, so ranking by it ranks by containment.

        *least*: with containment, ``min_gain``, the least score of a source. A
        candidate scoring less than that alone is never one; nor is any ranked after
        it, scoring no more. The ranking is left at the first such, which saves
        ranking the ties of a word many wire segments share. And a first candidate
        with no other near it, scoring so high alone that no other could add *least*
        to it, is the only source (see align_segment): the ranking is left there.
        """
        overlap: dict[int, float] = {}
        get = overlap.get
        index = self.index
        # A section heading is the derivative's own structure: only the wire's headline
        # or headings can support it, not words scattered over its sentences.
        heading = item.segment.kind is SegmentKind.HEADING
        sentences = self.sentences
        if self.positions is not None:
            # The wire weighs each key as the segment does (see __init__): the smaller
            # of the two weights is the segment's. Every key of the segment is one
            # some segment has, so a key found only inside a wire's units counts.
            static, inner_only = self.positions
            for key, weight in item.bag.weights.items():
                found = static.get(key) or inner_only.get(key)
                if found is None:
                    continue
                for position in found:
                    if heading and sentences[position]:
                        continue
                    # Added to 0.0 first, as a defaultdict(float) would.
                    overlap[position] = get(position, 0.0) + weight
            return self._ranked(item, overlap, least)
        for key, weight in item.bag.weights.items():
            postings = index.get(key)
            if postings is None:
                continue
            for position, other in postings:
                if heading and sentences[position]:
                    continue
                # Added to 0.0 first, as a defaultdict(float) would.
                overlap[position] = get(position, 0.0) + (
                    weight if weight < other else other  # noqa: FURB136 - hot loop
                )
        return self._ranked(item, overlap, least)

    def _ranked(
        self, item: _Prepared, overlap: dict[int, float], least: float | None = None
    ) -> list[tuple[int, float]]:
        """The candidates by overlap, at most ``max_candidates``: see :meth:`candidates`."""
        # Scores are rounded for ranking: sums of the same weights in another order
        # differ in the last bit, and that must not decide a tie. Overlaps less than
        # _NEAR apart may round alike (see _best); overlaps further apart never do, and
        # rank by their exact values. So the overlaps are sorted, cut into runs of
        # near-equal ones, and only a run that reaches the first max_candidates is
        # ranked by the full key.
        by_overlap = sorted(overlap.items(), key=_SECOND, reverse=True)
        wanted = self.options.max_candidates
        ranked: list[tuple[int, float]] = []
        total = item.total
        for start, end in _near_runs(by_overlap, 1):
            if len(ranked) >= wanted:
                break
            if least is not None:
                # The score align_segment gives the run's first alone.
                single = by_overlap[start][1] / total if total else 0.0
                if not single >= least:
                    # It has the run's highest overlap, and the runs after it lower
                    # ones: they all score less than *least*.
                    break
                if start == 0 and end == 1 and single + least > _CEILING:
                    # The highest alone: the first source, and the only one.
                    return [by_overlap[0]]
            if end - start == 1:
                ranked.append(by_overlap[start])
            else:
                ranked.extend(self._rank_near(item, by_overlap[start:end], wanted - len(ranked)))
        return ranked[:wanted]

    def _rank_near(
        self, item: _Prepared, near: list[tuple[int, float]], wanted: int
    ) -> list[tuple[int, float]]:
        """The ranking of candidates whose overlaps are near: see :meth:`candidates`.

        Ties in overlap go to the wire segment that the overlap covers best, so that
        an identical sentence beats a longer one containing it; then to the one at
        the nearest relative position, each in its own text (rewrites mostly keep the
        wire's order; with several wires, a segment's place in its own wire counts,
        not in all of them one after another); then to text order.

        At least the first *wanted* of the ranking, or all of it if shorter.

        Each candidate is decorated with its key in one list comprehension rather than
        by a key function called per candidate; positions differ, so the candidates
        themselves are never compared.
        """
        here = item.segment.index / max(1, len(self.derivative.segments))
        relative = self._relative_positions()
        totals = self.wire_totals
        value = near[0][1]
        if near[-1][1] == value:  # sorted by overlap: the same overlap for all
            return self._rank_shares(value, [p for p, _ in near], wanted, here, relative)
        decorated = sorted(
            [
                (
                    -round(value, 9),
                    -round(value / totals[position], 9),
                    abs(relative[position] - here),
                    position,
                    (position, value),
                )
                for position, value in near
            ]
        )
        return [entry[4] for entry in decorated]

    def _rank_shares(
        self, value: float, positions: list[int], wanted: int, here: float, relative: list[float]
    ) -> list[tuple[int, float]]:
        """:meth:`_rank_near` of candidates with one overlap, *value* (usually one word).

        That overlap orders nothing, so the key is the share of each candidate it
        covers, rounded, then the distance and the position. Rounding to 9 places
        costs as much as the rest of the key together, and is needed only where
        two shares come near: as in :meth:`_ranked`, shares further apart than
        ``_NEAR`` rank by their exact values, so only the runs of near ones up to
        the first *wanted* candidates are rounded.
        """
        totals = self.wire_totals
        shares = sorted([(value / totals[p], p) for p in positions], reverse=True)
        ranked: list[tuple[int, float]] = []
        for start, end in _near_runs(shares, 0):
            if len(ranked) >= wanted:
                break
            if end - start == 1:
                ranked.append((shares[start][1], value))
            else:
                decorated = sorted(
                    [
                        (-round(share, 9), abs(relative[p] - here), p)
                        for share, p in shares[start:end]
                    ]
                )
                ranked.extend([(p, value) for _, _, p in decorated])
        return ranked

    def _relative_positions(self) -> list[float]:
        """Each wire segment's place in its own wire, from 0 to 1 (built at the first tie)."""
        relative = self._relative
        if relative is None:
            sizes = [max(1, len(doc.segments)) for doc in self.wires]
            relative = self._relative = [
                wire.segment.index / sizes[wire.doc] for wire in self.wire_items
            ]
        return relative

    def align_segment(self, item: _Prepared) -> SegmentAlignment:
        options = self.options
        measure = self.measure
        bags = self.bags
        total = item.total
        # Whether scores are at most 1 (give or take rounding): containment's are.
        bounded = getattr(measure, "is_containment", False)
        # Only candidates that can be a source (see candidates): the pool below.
        ranked = self.candidates(item, options.min_gain if bounded else None)
        if bounded:
            # Same numbers as the measure, without its per-call overhead (see
            # similarity.weighted_containment); reported scores still come from it.
            # Containment of a union is the sum over the segment's keys of the best
            # cover any chosen source gives, so a candidate's value is the current
            # cover plus what it adds: no union bag needs building.
            singles = {p: (overlap / total if total else 0.0) for p, overlap in ranked}
            weights = item.bag.weights
            shared: dict[int, list[tuple[str, float]]] = {}  # per candidate, see below

            def scores(chosen: Sequence[int], pool: Sequence[int]) -> dict[int, float]:
                # The cover of the chosen sources, and its sum, once per round for the
                # whole pool (the same numbers as scoring each candidate on its own).
                cover: dict[str, float] = {}
                for q in chosen:
                    _add_cover(cover, weights, bags[q].cover)
                base = sum(cover.values())
                get = cover.get
                scored: dict[int, float] = {}
                for last in pool:
                    covered = shared.get(last)
                    if covered is None:
                        # The weight the candidate covers of each of the item's keys, in
                        # their order: what it adds is what it covers beyond the cover so far.
                        source = bags[last].cover
                        covered = shared[last] = [
                            (key, weight if weight < other else other)  # noqa: FURB136
                            for key, weight in weights.items()
                            if (other := source.get(key)) is not None
                        ]
                    added = 0.0
                    for key, now in covered:
                        have = get(key, 0.0)
                        if now > have:
                            added += now - have
                    scored[last] = (base + added) / total if total else 0.0
                return scored
        else:
            singles = {p: measure.support(item.bag, [bags[p]]) for p, _ in ranked}

            def scores(chosen: Sequence[int], pool: Sequence[int]) -> dict[int, float]:
                return {p: measure.support(item.bag, [bags[q] for q in (*chosen, p)]) for p in pool}

        rank = {p: r for r, (p, _) in enumerate(ranked)}
        pool = [p for p, _ in ranked if singles[p] >= options.min_gain]
        chosen: list[int] = []
        gains: list[float] = []
        current = 0.0
        while pool and len(chosen) < options.max_sources:
            if not chosen:
                best = _best(pool, singles, rank)
                value = singles[best]
            else:
                if bounded and current + options.min_gain > _CEILING:
                    # No score tops 1, so no candidate could gain min_gain: the round
                    # would end below without a source, and is not scored at all.
                    break
                scored = scores(chosen, pool)
                best = _best(pool, scored, rank)
                value = scored[best]
            gain = value - current
            if chosen and gain < options.min_gain:
                break
            chosen.append(best)
            gains.append(max(0.0, gain))
            current = value
            pool.remove(best)
        support = self._support(item.bag, [bags[p] for p in chosen], item.total) if chosen else 0.0
        if support < options.partial:
            # Unsupported: the closest wire segments did not reach the threshold, and
            # a segment the wire does not support has no sources.
            chosen, gains = [], []
        # One source: its score is the support just computed.
        alone = support if len(chosen) == 1 else None
        built = [self._source(item, p, g, alone) for p, g in zip(chosen, gains, strict=True)]
        sources = [source for source, _ in built]
        links, new = self._links(item, chosen, [matches for _, matches in built])
        return SegmentAlignment(
            segment=item.segment.index,
            label=self._label(support, sources),
            support=min(1.0, support),
            sources=tuple(sources),
            links=links,
            new=new,
        )

    def _label(self, support: float, sources: Sequence[SourceMatch]) -> AlignmentLabel:
        options = self.options
        if not sources or support < options.partial:
            return AlignmentLabel.UNSUPPORTED
        if support < options.supported:
            return AlignmentLabel.EMBELLISHED
        if len(sources) > 1:
            return AlignmentLabel.FUSED
        source = sources[0]
        if (
            source.order >= options.verbatim
            and source.wire_coverage >= options.verbatim
            and support >= options.verbatim
        ):
            return AlignmentLabel.VERBATIM
        if source.order >= options.edited:
            return AlignmentLabel.EDITED
        return AlignmentLabel.PARAPHRASE

    def _source(
        self, item: _Prepared, position: int, gain: float, score: float | None = None
    ) -> tuple[SourceMatch, list[tuple[int, int]]]:
        wire = self.wire_items[position]
        if score is None:
            score = self._support(item.bag, [wire.bag], item.total)
        back = self._support(wire.bag, [item.bag], wire.total)
        key = (self.surfaces[item.segment.index], position)
        pair = self._pairs.get(key)
        if pair is None:
            pair = self._pairs[key] = self._pair_of(key, item, wire)
        options = self.options
        # Discount for what keeps two segments from saying the same thing.
        # Calibrated on MSRP (``bench/calibrate_alignment.py``): a paraphrase rewords
        # here and there, while a different statement adds a whole stretch of words,
        # changes a figure, or negates.
        penalty = math.exp(
            -options.run_penalty * pair.run
            - options.number_penalty * pair.numbers
            - options.negation_penalty * pair.negated
        )
        similarity = min(score, back) * penalty
        d_keys = item.info.keys
        order = len(pair.matches) / len(d_keys) if d_keys else 0.0
        source = SourceMatch(
            wire=wire.doc,
            segment=wire.segment.index,
            score=min(1.0, score),
            contribution=min(1.0, gain),
            similarity=min(1.0, similarity),
            wire_coverage=min(1.0, back),
            order=min(1.0, order),
            edits=pair.edits,
            dropped=pair.dropped,
        )
        return source, pair.matches

    def _pair_of(self, key: tuple[tuple[str, ...], int], item: _Prepared, wire: _Prepared) -> _Pair:
        """:meth:`_pair`, from the wire side's table when *key* was there before."""
        side = self.side
        pairs = side.pairs
        pair = pairs.get(key)
        if pair is None:
            pair = self._pair(item, wire)
            side.sightings.keep(pairs, key, pair, _PAIRS)
        return pair

    @staticmethod
    def _pair(item: _Prepared, wire: _Prepared) -> _Pair:
        """What :meth:`_source` makes of *item* and *wire* besides the scores."""
        d_keys = item.info.keys
        units = item.units
        w_units = wire.units
        edits: tuple[EditOp, ...]
        if d_keys == wire.info.keys and units:
            # The same keys in the same order (a sentence copied): the only common
            # subsequence as long as both is every position matched with itself, and
            # its edit script one equal range (what _edit_script makes of it).
            matches = [(k, k) for k in range(len(d_keys))]
            edits = (
                EditOp(
                    "equal",
                    (units[0].first, units[-1].last),
                    (w_units[0].first, w_units[-1].last),
                ),
            )
        else:
            matches = _lcs(d_keys, wire.info.positions)
            edits = _edit_script(units, w_units, matches)
        one = item.info
        two = wire.info
        return _Pair(
            matches,
            edits,
            two.dropped(one.key_set),
            max(_longest_unmatched(item, two.key_set), _longest_unmatched(wire, one.key_set)),
            len(one.numbers ^ two.numbers),
            one.negated != two.negated,
        )

    def _links(
        self,
        item: _Prepared,
        chosen: Sequence[int],
        matches: Sequence[Sequence[tuple[int, int]]],
    ) -> tuple[tuple[WordLink, ...], tuple[tuple[int, int], ...]]:
        """Link each content unit to a wire unit: in-order matches first, then any."""
        key = (self.surfaces[item.segment.index], tuple(chosen))
        side = self.side
        known = side.links
        links = known.get(key)
        if links is None:
            links = self._all_links(item, chosen, matches)
            side.sightings.keep(known, key, links, _PAIRS)
        return links

    def _all_links(
        self,
        item: _Prepared,
        chosen: Sequence[int],
        matches: Sequence[Sequence[tuple[int, int]]],
    ) -> tuple[tuple[WordLink, ...], tuple[tuple[int, int], ...]]:
        """:meth:`_links`, made."""
        by_unit: dict[int, WordLink] = {}
        units = item.units
        d_segment = item.segment
        d_tokens = d_segment.tokens
        for position, pairs in zip(chosen, matches, strict=True):
            wire = self.wire_items[position]
            w_units = wire.units
            w_segment = wire.segment
            w_tokens = w_segment.tokens
            for i, j in pairs:
                unit = units[i]
                if unit.content and i not in by_unit:
                    # The link built here rather than by _link, and the commonest case
                    # of _how (one word, written alike) decided here: calls saved per
                    # word, in a hot loop.
                    _, first, last, _ = unit
                    _, w_first, w_last, _ = w_unit = w_units[j]
                    if (
                        last - first == 1
                        and w_last - w_first == 1
                        and d_tokens[first].norm == w_tokens[w_first].norm
                    ):
                        how = "exact"
                    else:
                        how = _how(d_segment, unit, w_segment, w_unit)
                    by_unit[i] = WordLink(
                        (first, last), wire.doc, w_segment.index, (w_first, w_last), how
                    )
        content = item.info.content_indices
        if len(by_unit) == len(content):  # every content unit linked (by_unit holds no other)
            return tuple(map(by_unit.__getitem__, sorted(by_unit))), ()
        for position in chosen:
            wire = self.wire_items[position]
            first_of = wire.info.first_of
            for i in content:
                unit = units[i]
                if i not in by_unit and unit.key in first_of:
                    by_unit[i] = self._link(item, unit, wire, first_of[unit.key])
        links = tuple(map(by_unit.__getitem__, sorted(by_unit)))
        new = tuple([(units[i].first, units[i].last) for i in content if i not in by_unit])
        return links, new

    @staticmethod
    def _link(item: _Prepared, unit: Unit, wire: _Prepared, wire_unit: Unit) -> WordLink:
        # derivative, wire, wire_segment, wire_tokens, how: positional is cheaper.
        return WordLink(
            (unit.first, unit.last),
            wire.doc,
            wire.segment.index,
            (wire_unit.first, wire_unit.last),
            _how(item.segment, unit, wire.segment, wire_unit),
        )

    def wire_fates(self, aligned: Sequence[SegmentAlignment]) -> tuple[WireSentenceAlignment, ...]:
        citing: dict[tuple[int, int], list[int]] = defaultdict(list)
        for entry in aligned:
            for source in entry.sources:
                citing[(source.wire, source.segment)].append(entry.segment)
        options = self.options
        pairs = self._pairs
        surfaces = self.surfaces
        fates = []
        for position, item in enumerate(self.wire_items):
            if item.segment.kind is not SegmentKind.SENTENCE:
                continue
            cited = citing.get((item.doc, item.segment.index), [])
            bags = [self.derivative_items[i].bag for i in cited]
            coverage = min(1.0, self._support(item.bag, bags, item.total)) if bags else 0.0
            if coverage >= options.kept:
                fate = WireFate.KEPT
            elif coverage >= options.omitted:
                fate = WireFate.PARTIAL
            else:
                fate = WireFate.OMITTED
            if len(cited) == 1:
                # What _source found the one citing segment drops of this one.
                pair = pairs.get((surfaces[cited[0]], position))
                if pair is not None:
                    dropped = pair.dropped
                else:
                    dropped = item.info.dropped(self.derivative_items[cited[0]].info.key_set)
            elif cited:
                sets = [self.derivative_items[i].info.key_set for i in cited]
                dropped = item.info.dropped(frozenset().union(*sets))
            else:
                dropped = item.info.content_ranges
            fates.append(
                WireSentenceAlignment(
                    wire=item.doc,
                    segment=item.segment.index,
                    fate=fate,
                    coverage=coverage,
                    derivative_segments=tuple(cited),
                    dropped=dropped,
                )
            )
        return tuple(fates)


def align(
    wire: Document | Sequence[Document],
    derivative: Document,
    options: AlignOptions | None = None,
) -> Alignment:
    """Align *derivative* with one wire document or several.

    Args:
        wire: The wire report, or several (each derivative segment is then credited
            to the wire segments it draws on, whichever wire they are in).
        derivative: The article derived from it.
        options: Thresholds and measure; defaults calibrated in ``bench/``.

    Returns:
        The :class:`Alignment`: one entry per derivative segment and per wire sentence.

    Raises:
        InvalidOptionError: *wire* is empty or not made of documents.

    .. versionadded:: 0.1
    """
    wires = (wire,) if isinstance(wire, Document) else tuple(wire)
    if not wires:
        msg = "align() needs at least one wire document"
        raise InvalidOptionError(msg, option="wire")
    given: tuple[object, ...] = (*wires, derivative)
    for doc in given:
        if not isinstance(doc, Document):
            msg = f"align() takes Document objects, got {type(doc).__name__}"
            raise InvalidOptionError(msg, option="wire")
    return WireAligner(wires, options or AlignOptions()).align(derivative)
