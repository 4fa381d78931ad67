"""Alignment: sources, labels, word links, edit scripts and the reverse view."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import attrs
import pytest
import textdistance
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

import sourcecompare as sc
from sourcecompare._align import lcs_pairs
from sourcecompare.similarity import TermBag, get_measure, weighted_bag
from strategies import article_text

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"

WIRE = textwrap.dedent(
    """\
    Ferry service resumes after storm

    HALVIK, Oct. 3 (Reuters) - The ferry between Halvik and the island of Skarv resumed on
    Monday after a five-day suspension, the operator said.

    Nordline, the operator, said the storm had damaged the pier at Skarv and that repairs
    cost about 1.2 million crowns.

    "We are running a reduced timetable until Friday," Nordline spokeswoman Ingrid Saele said.

    The United Nations weather agency said more storms could hit the coast this winter.

    Fishermen in Halvik said their boats had stayed in port all week.
    """
)


def doc(text: str, doc_id: str = "doc") -> sc.Document:
    """Parse *text*."""
    return sc.Document.from_text(text, doc_id=doc_id)


def entry_for(result: sc.Alignment, opening: str) -> sc.SegmentAlignment:
    """The alignment entry of the derivative segment that starts with *opening*."""
    for entry in result.segments:
        if result.derivative_segment(entry).text.startswith(opening):
            return entry
    msg = f"no derivative segment starts with {opening!r}"
    raise AssertionError(msg)


def wire_text(result: sc.Alignment, source: sc.SourceMatch) -> str:
    """The text of the wire segment a source points at."""
    return result.wire_segment(source).text


def lcs_length(a: list[str], b: list[str]) -> int:
    """Textbook dynamic-programming LCS length, the reference for lcs_pairs."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            )
    return table[-1][-1]


class TestLcs:
    """The Hunt-Szymanski longest common subsequence."""

    @settings(max_examples=300)
    @given(
        st.lists(st.sampled_from("abcde"), max_size=14),
        st.lists(st.sampled_from("abcde"), max_size=14),
    )
    def test_matches_dynamic_programming(self, a, b):
        """Its length equals the textbook dynamic programme's, and its pairs really match."""
        pairs = lcs_pairs(a, b)
        assert len(pairs) == lcs_length(a, b)
        assert all(a[i] == b[j] for i, j in pairs)
        assert all(i0 < i1 and j0 < j1 for (i0, j0), (i1, j1) in itertools.pairwise(pairs))

    def test_empty(self):
        """Empty inputs have an empty common subsequence."""
        assert lcs_pairs([], ["a"]) == []
        assert lcs_pairs(["a"], []) == []


class TestContainment:
    """The containment fast path gives exactly what textdistance's Tversky(1, 0) gives."""

    class PlainTversky:
        """Containment through textdistance on every call: no fast path."""

        name = "plain-tversky"

        def support(self, part: TermBag, sources: list[TermBag]) -> float:
            """Tversky(1, 0) of the part against the union of the sources."""
            if not sources:
                return 0.0
            return textdistance.Tversky(ks=(1, 0), as_set=False)(
                part.weights, sc.similarity.union_of(sources)
            )

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(article_text(), article_text())
    def test_fast_path_equals_textdistance(self, first, second):
        """Sources, supports and labels are the same with and without the fast path."""
        try:
            wire, derivative = doc(first), doc(second)
        except sc.EmptyDocumentError:
            return
        fast = sc.align(wire, derivative)
        plain = sc.align(wire, derivative, sc.AlignOptions(similarity=self.PlainTversky()))
        for a, b in zip(fast.segments, plain.segments, strict=True):
            assert a.label == b.label
            assert a.support == pytest.approx(b.support)
            assert [s.segment for s in a.sources] == [s.segment for s in b.sources]

    def test_harbour_fast_path(self):
        """On our example pair, too."""
        wire = sc.Document.from_path(ARTICLES / "harbour_wire.txt")
        derivative = sc.Document.from_path(ARTICLES / "harbour_rewrite.txt")
        fast = sc.align(wire, derivative)
        plain = sc.align(wire, derivative, sc.AlignOptions(similarity=self.PlainTversky()))
        assert [(e.label, [s.segment for s in e.sources]) for e in fast.segments] == [
            (e.label, [s.segment for s in e.sources]) for e in plain.segments
        ]

    def test_measures_are_bounded(self):
        """Every built-in measure returns a score in [0, 1]."""
        segment = doc("Rain fell.").sentences[0]
        part = TermBag(segment, 0, weighted_bag({"rain": 2.0, "fell": 1.0}))
        other = TermBag(segment, 0, weighted_bag({"rain": 0.5, "snow": 3.0}))
        for name in sc.similarity.MEASURES:
            value = get_measure(name).support(part, [other])
            assert 0.0 <= value <= 1.0
            assert get_measure(name).support(part, []) == 0.0


class TestSelfAlignment:
    """A document aligned with itself."""

    def test_every_segment_verbatim(self):
        """Every segment is verbatim from its own copy, and every wire sentence kept whole."""
        wire = doc(WIRE)
        result = sc.align(wire, wire)
        for entry in result.segments:
            assert entry.label is sc.AlignmentLabel.VERBATIM
            assert entry.support == pytest.approx(1.0)
            assert [s.segment for s in entry.sources] == [entry.segment]
            assert entry.new == ()
        for fate in result.wire_sentences:
            assert fate.fate is sc.WireFate.KEPT
            assert fate.coverage == pytest.approx(1.0)
            assert fate.dropped == ()

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(article_text())
    def test_property_self_alignment(self, text):
        """For article-like text, every segment aligns verbatim with full support."""
        try:
            document = doc(text)
        except sc.EmptyDocumentError:
            return
        result = sc.align(document, document)
        for entry in result.segments:
            segment = result.derivative_segment(entry)
            if not segment.tokens:
                continue
            assert entry.label is sc.AlignmentLabel.VERBATIM, segment.text
            assert entry.support == pytest.approx(1.0)
            assert result.derivative_segment(entry).text == wire_text(result, entry.sources[0])

    def test_duplicate_sentences_pair_up_by_position(self):
        """Two identical sentences align with their own copies, not both with the first."""
        document = doc("It is. Rain fell. It is.")
        result = sc.align(document, document)
        assert [e.sources[0].segment for e in result.segments] == [0, 1, 2]


class TestInvariants:
    """Structural guarantees on any pair of texts."""

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(article_text(), article_text())
    def test_ranges_and_scores(self, first, second):
        """Scores lie in [0, 1]; every token range lies inside its segment; edit scripts tile."""
        try:
            wire, derivative = doc(first), doc(second)
        except sc.EmptyDocumentError:
            return
        result = sc.align(wire, derivative)
        assert len(result.segments) == len(derivative.segments)
        for entry in result.segments:
            segment = result.derivative_segment(entry)
            n = len(segment.tokens)
            assert 0.0 <= entry.support <= 1.0
            for first_token, last_token in entry.new:
                assert 0 <= first_token < last_token <= n
            for link in entry.links:
                assert 0 <= link.derivative[0] < link.derivative[1] <= n
                w = result.wire_segment(link)
                assert 0 <= link.wire_tokens[0] < link.wire_tokens[1] <= len(w.tokens)
            for source in entry.sources:
                for value in (source.score, source.similarity, source.order, source.wire_coverage):
                    assert 0.0 <= value <= 1.0
                m = len(result.wire_segment(source).tokens)
                d_at, w_at = 0, 0
                for op in source.edits:
                    assert op.derivative[0] == d_at
                    assert op.wire[0] == w_at
                    d_at, w_at = op.derivative[1], op.wire[1]
                assert (d_at, w_at) == (n, m) or not source.edits
        for fate in result.wire_sentences:
            assert 0.0 <= fate.coverage <= 1.0

    def test_independent_of_hash_seed(self):
        """Results do not depend on set or dict iteration order (PYTHONHASHSEED)."""
        script = textwrap.dedent(
            """
            import json, sys
            import sourcecompare as sc
            wire = sc.Document.from_path(sys.argv[1])
            derivative = sc.Document.from_path(sys.argv[2])
            result = sc.align(wire, derivative)
            print(json.dumps([
                [e.label.value, round(e.support, 12),
                 [[s.segment, round(s.score, 12), [list(o.derivative) for o in s.edits]]
                  for s in e.sources],
                 [list(link.derivative) + list(link.wire_tokens) for link in e.links]]
                for e in result.segments
            ]))
            """
        )
        outputs = set()
        for seed in ("1", "2", "3"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            completed = subprocess.run(  # noqa: S603 - our own interpreter and script
                [
                    sys.executable,
                    "-c",
                    script,
                    str(ARTICLES / "harbour_wire.txt"),
                    str(ARTICLES / "harbour_rewrite.txt"),
                ],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            outputs.add(completed.stdout)
        assert len(outputs) == 1
        assert json.loads(outputs.pop())


class TestEquivalents:
    """Words written differently that alignment treats as the same."""

    @pytest.mark.parametrize(
        ("wire", "derivative"),
        [
            (
                "The United Nations agency said storms could hit.",
                "The UN agency said storms could hit.",
            ),
            (
                "The United Nations agency said storms could hit.",
                "The U.N. agency said storms could hit.",
            ),
            ("Chinese exporters raised prices.", "China's exporters raised prices."),
            ("Five ferries were cancelled.", "5 ferries were cancelled."),
            ("Prices rose 4 percent.", "Prices rose 4%."),
            ("The minister said the port would close.", "The minister says the port would close."),
            ("Organizations protested.", "Organization protested."),
        ],
    )
    def test_fully_supported(self, wire, derivative):
        """Each variant is fully supported by the other spelling."""
        result = sc.align(doc(wire), doc(derivative))
        assert result.segments[0].support == pytest.approx(1.0)
        assert result.segments[0].new == ()

    def test_link_kinds(self):
        """Links say whether the words are the same, another form, or an equivalent."""
        result = sc.align(
            doc("The United Nations organizations met in Geneva."),
            doc("The UN organization met in Geneva."),
        )
        entry = result.segments[0]
        segment = result.derivative_segment(entry)
        how = {
            " ".join(t.text for t in segment.tokens[a:b]): link.how
            for link in entry.links
            for a, b in [link.derivative]
        }
        assert how == {
            "UN": "equivalent",
            "organization": "form",
            "met": "exact",
            "Geneva": "exact",
        }

    def test_acronym_defined_in_text(self):
        """An acronym the wire defines ("Port Alder Water Authority (PAWA)") matches its expansion."""
        result = sc.align(
            doc("The Port Alder Water Authority (PAWA) opened a plant. PAWA staff cheered."),
            doc("Port Alder Water Authority staff cheered."),
        )
        entry = result.segments[0]
        assert entry.support == pytest.approx(1.0)
        assert result.wire_segment(entry.sources[0]).text == "PAWA staff cheered."

    def test_custom_table(self):
        """Users can add their own equivalences."""
        table = sc.Equivalents.default().extend(units={"nhs": ["NHS", "National Health Service"]})
        options = sc.AlignOptions(equivalents=table)
        result = sc.align(
            doc("The National Health Service hired nurses."), doc("The NHS hired nurses."), options
        )
        assert result.segments[0].support == pytest.approx(1.0)


class TestLabels:
    """Labels on text we wrote for each case."""

    @pytest.fixture(name="result")
    def fixture_result(self):
        """The wire aligned with a rewrite holding one sentence of each kind."""
        derivative = doc(
            textwrap.dedent(
                """\
                The ferry between Halvik and the island of Skarv resumed on Monday after a five-day suspension, the operator said.

                Nordline said the storm damaged the Skarv pier.

                A reduced timetable runs until Friday, said Ingrid Saele, a Nordline spokeswoman.

                The storm damaged the Skarv pier, and more storms could hit the coast this winter, the UN agency said.

                Storm Bodil was the strongest to reach Halvik in thirty years, meteorologists said, praising the calm of residents.

                Local bakeries have doubled their bread orders as tourists return.

                Travel Chaos on the Coast
                """
            ),
            doc_id="rewrite",
        )
        return sc.align(doc(WIRE, "wire"), derivative)

    def test_verbatim(self, result):
        """The same words in the same order are verbatim."""
        assert entry_for(result, "The ferry between").label is sc.AlignmentLabel.VERBATIM

    def test_edited(self, result):
        """A trimmed wire sentence is edited, with the dropped wire words reported."""
        entry = entry_for(result, "Nordline said the storm")
        assert entry.label is sc.AlignmentLabel.EDITED
        source = entry.sources[0]
        wire = result.wire_segment(source)
        dropped = {" ".join(t.text for t in wire.tokens[a:b]) for a, b in source.dropped}
        assert {"repairs", "cost", "1.2", "million", "crowns"} <= dropped
        assert any(op.op == "delete" for op in source.edits)

    def test_paraphrase(self, result):
        """The wire's words in another order are a paraphrase."""
        entry = entry_for(result, "A reduced timetable")
        assert entry.label is sc.AlignmentLabel.PARAPHRASE
        assert wire_text(result, entry.sources[0]).startswith('"We are running')

    def test_fused(self, result):
        """A sentence built from two wire sentences is fused, crediting both."""
        entry = entry_for(result, "The storm damaged")
        assert entry.label is sc.AlignmentLabel.FUSED
        texts = sorted(wire_text(result, s)[:10] for s in entry.sources)
        assert texts == ["Nordline, ", "The United"]

    def test_unsupported(self, result):
        """Content the wire never had is unsupported, every content word new."""
        entry = entry_for(result, "Local bakeries")
        assert entry.label is sc.AlignmentLabel.UNSUPPORTED
        assert entry.links == ()

    def test_heading_unsupported(self, result):
        """A heading the wire lacks is unsupported even if its words occur in sentences."""
        assert entry_for(result, "Travel Chaos").label is sc.AlignmentLabel.UNSUPPORTED

    def test_wire_fates(self, result):
        """Wire sentences the rewrite dropped are omitted; the ones it kept are kept."""
        fates = {result.wire_segment(f).text[:12]: f.fate for f in result.wire_sentences}
        assert fates["Fishermen in"] is sc.WireFate.OMITTED
        assert fates["The ferry be"] is sc.WireFate.KEPT


class TestOptions:
    """AlignOptions validation and pluggable measures."""

    @pytest.mark.parametrize(
        ("field", "value"),
        [("supported", 1.5), ("partial", -0.1), ("min_gain", float("nan")), ("max_sources", 0)],
    )
    def test_out_of_range(self, field, value):
        """An out-of-range value raises InvalidOptionError naming the field."""
        with pytest.raises(sc.InvalidOptionError, match=field):
            sc.AlignOptions(**{field: value})

    def test_partial_above_supported(self):
        """The embellished threshold cannot exceed the supported one."""
        with pytest.raises(sc.InvalidOptionError, match="partial"):
            sc.AlignOptions(supported=0.4, partial=0.6)

    def test_unknown_measure(self):
        """An unknown measure name raises UnknownMeasureError, a LookupError, listing the choices."""
        with pytest.raises(sc.UnknownMeasureError, match="containment") as info:
            sc.AlignOptions(measure="levenshtein")
        assert isinstance(info.value, LookupError)

    def test_evolve_revalidates(self):
        """attrs.evolve re-runs the validators."""
        with pytest.raises(sc.InvalidOptionError):
            attrs.evolve(sc.AlignOptions(), kept=2.0)

    @pytest.mark.parametrize("measure", sorted(sc.similarity.MEASURES))
    def test_every_measure_aligns(self, measure):
        """Every built-in measure aligns a document with itself verbatim."""
        wire = doc(WIRE)
        result = sc.align(wire, wire, sc.AlignOptions(measure=measure))
        assert all(e.label is sc.AlignmentLabel.VERBATIM for e in result.segments)

    def test_custom_similarity(self):
        """A user's Similarity is used in place of the built-in measure."""

        class KeyCount:
            name = "key-count"

            def support(self, part: TermBag, sources: list[TermBag]) -> float:
                keys = set().union(*(s.weights for s in sources)) if sources else set()
                return len(set(part.weights) & keys) / len(part.weights) if part.weights else 0.0

        assert isinstance(KeyCount(), sc.similarity.Similarity)
        result = sc.align(
            doc("Rain fell on Halvik. Snow fell on Skarv."),
            doc("Rain fell on Skarv."),
            sc.AlignOptions(similarity=KeyCount()),
        )
        assert result.options.measure_impl().name == "key-count"
        assert result.segments[0].support == pytest.approx(1.0)

    def test_background_blends(self):
        """Background frequencies change the weights but keep scores in range."""
        background = sc.TermStats.from_texts(["Rain fell.", "Rain fell on Halvik.", "Snow."])
        options = sc.AlignOptions(background=background, background_weight=0.5)
        result = sc.align(doc("Rain fell on Halvik."), doc("Rain fell on Skarv."), options)
        assert 0.0 < result.segments[0].support < 1.0

    def test_rejects_non_documents(self):
        """align() refuses strings and empty wire lists with a clear error."""
        with pytest.raises(sc.InvalidOptionError, match="Document"):
            sc.align("text", doc("Rain fell."))  # type: ignore[arg-type]
        with pytest.raises(sc.InvalidOptionError, match="at least one"):
            sc.align([], doc("Rain fell."))


class TestManyWires:
    """A derivative drawing on two wire reports."""

    def test_credits_each_wire(self):
        """Sources name the wire each comes from."""
        first = doc("Rain flooded the Halvik ferry terminal on Monday.", "first")
        second = doc("Skarv island schools closed because of snow.", "second")
        derivative = doc(
            "Rain flooded the Halvik ferry terminal on Monday. Skarv island schools closed "
            "because of snow."
        )
        result = sc.align([first, second], derivative)
        assert [s.wire for e in result.segments for s in e.sources] == [0, 1]
        assert {(f.wire, f.fate) for f in result.wire_sentences} == {
            (0, sc.WireFate.KEPT),
            (1, sc.WireFate.KEPT),
        }

    def test_identical_sentences_go_to_the_wire_where_they_sit_alike(self):
        """Ties between wires go by each sentence's place in its own wire.

        Both wires carry the same sentence, the first at its end and the second at
        its start; the derivative has it at its end, so it draws on the first wire.
        Measured over the two wires one after the other, the second wire's copy
        (at the middle) would look nearer than the first's (a little before it).
        """
        shared = "Harbour pilots in Vessen voted to strike for two days."
        fillers = [
            "Ferries to Orlund ran on time.",
            "Bakers in Tarrin opened early.",
            "The old mill reopened as a museum.",
            "Snow closed the northern pass.",
            "A choir sang at the town hall.",
        ]
        first = doc(" ".join([*fillers[:4], shared]), "first")
        second = doc(" ".join([shared, *fillers[1:]]), "second")
        derivative = doc(" ".join(["A market opened in Dunmere.", fillers[4], shared]))
        result = sc.align([first, second], derivative)
        entry = result.segments[-1]
        assert result.derivative_segment(entry).text == shared
        assert [(s.wire, s.segment) for s in entry.sources] == [(0, 4)]


class TestExampleArticles:
    """Our own example pair (ground truth in examples/articles/README.md)."""

    @pytest.fixture(name="harbour")
    def fixture_harbour(self):
        """The harbour wire aligned with its rewrite."""
        return sc.align(
            sc.Document.from_path(ARTICLES / "harbour_wire.txt"),
            sc.Document.from_path(ARTICLES / "harbour_rewrite.txt"),
        )

    @pytest.mark.parametrize(
        "opening",
        [
            '"We planned for this.',
            "She said the plant could be expanded",
            "The authority plans to connect",
            "He called for the authority",
            "Fishing groups have raised",
            '"People will pay a little more',
        ],
    )
    def test_verbatim_sentences(self, harbour, opening):
        """The README's verbatim sentences are verbatim."""
        assert entry_for(harbour, opening).label is sc.AlignmentLabel.VERBATIM

    @pytest.mark.parametrize(
        "opening",
        [
            "According to the announcement",
            "The visionary project is likely",
            "A Lifeline for a Thirsty City",
            "What Comes Next",
        ],
    )
    def test_invented(self, harbour, opening):
        """The README's invented sentences and headings are unsupported."""
        assert entry_for(harbour, opening).label is sc.AlignmentLabel.UNSUPPORTED

    def test_dropped_speakers_sentences_omitted(self, harbour):
        """The sentences of the dropped speaker Oduya are omitted."""
        fates = {harbour.wire_segment(f).text[:13]: f.fate for f in harbour.wire_sentences}
        assert fates["Samuel Oduya,"] is sc.WireFate.OMITTED
        assert fates["He said the c"] is sc.WireFate.OMITTED

    def test_rich_view(self, harbour):
        """The alignment renders with rich, article text shown literally."""
        console = Console(width=100, record=True, color_system=None)
        console.print(harbour)
        output = console.export_text()
        assert "verbatim" in output
        assert "omitted" in output
        assert Counter(output.split())["unsupported"] >= 3
