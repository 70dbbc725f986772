"""The library's rows come from one indexed query: the suggestion counts and errors of the cached
analyses are columns kept by triggers, equal to what decoding each record gives."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from annotations.models import Document
from annotations.store import Store, suggestion_keys
from annotations.store.core import LIBRARY_SQL
from annotations.store.schema import MIGRATIONS, SCHEMA_VERSION


def _record(doc: Document, attributions: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": doc.id, "text_sha256": doc.text_sha256, "model": "m", "entities": [],
            "quotes": [], "attributions": attributions, **extra}


RECORDS: list[tuple[list[dict[str, Any]], dict[str, Any]]] = [
    ([{"key": "a:1-2"}, {"key": "a:3-4"}, {"key": "a:5-6"}], {}),
    ([{"key": "a:1-2"}, {"key": "a:1-2"}], {}),  # one suggestion offered twice
    ([{"id": "a1"}, {"key": "", "id": "a2"}, {"key": "a:9-9"}], {}),  # no key: the id counts
    ([{"id": 7}, {"key": "7"}], {}),  # the same key as text
    ([], {}),
    ([{"key": "a:1-2"}], {"error": "too slow to analyse"}),
]


def _doc(store: Store, n: int) -> Document:
    doc = Document(id=f"d{n}", text=f"Text number {n}.", title=f"Title {n}")
    store.insert_document(doc)
    return doc


@pytest.mark.parametrize(("attributions", "extra"), RECORDS)
def test_counts_equal_what_the_record_offers(tmp_path: Path, attributions: list[dict[str, Any]],
                                             extra: dict[str, Any]) -> None:
    with Store(tmp_path / "c.db", annotator="t") as store:
        doc = _doc(store, 1)
        record = _record(doc, attributions, **extra)
        store.save_analysis(record, extractor_version="1")
        store.reject_suggestion(doc.id, "a:1-2")
        [row] = store.library()
        if extra.get("error"):
            assert row["analysis_error"] == "too slow to analyse" and row["pending"] is None
        else:
            assert row["analysis_error"] is None
            assert row["pending"] == max(0, len(suggestion_keys(record)) - 1)


def test_a_cache_row_written_by_plain_sql_gets_its_counts(tmp_path: Path) -> None:
    """Merge copies analyses with its own INSERT: the triggers count them all the same."""
    with Store(tmp_path / "c.db", annotator="t") as store:
        doc = _doc(store, 1)
        record = _record(doc, [{"key": "a"}, {"key": "b"}])
        with store._write() as db:
            db.conn.execute("INSERT INTO analyses (key, text_sha256, model, extractor_version,"
                            " result, created_at) VALUES ('k', ?, 'm', '1', ?, 'now')",
                            (doc.text_sha256, json.dumps(record)))
        assert store._rows("SELECT suggestions, error FROM analyses") == [
            {"suggestions": 2, "error": None}]
        with store._write() as db:
            db.conn.execute("UPDATE analyses SET result = ?",
                            (json.dumps({**record, "error": "failed"}),))
        assert store._rows("SELECT suggestions, error FROM analyses") == [
            {"suggestions": 2, "error": "failed"}]
        assert store.library()[0]["pending"] is None


def test_the_newest_analysis_counts(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db", annotator="t") as store:
        doc = _doc(store, 1)
        store.save_analysis(_record(doc, [{"key": "a"}]), extractor_version="1")
        with store._write() as db:  # the older one, by time
            db.conn.execute("UPDATE analyses SET created_at = '2000-01-01T00:00:00.000Z'")
        store.save_analysis(_record(doc, [{"key": "a"}, {"key": "b"}, {"key": "c"}]),
                            extractor_version="2")
        assert store.library()[0]["pending"] == 3


def test_an_older_database_gets_the_counts_by_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    before = len(MIGRATIONS) - 1  # the last migration is the one that adds the counts
    for step in MIGRATIONS[:before]:
        step(conn)
    conn.execute("PRAGMA application_id = 1380207694")  # 'RDLN', as schema.APPLICATION_ID
    conn.execute(f"PRAGMA user_version = {before}")
    conn.execute("INSERT INTO documents (id, title, text, text_sha256, created_at, updated_at)"
                 " VALUES ('d1', 'Old', 'An old article.', 'sha1', '', ''),"
                 " ('d2', 'Failed', 'Another one.', 'sha2', '', ''),"
                 " ('d3', 'Never analysed', 'A third.', 'sha3', '', '')")
    for sha, record in (("sha1", {"attributions": [{"key": "a"}, {"key": "b"}]}),
                        ("sha2", {"attributions": [], "error": "spaCy gave up"})):
        conn.execute("INSERT INTO analyses (key, text_sha256, model, extractor_version, result,"
                     " created_at) VALUES (?, ?, 'm', '1', ?, '')", (sha, sha, json.dumps(record)))
    conn.commit()
    conn.close()
    with Store(path, annotator="t") as store:
        assert store._rows("PRAGMA user_version")[0]["user_version"] == SCHEMA_VERSION
        rows = {r["id"]: (r["pending"], r["analysis_error"]) for r in store.library()}
        assert rows == {"d1": (2, None), "d2": (None, "spaCy gave up"), "d3": (None, None)}
        assert store.integrity_check() == "ok"


def test_the_first_rows_only(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db", annotator="t") as store:
        for n in range(5):
            _doc(store, n)
        assert [r["id"] for r in store.library(limit=2)] == ["d0", "d1"]
        assert len(store.library()) == 5


def test_the_library_reads_indexes_only(tmp_path: Path) -> None:
    """No row of the documents or analyses tables (texts, JSON records) is read: at 10k
    documents that reading was the seconds the library took to show."""
    with Store(tmp_path / "c.db", annotator="t") as store:
        plan = [r["detail"] for r in store._rows("EXPLAIN QUERY PLAN " + LIBRARY_SQL)]
    assert "SCAN d USING COVERING INDEX documents_library" in plan
    searches = [p for p in plan if p.startswith("SEARCH")]
    assert len(searches) == 5
    assert all("USING COVERING INDEX" in p or "annotations_review" in p for p in searches)


def test_a_record_sqlite_cannot_parse_is_still_cached(tmp_path: Path) -> None:
    """json.dumps writes NaN, which SQLite's JSON functions refuse: the count is none, the
    analysis is cached all the same (the trigger must not fail the write)."""
    with Store(tmp_path / "c.db", annotator="t") as store:
        doc = _doc(store, 1)
        record = _record(doc, [{"key": "a", "confidence": float("nan")}])
        store.save_analysis(record, extractor_version="1")
        assert store.cached_analysis(doc.text_sha256, "m", "1") is not None
        assert store.library()[0]["pending"] == 0


def test_search_ids_rank_as_search_does_without_snippets(tmp_path: Path) -> None:
    """The library's filter asks for ids only; the order is `redline search`'s."""
    from annotations.errors import RedlineError

    with Store(tmp_path / "c.db", annotator="t") as store:
        texts = ["The harbour closed.", "Harbour, harbour and harbour again.", "No match here.",
                 "A harbour and a harbour."]
        for n, text in enumerate(texts):
            store.insert_document(Document(id=f"d{n}", text=text, title=f"Title {n}"))
        ids = store.search_ids("harbour")
        assert ids == [r["id"] for r in store.search("harbour")] and len(ids) == 3
        assert store.search_ids("harbour", limit=1) == ids[:1]
        with pytest.raises(RedlineError, match="search query"):
            store.search_ids('"unbalanced')
