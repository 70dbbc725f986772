"""Keys typed while a document is still loading wait for it and act, in order, once it is shown,
one by one, as if typed then.

A trial's `n y`, typed as the article appeared, arrived before its cached analysis: n found no
suggestion and y said "no suggestion under the cursor". Here the cached analysis is held back
at a gate (`slow_cache`) while the keys are sent, so every key surely arrives first; `burst`
queues keys as one terminal read of a fast typist does.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pilot_helpers import SEED, make, send_burst, settle, until
from test_annotate import opened, rows, scr, status
from test_trial_fixes_2 import failures
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from annotations.formats.registry import ImportRecord
from annotations.scheme import parse_scheme
from annotations.store import Store
from tui import key_gate
from tui.screens import annotate
from tui.screens.annotate import AnnotationScreen
from tui.screens.library import LibraryScreen


@pytest.fixture
def slow_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The cached analysis is read only once the event is set (set again afterwards)."""
    gate = threading.Event()
    read = annotate.cached_analysis

    def held(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(20)
        return read(*args, **kwargs)

    monkeypatch.setattr(annotate, "cached_analysis", held)
    yield gate
    gate.set()


async def pending_keys(store: Store, doc_id: str, gate: threading.Event) -> list[str]:
    """The document's pending suggestions in reading order (from an app left untouched, its
    analysis let in at once; held back again afterwards)."""
    gate.set()
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        keys = [s.key for s in screen.view.pending()]
    gate.clear()
    return keys


async def typed_while_loading(pilot: Pilot[Any], gate: threading.Event, *keys: str) -> None:
    """Send `keys` while the analysis is held back, check none acted, then let it in."""
    await until(pilot, lambda: isinstance(pilot.app.screen, AnnotationScreen)
                and pilot.app.screen.view is not None)
    screen = pilot.app.screen
    assert isinstance(screen, AnnotationScreen) and screen.view is not None
    await send_burst(pilot, *keys)
    await pilot.pause(0.1)
    assert not screen.view.suggestions and pilot.app.keys.is_closed  # nothing acted yet
    gate.set()
    await settle(pilot)


async def test_n_y_typed_while_loading_accepts_the_first_suggestion(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    store, doc_id = db
    pending = await pending_keys(store, doc_id, slow_cache)
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await typed_while_loading(pilot, slow_cache, "n", "y")
        assert failures(app) == []
        assert store.decisions(doc_id) == {pending[0]: "accepted"}
        assert "1 annotation" in status(app) and f"{len(pending) - 1} pending" in status(app)
        assert "no suggestion under the cursor" not in status(app)
        assert len(rows(app)) == 1


async def test_a_mixed_burst_while_loading_acts_in_order(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    """Moves, decisions, a skip back and an undo, all typed before the analysis arrived."""
    store, doc_id = db
    pending = await pending_keys(store, doc_id, slow_cache)
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        # n y d: the first two decided (each decision moves on to the next); n n N: on the
        # fourth, the third skipped; y accepts it; a move (still inside the fifth), d rejects
        # the fifth, and u undoes that rejection
        await typed_while_loading(pilot, slow_cache,
                                  "n", "y", "d", "n", "n", "N", "y", "right", "d", "u")
        assert failures(app) == []
        assert store.decisions(doc_id) == {pending[0]: "accepted", pending[1]: "rejected",
                                           pending[3]: "accepted"}
        assert "2 annotations" in status(app)
        assert f"{len(pending) - 3} pending" in status(app)


async def test_q_typed_while_loading_leaves_after_the_keys_before_it(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    """q waits its turn: the y typed before it is stored, then the library shows."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = scr(app)
        await typed_while_loading(pilot, slow_cache, "n", "y", "q")
        await until(pilot, lambda: app.screen is not screen)
        assert list(store.decisions(doc_id).values()) == ["accepted"]
        assert failures(app) == []


async def test_keys_after_a_bracket_act_on_the_document_it_opens(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    """`] n y` in one burst: n and y are for the next document, not the one shown at `]`."""
    store, first = db
    from annotations.ingest import store_records

    # the same text under another id: its analysis is the cached one, its decisions its own
    second = store_records(store, [ImportRecord(text=store.get_document(first).text,
                                                title="A copy", source="test",
                                                id="copy")]).added[0]
    slow_cache.set()
    app = make(store, first)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        slow_cache.clear()
        await send_burst(pilot, "right_square_bracket", "n", "y")
        await pilot.pause(0.1)
        assert store.decisions(first) == {} and store.decisions(second) == {}
        slow_cache.set()
        await settle(pilot)
        await until(pilot, lambda: store.decisions(second) != {})
        assert scr(app).doc_id == second
        assert list(store.decisions(second).values()) == ["accepted"]
        assert store.decisions(first) == {}
        assert failures(app) == []


async def test_enter_in_the_library_then_n_y_at_once(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    """From the library: the keys typed after Enter are for the document Enter opens. (Typed
    in the very same terminal read as Enter, a paste, letters go to the library's filter:
    type-to-filter keys act as they arrive, before the Enter ahead of them.)"""
    store, doc_id = db
    app = make(store)  # the library first
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, AnnotationScreen)
        await send_burst(pilot, "enter")
        await send_burst(pilot, "n", "y")
        await pilot.pause(0.1)
        assert store.decisions(doc_id) == {}
        slow_cache.set()
        await settle(pilot)
        await until(pilot, lambda: store.decisions(doc_id) != {})
        assert list(store.decisions(doc_id).values()) == ["accepted"]
        assert isinstance(app.screen, AnnotationScreen)
        assert failures(app) == []


async def test_a_load_slower_than_the_limit_lets_the_keys_act_and_says_so(
        db: tuple[Store, str], slow_cache: threading.Event,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys never wait for good: past HOLD_LIMIT they act on what is shown (j moves)."""
    monkeypatch.setattr(key_gate, "HOLD_LIMIT", 0.3)
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: scr(app).view is not None)
        screen = scr(app)
        start = screen.cursor
        await send_burst(pilot, "j")
        await until(pilot, lambda: screen.cursor != start)
        assert not app.keys.is_closed
        assert any("slow to load" in n.message for n in app._notifications)
        slow_cache.set()
        await settle(pilot)
        assert screen.view is not None and screen.view.suggestions


async def test_a_search_typed_while_loading_finds_its_hit(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    """`/Tehran` Enter: the field opens, gets the word, and Enter goes to the hit, in order."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await typed_while_loading(pilot, slow_cache, "slash", *"Tehran", "enter")
        screen = scr(app)
        assert screen.article.text[screen.cursor:].startswith("Tehran")
        assert "1 hit" in status(app) or "hits" in status(app)


def test_the_seed_copy_is_its_own_document(tmp_path: Path) -> None:
    """The bracket test's second document really is a second one (ids never collide)."""
    from annotations.importer import read_file
    from annotations.ingest import store_records

    with Store(tmp_path / "r.db") as store:
        [first] = store_records(store, read_file(SEED)).added
        text = store.get_document(first).text
        [second] = store_records(store, [ImportRecord(text=text, title="A copy", source="t",
                                                      id="copy")]).added
        assert first != second and store.neighbour(first, 1) == second


# -------------------------------------- held keys do what the same keys typed one by one do
KEYS = st.lists(st.sampled_from(["n", "N", "y", "d", "j", "k", "u", "right", "left", "c",
                                 "x", "escape"]),
                min_size=1, max_size=8)


async def outcome(path: Path, keys: list[str], *, while_loading: bool
                  ) -> tuple[dict[str, str], int, int]:
    """Decisions, annotation count and cursor after `keys`: sent in one burst while the
    analysis is held back, or typed one by one (each done before the next) once it is in."""
    gate = threading.Event()
    read = annotate.cached_analysis

    def held(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(20)
        return read(*args, **kwargs)

    annotate.cached_analysis = held  # type: ignore[attr-defined]
    try:
        with Store(path, annotator="tester") as store:
            doc_id = store.document_ids()[0]
            app = make(store, doc_id)
            async with app.run_test(size=(120, 40), notifications=True) as pilot:
                if while_loading:
                    await typed_while_loading(pilot, gate, *keys)
                else:
                    gate.set()
                    await opened(pilot)
                    for k in keys:  # each once the one before has done all it does
                        await pilot.press(k)
                        await settle(pilot)
                assert failures(app) == []
                return store.decisions(doc_id), len(store.annotations(doc_id)), scr(app).cursor
    finally:
        gate.set()
        annotate.cached_analysis = read  # type: ignore[attr-defined]


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=KEYS)
def test_keys_held_while_loading_do_what_they_do_typed_one_by_one_once_loaded(
        db: tuple[Store, str], tmp_path: Path, keys: list[str]) -> None:
    store, _ = db
    template = Path(store.path)
    results = []
    for while_loading in (True, False):
        copy = tmp_path / f"copy-{while_loading}.db"
        copy.unlink(missing_ok=True)
        with sqlite3.connect(template) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        results.append(asyncio.run(outcome(copy, keys, while_loading=while_loading)))
    assert results[0] == results[1]


# ----------------------------------------------- keys for what a held key opens, paste, quit
async def test_a_dialog_opened_by_a_held_key_gets_the_keys_typed_after_it(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    """`c o Enter` with claim types: c opens the type dialog, o picks opinion, Enter saves."""
    store, doc_id = db
    store.set_label_scheme(parse_scheme({"claim_types": ["statistic", "opinion"]}))
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await typed_while_loading(pilot, slow_cache, "c", "o", "enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        assert store.annotations(doc_id)[0].attrs == {"checkworthy": "yes", "type": "opinion"}
        assert failures(app) == []


async def test_q_then_letters_while_loading_filter_the_library(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    """q leaves at once (nothing held before it); t i then filter the library, not the
    document (where they would hide suggestions for the session)."""
    store, _ = db
    app = make(store)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AnnotationScreen)
                    and app.screen.view is not None)
        for k in "qti":
            await pilot.press(k)
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        slow_cache.set()
        await settle(pilot)
        filters = app.settings.filters
        assert (app.screen.query_one("#filter", Input).value, filters.hide_low,
                filters.hide_indirect) == ("ti", False, False)


async def test_a_paste_while_loading_keeps_its_place_among_the_keys(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    """`/`, a pasted word, Enter: the paste goes to the search field `/` opens."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: scr(app).view is not None)
        await pilot.press("slash")
        paste = events.Paste("Tehran")
        paste.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(paste)
        await pilot.pause()
        await pilot.press("enter")
        slow_cache.set()
        await settle(pilot)
        screen = scr(app)
        assert screen.article.text[screen.cursor:].startswith("Tehran")


async def test_ctrl_q_while_a_load_is_slow_quits_at_once(
        db: tuple[Store, str], slow_cache: threading.Event) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: scr(app).view is not None)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running, timeout=1.0)
