"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def run(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run an example with this interpreter, from the repository root."""
    return subprocess.run(  # noqa: S603 - our own interpreter and scripts
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
        env={"COLUMNS": "100", "NO_COLOR": "1", "PATH": ""},
    )


def run_on_rail(script: str) -> subprocess.CompletedProcess[str]:
    """Run the example *script* on the bundled rail pair: its wire, then its rewrite."""
    articles = ROOT / "examples" / "articles"
    return run(
        ROOT / "examples" / script,
        str(articles / "rail_wire.txt"),
        str(articles / "rail_rewrite.txt"),
    )


class TestExamples:
    """Each example script, as a user would run it."""

    def test_there_are_examples(self):
        """The examples folder is not empty (so the parametrised test cannot pass vacuously)."""
        assert len(EXAMPLES) >= 2

    @pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
    def test_runs(self, script):
        """The script exits 0 without writing to standard error."""
        completed = run(script)
        assert completed.returncode == 0, completed.stderr
        assert completed.stderr == ""
        assert completed.stdout.strip()

    def test_inspect_article(self):
        """inspect_article.py reports the wire's furniture and sentences."""
        out = run(ROOT / "examples" / "inspect_article.py").stdout
        assert "agency:    Reuters" in out
        assert "dateline:  PORT ALDER, June 17" in out
        assert "The Port Alder Water Authority (PAWA) opened" in out

    def test_align_articles(self):
        """align_articles.py shows labels, dropped wire words and omitted sentences."""
        out = run(ROOT / "examples" / "align_articles.py").stdout
        assert "[verbatim, support 1.00]" in out
        assert "[unsupported" in out
        assert "dropped:" in out
        assert "wire sentences left out:" in out
        assert "Samuel Oduya, spokesman" in out

    def test_find_drift(self):
        """find_drift.py prints every family of finding with the words its spans point at."""
        out = run(ROOT / "examples" / "find_drift.py").stdout
        assert "harbour_rewrite.txt against harbour_wire.txt:" in out
        assert "HIGH   attribution.credit_removed" in out
        assert "HIGH   attribution.cue_changed" in out
        assert "framing.evaluative_language" in out
        assert "omission.figure" in out
        assert "claimed" in out  # the evidence: the words themselves
        assert "3.5 percent" in out

    def test_find_drift_prints_article_text_literally(self, tmp_path):
        """Rich markup and escape sequences in an article are printed as they are written."""
        wire = tmp_path / "wire.txt"
        derivative = tmp_path / "derivative.txt"
        wire.write_text("The council said the bridge would reopen.\n")
        derivative.write_text(
            "The council said the bridge would reopen. "
            "Crowds cheered the [bold]news[/bold] with \x1b[31mfireworks[0m.\n"
        )
        completed = run(ROOT / "examples" / "find_drift.py", str(wire), str(derivative))
        assert completed.returncode == 0, completed.stderr
        assert "the [bold]news[/bold] with" in completed.stdout
        assert "\\x1b[31mfireworks" in completed.stdout
        assert "\x1b" not in completed.stdout

    def test_find_drift_bad_path(self, tmp_path):
        """A missing file gives a one-line error and exit status 2."""
        completed = run(
            ROOT / "examples" / "find_drift.py", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
        )
        assert completed.returncode == 2
        assert "Traceback" not in completed.stderr
        assert "cannot read the articles" in completed.stderr

    def test_custom_lexicon(self):
        """custom_lexicon.py shows findings that only the extended word lists reveal."""
        out = run(ROOT / "examples" / "custom_lexicon.py").stdout
        extended = out.split("Reported only with the extended lists:")[1]
        assert "framing.evaluative_language: “glitzy”" in extended
        assert "attribution.cue_changed" in extended
        assert "“grumbled” (disapproving)" in extended

    def test_bad_path(self, tmp_path):
        """A missing file gives a one-line error and exit status 2, not a traceback."""
        completed = run(ROOT / "examples" / "inspect_article.py", str(tmp_path / "missing.txt"))
        assert completed.returncode == 2
        assert "Traceback" not in completed.stderr
        assert "no such file" in completed.stderr

    def test_compare_articles(self):
        """compare_articles.py prints the full report of the bundled pair."""
        out = run(ROOT / "examples" / "compare_articles.py").stdout
        assert "harbour_rewrite.txt" in out
        assert "harbour_wire.txt" in out
        assert "attribution.credit_removed" in out
        assert "Helen Achterberg" in out

    def test_compare_articles_given_files(self, tmp_path):
        """compare_articles.py compares the files it is given, printing their text literally."""
        wire = tmp_path / "wire.txt"
        derivative = tmp_path / "derivative.txt"
        wire.write_text("The council said the bridge would reopen.\n")
        derivative.write_text(
            "The council said the bridge would reopen. Crowds cheered the [bold]news[/bold].\n"
        )
        completed = run(ROOT / "examples" / "compare_articles.py", str(wire), str(derivative))
        assert completed.returncode == 0, completed.stderr
        assert "derivative.txt" in completed.stdout
        assert "[bold]news[/bold]" in completed.stdout

    def test_compare_articles_bad_path(self, tmp_path):
        """A missing file gives a one-line error and exit status 2."""
        completed = run(
            ROOT / "examples" / "compare_articles.py",
            str(tmp_path / "a.txt"),
            str(tmp_path / "b.txt"),
        )
        assert completed.returncode == 2
        assert "Traceback" not in completed.stderr
        assert "cannot compare the articles" in completed.stderr

    def test_export_html_to_a_temporary_folder(self):
        """export_html.py writes an HTML page to a new temporary folder and prints its path."""
        completed = run(ROOT / "examples" / "export_html.py")
        page = Path(completed.stdout.splitlines()[0])
        try:
            assert page.name == "harbour_rewrite.html"
            html = page.read_text(encoding="utf-8")
            assert "<html" in html.lower()
            assert "credit_removed" in html
            assert "findings; the most severe: high" in completed.stdout
        finally:
            shutil.rmtree(page.parent, ignore_errors=True)

    def test_export_html_to_a_given_file(self, tmp_path):
        """export_html.py writes to the file it is given."""
        target = tmp_path / "report.html"
        completed = run(ROOT / "examples" / "export_html.py", str(target))
        assert completed.returncode == 0, completed.stderr
        assert completed.stdout.splitlines()[0] == str(target)
        assert "<html" in target.read_text(encoding="utf-8").lower()

    def test_caveats(self):
        """caveats.py shows the lower-case caveat and the findings it casts doubt on."""
        out = " ".join(run(ROOT / "examples" / "caveats.py").stdout.split())
        assert "caveat The derivative is written in lower case." in out
        assert "attribution.speaker_dropped: The derivative states" in out
        assert "attribution findings in lower case: 1 dateline_removed, 6 speaker_dropped" in out
        assert "attribution findings as written: none" in out

    def test_caveats_given_files(self):
        """caveats.py compares the files it is given, and says when there is no caveat."""
        completed = run_on_rail("caveats.py")
        assert completed.returncode == 0, completed.stderr
        assert "no caveat: the texts are cased as usual" in completed.stdout

    def test_several_outlets(self):
        """several_outlets.py ranks the four bundled versions, most faithful first."""
        out = run(ROOT / "examples" / "several_outlets.py").stdout
        names = ["harbour_faithful.txt", "harbour_aggregator.txt", "harbour_blog.txt"]
        names.append("harbour_rewrite.txt")
        assert all(name in out for name in names)
        assert "speakers lost" in out
        assert "Most faithful: harbour_faithful.txt." in out
        rows = [line for line in out.splitlines() if "harbour_" in line and "│" in line]
        assert len(rows) == 4
        assert "harbour_faithful.txt" in rows[0]

    def test_several_outlets_given_files(self):
        """several_outlets.py compares the wire and versions it is given."""
        completed = run_on_rail("several_outlets.py")
        assert completed.returncode == 0, completed.stderr
        assert "Versions of rail_wire.txt" in completed.stdout
        assert "rail_rewrite.txt" in completed.stdout
