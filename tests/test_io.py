from __future__ import annotations

import codecs
import datetime as dt
import pickle
import sys

import pytest

import sourcecompare as sc
from sourcecompare import (
    BinaryInputError,
    DecodingError,
    Document,
    DocumentTooLargeError,
    EmptyDocumentError,
    InputError,
    InputNotFoundError,
    InvalidOptionError,
    MissingDependencyError,
    SourceCompareError,
    UnsupportedFormatError,
    decode_bytes,
)
from sourcecompare import exceptions as exc_module

STORY = "Lindby harbour board approves ferry link\n\nThe board met on Tuesday. It voted.\n"

HTML_PAGE = """\
<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Harbour board approves ferry route</title>
<meta property="article:published_time" content="2024-03-13T09:00:00Z"></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Harbour board approves ferry route</h1>
<p>The harbour board of the fictional town of Lindby approved a new ferry route on Tuesday, \
officials said, after months of debate among residents and council members.</p>
<p>The route will link the old harbour with the island of Skarv and is expected to carry \
about 900 passengers a day once it opens in the spring, the board’s chair said.</p>
</article>
<footer>Contact us | Privacy policy | Advertise with us</footer>
</body></html>
"""


class TestEmptyInput:
    """Texts and files with no story."""

    @pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u2028\u3000"])
    def test_empty_or_whitespace(self, text):
        """Empty and whitespace-only text raise EmptyDocumentError, also a ValueError."""
        with pytest.raises(EmptyDocumentError) as info:
            Document.from_text(text, doc_id="blank")

        assert isinstance(info.value, ValueError)
        assert info.value.doc_id == "blank"
        assert "'blank'" in str(info.value)

    def test_only_furniture(self):
        """A text of nothing but furniture raises EmptyDocumentError."""
        text = "News > World >\n\nSource: Xinhua | 2024-03-13\n\nBy Jane Doe\n"

        with pytest.raises(EmptyDocumentError, match="only furniture"):
            Document.from_text(text)

    def test_empty_file(self, tmp_path):
        """An empty file raises EmptyDocumentError with the file name as doc_id."""
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")

        with pytest.raises(EmptyDocumentError) as info:
            Document.from_path(path)
        assert info.value.doc_id == "empty.txt"

    def test_html_without_article(self, tmp_path):
        """An HTML page with no article text raises EmptyDocumentError naming the file."""
        path = tmp_path / "blank.html"
        path.write_text("<html><body></body></html>", encoding="utf-8")

        with pytest.raises(EmptyDocumentError, match=r"blank\.html"):
            Document.from_path(path)


class TestSizeLimits:
    """max_chars and max_bytes."""

    def test_text_over_max_chars(self):
        """A text over max_chars raises DocumentTooLargeError with its size and the limit."""
        with pytest.raises(DocumentTooLargeError) as info:
            Document.from_text("The board met on Tuesday.", max_chars=10, doc_id="big")

        error = info.value
        assert error.size == 25
        assert error.limit == 10
        assert error.doc_id == "big"
        assert isinstance(error, ValueError)
        assert "25" in str(error)
        assert "10" in str(error)

    def test_text_at_max_chars(self):
        """A text exactly at the limit is accepted."""
        text = "The board met."

        assert Document.from_text(text, max_chars=len(text)).text == text

    def test_file_over_max_bytes(self, tmp_path):
        """A file over max_bytes raises DocumentTooLargeError with size, limit and path."""
        path = tmp_path / "long.txt"
        path.write_bytes(b"The board met on Tuesday. " * 10)

        with pytest.raises(DocumentTooLargeError, match="max_bytes") as info:
            Document.from_path(path, max_bytes=100)
        assert info.value.size == 260
        assert info.value.limit == 100
        assert info.value.path == str(path)

    def test_file_limit_is_not_a_character_limit(self, tmp_path):
        """A file within max_bytes is read even when the default max_chars is smaller."""
        path = tmp_path / "story.txt"
        path.write_text(STORY, encoding="utf-8")

        assert Document.from_path(path, max_bytes=len(STORY) + 1).text == STORY

    @pytest.mark.parametrize("limit", [0, -1])
    def test_max_bytes_must_be_positive(self, tmp_path, limit):
        """A max_bytes below 1 raises InvalidOptionError."""
        path = tmp_path / "story.txt"
        path.write_text(STORY, encoding="utf-8")

        with pytest.raises(InvalidOptionError, match="max_bytes"):
            Document.from_path(path, max_bytes=limit)


class TestPaths:
    """Reading files by path."""

    def test_missing_path(self, tmp_path):
        """A missing path raises InputNotFoundError, also a FileNotFoundError."""
        path = tmp_path / "nowhere.txt"

        with pytest.raises(InputNotFoundError, match=r"nowhere\.txt") as info:
            Document.from_path(path)
        assert isinstance(info.value, FileNotFoundError)
        assert info.value.path == str(path)

    def test_directory(self, tmp_path):
        """A directory raises InputNotFoundError."""
        with pytest.raises(InputNotFoundError, match="not a regular file"):
            Document.from_path(tmp_path)

    def test_reads_text_file(self, tmp_path):
        """A UTF-8 text file is read with its name as doc_id and its path as source."""
        path = tmp_path / "story.txt"
        path.write_text(STORY, encoding="utf-8")
        doc = Document.from_path(str(path))

        assert doc.text == STORY
        assert doc.doc_id == "story.txt"
        assert doc.source == str(path)
        assert doc.format == "text"

    def test_markdown_suffix(self, tmp_path):
        """A .md file is read as Markdown."""
        path = tmp_path / "story.md"
        path.write_text("# Ferry Link Approved\n\nThe board met. It voted.\n", encoding="utf-8")

        assert Document.from_path(path).format == "markdown"

    def test_unsupported_format(self, tmp_path):
        """An unknown format name raises UnsupportedFormatError."""
        path = tmp_path / "story.txt"
        path.write_text(STORY, encoding="utf-8")

        with pytest.raises(UnsupportedFormatError, match="'pdf'"):
            Document.from_path(path, format="pdf")


class TestBinaryInput:
    """Bytes that are not text."""

    @pytest.mark.parametrize(
        ("data", "kind"),
        [
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
            (b"PK\x03\x04\x14\x00", "ZIP"),
            (b"\x1f\x8b\x08\x00", "gzip"),
        ],
    )
    def test_known_binary_formats(self, tmp_path, data, kind):
        """Files with a known binary header raise BinaryInputError naming the kind."""
        path = tmp_path / "story.txt"
        path.write_bytes(data)

        with pytest.raises(BinaryInputError, match=kind) as info:
            Document.from_path(path)
        assert info.value.offset == 0
        assert info.value.path == str(path)
        assert isinstance(info.value, ValueError)

    def test_file_with_nul_bytes(self, tmp_path):
        """A file with a NUL byte raises BinaryInputError at the NUL's offset."""
        path = tmp_path / "story.txt"
        path.write_bytes(b"The board\x00met on Tuesday, and again on Wednesday afternoon.")

        with pytest.raises(BinaryInputError, match="binary") as info:
            Document.from_path(path)
        assert info.value.offset == 9

    def test_nul_bytes(self):
        """A NUL byte in unmarked, non-UTF-16 data makes it binary, at the NUL's offset."""
        with pytest.raises(BinaryInputError, match="byte 11") as info:
            decode_bytes(b"The board m\x00et on Tuesday, and again on Wednesday.")
        assert info.value.offset == 11

    def test_many_control_bytes(self):
        """Data that is mostly control bytes is binary."""
        with pytest.raises(BinaryInputError):
            decode_bytes(b"\x01\x02\x03\x04 abc \x05\x06\x07\x08")

    def test_escape_and_form_feed_are_text(self):
        """ANSI escapes, tabs and form feeds do not make text binary."""
        text, _ = decode_bytes(b"\x1b[31mRed\x1b[0m\tand\x0cmore text here")

        assert text.startswith("\x1b[31m")


class TestDecoding:
    """Decoding errors and explicit encodings."""

    def test_invalid_utf8(self, tmp_path):
        """Invalid UTF-8 raises DecodingError naming the encoding and the byte offset."""
        path = tmp_path / "story.txt"
        path.write_bytes("The café".encode("latin-1") + b" board met.")

        with pytest.raises(DecodingError) as info:
            Document.from_path(path)
        error = info.value
        assert error.encoding == "utf-8"
        assert error.offset == 7
        assert "utf-8" in str(error)
        assert "offset 7" in str(error)
        assert "0xe9" in str(error)
        assert error.path == str(path)
        assert isinstance(error, ValueError)

    def test_invalid_byte_after_bom_offset(self):
        """The offset of an invalid byte counts the UTF-8 byte-order mark."""
        with pytest.raises(DecodingError, match="0xff at offset 5") as info:
            decode_bytes(codecs.BOM_UTF8 + b"ab\xffcd")
        assert info.value.offset == 5

    def test_explicit_cp1252(self, tmp_path):
        """A cp1252 file read with encoding='cp1252' gives the right characters."""
        path = tmp_path / "story.txt"
        path.write_bytes("The café board said “yes” to the link.".encode("cp1252"))
        doc = Document.from_path(path, encoding="cp1252")

        assert doc.text == "The café board said “yes” to the link."

    def test_explicit_latin1(self):
        """An explicit latin-1 encoding is used and reported by its canonical name."""
        text, used = decode_bytes("Smörgås at the pier.".encode("latin-1"), encoding="latin-1")

        assert text == "Smörgås at the pier."
        assert used == "iso8859-1"

    def test_explicit_encoding_skips_detection(self):
        """With an explicit encoding, invalid bytes raise DecodingError in that encoding."""
        with pytest.raises(DecodingError, match="ascii") as info:
            decode_bytes("café".encode(), encoding="ascii")
        assert info.value.encoding == "ascii"
        assert info.value.offset == 3

    def test_unknown_encoding(self, tmp_path):
        """An unknown encoding name raises InvalidOptionError naming the option."""
        path = tmp_path / "story.txt"
        path.write_text(STORY, encoding="utf-8")

        with pytest.raises(InvalidOptionError, match="no-such-codec") as info:
            Document.from_path(path, encoding="no-such-codec")
        assert info.value.option == "encoding"
        with pytest.raises(InvalidOptionError):
            decode_bytes(b"x", encoding="no-such-codec")


class TestEncodingDetection:
    """Byte-order marks, UTF-16 without a mark and HTML meta charsets."""

    def test_utf8_bom(self, tmp_path):
        """BOM-marked UTF-8 is detected and the mark is not part of the text."""
        path = tmp_path / "story.txt"
        path.write_bytes(codecs.BOM_UTF8 + STORY.encode())

        assert Document.from_path(path).text == STORY
        assert decode_bytes(codecs.BOM_UTF8 + b"abc") == ("abc", "utf-8-sig")

    @pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
    def test_utf16_and_utf32_with_bom(self, tmp_path, codec):
        """UTF-16 and UTF-32 with a byte-order mark are detected."""
        path = tmp_path / "story.txt"
        path.write_bytes(STORY.encode(codec))

        assert Document.from_path(path).text == STORY

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
    def test_utf16_without_bom(self, tmp_path, codec):
        """UTF-16 without a mark is detected from its zero bytes."""
        path = tmp_path / "story.txt"
        path.write_bytes(STORY.encode(codec))

        assert Document.from_path(path).text == STORY
        assert decode_bytes(STORY.encode(codec)) == (STORY, codec)

    def test_plain_utf8(self):
        """Unmarked text is read as UTF-8."""
        assert decode_bytes("Skarv – Lindby".encode()) == ("Skarv – Lindby", "utf-8")

    def test_html_meta_charset(self):
        """With html=True, a <meta charset> names the encoding."""
        page = HTML_PAGE.format(charset="windows-1252").encode("cp1252")
        text, used = decode_bytes(page, html=True)

        assert used == "cp1252"
        assert "board’s chair" in text

    def test_meta_charset_ignored_for_text(self):
        """Without html=True, a meta charset is not trusted."""
        page = HTML_PAGE.format(charset="windows-1252").encode("cp1252")

        with pytest.raises(DecodingError):
            decode_bytes(page)

    def test_unknown_meta_charset_falls_back_to_utf8(self):
        """An unknown meta charset falls back to UTF-8."""
        page = HTML_PAGE.format(charset="x-no-such").encode()

        assert decode_bytes(page, html=True)[1] == "utf-8"


class TestHtml:
    """HTML input through trafilatura and without it."""

    def test_html_file(self, tmp_path):
        """An HTML page is reduced to its article: headline, sentences and date."""
        path = tmp_path / "page.html"
        path.write_text(HTML_PAGE.format(charset="utf-8"), encoding="utf-8")
        doc = Document.from_path(path)

        assert doc.format == "html"
        assert doc.headline is not None
        assert doc.headline.text == "Harbour board approves ferry route"
        assert doc.sentences[0].text.startswith("The harbour board of the fictional town")
        assert len(doc.sentences) == 2
        assert all("Privacy" not in s.text and "<" not in s.text for s in doc.segments)
        assert doc.published == dt.date(2024, 3, 13)

    def test_html_by_format_option(self, tmp_path):
        """format='html' reads a page whatever its suffix."""
        path = tmp_path / "page.txt"
        path.write_text(HTML_PAGE.format(charset="utf-8"), encoding="utf-8")

        assert Document.from_path(path, format="html").format == "html"

    def test_html_without_trafilatura(self, tmp_path, monkeypatch):
        """Without trafilatura, reading HTML raises MissingDependencyError naming the extra."""
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        path = tmp_path / "page.html"
        path.write_text(HTML_PAGE.format(charset="utf-8"), encoding="utf-8")

        with pytest.raises(MissingDependencyError, match=r"sourcecompare\[html\]") as info:
            Document.from_path(path)
        assert info.value.extra == "html"
        assert isinstance(info.value, ImportError)

    def test_text_files_need_no_trafilatura(self, tmp_path, monkeypatch):
        """Plain text is read without trafilatura."""
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        path = tmp_path / "story.txt"
        path.write_text(STORY, encoding="utf-8")

        assert Document.from_path(path).text == STORY


class TestErrorHierarchy:
    """The exception hierarchy and pickling."""

    @pytest.mark.parametrize("name", exc_module.__all__)
    def test_every_error_is_a_sourcecompare_error(self, name):
        """Every exception class derives from SourceCompareError."""
        assert issubclass(getattr(exc_module, name), SourceCompareError)

    @pytest.mark.parametrize("name", exc_module.__all__)
    def test_every_error_is_exported(self, name):
        """Every exception class is also importable from the package itself."""
        assert name in sc.__all__
        assert getattr(sc, name) is getattr(exc_module, name)

    @pytest.mark.parametrize(
        ("cls", "builtin"),
        [
            (EmptyDocumentError, ValueError),
            (DocumentTooLargeError, ValueError),
            (BinaryInputError, ValueError),
            (DecodingError, ValueError),
            (InputNotFoundError, FileNotFoundError),
            (UnsupportedFormatError, ValueError),
            (InvalidOptionError, ValueError),
            (MissingDependencyError, ImportError),
        ],
    )
    def test_builtin_bases(self, cls, builtin):
        """Each error also derives from the built-in exception it refines."""
        assert issubclass(cls, builtin)

    def test_input_errors(self):
        """Errors about inputs share InputError."""
        for cls in (
            EmptyDocumentError,
            DocumentTooLargeError,
            BinaryInputError,
            DecodingError,
            InputNotFoundError,
            UnsupportedFormatError,
        ):
            assert issubclass(cls, InputError)
        assert not issubclass(InvalidOptionError, InputError)

    @pytest.mark.parametrize(
        ("error", "attributes"),
        [
            (EmptyDocumentError("empty", doc_id="d", path="p"), {"doc_id": "d", "path": "p"}),
            (
                DocumentTooLargeError("big", size=9, limit=3, doc_id="d"),
                {"size": 9, "limit": 3, "doc_id": "d", "path": None},
            ),
            (BinaryInputError("bin", offset=4, path="p"), {"offset": 4, "path": "p"}),
            (
                DecodingError("dec", encoding="utf-8", offset=7, path="p"),
                {"encoding": "utf-8", "offset": 7, "path": "p"},
            ),
            (InputNotFoundError("gone", path="p"), {"path": "p"}),
            (UnsupportedFormatError("fmt", path="p"), {"path": "p"}),
            (InvalidOptionError("opt", option="max_chars"), {"option": "max_chars"}),
            (MissingDependencyError("dep", extra="html"), {"extra": "html"}),
        ],
        ids=lambda v: type(v).__name__ if isinstance(v, Exception) else "",
    )
    def test_pickle_round_trip(self, error, attributes):
        """Errors pickle and unpickle with their message and attributes."""
        restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object

        assert type(restored) is type(error)
        assert str(restored) == str(error)
        for name, value in attributes.items():
            assert getattr(restored, name) == value


class TestHostileText:
    """Control characters, surrogates, escapes and very long texts."""

    def test_control_characters(self):
        """Control characters parse without error and keep offsets exact."""
        text = (
            "The board\x00 met\x07 on\x08 Tuesday.\x0b It voted\x1f again.\x7f\n\nCosts fell.\x1c"
        )
        doc = Document.from_text(text)

        assert doc.sentences
        for segment in doc.segments:
            assert text[segment.start : segment.end] == segment.text

    def test_lone_surrogates(self):
        """Lone surrogates parse without error."""
        doc = Document.from_text("The board \ud800 met. It \udfff voted.\n\n\ud800")

        assert [s.text for s in doc.sentences][:2] == ["The board \ud800 met.", "It \udfff voted."]

    def test_ansi_escapes(self):
        """ANSI escape sequences parse without error."""
        doc = Document.from_text(
            "\x1b[1mFerry Link\x1b[0m\n\nThe \x1b[31mboard\x1b[0m met. It voted."
        )

        assert any("board" in s.text for s in doc.sentences)

    def test_one_megabyte_single_line(self):
        """A 1 MB line without punctuation parses into one sentence."""
        text = "harbour " * 125_000
        doc = Document.from_text(text)

        assert len(doc.sentences) == 1
        assert len(doc.tokens) == 125_000

    def test_one_megabyte_of_abbreviations(self):
        """A 1 MB text full of 'Dr.' parses, never splitting after the title."""
        text = "Dr. Berg met Dr. Lind. " * 43_500
        doc = Document.from_text(text)

        assert len(doc.sentences) == 43_500
        assert doc.sentences[0].text == "Dr. Berg met Dr. Lind."
