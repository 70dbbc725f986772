"""The real `redline` in tmux: `n y` sent in one write as soon as the document appears (while
its cached analysis still loads) accepts the first suggestion; the trial saw "no suggestion
under the cursor" and nothing stored (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.tmux import Tmux, Window, quit_cleanly, shown_count
from pilot_helpers import analysed_database

from annotations.store import Store


@pytest.fixture
def shell(server: Tmux, tmp_path: Path) -> Iterator[Window]:
    """A shell window with its own HOME; removed afterwards."""
    (tmp_path / "home").mkdir()
    window = server.shell("loading", {"HOME": str(tmp_path / "home"),
                                      "XDG_DATA_HOME": str(tmp_path / "xdg")})
    yield window
    window.close()


def test_n_y_sent_as_the_document_appears_accepts_the_first_suggestion(
        shell: Window, tmp_path: Path) -> None:
    db = tmp_path / "loading.db"
    doc_id = analysed_database(db)
    shell.run("--db", str(db), "--annotator", "e2e", "annotate", doc_id)
    # the text is on the first frame; the cached analysis comes after it
    shell.wait_for(lambda s: "This Thursday" in s, what="the article")
    shell.type("ny")
    screen = shell.wait_for(lambda s: shown_count(s) == 1 and "12 pending" in s,
                            what="the decision of the y typed while loading")
    assert "no suggestion under the cursor" not in screen and "failed" not in screen
    with Store(db) as store:
        assert list(store.decisions(doc_id).values()) == ["accepted"]
        assert len(store.annotations(doc_id)) == 1
    quit_cleanly(shell, "q", "q")
