"""Hostile input through the real CLI: one line naming the file (and line) and what to do,
exit code 2, no traceback, and the database untouched, byte for byte and export for export."""

from __future__ import annotations

import copy
import gzip
import json
import os
import sqlite3
import struct
from pathlib import Path
from typing import Any

import pytest
from helpers.cli import Run, one_error_line, run_cli, run_process
from helpers.db import Snapshot, file_digest, snapshot

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span, sha256
from annotations.store import Store
from annotations.store.schema import SCHEMA_VERSION

TEXT = "The minister said: “We will not back down.” Critics called it a “disaster”."
GOOD_LINE = {"id": "good", "title": "Good", "text": "A perfectly good article."}


def _span(role: str, needle: str, text: str = TEXT) -> Span:
    start = text.index(needle)
    return Span(role, start, start + len(needle), needle)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with two documents and annotations on one, closed (WAL checkpointed)."""
    path = tmp_path / "corpus.db"
    with Store(path, annotator="tester") as store:
        doc_id = store_records(store, [ImportRecord(text=TEXT, source="t", id="doc1")]).added[0]
        store_records(store, [ImportRecord(text="Second article.", source="t", id="doc2")])
        store.add_annotation(Annotation(kind="claim", doc_id=doc_id,
                                        spans=[_span("claim", "We will not back down.")]))
        store.add_annotation(Annotation(kind="attribution", doc_id=doc_id,
                                        attrs={"type": "direct"},
                                        spans=[_span("content", "disaster"),
                                               _span("source", "Critics")]))
    return path


def assert_refused(run: Run, *, where: str, says: str) -> None:
    """Exit 2, exactly one `redline: error:` line, naming `where`, saying `says`, with a hint."""
    line = one_error_line(run)
    assert line.startswith(f"redline: error: {where}"), line
    assert says in line, line
    assert "; " in line, f"no hint on what to do: {line}"


def assert_untouched(db: Path, before: Snapshot) -> None:
    """The database file and what it exports are exactly as before."""
    assert snapshot(db) == before


# -- malformed JSONL -----------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "line", "says"), [
    # cut off in the middle of the second object, as by a full disk or an interrupted copy
    (b'{"text": "One."}\n{"text": "Two.", "tit', 2, "is not valid JSON"),
    (b'{"text": "One."}\n{"text": "Two."} trailing\n', 2, "is not valid JSON"),
    (b"{'text': 'single quotes'}\n", 1, "is not valid JSON"),
    (b'{"text": "One."}\n\n\nplain words\n', 4, "is not valid JSON"),
    (b'\xef\xbb\xbf{"text": "BOM is fine"}\n"just a string"\n', 2, "is a JSON str, not an object"),
    (b'{"text": "One."}\n[{"text": "in a list"}]\n', 2, "is a JSON list, not an object"),
    (b'{"text": "One."}\n{"text": "dup", "text": 5}\n', 2, 'has no "text" string'),
    (b'{"text": "One."}\n{"text": "NaN is not JSON", "meta": {"x": NaN}}\n', 2,
     "not valid JSON"),
], ids=["truncated", "trailing", "quotes", "plain", "string", "list", "duplicate-key", "nan"])
def test_malformed_jsonl(tmp_path: Path, db: Path, content: bytes, line: int, says: str) -> None:
    """Broken JSON lines are named by file and line; nothing from the file is stored."""
    before = snapshot(db)
    f = tmp_path / "in.jsonl"
    f.write_bytes(content)
    assert_refused(run_cli(db, "import", "--no-analyze", str(f)), where=f"{f}:{line}:", says=says)
    assert_untouched(db, before)


def test_a_file_of_blank_lines_holds_no_documents(tmp_path: Path, db: Path) -> None:
    """A JSONL file of blank and CRLF-only lines is an error, not an empty success."""
    before = snapshot(db)
    f = tmp_path / "blank.jsonl"
    f.write_bytes(b"\r\n  \r\n\n")
    assert_refused(run_cli(db, "import", "--no-analyze", str(f)), where=f"{f}:",
                   says="holds no documents")
    assert_untouched(db, before)


# -- wrong types ---------------------------------------------------------------------------------

def _export_line() -> dict[str, Any]:
    """A valid redline export line with one claim, to break one field at a time."""
    return {"id": "d9", "title": "T", "text": "Hello world. Bye.", "meta": {"a": 1},
            "status": "done", "entities": [],
            "annotations": [{"id": "ann1", "kind": "claim", "attrs": {"checkworthy": "yes"},
                             "spans": [{"role": "claim", "start": 0, "end": 5, "text": "Hello"}],
                             "origin": "manual", "annotator": "x",
                             "created_at": "2025-01-01T00:00:00.000Z",
                             "updated_at": "2025-01-01T00:00:00.000Z"}]}


def _set(obj: Any, path: str, value: Any) -> None:
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    for k in keys[:-1]:
        obj = obj[k]
    obj[keys[-1]] = value


WRONG_TYPES: list[tuple[str, Any, str]] = [
    ("text", 5, 'has no "text" string'),
    ("text", "a\u0000b", "NUL character"),
    ("annotations", {}, '"annotations" must be a list of objects'),
    ("annotations", ["claim"], '"annotations" must be a list of objects'),
    ("meta", [], '"meta" must be an object'),
    ("title", 5, '"title" must be a string'),
    ("id", True, '"id" must be a non-empty string or an integer'),
    ("id", "", '"id" must be a non-empty string or an integer'),
    ("status", "finished", "unknown status 'finished'"),
    ("entities", [1], '"entities" must be a list of objects'),
    ("created_at", 5, '"created_at" must be a string'),
    ("annotations.0.attrs", "yes", 'annotation ann1: "attrs" must be an object of strings'),
    ("annotations.0.attrs.checkworthy", True, '"attrs" must be an object of strings'),
    ("annotations.0.attrs.checkworthy", "maybe", "claim.checkworthy cannot be 'maybe'"),
    ("annotations.0.spans", "0-5", '"spans" must be a non-empty list of objects'),
    ("annotations.0.spans", [], '"spans" must be a non-empty list of objects'),
    ("annotations.0.spans.0.start", "0", 'integer "start" and "end"'),
    ("annotations.0.spans.0.start", True, 'integer "start" and "end"'),
    ("annotations.0.spans.0.start", 0.0, 'integer "start" and "end"'),
    ("annotations.0.spans.0.end", -1, "lies outside the text"),
    ("annotations.0.spans.0.end", 10**30, "lies outside the text"),
    ("annotations.0.spans.0.text", None, '"role" and "text" strings'),
    ("annotations.0.spans.0.text", "Howdy", "says 'Howdy' but the text there is 'Hello'"),
    ("annotations.0.spans.0.role", "holder", "a claim has no role 'holder'"),
    ("annotations.0.kind", 7, 'annotation ann1: "kind" must be a string'),
    ("annotations.0.kind", "opinion", "unknown annotation kind 'opinion'"),
    ("annotations.0.id", ["x"], 'annotation 1: "id" must be a string, not a list'),
    ("annotations.0.needs_review", "yes", '"needs_review" must be true or false'),
    ("annotations.0.origin", "robot", "unknown origin 'robot'"),
]


@pytest.mark.parametrize(("path", "value", "says"), WRONG_TYPES,
                         ids=[f"{p}={v!r}"[:40] for p, v, _ in WRONG_TYPES])
def test_wrong_types(tmp_path: Path, db: Path, path: str, value: Any, says: str) -> None:
    """Line 2 breaks one field; line 1 is fine: neither is stored (the file is all or nothing)."""
    bad = _export_line()
    _set(bad, path, value)
    f = tmp_path / "typed.jsonl"
    f.write_text(json.dumps(GOOD_LINE) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    before = snapshot(db)
    assert_refused(run_cli(db, "import", "--no-analyze", str(f)), where=f"{f}:2:", says=says)
    assert_untouched(db, before)


def test_the_unbroken_line_does_import(tmp_path: Path, db: Path) -> None:
    """The base of the wrong-type cases is itself valid, so each case fails for its field."""
    f = tmp_path / "typed.jsonl"
    f.write_text(json.dumps(GOOD_LINE) + "\n" + json.dumps(_export_line()) + "\n",
                 encoding="utf-8")
    run = run_cli(db, "import", "--no-analyze", str(f))
    assert run.code == 0, run.stderr
    with Store(db) as store:
        assert [a.spans[0].text for a in store.annotations("d9")] == ["Hello"]


def test_duplicate_annotation_ids(tmp_path: Path, db: Path) -> None:
    """Two annotations with one id in a record are refused before anything is stored."""
    line = _export_line()
    line["annotations"].append(copy.deepcopy(line["annotations"][0]))
    f = tmp_path / "dup.jsonl"
    f.write_text(json.dumps(line) + "\n", encoding="utf-8")
    before = snapshot(db)
    assert_refused(run_cli(db, "import", "--no-analyze", str(f)), where=f"{f}:1:",
                   says="annotation ann1 appears twice")
    assert_untouched(db, before)


def test_an_annotation_id_of_another_document(tmp_path: Path, db: Path) -> None:
    """Reusing an id stored on another document would overwrite or crash: refused, named."""
    with Store(db) as store:
        taken = store.annotations("doc1")[0].id
    line = _export_line()
    line["annotations"][0]["id"] = taken
    f = tmp_path / "clash.jsonl"
    f.write_text(json.dumps(GOOD_LINE) + "\n" + json.dumps(line) + "\n", encoding="utf-8")
    before = snapshot(db)
    assert_refused(run_cli(db, "import", "--no-analyze", str(f)), where=f"{f}:2:",
                   says=f"annotation {taken} already belongs to document doc1")
    assert_untouched(db, before)


# -- huge, NUL, binary ---------------------------------------------------------------------------

def test_a_100_mb_line(tmp_path: Path, db: Path) -> None:
    """A subprocess, so the test process never holds the 100 MB itself."""
    f = tmp_path / "huge.jsonl"
    with f.open("w", encoding="utf-8") as out:
        out.write(json.dumps(GOOD_LINE) + "\n")
        out.write('{"title": "huge", "text": "')
        chunk = "word " * 200_000  # 1 MB
        for _ in range(100):
            out.write(chunk)
        out.write('"}\n')
    assert f.stat().st_size > 100_000_000
    before = snapshot(db)
    run = run_process(db, "import", "--no-analyze", str(f))
    assert_refused(run, where=f"{f}:2:", says="text of 100,000,000 characters is over the")
    assert_untouched(db, before)


@pytest.mark.parametrize(("name", "content", "says"), [
    # a NUL far past the first few kilobytes, where a quick sniff would not look
    ("late_nul.txt", b"Harmless words. " * 2000 + b"\x00tail", "binary file (it holds a NUL"),
    ("nul.jsonl", b'{"text": "One."}\n{"text": "a\x00b"}\n', "binary file (it holds a NUL"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file"),
    ("archive.jsonl", gzip.compress(b'{"text": "zipped"}\n' * 50), "binary file"),
    ("utf16.txt", "Tout va bien.\n".encode("utf-16"), "is UTF-16 text"),
    ("latin1.md", "# Caf\xe9\n\nD\xe9j\xe0 vu.".encode("latin-1"), "is not UTF-8"),
    ("noise.txt", bytes((i * 97 + 13) % 255 + 1 for i in range(5000)), "is not UTF-8"),
], ids=["late-nul", "nul-jsonl", "png", "gzip", "utf16", "latin1", "noise"])
def test_binary_and_nul(tmp_path: Path, db: Path, name: str, content: bytes, says: str) -> None:
    """Binary content, wherever its NUL byte, and non-UTF-8 text are refused by name."""
    f = tmp_path / name
    f.write_bytes(content)
    before = snapshot(db)
    assert_refused(run_cli(db, "import", "--no-analyze", str(f)), where=str(f), says=says)
    assert_untouched(db, before)


# -- symlinks and folders ------------------------------------------------------------------------

def test_a_symlink_loop_given_by_name(tmp_path: Path, db: Path) -> None:
    """Two symlinks pointing at each other: one line, not a hang or a traceback."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    before = snapshot(db)
    assert_refused(run_cli(db, "import", "--no-analyze", str(a)), where=str(a),
                   says="broken symbolic link (or a loop of them)")
    assert_untouched(db, before)


def test_symlink_loops_inside_a_folder(tmp_path: Path, db: Path) -> None:
    """Loops back up the tree end the walk; a looping file is one error; the rest imports once."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "article.txt").write_text("Only once, please.", encoding="utf-8")
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "self")
    (folder / "looping.txt").symlink_to(folder / "looping.txt")
    run = run_cli(db, "import", "--no-analyze", str(folder))
    assert_refused(run, where=str(folder / "looping.txt"), says="cannot be read")
    with Store(db) as store:
        texts = [d.text for d in store.iter_documents()]
    assert texts.count("Only once, please.") == 1


def test_a_folder_of_10000_files(tmp_path: Path, db: Path) -> None:
    """9,999 small articles and one binary: the binary is the only error; the rest is stored."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(f"Article {i} is short.", encoding="utf-8")
    (folder / "07777.txt").write_bytes(b"\x00\x01binary")
    run = run_cli(db, "import", "--no-analyze", str(folder))
    assert_refused(run, where=str(folder / "07777.txt"), says="binary file")
    assert "imported 9999 documents" in run.stderr
    with Store(db) as store:
        assert store.document_count() == 2 + 9_999
        assert not store.documents_by_sha(sha256("\x00\x01binary"))


def test_a_folder_with_nothing_to_import(tmp_path: Path, db: Path) -> None:
    """Otherwise it would end in "imported 0 documents" and exit 0, as if it had worked."""
    folder = tmp_path / "photos"
    folder.mkdir()
    for i in range(1_000):
        (folder / f"IMG_{i:05d}.jpg").write_bytes(b"\xff\xd8\xff")
    before = snapshot(db)
    assert_refused(run_cli(db, "import", "--no-analyze", str(folder)), where=str(folder),
                   says="holds no .txt, .md or .jsonl files")
    assert_untouched(db, before)


# -- what --db points at -------------------------------------------------------------------------

def _other_program_db(path: Path, *, wal: bool) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = wal")
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada', '555-0100')")
    conn.commit()
    conn.close()


def _newer_redline_db(path: Path) -> None:
    with Store(path) as store:
        store_records(store, [ImportRecord(text="From the future.", source="t")])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _damaged_redline_db(path: Path) -> None:
    """A real redline database with garbage written over its data pages (not its header)."""
    with Store(path) as store:
        store_records(store, [ImportRecord(text=f"Article {i}. " * 40, source="t")
                              for i in range(300)])
    data = bytearray(path.read_bytes())
    page = struct.unpack(">H", data[16:18])[0]
    for offset in range(2 * page, len(data), 3 * page):
        data[offset: offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def _make_target(kind: str, path: Path) -> None:
    if kind == "text":
        path.write_text("name,phone\nAda,555-0100\n", encoding="utf-8")
    elif kind == "png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(600))
    elif kind == "folder":
        path.mkdir()
    elif kind == "other-program":
        _other_program_db(path, wal=False)
    elif kind == "other-program-wal":
        _other_program_db(path, wal=True)
    elif kind == "newer-redline":
        _newer_redline_db(path)
    elif kind == "damaged":
        _damaged_redline_db(path)


DB_TARGETS = [
    ("text", "is not a SQLite database"),
    ("png", "is not a SQLite database"),
    ("folder", "is a folder, not a database"),
    ("other-program", "is a database of another program (tables: contacts)"),
    ("other-program-wal", "is a database of another program (tables: contacts)"),
    ("newer-redline", f"was written by a newer redline (schema {SCHEMA_VERSION + 1}"),
    ("damaged", "is damaged"),
]


@pytest.mark.parametrize("command", [["list"], ["stats"], ["export", "-"],
                                     ["import", "--no-analyze", "GOOD"]])
@pytest.mark.parametrize(("kind", "says"), DB_TARGETS, ids=[k for k, _ in DB_TARGETS])
def test_db_that_is_not_ours(tmp_path: Path, kind: str, says: str, command: list[str]) -> None:
    """Every command refuses a --db that is not a usable redline database, leaving it as it was."""
    target = tmp_path / "target.db"
    _make_target(kind, target)
    if kind == "damaged" and command[0] == "import":
        # writing new rows need not read a damaged page, so it may succeed: not asserted here
        return
    good = tmp_path / "good.txt"
    good.write_text("A good article.", encoding="utf-8")
    args = [str(good) if a == "GOOD" else a for a in command]
    if kind == "folder":
        # through $REDLINE_DB: click already refuses a folder given to --db (dir_okay=False)
        run = run_cli(None, *args, env={"REDLINE_DB": str(target)})
        assert_refused(run, where=str(target), says=says)
        assert list(target.iterdir()) == []
        return
    before = file_digest(target)
    run = run_cli(target, *args)
    assert_refused(run, where=str(target), says=says)
    assert file_digest(target) == before
    # the refusal left no side files that could confuse the other program either
    assert not Path(f"{target}-journal").exists()
    if kind == "other-program":
        assert sqlite3.connect(target).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_database_from_a_newer_redline_in_the_app(tmp_path: Path) -> None:
    """Opening the terminal app on it fails the same way, before any screen is drawn."""
    target = tmp_path / "future.db"
    _newer_redline_db(target)
    before = file_digest(target)
    assert_refused(run_cli(target, "annotate"), where=str(target), says="newer redline")
    assert file_digest(target) == before


# -- export refuses a span that does not match -------------------------------------------------

def _tamper(db: Path) -> str:
    """Change one stored span's text behind redline's back; the annotation's id."""
    conn = sqlite3.connect(db)
    ann_id, spans = conn.execute(
        "SELECT id, spans FROM annotations WHERE kind = 'claim'").fetchone()
    spans = json.loads(spans)
    spans[0]["text"] = "We will back down."
    conn.execute("UPDATE annotations SET spans = ? WHERE id = ?", (json.dumps(spans), ann_id))
    conn.commit()
    conn.close()
    return str(ann_id)


def test_export_refuses_a_mismatched_span_and_names_it(tmp_path: Path, db: Path) -> None:
    """A span changed behind redline's back stops the export, named, with no file written."""
    ann_id = _tamper(db)
    out = tmp_path / "out" / "corpus.jsonl"
    run = run_cli(db, "export", str(out))
    assert_refused(run, where="document doc1", says=f"annotation {ann_id} span claim")
    assert "'We will back down.'" in run.errors[0] and "refusing to export it" in run.errors[0]
    # nothing under the real name, and no temporary file left behind
    assert not out.exists()
    assert not out.parent.exists() or os.listdir(out.parent) == []


def test_export_to_stdout_stops_before_the_mismatched_document(db: Path) -> None:
    """On stdout, the document with the bad span is never written."""
    ann_id = _tamper(db)
    run = run_cli(db, "export", "-")
    assert run.code == 2 and ann_id in run.errors[0]
    assert all(json.loads(line)["id"] != "doc1" for line in run.stdout.splitlines())
