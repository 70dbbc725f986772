"""Looking at a database from outside redline: its bytes, its content, its soundness."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from annotations.formats.redline import export_redline
from annotations.store import Store


def integrity(path: Path) -> str:
    """`PRAGMA integrity_check` through a plain sqlite3 connection ('ok' when sound)."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def file_digest(path: Path) -> str:
    """SHA-256 of the database file and of its WAL, if any: equal digests, untouched file."""
    h = hashlib.sha256()
    for p in (path, Path(f"{path}-wal")):
        h.update(p.name.encode())
        # a WAL that exists but holds no frames changes nothing
        if p.exists() and p.stat().st_size:
            h.update(p.read_bytes())
    return h.hexdigest()


def export_of(path: Path) -> str:
    """The whole database in the redline export format (what a user would get back)."""
    with Store(path) as store:
        return "".join(export_redline(store))


@dataclass(frozen=True)
class Snapshot:
    """A database's bytes and its export, to show that a failed command touched neither."""

    digest: str
    export: str


def snapshot(path: Path) -> Snapshot:
    """The database's digest (taken first, before opening it) and its export."""
    digest = file_digest(path)
    return Snapshot(digest, export_of(path))


def table_rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Rows of a query through a plain sqlite3 connection (no redline code in the way)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()
