"""Schema migrations: each step moves `PRAGMA user_version` up by one.

An annotation's role spans are a JSON array in its row (export form: role, start, end, text, in
text order): a frame is read and written whole, and export splices the stored JSON as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .fts import add_full_text_search

# 'RDLN' in ASCII: marks a file as a redline database, so another program's is refused.
APPLICATION_ID = 0x52444C4E

_V1 = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'new',
    entities TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    needs_review INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_sha ON documents(text_sha256);
CREATE INDEX documents_position ON documents(position);
CREATE TABLE annotations (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    origin TEXT NOT NULL,
    annotator TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    spans TEXT NOT NULL,
    needs_review INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX annotations_doc ON annotations(doc_id, start, "end", created_at, id);
CREATE TABLE decisions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    decision TEXT NOT NULL,
    annotation_id TEXT,
    annotator TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (doc_id, key)
);
CREATE TABLE journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    op TEXT NOT NULL,
    target INTEGER,
    changes TEXT NOT NULL,
    annotator TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX journal_doc ON journal(doc_id, annotator, seq);
CREATE TABLE analyses (
    key TEXT PRIMARY KEY,
    text_sha256 TEXT NOT NULL,
    model TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX analyses_sha ON analyses(text_sha256, created_at);
"""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.strip().split(";\n"):
        if statement.strip():
            conn.execute(statement)


def add_text_history(conn: sqlite3.Connection) -> None:
    """Replaced texts: `import --replace` (and a restore) keeps the text it replaces here, so a
    stored text is never lost, only superseded (`redline history`)."""
    conn.execute(
        "CREATE TABLE text_history ("
        " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
        " version INTEGER NOT NULL,"
        " title TEXT NOT NULL,"
        " text TEXT NOT NULL,"
        " text_sha256 TEXT NOT NULL,"
        " replaced_at TEXT NOT NULL,"
        " replaced_by TEXT NOT NULL,"
        " PRIMARY KEY (doc_id, version))")


def add_trash(conn: sqlite3.Connection) -> None:
    """Deleted documents, each kept whole as one payload until restored or purged (see trash.py);
    built with sqlite-utils."""
    from .fts import utils_database

    utils_database(conn).table("trash").create(
        {"doc_id": str, "title": str, "annotations": int, "deleted_at": str, "deleted_by": str,
         "payload": str}, pk="doc_id", not_null={"title", "deleted_at", "payload"})


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, add_full_text_search,
                                                          add_text_history, add_trash]
SCHEMA_VERSION = len(MIGRATIONS)
