"""Entity corrections: an editor's changes to spaCy's entities (a label, boundaries, a deletion,
a missing entity), kept apart from the analysis so they survive re-analysis and a new extractor.

A correction is keyed by the span it corrects (`of_start`, `of_end`): the entity as the
analysis gives it, or, for an added one, its own first span. `label` None deletes that entity.
The corrected span's `text` is kept so a correction whose text has since been replaced (a
re-import) is dropped rather than put on other words. Each write is a journal change of table
`entity`, so undo and redo cover it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..errors import NotFoundError, RedlineError, SchemaError
from ..models import now_iso
from .edits import EditStore

COLUMNS = ("doc_id", "of_start", "of_end", "start", "end", "label", "text", "origin",
           "annotator", "at")


def key_of(doc_id: str, of_start: int, of_end: int) -> str:
    """A correction's journal key."""
    return f"{doc_id}\x00{of_start}\x00{of_end}"


def apply_change(conn: sqlite3.Connection, key: str, state: dict[str, Any] | None) -> None:
    """Write one journal change's state (None: no correction) for `key`."""
    doc_id, of_start, of_end = key.split("\x00")
    conn.execute("DELETE FROM entity_corrections WHERE doc_id = ? AND of_start = ? AND of_end = ?",
                 (doc_id, int(of_start), int(of_end)))
    if state is not None:
        conn.execute(f"INSERT INTO entity_corrections ({', '.join(f'[{c}]' for c in COLUMNS)})"
                     f" VALUES ({', '.join('?' * len(COLUMNS))})", [state[c] for c in COLUMNS])


def current(store: EditStore, key: str) -> dict[str, Any] | None:
    """The correction stored under a journal key, or None."""
    doc_id, of_start, of_end = key.split("\x00")
    rows = store._rows("SELECT * FROM entity_corrections WHERE doc_id = ? AND of_start = ?"
                       " AND of_end = ?", (doc_id, int(of_start), int(of_end)))
    return rows[0] if rows else None


def corrected(entities: list[dict[str, Any]], corrections: list[dict[str, Any]],
              text: str) -> list[dict[str, Any]]:
    """The entities with the corrections applied, in text order. A correction whose span is
    outside the text or no longer holds the words it was made on is left out."""
    live = [c for c in corrections
            if 0 <= c["start"] < c["end"] <= len(text) and text[c["start"]:c["end"]] == c["text"]]
    # the corrected spans too: entities already corrected come out the same (idempotent)
    replaced = {(c["of_start"], c["of_end"]) for c in live} | {(c["start"], c["end"])
                                                               for c in live}
    out = [e for e in entities if (e["start"], e["end"]) not in replaced]
    out += [{"start": c["start"], "end": c["end"], "label": c["label"], "text": c["text"]}
            for c in live if c["label"] is not None]
    return sorted(out, key=lambda e: (e["start"], e["end"]))


class EntityStore(EditStore):
    """Reading and writing entity corrections (journalled)."""

    def entity_corrections(self, doc_id: str) -> list[dict[str, Any]]:
        """The document's corrections with their provenance, in text order."""
        return self._rows("SELECT * FROM entity_corrections WHERE doc_id = ?"
                          " ORDER BY start, \"end\"", (doc_id,))

    def correct_entity(self, doc_id: str, of: tuple[int, int] | None, start: int, end: int,
                       label: str | None) -> None:
        """Correct the entity spanning `of` (None: add a missing one at start..end) to
        start..end with `label`; label None deletes it. Undo reverts it."""
        text = self.get_document(doc_id).text
        if label is not None and not (0 <= start < end <= len(text)):
            raise SchemaError(f"entity span {start}..{end} is outside the text",
                              hint="select words of the text")
        if label is not None and not label.strip():
            raise SchemaError("an entity needs a label", hint="choose one from the list")
        with self._write():
            old = None
            if of is not None:
                # an entity corrected before is corrected again under its first key
                rows = self._rows("SELECT * FROM entity_corrections WHERE doc_id = ? AND"
                                  " ((start = ? AND \"end\" = ?) OR (of_start = ? AND of_end = ?))"
                                  " ORDER BY (start = ? AND \"end\" = ?) DESC",
                                  (doc_id, of[0], of[1], of[0], of[1], of[0], of[1]))
                old = rows[0] if rows else None
            key = (old["of_start"], old["of_end"]) if old else (of or (start, end))
            origin = old["origin"] if old else ("manual" if of is None else "edited")
            if of is None and old is None and self._rows(
                    "SELECT 1 FROM entity_corrections WHERE doc_id = ? AND of_start = ? AND"
                    " of_end = ?", (doc_id, start, end)):
                raise RedlineError("that span already has an entity",
                                   hint="put the cursor on it and correct it instead")
            if label is None and origin == "manual":
                after = None  # an added entity deleted: as if never added
            elif label is None:
                assert old is not None or of is not None
                after = {"doc_id": doc_id, "of_start": key[0], "of_end": key[1],
                         "start": old["start"] if old else key[0],
                         "end": old["end"] if old else key[1], "label": None,
                         "text": old["text"] if old else text[key[0]:key[1]], "origin": origin,
                         "annotator": self.annotator, "at": now_iso()}
            else:
                after = {"doc_id": doc_id, "of_start": key[0], "of_end": key[1], "start": start,
                         "end": end, "label": label, "text": text[start:end], "origin": origin,
                         "annotator": self.annotator, "at": now_iso()}
            if old is None and after is None:
                raise NotFoundError("no such entity to delete")
            self._commit(doc_id, "entity", [{"table": "entity", "key": key_of(doc_id, *key),
                                             "before": old, "after": after}])
