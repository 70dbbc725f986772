"""Storing imported records: dedupe by text hash, merge known documents, and replace a text
only when asked (the old one kept), re-anchoring its annotations."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import RedlineError
from .formats.registry import ImportRecord
from .importer import to_document
from .models import Annotation, now_iso, sha256
from .store import Store
from .store import journal as journal_mod


@dataclass
class IngestResult:
    """What storing one file's records did."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    merged_annotations: int = 0
    reanchored: int = 0
    flagged: int = 0

    def update(self, other: IngestResult) -> None:
        """Add another result's counts to this one."""
        self.added += other.added
        self.duplicates += other.duplicates
        self.replaced += other.replaced
        self.merged_annotations += other.merged_annotations
        self.reanchored += other.reanchored
        self.flagged += other.flagged


def _longest(holds: Callable[[int], bool], limit: int) -> int:
    """The largest k <= limit for which `holds(k)`, given it holds for 0 and stops holding once
    it fails (binary search: each probe is one C-level string comparison)."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if holds(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_affixes(old_text: str, new_text: str) -> tuple[int, int]:
    """Lengths of the longest common prefix and the longest common suffix that does not
    overlap it: the text outside them is what changed."""
    limit = min(len(old_text), len(new_text))
    prefix = _longest(lambda k: old_text[:k] == new_text[:k], limit)
    suffix = _longest(lambda k: old_text[len(old_text) - k:] == new_text[len(new_text) - k:],
                      limit - prefix)
    return prefix, suffix


# How much of a span's surroundings is used to tell apart equal texts ("said", a name), and
# from which side: (characters before, characters after).
IMPORT_BATCH = 1_000  # annotation rows per insert_all batch
CONTEXTS = ((0, 0), (12, 12), (12, 0), (0, 12), (40, 40), (40, 0), (0, 40))


def _once(text: str, needle: str) -> int:
    """Where `needle` occurs in `text` if it occurs exactly once, else -1."""
    first = text.find(needle)
    if first < 0 or text.find(needle, first + 1) >= 0:
        return -1
    return first


def place(old_text: str, new_text: str, start: int, end: int) -> int:
    """Where the sound span old_text[start:end] is in the new text, or -1 if that is not
    certain: the span, with the same few characters before and/or after it, must occur exactly
    once in the old text and exactly once in the new one."""
    for before, after in CONTEXTS:
        left = old_text[max(0, start - before):start]
        needle = left + old_text[start:end] + old_text[end:end + after]
        if _once(old_text, needle) < 0:
            continue  # not even unique where it came from: more context, or give up
        found = _once(new_text, needle)
        if found >= 0:
            return found + len(left)
    return -1


def reanchor(ann: dict[str, Any], old_text: str, new_text: str,
             affixes: tuple[int, int] | None = None) -> tuple[dict[str, Any], bool]:
    """Place each span in the new text; (annotation, ok).

    A span inside the unchanged beginning stays; one inside the unchanged end moves by the
    change in length; any other moves to where its text, alone or with a little of what
    surrounds it, occurs exactly once in both the old and the new text (`place`). A span that
    cannot be placed so is not moved: the annotation is flagged `needs_review` instead, so no
    span is ever shifted silently. A span already out of step with the old text (flagged
    before) moves only to the one place its text occurs in the new text.
    """
    prefix, suffix = affixes if affixes is not None else common_affixes(old_text, new_text)
    delta = len(new_text) - len(old_text)
    spans, ok = [], True
    for s in ann["spans"]:
        start, end, text = s["start"], s["end"], s["text"]
        sound = 0 <= start < end <= len(old_text) and old_text[start:end] == text
        if sound and end <= prefix:
            spans.append(s)
            continue
        if sound and start >= len(old_text) - suffix:
            spans.append({**s, "start": start + delta, "end": end + delta})
            continue
        found = place(old_text, new_text, start, end) if sound else _once(new_text, text)
        if found >= 0:
            spans.append({**s, "start": found, "end": found + len(text)})
        else:
            # left where it was, flagged; but inside the new text, which may be shorter: a span
            # past the end would trip the screen and the export (its words stay as they were)
            a = min(start, len(new_text) - 1)
            spans.append({**s, "start": a, "end": max(a + 1, min(end, len(new_text)))})
            ok = False
    return {**ann, "spans": spans, "needs_review": not ok}, ok


def check_offsets(rec: ImportRecord) -> None:
    """Raise RedlineError naming the record unless every span and entity lies inside its text.

    Every reader checks this too, with the line number; this is the last gate before the store,
    whatever reader made the record and whatever flag (`needs_review`) a span carries.
    """
    size = len(rec.text)

    def inside(start: object, end: object) -> bool:
        # type, not isinstance: True is an int too, and no reader should pass one as an offset
        return type(start) is int and type(end) is int and 0 <= start < end <= size

    for a in rec.annotations:
        for sp in a.get("spans") or []:
            if not inside(sp.get("start"), sp.get("end")):
                raise RedlineError(f"{rec.source}: span {sp.get('role')} [{sp.get('start')}, "
                                   f"{sp.get('end')}) lies outside the text (length {size})",
                                   hint="fix the offsets")
    for e in rec.entities or []:
        start, end = e.get("start"), e.get("end")
        if not inside(start, end) or e.get("text", rec.text[start:end]) != rec.text[start:end]:
            raise RedlineError(f"{rec.source}: entity {e.get('label')} [{start}, {end}) is not a"
                               " stretch of the text", hint="fix the offsets")


def store_records(store: Store, records: list[ImportRecord], *, replace: bool = False
                  ) -> IngestResult:
    """Store one file's records in a single transaction (all of them or none).

    A record whose id names a stored document with another text is refused (RedlineError,
    nothing stored) unless `replace`: then the old text is kept in the document's history and
    its annotations are re-anchored or flagged. Everything that needs no database (documents,
    annotation rows, their JSON) is prepared before the write lock is taken, so another process
    editing meanwhile waits for the inserts only, not for the encoding of a whole large file.
    """
    prepared = []
    for rec in records:
        check_offsets(rec)
        doc = to_document(rec)
        rows = [journal_mod.annotation_row(
                    {"doc_id": doc.id, **Annotation.from_dict(a).with_defaults().to_dict()})
                for a in rec.annotations]
        prepared.append((rec, doc, rows))
    result = IngestResult()
    with store._write() as db:
        conn = db.conn
        for rec, doc, rows in prepared:
            existing = conn.execute("SELECT id, text, title FROM documents WHERE id = ?",
                                    (doc.id,)).fetchone()
            if existing is None and rec.id is None:
                # no id given: a text already stored under any id is the same document
                existing = conn.execute("SELECT id, text, title FROM documents WHERE"
                                        " text_sha256 = ? ORDER BY position LIMIT 1",
                                        (doc.text_sha256,)).fetchone()
            have: set[str] = set()
            if existing is None:
                store.insert_document(doc, entities=rec.entities)
                result.added.append(doc.id)
            else:
                doc_id, old_text, old_title = existing
                have = {r[0] for r in conn.execute("SELECT id FROM annotations WHERE doc_id = ?",
                                                   (doc_id,))}
                if old_text != doc.text:
                    if not replace:
                        # two exports whose ids both run 1, 2, 3 … are different articles
                        raise RedlineError(
                            f"{rec.source}: id {doc_id} is already the document {old_title!r}, "
                            f"with another text (this one is {doc.title!r})",
                            hint=f"give this one another id, or import it with --replace to "
                                 f"replace that text (it is kept: redline history {doc_id})")
                    _replace_text(store, doc_id, old_text, doc.text, result, title=doc.title)
                result.duplicates.append(doc_id)
                doc.id = doc_id
            # the document may have turned out to be stored under another id
            new = [r if r[1] == doc.id else (r[0], doc.id, *r[2:]) for r in rows
                   if r[0] not in have]
            _refuse_taken_ids(conn, rec, [r[0] for r in new])
            insert_annotations(conn, new)
            if existing is not None:
                result.merged_annotations += len(new)
    return result


def insert_annotations(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Bulk-insert annotation rows (`journal.annotation_row` tuples) with sqlite-utils'
    insert_all, in batches, inside the import's transaction (its atomic() nests as a savepoint)."""
    if not rows:
        return
    from .store.fts import utils_database

    # list mode: the column names first, then the value tuples (no dict per row)
    utils_database(conn).table("annotations").insert_all(
        [journal_mod.ANNOTATION_FIELDS, *rows], batch_size=IMPORT_BATCH, alter=False)


def _refuse_taken_ids(conn: sqlite3.Connection, rec: ImportRecord, ids: list[str]) -> None:
    """Raise if an annotation id is already stored on another document: storing it would
    either fail deep in SQLite or overwrite that document's annotation."""
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        owner = conn.execute(
            f"SELECT id, doc_id FROM annotations WHERE id IN ({', '.join('?' * len(chunk))})"
            " LIMIT 1", chunk).fetchone()
        if owner is not None:
            raise RedlineError(
                f"{rec.source}: annotation {owner[0]} already belongs to document {owner[1]}",
                hint="give it a new id, or import it into that document")


def restore_text(store: Store, doc_id: str, version: int) -> IngestResult:
    """Give a document back an old text from its history (the current one joins the history),
    re-anchoring or flagging every annotation as a re-import does."""
    title, text = store.old_text(doc_id, version)
    result = IngestResult()
    with store._write() as db:
        current = db.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if current[0] == text:
            raise RedlineError(f"document {doc_id} already has the text of version {version}",
                               hint="nothing to restore")
        _replace_text(store, doc_id, current[0], text, result, title=title)
    result.duplicates.append(doc_id)
    return result


def _replace_text(store: Store, doc_id: str, old_text: str, new_text: str,
                  result: IngestResult, *, title: str | None = None) -> None:
    """Give a known document its new text (and title), keeping the old ones in its history, and
    re-anchor (or flag) every annotation on it."""
    conn = store.db.conn
    anns = store.annotations(doc_id)
    store.replace_text(doc_id, new_text, title=title)
    result.replaced.append(doc_id)
    affixes = common_affixes(old_text, new_text)
    for ann in anns:
        moved, ok = reanchor({"doc_id": doc_id, **ann.to_dict()}, old_text, new_text, affixes)
        moved["updated_at"] = now_iso()
        conn.execute("DELETE FROM annotations WHERE id = ?", (ann.id,))
        journal_mod.insert_annotation(conn, moved)
        if ok:
            result.reanchored += 1
        else:
            result.flagged += 1
    # the library derives "review" from the flagged annotations, so fixing or deleting the last
    # one clears it; a sticky document flag (counted over the whole file, too) never would
    conn.execute("UPDATE documents SET needs_review = 0 WHERE id = ?", (doc_id,))
    conn.execute("DELETE FROM decisions WHERE doc_id = ?", (doc_id,))
    conn.execute("INSERT INTO journal (doc_id, op, target, changes, annotator, at)"
                 " VALUES (?, 'reimport', NULL, ?, ?, ?)",
                 (doc_id, json.dumps({"old_sha256": sha256(old_text)}), store.annotator, now_iso()))
