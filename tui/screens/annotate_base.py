"""The annotation screen's state and display, shared by the screen and its key groups.

`AnnotationBase` holds what the screen shows for one document (the view, marks, search hits,
the status note), draws it (highlights, status line, side panel), follows the cursor, and finds
what lies under it (its writes are in `annotate_writes`); the key groups (`annotate_tags`,
`annotate_suggestions`, `annotate_search`) and the screen itself (`annotate`) build on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import on

from annotations.models import Annotation

from ..widgets.article_view import ArticleView, Highlight
from ..widgets.side_panel import SidePanel
from ..widgets.status_bar import StatusBar
from . import actions as act
from .annotate_writes import Range as Range  # the key groups' name for an offset pair
from .annotate_writes import WritingScreen

T = TypeVar("T")


class AnnotationBase(WritingScreen):
    """One document's state on screen, how it is drawn, and what lies under the cursor."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(doc_id)
        self.seq = -1
        self.marked: list[Range] = []
        self.hits: list[Range] = []
        self.analysis_note = ""
        self.note = ""
        self._current_key = ""
        # (index, cursor) of the search hit Enter last went to: the next Enter goes on from it
        self.hit: tuple[int, int] | None = None
        # (cursor, note) of a move the screen made itself, whose note must outlive the move
        self._kept_note: tuple[int, str] | None = None
        self.highlights: list[Highlight] = []
        self._base_highlights: list[Highlight] = []
        self._status_queued = False
        self._panel_queued = False
        self._write_jumps = 0  # cursor moves made by writes' jumps (see editor_moves)

    @property
    def article(self) -> ArticleView:
        """The article widget."""
        return self.query_one("#article", ArticleView)

    @property
    def cursor(self) -> int:
        """The article's cursor offset (read from the widget: keys may outrun its messages)."""
        return self.article.cursor

    def editor_moves(self) -> int | None:
        """The cursor moves made by keys (every move but the jumps writes made on arrival):
        a write's jump is skipped if this grew after its key (see jump_after_write)."""
        return self.article.moves - self._write_jumps

    def jump_after_write(self, target: int | Range, moves_at_key: int | None) -> None:
        """Go to where a committed write points (an undo: to what it changed), unless the
        editor moved the cursor after the key that made the write. Jumps of earlier writes do
        not count as moves: `u u` goes to each undone change in turn."""
        if moves_at_key is not None and moves_at_key != self.editor_moves():
            return
        before = self.article.moves
        self.go(target, self.note)  # the note outlives the move it makes
        self._write_jumps += self.article.moves - before

    @property
    def selection(self) -> Range | None:
        """The article's selection, if any."""
        return self.article.selection

    # ------------------------------------------------------------------------------- cursor
    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        """Show what lies under the cursor (the current suggestion stands out)."""
        kept, self._kept_note = self._kept_note, None
        self.note = kept[1] if kept and kept[0] == message.cursor else ""
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
        # queued on the app: a write committed as the editor left (y then q) lands here after
        # the screen and its panel are gone
        if self.view is not None and self.is_attached:
            self.query_one(SidePanel).set_annotations(self.view.annotations)

    def _queued_status(self) -> None:
        self._status_queued = False
        ann = self._annotation_under()
        self.query_one(SidePanel).follow(ann.id if ann else None)
        self.refresh_status()

    def go(self, target: int | Range, note: str) -> None:
        """Move the cursor to an offset (or select a range), scrolled into view, and say `note`.

        The note stays when the move's own CursorMoved arrives (a later move clears it)."""
        if isinstance(target, tuple):
            self.article.select_range(*target)
        else:
            self.article.move_to(target)
        self.say_over_move(note)

    def say_over_move(self, note: str) -> None:
        """Say `note` now and keep it when the CursorMoved of a move just made arrives."""
        self._kept_note = (self.cursor, note)
        self._say(note)

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
        pending = view.pending_count()
        hidden = view.hidden_count()
        title = act.clip(view.doc.title or view.doc.id, min(50, max(16, self.size.width - 60)))
        progress = (f"{title} · {act.plural(len(view.annotations), 'annotation')} · "
                    f"{pending} pending"
                    + (f" ({hidden} hidden)" if hidden else "") + f" · {view.doc.status}")
        if self.marked:
            progress += f" · {len(self.marked)} marked (esc clears)"
        if self.hits:
            progress += f" · {act.plural(len(self.hits), 'hit')}"
        if self.read_only:
            progress += " · READ-ONLY"
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
            if ann.attrs.get("note"):  # the panel only marks it: here it can be read
                hint = f"  note: {act.clip(ann.attrs['note'], 40)}{hint}"
            if self.size.width >= 110:
                hint += "  e edit · x delete"
            room = max(12, self.size.width - 2 - len(hint) - 30)
            return act.describe(ann, room) + hint
        return ""

    # ------------------------------------------------------------------------------ look-ups
    def _suggestion_under(self, view: act.DocView | None = None) -> act.Suggestion | None:
        """The pending suggestion under the cursor (or the selection), in `view` (the view
        shown, by default; the keys pass keys_view())."""
        view = view if view is not None else self.view
        if view is None:
            return None
        found = view.pending_at(self.cursor)
        if found is None and self.selection:
            found = view.pending_overlapping(*self.selection)
        return found

    def _annotation_under(self) -> Annotation | None:
        if self.view is None:
            return None
        return self.view.annotation_at(self.cursor, self.selection)

    def _ready(self) -> act.DocView | None:
        """The view, or None (with a message) while the document is still loading."""
        if self.view is None:
            self.notify("the document is still loading")
        return self.view

    def _ready_with(self, find: Callable[[], T | None], missing: str
                    ) -> tuple[act.DocView, T] | None:
        """The view and what `find` finds under the cursor; None, saying `missing`, if either
        is not there (while loading, `_ready` says so too)."""
        view = self._ready()
        found = find() if view else None
        if view is None or found is None:
            self._say(missing)
            return None
        return view, found

    def _say(self, text: str) -> None:
        self.note = text
        self.refresh_status()
