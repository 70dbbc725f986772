"""The real `redline` in tmux: `n y` sent in one write as soon as the article appears (while its
cached analysis still loads) accepts the first suggestion; the trial saw "no suggestion under
the cursor" and nothing stored. The screen is read after the app exits (no traceback)."""

from __future__ import annotations

from pathlib import Path

from helpers.tmux import Window, quit_cleanly, shown_count
from pilot_helpers import analysed_database

from annotations.store import Store


def test_n_y_sent_as_the_article_appears_accepts_the_first_suggestion(
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
