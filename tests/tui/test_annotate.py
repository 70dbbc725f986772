"""Pilot tests of the annotation screen: every key path, checked in the database and on screen."""

from __future__ import annotations

import threading
from typing import Any

from pilot_helpers import make, settle, until
from textual.message import Message

from annotations.analysis import extractor_version
from annotations.models import Annotation, Span
from annotations.nlp.pipeline import NO_MODEL_WARNING, Pipeline
from annotations.store import Store
from tui.app import RedlineApp
from tui.messages import AnalysisLoaded, StateLoaded
from tui.screens.annotate import AnnotationScreen
from tui.screens.dialogs import AttributionDialog, ClaimDialog, ConfirmDialog, StanceDialog
from tui.screens.help import HelpScreen, own_bindings
from tui.screens.library import LibraryScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.side_panel import SidePanel
from tui.widgets.status_bar import StatusBar

SENTENCE = "He further declared that any nation seeking negotiations with Iran must first abandon " \
           "hostile policies."
QUOTE = "Iran will not surrender to threats and will not retreat in the face of external pressures,"


def scr(app: RedlineApp) -> AnnotationScreen:
    """The annotation screen on top."""
    assert isinstance(app.screen, AnnotationScreen), app.screen
    return app.screen


def status(app: RedlineApp) -> str:
    """Both lines of the status bar as plain text."""
    return app.screen.query_one(StatusBar).render_plain()


def rows(app: RedlineApp) -> list[str]:
    """The side panel's rows."""
    panel = app.screen.query_one(SidePanel)
    return [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]


def kinds(app: RedlineApp) -> set[str]:
    """The highlight kinds currently drawn in the article."""
    return {h.kind for h in scr(app).highlights}


def select(app: RedlineApp, text: str) -> tuple[int, int]:
    """Select the first occurrence of `text` in the article (as a drag or shift+keys would)."""
    article = app.screen.query_one(ArticleView)
    start = article.text.index(text)
    article.select_range(start, start + len(text))
    return start, start + len(text)


async def opened(pilot: Any) -> AnnotationScreen:
    """Wait until the document and its analysis are on screen."""
    await settle(pilot)
    screen = scr(pilot.app)
    await until(pilot, lambda: screen.view is not None and screen.view.suggestions)
    return screen


# ------------------------------------------------------------------------------ start-up
async def test_cached_analysis_shows_at_once_without_loading_spacy(db: tuple[Store, str]) -> None:
    store, doc_id = db
    loads: list[str | None] = []

    def loader(name: str | None) -> Pipeline:
        loads.append(name)
        raise AssertionError("a cached document must not load spaCy")

    app = make(store, doc_id, loader=loader)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        assert loads == []
        assert {"entity:PERSON", "quote", "suggestion"} <= kinds(app)
        assert "0 annotations · 13 pending · new" in status(app)
        assert app.screen.query_one(ArticleView).text.startswith("This Thursday")


async def test_cache_miss_analyses_in_a_worker_and_keys_stay_responsive(
        db: tuple[Store, str], pipeline: Pipeline, seed_record: dict[str, Any]) -> None:
    store, doc_id = db
    with store._write() as w:
        w.conn.execute("DELETE FROM analyses")
    release = threading.Event()

    def slow_loader(name: str | None) -> Pipeline:
        assert release.wait(10)
        return pipeline

    app = make(store, doc_id, loader=slow_loader)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = scr(app)
        await until(pilot, lambda: "analysing" in status(app))
        assert screen.article.text.startswith("This Thursday")  # article first
        assert "entity:PERSON" not in kinds(app)
        select(app, SENTENCE)
        await pilot.press("c")  # keys work while the model loads
        await until(pilot, lambda: any(r.startswith("claim:") for r in rows(app)))
        assert [a.kind for a in store.annotations(doc_id)] == ["claim"]
        release.set()
        await until(pilot, lambda: "entity:PERSON" in kinds(app))
        assert "analysing" not in status(app)
        assert f"{len(seed_record['attributions'])} pending" in status(app)
        doc = store.get_document(doc_id)
        assert store.cached_analysis(doc.text_sha256, pipeline.model_id,
                                     extractor_version()) is not None  # analysed once


async def test_without_a_trained_pipeline_the_screen_says_entities_are_unavailable(
        db: tuple[Store, str]) -> None:
    import spacy

    store, doc_id = db
    with store._write() as w:
        w.conn.execute("DELETE FROM analyses")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    blank = Pipeline(nlp, "blank-en", False, NO_MODEL_WARNING)
    app = make(store, doc_id, loader=lambda name: blank)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "entities unavailable" in status(app))
        assert "no trained spaCy pipeline" in status(app)
        assert not any(k.startswith("entity:") for k in kinds(app))
        assert "quote" in kinds(app)  # the rule-based quotes still come


async def test_a_failing_worker_is_reported_on_screen(db: tuple[Store, str],
                                                      monkeypatch: Any) -> None:
    store, doc_id = db

    def broken(ann: Annotation, **kw: Any) -> Annotation:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "add_annotation", broken)
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await settle(pilot)
        failed = [n.message for n in app._notifications if "disk on fire" in n.message]
        assert failed == ["add claim failed: RuntimeError('disk on fire')"]  # once, in full
        assert rows(app)[0].startswith("no annotations yet")  # nothing shown that is not stored


async def test_an_edit_shows_only_after_it_is_committed(db: tuple[Store, str],
                                                        monkeypatch: Any) -> None:
    store, doc_id = db
    gate = threading.Event()
    real = store.add_annotation

    def slow(ann: Annotation, **kw: Any) -> Annotation:
        assert gate.wait(10)
        return real(ann, **kw)

    monkeypatch.setattr(store, "add_annotation", slow)
    seen: list[Message] = []
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await pilot.pause(0.1)
        assert rows(app)[0].startswith("no annotations yet")
        gate.set()
        await until(pilot, lambda: rows(app)[0].startswith("claim:"))
        loaded = [m for m in seen if isinstance(m, StateLoaded) and m.note == "claim added"]
        assert loaded and loaded[-1].state.annotations[0].kind == "claim"
        assert any(isinstance(m, AnalysisLoaded) for m in seen)


# --------------------------------------------------------------------------- tagging keys
async def test_c_tags_the_selection_as_a_claim(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        start, end = select(app, SENTENCE)
        await pilot.press("c")
        await until(pilot, lambda: any(r.startswith("claim:") for r in rows(app)))
        [ann] = store.annotations(doc_id)
        assert (ann.kind, ann.attrs, ann.origin, ann.annotator) == \
            ("claim", {"checkworthy": "yes"}, "manual", "tester")
        assert (ann.spans[0].start, ann.spans[0].end, ann.spans[0].text) == (start, end, SENTENCE)
        assert "claim" in kinds(app)
        assert "1 annotation ·" in status(app) and "in progress" in status(app)


async def test_c_without_a_selection_tags_the_sentence_under_the_cursor(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        article = app.screen.query_one(ArticleView)
        article.move_to(article.text.index("nation seeking"))
        await pilot.press("c")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        assert store.annotations(doc_id)[0].spans[0].text == SENTENCE


async def test_keys_alone_select_a_sentence_and_tag_it(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        target = app.screen.query_one(ArticleView).text.index(SENTENCE)
        for _ in range(6):  # ) jumps sentence by sentence
            if scr(app).cursor == target:
                break
            await pilot.press("right_parenthesis")
        assert scr(app).cursor == target
        await pilot.press("v", "right_parenthesis", "c")  # ) stops at the sentence end when selecting
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        assert store.annotations(doc_id)[0].spans[0].text == SENTENCE


async def test_s_opens_the_stance_dialog_and_stores_polarity_and_holder(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StanceDialog))
        dialog = app.screen
        assert isinstance(dialog, StanceDialog)
        assert dialog.holders[0].span is not None  # a nearby speaker is the first guess
        holder_text = dialog.holders[0].label
        await pilot.press("right", "enter")  # favor -> against
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.kind == "stance" and ann.attrs == {"polarity": "against"}
        assert ann.role("stance")[0].text == SENTENCE
        assert holder_text.startswith(ann.role("holder")[0].text)
        await until(pilot, lambda: "→ against" in rows(app)[0])


async def test_a_makes_an_attribution_with_a_chosen_source_and_prefilled_speaker(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(app, QUOTE[:-1])
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
        dialog = app.screen
        assert isinstance(dialog, AttributionDialog)
        assert dialog.sources[0].label == "he (suggested)"
        assert dialog.query_one("#speaker").value == "Masoud Pezeshkian"
        assert dialog.cues[0].label == "emphasized (suggested)"
        await pilot.press("enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.kind == "attribution"
        assert ann.attrs == {"type": "direct", "speaker": "Masoud Pezeshkian"}
        assert [(s.role, s.text) for s in ann.spans] == [
            ("content", QUOTE[:-1]), ("source", "he"), ("cue", "emphasized")]
        # the content differs from the suggestion's: a corrected suggestion (DESIGN: edited)
        assert ann.origin == "edited"
        assert "a:180-270" in store.decisions(doc_id)
        await until(pilot, lambda: rows(app)[0].startswith("Masoud Pezeshkian → emphasized → “"))


async def test_a_with_a_marked_source_and_another_source_updates_the_speaker(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        text = app.screen.query_one(ArticleView).text
        select(app, "his predecessor")
        await pilot.press("m")
        assert "1 marked" in status(app)
        assert "source" in kinds(app)
        select(app, "Trump would be more inclined to support such an operation")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
        dialog = app.screen
        assert isinstance(dialog, AttributionDialog)
        labels = [c.label for c in dialog.sources]
        assert labels[:2] == ["The report (suggested)", "his predecessor (marked)"]
        assert labels[-1] == "(none)"
        assert dialog.query_one("#speaker").value == "The report"
        await pilot.press("right", "down", "right", "down", "right")  # next source, cue, type
        assert dialog.query_one("#speaker").value == "his predecessor"
        await pilot.press("enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.role("source")[0].start == text.index("his predecessor")
        assert ann.attrs["speaker"] == "his predecessor"
        assert ann.attrs["type"] == "mixed"
        assert "marked" not in status(app)


async def test_e_edits_and_x_deletes_the_annotation_under_the_cursor_and_undo_redo(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(app, SENTENCE)
        await pilot.press("c")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        app.screen.query_one(ArticleView).move_to(app.screen.query_one(ArticleView)
                                                  .text.index("nation seeking"))
        await pilot.pause()
        assert "claim: “He further" in status(app) and "e edit" in status(app)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
        await pilot.press("right", "enter")
        await until(pilot, lambda: store.annotations(doc_id)[0].attrs["checkworthy"] == "no")
        await until(pilot, lambda: "not check-worthy" in rows(app)[0])
        await pilot.press("x")
        await until(pilot, lambda: store.annotations(doc_id) == [])
        await until(pilot, lambda: rows(app)[0].startswith("no annotations"))
        await pilot.press("u")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        await until(pilot, lambda: rows(app)[0].startswith("claim:"))
        await pilot.press("ctrl+z")  # undo the edit: check-worthy again
        await until(pilot, lambda: store.annotations(doc_id)[0].attrs["checkworthy"] == "yes")
        await pilot.press("ctrl+r")
        await until(pilot, lambda: store.annotations(doc_id)[0].attrs["checkworthy"] == "no")
        assert "redid" in status(app)


async def test_e_on_an_attribution_reopens_its_dialog(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("n", "n", "y")  # accept the quote "he emphasized"
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        article = app.screen.query_one(ArticleView)
        article.move_to(article.text.index("surrender"))
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
        dialog = app.screen
        assert isinstance(dialog, AttributionDialog)
        assert dialog.sources[0].label == "he (current)"
        await pilot.press("down", "down", "right", "enter")  # type: direct -> indirect
        await until(pilot, lambda: store.annotations(doc_id)[0].attrs["type"] == "indirect")
        assert store.annotations(doc_id)[0].origin == "edited"


async def test_undo_works_across_restarts(db: tuple[Store, str]) -> None:
    store, doc_id = db
    async with make(store, doc_id).run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        select(pilot.app, SENTENCE)
        await pilot.press("c")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        assert rows(app)[0].startswith("claim:")
        await pilot.press("u")
        await until(pilot, lambda: store.annotations(doc_id) == [])
        await until(pilot, lambda: "undid: add" in status(app))


# ---------------------------------------------------------------------------- suggestions
async def test_n_and_N_walk_the_pending_suggestions_and_show_them(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("n")
        assert screen.selection == (70, 177)
        assert "stated → “Iran will not yield" in status(app) and "conf 0.7" in status(app)
        await pilot.press("n")
        assert screen.selection == (180, 270)
        assert "Masoud Pezeshkian (he) → emphasized → “Iran will not surrender" in status(app)
        assert "conf 0.9" in status(app)
        assert "current" in kinds(app) and "cue" in kinds(app)
        await pilot.press("N")
        assert screen.selection == (70, 177)
        await pilot.press("N")  # wraps to the last one
        assert screen.selection is not None and screen.selection[0] > 3000


async def test_y_accepts_a_suggestion_as_a_suggested_attribution(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("n", "n", "y")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.kind == "attribution" and ann.origin == "suggested"
        assert ann.attrs == {"type": "direct", "speaker": "Masoud Pezeshkian"}
        assert [(s.role, s.start, s.end) for s in ann.spans] == [
            ("content", 180, 270), ("source", 272, 274), ("cue", 275, 285)]
        assert store.decisions(doc_id) == {"a:180-270": "accepted"}
        await until(pilot, lambda: "12 pending" in status(app))
        # on to the next suggestion, current but not selected (c would tag it)
        assert (screen.cursor, screen.selection) == (308, None)
        assert rows(app)[0] == "Masoud Pezeshkian → emphasized → “Iran will not surrender to " \
                               "threats and will not…”"


async def test_d_rejects_and_u_brings_the_suggestion_back(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("n", "d")
        await until(pilot, lambda: store.decisions(doc_id) == {"a:70-177": "rejected"})
        await until(pilot, lambda: "12 pending" in status(app))
        assert store.annotations(doc_id) == []
        await pilot.press("u")
        await until(pilot, lambda: store.decisions(doc_id) == {})
        await until(pilot, lambda: "13 pending" in status(app))


async def test_y_with_nothing_under_the_cursor_says_how_to_find_one(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("y")
        assert "no suggestion under the cursor" in status(app)
        assert store.annotations(doc_id) == []


async def test_t_hides_low_confidence_suggestions(db: tuple[Store, str],
                                                  frozen_record: dict[str, Any]) -> None:
    store, doc_id = db
    record = {**frozen_record, "attributions": [dict(a) for a in frozen_record["attributions"]]}
    record["attributions"][0]["confidence"] = 0.3
    store.save_analysis(record, extractor_version=extractor_version())
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("t")
        assert "12 pending (1 hidden)" in status(app)
        await pilot.press("n")
        assert screen.selection == (180, 270)  # the 0.3 one is skipped
        await pilot.press("t")
        assert "13 pending" in status(app)


async def test_i_hides_indirect_speech_so_n_walks_the_quotes_alone(
        db: tuple[Store, str], frozen_record: dict[str, Any]) -> None:
    store, doc_id = db
    types = [a["type"] for a in frozen_record["attributions"]]
    direct = sorted((min(c[0] for c in a["content_spans"]), max(c[1] for c in a["content_spans"]))
                    for a in frozen_record["attributions"] if a["type"] != "indirect")
    assert "indirect" in types and direct  # the seed's analysis has both kinds
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("i")
        hidden = types.count("indirect")
        assert f"{len(types) - hidden} pending ({hidden} hidden)" in status(app)
        seen = []
        for _ in direct:
            await pilot.press("n")
            seen.append(screen.selection)
        assert seen == [tuple(d) for d in direct]  # every quote in turn, no indirect one
        await pilot.press("i")
        assert f"{len(types)} pending" in status(app) and "hidden" not in status(app)
        assert store.decisions(doc_id) == {}  # hiding decides nothing


# ----------------------------------------------------------------------- panel, help, etc.
async def test_side_panel_lists_in_reading_order_and_enter_jumps(db: tuple[Store, str]) -> None:
    store, doc_id = db
    doc = store.get_document(doc_id)
    late = doc.text.index("Several factors")
    store.add_annotation(Annotation("claim", [Span("claim", late, late + 15, doc.text[late:late + 15])],
                                    doc_id=doc_id))
    store.add_annotation(Annotation("stance", [Span("stance", 0, 13, "This Thursday")],
                                    {"polarity": "none"}, doc_id=doc_id))
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        assert rows(app) == ["? → none → “This Thursday”", "claim: “Several factors”"]
        await pilot.press("tab")
        assert app.focused is app.screen.query_one(SidePanel)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert screen.selection == (late, late + 15)
        assert app.focused is app.screen.query_one(ArticleView)


async def test_help_lists_every_key_of_the_screen(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {desc for _, desc, _ in help_screen.rows}
        for cls in (AnnotationScreen, ArticleView):  # what redline binds (not Textual's leftovers)
            own = own_bindings(cls)
            for key, binding in cls._merged_bindings or []:
                if (key, binding.action) in own and binding.description:
                    assert (binding.tooltip or binding.description) in described
        keys = {k for k, _, _ in help_screen.rows}
        assert "u, ctrl+z" in keys and "]" in keys and "?" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotationScreen)


async def test_palette_marks_the_document_done(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"mark document done")
        await pilot.pause(0.5)
        await pilot.press("enter")
        # suggestions are pending: it asks first, like D
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: store.get_document(doc_id).status == "done")
        await until(pilot, lambda: "· done" in status(app))


async def test_palette_lists_documents_undo_redo_and_export(db: tuple[Store, str]) -> None:
    from tui.screens.palette import RedlineCommands

    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        provider = RedlineCommands(screen)
        provider.rows = store.library()
        names = [name for name, _, _ in provider.commands()]
        for wanted in ("Mark document done", "Undo", "Redo", "Export the corpus as redline…",
                       "Open: Iran will not yield to US pressure, Pezeshkian says"):
            assert wanted in names


async def test_palette_hides_and_shows_either_kind_of_suggestion(
        db: tuple[Store, str]) -> None:
    from tui.screens.palette import RedlineCommands

    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        commands = {name: run for name, run, _ in RedlineCommands(screen).commands()}
        assert screen.view is not None and not screen.view.hide_indirect
        commands["Hide/show indirect-speech suggestions"]()
        assert screen.view.hide_indirect and "indirect-speech suggestions hidden" in status(app)
        commands["Hide/show low-confidence suggestions"]()
        assert screen.view.hide_low


async def test_palette_export_writes_the_corpus(db: tuple[Store, str], tmp_path: Any) -> None:
    import json

    from tui.screens.dialogs import PromptDialog

    store, doc_id = db
    out = tmp_path / "out.jsonl"
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        app.action_export()
        await until(pilot, lambda: isinstance(app.screen, PromptDialog))
        await until(pilot, lambda: app.screen.query("#value"))
        app.screen.query_one("#value").value = str(out)
        await pilot.press("enter")
        await until(pilot, lambda: out.exists())
        await settle(pilot)
        assert json.loads(out.read_text().splitlines()[0])["id"] == doc_id


async def test_slash_searches_highlights_and_enter_jumps(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        text = screen.article.text
        await pilot.press("slash", *"tehran")
        assert "search" in kinds(app) and "2 hits" in status(app)
        await pilot.press("enter")  # the cursor goes to the hit; nothing is selected
        first = text.index("Tehran")
        assert screen.cursor == first and screen.selection is None
        await pilot.press("enter")  # the field stays open: Enter again goes on
        second = text.index("Tehran", first + 1)
        assert screen.cursor == second and screen.selection is None
        await pilot.press("escape")
        assert "search" not in kinds(app) and app.focused is screen.article
        assert screen.cursor == second


async def test_brackets_go_to_the_next_and_previous_document(db: tuple[Store, str],
                                                             pipeline: Pipeline) -> None:
    from annotations.formats.registry import ImportRecord
    from annotations.ingest import store_records

    store, doc_id = db
    store_records(store, [ImportRecord(text="A second article. He said “hello there” today.",
                                       title="Second", source="test")])
    app = make(store, doc_id, loader=lambda name: pipeline)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: screen.article.text.startswith("A second article"))
        assert "Second · 0 annotations" in status(app)
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: "no next document" in status(app))
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: screen.article.text.startswith("This Thursday"))
        assert screen.doc_id == doc_id


async def test_D_toggles_done_and_R_reloads_another_process_edits(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))  # 13 pending: asks
        await pilot.press("y")
        await until(pilot, lambda: store.get_document(doc_id).status == "done")
        await until(pilot, lambda: "· done" in status(app))
        await pilot.press("D")
        await until(pilot, lambda: store.get_document(doc_id).status == "in progress")
        other = Store(store.path, annotator="someone else")
        try:
            other.add_annotation(Annotation("claim", [Span("claim", 0, 13, "This Thursday")],
                                            doc_id=doc_id))
        finally:
            other.close()
        assert rows(app)[0].startswith("no annotations")
        await pilot.press("R")
        await until(pilot, lambda: rows(app)[0] == "claim: “This Thursday”")
        assert "reloaded" in status(app)


async def test_D_answered_no_says_nothing_changed(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await until(pilot, lambda: "not marked done: 13 suggestions still pending" in status(app))
        assert store.get_document(doc_id).status != "done"


async def test_q_goes_back_to_the_library_then_quits(db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def test_the_recorded_analysis_has_the_live_records_shape(frozen_record: dict[str, Any],
                                                         seed_record: dict[str, Any]) -> None:
    """If the NLP layer changes its record format, the screens' fixture must be re-recorded."""
    assert frozen_record.keys() == seed_record.keys()
    for part in ("entities", "quotes", "attributions"):
        assert frozen_record[part] and seed_record[part]
        assert frozen_record[part][0].keys() == seed_record[part][0].keys()
