"""The documentation runs: every example in README.md and docs/ is executed.

* Fenced blocks tagged ``python`` run in order, one shared namespace per file, with the
  working directory at the repository root. A failure names the file and the line of
  the block, and the traceback points at the Markdown line that failed.
* Fenced blocks tagged ``pycon`` are interactive sessions, run in the same namespace and
  order as the file's ``python`` blocks. A statement starts at a ``>>> `` line and goes
  on over the ``... `` lines right after it; the lines after that, up to the next
  ``>>>``, are what it must print (``print`` output, and the ``repr`` of a bare
  expression, as in the interpreter), matched as for console blocks below. No lines
  means it must print nothing. Output cannot begin with a line starting ``...``.
* Fenced blocks tagged ``console`` run each ``$ sourcecompare ...`` line through
  :func:`sourcecompare.cli.main`. The exit status must be 0, or the ``N`` of a
  ``# exit: N`` comment on the line above the command. Lines after a command, up to the
  next command, are its expected output (standard output, then standard error) and must
  match exactly, except that ``...`` inside a line matches any text and a line that is
  only ``...`` matches any number of lines. Trailing white space is ignored.
* Running this file as a script rewrites the documented output of console and pycon
  blocks that no longer matches (``python tests/test_docs.py``).
* Other blocks (``sh``, ``text``, ``json`` ...) are not run.
* Relative links between the Markdown files must point at files and headings that exist.
* docs/reference/cli.md shows the ``--help`` of every command, and docs/reference/api.md
  names every public name of the public modules.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import shlex
from pathlib import Path
from typing import NamedTuple

import pytest

from sourcecompare import cli

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN_FILES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])

_FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
_EXIT_RE = re.compile(r"^#\s*exit:\s*(?P<code>\d+)\s*$")
_LINK_RE = re.compile(r"(?<!!)\[[^\]\n]*\]\((?P<target>[^)\s]+)\)")
_COMMAND = "$ sourcecompare "


class Block(NamedTuple):
    """A fenced code block of a Markdown file."""

    language: str
    line: int  # 1-based line number of the block's first line of code
    code: str


class Command(NamedTuple):
    """One ``$ sourcecompare`` line of a console block, with what it should do."""

    line: int
    argv: list[str]
    exit_code: int
    expected: list[str]


class Statement(NamedTuple):
    """One ``>>>`` statement of a pycon block, with the output it should print."""

    line: int  # 1-based line number of its ``>>>`` line
    last: int  # 1-based line number of its last line of code
    source: str
    expected: list[str]


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _blocks(path: Path) -> list[Block]:
    """Return the fenced code blocks of a Markdown file, dedented to their fence."""
    blocks = []
    lines = path.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        opening = _FENCE_RE.match(lines[number])
        number += 1
        if opening is None:
            continue
        fence, indent = opening.group("fence"), len(opening.group("indent"))
        info = opening.group("info").split()
        first = number
        body = []
        while number < len(lines):
            closing = _FENCE_RE.match(lines[number])
            number += 1
            if (
                closing is not None
                and not closing.group("info").strip()
                and closing.group("fence")[0] == fence[0]
                and len(closing.group("fence")) >= len(fence)
            ):
                break
            body.append(lines[number - 1][indent:])
        language = info[0].lower() if info else ""
        blocks.append(Block(language, first + 1, "\n".join(body) + "\n"))
    return blocks


def _files_with(language: str) -> list[Path]:
    return [path for path in MARKDOWN_FILES if any(b.language == language for b in _blocks(path))]


def _commands(block: Block) -> list[Command]:
    """Split a console block into its ``$ sourcecompare`` commands."""
    commands: list[Command] = []
    exit_code = 0
    collecting = False
    for offset, raw in enumerate(block.code.splitlines()):
        line = raw.rstrip()
        exit_comment = _EXIT_RE.match(line)
        if exit_comment is not None:
            exit_code = int(exit_comment.group("code"))
            collecting = False
        elif line.startswith("$ "):
            collecting = line.startswith(_COMMAND)
            if collecting:
                argv = shlex.split(line[len(_COMMAND) :])
                commands.append(Command(block.line + offset, argv, exit_code, []))
            exit_code = 0
        elif collecting:
            commands[-1].expected.append(line)
    return commands


def _statements(block: Block) -> list[Statement]:
    """Split a pycon block into its ``>>>`` statements."""
    statements: list[Statement] = []
    in_code = False
    for offset, raw in enumerate(block.code.splitlines()):
        line = raw.rstrip()
        number = block.line + offset
        if line == ">>>" or line.startswith(">>> "):
            statements.append(Statement(number, number, line[4:] + "\n", []))
            in_code = True
        elif in_code and (line == "..." or line.startswith("... ")):
            previous = statements[-1]
            statements[-1] = previous._replace(
                last=number, source=previous.source + line[4:] + "\n"
            )
        elif statements:
            statements[-1].expected.append(line)
            in_code = False
    return statements


def _run_statement(statement: Statement, name: str, namespace: dict[str, object]) -> str:
    """Run one pycon statement as the interpreter would; return what it printed."""
    # Pad with blank lines so that tracebacks show the Markdown file's line numbers.
    code = compile("\n" * (statement.line - 1) + statement.source, name, "single")
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(code, namespace)  # noqa: S102 - running our own documentation is the point
    except Exception as exc:
        msg = f"{name}: the pycon statement at line {statement.line} failed: {exc!r}"
        raise AssertionError(msg) from exc
    return _trimmed(out.getvalue())


def _run_blocks(path: Path, *, quiet: bool = False) -> list[tuple[Statement, str]]:
    """Run the python and pycon blocks of *path* in order; each statement with its output.

    With *quiet*, what the python blocks print is discarded.
    """
    namespace: dict[str, object] = {"__name__": "__docs__"}
    name = _relative(path)
    printed = []
    for block in _blocks(path):
        if block.language == "pycon":
            printed += [(s, _run_statement(s, name, namespace)) for s in _statements(block)]
        elif block.language == "python":
            # Pad with blank lines so that tracebacks show the Markdown file's line numbers.
            code = compile("\n" * (block.line - 1) + block.code, name, "exec")
            out = contextlib.redirect_stdout(io.StringIO()) if quiet else contextlib.nullcontext()
            try:
                with out:
                    exec(code, namespace)  # noqa: S102 - running our own documentation is the point
            except Exception as exc:
                msg = f"{name}: the python block at line {block.line} failed: {exc!r}"
                raise AssertionError(msg) from exc
    return printed


def _output_pattern(expected: list[str]) -> re.Pattern[str]:
    """A pattern for expected output lines, with ``...`` as a wildcard."""
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(piece) for piece in line.split("...")) + r"\n")
    return re.compile("".join(parts))


def _trimmed(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "".join(f"{line}\n" for line in lines)


@pytest.fixture(name="docs_env")
def _docs_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, with a fixed width and no terminal colours."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    for name in ("FORCE_COLOR", "PYTHON_COLORS", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("docs_env")
@pytest.mark.parametrize(
    "path", sorted({*_files_with("python"), *_files_with("pycon")}), ids=_relative
)
def test_python_blocks_run(path: Path) -> None:
    """Every ``python`` and ``pycon`` block runs, in order; sessions print what is shown."""
    name = _relative(path)
    for statement, output in _run_blocks(path):
        expected = _trimmed("\n".join(statement.expected))
        assert _output_pattern(expected.splitlines()).fullmatch(output), (
            f"{name}, line {statement.line}: the output differs from the documented one.\n"
            f"--- documented\n{expected}--- actual\n{output}"
        )


@pytest.mark.usefixtures("docs_env")
@pytest.mark.parametrize("path", _files_with("console"), ids=_relative)
def test_console_blocks_run(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every ``$ sourcecompare`` line exits as documented and prints what is shown."""
    name = _relative(path)
    for block in _blocks(path):
        if block.language != "console":
            continue
        for command in _commands(block):
            where = f"{name}, line {command.line}: sourcecompare {shlex.join(command.argv)}"
            capsys.readouterr()
            status = cli.main(command.argv)
            captured = capsys.readouterr()
            output = _trimmed(captured.out + captured.err)
            assert status == command.exit_code, (
                f"{where}: exit status {status}, documented {command.exit_code}\n{output}"
            )
            expected = _trimmed("\n".join(command.expected))
            if expected:
                assert _output_pattern(expected.splitlines()).fullmatch(output), (
                    f"{where}: the output differs from the documented one.\n"
                    f"--- documented\n{expected}--- actual\n{output}"
                )


def _slug(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    text = re.sub(r"[`*]|\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    anchors = set()
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        elif not in_fence and line.startswith("#"):
            anchors.add(_slug(line.lstrip("#")))
    return anchors


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=_relative)
def test_relative_links_resolve(path: Path) -> None:
    """Every relative link points at a file that exists, and at a heading it has."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", "", text)  # skip code
    text = re.sub(r"`[^`\n]*`", "", text)  # and inline code
    broken = []
    for match in _LINK_RE.finditer(text):
        target = match.group("target")
        if re.match(r"^[a-z][a-z+.-]*:", target):  # https:, mailto: ...
            continue
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        if not linked.exists():
            broken.append(f"{target} (no such file)")
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            broken.append(f"{target} (no such heading)")
    assert not broken, f"{_relative(path)}: broken links: {', '.join(broken)}"


def test_every_command_has_a_help_example() -> None:
    """docs/reference/cli.md shows the ``--help`` of the program and of every command."""
    reference = ROOT / "docs" / "reference" / "cli.md"
    shown = {
        tuple(command.argv)
        for block in _blocks(reference)
        if block.language == "console"
        for command in _commands(block)
    }
    parser = cli.build_parser()
    subparsers = next(
        action for action in parser._actions if action.dest == "command" and action.choices
    )
    wanted = {("--help",)} | {(name, "--help") for name in subparsers.choices}
    assert wanted <= shown, f"undocumented in cli.md: {sorted(wanted - shown)}"


@pytest.mark.parametrize(
    "module_name",
    [
        "sourcecompare",
        "sourcecompare.exceptions",
        "sourcecompare.detectors",
        "sourcecompare.typing",
        "sourcecompare.render.console",
        "sourcecompare.render.export",
        "sourcecompare.render.json",
        "sourcecompare.batch",
        "sourcecompare.index",
        "sourcecompare.cli",
    ],
)
def test_every_public_name_is_in_the_api_reference(module_name: str) -> None:
    """docs/reference/api.md mentions every name in the ``__all__`` of a public module."""
    module = importlib.import_module(module_name)
    reference = (ROOT / "docs" / "reference" / "api.md").read_text(encoding="utf-8")
    missing = [
        name
        for name in module.__all__
        if f"`{name}`" not in reference and f"`{name}(" not in reference
    ]
    assert not missing, f"{module_name}: not in docs/reference/api.md: {missing}"


def _updated(expected: list[str], actual: list[str]) -> list[str] | None:
    """The lines to document instead of *expected*, or ``None`` if it still holds."""
    while expected and not expected[-1].strip():
        expected = expected[:-1]
    if _output_pattern(expected).fullmatch(_trimmed("\n".join(actual))):
        return None  # still true as documented: keep its wildcards (versions, elisions)
    if "..." in [line.strip() for line in expected]:
        cut = [line.strip() for line in expected].index("...")
        after = len(expected) - cut - 1
        actual = [*actual[:cut], "...", *(actual[-after:] if after else [])]
    return actual


def _regenerate(path: Path) -> bool:
    """Rewrite the documented output of every command and session in *path*.

    Returns whether the file changed.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    # (line after which the output stands, how many lines it has, the new lines)
    replacements: list[tuple[int, int, list[str]]] = []
    for block in _blocks(path):
        if block.language != "console":
            continue
        for command in _commands(block):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                cli.main(command.argv)
            actual = _trimmed(out.getvalue() + err.getvalue()).splitlines()
            if not _trimmed("\n".join(command.expected)):
                continue  # no documented output: only the exit status is checked
            new = _updated(command.expected, actual)
            if new is not None:
                expected = _trimmed("\n".join(command.expected)).splitlines()
                replacements.append((command.line, len(expected), new))
    if any(block.language == "pycon" for block in _blocks(path)):
        for statement, output in _run_blocks(path, quiet=True):
            new = _updated(statement.expected, output.splitlines())
            if new is not None:
                expected = _trimmed("\n".join(statement.expected)).splitlines()
                replacements.append((statement.last, len(expected), new))
    for after, count, actual in sorted(replacements, reverse=True):
        indent = lines[after - 1][: len(lines[after - 1]) - len(lines[after - 1].lstrip())]
        lines[after : after + count] = [f"{indent}{line}" if line else "" for line in actual]
    text = "\n".join(lines) + "\n"
    changed = text != path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return changed


if __name__ == "__main__":
    # Regenerate the documented output of commands and sessions: python tests/test_docs.py
    import os

    os.chdir(ROOT)
    os.environ.update({"COLUMNS": "80", "NO_COLOR": "1"})
    for variable in ("FORCE_COLOR", "PYTHON_COLORS", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        os.environ.pop(variable, None)
    for markdown in MARKDOWN_FILES:
        if _regenerate(markdown):
            print(f"updated {_relative(markdown)}")  # noqa: T201
