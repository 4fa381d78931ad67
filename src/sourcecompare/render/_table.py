"""The frameless, full-width table of the report views, rendered at lower cost.

Rich's :class:`~rich.table.Table` renders every cell through a
:class:`~rich.padding.Padding`, so each cell's lines are split, styled and cropped
twice, and it measures every cell to size the columns. For the report's columns of
article text that machinery cost three quarters of the rendering time (measured on
the findings table: 38 ms against 10 ms for wrapping and rendering the same texts).

:class:`ReportTable` is a ``Table`` (built and filled the same way) that draws itself
in one pass: the narrow columns are measured as Table measures them, the ``ratio``
columns share the rest as Table shares it, and each cell is rendered once at its
width, with its padding and style added around it (a cell of text line by line:
:func:`_cell_lines`). The output is the same, segment for segment: the golden tests
of the report (plain text, ANSI and HTML) hold it to that. When the columns do not
fill the width exactly (a console too narrow for the fixed columns, a table without a
``ratio`` column) the table is left to ``Table``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Column, Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

__all__ = ["Fill", "ReportTable"]


def _ratio_distribute(total: int, ratios: Sequence[int], minimums: Sequence[int]) -> list[int]:
    """Split *total* by *ratios*, each share at least its minimum (as Table does)."""
    ratios = [ratio if minimum else 0 for ratio, minimum in zip(ratios, minimums, strict=True)]
    total_ratio = sum(ratios)
    remaining = total
    shares = []
    for ratio, minimum in zip(ratios, minimums, strict=True):
        share = (
            max(minimum, math.ceil(ratio * remaining / total_ratio))
            if total_ratio > 0
            else remaining
        )
        shares.append(share)
        total_ratio -= ratio
        remaining -= share
    return shares


class Fill:
    """A table cell that takes the width its flexible (``ratio``) column is given.

    Rich measures every cell to size a table, even in a ratio column of an expanding
    table, whose width it then sets from the ratio alone. For columns of article text
    that measuring was a seventh of the report's rendering time; this cell answers it
    at once. Only for ratio columns of expanding tables, where the answer is not used.
    """

    __slots__ = ("renderable",)

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.renderable

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def _cell_lines(
    console: Console, renderable: RenderableType, options: ConsoleOptions
) -> list[list[Segment]]:
    """``console.render_lines(renderable, options, style=Style.null(), pad=True)``, cheaper.

    A cell that is a ``Text`` (or a :class:`Fill` of one) is wrapped as
    ``Text.__rich_console__`` wraps it, and each line rendered and padded on its own,
    which spares joining the lines into one text, rendering it and splitting it again.
    The segments are the same: each line's style is applied under its spans, as the
    joined text applies it (a line without spans is one segment in its style), less
    empty ones; and a text whose ``end`` is empty drops a last line that is empty, as
    the split does (unless it is the only line and has no style: an empty segment then
    makes it a line). Anything else goes to ``render_lines``.
    """
    text = renderable.renderable if isinstance(renderable, Fill) else renderable
    width = options.max_width
    if (
        type(text) is not Text
        or text.end not in ("", "\n")
        or width < 1
        or options.height is not None
    ):
        return console.render_lines(renderable, options, style=Style.null(), pad=True)
    no_wrap = options.no_wrap if text.no_wrap is None else text.no_wrap
    lines = text.wrap(
        console,
        width,
        justify=text.justify or options.justify or "default",
        overflow=text.overflow or options.overflow or "fold",
        tab_size=(console.tab_size if text.tab_size is None else text.tab_size) or 8,
        no_wrap=bool(no_wrap),
    )
    last = lines[-1] if lines else Text()
    if not text.end and not last.plain and (len(lines) > 1 or last.style or last.spans):
        lines.pop()  # nothing, not even an empty segment, would end that line
    null = Style.null()
    rendered = []
    for line in lines:
        if line.spans:
            segments = [segment for segment in line.render(console) if segment.text]
        elif line.plain:
            style = console.get_style(line.style, default=null) if line.style else None
            segments = [Segment(line.plain, style)]
        else:
            segments = []
        rendered.append(Segment.adjust_line_length(segments, width, style=null))
    return rendered


class ReportTable(Table):
    """A ``SIMPLE_HEAD`` table with no edge and no edge padding that fills the width."""

    def __init__(self) -> None:
        super().__init__(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self._widths(console, options) if self._plain() else None
        if widths is None:
            yield from super().__rich_console__(console, options)
            return
        yield from self._lines(console, options, widths)

    def _plain(self) -> bool:
        """Whether the table has only what the fast path draws: columns, header, rows."""
        return bool(
            self.columns
            and any(column.flexible for column in self.columns)
            and self.show_header
            and not (self.show_footer or self.show_lines or self.leading or self.show_edge)
            and not (self.title or self.caption or self.row_styles)
            and self.width is None
            and self.box is not None
            and self.padding[0] == self.padding[2] == 0
        )

    def _pads(self, index: int) -> tuple[int, int]:
        """Left and right padding of column *index* (none at the table's edges)."""
        _, right, _, left = self.padding
        return (0 if index == 0 else left, 0 if index == len(self.columns) - 1 else right)

    def _cells(self, column: Column) -> Iterator[RenderableType]:
        yield column.header
        yield from column.cells

    def _widths(self, console: Console, options: ConsoleOptions) -> list[int] | None:
        """Each column's width with its padding, as Table computes it; None if not exact."""
        columns = self.columns
        max_width = options.max_width - (len(columns) - 1)  # a one-character divider
        if max_width < 1:
            return None
        measure_options = options.update_width(max_width)
        widths: list[int] = []
        ratios: list[int] = []
        minimums: list[int] = []
        for index, column in enumerate(columns):
            left, right = self._pads(index)
            padding = left + right
            if column.flexible:
                widths.append(0)
                ratios.append(column.ratio or 0)
                minimums.append((column.width or 1) + padding)
                continue
            if column.width is not None:
                measured = Measurement(column.width + padding, column.width + padding)
            else:
                sizes = [
                    Measurement.get(console, measure_options, Padding(cell, (0, right, 0, left)))
                    for cell in self._cells(column)
                ]
                measured = Measurement(
                    max(size.minimum for size in sizes), max(size.maximum for size in sizes)
                )
            measured = measured.with_maximum(max_width).clamp(
                None if column.min_width is None else column.min_width + padding,
                None if column.max_width is None else column.max_width + padding,
            )
            widths.append(measured.maximum or 1)
        shares = iter(_ratio_distribute(max_width - sum(widths), ratios, minimums))
        widths = [
            next(shares) if c.flexible else width for width, c in zip(widths, columns, strict=True)
        ]
        if sum(widths) != max_width or any(
            width - sum(self._pads(index)) < 1 for index, width in enumerate(widths)
        ):
            return None
        return widths

    def _lines(self, console: Console, options: ConsoleOptions, widths: list[int]) -> RenderResult:
        """The header, its rule and the rows, each cell rendered once."""
        get_style = console.get_style
        table_box = self.box
        assert table_box is not None  # noqa: S101 - checked by _plain
        safe = console.safe_box if self.safe_box is None else self.safe_box
        table_box = table_box.substitute(options, safe=safe)
        border = get_style(self.style or "") + get_style(self.border_style or "")
        options = options.update(
            width=sum(widths) + len(widths) - 1, highlight=self.highlight, height=None
        )
        # The column divider of the header, middle and last rows; white space takes the
        # (null) row style's background, as in Table.
        dividers = [
            Segment(text, Style.null().background_style + border if not text.strip() else border)
            for text in (table_box.head_vertical, table_box.mid_vertical, table_box.foot_vertical)
        ]
        new_line = Segment.line()
        header_style = get_style(self.header_style or "")
        rows: list[tuple[list[tuple[RenderableType, Style]], bool]] = [
            ([(c.header, header_style + get_style(c.header_style)) for c in self.columns], True)
        ]
        cells_by_column = [list(column.cells) for column in self.columns]
        column_styles = [get_style(column.style or "") for column in self.columns]
        for index in range(len(self.rows)):
            row_style = get_style(self.get_row_style(console, index))
            rows.append(
                (
                    [
                        (cells[index], column_style + row_style)
                        for column_style, cells in zip(column_styles, cells_by_column, strict=True)
                    ],
                    False,
                )
            )
        # Each column's options and padding, the same for all its cells.
        pads = [self._pads(index) for index in range(len(self.columns))]
        column_options = [
            options.update(
                width=width - left - right,
                justify=column.justify,
                no_wrap=column.no_wrap,
                overflow=column.overflow,
                height=None,
                highlight=column.highlight,
            )
            for column, width, (left, right) in zip(self.columns, widths, pads, strict=True)
        ]
        for number, (row_cells, header) in enumerate(rows):
            rendered = []
            for (renderable, style), cell_options, (left, right) in zip(
                row_cells, column_options, pads, strict=True
            ):
                lines = _cell_lines(console, renderable, cell_options)
                before = [Segment(" " * left, style)] if left else []
                after = [Segment(" " * right, style)] if right else []
                if style:
                    lines = [list(Segment.apply_style(line, style)) for line in lines]
                rendered.append(([[*before, *line, *after] for line in lines], style, renderable))
            height = max(len(lines) for lines, _, _ in rendered)
            shaped = []
            for (lines, style, renderable), column, width in zip(
                rendered, self.columns, widths, strict=True
            ):
                vertical = (
                    "bottom" if header else getattr(renderable, "vertical", None) or column.vertical
                )
                if vertical == "top":
                    shaped.append(Segment.align_top(lines, width, height, style))
                elif vertical == "middle":
                    shaped.append(Segment.align_middle(lines, width, height, style))
                else:
                    shaped.append(Segment.align_bottom(lines, width, height, style))
            divider = dividers[0 if number == 0 else (2 if number == len(rows) - 1 else 1)]
            for line_number in range(height):
                for index, cell in enumerate(shaped):
                    if index:
                        yield divider
                    yield from cell[line_number]
                yield new_line
            if header:
                yield Segment(table_box.get_row(widths, "head", edge=False), border)
                yield new_line
            elif number < len(rows) - 1 and self.rows[number - 1].end_section:
                yield Segment(table_box.get_row(widths, "row", edge=False), border)
                yield new_line
