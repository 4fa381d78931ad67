"""Hypothesis strategies shared by the property tests.

Two families:

* :func:`unicode_text`: anything a user might paste, with extra weight on what breaks
  parsers: control characters, lone surrogates, ANSI escapes, every kind of line break,
  quotes, dashes, brackets and sentence punctuation.
* :func:`article_text`: text shaped like a news article, assembled from fictional
  fragments: crumbs, headlines, source and date lines, bylines, datelines, sentences
  with abbreviations and quotes, Markdown headings, list items and trailers.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = [
    "SPECIAL_CHARACTERS",
    "article_text",
    "sentence",
    "unicode_text",
]

SPECIAL_CHARACTERS = (
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\ud800",  # lone high surrogate
    "\udfff",  # lone low surrogate
    "\ufeff",
    "\u200b",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\v",
    "\f",
    "\x85",
    "\u2028",
    "\u2029",
    " ",
    "\xa0",
    ".",
    "!",
    "?",
    "…",
    ",",
    ";",
    ":",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "(",
    ")",
    "[",
    "]",
    "-",
    "--",
    "–",
    "—",
    ">",
    "|",
    "#",
    "*",
    "**",
    "_",
    "%",
    "$",
    "\x1b[31m",
    "\x1b[0m",
    "Dr.",
    "U.S.",
    "(AP)",
    "(Xinhua)",
    "By ",
    "Source: ",
    "１２",
)
"""Characters and short strings that exercise the parser's edge cases."""

_pieces = st.one_of(
    st.characters(),
    st.sampled_from(SPECIAL_CHARACTERS),
    st.sampled_from(["A", "Z", "a", "z", "0", "9", " ", "\n", "\n\n"]),
)


def unicode_text(*, max_pieces: int = 80) -> st.SearchStrategy[str]:
    """Arbitrary text, including control characters, lone surrogates, quotes and breaks."""
    return st.lists(_pieces, max_size=max_pieces).map("".join)


# --- article-like text --------------------------------------------------------------------

_PLACES = ("LINDBY", "PORT ALDER", "VELMORA, Estavia", "Skarv", "NEW HAVENFORD")
_AGENCIES = ("Reuters", "AP", "Xinhua", "AFP", "Associated Press")
_MONTHS = ("Jan", "March", "Sept.", "June", "Dec")
_NAMES = ("Ada Berg", "Tomas Rennick", "JANE DOE", "Li Wen", "Maria de la Cruz")
_SUBJECTS = (
    "The harbour board",
    "Dr. Ada Berg",
    "Gov. Tom Hale",
    "The U.S. builder",
    "Officials in Lindby",
    "Transport Minister Ilse Caradec",
    "A spokesman for Bellwater Inc.",
    "Residents",
    "The council",
)
_VERBS = ("said", "told reporters", "announced", "warned", "added", "claimed")
_OBJECTS = (
    "the ferry would carry 900 passengers a day",
    "costs rose 4% to 1,200 crowns",
    "the plan was approved at 6 a.m. on Tuesday",
    "the cross-border link would open by Nov. 3",
    "work had stopped, e.g. on the pier",
    "no decision had been taken",
    "the St. Anselm pier was closed",
    "the No. 2 boat needed repairs",
)
_HEADLINES = (
    "Lindby harbour board approves ferry link",
    "Commuter train derails outside Velmora station, injuring 14",
    "A New Era for Skarv Island",
    "Costs and Concerns",
    "Why the ferry matters?",
)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A sentence of news copy, sometimes a quotation, with abbreviations and figures."""
    subject = draw(st.sampled_from(_SUBJECTS))
    verb = draw(st.sampled_from(_VERBS))
    obj = draw(st.sampled_from(_OBJECTS))
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"{subject} {verb} {obj}."
    if form == 1:
        return f'"{obj.capitalize()}. We are ready," {subject} {verb}.'
    if form == 2:
        return f"{obj.capitalize()}, {subject} {verb}."
    return f"{subject} {verb} on {draw(st.sampled_from(_MONTHS))} {draw(st.integers(1, 31))}."


def _paragraph() -> st.SearchStrategy[str]:
    return st.lists(sentence(), min_size=1, max_size=4).map(" ".join)


@st.composite
def _dateline(draw: st.DrawFn) -> str:
    place = draw(st.sampled_from(_PLACES))
    agency = draw(st.sampled_from(_AGENCIES))
    dash = draw(st.sampled_from(["--", "-", "—"]))
    if draw(st.booleans()):
        month = draw(st.sampled_from(_MONTHS))
        return f"{place}, {month} {draw(st.integers(1, 28))} ({agency}) {dash} "
    return f"{place} ({agency}) {dash} "


@st.composite
def _block(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return f"## {draw(st.sampled_from(_HEADLINES))}"
    if kind == 1:
        return f"**{draw(st.sampled_from(_HEADLINES))}**"
    if kind == 2:
        items = draw(st.lists(_paragraph(), min_size=1, max_size=3))
        return "\n".join(f"{draw(st.sampled_from('-*•'))} {item}" for item in items)
    if kind == 3:
        # A hard-wrapped paragraph.
        return draw(_paragraph()).replace(", ", ",\n", 1)
    return draw(_paragraph())


_HEADER_LINES = (
    "News >",
    "Home > World > Europe",
    "Source: Xinhua | 2024-03-13",
    "Published: 13 March 2024",
    "Updated: March 14, 2024",
)
_TRAILERS = (
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Associated Press writer Li Wen in Skarv contributed to this report.",
    "Copyright 2025 The Associated Press. All rights reserved.",
    "— Reuters",
    "___",
)


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """A fictional article: optional furniture, a headline, a body, optional trailers."""
    parts: list[str] = []
    parts.extend(draw(st.lists(st.sampled_from(_HEADER_LINES), max_size=2)))
    headline = draw(st.one_of(st.none(), st.sampled_from(_HEADLINES)))
    if headline is not None:
        parts.append(draw(st.sampled_from(["", "# "])) + headline)
        if draw(st.booleans()):
            parts.append(headline)  # the headline printed again
    if draw(st.booleans()):
        parts.append(f"By {draw(st.sampled_from(_NAMES))}")
    opening = draw(_dateline()) if draw(st.booleans()) else ""
    parts.append(opening + draw(_paragraph()))
    parts.extend(draw(st.lists(_block(), max_size=5)))
    parts.extend(draw(st.lists(st.sampled_from(_TRAILERS), max_size=2)))
    separator = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n \n"]))
    return separator.join(parts) + draw(st.sampled_from(["", "\n", "\r\n"]))
