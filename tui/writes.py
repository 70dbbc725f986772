"""The app's store writes run one at a time, in the order their keys were pressed.

Each write used to be a thread worker of its own: a burst of keys started several at once, and
they reached the database in whatever order the threads ran, each on the state its key had seen
(`yyyy` accepted one suggestion, then failed three times on it). Now every write is submitted to
one thread that runs them in turn, so each acts on the state the previous one left.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class Declined(Exception):
    """A queued write that finds nothing to do once its turn comes; `note` says why (the
    screen shows it as a note, not as a failure)."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


class WriteQueue:
    """One thread that runs the app's writes in the order they were submitted."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="redline-write")
        self.pending = 0  # writes submitted and not finished (counted on the event loop)

    def submit(self, job: Callable[[], T]) -> asyncio.Future[T]:
        """Queue `job` after every write submitted before it, now (from the event loop, as the
        key is handled): await the result with `wait`."""
        future = asyncio.wrap_future(self._executor.submit(job))
        self.pending += 1
        future.add_done_callback(self._done)
        return future

    def _done(self, future: asyncio.Future[Any]) -> None:
        self.pending -= 1
        # read its outcome even when no one awaits it any more: an unread failure would be
        # printed ("Future exception was never retrieved") over the shell after the app exits
        if not future.cancelled():
            future.exception()

    async def run(self, job: Callable[[], T]) -> T:
        """Queue `job` and wait for its result (from an async worker)."""
        return await self.wait(self.submit(job))

    @staticmethod
    async def wait(future: asyncio.Future[T]) -> T:
        """The result of a submitted write (await it from an async worker).

        Shielded: a worker cancelled meanwhile (its screen closed, the app quitting) stops
        waiting, but its write still runs in turn; the keys typed before a quit are not lost."""
        return await asyncio.shield(future)

    def close(self) -> None:
        """Run every write still queued, then return (the database is closed next)."""
        self._executor.shutdown(wait=True)
