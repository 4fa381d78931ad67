"""JSON export and import of comparisons: round trips, the shape, the schema, bad input.

The round trip is proven on the bundled example pairs, on a comparison with two wires,
and by a property test over generated wire reports and derivatives made from them
(sentences dropped, reordered, edited, added). Bad input must always raise an
:class:`~sourcecompare.InputError` whose message names the field at fault.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import sourcecompare as sc
from conftest import ARTICLES_DIR, DERIVATIVE_TEXT, REPO_ROOT, WIRE_TEXT
from sourcecompare.detectors import EvaluativeLanguage
from sourcecompare.render import json as sc_json
from strategies import article_text, sentence, unicode_text
from test_docs import _blocks

ROUND_TRIP_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
MUTATION_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _compare_files(wire: str | list[str], derivative: str) -> sc.Comparison:
    wires = [wire] if isinstance(wire, str) else wire
    return sc.compare([ARTICLES_DIR / name for name in wires], ARTICLES_DIR / derivative)


@pytest.fixture(name="harbour", scope="module")
def _harbour() -> sc.Comparison:
    """The harbour wire compared with its rewrite."""
    return _compare_files("harbour_wire.txt", "harbour_rewrite.txt")


@pytest.fixture(name="small", scope="module")
def _small() -> sc.Comparison:
    """The short fictional wire and Markdown rewrite of conftest."""
    return sc.compare(
        sc.Document.from_text(WIRE_TEXT, doc_id="wire"),
        sc.Document.from_text(DERIVATIVE_TEXT, doc_id="derivative", format="markdown"),
    )


PAIRS = [
    pytest.param(("harbour_wire.txt", "harbour_rewrite.txt"), id="harbour"),
    pytest.param(("harbour_wire.txt", "harbour_faithful.txt"), id="harbour-faithful"),
    pytest.param(("rail_wire.txt", "rail_rewrite.txt"), id="rail"),
    pytest.param((["harbour_wire.txt", "rail_wire.txt"], "rail_rewrite.txt"), id="two-wires"),
]
"""Wire and derivative file names of the bundled examples, and a two-wire comparison."""


def _round_trip(comparison: sc.Comparison) -> sc.Comparison:
    """Write *comparison* as JSON, read it back, and check that writing is stable."""
    text = comparison.to_json()
    loaded = sc.Comparison.from_json(text)
    assert loaded.to_json() == text
    return loaded


class TestRoundTrip:
    """``Comparison.from_json(c.to_json()) == c``."""

    @pytest.mark.parametrize("pair", PAIRS)
    def test_bundled_pairs(self, pair: tuple[str | list[str], str]) -> None:
        """Every example pair, and a comparison with two wires, reads back equal."""
        comparison = _compare_files(*pair)
        assert _round_trip(comparison) == comparison

    def test_documents_are_rebuilt_exactly(self, harbour: sc.Comparison) -> None:
        """Documents come back equal, tokens and furniture included."""
        loaded = _round_trip(harbour)
        assert loaded.wires == harbour.wires
        assert loaded.derivative == harbour.derivative
        assert loaded.wire.tokens == harbour.wire.tokens
        assert loaded.wire.dateline == harbour.wire.dateline
        assert loaded.wire.dateline is not None

    def test_dict_round_trip(self, small: sc.Comparison) -> None:
        """``from_dict(to_dict())`` is equal too, and ``to_dict`` is plain JSON data."""
        data = small.to_dict()
        assert json.loads(json.dumps(data)) == data
        assert sc.Comparison.from_dict(data) == small

    def test_bytes(self, small: sc.Comparison) -> None:
        """JSON given as bytes (UTF-8 or UTF-16) reads the same."""
        text = small.to_json()
        assert sc.Comparison.from_json(text.encode("utf-8")) == small
        assert sc.Comparison.from_json(text.encode("utf-16")) == small

    def test_selected_findings(self, harbour: sc.Comparison) -> None:
        """A comparison narrowed with ``select`` reads back with its recounted summary."""
        high = harbour.select(severity="high")
        assert high.findings
        assert _round_trip(high) == high

    def test_lone_surrogates_and_control_characters(self) -> None:
        """Text no encoder accepts still writes as ASCII JSON and reads back equal."""
        wire = (
            "Ferry link approved\n\nThe board approved the link \ud800 on Tuesday, it said.\x1b[31m"
        )
        derivative = "The board approved the link \udfff on Tuesday.\x00 It is a triumph."
        comparison = sc.compare(wire, derivative)
        text = comparison.to_json()
        assert text.isascii()
        text.encode("utf-8")  # nothing to refuse
        assert sc.Comparison.from_json(text) == comparison
        assert sc.Comparison.from_json(comparison.to_json(indent=None)) == comparison

    def test_background_frequencies(self) -> None:
        """Background term frequencies are data: they are written and read back."""
        background = sc.TermStats.from_texts(["The ferry sails.", "The board met on Tuesday."])
        options = sc.CompareOptions(
            alignment=sc.AlignOptions(background=background, supported=0.45, max_sources=2)
        )
        comparison = sc.compare(WIRE_TEXT, DERIVATIVE_TEXT, options=options)
        loaded = _round_trip(comparison)
        assert loaded == comparison
        assert loaded.options.alignment.background == background

    @given(data=st.data())
    @ROUND_TRIP_SETTINGS
    def test_generated_pairs(self, data: st.DataObject) -> None:
        """A wire and a derivative made from it by dropping, reordering and editing."""
        wire, derivative = data.draw(_wire_and_derivative())
        try:
            comparison = sc.compare(wire, derivative)
        except sc.EmptyDocumentError:
            assume(False)
            raise
        assert _round_trip(comparison) == comparison


@st.composite
def _edited(draw: st.DrawFn, text: str) -> str:
    """A wire sentence kept, trimmed, embellished (with stray characters) or replaced."""
    change = draw(st.integers(0, 3))
    if change == 1:
        words = text.split()
        return " ".join(words[: max(1, len(words) - draw(st.integers(1, 4)))]) + "."
    if change == 2:
        framing = draw(st.sampled_from(["Critics fear the worst.", "It is a triumph."]))
        return f"{text} {framing}{draw(unicode_text(max_pieces=6))}"
    if change == 3:
        return draw(sentence())  # a sentence of another story
    return text


@st.composite
def _wire_and_derivative(draw: st.DrawFn) -> tuple[str, str]:
    """A generated wire report and a derivative of it."""
    wire = draw(article_text())
    try:
        sentences = [s.text for s in sc.Document.from_text(wire).sentences]
    except sc.EmptyDocumentError:
        sentences = []
    assume(sentences)
    kept = draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=len(sentences) + 1))
    edited = [draw(_edited(text)) for text in draw(st.permutations(kept))]
    headline = draw(st.sampled_from(["", "# Ferry link approved\n\n", "Costs and Concerns\n\n"]))
    paragraphs = draw(st.integers(1, 3))
    body = "\n\n".join(" ".join(edited[i::paragraphs]) for i in range(paragraphs))
    return wire, headline + body


class TestShape:
    """What the JSON holds, and how it points into the texts."""

    def test_top_level(self, small: sc.Comparison) -> None:
        """The top level, in a fixed order, with the version first."""
        assert list(small.to_dict()) == [
            "schema_version",
            "options",
            "summary",
            "caveats",
            "findings",
            "speakers",
            "alignment",
            "wire_sentences",
            "wires",
            "derivative",
        ]
        assert small.to_dict()["schema_version"] == sc_json.SCHEMA_VERSION == "1.0"

    def test_spans_are_offsets_into_the_texts(self, harbour: sc.Comparison) -> None:
        """Finding, alignment and wire-sentence spans slice the original texts."""
        data = harbour.to_dict()
        wire_text, derivative_text = harbour.wire.text, harbour.derivative.text
        for finding, original in zip(data["findings"], harbour.findings, strict=True):
            slices = [derivative_text[s["start"] : s["end"]] for s in finding["derivative_spans"]]
            assert slices == [harbour.derivative.span_text(s) for s in original.derivative_spans]
        for entry, segment in zip(data["alignment"], harbour.derivative.segments, strict=True):
            assert derivative_text[entry["start"] : entry["end"]] == segment.text
            for source in entry["sources"]:
                wire_segment = harbour.wire.segments[source["segment"]]
                assert wire_text[source["start"] : source["end"]] == wire_segment.text
        for entry in data["wire_sentences"]:
            segment = harbour.wire.segments[entry["segment"]]
            assert segment.kind is sc.SegmentKind.SENTENCE
            assert wire_text[entry["start"] : entry["end"]] == segment.text

    def test_token_ranges_carry_their_offsets(self, harbour: sc.Comparison) -> None:
        """A link's token ranges give the offsets of the words they cover."""
        data = harbour.to_dict()
        entry = next(e for e in data["alignment"] if e["links"])
        link = entry["links"][0]
        segment = harbour.derivative.segments[entry["segment"]]
        tokens = segment.tokens[link["derivative"]["first"] : link["derivative"]["last"]]
        covered = harbour.derivative.text[link["derivative"]["start"] : link["derivative"]["end"]]
        assert covered.startswith(tokens[0].text)
        assert covered.endswith(tokens[-1].text)

    def test_counts_keep_their_order(self, harbour: sc.Comparison) -> None:
        """Summary counts are objects in the summary's own order."""
        summary = harbour.to_dict()["summary"]
        assert list(summary["by_severity"]) == ["high", "medium", "low"]
        assert list(summary["wire_fates"].items()) == list(harbour.summary.wire_fates)

    def test_every_align_option_is_recorded(self, small: sc.Comparison) -> None:
        """Every field of AlignOptions has its key, so none is silently lost."""
        recorded = small.to_dict()["options"]["alignment"]
        assert set(recorded) == {field.name for field in attrs.fields(sc.AlignOptions)}

    def test_custom_objects_are_recorded_by_name(self) -> None:
        """Custom detectors, lexicons and measures are named; reading restores defaults."""

        @attrs.frozen
        class Half:
            name: str = "half"

            def support(self, _part: object, sources: object) -> float:
                return 0.5 if sources else 0.0

        options = sc.CompareOptions(
            alignment=sc.AlignOptions(similarity=Half()),
            detectors=[EvaluativeLanguage()],
            lexicons=sc.Lexicons.default().extend(evaluative=["zorbulous"]),
        )
        comparison = sc.compare(WIRE_TEXT, DERIVATIVE_TEXT, options=options)
        recorded = comparison.to_dict()["options"]
        assert recorded["alignment"]["similarity"] == "half"
        assert recorded["detectors"] == ["evaluative_language"]
        assert recorded["lexicons"] == "custom"
        assert recorded["agencies"] == recorded["reporting"] == "default"
        loaded = sc.Comparison.from_json(comparison.to_json())
        assert loaded.options == sc.CompareOptions()
        assert loaded.findings == comparison.findings
        assert loaded.alignment.segments == comparison.alignment.segments

    def test_dumps_is_deterministic_ascii(self) -> None:
        """Same data, same text; non-ASCII is escaped; no indent gives one line."""
        data = {"b": [1.5, "é\ud800"], "a": None}
        assert sc_json.dumps(data, indent=2) == sc_json.dumps(copy.deepcopy(data), indent=2)
        assert sc_json.dumps(data, indent=None) == '{"b":[1.5,"\\u00e9\\ud800"],"a":null}'
        assert sc_json.loads(sc_json.dumps(data, indent=None)) == data

    def test_floats_round_trip_exactly(self) -> None:
        """Floats come back bit for bit."""
        values = [0.1 + 0.2, 1 / 3, 5e-324, 0.8963581774243655]
        assert sc_json.loads(sc_json.dumps(values, indent=None)) == values

    def test_dumps_refuses_nan(self) -> None:
        """NaN is not JSON: writing it fails instead of producing invalid JSON."""
        with pytest.raises(ValueError, match="JSON"):
            sc_json.dumps({"x": float("nan")}, indent=None)


def _schema_blocks() -> list[str]:
    page = REPO_ROOT / "docs" / "reference" / "json.md"
    return [b.code for b in _blocks(page) if b.language == "json" and '"$schema"' in b.code]


class TestSchema:
    """The JSON Schema ships in the package and in the docs, and the output meets it."""

    def test_schema_is_valid_draft_2020_12(self) -> None:
        """The packaged schema is itself a valid draft 2020-12 schema."""
        schema = sc_json.schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_schema_returns_a_copy(self) -> None:
        """Changing the returned schema changes nothing for the next caller."""
        sc_json.schema()["title"] = "changed"
        assert sc_json.schema()["title"] != "changed"

    def test_docs_show_the_packaged_schema(self) -> None:
        """docs/reference/json.md embeds exactly the packaged schema."""
        blocks = _schema_blocks()
        assert len(blocks) == 1
        assert json.loads(blocks[0]) == sc_json.schema()

    @pytest.mark.parametrize("pair", PAIRS)
    def test_output_validates(self, pair: tuple[str | list[str], str]) -> None:
        """``to_dict()`` of every example comparison meets the schema."""
        validator = jsonschema.Draft202012Validator(sc_json.schema())
        errors = [
            f"{e.json_path}: {e.message}"
            for e in validator.iter_errors(_compare_files(*pair).to_dict())
        ]
        assert not errors, errors[:5]

    def test_output_with_custom_options_validates(self) -> None:
        """Background frequencies and named custom objects meet the schema too."""
        background = sc.TermStats.from_texts(["The ferry sails."])
        options = sc.CompareOptions(
            alignment=sc.AlignOptions(background=background), detectors=[EvaluativeLanguage()]
        )
        comparison = sc.compare(WIRE_TEXT, DERIVATIVE_TEXT, options=options)
        jsonschema.validate(comparison.to_dict(), sc_json.schema())

    @pytest.mark.parametrize(
        ("definition", "field", "values"),
        [
            ("finding", "severity", sc.Severity),
            ("speaker", "kind", sc.SourceKind),
            ("speaker", "fate", sc.SpeakerFate),
            ("segmentAlignment", "label", sc.AlignmentLabel),
            ("wireSentence", "fate", sc.WireFate),
            ("document", "furniture", sc.FurnitureKind),
            ("document", "paragraphs", sc.ParagraphKind),
            ("document", "segments", sc.SegmentKind),
        ],
    )
    def test_enumerations_match_the_model(
        self, definition: str, field: str, values: type[Any]
    ) -> None:
        """Every enumeration in the schema lists exactly the model's values."""
        schema = sc_json.schema()["$defs"][definition]["properties"][field]
        if schema.get("type") == "array":
            schema = schema["items"]["properties"]["kind"]
        assert set(schema["enum"]) == {member.value for member in values}


_DELETE = object()
"""A value for :func:`_put` that deletes the field."""


def _put(data: object, path: tuple[object, ...], value: object) -> None:
    """Set (or with :data:`_DELETE`, delete) the value at *path* in *data*."""
    *parents, last = path
    node: Any = data
    for part in parents:
        node = node[part]
    if value is _DELETE:
        del node[last]
    else:
        node[last] = value


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A mutation of the value at a dotted path (``findings.0.severity``)."""
    parts = tuple(int(p) if p.isdigit() else p for p in path.split("."))

    def mutate(data: dict[str, Any]) -> None:
        _put(data, parts, value)

    mutate.__name__ = path  # the test id
    return mutate


def _pattern(message: str) -> str:
    """A regular expression matching *message* literally, with ``...`` as a wildcard."""
    return ".*".join(re.escape(piece) for piece in message.split("..."))


class TestBadInput:
    """Bad JSON raises an InputError naming the problem, never a bare KeyError or TypeError."""

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", r"not valid JSON: Expecting value at line 1, column 1"),
            ('{"schema_version": "1.0",', r"not valid JSON: .* at line 1"),
            (b"\xff\xfe\x00\xd8", r"not valid JSON"),
            ('{"x": NaN}', r"not valid JSON: NaN is not a JSON number"),
            ("[" * 100_000, r"not valid JSON: maximum recursion depth"),
            ("[1, 2]", r"^comparison: expected an object, got a list$"),
            ("null", r"^comparison: expected an object, got null$"),
            ("{}", r"^comparison: missing field 'schema_version'$"),
        ],
    )
    def test_not_a_comparison(self, text: str | bytes, message: str) -> None:
        """Malformed JSON and JSON of the wrong shape."""
        with pytest.raises(sc.InputError, match=message):
            sc.Comparison.from_json(text)

    def test_not_text(self) -> None:
        """Neither str nor bytes."""
        with pytest.raises(sc.InputError, match="expected JSON text as str or bytes, got int"):
            sc.Comparison.from_json(12)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("mutate", "message"),
        [
            (_set("schema_version", _DELETE), "comparison: missing field 'schema_version'"),
            (
                _set("schema_version", "2.0"),
                "schema_version: this sourcecompare reads schema version 1.x, got '2.0'; a newer sourcecompare wrote it: upgrade",
            ),
            (
                _set("schema_version", "0.9"),
                "schema_version: this sourcecompare reads schema version 1.x, got '0.9'",
            ),
            (_set("schema_version", 1), "schema_version: expected a string, got 1"),
            (
                _set("schema_version", "1.x"),
                "schema_version: expected a version \"MAJOR.MINOR\", got '1.x'",
            ),
            (_set("findings", _DELETE), "comparison: missing field 'findings'"),
            (
                _set("findings.0.severity", "x"),
                "findings[0].severity: expected one of low, medium, high, got 'x'",
            ),
            (_set("findings.0.kind", "nodot"), "findings[0]: 'kind' must be 'category.name'"),
            (_set("findings.0.wire", 5), "findings[0].wire: expected a wire index below 1, got 5"),
            (
                _set("findings.0.wire", True),
                "findings[0].wire: expected a wire index ..., got true",
            ),
            (
                _set("findings.0.derivative_spans.0", {"start": 3, "end": 10**9}),
                "findings[0].derivative_spans[0]: span 3-1000000000 lies beyond the text (... characters)",
            ),
            (
                _set("findings.0.derivative_spans.0", {"start": 9, "end": 3}),
                "findings[0].derivative_spans[0]: end 3 is before start 9",
            ),
            (
                _set("findings.0.scores", {"share": "high"}),
                "findings[0].scores.share: expected a number, got 'high'",
            ),
            (
                _set("speakers.0.fate", "gone"),
                "speakers[0].fate: expected one of kept, mentioned, ..., got 'gone'",
            ),
            (
                _set("alignment.0.start", 1),
                "alignment[0]: start and end 1-... are not those of derivative segment 0",
            ),
            (
                _set("alignment.0.segment", 999),
                "alignment[0].segment: expected a segment index below",
            ),
            (
                _set("alignment.0.support", 2.5),
                "alignment[0]: 'support' must be a number between 0 and 1, got 2.5",
            ),
            (_set("alignment.0.links", {}), "alignment[0].links: expected a list, got an object"),
            (
                _set("alignment.0.new.0", {"first": 0, "last": 999, "start": 0, "end": 0}),
                "alignment[0].new[0].last: expected a token index below",
            ),
            (
                _set("alignment.0.new.0", {"first": 0, "last": 1, "start": 0, "end": 1}),
                "alignment[0].new[0]: start and end 0-1 are not those of tokens 0-1",
            ),
            (
                _set("wire_sentences.0.segment", 999),
                "wire_sentences[0].segment: expected a segment index below",
            ),
            (
                _set("alignment.0.support", 10**400),
                "alignment[0].support: expected a finite number, got 100000...…",
            ),
            (
                _set("findings.0.scores", {"a.b c": None}),
                'findings[0].scores["a.b c"]: expected a number, got null',
            ),
            (
                _set("wire_sentences.0.coverage", None),
                "wire_sentences[0].coverage: expected a number, got null",
            ),
            (_set("summary.by_kind", []), "summary.by_kind: expected an object, got a list"),
            (
                _set("options.alignment.measure", "nope"),
                "options.alignment: unknown similarity measure 'nope'",
            ),
            (
                _set("options.alignment.supported", "high"),
                "options.alignment.supported: expected a number, got 'high'",
            ),
            (
                _set("options.alignment.partial", 0.9),
                "options.alignment: 'partial' (0.9) must not exceed 'supported'",
            ),
            (
                _set("options.lexicons", "mine"),
                "options.lexicons: expected one of default, custom, got 'mine'",
            ),
            (_set("options.detectors", [3]), "options.detectors[0]: expected a string, got 3"),
            (
                _set("options.alignment.background", {"documents": 0, "frequencies": {}}),
                "options.alignment.background: 'documents' must be >= 1",
            ),
            (_set("wires", []), "wires: expected at least one wire document"),
            (_set("derivative.text", 5), "derivative.text: expected a string, got 5"),
            (
                _set("derivative.text", "short"),
                "derivative.paragraphs[0]: span ... lies beyond the text (5 characters)",
            ),
            (_set("derivative.format", "pdf"), "derivative: 'format' must be one of"),
            (
                _set("derivative.published", "yesterday"),
                "derivative.published: expected a date YYYY-MM-DD, got 'yesterday'",
            ),
            (
                _set("derivative.segments.0.paragraph", 999),
                "derivative.segments[0].paragraph: expected a paragraph index below",
            ),
            (
                _set("wires.0.dateline.place", {"start": 0}),
                "wires[0].dateline.place: missing field 'end'",
            ),
            (
                _set("wires.0.furniture.0.kind", "banner"),
                "wires[0].furniture[0].kind: expected one of crumb, ",
            ),
        ],
    )
    def test_wrong_field(
        self, small: sc.Comparison, mutate: Callable[[dict[str, Any]], None], message: str
    ) -> None:
        """A wrong, missing or inconsistent field is named in the message."""
        data = small.to_dict()
        assert data["findings"]
        assert data["alignment"][0]["new"]
        assert data["wires"][0]["dateline"] is not None
        mutate(data)
        with pytest.raises(sc.InputError, match=_pattern(message)):
            sc.Comparison.from_json(json.dumps(data))

    def test_from_dict_rejects_non_mappings(self) -> None:
        """``from_dict`` of something else than an object."""
        with pytest.raises(sc.InputError, match="comparison: expected an object, got a list"):
            sc.Comparison.from_dict([])  # type: ignore[arg-type]

    def test_unknown_fields_are_ignored(self, small: sc.Comparison) -> None:
        """A newer minor version's extra fields do not stop a reader."""
        data = small.to_dict()
        data["schema_version"] = "1.9"
        data["generator"] = "a later sourcecompare"
        data["findings"][0]["confidence"] = 0.9
        assert sc.Comparison.from_dict(data) == small

    @given(data=st.data())
    @MUTATION_SETTINGS
    def test_any_damage_is_an_input_error(self, small: sc.Comparison, data: st.DataObject) -> None:
        """Replacing any value with any JSON value reads back or raises InputError."""
        document = small.to_dict()
        paths = list(_paths(document))
        path = data.draw(st.sampled_from(paths))
        value = data.draw(_json_values)
        _put(document, path, value)
        with contextlib.suppress(sc.InputError):
            sc.Comparison.from_dict(document)


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=5,
)


def _paths(node: object, prefix: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """Every path to a value inside *node* (documents' texts included)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))
