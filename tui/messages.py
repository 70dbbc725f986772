"""Typed results that thread workers post back to the screens (the only way data reaches the UI)."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from annotations.models import Document

from .workers import Analysis, DocState


class StateLoaded(Message):
    """A document's state after a read, or after a write committed (with what the write did)."""

    def __init__(self, state: DocState, note: str = "", *,
                 focus: int | tuple[int, int] | None = None, moves_at_key: int | None = None,
                 opened: bool = False) -> None:
        super().__init__()
        self.state = state
        self.note = note
        # where to put the cursor once shown: an offset, or a range to select (e.g. where an
        # undo put an annotation back), unless the editor moved it since the key that made the
        # write, when it had made `moves_at_key` moves (None: anyway)
        self.focus = focus
        self.moves_at_key = moves_at_key
        # True when the screen switches to this document (cursor, marks and search reset)
        self.opened = opened


class AnalysisLoaded(Message):
    """The NLP analysis of a document (from the cache or freshly computed), or with `partial`
    the provisional analysis of its first screenful while the rest is analysed."""

    def __init__(self, analysis: Analysis, *, fresh: bool = False, partial: bool = False) -> None:
        super().__init__()
        self.analysis = analysis
        self.fresh = fresh
        self.partial = partial


class AnalysisNeeded(Message):
    """No cached analysis: start one; meanwhile show these entities (stored, or older)."""

    def __init__(self, doc: Document, entities: list[dict[str, Any]]) -> None:
        super().__init__()
        self.doc = doc
        self.entities = entities


class Notice(Message):
    """Something a worker wants the user to know that changed nothing (e.g. nothing to undo)."""

    def __init__(self, text: str, *, severity: str = "information") -> None:
        super().__init__()
        self.text = text
        self.severity = severity
