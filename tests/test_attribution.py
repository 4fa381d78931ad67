"""Attribution extraction: sources, cues, contents, stance, and name resolution.

Every text here is fictional and written for these tests, except the reference case,
which is read from ``../shared/seeds`` at run time (and skipped when absent).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import requires_shared, requires_shared_path
from sourcecompare import Document, EmptyDocumentError, InvalidOptionError, Span
from sourcecompare._attribution import (
    MODES,
    STANCES,
    Attribution,
    ReportingLexicon,
    SourceKind,
    _lex,
    extract_attributions,
)
from sourcecompare._lexicon import load_json
from strategies import article_text, unicode_text


def extract(text: str) -> tuple[Document, tuple[Attribution, ...]]:
    """Parse *text* and extract its attributions."""
    doc = Document.from_text(text)
    return doc, extract_attributions(doc)


def only(text: str) -> Attribution:
    """The single attribution of *text*."""
    _, found = extract(text)
    assert len(found) == 1, found
    return found[0]


def by_cue(found: tuple[Attribution, ...], cue: str) -> Attribution:
    """The attribution whose cue text is *cue*."""
    matches = [a for a in found if a.cue_text == cue]
    assert len(matches) == 1, [a.cue_text for a in found]
    return matches[0]


def assert_exact(doc: Document, found: tuple[Attribution, ...]) -> None:
    """Every span of every attribution is in bounds and slices to its text."""
    text = doc.text
    for a in found:
        assert 0 <= a.cue.start < a.cue.end <= len(text)
        assert text[a.cue.start : a.cue.end] == a.cue_text
        if a.source is None:
            assert a.source_text is None
        else:
            assert 0 <= a.source.start < a.source.end <= len(text)
            assert text[a.source.start : a.source.end] == a.source_text
        if a.content is None:
            assert a.content_text is None
        else:
            assert 0 <= a.content.start < a.content.end <= len(text)
            assert text[a.content.start : a.content.end] == a.content_text
        for span in a.continuations:
            assert 0 <= span.start < span.end <= len(text)
        assert 0 <= a.segment < len(doc.segments)
        segment = doc.segments[a.segment]
        assert segment.start <= a.cue.start
        assert a.cue.end <= segment.end
        assert a.stance in STANCES
        assert a.mode in MODES


BRIDGE = """\
Bridge to close for repairs: officials

EASTBROOK, May 3 -- The old river bridge will close for six months, city officials said on Monday.

Mara Kovacs, mayor of Eastbrook and chair of the Regional Transport Council, said that the \
closure could not be avoided.

Repairs will start in June and cost about 4 million dollars, Kovacs added.

"We have waited too long. The steel is tired," said Tomas Reyes, the city's chief engineer.
"""


class TestWirePatterns:
    """The sentence shapes of wire copy."""

    def test_name_title_org_said_that(self):
        """``X, title of Org, said that ...``: the source keeps its title, the name is separate."""
        _, found = extract(BRIDGE)
        a = next(x for x in found if x.source_name == "Mara Kovacs")
        assert a.source_text == (
            "Mara Kovacs, mayor of Eastbrook and chair of the Regional Transport Council"
        )
        assert a.source_kind is SourceKind.NAMED
        assert a.lemma == "say"
        assert a.content_text == "the closure could not be avoided"
        assert not a.direct

    def test_content_first_then_surname_added(self):
        """``..., X added.``: content before the source; the surname resolves to the full name."""
        _, found = extract(BRIDGE)
        a = by_cue(found, "added")
        assert a.source_text == "Kovacs"
        assert a.source_name == "Mara Kovacs"
        assert a.content_text == "Repairs will start in June and cost about 4 million dollars"
        assert a.stance == "neutral"

    def test_generic_source_content_first(self):
        """``..., city officials said on Monday.``: a generic source, content before it."""
        _, found = extract(BRIDGE)
        a = next(x for x in found if x.source_text == "city officials")
        assert a.source_kind is SourceKind.GENERIC
        assert a.cue_text == "said"
        assert a.content_text is not None
        assert a.content_text.endswith("will close for six months")

    def test_inverted_said_name_with_quote(self):
        """``"...," said X, title.``: a direct quotation before an inverted source."""
        _, found = extract(BRIDGE)
        a = next(x for x in found if x.source_name == "Tomas Reyes")
        assert a.source_text == "Tomas Reyes, the city's chief engineer"
        assert a.cue_text == "said"
        assert a.direct
        assert a.content_text == '"We have waited too long. The steel is tired,"'

    def test_headline_colon_source(self):
        """A wire headline ``...: officials`` attributes the headline to its last word."""
        _, found = extract(BRIDGE)
        a = found[0]
        assert a.lemma == ":"
        assert a.source_text == "officials"
        assert a.source_kind is SourceKind.GENERIC
        assert a.content_text == "Bridge to close for repairs"

    def test_spans_exact_on_wire_text(self):
        """Every span of the wire text slices to its text."""
        doc, found = extract(BRIDGE)
        assert_exact(doc, found)

    def test_said_name(self):
        """``X said ...`` with no title."""
        a = only("Body text opens here.\n\nJon Ekberg said the harbour would reopen.")
        assert a.source_text == "Jon Ekberg"
        assert a.content_text == "the harbour would reopen"

    def test_told_receiver_is_not_content(self):
        """``X told Newswire that ...``: the hearer is skipped, the cue is the verb."""
        a = only("Intro line here.\n\nJon Ekberg told Newswire that the ferry would run hourly.")
        assert a.cue_text == "told"
        assert a.lemma == "tell"
        assert a.content_text == "the ferry would run hourly"

    def test_told_reporters_is_one_cue(self):
        """``told reporters`` is a cue phrase: the hearers belong to the cue."""
        a = only("Intro line here.\n\nJon Ekberg told reporters the ferry would run hourly.")
        assert a.cue_text == "told reporters"
        assert a.content_text == "the ferry would run hourly"

    def test_said_in_a_statement(self):
        """An adjunct such as ``in a statement`` joins the cue."""
        a = only("Intro line here.\n\nThe ministry said in a statement that fares would rise.")
        assert a.cue_text == "said in a statement"
        assert a.source_kind is SourceKind.ORGANISATION
        assert a.content_text == "fares would rise"

    def test_verb_group_with_auxiliaries(self):
        """The cue is the verb group: auxiliaries, negation and adverbs included."""
        a = only("Intro line here.\n\nJon Ekberg has repeatedly said the toll is unfair.")
        assert a.cue_text == "has repeatedly said"
        assert a.lemma == "say"

    def test_called_for(self):
        """``X called for ...``: a phrasal cue with a requesting stance."""
        a = only("Intro line here.\n\nJon Ekberg called for closer cooperation among ports.")
        assert a.cue_text == "called for"
        assert a.lemma == "call for"
        assert a.stance == "requesting"
        assert a.content_text == "closer cooperation among ports"

    def test_participle_saying_takes_the_subject(self):
        """``X did something, saying ...``: the subject of the sentence is the source."""
        _, found = extract(
            "Intro line here.\n\nThe harbour board approved the link, saying it would help."
        )
        a = by_cue(found, "saying")
        assert a.source_text == "The harbour board"
        assert a.content_text == "it would help"


class TestAccordingTo:
    """``according to X``."""

    def test_fronted(self):
        """``According to X, ...``: the source follows the cue, the content the comma."""
        a = only("Intro line here.\n\nAccording to a council report, traffic has doubled.")
        assert a.cue_text == "According to"
        assert a.source_text == "a council report"
        assert a.source_kind is SourceKind.DOCUMENT
        assert a.content_text == "traffic has doubled"

    def test_trailing(self):
        """``..., according to X.``: the content comes first."""
        a = only("Intro line here.\n\nTraffic has doubled since 2010, according to the police.")
        assert a.source_text == "the police"
        assert a.source_kind is SourceKind.ORGANISATION
        assert a.content_text == "Traffic has doubled since 2010"


class TestQuotes:
    """Direct and indirect speech."""

    def test_indirect_is_not_direct(self):
        """Reported speech without quotation marks is indirect."""
        a = only("Intro line here.\n\nJon Ekberg said the toll was unfair.")
        assert not a.direct

    def test_quote_then_source(self):
        """``"...," X said.``: the quotation, marks included, is direct content."""
        a = only('Intro line here.\n\n"The toll is unfair," Jon Ekberg said.')
        assert a.direct
        assert a.content_text == '"The toll is unfair,"'
        assert a.source_text == "Jon Ekberg"

    def test_interrupted_quote(self):
        """``"A," X said, "B."``: the second half is a continuation of the content."""
        doc, found = extract('Intro line here.\n\n"The bridge is old," Reyes said, "and tired."')
        assert len(found) == 1
        a = found[0]
        assert a.content_text == '"The bridge is old,"'
        assert [doc.text[s.start : s.end] for s in a.continuations] == ['"and tired."']

    def test_multi_sentence_quote_runs_on(self):
        """Quoted sentences after an attribution belong to the same speaker."""
        doc, found = extract(
            'Intro line here.\n\nJon Ekberg said: "The bridge is old. It will close in May. '
            'We have no choice."'
        )
        assert len(found) == 1
        a = found[0]
        assert a.direct
        rest = [doc.text[s.start : s.end] for s in a.continuations]
        assert rest == ["It will close in May.", 'We have no choice."']

    def test_cue_inside_quote_is_not_extracted(self):
        """A reporting verb inside a quotation belongs to the quoted speaker's words."""
        _, found = extract(
            'Intro line here.\n\n"People say the bridge is safe, but it is not," Ekberg said.'
        )
        assert [a.cue_text for a in found] == ["said"]


class TestResolution:
    """Pronouns and bare surnames resolve to full names introduced earlier."""

    def test_chinese_surname_first(self):
        """``Zhu added`` resolves to ``Zhu Wenli`` (the surname is the first part)."""
        _, found = extract(
            "Intro line here.\n\nZhu Wenli, a port official, said trade grew.\n\n"
            "Exports rose too, Zhu added."
        )
        a = by_cue(found, "added")
        assert a.source_name == "Zhu Wenli"
        assert a.source_kind is SourceKind.NAMED

    def test_she_resolves_by_gender(self):
        """``She`` skips a more recent man when the woman's gender is known."""
        _, found = extract(
            "Intro line here.\n\nMs. Ilse Caradec opened the meeting. Then Tomas Rennick "
            "thanked his staff.\n\nShe stressed the need for a ferry."
        )
        a = by_cue(found, "stressed")
        assert a.source_kind is SourceKind.PRONOUN
        assert a.source_text == "She"
        assert a.source_name == "Ilse Caradec"
        assert a.stance == "emphatic"

    def test_he_resolves_to_most_recent_name(self):
        """``he`` goes to the most recently mentioned person."""
        _, found = extract(
            "Intro line here.\n\nChristoph Aberle, chairman of the Alder Foundation, said "
            "ports should cooperate as he stressed the value of exchanges."
        )
        a = by_cue(found, "stressed")
        assert a.source_name == "Christoph Aberle"

    def test_they_resolves_to_a_group(self):
        """``They`` goes back to the last group that spoke."""
        _, found = extract(
            "Intro line here.\n\nTrade grew, a group of experts said here.\n\n"
            "They said this at a forum in Lindby."
        )
        a = found[-1]
        assert a.source_text == "They"
        assert a.source_name == "a group of experts"

    def test_who_resolves_to_antecedent(self):
        """``..., who said ...`` resolves the relative pronoun to the name before it."""
        _, found = extract(
            "Intro line here.\n\nThe plan was backed by Ada Berg, who said it works."
        )
        a = by_cue(found, "said")
        assert a.source_text == "who"
        assert a.source_name == "Ada Berg"

    def test_pronoun_later_in_a_sentence_is_its_subject(self):
        """``A accused B of ..., which he said ...``: "he" is A, not the latest name."""
        _, found = extract(
            "Intro line here.\n\nTomas Rennick accused his rival Ilse Caradec on Sunday of "
            "dropping her support for the ferry deal, which he said had saved 500 jobs.\n\n"
            "Christina Lund has a column in the Harbour Review, in which she says fares "
            "will rise."
        )
        assert by_cue(found, "said").source_name == "Tomas Rennick"
        assert by_cue(found, "says").source_name == "Christina Lund"

    def test_pronoun_opening_a_sentence_continues_the_last_speaker(self):
        """``A accused B of ... . He said ...``: "He" is A, the last sentence's speaker."""
        _, found = extract(
            "Intro line here.\n\nTomas Rennick accused Ilse Caradec of misleading the "
            "council. He said the figures were wrong."
        )
        assert by_cue(found, "said").source_name == "Tomas Rennick"
        _, found = extract(
            "Intro line here.\n\nTomas Rennick met Ilse Caradec on Monday. He said the "
            "talks went well."
        )
        assert by_cue(found, "said").source_name == "Ilse Caradec"  # no speaker before

    def test_gender_from_a_title_on_a_surname(self):
        """``Mr. Rennick`` makes Tomas Rennick a man and ``Mrs. Caradec`` a woman."""
        _, found = extract(
            "Intro line here.\n\nTomas Rennick visited Lindby on Sunday.\n\n"
            "Mr. Rennick, of Halvik, struck at Mrs. Caradec's claim to expertise in "
            "shipping, saying she had no plan.\n\nShe again suggested that his figures "
            "were wrong."
        )
        assert [(a.cue_text, a.source_name) for a in found] == [
            ("saying", "Tomas Rennick"),
            ("again suggested", "Caradec"),
        ]

    def test_weekday_after_a_name_does_not_hide_the_pronoun(self):
        """``B on Sunday of ... her ...``: the pronoun still tells B's gender."""
        _, found = extract(
            "Intro line here.\n\nTomas Rennick accused Ilse Caradec on Sunday of dropping "
            "her support.\n\nAt the same time, he said the deal was sound."
        )
        assert by_cue(found, "said").source_name == "Tomas Rennick"

    def test_claim_to_a_title_is_not_a_cue(self):
        """``X's claim to expertise`` is a title; ``X's claim to have ...`` reports."""
        _, found = extract("Intro line here.\n\nThey doubted Mrs. Caradec's claim to expertise.")
        assert [a.cue_text for a in found] == ["doubted"]
        _, found = extract(
            "Intro line here.\n\nThe company's claim to have fixed the pier was false."
        )
        assert [a.cue_text for a in found] == ["claim"]

    def test_leading_preposition_is_not_part_of_the_name(self):
        """``Despite Rennick's promises, Rennick ...``: the name is "Rennick"."""
        _, found = extract(
            "Intro line here.\n\nDespite Rennick's promises, Rennick told reporters that "
            "fares would rise."
        )
        assert [a.source_name for a in found] == ["Rennick"]

    def test_title_and_surname(self):
        """``Mr. Rennick said`` resolves through the title to the full name."""
        _, found = extract(
            "Intro line here.\n\nTomas Rennick, a pilot, said the fog was thick.\n\n"
            "Mr. Rennick said the boats waited."
        )
        assert found[-1].source_name == "Tomas Rennick"


class TestSourceKinds:
    """Generic, event, organisation sources and no source at all."""

    def test_experts_say(self):
        """``Experts say`` is a generic source, not a name, despite the capital."""
        a = only("Intro line here.\n\nExperts say the plan is sound.")
        assert a.source_kind is SourceKind.GENERIC
        assert a.cue_text == "say"

    @pytest.mark.parametrize(
        ("source", "text"),
        [
            (
                "Brill Park's head gardener",
                "Brill Park's head gardener said the roses bloomed late.",
            ),
            ("Mayor Tom Ruud's spokesman", "Mayor Tom Ruud's spokesman said the road would close."),
        ],
    )
    def test_someone_named_by_role_after_a_possessive(self, source, text):
        """The speaker of "X's head gardener said" is the gardener, unnamed, not X."""
        a = only(f"Intro line here.\n\n{text}")
        assert a.source_text == source
        assert a.source_kind is SourceKind.GENERIC

    def test_place_in_a_title_is_no_antecedent(self):
        """After "Vos, the head gardener at Brill Park, said", "she" is Vos, not the park."""
        _, found = extract(
            "Intro line here.\n\nAnneke Vos, the head gardener at Brill Park, said the tulips "
            "survived. She added that volunteers had helped."
        )
        assert by_cue(found, "added").source_name == "Anneke Vos"

    def test_event_possessive_call(self):
        """``the seminar's call for ...``: a nominal cue with an event as source."""
        a = only("Intro line here.\n\nThe seminar's call for a second bridge won support.")
        assert a.source_text == "The seminar"
        assert a.source_kind is SourceKind.EVENT
        assert a.cue_text == "call for"
        assert a.stance == "requesting"

    def test_event_subject(self):
        """``This gathering underscored ...``: an event as subject."""
        a = only("Intro line here.\n\nThis gathering underscored the role of ports.")
        assert a.source_kind is SourceKind.EVENT
        assert a.stance == "emphatic"

    def test_agentless_passive(self):
        """``have been lauded``: a cue without a source, approving."""
        a = only("Intro line here.\n\nLocal ferries have been lauded for their safety record.")
        assert a.source is None
        assert a.source_kind is SourceKind.AGENTLESS
        assert a.passive
        assert a.cue_text == "have been lauded"
        assert a.stance == "approving"
        assert a.content_text == "Local ferries"

    def test_passive_with_agent(self):
        """``a theme echoed by experts``: the agent of the passive is the source."""
        a = only("Intro line here.\n\nSafety was a theme echoed by experts at the forum.")
        assert a.passive
        assert a.source_kind is SourceKind.GENERIC
        assert a.source_text is not None
        assert a.source_text.startswith("experts")

    def test_it_was_reported(self):
        """``it was reported that ...``: agentless, the content follows ``that``."""
        a = only("Intro line here.\n\nIt was reported that the ferry is ready.")
        assert a.source is None
        assert a.content_text == "the ferry is ready"

    def test_light_verb_cue(self):
        """``expressed concern about``: a light verb with a cue noun."""
        a = only("Intro line here.\n\nThe engineers expressed concern about the cost.")
        assert a.cue_text == "expressed concern about"
        assert a.stance == "alarming"
        assert a.content_text == "the cost"

    def test_document_in_phrase(self):
        """``In a new poll, ...``: the poll is the source."""
        a = only("Intro line here.\n\nIn a new poll, most residents back the ferry.")
        assert a.source_text == "a new poll"
        assert a.source_kind is SourceKind.DOCUMENT


class TestStance:
    """The stance of a cue comes from the lexicon."""

    @pytest.mark.parametrize(
        ("verb", "stance"),
        [
            ("said", "neutral"),
            ("claimed", "doubting"),
            ("alleged", "doubting"),
            ("insisted", "insistent"),
            ("admitted", "conceding"),
            ("warned", "alarming"),
            ("stressed", "emphatic"),
            ("praised", "approving"),
            ("condemned", "disapproving"),
            ("argued", "arguing"),
            ("suggested", "tentative"),
            ("denied", "denying"),
            ("predicted", "predicting"),
            ("urged", "requesting"),
        ],
    )
    def test_verb_stance(self, verb, stance):
        """Each verb carries its documented stance."""
        a = only(f"Intro line here.\n\nJon Ekberg {verb} that the toll was unfair.")
        assert a.stance == stance
        assert a.cue_text == verb

    def test_nouns_are_not_verbs(self):
        """``the claims`` and ``his comments about`` are not cues."""
        _, found = extract(
            "Intro line here.\n\nThe claims were heard. His comments about it drew ire."
        )
        assert found == ()

    def test_name_is_not_a_cue(self):
        """A capitalised cue word inside a name is not a cue (``Planned Parenthood``)."""
        _, found = extract("Intro line here.\n\nShe visited Planned Parenthood on Monday.")
        assert found == ()


class TestLexicon:
    """The reporting lexicon and its data files."""

    def test_default_size_and_inflections(self):
        """The bundled lexicon has 150+ verbs and phrases, each with its inflections."""
        lexicon = ReportingLexicon.default()
        assert len(lexicon.verbs) + len(lexicon.phrases) >= 150
        for form in ("says", "said", "saying", "told", "admitted", "admitting", "denies"):
            assert form in lexicon._index, form

    def test_stance_scale_documented(self):
        """Every stance of the scale is described in the data file, and only those."""
        data = load_json("reporting_verbs.json")
        assert tuple(data["stances"]) == STANCES
        assert set(data["modes"]) == set(MODES)
        used = {spec["stance"] for spec in data["verbs"].values()}
        assert used <= set(STANCES)

    def test_source_noun_kinds(self):
        """The source noun file sorts heads into kinds."""
        lexicon = ReportingLexicon.default()
        assert lexicon.source_noun_kind(["experts"]) == "generic"
        assert lexicon.source_noun_kind(["a", "group", "of", "experts"]) == "generic"
        assert lexicon.source_noun_kind(["the", "seminar"]) == "event"
        assert lexicon.source_noun_kind(["the", "ministry"]) == "organisation"
        assert lexicon.source_noun_kind(["a", "new", "poll"]) == "document"
        assert lexicon.source_noun_kind(["people", "familiar", "with", "the", "matter"]) == (
            "generic"
        )

    def test_extend_with_a_verb(self):
        """A user-added verb becomes a cue with its stance and inflections."""
        text = "Intro line here.\n\nJon Ekberg opined that the toll was unfair."
        assert extract(text)[1] == ()
        lexicon = ReportingLexicon.default().extend(verbs={"opine": "believing"})
        found = extract_attributions(Document.from_text(text), lexicon=lexicon)
        assert [(a.cue_text, a.lemma, a.stance) for a in found] == [
            ("opined", "opine", "believing")
        ]

    def test_extend_source_nouns(self):
        """A user-added generic noun classifies sources."""
        lexicon = ReportingLexicon.default().extend(source_nouns={"generic": ["pollster"]})
        assert lexicon.source_noun_kind(["pollsters"]) == "generic"

    def test_unknown_stance_rejected(self):
        """A stance outside the scale is an option error naming the scale."""
        with pytest.raises(InvalidOptionError, match="unknown stance"):
            ReportingLexicon.default().extend(verbs={"opine": "grumpy"})

    def test_unknown_source_kind_rejected(self):
        """A source noun kind outside the four is an option error."""
        with pytest.raises(InvalidOptionError, match="source noun kind"):
            ReportingLexicon.default().extend(source_nouns={"animal": ["parrot"]})

    def test_from_json_extends_default(self, tmp_path):
        """A JSON file of the data file's shape extends the bundled lexicon."""
        path = tmp_path / "extra.json"
        path.write_text(json.dumps({"verbs": {"opine": {"stance": "believing"}}}), "utf-8")
        lexicon = ReportingLexicon.from_json(path)
        assert "opine" in lexicon.verbs
        assert "say" in lexicon.verbs
        alone = ReportingLexicon.from_json(path, extend_default=False)
        assert set(alone.verbs) == {"opine"}

    def test_from_json_bad_file(self, tmp_path):
        """An unreadable file is an option error naming the file."""
        path = tmp_path / "bad.json"
        path.write_text("[1, 2]", "utf-8")
        with pytest.raises(InvalidOptionError, match=r"bad\.json"):
            ReportingLexicon.from_json(path)

    def test_entry_lookup(self):
        """``entry`` finds verbs, phrases and nouns by lemma."""
        lexicon = ReportingLexicon.default()
        assert lexicon.entry("Claim")["stance"] == "doubting"
        assert lexicon.entry("according to")["role"] == "source_after"
        assert lexicon.entry("no such cue") is None


LAGOON = """\
Lindby opens tidal power station

LINDBY HARBOUR, March 4 (Reuters) - The Lindby Tidal Energy Board (LTEB) opened a \
$90 million tidal power station on Monday, saying the turbines would light 30,000 homes.

"We built this for the next century. It will outlast us all," Ann Berg, chief engineer of \
the Lindby Tidal Energy Board, said at the opening ceremony. She said output could double \
by 2030.

Berg said the station, built at the mouth of the Lindby estuary, had run without a fault \
since tests began. The board plans to add a second turbine hall by May, she added.

Tomas Reyes, spokesman for the Lindby Bay Oystermen's Cooperative, said members had seen \
fewer oysters near the barrage. He said the cooperative had asked the station's builder to \
publish its water samples.

Ines Varga, project director of Halvorsen Marine Systems Inc., the U.S. engineering firm \
that built the station, said the barrage met national rules and caused no silting within \
500 metres of the shore. Halvorsen is expected to hand the station to LTEB in June, Varga \
said.
"""


class TestOrganisationNames:
    """Capitalised names of organisations are organisations, not people (harbour errors 1, 2)."""

    def test_the_name_with_acronym_is_one_organisation(self):
        """``The X Energy Board (LTEB) opened ..., saying``: the whole name, an organisation."""
        _, found = extract(LAGOON)
        a = by_cue(found, "saying")
        assert a.source_text == "The Lindby Tidal Energy Board (LTEB)"
        assert a.source_kind is SourceKind.ORGANISATION
        assert a.content_text == "the turbines would light 30,000 homes"

    @pytest.mark.parametrize(
        "subject",
        [
            "The Lindby Harbour Council",
            "Halvorsen Marine Systems Inc.",
            "The Lindby Bay Oystermen's Cooperative",
            "Northcoast University",
        ],
    )
    def test_organisation_head_word(self, subject):
        """A name ending in an organisation word from ``source_nouns.txt`` is no person."""
        a = only(f"Intro line here.\n\n{subject} said the toll would rise.")
        assert a.source_text == subject
        assert a.source_kind is SourceKind.ORGANISATION

    def test_name_as_modifier_of_a_document(self):
        """``A U.N. safety report ranked ..., citing``: the report, not "U.N.", speaks."""
        _, found = extract(
            "Intro line here.\n\nA U.N. transport safety report ranked the network last, "
            "citing old signals."
        )
        a = by_cue(found, "citing")
        assert a.source_text == "A U.N. transport safety report"
        assert a.source_kind is SourceKind.DOCUMENT

    def test_singular_authority_is_an_organisation(self):
        """``the authority`` is one body; ``the authorities`` are unnamed officials."""
        one = only("Intro line here.\n\nThe authority said the toll would rise.")
        assert one.source_kind is SourceKind.ORGANISATION
        many = only("Intro line here.\n\nThe authorities said the toll would rise.")
        assert many.source_kind is SourceKind.GENERIC

    def test_pronoun_skips_places_and_organisations(self):
        """``she added`` goes to Ann Berg, not to "Lindby" (dateline, estuary) or the board."""
        _, found = extract(LAGOON)
        a = by_cue(found, "added")
        assert a.source_text == "she"
        assert a.source_name == "Ann Berg"

    def test_pronoun_skips_a_cooperative_name(self):
        """``He said`` goes to Tomas Reyes, not to "Lindby Bay Oystermen" of the cooperative."""
        _, found = extract(LAGOON)
        he = next(a for a in found if a.source_text == "He")
        assert he.source_name == "Tomas Reyes"

    def test_pronoun_teaches_gender(self):
        """After ``She said`` resolves to a name, a later ``he`` skips that name."""
        _, found = extract(
            "Intro line here.\n\nLena Marsh, a pilot, said the fog was thick. She said "
            "boats waited.\n\nKai Oduro, a ferry captain, stayed ashore.\n\n"
            "Lena Marsh's crew left at noon. He said the crossing took an hour."
        )
        he = next(a for a in found if a.source_text == "He")
        assert he.source_name == "Kai Oduro"


class TestContents:
    """Where a content starts and ends (harbour errors 3, 4, 6)."""

    def test_nested_report_does_not_cut_the_outer_content(self):
        """``He said the cooperative had asked ...``: his content is the whole clause."""
        _, found = extract(LAGOON)
        he = next(a for a in found if a.source_text == "He")
        assert he.content_text == (
            "the cooperative had asked the station's builder to publish its water samples"
        )
        inner = by_cue(found, "had asked")
        assert inner.source_kind is SourceKind.ORGANISATION

    def test_second_speaker_after_a_conjunction_cuts(self):
        """``A said X, while B said Y``: two contents, neither holds the other."""
        _, found = extract(
            "Intro line here.\n\nSmith said the plan would fail, while Jones said it would work."
        )
        assert [a.content_text for a in found] == ["the plan would fail", "it would work"]

    def test_quote_before_source_with_adjunct_after_cue(self):
        """``"...," X, title, said at the ceremony.``: the quotation is the content."""
        _, found = extract(LAGOON)
        a = next(x for x in found if x.source_name == "Ann Berg" and x.direct)
        assert a.content_text == '"We built this for the next century. It will outlast us all,"'
        assert a.source_text == "Ann Berg, chief engineer of the Lindby Tidal Energy Board"
        assert a.cue_text.startswith("said")

    def test_content_first_then_adjunct(self):
        """``..., X said at a council meeting.``: the adjunct is not the content."""
        a = only(
            "Intro line here.\n\nRepairs will start in June, Kovacs said at a council meeting."
        )
        assert a.content_text == "Repairs will start in June"

    @pytest.mark.parametrize(
        ("subject", "name"),
        [
            ("Tessby harbour master Ann Berg", "Ann Berg"),
            ("Tessby Council chief executive Ann Berg", "Ann Berg"),
            ("Tessby Council", "Tessby Council"),
        ],
    )
    def test_elided_subject_with_a_role_is_the_person(self, subject, name):
        """``Org role Name has ... and urged ...``: the person is the subject."""
        _, found = extract(
            f"Intro line here.\n\n{subject} has reminded the crews of their duties and "
            "urged them to check the moorings."
        )
        assert by_cue(found, "urged").source_name == name

    def test_setting_before_that_is_not_content(self):
        """``X said at a news conference on Monday that ...``: the clause is the content."""
        a = only(
            "Intro line here.\n\nKovacs said at a news conference in Lindby on Monday that "
            "repairs would start in June."
        )
        assert a.content_text == "repairs would start in June"

    def test_relative_that_after_a_setting_is_content(self):
        """``said at the meeting that was ...``: a relative clause, left where it was."""
        a = only("Intro line here.\n\nKovacs said at the meeting that was held on Monday.")
        assert a.content_text == "at the meeting that was held on Monday"

    @pytest.mark.parametrize(
        "sentence",
        [
            "The actor shouted at the crew.",
            "The actor shouted at the crew on Monday.",
            "The actor shouted at the crew on Monday, a witness said.",
            "The actor shouted at the crew on Monday, according to a witness.",
        ],
    )
    def test_words_aimed_at_someone_report_nothing(self, sentence):
        """``X shouted at the crew``: whom the words were aimed at is not their content."""
        _, found = extract(f"Intro line here.\n\n{sentence}")
        assert [a.cue_text for a in found if a.source_text == "The actor"] == []
        assert [a.content_text for a in found] == (
            ["The actor shouted at the crew on Monday"] if "witness" in sentence else []
        )

    @pytest.mark.parametrize(
        ("sentence", "content"),
        [
            ("Kovacs said at least ten people were hurt.", "at least ten people were hurt"),
            ('"Get out," the actor shouted at the crew.', '"Get out,"'),
            ('The actor yelled at reporters, "Get out!"', '"Get out!"'),
        ],
    )
    def test_content_after_at_is_kept(self, sentence, content):
        """Content starting "at least", or a quotation before the cue or after the target."""
        _, found = extract(f"Intro line here.\n\n{sentence}")
        assert len(found) == 1
        assert content in found[0].content_text

    def test_quote_then_adding(self):
        """``"...," X said, adding that ...``: the quotation for "said", the rest for "adding"."""
        _, found = extract(
            'Intro line here.\n\n"The bridge is old," Reyes said, adding that it would close.'
        )
        assert by_cue(found, "said").content_text == '"The bridge is old,"'
        assert by_cue(found, "adding").content_text == "it would close"

    @pytest.mark.parametrize(
        "sentence",
        [
            "Ann Berg pleaded guilty on Friday to two charges of fraud.",
            "Ann Berg pleaded not guilty to the charges.",
            "Lund and Berg are doubts for the match on Saturday.",
            "Officials have claims to settle with the port.",
            "Passengers can expect delays of an hour on Monday.",
            "The word hygge, which refers to a cosy mood, is popular.",
        ],
    )
    def test_not_a_report(self, sentence):
        """A plea, a noun after an auxiliary, a modal "expect", a definition: no cue."""
        _, found = extract(f"Intro line here.\n\n{sentence}")
        assert found == ()

    @pytest.mark.parametrize(
        "sentence",
        [
            "The police found her at a house in Lindby.",
            "Former harbour master Ann Berg answered questions from reporters.",
        ],
    )
    def test_object_not_content(self, sentence):
        """``found her``, ``answered questions``: an object, not what was reported."""
        _, found = extract(f"Intro line here.\n\n{sentence}")
        assert found == ()

    def test_circumstance_clause_content_ends_at_its_comma(self):
        """``With X demanding Y, Z ...``: X's content is Y."""
        _, found = extract(
            "Intro line here.\n\nWith fishermen demanding a new pier, the council "
            "approved the plan."
        )
        assert [(a.source_text, a.content_text) for a in found] == [("fishermen", "a new pier")]

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            (
                (
                    "So while Lund and Berg were slamming the levy on the campaign trail, "
                    "council members were slipping it into the budget."
                ),
                ("Lund and Berg", "the levy on the campaign trail"),
            ),
            (
                "While the mayor said the levy was fair, critics called it a tax.",
                ("the mayor", "the levy was fair"),
            ),
            (
                'Though she called the plan "bold, brave and costly," Berg voted for it.',
                ("she", 'the plan "bold, brave and costly'),
            ),
        ],
    )
    def test_opening_clause_content_ends_at_its_comma(self, sentence, expected):
        """``While X said Y, Z ...``: a clause before the main one ends at its comma.

        A comma inside a quotation does not end it; one that closes the quotation does.
        """
        _, found = extract(f"Intro line here.\n\n{sentence}")
        assert (found[0].source_text, found[0].content_text) == expected

    def test_later_clause_content_keeps_its_commas(self):
        """``..., while X said that Y, Z, W.``: a clause after the main one runs on."""
        _, found = extract(
            "Intro line here.\n\nCritics called it a tax, while the mayor said that the "
            "levy, unpopular as it is, was fair."
        )
        assert found[-1].content_text == "the levy, unpopular as it is, was fair"

    def test_former_is_no_part_of_the_name(self):
        """``Former Sen. Ann Berg said``: the name is Ann Berg."""
        _, found = extract("Intro line here.\n\nFormer Sen. Ann Berg said the pier was safe.")
        assert [a.source_name for a in found] == ["Ann Berg"]

    def test_coordinated_verb_takes_its_clause_subject(self):
        """``A says ..., but B voted ..., and then praised ...``: B praised."""
        _, found = extract(
            "Intro line here.\n\nBerg says Lund is reckless, but Lund voted against the "
            "pier, and then praised the mayor for the veto."
        )
        assert [(a.cue_text, a.source_name, a.content_text) for a in found] == [
            ("says", "Berg", "Lund is reckless"),
            ("then praised", "Lund", "the mayor for the veto"),
        ]

    @pytest.mark.parametrize(
        ("sentence", "cue"),
        [
            ("The police found that the ferry had left early.", "found"),
            ("The mayor pleaded with residents to stay indoors.", "pleaded with"),
            ("Analysts expect the port to reopen in May.", "expect"),
            ("The mayor will claim the pier is safe.", "will claim"),
            ("The mayor has said the pier is safe.", "has said"),
        ],
    )
    def test_still_a_report(self, sentence, cue):
        """The same verbs reporting: still cues."""
        _, found = extract(f"Intro line here.\n\n{sentence}")
        assert [a.cue_text for a in found] == [cue]

    def test_expected_to_is_not_an_attribution(self):
        """``X is expected to ...`` predicts; it reports nobody's words."""
        _, found = extract("Intro line here.\n\nThe vote is expected to be close on Monday.")
        assert found == ()

    def test_trailing_source_takes_the_raising_clause(self):
        """``X is expected to ..., Varga said.``: one attribution, the whole clause."""
        _, found = extract(LAGOON)
        a = found[-1]
        assert a.source_name == "Ines Varga"
        assert a.content_text == "Halvorsen is expected to hand the station to LTEB in June"
        assert not any(x.cue_text == "is expected" for x in found)

    def test_trailing_source_takes_an_earlier_cue_in_its_clause(self):
        """``The board plans to ..., she added.``: what she added includes the plan."""
        _, found = extract(LAGOON)
        a = by_cue(found, "added")
        assert a.content_text == "The board plans to add a second turbine hall by May"


class TestAppositives:
    """Long titles and affiliations before the cue (harbour error 5)."""

    def test_several_appositives_with_abbreviations(self):
        """``X, title of Org Inc., the U.S. firm that built it, said``: X speaks."""
        _, found = extract(LAGOON)
        a = next(x for x in found if x.source_name == "Ines Varga")
        assert a.source_text == (
            "Ines Varga, project director of Halvorsen Marine Systems Inc., the U.S. "
            "engineering firm that built the station"
        )
        assert a.source_kind is SourceKind.NAMED
        assert a.content_text == (
            "the barrage met national rules and caused no silting within 500 metres of the shore"
        )

    def test_name_wins_over_a_title_phrase(self):
        """A name before an earlier comma wins over "a spokeswoman for ..."."""
        a = only(
            "Intro line here.\n\nAnn Berg, a spokeswoman for Lindby Ferries Ltd., the operator "
            "of the route, said the ferry would run."
        )
        assert a.source_name == "Ann Berg"
        assert a.content_text == "the ferry would run"

    def test_clause_after_said_is_not_an_inverted_source(self):
        """``said the barrage ... was ...`` is a clause, not "said X" with X the speaker.

        Even where the apposition is too long to be taken whole, the subject speaks.
        """
        _, found = extract(
            "Intro line here.\n\nIra Volk, 52, a mother of two, head of Halvorsen Marine "
            "Systems Inc., the firm that built it, said the barrage was safe and was paid for."
        )
        a = by_cue(found, "said")
        assert a.source_name == "Ira Volk"
        assert a.content_text == "the barrage was safe and was paid for"


class TestDerivativeShapes:
    """Sentences a rewrite uses (harbour error 7)."""

    def test_according_to_announcement_is_a_document(self):
        """``According to the announcement, ...``: a document."""
        a = only("Intro line here.\n\nAccording to the announcement, the ferry will be free.")
        assert a.source_kind is SourceKind.DOCUMENT
        assert a.content_text == "the ferry will be free"

    def test_passive_as_complement_continues_the_content(self):
        """``The opening was hailed across the city as ...``: subject, then the "as" part."""
        doc, found = extract(
            "Intro line here.\n\nThe opening was hailed across the city as the end of a long wait."
        )
        a = by_cue(found, "was hailed")
        assert a.source_kind is SourceKind.AGENTLESS
        assert a.content_text == "The opening"
        assert [doc.text[s.start : s.end] for s in a.continuations] == ["as the end of a long wait"]

    def test_officials_say_and_claimed(self):
        """``Officials say`` is generic; ``X, title, claimed`` is named with lemma "claim"."""
        _, found = extract(
            "Intro line here.\n\nOfficials say the water is clean. Vera Holm, chair of the "
            "Lindby Harbour Council, claimed the ferry would save jobs."
        )
        assert by_cue(found, "say").source_kind is SourceKind.GENERIC
        claimed = by_cue(found, "claimed")
        assert claimed.source_kind is SourceKind.NAMED
        assert claimed.source_name == "Vera Holm"
        assert claimed.lemma == "claim"

    def test_organisation_name_after_participle(self):
        """``figures published by the board``: a document, not the board."""
        a = only("Intro line here.\n\nTraffic fell, according to figures published by LTEB.")
        assert a.source_kind is SourceKind.DOCUMENT


class TestCueShapes:
    """Verb groups and what is not a cue."""

    def test_bare_day_joins_the_cue(self):
        """``said Tuesday``: the day after the verb belongs to the verb group."""
        a = only("Intro line here.\n\nJon Ekberg said Tuesday that the ferry would run.")
        assert a.cue_text == "said Tuesday"
        assert a.content_text == "the ferry would run"

    def test_medium_joins_the_cue(self):
        """``wrote in the letter``: the medium joins the cue like ``in a statement``."""
        a = only("Intro line here.\n\nJon Ekberg wrote in the letter that the ferry would run.")
        assert a.cue_text == "wrote in the letter"

    def test_catenative_joins_the_cue(self):
        """``continued to complain``: the verb before "to" is part of the group."""
        a = only("Intro line here.\n\nResidents continued to complain that the ferry was late.")
        assert a.cue_text == "continued to complain"

    @pytest.mark.parametrize(
        "text",
        [
            "The Lindby Institute, a think tank, backs the ferry.",
            "Thanks to the ferry, trade grew.",
            "The mayor won 270 pledged delegates.",
            "The council's planning office opened in May.",
            "The mayor's warning came after the vote.",
        ],
    )
    def test_not_cues(self, text):
        """Nouns and prepositions spelt like cues are not cues."""
        assert extract(f"Intro line here.\n\n{text}")[1] == ()

    def test_possessive_gerund_before_a_noun_is_not_the_cue(self):
        """``the council's planning office``: "planning" names the office, says nothing."""
        a = only("Intro line here.\n\nAccording to the council's planning office, the road shuts.")
        assert a.cue_text == "According to"
        assert a.source_text == "the council's planning office"

    def test_possessive_gerund_before_a_clause_is_a_cue(self):
        """``the mayor's warning that ...``: the noun still reports."""
        a = only("Intro line here.\n\nThe mayor's warning that prices would rise proved right.")
        assert a.cue_text == "warning"

    def test_sentence_final_records_show(self):
        """``..., port records show.``: a document source after its content."""
        a = only("Intro line here.\n\nTraffic doubled in May, port records show.")
        assert a.source_text == "port records"
        assert a.content_text == "Traffic doubled in May"

    def test_in_poll_released(self):
        """``In a poll released Monday, ...``: the poll is the source."""
        a = only(
            "Intro line here.\n\nIn a Lindby Herald poll released Monday, most back the ferry."
        )
        assert a.source_kind is SourceKind.DOCUMENT


class TestDeterminism:
    """Same input, same output."""

    def test_repeatable(self):
        """Two runs over the same document give equal results."""
        doc = Document.from_text(BRIDGE)
        assert extract_attributions(doc) == extract_attributions(doc)

    def test_result_is_frozen(self):
        """Attributions are immutable."""
        a = only("Intro line here.\n\nJon Ekberg said the toll was unfair.")
        with pytest.raises(AttributeError):
            a.lemma = "shout"  # type: ignore[misc]

    def test_span_type(self):
        """Spans are :class:`Span` objects."""
        a = only("Intro line here.\n\nJon Ekberg said the toll was unfair.")
        assert isinstance(a.cue, Span)


def lexed(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, str]]:
    """The extractor's tokens of ``text[start:end]``: (text, kind) pairs."""
    return [(t.text, t.kind) for t in _lex(text, start, len(text) if end is None else end)]


class TestLexer:
    """The extractor's own tokens: words, quotation marks, punctuation, with offsets."""

    def test_shapes(self):
        """Clitics split off, numbers and abbreviations hold together, marks stand alone."""
        assert lexed("He's \"sure\" Mr. Li can't pay 1,200 U.S. dollars.") == [
            ("He", "w"),
            ("'s", "w"),
            ('"', "q"),
            ("sure", "w"),
            ('"', "q"),
            ("Mr.", "w"),
            ("Li", "w"),
            ("ca", "w"),
            ("n't", "w"),
            ("pay", "w"),
            ("1,200", "w"),
            ("U.S.", "w"),
            ("dollars", "w"),
            (".", "p"),
        ]

    def test_final_period(self):
        """A period ending the lexed text stays punctuation, even after an abbreviation."""
        assert lexed("They met Dr.") == [("They", "w"), ("met", "w"), ("Dr", "w"), (".", "p")]
        assert lexed("They met Dr. Li") == [("They", "w"), ("met", "w"), ("Dr.", "w"), ("Li", "w")]
        assert lexed("They met Dr. ", 0, 13) == [("They", "w"), ("met", "w"), ("Dr.", "w")]
        assert lexed("They met Dr.") == [("They", "w"), ("met", "w"), ("Dr", "w"), (".", "p")]

    @settings(max_examples=200, deadline=None)
    @given(unicode_text(max_pieces=30), st.data())
    def test_offsets(self, text, data):
        """Every token is exactly the text at its offsets, in order, inside the range."""
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        previous = start
        for tok in _lex(text, start, end):
            assert previous <= tok.start < tok.end <= end
            assert text[tok.start : tok.end] == tok.text
            assert tok.cap == (tok.kind == "w" and tok.text[:1].isupper())
            previous = tok.end


ARTICLE_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def parse_or_none(text: str) -> Document | None:
    """Parse *text*; None when it holds no story."""
    try:
        return Document.from_text(text)
    except EmptyDocumentError:
        return None


class TestProperties:
    """Spans are exact on arbitrary input."""

    @ARTICLE_SETTINGS
    @given(article_text())
    def test_spans_exact_on_articles(self, text):
        """On article-like text every span is in bounds and slices to its text."""
        doc = parse_or_none(text)
        if doc is not None:
            assert_exact(doc, extract_attributions(doc))

    @ARTICLE_SETTINGS
    @given(unicode_text())
    @example("::\x1b\r:B")  # a headline colon with nothing before it: no empty content
    def test_spans_exact_on_anything(self, text):
        """On arbitrary text nothing fails and every span is exact."""
        doc = parse_or_none(text)
        if doc is not None:
            assert_exact(doc, extract_attributions(doc))

    @settings(max_examples=50, deadline=None)
    @given(st.lists(st.sampled_from(["said", "told", "according to", '"', ",", "He", "Ann Lee"])))
    def test_cue_soup(self, words):
        """Runs of cue words and quotation marks never break the extractor."""
        doc = parse_or_none("Intro line here.\n\n" + " ".join(words) + ".")
        if doc is not None:
            assert_exact(doc, extract_attributions(doc))


@requires_shared
@requires_shared_path("seeds")
class TestReferenceCase:
    """The Xinhua wire and its rewrite in ``../shared/seeds``."""

    def test_wire_speakers(self, shared_dir):
        """The five named speakers are found with their cues, and the group of experts."""
        doc = Document.from_path(shared_dir / "seeds" / "000_79b4f72508686624.txt")
        found = extract_attributions(doc)
        assert_exact(doc, found)
        speakers = {(a.source_name, a.lemma) for a in found}
        assert {
            ("Zhu Guijie", "say"),
            ("Zhu Guijie", "add"),
            ("Li Juan", "say"),
            ("Wei Dandan", "call for"),
            ("Qian Xiaofeng", "say"),
            ("Qian Xiaofeng", "add"),
            ("Christoph Stuckelberger", "say"),
            ("Christoph Stuckelberger", "stress"),
        } <= speakers
        assert any(
            a.source_text == "a group of experts" and a.source_kind is SourceKind.GENERIC
            for a in found
        )

    def test_rewrite_generic_and_event_sources(self, shared_dir):
        """The rewrite's experts, gathering, seminar and agentless praise are found."""
        doc = Document.from_path(shared_dir / "seeds" / "002_0c3c56741f2eaeab.txt")
        found = extract_attributions(doc)
        assert_exact(doc, found)
        cues = {(a.source_text, a.cue_text) for a in found}
        assert ("experts", "have cast a spotlight on") in cues
        assert ("Experts", "argue") in cues
        assert ("This gathering", "underscored") in cues
        assert ("The seminar", "call for") in cues
        assert (None, "have been lauded") in cues
        echoed = next(a for a in found if a.cue_text == "echoed")
        assert echoed.source_kind is SourceKind.GENERIC
        assert all(a.source_kind is not SourceKind.NAMED for a in found)
