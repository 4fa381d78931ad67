"""``sourcecompare batch``: many derivatives against a wire report, into JSON Lines.

The command line of :func:`sourcecompare.batch.run_batch`. :func:`add_commands` adds
the command to the program's parser (:mod:`sourcecompare.cli`), whose parsed arguments
carry :func:`run` as their ``handler`` and :func:`finish` to place the files left over.

Exit status: 0 when every item was compared; 1 when the output holds error records
(items that could not be read or compared); 2 on a usage or input error (one line on
standard error, no traceback), or when the run is interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Final

from sourcecompare.exceptions import SourceCompareError

__all__ = ["add_commands", "finish", "run"]

EXIT_OK: Final = 0
EXIT_FAILED_ITEMS: Final = 1
EXIT_USAGE: Final = 2
# sourcecompare.batch.DETAILS, written out: the program builds every command's parser
# on every run, and importing sourcecompare.batch for it would slow them all.
_DETAILS: Final = ("summary", "findings", "full")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``batch`` command to the program's subcommands."""
    from sourcecompare import cli  # noqa: PLC0415 - cli imports this module

    parser = commands.add_parser(
        "batch",
        help="compare many derivatives with a wire, into a JSON Lines file (resumable)",
        description=(
            "Compare every DERIVATIVE (files, and the files in folders) and every item "
            "of --items with the WIRE report, on several processes, and write one JSON "
            "record per item to --out. Run the same command again to resume: items "
            "already in the output are skipped."
        ),
        epilog=(
            "exit status: 0 when every item was compared, 1 when the output holds "
            "error records (items that could not be read or compared), 2 on a usage "
            "or input error"
        ),
    )
    parser.set_defaults(command_parser=parser, handler=run, finish=finish)
    parser.add_argument(
        "wire",
        nargs="?",
        metavar="WIRE",
        help="the wire report; '-' reads standard input; leave it out when every "
        "--items record names its own wire",
    )
    parser.add_argument(
        "derivatives",
        nargs="*",
        metavar="DERIVATIVE",
        help="articles derived from it, or folders of them (read recursively, "
        "hidden files left out, in name order)",
    )
    items = parser.add_argument_group("items")
    items.add_argument(
        "--items",
        action="append",
        metavar="FILE",
        help='a JSON Lines file of items, one per line: {"id": ..., "path": ... or '
        '"text": ...}, with their own wire as "wire_path" or "wire_text" if they '
        "have one; repeatable",
    )
    items.add_argument(
        "--glob",
        metavar="PATTERN",
        help="in folders, read only the files whose name matches PATTERN ('*.txt')",
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="the JSON Lines file to write, or to resume; '-' writes to standard "
        "output (and cannot resume)",
    )
    output.add_argument(
        "--detail",
        choices=_DETAILS,
        default="findings",
        help="what a record holds: the summary, the summary and the findings "
        "(default), or the full comparison",
    )
    output.add_argument(
        "--restart",
        action="store_true",
        help="start the output over instead of resuming it",
    )
    output.add_argument(
        "--fsync",
        action="store_true",
        help="sync the output to disk after every record (survives a power cut)",
    )
    output.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show a progress bar on standard error (default: when it is a terminal)",
    )
    work = parser.add_argument_group("workers")
    work.add_argument(
        "--workers",
        type=cli._positive_int,  # noqa: SLF001 - the program's own helpers
        metavar="N",
        help="worker processes (default: one per CPU; 1 runs in one process)",
    )
    work.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster of this scheduler ('tcp://host:8786'); needs "
        "the 'dask' extra",
    )
    work.add_argument(
        "--unordered",
        action="store_true",
        help="write records as they finish, not in the order of the input",
    )
    cli._add_alignment_options(parser)  # noqa: SLF001
    cli._add_input_options(parser)  # noqa: SLF001


class _Counted:
    """Items read as the run goes, with their number known beforehand (for progress)."""

    def __init__(self, items: Iterable[object], count: int) -> None:
        self._items = items
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[object]:
        return iter(self._items)


def _files(name: str, pattern: str | None, out: Path | None) -> list[Path]:
    """A file as given; a folder as its files, recursively, in name order."""
    path = Path(name)
    if not path.is_dir():
        return [path]
    found = []
    for file in sorted(path.rglob(pattern or "*")):
        parts = file.relative_to(path).parts
        if any(part.startswith(".") for part in parts) or not file.is_file():
            continue
        if out is not None and file.resolve() == out:
            continue  # the output itself, written into the folder
        found.append(file)
    return found


def _lines(path: Path) -> int:
    """How many lines a file has (for the progress bar's total); 0 if unreadable."""
    try:
        with path.open("rb") as stream:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
    except OSError:
        return 0


def finish(args: argparse.Namespace, extras: list[str]) -> argparse.Namespace:
    """Finish parsing: files given after options (``batch W --out F a.txt``) are derivatives."""
    args.derivatives = [*args.derivatives, *extras]
    return args


def run(args: argparse.Namespace) -> int:
    """Run ``batch`` with parsed *args*; return the exit status."""
    from sourcecompare import cli  # noqa: PLC0415 - cli imports this module
    from sourcecompare._comparison import CompareOptions  # noqa: PLC0415
    from sourcecompare.batch import read_items, run_batch  # noqa: PLC0415

    if not args.derivatives and not args.items:
        _error("give at least one DERIVATIVE (a file or folder) or --items FILE")
        return EXIT_USAGE
    if args.workers is not None and args.scheduler is not None:
        _error("--workers is for local processes; with --scheduler, Dask has its own")
        return EXIT_USAGE
    to_stdout = args.out == "-"
    progress = args.progress
    if progress is None and to_stdout and sys.stdout.isatty():
        progress = False  # records on the terminal would tear the bar apart
    out = None if to_stdout else Path(args.out).resolve()
    try:
        paths = [f for name in args.derivatives for f in _files(name, args.glob, out)]
        files = [Path(name) for name in args.items or ()]
        items: Iterable[object] = chain(paths, *(read_items(f) for f in files))
        if files:
            items = _Counted(items, len(paths) + sum(_lines(f) for f in files))
        wire = None
        if args.wire is not None:
            wire = cli._read(args.wire, args) if args.wire == "-" else Path(args.wire)  # noqa: SLF001
        stats = run_batch(
            wire,
            items if files else paths,
            sys.stdout if to_stdout else args.out,
            resume=not args.restart,
            fsync=args.fsync,
            options=CompareOptions(alignment=cli._align_options(args)),  # noqa: SLF001
            detail=args.detail,
            workers=args.workers,
            scheduler=args.scheduler,
            ordered=not args.unordered,
            progress=progress,
            encoding=args.encoding,
            format=args.format,
            max_bytes=args.max_bytes,
        )
    except SourceCompareError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error(f"interrupted; run the same command again to resume {args.out!r}")
        return EXIT_USAGE
    where = "on standard output" if to_stdout else f"in {stats.out}"
    done = f"{stats.skipped:,} already done" + (
        f" ({stats.earlier_errors:,} of them errors)" if stats.earlier_errors else ""
    )
    print(  # noqa: T201 - the CLI
        f"sourcecompare: {stats.ok:,} compared, {stats.errors:,} errors, {done}; "
        f"{stats.seconds:.1f} s; records {where}",
        file=sys.stderr,
    )
    return EXIT_FAILED_ITEMS if stats.failed else EXIT_OK


def _error(message: str) -> None:
    print(f"sourcecompare: error: {message}", file=sys.stderr)  # noqa: T201 - the CLI
