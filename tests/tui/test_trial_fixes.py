"""Pilot tests of what a new user's trial of the annotation screen found wrong.

Each test failed before its fix: keys typed in one burst after `/`, search hits that became the
selection, stance targets inside the sentence left out, marks with no way to clear them, a blind
undo, a failed worker reported twice, a stale loading note, and "1 hits".
"""

from __future__ import annotations

from typing import Any

from pilot_helpers import make, settle
from test_annotate import opened
from test_library import add_second
from textual import events
from textual.widgets import Input

from annotations.store import Store
from tui.widgets.search_bar import SearchBar

CHARACTERS = {"slash": "/", "space": " ", "enter": "\r", "escape": "\x1b"}


def burst(pilot: Any, *keys: str) -> None:
    """Send keys as one terminal write does: all queued at once, none handled in between.

    (`pilot.press` waits for the app to be idle after each key, which hid the bug.)"""
    driver = pilot.app._driver
    for key in keys:
        event = events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None))
        event.set_sender(pilot.app)
        driver.send_message(event)


# ------------------------------------------------------------------- 1. keys right after /
async def test_every_key_typed_right_after_slash_reaches_the_search_box(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("n")  # a suggestion under the cursor: y and d would decide it
        await settle(pilot)
        hide_low = screen.view.hide_low if screen.view else None
        burst(pilot, "slash", *"yet extended", "space", "d")
        await settle(pilot)
        assert screen.query_one(SearchBar).value == "yet extended d"
        assert app.focused is screen.query_one(SearchBar)
        assert app.screen is screen  # no dialog opened by e
        assert store.annotations(doc_id) == [] and store.decisions(doc_id) == {}
        assert screen.view is not None and screen.view.hide_low == hide_low  # t did not run


async def test_every_key_typed_fast_reaches_the_library_filter(db: tuple[Store, str]) -> None:
    store, _ = db
    add_second(store)
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(pilot, *"very", "space", *"long")
        await settle(pilot)
        assert app.screen.query_one("#filter", Input).value == "very long"
        app.screen.query_one("#filter", Input).value = ""
        await pilot.press("escape")
        burst(pilot, "slash", *"Mark R/q")
        await settle(pilot)
        assert app.screen.query_one("#filter", Input).value == "Mark R/q"
