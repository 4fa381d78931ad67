from __future__ import annotations

import argparse
import io
import subprocess
import sys
import types

import pytest

import sourcecompare
from sourcecompare.cli import build_parser, main

ARTICLE = """\
Lindby board approves ferry link

By Jane Doe

LINDBY (Reuters) - The board approved the link. It opens in May.
"""

OUTPUT_OPTIONS = ["--width", "100", "--no-color"]


def single_error_line(err: str) -> str:
    """The one line of an error report on standard error, checked to be the only one."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sourcecompare: error:"), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture(name="article_file")
def _article_file(tmp_path):
    """A fictional wire article in a temporary file."""
    path = tmp_path / "lindby.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


class TestInspect:
    """The inspect command on files and standard input."""

    def test_prints_furniture_and_sentences(self, article_file, capsys):
        """The inspect command exits 0 and prints the furniture, headline and sentences."""
        status = main(["inspect", str(article_file), *OUTPUT_OPTIONS])
        out, err = capsys.readouterr()

        assert status == 0
        assert err == ""
        assert "lindby.txt" in out
        assert "By Jane Doe" in out
        assert "LINDBY (Reuters) -" in out
        assert "Lindby board approves ferry link" in out
        assert "The board approved the link." in out
        assert "It opens in May." in out
        assert "\x1b[" not in out

    def test_width_is_respected(self, article_file, capsys):
        """With --width 100, no output line is wider than 100 columns."""
        main(["inspect", str(article_file), *OUTPUT_OPTIONS])
        out = capsys.readouterr().out

        assert max(len(line) for line in out.splitlines()) <= 100

    def test_several_files(self, article_file, tmp_path, capsys):
        """Each file given is shown."""
        other = tmp_path / "skarv.txt"
        other.write_text("The Skarv council met. It voted.\n", encoding="utf-8")

        assert main(["inspect", str(article_file), str(other), *OUTPUT_OPTIONS]) == 0
        out = capsys.readouterr().out
        assert "lindby.txt" in out
        assert "The Skarv council met." in out

    def test_stdin(self, monkeypatch, capsys):
        """'-' reads the article from standard input."""
        stdin = types.SimpleNamespace(buffer=io.BytesIO(ARTICLE.encode()))
        monkeypatch.setattr(sys, "stdin", stdin)

        assert main(["inspect", "-", *OUTPUT_OPTIONS]) == 0
        out = capsys.readouterr().out
        assert "<stdin>" in out
        assert "The board approved the link." in out

    def test_stdin_over_limit(self, monkeypatch, capsys):
        """Standard input over --max-bytes is refused with exit status 2."""
        stdin = types.SimpleNamespace(buffer=io.BytesIO(ARTICLE.encode()))
        monkeypatch.setattr(sys, "stdin", stdin)

        assert main(["inspect", "-", "--max-bytes", "10", *OUTPUT_OPTIONS]) == 2
        assert "limit" in single_error_line(capsys.readouterr().err)

    def test_encoding_option(self, tmp_path, capsys):
        """--encoding reads a legacy-encoded file."""
        path = tmp_path / "cafe.txt"
        path.write_bytes("The café board met. It voted.\n".encode("cp1252"))

        assert main(["inspect", str(path), "--encoding", "cp1252", *OUTPUT_OPTIONS]) == 0
        assert "The café board met." in capsys.readouterr().out


class TestErrors:
    """Usage and input errors: exit status 2 and one line on standard error."""

    def test_missing_file(self, tmp_path, capsys):
        """A missing file exits 2 with one error line on stderr and no traceback."""
        status = main(["inspect", str(tmp_path / "nowhere.txt"), *OUTPUT_OPTIONS])
        out, err = capsys.readouterr()

        assert status == 2
        assert out == ""
        assert "nowhere.txt" in single_error_line(err)

    def test_undecodable_file(self, tmp_path, capsys):
        """A file that is not valid UTF-8 exits 2 naming the encoding and offset."""
        path = tmp_path / "cafe.txt"
        path.write_bytes("The café board met.".encode("latin-1"))

        assert main(["inspect", str(path), *OUTPUT_OPTIONS]) == 2
        line = single_error_line(capsys.readouterr().err)
        assert "utf-8" in line
        assert "offset 7" in line

    def test_empty_file(self, tmp_path, capsys):
        """An empty file exits 2 with one error line."""
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")

        assert main(["inspect", str(path), *OUTPUT_OPTIONS]) == 2
        single_error_line(capsys.readouterr().err)

    def test_unknown_option(self, article_file, capsys):
        """An unknown option exits 2 with argparse's usage message."""
        assert main(["inspect", str(article_file), "--no-such-option"]) == 2
        assert "unrecognized arguments" in capsys.readouterr().err

    def test_no_command(self, capsys):
        """Running without a command exits 2."""
        assert main([]) == 2
        assert "usage:" in capsys.readouterr().err

    @pytest.mark.parametrize("value", ["0", "-3", "wide"])
    def test_bad_width(self, article_file, capsys, value):
        """A width that is not a positive whole number exits 2."""
        assert main(["inspect", str(article_file), "--width", value]) == 2
        assert "--width" in capsys.readouterr().err

    def test_unknown_encoding(self, article_file, capsys):
        """An unknown --encoding exits 2 with one error line."""
        assert main(["inspect", str(article_file), "--encoding", "no-such-codec"]) == 2
        assert "no-such-codec" in single_error_line(capsys.readouterr().err)


class TestMeta:
    """Version, help and the python -m entry point."""

    def test_version(self, capsys):
        """--version exits 0 and prints the program name and version."""
        assert main(["--version"]) == 0
        assert capsys.readouterr().out.strip() == f"sourcecompare {sourcecompare.__version__}"

    def test_help(self, capsys):
        """--help exits 0 and lists the inspect command."""
        assert main(["--help"]) == 0
        assert "inspect" in capsys.readouterr().out

    def test_every_option_has_help(self):
        """Every option of every command is documented in --help."""
        parser = build_parser()
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        commands = [p for action in subparsers for p in action.choices.values()]
        assert commands
        for action in subparsers:
            assert all(choice.help for choice in action._choices_actions)
        for command in [parser, *commands]:
            for action in command._actions:
                if not isinstance(action, argparse._SubParsersAction):
                    assert action.help, (command.prog, action.dest)

    def test_python_m(self):
        """'python -m sourcecompare --help' exits 0."""
        result = subprocess.run(
            [sys.executable, "-m", "sourcecompare", "--help"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )

        assert result.returncode == 0, result.stderr
        assert "inspect" in result.stdout
