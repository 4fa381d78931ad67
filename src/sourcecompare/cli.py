"""The ``sourcecompare`` command line. The only module that prints.

Exit status: 0 on success, 2 on a usage or input error (one line on standard error,
no traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

import sourcecompare
from sourcecompare._documents import Document
from sourcecompare._io import DEFAULT_MAX_BYTES
from sourcecompare.exceptions import SourceCompareError
from sourcecompare.render.console import THEME

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_USAGE = 2


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        msg = f"expected a whole number, got {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if number < 1:
        msg = f"expected a positive number, got {number}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument(
        "--encoding",
        metavar="NAME",
        help="text encoding of the inputs (default: detected; UTF-8 unless marked)",
    )
    group.add_argument(
        "--format",
        choices=("text", "markdown", "html"),
        help="input format (default: from the file suffix; html needs the 'html' extra)",
    )
    group.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse inputs larger than N bytes (default: {DEFAULT_MAX_BYTES:,})",
    )


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "--width", type=_positive_int, metavar="N", help="render at N columns (default: terminal)"
    )
    group.add_argument("--no-color", action="store_true", help="render without colour")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (tests and docs use it directly)."""
    parser = argparse.ArgumentParser(
        prog="sourcecompare",
        description="Compare a news-agency wire report with the coverage derived from it.",
    )
    parser.add_argument(
        "-V", "--version", action="version", version=f"%(prog)s {sourcecompare.__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    inspect = commands.add_parser(
        "inspect",
        help="show how articles are parsed: furniture, headline, headings, sentences",
        description=(
            "Parse each article and show its furniture (credits, dateline, byline, "
            "navigation), headline, headings and sentences, with character offsets."
        ),
    )
    inspect.add_argument(
        "files", nargs="+", metavar="FILE", help="article files; '-' reads standard input"
    )
    _add_input_options(inspect)
    _add_output_options(inspect)
    return parser


def _read(name: str, args: argparse.Namespace) -> Document:
    if name == "-":
        data = sys.stdin.buffer.read(args.max_bytes + 1)
        return Document.from_bytes(
            data,
            format=args.format or "text",
            encoding=args.encoding,
            doc_id="<stdin>",
            source="<stdin>",
            max_bytes=args.max_bytes,
        )
    return Document.from_path(
        Path(name), encoding=args.encoding, format=args.format, max_bytes=args.max_bytes
    )


def _console(args: argparse.Namespace) -> Console:
    return Console(
        theme=THEME,
        width=args.width,
        highlight=False,
        no_color=args.no_color or None,
        soft_wrap=False,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message
        return int(exc.code or 0)
    console = _console(args)
    try:
        documents = [_read(name, args) for name in args.files]
    except SourceCompareError as exc:
        print(f"sourcecompare: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for document in documents:
        console.print(document)
    return EXIT_OK
