"""The search input (`/`): typing highlights hits, Enter jumps to the next, Escape closes."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An Input that also reports Escape, so the screen can hide it and clear the hits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", show=False),
    ]

    class Closed(Message):
        """The user left the search with Escape."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search the text: Enter jumps to the next hit, Esc closes",
                         id=id)

    def action_close(self) -> None:
        """Report Escape to the screen."""
        self.post_message(self.Closed())
