"""The report views, their theme and the HTML and SVG exports.

Golden files
    ``tests/golden/`` holds the expected output of the full report and of each view on
    the example articles, at pinned widths, with no colour (``.txt``), in true colour
    (``.ansi``) and as HTML (``.html``). When a change to the views or the detectors
    changes the report on purpose, regenerate them and review the diff before
    committing::

        .venv/bin/python tests/test_render.py --regenerate

    Plain-text goldens are compared with trailing white space removed from each line,
    so an editor that trims it does not break them; the others byte for byte.

Every console used here writes to a ``StringIO`` at a pinned width and colour system
and ignores the environment (``NO_COLOR``, ``COLUMNS``), so results do not depend on
the terminal the tests run in.
"""

from __future__ import annotations

import argparse
import functools
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pytest
from rich.cells import cell_len
from rich.console import Console, Group, NewLine, RenderableType
from rich.style import Style
from rich.text import Text
from rich.theme import Theme

import sourcecompare as sc
from sourcecompare.render import console as views
from sourcecompare.render._table import Fill, _cell_lines
from sourcecompare.render.console import STYLES, THEME, comparison_view, safe_text
from sourcecompare.render.export import export_html, export_svg

if TYPE_CHECKING:
    from rich.segment import Segment

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
GOLDEN = Path(__file__).resolve().parent / "golden"

VIEWS = (
    "summary_view",
    "findings_view",
    "annotated_view",
    "speakers_view",
    "omissions_view",
    "side_by_side_view",
)

# Article text that would restyle a terminal or a page if it were not shown literally.
MARKUP = "[bold red]loud[/bold red]"
LINK = "[link=https://x]click[/link]"
ANSI = "\x1b[31mred\x1b[0m"
HTML = "<script>alert(1)</script>"

HOSTILE_WIRE = f"""\
Harbour board approves ferry link

LINDBY, April 1 (Reuters) - The harbour board approved a ferry link on Tuesday, \
said Ada Berg, who wrote {MARKUP} and {LINK} in her note.

The note also held {ANSI} text and {HTML} from the web form.

The link will cost 1,200 crowns a year per household.
"""

HOSTILE_DERIVATIVE = f"""\
Ferry link approved

The harbour board approved a ferry link, a landmark decision; Ada Berg wrote \
{MARKUP} and {LINK} in her note.

The note also held {ANSI} text and {HTML} from the web form.

Experts say the plan {MARKUP} is visionary.
"""

QUIET_TEXT = "The ferry link opened on Tuesday. It carries 900 passengers a day.\n"

_SGR_RE = re.compile(r"\x1b\[[0-9;]*m")
_MARKER_RE = re.compile(r"\{[-+@!*]|[-+@!*]\}")


def render(
    renderable: RenderableType,
    *,
    width: int,
    color_system: Literal["truecolor"] | None = None,
    theme: Theme | None = None,
) -> str:
    """What *renderable* prints on a pinned console, *width* columns wide."""
    file = io.StringIO()
    console = Console(
        file=file,
        width=width,
        color_system=color_system,
        force_terminal=color_system is not None,
        theme=theme,
        legacy_windows=False,
        emoji=False,
        highlight=False,
        _environ={},
    )
    console.print(renderable)
    return file.getvalue()


def pair(name: str) -> sc.Comparison:
    """The example pair *name* (``harbour``, ``rail``): its wire against its rewrite."""
    return sc.compare(ARTICLES / f"{name}_wire.txt", ARTICLES / f"{name}_rewrite.txt")


def lower_case_pair() -> sc.Comparison:
    """harbour_wire.txt against harbour_faithful.txt written all in lower case: a caveat."""
    derivative = (ARTICLES / "harbour_faithful.txt").read_text(encoding="utf-8").lower()
    return sc.compare(ARTICLES / "harbour_wire.txt", derivative)


@pytest.fixture(name="harbour", scope="module")
def _harbour() -> sc.Comparison:
    """harbour_wire.txt against harbour_rewrite.txt."""
    return pair("harbour")


@pytest.fixture(name="rail", scope="module")
def _rail() -> sc.Comparison:
    """rail_wire.txt against rail_rewrite.txt."""
    return pair("rail")


@pytest.fixture(name="hostile", scope="module")
def _hostile() -> sc.Comparison:
    """A pair whose text holds Rich markup, an ANSI escape sequence and an HTML tag."""
    return sc.compare(HOSTILE_WIRE, HOSTILE_DERIVATIVE)


@pytest.fixture(name="quiet", scope="module")
def _quiet() -> sc.Comparison:
    """A text compared with itself: no findings, no speakers, nothing dropped."""
    return sc.compare(QUIET_TEXT, QUIET_TEXT)


# --- golden files ------------------------------------------------------------------------


def _goldens() -> dict[str, Callable[[], str]]:
    """Each golden file's name, with how to produce its content now."""
    goldens: dict[str, Callable[[], str]] = {
        "harbour_report_100.txt": lambda: render(comparison_view(pair("harbour")), width=100),
        "harbour_report_100.ansi": lambda: render(
            comparison_view(pair("harbour")), width=100, color_system="truecolor"
        ),
        "harbour_report_80.txt": lambda: render(comparison_view(pair("harbour")), width=80),
        "harbour_report.html": lambda: export_html(pair("harbour")),
        "harbour_lower_case_summary_view_80.txt": lambda: render(
            views.summary_view(lower_case_pair()), width=80
        ),
    }
    for name in VIEWS:
        goldens[f"rail_{name}_80.txt"] = functools.partial(_rail_view, name)
    return goldens


def _rail_view(name: str) -> str:
    """The view *name* of the rail pair, at 80 columns without colour."""
    return render(getattr(views, name)(pair("rail")), width=80)


def _normalised(name: str, content: str) -> str:
    """Plain text without trailing white space on its lines; other formats as they are."""
    if name.endswith(".txt"):
        return "\n".join(line.rstrip() for line in content.splitlines()) + "\n"
    return content


def regenerate() -> list[str]:
    """Rewrite every golden file from the current output; return the names that changed."""
    GOLDEN.mkdir(exist_ok=True)
    changed = []
    for name, produce in _goldens().items():
        path = GOLDEN / name
        content = _normalised(name, produce())
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8", newline="")
            changed.append(name)
    return changed


class TestGolden:
    """The report matches the reviewed output in tests/golden/."""

    @pytest.mark.parametrize("name", sorted(_goldens()))
    def test_matches_golden(self, name: str) -> None:
        """The output equals its golden file (regenerate: python tests/test_render.py --regenerate)."""
        path = GOLDEN / name
        assert path.exists(), f"{path} is missing; run: python tests/test_render.py --regenerate"
        expected = path.read_text(encoding="utf-8")
        actual = _normalised(name, _goldens()[name]())
        assert actual == expected, (
            f"{name} differs from the golden file; if the change is intended, run "
            "python tests/test_render.py --regenerate and review the diff"
        )


# --- the views ---------------------------------------------------------------------------


class TestViews:
    """Each view shows its part of the comparison."""

    def test_rich_print_shows_the_full_report(self, rail: sc.Comparison) -> None:
        """Printing a comparison prints comparison_view, which stacks all six views."""
        full = render(rail, width=100)
        assert full == render(comparison_view(rail), width=100)
        titles = ["Findings (8)", "Derivative, annotated", "Speakers (5)", "Omissions"]
        positions = [full.index(title) for title in [*titles, "Side by side"]]
        assert full.index("rail_rewrite.txt against rail_wire.txt") < positions[0]
        assert positions == sorted(positions)

    def test_report_is_one_themed_group(self, rail: sc.Comparison) -> None:
        """The report joins the views' contents in one group, themed once, the same lines."""
        report = comparison_view(rail)
        assert isinstance(report, views.Themed)
        assert isinstance(report.renderable, Group)
        parts = report.renderable.renderables
        assert not any(isinstance(part, (views.Themed, Group)) for part in parts)
        nested: list[RenderableType] = []  # the views as they are, each themed
        for name in VIEWS:
            if nested:
                nested.append(NewLine())
            nested.append(getattr(views, name)(rail))
        assert render(report, width=100) == render(views.Themed(Group(*nested)), width=100)

    def test_views_are_public(self) -> None:
        """Every view is exported by sourcecompare.render.console."""
        for name in (*VIEWS, "comparison_view"):
            assert name in views.__all__
            assert callable(getattr(views, name))

    def test_summary_figures(self, harbour: sc.Comparison) -> None:
        """The summary gives the shares, the speakers and the counts by severity and kind."""
        out = render(views.summary_view(harbour), width=100)
        summary = harbour.summary
        assert f"{summary.wire_kept:.0%}" in out
        assert f"{summary.derivative_supported:.0%}" in out
        assert f"{summary.verbatim:.0%}" in out
        assert "Helen Achterberg (dropped)" in out
        assert "Priya Lindqvist (amplified)" in out
        counts = dict(summary.by_severity)
        assert f"{counts['high']} high, {counts['medium']} medium, {counts['low']} low" in out
        assert f"{dict(summary.by_kind)['framing.added_heading']} added_heading" in out

    def test_findings_in_order_with_severity_words(self, rail: sc.Comparison) -> None:
        """Every finding's kind appears, in the order of the findings tuple, with its severity."""
        out = render(views.findings_view(rail), width=100)
        positions = []
        at = 0
        for finding in rail.findings:
            at = out.index(finding.kind, at)
            positions.append(at)
            line = out[out.rindex("\n", 0, at) + 1 : at]
            assert line.split()[0] == finding.severity.value, line
        assert positions == sorted(positions)

    def test_findings_show_the_words_their_spans_point_at(self, rail: sc.Comparison) -> None:
        """A finding's row quotes the derivative words (or, lacking them, the wire words)."""
        out = " ".join(render(views.findings_view(rail), width=200).split())
        for finding in rail.findings:
            if finding.derivative_spans:
                words = finding.derivative_spans[0].slice(rail.derivative.text)
            else:
                words = finding.wire_spans[0].slice(rail.wires[finding.wire].text)
            assert f"“{' '.join(words.split())}”" in out, finding.kind

    def test_annotated_view_marks_spans(self, harbour: sc.Comparison) -> None:
        """Framing, added and attribution spans carry markers, which pair up."""
        out = render(views.annotated_view(harbour), width=100)
        assert "{!landmark!}" in out
        assert "{+A Lifeline for a Thirsty City+}" in out
        assert "{@According to the announcement@}" in out
        for opening, closing in ("{+", "+}"), ("{!", "!}"), ("{@", "@}"):
            assert out.count(opening) == out.count(closing) > 0

    def test_annotated_view_styles_by_span(self, rail: sc.Comparison) -> None:
        """In colour, the marked stretch (markers included) carries the layer's style."""
        theme = Theme({"sourcecompare.added": "underline", "sourcecompare.attribution": "italic"})
        out = render(views.annotated_view(rail), width=100, color_system="truecolor", theme=theme)
        assert "\x1b[4m{+freed+}\x1b[0m" in out
        assert "\x1b[3m{@Firefighters@}\x1b[0m" in out

    def test_speakers_view(self, harbour: sc.Comparison) -> None:
        """Every wire speaker is listed with their fate and who is credited instead."""
        out = render(views.speakers_view(harbour), width=200)
        for speaker in harbour.speakers:
            assert speaker.name in out
            assert speaker.fate.value in out
        assert "“Officials”" in out
        assert "amplified  one person's words are credited to many" in out

    def test_omissions_view_ranks_most_lost_first(self, harbour: sc.Comparison) -> None:
        """Omitted sentences come first, then the least covered; dropped words are marked."""
        out = render(views.omissions_view(harbour), width=100)
        rows = re.findall(r"^\s+(S\d+)\s+(omitted|partial|kept)\s+(\d+)%", out, re.MULTILINE)
        ranks = [
            ({"omitted": 0, "partial": 1, "kept": 2}[fate], int(kept)) for _, fate, kept in rows
        ]
        assert ranks == sorted(ranks)
        assert rows[0][1] == "omitted"
        assert "{-Samuel Oduya, spokesman" in out
        assert "{-Port Alder Water Authority (PAWA)-}" in out
        assert "“Northcoast University”" in out

    def test_side_by_side_pairs_sources(self, rail: sc.Comparison) -> None:
        """Each derivative segment sits next to its label, support and wire sources."""
        out = render(views.side_by_side_view(rail), width=120)
        assert "fused" in out
        assert "H0 0.75" in out
        assert "{-officials said-}" in out
        assert "{+What Happened+}" in out
        assert "no wire source" in out

    def test_several_wires_name_their_sentences(self) -> None:
        """With several wires, wire sentences are named with their wire, w1:S4."""
        wire = (ARTICLES / "rail_wire.txt").read_text(encoding="utf-8")
        first, second = wire[: wire.index("Robert J. Vance")], wire[wire.index("Robert J. Vance") :]
        result = sc.compare([first, second], ARTICLES / "rail_rewrite.txt")
        out = render(result, width=100)
        assert "w1:S" in out
        assert "w0:S" in out


class TestEmpty:
    """Views with nothing to show say so in a sentence."""

    def test_no_findings(self, quiet: sc.Comparison) -> None:
        """No findings: a sentence instead of an empty table."""
        assert not quiet.findings
        out = render(views.findings_view(quiet), width=80)
        assert "No findings: the detectors flagged nothing." in out
        assert "severity" not in out

    def test_no_speakers(self, quiet: sc.Comparison) -> None:
        """No wire speakers: a sentence instead of an empty table."""
        assert not quiet.speakers
        out = render(views.speakers_view(quiet), width=80)
        assert "no speakers to follow" in out
        assert "credited to" not in out

    def test_nothing_dropped_or_highlighted(self, quiet: sc.Comparison) -> None:
        """Nothing omitted and nothing highlighted: sentences say so."""
        out = render(comparison_view(quiet), width=80)
        assert "Every wire sentence is kept in full." in out
        assert "No name, figure or quote of the wire is reported missing." in out
        assert "Nothing is highlighted: no finding points into the derivative." in out


# --- no colour, narrow terminals ---------------------------------------------------------


class TestReadability:
    """The report reads at 80 columns and without colour."""

    @pytest.mark.parametrize("name", ["harbour", "rail"])
    def test_no_line_exceeds_80_columns(self, name: str) -> None:
        """At width 80 every line of the full report fits in 80 cells."""
        out = render(comparison_view(pair(name)), width=80)
        widest = max(out.splitlines(), key=cell_len)
        assert cell_len(widest) <= 80, widest

    @pytest.mark.parametrize("name", ["harbour", "rail"])
    def test_nothing_cut_off_at_80_columns(self, name: str) -> None:
        """At width 80 no word of either text is folded or cut, and headers are whole."""
        result = pair(name)
        out = render(comparison_view(result), width=80)
        words = "\n".join(_MARKER_RE.sub(" ", out).split())
        segments = [*result.derivative.segments, *result.wire.sentences]
        missing = {t.text for s in segments for t in s.tokens if t.text not in words}
        assert not missing
        for header in ("severity", "where", "credited to", "derivative text", "label"):
            assert header in out

    def test_no_colour_keeps_severity_and_highlights(self, harbour: sc.Comparison) -> None:
        """Without colour, severities are words and highlights have textual markers."""
        out = render(comparison_view(harbour), width=100)
        assert "\x1b" not in out
        assert re.search(r"^high\s", out, re.MULTILINE)
        assert re.search(r"^medium\s", out, re.MULTILINE)
        assert re.search(r"^low\s", out, re.MULTILINE)
        for marker in ("{+", "{!", "{@", "{-"):
            assert marker in out

    def test_same_text_in_colour_and_without(self, harbour: sc.Comparison) -> None:
        """Colour adds styles only: stripped of them, the output is the plain one."""
        plain = render(comparison_view(harbour), width=100)
        coloured = render(comparison_view(harbour), width=100, color_system="truecolor")
        assert _SGR_RE.sub("", coloured) == plain


# --- article text is shown literally -----------------------------------------------------


class TestLiteralText:
    """Markup, escape sequences and HTML in an article appear as typed, in every output."""

    def test_terminal_without_colour(self, hostile: sc.Comparison) -> None:
        """The plain report shows markup and tags as typed and escapes ESC visibly."""
        out = render(hostile, width=200)
        assert MARKUP in out
        assert LINK in out
        assert HTML in out
        assert "\\x1b[31mred\\x1b[0m" in out
        assert "\x1b" not in out

    def test_terminal_in_colour(self, hostile: sc.Comparison) -> None:
        """In colour, the only escape sequences are the report's own colours."""
        out = render(hostile, width=200, color_system="truecolor")
        text = _SGR_RE.sub("", out)
        assert "\x1b" not in text  # no raw ESC of the article's, and no OSC 8 hyperlink
        assert MARKUP in text
        assert LINK in text
        assert HTML in text
        assert "\\x1b[31mred\\x1b[0m" in text

    def test_html(self, hostile: sc.Comparison) -> None:
        """The HTML page escapes the tag and shows markup and the ESC escape as text."""
        page = export_html(hostile, width=200)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<script" not in page
        assert "href" not in page
        assert MARKUP in page
        assert LINK in page
        assert "\\x1b[31mred\\x1b[0m" in page
        assert "\x1b" not in page

    def test_svg(self, hostile: sc.Comparison) -> None:
        """The SVG image escapes the tag and shows markup and the ESC escape as text."""
        image = export_svg(hostile, width=200)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in image
        assert "<script" not in image
        assert MARKUP.replace(" ", "&#160;") in image
        assert LINK in image
        assert "\\x1b</text>" in image  # in its own style, then the rest of the sequence:
        assert "[31mred" in image
        assert "\x1b" not in image

    def test_safe_text_is_never_markup(self) -> None:
        """safe_text keeps brackets and makes control characters visible."""
        text = safe_text(f"{MARKUP} {ANSI}")
        assert text.plain == f"{MARKUP} \\x1b[31mred\\x1b[0m"
        assert isinstance(text, Text)


# --- theme -------------------------------------------------------------------------------


class TestTheme:
    """Every style is named, and a user's theme overrides the defaults."""

    def test_every_style_used_is_named(self) -> None:
        """Severities, fates, labels, segment kinds and highlight layers all have styles."""
        from sourcecompare._align import AlignmentLabel, WireFate  # noqa: PLC0415
        from sourcecompare._documents import SegmentKind  # noqa: PLC0415

        wanted = [f"sourcecompare.severity.{s.value}" for s in sc.Severity]
        wanted += [f"sourcecompare.fate.{f.value}" for f in (*sc.SpeakerFate, *WireFate)]
        wanted += [f"sourcecompare.label.{label.value}" for label in AlignmentLabel]
        wanted += [f"sourcecompare.{kind.value}" for kind in SegmentKind]
        wanted += [
            f"sourcecompare.{name}"
            for name in ("framing", "omission", "attribution", "added", "flagged")
        ]
        assert [name for name in wanted if name not in STYLES] == []

    def test_user_theme_overrides_a_style(self, rail: sc.Comparison) -> None:
        """A console theme that restyles high severity wins over the default."""
        theme = Theme({"sourcecompare.severity.high": "bold green"})
        out = render(views.findings_view(rail), width=100, color_system="truecolor", theme=theme)
        assert "\x1b[1;32mhigh" in out
        assert "\x1b[1;31mhigh" not in out
        default = render(views.findings_view(rail), width=100, color_system="truecolor")
        assert "\x1b[1;31mhigh" in default

    def test_export_theme(self, rail: sc.Comparison) -> None:
        """export_html and export_svg take a theme that overrides the defaults."""
        theme = Theme({"sourcecompare.added": "bold blue"})
        assert export_html(rail, theme=theme) != export_html(rail)
        assert export_svg(rail, theme=theme) != export_svg(rail)


# --- export ------------------------------------------------------------------------------


class TestExport:
    """HTML and SVG exports are self-contained and deterministic."""

    def test_comparison_methods_use_the_exports(self, rail: sc.Comparison) -> None:
        """Comparison.to_html and to_svg give what export_html and export_svg give."""
        assert rail.to_html(width=80) == export_html(rail, width=80)
        assert rail.to_svg(width=80) == export_svg(rail, width=80)

    def test_html_is_self_contained(self, harbour: sc.Comparison) -> None:
        """The HTML page links to nothing: no URL, script, stylesheet or image."""
        page = export_html(harbour)
        assert page.startswith("<!DOCTYPE html>")
        for needle in ("http", "<script", "<link", "src=", "@import"):
            assert needle not in page
        assert "harbour_rewrite.txt against harbour_wire.txt" in page

    def test_svg_names_only_rich_font(self, harbour: sc.Comparison) -> None:
        """The SVG image's only URLs are Rich's Fira Code font, its namespace and credit."""
        urls = set(re.findall(r"https?://[^\s\"')]+", export_svg(harbour)))
        fonts = {
            u for u in urls if u.startswith("https://cdnjs.cloudflare.com/ajax/libs/firacode/")
        }
        assert urls - fonts == {"http://www.w3.org/2000/svg", "https://www.textualize.io"}

    def test_svg_title_and_width(self, rail: sc.Comparison) -> None:
        """The title is drawn, and the width sets the layout."""
        image = export_svg(rail, width=80, title="rail check")
        assert "rail&#160;check" in image
        assert image != export_svg(rail, width=100, title="rail check")


class TestDeterminism:
    """The same comparison renders to the same output every time."""

    def test_terminal(self, harbour: sc.Comparison) -> None:
        """Two renders of one comparison, and of an equal one, are identical."""
        first = render(harbour, width=100, color_system="truecolor")
        assert render(harbour, width=100, color_system="truecolor") == first
        assert render(pair("harbour"), width=100, color_system="truecolor") == first

    def test_html_and_svg(self, harbour: sc.Comparison) -> None:
        """HTML and SVG are byte-identical across runs and equal comparisons."""
        assert export_html(harbour) == export_html(pair("harbour"))
        assert export_svg(harbour) == export_svg(pair("harbour"))

    def test_svg_ids_differ_between_reports(
        self, harbour: sc.Comparison, rail: sc.Comparison
    ) -> None:
        """Different reports get different element ids, so they can share a page."""
        ids = {
            re.search(r"sourcecompare-[0-9a-f]{12}", export_svg(c)).group()  # type: ignore[union-attr]
            for c in (harbour, rail)
        }
        assert len(ids) == 2


class TestMarked:
    """The helper that highlights stretches of a segment by offset."""

    def test_crossing_stretches_pair_up(self) -> None:
        """Where two stretches cross, the inner one closes and reopens."""
        text = views._marked("abc def ghi", 10, [("added", 10, 17), ("framing", 14, 21)])
        assert text.plain == "{+abc {!def!}+}{! ghi!}"

    def test_longer_stretch_is_outer(self) -> None:
        """Stretches starting together nest longest outermost."""
        text = views._marked("abc def", 0, [("added", 0, 3), ("attribution", 0, 7)])
        assert text.plain == "{@{+abc+} def@}"

    def test_whitespace_joins_a_layer(self) -> None:
        """Stretches of one layer separated by white space only are one stretch."""
        text = views._marked("Experts  say it", 0, [("attribution", 0, 7), ("attribution", 9, 12)])
        assert text.plain == "{@Experts  say@} it"

    def test_styles_by_offset(self) -> None:
        """Each stretch, markers included, is styled by offset after escapes are made visible."""
        text = views._marked("\x1b odd", 0, [("framing", 2, 5)])
        assert text.plain == "\\x1b {!odd!}"
        spans = [(s.start, s.end, s.style) for s in text.spans]
        assert (5, 12, "sourcecompare.framing") in spans
        assert (0, 4, "sourcecompare.escape") in spans


def main(argv: list[str] | None = None) -> int:
    """Regenerate the golden files (``--regenerate``); print which changed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regenerate", action="store_true", help="rewrite tests/golden/")
    args = parser.parse_args(argv)
    if not args.regenerate:
        parser.error("nothing to do; pass --regenerate to rewrite the golden files")
    changed = regenerate()
    sys.stdout.write("".join(f"rewrote tests/golden/{name}\n" for name in changed) or "no change\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())


class TestReportTable:
    """The report's one-pass table draws exactly what rich's Table draws."""

    @staticmethod
    def _table_views(comparison: sc.Comparison) -> list[RenderableType]:
        return [
            comparison,
            comparison.derivative,
            comparison.alignment,
            views.speakers_view(comparison),
        ]

    @pytest.mark.parametrize("width", [8, 13, 25, 40, 61, 80, 100, 163])
    @pytest.mark.parametrize("color_system", [None, "truecolor"])
    def test_same_as_rich_table(
        self,
        monkeypatch: pytest.MonkeyPatch,
        harbour: sc.Comparison,
        hostile: sc.Comparison,
        width: int,
        color_system: Literal["truecolor"] | None,
    ) -> None:
        """Every table view, at widths from too narrow to wide, with and without colour."""
        from rich import box  # noqa: PLC0415
        from rich.table import Table  # noqa: PLC0415

        renderables = [*self._table_views(harbour), *self._table_views(hostile)]
        fast = [render(r, width=width, color_system=color_system) for r in renderables]
        monkeypatch.setattr(
            views,
            "_table",
            lambda: Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False),
        )
        assert [render(r, width=width, color_system=color_system) for r in renderables] == fast


class TestCellLines:
    """Table cells of text, rendered line by line, come out as render_lines gives them."""

    @staticmethod
    def _shown(lines: list[list[Segment]]) -> list[list[tuple[str, Style | None]]]:
        """What each line shows: its non-empty segments, a null style counted as none."""
        return [[(s.text, s.style or None) for s in line if s.text] for line in lines]

    @pytest.mark.parametrize("width", [1, 3, 12, 40])
    def test_same_lines_as_render_lines(self, width: int) -> None:
        """Texts with and without styles, spans, blank lines, tabs, wide characters, ends."""
        console = Console(file=io.StringIO(), width=60, color_system="truecolor", theme=THEME)
        texts = []
        for plain in ["", "one", "a few words to wrap here", "two\nlines", "ends\n", "\n\nx\n\n"]:
            for end in ["", "\n"]:
                for style in ["", "sourcecompare.muted", "bold red"]:
                    text = Text(plain, style=style, end=end)
                    texts.append(text)
                    spanned = text.copy()
                    spanned.stylize("sourcecompare.added", 1, 5)
                    texts.append(spanned)
        texts += [
            Text("tab\there and 漢字 wide", justify="right"),
            Text("centred words over lines", justify="center", overflow="ellipsis"),
            Text("no wrap at all, however long it is", no_wrap=True, overflow="crop"),
            Text("fully justified words across a couple of lines", justify="full"),
            Text.assemble(("styled", "bold"), " and ", ("linked", "link https://x")),
        ]
        for text in texts:
            for no_wrap, overflow in [(False, "fold"), (True, "ellipsis"), (False, None)]:
                options = console.options.update(width=width, no_wrap=no_wrap, overflow=overflow)
                expected = console.render_lines(text, options, style=Style.null(), pad=True)
                for cell in (text, Fill(text)):
                    actual = _cell_lines(console, cell, options)
                    assert self._shown(actual) == self._shown(expected), (text, width)
