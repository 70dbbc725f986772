"""The store when SQLite's write fails: a COMMIT that fails rolls back (later writes reach disk),
and a full disk or a lock held too long ends in one line through the real CLI, touching nothing."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers.cli import REDLINE, one_error_line, run_cli, run_process
from helpers.db import integrity, snapshot, table_rows

from annotations.errors import DatabaseError
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.store import Store


def _stored(path: Path) -> Path:
    with Store(path, annotator="tester") as store:
        store_records(store, [ImportRecord(text="One short article.", source="t", id="doc1")])
    return path


def _status_on_disk(path: Path) -> str:
    """The status another connection reads: what reached disk, not what this one sees."""
    return str(table_rows(path, "SELECT status FROM documents WHERE id = 'doc1'")[0][0])


class FailingCommit:
    """A connection whose next COMMIT fails as a full or failing disk makes it fail."""

    def __init__(self, conn: sqlite3.Connection, message: str) -> None:
        self._conn = conn
        self.message = message
        self.failures = 1

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.strip().upper() == "COMMIT" and self.failures:
            self.failures -= 1
            raise sqlite3.OperationalError(self.message)
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_a_commit_failing_on_a_deferred_foreign_key_rolls_back(tmp_path: Path) -> None:
    path = _stored(tmp_path / "c.db")
    with Store(path) as store:
        # a real COMMIT failure: SQLite checks deferred foreign keys only at COMMIT, and keeps
        # the transaction open when the check fails
        with pytest.raises(sqlite3.IntegrityError), store._write() as db:
            db.conn.execute("PRAGMA defer_foreign_keys = ON")
            db.conn.execute("INSERT INTO decisions (doc_id, key, decision, annotator, at)"
                            " VALUES ('no such doc', 'k', 'rejected', 't', 'now')")
        assert not store.db.conn.in_transaction
        store.set_status("doc1", "done")
        assert _status_on_disk(path) == "done"
    assert table_rows(path, "SELECT count(*) FROM decisions") == [(0,)]


@pytest.mark.parametrize("message, says", [("disk I/O error", "disk I/O error"),
                                           ("database or disk is full", "the disk is full")])
def test_a_failed_commit_is_one_error_and_the_next_write_reaches_disk(
        tmp_path: Path, message: str, says: str) -> None:
    path = _stored(tmp_path / "c.db")
    with Store(path) as store:
        store.db.conn = FailingCommit(store.db.conn, message)  # type: ignore[assignment]
        with pytest.raises(DatabaseError, match=says):
            store.set_status("doc1", "in progress")
        assert _status_on_disk(path) == "new"
        assert not store.db.conn.in_transaction
        store.set_status("doc1", "done")
        assert _status_on_disk(path) == "done"


def test_a_failed_commit_in_atomic_rolls_back(tmp_path: Path) -> None:
    path = _stored(tmp_path / "c.db")
    with Store(path) as store:
        store.db.conn = FailingCommit(store.db.conn, "disk I/O error")  # type: ignore[assignment]
        with pytest.raises(sqlite3.OperationalError), store.db.atomic() as db:
            db.conn.execute("UPDATE documents SET status = 'done'")
        assert not store.db.conn.in_transaction
        with store.db.atomic() as db:
            db.conn.execute("UPDATE documents SET status = 'in progress'")
        assert _status_on_disk(path) == "in progress"


def test_a_lock_held_past_the_busy_timeout_is_one_line(tmp_path: Path) -> None:
    path = _stored(tmp_path / "c.db")
    article = tmp_path / "new.txt"
    article.write_text("A new article that waits for the lock.\n", encoding="utf-8")
    before = snapshot(path)
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")  # another process's long write
    try:
        run = run_process(path, "import", "--no-analyze", str(article),
                          env={"REDLINE_BUSY_TIMEOUT_MS": "300"})
    finally:
        holder.rollback()
        holder.close()
    line = one_error_line(run)
    assert "locked for over 0.3 s" in line and "; close the other program" in line
    assert snapshot(path) == before
    assert integrity(path) == "ok"


def test_a_busy_timeout_that_is_not_a_number_is_one_line(tmp_path: Path) -> None:
    path = _stored(tmp_path / "c.db")
    run = run_cli(path, "list", env={"REDLINE_BUSY_TIMEOUT_MS": "soon"})
    assert run.code == 2 and not run.has_traceback, run.stderr
    assert "REDLINE_BUSY_TIMEOUT_MS='soon' is not a whole number" in run.errors[0]


def test_a_full_disk_at_commit_through_the_cli(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = _stored(tmp_path / "c.db")
    article = tmp_path / "new.txt"
    article.write_text("An article for a full disk.\n", encoding="utf-8")
    before = snapshot(path)
    real_init = Store.__init__

    def init(self: Store, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        self.db.conn = FailingCommit(self.db.conn, "database or disk is full")  # type: ignore

    monkeypatch.setattr(Store, "__init__", init)
    run = run_cli(path, "import", "--no-analyze", str(article))
    monkeypatch.undo()
    line = one_error_line(run)
    assert "the disk is full" in line and "; free some space" in line
    assert snapshot(path) == before
    assert integrity(path) == "ok"


def test_export_to_a_full_stdout_is_one_line(tmp_path: Path) -> None:
    path = _stored(tmp_path / "c.db")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([REDLINE, "--db", str(path), "export", "-"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("redline: error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0], proc.stderr
