"""The annotation screen's entity corrections (`E`), as Prodigy's ner.correct allows: change an
entity's label, fix its boundaries, delete a wrong one, add a missing one.

`E` on an entity asks its label (or `delete`); with words selected, `E` gives the entity under
the selection those boundaries, or adds the selection as a new entity. The corrections are
stored apart from the analysis (annotations/store/entities.py) and drawn on top of whichever
analysis the screen shows; every state read after a write carries them, so undo redraws too.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message

from annotations.store.entities import corrected

from ..messages import AnalysisLoaded, AnalysisNeeded, StateLoaded
from . import actions as act
from .annotate_base import AnnotationBase, Range


class CorrectionsRead(Message):
    """A document's entity corrections, read in a worker."""

    def __init__(self, doc_id: str, corrections: list[dict[str, Any]]) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.corrections = corrections


class EntityKeys(AnnotationBase):
    """`E`: correct the entity under the cursor, or add the selection as one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("E", "entity", "Correct entity", show=False,
                tooltip="Correct the entity under the cursor (label, or delete); with a "
                        "selection, give it those boundaries or add it as a new entity"),
    ]

    _entity_base: list[dict[str, Any]] | None = None  # the analysis's entities, uncorrected
    _corrections: list[dict[str, Any]] | None = None  # the corrections drawn on top

    @on(AnalysisNeeded)
    def _entities_before_analysis(self, message: AnalysisNeeded) -> None:
        """Entities known before the analysis (Textual runs this after the screen's own
        handler, which draws them uncorrected)."""
        if message.doc.id == self.doc_id:
            # drawable: a malformed stored entity (no label, offsets off the text or not
            # numbers) would crash the corrections' sort, as it crashed the screen before
            self._entity_base = self.drawable(list(message.entities))
            self._show_corrected()

    @on(AnalysisLoaded)
    def _entities_of_analysis(self, message: AnalysisLoaded) -> None:
        """The analysis's entities arrived: draw the corrections on them."""
        if message.analysis.doc_id == self.doc_id:
            self._entity_base = self.drawable(list(message.analysis.entities))
            self._show_corrected()

    @on(StateLoaded)
    def _entities_after_write(self, message: StateLoaded) -> None:
        """A write (a correction, or undo/redo of one) may have changed the corrections."""
        state = message.state
        if message.opened:
            self._entity_base, self._corrections = None, list(state.corrections)
        elif state.doc.id == self.doc_id and state.corrections != self._corrections:
            self._corrections = list(state.corrections)
            self._show_corrected()

    def _show_corrected(self) -> None:
        view = self.view
        if view is None or self._entity_base is None:
            return
        if self._corrections is None:
            # the screen's first state is applied by a direct call, not a message: read the
            # corrections (in a worker) and draw then
            store, doc_id = self.redline.store, self.doc_id

            def read() -> None:
                self.post_message(CorrectionsRead(doc_id, store.entity_corrections(doc_id)))

            self.run_worker(read, thread=True, group="corrections", exit_on_error=False)
            return
        view.entities = self.drawable(corrected(self._entity_base, self._corrections or [],
                                                view.doc.text))
        self.refresh_highlights()

    @on(CorrectionsRead)
    def _corrections_read(self, message: CorrectionsRead) -> None:
        if message.doc_id == self.doc_id and self._corrections is None:
            self._corrections = message.corrections
            self._show_corrected()

    def action_entity(self) -> None:
        """Correct the entity under the cursor or selection, or add the selection as one."""
        from .annotate_dialogs import DELETE, EntityDialog  # on first use: not at start

        view = self._ready()
        if view is None:
            return
        sel = self.selection
        under = _entity_over(view.entities, sel) if sel else None
        if under is None and sel is None:
            span = act.entity_at(view.entities, self.cursor)
            under = next((e for e in view.entities if span == (e["start"], e["end"])), None)
        if under is None and sel is None:
            self._say("no entity under the cursor: select words to add one (v, shift+arrows)")
            return
        of: Range | None = (under["start"], under["end"]) if under else None
        start, end = sel if sel else (under["start"], under["end"])  # type: ignore[index]
        words = view.doc.text[start:end]
        if not words.strip():
            self._say("nothing to tag here: select some words first")
            return
        doc_id = self.doc_id
        title = ("Entity" if sel is None else "Entity: new boundaries" if under
                 else "New entity")

        def done(label: object) -> None:
            if not isinstance(label, str):
                return
            chosen = None if label == DELETE else label
            note = (f"entity “{act.clip(words, 32)}” deleted (u undoes)" if chosen is None
                    else f"entity “{act.clip(words, 32)}” is {chosen} (u undoes)")
            self.write("correct entity",
                       lambda st: st.correct_entity(doc_id, of, start, end, chosen), note)

        self.app.push_screen(EntityDialog(words, str(under["label"]) if under else "",
                                          can_delete=under is not None, title=title), done)


def _entity_over(entities: list[dict[str, Any]], sel: Range) -> dict[str, Any] | None:
    """The entity overlapping the selection most, if any."""
    best: tuple[int, dict[str, Any]] | None = None
    for e in entities:
        overlap = min(sel[1], e["end"]) - max(sel[0], e["start"])
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, e)
    return best[1] if best else None
