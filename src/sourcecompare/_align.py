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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from sourcecompare._documents import Document, Segment, SegmentKind
from sourcecompare._keys import Equivalents, Unit, conflate
from sourcecompare._tokens import tokenize
from sourcecompare.exceptions import InvalidOptionError
from sourcecompare.similarity import (
    Similarity,
    TermBag,
    get_measure,
    weighted_bag,
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
        return self._token_share(lambda e: e.label.supported)

    @property
    def verbatim_share(self) -> float:
        """Share of the derivative's sentences (by tokens) copied verbatim."""
        return self._token_share(lambda e: e.label is AlignmentLabel.VERBATIM)

    @property
    def kept_share(self) -> float:
        """Share of the wire's sentences (by tokens) kept at least in part."""
        total = kept = 0
        for entry in self.wire_sentences:
            size = len(self.wire_segment(entry).tokens)
            total += size
            kept += size if entry.fate is not WireFate.OMITTED else 0
        return kept / total if total else 0.0

    def _token_share(self, test: object) -> float:
        total = hit = 0
        for entry in self.segments:
            segment = self.derivative_segment(entry)
            if segment.kind is not SegmentKind.SENTENCE:
                continue
            total += len(segment.tokens)
            hit += len(segment.tokens) if test(entry) else 0  # type: ignore[operator]
        return hit / total if total else 0.0

    def __rich__(self) -> RenderableType:
        from sourcecompare.render.console import alignment_view  # noqa: PLC0415 - lazy

        return alignment_view(self)


# --- the algorithm -----------------------------------------------------------------------


@attrs.frozen
class _Prepared:
    """A segment with its units and bag, ready to align."""

    doc: int
    segment: Segment
    units: tuple[Unit, ...]
    bag: TermBag


def lcs_pairs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Return index pairs of a longest common subsequence of *a* and *b*.

    Hunt and Szymanski's reduction to a longest increasing subsequence: each match
    ``(i, j)`` is visited with ``j`` descending for a fixed ``i``, so the strictly
    increasing chains of ``j`` are exactly the common subsequences. Ties resolve to
    the earliest positions, so the result is deterministic.
    """
    positions: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(b):
        positions[key].append(j)
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, key in enumerate(a):
        for j in reversed(positions.get(key, ())):
            place = bisect.bisect_left(tails, j)
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

    def tok(units: Sequence[Unit], first: int, last: int) -> tuple[int, int]:
        if first >= last:
            at = units[first].first if first < len(units) else (units[-1].last if units else 0)
            return (at, at)
        return (units[first].first, units[last - 1].last)

    def gap(i0: int, i1: int, j0: int, j1: int) -> None:
        if i0 < i1 and j0 < j1:
            ops.append(EditOp("replace", tok(d_units, i0, i1), tok(w_units, j0, j1)))
        elif i0 < i1:
            ops.append(EditOp("insert", tok(d_units, i0, i1), tok(w_units, j0, j0)))
        elif j0 < j1:
            ops.append(EditOp("delete", tok(d_units, i0, i0), tok(w_units, j0, j1)))

    i = j = 0
    run_start: tuple[int, int] | None = None
    for mi, mj in matches:
        if run_start is not None and (mi, mj) != (i, j):
            ops.append(
                EditOp("equal", tok(d_units, run_start[0], i), tok(w_units, run_start[1], j))
            )
            run_start = None
        gap(i, mi, j, mj)
        if run_start is None:
            run_start = (mi, mj)
        i, j = mi + 1, mj + 1
    if run_start is not None:
        ops.append(EditOp("equal", tok(d_units, run_start[0], i), tok(w_units, run_start[1], j)))
    gap(i, len(d_units), j, len(w_units))
    return tuple(ops)


_NEGATIONS: Final = frozenset(["not", "no", "never", "nor", "cannot", "without"])


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


def _longest_unmatched(item: _Prepared, other: set[str]) -> float:
    """Length of the longest stretch of *item*'s units without a key in *other*.

    Only a matched content word ends a stretch (a shared "the" does not); a
    capitalised name part inside a sentence counts half, as names are often
    abbreviated or dropped between two versions of the same statement.
    """
    tokens = item.segment.tokens
    longest = current = 0.0
    for position, unit in enumerate(item.units):
        if unit.key in other:
            if unit.content:
                current = 0.0
            continue
        token = tokens[unit.first]
        name = unit.content and token.is_capitalized and position > 0 and not token.is_number
        current += 0.5 if name else 1.0
        longest = max(longest, current)
    return longest


def _number_keys(item: _Prepared) -> set[str]:
    """Keys of the numbers in a segment, written in digits or words ("five" keys as "5")."""
    return {u.key for u in item.units if u.key[:1].isdigit()}


def _negated(item: _Prepared) -> bool:
    return any(t.norm in _NEGATIONS or t.norm.endswith("n't") for t in item.segment.tokens)


def _how(d_segment: Segment, d_unit: Unit, w_segment: Segment, w_unit: Unit) -> str:
    d_tokens = d_segment.tokens[d_unit.first : d_unit.last]
    w_tokens = w_segment.tokens[w_unit.first : w_unit.last]
    if [t.norm for t in d_tokens] == [t.norm for t in w_tokens]:
        return "exact"
    if [conflate(t.stem) for t in d_tokens] == [conflate(t.stem) for t in w_tokens]:
        return "form"
    return "equivalent"


class _Aligner:
    def __init__(
        self, wires: Sequence[Document], derivative: Document, options: AlignOptions
    ) -> None:
        self.wires = wires
        self.derivative = derivative
        self.options = options
        self.measure = options.measure_impl()
        equivalents = options.equivalents.with_definitions([*wires, derivative])
        self.equivalents = equivalents
        raw: list[tuple[int, Segment, tuple[Unit, ...]]] = []
        for doc_index, doc in enumerate(wires):
            for segment in doc.segments:
                raw.append((doc_index, segment, tuple(equivalents.units_of(segment.tokens))))  # noqa: PERF401
        derivative_raw = [
            (0, segment, tuple(equivalents.units_of(segment.tokens)))
            for segment in derivative.segments
        ]
        idf = self._idf([u for _, _, u in raw] + [u for _, _, u in derivative_raw])
        self.wire_items = [self._prepare(d, s, u, idf) for d, s, u in raw]
        self.derivative_items = [self._prepare(d, s, u, idf) for d, s, u in derivative_raw]
        # Each wire segment's position within its own wire, from 0 to 1.
        self.relative = [
            item.segment.index / max(1, len(wires[item.doc].segments)) for item in self.wire_items
        ]
        self.index: dict[str, list[int]] = defaultdict(list)
        for position, item in enumerate(self.wire_items):
            for key in item.bag.cover:
                self.index[key].append(position)

    def _idf(self, all_units: Sequence[Sequence[Unit]]) -> dict[str, float]:
        df: Counter[str] = Counter()
        for units in all_units:
            df.update({u.key for u in units})
        n = len(all_units)
        background = self.options.background
        share = self.options.background_weight if background is not None else 0.0
        weights = {}
        for key in sorted(df):
            power = self.options.weight_power
            local = key_weight(n, df[key], power)
            weights[key] = (
                (1 - share) * local + share * background.idf(key, power)
                if background is not None
                else local
            )
        return weights

    def _prepare(
        self, doc: int, segment: Segment, units: tuple[Unit, ...], idf: Mapping[str, float]
    ) -> _Prepared:
        factor = self.options.function_word_weight
        chosen = {u.key: idf[u.key] * (1.0 if u.content else factor) for u in units}
        chosen = {key: weight for key, weight in chosen.items() if weight > 0}
        if not chosen:
            # A segment of function words only ("It is."): weigh those, so that it
            # can still be matched, and matched exactly, rather than never.
            chosen = {u.key: idf[u.key] for u in units}
        # As a source, a multi-word name also covers the words inside it, so that
        # "Port Alder" is found in "Port Alder Water Authority (PAWA)".
        cover = dict(chosen)
        for key, _, _ in self._inner_words(segment, units):
            if key in idf and key not in cover:
                cover[key] = idf[key]
        bag = TermBag(segment, doc, weighted_bag(chosen), weighted_bag(cover))
        return _Prepared(doc, segment, units, bag)

    def _inner_words(self, segment: Segment, units: Sequence[Unit]) -> list[tuple[str, int, int]]:
        """Key and token range of each content word inside a multi-word unit."""
        inner = []
        for unit in units:
            if unit.last - unit.first > 1:
                for index in range(unit.first, unit.last):
                    token = segment.tokens[index]
                    if not token.is_stop:
                        inner.append((self.equivalents.key(token), index, index + 1))
        return inner

    def candidates(self, item: _Prepared) -> list[tuple[int, float]]:
        """Wire positions sharing content with *item*, with their weighted overlap.

        The overlap (sum over shared keys of the smaller weight) is the numerator of
        weighted containment, so ranking by it ranks by containment.
        """
        overlap: dict[int, float] = defaultdict(float)
        wire_items = self.wire_items
        # A section heading is the derivative's own structure: only the wire's headline
        # or headings can support it, not words scattered over its sentences.
        heading = item.segment.kind is SegmentKind.HEADING
        for key, weight in item.bag.weights.items():
            for position in self.index.get(key, ()):
                if heading and wire_items[position].segment.kind is SegmentKind.SENTENCE:
                    continue
                other = wire_items[position].bag.cover[key]
                overlap[position] += weight if weight < other else other  # noqa: FURB136 - hot loop
        # Ties in overlap go to the wire segment that the overlap covers best, so that
        # an identical sentence beats a longer one containing it; then to the one at
        # the nearest relative position (rewrites mostly keep the wire's order); then
        # to text order.
        here = item.segment.index / max(1, len(self.derivative.segments))
        wire_count = max(1, len(wire_items))
        # Scores are rounded for ranking: sums of the same weights in another order
        # differ in the last bit, and that must not decide a tie.
        ranked = sorted(
            overlap.items(),
            key=lambda kv: (
                -round(kv[1], 9),
                -round(kv[1] / (wire_items[kv[0]].bag.total or 1.0), 9),
                abs(kv[0] / wire_count - here),
                kv[0],
            ),
        )
        return ranked[: self.options.max_candidates]

    def align_segment(self, item: _Prepared) -> SegmentAlignment:
        options = self.options
        measure = self.measure
        bags = [w.bag for w in self.wire_items]
        ranked = self.candidates(item)
        total = item.bag.total
        cover: dict[str, float] = {}  # containment fast path: per key, weight covered so far
        if getattr(measure, "is_containment", False):
            # Same numbers as the measure, without its per-call overhead (see
            # similarity.weighted_containment); reported scores still come from it.
            # Containment of a union is the sum over the segment's keys of the best
            # cover any chosen source gives, so a candidate's value is the current
            # cover plus what it adds: no union bag needs building.
            singles = {p: (overlap / total if total else 0.0) for p, overlap in ranked}
            weights = item.bag.weights

            def score(chosen: Sequence[int]) -> float:
                if len(chosen) > 1 and not cover:
                    for q in chosen[:-1]:
                        _add_cover(cover, weights, bags[q].cover)
                added = 0.0
                source = bags[chosen[-1]].cover
                for key, weight in weights.items():
                    other = source.get(key)
                    if other is not None:
                        have = cover.get(key, 0.0)
                        now = weight if weight < other else other  # noqa: FURB136 - hot loop
                        if now > have:
                            added += now - have
                return (sum(cover.values()) + added) / total if total else 0.0
        else:
            singles = {p: measure.support(item.bag, [bags[p]]) for p, _ in ranked}

            def score(chosen: Sequence[int]) -> float:
                return measure.support(item.bag, [bags[p] for p in chosen])

        rank = {p: r for r, (p, _) in enumerate(ranked)}
        pool = [p for p, _ in ranked if singles[p] >= options.min_gain]
        chosen: list[int] = []
        gains: list[float] = []
        current = 0.0
        while pool and len(chosen) < options.max_sources:
            if not chosen:
                best = max(pool, key=lambda p: (round(singles[p], 9), -rank[p]))
                value = singles[best]
            else:
                scored = {p: score([*chosen, p]) for p in pool}
                best = max(pool, key=lambda p: (round(scored[p], 9), -rank[p]))
                value = scored[best]
            gain = value - current
            if chosen and gain < options.min_gain:
                break
            chosen.append(best)
            gains.append(max(0.0, gain))
            current = value
            pool.remove(best)
            cover.clear()  # rebuilt from the chosen sources at the next round
        support = measure.support(item.bag, [bags[p] for p in chosen]) if chosen else 0.0
        if support < options.partial:
            # Unsupported: the closest wire segments did not reach the threshold, and
            # a segment the wire does not support has no sources.
            chosen, gains = [], []
        built = [self._source(item, p, g) for p, g in zip(chosen, gains, strict=True)]
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
        self, item: _Prepared, position: int, gain: float
    ) -> tuple[SourceMatch, list[tuple[int, int]]]:
        wire = self.wire_items[position]
        score = self.measure.support(item.bag, [wire.bag])
        back = self.measure.support(wire.bag, [item.bag])
        similarity = min(score, back) * self._pair_penalty(item, wire)
        d_keys = [u.key for u in item.units]
        matches = lcs_pairs(d_keys, [u.key for u in wire.units])
        order = len(matches) / len(d_keys) if d_keys else 0.0
        present = set(d_keys)
        dropped = tuple((u.first, u.last) for u in wire.units if u.content and u.key not in present)
        source = SourceMatch(
            wire=wire.doc,
            segment=wire.segment.index,
            score=min(1.0, score),
            contribution=min(1.0, gain),
            similarity=min(1.0, similarity),
            wire_coverage=min(1.0, back),
            order=min(1.0, order),
            edits=_edit_script(item.units, wire.units, matches),
            dropped=dropped,
        )
        return source, matches

    def _pair_penalty(self, first: _Prepared, second: _Prepared) -> float:
        """Discount for what keeps two segments from saying the same thing.

        Calibrated on MSRP (``bench/calibrate_alignment.py``): a paraphrase rewords
        here and there, while a different statement adds a whole stretch of words,
        changes a figure, or negates.
        """
        options = self.options
        first_keys = {u.key for u in first.units}
        second_keys = {u.key for u in second.units}
        run = max(_longest_unmatched(first, second_keys), _longest_unmatched(second, first_keys))
        numbers = len(_number_keys(first) ^ _number_keys(second))
        negated = _negated(first) != _negated(second)
        return math.exp(
            -options.run_penalty * run
            - options.number_penalty * numbers
            - options.negation_penalty * negated
        )

    def _links(
        self,
        item: _Prepared,
        chosen: Sequence[int],
        matches: Sequence[Sequence[tuple[int, int]]],
    ) -> tuple[tuple[WordLink, ...], tuple[tuple[int, int], ...]]:
        """Link each content unit to a wire unit: in-order matches first, then any."""
        by_unit: dict[int, WordLink] = {}
        for position, pairs in zip(chosen, matches, strict=True):
            wire = self.wire_items[position]
            for i, j in pairs:
                unit = item.units[i]
                if unit.content and i not in by_unit:
                    by_unit[i] = self._link(item, unit, wire, wire.units[j])
        for position in chosen:
            wire = self.wire_items[position]
            first_of: dict[str, Unit] = {}
            for unit in wire.units:
                first_of.setdefault(unit.key, unit)
            for key, first, last in self._inner_words(wire.segment, wire.units):
                first_of.setdefault(key, Unit(key, first, last, True))
            for i, unit in enumerate(item.units):
                if unit.content and i not in by_unit and unit.key in first_of:
                    by_unit[i] = self._link(item, unit, wire, first_of[unit.key])
        links = tuple(by_unit[i] for i in sorted(by_unit))
        new = tuple(
            (u.first, u.last) for i, u in enumerate(item.units) if u.content and i not in by_unit
        )
        return links, new

    @staticmethod
    def _link(item: _Prepared, unit: Unit, wire: _Prepared, wire_unit: Unit) -> WordLink:
        return WordLink(
            derivative=(unit.first, unit.last),
            wire=wire.doc,
            wire_segment=wire.segment.index,
            wire_tokens=(wire_unit.first, wire_unit.last),
            how=_how(item.segment, unit, wire.segment, wire_unit),
        )

    def wire_fates(self, aligned: Sequence[SegmentAlignment]) -> tuple[WireSentenceAlignment, ...]:
        citing: dict[tuple[int, int], list[int]] = defaultdict(list)
        for entry in aligned:
            for source in entry.sources:
                citing[(source.wire, source.segment)].append(entry.segment)
        options = self.options
        fates = []
        for item in self.wire_items:
            if item.segment.kind is not SegmentKind.SENTENCE:
                continue
            cited = citing.get((item.doc, item.segment.index), [])
            bags = [self.derivative_items[i].bag for i in cited]
            coverage = min(1.0, self.measure.support(item.bag, bags)) if bags else 0.0
            if coverage >= options.kept:
                fate = WireFate.KEPT
            elif coverage >= options.omitted:
                fate = WireFate.PARTIAL
            else:
                fate = WireFate.OMITTED
            present = {u.key for i in cited for u in self.derivative_items[i].units}
            dropped = tuple(
                (u.first, u.last) for u in item.units if u.content and u.key not in present
            )
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
    opts = options or AlignOptions()
    aligner = _Aligner(wires, derivative, opts)
    aligned = tuple(aligner.align_segment(item) for item in aligner.derivative_items)
    return Alignment(
        wires=wires,
        derivative=derivative,
        options=opts,
        segments=aligned,
        wire_sentences=aligner.wire_fates(aligned),
    )
