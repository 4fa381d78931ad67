"""Every error sourcecompare raises on purpose.

All of them derive from :class:`SourceCompareError`, so one ``except`` clause catches
them all; each also derives from the built-in exception it refines, so code that
already catches ``ValueError`` or ``FileNotFoundError`` keeps working::

    SourceCompareError
    ├── InputError                      a text or file sourcecompare cannot use
    │   ├── EmptyDocumentError          (ValueError) nothing but whitespace or furniture
    │   ├── DocumentTooLargeError       (ValueError) over the configured size limit
    │   ├── BinaryInputError            (ValueError) bytes that are not text
    │   ├── DecodingError               (ValueError) bytes invalid in the encoding tried
    │   ├── InputNotFoundError          (FileNotFoundError) a path that does not exist
    │   ├── UnsupportedFormatError      (ValueError) a format name sourcecompare does not read
    │   ├── RecordError                 (ValueError) a JSON Lines record that cannot be used
    │   └── IndexFileError              a wire index file that cannot be used
    │       ├── CorruptIndexError       (ValueError) damaged, or not a sourcecompare index
    │       └── IndexLockedError        locked by another process past the timeout
    ├── InvalidOptionError              (ValueError) an option out of range or unknown
    │   └── UnknownMeasureError         (LookupError) a similarity measure name not known
    └── MissingDependencyError          (ImportError) an optional extra is not installed

Messages are complete sentences a user can act on; the context that built them is
also kept as attributes (``doc_id``, ``path``, ``offset`` ...) for programs.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "CorruptIndexError",
    "DecodingError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "IndexFileError",
    "IndexLockedError",
    "InputError",
    "InputNotFoundError",
    "InvalidOptionError",
    "MissingDependencyError",
    "RecordError",
    "SourceCompareError",
    "UnknownMeasureError",
    "UnsupportedFormatError",
]


class SourceCompareError(Exception):
    """Base class of every error sourcecompare raises on purpose.

    .. versionadded:: 0.1
    """


class InputError(SourceCompareError):
    """A text or file that sourcecompare cannot use.

    Attributes:
        doc_id: The document's identifier, when one was given or derived.
        path: The file the text came from, when it came from a file.

    .. versionadded:: 0.1
    """

    def __init__(self, message: str, *, doc_id: str | None = None, path: str | None = None):
        super().__init__(message)
        self.doc_id = doc_id
        self.path = path


class EmptyDocumentError(InputError, ValueError):
    """The text is empty, whitespace only, or holds nothing but furniture.

    .. versionadded:: 0.1
    """


class DocumentTooLargeError(InputError, ValueError):
    """The text or file is larger than the configured limit.

    Attributes:
        size: The size found (characters for text, bytes for files).
        limit: The limit in force.

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        message: str,
        *,
        size: int = 0,
        limit: int = 0,
        doc_id: str | None = None,
        path: str | None = None,
    ):
        super().__init__(message, doc_id=doc_id, path=path)
        self.size = size
        self.limit = limit


class BinaryInputError(InputError, ValueError):
    """The bytes are not text (for example a NUL byte in a file without a UTF-16 mark).

    Attributes:
        offset: The byte offset of the first byte that shows the input is binary.

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        message: str,
        *,
        offset: int = 0,
        doc_id: str | None = None,
        path: str | None = None,
    ):
        super().__init__(message, doc_id=doc_id, path=path)
        self.offset = offset


class DecodingError(InputError, ValueError):
    """The bytes are invalid in the encoding that was tried.

    Attributes:
        encoding: The encoding tried.
        offset: The byte offset of the first invalid byte.

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        message: str,
        *,
        encoding: str = "",
        offset: int = 0,
        doc_id: str | None = None,
        path: str | None = None,
    ):
        super().__init__(message, doc_id=doc_id, path=path)
        self.encoding = encoding
        self.offset = offset


class InputNotFoundError(InputError, FileNotFoundError):
    """A path that does not exist or is not a regular file.

    .. versionadded:: 0.1
    """


class UnsupportedFormatError(InputError, ValueError):
    """A format name that sourcecompare does not read.

    .. versionadded:: 0.1
    """


class IndexFileError(InputError):
    """An index file that sourcecompare cannot use; ``path`` names it.

    .. versionadded:: 0.1
    """


class CorruptIndexError(IndexFileError, ValueError):
    """The file is not a SQLite database, is damaged, or is not a sourcecompare index.

    .. versionadded:: 0.1
    """


class IndexLockedError(IndexFileError):
    """Another process kept the index locked for longer than the timeout.

    Adding stories takes a write lock for each batch; tracing and statistics never
    wait for writers (WAL mode), but wait for a process holding an exclusive lock.
    Try again when the other process is done, or give a longer ``timeout``.

    .. versionadded:: 0.1
    """


class RecordError(InputError, ValueError):
    """A story that cannot be indexed: malformed JSON, no id, empty text ...

    Attributes:
        line: The line of the JSON Lines file, or ``None`` for other inputs.

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        doc_id: str | None = None,
        path: str | None = None,
    ):
        super().__init__(message, doc_id=doc_id, path=path)
        self.line = line


class InvalidOptionError(SourceCompareError, ValueError):
    """An option that is unknown or out of its allowed range.

    Attributes:
        option: The option's name.

    .. versionadded:: 0.1
    """

    def __init__(self, message: str, *, option: str = ""):
        super().__init__(message)
        self.option = option


class UnknownMeasureError(InvalidOptionError, LookupError):
    """A similarity measure name that sourcecompare does not know.

    .. versionadded:: 0.1
    """


class MissingDependencyError(SourceCompareError, ImportError):
    """A feature needs an optional extra that is not installed.

    Attributes:
        extra: The extra to install, as in ``pip install "sourcecompare[extra]"``.

    .. versionadded:: 0.1
    """

    def __init__(self, message: str, *, extra: str = ""):
        super().__init__(message, name=extra or None)
        self.extra = extra
