"""The trash: deleting a document moves it, with everything that hangs on it, out of the library;
restoring brings it back whole; purging empties the trash for good.

A deleted document's rows (the document, its annotations, suggestion decisions, journal and
old texts) are kept as one JSON payload per document, by column name, rather than in copies of
each table: every other query then ignores the trash without a filter, and a payload written
before a later migration still restores into the columns that exist.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..errors import NotFoundError, RedlineError
from ..models import now_iso
from .edits import EditStore

# the tables a document's rows live in, parents first (restore inserts in this order)
HELD = (("documents", "id"), ("annotations", "doc_id"), ("decisions", "doc_id"),
        ("journal", "doc_id"), ("text_history", "doc_id"), ("entity_corrections", "doc_id"))


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


class TrashStore(EditStore):
    """Deleting documents to the trash, restoring and purging them."""

    def delete_documents(self, doc_ids: list[str]) -> list[str]:
        """Move the documents (with annotations, decisions, journal, old texts) to the trash, all
        or none; their titles."""
        titles = []
        with self._write() as db:
            conn = db.conn
            for doc_id in doc_ids:
                payload: dict[str, list[dict[str, Any]]] = {}
                for table, key in HELD:
                    cur = conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", (doc_id,))
                    names = [c[0] for c in cur.description]
                    payload[table] = [dict(zip(names, row, strict=True)) for row in cur]
                if not payload["documents"]:
                    raise NotFoundError(f"no document {doc_id!r}", hint="see `redline list`")
                title = payload["documents"][0]["title"]
                conn.execute(
                    "INSERT OR REPLACE INTO trash (doc_id, title, annotations, deleted_at,"
                    " deleted_by, payload) VALUES (?, ?, ?, ?, ?, ?)",
                    (doc_id, title, len(payload["annotations"]), now_iso(), self.annotator,
                     json.dumps(payload, ensure_ascii=False)))
                # annotations, decisions and old texts go with the document (foreign keys)
                conn.execute("DELETE FROM journal WHERE doc_id = ?", (doc_id,))
                conn.execute("DELETE FROM entity_corrections WHERE doc_id = ?", (doc_id,))
                conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
                titles.append(title)
        return titles

    def trash(self) -> list[dict[str, Any]]:
        """The deleted documents, newest first: doc_id, title, annotations, deleted_at/by."""
        return self._rows("SELECT doc_id, title, annotations, deleted_at, deleted_by FROM trash"
                          " ORDER BY deleted_at DESC, doc_id")

    def find_deleted(self, query: str) -> str:
        """A deleted document's id by exact id, unique id prefix or unique title substring."""
        rows = self._rows("SELECT doc_id FROM trash WHERE doc_id = ?", (query,))
        if not rows:
            rows = self._rows("SELECT doc_id, title FROM trash WHERE substr(doc_id, 1, ?) = ?"
                              " OR instr(lower(title), lower(?)) > 0", (len(query), query, query))
        if not rows:
            raise NotFoundError(f"nothing in the trash matches {query!r}",
                                hint="see `redline list --deleted`")
        if len(rows) > 1:
            raise RedlineError(f"{len(rows)} documents in the trash match {query!r}",
                               hint="give more of the id (see `redline list --deleted`)")
        return str(rows[0]["doc_id"])

    def restore_documents(self, doc_ids: list[str]) -> list[str]:
        """Bring documents back from the trash whole, all or none; their titles. A document
        whose id has been taken again since is refused."""
        titles = []
        with self._write() as db:
            conn = db.conn
            for doc_id in doc_ids:
                row = conn.execute("SELECT title, payload FROM trash WHERE doc_id = ?",
                                   (doc_id,)).fetchone()
                if row is None:
                    raise NotFoundError(f"no document {doc_id!r} in the trash",
                                        hint="see `redline list --deleted`")
                if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                    raise RedlineError(
                        f"document {doc_id} is in the library again (imported since it was "
                        "deleted)", hint="delete or rename that one first, then restore")
                payload = json.loads(row[1])
                for table, _ in HELD:
                    have = set(_columns(conn, table))
                    for r in payload.get(table, []):
                        cols = [c for c in r if c in have]
                        conn.execute(
                            f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in cols)})"
                            f" VALUES ({', '.join('?' * len(cols))})", [r[c] for c in cols])
                conn.execute("DELETE FROM trash WHERE doc_id = ?", (doc_id,))
                titles.append(row[0])
        return titles

    def purge_trash(self) -> int:
        """Delete everything in the trash for good; how many documents that was."""
        with self._write() as db:
            return db.conn.execute("DELETE FROM trash").rowcount
