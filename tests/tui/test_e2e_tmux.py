"""End to end: the real `redline` command typed at a shell prompt in tmux, driven by keys only.

tmux runs on a private socket, so the test never touches a user's tmux server; every wait
polls the screen (capture-pane) with a deadline instead of sleeping a fixed time. Every test
ends with `quit_cleanly`: after the app exits, the terminal shows no traceback or error and the
shell's prompt follows the command with nothing in between.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.cli import REDLINE
from helpers.tmux import Tmux, Window, quit_cleanly, shown_count
from pilot_helpers import analysed_database

from annotations.store import Store

SENTENCE = ("He further declared that any nation seeking negotiations with Iran must first abandon "
            "hostile policies.")


def _env(tmp_path: Path) -> dict[str, str]:
    """A fresh database (filled with the seeds on first start), HOME and data folder."""
    (tmp_path / "home").mkdir(exist_ok=True)
    return {"REDLINE_DB": str(tmp_path / "redline.db"), "HOME": str(tmp_path / "home"),
            "XDG_DATA_HOME": str(tmp_path / "xdg")}


@pytest.fixture
def shell(server: Tmux, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Window]:
    """A shell window whose redline uses a fresh database; removed afterwards."""
    window = server.shell(request.node.name[:30], _env(tmp_path))
    yield window
    window.close()


def _library(win: Window) -> None:
    win.wait_for(lambda s: "Iran will not yield" in s and "Pending" in s, what="the library")


def test_tag_a_sentence_as_a_claim_with_keys_only_then_export(shell: Window,
                                                              tmp_path: Path) -> None:
    shell.run("--annotator", "e2e")
    _library(shell)
    shell.send("Enter")
    shell.wait_for(lambda s: "This Thursday" in s, what="the article")
    # select the sentence: search its first words, then v ) selects to its end
    shell.send("/")
    shell.wait_for(lambda s: "search the text" in s, what="the search field")
    shell.type("He further declared")
    shell.send("Enter")
    shell.wait_for(lambda s: "hit 1 of 1" in s, what="the cursor on the hit")
    # Enter leaves the field open (the next Enter goes on); Escape hands the keys back
    shell.send("Escape")
    shell.wait_for(lambda s: "· 1 hit" not in s and "▊  He further declared" not in s,
                   what="the search field closed")
    shell.send("v", ")", "c")
    shell.wait_for(lambda s: "claim: “He further declared" in s, what="the claim in the panel")
    # q from the annotation screen goes back to the library, q there quits
    shell.send("q")
    shell.wait_for(lambda s: "document" in s and "Last edit" in s, what="the library again")
    quit_cleanly(shell, "q")

    out = subprocess.run([REDLINE, "export", "-"], capture_output=True, text=True,
                         env={**os.environ, **_env(tmp_path)}, check=True, timeout=60).stdout
    [record] = [json.loads(line) for line in out.splitlines()]
    claims = [a for a in record["annotations"] if a["kind"] == "claim"]
    assert [c["spans"][0]["text"] for c in claims] == [SENTENCE]
    assert claims[0]["annotator"] == "e2e" and claims[0]["attrs"] == {"checkworthy": "yes"}


def test_q_from_the_library_quits_cleanly(shell: Window) -> None:
    """The first trial's quit: a zero-second timer printed a ZeroDivisionError traceback."""
    shell.run("--annotator", "e2e")
    _library(shell)
    quit_cleanly(shell, "q")


def test_ctrl_q_with_a_dialog_open_quits_cleanly_and_writes_nothing(shell: Window,
                                                                    tmp_path: Path) -> None:
    db = tmp_path / "dialog.db"
    doc_id = analysed_database(db)
    shell.run("--db", str(db), "--annotator", "e2e", "annotate", doc_id)
    shell.wait_for(lambda s: shown_count(s) == 0, what="the document")
    shell.send("j", "s")
    shell.wait_for(lambda s: "Polarity" in s and "Holder" in s, what="the stance dialog")
    quit_cleanly(shell, "C-q")
    with Store(db) as store:
        assert store.annotations(doc_id) == []
        assert store.journal(doc_id) == []


def test_four_y_in_one_write_record_four_decisions(shell: Window, tmp_path: Path) -> None:
    """The trial's burst: `yyyy` in one write accepted 1-2 of 4 suggestions."""
    db = tmp_path / "burst.db"
    doc_id = analysed_database(db)
    shell.run("--db", str(db), "--annotator", "e2e", "annotate", doc_id)
    shell.wait_for(lambda s: shown_count(s) == 0 and "13 pending" in s, what="the suggestions")
    shell.send("n")
    shell.wait_for(lambda s: "y accept" in s, what="the first suggestion")
    shell.type("yyyy")
    screen = shell.wait_for(lambda s: shown_count(s) == 4 and "9 pending" in s,
                            what="four decisions")
    assert "failed" not in screen
    with Store(db) as store:
        assert list(store.decisions(doc_id).values()) == ["accepted"] * 4
        assert len(store.annotations(doc_id)) == 4
    quit_cleanly(shell, "q", "q")  # in one write too: back to the library, then quit


def test_keys_typed_in_one_write_after_slash_all_reach_the_search_field(shell: Window) -> None:
    """The new-user trial: "/report" sent in one write left the field empty, and letters that
    are keys (e, t, y, d, x) could run as commands before the field had the focus."""
    shell.run("--annotator", "e2e")
    _library(shell)
    shell.type("very long")  # the library filter, in one write
    shell.wait_for(lambda s: "very long" in s and "0 of 1 document" in s, what="the filter")
    shell.send("Escape")
    shell.wait_for(lambda s: "1 of 1 document" in s, what="the filter cleared")
    shell.send("Enter")
    shell.wait_for(lambda s: "This Thursday" in s, what="the article")
    shell.type("/tehran")
    shell.wait_for(lambda s: "2 hits for “tehran”" in s, what="every letter in the field")
    shell.type("extd")  # would edit, toggle, delete, reject if they reached the article
    screen = shell.wait_for(lambda s: "0 hits for “tehranextd”" in s,
                            what="the next letters there too")
    assert "0 annotations" in screen
    shell.send("Escape")  # alone: Escape then q in one write is alt+q
    shell.wait_for(lambda s: "tehranextd" not in s, what="the search field closed")
    quit_cleanly(shell, "q", "q")
