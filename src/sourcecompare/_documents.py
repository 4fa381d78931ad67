"""The Document model: an article's text kept whole, and everything else as spans into it.

Parsing runs in three passes over the lines of the text:

1. **Header**: from the top, furniture lines (crumbs, source and date lines, bylines)
   and the headline (the first title-like line before the body), and any repeat of it.
2. **Trailer**: from the bottom, reporting, contributor, copyright and credit lines.
3. **Body**: what is left, split into blocks at blank lines. A block is a heading
   (Markdown ``#`` lines, ``**bold**`` lines, and short lines without end punctuation),
   list items, or a paragraph; the first paragraph may open with a dateline.
   Paragraphs are split into sentences by the segmenter, and every segment into tokens.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import gc
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from sourcecompare._furniture import (
    AgencyCredit,
    AgencyList,
    Byline,
    Dateline,
    Furniture,
    FurnitureKind,
    byline_names,
    classify_header_line,
    classify_trailer_line,
    match_dateline,
    source_line_fields,
)
from sourcecompare._segment import RuleSegmenter
from sourcecompare._spans import Span
from sourcecompare._tokens import Token, tokenize_segment
from sourcecompare.exceptions import (
    DocumentTooLargeError,
    EmptyDocumentError,
    InvalidOptionError,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from sourcecompare.typing import Segmenter

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Document",
    "Paragraph",
    "ParagraphKind",
    "Segment",
    "SegmentKind",
]

DEFAULT_MAX_CHARS: Final = 5_000_000
"""Texts longer than this many characters are refused unless a larger limit is given."""

_DEFAULT_SEGMENTER: Final = RuleSegmenter()
_FORMATS: Final = frozenset({"text", "markdown", "html"})


class SegmentKind(str, enum.Enum):
    """What a segment is.

    .. versionadded:: 0.1
    """

    HEADLINE = "headline"
    """The story's title, above the body."""
    HEADING = "heading"
    """A section heading inside the body."""
    SENTENCE = "sentence"
    """A sentence of the body."""


class ParagraphKind(str, enum.Enum):
    """What a paragraph (a block of the body) is.

    .. versionadded:: 0.1
    """

    HEADLINE = "headline"
    """The story's title."""
    HEADING = "heading"
    """A section heading."""
    BODY = "body"
    """A paragraph of running text."""
    LIST_ITEM = "list_item"
    """One item of a bulleted or numbered list, without its marker."""


@attrs.frozen
class Paragraph:
    """A block of the document: the headline, a heading, a body paragraph or a list item.

    Attributes:
        index: Position among the document's paragraphs.
        kind: What the block is.
        start: Offset of its first character (after any dateline or list marker).
        end: Offset one past its last character.
        text: ``doc.text[start:end]``.

    .. versionadded:: 0.1
    """

    index: int
    kind: ParagraphKind
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        """The paragraph's span."""
        return Span(self.start, self.end)


@attrs.frozen
class Segment:
    """A unit that alignment compares: the headline, a heading or a sentence.

    Attributes:
        index: Position among the document's segments.
        kind: Headline, heading or sentence.
        start: Offset of the segment's first character.
        end: Offset one past its last character.
        text: ``doc.text[start:end]``.
        paragraph: Index of the paragraph it belongs to.
        tokens: Its tokens, in order.

    .. versionadded:: 0.1
    """

    index: int
    kind: SegmentKind
    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...] = attrs.field(repr=False)

    @property
    def span(self) -> Span:
        """The segment's span."""
        return Span(self.start, self.end)

    @property
    def content_tokens(self) -> tuple[Token, ...]:
        """Tokens that are not function words."""
        return tuple(t for t in self.tokens if not t.is_stop)

    @property
    def name_tokens(self) -> tuple[Token, ...]:
        """Capitalised content tokens that are likely name parts.

        Function words are never name parts ("The" opening a sentence), nor is a
        month or weekday name opening the segment.
        """
        return tuple(
            t
            for i, t in enumerate(self.tokens)
            if t.is_capitalized
            and not t.is_stop
            and not (i == 0 and t.norm.isalpha() and t.is_date)
        )


def _check_format(_instance: Document, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in _FORMATS:
        msg = f"'{attribute.name}' must be one of {sorted(_FORMATS)}, got {value!r}"
        raise ValueError(msg)


@attrs.frozen
class Document:
    """An article: its original text, its furniture, and its structure as spans.

    Build one with :meth:`from_text` or :meth:`from_path`; never by hand. The text is
    kept exactly as given, and every offset anywhere in the model points into it:
    ``doc.text[seg.start:seg.end] == seg.text`` for every segment, token, paragraph
    and piece of furniture.

    Attributes:
        text: The original text, unchanged.
        doc_id: An identifier for reports (the file name for files), or ``None``.
        source: Where the text came from (a path), or ``None``.
        format: ``"text"``, ``"markdown"`` or ``"html"`` (the text is then the
            article extracted from the page).
        furniture: Every piece of furniture, in text order.
        credits: Agencies credited in the furniture, in text order.
        dateline: The dateline, if the body opens with one.
        byline: The byline, if any.
        published: Publication date from a source or date line, if any.
        paragraphs: Headline, headings, body paragraphs and list items, in order.
        segments: Headline, headings and sentences, in order.

    .. versionadded:: 0.1
    """

    text: str = attrs.field(repr=False)
    doc_id: str | None
    source: str | None
    format: str = attrs.field(validator=_check_format)
    furniture: tuple[Furniture, ...] = attrs.field(repr=False)
    credits: tuple[AgencyCredit, ...] = attrs.field(repr=False)
    dateline: Dateline | None = attrs.field(repr=False)
    byline: Byline | None = attrs.field(repr=False)
    published: dt.date | None
    paragraphs: tuple[Paragraph, ...] = attrs.field(repr=False)
    segments: tuple[Segment, ...] = attrs.field(repr=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        doc_id: str | None = None,
        source: str | None = None,
        format: str = "text",  # noqa: A002 - the natural name, as in Document.format
        segmenter: Segmenter | None = None,
        agencies: AgencyList | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> Document:
        """Parse *text* into a document.

        Args:
            text: The article as a string.
            doc_id: An identifier to show in reports and errors.
            source: Where the text came from, for reports.
            format: ``"text"`` or ``"markdown"`` (both are read the same way, and
                Markdown headings and list markers are understood in either), or
                ``"html"`` when the text was extracted from a page.
            segmenter: The sentence segmenter; :class:`RuleSegmenter` by default.
            agencies: The agencies recognised in credits; the bundled list by default.
            max_chars: Refuse texts longer than this.

        Raises:
            EmptyDocumentError: The text is empty, whitespace only, or has no body.
            DocumentTooLargeError: The text is longer than *max_chars*.
            InvalidOptionError: An option is out of range.
        """
        given: object = text
        if not isinstance(given, str):
            msg = f"text must be a str, got {type(given).__name__}"
            raise InvalidOptionError(msg, option="text")
        if format not in _FORMATS:
            msg = f"unknown format {format!r}; use 'text', 'markdown' or 'html'"
            raise UnsupportedFormatError(msg, path=source, doc_id=doc_id)
        if max_chars < 1:
            msg = f"max_chars must be positive, got {max_chars}"
            raise InvalidOptionError(msg, option="max_chars")
        name = f"{doc_id!r}" if doc_id else "the text"
        if len(text) > max_chars:
            msg = (
                f"{name} has {len(text):,} characters, over the limit of {max_chars:,}; "
                "pass a larger max_chars to read it"
            )
            raise DocumentTooLargeError(
                msg, size=len(text), limit=max_chars, doc_id=doc_id, path=source
            )
        if not text.strip():
            msg = f"{name} is empty or holds only white space"
            raise EmptyDocumentError(msg, doc_id=doc_id, path=source)
        parser = _Parser(text, segmenter or _DEFAULT_SEGMENTER, agencies or AgencyList.default())
        with _collection_paused(len(text) >= _GC_PAUSE_CHARS):
            parser.parse()
        if not parser.segments:
            msg = f"{name} holds only furniture (credits, bylines, navigation) and no story"
            raise EmptyDocumentError(msg, doc_id=doc_id, path=source)
        return cls(
            text=text,
            doc_id=doc_id,
            source=source,
            format=format,
            furniture=tuple(sorted(parser.furniture, key=lambda f: (f.start, f.end))),
            credits=tuple(sorted(parser.credits, key=lambda c: (c.start, c.end))),
            dateline=parser.dateline,
            byline=parser.byline,
            published=parser.published,
            paragraphs=tuple(parser.paragraphs),
            segments=tuple(parser.segments),
        )

    @classmethod
    def from_path(
        cls,
        path: str | Path,
        *,
        encoding: str | None = None,
        format: str | None = None,  # noqa: A002
        doc_id: str | None = None,
        segmenter: Segmenter | None = None,
        agencies: AgencyList | None = None,
        max_bytes: int | None = None,
    ) -> Document:
        """Read and parse an article from a file.

        Plain text (``.txt`` and anything else) and Markdown (``.md``) are read
        directly; HTML (``.html``, ``.htm``) is reduced to its article text with
        trafilatura, which needs the ``html`` extra
        (``pip install "sourcecompare[html]"``).

        Args:
            path: The file to read.
            encoding: The text encoding; detected when not given (see
                :func:`sourcecompare.decode_bytes`).
            format: ``"text"``, ``"markdown"`` or ``"html"``; from the suffix if not given.
            doc_id: Identifier for reports; the file name by default.
            segmenter: The sentence segmenter; :class:`RuleSegmenter` by default.
            agencies: The agencies recognised in credits; the bundled list by default.
            max_bytes: Refuse files larger than this (default
                :data:`sourcecompare.DEFAULT_MAX_BYTES`).

        Raises:
            InputNotFoundError: The path does not exist or is not a file.
            BinaryInputError: The file is not text.
            DecodingError: The file is not valid in the encoding given or detected.
            DocumentTooLargeError: The file is over *max_bytes*.
            EmptyDocumentError: The file holds no story.
            MissingDependencyError: An HTML file and the ``html`` extra is missing.
        """
        from sourcecompare import _io  # noqa: PLC0415 - keeps file handling out of the model

        return _io.document_from_path(
            cls,
            Path(path),
            encoding=encoding,
            format=format,
            doc_id=doc_id,
            segmenter=segmenter,
            agencies=agencies,
            max_bytes=max_bytes,
        )

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        *,
        format: str = "text",  # noqa: A002
        encoding: str | None = None,
        doc_id: str | None = None,
        source: str | None = None,
        segmenter: Segmenter | None = None,
        agencies: AgencyList | None = None,
        max_bytes: int | None = None,
    ) -> Document:
        """Decode and parse an article given as bytes (standard input, a database field).

        Decoding, the size limit and HTML extraction work as in :meth:`from_path`;
        *format* is not guessed here, so say ``"html"`` for a page.

        Raises:
            BinaryInputError: The bytes are not text.
            DecodingError: The bytes are not valid in the encoding given or detected.
            DocumentTooLargeError: More than *max_bytes* bytes.
            EmptyDocumentError: No story.
            UnsupportedFormatError: An unknown *format*.
            MissingDependencyError: ``"html"`` and the ``html`` extra is missing.
        """
        from sourcecompare import _io  # noqa: PLC0415

        return _io.document_from_bytes(
            cls,
            data,
            format=format,
            encoding=encoding,
            doc_id=doc_id,
            source=source,
            segmenter=segmenter,
            agencies=agencies,
            max_bytes=max_bytes,
        )

    @property
    def headline(self) -> Segment | None:
        """The headline segment, if the document has one."""
        first = self.segments[0] if self.segments else None
        return first if first is not None and first.kind is SegmentKind.HEADLINE else None

    @property
    def headings(self) -> tuple[Segment, ...]:
        """The section headings of the body, in order."""
        return tuple(s for s in self.segments if s.kind is SegmentKind.HEADING)

    @property
    def sentences(self) -> tuple[Segment, ...]:
        """The sentences of the body, in order."""
        return tuple(s for s in self.segments if s.kind is SegmentKind.SENTENCE)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens of every segment, in order."""
        return tuple(t for s in self.segments for t in s.tokens)

    @property
    def agency(self) -> str | None:
        """Canonical name of the first agency credited, if any."""
        return self.credits[0].agency if self.credits else None

    def span_text(self, span: Span) -> str:
        """Return the text of *span*."""
        return self.text[span.start : span.end]

    def __rich__(self) -> RenderableType:
        from sourcecompare.render.console import document_view  # noqa: PLC0415 - lazy

        return document_view(self)


# --- parsing ----------------------------------------------------------------------------

_GC_PAUSE_CHARS: Final = 100_000


@contextlib.contextmanager
def _collection_paused(pause: bool) -> Iterator[None]:
    """Pause the cyclic garbage collector while a long text is parsed.

    Parsing allocates one small tuple per token and creates no reference cycles, yet
    every few hundred allocations the collector walks all live objects; on a 4 MB
    text that doubles the parse time (measured by ``bench/segmentation.py``). The
    caller's setting is restored afterwards, also on error.
    """
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# The characters that break a line ("\r\n" is one break): those str.splitlines() splits
# at, which _lines uses.
_LINE_BREAKS: Final = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_MD_HEADING_RE: Final = re.compile(r"#{1,6}[ \t]+(?P<title>.*?)[ \t]*#*[ \t]*$")
_EMPHASIS_RE: Final = re.compile(r"(?P<mark>\*\*|__)(?P<title>[^*_].*?)(?P=mark)$")
_LIST_RE: Final = re.compile(r"(?:[-*+•▪●–]|\d{1,3}[.)])[ \t]+(?=\S)")
_END_PUNCT: Final = ".,;:!?…"
_CLOSERS: Final = "\"'”’»)]*_"


def _lines(text: str) -> list[tuple[int, int]]:
    """Return the content span of every line, stripped of surrounding white space.

    A line ends at a break of :data:`_LINE_BREAKS` (a carriage return and line feed is
    one); a blank line's span is the empty one where its break is, and a text that ends
    with a break ends with a blank line. Split by ``str.splitlines``, which knows those
    breaks: cheaper than a pattern, which tests every character.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip()  # a line's break is white space too
        if content:
            spans.append((start + len(line) - len(line.lstrip()), start + len(content)))
        else:
            end = start + len(line.rstrip(_LINE_BREAKS))
            spans.append((end, end))
        start += len(line)
    if not text or text[-1] in _LINE_BREAKS:
        spans.append((start, start))
    return spans


def _heading_like(line: str, *, max_words: int = 15) -> bool:
    """A short line that opens like a title and has no sentence-final punctuation."""
    if not line or len(line) > 150:
        return False
    core = line.rstrip(_CLOSERS)
    if not core:
        return False
    first = line.lstrip("\"'“‘«(*_")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    words = line.split()
    if len(words) > max_words:
        return False
    last = core[-1]
    if last in {"?", "!"}:
        return len(words) <= 8
    return last not in _END_PUNCT


def _title_case(line: str) -> bool:
    words: list[str] = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 4]
    if len(words) < 2:
        return bool(words) and bool(words[0][0].isupper())
    return sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _ws_key(text: str) -> str:
    return " ".join(text.split()).strip("#*_ ").casefold()


class _Parser:
    """One parse of one text; collects furniture, paragraphs and segments."""

    def __init__(self, text: str, segmenter: Segmenter, agencies: AgencyList) -> None:
        self.text = text
        self.segmenter = segmenter
        self.agencies = agencies
        self.furniture: list[Furniture] = []
        self.credits: list[AgencyCredit] = []
        self.dateline: Dateline | None = None
        self.byline: Byline | None = None
        self.published: dt.date | None = None
        self.paragraphs: list[Paragraph] = []
        self.segments: list[Segment] = []

    # -- furniture --

    def _add_furniture(self, kind: FurnitureKind, start: int, end: int) -> None:
        line = self.text[start:end]
        self.furniture.append(Furniture(kind, start, end, line))
        if kind in {FurnitureKind.CRUMB, FurnitureKind.SEPARATOR, FurnitureKind.HEADLINE_REPEAT}:
            return
        if kind in {FurnitureKind.SOURCE_LINE, FurnitureKind.DATE_LINE}:
            name, date = source_line_fields(line)
            if date is not None and self.published is None:
                self.published = date
            if kind is FurnitureKind.DATE_LINE or self.agencies.lookup(name) is None:
                return
        if kind is FurnitureKind.BYLINE and self.byline is None:
            self.byline = Byline(start, end, line, byline_names(line, self.agencies))
        for credit in self.agencies.find(self.text, start, end):
            self.credits.append(attrs.evolve(credit, where=kind.value))

    # -- passes --

    def parse(self) -> None:
        lines = _lines(self.text)
        first, headline = self._header(lines)
        last = self._trailer(lines, first)
        if headline is not None:
            self._add_block_segment(ParagraphKind.HEADLINE, SegmentKind.HEADLINE, *headline)
        self._body(lines[first : last + 1])

    def _header(self, lines: list[tuple[int, int]]) -> tuple[int, tuple[int, int] | None]:
        """Consume header furniture and the headline; return the first body line."""
        text = self.text
        headline: tuple[int, int] | None = None
        headline_key = ""
        nonblank = [i for i, (s, e) in enumerate(lines) if s < e]
        for position, i in enumerate(nonblank):
            start, end = lines[i]
            line = text[start:end]
            kind = classify_header_line(line)
            if kind is not None:
                self._add_furniture(kind, start, end)
                continue
            if headline is not None and _ws_key(line) == headline_key:
                self._add_furniture(FurnitureKind.HEADLINE_REPEAT, start, end)
                continue
            has_more = position + 1 < len(nonblank)
            if headline is None and has_more and self._stands_alone(lines, i):
                title = self._title_span(start, end, max_words=30)
                if title is not None and match_dateline(text, start, end, self.agencies) is None:
                    headline = title
                    headline_key = _ws_key(text[title[0] : title[1]])
                    continue
            return i, headline
        return len(lines), headline

    def _stands_alone(self, lines: list[tuple[int, int]], i: int) -> bool:
        """Whether line *i* can be a headline: not the first line of a wrapped paragraph.

        It can when a blank line or furniture follows it, when it is a Markdown
        heading, or when it is in title case and the next line opens a new sentence.
        """
        text = self.text
        start, end = lines[i]
        if i + 1 >= len(lines):
            return True
        next_start, next_end = lines[i + 1]
        if next_start == next_end or _MD_HEADING_RE.match(text, start, end):
            return True
        following = text[next_start:next_end]
        if classify_header_line(following) is not None:
            return True
        return _title_case(text[start:end]) and following[:1].isupper()

    def _trailer(self, lines: list[tuple[int, int]], first: int) -> int:
        """Consume trailer furniture from the bottom; return the last body line."""
        last = len(lines) - 1
        found: list[tuple[FurnitureKind, int, int]] = []
        while last >= first:
            start, end = lines[last]
            if start < end:
                kind = classify_trailer_line(self.text[start:end], self.agencies)
                if kind is None:
                    break
                found.append((kind, start, end))
            last -= 1
        if last < first:  # nothing but trailers: keep them as body rather than lose the story
            return len(lines) - 1
        for kind, start, end in reversed(found):
            self._add_furniture(kind, start, end)
        return last

    def _title_span(self, start: int, end: int, *, max_words: int = 15) -> tuple[int, int] | None:
        """Return the span of the title inside a heading-like line, or ``None``."""
        line = self.text[start:end]
        md = _MD_HEADING_RE.match(line)
        if md is not None:
            if not md.group("title"):
                return None
            return start + md.start("title"), start + md.end("title")
        emphasis = _EMPHASIS_RE.match(line)
        if emphasis is not None and _heading_like(
            emphasis.group("title").strip(), max_words=max_words
        ):
            return start + emphasis.start("title"), start + emphasis.end("title")
        if _heading_like(line, max_words=max_words):
            return start, end
        return None

    def _body(self, lines: list[tuple[int, int]]) -> None:
        blocks: list[list[tuple[int, int]]] = [[]]
        for span in lines:
            if span[0] == span[1]:
                if blocks[-1]:
                    blocks.append([])
            else:
                blocks[-1].append(span)
        first_paragraph = True
        # A heading heads something: a body of one single line is a sentence, even
        # without end punctuation ("Ferry service resumes").
        alone = sum(1 for block in blocks if block) == 1 and len(blocks[0]) == 1
        for lines_of_block in blocks:
            block = lines_of_block
            if not block:
                continue
            first_line = self.text[block[0][0] : block[0][1]]
            if alone and not _MD_HEADING_RE.match(first_line):
                pass
            elif len(block) == 1 or _MD_HEADING_RE.match(first_line):
                title = self._title_span(*block[0])
                if title is not None:
                    self._add_block_segment(ParagraphKind.HEADING, SegmentKind.HEADING, *title)
                    block = block[1:]
            elif (
                _heading_like(first_line, max_words=10)
                and _title_case(first_line)
                and self.text[block[1][0]].isupper()
            ):
                self._add_block_segment(ParagraphKind.HEADING, SegmentKind.HEADING, *block[0])
                block = block[1:]
            if not block:
                continue
            for start, end, kind in self._list_items(block):
                body_start = start
                if first_paragraph and kind is ParagraphKind.BODY:
                    body_start = self._strip_dateline(start, end)
                first_paragraph = False
                if body_start < end:
                    self._add_paragraph(kind, body_start, end)

    def _list_items(self, block: list[tuple[int, int]]) -> list[tuple[int, int, ParagraphKind]]:
        """Split a block into list items (a marker opens each) or return it whole."""
        text = self.text
        markers = [_LIST_RE.match(text, s, e) for s, e in block]
        items: list[tuple[int, int, ParagraphKind]] = []
        for (start, end), marker in zip(block, markers, strict=True):
            if marker is not None:
                items.append((marker.end(), end, ParagraphKind.LIST_ITEM))
            elif items:  # a continuation line of the paragraph or item above
                items[-1] = (items[-1][0], end, items[-1][2])
            else:
                items.append((start, end, ParagraphKind.BODY))
        return items

    def _strip_dateline(self, start: int, end: int) -> int:
        dateline = match_dateline(self.text, start, end, self.agencies)
        if dateline is None:
            return start
        self.dateline = dateline
        self.furniture.append(
            Furniture(FurnitureKind.DATELINE, dateline.start, dateline.end, dateline.text)
        )
        found = False
        for credit in self.agencies.find(self.text, dateline.start, dateline.end):
            if credit.start > dateline.place_span.end:
                self.credits.append(attrs.evolve(credit, where=FurnitureKind.DATELINE.value))
                found = True
        if dateline.agency and not found:
            # An agency the list lacks, credited by the dateline's brackets as written.
            opening = self.text.find("(", dateline.place_span.end, dateline.end)
            closing = self.text.find(")", opening + 1, dateline.end)
            inside = self.text[opening + 1 : closing]
            at = opening + 1 + (len(inside) - len(inside.lstrip()))
            written = inside.strip()
            if opening >= 0 and closing > opening and written:
                self.credits.append(
                    AgencyCredit(
                        dateline.agency,
                        at,
                        at + len(written),
                        written,
                        FurnitureKind.DATELINE.value,
                    )
                )
        body = dateline.end
        while body < end and self.text[body].isspace():
            body += 1
        return body

    def _add_block_segment(
        self, pkind: ParagraphKind, skind: SegmentKind, start: int, end: int
    ) -> None:
        index = len(self.paragraphs)
        self.paragraphs.append(Paragraph(index, pkind, start, end, self.text[start:end]))
        self._add_segment(skind, start, end, index)

    def _add_paragraph(self, kind: ParagraphKind, start: int, end: int) -> None:
        index = len(self.paragraphs)
        self.paragraphs.append(Paragraph(index, kind, start, end, self.text[start:end]))
        previous = start
        for s, e in self.segmenter.split(self.text, start, end):
            if not (previous <= s < e <= end):
                msg = (
                    f"the segmenter {type(self.segmenter).__name__} returned the span "
                    f"({s}, {e}) for the paragraph ({start}, {end}); spans must be "
                    "non-empty, in order, not overlapping and inside the paragraph"
                )
                raise InvalidOptionError(msg, option="segmenter")
            previous = e
            self._add_segment(SegmentKind.SENTENCE, s, e, index)

    def _add_segment(self, kind: SegmentKind, start: int, end: int, paragraph: int) -> None:
        text = self.text[start:end]
        self.segments.append(
            Segment(
                index=len(self.segments),
                kind=kind,
                start=start,
                end=end,
                text=text,
                paragraph=paragraph,
                tokens=tokenize_segment(self.text, start, end, text),
            )
        )
