"""Dump ``Comparison.to_json()`` for a fixed set of pairs, to check that results do not change.

    python bench/dump.py OUT.jsonl [--shared ../shared] [--corpus 200] [--prepared] [--only NAMES]
                         [--render]
    python bench/dump.py --diff BEFORE.jsonl AFTER.jsonl

The pairs: every example pair of ``examples/articles`` (each rewrite with its wire, the
roundup with both wires, each wire with itself), the reference pair of
``../shared/seeds`` (when found), ``--corpus`` rewrites of the wire story that
``bench/batch.py`` measures, and a few long pairs and two-wire roundups of
``bench/corpus.py``. Each line is ``{"name": ..., "json": ...}``.

``--only`` runs only the named detectors (comma-separated; ``v0.1`` for the 21 of
release 0.1), to compare with a tree that lacks a newer detector. ``--prepared``
compares through :func:`sourcecompare.prepare` (one prepared wire reused for every
derivative of the same wire) instead of plain ``compare()``: the two dumps must be
byte for byte the same. ``--render`` adds each comparison's full report, rendered
without colour at 100 columns and with 256 colours at 80, and its HTML export, so that
a change to the rendering can be checked the same way. ``--diff`` names the pairs whose
output differs (JSON or, when both dumps have them, renderings).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import corpus
from _data import SHARED

import sourcecompare as sc
from sourcecompare import _comparison

# sourcecompare.prepare, once exported; until then from its module.
prepare = getattr(sc, "prepare", None) or getattr(_comparison, "prepare", None)

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
WIRE_SENTENCES = 49  # as bench/batch.py
DERIVATIVE_SENTENCES = 40
FRAMING = 4
V01 = (
    "unsupported_sentence,added_heading,embellishment,evaluative_language,certainty_shift,"
    "claim_strength,speculation,omitted_sentence,omitted_entity,omitted_figure,omitted_quote,"
    "speaker_dropped,speaker_generalised,speaker_amplified,speaker_changed,cue_changed,"
    "quote_altered,paraphrase_quoted,fabricated,credit_removed,dateline_removed"
)


def pairs(shared: Path, count: int) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(name, wire texts, derivative text) of every pair to dump."""
    read = {p.name: p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")}
    harbour, rail = read["harbour_wire.txt"], read["rail_wire.txt"]
    for name in ("harbour_aggregator", "harbour_blog", "harbour_faithful", "harbour_rewrite"):
        yield name, (harbour,), read[f"{name}.txt"]
    yield "rail_rewrite", (rail,), read["rail_rewrite.txt"]
    yield "roundup", (harbour, rail), read["roundup.txt"]
    yield "roundup_harbour", (harbour,), read["roundup.txt"]
    yield "harbour_self", (harbour,), harbour
    yield "rail_self", (rail,), rail
    yield "rail_vs_harbour_rewrite", (rail,), read["harbour_rewrite.txt"]
    seeds = shared / "seeds"
    if (seeds / "annotations.json").exists():
        annotation = json.loads((seeds / "annotations.json").read_text(encoding="utf-8"))
        wire = (seeds / annotation["wire"]).read_text(encoding="utf-8")
        derivative = (seeds / annotation["derivative"]).read_text(encoding="utf-8")
        yield "seed", (wire,), derivative
        yield "seed_self", (wire,), wire
    story = corpus.story(0, seed=20_000 + 1, sentences=WIRE_SENTENCES)
    for number in range(count):
        rng = random.Random(f"bench-batch:1:{number}")
        derivative = corpus.rewrite(story, rng, sentences=DERIVATIVE_SENTENCES, framing=FRAMING)
        yield f"corpus-{number}", (story.text,), derivative.text
    for seed in range(5):
        wire, derivative = corpus.long_pair(seed)
        yield f"long-{seed}", (wire.text,), derivative.text
    for number in range(5):
        rng = random.Random(f"dump-roundup:{number}")
        stories = [corpus.story(number, seed=3), corpus.story(number + 10, seed=3)]
        derivative = corpus.rewrite(stories, rng)
        yield f"roundup-{number}", tuple(s.text for s in stories), derivative.text
        yield f"roundup-first-{number}", (stories[0].text,), derivative.text


def renderings(result: sc.Comparison) -> dict[str, str]:
    """The report as plain text (100 columns), with 256 colours (80), and as HTML."""
    from rich.console import Console  # noqa: PLC0415 - only with --render

    shown = {}
    for name, width, system in (("text_100", 100, None), ("ansi_80", 80, "256")):
        console = Console(
            file=io.StringIO(), width=width, color_system=system, force_terminal=bool(system)
        )
        console.print(result)
        shown[name] = console.file.getvalue()  # type: ignore[attr-defined]
    shown["html"] = result.to_html()
    return shown


def dump(
    out: Path, shared: Path, count: int, *, prepared: bool, only: str | None, render: bool
) -> None:
    """Write one line per pair to *out*."""
    started = time.perf_counter()
    options = None
    if only:
        names = set((V01 if only == "v0.1" else only).split(","))
        chosen = [d for d in sc.default_detectors() if d.name in names]
        options = sc.CompareOptions(detectors=chosen)
    cache: dict[tuple[str, ...], object] = {}
    with out.open("w", encoding="utf-8") as lines:
        for name, wires, derivative in pairs(shared, count):
            if prepared:
                wire = cache.get(wires)
                if wire is None:
                    wire = cache[wires] = prepare(
                        wires[0] if len(wires) == 1 else list(wires), options=options
                    )
                result = sc.compare(wire, derivative)  # type: ignore[arg-type]
            else:
                given = wires[0] if len(wires) == 1 else list(wires)
                result = sc.compare(given, derivative, options=options)
            record = {"name": name, "json": result.to_json()}
            if render:
                record["render"] = renderings(result)
            lines.write(json.dumps(record) + "\n")
    print(f"wrote {out} in {time.perf_counter() - started:.1f} s")


def diff(before: Path, after: Path) -> int:
    """Name the pairs whose dumps differ; 1 if any does."""
    old = [json.loads(line) for line in before.read_text(encoding="utf-8").splitlines()]
    new = [json.loads(line) for line in after.read_text(encoding="utf-8").splitlines()]
    if [o["name"] for o in old] != [n["name"] for n in new]:
        print("the dumps hold different pairs")
        return 1
    changed = [
        o["name"]
        for o, n in zip(old, new, strict=True)
        if o["json"] != n["json"]
        or ("render" in o and "render" in n and o["render"] != n["render"])
    ]
    print(f"{len(old)} pairs, {len(changed)} differ{': ' if changed else ''}{', '.join(changed)}")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    """Dump or diff."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--corpus", type=int, default=200)
    parser.add_argument("--prepared", action="store_true")
    parser.add_argument("--only", help="detector names, comma-separated, or v0.1")
    parser.add_argument("--render", action="store_true", help="add the rendered reports")
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        parser.error("give OUT, or --diff BEFORE AFTER")
    dump(
        args.out,
        args.shared,
        args.corpus,
        prepared=args.prepared,
        only=args.only,
        render=args.render,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
