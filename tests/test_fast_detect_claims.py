"""``read_claim`` answers a sentence with no cue at all without building a reader.

The fast path (no word of the sentence starts an entry: the shared "no claim"
reading) must give what the full reading gives; so must ``find_all`` split in two.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare import Document, _claims
from sourcecompare._claims import _NO_CLAIM, CLAIM_CATEGORIES, ClaimLexicon, _Reader, read_claim
from sourcecompare._tokens import tokenize

_WORDS = (
    "the ban was linked to fewer injuries and may reduce costs ; it did not cut pay but "
    "should help , in mice more likely than before associated significantly with Could "
    "leads to not only a tax increase the eliminated candidates showed improved scores"
).split()

_SENTENCES = [
    "The council met on Tuesday.",
    "The ban was linked to fewer injuries.",
    "The ban cut injuries, officials said.",
    "Could poor sleep cause pain?",
    "The drug may help reduce pain in mice.",
    "People should not smoke.",
    "No cue here, and no limit either.",
]


def _full(text: str, lexicon: ClaimLexicon) -> object:
    tokens = tuple(tokenize(text))
    return _Reader(text, tokens, 0, lexicon, lexicon.find_all(tokens)).read()


@pytest.mark.parametrize("text", _SENTENCES)
def test_read_claim_is_the_full_reading(text: str) -> None:
    """A string and a segment read as the reader reads them."""
    lexicon = ClaimLexicon.default()
    assert read_claim(text) == _full(text, lexicon)
    segment = Document.from_text(text).segments[0]
    assert (
        read_claim(segment)
        == _Reader(
            segment.text, segment.tokens, segment.start, lexicon, lexicon.find_all(segment.tokens)
        ).read()
    )


def test_no_cue_is_the_shared_reading() -> None:
    """A sentence without a cue gets the one shared reading."""
    assert read_claim("The council met on Tuesday.") is _NO_CLAIM


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_read_claim_agrees_on_word_salads(words: list[str]) -> None:
    """Random strings of cue and other words read alike both ways."""
    text = " ".join(words)
    lexicon = ClaimLexicon.default()
    assert read_claim(text) == _full(text, lexicon)
    tokens = tuple(tokenize(text))
    assert lexicon.find_all(tokens) == lexicon._find_from(tokens, lexicon._starts(tokens))


@pytest.mark.parametrize("text", _SENTENCES)
def test_a_segment_reading_is_kept_from_its_second_sighting(text: str) -> None:
    """Kept by the text from its second sighting, and the same wherever the text stands."""
    lexicon = ClaimLexicon(**{c: getattr(ClaimLexicon.default(), c) for c in CLAIM_CATEGORIES})
    first = Document.from_text(text).segments[0]
    elsewhere = Document.from_text(f"Headline here\n\nA first sentence. {text}").segments[-1]
    assert elsewhere.text == text
    assert elsewhere.start != first.start
    _claims._READINGS_SIGHTED.clear()
    fresh = read_claim(first, lexicon=lexicon)
    assert text not in lexicon._readings
    assert read_claim(elsewhere, lexicon=lexicon) == fresh
    assert lexicon._readings[text] == fresh
    assert read_claim(first, lexicon=lexicon) == fresh == read_claim(text, lexicon=lexicon)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), st.integers(0, 30))
def test_kept_readings_are_fresh_readings(words: list[str], shift: int) -> None:
    """A reading given from the lexicon's cache is the one the reader gives afresh."""
    lexicon = ClaimLexicon.default()
    text = " ".join(words).capitalize() + "."
    for segment in Document.from_text(f"Title\n\n{'x ' * shift}Go. {text}").segments[1:]:
        fresh = _Reader(
            segment.text, segment.tokens, segment.start, lexicon, lexicon.find_all(segment.tokens)
        ).read()
        assert read_claim(segment) == fresh
        assert read_claim(segment) == fresh
