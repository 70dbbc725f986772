"""The annotation screen's search: `/` opens the field, hits light up, Enter jumps, Esc closes."""

from __future__ import annotations

from textual import on
from textual.actions import SkipAction
from textual.widgets import Input

from ..widgets.search_bar import SearchBar
from . import actions as act
from .annotate_base import AnnotationBase


class SearchKeys(AnnotationBase):
    """The search field's key and messages."""

    def action_search(self) -> None:
        """Open the search field (in it, / is just a character)."""
        bar = self.query_one("#search", SearchBar)
        if bar.has_focus:
            raise SkipAction()
        bar.display = True
        # A priority binding runs while the app dispatches the key, before it dispatches the
        # next one: focused here, every key typed after / reaches the field. (Run from the
        # article, as a plain binding, the keys already sent to it ran as commands.)
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
