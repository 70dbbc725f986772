"""SQLite's failures in plain words: a damaged, full, read-only or long-locked database as one
`DatabaseError` line, and the settings that decide them (the busy timeout, whether a write can
succeed at all)."""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import sqlite3
from pathlib import Path
from typing import Any, TypeVar

from ..errors import DatabaseError

# How long a write waits for another process's transaction. An import holds the lock for a
# whole file (all or nothing), which for the largest file allowed can take tens of seconds on
# a slow machine; an editor's change should wait that out rather than fail as "locked".
BUSY_TIMEOUT_MS = 120_000
BUSY_TIMEOUT_ENV = "REDLINE_BUSY_TIMEOUT_MS"

T = TypeVar("T", bound=type)


def busy_timeout_ms() -> int:
    """How long a write waits for another process's lock: $REDLINE_BUSY_TIMEOUT_MS, else two
    minutes."""
    value = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not value:
        return BUSY_TIMEOUT_MS
    if not value.isdigit():
        raise DatabaseError(f"${BUSY_TIMEOUT_ENV}={value!r} is not a whole number of milliseconds",
                            hint=f"set it to e.g. {BUSY_TIMEOUT_MS}, or unset it")
    return int(value)


def read_only_reason(path: Path) -> str | None:
    """Why a write to the database at `path` cannot succeed (None when it can): SQLite writes
    the file itself and creates its journal files beside it, so both must be writable."""
    if path.exists() and not os.access(path, os.W_OK):
        where = path
    elif path.parent.exists() and not os.access(path.parent, os.W_OK):
        where = path.parent
    else:
        return None
    with contextlib.suppress(OSError):
        if os.statvfs(where).f_flag & os.ST_RDONLY:
            return "its file system is mounted read-only"
    return "the file is read-only" if where == path else f"its folder {where} is read-only"



def plain_error(path: Path, e: sqlite3.DatabaseError, timeout_ms: int | None = None
                ) -> Exception:
    """A damaged, full, read-only or long-locked file as a one-line DatabaseError; anything else
    unchanged."""
    text = str(e)
    if "database or disk is full" in text:
        return DatabaseError(f"{path}: the disk is full ({text}); nothing was changed",
                             hint="free some space and try again")
    if "readonly database" in text:
        return DatabaseError(f"{path}: is read-only ({text}); nothing was changed",
                             hint="make it writable, or copy it and give --db the copy")
    if type(e) is sqlite3.DatabaseError or "disk I/O error" in text:
        return DatabaseError(f"{path}: is damaged ({text})",
                             hint="restore it from a backup, or import your last export into a "
                                  "new database")
    if "database is locked" in text:
        waited = (busy_timeout_ms() if timeout_ms is None else timeout_ms) / 1000
        return DatabaseError(f"{path}: another program held it locked for over {waited:g} s "
                             f"({text}); nothing was changed",
                             hint="close the other program and try again")
    return e


def _reporting(fn: Any) -> Any:
    """Wrap a method of an object with a `path` so SQLite's damaged-file and timeout errors reach
    the user as one line (IntegrityError and friends are bugs, and keep their traceback)."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(self, *args, **kwargs)
            except sqlite3.DatabaseError as e:
                raise plain_error(self.path, e, getattr(self, "busy_timeout_ms", None)) from e
        return gen

    @functools.wraps(fn)
    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.DatabaseError as e:
            raise plain_error(self.path, e, getattr(self, "busy_timeout_ms", None)) from e
    return call


def reporting(cls: T) -> T:
    """Give every public method of the class, inherited ones included, plain SQLite errors:
    a damaged page can surface in any query, long after the file opened."""
    methods: dict[str, Any] = {}
    for base in reversed(cls.__mro__):  # the nearer class's method wins, as in lookup
        methods.update(vars(base))
    for name, fn in methods.items():
        if not name.startswith("_") and inspect.isfunction(fn):
            setattr(cls, name, _reporting(fn))
    return cls
