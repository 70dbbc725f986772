"""The library screen: every document with its progress; type to filter, Enter opens."""

from __future__ import annotations

import shlex
import string
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Label, Static

from ..messages import LibraryLoaded
from ..widgets.key_footer import KeyFooter
from .actions import clip, plural
from .base import RedlineScreen

if TYPE_CHECKING:
    from ..app import RedlineApp

COLUMNS = (("title", "Title"), ("words", "Words"), ("annotations", "Annotations"),
           ("pending", "Pending"), ("status", "Status"), ("edited", "Last edit"))

# Columns whose longest value is known, sized for it: sized to what the first load held (every
# document `new`), the status column showed "in pro" once a document was in progress.
FIXED_WIDTHS = {"status": len("in progress"), "edited": len("Mar 02 14:03")}


def format_when(iso: str, now: datetime) -> str:
    """A stored UTC time in `now`'s zone: `14:03` today, `Mar 02 14:03` this year, else a date."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(now.tzinfo)
    except ValueError:
        return iso
    if when.date() == now.date():
        return when.strftime("%H:%M")
    if when.year == now.year:
        return when.strftime("%b %d %H:%M")
    return when.strftime("%Y-%m-%d")


def import_hint(db: Path) -> str:
    """What an empty library says: the import command for its database, and the key to see
    what was imported (a new library is seeded, so this is one emptied, or a fresh --db)."""
    from ..settings import default_db

    where = "" if db == default_db() else f"--db {shlex.quote(str(db))} "
    return ("No documents yet. Import articles from a shell:\n\n"
            f"    redline {where}import PATH\n\n"
            "PATH: .txt, .md or .jsonl files, or folders of them (redline import --help).\n"
            "Then press f5 here to see them.")


def matches(row: dict[str, Any], query: str) -> bool:
    """True if every word of the query occurs in the row's title, id or status (typing
    "failed" finds the documents whose analysis failed)."""
    failed = " analysis failed" if row.get("analysis_error") else ""
    hay = f"{row['title']} {row['id']} {row['status']}{failed}".lower()
    return all(word in hay for word in query.lower().split())


# The keys that start (or go on) filtering when the table has them: every printable ASCII
# character but the screen's own keys (q, ?, /). Capitals filter too: with `R` bound to
# reload, typing "Rus" reloaded and filtered "us", so reloading is f5, a key nobody types.
# Binding keys are comma-separated and stripped, so "," and " " go by their names.
_FILTER_CHARS = [c for c in string.printable if c.isprintable() and c not in "q?/"]


def _filter_bindings() -> list[BindingType]:
    """One priority binding per filter character (none is described: internal, not in `?`).

    A priority binding runs while the app dispatches the key, before the next key is sent to
    whatever has focus: the first letter moves the focus to the filter in time for the rest
    of a fast burst ("very long" pasted, or typed over a slow SSH link) to follow it there."""
    names = {",": "comma", " ": "space"}
    return [Binding(names.get(c, c), f"type({c!r})", show=False, priority=True)
            for c in _FILTER_CHARS]


class LibraryScreen(RedlineScreen):
    """A table of documents (title, words, annotations, pending suggestions, status, last edit)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", tooltip="Open the document under the cursor"),
        Binding("slash", "filter", "Filter", priority=True,
                tooltip="Filter by title, id or status (or just start typing)"),
        Binding("escape", "clear_filter", "Clear filter"),
        Binding("f5", "reload", "Reload", tooltip="Re-read the library from the database"),
        Binding("question_mark", "app.help", "Keys", tooltip="Show every key"),
        Binding("q", "app.leave", "Quit", tooltip="Quit redline"),
        Binding("down", "cursor(1)", "Down", show=False, tooltip="Next document (also in the filter)"),
        Binding("up", "cursor(-1)", "Up", show=False, tooltip="Previous document (also in the filter)"),
        *_filter_bindings(),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []

    @property
    def redline(self) -> RedlineApp:
        """The app, typed (a screen runs only inside RedlineApp; importing it here would be a cycle)."""
        return cast("RedlineApp", self.app)

    def compose(self) -> ComposeResult:
        """Title line, filter, table, keys."""
        yield Label(f"redline · library · {self.redline.settings.db}", id="library-title")
        yield Input(placeholder="type to filter by title, id or status", id="filter",
                    select_on_focus=False)
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True, id="documents")
        for key, label in COLUMNS:
            table.add_column(label, key=key, width=FIXED_WIDTHS.get(key))
        yield table
        yield Static(import_hint(self.redline.settings.db), id="library-empty", markup=False)
        yield Label("", id="library-status")
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        """Load the rows; the table takes the keys."""
        self.query_one("#documents", DataTable).focus()
        self.load()

    def on_screen_resume(self) -> None:
        """Coming back from a document: its counts may have changed."""
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="library")
    def load(self) -> None:
        """Read the library rows (may wait on another process's write)."""
        self.post_message(LibraryLoaded(self.redline.store.library()))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """Show the rows."""
        self.rows = message.rows
        self.refill()

    def refill(self) -> None:
        """Rebuild the table from the rows that match the filter, keeping the cursor's row."""
        table = self.query_one("#documents", DataTable)
        keep = self.current_id()
        query = self.query_one("#filter", Input).value.strip()
        shown = [r for r in self.rows if matches(r, query)] if query else self.rows
        now = self.redline.now()
        # the other columns take about 62 cells: the title gets the rest
        room = max(16, self.size.width - 62)
        table.clear()
        for r in shown:
            # "failed": its analysis failed (no suggestions); "–": never analysed
            pending = str(r["pending"]) if r["pending"] is not None else (
                "failed" if r.get("analysis_error") else "–")
            title = clip(r["title"] or r["id"], room)
            if r.get("needs_review"):
                title += " ⚠"
            table.add_row(title, str(r["words"]), str(r["annotations"]), pending, r["status"],
                          format_when(r["updated_at"], now), key=r["id"])
        ids = [r["id"] for r in shown]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        done = sum(1 for r in self.rows if r["status"] == "done")
        label = f"{len(shown)} of {plural(len(self.rows), 'document')} · {done} done"
        if failed := sum(1 for r in self.rows if r.get("analysis_error")):
            label += f" · analysis failed for {failed} (entities only)"
        self.query_one("#library-status", Label).update(label)
        # no documents at all (not none matching): say how to add some under the bare header
        # (the table keeps the focus, so q and ? still work)
        self.set_class(not self.rows, "-empty")

    def on_resize(self) -> None:
        """Titles are clipped to the width: re-fill at the new one."""
        if self.rows:
            self.refill()

    def current_id(self) -> str | None:
        """The id of the document under the table cursor."""
        table = self.query_one("#documents", DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return key.value

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
    def _filtered(self) -> None:
        self.refill()

    @on(Input.Submitted, "#filter")
    def _submitted(self) -> None:
        self.action_open()

    @on(DataTable.RowSelected, "#documents")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
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
        self.set_focus(self.query_one("#documents", DataTable))

    def action_reload(self) -> None:
        """Re-read the library (another process may have changed it)."""
        self.load()

    def action_cursor(self, step: int) -> None:
        """Move the table cursor while the filter has the keys."""
        table = self.query_one("#documents", DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()
