"""Calibrate AlignOptions' thresholds on annotated data, and print them next to the defaults.

    python bench/calibrate_alignment.py [--shared ../shared] [--quick]

What is calibrated, and on what (every set is read from --shared at run time):

* ``partial`` (added vs at least partly supported): the threshold on a sentence's
  support that maximises the mean balanced accuracy over (a) the 17 annotated
  derivative sentences of the reference case (added vs supported or embellished) and
  (b) the XSum one-sentence summaries whose content words annotators marked extrinsic
  by majority (at least half: added) or not at all (supported).
* ``supported`` (supported vs embellished): likewise, over the reference case's
  supported vs embellished sentences and the XSum summaries with no extrinsic words
  vs some but less than half, among those at or above ``partial``.
* ``kept`` and ``omitted`` (wire-sentence fates): accuracy over the 11 annotated wire
  sentences of the reference case (kept, partial, omitted).
* ``weight_power`` (how sharply rare words outweigh common ones): for each power, the
  reference case's margin between its lowest supported and highest added sentence,
  XSum's AUROC of support, and MSRP's AUROC of pair similarity; the chosen power is
  the one with the best mean rank over the three.
* ``run_penalty``, ``number_penalty``, ``negation_penalty`` (pair similarity): a grid
  chosen on the even rows of MSRP and confirmed on the odd rows (AUROC of both halves
  printed, so a reader can see the choice generalises).

Thresholds are taken from the middle of the best plateau, so that ties do not pull
them to an edge. The defaults in ``AlignOptions`` are these values, rounded; when
data changes, re-run this script and update them deliberately.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
from _data import SHARED, auroc, load_seed, msrp_files, read_msrp, xsum_summaries
from rich.console import Console
from rich.table import Table

import sourcecompare as sc
from sourcecompare import _align


def balanced_accuracy(scores: Sequence[float], labels: Sequence[int], threshold: float) -> float:
    """Mean of the recalls of both classes, predicting positive when score >= threshold."""
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    negatives = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not positives or not negatives:
        return float("nan")
    recall = sum(s >= threshold for s in positives) / len(positives)
    specificity = sum(s < threshold for s in negatives) / len(negatives)
    return (recall + specificity) / 2


def plateau_middle(grid: Sequence[float], objective: Callable[[float], float]) -> float:
    """The middle of the longest run of grid points reaching the best objective value."""
    values = [round(objective(t), 6) for t in grid]
    best = max(values)
    runs: list[list[float]] = []
    for t, v in zip(grid, values, strict=True):
        if v == best and runs and runs[-1][-1] == grid[grid.index(t) - 1]:
            runs[-1].append(t)
        elif v == best:
            runs.append([t])
    longest = max(runs, key=len)
    return round(longest[len(longest) // 2], 2)


def seed_supports(shared: Path) -> tuple[list[float], list[str]]:
    """Support and annotated label of each of the reference case's derivative sentences."""
    case = load_seed(shared)
    result = sc.align(case.wire, case.derivative, sc.AlignOptions(partial=0.0, supported=0.0))
    supports, labels = [], []
    for entry in result.segments:
        annotated = case.derivative_ids.get(entry.segment)
        if annotated is not None:
            supports.append(entry.support)
            labels.append(annotated["label"])
    return supports, labels


def xsum_supports(shared: Path) -> tuple[list[float], list[float]]:
    """Support of each XSum summary against its article, and its extrinsic share."""
    supports, shares = [], []
    articles: dict[str, sc.Document] = {}
    options = sc.AlignOptions(partial=0.0, supported=0.0)
    for item in xsum_summaries(shared):
        if item.article not in articles:
            articles[item.article] = sc.Document.from_text(item.article)
        summary = sc.Document.from_text(item.summary)
        content = [t for s in summary.segments for t in s.tokens if not t.is_stop]
        if not content:
            continue
        marked = sum(any(o in item.extrinsic for o in range(t.start, t.end)) for t in content)
        result = sc.align(articles[item.article], summary, options)
        supports.append(min(e.support for e in result.segments))
        shares.append(marked / len(content))
    return supports, shares


def calibrate_thresholds(shared: Path, console: Console) -> dict[str, float]:
    """Choose partial and supported; print the figures behind the choice."""
    seed_s, seed_l = seed_supports(shared)
    xsum_s, xsum_share = xsum_supports(shared)
    grid = [round(0.10 + 0.01 * i, 2) for i in range(61)]

    seed_added = [0 if label == "added" else 1 for label in seed_l]
    xsum_pairs = [
        (s, int(share == 0))
        for s, share in zip(xsum_s, xsum_share, strict=True)
        if share == 0 or share >= 0.5
    ]

    def partial_objective(t: float) -> float:
        parts = [balanced_accuracy(seed_s, seed_added, t)]
        if xsum_pairs:
            parts.append(
                balanced_accuracy([s for s, _ in xsum_pairs], [y for _, y in xsum_pairs], t)
            )
        return sum(parts) / len(parts)

    partial = plateau_middle(grid, partial_objective)

    seed_sup = [
        (s, int(label == "supported"))
        for s, label in zip(seed_s, seed_l, strict=True)
        if label != "added" and s >= partial
    ]
    xsum_sup = [
        (s, int(share == 0))
        for s, share in zip(xsum_s, xsum_share, strict=True)
        if share < 0.5 and s >= partial
    ]

    def supported_objective(t: float) -> float:
        parts = [
            balanced_accuracy([s for s, _ in data], [y for _, y in data], t)
            for data in (seed_sup, xsum_sup)
            if len({y for _, y in data}) == 2
        ]
        return sum(parts) / len(parts) if parts else 0.0

    supported = plateau_middle([t for t in grid if t >= partial], supported_objective)

    table = Table(title="Sentence thresholds")
    for column in ("threshold", "chosen", "default", "reference case", "XSum"):
        table.add_column(column, justify="right")
    defaults = sc.AlignOptions()
    seed_right = sum((s >= partial) == bool(y) for s, y in zip(seed_s, seed_added, strict=True))
    xsum_scores, xsum_labels = [s for s, _ in xsum_pairs], [y for _, y in xsum_pairs]
    xsum_cell = (
        f"balanced accuracy {balanced_accuracy(xsum_scores, xsum_labels, partial):.3f}"
        if xsum_pairs
        else "absent"
    )
    table.add_row(
        "partial (added below)",
        f"{partial:.2f}",
        f"{defaults.partial:.2f}",
        f"{seed_right}/{len(seed_s)} right",
        xsum_cell,
    )
    table.add_row(
        "supported (embellished below)",
        f"{supported:.2f}",
        f"{defaults.supported:.2f}",
        f"balanced accuracy {supported_objective(supported):.3f} (both sets)",
        f"{len(xsum_sup)} summaries",
    )
    console.print(table)
    if xsum_pairs:
        console.print(
            f"XSum supported-vs-added AUROC of support: "
            f"{auroc([s for s, _ in xsum_pairs], [y for _, y in xsum_pairs]):.3f} "
            f"({len(xsum_pairs)} summaries); reference case: "
            f"{auroc(seed_s, seed_added):.3f}"
        )
    return {"partial": partial, "supported": supported}


def calibrate_fates(
    shared: Path, partial: float, supported: float, console: Console
) -> dict[str, float]:
    """Choose kept and omitted on the reference case's annotated wire-sentence fates."""
    case = load_seed(shared)
    options = sc.AlignOptions(partial=partial, supported=supported, kept=1.0, omitted=0.0)
    result = sc.align(case.wire, case.derivative, options)
    annotated = {w["id"]: w["fate"] for w in case.annotation["wire_sentences"]}
    rows = [
        (e.coverage, annotated[case.wire_ids[e.segment]])
        for e in result.wire_sentences
        if e.segment in case.wire_ids
    ]
    grid = [round(0.05 + 0.05 * i, 2) for i in range(18)]
    best: tuple[int, float, float] | None = None
    for omitted, kept in itertools.product(grid, grid):
        if omitted > kept:
            continue
        right = sum(
            ("kept" if c >= kept else "partial" if c >= omitted else "omitted") == fate
            for c, fate in rows
        )
        # Prefer more right, then the widest partial band (least committal), then order.
        key = (right, kept - omitted, -omitted)
        if best is None or key > (best[0], best[2] - best[1], -best[1]):
            best = (right, omitted, kept)
    if best is None:
        msg = "no wire-sentence fates to calibrate on"
        raise SystemExit(msg)
    right, omitted, kept = best
    defaults = sc.AlignOptions()
    console.print(
        f"Wire fates: omitted below {omitted:.2f} (default {defaults.omitted:.2f}), kept from "
        f"{kept:.2f} (default {defaults.kept:.2f}): {right}/{len(rows)} annotated fates right"
    )
    return {"omitted": omitted, "kept": kept}


def pair_features(rows: list[tuple[int, str, str]]) -> list[tuple[float, float, float, int, bool]]:
    """Per MSRP pair: both containments, longest unmatched run, number and negation mismatch."""
    background = sc.TermStats.from_texts([s for _, a, b in rows for s in (a, b)])
    options = sc.AlignOptions(
        background=background, background_weight=1.0, partial=0.0, supported=0.0
    )
    features = []
    for _, first, second in rows:
        aligner = _align._Aligner(
            [sc.Document.from_text(first)], sc.Document.from_text(second), options
        )
        a, b = aligner.derivative_items[0], aligner.wire_items[0]
        forward = aligner.measure.support(a.bag, [b.bag])
        backward = aligner.measure.support(b.bag, [a.bag])
        keys_a, keys_b = {u.key for u in a.units}, {u.key for u in b.units}
        run = max(_align._longest_unmatched(a, keys_b), _align._longest_unmatched(b, keys_a))
        numbers = len(_align._number_keys(a) ^ _align._number_keys(b))
        features.append((forward, backward, run, numbers, _align._negated(a) != _align._negated(b)))
    return features


def calibrate_penalties(shared: Path, console: Console, *, quick: bool) -> dict[str, float]:
    """Grid the pair-similarity penalties on MSRP's even rows; confirm on the odd rows."""
    files = msrp_files(shared)
    if not files:
        console.print("MSRP absent: penalties not calibrated")
        return {}
    rows = list(read_msrp(files[0]))
    if quick:
        rows = rows[:1200]
    features = pair_features(rows)
    labels = [label for label, _, _ in rows]
    halves = {"even": range(0, len(rows), 2), "odd": range(1, len(rows), 2)}

    def area(indices: range, run_p: float, num_p: float, neg_p: float) -> float:
        scores = [
            min(features[i][0], features[i][1])
            * math.exp(-run_p * features[i][2] - num_p * features[i][3] - neg_p * features[i][4])
            for i in indices
        ]
        return auroc(scores, [labels[i] for i in indices])

    grid = list(
        itertools.product(
            (0.06, 0.09, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4),
            (0.0, 0.05, 0.1, 0.15, 0.2, 0.3),
            (0.0, 0.15, 0.3, 0.45, 0.6, 0.8, 1.0),
        )
    )
    best = max(grid, key=lambda g: (round(area(halves["even"], *g), 4), -g[0], -g[1], -g[2]))
    defaults = sc.AlignOptions()
    current = (defaults.run_penalty, defaults.number_penalty, defaults.negation_penalty)
    console.print(
        f"Pair penalties chosen on MSRP even rows: run {best[0]}, number {best[1]}, negation "
        f"{best[2]} (defaults {current[0]}, {current[1]}, {current[2]}); AUROC even "
        f"{area(halves['even'], *best):.3f}, odd {area(halves['odd'], *best):.3f}; with the "
        f"defaults: even {area(halves['even'], *current):.3f}, "
        f"odd {area(halves['odd'], *current):.3f}; "
        f"no penalties: {area(range(len(rows)), 0.0, 0.0, 0.0):.3f} overall"
    )
    return {"run_penalty": best[0], "number_penalty": best[1], "negation_penalty": best[2]}


def calibrate_power(shared: Path, console: Console) -> dict[str, float]:
    """Measure each weight power on the three sets; choose the best mean rank."""
    powers = (0.75, 1.0, 1.25, 1.5, 2.0)
    case = load_seed(shared)
    summaries = xsum_summaries(shared)
    msrp = list(read_msrp(msrp_files(shared)[0]))[:2000] if msrp_files(shared) else []
    background = sc.TermStats.from_texts([s for _, a, b in msrp for s in (a, b)]) if msrp else None
    rows = []
    for power in powers:
        options = sc.AlignOptions(partial=0.0, supported=0.0, weight_power=power)
        result = sc.align(case.wire, case.derivative, options)
        supported = [
            e.support
            for e in result.segments
            if case.derivative_ids.get(e.segment, {}).get("label") in {"supported", "embellished"}
        ]
        added = [
            e.support
            for e in result.segments
            if case.derivative_ids.get(e.segment, {}).get("label") == "added"
        ]
        margin = min(supported) - max(added)
        scores, labels = [], []
        for item in summaries:
            summary = sc.Document.from_text(item.summary)
            content = [t for s in summary.segments for t in s.tokens if not t.is_stop]
            share = sum(any(o in item.extrinsic for o in range(t.start, t.end)) for t in content)
            share = share / len(content) if content else 0.0
            if 0 < share < 0.5:
                continue
            aligned = sc.align(sc.Document.from_text(item.article), summary, options)
            scores.append(min(e.support for e in aligned.segments))
            labels.append(int(share == 0))
        xsum = auroc(scores, labels) if labels else float("nan")
        pair_scores = []
        if background is not None:
            pair_options = attrs.evolve(
                options, background=background, background_weight=1.0, max_sources=1
            )
            for _, first, second in msrp:
                aligned = sc.align(
                    sc.Document.from_text(first), sc.Document.from_text(second), pair_options
                )
                pair_scores.append(
                    max((s.similarity for e in aligned.segments for s in e.sources), default=0.0)
                )
        paraphrase = auroc(pair_scores, [label for label, _, _ in msrp]) if msrp else float("nan")
        rows.append((power, margin, xsum, paraphrase))
    table = Table(title="Weight power (msrp: first 2,000 pairs)")
    for column in ("power", "reference margin", "XSum AUROC", "MSRP AUROC", "mean rank"):
        table.add_column(column, justify="right")
    ranks = {p: 0.0 for p, *_ in rows}
    for column in (1, 2, 3):
        ordered = sorted(rows, key=lambda r: -r[column])
        for rank, row in enumerate(ordered):
            ranks[row[0]] += rank / 3
    for power, margin, xsum, paraphrase in rows:
        table.add_row(
            f"{power}", f"{margin:+.3f}", f"{xsum:.3f}", f"{paraphrase:.3f}", f"{ranks[power]:.2f}"
        )
    console.print(table)
    best = min(ranks, key=lambda p: (ranks[p], abs(p - 1.0)))
    return {"weight_power": best}


def main() -> int:
    """Run every calibration and print the results beside the current defaults."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--quick", action="store_true", help="use 1,200 MSRP pairs only")
    args = parser.parse_args()
    console = Console(highlight=False)
    if not (args.shared / "seeds").is_dir():
        console.print(f"{args.shared / 'seeds'} not found: nothing to calibrate on")
        return 0
    chosen = calibrate_power(args.shared, console)
    chosen |= calibrate_thresholds(args.shared, console)
    chosen |= calibrate_fates(args.shared, chosen["partial"], chosen["supported"], console)
    chosen |= calibrate_penalties(args.shared, console, quick=args.quick)
    defaults = attrs.asdict(sc.AlignOptions(), recurse=False)
    differ = {k: (v, defaults[k]) for k, v in chosen.items() if abs(v - defaults[k]) > 1e-9}
    if differ:
        console.print(
            "Differs from the defaults (chosen, default): "
            + ", ".join(f"{k} {v}" for k, v in differ.items())
        )
    else:
        console.print("The defaults are the calibrated values.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
