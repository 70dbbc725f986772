"""The analysis service process (annotations.nlp.service): its line protocol, as the app uses it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotations.analysis import analyze_documents, cached
from annotations.nlp.pipeline import load_pipeline
from annotations.store import Store


def _serve(db: Path, *args: str, requests: list[dict[str, object]]) -> list[dict[str, object]]:
    """Run the service, send the requests, close stdin; its answers in order."""
    proc = subprocess.run(
        [sys.executable, "-m", "annotations.nlp.service", str(db), *args],
        input="".join(json.dumps(r) + "\n" for r in requests),
        capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_first_document_is_analysed_and_cached_before_any_request(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    doc = store.get_document(doc_id)
    assert cached(store, doc, None) is None
    answers = _serve(store.path, "--first", doc_id, requests=[])
    assert answers == [{"seq": 0, "id": doc_id, "ok": True, "warning": ""}]
    record = cached(store, doc, None)
    assert record is not None and record["quotes"], "the service stored no analysis"


def test_first_document_already_analysed_is_answered_without_analysing(
        seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    doc = store.get_document(doc_id)
    list(analyze_documents(store, [doc], load_pipeline(None)))
    before = store.db.conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
    # a model name that does not exist: had the service tried to analyse, the answer would
    # be an error; "already analysed" is told from the database alone
    answers = _serve(store.path, "--model", "no_such_model", "--first", doc_id, requests=[])
    assert answers == [{"seq": 0, "id": doc_id, "ok": True, "warning": ""}]
    after = store.db.conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
    assert after == before


def test_requests_are_answered_by_sequence_and_errors_keep_the_service_alive(
        seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    answers = _serve(store.path, requests=[{"id": "missing", "seq": 1}, {"id": doc_id, "seq": 2}])
    assert [a["seq"] for a in answers] == [1, 2]
    assert answers[0]["ok"] is False and "missing" in str(answers[0]["error"])
    assert answers[1] == {"seq": 2, "id": doc_id, "ok": True, "warning": ""}
    assert cached(store, store.get_document(doc_id), None) is not None


def test_no_arguments_prints_usage(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "annotations.nlp.service"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Protocol" in proc.stderr
