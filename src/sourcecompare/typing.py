"""Protocols for the parts of sourcecompare that users can replace, and type aliases.

The protocols are structural: any object with the right methods fits, no inheritance
needed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, TypeAlias, runtime_checkable

from sourcecompare._documents import Document

if TYPE_CHECKING:
    from sourcecompare._findings import Finding
    from sourcecompare.detectors import DetectionContext

__all__ = ["Detector", "Segmenter", "TextOrDocument"]

TextOrDocument: TypeAlias = str | Document | os.PathLike[str]
"""What :func:`sourcecompare.compare` accepts for one text: the text itself, a parsed
:class:`~sourcecompare.Document`, or a path to read."""


@runtime_checkable
class Segmenter(Protocol):
    """Splits a paragraph into sentences.

    ``split(text, start, end)`` receives the whole document text and the bounds of
    one paragraph, and returns ``(start, end)`` offsets into *text*: in order, inside
    the paragraph, not overlapping, and trimmed of white space. Returning the
    paragraph as a single span is valid.

    .. versionadded:: 0.1
    """

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return the sentence spans of ``text[start:end]``."""
        ...


@runtime_checkable
class Detector(Protocol):
    """Finds one kind of difference between a derivative and its wire report.

    ``detect(context)`` receives a :class:`~sourcecompare.detectors.DetectionContext`
    (the alignment, both documents, the word lists) and yields findings. It must be
    deterministic and report spans inside the texts; :func:`sourcecompare.detect`
    checks the spans and fills in ``Finding.detector`` from ``name`` when empty.

    .. versionadded:: 0.1
    """

    name: str

    def detect(self, context: DetectionContext) -> Iterable[Finding]:
        """Yield the findings of this detector."""
        ...
