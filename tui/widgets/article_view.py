"""ArticleView: a line-API article reader with highlights, a token cursor and selection.

How it stays fast on a 1 MB article with tens of thousands of highlights:

- Only the first screen is wrapped at once; a thread worker wraps the rest and posts the
  line table back (`Wrapped`). Lines are (start, end) offset lists found by bisect.
- Highlights are indexed by start (article_style.HighlightIndex); a row looks up only its own.
- Each row is painted once into a finished strip (padded, line-filtered, with the scroll
  indicator cell) kept in an LRU; a move repaints only the rows whose cursor or selection
  changed, and idle-time prefetch paints the pages above and below.
- The widget draws its own one-column scroll indicator: Textual's scrollbar re-renders all its
  rows through the styles cache on every scroll, which cost more than the text rows did.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import ClassVar

from rich.style import Style
from textual import events, on, work
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer
from textual.worker import get_current_worker

from tui.widgets.article_layout import (
    WrapChunk,
    cells,
    first_token_from,
    line_of,
    next_token,
    offset_at_column,
    prev_token,
    snap_span,
    token_containing,
    token_end,
    wrap,
)
from tui.widgets.article_nav import line_edge_target, line_target, paragraph_target, sentence_target
from tui.widgets.article_style import (
    CURSOR,
    LEGEND,
    SELECTION,
    Highlight,
    HighlightIndex,
    Mark,
    RowCache,
)

__all__ = ["LEGEND", "ArticleView", "Highlight"]

Span = tuple[int, int]

# Beyond this offset a re-wrap does not wait to reach the cursor: the first screen is shown
# at once and the view returns to the cursor when the background pass completes.
_SYNC_WRAP_LIMIT = 200_000

# Off-screen rows are painted this many at a time, this long after a frame (see _prefetch).
_PREFETCH_BATCH = 20
_PREFETCH_DELAY = 0.005


@dataclass
class _WrapResult(Message, bubble=False):
    generation: int
    chunk: WrapChunk


def _b(keys: str, action: str, description: str) -> Binding:
    return Binding(keys, action, description, show=False)


class ArticleView(ScrollView, can_focus=True):
    """An article wrapped to the widget width, with highlights, a token cursor and selection."""

    ALLOW_SELECT = False  # the view draws its own token-snapped selection
    PASSES_ON: ClassVar[frozenset[str]] = frozenset({"escape"})
    """Keys handed on to the screen when there is nothing to do (see `action_clear_selection`)."""

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        overflow: hidden hidden;
        scrollbar-size: 0 0;
        padding: 0 0 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("left,h", "token(-1)", "Previous word"),
        _b("right,l", "token(1)", "Next word"),
        _b("shift+left", "token(-1, True)", "Select previous word"),
        _b("shift+right", "token(1, True)", "Select next word"),
        _b("up,k", "line(-1)", "Line up"),
        _b("down,j", "line(1)", "Line down"),
        _b("shift+up", "line(-1, True)", "Select line up"),
        _b("shift+down", "line(1, True)", "Select line down"),
        _b("left_parenthesis", "sentence(-1)", "Previous sentence"),
        _b("right_parenthesis", "sentence(1)", "Next sentence"),
        _b("left_curly_bracket", "paragraph(-1)", "Previous paragraph"),
        _b("right_curly_bracket", "paragraph(1)", "Next paragraph"),
        _b("0,home", "line_edge(-1)", "Start of line"),
        _b("dollar_sign,end", "line_edge(1)", "End of line"),
        _b("shift+home", "line_edge(-1, True)", "Select to start of line"),
        _b("shift+end", "line_edge(1, True)", "Select to end of line"),
        _b("g,ctrl+home", "doc_edge(-1)", "Top of article"),
        _b("G,ctrl+end", "doc_edge(1)", "End of article"),
        _b("pageup", "page(-1)", "Page up"),
        _b("pagedown", "page(1)", "Page down"),
        _b("shift+pageup", "page(-1, True)", "Select page up"),
        _b("shift+pagedown", "page(1, True)", "Select page down"),
        _b("v", "toggle_visual", "Visual selection on/off"),
        _b("escape", "clear_selection", "Clear selection"),
    ]

    @dataclass
    class CursorMoved(Message):
        """The cursor or selection changed."""

        cursor: int
        selection: Span | None
        article_view: ArticleView = field(repr=False)

        @property
        def control(self) -> ArticleView:
            """The view that moved."""
            return self.article_view

        def can_replace(self, message: Message) -> bool:
            """A held key queues moves faster than a parent handles them: keep the last."""
            return isinstance(message, ArticleView.CursorMoved) and message.article_view is self.article_view

    @dataclass
    class Wrapped(Message):
        """The whole article is wrapped to the current width."""

        lines: int
        article_view: ArticleView = field(repr=False)

        @property
        def control(self) -> ArticleView:
            """The view that finished wrapping."""
            return self.article_view

    def __init__(
        self,
        text: str = "",
        highlights: Sequence[Highlight] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Create the view, optionally with a document."""
        super().__init__(name=name, id=id, classes=classes)
        self.moves = 0  # cursor moves so far (keys and jumps), for "has it moved since?"
        self._rows = RowCache(768)
        self._thumb = range(0)
        # Computing rich_style walks every ancestor; Textual clears its own copy on each
        # refresh, so keep ours until the styles really change.
        self._style_stale = True
        self._fast = True
        self._base = Style()
        self._background = Color(0, 0, 0, 0)
        self._filters: tuple[LineFilter, ...] = ()
        self._generation = 0
        self._prefetch_timer: Timer | None = None
        self._overlay: list[Mark] = []
        self.set_document(text, highlights)

    # ------------------------------------------------------------------------ public API

    @property
    def text(self) -> str:
        """The article text."""
        return self._text

    @property
    def cursor(self) -> int:
        """Offset of the token under the cursor."""
        return self._cursor

    @property
    def selection(self) -> Span | None:
        """Selected (start, end) offsets, snapped to tokens, or None."""
        return self._selection

    @property
    def visual(self) -> bool:
        """True while visual mode makes plain movement extend the selection."""
        return self._visual

    @property
    def line_count(self) -> int:
        """Number of visual lines wrapped so far."""
        return len(self._starts)

    @property
    def fully_wrapped(self) -> bool:
        """True once every paragraph is wrapped to the current width."""
        return self._limit > len(self._text)

    def line_span(self, line: int) -> Span:
        """(start, end) offsets of a visual line."""
        return self._starts[line], self._ends[line]

    def set_document(self, text: str, highlights: Sequence[Highlight] = ()) -> None:
        """Show a new article; the cursor goes to its first token."""
        self._text = text
        self._index = HighlightIndex(highlights)
        self._overlay = []
        self._sentences: list[int] | None = None
        self._cursor = first_token_from(text, 0) or 0
        self._cursor_end = token_end(text, self._cursor)
        self._anchor: int | None = None
        self._selection: Span | None = None
        self._visual = False
        self._goal: int | None = None
        self._dragging = self._bar_drag = False
        self._pending: int | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._limit = 0
        self._wrap_width = 0
        self._rows.clear()
        if self.is_mounted:
            self.scroll_to(0, 0, animate=False, immediate=True, force=True)
            self._rewrap()

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Replace every highlight; redraws the visible lines only."""
        self._index = HighlightIndex(highlights)
        self._rows.clear()
        self.refresh()

    def set_overlay(self, highlights: Sequence[Highlight]) -> None:
        """Draw these few highlights over the others (e.g. the suggestion under the cursor).

        Unlike set_highlights this re-indexes nothing and repaints only the rows the old and
        new overlay touch, so it can change on every cursor move of a big document."""
        overlay = [(h.start, h.end, h.kind) for h in highlights]
        if overlay != self._overlay:
            old, self._overlay = self._overlay, overlay
            self._invalidate([(a, b) for a, b, _ in old + overlay])

    def set_sentences(self, starts: Iterable[int]) -> None:
        """Use these sentence start offsets (e.g. from spaCy) instead of the regex."""
        self._sentences = sorted(starts)

    def move_to(self, offset: int, *, select: bool = False) -> None:
        """Put the cursor on the token at (or after) offset, centring it if off screen.

        Without `select` any selection is dropped, visual mode too: a jump is not a move."""
        if not select:
            self._visual = False
        target = token_containing(self._text, offset)
        if target is None:
            target = prev_token(self._text, offset)
        self._move(target, select, centre=True)

    def select_range(self, start: int, end: int) -> None:
        """Select [start, end) widened to whole tokens; the cursor goes to its last token."""
        span = snap_span(self._text, start, end)
        if span is None:
            return
        self._visual = False
        self._anchor = None
        self._move(span[0], False, centre=True)
        self._move(prev_token(self._text, span[1]), True, centre=True)

    def clear_selection(self) -> None:
        """Drop the selection and leave visual mode."""
        self._visual = False
        self._move(self._cursor, False)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so offset is visible, centring it if it is off screen."""
        if offset >= self._limit:
            return
        line = line_of(self._starts, offset)
        top, height = self.scroll_offset.y, self._height
        if not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 2), animate=False, immediate=True, force=True)

    # --------------------------------------------------------------------------- actions

    def action_token(self, delta: int, select: bool = False) -> None:
        """Move by one token."""
        text, cursor = self._text, self._cursor
        self._move(next_token(text, cursor) if delta > 0 else prev_token(text, cursor), select)

    def action_line(self, delta: int, select: bool = False) -> None:
        """Move by visual lines, keeping the column."""
        self._move(self._line_target(delta), select, keep_goal=True)

    def action_page(self, delta: int, select: bool = False) -> None:
        """Move and scroll by a page, keeping the cursor's row."""
        step = max(1, self._height - 1) * delta
        self.scroll_to(y=self.scroll_offset.y + step, animate=False, immediate=True, force=True)
        self._move(self._line_target(step), select, keep_goal=True)

    def action_sentence(self, delta: int, select: bool = False) -> None:
        """Move to the next sentence, or the start of this (or the previous) one."""
        def step(pos: int) -> int | None:
            return sentence_target(self._text, pos, 1, self._sentences)

        if delta > 0 and (select or self._visual):
            self._move(self._unit_end(step), select)
        else:
            self._move(sentence_target(self._text, self._cursor, delta, self._sentences), select)

    def action_paragraph(self, delta: int, select: bool = False) -> None:
        """Move to the next paragraph, or the start of this (or the previous) one."""
        def step(pos: int) -> int | None:
            return paragraph_target(self._text, pos, 1)

        if delta > 0 and (select or self._visual):
            self._move(self._unit_end(step), select)
        else:
            self._move(paragraph_target(self._text, self._cursor, delta), select)

    def _unit_end(self, next_start: Callable[[int], int | None]) -> int | None:
        """The last token before the next unit start that lies past the cursor.

        Selecting forward by sentence or paragraph stops at the unit's end, so `v )` selects
        exactly one sentence rather than running into the next one's first word.
        """
        pos = self._cursor
        for _ in range(64):  # a run of empty units (e.g. "...") is skipped
            start = next_start(pos)
            end = prev_token(self._text, len(self._text) if start is None else start)
            if end is not None and end > self._cursor:
                return end
            if start is None:
                return None
            pos = start
        return None

    def action_line_edge(self, delta: int, select: bool = False) -> None:
        """Move to the first or last token of the visual line."""
        start, end = self.line_span(line_of(self._starts, self._cursor))
        self._move(line_edge_target(self._text, start, end, delta), select)

    def action_doc_edge(self, delta: int, select: bool = False) -> None:
        """Move to the first or last token of the article."""
        text = self._text
        self._move(first_token_from(text, 0) if delta < 0 else prev_token(text, len(text)), select)

    def action_toggle_visual(self) -> None:
        """Start or end visual mode (ending it drops the selection)."""
        if self._visual:
            self.clear_selection()
        else:
            self._visual = True
            self._move(self._cursor, True)

    def action_clear_selection(self) -> None:
        """Clear the selection; with nothing selected let escape reach the screen."""
        if self._selection is None and not self._visual:
            raise SkipAction()
        self.clear_selection()

    # -------------------------------------------------------------------------- movement

    @property
    def _height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def _line_target(self, delta: int) -> int | None:
        if not self._starts:
            return None
        line = line_of(self._starts, self._cursor)
        if self._goal is None:
            self._goal = cells(self._text[self._starts[line] : self._cursor])
        return line_target(self._text, self._starts, self._ends, line, self._goal, delta)

    def _move(
        self, target: int | None, select: bool, *, keep_goal: bool = False, centre: bool = False
    ) -> None:
        if target is None or token_end(self._text, target) == target:
            return  # no token there (an empty or all-blank document)
        self.moves += 1
        if target >= self._limit:
            # Not wrapped yet: go there when the background pass completes.
            self._pending = target
            return
        if not keep_goal:
            self._goal = None
        old_cursor = (self._cursor, self._cursor_end)
        old_selection = self._selection
        if select or self._visual:
            if self._anchor is None:
                self._anchor = self._cursor
        else:
            self._anchor = None
        self._cursor = target
        self._cursor_end = token_end(self._text, target)
        anchor = self._anchor
        if anchor is None:
            self._selection = None
        else:
            lo = min(anchor, target)
            self._selection = (lo, max(token_end(self._text, anchor), self._cursor_end))
        # An empty cursor span (no token) still marks its line for repaint.
        changed = [
            (old_cursor[0], max(old_cursor[0] + 1, old_cursor[1])),
            (target, max(target + 1, self._cursor_end)),
        ]
        if old_selection != self._selection:
            changed += _selection_delta(old_selection, self._selection)
        top = self.scroll_offset.y
        if centre:
            self.scroll_to_offset(target)
        else:
            self._keep_visible(line_of(self._starts, target))
        # A scroll repaints every row anyway; otherwise repaint just the changed ones.
        self._invalidate(changed, repaint=self.scroll_offset.y == top)
        self.post_message(self.CursorMoved(self._cursor, self._selection, self))

    def _keep_visible(self, line: int) -> None:
        top, height = self.scroll_offset.y, self._height
        if line < top - 2 or line >= top + height + 2:
            # A far jump (sentence, paragraph, search): centre it, as vim does.
            self.scroll_to(y=max(0, line - height // 2), animate=False, immediate=True, force=True)
        elif line < top:
            self.scroll_to(y=line, animate=False, immediate=True, force=True)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False, immediate=True, force=True)

    def _invalidate(self, spans: Iterable[Span], *, repaint: bool = True) -> None:
        """Forget the cached rows of lines touching spans; repaint those on screen."""
        if not self._starts:
            return
        top, height = self.scroll_offset.y, self._height
        regions: list[Region] = []
        for start, end in spans:
            if end <= start:
                continue
            first = line_of(self._starts, start)
            last = line_of(self._starts, max(start, end - 1))
            self._rows.discard(first, last)
            lo, hi = max(first, top), min(last, top + height - 1)
            if lo <= hi:
                regions.append(Region(0, lo - top, self.size.width, hi - lo + 1))
        if repaint and regions:
            self.refresh(*regions)

    # ---------------------------------------------------------------------------- mouse

    def _token_at_pointer(self, event: events.MouseEvent) -> int | None:
        if not self._starts:
            return None
        pos = event.get_content_offset_capture(self)
        line = min(len(self._starts) - 1, max(0, pos.y + self.scroll_offset.y))
        start, end = self.line_span(line)
        if start == end:
            return first_token_from(self._text, start)
        offset = offset_at_column(self._text, start, end, max(0, pos.x))
        target = token_containing(self._text, min(offset, end - 1))
        if target is None or target >= end:
            target = prev_token(self._text, end)
        return target

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Click: move the cursor and start a drag selection (or grab the scroll indicator)."""
        if event.button != 1:
            return
        if event.get_content_offset_capture(self).x >= self._text_width:
            self._bar_drag = True
            self._scroll_to_pointer(event)
            self.capture_mouse()
            return
        target = self._token_at_pointer(event)
        if target is None:
            return
        self._visual = False
        self._move(target, event.shift)
        self._dragging = True
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Extend the selection (or move the scroll indicator) while dragging."""
        if self._bar_drag:
            self._scroll_to_pointer(event)
        elif self._dragging:
            target = self._token_at_pointer(event)
            if target is not None and target != self._cursor:
                self._move(target, True)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """Finish a drag."""
        if self._dragging or self._bar_drag:
            self._dragging = self._bar_drag = False
            self.release_mouse()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """Wheel down scrolls (the widget hides Textual's scrollbar, so does this itself)."""
        self.scroll_to(y=self.scroll_offset.y + 3, animate=False, immediate=True, force=True)
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """Wheel up scrolls."""
        self.scroll_to(y=self.scroll_offset.y - 3, animate=False, immediate=True, force=True)
        event.stop()

    def _scroll_to_pointer(self, event: events.MouseEvent) -> None:
        height, total = self._height, len(self._starts)
        row = min(height - 1, max(0, event.get_content_offset_capture(self).y))
        top = round(row / max(1, height - 1) * max(0, total - height))
        self.scroll_to(y=top, animate=False, immediate=True, force=True)

    # ---------------------------------------------------------------------- wrapping

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap when the width changes (a height change needs no new layout)."""
        if self._text_width != self._wrap_width:
            self._rewrap()

    @property
    def _text_width(self) -> int:
        # The last column holds the scroll indicator: Textual's own scrollbar costs more to
        # repaint than all the text rows together, on every scroll.
        return self.scrollable_content_region.width - 1

    def _rewrap(self) -> None:
        width = self._text_width
        if width <= 0:
            return
        keep_row = line_of(self._starts, self._cursor) - self.scroll_offset.y if self._starts else 0
        self._generation += 1
        self._wrap_width = width
        self._rows.clear()
        cursor = self._cursor if self._cursor < _SYNC_WRAP_LIMIT else 0
        chunk = wrap(self._text, 0, width, min_offset=cursor + 1, min_lines=2 * self._height)
        self._starts, self._ends, self._limit = chunk.starts, chunk.ends, chunk.stop
        self.virtual_size = Size(width, len(self._starts))
        if self._cursor < self._limit:
            top = line_of(self._starts, self._cursor) - min(max(keep_row, 0), self._height - 1)
            self.scroll_to(y=max(0, top), animate=False, immediate=True, force=True)
        else:
            self._pending = self._cursor
        self.refresh()
        if self.fully_wrapped:
            self.post_message(self.Wrapped(len(self._starts), self))
        else:
            # Start after the first screen is painted: the thread competes for the GIL.
            self.call_after_refresh(self._wrap_rest, self._text, self._generation, chunk.stop, width)

    # A description spares Textual from repr()-ing the whole article for the worker's name.
    @work(thread=True, exclusive=True, exit_on_error=False, group="wrap", description="wrap")
    def _wrap_rest(self, text: str, generation: int, start: int, width: int) -> None:
        worker = get_current_worker()

        def cancelled() -> bool:
            time.sleep(0)  # hand the GIL to the event loop now and then: keys stay responsive
            return worker.is_cancelled

        chunk = wrap(text, start, width, cancelled=cancelled)
        if not worker.is_cancelled:
            self.post_message(_WrapResult(generation, chunk))

    @on(_WrapResult)
    def _wrap_done(self, message: _WrapResult) -> None:
        if message.generation != self._generation or message.chunk.stop <= len(self._text):
            return  # superseded by a newer document or width
        self._starts.extend(message.chunk.starts)
        self._ends.extend(message.chunk.ends)
        self._limit = message.chunk.stop
        self.virtual_size = Size(self._wrap_width, len(self._starts))
        self.refresh()  # the scroll indicator's thumb shrinks to the real length
        pending, self._pending = self._pending, None
        if pending is not None:
            self._move(pending, False, centre=True)
        self.post_message(self.Wrapped(len(self._starts), self))

    # ---------------------------------------------------------------------- rendering

    def notify_style_update(self) -> None:
        """CSS, theme or pseudo-class changed: re-read the colours on the next frame."""
        super().notify_style_update()
        self._style_stale = True

    def render_lines(self, crop: Region) -> list[Strip]:
        """Render the visible rows from finished cached strips when the widget has no border,
        vertical padding or opacity effects (the common case); otherwise through Textual's
        styles cache, which calls render_line."""
        if self._wrap_width != self._text_width > 0:
            # Sized by a layout since the text was set (a document set before the first
            # layout): wrap now, so this frame shows the text rather than the one after Resize.
            self._rewrap()
        if self._style_stale:
            self._style_stale = False
            styles = self.styles
            self._fast = not (
                styles.padding.top
                or styles.padding.bottom
                or any(edge for edge, _color in styles.border)
                or any(edge for edge, _color in styles.outline)
                or styles.tint.a
                or styles.opacity != 1
                or styles.text_opacity != 1
                or (styles.has_rule("hatch") and styles.hatch != "none")
            )
            self._base = self.rich_style
            self._background = self.background_colors[1]
            self._filters = tuple(self.get_line_filters())
        fast = self._fast
        self._rows.configure(
            self._base,
            self._filters if fast else (),
            self._background,
            self.region.width if fast else self.size.width,
            self.styles.padding.left if fast else 0,
        )
        self._thumb = self._thumb_rows()
        if not fast:
            return super().render_lines(crop)
        top = self.scroll_offset.y
        strips = [self._row(top + y, y) for y in crop.line_range]
        if self._prefetch_timer is None and any(
            not self._rows.cached(index) for index in self._prefetch_range()
        ):
            self._prefetch_timer = self.set_timer(_PREFETCH_DELAY, self._prefetch)
        x1, x2 = crop.column_span
        if (x1, x2) != (0, self.region.width):
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips

    def render_line(self, y: int) -> Strip:
        """Render one visible row (used when render_lines falls back to Textual's path)."""
        return self._row(self.scroll_offset.y + y, y)

    def _prefetch(self) -> None:
        """Paint the pages above and below the view in small idle-time batches, so a page
        move or a scroll finds its rows cached instead of painting a whole screen at once."""
        self._prefetch_timer = None
        budget = _PREFETCH_BATCH
        for index in self._prefetch_range():
            if not self._rows.cached(index):
                self._row(index, -1)
                budget -= 1
                if not budget:
                    self._prefetch_timer = self.set_timer(_PREFETCH_DELAY, self._prefetch)
                    return

    def _prefetch_range(self) -> Iterable[int]:
        """The page below the view, then the page above it."""
        top, height, total = self.scroll_offset.y, self._height, len(self._starts)
        below = range(top + height, min(total, top + 2 * height))
        return chain(below, range(max(0, top - height), min(top, total)))

    def _thumb_rows(self) -> range:
        """Rows of the scroll indicator's thumb (empty when everything fits)."""
        total, height = len(self._starts), self._height
        if total <= height:
            return range(0)
        size = max(1, round(height * height / total))
        top = round(self.scroll_offset.y / max(1, total - height) * (height - size))
        return range(top, top + size)

    def _row(self, index: int, y: int) -> Strip:
        thumb = y in self._thumb
        if index >= len(self._starts):
            return self._rows.blank(thumb)
        start, end = self._starts[index], self._ends[index]
        return self._rows.row(index, thumb, self._text, start, end, self._marks(start, end))

    def _marks(self, start: int, end: int) -> Iterator[Mark]:
        yield from self._index.overlapping(start, end)
        for mark in self._overlay:
            if mark[0] < end and mark[1] > start:
                yield mark
        if self._selection is not None:
            yield self._selection[0], self._selection[1], SELECTION
        yield self._cursor, self._cursor_end, CURSOR


def _selection_delta(old: Span | None, new: Span | None) -> list[Span]:
    """Offsets whose selected state differs between two selections."""
    if old is None or new is None:
        return [s for s in (old, new) if s is not None]
    return [
        (min(old[0], new[0]), max(old[0], new[0])),
        (min(old[1], new[1]), max(old[1], new[1])),
    ]
