"""Read-only databases and full disks through the real CLI: reading commands work on a database
that cannot be written, writing ones say it is read-only, a full disk is one line, and the
database is untouched in every case."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from helpers.cli import Run, one_error_line, run_cli
from helpers.db import file_digest, integrity, snapshot
from helpers.mounts import read_only, tmpfs

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store

TEXT = "The minister said: “We will not back down.” Critics disagreed."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A closed database with one annotated document."""
    path = tmp_path / "made" / "corpus.db"
    path.parent.mkdir()
    with Store(path, annotator="tester") as store:
        store_records(store, [ImportRecord(text=TEXT, source="t", id="doc1", title="Minister")])
        start = TEXT.index("We will")
        store.add_annotation(Annotation(kind="claim", doc_id="doc1", spans=[
            Span("claim", start, start + 22, TEXT[start:start + 22])]))
    return path


def integrity_ro(path: Path) -> str:
    """`PRAGMA integrity_check` of a database nobody can write (no journal files needed)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return "\n".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def assert_one_line(run: Run, *says: str) -> None:
    """Exit 2, one `redline: error:` line saying each of `says`, a hint, no traceback."""
    line = one_error_line(run)
    for s in says:
        assert s in line, line
    assert "; " in line


@pytest.mark.parametrize("kind", ["file", "folder", "filesystem"])
def test_reading_commands_work_on_a_read_only_database(tmp_path: Path, db: Path,
                                                       kind: str) -> None:
    expected = run_cli(db, "export", "-").stdout
    with read_only(kind, db, tmp_path) as ro:
        before = snapshot(ro)
        listed = run_cli(ro, "list", "--format", "tsv")
        assert listed.code == 0, listed.stderr
        assert listed.stdout.splitlines()[1].split("\t")[:2] == ["doc1", "Minister"]
        stats = run_cli(ro, "stats")
        assert stats.code == 0 and "claim" in stats.stdout, stats.stderr
        found = run_cli(ro, "search", "minister", "--format", "tsv")
        assert found.code == 0 and found.stdout.splitlines()[1].startswith("doc1\t"), found.stderr
        out = tmp_path / "out.jsonl"
        exported = run_cli(ro, "export", str(out))
        assert exported.code == 0, exported.stderr
        assert out.read_text(encoding="utf-8") == expected
        agreement = run_cli(None, "agreement", str(ro), str(db), "--json")
        assert agreement.code == 0, agreement.stderr
        assert json.loads(agreement.stdout)["spans"]["claim.claim"]["exact"]["f1"] == 1.0
        assert snapshot(ro) == before
        assert integrity_ro(ro) == "ok"


@pytest.mark.parametrize("kind", ["file", "folder", "filesystem"])
def test_writing_commands_say_the_database_is_read_only(tmp_path: Path, db: Path,
                                                         kind: str) -> None:
    article = tmp_path / "new.txt"
    article.write_text("A new article.\n", encoding="utf-8")
    with read_only(kind, db, tmp_path) as ro:
        before = snapshot(ro)
        run = run_cli(ro, "import", "--no-analyze", str(article))
        assert_one_line(run, f"{ro}: is read-only", "nothing was changed", "make it writable")
        assert snapshot(ro) == before
        assert integrity_ro(ro) == "ok"


def test_a_read_only_database_that_needs_upgrading_says_so(tmp_path: Path, db: Path) -> None:
    conn = sqlite3.connect(db)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version - 1}")
    conn.close()
    with read_only("file", db, tmp_path) as ro:
        before = file_digest(ro)
        run = run_cli(ro, "list")
        assert_one_line(run, "needs upgrading", "the file is read-only")
        assert file_digest(ro) == before


def test_a_new_database_in_a_read_only_folder(tmp_path: Path, db: Path) -> None:
    article = tmp_path / "new.txt"
    article.write_text("A new article.\n", encoding="utf-8")
    with read_only("folder", db, tmp_path) as ro:
        run = run_cli(ro.parent / "fresh.db", "import", "--no-analyze", str(article))
        assert_one_line(run, "fresh.db: cannot be created", "read-only")
        assert not (ro.parent / "fresh.db").exists()
        # a folder to create inside it: mkdir is refused, as one line too
        run = run_cli(ro.parent / "sub" / "fresh.db", "import", "--no-analyze", str(article))
        assert_one_line(run, "fresh.db: cannot be created", "give --db a path in a folder")


def test_import_onto_a_full_disk(tmp_path: Path, db: Path) -> None:
    with tmpfs(tmp_path / "small", "1m") as small:
        on_small = small / "corpus.db"
        on_small.write_bytes(db.read_bytes())
        big = tmp_path / "big.txt"
        big.write_text("A long article. " * 150_000, encoding="utf-8")  # 2.4 MB
        before = snapshot(on_small)
        run = run_cli(on_small, "import", "--no-analyze", str(big))
        assert_one_line(run, "the disk is full", "free some space")
        assert snapshot(on_small) == before
        assert integrity(on_small) == "ok"


@pytest.mark.parametrize("fmt", ["redline", "brat", "sqlite"])
def test_export_onto_a_full_disk(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "big.db"
    with Store(path) as store:
        store_records(store, [ImportRecord(text="A long article. " * 150_000, source="t")])
    with tmpfs(tmp_path / "small", "1m") as small:
        out = small / "out"
        run = run_cli(path, "export", str(out), "--format", fmt)
        assert_one_line(run, "No space left on device", "nothing was exported", "free some space")
        assert os.listdir(small) == []  # no temporary file or folder left behind
        assert integrity(path) == "ok"


def test_the_analysis_cache_is_not_written_to_a_read_only_database(tmp_path: Path,
                                                                   db: Path) -> None:
    record = {"id": "doc1", "text_sha256": "0" * 64, "model": "m", "entities": [],
              "quotes": [], "attributions": []}
    with read_only("file", db, tmp_path) as ro:
        before = file_digest(ro)
        with Store(ro) as store:
            # the app caches each analysis it runs: a viewer of a read-only database must not
            # see every document's analysis fail for want of a cache
            store.save_analysis(record, extractor_version="v")
            assert store.cached_analysis("0" * 64, "m", "v") is None
        assert file_digest(ro) == before


def test_a_read_only_folder_while_another_program_writes(tmp_path: Path, db: Path) -> None:
    writer = sqlite3.connect(db)
    writer.execute("UPDATE documents SET status = 'done'")  # a WAL frame, the -wal file kept
    writer.commit()
    try:
        with read_only("folder", db, tmp_path, with_wal=True) as ro:
            assert (ro.parent / f"{ro.name}-wal").stat().st_size > 0
            run = run_cli(ro, "list")
            assert_one_line(run, "cannot be read while another program writes it",
                            "folder")
    finally:
        writer.close()


def test_an_empty_read_only_file_is_called_empty(tmp_path: Path) -> None:
    empty = tmp_path / "made" / "empty.db"
    empty.parent.mkdir()
    empty.touch()
    with read_only("file", empty, tmp_path) as ro:
        run = run_cli(ro, "list")
        assert_one_line(run, "is empty, and the file is read-only", "give --db")
        assert ro.stat().st_size == 0
