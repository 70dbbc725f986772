"""The status line: progress on the left, what is under the cursor (or a notice) below it."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusBar(Widget):
    """Two lines: `title · n annotations · k pending · status`, then the current message."""

    DEFAULT_CSS = """
    StatusBar { height: 2; }
    """

    progress: reactive[str] = reactive("")
    message: reactive[str] = reactive("")
    warning: reactive[str] = reactive("")

    def render(self) -> Text:
        """Draw the progress line, then the warning (if any) or the message."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(self.progress, style="bold")
        text.append("\n")
        if self.warning:
            text.append(self.warning, style="bold yellow")
            if self.message:
                text.append("  ")
        text.append(self.message)
        return text
