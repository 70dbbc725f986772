"""The real `redline` in tmux on a big library: the rows show, the filter finds a word in a text,
Del moves a document to the trash after asking, and q quits with no traceback on the terminal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.tmux import Tmux, Window, quit_cleanly

from annotations.models import now_iso, sha256
from annotations.store import Store

N = 5000


def big_library(path: Path) -> None:
    """`N` short documents; only the text of the last one says "lighthouse"."""
    stamp = now_iso()
    texts = [f"Text {i}." for i in range(N - 1)] + ["The old lighthouse was sold."]
    rows = [(f"doc{i:05d}", f"Report {i:05d}", t, sha256(t), i + 1, stamp, stamp)
            for i, t in enumerate(texts)]
    with Store(path, annotator="setup") as store, store._write() as db:
        db.conn.executemany("INSERT INTO documents (id, title, text, text_sha256, position,"
                            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


@pytest.fixture
def shell(server: Tmux, tmp_path: Path) -> Iterator[Window]:
    """A shell window; removed afterwards."""
    (tmp_path / "home").mkdir()
    window = server.shell("library", {"HOME": str(tmp_path / "home"),
                                      "XDG_DATA_HOME": str(tmp_path / "xdg")})
    yield window
    window.close()


def test_a_big_library_filters_by_text_and_deletes_to_the_trash(shell: Window,
                                                                 tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    big_library(db)
    shell.run("--db", str(db), "--annotator", "e2e")
    shell.wait_for(lambda s: "Report 00000" in s and f"{N} of {N} documents" in s,
                   what="the whole library")
    shell.type("lighthouse")
    shell.wait_for(lambda s: "Report 04999 · in the text" in s and "Report 00000" not in s,
                   what="the text match")
    shell.send("Escape")  # every row again, the cursor still on the one found, in view
    shell.wait_for(lambda s: f"{N} of {N} documents" in s and "Report 04999 " in s
                   and "Report 00000" not in s, what="every row, scrolled to the cursor")
    shell.send("DC")  # the Delete key
    shell.wait_for(lambda s: "Delete the document" in s and "redline" in s
                   and "doc04999" in s, what="the question")
    shell.send("y")
    shell.wait_for(lambda s: "Report 04999" not in s and f"{N - 1} of {N - 1} documents" in s,
                   what="the library without it")
    quit_cleanly(shell, "q")
    with Store(db) as store:
        assert [r["doc_id"] for r in store.trash()] == ["doc04999"]
        assert store.document_count() == N - 1
