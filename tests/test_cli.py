from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import sourcecompare
from sourcecompare import Severity, cli
from sourcecompare.cli import build_parser, main
from sourcecompare.detectors import KINDS

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

    def test_files_after_options(self, article_file, tmp_path, capsys):
        """Files may follow options: every file is shown, in the order given."""
        other = tmp_path / "skarv.txt"
        other.write_text("The Skarv council met. It voted.\n", encoding="utf-8")

        assert main(["inspect", str(article_file), "--width", "100", str(other), "--no-color"]) == 0
        out = capsys.readouterr().out
        assert 0 <= out.index("lindby.txt") < out.index("skarv.txt")

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
        """--help exits 0 and lists every command."""
        assert main(["--help"]) == 0
        out = capsys.readouterr().out
        assert "inspect" in out
        assert "align" in out
        assert "compare" in out

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

    @pytest.mark.parametrize(
        "argv",
        [
            ["compare", "-h"],
            ["compare"],
            ["compare", "{wire}"],
            ["compare", "{wire}", "{wire}", "--bogus"],
            ["compare", "{wire}", "{wire}", "--only", "nope", "-V"],
            ["compare", "--fail-on", "x", "{wire}", "{wire}"],
            ["align", "-h"],
            ["align", "{wire}"],
            ["inspect", "{wire}", "--width", "0"],
            ["batch", "-h"],
            ["index", "add", "-h"],
            ["index"],
            ["trace", "-h"],
            ["trace"],
        ],
    )
    def test_one_command_parser_answers_as_the_full_one(
        self, argv, article_file, capsys, monkeypatch
    ):
        """Only the command named first is built: help, errors and status are unchanged."""
        argv = [a.format(wire=article_file) for a in argv]
        results = []
        for parser_for in (lambda _argv: build_parser(), cli._parser_for):
            monkeypatch.setattr(cli, "_parser_for", parser_for)
            monkeypatch.setenv("COLUMNS", "100")
            results.append((main(argv), *capsys.readouterr()))
        assert results[0] == results[1]

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


# --- compare -------------------------------------------------------------------------------

WIRE = """\
LINDBY, May 3 (Reuters) - The Lindby harbour board approved a new ferry link on Tuesday, \
its chairman Oskar Halvorsen said.

The link will open in May and carry about 400 passengers a day, Halvorsen said.

"We have waited ten years for this," he said.
"""

# Derivatives of WIRE, each with findings of one known worst severity.
DERIVATIVES = {
    # an unchanged copy: no findings at all
    "copy": WIRE,
    # an added heading: low
    "heading": WIRE.replace("The link will", "Timetable\n\nThe link will"),
    # an evaluative word: medium
    "evaluative": WIRE.replace("approved a new ferry link", "approved a disastrous ferry link"),
    # the agency credit removed: high (and the dateline: low)
    "uncredited": WIRE.replace("LINDBY, May 3 (Reuters) - ", ""),
}

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(name="files")
def _files(tmp_path):
    """The wire and its derivatives, each in a file named after it (wire.txt, copy.txt ...)."""
    paths = {"wire": tmp_path / "wire.txt"}
    paths["wire"].write_text(WIRE, encoding="utf-8")
    for name, text in DERIVATIVES.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return {name: str(path) for name, path in paths.items()}


def run_compare(capsys, *argv):
    """Run ``sourcecompare compare *argv``; return (status, stdout, stderr)."""
    status = main(["compare", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def json_lines(out):
    """Standard output of --json: every line one JSON object, and nothing else."""
    assert out.endswith("\n")
    return [json.loads(line) for line in out.splitlines()]


class TestCompareReport:
    """The report on the terminal."""

    def test_prints_the_report(self, files, capsys):
        """The compare command exits 0 and prints the report, naming the derivative and its findings."""
        status, out, err = run_compare(capsys, files["wire"], files["uncredited"], *OUTPUT_OPTIONS)

        assert status == 0
        assert err == ""
        assert "uncredited.txt" in out
        assert "credit_removed" in out
        assert "\x1b[" not in out

    def test_width_is_respected(self, files, capsys):
        """With --width 100, no output line is wider than 100 columns."""
        _status, out, _err = run_compare(
            capsys, files["wire"], files["uncredited"], *OUTPUT_OPTIONS
        )

        assert max(len(line) for line in out.splitlines()) <= 100

    def test_no_color(self, files, capsys, monkeypatch):
        """--no-color leaves colours out even when colour is forced."""
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.delenv("NO_COLOR", raising=False)
        colour = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-9]|9[0-7])(?:;[0-9]+)*m")

        _status, coloured, _err = run_compare(
            capsys, files["wire"], files["uncredited"], "--width", "100"
        )
        _status, plain, _err = run_compare(
            capsys, files["wire"], files["uncredited"], *OUTPUT_OPTIONS
        )

        assert colour.search(coloured)
        assert not colour.search(plain)

    def test_several_derivatives(self, files, capsys):
        """Each derivative gets its own report, in the order given."""
        status, out, _err = run_compare(
            capsys, files["wire"], files["heading"], files["evaluative"], *OUTPUT_OPTIONS
        )

        assert status == 0
        assert 0 <= out.index("heading.txt") < out.index("evaluative.txt")

    def test_article_text_is_not_markup(self, tmp_path, capsys):
        """Rich markup and escape sequences in an article are shown as written."""
        wire = tmp_path / "wire.txt"
        wire.write_text("The council said the bridge would reopen.\n", encoding="utf-8")
        derivative = tmp_path / "derivative.txt"
        derivative.write_text(
            "The council said the bridge would reopen. "
            "Crowds cheered the [bold]news[/bold] with \x1b[31mfireworks.\n",
            encoding="utf-8",
        )

        status, out, _err = run_compare(capsys, str(wire), str(derivative), *OUTPUT_OPTIONS)

        assert status == 0
        assert "[bold]news[/bold]" in out
        assert "\x1b" not in out


class TestCompareJson:
    """--json: standard output carries JSON and nothing else."""

    def test_one_derivative_is_one_json_document(self, files, capsys):
        """With one derivative, standard output is exactly one comparison object."""
        status, out, err = run_compare(capsys, files["wire"], files["uncredited"], "--json")

        assert status == 0
        assert err == ""
        data = json.loads(out)
        assert isinstance(data, dict)
        assert "schema_version" in data
        assert len(out.strip().splitlines()) == 1

    def test_reads_back_to_the_comparison(self, files, capsys):
        """The JSON reads back to the comparison that compare() returns."""
        _status, out, _err = run_compare(capsys, files["wire"], files["uncredited"], "--json")

        expected = sourcecompare.compare(Path(files["wire"]), Path(files["uncredited"]))
        assert sourcecompare.Comparison.from_json(out) == expected

    def test_several_derivatives_are_json_lines(self, files, capsys):
        """With several derivatives, one line per derivative, in the order given."""
        names = ["copy", "heading", "uncredited"]
        status, out, _err = run_compare(capsys, files["wire"], *(files[n] for n in names), "--json")

        assert status == 0
        records = json_lines(out)
        assert len(records) == 3
        read_back = [sourcecompare.Comparison.from_json(line) for line in out.splitlines()]
        assert [c.derivative.doc_id for c in read_back] == [f"{n}.txt" for n in names]
        assert [c.worst for c in read_back] == [None, Severity.LOW, Severity.HIGH]

    def test_options_after_files(self, files, capsys):
        """Options may stand between the files (WIRE --json DERIVATIVE)."""
        status, out, _err = run_compare(capsys, files["wire"], "--json", files["heading"])

        assert status == 0
        assert sourcecompare.Comparison.from_json(out).derivative.doc_id == "heading.txt"

    def test_json_with_failure_status(self, files, capsys):
        """--json and --fail-on together: still only JSON on stdout, and exit status 1."""
        status, out, err = run_compare(
            capsys, files["wire"], files["uncredited"], "--json", "--fail-on", "high"
        )

        assert status == 1
        assert err == ""
        assert len(json_lines(out)) == 1


class TestCompareOnly:
    """--only: findings of some kinds or categories."""

    def test_category(self, files, capsys):
        """--only attribution keeps attribution findings only."""
        _status, out, _err = run_compare(
            capsys, files["wire"], files["uncredited"], "--json", "--only", "attribution"
        )

        kinds = {f.kind for f in sourcecompare.Comparison.from_json(out).findings}
        assert kinds == {"attribution.credit_removed", "attribution.dateline_removed"}

    def test_kinds_repeat(self, files, capsys):
        """--only can be repeated, and takes kinds."""
        _status, out, _err = run_compare(
            capsys,
            files["wire"],
            files["uncredited"],
            "--json",
            "--only",
            "attribution.dateline_removed",
            "--only",
            "framing",
        )

        comparison = sourcecompare.Comparison.from_json(out)
        assert [f.kind for f in comparison.findings] == ["attribution.dateline_removed"]
        assert comparison.summary.findings == 1

    def test_only_narrows_fail_on(self, files, capsys):
        """--fail-on counts only the findings --only keeps."""
        argv = [files["wire"], files["uncredited"], "--json", "--fail-on", "high"]

        assert run_compare(capsys, *argv)[0] == 1
        assert run_compare(capsys, *argv, "--only", "framing")[0] == 0

    def test_unknown_kind(self, files, capsys):
        """An unknown kind is a usage error that names the valid choices."""
        status, out, err = run_compare(
            capsys, files["wire"], files["heading"], "--only", "framing.gossip"
        )

        assert status == 2
        assert out == ""
        assert "framing.gossip" in err
        assert "framing.speculation" in err
        assert "attribution" in err

    def test_every_kind_is_accepted(self):
        """Every kind in the findings reference is accepted by --only."""
        reference = (Path(__file__).parent.parent / "docs/reference/findings.md").read_text(
            encoding="utf-8"
        )
        documented = set(re.findall(r"^\| \[`([a-z]+\.[a-z_]+)`\]", reference, re.MULTILINE))
        assert documented == set(KINDS)
        assert documented == set(KINDS)


class TestCompareFailOn:
    """--fail-on: exit status 1 when a finding is at or above the severity."""

    @pytest.mark.parametrize(
        ("derivative", "severity", "status"),
        [
            ("copy", "low", 0),
            ("heading", "low", 1),
            ("heading", "medium", 0),
            ("evaluative", "low", 1),
            ("evaluative", "medium", 1),
            ("evaluative", "high", 0),
            ("uncredited", "high", 1),
        ],
    )
    def test_threshold(self, files, capsys, derivative, severity, status):
        """The status is 1 exactly when the worst finding is at or above --fail-on."""
        result = run_compare(
            capsys, files["wire"], files[derivative], "--fail-on", severity, *OUTPUT_OPTIONS
        )
        assert result[0] == status

    def test_without_fail_on_findings_exit_0(self, files, capsys):
        """Findings alone do not change the exit status."""
        assert run_compare(capsys, files["wire"], files["uncredited"], *OUTPUT_OPTIONS)[0] == 0

    def test_any_derivative_fails(self, files, capsys):
        """With several derivatives, one at or above the threshold is enough."""
        status, out, _err = run_compare(
            capsys,
            files["wire"],
            files["copy"],
            files["evaluative"],
            "--fail-on",
            "medium",
            *OUTPUT_OPTIONS,
        )

        assert status == 1
        assert "copy.txt" in out  # every derivative is still reported
        assert "evaluative.txt" in out

    def test_bad_severity(self, files, capsys):
        """A severity other than low, medium or high is a usage error."""
        status, _out, err = run_compare(capsys, files["wire"], files["copy"], "--fail-on", "severe")

        assert status == 2
        assert "--fail-on" in err


class TestCompareExport:
    """--html and --svg write the report to files."""

    def test_html_and_svg(self, files, tmp_path, capsys):
        """Both files are written, and the report still goes to the terminal."""
        html, svg = tmp_path / "report.html", tmp_path / "report.svg"
        status, out, err = run_compare(
            capsys,
            files["wire"],
            files["uncredited"],
            "--html",
            str(html),
            "--svg",
            str(svg),
            *OUTPUT_OPTIONS,
        )

        assert status == 0
        assert err == ""
        assert "uncredited.txt" in out
        assert "<html" in html.read_text(encoding="utf-8").lower()
        assert "credit_removed" in html.read_text(encoding="utf-8")
        assert svg.read_text(encoding="utf-8").lstrip().startswith("<svg")

    def test_html_with_json(self, files, tmp_path, capsys):
        """With --json, the HTML is written and standard output is still only JSON."""
        html = tmp_path / "report.html"
        _status, out, _err = run_compare(
            capsys, files["wire"], files["heading"], "--json", "--html", str(html)
        )

        assert len(json_lines(out)) == 1
        assert html.is_file()

    def test_several_derivatives_are_numbered(self, files, tmp_path, capsys):
        """With several derivatives, FILE-1, FILE-2 ... in the order given."""
        target = tmp_path / "out" / "report.html"
        target.parent.mkdir()
        status, _out, _err = run_compare(
            capsys,
            files["wire"],
            files["heading"],
            files["uncredited"],
            "--json",
            "--html",
            str(target),
        )

        assert status == 0
        assert sorted(p.name for p in target.parent.iterdir()) == [
            "report-1.html",
            "report-2.html",
        ]
        assert "Timetable" in (target.parent / "report-1.html").read_text(encoding="utf-8")

    def test_width_applies_to_the_export(self, files, tmp_path, capsys):
        """--width sets the width of the SVG image."""
        narrow, wide = tmp_path / "narrow.svg", tmp_path / "wide.svg"
        run_compare(
            capsys, files["wire"], files["heading"], "--json", "--svg", str(narrow), "--width", "60"
        )
        run_compare(
            capsys, files["wire"], files["heading"], "--json", "--svg", str(wide), "--width", "140"
        )

        def width(path):
            match = re.search(r'viewBox="0 0 ([0-9.]+)', path.read_text(encoding="utf-8"))
            assert match, path
            return float(match.group(1))

        assert width(narrow) < width(wide)

    @pytest.mark.parametrize("option", ["--html", "--svg"])
    def test_missing_folder(self, files, tmp_path, capsys, option):
        """A file in a folder that does not exist is refused before anything is compared or printed."""
        target = tmp_path / "nowhere" / "report.out"
        status, out, err = run_compare(
            capsys, files["wire"], files["heading"], option, str(target), *OUTPUT_OPTIONS
        )

        assert status == 2
        assert out == ""
        assert "nowhere" in single_error_line(err)

    def test_folder_as_file(self, files, tmp_path, capsys):
        """A folder given as the file is refused."""
        status, _out, err = run_compare(
            capsys, files["wire"], files["heading"], "--html", str(tmp_path)
        )

        assert status == 2
        assert "folder" in single_error_line(err)


class TestCompareInputs:
    """Standard input, several wires and the input and alignment options."""

    def test_stdin_derivative(self, files, monkeypatch, capsys):
        """'-' reads the derivative from standard input."""
        stdin = types.SimpleNamespace(buffer=io.BytesIO(DERIVATIVES["heading"].encode()))
        monkeypatch.setattr(sys, "stdin", stdin)

        status, out, _err = run_compare(capsys, files["wire"], "-", "--json")

        assert status == 0
        comparison = sourcecompare.Comparison.from_json(out)
        assert comparison.derivative.doc_id == "<stdin>"
        assert comparison.worst is Severity.LOW

    def test_stdin_wire(self, files, monkeypatch, capsys):
        """'-' reads the wire from standard input."""
        stdin = types.SimpleNamespace(buffer=io.BytesIO(WIRE.encode()))
        monkeypatch.setattr(sys, "stdin", stdin)

        status, out, _err = run_compare(capsys, "-", files["copy"], "--json")

        assert status == 0
        assert sourcecompare.Comparison.from_json(out).wire.doc_id == "<stdin>"

    def test_stdin_only_once(self, capsys):
        """Standard input cannot be read twice."""
        status, out, err = run_compare(capsys, "-", "-", *OUTPUT_OPTIONS)

        assert status == 2
        assert out == ""
        assert "only once" in single_error_line(err)

    def test_several_wires(self, capsys):
        """With --wire repeated, every positional file is a derivative of all the wires."""
        roundup = str(ARTICLES / "harbour_rewrite.txt")
        status, out, _err = run_compare(
            capsys,
            "--wire",
            str(ARTICLES / "harbour_wire.txt"),
            "--wire",
            str(ARTICLES / "rail_wire.txt"),
            roundup,
            "--json",
        )

        assert status == 0
        comparison = sourcecompare.Comparison.from_json(out)
        assert [w.doc_id for w in comparison.wires] == ["harbour_wire.txt", "rail_wire.txt"]
        assert comparison.derivative.doc_id == "harbour_rewrite.txt"

    def test_several_wires_credit_each_sentence(self, tmp_path, capsys):
        """Each derivative sentence is credited to the wire it comes from."""
        roundup = tmp_path / "roundup.txt"
        roundup.write_text(
            "A commuter train derailed outside Velmora's central station on Wednesday, "
            "injuring 14 passengers.\n\n"
            "In Port Alder, a $310 million desalination plant opened that will supply "
            "42 million litres of drinking water a day.\n",
            encoding="utf-8",
        )
        _status, out, _err = run_compare(
            capsys,
            "--wire",
            str(ARTICLES / "harbour_wire.txt"),
            "--wire",
            str(ARTICLES / "rail_wire.txt"),
            str(roundup),
            "--json",
        )

        alignment = sourcecompare.Comparison.from_json(out).alignment
        assert [[s.wire for s in e.sources] for e in alignment.segments] == [[1], [0]]

    def test_one_wire_option_and_several_derivatives(self, files, capsys):
        """With one --wire, both positional files are derivatives."""
        status, out, _err = run_compare(
            capsys, "--wire", files["wire"], files["copy"], files["heading"], "--json"
        )

        assert status == 0
        assert [
            sourcecompare.Comparison.from_json(r).derivative.doc_id for r in out.splitlines()
        ] == ["copy.txt", "heading.txt"]

    def test_wire_without_derivative(self, files, capsys):
        """One file and no --wire is a usage error."""
        status, out, err = run_compare(capsys, files["wire"])

        assert status == 2
        assert out == ""
        assert "DERIVATIVE" in err.splitlines()[-1]

    def test_alignment_thresholds(self, files, capsys):
        """--supported, --partial and --measure reach the alignment."""
        _status, out, _err = run_compare(
            capsys,
            files["wire"],
            files["copy"],
            "--json",
            "--supported",
            "0.9",
            "--partial",
            "0.5",
            "--measure",
            "cosine",
        )

        options = sourcecompare.Comparison.from_json(out).options.alignment
        assert (options.supported, options.partial, options.measure) == (0.9, 0.5, "cosine")

    def test_contradicting_thresholds(self, files, capsys):
        """--partial above --supported is refused with one line."""
        status, out, err = run_compare(
            capsys, files["wire"], files["copy"], "--partial", "0.5", "--supported", "0.45"
        )

        assert status == 2
        assert out == ""
        assert "'partial'" in single_error_line(err)

    def test_encoding(self, tmp_path, capsys):
        """--encoding reads legacy-encoded files."""
        wire, derivative = tmp_path / "wire.txt", tmp_path / "derivative.txt"
        wire.write_bytes("The café board met on Monday. It voted.\n".encode("cp1252"))
        derivative.write_bytes("The café board met. It voted.\n".encode("cp1252"))

        status, out, _err = run_compare(
            capsys, str(wire), str(derivative), "--encoding", "cp1252", "--json"
        )

        assert status == 0
        assert "café" in sourcecompare.Comparison.from_json(out).derivative.text

    def test_format(self, tmp_path, capsys):
        """--format sets the format every input is read in."""
        wire = tmp_path / "wire.txt"
        wire.write_text("The board approved the ferry link. It opens in May.\n")
        derivative = tmp_path / "derivative.txt"
        derivative.write_text("# Ferry news\n\nThe board approved the ferry link.\n")

        _status, out, _err = run_compare(
            capsys, str(wire), str(derivative), "--format", "markdown", "--json"
        )

        _status, plain, _err = run_compare(capsys, str(wire), str(derivative), "--json")

        read_back = sourcecompare.Comparison.from_json(out)
        assert (read_back.wire.format, read_back.derivative.format) == ("markdown", "markdown")
        assert sourcecompare.Comparison.from_json(plain).derivative.format == "text"


class TestCompareErrors:
    """Input and usage errors: exit status 2, one line, no traceback, nothing on stdout."""

    def test_missing_file(self, files, tmp_path, capsys):
        """A missing derivative exits 2 naming it."""
        status, out, err = run_compare(
            capsys, files["wire"], str(tmp_path / "nowhere.txt"), "--json"
        )

        assert status == 2
        assert out == ""
        assert "nowhere.txt" in single_error_line(err)

    def test_binary_file(self, files, tmp_path, capsys):
        """A binary file exits 2."""
        path = tmp_path / "photo.png"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))

        status, out, err = run_compare(capsys, files["wire"], str(path), "--json")

        assert status == 2
        assert out == ""
        assert "PNG" in single_error_line(err)

    def test_undecodable_file(self, files, tmp_path, capsys):
        """A file not valid in its encoding exits 2 naming the encoding."""
        path = tmp_path / "cafe.txt"
        path.write_bytes("The café board met.".encode("latin-1"))

        status, _out, err = run_compare(capsys, files["wire"], str(path), "--json")

        assert status == 2
        assert "utf-8" in single_error_line(err)

    def test_empty_file(self, files, tmp_path, capsys):
        """An empty wire exits 2."""
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")

        status, out, err = run_compare(capsys, str(path), files["copy"], "--json")

        assert status == 2
        assert out == ""
        single_error_line(err)

    def test_huge_file(self, files, capsys):
        """A file over --max-bytes exits 2 naming the limit."""
        status, _out, err = run_compare(
            capsys, files["wire"], files["copy"], "--max-bytes", "100", "--json"
        )

        assert status == 2
        assert "limit" in single_error_line(err)

    def test_unknown_option(self, files, capsys):
        """An unknown option exits 2 with the command's usage."""
        status, out, err = run_compare(capsys, files["wire"], files["copy"], "--no-such-option")

        assert status == 2
        assert out == ""
        assert "usage: sourcecompare compare" in err
        assert "unrecognized arguments: --no-such-option" in err

    @pytest.mark.parametrize("value", ["0", "-3", "wide"])
    def test_bad_width(self, files, capsys, value):
        """A width that is not a positive whole number exits 2."""
        status, _out, err = run_compare(capsys, files["wire"], files["copy"], "--width", value)

        assert status == 2
        assert "--width" in err


class TestEntryPoints:
    """The compare command through ``python -m`` and the console script."""

    def test_python_m_compare(self):
        """'python -m sourcecompare compare --json' prints JSON, and --fail-on sets the status."""
        result = subprocess.run(  # noqa: S603 - our own interpreter and program
            [
                sys.executable,
                "-m",
                "sourcecompare",
                "compare",
                "--json",
                "--fail-on",
                "high",
                str(ARTICLES / "harbour_wire.txt"),
                str(ARTICLES / "harbour_rewrite.txt"),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )

        assert result.returncode == 1, result.stderr
        assert result.stderr == ""
        assert json.loads(result.stdout)["schema_version"]

    def test_python_m_error(self, tmp_path):
        """An input error through 'python -m' is one line on stderr, exit status 2."""
        result = subprocess.run(  # noqa: S603 - our own interpreter and program
            [
                sys.executable,
                "-m",
                "sourcecompare",
                "compare",
                str(tmp_path / "a.txt"),
                str(tmp_path / "b.txt"),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )

        assert result.returncode == 2
        assert result.stdout == ""
        single_error_line(result.stderr)

    def test_console_script(self):
        """The installed 'sourcecompare' script runs the same program."""
        script = shutil.which("sourcecompare", path=str(Path(sys.executable).parent))
        if script is None:
            pytest.skip("the console script is not installed next to this interpreter")
        result = subprocess.run(  # noqa: S603 - the script installed with this package
            [script, "compare", "--help"], capture_output=True, text=True, check=False, timeout=60
        )

        assert result.returncode == 0, result.stderr
        assert "--fail-on" in result.stdout

    def test_closed_output(self):
        """Output closed early ('| head') stops the program quietly, with status 2."""
        derivatives = ["harbour_rewrite.txt", "harbour_blog.txt", "harbour_aggregator.txt"]
        with subprocess.Popen(  # noqa: S603 - our own interpreter and program
            [
                sys.executable,
                "-m",
                "sourcecompare",
                "compare",
                "--json",
                str(ARTICLES / "harbour_wire.txt"),
                *(str(ARTICLES / name) for name in derivatives * 2),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            assert process.stdout.read(10) == b'{"schema_v'
            process.stdout.close()  # more than a pipe's buffer is still to come
            err = process.stderr.read().decode()
            status = process.wait(timeout=60)

        assert status == 2
        assert err == ""
