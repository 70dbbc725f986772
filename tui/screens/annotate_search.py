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
        if self.query_one("#search", SearchBar).has_focus:
            raise SkipAction()
        self.open_search()

    def open_search(self) -> None:
        """Show the search field and give it the keys (the palette's "Search the text")."""
        bar = self.query_one("#search", SearchBar)
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

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        """Escape: close the field and clear the hits; the cursor stays at the hit it is on."""
        self.query_one("#search", SearchBar).value = ""
        self.hits, self.hit = [], None
        self.query_one("#search", SearchBar).display = False
        self.set_focus(self.article)
        self.refresh_highlights()
        self.refresh_status()
