"""sourcecompare: compare a news-agency wire report with the coverage derived from it.

Start with :func:`compare`: ``rich.print(sourcecompare.compare(wire, derivative))``
shows the report. :meth:`Document.from_text` and :meth:`Document.from_path` parse texts;
``rich.print(doc)`` shows what was parsed.
"""

from __future__ import annotations

from sourcecompare._align import (
    Alignment,
    AlignmentLabel,
    AlignOptions,
    EditOp,
    SegmentAlignment,
    SourceMatch,
    TermStats,
    WireFate,
    WireSentenceAlignment,
    WordLink,
    align,
)
from sourcecompare._attribution import (
    MODES,
    STANCES,
    Attribution,
    ReportingLexicon,
    SourceKind,
    extract_attributions,
)
from sourcecompare._caveats import Caveat, CaveatCode
from sourcecompare._comparison import (
    CompareOptions,
    Comparison,
    PreparedWire,
    SpeakerFate,
    SpeakerOutcome,
    Summary,
    compare,
    prepare,
)
from sourcecompare._documents import (
    DEFAULT_MAX_CHARS,
    Document,
    Paragraph,
    ParagraphKind,
    Segment,
    SegmentKind,
)
from sourcecompare._findings import Finding, Severity
from sourcecompare._furniture import (
    Agency,
    AgencyCredit,
    AgencyList,
    Byline,
    Dateline,
    Furniture,
    FurnitureKind,
    parse_date,
)
from sourcecompare._io import DEFAULT_MAX_BYTES, decode_bytes
from sourcecompare._keys import Equivalents
from sourcecompare._lexicons import Lexicons
from sourcecompare._segment import RuleSegmenter
from sourcecompare._spans import Span
from sourcecompare._tokens import Token, tokenize
from sourcecompare.detectors import DetectionContext, default_detectors, detect
from sourcecompare.exceptions import (
    BinaryInputError,
    CorruptIndexError,
    DecodingError,
    DocumentTooLargeError,
    EmptyDocumentError,
    IndexFileError,
    IndexLockedError,
    InputError,
    InputNotFoundError,
    InvalidOptionError,
    MissingDependencyError,
    RecordError,
    SourceCompareError,
    UnknownMeasureError,
    UnsupportedFormatError,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "MODES",
    "STANCES",
    "Agency",
    "AgencyCredit",
    "AgencyList",
    "AlignOptions",
    "Alignment",
    "AlignmentLabel",
    "Attribution",
    "BinaryInputError",
    "Byline",
    "Caveat",
    "CaveatCode",
    "CompareOptions",
    "Comparison",
    "CorruptIndexError",
    "Dateline",
    "DecodingError",
    "DetectionContext",
    "Document",
    "DocumentTooLargeError",
    "EditOp",
    "EmptyDocumentError",
    "Equivalents",
    "Finding",
    "Furniture",
    "FurnitureKind",
    "IndexFileError",
    "IndexLockedError",
    "InputError",
    "InputNotFoundError",
    "InvalidOptionError",
    "Lexicons",
    "MissingDependencyError",
    "Paragraph",
    "ParagraphKind",
    "PreparedWire",
    "RecordError",
    "ReportingLexicon",
    "RuleSegmenter",
    "Segment",
    "SegmentAlignment",
    "SegmentKind",
    "Severity",
    "SourceCompareError",
    "SourceKind",
    "SourceMatch",
    "Span",
    "SpeakerFate",
    "SpeakerOutcome",
    "Summary",
    "TermStats",
    "Token",
    "UnknownMeasureError",
    "UnsupportedFormatError",
    "WireFate",
    "WireSentenceAlignment",
    "WordLink",
    "align",
    "compare",
    "decode_bytes",
    "default_detectors",
    "detect",
    "extract_attributions",
    "parse_date",
    "prepare",
    "tokenize",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            return version("sourcecompare")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0.0.0"
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
