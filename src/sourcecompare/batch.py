"""Many comparisons in one run: one wire report against many derivatives, or many pairs.

:func:`compare_many` compares every derivative it is given with the wire report (or
each with its own wire) and streams one :class:`BatchRecord` per derivative;
:func:`run_batch` writes those records to a JSON Lines file, and when run again with
the same file, skips what it already holds. ``sourcecompare batch`` is the command
line for :func:`run_batch`.

Items
    A derivative is given as a path (:class:`os.PathLike`), an ``(id, text)`` or
    ``(id, wire, derivative)`` tuple, a :class:`~sourcecompare.Document` with a
    ``doc_id``, a JSON Lines record (a mapping, see :func:`read_items`) or a
    :class:`BatchItem`. Every item has an id: it names the item's record, and a
    resumed run knows by it what is done. A file's id is its path as given
    (normalised: ``./a/b.txt`` is ``a/b.txt``).

Records
    One JSON object per line, in ASCII: ``id``, ``status`` (``"ok"`` or
    ``"error"``), then for ``ok`` the comparison's JSON (:meth:`Comparison.to_dict
    <sourcecompare.Comparison.to_dict>`), all of it or part of it as *detail* says:

    * ``"summary"``: ``schema_version``, ``summary``, ``caveats`` (say, that the
      derivative is all lower case), and the ``doc_id`` and ``source`` of the
      ``wires`` and the ``derivative``;
    * ``"findings"`` (the default): the same, plus ``findings`` and ``speakers``,
      whose spans are offsets into the files compared;
    * ``"full"``: the whole comparison, which :meth:`BatchRecord.comparison` reads
      back; both texts and the alignment make it about six times larger (measured
      on 40-sentence derivatives: 1.3, 19 and 110 KiB a record).

    An ``error`` record has ``error`` (the name of the exception, e.g.
    ``"DecodingError"``, ``"EmptyDocumentError"``; ``"WorkerCrashError"`` when the
    process comparing it died) and ``message``. An item that cannot be read or
    compared is reported so, and the run goes on. An id the input repeats is an
    error record too (an :class:`~sourcecompare.InputError`), and the repeat is not
    compared.

Order
    With ``ordered=True`` (the default) records come in the order of the input,
    and a run writes the same file byte for byte however many workers it has, and
    whether or not it was interrupted and resumed. With ``ordered=False`` they come
    as they finish, which keeps every worker busy when some items take much longer
    than others. Either way at most *window* items are in flight and no record is
    kept once written, so memory stays flat however many items there are (but for
    their ids, kept to catch an id given twice).

Workers
    ``workers=N`` runs N processes on this machine, each of which receives the wire
    and the options once, when it starts (``workers=1`` runs in this process; the
    default is one worker per CPU). Files are read by the workers. ``client=`` (a
    ``distributed.Client``) or ``scheduler="tcp://..."`` runs on Dask instead, with
    the same results; it needs the ``dask`` extra (``pip install
    "sourcecompare[dask]"``), and paths must be readable where the workers run.

Faults
    A record is written and flushed as soon as it is the next one out, so killing a
    run loses only items in flight; run it again and it finishes them, with no
    record missing and none twice. A torn last line (the run was killed while
    writing it) is cut off before new records are written. When a worker process
    dies, the items it may have been working on are tried again, each alone; one
    that kills its worker again gets an error record.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import json
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence, Sized
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, NamedTuple, Protocol

import attrs

from sourcecompare._align import AlignOptions
from sourcecompare._attribution import ReportingLexicon
from sourcecompare._comparison import CompareOptions, Comparison, PreparedWire, compare
from sourcecompare._documents import Document
from sourcecompare._furniture import AgencyList
from sourcecompare._lexicons import Lexicons
from sourcecompare.exceptions import (
    InputError,
    InvalidOptionError,
    MissingDependencyError,
    SourceCompareError,
)
from sourcecompare.render.json import (
    SCHEMA_VERSION,
    _caveats_data,
    _finding_json,
    _speaker_json,
    _summary_data,
    comparison_to_dict,
    dumps,
    loads,
)
from sourcecompare.typing import TextOrDocument  # noqa: TC001 - attrs resolves converter types

if TYPE_CHECKING:
    import concurrent.futures as cf

__all__ = [
    "DETAILS",
    "BatchItem",
    "BatchRecord",
    "BatchStats",
    "compare_many",
    "read_items",
    "read_records",
    "run_batch",
]

DETAILS: Final = ("summary", "findings", "full")
"""What an ``ok`` record can hold, least first (see the module docs); ``"findings"`` is
the default."""

_DEFAULT_DETAIL: Final = "findings"
_CRASH: Final = "WorkerCrashError"
# A record is at most this many items away from being written (per worker).
_WINDOW_PER_WORKER: Final = 4
# A local pool sends its workers items this many at a time (at most): one task per item
# cost the coordinating process about 0.9 ms an item, a tenth of a 2-core run. Its
# default window is this many times larger, so that every worker stays busy.
_CHUNK: Final = 8
# Worker processes that die this many times in a row, with nothing done in between,
# are not dying of one item: the run stops.
_CRASHES_IN_A_ROW: Final = 3
# Wires of (id, wire, derivative) items kept parsed in each worker.
_WIRE_CACHE: Final = 16
# What a record we wrote begins with: id, status and (for ok records) detail.
_RECORD_HEAD_RE: Final = re.compile(
    rb'\{"id":("(?:[^"\\]|\\.)*"),"status":"(ok|error)"(?:,"detail":"(\w+)")?'
)

_Wire = Any  # TextOrDocument or a sequence of them, as compare() takes


# --- items -------------------------------------------------------------------------------


def _item_id(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        msg = f"'{attribute.name}' must be a non-empty str, got {value!r}"
        raise InvalidOptionError(msg, option=attribute.name)


def _wire_value(
    value: TextOrDocument | Iterable[TextOrDocument] | None,
) -> TextOrDocument | tuple[TextOrDocument, ...] | None:
    """Keep a sequence of wires as a tuple (hashable, and read the same way)."""
    if value is None or isinstance(value, (str, Document, os.PathLike)):
        return value
    return tuple(value)


@attrs.frozen
class BatchItem:
    """One derivative to compare, and the id its record goes by.

    Attributes:
        id: The item's identifier: its record carries it, and a resumed run skips
            the ids its output already holds.
        derivative: The article, as :func:`~sourcecompare.compare` takes it: text
            (a ``str``), a :class:`~sourcecompare.Document`, or a path
            (:class:`os.PathLike`).
        wire: Its own wire report (text, document, path, or a sequence of them), or
            ``None`` to compare it with the batch's wire.
        error: Why the item could not even be read (a bad line of a JSON Lines
            file): it is written as an error record, and not compared.

    .. versionadded:: 0.1
    """

    id: str = attrs.field(validator=_item_id)
    derivative: TextOrDocument | None = None
    wire: TextOrDocument | tuple[TextOrDocument, ...] | None = attrs.field(
        default=None, converter=_wire_value
    )
    error: SourceCompareError | None = None

    @classmethod
    def from_record(
        cls, record: Mapping[str, Any], *, base: str | os.PathLike[str] | None = None
    ) -> BatchItem:
        """Read an item from a JSON Lines record (see :func:`read_items`).

        Args:
            record: ``id``; the derivative as ``text`` or as a file ``path``; and
                optionally its own wire as ``wire_text`` or ``wire_path`` (a path,
                or a list of paths for several wires).
            base: The folder that relative paths are relative to (the current
                folder when ``None``).

        Raises:
            InputError: The record lacks the derivative, names it twice, or has a
                field of the wrong type; the error's ``doc_id`` is the record's id
                when it has one.
        """
        raw_id = record.get("id", record.get("path"))
        item_id = (
            str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
        )

        def fail(problem: str) -> InputError:
            msg = f"record {item_id!r}: {problem}" if item_id else f"record: {problem}"
            return InputError(msg, doc_id=item_id)

        if not item_id:
            msg = "needs an 'id' (a string), or a 'path'"
            raise fail(msg)
        folder = Path(base) if base is not None else None

        def path(value: object, key: str) -> Path:
            if not isinstance(value, str) or not value:
                msg = f"'{key}' must be a non-empty string, got {_describe(value)}"
                raise fail(msg)
            found = Path(value)
            return folder / found if folder is not None and not found.is_absolute() else found

        def text(value: object, key: str) -> str:
            if not isinstance(value, str):
                msg = f"'{key}' must be a string, got {_describe(value)}"
                raise fail(msg)
            return value

        if ("text" in record) == ("path" in record):
            msg = "needs the derivative as 'text' or as 'path' (one of them)"
            raise fail(msg)
        derivative: TextOrDocument = (
            text(record["text"], "text") if "text" in record else path(record["path"], "path")
        )
        wire: _Wire = None
        if "wire_text" in record and "wire_path" in record:
            msg = "gives its wire twice, as 'wire_text' and as 'wire_path'"
            raise fail(msg)
        if "wire_text" in record:
            wire = text(record["wire_text"], "wire_text")
        elif "wire_path" in record:
            given = record["wire_path"]
            if isinstance(given, list) and given:
                wire = tuple(path(value, "wire_path") for value in given)
            else:
                wire = path(given, "wire_path")
        return cls(id=item_id, derivative=derivative, wire=wire)


def _describe(value: object) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else f"{value[:40]!r}…"
    return "null" if value is None else type(value).__name__


def read_items(path: str | os.PathLike[str]) -> Iterator[BatchItem]:
    """The items of a JSON Lines file, one per line, in order.

    Each line is an object: ``{"id": "a1", "path": "articles/a1.txt"}`` or ``{"id":
    "a1", "text": "..."}``; it may name its own wire, ``"wire_path":
    "wires/w7.txt"`` (or a list of paths) or ``"wire_text": "..."``. Relative paths
    are relative to the folder of the JSON Lines file. The id defaults to ``path``.
    Blank lines are skipped.

    A line that is not such an object (not UTF-8, not JSON, no derivative ...)
    becomes an item with an :attr:`~BatchItem.error`, whose id is the record's
    ``id`` when it can be read and ``"FILE:LINE"`` otherwise; :func:`compare_many`
    writes it as an error record.

    Raises:
        InputError: The file cannot be opened.

    .. versionadded:: 0.1
    """
    source = Path(path)
    try:
        stream = source.open("rb")
    except OSError as exc:
        msg = f"cannot read {str(source)!r}: {exc.strerror or exc}"
        raise InputError(msg, path=str(source)) from None
    with stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            where = f"{source.name}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                salvaged = _salvaged_id(raw) or where
                msg = (
                    f"line {number} of {str(source)!r} is not valid UTF-8 (byte "
                    f"0x{raw[exc.start : exc.start + 1].hex()} at offset {exc.start})"
                )
                yield BatchItem(id=salvaged, error=InputError(msg, doc_id=salvaged))
                continue
            try:
                record = loads(line)
            except InputError as exc:
                msg = f"line {number} of {str(source)!r}: {exc}"
                yield BatchItem(id=where, error=InputError(msg, doc_id=where))
                continue
            if not isinstance(record, dict):
                msg = f"line {number} of {str(source)!r} is not a JSON object"
                yield BatchItem(id=where, error=InputError(msg, doc_id=where))
                continue
            try:
                yield BatchItem.from_record(record, base=source.parent)
            except InputError as exc:
                item_id = exc.doc_id or where
                msg = f"line {number} of {str(source)!r}: {exc}"
                yield BatchItem(id=item_id, error=InputError(msg, doc_id=item_id))


def _salvaged_id(raw: bytes) -> str | None:
    """The id of a record that is not valid UTF-8, if the id itself is readable."""
    match = re.search(rb'"id"\s*:\s*("(?:[^"\\]|\\.)*")', raw)
    if match is None:
        return None
    try:
        found = json.loads(match.group(1).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return found if isinstance(found, str) and found else None


def _as_item(value: object) -> BatchItem:
    """Any of the accepted forms of an item, as a :class:`BatchItem`.

    Raises:
        InvalidOptionError: The value is of no accepted form, or has no id.
    """
    if isinstance(value, BatchItem):
        return value
    if isinstance(value, os.PathLike):
        path = Path(value)
        return BatchItem(id=str(path), derivative=path)
    if isinstance(value, Document):
        if not value.doc_id:
            msg = "compare_many() needs an id for every item: give each Document a doc_id"
            raise InvalidOptionError(msg, option="derivatives")
        return BatchItem(id=value.doc_id, derivative=value)
    if isinstance(value, Mapping):
        try:
            return BatchItem.from_record(value)
        except InputError as exc:
            if not exc.doc_id:
                msg = f"compare_many() cannot use {exc}"
                raise InvalidOptionError(msg, option="derivatives") from None
            return BatchItem(id=exc.doc_id, error=exc)
    if isinstance(value, str):
        msg = (
            "compare_many() does not guess whether a str is a text or a path: give a "
            "file as pathlib.Path(...) and a text as an (id, text) pair"
        )
        raise InvalidOptionError(msg, option="derivatives")
    if isinstance(value, (tuple, list)) and len(value) in (2, 3):
        item_id = value[0]
        if not isinstance(item_id, str) or not item_id:
            msg = f"the id of an item must be a non-empty str, got {item_id!r}"
            raise InvalidOptionError(msg, option="derivatives")
        wire = value[1] if len(value) == 3 else None
        return BatchItem(id=item_id, derivative=value[-1], wire=wire)
    msg = (
        "compare_many() takes paths, (id, text) or (id, wire, derivative) tuples, "
        f"Documents, records or BatchItems; got {type(value).__name__}"
    )
    raise InvalidOptionError(msg, option="derivatives")


# --- records -----------------------------------------------------------------------------


@attrs.frozen
class BatchRecord:
    """The result for one item: one line of a batch's JSON Lines output.

    Attributes:
        id: The item's id.
        status: ``"ok"`` or ``"error"``.
        line: The record as one line of JSON (ASCII, no line break).
        error: For an error record, the name of the error (``"DecodingError"``).
        message: For an error record, what went wrong.

    .. versionadded:: 0.1
    """

    id: str
    status: str
    line: str = attrs.field(repr=False)
    error: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the item was compared."""
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        """The record as data (parsed from :attr:`line` on every call)."""
        data: dict[str, Any] = loads(self.line)
        return data

    def comparison(self) -> Comparison:
        """The comparison of an ``ok`` record written with ``detail="full"``.

        Raises:
            InvalidOptionError: The record is an error, or holds only part of the
                comparison (another *detail*).
        """
        data = self.to_dict()
        if self.status != "ok" or data.get("detail") != "full":
            what = "an error record" if self.status != "ok" else f"detail={data.get('detail')!r}"
            msg = (
                f"record {self.id!r} is {what}; only records written with detail='full' "
                "hold a whole comparison"
            )
            raise InvalidOptionError(msg, option="detail")
        return Comparison.from_dict(data)

    @classmethod
    def from_line(cls, line: str | bytes) -> BatchRecord:
        """Read one line of a batch's output.

        Raises:
            InputError: The line is not a batch record.
        """
        text = line.decode("utf-8") if isinstance(line, bytes) else line
        data = loads(text)
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("id"), str)
            or data.get("status") not in ("ok", "error")
        ):
            msg = "not a batch record: expected an object with an 'id' and a 'status'"
            raise InputError(msg)
        error, message = data.get("error"), data.get("message")
        return cls(
            id=data["id"],
            status=data["status"],
            line=text.rstrip("\r\n"),
            error=error if isinstance(error, str) else None,
            message=message if isinstance(message, str) else None,
        )


def read_records(path: str | os.PathLike[str]) -> Iterator[BatchRecord]:
    """The records of a batch's output file, in the order written.

    A torn last line (the run was killed while writing it) is left out.

    Raises:
        InputError: The file cannot be read, or a line is not a batch record (the
            message gives its number).

    .. versionadded:: 0.1
    """
    source = Path(path)
    try:
        stream = source.open("rb")
    except OSError as exc:
        msg = f"cannot read {str(source)!r}: {exc.strerror or exc}"
        raise InputError(msg, path=str(source)) from None
    with stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.endswith(b"\n"):
                return  # torn: the run was killed while writing it
            try:
                yield BatchRecord.from_line(raw)
            except (InputError, UnicodeDecodeError) as exc:
                msg = f"line {number} of {str(source)!r}: {exc}"
                raise InputError(msg, path=str(source)) from None


def _ok_line(item_id: str, comparison: Comparison, detail: str) -> str:
    head: dict[str, Any] = {"id": item_id, "status": "ok", "detail": detail}
    if detail == "full":
        return dumps({**head, **comparison_to_dict(comparison)}, indent=None)
    head["schema_version"] = SCHEMA_VERSION
    head["summary"] = _summary_data(comparison.summary)
    head["caveats"] = _caveats_data(comparison.caveats)
    derivative = comparison.derivative
    tail = {
        "wires": [{"doc_id": d.doc_id, "source": d.source} for d in comparison.wires],
        "derivative": {"doc_id": derivative.doc_id, "source": derivative.source},
    }
    if detail != "findings":
        return dumps({**head, **tail}, indent=None)
    # The findings and speakers, most of the record, are written as JSON text
    # directly (see _finding_json) and put between the head and the tail: the same
    # line as dumps() of the whole record, for half the work.
    findings = ",".join([_finding_json(f) for f in comparison.findings])
    speakers = ",".join([_speaker_json(s) for s in comparison.speakers])
    return (
        f'{dumps(head, indent=None)[:-1]},"findings":[{findings}],'
        f'"speakers":[{speakers}],{dumps(tail, indent=None)[1:]}'
    )


def _error_record(item_id: str, error: str, message: str) -> BatchRecord:
    data = {"id": item_id, "status": "error", "error": error, "message": message}
    return BatchRecord(item_id, "error", dumps(data, indent=None), error, message)


# --- the work ----------------------------------------------------------------------------


class _Task(NamedTuple):
    """One item on its way to a worker."""

    id: str
    derivative: object
    wire: _Wire


class _Result(NamedTuple):
    """What a worker sends back: the record's status, error, message and line."""

    status: str
    error: str | None
    message: str | None
    line: str


@attrs.frozen
class _Reading:
    """How files are read: as ``Document.from_path`` takes them."""

    encoding: str | None = None
    format: str | None = None
    max_bytes: int | None = None


@attrs.frozen
class _Setup:
    """What every worker needs, sent to it once.

    The options travel as the fields that differ from the defaults (the default
    word lists are rebuilt where the work runs rather than sent).
    """

    token: str
    wires: tuple[Document, ...] | None
    options: tuple[tuple[str, Any], ...]
    detail: str
    reading: _Reading


def _option_changes(options: CompareOptions) -> tuple[tuple[str, Any], ...]:
    defaults: dict[str, object] = {
        "alignment": AlignOptions(),
        "detectors": None,
        "lexicons": Lexicons.default(),
        "agencies": AgencyList.default(),
        "reporting": ReportingLexicon.default(),
    }
    changes = []
    for field in attrs.fields(CompareOptions):
        value = getattr(options, field.name)
        default = defaults.get(field.name, attrs.NOTHING)
        if value is default or value == default:
            continue
        changes.append((field.name, value))
    return tuple(changes)


def _read(
    value: object, role: str, reading: _Reading, agencies: AgencyList, doc_id: str | None
) -> Document:
    """One text, document or path, as a document (paths read as *reading* says)."""
    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        return Document.from_text(value, doc_id=doc_id or role, agencies=agencies)
    if isinstance(value, os.PathLike):
        return Document.from_path(
            os.fspath(value),
            encoding=reading.encoding,
            format=reading.format,
            agencies=agencies,
            max_bytes=reading.max_bytes,
        )
    msg = f"{role} must be text, a Document or a path, got {type(value).__name__}"
    raise InvalidOptionError(msg, option=role)


def _read_wires(value: _Wire, reading: _Reading, agencies: AgencyList) -> tuple[Document, ...]:
    given = list(value) if isinstance(value, tuple) else [value]
    if not given:
        msg = "no wire report was given"
        raise InvalidOptionError(msg, option="wire")
    roles = ["wire"] if len(given) == 1 else [f"wire {n + 1}" for n in range(len(given))]
    return tuple(
        _read(v, role, reading, agencies, None) for v, role in zip(given, roles, strict=True)
    )


class _Worker:
    """Compares items with the wire it was set up with; lives in each worker process.

    The batch's wire is prepared once (:class:`PreparedWire`), and so is each wire
    items bring by path or text (the last few are kept).
    """

    def __init__(
        self,
        setup: _Setup,
        options: CompareOptions | None = None,
        prepared: PreparedWire | None = None,
    ) -> None:
        self.options = options if options is not None else CompareOptions(**dict(setup.options))
        self.detail = setup.detail
        self.reading = setup.reading
        if prepared is None and setup.wires is not None:
            prepared = PreparedWire(setup.wires, self.options)
        self.wire = prepared
        self._wire_cache: collections.OrderedDict[object, PreparedWire] = collections.OrderedDict()
        self._lock = threading.Lock()  # Dask runs tasks on threads

    def _wires_of(self, task: _Task) -> PreparedWire:
        if task.wire is None:
            if self.wire is None:
                msg = f"item {task.id!r} has no wire, and the batch was given none"
                raise InvalidOptionError(msg, option="wire")
            return self.wire
        key = _wire_key(task.wire)
        if key is None:
            return self._prepare(task.wire)
        with self._lock:
            cached = self._wire_cache.get(key)
            if cached is not None:
                self._wire_cache.move_to_end(key)
                return cached
        cached = self._prepare(task.wire)
        with self._lock:
            self._wire_cache[key] = cached
            if len(self._wire_cache) > _WIRE_CACHE:
                self._wire_cache.popitem(last=False)
        return cached

    def _prepare(self, wire: _Wire) -> PreparedWire:
        wires = _read_wires(wire, self.reading, self.options.agencies)
        return PreparedWire(wires, self.options)

    def run(self, task: _Task) -> _Result:
        """Compare one item; any failure becomes an error result, never an exception."""
        try:
            wire = self._wires_of(task)
            derivative = _read(
                task.derivative, "derivative", self.reading, self.options.agencies, task.id
            )
            comparison = compare(wire, derivative)
            return _Result("ok", None, None, _ok_line(task.id, comparison, self.detail))
        except Exception as exc:  # noqa: BLE001 - one bad item must not stop the run
            record = _error_record(task.id, type(exc).__name__, str(exc) or repr(exc))
            return _Result("error", record.error, record.message, record.line)


def _wire_key(wire: _Wire) -> object:
    """A key to cache a parsed wire under: its path(s) or text; ``None`` for documents."""
    parts = wire if isinstance(wire, tuple) else (wire,)
    keys: list[tuple[str, str]] = []
    for part in parts:
        if isinstance(part, str):
            keys.append(("text", part))
        elif isinstance(part, os.PathLike):
            keys.append(("path", os.fspath(part)))
        else:
            return None
    return tuple(keys)


_WORKER: _Worker | None = None
_WORKER_GC_THRESHOLD: Final = 10_000
_DASK_WORKERS: dict[str, _Worker] = {}


def _init_worker(setup: _Setup) -> None:
    """Set a pool process up: the wire and options, once. Ctrl-C is the parent's."""
    global _WORKER  # noqa: PLW0603 - one worker per process, set up once
    import signal  # noqa: PLC0415

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = _Worker(setup)
    # What the worker holds from now on (the prepared wire, word lists, caches) is
    # never garbage: keep the collector from scanning it again after every item.
    gc.freeze()
    # A comparison makes tens of thousands of short-lived objects, nearly none in
    # cycles; collecting the youngest every 700 of them was 2.4% of a worker's time
    # (bench/batch.py items, measured in instructions). Every 10,000 costs a few
    # hundred kilobytes at most. Only this process's own setting: the pool is ours.
    gc.set_threshold(_WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def _work(task: _Task) -> _Result:
    """Compare one item in a pool process."""
    if _WORKER is None:  # pragma: no cover - the initializer always runs first
        msg = "the worker process was not set up"
        raise RuntimeError(msg)
    return _WORKER.run(task)


def _work_all(tasks: tuple[_Task, ...]) -> list[_Result]:
    """Compare several items in a pool process, in order."""
    return [_work(task) for task in tasks]


def _dask_work(setup: _Setup, task: _Task) -> _Result:
    """Compare one item on a Dask worker, setting the wire up once per process."""
    worker = _DASK_WORKERS.get(setup.token)
    if worker is None:
        _DASK_WORKERS.clear()  # an earlier batch's wire is no longer needed
        worker = _DASK_WORKERS[setup.token] = _Worker(setup)
    return worker.run(task)


def _crash(item_id: str) -> _Result:
    message = (
        "the worker process comparing this item died; tried again alone, it died again "
        "(out of memory, or killed)"
    )
    record = _error_record(item_id, _CRASH, message)
    return _Result("error", record.error, record.message, record.line)


# --- where the work runs -----------------------------------------------------------------


class _Backend(Protocol):
    """Runs tasks: in this process, on a local process pool, or on Dask."""

    @property
    def in_flight(self) -> int: ...

    def submit(self, seq: int, task: _Task) -> None: ...

    def completed(self) -> list[tuple[int, str, _Result]]:
        """Wait for at least one task; return every finished one (seq, id, result)."""
        ...

    def close(self) -> None: ...


class _InProcess:
    """``workers=1``: each task runs here, when its result is asked for."""

    def __init__(
        self, setup: _Setup, options: CompareOptions, prepared: PreparedWire | None
    ) -> None:
        # The caller's own options and prepared wire: nothing to send or redo.
        self._worker = _Worker(setup, options, prepared)
        self._queue: collections.deque[tuple[int, _Task]] = collections.deque()

    @property
    def in_flight(self) -> int:
        return len(self._queue)

    def submit(self, seq: int, task: _Task) -> None:
        self._queue.append((seq, task))

    def completed(self) -> list[tuple[int, str, _Result]]:
        seq, task = self._queue.popleft()
        return [(seq, task.id, self._worker.run(task))]

    def close(self) -> None:
        self._queue.clear()


class _Pool:
    """A local process pool; a worker that dies costs no finished result.

    Items go to the workers in chunks of up to :data:`_CHUNK` (fewer when the window
    is small: each worker gets about three chunks' worth), each chunk one task.

    When a worker dies, the pool breaks and every task in flight fails with it. The
    pool is started again and each item of those tasks is retried alone: one that
    kills its worker again is the culprit, and gets an error record. Results that
    came back before are kept; items of a chunk that was in flight are compared again.
    """

    def __init__(self, setup: _Setup, workers: int, window: int) -> None:
        self._setup = setup
        self._workers = workers
        self._chunk = max(1, min(_CHUNK, window // (3 * workers)))
        self._executor = self._start()
        self._futures: dict[cf.Future[list[_Result]], list[tuple[int, _Task]]] = {}
        self._pending: list[tuple[int, _Task]] = []  # the next chunk, not yet sent
        self._count = 0  # items in the chunks sent
        self._crashes = 0

    def _start(self) -> cf.ProcessPoolExecutor:
        # Imported here: they cost 30 ms of import time, and only pools need them.
        import concurrent.futures as cf  # noqa: PLC0415
        import multiprocessing  # noqa: PLC0415

        # "spawn" everywhere: forking a process that runs threads (a progress bar,
        # the pool's own) can deadlock, and fork is not the default everywhere.
        return cf.ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self._setup,),
        )

    def _restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    @property
    def in_flight(self) -> int:
        return self._count + len(self._pending)

    def submit(self, seq: int, task: _Task) -> None:
        self._pending.append((seq, task))
        if len(self._pending) >= self._chunk:
            self._send()

    def _send(self, parts: int = 1) -> None:
        """Send the pending items to the pool, as *parts* tasks of nearly equal size."""
        import concurrent.futures as cf  # noqa: PLC0415

        pending, self._pending = self._pending, []
        size = -(-len(pending) // parts)
        for start in range(0, len(pending), size):
            chunk = pending[start : start + size]
            future: cf.Future[list[_Result]]
            try:
                future = self._executor.submit(_work_all, tuple(task for _, task in chunk))
            except cf.BrokenExecutor as exc:  # it broke since the last results came in
                future = cf.Future()
                future.set_exception(exc)
            self._futures[future] = chunk
            self._count += len(chunk)

    def _collect(
        self, futures: Iterable[cf.Future[list[_Result]]]
    ) -> tuple[list[tuple[int, str, _Result]], list[tuple[int, _Task]]]:
        import concurrent.futures as cf  # noqa: PLC0415

        finished: list[tuple[int, str, _Result]] = []
        lost: list[tuple[int, _Task]] = []
        for future in futures:
            chunk = self._futures.pop(future)
            self._count -= len(chunk)
            try:
                results = future.result()
            except cf.BrokenExecutor:
                lost.extend(chunk)
                continue
            finished.extend(
                (seq, task.id, result) for (seq, task), result in zip(chunk, results, strict=True)
            )
        return finished, lost

    def completed(self) -> list[tuple[int, str, _Result]]:
        import concurrent.futures as cf  # noqa: PLC0415

        if self._pending:  # the run waits for results: send what there is, to all
            self._send(parts=self._workers)
        done, _ = cf.wait(self._futures, return_when=cf.FIRST_COMPLETED)
        finished, lost = self._collect(done)
        if finished:
            self._crashes = 0
        if lost:
            # A broken pool fails every task in flight: gather them all, then retry
            # each alone in a new pool.
            rest, _ = cf.wait(self._futures)
            more, more_lost = self._collect(rest)
            finished += more
            self._restart()
            for seq, task in sorted(lost + more_lost):
                finished.append((seq, task.id, self._alone(task)))
        return finished

    def _alone(self, task: _Task) -> _Result:
        import concurrent.futures as cf  # noqa: PLC0415

        try:
            result = self._executor.submit(_work, task).result()
        except cf.BrokenExecutor:
            self._crashes += 1
            if self._crashes >= _CRASHES_IN_A_ROW:
                msg = (
                    f"worker processes died {self._crashes} times in a row, each on "
                    "its own item, so they cannot start or run here: a script that "
                    "starts workers must run its code under 'if __name__ == "
                    '"__main__":\', and the machine may be out of memory'
                )
                raise SourceCompareError(msg) from None
            self._restart()
            return _crash(task.id)
        self._crashes = 0
        return result

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()
        self._pending.clear()
        self._count = 0


def _distributed() -> Any:  # noqa: ANN401 - the module, untyped without the extra
    try:
        import distributed  # noqa: PLC0415 - optional extra, imported only when needed
    except ImportError:
        msg = "running on Dask needs the 'dask' extra: pip install \"sourcecompare[dask]\""
        raise MissingDependencyError(msg, extra="dask") from None
    return distributed


class _Dask:
    """Tasks on a Dask cluster: the setup is scattered to every worker once."""

    def __init__(self, client: Any, setup: _Setup, *, own: bool) -> None:  # noqa: ANN401
        self._dist = _distributed()
        self._client = client
        self._own = own
        self._prefix = f"sourcecompare-batch-{setup.token}"
        self._setup = client.scatter(setup, broadcast=True, hash=False)
        self._futures: dict[Any, tuple[int, _Task]] = {}

    @property
    def threads(self) -> int:
        return max(1, int(sum(self._client.nthreads().values())))

    @property
    def in_flight(self) -> int:
        return len(self._futures)

    def submit(self, seq: int, task: _Task) -> None:
        future = self._client.submit(
            _dask_work, self._setup, task, key=f"{self._prefix}-{seq}", pure=False
        )
        self._futures[future] = (seq, task)

    def completed(self) -> list[tuple[int, str, _Result]]:
        done, _ = self._dist.wait(list(self._futures), return_when="FIRST_COMPLETED")
        finished = []
        for future in done:
            seq, task = self._futures.pop(future)
            try:
                result: _Result = future.result()
            except self._dist.KilledWorker:
                result = _crash(task.id)
            except Exception as exc:  # noqa: BLE001 - reported in the record
                record = _error_record(task.id, type(exc).__name__, str(exc) or repr(exc))
                result = _Result("error", record.error, record.message, record.line)
            future.release()
            finished.append((seq, task.id, result))
        return finished

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._client.cancel(list(self._futures))
        self._futures.clear()
        with contextlib.suppress(Exception):
            self._setup.release()
        if self._own:
            self._client.close()


# --- the run -----------------------------------------------------------------------------


class _Skipped:
    """An item already in the output: counted, not compared."""


_SKIPPED: Final = _Skipped()
_END: Final = object()


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _positive(value: object, name: str) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        msg = f"{name!r} must be a positive whole number, got {value!r}"
        raise InvalidOptionError(msg, option=name)


@attrs.frozen
class _Plan:
    """Everything a run needs, checked before anything runs."""

    setup: _Setup
    options: CompareOptions
    prepared: PreparedWire | None
    workers: int
    client: Any
    scheduler: str | None
    window: int | None
    ordered: bool
    total: int | None

    def backend(self) -> tuple[_Backend, int]:
        """Start where the work runs; return it and how many tasks may be in flight."""
        if self.client is not None or self.scheduler is not None:
            client, own = self.client, False
            if client is None:
                client, own = _distributed().Client(self.scheduler), True
            dask = _Dask(client, self.setup, own=own)
            return dask, self.window or _WINDOW_PER_WORKER * dask.threads
        if self.workers == 1:
            return _InProcess(self.setup, self.options, self.prepared), 1
        window = self.window or _WINDOW_PER_WORKER * _CHUNK * self.workers
        return _Pool(self.setup, self.workers, window), window


def _plan(
    wire: _Wire,
    derivatives: Iterable[object],
    *,
    options: CompareOptions | None,
    detail: str,
    workers: int | None,
    client: object,
    scheduler: str | None,
    ordered: bool,
    window: int | None,
    reading: _Reading,
) -> _Plan:
    prepared = wire if isinstance(wire, PreparedWire) else None
    if prepared is not None:
        if options is not None and options is not prepared.options and options != prepared.options:
            msg = "the wire was prepared with other options; pass no options, or the same"
            raise InvalidOptionError(msg, option="options")
        options = prepared.options
    opts: object = options if options is not None else CompareOptions()
    if not isinstance(opts, CompareOptions):
        msg = f"'options' must be CompareOptions, got {type(opts).__name__}"
        raise InvalidOptionError(msg, option="options")
    if detail not in DETAILS:
        msg = f"'detail' must be one of {', '.join(DETAILS)}, got {detail!r}"
        raise InvalidOptionError(msg, option="detail")
    _positive(workers, "workers")
    _positive(window, "window")
    if client is not None and scheduler is not None:
        msg = "give a Dask 'client' or a 'scheduler' address, not both"
        raise InvalidOptionError(msg, option="scheduler")
    if (client is not None or scheduler is not None) and workers is not None:
        msg = "'workers' is for the local process pool; Dask has its own workers"
        raise InvalidOptionError(msg, option="workers")
    if scheduler is not None or client is not None:
        _distributed()  # fail now, not after the wire is read
    total = len(derivatives) if isinstance(derivatives, Sized) else None
    count = workers if workers is not None else _cpus()
    if total is not None:
        count = max(1, min(count, total))
    if prepared is not None:
        wires: tuple[Document, ...] | None = prepared.wires
    else:
        wires = None if wire is None else _read_wires(_wire_value(wire), reading, opts.agencies)
    setup = _Setup(
        token=uuid.uuid4().hex,
        wires=wires,
        options=_option_changes(opts),
        detail=detail,
        reading=reading,
    )
    if count > 1 and client is None and scheduler is None:
        import pickle  # noqa: PLC0415 - only pools need it

        try:
            pickle.dumps(setup)
        except Exception as exc:  # noqa: BLE001 - any pickling failure means the same
            msg = (
                f"the wire and options cannot be sent to worker processes ({exc}); "
                "use workers=1, or detectors defined in an importable module"
            )
            raise InvalidOptionError(msg, option="options") from None
    return _Plan(setup, opts, prepared, count, client, scheduler, window, ordered, total)


def _events(
    plan: _Plan, derivatives: Iterable[object], skip: Iterable[str]
) -> Generator[object, None, None]:
    """Run *plan*: yield a :class:`BatchRecord` per item, or ``_SKIPPED`` when done before.

    An id's first ``skip[id]`` occurrences are skipped; a later occurrence of an id
    seen before is a duplicate (an error record).
    """
    done = collections.Counter(skip)
    seen: collections.Counter[str] = collections.Counter()
    backend, window = plan.backend()
    waiting: dict[int, BatchRecord] = {}  # finished, held back for input order
    next_out = 0
    seq = 0

    def release(number: int, record: BatchRecord) -> Iterator[BatchRecord]:
        nonlocal next_out
        if not plan.ordered:
            yield record
            return
        waiting[number] = record
        while next_out in waiting:
            yield waiting.pop(next_out)
            next_out += 1

    source = iter(derivatives)
    exhausted = False
    try:
        while True:
            while not exhausted and backend.in_flight + len(waiting) < window:
                value = next(source, _END)
                if value is _END:
                    exhausted = True
                    break
                item = _as_item(value)
                seen[item.id] += 1
                if seen[item.id] <= done[item.id]:
                    yield _SKIPPED
                    continue
                if item.error is not None:
                    error = item.error
                    record = _error_record(item.id, type(error).__name__, str(error))
                elif seen[item.id] > 1:
                    msg = f"the id {item.id!r} was given before; it is compared once"
                    record = _error_record(item.id, "InputError", msg)
                else:
                    backend.submit(seq, _Task(item.id, item.derivative, item.wire))
                    seq += 1
                    continue
                yield from release(seq, record)
                seq += 1
            if backend.in_flight == 0:
                if exhausted:
                    return
                continue
            for number, item_id, result in backend.completed():
                status, error_name, message, line = result
                yield from release(number, BatchRecord(item_id, status, line, error_name, message))
    finally:
        backend.close()


@contextlib.contextmanager
def _progress(show: bool | None, total: int | None) -> Iterator[Callable[[object], None]]:
    """A progress bar on standard error while the run lasts; yields ``advance(event)``.

    Shown when *show* is true, or when it is ``None`` and standard error is a
    terminal. It never touches standard output, which may be carrying JSON.
    """
    if show is False:
        yield lambda _event: None
        return
    from rich.console import Console  # noqa: PLC0415 - only for the progress bar
    from rich.progress import (  # noqa: PLC0415
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    if show is None and not console.is_terminal:
        yield lambda _event: None
        return
    bar = Progress(
        TextColumn("comparing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[errors]} errors, {task.fields[skipped]} skipped"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    task = bar.add_task("comparing", total=total, errors=0, skipped=0)
    counts = {"errors": 0, "skipped": 0}

    def advance(event: object) -> None:
        if event is _SKIPPED:
            counts["skipped"] += 1
        elif isinstance(event, BatchRecord) and not event.ok:
            counts["errors"] += 1
        bar.update(task, advance=1, errors=counts["errors"], skipped=counts["skipped"])

    with bar:
        yield advance


def compare_many(
    wire: PreparedWire | TextOrDocument | Sequence[TextOrDocument] | None,
    derivatives: Iterable[object],
    *,
    options: CompareOptions | None = None,
    detail: str = _DEFAULT_DETAIL,
    workers: int | None = None,
    client: object = None,
    scheduler: str | None = None,
    ordered: bool = True,
    window: int | None = None,
    skip: Iterable[str] = (),
    progress: bool | None = None,
    encoding: str | None = None,
    format: str | None = None,  # noqa: A002 - as in Document.from_path
    max_bytes: int | None = None,
) -> Iterator[BatchRecord]:
    """Compare many derivatives with a wire report; yield one record per derivative.

    The wire is read at once; the derivatives are read and compared as the records
    are asked for, on *workers* processes (see the module docs for the forms an item
    takes, the records, their order and what happens on failures).

    Args:
        wire: The wire report (text, :class:`~sourcecompare.Document` or path), or
            several, as :func:`~sourcecompare.compare` takes it; or a
            :class:`~sourcecompare.PreparedWire`, whose options are then the run's;
            ``None`` when every item brings its own wire. Each worker prepares the
            wire once (and each wire that items bring by path or text).
        derivatives: The items: paths, ``(id, text)`` or ``(id, wire, derivative)``
            tuples, documents with a ``doc_id``, JSON Lines records or
            :class:`BatchItem` objects. Any iterable: it is read as the run goes.
        options: What to align and detect with; :class:`~sourcecompare.CompareOptions`
            defaults (or those of a prepared *wire*, when none or the same are
            given). With worker processes they must be picklable.
        detail: What an ``ok`` record holds: ``"summary"``, ``"findings"`` (the
            default) or ``"full"``.
        workers: Processes on this machine; one per CPU by default (no more than
            there are items), and ``1`` runs in this process.
        client: A ``distributed.Client`` to run on instead (the ``dask`` extra).
        scheduler: The address of a Dask scheduler to run on instead
            (``"tcp://host:8786"``).
        ordered: Records in input order (the default), or as they finish.
        window: How many items may be in flight at once; by default four per worker
            on Dask, 32 per worker on a local pool (which sends them eight at a time).
        skip: Ids already done: an id given *n* times skips its first *n*
            occurrences (:func:`run_batch` passes the ids its output holds).
        progress: Show a progress bar on standard error: ``None`` (the default)
            shows it when standard error is a terminal.
        encoding: The encoding of the files read (default: detected).
        format: ``"text"``, ``"markdown"`` or ``"html"`` (default: from the suffix).
        max_bytes: Refuse files larger than this (default
            :data:`~sourcecompare.DEFAULT_MAX_BYTES`).

    Returns:
        An iterator of :class:`BatchRecord`; nothing runs until it is iterated.
        Closing it early stops the workers.

    Raises:
        InputError: The wire cannot be read (raised here, before any derivative).
        InvalidOptionError: An option is out of range, an item has a form that is
            not accepted or no id (raised when it is reached), or the options cannot
            be sent to worker processes.
        MissingDependencyError: *client* or *scheduler* without the ``dask`` extra.

    .. versionadded:: 0.1
    """
    plan = _plan(
        wire,
        derivatives,
        options=options,
        detail=detail,
        workers=workers,
        client=client,
        scheduler=scheduler,
        ordered=ordered,
        window=window,
        reading=_Reading(encoding, format, max_bytes),
    )
    return _records(plan, derivatives, skip, progress)


def _records(
    plan: _Plan, derivatives: Iterable[object], skip: Iterable[str], progress: bool | None
) -> Iterator[BatchRecord]:
    events = _events(plan, derivatives, skip)
    with contextlib.closing(events), _progress(progress, plan.total) as advance:
        for event in events:
            advance(event)
            if isinstance(event, BatchRecord):
                yield event


# --- the output file ---------------------------------------------------------------------


@attrs.frozen
class BatchStats:
    """What :func:`run_batch` did.

    Attributes:
        out: Where the records went (the path, or ``"<stream>"``).
        ok: Items compared by this run.
        errors: Error records written by this run.
        skipped: Items skipped because the output already held them.
        earlier_errors: Error records the output held when the run started.
        seconds: How long the run took.

    .. versionadded:: 0.1
    """

    out: str
    ok: int
    errors: int
    skipped: int
    earlier_errors: int
    seconds: float

    @property
    def failed(self) -> int:
        """Error records in the output: written by this run or an earlier one."""
        return self.errors + self.earlier_errors


class _Output:
    """The JSON Lines output: locked, read back when resuming, appended to line by line."""

    def __init__(self, out: str | os.PathLike[str] | IO[str], *, fsync: bool) -> None:
        self.done: collections.Counter[str] = collections.Counter()
        self.errors = 0
        self._fsync = fsync
        self._fd: int | None = None
        self._stream: IO[str] | None = None
        if isinstance(out, (str, os.PathLike)):
            self.path: Path | None = Path(out)
            self.name = str(self.path)
        else:
            self.path, self.name, self._stream = None, "<stream>", out

    def open(self, *, resume: bool, detail: str) -> None:
        """Open (creating it), lock, and read back or empty the output file.

        Raises:
            InvalidOptionError: The file cannot be written, another run holds it, or
                it is not a batch output written with the same *detail*.
        """
        if self.path is None:
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
        try:
            self._fd = os.open(self.path, flags, 0o666)
        except OSError as exc:
            msg = f"cannot write {self.name!r}: {exc.strerror or exc}"
            raise InvalidOptionError(msg, option="out") from None
        self._lock()
        if resume:
            end = self._scan(detail)
            os.ftruncate(self._fd, end)  # cut a torn last line off
        else:
            os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_END)

    def _lock(self) -> None:
        try:
            import fcntl  # noqa: PLC0415 - POSIX only
        except ImportError:  # pragma: no cover - Windows: no lock
            return
        assert self._fd is not None  # noqa: S101 - opened just before
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.close()
            msg = f"another run is writing {self.name!r}"
            raise InvalidOptionError(msg, option="out") from None

    def _scan(self, detail: str) -> int:
        """Collect the ids of the records already written; return where they end."""
        assert self.path is not None  # noqa: S101 - only files are scanned
        end = 0
        with self.path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.endswith(b"\n"):
                    break  # torn: the last run was killed while writing it
                item_id, status, written = self._head(raw, number)
                if written is not None and written != detail:
                    self.close()
                    msg = (
                        f"{self.name!r} holds records written with detail={written!r}; "
                        f"resume with the same detail, or start over"
                    )
                    raise InvalidOptionError(msg, option="detail")
                self.done[item_id] += 1
                self.errors += status == "error"
                end += len(raw)
        return end

    def _head(self, raw: bytes, number: int) -> tuple[str, str, str | None]:
        """The id, status and detail of one line; a full parse only when needed."""
        match = _RECORD_HEAD_RE.match(raw)
        if match is not None:
            found = json.loads(match.group(1))
            detail = match.group(3)
            return found, match.group(2).decode(), None if detail is None else detail.decode()
        try:
            record = BatchRecord.from_line(raw)
        except (InputError, UnicodeDecodeError):
            self.close()
            msg = (
                f"line {number} of {self.name!r} is not a batch record; give another "
                "output file, or start over (resume=False, --restart)"
            )
            raise InvalidOptionError(msg, option="out") from None
        detail = record.to_dict().get("detail") if record.ok else None
        return record.id, record.status, detail if isinstance(detail, str) else None

    def write(self, line: str) -> None:
        """Write one record and flush it (and sync it to disk when asked)."""
        if self._stream is not None:
            self._stream.write(line + "\n")
            self._stream.flush()
            return
        assert self._fd is not None  # noqa: S101 - opened before writing
        data = memoryview((line + "\n").encode("ascii"))
        while data:
            written = os.write(self._fd, data)
            data = data[written:]
        if self._fsync:
            os.fsync(self._fd)

    def close(self) -> None:
        """Sync the file to disk and close it."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None


def run_batch(
    wire: PreparedWire | TextOrDocument | Sequence[TextOrDocument] | None,
    derivatives: Iterable[object],
    out: str | os.PathLike[str] | IO[str],
    *,
    resume: bool = True,
    fsync: bool = False,
    options: CompareOptions | None = None,
    detail: str = _DEFAULT_DETAIL,
    workers: int | None = None,
    client: object = None,
    scheduler: str | None = None,
    ordered: bool = True,
    window: int | None = None,
    progress: bool | None = None,
    encoding: str | None = None,
    format: str | None = None,  # noqa: A002 - as in Document.from_path
    max_bytes: int | None = None,
) -> BatchStats:
    """Compare many derivatives with a wire report, writing the records to JSON Lines.

    Takes the arguments of :func:`compare_many`, and writes each record to *out* as
    one line, flushed as soon as it is written (so killing the run loses only the
    items in flight). When *out* exists and *resume* is true, the items it already
    holds are skipped, a torn last line is cut off, and the new records are appended:
    running the same batch again finishes it, with no record missing and none twice.

    Args:
        wire: As for :func:`compare_many`.
        derivatives: As for :func:`compare_many`.
        out: The output file, or an open text stream (which cannot be resumed).
        resume: Skip what *out* already holds (the default); false starts over.
        fsync: Sync the file to disk after every record, so that records survive
            a power cut too (slower); by default the file is synced once, at the
            end, and records survive the run being killed.
        options: As for :func:`compare_many`.
        detail: As for :func:`compare_many`; a resumed file must have been
            written with the same detail.
        workers: As for :func:`compare_many`.
        client: As for :func:`compare_many`.
        scheduler: As for :func:`compare_many`.
        ordered: As for :func:`compare_many`.
        window: As for :func:`compare_many`.
        progress: As for :func:`compare_many`.
        encoding: As for :func:`compare_many`.
        format: As for :func:`compare_many`.
        max_bytes: As for :func:`compare_many`.

    Returns:
        The :class:`BatchStats` of the run.

    Raises:
        InputError: The wire cannot be read.
        InvalidOptionError: As for :func:`compare_many`; also when *out* cannot be
            written, another run is writing it, or it is not a batch output (or was
            written with another *detail*).
        MissingDependencyError: *client* or *scheduler* without the ``dask`` extra.

    .. versionadded:: 0.1
    """
    started = time.perf_counter()
    plan = _plan(
        wire,
        derivatives,
        options=options,
        detail=detail,
        workers=workers,
        client=client,
        scheduler=scheduler,
        ordered=ordered,
        window=window,
        reading=_Reading(encoding, format, max_bytes),
    )
    output = _Output(out, fsync=fsync)
    output.open(resume=resume, detail=detail)
    ok = errors = skipped = 0
    events = _events(plan, derivatives, output.done)
    try:
        with contextlib.closing(events), _progress(progress, plan.total) as advance:
            for event in events:
                if isinstance(event, BatchRecord):
                    output.write(event.line)
                    ok += event.ok
                    errors += not event.ok
                else:
                    skipped += 1
                advance(event)
    finally:
        output.close()
    return BatchStats(
        out=output.name,
        ok=ok,
        errors=errors,
        skipped=skipped,
        earlier_errors=output.errors,
        seconds=time.perf_counter() - started,
    )
