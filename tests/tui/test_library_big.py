"""The library at scale and its tools: a table that formats only the rows on screen, the filter
that searches texts too (FTS5), and deleting a document to the trash from the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_helpers import make, settle, until
from textual.widgets import Input

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import now_iso, sha256
from annotations.store import Store
from tui.screens.annotate import AnnotationScreen
from tui.screens.dialogs import ConfirmDialog
from tui.screens.library import LibraryScreen
from tui.screens.library_data import FIRST_ROWS, LibraryRows
from tui.widgets.library_table import LibraryTable


def many(store: Store, n: int) -> None:
    """`n` short documents in one write (an import would analyse each)."""
    stamp = now_iso()
    rows = [(f"doc{i:05d}", f"Report {i:05d}", f"Text {i}.", sha256(f"Text {i}."), i + 1, stamp,
             stamp) for i in range(n)]
    with store._write() as db:
        db.conn.executemany("INSERT INTO documents (id, title, text, text_sha256, position,"
                            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def table(app: Any) -> LibraryTable:
    """The library's table."""
    return app.screen.query_one("#documents", LibraryTable)  # type: ignore[no-any-return]


def drawn(app: Any) -> str:
    """The screen as text."""
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


def status(app: Any) -> str:
    """The library's status line."""
    return str(app.screen.query_one("#library-status").render())


async def test_a_big_library_formats_only_the_rows_on_screen(tmp_path: Path) -> None:
    store = Store(tmp_path / "big.db", annotator="tester")
    many(store, 3000)
    app = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert table(app).row_count == 3000
        assert "3000 of 3000 documents" in status(app)
        formatted: list[str] = []
        cells = screen.cells

        def counting(row: dict[str, Any]) -> list[str]:
            formatted.append(row["id"])
            return cells(row)

        table(app)._cells = counting
        await pilot.press("end")
        await settle(pilot)
        assert "Report 02999" in drawn(app)
        assert table(app).current_key == "doc02999"
        # a screenful (and a line or two redrawn), not the library
        assert 0 < len(set(formatted)) <= 30
        await pilot.press("pageup", "up")
        assert table(app).cursor_row == 2999 - (table(app).scrollable_content_region.height - 2) - 1
        await pilot.press("home", "down", "enter")
        await until(pilot, lambda: isinstance(app.screen, AnnotationScreen))
        assert app.screen.doc_id == "doc00001"  # type: ignore[attr-defined]
    store.close()


async def test_the_first_screenful_never_replaces_the_whole_library(tmp_path: Path) -> None:
    store = Store(tmp_path / "big.db", annotator="tester")
    many(store, FIRST_ROWS + 50)
    app = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.complete
        # a first screenful arriving late (its worker was slower) must not cut the rows
        screen.post_message(LibraryRows(screen.rows[:FIRST_ROWS], total=FIRST_ROWS + 50,
                                        complete=False))
        await settle(pilot)
        assert table(app).row_count == FIRST_ROWS + 50
        assert "loading" not in status(app)
    store.close()


def articles(store: Store) -> None:
    """Three documents: one about harbours by its title, two by their text only."""
    store_records(store, [
        ImportRecord(text="The council met on Monday.", source="t", title="Harbour dues rise"),
        ImportRecord(text="Fishermen said the harbour was silting up.", source="t",
                     title="Coastal towns"),
        ImportRecord(text="Grain prices rose.", source="t", title="Markets"),
        ImportRecord(text="The old harbour and the new harbour both closed.", source="t",
                     title="Weather"),
    ])


async def test_the_filter_finds_texts_after_titles(tmp_path: Path) -> None:
    store = Store(tmp_path / "fts.db", annotator="tester")
    articles(store)
    app = make(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour")
        await until(pilot, lambda: table(app).row_count == 3)
        titles = [table(app).get_row_at(i)[0] for i in range(3)]
        # the title match first, then the texts, best first (two mentions beat one)
        assert titles == ["Harbour dues rise", "Weather · in the text",
                          "Coastal towns · in the text"]
        assert "1 of 4 documents · 2 more by their text" in status(app)
        await pilot.press("escape")
        await until(pilot, lambda: table(app).row_count == 4)
        assert all("in the text" not in table(app).get_row_at(i)[0] for i in range(4))
    store.close()


async def test_a_malformed_search_is_one_line_and_titles_still_filter(tmp_path: Path) -> None:
    store = Store(tmp_path / "fts.db", annotator="tester")
    articles(store)
    app = make(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"harb", "quotation_mark")
        await until(pilot, lambda: "text search:" in status(app))
        line = status(app)
        assert "is not a search query" in line and "\n" not in line
        assert "Traceback" not in drawn(app)
        assert app.screen.query_one("#filter", Input).value == 'harb"'
        await pilot.press("backspace")  # the title filter never stopped working
        await until(pilot, lambda: "text search:" not in status(app))
        assert table(app).get_row_at(0)[0] == "Harbour dues rise"
        assert app.is_running
    store.close()


async def test_delete_asks_then_moves_the_document_to_the_trash(db: tuple[Store, str]) -> None:
    store, doc_id = db
    store_records(store, [ImportRecord(text="Grain prices rose.", source="t", title="Grain")])
    app = make(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert table(app).current_key == doc_id
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "redline restore" in drawn(app)
        await pilot.press("n")  # no: nothing moves
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await settle(pilot)
        assert len(store.library()) == 2 and store.trash() == []
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: store.trash() != [])
        await settle(pilot)
        assert [r["doc_id"] for r in store.trash()] == [doc_id]
        assert [r["title"] for r in store.library()] == ["Grain"]
        assert [table(app).get_row_at(i)[0] for i in range(table(app).row_count)] == ["Grain"]
        # the notice says how to get it back
        assert any(f"redline restore {doc_id}" in n.message for n in app._notifications)
    store.close()


def test_the_title_filter_needs_every_word_and_keeps_library_order() -> None:
    from tui.screens.library_data import prepare, title_matches

    rows = prepare([{"id": f"d{i}", "title": t, "status": "new"} for i, t in enumerate(
        ["Harbour dues rise", "Dues for the old harbour", "Harbour closed", "Dues"])])
    assert [r["id"] for r in title_matches(rows, "dues HARBOUR")] == ["d0", "d1"]
    assert [r["id"] for r in title_matches(rows, "harb")] == ["d0", "d1", "d2"]
    assert title_matches(rows, "  ") == rows
    assert [r["id"] for r in title_matches(rows, "d3 new")] == ["d3"]  # ids and statuses too


async def test_clearing_the_filter_keeps_the_cursor_row_in_view(tmp_path: Path) -> None:
    store = Store(tmp_path / "big.db", annotator="tester")
    many(store, 3000)
    app = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"02999")
        await until(pilot, lambda: table(app).row_count == 1)
        await pilot.press("escape")
        await until(pilot, lambda: table(app).row_count == 3000)
        await settle(pilot)
        assert table(app).current_key == "doc02999"
        assert "Report 02999" in drawn(app)  # scrolled to it, not left at the top
        assert "Report 00000" not in drawn(app)
    store.close()


async def test_deleting_a_document_gone_meanwhile_is_one_line(db: tuple[Store, str]) -> None:
    """Another process deleted it between the question and the answer: one error line, no
    traceback, and the app goes on."""
    store, doc_id = db
    app = make(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        store.delete_documents([doc_id])  # as `redline delete` in another terminal
        await pilot.press("y")
        await until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        [error] = [n.message for n in app._notifications if n.severity == "error"]
        assert f"no document '{doc_id}'" in error and "\n" not in error
        assert "Traceback" not in drawn(app) and app.is_running
    store.close()
