"""Claim strength: reading one sentence's claim, and framing.claim_strength on two texts.

Every text here is fictional, written for these tests.
"""

from __future__ import annotations

import json

import pytest

import sourcecompare as sc
from sourcecompare.detectors import (
    CLAIM_LEVELS,
    KINDS,
    CertaintyShift,
    ClaimLexicon,
    ClaimReading,
    ClaimStrength,
    default_detectors,
    read_claim,
)

KIND = "framing.claim_strength"


def cue_text(sentence: str, reading: ClaimReading) -> str:
    """The words of the reading's main cue, with its hedge or negation."""
    assert reading.main is not None
    tokens = sc.tokenize(sentence)
    first, last = reading.main.extent
    return sentence[tokens[first].start : tokens[last - 1].end]


def claim_findings(
    wire: str, derivative: str, detectors: list[sc.typing.Detector] | None = None
) -> tuple[sc.Alignment, list[sc.Finding]]:
    """The alignment of two texts and its claim-strength findings (default detectors)."""
    alignment = sc.align(sc.Document.from_text(wire), sc.Document.from_text(derivative))
    found = sc.detect(alignment, detectors=detectors)
    return alignment, [f for f in found if f.kind == KIND]


def spans(alignment: sc.Alignment, finding: sc.Finding, *, wire: bool = False) -> list[str]:
    """The texts a finding's spans point at."""
    if wire:
        text = alignment.wires[finding.wire].text
        return [text[s.start : s.end] for s in finding.wire_spans]
    text = alignment.derivative.text
    return [text[s.start : s.end] for s in finding.derivative_spans]


class TestReadClaim:
    """read_claim places one sentence on the claim-strength scale."""

    @pytest.mark.parametrize(
        ("sentence", "level", "cue"),
        [
            (
                "Walking to work was associated with fewer colds in the Brill survey.",
                1,
                "associated with",
            ),
            ("Walking to work was linked to fewer colds.", 1, "linked to"),
            ("Commuters who walked were less likely to catch colds.", 1, "less likely"),
            ("Colds were rarer among walkers than among drivers.", None, None),
            ("Cold rates were lower among walkers than among drivers.", 1, "lower"),
            ("Walking to work may reduce the number of colds.", 2, "may reduce"),
            ("Walking to work could help prevent colds.", 2, "could help"),
            ("Could walking to work prevent colds?", 2, "Could walking to work prevent"),
            ("Walking to work reduces the number of colds.", 3, "reduces"),
            ("Walking to work cut the number of colds by a third.", 3, "cut"),
            ("The new rota is saving lives at the Brill clinic.", 3, "saving lives"),
            ("Walking to work did not reduce the number of colds.", 0, "not reduce"),
            (
                "There was no significant association between walking and colds.",
                0,
                "no significant association between",
            ),
        ],
    )
    def test_levels(self, sentence: str, level: int | None, cue: str | None) -> None:
        """Correlation 1, conditional cause 2, direct cause 3, denial 0, none None."""
        reading = read_claim(sentence)
        assert reading.level == level
        if cue is not None:
            assert cue_text(sentence, reading) == cue

    def test_advice_tops_the_scale(self) -> None:
        """Advice gives strength 4 whatever the relation, and is the main cue."""
        sentence = "Walking is linked to fewer colds, so commuters should walk to work."
        reading = read_claim(sentence)
        assert reading.level == 1
        assert reading.strength == 4
        assert cue_text(sentence, reading) == "should"
        assert CLAIM_LEVELS[4] == "advice"

    def test_no_claim(self) -> None:
        """A sentence with no cue is not a claim."""
        reading = read_claim("The Brill council met on Tuesday to discuss the harbour.")
        assert reading.level is None
        assert reading.strength is None
        assert not reading.is_claim
        assert reading.main is None

    @pytest.mark.parametrize(
        "sentence",
        [
            "Patients with reduced kidney function were enrolled at Brill.",
            "The walkers showed improved scores on the memory test.",
            "Reduced fares were introduced on the Orrin ferry in May.",
            "The council approved a tax increase for the harbour.",
            "The increase was approved on Friday.",
            "Cholesterol-lowering drugs were prescribed to half of the group.",
            "The board reported on the effort by reducing its own staff.",
        ],
    )
    def test_adjectives_and_nouns_are_not_causal(self, sentence: str) -> None:
        """A participle as adjective, a verb form as noun, a hyphenated modifier: no claim."""
        assert read_claim(sentence).level is None

    def test_hedge_governs_a_list_of_verbs(self) -> None:
        """A modal governs every base-form verb of its list: all of them are conditional."""
        reading = read_claim("A harbour levy could cut traffic, ease congestion and raise revenue.")
        assert [c.level for c in reading.cues] == [2, 2, 2]

    def test_hedge_does_not_reach_past_content_words(self) -> None:
        """A hedge separated from the cue by content words does not govern it."""
        sentence = "Riders likely to state that the timetable had helped them were asked twice."
        reading = read_claim(sentence)
        assert [c.level for c in reading.cues if c.kind == "causal"] == [3]

    def test_not_only_is_no_denial(self) -> None:
        """The words "not only ... but also" do not deny the cue after them."""
        assert read_claim("The levy not only cut traffic but also raised money.").level == 3

    def test_adverb_inside_a_phrase(self) -> None:
        """An adverb in -ly may stand inside a several-word cue."""
        sentence = "Night shifts were associated significantly with poorer sleep."
        assert cue_text(sentence, read_claim(sentence)) == "associated significantly with"

    def test_subordinate_cue_gives_way(self) -> None:
        """An -ing form with no auxiliary counts only when there is no other cue."""
        sentence = "Pain-relieving patches were linked to better sleep, helping patients rest."
        assert read_claim(sentence).level == 1
        assert read_claim("Lobbyists raising money for the mayor met on Friday.").level == 3

    def test_limits(self) -> None:
        """A phrase that limits the claim to a narrow setting is found."""
        sentence = "The Vesk compound reduced tumour growth in mice."
        reading = read_claim(sentence)
        tokens = sc.tokenize(sentence)
        assert [sentence[tokens[a].start : tokens[b - 1].end] for a, b in reading.limits] == [
            "in mice"
        ]

    def test_reads_a_segment(self) -> None:
        """Reading a segment gives token ranges into the segment's tokens."""
        doc = sc.Document.from_text("The rota met twice. Walking may reduce colds.")
        segment = doc.segments[1]
        reading = read_claim(segment)
        assert reading.main is not None
        first, last = reading.main.extent
        assert doc.text[segment.tokens[first].start : segment.tokens[last - 1].end] == (
            "may reduce"
        )


class TestClaimLexicon:
    """The cue lists: the bundled file, extending it, reading a user's file."""

    def test_default_is_shared(self) -> None:
        """The default lexicon is built once."""
        assert ClaimLexicon.default() is ClaimLexicon.default()

    def test_extend_inflects_the_first_word(self) -> None:
        """A causal cue added as a base form matches its inflected forms."""
        lexicon = ClaimLexicon.default().extend(causal=["shield"])
        assert read_claim("Hedges shield the harbour from storms.", lexicon=lexicon).level == 3
        assert read_claim("Hedges shield the harbour from storms.").level is None

    def test_unknown_category(self) -> None:
        """An unknown category raises InvalidOptionError naming the known ones."""
        with pytest.raises(sc.InvalidOptionError, match="correlational"):
            ClaimLexicon.default().extend(causes=["shield"])
        with pytest.raises(sc.InvalidOptionError, match="unknown claim"):
            ClaimLexicon.from_data({"verbs": []})
        with pytest.raises(sc.InvalidOptionError, match="unknown claim category"):
            ClaimLexicon.default().find("verbs", sc.tokenize("x"))

    def test_from_json(self, tmp_path) -> None:
        """A user's file extends the bundled cues, or replaces them."""
        path = tmp_path / "claims.json"
        path.write_text(json.dumps({"causal": ["shield"]}), encoding="utf-8")
        extended = ClaimLexicon.from_json(path)
        alone = ClaimLexicon.from_json(path, extend_default=False)
        assert "reduce" in extended.causal
        assert "shield" in extended.causal
        assert alone.causal == ("shield",)

    def test_find(self) -> None:
        """Matches come as token ranges, longest first."""
        tokens = sc.tokenize("It was linked to and associated with delays.")
        found = ClaimLexicon.default().find("correlational", tokens)
        assert [" ".join(t.text for t in tokens[a:b]) for a, b in found] == [
            "linked to",
            "associated with",
        ]


class TestClaimStrength:
    """framing.claim_strength on pairs of texts."""

    def test_registered(self) -> None:
        """The kind is in KINDS, after certainty_shift; the detector is a default one."""
        assert KINDS.index(KIND) == KINDS.index("framing.certainty_shift") + 1
        assert any(isinstance(d, ClaimStrength) for d in default_detectors())

    def test_correlation_made_cause(self) -> None:
        """A correlation restated as a cause is stronger, high severity, with both cues."""
        wire = (
            "Drinking two cups of Halden tea a day was associated with fewer colds among "
            "office workers, the study found."
        )
        derivative = (
            "Drinking two cups of Halden tea a day prevents colds among office workers, "
            "the study found."
        )
        alignment, found = claim_findings(wire, derivative)
        assert len(found) == 1
        finding = found[0]
        assert finding.severity is sc.Severity.HIGH
        assert spans(alignment, finding) == ["prevents"]
        assert spans(alignment, finding, wire=True) == ["associated with"]
        assert "stronger claim" in finding.message
        assert finding.score_map["wire_level"] == 1
        assert finding.score_map["derivative_level"] == 3

    def test_reworded_claim_is_still_compared(self) -> None:
        """A claim the alignment cannot link is compared with the wire claim it shares words with."""
        wire = "A harbour levy could reduce congestion in Orrin, the planners said."
        derivative = "Orrin toll slashes jams and cuts harbour waits."
        alignment, found = claim_findings(wire, derivative)
        assert not alignment.segments[0].sources
        assert [spans(alignment, f) for f in found] == [["cuts"]]
        assert [spans(alignment, f, wire=True) for f in found] == [["could reduce"]]
        assert found[0].severity is sc.Severity.MEDIUM
        assert found[0].score_map["derivative_relation"] == 3
        assert found[0].score_map["wire_relation"] == 2

    def test_cause_weakened(self) -> None:
        """A cause restated as a correlation is weaker: medium for two steps."""
        wire = "The Brill clinic's new triage rota cut waiting times by a third last year."
        derivative = (
            "The Brill clinic's new triage rota was linked to shorter waiting times last year."
        )
        alignment, found = claim_findings(wire, derivative)
        assert len(found) == 1
        assert "weaker claim" in found[0].message
        assert found[0].severity is sc.Severity.MEDIUM
        assert spans(alignment, found[0]) == ["linked to"]
        assert spans(alignment, found[0], wire=True) == ["cut"]

    def test_advice_added(self) -> None:
        """Advice where the wire reports a correlation is stronger, high severity."""
        wire = "Regular walks were linked to better sleep in a survey of 400 retirees in Lindby."
        derivative = (
            "Retirees in Lindby should take regular walks for better sleep, a survey of 400 found."
        )
        alignment, found = claim_findings(wire, derivative)
        assert len(found) == 1
        assert found[0].severity is sc.Severity.HIGH
        assert spans(alignment, found[0]) == ["should"]
        assert found[0].score_map["derivative_level"] == 4

    def test_limit_dropped(self) -> None:
        """The wire's claim without "in mice" is stronger; the wire spans name the limit."""
        wire = "The Vesk compound reduced tumour growth in mice, researchers in Orrin reported."
        derivative = "The Vesk compound reduced tumour growth, researchers in Orrin reported."
        alignment, found = claim_findings(wire, derivative)
        assert len(found) == 1
        assert "“in mice”" in found[0].message
        assert found[0].score_map["limit_dropped"] == 1
        assert spans(alignment, found[0], wire=True) == ["reduced", "in mice"]
        assert found[0].score_map["derivative_relation"] == found[0].score_map["wire_relation"]

    def test_limit_kept(self) -> None:
        """A derivative that keeps the limit, or names its own, is not reported."""
        wire = "The Vesk compound reduced tumour growth in mice, researchers reported."
        for derivative in (
            "In mice, the Vesk compound reduced tumour growth, researchers reported.",
            "The Vesk compound reduced tumour growth in rats, researchers reported.",
        ):
            assert claim_findings(wire, derivative)[1] == []

    def test_unchanged_copy(self) -> None:
        """The wire compared with itself has no claim-strength finding."""
        wire = (
            "Walking to work was associated with fewer colds. A levy may reduce traffic. "
            "The rota cut waiting times. Commuters should walk. "
            "The compound reduced growth in mice. Fares did not rise."
        )
        assert claim_findings(wire, wire)[1] == []

    def test_restated_part_is_no_change(self) -> None:
        """Keeping a cue the wire sentence has is no change, though the wire goes further."""
        wire = (
            "The visit improved the council's relationship with the ferry company, "
            "which led to new timetables."
        )
        derivative = "The council has a close relationship with the ferry company."
        assert claim_findings(wire, derivative)[1] == []

    def test_hedge_left_to_certainty_shift(self) -> None:
        """A hedge dropped from a causal claim is reported once, as a certainty shift."""
        wire = "The new timetable could reduce delays on the Orrin line, the operator said."
        derivative = "The new timetable will reduce delays on the Orrin line, the operator said."
        alignment, found = claim_findings(wire, derivative)
        assert found == []
        shifts = [f for f in sc.detect(alignment) if f.kind == "framing.certainty_shift"]
        assert len(shifts) == 1
        # Alone, the detector still leaves it to the certainty shift.
        assert claim_findings(wire, derivative, detectors=[ClaimStrength()])[1] == []

    def test_unrelated_claims_are_not_paired(self) -> None:
        """Among several wire claims, one shared word does not pair a reworded claim."""
        wire = (
            "Mayor Ines Dahl said the harbour levy may reduce congestion. "
            "Dahl said ferry fares were linked to tourism."
        )
        derivative = "Critics say Dahl's housing plan causes rents to soar."
        assert claim_findings(wire, derivative)[1] == []

    def test_custom_lexicon(self) -> None:
        """The detector reads with the lexicon it is given."""
        wire = "Hedgerows were linked to fewer storm losses on Skarv farms."
        derivative = "Hedgerows shield Skarv farms from storm losses."
        detector = ClaimStrength(ClaimLexicon.default().extend(causal=["shield"]))
        alignment, found = claim_findings(wire, derivative, detectors=[detector])
        assert [spans(alignment, f) for f in found] == [["shield"]]
        assert claim_findings(wire, derivative)[1] == []

    def test_certainty_shift_alone_is_unchanged(self) -> None:
        """Running the certainty-shift detector alone gives the same shifts as the default set."""
        wire = "The new timetable could reduce delays on the Orrin line."
        derivative = "The new timetable will reduce delays on the Orrin line."
        alignment = sc.align(sc.Document.from_text(wire), sc.Document.from_text(derivative))
        alone = sc.detect(alignment, detectors=[CertaintyShift()])
        together = [f for f in sc.detect(alignment) if f.kind == "framing.certainty_shift"]
        assert list(alone) == together
