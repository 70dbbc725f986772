"""Redline export: lossless, streamed, byte-identical after export → import → export."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from click.testing import CliRunner

from annotations.errors import SpanMismatchError
from annotations.formats.redline import export_redline
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store
from tui.cli import main

TEXT = ("Ministerin Müller sagte: “Wir geben nicht nach 💪.” 東京 reagierte.\n"
        "“Das ist falsch,” erwiderte Zoë Ñúñez. Critics called it a “disaster”.")


def _span(role: str, needle: str, text: str = TEXT) -> Span:
    start = text.index(needle)
    return Span(role, start, start + len(needle), needle)


def build_corpus(store: Store) -> str:
    """A document with every annotation kind, non-ASCII text and emoji; returns its id."""
    doc_id = store_records(store, [ImportRecord(text=TEXT, source="test", title="Ünïcode 💬",
                                                meta={"lang": "de", "n": 1})]).added[0]
    store.add_annotation(Annotation(kind="claim", doc_id=doc_id, attrs={"checkworthy": "no"},
                                    spans=[_span("claim", "東京 reagierte")]))
    store.add_annotation(Annotation(kind="stance", doc_id=doc_id,
                                    attrs={"polarity": "against", "target_text": "Zugeständnisse"},
                                    spans=[_span("stance", "Wir geben nicht nach 💪."),
                                           _span("holder", "Ministerin Müller")]))
    store.add_annotation(Annotation(kind="attribution", doc_id=doc_id, origin="suggested",
                                    attrs={"type": "direct", "speaker": "Zoë Ñúñez"},
                                    spans=[_span("content", "Das ist falsch,"), _span("cue", "erwiderte"),
                                           _span("source", "Zoë Ñúñez")]))
    store.add_annotation(Annotation(kind="attribution", doc_id=doc_id, attrs={"type": "mixed"},
                                    spans=[_span("content", "disaster"), _span("source", "Critics")]))
    store.set_status(doc_id, "done")
    return doc_id


def _export(db: Path) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), "export", "-"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_import_export_is_byte_identical(tmp_path: Path, store: Store) -> None:
    build_corpus(store)
    first = _export(store.path)
    out = tmp_path / "corpus.jsonl"
    out.write_text(first, encoding="utf-8")
    db2 = tmp_path / "second.db"
    result = CliRunner().invoke(main, ["--db", str(db2), "import", "--no-analyze", str(out)])
    assert result.exit_code == 0, result.output
    second = _export(db2)
    assert second == first
    assert "💪" in first and "Zoë" in first  # written as UTF-8, not \u escapes


def test_export_carries_every_field(store: Store) -> None:
    doc_id = build_corpus(store)
    [line] = list(export_redline(store))
    rec = json.loads(line)
    assert list(rec) == ["id", "title", "text", "text_sha256", "meta", "status", "annotations", "entities"]
    assert rec["id"] == doc_id and rec["status"] == "done" and rec["meta"] == {"lang": "de", "n": 1}
    kinds = sorted(a["kind"] for a in rec["annotations"])
    assert kinds == ["attribution", "attribution", "claim", "stance"]
    for a in rec["annotations"]:
        assert set(a) == {"id", "kind", "attrs", "spans", "origin", "annotator", "created_at", "updated_at"}
        assert a["annotator"] == "tester"
        for s in a["spans"]:
            assert rec["text"][s["start"]:s["end"]] == s["text"]
    starts = [min(s["start"] for s in a["spans"]) for a in rec["annotations"]]
    assert starts == sorted(starts)  # reading order


def test_export_filters_by_status_and_annotator(store: Store) -> None:
    build_corpus(store)
    store_records(store, [ImportRecord(text="Another text.", source="t")])
    assert len(list(export_redline(store, status=["done"]))) == 1
    assert len(list(export_redline(store, status=["new"]))) == 1
    [line, _] = list(export_redline(store, annotators=["nobody"]))
    assert json.loads(line)["annotations"] == []


def test_export_refuses_a_mismatched_span(store: Store) -> None:
    doc_id = build_corpus(store)
    store.db.conn.execute("UPDATE annotations SET spans = replace(spans, '東京 reagierte', 'tampered')"
                          " WHERE kind = 'claim'")
    store.db.conn.commit()
    try:
        list(export_redline(store))
    except SpanMismatchError as e:
        assert doc_id in e.message and "tampered" in e.message
    else:
        raise AssertionError("export wrote a span whose text does not match")


def test_export_to_a_file_leaves_no_temp_file(tmp_path: Path, store: Store) -> None:
    build_corpus(store)
    out = tmp_path / "out" / "c.jsonl"
    result = CliRunner().invoke(main, ["--db", str(store.path), "export", str(out)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.parent.iterdir()] == ["c.jsonl"]
    assert out.read_text(encoding="utf-8") == "".join(export_redline(store))


def test_export_file_gets_ordinary_permissions_and_keeps_a_replaced_files(
        tmp_path: Path, store: Store) -> None:
    build_corpus(store)
    out = tmp_path / "shared.jsonl"
    old_mask = os.umask(0o022)
    try:
        result = CliRunner().invoke(main, ["--db", str(store.path), "export", str(out)])
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(out.stat().st_mode) == 0o644  # teammates can read the dataset
        out.chmod(0o640)
        result = CliRunner().invoke(main, ["--db", str(store.path), "export", str(out)])
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(out.stat().st_mode) == 0o640  # a re-export keeps the owner's choice
    finally:
        os.umask(old_mask)
