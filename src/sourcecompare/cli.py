"""The ``sourcecompare`` command line. The only module that prints.

Commands: ``inspect`` (how articles are parsed), ``align`` (which wire sentences
support each derivative sentence), ``compare`` (the full report: added framing,
omissions and attribution drift, on the terminal, as JSON, HTML or SVG), ``batch``
(many derivatives into a resumable JSON Lines file: :mod:`sourcecompare._cli_batch`),
``index`` and ``trace`` (a wire index, and the stories an article draws on:
:mod:`sourcecompare._cli_index`).

Exit status: 0 on success; 1 when ``compare --fail-on`` finds findings at or above the
chosen severity; 2 on a usage or input error (one line on standard error, no traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

import sourcecompare
from sourcecompare import _cli_batch, _cli_index
from sourcecompare._align import AlignOptions, align
from sourcecompare._comparison import CompareOptions, Comparison, compare, prepare
from sourcecompare._documents import Document
from sourcecompare._findings import Severity
from sourcecompare._io import DEFAULT_MAX_BYTES
from sourcecompare.detectors import KINDS
from sourcecompare.exceptions import SourceCompareError
from sourcecompare.similarity import MEASURES

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["build_parser", "main"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_USAGE: Final = 2

"""Every kind of finding the built-in detectors report, as ``compare --only`` accepts them."""

_CATEGORIES: Final = tuple(dict.fromkeys(kind.split(".", 1)[0] for kind in KINDS))
_SEVERITIES: Final = tuple(severity.value for severity in Severity)
_EXPORT_WIDTH: Final = 100


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


def _add_alignment_options(parser: argparse.ArgumentParser) -> None:
    """Add --supported, --partial and --measure (align and compare)."""
    defaults = AlignOptions()
    group = parser.add_argument_group("alignment")
    group.add_argument(
        "--supported",
        type=_unit_interval,
        metavar="X",
        help=f"support from which a sentence is supported (default: {defaults.supported})",
    )
    group.add_argument(
        "--partial",
        type=_unit_interval,
        metavar="X",
        help=f"support from which a sentence is embellished, not unsupported "
        f"(default: {defaults.partial})",
    )
    group.add_argument(
        "--measure",
        choices=sorted(MEASURES),
        help="similarity measure (default: containment)",
    )


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    """Add --encoding, --format and --max-bytes (every command)."""
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


def _add_output_options(
    parser: argparse.ArgumentParser, *, width_help: str = "render at N columns (default: terminal)"
) -> argparse._ArgumentGroup:
    """Add --width and --no-color (every command); return the group for more."""
    group = parser.add_argument_group("output")
    group.add_argument("--width", type=_positive_int, metavar="N", help=width_help)
    group.add_argument("--no-color", action="store_true", help="render without colour")
    return group


def _add_compare(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the compare command and its options."""
    parser = commands.add_parser(
        "compare",
        help="report what a derivative added, dropped and attributed differently",
        description=(
            "Compare each DERIVATIVE with the WIRE report (or with every --wire) and "
            "report the findings, added framing, omissions and attribution drift, "
            "with their evidence, the fate of every wire speaker and a summary."
        ),
        epilog=(
            "exit status: 0 when done, 1 when --fail-on is given and a derivative has a "
            "finding at or above that severity, 2 on a usage or input error"
        ),
    )
    parser.set_defaults(command_parser=parser)
    parser.add_argument(
        "wire",
        nargs="?",
        metavar="WIRE",
        help="the wire report; '-' reads standard input; leave it out when --wire is given",
    )
    parser.add_argument(
        "derivatives",
        nargs="+",
        metavar="DERIVATIVE",
        help="articles derived from it; '-' reads standard input (once in all)",
    )
    parser.add_argument(
        "--wire",
        dest="wires",
        action="append",
        metavar="FILE",
        help="a wire report; repeat it for several wires, each derivative sentence then "
        "credited to the wire it comes from; with --wire, every positional FILE is a "
        "derivative",
    )
    findings = parser.add_argument_group("findings")
    findings.add_argument(
        "--only",
        action="append",
        choices=(*_CATEGORIES, *KINDS),
        metavar="KIND",
        help="report only findings of this kind (framing.speculation) or category "
        "(framing, omission, attribution); repeatable",
    )
    findings.add_argument(
        "--fail-on",
        choices=_SEVERITIES,
        metavar="SEVERITY",
        help="exit with status 1 when a derivative has a reported finding of this "
        "severity or higher (low, medium, high)",
    )
    _add_alignment_options(parser)
    _add_input_options(parser)
    output = _add_output_options(
        parser, width_help="render at N columns (default: terminal; 100 for --html and --svg)"
    )
    output.add_argument(
        "--json",
        action="store_true",
        help="print JSON instead of the report: one comparison per line (JSON Lines)",
    )
    output.add_argument("--html", metavar="FILE", help="also write the report as an HTML page")
    output.add_argument("--svg", metavar="FILE", help="also write the report as an SVG image")


class _VersionAction(argparse.Action):
    """``--version``: print the installed version and exit.

    The version is looked up only when asked for: reading the package metadata costs
    more start-up time than the rest of the parser.
    """

    def __init__(self, option_strings: Sequence[str], dest: str, help: str) -> None:  # noqa: A002
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,  # noqa: ARG002 - argparse's signature
        values: object,  # noqa: ARG002 - argparse's signature
        option_string: str | None = None,  # noqa: ARG002 - argparse's signature
    ) -> None:
        print(f"{parser.prog} {sourcecompare.__version__}")
        parser.exit()


def _add_inspect(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the inspect command and its options."""
    inspect = commands.add_parser(
        "inspect",
        help="show how articles are parsed: furniture, headline, headings, sentences",
        description=(
            "Parse each article and show its furniture (credits, dateline, byline, "
            "navigation), headline, headings and sentences, with character offsets."
        ),
    )
    inspect.set_defaults(command_parser=inspect)
    inspect.add_argument(
        "files", nargs="+", metavar="FILE", help="article files; '-' reads standard input"
    )
    _add_input_options(inspect)
    _add_output_options(inspect)


def _add_align(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the align command and its options."""
    align_command = commands.add_parser(
        "align",
        help="show which wire sentences support each sentence of a derivative",
        description=(
            "Align each DERIVATIVE with the WIRE report: for every derivative sentence "
            "and heading, its label (verbatim, edited, paraphrase, fused, embellished, "
            "unsupported), support and wire sources; for every wire sentence, whether "
            "it was kept, partly kept or omitted."
        ),
    )
    align_command.set_defaults(command_parser=align_command)
    align_command.add_argument(
        "wire", metavar="WIRE", help="the wire report; '-' reads standard input"
    )
    align_command.add_argument(
        "derivatives",
        nargs="+",
        metavar="DERIVATIVE",
        help="articles derived from it; '-' reads standard input (once in all)",
    )
    _add_alignment_options(align_command)
    _add_input_options(align_command)
    _add_output_options(align_command)


_COMMANDS: Final[
    dict[str, Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]]
] = {
    "inspect": _add_inspect,
    "align": _add_align,
    "compare": _add_compare,
    "batch": _cli_batch.add_commands,
    "index": _cli_index.add_index,
    "trace": _cli_index.add_trace,
}
"""Each command's name, and what adds it to the parser, in the order help lists them."""


def _new_parser(commands: Iterable[str]) -> argparse.ArgumentParser:
    """The program's parser with the *commands* named (keys of :data:`_COMMANDS`)."""
    parser = argparse.ArgumentParser(
        prog="sourcecompare",
        description="Compare a news-agency wire report with the coverage derived from it.",
    )
    parser.add_argument(
        "-V", "--version", action=_VersionAction, help="show program's version number and exit"
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in commands:
        _COMMANDS[name](subcommands)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (tests and docs use it directly)."""
    return _new_parser(_COMMANDS)


def _parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for *argv*: when it opens with a command, a parser of that command alone.

    Such arguments go to that command's parser and to no other, so the output is the
    same as with every command (help, errors and all), and the program starts sooner:
    building the other commands' parsers took longer than parsing.
    """
    if argv and argv[0] in _COMMANDS:
        return _new_parser([argv[0]])
    return build_parser()


class _CommandError(Exception):
    """An error the command finds itself (an export file it cannot write): one line, exit 2."""


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse *argv*, allowing files after options ("WIRE --json DERIVATIVE").

    argparse takes one run of positional arguments per positional parameter; file
    names it left over are appended to the command's files, in the order given, and
    anything else left over is an unknown option (a usage error).
    """
    args, extras = parser.parse_known_args(argv)
    command: argparse.ArgumentParser = args.command_parser
    unknown = [extra for extra in extras if extra.startswith("-") and extra != "-"]
    if unknown:
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    if getattr(args, "handler", None) is not None:  # commands of other modules
        finish = getattr(args, "finish", None)
        if finish is not None:
            finished: argparse.Namespace = finish(args, extras)
            return finished
        if extras:
            command.error(f"unrecognized arguments: {' '.join(extras)}")
        return args
    if args.command == "inspect":
        args.files = [*args.files, *extras]
    elif args.command == "align":
        args.derivatives = [*args.derivatives, *extras]
    else:
        files = [*([args.wire] if args.wire is not None else []), *args.derivatives, *extras]
        if args.wires:
            args.derivatives = files
        elif len(files) < 2:
            command.error("a WIRE and at least one DERIVATIVE are needed, or give --wire FILE")
        else:
            args.wires, args.derivatives = files[:1], files[1:]
        args.wire = args.wires[0]
    return args


def _inputs(args: argparse.Namespace) -> list[str]:
    """Every file name the command reads, wires first, in the order given."""
    if args.command == "inspect":
        return list(args.files)
    if args.command == "align":
        return [args.wire, *args.derivatives]
    return [*args.wires, *args.derivatives]


def _read(name: str, args: argparse.Namespace) -> Document:
    """Read one input ('-' is standard input) with the input options given."""
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
    """The console that draws to standard output, with our theme and the output options."""
    from rich.console import Console  # noqa: PLC0415 - not needed for --json

    from sourcecompare.render.console import THEME  # noqa: PLC0415 - not needed for --json

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit with status 1, which means "findings" here: let main decide.
            raise BrokenPipeError

    return _Console(
        theme=THEME,
        width=args.width,
        highlight=False,
        emoji=False,  # no ":code:" turned into a picture (and no 2 ms table of them)
        no_color=args.no_color or None,
        soft_wrap=False,
    )


def _align_options(args: argparse.Namespace) -> AlignOptions:
    """The alignment options: the defaults, changed by --supported, --partial, --measure.

    Raises:
        InvalidOptionError: The thresholds given contradict each other.
    """
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


def _export_paths(name: str | None, count: int) -> list[Path]:
    """Where to write one export per derivative: FILE, or FILE-1, FILE-2 ... for several."""
    if name is None:
        return []
    path = Path(name)
    if count == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, count + 1)]


def _check_writable(paths: Sequence[Path]) -> None:
    """Refuse export files in a missing folder (or that are folders) before comparing."""
    for path in paths:
        if not path.parent.is_dir():
            msg = f"cannot write {str(path)!r}: no such folder {str(path.parent)!r}"
            raise _CommandError(msg)
        if path.is_dir():
            msg = f"cannot write {str(path)!r}: it is a folder"
            raise _CommandError(msg)


def _write(path: Path, text: str) -> None:
    """Write *text* to *path* in UTF-8; a failure is a one-line error."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        msg = f"cannot write {str(path)!r}: {exc.strerror or exc}"
        raise _CommandError(msg) from None


def _run_compare(
    args: argparse.Namespace, wires: list[Document], derivatives: list[Document]
) -> int:
    """Compare every derivative, show or export each result; return the exit status."""
    options = CompareOptions(alignment=_align_options(args))
    html = _export_paths(args.html, len(derivatives))
    svg = _export_paths(args.svg, len(derivatives))
    _check_writable([*html, *svg])
    console = None if args.json else _console(args)
    threshold = Severity(args.fail_on) if args.fail_on is not None else None
    failed = False
    prepared = prepare(wires, options=options)  # the wire side, once for every derivative
    for number, derivative in enumerate(derivatives):
        comparison: Comparison = compare(prepared, derivative)
        if args.only:
            comparison = comparison.select(args.only)
        if console is None:
            print(comparison.to_json(indent=None), flush=True)
        else:
            console.print(comparison)
        width = args.width or _EXPORT_WIDTH
        if html:
            _write(html[number], comparison.to_html(width=width))
        if svg:
            _write(svg[number], comparison.to_svg(width=width))
        worst = comparison.worst
        if threshold is not None and worst is not None and worst >= threshold:
            failed = True
    return EXIT_FINDINGS if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    When standard output is closed early (``sourcecompare ... | head``), the program
    stops quietly with status 2, without a traceback.
    """
    try:
        return _run(argv)
    except BrokenPipeError:
        # Point standard output at nothing, so that flushing it at exit cannot fail again.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_USAGE


def _run(argv: Sequence[str] | None) -> int:
    """Parse *argv*, read the inputs, run the command; return the exit status."""
    parser = _parser_for(sys.argv[1:] if argv is None else argv)
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:  # argparse has printed its message
        return int(exc.code or 0)
    if getattr(args, "handler", None) is not None:  # batch, index, trace
        return int(args.handler(args))
    names = _inputs(args)
    if sum(name == "-" for name in names) > 1:
        print("sourcecompare: error: standard input ('-') can be read only once", file=sys.stderr)
        return EXIT_USAGE
    try:
        documents = [_read(name, args) for name in names]
        if args.command == "compare":
            count = len(args.wires)
            return _run_compare(args, documents[:count], documents[count:])
        if args.command == "align":
            options = _align_options(args)
            console = _console(args)
            for derivative in documents[1:]:
                console.print(align(documents[0], derivative, options))
            return EXIT_OK
        console = _console(args)
        for document in documents:
            console.print(document)
    except (SourceCompareError, _CommandError) as exc:
        print(f"sourcecompare: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
