"""The connection to a redline database: refusing foreign files, opening read-only when it
cannot be written, migrating, transactions (SQLite's errors in plain words: `failures`).

Every write runs in one `BEGIN IMMEDIATE` transaction: a deferred transaction that reads and then
writes can fail at once with "database is locked" when another process writes, whereas an
immediate one waits for the busy timeout. Multi-step writes nest in `db.atomic()` savepoints.

The standard library rather than sqlite-utils: importing sqlite-utils imports numpy (when
installed, as with spaCy) and scans plugin entry points, a third of a second on every start of
the terminal app, for the four small methods `Database` keeps.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from ..errors import DatabaseError
from .failures import busy_timeout_ms, plain_error, read_only_reason
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"

S = TypeVar("S", bound="StoreBase")


def check_file(path: Path) -> None:
    """Refuse a file that is not SQLite before sqlite3 touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database", hint="give --db a file path")
    with path.open("rb") as f:
        head = f.read(16)
    if head != SQLITE_MAGIC:
        raise DatabaseError(
            f"{path}: is not a SQLite database",
            hint="give --db a redline database, or a new file name to create one",
        )


class Database:
    """The connection, with the few helpers of sqlite-utils' Database the store used."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils set it

    def table_names(self) -> list[str]:
        """The names of the tables."""
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def enable_wal(self) -> None:
        """Switch to write-ahead logging (outside any transaction)."""
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction, or a savepoint inside the open one."""
        conn = self.conn
        if conn.in_transaction:
            # what secrets.token_hex(8) returns, without importing secrets (random, hashlib,
            # base64: milliseconds of every start)
            savepoint = f"redline_{os.urandom(8).hex()}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # a RAISE(ROLLBACK) trigger can end the whole transaction, savepoint included
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


class StoreBase:
    """The open, migrated database that the parts of `Store` read and write through."""

    def __init__(self, path: str | Path, *, annotator: str = "") -> None:
        self.path = Path(path)
        self.annotator = annotator
        self._lock = threading.RLock()
        self.busy_timeout_ms = busy_timeout_ms()
        # a database that cannot be written is opened read-only: reading commands work, and a
        # write is refused in plain words (see _write) instead of SQLite's "unable to open"
        self.read_only = None if str(path) == ":memory:" else read_only_reason(self.path)
        if str(path) != ":memory:":
            check_file(self.path)
            if self.read_only and not self.path.exists():
                raise DatabaseError(f"{path}: cannot be created ({self.read_only})",
                                    hint="give --db a path in a folder you can write to")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DatabaseError(f"{path}: cannot be created ({e.strerror}: {e.filename})",
                                    hint="give --db a path in a folder you can write to") from e
        try:
            conn = self._connect()
            self.db = Database(conn)
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as e:
            if self.read_only and "unable to open" in str(e):
                # SQLite needs its -shm file beside a WAL database someone is writing
                raise DatabaseError(f"{path}: cannot be read while another program writes it, "
                                    f"because {self.read_only} ({e})",
                                    hint="try again when it is done, or copy the database and "
                                         "give --db the copy") from e
            raise DatabaseError(
                f"{path}: cannot be opened as a database ({e})",
                hint="give --db a redline database, or a new file name to create one",
            ) from e

    def _connect(self) -> sqlite3.Connection:
        timeout = self.busy_timeout_ms / 1000
        if not self.read_only:
            return sqlite3.connect(str(self.path), timeout=timeout, check_same_thread=False)
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            if os.path.exists(f"{self.path}-wal"):
                raise
            # a WAL database needs its -shm file, which a read-only folder cannot hold; with no
            # -wal file either, nobody is writing it, and the file alone is the whole database
            conn = sqlite3.connect(f"{uri}&immutable=1", uri=True, timeout=timeout,
                                   check_same_thread=False)
        return conn

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")

    def _pragma(self, name: str) -> Any:
        return self.db.conn.execute(f"PRAGMA {name}").fetchone()[0]

    def _migrate(self) -> None:
        version = int(self._pragma("user_version"))
        app_id = int(self._pragma("application_id"))
        tables = self.db.table_names()
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"{self.path}: was written by a newer redline (schema {version}, this one knows "
                f"{SCHEMA_VERSION})",
                hint="upgrade redline (pip install -U redline)",
            )
        if tables and app_id != APPLICATION_ID:
            raise DatabaseError(
                f"{self.path}: is a database of another program (tables: {', '.join(tables[:5])})",
                hint="give --db a redline database, or a new file name to create one",
            )
        if self.read_only:
            if not tables:
                raise DatabaseError(f"{self.path}: is empty, and {self.read_only}",
                                    hint="give --db a redline database, or a new file name in a "
                                         "folder you can write to")
            if version < SCHEMA_VERSION:
                raise DatabaseError(
                    f"{self.path}: needs upgrading (schema {version} to {SCHEMA_VERSION}), but "
                    f"{self.read_only}",
                    hint="make it writable, or copy it somewhere you can write and give --db "
                         "the copy")
            return  # neither WAL nor migrations: both write
        # WAL only once the file is known to be ours: switching journal mode rewrites the
        # header, so doing it first would alter another program's database before refusing it
        if str(self.path) != ":memory:" and self._pragma("journal_mode") != "wal":
            self.db.enable_wal()
        if version == SCHEMA_VERSION:
            return
        with self._write():
            # another process may have migrated while this one waited for the write lock
            version = int(self._pragma("user_version"))
            if version >= SCHEMA_VERSION:
                return
            if version == 0:
                self.db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for step in MIGRATIONS[version:]:
                step(self.db.conn)
            self.db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _write(self) -> Iterator[Database]:
        """One immediate write transaction (or a savepoint inside the current one). A failed
        COMMIT rolls back: left open, the transaction would swallow every later write as a
        savepoint that never reaches disk."""
        if self.read_only:
            raise DatabaseError(f"{self.path}: is read-only ({self.read_only}); nothing was "
                                "changed", hint="make it writable, or copy it and give --db "
                                                "the copy")
        with self._lock:
            conn = self.db.conn
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    with self.db.atomic():
                        yield self.db
                    conn.execute("COMMIT")
                except BaseException as e:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    if "disk is full" in f"{e} {e.__cause__}":
                        self._shrink_wal()
                    raise
            except sqlite3.OperationalError as e:
                plain = plain_error(self.path, e, self.busy_timeout_ms)
                if plain is e:
                    raise
                raise plain from e

    def _shrink_wal(self) -> None:
        """Give the disk back the rolled-back pages a failed write left in the WAL, without
        waiting for readers (the disk is full: the next write needs the space)."""
        conn = self.db.conn
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")

    @contextlib.contextmanager
    def attached(self, path: str, name: str) -> Iterator[sqlite3.Connection]:
        """The connection, held by this thread for the block, with the SQLite file at `path`
        attached as `name` and one transaction over both: rows go from the store into the file
        in SQL, as one snapshot, without becoming Python objects. Committed when the block ends
        well, rolled back when not, detached either way. The file is written without a journal
        or syncs, so it must be one being built, thrown away if this fails."""
        with self._lock:
            conn = self.db.conn
            conn.execute(f"ATTACH DATABASE ? AS {name}", (os.path.abspath(path),))
            # a copy's keys hold by construction (parents go in first): checking each row's
            # parent was a third of the time of copying annotations. The setting only changes
            # outside a transaction, so it is restored after the commit.
            conn.execute("PRAGMA foreign_keys = OFF")
            try:
                conn.execute(f"PRAGMA {name}.journal_mode = OFF")
                conn.execute(f"PRAGMA {name}.synchronous = OFF")
                with self.db.atomic():
                    yield conn
            finally:
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute(f"DETACH DATABASE {name}")

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        with self._lock:
            self.db.close()

    def __enter__(self: S) -> S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cur = self.db.conn.execute(sql, params)
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def integrity_check(self) -> str:
        """`PRAGMA integrity_check`'s verdict: 'ok' when the file is sound."""
        return str(self._rows("PRAGMA integrity_check")[0]["integrity_check"])
