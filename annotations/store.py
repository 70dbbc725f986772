"""The SQLite store: documents, annotation frames, suggestion decisions, journal, analysis cache.

Every write runs in one `BEGIN IMMEDIATE` transaction: a deferred transaction that reads and then
writes can fail at once with "database is locked" when another process writes, whereas an
immediate one waits for the busy timeout. Multi-step writes nest in `db.atomic()` savepoints.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from . import journal as journal_mod
from .errors import DatabaseError, NotFoundError, RedlineError, SchemaError, SpanMismatchError
from .models import STATUSES, Annotation, Document, Span, now_iso, sha256
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

# How long a write waits for another process's transaction. An import holds the lock for a
# whole file (all or nothing), which for the largest file allowed can take tens of seconds on
# a slow machine; an editor's change should wait that out rather than fail as "locked".
BUSY_TIMEOUT_MS = 120_000
SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_file(path: Path) -> None:
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
    """The connection, with the few helpers of sqlite-utils' Database the store used.

    Importing sqlite-utils imports numpy (when installed, as with spaCy) and scans plugin entry
    points: a third of a second on every start of the terminal app, for four small methods.
    """

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
            savepoint = f"redline_{secrets.token_hex(8)}"
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


class Store:
    """One redline database; safe to share between threads (calls are serialised)."""

    def __init__(self, path: str | Path, *, annotator: str = "") -> None:
        self.path = Path(path)
        self.annotator = annotator
        self._lock = threading.RLock()
        if str(path) != ":memory:":
            _check_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
            self.db = Database(conn)
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise DatabaseError(
                f"{path}: cannot be opened as a database ({e})",
                hint="give --db a redline database, or a new file name to create one",
            ) from e

    # -- connection ---------------------------------------------------------------------------
    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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
        """One immediate write transaction (or a savepoint inside the current one)."""
        with self._lock:
            conn = self.db.conn
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                with self.db.atomic():
                    yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        with self._lock:
            self.db.close()

    def __enter__(self) -> Store:
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

    # -- documents ----------------------------------------------------------------------------
    @staticmethod
    def _doc(row: dict[str, Any]) -> Document:
        return Document(
            id=row["id"], text=row["text"], title=row["title"], meta=json.loads(row["meta"]),
            status=row["status"], text_sha256=row["text_sha256"], created_at=row["created_at"],
            updated_at=row["updated_at"], position=row["position"],
        )

    def document_count(self) -> int:
        """How many documents the database holds."""
        return int(self._rows("SELECT count(*) AS n FROM documents")[0]["n"])

    def get_document(self, doc_id: str) -> Document:
        """The document with this id (NotFoundError if none)."""
        rows = self._rows("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise NotFoundError(f"no document {doc_id!r}", hint="see `redline list`")
        return self._doc(rows[0])

    def find_document(self, query: str) -> Document:
        """A document by exact id, else by unique title substring (case-insensitive)."""
        rows = self._rows("SELECT * FROM documents WHERE id = ?", (query,))
        if not rows:
            rows = self._rows(
                "SELECT * FROM documents WHERE instr(lower(title), lower(?)) > 0 ORDER BY position",
                (query,),
            )
        if not rows:
            raise NotFoundError(f"no document matches {query!r}", hint="see `redline list`")
        return self._doc(rows[0])

    def documents_by_sha(self, text_sha: str) -> list[Document]:
        """Documents whose text has this SHA-256."""
        return [self._doc(r) for r in self._rows(
            "SELECT * FROM documents WHERE text_sha256 = ?", (text_sha,))]

    def document_ids(self) -> list[str]:
        """Every document id in library order."""
        return [r["id"] for r in self._rows("SELECT id FROM documents ORDER BY position, id")]

    def iter_documents(self, *, page: int = 500) -> Iterator[Document]:
        """Every document in library order, a page of ids at a time so memory stays flat."""
        after: tuple[int, str] = (-(2**62), "")
        while True:
            rows = self._rows("SELECT id, position FROM documents WHERE (position, id) > (?, ?)"
                              " ORDER BY position, id LIMIT ?", (*after, page))
            for row in rows:
                yield self.get_document(row["id"])
            if len(rows) < page:
                return
            after = (rows[-1]["position"], rows[-1]["id"])

    def neighbour(self, doc_id: str, step: int) -> str | None:
        """The id of the next (+1) or previous (-1) document in library order."""
        ids = self.document_ids()
        if doc_id not in ids:
            return None
        i = ids.index(doc_id) + step
        return ids[i] if 0 <= i < len(ids) else None

    def insert_document(self, doc: Document, *, entities: list[dict[str, Any]] | None = None,
                        needs_review: bool = False) -> Document:
        """Store a new document at the end of the library (raises if the id exists)."""
        with self._write() as db:
            if not doc.position:
                row = db.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM documents")
                doc.position = int(row.fetchone()[0])
            db.conn.execute(
                "INSERT INTO documents (id, title, text, text_sha256, meta, status, entities, words,"
                " position, needs_review, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.title, doc.text, doc.text_sha256,
                 json.dumps(doc.meta, ensure_ascii=False, sort_keys=True), doc.status,
                 None if entities is None else json.dumps(entities, ensure_ascii=False),
                 doc.words, doc.position, int(needs_review), doc.created_at, doc.updated_at),
            )
        return doc

    def replace_text(self, doc_id: str, text: str, *, title: str | None = None) -> None:
        """Change a document's text (the caller re-anchors its annotations in the same write)."""
        with self._write() as db:
            db.conn.execute(
                "UPDATE documents SET text = ?, text_sha256 = ?, words = ?, entities = NULL,"
                " title = coalesce(?, title), updated_at = ? WHERE id = ?",
                (text, sha256(text), len(text.split()), title, now_iso(), doc_id),
            )

    def document_entities(self, doc_id: str) -> list[dict[str, Any]] | None:
        """Entities stored with the document at import (None: use the analysis cache)."""
        rows = self._rows("SELECT entities FROM documents WHERE id = ?", (doc_id,))
        if not rows or rows[0]["entities"] is None:
            return None
        return list(json.loads(rows[0]["entities"]))

    def set_status(self, doc_id: str, status: str) -> None:
        """Mark a document new / in progress / done (journalled, so undo reverts it)."""
        if status not in STATUSES:
            raise SchemaError(f"unknown status {status!r}", hint=f"use one of {', '.join(STATUSES)}")
        before = self.get_document(doc_id).status
        if before == status:
            return
        self._commit(doc_id, "status", [{"table": "status", "key": doc_id,
                                         "before": before, "after": status}])

    # -- annotations --------------------------------------------------------------------------
    def annotation_rows(self, doc_id: str) -> list[tuple[Any, ...]]:
        """Raw rows in reading order: (id, kind, attrs JSON, spans JSON, origin, annotator,
        created_at, updated_at, needs_review) — what export splices without decoding."""
        with self._lock:
            return self.db.conn.execute(
                "SELECT id, kind, attrs, spans, origin, annotator, created_at, updated_at,"
                " needs_review FROM annotations WHERE doc_id = ?"
                " ORDER BY start, \"end\", created_at, id", (doc_id,)).fetchall()

    def annotation_records(self, doc_id: str) -> list[dict[str, Any]]:
        """The document's annotations in reading order, in export form."""
        out = []
        for ann_id, kind, attrs, spans, origin, who, created, updated, review in \
                self.annotation_rows(doc_id):
            d = {"id": ann_id, "kind": kind, "attrs": json.loads(attrs), "spans": json.loads(spans),
                 "origin": origin, "annotator": who, "created_at": created, "updated_at": updated}
            if review:
                d["needs_review"] = True
            out.append(d)
        return out

    def annotations(self, doc_id: str) -> list[Annotation]:
        """The document's annotations in reading order."""
        rows = self.annotation_rows(doc_id)
        # One json.loads for all the rows' attrs and spans, then plain constructors (the JSON
        # was written from Annotation objects): the screen reads every annotation of the
        # document after each edit, and a long article has thousands.
        decoded = json.loads("[" + ", ".join([f"[{r[2]}, {r[3]}]" for r in rows]) + "]")
        return [
            Annotation(kind=kind, attrs=attrs, id=ann_id, doc_id=doc_id,
                       spans=[Span(role=s["role"], start=s["start"], end=s["end"], text=s["text"])
                              for s in spans],
                       origin=origin or "manual", annotator=who or "", created_at=created,
                       updated_at=updated or created, needs_review=bool(review))
            for (ann_id, kind, _, _, origin, who, created, updated, review), (attrs, spans)
            in zip(rows, decoded, strict=True)]

    def get_annotation(self, ann_id: str) -> Annotation:
        """One annotation by id (NotFoundError if none)."""
        rows = self._rows("SELECT doc_id FROM annotations WHERE id = ?", (ann_id,))
        if not rows:
            raise NotFoundError(f"no annotation {ann_id!r}")
        for ann in self.annotations(rows[0]["doc_id"]):
            if ann.id == ann_id:
                return ann
        raise NotFoundError(f"no annotation {ann_id!r}")

    def _ann_state(self, ann_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT doc_id FROM annotations WHERE id = ?", (ann_id,))
        if not rows:
            return None
        ann = self.get_annotation(ann_id)
        return {"doc_id": ann.doc_id, **ann.to_dict()}

    def add_annotation(self, ann: Annotation, *, suggestion_key: str | None = None) -> Annotation:
        """Validate and store a new annotation (and accept the suggestion it came from)."""
        doc = self.get_document(ann.doc_id)
        if not ann.annotator:
            ann.annotator = self.annotator
        try:
            ann.with_defaults().validate(doc.text)
        except SpanMismatchError as e:
            # from a screen, this means the text changed under it (a re-import elsewhere)
            raise SpanMismatchError(e.message, hint="if the document was re-imported since it "
                                    "was opened, reload it (R) and tag again") from None
        ann.spans = sorted(ann.spans, key=lambda s: (s.start, s.end, s.role))  # as stored
        changes = [{"table": "annotation", "key": ann.id, "before": None,
                    "after": {"doc_id": ann.doc_id, **ann.to_dict()}}]
        if suggestion_key:
            changes.append(self._decision_change(ann.doc_id, suggestion_key, "accepted", ann.id))
        self._commit(ann.doc_id, "add", changes)
        return ann

    def update_annotation(self, ann: Annotation) -> Annotation:
        """Store a changed annotation; a suggested one becomes `edited`."""
        before = self._ann_state(ann.id)
        if before is None:
            raise NotFoundError(f"no annotation {ann.id!r}")
        doc = self.get_document(ann.doc_id)
        if before["updated_at"] != ann.updated_at:
            # the caller edited a copy read before someone else's change: writing it would
            # silently throw that change away
            raise RedlineError(
                f"annotation {ann.id} was changed elsewhere (another window or annotator) "
                "since it was read", hint="reload the document (R) and edit it again")
        # strictly later than the stored stamp, so the staleness check above also catches an
        # edit made within the same millisecond
        ann.updated_at = _later_than(before["updated_at"])
        if ann.origin == "suggested":
            ann.origin = "edited"
        ann.validate(doc.text)
        # its spans match the text now, so whatever flagged it for review is resolved
        ann.needs_review = False
        # in stored order, so the journal's copy equals what a later read returns
        ann.spans = sorted(ann.spans, key=lambda s: (s.start, s.end, s.role))
        self._commit(ann.doc_id, "update", [{"table": "annotation", "key": ann.id,
                                             "before": before,
                                             "after": {"doc_id": ann.doc_id, **ann.to_dict()}}])
        return ann

    def delete_annotation(self, ann_id: str) -> None:
        """Remove an annotation (undo brings it back)."""
        before = self._ann_state(ann_id)
        if before is None:
            raise NotFoundError(f"no annotation {ann_id!r}")
        changes = [{"table": "annotation", "key": ann_id, "before": before, "after": None}]
        for d in self._rows("SELECT key FROM decisions WHERE annotation_id = ?", (ann_id,)):
            changes.append(self._decision_change(before["doc_id"], d["key"], None, None))
        self._commit(before["doc_id"], "delete", changes)

    def document_state(self, doc_id: str
                       ) -> tuple[Document, list[Annotation], dict[str, str], int]:
        """A document, its annotations and decisions, and the last journal seq, from one snapshot.

        One read transaction, so another process's commit cannot land between the reads; the
        seq lets a screen drop a snapshot older than one it already shows.
        """
        with self._lock:
            conn = self.db.conn
            own = not conn.in_transaction
            if own:
                conn.execute("BEGIN")
            try:
                doc = self.get_document(doc_id)
                anns = self.annotations(doc_id)
                decided = self.decisions(doc_id)
                seq = int(self._rows("SELECT coalesce(max(seq), 0) AS n FROM journal")[0]["n"])
            finally:
                if own and conn.in_transaction:
                    conn.execute("COMMIT")
        return doc, anns, decided, seq

    # -- suggestion decisions -----------------------------------------------------------------
    def decisions(self, doc_id: str) -> dict[str, str]:
        """Suggestion key -> 'accepted' / 'rejected' for a document."""
        return {r["key"]: r["decision"] for r in self._rows(
            "SELECT key, decision FROM decisions WHERE doc_id = ?", (doc_id,))}

    def _decision_change(self, doc_id: str, key: str, decision: str | None,
                         ann_id: str | None) -> dict[str, Any]:
        rows = self._rows("SELECT * FROM decisions WHERE doc_id = ? AND key = ?", (doc_id, key))
        after = None if decision is None else {
            "doc_id": doc_id, "key": key, "decision": decision, "annotation_id": ann_id,
            "annotator": self.annotator, "at": now_iso()}
        return {"table": "decision", "key": f"{doc_id}\x00{key}",
                "before": rows[0] if rows else None, "after": after}

    def reject_suggestion(self, doc_id: str, key: str) -> None:
        """Remember that a suggestion was rejected (undo forgets it)."""
        self.get_document(doc_id)
        self._commit(doc_id, "reject", [self._decision_change(doc_id, key, "rejected", None)])

    # -- journal, undo, redo --------------------------------------------------------------------
    def _commit(self, doc_id: str, op: str, changes: list[dict[str, Any]],
                target: int | None = None) -> int:
        """Apply changes and append them to the journal in one transaction."""
        with self._write() as db:
            for change in changes:
                journal_mod.apply(db.conn, change, "after")
            if op not in ("undo", "redo", "status"):
                row = db.conn.execute("SELECT status FROM documents WHERE id = ?",
                                      (doc_id,)).fetchone()
                if row is not None and row[0] == "new":
                    # the first edit starts the document; journalled with the edit, so undo
                    # returns exactly to `new` and never meets a status nobody journalled
                    start = {"table": "status", "key": doc_id, "before": "new",
                             "after": "in progress"}
                    journal_mod.apply(db.conn, start, "after")
                    changes = [*changes, start]
            db.conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (now_iso(), doc_id))
            cur = db.conn.execute(
                "INSERT INTO journal (doc_id, op, target, changes, annotator, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (doc_id, op, target, json.dumps(changes, ensure_ascii=False), self.annotator,
                 now_iso()))
            return int(cur.lastrowid or 0)

    def journal(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Journal rows (the audit trail), oldest first."""
        where, params = ("WHERE doc_id = ?", (doc_id,)) if doc_id else ("", ())
        rows = self._rows(f"SELECT * FROM journal {where} ORDER BY seq", params)
        for r in rows:
            r["changes"] = json.loads(r["changes"])
        return rows

    def undo(self, doc_id: str) -> dict[str, Any] | None:
        """Revert this annotator's last edit in the document; None when there is none."""
        with self._write():
            rows = self._rows(
                # everyone's re-imports too: they clear the stacks (their offsets are stale)
                "SELECT seq, op, target, changes FROM journal WHERE doc_id = ?"
                " AND (annotator = ? OR op = 'reimport') ORDER BY seq", (doc_id, self.annotator))
            undo_stack, _ = journal_mod.stacks(rows)
            if not undo_stack:
                return None
            entry = undo_stack[-1]
            self._check_unchanged(entry["changes"], "after", "undo")
            inverse = journal_mod.invert(entry["changes"])
            self._commit(doc_id, "undo", inverse, target=entry["seq"])
        return entry

    def redo(self, doc_id: str) -> dict[str, Any] | None:
        """Re-apply the edit the last undo reverted; None when there is none."""
        with self._write():
            rows = self._rows(
                # everyone's re-imports too: they clear the stacks (their offsets are stale)
                "SELECT seq, op, target, changes FROM journal WHERE doc_id = ?"
                " AND (annotator = ? OR op = 'reimport') ORDER BY seq", (doc_id, self.annotator))
            _, redo_stack = journal_mod.stacks(rows)
            if not redo_stack:
                return None
            entry = redo_stack[-1]
            self._check_unchanged(entry["changes"], "before", "redo")
            self._commit(doc_id, "redo", entry["changes"], target=entry["seq"])
        return entry

    def _current(self, change: dict[str, Any]) -> Any:
        """What the database holds now for the thing a journal change touched."""
        table, key = change["table"], change["key"]
        if table == "annotation":
            return self._ann_state(key)
        if table == "decision":
            doc_id, k = key.split("\x00", 1)
            rows = self._rows("SELECT * FROM decisions WHERE doc_id = ? AND key = ?", (doc_id, k))
            return rows[0] if rows else None
        rows = self._rows("SELECT status FROM documents WHERE id = ?", (key,))
        return rows[0]["status"] if rows else None

    def _check_unchanged(self, changes: list[dict[str, Any]], side: str, verb: str) -> None:
        """Refuse to undo/redo over an edit someone else made since (it would be lost)."""
        for change in changes:
            current = self._current(change)
            if change["table"] == "status" and {current, change[side]} == {"new", "in progress"}:
                # another annotator's first edit (or undoing it) moves new ↔ in progress: a
                # step nobody chose, not an edit that undo could lose
                continue
            if current != change[side]:
                what = (f"annotation {change['key']}" if change["table"] == "annotation"
                        else "the document's status" if change["table"] == "status"
                        else "a suggestion decision")
                raise RedlineError(
                    f"cannot {verb}: {what} was changed elsewhere (another window or annotator) "
                    "since", hint="reload the document (R) and change it directly")

    # -- analysis cache -------------------------------------------------------------------------
    @staticmethod
    def analysis_key(text_sha: str, model: str, extractor_version: str) -> str:
        """The cache key of one analysis."""
        return f"{text_sha}:{model}:{extractor_version}"

    def cached_analysis(self, text_sha: str, model: str, extractor_version: str
                        ) -> dict[str, Any] | None:
        """A stored analysis for exactly this text, pipeline and extractor, or None."""
        rows = self._rows("SELECT result FROM analyses WHERE key = ?",
                          (self.analysis_key(text_sha, model, extractor_version),))
        return json.loads(rows[0]["result"]) if rows else None

    def latest_analysis(self, text_sha: str) -> dict[str, Any] | None:
        """The newest stored analysis of this text with any pipeline, or None."""
        rows = self._rows("SELECT result FROM analyses WHERE text_sha256 = ?"
                          " ORDER BY created_at DESC LIMIT 1", (text_sha,))
        return json.loads(rows[0]["result"]) if rows else None

    def save_analysis(self, record: dict[str, Any], *, extractor_version: str) -> None:
        """Cache one `analyze` record under (text hash, model, extractor version)."""
        key = self.analysis_key(record["text_sha256"], record["model"], extractor_version)
        with self._write() as db:
            db.conn.execute(
                "INSERT OR REPLACE INTO analyses (key, text_sha256, model, extractor_version,"
                " result, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (key, record["text_sha256"], record["model"], extractor_version,
                 json.dumps(record, ensure_ascii=False), now_iso()))

    # -- library --------------------------------------------------------------------------------
    def library(self) -> list[dict[str, Any]]:
        """One row per document: id, title, words, annotations, pending suggestions, status."""
        rows = self._rows(
            "SELECT d.id, d.title, d.words, d.status, d.updated_at, d.text_sha256, d.needs_review,"
            " (SELECT count(*) FROM annotations a WHERE a.doc_id = d.id) AS annotations,"
            " (SELECT count(*) FROM annotations a WHERE a.doc_id = d.id AND a.needs_review)"
            "   AS to_review,"
            " (SELECT count(*) FROM decisions x WHERE x.doc_id = d.id) AS decided"
            " FROM documents d ORDER BY d.position, d.id")
        for r in rows:
            analysis = self.latest_analysis(r.pop("text_sha256"))
            decided = r.pop("decided")
            r["pending"] = max(0, len(suggestion_keys(analysis)) - decided) if analysis else None
            r["needs_review"] = bool(r["needs_review"]) or bool(r.pop("to_review"))
        return rows


def _later_than(stamp: str) -> str:
    """Now, or one millisecond after `stamp` if the clock has not passed it yet."""
    now = now_iso()
    if now > stamp:
        return now
    try:
        then = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return now  # not a timestamp redline wrote; nothing to order against
    later = then.astimezone(timezone.utc) + timedelta(milliseconds=1)
    return later.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _plain_error(store: Store, e: sqlite3.DatabaseError) -> Exception:
    """A damaged or long-locked file as a one-line DatabaseError; anything else unchanged."""
    text = str(e)
    if type(e) is sqlite3.DatabaseError or "disk I/O error" in text:
        return DatabaseError(f"{store.path}: is damaged ({text})",
                             hint="restore it from a backup, or import your last export into a "
                                  "new database")
    if "database is locked" in text:
        return DatabaseError(f"{store.path}: another program held it locked for over "
                             f"{BUSY_TIMEOUT_MS // 1000} s ({text})",
                             hint="close the other program and try again")
    return e


def _reporting(fn: Any) -> Any:
    """Wrap a Store method so SQLite's damaged-file and timeout errors reach the user as one line
    (IntegrityError and friends are bugs, and keep their traceback)."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(self: Store, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(self, *args, **kwargs)
            except sqlite3.DatabaseError as e:
                raise _plain_error(self, e) from e
        return gen

    @functools.wraps(fn)
    def call(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.DatabaseError as e:
            raise _plain_error(self, e) from e
    return call


# every public method: a damaged page can surface in any query, long after the file opened
for _name, _fn in list(vars(Store).items()):
    if not _name.startswith("_") and inspect.isfunction(_fn):
        setattr(Store, _name, _reporting(_fn))


def suggestion_keys(analysis: dict[str, Any]) -> set[str]:
    """The keys of the suggestions an analysis offers (speech quotes and attributions)."""
    keys = {str(a.get("key") or a.get("id")) for a in analysis.get("attributions", [])}
    return keys
