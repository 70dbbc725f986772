"""Helpers for the terminal-app tests: build the app on a test store, wait for it, poll."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from helpers.tmux import app_database
from textual import events
from textual.pilot import Pilot

from annotations.nlp.pipeline import Pipeline
from annotations.store import Store
from tui.app import RedlineApp
from tui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_bdcbbe95f443673e.txt"
SEED_ANALYSIS = ROOT / "tests" / "tui" / "data" / "seed_analysis.json"
FIXED_NOW = datetime(2025, 3, 14, 12, 0, tzinfo=timezone.utc)
FIXED_TIME = "2025-03-14T09:30:00.000Z"


def freeze_times(store: Store) -> None:
    """Pin the documents' timestamps so what the library shows never depends on the clock."""
    with store._write() as w:
        w.conn.execute("UPDATE documents SET created_at = ?, updated_at = ?",
                       (FIXED_TIME, FIXED_TIME))


def analysed_database(db: Path) -> str:
    """The seed with the recorded analysis of the TUI tests cached under the default model (13
    suggestions, no spaCy at start) in a new database at `db`; the document's id."""
    return app_database(db, seed_file=SEED,
                        record=json.loads(SEED_ANALYSIS.read_text(encoding="utf-8")))


def make(store: Store, doc_id: str | None = None, *,
         loader: Callable[[str | None], Pipeline] | None = None) -> RedlineApp:
    """The app as the CLI builds it, on the test store, with a frozen clock.

    Without `loader` a cache miss fails the analysis worker instead of loading spaCy again:
    a test that needs an analysis passes the session's pipeline.
    """
    settings = Settings(db=Path("redline.db"), model=None, annotator="tester")
    return RedlineApp(settings, store, doc_id=doc_id, now=lambda: FIXED_NOW,
                      pipeline_loader=loader or _no_spacy)


def _no_spacy(name: str | None) -> Pipeline:
    raise RuntimeError("this test did not expect to load spaCy (pass loader=)")


async def send_burst(pilot: Pilot[Any], *keys: str) -> None:
    """Queue every key at once, as one terminal read of a fast typist's burst does (Pilot's
    press waits for the app to be idle after each key); waits for nothing after."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    """Let every worker finish and every posted message be handled."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def until(pilot: Pilot[Any], check: Callable[[], Any], timeout: float = 10.0) -> None:
    """Poll until `check()` is truthy (raises on timeout), pumping the app meanwhile."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {check}")
        await pilot.pause(0.02)
