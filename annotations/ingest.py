"""Storing imported records: dedupe by text hash, merge known documents, re-anchor changed ones."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from . import journal as journal_mod
from .importer import ImportRecord, to_document
from .models import Annotation, now_iso, sha256
from .store import Store


@dataclass
class IngestResult:
    """What storing one file's records did."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    merged_annotations: int = 0
    reanchored: int = 0
    flagged: int = 0

    def update(self, other: IngestResult) -> None:
        """Add another result's counts to this one."""
        self.added += other.added
        self.duplicates += other.duplicates
        self.merged_annotations += other.merged_annotations
        self.reanchored += other.reanchored
        self.flagged += other.flagged


def reanchor(ann: dict[str, Any], old_text: str, new_text: str) -> tuple[dict[str, Any], bool]:
    """Move each span to the one place its text occurs in the new text; (annotation, ok).

    A span whose text occurs nowhere or more than once in the new text is not moved: the
    annotation is flagged `needs_review` instead, so no span is ever shifted silently.
    """
    spans, ok = [], True
    for s in ann["spans"]:
        if old_text[: s["end"]] == new_text[: s["end"]]:
            spans.append(s)
            continue
        first = new_text.find(s["text"])
        if first >= 0 and new_text.find(s["text"], first + 1) < 0:
            spans.append({**s, "start": first, "end": first + len(s["text"])})
        else:
            spans.append(s)
            ok = False
    return {**ann, "spans": spans, "needs_review": not ok or bool(ann.get("needs_review"))}, ok


def store_records(store: Store, records: list[ImportRecord]) -> IngestResult:
    """Store one file's records in a single transaction (all of them or none)."""
    result = IngestResult()
    with store._write() as db:
        conn = db.conn
        for rec in records:
            doc = to_document(rec)
            existing = conn.execute("SELECT id, text FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if existing is None and rec.id is None:
                # no id given: a text already stored under any id is the same document
                existing = conn.execute("SELECT id, text FROM documents WHERE text_sha256 = ?"
                                        " ORDER BY position LIMIT 1", (doc.text_sha256,)).fetchone()
            if existing is None:
                store.insert_document(doc, entities=rec.entities)
                result.added.append(doc.id)
                have: set[str] = set()
                anns = rec.annotations
            else:
                doc_id, old_text = existing
                have = {r[0] for r in conn.execute("SELECT id FROM annotations WHERE doc_id = ?", (doc_id,))}
                anns = rec.annotations
                if old_text != doc.text:
                    _replace_text(store, doc_id, old_text, doc.text, result)
                result.duplicates.append(doc_id)
                doc.id = doc_id
            for a in anns:
                if str(a.get("id")) in have:
                    continue
                ann = Annotation.from_dict(a, doc_id=doc.id).with_defaults()
                journal_mod.insert_annotation(conn, {"doc_id": doc.id, **ann.to_dict()})
                if existing is not None:
                    result.merged_annotations += 1
    return result


def _replace_text(store: Store, doc_id: str, old_text: str, new_text: str,
                  result: IngestResult) -> None:
    """Give a known document its new text and re-anchor (or flag) every annotation on it."""
    conn = store.db.conn
    anns = store.annotations(doc_id)
    store.replace_text(doc_id, new_text)
    for ann in anns:
        moved, ok = reanchor({"doc_id": doc_id, **ann.to_dict()}, old_text, new_text)
        moved["updated_at"] = now_iso()
        conn.execute("DELETE FROM annotations WHERE id = ?", (ann.id,))
        journal_mod.insert_annotation(conn, moved)
        if ok:
            result.reanchored += 1
        else:
            result.flagged += 1
    conn.execute("UPDATE documents SET needs_review = ? WHERE id = ?",
                 (int(result.flagged > 0), doc_id))
    conn.execute("DELETE FROM decisions WHERE doc_id = ?", (doc_id,))
    conn.execute("INSERT INTO journal (doc_id, op, target, changes, annotator, at)"
                 " VALUES (?, 'reimport', NULL, ?, ?, ?)",
                 (doc_id, json.dumps({"old_sha256": sha256(old_text)}), store.annotator, now_iso()))
