"""A progress bar on stderr for long commands: done / total, documents per second and an ETA."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


def columns() -> tuple[TextColumn | BarColumn | MofNCompleteColumn | TimeElapsedColumn
                       | TimeRemainingColumn, ...]:
    """The bar's columns; a task's `rate` field is its documents per second."""
    return (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn())


def rate_text(done: int, started: float) -> str:
    """Documents per second since `started` (a perf_counter time)."""
    return f"{done / max(1e-9, time.perf_counter() - started):,.1f} docs/s"


@contextmanager
def progress_bar(console: Console, description: str, total: int) -> Iterator[Callable[[int], None]]:
    """A transient bar on `console` while the block runs (none when it is not a terminal);
    yields tick(n), to call as n more documents are done."""
    with Progress(*columns(), console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        task = progress.add_task(description, total=total, rate="")
        started, done = time.perf_counter(), 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            progress.update(task, advance=n, rate=rate_text(done, started))

        yield tick
