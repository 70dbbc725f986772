"""A one-line picker for dialogs: `Label  ◀ choice ▶`, changed with left/right (keyboard first)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ChoiceRow(Widget, can_focus=True):
    """Cycle through a short list of choices; the dialog reads `index` / `value` on confirm."""

    DEFAULT_CSS = """
    ChoiceRow { height: 1; width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "step(-1)", "Previous choice", show=False),
        Binding("right,l,space", "step(1)", "Next choice", show=False),
    ]

    index: reactive[int] = reactive(0)

    class Changed(Message):
        """The choice changed."""

        def __init__(self, row: ChoiceRow, index: int) -> None:
            super().__init__()
            self.row = row
            self.index = index

        @property
        def control(self) -> ChoiceRow:
            """The row that changed (so `@on(ChoiceRow.Changed, "#id")` works)."""
            return self.row

    def __init__(self, label: str, choices: list[str], *, index: int = 0,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.choices = choices or ["(none)"]
        self.set_reactive(ChoiceRow.index, max(0, min(index, len(self.choices) - 1)))

    @property
    def value(self) -> str:
        """The chosen text."""
        return self.choices[self.index]

    def action_step(self, step: int) -> None:
        """Move to the previous / next choice, wrapping around."""
        self.index = (self.index + step) % len(self.choices)

    def watch_index(self, index: int) -> None:
        """Tell the dialog (e.g. to update the speaker when the source changes)."""
        self.post_message(self.Changed(self, index))

    def render(self) -> Text:
        """`Label  ◀ choice ▶  2/5`."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{self.label:<9}", style="bold")
        arrows = "reverse" if self.has_focus else ""
        text.append(" ◀ ", style=arrows)
        text.append(self.value, style="bold" if self.has_focus else "")
        text.append(" ▶ ", style=arrows)
        if len(self.choices) > 1:
            text.append(f" {self.index + 1}/{len(self.choices)}", style="dim")
        return text

    def on_focus(self) -> None:
        """Redraw to show focus."""
        self.refresh()

    def on_blur(self) -> None:
        """Redraw to hide focus."""
        self.refresh()

    def on_click(self) -> None:
        """A click steps to the next choice (the mouse works too)."""
        self.action_step(1)
