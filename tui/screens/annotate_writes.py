"""The annotation screen's writes: queued in key order, refused while read-only, and what the
keys see meanwhile.

`WritingScreen` runs each store write in the app's WriteQueue (one at a time, in the order of
the keys), counts the y / d decisions still queued as made for the keys that follow
(`keys_view`), and holds what a damaged database changes: a read-only document, entities the
screen cannot draw. `AnnotationBase` (annotate_base) builds the display on it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual.worker import Worker, WorkerState

from annotations.errors import NotFoundError, RedlineError
from annotations.store import Store

from ..messages import StateLoaded
from ..widgets.status_bar import StatusBar
from ..workers import DocState, read_state
from ..writes import Declined
from . import actions as act
from .annotate_checks import dropped_note, sound_entities
from .base import FINISHED, RedlineScreen

if TYPE_CHECKING:
    from ..app import RedlineApp

Range = tuple[int, int]


class WritingScreen(RedlineScreen):
    """A document's screen that writes: ordered writes, queued decisions, read-only state."""

    def __init__(self, doc_id: str) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.view: act.DocView | None = None
        # suggestion key -> decision of the y / d writes queued but not committed yet: the
        # keys act on the state they leave (the view shows only what is committed)
        self._intents: dict[str, str] = {}
        self._intent_of: dict[Worker[None], str] = {}
        # why this document is open read-only ("" if it is not): every write is refused
        self.read_only = ""
        self._entities_noted = ""  # the document whose malformed entities were reported

    @property
    def redline(self) -> RedlineApp:
        """The app, typed (a screen runs only inside RedlineApp; importing it here would be a cycle)."""
        return cast("RedlineApp", self.app)

    def _say(self, text: str) -> None:
        """Put `text` on the status line (AnnotationBase draws it)."""
        raise NotImplementedError

    def editor_moves(self) -> int | None:
        """How many times the editor has moved the cursor (AnnotationBase counts them)."""
        return None

    def write(self, label: str, change: Callable[[Store], Any], note: str | Callable[[Any], str],
              *, focus: int | Range | Callable[[Any], int | None] | None = None,
              intent: tuple[str, str] | None = None) -> bool:
        """Queue one store write; the screen updates when the result is committed.

        Writes run one at a time in the order of their keys (the app's WriteQueue), each on the
        state the one before left. `note` is what the status line says afterwards, `focus`
        where the cursor goes (either may be a function of what `change` returned); a key that
        already moved the cursor passes none, so a late write never pulls the cursor back.
        `intent` (suggestion key, decision) counts as decided for the keys meanwhile. `change`
        may raise Declined: nothing to do, its note says why. False if refused (read-only).
        """
        if self.read_only:
            self._say(f"not saved: {self.read_only}")
            return False
        store, doc_id = self.redline.store, self.doc_id
        # a move typed after this key (u j) wins over the write's `focus`, which arrives later
        moves = self.editor_moves()

        def job() -> None:
            try:
                result = change(store)
            except Declined as declined:
                # shown with the state read now: what it declined for (an identical
                # annotation from another window, say) appears on screen too
                self.post_message(StateLoaded(read_state(store, doc_id), declined.note))
                return
            except NotFoundError:
                # the document is there (read_state raises otherwise), so what went missing is
                # the annotation: deleted by another window since this one read it
                state = read_state(store, doc_id)
                self.post_message(StateLoaded(state, ""))  # its tag disappears
                raise RedlineError("this annotation was deleted elsewhere (another window or "
                                   "annotator); the document is reloaded") from None
            said = note(result) if callable(note) else note
            where = focus(result) if callable(focus) else focus
            self.post_message(StateLoaded(read_state(store, doc_id), said, focus=where,
                                          moves_at_key=moves))

        # queued now, as the key is handled: a worker cancelled before it starts (the app
        # quitting) cannot drop it
        future = self.redline.writes.submit(job)

        async def queued() -> None:
            await self.redline.writes.wait(future)

        worker: Worker[None] = self.run_worker(queued, name=label, group="write",
                                               exit_on_error=False)
        if intent is not None:
            self._intents[intent[0]] = intent[1]
            self._intent_of[worker] = intent[0]
        return True

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A decision's write is over (its state is shown, or it failed): stop counting it as
        queued. (Textual runs each class's handler: failures are reported by RedlineScreen.)"""
        if event.state in FINISHED:
            key = self._intent_of.pop(event.worker, None)
            if key is not None:
                self._intents.pop(key, None)
        if (event.worker.group == "load" and event.state == WorkerState.ERROR
                and self.view is None):
            # nothing to show: the error replaces "loading…" (it sat there for good)
            error = event.worker.error
            said = error.one_line() if isinstance(error, RedlineError) else repr(error)
            self.query_one(StatusBar).message = f"cannot open the document: {said}"

    def follow_damage(self, state: DocState) -> None:
        """Open the document read-only while its edit history cannot be read (a damaged page
        of the journal), and say so once; writable again once a read succeeds (R)."""
        was = self.read_only
        self.read_only = "the document is open read-only (its edit history could not be read)"
        if not state.damaged:
            self.read_only = ""
        elif not was:
            self.notify(f"{state.damaged}. Its edit history could not be read: the document "
                        "is open read-only, edits are refused", severity="error", timeout=20)

    def drawable(self, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The entities the screen can draw; the malformed ones (no label, off the text) are
        dropped, with one notice per document, instead of crashing the screen."""
        assert self.view is not None
        kept, dropped = sound_entities(self.view.doc.text, entities)
        if dropped and self._entities_noted != self.doc_id:
            self._entities_noted = self.doc_id
            self.notify(dropped_note(dropped), severity="warning", timeout=10)
        return kept

    def keys_view(self) -> act.DocView | None:
        """The view as the keys see it: the decisions still queued count as made, so `yyyy`
        accepts four suggestions, not the first one four times."""
        view = self.view
        if view is None or not self._intents:
            return view
        ahead = copy.copy(view)  # its pending cache keys on the decisions: recomputed
        ahead.decisions = {**view.decisions, **self._intents}
        return ahead
