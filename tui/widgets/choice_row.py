"""A one-line picker for dialogs: `Label  ◀ choice ▶`, changed with left/right (keyboard first).

Typing filters a long list (type-to-jump): the row jumps to the best match of what was typed
(a choice that starts with it, then one with a word that starts with it, then one holding it)
and ←/→ step through the matches only; backspace takes a letter back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
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
        # no h / l: letters type a filter here
        Binding("left", "step(-1)", "Previous choice", show=False),
        Binding("right,space", "step(1)", "Next choice", show=False),
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
        self.typed = ""  # the type-to-jump filter

    def matches(self) -> list[int]:
        """The indices of the choices matching the typed filter, best first (all without one)."""
        if not self.typed:
            return list(range(len(self.choices)))
        typed = self.typed.casefold()
        ranked: list[tuple[int, int]] = []
        for i, choice in enumerate(self.choices):
            text = choice.casefold()
            if text.startswith(typed):
                ranked.append((0, i))
            elif any(word.startswith(typed) for word in text.replace("(", " ").split()):
                ranked.append((1, i))
            elif typed in text:
                ranked.append((2, i))
        return [i for _, i in sorted(ranked)]

    def on_key(self, event: events.Key) -> None:
        """A letter (or digit, dot, dash…) narrows the choices; backspace widens them again."""
        if event.key == "backspace" and self.typed:
            self._filter(self.typed[:-1])
        elif event.is_printable and event.character and event.character != " ":
            self._filter(self.typed + event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    def _filter(self, typed: str) -> None:
        """Filter by `typed`, jumping to its best match; a filter nothing matches is refused."""
        before, self.typed = self.typed, typed
        found = self.matches()
        if not found:
            self.typed = before
            self.app.bell()
            return
        if self.typed and found[0] != self.index:
            self.index = found[0]
        self.refresh()

    @property
    def value(self) -> str:
        """The chosen text."""
        return self.choices[self.index]

    def action_step(self, step: int) -> None:
        """Move to the previous / next choice (of those the filter matches), wrapping around."""
        found = self.matches()
        where = found.index(self.index) if self.index in found else -step
        self.index = found[(where + step) % len(found)]

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
        if self.typed:
            found = self.matches()
            text.append(f" {found.index(self.index) + 1 if self.index in found else 0}"
                        f"/{len(found)} matching “{self.typed}”", style="dim")
        elif len(self.choices) > 1:
            text.append(f" {self.index + 1}/{len(self.choices)}", style="dim")
        return text

    def on_focus(self) -> None:
        """Redraw to show focus."""
        self.refresh()

    def on_blur(self) -> None:
        """Redraw to hide focus; the filter is forgotten (the choice stays)."""
        self.typed = ""
        self.refresh()

    def on_click(self) -> None:
        """A click steps to the next choice (the mouse works too)."""
        self.action_step(1)
