"""Protocols for the parts of sourcecompare that users can replace.

These are structural: any object with the right methods fits, no inheritance needed.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["Segmenter"]


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
