"""Deleting documents to the trash, restoring them whole, purging; through the store and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.errors import RedlineError
from annotations.store import Store
from tests.helpers.cli import run_cli

try:
    from .corpus_fixtures import build_corpus, corpus_state
except ImportError:
    from corpus_fixtures import build_corpus, corpus_state


def _snapshot(store: Store) -> dict[str, object]:
    """Everything a document holds, by table (journal and decisions included)."""
    out: dict[str, object] = {"state": corpus_state(store)}
    for table in ("documents", "annotations", "decisions", "journal", "span_texts"):
        out[table] = store._rows(f"SELECT * FROM {table} ORDER BY 1, 2")
    return out


def test_delete_then_restore_gives_back_every_annotation(store: Store) -> None:
    ids = build_corpus(store)
    store.reject_suggestion(ids[0], "q:1-5")
    store.undo(ids[1])  # leave a redo entry in the journal too
    before = _snapshot(store)
    titles = store.delete_documents([ids[0], ids[1]])
    assert titles == ["Ünïcode 💬", "Plain"]
    assert store.document_ids() == [ids[2]]
    assert store._rows("SELECT count(*) AS n FROM annotations")[0]["n"] == 0
    assert store._rows("SELECT count(*) AS n FROM journal WHERE doc_id != ?", (ids[2],))[0]["n"] == 0
    assert not store.search("Müller")  # the full-text index forgets it too
    assert sorted(r["doc_id"] for r in store.trash()) == sorted(ids[:2])
    store.restore_documents([ids[1], ids[0]])
    assert _snapshot(store) == before
    assert store.search("Müller")[0]["id"] == ids[0]
    assert store.trash() == [] and store.integrity_check() == "ok"


def test_delete_is_all_or_nothing(store: Store) -> None:
    ids = build_corpus(store)
    with pytest.raises(RedlineError):
        store.delete_documents([ids[0], "no-such-document"])
    assert store.document_ids() == ids and store.trash() == []


def test_restore_refuses_an_id_taken_again(store: Store) -> None:
    ids = build_corpus(store)
    store.delete_documents([ids[1]])
    from annotations.formats.registry import ImportRecord
    from annotations.ingest import store_records

    store_records(store, [ImportRecord(text="Another text entirely.", source="t", id=ids[1])])
    with pytest.raises(RedlineError, match="in the library again"):
        store.restore_documents([ids[1]])
    assert len(store.trash()) == 1


def test_cli_delete_restore_list_deleted_and_purge(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db, annotator="me") as store:
        ids = build_corpus(store)
        before = corpus_state(store)
    # a script must say --yes: without a terminal to ask on, nothing is deleted
    refused = run_cli(db, "delete", "Plain")
    assert refused.code == 2 and "--yes" in refused.errors[0]
    run = run_cli(db, "delete", "Plain", ids[0][:8], "--yes")
    assert run.code == 0, run.stderr
    assert "moved 2 documents to the trash" in run.stderr
    listed = run_cli(db, "list", "--deleted", "--format", "json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(r["doc_id"] for r in rows) == sorted(ids[:2])
    assert {r["title"]: r["annotations"] for r in rows} == {"Ünïcode 💬": 6, "Plain": 1}
    # export and list ignore the trash
    exported = run_cli(db, "export", "-")
    assert [json.loads(x)["id"] for x in exported.stdout.splitlines()] == [ids[2]]
    assert ids[0] not in run_cli(db, "list", "--format", "tsv").stdout
    assert run_cli(db, "restore", "Plain", "Ünïcode").code == 0
    with Store(db) as store:
        assert corpus_state(store) == before
    assert "the trash is empty" in run_cli(db, "list", "--deleted").stderr
    run_cli(db, "delete", ids[2], "--yes")
    purged = run_cli(db, "delete", "--purge", "--yes")
    assert purged.code == 0 and "purged 1 document" in purged.stderr
    assert run_cli(db, "restore", ids[2]).code == 2


def test_cli_mistakes_are_one_line(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db, annotator="me") as store:
        build_corpus(store)
    for args in (("delete",), ("delete", "zzz-nothing", "--yes"), ("restore", "nothing"),
                 ("delete", "--purge", "Plain", "--yes")):
        run = run_cli(db, *args)
        assert run.code == 2 and len(run.errors) == 1 and not run.has_traceback, (args, run.stderr)
