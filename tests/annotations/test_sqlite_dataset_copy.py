"""The dataset export copies rows through the store's own connection (the file attached): the
rows keep their order, filters hold, and the store's connection is left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotations.errors import SpanMismatchError
from annotations.formats import sqlite_rows
from annotations.formats.registry import ImportRecord
from annotations.formats.sqlite import export_sqlite
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store
from tests.helpers.cli import run_cli
from tests.helpers.mounts import read_only

try:
    from .corpus_fixtures import build_corpus
except ImportError:
    from corpus_fixtures import build_corpus


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _expected(store: Store, annotators: frozenset[str] = frozenset()) -> tuple[list[str], list[tuple[object, ...]]]:
    """Annotation ids and span rows as the dataset should hold them: documents in library
    order, each one's annotations in reading order, each one's spans in their order."""
    ids: list[str] = []
    spans: list[tuple[object, ...]] = []
    for doc in store.iter_documents():
        for a in store.annotation_records(doc.id):
            if annotators and a["annotator"] not in annotators:
                continue
            ids.append(a["id"])
            spans += [(a["id"], doc.id, s["role"], s["start"], s["end"], s["text"]) for s in a["spans"]]
    return ids, spans


@pytest.mark.parametrize("chunk", [1, 3, 100])
def test_rows_keep_their_order_whatever_the_insert_chunk(tmp_path: Path, chunk: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_rows, "CHUNK", chunk)
    with Store(tmp_path / "src.db", annotator="me") as store:
        build_corpus(store)
        # last in the library, first by id: library order is not the ids' order
        text = "A last document, whose id sorts first."
        store_records(store, [ImportRecord(text=text, source="t", id="0-last")])
        for start in (16, 2):
            store.add_annotation(Annotation(kind="claim", doc_id="0-last",
                                            spans=[Span("claim", start, start + 8, text[start:start + 8])]))
        ids, spans = _expected(store)
        assert export_sqlite(store, str(tmp_path / "out.db")) == 4
    out = tmp_path / "out.db"
    assert [r[0] for r in _rows(out, "SELECT id FROM annotations ORDER BY rowid")] == ids
    assert _rows(out, 'SELECT annotation_id, document_id, role, start, "end", text FROM spans'
                      " ORDER BY rowid") == spans
    assert len(spans) == 17 and spans[-1][1] == "0-last" and spans[-1][3] == 16


def test_only_the_chosen_annotators_rows(tmp_path: Path) -> None:
    with Store(tmp_path / "src.db", annotator="me") as store:
        build_corpus(store)
        ids, spans = _expected(store, frozenset({"alice"}))
        assert export_sqlite(store, str(tmp_path / "out.db"), annotators=["alice"]) == 3
    out = tmp_path / "out.db"
    assert _rows(out, "SELECT DISTINCT annotator FROM annotations") == [("alice",)]
    assert [r[0] for r in _rows(out, "SELECT id FROM annotations ORDER BY rowid")] == ids
    assert _rows(out, 'SELECT annotation_id, document_id, role, start, "end", text FROM spans'
                      " ORDER BY rowid") == spans
    assert 0 < len(spans) < 15


def _connection_state(store: Store) -> tuple[object, ...]:
    conn = store.db.conn
    return (conn.execute("PRAGMA foreign_keys").fetchone()[0], conn.in_transaction,
            [r[1] for r in conn.execute("PRAGMA database_list")])


def test_the_store_is_left_as_it_was_after_an_export_and_after_a_refused_one(tmp_path: Path) -> None:
    with Store(tmp_path / "src.db", annotator="me") as store:
        [doc_id, *_] = build_corpus(store)
        before = _connection_state(store)
        assert before == (1, False, ["main"])
        export_sqlite(store, str(tmp_path / "out.db"))
        assert _connection_state(store) == before
        # a span whose text is not the document's there: the export is refused whole
        store.db.conn.execute("UPDATE annotations SET spans = replace(spans, 'erwiderte', 'erwiderTe')")
        store.db.conn.commit()
        with pytest.raises(SpanMismatchError, match="erwiderTe"):
            export_sqlite(store, str(tmp_path / "refused.db"))
        assert not (tmp_path / "refused.db").exists()
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
        assert _connection_state(store) == before
        # and it still writes, with its foreign keys enforced
        text = store.get_document(doc_id).text
        store.add_annotation(Annotation(kind="claim", doc_id=doc_id,
                                        spans=[Span("claim", 0, 10, text[:10])]))
        with pytest.raises(sqlite3.IntegrityError):
            store.db.conn.execute("INSERT INTO annotations (id, doc_id, kind, origin, annotator,"
                                  " start, \"end\", spans, created_at, updated_at) VALUES"
                                  " ('x', 'no such document', 'claim', 'manual', 'me', 0, 1, '[]',"
                                  " '', '')")
        store.db.conn.rollback()


@pytest.mark.parametrize("kind", ["file", "folder", "filesystem"])
def test_a_read_only_database_exports_a_dataset(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "made" / "corpus.db"
    db.parent.mkdir()
    text = "The minister said: We will not back down. Critics disagreed."
    with Store(db, annotator="tester") as store:
        store_records(store, [ImportRecord(text=text, source="t", id="doc1", title="Minister")])
        store.add_annotation(Annotation(kind="claim", doc_id="doc1",
                                        spans=[Span("claim", 19, 41, text[19:41])]))
    with read_only(kind, db, tmp_path) as ro:
        out = tmp_path / "out.db"
        run = run_cli(ro, "export", str(out), "--format", "sqlite")
        assert run.code == 0, run.stderr
    assert _rows(out, "SELECT document_id, role, text FROM spans") == [
        ("doc1", "claim", "We will not back down.")]
    assert _rows(out, "SELECT documents.id, document_id FROM documents JOIN annotations"
                      " ON annotations.document_id = documents.id") == [("doc1", "doc1")]


def test_a_span_flagged_for_review_is_exported_unchecked(tmp_path: Path) -> None:
    with Store(tmp_path / "src.db", annotator="me") as store:
        build_corpus(store)
        # as a text change leaves it: flagged, its words no longer the text's there
        store.db.conn.execute("UPDATE annotations SET needs_review = 1,"
                              " spans = replace(spans, 'The mayor', 'Tha mayor')")
        store.db.conn.commit()
        export_sqlite(store, str(tmp_path / "out.db"))
    assert _rows(tmp_path / "out.db", "SELECT a.needs_review, s.text FROM spans s JOIN annotations a"
                                      " ON a.id = s.annotation_id WHERE s.role = 'source'"
                                      " AND s.document_id = 'plain/1'") == [(1, "Tha mayor")]
