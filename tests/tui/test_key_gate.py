"""The key gate's rules on their own (no app): what it holds, and in which order it gives back."""

from __future__ import annotations

from collections.abc import Callable

from textual import events

from tui.key_gate import HOLD_LIMIT, KeyGate


class FakeTimer:
    """What the gate keeps of a timer: it can be stopped; `fire` runs it as its time comes."""

    def __init__(self, delay: float, callback: Callable[[], object]) -> None:
        self.delay, self.callback, self.stopped = delay, callback, False

    def stop(self) -> None:
        self.stopped = True

    def fire(self) -> None:
        if not self.stopped:
            self.callback()


class Harness:
    """A gate with its replays, timers and expiries recorded."""

    def __init__(self) -> None:
        self.replays = 0
        self.expired = 0
        self.timers: list[FakeTimer] = []
        self.gate = KeyGate(replay=self._replay, set_timer=self._timer, expired=self._expired)

    def _replay(self) -> None:
        self.replays += 1

    def _expired(self) -> None:
        self.expired += 1

    def _timer(self, delay: float, callback: Callable[[], object]) -> FakeTimer:
        timer = FakeTimer(delay, callback)
        self.timers.append(timer)
        return timer  # type: ignore[return-value]


def key(name: str, at: float) -> events.Key:
    """A key typed at time `at`."""
    event = events.Key(name, name if len(name) == 1 else None)
    event.time = at
    return event


def drain(gate: KeyGate) -> list[events.Key]:
    """Every key the gate gives back now, in its order (each let through once on arrival)."""
    out = []
    while (event := gate.next()) is not None:
        assert isinstance(event, events.Key)
        assert not gate.holds(event, arriving=True)  # the key sent back in is let through
        out.append(event)
    return out


def names(keys: list[events.Key]) -> list[str]:
    return [k.key for k in keys]


def test_an_open_gate_holds_nothing() -> None:
    gate = Harness().gate
    assert not gate.holds(key("n", 1.0), arriving=True)
    assert not gate.holds(key("n", 1.0), arriving=False)
    assert gate.next() is None


def test_keys_typed_after_the_closing_key_come_back_in_typing_order() -> None:
    h = Harness()
    gate = h.gate
    assert not gate.holds(key("]", 1.0), arriving=False)  # its binding runs: it closes the gate
    gate.close("screen", "load-1")
    # a key already on its way (typed before ]) is not held; one typed after it is
    assert not gate.holds(key("y", 0.5), arriving=False)
    assert gate.holds(key("d", 2.0), arriving=True)  # reached the app before n's way back
    assert gate.holds(key("n", 1.5), arriving=False)
    assert h.replays == 0 and gate.is_closed
    gate.open("screen", "load-1")
    assert h.replays == 1 and not gate.is_closed
    back = drain(gate)
    assert names(back) == ["n", "d"] and [k.time for k in back] == [1.5, 2.0]
    assert all(not k.is_forwarded for k in back)  # new terminal keys: they go to a widget again
    assert gate.next() is None


def test_a_key_arriving_behind_held_keys_waits_even_with_the_gate_open() -> None:
    h = Harness()
    gate = h.gate
    gate.close("screen", "load")
    assert gate.holds(key("n", 1.0), arriving=True)
    gate.open("screen", "load")
    # the replay is queued behind this key: it must not overtake n
    assert gate.holds(key("y", 2.0), arriving=True)
    assert names(drain(gate)) == ["n", "y"]


def test_keys_arriving_while_held_keys_are_sent_back_wait_their_turn() -> None:
    gate = Harness().gate
    gate.close("screen", "load")
    gate.holds(key("n", 1.0), arriving=True)
    gate.holds(key("y", 2.0), arriving=True)
    gate.open("screen", "load")
    gate.replaying = True
    first = gate.next()
    assert first is not None and not gate.holds(first, arriving=True)
    assert gate.holds(key("d", 3.0), arriving=True)  # typed during the replay: after y
    assert names(drain(gate)) == ["y", "d"]
    gate.replaying = False
    assert not gate.holds(key("j", 4.0), arriving=True)


def test_a_quit_key_with_nothing_held_before_it_is_not_held() -> None:
    gate = Harness().gate
    gate.close("screen", "load")
    assert not gate.holds(key("ctrl+q", 1.0), arriving=True)
    assert not gate.holds(key("q", 1.0), arriving=False)
    assert gate.holds(key("n", 2.0), arriving=True)
    assert gate.holds(key("q", 3.0), arriving=True)  # behind n: it waits its turn


def test_a_paste_is_held_in_its_place() -> None:
    gate = Harness().gate
    gate.close("screen", "load")
    gate.holds(key("slash", 1.0), arriving=True)
    paste = events.Paste("Tehran")
    paste.time = 2.0
    assert gate.holds(paste, arriving=True)
    gate.holds(key("enter", 3.0), arriving=True)
    gate.open("screen", "load")
    back = []
    while (event := gate.next()) is not None:
        back.append(event.key if isinstance(event, events.Key) else event.text)
        gate.holds(event, arriving=True)
    assert back == ["slash", "Tehran", "enter"]


def test_a_cancelled_load_or_another_screen_opens_nothing() -> None:
    h = Harness()
    gate = h.gate
    gate.close("screen", "load-1")
    gate.close("screen", "load-2")  # ] ] : the first load is cancelled by the second
    assert gate.holds(key("n", 1.0), arriving=True)
    gate.open("screen", "load-1")
    gate.open("other screen", "load-2")
    assert gate.is_closed and h.replays == 0
    gate.open("screen")  # the screen went away: whatever it waited for
    assert not gate.is_closed and h.replays == 1


def test_nothing_comes_back_while_closed_again() -> None:
    h = Harness()
    gate = h.gate
    gate.close("screen", "load-1")
    gate.holds(key("n", 1.0), arriving=True)
    gate.open("screen", "load-1")
    gate.close("screen", "load-2")  # before the replay ran
    assert gate.next() is None
    gate.open("screen", "load-2")
    assert names(drain(gate)) == ["n"]


def test_the_limit_opens_the_gate_and_says_so_once() -> None:
    h = Harness()
    gate = h.gate
    gate.close("screen", "load")
    gate.holds(key("j", 1.0), arriving=True)
    [timer] = h.timers
    assert timer.delay == HOLD_LIMIT
    timer.fire()
    assert not gate.is_closed and h.expired == 1 and h.replays == 1
    timer.fire()  # a late second firing (stopped): nothing more
    assert h.expired == 1


def test_the_limit_with_no_key_held_says_nothing() -> None:
    h = Harness()
    h.gate.close("screen", "load")
    h.timers[0].fire()
    assert not h.gate.is_closed and h.expired == 0 and h.replays == 0


def test_a_load_over_in_time_stops_its_timer() -> None:
    h = Harness()
    gate = h.gate
    gate.close("screen", "load")
    gate.open("screen", "load")
    assert h.timers[0].stopped
    h.timers[0].fire()
    assert h.expired == 0
