"""The attribution extractor's caches must not change what it finds.

The lexer caches each span's tokens by its text, offsets aside; the name parts of a
run are cached by its tokens' texts and case-folded forms; a segment's name runs that
may name people are cached by its text, what it finds in a segment by its text, kind
and the quotations near it, and the kind of a source by the segment's text and where
the source lies in it. Whatever the caches hold, the extractor must find
what it finds with empty caches, wherever in a document a sentence stands.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sourcecompare import Document
from sourcecompare import _attribution as attribution
from sourcecompare._attribution import (
    ReportingLexicon,
    _find_mentions,
    _lex,
    _name_mentions,
    _name_runs,
    _person_parts,
    _run_person_parts,
    _Tok,
    extract_attributions,
)

_WORDS = st.sampled_from(
    [
        "Mr.",
        "Mrs.",
        "Zhu",
        "Guijie",
        "Anna",
        "Berg",
        "Harbour",
        "Council",
        "Fishermen's",
        "Cooperative",
        "The",
        "the",
        "of",
        "at",
        "U.S.",
        "AIDS",
        "said",
        "told",
        "she",
        "he",
        "experts",
        "Port",
        "Alder",
        "May",
        "according",
        "to",
        "that",
        "it's",
        "don't",
        ",",
        ".",
        ":",
        '"',
        "“",
        "”",
    ]
)
_SENTENCES = st.lists(_WORDS, min_size=1, max_size=14).map(" ".join)


def _clear() -> None:
    for cache in (
        attribution._SPANS,
        attribution._SEEN,
        attribution._CHUNKS,
        attribution._FINAL_CHUNKS,
        attribution._CHUNKS_SEEN,
        attribution._PARTS,
        attribution._MENTIONS,
        attribution._FOUND,
        attribution._READINGS,
    ):
        cache.clear()


@given(_SENTENCES, st.integers(0, 40))
def test_lex_tokens_move_with_their_span(sentence: str, shift: int) -> None:
    """The same span lexed at another offset gives the same tokens, moved."""
    _clear()
    text = "x" * shift + sentence
    here = _lex(sentence, 0, len(sentence))  # noted as seen
    there = _lex(text, shift, len(text))  # cached
    again = _lex(text, shift, len(text))  # from the cache
    assert [(t.start + shift, t.end + shift, *t[2:]) for t in here] == [tuple(t) for t in there]
    assert again == there
    assert all(type(t) is _Tok for t in again)


@given(_SENTENCES)
def test_cached_person_parts_are_the_uncached(sentence: str) -> None:
    """Cached name parts and name mentions are what a fresh reading gives."""
    heads = ReportingLexicon.default()._name_heads
    toks = _lex(sentence, 0, len(sentence))
    for a, b in _name_runs(toks, 0, len(toks)):
        assert _person_parts(toks, a, b, heads) == _run_person_parts(toks[a:b], heads)
    mentions = _name_mentions(toks, sentence, heads)
    assert mentions == tuple(_find_mentions(toks, heads))


@given(st.lists(_SENTENCES, min_size=1, max_size=5), st.lists(_SENTENCES, max_size=5))
def test_warm_caches_find_what_empty_ones_find(sentences: list[str], others: list[str]) -> None:
    """A document's attributions do not depend on what was read before it."""
    text = "\n\n".join(". ".join(sentences[k : k + 2]) for k in range(0, len(sentences), 2))
    _clear()
    cold = extract_attributions(Document.from_text(text))
    for other in others:  # the same sentences elsewhere, and others, read first
        extract_attributions(Document.from_text(f"{other}. {text}"))
    for _ in range(2):  # a span is cached when it comes back, then read from the cache
        assert extract_attributions(Document.from_text(text)) == cold


def test_a_sentence_in_and_out_of_quotations() -> None:
    """A sentence cached outside a quotation is read afresh inside one, and back."""
    sentence = "Berg said the levy was unfair, Zhu added."
    texts = [
        sentence,
        f'"The harbour is ours. {sentence}',
        f'"The harbour is ours," she said. {sentence}',
        f"Experts warned: “{sentence}”",
        f"“No,” he said. “{sentence}",
        sentence,
    ]
    _clear()
    cold = [extract_attributions(Document.from_text(text)) for text in texts]
    for _ in range(2):  # a span is cached when it comes back, then read from the cache
        warm = [extract_attributions(Document.from_text(text)) for text in texts]
        assert warm == cold
    for text, found in zip(texts, cold, strict=True):
        _clear()
        assert extract_attributions(Document.from_text(text)) == found
