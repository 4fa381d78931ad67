"""The full report as a self-contained HTML page or SVG image.

Both record :func:`~sourcecompare.render.console.comparison_view` on a Rich console
that writes nowhere, in true colour at a fixed width, and export what it recorded, so
they show exactly what the terminal shows. Article text stays literal: Rich escapes
``<``, ``>`` and ``&`` in both formats, and :func:`~sourcecompare.render.console.safe_text`
has already made control characters visible.

The output depends only on the comparison, the width and the theme (not on the
environment: ``NO_COLOR``, ``COLUMNS`` or the terminal are ignored), so the same
comparison exports to the same bytes every time. The HTML page loads nothing; the SVG
image names the Fira Code web font that Rich's SVG template asks for (a local copy is
used when installed, a monospace font otherwise).
"""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

from rich.console import Console

from sourcecompare.render.console import comparison_view

if TYPE_CHECKING:
    from rich.theme import Theme

    from sourcecompare._comparison import Comparison

__all__ = ["export_html", "export_svg"]


def _recorded(comparison: Comparison, width: int, theme: Theme | None) -> Console:
    """A recording console, *width* columns wide, that has rendered the full report.

    *theme* overrides sourcecompare's default styles where it names them.
    """
    console = Console(
        record=True,
        file=io.StringIO(),
        width=width,
        color_system="truecolor",
        force_terminal=True,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        theme=theme,
        markup=False,
        emoji=False,
        highlight=False,
        _environ={},
    )
    console.print(comparison_view(comparison))
    return console


def export_html(comparison: Comparison, *, width: int = 100, theme: Theme | None = None) -> str:
    """The full report as an HTML page, *width* columns wide, with its styles inline.

    Args:
        comparison: What to report.
        width: The width in columns the report is laid out for.
        theme: A Rich theme whose styles override sourcecompare's defaults.

    Returns:
        A complete HTML document that loads no other resource.

    .. versionadded:: 0.1
    """
    return _recorded(comparison, width, theme).export_html(inline_styles=True)


def export_svg(
    comparison: Comparison,
    *,
    width: int = 100,
    title: str = "sourcecompare",
    theme: Theme | None = None,
) -> str:
    """The full report as an SVG image of a terminal window, *width* columns wide.

    Args:
        comparison: What to report.
        width: The width in columns the report is laid out for.
        title: The window title drawn above the report.
        theme: A Rich theme whose styles override sourcecompare's defaults.

    Returns:
        The SVG document. Its element ids are derived from a hash of the recorded
        report and the title, so the same report gives the same bytes, and two
        different reports inlined in one page do not clash.

    .. versionadded:: 0.1
    """
    console = _recorded(comparison, width, theme)
    recorded = console.export_text(clear=False, styles=True)
    digest = hashlib.sha256(f"{title}\0{recorded}".encode("utf-8", "surrogatepass"))
    return console.export_svg(title=title, unique_id=f"sourcecompare-{digest.hexdigest()[:12]}")
