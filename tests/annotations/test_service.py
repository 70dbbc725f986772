"""The analysis service process (annotations.nlp.service): its line protocol, as the app uses it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from annotations.analysis import analyze_documents, cached
from annotations.models import Document
from annotations.nlp.pieces import PARALLEL_CHARS
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


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int(_stat(int(entry.name))[1]) == pid:
                found.append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def _stat(pid: int) -> list[str]:
    """A process's state and parent, and the rest of /proc/PID/stat after its name."""
    return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()


def _ended(pid: int, wait: float) -> bool:
    """Whether the process is gone (or a zombie) within `wait` seconds."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            if _stat(pid)[0] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


def test_closing_the_service_mid_analysis_ends_its_worker_processes(store: Store) -> None:
    # a long text's pieces are parsed by spaCy's worker processes, forks of the service; the
    # app closes the service with SIGTERM (AnalysisService.close), and they must end with it
    # (they outlived it, each finishing its piece on a core and then blocking forever)
    paragraph = ("“We will not back down,” said Anna Lopez, the mayor of Lyon, on Tuesday. "
                 "Critics at the council disagreed, and the debate went on for weeks.\n")
    text = paragraph * (PARALLEL_CHARS // len(paragraph) + 1)
    store.insert_document(Document(id="long", text=text, title="long"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotations.nlp.service", str(store.path), "--first", "long"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        encoding="utf-8")
    assert proc.stdout is not None
    for line in proc.stdout:  # until a piece's entities: the workers are parsing the rest
        answer = json.loads(line)
        assert "ok" not in answer, answer
        if "from" in answer["record"]:
            break
    workers = _children(proc.pid)
    if len(os.sched_getaffinity(0)) > 1:
        assert workers, "the long text was not parsed on worker processes"
    proc.terminate()
    assert proc.wait(timeout=60) != 0
    assert [pid for pid in workers if not _ended(pid, 30)] == []
