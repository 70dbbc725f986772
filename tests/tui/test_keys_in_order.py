"""Keys that write act in order, each on the state the previous one left (the third trial).

`yyyy` typed in one burst accepted one or two of four suggestions: each write ran in a thread of
its own, on the state its key had seen, so the second `y` accepted the first suggestion again
and was refused. `burst` delivers keys as one read from the terminal does: all of them queued
before the first is handled (Pilot's press waits for the app to be idle after each key, by
which time a write has committed).
"""

from __future__ import annotations

from typing import Any

from pilot_helpers import make, send_burst, settle
from test_annotate import SENTENCE, opened, rows, status
from test_trial_fixes_2 import failures
from textual.pilot import Pilot

from annotations.store import Store


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Queue every key at once, as a terminal read of a fast typist's burst does, then let
    everything finish."""
    await send_burst(pilot, *keys)
    await settle(pilot)


async def test_four_y_in_one_burst_record_four_decisions(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        pending = [s.key for s in screen.view.pending()]
        await pilot.press("n")
        await settle(pilot)
        await burst(pilot, "y", "y", "y", "y")
        assert failures(app) == []
        assert store.decisions(doc_id) == {key: "accepted" for key in pending[:4]}
        assert len(store.annotations(doc_id)) == 4
        assert "4 annotations" in status(app) and f"{len(pending) - 4} pending" in status(app)
        assert len(rows(app)) == 4


async def test_a_22_key_burst_decides_every_suggestion_in_reading_order(
        db: tuple[Store, str]) -> None:
    """The trial's 22-key burst (16 of them y / d) recorded 3 decisions."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        pending = [s.key for s in screen.view.pending()]
        assert len(pending) == 13
        decisions = list("ydyydyddyydyy")
        # n, the 13 decisions, then 8 more y with nothing left to accept: one burst
        await burst(pilot, "n", *decisions, *"y" * 8)
        assert failures(app) == []
        verdict = {"y": "accepted", "d": "rejected"}
        assert store.decisions(doc_id) == {key: verdict[k] for key, k in zip(pending, decisions,
                                                                             strict=True)}
        assert len(store.annotations(doc_id)) == decisions.count("y")
        assert "0 pending" in status(app)


async def test_u_in_a_burst_undoes_the_decision_typed_just_before_it(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        pending = [s.key for s in screen.view.pending()]
        await burst(pilot, "n", "y", "d", "y", "u")
        assert failures(app) == []
        assert store.decisions(doc_id) == {pending[0]: "accepted", pending[1]: "rejected"}
        assert len(store.annotations(doc_id)) == 1




async def test_writes_typed_before_ctrl_q_with_a_dialog_open_are_stored_whole(
        db: tuple[Store, str]) -> None:
    """ctrl+q with D's question open: the two decisions typed before it are in the database
    (the app waits for its queued writes before it closes), the question's answer is not."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        pending = [s.key for s in screen.view.pending()]
        await burst(pilot, "n", "y", "d", "D", "ctrl+q")
    assert app.return_code == 0
    assert store.decisions(doc_id) == {pending[0]: "accepted", pending[1]: "rejected"}
    assert len(store.annotations(doc_id)) == 1
    assert store.get_document(doc_id).status != "done"
    assert store.integrity_check() == "ok"


async def test_c_then_x_in_one_burst_deletes_the_claim_c_made(db: tuple[Store, str]) -> None:
    """x acts on the state c left: the claim is not on screen yet when x is handled."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        screen.article.move_to(screen.article.text.index(SENTENCE) + 5)
        await burst(pilot, "c", "x")
        assert failures(app) == []
        assert store.annotations(doc_id) == []
        assert len(store.journal(doc_id)) == 2  # the add, then its delete
        assert "deleted claim (u undoes)" in status(app)
        assert "0 annotations" in status(app)


async def test_y_q_q_in_one_burst_stores_the_decision_and_quits(db: tuple[Store, str]) -> None:
    """The second q went away with the document's screen (still in its queue): the app stayed
    in the library. Now q waits for the keys before it, and a q typed meanwhile acts after."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        first = screen.view.pending()[0].key
        await burst(pilot, "n", "y", "q", "q")
        await pilot.pause(0.2)
        assert not app.is_running
    assert app.return_code == 0
    assert store.decisions(doc_id) == {first: "accepted"}


async def test_q_q_from_a_document_opened_first_quits_cleanly(db: tuple[Store, str]) -> None:
    """`redline annotate DOC`, then q q in one burst: the library made by the first q queued its
    key footer for after its first frame, and the app quit before that frame (MountError)."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await burst(pilot, "q", "q")
        await pilot.pause(0.3)
        assert not app.is_running
    assert app.return_code == 0
