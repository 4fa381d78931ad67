"""Detectors of added framing and omissions: one case per finding kind, and invariants."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sourcecompare as sc
from sourcecompare.detectors import (
    DetectionContext,
    Embellishment,
    FactLexicon,
    OmittedFigure,
)
from strategies import article_text

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
SEEDS = ROOT.parent / "shared" / "seeds"

WIRE = textwrap.dedent(
    """\
    Council delays harbour budget vote

    HALVIK, Oct. 3 (Reuters) - The Halvik council is expected to approve the harbour budget
    on Friday, council leader Astrid Moen said.

    The budget sets aside 4.2 million crowns for repairs to the Skarv pier, which storms
    damaged in September.

    "We cannot let the pier fall apart. The islanders depend on it," Moen told reporters.

    Ferry operator Nordline said traffic to the island had fallen 12 percent this year.
    """
)


def findings(wire: str, derivative: str) -> tuple[sc.Finding, ...]:
    """Findings for two texts, with default options."""
    return sc.detect(sc.align(sc.Document.from_text(wire), sc.Document.from_text(derivative)))


def of_kind(found: tuple[sc.Finding, ...], kind: str) -> list[sc.Finding]:
    """The findings of one kind."""
    return [f for f in found if f.kind == kind]


def span_texts(doc_text: str, finding: sc.Finding, *, wire: bool = False) -> list[str]:
    """The texts a finding's spans point at."""
    spans = finding.wire_spans if wire else finding.derivative_spans
    return [doc_text[s.start : s.end] for s in spans]


class TestFinding:
    """The Finding model."""

    def test_kind_must_be_dotted(self):
        """A kind without a category raises ValueError naming the field."""
        with pytest.raises(ValueError, match="kind"):
            sc.Finding(kind="speculation", severity=sc.Severity.LOW, message="x")

    def test_severity_order(self):
        """Severities order low < medium < high."""
        assert sc.Severity.LOW < sc.Severity.MEDIUM < sc.Severity.HIGH
        assert max([sc.Severity.MEDIUM, sc.Severity.HIGH, sc.Severity.LOW]) is sc.Severity.HIGH

    def test_scores_and_spans_normalised(self):
        """Scores become sorted pairs and spans are sorted, so equal findings are equal."""
        first = sc.Finding(
            kind="framing.speculation",
            severity=sc.Severity.MEDIUM,
            message="m",
            derivative_spans=[sc.Span(5, 9), sc.Span(0, 2)],
            scores={"b": 1, "a": 0.5},
        )
        second = sc.Finding(
            kind="framing.speculation",
            severity=sc.Severity.MEDIUM,
            message="m",
            derivative_spans=[sc.Span(0, 2), sc.Span(5, 9)],
            scores=[("a", 0.5), ("b", 1.0)],
        )
        assert first == second
        assert first.category == "framing"
        assert first.score_map == {"a": 0.5, "b": 1.0}

    def test_nan_score_refused(self):
        """A NaN score is refused."""
        with pytest.raises(ValueError, match="not a number"):
            sc.Finding(
                kind="a.b", severity=sc.Severity.LOW, message="m", scores={"x": float("nan")}
            )

    def test_severity_from_its_value(self):
        """A severity given as its value becomes the Severity, and detect sorts it."""

        class Plain:
            name = "plain"

            def detect(self, _context: DetectionContext):
                yield sc.Finding(kind="style.plain", severity="low", message="Plain.")

        assert sc.Finding(kind="a.b", severity="high", message="m").severity is sc.Severity.HIGH
        alignment = sc.align(sc.Document.from_text(WIRE), sc.Document.from_text(WIRE))
        found = sc.detect(alignment, detectors=[Plain()])
        assert [(f.severity, f.category) for f in found] == [(sc.Severity.LOW, "style")]

    @pytest.mark.parametrize("value", ["LOW", "severe", 2, None])
    def test_unknown_severity_refused(self, value):
        """Anything but a Severity or its value raises ValueError naming the allowed ones."""
        with pytest.raises(ValueError, match="'low', 'medium', 'high'"):
            sc.Finding(kind="a.b", severity=value, message="m")


class TestLexicons:
    """The detectors' word lists."""

    def test_inflections_match(self):
        """An entry finds its inflected forms."""
        tokens = sc.tokenize("The plan was lauded, hailed and praised.")
        found = sc.Lexicons.default().find("evaluative", tokens)
        assert [tokens[a].text for a, _ in found] == ["lauded", "hailed", "praised"]

    def test_stem_collision_rejected(self):
        """A word that only shares the entry's stem ("like" for "likely") does not match."""
        tokens = sc.tokenize("A plant like this buys time.")
        assert sc.Lexicons.default().find("hedges", tokens) == []

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                "is likely to grow may could pivotal very significant strides will May 3 "
                "particularly noteworthy expected plans the lauded cast a spotlight on".split()
            ),
            max_size=30,
        )
    )
    def test_one_pass_agrees_with_each_category(self, words):
        """find_all matches exactly what a separate scan per category matches."""
        lexicons = sc.Lexicons.default()
        tokens = sc.tokenize(" ".join(words))
        together = lexicons.find_all(tokens)
        for category in sc.Lexicons.__attrs_attrs__:
            if category.name.startswith("_"):
                continue
            assert together[category.name] == lexicons._find_one(category.name, tokens)

    def test_unknown_category(self):
        """An unknown category is a clear error."""
        with pytest.raises(sc.InvalidOptionError, match="unknown lexicon category 'hype'"):
            sc.Lexicons.default().find("hype", sc.tokenize("Big news."))

    def test_longest_phrase_first(self):
        """The longest entry wins: "is likely to" rather than "is likely"."""
        tokens = sc.tokenize("Traffic is likely to grow.")
        assert sc.Lexicons.default().find("speculation", tokens) == [(1, 4)]

    @pytest.mark.parametrize(
        ("text", "hedges"),
        [
            ("In May, the pier reopened.", []),
            ("The pier reopened on May 3 after repairs.", []),
            ("May 2025 was the wettest month.", []),
            ("May 3rd is the opening day.", []),
            ("on may 12 the pier reopened", []),
            ("The pier, damaged in May, may reopen.", ["may"]),
            ("May the pier reopen soon.", ["May"]),
        ],
    )
    def test_month_may_is_not_the_hedge(self, text, hedges):
        """A date matches no hedge: "May" is the month inside a segment or before a day.

        Opening a segment with no day or year after it, "May" is the hedge.
        """
        tokens = sc.tokenize(text)
        found = sc.Lexicons.default().find("hedges", tokens)
        assert [tokens[a].text for a, _ in found] == hedges

    @pytest.mark.parametrize(
        ("category", "text", "found"),
        [
            ("hedges", "His appearance on the show was brief.", []),
            ("hedges", "He appears on the show.", ["appears"]),
            ("hedges", "The proposals were rejected.", []),
            ("hedges", "Her proposal was rejected.", []),
            ("hedges", "The ferry plan was dropped.", ["plan"]),  # a noun we cannot tell
            ("hedges", "The council plans a new bridge.", ["plans"]),
            ("hedges", "The council's plan failed.", []),
            ("hedges", "The mayor's proposing a levy.", ["proposing"]),
            ("hedges", "The planning took a year.", []),
            ("hedges", "They have no plans.", []),
            ("hedges", "His hopes faded.", []),
            ("hedges", "This suggests a delay.", ["suggests"]),
            ("hedges", "This may happen.", ["may"]),
            ("hedges", "The proposed levy rose.", ["proposed"]),
            ("hedges", "The potential cost is high.", ["potential"]),
            ("hedges", "It's likely to rain.", ["likely"]),
            ("hedges", "She proposed a new levy.", ["proposed"]),
            ("hedges", "Our expectations were modest.", []),
            ("hedges", "The suggestion was ignored.", []),
            ("hedges", "He suggested a delay.", ["suggested"]),
            ("boosters", "A demonstration blocked the bridge.", []),
            ("boosters", "The tests demonstrated the flaw.", ["demonstrated"]),
            ("evaluative", "The vote drew condemnation.", ["condemnation"]),
        ],
    )
    def test_nouns_made_from_hedges_are_not_hedges(self, category, text, found):
        """A noun made from a hedge or booster shares its stem, not its sense.

        "appearance" is not "appear"; an evaluative word's noun still judges. A verb
        form after an article or a possessive is a noun too ("the council's plan"),
        but not an adjective ("the proposed levy"), a modal or after a pronoun.
        """
        tokens = sc.tokenize(text)
        ranges = sc.Lexicons.default().find(category, tokens)
        assert [" ".join(t.text for t in tokens[a:b]) for a, b in ranges] == found

    def test_date_entry_matches_dates(self):
        """An entry that is itself a date still matches the date."""
        lexicons = sc.Lexicons().extend(evaluative=["Black Friday"])
        assert lexicons.find("evaluative", sc.tokenize("a Black Friday rush")) == [(1, 3)]

    def test_extend_and_json(self, tmp_path):
        """Users add words in code or from a JSON file; a bad file names itself."""
        lexicons = sc.Lexicons.default().extend(evaluative=["stellar performance"])
        assert lexicons.find("evaluative", sc.tokenize("a stellar performance")) == [(1, 3)]
        path = tmp_path / "mine.json"
        path.write_text(json.dumps({"evaluative": ["gamechanging"]}), encoding="utf-8")
        assert "gamechanging" in sc.Lexicons.from_json(path).evaluative
        path.write_text("{not json", encoding="utf-8")
        with pytest.raises(sc.InvalidOptionError, match=r"mine\.json"):
            sc.Lexicons.from_json(path)
        with pytest.raises(sc.InvalidOptionError, match="unknown lexicon categories"):
            sc.Lexicons.default().extend(adjectives=["x"])


class TestFraming:
    """One case per framing kind, on texts written for the test."""

    def test_unsupported_sentence(self):
        """An invented sentence with new specifics is a high-severity unsupported sentence."""
        derivative = (
            WIRE + "\nStorm Bodil caused 30 million crowns of damage across Halvik in 2023.\n"
        )
        found = of_kind(findings(WIRE, derivative), "framing.unsupported_sentence")
        assert len(found) == 1
        assert found[0].severity is sc.Severity.HIGH
        assert "“Storm”" in found[0].message or "“Bodil”" in found[0].message
        assert span_texts(derivative, found[0]) == [
            "Storm Bodil caused 30 million crowns of damage across Halvik in 2023."
        ]

    def test_added_heading(self):
        """A heading the wire lacks is reported, at low severity."""
        derivative = WIRE.replace("\n\nThe budget sets", "\n\nA Pier in Peril\n\nThe budget sets")
        found = of_kind(findings(WIRE, derivative), "framing.added_heading")
        assert [span_texts(derivative, f) for f in found] == [["A Pier in Peril"]]
        assert found[0].severity is sc.Severity.LOW

    def test_embellishment(self):
        """Words added inside a supported sentence are grouped into phrases."""
        derivative = WIRE.replace(
            "for repairs to the Skarv pier", "for urgent repairs to the crumbling Skarv pier"
        )
        found = of_kind(findings(WIRE, derivative), "framing.embellishment")
        assert len(found) == 1
        assert span_texts(derivative, found[0]) == ["urgent", "crumbling"]

    @pytest.mark.parametrize(
        ("given", "added"),
        [
            ("4.2m crowns", []),
            ("4,200,000 crowns", []),
            ("4.2 million kronor", []),  # the wire's currency in another word
            ("DKK 4.2 million", []),
            ("4.2 million euros", ["euros"]),  # another currency: the word is new
            ("£4,200,000", ["4,200,000"]),  # pounds, not the wire's crowns
            ("4.2 million crowns, a record,", ["record"]),
            ("5 million crowns", ["5"]),
        ],
    )
    def test_figure_in_other_words_is_not_embellishment(self, given, added):
        """A figure the wire source gives in another form is not an added word."""
        derivative = WIRE.replace("4.2 million crowns", given)
        found = of_kind(findings(WIRE, derivative), "framing.embellishment")
        assert [t for f in found for t in span_texts(derivative, f)] == added

    def test_embellishment_reads_figures_with_the_users_words(self):
        """With "lakh" among the magnitudes, "42 lakh" is the wire's 4.2 million."""
        derivative = WIRE.replace("4.2 million crowns", "42 lakh crowns")
        alignment = sc.align(sc.Document.from_text(WIRE), sc.Document.from_text(derivative))
        found = of_kind(sc.detect(alignment), "framing.embellishment")
        assert [span_texts(derivative, f) for f in found] == [["42 lakh"]]
        lists = FactLexicon.default().extend(magnitudes={"lakh": 100_000})
        found = sc.detect(alignment, detectors=sc.default_detectors(facts=lists))
        assert of_kind(found, "framing.embellishment") == []
        with pytest.raises(sc.InvalidOptionError, match="takes a FactLexicon"):
            Embellishment(["lakh"])  # type: ignore[arg-type]

    def test_evaluative_language(self):
        """An evaluative word the wire does not use is reported, with the wire sentence."""
        derivative = WIRE.replace("The budget sets aside", "The landmark budget sets aside")
        found = of_kind(findings(WIRE, derivative), "framing.evaluative_language")
        assert [span_texts(derivative, f) for f in found] == [["landmark"]]
        assert "wire sentence" in found[0].message

    def test_evaluative_word_from_the_wire_is_not_flagged(self):
        """A judging word the aligned wire sentence already has is not an addition."""
        wire = "Officials praised the rescue crews on Monday."
        assert of_kind(findings(wire, wire), "framing.evaluative_language") == []

    def test_certainty_shift_hedge_to_fact(self):
        """Being "expected to approve" asserted as "approved" is a high-severity shift."""
        derivative = WIRE.replace(
            "The Halvik council is expected to approve the harbour budget",
            "The Halvik council approved the harbour budget",
        )
        found = of_kind(findings(WIRE, derivative), "framing.certainty_shift")
        assert len(found) == 1
        assert found[0].severity is sc.Severity.HIGH
        assert span_texts(WIRE, found[0], wire=True) == ["is expected to"]
        assert span_texts(derivative, found[0])[0] == "approved"

    def test_certainty_shift_points_at_the_asserting_verb(self):
        """Where the hedged verb is not kept, the evidence is the derivative's verb group."""
        wire = (
            "The Halvik board is expected to vote on plans for a second pier at a meeting "
            "on Thursday."
        )
        derivative = "A second pier has already been approved by the Halvik board."
        found = of_kind(findings(wire, derivative), "framing.certainty_shift")
        assert len(found) == 1
        assert span_texts(wire, found[0], wire=True) == ["is expected to"]
        assert span_texts(derivative, found[0]) == ["has already been approved"]
        assert "“has already been approved”" in found[0].message

    def test_certainty_shift_fact_to_hedge(self):
        """A fact of the wire hedged in the derivative ("reportedly") is a medium shift."""
        wire = "The ferry company cancelled all crossings on Monday."
        derivative = "The ferry company reportedly cancelled all crossings on Monday."
        found = of_kind(findings(wire, derivative), "framing.certainty_shift")
        assert len(found) == 1
        assert found[0].severity is sc.Severity.MEDIUM
        assert span_texts(derivative, found[0]) == ["reportedly"]

    def test_a_question_states_nothing_as_fact(self):
        """A derivative's "if" over what the wire only asked is no shift from fact."""
        wire = (
            "The harbour board met on Tuesday to weigh the ferry deal.\n\n"
            "Is the ferry deal real? Or should the harbour board close the old pier now?"
        )
        derivative = (
            "The harbour board met on Tuesday to weigh the ferry deal.\n\n"
            "The debate centres on whether the ferry deal is real or if the harbour board "
            "should close the old pier now."
        )
        assert of_kind(findings(wire, derivative), "framing.certainty_shift") == []
        stated = wire.replace("Is the ferry deal real? Or should", "The ferry deal is real. So")
        stated = stated.replace("now?", "now.")
        assert of_kind(findings(stated, derivative), "framing.certainty_shift")

    def test_whenever_is_a_condition_like_if(self):
        """A wire's "whenever" and a derivative's "if" are both conditions: no shift."""
        wire = "Whenever the river floods, the council shall close the Skarv bridge to traffic."
        derivative = "If the river floods, the council will close the Skarv bridge to traffic."
        assert of_kind(findings(wire, derivative), "framing.certainty_shift") == []
        always = "The council shall close the Skarv bridge to traffic when the river floods."
        assert of_kind(findings(always, derivative), "framing.certainty_shift")

    def test_month_may_is_no_certainty_shift(self):
        """The month "May" added by the derivative is not a hedge of a wire fact."""
        wire = "The Skarv pier reopened last week after repairs."
        derivative = "In May, the Skarv pier reopened after repairs."
        assert of_kind(findings(wire, derivative), "framing.certainty_shift") == []

    def test_month_may_does_not_hide_a_shift(self):
        """A wire hedge asserted as fact is reported although both sentences name May."""
        wire = "The Skarv pier, damaged in May, could reopen on Friday."
        derivative = "The Skarv pier, damaged in May, will reopen on Friday."
        found = of_kind(findings(wire, derivative), "framing.certainty_shift")
        assert [span_texts(wire, f, wire=True) for f in found] == [["could"]]
        assert span_texts(derivative, found[0]) == ["will reopen"]

    @pytest.mark.parametrize(
        "rest",
        [
            ", the operator said.",
            ", said Ivar Lund, the operator's chief.",
            ", according to the operator.",
            "; the operator cut fares.",
            " - the operator cut fares.",
            ", but the operator cut fares.",
        ],
    )
    def test_certainty_shift_scope_stays_in_its_clause(self, rest):
        """A hedge's scope ends with its clause: what follows is not named as asserted."""
        wire = "Ferry services to Orrin could resume on Friday" + rest
        derivative = "Ferry services to Orrin will resume on Friday" + rest
        found = of_kind(findings(wire, derivative), "framing.certainty_shift")
        assert len(found) == 1
        assert span_texts(derivative, found[0]) == ["will resume"]

    @pytest.mark.parametrize(
        ("wire", "derivative"),
        [
            (  # "seemingly" governs "random spots", not what the arrows were
                (
                    "Placed in seemingly random spots, the concrete arrows were once markers "
                    "for airmail pilots."
                ),
                "The concrete arrows were once markers for airmail pilots.",
            ),
            (  # "if" governs "an inquiry is opened", not "the incident"
                (
                    "Mayor Lund will miss the vote on Saturday, and she could face a longer "
                    "absence if an inquiry is opened into the incident."
                ),
                "Mayor Lund will miss the vote on Saturday after the incident.",
            ),
        ],
    )
    def test_hedge_over_words_the_derivative_did_not_keep(self, wire, derivative):
        """A hedge whose statement the derivative does not repeat is no shift."""
        assert of_kind(findings(wire, derivative), "framing.certainty_shift") == []

    def test_speculation(self):
        """A prediction the wire does not make is reported."""
        derivative = WIRE + "\nFerry traffic is likely to recover next year.\n"
        found = of_kind(findings(WIRE, derivative), "framing.speculation")
        assert [span_texts(derivative, f) for f in found] == [["is likely to"]]


class TestOmission:
    """One case per omission kind."""

    @pytest.fixture(name="trimmed")
    def fixture_trimmed(self):
        """The wire, and a rewrite that drops the quote, the figures and Nordline."""
        derivative = textwrap.dedent(
            """\
            Council delays harbour budget vote

            The Halvik council is expected to approve the harbour budget on Friday, council
            leader Astrid Moen said.

            The budget pays for the pier.
            """
        )
        return derivative, findings(WIRE, derivative)

    def test_sentences(self, trimmed):
        """Dropped sentences are omitted; trimmed ones report the dropped words."""
        _, found = trimmed
        omitted = [f for f in of_kind(found, "omission.sentence") if "left out" in f.message]
        texts = [span_texts(WIRE, f, wire=True)[0][:20] for f in omitted]
        assert texts == ['"We cannot let the p', "Ferry operator Nordl"]
        partial = [f for f in of_kind(found, "omission.sentence") if "only in part" in f.message]
        assert len(partial) == 1
        dropped = span_texts(WIRE, partial[0], wire=True)
        assert any("4.2 million crowns" in phrase for phrase in dropped)

    def test_entities(self, trimmed):
        """Nordline is never mentioned; Moen (mentioned) is not reported."""
        _, found = trimmed
        names = [span_texts(WIRE, f, wire=True)[0] for f in of_kind(found, "omission.entity")]
        assert "Nordline" in names
        assert not any("Moen" in n for n in names)

    def test_figures(self, trimmed):
        """Figures are compared token by token; dates count as figures of low severity."""
        _, found = trimmed
        figures = {
            span_texts(WIRE, f, wire=True)[0]: f.severity for f in of_kind(found, "omission.figure")
        }
        assert figures["4.2 million crowns"] is sc.Severity.MEDIUM  # the unit is shown
        assert figures["12 percent"] is sc.Severity.MEDIUM
        assert "Friday" not in figures

    def test_figure_inside_another_is_not_found(self):
        """A "3.5 percent" figure is omitted even when "23.5 percent" is there."""
        wire = "Storage fell to 23.5 percent. Traffic rose 3.5 percent."
        derivative = "Storage fell to 23.5 percent."
        figures = [
            span_texts(wire, f, wire=True)[0]
            for f in of_kind(findings(wire, derivative), "omission.figure")
        ]
        assert figures == ["3.5 percent"]

    @pytest.mark.parametrize(
        "given",
        ["5m crowns", "five million crowns", "5,000,000 crowns", "about 5 million crowns"],
    )
    def test_figure_in_other_words_is_found(self, given):
        """A figure the derivative gives in another form is not omitted."""
        wire = "The council said the pier will cost 5 million crowns. Work starts in May."
        derivative = f"The council said the pier will cost {given}. Work starts in May."
        assert of_kind(findings(wire, derivative), "omission.figure") == []

    @pytest.mark.parametrize(
        ("wire_figure", "given"),
        [("5 million", "6 million"), ("5,600", "about 5,000"), ("4.2 million", "42 million")],
    )
    def test_another_figure_is_not_the_wire_figure(self, wire_figure, given):
        """A different value, or a rounding further than 10%, leaves the figure omitted."""
        wire = f"The council said the pier will cost {wire_figure} crowns. Work starts in May."
        derivative = f"The council said the pier will cost {given} crowns. Work starts in May."
        figures = [
            span_texts(wire, f, wire=True)[0]
            for f in of_kind(findings(wire, derivative), "omission.figure")
        ]
        assert figures == [f"{wire_figure} crowns"]

    def test_figure_words_are_the_users_to_extend(self):
        """With "lakh" among the magnitudes, "3 lakh" gives 300,000."""
        wire = "The council said 300,000 people used the ferry. Work starts in May."
        derivative = "The council said 3 lakh people used the ferry. Work starts in May."
        alignment = sc.align(sc.Document.from_text(wire), sc.Document.from_text(derivative))
        assert of_kind(sc.detect(alignment), "omission.figure")
        lists = FactLexicon.default().extend(magnitudes={"lakh": 100_000})
        assert not of_kind(
            sc.detect(alignment, detectors=[OmittedFigure(lists)]), "omission.figure"
        )
        with pytest.raises(sc.InvalidOptionError, match="takes a FactLexicon"):
            OmittedFigure({"lakh": 100_000})  # type: ignore[arg-type]

    def test_quote(self, trimmed):
        """The dropped direct quote is reported with its words."""
        _, found = trimmed
        quotes = of_kind(found, "omission.quote")
        assert [span_texts(WIRE, f, wire=True) for f in quotes] == [
            ["We cannot let the pier fall apart. The islanders depend on it,"]
        ]

    def test_paraphrased_quote_is_not_omitted(self):
        """A quote whose words the derivative keeps is not an omission."""
        derivative = WIRE.replace(
            '"We cannot let the pier fall apart. The islanders depend on it," Moen told reporters.',
            "The islanders depend on the pier, which the council cannot let fall apart.",
        )
        assert of_kind(findings(WIRE, derivative), "omission.quote") == []

    def test_detector_order_does_not_matter(self):
        """The omission findings are the same whichever omission detector runs first.

        They key the texts alike: an acronym the wire defines (HPA) is mentioned in the
        derivative in either order.
        """
        wire = sc.Document.from_text(
            "The Halvik Port Authority (HPA) will close the Skarv pier on Monday. "
            '"The HPA cannot keep the pier open through the winter storms," Astrid Moen said.'
        )
        derivative = sc.Document.from_text(
            "The HPA will shut the Skarv pier. "
            '"The HPA cannot keep the pier open through the winter storms," Moen said.'
        )
        alignment = sc.align(wire, derivative)
        forward = sc.detect(alignment)
        backward = sc.detect(alignment, detectors=list(reversed(sc.default_detectors())))
        assert forward == backward
        names = [span_texts(wire.text, f, wire=True) for f in of_kind(forward, "omission.entity")]
        assert ["HPA", "HPA"] not in names
        assert ["HPA"] not in names

    def test_speaker_salience(self):
        """A sentence opening with a name, or a pronoun resolved to one, has a speaker.

        Unnamed officials are not a named speaker.
        """
        wire = textwrap.dedent(
            """\
            Maria Okonkwo runs the ferry line to Orrin. The Skarv pier reopened on Monday.

            Okonkwo said the repairs took three months. She said fares would stay the same.
            Officials said the coast road was closed.
            """
        )
        derivative = (
            "Maria Okonkwo runs the ferry line to Orrin. The Skarv pier reopened on Monday."
        )
        omitted = {
            span_texts(wire, f, wire=True)[0][:12]: f
            for f in of_kind(findings(wire, derivative), "omission.sentence")
        }
        assert sorted(omitted) == ["Officials sa", "Okonkwo said", "She said far"]
        for start in ("Okonkwo said", "She said far"):
            assert "(speaker)" in omitted[start].message
            assert omitted[start].score_map["salience"] == 1.0
        assert omitted["Officials sa"].score_map["salience"] == 0.0


class TestInvariants:
    """Properties every detector run keeps."""

    @pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
    def test_unchanged_copy_has_no_findings(self, path):
        """A document compared with itself yields no finding at all."""
        doc = sc.Document.from_path(path)
        assert sc.detect(sc.align(doc, doc)) == ()

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(article_text(), article_text())
    def test_spans_inside_texts_and_order_stable(self, first, second):
        """Spans stay inside their texts; running twice gives the same tuple, sorted."""
        try:
            wire, derivative = sc.Document.from_text(first), sc.Document.from_text(second)
        except sc.EmptyDocumentError:
            return
        alignment = sc.align(wire, derivative)
        found = sc.detect(alignment)
        assert found == sc.detect(alignment)
        assert list(found) == sorted(found, key=sc.Finding.sort_key)
        for finding in found:
            assert all(s.end <= len(derivative.text) for s in finding.derivative_spans)
            assert all(s.end <= len(wire.text) for s in finding.wire_spans)
            assert finding.message.endswith(".")

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(article_text())
    def test_self_comparison_property(self, text):
        """For article-like text, a document against itself yields no finding."""
        try:
            doc = sc.Document.from_text(text)
        except sc.EmptyDocumentError:
            return
        assert sc.detect(sc.align(doc, doc)) == ()


class TestCustomDetectors:
    """Users' detectors run beside the built-in ones."""

    class LongSentence:
        """Flags derivative sentences of more than 30 words."""

        name = "long_sentence"

        def detect(self, context: DetectionContext):
            """Yield a low finding per long sentence."""
            for segment in context.derivative.sentences:
                if len(segment.tokens) > 30:
                    yield sc.Finding(
                        kind="style.long_sentence",
                        severity=sc.Severity.LOW,
                        message=f"Sentence {segment.index} has {len(segment.tokens)} words.",
                        derivative_spans=[segment.span],
                    )

    def test_runs_and_names_itself(self):
        """A custom detector's findings appear, with its name filled in."""
        long_text = "Ferry traffic " + "and more traffic " * 15 + "grew."
        alignment = sc.align(sc.Document.from_text(WIRE), sc.Document.from_text(long_text))
        found = sc.detect(alignment, detectors=[*sc.default_detectors(), self.LongSentence()])
        mine = of_kind(found, "style.long_sentence")
        assert len(mine) == 1
        assert mine[0].detector == "long_sentence"

    def test_bad_detector_output(self):
        """A detector yielding a non-finding or an out-of-range span gets a clear error."""

        class Broken:
            name = "broken"

            def detect(self, _context: DetectionContext):
                yield attrs.evolve(
                    sc.Finding(kind="a.b", severity=sc.Severity.LOW, message="m."),
                    derivative_spans=(sc.Span(0, 10**6),),
                )

        alignment = sc.align(sc.Document.from_text(WIRE), sc.Document.from_text(WIRE))
        with pytest.raises(sc.InvalidOptionError, match="broken"):
            sc.detect(alignment, detectors=[Broken()])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
class TestReferenceCase:
    """The reference pair's framing and omissions (issue 4's list, minus attribution)."""

    @pytest.fixture(name="found", scope="class")
    @classmethod
    def fixture_found(cls):
        """Findings on the reference pair."""
        wire = sc.Document.from_path(SEEDS / "000_79b4f72508686624.txt")
        derivative = sc.Document.from_path(SEEDS / "002_0c3c56741f2eaeab.txt")
        alignment = sc.align(wire, derivative)
        return wire, derivative, sc.detect(alignment)

    def test_evaluative_words(self, found):
        """The words "pivotal", "lauded" and "particularly noteworthy" are evaluative."""
        _, derivative, result = found
        words = {
            t
            for f in of_kind(result, "framing.evaluative_language")
            for t in span_texts(derivative.text, f)
        }
        assert {"pivotal", "lauded", "particularly noteworthy"} <= words

    def test_certainty_shift_w6_to_d8(self, found):
        """W6's "can contribute" asserted as fact in D8 ("have ... contributed")."""
        wire, derivative, result = found
        shifts = of_kind(result, "framing.certainty_shift")
        assert any(
            span_texts(wire.text, f, wire=True) == ["can"]
            and derivative.text[f.derivative_spans[0].start :].startswith("contributed to a more")
            for f in shifts
        )

    def test_speculation(self, found):
        """The phrase "are likely to grow" is speculation."""
        _, derivative, result = found
        assert ["are likely to"] in [
            span_texts(derivative.text, f) for f in of_kind(result, "framing.speculation")
        ]

    def test_w8_omitted(self, found):
        """W8 ("She called for ...") is omitted."""
        wire, _, result = found
        omitted = [
            span_texts(wire.text, f, wire=True)[0]
            for f in of_kind(result, "omission.sentence")
            if "left out" in f.message
        ]
        assert any(
            t.startswith("She called for closer international collaboration") for t in omitted
        )

    def test_added_headings(self, found):
        """The three invented headings are reported."""
        _, _, result = found
        assert len(of_kind(result, "framing.added_heading")) == 3

    def test_omitted_names_and_figures(self, found):
        """At least 13 of the 15 annotated omitted names and figures are reported."""
        wire, _, result = found
        annotation = json.loads((SEEDS / "annotations.json").read_text(encoding="utf-8"))
        reported = [
            wire.text[s.start : s.end]
            for f in result
            if f.kind
            in {
                "omission.entity",
                "omission.figure",
                "attribution.credit_removed",
                "attribution.dateline_removed",
            }
            for s in f.wire_spans
        ]
        hits = [n for n in annotation["omitted_names_and_figures"] if any(n in r for r in reported)]
        assert len(hits) >= 13, sorted(set(annotation["omitted_names_and_figures"]) - set(hits))


def test_fused_sentence_evidence_points_into_one_wire() -> None:
    """A sentence fused from two wires: each finding's wire spans lie in its own wire.

    (Embellishment, evaluative language and speculation listed the sources of both
    wires under the first source's wire.)
    """
    import sourcecompare as sc  # noqa: PLC0415

    first = "The council opened the new bridge on Monday. Traffic will use it from June."
    second = "The port reported record cargo volumes in May. Exports rose by a fifth."
    derivative = (
        "The council opened the stunning new bridge on Monday as the port reported "
        "record cargo volumes in May, which is likely to boost trade."
    )
    result = sc.compare([first, second], derivative)
    kinds = {f.kind for f in result.findings}
    assert {"framing.evaluative_language", "framing.speculation"} <= kinds
    for finding in result.findings:
        wire = result.wires[finding.wire]
        segments = {wire.segments[i].span for i in finding.wire_segments}
        for span in finding.wire_spans:
            assert span in segments or finding.category != "framing", finding
