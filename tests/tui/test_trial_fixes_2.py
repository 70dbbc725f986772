"""Pilot tests of what the second user trial of the annotation screen found wrong.

Each test failed before its fix: a suggestion decided in one window decided again in another,
`a` on an attributed quote adding a second attribution, a corrected suggestion recorded as
`manual`, y/d leaving the next suggestion selected (so c tagged it), and a stale window's edit
of an annotation deleted elsewhere reported as a raw, cut-off id.
"""

from __future__ import annotations

from pilot_helpers import make, settle, until
from test_annotate import SENTENCE, opened, rows, select, status

from annotations.store import Store
from tui.app import RedlineApp
from tui.screens import actions as act
from tui.screens.dialogs import AttributionDialog, ClaimDialog
from tui.widgets.status_bar import StatusBar

FIRST = "a:70-177"  # the first suggestion of the seed (n selects it)


def failures(app: RedlineApp) -> list[str]:
    """The error notifications shown so far."""
    return [n.message for n in app._notifications if " failed: " in n.message]


def other_window(store: Store) -> Store:
    """A second store on the same file, as another window (or annotator) has."""
    return Store(store.path, annotator="bob")


# ------------------------------------------------------- 1. decided in another window
async def test_a_suggestion_decided_in_another_window_is_not_decided_again(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        await pilot.press("n")
        sugg = screen._suggestion_under()
        assert sugg is not None and sugg.key == FIRST
        assert screen.view is not None
        bob = other_window(store)
        try:
            bobs = bob.add_annotation(act.accepted(screen.view.doc, sugg, "bob"),
                                      suggestion_key=FIRST)
        finally:
            bob.close()
        await pilot.press("y")  # this window still shows it pending
        await settle(pilot)
        # y moved on to the next suggestion as it was pressed (keys act in order): back
        await pilot.press("N")
        assert screen._suggestion_under() == sugg
        await pilot.press("d")
        await settle(pilot)
        assert failures(app) == [
            f"{verb} suggestion failed: this suggestion was already accepted elsewhere "
            "(another window or annotator); reload the document (R) to see it"
            for verb in ("accept", "reject")]
        assert [a.id for a in store.annotations(doc_id)] == [bobs.id]  # no duplicate
        assert store.decisions(doc_id) == {FIRST: "accepted"}  # not overwritten
        await pilot.press("R")
        await until(pilot, lambda: "12 pending" in status(app))


# ------------------------------------------------------ 2. a on an attributed quote
async def test_a_on_a_quote_with_an_attribution_edits_it(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        await pilot.press("n", "n", "y")  # the quote "Iran will not surrender …"
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [first] = store.annotations(doc_id)
        for how in ("cursor", "selection"):
            if how == "cursor":
                screen.article.move_to(screen.article.text.index("surrender"))
            else:
                select(app, "will not retreat")
            await pilot.press("a")
            await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
            dialog = app.screen
            assert isinstance(dialog, AttributionDialog)
            assert dialog.title_text == "Edit attribution"
            assert dialog.content.startswith("Iran will not surrender")  # all of its quote
            # under the dialog, the screen's status line says why it is an edit
            assert "already has an attribution: editing it" in (
                screen.query_one(StatusBar).render_plain())
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
        await pilot.press("down", "down", "right", "enter")  # type: direct -> indirect
        await until(pilot, lambda: store.annotations(doc_id)[0].attrs["type"] == "indirect")
        [ann] = store.annotations(doc_id)
        assert ann.id == first.id and ann.origin == "edited"
        assert failures(app) == []


# ------------------------------------------------ 3. a corrected suggestion is edited
async def test_a_suggestion_corrected_through_a_is_recorded_as_edited(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("n", "a")
        await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
        await pilot.press("down", "down", "right", "enter")  # the type corrected
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.origin == "edited"
        assert store.decisions(doc_id) == {FIRST: "accepted"}
        # unchanged, it stays `suggested`
        await pilot.press("n", "a")
        await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
        await pilot.press("enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 2)
        assert sorted(a.origin for a in store.annotations(doc_id)) == ["edited", "suggested"]


# ------------------------------------------------- 4. y/d do not select the next one
async def test_after_y_and_d_the_next_suggestion_is_current_but_not_selected(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("n", "y")
        await until(pilot, lambda: "12 pending" in status(app))
        await settle(pilot)
        assert screen.selection is None
        nxt = screen._suggestion_under()
        assert nxt is not None and nxt.start == 180 and screen.cursor == 180
        assert "accepted: " in status(app)
        assert "; next: Masoud Pezeshkian (he) → emphasized → “Iran will" in status(app)
        await pilot.press("d")  # acts on the suggestion under the cursor
        await until(pilot, lambda: store.decisions(doc_id).get("a:180-270") == "rejected")
        await settle(pilot)
        assert screen.selection is None
        assert "rejected the suggestion; next: " in status(app)
        after = screen._suggestion_under()
        assert after is not None and screen.cursor == after.start == 308
        # c now tags the sentence under the cursor, as it would anywhere, not the suggestion
        # (before, the selection made c claim exactly the next quote)
        await pilot.press("c")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 2)
        claim = next(a for a in store.annotations(doc_id) if a.kind == "claim")
        assert (claim.spans[0].start, claim.spans[0].end) != (after.start, after.end)


# ---------------------------------------------------------- 5. deleted in another window
async def test_editing_an_annotation_deleted_elsewhere_says_so_and_reloads(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        scr = await opened(pilot)
        start, _ = select(app, SENTENCE)
        await pilot.press("c")
        await until(pilot, lambda: any(r.startswith("claim:") for r in rows(app)))
        [claim] = store.annotations(doc_id)
        bob = other_window(store)
        try:
            bob.delete_annotation(claim.id)
        finally:
            bob.close()
        scr.article.move_to(start + 3)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
        await pilot.press("right", "enter")  # check-worthy: no
        await settle(pilot)
        assert failures(app) == [
            "edit claim failed: this annotation was deleted elsewhere (another window or "
            "annotator); the document is reloaded"]
        await until(pilot, lambda: rows(app)[0].startswith("no annotations"))
        assert store.annotations(doc_id) == []

