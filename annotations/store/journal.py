"""The append-only edit journal: applying its changes, inverting them, and the undo/redo stacks.

A journal row holds a list of changes `{"table", "key", "before", "after"}`; undo appends a row
whose changes are the inverse of its target's, redo appends its target's changes again. The
stacks are rebuilt by replaying the rows, so undo survives restarts with nothing but the journal.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

EDIT_OPS = frozenset({"add", "update", "delete", "reject", "status", "entity"})


def invert(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The changes that undo these, in reverse order."""
    return [{"table": c["table"], "key": c["key"], "before": c["after"], "after": c["before"]}
            for c in reversed(changes)]


def stacks(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Replay journal rows (oldest first) into (undo stack, redo stack) of edit rows."""
    by_seq: dict[int, dict[str, Any]] = {}
    undo: list[dict[str, Any]] = []
    redo: list[dict[str, Any]] = []
    for row in rows:
        entry = dict(row)
        if isinstance(entry.get("changes"), str):  # rows may leave changes out (see Store._step)
            entry["changes"] = json.loads(entry["changes"])
        by_seq[entry["seq"]] = entry
        if entry["op"] == "undo":
            if undo and undo[-1]["seq"] == entry["target"]:
                redo.append(undo.pop())
        elif entry["op"] == "redo":
            if redo and redo[-1]["seq"] == entry["target"]:
                undo.append(redo.pop())
        elif entry["op"] in EDIT_OPS:
            undo.append(entry)
            redo.clear()
        else:
            # a re-import replaced the text: earlier edits' offsets no longer apply
            undo.clear()
            redo.clear()
    return undo, redo


def apply(conn: sqlite3.Connection, change: dict[str, Any], side: str) -> None:
    """Write one change's `before` or `after` state into the tables."""
    state = change[side]
    table = change["table"]
    if table == "annotation":
        conn.execute("DELETE FROM annotations WHERE id = ?", (change["key"],))
        if state is not None:
            insert_annotation(conn, state)
    elif table == "decision":
        doc_id, key = change["key"].split("\x00", 1)
        conn.execute("DELETE FROM decisions WHERE doc_id = ? AND key = ?", (doc_id, key))
        if state is not None:
            conn.execute(
                "INSERT INTO decisions (doc_id, key, decision, annotation_id, annotator, at)"
                " VALUES (:doc_id, :key, :decision, :annotation_id, :annotator, :at)", state)
    elif table == "status":
        conn.execute("UPDATE documents SET status = ? WHERE id = ?", (state, change["key"]))
    elif table == "entity":
        from .entities import apply_change

        apply_change(conn, change["key"], state)
    else:
        raise ValueError(f"unknown journal table {table!r}")


# The one serialisation of attrs and spans, shared by the table and the export.
ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(", ", ": "),
                           sort_keys=True)
_SPAN_KEYS = ("role", "start", "end", "text")


def encode_spans(spans: list[dict[str, Any]]) -> str:
    """Spans as stored and exported: keys in a fixed order, sorted by (start, end, role)."""
    ordered = sorted(spans, key=lambda s: (s["start"], s["end"], s["role"]))
    return "[" + ", ".join(
        "{" + ", ".join(f'"{k}": {json.dumps(s[k], ensure_ascii=False)}' for k in _SPAN_KEYS) + "}"
        for s in ordered) + "]"


ANNOTATION_FIELDS = ("id", "doc_id", "kind", "attrs", "origin", "annotator", "start", "end",
                     "spans", "needs_review", "created_at", "updated_at")
"""An annotation row's columns, in the order `annotation_row` gives its values."""
INSERT_ANNOTATION = (
    f"INSERT INTO annotations ({', '.join(f'[{c}]' for c in ANNOTATION_FIELDS)})"
    f" VALUES ({', '.join('?' * len(ANNOTATION_FIELDS))})")


def annotation_row(a: dict[str, Any]) -> tuple[Any, ...]:
    """The values INSERT_ANNOTATION takes for an annotation in export form (plus doc_id);
    the id first and the doc_id second. Encoding is the slow part of an insert, so a bulk
    import does it before taking the write lock."""
    spans = a["spans"]
    return (a["id"], a["doc_id"], a["kind"], ENCODER.encode(a["attrs"]), a["origin"],
            a["annotator"], min(s["start"] for s in spans), max(s["end"] for s in spans),
            encode_spans(spans), int(bool(a.get("needs_review"))), a["created_at"],
            a["updated_at"])


def insert_annotation(conn: sqlite3.Connection, a: dict[str, Any]) -> None:
    """Insert an annotation row from its export form (plus doc_id)."""
    conn.execute(INSERT_ANNOTATION, annotation_row(a))
