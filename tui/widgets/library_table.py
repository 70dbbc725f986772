"""The library's table: one line per document, drawn only where it is on screen.

A DataTable measures and styles every row it holds: with 10,000 documents the library took
seconds to show and each keystroke of the filter rebuilt it. Here the rows are a plain list and
a line is formatted (by the screen's `cells` function) only when it is drawn, so the library
shows as quickly with 100,000 documents as with one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cells = Callable[[Any], Sequence[str]]
"""A row as the text of its cells, one per column."""


class Column:
    """One column: its key, header, width (None: the title, which takes the room left), whether
    its values are numbers (right-aligned), and the table width below which it is left out."""

    def __init__(self, key: str, label: str, width: int | None, *, numeric: bool = False,
                 hide_below: int = 0) -> None:
        self.key, self.label, self.width, self.numeric = key, label, width, numeric
        self.hide_below = hide_below


PADDING = 1  # cells of space on each side of a column's text
MIN_FLEX = 16  # the title never gets fewer cells than this


def fit(text: str, width: int, *, right: bool = False) -> str:
    """`text` in exactly `width` cells: padded, or shortened with an ellipsis."""
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…" if width else ""
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


class LibraryTable(ScrollView, can_focus=True):
    """A header line and one line per row, a row cursor; Enter is the screen's, a click chooses."""

    DEFAULT_CSS = """
    LibraryTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        &:focus { background-tint: $foreground 5%; }
        & > .library-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .library-table--stripe { background: $surface-lighten-1 50%; }
        & > .library-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .library-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-table--header", "library-table--stripe", "library-table--cursor"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "ends(-1)", "First", show=False),
        Binding("end", "ends(1)", "Last", show=False),
    ]

    class Chosen(Message):
        """A row was clicked: the screen opens it."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, columns: Sequence[Column], cells: Cells, key: Callable[[Any], str], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self._cells = cells
        self._key = key
        self._rows: list[Any] = []
        self.cursor_row = 0

    # -- the rows -------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        """How many rows the table holds."""
        return len(self._rows)

    def set_rows(self, rows: list[Any], *, keep: str | None = None) -> None:
        """Show these rows; the cursor stays on the row whose key is `keep` if it is among them,
        else on the same line (or the last)."""
        self._rows = rows
        if keep is not None and not (rows and self.cursor_row < len(rows)
                                     and self._key(rows[self.cursor_row]) == keep):
            for i, row in enumerate(rows):
                if self._key(row) == keep:
                    self.cursor_row = i
                    break
        self.cursor_row = max(0, min(self.cursor_row, len(rows) - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows) + 1)
        self._show_cursor()
        # a cursor beyond the old rows' height can only be scrolled to once the new height is
        # laid out (the filter cleared, the cursor kept on row 4,999 showed the first rows)
        self.call_after_refresh(self._show_cursor)
        self.refresh()

    def get_row_at(self, index: int) -> list[str]:
        """The cells of a row, as drawn before fitting to the column."""
        return list(self._cells(self._rows[index]))

    def row_key(self, index: int) -> str:
        """The key of a row."""
        return self._key(self._rows[index])

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor, None when there are no rows."""
        return self.row_key(self.cursor_row) if self._rows else None

    # -- the cursor -----------------------------------------------------------------------------
    def move_cursor(self, row: int) -> None:
        """Put the cursor on a row (clamped to the rows) and scroll it into view."""
        old = self.cursor_row
        self.cursor_row = max(0, min(row, len(self._rows) - 1))
        if old != self.cursor_row:
            self._refresh_row(old)
            self._refresh_row(self.cursor_row)
        self._show_cursor()

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def action_cursor(self, step: int) -> None:
        """One row up or down."""
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        """A screenful up or down."""
        self.move_cursor(self.cursor_row + step * self._page())

    def action_ends(self, step: int) -> None:
        """The first or the last row."""
        self.move_cursor(0 if step < 0 else len(self._rows) - 1)

    def _show_cursor(self) -> None:
        """Scroll so the cursor's row is between the header and the bottom."""
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def _refresh_row(self, index: int) -> None:
        y = index - int(self.scroll_y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def on_resize(self) -> None:
        """The title column takes the new width; the cursor stays in view."""
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) + 1)
        self._show_cursor()

    def on_click(self, event: events.Click) -> None:
        """A click on a row moves the cursor there and chooses it (a click on the header
        does nothing)."""
        row = int(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= row < len(self._rows):
            self.move_cursor(row)
            self.post_message(self.Chosen(self.row_key(row)))

    # -- drawing --------------------------------------------------------------------------------
    def column_layout(self, width: int) -> list[tuple[int, Column, int]]:
        """The columns shown when the table is `width` cells wide: (index, column, text width)."""
        shown = [(i, c) for i, c in enumerate(self.columns) if width >= c.hide_below]
        fixed = sum(c.width or 0 for _, c in shown) + 2 * PADDING * len(shown)
        flex = max(MIN_FLEX, width - fixed)
        return [(i, c, c.width if c.width is not None else flex) for i, c in shown]

    def title_width(self) -> int:
        """The cells the title column has at the table's present width."""
        return next((w for _, c, w in self.column_layout(self.scrollable_content_region.width)
                     if c.width is None), MIN_FLEX)

    @staticmethod
    def _line(texts: Sequence[str], layout: list[tuple[int, Column, int]]) -> str:
        pad = " " * PADDING
        return "".join(pad + fit(texts[i], w, right=c.numeric) + pad for i, c, w in layout)

    def render_line(self, y: int) -> Strip:
        """The header on the first line, then the rows from the scroll position."""
        width = self.scrollable_content_region.width
        layout = self.column_layout(width)
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("library-table--header")
            return self._strip(self._line([c.label for c in self.columns], layout), style, width)
        index = int(self.scroll_y) + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, base)
        style = base
        if index % 2:
            style += self.get_component_rich_style("library-table--stripe")
        if index == self.cursor_row:
            style += self.get_component_rich_style("library-table--cursor")
        return self._strip(self._line(self._cells(self._rows[index]), layout), style, width)

    @staticmethod
    def _strip(text: str, style: Style, width: int) -> Strip:
        return Strip([Segment(set_cell_size(text, width), style)], width)
