"""Keys typed while a document loads: held, then replayed in order once it is loaded.

A fast typist's `n y` arrived before the cached analysis, found no suggestion and was lost
(issue 12). Until the loading worker of the document (its text and cached analysis, or the
news that it must be analysed) is over, the keys aimed at the article are held, in a bounded
queue, and replayed one at a time afterwards, each after the previous one's action ran, so
each acts on the state the one before left. Esc, q and ctrl+q are never held: q still leaves.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.worker import Worker, WorkerState

from .annotate_base import AnnotationBase

HELD_MAX = 64  # a burst, not a paste: more than this while loading is dropped (and said)
NEVER_HELD = frozenset({"escape", "q", "ctrl+q", "ctrl+c"})


class KeyHolder(AnnotationBase):
    """Holds the article's keys while the document loads, and replays them in order."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(doc_id)
        self._loading = True  # from the start: the first load begins after the first frame
        self._loader: Worker[None] | None = None
        self._held: deque[tuple[str, str | None]] = deque()
        self._in_flight: events.Key | None = None
        self._dropped = 0

    def hold_until(self, loader: Worker[None]) -> None:
        """Hold the keys until `loader` (a document's loading worker) is over."""
        self._loader, self._loading = loader, True

    def on_key(self, event: events.Key) -> None:
        """Hold a key typed while loading (or behind held keys); let a replayed one through."""
        if event is self._in_flight:
            self._in_flight = None
            if self._loading:  # it reached here after a replayed ] started another load
                self._held.appendleft((event.key, event.character))
                self._stop(event)
            else:
                # after this key's binding has run (it bubbles to the app after this handler)
                self.app.call_later(self._replay_next)
            return
        busy = self._loading or self._held or self._in_flight is not None
        focused = self.focused
        if not busy or event.key in NEVER_HELD or (focused is not None
                                                  and focused is not self.article):
            return  # (a key for the search field or a dialog is that widget's)
        self._stop(event)
        if len(self._held) >= HELD_MAX:
            self._dropped += 1
            return
        self._held.append((event.key, event.character))

    @staticmethod
    def _stop(event: events.Key) -> None:
        event.stop()
        event.prevent_default()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The document's loading is over: replay the held keys (dropped if it failed)."""
        if event.worker is not self._loader or event.state not in (
                WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        self._loader, self._loading = None, False
        if event.state != WorkerState.SUCCESS or self.view is None:
            self._dropped += len(self._held)
            self._held.clear()
        if self._dropped:
            self.notify(f"{self._dropped} keys typed while loading were not used",
                        severity="warning")
            self._dropped = 0
        if self._in_flight is None:
            self._replay_next()

    def _replay_next(self) -> None:
        """Send the oldest held key through the app, as typed."""
        if self._loading or not self._held or not self.is_attached:
            return
        key, character = self._held.popleft()
        self._in_flight = events.Key(key, character)
        # from the app, as a terminal's key is: a key sent by this screen stops bubbling here,
        # before the app runs its binding
        self._in_flight.set_sender(self.app)
        self.app.post_message(self._in_flight)
