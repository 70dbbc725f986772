"""The store's edits: each one applied and appended to the journal in one write, and undo/redo.

Every edit of an annotation, a suggestion decision or a document's status is a journal row of
changes (see `journal`); undo and redo replay the rows into stacks and append the inverse or
the same changes again, refusing when someone else has changed the same thing since.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from ..errors import NotFoundError, RedlineError, SchemaError, SpanMismatchError
from ..models import SPAN_ORDER, STATUSES, Annotation, now_iso
from . import journal as journal_mod
from .documents import DocumentStore


class EditStore(DocumentStore):
    """Journalled edits: annotations, suggestion decisions, statuses; undo and redo."""

    def set_status(self, doc_id: str, status: str) -> None:
        """Mark a document new / in progress / done (journalled, so undo reverts it)."""
        if status not in STATUSES:
            raise SchemaError(f"unknown status {status!r}", hint=f"use one of {', '.join(STATUSES)}")
        before = self.get_document(doc_id).status
        if before == status:
            return
        self._commit(doc_id, "status", [{"table": "status", "key": doc_id,
                                         "before": before, "after": status}])

    def add_annotation(self, ann: Annotation, *, suggestion_key: str | None = None) -> Annotation:
        """Validate and store a new annotation (and accept the suggestion it came from, which
        must still be undecided: RedlineError if someone decided it meanwhile)."""
        doc = self.get_document(ann.doc_id)
        if not ann.annotator:
            ann.annotator = self.annotator
        try:
            ann.with_defaults().validate(doc.text)
        except SpanMismatchError as e:
            # from a screen, this means the text changed under it (a re-import elsewhere)
            raise SpanMismatchError(e.message, hint="if the document was re-imported since it "
                                    "was opened, reload it (R) and tag again") from None
        ann.spans = sorted(ann.spans, key=SPAN_ORDER)  # as stored
        changes = [{"table": "annotation", "key": ann.id, "before": None,
                    "after": {"doc_id": ann.doc_id, **ann.to_dict()}}]
        # the check and the write in one transaction: another window may decide it meanwhile
        with self._write():
            if suggestion_key:
                changes.append(self._undecided_change(ann.doc_id, suggestion_key, "accepted",
                                                      ann.id))
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
        ann.spans = sorted(ann.spans, key=SPAN_ORDER)
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

    def _decision_change(self, doc_id: str, key: str, decision: str | None,
                         ann_id: str | None) -> dict[str, Any]:
        rows = self._rows("SELECT * FROM decisions WHERE doc_id = ? AND key = ?", (doc_id, key))
        after = None if decision is None else {
            "doc_id": doc_id, "key": key, "decision": decision, "annotation_id": ann_id,
            "annotator": self.annotator, "at": now_iso()}
        return {"table": "decision", "key": f"{doc_id}\x00{key}",
                "before": rows[0] if rows else None, "after": after}

    def _undecided_change(self, doc_id: str, key: str, decision: str,
                          ann_id: str | None) -> dict[str, Any]:
        """The change deciding a suggestion; refused if it was decided already (elsewhere).

        Call inside the write transaction, so that nobody decides it between check and write."""
        change = self._decision_change(doc_id, key, decision, ann_id)
        if change["before"] is not None:
            # deciding it again would overwrite the other decision (or accept it twice)
            raise RedlineError(
                f"this suggestion was already {change['before']['decision']} elsewhere "
                "(another window or annotator)", hint="reload the document (R) to see it")
        return change

    def reject_suggestion(self, doc_id: str, key: str) -> None:
        """Remember that a suggestion was rejected (undo forgets it); refused if decided."""
        self.get_document(doc_id)
        with self._write():
            self._commit(doc_id, "reject", [self._undecided_change(doc_id, key, "rejected", None)])

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
        return self._step(doc_id, "undo")

    def redo(self, doc_id: str) -> dict[str, Any] | None:
        """Re-apply the edit the last undo reverted; None when there is none."""
        return self._step(doc_id, "redo")

    def _step(self, doc_id: str, verb: Literal["undo", "redo"]) -> dict[str, Any] | None:
        """Undo or redo the journal entry on top of its stack; the entry, or None."""
        with self._write():
            rows = self._rows(
                # everyone's re-imports too: they clear the stacks (their offsets are stale)
                "SELECT seq, op, target FROM journal WHERE doc_id = ?"
                " AND (annotator = ? OR op = 'reimport') ORDER BY seq", (doc_id, self.annotator))
            undo_stack, redo_stack = journal_mod.stacks(rows)
            stack = undo_stack if verb == "undo" else redo_stack
            if not stack:
                return None
            # only the entry undone is decoded: a long session's journal has thousands of rows
            [(changes,)] = self.db.conn.execute(
                "SELECT changes FROM journal WHERE seq = ?", (stack[-1]["seq"],)).fetchall()
            entry = {**stack[-1], "changes": json.loads(changes)}
            # undo starts from the state the edit left, redo from the one it found
            self._check_unchanged(entry["changes"], "after" if verb == "undo" else "before", verb)
            changes = journal_mod.invert(entry["changes"]) if verb == "undo" else entry["changes"]
            self._commit(doc_id, verb, changes, target=entry["seq"])
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
        if table == "entity":
            from .entities import current

            return current(self, key)
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
                        else "an entity correction" if change["table"] == "entity"
                        else "a suggestion decision")
                raise RedlineError(
                    f"cannot {verb}: {what} was changed elsewhere (another window or annotator) "
                    "since", hint="reload the document (R) and change it directly")


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
