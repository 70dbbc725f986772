"""A Datasette-ready dataset: the corpus as a normalised SQLite database, built with sqlite-utils.

Tables `documents`, `annotations`, `spans` and `entities` with declared foreign keys, views an
editor asks for (`attributions`, `quotes_by_speaker`, `claims`, `stances`), FTS5 over documents
and span texts, and `redline_about` describing every table and column. `redline import` reads it
back through the redline format's checks, so export -> import -> export keeps every annotation.
"""

from __future__ import annotations

import errno
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, RedlineError
from .output import staged_file
from .redline import read_redline_record, select_documents
from .registry import ImportRecord
from .sqlite_rows import copy_rows

if TYPE_CHECKING:
    from ..store import Store

ABOUT: dict[str, tuple[str, dict[str, str]]] = {
    "documents": ("One row per article.", {
        "id": "the document's id in redline", "title": "its title", "text": "the text offsets count in",
        "status": "new, in progress or done", "meta": "the document's metadata (JSON)",
        "text_sha256": "SHA-256 of the text"}),
    "annotations": ("One row per annotation frame (claim, stance or attribution).", {
        "id": "the annotation's id", "document_id": "the document it annotates",
        "kind": "claim, stance or attribution", "attrs": "its attributes (JSON)",
        "origin": "manual, suggested or edited", "annotator": "who made it",
        "created_at": "when (UTC, ISO 8601)", "updated_at": "last change (UTC, ISO 8601)",
        "needs_review": "1 when its text changed under it and nobody has checked it since"}),
    "spans": ("One row per role span of an annotation.", {
        "annotation_id": "the annotation", "document_id": "its document",
        "role": "claim, stance, holder, target, source, cue or content",
        "start": "first character (code points into documents.text)",
        "end": "one past the last character", "text": "documents.text[start:end]"}),
    "entities": ("Named entities (spaCy's, as corrected in redline).", {
        "document_id": "the document", "start": "first character", "end": "one past the last",
        "label": "PERSON, ORG, GPE, …", "text": "documents.text[start:end]"}),
}

VIEWS = {
    "attributions": """
SELECT a.id AS annotation_id, a.document_id, d.title,
  json_extract(a.attrs, '$.type') AS type,
  coalesce(json_extract(a.attrs, '$.speaker'),
           (SELECT s.text FROM spans s WHERE s.annotation_id = a.id AND s.role = 'source'))
    AS speaker,
  (SELECT s.text FROM spans s WHERE s.annotation_id = a.id AND s.role = 'source') AS source,
  (SELECT s.text FROM spans s WHERE s.annotation_id = a.id AND s.role = 'cue') AS cue,
  (SELECT group_concat(c.text, ' … ') FROM (SELECT s.text FROM spans s
     WHERE s.annotation_id = a.id AND s.role = 'content' ORDER BY s.start) c) AS content,
  a.annotator, a.origin
FROM annotations a JOIN documents d ON d.id = a.document_id
WHERE a.kind = 'attribution'""",
    "quotes_by_speaker": """
SELECT speaker, count(*) AS quotes, count(DISTINCT document_id) AS documents
FROM attributions GROUP BY speaker ORDER BY quotes DESC, speaker""",
    "claims": """
SELECT a.id AS annotation_id, a.document_id, d.title,
  json_extract(a.attrs, '$.checkworthy') AS checkworthy, json_extract(a.attrs, '$.type') AS type,
  (SELECT s.text FROM spans s WHERE s.annotation_id = a.id AND s.role = 'claim') AS claim,
  a.annotator, a.origin
FROM annotations a JOIN documents d ON d.id = a.document_id
WHERE a.kind = 'claim'""",
    "stances": """
SELECT a.id AS annotation_id, a.document_id, d.title,
  json_extract(a.attrs, '$.polarity') AS polarity,
  (SELECT s.text FROM spans s WHERE s.annotation_id = a.id AND s.role = 'holder') AS holder,
  coalesce((SELECT s.text FROM spans s WHERE s.annotation_id = a.id AND s.role = 'target'),
           json_extract(a.attrs, '$.target_text')) AS target,
  (SELECT s.text FROM spans s WHERE s.annotation_id = a.id AND s.role = 'stance') AS stance,
  a.annotator, a.origin
FROM annotations a JOIN documents d ON d.id = a.document_id
WHERE a.kind = 'stance'""",
}
VIEW_ABOUT = {
    "attributions": "One row per attribution: speaker, source mention, cue and quoted content.",
    "quotes_by_speaker": "How many attributions each speaker has, in how many documents.",
    "claims": "One row per claim with its check-worthiness.",
    "stances": "One row per stance: polarity, holder, target and the stance text.",
}


def _create(db: Any) -> None:
    """The four tables with their keys, the indexes the views use, and `redline_about`."""
    db["documents"].create({"id": str, "title": str, "text": str, "status": str, "meta": str,
                            "text_sha256": str}, pk="id", not_null={"id", "title", "text"})
    db["annotations"].create(
        {"id": str, "document_id": str, "kind": str, "attrs": str, "origin": str,
         "annotator": str, "created_at": str, "updated_at": str, "needs_review": int},
        pk="id", foreign_keys=[("document_id", "documents", "id")])
    db["spans"].create({"annotation_id": str, "document_id": str, "role": str, "start": int,
                        "end": int, "text": str},
                       foreign_keys=[("annotation_id", "annotations", "id"),
                                     ("document_id", "documents", "id")])
    db["entities"].create({"document_id": str, "start": int, "end": int, "label": str,
                           "text": str}, foreign_keys=[("document_id", "documents", "id")])
    db["redline_about"].create({"name": str, "column": str, "description": str})


def _finish(db: Any) -> None:
    """Indexes, views, full-text search and the descriptions, once the rows are in."""
    db["annotations"].create_index(["document_id"])
    db["spans"].create_index(["annotation_id"])
    db["spans"].create_index(["document_id"])
    db["entities"].create_index(["document_id"])
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip())
    db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db["spans"].enable_fts(["text"], create_triggers=True, tokenize="porter")
    rows = [{"name": t, "column": "", "description": d} for t, (d, _) in ABOUT.items()]
    rows += [{"name": t, "column": c, "description": d}
             for t, (_, cols) in ABOUT.items() for c, d in cols.items()]
    rows += [{"name": v, "column": "", "description": d} for v, d in VIEW_ABOUT.items()]
    db["redline_about"].insert_all(rows)


def _build(db: Any, store: Store, path: str, *, status: Iterable[str], ids: Iterable[str],
           annotators: set[str]) -> int:
    """Fill a new dataset database: tables, rows, then indexes, views and FTS (indexed once,
    after the rows, rather than row by row); the number of documents written."""
    # a file being built: if this process dies, it is thrown away, so no journal is needed
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    _create(db)
    n = copy_rows(store, path, select_documents(store, status=status, ids=ids), annotators)
    _finish(db)
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    return n


def export_sqlite(store: Store, out: str, *, status: Iterable[str] = (),
                  annotators: Iterable[str] = (), ids: Iterable[str] = ()) -> int:
    """Write the corpus as a dataset database at `out`; the number of documents written."""
    import sqlite_utils

    if out == "-":
        raise RedlineError("a SQLite dataset cannot go to stdout", hint="give a file name, e.g. OUT.db")
    with staged_file(Path(out)) as tmp:
        try:
            return _build(sqlite_utils.Database(tmp), store, tmp, status=status, ids=ids,
                          annotators=set(annotators))
        except sqlite3.OperationalError as e:
            if "full" not in str(e):
                raise
            raise OSError(errno.ENOSPC, "No space left on device") from None


def read_sqlite_file(path: Path) -> list[ImportRecord]:
    """The documents of a dataset export, each checked as a redline export line would be."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise InputError(str(path), f"cannot be opened as SQLite ({e})",
                         hint="give a file written by redline export --format sqlite") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"documents", "annotations", "spans", "redline_about"} <= tables:
            raise InputError(str(path), "is a SQLite database but not a redline dataset export",
                             hint="give a file written by redline export --format sqlite, or "
                                  "open a redline database with --db")
        return [_record(conn, path, n, row) for n, row in enumerate(conn.execute(
            "SELECT id, title, text, status, meta, text_sha256 FROM documents ORDER BY rowid"), 1)]
    except sqlite3.Error as e:
        raise InputError(str(path), f"cannot be read ({e})",
                         hint="export it again with redline export --format sqlite") from None
    finally:
        conn.close()


def _record(conn: sqlite3.Connection, path: Path, n: int, row: tuple[Any, ...]) -> ImportRecord:
    doc_id, title, text, status, meta, sha = row
    spans: dict[str, list[dict[str, Any]]] = {}
    for ann_id, role, start, end, span_text in conn.execute(
            "SELECT annotation_id, role, start, \"end\", text FROM spans WHERE document_id = ?"
            " ORDER BY rowid", (doc_id,)):
        spans.setdefault(ann_id, []).append({"role": role, "start": start, "end": end,
                                             "text": span_text})
    annotations = []
    for ann_id, kind, attrs, origin, annotator, created, updated, review in conn.execute(
            "SELECT id, kind, attrs, origin, annotator, created_at, updated_at, needs_review"
            " FROM annotations WHERE document_id = ? ORDER BY rowid", (doc_id,)):
        a = {"id": ann_id, "kind": kind, "attrs": json.loads(attrs or "{}"),
             "spans": spans.get(ann_id, []), "origin": origin, "annotator": annotator,
             "created_at": created, "updated_at": updated}
        if review:
            a["needs_review"] = True
        annotations.append(a)
    entities = [{"start": s, "end": e, "label": label, "text": t} for s, e, label, t in conn.execute(
        "SELECT start, \"end\", label, text FROM entities WHERE document_id = ? ORDER BY rowid",
        (doc_id,))]
    obj = {"id": doc_id, "title": title, "text": text, "status": status, "text_sha256": sha,
           "meta": json.loads(meta or "{}"), "annotations": annotations, "entities": entities}
    where = f"{path}: document {n}"
    try:
        return read_redline_record(obj, where)
    except RedlineError as e:
        raise InputError(str(path), f"document {doc_id}: {e.message}",
                         hint=e.hint or "export it again with redline export --format sqlite"
                         ) from None
