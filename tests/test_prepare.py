"""prepare() and PreparedWire: the wire-side work done once, with the same results."""

from __future__ import annotations

import importlib.util
import pickle
import random
import sys
import threading
from collections import Counter

import pytest
import textdistance
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import sourcecompare as sc
from conftest import ARTICLES_DIR, REPO_ROOT
from sourcecompare import CompareOptions, Comparison, Document, InvalidOptionError, compare
from sourcecompare._comparison import PreparedWire, prepare
from sourcecompare.batch import compare_many
from sourcecompare.detectors import DetectionContext
from sourcecompare.similarity import weighted_containment
from strategies import article_text, sentence

WIRE = (
    "LINDEN, March 3 (Reuters) - The Linden Harbour Council (LHC) approved a new bus depot "
    "on Tuesday, its chair Marta Oyelaran said. The depot will cost 12 million crowns, she "
    "added. Work may start in May, according to the council's works department. "
    'Residents\' group Linden Voices said the site was "far too close to a school".'
)
# Defines an acronym the wire does not: the comparison's equivalents learn it.
DEFINES = (
    "The Linden Harbour Council approved a depot for the Northern Bus Company (NBC), "
    "chair Marta Oyelaran said. NBC will run it. The LHC said work starts in May."
)
PLAIN = "Experts say the LHC depot will transform Linden. Work may start in May."


def read(name: str) -> str:
    """The text of an example article."""
    return (ARTICLES_DIR / name).read_text(encoding="utf-8")


def same(first: Comparison, second: Comparison) -> None:
    """Two comparisons are the same: equal, and the same JSON byte for byte."""
    assert first.findings == second.findings
    assert first.alignment == second.alignment
    assert first.speakers == second.speakers
    assert first.summary == second.summary
    assert first == second
    assert first.to_json() == second.to_json()


def _corpus():
    """bench/corpus.py: the synthetic wire stories and rewrites the benchmarks use."""
    spec = importlib.util.spec_from_file_location("corpus", REPO_ROOT / "bench" / "corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus", module)
    spec.loader.exec_module(module)
    return module


class TestSameResults:
    """compare(prepare(wire), d) is compare(wire, d), whatever came before."""

    @pytest.mark.parametrize(
        ("wires", "derivatives"),
        [
            (
                ["harbour_wire.txt"],
                [
                    "harbour_rewrite.txt",
                    "harbour_aggregator.txt",
                    "harbour_blog.txt",
                    "harbour_faithful.txt",
                    "roundup.txt",
                    "harbour_wire.txt",
                    "rail_rewrite.txt",
                ],
            ),
            (["rail_wire.txt"], ["rail_rewrite.txt", "roundup.txt", "harbour_rewrite.txt"]),
            (
                ["harbour_wire.txt", "rail_wire.txt"],
                ["roundup.txt", "harbour_rewrite.txt", "rail_rewrite.txt"],
            ),
        ],
    )
    def test_example_articles(self, wires, derivatives):
        """Every example article, compared in turn with one prepared wire (or two)."""
        given = [read(name) for name in wires]
        wire = given[0] if len(given) == 1 else given
        prepared = prepare(wire)
        for name in derivatives:
            same(compare(prepared, read(name)), compare(wire, read(name)))

    def test_corpus_items(self):
        """Rewrites of a synthetic wire story, and a two-story roundup."""
        corpus = _corpus()
        story = corpus.story(0, seed=20_001, sentences=49)
        prepared = prepare(story.text)
        for number in range(12):
            rng = random.Random(f"test-prepare:{number}")  # noqa: S311 - test data
            text = corpus.rewrite(story, rng, sentences=40, framing=4).text
            same(compare(prepared, text), compare(story.text, text))
        stories = [corpus.story(1, seed=3), corpus.story(2, seed=3)]
        texts = [s.text for s in stories]
        both = prepare(texts)
        rng = random.Random("test-prepare:roundup")  # noqa: S311 - test data
        text = corpus.rewrite(stories, rng).text
        same(compare(both, text), compare(texts, text))

    def test_definitions_of_the_derivative(self):
        """An acronym a derivative defines counts for it alone, not for the next one."""
        prepared = prepare(WIRE)
        for text in (PLAIN, DEFINES, PLAIN, DEFINES, WIRE):
            same(compare(prepared, text), compare(WIRE, text))

    def test_derivative_is_the_wire_document(self):
        """The very same document as wire and derivative."""
        doc = Document.from_text(WIRE, doc_id="wire")
        prepared = prepare(doc)
        same(compare(prepared, doc), compare(doc, doc))
        assert not compare(prepared, doc).findings

    def test_options(self):
        """A wire prepared with options gives what compare() gives with them."""
        options = CompareOptions(
            alignment=sc.AlignOptions(measure="cosine", max_sources=2),
            reporting=sc.ReportingLexicon.default().extend(verbs={"opine": "doubting"}),
        )
        prepared = prepare(WIRE, options=options)
        assert prepared.options is options
        for text in (PLAIN, DEFINES):
            same(compare(prepared, text), compare(WIRE, text, options=options))
            same(compare(prepared, text, options=options), compare(WIRE, text, options=options))

    def test_threads(self):
        """Threads may share a prepared wire."""
        prepared = prepare(read("harbour_wire.txt"))
        texts = [read(n) for n in ("harbour_rewrite.txt", "harbour_blog.txt", "roundup.txt")]
        expected = [compare(read("harbour_wire.txt"), t).to_json() for t in texts]
        found: list[list[str]] = []

        def work() -> None:
            found.append([compare(prepared, t).to_json() for t in texts])

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert found == [expected] * 4


@st.composite
def _derivative(draw: st.DrawFn, wire: str) -> str:
    """Sentences of *wire* (some changed) with new ones, maybe defining an acronym."""
    doc = Document.from_text(wire)
    kept = [s.text for s in doc.sentences]
    chosen = draw(st.lists(st.sampled_from(kept), max_size=6)) if kept else []
    added = draw(st.lists(sentence(), max_size=3))
    if draw(st.booleans()):
        added.append("The Lindby Harbour Board (LHB) met the Skarv Ferry Group (SFG).")
    parts = chosen + added
    assume(parts)
    return " ".join(draw(st.permutations(parts)))


class TestProperties:
    """For any article-like wire and derivatives, preparing changes nothing."""

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(wire=article_text(), data=st.data())
    def test_prepared_equals_plain(self, wire, data):
        """Two derivatives in turn with the same prepared wire."""
        try:
            prepared = prepare(wire)
        except sc.EmptyDocumentError:
            assume(False)
        for _ in range(2):
            text = data.draw(_derivative(wire))
            try:
                plain = compare(wire, text)
            except sc.EmptyDocumentError:
                continue
            same(compare(prepared, text), plain)

    @settings(max_examples=300, deadline=None)
    @given(
        part=st.dictionaries(
            st.sampled_from("abcdefgh"), st.floats(0.01, 50, allow_nan=False), min_size=1
        ),
        union=st.dictionaries(
            st.sampled_from("abcdefghij"), st.floats(0.01, 50, allow_nan=False), min_size=1
        ),
        equal=st.booleans(),
    )
    def test_weighted_containment_is_textdistance(self, part, union, equal):
        """weighted_containment is textdistance's Tversky(ks=(1, 0)), to the last bit."""
        if equal:
            union = dict(part)
        algorithm = textdistance.Tversky(ks=(1, 0), as_set=False)
        expected = float(algorithm(Counter(part), Counter(union)))
        assert weighted_containment(part, union) == expected


class TestPreparedWire:
    """The object: its fields, validation, pickling, and its use in batches."""

    def test_fields(self):
        """It holds the parsed wires and the options."""
        prepared = prepare([WIRE, read("rail_wire.txt")])
        assert isinstance(prepared, PreparedWire)
        assert len(prepared.wires) == 2
        assert prepared.wire is prepared.wires[0]
        assert prepared.wire.credits
        assert prepared.options == CompareOptions()
        assert prepare(ARTICLES_DIR / "rail_wire.txt").wire.source is not None

    def test_other_options_are_refused(self):
        """A comparison cannot change the options the wire was prepared with."""
        prepared = prepare(WIRE)
        with pytest.raises(InvalidOptionError, match="prepared with other options"):
            compare(prepared, PLAIN, options=CompareOptions(detectors=[]))

    @pytest.mark.parametrize("wire", [[], (), "  \n"])
    def test_no_wire(self, wire):
        """An empty sequence or an empty text is refused."""
        with pytest.raises((InvalidOptionError, sc.EmptyDocumentError)):
            prepare(wire)

    def test_bad_arguments(self):
        """Wrong types are refused with the argument named."""
        with pytest.raises(InvalidOptionError, match="options"):
            prepare(WIRE, options="fast")  # type: ignore[arg-type]
        with pytest.raises(InvalidOptionError, match="Document"):
            PreparedWire([WIRE], CompareOptions())  # type: ignore[list-item]
        with pytest.raises(InvalidOptionError, match="compare"):
            prepare(42)  # type: ignore[arg-type]

    def test_pickle(self):
        """It pickles as its documents and options, and gives the same results after."""
        options = CompareOptions(
            reporting=sc.ReportingLexicon.default().extend(verbs={"opine": "doubting"})
        )
        prepared = prepare(WIRE, options=options)
        copy = pickle.loads(pickle.dumps(prepared))  # noqa: S301 - our own data
        assert copy == prepared
        same(compare(copy, DEFINES), compare(prepared, DEFINES))

    def test_reporting_lexicon_pickles(self):
        """The bundled lexicon unpickles as itself; an extended one as an equal one."""
        bundled = sc.ReportingLexicon.default()
        assert pickle.loads(pickle.dumps(bundled)) is bundled  # noqa: S301
        extended = bundled.extend(verbs={"opine": "doubting"}, nouns={"verdict": "neutral"})
        copy = pickle.loads(pickle.dumps(extended))  # noqa: S301
        assert copy == extended
        assert copy.verbs["opine"]["stance"] == "doubting"
        assert pickle.loads(pickle.dumps(CompareOptions())) == CompareOptions()  # noqa: S301

    @pytest.mark.parametrize("workers", [1, 2])
    def test_compare_many(self, workers):
        """compare_many takes a prepared wire; its options are the run's."""
        prepared = prepare(WIRE)
        items = [("a", PLAIN), ("b", DEFINES)]
        records = list(compare_many(prepared, items, workers=workers, detail="full"))
        assert [r.id for r in records] == ["a", "b"]
        for record, (item_id, text) in zip(records, items, strict=True):
            expected = compare(WIRE, Document.from_text(text, doc_id=item_id))
            assert record.comparison() == Comparison.from_json(expected.to_json())
        with pytest.raises(InvalidOptionError, match="prepared with other options"):
            compare_many(prepared, items, options=CompareOptions(detectors=[]), workers=1)


class _CountingDetector:
    """A custom detector using both memos, as a user's might."""

    name = "counting"

    def __init__(self) -> None:
        self.wire_calls = 0

    def detect(self, context: DetectionContext):
        """No findings; counts how often the wire-side value is computed."""

        def wire_side() -> int:
            self.wire_calls += 1
            return sum(len(w.segments) for w in context.wires)

        context.wire_memo("counting:segments", wire_side)
        context.memo("counting:derivative", lambda: len(context.derivative.segments))
        yield from ()


class TestDetectors:
    """Custom detectors run unchanged; wire_memo is per prepared wire."""

    def test_custom_detector(self):
        """A custom detector sees the same context, and its wire-side value is kept."""
        counting = _CountingDetector()
        options = CompareOptions(detectors=[counting, *sc.default_detectors()])
        prepared = prepare(WIRE, options=options)
        for text in (PLAIN, DEFINES, PLAIN):
            same(compare(prepared, text), compare(WIRE, text, options=options))
        # Once for the prepared wire, once for each of the three plain comparisons.
        assert counting.wire_calls == 4

    def test_context_without_prepared_wire(self):
        """detect() on an alignment: wire_memo is the context's own."""
        wire = Document.from_text(WIRE)
        derivative = Document.from_text(PLAIN)
        context = DetectionContext(sc.align(wire, derivative))
        assert context.wire_memo("k", lambda: 1) == 1
        assert context.wire_memo("k", lambda: 2) == 1
        other = DetectionContext(sc.align(wire, derivative))
        assert other.wire_memo("k", lambda: 2) == 2
        assert sc.detect(sc.align(wire, derivative)) == compare(wire, derivative).findings
