"""Schema migrations: each step moves `PRAGMA user_version` up by one.

An annotation's role spans are a JSON array in its row (export form: role, start, end, text, in
text order): a frame is read and written whole, and export splices the stored JSON as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .fts import add_full_text_search, statements

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


# The number of suggestions an analysis offers (distinct keys of its attributions, as
# `core.suggestion_keys` counts them) and its error, kept by triggers from the JSON record so
# every writer of the cache (the store, merge, a dataset import) keeps them true.
# A record SQLite cannot parse (Python writes NaN, JSON does not have it) counts as none rather
# than failing the write that caches it.
_JSON = "(CASE WHEN json_valid({result}) THEN {result} ELSE '{{}}' END)"
_COUNT_SQL = """(SELECT count(DISTINCT CAST(coalesce(nullif(json_extract(value, '$.key'), ''),
                                            json_extract(value, '$.id'), 'None') AS TEXT))
  FROM json_each({json}, '$.attributions'))"""


def _counts(result: str) -> str:
    """SET clauses for the counts of the record in `result`."""
    json = _JSON.format(result=result)
    return (f"suggestions = {_COUNT_SQL.format(json=json)},"
            f" error = json_extract({json}, '$.error')")


_COUNT_TRIGGERS = f"""
CREATE TRIGGER analyses_counts_ai AFTER INSERT ON analyses BEGIN
  UPDATE analyses SET {_counts("new.result")} WHERE rowid = new.rowid;
END;
CREATE TRIGGER analyses_counts_au AFTER UPDATE OF result ON analyses BEGIN
  UPDATE analyses SET {_counts("new.result")} WHERE rowid = new.rowid;
END;
"""


def add_library_counts(conn: sqlite3.Connection) -> None:
    """The library in one indexed query (decoding every document's analysis JSON took 4 s at
    10k documents): each cached analysis's suggestion count and error in columns kept by
    triggers, and covering indexes, so the library's rows never read a text or a JSON record."""
    conn.execute("ALTER TABLE analyses ADD COLUMN suggestions INTEGER")
    conn.execute("ALTER TABLE analyses ADD COLUMN error TEXT")
    for statement in statements(_COUNT_TRIGGERS):
        conn.execute(statement)
    conn.execute(f"UPDATE analyses SET {_counts('result')}")
    # the newest analysis of a text, with its counts, from the index alone (this one has the
    # old (text_sha256, created_at) index as its prefix)
    conn.execute("DROP INDEX analyses_sha")
    conn.execute("CREATE INDEX analyses_counts ON analyses"
                 "(text_sha256, created_at, suggestions, error)")
    conn.execute("CREATE INDEX documents_library ON documents(position, id, title, words, status,"
                 " updated_at, needs_review, text_sha256)")
    conn.execute("CREATE INDEX annotations_review ON annotations(doc_id) WHERE needs_review")


def add_label_scheme(conn: sqlite3.Connection) -> None:
    """The database's label scheme, one row per value in the order offered (store/labels.py);
    built with sqlite-utils. No rows: the default scheme."""
    from .fts import utils_database

    utils_database(conn).table("label_scheme").create(
        {"field": str, "position": int, "value": str}, pk=("field", "value"),
        not_null={"field", "position", "value"})


def add_entity_corrections(conn: sqlite3.Connection) -> None:
    """Editors' corrections of spaCy's entities, one row per corrected entity keyed by the span
    it corrects (store/entities.py); built with sqlite-utils."""
    from .fts import utils_database

    utils_database(conn).table("entity_corrections").create(
        {"doc_id": str, "of_start": int, "of_end": int, "start": int, "end": int, "label": str,
         "text": str, "origin": str, "annotator": str, "at": str},
        pk=("doc_id", "of_start", "of_end"),
        not_null={"doc_id", "of_start", "of_end", "start", "end", "text", "origin", "annotator",
                  "at"})


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, add_full_text_search,
                                                          add_text_history, add_trash,
                                                          add_library_counts, add_label_scheme,
                                                          add_entity_corrections]
SCHEMA_VERSION = len(MIGRATIONS)
