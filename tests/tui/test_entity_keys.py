"""`E` in the annotation screen corrects spaCy's entities: a label, boundaries, a deletion, an
addition; stored with provenance, drawn at once, undone by u."""

from __future__ import annotations

from typing import Any

from pilot_helpers import make, settle, until

from annotations.store import Store
from tui.app import RedlineApp
from tui.screens.annotate import AnnotationScreen
from tui.screens.annotate_dialogs import EntityDialog
from tui.widgets.article_view import ArticleView
from tui.widgets.choice_row import ChoiceRow
from tui.widgets.status_bar import StatusBar

REMARKED = 703  # "Pezeshkian" (NORP in the recorded analysis) before "remarked"


async def opened(pilot: Any) -> AnnotationScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, AnnotationScreen)
    await until(pilot, lambda: screen.view is not None and screen.view.entities)
    return screen


def shown(app: RedlineApp, start: int) -> list[tuple[str, str]]:
    screen = app.screen
    assert isinstance(screen, AnnotationScreen) and screen.view is not None
    return [(e["text"], e["label"]) for e in screen.view.entities if e["start"] == start]


def status(app: RedlineApp) -> str:
    return app.screen.query_one(StatusBar).render_plain()


def select(app: RedlineApp, text: str) -> tuple[int, int]:
    article = app.screen.query_one(ArticleView)
    start = article.text.index(text)
    article.select_range(start, start + len(text))
    return start, start + len(text)


async def test_E_changes_a_label_typed_to_jump_and_u_undoes_it(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        assert shown(app, REMARKED) == [("Pezeshkian", "NORP")]
        screen.article.move_to(REMARKED + 2)
        await pilot.press("E")
        await until(pilot, lambda: isinstance(app.screen, EntityDialog))
        row = app.screen.query_one("#entity-label", ChoiceRow)
        assert row.value == "NORP"
        await pilot.press("p", "e")  # PERSON is the only label starting "pe"
        assert row.value == "PERSON"
        await pilot.press("enter")
        await until(pilot, lambda: store.entity_corrections(doc_id))
        [c] = store.entity_corrections(doc_id)
        assert (c["text"], c["label"], c["origin"], c["annotator"]) == (
            "Pezeshkian", "PERSON", "edited", "tester")
        await until(pilot, lambda: shown(app, REMARKED) == [("Pezeshkian", "PERSON")])
        await pilot.press("u")
        await until(pilot, lambda: shown(app, REMARKED) == [("Pezeshkian", "NORP")])
        await until(pilot, lambda: "undid: entity “Pezeshkian”" in status(app))
        assert store.entity_corrections(doc_id) == []


async def test_E_fixes_boundaries_deletes_and_adds(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        # "Questioning Washington" (PERSON) is really "Washington" (GPE)
        start, _ = select(app, "Washington")
        await pilot.press("E")
        await until(pilot, lambda: isinstance(app.screen, EntityDialog))
        await pilot.press("g", "p", "enter")  # GPE
        await until(pilot, lambda: shown(app, start) == [("Washington", "GPE")])
        assert shown(app, start - len("Questioning ")) == []
        # "first" (ORDINAL) in "must first abandon" is deleted
        first = screen.view.doc.text.index("must first") + 5 if screen.view else 0
        screen.article.move_to(first)
        await pilot.press("E")
        await until(pilot, lambda: isinstance(app.screen, EntityDialog))
        await pilot.press("d", "e", "l", "enter")
        await until(pilot, lambda: shown(app, first) == [])
        # the model's EVENT "the Islamic Revolution, Pezeshkian" gets the selection's bounds
        added, _ = select(app, "Islamic Revolution")
        await pilot.press("E")
        await until(pilot, lambda: isinstance(app.screen, EntityDialog))
        await pilot.press("e", "v", "enter")
        await until(pilot, lambda: ("Islamic Revolution", "EVENT") in shown(app, added))
        rows = {(r["text"], r["label"], r["origin"]) for r in store.entity_corrections(doc_id)}
        assert ("Washington", "GPE", "edited") in rows
        assert ("first", None, "edited") in rows
        assert ("Islamic Revolution", "EVENT", "edited") in rows


async def test_E_adds_a_missing_entity_and_escape_changes_nothing(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        start, _ = select(app, "negotiating table")
        await pilot.press("E")
        await until(pilot, lambda: isinstance(app.screen, EntityDialog))
        await pilot.press("escape")
        await settle(pilot)
        assert store.entity_corrections(doc_id) == []
        select(app, "negotiating table")
        await pilot.press("E")
        await until(pilot, lambda: isinstance(app.screen, EntityDialog))
        await pilot.press("f", "a", "c", "enter")
        await until(pilot, lambda: shown(app, start) == [("negotiating table", "FAC")])
        [c] = store.entity_corrections(doc_id)
        assert (c["origin"], c["label"]) == ("manual", "FAC")


async def test_corrections_are_drawn_on_a_new_analysis(db: tuple[Store, str]) -> None:
    # made earlier (another session), and the analysis is then replaced by a newer one (a
    # new extractor version): the screen still shows the corrected entity
    store, doc_id = db
    store.correct_entity(doc_id, (REMARKED, REMARKED + 10), REMARKED, REMARKED + 10, "PERSON")
    record = store.latest_analysis(store.get_document(doc_id).text_sha256)
    assert record is not None
    store.save_analysis(record, extractor_version="a-newer-rule-set")
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await until(pilot, lambda: shown(app, REMARKED) == [("Pezeshkian", "PERSON")])
