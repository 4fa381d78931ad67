from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcecompare import Document, EmptyDocumentError, RuleSegmenter, SegmentKind
from strategies import article_text, unicode_text

PARSE_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
ARTICLE_SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def parse_or_none(text: str) -> Document | None:
    """Parse *text*; None when it holds no story (the only error arbitrary text may raise)."""
    try:
        return Document.from_text(text)
    except EmptyDocumentError:
        return None


def check_invariants(doc: Document) -> None:
    """Assert the structural promises every Document makes."""
    text = doc.text
    spanned = [*doc.segments, *doc.tokens, *doc.paragraphs, *doc.furniture, *doc.credits]
    spanned.extend(x for x in (doc.byline, doc.dateline) if x is not None)
    for part in spanned:
        assert 0 <= part.start <= part.end <= len(text), part
        assert text[part.start : part.end] == part.text, part

    assert [s.index for s in doc.segments] == list(range(len(doc.segments)))
    assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))
    for left, right in pairwise(doc.segments):
        assert left.end <= right.start, (left, right)
    for left, right in pairwise(doc.paragraphs):
        assert left.end <= right.start, (left, right)
    for left, right in pairwise(doc.furniture):
        assert (left.start, left.end) <= (right.start, right.end)

    for segment in doc.segments:
        assert segment.text.strip(), segment
        assert segment.text == segment.text.strip()
        paragraph = doc.paragraphs[segment.paragraph]
        assert paragraph.start <= segment.start <= segment.end <= paragraph.end
        for left, right in pairwise(segment.tokens):
            assert left.end <= right.start
        for token in segment.tokens:
            assert segment.start <= token.start <= token.end <= segment.end
        for furniture in doc.furniture:
            assert not furniture.span.overlaps(segment.span), (furniture, segment)

    kinds = [s.kind for s in doc.segments]
    assert SegmentKind.HEADLINE not in kinds[1:]
    assert doc.sentences or doc.headings or doc.headline

    if doc.dateline is not None:
        assert doc.dateline.place_span.slice(text) == doc.dateline.place
        assert doc.dateline.span.contains(doc.dateline.place_span)
        if doc.dateline.date_span is not None:
            assert doc.dateline.date_span.slice(text) == doc.dateline.date
    for credit in doc.credits:
        assert any(f.span.contains(credit.span) for f in doc.furniture), credit


class TestArbitraryText:
    """Document invariants on arbitrary Unicode text."""

    @PARSE_SETTINGS
    @given(text=unicode_text())
    def test_invariants(self, text):
        """Any text either has no story or parses into exact, ordered, consistent spans."""
        doc = parse_or_none(text)
        if doc is not None:
            check_invariants(doc)

    @PARSE_SETTINGS
    @given(text=unicode_text())
    def test_deterministic(self, text):
        """Parsing the same text twice gives equal documents."""
        first = parse_or_none(text)

        assert first == parse_or_none(text)

    @settings(max_examples=100, deadline=None)
    @given(text=unicode_text())
    def test_whitespace_only_is_empty(self, text):
        """A text is refused as empty exactly when it is only white space, or is parsed."""
        doc = parse_or_none(text)
        if not text.strip():
            assert doc is None


class TestArticleText:
    """Document invariants on article-like text."""

    @ARTICLE_SETTINGS
    @given(text=article_text())
    def test_invariants(self, text):
        """Article-like text always parses into exact, ordered, consistent spans."""
        check_invariants(Document.from_text(text))

    @ARTICLE_SETTINGS
    @given(text=article_text())
    def test_deterministic(self, text):
        """Parsing an article twice gives equal documents."""
        assert Document.from_text(text) == Document.from_text(text)

    @ARTICLE_SETTINGS
    @given(text=article_text())
    def test_body_has_sentences(self, text):
        """Every generated article keeps at least one body sentence."""
        assert Document.from_text(text).sentences


class TestSegmenterSplit:
    """RuleSegmenter.split invariants."""

    @settings(max_examples=300, deadline=None)
    @given(text=unicode_text(max_pieces=120), data=st.data())
    def test_split_spans(self, text, data):
        """split() gives trimmed, ordered, disjoint spans in range covering all non-space text."""
        start = data.draw(st.integers(0, len(text)), label="start")
        end = data.draw(st.integers(start, len(text)), label="end")
        spans = RuleSegmenter().split(text, start, end)

        covered = set()
        previous_end = start
        for s, e in spans:
            assert previous_end <= s < e <= end
            assert not text[s].isspace()
            assert not text[e - 1].isspace()
            covered.update(range(s, e))
            previous_end = e
        for i in range(start, end):
            if not text[i].isspace():
                assert i in covered, (i, text[i])

    @settings(max_examples=300, deadline=None)
    @given(text=unicode_text(max_pieces=120), data=st.data())
    def test_split_reads_its_range_alone(self, text, data):
        """split() of a range gives what it gives for that range as a text of its own."""
        start = data.draw(st.integers(0, len(text)), label="start")
        end = data.draw(st.integers(start, len(text)), label="end")
        alone = RuleSegmenter().split(text[start:end], 0, end - start)
        spans = RuleSegmenter().split(text, start, end)
        assert spans == [(s + start, e + start) for s, e in alone]

    def test_split_stops_at_its_end(self):
        """A word cut by the range's end is read as cut: "e", not "eFarm", opens nothing."""
        text = "Hello there. eFarm grew."
        assert RuleSegmenter().split(text, 0, 14) == [(0, 14)]

    @settings(max_examples=100, deadline=None)
    @given(text=article_text())
    def test_split_article_text(self, text):
        """On article-like text, split() is deterministic and covers every non-space character."""
        segmenter = RuleSegmenter()
        spans = segmenter.split(text, 0, len(text))

        assert spans == segmenter.split(text, 0, len(text))
        joined = "".join(text[s:e] for s, e in spans)
        assert "".join(joined.split()) == "".join(text.split())
