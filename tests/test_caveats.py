"""Caveats: a text in lower case or in capitals is named, for the wire and the derivative."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sourcecompare as sc
from sourcecompare import _caveats
from sourcecompare._caveats import caveats_of
from sourcecompare.batch import compare_many

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
WIRE = (ARTICLES / "harbour_wire.txt").read_text(encoding="utf-8")
FAITHFUL = (ARTICLES / "harbour_faithful.txt").read_text(encoding="utf-8")

LOWER = sc.CaveatCode.LOWER_CASE
UPPER = sc.CaveatCode.UPPER_CASE


def _case(text: str) -> sc.CaveatCode | None:
    return _caveats._case(sc.Document.from_text(text))


class TestCase:
    """Which texts count as written in lower case or in capitals."""

    @pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
    def test_ordinary_articles_have_none(self, path: Path) -> None:
        """Every example article is cased as usual: no caveat."""
        assert _case(path.read_text(encoding="utf-8")) is None

    def test_lower_case(self) -> None:
        """A whole article in lower case."""
        assert _case(FAITHFUL.lower()) is LOWER

    def test_capitals(self) -> None:
        """A whole article in capitals."""
        assert _case(FAITHFUL.upper()) is UPPER

    def test_headline_in_capitals_over_an_ordinary_body(self) -> None:
        """A headline in capitals is common and says nothing of the body."""
        headline, _, body = FAITHFUL.partition("\n")
        assert _case(f"{headline.upper()}\n{body}") is None

    def test_few_words_say_nothing(self) -> None:
        """Below eight words, a lower-case text may be a brand name's sentence."""
        assert _case("eBay posts record sales again.") is None
        assert _case("ebay posts record sales again as buyers return to it.") is LOWER

    def test_a_repeated_placeholder_is_not_capitals(self) -> None:
        """A model's summary full of "UNK" placeholders is lower case, not capitals."""
        text = "mike tindall , UNK dude , UNK dude , UNK , UNK , UNK , UNK , UNK ."
        assert _case(text) is LOWER

    def test_a_few_capitals_in_lower_case(self) -> None:
        """One acronym in a lower-case text does not make it cased."""
        text = "the minister said the uk would raise rates. the board agreed with her. it met."
        assert _case(text.replace("uk", "UK")) is LOWER

    def test_names_make_a_text_cased(self) -> None:
        """Lower-case sentence starts but capitalised names: cased (a style, not lost case)."""
        text = "the board met on tuesday. ada berg, its chair, said Port Alder would pay for it."
        assert _case(text.replace("ada berg", "Ada Berg")) is None

    @given(
        st.lists(
            st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9),
            min_size=8,
            max_size=40,
        )
    )
    def test_any_words_lowered_or_raised(self, words: list[str]) -> None:
        """Eight words or more: lower-cased, lower case; in capitals, capitals.

        In capitals only with three different words or more (a repeated placeholder).
        """
        text = " ".join(words) + "."
        assert _case(text.lower()) is LOWER
        if len(set(words)) >= _caveats._MIN_FORMS:
            assert _case(text.upper()) is UPPER


class TestComparison:
    """A comparison gives the caveats of its documents, and every output shows them."""

    def test_ordinary_pair_has_none(self) -> None:
        """The usual case: no caveat."""
        assert sc.compare(WIRE, FAITHFUL).caveats == ()

    def test_lower_case_derivative(self) -> None:
        """The derivative's caveat says which findings to check."""
        (caveat,) = sc.compare(WIRE, FAITHFUL.lower()).caveats
        assert caveat.code is LOWER
        assert caveat.wire is None
        assert caveat.message.startswith("The derivative is written in lower case.")
        assert "speaker as dropped" in caveat.message

    def test_wires_first_then_the_derivative(self) -> None:
        """With several wires, each is named by its number, in order."""
        other = (ARTICLES / "rail_wire.txt").read_text(encoding="utf-8")
        comparison = sc.compare([other, WIRE.upper()], FAITHFUL.lower())
        assert [(c.code, c.wire) for c in comparison.caveats] == [(UPPER, 1), (LOWER, None)]
        assert comparison.caveats[0].message.startswith("Wire 2 is written in capitals.")

    def test_single_wire_is_the_wire(self) -> None:
        """One wire is "the wire"."""
        (caveat,) = sc.compare(WIRE.lower(), FAITHFUL).caveats
        assert (caveat.code, caveat.wire) == (LOWER, 0)
        assert caveat.message.startswith("The wire is written in lower case.")

    def test_prepared_wire_gives_the_same(self) -> None:
        """Through prepare(), the same caveats (the wire's read once, then kept)."""
        prepared = sc.prepare(WIRE.upper())
        for _ in range(2):
            comparison = prepared.compare(FAITHFUL.lower())
            assert [(c.code, c.wire) for c in comparison.caveats] == [(UPPER, 0), (LOWER, None)]

    def test_the_wire_memo_checks_identity(self) -> None:
        """A kept wire case is used only for the very same document object."""
        ordinary = sc.Document.from_text(WIRE)
        lowered = sc.Document.from_text(WIRE.lower())
        derivative = sc.Document.from_text(FAITHFUL)
        assert caveats_of([ordinary], derivative) == ()
        assert [c.wire for c in caveats_of([lowered], derivative)] == [0]
        assert caveats_of([ordinary], derivative) == ()

    def test_json_has_them_and_reads_back(self) -> None:
        """to_dict() writes them; from_json() gives an equal comparison with the same caveats."""
        comparison = sc.compare(WIRE, FAITHFUL.lower())
        data = comparison.to_dict()
        assert data["caveats"] == [
            {"code": "lower_case", "wire": None, "message": comparison.caveats[0].message}
        ]
        back = sc.Comparison.from_json(comparison.to_json())
        assert back == comparison
        assert back.caveats == comparison.caveats

    def test_json_without_caveats_still_reads(self) -> None:
        """They are derived: data that lacks them (or has others) reads back the same."""
        comparison = sc.compare(WIRE, FAITHFUL.lower())
        data = comparison.to_dict()
        del data["caveats"]
        assert sc.Comparison.from_dict(data).caveats == comparison.caveats

    def test_report_shows_them_first(self) -> None:
        """The summary panel starts with the caveat."""
        comparison = sc.compare(WIRE, FAITHFUL.lower())
        text = str(comparison.to_html())
        assert "caveat" in text
        assert "written in lower case" in text

    def test_batch_records_carry_them(self) -> None:
        """Every batch record detail has them."""
        items = [("lower", FAITHFUL.lower()), ("ordinary", FAITHFUL)]
        for detail in ("summary", "findings", "full"):
            records = list(compare_many(WIRE, items, detail=detail, workers=1))
            caveats = {r.id: json.loads(r.line)["caveats"] for r in records}
            assert [c["code"] for c in caveats["lower"]] == ["lower_case"]
            assert caveats["ordinary"] == []
