"""The annotation screen: the article, the side panel of annotations, the status line, the keys.

The screen only wires keys to the pure rules in `actions`, the dialogs in `dialogs`, and the
blocking work in `tui.workers`, run in thread workers. Data flows one way: a worker posts a
typed message (`StateLoaded`, `AnalysisLoaded`, ...) and only its handler changes what is shown,
so an edit appears on screen once it is committed to the database, never before.

This module is the screen's skeleton: its keys, layout, workers and message handlers. What it
shows and what lies under the cursor are in `annotate_base`; the keys' actions in
`annotate_tags` (c s a m x u ctrl+r esc), `annotate_labels` (c with claim types, L w e),
`annotate_suggestions` (n N y d t i) and
`annotate_search` (/); the document keys (] [ D R) stay here, next to the loading they start.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any, ClassVar

from textual import work
from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from annotations.errors import RedlineError
from annotations.models import Document

from ..messages import AnalysisLoaded, AnalysisNeeded, Notice, StateLoaded
from ..trace import mark
from ..widgets.article_view import LEGEND, ArticleView
from ..widgets.legend import Legend
from ..widgets.side_panel import SidePanel
from ..widgets.status_bar import StatusBar
from ..workers import (
    Analysis,
    DocState,
    analyse,
    cached_analysis,
    failed_analysis,
    fallback_entities,
    partial_analysis,
    read_state,
    worth_showing,
)
from . import actions as act
from .annotate_entities import EntityKeys
from .annotate_labels import LabelKeys
from .annotate_search import SearchKeys
from .annotate_suggestions import SuggestionKeys
from .base import FINISHED


class _Main(Horizontal):
    """The article and the side panel, side by side.

    They cover it entirely, so it draws blank lines instead of styled ones: Textual repaints
    every widget whose container overlaps a change, and repainting this one's full-width
    rows cost more on each cursor move than the article's own rows."""

    BLANK = True


class _FooterLine(Widget):
    """The key footer's line, held (in its colours) until the footer is mounted."""

    DEFAULT_CSS = """
    _FooterLine { dock: bottom; height: 1; background: $footer-background; }
    """


class AnnotationScreen(LabelKeys, SuggestionKeys, SearchKeys, EntityKeys):
    """Read one document and annotate it from the keyboard."""

    BLANK = True  # its widgets cover it: no styled background rows to repaint on every frame
    # Below 80 columns the side panel folds away (p shows it): at 60 it was as wide as the
    # article. The classes are the screen's, so the stylesheet says what each width shows.
    HORIZONTAL_BREAKPOINTS = [(0, "-fold"), (80, "-narrow"), (110, "-wide")]  # noqa: RUF012

    # One list, in the order `?` and the README show: the actions live in the key groups
    BINDINGS: ClassVar[list[BindingType]] = [
        # tag keys: annotate_tags.TagKeys, annotate_labels.LabelKeys (L, w, e)
        Binding("c", "claim", "Claim",
                tooltip="Tag the selection (or the sentence) as a claim (with claim types in the "
                        "database's scheme, a dialog asks which first)"),
        Binding("s", "stance", "Stance",
                tooltip="Tag the selection (or the sentence) as a stance: polarity, holder, target"),
        Binding("a", "attribution", "Attrib.",
                tooltip="Tag the selection (or the quote) as an attribution: source, cue, speaker"),
        Binding("m", "mark", "Mark span (source/cue/holder/target)", show=False,
                tooltip="Mark the selection (or the name or word under the cursor) so a, s and "
                        "e offer it as source, cue, holder or target; again unmarks"),
        Binding("escape", "clear_marks", "Clear the marks", show=False,
                tooltip="Clear the marks (once nothing is selected: esc clears a selection first)"),
        Binding("L", "span_label", "Span label", show=False,
                tooltip="Tag the selection (or the name or word under the cursor) with one of "
                        "the database's span labels (redline labels), chosen in a dialog"),
        Binding("w", "note", "Note", show=False,
                tooltip="Write, change or remove (empty) the note of the annotation under the "
                        "cursor; the side panel marks it ✎"),
        Binding("e", "edit", "Edit", show=False,
                tooltip="Edit the annotation under the cursor (its dialog, with its note)"),
        Binding("x", "delete", "Delete", show=False,
                tooltip="Delete the annotation under the cursor"),
        Binding("u,ctrl+z", "undo", "Undo",
                tooltip="Undo your last edit of this document (also after a restart)"),
        Binding("ctrl+r", "redo", "Redo", show=False, tooltip="Redo what undo reverted"),
        # suggestion keys: annotate_suggestions.SuggestionKeys
        Binding("n", "suggestion(1)", "Next sugg.", tooltip="Go to the next pending suggestion"),
        Binding("N", "suggestion(-1)", "Previous suggestion", show=False,
                tooltip="Go to the previous pending suggestion"),
        Binding("y", "accept", "Accept",
                tooltip="Accept the suggestion under the cursor (it becomes an attribution)"),
        Binding("d", "reject", "Reject", tooltip="Reject the suggestion under the cursor"),
        Binding("t", "toggle_low", "Hide/show low-confidence suggestions", show=False),
        Binding("i", "toggle_indirect", "Hide/show indirect-speech suggestions", show=False,
                tooltip="Hide/show indirect-speech suggestions (X said that …): n then walks "
                        "the quotes alone"),
        # search: annotate_search.SearchKeys
        # priority: run as the key arrives, so the keys typed after it already find the field
        Binding("slash", "search", "Search", show=False, priority=True,
                tooltip="Search the text: hits light up, Enter moves the cursor to the next "
                        "(nothing selected), Esc closes"),
        # document keys: this class, next to the loading they start
        Binding("right_square_bracket", "document(1)", "Next document", show=False,
                tooltip="Open the next document of the library"),
        Binding("left_square_bracket", "document(-1)", "Previous document", show=False,
                tooltip="Open the previous document of the library"),
        Binding("D", "done", "Mark document done / not done", show=False,
                tooltip="Mark the document done (with suggestions pending, says how many and "
                        "asks: y / Enter yes, n / Esc no), or back to in progress"),
        Binding("R", "reload", "Reload from the database", show=False,
                tooltip="Reload from the database (shows other processes' edits)"),
        Binding("p", "toggle_panel", "Show/hide the side panel", show=False,
                tooltip="Show/hide the side panel (folded away below 80 columns)"),
        Binding("question_mark", "app.help", "Keys", tooltip="Show every key"),
        Binding("q", "app.leave", "Back", tooltip="Back to the library"),
    ]

    def __init__(self, doc_id: str) -> None:
        super().__init__(doc_id)
        # the keys typed after the one that opened this screen wait for its document (its
        # load starts after the first frame, and closes the gate again with its worker)
        with suppress(NoActiveAppError):  # built outside a running app: the load closes it
            self.redline.keys.close(self)

    @classmethod
    def help_sections(cls) -> list[tuple[str, type[DOMNode]]]:
        """Where the keys of this screen come from, for `?` and the README."""
        return [("article", ArticleView), ("annotation", cls), ("side panel", SidePanel)]

    # ------------------------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        """Article and side panel side by side, then status and keys (the search field comes
        after the first frame)."""
        with _Main(id="main"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                yield Legend(list(LEGEND), id="legend")
                yield SidePanel(id="panel")
        yield StatusBar(id="status")
        # The key footer arrives after the first frame (on_mount): styling its keys was a
        # third of the app's start. Its line is held meanwhile, so nothing moves then.
        yield _FooterLine(id="footer-line")

    def on_mount(self) -> None:
        """Load the document (the article shows before any NLP is imported)."""
        self.article.focus()
        self.redline.after_first_frame(self._mount_footer)
        self.redline.after_first_frame(self.search_bar)  # hidden until / (annotate_search)
        self.query_one(StatusBar).message = "loading…"
        # Read the text now, before the first frame (milliseconds, even for 1 MB), so that
        # frame already shows it; from a worker it came a whole frame and layout pass later.
        # The analysis (a large JSON record for a long article) still loads in the worker.
        try:
            state = read_state(self.redline.store, self.doc_id)
        except RedlineError:
            self.open_document(self.doc_id)  # the worker reports what is wrong
            return
        self.on_state_loaded(StateLoaded(state, opened=True))
        # the cache lookup imports the NLP rules and package metadata (~0.1 s): after the
        # first frame, not competing with it for the interpreter
        doc_id = self.doc_id
        self.redline.after_first_frame(lambda: self.open_document(doc_id, state=state))

    def _mount_footer(self) -> None:
        """Put the key footer in the line held for it."""
        from ..widgets.key_footer import KeyFooter  # after the first frame, as it is mounted

        for held in self.query(_FooterLine):
            held.remove()
        self.mount(KeyFooter(show_command_palette=False))
        # a footer shows the keys it is told of after it subscribed: tell it once mounted
        self.call_after_refresh(self.refresh_bindings)

    # ------------------------------------------------------------------------------ workers
    def open_document(self, doc_id: str, *, step: int = 0, note: str = "",
                      state: DocState | None = None) -> None:
        """Load a document (or its neighbour) to show; the keys typed meanwhile wait for it
        (the app's KeyGate), so that `n y` finds the suggestions its analysis brings."""
        self.redline.keys.close(self, self.load_document(doc_id, step=step, note=note,
                                                         state=state))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A document's load is over (its analysis shown, or it failed): the keys go on.
        (Textual runs each class's handler: WritingScreen's sees to failures.)"""
        if event.worker.group == "load" and event.state in FINISHED:
            self.redline.keys.open(self, event.worker)

    def on_unmount(self) -> None:
        """A screen that goes away while loading holds no keys."""
        self.redline.keys.open(self)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_document(self, doc_id: str, *, step: int = 0, note: str = "",
                      opened: bool = True, state: DocState | None = None) -> None:
        """Read a document (or its neighbour) and its cached analysis; never imports spaCy.

        With `state` (already read and shown), only the analysis is loaded."""
        store, model = self.redline.store, self.redline.settings.model
        if step:
            found = store.neighbour(doc_id, step)
            if found is None:
                self.post_message(Notice("no next document" if step > 0
                                         else "no previous document"))
                return
            doc_id = found
        if state is None:
            state = read_state(store, doc_id)
            self.post_message(StateLoaded(state, note, opened=opened))
        analysis = cached_analysis(store, state.doc, model)
        if analysis is not None:
            self.post_message(AnalysisLoaded(analysis))
        else:
            self.post_message(AnalysisNeeded(state.doc, fallback_entities(store, state.doc)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def run_analysis(self, doc: Document) -> None:
        """Analyse the document with spaCy (slow the first time: loads the pipeline).

        A failure comes back as a message naming its document, like a result: a worker error
        (a notification, a status note) reached whatever document was open by then."""
        worker = get_current_worker()
        try:
            self._analyse(doc, worker)
        except Exception as e:  # reported on its own document's status line, never lost
            text = e.one_line() if isinstance(e, RedlineError) else f"{type(e).__name__}: {e}"
            entities = fallback_entities(self.redline.store, doc)
            if not worker.is_cancelled:
                self.post_message(AnalysisLoaded(failed_analysis(doc.id, text, entities),
                                                 fresh=True))

    def _analyse(self, doc: Document, worker: Worker[None]) -> None:
        """run_analysis's work: through the analysis process, or in this thread in tests.

        A long text's first screenful comes first, as a provisional analysis (issue 16)."""
        store = self.redline.store
        # each message carries every entity known so far (those shown while analysing, then
        # each part's), so every handler of it can take its entities as they are
        known, shown_to = fallback_entities(store, doc), 0

        def partial(record: dict[str, Any]) -> None:
            nonlocal known, shown_to
            early = partial_analysis(doc, record, known)
            if early is None or worker.is_cancelled:
                return
            known = early.entities
            if worth_showing(record, shown_to, len(doc.text)):
                shown_to = int(record.get("covers") or 0)
                self.post_message(AnalysisLoaded(early, partial=True))

        service = self.redline.analysis_service()
        if service is not None:  # in the analysis process (see AnalysisService)
            model = self.redline.settings.model
            warning = service.analyse(doc.id, lambda: worker.is_cancelled,
                                      lambda: cached_analysis(store, doc, model) is not None,
                                      partial)
            if worker.is_cancelled:
                return
            found = cached_analysis(store, doc, model)
            if found is None:
                raise RedlineError("the analysis process stored no analysis for this document")
            analysis = found if found.error else Analysis(found.doc_id, found.record,
                                                          found.entities, warning or found.warning)
        else:
            pipeline = self.redline.pipelines.get(self.redline.settings.model)
            analysis = analyse(store, doc, pipeline, partial)
        if not worker.is_cancelled:
            self.post_message(AnalysisLoaded(analysis, fresh=True))

    # ----------------------------------------------------------------------------- messages
    def on_state_loaded(self, message: StateLoaded) -> None:
        """Show a document state read after a load or a committed write."""
        state = message.state
        if message.opened:
            self.open_state(message)
        elif state.doc.id != self.doc_id or self.view is None or state.seq < self.seq:
            return  # a late answer for another document, or older than what is shown
        elif state.doc.text_sha256 != self.view.doc.text_sha256:
            # another process re-imported the text: every offset on screen is stale, so reopen
            # (text, highlights and analysis) rather than act on text the editor cannot see
            self.open_document(self.doc_id, note="the text changed in the database: reopened")
            return
        self.seq = state.seq
        self.follow_damage(state)
        view = self.view
        assert view is not None
        view.doc, view.annotations, view.decisions = state.doc, state.annotations, state.decisions
        if message.note:
            self.note = message.note
            # a key that moved the cursor before its write: that move's CursorMoved may come
            # after this, and must not wipe the note
            self._kept_note = (self.cursor, message.note)
        # the side panel lists every annotation (costly on a long article): a frame later
        if not self._panel_queued:
            self._panel_queued = True
            self.redline.after_first_frame(self._queued_panel)
        if message.focus is not None:
            self.jump_after_write(message.focus, message.moves_at_key)
        self.refresh_highlights()
        self.refresh_status()

    def open_state(self, message: StateLoaded) -> None:
        """Switch to a (new) document: reset cursor, marks and search."""
        state = message.state
        self.doc_id = state.doc.id
        self.seq = -1
        # the filters are the editor's choice for the session, not the document's: kept in
        # the app's settings, they outlive this screen (q, then Enter, opens a new one)
        filters = self.redline.settings.filters
        self.view = act.DocView(state.doc, hide_low=filters.hide_low,
                                hide_indirect=filters.hide_indirect)
        self.marked, self.hits, self.hit, self._current_key = [], [], None, ""
        self.analysis_note = ""
        self.note = message.note or f"opened {state.doc.title or state.doc.id}"
        self.article.set_document(state.doc.text, [])
        self.call_after_refresh(mark, "text-shown", f"chars={len(state.doc.text)}")

    def on_analysis_needed(self, message: AnalysisNeeded) -> None:
        """Cache miss: show what entities we have, and analyse after the article is drawn."""
        if self.view is None or message.doc.id != self.doc_id:
            return
        self.view.entities = self.drawable(message.entities)
        # true for every document, not just the first: spaCy loads once, analyses go on
        self.analysis_note = "analysing… (the keys keep working)"
        mark("analysis-needed")
        self.call_after_refresh(self.redline.settle_memory)
        self.refresh_highlights()
        self.refresh_status()
        self.call_after_refresh(self.run_analysis, message.doc)

    def on_analysis_loaded(self, message: AnalysisLoaded) -> None:
        """Entities, quotes and suggestions arrived."""
        analysis = message.analysis
        if self.view is None or analysis.doc_id != self.doc_id:
            return
        if message.partial:
            self._show_partial(analysis)
            return
        record = analysis.record or {}
        self.view.entities = self.drawable(analysis.entities)
        self.view.quotes = list(record.get("quotes") or [])
        self.view.suggestions = act.suggestions_from(record)
        self.analysis_note = analysis.warning
        if message.fresh:
            self.note = ("analysis failed: no suggestions for this document" if analysis.error
                         else f"analysed: {act.plural(len(self.view.suggestions), 'suggestion')}")
        self.refresh_highlights()
        self.refresh_status()
        self.call_after_refresh(mark, "entities-shown", f"fresh={int(message.fresh)} "
                                f"entities={len(analysis.entities)} highlights={len(self.highlights)}")
        self.call_after_refresh(self.redline.settle_memory)

    def _show_partial(self, analysis: Analysis) -> None:
        """Part of a long text analysed (a first screenful, or a parsed piece's entities):
        merged into what is shown, provisional until the whole analysis arrives."""
        view, record = self.view, analysis.record or {}
        assert view is not None
        hi = int(record.get("covers") or 0)
        view.entities = self.drawable(analysis.entities)  # (EntityKeys then draws corrections)
        first = "quotes" in record  # the first screenful's rules ran: its suggestions too
        if first:
            view.quotes = list(record.get("quotes") or [])
            view.suggestions = act.suggestions_from(record)
            self.note = f"first part analysed: {act.plural(len(view.suggestions), 'suggestion')}"
        else:
            self.note = f"entities for {hi * 100 // max(1, len(view.doc.text))}% of the text"
        # the final pass may still change any suggestion (a quote running past this part, a
        # speaker named later): the status line says so until the whole analysis arrives
        self.analysis_note = "analysing the rest… (suggestions so far are provisional)"
        self.refresh_highlights()
        self.refresh_status()
        self.call_after_refresh(mark, "first-screen-shown" if first else "entities-partial",
                                f"covers={hi} entities={len(view.entities)}")

    def on_notice(self, message: Notice) -> None:
        """A worker's remark (nothing changed)."""
        message.stop()
        self.note = message.text
        self.refresh_status()

    # ----------------------------------------------------------------------------- document
    def action_document(self, step: int) -> None:
        """Open the next (1) / previous (-1) document of the library."""
        self.open_document(self.doc_id, step=step)

    def action_done(self) -> None:
        """Mark the document done (asking first if suggestions are still pending), or back to
        in progress."""
        view = self.keys_view()  # the decisions typed just before D count as made
        if self._ready() is None or view is None:
            return
        status = "in progress" if view.doc.status == "done" else "done"
        doc_id = self.doc_id

        def set_status(yes: object = True) -> None:
            if yes is True:
                self.write("set status", lambda st: st.set_status(doc_id, status),
                           f"document marked {status}")
            elif self.doc_id == doc_id:  # answered no: say that nothing changed
                self._say(f"not marked done: {act.plural(left, 'suggestion')} still pending")

        left, hidden = view.pending_count() + view.hidden_count(), view.hidden_count()
        if status != "done" or not left or self.read_only:
            set_status()  # (read-only: write says so, no question first)
            return
        question = (f"{act.plural(left, 'suggestion')} still pending"
                    + (f" ({hidden} hidden by t / i)" if hidden else "")
                    + ". Mark the document done anyway?")
        from .dialogs import ConfirmDialog  # on first use: not at start

        self.app.push_screen(ConfirmDialog("Mark done", question), set_status)

    def action_reload(self) -> None:
        """Re-read the document from the database (another process may have edited it)."""
        self.load_document(self.doc_id, note="reloaded from the database", opened=False)

    def action_toggle_panel(self) -> None:
        """Show the side panel where it is folded away (a narrow terminal), else hide it."""
        folded = self.has_class("-fold")
        self.toggle_class("-show-side" if folded else "-hide-side")
        shown = self.has_class("-show-side") if folded else not self.has_class("-hide-side")
        self._say(f"side panel {'shown (p hides it)' if shown else 'hidden (p shows it)'}")
