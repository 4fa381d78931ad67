"""The per-word caches keep a word from its second sighting, and give what was computed.

Tokens' analyses (``_tokens._CACHE``), comparison keys (``Equivalents._keys``) and
attribution chunks (``_attribution._CHUNKS``) are kept only for words that come back
(see ``sourcecompare._sightings``): a word that one article alone writes costs no
entry. Whether a word is kept must never change what is given for it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare import _attribution, _keys, _tokens
from sourcecompare._attribution import _lex_tokens
from sourcecompare._keys import Equivalents
from sourcecompare._tokens import tokenize, tokenize_segment
from strategies import article_text, unicode_text

_WORD = "Quorvenstal"  # written for these tests: in no word list, in no other test


def _forget_words() -> None:
    _tokens._CACHE.clear()
    _tokens._WORDS_SIGHTED.clear()
    _tokens._SEGMENTS.clear()
    _tokens._SEGMENTS_SIGHTED.clear()


def test_a_word_seen_once_is_not_kept() -> None:
    """A token's analysis is kept from the second time its surface is scanned."""
    _forget_words()
    first = tokenize(f"The {_WORD} pier.")
    assert _WORD not in _tokens._CACHE
    second = tokenize(f"A {_WORD} again.")
    assert _WORD in _tokens._CACHE
    assert first[1][2:] == second[1][2:] == _tokens._CACHE[_WORD]


def test_segment_kept_before_its_words_is_whole() -> None:
    """A segment kept while a word of it is not gives that word's full analysis."""
    _forget_words()
    text = f"Rain fell on {_WORD} at dawn."
    expected = tokenize(text)
    _forget_words()
    assert tokenize_segment(text, 0, len(text), text) == expected  # words and piece noted
    assert text not in _tokens._SEGMENTS
    _tokens._WORDS_SIGHTED.clear()  # the words are forgotten, the piece is not
    assert tokenize_segment(text, 0, len(text), text) == expected  # the piece is kept
    assert text in _tokens._SEGMENTS
    assert _WORD not in _tokens._CACHE
    assert tokenize_segment(text, 0, len(text), text) == expected  # built from the columns


def test_a_key_seen_once_is_not_kept() -> None:
    """Equivalents.key keeps a key from the second sighting of the token's analysis."""
    table = Equivalents.default()
    token = tokenize(f"{_WORD}s")[0]
    analysis = token[3:8]
    table._keys.pop(analysis, None)
    _keys._KEYS_SIGHTED.clear()
    key = table.key(token)
    assert analysis not in table._keys
    assert table.key(token) == key
    assert table._keys[analysis] == key
    assert table.key(token) == key


def test_a_chunk_seen_once_is_not_kept() -> None:
    """A chunk is lexed afresh until its second sighting, then kept; tokens alike."""
    _attribution._CHUNKS.clear()
    _attribution._FINAL_CHUNKS.clear()
    _attribution._CHUNKS_SEEN.clear()
    text = f"{_WORD}'s chief said so."
    first = _lex_tokens(text, 0, len(text))
    assert f"{_WORD}'s" not in _attribution._CHUNKS
    second = _lex_tokens(text, 0, len(text))
    assert f"{_WORD}'s" in _attribution._CHUNKS
    assert "so." in _attribution._FINAL_CHUNKS
    assert first == second == _lex_tokens(text, 0, len(text))


@settings(max_examples=200, deadline=None)
@given(st.one_of(unicode_text(), article_text()), st.integers(0, 3))
def test_tokens_are_the_same_whatever_the_caches_hold(text: str, forget: int) -> None:
    """Scanned with cold caches, then warm, then after the gate forgets: the same tokens."""
    _forget_words()
    cold = tokenize(text)
    for _ in range(forget):
        assert tokenize(text) == cold
    _tokens._WORDS_SIGHTED.clear()
    assert tokenize(text) == cold
    assert tokenize_segment(text, 0, len(text), text) == cold
    assert tokenize_segment(text, 0, len(text), text) == cold
