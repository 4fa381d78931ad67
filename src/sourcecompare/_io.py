"""Reading articles from files: size limits, binary detection, decoding, HTML extraction.

This is the only module of the library (besides the CLI) that touches the file system.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sourcecompare.exceptions import (
    BinaryInputError,
    DecodingError,
    DocumentTooLargeError,
    EmptyDocumentError,
    InputError,
    InputNotFoundError,
    InvalidOptionError,
    MissingDependencyError,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    from sourcecompare._documents import Document
    from sourcecompare._furniture import AgencyList
    from sourcecompare.typing import Segmenter

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "document_from_bytes", "document_from_path"]

DEFAULT_MAX_BYTES: Final = 5_000_000
"""Files larger than this many bytes are refused unless a larger limit is given."""

_SUFFIX_FORMATS: Final = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: Final = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
)
_META_CHARSET_RE: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_CONTROL_BYTES: Final = frozenset(range(0x20)) - frozenset(b"\t\n\r\f\v\x1b")
_CONTROLS: Final = bytes(sorted(_CONTROL_BYTES))


def _describe(path: str | None) -> str:
    return repr(path) if path else "the input"


def _utf16_without_bom(sample: bytes) -> str | None:
    """Guess UTF-16 from the pattern of zero bytes in mostly-ASCII text."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= 0.4 * half and even.count(0) <= 0.05 * half:
        return "utf-16-le"
    if even.count(0) >= 0.4 * half and odd.count(0) <= 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(
    data: bytes, *, encoding: str | None = None, path: str | None = None, html: bool = False
) -> tuple[str, str]:
    """Decode *data* to text and return ``(text, encoding used)``.

    With an *encoding*, only that encoding is tried. Without one, the encoding is
    detected: a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-16 without a mark (from
    its zero bytes), an HTML ``<meta charset>`` when *html* is true, and otherwise
    UTF-8. Legacy 8-bit encodings are never guessed: a file in one fails with a
    :class:`DecodingError` that says where, and can be read by naming its encoding.

    Raises:
        BinaryInputError: The bytes are a known binary format or contain zero bytes.
        DecodingError: The bytes are not valid in the encoding tried.
        InvalidOptionError: *encoding* is not an encoding Python knows.

    .. versionadded:: 0.1
    """
    where = _describe(path)
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            msg = f"unknown encoding {encoding!r}"
            raise InvalidOptionError(msg, option="encoding") from None
    else:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                msg = f"{where} is {kind}, not text"
                raise BinaryInputError(msg, offset=0, path=path)
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
        if encoding is None:
            sample = data[:8192]
            encoding = _utf16_without_bom(sample)
            if encoding is None:
                zero = sample.find(b"\x00")
                # Counted by deleting them (a loop over every byte in C, not in Python).
                controls = len(sample) - len(sample.translate(None, _CONTROLS))
                if zero >= 0 or (sample and controls > 0.1 * len(sample)):
                    offset = zero
                    if zero < 0:
                        offset = next(i for i, b in enumerate(sample) if b in _CONTROL_BYTES)
                    msg = (
                        f"{where} looks binary (a zero or control byte at byte {offset}), not text"
                    )
                    raise BinaryInputError(msg, offset=offset, path=path)
                meta = _META_CHARSET_RE.search(data[:4096]) if html else None
                encoding = "utf-8"
                if meta is not None:
                    try:
                        encoding = codecs.lookup(meta.group(1).decode("ascii")).name
                    except (LookupError, UnicodeDecodeError):
                        encoding = "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        offset = exc.start
        if encoding == "utf-8-sig" and data.startswith(codecs.BOM_UTF8):
            offset += len(codecs.BOM_UTF8)  # the codec counts from after the mark it strips
        bad = data[offset : offset + 1].hex()
        msg = (
            f"{where} is not valid {encoding}: byte 0x{bad} at offset {offset} "
            f"cannot be decoded; if the file uses another encoding, name it "
            f"(encoding=..., or --encoding on the command line)"
        )
        raise DecodingError(msg, encoding=encoding, offset=offset, path=path) from None


def _extract_html(html: str, path: str | None) -> tuple[str, str | None]:
    """Return the article text (headline first) and the publication date of a page."""
    try:
        import trafilatura  # noqa: PLC0415 - optional extra, imported only when needed
    except ImportError:
        msg = (
            f"reading HTML ({_describe(path)}) needs the 'html' extra: "
            'pip install "sourcecompare[html]"'
        )
        raise MissingDependencyError(msg, extra="html") from None
    body = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False
    )
    metadata: object = trafilatura.extract_metadata(html)
    title = getattr(metadata, "title", None)
    date = getattr(metadata, "date", None)
    if not body:
        return "", None
    # trafilatura puts one paragraph (or heading) on each line; blank lines between
    # them let the parser see paragraphs rather than one hard-wrapped block.
    body = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    if title and not body.startswith(title.strip()):
        body = f"{title.strip()}\n\n{body}"
    return body, date


def document_from_bytes(
    cls: type[Document],
    data: bytes,
    *,
    format: str,  # noqa: A002
    encoding: str | None,
    doc_id: str | None,
    source: str | None,
    segmenter: Segmenter | None,
    agencies: AgencyList | None,
    max_bytes: int | None,
) -> Document:
    """Implement :meth:`Document.from_bytes` (and the second half of ``from_path``)."""
    import attrs  # noqa: PLC0415

    from sourcecompare._furniture import parse_date  # noqa: PLC0415

    limit = _limit(max_bytes)
    _check_format(format, source, doc_id)
    if len(data) > limit:
        msg = (
            f"{_describe(source or doc_id)} is {len(data):,} bytes, over the limit of "
            f"{limit:,}; raise the limit (max_bytes=..., or --max-bytes) to read it"
        )
        raise DocumentTooLargeError(msg, size=len(data), limit=limit, path=source, doc_id=doc_id)
    try:
        text, _used = decode_bytes(data, encoding=encoding, path=source, html=format == "html")
    except InputError as exc:
        exc.doc_id = doc_id
        raise
    published = None
    if format == "html":
        text, date = _extract_html(text, source or doc_id)
        published = parse_date(date) if date else None
        if not text.strip():
            msg = f"no article text could be extracted from {_describe(source or doc_id)}"
            raise EmptyDocumentError(msg, path=source, doc_id=doc_id)
    doc = cls.from_text(
        text,
        doc_id=doc_id,
        source=source,
        format=format,
        segmenter=segmenter,
        agencies=agencies,
        max_chars=max(limit, len(text)),
    )
    if published is not None and doc.published is None:
        doc = attrs.evolve(doc, published=published)
    return doc


def _limit(max_bytes: int | None) -> int:
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if limit < 1:
        msg = f"max_bytes must be positive, got {limit}"
        raise InvalidOptionError(msg, option="max_bytes")
    return limit


def _check_format(fmt: str, source: str | None, doc_id: str | None) -> None:
    if fmt not in {"text", "markdown", "html"}:
        msg = f"unknown format {fmt!r}; use 'text', 'markdown' or 'html'"
        raise UnsupportedFormatError(msg, path=source, doc_id=doc_id)


def document_from_path(
    cls: type[Document],
    path: Path,
    *,
    encoding: str | None,
    format: str | None,  # noqa: A002
    doc_id: str | None,
    segmenter: Segmenter | None,
    agencies: AgencyList | None,
    max_bytes: int | None,
) -> Document:
    """Implement :meth:`Document.from_path`."""
    name = str(path)
    identifier = doc_id or path.name
    limit = _limit(max_bytes)
    fmt = format or _SUFFIX_FORMATS.get(path.suffix.casefold(), "text")
    _check_format(fmt, name, identifier)
    try:
        if not path.exists():
            msg = f"no such file: {name!r}"
            raise InputNotFoundError(msg, path=name, doc_id=identifier)
        if not path.is_file():
            msg = f"not a regular file: {name!r}"
            raise InputNotFoundError(msg, path=name, doc_id=identifier)
        size = path.stat().st_size
        if size > limit:
            msg = (
                f"{name!r} is {size:,} bytes, over the limit of {limit:,}; "
                "raise the limit (max_bytes=..., or --max-bytes) to read it"
            )
            raise DocumentTooLargeError(msg, size=size, limit=limit, path=name, doc_id=identifier)
        data = path.read_bytes()
    except OSError as exc:
        if isinstance(exc, InputError):
            raise
        msg = f"cannot read {name!r}: {exc.strerror or exc}"
        raise InputError(msg, path=name, doc_id=identifier) from None
    return document_from_bytes(
        cls,
        data,
        format=fmt,
        encoding=encoding,
        doc_id=identifier,
        source=name,
        segmenter=segmenter,
        agencies=agencies,
        max_bytes=limit,
    )
