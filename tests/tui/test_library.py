"""Pilot tests of the library screen: the table, type-to-filter, opening a document."""

from __future__ import annotations

from datetime import datetime, timezone

from pilot_helpers import FIXED_NOW, make, settle, until
from textual.widgets import Input

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.nlp.pipeline import Pipeline
from annotations.store import Store
from tui.screens.annotate import AnnotationScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen, format_when
from tui.widgets.library_table import LibraryTable


def table_rows(app: object) -> list[list[str]]:
    """The library table's cells as text."""
    table = app.screen.query_one("#documents", LibraryTable)  # type: ignore[attr-defined]
    return [table.get_row_at(i) for i in range(table.row_count)]


def add_second(store: Store) -> None:
    """A second, shorter document."""
    store_records(store, [ImportRecord(text="Markets fell. “We are worried,” a trader said.",
                                       source="test", title="Markets slide")])


async def test_library_shows_documents_with_progress(db: tuple[Store, str]) -> None:
    store, _ = db
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert table_rows(app) == [["Iran will not yield to US pressure, Pezeshkian says", "553",
                                    "0", "13", "new", "09:30"]]
        assert "1 of 1 document · 0 done" in str(app.screen.query_one("#library-status")
                                                  .render())


async def test_typing_filters_and_enter_opens(db: tuple[Store, str]) -> None:
    store, doc_id = db
    add_second(store)
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(table_rows(app)) == 2
        assert table_rows(app)[1][3] == "–"  # not analysed yet: pending unknown
        await pilot.press(*"market")
        assert app.screen.query_one("#filter", Input).value == "market"
        assert [r[0] for r in table_rows(app)] == ["Markets slide"]
        await pilot.press("escape")
        assert len(table_rows(app)) == 2
        await pilot.press(*"iran", "enter")
        await until(pilot, lambda: isinstance(app.screen, AnnotationScreen))
        screen = app.screen
        assert isinstance(screen, AnnotationScreen)
        assert screen.doc_id == doc_id
        await until(pilot, lambda: screen.view is not None)


async def test_arrows_and_enter_in_the_table(db: tuple[Store, str], pipeline: Pipeline) -> None:
    store, _ = db
    add_second(store)
    app = make(store, loader=lambda name: pipeline)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, AnnotationScreen))
        screen = app.screen
        assert isinstance(screen, AnnotationScreen)
        await until(pilot, lambda: screen.view is not None)
        assert screen.view is not None and screen.view.doc.title == "Markets slide"


async def test_back_from_a_document_refreshes_the_counts(db: tuple[Store, str]) -> None:
    store, _ = db
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AnnotationScreen))
        screen = app.screen
        assert isinstance(screen, AnnotationScreen)
        await until(pilot, lambda: screen.view is not None and screen.view.suggestions)
        await pilot.press("n", "y")
        await until(pilot, lambda: len(store.annotations(screen.doc_id)) == 1)
        await settle(pilot)
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await until(pilot, lambda: table_rows(app) and table_rows(app)[0][2:5] ==
                    ["1", "12", "in progress"])


async def test_library_help_and_quit(db: tuple[Store, str]) -> None:
    store, _ = db
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {d for _, d, _ in help_screen.rows}
        assert {"Open the document under the cursor", "Quit redline", "Command palette"} <= described
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


def test_format_when_is_relative_to_now() -> None:
    assert format_when("2025-03-14T09:30:00.000Z", FIXED_NOW) == "09:30"
    assert format_when("2025-01-02T09:30:00.000Z", FIXED_NOW) == "Jan 02 09:30"
    assert format_when("2024-01-02T09:30:00.000Z", FIXED_NOW) == "2024-01-02"
    later = datetime(2025, 3, 14, 23, 0, tzinfo=timezone.utc)
    assert format_when("not a time", later) == "not a time"
