"""The colour legend of the article's highlights, drawn from ArticleView.LEGEND."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class Legend(Widget):
    """Each highlight kind in its own colours, wrapped to the panel width."""

    DEFAULT_CSS = """
    Legend { height: auto; }
    """

    def __init__(self, entries: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries = entries

    def render(self) -> Text:
        """`label` chips separated by spaces."""
        text = Text()
        for i, (label, style) in enumerate(self.entries):
            if i:
                text.append(" ")
            # no-break spaces keep "Other entity" on one line when the legend wraps
            text.append(label.replace(" ", "\u00a0"), style=style)
        return text
