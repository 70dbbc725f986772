"""The `?` screen: every key, generated from the bindings themselves so it never goes stale."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

HELP_WIDTH = 90
"""The help dialog's width in dialogs.tcss (`.help`; at most 95% of the screen, `.dialog`)."""
HELP_CHROME = 12
"""Its border and padding, the table's cell padding (1 each side of 3 columns) and scrollbar."""

SPECIAL = {"enter": "enter", "escape": "esc", "tab": "tab", "space": "space"}

# Textual's own bindings an editor uses, in redline's words. Every other binding a Textual
# class brings (ScrollView's ctrl+pageup "Page Left" on an article that wraps, its "Scroll Up")
# is a leftover: the article binds its own movement keys.
TEXTUAL_KEPT = {
    "app.focus_next": "Move to the next pane (article, side panel; filter, table)",
    "app.focus_previous": "Move to the previous pane",
    "screen.copy_text": "Copy the selected text",
}


def own_bindings(cls: type[DOMNode]) -> set[tuple[str, str]]:
    """(key, action) of every binding redline's own classes declare in `cls`'s ancestry."""
    own: set[tuple[str, str]] = set()
    for base in cls.__mro__:
        if base.__module__.startswith("tui.") and "BINDINGS" in base.__dict__:
            own.update((b.key, b.action) for b in Binding.make_bindings(base.__dict__["BINDINGS"]))
    return own


def key_label(key: str) -> str:
    """How to write a bound key for a person: `?`, `]`, `ctrl+z`, `shift+right`."""
    return SPECIAL.get(key) or format_key(key)


def key_rows(sections: Iterable[tuple[str, type[DOMNode]]], *,
             dedupe: bool = True) -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every described binding of the given classes.

    Keys bound to the same action are joined (`u, ctrl+z`); a binding without a description
    is internal and left out, and so is one a Textual class brings unless TEXTUAL_KEPT names
    it; the tooltip, when there is one, is the longer description. With
    `dedupe`, a key listed under an earlier section (which wins, as in the app) is not repeated,
    unless that section's class names it in `PASSES_ON` (it hands the key on when idle, as the
    article does escape with nothing selected).
    """
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for where, cls in sections:
        merged = cls._merged_bindings
        if merged is None:
            continue
        own = own_bindings(cls)
        groups: dict[tuple[str, str], list[str]] = {}
        for key, binding in merged:
            if not binding.description or (dedupe and key in seen):
                continue
            if (key, binding.action) in own:
                text = binding.tooltip or binding.description
            elif binding.action in TEXTUAL_KEPT:
                text = TEXTUAL_KEPT[binding.action]
            else:
                continue
            groups.setdefault((binding.action, text), []).append(key)
        passes_on = set(getattr(cls, "PASSES_ON", ()))
        for (_, description), keys in groups.items():
            seen.update(k for k in keys if k not in passes_on)
            rows.append((", ".join(key_label(k) for k in keys), description, where))
    return rows


def markdown_table(rows: list[tuple[str, str, str]]) -> str:
    """The key table as Markdown (for the README)."""
    lines = ["| keys | does | where |", "|---|---|---|"]
    for keys, description, where in rows:
        cell = ", ".join(f"`{k}`" for k in keys.split(", "))
        lines.append(f"| {cell.replace('|', '&#124;')} | {description} | {where} |")
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """A table of every key of the screen underneath; any of Esc, q, ? closes it."""

    # beside redline.tcss, read when the first one opens; absolute, as a subclass elsewhere would
    # resolve a relative path from its own file
    CSS_PATH = str(Path(__file__).resolve().parent.parent / "dialogs.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def __init__(self, title: str, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        """A title, the key table and how to leave."""
        with Vertical(classes="dialog help"):
            yield Label(self.title_text, classes="dialog-title")
            table: DataTable[str | Text] = DataTable(cursor_type="row", zebra_stripes=True)
            # the descriptions wrap in the room left: cut at the dialog's edge, they lost their
            # ends ("with a sel") and pushed "where" out of sight
            keys_w = max((len(k) for k, _, _ in self.rows), default=4)
            where_w = max((len(w) for _, _, w in self.rows), default=5)
            room = min(HELP_WIDTH, self.app.size.width * 95 // 100) - HELP_CHROME - keys_w - where_w
            table.add_column("keys", width=keys_w)
            table.add_column("does", width=max(20, room))
            table.add_column("where", width=where_w)
            for keys, does, where in self.rows:
                table.add_row(keys, Text(does), where, height=None)
            yield table
            yield Static("Esc, q or ? closes", classes="dialog-hint")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
