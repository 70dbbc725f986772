"""What the annotation screen refuses or asks before writing (the third trial).

`c` twice on one sentence stored two identical claims without a word, and `D` marked a document
done with suggestions still pending. Now an annotation identical to one already stored (same
kind, role spans and attributes, by the same annotator) is refused with a note, for every kind and
every way in (c, the stance and attribution dialogs, accepting a suggestion, an edit), and D asks
first.
"""

from __future__ import annotations

from pilot_helpers import make, settle, until
from test_annotate import SENTENCE, opened, select, status
from test_keys_in_order import burst
from test_trial_fixes_2 import failures

from annotations.models import Annotation, Span
from annotations.store import Store
from tui.screens import actions as act
from tui.screens.dialogs import ClaimDialog, ConfirmDialog, StanceDialog
from tui.widgets.choice_row import ChoiceRow


def _kinds(store: Store, doc_id: str) -> list[str]:
    return sorted(a.kind for a in store.annotations(doc_id))


# ------------------------------------------------------------------- identical annotations
async def test_c_twice_on_one_sentence_stores_one_claim_and_says_why(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await settle(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await settle(pilot)
        assert _kinds(store, doc_id) == ["claim"]
        assert "not added: an identical claim is already there (manual, tester)" in status(app)
        assert "1 annotation ·" in status(app)
        assert failures(app) == []


async def test_c_c_in_one_burst_stores_one_claim(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        screen.article.move_to(screen.article.text.index(SENTENCE) + 5)
        await burst(pilot, "c", "c")
        assert [a.spans[0].text for a in store.annotations(doc_id)] == [SENTENCE]
        assert "not added: an identical claim" in status(app)


async def test_an_identical_stance_is_refused_a_different_one_is_not(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        for keys, want in ((["enter"], 1), (["enter"], 1), (["right", "enter"], 2)):
            select(app, SENTENCE)
            await pilot.press("s")
            await until(pilot, lambda: isinstance(app.screen, StanceDialog))
            await pilot.press(*keys)  # as proposed, the same again, then against
            await settle(pilot)
            assert _kinds(store, doc_id) == ["stance"] * want
        polarities = sorted(a.attrs["polarity"] for a in store.annotations(doc_id))
        assert polarities == ["against", "favor"]
        assert failures(app) == []


async def test_accepting_a_suggestion_identical_to_a_stored_attribution_is_refused(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        first = screen.view.pending()[0]
        # the same frame, made earlier by the same editor in another window
        store.add_annotation(act.accepted(screen.view.doc, first, "tester"))
        await pilot.press("n", "y")
        await settle(pilot)
        assert len(store.annotations(doc_id)) == 1
        assert first.key not in store.decisions(doc_id)
        assert "not accepted: an identical attribution is already there" in status(app)


async def test_an_edit_that_would_make_two_claims_identical_is_refused(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    text = store.get_document(doc_id).text
    start = text.index(SENTENCE)
    span = Span("claim", start, start + len(SENTENCE), SENTENCE)
    worthy = store.add_annotation(Annotation("claim", [span], {"checkworthy": "yes"},
                                             doc_id=doc_id))
    unworthy = store.add_annotation(Annotation("claim", [span], {"checkworthy": "no"},
                                               doc_id=doc_id))
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        screen.article.move_to(start + 3)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
        row = app.screen.query_one("#checkworthy", ChoiceRow)
        await pilot.press("right" if row.index == 0 else "left", "enter")
        await settle(pilot)
        stored = {a.id: a.attrs["checkworthy"] for a in store.annotations(doc_id)}
        assert stored == {worthy.id: "yes", unworthy.id: "no"}
        assert "not changed: an identical claim is already there" in status(app)


async def test_another_annotators_identical_claim_is_not_a_duplicate(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    text = store.get_document(doc_id).text
    start = text.index(SENTENCE)
    store.add_annotation(Annotation("claim", [Span("claim", start, start + len(SENTENCE),
                                                   SENTENCE)], doc_id=doc_id, annotator="bob"))
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await settle(pilot)
        assert sorted(a.annotator for a in store.annotations(doc_id)) == ["bob", "tester"]
        assert "claim added" in status(app)


# --------------------------------------------------------------------------- D asks first
async def test_d_with_pending_suggestions_says_how_many_and_asks(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question == "13 suggestions still pending. Mark the document done anyway?"
        await pilot.press("n")  # no: nothing changes
        await settle(pilot)
        assert store.get_document(doc_id).status != "done"
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await settle(pilot)
        assert store.get_document(doc_id).status == "done"
        assert "document marked done" in status(app)
        await pilot.press("D")  # back to in progress: nothing to ask
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert store.get_document(doc_id).status == "in progress"


async def test_d_counts_hidden_suggestions_and_enter_confirms(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        indirect = sum(s.type == "indirect" for s in screen.view.pending())
        assert indirect
        await pilot.press("i", "n", "y", "D")  # hide indirect speech, accept one, then D
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question.startswith(f"12 suggestions still pending ({indirect} hidden")
        await pilot.press("enter")
        await settle(pilot)
        assert store.get_document(doc_id).status == "done"


async def test_d_with_nothing_pending_marks_done_at_once(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        assert screen.view is not None
        for sugg in screen.view.pending():
            store.reject_suggestion(doc_id, sugg.key)
        await pilot.press("R")
        await until(pilot, lambda: "0 pending" in status(app))
        await pilot.press("D")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert store.get_document(doc_id).status == "done"
