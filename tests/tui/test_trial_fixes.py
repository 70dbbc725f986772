"""Pilot tests of what a new user's trial of the annotation screen found wrong.

Each test failed before its fix: keys typed in one burst after `/`, search hits that became the
selection, stance targets inside the sentence left out, marks with no way to clear them, a blind
undo, a failed worker reported twice, a stale loading note, and "1 hits".
"""

from __future__ import annotations

import threading
from typing import Any

from pilot_helpers import make, settle, until
from test_annotate import QUOTE, SENTENCE, kinds, opened, rows, select, status
from test_library import add_second
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Label

from annotations.store import Store
from tui.app import RedlineApp
from tui.screens import actions as act
from tui.screens.dialogs import StanceDialog
from tui.widgets.library_table import LibraryTable
from tui.widgets.search_bar import SearchBar
from tui.widgets.side_panel import SidePanel

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


# ------------------------------------------------------------------------------ 2. search
async def test_enter_walks_the_hits_without_selecting_and_escape_stays_on_the_hit(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        text = screen.article.text
        bar = screen.query_one(SearchBar)
        first = text.index("Tehran")
        second = text.index("Tehran", first + 1)
        await pilot.press("slash", *"tehran", "enter")
        assert (screen.cursor, screen.selection) == (first, None)
        assert "hit 1 of 2" in status(app)
        assert app.focused is bar and bar.display  # open for the next Enter
        assert kinds(app) >= {"search"}  # every hit still lit
        await pilot.press("enter")
        assert (screen.cursor, screen.selection) == (second, None)
        assert "hit 2 of 2" in status(app)
        await pilot.press("enter")  # wraps around
        assert (screen.cursor, screen.selection) == (first, None)
        assert "hit 1 of 2" in status(app)
        await pilot.press("escape")
        assert not bar.display and app.focused is screen.article
        assert (screen.cursor, screen.selection) == (first, None)
        assert "search" not in kinds(app)


async def test_a_hit_is_not_what_s_tags(db: tuple[Store, str]) -> None:
    """The trial: `/He called` Enter, then s, made a stance on just "He called"."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("slash", *"He called", "enter", "escape", "s")
        await until(pilot, lambda: isinstance(app.screen, StanceDialog))
        await pilot.press("enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.role("stance")[0].text == (
            "He called for an end to Washington’s duplicity in dealing with Iran.")
        assert screen.selection is None


async def test_m_on_a_hit_marks_the_name_under_the_cursor(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        text = screen.article.text
        await pilot.press("slash", *"pezeshkian", "enter", "escape", "m")
        start = text.index("Masoud Pezeshkian")  # the entity, not just the word searched for
        assert screen.marked == [(start, start + len("Masoud Pezeshkian"))]
        assert "marked “Masoud Pezeshkian”" in status(app)
        await pilot.press("slash", *"firmly", "enter", "escape", "m")  # no entity: the word
        word = text.index("firmly")
        assert screen.marked[-1] == (word, word + len("firmly"))


# --------------------------------------------------------------------- 3. stance targets
async def test_stance_targets_start_with_the_names_inside_the_sentence(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        sentence = "He called for an end to Washington’s duplicity in dealing with Iran."
        start = screen.article.text.index(sentence)
        screen.article.select_range(start, start + len(sentence))
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StanceDialog))
        dialog = app.screen
        assert isinstance(dialog, StanceDialog)
        labels = [c.label for c in dialog.targets]
        assert labels[:2] == ["Washington (GPE)", "Iran (GPE)"], labels
        assert labels[-1] == "(none)" and len(labels) == len(set(labels))
        # to the target row; from its default, (none), one step right wraps to the first
        await pilot.press("down", "down", "right", "enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        [target] = ann.role("target")
        assert target.start == start + sentence.index("Washington")


# --------------------------------------------------------------------------- 4. marks
async def test_escape_clears_the_selection_then_the_marks(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        select(app, "his predecessor")
        await pilot.press("m")
        select(app, "Masoud Pezeshkian")
        await pilot.press("m")
        assert len(screen.marked) == 2 and "2 marked (esc clears)" in status(app)
        select(app, SENTENCE)
        await pilot.press("escape")  # first the selection
        assert screen.selection is None and len(screen.marked) == 2
        await pilot.press("escape")  # then the marks, saying so
        assert screen.marked == [] and "marked" not in status(app).splitlines()[0]
        assert "cleared 2 marks" in status(app)
        assert "source" not in kinds(app)
        await pilot.press("escape")  # nothing left: nothing happens
        assert screen.marked == [] and app.screen is screen


# ---------------------------------------------------------------------------- 5. undo
def on_screen(screen: Any, offset: int) -> bool:
    """True if the article shows the row holding `offset`."""
    article = screen.article
    [line] = [i for i in range(article.line_count)
              if article.line_span(i)[0] <= offset < max(article.line_span(i)[1],
                                                         article.line_span(i)[0] + 1)]
    top = article.scroll_offset.y
    return bool(top <= line < top + article.scrollable_content_region.height)


async def claim_then_go_to_the_end(pilot: Pilot[Any], store: Store, doc_id: str,
                                   *texts: str) -> int:
    """Tag each of `texts` as a claim (each stored), then put the cursor on the article's last
    word, far from them; where the first one starts."""
    app = pilot.app
    assert isinstance(app, RedlineApp)
    starts = []
    for i, text in enumerate(texts, 1):
        starts.append(select(app, text)[0])
        await pilot.press("c")
        await until(pilot, lambda n=i: len(store.annotations(doc_id)) == n)
        await settle(pilot)
    await pilot.press("G")
    await settle(pilot)
    return starts[0]


async def test_undo_and_redo_name_the_change_and_go_to_it(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(100, 16)) as pilot:
        screen = await opened(pilot)
        start = await claim_then_go_to_the_end(pilot, store, doc_id, SENTENCE)
        assert not on_screen(screen, start)
        await pilot.press("u")
        await until(pilot, lambda: store.annotations(doc_id) == [])
        await settle(pilot)
        assert "undid: add claim “He further declared" in status(app)
        assert screen.cursor == start and on_screen(screen, start)
        await pilot.press("G")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        await settle(pilot)
        assert "redid: add claim “He further declared" in status(app)
        assert screen.cursor == start and on_screen(screen, start)


async def test_undo_of_a_rejection_names_it_and_goes_to_the_suggestion(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(100, 16)) as pilot:
        screen = await opened(pilot)
        await pilot.press("n")
        await settle(pilot)
        sugg = screen.selection
        assert sugg is not None
        await pilot.press("d")
        await until(pilot, lambda: store.decisions(doc_id) != {})
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert not on_screen(screen, sugg[0])
        await pilot.press("u")
        await until(pilot, lambda: store.decisions(doc_id) == {})
        await settle(pilot)
        assert "undid: reject suggestion" in status(app)
        assert screen.cursor == sugg[0] and on_screen(screen, sugg[0])


def test_journal_change_names_edits_deletions_and_status() -> None:
    stance = {"kind": "stance", "spans": [{"role": "holder", "start": 0, "end": 2, "text": "He"},
                                          {"role": "stance", "start": 0, "end": 9,
                                           "text": "He agreed"}]}
    edit = {"op": "update", "changes": [{"table": "annotation", "key": "x",
                                         "before": stance, "after": stance}]}
    assert act.journal_change(edit) == ("edit stance “He agreed”", 0)
    gone = {"op": "delete", "changes": [{"table": "annotation", "key": "x",
                                         "before": stance, "after": None}]}
    assert act.journal_change(gone)[0] == "delete stance “He agreed”"
    status_ = {"op": "status", "changes": [{"table": "status", "key": "d",
                                            "before": "in progress", "after": "done"}]}
    assert act.journal_change(status_) == ("status in progress → done", None)


def test_journal_change_finds_a_decided_suggestion_by_its_key() -> None:
    sugg = act.Suggestion("q:quote-7", "direct", ((40, 52),), None, None, "", 0.9)
    reject = {"op": "reject", "changes": [{"table": "decision", "key": "doc\x00q:quote-7",
                                          "before": None, "after": {"decision": "rejected"}}]}
    assert act.journal_change(reject, [sugg]) == ("reject suggestion", 40)
    # a suggestion the view does not hold (another analysis): no place to go
    assert act.journal_change(reject, []) == ("reject suggestion", None)


# 6. one error notice: test_annotate.py, test_a_failing_worker_is_reported_on_screen


# --------------------------------------------------------------- 7. the analysing note
async def test_the_analysing_note_does_not_claim_spacy_is_loading(
        db: tuple[Store, str], pipeline: Any) -> None:
    store, doc_id = db
    with store._write() as w:
        w.conn.execute("DELETE FROM analyses")
    release = threading.Event()

    def held_loader(name: str | None) -> Any:
        assert release.wait(10)
        return pipeline

    app = make(store, doc_id, loader=held_loader)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "analysing" in status(app))
        assert "analysing… (the keys keep working)" in status(app)
        # spaCy loads once: from the second document on, "loading spaCy" would be false
        assert "spaCy" not in status(app)
        release.set()
        await until(pilot, lambda: "analysing" not in status(app))


# ------------------------------------------------------------------------- 8. plurals
async def test_counts_of_one_are_singular(db: tuple[Store, str]) -> None:
    from tui.screens.palette import RedlineCommands

    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await until(pilot, lambda: "1 annotation ·" in status(app))
        await pilot.press("slash", *"hostile")
        assert "1 hit for “hostile”" in status(app) and "· 1 hit" in status(app)
        assert "1 hits" not in status(app) and "1 annotations" not in status(app)
        provider = RedlineCommands(screen)
        provider.rows = store.library()
        [opener] = [text for name, _, text in provider.commands() if name.startswith("Open:")]
        assert opener.endswith("· 1 annotation")
        await pilot.press("escape")
        await pilot.press("q")
        await until(pilot, lambda: "1 of 1 document ·" in str(
            app.screen.query_one("#library-status", Label).render()))


async def test_the_palette_search_opens_the_field_even_from_the_field(
        db: tuple[Store, str]) -> None:
    """/ in the field types a /; the palette's "Search the text" must not fail there."""
    from tui.screens.palette import RedlineCommands

    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("slash", "a", "slash")
        bar = screen.query_one(SearchBar)
        assert bar.value == "a/" and app.focused is bar
        provider = RedlineCommands(screen)
        [hit] = [h async for h in provider.search("Search the text")
                 if str(h.text) == "Search the text"]
        hit.command()  # what the palette runs when the command is chosen
        await settle(pilot)
        assert app.focused is bar and app.screen is screen and bar.value == "a/"


# ------------------------------------------------------------------ 9. library columns
async def test_the_status_column_fits_every_status_when_all_are_new(
        db: tuple[Store, str]) -> None:
    store, _ = db
    add_second(store)
    app = make(store)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(LibraryTable)
        assert {row[4] for row in (table.get_row_at(i) for i in range(table.row_count))} == {"new"}
        widths = {c.key: w for _, c, w in table.column_layout(table.scrollable_content_region.width)}
        assert widths["status"] >= len("in progress")
        assert widths["edited"] >= len("Mar 02 14:03")
        header = table.render_line(0).text  # drawn with that width, though every status is new
        assert header.index("Last edit") - header.index("Status") >= len("in progress") + 2


async def test_the_empty_side_panel_says_how_to_tag_in_whole_lines(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(80, 24)) as pilot:  # the narrowest panel
        await opened(pilot)
        await settle(pilot)
        panel = app.screen.query_one(SidePanel)
        [prompt] = rows(app)
        lines = prompt.splitlines()
        shown = [panel.render_line(y).text.rstrip() for y in range(len(lines))]
        assert shown == [line.rstrip() for line in lines]  # not one wrapped
        assert "c  claim" in prompt and "s  stance" in prompt and "a  attribution" in prompt


async def test_a_move_typed_after_u_wins_over_where_the_undo_goes(
        db: tuple[Store, str]) -> None:
    """`u` then `g` before the undo is committed: the cursor stays where g put it (the undo's
    jump, arriving later, used to pull it back), and the status line still names the undo."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(100, 16)) as pilot:
        screen = await opened(pilot)
        start = await claim_then_go_to_the_end(pilot, store, doc_id, SENTENCE)
        held = threading.Event()
        app.writes.submit(lambda: held.wait(10))  # the undo queues behind this one
        await pilot.press("u")
        await pilot.press("g")  # to the top, while the undo waits its turn
        top = screen.cursor
        assert top != start
        held.set()
        await until(pilot, lambda: store.annotations(doc_id) == [])
        await settle(pilot)
        assert "undid: add claim" in status(app)
        assert screen.cursor == top


async def test_u_u_before_either_commits_goes_to_each_undone_change_in_turn(
        db: tuple[Store, str]) -> None:
    """Two undos behind a slow write: the first one's jump is not an editor's move, so the
    second still jumps (it ends where typing u, u one by one ends); a move after them wins."""
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(100, 16)) as pilot:
        screen = await opened(pilot)
        first = await claim_then_go_to_the_end(pilot, store, doc_id, SENTENCE, QUOTE)
        held = threading.Event()
        app.writes.submit(lambda: held.wait(10))
        await pilot.press("u")
        await pilot.press("u")
        held.set()
        await until(pilot, lambda: store.annotations(doc_id) == [])
        await settle(pilot)
        assert screen.cursor == first
        # and a move that comes back where it was still counts as a move: u l h stays put
        await pilot.press("ctrl+r")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        end = screen.cursor
        held.clear()
        app.writes.submit(lambda: held.wait(10))
        await pilot.press("u")
        await pilot.press("h", "l")
        held.set()
        await until(pilot, lambda: store.annotations(doc_id) == [])
        await settle(pilot)
        assert screen.cursor == end
