"""Merging annotators' databases into one: documents matched by text, nothing dropped.

A source document whose text (SHA-256) the destination already holds gets its annotations added
to that document; any other is added whole (under a new id if its id is taken by another text).
Every annotation keeps its id and annotator; one with no annotator is credited to its database's
file name. An annotation already present unchanged is not added twice; a different one under the
same id is added under a new id, so both versions survive. Cached analyses and suggestion
decisions come along, so pending-suggestion counts stay right.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import sha256
from .store import Store
from .store import journal as journal_mod


@dataclass
class MergeResult:
    """What merging one source database did."""

    source: str
    documents_added: int = 0
    documents_matched: int = 0
    annotations_added: int = 0
    annotations_present: int = 0
    annotations_renamed: int = 0
    renamed_documents: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The counts as a plain dict."""
        return dict(self.__dict__)


def open_source(path: Path) -> Store:
    """An existing database to read from (InputError when there is none)."""
    if not path.is_file():
        raise InputError(str(path), "no such database", hint="give the path of a redline .db file")
    return Store(path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _free_id(conn: Any, doc_id: str, text_sha: str) -> str:
    candidate, n = doc_id, 0
    while conn.execute("SELECT 1 FROM documents WHERE id = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{doc_id}-{text_sha[:8]}" + (f"-{n}" if n > 1 else "")
    return candidate


def _comparable(a: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in a.items() if k not in ("doc_id", "needs_review")}


def merge_one(src: Store, dst: Store, *, label: str) -> MergeResult:
    """Merge one open source database into `dst` in a single transaction."""
    result = MergeResult(source=label)
    with dst._write() as db:
        conn = db.conn
        for doc in src.iter_documents():
            src_doc = doc.id
            row = conn.execute("SELECT id FROM documents WHERE text_sha256 = ? ORDER BY position"
                               " LIMIT 1", (doc.text_sha256,)).fetchone()
            if row is None:
                target = _free_id(conn, src_doc, doc.text_sha256)
                if target != src_doc:
                    result.renamed_documents[src_doc] = target
                doc.id, doc.position = target, 0
                dst.insert_document(doc, entities=src.document_entities(src_doc))
                result.documents_added += 1
            else:
                target = row[0]
                result.documents_matched += 1
            added = _merge_annotations(src, dst, src_doc, target, label, result)
            if added:
                conn.execute("UPDATE documents SET status = 'in progress' WHERE id = ?"
                             " AND status = 'new'", (target,))
            _copy_decisions(src, conn, src_doc, target)
            _copy_corrections(src, conn, src_doc, target)
        dst.join_label_scheme(src.label_scheme())  # the source's labels, with its annotations
        for row in src._rows("SELECT * FROM analyses"):
            conn.execute("INSERT OR IGNORE INTO analyses (key, text_sha256, model,"
                         " extractor_version, result, created_at) VALUES (:key, :text_sha256,"
                         " :model, :extractor_version, :result, :created_at)", row)
    return result


def _merge_annotations(src: Store, dst: Store, src_doc: str, target: str, label: str,
                       result: MergeResult) -> int:
    conn, added = dst.db.conn, 0
    for ann in src.annotations(src_doc):
        d = {"doc_id": target, **ann.to_dict()}
        d["annotator"] = d["annotator"] or label
        have = conn.execute("SELECT doc_id FROM annotations WHERE id = ?", (d["id"],)).fetchone()
        if have is not None:
            if have[0] == target and _stored(dst, d["id"]) == _comparable(d):
                result.annotations_present += 1
                continue
            d["id"] = sha256(f"{d['id']}|{label}|{d['updated_at']}")[:16]
            if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (d["id"],)).fetchone():
                result.annotations_present += 1
                continue
            result.annotations_renamed += 1
        journal_mod.insert_annotation(conn, d)
        result.annotations_added += 1
        added += 1
    return added


def _stored(dst: Store, ann_id: str) -> dict[str, Any]:
    """The stored annotation with this id in export form (without doc_id and review flag)."""
    return _comparable(dst.get_annotation(ann_id).to_dict())


def _copy_decisions(src: Store, conn: Any, src_doc: str, target: str) -> None:
    for row in src._rows("SELECT * FROM decisions WHERE doc_id = ?", (src_doc,)):
        conn.execute("INSERT OR IGNORE INTO decisions (doc_id, key, decision, annotation_id,"
                     " annotator, at) VALUES (?, ?, ?, ?, ?, ?)",
                     (target, row["key"], row["decision"], row["annotation_id"],
                      row["annotator"], row["at"]))


def _copy_corrections(src: Store, conn: Any, src_doc: str, target: str) -> None:
    """The source's entity corrections (same text, so the same offsets); where both databases
    corrected the same entity, the destination's stays."""
    from .store.entities import COLUMNS

    for row in src.entity_corrections(src_doc):
        conn.execute(f"INSERT OR IGNORE INTO entity_corrections ({', '.join(f'[{c}]' for c in COLUMNS)})"
                     f" VALUES ({', '.join('?' * len(COLUMNS))})",
                     [target if c == "doc_id" else row[c] for c in COLUMNS])


def check_sources(sources: list[Path], into: Path) -> None:
    """InputError unless every source is an existing file other than `into`."""
    for path in sources:
        if not path.is_file():
            raise InputError(str(path), "no such database",
                             hint="give the path of a redline .db file")
        if _same_file(path, into):
            raise InputError(str(path), "is the database being merged into",
                             hint="give --into a different file")


def merge_databases(sources: list[Path], dst: Store) -> list[MergeResult]:
    """Merge each source database into `dst`, one transaction per source."""
    check_sources(sources, dst.path)
    results = []
    for path in sources:
        src = open_source(path)
        try:
            results.append(merge_one(src, dst, label=path.stem))
        finally:
            src.close()
    return results
