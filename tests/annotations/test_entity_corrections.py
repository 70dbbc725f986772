"""Entity corrections: label, boundaries, deletion and addition, with provenance, undo/redo,
survival across re-analysis and a new extractor version, and every export."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from annotations.analysis import entities_for
from annotations.errors import RedlineError
from annotations.formats.redline import export_redline
from annotations.formats.sqlite import export_sqlite
from annotations.merge import merge_databases
from annotations.store import Store
from annotations.store.entities import corrected


def _ent(text: str, needle: str, label: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "label": label, "text": needle}


def _analyse(store: Store, doc_id: str, entities: list[dict[str, Any]], version: str) -> None:
    doc = store.get_document(doc_id)
    time.sleep(0.002)  # newest by created_at
    store.save_analysis({"id": doc_id, "text_sha256": doc.text_sha256, "model": "m",
                         "entities": entities, "attributions": []}, extractor_version=version)


@pytest.fixture
def analysed(seeded: tuple[Store, str]) -> tuple[Store, str, str]:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    _analyse(store, doc_id, [_ent(text, "Pezeshkian", "NORP"), _ent(text, "Iranian", "NORP"),
                             _ent(text, "Thursday", "DATE")], "v1")
    return store, doc_id, text


def _shown(store: Store, doc_id: str) -> list[tuple[str, str]]:
    return [(e["text"], e["label"]) for e in entities_for(store, store.get_document(doc_id))]


def test_label_boundaries_delete_and_add_are_applied(analysed: tuple[Store, str, str]) -> None:
    store, doc_id, text = analysed
    p = text.index("Pezeshkian")
    store.correct_entity(doc_id, (p, p + 10), p, p + 10, "PERSON")  # label
    full = text.index("Masoud Pezeshkian")
    i = text.index("Iranian")
    store.correct_entity(doc_id, (i, i + 7), full, full + 17, "PERSON")  # boundaries (and label)
    t = text.index("Thursday")
    store.correct_entity(doc_id, (t, t + 8), t, t + 8, None)  # delete
    w = text.index("The Wall Street Journal")
    store.correct_entity(doc_id, None, w, w + 23, "ORG")  # add
    # (the first "Pezeshkian" is the one inside "Masoud Pezeshkian")
    assert _shown(store, doc_id) == [("Masoud Pezeshkian", "PERSON"), ("Pezeshkian", "PERSON"),
                                     ("The Wall Street Journal", "ORG")]
    rows = {r["text"]: r for r in store.entity_corrections(doc_id)}
    assert rows["The Wall Street Journal"]["origin"] == "manual"
    assert rows["Pezeshkian"]["origin"] == "edited"
    assert rows["Thursday"]["label"] is None
    assert {r["annotator"] for r in rows.values()} == {"tester"}
    assert all(r["at"] for r in rows.values())


def test_correcting_a_corrected_entity_again_keeps_one_row(analysed: tuple[Store, str, str]
                                                          ) -> None:
    store, doc_id, text = analysed
    p = text.index("Pezeshkian")
    full = text.index("Masoud Pezeshkian")
    store.correct_entity(doc_id, (p, p + 10), full, full + 17, "PERSON")
    # the editor now points at the corrected span
    store.correct_entity(doc_id, (full, full + 17), full, full + 17, "ORG")
    assert len(store.entity_corrections(doc_id)) == 1
    assert ("Masoud Pezeshkian", "ORG") in _shown(store, doc_id)
    store.undo(doc_id)
    assert ("Masoud Pezeshkian", "PERSON") in _shown(store, doc_id)


def test_deleting_an_added_entity_removes_it(analysed: tuple[Store, str, str]) -> None:
    store, doc_id, text = analysed
    w = text.index("Tehran")
    store.correct_entity(doc_id, None, w, w + 6, "GPE")
    store.correct_entity(doc_id, (w, w + 6), w, w + 6, None)
    assert store.entity_corrections(doc_id) == []
    assert ("Tehran", "GPE") not in _shown(store, doc_id)


def test_undo_and_redo_cover_corrections(analysed: tuple[Store, str, str]) -> None:
    store, doc_id, text = analysed
    p = text.index("Pezeshkian")
    store.correct_entity(doc_id, (p, p + 10), p, p + 10, "PERSON")
    assert ("Pezeshkian", "PERSON") in _shown(store, doc_id)
    assert store.undo(doc_id) is not None
    assert ("Pezeshkian", "NORP") in _shown(store, doc_id)
    assert store.entity_corrections(doc_id) == []
    assert store.redo(doc_id) is not None
    assert ("Pezeshkian", "PERSON") in _shown(store, doc_id)
    assert [j["op"] for j in store.journal(doc_id)][-3:] == ["entity", "undo", "redo"]


def test_corrections_survive_a_new_extractor_version(analysed: tuple[Store, str, str]) -> None:
    store, doc_id, text = analysed
    p = text.index("Pezeshkian")
    store.correct_entity(doc_id, (p, p + 10), p, p + 10, "PERSON")
    t = text.index("Thursday")
    store.correct_entity(doc_id, (t, t + 8), t, t + 8, None)
    # a new rule set re-analyses the text: same mistakes, and one entity more
    _analyse(store, doc_id, [_ent(text, "Pezeshkian", "NORP"), _ent(text, "Thursday", "DATE"),
                             _ent(text, "Israel", "GPE")], "v2")
    assert _shown(store, doc_id) == [("Pezeshkian", "PERSON"), ("Israel", "GPE")]


def test_a_correction_on_replaced_text_is_dropped(analysed: tuple[Store, str, str]) -> None:
    store, doc_id, text = analysed
    w = text.index("Tehran")
    store.correct_entity(doc_id, None, w, w + 6, "GPE")
    store.replace_text(doc_id, "X" * len(text))
    assert _shown(store, doc_id) == []


def test_adding_outside_the_text_is_refused(analysed: tuple[Store, str, str]) -> None:
    store, doc_id, text = analysed
    with pytest.raises(RedlineError):
        store.correct_entity(doc_id, None, len(text) - 1, len(text) + 5, "ORG")


def test_trash_and_restore_keep_corrections(analysed: tuple[Store, str, str]) -> None:
    store, doc_id, text = analysed
    p = text.index("Pezeshkian")
    store.correct_entity(doc_id, (p, p + 10), p, p + 10, "PERSON")
    store.delete_documents([doc_id])
    assert store.entity_corrections(doc_id) == []
    store.restore_documents([doc_id])
    assert [r["label"] for r in store.entity_corrections(doc_id)] == ["PERSON"]


def test_exports_carry_the_corrected_entities(analysed: tuple[Store, str, str],
                                              tmp_path: Path) -> None:
    store, doc_id, text = analysed
    p = text.index("Pezeshkian")
    store.correct_entity(doc_id, (p, p + 10), p, p + 10, "PERSON")
    w = text.index("Tehran")
    store.correct_entity(doc_id, None, w, w + 6, "GPE")
    [line] = list(export_redline(store))
    ents = [(e["text"], e["label"]) for e in json.loads(line)["entities"]]
    assert ("Pezeshkian", "PERSON") in ents and ("Tehran", "GPE") in ents
    assert ("Pezeshkian", "NORP") not in ents
    out = tmp_path / "d.db"
    export_sqlite(store, str(out))
    with sqlite3.connect(out) as conn:
        rows = set(conn.execute("SELECT text, label FROM entities"))
    assert ("Pezeshkian", "PERSON") in rows and ("Tehran", "GPE") in rows
    assert ("Pezeshkian", "NORP") not in rows


def test_applying_the_corrections_twice_changes_nothing(analysed: tuple[Store, str, str]) -> None:
    # the screen draws corrections on entities that may already carry them (shown while the
    # analysis runs): an edited entity must not appear twice
    store, doc_id, text = analysed
    i = text.index("Iranian")
    full = text.index("Masoud Pezeshkian")
    store.correct_entity(doc_id, (i, i + 7), full, full + 17, "PERSON")
    once = entities_for(store, store.get_document(doc_id))
    assert corrected(once, store.entity_corrections(doc_id), text) == once


def test_merge_brings_the_corrections(analysed: tuple[Store, str, str], tmp_path: Path) -> None:
    store, doc_id, text = analysed
    p = text.index("Pezeshkian")
    store.correct_entity(doc_id, (p, p + 10), p, p + 10, "PERSON")
    with Store(tmp_path / "gold.db", annotator="lead") as gold:
        merge_databases([Path(store.path)], gold)
        [doc] = list(gold.iter_documents())
        assert [(r["text"], r["label"], r["annotator"]) for r in gold.entity_corrections(doc.id)] \
            == [("Pezeshkian", "PERSON", "tester")]
