r"""Rich views of sourcecompare's objects, and the theme their styles come from.

Article text is untrusted data. Every piece of it reaches Rich as a :class:`rich.text.Text`
built by :func:`safe_text`, never as a string Rich would parse for markup; control
characters (ANSI escapes included) and lone surrogates are replaced by visible escapes
such as ``\x1b``, so they can neither restyle the terminal nor crash an encoder.

Styles are named (``sourcecompare.heading`` ...) and resolved through :data:`THEME`;
pass your own :class:`rich.theme.Theme` to a console to restyle them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from rich import box
from rich.console import Group
from rich.errors import MissingStyle
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from sourcecompare._align import Alignment
    from sourcecompare._documents import Document

__all__ = ["STYLES", "THEME", "Themed", "alignment_view", "document_view", "safe_text"]

STYLES: Final = {
    "sourcecompare.title": "bold",
    "sourcecompare.label": "bold cyan",
    "sourcecompare.muted": "dim",
    "sourcecompare.headline": "bold",
    "sourcecompare.heading": "bold magenta",
    "sourcecompare.sentence": "",
    "sourcecompare.furniture": "yellow",
    "sourcecompare.credit": "bold yellow",
    "sourcecompare.escape": "reverse",
    "sourcecompare.label.verbatim": "green",
    "sourcecompare.label.edited": "green",
    "sourcecompare.label.paraphrase": "cyan",
    "sourcecompare.label.fused": "cyan",
    "sourcecompare.label.embellished": "yellow",
    "sourcecompare.label.unsupported": "bold red",
    "sourcecompare.fate.kept": "green",
    "sourcecompare.fate.partial": "yellow",
    "sourcecompare.fate.omitted": "bold red",
}
"""Every style name sourcecompare uses, with its default."""

THEME: Final = Theme(STYLES)
"""The default theme; push it onto a console or inherit from it."""


class Themed:
    """Render *renderable* with sourcecompare's default styles wherever the console lacks them.

    Styles the console already defines (through a theme its owner pushed) win, so a
    user's theme overrides ours; ``rich.print`` on a plain console still works.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        missing = {}
        for name, style in STYLES.items():
            try:
                console.get_style(name)
            except MissingStyle:  # noqa: PERF203 - a dozen names, once per render
                missing[name] = style
        if missing:
            console.push_theme(Theme(missing, inherit=False), inherit=True)
        try:
            lines = list(console.render(self.renderable, options))
        finally:
            if missing:
                console.pop_theme()
        yield from lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


_UNSAFE_RE: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: str, style: str = "") -> Text:
    r"""Return *text* as a Rich ``Text`` that shows it literally.

    Markup such as ``[bold]`` stays as typed (``Text`` is never parsed), and control
    characters other than tab and newline, as well as lone surrogates, become visible
    escapes (``\x1b``) in the ``sourcecompare.escape`` style.
    """
    result = Text(style=style, end="")
    position = 0
    for match in _UNSAFE_RE.finditer(text):
        result.append(text[position : match.start()])
        result.append(_escape(match), style="sourcecompare.escape")
        position = match.end()
    result.append(text[position:])
    return result


def _table() -> Table:
    """The frameless, full-width table every view uses."""
    return Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _span(start: int, end: int) -> Text:
    return Text(f"{start}–{end}", style="sourcecompare.muted")


def document_view(doc: Document) -> RenderableType:
    """A view of a parsed document: its furniture and credits, then its segments."""
    header = _table()
    header.add_column("furniture", style="sourcecompare.label", no_wrap=True)
    header.add_column("text", ratio=1, overflow="fold")
    header.add_column("span", justify="right", no_wrap=True)
    rows: list[tuple[int, int, str, Text]] = []
    headline = doc.headline
    if headline is not None:
        rows.append(
            (
                headline.start,
                headline.end,
                "headline",
                safe_text(headline.text, "sourcecompare.headline"),
            )
        )
    for item in doc.furniture:
        cell = safe_text(item.text, "sourcecompare.furniture")
        if item.kind.value == "dateline" and doc.dateline is not None:
            line = doc.dateline
            parts = [f"place {line.place}"]
            parts += [f"date {line.date}"] if line.date else []
            parts += [f"agency {line.agency}"] if line.agency else []
            cell.append_text(safe_text(f"  ({', '.join(parts)})", "sourcecompare.muted"))
        if (
            item.kind.value == "byline"
            and doc.byline is not None
            and doc.byline.start == item.start
        ):
            names = ", ".join(doc.byline.names) or "no names"
            cell.append_text(safe_text(f"  (names: {names})", "sourcecompare.muted"))
        rows.append((item.start, item.end, item.kind.value.replace("_", " "), cell))
    for credit in doc.credits:
        where = credit.where.replace("_", " ")
        cell = Text.assemble(
            safe_text(credit.agency, "sourcecompare.credit"),
            safe_text(f"  as “{credit.text}” in the {where}", "sourcecompare.muted"),
        )
        rows.append((credit.start, credit.end, "credit", cell))
    for start, end, label, cell in sorted(rows, key=lambda r: (r[0], r[1], r[2])):
        header.add_row(label, cell, _span(start, end))
    if doc.published is not None:
        header.add_row("published", Text(doc.published.isoformat()), Text(""))

    body = _table()
    body.add_column("#", justify="right", style="sourcecompare.muted", no_wrap=True)
    body.add_column("kind", style="sourcecompare.label", no_wrap=True)
    body.add_column("¶", justify="right", style="sourcecompare.muted", no_wrap=True)
    body.add_column("text", ratio=1, overflow="fold")
    for segment in doc.segments:
        style = f"sourcecompare.{segment.kind.value}"
        body.add_row(
            str(segment.index),
            segment.kind.value,
            str(segment.paragraph),
            safe_text(segment.text, style),
        )
    counts = Text.assemble(
        (_count(len(doc.sentences), "sentence"), "sourcecompare.label"),
        f", {_count(len(doc.headings), 'heading')}, ",
        f"{_count(len(doc.paragraphs), 'paragraph')}, ",
        _count(sum(len(s.tokens) for s in doc.segments), "token"),
    )
    title = safe_text(doc.doc_id or "document", "sourcecompare.title")
    return Themed(
        Panel(
            Group(header, counts, body) if header.row_count else Group(counts, body),
            title=title,
            title_align="left",
            box=box.ROUNDED,
        )
    )


def _source_name(alignment: Alignment, wire: int, segment: int) -> str:
    doc = alignment.wires[wire].segments[segment]
    prefix = f"w{wire}:" if len(alignment.wires) > 1 else ""
    kind = "H" if doc.kind.value == "headline" else "S"
    return f"{prefix}{kind}{segment}"


def alignment_view(alignment: Alignment) -> RenderableType:
    """A view of an alignment: derivative segments, then wire sentences.

    Each derivative segment shows its label, support and sources; each wire
    sentence its fate, coverage and the derivative segments that keep it.
    """
    derivative = _table()
    derivative.add_column("#", justify="right", style="sourcecompare.muted", no_wrap=True)
    derivative.add_column("label", no_wrap=True)
    derivative.add_column("support", justify="right", no_wrap=True)
    derivative.add_column("sources", no_wrap=True)
    derivative.add_column("derivative text", ratio=1, overflow="fold")
    for entry in alignment.segments:
        segment = alignment.derivative.segments[entry.segment]
        derivative.add_row(
            str(entry.segment),
            Text(entry.label.value, style=f"sourcecompare.label.{entry.label.value}"),
            f"{entry.support:.2f}",
            " ".join(_source_name(alignment, s.wire, s.segment) for s in entry.sources),
            safe_text(segment.text),
        )
    wire = _table()
    wire.add_column("wire", justify="right", style="sourcecompare.muted", no_wrap=True)
    wire.add_column("fate", no_wrap=True)
    wire.add_column("coverage", justify="right", no_wrap=True)
    wire.add_column("kept in", no_wrap=True)
    wire.add_column("wire text", ratio=1, overflow="fold")
    for fate in alignment.wire_sentences:
        segment = alignment.wires[fate.wire].segments[fate.segment]
        wire.add_row(
            _source_name(alignment, fate.wire, fate.segment),
            Text(fate.fate.value, style=f"sourcecompare.fate.{fate.fate.value}"),
            f"{fate.coverage:.2f}",
            " ".join(str(i) for i in fate.derivative_segments),
            safe_text(segment.text),
        )
    summary = Text.assemble(
        ("wire kept ", "sourcecompare.label"),
        f"{alignment.kept_share:.0%}",
        ("   derivative supported ", "sourcecompare.label"),
        f"{alignment.supported_share:.0%}",
        ("   verbatim ", "sourcecompare.label"),
        f"{alignment.verbatim_share:.0%}",
    )
    title = safe_text(
        f"{alignment.derivative.doc_id or 'derivative'} against "
        f"{', '.join(w.doc_id or 'wire' for w in alignment.wires)}",
        "sourcecompare.title",
    )
    return Themed(
        Panel(Group(summary, derivative, wire), title=title, title_align="left", box=box.ROUNDED)
    )
