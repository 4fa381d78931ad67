"""Helpers shared by the detectors: spans of token ranges, quoting, aligned wire text."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, TypeVar

from sourcecompare._spans import Span

if TYPE_CHECKING:
    from sourcecompare._align import Alignment, SegmentAlignment
    from sourcecompare._documents import Segment
    from sourcecompare._tokens import Token
    from sourcecompare.detectors._base import DetectionContext

__all__ = [
    "held_together",
    "in_wire",
    "lexicon_memo",
    "merge_ranges",
    "quoted",
    "range_span",
    "range_text",
    "wire_segments",
    "wire_stems",
]


_T = TypeVar("_T")


def lexicon_memo(
    context: DetectionContext, lexicon: object, key: Hashable, compute: Callable[[], _T]
) -> _T:
    """``context.wire_memo(key, compute)`` for a value read with *lexicon* (word lists).

    The value is kept with the lexicon it was read with, under the lexicon's id: a
    lexicon made later may get the same id once the first is gone, and must not get
    its value.
    """
    read, value = context.wire_memo((key, id(lexicon)), lambda: (lexicon, compute()))
    if read is not lexicon:  # pragma: no cover - an old lexicon's id, reused
        return compute()
    return value


def held_together(holding: Mapping[str, AbstractSet[int]], keys: Iterable[str]) -> bool:
    """Whether one piece of text holds all of *keys*, given where each key is held.

    *holding* maps a key to the indices of the pieces (segments, sentences) that
    hold it; the sets are intersected key by key, stopping as soon as one is empty.
    The same as ``any(keys <= piece for piece in pieces)`` for keys that are not
    empty.
    """
    common: AbstractSet[int] | None = None
    for key in keys:
        where = holding.get(key)
        if not where:
            return False
        common = where if common is None else common & where
        if not common:
            return False
    return True


def range_span(segment: Segment, token_range: tuple[int, int]) -> Span:
    """The character span of a half-open token range of *segment*."""
    first, last = token_range
    return Span(segment.tokens[first].start, segment.tokens[last - 1].end)


def range_text(segment: Segment, token_range: tuple[int, int]) -> str:
    """The text of a token range, as written (punctuation inside it included)."""
    first, last = token_range
    tokens = segment.tokens
    return segment.text[tokens[first].start - segment.start : tokens[last - 1].end - segment.start]


def quoted(text: str, limit: int = 90) -> str:
    """*text* in typographic quotes, shortened with an ellipsis past *limit* characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"


def merge_ranges(
    ranges: Iterable[tuple[int, int]], segment: Segment, *, bridge_stop_words: bool = True
) -> list[tuple[int, int]]:
    """Merge token ranges that touch, or are separated only by function words."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged:
            previous_first, previous_last = merged[-1]
            gap = segment.tokens[previous_last:first]
            if first <= previous_last or (
                bridge_stop_words and len(gap) <= 2 and all(t.is_stop for t in gap)
            ):
                merged[-1] = (previous_first, max(previous_last, last))
                continue
        merged.append((first, last))
    return merged


def wire_segments(alignment: Alignment, entry: SegmentAlignment) -> Sequence[Segment]:
    """The wire text aligned with *entry*: its sources, or the whole wire if it has none."""
    if entry.sources:
        return [alignment.wire_segment(source) for source in entry.sources]
    return [s for wire in alignment.wires for s in wire.segments]


def wire_stems(alignment: Alignment, entry: SegmentAlignment) -> set[str]:
    """Stems of the wire text aligned with *entry*."""
    return {t.stem for s in wire_segments(alignment, entry) for t in s.tokens}


def in_wire(words: Sequence[Token], segments: Sequence[Segment]) -> bool:
    """Whether the stems of *words* occur, consecutively, in one of *segments*."""
    stems = [t.stem for t in words]
    if not stems:
        return False
    first, rest = stems[0], list(enumerate(stems[1:], 1))
    size = len(stems)
    for segment in segments:
        if first not in _stems(segment):
            continue
        tokens = segment.tokens
        last = len(tokens) - size
        for start, token in enumerate(tokens):
            if start > last:
                break
            if token.stem == first and all(tokens[start + k].stem == s for k, s in rest):
                return True
    return False


_STEMS: dict[int, tuple[Segment, frozenset[str]]] = {}


def _stems(segment: Segment) -> frozenset[str]:
    """The stems of a segment, kept while the segment lives (keyed by identity)."""
    cached = _STEMS.get(id(segment))
    if cached is None or cached[0] is not segment:
        if len(_STEMS) > 4096:  # bounded: a batch run must not keep old documents alive
            _STEMS.clear()
        cached = _STEMS[id(segment)] = (segment, frozenset(t.stem for t in segment.tokens))
    return cached[1]
