"""Keys typed while a document is still loading are held and act, in order, once it is loaded.

A trial's `n y`, sent within 0.3 s of the screen appearing, arrived before the cached analysis:
n found no suggestion and y said "no suggestion under the cursor" (issue 12). `burst` queues
the keys before the app has handled anything, as a terminal read does at launch.
"""

from __future__ import annotations

from typing import Any

from pilot_helpers import make, settle
from test_annotate import opened, rows, scr, status
from test_keys_in_order import burst
from test_trial_fixes_2 import failures
from textual.pilot import Pilot

from annotations.store import Store
from tui.screens.annotate import AnnotationScreen


async def pending_keys(store: Store, doc_id: str) -> list[str]:
    """The document's pending suggestions in reading order (from an app left untouched)."""
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        return [s.key for s in screen.view.pending()]


async def burst_at_launch(pilot: Pilot[Any], *keys: str) -> None:
    """Send `keys` before the document's analysis is loaded, then let everything finish."""
    screen = pilot.app.screen
    assert isinstance(screen, AnnotationScreen)
    view = screen.view
    assert view is None or not view.suggestions  # the analysis is not there yet
    await burst(pilot, *keys)
    await settle(pilot)


async def test_n_y_typed_while_loading_accepts_the_first_suggestion(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    pending = await pending_keys(store, doc_id)
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await burst_at_launch(pilot, "n", "y")
        assert failures(app) == []
        assert store.decisions(doc_id) == {pending[0]: "accepted"}
        assert "1 annotation" in status(app) and f"{len(pending) - 1} pending" in status(app)
        assert "no suggestion under the cursor" not in status(app)
        assert len(rows(app)) == 1


async def test_a_mixed_burst_while_loading_acts_in_order(db: tuple[Store, str]) -> None:
    """Moves, decisions, a skip back and an undo, all typed before the analysis arrived."""
    store, doc_id = db
    pending = await pending_keys(store, doc_id)
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        # n y d: the first two decided (each decision moves on to the next); n n N: on the
        # fourth, the third skipped; y accepts it; a move (still inside the fifth), d rejects
        # the fifth, and u undoes that rejection
        await burst_at_launch(pilot, "n", "y", "d", "n", "n", "N", "y", "right", "d", "u")
        assert failures(app) == []
        assert store.decisions(doc_id) == {pending[0]: "accepted", pending[1]: "rejected",
                                           pending[3]: "accepted"}
        assert "2 annotations" in status(app)
        assert f"{len(pending) - 3} pending" in status(app)
        assert len(rows(app)) == 2


async def test_q_while_loading_still_leaves(db: tuple[Store, str]) -> None:
    """q is not held: pressed while the document loads, it goes back at once."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = scr(app)
        await burst_at_launch(pilot, "n", "q")
        assert app.screen is not screen
        assert store.decisions(doc_id) == {}
