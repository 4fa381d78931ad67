"""Attribution drift detectors: one case per finding kind and the cases that stay quiet.

Also the reference pair's speakers, when ../shared is present.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import sourcecompare as sc
from sourcecompare._attribution import STANCES

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
SEEDS = ROOT.parent / "shared" / "seeds"

WIRE = textwrap.dedent(
    """\
    Tessby harbour to reopen after storm repairs

    TESSBY, Nov. 4 (Reuters) - Mara Velde, a spokeswoman for the Tessby port authority, said
    the harbour would reopen on Monday after repairs to the sea wall.

    Jonas Reill, the mayor of Tessby, praised the fishermen who had cleared debris from the
    quays during the weekend.

    "We will reopen the harbour on Monday, whatever the weather does," Velde told reporters.

    Harbour master Ingrid Sol said the storm had sunk four boats and damaged about 30 others.
    """
)

DRIFT_KINDS = {
    "attribution.speaker_dropped",
    "attribution.speaker_generalised",
    "attribution.speaker_amplified",
    "attribution.speaker_changed",
    "attribution.cue_changed",
    "attribution.quote_altered",
    "attribution.paraphrase_quoted",
    "attribution.fabricated",
}


def drift(derivative: str, wire: str = WIRE) -> tuple[tuple[sc.Finding, ...], str, str]:
    """The attribution-drift findings for *derivative* against *wire*, and both texts."""
    body = f"Tessby harbour\n\n{textwrap.dedent(derivative).strip()}\n"
    found = sc.detect(sc.align(sc.Document.from_text(wire), sc.Document.from_text(body)))
    return tuple(f for f in found if f.kind in DRIFT_KINDS), wire, body


def texts(text: str, spans: tuple[sc.Span, ...]) -> list[str]:
    """What spans point at."""
    return [text[s.start : s.end] for s in spans]


class TestSpeakers:
    """What became of who said it."""

    def test_statement_stated_as_fact(self):
        """A named speaker's statement repeated without a speaker is speaker_dropped."""
        found, wire, derivative = drift(
            "The harbour will reopen on Monday after repairs to the sea wall."
        )
        (finding,) = found
        assert finding.kind == "attribution.speaker_dropped"
        assert finding.severity is sc.Severity.HIGH
        assert "Mara Velde" in finding.message
        assert "as fact" in finding.message
        assert "said" in texts(wire, finding.wire_spans)
        assert any("Mara Velde" in t for t in texts(wire, finding.wire_spans))
        assert any(
            "reopen on Monday after repairs to the sea wall" in t
            for t in texts(derivative, finding.derivative_spans)
        )

    def test_agentless_passive(self):
        """A statement behind "have been praised" is dropped, and the passive is named."""
        found, _, derivative = drift(
            "The fishermen who cleared debris from the quays during the weekend have been praised."
        )
        (finding,) = found
        assert finding.kind == "attribution.speaker_dropped"
        assert "agentless passive “have been praised”" in finding.message
        assert "Jonas Reill" in finding.message
        assert "have been praised" in texts(derivative, finding.derivative_spans)

    def test_generalised(self):
        """A named speaker become "a port official" is speaker_generalised."""
        found, _, derivative = drift(
            "A port official said the harbour would reopen on Monday after repairs to the sea wall."
        )
        (finding,) = found
        assert finding.kind == "attribution.speaker_generalised"
        assert finding.severity is sc.Severity.MEDIUM
        assert "A port official" in texts(derivative, finding.derivative_spans)
        assert "Mara Velde" in finding.message

    def test_amplified(self):
        """One named speaker become "experts" is speaker_amplified."""
        found, _, derivative = drift(
            "Experts said the harbour would reopen on Monday after repairs to the sea wall."
        )
        (finding,) = found
        assert finding.kind == "attribution.speaker_amplified"
        assert finding.severity is sc.Severity.HIGH
        assert "Experts" in texts(derivative, finding.derivative_spans)
        assert "the view of several people" in finding.message
        assert "to one, Mara Velde" in finding.message

    def test_changed(self):
        """Another named person credited with the statement is speaker_changed."""
        found, _, _ = drift(
            "Harbour master Ingrid Sol said the harbour would reopen on Monday after repairs to "
            "the sea wall."
        )
        (finding,) = found
        assert finding.kind == "attribution.speaker_changed"
        assert "to Ingrid Sol" in finding.message
        assert "Mara Velde" in finding.message

    def test_witness_dropped_from_a_clause_with_a_speech_verb(self):
        """A speech verb inside the content is not the cue: dropping the witness is a drop.

        The wire's "according to a witness" reports the whole clause; "shouted at the
        crew" reports nothing of the actor's, so it is no cue to compare with.
        """
        wire = (
            "TESSBY (Reuters) - The harbour master shouted at the crew of the ferry on "
            "Monday, according to a witness.\n\nThe ferry sailed an hour late."
        )
        found, _, derivative = drift(
            "The harbour master shouted at the crew of the ferry on Monday.\n\n"
            "The ferry sailed an hour late.",
            wire,
        )
        assert [f.kind for f in found] == ["attribution.speaker_dropped"]
        assert "a witness" in found[0].message
        assert any(
            "shouted at the crew of the ferry on Monday" in t
            for t in texts(derivative, found[0].derivative_spans)
        )

    def test_unlisted_agency_credit_removed(self):
        """An agency the list lacks, in a full dateline: its credit and dateline dropped.

        Its name and the dateline's date are furniture, not omitted content.
        """
        wire = (
            "Harbour reopens\n\nTESSBY, March 3 (Nordwire) - The harbour will reopen on "
            "Monday, the port authority said.\n\nWork on the sea wall ended in May."
        )
        derivative = (
            "Harbour reopens\n\nThe harbour will reopen on Monday, the port authority "
            "said.\n\nWork on the sea wall ended in May."
        )
        result = sc.compare(wire, derivative)
        assert sc.Comparison.from_json(result.to_json()) == result
        found = result.findings
        assert [f.message for f in found if f.kind == "attribution.credit_removed"] == [
            "The wire credits Nordwire (dateline); the derivative credits it nowhere."
        ]
        assert [f.kind for f in found if f.category == "omission"] == []
        kept = derivative.replace("The harbour will", "Nordwire reported that the harbour will")
        assert not [
            f for f in sc.compare(wire, kept).findings if f.kind == "attribution.credit_removed"
        ]

    def test_surname_is_the_same_speaker(self):
        """The surname "Velde" keeps the speaker "Mara Velde"; said to told is no drift."""
        found, _, _ = drift(
            "Velde told reporters the harbour would reopen on Monday after repairs to the sea wall."
        )
        assert found == ()

    def test_unnamed_wire_source_made_unnamed_again(self):
        """The wire's "officials said" as "authorities say" is not flagged."""
        wire = "Officials said the ferry to Skarv would resume sailing on Friday at noon.\n"
        found, _, _ = drift(
            "Authorities say the ferry to Skarv will resume sailing on Friday.", wire
        )
        assert found == ()


class TestCues:
    """Reporting verbs graded by stance."""

    def test_said_to_claimed(self):
        """From said to claimed casts doubt: high severity, both cues as evidence."""
        found, wire, derivative = drift(
            "Mara Velde, a spokeswoman for the Tessby port authority, claimed the harbour would "
            "reopen on Monday after repairs to the sea wall."
        )
        (finding,) = found
        assert finding.kind == "attribution.cue_changed"
        assert finding.severity is sc.Severity.HIGH
        assert texts(derivative, finding.derivative_spans) == ["claimed"]
        assert texts(wire, finding.wire_spans) == ["said"]
        assert finding.score_map == {"stance_after": 3.0, "stance_before": 0.0}

    def test_said_to_stressed_is_low(self):
        """From said to stressed only adds emphasis: low severity."""
        found, _, _ = drift(
            "Mara Velde, a spokeswoman for the Tessby port authority, stressed the harbour would "
            "reopen on Monday after repairs to the sea wall."
        )
        assert [(f.kind, f.severity) for f in found] == [
            ("attribution.cue_changed", sc.Severity.LOW)
        ]

    def test_stance_table_covers_the_lexicon(self):
        """Every graded stance is a stance of the reporting lexicon."""
        assert set(sc.detectors.attribution.STANCE_WEIGHT) <= set(STANCES)


class TestQuotes:
    """Words inside quotation marks against the wire's."""

    def test_altered(self):
        """Changed words in a quotation are reported, with both versions."""
        found, wire, derivative = drift(
            '"We will reopen the harbour on Monday, come what may," Velde told reporters.'
        )
        (finding,) = found
        assert finding.kind == "attribution.quote_altered"
        assert "come what may" in texts(derivative, finding.derivative_spans)
        assert "whatever the weather does" in texts(wire, finding.wire_spans)
        assert "has “come what may” where the wire has “whatever the weather does”" in (
            finding.message
        )

    def test_words_left_out_inside(self):
        """Words cut from inside a quotation, without an ellipsis, alter it."""
        found, _, _ = drift(
            '"We will reopen on Monday, whatever the weather does," Velde told reporters.'
        )
        (finding,) = found
        assert "leaves out “the harbour”" in finding.message

    @pytest.mark.parametrize(
        "derivative",
        [
            '"We will reopen the harbour on Monday," Velde told reporters.',
            '"We will reopen the harbour ... whatever the weather does," Velde told reporters.',
            "“We will reopen the harbour on Monday, whatever the weather does,” Velde said.",
        ],
    )
    def test_cut_or_elided_quote_is_the_same(self, derivative):
        """A quotation cut short, or cut with an ellipsis, is the wire's quotation."""
        found, _, _ = drift(derivative)
        assert not [f for f in found if f.kind.startswith("attribution.quote")]

    def test_paraphrase_in_quotation_marks(self):
        """Reported speech put in quotation marks is paraphrase_quoted."""
        found, _, derivative = drift(
            '"The harbour will reopen on Monday once the sea wall is repaired," Velde said.'
        )
        kinds = [f.kind for f in found]
        assert kinds == ["attribution.paraphrase_quoted"]
        (span,) = found[0].derivative_spans
        assert derivative[span.start : span.end].startswith('"The harbour will reopen')


class TestFabricated:
    """Content the wire does not have, attributed to someone."""

    @pytest.mark.parametrize(
        ("derivative", "who"),
        [
            (
                "Experts say the new sea wall will protect the town from floods for a century.",
                "unnamed people",
            ),
            (
                "According to the announcement, the town will build a second marina by 2031.",
                "a document",
            ),
        ],
    )
    def test_invented_statement(self, derivative, who):
        """The source is named, the invented content quoted, and the shares given."""
        found, _, _ = drift(derivative)
        (finding,) = found
        assert finding.kind == "attribution.fabricated"
        assert finding.severity is sc.Severity.HIGH
        assert who in finding.message
        assert finding.score_map["aligned_share"] < 0.5
        assert finding.score_map["wire_share"] < 0.4

    def test_reported_content_is_not_fabricated(self):
        """A summary of what the wire's speakers said is not invented."""
        found, _, _ = drift(
            "Officials said the storm sank four boats and the harbour would reopen on Monday."
        )
        assert "attribution.fabricated" not in {f.kind for f in found}


class TestExamples:
    """The bundled example articles."""

    def test_faithful_rewrite_has_no_attribution_findings(self):
        """A faithful, credited rewrite keeps every speaker, cue and quotation."""
        wire = sc.Document.from_path(ARTICLES / "harbour_wire.txt")
        faithful = sc.Document.from_path(ARTICLES / "harbour_faithful.txt")
        found = sc.detect(sc.align(wire, faithful))
        assert [f for f in found if f.category == "attribution"] == []

    def test_rewrite_exercises_the_speaker_kinds(self):
        """The example rewrite drops, amplifies and recolours speakers and invents two."""
        wire = sc.Document.from_path(ARTICLES / "harbour_wire.txt")
        rewrite = sc.Document.from_path(ARTICLES / "harbour_rewrite.txt")
        found = sc.detect(sc.align(wire, rewrite))
        kinds = {f.kind for f in found}
        assert {
            "attribution.speaker_dropped",
            "attribution.speaker_amplified",
            "attribution.cue_changed",
            "attribution.fabricated",
            "attribution.credit_removed",
        } <= kinds
        dropped = " ".join(f.message for f in found if f.kind == "attribution.speaker_dropped")
        assert "the wire quotes Helen Achterberg" in dropped


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
class TestReferenceCase:
    """Issue 4's attribution list on the reference pair."""

    @pytest.fixture(name="found", scope="class")
    @classmethod
    def fixture_found(cls):
        """Findings on the reference pair."""
        wire = sc.Document.from_path(SEEDS / "000_79b4f72508686624.txt")
        derivative = sc.Document.from_path(SEEDS / "002_0c3c56741f2eaeab.txt")
        return wire, derivative, sc.detect(sc.align(wire, derivative))

    def test_named_speakers_dropped_or_generalised(self, found):
        """All five named speakers are reported as dropped, generalised or amplified."""
        _, _, result = found
        annotation = json.loads((SEEDS / "annotations.json").read_text(encoding="utf-8"))
        messages = " ".join(
            f.message
            for f in result
            if f.kind
            in {
                "attribution.speaker_dropped",
                "attribution.speaker_generalised",
                "attribution.speaker_amplified",
            }
        )
        missing = [s["name"] for s in annotation["speakers"] if s["name"] not in messages]
        assert missing == []

    def test_stuckelberger_amplified(self, found):
        """The one speaker behind "a key theme echoed by experts" is amplified."""
        _, derivative, result = found
        (finding,) = [f for f in result if f.kind == "attribution.speaker_amplified"]
        assert "Christoph Stuckelberger" in finding.message
        assert any("experts" in t for t in texts(derivative.text, finding.derivative_spans))

    def test_fabricated_d12_d13_d14(self, found):
        """The three invented attributions are reported, and nothing else is."""
        _, derivative, result = found
        starts = sorted(
            derivative.segments[f.derivative_segments[0]].text[:20]
            for f in result
            if f.kind == "attribution.fabricated"
        )
        assert starts == ["Experts argue that a", "The accusation of th", "The seminar's call f"]
