"""Two redline processes on one database: no "database is locked" reaches the user, nobody's
edit is lost, and each sees the other's work when it reads again."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import writer
from helpers.cli import REDLINE
from helpers.corpus import write_corpus
from helpers.db import integrity

from annotations.errors import RedlineError
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store

WRITER = str(Path(writer.__file__))
TEXT = ("The council voted on Thursday. The mayor said the budget was balanced. "
        "Critics said it was not. " * 20)


def _doc(db: Path) -> str:
    with Store(db, annotator="setup") as store:
        return store_records(store, [ImportRecord(text=TEXT, source="t", id="shared")]).added[0]


def _start_writer(db: Path, doc_id: str, annotator: str, seed: int, ops: int,
                  out: Path, stop: Path) -> subprocess.Popen[str]:
    """A process editing until `stop` exists (after at least `ops` edits)."""
    return subprocess.Popen([sys.executable, WRITER, str(db), doc_id, annotator, str(seed),
                             str(ops), str(out), str(stop)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for_edits(db: Path, annotator: str, n: int, procs: list[subprocess.Popen[str]]) -> None:
    """Until the annotator has journalled `n` edits (polling, as another reader would)."""
    while True:
        with Store(db) as store:
            if sum(1 for r in store.journal() if r["annotator"] == annotator) >= n:
                return
        for p in procs:
            assert p.poll() is None, p.communicate()[1]
        time.sleep(0.02)


def _finish(proc: subprocess.Popen[str], timeout: float = 180) -> str:
    """Wait for a process; its stderr. It must succeed and never mention a locked database."""
    _, err = proc.communicate(timeout=timeout)
    assert "locked" not in err.lower(), err
    assert "Traceback" not in err, err
    assert proc.returncode == 0, err
    return err


def _mine(db: Path, doc_id: str, annotator: str) -> dict[str, dict[str, Any]]:
    with Store(db) as store:
        return {a.id: a.to_dict() for a in store.annotations(doc_id) if a.annotator == annotator}


def test_two_processes_create_a_new_database_at_once(tmp_path: Path) -> None:
    """Both run the first-time migration race; neither fails, nothing is created twice."""
    for attempt in range(2):
        db = tmp_path / f"new{attempt}.db"
        files = []
        for i in range(4):
            f = tmp_path / f"a{attempt}_{i}.txt"
            f.write_text(f"Article {i} of attempt {attempt}.", encoding="utf-8")
            files.append(f)
        procs = [subprocess.Popen([REDLINE, "--db", str(db), "import", "--no-analyze", str(f)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for f in files]
        for p in procs:
            _finish(p)
        with Store(db) as store:
            assert store.document_count() == 4
        assert integrity(db) == "ok"


def test_one_importing_one_annotating(tmp_path: Path) -> None:
    """An import and an editor at work at once: both finish, with everything stored."""
    db = tmp_path / "shared.db"
    doc_id = _doc(db)
    corpus = write_corpus(tmp_path / "corpus", files=20, docs_per_file=40, seed=7)
    stop = tmp_path / "stop"
    editor = _start_writer(db, doc_id, "ed", seed=1, ops=50, out=tmp_path / "ed.json", stop=stop)
    _wait_for_edits(db, "ed", 5, [editor])  # the editor is at work before the import starts
    importer = subprocess.Popen([REDLINE, "--db", str(db), "--annotator", "importer", "import",
                                 "--no-analyze", str(tmp_path / "corpus")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    err = _finish(importer)
    stop.touch()  # the editor kept editing all through the import; now it may stop
    _finish(editor)
    assert f"imported {corpus.documents} documents" in err
    expected = json.loads((tmp_path / "ed.json").read_text(encoding="utf-8"))
    assert _mine(db, doc_id, "ed") == expected
    with Store(db) as store:
        assert store.document_count() == corpus.documents + 1
        for ids in corpus.files.values():
            for i in ids:
                assert len(store.annotations(i)) == corpus.annotations[i]
    assert integrity(db) == "ok"


def test_two_annotating_the_same_document(tmp_path: Path) -> None:
    """Two editors on one document at once: each one's edits are exactly as they believe."""
    db = tmp_path / "shared.db"
    doc_id = _doc(db)
    # a third party has the document open all along, as a screen would
    with Store(db, annotator="reader") as reader:
        assert reader.annotations(doc_id) == []
        stop = tmp_path / "stop"
        procs = [_start_writer(db, doc_id, name, seed=seed, ops=150,
                               out=tmp_path / f"{name}.json", stop=stop)
                 for name, seed in (("ann", 11), ("bob", 22))]
        # neither stops before both are well into their edits: they overlap
        _wait_for_edits(db, "ann", 20, procs)
        _wait_for_edits(db, "bob", 20, procs)
        stop.touch()
        for p in procs:
            _finish(p)
        # reading again (what reopening or R does) shows both annotators' edits
        seen = {a.id: a.to_dict() for a in reader.annotations(doc_id)}
    for name in ("ann", "bob"):
        expected = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        assert expected, f"{name} ended with nothing: the test would prove little"
        assert _mine(db, doc_id, name) == expected
        assert {k: v for k, v in seen.items() if v["annotator"] == name} == expected
    assert integrity(db) == "ok"


# -- the same annotation from two places: refused, never silently overwritten --------------------

def _claim(store: Store, doc_id: str, needle: str) -> Annotation:
    start = TEXT.index(needle)
    return store.add_annotation(Annotation(kind="claim", doc_id=doc_id,
                                           spans=[Span("claim", start, start + len(needle),
                                                       needle)]))


def test_an_edit_of_a_copy_someone_changed_since_is_refused(tmp_path: Path) -> None:
    """Last writer does not silently win: a stale copy is refused, a fresh one applies."""
    db = tmp_path / "shared.db"
    doc_id = _doc(db)
    with Store(db, annotator="ann") as ann, Store(db, annotator="bob") as bob:
        mine = _claim(ann, doc_id, "The mayor said")
        bobs_copy = bob.get_annotation(mine.id)
        anns_copy = ann.get_annotation(mine.id)
        bobs_copy.attrs["checkworthy"] = "no"
        bob.update_annotation(bobs_copy)
        start = TEXT.index("the budget")
        anns_copy.spans = [Span("claim", start, start + 10, "the budget")]
        with pytest.raises(RedlineError, match="changed elsewhere"):
            ann.update_annotation(anns_copy)
        # bob's change is there; ann, having reloaded, can make hers on top of it
        fresh = ann.get_annotation(mine.id)
        assert fresh.attrs["checkworthy"] == "no"
        fresh.spans = [Span("claim", start, start + 10, "the budget")]
        ann.update_annotation(fresh)
        final = bob.get_annotation(mine.id)
        assert final.attrs["checkworthy"] == "no" and final.spans[0].text == "the budget"


def test_undo_never_throws_away_someone_elses_later_edit(tmp_path: Path) -> None:
    """Undo refuses to revert an annotation another annotator has changed since."""
    db = tmp_path / "shared.db"
    doc_id = _doc(db)
    with Store(db, annotator="ann") as ann, Store(db, annotator="bob") as bob:
        mine = _claim(ann, doc_id, "Critics said")
        changed = bob.get_annotation(mine.id)
        changed.attrs["checkworthy"] = "no"
        bob.update_annotation(changed)
        with pytest.raises(RedlineError, match="cannot undo"):
            ann.undo(doc_id)  # would delete the claim bob just edited
        assert bob.get_annotation(mine.id).attrs["checkworthy"] == "no"
        # bob's own undo is fine, and then ann's is too
        bob.undo(doc_id)
        ann.undo(doc_id)
        assert ann.annotations(doc_id) == []


def _suggested(doc_id: str, needle: str) -> Annotation:
    start = TEXT.index(needle)
    return Annotation(kind="attribution", doc_id=doc_id, origin="suggested",
                      attrs={"type": "direct"},
                      spans=[Span("content", start, start + len(needle), needle)])


def test_a_suggestion_decided_in_one_window_is_not_decided_again_in_another(
        tmp_path: Path) -> None:
    """Two stale windows: the second accept (or a reject after it) is refused, not a duplicate
    annotation or an overwritten decision; the first decision stands."""
    db = tmp_path / "shared.db"
    doc_id = _doc(db)
    with Store(db, annotator="ann") as ann, Store(db, annotator="bob") as bob:
        first = ann.add_annotation(_suggested(doc_id, "the budget was balanced"),
                                   suggestion_key="a:1-2")
        with pytest.raises(RedlineError, match="already accepted elsewhere") as refused:
            bob.add_annotation(_suggested(doc_id, "the budget was balanced"),
                               suggestion_key="a:1-2")
        assert "reload the document (R)" in refused.value.one_line()
        with pytest.raises(RedlineError, match="already accepted elsewhere"):
            bob.reject_suggestion(doc_id, "a:1-2")
        assert [a.id for a in bob.annotations(doc_id)] == [first.id]
        assert bob.decisions(doc_id) == {"a:1-2": "accepted"}

        bob.reject_suggestion(doc_id, "a:3-4")
        with pytest.raises(RedlineError, match="already rejected elsewhere"):
            ann.add_annotation(_suggested(doc_id, "it was not"), suggestion_key="a:3-4")
        with pytest.raises(RedlineError, match="already rejected elsewhere"):
            ann.reject_suggestion(doc_id, "a:3-4")
        assert ann.decisions(doc_id) == {"a:1-2": "accepted", "a:3-4": "rejected"}
        assert len(ann.annotations(doc_id)) == 1
        # each refusal left no journal row, so undo takes back each one's own decision
        assert [r["op"] for r in ann.journal(doc_id)] == ["add", "reject"]
        bob.undo(doc_id)
        ann.add_annotation(_suggested(doc_id, "it was not"), suggestion_key="a:3-4")
        assert ann.decisions(doc_id) == {"a:1-2": "accepted", "a:3-4": "accepted"}
