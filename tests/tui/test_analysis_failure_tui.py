"""A document whose analysis fails: its entities are shown, the failure is said on its own status
line and in the library, it is not retried on every open, and it never follows the editor.

The failure is simulated by making a rule function raise for texts that mention "Boom"; a blank
pipeline with an entity ruler stands in for the trained one (under its cache key, so the cache
behaves as with the real model).
"""

from __future__ import annotations

import threading

import pytest
from helpers.failing_rules import ann_lee_pipeline, fail_rules_on_boom
from pilot_helpers import make, settle, until

from annotations.analysis import extractor_version
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Document
from annotations.nlp.pipeline import Pipeline, model_id_for
from annotations.store import Store
from tui.app import RedlineApp
from tui.screens.annotate import AnnotationScreen
from tui.screens.library import LibraryScreen
from tui.widgets.library_table import LibraryTable
from tui.widgets.status_bar import StatusBar

BAD = "Boom. Ann Lee wrote to the council.\n“It is over,” she said. Ann Lee left."


def _pipeline() -> Pipeline:
    return ann_lee_pipeline(model_id_for(None))


@pytest.fixture
def rule_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The quote-linking rules raise on any text with "Boom"; the texts they were given."""
    return fail_rules_on_boom(monkeypatch)


@pytest.fixture
def bad_id(db: tuple[Store, str]) -> str:
    """A second document, after the seed, whose analysis fails."""
    store, _ = db
    return store_records(store, [ImportRecord(text=BAD, source="t", title="Boom town")]).added[0]


def status(app: RedlineApp) -> str:
    return app.screen.query_one(StatusBar).render_plain()


def screen(app: RedlineApp) -> AnnotationScreen:
    assert isinstance(app.screen, AnnotationScreen), app.screen
    return app.screen


async def _open_failed(store: Store, doc_id: str, pipeline: Pipeline) -> None:
    """Open the failing document: entities shown, the failure on the status line only."""
    app = make(store, doc_id, loader=lambda name: pipeline)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: "analysis failed" in status(app))
        await settle(pilot)
        shown = screen(app)
        assert shown.view is not None
        assert [e["text"] for e in shown.view.entities] == ["Ann Lee", "Ann Lee"]
        assert any(h.kind == "entity:PERSON" for h in shown.highlights)
        assert shown.view.suggestions == []
        assert "KeyError: 'mr.'" in status(app) and "entities only" in status(app)
        assert not [n for n in app._notifications if "failed" in n.message]


async def test_entities_survive_and_the_failure_is_said_and_cached(
        db: tuple[Store, str], bad_id: str, rule_calls: list[str]) -> None:
    store, _ = db
    pipeline = _pipeline()
    await _open_failed(store, bad_id, pipeline)
    await _open_failed(store, bad_id, pipeline)  # from the cache this time
    assert len(rule_calls) == 1  # not analysed again on the second open
    doc = store.get_document(bad_id)
    cached = store.cached_analysis(doc.text_sha256, pipeline.model_id, extractor_version())
    assert cached is not None and cached["error"] == "KeyError: 'mr.'"


@pytest.mark.parametrize("broken", ["rules", "pipeline"])
async def test_the_failure_never_follows_the_editor_to_the_next_document(
        db: tuple[Store, str], bad_id: str, rule_calls: list[str], broken: str) -> None:
    """The rules fail (the failure is recorded), or the pipeline cannot load at all (a worker
    error, as when the analysis process dies): either way it shows on its own document only."""
    store, seed_id = db
    release = threading.Event()
    pipeline = _pipeline()
    loads: list[str | None] = []

    def slow_loader(name: str | None) -> Pipeline:
        assert release.wait(10)
        loads.append(name)
        if broken == "pipeline":
            raise RuntimeError("no model today")
        return pipeline

    app = make(store, bad_id, loader=slow_loader)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: "analysing" in status(app))
        await pilot.press("[")  # to the seed (cached) while the failing analysis still runs
        await until(pilot, lambda: screen(app).doc_id == seed_id
                    and bool((view := screen(app).view) and view.suggestions))
        release.set()
        await until(pilot, lambda: loads)
        await settle(pilot)
        assert screen(app).doc_id == seed_id
        assert "failed" not in status(app)
        assert not [n for n in app._notifications if "failed" in n.message]
        await pilot.press("]")  # back: now the failure is its own document's news
        await until(pilot, lambda: "analysis failed" in status(app))
        assert screen(app).doc_id == bad_id
        said = "KeyError: 'mr.'" if broken == "rules" else "RuntimeError: no model today"
        assert said in status(app)


async def test_the_library_shows_a_failed_analysis(
        db: tuple[Store, str], bad_id: str, rule_calls: list[str]) -> None:
    store, _ = db
    from annotations.analysis import analyze_documents

    list(analyze_documents(store, [store.get_document(bad_id)], _pipeline()))
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one("#documents", LibraryTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [(r[0], r[3]) for r in cells] == [
            ("Iran will not yield to US pressure, Pezeshkian says", "13"), ("Boom town", "failed")]
        label = str(app.screen.query_one("#library-status").render())
        assert "analysis failed for 1" in label
        await pilot.press(*"failed")  # the filter finds them
        await until(pilot, lambda: table.row_count == 1)
        assert str(table.get_row_at(0)[0]) == "Boom town"


@pytest.mark.parametrize("stored", [True, False])
async def test_a_failure_without_entities_keeps_those_stored_with_the_document(
        db: tuple[Store, str], stored: bool) -> None:
    """spaCy itself gave up (too slow): the record has no entities; the ones the document was
    imported with still show, and the status line says what is missing."""
    store, _ = db
    text = "Ann Lee spoke. “It is over,” she said."
    entities = [{"start": 0, "end": 7, "label": "PERSON", "text": "Ann Lee"}] if stored else None
    doc = store.insert_document(Document(id="slow", text=text, title="Slow"), entities=entities)
    store.save_analysis({"id": "slow", "text_sha256": doc.text_sha256, "model": model_id_for(None),
                         "error": "too slow to analyse"}, extractor_version=extractor_version())
    app = make(store, "slow")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "analysis failed" in status(app))
        await settle(pilot)
        view = screen(app).view
        assert view is not None
        assert [e["text"] for e in view.entities] == (["Ann Lee"] if stored else [])
        said = "entities only" if stored else "no entities or suggestions"
        assert f"analysis failed (too slow to analyse): {said}" in status(app)
