"""The annotation screen: the article, the side panel of annotations, the status line, the keys.

The screen only wires keys to the pure rules in `actions`, the dialogs in `dialogs`, and the
blocking work in `tui.workers`, run in thread workers. Data flows one way: a worker posts a
typed message (`StateLoaded`, `AnalysisLoaded`, ...) and only its handler changes what is shown,
so an edit appears on screen once it is committed to the database, never before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState, get_current_worker

from annotations.errors import RedlineError
from annotations.models import Annotation, Document
from annotations.store import Store

from ..messages import AnalysisLoaded, AnalysisNeeded, Notice, StateLoaded
from ..trace import mark
from ..widgets.article_layout import sentence_start_before, sentence_starts_after, token_end
from ..widgets.article_view import LEGEND, ArticleView, Highlight
from ..widgets.legend import Legend
from ..widgets.search_bar import SearchBar
from ..widgets.side_panel import SidePanel
from ..widgets.status_bar import StatusBar
from ..workers import (
    Analysis,
    DocState,
    analyse,
    cached_analysis,
    fallback_entities,
    read_state,
)
from . import actions as act
from .base import RedlineScreen
from .dialogs import AttributionChoice, AttributionDialog, ClaimDialog, StanceChoice, StanceDialog

if TYPE_CHECKING:
    from ..app import RedlineApp

Range = tuple[int, int]


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


class AnnotationScreen(RedlineScreen):
    """Read one document and annotate it from the keyboard."""

    BLANK = True  # its widgets cover it: no styled background rows to repaint on every frame

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "claim", "Claim", tooltip="Tag the selection (or the sentence) as a claim"),
        Binding("s", "stance", "Stance",
                tooltip="Tag the selection (or the sentence) as a stance: polarity, holder, target"),
        Binding("a", "attribution", "Attrib.",
                tooltip="Tag the selection (or the quote) as an attribution: source, cue, speaker"),
        Binding("m", "mark", "Mark span (source/cue/holder/target)", show=False,
                tooltip="Mark the selection (or word) so a, s and e offer it as source, cue, "
                        "holder or target; again unmarks"),
        Binding("e", "edit", "Edit", show=False, tooltip="Edit the annotation under the cursor"),
        Binding("x", "delete", "Delete", show=False,
                tooltip="Delete the annotation under the cursor"),
        Binding("u,ctrl+z", "undo", "Undo",
                tooltip="Undo your last edit of this document (also after a restart)"),
        Binding("ctrl+r", "redo", "Redo", show=False, tooltip="Redo what undo reverted"),
        Binding("n", "suggestion(1)", "Next sugg.", tooltip="Go to the next pending suggestion"),
        Binding("N", "suggestion(-1)", "Previous suggestion", show=False,
                tooltip="Go to the previous pending suggestion"),
        Binding("y", "accept", "Accept",
                tooltip="Accept the suggestion under the cursor (it becomes an attribution)"),
        Binding("d", "reject", "Reject", tooltip="Reject the suggestion under the cursor"),
        Binding("t", "toggle_low", "Hide/show low-confidence suggestions", show=False),
        Binding("slash", "search", "Search", show=False,
                tooltip="Search the text: hits light up, Enter jumps to the next, Esc closes"),
        Binding("right_square_bracket", "document(1)", "Next document", show=False,
                tooltip="Open the next document of the library"),
        Binding("left_square_bracket", "document(-1)", "Previous document", show=False,
                tooltip="Open the previous document of the library"),
        Binding("D", "done", "Mark document done / not done", show=False),
        Binding("R", "reload", "Reload from the database", show=False,
                tooltip="Reload from the database (shows other processes' edits)"),
        Binding("question_mark", "app.help", "Keys", tooltip="Show every key"),
        Binding("q", "app.leave", "Back", tooltip="Back to the library"),
    ]

    def __init__(self, doc_id: str) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.view: act.DocView | None = None
        self.seq = -1
        self.marked: list[Range] = []
        self.hits: list[Range] = []
        self.analysis_note = ""
        self.note = ""
        self._current_key = ""
        self.highlights: list[Highlight] = []
        self._base_highlights: list[Highlight] = []
        self._status_queued = False
        self._panel_queued = False

    @classmethod
    def help_sections(cls) -> list[tuple[str, type[DOMNode]]]:
        """Where the keys of this screen come from, for `?` and the README."""
        return [("article", ArticleView), ("annotation", cls), ("side panel", SidePanel)]

    @property
    def redline(self) -> RedlineApp:
        """The app, typed."""
        from ..app import RedlineApp

        assert isinstance(self.app, RedlineApp)
        return self.app

    @property
    def article(self) -> ArticleView:
        """The article widget."""
        return self.query_one("#article", ArticleView)

    @property
    def cursor(self) -> int:
        """The article's cursor offset (read from the widget: keys may outrun its messages)."""
        return self.article.cursor

    @property
    def selection(self) -> Range | None:
        """The article's selection, if any."""
        return self.article.selection

    # ------------------------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        """Article and side panel side by side, then search, status and keys."""
        with _Main(id="main"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                yield Legend(list(LEGEND), id="legend")
                yield SidePanel(id="panel")
        yield SearchBar(id="search")
        yield StatusBar(id="status")
        # The key footer arrives after the first frame (on_mount): styling its keys was a
        # third of the app's start. Its line is held meanwhile, so nothing moves then.
        yield _FooterLine(id="footer-line")

    def on_mount(self) -> None:
        """Load the document (the article shows before any NLP is imported)."""
        self.article.focus()
        self.redline.after_first_frame(self._mount_footer)
        self.query_one("#search", SearchBar).display = False
        self.query_one(StatusBar).message = "loading…"
        # Read the text now, before the first frame (milliseconds, even for 1 MB), so that
        # frame already shows it; from a worker it came a whole frame and layout pass later.
        # The analysis (a large JSON record for a long article) still loads in the worker.
        try:
            state = read_state(self.redline.store, self.doc_id)
        except RedlineError:
            self.load_document(self.doc_id)  # the worker reports what is wrong
            return
        self.on_state_loaded(StateLoaded(state, opened=True))
        # the cache lookup imports the NLP rules and package metadata (~0.1 s): after the
        # first frame, not competing with it for the interpreter
        doc_id = self.doc_id
        self.redline.after_first_frame(lambda: self.load_document(doc_id, state=state))

    def _mount_footer(self) -> None:
        """Put the key footer in the line held for it."""
        for held in self.query(_FooterLine):
            held.remove()
        self.mount(Footer(show_command_palette=False))
        # a footer shows the keys it is told of after it subscribed: tell it once mounted
        self.call_after_refresh(self.refresh_bindings)

    # ------------------------------------------------------------------------------ workers
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
        """Analyse the document with spaCy (slow the first time: loads the pipeline)."""
        worker = get_current_worker()
        service = self.redline.analysis_service()
        if service is not None:  # in the analysis process (see AnalysisService)
            store, model = self.redline.store, self.redline.settings.model
            warning = service.analyse(doc.id, lambda: worker.is_cancelled,
                                      lambda: cached_analysis(store, doc, model) is not None)
            if worker.is_cancelled:
                return
            found = cached_analysis(store, doc, model)
            if found is None:
                raise RedlineError("the analysis process stored no analysis for this document")
            analysis = Analysis(found.doc_id, found.record, found.entities,
                                warning or found.warning)
        else:
            pipeline = self.redline.pipelines.get(self.redline.settings.model)
            analysis = analyse(self.redline.store, doc, pipeline)
        if not worker.is_cancelled:
            self.post_message(AnalysisLoaded(analysis, fresh=True))

    def write(self, label: str, change: Callable[[Store], Any], note: str | Callable[[Any], str],
              *, focus: int | Range | None = None) -> None:
        """Run one store write in a thread; the screen updates when the result is committed.

        `note` is what the status line says afterwards (or a function of what `change` returned).
        """
        store, doc_id = self.redline.store, self.doc_id

        def job() -> None:
            result = change(store)
            said = note(result) if callable(note) else note
            self.post_message(StateLoaded(read_state(store, doc_id), said, focus=focus))

        self.run_worker(job, name=label, group="write", thread=True, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report failures; a failed analysis must not leave 'analysing…' on screen."""
        super().on_worker_state_changed(event)
        if event.worker.group == "analysis" and event.state == WorkerState.ERROR:
            self.analysis_note = "analysis failed: entities and suggestions unavailable"
            self.refresh_status()

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
            self.load_document(self.doc_id, note="the text changed in the database: reopened")
            return
        self.seq = state.seq
        view = self.view
        assert view is not None
        view.doc, view.annotations, view.decisions = state.doc, state.annotations, state.decisions
        if message.note:
            self.note = message.note
        # the side panel lists every annotation (costly on a long article): a frame later
        if not self._panel_queued:
            self._panel_queued = True
            self.redline.after_first_frame(self._queued_panel)
        if isinstance(message.focus, tuple):
            self.article.select_range(*message.focus)
        elif isinstance(message.focus, int):
            self.article.move_to(message.focus)
        self.refresh_highlights()
        self.refresh_status()

    def open_state(self, message: StateLoaded) -> None:
        """Switch to a (new) document: reset cursor, marks and search."""
        state = message.state
        hide = self.view.hide_low if self.view else False
        self.doc_id = state.doc.id
        self.seq = -1
        self.view = act.DocView(state.doc, hide_low=hide)
        self.marked, self.hits, self._current_key = [], [], ""
        self.analysis_note = ""
        self.note = message.note or f"opened {state.doc.title or state.doc.id}"
        self.article.set_document(state.doc.text, [])
        self.call_after_refresh(mark, "text-shown", f"chars={len(state.doc.text)}")

    def on_analysis_needed(self, message: AnalysisNeeded) -> None:
        """Cache miss: show what entities we have, and analyse after the article is drawn."""
        if self.view is None or message.doc.id != self.doc_id:
            return
        self.view.entities = message.entities
        self.analysis_note = "analysing… (loading spaCy; the keys keep working)"
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
        record = analysis.record or {}
        self.view.entities = analysis.entities
        self.view.quotes = list(record.get("quotes") or [])
        self.view.suggestions = act.suggestions_from(record)
        self.analysis_note = analysis.warning
        if message.fresh:
            self.note = f"analysed: {len(self.view.suggestions)} suggestions"
        self.refresh_highlights()
        self.refresh_status()
        self.call_after_refresh(mark, "entities-shown", f"fresh={int(message.fresh)} "
                                f"entities={len(analysis.entities)} highlights={len(self.highlights)}")
        self.call_after_refresh(self.redline.settle_memory)

    def on_notice(self, message: Notice) -> None:
        """A worker's remark (nothing changed)."""
        message.stop()
        self.note = message.text
        self.refresh_status()

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        """Show what lies under the cursor (the current suggestion stands out)."""
        self.note = ""
        under = self._suggestion_under()
        key = under.key if under else ""
        if key != self._current_key:
            self._current_key = key
            self.refresh_current(under)
        # The status line and the side panel follow in the frame after the cursor's (moves
        # queued meanwhile coalesce): Textual repaints every widget inside the box around all
        # changed rows, so an article row and the status line in one frame would repaint the
        # side panel and the legend between them too, delaying the cursor.
        if not self._status_queued:
            self._status_queued = True
            self.call_after_refresh(self._queued_status)

    def _queued_panel(self) -> None:
        self._panel_queued = False
        if self.view is not None:
            self.query_one(SidePanel).set_annotations(self.view.annotations)

    def _queued_status(self) -> None:
        self._status_queued = False
        ann = self._annotation_under()
        self.query_one(SidePanel).follow(ann.id if ann else None)
        self.refresh_status()

    @on(SidePanel.Jump)
    def _jump(self, message: SidePanel.Jump) -> None:
        """A side-panel row was chosen: select its main span in the article."""
        ann = message.annotation
        main = ann.role({"claim": "claim", "stance": "stance"}.get(ann.kind, "content"))
        target = main[0] if main else ann.spans[0]
        self.article.select_range(target.start, target.end)
        self.set_focus(self.article)

    # ------------------------------------------------------------------------------ display
    def refresh_highlights(self) -> None:
        """Recompute the article's highlights from the view, the search and the marks."""
        if self.view is None:
            return
        marks = act.highlights(self.view, search=self.hits, marked=self.marked)
        self._base_highlights = [Highlight(*m) for m in marks]
        self.article.set_highlights(self._base_highlights)
        self.refresh_current(self._suggestion_under())

    def refresh_current(self, current: act.Suggestion | None) -> None:
        """Draw the suggestion under the cursor (content, source, cue) over the highlights.

        An overlay, so that moving onto or off a suggestion repaints a few rows instead of
        re-indexing every highlight of the document."""
        marks: list[act.Mark] = []
        if current is not None:
            marks += [act.Mark(a, b, "current", current.key) for a, b in current.content]
            if current.source:
                marks.append(act.Mark(*current.source, "source", current.key))
            if current.cue:
                marks.append(act.Mark(*current.cue, "cue", current.key))
        overlay = [Highlight(*m) for m in marks]
        self.highlights = self._base_highlights + overlay
        self.article.set_overlay(overlay)

    def refresh_status(self) -> None:
        """Progress on the first line; the suggestion or annotation under the cursor below."""
        bar = self.query_one(StatusBar)
        if self.view is None:
            return
        view = self.view
        pending = len(view.pending())
        hidden = view.hidden_count()
        title = act.clip(view.doc.title or view.doc.id, min(50, max(16, self.size.width - 60)))
        progress = (f"{title} · {len(view.annotations)} annotations · {pending} pending"
                    + (f" ({hidden} hidden)" if hidden else "") + f" · {view.doc.status}")
        if self.marked:
            progress += f" · {len(self.marked)} marked"
        if self.hits:
            progress += f" · {len(self.hits)} hits"
        bar.progress = progress
        bar.warning = self.analysis_note
        bar.message = self.note or self._under_cursor_text()

    def _under_cursor_text(self) -> str:
        """What the cursor is on: a suggestion (with its confidence) or an annotation."""
        assert self.view is not None
        sugg = self._suggestion_under()
        ann = self._annotation_under()
        # an annotation wins, unless the suggestion was just jumped to (n/N select it exactly)
        if sugg is not None and (ann is None or self.selection == (sugg.start, sugg.end)):
            # the footer shows y and d too: on a narrow terminal the content needs the room
            hint = "  y accept · d reject" if self.size.width >= 110 else ""
            room = self.size.width - 2 - len(hint)
            return act.describe_suggestion(sugg, self.view.doc.text, room) + hint
        if ann is not None:
            hint = f"  ({ann.origin}, {ann.annotator})"
            if self.size.width >= 110:
                hint += "  e edit · x delete"
            room = max(12, self.size.width - 2 - len(hint) - 30)
            return act.describe(ann, room) + hint
        return ""

    # ------------------------------------------------------------------------------ look-ups
    def _suggestion_under(self) -> act.Suggestion | None:
        if self.view is None:
            return None
        found = self.view.pending_at(self.cursor)
        if found is None and self.selection:
            found = self.view.pending_overlapping(*self.selection)
        return found

    def _annotation_under(self) -> Annotation | None:
        if self.view is None:
            return None
        return self.view.annotation_at(self.cursor, self.selection)

    def _sentence_under(self) -> Range:
        """The sentence around the cursor (what c and s tag when nothing is selected)."""
        assert self.view is not None
        text = self.view.doc.text
        start = sentence_start_before(text, self.cursor + 1)
        end = sentence_starts_after(text, self.cursor)
        stop = text.find("\n", self.cursor)
        end = min(x for x in (end, stop if stop >= 0 else None, len(text)) if x is not None)
        return act.trim(text, start, end)

    def _ready(self) -> act.DocView | None:
        """The view, or None (with a message) while the document is still loading."""
        if self.view is None:
            self.notify("the document is still loading")
        return self.view

    def _say(self, text: str) -> None:
        self.note = text
        self.refresh_status()

    # ---------------------------------------------------------------------------- tag keys
    def action_claim(self) -> None:
        """Tag the selection (or the sentence under the cursor) as a check-worthy claim."""
        view = self._ready()
        if view is None:
            return
        sel = self.selection or self._sentence_under()
        ann = act.claim(view.doc, sel, self.redline.settings.annotator)
        if not ann.spans[0].text:
            self._say("nothing to tag here: select some text first (v, or shift+arrows)")
            return
        self.write("add claim", lambda st: st.add_annotation(ann), "claim added", focus=ann.start)
        self.marked = []

    def action_stance(self) -> None:
        """Tag the selection (or sentence) as a stance: polarity, holder, target."""
        view = self._ready()
        if view is None:
            return
        sel = self.selection or self._sentence_under()
        self._stance_dialog(view, sel, None)

    def _stance_dialog(self, view: act.DocView, sel: Range, base: Annotation | None) -> None:
        current_holder = act.role_span(base, "holder") if base else None
        current_target = act.role_span(base, "target") if base else None
        holders = act.source_candidates(view, sel, marked=self.marked, current=current_holder,
                                        inside=True)
        targets = act.source_candidates(view, sel, marked=self.marked, current=current_target,
                                        labels=("PERSON", "ORG", "NORP", "GPE", "LAW",
                                                "EVENT", "PRODUCT", "FAC", "WORK_OF_ART"))
        # a target is rarely the nearest entity: default to none unless one was marked
        target_index = len(targets) - 1 if current_target is None and not self.marked else 0
        holder_index = len(holders) - 1 if base is not None and current_holder is None else 0
        dialog = StanceDialog(
            view.doc.text[sel[0]:sel[1]], holders, targets,
            polarity=base.attrs.get("polarity", "favor") if base else "favor",
            holder_index=holder_index, target_index=target_index,
            target_text=base.attrs.get("target_text", "") if base else "",
            title="Edit stance" if base else "Stance")

        def done(choice: object) -> None:
            if not isinstance(choice, StanceChoice):
                return
            ann = act.stance(view.doc, sel, polarity=choice.polarity, holder=choice.holder.span,
                             target=choice.target.span, target_text=choice.target_text,
                             annotator=self.redline.settings.annotator, base=base)
            self._save(ann, base, "stance")

        self.app.push_screen(dialog, done)

    def action_attribution(self) -> None:
        """Tag the selection (or the quote under the cursor) as an attribution."""
        view = self._ready()
        if view is None:
            return
        sugg = self._suggestion_under()
        if self.selection:
            content: list[Range] = [self.selection]
        elif sugg is not None:
            content = list(sugg.content)
        else:
            quote = act.quote_at(view.quotes, self.cursor)
            if quote is None:
                self._say("select the quoted words first (v, or shift+arrows)")
                return
            content = [quote]
        self._attribution_dialog(view, content, None, sugg)

    def _attribution_dialog(self, view: act.DocView, content: list[Range],
                            base: Annotation | None, sugg: act.Suggestion | None) -> None:
        text = view.doc.text
        sel = (min(a for a, _ in content), max(b for _, b in content))
        cur_source = act.role_span(base, "source") if base else None
        cur_cue = act.role_span(base, "cue") if base else None
        sources = act.source_candidates(view, sel, marked=self.marked, current=cur_source)
        cues = act.cue_candidates(view, sel, marked=self.marked, current=cur_cue)
        if base is not None:
            type_ = base.attrs.get("type", "direct")
            speaker = base.attrs.get("speaker", "")
        elif sugg is not None:
            type_, speaker = sugg.type, sugg.speaker
        else:
            type_, speaker = act.default_type(view, sel), ""
        source_index = len(sources) - 1 if base is not None and cur_source is None else 0
        cue_index = len(cues) - 1 if base is not None and cur_cue is None else 0
        if base is None and sugg is None and not self.marked:
            # no suggestion: the cue is a guess from the verbs nearby; offer it, don't assume
            cue_index = 0 if len(cues) > 1 else len(cues) - 1
        dialog = AttributionDialog(
            " … ".join(text[a:b] for a, b in content), sources, cues, type_=type_,
            speaker=speaker, title="Edit attribution" if base else "Attribution",
            source_index=source_index, cue_index=cue_index)

        def done(choice: object) -> None:
            if not isinstance(choice, AttributionChoice):
                return
            ann = act.attribution(view.doc, content, source=choice.source.span,
                                  cue=choice.cue.span, type_=choice.type, speaker=choice.speaker,
                                  annotator=self.redline.settings.annotator, base=base)
            if base is None and sugg is not None and _same_as(ann, sugg):
                ann.origin = "suggested"
            self._save(ann, base, "attribution", sugg.key if sugg and base is None else None)

        self.app.push_screen(dialog, done)

    def _save(self, ann: Annotation, base: Annotation | None, what: str,
              suggestion_key: str | None = None) -> None:
        """Add a new annotation or store a changed one (in a worker)."""
        self.marked = []
        if base is None:
            self.write(f"add {what}", lambda st: st.add_annotation(
                ann, suggestion_key=suggestion_key), f"{what} added", focus=ann.start)
        else:
            self.write(f"edit {what}", lambda st: st.update_annotation(ann), f"{what} changed")

    def action_mark(self) -> None:
        """Mark the selection (or word) as a source/cue/holder/target to offer; again unmarks."""
        view = self._ready()
        if view is None:
            return
        sel = self.selection or (self.cursor, token_end(view.doc.text, self.cursor))
        if sel in self.marked:
            self.marked.remove(sel)
            self._say(f"unmarked “{act.clip(view.doc.text[sel[0]:sel[1]])}”")
        elif sel[0] < sel[1]:
            self.marked.append(sel)
            self._say(f"marked “{act.clip(view.doc.text[sel[0]:sel[1]])}”: a, s and e offer it")
        self.article.clear_selection()
        self.refresh_highlights()

    def action_edit(self) -> None:
        """Edit the annotation under the cursor (its dialog again)."""
        view = self._ready()
        ann = self._annotation_under() if view else None
        if view is None or ann is None:
            self._say("no annotation under the cursor")
            return
        if ann.kind == "claim":
            def done(choice: object) -> None:
                if isinstance(choice, str):
                    changed = act.with_attrs(ann, checkworthy=choice)
                    self._save(changed, ann, "claim")

            worthy = ann.attrs.get("checkworthy", "yes")
            self.app.push_screen(ClaimDialog(ann.spans[0].text, worthy), done)
        elif ann.kind == "stance":
            main = act.role_span(ann, "stance")
            assert main is not None
            self._stance_dialog(view, main, ann)
        else:
            content = [(s.start, s.end) for s in ann.role("content")]
            self._attribution_dialog(view, content, ann, None)

    def action_delete(self) -> None:
        """Delete the annotation under the cursor (u brings it back)."""
        ann = self._annotation_under()
        if ann is None:
            self._say("no annotation under the cursor")
            return
        self.write("delete annotation", lambda st: st.delete_annotation(ann.id),
                   f"deleted {ann.kind} (u undoes)")

    def action_undo(self) -> None:
        """Undo your last edit of this document (works across restarts)."""
        doc_id = self.doc_id
        self.write("undo", lambda st: st.undo(doc_id),
                   lambda entry: _undo_note(entry, "undid", "nothing to undo"))

    def action_redo(self) -> None:
        """Redo the edit the last undo reverted."""
        doc_id = self.doc_id
        self.write("redo", lambda st: st.redo(doc_id),
                   lambda entry: _undo_note(entry, "redid", "nothing to redo"))

    # ---------------------------------------------------------------------------- suggestions
    def action_suggestion(self, step: int) -> None:
        """Go to the next (1) / previous (-1) pending suggestion and select it."""
        view = self._ready()
        if view is None:
            return
        pending = view.pending()
        here = self._suggestion_under()
        origin = here.start if here else self.cursor
        target = act.next_suggestion(pending, origin, step)
        if target is None and self.analysis_note.startswith("analysing"):
            self._say("suggestions are still being computed: try again in a moment")
            return
        if target is None:
            hidden = view.hidden_count()
            self._say("no pending suggestions" + (f" ({hidden} hidden: t shows them)"
                                                  if hidden else ""))
            return
        self.article.select_range(target.start, target.end)

    def action_accept(self) -> None:
        """Accept the suggestion under the cursor: it becomes an attribution (origin suggested)."""
        view = self._ready()
        sugg = self._suggestion_under() if view else None
        if view is None or sugg is None:
            self._say("no suggestion under the cursor: n goes to the next one")
            return
        ann = act.accepted(view.doc, sugg, self.redline.settings.annotator)
        self.write("accept suggestion", lambda st: st.add_annotation(ann, suggestion_key=sugg.key),
                   f"accepted: {act.describe(ann, 50)}", focus=self._after(view, sugg))

    def action_reject(self) -> None:
        """Reject the suggestion under the cursor (u brings it back)."""
        view = self._ready()
        sugg = self._suggestion_under() if view else None
        if view is None or sugg is None:
            self._say("no suggestion under the cursor: n goes to the next one")
            return
        doc_id = self.doc_id
        self.write("reject suggestion", lambda st: st.reject_suggestion(doc_id, sugg.key),
                   "rejected the suggestion", focus=self._after(view, sugg))

    @staticmethod
    def _after(view: act.DocView, sugg: act.Suggestion) -> int | Range:
        """Where to go once a suggestion is decided: the next pending one, else stay put."""
        rest = [s for s in view.pending() if s.key != sugg.key]
        nxt = act.next_suggestion(rest, sugg.start, 1)
        return (nxt.start, nxt.end) if nxt else sugg.start

    def action_toggle_low(self) -> None:
        """Hide or show suggestions below the confidence threshold."""
        view = self._ready()
        if view is None:
            return
        view.hide_low = not view.hide_low
        state = "hidden" if view.hide_low else "shown"
        self._say(f"suggestions below {act.LOW_CONFIDENCE} confidence {state}")
        self.refresh_highlights()

    # ------------------------------------------------------------------------- search & nav
    def action_search(self) -> None:
        """Open the search field."""
        bar = self.query_one("#search", SearchBar)
        bar.display = True
        # focus now, not after a refresh: keys typed right after / must reach the field
        self.set_focus(bar)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self.view is None:
            return
        self.hits = act.search_hits(self.view.doc.text, event.value)
        self.note = f"{len(self.hits)} hits for “{event.value}”" if event.value else ""
        self.refresh_highlights()
        self.refresh_status()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        hit = act.next_hit(self.hits, self.cursor)
        self._close_search()
        if hit is None:
            self._say(f"no hits for “{event.value}”")
            return
        self.article.select_range(*hit)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.query_one("#search", SearchBar).value = ""
        self._close_search()

    def _close_search(self) -> None:
        self.query_one("#search", SearchBar).display = False
        self.set_focus(self.article)

    def action_document(self, step: int) -> None:
        """Open the next (1) / previous (-1) document of the library."""
        self.load_document(self.doc_id, step=step)

    def action_done(self) -> None:
        """Mark the document done, or back to in progress."""
        view = self._ready()
        if view is None:
            return
        status = "in progress" if view.doc.status == "done" else "done"
        doc_id = self.doc_id
        self.write("set status", lambda st: st.set_status(doc_id, status),
                   f"document marked {status}")

    def action_reload(self) -> None:
        """Re-read the document from the database (another process may have edited it)."""
        self.load_document(self.doc_id, note="reloaded from the database", opened=False)


def _same_as(ann: Annotation, sugg: act.Suggestion) -> bool:
    """True if a dialog-made attribution is exactly what the suggestion proposed."""
    content = tuple((s.start, s.end) for s in ann.role("content"))
    return (content == tuple(sorted(sugg.content)) and act.role_span(ann, "source") == sugg.source
            and act.role_span(ann, "cue") == sugg.cue and ann.attrs.get("type") == sugg.type
            and ann.attrs.get("speaker", "") == sugg.speaker)


def _undo_note(entry: dict[str, object] | None, verb: str, nothing: str) -> str:
    """`undid: add` / `nothing to undo`."""
    if entry is None:
        return nothing
    return f"{verb}: {entry.get('op')}"
