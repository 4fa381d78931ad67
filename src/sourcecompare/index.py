"""Source tracing: which wire stories an article draws on, from a corpus on disk.

A :class:`WireIndex` is a wire corpus in one SQLite file with an FTS5 full-text index:
no server, nothing to install beyond Python's own ``sqlite3``. Fill it from texts,
files, folders or JSON Lines, and add to it whenever new stories come in; then
:func:`trace` finds the stories an article was written from and compares it with
them::

    with WireIndex.open("wires.db", create=True) as index:
        index.add_paths(["wires/"])
        result = trace(article_text, index)
    result.sources          # the stories it draws on, best first, with their shares
    result.comparison       # compare(those stories, the article)

How tracing works
    1. **Query terms.** For every sentence of the article, its rarest words in the
       corpus (names, places, figures: up to :data:`TERMS_PER_SENTENCE` of them)
       join the query, up to :data:`MAX_TERMS` in all, every sentence's rarest word
       first. Each sentence speaks for itself, so a roundup built from two stories
       asks for both. Words found in more than 2 % of the stories are taken only
       for sentences short of rarer ones, and words in more than 10 % never. Words
       are taken while the stories they are found in add up to at most 12,000
       (though always at least three words), which keeps a search at 100,000
       stories under about 10 ms.
    2. **Retrieval.** Every story containing a query term scores the term's inverse
       document frequency (BM25's, with each term counted once per story); the
       best-scoring stories are the candidates. The score is summed in SQL from one
       posting list per term: FTS5's own ``bm25()`` ranks such wide ``OR`` queries
       thirty times slower.
    3. **Re-ranking by support.** The article is aligned (:func:`~sourcecompare.align`)
       with all the candidates at once, so each sentence is credited to the story it
       is best supported by. A candidate's *share* is the part of the article's
       sentences (by tokens, as :attr:`Summary.derivative_supported
       <sourcecompare.Summary.derivative_supported>`) it supports; a sentence with
       sources in several stories is shared by what each contributes, and one that
       several candidates hold word for word goes to the one supporting most of the
       rest. Candidates are ranked by share, then retrieval score, then id.
    4. **Comparison.** The candidates with a share of at least *min_share* (at most
       *max_sources* of them) are the article's sources; :func:`trace` compares the
       article with them (:func:`~sourcecompare.compare` with several wires).

The file
    One SQLite database (schema version :data:`SCHEMA_VERSION`, kept in its ``meta``
    table): a ``stories`` table holding every story's id, original text (so offsets
    into it are exact), date, agency and source, and an external-content FTS5 index
    over the text (``unicode61`` tokens, diacritics folded, no positions), kept in
    step by triggers. It runs in WAL mode: tracing goes on while another process
    adds stories, and a writer never waits for readers. While it is open, SQLite
    keeps ``-wal`` and ``-shm`` files next to it; copy the index only when nothing
    has it open (or copy all three).

Adding is incremental and safe to interrupt
    A story whose id is already in the index is updated when its text or details
    differ and left alone when they do not (``update=False`` leaves every existing
    story alone). Stories are committed in batches; a batch is all in or not in, so
    an interrupted run (an exception, Ctrl-C, a killed process, a power cut) leaves
    every story that is in the index complete and searchable. Run it again to
    finish: what is already in is counted as unchanged.

Errors
    A file that is not an index, or a damaged one, raises :class:`CorruptIndexError`;
    one another process keeps locked for longer than *timeout* raises
    :class:`IndexLockedError`; both name the file. A record that cannot be indexed
    (malformed JSON, no id, empty text) is a :class:`RecordError` naming the file
    and line; ``on_error="skip"`` reports it in :attr:`AddReport.errors` and goes on.

.. versionadded:: 0.1
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import math
import os
import re
import sqlite3
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from sourcecompare._align import align
from sourcecompare._comparison import CompareOptions, Comparison, compare
from sourcecompare._documents import DEFAULT_MAX_CHARS, Document, SegmentKind
from sourcecompare._furniture import AgencyList
from sourcecompare._lexicon import load_word_list
from sourcecompare.exceptions import (
    CorruptIndexError,
    IndexFileError,
    IndexLockedError,
    InputError,
    InputNotFoundError,
    InvalidOptionError,
    MissingDependencyError,
    RecordError,
    SourceCompareError,
)

if TYPE_CHECKING:
    from types import TracebackType

    from rich.console import RenderableType

    from sourcecompare.typing import TextOrDocument

__all__ = [
    "MAX_TERMS",
    "SCHEMA_VERSION",
    "TERMS_PER_SENTENCE",
    "AddReport",
    "Candidate",
    "CorruptIndexError",
    "IndexFileError",
    "IndexLockedError",
    "IndexStats",
    "RecordError",
    "SearchHit",
    "Trace",
    "WireIndex",
    "WireStory",
    "trace",
]

SCHEMA_VERSION: Final = 1
"""Version of the index file's layout; an index of a newer version is refused."""

TERMS_PER_SENTENCE: Final = 3
"""How many of each sentence's rarest words join the query."""

MAX_TERMS: Final = 48
"""Most words in one query (each sentence's rarest first, then the next rarest ...)."""

# Query words are "rare" in at most this share of the stories (or _RARE_FLOOR of
# them); words in up to _COMMON_SHARE are taken too, for segments short of rare
# words. Words are taken while their posting lists stay within _POSTINGS_BUDGET rows
# in all: the search costs about 0.6 ms per thousand rows.
_RARE_SHARE: Final = 0.02
_COMMON_SHARE: Final = 0.1
_RARE_FLOOR: Final = 100
_POSTINGS_BUDGET: Final = 12_000
_ALWAYS_TAKEN: Final = 3  # words taken whatever the budget, so that a huge index finds something
_APPLICATION_ID: Final = 0x53435749  # "SCWI" at offset 68 of the file: a sourcecompare index
_SUFFIXES: Final = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl"})
_ON_ERROR: Final = ("raise", "skip")
_DOCUMENT_CACHE: Final = 256
_TERM_CACHE: Final = 200_000
_WORD_RE: Final = re.compile(r"[^\W_]+")

_SCHEMA: Final = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE stories (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        published TEXT,
        agency TEXT,
        source TEXT
    )""",
    "CREATE INDEX stories_published ON stories (published)",
    "CREATE INDEX stories_agency ON stories (agency)",
    """CREATE VIRTUAL TABLE stories_fts USING fts5 (
        text, content = 'stories', content_rowid = 'pk',
        tokenize = 'unicode61 remove_diacritics 2', detail = none
    )""",
    "CREATE VIRTUAL TABLE stories_terms USING fts5vocab (stories_fts, 'row')",
    """CREATE TRIGGER stories_inserted AFTER INSERT ON stories BEGIN
        INSERT INTO stories_fts (rowid, text) VALUES (new.pk, new.text);
    END""",
    """CREATE TRIGGER stories_deleted AFTER DELETE ON stories BEGIN
        INSERT INTO stories_fts (stories_fts, rowid, text) VALUES ('delete', old.pk, old.text);
    END""",
    """CREATE TRIGGER stories_updated AFTER UPDATE OF text ON stories BEGIN
        INSERT INTO stories_fts (stories_fts, rowid, text) VALUES ('delete', old.pk, old.text);
        INSERT INTO stories_fts (rowid, text) VALUES (new.pk, new.text);
    END""",
)


@functools.cache
def _fts5_problem() -> str | None:
    """Why this Python's SQLite cannot hold an index, or ``None`` when it can."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute(
            "CREATE VIRTUAL TABLE probe USING fts5 "
            "(text, tokenize = 'unicode61 remove_diacritics 2', detail = none)"
        )
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        probe.close()
    return None


def _require_fts5() -> None:
    problem = _fts5_problem()
    if problem is not None:
        msg = (
            f"the SQLite library of this Python ({sqlite3.sqlite_version}) has no usable "
            f"FTS5 full-text search ({problem}); wire indexes need SQLite 3.27 or later "
            "built with FTS5, as in the python.org and most Linux distribution builds"
        )
        raise MissingDependencyError(msg)


def _error_name(exc: sqlite3.Error) -> str:
    return str(getattr(exc, "sqlite_errorname", ""))


def _translate(exc: sqlite3.Error, path: str, timeout: float) -> IndexFileError:
    """The sourcecompare error for a SQLite error on the index at *path*."""
    text = str(exc)
    name = _error_name(exc)
    lowered = text.lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in lowered:
        msg = (
            f"the index {path!r} is locked by another process (waited {timeout:g} s); "
            "try again when it has finished"
        )
        return IndexLockedError(msg, path=path)
    if (
        name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT"))
        or "not a database" in lowered
        or "malformed" in lowered
        or "corrupt" in lowered
    ):
        msg = f"the index {path!r} is damaged or not a SQLite database ({text})"
        return CorruptIndexError(msg, path=path)
    msg = f"cannot use the index {path!r}: {text}"
    return IndexFileError(msg, path=path)


# --- data --------------------------------------------------------------------------------


def _optional_str(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        msg = f"'{attribute.name}' must be a str or None, got {type(value).__name__}"
        raise InvalidOptionError(msg, option=attribute.name)


def _story_id(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"'{attribute.name}' must be a non-empty str, got {value!r}"
        raise InvalidOptionError(msg, option=attribute.name)


def _str(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        msg = f"'{attribute.name}' must be a str, got {type(value).__name__}"
        raise InvalidOptionError(msg, option=attribute.name)


def _date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, dt.date):
        msg = f"'{attribute.name}' must be a datetime.date or None, got {value!r}"
        raise InvalidOptionError(msg, option=attribute.name)


def _unit(_instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        msg = f"'{attribute.name}' must be a number between 0 and 1, got {value!r}"
        raise InvalidOptionError(msg, option=attribute.name)


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


def _errors(values: Iterable[SourceCompareError]) -> tuple[SourceCompareError, ...]:
    return tuple(values)


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _counts(values: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple((str(k), int(v)) for k, v in values)


@attrs.frozen
class WireStory:
    """One wire story as the index stores it.

    Attributes:
        id: Its identifier, unique in the index.
        text: The original text, unchanged.
        published: Its date, when known.
        agency: The agency that sent it, when known.
        source: Where it came from (a file, ``file.jsonl:12``), when known.

    .. versionadded:: 0.1
    """

    id: str = attrs.field(validator=_story_id)
    text: str = attrs.field(validator=_str, repr=False)
    published: dt.date | None = attrs.field(default=None, validator=_date)
    agency: str | None = attrs.field(default=None, validator=_optional_str)
    source: str | None = attrs.field(default=None, validator=_optional_str)


@attrs.frozen
class AddReport:
    """What one call that adds stories did.

    Attributes:
        added: Stories new to the index.
        updated: Stories already there, whose text or details changed.
        unchanged: Stories already there as given (or left alone with ``update=False``).
        errors: Records that could not be indexed (with ``on_error="skip"``), in order.
        ignored: Files inside the folders given that were passed over for their
            suffix (only ``.txt``, ``.text``, ``.md``, ``.markdown``, ``.html``,
            ``.htm`` and ``.jsonl`` files are read from folders).

    .. versionadded:: 0.1
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: tuple[SourceCompareError, ...] = attrs.field(default=(), converter=_errors)
    ignored: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    @property
    def stories(self) -> int:
        """Stories read without error (added, updated and unchanged)."""
        return self.added + self.updated + self.unchanged


@attrs.frozen
class IndexStats:
    """The figures of an index.

    Attributes:
        path: The index file.
        stories: How many stories it holds.
        agencies: Stories per agency, most first (``""`` for stories without one).
        first_published: The earliest date of a story, if any has one.
        last_published: The latest date of a story, if any has one.
        size: Size of the file in bytes (with its write-ahead log, while open).
        schema_version: The file's :data:`SCHEMA_VERSION`.

    .. versionadded:: 0.1
    """

    path: str
    stories: int
    agencies: tuple[tuple[str, int], ...] = attrs.field(converter=_counts)
    first_published: dt.date | None
    last_published: dt.date | None
    size: int
    schema_version: int

    def to_dict(self) -> dict[str, Any]:
        """The figures as JSON-ready data."""
        return {
            "path": self.path,
            "stories": self.stories,
            "agencies": dict(self.agencies),
            "first_published": _iso(self.first_published),
            "last_published": _iso(self.last_published),
            "size": self.size,
            "schema_version": self.schema_version,
        }


@attrs.frozen
class SearchHit:
    """A story the full-text search found for an article.

    Attributes:
        id: The story's id.
        score: Sum of the inverse document frequencies of the query terms it
            contains (higher is better; comparable only within one search).
        matched: How many of the query terms it contains.

    .. versionadded:: 0.1
    """

    id: str
    score: float
    matched: int


@attrs.frozen
class Candidate:
    """A wire story and how much of the article it supports.

    Attributes:
        id: The story's id.
        share: Share of the article's sentences (by tokens) this story supports, in
            [0, 1], when the article is aligned with all the candidates together: a
            sentence drawing on several stories is shared among them in proportion
            to what each contributes to its support.
        segments: The article's sentences (segment indices) whose main source
            (strongest supporting wire sentence) is in this story.
        score: Its retrieval score (:attr:`SearchHit.score`).
        matched: Query terms it contains.
        published: Its date, when known.
        agency: Its agency, when known.
        source: Where it came from, when known.

    .. versionadded:: 0.1
    """

    id: str
    share: float = attrs.field(validator=_unit)
    segments: tuple[int, ...] = attrs.field(converter=_ints)
    score: float
    matched: int
    published: dt.date | None = None
    agency: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The candidate as JSON-ready data."""
        return {
            "id": self.id,
            "share": round(self.share, 6),
            "segments": list(self.segments),
            "score": round(self.score, 6),
            "matched": self.matched,
            "published": _iso(self.published),
            "agency": self.agency,
            "source": self.source,
        }


def _candidates(values: Iterable[Candidate]) -> tuple[Candidate, ...]:
    return tuple(values)


@attrs.frozen
class Trace:
    """Where an article comes from: the wire stories it draws on, and the comparison.

    Attributes:
        derivative: The article.
        terms: The words the index was searched for.
        candidates: The stories considered, best first (by share, retrieval score, id).
        sources: The candidates the article draws on (share at or above *min_share*),
            best first; empty when it draws on none of the stories in the index.
        comparison: The article compared with its sources, or ``None`` when it has
            none or the comparison was not asked for.
        min_share: The share from which a candidate is a source.

    ``rich.print(trace)`` shows the candidates and then the comparison.

    .. versionadded:: 0.1
    """

    derivative: Document = attrs.field(repr=False)
    terms: tuple[str, ...] = attrs.field(converter=_strs, repr=False)
    candidates: tuple[Candidate, ...] = attrs.field(converter=_candidates)
    sources: tuple[Candidate, ...] = attrs.field(converter=_candidates)
    comparison: Comparison | None = attrs.field(repr=False)
    min_share: float = attrs.field(validator=_unit)

    def to_dict(self) -> dict[str, Any]:
        """The trace as JSON-ready data; the comparison as :meth:`Comparison.to_dict`."""
        return {
            "schema_version": SCHEMA_VERSION,
            "derivative": {"doc_id": self.derivative.doc_id, "source": self.derivative.source},
            "terms": list(self.terms),
            "min_share": self.min_share,
            "candidates": [c.to_dict() for c in self.candidates],
            "sources": [c.id for c in self.sources],
            "comparison": self.comparison.to_dict() if self.comparison is not None else None,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The trace as JSON (ASCII; one line with ``indent=None``)."""
        from sourcecompare.render.json import dumps  # noqa: PLC0415 - lazy

        return dumps(self.to_dict(), indent=indent)

    def __rich__(self) -> RenderableType:
        return _trace_view(self)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# --- reading stories ---------------------------------------------------------------------


def _published(value: object, where: str, line: int | None, path: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value[:10])
    msg = f"{where}: 'published' must be an ISO date (2025-06-17), got {value!r}"
    raise RecordError(msg, line=line, path=path)


def _from_record(
    data: object,
    where: str,
    *,
    line: int | None = None,
    path: str = "",
    agencies: AgencyList | None = None,
) -> WireStory:
    """Check one JSON record and make the story.

    Raises:
        RecordError: It is not an object, or its id, text, date or agency is wrong.
    """
    if not isinstance(data, dict):
        msg = f"{where}: expected a JSON object, found {type(data).__name__}"
        raise RecordError(msg, line=line, path=path)
    story_id = data.get("id")
    if isinstance(story_id, int) and not isinstance(story_id, bool):
        story_id = str(story_id)
    if not isinstance(story_id, str) or not story_id.strip():
        msg = f"{where}: 'id' must be a non-empty string, got {story_id!r}"
        raise RecordError(msg, line=line, path=path)
    text = data.get("text")
    if not isinstance(text, str):
        msg = f"{where}: story {story_id!r} has no 'text' string"
        raise RecordError(msg, line=line, path=path, doc_id=story_id)
    _check_text(text, story_id, where, line=line, path=path)
    agency = data.get("agency")
    if agency is not None and not isinstance(agency, str):
        msg = f"{where}: 'agency' must be a string, got {agency!r}"
        raise RecordError(msg, line=line, path=path, doc_id=story_id)
    if agency:
        known = (agencies or AgencyList.default()).lookup(agency)
        agency = known.name if known is not None else agency
    source = data.get("source")
    return WireStory(
        id=story_id,
        text=text,
        published=_published(data.get("published"), where, line, path),
        agency=agency or None,
        source=source if isinstance(source, str) and source else where,
    )


def _check_text(
    text: str, story_id: str, where: str, *, line: int | None = None, path: str | None = None
) -> None:
    if not text.strip():
        msg = f"{where}: story {story_id!r} has an empty text"
        raise RecordError(msg, line=line, path=path, doc_id=story_id)
    if len(text) > DEFAULT_MAX_CHARS:
        msg = (
            f"{where}: story {story_id!r} has {len(text):,} characters, over the limit "
            f"of {DEFAULT_MAX_CHARS:,}"
        )
        raise RecordError(msg, line=line, path=path, doc_id=story_id)


def _read_jsonl(
    path: Path, agencies: AgencyList | None
) -> Iterator[WireStory | SourceCompareError]:
    """The stories of a JSON Lines file, with an error in place of each bad line.

    Blank lines are skipped. A record has ``id`` (string or integer) and ``text``,
    and optionally ``published`` (ISO date), ``agency`` and ``source``; other fields
    are ignored.
    """
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        msg = f"cannot read {name!r}: {exc.strerror or exc}"
        yield InputError(msg, path=name)
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{name}, line {number}"
            try:
                data = json.loads(raw)
            except UnicodeDecodeError as exc:
                msg = f"{where}: not valid UTF-8 (byte {exc.start + 1} of the line)"
                yield RecordError(msg, line=number, path=name)
                continue
            except ValueError as exc:
                detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                msg = f"{where}: not valid JSON ({detail})"
                yield RecordError(msg, line=number, path=name)
                continue
            try:
                yield _from_record(data, where, line=number, path=name, agencies=agencies)
            except RecordError as exc:
                yield exc


def _read_file(
    path: Path,
    story_id: str,
    *,
    encoding: str | None,
    max_bytes: int | None,
    agencies: AgencyList | None,
) -> WireStory | SourceCompareError:
    """One story from a text, Markdown or HTML file, dated and credited from its text."""
    try:
        doc = Document.from_path(
            path, encoding=encoding, doc_id=story_id, max_bytes=max_bytes, agencies=agencies
        )
    except SourceCompareError as exc:
        return exc
    return WireStory(
        id=story_id,
        text=doc.text,
        published=doc.published,
        agency=doc.agency,
        source=str(path),
    )


def _walk(folder: Path) -> Iterator[Path]:
    """Every file below *folder*, in sorted order, skipping hidden files and folders."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


# --- query terms -------------------------------------------------------------------------


@functools.cache
def _stopwords() -> frozenset[str]:
    return load_word_list("stopwords.txt")


def _fold(word: str) -> str:
    """A word as the index's tokenizer stores it: case-folded, without diacritics."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    """The distinct searchable words of *text*, in order (no function words)."""
    stop = _stopwords()
    seen: dict[str, None] = {}
    for match in _WORD_RE.finditer(text):
        word = _fold(match.group())
        if len(word) >= 2 and word not in stop:
            seen[word] = None
    return list(seen)


def _idf(stories: int, frequency: int) -> float:
    """BM25's inverse document frequency."""
    return math.log(1.0 + (stories - frequency + 0.5) / (frequency + 0.5))


# --- the index ---------------------------------------------------------------------------


class WireIndex:
    """A wire corpus in a SQLite file with a full-text index.

    Open one with :meth:`open` (or :meth:`create`), use it as a context manager or
    :meth:`close` it. An instance belongs to the thread that opened it; open one per
    thread or process (any number may read while one writes).

    Attributes:
        path: The index file.
        timeout: Seconds to wait for another process's lock before
            :class:`IndexLockedError`.

    .. versionadded:: 0.1
    """

    def __init__(self, connection: sqlite3.Connection, path: str, timeout: float) -> None:
        """Wrap an open connection; use :meth:`open` or :meth:`create` instead."""
        self._db = connection
        self.path = path
        self.timeout = timeout
        self._version = -1
        self._count = 0
        self._frequencies: dict[str, int] = {}
        self._documents: OrderedDict[tuple[str, str], tuple[AgencyList | None, Document]] = (
            OrderedDict()
        )

    # -- opening and closing --

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = False, timeout: float = 5.0
    ) -> WireIndex:
        """Open the index at *path*; with *create*, make it first when there is none.

        Args:
            path: The index file.
            create: Create the file (and the index in an empty file) when missing.
            timeout: Seconds to wait when another process holds a lock.

        Raises:
            InputNotFoundError: There is no such file (and *create* is false).
            CorruptIndexError: The file is not a sourcecompare index, or is damaged.
            IndexLockedError: Another process kept it locked for *timeout* seconds.
            IndexFileError: It cannot be opened (permissions, a newer schema ...).
            MissingDependencyError: This Python's SQLite has no FTS5.
        """
        _require_fts5()
        location = Path(path)
        name = str(location)
        if timeout < 0:
            msg = f"timeout must not be negative, got {timeout}"
            raise InvalidOptionError(msg, option="timeout")
        if location.is_dir():
            msg = f"the index {name!r} is a folder, not a file"
            raise IndexFileError(msg, path=name)
        if not create and not location.exists():
            msg = f"no such index: {name!r} (create it with 'sourcecompare index add')"
            raise InputNotFoundError(msg, path=name)
        if create and not location.parent.is_dir():
            msg = f"cannot create the index {name!r}: no such folder {str(location.parent)!r}"
            raise InputNotFoundError(msg, path=name)
        uri = location.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
        try:
            connection = sqlite3.connect(
                uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=True
            )
        except sqlite3.Error as exc:
            raise _translate(exc, name, timeout) from None
        index = cls(connection, name, timeout)
        try:
            with index._errors():
                index._setup(create=create)
        except BaseException:
            connection.close()
            raise
        return index

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, timeout: float = 5.0) -> WireIndex:
        """Create a new, empty index at *path*.

        Raises:
            IndexFileError: The file exists already (use :meth:`open`).
            InputNotFoundError: Its folder does not exist.
        """
        if Path(path).exists():
            msg = f"cannot create the index {str(path)!r}: the file exists"
            raise IndexFileError(msg, path=str(path))
        return cls.open(path, create=True, timeout=timeout)

    def _setup(self, *, create: bool) -> None:
        db = self._db
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if not tables and create:
            db.execute("BEGIN IMMEDIATE")
            try:
                if not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    for statement in _SCHEMA:
                        db.execute(statement)
                    db.executemany(
                        "INSERT INTO meta (key, value) VALUES (?, ?)",
                        [("schema_version", str(SCHEMA_VERSION)), ("tokenizer", "unicode61")],
                    )
                    db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("PRAGMA journal_mode = WAL")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if "meta" not in tables or "stories_fts" not in tables:
            what = "an empty file" if not tables else "a SQLite database"
            msg = f"the index {self.path!r} is {what}, not a sourcecompare wire index"
            raise CorruptIndexError(msg, path=self.path)
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row is not None and str(row[0]).isdigit() else 0
        if version > SCHEMA_VERSION:
            msg = (
                f"the index {self.path!r} was written by a newer sourcecompare (schema "
                f"{version}; this one reads {SCHEMA_VERSION}): upgrade sourcecompare"
            )
            raise IndexFileError(msg, path=self.path)
        if version < 1:
            msg = f"the index {self.path!r} has no valid schema version"
            raise CorruptIndexError(msg, path=self.path)
        db.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        """Close the index (a closed index cannot be used again)."""
        self._documents.clear()
        self._db.close()

    def __enter__(self) -> WireIndex:  # noqa: PYI034 - typing.Self needs Python 3.11
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"WireIndex({self.path!r})"

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite's errors into sourcecompare's, naming the file."""
        try:
            yield
        except sqlite3.ProgrammingError as exc:
            msg = f"cannot use the index {self.path!r}: {exc}"
            raise IndexFileError(msg, path=self.path) from None
        except sqlite3.Error as exc:
            raise _translate(exc, self.path, self.timeout) from None

    def _refresh(self) -> None:
        """Forget cached counts when the file changed (here or in another process)."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._version = version
            self._count = self._db.execute("SELECT count(*) FROM stories").fetchone()[0]
            self._frequencies.clear()

    def _changed(self) -> None:
        """Note a change made through this connection (which data_version does not show)."""
        self._version = -1

    # -- reading --

    def __len__(self) -> int:
        with self._errors():
            self._refresh()
            return self._count

    def __contains__(self, story_id: object) -> bool:
        if not isinstance(story_id, str):
            return False
        with self._errors():
            query = "SELECT 1 FROM stories WHERE id = ?"
            return self._db.execute(query, (story_id,)).fetchone() is not None

    def get(self, story_id: str) -> WireStory | None:
        """The story with this id, or ``None``."""
        with self._errors():
            row = self._db.execute(
                "SELECT id, text, published, agency, source FROM stories WHERE id = ?",
                (story_id,),
            ).fetchone()
        return _story(row) if row is not None else None

    def ids(self) -> Iterator[str]:
        """Every story id, in sorted order."""
        with self._errors():
            rows = self._db.execute("SELECT id FROM stories ORDER BY id").fetchall()
        return (row[0] for row in rows)

    def document(self, story_id: str, *, agencies: AgencyList | None = None) -> Document:
        """The story with this id, parsed (``doc_id`` is its id, ``source`` its source).

        Raises:
            KeyError: No story has this id.
        """
        story = self.get(story_id)
        if story is None:
            raise KeyError(story_id)
        return self._document(story, agencies)

    def _document(self, story: WireStory, agencies: AgencyList | None) -> Document:
        """The story parsed; recently parsed stories come from a cache.

        A cached document is used only when it was parsed with the very same agency
        list (which the cache keeps alive, so its identity cannot be reused).
        """
        key = (story.id, story.text)
        cached = self._documents.get(key)
        if cached is not None and cached[0] is agencies:
            self._documents.move_to_end(key)
            return cached[1]
        doc = Document.from_text(
            story.text, doc_id=story.id, source=story.source, agencies=agencies
        )
        self._documents[key] = (agencies, doc)
        self._documents.move_to_end(key)
        if len(self._documents) > _DOCUMENT_CACHE:
            self._documents.popitem(last=False)
        return doc

    def stats(self) -> IndexStats:
        """The index's figures: stories, agencies, dates, size."""
        db = self._db
        with self._errors():
            self._refresh()
            agencies = db.execute(
                "SELECT coalesce(agency, ''), count(*) AS n FROM stories "
                "GROUP BY coalesce(agency, '') ORDER BY n DESC, 1"
            ).fetchall()
            first, last = db.execute(
                "SELECT min(published), max(published) FROM stories"
            ).fetchone()
            version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        size = sum(
            Path(self.path + suffix).stat().st_size
            for suffix in ("", "-wal")
            if Path(self.path + suffix).exists()
        )
        return IndexStats(
            path=self.path,
            stories=self._count,
            agencies=agencies,
            first_published=_parse_date(first),
            last_published=_parse_date(last),
            size=size,
            schema_version=int(version[0]),
        )

    def check(self) -> None:
        """Check the file and the full-text index for damage.

        Raises:
            CorruptIndexError: SQLite finds the file damaged, or the full-text index
                does not match the stories.
        """
        with self._errors():
            problems = [row[0] for row in self._db.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                msg = f"the index {self.path!r} is damaged: {'; '.join(problems[:3])}"
                raise CorruptIndexError(msg, path=self.path)
            self._db.execute("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')")

    # -- adding --

    def add(
        self,
        stories: Iterable[WireStory],
        *,
        update: bool = True,
        batch: int = 1000,
    ) -> AddReport:
        """Add stories; update those already there whose text or details differ.

        Args:
            stories: The stories.
            update: Replace stories whose id is in the index but whose text, date,
                agency or source differ (the story given replaces the stored one,
                details and all); with ``False`` they are left as they are.
            batch: Stories per transaction. A batch is committed whole or not at all.

        Raises:
            IndexLockedError: Another process held the write lock for too long.
            IndexFileError: The index cannot be written (read-only, disk full ...).
        """
        return self._add(stories, update=update, on_error="raise", batch=batch)

    def add_texts(
        self,
        texts: Mapping[str, str] | Iterable[tuple[str, str]],
        *,
        update: bool = True,
        on_error: str = "raise",
        batch: int = 1000,
    ) -> AddReport:
        """Add stories given as ``{id: text}`` or ``(id, text)`` pairs.

        They have no date, agency or source: a story already in the index with
        those is updated to have none (use :meth:`add` to keep them).

        Args:
            texts: The stories' ids and texts.
            update: As in :meth:`add`.
            on_error: ``"raise"`` to stop at the first story that cannot be indexed
                (the stories before it stay in), ``"skip"`` to go on and report it in
                :attr:`AddReport.errors`.
            batch: As in :meth:`add`.

        Raises:
            RecordError: A text is empty or too long, or an id is not a non-empty
                string (with ``on_error="raise"``).
        """
        pairs = texts.items() if isinstance(texts, Mapping) else texts

        def stories() -> Iterator[WireStory | SourceCompareError]:
            for number, pair in enumerate(pairs, start=1):
                story_id, text = pair
                where = f"text {number}"
                if not isinstance(story_id, str) or not story_id.strip():
                    msg = f"{where}: the id must be a non-empty string, got {story_id!r}"
                    yield RecordError(msg)
                    continue
                if not isinstance(text, str):
                    msg = f"{where}: story {story_id!r} has no text string"
                    yield RecordError(msg, doc_id=story_id)
                    continue
                try:
                    _check_text(text, story_id, where)
                except RecordError as exc:
                    yield exc
                    continue
                yield WireStory(id=story_id, text=text)

        return self._add(stories(), update=update, on_error=on_error, batch=batch)

    def add_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        update: bool = True,
        on_error: str = "raise",
        batch: int = 1000,
        encoding: str | None = None,
        max_bytes: int | None = None,
        agencies: AgencyList | None = None,
    ) -> AddReport:
        """Add stories from files, folders (recursively) and JSON Lines files.

        * A ``.jsonl`` file holds one story per line: a JSON object with ``id``
          (string or integer) and ``text``, and optionally ``published`` (an ISO
          date, ``"2025-06-17"``; a time after it is ignored), ``agency`` (a name
          the agency list knows is stored as the agency's name: ``"AP"`` becomes
          ``"Associated Press"``) and ``source`` (``"FILE, line N"`` when not
          given). Other fields are ignored.
        * Any other file is one story, read as :meth:`Document.from_path
          <sourcecompare.Document.from_path>` reads it (HTML needs the ``html``
          extra). Its date and agency come from its furniture (source line,
          dateline, credit), its id is its file name, or for a file found in a
          folder, its path from the folder on (``wires/2025/rail.txt``).
        * A folder is searched recursively in name order for ``.txt``, ``.text``,
          ``.md``, ``.markdown``, ``.html``, ``.htm`` and ``.jsonl`` files; hidden
          files and folders are skipped, other files are listed in
          :attr:`AddReport.ignored`.

        Args:
            paths: Files and folders.
            update: As in :meth:`add`.
            on_error: ``"raise"`` to stop at the first bad record or file (what came
                before it stays in), ``"skip"`` to report it in
                :attr:`AddReport.errors` and go on.
            batch: As in :meth:`add`.
            encoding: Text encoding of the story files (detected when not given).
            max_bytes: Refuse story files larger than this.
            agencies: The agencies recognised in credits; the bundled list by default.

        Raises:
            InputNotFoundError: A path does not exist (checked before anything is added).
            RecordError: A JSON Lines record cannot be indexed (``on_error="raise"``).
            InputError: A story file cannot be read or holds no story
                (``on_error="raise"``).
        """
        given = [Path(p) for p in paths]
        for path in given:
            if not path.exists():
                msg = f"no such file or folder: {str(path)!r}"
                raise InputNotFoundError(msg, path=str(path))
        ignored: list[str] = []

        def stories() -> Iterator[WireStory | SourceCompareError]:
            for path in given:
                if path.is_dir():
                    top = path.resolve().name or str(path)
                    for found in _walk(path):
                        suffix = found.suffix.casefold()
                        if suffix not in _SUFFIXES:
                            ignored.append(str(found))
                            continue
                        if suffix == ".jsonl":
                            yield from _read_jsonl(found, agencies)
                            continue
                        story_id = Path(top, found.relative_to(path)).as_posix()
                        yield _read_file(
                            found,
                            story_id,
                            encoding=encoding,
                            max_bytes=max_bytes,
                            agencies=agencies,
                        )
                elif path.suffix.casefold() == ".jsonl":
                    yield from _read_jsonl(path, agencies)
                else:
                    yield _read_file(
                        path,
                        path.name,
                        encoding=encoding,
                        max_bytes=max_bytes,
                        agencies=agencies,
                    )

        report = self._add(stories(), update=update, on_error=on_error, batch=batch)
        return attrs.evolve(report, ignored=ignored)

    def remove(self, story_ids: Iterable[str]) -> int:
        """Remove the stories with these ids (in one transaction); return how many were."""
        db = self._db
        removed = 0
        with self._errors():
            db.execute("BEGIN IMMEDIATE")
            try:
                for story_id in story_ids:
                    removed += db.execute("DELETE FROM stories WHERE id = ?", (story_id,)).rowcount
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            finally:
                self._changed()
        return removed

    def optimize(self) -> None:
        """Merge the full-text index into one segment (faster searches after big adds)."""
        with self._errors():
            self._db.execute("INSERT INTO stories_fts (stories_fts) VALUES ('optimize')")
            self._db.execute("PRAGMA optimize")

    def _add(
        self,
        items: Iterable[WireStory | SourceCompareError],
        *,
        update: bool,
        on_error: str,
        batch: int,
    ) -> AddReport:
        if on_error not in _ON_ERROR:
            msg = f"on_error must be 'raise' or 'skip', got {on_error!r}"
            raise InvalidOptionError(msg, option="on_error")
        size = _positive(batch, "batch")
        db = self._db
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        errors: list[SourceCompareError] = []
        failure: SourceCompareError | None = None
        pending = 0
        with self._errors():
            db.execute("BEGIN IMMEDIATE")
            try:
                for item in items:
                    if isinstance(item, SourceCompareError):
                        if on_error == "raise":
                            failure = item  # the stories before it are committed below
                            break
                        errors.append(item)
                        continue
                    counts[self._put(item, update=update)] += 1
                    pending += 1
                    if pending >= size:
                        db.execute("COMMIT")
                        db.execute("BEGIN IMMEDIATE")
                        pending = 0
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            finally:
                self._changed()
        if failure is not None:
            raise failure
        return AddReport(
            added=counts["added"],
            updated=counts["updated"],
            unchanged=counts["unchanged"],
            errors=errors,
        )

    def _put(self, story: WireStory, *, update: bool) -> str:
        """Insert or update one story; return what happened to it."""
        db = self._db
        values = (story.text, _iso(story.published), story.agency, story.source)
        row = db.execute(
            "SELECT pk, text, published, agency, source FROM stories WHERE id = ?", (story.id,)
        ).fetchone()
        if row is None:
            db.execute(
                "INSERT INTO stories (id, text, published, agency, source) VALUES (?, ?, ?, ?, ?)",
                (story.id, *values),
            )
            return "added"
        if tuple(row[1:]) == values or not update:
            return "unchanged"
        if row[1] == story.text:  # only the details changed: the full-text index stays
            db.execute(
                "UPDATE stories SET published = ?, agency = ?, source = ? WHERE pk = ?",
                (*values[1:], row[0]),
            )
        else:
            db.execute(
                "UPDATE stories SET text = ?, published = ?, agency = ?, source = ? WHERE pk = ?",
                (*values, row[0]),
            )
        return "updated"

    # -- searching --

    def terms(self, derivative: Document) -> tuple[str, ...]:
        """The words the index is searched for to find *derivative*'s sources.

        For each segment, its rarest words in the index that are found in few enough
        stories to narrow the search (see the module docs), taken round-robin over
        the segments, at most :data:`MAX_TERMS`.
        """
        with self._errors():
            self._refresh()
            return tuple(term for term, _ in self._terms(derivative))

    def _frequency(self, words: Iterable[str]) -> dict[str, int]:
        cache = self._frequencies
        if len(cache) > _TERM_CACHE:
            cache.clear()
        lookup = self._db.execute
        for word in words:
            if word not in cache:
                row = lookup("SELECT doc FROM stories_terms WHERE term = ?", (word,)).fetchone()
                cache[word] = row[0] if row is not None else 0
        return cache

    def _terms(self, derivative: Document) -> list[tuple[str, int]]:
        per_segment = [_words(segment.text) for segment in derivative.segments]
        frequency = self._frequency({w for words in per_segment for w in words})
        rare = max(_RARE_FLOOR, self._count * _RARE_SHARE)
        common = max(_RARE_FLOOR, self._count * _COMMON_SHARE)
        ranked = [
            sorted(
                (w for w in words if 0 < frequency[w] <= common),
                key=lambda w: (frequency[w], w),
            )[:TERMS_PER_SENTENCE]
            for words in per_segment
        ]
        # Each segment's rarest word, then each one's second rarest ...; rare words
        # before the others, which are taken while the postings budget allows.
        order = [
            words[place]
            for place in range(TERMS_PER_SENTENCE)
            for words in ranked
            if place < len(words)
        ]
        order.sort(key=lambda w: frequency[w] > rare)
        chosen: dict[str, int] = {}
        spent = 0
        for word in order:
            if len(chosen) >= MAX_TERMS:
                break
            cost = frequency[word]
            if word not in chosen and (
                spent + cost <= _POSTINGS_BUDGET or len(chosen) < _ALWAYS_TAKEN
            ):
                chosen[word] = cost
                spent += cost
        return list(chosen.items())

    def search(self, derivative: TextOrDocument, *, limit: int = 10) -> tuple[SearchHit, ...]:
        """The stories sharing the most distinctive words with *derivative*, best first.

        Only the full-text retrieval: :func:`trace` re-ranks these by alignment.

        Args:
            derivative: The article: text, a :class:`~sourcecompare.Document` or a path.
            limit: How many stories to return at most.

        Returns:
            Hits by score, highest first; ties by id.
        """
        doc = _as_document(derivative, None)
        with self._errors():
            self._refresh()
            return self._search(self._terms(doc), _positive(limit, "limit"))

    def _search(self, terms: Sequence[tuple[str, int]], limit: int) -> tuple[SearchHit, ...]:
        if not terms:
            return ()
        stories = self._count
        parts = " UNION ALL ".join(
            ["SELECT rowid AS pk, ? AS weight FROM stories_fts WHERE stories_fts MATCH ?"]
            * len(terms)
        )
        params: list[object] = []
        for term, frequency in terms:
            params += [_idf(stories, frequency), f'"{term}"']
        # Scores are rounded so that sums of the same weights in another order tie.
        query = (
            "SELECT stories.id, hits.score, hits.matched FROM ("  # noqa: S608 - placeholders only
            f"SELECT pk, round(sum(weight), 6) AS score, count(*) AS matched FROM ({parts}) "
            "GROUP BY pk ORDER BY score DESC LIMIT ?) AS hits "
            "JOIN stories ON stories.pk = hits.pk"
        )
        # Ask for more than wanted, so that ties at the cut are ordered by id.
        rows = self._db.execute(query, (*params, limit + 16)).fetchall()
        rows.sort(key=lambda row: (-row[1], row[0]))
        return tuple(SearchHit(id=row[0], score=row[1], matched=row[2]) for row in rows[:limit])

    def _stories(self, story_ids: Sequence[str]) -> dict[str, WireStory]:
        marks = ", ".join("?" * len(story_ids))
        rows = self._db.execute(
            f"SELECT id, text, published, agency, source FROM stories WHERE id IN ({marks})",  # noqa: S608
            tuple(story_ids),
        ).fetchall()
        return {row[0]: _story(row) for row in rows}


def _story(row: Sequence[Any]) -> WireStory:
    return WireStory(
        id=row[0], text=row[1], published=_parse_date(row[2]), agency=row[3], source=row[4]
    )


def _positive(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"'{name}' must be a positive whole number, got {value!r}"
        raise InvalidOptionError(msg, option=name)
    return value


def _as_document(value: object, agencies: AgencyList | None) -> Document:
    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        return Document.from_text(value, doc_id="derivative", agencies=agencies)
    if isinstance(value, os.PathLike):
        return Document.from_path(os.fspath(value), agencies=agencies)
    msg = f"expected text, a Document or a path for the article, got {type(value).__name__}"
    raise InvalidOptionError(msg, option="derivative")


# --- tracing -----------------------------------------------------------------------------


def _shares(
    derivative: Document, wires: Sequence[Document], options: CompareOptions
) -> list[tuple[float, tuple[int, ...]]]:
    """For each wire: the share of the derivative it supports, and the sentences it leads.

    A supported sentence's tokens are shared among the wires of its sources in
    proportion to what each source contributed to its support, so that a story
    adding a word or two to a sentence another story supports gets little credit.
    A source sentence that several candidates hold word for word cannot tell them
    apart: its credit goes to the one of them that supports most of the article
    otherwise.
    """
    alignment = align(wires, derivative, options.alignment)
    sentences: list[tuple[int, int, list[tuple[int, tuple[str, ...], float]]]] = []
    total = 0
    for entry in alignment.segments:
        segment = derivative.segments[entry.segment]
        if segment.kind is not SegmentKind.SENTENCE:
            continue
        size = len(segment.tokens)
        total += size
        if not entry.label.supported or not entry.sources:
            continue
        weight = sum(source.contribution for source in entry.sources)
        sources = [
            (
                source.wire,
                tuple(t.norm for t in alignment.wire_segment(source).tokens),
                source.contribution / weight if weight else 1.0 / len(entry.sources),
            )
            for source in entry.sources
        ]
        sentences.append((entry.segment, size, sources))
    if not total:
        return [(0.0, ()) for _ in wires]
    first = [0.0] * len(wires)
    for _, size, sources in sentences:
        for wire, _, part in sources:
            first[wire] += size * part
    holders: dict[tuple[str, ...], list[int]] = {}
    for number, doc in enumerate(wires):
        for segment in doc.segments:
            holders.setdefault(tuple(t.norm for t in segment.tokens), []).append(number)
    credit = [0.0] * len(wires)
    led: list[list[int]] = [[] for _ in wires]
    for index, size, sources in sentences:
        for place, (wire, key, part) in enumerate(sources):
            owner = max(holders.get(key, [wire]), key=lambda w: (first[w], w == wire, -w))
            credit[owner] += size * part
            if place == 0:
                led[owner].append(index)
    return [
        (min(1.0, amount / total), tuple(found)) for amount, found in zip(credit, led, strict=True)
    ]


def trace(
    derivative: TextOrDocument,
    index: WireIndex,
    *,
    limit: int = 5,
    candidates: int = 8,
    min_share: float = 0.15,
    max_sources: int = 3,
    options: CompareOptions | None = None,
    compare: bool = True,
) -> Trace:
    """Find the wire stories *derivative* draws on, and compare it with them.

    Args:
        derivative: The article: text, a :class:`~sourcecompare.Document` or a path.
        index: The wire corpus.
        limit: How many candidates to return.
        candidates: How many stories the full-text search passes on to be aligned
            (at least *limit*); more finds sources the search ranks low, and costs
            about 2 ms a story.
        min_share: Share of the article's sentences a candidate must support to be
            one of its sources.
        max_sources: Most sources to compare the article with.
        options: Alignment and detection options (for re-ranking and comparing).
        compare: Compare the article with its sources (``False`` stops after the
            ranking; :attr:`Trace.comparison` is then ``None``).

    Returns:
        The :class:`Trace`.

    Raises:
        InvalidOptionError: An option is out of range.
        InputError: The article cannot be read, or is empty.
        IndexFileError: The index cannot be read (damaged, locked ...).

    .. versionadded:: 0.1
    """
    given: object = options if options is not None else CompareOptions()
    if not isinstance(given, CompareOptions):
        msg = f"'options' must be CompareOptions, got {type(given).__name__}"
        raise InvalidOptionError(msg, option="options")
    opts = given
    wanted = _positive(limit, "limit")
    pool = max(wanted, _positive(candidates, "candidates"))
    most = _positive(max_sources, "max_sources")
    share: object = min_share
    if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0.0 < share <= 1.0:
        msg = f"'min_share' must be a number above 0, at most 1, got {min_share!r}"
        raise InvalidOptionError(msg, option="min_share")
    doc = _as_document(derivative, opts.agencies)
    with index._errors():  # noqa: SLF001 - the module's own class
        index._refresh()  # noqa: SLF001
        terms = index._terms(doc)  # noqa: SLF001
        hits = index._search(terms, pool)  # noqa: SLF001
        stories = index._stories([hit.id for hit in hits])  # noqa: SLF001
    found = []
    ranked: list[Candidate] = []
    wires: dict[str, Document] = {}
    for hit in hits:
        story = stories.get(hit.id)
        if story is None:  # removed by another process since the search
            continue
        try:
            wires[story.id] = index._document(story, opts.agencies)  # noqa: SLF001
        except SourceCompareError:  # a stored text with no story in it cannot be a source
            continue
        found.append((hit, story))
    if found:
        shares = _shares(doc, list(wires.values()), opts)
        for (hit, story), (share, segments) in zip(found, shares, strict=True):
            ranked.append(
                Candidate(
                    id=story.id,
                    share=share,
                    segments=segments,
                    score=hit.score,
                    matched=hit.matched,
                    published=story.published,
                    agency=story.agency,
                    source=story.source,
                )
            )
        ranked.sort(key=lambda c: (-round(c.share, 9), -c.score, c.id))
    chosen = [c for c in ranked if c.share >= min_share][:most]
    comparison = None
    if compare and chosen:
        comparison = _compare([wires[c.id] for c in chosen], doc, opts)
    return Trace(
        derivative=doc,
        terms=[term for term, _ in terms],
        candidates=ranked[:wanted],
        sources=chosen,
        comparison=comparison,
        min_share=min_share,
    )


def _compare(wires: list[Document], derivative: Document, options: CompareOptions) -> Comparison:
    return compare(wires, derivative, options=options)


# --- rendering ---------------------------------------------------------------------------


def _trace_view(result: Trace) -> RenderableType:
    """The candidates as a table, then the comparison with the sources."""
    from rich.console import Group  # noqa: PLC0415 - rendering is lazy
    from rich.text import Text  # noqa: PLC0415

    from sourcecompare.render.console import Themed, _table, safe_text  # noqa: PLC0415

    name = result.derivative.doc_id or "the article"
    table = _table()
    table.title = Text.assemble("Wire stories ", safe_text(name), " draws on")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("story", overflow="fold")
    table.add_column("share", justify="right", no_wrap=True)
    table.add_column("sentences", justify="right", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("agency")
    table.add_column("published", no_wrap=True)
    sources = {c.id for c in result.sources}
    for number, candidate in enumerate(result.candidates, start=1):
        style = "bold" if candidate.id in sources else "sourcecompare.muted"
        table.add_row(
            str(number),
            safe_text(candidate.id, style),
            f"{candidate.share:.0%}",
            str(len(candidate.segments)),
            f"{candidate.score:.1f}",
            safe_text(candidate.agency or "", style),
            _iso(candidate.published) or "",
        )
    parts: list[RenderableType] = [table]
    if not result.candidates:
        parts.append(Text("No story in the index shares distinctive words with it."))
    elif not result.sources:
        parts.append(Text(f"No story supports {result.min_share:.0%} of it: no source found."))
    else:
        parts.append(
            Text.assemble(
                "Sources: ",
                safe_text(", ".join(c.id for c in result.sources)),
                f" (a share of {result.min_share:.0%} or more)",
            )
        )
    if result.comparison is not None:
        parts += [Text(""), result.comparison]
    return Themed(Group(*parts))
