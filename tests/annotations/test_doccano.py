"""doccano format: every field of the relation export (UTF-16 offsets), and reading it back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotations.errors import InputError
from annotations.formats import labels
from annotations.formats.doccano import doccano_lines
from annotations.formats.registry import exporter
from annotations.importer import read_file
from annotations.store import Store

try:
    from .corpus_fixtures import PLAIN, TEXT, build_corpus
except ImportError:
    from corpus_fixtures import PLAIN, TEXT, build_corpus


def utf16_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) gives (doccano's offsets)."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def test_export_writes_every_doccano_field(store: Store, tmp_path: Path) -> None:
    ids = build_corpus(store)
    out = tmp_path / "d.jsonl"
    assert exporter("doccano")(store, str(out), status=(), annotators=(), ids=()) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == [1, 2, 3]
    assert [d["doc_id"] for d in lines] == ids
    first = lines[0]
    assert first["text"] == TEXT and first["Comments"] == [] and first["offset_unit"] == "utf16"
    assert (first["title"], first["status"], first["meta"]) == ("Ünïcode 💬", "in progress",
                                                                {"lang": "de", "n": 1})
    assert first["text_sha256"] == store.get_document(ids[0]).text_sha256
    ents = {e["id"]: e for e in first["entities"]}
    assert all(set(e) == {"id", "label", "start_offset", "end_offset"} for e in ents.values())
    texts = {(e["label"], utf16_slice(TEXT, e["start_offset"], e["end_offset"]))
             for e in ents.values()}
    assert texts == {("HOLDER", "Ministerin Müller"), ("STANCE", "Wir geben nicht nach 💪."),
                     ("CONTENT", "Wir geben nicht nach 💪."), ("CLAIM", "東京 reagierte"),
                     ("CONTENT", "Das ist falsch,"), ("CUE", "erwiderte"),
                     ("SOURCE", "Zoë Ñúñez"), ("CONTENT", "Wir 🚀 bleiben."),
                     ("CLAIM", "Wir 🚀 bleiben.”\n\nCritics"), ("HOLDER", "Critics"),
                     ("STANCE", "called it a “disaster”"), ("TARGET", "🌍 climate policy")}
    # after the 💪 every UTF-16 offset is one more than the code point offset
    claim = next(e for e in ents.values() if e["label"] == "CLAIM")
    assert claim["start_offset"] == TEXT.index("東京") + 1
    rels = {(ents[r["from_id"]]["label"], r["type"], ents[r["to_id"]]["label"])
            for r in first["relations"]}
    assert rels == {("HOLDER", "HOLDS", "STANCE"), ("SOURCE", "SAYS", "CONTENT"),
                    ("CUE", "INTRODUCES", "CONTENT"), ("CONTENT", "CONTINUES", "CONTENT"),
                    ("STANCE", "TOWARDS", "TARGET")}
    assert len(first["relations"]) == 8
    assert all(set(r) == {"id", "from_id", "to_id", "type"} for r in first["relations"])
    all_ents = [e["id"] for d in lines for e in d["entities"]]
    all_rels = [r["id"] for d in lines for r in d["relations"]]
    assert len(set(all_ents)) == len(all_ents) == 15 and len(set(all_rels)) == len(all_rels)
    plain = lines[1]
    assert plain["doc_id"] == "plain/1"
    assert [(e["label"], PLAIN[e["start_offset"]:e["end_offset"]]) for e in plain["entities"]] == [
        ("SOURCE", "The mayor"), ("CUE", "said"), ("CONTENT", "the budget is balanced")]
    frames = {f["kind"] + ":" + f["annotator"]: f for f in first["frames"]}
    assert frames["stance:alice"]["attrs"]["polarity"] == "against"
    assert frames["attribution:alice"]["attrs"] == {"speaker": "Zoë Ñúñez", "type": "direct"}
    assert frames["attribution:alice"]["origin"] == "suggested"


def test_codepoint_offsets_on_request(store: Store) -> None:
    build_corpus(store)
    first = json.loads(next(doccano_lines(store, unit="codepoints")))
    assert first["offset_unit"] == "codepoints"
    assert all(TEXT[e["start_offset"]:e["end_offset"]] for e in first["entities"])
    claim = next(e for e in first["entities"] if e["label"] == "CLAIM")
    assert TEXT[claim["start_offset"]:claim["end_offset"]] == "東京 reagierte"


TEXT2 = "🔥🔥 Mayor Öz said “taxes fall” today."


def _line(**extra: Any) -> dict[str, Any]:
    """A line as doccano itself exports it: UTF-16 offsets, integer ids, no offset_unit."""
    def ent(i: int, needle: str, label: str) -> dict[str, Any]:
        s = TEXT2.index(needle) + 2  # two emoji before: two extra UTF-16 units
        return {"id": i, "label": label, "start_offset": s, "end_offset": s + len(needle)}

    return {"id": 6400, "text": TEXT2, "Comments": [], "batch": "b7",
            "entities": [ent(1662, "Mayor Öz", "SPEAKER"), ent(1663, "taxes fall", "QUOTE"),
                         ent(1664, "said", "VERB")],
            "relations": [{"id": 273, "from_id": 1662, "to_id": 1663, "type": "SAYS"}], **extra}


def _read(tmp_path: Path, *objs: dict[str, Any], fmt: str | None = None) -> list[Any]:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs),
                    encoding="utf-8")
    return read_file(path, fmt=fmt)


def test_import_reads_doccano_utf16_offsets(tmp_path: Path) -> None:
    lm = labels.activate()
    (rec,) = _read(tmp_path, _line())
    assert rec.id is None and rec.meta == {"batch": "b7", "doccano_id": 6400}
    (ann,) = rec.annotations
    assert [(s["role"], s["text"]) for s in ann["spans"]] == [
        ("source", "Mayor Öz"), ("content", "taxes fall")]
    assert lm.unmapped == {"span label 'VERB'": 1}


def test_import_sequence_labels_and_codepoint_unit(tmp_path: Path) -> None:
    labels.activate()
    start = TEXT2.index("taxes fall")
    line = {"text": TEXT2, "label": [[start, start + 10, "CLAIM"], "positive"],
            "offset_unit": "codepoints"}
    (rec,) = _read(tmp_path, line, fmt="doccano")
    assert rec.annotations[0]["spans"][0]["text"] == "taxes fall"
    assert labels.current().unmapped == {"document label 'positive'": 1}


@pytest.mark.parametrize("change, message", [
    ({"relations": [{"id": 1, "from_id": 1662, "to_id": 99, "type": "SAYS"}]},
     "relation 1 points at entity 99, which is not on this line"),
    ({"entities": [{"id": 1, "label": "QUOTE", "start_offset": 1, "end_offset": 5}],
      "relations": []}, "UTF-16 offset 1 falls inside a character"),
    ({"entities": [{"id": 1, "label": "QUOTE", "start_offset": 4, "end_offset": 400}],
      "relations": []}, "UTF-16 offset 400 lies outside the text (38 UTF-16 units)"),
    ({"offset_unit": "bytes"}, "unknown offset_unit 'bytes'"),
])
def test_bad_lines_fail_the_file_with_its_line(tmp_path: Path, change: dict[str, Any],
                                               message: str) -> None:
    with pytest.raises(InputError) as e:
        _read(tmp_path, _line(), _line(**change))
    assert "in.jsonl:2:" in e.value.message and message in e.value.message
