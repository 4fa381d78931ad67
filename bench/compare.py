"""Start-up cost of the command line: a whole ``sourcecompare compare`` run, and the import.

    python bench/compare.py [--runs 15] [--check] [--top 12]

Measures, each as the median of ``--runs`` fresh processes (after one warm-up run):

* the wall time of ``sourcecompare compare examples/articles/harbour_wire.txt
  examples/articles/harbour_rewrite.txt`` (the report rendered at 100 columns into a
  pipe), and of the same run with ``--json``; target below 0.3 s;
* the time ``import sourcecompare`` adds to a bare interpreter (``python -c "import
  sourcecompare"`` minus ``python -c pass``); target below 150 ms.

The fastest run is shown too: on a busy machine it is the better guide to the cost
itself. Then, to show where the time goes: one report phase by phase (import, reading
and comparing, rendering, JSON export), and the modules that cost most to import, from
``python -X importtime`` (self time, one run). With ``--check`` it exits 1 when a
median misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
PAIR = [str(ARTICLES / "harbour_wire.txt"), str(ARTICLES / "harbour_rewrite.txt")]
PROCESS_TARGET = 0.3  # seconds, a whole compare run
IMPORT_TARGET = 0.150  # seconds, what `import sourcecompare` adds to a bare interpreter
# Bytecode caching on, as in an installed package (the warm-up run writes the caches).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "COLUMNS": "100",
    "NO_COLOR": "1",
}


def program() -> list[str]:
    """The installed ``sourcecompare`` script next to this interpreter, else ``python -m``."""
    script = shutil.which("sourcecompare", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "sourcecompare"]


def wall_times(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median and fastest wall time of each command over *runs* rounds; seconds.

    One warm-up round comes first. Each round runs every command once, so that a burst
    of load on the machine weighs on all of them alike.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs + 1):
        for name, argv in commands.items():
            start = time.perf_counter()
            completed = subprocess.run(  # noqa: S603 - our own interpreter and program
                argv, capture_output=True, env=ENV, check=False, cwd=ROOT
            )
            times[name].append(time.perf_counter() - start)
            if completed.returncode not in (0, 1):
                msg = f"{' '.join(argv)} exited {completed.returncode}: {completed.stderr.decode()}"
                raise SystemExit(msg)
    return {name: (statistics.median(v[1:]), min(v[1:])) for name, v in times.items()}


# Run in a fresh interpreter: where the time of one report goes, phase by phase.
_PHASES = """
import io, json, sys, time
start = time.perf_counter()
import sourcecompare
imported = time.perf_counter()
from rich.console import Console
from sourcecompare.render.console import THEME
rich_loaded = time.perf_counter()
wire, derivative = (sourcecompare.Document.from_path(p) for p in sys.argv[1:3])
comparison = sourcecompare.compare(wire, derivative)
compared = time.perf_counter()
Console(file=io.StringIO(), width=100, theme=THEME).print(comparison)
rendered = time.perf_counter()
comparison.to_json()
exported = time.perf_counter()
print(json.dumps({
    "import sourcecompare": imported - start,
    "import rich views": rich_loaded - imported,
    "read and compare": compared - rich_loaded,
    "render the report": rendered - compared,
    "JSON export": exported - rendered,
}))
"""


def phases(runs: int) -> dict[str, float]:
    """Median time of each phase of one report, in fresh interpreters; seconds."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs + 1):
        completed = subprocess.run(  # noqa: S603 - our own interpreter
            [sys.executable, "-c", _PHASES, *PAIR],
            capture_output=True,
            text=True,
            env=ENV,
            check=True,
            cwd=ROOT,
        )
        for name, seconds in json.loads(completed.stdout).items():
            samples.setdefault(name, []).append(seconds)
    return {name: statistics.median(values[1:]) for name, values in samples.items()}


def import_profile(top: int) -> list[tuple[int, int, str]]:
    """The *top* modules by self import time: (self µs, cumulative µs, name)."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import sourcecompare"],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    rows = []
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(own), int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    """Measure, print the figures, and with --check return 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per figure (default: 15)")
    parser.add_argument("--top", type=int, default=12, help="modules to list (default: 12)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    command = [*program(), "compare", *PAIR]
    timed = wall_times(
        {
            "report": [*command, "--width", "100"],
            "json": [*command, "--json"],
            "bare": [sys.executable, "-c", "pass"],
            "import": [sys.executable, "-c", "import sourcecompare"],
        },
        args.runs,
    )
    bare = timed["bare"]
    rows = [
        ("compare, report", timed["report"], PROCESS_TARGET),
        ("compare, --json", timed["json"], PROCESS_TARGET),
        (
            "import sourcecompare",
            (timed["import"][0] - bare[0], timed["import"][1] - bare[1]),
            IMPORT_TARGET,
        ),
    ]

    print(f"command: {' '.join(Path(a).name if a in PAIR else a for a in command)}")
    print(f"{args.runs} runs each, after a warm-up run\n")
    print(f"{'':<22} {'median':>8} {'fastest':>8}   target")
    for name, (median, fastest), target in rows:
        verdict = "ok" if median < target else "MISSED"
        print(
            f"{name:<22} {median * 1000:5.0f} ms {fastest * 1000:5.0f} ms   "
            f"< {target * 1000:.0f} ms {verdict}"
        )
    print(f"{'(bare interpreter)':<22} {bare[0] * 1000:5.0f} ms {bare[1] * 1000:5.0f} ms")

    print("\none report, phase by phase (median, in-process clock):")
    for name, seconds in phases(max(3, args.runs // 3)).items():
        print(f"  {name:<22} {seconds * 1000:5.0f} ms")

    print("\nslowest imports (python -X importtime, one run; self and cumulative, ms):")
    for own, cumulative, name in import_profile(args.top):
        print(f"  {own / 1000:6.1f} {cumulative / 1000:7.1f}  {name}")

    missed = [name for name, (median, _), target in rows if median >= target]
    if args.check and missed:
        print(f"\ntarget missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
