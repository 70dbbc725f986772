"""SIGKILL the real terminal app, driven through tmux, at random points while an editor tags
claims and undoes: every edit the screen had shown is in the database, and the database is
sound, after every kill."""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from helpers.db import integrity
from helpers.tmux import Tmux, Window, app_database, leave_and_quit, shown_count
from pilot_helpers import SEED as SEED_FILE

from annotations.store import Store, journal

ROUNDS = 12
SEED = 6


@pytest.fixture(scope="module")
def tmux(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tmux]:
    """One tmux server for the module."""
    server = Tmux(tmp_path_factory.mktemp("tmux"))
    yield server
    server.close()


def _stored(db: Path, doc_id: str) -> dict[str, tuple[int, int]]:
    """The claims in the database: id -> (start, end)."""
    with Store(db) as store:
        return {a.id: (a.spans[0].start, a.spans[0].end) for a in store.annotations(doc_id)}


def _undoable(db: Path, doc_id: str) -> int:
    """How many edits `u` can undo for the annotator `ed` (the journal survives restarts)."""
    with Store(db, annotator="ed") as store:
        rows = [r for r in store.journal(doc_id) if r["annotator"] == "ed"]
    return len(journal.stacks(rows)[0])


def _shows(n: int, screen: str) -> bool:
    return shown_count(screen) == n


def _open(tmux: Tmux, name: str, db: Path, doc_id: str) -> Window:
    return tmux.start(name, "--db", str(db), "--annotator", "ed", "annotate", doc_id)


_TAGS = itertools.count(1)
"""How many tags _press_action has typed (each selection is longer than the last)."""


def _press_action(win: Window, rng: random.Random, undo: bool) -> None:
    """Type one action: undo, or move somewhere, select a few tokens, and tag a claim.

    Each selection is longer than every one before it: a claim identical to an earlier one
    (the same sentence tagged twice) would be refused, and the count would not move."""
    if undo:
        win.send("u")
        return
    moves = [rng.choice(["j", "j", "l", "k", "h"]) for _ in range(rng.randint(0, 6))]
    moves += ["v"] + ["l"] * (rng.randint(1, 4) + 4 * next(_TAGS))
    win.send(*moves, "c")


def test_sigkill_while_editing_loses_nothing_shown(tmp_path: Path, tmux: Tmux) -> None:
    """12 runs of the app, each killed at a seeded random point of an editing session."""
    db = tmp_path / "crash.db"
    doc_id = app_database(db, seed_file=SEED_FILE)
    rng = random.Random(SEED)
    in_flight_kills = 0
    for round_ in range(ROUNDS):
        win = _open(tmux, f"r{round_}", db, doc_id)
        before = _stored(db, doc_id)
        if round_ % 4 == 1:
            # killed while it starts up and reads the document: it must not have written
            time.sleep(rng.uniform(0.1, 1.5))
            win.close()
            assert integrity(db) == "ok"
            assert _stored(db, doc_id) == before
            continue
        # after a restart (and after a kill) the screen shows exactly what is stored
        screen = win.wait_for(lambda s: shown_count(s) is not None, what="the document")
        assert shown_count(screen) == len(before)

        shown = before
        undoable = _undoable(db, doc_id)
        for _ in range(rng.randint(1, 5)):
            undo = undoable > 0 and rng.random() < 0.3
            _press_action(win, rng, undo)
            want = len(shown) + (-1 if undo else 1)
            win.wait_for(partial(_shows, want), what=f"{want} annotations")
            # the screen shows it, so it is committed: the database says the same right now
            now = _stored(db, doc_id)
            assert len(now) == want
            assert (now.items() <= shown.items()) if undo else (shown.items() <= now.items())
            shown = now
            undoable += -1 if undo else 1

        last: bool | None = None  # the action in flight at the kill: undo, add, or none
        if rng.random() < 0.6:
            # one more action already typed, killed at a random moment of its way to the disk
            last = undoable > 0 and rng.random() < 0.3
            _press_action(win, rng, last)
            time.sleep(rng.uniform(0, 0.15))
            in_flight_kills += 1
        win.close()

        assert integrity(db) == "ok", f"round {round_}"
        after = _stored(db, doc_id)
        if last is None:
            assert after == shown
        elif last:
            # the last shown state, or that minus the one claim the undo removed
            assert after.items() <= shown.items() and len(shown) - len(after) in (0, 1)
        else:
            # every claim the screen showed is there, plus at most the one being added
            assert shown.items() <= after.items() and len(after) - len(shown) in (0, 1)
    assert in_flight_kills >= 3  # the random schedule really killed edits under way

    # a last start shows what the crashes left, and undo still reaches edits made before them
    win = _open(tmux, "final", db, doc_id)
    screen = win.wait_for(lambda s: shown_count(s) is not None, what="the document")
    final = _stored(db, doc_id)
    assert shown_count(screen) == len(final)
    if _undoable(db, doc_id):
        win.send("u")
        win.wait_for(lambda s: shown_count(s) == len(final) - 1, what="the undo")
        assert len(_stored(db, doc_id)) == len(final) - 1
    leave_and_quit(win)  # and after all those crashes, a quit is clean
    win.close()
