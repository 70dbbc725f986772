"""The side panel: the document's annotations in reading order; choosing one jumps to it."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from annotations.models import Annotation
from annotations.safe_text import terminal_safe

from ..screens.actions import describe

EMPTY_ID = "-empty-"
# Short lines, one phrase each, to fit the narrowest panel (30 cells): wrapped by the panel,
# "select text, then c, s or a" broke as "…then c, s" / "or a"
EMPTY_TEXT = ("no annotations yet\n\n"
              "select words (v, shift+→)\n"
              "or go to a sentence, then:\n"
              "  c  claim\n"
              "  s  stance\n"
              "  a  attribution of a quote")
ROWS_PER_FRAME = 250
"""Rows added to the panel per frame when a long list is shown."""


class SidePanel(OptionList):
    """One row per annotation (`Source → cue → “content”`); Enter or a click jumps to it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Jump to the annotation in the article", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class Jump(Message):
        """The user chose an annotation: show it in the article."""

        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._annotations: dict[str, Annotation] = {}
        self._rows: dict[tuple[str, str], Option] = {}
        self._generation = 0

    def on_mount(self) -> None:
        """Start with the empty hint so the panel never looks broken."""
        self.set_annotations([])

    def set_annotations(self, annotations: list[Annotation]) -> None:
        """Show these annotations (already in reading order), keeping the highlighted row."""
        keep = self.highlighted_id
        self._annotations = {a.id: a for a in annotations}
        # A row whose text is unchanged keeps its Option, and with it the height Textual
        # measured: every write lists all annotations again, and measuring 2,000 rows anew
        # took a fifth of a second on a long article.
        rows = {(a.id, describe(a)): a.id for a in annotations}
        # plain Content, not a markup string: stored text such as “a [sic] b” (or a span label's
        # `[label]`) is shown as it is, never read as a style tag and dropped
        self._rows = {key: self._rows.get(key) or Option(Content(terminal_safe(key[1])),
                                                         id=ann_id)
                      for key, ann_id in rows.items()}
        options = list(self._rows.values())
        if not options:
            options = [Option(EMPTY_TEXT, id=EMPTY_ID, disabled=True)]
        # A long list goes in a chunk per frame: measuring 2,000 new rows at once held the
        # screen for half a second (the article's first frame waited for it).
        self._generation += 1
        self.set_options(options[:ROWS_PER_FRAME])
        self._more_rows(options[ROWS_PER_FRAME:], keep, self._generation)

    def _more_rows(self, rest: list[Option], keep: str | None, generation: int) -> None:
        """Add the next chunk after the coming frame; once all are in, restore the row."""
        if rest:
            self.call_after_refresh(self._add_rows, rest, keep, generation)
        elif keep and keep in self._annotations:
            self.highlighted = self.get_option_index(keep)

    def _add_rows(self, rest: list[Option], keep: str | None, generation: int) -> None:
        if generation == self._generation:  # else a newer list replaced this one
            self.add_options(rest[:ROWS_PER_FRAME])
            self._more_rows(rest[ROWS_PER_FRAME:], keep, generation)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted annotation, if any."""
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return option_id if option_id != EMPTY_ID else None

    def on_focus(self) -> None:
        """Arriving with Tab: start on the first row rather than on none."""
        if self.highlighted is None and self._annotations:
            self.highlighted = 0

    def follow(self, ann_id: str | None) -> None:
        """Highlight the row of the annotation under the article cursor (without jumping)."""
        if ann_id and ann_id in self._annotations and ann_id != self.highlighted_id:
            # its row may not be added yet (a long list fills over a few frames)
            with contextlib.suppress(OptionDoesNotExist):
                self.highlighted = self.get_option_index(ann_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn a chosen row into a Jump for the screen."""
        event.stop()
        ann = self._annotations.get(event.option.id or "")
        if ann is not None:
            self.post_message(self.Jump(ann))
