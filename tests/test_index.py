"""The wire index (sourcecompare.index) and its commands: storing, searching, tracing, faults.

The corpora are small: fictional texts written here, and a few hundred stories of the
synthetic corpus in ``bench/corpus.py`` (its own fictional templates).
"""

from __future__ import annotations

import inspect
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

import sourcecompare as sc
from sourcecompare import _cli_index, cli
from sourcecompare import index as index_module
from sourcecompare.exceptions import InputError, InputNotFoundError, InvalidOptionError
from sourcecompare.index import (
    SCHEMA_VERSION,
    AddReport,
    CorruptIndexError,
    IndexFileError,
    IndexLockedError,
    RecordError,
    WireIndex,
    WireStory,
    _translate,
    trace,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402 - bench/corpus.py, the synthetic corpus

ARTICLES = ROOT / "examples" / "articles"

FERRY = """\
Lindby harbour board approves ferry link to Skarv island

LINDBY, April 1 (Reuters) - The Lindby harbour board approved a ferry link to Skarv \
island on Tuesday, saying it would carry about 900 passengers a day.

Board chair Ada Berg said the builder Norrvik Yards would deliver two boats by November.
"""

ORCHARD = """\
Frost damages Tallis orchards

TALLIS, May 3 (AFP) - A late frost damaged about 40 percent of the apple blossom in \
the Tallis valley, growers said on Saturday.

Grower Piet Hovland said the harvest would be the smallest since 1998.
"""

MUSEUM = """\
Oster museum reopens after repairs

The Oster maritime museum reopened on Friday after two years of repairs that cost \
12 million crowns. Curator Lise Dahl said visitors would see the restored whaling boat.
"""


@pytest.fixture(name="index")
def _index(tmp_path):
    """An empty index in a temporary folder."""
    with WireIndex.create(tmp_path / "wires.db") as index:
        yield index


@pytest.fixture(name="three")
def _three(index):
    """The index holding three short fictional stories."""
    index.add_texts({"ferry": FERRY, "orchard": ORCHARD, "museum": MUSEUM})
    return index


@pytest.fixture(name="synthetic", scope="module")
def _synthetic(tmp_path_factory):
    """300 synthetic wire stories (seed 3), indexed once for the module."""
    folder = tmp_path_factory.mktemp("synthetic")
    source = folder / "wires.jsonl"
    corpus.write_jsonl(corpus.wire_stories(300, seed=3), source)
    with WireIndex.create(folder / "wires.db") as index:
        index.add_paths([source])
        yield index


def run_cli(argv, capsys):
    """Run the command line; (status, out, err)."""
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def one_error_line(err):
    """The single ``sourcecompare: error:`` line of *err*."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sourcecompare: error:"), err
    return lines[0]


class TestStoring:
    """Creating an index, adding stories and reading them back."""

    def test_create_and_reopen(self, tmp_path):
        """A created index opens again with its stories, exactly as given."""
        path = tmp_path / "w.db"
        with WireIndex.create(path) as index:
            report = index.add_texts([("ferry", FERRY)])
        assert report == AddReport(added=1)
        with WireIndex.open(path) as index:
            assert len(index) == 1
            assert "ferry" in index
            assert "nope" not in index
            assert 3 not in index
            assert index.get("ferry") == WireStory(id="ferry", text=FERRY)
            assert index.get("nope") is None
            assert list(index.ids()) == ["ferry"]

    def test_file_layout(self, three):
        """The file records its schema version, its owner, and runs in WAL mode."""
        db = sqlite3.connect(three.path)
        try:
            assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
                str(SCHEMA_VERSION),
            )
            assert db.execute("PRAGMA application_id").fetchone()[0] == 0x53435749
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        finally:
            db.close()

    def test_document_offsets_are_exact(self, three):
        """A stored story parses to a document whose spans index its original text."""
        doc = three.document("ferry")
        assert doc.text == FERRY
        assert doc.doc_id == "ferry"
        for segment in doc.segments:
            assert FERRY[segment.start : segment.end] == segment.text
        with pytest.raises(KeyError):
            three.document("nope")

    def test_create_refuses_an_existing_file(self, three):
        """create() will not overwrite; open() without create needs the file."""
        with pytest.raises(IndexFileError, match="exists"):
            WireIndex.create(three.path)
        with pytest.raises(InputNotFoundError, match="no such index"):
            WireIndex.open(Path(three.path).with_name("missing.db"))
        with pytest.raises(InputNotFoundError, match="no such folder"):
            WireIndex.open(Path(three.path).parent / "no" / "w.db", create=True)

    def test_a_folder_is_not_an_index(self, tmp_path):
        """A folder given as the index is a clear error."""
        with pytest.raises(IndexFileError, match="is a folder"):
            WireIndex.open(tmp_path, create=True)

    def test_stats(self, tmp_path):
        """stats() counts stories, agencies and dates."""
        source = tmp_path / "s.jsonl"
        records = [
            {"id": "a", "text": FERRY, "agency": "Reuters", "published": "2025-04-01"},
            {"id": "b", "text": ORCHARD, "agency": "AFP", "published": "2025-05-03T08:00Z"},
            {"id": "c", "text": MUSEUM, "agency": "Reuters"},
            {"id": "d", "text": MUSEUM + "\nMore.\n"},
        ]
        source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        with WireIndex.create(tmp_path / "w.db") as index:
            index.add_paths([source])
            stats = index.stats()
        assert stats.stories == 4
        assert stats.agencies == (("Reuters", 2), ("", 1), ("Agence France-Presse", 1))
        assert str(stats.first_published) == "2025-04-01"
        assert str(stats.last_published) == "2025-05-03"
        assert stats.schema_version == SCHEMA_VERSION
        assert stats.size > 0
        assert stats.to_dict()["agencies"] == {"Reuters": 2, "": 1, "Agence France-Presse": 1}

    def test_remove(self, three):
        """remove() deletes stories from the table and the full-text index."""
        assert three.remove(["ferry", "nope"]) == 1
        assert len(three) == 2
        assert three.search("Lindby harbour board ferry Skarv") == ()
        three.check()

    def test_bad_options(self, three):
        """Options out of range raise InvalidOptionError naming them."""
        with pytest.raises(InvalidOptionError, match="on_error"):
            three.add_texts({"x": "Some text."}, on_error="ignore")
        with pytest.raises(InvalidOptionError, match="batch"):
            three.add_texts({"x": "Some text."}, batch=0)
        with pytest.raises(InvalidOptionError, match="timeout"):
            WireIndex.open(three.path, timeout=-1)
        with pytest.raises(InvalidOptionError, match="id"):
            WireStory(id="", text="x")


class TestIncremental:
    """Adding to an index that already holds stories."""

    def test_same_stories_are_unchanged(self, three):
        """Adding the same stories again changes nothing."""
        report = three.add_texts({"ferry": FERRY, "orchard": ORCHARD})
        assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
        assert len(three) == 3

    def test_changed_text_is_updated_and_searchable(self, three):
        """A story whose text changed is updated; its old words no longer find it."""
        changed = FERRY.replace("Norrvik Yards", "Quellmark Shipworks")
        report = three.add_texts({"ferry": changed})
        assert (report.added, report.updated) == (0, 1)
        assert three.get("ferry").text == changed
        assert [hit.id for hit in three.search("Quellmark Shipworks")] == ["ferry"]
        assert three.search("Norrvik") == ()
        three.check()

    def test_no_update_leaves_stories_alone(self, three):
        """With update=False, an existing id keeps its text."""
        report = three.add_texts(
            {"ferry": ORCHARD, "new": "A new story about Wexby."}, update=False
        )
        assert (report.added, report.updated, report.unchanged) == (1, 0, 1)
        assert three.get("ferry").text == FERRY

    def test_details_only_are_updated(self, three):
        """A change of date or agency alone is an update that keeps the text indexed."""
        story = WireStory(id="ferry", text=FERRY, agency="Reuters", source="x.txt")
        assert three.add([story]).updated == 1
        assert three.get("ferry") == story
        assert [hit.id for hit in three.search("Norrvik Yards")] == ["ferry"]
        three.check()

    def test_count_follows_other_connections(self, three):
        """len() sees stories another connection added."""
        assert len(three) == 3
        with WireIndex.open(three.path) as other:
            other.add_texts({"late": "Late story about the Wexby tunnel."})
        assert len(three) == 4
        assert [hit.id for hit in three.search("Wexby tunnel")] == ["late"]


class TestPaths:
    """add_paths: files, folders and JSON Lines."""

    def test_folder_recursively(self, tmp_path, index):
        """Folders are searched recursively in name order; ids start with the folder name."""
        wires = tmp_path / "wires"
        (wires / "2025").mkdir(parents=True)
        (wires / "a.txt").write_text(FERRY, encoding="utf-8")
        (wires / "2025" / "b.md").write_text(ORCHARD, encoding="utf-8")
        (wires / ".hidden.txt").write_text(MUSEUM, encoding="utf-8")
        (wires / "notes.pdf").write_bytes(b"%PDF-1.4")
        report = index.add_paths([wires])
        assert report.added == 2
        assert report.ignored == (str(wires / "notes.pdf"),)
        assert list(index.ids()) == ["wires/2025/b.md", "wires/a.txt"]
        story = index.get("wires/a.txt")
        assert story.agency == "Reuters"
        assert story.source == str(wires / "a.txt")
        assert story.text == FERRY

    def test_file_takes_date_and_agency_from_its_text(self, index):
        """A file's date and agency come from its furniture."""
        index.add_paths([ARTICLES / "harbour_wire.txt"])
        story = index.get("harbour_wire.txt")
        assert story.agency == "Reuters"
        assert str(story.published) == "2025-06-18"

    def test_jsonl_fields(self, tmp_path, index):
        """JSON Lines records give id, text, published, agency and source; blank lines pass."""
        source = tmp_path / "s.jsonl"
        source.write_text(
            json.dumps({"id": 7, "text": FERRY, "published": "2025-04-01", "topic": "x"})
            + "\n\n"
            + json.dumps({"id": "o", "text": ORCHARD, "agency": "AFP", "source": "feed"})
            + "\n",
            encoding="utf-8",
        )
        assert index.add_paths([source]).added == 2
        assert index.get("7") == WireStory(
            id="7",
            text=FERRY,
            published=index.get("7").published,
            source=f"{source}, line 1",
        )
        assert str(index.get("7").published) == "2025-04-01"
        assert index.get("o").source == "feed"
        assert index.get("o").agency == "Agence France-Presse"  # its canonical name

    def test_bundled_stories(self, index):
        """The bundled wires.jsonl holds six stories with dates and agencies."""
        report = index.add_paths([ARTICLES / "wires.jsonl"])
        assert report.added == 6
        assert all(index.get(i).agency and index.get(i).published for i in index.ids())

    def test_missing_path(self, tmp_path, index):
        """A path that does not exist is refused before anything is added."""
        good = tmp_path / "a.txt"
        good.write_text(FERRY, encoding="utf-8")
        with pytest.raises(InputNotFoundError, match="no such file or folder"):
            index.add_paths([good, tmp_path / "missing.jsonl"])
        assert len(index) == 0


class TestBadRecords:
    """Records that cannot be indexed are typed errors naming where they are."""

    def write(self, tmp_path, lines):
        """A JSON Lines file of *lines*."""
        path = tmp_path / "bad.jsonl"
        path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        return path

    def test_malformed_line_names_the_line(self, tmp_path, index):
        """A malformed JSON line raises RecordError with the file and line number."""
        path = self.write(
            tmp_path,
            [
                json.dumps({"id": "a", "text": FERRY}),
                '{"id": "b", "text": ',
                json.dumps({"id": "c", "text": MUSEUM}),
            ],
        )
        with pytest.raises(RecordError, match=r"bad\.jsonl, line 2: not valid JSON") as caught:
            index.add_paths([path])
        assert caught.value.line == 2
        assert caught.value.path == str(path)
        assert isinstance(caught.value, ValueError)
        assert isinstance(caught.value, InputError)
        # What came before the bad line is in; nothing after it.
        assert list(index.ids()) == ["a"]

    def test_skip_reports_and_goes_on(self, tmp_path, index):
        """With on_error='skip' bad records are reported in order and the rest is added."""
        path = self.write(
            tmp_path,
            [
                json.dumps({"id": "a", "text": FERRY}),
                "not json",
                json.dumps(["a", "list"]),
                json.dumps({"id": "", "text": FERRY}),
                json.dumps({"id": "e", "text": "   \n"}),
                json.dumps({"id": "f"}),
                json.dumps({"id": "g", "text": ORCHARD, "published": "last week"}),
                json.dumps({"id": "h", "text": ORCHARD, "agency": 3}),
                json.dumps({"id": "i", "text": MUSEUM}),
            ],
        )
        report = index.add_paths([path], on_error="skip")
        assert report.added == 2
        assert [error.line for error in report.errors] == [2, 3, 4, 5, 6, 7, 8]
        messages = [str(error) for error in report.errors]
        assert "expected a JSON object, found list" in messages[1]
        assert "'id' must be a non-empty string" in messages[2]
        assert "story 'e' has an empty text" in messages[3]
        assert "story 'f' has no 'text' string" in messages[4]
        assert "'published' must be an ISO date" in messages[5]
        assert "'agency' must be a string" in messages[6]
        assert list(index.ids()) == ["a", "i"]

    def test_invalid_utf8_line(self, tmp_path, index):
        """A line that is not UTF-8 is a RecordError for that line."""
        path = tmp_path / "bad.jsonl"
        path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n')
        with pytest.raises(RecordError, match="line 1: not valid UTF-8"):
            index.add_paths([path])

    def test_empty_text(self, index):
        """An empty text raises RecordError, or is reported with on_error='skip'."""
        with pytest.raises(RecordError, match="story 'blank' has an empty text") as caught:
            index.add_texts({"ok": FERRY, "blank": "  \n "})
        assert caught.value.doc_id == "blank"
        assert list(index.ids()) == ["ok"]
        report = index.add_texts([("blank", ""), ("", FERRY), ("m", MUSEUM)], on_error="skip")
        assert report.added == 1
        assert len(report.errors) == 2

    def test_unreadable_file_in_a_folder(self, tmp_path, index):
        """A story file that holds no story is reported, the others are added."""
        folder = tmp_path / "wires"
        folder.mkdir()
        (folder / "a.txt").write_text(FERRY, encoding="utf-8")
        (folder / "b.txt").write_text("\n\n", encoding="utf-8")
        (folder / "c.txt").write_bytes(b"\x00\x01binary")
        report = index.add_paths([folder], on_error="skip")
        assert report.added == 1
        assert [type(e).__name__ for e in report.errors] == [
            "EmptyDocumentError",
            "BinaryInputError",
        ]


class TestFaults:
    """A damaged, foreign or locked file is a typed error naming it; runs cut short are safe."""

    def test_random_bytes(self, tmp_path):
        """A file that is not SQLite raises CorruptIndexError naming the file."""
        path = tmp_path / "junk.db"
        path.write_bytes(
            bytes(
                random.Random(1).randrange(256)  # noqa: S311 - test data
                for _ in range(8192)
            )
        )
        with pytest.raises(CorruptIndexError, match=r"junk\.db.*not a SQLite database") as caught:
            WireIndex.open(path)
        assert caught.value.path == str(path)

    def test_other_sqlite_database(self, tmp_path):
        """A SQLite database that is not an index raises CorruptIndexError."""
        path = tmp_path / "other.db"
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE t (x)")
        db.commit()
        db.close()
        with pytest.raises(CorruptIndexError, match="not a sourcecompare wire index"):
            WireIndex.open(path)
        with pytest.raises(CorruptIndexError, match="not a sourcecompare wire index"):
            WireIndex.open(path, create=True)

    def test_empty_file(self, tmp_path):
        """An empty file is not an index, but becomes one when creating."""
        path = tmp_path / "empty.db"
        path.touch()
        with pytest.raises(CorruptIndexError, match="an empty file"):
            WireIndex.open(path)
        with WireIndex.open(path, create=True) as index:
            assert len(index) == 0

    def test_newer_schema(self, three):
        """An index of a newer schema version is refused with advice."""
        db = sqlite3.connect(three.path)
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        db.commit()
        db.close()
        with pytest.raises(IndexFileError, match="newer sourcecompare"):
            WireIndex.open(three.path)

    def test_truncated_file(self, tmp_path, synthetic):
        """A cut-off index raises CorruptIndexError when opened or searched."""
        path = tmp_path / "cut.db"
        source = sqlite3.connect(synthetic.path)
        target = sqlite3.connect(path)
        source.backup(target)
        source.close()
        target.close()
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
        with pytest.raises(CorruptIndexError, match=r"cut\.db"), WireIndex.open(path) as index:  # noqa: PT012 - opening or searching
            index.search(corpus.story(5, seed=3).text)
            index.check()

    def test_damaged_pages(self, tmp_path, synthetic):
        """Overwritten pages are found by check()."""
        path = tmp_path / "damaged.db"
        source = sqlite3.connect(synthetic.path)
        target = sqlite3.connect(path)
        source.backup(target)
        source.close()
        target.close()
        data = bytearray(path.read_bytes())
        middle = len(data) // 2 // 4096 * 4096
        data[middle : middle + 3 * 4096] = b"\xff" * (3 * 4096)
        path.write_bytes(bytes(data))
        with pytest.raises(CorruptIndexError, match=r"damaged\.db"), WireIndex.open(path) as index:
            index.check()

    def test_write_locked(self, three):
        """A writer waiting longer than the timeout gets IndexLockedError; readers go on."""
        other = sqlite3.connect(three.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with WireIndex.open(three.path, timeout=0.05) as index:
                assert [hit.id for hit in index.search("Norrvik Yards ferry")] == ["ferry"]
                with pytest.raises(IndexLockedError, match=r"wires\.db.*locked") as caught:
                    index.add_texts({"new": "A new story about Wexby."})
                assert caught.value.path == three.path
                assert "new" not in index
        finally:
            other.execute("ROLLBACK")
            other.close()

    def test_exclusively_locked(self, three):
        """A file another process holds exclusively cannot even be read: IndexLockedError."""
        three.close()
        other = sqlite3.connect(three.path, isolation_level=None)
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        try:
            with (
                pytest.raises(IndexLockedError, match="locked by another process"),
                WireIndex.open(three.path, timeout=0.05) as index,
            ):
                index.search("Norrvik Yards ferry")
        finally:
            other.execute("ROLLBACK")
            other.close()

    def test_exception_mid_batch(self, index):
        """An exception mid-run keeps finished batches, drops the open one, and resumes."""

        def stories(fail_at):
            for number in range(25):
                if number == fail_at:
                    msg = "the feed went away"
                    raise ConnectionError(msg)
                yield WireStory(id=f"s{number:02d}", text=f"Story {number} about Wexby{number}.")

        with pytest.raises(ConnectionError):
            index.add(stories(17), batch=5)
        assert len(index) == 15  # three batches of five
        index.check()
        report = index.add(stories(None), batch=5)
        assert (report.added, report.unchanged) == (10, 15)
        assert len(index) == 25
        index.check()

    def test_killed_process(self, tmp_path):
        """A process killed mid-batch leaves its finished batches, and a consistent file."""
        path = tmp_path / "killed.db"
        script = textwrap.dedent(
            f"""
            import sys, time
            from sourcecompare.index import WireIndex, WireStory

            def stories():
                for number in range(70):
                    yield WireStory(id=f"s{{number:03d}}", text=f"Story {{number}} of Wexby{{number}}.")
                print("ready", flush=True)
                time.sleep(60)

            with WireIndex.open({str(path)!r}, create=True) as index:
                index.add(stories(), batch=20)
            """
        )
        child = subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(timeout=30)
            if child.stdout is not None:
                child.stdout.close()
        with WireIndex.open(path) as index:
            assert len(index) == 60  # three batches of 20; the ten after them are gone
            index.check()
            assert [hit.id for hit in index.search("Wexby59")] == ["s059"]
            assert index.search("Wexby65") == ()
            assert index.add(
                WireStory(id=f"s{n:03d}", text=f"Story {n} of Wexby{n}.") for n in range(70)
            ) == AddReport(added=10, unchanged=60)

    def test_missing_fts5(self, monkeypatch, tmp_path):
        """Without FTS5 in this Python's SQLite, opening says so (MissingDependencyError)."""
        monkeypatch.setattr(index_module, "_fts5_problem", lambda: "no such module: fts5")
        with pytest.raises(sc.MissingDependencyError, match="no usable FTS5"):
            WireIndex.open(tmp_path / "w.db", create=True)

    def test_translate(self):
        """SQLite errors map to typed errors by their code or message."""

        def error(message, name=""):
            exc = sqlite3.OperationalError(message)
            exc.sqlite_errorname = name
            return exc

        assert isinstance(_translate(error("database is locked"), "w.db", 1), IndexLockedError)
        assert isinstance(
            _translate(error("x", "SQLITE_BUSY_SNAPSHOT"), "w.db", 1), IndexLockedError
        )
        assert isinstance(_translate(error("file is not a database"), "w.db", 1), CorruptIndexError)
        assert isinstance(
            _translate(error("x", "SQLITE_CORRUPT_VTAB"), "w.db", 1), CorruptIndexError
        )
        other = _translate(error("database or disk is full"), "w.db", 1)
        assert type(other) is IndexFileError
        assert str(other) == "cannot use the index 'w.db': database or disk is full"


class TestSearch:
    """The full-text search."""

    def test_finds_the_story(self, three):
        """A rewrite finds its story first."""
        hits = three.search("The ferry to Skarv island will carry 900 passengers, Berg said.")
        assert hits[0].id == "ferry"
        assert hits[0].matched >= 3
        assert all(hits[k].score >= hits[k + 1].score for k in range(len(hits) - 1))

    def test_ties_are_broken_by_id(self, index):
        """Stories that score the same come in id order, whatever the insertion order."""
        index.add_texts([("b", MUSEUM), ("c", MUSEUM), ("a", MUSEUM)])
        assert [hit.id for hit in index.search(MUSEUM)] == ["a", "b", "c"]
        assert [hit.id for hit in index.search(MUSEUM, limit=2)] == ["a", "b"]

    def test_no_shared_words(self, three):
        """An article sharing no indexed word with any story finds nothing."""
        assert three.search("Nothing whatsoever here.") == ()
        assert three.terms(sc.Document.from_text("The and of.")) == ()

    def test_terms_are_folded(self, index):
        """Query words are folded as the index folds them (case, diacritics)."""
        index.add_texts({"zurich": "The Zürich council met the Société Générale."})
        assert [hit.id for hit in index.search("ZURICH council and SOCIETE generale")] == ["zurich"]
        assert set(index.terms(sc.Document.from_text("Zürich Société"))) == {"zurich", "societe"}

    def test_limit_must_be_positive(self, three):
        """A limit below one is refused."""
        with pytest.raises(InvalidOptionError, match="limit"):
            three.search(FERRY, limit=0)


class TestTrace:
    """trace(): ranking by support, choosing the sources, comparing."""

    def test_single_source(self, synthetic):
        """A rewrite of one story names it as its only source, with most of the share."""
        rng = random.Random(7)  # noqa: S311 - test data
        for index in (4, 120, 250):
            derivative = corpus.rewrite(corpus.story(index, seed=3), rng)
            result = trace(derivative.text, synthetic, compare=False)
            assert result.candidates[0].id == derivative.sources[0]
            assert [c.id for c in result.sources] == list(derivative.sources)
            assert result.candidates[0].share > 0.6
            assert result.comparison is None

    def test_two_sources(self, synthetic):
        """A roundup of two stories names both, and is compared with both."""
        rng = random.Random(11)  # noqa: S311 - test data
        derivative = corpus.rewrite([corpus.story(10, seed=3), corpus.story(200, seed=3)], rng)
        result = trace(derivative.text, synthetic)
        assert {c.id for c in result.sources} == set(derivative.sources)
        assert sum(c.share for c in result.sources) > 0.8
        assert result.comparison is not None
        assert {w.doc_id for w in result.comparison.wires} == set(derivative.sources)
        assert result.comparison.derivative is result.derivative
        for candidate in result.sources:
            assert candidate.segments
            assert candidate.published is not None
            known = sc.AgencyList.default().lookup(synthetic.get(candidate.id).agency)
            assert known is not None
            assert candidate.agency == known.name

    def test_bundled_articles(self, index):
        """The bundled roundup draws on the two bundled wires, among decoys."""
        index.add_paths(
            [ARTICLES / "harbour_wire.txt", ARTICLES / "rail_wire.txt", ARTICLES / "wires.jsonl"]
        )
        result = trace(ARTICLES / "roundup.txt", index)
        assert [c.id for c in result.sources] == ["harbour_wire.txt", "rail_wire.txt"]
        assert result.comparison.summary.derivative_supported > 0.7
        rewrite = trace(ARTICLES / "harbour_rewrite.txt", index, compare=False)
        assert [c.id for c in rewrite.sources] == ["harbour_wire.txt"]

    def test_deterministic(self, synthetic, tmp_path):
        """Same inputs, same trace; an index filled in another order gives the same ranking."""
        derivative = corpus.rewrite(corpus.story(42, seed=3), random.Random(3)).text  # noqa: S311
        first = trace(derivative, synthetic, compare=False)
        assert trace(derivative, synthetic, compare=False) == first
        stories = list(corpus.wire_stories(300, seed=3))
        with WireIndex.create(tmp_path / "reversed.db") as other:
            other.add_texts([(s.id, s.text) for s in reversed(stories)])
            again = trace(derivative, other, compare=False)
        assert [(c.id, c.share, c.score) for c in again.candidates] == [
            (c.id, c.share, c.score) for c in first.candidates
        ]

    def test_nothing_found(self, three):
        """An article unlike every story has no candidates, sources or comparison."""
        result = trace("Nothing whatsoever here.", three)
        assert (result.candidates, result.sources, result.comparison) == ((), (), None)
        text = render(result)
        assert "No story in the index shares distinctive words with it." in text

    def test_unrelated_candidates_are_not_sources(self, three):
        """Candidates that support too little of the article are not its sources."""
        result = trace("Piet Hovland grows apples. The museum has a whaling boat.", three)
        assert all(c.share < 1 for c in result.candidates)
        result = trace("Ada Berg and Piet Hovland met at the Oster museum.", three, min_share=1.0)
        assert result.sources == ()
        assert "no source found" in render(result)

    def test_story_without_body_is_passed_over(self, index):
        """A stored text that parses to no story cannot be a source, and does no harm."""
        index.add_texts({"furniture": "Source: Reuters | 2025-04-02\n", "ferry": FERRY})
        result = trace(FERRY + "\nReuters\n", index)
        assert [c.id for c in result.candidates] == ["ferry"]

    def test_empty_index(self, index):
        """Tracing against an empty index finds nothing."""
        assert trace(FERRY, index).candidates == ()

    def test_options_are_checked(self, three):
        """Out-of-range options raise InvalidOptionError naming them."""
        for name, value in (
            ("limit", 0),
            ("candidates", -1),
            ("max_sources", 0),
            ("min_share", 0),
            ("min_share", 1.5),
            ("min_share", True),
        ):
            with pytest.raises(InvalidOptionError, match=name):
                trace(FERRY, three, **{name: value})
        with pytest.raises(InvalidOptionError, match="options"):
            trace(FERRY, three, options="fast")
        with pytest.raises(InvalidOptionError, match="article"):
            trace(42, three)

    def test_json_and_rendering(self, three):
        """The trace exports to JSON and renders its candidates and comparison."""
        rewrite = "The board approved the Skarv island ferry link on Tuesday, Ada Berg said."
        result = trace(rewrite, three, limit=2)
        data = json.loads(result.to_json())
        assert data["schema_version"] == SCHEMA_VERSION
        assert data["sources"] == ["ferry"]
        assert data["candidates"][0]["id"] == "ferry"
        assert data["candidates"][0]["share"] == 1.0
        assert data["comparison"]["schema_version"]
        assert len(data["candidates"]) <= 2
        text = render(result)
        assert "Wire stories derivative draws on" in text
        assert "Sources: ferry" in text

    def test_untrusted_ids_are_rendered_literally(self, index):
        """Story ids with markup or escapes are shown as written."""
        index.add_texts({"[bold]x[/bold]\x1b": FERRY})
        text = render(trace(FERRY, index))
        assert "[bold]x[/bold]\\x1b" in text


def render(result):
    """What ``rich.print(result)`` shows at 120 columns, without colour."""
    console = Console(width=120, record=True, color_system=None, file=io.StringIO())
    console.print(result)
    return console.export_text()


class TestCorpus:
    """bench/corpus.py, the synthetic corpus generator."""

    def test_deterministic(self):
        """Story i of a seed is always the same; seeds differ."""
        assert corpus.story(17, seed=2) == corpus.story(17, seed=2)
        assert corpus.story(17, seed=2).text != corpus.story(17, seed=3).text
        assert [s.id for s in corpus.wire_stories(3, seed=2)] == [
            "w2-000000",
            "w2-000001",
            "w2-000002",
        ]

    def test_stories_parse(self):
        """Stories parse with their agency credited and 10 to 18 body sentences."""
        for story in corpus.wire_stories(30, seed=1):
            doc = sc.Document.from_text(story.text)
            assert story.topic in corpus.TOPICS
            assert 10 <= len(story.sentences) <= 18
            assert len(doc.sentences) >= len(story.sentences) - 2

    def test_rewrites_know_their_sources(self):
        """Rewrites list their sources; a two-story roundup draws on both."""
        rng = random.Random(5)  # noqa: S311 - test data
        one = corpus.rewrite(corpus.story(1), rng)
        two = corpus.rewrite([corpus.story(2), corpus.story(3)], rng)
        assert one.sources == ("w0-000001",)
        assert set(two.sources) == {"w0-000002", "w0-000003"}
        assert all(k >= 1 for k in two.kept)

    def test_long_pair(self):
        """long_pair() gives a rewrite of about 40 sentences from one longer wire."""
        wire, derivative = corpus.long_pair(seed=1, sentences=40)
        assert derivative.sources == (wire.id,)
        sentences = len(sc.Document.from_text(derivative.text).sentences)
        assert 36 <= sentences <= 44
        assert len(wire.sentences) > sentences


class TestProperties:
    """Whatever is added, updated and removed, the index agrees with a plain dict."""

    words = st.sampled_from(
        "harbour ferry Skarv Lindby board passengers island Tallis frost".split()
    )
    texts = st.lists(words, min_size=1, max_size=8).map(lambda w: " ".join(w) + ".")
    operations = st.lists(
        st.tuples(st.sampled_from(["add", "remove"]), st.sampled_from("abcde"), texts),
        max_size=12,
    )

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(operations)
    def test_matches_a_dict(self, operations):
        """After any adds, updates and removals: same stories, consistent full-text index."""
        model: dict[str, str] = {}
        with (
            tempfile.TemporaryDirectory() as folder,
            WireIndex.create(Path(folder) / "p.db") as index,
        ):
            for operation, story_id, text in operations:
                if operation == "add":
                    index.add_texts({story_id: text}, batch=1)
                    model[story_id] = text
                else:
                    assert index.remove([story_id]) == (story_id in model)
                    model.pop(story_id, None)
            assert {i: index.get(i).text for i in index.ids()} == model
            assert len(index) == len(model)
            index.check()
            for story_id, text in model.items():
                assert story_id in {hit.id for hit in index.search(text, limit=10)}


class TestCommandLine:
    """sourcecompare index add / index stats / trace."""

    @pytest.fixture(name="jsonl")
    def _jsonl(self, tmp_path):
        path = tmp_path / "stories.jsonl"
        path.write_text(
            json.dumps(
                {"id": "ferry", "text": FERRY, "agency": "Reuters", "published": "2025-04-01"}
            )
            + "\n"
            + json.dumps({"id": "orchard", "text": ORCHARD})
            + "\n",
            encoding="utf-8",
        )
        return path

    def test_add_and_stats(self, tmp_path, jsonl, capsys):
        """The add command reports its counts; stats shows the figures."""
        db = str(tmp_path / "w.db")
        status, out, err = run_cli(
            ["index", "add", db, str(jsonl), str(ARTICLES / "rail_wire.txt")], capsys
        )
        assert (status, err) == (0, "")
        assert out == f"{db}: 3 added, 0 updated, 0 unchanged; 3 stories in the index\n"
        status, out, _ = run_cli(["index", "add", db, str(jsonl)], capsys)
        assert out == f"{db}: 0 added, 0 updated, 2 unchanged; 3 stories in the index\n"
        status, out, err = run_cli(["index", "stats", db, "--check"], capsys)
        assert (status, err) == (0, "")
        assert "  stories    3\n" in out
        assert "  agencies   (none) 1, Associated Press 1, Reuters 1\n" in out
        assert "  published  2025-04-01 to 2025-04-01\n" in out  # rail_wire.txt has no date
        assert "  check      ok\n" in out
        status, out, _ = run_cli(["index", "stats", db, "--json"], capsys)
        assert json.loads(out)["stories"] == 3

    def test_add_json_and_paths_after_options(self, tmp_path, jsonl, capsys):
        """--json prints the counts; files may follow options."""
        db = str(tmp_path / "w.db")
        argv = ["index", "add", db, str(ARTICLES / "rail_wire.txt"), "--json", str(jsonl)]
        status, out, err = run_cli(argv, capsys)
        assert (status, err) == (0, "")
        data = json.loads(out)
        assert (data["added"], data["stories"], data["errors"]) == (3, 3, [])

    def test_bad_records(self, tmp_path, jsonl, capsys):
        """Bad records: one error line each, the rest indexed, exit 2; --strict stops."""
        bad = tmp_path / "bad.jsonl"
        bad.write_text(
            '{"id": "x", "text": ""}\n{oops\n' + json.dumps({"id": "m", "text": MUSEUM}) + "\n"
        )
        db = str(tmp_path / "w.db")
        status, out, err = run_cli(["index", "add", db, str(bad)], capsys)
        assert status == 2
        assert err.splitlines() == [
            f"sourcecompare: error: {bad}, line 1: story 'x' has an empty text",
            f"sourcecompare: error: {bad}, line 2: not valid JSON (Expecting property name enclosed in double quotes)",
        ]
        assert out == f"{db}: 1 added, 0 updated, 0 unchanged; 2 skipped; 1 stories in the index\n"
        status, out, err = run_cli(["index", "add", db, "--strict", str(jsonl), str(bad)], capsys)
        assert status == 2
        assert one_error_line(err).endswith("line 1: story 'x' has an empty text")
        assert out == ""

    def test_trace(self, tmp_path, capsys):
        """The trace command shows ranking and comparison; --json prints one line."""
        db = str(tmp_path / "w.db")
        run_cli(
            [
                "index",
                "add",
                db,
                str(ARTICLES / "wires.jsonl"),
                str(ARTICLES / "rail_wire.txt"),
                str(ARTICLES / "harbour_wire.txt"),
            ],
            capsys,
        )
        roundup = str(ARTICLES / "roundup.txt")
        status, out, err = run_cli(
            ["trace", roundup, "--index", db, "--width", "100", "--no-color"], capsys
        )
        assert (status, err) == (0, "")
        assert "Wire stories roundup.txt draws on" in out
        assert "Sources: harbour_wire.txt, rail_wire.txt" in out
        assert "roundup.txt against harbour_wire.txt, rail_wire.txt" in out
        status, out, err = run_cli(
            ["trace", roundup, "--index", db, "--json", "--no-compare", "--limit", "2"], capsys
        )
        assert (status, err) == (0, "")
        data = json.loads(out)
        assert data["sources"] == ["harbour_wire.txt", "rail_wire.txt"]
        assert data["comparison"] is None
        assert len(data["candidates"]) == 2

    def test_trace_errors(self, tmp_path, capsys):
        """A missing index, a corrupt index or a bad option: one line, exit 2."""
        roundup = str(ARTICLES / "roundup.txt")
        status, _, err = run_cli(["trace", roundup, "--index", str(tmp_path / "none.db")], capsys)
        assert status == 2
        assert "no such index" in one_error_line(err)
        junk = tmp_path / "junk.db"
        junk.write_bytes(b"not a database at all" * 300)
        status, _, err = run_cli(["trace", roundup, "--index", str(junk)], capsys)
        assert status == 2
        assert "junk.db" in one_error_line(err)
        status, _, err = run_cli(
            ["trace", roundup, "--index", str(junk), "--min-share", "0"], capsys
        )
        assert status == 2
        assert "--min-share" in err
        status, _, err = run_cli(["trace", roundup, "extra.txt", "--index", str(junk)], capsys)
        assert status == 2
        assert "unrecognized arguments: extra.txt" in err
        status, _, err = run_cli(["index", "stats", str(junk)], capsys)
        assert status == 2
        assert "junk.db" in one_error_line(err)

    def test_defaults_agree(self):
        """The command line's defaults are trace()'s and add_paths()'s."""
        parameters = inspect.signature(trace).parameters
        assert parameters["limit"].default == _cli_index.DEFAULT_LIMIT
        assert parameters["candidates"].default == _cli_index.DEFAULT_CANDIDATES
        assert parameters["min_share"].default == _cli_index.DEFAULT_MIN_SHARE
        assert parameters["max_sources"].default == _cli_index.DEFAULT_MAX_SOURCES
        batch = inspect.signature(WireIndex.add_paths).parameters["batch"].default
        assert batch == _cli_index.DEFAULT_BATCH
