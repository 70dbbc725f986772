"""What every redline screen shares: worker failures are reported in one place."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from annotations.errors import RedlineError


def report_failure(node: DOMNode, event: Worker.StateChanged) -> None:
    """Show a failed worker as an error notification naming what failed and why."""
    if event.state != WorkerState.ERROR:
        return
    error = event.worker.error
    text = error.one_line() if isinstance(error, RedlineError) else f"{error!r}"
    node.app.notify(f"{event.worker.name} failed: {text}", severity="error", timeout=10)


class RedlineScreen(Screen[None]):
    """A screen whose thread workers' failures reach the user (they never pass silently)."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker.StateChanged does not bubble: each screen hands failures to report_failure."""
        report_failure(self, event)
