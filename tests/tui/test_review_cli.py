"""`redline review`: the real command end to end in tmux, and its mistakes as one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers.cli import run_cli
from helpers.review import CASES, build, content
from helpers.tmux import Window, quit_cleanly


@pytest.fixture
def dbs(tmp_path: Path) -> tuple[Path, Path]:
    return build(tmp_path)


def _press_one(shell: Window, at: int) -> None:
    shell.wait_for(lambda s: f"disagreement {at} of {CASES}" in s, what=f"case {at}")
    shell.send("1")


def test_pressing_one_everywhere_in_the_real_command_gives_annotator_ones_set(
        shell: Window, dbs: tuple[Path, Path], tmp_path: Path) -> None:
    gold = tmp_path / "gold.db"
    args = ("--annotator", "judge", "review", str(dbs[0]), str(dbs[1]), "--into", str(gold))
    shell.run(*args)
    screen = shell.wait_for(lambda s: f"disagreement 1 of {CASES} · document 1 of 2" in s,
                            what="the first case")
    assert "1  alice" in screen and "2  bob" in screen
    _press_one(shell, 1)
    _press_one(shell, 2)
    shell.wait_for(lambda s: f"disagreement 3 of {CASES}" in s, what="case 3")
    quit_cleanly(shell, "q")
    # reopened, it continues at the third case
    shell.run(*args)
    _press_one(shell, 3)
    _press_one(shell, 4)
    shell.wait_for(lambda s: f"all {CASES} disagreements decided" in s, what="the end")
    quit_cleanly(shell, "q")
    assert content(gold) == content(dbs[0])


def test_mistakes_are_one_line_and_leave_no_gold_database(dbs: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    gold = tmp_path / "gold.db"
    junk = tmp_path / "junk.db"
    junk.write_text("not a database\n", encoding="utf-8")
    other = tmp_path / "other.db"
    from annotations.models import Document
    from annotations.store import Store

    with Store(other) as store:
        store.insert_document(Document(id="x", text="A text nobody else has."))
    cases = [((str(dbs[0]),), "review needs two or more databases"),
             ((str(dbs[0]), str(tmp_path / "nope.db")), "nope.db: no such database"),
             ((str(dbs[0]), str(junk)), "junk.db: is not a SQLite database"),
             ((str(dbs[0]), str(other)), "share no document")]
    for sources, message in cases:
        run = run_cli(None, "review", *sources, "--into", str(gold))
        assert run.code == 2 and not run.has_traceback, run.stderr
        [line] = run.errors
        assert message in line
        assert not gold.exists() and not os.path.exists(f"{gold}-wal")
    run = run_cli(None, "review", str(dbs[0]), str(dbs[1]), "--into", str(dbs[1]))
    assert run.code == 2 and "is the gold database the review writes into" in run.errors[0]
