"""One document's analysis failure never stops the others and never hides its entities.

A failure is simulated by making a rule function raise for texts that mention "Boom", on a blank
pipeline whose entity ruler stands in for spaCy's NER.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.cli import run_cli
from helpers.failing_rules import ann_lee_pipeline, fail_rules_on_boom

from annotations.analysis import analyze_documents
from annotations.models import Document
from annotations.nlp import analyze as analyze_mod
from annotations.nlp.analyze import analyze_texts
from annotations.nlp.pipeline import Pipeline
from annotations.store import Store

GOOD = "Ann Lee spoke first. “We will build it,” Ann Lee said."
BAD = "Boom. Ann Lee wrote to the council. “It is over,” she said."


def _pipeline() -> Pipeline:
    return ann_lee_pipeline("blank-ruler")


@pytest.fixture
def pipeline() -> Pipeline:
    """A blank pipeline that still finds one entity, "Ann Lee"."""
    return _pipeline()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the quote-linking rules raise on any text with "Boom"; list the texts they saw."""
    return fail_rules_on_boom(monkeypatch)


def test_a_failing_document_gets_an_error_record_and_the_rest_go_on(
        pipeline: Pipeline, calls: list[str]) -> None:
    records = list(analyze_texts(pipeline, [("1", GOOD), ("2", BAD), ("3", GOOD)], batch_size=2))
    assert [r["id"] for r in records] == ["1", "2", "3"]
    failed = records[1]
    assert failed["error"] == "KeyError: 'mr.'"
    # the entities spaCy found survive the rules' failure; no empty suggestion lists pretend
    # the rules found nothing
    assert [(e["text"], e["label"]) for e in failed["entities"]] == [("Ann Lee", "PERSON")]
    assert "quotes" not in failed and "attributions" not in failed
    for good in (records[0], records[2]):
        assert "error" not in good
        assert [q["speaker"] for q in good["quotes"]] == ["Ann Lee"]


def test_a_known_failure_is_cached_and_retried_only_by_new_rules(
        store: Store, pipeline: Pipeline, calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(id="bad", text=BAD)
    store.insert_document(doc)
    (first,) = analyze_documents(store, [doc], pipeline)
    assert first["error"] and len(calls) == 1
    (again,) = analyze_documents(store, [doc], pipeline)
    assert again["error"] == first["error"] and len(calls) == 1  # not retried
    assert again["entities"] == first["entities"]
    monkeypatch.setattr(analyze_mod, "EXTRACTOR_VERSION", analyze_mod.EXTRACTOR_VERSION + ".1")
    (third,) = analyze_documents(store, [doc], pipeline)
    assert len(calls) == 2 and third["error"]  # the rules changed: tried again


def _jsonl(*texts: str) -> str:
    return "".join(json.dumps({"id": f"d{n}", "text": t}) + "\n" for n, t in enumerate(texts, 1))


def test_analyze_command_writes_every_record_and_exits_1_with_a_count(
        tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", lambda name=None: _pipeline())
    run = run_cli(None, "analyze", "-", stdin=_jsonl(GOOD, BAD, GOOD))
    assert not run.has_traceback, run.stderr
    assert run.code == 1
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in records] == ["d1", "d2", "d3"]
    assert records[1]["error"] == "KeyError: 'mr.'" and records[1]["entities"]
    assert "error" not in records[0] and "error" not in records[2]
    lines = run.stderr.strip().splitlines()
    assert lines[-1] == "redline: 1 of 3 documents failed to analyse"
    assert any("d2" in line and "KeyError" in line for line in lines[:-1])


def test_analyze_command_exits_0_when_nothing_fails(
        tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", lambda name=None: _pipeline())
    run = run_cli(None, "analyze", "-", stdin=_jsonl(GOOD, GOOD))
    assert run.code == 0 and "failed" not in run.stderr
    assert len(run.stdout.splitlines()) == 2


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_bad.txt").write_text(BAD, encoding="utf-8")
    return folder


def _analyses(db: Path) -> dict[str, dict[str, Any]]:
    """Each document's cached analysis for the test pipeline, by title."""
    store = Store(db, annotator="t")
    try:
        found = {}
        for row in store.library():
            doc = store.get_document(row["id"])
            hit = store.cached_analysis(doc.text_sha256, "blank-ruler", analyze_mod.EXTRACTOR_VERSION)
            if hit is not None:
                found[doc.title] = hit
        return found
    finally:
        store.close()


def test_import_warns_once_per_failed_document_and_sums_up(
        tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", lambda name=None: _pipeline())
    db = tmp_path / "r.db"
    run = run_cli(db, "import", str(_folder(tmp_path)))
    assert not run.has_traceback, run.stderr
    assert run.code == 0, run.stderr  # every document is stored
    warnings = [line for line in run.stderr.splitlines() if line.startswith("redline: warning:")]
    assert len(warnings) == 1 and "failed to analyse (KeyError: 'mr.')" in warnings[0]
    assert run.stderr.splitlines()[-1].startswith("redline: 1 of 2 documents failed to analyse")
    stored = _analyses(db)
    assert set(stored) == {"a good", "b bad"}
    assert stored["b bad"]["error"] == "KeyError: 'mr.'"
    assert [e["text"] for e in stored["b bad"]["entities"]] == ["Ann Lee"]
    assert "error" not in stored["a good"] and stored["a good"]["attributions"]
    listed = run_cli(db, "list", "--format", "tsv").stdout.splitlines()
    pending = {line.split("\t")[1]: line.split("\t")[4] for line in listed[1:]}
    assert pending == {"a good": "1", "b bad": "failed"}
    rows = [json.loads(line) for line in run_cli(db, "list", "--format", "json").stdout.splitlines()]
    assert {r["title"]: r["analysis_error"] for r in rows} == {"a good": None,
                                                               "b bad": "KeyError: 'mr.'"}


def test_a_later_import_analyses_stored_documents_that_have_no_analysis(
        tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", lambda name=None: _pipeline())
    db, folder = tmp_path / "r.db", _folder(tmp_path)
    assert run_cli(db, "import", "--no-analyze", str(folder)).code == 0
    assert _analyses(db) == {}
    run = run_cli(db, "import", str(folder))
    assert run.code == 0 and "2 already there" in run.stderr
    assert set(_analyses(db)) == {"a good", "b bad"}
    assert len(calls) == 2
    again = run_cli(db, "import", str(folder))  # all analysed (one failed): nothing is redone
    assert again.code == 0 and len(calls) == 2
    assert "redline: 1 of 2 documents failed to analyse" in again.stderr


def test_an_import_whose_analysis_cannot_start_says_the_documents_are_stored(
        tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, folder = tmp_path / "r.db", _folder(tmp_path)
    run = run_cli(db, "--model", "no_such_model_here", "import", str(folder))
    assert run.code == 2 and not run.has_traceback, run.stderr
    assert run.errors == [run.stderr.strip()]  # one line
    assert "2 documents imported, not analysed" in run.errors[0]
    assert "run the same import again to analyse them" in run.errors[0]
    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", lambda name=None: _pipeline())
    again = run_cli(db, "import", str(folder))
    assert again.code == 0 and "2 already there" in again.stderr
    assert set(_analyses(db)) == {"a good", "b bad"}


def test_the_apps_analysis_process_records_a_failure_once(
        store: Store, calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from annotations.nlp.pipeline import model_id_for
    from annotations.nlp.service import Service

    # under the default model's cache key, as the app looks it up
    pipeline = Pipeline(_pipeline().nlp, model_id_for(None), True, None)
    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", lambda name=None: pipeline)
    store.insert_document(Document(id="bad", text=BAD))
    service = Service(str(store.path), None)
    try:
        answers = [service.handle("bad"), service.handle("bad")]
    finally:
        service.store.close()
    assert answers == [{"id": "bad", "ok": True, "warning": ""}] * 2
    assert len(calls) == 1  # the second request found the recorded failure
    doc = store.get_document("bad")
    hit = store.cached_analysis(doc.text_sha256, pipeline.model_id, analyze_mod.EXTRACTOR_VERSION)
    assert hit is not None and hit["error"] == "KeyError: 'mr.'" and hit["entities"]


# -- with the trained pipeline, as the issue reported it ------------------------------------------
MR = 'Mr. Obama said, "It is fine." Mrs. Lee disagreed. "It is not," she said.'


def test_mr_name_through_the_real_analyze_command() -> None:
    import subprocess

    from helpers.cli import REDLINE

    proc = subprocess.run([REDLINE, "analyze", "-"], input=MR, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "error" not in record
    assert [(q["speaker"], q["speaker_resolved"]) for q in record["quotes"] if q["speech"]] == [
        ("Mr. Obama", "Obama"), ("she", "Lee")]


def test_import_of_an_article_with_mr_name_stores_entities_and_suggestions(tmp_path: Path) -> None:
    article = tmp_path / "obama.txt"
    article.write_text(MR, encoding="utf-8")
    db = tmp_path / "r.db"
    run = run_cli(db, "import", str(article))
    assert run.code == 0 and "warning" not in run.stderr and not run.has_traceback, run.stderr
    store = Store(db, annotator="t")
    try:
        (row,) = store.library()
        doc = store.get_document(row["id"])
        analysis = store.latest_analysis(doc.text_sha256)
    finally:
        store.close()
    assert analysis is not None and "error" not in analysis
    assert {e["text"] for e in analysis["entities"]} >= {"Obama"}
    assert row["pending"] == len(analysis["attributions"]) >= 2
