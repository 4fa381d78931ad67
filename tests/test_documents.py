from __future__ import annotations

import datetime as dt

import attrs
import pytest
import rich.console

from conftest import ARTICLES_DIR
from sourcecompare import (
    Document,
    FurnitureKind,
    InvalidOptionError,
    ParagraphKind,
    Segment,
    SegmentKind,
    Span,
    UnsupportedFormatError,
)


def assert_offsets_exact(doc: Document) -> None:
    """Every span-carrying part of *doc* points at exactly its own text."""
    text = doc.text
    parts: list[object] = [
        *doc.segments,
        *doc.tokens,
        *doc.paragraphs,
        *doc.furniture,
        *doc.credits,
    ]
    if doc.byline is not None:
        parts.append(doc.byline)
    if doc.dateline is not None:
        parts.append(doc.dateline)
    for part in parts:
        assert text[part.start : part.end] == part.text, part  # type: ignore[attr-defined]
    if doc.dateline is not None:
        assert doc.dateline.place_span.slice(text) == doc.dateline.place
        if doc.dateline.date_span is not None:
            assert doc.dateline.date_span.slice(text) == doc.dateline.date


def texts(segments: tuple[Segment, ...]) -> list[str]:
    """The texts of some segments."""
    return [s.text for s in segments]


class TestSegmentKinds:
    """Headline, headings and sentences."""

    def test_headline_headings_sentences(self, derivative_doc):
        """The first title line is the headline; later title lines are headings."""
        doc = derivative_doc

        assert doc.headline is not None
        assert doc.headline.text == "A New Era for Skarv Island"
        assert doc.headline.kind is SegmentKind.HEADLINE
        assert texts(doc.headings) == ["What the Board Decided", "Costs and Concerns"]
        assert texts(doc.sentences) == [
            "Skarv island is finally getting the ferry link its residents deserve.",
            "The board approved the link on Tuesday.",
            "Two boats will be delivered by November.",
            "Households will pay more, a modest price for a reliable crossing.",
        ]

    def test_segments_are_headline_then_body_in_order(self, wire_doc):
        """Segments are numbered 0..n-1 in text order, headline first."""
        doc = wire_doc

        assert [s.index for s in doc.segments] == list(range(len(doc.segments)))
        assert doc.segments[0] is doc.headline
        starts = [s.start for s in doc.segments]
        assert starts == sorted(starts)

    def test_no_headline_when_body_starts_at_once(self):
        """A text that opens with a sentence has no headline."""
        doc = Document.from_text("The board met on Tuesday. It voted to approve the link.")

        assert doc.headline is None
        assert doc.headings == ()
        assert len(doc.sentences) == 2

    def test_single_title_line_alone(self):
        """A document of one title-like line is one sentence: a heading needs a body to head."""
        doc = Document.from_text("Ferry link approved")

        assert doc.headline is None
        assert doc.headings == ()
        assert texts(doc.sentences) == ["Ferry link approved"]

    def test_single_markdown_heading_alone(self):
        """An explicit Markdown heading stays a heading even alone."""
        doc = Document.from_text("# Ferry link approved")

        assert texts(doc.headings) == ["Ferry link approved"]

    def test_question_heading(self):
        """A short question on its own line is a heading."""
        doc = Document.from_text("The board met.\n\nWhy does it matter?\n\nIt voted. Costs fell.")

        assert texts(doc.headings) == ["Why does it matter?"]

    def test_long_line_without_period_is_not_a_heading(self):
        """A line of many words without end punctuation is a sentence, not a heading."""
        line = "A line with far too many words in it to be read as a section heading at all, no"
        doc = Document.from_text(f"The board met.\n\n{line}\n\nEnd of story.")

        assert doc.headings == ()
        assert line in texts(doc.sentences)


class TestMarkdown:
    """Markdown headings, bold headings and list items."""

    def test_markdown_headings_without_marks(self, derivative_doc):
        """'# Title' and '## Sub' give headline and heading spans without the '#' marks."""
        doc = derivative_doc

        assert doc.headline is not None
        assert doc.text[doc.headline.start - 2 : doc.headline.start] == "# "
        heading = doc.headings[0]
        assert doc.text[heading.start - 3 : heading.start] == "## "

    def test_bold_heading_without_asterisks(self, derivative_doc):
        """'**Bold heading**' is a heading whose span excludes the asterisks."""
        heading = derivative_doc.headings[1]

        assert heading.text == "Costs and Concerns"
        assert derivative_doc.text[heading.start - 2 : heading.end + 2] == "**Costs and Concerns**"

    def test_closing_hashes_removed(self):
        """A heading written '## Sub ##' has the span of 'Sub' only."""
        doc = Document.from_text("The board met.\n\n## What Comes Next ##\n\nIt voted.")

        assert texts(doc.headings) == ["What Comes Next"]

    def test_list_items(self):
        """Bullet and numbered items are LIST_ITEM paragraphs without their markers."""
        text = (
            "The board met.\n\n"
            "- first item here\n* second item\n• third item\n1. fourth item\n2) fifth item\n"
        )
        doc = Document.from_text(text, format="markdown")

        items = [p for p in doc.paragraphs if p.kind is ParagraphKind.LIST_ITEM]
        assert [p.text for p in items] == [
            "first item here",
            "second item",
            "third item",
            "fourth item",
            "fifth item",
        ]
        for item in items:
            assert text[item.start - 1] == " "
            assert text[item.start : item.end] == item.text

    def test_list_item_continuation_line(self):
        """A line under a list item without a marker continues that item."""
        doc = Document.from_text("The board met.\n\n- first item\n  goes on here\n- second item\n")

        items = [p.text for p in doc.paragraphs if p.kind is ParagraphKind.LIST_ITEM]
        assert items == ["first item\n  goes on here", "second item"]

    def test_list_item_sentences_belong_to_items(self, derivative_doc):
        """Sentences of a list item point at that item's paragraph."""
        doc = derivative_doc
        items = {p.index for p in doc.paragraphs if p.kind is ParagraphKind.LIST_ITEM}

        item_sentences = [s for s in doc.sentences if s.paragraph in items]
        assert texts(tuple(item_sentences)) == [
            "The board approved the link on Tuesday.",
            "Two boats will be delivered by November.",
        ]


class TestParagraphs:
    """Blocks, headings inside blocks and hard-wrapped paragraphs."""

    def test_title_case_first_line_of_block_is_heading(self):
        """A title-case first line of a multi-line block is a heading before its paragraph."""
        doc = Document.from_text(
            "The board met.\n\n"
            "Rising Costs Hit Local Farmers\nFarmers said costs rose. Fuel doubled.\n"
        )

        assert texts(doc.headings) == ["Rising Costs Hit Local Farmers"]
        body = doc.paragraphs[-1]
        assert body.kind is ParagraphKind.BODY
        assert body.text == "Farmers said costs rose. Fuel doubled."

    def test_plain_first_line_of_block_is_not_heading(self):
        """A first line that is not title case stays in its paragraph."""
        doc = Document.from_text("The board met.\n\nNot a heading line\nbecause it goes on.\n")

        assert doc.headings == ()
        assert doc.paragraphs[-1].text == "Not a heading line\nbecause it goes on."

    def test_hard_wrapped_paragraph_stays_one(self):
        """A hard-wrapped paragraph is one paragraph; sentences may span its line breaks."""
        doc = Document.from_text(
            "The board met.\n\nThe council met\non Monday and agreed. It voted\nagain on Tuesday.\n"
        )

        assert len(doc.paragraphs) == 2
        assert texts(doc.sentences)[1:] == [
            "The council met\non Monday and agreed.",
            "It voted\nagain on Tuesday.",
        ]
        assert {s.paragraph for s in doc.sentences[1:]} == {1}

    def test_hard_wrapped_opening_paragraph_has_no_headline(self):
        """A hard-wrapped first paragraph whose second line continues a sentence is no headline."""
        doc = Document.from_text(
            "The council met in the town hall\non Monday and agreed to act. It voted.\n"
        )

        assert doc.headline is None
        first = "The council met in the town hall\non Monday and agreed to act."
        assert texts(doc.sentences)[0] == first

    def test_paragraph_indices_of_segments(self, wire_doc):
        """Every segment points at the paragraph that contains it."""
        for segment in wire_doc.segments:
            paragraph = wire_doc.paragraphs[segment.paragraph]
            assert paragraph.span.contains(segment.span)
        assert [p.index for p in wire_doc.paragraphs] == list(range(len(wire_doc.paragraphs)))
        assert [s.paragraph for s in wire_doc.segments] == [0, 1, 2, 2, 3]

    def test_paragraph_kinds(self, derivative_doc):
        """Paragraph kinds follow the blocks: headline, body, heading, list items, heading, body."""
        assert [p.kind for p in derivative_doc.paragraphs] == [
            ParagraphKind.HEADLINE,
            ParagraphKind.BODY,
            ParagraphKind.HEADING,
            ParagraphKind.LIST_ITEM,
            ParagraphKind.LIST_ITEM,
            ParagraphKind.HEADING,
            ParagraphKind.BODY,
        ]


class TestLineEndings:
    """CRLF and Unicode line breaks."""

    def test_crlf_offsets_exact(self):
        """With CRLF line ends, every span still points at exactly its text."""
        text = (
            "Ferry link approved\r\n\r\nBy Jane Doe\r\n\r\n"
            "LINDBY, April 1 (Reuters) - The board met. It voted.\r\n\r\nCosts fell.\r\n"
        )
        doc = Document.from_text(text)

        assert_offsets_exact(doc)
        assert doc.headline is not None
        assert doc.headline.text == "Ferry link approved"
        assert doc.byline is not None
        assert doc.dateline is not None
        assert texts(doc.sentences) == ["The board met.", "It voted.", "Costs fell."]

    def test_crlf_hard_wrapped_paragraph_stays_one(self):
        """A hard-wrapped paragraph with CRLF line ends is one paragraph, as with LF."""
        lf = "The board met.\n\nThe council met\non Monday. It voted.\n"
        crlf = lf.replace("\n", "\r\n")

        assert len(Document.from_text(crlf).paragraphs) == len(Document.from_text(lf).paragraphs)

    def test_other_line_breaks(self):
        """Unicode line and paragraph separators break lines and keep offsets exact."""
        doc = Document.from_text("The board met.\u2029\u2029It voted.\u2028Costs fell.")

        assert_offsets_exact(doc)
        assert texts(doc.sentences)[0] == "The board met."


class TestDatelineAndFurniture:
    """Furniture as the Document exposes it."""

    def test_dateline_excluded_from_first_sentence(self, wire_doc):
        """The first sentence starts after the dateline."""
        first = wire_doc.sentences[0]

        assert wire_doc.dateline is not None
        assert first.start > wire_doc.dateline.end
        assert first.text.startswith("The Lindby harbour board")

    def test_first_paragraph_span_excludes_dateline(self, wire_doc):
        """The first body paragraph starts after the dateline too."""
        paragraph = wire_doc.paragraphs[1]

        assert paragraph.text.startswith("The Lindby harbour board")

    def test_wire_furniture(self, wire_doc):
        """The fictional wire's furniture is found in text order."""
        assert [f.kind for f in wire_doc.furniture] == [
            FurnitureKind.CRUMB,
            FurnitureKind.SOURCE_LINE,
            FurnitureKind.HEADLINE_REPEAT,
            FurnitureKind.BYLINE,
            FurnitureKind.DATELINE,
            FurnitureKind.REPORTING_LINE,
        ]
        assert wire_doc.published == dt.date(2025, 4, 2)
        assert wire_doc.agency == "Reuters"
        assert [c.where for c in wire_doc.credits] == ["source_line", "dateline"]

    def test_furniture_never_in_segments(self, wire_doc):
        """No segment overlaps any piece of furniture."""
        for furniture in wire_doc.furniture:
            for segment in wire_doc.segments:
                assert not furniture.span.overlaps(segment.span)

    def test_derivative_has_no_furniture(self, derivative_doc):
        """A rewrite without credits has no furniture, credit, dateline or byline."""
        assert derivative_doc.furniture == ()
        assert derivative_doc.credits == ()
        assert derivative_doc.agency is None
        assert derivative_doc.dateline is None
        assert derivative_doc.byline is None
        assert derivative_doc.published is None


class TestOffsets:
    """Every span of a Document points at exactly its text."""

    def test_wire_offsets(self, wire_doc):
        """Every segment, token, paragraph, furniture item and credit of the wire is exact."""
        assert_offsets_exact(wire_doc)

    def test_derivative_offsets(self, derivative_doc):
        """Every part of the Markdown rewrite is exact."""
        assert_offsets_exact(derivative_doc)

    def test_tokens_inside_their_segment(self, wire_doc):
        """Each segment's tokens lie inside it, and doc.tokens is all of them in order."""
        for segment in wire_doc.segments:
            for token in segment.tokens:
                assert segment.start <= token.start <= token.end <= segment.end
        assert wire_doc.tokens == tuple(t for s in wire_doc.segments for t in s.tokens)

    def test_span_text(self, wire_doc):
        """span_text() returns the text of a span."""
        sentence = wire_doc.sentences[0]

        assert wire_doc.span_text(sentence.span) == sentence.text
        assert wire_doc.span_text(Span(0, 4)) == "News"


class TestSegmentHelpers:
    """Segment.content_tokens and Segment.name_tokens."""

    def test_content_tokens_drop_stopwords(self):
        """content_tokens leaves out function words."""
        doc = Document.from_text("The board said it would approve the link.")

        assert [t.norm for t in doc.sentences[0].content_tokens] == [
            "board",
            "said",
            "approve",
            "link",
        ]

    def test_name_tokens(self):
        """name_tokens gives capitalised non-function words, not an opening 'The'."""
        doc = Document.from_text("The minister Ada Berg met the Lindby board in March.")

        assert [t.text for t in doc.sentences[0].name_tokens] == ["Ada", "Berg", "Lindby", "March"]

    def test_sentence_initial_month_is_not_a_name(self):
        """A sentence-initial month name is not taken for a name."""
        doc = Document.from_text("March was wet in Lindby.")

        assert [t.text for t in doc.sentences[0].name_tokens] == ["Lindby"]


class TestModel:
    """Document as a frozen, deterministic value."""

    def test_deterministic(self, wire_text):
        """Two parses of the same text are equal."""
        assert Document.from_text(wire_text) == Document.from_text(wire_text)

    def test_text_kept_unchanged(self, wire_text):
        """The document keeps the text exactly as given."""
        assert Document.from_text(wire_text).text is wire_text

    def test_frozen(self, wire_doc):
        """Documents and their parts are immutable."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            wire_doc.text = "other"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            wire_doc.segments[0].text = "other"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            wire_doc.furniture[0].kind = FurnitureKind.BYLINE  # type: ignore[misc]

    def test_sequences_are_tuples(self, wire_doc):
        """Sequences in the model are tuples."""
        assert isinstance(wire_doc.segments, tuple)
        assert isinstance(wire_doc.paragraphs, tuple)
        assert isinstance(wire_doc.furniture, tuple)
        assert isinstance(wire_doc.credits, tuple)
        assert isinstance(wire_doc.segments[0].tokens, tuple)

    def test_doc_id_and_source(self):
        """doc_id and source are kept as given."""
        doc = Document.from_text("The board met.", doc_id="lindby-1", source="feed")

        assert doc.doc_id == "lindby-1"
        assert doc.source == "feed"
        assert doc.format == "text"

    def test_rich_protocol(self, wire_doc):
        """A document renders through rich and shows its sentences."""
        console = rich.console.Console(width=120, no_color=True)
        with console.capture() as capture:
            console.print(wire_doc)

        assert "The link will cost 1,200 crowns" in capture.get()

    def test_custom_segmenter(self):
        """A segmenter that returns whole paragraphs gives one sentence per paragraph."""

        class WholeParagraph:
            def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:  # noqa: ARG002
                return [(start, end)]

        doc = Document.from_text("One. Two. Three.\n\nFour. Five.", segmenter=WholeParagraph())

        assert texts(doc.sentences) == ["One. Two. Three.", "Four. Five."]


class TestOptions:
    """Option checking in Document.from_text."""

    def test_text_must_be_str(self):
        """Passing bytes instead of text raises InvalidOptionError."""
        with pytest.raises(InvalidOptionError, match="must be a str") as info:
            Document.from_text(b"The board met.")  # type: ignore[arg-type]
        assert info.value.option == "text"

    def test_unknown_format(self):
        """An unknown format raises UnsupportedFormatError (a ValueError) naming it, as from_path does."""
        with pytest.raises(UnsupportedFormatError, match="'pdf'") as info:
            Document.from_text("The board met.", format="pdf", doc_id="note")
        assert isinstance(info.value, ValueError)
        assert info.value.doc_id == "note"

    @pytest.mark.parametrize("limit", [0, -5])
    def test_max_chars_must_be_positive(self, limit):
        """A max_chars below 1 raises InvalidOptionError."""
        with pytest.raises(InvalidOptionError, match="max_chars"):
            Document.from_text("The board met.", max_chars=limit)

    def test_direct_construction_validates_format(self, wire_doc):
        """Evolving a document to an unknown format fails with a ValueError naming it."""
        with pytest.raises(ValueError, match="'format'"):
            attrs.evolve(wire_doc, format="pdf")


class TestExampleArticles:
    """The fictional articles in examples/articles."""

    @pytest.mark.parametrize("path", sorted(ARTICLES_DIR.glob("*.txt")), ids=lambda p: p.name)
    def test_every_example_parses_exactly(self, path):
        """Every example article parses, and every span in it is exact."""
        doc = Document.from_path(path)

        assert doc.doc_id == path.name
        assert doc.sentences
        assert_offsets_exact(doc)

    def test_harbour_wire(self, articles_dir):
        """The harbour wire has Reuters' credit, a dateline, a byline and a headline."""
        doc = Document.from_path(articles_dir / "harbour_wire.txt")

        assert doc.agency == "Reuters"
        assert doc.dateline is not None
        assert doc.dateline.place == "PORT ALDER"
        assert doc.dateline.date == "June 17"
        assert doc.dateline.agency == "Reuters"
        assert doc.byline is not None
        assert doc.byline.names == ("Tomas Rennick",)
        assert doc.headline is not None
        assert doc.headline.text.startswith("Port Alder opens $310 million desalination plant")
        assert doc.published == dt.date(2025, 6, 18)
        kinds = {f.kind for f in doc.furniture}
        assert {FurnitureKind.CRUMB, FurnitureKind.HEADLINE_REPEAT} <= kinds
        assert FurnitureKind.REPORTING_LINE in kinds
        assert doc.sentences[0].text.startswith("The Port Alder Water Authority (PAWA) opened")
        assert doc.headings == ()

    def test_harbour_faithful(self, articles_dir):
        """The faithful harbour rewrite keeps the Reuters dateline and its headline."""
        doc = Document.from_path(articles_dir / "harbour_faithful.txt")

        assert doc.agency == "Reuters"
        assert doc.dateline is not None
        assert doc.dateline.place == "PORT ALDER"
        assert doc.headline is not None
        assert doc.byline is None
        assert doc.headings == ()

    def test_harbour_rewrite(self, articles_dir):
        """The harbour rewrite has no credit or dateline, and three added headings."""
        doc = Document.from_path(articles_dir / "harbour_rewrite.txt")

        assert doc.credits == ()
        assert doc.dateline is None
        assert doc.headline is None
        assert texts(doc.headings) == [
            "A Lifeline for a Thirsty City",
            "Costs and Concerns",
            "What Comes Next",
        ]

    def test_rail_wire(self, articles_dir):
        """The rail wire has an AP dateline with a country, a byline and a contributor line."""
        doc = Document.from_path(articles_dir / "rail_wire.txt")

        assert doc.agency == "Associated Press"
        assert doc.dateline is not None
        assert doc.dateline.place == "VELMORA, Estavia"
        assert doc.dateline.date is None
        assert doc.byline is not None
        assert doc.byline.names == ("ANIKA DORSETT",)
        assert doc.headline is not None
        assert FurnitureKind.CONTRIBUTOR_LINE in {f.kind for f in doc.furniture}
        assert [c.where for c in doc.credits] == ["dateline", "contributor_line"]

    def test_rail_rewrite(self, articles_dir):
        """The Markdown rail rewrite has a headline, three headings and five list items."""
        doc = Document.from_path(articles_dir / "rail_rewrite.txt")

        assert doc.headline is not None
        assert doc.headline.text == "Velmora Derailment Leaves 14 Injured"
        assert texts(doc.headings) == ["What Happened", "The Investigation", "A Troubled Network"]
        items = [p for p in doc.paragraphs if p.kind is ParagraphKind.LIST_ITEM]
        assert len(items) == 5
        assert all(not p.text.startswith("-") for p in items)
        assert doc.credits == ()
