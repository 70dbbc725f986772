"""The status line: progress on the first line, what is under the cursor (or a notice) below."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static


class StatusBar(Vertical):
    """Two one-line rows: `title · n annotations · k pending · status`, then the message."""

    # its rows cover it (the padding is plain background): blank lines, not styled ones,
    # when Textual repaints it along with every frame of the article above
    BLANK = True

    DEFAULT_CSS = """
    StatusBar { height: 2; }
    StatusBar > Static { width: 1fr; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    StatusBar > #status-progress { text-style: bold; }
    """

    # the rows repaint themselves (watchers below): repainting the bar too would render its
    # background and both rows again on every cursor move
    progress: reactive[str] = reactive("", repaint=False)
    message: reactive[str] = reactive("", repaint=False)
    warning: reactive[str] = reactive("", repaint=False)

    def compose(self) -> ComposeResult:
        """The two rows."""
        yield Static(id="status-progress", markup=False)
        yield Static(id="status-message", markup=False)

    def watch_progress(self, progress: str) -> None:
        """Show the new progress line."""
        # both rows are one line of fixed width: no layout pass (it would reflow the screen)
        self.query_one("#status-progress", Static).update(progress, layout=False)

    def watch_message(self) -> None:
        """Show the new message."""
        self._update_message()

    def watch_warning(self) -> None:
        """Show (or clear) the warning before the message."""
        self._update_message()

    def _update_message(self) -> None:
        text = Text()
        if self.warning:
            text.append(self.warning, style="bold yellow")
            if self.message:
                text.append("  ")
        text.append(self.message)
        self.query_one("#status-message", Static).update(text, layout=False)

    def render_plain(self) -> str:
        """Both rows as plain text (what a reader sees, for tests and logs)."""
        message = (self.warning + "  " if self.warning and self.message else self.warning)
        return f"{self.progress}\n{message}{self.message}"
