"""Corrected entities travel: redline → Prodigy / doccano / brat → redline keeps each document's
entities (offsets, labels, texts) as entities, never as annotations; a bad one is refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from corpus_fixtures import TEXT, build_corpus, corpus_state
from helpers.cli import one_error_line, run_cli
from helpers.db import export_of

from annotations.analysis import entities_for
from annotations.formats.brat import MANIFEST
from annotations.store import Store

FORMATS = ["prodigy", "doccano", "brat"]
NER_LABELS = {"PERSON", "PER", "LOC", "GPE", "NORP", "MISC"}


def _at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _ent(needle: str, label: str) -> dict[str, Any]:
    start, end = _at(needle)
    return {"start": start, "end": end, "label": label, "text": needle}


def _build(db: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """The format corpus, its first document analysed and every kind of correction applied;
    the ids and the first document's corrected entities."""
    with Store(db, annotator="ed") as store:
        ids = build_corpus(store)
        doc = store.get_document(ids[0])
        store.save_analysis({"id": doc.id, "text_sha256": doc.text_sha256, "model": "m",
                             "entities": [_ent("Müller", "PER"), _ent("東京", "GPE"),
                                          _ent("Wir", "MISC"), _ent("Zoë Ñúñez", "PERSON")],
                             "attributions": []}, extractor_version="v1")
        store.correct_entity(doc.id, _at("Müller"), *_at("Ministerin Müller"), "PERSON")
        store.correct_entity(doc.id, _at("東京"), *_at("東京"), "LOC")
        store.correct_entity(doc.id, _at("Wir"), *_at("Wir"), None)
        store.correct_entity(doc.id, None, *_at("Critics"), "NORP")  # after three emoji
        corrected = entities_for(store, doc)
    # the corrections took: what is exported is not the analysis as it was
    assert sorted((e["text"], e["label"]) for e in corrected) == [
        ("Critics", "NORP"), ("Ministerin Müller", "PERSON"), ("Zoë Ñúñez", "PERSON"),
        ("東京", "LOC")]
    return ids, corrected


def _id(d: dict[str, Any]) -> str:
    return str(d["id"])


def _export(src: Path, out: Path, fmt: str) -> None:
    assert run_cli(src, "export", str(out), "--format", fmt).code == 0


def _out(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / ("brat" if fmt == "brat" else f"out.{fmt}.jsonl")


@pytest.mark.parametrize("fmt", FORMATS)
def test_corrected_entities_survive_the_round_trip_as_entities(tmp_path: Path, fmt: str) -> None:
    src, dst, out = tmp_path / "src.db", tmp_path / "dst.db", _out(tmp_path, fmt)
    ids, corrected = _build(src)
    with Store(src) as store:
        expected = {i: entities_for(store, store.get_document(i)) for i in ids}
        state = corpus_state(store)
    _export(src, out, fmt)
    run = run_cli(dst, "import", "--no-analyze", str(out))
    assert run.code == 0 and "left out" not in run.stderr + run.stdout, run.stderr
    with Store(dst) as store:
        # exactly: offsets, labels and texts, each document its own
        assert {i: entities_for(store, store.get_document(i)) for i in ids} == expected
        # they arrive as the document's import-time entities, not as corrections
        assert store.document_entities(ids[0]) == corrected
        assert store.entity_corrections(ids[0]) == []
        # and no entity became an annotation (in id order: brat keeps no library order)
        assert sorted(corpus_state(store), key=_id) == sorted(state, key=_id)
    if fmt != "brat":  # the same redline export, byte for byte (entity key order included)
        assert export_of(dst) == export_of(src)


def test_prodigy_keeps_entities_out_of_its_spans(tmp_path: Path) -> None:
    _build(tmp_path / "src.db")
    out = tmp_path / "p.jsonl"
    _export(tmp_path / "src.db", out, "prodigy")
    task = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert not {s["label"] for s in task["spans"]} & NER_LABELS
    assert {(e["text"], e["label"]) for e in task["meta"]["entities"]} >= {("東京", "LOC")}


def test_doccano_counts_entity_offsets_in_utf16_units(tmp_path: Path) -> None:
    _build(tmp_path / "src.db")
    out = tmp_path / "d.jsonl"
    _export(tmp_path / "src.db", out, "doccano")
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert not {e["label"] for e in line["entities"]} & NER_LABELS
    (critics,) = [e for e in line["named_entities"] if e["text"] == "Critics"]
    start = TEXT.index("Critics")
    utf16 = len(TEXT[:start].encode("utf-16-le")) // 2
    assert utf16 != start  # the emoji before it count twice
    assert (critics["start_offset"], critics["end_offset"]) == (utf16, utf16 + 7)


def test_brat_keeps_entities_off_its_t_lines(tmp_path: Path) -> None:
    _build(tmp_path / "src.db")
    out = tmp_path / "brat"
    _export(tmp_path / "src.db", out, "brat")
    for ann in out.glob("*.ann"):
        labels = {line.split("\t")[1].split(" ")[0] for line in
                  ann.read_text(encoding="utf-8").splitlines() if line.startswith("T")}
        assert not labels & NER_LABELS
    first = json.loads((out / MANIFEST).read_text(encoding="utf-8").splitlines()[0])
    assert {(e["text"], e["label"]) for e in first["entities"]} >= {("Critics", "NORP")}


def _spoil(out: Path, fmt: str) -> str:
    """Move the first document's first entity past the end of its text; the file to name."""
    path = out / MANIFEST if fmt == "brat" else out
    lines = path.read_text(encoding="utf-8").splitlines()
    obj = json.loads(lines[0])
    if fmt == "prodigy":
        obj["meta"]["entities"][0]["end"] = len(TEXT) + 5
    elif fmt == "doccano":
        obj["named_entities"][0]["end_offset"] = len(TEXT.encode("utf-16-le")) // 2 + 5
    else:
        obj["entities"][0]["end"] = len(TEXT) + 5
    lines[0] = json.dumps(obj, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"{path}:1"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_entity_outside_the_text_is_refused_in_one_line(tmp_path: Path, fmt: str) -> None:
    src, dst, out = tmp_path / "src.db", tmp_path / "dst.db", _out(tmp_path, fmt)
    ids, _ = _build(src)
    _export(src, out, fmt)
    where = _spoil(out, fmt)
    line = one_error_line(run_cli(dst, "import", "--no-analyze", str(out)))
    assert where in line and "outside the text" in line, line
    with Store(dst) as store:
        stored = [d.id for d in store.iter_documents()]
    # nothing half-imported: a JSONL file is one import; a brat folder imports file by file,
    # and the refused document is not among them
    assert ids[0] not in stored and (fmt == "brat" or stored == [])



@pytest.mark.parametrize("entity, says", [
    ({"label": "X", "start_offset": 10, "end_offset": 11}, "falls inside a character"),
    ({"label": "X", "start_offset": 0, "end_offset": 2.5}, "is not an integer"),
    ({"label": "X", "start_offset": 0, "end_offset": 4, "text": "Mayo"}, "says 'Mayo'"),
    ({"label": "", "start_offset": 0, "end_offset": 4}, '"label" must be a non-empty string'),
    ({"label": "X", "start": 0, "end": 4}, '"start_offset" and "end_offset" are missing'),
])
def test_a_doccano_named_entity_that_does_not_fit_is_refused(tmp_path: Path,
                                                              entity: dict[str, Any],
                                                              says: str) -> None:
    out = tmp_path / "d.jsonl"
    # the emoji is UTF-16 units 9 and 10
    out.write_text(json.dumps({"text": "Minister 💪 spoke.", "entities": [], "relations": [],
                               "named_entities": [entity]}) + "\n", encoding="utf-8")
    line = one_error_line(run_cli(tmp_path / "d.db", "import", "--no-analyze", str(out)))
    assert f"{out}:1" in line and says in line, line
    with Store(tmp_path / "d.db") as store:
        assert list(store.iter_documents()) == []
