"""The ``index`` and ``trace`` commands of the command line (see :mod:`sourcecompare.cli`).

``sourcecompare index add INDEX PATH...`` builds or extends a wire index from files,
folders and JSON Lines; ``sourcecompare index stats INDEX`` shows its figures;
``sourcecompare trace ARTICLE --index FILE`` finds the wire stories an article draws
on and compares it with them.

:func:`add_commands` adds the commands to the program's parser (:func:`add_index` and
:func:`add_trace` one each). Each command's ``finish`` (:func:`finish`) places the
arguments argparse left over, and its ``handler`` runs it and returns the exit status:
0 when done, 2 on a usage or input error (one line on standard error each), including
records ``index add`` could not index (it indexes the others, unless ``--strict``).
Nothing heavy is imported until a command runs, so the program starts as fast as before.
"""

# The command line prints (as cli.py, which pyproject.toml exempts from T201).
# ruff: noqa: T201

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from sourcecompare.exceptions import SourceCompareError
    from sourcecompare.index import AddReport, IndexStats

__all__ = ["add_commands", "add_index", "add_trace", "finish"]

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2

# The defaults of sourcecompare.index.trace, repeated so that building the parser
# does not import the index module (tests check that they agree).
DEFAULT_LIMIT: Final = 5
DEFAULT_CANDIDATES: Final = 8
DEFAULT_MIN_SHARE: Final = 0.15
DEFAULT_MAX_SOURCES: Final = 3
DEFAULT_BATCH: Final = 1000


def _share(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        msg = f"expected a number above 0, at most 1, got {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0.0 < number <= 1.0:
        msg = f"expected a number above 0, at most 1, got {number}"
        raise argparse.ArgumentTypeError(msg)
    return number


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``index`` (with ``add`` and ``stats``) and ``trace`` to the program's commands."""
    add_index(commands)
    add_trace(commands)


def add_index(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the index command, with its actions ``add`` and ``stats``."""
    from sourcecompare import cli  # noqa: PLC0415 - cli imports this module

    index = commands.add_parser(
        "index",
        help="build a wire index from files, folders and JSON Lines, for 'trace'",
        description=(
            "Build and inspect a wire index: a corpus of wire stories in one SQLite "
            "file with a full-text index, which 'sourcecompare trace' searches."
        ),
    )
    index.set_defaults(command_parser=index)
    actions = index.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add stories to an index (created if missing)",
        description=(
            "Add the stories of each PATH to INDEX, creating it when missing. A .jsonl "
            "file holds one story per line: a JSON object with 'id' and 'text', and "
            "optionally 'published' (an ISO date), 'agency' and 'source'. Any other "
            "file is one story, its id its file name; a folder is searched "
            "recursively for .txt, .text, .md, .markdown, .html, .htm and .jsonl files "
            "(ids are paths from the folder on). A story already in the index is "
            "updated when it changed, and left alone otherwise."
        ),
        epilog=(
            "exit status: 0 when every story was indexed, 2 on a usage or input "
            "error, or when records were skipped (each is reported on standard error)"
        ),
    )
    add.set_defaults(command_parser=add, handler=run_index_add, finish=finish)
    add.add_argument("index", metavar="INDEX", help="the index file")
    add.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders and .jsonl files of stories"
    )
    add.add_argument(
        "--no-update",
        dest="update",
        action="store_false",
        help="leave stories already in the index as they are, even when changed",
    )
    add.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first record that cannot be indexed (the stories before it "
        "stay in) instead of skipping it",
    )
    add.add_argument(
        "--batch",
        type=cli._positive_int,  # noqa: SLF001 - the program's own helpers
        default=DEFAULT_BATCH,
        metavar="N",
        help=f"stories per transaction (default: {DEFAULT_BATCH:,}); an interrupted "
        "run keeps every batch it finished",
    )
    add.add_argument(
        "--optimize",
        action="store_true",
        help="merge the full-text index afterwards (faster searches after big adds)",
    )
    group = add.add_argument_group("input")
    group.add_argument(
        "--encoding",
        metavar="NAME",
        help="text encoding of story files (default: detected; UTF-8 unless marked)",
    )
    group.add_argument(
        "--max-bytes",
        type=cli._positive_int,  # noqa: SLF001
        metavar="N",
        help="refuse story files larger than N bytes (default: 5,000,000)",
    )
    add.add_argument_group("output").add_argument(
        "--json", action="store_true", help="print the counts as JSON"
    )

    stats = actions.add_parser(
        "stats",
        help="show how many stories an index holds, by agency and date",
        description="Show the figures of INDEX: stories, agencies, dates and size.",
    )
    stats.set_defaults(command_parser=stats, handler=run_index_stats, finish=finish)
    stats.add_argument("index", metavar="INDEX", help="the index file")
    stats.add_argument(
        "--check",
        action="store_true",
        help="also check the file and its full-text index for damage",
    )
    stats.add_argument_group("output").add_argument(
        "--json", action="store_true", help="print the figures as JSON"
    )


def add_trace(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the trace command."""
    from sourcecompare import cli  # noqa: PLC0415 - cli imports this module

    trace = commands.add_parser(
        "trace",
        help="find the wire stories an article draws on, and compare it with them",
        description=(
            "Search the wire index for the stories ARTICLE draws on, rank them by the "
            "share of its sentences each supports, and compare ARTICLE with those "
            "that support at least --min-share of it."
        ),
        epilog="exit status: 0 when done (found or not), 2 on a usage or input error",
    )
    trace.set_defaults(command_parser=trace, handler=run_trace, finish=finish)
    trace.add_argument(
        "article", metavar="ARTICLE", help="the article to trace; '-' reads standard input"
    )
    trace.add_argument("--index", required=True, metavar="FILE", help="the wire index")
    ranking = trace.add_argument_group("ranking")
    positive = cli._positive_int  # noqa: SLF001 - the program's own helpers
    ranking.add_argument(
        "--limit",
        type=positive,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"show the N best candidates (default: {DEFAULT_LIMIT})",
    )
    ranking.add_argument(
        "--candidates",
        type=positive,
        default=DEFAULT_CANDIDATES,
        metavar="N",
        help=f"align the article with the N best search hits (default: {DEFAULT_CANDIDATES})",
    )
    ranking.add_argument(
        "--min-share",
        type=_share,
        default=DEFAULT_MIN_SHARE,
        metavar="X",
        help=f"share of the article a story must support to be a source (default: "
        f"{DEFAULT_MIN_SHARE})",
    )
    ranking.add_argument(
        "--max-sources",
        type=positive,
        default=DEFAULT_MAX_SOURCES,
        metavar="N",
        help=f"compare with at most N sources (default: {DEFAULT_MAX_SOURCES})",
    )
    ranking.add_argument(
        "--no-compare",
        dest="compare",
        action="store_false",
        help="show the ranking only, without the comparison",
    )
    cli._add_alignment_options(trace)  # noqa: SLF001
    cli._add_input_options(trace)  # noqa: SLF001
    output = cli._add_output_options(trace)  # noqa: SLF001
    output.add_argument("--json", action="store_true", help="print the trace as JSON (one line)")


def finish(args: argparse.Namespace, extras: list[str]) -> argparse.Namespace:
    """Finish parsing an ``index`` or ``trace`` command: place the arguments left over.

    Files given after options (``index add INDEX a.jsonl --strict b.jsonl``) join the
    paths; anything else left over is a usage error (exit status 2).
    """
    command: argparse.ArgumentParser = args.command_parser
    if extras and args.handler is run_index_add:
        args.paths = [*args.paths, *extras]
    elif extras:
        command.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def _error(exc: BaseException) -> None:
    print(f"sourcecompare: error: {exc}", file=sys.stderr)


def _error_data(exc: SourceCompareError) -> dict[str, object]:
    return {
        "error": type(exc).__name__,
        "message": str(exc),
        "path": getattr(exc, "path", None),
        "line": getattr(exc, "line", None),
    }


def _report_text(path: str, report: AddReport, stories: int) -> str:
    parts = [f"{report.added:,} added", f"{report.updated:,} updated"]
    parts.append(f"{report.unchanged:,} unchanged")
    text = f"{path}: {', '.join(parts)}"
    if report.errors:
        text += f"; {len(report.errors):,} skipped"
    if report.ignored:
        files = "file" if len(report.ignored) == 1 else "files"
        text += f"; {len(report.ignored):,} other {files} ignored"
    return f"{text}; {stories:,} stories in the index"


def run_index_add(args: argparse.Namespace) -> int:
    """``sourcecompare index add``: add stories, report what happened."""
    from sourcecompare.exceptions import SourceCompareError  # noqa: PLC0415 - lazy
    from sourcecompare.index import WireIndex  # noqa: PLC0415

    try:
        with WireIndex.open(args.index, create=True) as index:
            report = index.add_paths(
                args.paths,
                update=args.update,
                on_error="raise" if args.strict else "skip",
                batch=args.batch,
                encoding=args.encoding,
                max_bytes=args.max_bytes,
            )
            if args.optimize:
                index.optimize()
            stories = len(index)
    except SourceCompareError as exc:
        _error(exc)
        return EXIT_USAGE
    for error in report.errors:
        _error(error)
    if args.json:
        from sourcecompare.render.json import dumps  # noqa: PLC0415

        data = {
            "index": args.index,
            "added": report.added,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "skipped": len(report.errors),
            "stories": stories,
            "errors": [_error_data(error) for error in report.errors],
            "ignored": list(report.ignored),
        }
        print(dumps(data, indent=None))
    else:
        print(_report_text(args.index, report, stories))
    return EXIT_USAGE if report.errors else EXIT_OK


def _stats_text(stats: IndexStats) -> str:
    lines = [stats.path, f"  stories    {stats.stories:,}"]
    if stats.first_published is not None and stats.last_published is not None:
        first, last = stats.first_published.isoformat(), stats.last_published.isoformat()
        lines.append(f"  published  {first} to {last}")
    if stats.agencies:
        named = [f"{name or '(none)'} {count:,}" for name, count in stats.agencies]
        lines.append(f"  agencies   {', '.join(named)}")
    size = f"{stats.size / 1e6:,.1f} MB" if stats.size >= 1e6 else f"{stats.size / 1e3:,.0f} kB"
    lines.append(f"  size       {size}")
    lines.append(f"  schema     {stats.schema_version}")
    return "\n".join(lines)


def run_index_stats(args: argparse.Namespace) -> int:
    """``sourcecompare index stats``: print the figures of an index."""
    from sourcecompare.exceptions import SourceCompareError  # noqa: PLC0415 - lazy
    from sourcecompare.index import WireIndex  # noqa: PLC0415

    try:
        with WireIndex.open(args.index) as index:
            if args.check:
                index.check()
            stats = index.stats()
    except SourceCompareError as exc:
        _error(exc)
        return EXIT_USAGE
    if args.json:
        from sourcecompare.render.json import dumps  # noqa: PLC0415

        print(dumps(stats.to_dict(), indent=None))
    else:
        print(_stats_text(stats))
        if args.check:
            print("  check      ok")
    return EXIT_OK


def run_trace(args: argparse.Namespace) -> int:
    """``sourcecompare trace``: rank the article's sources, compare it with them."""
    from sourcecompare import cli  # noqa: PLC0415 - lazy
    from sourcecompare._comparison import CompareOptions  # noqa: PLC0415
    from sourcecompare.exceptions import SourceCompareError  # noqa: PLC0415
    from sourcecompare.index import WireIndex, trace  # noqa: PLC0415

    try:
        options = CompareOptions(alignment=cli._align_options(args))  # noqa: SLF001
        article = cli._read(args.article, args)  # noqa: SLF001
        with WireIndex.open(args.index) as index:
            result = trace(
                article,
                index,
                limit=args.limit,
                candidates=args.candidates,
                min_share=args.min_share,
                max_sources=args.max_sources,
                options=options,
                compare=args.compare,
            )
    except SourceCompareError as exc:
        _error(exc)
        return EXIT_USAGE
    if args.json:
        print(result.to_json(indent=None), flush=True)
    else:
        cli._console(args).print(result)  # noqa: SLF001
    return EXIT_OK
