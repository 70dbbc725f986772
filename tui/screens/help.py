"""The `?` screen: every key, generated from the bindings themselves so it never goes stale."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

SPECIAL = {"enter": "enter", "escape": "esc", "tab": "tab", "space": "space"}


def key_label(key: str) -> str:
    """How to write a bound key for a person: `?`, `]`, `ctrl+z`, `shift+right`."""
    return SPECIAL.get(key) or format_key(key)


def key_rows(sections: Iterable[tuple[str, type[DOMNode]]], *,
             dedupe: bool = True) -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every described binding of the given classes.

    Keys bound to the same action are joined (`u, ctrl+z`); a binding without a description
    is internal and left out; the tooltip, when there is one, is the longer description. With
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
        groups: dict[tuple[str, str], list[str]] = {}
        for key, binding in merged:
            if not binding.description or (dedupe and key in seen):
                continue
            text = binding.tooltip or binding.description
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
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns("keys", "does", "where")
            for row in self.rows:
                table.add_row(*row)
            yield table
            yield Static("Esc, q or ? closes", classes="dialog-hint")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
