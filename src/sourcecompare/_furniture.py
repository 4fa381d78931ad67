"""Wire furniture: the lines and prefixes around a story that are not its body.

Recognised here, each with its span: navigation crumbs (``News > World >``), source
lines (``Source: Xinhua | 2024-03-13``), publication-date lines, bylines
(``By Jane Doe``), a repeated headline, datelines (``GENEVA, March 12 (Xinhua) --``),
and trailers (``(Reporting by ...; Editing by ...)``, contributor lines, copyright
lines, a lone ``— Reuters``). Agency names are matched only in these positions, never
in running text, so that "PA" in a sentence about Pennsylvania is never a credit.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Final

import attrs

from sourcecompare._lexicon import load_json
from sourcecompare._spans import Span
from sourcecompare.exceptions import InvalidOptionError

__all__ = [
    "Agency",
    "AgencyCredit",
    "AgencyList",
    "Byline",
    "Dateline",
    "Furniture",
    "FurnitureKind",
    "parse_date",
]


class FurnitureKind(str, enum.Enum):
    """What a piece of furniture is.

    .. versionadded:: 0.1
    """

    CRUMB = "crumb"
    """Navigation breadcrumbs such as ``News > World >``."""
    SOURCE_LINE = "source_line"
    """A line naming the source and often the date: ``Source: Xinhua | 2024-03-13``."""
    DATE_LINE = "date_line"
    """A publication or update date on its own line: ``Published: 13 March 2024``."""
    BYLINE = "byline"
    """The author line: ``By Jane Doe``."""
    HEADLINE_REPEAT = "headline_repeat"
    """The headline printed a second time."""
    DATELINE = "dateline"
    """The place, date and agency before the first sentence: ``GENEVA, March 12 (Xinhua) --``."""
    REPORTING_LINE = "reporting_line"
    """A trailer naming reporters and editors: ``(Reporting by ...; Editing by ...)``."""
    CONTRIBUTOR_LINE = "contributor_line"
    """A trailer such as ``Associated Press writer X contributed to this report.``"""
    COPYRIGHT = "copyright"
    """A copyright notice."""
    CREDIT_LINE = "credit_line"
    """A line that is only an agency credit: ``— Reuters``."""
    SEPARATOR = "separator"
    """A rule such as ``___`` between the story and its trailers."""


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


@attrs.frozen
class Agency:
    """A news agency and the spellings it is credited by.

    Attributes:
        name: Canonical display name (``"Associated Press"``).
        aliases: Every spelling used in credits, the canonical name included.
        country: ISO 3166 alpha-2 code of its home country, or ``""``.

    .. versionadded:: 0.1
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(converter=_str_tuple)
    country: str = ""


def _agency_tuple(agencies: Iterable[Agency]) -> tuple[Agency, ...]:
    return tuple(agencies)


def _alias_key(alias: str) -> str:
    alias = " ".join(alias.split())
    alias = re.sub(r"^the\s+", "", alias, flags=re.IGNORECASE)
    # Short aliases (AP, PA, CP, AA) are matched with their case, longer ones without.
    return alias if len(alias) <= 4 else alias.casefold()


# How agency spellings are matched: in any case (see AgencyList._pattern), and where a
# word can start (no letter, digit or hyphen before), with an optional "the " first.
_CREDIT_FLAGS: Final = re.IGNORECASE
_OPENING_RE: Final = re.compile(r"(?<![\w-])\S")
_THE_RE: Final = re.compile(r"the\s+", _CREDIT_FLAGS)


def _may_open(word: str, opening: str) -> bool:
    """Whether *word* can begin with *opening* when case is ignored as :data:`_CREDIT_FLAGS` does.

    Two ASCII characters match when they are the same letter in either case (or the same
    character). A non-ASCII one on either side might match (ignoring case, "ſ" matches
    "s" and the Kelvin sign "k"), so it is taken to: the answer errs on the side of yes.
    """
    if len(opening) < min(len(word), 2):
        return False  # the text ends before the word could
    return all(
        not (mine.isascii() and theirs.isascii()) or mine.lower() == theirs.lower()
        for mine, theirs in zip(word, opening, strict=False)
    )


@attrs.frozen
class AgencyList:
    """The agencies sourcecompare recognises in credits.

    ``AgencyList.default()`` reads the list that ships with the package
    (``sourcecompare/data/agencies.json``); :meth:`extend` and :meth:`from_json` add
    your own. Matching is exact on whole credits (``Source: X``, ``(X)``,
    ``— X``); aliases of four characters or fewer match only with their case.

    .. versionadded:: 0.1
    """

    agencies: tuple[Agency, ...] = attrs.field(converter=_agency_tuple)
    _index: Mapping[str, Agency] = attrs.field(init=False, eq=False, repr=False)
    _spellings: tuple[tuple[str, ...], ...] = attrs.field(init=False, eq=False, repr=False)
    _openings: Mapping[str | None, list[int]] = attrs.field(init=False, eq=False, repr=False)
    _patterns: dict[tuple[str | None, ...], re.Pattern[str] | None] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        index: dict[str, Agency] = {}
        for agency in self.agencies:
            for alias in (agency.name, *agency.aliases):
                index.setdefault(_alias_key(alias), agency)
        object.__setattr__(self, "_index", index)
        # The same normalisation as lookup(): no leading "The", any run of spaces. Longest
        # first, so that the longest spelling written at a place is the one found there.
        spellings = sorted(
            {
                tuple(re.sub(r"^the\s+", "", alias.strip(), flags=re.IGNORECASE).split())
                for agency in self.agencies
                for alias in (agency.name, *agency.aliases)
            }
            - {()},
            key=lambda words: (-len(" ".join(words)), words),
        )
        object.__setattr__(self, "_spellings", tuple(spellings))
        # Which spellings open with which two characters (one for a word of one), by
        # position in the list; None for those whose opening is not all ASCII.
        openings: dict[str | None, list[int]] = {}
        for number, words in enumerate(spellings):
            opening = words[0][:2]
            openings.setdefault(opening.lower() if opening.isascii() else None, []).append(number)
        object.__setattr__(self, "_openings", openings)

    def _pattern(self, opening: str) -> re.Pattern[str] | None:
        """The spellings that can match where *opening* (two characters, or one) starts.

        One pattern of every spelling (some 3,000 characters) cost 9 ms to compile, and
        a credit line needs only a few. Each spelling whose first word can begin with
        *opening* in any case (see :func:`_may_open`) is in the pattern, in the list's
        order, so the first that matches is the one a pattern of all spellings would
        find. ``None`` when no spelling can. Patterns are kept, one per opening in
        lower case (non-ASCII characters count as one).
        """
        key = tuple(c.lower() if c.isascii() else None for c in opening)
        if key not in self._patterns:
            chosen = [
                words
                for words in (self._spellings[n] for n in self._candidates(opening))
                if _may_open(words[0], opening)
            ]
            alternatives = "|".join(r"\s+".join(re.escape(w) for w in words) for words in chosen)
            self._patterns[key] = (
                re.compile(rf"(?:{alternatives})(?![\w-])", _CREDIT_FLAGS) if chosen else None
            )
        return self._patterns[key]

    def _candidates(self, opening: str) -> list[int]:
        """Where in the list are the spellings that may open with *opening*, in order.

        For an ASCII opening: those opening with it or, for a first word of one
        character, with its first character, and those whose opening is not ASCII.
        For any other: all of them.
        """
        if not opening.isascii():
            return list(range(len(self._spellings)))
        lower = opening.lower()
        openings = self._openings
        shorter = openings.get(lower[:1], []) if len(lower) == 2 else []
        return sorted([*openings.get(lower, []), *shorter, *openings.get(None, [])])

    def _match(self, text: str, at: int, stop: int) -> re.Match[str] | None:
        """The first spelling (longest first) written at *at*, followed by no word character."""
        pattern = self._pattern(text[at : min(at + 2, stop)])
        return None if pattern is None else pattern.match(text, at, stop)

    @classmethod
    def default(cls) -> AgencyList:
        """The agency list that ships with sourcecompare."""
        return _default_agencies()

    @classmethod
    def from_json(cls, path: str | Path, *, extend_default: bool = True) -> AgencyList:
        """Read agencies from a JSON file shaped like the bundled ``agencies.json``."""
        import json  # noqa: PLC0415 - only this constructor reads user files

        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            extra = _agencies_from_data(data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            msg = f"cannot read agencies from {str(path)!r}: {exc}"
            raise InvalidOptionError(msg, option="agencies") from exc
        base = _default_agencies().agencies if extend_default else ()
        return cls((*base, *extra))

    def extend(self, agencies: Iterable[Agency]) -> AgencyList:
        """Return a new list with *agencies* added after the existing ones."""
        return AgencyList((*self.agencies, *agencies))

    def lookup(self, credit: str) -> Agency | None:
        """Return the agency whose alias is exactly *credit*, if any."""
        return self._index.get(_alias_key(credit.strip(" .,;:()[]-–—")))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[AgencyCredit]:
        """Find every agency spelling in ``text[start:end]`` (used on furniture lines only)."""
        stop = len(text) if end is None else end
        found = []
        # From left to right, as a search for any spelling (with an optional "the "
        # before it, and no letter, digit or hyphen on either side) would go: at each
        # place where a word can start, the spellings that can start there.
        position = start
        while (opening := _OPENING_RE.search(text, position, stop)) is not None:
            at = opening.start()
            match = None
            the = _THE_RE.match(text, at, stop)
            if the is not None and the.end() < stop:
                match = self._match(text, the.end(), stop)
            if match is None:
                match = self._match(text, at, stop)
            if match is None:
                position = at + 1
                continue
            written = text[at : match.end()]
            agency = self.lookup(written)
            if agency is not None:
                found.append(AgencyCredit(agency.name, at, match.end(), written, ""))
            position = match.end()
        return found


def _agencies_from_data(data: object) -> list[Agency]:
    if not isinstance(data, dict) or not isinstance(data.get("agencies"), list):
        msg = 'expected a JSON object with an "agencies" list'
        raise TypeError(msg)
    return [
        Agency(
            str(a["name"]), tuple(str(x) for x in a.get("aliases", ())), str(a.get("country", ""))
        )
        for a in data["agencies"]
    ]


@functools.cache
def _default_agencies() -> AgencyList:
    """The bundled agency list, read on first use (not at import: it is slow to build)."""
    return AgencyList(_agencies_from_data(load_json("agencies.json")))


@attrs.frozen
class Furniture:
    """A piece of wire furniture, kept out of the story's body.

    Attributes:
        kind: What it is.
        start: Offset of its first character.
        end: Offset one past its last character.
        text: The furniture as written.

    .. versionadded:: 0.1
    """

    kind: FurnitureKind
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        """The furniture's span."""
        return Span(self.start, self.end)


@attrs.frozen
class AgencyCredit:
    """An agency named as the source of the story.

    Attributes:
        agency: The agency's canonical name (for a dateline's agency the list lacks,
            its name as written).
        start: Offset of the credit as written.
        end: Offset one past it.
        text: The credit as written (``"Xinhua"``, ``"AP"``).
        where: Kind of furniture it stands in (``"dateline"``, ``"source_line"`` ...).

    .. versionadded:: 0.1
    """

    agency: str
    start: int
    end: int
    text: str
    where: str

    @property
    def span(self) -> Span:
        """The credit's span."""
        return Span(self.start, self.end)


@attrs.frozen
class Dateline:
    """The dateline before the first sentence of a wire story.

    Attributes:
        start: Offset of the dateline's first character.
        end: Offset one past its closing dash.
        text: The dateline as written.
        place: The place as written (``"GENEVA"``, ``"KYIV, Ukraine"``).
        place_span: Where the place stands.
        date: The date as written (``"March 12"``), or ``None``.
        date_span: Where the date stands, or ``None``.
        agency: Canonical name of the agency in brackets, or ``None``; for an agency the
            list lacks (see :func:`match_dateline`), its name as written.

    .. versionadded:: 0.1
    """

    start: int
    end: int
    text: str
    place: str
    place_span: Span
    date: str | None = None
    date_span: Span | None = None
    agency: str | None = None

    @property
    def span(self) -> Span:
        """The dateline's span."""
        return Span(self.start, self.end)


@attrs.frozen
class Byline:
    """The byline of a story.

    Attributes:
        start: Offset of the byline's first character.
        end: Offset one past its last.
        text: The byline as written.
        names: The names it gives, in order.

    .. versionadded:: 0.1
    """

    start: int
    end: int
    text: str
    names: tuple[str, ...]

    @property
    def span(self) -> Span:
        """The byline's span."""
        return Span(self.start, self.end)


MONTH_NUMBERS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_RE: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_PATTERNS: Final = (
    (r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)", 0),
    (rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})", re.I),
    (rf"(?P<mn>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
)
"""The full dates parse_date understands, tried in this order: each pattern with its flags.

Compiled when first tried (by :func:`re.search`, which keeps them): most dates are
ISO dates, and the other two patterns cost more to compile than the first one.
"""


def parse_date(text: str) -> dt.date | None:
    """Parse the first full date (with a year) in *text*, or return ``None``.

    Understood: ``2024-03-13``, ``2024/03/13``, ``13 March 2024``, ``March 13, 2024``,
    ``Mar. 13 2024``.

    .. versionadded:: 0.1
    """
    for pattern, flags in _DATE_PATTERNS:
        match = re.search(pattern, text, flags)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else MONTH_NUMBERS[parts["mn"].casefold()]
        try:
            return dt.date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
    return None


# --- line recognisers --------------------------------------------------------------------

_CRUMB_RE: Final = re.compile(
    r"^(?:[^\W\d_][\w&'’ .-]{0,30}?\s*[>›»]\s*)+(?:[^\W\d_][\w&'’ .-]{0,30})?$"
    r"|^(?:[^\W\d_][\w&'’ .-]{0,30}?\s*/\s*){2,}(?:[^\W\d_][\w&'’ .-]{0,30})?$"
)
_SOURCE_RE: Final = re.compile(
    r"^(?P<label>sources?|via|credit|provided by|from)\s*:\s*(?P<body>\S.*)$", re.I
)
_DATE_LINE_RE: Final = re.compile(
    r"^(?:(?:published|updated|posted|last updated|first published|date)(?:\s+on)?\s*:?\s*)"
    r"(?P<body>.*\d.*)$",
    re.I,
)
_FIELD_SPLIT_RE: Final = re.compile(r"\s*(?:\||·|•|\s[-–—]\s|,\s)\s*")
_BYLINE_RE: Final = re.compile(
    r"^By\s+(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|da|di|al|bin|el|la|le))*"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*)"
    r"(?:\s*(?:,|\||\s[-–—])\s*(?P<org>[^,|]{1,60}))?$"
)
_REPORTING_RE: Final = re.compile(
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|reported|"
    r"translated|produced)(?:\s+and\s+\w+)?\s+by\b.*$",
    re.I,
)
_CONTRIBUTOR_RE: Final = re.compile(
    r"^.{0,160}\bcontributed(?:\s+reporting)?\s+to\s+this\b.*$", re.I
)
_COPYRIGHT_RE: Final = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4}).*$", re.I)
_SEPARATOR_RE: Final = re.compile(r"^[_*=~-]{3,}$")


def _letters(case: Callable[[str], bool]) -> list[int]:
    """Code points of the non-ASCII Latin, Greek and Cyrillic letters of one case."""
    blocks = (range(0x80, 0x250), range(0x370, 0x530), range(0x1E00, 0x1F00))
    return [c for block in blocks for c in block if case(chr(c))]


# Place names are not only ASCII: "SÃO PAULO", "CÔTE D'IVOIRE", "Malmö". The dateline
# pattern's letter classes hold the ASCII letters and one stand-in of each case ("À",
# "à"); a line that is not ASCII is matched with every other Latin, Greek or Cyrillic
# capital turned into "À" and small letter into "à" (see _stand_ins). Letters listed one
# by one (some 600 of each case, four times over) made a pattern that cost 7 ms to
# compile; the stand-ins match exactly where the letters they replace would, and keep
# every offset.
_UP: Final = "A-Z\u00c0"
_LO: Final = "a-z\u00e0"
_DATELINE_RE: Final = re.compile(
    rf"""
    (?P<place>
        [{_UP}][{_UP}.'’\- ]*[{_UP}.]
        (?:,\s*(?!{_MONTH_RE}\b)[{_UP}][{_UP}{_LO}.'’\- ]{{1,30}}?)?
      | [{_UP}][{_LO}]+(?:[ -][{_UP}][{_LO}]+){{0,3}}
    )
    (?:,\s*(?P<date>{_MONTH_RE}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH_RE}\.?(?:\s+\d{{4}})?))?
    \s*(?:\((?P<agency>[^()\n]{{1,60}})\))?
    \s*(?P<dash>--|—|–|-|:)[ \t]*(?=\S|\n)
    """,
    re.VERBOSE,
)


@functools.cache
def _stand_ins() -> dict[int, str]:
    """The translation table that turns letters into the dateline pattern's stand-ins.

    Every non-ASCII Latin, Greek and Cyrillic capital becomes "À" and small letter "à"
    (one character for one, so offsets do not move). Both stand-ins are word characters
    of their case, like the letters they replace, and no other part of the pattern
    names a non-ASCII letter, so the pattern matches a translated line exactly where it
    would match the line with every such letter in its classes.
    """
    table = dict.fromkeys(_letters(str.isupper), "\u00c0")
    table.update(dict.fromkeys(_letters(str.islower), "\u00e0"))
    return table


# All-capital labels that open a story the way a place opens a dateline.
_KICKERS: Final = frozenset(
    """breaking update updated urgent flash exclusive analysis opinion editorial
    factbox explainer watch live alert corrected correction refile advisory""".split()
)


def match_dateline(text: str, start: int, end: int, agencies: AgencyList) -> Dateline | None:
    """Recognise a dateline at ``text[start:]`` (it must end before *end*)."""
    line = text[start:end]
    match = _DATELINE_RE.match(line if line.isascii() else line.translate(_stand_ins()))
    if match is None:
        return None
    # Each part as written in *line* (the match may have been made on stand-ins).
    place_written, date, agency_text, dash = (
        None if match.start(name) < 0 else line[match.start(name) : match.end(name)]
        for name in ("place", "date", "agency", "dash")
    )
    place = (place_written or "").strip()
    agency = agencies.lookup(agency_text) if agency_text else None
    letters = [c for c in place if c.isalpha()]
    all_caps = len(letters) >= 2 and place.split(",")[0].isupper()
    if place.split(",")[0].strip().casefold() in _KICKERS:
        return None  # "BREAKING --" labels the story; it names no place
    unlisted = None
    if agency_text and agency is None:
        if not (all_caps and date and _unlisted_agency(agency_text)):
            return None  # "(left)" or "(2019)" in brackets is not a dateline
        # "STOCKHOLM, March 3 (Nordwire) -": a place in capitals, a date and a name
        # in brackets make a dateline, and the name an agency the list lacks.
        unlisted = " ".join(agency_text.split())
    if not all_caps and agency is None:
        return None
    if not (agency or date or dash in {"--", "—", "–"}):
        return None
    if dash == ":" and not (agency or unlisted):
        return None
    place_start = start + match.start("place")
    date_span = Span(start + match.start("date"), start + match.end("date")) if date else None
    end_at = start + match.end("dash")
    return Dateline(
        start=start + match.start(),
        end=end_at,
        text=text[start + match.start() : end_at],
        place=place,
        place_span=Span(place_start, place_start + len(place)),
        date=date,
        date_span=date_span,
        agency=agency.name if agency else unlisted,
    )


def _unlisted_agency(text: str) -> bool:
    """Whether bracketed *text* in a dateline reads as the name of an agency.

    One to four words, each opening with a capital and made of letters (with "'",
    "&", "." or "-"): "Nordwire", "Agence Nordique", "NTB"; not "(2019)", "(left)" or a
    label such as "(UPDATED)".
    """
    words = text.split()
    return 1 <= len(words) <= 4 and all(
        word[0].isupper()
        and all(c.isalpha() or c in "'’&.-" for c in word)
        and word.casefold() not in _KICKERS
        for word in words
    )


def classify_header_line(line: str) -> FurnitureKind | None:
    """Classify a line at the top of a document as furniture, or return ``None``."""
    if len(line) > 200:
        return None
    if _SEPARATOR_RE.match(line):
        return FurnitureKind.SEPARATOR
    # The end punctuation first: a quick test, where the crumb pattern backtracks.
    if not line.rstrip().endswith((".", "!", "?")) and _CRUMB_RE.match(line):
        return FurnitureKind.CRUMB
    if _SOURCE_RE.match(line):
        return FurnitureKind.SOURCE_LINE
    if _DATE_LINE_RE.match(line) and parse_date(line) is not None:
        return FurnitureKind.DATE_LINE
    if _BYLINE_RE.match(line) and len(line.split()) <= 16:
        return FurnitureKind.BYLINE
    return None


def classify_trailer_line(line: str, agencies: AgencyList) -> FurnitureKind | None:
    """Classify a line at the end of a document as furniture, or return ``None``."""
    if len(line) > 300:
        return None
    if _SEPARATOR_RE.match(line):
        return FurnitureKind.SEPARATOR
    if _REPORTING_RE.match(line):
        return FurnitureKind.REPORTING_LINE
    if _CONTRIBUTOR_RE.match(line):
        return FurnitureKind.CONTRIBUTOR_LINE
    if _COPYRIGHT_RE.match(line):
        return FurnitureKind.COPYRIGHT
    if _SOURCE_RE.match(line):
        return FurnitureKind.SOURCE_LINE
    # The length first: it is free, and most lines a body ends with are sentences.
    if len(line) <= 60 and agencies.lookup(line.strip(" \t.-–—()[]")) is not None:
        return FurnitureKind.CREDIT_LINE
    return None


def source_line_fields(line: str) -> tuple[str, dt.date | None]:
    """Return the source name and the date (if any) of a source or date line."""
    match = _SOURCE_RE.match(line)
    body = match.group("body") if match else line
    fields = [f for f in _FIELD_SPLIT_RE.split(body) if f]
    return (fields[0] if fields else ""), parse_date(body)


def byline_names(line: str, agencies: AgencyList | None = None) -> tuple[str, ...]:
    """Return the names in a byline such as ``By Jane Doe and John Roe, Reuters``.

    An agency credited after the names (``Reuters`` above) is not a name.
    """
    match = _BYLINE_RE.match(line)
    if match is None:
        return ()
    known = _default_agencies() if agencies is None else agencies
    names = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))
    return tuple(
        n.strip()
        for n in names
        if n.strip()
        and known.lookup(n) is None
        and not _ROLE_WORDS.intersection(w.casefold() for w in n.split())
    )


# Words that make a byline part a role or desk rather than a person's name.
_ROLE_WORDS: Final = frozenset(
    """staff reporter reporters correspondent correspondents writer writers editor editors
    bureau desk news agency agencies team online digital service wire wires newsroom
    contributor contributors""".split()
)
