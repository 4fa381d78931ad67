"""Our Porter2 stemmer against the Snowball project's own, word for word."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcecompare._stem import stem

snowball = pytest.importorskip("snowballstemmer.english_stemmer")
REFERENCE = snowball.EnglishStemmer()
ROOT = Path(__file__).resolve().parent.parent
WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*'?")
SUFFIXES = (
    "s es ed ing ly ness ation 's s' ' ies ied edly ingly eed y al ize ement ion ful li "
    "ogi e le ll er est ity ical ative alize fulness iveness ousli entli".split()
)


def our_words() -> list[str]:
    """Every word in the texts we wrote (articles, docs, tests), lower-cased."""
    words: set[str] = set()
    for pattern in ("examples/**/*.txt", "docs/**/*.md", "tests/**/*.py", "src/**/*.txt"):
        for path in ROOT.glob(pattern):
            text = path.read_text(encoding="utf-8")
            words.update(w.lower() for w in WORD_RE.findall(text))
    return sorted(words)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("opening", "open"),
        ("organizations", "organiz"),  # snowball 3: "organ" opens R1
        ("generously", "generous"),
        ("dying", "die"),  # consonant + "y" + "ing"
        ("inning", "inning"),
        ("exceeded", "exceed"),
        ("skies", "sky"),
        ("news", "news"),
        ("cries", "cri"),
        ("ties", "tie"),
        ("hoped", "hope"),
        ("hopping", "hop"),
        ("saying", "say"),
        ("yelled", "yell"),
        ("consistency", "consist"),
        ("conditional", "condit"),
        ("'tis", "tis"),
        ("by", "by"),
    ],
)
def test_known_stems(word: str, expected: str) -> None:
    """Words whose stems show one rule each, as ours and Snowball's give them."""
    assert stem(word) == expected
    assert REFERENCE.stemWord(word) == expected


def test_every_word_we_wrote_and_its_inflections() -> None:
    """All words of our texts stem as Snowball does; every fifth with common suffixes too.

    (``bench/stemmer.py`` checks every word of the evaluation data the same way.)
    """
    words = our_words()
    assert len(words) > 3000  # the corpus is real, not empty
    variants = words + [w + s for w in words[::5] for s in SUFFIXES]
    wrong = [
        (w, stem(w), REFERENCE.stemWord(w)) for w in variants if stem(w) != REFERENCE.stemWord(w)
    ]
    assert wrong == []


@given(st.text(alphabet=string.ascii_lowercase + "'yY", max_size=12))
def test_any_string_of_letters(word: str) -> None:
    """Random strings, rich in the letters the rules turn on, stem as Snowball's."""
    assert stem(word) == REFERENCE.stemWord(word)


@given(st.text(max_size=10))
def test_any_text(word: str) -> None:
    """Non-ASCII letters, digits and symbols too: they are never vowels."""
    assert stem(word) == REFERENCE.stemWord(word)
