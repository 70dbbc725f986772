"""The annotation screen on a damaged database (the third trial).

A damaged page of the journal left the screen on "loading…" for good; malformed stored entities
(no label, off the text) crashed it at every open. Now the document opens read-only with the
error shown, and the entities it cannot draw are dropped with one notice.
"""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

from pilot_helpers import SEED, make, settle, until
from test_annotate import SENTENCE, opened, select, status

from annotations.analysis import extractor_version
from annotations.importer import read_file
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store
from tui.app import RedlineApp
from tui.screens.annotate import AnnotationScreen


def _errors(app: RedlineApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


def _warnings(app: RedlineApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


def _damaged_journal(path: Path, record: dict[str, Any]) -> str:
    """The seed with one claim and a long edit history whose first journal page is then
    overwritten with garbage (as a bad sector or a torn copy leaves it); the document's id."""
    with Store(path, annotator="tester") as store:
        doc_id = store_records(store, read_file(SEED)).added[0]
        store.save_analysis(copy.deepcopy(record), extractor_version=extractor_version())
        text = store.get_document(doc_id).text
        for _ in range(200):  # a journal of several pages
            ann = store.add_annotation(Annotation("claim", [Span("claim", 0, 13, text[:13])],
                                                  doc_id=doc_id))
            store.delete_annotation(ann.id)
        store.add_annotation(Annotation("claim", [Span("claim", 0, 13, text[:13])],
                                        doc_id=doc_id))
    with sqlite3.connect(path) as conn:
        [(root,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'journal'")
        [(size,)] = conn.execute("PRAGMA page_size")
    conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\xff" * size)
    return doc_id


async def test_a_damaged_journal_opens_the_document_read_only_and_says_why(
        tmp_path: Path, frozen_record: dict[str, Any]) -> None:
    path = tmp_path / "damaged.db"
    doc_id = _damaged_journal(path, frozen_record)
    store = Store(path, annotator="tester")
    try:
        app = make(store, doc_id)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            screen = await opened(pilot)
            assert "loading" not in status(app)
            assert "1 annotation ·" in status(app) and "READ-ONLY" in status(app)
            [error] = _errors(app)
            assert "is damaged" in error and "read-only" in error
            # every key that writes is refused with a note; nothing reaches the file
            for keys in (["c"], ["u"], ["n", "y"], ["n", "d"], ["D"], ["x"]):
                if keys == ["c"]:
                    select(app, SENTENCE)
                if keys == ["x"]:
                    screen.article.move_to(3)
                await pilot.press(*keys)
                await settle(pilot)
                assert isinstance(app.screen, AnnotationScreen), keys  # no dialog either
                assert "not saved: the document is open read-only" in status(app), keys
            assert len(store.annotations(doc_id)) == 1
            assert store.decisions(doc_id) == {}
            assert store.get_document(doc_id).status != "done"
            assert len(_errors(app)) == 1  # said once, not at every key
    finally:
        store.close()


async def test_a_document_that_cannot_be_read_says_so_instead_of_loading(
        db: tuple[Store, str]) -> None:
    store, _ = db
    app = make(store, "no-such-document")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        # not settle(): waiting on the loading worker re-raises its (expected) failure when the
        # wait begins before the screen has taken the worker's state change
        await until(pilot, lambda: "cannot open the document: no document" in status(app))
        assert "loading" not in status(app)


async def test_malformed_stored_entities_are_dropped_with_one_notice(
        tmp_path: Path, frozen_record: dict[str, Any]) -> None:
    record = copy.deepcopy(frozen_record)
    good = len(record["entities"])
    first = record["entities"][0]
    record["entities"] += [
        {"start": first["start"], "end": first["end"], "text": first["text"]},  # no label
        {"start": 10**6, "end": 10**6 + 5, "label": "PERSON", "text": "Ghost"},  # off the text
        {"start": 40, "end": 30, "label": "ORG"},  # reversed
        {"start": "0", "end": 4, "label": "ORG"},  # not an offset
        {"start": 0, "end": 4, "label": "ORG", "text": "not what is there"},
    ]
    with Store(tmp_path / "entities.db", annotator="tester") as store:
        doc_id = store_records(store, read_file(SEED)).added[0]
        store.save_analysis(record, extractor_version=extractor_version())
    store = Store(tmp_path / "entities.db", annotator="tester")
    try:
        app = make(store, doc_id)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            screen = await opened(pilot)
            assert screen.view is not None
            assert len(screen.view.entities) == good
            assert sum(h.kind.startswith("entity:") for h in screen.highlights) == good
            assert _warnings(app) == ["5 malformed stored entities (no label, or off the text) "
                                      "not shown; re-import the document to replace them"]
            await pilot.press("R")  # reloading reads them again: no second notice
            await settle(pilot)
            assert len(_warnings(app)) == 1
            await pilot.press("n", "y")  # and the screen works
            await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
    finally:
        store.close()


async def test_malformed_entities_of_an_older_analysis_are_dropped_while_analysing(
        tmp_path: Path, frozen_record: dict[str, Any]) -> None:
    """No analysis for today's rules: the screen shows an older one's entities meanwhile (and
    after the analysis fails); a label-less one among them used to crash it."""
    record = copy.deepcopy(frozen_record)
    good = len(record["entities"])
    record["entities"].append({"start": 0, "end": 4, "text": "This"})  # no label
    with Store(tmp_path / "older.db", annotator="tester") as store:
        doc_id = store_records(store, read_file(SEED)).added[0]
        store.save_analysis(record, extractor_version="0.0-older-rules")
    store = Store(tmp_path / "older.db", annotator="tester")

    def no_pipeline(name: str | None) -> Any:
        raise RuntimeError("no pipeline in this test")

    try:
        app = make(store, doc_id, loader=no_pipeline)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, AnnotationScreen) and screen.view is not None
            await until(pilot, lambda: "analysis failed" in status(app))
            assert len(screen.view.entities) == good
            assert len(_warnings(app)) == 1 and "1 malformed stored entity" in _warnings(app)[0]
    finally:
        store.close()
