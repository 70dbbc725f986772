"""The store's documents and what they hold, as read: texts, annotation frames, decisions.

Documents are added and their texts replaced here; changes to their annotations, decisions and
status are journalled, and live in `edits`.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from typing import Any

from ..errors import NotFoundError
from ..models import Annotation, Document, Span, now_iso, sha256
from .db import StoreBase

ANNOTATION_COLUMNS = ("id, kind, attrs, spans, origin, annotator, created_at, updated_at,"
                      " needs_review")
"""An annotation row's columns, in the order `annotation_rows` gives them."""
READING_ORDER = 'start, "end", created_at, id'
"""How a document's annotations are ordered wherever they are listed (ORDER BY, `annotations`)."""


def annotator_filter(annotators: Collection[str], column: str = "annotator"
                     ) -> tuple[str, tuple[str, ...]]:
    """The SQL condition (` AND ...`, on `column`) keeping only `annotators`' annotations, and
    its parameter; nothing when none is given (every annotator's)."""
    if not annotators:
        return "", ()
    return (f" AND {column} IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(annotators)),))


class DocumentStore(StoreBase):
    """Documents in library order, with their annotations and suggestion decisions."""

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
        """A document by exact id, else by unique id prefix, else by unique title substring
        (case-insensitive; a title equal to the query wins over titles containing it)."""
        rows = self._rows("SELECT * FROM documents WHERE id = ?", (query,))
        if not rows and len(query) >= 4:  # `redline list` shortens ids at narrow widths
            rows = self._rows("SELECT * FROM documents WHERE substr(id, 1, ?) = ? ORDER BY position",
                              (len(query), query))
        if not rows:
            rows = self._rows(
                "SELECT * FROM documents WHERE instr(lower(title), lower(?)) > 0 ORDER BY position",
                (query,),
            )
            exact = [r for r in rows if (r["title"] or "").lower() == query.lower()]
            rows = exact if len(exact) == 1 else rows
        if not rows:
            raise NotFoundError(f"no document matches {query!r}", hint="see `redline list`")
        if len(rows) > 1:
            shown = "; ".join(f"{r['id']} {r['title']!r}" for r in rows[:4])
            more = f" and {len(rows) - 4} more" if len(rows) > 4 else ""
            raise NotFoundError(f"{len(rows)} documents match {query!r}: {shown}{more}",
                                hint="give more of the title, or the id")
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
        """Change a document's text, keeping the old text and title as its next history version
        (the caller re-anchors its annotations in the same write)."""
        with self._write() as db:
            db.conn.execute(
                "INSERT INTO text_history (doc_id, version, title, text, text_sha256, replaced_at,"
                " replaced_by) SELECT id, (SELECT coalesce(max(version), 0) + 1 FROM text_history"
                " WHERE doc_id = ?), title, text, text_sha256, ?, ? FROM documents WHERE id = ?",
                (doc_id, now_iso(), self.annotator, doc_id))
            db.conn.execute(
                "UPDATE documents SET text = ?, text_sha256 = ?, words = ?, entities = NULL,"
                " title = coalesce(?, title), updated_at = ? WHERE id = ?",
                (text, sha256(text), len(text.split()), title, now_iso(), doc_id),
            )

    def text_history(self, doc_id: str) -> list[dict[str, Any]]:
        """The texts a document had before, oldest first: version, title, chars, text_sha256,
        replaced_at, replaced_by (not the texts themselves; see `old_text`)."""
        return self._rows(
            "SELECT version, title, length(text) AS chars, text_sha256, replaced_at, replaced_by"
            " FROM text_history WHERE doc_id = ? ORDER BY version", (doc_id,))

    def old_text(self, doc_id: str, version: int) -> tuple[str, str]:
        """(title, text) of one history version of a document (NotFoundError if none)."""
        rows = self._rows("SELECT title, text FROM text_history WHERE doc_id = ? AND version = ?",
                          (doc_id, version))
        if not rows:
            raise NotFoundError(f"document {doc_id} has no old text {version}",
                                hint=f"see `redline history {doc_id}`")
        return rows[0]["title"], rows[0]["text"]

    def document_entities(self, doc_id: str) -> list[dict[str, Any]] | None:
        """Entities stored with the document at import (None: use the analysis cache)."""
        rows = self._rows("SELECT entities FROM documents WHERE id = ?", (doc_id,))
        if not rows or rows[0]["entities"] is None:
            return None
        return list(json.loads(rows[0]["entities"]))

    def annotation_rows(self, doc_id: str) -> list[tuple[Any, ...]]:
        """Raw rows in reading order: (id, kind, attrs JSON, spans JSON, origin, annotator,
        created_at, updated_at, needs_review) — what export splices without decoding."""
        with self._lock:
            return self.db.conn.execute(
                f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE doc_id = ?"
                f" ORDER BY {READING_ORDER}", (doc_id,)).fetchall()

    def annotation_spans(self, doc_id: str, annotators: Collection[str] = ()
                         ) -> tuple[list[str], list[list[dict[str, Any]]], list[int]]:
        """The ids, decoded spans and needs_review flags (parallel lists) of the document's
        annotations in reading order, only those of `annotators` when given: what an export
        checks, without the rest, in one row and one `json.loads` a list."""
        who, params = annotator_filter(annotators)
        with self._lock:
            # the aggregates see the rows in the index's order, which is the reading order
            # (SQLite promises no order, but the three lists stay paired whatever it is)
            ids, spans, review = self.db.conn.execute(
                "SELECT json_group_array(id), '[' || coalesce(group_concat(spans, ', '), '')"
                " || ']', json_group_array(needs_review) FROM annotations INDEXED BY"
                f" annotations_doc WHERE doc_id = ?{who}", (doc_id, *params)).fetchone()
        return json.loads(ids), json.loads(spans), json.loads(review)

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
        return _annotations(self.annotation_rows(doc_id), doc_id)

    def get_annotation(self, ann_id: str) -> Annotation:
        """One annotation by id (NotFoundError if none)."""
        with self._lock:
            rows = self.db.conn.execute(
                f"SELECT {ANNOTATION_COLUMNS}, doc_id FROM annotations WHERE id = ?",
                (ann_id,)).fetchall()
        if not rows:
            raise NotFoundError(f"no annotation {ann_id!r}")
        # one row, not the document's thousands: undo and edits look an annotation up each time
        return _annotations([rows[0][:9]], rows[0][9])[0]

    def _ann_state(self, ann_id: str) -> dict[str, Any] | None:
        """An annotation as the journal records it, or None if there is none."""
        try:
            ann = self.get_annotation(ann_id)
        except NotFoundError:
            return None
        return {"doc_id": ann.doc_id, **ann.to_dict()}

    def decisions(self, doc_id: str) -> dict[str, str]:
        """Suggestion key -> 'accepted' / 'rejected' for a document."""
        return {r["key"]: r["decision"] for r in self._rows(
            "SELECT key, decision FROM decisions WHERE doc_id = ?", (doc_id,))}

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


def _annotations(rows: list[tuple[Any, ...]], doc_id: str) -> list[Annotation]:
    """Annotation objects from annotation_rows() rows of one document."""
    # One json.loads for all the rows' attrs and spans, then plain constructors (the JSON was
    # written from Annotation objects): the screen reads every annotation of the document after
    # each edit, and a long article has thousands.
    decoded = json.loads("[" + ", ".join([f"[{r[2]}, {r[3]}]" for r in rows]) + "]")
    return [
        Annotation(kind=kind, attrs=attrs, id=ann_id, doc_id=doc_id,
                   spans=[Span(role=s["role"], start=s["start"], end=s["end"], text=s["text"])
                          for s in spans],
                   origin=origin or "manual", annotator=who or "", created_at=created,
                   updated_at=updated or created, needs_review=bool(review))
        for (ann_id, kind, _, _, origin, who, created, updated, review), (attrs, spans)
        in zip(rows, decoded, strict=True)]
