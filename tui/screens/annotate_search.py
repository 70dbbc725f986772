"""The annotation screen's search: `/` opens the field, hits light up, Enter jumps, Esc closes.

The field is not part of the first frame: it is mounted, hidden, once that frame is on the
terminal (or at the first `/`, if sooner), so a launch does not build and style an Input it may
never show (issue 16: the launch against a one-line Textual app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.actions import SkipAction
from textual.widgets import Input

from ..widgets.status_bar import StatusBar
from . import actions as act
from .annotate_base import AnnotationBase

if TYPE_CHECKING:
    from ..widgets.search_bar import SearchBar


class SearchKeys(AnnotationBase):
    """The search field's key and messages."""

    def search_bar(self) -> SearchBar:
        """The search field, mounted hidden above the status line on first need."""
        from ..widgets.search_bar import SearchBar  # imported then too, not at start

        for bar in self.query(SearchBar):
            return bar
        bar = SearchBar(id="search")
        bar.display = False
        self.mount(bar, before=self.query_one(StatusBar))
        return bar

    def action_search(self) -> None:
        """Open the search field (in it, / is just a character)."""
        if self.search_bar().has_focus:
            raise SkipAction()
        self.open_search()

    def open_search(self) -> None:
        """Show the search field and give it the keys (the palette's "Search the text")."""
        bar = self.search_bar()
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
        self.hit = None
        self.note = (f"{act.plural(len(self.hits), 'hit')} for “{event.value}”: Enter goes to "
                     "the next" if event.value else "")
        self.refresh_highlights()
        self.refresh_status()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Go to the next hit (wrapping); the field stays open for the next Enter.

        The cursor goes to the hit's start and nothing is selected: a hit is where to look,
        not what to tag (c or s on it would have tagged the words searched for)."""
        event.stop()
        if not self.hits:
            self._say(f"no hits for “{event.value}”" if event.value else "type what to find")
            return
        if self.hit is not None and self.hit[1] == self.cursor:
            index = (self.hit[0] + 1) % len(self.hits)  # the cursor is where Enter put it
        else:
            index = act.next_hit_index(self.hits, self.cursor) or 0
        self.go(self.hits[index][0], f"hit {index + 1} of {len(self.hits)} for “{event.value}”"
                                     " · Enter: next · Esc: close")
        self.hit = (index, self.cursor)

    def on_search_bar_closed(self) -> None:  # SearchBar.Closed, named: no import at start
        """Escape: close the field and clear the hits; the cursor stays at the hit it is on."""
        self.search_bar().value = ""
        self.hits, self.hit = [], None
        self.search_bar().display = False
        self.set_focus(self.article)
        self.refresh_highlights()
        self.refresh_status()
