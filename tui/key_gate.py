"""Keys typed while a document loads: held by the app, then handled one by one, in typing order.

Opening a document shows its text at once, but its cached analysis (entities, quotes,
suggestions) comes a fraction of a second later, from a worker. `n y` typed in that moment found
no suggestion and was lost. The annotation screen closes the gate when it starts loading a
document (built, `]`, `[`) and opens it once the loading worker is over; meanwhile the app holds
every key (and paste) typed after the key that started the load, and then sends them in again
one at a time, each once the one before has been handled and what it opened (a dialog, the
library) is ready, as if typed at a human pace.

Keys are held at two points of their way through the app. Arriving from the terminal (before
they reach a widget), a key is held if the gate is closed or keys are held already, so nothing
overtakes them. Coming back to the app after the widgets (where the bindings run), a key typed
after the one that closed the gate is held too: it was already on its way, in a burst read with
that key. A quit key (`q`, `ctrl+q`) typed with nothing held before it is not held: leaving
never waits for a load. Nothing is dropped: if the document takes longer than `HOLD_LIMIT` to
load, the keys are handed back anyway and act on what is shown. Mouse events are not held.

The owner of a closed gate is its screen; a screen that goes away opens it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.timer import Timer

HOLD_LIMIT = 3.0
"""Seconds a loading document holds the keys at most; then they act on what is shown."""

QUIT_KEYS = frozenset({"q", "ctrl+q", "ctrl+c"})
"""Keys that leave: with no key held before them, they act at once, loading or not."""

Typed = events.Key | events.Paste


class KeyGate:
    """The app's key gate: closed by a loading document, it holds the keys typed meanwhile."""

    def __init__(self, *, replay: Callable[[], object],
                 set_timer: Callable[[float, Callable[[], object]], Timer],
                 expired: Callable[[], object]) -> None:
        self._replay = replay  # asks the app to send the held keys back in (KeyGate.next)
        self._set_timer = set_timer
        self._expired = expired  # told when HOLD_LIMIT passed with keys still held
        self._owner: object | None = None  # the screen that closed the gate (None: open)
        self._loader: object | None = None  # the load it waits for (None: not started yet)
        self._since = 0.0  # keys typed after this (event.time) are held
        self._timer: Timer | None = None
        self._held: list[Typed] = []
        self._passing: Typed | None = None  # the held key sent back in, let through once
        self._last_key = 0.0  # when the key whose bindings ran last was typed
        self.replaying = False  # set by the app while it sends held keys back in

    @property
    def is_closed(self) -> bool:
        """True while a loading document holds the keys."""
        return self._owner is not None

    def close(self, owner: object, loader: object | None = None) -> None:
        """Hold the keys typed after the current one until `owner` opens the gate with the same
        `loader` (or goes away). A second close by the same owner waits for its new loader."""
        if self._owner is not owner:
            self._since = self._last_key
        self._owner, self._loader = owner, loader
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._set_timer(HOLD_LIMIT, self._expire)

    def open(self, owner: object, loader: object | None = None) -> None:
        """The load `loader` of `owner` is over (any of its loads, without `loader`): hand the
        held keys back. A load that is not the latest (cancelled by a newer one) opens nothing."""
        if owner is not self._owner or (loader is not None and loader is not self._loader):
            return
        self._owner = self._loader = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._held:
            self._replay()

    def _expire(self) -> None:
        if self._owner is not None:
            said = bool(self._held)
            self.open(self._owner)
            if said:
                self._expired()

    def holds(self, event: Typed, *, arriving: bool) -> bool:
        """Hold `event` (True) or let it go on (False). `arriving`: from the terminal, not yet
        at a widget; else back at the app after the widgets, where its bindings are to run."""
        if event is self._passing:
            self._passing = None
            return False
        alone = not self._held and isinstance(event, events.Key) and event.key in QUIT_KEYS
        if arriving:
            hold = not alone and (self.is_closed or bool(self._held) or self.replaying)
        else:
            hold = not alone and self.is_closed and event.time > self._since
            if not hold:
                self._last_key = event.time  # its bindings run now: it may close the gate
        if hold:
            self._held.append(event)
        return hold

    def next(self) -> Typed | None:
        """The first held key (in typing order), as a new terminal key the gate lets through
        once; None if none is held or the gate is closed again."""
        if self.is_closed or not self._held:
            return None
        self._held.sort(key=lambda e: e.time)
        first = self._held.pop(0)
        fresh: Typed = (events.Key(first.key, first.character) if isinstance(first, events.Key)
                        else events.Paste(first.text))
        fresh.time = first.time  # typed then: the gate compares the times of keys
        self._passing = fresh
        return fresh
