"""The library's tools beyond its table: the filter's search of the texts (FTS5, in a worker,
once typing pauses) and Del (to the trash, after asking). A part of LibraryScreen, which holds
the rows and the table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.timer import Timer
from textual.widgets import Input

from annotations.errors import RedlineError

from .actions import clip, plural
from .base import RedlineScreen
from .library_data import SEARCH_LIMIT, SEARCH_PAUSE, DocumentDeleted, SearchHits

if TYPE_CHECKING:
    from ..app import RedlineApp


class LibraryTools(RedlineScreen):
    """Text search and delete for the library screen (its rows, table and refill are its own)."""

    rows: list[dict[str, Any]]
    _by_id: dict[str, dict[str, Any]]
    _hits: SearchHits | None
    _search_timer: Timer | None

    @property
    def redline(self) -> RedlineApp:
        """The app, typed (a screen runs only inside RedlineApp; importing it here would be a cycle)."""
        return cast("RedlineApp", self.app)

    def refill(self) -> None:
        """Show the rows that match the filter (the screen's)."""
        raise NotImplementedError

    def current_id(self) -> str | None:
        """The id of the document under the table cursor (the screen's)."""
        raise NotImplementedError

    def action_reload(self) -> None:
        """Re-read the library (the screen's)."""
        raise NotImplementedError

    def search_text(self, query: str) -> None:
        """Search the texts for the filter once typing pauses (a search per keystroke of a
        fast typist would queue on the database)."""
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_PAUSE, lambda: self._search(query)) if query else None

    @work(thread=True, exit_on_error=False, group="library-search")
    def _search(self, query: str) -> None:
        """Search the texts (and annotations) with the filter as an FTS5 query, off the event
        loop; a query SQLite cannot parse comes back as one line for the status. (Not an
        exclusive worker: a thread cannot be stopped, so an old answer is dropped instead.)"""
        try:
            found = self.redline.store.search_ids(query, limit=SEARCH_LIMIT)
        except RedlineError as e:
            self.post_message(SearchHits(query, [], error=e.one_line()))
            return
        self.post_message(SearchHits(query, found))

    def on_search_hits(self, message: SearchHits) -> None:
        """Add the text matches after the title matches (if the filter still says the same)."""
        self._hits = message
        if message.query == self.query_one("#filter", Input).value.strip():
            self.refill()

    def action_delete(self) -> None:
        """Ask, then move the document under the cursor to the trash."""
        doc_id = self.current_id()
        if doc_id is None:
            return
        row = self._by_id[doc_id]
        from .dialogs import ConfirmDialog

        def chosen(yes: object) -> None:
            if yes is True:
                self.delete(doc_id)

        title = clip(row["title"] or doc_id, 60)
        count = plural(row["annotations"], "annotation")
        self.app.push_screen(ConfirmDialog(
            "Delete the document", f"Move “{title}” ({doc_id}, {count}) to the trash? "
            f"`redline restore {doc_id}` brings it back."), chosen)

    @work(thread=True, exit_on_error=False, group="library-delete")
    def delete(self, doc_id: str) -> None:
        """Move the document to the trash (with its annotations, decisions and journal)."""
        [title] = self.redline.store.delete_documents([doc_id])
        self.post_message(DocumentDeleted(doc_id, title))

    def on_document_deleted(self, message: DocumentDeleted) -> None:
        """Drop its row, say how to get it back, and re-read the counts."""
        self.rows = [r for r in self.rows if r["id"] != message.doc_id]
        self._by_id.pop(message.doc_id, None)
        self.refill()
        self.notify(f"Moved “{clip(message.title, 60)}” to the trash: "
                    f"redline restore {message.doc_id} brings it back")
        self.action_reload()
