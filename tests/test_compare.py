"""compare(): the whole comparison, its options, its summary and its speaker outcomes."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import sourcecompare as sc
from sourcecompare import (
    AlignOptions,
    CompareOptions,
    Comparison,
    Document,
    EmptyDocumentError,
    InvalidOptionError,
    Severity,
    SpeakerFate,
    compare,
    detect,
)

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"

WIRE = (
    "LINDEN, March 3 (Reuters) - The Linden council approved a new bus depot on Tuesday, "
    "its chair Marta Oyelaran said. The depot will cost 12 million crowns, she added. "
    "Work may start in May, according to the council's works department. "
    "Residents' group Linden Voices said the site was too close to a school."
)


def read(name: str) -> str:
    """The text of an example article."""
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def harbour() -> Comparison:
    """The bundled harbour wire report compared with its rewrite."""
    return compare(read("harbour_wire.txt"), read("harbour_rewrite.txt"))


class TestCompare:
    """compare() on texts, documents, paths and several wires."""

    def test_text_and_document_give_the_same_result(self):
        """Text and document give the same result."""
        derivative = "The Linden council approved a bus depot, its chair Marta Oyelaran said."
        from_text = compare(WIRE, derivative)
        from_docs = compare(
            Document.from_text(WIRE, doc_id="wire"),
            Document.from_text(derivative, doc_id="derivative"),
        )
        assert from_text == from_docs

    def test_paths_are_read(self):
        """Paths are read."""
        by_path = compare(ARTICLES / "rail_wire.txt", ARTICLES / "rail_rewrite.txt")
        by_text = compare(read("rail_wire.txt"), read("rail_rewrite.txt"))
        assert by_path.findings == by_text.findings
        assert by_path.wire.source is not None

    def test_matches_align_then_detect(self, harbour):
        """compare() is align() and detect() with the same options, plus the summary."""
        alignment = sc.align(harbour.wires, harbour.derivative)
        assert harbour.alignment == alignment
        assert harbour.findings == detect(alignment)

    def test_unchanged_copy_has_no_findings(self):
        """Unchanged copy has no findings."""
        result = compare(WIRE, WIRE)
        assert result.findings == ()
        assert result.worst is None
        assert result.summary.wire_kept == 1.0
        assert result.summary.derivative_supported == 1.0
        assert result.summary.speakers_dropped == ()

    def test_deterministic(self):
        """Deterministic."""
        first = compare(read("rail_wire.txt"), read("rail_rewrite.txt"))
        second = compare(read("rail_wire.txt"), read("rail_rewrite.txt"))
        assert first == second

    def test_several_wires_credit_each_sentence_to_its_wire(self):
        """Several wires credit each sentence to its wire."""
        other = (
            "OSLIN, March 4 (AP) - The Oslin ferry line will add two night crossings "
            "from April, the operator Fjordlink said on Wednesday."
        )
        derivative = (
            "The Linden council approved a new bus depot on Tuesday. "
            "Fjordlink will add two night crossings on the Oslin line from April."
        )
        result = compare([WIRE, other], derivative)
        assert len(result.wires) == 2
        wires = [{s.wire for s in entry.sources} for entry in result.alignment.segments]
        assert wires == [{0}, {1}]
        assert [d.doc_id for d in result.wires] == ["wire 1", "wire 2"]

    def test_options_are_used(self):
        """Options are used."""
        strict = CompareOptions(alignment=AlignOptions(supported=0.9))
        result = compare(WIRE, "The council approved a depot near a school.", options=strict)
        assert result.options is strict
        assert result.alignment.options.supported == 0.9

    def test_chosen_detectors_only(self):
        """Chosen detectors only."""
        only = CompareOptions(detectors=[sc.detectors.OmittedFigure()])
        result = compare(read("harbour_wire.txt"), read("harbour_rewrite.txt"), options=only)
        assert result.findings
        assert {f.kind for f in result.findings} == {"omission.figure"}
        assert only.detector_names == ("omitted_figure",)
        assert CompareOptions().detector_names is None


class TestBadInput:
    """Wrong arguments give typed errors that name the problem."""

    def test_empty_text(self):
        """Empty text."""
        with pytest.raises(EmptyDocumentError):
            compare("", "Something.")

    def test_no_wire(self):
        """No wire."""
        with pytest.raises(InvalidOptionError, match="at least one wire"):
            compare([], "Something.")

    def test_wrong_type(self):
        """Wrong type."""
        with pytest.raises(InvalidOptionError, match="got int"):
            compare(3, "Something.")  # type: ignore[arg-type]

    def test_wrong_options(self):
        """Wrong options."""
        with pytest.raises(InvalidOptionError, match="CompareOptions"):
            compare(WIRE, WIRE, options=AlignOptions())  # type: ignore[arg-type]

    def test_wrong_option_field(self):
        """Wrong option field."""
        with pytest.raises(InvalidOptionError, match="'lexicons' must be a Lexicons"):
            CompareOptions(lexicons={"evaluative": ["pivotal"]})  # type: ignore[arg-type]

    def test_detectors_must_detect(self):
        """Detectors must detect."""
        with pytest.raises(InvalidOptionError, match="'detectors' must hold detectors"):
            CompareOptions(detectors=["omission.figure"])  # type: ignore[list-item]


class TestSummary:
    """The figures agree with the alignment and the findings."""

    def test_counts_add_up(self, harbour):
        """Counts add up."""
        summary = harbour.summary
        assert summary.findings == len(harbour.findings)
        assert sum(n for _, n in summary.by_kind) == len(harbour.findings)
        assert [name for name, _ in summary.by_severity] == ["high", "medium", "low"]
        assert sum(n for _, n in summary.wire_fates) == len(harbour.alignment.wire_sentences)
        assert sum(n for _, n in summary.derivative_labels) == len(harbour.alignment.segments)
        assert summary.wire_kept == harbour.alignment.kept_share

    def test_select_filters_and_recounts(self, harbour):
        """Select filters and recounts."""
        high = harbour.select(severity="high")
        assert high.findings
        assert all(f.severity is Severity.HIGH for f in high.findings)
        assert high.summary.findings == len(high.findings)
        framing = harbour.select(["framing"])
        assert {f.category for f in framing.findings} == {"framing"}
        one = harbour.select(["omission.figure"])
        assert {f.kind for f in one.findings} == {"omission.figure"}
        assert harbour.select() == harbour

    def test_worst(self, harbour):
        """Worst."""
        assert harbour.worst is max(f.severity for f in harbour.findings)


class TestSpeakers:
    """Each wire speaker and what became of them."""

    def test_harbour_speakers(self, harbour):
        """Harbour speakers."""
        fates = {s.name: s.fate for s in harbour.speakers}
        # examples/articles/README.md: the rewrite keeps Okafor, drops the others'
        # names or turns them into "experts" / "officials".
        assert all(s.statements >= 1 for s in harbour.speakers)
        assert set(harbour.summary.speakers_kept) == {
            name for name, fate in fates.items() if not fate.lost
        }
        for outcome in harbour.speakers:
            for span in outcome.wire_spans:
                assert harbour.wire.text[span.start : span.end].strip()
            for span in outcome.derivative_spans:
                assert harbour.derivative.text[span.start : span.end].strip()

    def test_kept_speaker(self):
        """Kept speaker."""
        result = compare(WIRE, "The council approved a bus depot, chair Marta Oyelaran said.")
        oyelaran = next(s for s in result.speakers if s.name == "Marta Oyelaran")
        assert oyelaran.fate is SpeakerFate.KEPT
        assert "Marta Oyelaran" in result.summary.speakers_kept

    def test_dropped_speaker(self):
        """Dropped speaker."""
        result = compare(WIRE, "The Linden council approved a new bus depot on Tuesday.")
        oyelaran = next(s for s in result.speakers if s.name == "Marta Oyelaran")
        assert oyelaran.fate is SpeakerFate.DROPPED
        assert oyelaran.derivative_segments == (0,)
        assert "Marta Oyelaran" in result.summary.speakers_dropped

    def test_amplified_speaker(self):
        """Amplified speaker."""
        result = compare(
            WIRE, "The Linden council approved a new bus depot on Tuesday, experts said."
        )
        oyelaran = next(s for s in result.speakers if s.name == "Marta Oyelaran")
        assert oyelaran.fate is SpeakerFate.AMPLIFIED
        assert oyelaran.credited_to == ("experts",)

    def test_omitted_speaker(self):
        """Omitted speaker."""
        result = compare(WIRE, "The Linden council approved a new bus depot on Tuesday.")
        voices = next(s for s in result.speakers if s.name == "Linden Voices")
        assert voices.fate is SpeakerFate.OMITTED
        assert voices.fate.lost

    def test_kept_once_and_dropped_twice(self, harbour):
        """A speaker credited once and left out twice is kept, with the counts to say so."""
        authority = next(
            s for s in harbour.speakers if "PAWA" in s.name and s.kind == "organisation"
        )
        assert authority.fate is SpeakerFate.KEPT
        assert authority.carried == ((SpeakerFate.KEPT, 1), (SpeakerFate.DROPPED, 2))
        assert authority.partly_lost
        okonkwo = next(s for s in harbour.speakers if s.name == "Maria Okonkwo")
        assert okonkwo.carried == ((SpeakerFate.KEPT, 4),)
        assert not okonkwo.partly_lost
        omitted = [s for s in harbour.speakers if s.fate is SpeakerFate.OMITTED]
        assert omitted
        assert all(s.carried == () for s in omitted)

    def test_carried_counts_are_checked(self, harbour):
        """Counts come in the fates' order; a fate words cannot be carried in is refused."""
        speaker = harbour.speakers[0]
        evolved = attrs.evolve(speaker, carried=[("dropped", 2), (SpeakerFate.KEPT, 1)])
        assert evolved.carried == ((SpeakerFate.KEPT, 1), (SpeakerFate.DROPPED, 2))
        assert attrs.evolve(speaker, carried=[("kept", 0)]).carried == ()
        for wrong in ([("omitted", 1)], [("kept", -1)]):
            with pytest.raises(ValueError, match="carried"):
                attrs.evolve(speaker, carried=wrong)

    def test_pronoun_joins_its_speaker(self):
        """Pronoun joins its speaker."""
        result = compare(WIRE, WIRE)
        oyelaran = next(s for s in result.speakers if s.name == "Marta Oyelaran")
        assert oyelaran.statements == 2  # "said" and "she added"
        assert oyelaran.fate is SpeakerFate.KEPT


def test_comparison_is_frozen(harbour):
    """Comparison is frozen."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        harbour.findings = ()  # type: ignore[misc]
