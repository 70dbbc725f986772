"""SIGKILL a real `redline import` at random points of a large import: the database is sound
after every kill, holds each file whole or not at all, and the same import then finishes it."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from helpers.cli import REDLINE
from helpers.corpus import Corpus, write_corpus
from helpers.db import integrity, table_rows

FILES, DOCS_PER_FILE = 24, 30
KILLS = 16
SEED = 20250314


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus]:
    """720 articles with ~5,800 annotations in 24 JSONL files, written once."""
    folder = tmp_path_factory.mktemp("crash-corpus")
    return folder, write_corpus(folder, files=FILES, docs_per_file=DOCS_PER_FILE, seed=SEED)


def _documents(db: Path) -> int:
    """How many documents a reader sees right now (0 before the schema exists)."""
    if not db.exists() or db.stat().st_size == 0:
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0  # the migration has not committed yet
    finally:
        conn.close()


def _import(db: Path, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([REDLINE, "--db", str(db), "import", "--no-analyze", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _check_whole_files(db: Path, corpus: Corpus) -> int:
    """Assert each file is in the database entirely or not at all; how many are in."""
    stored: dict[object, object] = {}
    if _documents(db):
        rows = table_rows(db, "SELECT d.id, (SELECT count(*) FROM annotations a"
                              " WHERE a.doc_id = d.id) FROM documents d")
        stored = {doc_id: n for doc_id, n in rows}
    whole = 0
    for path, ids in corpus.files.items():
        present = [i for i in ids if i in stored]
        assert present in ([], ids), f"{path.name}: {len(present)} of {len(ids)} documents stored"
        for i in present:
            assert stored[i] == corpus.annotations[i], f"{i}: annotations half stored"
        whole += bool(present)
    assert len(stored) == whole * DOCS_PER_FILE, "documents from no file in the corpus"
    return whole


def test_sigkill_during_import_never_leaves_half_a_file(tmp_path: Path,
                                                        corpus: tuple[Path, Corpus]) -> None:
    """16 kills: early, and after a random number of documents; some imports then resumed."""
    folder, manifest = corpus
    rng = random.Random(SEED)
    mid_import = 0
    for round_ in range(KILLS):
        db = tmp_path / f"crash{round_}.db"
        proc = _import(db, folder)
        if round_ % 4 == 0:
            # early: while the process starts, creates the schema, reads the first file
            time.sleep(rng.uniform(0.05, 0.8))
        else:
            # after a random number of documents is visible, then a little more (so the kill
            # lands at varying points inside a file's transaction)
            target = rng.randint(1, manifest.documents - 5 * DOCS_PER_FILE)
            while _documents(db) < target and proc.poll() is None:
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.03))
        running = proc.poll() is None
        proc.kill()  # SIGKILL: no cleanup, no rollback, no WAL checkpoint
        proc.wait()
        mid_import += running and 0 < _documents(db) < manifest.documents

        if db.exists() and db.stat().st_size:
            assert integrity(db) == "ok", f"round {round_}"
        _check_whole_files(db, manifest)

        if round_ % 4 == 3:
            # the same command again finishes the job: nothing twice, nothing missing
            again = _import(db, folder)
            _, err = again.communicate(timeout=120)
            assert again.returncode == 0, err.decode()
            assert _check_whole_files(db, manifest) == FILES
            assert integrity(db) == "ok"
    # the kills really interrupted imports under way (not before or after them)
    assert mid_import >= KILLS // 2, mid_import


def test_interrupted_database_still_works_for_the_user(tmp_path: Path,
                                                       corpus: tuple[Path, Corpus]) -> None:
    """After a kill mid-import, every command works on the database with no repair step."""
    folder, manifest = corpus
    db = tmp_path / "used.db"
    proc = _import(db, folder)
    while _documents(db) < manifest.documents // 2 and proc.poll() is None:
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    for args in (["list"], ["stats"], ["export", str(tmp_path / "out.jsonl")]):
        run = subprocess.run([REDLINE, "--db", str(db), *args], capture_output=True, text=True,
                             timeout=120)
        assert run.returncode == 0, run.stderr
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == _check_whole_files(db, manifest) * DOCS_PER_FILE
