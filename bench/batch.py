"""Batch comparison at scale: one wire against thousands of 40-sentence derivatives.

    python bench/batch.py [--sizes 1000 10000] [--workers 2] [--detail findings]
                          [--sample 200] [--profile 100] [--top 25] [--keep DIR] [--check]
                          [--varied]

Builds a corpus with ``bench/corpus.py`` (one fictional wire story of about 49
sentences, and rewrites of it of about 40 sentences each, one file per derivative; not
timed), then measures what follows. The rewrites draw on few wordings, so that they
repeat each other's sentences far more than real coverage does (the first line of the
output counts the distinct segments); ``--varied`` puts a made-up word into every
sentence a rewrite does not copy from the wire unchanged, so that only the copies
repeat. The two bound the gain of caches keyed by a segment's text.

* per item, in one process (``--sample`` items): reading and parsing a derivative,
  ``compare()`` with the wire document and with the wire prepared once
  (``sourcecompare.prepare``, as each batch worker does), and writing its record at
  each ``detail``, with the record's size; and the overhead of
  ``compare_many(workers=1)`` over a loop of ``compare(prepared, ...)``;
* for each of ``--sizes``: a whole ``sourcecompare batch WIRE FOLDER --out FILE
  --workers N`` run in a fresh process: wall time, items per second, the CPU time
  of the run (coordinator and workers) per item, the peak RSS of the coordinating
  process and of the largest worker (Linux only: read from ``/proc``), and the
  output's size. On a machine shared with other work the CPU time per item is the
  steadier figure: wall time counts the others' use of the cores too. Peak
  memory that does not grow from 1,000 to 10,000 items shows that the run holds no
  results (each worker has its own parsed wire and word lists);
* with ``--profile N``: cProfile of the per-item work (what a worker does for one
  derivative) over N items, the functions with the most cumulative time.

Target (issue 7): 10,000 derivatives in under 60 s of wall time on 2 cores, that is
about 12 ms per derivative per core. ``--check`` exits 1 when it is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus

import sourcecompare as sc
from sourcecompare import _comparison, batch

# sourcecompare.prepare, once exported; until then from its module.
prepare = getattr(sc, "prepare", None) or _comparison.prepare

ROOT = Path(__file__).resolve().parent.parent
TARGET_ITEMS = 10_000
TARGET_SECONDS = 60.0
WIRE_SENTENCES = 49
DERIVATIVE_SENTENCES = 40
FRAMING = 4

# Run in a fresh interpreter: one batch run, its wall time and its peak memory. Peaks
# are VmHWM from /proc (Linux): getrusage's ru_maxrss survives exec, so a process
# started by a large one would report its parent's size. Workers are sampled while
# they run; their VmHWM only grows, so the last sample is close to their peak.
_RUN = """
import json, os, resource, sys, threading, time
from sourcecompare.cli import main

def peak(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def children():
    found = []
    for task in os.listdir(f"/proc/{os.getpid()}/task"):
        try:
            with open(f"/proc/{os.getpid()}/task/{task}/children") as listed:
                found += [int(pid) for pid in listed.read().split()]
        except OSError:
            pass
    return found

workers = {}
stop = threading.Event()

def sample():
    while not stop.is_set():
        for pid in children():
            workers[pid] = max(workers.get(pid, 0), peak(pid))
        stop.wait(0.1)

sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
def cpu():
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, once ended
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

start, started_cpu = time.perf_counter(), cpu()
status = main(sys.argv[1:])
wall = time.perf_counter() - start
stop.set()
sampler.join()
print(json.dumps({
    "status": status,
    "wall": wall,
    "cpu": cpu() - started_cpu,
    "parent_rss": peak(os.getpid()),
    "worker_rss": max(workers.values(), default=0),
}))
"""


def build_corpus(
    folder: Path, count: int, seed: int, *, varied: bool = False
) -> tuple[Path, float]:
    """Write the wire and *count* derivatives into *folder*; return the wire and seconds.

    *varied*: rewrites share no sentence but those they copy from the wire unchanged
    (``corpus.rewrite(..., vary=True)``).
    """
    started = time.perf_counter()
    story = corpus.story(0, seed=20_000 + seed, sentences=WIRE_SENTENCES)
    wire = folder / "wire.txt"
    wire.write_text(story.text, encoding="utf-8")
    articles = folder / "articles"
    articles.mkdir(exist_ok=True)
    for number in range(count):
        path = articles / f"d{number:06d}.txt"
        if path.exists():
            continue
        rng = random.Random(f"bench-batch:{seed}:{number}")
        derivative = corpus.rewrite(
            story, rng, sentences=DERIVATIVE_SENTENCES, framing=FRAMING, vary=varied
        )
        path.write_text(derivative.text, encoding="utf-8")
    return wire, time.perf_counter() - started


def distinct_segments(paths: list[Path]) -> str:
    """How often the segments of the first derivatives repeat, as a phrase to print.

    Caches keyed by a segment's text (the alignment's and the attribution reader's)
    save the more work the more the derivatives repeat each other: this says how much
    they do here.
    """
    texts = [s.text for p in paths for s in sc.Document.from_path(p).segments]
    return (
        f"{len(set(texts)):,} distinct segments in the first {len(paths):,} derivatives' "
        f"{len(texts):,}"
    )


def per_item(wire: Path, paths: list[Path]) -> None:
    """Per-item costs in this process, and the overhead of compare_many over a loop."""
    wire_doc = sc.Document.from_path(wire)
    sizes = [len(sc.Document.from_path(p).segments) for p in paths]
    print(
        f"wire: {len(wire_doc.segments)} segments; derivatives: "
        f"{statistics.mean(sizes):.1f} segments on average ({min(sizes)}-{max(sizes)})"
    )
    prepared = prepare(wire_doc)
    sc.compare(wire_doc, paths[0])  # warm the caches
    sc.compare(prepared, paths[0])
    started = time.perf_counter()
    docs = [sc.Document.from_path(p) for p in paths]
    read = time.perf_counter() - started
    started = time.perf_counter()
    comparisons = [sc.compare(wire_doc, d) for d in docs]
    compared = time.perf_counter() - started
    started = time.perf_counter()
    for d in docs:
        sc.compare(prepared, d)
    reused = time.perf_counter() - started
    n = len(paths)
    print(f"per item, one process, {n} items:")
    print(f"  read and parse the derivative {read / n * 1000:7.2f} ms")
    print(f"  compare(wire, d)              {compared / n * 1000:7.2f} ms")
    print(f"  compare(prepared, d)          {reused / n * 1000:7.2f} ms")
    for detail in batch.DETAILS:
        started = time.perf_counter()
        lines = [batch._ok_line(str(k), c, detail) for k, c in enumerate(comparisons)]
        spent = time.perf_counter() - started
        size = statistics.mean(len(line) + 1 for line in lines)
        print(
            f"  record, detail={detail + ':':<10} {spent / n * 1000:7.2f} ms, "
            f"{size / 1024:6.1f} KiB a record ({size * TARGET_ITEMS / 1e6:,.0f} MB for "
            f"{TARGET_ITEMS:,})"
        )
    # Item by item, in turn, so that a busy machine weighs on both alike.
    records = batch.compare_many(prepared, paths, workers=1, detail="findings")
    loop = many = 0.0
    for path in paths:
        started = time.perf_counter()
        sc.compare(prepared, path).to_dict()
        loop += time.perf_counter() - started
        started = time.perf_counter()
        next(records)
        many += time.perf_counter() - started
    records.close()
    print(
        f"  compare_many(workers=1): {many / n * 1000:.2f} ms an item; a loop of "
        f"compare(prepared, d) and to_dict(): {loop / n * 1000:.2f} ms "
        f"({(many / loop - 1):+.0%})"
    )


def profile(wire: Path, paths: list[Path], top: int) -> None:
    """Profile what a worker does for each item: read, compare, write the record."""
    setup = batch._plan(
        wire,
        paths,
        options=None,
        detail="findings",
        workers=1,
        client=None,
        scheduler=None,
        ordered=True,
        window=None,
        reading=batch._Reading(),
    ).setup
    worker = batch._Worker(setup)  # prepares the wire, as each worker process does
    tasks = [batch._Task(str(p), p, None) for p in paths]
    worker.run(tasks[0])  # warm the caches
    profiler = cProfile.Profile()
    profiler.enable()
    for task in tasks:
        worker.run(task)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(row[3] for row in stats.stats.values())  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])  # type: ignore[attr-defined]
    print(f"\nprofile of {len(tasks)} items (cumulative time, share of the item's work):")
    print(f"  {'cum %':>6} {'cum ms/item':>11} {'own ms/item':>11}  function")
    for (filename, line, name), (_, calls, own, cumulative, _) in rows[:top]:
        where = filename.split("/src/")[-1].split("/site-packages/")[-1]
        print(
            f"  {cumulative / total:6.1%} {cumulative / len(tasks) * 1000:11.2f} "
            f"{own / len(tasks) * 1000:11.2f}  {where}:{line}({name}) x{calls / len(tasks):g}"
        )


def run(wire: Path, folder: Path, out: Path, workers: int, detail: str) -> dict[str, float]:
    """One ``sourcecompare batch`` run in a fresh interpreter; its figures."""
    argv = ["batch", str(wire), str(folder), "--out", str(out), "--restart"]
    argv += ["--workers", str(workers), "--detail", detail, "--no-progress"]
    completed = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", _RUN, *argv], capture_output=True, text=True, check=False, cwd=ROOT
    )
    if completed.returncode != 0:
        msg = f"the batch run failed: {completed.stderr}"
        raise SystemExit(msg)
    figures: dict[str, float] = json.loads(completed.stdout.splitlines()[-1])
    figures["bytes"] = out.stat().st_size
    figures["lines"] = out.read_bytes().count(b"\n")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, measure, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, TARGET_ITEMS])
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--detail", choices=batch.DETAILS, default="findings")
    parser.add_argument("--sample", type=int, default=200, help="items timed in one process")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile N items")
    parser.add_argument("--top", type=int, default=25, help="profile rows (default: 25)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument(
        "--varied",
        action="store_true",
        help="rewrites that share no sentence but those copied from the wire unchanged",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args(argv)

    base = args.keep or Path(tempfile.mkdtemp(prefix="sourcecompare-batch-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        biggest = max(args.sizes)
        wire, seconds = build_corpus(base, biggest, args.seed, varied=args.varied)
        paths = sorted((base / "articles").iterdir())
        megabytes = sum(p.stat().st_size for p in paths[:biggest]) / 1e6
        print(
            f"corpus{' (varied)' if args.varied else ''}: {biggest:,} derivatives, "
            f"{megabytes:.1f} MB, built in {seconds:.1f} s; {distinct_segments(paths[:1000])}"
        )
        if args.sample:
            per_item(wire, paths[: args.sample])
        if args.profile:
            profile(wire, paths[: args.profile], args.top)
        print(f"\nruns: sourcecompare batch, --workers {args.workers}, --detail {args.detail}")
        print(
            f"  {'items':>7} {'wall':>8} {'items/s':>8} {'ms/item/core':>12} "
            f"{'CPU ms/item':>11} {'parent RSS':>10} {'worker RSS':>10} {'output':>9}"
        )
        results = {}
        for size in args.sizes:
            folder = base / f"run-{size}"
            folder.mkdir(exist_ok=True)
            for path in paths[:size]:  # links: the same files, a folder per size
                link = folder / path.name
                if not link.exists():
                    link.symlink_to(path)
            figures = run(wire, folder, base / f"out-{size}.jsonl", args.workers, args.detail)
            if figures["lines"] != size:
                msg = f"{size} items, but {figures['lines']} records were written"
                raise SystemExit(msg)
            results[size] = figures
            print(
                f"  {size:>7,} {figures['wall']:7.1f}s {size / figures['wall']:8.1f} "
                f"{figures['wall'] * args.workers / size * 1000:12.1f} "
                f"{figures['cpu'] / size * 1000:11.1f} "
                f"{figures['parent_rss'] / 1024:8.0f}MB {figures['worker_rss'] / 1024:8.0f}MB "
                f"{figures['bytes'] / 1e6:7.1f}MB"
            )
        verdict = 0
        if TARGET_ITEMS in results:
            wall = results[TARGET_ITEMS]["wall"]
            ok = wall < TARGET_SECONDS
            print(
                f"\ntarget: {TARGET_ITEMS:,} derivatives in under {TARGET_SECONDS:.0f} s on "
                f"{args.workers} workers: {wall:.1f} s, {'ok' if ok else 'MISSED'}"
            )
            verdict = 0 if ok else 1
        if len(results) > 1:
            small, large = min(results), max(results)
            for key, name in (("parent_rss", "coordinator"), ("worker_rss", "largest worker")):
                grow = results[large][key] / results[small][key] - 1
                print(f"peak RSS of the {name}, {small:,} -> {large:,} items: {grow:+.1%}")
        return verdict if args.check else 0
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
