"""The annotation screen's own dialogs: a span label (`L`, `e`) and an entity's label (`E`).

Imported when one first opens, like `dialogs`: defining a dialog class costs Textual's
class set-up, which `redline annotate DOC` should not pay before the article is on screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from ..widgets.choice_row import ChoiceRow
from . import actions as act
from .dialogs import HINT, Dialog

# spaCy's English labels, people and organisations first (what editors correct most)
ENTITY_LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART",
                 "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                 "CARDINAL"]
DELETE = "delete (not an entity)"


class SpanLabelDialog(Dialog):
    """A span label from the database's scheme (and its note, when editing)."""

    def __init__(self, content: str, labels: Sequence[str], *, label: str = "",
                 note: str | None = None, title: str = "Span label") -> None:
        super().__init__()
        self.content = content
        # a label the scheme has dropped since (labels set --force) stays choosable
        self.labels = [*labels, *([label] if label and label not in labels else [])]
        self.label = label
        self.note = note
        self.title_text = title

    def compose(self) -> ComposeResult:
        """Title, the words, the label chooser, the note."""
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(f"“{act.clip(self.content, 200)}”", classes="dialog-content")
            yield ChoiceRow("Label", self.labels, id="span-label",
                            index=self.labels.index(self.label) if self.label else 0)
            yield from self.note_field()
            yield Static(HINT, classes="dialog-hint")

    def result(self) -> tuple[str, str | None]:
        """The label chosen and the note (None without a note field)."""
        return self.query_one("#span-label", ChoiceRow).value, self.note_value()


class EntityDialog(Dialog):
    """An entity's label (type to jump), or `delete` for an entity that exists."""

    def __init__(self, words: str, label: str, *, can_delete: bool, title: str) -> None:
        super().__init__()
        self.words = words
        self.labels = [*ENTITY_LABELS, *([label] if label and label not in ENTITY_LABELS else [])]
        if can_delete:
            self.labels.append(DELETE)
        self.label = label
        self.title_text = title

    def compose(self) -> ComposeResult:
        """Title, the words, the label chooser."""
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(f"“{act.clip(self.words, 200)}”", classes="dialog-content")
            yield ChoiceRow("Label", self.labels, id="entity-label",
                            index=self.labels.index(self.label) if self.label else 0)
            yield Static(f"type to jump  {HINT}", classes="dialog-hint")

    def result(self) -> str:
        """The label chosen, or DELETE."""
        return self.query_one("#entity-label", ChoiceRow).value
