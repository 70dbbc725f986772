"""What every redline screen shares: worker failures are reported in one place."""

from __future__ import annotations

from textual._context import NoActiveAppError
from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from annotations.errors import RedlineError

FINISHED = frozenset({WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED})
"""A worker's states once it is over, whatever the outcome (as its StateChanged says)."""


def report_failure(node: DOMNode, event: Worker.StateChanged) -> None:
    """Show a failed worker as an error notification naming what failed and why."""
    if event.state != WorkerState.ERROR:
        return
    error = event.worker.error
    text = error.one_line() if isinstance(error, RedlineError) else f"{error!r}"
    node.app.notify(f"{event.worker.name} failed: {text}", severity="error", timeout=10)


class RedlineScreen(Screen[None]):
    """A screen whose thread workers' failures reach the user (they never pass silently)."""

    def __init__(self) -> None:
        super().__init__()
        self._preset_breakpoints()

    def _preset_breakpoints(self) -> None:
        """Give the screen its width and height classes (HORIZONTAL_BREAKPOINTS) now, as its
        first resize would: set then, after every widget was styled, they restyled them all
        once more before the first frame (a few ms of every start). The resize still keeps
        them up to date; finding them already right, it restyles nothing."""
        try:
            width, height = self.app.size
        except NoActiveAppError:  # built outside a running app: the first resize sets them
            return
        app = self.app
        for own, apps, size in ((self.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS, width),
                                (self.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS, height)):
            breakpoints = apps if own is None else own  # none of its own: the app's hold
            # Textual's own rule, as its resize applies it (the widest breakpoint reached)
            self.add_class(*self._get_breakpoint_classes(size, breakpoints or []))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker.StateChanged does not bubble: each screen hands failures to report_failure."""
        report_failure(self, event)
