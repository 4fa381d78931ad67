from __future__ import annotations

import datetime as dt
import json
import random
import re
import string
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from sourcecompare import (
    Agency,
    AgencyList,
    Document,
    FurnitureKind,
    InvalidOptionError,
    SourceCompareError,
    _furniture,
    parse_date,
)
from sourcecompare._furniture import match_dateline

HEADLINE = "Lindby harbour board approves ferry link"
BODY = "The harbour board approved a ferry link on Tuesday. It will open in May."


def article(*header: str, body: str = BODY, trailer: tuple[str, ...] = ()) -> Document:
    """Parse a fictional article: a headline, header lines, a body and trailer lines."""
    return Document.from_text("\n\n".join([HEADLINE, *header, body, *trailer]) + "\n")


def kinds(doc: Document) -> list[FurnitureKind]:
    """The kinds of the document's furniture, in text order."""
    return [f.kind for f in doc.furniture]


def furniture_of(doc: Document, kind: FurnitureKind) -> list[str]:
    """The texts of the document's furniture of one kind."""
    return [f.text for f in doc.furniture if f.kind is kind]


class TestCrumbs:
    """Navigation crumbs."""

    @pytest.mark.parametrize(
        "crumb", ["News >", "Home > World > Europe", "World › Europe", "News / World / Europe"]
    )
    def test_crumb_line_is_furniture(self, crumb):
        """A navigation crumb above the headline is furniture, not the headline."""
        doc = Document.from_text(f"{crumb}\n\n{HEADLINE}\n\n{BODY}")

        assert furniture_of(doc, FurnitureKind.CRUMB) == [crumb]
        assert doc.headline is not None
        assert doc.headline.text == HEADLINE

    def test_crumb_is_not_a_sentence(self):
        """A crumb never becomes a segment."""
        doc = Document.from_text(f"News >\n\n{HEADLINE}\n\n{BODY}")

        assert all(">" not in s.text for s in doc.segments)


class TestSourceLines:
    """Source lines such as 'Source: Xinhua | 2024-03-13'."""

    def test_source_line_gives_date_and_credit(self):
        """'Source: Xinhua | 2024-03-13' gives the published date and a Xinhua credit."""
        doc = article("Source: Xinhua | 2024-03-13")

        assert doc.published == dt.date(2024, 3, 13)
        assert furniture_of(doc, FurnitureKind.SOURCE_LINE) == ["Source: Xinhua | 2024-03-13"]
        [credit] = doc.credits
        assert credit.agency == "Xinhua"
        assert credit.text == "Xinhua"
        assert credit.where == "source_line"
        assert credit.start == doc.text.index("Xinhua")
        assert credit.end == credit.start + len("Xinhua")
        assert doc.text[credit.start : credit.end] == "Xinhua"
        assert doc.agency == "Xinhua"

    def test_source_line_of_unknown_source_is_no_credit(self):
        """A source line naming something that is not an agency credits nobody."""
        doc = article("Source: Lindby Gazette | 2024-03-13")

        assert kinds(doc) == [FurnitureKind.SOURCE_LINE]
        assert doc.credits == ()
        assert doc.published == dt.date(2024, 3, 13)

    def test_source_line_without_date(self):
        """A source line without a date credits the agency and sets no date."""
        doc = article("Source: Reuters")

        assert doc.agency == "Reuters"
        assert doc.published is None


class TestDateLines:
    """Publication-date lines."""

    @pytest.mark.parametrize(
        ("line", "date"),
        [
            ("Published: 13 March 2024", dt.date(2024, 3, 13)),
            ("Updated: March 14, 2024", dt.date(2024, 3, 14)),
            ("Posted on 2024-03-15", dt.date(2024, 3, 15)),
        ],
    )
    def test_date_line(self, line, date):
        """A publication-date line is furniture and sets the published date."""
        doc = article(line)

        assert furniture_of(doc, FurnitureKind.DATE_LINE) == [line]
        assert doc.published == date
        assert doc.credits == ()

    def test_first_date_wins(self):
        """With a source line and a later date line, the first date is the published date."""
        doc = article("Source: Reuters | 2024-03-13", "Updated: 20 March 2024")

        assert doc.published == dt.date(2024, 3, 13)


class TestBylines:
    """Bylines and their names."""

    def test_simple_byline(self):
        """'By Jane Doe' is a byline with one name and no credit."""
        doc = article("By Jane Doe")

        assert doc.byline is not None
        assert doc.byline.names == ("Jane Doe",)
        assert doc.byline.text == "By Jane Doe"
        assert doc.text[doc.byline.start : doc.byline.end] == "By Jane Doe"
        assert doc.credits == ()

    def test_capitals_and_two_names(self):
        """'By JANE DOE and JOHN ROE' gives both names."""
        doc = article("By JANE DOE and JOHN ROE")

        assert doc.byline is not None
        assert doc.byline.names == ("JANE DOE", "JOHN ROE")

    def test_byline_with_agency_credits_it(self):
        """'By Jane Doe, Reuters' credits Reuters, and Reuters is not one of the names."""
        doc = article("By Jane Doe, Reuters")

        assert doc.byline is not None
        assert doc.byline.names == ("Jane Doe",)
        [credit] = doc.credits
        assert credit.agency == "Reuters"
        assert credit.where == "byline"
        assert doc.text[credit.start : credit.end] == "Reuters"

    def test_byline_is_not_a_sentence(self):
        """The byline never becomes a segment."""
        doc = article("By Jane Doe")

        assert all("Jane" not in s.text for s in doc.segments)


class TestHeadlineRepeat:
    """The headline printed twice."""

    def test_repeated_headline_is_furniture(self):
        """The headline printed a second time is furniture, and the headline stays one segment."""
        doc = Document.from_text(f"{HEADLINE}\n\nSource: Reuters\n{HEADLINE}\n\n{BODY}")

        assert furniture_of(doc, FurnitureKind.HEADLINE_REPEAT) == [HEADLINE]
        assert [s.text for s in doc.segments if s.text == HEADLINE] == [HEADLINE]
        assert doc.headline is not None
        assert doc.headline.start == 0

    def test_repeat_ignores_case_and_spacing(self):
        """A repeat that differs only in case and spacing is still a repeat."""
        doc = Document.from_text(f"{HEADLINE}\n\n{HEADLINE.upper().replace(' ', '  ')}\n\n{BODY}")

        assert kinds(doc) == [FurnitureKind.HEADLINE_REPEAT]


class TestDatelines:
    """Datelines before the first sentence."""

    @pytest.mark.parametrize(
        ("opening", "place", "date", "agency"),
        [
            ("GENEVA, March 12 (Xinhua) --", "GENEVA", "March 12", "Xinhua"),
            ("WASHINGTON (AP) —", "WASHINGTON", None, "Associated Press"),
            ("LONDON, Jan 5 (Reuters) -", "LONDON", "Jan 5", "Reuters"),
            ("KYIV, Ukraine (AP) —", "KYIV, Ukraine", None, "Associated Press"),
            ("Paris (AFP) -", "Paris", None, "Agence France-Presse"),
            ("SÃO PAULO, Brazil (Reuters) -", "SÃO PAULO, Brazil", None, "Reuters"),
            ("CÔTE D'IVOIRE (AFP) -", "CÔTE D'IVOIRE", None, "Agence France-Presse"),
            ("Malmö (AP) —", "Malmö", None, "Associated Press"),
        ],
    )
    def test_dateline_forms(self, opening, place, date, agency):
        """Each common dateline form gives place, date and agency, with exact spans."""
        doc = article(body=f"{opening} The harbour board met on Tuesday. It voted.")
        dateline = doc.dateline

        assert dateline is not None
        assert dateline.text == opening
        assert doc.text[dateline.start : dateline.end] == opening
        assert dateline.place == place
        assert dateline.place_span.slice(doc.text) == place
        assert dateline.date == date
        if date is None:
            assert dateline.date_span is None
        else:
            assert dateline.date_span is not None
            assert dateline.date_span.slice(doc.text) == date
        assert dateline.agency == agency
        assert doc.agency == agency
        [credit] = doc.credits
        assert credit.where == "dateline"
        assert dateline.start < credit.start
        assert credit.end <= dateline.end
        assert furniture_of(doc, FurnitureKind.DATELINE) == [opening]

    def test_dateline_excluded_from_first_sentence(self):
        """The first sentence starts after the dateline and its space."""
        doc = article(body="LONDON, Jan 5 (Reuters) - The harbour board met on Tuesday. It voted.")

        assert doc.sentences[0].text == "The harbour board met on Tuesday."

    def test_dateline_only_in_first_paragraph(self):
        """A dateline-like opening of a later paragraph is body text."""
        doc = article(body=f"{BODY}\n\nLONDON (Reuters) - A second paragraph.")

        assert doc.dateline is None
        assert doc.sentences[-1].text == "LONDON (Reuters) - A second paragraph."

    def test_all_caps_place_with_dash_and_no_agency(self):
        """'OSLO -- ' with a double dash is a dateline without an agency."""
        dateline = match_dateline("OSLO -- The board met.", 0, 22, AgencyList.default())

        assert dateline is not None
        assert dateline.place == "OSLO"
        assert dateline.agency is None


class TestTrailers:
    """Furniture at the end of a story."""

    def test_reporting_line(self):
        """'(Reporting by X; Editing by Y)' at the end is a reporting line."""
        line = "(Reporting by Jane Doe; Editing by John Roe)"
        doc = article(trailer=(line,))

        assert furniture_of(doc, FurnitureKind.REPORTING_LINE) == [line]
        assert doc.sentences[-1].text == "It will open in May."

    def test_contributor_line_credits_ap(self):
        """'Associated Press writer X in Y contributed to this report.' credits AP."""
        line = "Associated Press writer Li Wen in Skarv contributed to this report."
        doc = article(trailer=(line,))

        assert furniture_of(doc, FurnitureKind.CONTRIBUTOR_LINE) == [line]
        [credit] = doc.credits
        assert credit.agency == "Associated Press"
        assert credit.where == "contributor_line"
        assert doc.text[credit.start : credit.end] == "Associated Press"

    def test_copyright_line(self):
        """A copyright notice is furniture and credits the agency it names."""
        line = "Copyright 2025 The Associated Press. All rights reserved."
        doc = article(trailer=(line,))

        assert furniture_of(doc, FurnitureKind.COPYRIGHT) == [line]
        assert doc.agency == "Associated Press"
        assert all("Copyright" not in s.text for s in doc.segments)

    @pytest.mark.parametrize("line", ["— Reuters", "-- Reuters", "(Reuters)"])
    def test_lone_credit_line(self, line):
        """A line holding only an agency credit is a credit line."""
        doc = article(trailer=(line,))

        assert furniture_of(doc, FurnitureKind.CREDIT_LINE) == [line]
        [credit] = doc.credits
        assert credit.agency == "Reuters"
        assert credit.where == "credit_line"

    def test_separator_and_several_trailers(self):
        """A rule and several trailer lines are all furniture, in text order."""
        doc = article(trailer=("___", "(Reporting by Jane Doe)", "— Reuters"))

        assert kinds(doc) == [
            FurnitureKind.SEPARATOR,
            FurnitureKind.REPORTING_LINE,
            FurnitureKind.CREDIT_LINE,
        ]
        assert doc.sentences[-1].text == "It will open in May."


class TestNotFurniture:
    """Text that looks like furniture but is not."""

    @pytest.mark.parametrize(
        "sentence",
        [
            "The PA said on Monday that it would act.",
            "The AP reported the vote first.",
            "Reuters and Xinhua both reported the vote.",
        ],
    )
    def test_agency_names_in_body_are_not_credits(self, sentence):
        """Agency names in running text are never credits."""
        doc = Document.from_text(f"{BODY}\n\n{sentence}\n\nThe board will meet again.")

        assert doc.credits == ()
        assert doc.furniture == ()
        assert sentence in [s.text for s in doc.sentences]

    def test_nato_sentence_is_not_a_dateline(self):
        """An all-capital first word ('NATO leaders met') does not make a dateline."""
        doc = Document.from_text("NATO leaders met in Brussels on Monday. They agreed on spending.")

        assert doc.dateline is None
        assert doc.sentences[0].text == "NATO leaders met in Brussels on Monday."

    def test_brackets_that_are_not_an_agency(self):
        """'(left)' in brackets before a dash is not an agency, so there is no dateline."""
        agencies = AgencyList.default()
        text = "LINDBY (left) - the minister waves."

        assert match_dateline(text, 0, len(text), agencies) is None
        doc = Document.from_text(f"{HEADLINE}\n\n{text} The crowd cheered.")
        assert doc.dateline is None
        assert doc.credits == ()

    def test_unlisted_agency_in_a_full_dateline(self):
        """A place in capitals, a date and a name in brackets: an agency the list lacks."""
        doc = Document.from_text(
            f"{HEADLINE}\n\nLINDBY, March 3 (Nordwire) - The ferry resumed service.\n\n{BODY}"
        )

        assert doc.dateline is not None
        assert doc.dateline.agency == "Nordwire"
        assert doc.dateline.date == "March 3"
        [credit] = doc.credits
        assert (credit.agency, credit.where, credit.text) == ("Nordwire", "dateline", "Nordwire")
        assert doc.text[credit.start : credit.end] == "Nordwire"
        assert doc.sentences[0].text == "The ferry resumed service."
        spaced = Document.from_text(
            f"{HEADLINE}\n\nLINDBY, March 3 ( Agence  Nordique ) - The ferry resumed.\n\n{BODY}"
        )
        [credit] = spaced.credits
        assert (credit.agency, credit.text) == ("Agence Nordique", "Agence  Nordique")
        assert spaced.text[credit.start : credit.end] == "Agence  Nordique"

    @pytest.mark.parametrize(
        "opening",
        [
            "LINDBY (Nordwire) - ",  # no date
            "LINDBY, March 3 (2019) - ",  # not a name
            "LINDBY, March 3 (UPDATED) - ",  # a label
            "Lindby, March 3 (Nordwire) - ",  # the place not in capitals
        ],
    )
    def test_unlisted_agency_needs_the_whole_shape(self, opening):
        """Without every part of the shape, a bracket the list lacks makes no dateline."""
        doc = Document.from_text(f"{HEADLINE}\n\n{opening}The ferry resumed service.\n\n{BODY}")

        assert doc.dateline is None
        assert doc.credits == ()

    def test_sentence_with_by_is_not_a_byline(self):
        """A sentence that starts with 'By' and ends with a period is body text."""
        doc = Document.from_text(
            f"{HEADLINE}\n\nBy noon on Tuesday, the board had voted to approve the link.\n\n{BODY}"
        )

        assert doc.byline is None
        assert doc.sentences[0].text.startswith("By noon")

    def test_last_body_sentence_naming_agency_is_kept(self):
        """A body sentence that mentions an agency at the end is not a trailer."""
        doc = Document.from_text(f"{BODY}\n\nThe figures were first reported by Reuters.")

        assert doc.sentences[-1].text == "The figures were first reported by Reuters."
        assert doc.credits == ()


class TestAgencyList:
    """The agency list: contents, lookup, extension and loading."""

    @pytest.mark.parametrize(
        "name",
        [
            "Xinhua",
            "AP",
            "Associated Press",
            "Reuters",
            "AFP",
            "PA Media",
            "UPI",
            "Bloomberg",
            "dpa",
            "ANSA",
            "EFE",
            "Kyodo",
            "Yonhap",
            "TASS",
            "RIA Novosti",
            "AAP",
            "Canadian Press",
        ],
    )
    def test_default_contains_required_agencies(self, agencies, name):
        """The bundled list knows every agency sourcecompare promises to recognise."""
        assert agencies.lookup(name) is not None

    def test_default_is_shared(self):
        """default() returns the same list each time."""
        assert AgencyList.default() is AgencyList.default()

    def test_short_aliases_are_case_sensitive(self, agencies):
        """'AP' is the Associated Press; 'ap' and 'Ap' are not."""
        found = agencies.lookup("AP")

        assert found is not None
        assert found.name == "Associated Press"
        assert agencies.lookup("ap") is None
        assert agencies.lookup("Ap") is None

    def test_long_aliases_ignore_case_article_and_punctuation(self, agencies):
        """Long aliases match in any case, with 'the' and surrounding punctuation ignored."""
        for credit in ["associated press", "The Associated Press", "(the ASSOCIATED PRESS)"]:
            found = agencies.lookup(credit)
            assert found is not None
            assert found.name == "Associated Press"

    def test_unknown_credit(self, agencies):
        """A name that is no agency's alias is not found."""
        assert agencies.lookup("Lindby Gazette") is None
        assert agencies.lookup("") is None

    def test_find_gives_spans(self, agencies):
        """find() returns every credit in a range with exact spans."""
        text = "Source: Reuters, with AP"
        found = agencies.find(text)

        assert [c.agency for c in found] == ["Reuters", "Associated Press"]
        assert [text[c.start : c.end] for c in found] == ["Reuters", "AP"]
        assert [c.span.slice(text) for c in found] == ["Reuters", "AP"]

    def test_find_does_not_match_inside_words(self, agencies):
        """An alias inside a longer word or a hyphenated word is not found."""
        assert agencies.find("CAPE and AP-style and Reutersville") == []

    def test_extend_returns_new_list(self, agencies):
        """extend() returns a new list with the added agency; the original is unchanged."""
        gazette = Agency("Lindby Wire", ("LW", "Lindby Wire Service"), "XX")
        extended = agencies.extend([gazette])

        assert extended.lookup("LW") == gazette
        assert extended.lookup("lindby wire service") == gazette
        assert extended.lookup("Reuters") is not None
        assert agencies.lookup("LW") is None
        assert len(extended.agencies) == len(agencies.agencies) + 1

    def test_extended_list_used_by_document(self, agencies):
        """A document parsed with an extended list recognises the new agency in a dateline."""
        extended = agencies.extend([Agency("Lindby Wire", ("LW",))])
        text = f"{HEADLINE}\n\nLINDBY (LW) - {BODY}"

        assert Document.from_text(text).dateline is None
        doc = Document.from_text(text, agencies=extended)
        assert doc.dateline is not None
        assert doc.agency == "Lindby Wire"

    def test_agency_aliases_become_a_tuple(self):
        """Agency aliases are stored as a tuple."""
        assert Agency("Lindby Wire", ["LW"]).aliases == ("LW",)

    def test_from_json(self, tmp_path):
        """from_json() reads agencies and adds them to the default list."""
        path = tmp_path / "agencies.json"
        data = {"agencies": [{"name": "Lindby Wire", "aliases": ["LW"], "country": "XX"}]}
        path.write_text(json.dumps(data), encoding="utf-8")
        loaded = AgencyList.from_json(path)

        found = loaded.lookup("LW")
        assert found == Agency("Lindby Wire", ("LW",), "XX")
        assert loaded.lookup("Reuters") is not None

    def test_from_json_without_default(self, tmp_path):
        """from_json(extend_default=False) holds only the file's agencies."""
        path = tmp_path / "agencies.json"
        path.write_text('{"agencies": [{"name": "Lindby Wire"}]}', encoding="utf-8")
        loaded = AgencyList.from_json(str(path), extend_default=False)

        assert [a.name for a in loaded.agencies] == ["Lindby Wire"]
        assert loaded.lookup("Lindby Wire") is not None
        assert loaded.lookup("Reuters") is None

    @pytest.mark.parametrize(
        "content",
        ["{not json", '{"agency": []}', '{"agencies": [{"aliases": ["LW"]}]}', "[1, 2]"],
    )
    def test_from_json_bad_file(self, tmp_path, content):
        """A malformed or misshapen file raises InvalidOptionError naming the file."""
        path = tmp_path / "broken-agencies.json"
        path.write_text(content, encoding="utf-8")

        with pytest.raises(InvalidOptionError, match=r"broken-agencies\.json") as info:
            AgencyList.from_json(path)
        assert info.value.option == "agencies"
        assert isinstance(info.value, SourceCompareError)

    def test_from_json_missing_file(self, tmp_path):
        """A missing file raises InvalidOptionError naming it."""
        with pytest.raises(InvalidOptionError, match=r"nowhere\.json"):
            AgencyList.from_json(tmp_path / "nowhere.json")

    def test_lists_compare_by_agencies(self, agencies):
        """Two lists with the same agencies are equal; the index is not compared."""
        assert AgencyList(agencies.agencies) == agencies
        assert attrs.evolve(agencies, agencies=()) != agencies


class TestParseDate:
    """parse_date on publication-date formats."""

    @pytest.mark.parametrize(
        ("text", "date"),
        [
            ("2024-03-13", dt.date(2024, 3, 13)),
            ("2024/03/13", dt.date(2024, 3, 13)),
            ("13 March 2024", dt.date(2024, 3, 13)),
            ("13th March 2024", dt.date(2024, 3, 13)),
            ("March 13, 2024", dt.date(2024, 3, 13)),
            ("Mar. 13 2024", dt.date(2024, 3, 13)),
            ("Sept 1, 2025", dt.date(2025, 9, 1)),
            ("Updated: 2 december 2025 10:14 GMT", dt.date(2025, 12, 2)),
        ],
    )
    def test_formats(self, text, date):
        """The common publication-date formats are understood."""
        assert parse_date(text) == date

    @pytest.mark.parametrize("text", ["", "March 13", "no date here", "2024-02-30", "13 Mars 2024"])
    def test_no_full_date(self, text):
        """Text without a valid date with a year gives None."""
        assert parse_date(text) is None

    def test_invalid_first_date_falls_back(self):
        """An impossible ISO date does not hide a valid written date later on."""
        assert parse_date("2024-02-30 or 1 March 2024") == dt.date(2024, 3, 1)


class TestCheapPatterns:
    """The dateline and credit patterns, cheap to compile, match as the full ones would.

    Both were once single patterns that cost 7 and 9 ms to compile at every start: a
    dateline pattern listing every Latin, Greek and Cyrillic letter in its classes, and
    one alternation of every agency spelling. The reference patterns are rebuilt here.
    """

    @staticmethod
    def _letters(case: Callable[[str], bool]) -> str:
        blocks = (range(0x41, 0x250), range(0x370, 0x530), range(0x1E00, 0x1F00))
        return "".join(re.escape(chr(c)) for block in blocks for c in block if case(chr(c)))

    def _full_dateline(self) -> re.Pattern[str]:
        pattern = _furniture._DATELINE_RE.pattern
        full = pattern.replace(_furniture._UP, self._letters(str.isupper))
        return re.compile(full.replace(_furniture._LO, self._letters(str.islower)), re.VERBOSE)

    def test_stand_ins_keep_case_and_word_class(self):
        """Every letter a stand-in replaces has the stand-in's case and is a word character."""
        table = _furniture._stand_ins()
        assert len(table) > 1000
        for code, stand_in in table.items():
            letter = chr(code)
            assert not letter.isascii()
            assert re.fullmatch(r"\w", letter)
            assert re.fullmatch(r"\w", stand_in)
            assert letter.isupper() == stand_in.isupper()
            assert letter.islower() == stand_in.islower()

    def test_datelines_match_as_with_every_letter_listed(self):
        """Lines with and without non-ASCII letters give the same dateline parts."""
        full = self._full_dateline()
        names = ("place", "date", "agency", "dash")
        rng = random.Random(7)  # noqa: S311 - test data
        capitals = [*"ABCDEÀÃÔÉÖŁŚΑΩДЖ", "Ǆ", "Ǉ"]
        small = [*"abcdeàãôéößłśαωдж", "ǅ"]
        pieces = [*" ,.'’-—–:()\n", "March", "Mar.", " 12", ", 2024", "(Reuters)", " -- ", "ǈ"]
        lines = [
            "SÃO PAULO, March 12 (Reuters) - Brazil's",
            "CÔTE D'IVOIRE, 3 Mai (AFP) -- La",
            "Malmö (TT) – Polisen",
            "МОСКВА, 12 марта (Interfax) - Президент",
            "ΑΘΗΝΑ (ANA-MPA) — Η",
        ]
        for _ in range(20_000):
            choice = rng.choices((capitals, small, pieces), weights=(4, 3, 3), k=rng.randint(2, 14))
            lines.append("".join(rng.choice(pool) for pool in choice))
        for line in lines:
            expected = full.match(line)
            dateline = match_dateline(line, 0, len(line), AgencyList.default())
            if expected is None:
                assert dateline is None, line
            elif dateline is not None:
                assert dateline.text == line[: expected.end("dash")], line
                assert dateline.place_span.start == expected.start("place"), line
                assert dateline.date == expected.group("date"), line
            translated = line.translate(_furniture._stand_ins())
            match = _furniture._DATELINE_RE.match(translated)
            assert (match and [match.span(n) for n in names]) == (
                expected and [expected.span(n) for n in names]
            ), line

    @staticmethod
    def _one_pattern(agencies: AgencyList) -> re.Pattern[str]:
        """One pattern of every spelling: the search the credits once used."""
        spellings = agencies._spellings
        alternatives = "|".join(r"\s+".join(re.escape(w) for w in words) for words in spellings)
        return re.compile(rf"(?<![\w-])(?:the\s+)?(?:{alternatives})(?![\w-])", re.I)

    @staticmethod
    def _found(agencies: AgencyList, pattern: re.Pattern[str], text: str) -> list[tuple[Any, ...]]:
        """The credits *pattern* finds in *text*, as :meth:`AgencyList.find` reports them."""
        found = []
        for match in pattern.finditer(text):
            agency = agencies.lookup(match.group())
            if agency is not None:
                found.append((agency.name, match.start(), match.end(), match.group()))
        return found

    @pytest.mark.parametrize("custom", [False, True])
    def test_credits_found_as_by_one_pattern_of_all_spellings(self, custom):
        """Credits are found where, and as, a pattern of all spellings finds them."""
        if custom:  # characters that match other ones when case is ignored
            agencies = AgencyList(
                [
                    Agency("Kelvin Press", ("KP", "Kelvin", "ſource", "İhlas", "(Wire)", "a")),
                    Agency("Ab Cd", ("Ab Cd", "the X", "Xx-Y")),
                ]
            )
            words = ["Kelvin", "KELVIN", "\u212aelvin", "source", "ſource", "ihlas", "İhlas"]
            words += ["(Wire)", "(wire)", "a", "A", "ab  cd", "AB\tCD", "the x", "xx-y", "Ab"]
        else:
            agencies = AgencyList.default()
            aliases = [a for agency in agencies.agencies for a in (agency.name, *agency.aliases)]
            words = [*aliases, *(a.upper() for a in aliases), *(a.lower() for a in aliases)]
        words += ["the ", "The  ", " ", "-", "(", ")", ", ", "—", "x", "é", "\n", "News", "2025"]
        pattern = self._one_pattern(agencies)
        rng = random.Random(11)  # noqa: S311 - test data
        for _ in range(3_000):
            text = "".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
            found = [(c.agency, c.start, c.end, c.text) for c in agencies.find(text)]
            assert found == self._found(agencies, pattern, text), text

    def test_openings_err_on_the_side_of_yes(self):
        """Any character that matches a spelling's opening when case is ignored is let in."""
        everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
        initials = {w[0][0] for w in AgencyList.default()._spellings}
        for initial in sorted(initials | set(string.ascii_letters + string.digits + "(-")):
            for text in re.findall(re.escape(initial), everything, re.IGNORECASE):
                assert _furniture._may_open(initial, text), (initial, text)
