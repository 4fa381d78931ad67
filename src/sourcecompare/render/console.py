r"""Rich views of sourcecompare's objects, and the theme their styles come from.

Article text is untrusted data. Every piece of it reaches Rich as a :class:`rich.text.Text`
built by :func:`safe_text`, never as a string Rich would parse for markup; control
characters (ANSI escapes included) and lone surrogates are replaced by visible escapes
such as ``\x1b``, so they can neither restyle the terminal nor crash an encoder.

A :class:`~sourcecompare.Comparison` has six views, each a function of the comparison:
:func:`summary_view`, :func:`findings_view`, :func:`annotated_view`,
:func:`speakers_view`, :func:`omissions_view` and :func:`side_by_side_view`;
:func:`comparison_view` stacks them into the full report that ``rich.print(comparison)``
shows. Highlighted words carry a textual marker (``{+added+}``, ``{-dropped-}`` ...) as
well as a style, so the report reads the same without colour.

Styles are named (``sourcecompare.heading`` ...) and resolved through :data:`THEME`;
pass your own :class:`rich.theme.Theme` to a console to restyle them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from rich import box
from rich.console import Group, NewLine
from rich.errors import MissingStyle
from rich.measure import Measurement
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from sourcecompare.render._table import Fill, ReportTable

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from sourcecompare._align import Alignment, WireSentenceAlignment
    from sourcecompare._comparison import Comparison, SpeakerOutcome
    from sourcecompare._documents import Document, Segment
    from sourcecompare._findings import Finding
    from sourcecompare._spans import Span

__all__ = [
    "STYLES",
    "THEME",
    "Themed",
    "alignment_view",
    "annotated_view",
    "comparison_view",
    "document_view",
    "findings_view",
    "omissions_view",
    "safe_text",
    "side_by_side_view",
    "speakers_view",
    "summary_view",
]

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
    "sourcecompare.fate.mentioned": "cyan",
    "sourcecompare.fate.changed": "bold red",
    "sourcecompare.fate.amplified": "bold red",
    "sourcecompare.fate.generalised": "red",
    "sourcecompare.fate.dropped": "bold red",
    "sourcecompare.rule": "dim",
    "sourcecompare.figure": "bold",
    "sourcecompare.kind": "bold",
    "sourcecompare.severity.high": "bold red",
    "sourcecompare.severity.medium": "yellow",
    "sourcecompare.severity.low": "cyan",
    "sourcecompare.added": "yellow",
    "sourcecompare.framing": "bold magenta",
    "sourcecompare.attribution": "bold red",
    "sourcecompare.omission": "red",
    "sourcecompare.flagged": "bold",
    "sourcecompare.caveat": "bold yellow",
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
    if _UNSAFE_RE.search(text) is None:  # as nearly always: the text as it is
        return Text(text, style=style, end="")
    result = Text(style=style, end="")
    _append_safe(result, text)
    return result


def _append_safe(result: Text, text: str) -> None:
    """Append *text* to *result* as :func:`safe_text` shows it, with no ``Text`` between."""
    position = 0
    for match in _UNSAFE_RE.finditer(text):
        result.append(text[position : match.start()])
        result.append(_escape(match), style="sourcecompare.escape")
        position = match.end()
    result.append(text[position:])


def _table() -> Table:
    """The frameless, full-width table every view uses (drawn in one pass: see _table.py)."""
    return ReportTable()


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
    return Themed(
        Panel(
            Group(summary, derivative, wire),
            title=_versus(alignment),
            title_align="left",
            box=box.ROUNDED,
        )
    )


def _versus(alignment: Alignment) -> Text:
    """The title "*derivative* against *wire*, ..." of the alignment and summary panels."""
    return safe_text(
        f"{alignment.derivative.doc_id or 'derivative'} against "
        f"{', '.join(w.doc_id or 'wire' for w in alignment.wires)}",
        "sourcecompare.title",
    )


# --- the comparison report -----------------------------------------------------------------

_MARKERS: Final = {
    "added": ("{+", "+}"),
    "omission": ("{-", "-}"),
    "attribution": ("{@", "@}"),
    "framing": ("{!", "!}"),
    "flagged": ("{*", "*}"),
}
"""The textual marker pair of each highlight layer (in the order ties nest, outermost first).

Markers say what the layer's style says, for readers without colour and in copied text.
"""

_ADDED_KINDS: Final = frozenset(
    {
        "framing.unsupported_sentence",
        "framing.added_heading",
        "framing.embellishment",
        "framing.added_fact",
    }
)

_ANNOTATION_LEGEND: Final = {
    "added": "not in the wire: unsupported sentences, headings, embellishments, facts",
    "attribution": "who said it changed: a speaker dropped, replaced or invented, a cue changed",
    "framing": "framing: evaluative, speculative, certainty- or claim-strength-changing words",
    "omission": "flagged as an omission",
    "flagged": "flagged by another detector",
}

_SIDE_BY_SIDE_LEGEND: Final = {
    "added": "derivative words its wire sources do not cover",
    "omission": "wire words the derivative segment leaves out",
}

_FATE_NOTES: Final = {
    "kept": "still credited with their words at least once (a second line, when there is "
    "one, counts how their words are presented each time they are carried)",
    "mentioned": "named, but none of their words are credited to them",
    "changed": "their words are credited to somebody else",
    "amplified": "one person's words are credited to many",
    "generalised": "their words are credited to an unnamed source",
    "dropped": "their words are carried with no source at all",
    "omitted": "neither their words nor their name are carried",
}

_WIRE_FATE_RANK: Final = {"omitted": 0, "partial": 1, "kept": 2}

_Mark = tuple[str, int, int]
"""A highlight: its layer (a key of :data:`_MARKERS`), start and end in document offsets."""


def _add_row(table: Table, *cells: RenderableType, end_section: bool = False) -> None:
    """Add a row to *table*, every string cell as plain text (never parsed as markup)."""
    columns = table.columns
    table.add_row(
        *(
            Fill(text) if table.expand and columns[i].ratio else text
            for i, text in enumerate(Text(c) if isinstance(c, str) else c for c in cells)
        ),
        end_section=end_section,
    )


def _layer(finding: Finding) -> str:
    """The highlight layer of a finding: added, framing, attribution, omission or flagged."""
    if finding.kind in _ADDED_KINDS:
        return "added"
    return finding.category if finding.category in _MARKERS else "flagged"


def _section(title: str, *body: RenderableType) -> Group:
    """A titled part of the report: a rule naming it, then its contents."""
    return Group(
        Rule(Text(title, style="sourcecompare.title"), align="left", style="sourcecompare.rule"),
        *body,
    )


def _joined(text: str, offset: int, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort *spans* and join those that overlap or are separated by white space only."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (
            start <= merged[-1][1] or not text[merged[-1][1] - offset : start - offset].strip()
        ):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, offset: int, marks: Iterable[_Mark], style: str = "") -> Text:
    """*text*, which starts at *offset* in its document, with *marks* highlighted.

    Marks of one layer that overlap or are separated by white space only are joined
    into stretches. Each stretch is wrapped in its layer's markers (``{+``, ``+}``) and
    styled ``sourcecompare.<layer>`` by offset with :meth:`Text.stylize`. A stretch
    stays open while shorter ones open and close inside it; stretches that start
    together nest longest outermost (then in :data:`_MARKERS` order); where two cross,
    the inner one is closed and reopened at the outer one's end, so markers always
    pair up. Parts of marks outside the text are ignored.
    """
    end = offset + len(text)
    clipped: dict[str, list[tuple[int, int]]] = {}
    for layer, start, stop in marks:
        if max(start, offset) < min(stop, end):
            clipped.setdefault(layer, []).append((max(start, offset), min(stop, end)))
    layers = {layer: _joined(text, offset, spans) for layer, spans in clipped.items()}
    cuts = sorted({offset, end, *(p for spans in layers.values() for s in spans for p in s)})
    order = list(_MARKERS)
    result = Text(style=style, end="")
    opened: list[tuple[str, int]] = []  # the open layers, outermost first, with their start
    styled: list[tuple[int, int, str]] = []

    def close(keep: int) -> None:
        while len(opened) > keep:
            layer, start = opened.pop()
            result.append(_MARKERS[layer][1])
            styled.append((start, len(result), layer))

    for start, stop in itertools.pairwise(cuts):
        # Each layer active here, with the end of its stretch.
        ends = {layer: b for layer, spans in layers.items() for a, b in spans if a <= start < b}
        close(next((i for i, (layer, _) in enumerate(opened) if layer not in ends), len(opened)))
        still = {layer for layer, _ in opened}
        for layer in sorted(ends.keys() - still, key=lambda n: (-ends[n], order.index(n))):
            opened.append((layer, len(result)))
            result.append(_MARKERS[layer][0])
        _append_safe(result, text[start - offset : stop - offset])
    close(0)
    for start, stop, layer in sorted(styled, key=lambda s: (s[0], -s[1])):
        result.stylize(f"sourcecompare.{layer}", start, stop)  # outer first, inner on top
    return result


def _token_runs(segment: Segment, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of the tokens in *ranges* (token index ranges of *segment*).

    Runs are joined across the function words between them, so "{-Alder Bay-} {-Fishermen-}"
    reads as one stretch, and "of the" between two dropped words is not left out.
    """
    tokens = segment.tokens
    runs: list[tuple[int, int]] = []
    previous = -1
    for index in sorted({i for first, last in ranges for i in range(first, last)}):
        if runs and all(tokens[k].is_stop for k in range(previous + 1, index)):
            runs[-1] = (runs[-1][0], tokens[index].end)
        else:
            runs.append((tokens[index].start, tokens[index].end))
        previous = index
    return [_closing_bracket(segment, start, end) for start, end in runs]


def _closing_bracket(segment: Segment, start: int, end: int) -> tuple[int, int]:
    """The run, taking in a closing bracket right after it whose opening one it holds."""
    inside = segment.text[start - segment.start : end - segment.start]
    after = segment.text[end - segment.start : end - segment.start + 1]
    for opening, closing in ("()", "[]"):
        if after == closing and inside.count(opening) > inside.count(closing):
            return start, end + 1
    return start, end


def _notes(rows: Iterable[tuple[Text, str]]) -> Table:
    """A key: each row a term and, wrapped beside it, what it means."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(style="sourcecompare.muted", ratio=1)
    for term, meaning in rows:
        _add_row(grid, term, meaning)
    return grid


def _legend(layers: Iterable[str], notes: dict[str, str]) -> Table:
    """A key to the highlight layers in *layers*: their markers, in their style, and meaning."""
    shown = set(layers)
    return _notes(
        (Text(f"{opening}…{closing}", f"sourcecompare.{layer}"), notes[layer])
        for layer, (opening, closing) in _MARKERS.items()
        if layer in shown
    )


def _tally(pairs: Iterable[tuple[str, int]], style: str) -> Text:
    """``"16 kept, 4 omitted"``: the non-zero counts, each name in ``<style>.<name>``."""
    return _listed(
        Text.assemble(f"{count} ", (name, f"{style}.{name}" if style else ""))
        for name, count in pairs
        if count
    )


def _listed(items: Iterable[Text]) -> Text:
    """The items separated by commas, or "none"."""
    return Text(", ").join(items) or Text("none")


def _segments_at(doc: Document, spans: Iterable[Span]) -> list[int]:
    """The indices of *doc*'s segments that the spans start in, sorted."""
    starts = [segment.start for segment in doc.segments]
    found: set[int] = set()
    for span in spans:
        index = bisect.bisect_right(starts, span.start) - 1
        if index >= 0 and span.start < doc.segments[index].end:
            found.add(index)
    return sorted(found)


def _numbers(indices: Iterable[int]) -> str:
    """``"9, 10"``, or an em dash when there are none."""
    return ", ".join(str(i) for i in indices) or "—"


def _wire_names(alignment: Alignment, wire: int, segments: Iterable[int]) -> str:
    """``"S4, S7"`` (``"w1:S4"`` with several wires), or an em dash when there are none."""
    return ", ".join(_source_name(alignment, wire, s) for s in segments) or "—"


def _quoted(text: str, spans: Iterable[Span], style: str) -> Text:
    """The distinct stretches of *text* the spans cover, each in quotes, in order."""
    words = dict.fromkeys(" ".join(span.slice(text).split()) for span in spans)
    return Text(" ").join(safe_text(f"“{word}”", style) for word in words)


def _severity(finding: Finding) -> Text:
    """The finding's severity as a word in its ``sourcecompare.severity.*`` style."""
    value = finding.severity.value
    return Text(value, style=f"sourcecompare.severity.{value}")


def summary_view(comparison: Comparison) -> RenderableType:
    """The figures of a comparison, in a panel titled "*derivative* against *wire*".

    How much of the wire is kept and how much of the derivative the wire supports
    (sentences by words, with counts by fate and label), the verbatim share, the wire
    speakers still credited and those no longer credited (with their fate), and the
    findings by severity and by kind. Caveats (a text in lower case, say) come first.
    """
    summary = comparison.summary
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="sourcecompare.label", no_wrap=True)
    grid.add_column(justify="right", style="sourcecompare.figure", no_wrap=True)
    grid.add_column(ratio=1)
    for caveat in comparison.caveats:
        _add_row(grid, Text("caveat", style="sourcecompare.caveat"), "!", caveat.message)
    _add_row(
        grid,
        "wire kept",
        f"{summary.wire_kept:.0%}",
        Text.assemble(
            "of the wire's sentences (by words) kept at least in part: ",
            _tally(summary.wire_fates, "sourcecompare.fate"),
        ),
    )
    _add_row(
        grid,
        "derivative supported",
        f"{summary.derivative_supported:.0%}",
        Text.assemble(
            "of the derivative's sentences (by words) the wire supports; segments: ",
            _tally(summary.derivative_labels, "sourcecompare.label"),
        ),
    )
    _add_row(
        grid,
        "verbatim",
        f"{summary.verbatim:.0%}",
        "of the derivative's sentences (by words) copied",
    )
    lost = [s for s in comparison.speakers if s.fate.lost]
    partly = {s.name: s for s in comparison.speakers if s.partly_lost}
    _add_row(
        grid,
        "speakers kept",
        str(len(summary.speakers_kept)),
        _listed(
            Text.assemble(safe_text(name), *_partly(partly[name]))
            if name in partly
            else safe_text(name)
            for name in summary.speakers_kept
        ),
    )
    _add_row(
        grid,
        "speakers lost",
        str(len(summary.speakers_dropped)),
        _listed(
            Text.assemble(
                safe_text(s.name), " (", (s.fate.value, f"sourcecompare.fate.{s.fate.value}"), ")"
            )
            for s in lost
        ),
    )
    _add_row(
        grid,
        "findings",
        str(summary.findings),
        _tally(summary.by_severity, "sourcecompare.severity"),
    )
    categories: dict[str, list[tuple[str, int]]] = {}
    for kind, count in summary.by_kind:
        category, _, name = kind.partition(".")
        categories.setdefault(category, []).append((name, count))
    known = ["framing", "omission", "attribution"]  # then custom detectors' categories
    for category in sorted(categories, key=lambda c: (known.index(c) if c in known else 3, c)):
        pairs = categories[category]
        _add_row(grid, f"  {category}", str(sum(n for _, n in pairs)), _tally(pairs, ""))
    return Themed(
        Panel(grid, title=_versus(comparison.alignment), title_align="left", box=box.ROUNDED)
    )


def _finding_cell(comparison: Comparison, finding: Finding) -> Text:
    """The kind, the words the finding points at (derivative, else wire) and the message."""
    if finding.derivative_spans:
        words = _quoted(
            comparison.derivative.text,
            finding.derivative_spans,
            f"sourcecompare.{_layer(finding)}",
        )
    elif finding.wire_spans:
        words = Text.assemble(
            ("wire: ", "sourcecompare.muted"),
            _quoted(
                comparison.wires[finding.wire].text, finding.wire_spans, "sourcecompare.omission"
            ),
        )
    else:
        words = Text()
    lines = [Text(finding.kind, style="sourcecompare.kind"), words, safe_text(finding.message)]
    return Text("\n").join(line for line in lines if line)


def _where(comparison: Comparison, finding: Finding) -> str:
    """Where to look: derivative segment numbers, else the wire's sentences, else "wire"."""
    if finding.derivative_segments or finding.derivative_spans:
        return _numbers(
            finding.derivative_segments
            or _segments_at(comparison.derivative, finding.derivative_spans)
        )
    if finding.wire_segments:
        names = _wire_names(comparison.alignment, finding.wire, finding.wire_segments)
        return f"wire {names}"
    return "wire" if finding.wire_spans else "—"


def findings_view(comparison: Comparison) -> RenderableType:
    """A table of the findings, in the order of ``comparison.findings``.

    Each row gives the severity (as a word), where to look (derivative segment numbers,
    or the wire sentences for what the derivative lacks), and the kind, the words the
    finding's spans point at (in quotes) and its explanation. Severities are separated
    by a blank line.
    """
    findings = comparison.findings
    title = f"Findings ({len(findings)})"
    if not findings:
        return Themed(_section(title, Text("No findings: the detectors flagged nothing.")))
    table = _table()
    table.add_column("severity", no_wrap=True)
    table.add_column("where", min_width=5)
    table.add_column("finding", ratio=1)
    for index, finding in enumerate(findings):
        following = findings[index + 1] if index + 1 < len(findings) else None
        _add_row(
            table,
            _severity(finding),
            _where(comparison, finding),
            _finding_cell(comparison, finding),
            end_section=following is not None and following.severity is not finding.severity,
        )
    return Themed(_section(title, table))


def annotated_view(comparison: Comparison) -> RenderableType:
    """The derivative, segment by segment, with what the findings point at highlighted.

    Every derivative span of a finding is highlighted by offset in the style of its
    layer and wrapped in the layer's markers: ``{+…+}`` text the wire does not have
    (unsupported sentences, added headings, embellishments), ``{@…@}`` attribution
    problems, ``{!…!}`` framing words. Paragraphs are separated by a blank line, and a
    legend names the layers shown. Spans outside every segment are listed below.
    """
    doc = comparison.derivative
    marks = [
        (_layer(finding), span.start, span.end)
        for finding in comparison.findings
        for span in finding.derivative_spans
    ]
    table = _table()
    table.add_column("#", justify="right", style="sourcecompare.muted", no_wrap=True)
    table.add_column("derivative text", ratio=1)
    segments = doc.segments
    for index, segment in enumerate(segments):
        own = [m for m in marks if m[1] < segment.end and segment.start < m[2]]
        following = segments[index + 1] if index + 1 < len(segments) else None
        _add_row(
            table,
            str(segment.index),
            _marked(segment.text, segment.start, own, f"sourcecompare.{segment.kind.value}"),
            end_section=following is not None and following.paragraph != segment.paragraph,
        )
    body: list[RenderableType] = [table]
    outside = [
        span
        for finding in comparison.findings
        for span in finding.derivative_spans
        if not any(span.start < s.end and s.start < span.end for s in segments)
    ]
    if outside:
        body.append(
            Text.assemble(
                "Also flagged, outside the story's sentences: ",
                _quoted(doc.text, outside, "sourcecompare.flagged"),
            )
        )
    shown = {layer for layer, _, _ in marks}
    body.append(
        _legend(shown, _ANNOTATION_LEGEND)
        if shown
        else Text("Nothing is highlighted: no finding points into the derivative.")
    )
    return Themed(_section("Derivative, annotated", *body))


def _partly(speaker: SpeakerOutcome) -> tuple[str | tuple[str, str], ...]:
    """How a kept speaker's words are carried the other times: " (partly: 2 dropped)"."""
    lost = [(f, n) for f, n in speaker.carried if f.lost]
    parts: list[str | tuple[str, str]] = [" (partly: "]
    for number, (fate, count) in enumerate(lost):
        parts += [", "] if number else []
        parts.append((f"{count} {fate.value}", f"sourcecompare.fate.{fate.value}"))
    return (*parts, ")")


def _carried_counts(speaker: SpeakerOutcome) -> Text:
    """How each carrying of the speaker's words presents them: "1 kept, 2 dropped"."""
    return Text(
        ", ".join(f"{count} {fate.value}" for fate, count in speaker.carried),
        style="sourcecompare.muted",
    )


def _credited(speaker: SpeakerOutcome) -> Text:
    """Who the derivative credits with the speaker's words."""
    dropped = sum(count for fate, count in speaker.carried if fate.value == "dropped")
    nobody = Text("nobody", style="sourcecompare.attribution")
    if speaker.credited_to:
        names = _listed(safe_text(f"“{name}”") for name in speaker.credited_to)
        if dropped and speaker.fate.value != "dropped":
            names.append(", ")
            names.append_text(nobody)
        return names
    fate = speaker.fate.value
    if fate == "kept":
        if dropped:
            return Text.assemble("as in the wire; ", nobody, f" for {dropped}")
        return Text("as in the wire")
    if fate == "omitted":
        return Text("—")
    return nobody


def speakers_view(comparison: Comparison) -> RenderableType:
    """A table of every wire speaker and what became of them in the derivative.

    Each row gives the speaker (and, under the name, what kind of source they are),
    their fate as a word, the wire sentences they speak in, the derivative segments
    that carry their words and whom the derivative credits with them; a key under the
    table says what each fate shown means.
    """
    speakers = comparison.speakers
    title = f"Speakers ({len(speakers)})"
    if not speakers:
        return Themed(
            _section(title, Text("The wire attributes nothing to anyone: no speakers to follow."))
        )
    alignment = comparison.alignment
    table = _table()
    table.add_column("speaker", ratio=4)
    table.add_column("fate", no_wrap=True)
    table.add_column("wire", ratio=2, min_width=4)
    table.add_column("where", ratio=2, min_width=5)
    table.add_column("credited to", ratio=3)
    for index, speaker in enumerate(speakers, 1):
        wire = comparison.wires[speaker.wire]
        fate = speaker.fate.value
        shown = Text(fate, style=f"sourcecompare.fate.{fate}")
        if len(speaker.carried) > 1:
            shown = Text.assemble(shown, "\n", _carried_counts(speaker))
        _add_row(
            table,
            Text.assemble(
                safe_text(speaker.name), "\n", (speaker.kind.value, "sourcecompare.muted")
            ),
            shown,
            _wire_names(alignment, speaker.wire, _segments_at(wire, speaker.wire_spans)),
            _numbers(speaker.derivative_segments),
            _credited(speaker),
            end_section=index < len(speakers),
        )
    present = {s.fate.value for s in speakers}
    notes = _notes(
        (Text(fate, f"sourcecompare.fate.{fate}"), meaning)
        for fate, meaning in _FATE_NOTES.items()
        if fate in present
    )
    return Themed(_section(title, table, notes))


def _dropped_rows(comparison: Comparison) -> list[WireSentenceAlignment]:
    """Wire sentences with dropped words, most lost first: omitted, partial, then kept."""
    entries = [e for e in comparison.alignment.wire_sentences if e.dropped]
    return sorted(
        entries,
        key=lambda e: (_WIRE_FATE_RANK.get(e.fate.value, 3), e.coverage, e.wire, e.segment),
    )


def omissions_view(comparison: Comparison) -> RenderableType:
    """What the derivative leaves out of the wire.

    First the wire sentences it omits or cuts, most lost first (omitted, then partly
    kept, then kept with words dropped; least covered first), each with its fate, how
    much of it is kept, the derivative segments it is kept in, and its text with the
    dropped words marked ``{-…-}``. Then the names, figures and quotes that omission
    findings report missing.
    """
    alignment = comparison.alignment
    rows = _dropped_rows(comparison)
    sentences: RenderableType
    if rows:
        table = _table()
        table.add_column("wire", justify="right", style="sourcecompare.muted", no_wrap=True)
        table.add_column("fate", no_wrap=True)
        table.add_column("kept", justify="right", no_wrap=True)
        table.add_column("where", min_width=5)
        table.add_column("wire sentence, dropped words marked {-…-}", ratio=1)
        for entry in rows:
            segment = alignment.wire_segment(entry)
            runs = (
                [(segment.start, segment.end)]
                if entry.fate.value == "omitted"
                else _token_runs(segment, entry.dropped)
            )
            _add_row(
                table,
                _source_name(alignment, entry.wire, entry.segment),
                Text(entry.fate.value, style=f"sourcecompare.fate.{entry.fate.value}"),
                f"{entry.coverage:.0%}",
                _numbers(entry.derivative_segments),
                _marked(segment.text, segment.start, [("omission", a, b) for a, b in runs]),
            )
        sentences = table
    else:
        sentences = Text("Every wire sentence is kept in full.")
    missing = [
        f for f in comparison.findings if f.category == "omission" and f.kind != "omission.sentence"
    ]
    items: RenderableType
    if missing:
        items = _table()
        items.add_column("severity", no_wrap=True)
        items.add_column("missing", no_wrap=True)
        items.add_column("wire", min_width=4)
        items.add_column("wire words", ratio=1)
        for finding in missing:
            _add_row(
                items,
                _severity(finding),
                finding.kind.partition(".")[2],
                _wire_names(alignment, finding.wire, finding.wire_segments),
                _quoted(
                    comparison.wires[finding.wire].text,
                    finding.wire_spans,
                    "sourcecompare.omission",
                ),
            )
    else:
        items = Text("No name, figure or quote of the wire is reported missing.")
    return Themed(
        _section(
            "Omissions",
            Text("Wire sentences left out or cut, most lost first", style="sourcecompare.label"),
            sentences,
            Text(""),
            Text("Names, figures and quotes left out", style="sourcecompare.label"),
            items,
        )
    )


def side_by_side_view(comparison: Comparison) -> RenderableType:
    """Every derivative segment next to the wire sentences that support it.

    Each row gives the segment number, its text with the words its sources do not cover
    marked ``{+…+}``, its alignment label and support, and each source (named ``S4``,
    with its own score when there are several) with the words the segment leaves out
    marked ``{-…-}``.
    """
    alignment = comparison.alignment
    table = _table()
    table.add_column("#", justify="right", style="sourcecompare.muted", no_wrap=True)
    table.add_column("derivative", ratio=1)
    table.add_column("label", no_wrap=True)
    table.add_column("wire", ratio=1)
    for entry in alignment.segments:
        segment = alignment.derivative_segment(entry)
        label = entry.label.value
        added = (
            [("added", segment.start, segment.end)]
            if label == "unsupported"
            else [("added", a, b) for a, b in _token_runs(segment, entry.new)]
        )
        sources = []
        for source in entry.sources:
            wire = alignment.wire_segment(source)
            name = _source_name(alignment, source.wire, source.segment)
            score = f" {source.score:.2f}" if len(entry.sources) > 1 else ""
            dropped = [("omission", a, b) for a, b in _token_runs(wire, source.dropped)]
            sources.append(
                Text.assemble(
                    (f"{name}{score} ", "sourcecompare.muted"),
                    _marked(wire.text, wire.start, dropped),
                )
            )
        _add_row(
            table,
            str(entry.segment),
            _marked(segment.text, segment.start, added, f"sourcecompare.{segment.kind.value}"),
            Text.assemble((label, f"sourcecompare.label.{label}"), f"\n{entry.support:.2f}"),
            Text("\n").join(sources) if sources else Text("no wire source", "sourcecompare.muted"),
        )
    return Themed(
        _section("Side by side", table, _legend(_SIDE_BY_SIDE_LEGEND, _SIDE_BY_SIDE_LEGEND))
    )


_VIEWS: Final = (
    summary_view,
    findings_view,
    annotated_view,
    speakers_view,
    omissions_view,
    side_by_side_view,
)


def comparison_view(comparison: Comparison) -> RenderableType:
    """The full report that ``rich.print(comparison)`` shows.

    The views in reading order, a blank line apart: the summary, the findings, the
    annotated derivative, the speakers, the omissions, and the derivative side by side
    with the wire.
    """
    parts: list[RenderableType] = []
    for view in _VIEWS:
        if parts:
            parts.append(NewLine())
        parts.extend(_contents(view(comparison)))
    return Themed(Group(*parts))


def _contents(view: RenderableType) -> list[RenderableType]:
    """What a view shows, less its :class:`Themed` wrapper and its outer ``Group``.

    The report is themed once, as a whole, and is one group: the same lines, but every
    segment of it passes through two generators fewer on its way to the console.
    """
    if isinstance(view, Themed):
        view = view.renderable
    return list(view.renderables) if isinstance(view, Group) else [view]
