"""JSON for comparisons: writing a :class:`~sourcecompare.Comparison` and reading it back.

:func:`comparison_to_dict` turns a comparison into plain data (objects, lists,
strings, numbers), :func:`dumps` writes that as JSON text; :func:`loads` parses JSON
text and :func:`comparison_from_dict` rebuilds an equal comparison from the data.
``Comparison.to_json`` and ``Comparison.from_json`` call them.

The data holds, besides its ``schema_version``: the options, the summary, the
caveats (written, not read: they follow from the documents), the findings, the
speakers, one alignment entry per derivative segment, one entry per wire sentence, and
the documents themselves. Every span is a ``{"start", "end"}`` pair
of character offsets into a document's original text. A document is written whole
(its text, and its furniture, paragraphs and segments as spans); reading recomputes
the slices of text and the tokens from the text, and checks every offset, index and
token range against what it points into, so the result is either an equal comparison
or an :class:`~sourcecompare.InputError` that names the field at fault
(``findings[3].severity: expected one of low, medium, high, got 'x'``).

Options that are objects rather than data (a custom similarity, custom detectors,
lexicons, agencies, reporting cues or equivalents) are recorded by name or as
``"custom"``; reading restores the built-in ones. Background term frequencies are
data and are written whole.

``schema_version`` is ``"MAJOR.MINOR"``. A new minor version only adds fields, and a
reader ignores fields it does not know; a new major version changes or removes fields,
and a reader refuses a major version other than its own. :func:`schema` returns the
JSON Schema (draft 2020-12) of the current version, which ships with the package.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar

import attrs

from sourcecompare._align import Alignment as _Alignment
from sourcecompare._align import (
    AlignmentLabel,
    AlignOptions,
    EditOp,
    SegmentAlignment,
    SourceMatch,
    TermStats,
    WireFate,
    WireSentenceAlignment,
    WordLink,
)
from sourcecompare._attribution import ReportingLexicon, SourceKind
from sourcecompare._comparison import (
    CompareOptions,
    Comparison,
    SpeakerFate,
    SpeakerOutcome,
    Summary,
)
from sourcecompare._documents import Document, Paragraph, ParagraphKind, Segment, SegmentKind
from sourcecompare._findings import Finding, Severity
from sourcecompare._furniture import (
    AgencyCredit,
    AgencyList,
    Byline,
    Dateline,
    Furniture,
    FurnitureKind,
)
from sourcecompare._keys import Equivalents
from sourcecompare._lexicon import load_json
from sourcecompare._lexicons import Lexicons
from sourcecompare._spans import Span
from sourcecompare._tokens import tokenize
from sourcecompare.exceptions import InputError

if TYPE_CHECKING:
    from sourcecompare._caveats import Caveat

__all__ = [
    "SCHEMA_VERSION",
    "comparison_from_dict",
    "comparison_to_dict",
    "dumps",
    "loads",
    "schema",
]

SCHEMA_VERSION: Final = "1.0"
"""The version of the JSON written: ``"MAJOR.MINOR"`` (see the module docs)."""

_MAJOR: Final = int(SCHEMA_VERSION.split(".")[0])
_VERSION_RE: Final = re.compile(r"(?P<major>\d+)\.(?P<minor>\d+)")
_SCHEMA_FILE: Final = "comparison.schema.json"

# AlignOptions fields written as they are; the others (similarity, background,
# equivalents) are objects, handled one by one.
_ALIGN_NUMBERS: Final = (
    "supported",
    "partial",
    "min_gain",
    "verbatim",
    "edited",
    "kept",
    "omitted",
    "background_weight",
    "function_word_weight",
    "weight_power",
    "run_penalty",
    "number_penalty",
    "negation_penalty",
)
_ALIGN_COUNTS: Final = ("max_sources", "max_candidates")
_DEFAULT: Final = "default"
_CUSTOM: Final = "custom"
_RECORDED: Final = (_DEFAULT, _CUSTOM)
_EDIT_OPS: Final = ("equal", "replace", "insert", "delete")
_LINK_KINDS: Final = ("exact", "form", "equivalent")

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`comparison_to_dict`'s output.

    A fresh copy of ``sourcecompare/data/comparison.schema.json`` on every call.

    .. versionadded:: 0.1
    """
    return copy.deepcopy(load_json(_SCHEMA_FILE))


def dumps(data: Any, indent: int | None = 2) -> str:  # noqa: ANN401 - any JSON-ready data
    r"""Write JSON-ready *data* as JSON text, the same for the same data.

    Keys keep their order; every character outside ASCII is escaped (as ``\u00e9``), so
    the output is plain ASCII, safe to write in any encoding, and text holding lone
    surrogates survives. With *indent* ``None`` the output is one compact line (for
    JSON Lines).

    Raises:
        ValueError: *data* holds a NaN or an infinity, which JSON cannot represent.

    .. versionadded:: 0.1
    """
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(data, indent=indent, separators=separators, allow_nan=False)


def _refuse_constant(name: str) -> NoReturn:
    msg = f"{name} is not a JSON number"
    raise ValueError(msg)


def loads(text: str | bytes) -> Any:  # noqa: ANN401 - the shape is checked by the caller
    """Parse JSON text (a string, or bytes in UTF-8, UTF-16 or UTF-32).

    Raises:
        InputError: The text is not JSON (the message says where it goes wrong), or
            uses the non-standard ``NaN`` and ``Infinity``.

    .. versionadded:: 0.1
    """
    given: object = text
    if not isinstance(given, (str, bytes, bytearray)):
        msg = f"expected JSON text as str or bytes, got {type(given).__name__}"
        raise InputError(msg)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise InputError(msg) from None
    except (ValueError, RecursionError) as exc:  # bad bytes, NaN, absurd nesting
        msg = f"not valid JSON: {exc}"
        raise InputError(msg) from None


# --- writing -----------------------------------------------------------------------------


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data, with a ``schema_version``.

    Spans are character offsets into the original texts. The alignment options are
    taken from ``comparison.options`` (which :func:`~sourcecompare.compare` also gives
    the alignment).

    .. versionadded:: 0.1
    """
    alignment = comparison.alignment
    return {
        "schema_version": SCHEMA_VERSION,
        "options": _options_data(comparison.options),
        "summary": _summary_data(comparison.summary),
        "caveats": _caveats_data(comparison.caveats),
        "findings": [_finding_data(f) for f in comparison.findings],
        "speakers": [_speaker_data(s) for s in comparison.speakers],
        "alignment": [_segment_alignment_data(alignment, e) for e in alignment.segments],
        "wire_sentences": [_wire_sentence_data(alignment, e) for e in alignment.wire_sentences],
        "wires": [_document_data(doc) for doc in alignment.wires],
        "derivative": _document_data(alignment.derivative),
    }


def _caveats_data(caveats: Iterable[Caveat]) -> list[dict[str, Any]]:
    """The caveats as JSON-ready data: ``code``, ``wire`` (``null``: the derivative), ``message``.

    Reading a comparison back recomputes them from the documents, so they are written
    for other readers only.
    """
    return [{"code": c.code.value, "wire": c.wire, "message": c.message} for c in caveats]


def _span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def _spans(spans: Iterable[Span]) -> list[dict[str, int]]:
    return [_span(s.start, s.end) for s in spans]


def _token_offsets(segment: Segment, first: int, last: int) -> tuple[int, int]:
    """Character offsets of tokens ``first`` to ``last`` (exclusive) of *segment*.

    An empty range is the point before token ``first`` (or the segment's end).
    """
    tokens = segment.tokens
    if first < last:
        return tokens[first].start, tokens[last - 1].end
    point = tokens[first].start if first < len(tokens) else segment.end
    return point, point


def _tokens(segment: Segment, token_range: tuple[int, int]) -> dict[str, int]:
    first, last = token_range
    start, end = _token_offsets(segment, first, last)
    return {"first": first, "last": last, **_span(start, end)}


def _counts(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    return dict(pairs)


def _named(value: object, default: object) -> str:
    return _DEFAULT if value == default else _CUSTOM


def _options_data(options: CompareOptions) -> dict[str, Any]:
    align = options.alignment
    background = align.background
    return {
        "alignment": {
            "measure": align.measure,
            **{name: getattr(align, name) for name in _ALIGN_NUMBERS},
            **{name: getattr(align, name) for name in _ALIGN_COUNTS},
            "similarity": (
                None
                if align.similarity is None
                else str(getattr(align.similarity, "name", type(align.similarity).__name__))
            ),
            "equivalents": _named(align.equivalents, Equivalents.default()),
            "background": (
                None
                if background is None
                else {
                    "documents": background.documents,
                    "frequencies": dict(sorted(background.frequencies.items())),
                }
            ),
        },
        "detectors": None if options.detector_names is None else list(options.detector_names),
        "lexicons": _named(options.lexicons, Lexicons.default()),
        "agencies": _named(options.agencies, AgencyList.default()),
        "reporting": _named(options.reporting, ReportingLexicon.default()),
    }


def _summary_data(summary: Summary) -> dict[str, Any]:
    return {
        "wire_kept": summary.wire_kept,
        "derivative_supported": summary.derivative_supported,
        "verbatim": summary.verbatim,
        "wire_fates": _counts(summary.wire_fates),
        "derivative_labels": _counts(summary.derivative_labels),
        "speakers_kept": list(summary.speakers_kept),
        "speakers_dropped": list(summary.speakers_dropped),
        "by_kind": _counts(summary.by_kind),
        "by_severity": _counts(summary.by_severity),
    }


def _finding_data(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "severity": finding.severity.value,
        "message": finding.message,
        "wire": finding.wire,
        "derivative_spans": _spans(finding.derivative_spans),
        "wire_spans": _spans(finding.wire_spans),
        "derivative_segments": list(finding.derivative_segments),
        "wire_segments": list(finding.wire_segments),
        "scores": dict(finding.scores),
        "detector": finding.detector,
    }


def _speaker_data(speaker: SpeakerOutcome) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "kind": speaker.kind.value,
        "fate": speaker.fate.value,
        "wire": speaker.wire,
        "statements": speaker.statements,
        "wire_spans": _spans(speaker.wire_spans),
        "derivative_segments": list(speaker.derivative_segments),
        "derivative_spans": _spans(speaker.derivative_spans),
        "credited_to": list(speaker.credited_to),
        "carried": [{"fate": fate.value, "count": count} for fate, count in speaker.carried],
    }


# Batch records write every finding and speaker of every comparison, so they are
# written straight to JSON text here: building their dictionaries and walking them
# with the encoder cost twice as much. Each writes exactly what ``dumps(_finding_data(
# finding), indent=None)`` (or ``_speaker_data``) writes; a value of a type these do
# not expect (a span offset that is not an int, a message that is not a string, a
# score that is infinite) sends the object the long way, to the same text or error.
_string: Final = json.encoder.encode_basestring_ascii  # what dumps writes strings with


class _UnexpectedValueError(Exception):
    """A value :func:`_finding_json` or :func:`_speaker_json` does not write itself."""


def _ints_json(values: Iterable[int]) -> str:
    return ",".join(map(str, values))


def _spans_json(spans: Sequence[Span]) -> str:
    if not spans:  # most are
        return ""
    parts = []
    for span in spans:
        start, end = span.start, span.end
        if start.__class__ is not int or end.__class__ is not int:
            raise _UnexpectedValueError
        parts.append(f'{{"start":{start},"end":{end}}}')
    return ",".join(parts)


def _finding_json(finding: Finding) -> str:
    """``dumps(_finding_data(finding), indent=None)``, written directly."""
    try:
        wire = finding.wire
        scores = dict(finding.scores)
        if wire.__class__ is not int or not all(map(math.isfinite, scores.values())):
            raise _UnexpectedValueError  # noqa: TRY301 - the same way out as the helpers'
        # Scores are floats (converted), written as the encoder does: their repr.
        score_text = ",".join([f"{_string(k)}:{v!r}" for k, v in scores.items()])
        return (
            f'{{"kind":{_string(finding.kind)},"severity":{_string(finding.severity)},'
            f'"message":{_string(finding.message)},"wire":{wire},'
            f'"derivative_spans":[{_spans_json(finding.derivative_spans)}],'
            f'"wire_spans":[{_spans_json(finding.wire_spans)}],'
            f'"derivative_segments":[{_ints_json(finding.derivative_segments)}],'
            f'"wire_segments":[{_ints_json(finding.wire_segments)}],'
            f'"scores":{{{score_text}}},"detector":{_string(finding.detector)}}}'
        )
    except (_UnexpectedValueError, TypeError):
        return dumps(_finding_data(finding), indent=None)


def _speaker_json(speaker: SpeakerOutcome) -> str:
    """``dumps(_speaker_data(speaker), indent=None)``, written directly."""
    try:
        wire, statements = speaker.wire, speaker.statements
        if wire.__class__ is not int or statements.__class__ is not int:
            raise _UnexpectedValueError  # noqa: TRY301 - the same way out as the helpers'
        carried = ",".join(
            [f'{{"fate":{_string(fate)},"count":{count}}}' for fate, count in speaker.carried]
        )
        credited = ",".join([_string(name) for name in speaker.credited_to])
        return (
            f'{{"name":{_string(speaker.name)},"kind":{_string(speaker.kind)},'
            f'"fate":{_string(speaker.fate)},"wire":{wire},"statements":{statements},'
            f'"wire_spans":[{_spans_json(speaker.wire_spans)}],'
            f'"derivative_segments":[{_ints_json(speaker.derivative_segments)}],'
            f'"derivative_spans":[{_spans_json(speaker.derivative_spans)}],'
            f'"credited_to":[{credited}],"carried":[{carried}]}}'
        )
    except (_UnexpectedValueError, TypeError):
        return dumps(_speaker_data(speaker), indent=None)


def _segment_alignment_data(alignment: _Alignment, entry: SegmentAlignment) -> dict[str, Any]:
    segment = alignment.derivative_segment(entry)
    return {
        "segment": entry.segment,
        **_span(segment.start, segment.end),
        "label": entry.label.value,
        "support": entry.support,
        "sources": [_source_data(alignment, segment, s) for s in entry.sources],
        "links": [_link_data(alignment, segment, link) for link in entry.links],
        "new": [_tokens(segment, r) for r in entry.new],
    }


def _source_data(alignment: _Alignment, segment: Segment, source: SourceMatch) -> dict[str, Any]:
    wire_segment = alignment.wire_segment(source)
    return {
        "wire": source.wire,
        "segment": source.segment,
        **_span(wire_segment.start, wire_segment.end),
        "score": source.score,
        "contribution": source.contribution,
        "similarity": source.similarity,
        "wire_coverage": source.wire_coverage,
        "order": source.order,
        "edits": [
            {
                "op": edit.op,
                "derivative": _tokens(segment, edit.derivative),
                "wire": _tokens(wire_segment, edit.wire),
            }
            for edit in source.edits
        ],
        "dropped": [_tokens(wire_segment, r) for r in source.dropped],
    }


def _link_data(alignment: _Alignment, segment: Segment, link: WordLink) -> dict[str, Any]:
    return {
        "derivative": _tokens(segment, link.derivative),
        "wire": link.wire,
        "wire_segment": link.wire_segment,
        "wire_tokens": _tokens(alignment.wire_segment(link), link.wire_tokens),
        "how": link.how,
    }


def _wire_sentence_data(alignment: _Alignment, entry: WireSentenceAlignment) -> dict[str, Any]:
    segment = alignment.wire_segment(entry)
    return {
        "wire": entry.wire,
        "segment": entry.segment,
        **_span(segment.start, segment.end),
        "fate": entry.fate.value,
        "coverage": entry.coverage,
        "derivative_segments": list(entry.derivative_segments),
        "dropped": [_tokens(segment, r) for r in entry.dropped],
    }


def _document_data(doc: Document) -> dict[str, Any]:
    dateline, byline = doc.dateline, doc.byline
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "format": doc.format,
        "published": None if doc.published is None else doc.published.isoformat(),
        "text": doc.text,
        "furniture": [{"kind": f.kind.value, **_span(f.start, f.end)} for f in doc.furniture],
        "credits": [
            {"agency": c.agency, "where": c.where, **_span(c.start, c.end)} for c in doc.credits
        ],
        "dateline": (
            None
            if dateline is None
            else {
                **_span(dateline.start, dateline.end),
                "place": _span(dateline.place_span.start, dateline.place_span.end),
                "date": (
                    None
                    if dateline.date_span is None
                    else _span(dateline.date_span.start, dateline.date_span.end)
                ),
                "agency": dateline.agency,
            }
        ),
        "byline": (
            None
            if byline is None
            else {**_span(byline.start, byline.end), "names": list(byline.names)}
        ),
        "paragraphs": [{"kind": p.kind.value, **_span(p.start, p.end)} for p in doc.paragraphs],
        "segments": [
            {"kind": s.kind.value, **_span(s.start, s.end), "paragraph": s.paragraph}
            for s in doc.segments
        ],
    }


# --- reading -----------------------------------------------------------------------------


def _describe(value: object) -> str:
    """A short description of a JSON value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else f"{value[:40]!r}…"
    if isinstance(value, (int, float)):
        shown = repr(value)
        return shown if len(shown) <= 40 else f"{shown[:40]}…"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _child(path: str, key: str) -> str:
    """The path of field *key* of the object at *path* (``findings[3].severity``)."""
    name = key if key.isidentifier() else f"[{json.dumps(key)}]"
    if not path or name.startswith("["):
        return f"{path}{name}"
    return f"{path}.{name}"


@attrs.frozen
class _Node:
    """A value of the data being read, and its path in it (``findings[3].severity``).

    Every accessor checks the value's type and raises an :class:`InputError` naming
    the path, what was expected and what was found.
    """

    value: object
    path: str = ""

    def message(self, problem: str) -> str:
        """An error message: the path, then *problem*."""
        return f"{self.path or 'comparison'}: {problem}"

    def fail(self, problem: str) -> NoReturn:
        """Raise an :class:`InputError` about this value."""
        raise InputError(self.message(problem))

    def reject(self, expected: str) -> NoReturn:
        """Raise an :class:`InputError` saying this value is not what was *expected*."""
        self.fail(f"expected {expected}, got {_describe(self.value)}")

    def _fields(self) -> dict[str, object]:
        if not isinstance(self.value, dict):
            self.reject("an object")
        return self.value

    def __getitem__(self, key: str) -> _Node:
        fields = self._fields()
        if key not in fields:
            self.fail(f"missing field {key!r}")
        return _Node(fields[key], _child(self.path, key))

    def entries(self) -> list[tuple[str, _Node]]:
        """The fields of an object, in order."""
        return [
            (key, _Node(value, _child(self.path, key))) for key, value in self._fields().items()
        ]

    def elements(self) -> list[_Node]:
        """The elements of a list, in order."""
        if not isinstance(self.value, list):
            self.reject("a list")
        return [_Node(value, f"{self.path}[{i}]") for i, value in enumerate(self.value)]

    def nullable(self) -> _Node | None:
        """``None`` for null, else this node."""
        return None if self.value is None else self

    def text(self) -> str:
        """A string."""
        if not isinstance(self.value, str):
            self.reject("a string")
        return self.value

    def optional_text(self) -> str | None:
        """A string or null."""
        return None if self.value is None else self.text()

    def texts(self) -> tuple[str, ...]:
        """A list of strings."""
        return tuple(element.text() for element in self.elements())

    def integer(self, *, below: int | None = None, what: str = "a whole number") -> int:
        """A whole number from 0, and below *below* when given."""
        value = self.value
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.reject(f"{what} (0 or more)")
        if below is not None and value >= below:
            self.reject(f"{what} below {below}")
        return value

    def number(self) -> float:
        """A finite number (a whole number too large for a float is not one)."""
        value = self.value
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.reject("a number")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            self.reject("a finite number")
        return number

    def one_of(self, choices: Sequence[str]) -> str:
        """One of the strings *choices*."""
        value = self.value
        if not isinstance(value, str) or value not in choices:
            self.reject(f"one of {', '.join(choices)}")
        return value

    def choice(self, kind: type[_E]) -> _E:
        """A member of the enumeration *kind*, by its value."""
        return kind(self.one_of([member.value for member in kind]))

    def build(self, factory: Callable[..., _T], /, **fields: Any) -> _T:  # noqa: ANN401
        """``factory(**fields)``, its validation errors reported at this path."""
        try:
            return factory(**fields)
        except (ValueError, TypeError) as exc:
            msg = self.message(str(exc))
            raise InputError(msg) from None


def comparison_from_dict(data: Mapping[str, Any]) -> Comparison:
    """Rebuild the comparison that :func:`comparison_to_dict` wrote.

    Slices of text and tokens are recomputed from the documents' texts; every span,
    index and token range is checked against what it points into.

    Raises:
        InputError: *data* is not a comparison, is of a major schema version other
            than this one, or is inconsistent; the message names the field.

    .. versionadded:: 0.1
    """
    given: object = data  # from_json passes whatever the JSON held
    root = _Node(dict(given) if isinstance(given, Mapping) else given)
    _check_version(root["schema_version"])
    wires = tuple(_read_document(node) for node in root["wires"].elements())
    if not wires:
        root["wires"].fail("expected at least one wire document")
    derivative = _read_document(root["derivative"])
    options = _read_options(root["options"])
    reader = _References(wires, derivative)
    alignment = root.build(
        _Alignment,
        wires=wires,
        derivative=derivative,
        options=options.alignment,
        segments=tuple(reader.segment_alignment(n) for n in root["alignment"].elements()),
        wire_sentences=tuple(reader.wire_sentence(n) for n in root["wire_sentences"].elements()),
    )
    return root.build(
        Comparison,
        options=options,
        alignment=alignment,
        findings=[reader.finding(n) for n in root["findings"].elements()],
        speakers=[reader.speaker(n) for n in root["speakers"].elements()],
        summary=_read_summary(root["summary"]),
    )


def _check_version(node: _Node) -> None:
    version = node.text()
    match = _VERSION_RE.fullmatch(version)
    if match is None:
        node.reject('a version "MAJOR.MINOR"')
    major = int(match.group("major"))
    if major != _MAJOR:
        problem = f"this sourcecompare reads schema version {_MAJOR}.x, got {version!r}"
        if major > _MAJOR:
            problem += "; a newer sourcecompare wrote it: upgrade to read it"
        node.fail(problem)


def _read_span(node: _Node, text: str) -> Span:
    """A ``{"start", "end"}`` span inside *text*."""
    start = node["start"].integer()
    end = node["end"].integer()
    if end < start:
        node.fail(f"end {end} is before start {start}")
    if end > len(text):
        node.fail(f"span {start}-{end} lies beyond the text ({len(text)} characters)")
    return Span(start, end)


def _read_spans(node: _Node, text: str) -> tuple[Span, ...]:
    return tuple(_read_span(element, text) for element in node.elements())


def _check_span(node: _Node, segment: Segment, what: str) -> None:
    """Check that *node*'s ``start`` and ``end`` are those of *segment*."""
    given = (node["start"].integer(), node["end"].integer())
    if given != (segment.start, segment.end):
        node.fail(
            f"start and end {given[0]}-{given[1]} are not those of {what} {segment.index} "
            f"({segment.start}-{segment.end})"
        )


def _read_tokens(node: _Node, segment: Segment) -> tuple[int, int]:
    """A token range of *segment*, whose ``start`` and ``end`` must match its tokens."""
    count = len(segment.tokens)
    first = node["first"].integer(below=count + 1, what="a token index")
    last = node["last"].integer(below=count + 1, what="a token index")
    if last < first:
        node.fail(f"last token {last} is before first token {first}")
    offsets = _token_offsets(segment, first, last)
    given = (node["start"].integer(), node["end"].integer())
    if given != offsets:
        node.fail(
            f"start and end {given[0]}-{given[1]} are not those of tokens {first}-{last} "
            f"({offsets[0]}-{offsets[1]})"
        )
    return first, last


def _sliced(node: _Node, text: str) -> tuple[int, int, str]:
    """Start, end and text of the span *node* in *text*."""
    span = _read_span(node, text)
    return span.start, span.end, span.slice(text)


def _read_document(node: _Node) -> Document:
    text = node["text"].text()
    published = node["published"].optional_text()
    try:
        date = None if published is None else dt.date.fromisoformat(published)
    except ValueError:
        msg = node["published"].message(f"expected a date YYYY-MM-DD, got {published!r}")
        raise InputError(msg) from None
    paragraphs = tuple(
        Paragraph(index, p["kind"].choice(ParagraphKind), *_sliced(p, text))
        for index, p in enumerate(node["paragraphs"].elements())
    )
    segments = []
    for index, s in enumerate(node["segments"].elements()):
        start, end, part = _sliced(s, text)
        paragraph = s["paragraph"].integer(below=len(paragraphs), what="a paragraph index")
        kind = s["kind"].choice(SegmentKind)
        segments.append(
            Segment(index, kind, start, end, part, paragraph, tokenize(text, start, end))
        )
    return node.build(
        Document,
        text=text,
        doc_id=node["doc_id"].optional_text(),
        source=node["source"].optional_text(),
        format=node["format"].text(),
        furniture=tuple(
            Furniture(f["kind"].choice(FurnitureKind), *_sliced(f, text))
            for f in node["furniture"].elements()
        ),
        credits=tuple(
            AgencyCredit(c["agency"].text(), *_sliced(c, text), c["where"].text())
            for c in node["credits"].elements()
        ),
        dateline=_read_dateline(node["dateline"].nullable(), text),
        byline=_read_byline(node["byline"].nullable(), text),
        published=date,
        paragraphs=paragraphs,
        segments=tuple(segments),
    )


def _read_dateline(node: _Node | None, text: str) -> Dateline | None:
    if node is None:
        return None
    place = _read_span(node["place"], text)
    date_node = node["date"].nullable()
    date = None if date_node is None else _read_span(date_node, text)
    return Dateline(
        *_sliced(node, text),
        place=place.slice(text),
        place_span=place,
        date=None if date is None else date.slice(text),
        date_span=date,
        agency=node["agency"].optional_text(),
    )


def _read_byline(node: _Node | None, text: str) -> Byline | None:
    if node is None:
        return None
    return Byline(*_sliced(node, text), names=node["names"].texts())


def _read_options(node: _Node) -> CompareOptions:
    align = node["alignment"]
    # Objects recorded by name only are checked, and the built-in ones restored.
    align["similarity"].optional_text()
    for owner, name in (
        (align, "equivalents"),
        (node, "lexicons"),
        (node, "agencies"),
        (node, "reporting"),
    ):
        owner[name].one_of(_RECORDED)
    detectors = node["detectors"].nullable()
    if detectors is not None:
        detectors.texts()
    background = align["background"].nullable()
    stats = (
        None
        if background is None
        else background.build(
            TermStats,
            documents=background["documents"].integer(),
            frequencies={k: v.integer() for k, v in background["frequencies"].entries()},
        )
    )
    alignment = align.build(
        AlignOptions,
        measure=align["measure"].text(),
        background=stats,
        **{name: align[name].number() for name in _ALIGN_NUMBERS},
        **{name: align[name].integer() for name in _ALIGN_COUNTS},
    )
    return CompareOptions(alignment=alignment)


def _read_counts(node: _Node) -> tuple[tuple[str, int], ...]:
    return tuple((name, count.integer()) for name, count in node.entries())


def _read_summary(node: _Node) -> Summary:
    return node.build(
        Summary,
        wire_kept=node["wire_kept"].number(),
        derivative_supported=node["derivative_supported"].number(),
        verbatim=node["verbatim"].number(),
        wire_fates=_read_counts(node["wire_fates"]),
        derivative_labels=_read_counts(node["derivative_labels"]),
        speakers_kept=node["speakers_kept"].texts(),
        speakers_dropped=node["speakers_dropped"].texts(),
        by_kind=_read_counts(node["by_kind"]),
        by_severity=_read_counts(node["by_severity"]),
    )


class _References:
    """Reads the parts that point into the documents, checking every reference."""

    def __init__(self, wires: tuple[Document, ...], derivative: Document) -> None:
        self.wires = wires
        self.derivative = derivative

    def wire(self, node: _Node) -> tuple[int, Document]:
        """The wire index *node* holds, and that wire document."""
        index = node.integer(below=len(self.wires), what="a wire index")
        return index, self.wires[index]

    @staticmethod
    def segment(node: _Node, doc: Document) -> Segment:
        """The segment of *doc* whose index *node* holds."""
        return doc.segments[node.integer(below=len(doc.segments), what="a segment index")]

    def derivative_segments(self, node: _Node) -> tuple[int, ...]:
        """A list of derivative segment indices."""
        return tuple(self.segment(n, self.derivative).index for n in node.elements())

    def finding(self, node: _Node) -> Finding:
        """A finding, its spans checked against the texts."""
        wire_index, wire = self.wire(node["wire"])
        return node.build(
            Finding,
            kind=node["kind"].text(),
            severity=node["severity"].choice(Severity),
            message=node["message"].text(),
            derivative_spans=_read_spans(node["derivative_spans"], self.derivative.text),
            wire_spans=_read_spans(node["wire_spans"], wire.text),
            derivative_segments=self.derivative_segments(node["derivative_segments"]),
            wire_segments=tuple(
                self.segment(n, wire).index for n in node["wire_segments"].elements()
            ),
            wire=wire_index,
            scores=tuple((name, value.number()) for name, value in node["scores"].entries()),
            detector=node["detector"].text(),
        )

    def speaker(self, node: _Node) -> SpeakerOutcome:
        """A wire speaker's outcome, its spans checked against the texts."""
        wire_index, wire = self.wire(node["wire"])
        return node.build(
            SpeakerOutcome,
            name=node["name"].text(),
            kind=node["kind"].choice(SourceKind),
            fate=node["fate"].choice(SpeakerFate),
            wire=wire_index,
            statements=node["statements"].integer(),
            wire_spans=_read_spans(node["wire_spans"], wire.text),
            derivative_segments=self.derivative_segments(node["derivative_segments"]),
            derivative_spans=_read_spans(node["derivative_spans"], self.derivative.text),
            credited_to=node["credited_to"].texts(),
            carried=[
                (n["fate"].choice(SpeakerFate), n["count"].integer())
                for n in node["carried"].elements()
            ],
        )

    def segment_alignment(self, node: _Node) -> SegmentAlignment:
        """The alignment of one derivative segment."""
        segment = self.segment(node["segment"], self.derivative)
        _check_span(node, segment, "derivative segment")
        return node.build(
            SegmentAlignment,
            segment=segment.index,
            label=node["label"].choice(AlignmentLabel),
            support=node["support"].number(),
            sources=tuple(self.source(n, segment) for n in node["sources"].elements()),
            links=tuple(self.link(n, segment) for n in node["links"].elements()),
            new=tuple(_read_tokens(n, segment) for n in node["new"].elements()),
        )

    def source(self, node: _Node, segment: Segment) -> SourceMatch:
        """One source of the derivative *segment*."""
        wire_index, wire = self.wire(node["wire"])
        wire_segment = self.segment(node["segment"], wire)
        _check_span(node, wire_segment, "wire segment")
        return node.build(
            SourceMatch,
            wire=wire_index,
            segment=wire_segment.index,
            score=node["score"].number(),
            contribution=node["contribution"].number(),
            similarity=node["similarity"].number(),
            wire_coverage=node["wire_coverage"].number(),
            order=node["order"].number(),
            edits=tuple(
                EditOp(
                    e["op"].one_of(_EDIT_OPS),
                    _read_tokens(e["derivative"], segment),
                    _read_tokens(e["wire"], wire_segment),
                )
                for e in node["edits"].elements()
            ),
            dropped=tuple(_read_tokens(n, wire_segment) for n in node["dropped"].elements()),
        )

    def link(self, node: _Node, segment: Segment) -> WordLink:
        """A word of the derivative *segment* linked to the wire."""
        wire_index, wire = self.wire(node["wire"])
        wire_segment = self.segment(node["wire_segment"], wire)
        return WordLink(
            derivative=_read_tokens(node["derivative"], segment),
            wire=wire_index,
            wire_segment=wire_segment.index,
            wire_tokens=_read_tokens(node["wire_tokens"], wire_segment),
            how=node["how"].one_of(_LINK_KINDS),
        )

    def wire_sentence(self, node: _Node) -> WireSentenceAlignment:
        """What became of one wire sentence."""
        wire_index, wire = self.wire(node["wire"])
        segment = self.segment(node["segment"], wire)
        _check_span(node, segment, "wire segment")
        return node.build(
            WireSentenceAlignment,
            wire=wire_index,
            segment=segment.index,
            fate=node["fate"].choice(WireFate),
            coverage=node["coverage"].number(),
            derivative_segments=self.derivative_segments(node["derivative_segments"]),
            dropped=tuple(_read_tokens(n, segment) for n in node["dropped"].elements()),
        )
