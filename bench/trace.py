"""Source tracing at scale: build a wire index, then trace rewrites back to their stories.

    python bench/trace.py [--size 100000] [--single 200] [--double 100] [--check]
                          [--seed 0] [--keep FOLDER] [--candidates N]

1. Writes ``--size`` synthetic wire stories (``bench/corpus.py``) to a JSON Lines file
   in a temporary folder (not timed), and builds a :class:`~sourcecompare.index.WireIndex`
   from it with ``add_paths`` (timed: stories per second, target over 1,000).
2. Writes ``--single`` rewrites of one story and ``--double`` roundups of two, from
   stories picked at random in the corpus (paraphrased, trimmed, reordered, with added
   framing; see ``bench/corpus.py``), and traces each with
   ``trace(..., compare=False)``: everything but the final comparison, i.e. parsing
   the article, choosing the query terms, the full-text search and the re-ranking by
   alignment. Prints the median and 95th percentile time (target: median under 50 ms).
3. Accuracy: the share of single-source rewrites whose source is ranked first (target
   95 %), and of two-source roundups with both sources in the top 3 (target 90 %);
   also how often the chosen sources (``Trace.sources``) are exactly the true ones.
4. For reference, the median time of the final comparison (``compare`` with the
   sources found) on a few of them.

``--check`` exits 1 when a target is missed. ``--keep FOLDER`` builds the index there
(``FOLDER/wires.db``) and keeps it; run again with the same folder to reuse it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import corpus

from sourcecompare import compare
from sourcecompare.index import WireIndex, trace

BUILD_TARGET = 1_000.0  # stories per second
QUERY_TARGET = 50.0  # milliseconds, median, without the final comparison
TOP1_TARGET = 0.95  # single-source rewrites: the source ranked first
TOP3_TARGET = 0.90  # two-source rewrites: both sources in the top 3


def build(folder: Path, size: int, seed: int) -> tuple[Path, float | None]:
    """The index of *size* stories in *folder*; and its build rate (None when reused)."""
    path = folder / "wires.db"
    if path.exists():
        with WireIndex.open(path) as index:
            if len(index) == size:
                print(f"reusing {path} ({size:,} stories)")
                return path, None
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    source = folder / "wires.jsonl"
    start = time.perf_counter()
    corpus.write_jsonl(corpus.wire_stories(size, seed), source)
    written = time.perf_counter() - start
    megabytes = source.stat().st_size / 1e6
    print(
        f"corpus: {size:,} stories, {megabytes:,.0f} MB of JSON Lines, written in {written:.1f} s"
    )
    start = time.perf_counter()
    with WireIndex.create(path) as index:
        report = index.add_paths([source], batch=5_000)
    elapsed = time.perf_counter() - start
    if report.added != size:
        msg = f"expected {size} stories added, got {report}"
        raise RuntimeError(msg)
    rate = size / elapsed
    size_mb = path.stat().st_size / 1e6
    print(f"index: built in {elapsed:.1f} s, {rate:,.0f} stories/s, {size_mb:,.0f} MB")
    source.unlink()
    return path, rate


def rewrites(size: int, seed: int, single: int, double: int) -> list[corpus.Derivative]:
    """Rewrites of stories picked at random: *single* of one story, *double* of two."""
    rng = random.Random(f"bench-trace:{seed}")
    result = [corpus.rewrite(corpus.story(rng.randrange(size), seed), rng) for _ in range(single)]
    for _ in range(double):
        first, second = rng.sample(range(size), 2)
        stories = [corpus.story(first, seed), corpus.story(second, seed)]
        result.append(corpus.rewrite(stories, rng))
    return result


def percentile(values: list[float], share: float) -> float:
    """The *share* percentile of *values* (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(path: Path, derivatives: list[corpus.Derivative], candidates: int) -> dict[str, float]:
    """Trace every derivative; return the figures."""
    times: list[float] = []
    top1 = top3 = exact_single = exact_double = singles = doubles = 0
    missed: list[str] = []
    with WireIndex.open(path) as index:
        trace(derivatives[0].text, index, compare=False)  # warm up: imports, caches
        for derivative in derivatives:
            start = time.perf_counter()
            result = trace(derivative.text, index, compare=False, candidates=candidates)
            times.append((time.perf_counter() - start) * 1000)
            ranked = [c.id for c in result.candidates]
            chosen = {c.id for c in result.sources}
            if len(derivative.sources) == 1:
                singles += 1
                top1 += ranked[:1] == list(derivative.sources)
                exact_single += chosen == set(derivative.sources)
            else:
                doubles += 1
                top3 += set(derivative.sources) <= set(ranked[:3])
                exact_double += chosen == set(derivative.sources)
            if not set(derivative.sources[:1]) <= set(ranked[:3]):
                missed.append(derivative.id)
        final: list[float] = []
        for derivative in derivatives[:: max(1, len(derivatives) // 20)]:
            result = trace(derivative.text, index, compare=False, candidates=candidates)
            wires = [index.document(c.id) for c in result.sources]
            if wires:
                start = time.perf_counter()
                compare(wires, result.derivative)
                final.append((time.perf_counter() - start) * 1000)
    if missed:
        print(f"main source not in the top 3: {', '.join(missed[:10])}")
    return {
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "top1": top1 / singles if singles else 1.0,
        "top3": top3 / doubles if doubles else 1.0,
        "exact_single": exact_single / singles if singles else 1.0,
        "exact_double": exact_double / doubles if doubles else 1.0,
        "compare": statistics.median(final) if final else 0.0,
        "singles": singles,
        "doubles": doubles,
    }


def main() -> int:
    """Build, trace, print the figures; return 1 with ``--check`` when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="stories in the index")
    parser.add_argument("--single", type=int, default=200, help="single-source rewrites")
    parser.add_argument("--double", type=int, default=100, help="two-source rewrites")
    parser.add_argument("--seed", type=int, default=0, help="corpus and rewrite seed")
    parser.add_argument("--candidates", type=int, default=8, help="trace(candidates=N)")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the index in FOLDER")
    parser.add_argument("--check", action="store_true", help="exit 1 on a missed target")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sourcecompare-trace-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path, rate = build(folder, args.size, args.seed)
        derivatives = rewrites(args.size, args.seed, args.single, args.double)
        figures = run(path, derivatives, args.candidates)

    print()
    print(
        f"trace query (no comparison): median {figures['median']:.1f} ms, "
        f"p95 {figures['p95']:.1f} ms over {len(derivatives)} rewrites"
    )
    print(f"final comparison, for reference: median {figures['compare']:.1f} ms")
    print(
        f"single-source rewrites ({figures['singles']:.0f}): source ranked first "
        f"{figures['top1']:.1%}; sources chosen exactly {figures['exact_single']:.1%}"
    )
    print(
        f"two-source rewrites ({figures['doubles']:.0f}): both in the top 3 "
        f"{figures['top3']:.1%}; sources chosen exactly {figures['exact_double']:.1%}"
    )
    print()
    checks = [
        (
            f"build rate over {BUILD_TARGET:,.0f} stories/s",
            rate is None or rate > BUILD_TARGET,
            "reused" if rate is None else f"{rate:,.0f}",
        ),
        (
            f"trace median under {QUERY_TARGET:.0f} ms",
            figures["median"] < QUERY_TARGET,
            f"{figures['median']:.1f} ms",
        ),
        (
            f"single source first in {TOP1_TARGET:.0%}",
            figures["top1"] >= TOP1_TARGET,
            f"{figures['top1']:.1%}",
        ),
        (
            f"both sources in top 3 in {TOP3_TARGET:.0%}",
            figures["top3"] >= TOP3_TARGET,
            f"{figures['top3']:.1%}",
        ),
    ]
    failed = False
    for label, ok, value in checks:
        print(f"{'ok    ' if ok else 'MISSED'}  {label}: {value}")
        failed = failed or not ok
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
