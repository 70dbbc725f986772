"""The label scheme and notes in the annotation screen: claim types in the claim dialog, span
labels with L, preset stance targets, notes with w and in the edit dialogs, the panel's ✎."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import make, until
from test_annotate import SENTENCE, opened, rows, select, status
from textual.widgets import Input

from annotations.models import Annotation, Span
from annotations.scheme import parse_scheme
from annotations.store import Store
from tui.screens.annotate import AnnotationScreen
from tui.screens.annotate_dialogs import SpanLabelDialog
from tui.screens.dialogs import ClaimDialog, PromptDialog, StanceDialog
from tui.widgets.article_view import ArticleView
from tui.widgets.choice_row import ChoiceRow

SCHEME = {"claim_types": ["statistic", "opinion"],
          "span_labels": ["anonymous source", "loaded language"],
          "stance_targets": ["sanctions policy"]}


@pytest.fixture
def schemed(db: tuple[Store, str]) -> tuple[Store, str]:
    store, doc_id = db
    store.set_label_scheme(parse_scheme(SCHEME))
    return store, doc_id


async def test_the_claim_dialog_offers_the_claim_types(schemed: tuple[Store, str]) -> None:
    store, doc_id = schemed
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
        row = app.screen.query_one("#claim-type", ChoiceRow)
        assert row.choices == ["(none)", "statistic", "opinion"]
        await pilot.press("right", "right", "enter")  # (none) -> statistic -> opinion
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert (ann.kind, ann.attrs) == ("claim", {"checkworthy": "yes", "type": "opinion"})
        await until(pilot, lambda: rows(app)[0].startswith("claim (opinion): “He further"))


async def test_without_claim_types_c_tags_at_once_as_before(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        assert isinstance(app.screen, AnnotationScreen)
        assert store.annotations(doc_id)[0].attrs == {"checkworthy": "yes"}


async def test_L_tags_the_selection_with_a_chosen_span_label(schemed: tuple[Store, str]) -> None:
    store, doc_id = schemed
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(app, "hostile policies")
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, SpanLabelDialog))
        assert app.screen.query_one("#span-label", ChoiceRow).choices == SCHEME["span_labels"]
        await pilot.press("right", "enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.kind == "label" and ann.attrs == {"label": "loaded language"}
        assert [(s.role, s.text) for s in ann.spans] == [("span", "hostile policies")]
        await until(pilot, lambda: rows(app)[0] == "[loaded language] “hostile policies”")
        screen = app.screen
        assert isinstance(screen, AnnotationScreen)
        assert "label" in {h.kind for h in screen.highlights}


async def test_L_without_span_labels_says_how_to_add_them(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(app, "hostile policies")
        await pilot.press("L")
        await until(pilot, lambda: "redline labels set" in status(app))
        assert isinstance(app.screen, AnnotationScreen)
        assert store.annotations(doc_id) == []


async def test_w_writes_a_note_and_the_panel_marks_it(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        start, _ = select(app, SENTENCE)
        await pilot.press("c")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        app.screen.query_one(ArticleView).move_to(start + 3)
        await pilot.pause()
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, PromptDialog))
        await pilot.press(*"ask the desk", "enter")
        await until(pilot, lambda: store.annotations(doc_id)[0].attrs.get("note") == "ask the desk")
        await until(pilot, lambda: rows(app)[0].startswith("✎ claim: “He further"))
        # the status line reads the note of the annotation under the cursor
        app.screen.query_one(ArticleView).move_to(start + 12)
        await until(pilot, lambda: "note: ask the desk  (manual, tester)" in status(app))
        # the edit dialog shows the note, and emptying it there removes it
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
        field = app.screen.query_one("#note", Input)
        assert field.value == "ask the desk"
        field.value = ""
        await pilot.press("enter")
        await until(pilot, lambda: "note" not in store.annotations(doc_id)[0].attrs)
        await until(pilot, lambda: rows(app)[0].startswith("claim: “He further"))
        await pilot.press("u")  # undo brings the note back
        await until(pilot, lambda: store.annotations(doc_id)[0].attrs.get("note") == "ask the desk")


async def test_editing_a_stance_keeps_its_note(db: tuple[Store, str]) -> None:
    """The stance dialog rebuilt the attributes from its fields alone: e then Enter lost the
    note (and a review's adjudicated_from)."""
    store, doc_id = db
    text = store.get_document(doc_id).text
    start = text.index(SENTENCE)
    store.add_annotation(Annotation("stance", [Span("stance", start, start + len(SENTENCE),
                                                    SENTENCE)],
                                    {"polarity": "against", "note": "tone?",
                                     "adjudicated_from": "alice"}, doc_id=doc_id))
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await until(pilot, lambda: rows(app)[0].startswith("✎ "))
        app.screen.query_one(ArticleView).move_to(start + 3)
        await pilot.pause()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, StanceDialog))
        assert app.screen.query_one("#note", Input).value == "tone?"
        await pilot.press("right", "enter")  # against -> none
        await until(pilot, lambda: store.annotations(doc_id)[0].attrs.get("polarity") == "none")
        assert store.annotations(doc_id)[0].attrs == {"polarity": "none", "note": "tone?",
                                                      "adjudicated_from": "alice"}


async def test_the_stance_dialog_offers_preset_targets_first(schemed: tuple[Store, str]) -> None:
    store, doc_id = schemed
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StanceDialog))
        targets = app.screen.query_one("#target", ChoiceRow)
        assert targets.choices[0] == "sanctions policy (preset)"
        assert any("Iran" in c for c in targets.choices[1:])
        targets.focus()
        await pilot.press("right", "enter")  # from (none), wrapping round to the preset
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.attrs.get("target_text") == "sanctions policy" and not ann.role("target")


def test_e_in_the_review_edits_a_span_label_with_every_annotators_label(
        tmp_path: Path) -> None:
    """The review's edit dialog for a span label offers both annotators' labels (it fell through
    to the attribution dialog, which cannot hold a span label)."""
    from annotations.formats.registry import ImportRecord
    from annotations.ingest import store_records
    from annotations.review import Review
    from tui.screens.review_edit import edit_dialog

    text = "A source close to the mayor called it a disgraceful waste."
    words = Span("span", 0, 27, "A source close to the mayor")
    dbs = []
    for name, label in (("alice", "anonymous source"), ("bob", "loaded language")):
        db = tmp_path / f"{name}.db"
        with Store(db, annotator=name) as store:
            [doc] = store_records(store, [ImportRecord(text=text, source="t", id="d1")]).added
            store.add_annotation(Annotation("label", [words], {"label": label}, doc_id=doc))
        dbs.append(db)
    with Store(tmp_path / "gold.db", annotator="judge") as gold:
        review = Review.open(dbs, gold)
        [case] = review.cases
        [alices] = case.versions[0]
        dialog, answer = edit_dialog(case, review.names, alices)
        assert isinstance(dialog, SpanLabelDialog)
        assert dialog.labels == ["anonymous source", "loaded language"]
        edited = answer(("loaded language", None))
        assert edited is not None and edited.attrs == {"label": "loaded language"}
        assert [(s.role, s.text) for s in edited.spans] == [("span", "A source close to the mayor")]


async def test_a_scheme_set_meanwhile_shows_in_the_next_document(db: tuple[Store, str]) -> None:
    from annotations.formats.registry import ImportRecord
    from annotations.ingest import store_records

    store, doc_id = db
    store_records(store, [ImportRecord(text="Officials said the plan is wise.", source="t",
                                       id="zz-second", title="Second")])
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        assert screen.label_scheme.span_labels == ()
        store.set_label_scheme(parse_scheme(SCHEME))  # `redline labels set` in another terminal
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: screen.view is not None and screen.view.doc.id == "zz-second")
        await until(pilot, lambda: screen.label_scheme.span_labels == tuple(SCHEME["span_labels"]))
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, SpanLabelDialog))
