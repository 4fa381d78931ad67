"""The ``sourcecompare`` command line. The only module that prints.

Exit status: 0 on success, 2 on a usage or input error (one line on standard error,
no traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
from rich.console import Console

import sourcecompare
from sourcecompare._align import AlignOptions, align
from sourcecompare._documents import Document
from sourcecompare._io import DEFAULT_MAX_BYTES
from sourcecompare.exceptions import SourceCompareError
from sourcecompare.render.console import THEME
from sourcecompare.similarity import MEASURES

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


def _unit_interval(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        msg = f"expected a number between 0 and 1, got {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0.0 <= number <= 1.0:
        msg = f"expected a number between 0 and 1, got {number}"
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

    align = commands.add_parser(
        "align",
        help="show which wire sentences support each sentence of a derivative",
        description=(
            "Align each DERIVATIVE with the WIRE report: for every derivative sentence "
            "and heading, its label (verbatim, edited, paraphrase, fused, embellished, "
            "unsupported), support and wire sources; for every wire sentence, whether "
            "it was kept, partly kept or omitted."
        ),
    )
    align.add_argument("wire", metavar="WIRE", help="the wire report; '-' reads standard input")
    align.add_argument(
        "derivatives",
        nargs="+",
        metavar="DERIVATIVE",
        help="articles derived from it; '-' reads standard input (once in all)",
    )
    thresholds = align.add_argument_group("alignment")
    thresholds.add_argument(
        "--supported",
        type=_unit_interval,
        metavar="X",
        help=f"support from which a sentence is supported (default: {AlignOptions().supported})",
    )
    thresholds.add_argument(
        "--partial",
        type=_unit_interval,
        metavar="X",
        help=f"support from which a sentence is embellished, not unsupported "
        f"(default: {AlignOptions().partial})",
    )
    thresholds.add_argument(
        "--measure",
        choices=sorted(MEASURES),
        help="similarity measure (default: containment)",
    )
    _add_input_options(align)
    _add_output_options(align)
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
    if sum(name == "-" for name in _inputs(args)) > 1:
        print("sourcecompare: error: standard input ('-') can be read only once", file=sys.stderr)
        return EXIT_USAGE
    try:
        documents = [_read(name, args) for name in _inputs(args)]
        options = _align_options(args) if args.command == "align" else None
    except SourceCompareError as exc:
        print(f"sourcecompare: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if options is None:
        for document in documents:
            console.print(document)
        return EXIT_OK
    wire, derivatives = documents[0], documents[1:]
    for derivative in derivatives:
        console.print(align(wire, derivative, options))
    return EXIT_OK


def _inputs(args: argparse.Namespace) -> list[str]:
    if args.command == "align":
        return [args.wire, *args.derivatives]
    return list(args.files)


def _align_options(args: argparse.Namespace) -> AlignOptions:
    changes = {
        name: getattr(args, name)
        for name in ("supported", "partial", "measure")
        if getattr(args, name) is not None
    }
    defaults = AlignOptions()
    # One threshold given alone moves the other when needed to keep partial <= supported.
    if "partial" in changes and "supported" not in changes:
        changes["supported"] = max(defaults.supported, changes["partial"])
    if "supported" in changes and "partial" not in changes:
        changes["partial"] = min(defaults.partial, changes["supported"])
    return attrs.evolve(defaults, **changes)
