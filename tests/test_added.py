"""framing.added_fact: figures, dates, names and quotations the derivative adds.

Every text here is fictional and written for these tests.
"""

from __future__ import annotations

import json
import pickle
import textwrap
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sourcecompare as sc
from sourcecompare.detectors import (
    FACT_LISTS,
    KINDS,
    AddedFact,
    FactLexicon,
    default_detectors,
)
from sourcecompare.detectors.added import FACT_TYPES, QUOTE_FOUND
from strategies import article_text, unicode_text

KIND = "framing.added_fact"

WIRE = textwrap.dedent(
    """\
    HALVIK, Oct. 3 (Reuters) - The Halvik council will vote on the harbour budget on
    Friday, council leader Astrid Moen said.

    The budget sets aside 4.2 million crowns for repairs to the Skarv pier, which storms
    damaged on Sept. 14, 2025.

    "We cannot let the pier fall apart," Moen told reporters at 10 a.m. on Thursday.

    Ferry operator Nordline said traffic to the island had fallen 12 percent this year,
    and the United Nations Development Programme paid 4,987 crowns for a study. The
    Halvik Port Authority said five ferries would run.
    """
)


def added(wire: str, derivative: str, *more_wires: str) -> list[sc.Finding]:
    """The added-fact findings of a derivative against one or more wires.

    With one wire every detector runs (as a user's comparison does); with several,
    only this one.
    """
    wires = [sc.Document.from_text(w) for w in (wire, *more_wires)]
    alignment = sc.align(wires if more_wires else wires[0], sc.Document.from_text(derivative))
    detectors = [AddedFact()] if more_wires else None
    return [f for f in sc.detect(alignment, detectors=detectors) if f.kind == KIND]


def texts(derivative: str, finding: sc.Finding) -> list[str]:
    """The derivative texts a finding's spans point at."""
    return [derivative[s.start : s.end] for s in finding.derivative_spans]


def fact_type(finding: sc.Finding) -> str:
    """The kind of fact a finding reports."""
    return FACT_TYPES[int(finding.score_map["fact_type"])]


def only(wire: str, derivative: str) -> sc.Finding:
    """The one added-fact finding of a pair."""
    found = added(wire, derivative)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


class TestRegistration:
    """The detector is one of the built-in ones."""

    def test_kind_and_default(self):
        """framing.added_fact is a built-in kind, and AddedFact runs by default."""
        assert KIND in KINDS
        assert any(isinstance(d, AddedFact) for d in default_detectors())
        assert AddedFact.name == "added_fact"

    def test_fact_types(self):
        """The fact types are documented, in a fixed order."""
        assert FACT_TYPES == (
            "figure",
            "date",
            "person",
            "organisation",
            "place",
            "event",
            "name",
            "quote",
        )


class TestNothingAdded:
    """Unchanged copy and faithful rewrites yield no added facts."""

    def test_unchanged_copy(self):
        """The wire compared with itself adds nothing."""
        assert added(WIRE, WIRE) == []

    def test_variants_of_figures(self):
        """Digits, words, magnitudes, percent signs and roundings are the same figure."""
        derivative = (
            "The budget holds 4.2m crowns for the Skarv pier. Traffic fell 12% this year, "
            "Nordline said, and the UNDP paid about 5,000 crowns for a study. "
            "Halvik's port authority said 5 ferries would run."
        )
        assert added(WIRE, derivative) == []

    def test_variants_of_dates(self):
        """A reordered date, a weekday of a dated wire, a time written otherwise."""
        derivative = (
            "Storms damaged the Skarv pier on 14 September. "
            "Moen spoke to reporters at 10am on Thursday. "
            "The council votes in October."
        )
        assert added(WIRE, derivative) == []

    def test_weekday_for_a_date(self):
        """A weekday is found when the wire's date falls on it, or says "yesterday"."""
        wire = "The pier reopened on March 12, 2025, the council said."
        assert added(wire, "The pier reopened on Wednesday, the council said.") == []
        shifted = only(wire, "The pier reopened on Thursday, the council said.")
        assert fact_type(shifted) == "date"
        relative = "The pier reopened yesterday, the council said."
        assert added(relative, "The pier reopened on Monday, the council said.") == []

    def test_variants_of_names(self):
        """A surname for a full name, an acronym for a name, a demonym for a country."""
        wire = (
            "Astrid Moen of the Halvik Port Authority met officials of the United Nations "
            "in Norway."
        )
        derivative = "Moen, of the HPA, met UN officials in Norway. The Norwegian officials agreed."
        assert added(wire, derivative) == []

    def test_name_in_a_second_wire(self):
        """A fact any wire has is not added."""
        first = "The Halvik council will vote on Friday."
        second = "Council leader Astrid Moen backed the plan."
        derivative = "The Halvik council will vote on Friday, Astrid Moen said."
        assert added(first, derivative, second) == []

    def test_furniture_counts(self):
        """The agency and place of the wire's dateline are in the wire."""
        derivative = "Halvik's council will vote on Friday, Reuters reported."
        assert added(WIRE, derivative) == []

    def test_kept_quotation(self):
        """A quotation the wire has, even cut, is not added."""
        derivative = 'Moen said: "We cannot let the pier fall apart."'
        assert added(WIRE, derivative) == []

    def test_sentence_opening_word(self):
        """A capital that only opens a sentence is not taken for a name."""
        wire = "Storms damaged the pier."
        assert added(wire, "Yesterday storms damaged the pier.") == []

    def test_title_case_heading(self):
        """The words of a title-case heading are not names."""
        wire = "Storms damaged the pier. Repairs will start soon."
        derivative = (
            "Storms damaged the pier.\n\nA Lifeline For Islanders\n\nRepairs will start soon."
        )
        assert added(wire, derivative) == []


class TestFigures:
    """Numbers and quantities."""

    def test_changed_figure(self):
        """A figure the wire does not give is high severity.

        The evidence names what the wire sentence it draws on gives instead.
        """
        derivative = "The budget sets aside 6.5 million crowns for repairs to the Skarv pier."
        finding = only(WIRE, derivative)
        assert fact_type(finding) == "figure"
        assert finding.severity is sc.Severity.HIGH
        assert texts(derivative, finding) == ["6.5 million"]
        assert [WIRE[s.start : s.end] for s in finding.wire_spans] == ["4.2 million"]
        assert "gives “4.2 million”" in finding.message

    def test_currency_and_percent(self):
        """A currency sign and the words of a percentage belong to the figure."""
        wire = "The plant cost a lot, and traffic fell."
        derivative = "The plant cost £5m, and traffic fell 15 per cent."
        found = added(wire, derivative)
        assert [texts(derivative, f) for f in found] == [["£5m"], ["15 per cent"]]

    def test_rounding_limit(self):
        """A rounding more than 10% away, or of a small number, is another figure."""
        wire = "The study cost 4,400 crowns and 24 people took part."
        derivative = "The study cost 5,000 crowns and 20 people took part."
        assert [texts(derivative, f) for f in added(wire, derivative)] == [["5,000"], ["20"]]

    def test_number_words(self):
        """Number words are figures; "one" alone is not."""
        wire = "Ferries will run."
        derivative = "Twenty-five ferries will run, one of them at night."
        finding = only(wire, derivative)
        assert texts(derivative, finding) == ["Twenty-five"]


class TestDates:
    """Dates and times."""

    def test_date_shift(self):
        """A date the wire does not give is low severity, with the wire's own date."""
        derivative = "Storms damaged the Skarv pier on Sept. 16, 2025."
        finding = only(WIRE, derivative)
        assert finding.severity is sc.Severity.LOW
        assert texts(derivative, finding) == ["Sept. 16, 2025"]
        assert [WIRE[s.start : s.end] for s in finding.wire_spans] == ["Sept. 14, 2025"]
        assert finding.message == (
            "The date “Sept. 16, 2025” is not in the wire; wire sentence 1, which it "
            "draws on, gives “Sept. 14, 2025”."
        )

    def test_time(self):
        """A time of day is compared by hour and minute."""
        derivative = "Moen told reporters at 11 a.m. that the pier must not fall apart."
        finding = only(WIRE, derivative)
        assert finding.message.startswith("The time “11 a.m.”")

    def test_year(self):
        """A year the wire does not give."""
        derivative = "The pier will run on solar power by 2030, Moen said."
        assert texts(derivative, only(WIRE, derivative)) == ["2030"]


class TestNames:
    """People, organisations, places, events."""

    def test_invented_person(self):
        """A person named in full and then by surname is one high-severity finding."""
        derivative = "Mayor Pieter Lund said the council will vote on Friday. Lund backed the plan."
        finding = only(WIRE, derivative)
        assert fact_type(finding) == "person"
        assert finding.severity is sc.Severity.HIGH
        assert texts(derivative, finding) == ["Pieter Lund", "Lund"]
        assert finding.score_map["mentions"] == 2

    def test_place_and_organisation(self):
        """A place and an organisation are medium severity."""
        derivative = "The Brekke Shipping Company will repair the pier in Tromvik."
        found = added(WIRE, derivative)
        assert [(fact_type(f), texts(derivative, f)) for f in found] == [
            ("organisation", ["Brekke Shipping Company"]),
            ("place", ["Tromvik"]),
        ]
        assert {f.severity for f in found} == {sc.Severity.MEDIUM}

    def test_partly_known_name(self):
        """A name whose words the wire has only in part names the missing ones."""
        derivative = "Anna Moen said the council will vote on Friday."
        finding = only(WIRE, derivative)
        assert "which has “Moen” but not “Anna”" in finding.message

    def test_titles_with_full_stops(self):
        """Titles such as "Mr." and "Dr." do not end a sentence; an initial joins a name."""
        derivative = "The pier was repaired, Mr. Lund said. Dr. Ada Berg and Ben S. Vik agreed."
        found = added("The pier was repaired.", derivative)
        assert [(fact_type(f), texts(derivative, f)) for f in found] == [
            ("person", ["Lund"]),
            ("person", ["Ada Berg"]),
            ("person", ["Ben S. Vik"]),
        ]

    def test_possessive_left_out(self):
        """The span of a name ends before its possessive."""
        derivative = "The council of Halvik backed Pieter Lund's plan on Friday."
        assert texts(derivative, only(WIRE, derivative)) == ["Pieter Lund"]

    def test_lower_case_text(self):
        """Without capitals, names are not seen (figures still are)."""
        derivative = "mayor pieter lund said the council would spend 7 million crowns."
        finding = only(WIRE, derivative)
        assert texts(derivative, finding) == ["7 million"]


class TestQuotations:
    """Words in quotation marks."""

    def test_invented_quotation(self):
        """Quoted words the wire lacks are a high-severity added quotation."""
        derivative = 'Moen called the plan "a total disaster for the islanders".'
        finding = only(WIRE, derivative)
        assert fact_type(finding) == "quote"
        assert finding.severity is sc.Severity.HIGH
        assert texts(derivative, finding) == ["a total disaster for the islanders"]
        assert finding.score_map["wire_share"] < QUOTE_FOUND

    def test_facts_inside_an_added_quotation(self):
        """Names and figures inside an added quotation are the quotation's."""
        derivative = 'Moen said: "Pieter Lund wants 9 million crowns."'
        finding = only(WIRE, derivative)
        assert fact_type(finding) == "quote"


class TestDeterminism:
    """Same inputs, same findings."""

    def test_repeatable(self):
        """Two runs give equal findings."""
        derivative = 'Mayor Pieter Lund said 6.5 million crowns and "a disaster" on Monday.'
        assert added(WIRE, derivative) == added(WIRE, derivative)


ARTICLE_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _document(text: str) -> sc.Document | None:
    try:
        return sc.Document.from_text(text)
    except sc.EmptyDocumentError:
        return None


class TestProperties:
    """Invariants on generated articles."""

    @ARTICLE_SETTINGS
    @given(article_text())
    def test_copy_adds_nothing(self, text: str):
        """A document compared with itself has no added facts."""
        doc = _document(text)
        if doc is None:
            return
        found = [f for f in sc.detect(sc.align(doc, doc)) if f.kind == KIND]
        assert found == []

    @ARTICLE_SETTINGS
    @given(article_text(), article_text(), st.sampled_from(["", " It cost £7.5bn.", ' "Wow."']))
    def test_spans_are_the_facts(self, wire_text: str, text: str, extra: str):
        """Every span is a trimmed piece of the derivative, named in the message.

        The finding's fact type and severity agree, and wire spans are in the wire.
        """
        wire, doc = _document(wire_text), _document(text + extra)
        if wire is None or doc is None:
            return
        alignment = sc.align(wire, doc)
        for finding in sc.detect(alignment, detectors=[AddedFact()]):
            spans = [doc.text[s.start : s.end] for s in finding.derivative_spans]
            assert all(s and s == s.strip() for s in spans), spans
            named = [" ".join(s.split()) for s in spans]
            assert any(f"“{s}”" in finding.message for s in named) or "…" in finding.message
            kind = fact_type(finding)
            expected = {"figure": "high", "person": "high", "quote": "high", "date": "low"}
            assert finding.severity.value == expected.get(kind, "medium")
            for span in finding.wire_spans:
                assert span.end <= len(wire.text)


@pytest.mark.parametrize(
    ("derivative", "fact"),
    [
        ("Traffic fell 40 percent this year, Nordline said.", "40 percent"),
        ("The council will vote on Tuesday, Moen said.", "Tuesday"),
        ("Storms damaged the pier, Governor Ola Berg said.", "Ola Berg"),
        ("Storms damaged the pier, said the Skarv Regatta.", "Skarv Regatta"),
    ],
)
def test_one_fact(derivative: str, fact: str):
    """One added fact, pointed at exactly."""
    assert texts(derivative, only(WIRE, derivative)) == [fact]


class TestOddInput:
    """Text that is not news copy."""

    def test_huge_numbers(self):
        """A number too large for a float is not a figure, and breaks nothing."""
        wire = f"The plant cost {'9' * 400} crowns."
        derivative = f"The plant cost {'8' * 400} crowns, or 5 million."
        assert [f.message for f in added(wire, derivative)] == [
            "The figure “5 million” is not in the wire."
        ]

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(unicode_text(), unicode_text())
    def test_any_text(self, wire_text: str, text: str):
        """Arbitrary text gives findings with spans inside the derivative."""
        wire, doc = _document(wire_text), _document(text)
        if wire is None or doc is None:
            return
        for finding in sc.detect(sc.align(wire, doc), detectors=[AddedFact()]):
            assert all(s.end <= len(doc.text) for s in finding.derivative_spans)


class TestCurrencies:
    """A figure is the same figure only in the same currency (or with none named)."""

    WIRE = "The council said the new pier will cost 5 million crowns. Work starts in May."

    def run(self, given: str) -> list[tuple[str, list[str]]]:
        """(kind, derivative texts) of the figure findings for the rewrite giving *given*."""
        derivative = f"The council said the new pier will cost {given}. Work starts in May."
        found = sc.compare(self.WIRE, derivative).findings
        return [
            (f.kind, texts(derivative, f)) for f in found if f.kind in {KIND, "omission.figure"}
        ]

    @pytest.mark.parametrize(
        "given", ["5m crowns", "5 million kronor", "five million", "DKK 5m", "5,000,000 crowns"]
    )
    def test_same_currency_or_none(self, given):
        """The same currency by another word, or no currency named: the same figure."""
        assert self.run(given) == []

    @pytest.mark.parametrize(
        ("given", "shown", "omitted"),
        [("£5m", "£5m", True), ("5 million euros", "5 million", True), ("EUR 5m", "EUR 5m", True)],
    )
    def test_another_currency(self, given, shown, omitted):
        """Another currency: an added figure, and the wire's figure left out."""
        found = self.run(given)
        assert (KIND, [shown]) in found
        assert (("omission.figure", []) in found) is omitted  # wire spans only

    def test_added_figure_says_what_the_wire_gives(self):
        """The message names the wire's figure in the other currency."""
        derivative = "The council said the new pier will cost £5m. Work starts in May."
        [fact] = [f for f in sc.compare(self.WIRE, derivative).findings if f.kind == KIND]
        assert fact.message == (
            "The figure “£5m” (pound) is not in the wire; wire sentence 0, which it draws "
            "on, gives “5 million” (crown)."
        )

    def test_a_symbol_of_two_currencies(self):
        """The yen sign may be yen or yuan: either matches it, a third currency does not."""
        wire = "The plant cost 40 million yuan, the company said. It opens in May."
        for cost, same in [("¥40m", True), ("40 million yen", False), ("$40m", False)]:
            derivative = f"The plant cost {cost}, the company said. It opens in May."
            kinds = {f.kind for f in sc.compare(wire, derivative).findings}
            assert ("framing.added_fact" not in kinds) is same, cost


class TestFactLexicon:
    """The word lists are the user's to extend, as every other list is."""

    LAKH_WIRE = "The Halvik council said 300,000 people used the ferry last year."
    LAKH_REWRITE = "The Halvik council said 3 lakh people used the ferry last year."

    def run(self, lexicon: FactLexicon | None) -> tuple[sc.Finding, ...]:
        """The added-fact findings of the lakh pair, read with *lexicon*."""
        alignment = sc.align(
            sc.Document.from_text(self.LAKH_WIRE), sc.Document.from_text(self.LAKH_REWRITE)
        )
        return sc.detect(alignment, detectors=[AddedFact(lexicon)])

    def test_default_is_the_bundled_file(self):
        """The default lexicon holds data/facts.json, case-folded."""
        data = json.loads((resources.files("sourcecompare") / "data" / "facts.json").read_text())
        lexicon = FactLexicon.default()
        assert lexicon is FactLexicon.default()
        assert dict(lexicon.magnitudes) == {k: float(v) for k, v in data["magnitudes"].items()}
        assert lexicon.factors["million"] == 1_000_000
        money = {
            k: frozenset([v] if isinstance(v, str) else v) for k, v in data["currencies"].items()
        }
        assert dict(lexicon.money) == money
        for name in FACT_LISTS:
            assert lexicon == FactLexicon.default()
            assert getattr(lexicon, name) == frozenset(w.casefold() for w in data[name]), name

    def test_a_magnitude_added_makes_a_figure_found(self):
        """Three lakh is 300,000 once the lexicon knows the word."""
        assert [texts(self.LAKH_REWRITE, f) for f in self.run(None)] == [["3"]]
        lexicon = FactLexicon.default().extend(magnitudes={"Lakh": 100_000})
        assert lexicon.factors["lakh"] == 100_000
        assert self.run(lexicon) == ()

    def test_a_title_added_is_left_out_of_the_name(self):
        """A word listed as a title says who the person is, and is not part of the name."""
        wire = "Brix Ostergaard opened the Skarv pier on Friday, the council said."
        derivative = "Warden Brix Ostergaard opened the Skarv pier on Friday, the council said."
        alignment = sc.align(sc.Document.from_text(wire), sc.Document.from_text(derivative))
        default = sc.detect(alignment, detectors=[AddedFact()])
        assert [texts(derivative, f) for f in default] == [["Warden Brix Ostergaard"]]
        titled = AddedFact(FactLexicon.default().extend(titles=["warden"]))
        assert sc.detect(alignment, detectors=[titled]) == ()

    def test_a_currency_sign_added_is_read(self):
        """A sign added to the currencies is read before a figure, as the bundled ones are."""
        wire = "The port said the crane cost 5 million crowns. Work starts in May."
        derivative = "The port said the crane cost ₩5m. Work starts in May."
        alignment = sc.align(sc.Document.from_text(wire), sc.Document.from_text(derivative))
        assert [f for f in sc.detect(alignment) if f.kind == KIND] == []
        lexicon = FactLexicon.default().extend(currencies={"₩": "won"})
        [fact] = sc.detect(alignment, detectors=[AddedFact(lexicon)])
        assert texts(derivative, fact) == ["₩5m"]
        assert "(won)" in fact.message

    def test_currencies_extend(self):
        """A currency word added names its currency; a word given again takes the new one."""
        lexicon = FactLexicon.default().extend(currencies={"Rand": "rand", "$": ["dollar", "peso"]})
        assert lexicon.money["rand"] == {"rand"}
        assert lexicon.money["$"] == {"dollar", "peso"}
        assert lexicon.money["£"] == {"pound"}

    def test_from_json_extends_or_replaces(self, tmp_path):
        """A file shaped like facts.json adds to the bundled lists, or stands alone."""
        path = tmp_path / "facts.json"
        path.write_text(json.dumps({"about": "mine", "magnitudes": {"crore": 1e7}}))
        extended = FactLexicon.from_json(path)
        assert extended.factors["crore"] == 1e7
        assert extended.factors["million"] == 1e6
        assert extended.titles == FactLexicon.default().titles
        alone = FactLexicon.from_json(path, extend_default=False)
        assert dict(alone.magnitudes) == {"crore": 1e7}
        assert alone.titles == frozenset()

    def test_pickles(self):
        """A lexicon (and a detector holding one) goes to batch worker processes."""
        lexicon = FactLexicon.default().extend(titles=["warden"])
        assert pickle.loads(pickle.dumps(lexicon)) == lexicon  # noqa: S301 - our own object
        assert pickle.loads(pickle.dumps(AddedFact(lexicon))).lexicon == lexicon  # noqa: S301

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda: FactLexicon.default().extend(nouns=["x"]), "unknown fact lists"),
            (lambda: FactLexicon.from_data({"titles": [], "colours": []}), "unknown fact lists"),
            (lambda: FactLexicon(magnitudes={"m": 0}), "positive factor"),
            (lambda: FactLexicon(magnitudes={"m": "lots"}), "could not convert"),
            (lambda: FactLexicon(titles="mayor"), "list of words"),
            (lambda: FactLexicon.from_data({"magnitudes": [1, 2]}), "object of word to factor"),
            (lambda: FactLexicon.from_data({"currencies": ["£"]}), "word to currency name"),
            (lambda: FactLexicon(currencies={"£": []}), "one currency name or a list"),
            (lambda: FactLexicon(currencies={"£": [1]}), "one currency name or a list"),
            (lambda: AddedFact(["mayor"]), "takes a FactLexicon"),  # type: ignore[arg-type]
        ],
    )
    def test_bad_lists_are_refused(self, make, message):
        """Wrong names, factors and types fail with a clear, typed error."""
        with pytest.raises((sc.InvalidOptionError, ValueError), match=message):
            make()

    def test_unreadable_file(self, tmp_path):
        """A file that is not a JSON object names itself in the error."""
        path = tmp_path / "facts.json"
        path.write_text("[1, 2]")
        with pytest.raises(sc.InvalidOptionError, match=r"facts\.json"):
            FactLexicon.from_json(path)
