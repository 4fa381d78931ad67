"""``Summary.of`` takes the derivative's two shares from one pass over its segments.

They must be exactly the shares the alignment gives (``kept_share``,
``supported_share``, ``verbatim_share``), and the speakers kept and dropped exactly
those whose fate is lost or not.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

import sourcecompare as sc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import corpus


def _check(comparison: sc.Comparison) -> None:
    summary, alignment = comparison.summary, comparison.alignment
    assert summary.wire_kept == alignment.kept_share
    assert summary.derivative_supported == alignment.supported_share
    assert summary.verbatim == alignment.verbatim_share
    speakers = comparison.speakers
    assert summary.speakers_kept == tuple(s.name for s in speakers if not s.fate.lost)
    assert summary.speakers_dropped == tuple(s.name for s in speakers if s.fate.lost)


@pytest.mark.parametrize("seed", range(6))
def test_summary_shares_are_the_alignments(seed: int) -> None:
    """Rewrites of a corpus story, against one wire and against two."""
    story = corpus.story(seed, seed=30_000, sentences=12 + seed)
    other = corpus.story(seed + 1, seed=30_000, sentences=8)
    rng = random.Random(f"perf7d:{seed}")  # noqa: S311 - a reproducible corpus
    derivative = corpus.rewrite(story, rng, sentences=6 + seed, framing=seed % 3).text
    _check(sc.compare(story.text, derivative))
    _check(sc.compare([story.text, other.text], derivative))


def test_summary_of_texts_without_support(wire_text: str) -> None:
    """A derivative the wire does not support at all."""
    _check(sc.compare(wire_text, "Nothing here comes from the wire at all, said Kim."))
