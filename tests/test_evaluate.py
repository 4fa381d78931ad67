"""The evaluation harness in bench/: its metrics, readers, floors and discovery of files.

Every text here is written for the tests. The datasets in ``../shared/data`` are read only
by the last class, which skips when they are absent.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT, SHARED_DIR
from sourcecompare import Finding, Severity, Span, tokenize

sys.path.insert(0, str(REPO_ROOT / "bench"))

import _data
import evaluate


class TestRanksAndAuroc:
    """Tie-averaged ranks and the rank-sum AUROC."""

    def test_ranks_average_ties(self):
        """Tied values share the mean of the ranks they span."""
        assert _data.ranks([3.0, 1.0, 3.0, 2.0]) == [3.5, 1.0, 3.5, 2.0]

    def test_perfect_and_inverted(self):
        """Scores that separate the classes give 1, reversed ones 0."""
        assert _data.auroc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]) == 1.0
        assert _data.auroc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]) == 0.0

    def test_known_value(self):
        """One misordered pair of four: 0.75."""
        assert _data.auroc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == 0.75

    def test_ties_count_half(self):
        """A positive tied with a negative counts one half."""
        assert _data.auroc([0.5, 0.5], [0, 1]) == 0.5

    def test_one_class_is_nan(self):
        """Without both classes the area is undefined."""
        assert math.isnan(_data.auroc([0.1, 0.2], [1, 1]))

    def test_lengths_must_match(self):
        """Scores and labels of different lengths are an error."""
        with pytest.raises(ValueError, match="labels"):
            _data.auroc([0.1], [0, 1])


class TestSpearman:
    """Spearman's rank correlation."""

    def test_monotone(self):
        """Any increasing relation gives 1, a decreasing one -1."""
        assert _data.spearman([1, 2, 3, 4], [10, 20, 30, 400]) == pytest.approx(1.0)
        assert _data.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)

    def test_known_value(self):
        """One swapped neighbour pair of four: 0.8."""
        assert _data.spearman([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)

    def test_ties(self):
        """Ties are averaged (the value scipy.stats.spearmanr gives)."""
        assert _data.spearman([1, 1, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486832980505138)

    def test_constant_is_nan(self):
        """A constant series has no ranks to correlate."""
        assert math.isnan(_data.spearman([1, 1, 1], [1, 2, 3]))
        assert math.isnan(_data.spearman([1], [1]))


class TestF1:
    """Precision, recall, F1 and the macro average."""

    def test_prf(self):
        """3 right, 1 wrong, 2 missed."""
        p, r, f = _data.prf(3, 1, 2)
        assert (p, r) == (0.75, 0.6)
        assert f == pytest.approx(2 * 0.75 * 0.6 / 1.35)

    def test_prf_empty(self):
        """No predictions and no gold: all zero, no division error."""
        assert _data.prf(0, 0, 0) == (0.0, 0.0, 0.0)

    def test_macro_f1(self):
        """The mean of per-class F1; a class never predicted scores 0."""
        gold = ["same", "same", "exaggerates", "downplays"]
        predicted = ["same", "exaggerates", "exaggerates", "same"]
        expected = (1 / 2 + 2 / 3 + 0) / 3
        assert _data.macro_f1(gold, predicted, evaluate.INSCIOUT_LABELS) == pytest.approx(expected)

    def test_majority_class(self):
        """Always predicting the majority class of 61/22/17 gives about 0.25."""
        gold = ["same"] * 61 + ["exaggerates"] * 22 + ["downplays"] * 17
        score = _data.macro_f1(gold, ["same"] * 100, evaluate.INSCIOUT_LABELS)
        assert score == pytest.approx((2 * 61 / 161) / 3)

    def test_flag_all(self):
        """Flagging everything: precision is the gold share, recall 1."""
        assert evaluate.flag_all_f1(40, 100) == pytest.approx(2 * 0.4 / 1.4)
        assert math.isnan(evaluate.flag_all_f1(0, 0))


class TestLocateSpan:
    """Finding an annotated span in its summary by its text, near its offset."""

    SUMMARY = "the mayor of brill said the new bridge will open in june, the mayor said."

    def test_one_based_offset(self):
        """An offset one past the span's start finds it."""
        start = self.SUMMARY.index("new bridge")
        assert _data.locate_span(self.SUMMARY, "new bridge", start + 1) == (start, start + 10)

    def test_zero_based_offset(self):
        """An exact offset finds it too."""
        start = self.SUMMARY.index("june")
        assert _data.locate_span(self.SUMMARY, "june", start) == (start, start + 4)

    def test_nearest_occurrence(self):
        """Of two occurrences, the one nearer the offset is taken."""
        second = self.SUMMARY.rindex("the mayor")
        assert _data.locate_span(self.SUMMARY, "the mayor", second + 1) == (
            second,
            second + 9,
        )
        assert _data.locate_span(self.SUMMARY, "the mayor", 1) == (0, 9)

    def test_escaped_line_break_and_space(self):
        """A literal backslash-n at an end and surrounding spaces are ignored."""
        start = self.SUMMARY.index("in june")
        located = _data.locate_span(self.SUMMARY, " in june\\n", start + 1)
        assert located == (start, start + 7)

    def test_escaped_apostrophe(self):
        """The release's escaped apostrophe matches the unescaped summary."""
        summary = _data.unescape_release("brill\\'s bridge opens.")
        assert summary == "brill's bridge opens."
        assert _data.locate_span(summary, "brill\\'s bridge", 1) == (0, 14)

    def test_treebank_brackets(self):
        """A summary's "-LRB-" and "-RRB-" are the brackets they stand for."""
        summary = _data.unescape_release("a unit -LRB- PSU -RRB- per bunk -LSB- sic -RSB- .")
        assert summary == "a unit ( PSU ) per bunk [ sic ] ."

    def test_case_is_ignored_as_a_fallback(self):
        """A span written with other capitals is still found."""
        start = self.SUMMARY.index("brill")
        assert _data.locate_span(self.SUMMARY, "Brill", start) == (start, start + 5)

    def test_absent(self):
        """A span that is not in the summary, or empty, gives None."""
        assert _data.locate_span(self.SUMMARY, "a tunnel", 3) is None
        assert _data.locate_span(self.SUMMARY, "  ", 3) is None


class TestSummaryText:
    """Summaries read from FRANK-style article files."""

    def test_lines_become_paragraphs(self):
        """Each sentence line is a paragraph of its own."""
        record = {"bart_lines": ["the mill closed .", "its workers left ."]}
        assert evaluate.frank_summary(record, "bart") == "the mill closed .\n\nits workers left ."

    def test_line_split_at_escape_is_joined(self):
        """A line cut at an escaped apostrophe is joined to the next and unescaped."""
        record = {"PtGen_lines": ["it\\", "'s the mill that closed."]}
        assert evaluate.frank_summary(record, "PtGen") == "it's the mill that closed."

    def test_falls_back_to_the_string(self):
        """Without lines, the summary string is used."""
        assert evaluate.frank_summary({"s2s": "a mill closed."}, "s2s") == "a mill closed."


def _finding(kind: str, **scores: float) -> Finding:
    return Finding(kind=kind, severity=Severity.MEDIUM, message="m", scores=scores)


class TestExaggerationLabel:
    """same / exaggerates / downplays from claim-strength and certainty-shift findings."""

    def test_nothing_is_same(self):
        """No relevant finding: same."""
        assert evaluate.exaggeration_label([_finding("omission.entity")]) == "same"

    def test_stronger_relation_exaggerates(self):
        """A claim whose relation level rose exaggerates; one whose level fell downplays."""
        up = _finding("framing.claim_strength", wire_relation=1.0, derivative_relation=3.0)
        down = _finding("framing.claim_strength", wire_relation=3.0, derivative_relation=2.0)
        assert evaluate.exaggeration_label([up]) == "exaggerates"
        assert evaluate.exaggeration_label([down]) == "downplays"
        assert evaluate.exaggeration_label([up, down]) == "same"

    def test_advice_and_limits_are_not_read(self):
        """Advice added or a limit dropped leaves the relation levels equal: same."""
        advice = _finding(
            "framing.claim_strength", wire_relation=1.0, derivative_relation=1.0, wire_level=1.0
        )
        only_advice = _finding("framing.claim_strength", wire_relation=1.0, derivative_level=4.0)
        assert evaluate.exaggeration_label([advice]) == "same"
        assert evaluate.exaggeration_label([only_advice]) == "same"

    def test_asserted_hedge_exaggerates(self):
        """A hedge dropped (asserted) exaggerates."""
        found = [_finding("framing.certainty_shift", asserted=1.0)]
        assert evaluate.exaggeration_label(found) == "exaggerates"

    def test_added_hedge_downplays(self):
        """A hedge added downplays."""
        found = [_finding("framing.certainty_shift", asserted=0.0)]
        assert evaluate.exaggeration_label(found) == "downplays"

    def test_evaluative_words_are_not_read(self):
        """Evaluative language is tone, not claim strength: it does not count."""
        evaluative = _finding("framing.evaluative_language")
        hedged = _finding("framing.certainty_shift", asserted=0.0)
        assert evaluate.exaggeration_label([evaluative]) == "same"
        assert evaluate.exaggeration_label([evaluative, hedged]) == "downplays"


class TestClaimLabel:
    """The claim-strength dataset's label from read_claim."""

    def test_levels(self):
        """No cue and a denial are 0; the relation level otherwise; advice is not a level."""
        assert evaluate.claim_label("The ferry left at noon.") == "0"
        assert evaluate.claim_label("Fares did not reduce traffic.") == "0"
        assert evaluate.claim_label("Fares are linked to traffic.") == "1"
        assert evaluate.claim_label("Fares may reduce traffic.") == "2"
        assert evaluate.claim_label("Fares reduce traffic.") == "3"
        assert evaluate.claim_label("Riders should walk.") == "0"


class TestMeasures:
    """Token coverage and agency names."""

    def test_content_tokens(self):
        """Function words are left out."""
        assert [t.text for t in evaluate.content_tokens("The mill in Brill closed.")] == [
            "mill",
            "Brill",
            "closed",
        ]

    def test_covered_share(self):
        """The share of tokens overlapping any span."""
        text = "The mill in Brill closed."
        tokens = evaluate.content_tokens(text)
        spans = [Span(text.index("Brill"), len(text))]
        assert evaluate.covered_share(tokens, spans) == pytest.approx(2 / 3)
        assert evaluate.covered_share([], spans) == 0.0

    def test_added_content_share(self):
        """Word-level findings count a token whole; a whole-sentence one by 1 - support."""
        text = "The mill in Brill closed in 2031."
        tokens = evaluate.content_tokens(text)  # mill, Brill, closed, 2031
        sentence = Finding(
            kind="framing.unsupported_sentence",
            severity=Severity.HIGH,
            message="m",
            derivative_spans=[Span(0, len(text))],
            scores={"support": 0.25},
        )
        fact = Finding(
            kind="framing.added_fact",
            severity=Severity.LOW,
            message="m",
            derivative_spans=[Span(text.index("2031"), text.index("2031") + 4)],
        )
        other = Finding(
            kind="omission.figure",
            severity=Severity.LOW,
            message="m",
            derivative_spans=[Span(0, len(text))],
        )
        assert evaluate.added_content_share(tokens, [sentence]) == pytest.approx(0.75)
        assert evaluate.added_content_share(tokens, [sentence, fact]) == pytest.approx(
            (3 * 0.75 + 1) / 4
        )
        assert evaluate.added_content_share(tokens, [fact, other]) == pytest.approx(1 / 4)
        assert evaluate.added_content_share([], [sentence]) == 0.0
        assert "framing.added_fact" in evaluate.ADDED_KINDS

    def test_lexical_new_share(self):
        """The baseline: summary words, lower-cased as written, that the wire lacks."""
        wire = evaluate.content_tokens("The Brill mill closed; its workers left.")
        words = frozenset(t.text.lower() for t in wire)
        tokens = evaluate.content_tokens("the brill mill closes, a bank said.")
        # brill, mill, closes, bank, said: "closes" is not "closed" as written
        assert evaluate.lexical_new_share(tokens, words) == pytest.approx(3 / 5)
        assert evaluate.lexical_new_share([], words) == 0.0

    def test_names_agency(self, agencies):
        """Any spelling counts; a short one only with its case."""
        assert evaluate.names_agency(
            "a report by The Associated Press", "Associated Press", agencies
        )
        assert evaluate.names_agency("LINDBY (AP) - A mill closed.", "Associated Press", agencies)
        assert not evaluate.names_agency("an ap of the mill", "Associated Press", agencies)
        assert not evaluate.names_agency("a mill closed", "Reuters", agencies)

    def test_lexicon_rate(self):
        """Framing-lexicon words per 100 words of the text alone."""
        lexicons = evaluate.Lexicons.default()
        text = "A crucial and very bold plan."
        expected = 100 * 3 / len(tokenize(text))
        assert evaluate.lexicon_rate(text, lexicons) == pytest.approx(expected)


class TestFloors:
    """The floors file and its check."""

    def test_read(self, tmp_path):
        """Numbers are minimums; objects give min and max; notes are ignored."""
        path = tmp_path / "floors.json"
        path.write_text(
            json.dumps({"_note": "x", "msrp": {"auroc": 0.8, "rate": {"max": 0.1}, "_why": "y"}}),
            encoding="utf-8",
        )
        assert evaluate.read_floors(path) == {"msrp": {"auroc": {"min": 0.8}, "rate": {"max": 0.1}}}

    def test_check(self):
        """Below a floor, above a ceiling and not computed fail; absent datasets are noted."""
        outcomes = {
            "msrp": evaluate.Outcome("msrp", {"auroc": 0.7, "rate": 0.2, "odd": math.nan}),
            "xsum": evaluate.Outcome("xsum", skipped="absent"),
        }
        floors = {
            "msrp": {"auroc": {"min": 0.8}, "rate": {"max": 0.1}, "odd": {"min": 0.0}},
            "xsum": {"f1": {"min": 0.5}},
            "frank": {"auroc": {"min": 0.5}},
        }
        failures, notes = evaluate.check_floors(outcomes, floors)
        assert len(failures) == 3
        assert any("below its floor 0.8" in f for f in failures)
        assert any("above its ceiling 0.1" in f for f in failures)
        assert any("odd: not computed" in f for f in failures)
        assert len(notes) == 2

    def test_passing(self):
        """At the floor is enough."""
        outcomes = {"msrp": evaluate.Outcome("msrp", {"auroc": 0.8})}
        assert evaluate.check_floors(outcomes, {"msrp": {"auroc": {"min": 0.8}}}) == ([], [])

    def test_to_json(self):
        """NaN becomes null; skipped datasets are left out."""
        outcomes = {
            "msrp": evaluate.Outcome("msrp", {"auroc": 0.8, "odd": math.nan}),
            "xsum": evaluate.Outcome("xsum", skipped="absent"),
        }
        assert evaluate.to_json(outcomes) == {"msrp": {"auroc": 0.8, "odd": None}}

    def test_repository_floors_are_well_formed(self):
        """bench/floors.json names only metrics the harness computes."""
        floors = evaluate.read_floors(evaluate.DEFAULT_FLOORS)
        assert set(floors) <= set(evaluate.EVALUATORS)
        for metrics in floors.values():
            for limits in metrics.values():
                assert set(limits) <= {"min", "max"}


# --- a small copy of the data layout, with other split names, written here -----------------

_PAIRS = [
    (1, "The mill in Brill closed on Monday.", "On Monday the Brill mill closed."),
    (0, "The mill in Brill closed on Monday.", "A ferry to Skarv sails twice a day."),
    (1, "Ferries to Skarv sail twice a day.", "A ferry sails to Skarv twice a day."),
    (0, "Ferries to Skarv sail twice a day.", "The harbour board met in March."),
]

_ARTICLE = [
    "The mill in Brill closed on Monday after 80 years.",
    "Its 120 workers were told to go home, the owner said.",
    "The town council said it would help them find new jobs.",
]


def _write_copy(root: Path) -> Path:
    """A data folder holding held-out-style split files, in the datasets' formats."""
    data = root / "copy" / "data"
    msrp = data / "msrp"
    msrp.mkdir(parents=True)
    lines = ["Quality\t#1 ID\t#2 ID\t#1 String\t#2 String"]
    lines += [f"{q}\t{i}\t{i + 100}\t{a}\t{b}" for i, (q, a, b) in enumerate(_PAIRS, 1)]
    (msrp / "msr_paraphrase_test.txt").write_text(
        "\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8"
    )
    insciout = data / "scientific-exaggeration-insciout" / "data"
    insciout.mkdir(parents=True)
    rows = [
        (
            "The drug may lower fever in children.",
            "The drug lowers fever in children.",
            "exaggerates",
        ),
        ("The drug lowers fever in children.", "The drug lowers fever in children.", "same"),
        ("Walking is linked to sleep.", "Walking might be linked to sleep.", "downplays"),
    ]
    (insciout / "insciout_test.jsonl").write_text(
        "".join(
            json.dumps(
                {
                    "original_file_id": f"t-{i}",
                    "abstract_conclusion": a,
                    "press_release_conclusion": p,
                    "exaggeration_label": label,
                }
            )
            + "\n"
            for i, (a, p, label) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    frank = data / "frank" / "data"
    (frank / "articles-wbertscore-json").mkdir(parents=True)
    summaries = {
        "bart": ["the mill in brill closed on monday ."],
        "pgn": ["the mill in brill was bought by a bank in paris ."],
    }
    for doc_id in ("a1b2c3", "777"):
        record = {"article_lines": _ARTICLE, "article": " ".join(_ARTICLE)}
        for model, text in summaries.items():
            record[model] = " ".join(text)
            record[f"{model}_lines"] = text
        (frank / "articles-wbertscore-json" / f"{doc_id}.json").write_text(
            json.dumps(record), encoding="utf-8"
        )
    annotations = [
        {"hash": doc_id, "model_name": model, "OutE": oute, "Factuality": oute, "split": "test"}
        for doc_id in ("a1b2c3", "777")
        for model, oute in (("bart", 1.0), ("pgn", 0.0))
    ]
    (frank / "human_annotations.json").write_text(json.dumps(annotations), encoding="utf-8")
    xsum = data / "xsum-hallucination-annotations"
    xsum.mkdir()
    summary = "the mill in brill was bought by a bank in paris."
    start = summary.index("a bank in paris")
    marks = [  # three annotators: 1-based, 0-based, and one who marked a shorter span
        ("wid_0", "a bank in paris", start + 1),
        ("wid_1", "a bank in paris", start),
        ("wid_2", "paris", summary.index("paris") + 1),
    ]
    with (xsum / "hallucination_annotations_xsum_summaries.csv").open(
        "w", encoding="utf-8", newline=""
    ) as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "bbcid",
                "system",
                "summary",
                "hallucination_type",
                "hallucinated_span",
                "hallucinated_span_start",
                "hallucinated_span_end",
                "worker_id",
            ]
        )
        for worker, span, offset in marks:
            writer.writerow(
                ["777", "PtGen", summary, "extrinsic", span, offset, offset + len(span), worker]
            )
        for worker in ("wid_0", "wid_1", "wid_2"):
            writer.writerow(
                ["777", "Gold", "the mill in brill closed.", "NULL", "", "", "", worker]
            )
    return data


class TestOnAHeldOutStyleCopy:
    """The same command on a copy with other split file names, written here."""

    def test_xsum_reader_needs_two_annotators(self, tmp_path):
        """Characters marked by two of three annotators are extrinsic; by one, not."""
        data = _write_copy(tmp_path)
        summaries = {s.system: s for s in _data.read_xsum(data)}
        assert set(summaries) == {"PtGen", "Gold"}
        model = summaries["PtGen"]
        marked = "".join(model.summary[o] for o in sorted(model.extrinsic))
        assert marked == "a bank in paris"
        assert model.annotators == 3
        assert summaries["Gold"].extrinsic == frozenset()

    def test_main_discovers_and_skips(self, tmp_path, capsys):
        """Present datasets are evaluated, absent ones are skipped and said so."""
        data = _write_copy(tmp_path)
        out = tmp_path / "out.json"
        code = evaluate.main(["--data", str(data), "--json", str(out), "--workers", "1"])
        assert code == 0
        results = json.loads(out.read_text(encoding="utf-8"))
        assert set(results) == {"msrp", "insciout", "frank", "xsum"}
        assert 0 <= results["msrp"]["auroc"] <= 1
        assert set(results["insciout"]) >= {"macro_f1", "majority_macro_f1"}
        assert set(results["frank"]) >= {
            "auroc_outE_cnndm",
            "auroc_outE_xsum",
            "lexical_auroc_outE_cnndm",
            "lexical_auroc_outE_xsum",
        }
        assert results["xsum"]["flag_all_f1_models"] is not None
        printed = capsys.readouterr().out
        for absent in ("seeds", "polnear", "sheepdog", "llmfake", "claim_strength"):
            assert f"{absent}: skipped" in printed

    def test_floors_fail_the_run(self, tmp_path, capsys):
        """A metric below its floor exits 1; a floor of an absent dataset is not checked."""
        data = _write_copy(tmp_path)
        floors = tmp_path / "floors.json"
        floors.write_text(
            json.dumps({"msrp": {"auroc": 1.01}, "llmfake": {"added_auroc": 0.5}}),
            encoding="utf-8",
        )
        argv = ["--data", str(data), "--floors", str(floors), "--workers", "1", "--only", "msrp"]
        assert evaluate.main([*argv, "--only", "llmfake"]) == 1
        printed = capsys.readouterr().out
        assert "msrp.auroc" in printed
        assert "llmfake: not evaluated" in printed

    def test_missing_data_folder(self, tmp_path):
        """No data folder at all is a usage error."""
        assert evaluate.main(["--data", str(tmp_path / "nowhere")]) == 2


@pytest.mark.skipif(not (SHARED_DIR / "data").is_dir(), reason="../shared/data not found")
class TestOnTheSharedData:
    """Quick checks on the real datasets (the full run is bench/evaluate.py)."""

    def test_seeds(self):
        """The reference case gives every seeds metric, each in range."""
        outcome = evaluate.evaluate_seeds(SHARED_DIR / "data")
        if outcome.skipped:
            pytest.skip(outcome.skipped)
        assert 0 <= outcome.metrics["sentence_class_accuracy"] <= 1
        assert 0 <= outcome.metrics["omitted_names_recall"] <= 1
        assert 0 <= outcome.metrics["speakers_reported"] <= 5

    def test_xsum_spans_are_located(self):
        """Nearly every summary with extrinsic marks has them inside its text."""
        summaries = _data.read_xsum(SHARED_DIR / "data")
        if not summaries:
            pytest.skip("xsum or frank absent")
        for item in summaries:
            assert all(0 <= o < len(item.summary) for o in item.extrinsic)
        assert sum(bool(s.extrinsic) for s in summaries) > len(summaries) / 3
