"""The annotation dialogs: attribution, stance, claim and a one-line prompt (keyboard first).

Every dialog works the same way: ↑/↓ (or Tab) move between fields, ←/→ change a choice,
Enter saves, Escape cancels. A dialog only returns what the user chose; the screen builds
the annotation and writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ..widgets.choice_row import ChoiceRow
from .actions import Candidate, clip

HINT = "←/→ change  ↑/↓ field  Enter save  Esc cancel"
TYPES = ["direct", "indirect", "mixed"]
POLARITIES = ["favor", "against", "none"]


@dataclass(frozen=True)
class AttributionChoice:
    """What the attribution dialog returns."""

    source: Candidate
    cue: Candidate
    type: str
    speaker: str
    note: str | None = None  # None: the dialog had no note field


@dataclass(frozen=True)
class StanceChoice:
    """What the stance dialog returns."""

    polarity: str
    holder: Candidate
    target: Candidate
    target_text: str
    note: str | None = None


@dataclass(frozen=True)
class ClaimChoice:
    """What the claim dialog returns (`type` "" when none; `note` None without a note field)."""

    checkworthy: str
    type: str = ""
    note: str | None = None


class Dialog(ModalScreen[object]):
    """Shared keys and frame of the dialogs."""

    # beside redline.tcss, read when the first one opens; absolute, as a subclass elsewhere would
    # resolve a relative path from its own file
    CSS_PATH = str(Path(__file__).resolve().parent.parent / "dialogs.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "confirm", "Save"),
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]

    note: str | None = None  # the note being edited; None: the dialog shows no note field

    def note_field(self) -> ComposeResult:
        """The free-text note field, when the dialog edits a note."""
        if self.note is not None:
            with Vertical(classes="field"):
                yield Label("Note")
                yield Input(self.note, id="note")

    def note_value(self) -> str | None:
        """The note as typed (trimmed), or None when the dialog has no note field."""
        return None if self.note is None else self.query_one("#note", Input).value.strip()

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)

    def action_confirm(self) -> None:
        """Close with the choices (each dialog builds its result)."""
        self.dismiss(self.result())

    def result(self) -> object:
        """The dialog's answer."""
        raise NotImplementedError

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a text field saves too."""
        event.stop()
        self.action_confirm()


class AttributionDialog(Dialog):
    """Content is the selection; pick the source (speaker follows it), cue and type."""

    def __init__(self, content: str, sources: list[Candidate], cues: list[Candidate], *,
                 type_: str, speaker: str = "", title: str = "Attribution",
                 source_index: int = 0, cue_index: int = 0, note: str | None = None) -> None:
        super().__init__()
        self.note = note
        self.content = content
        self.sources = sources
        self.cues = cues
        self.type_ = type_ if type_ in TYPES else "direct"
        self.title_text = title
        self.source_index = source_index
        self.cue_index = cue_index
        first = sources[source_index] if sources else None
        self.speaker = speaker or (first.speaker if first else "")
        self._auto_speaker = self.speaker

    def compose(self) -> ComposeResult:
        """Title, the content, then one row per field."""
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(f"“{clip(self.content, 200)}”", classes="dialog-content")
            yield ChoiceRow("Source", [c.label for c in self.sources], index=self.source_index,
                            id="source")
            yield ChoiceRow("Cue", [c.label for c in self.cues], index=self.cue_index, id="cue")
            yield ChoiceRow("Type", TYPES, index=TYPES.index(self.type_), id="type")
            with Vertical(classes="field"):
                yield Label("Speaker (canonical name)")
                yield Input(self.speaker, id="speaker")
            yield from self.note_field()
            yield Static(HINT, classes="dialog-hint")

    @on(ChoiceRow.Changed, "#source")
    def _source_changed(self, event: ChoiceRow.Changed) -> None:
        """Prefill the speaker from the chosen source unless the user typed one."""
        field = self.query_one("#speaker", Input)
        if field.value == self._auto_speaker:
            self._auto_speaker = self.sources[event.index].speaker
            field.value = self._auto_speaker

    def result(self) -> AttributionChoice:
        """The chosen source, cue, type and speaker."""
        return AttributionChoice(
            source=self.sources[self.query_one("#source", ChoiceRow).index],
            cue=self.cues[self.query_one("#cue", ChoiceRow).index],
            type=self.query_one("#type", ChoiceRow).value,
            speaker=self.query_one("#speaker", Input).value.strip(),
            note=self.note_value(),
        )


class StanceDialog(Dialog):
    """Polarity, holder and target of a stance over the selection."""

    def __init__(self, content: str, holders: list[Candidate], targets: list[Candidate], *,
                 polarity: str = "favor", holder_index: int = 0, target_index: int = 0,
                 target_text: str = "", title: str = "Stance", note: str | None = None) -> None:
        super().__init__()
        self.note = note
        self.content = content
        self.holders = holders
        self.targets = targets
        self.polarity = polarity if polarity in POLARITIES else "favor"
        self.holder_index = holder_index
        self.target_index = target_index
        self.target_text = target_text
        self.title_text = title

    def compose(self) -> ComposeResult:
        """Title, the stance text, then one row per field."""
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(f"“{clip(self.content, 200)}”", classes="dialog-content")
            yield ChoiceRow("Polarity", POLARITIES, index=POLARITIES.index(self.polarity),
                            id="polarity")
            yield ChoiceRow("Holder", [c.label for c in self.holders], index=self.holder_index,
                            id="holder")
            yield ChoiceRow("Target", [c.label for c in self.targets], index=self.target_index,
                            id="target")
            with Vertical(classes="field"):
                yield Label("Target, if not in the text")
                yield Input(self.target_text, id="target_text")
            yield from self.note_field()
            yield Static(HINT, classes="dialog-hint")

    def result(self) -> StanceChoice:
        """The chosen polarity, holder, target and free-text target."""
        return StanceChoice(
            polarity=self.query_one("#polarity", ChoiceRow).value,
            holder=self.holders[self.query_one("#holder", ChoiceRow).index],
            target=self.targets[self.query_one("#target", ChoiceRow).index],
            target_text=self.query_one("#target_text", Input).value.strip(),
            note=self.note_value(),
        )


class ClaimDialog(Dialog):
    """A claim: its type (from the database's claim types, when it has any), check-worthy or
    not, and its note (when editing)."""

    def __init__(self, content: str, checkworthy: str = "yes", *, types: Sequence[str] = (),
                 type_: str = "", note: str | None = None) -> None:
        super().__init__()
        self.content = content
        self.checkworthy = checkworthy if checkworthy in ("yes", "no") else "yes"
        # a type the scheme has dropped since (labels set --force) stays choosable
        self.types = ["(none)", *types, *([type_] if type_ and type_ not in types else [])]
        self.type_ = type_
        self.note = note

    def compose(self) -> ComposeResult:
        """Title, the claim, its type and check-worthiness, its note."""
        with Vertical(classes="dialog"):
            yield Label("Claim", classes="dialog-title")
            yield Static(f"“{clip(self.content, 200)}”", classes="dialog-content")
            if len(self.types) > 1:
                yield ChoiceRow("Type", self.types, index=self.types.index(self.type_ or "(none)"),
                                id="claim-type")
            yield ChoiceRow("Check-worthy", ["yes", "no"],
                            index=0 if self.checkworthy == "yes" else 1, id="checkworthy")
            yield from self.note_field()
            yield Static(HINT, classes="dialog-hint")

    def result(self) -> ClaimChoice:
        """Check-worthiness (`yes` / `no`), type ("" for none) and note."""
        type_ = self.query_one("#claim-type", ChoiceRow).value if len(self.types) > 1 else ""
        return ClaimChoice(self.query_one("#checkworthy", ChoiceRow).value,
                           "" if type_ == "(none)" else type_, self.note_value())


class PromptDialog(Dialog):
    """Ask for one line of text (e.g. where to export)."""

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        """Title and the input."""
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.value, id="value")
            yield Static("Enter confirm  Esc cancel", classes="dialog-hint")

    def result(self) -> str:
        """The typed text."""
        return self.query_one("#value", Input).value.strip()


class ConfirmDialog(Dialog):
    """Ask a yes / no question: y or Enter says yes, n or Escape no (dismisses with a bool)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Yes"),
        Binding("n", "cancel", "No"),
    ]

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        """Title, the question, the keys."""
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.question, classes="dialog-content")
            yield Static("y / Enter yes  n / Esc no", classes="dialog-hint")

    def action_cancel(self) -> None:
        """No."""
        self.dismiss(False)

    def result(self) -> bool:
        """Yes (the dialog was confirmed)."""
        return True
