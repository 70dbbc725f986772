"""Full-text search: FTS5 indexes over documents (title, text) and annotation span texts.

The indexes are built and kept current by sqlite-utils (`enable_fts(..., create_triggers=True)`)
in a migration, so every later write through plain SQL updates them in the same transaction.
sqlite-utils is imported only while migrating: it imports numpy, a third of a second that the
terminal app's start-up cannot spare. Queries are plain SQL on the stdlib connection.
"""

from __future__ import annotations

import functools
import sqlite3
from typing import TYPE_CHECKING, Any

from ..errors import RedlineError

if TYPE_CHECKING:
    import sqlite_utils

TOKENIZE = "porter"  # English stemming: "sanction" finds "sanctions"

# One row per annotation: its spans' texts, kept by triggers from the JSON the annotation row
# holds (FTS5 indexes columns, and the spans live in one JSON column).
_SPAN_TEXTS = """
CREATE TABLE span_texts (
    annotation_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX span_texts_doc ON span_texts(doc_id);
CREATE TRIGGER annotations_span_texts_ai AFTER INSERT ON annotations BEGIN
  INSERT INTO span_texts (annotation_id, doc_id, text)
    SELECT new.id, new.doc_id, coalesce(group_concat(json_extract(value, '$.text'), ' … '), '')
    FROM json_each(new.spans);
END;
CREATE TRIGGER annotations_span_texts_ad AFTER DELETE ON annotations BEGIN
  DELETE FROM span_texts WHERE annotation_id = old.id;
END;
CREATE TRIGGER annotations_span_texts_au AFTER UPDATE OF id, doc_id, spans ON annotations BEGIN
  DELETE FROM span_texts WHERE annotation_id = old.id;
  INSERT INTO span_texts (annotation_id, doc_id, text)
    SELECT new.id, new.doc_id, coalesce(group_concat(json_extract(value, '$.text'), ' … '), '')
    FROM json_each(new.spans);
END;
"""


def statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies hold semicolons of their own)."""
    out: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    if pending.strip():
        out.append(pending.strip())
    return out


def utils_database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils over the store's own connection, its scripts run inside the open transaction.

    The standard library's `executescript` commits any open transaction first, which would cut
    a migration (or an import) in two; statement by statement, it stays one. sqlite-utils' own
    `atomic()` nests in the open transaction as a savepoint.
    """
    return _in_transaction_class()(conn)


@functools.cache
def _in_transaction_class() -> type[sqlite_utils.Database]:
    import sqlite_utils

    class InTransaction(sqlite_utils.Database):
        def executescript(self, sql: str) -> sqlite3.Cursor:
            cursor = self.conn.cursor()
            for statement in statements(sql):
                cursor.execute(statement)
            return cursor

    return InTransaction


def add_full_text_search(conn: sqlite3.Connection) -> None:
    """Migration: FTS5 over documents and annotation span texts, with triggers, filled now."""
    for statement in statements(_SPAN_TEXTS):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO span_texts (annotation_id, doc_id, text)"
        " SELECT a.id, a.doc_id, coalesce((SELECT group_concat(json_extract(value, '$.text'),"
        " ' … ') FROM json_each(a.spans)), '') FROM annotations a")
    db = utils_database(conn)
    db.table("documents").enable_fts(["title", "text"], create_triggers=True, tokenize=TOKENIZE)
    db.table("span_texts").enable_fts(["text"], create_triggers=True, tokenize=TOKENIZE)
    # sqlite-utils' update trigger fires on any column: every edit touches the document's
    # updated_at, and re-indexed its whole text each time (a write's p95 went 0.3 -> 1.2 ms).
    # Only a new title or text changes what is indexed.
    conn.execute("DROP TRIGGER documents_au")
    conn.execute(
        "CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN"
        " INSERT INTO documents_fts (documents_fts, rowid, title, text)"
        " VALUES ('delete', old.rowid, old.title, old.text);"
        " INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);"
        " END")


SEARCH_SQL = """
WITH hits AS (
  SELECT d.id AS id, bm25(documents_fts, 10.0, 1.0) AS rank,
         snippet(documents_fts, -1, :open, :close, '…', :words) AS snippet, 'text' AS matched
  FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
  WHERE documents_fts MATCH :query
  UNION ALL
  SELECT s.doc_id, bm25(span_texts_fts),
         snippet(span_texts_fts, 0, :open, :close, '…', :words), 'annotation'
  FROM span_texts_fts JOIN span_texts s ON s.rowid = span_texts_fts.rowid
  WHERE span_texts_fts MATCH :query
),
best AS (
  SELECT id, min(rank) AS rank FROM hits GROUP BY id
)
SELECT d.id, d.title, d.status, best.rank,
       (SELECT h.snippet FROM hits h WHERE h.id = best.id ORDER BY h.rank LIMIT 1) AS snippet,
       (SELECT h.matched FROM hits h WHERE h.id = best.id ORDER BY h.rank LIMIT 1) AS matched
FROM best JOIN documents d ON d.id = best.id
ORDER BY best.rank, d.position, d.id
LIMIT :limit
"""


def search(conn: sqlite3.Connection, query: str, *, limit: int = 20, open_mark: str = "[",
           close_mark: str = "]", words: int = 12) -> list[dict[str, Any]]:
    """Documents matching an FTS5 query over titles, texts and span texts, best (bm25) first.

    Each row: id, title, status, rank, snippet (the best match, marked with open/close_mark) and
    matched ('text' or 'annotation'). A malformed query is one RedlineError, never a traceback.
    """
    if not query.strip():
        return []
    cur = _run(conn, SEARCH_SQL, query, {"limit": limit, "open": open_mark, "close": close_mark,
                                         "words": words})
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


# The ids only, best first: the library's filter wants no snippets, and making one for every
# hit before the limit took seconds for a common word in 100k documents (ten times this).
IDS_SQL = """
WITH hits AS (
  SELECT d.id AS id, bm25(documents_fts, 10.0, 1.0) AS rank
  FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
  WHERE documents_fts MATCH :query
  UNION ALL
  SELECT s.doc_id, bm25(span_texts_fts)
  FROM span_texts_fts JOIN span_texts s ON s.rowid = span_texts_fts.rowid
  WHERE span_texts_fts MATCH :query
)
SELECT id FROM hits GROUP BY id ORDER BY min(rank), id LIMIT :limit
"""


def matching_ids(conn: sqlite3.Connection, query: str, *, limit: int = 500) -> list[str]:
    """The ids of the documents an FTS5 query matches (titles, texts, span texts), best first;
    a malformed query is one RedlineError."""
    if not query.strip():
        return []
    return [row[0] for row in _run(conn, IDS_SQL, query, {"limit": limit}).fetchall()]


def _run(conn: sqlite3.Connection, sql: str, query: str, params: dict[str, Any]
         ) -> sqlite3.Cursor:
    """Run a search statement; a query FTS5 cannot parse becomes one RedlineError."""
    try:
        return conn.execute(sql, {"query": query, **params})
    except sqlite3.OperationalError as e:
        message = str(e)
        # FTS5 reports a malformed query as a plain OperationalError ("fts5: syntax error near
        # …", "unterminated string", "no such column: x" for "x:word"); locks and I/O are not it
        if not any(word in message for word in ("locked", "disk I/O", "no such table")):
            raise RedlineError(f"{query!r} is not a search query SQLite understands ({message})",
                               hint='put words with punctuation in double quotes, e.g. "U.S."'
                               ) from None
        raise
