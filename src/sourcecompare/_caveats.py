"""Caveats: what about the inputs limits what a comparison can show.

sourcecompare tells names from other words by their capitals: a speaker is a run of
capitalised words before or after a reporting verb, an agency credit is "(Reuters)",
an added fact is often a name the wire lacks. A text written all in lower case (the
output of some text pipelines and of summarisation models) has no capitals to go by,
and one written all in capitals (some wire feeds, some headlines pasted as a story)
has nothing but. Comparing such a text still works for alignment, which folds case,
but the findings about speakers, credits and names may be wrong, and the reader must
be told so: a flag that a named speaker was dropped, when the derivative still names
them in lower case, is exactly the kind of wrong flag a standards editor must be able
to discount. :func:`caveats_of` finds these cases from the documents alone; a
:class:`~sourcecompare.Comparison` gives them as ``caveats``, and the report shows
them in its summary.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from sourcecompare._documents import Document

__all__ = ["Caveat", "CaveatCode", "caveats_of"]

_MIN_WORDS: Final = 8
"""Too few words say nothing about how a text is cased: "eBay posts record sales"."""

_TITLE_SHARE: Final = 0.02
"""At most this share of a lower-case text's words start with a capital ("[UNK]"
placeholders or one all-capital acronym aside, none do)."""

_UPPER_SHARE: Final = 0.6
"""At least this share of a text written in capitals is all-capital words; a normal
text has a few acronyms and perhaps a headline in capitals, far below it."""

_SCAN_WORDS: Final = 150
"""How a text is cased shows in its first words (a headline in capitals above an
ordinary story is a few of them); a longer text is read no further."""

_MIN_FORMS: Final = 3
"""A text in capitals has many capital words, not one repeated: a summary that is
mostly a model's "UNK" placeholder is not written in capitals."""


class CaveatCode(enum.Enum):
    """What a :class:`Caveat` is about.

    .. versionadded:: 0.1
    """

    LOWER_CASE = "lower_case"
    """The document is written in lower case: names cannot be told by their capitals."""

    UPPER_CASE = "upper_case"
    """The document is written in capitals: every word looks like a name."""


@attrs.frozen
class Caveat:
    """Something about one of the documents that limits what the comparison shows.

    Attributes:
        code: What the caveat is about.
        wire: The index of the wire it concerns, or ``None`` for the derivative.
        message: What it means for the findings, in a sentence or two.

    .. versionadded:: 0.1
    """

    code: CaveatCode
    wire: int | None
    message: str


def _document_name(wire: int | None, wires: int) -> str:
    if wire is None:
        return "The derivative"
    return "The wire" if wires == 1 else f"Wire {wire + 1}"


def _case(doc: Document) -> CaveatCode | None:
    """How *doc* is cased when that hides names: all lower case, all capitals, or neither.

    Only words count (tokens starting with a letter), the first :data:`_SCAN_WORDS` of
    them. Lower case: no more than :data:`_TITLE_SHARE` of the words start with a
    capital and are not all capitals, and fewer than half of the segments start with a
    capital. Capitals: at least
    :data:`_UPPER_SHARE` of the words of two letters or more are all capitals, in at
    least :data:`_MIN_FORMS` different words.
    """
    words = titled = long_words = upper = starts = capital_starts = 0
    capital_forms: set[str] = set()
    for segment in doc.segments:
        if words >= _SCAN_WORDS:
            break
        first = True
        for token in segment.tokens:
            text = token.text
            if not text[:1].isalpha():
                continue
            words += 1
            capital = token.is_capitalized
            if first:
                starts += 1
                capital_starts += capital
                first = False
            if not capital:
                if len(text) > 1:
                    long_words += 1
            elif len(text) == 1:
                titled += 1
            else:
                long_words += 1
                if text.isupper():
                    upper += 1
                    capital_forms.add(text)
                else:
                    titled += 1
    if words < _MIN_WORDS:
        return None
    if long_words and upper >= _UPPER_SHARE * long_words and len(capital_forms) >= _MIN_FORMS:
        return CaveatCode.UPPER_CASE
    if titled <= _TITLE_SHARE * words and 2 * capital_starts < starts:
        return CaveatCode.LOWER_CASE
    return None


def _message(code: CaveatCode, wire: int | None, wires: int) -> str:
    name = _document_name(wire, wires)
    if code is CaveatCode.LOWER_CASE:
        if wire is None:
            effect = (
                "may report a named speaker as dropped, or a credit or dateline as "
                "removed, when the derivative still has them in lower case"
            )
        else:
            effect = "may find no speakers or credit in it, and so miss what became of them"
        return (
            f"{name} is written in lower case. sourcecompare tells names, speakers and "
            f"agency credits by their capitals, so it {effect}; check those findings "
            "against the text."
        )
    effect = (
        "may take common words for names, reporting a speaker as generalised or a word "
        "as added when it is not"
        if wire is None
        else "may take common words in it for names and speakers"
    )
    return (
        f"{name} is written in capitals. sourcecompare tells names by their capitals, "
        f"so it {effect}; check those findings against the text."
    )


_WIRE_MEMO: Final = 16
"""How many wires' cases :func:`_wire_case` keeps: a batch compares many derivatives
with the same few wire documents, which need reading once."""

_wire_cases: dict[int, tuple[Document, CaveatCode | None]] = {}


def _wire_case(doc: Document) -> CaveatCode | None:
    """:func:`_case` of a wire, kept for the same document object (the last few only)."""
    kept = _wire_cases.get(id(doc))
    if kept is not None and kept[0] is doc:
        return kept[1]
    code = _case(doc)
    if len(_wire_cases) >= _WIRE_MEMO:
        _wire_cases.pop(next(iter(_wire_cases), 0), None)  # the oldest
    _wire_cases[id(doc)] = (doc, code)
    return code


def caveats_of(wires: Sequence[Document], derivative: Document) -> tuple[Caveat, ...]:
    """The caveats of comparing *derivative* with *wires*: the wires' in order, then its own.

    .. versionadded:: 0.1
    """
    caveats = []
    for index, doc in [*enumerate(wires), (None, derivative)]:
        code = _case(doc) if index is None else _wire_case(doc)
        if code is not None:
            caveats.append(Caveat(code, index, _message(code, index, len(wires))))
    return tuple(caveats)
