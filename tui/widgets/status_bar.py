"""The status line: progress on the first line, what is under the cursor (or a notice) below."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from annotations.safe_text import terminal_safe


class StatusBar(Widget):
    """Two one-line rows: `title · n annotations · k pending · status`, then the message.

    One widget drawing both rows, not a container of two Statics: every widget on the screen
    costs the app's start its styling, layout and first render (the container and its rows
    were ~15M instructions before the first frame). Each row still repaints alone.
    """

    DEFAULT_CSS = """
    StatusBar { height: 2; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    # a change repaints its own row only (the message changes on every cursor move), with
    # no layout pass (it would reflow the screen)
    progress: reactive[str] = reactive("", repaint=False)
    message: reactive[str] = reactive("", repaint=False)
    warning: reactive[str] = reactive("", repaint=False)

    def watch_progress(self) -> None:
        """Repaint the progress row."""
        self.refresh(Region(0, 0, self.size.width, 1))

    def watch_message(self) -> None:
        """Repaint the message row."""
        self.refresh(Region(0, 1, self.size.width, 1))

    def watch_warning(self) -> None:
        """Repaint the message row (the warning comes first in it)."""
        self.refresh(Region(0, 1, self.size.width, 1))

    def _row(self, y: int) -> Text:
        if y == 0:
            return Text(terminal_safe(self.progress), style="bold", end="")
        text = Text(end="")
        if self.warning:
            text.append(terminal_safe(self.warning), style="bold yellow")
            if self.message:
                text.append("  ")
        text.append(terminal_safe(self.message))  # messages quote titles and article text
        return text

    def render_line(self, y: int) -> Strip:
        """Row y, drawn as a Static would draw it (clipped with an ellipsis)."""
        if y > 1:
            return Strip.blank(self.size.width, self.visual_style.rich_style)
        strips = Visual.to_strips(self, visualize(self, self._row(y)), self.size.width, 1,
                                  self.visual_style)
        return strips[0]

    def render_plain(self) -> str:
        """Both rows as plain text (what a reader sees, for tests and logs)."""
        message = (self.warning + "  " if self.warning and self.message else self.warning)
        return f"{self.progress}\n{message}{self.message}"
