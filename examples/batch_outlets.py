"""Compare every outlet's version of a wire story in one batch run, then rank the outlets.

    python examples/batch_outlets.py [OUT.jsonl]

Compares the bundled harbour_wire.txt with the four versions of it (see
examples/articles/README.md), plus one outlet whose file is missing, on two worker
processes. One JSON record per version goes to OUT.jsonl (a new temporary file by
default): the missing file becomes an error record, and the run goes on. The records
are then read back and shown, one row per outlet, the most faithful first (fewest high,
then medium, then low severity findings).

Run it again with the same OUT.jsonl and nothing is compared twice: the versions
already in the file are skipped (that is how an interrupted batch is finished).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

import sourcecompare as sc
from sourcecompare.batch import BatchRecord, read_records, run_batch
from sourcecompare.render.console import safe_text

ARTICLES = Path(__file__).resolve().parent / "articles"
OUTLETS = (
    "harbour_faithful.txt",
    "harbour_aggregator.txt",
    "harbour_rewrite.txt",
    "harbour_blog.txt",
    "harbour_radio.txt",  # no such file: an error record
)


def rank(record: BatchRecord) -> tuple[int, ...]:
    """The sort key of an outlet: its high, medium and low findings, in that order."""
    counts = record.to_dict()["summary"]["by_severity"]
    return (counts["high"], counts["medium"], counts["low"])


def table(records: list[BatchRecord]) -> Table:
    """One row per outlet compared, most faithful first."""
    result = Table()
    result.add_column("#", justify="right")
    result.add_column("outlet", no_wrap=True)
    for name in ("high", "medium", "low"):
        result.add_column(name, justify="right")
    result.add_column("supported", justify="right")
    result.add_column("speakers lost", justify="right")
    for place, record in enumerate(sorted(records, key=rank), start=1):
        summary = record.to_dict()["summary"]
        dropped = len(summary["speakers_dropped"])
        speakers = len(summary["speakers_kept"]) + dropped
        result.add_row(
            str(place),
            safe_text(Path(record.id).name),  # ids are data: never read as markup
            *(str(n) for n in rank(record)),
            f"{summary['derivative_supported']:.0%}",
            f"{dropped} of {speakers}",
        )
    return result


def main(argv: list[str]) -> int:
    """Run the batch into *argv[0]* (or a temporary file) and show the ranking."""
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp()) / "harbour.jsonl"
    try:
        stats = run_batch(
            ARTICLES / "harbour_wire.txt",
            [ARTICLES / name for name in OUTLETS],
            out,
            workers=2,
            progress=False,
        )
        records = list(read_records(out))
    except sc.SourceCompareError as exc:
        print(f"cannot run the batch: {exc}", file=sys.stderr)
        return 2

    console = Console(highlight=False)
    console.print(safe_text(f"records: {out}"))
    console.print(
        f"{stats.ok} compared, {stats.errors} failed, {stats.skipped} already in the file, "
        f"in {stats.seconds:.1f} s"
    )
    compared = [record for record in records if record.ok]
    console.print(table(compared))
    for record in records:
        if not record.ok:
            console.print(safe_text(f"not compared: {Path(record.id).name}: {record.error}"))
    return 0


if __name__ == "__main__":  # worker processes import this file: run only as a script
    sys.exit(main(sys.argv[1:]))
