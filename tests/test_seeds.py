"""The reference case in ``../shared/seeds``: a Xinhua wire report and a rewrite of it.

The texts are read from the shared directory at run time and never copied here; the
module skips when that directory is absent.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import requires_shared, requires_shared_path
from sourcecompare import Document, FurnitureKind

pytestmark = [requires_shared, requires_shared_path("seeds")]

WIRE = "000_79b4f72508686624.txt"
DERIVATIVE = "002_0c3c56741f2eaeab.txt"
W1_DATELINE = "GENEVA, March 12 (Xinhua) -- "


@pytest.fixture(name="seeds_dir")
def _seeds_dir(shared_dir):
    """The seeds directory."""
    return shared_dir / "seeds"


@pytest.fixture(name="wire")
def _wire(seeds_dir):
    """The seed wire report, parsed."""
    return Document.from_path(seeds_dir / WIRE)


@pytest.fixture(name="derivative")
def _derivative(seeds_dir):
    """The seed rewrite, parsed."""
    return Document.from_path(seeds_dir / DERIVATIVE)


@pytest.fixture(name="annotations")
def _annotations(seeds_dir):
    """The hand annotation of the seed pair."""
    return json.loads((seeds_dir / "annotations.json").read_text(encoding="utf-8"))


class TestSeedWire:
    """The seed Xinhua wire report."""

    def test_sentence_count(self, wire):
        """The wire has exactly 11 body sentences."""
        assert len(wire.sentences) == 11

    def test_agency_and_date(self, wire):
        """The wire is credited to Xinhua and was published on 2024-03-13."""
        assert wire.agency == "Xinhua"
        assert wire.published == dt.date(2024, 3, 13)

    def test_dateline(self, wire):
        """The dateline gives GENEVA, 'March 12' and Xinhua, and is not in the first sentence."""
        dateline = wire.dateline

        assert dateline is not None
        assert dateline.place == "GENEVA"
        assert dateline.date == "March 12"
        assert dateline.agency == "Xinhua"
        assert dateline.text == W1_DATELINE.rstrip()
        assert wire.sentences[0].start > dateline.end

    def test_header(self, wire, annotations):
        """The headline, its repeat, the crumb and the source line match the annotation."""
        header = annotations["wire_header"]

        assert wire.headline is not None
        assert wire.headline.text == header["headline"]
        repeats = [f.text for f in wire.furniture if f.kind is FurnitureKind.HEADLINE_REPEAT]
        assert repeats == [header["headline"]]
        assert [f.text for f in wire.furniture if f.kind is FurnitureKind.CRUMB] == ["News >"]
        boilerplate = {
            f.text
            for f in wire.furniture
            if f.kind in {FurnitureKind.CRUMB, FurnitureKind.SOURCE_LINE}
        }
        assert boilerplate == set(header["boilerplate_lines"])
        assert wire.headings == ()

    def test_annotated_sentence_starts(self, wire, annotations):
        """Each annotated wire sentence opens exactly one parsed sentence."""
        entries = annotations["wire_sentences"]

        assert len(entries) == 11
        for entry in entries:
            starts = entry["starts"].removeprefix(W1_DATELINE)
            matches = [s for s in wire.sentences if s.text.startswith(starts)]
            assert len(matches) == 1, (entry["id"], starts)

    def test_annotated_sentences_in_order(self, wire, annotations):
        """The annotated wire sentences are the parsed sentences, in order."""
        starts = [e["starts"].removeprefix(W1_DATELINE) for e in annotations["wire_sentences"]]

        assert all(s.text.startswith(p) for s, p in zip(wire.sentences, starts, strict=True))


class TestSeedDerivative:
    """The seed rewrite."""

    def test_sentence_count(self, derivative):
        """The rewrite has exactly 17 sentences."""
        assert len(derivative.sentences) == 17

    def test_headings(self, derivative):
        """The rewrite has exactly its three invented section headings."""
        assert [h.text for h in derivative.headings] == [
            "Empowering Global Human Rights and Governance",
            "Active Participation in International Arenas",
            "Challenges and Opportunities Ahead",
        ]

    def test_annotated_headings_found(self, derivative, annotations):
        """Every heading the annotation lists as added is a parsed heading."""
        headings = {h.text for h in derivative.headings}

        assert set(annotations["derivative_headings_added"]) <= headings

    def test_no_credit_or_dateline(self, derivative):
        """The rewrite credits no agency and has no dateline."""
        assert derivative.credits == ()
        assert derivative.agency is None
        assert derivative.dateline is None
        assert derivative.headline is None

    def test_annotated_sentence_starts(self, derivative, annotations):
        """Each of the 17 annotated rewrite sentences opens exactly one parsed sentence."""
        entries = annotations["derivative_sentences"]

        assert len(entries) == 17
        for entry in entries:
            matches = [s for s in derivative.sentences if s.text.startswith(entry["starts"])]
            assert len(matches) == 1, (entry["id"], entry["starts"])
