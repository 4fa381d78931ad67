"""Batch comparison: sourcecompare.batch and the ``sourcecompare batch`` command.

Texts are fictional and written for these tests. Runs on worker processes start a pool
(about half a second), so most tests run in this process (``workers=1``) and a few
check that the pool, Dask, a crash and a kill give the same records.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import sourcecompare as sc
from sourcecompare import _cli_batch, batch, cli
from sourcecompare.batch import BatchItem, BatchRecord, compare_many, read_items, run_batch

WIRE = """\
LINDBY, April 1 (Reuters) - The Lindby harbour board approved a ferry link to Skarv \
island on Tuesday, saying it would carry about 900 passengers a day.

Dr. Ada Berg, who chairs the board, said two boats would be delivered by November.

The link will cost 1,200 crowns a year per household, a rise of 4% on current fares.
"""

VERSIONS = {
    "faithful": (
        "The Lindby harbour board approved a ferry link to Skarv island on Tuesday. "
        "Ada Berg, who chairs the board, said two boats would be delivered by November."
    ),
    "spun": (
        "Skarv island is finally getting the ferry link its residents deserve. "
        "Experts lauded the pivotal decision, which will transform the island."
    ),
    "trimmed": "The link will cost 1,200 crowns a year per household.",
}


def texts(count: int) -> list[tuple[str, str]]:
    """*count* distinct (id, text) items, cycling through the versions."""
    names = sorted(VERSIONS)
    return [
        (f"item-{n:03d}", f"{VERSIONS[names[n % 3]]} Item {n} adds a line of its own.")
        for n in range(count)
    ]


@pytest.fixture(name="wire_file")
def _wire_file(tmp_path):
    """The wire report in a file."""
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    return path


@pytest.fixture(name="folder")
def _folder(tmp_path):
    """A folder of derivatives: three good files, an empty one and one not in UTF-8."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in VERSIONS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "latin.txt").write_bytes("Caf\xe9 owners said the link was late.".encode("cp1252"))
    (folder / ".hidden.txt").write_text("not an article", encoding="utf-8")
    return folder


def lines_of(path: Path) -> list[dict]:
    """The records of a JSON Lines file, parsed."""
    return [json.loads(line) for line in path.read_text(encoding="ascii").splitlines()]


class _Crash:
    """A detector that kills its process on a derivative that says CRASH."""

    name = "crash"

    def detect(self, context):
        if "CRASH" in context.derivative.text:
            os._exit(3)
        return ()


class _Unpicklable:
    """A detector that cannot be sent to another process (it holds a lambda)."""

    name = "unpicklable"

    def __init__(self):
        self.hook = lambda: None

    def detect(self, _context):
        return ()


class TestItems:
    """The forms an item can take, and JSON Lines input."""

    def test_paths_tuples_documents_and_records(self):
        """Each accepted form becomes an item with a stable id."""
        doc = sc.Document.from_text("A text.", doc_id="doc-1")
        given = [
            Path("./a/b.txt"),
            ("t1", "A text."),
            ("p1", "The wire.", "A text."),
            doc,
            {"id": "r1", "text": "A text."},
            {"path": "c.txt"},
            BatchItem(id="b1", derivative="A text."),
        ]
        items = [batch._as_item(value) for value in given]
        assert [item.id for item in items] == ["a/b.txt", "t1", "p1", "doc-1", "r1", "c.txt", "b1"]
        assert items[0].derivative == Path("a/b.txt")
        assert items[2].wire == "The wire."
        assert items[3].derivative is doc
        assert items[5].derivative == Path("c.txt")

    @pytest.mark.parametrize(
        ("value", "match"),
        [
            ("article.txt", "does not guess whether a str is a text or a path"),
            (sc.Document.from_text("A text."), "give each Document a doc_id"),
            (("", "A text."), "non-empty str"),
            (42, "got int"),
            ({"text": "no id"}, "needs an 'id'"),
        ],
    )
    def test_refused_forms(self, value, match):
        """A value of no accepted form, or without an id, is a usage error."""
        with pytest.raises(sc.InvalidOptionError, match=match):
            batch._as_item(value)

    def test_record_with_a_problem_becomes_an_error_item(self):
        """A record with an id but no usable derivative is an item carrying its error."""
        item = batch._as_item({"id": "r1", "text": 5})
        assert item.id == "r1"
        assert isinstance(item.error, sc.InputError)
        assert "'text' must be a string, got int" in str(item.error)

    def test_read_items(self, tmp_path):
        """Good lines become items; bad ones become items with an error and an id."""
        (tmp_path / "sub").mkdir()
        path = tmp_path / "sub" / "items.jsonl"
        lines = [
            json.dumps({"id": "a", "path": "a.txt", "wire_path": "/abs/wire.txt"}).encode(),
            json.dumps({"id": "b", "text": "Text.", "wire_path": ["w1.txt", "w2.txt"]}).encode(),
            b"",
            b"{not json",
            b'{"id": "c", "text": "caf\xe9"}',
            b"[1, 2]",
            json.dumps({"id": "d"}).encode(),
            json.dumps({"id": "e", "text": "x", "wire_text": "w", "wire_path": "w"}).encode(),
        ]
        path.write_bytes(b"\n".join(lines) + b"\n")
        items = list(read_items(path))
        assert [item.id for item in items] == [
            "a",
            "b",
            "items.jsonl:4",
            "c",
            "items.jsonl:6",
            "d",
            "e",
        ]
        assert items[0].derivative == tmp_path / "sub" / "a.txt"
        assert items[0].wire == Path("/abs/wire.txt")
        assert items[1].wire == (tmp_path / "sub" / "w1.txt", tmp_path / "sub" / "w2.txt")
        assert [item.error is None for item in items] == [True, True] + [False] * 5
        assert "not valid UTF-8" in str(items[3].error)
        assert "not a JSON object" in str(items[4].error)
        assert "needs the derivative as 'text' or as 'path'" in str(items[5].error)
        assert "gives its wire twice" in str(items[6].error)

    def test_read_items_missing_file(self, tmp_path):
        """A JSON Lines file that cannot be opened is an input error."""
        with pytest.raises(sc.InputError, match="cannot read"):
            list(read_items(tmp_path / "missing.jsonl"))


class TestCompareMany:
    """compare_many in this process: records, their content, order and errors."""

    def test_records_match_compare(self):
        """An ok record holds what compare() finds, in the order given."""
        items = texts(3)
        records = list(compare_many(WIRE, items, workers=1))
        assert [r.id for r in records] == [i for i, _ in items]
        assert all(r.ok and r.error is None for r in records)
        for record, (_, text) in zip(records, items, strict=True):
            expected = sc.compare(WIRE, sc.Document.from_text(text)).to_dict()
            data = record.to_dict()
            assert data["summary"] == expected["summary"]
            assert data["findings"] == expected["findings"]
            assert data["speakers"] == expected["speakers"]

    def test_pool_workers_collect_young_objects_less_often(self, monkeypatch):
        """A pool process freezes what it holds and raises only its youngest threshold."""
        calls: list[object] = []
        monkeypatch.setattr(batch, "_WORKER", None)
        monkeypatch.setattr(batch, "_Worker", lambda setup: setup)
        monkeypatch.setattr(signal, "signal", lambda *_: None)  # keep Ctrl-C here
        monkeypatch.setattr(batch.gc, "freeze", lambda: calls.append("freeze"))
        monkeypatch.setattr(batch.gc, "set_threshold", lambda *args: calls.append(args))
        _, older, oldest = batch.gc.get_threshold()
        batch._init_worker("setup")
        assert batch._WORKER == "setup"
        assert calls == ["freeze", (batch._WORKER_GC_THRESHOLD, older, oldest)]

    def test_details(self):
        """Each detail holds the documented keys; 'full' reads back to the comparison."""
        item = [("faithful", VERSIONS["faithful"])]
        keys = {
            detail: list(next(compare_many(WIRE, item, workers=1, detail=detail)).to_dict())
            for detail in batch.DETAILS
        }
        head = ["id", "status", "detail", "schema_version"]
        assert keys["summary"] == [*head, "summary", "caveats", "wires", "derivative"]
        assert keys["findings"] == [
            *head,
            *("summary", "caveats", "findings", "speakers", "wires", "derivative"),
        ]
        assert keys["full"][:4] == head
        assert set(keys["full"]) == {"id", "status", "detail", *sc.compare(WIRE, "A.").to_dict()}
        full = next(compare_many(WIRE, item, workers=1, detail="full"))
        derivative = sc.Document.from_text(VERSIONS["faithful"], doc_id="faithful")
        assert full.comparison() == sc.compare(WIRE, derivative)

    def test_comparison_refused_without_full_detail(self):
        """comparison() needs a record written with detail='full'."""
        record = next(compare_many(WIRE, texts(1), workers=1))
        with pytest.raises(sc.InvalidOptionError, match="detail='findings'"):
            record.comparison()

    def test_failures_become_records_and_the_run_goes_on(self, wire_file, folder):
        """Empty, undecodable and missing files are error records; the rest is compared."""
        paths = [*sorted(folder.glob("*.txt")), folder / "missing.txt"]
        records = list(compare_many(wire_file, paths, workers=1))
        by_name = {Path(r.id).name: r for r in records}
        assert [r.id for r in records] == [str(p) for p in paths]
        assert by_name["empty.txt"].error == "EmptyDocumentError"
        assert by_name["latin.txt"].error == "DecodingError"
        assert "byte 0xe9" in by_name["latin.txt"].message
        assert by_name["missing.txt"].error == "InputNotFoundError"
        assert all(by_name[f"{name}.txt"].ok for name in VERSIONS)
        error = by_name["empty.txt"].to_dict()
        assert error == {
            "id": str(folder / "empty.txt"),
            "status": "error",
            "error": "EmptyDocumentError",
            "message": by_name["empty.txt"].message,
        }

    def test_repeated_id_is_an_error_record(self):
        """An id given twice is compared once; the repeat is an error record."""
        records = list(compare_many(WIRE, [("a", "One."), ("a", "Two."), ("b", "B.")], workers=1))
        assert [(r.id, r.status) for r in records] == [("a", "ok"), ("a", "error"), ("b", "ok")]
        assert records[1].error == "InputError"
        assert "was given before" in records[1].message

    def test_skip_counts_occurrences(self):
        """An id given n times in skip skips its first n occurrences."""
        items = [("a", "One."), ("a", "Two."), ("b", "B.")]
        assert [r.id for r in compare_many(WIRE, items, workers=1, skip=["a"])] == ["a", "b"]
        assert [r.id for r in compare_many(WIRE, items, workers=1, skip=["a", "a"])] == ["b"]

    def test_items_with_their_own_wire(self, tmp_path):
        """(id, wire, derivative) items and records are compared with their own wire."""
        other = tmp_path / "other.txt"
        other.write_text("The council said the bridge would reopen in May.\n", encoding="utf-8")
        items = [
            ("own", other, "The council said the bridge would reopen in May."),
            {"id": "rec", "text": "The bridge will reopen.", "wire_path": str(other)},
            ("shared", VERSIONS["faithful"]),
        ]
        records = {r.id: r.to_dict() for r in compare_many(None, items, workers=1)}
        assert records["own"]["wires"] == [{"doc_id": "other.txt", "source": str(other)}]
        assert records["own"]["summary"]["verbatim"] == 1.0
        assert records["rec"]["status"] == "ok"
        assert records["shared"]["error"] == "InvalidOptionError"
        assert "has no wire" in records["shared"]["message"]

    def test_unordered_gives_the_same_records(self):
        """ordered=False yields the same records, perhaps in another order."""
        items = texts(4)
        ordered = list(compare_many(WIRE, items, workers=1))
        unordered = list(compare_many(WIRE, items, workers=1, ordered=False))
        assert sorted(r.line for r in unordered) == sorted(r.line for r in ordered)

    def test_reads_the_input_as_it_goes(self):
        """The items are pulled as records are asked for: nothing runs before."""
        pulled = []

        def items():
            for item in texts(20):
                pulled.append(item[0])
                yield item

        records = compare_many(WIRE, items(), workers=1)
        assert pulled == []
        next(records)
        assert len(pulled) <= 2
        records.close()

    def test_wire_errors_are_raised_at_once(self, tmp_path):
        """A wire that cannot be read fails the call itself, before any derivative."""
        with pytest.raises(sc.InputNotFoundError):
            compare_many(tmp_path / "missing.txt", texts(2))
        with pytest.raises(sc.EmptyDocumentError):
            compare_many("   ", texts(2))

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"detail": "all"}, "'detail' must be one of summary, findings, full"),
            ({"workers": 0}, "'workers' must be a positive whole number"),
            ({"window": -1}, "'window' must be a positive whole number"),
            ({"client": object(), "scheduler": "tcp://x:1"}, "not both"),
            ({"scheduler": "tcp://x:1", "workers": 2}, "Dask has its own workers"),
            ({"options": "fast"}, "'options' must be CompareOptions"),
        ],
    )
    def test_bad_options(self, kwargs, match):
        """Options out of range fail the call with an error naming the option."""
        with pytest.raises(sc.InvalidOptionError, match=match):
            compare_many(WIRE, texts(1), **kwargs)

    def test_progress_goes_to_standard_error(self, capsys):
        """With progress=True the bar is drawn on standard error, never on standard output."""
        records = list(compare_many(WIRE, texts(2), workers=1, progress=True))
        out, err = capsys.readouterr()
        assert len(records) == 2
        assert out == ""
        assert "comparing" in err
        assert "2/2" in err

    def test_no_progress_when_not_a_terminal(self, capsys):
        """By default nothing is drawn when standard error is not a terminal."""
        list(compare_many(WIRE, texts(1), workers=1))
        assert capsys.readouterr() == ("", "")


class TestWorkers:
    """The local process pool gives the records of a run in this process."""

    def test_pool_matches_in_process(self, wire_file, folder):
        """Two worker processes write the same records, in the same order."""
        paths = sorted(folder.glob("*.txt"))
        items = [*paths, *texts(6), ("dup", "A."), ("dup", "B.")]
        alone = [r.line for r in compare_many(wire_file, items, workers=1)]
        pooled = [r.line for r in compare_many(wire_file, items, workers=2, window=3)]
        assert pooled == alone

    def test_pool_in_chunks_matches_in_process(self):
        """Items sent to the workers several at a time come back the same, in order."""
        items = [*texts(21), ("empty", " ")]
        alone = [r.line for r in compare_many(WIRE, items, workers=1)]
        assert [r.line for r in compare_many(WIRE, items, workers=2)] == alone
        unordered = list(compare_many(WIRE, items, workers=2, ordered=False))
        assert sorted(r.line for r in unordered) == sorted(alone)

    def test_worker_crash_loses_nothing(self):
        """A worker that dies costs only the item that killed it, reported as such."""
        options = sc.CompareOptions(detectors=[*sc.default_detectors(), _Crash()])
        items = texts(6)
        items.insert(3, ("boom", "This one says CRASH."))
        records = list(compare_many(WIRE, items, workers=2, options=options))
        assert [r.id for r in records] == [i for i, _ in items]
        assert [r.id for r in records if not r.ok] == ["boom"]
        assert records[3].error == "WorkerCrashError"
        expected = [r.line for r in compare_many(WIRE, texts(6), workers=1, options=options)]
        assert [r.line for r in records if r.ok] == expected

    def test_unpicklable_options_are_refused(self):
        """Options that cannot be sent to a worker process fail with a clear error."""
        options = sc.CompareOptions(detectors=[_Unpicklable()])
        with pytest.raises(sc.InvalidOptionError, match="cannot be sent to worker processes"):
            compare_many(WIRE, texts(2), workers=2, options=options)
        assert len(list(compare_many(WIRE, texts(2), workers=1, options=options))) == 2


class TestRunBatch:
    """run_batch: the JSON Lines file, resuming it, and what it refuses."""

    def test_writes_and_resumes(self, tmp_path):
        """A second run with the same output skips every item and writes nothing."""
        out = tmp_path / "out.jsonl"
        first = run_batch(WIRE, texts(4), out, workers=1)
        assert (first.ok, first.errors, first.skipped, first.failed) == (4, 0, 0, 0)
        written = out.read_bytes()
        second = run_batch(WIRE, texts(4), out, workers=1)
        assert (second.ok, second.errors, second.skipped) == (0, 0, 4)
        assert out.read_bytes() == written
        assert [r.id for r in batch.read_records(out)] == [i for i, _ in texts(4)]

    def test_resume_finishes_what_was_left(self, tmp_path):
        """Resuming a partial output appends the missing records: same file as one run."""
        whole, part = tmp_path / "whole.jsonl", tmp_path / "part.jsonl"
        items = [*texts(5), ("empty", " ")]
        run_batch(WIRE, items, whole, workers=1)
        run_batch(WIRE, items[:2], part, workers=1)
        stats = run_batch(WIRE, items, part, workers=1)
        assert (stats.ok, stats.errors, stats.skipped) == (3, 1, 2)
        assert part.read_bytes() == whole.read_bytes()

    def test_torn_last_line_is_cut_off(self, tmp_path):
        """A line cut short by a kill is dropped, and its item compared again."""
        whole, torn = tmp_path / "whole.jsonl", tmp_path / "torn.jsonl"
        run_batch(WIRE, texts(3), whole, workers=1)
        data = whole.read_bytes()
        cut = data.index(b"\n", data.index(b"\n") + 1) + 40  # inside the third line
        torn.write_bytes(data[:cut])
        assert len(list(batch.read_records(torn))) == 2
        stats = run_batch(WIRE, texts(3), torn, workers=1)
        assert (stats.ok, stats.skipped) == (1, 2)
        assert torn.read_bytes() == data

    def test_earlier_errors_are_counted(self, tmp_path):
        """Error records already in the output count as failed in the stats."""
        out = tmp_path / "out.jsonl"
        items = [("ok", "Fine."), ("bad", "")]
        run_batch(WIRE, items, out, workers=1)
        stats = run_batch(WIRE, items, out, workers=1)
        assert (stats.errors, stats.earlier_errors, stats.failed) == (0, 1, 1)

    def test_restart(self, tmp_path):
        """resume=False starts the output over."""
        out = tmp_path / "out.jsonl"
        run_batch(WIRE, texts(3), out, workers=1)
        stats = run_batch(WIRE, texts(1), out, workers=1, resume=False)
        assert (stats.ok, stats.skipped) == (1, 0)
        assert len(lines_of(out)) == 1

    def test_refuses_other_detail(self, tmp_path):
        """Resuming with another detail would mix records: refused."""
        out = tmp_path / "out.jsonl"
        run_batch(WIRE, texts(1), out, workers=1, detail="summary")
        with pytest.raises(sc.InvalidOptionError, match="detail='summary'"):
            run_batch(WIRE, texts(2), out, workers=1)

    def test_refuses_a_file_it_did_not_write(self, tmp_path):
        """An output whose lines are not batch records is left alone."""
        out = tmp_path / "notes.jsonl"
        out.write_text('{"id": "a", "status": "ok"}\nmy notes\n', encoding="utf-8")
        with pytest.raises(sc.InvalidOptionError, match=r"line 2 of .* is not a batch record"):
            run_batch(WIRE, texts(1), out, workers=1)
        assert out.read_text(encoding="utf-8").endswith("my notes\n")

    def test_refuses_an_output_in_use(self, tmp_path):
        """Two runs cannot write the same output at once."""
        out = tmp_path / "out.jsonl"
        holder = batch._Output(out, fsync=False)
        holder.open(resume=True, detail="findings")
        try:
            with pytest.raises(sc.InvalidOptionError, match="another run is writing"):
                run_batch(WIRE, texts(1), out, workers=1)
        finally:
            holder.close()

    def test_unwritable_output(self, tmp_path):
        """An output in a missing folder is a usage error."""
        with pytest.raises(sc.InvalidOptionError, match="cannot write"):
            run_batch(WIRE, texts(1), tmp_path / "no" / "out.jsonl", workers=1)

    def test_stream_output(self, capsys):
        """An open stream receives the records, one per line."""
        stats = run_batch(WIRE, texts(2), sys.stdout, workers=1, fsync=True)
        out = capsys.readouterr().out
        assert stats.out == "<stream>"
        assert [json.loads(line)["id"] for line in out.splitlines()] == ["item-000", "item-001"]

    def test_read_records_reports_bad_lines(self, tmp_path):
        """read_records names the line that is not a record."""
        out = tmp_path / "out.jsonl"
        out.write_text('{"id": "a", "status": "ok"}\n{"id": 3}\n', encoding="utf-8")
        with pytest.raises(sc.InputError, match="line 2"):
            list(batch.read_records(out))
        record = BatchRecord.from_line('{"id": "a", "status": "error", "error": "X"}')
        assert (record.id, record.ok, record.error, record.message) == ("a", False, "X", None)


def _cli(*args: str) -> int:
    return cli.main(["batch", *args])


class TestCommand:
    """The batch command."""

    def test_folder(self, wire_file, folder, tmp_path, capsys):
        """A folder is read in name order, hidden files left out; errors make status 1."""
        out = tmp_path / "out.jsonl"
        status = _cli(str(wire_file), str(folder), "--out", str(out), "--workers", "1")
        err = capsys.readouterr().err
        assert status == 1
        names = [Path(r["id"]).name for r in lines_of(out)]
        assert names == sorted(
            ["empty.txt", "faithful.txt", "latin.txt", "spun.txt", "trimmed.txt"]
        )
        assert err.startswith("sourcecompare: 3 compared, 2 errors, 0 already done; ")
        assert err.endswith(f" s; records in {out}\n")

    def test_resume_and_glob(self, wire_file, folder, tmp_path, capsys):
        """Files after the options count; a second run reports what was already done."""
        out = tmp_path / "out.jsonl"
        args = [str(wire_file), "--out", str(out), "--workers", "1", "--glob", "s*.txt"]
        assert _cli(*args, str(folder)) == 0
        assert _cli(*args, str(folder)) == 0
        err = capsys.readouterr().err
        assert "0 compared, 0 errors, 1 already done" in err
        assert [Path(r["id"]).name for r in lines_of(out)] == ["spun.txt"]

    def test_items_with_their_own_wires(self, wire_file, tmp_path, capsys):
        """--items reads JSON Lines records, each with its own wire or the WIRE given."""
        (tmp_path / "story.txt").write_text(VERSIONS["trimmed"], encoding="utf-8")
        items = tmp_path / "items.jsonl"
        records = [
            {"id": "one", "path": "story.txt", "wire_path": "wire.txt"},
            {"id": "two", "text": VERSIONS["spun"]},
        ]
        items.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        out = tmp_path / "out.jsonl"
        assert _cli("--items", str(items), "--out", str(out), "--workers", "1") == 1
        written = {r["id"]: r for r in lines_of(out)}
        assert written["one"]["status"] == "ok"
        assert written["two"]["error"] == "InvalidOptionError"
        capsys.readouterr()
        out.unlink()
        assert _cli(str(wire_file), "--items", str(items), "--out", str(out), "--workers", "1") == 0

    def test_standard_output(self, wire_file, folder, capsys):
        """--out - writes only records to standard output; the summary line to standard error."""
        status = _cli(str(wire_file), str(folder / "spun.txt"), "--out", "-", "--detail", "summary")
        out, err = capsys.readouterr()
        assert status == 0
        assert json.loads(out)["detail"] == "summary"
        assert err.startswith("sourcecompare: 1 compared")

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["wire.txt", "--out", "o.jsonl"], "give at least one DERIVATIVE"),
            (["missing.txt", "a.txt", "--out", "o.jsonl"], "no such file: 'missing.txt'"),
            (
                [
                    "w.txt",
                    "a.txt",
                    "--out",
                    "o.jsonl",
                    "--workers",
                    "2",
                    "--scheduler",
                    "tcp://x:1",
                ],
                "--workers is for local processes",
            ),
            (["w.txt", "a.txt", "--out", "no/such/folder/o.jsonl"], "cannot write"),
        ],
    )
    def test_usage_errors(self, args, message, tmp_path, monkeypatch, capsys):
        """A usage or input error is one line on standard error and status 2."""
        monkeypatch.chdir(tmp_path)
        Path("w.txt").write_text(WIRE, encoding="utf-8")
        assert _cli(*args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert err.startswith("sourcecompare: error:")
        assert message in err

    def test_details_are_the_library_ones(self):
        """The --detail choices are sourcecompare.batch.DETAILS."""
        assert _cli_batch._DETAILS == batch.DETAILS

    def test_argparse_errors(self, capsys):
        """Missing --out and unknown options are argparse's usage errors (status 2)."""
        assert _cli("w.txt", "a.txt") == 2
        assert "the following arguments are required: --out" in capsys.readouterr().err
        assert _cli("w.txt", "a.txt", "--out", "o", "--bogus") == 2
        assert "unrecognized arguments: --bogus" in capsys.readouterr().err


class TestKill:
    """Killing a run and running it again completes it: nothing missing, nothing twice."""

    @pytest.mark.skipif(sys.platform == "win32", reason="kills a POSIX process group")
    def test_kill_and_resume(self, wire_file, tmp_path):
        """A run killed mid-way and run again writes the file a whole run writes."""
        folder = tmp_path / "many"
        folder.mkdir()
        for item_id, text in texts(80):
            (folder / f"{item_id}.txt").write_text(text, encoding="utf-8")
        expected = tmp_path / "expected.jsonl"
        run_batch(wire_file, sorted(folder.iterdir()), expected, workers=1)
        out = tmp_path / "out.jsonl"
        argv = [sys.executable, "-m", "sourcecompare", "batch", str(wire_file)]
        argv += [str(folder), "--out", str(out), "--workers", "2"]
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                if out.exists() and out.read_bytes().count(b"\n") >= 5:
                    break
                time.sleep(0.005)
            assert process.poll() is None, "the run ended before it could be killed"
            os.killpg(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=30)
            process.stderr.close()
        written = out.read_bytes().count(b"\n")
        assert 5 <= written < 80
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module
            argv, capture_output=True, text=True, check=False, timeout=120
        )
        assert completed.returncode == 0, completed.stderr
        assert "already done" in completed.stderr
        ids = [r["id"] for r in lines_of(out)]
        assert len(ids) == 80
        assert Counter(ids).most_common(1)[0][1] == 1
        assert out.read_bytes() == expected.read_bytes()


class TestExample:
    """examples/batch_outlets.py, as a user runs it."""

    def test_runs_and_resumes(self, tmp_path):
        """It ranks the four outlets, reports the missing one, and a second run skips all."""
        script = Path(__file__).resolve().parent.parent / "examples" / "batch_outlets.py"
        out = tmp_path / "harbour.jsonl"
        env = {"COLUMNS": "100", "NO_COLOR": "1", "PATH": ""}

        def run():
            return subprocess.run(  # noqa: S603 - our own interpreter and script
                [sys.executable, str(script), str(out)],
                capture_output=True,
                text=True,
                env=env,
                check=False,
                timeout=120,
            )

        first = run()
        assert first.returncode == 0, first.stderr
        assert first.stderr == ""
        assert "4 compared, 1 failed, 0 already in the file" in first.stdout
        rows = [line for line in first.stdout.splitlines() if "harbour_" in line and "│" in line]
        assert len(rows) == 4
        assert "harbour_faithful.txt" in rows[0]
        assert "not compared: harbour_radio.txt: InputNotFoundError" in first.stdout
        second = run()
        assert "0 compared, 0 failed, 5 already in the file" in second.stdout
        assert len(lines_of(out)) == 5


class TestDask:
    """The Dask path, on a local cluster in this process."""

    @pytest.fixture(name="client")
    def _client(self):
        """A client of a LocalCluster of two threads in this process."""
        distributed = pytest.importorskip("distributed")
        with (
            distributed.LocalCluster(
                n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client

    def test_same_records_as_local(self, client, wire_file, folder):
        """Dask writes the records the local run writes, in the same order."""
        items = [*sorted(folder.glob("*.txt")), *texts(5), ("dup", "A."), ("dup", "B.")]
        local = [r.line for r in compare_many(wire_file, items, workers=1)]
        on_dask = [r.line for r in compare_many(wire_file, items, client=client, window=3)]
        assert on_dask == local

    def test_scheduler_address_and_file(self, client, tmp_path):
        """run_batch with a scheduler address writes the file a local run writes."""
        local, on_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
        run_batch(WIRE, texts(4), local, workers=1)
        address = client.scheduler.address
        stats = run_batch(WIRE, texts(4), on_dask, scheduler=address, ordered=False)
        assert stats.ok == 4
        assert sorted(on_dask.read_text().splitlines()) == sorted(local.read_text().splitlines())

    def test_without_the_extra(self, monkeypatch):
        """Without dask installed, a clear error names the extra to install."""
        monkeypatch.setitem(sys.modules, "distributed", None)
        with pytest.raises(sc.MissingDependencyError, match=r"sourcecompare\[dask\]") as info:
            compare_many(WIRE, texts(1), scheduler="tcp://127.0.0.1:1")
        assert info.value.extra == "dask"
