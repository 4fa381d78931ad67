"""bench/corpus.py's rewrites: the varied ones share only what they copy from the wire.

``bench/batch.py --varied`` rests on this: its figures bound what caches keyed by a
segment's text gain, which they would not if varied rewrites still repeated each other.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import sourcecompare as sc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import corpus


def _segments(text: str) -> list[str]:
    return [segment.text for segment in sc.Document.from_text(text).segments]


def _rewrites(vary: bool, count: int = 30) -> tuple[set[str], list[list[str]]]:
    story = corpus.story(0, seed=20_001, sentences=49)
    rngs = [random.Random(f"varied:{n}") for n in range(count)]  # noqa: S311
    rewrites = [corpus.rewrite(story, rng, sentences=40, framing=4, vary=vary).text for rng in rngs]
    return set(_segments(story.text)), [_segments(text) for text in rewrites]


def test_varied_rewrites_repeat_only_the_wire() -> None:
    """No sentence of a varied rewrite but a wire copy is in another; copies remain."""
    wire, rewrites = _rewrites(vary=True)
    counts = Counter(text for segments in rewrites for text in segments if text not in wire)
    assert counts, "the varied rewrites have sentences of their own"
    assert max(counts.values()) == 1, counts.most_common(3)
    copied = sum(text in wire for segments in rewrites for text in segments)
    assert copied > 0.3 * sum(map(len, rewrites)), "they still copy wire sentences"


def test_plain_rewrites_repeat_each_other() -> None:
    """What --varied is for: without it, rewrites share many sentences the wire lacks."""
    wire, rewrites = _rewrites(vary=False)
    counts = Counter(text for segments in rewrites for text in segments if text not in wire)
    assert max(counts.values()) > 10


def test_made_up_word_goes_before_the_closing_punctuation() -> None:
    """Inside a closing quotation, after a speaker: it splits neither from its text."""
    rng = random.Random(4)  # noqa: S311
    said = corpus._vary('"We will rebuild," Mayor Ana Lenk said.', rng)
    assert said.startswith('"We will rebuild," Mayor Ana Lenk said ')
    assert said.endswith(".")
    quoted = corpus._vary('She said: "It is over."', rng)
    assert quoted.startswith('She said: "It is over ')
    assert quoted.endswith('."')
    word = quoted.removeprefix('She said: "It is over ').removesuffix('."')
    assert word.isalpha()
    assert word.islower()
