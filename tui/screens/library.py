"""The library screen: every document with its progress; type to filter, Enter opens."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from ..trace import mark
from ..widgets.key_footer import KeyFooter
from ..widgets.library_table import LibraryTable
from .actions import clip, plural
from .library_data import (
    COLUMNS,
    FIRST_ROWS,
    SEARCH_LIMIT,
    TEXT_HIT,
    LibraryRows,
    SearchHits,
    filter_bindings,
    prepare,
    title_matches,
    with_text_hits,
)
from .library_data import format_when as format_when  # where the tests import it from
from .library_tools import LibraryTools


def import_hint(db: Path) -> str:
    """What an empty library says: the import command for its database, and the key to see
    what was imported (a new library is seeded, so this is one emptied, or a fresh --db)."""
    from ..settings import default_db

    where = "" if db == default_db() else f"--db {shlex.quote(str(db))} "
    return ("No documents yet. Import articles from a shell:\n\n"
            f"    redline {where}import PATH\n\n"
            "PATH: .txt, .md or .jsonl files, or folders of them (redline import --help).\n"
            "Then press f5 here to see them.")


class _FooterLine(Widget):
    """The key footer's line, held (in its colours) until the footer is mounted."""

    DEFAULT_CSS = """
    _FooterLine { dock: bottom; height: 1; background: $footer-background; }
    """


class LibraryScreen(LibraryTools):
    """A table of documents (title, words, annotations, pending suggestions, status, last edit)."""

    # beside redline.tcss, read when the screen first shows; absolute, as a subclass elsewhere would
    # resolve a relative path from its own file
    CSS_PATH = str(Path(__file__).resolve().parent.parent / "library.tcss")
    # the table has the keys from the start: by default the first focusable widget (the filter)
    # was focused until on_mount ran, so the second q of a `q q` burst typed "q" into it
    AUTO_FOCUS = "#documents"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", tooltip="Open the document under the cursor"),
        Binding("slash", "filter", "Filter", priority=True,
                tooltip="Filter by title, id or status, and search the texts (or just start "
                        "typing)"),
        Binding("escape", "clear_filter", "Clear filter"),
        Binding("delete", "delete", "Delete", tooltip="Move the document under the cursor to the "
                "trash (after asking; redline restore brings it back)"),
        Binding("f5", "reload", "Reload", tooltip="Re-read the library from the database"),
        Binding("question_mark", "app.help", "Keys", tooltip="Show every key"),
        Binding("q", "app.leave", "Quit", tooltip="Quit redline"),
        Binding("down", "cursor(1)", "Down", show=False, tooltip="Next document (also in the filter)"),
        Binding("up", "cursor(-1)", "Up", show=False, tooltip="Previous document (also in the filter)"),
        *filter_bindings(),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []
        self.total = 0  # documents in the library (more than the rows while it loads)
        self.complete = False  # every row is loaded
        self.text_hits: set[str] = set()  # shown because their text matches the filter
        self._hits: SearchHits | None = None  # the newest full-text result
        self._title_room = 40
        self._search_timer: Timer | None = None
        self._by_id: dict[str, dict[str, Any]] = {}
        self._counts = (0, 0)  # documents done, documents whose analysis failed

    def compose(self) -> ComposeResult:
        """Title line, filter, table, keys."""
        yield Label(f"redline · library · {self.redline.settings.db}", id="library-title")
        yield Input(placeholder="type to filter by title, id or status, and search the texts",
                    id="filter", select_on_focus=False)
        yield LibraryTable(COLUMNS, self.cells, lambda r: str(r["id"]), id="documents")
        yield Static(import_hint(self.redline.settings.db), id="library-empty", markup=False)
        yield Label("", id="library-status")
        # The key footer arrives after the first frame (on_mount), as on the annotation screen:
        # styling its keys was a fifth of the library's start. Its line is held meanwhile.
        yield _FooterLine(id="footer-line")

    @property
    def table(self) -> LibraryTable:
        """The documents table."""
        return self.query_one("#documents", LibraryTable)

    def on_mount(self) -> None:
        """The table takes the keys (the rows load when the screen is first shown)."""
        self.table.focus()
        self.redline.after_first_frame(self._mount_footer)

    def _mount_footer(self) -> None:
        """Put the key footer in the line held for it."""
        for held in self.query(_FooterLine):
            held.remove()
        self.mount(KeyFooter(show_command_palette=False))
        # a footer shows the keys it is told of after it subscribed: tell it once mounted
        self.call_after_refresh(self.refresh_bindings)

    def on_screen_resume(self) -> None:
        """Shown, first or back from a document (whose counts may have changed): load."""
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="library")
    def load(self, *, whole: bool = False) -> None:
        """Read the library rows (may wait on another process's write). The first load of a
        big library reads a screenful; the rest is read once that is on screen, so its work
        (seconds of it at 100k documents) does not hold back the first frame."""
        store = self.redline.store
        if not (whole or self.complete):
            first = store.library(limit=FIRST_ROWS)
            if len(first) == FIRST_ROWS:
                self.post_message(LibraryRows(prepare(first), total=store.document_count(),
                                              complete=False))
                return
        rows = prepare(store.library())
        self.post_message(LibraryRows(rows, total=len(rows), complete=True))

    def on_library_rows(self, message: LibraryRows) -> None:
        """Show the rows (after a first screenful, read the rest)."""
        if self.complete and not message.complete:
            return  # a first screenful overtaken by the whole library
        first = not self.rows
        self.rows, self.total, self.complete = message.rows, message.total, message.complete
        # once per load, not per keystroke: at 100k documents each pass is milliseconds
        self._by_id = {r["id"]: r for r in self.rows}
        self._counts = (sum(1 for r in self.rows if r["status"] == "done"),
                        sum(1 for r in self.rows if r.get("analysis_error")))
        self.refill()
        if first:  # for benchmarks/library_big.py (a no-op unless REDLINE_BENCH_TRACE is set)
            self.call_after_refresh(mark, "library-shown", f"rows={len(self.rows)}")
        if message.complete:
            self.call_after_refresh(mark, "library-loaded", f"rows={len(self.rows)}")
            self.search_text(self.query_one("#filter", Input).value.strip())
        else:
            self.call_after_refresh(lambda: self.load(whole=True))

    def cells(self, r: dict[str, Any]) -> list[str]:
        """One row's cells as the table draws them (only for the rows on screen)."""
        # "failed": its analysis failed (no suggestions); "–": never analysed
        pending = str(r["pending"]) if r["pending"] is not None else (
            "failed" if r.get("analysis_error") else "–")
        mark = (" ⚠" if r.get("needs_review") else "") + (
            TEXT_HIT if r["id"] in self.text_hits else "")
        title = clip(r["title"] or r["id"], max(8, self._title_room - len(mark))) + mark
        return [title, str(r["words"]), str(r["annotations"]), pending, r["status"],
                format_when(r["updated_at"], self.redline.now())]

    def refill(self) -> None:
        """Show the rows that match the filter (by title, id or status, then by text), keeping
        the cursor's row."""
        table = self.table
        query = self.query_one("#filter", Input).value.strip()
        shown = title_matches(self.rows, query)
        by_title = len(shown)
        hits = self._hits if self._hits is not None and self._hits.query == query else None
        self.text_hits = set()
        if query and hits is not None and not hits.error:
            shown, self.text_hits = with_text_hits(shown, self._by_id, hits.ids)
        self._title_room = table.title_width()
        table.set_rows(shown, keep=table.current_key)
        self.query_one("#library-status", Label).update(self.status_line(by_title, hits))
        # no documents at all (not none matching): say how to add some under the bare header
        # (the table keeps the focus, so q and ? still work)
        self.set_class(self.complete and not self.rows, "-empty")

    def status_line(self, by_title: int, hits: SearchHits | None) -> str:
        """How many documents show of how many, done, failed; the text search's outcome."""
        if not self.complete:
            return f"{plural(self.total, 'document')} · loading…"
        label = f"{by_title} of {plural(len(self.rows), 'document')}"
        if self.text_hits:
            best = "the best " if hits is not None and len(hits.ids) >= SEARCH_LIMIT else ""
            label += f" · {best}{len(self.text_hits)} more by their text"
        label += f" · {self._counts[0]} done"
        if failed := self._counts[1]:
            label += f" · analysis failed for {failed} (entities only)"
        if hits is not None and hits.error:
            label = f"text search: {hits.error} · {label}"  # first: the line may be cut
        return label

    def on_resize(self) -> None:
        """Titles are clipped to the width: re-fill at the new one."""
        if self.rows:
            self.refill()

    def current_id(self) -> str | None:
        """The id of the document under the table cursor."""
        return self.table.current_key

    def action_type(self, character: str) -> None:
        """Type to filter: a character the table does not use goes to the end of the filter.

        In the filter itself the key is left to it (typed at its cursor); a space only goes on
        a filter already begun."""
        field = self.query_one("#filter", Input)
        if field.has_focus or (character == " " and not field.value):
            raise SkipAction()
        field.value += character
        field.cursor_position = len(field.value)
        self.set_focus(field)

    @on(Input.Changed, "#filter")
    def _filtered(self, event: Input.Changed) -> None:
        self.refill()  # titles at once; the texts when the search comes back
        if self.complete:
            self.search_text(event.value.strip())

    @on(Input.Submitted, "#filter")
    def _submitted(self) -> None:
        self.action_open()

    def on_library_table_chosen(self, event: LibraryTable.Chosen) -> None:
        """A click on a row opens it."""
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Open the document under the cursor."""
        doc_id = self.current_id()
        if doc_id:
            self.redline.open_document(doc_id)

    def action_filter(self) -> None:
        """Focus the filter (in it, / is just a character)."""
        field = self.query_one("#filter", Input)
        if field.has_focus:
            raise SkipAction()
        self.set_focus(field)

    def action_clear_filter(self) -> None:
        """Empty the filter and give the keys back to the table."""
        self.query_one("#filter", Input).value = ""
        self.set_focus(self.table)

    def action_reload(self) -> None:
        """Re-read the library (another process may have changed it)."""
        self.load()

    def action_cursor(self, step: int) -> None:
        """Move the table cursor while the filter has the keys."""
        self.table.action_cursor(step)
