"""The screen items of the second editor trial (issue 12): the library filter takes capitals,
`?` lists only redline's keys, the palette exports every format, the t / i filters outlive the
document screen, an empty library says how to import, an attribution from a sentence with its
quotation marks holds the words inside them, narrow terminals keep q and fold the side panel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pilot_helpers import make, settle, until
from textual.widgets import Input

from annotations.importer import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store
from tui.screens.annotate import AnnotationScreen
from tui.screens.dialogs import AttributionDialog, PromptDialog
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.widgets.library_table import LibraryTable


def titles(app: object) -> list[str]:
    """The library table's title column."""
    table = app.screen.query_one("#documents", LibraryTable)  # type: ignore[attr-defined]
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_a_capital_typed_in_the_library_goes_to_the_filter(db: tuple[Store, str]) -> None:
    store, _ = db
    store_records(store, [ImportRecord(text="Grain prices rose.", source="t", title="Russian grain")])
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"Rus")  # one burst, no pauses, starting in the table
        await settle(pilot)
        assert app.screen.query_one("#filter", Input).value == "Rus"
        assert titles(app) == ["Russian grain"]  # "us" alone also matched the "US pressure" one


async def test_f5_reloads_the_library(db: tuple[Store, str]) -> None:
    store, _ = db
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(titles(app)) == 1
        store_records(store, [ImportRecord(text="Grain prices rose.", source="t", title="Later")])
        await pilot.press("f5")
        await until(pilot, lambda: "Later" in titles(app))


async def test_help_lists_only_what_an_editor_uses(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = app.screen.rows  # type: ignore[attr-defined]
        keys = {k for k, _, _ in rows}
        described = {d for _, d, _ in rows}
        # ScrollView's sideways paging, on an article that wraps, was listed as "Page Left"
        assert not {"ctrl+pageup", "ctrl+pagedown"} & keys
        assert not {"Page Left", "Page Right", "Focus Next", "Focus Previous"} & described
        assert ("tab", "Move to the next pane (article, side panel; filter, table)",
                "annotation") in rows
        assert "Copy the selected text" in described


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "brat"])
async def test_the_palette_exports_every_format(db: tuple[Store, str], tmp_path: Path,
                                                fmt: str) -> None:
    from tui.screens.palette import RedlineCommands

    store, doc_id = db
    store.add_annotation(Annotation("claim", [Span("claim", 0, 13, store.get_document(doc_id).text[:13])],
                                    doc_id=doc_id))
    out = tmp_path / f"out-{fmt}"
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        commands = {name: run for name, run, _ in RedlineCommands(app.screen).commands()}
        commands[f"Export the corpus as {fmt}…"]()
        await until(pilot, lambda: isinstance(app.screen, PromptDialog) and app.screen.query("#value"))
        field = app.screen.query_one("#value", Input)
        assert field.value.endswith(f"redline-{fmt}" + ("" if fmt == "brat" else ".jsonl"))
        field.value = str(out)
        await pilot.press("enter")
        await until(pilot, lambda: out.exists() and not app.workers)
        await settle(pilot)
    if fmt == "brat":
        ann = next(out.glob("*.ann")).read_text(encoding="utf-8")
        assert ann.startswith("T1\tCLAIM 0 13\tThis Thursday")  # the claim, as a brat text-bound annotation
    else:
        line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        key = "spans" if fmt == "prodigy" else "entities"
        assert [s["label"] for s in line[key]] == ["CLAIM"]
        assert "tokens" in line if fmt == "prodigy" else "start_offset" in line[key][0]


async def test_the_suggestion_filters_outlive_the_document_screen(db: tuple[Store, str]) -> None:
    store, _ = db
    app = make(store)

    def shown() -> AnnotationScreen | None:
        screen = app.screen
        ready = isinstance(screen, AnnotationScreen) and screen.view and screen.view.suggestions
        return screen if ready else None  # type: ignore[return-value]

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await until(pilot, shown)
        await pilot.press("i")
        await settle(pilot)
        pending = len(shown().view.pending())  # type: ignore[union-attr]
        await pilot.press("q")  # back to the library: the annotation screen is gone
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("enter")
        await until(pilot, shown)
        view = shown().view  # type: ignore[union-attr]
        assert view.hide_indirect and not view.hide_low
        assert len(view.pending()) == pending
        await pilot.press("i")  # and turned off, it stays off
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("enter")
        await until(pilot, shown)
        assert not shown().view.hide_indirect  # type: ignore[union-attr]


async def test_an_empty_library_says_how_to_import(tmp_path: Path) -> None:
    store = Store(tmp_path / "empty.db", annotator="tester")
    app = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "No documents yet" in screen
        assert "redline --db redline.db import PATH" in screen  # the database this app shows
        assert "press f5" in screen
        assert app.focused is app.screen.query_one("#documents", LibraryTable)  # q still quits
        store_records(store, [ImportRecord(text="Grain prices rose.", source="t", title="Grain")])
        await pilot.press("f5")
        await until(pilot, lambda: titles(app) == ["Grain"])
        assert not app.screen.query_one("#library-empty").display
    store.close()


MARKETS = ("Markets fell on Monday. “We are worried about the rates,” a trader said. "
           "Prices recovered later.")


def unanalysed_doc(store: Store, text: str) -> str:
    """A document with an empty analysis cached: no quotes found, no suggestion under the cursor."""
    from annotations.analysis import extractor_version
    from annotations.nlp.pipeline import model_id_for

    doc_id = store_records(store, [ImportRecord(text=text, source="t", title="Markets")]).added[0]
    doc = store.get_document(doc_id)
    store.save_analysis({"id": doc_id, "text_sha256": doc.text_sha256, "model": model_id_for(None),
                         "entities": [], "quotes": [], "attributions": []},
                        extractor_version=extractor_version())
    return doc_id


async def test_a_on_a_sentence_with_its_quotation_marks_takes_the_words_inside(
        db: tuple[Store, str]) -> None:
    store, _ = db
    doc_id = unanalysed_doc(store, MARKETS)
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnnotationScreen)
        await until(pilot, lambda: screen.view is not None)
        await pilot.press("right_parenthesis", "v", "right_parenthesis")  # the second sentence
        sel = screen.selection
        assert sel is not None and MARKETS[sel[0]:sel[1]].startswith("“We are")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
        dialog = app.screen
        assert isinstance(dialog, AttributionDialog)
        assert dialog.content == "We are worried about the rates,"
        assert dialog.type_ == "direct"  # a quotation, not "mixed"
        await pilot.press("enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
    [ann] = store.annotations(doc_id)
    assert [s.text for s in ann.role("content")] == ["We are worried about the rates,"]
    assert ann.attrs["type"] == "direct"


def test_quotation_content_keeps_what_was_said() -> None:
    from tui.screens.actions import quotation_content

    def words(text: str) -> list[str] | None:
        found = quotation_content(text, (0, len(text)))
        return None if found is None else [text[a:b] for a, b in found]

    assert words("“A,” he said. “B.”") == ["A,", "B."]  # a quote split around its cue
    assert words(" ‘Can’t stop,’ she said.") == ["Can’t stop,"]  # an apostrophe does not close
    assert words('"Straight," he said.') == ["Straight,"]
    assert words("“He said ‘no’ twice,” she said.") == ["He said ‘no’ twice,"]
    assert words("“A paragraph of a quote that goes on") == ["A paragraph of a quote that goes on"]
    assert words("He said “no” today.") is None  # a mixed quotation keeps its words as selected
    assert words("He said “no”") is None  # ... even when it ends on the closing mark
    assert words("rates, it said.”") == ["rates, it said."]  # from inside a quote to its end
    assert words("the players’") is None  # a closing single mark may be an apostrophe


def screen_rows(app: object) -> list[str]:
    """Every row of the screen as text."""
    return [s.text for s in app.screen._compositor.render_strips()]  # type: ignore[attr-defined]


async def test_the_way_out_stays_in_the_footer_at_80_columns(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: "q Back" in screen_rows(app)[-1])
        footer = screen_rows(app)[-1]
        assert footer.rstrip().endswith("? Keys q Back")
        assert "c Claim" in footer and "y Accept" in footer


async def test_a_narrow_terminal_folds_the_side_panel_away(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnnotationScreen)
        side = screen.query_one("#side")
        await until(pilot, lambda: screen.view is not None)
        assert not side.display and screen.article.size.width >= 58  # the article has the room
        assert "q Back" in screen_rows(app)[-1]
        await pilot.press("p")
        await pilot.pause()
        assert side.display and "side panel shown" in screen_rows(app)[-2]
        assert screen.article.size.width < 30
        await pilot.press("p")
        await pilot.pause()
        assert not side.display
        await pilot.resize_terminal(120, 40)  # wide: the panel is back, and p hides it there
        await pilot.pause()
        assert side.display
        await pilot.press("p")
        await pilot.pause()
        assert not side.display
