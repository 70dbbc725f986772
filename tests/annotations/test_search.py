"""Full-text search: the FTS5 indexes, their triggers, the migration, and `redline search`."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from annotations.errors import RedlineError
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store
from annotations.store.schema import _v1
from tests.conftest import SEED
from tests.helpers.cli import run_cli

TEXT = "The harbour board approved the tariff. Critics called the tariff a tax on fishermen."


def _doc(store: Store, text: str, title: str) -> str:
    return store_records(store, [ImportRecord(text=text, source="t", title=title)]).added[0]


def _claim(store: Store, doc_id: str, text: str, word: str) -> Annotation:
    start = text.index(word)
    span = Span("claim", start, start + len(word), word)
    return store.add_annotation(Annotation("claim", [span], {"checkworthy": "yes"}, doc_id=doc_id,
                                           annotator="tester"))


def test_search_finds_text_and_title_best_first(store: Store) -> None:
    once = _doc(store, "A tariff was mentioned once among many other words here.", "Harbour news")
    often = _doc(store, "Tariff, tariff, tariff: the tariff dominated the tariff debate.", "Tariffs")
    rows = store.search("tariff")
    assert [r["id"] for r in rows] == [often, once]
    assert all(r["matched"] == "text" for r in rows)
    assert "[tariff]" in rows[1]["snippet"].lower()
    assert store.search("harbour")[0]["id"] == once  # the title is indexed too
    assert store.search("tariffs")  # stemmed: the plural finds the singular


def test_span_texts_are_indexed_and_kept_current_by_triggers(store: Store) -> None:
    text = "Nothing to see about harbours."
    doc_id = _doc(store, text, "Other")
    ann = _claim(store, doc_id, text, "Nothing to see")

    def indexed() -> list[str]:
        return [r["text"] for r in store._rows("SELECT text FROM span_texts_fts")]

    assert indexed() == ["Nothing to see"]
    # an edit moves the span: the index follows it
    store.update_annotation(replace(ann, spans=[Span("claim", 21, 29, "harbours")]))
    assert indexed() == ["harbours"]
    assert store._rows("SELECT count(*) AS n FROM span_texts_fts WHERE span_texts_fts MATCH"
                       " 'nothing'")[0]["n"] == 0
    store.delete_annotation(ann.id)
    assert indexed() == []
    store.undo(doc_id)  # undo re-inserts the row: the trigger indexes it again
    assert indexed() == ["harbours"]


def test_a_span_match_names_the_annotation(store: Store) -> None:
    # the claim's words are in the text too; the span index finds the annotation's document even
    # when the query is only in the span's text (here: the text itself, so both match)
    doc_id = _doc(store, TEXT, "Board")
    _claim(store, doc_id, TEXT, "a tax on fishermen")
    only_span = store._rows("SELECT count(*) AS n FROM span_texts_fts WHERE span_texts_fts MATCH"
                            " 'fishermen'")[0]["n"]
    assert only_span == 1


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "title:", "a:b:c", "NEAR(", "*"])
def test_a_malformed_query_is_one_clear_error(store: Store, query: str) -> None:
    _doc(store, TEXT, "Board")
    with pytest.raises(RedlineError) as e:
        store.search(query)
    assert "search query" in e.value.one_line()


def test_an_existing_database_gets_the_index_by_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    _v1(conn)
    conn.execute("PRAGMA application_id = 1380207694")  # 'RDLN', as schema.APPLICATION_ID
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO documents (id, title, text, text_sha256, created_at, updated_at)"
                 " VALUES ('d1', 'Old title', 'An old article about lighthouses.', 'x', '', '')")
    conn.execute("INSERT INTO annotations (id, doc_id, kind, origin, annotator, start, \"end\","
                 " spans, created_at, updated_at) VALUES ('a1', 'd1', 'claim', 'manual', 't', 3,"
                 " 6, '[{\"role\": \"claim\", \"start\": 3, \"end\": 6, \"text\": \"old\"}]', '', '')")
    conn.commit()
    conn.close()
    with Store(path, annotator="t") as store:
        assert [r["id"] for r in store.search("lighthouses")] == ["d1"]
        assert store._rows("SELECT text FROM span_texts") == [{"text": "old"}]
        assert store.integrity_check() == "ok"


def test_search_command_finds_the_seed(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run_cli(db, "import", str(SEED)).code == 0
    run = run_cli(db, "search", "sanctions", "--format", "tsv")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "id\ttitle\tmatched\tsnippet"
    assert "Pezeshkian" in lines[1] and "sanctions" in lines[1]
    json_run = run_cli(db, "search", "sanctions", "--format", "json", "--limit", "1")
    assert json_run.stdout.count("\n") == 1 and '"snippet"' in json_run.stdout
    table = run_cli(db, "search", "sanctions", "--format", "table")
    assert "Pezeshkian" in table.stdout and not table.has_traceback


def test_search_command_says_when_nothing_matches_and_refuses_bad_queries(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run_cli(db, "import", str(SEED))
    none = run_cli(db, "search", "zeppelin")
    assert none.code == 0 and "nothing matches" in none.stderr
    bad = run_cli(db, "search", '"unclosed')
    assert bad.code == 2 and len(bad.errors) == 1 and not bad.has_traceback
    missing = run_cli(tmp_path / "nope.db", "search", "x")
    assert missing.code == 2 and not (tmp_path / "nope.db").exists()


def test_an_edit_does_not_reindex_the_text(store: Store) -> None:
    """Every write touches the document's updated_at: only a new title or text may re-index it
    (the whole text re-tokenised on every edit made a write's p95 four times slower)."""
    doc_id = _doc(store, TEXT, "Board")
    [sql] = [r["sql"] for r in store._rows(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'documents_au'")]
    assert "UPDATE OF title, text ON documents" in sql
    _claim(store, doc_id, TEXT, "tariff")  # touches updated_at
    store.replace_text(doc_id, TEXT.replace("tariff", "levy"))
    assert [r["id"] for r in store.search("levy")] == [doc_id]
    assert store.search("fishermen")
    # the old word is gone from the text's index (the claim's span still says it)
    assert [r["matched"] for r in store.search("tariff")] == ["annotation"]
