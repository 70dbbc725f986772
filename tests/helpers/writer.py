"""A second redline process for the two-writer tests: one annotator editing one document.

Run as a script: `python writer.py DB DOC ANNOTATOR SEED OPS OUT STOP`. It adds, edits,
deletes, undoes and redoes its own annotations through the Store, as the terminal app does,
keeping a model of what it believes it stored: at least OPS edits, then on until the file STOP
exists (so a test can be sure two writers overlapped). At the end it writes that belief
(annotation id -> export form) to OUT as JSON. Any exception, "database is locked" included,
exits non-zero.
"""

from __future__ import annotations

import copy
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from annotations.models import Annotation, Span
from annotations.store import Store

Model = dict[str, dict[str, Any]]


def run(db: Path, doc_id: str, annotator: str, seed: int, ops: int, stop: Path) -> Model:
    """Do at least `ops` random edits, until `stop` exists; what this annotator should have."""
    rng = random.Random(seed)
    store = Store(db, annotator=annotator)
    text = store.get_document(doc_id).text
    mine: Model = {}
    undo: list[tuple[Model, Model]] = []
    redo: list[tuple[Model, Model]] = []

    def span(role: str) -> Span:
        """A random stretch of the text with the given role."""
        start = rng.randrange(0, len(text) - 1)
        end = min(len(text), start + rng.randint(1, 30))
        return Span(role, start, end, text[start:end])

    def record(before: Model) -> None:
        """Push an edit onto the model's undo stack (a new edit clears redo)."""
        undo.append((before, copy.deepcopy(mine)))
        redo.clear()

    done = 0
    while done < ops or not stop.exists():
        done += 1
        before = copy.deepcopy(mine)
        roll = rng.random()
        if roll < 0.4 or not mine:
            ann = store.add_annotation(Annotation(kind="claim", doc_id=doc_id,
                                                  spans=[span("claim")]))
            mine[ann.id] = ann.to_dict()
            record(before)
        elif roll < 0.6:
            # as the app does: build the change on the copy read from the database
            current = store.get_annotation(rng.choice(sorted(mine)))
            current.attrs["checkworthy"] = rng.choice(["yes", "no"])
            current.spans = [span("claim")]
            mine[current.id] = store.update_annotation(current).to_dict()
            record(before)
        elif roll < 0.7:
            ann_id = rng.choice(sorted(mine))
            store.delete_annotation(ann_id)
            del mine[ann_id]
            record(before)
        elif roll < 0.85:
            if store.undo(doc_id) is not None:
                state, _ = undo.pop()
                redo.append((state, copy.deepcopy(mine)))
                mine = copy.deepcopy(state)
            else:
                assert not undo, "the journal lost an edit this process made"
        else:
            if store.redo(doc_id) is not None:
                _, state = redo.pop()
                undo.append((copy.deepcopy(mine), state))
                mine = copy.deepcopy(state)
            else:
                assert not redo, "the journal lost an undo this process made"
        # let the other process in between edits, as a person's pace would
        time.sleep(rng.random() * 0.003)
    store.close()
    return mine


def main(argv: list[str]) -> int:
    """Entry point: the arguments in the module docstring."""
    db, doc_id, annotator, seed, ops, out, stop = argv
    mine = run(Path(db), doc_id, annotator, int(seed), int(ops), Path(stop))
    Path(out).write_text(json.dumps(mine, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
