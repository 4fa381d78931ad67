"""Public API usage that exists to be type-checked (``mypy --strict tests/typing_api.py``).

It is not a test module: nothing here runs under pytest. It fails CI when a public
signature changes in a way that breaks typed user code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import rich

import sourcecompare as sc
from sourcecompare.render.console import THEME, safe_text
from sourcecompare.similarity import MEASURES, Similarity, TermBag, get_measure
from sourcecompare.typing import Segmenter  # noqa: TC001 - used at run time by mypy only


class WholeParagraph:
    """A segmenter that never splits: each paragraph is one sentence."""

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return the paragraph itself."""
        return [(start, end)] if text[start:end].strip() else []


class SharedKeys:
    """A similarity counting shared keys, ignoring weights."""

    name = "shared-keys"

    def support(self, part: TermBag, sources: Sequence[TermBag]) -> float:
        """Share of the part's keys found in any source."""
        keys: set[str] = set()
        for source in sources:
            keys.update(source.cover)
        return len(set(part.weights) & keys) / len(part.weights) if part.weights else 0.0


def parse(path: Path) -> sc.Document:
    """Read an article with every optional argument spelled out."""
    segmenter: Segmenter = WholeParagraph()
    agencies = sc.AgencyList.default().extend([sc.Agency("Kelvor Wire", ("Kelvor Wire", "KW"))])
    return sc.Document.from_path(
        path, encoding="utf-8", format="text", segmenter=segmenter, agencies=agencies
    )


def use(wire: sc.Document, derivative: sc.Document) -> float:
    """Exercise the alignment API's types."""
    measure: Similarity = SharedKeys()
    options = sc.AlignOptions(similarity=measure, supported=0.5, partial=0.25)
    background = sc.TermStats.from_texts([wire.text, derivative.text])
    options = sc.AlignOptions(background=background, measure=min(MEASURES))
    result: sc.Alignment = sc.align([wire], derivative, options)
    total = 0.0
    for entry in result.segments:
        label: sc.AlignmentLabel = entry.label
        segment: sc.Segment = result.derivative_segment(entry)
        tokens: tuple[sc.Token, ...] = segment.tokens
        for source in entry.sources:
            wire_segment: sc.Segment = result.wire_segment(source)
            edits: tuple[sc.EditOp, ...] = source.edits
            total += source.similarity + len(edits) + len(wire_segment.text)
        for link in entry.links:
            how: str = link.how
            total += len(how)
        total += entry.support + len(tokens) + int(label.supported)
    fates: list[sc.WireFate] = [f.fate for f in result.wire_sentences]
    rich.print(result, safe_text("plain [text]"), len(fates), get_measure("cosine").name, THEME)
    return total + result.supported_share + result.kept_share + result.verbatim_share


def decode(data: bytes) -> str:
    """Decoding returns the text and the encoding used."""
    text, encoding = sc.decode_bytes(data, encoding=None)
    doc = sc.Document.from_bytes(data, format="text")
    span: sc.Span = doc.segments[0].span
    return text[span.start : span.end] + encoding


def report(wire: Path, derivatives: Sequence[Path]) -> int:
    """Compare as the command line does; return 1 when a high-severity finding remains."""
    options = sc.CompareOptions(
        alignment=sc.AlignOptions(supported=0.5), lexicons=sc.Lexicons.default()
    )
    status = 0
    for derivative in derivatives:
        comparison: sc.Comparison = sc.compare([wire], derivative, options=options)
        selected: sc.Comparison = comparison.select(["framing", "attribution.fabricated"])
        worst: sc.Severity | None = selected.worst
        summary: sc.Summary = selected.summary
        outcomes: tuple[sc.SpeakerOutcome, ...] = selected.speakers
        lost = [o.name for o in outcomes if o.fate.lost]
        caveats: tuple[sc.Caveat, ...] = selected.caveats
        lower: list[int | None] = [c.wire for c in caveats if c.code is sc.CaveatCode.LOWER_CASE]
        text: str = selected.to_json(indent=None)
        page: str = selected.to_html(width=100) + selected.to_svg(width=100)
        assert sc.Comparison.from_json(text) == selected
        rich.print(selected, summary.findings, len(lost), len(page), lower)
        if worst is not None and worst >= sc.Severity.HIGH:
            status = 1
    return status
