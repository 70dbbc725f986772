"""The key footer: Textual's Footer with the way out held at its right end."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 100
"""Narrower than this, the keys go without their padding (more of them fit)."""


class KeyFooter(Footer):
    """The footer of a screen's keys, with `?` (Keys) and `q` (Back, Quit) pinned to its right
    end: a terminal too narrow for every key cuts keys from the middle, never these (at 80
    columns the annotation screen lost `q Back`)."""

    PINNED: ClassVar[frozenset[str]] = frozenset({"app.help", "app.leave"})
    """Actions whose keys stay on screen at any width."""

    DEFAULT_CSS = """
    KeyFooter #pinned-keys {
        dock: right;
        width: auto;
        height: 1;
        padding-left: 1;
    }
    """

    def compose(self) -> ComposeResult:
        """Footer's keys, the pinned ones last in a group docked right."""
        pinned: list[FooterKey] = []
        for widget in super().compose():
            # a key of a binding group is yielded in place, inside its group
            if (isinstance(widget, FooterKey) and widget.action in self.PINNED
                    and not widget.has_class("-grouped")):
                pinned.append(widget)
            else:
                yield widget
        if pinned:
            with HorizontalGroup(id="pinned-keys"):
                yield from pinned

    def on_resize(self, event: events.Resize) -> None:
        """Compact (no padding around the keys) on a narrow terminal."""
        self.compact = event.size.width < COMPACT_BELOW
