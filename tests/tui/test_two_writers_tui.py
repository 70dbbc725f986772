"""Two redline processes on one database, through the real terminal app in tmux: no error
reaches the screen, no edit is lost, and `R` (or reopening) shows the other process's edits."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.cli import REDLINE
from helpers.corpus import write_corpus
from helpers.db import integrity
from helpers.tmux import Tmux, Window, app_database, leave_and_quit, shown_count
from pilot_helpers import SEED

from annotations.models import Annotation, Span
from annotations.store import Store


@pytest.fixture(scope="module")
def tmux(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tmux]:
    """One tmux server for the module."""
    server = Tmux(tmp_path_factory.mktemp("tmux2"))
    yield server
    server.close()


def _open(tmux: Tmux, name: str, db: Path, doc_id: str, annotator: str) -> Window:
    win = tmux.start(name, "--db", str(db), "--annotator", annotator, "annotate", doc_id)
    win.wait_for(lambda s: shown_count(s) is not None, what="the document")
    return win


def _wait_count(win: Window, n: int) -> str:
    screen = win.wait_for(lambda s: shown_count(s) == n, what=f"{n} annotations")
    _no_error(screen)
    return screen


def _no_error(screen: str) -> None:
    """A failed write shows as a '… failed: …' notification; none may appear."""
    lowered = screen.lower()
    assert " failed:" not in lowered and "locked" not in lowered, screen
    assert "traceback" not in lowered, screen


def _by_annotator(db: Path, doc_id: str) -> dict[str, int]:
    with Store(db) as store:
        counts: dict[str, int] = {}
        for a in store.annotations(doc_id):
            counts[a.annotator] = counts.get(a.annotator, 0) + 1
        return counts


def test_two_editors_see_each_other_after_reload(tmp_path: Path, tmux: Tmux) -> None:
    """Two apps tag in turns; each sees the other's claims after R, and after reopening."""
    db = tmp_path / "shared.db"
    doc_id = app_database(db, seed_file=SEED)
    ann = _open(tmux, "ann", db, doc_id, "ann")
    bob = _open(tmux, "bob", db, doc_id, "bob")
    total = 0
    for i in range(4):
        # ann tags a few words, never the same ones twice (an identical claim of hers would be
        # refused); bob's screen is stale until he reloads
        ann.send(*["j"] * (2 * i), "v", *["l"] * (i + 1), "c")
        total += 1
        _wait_count(ann, total)
        bob.send("R")
        screen = _wait_count(bob, total)
        assert "reloaded" in screen
        # and the other way round, quickly, while ann's screen is stale
        bob.send(*["j"] * (2 * i + 1), "v", "l", "l", "c")
        total += 1
        _wait_count(bob, total)
        ann.send("R")
        _wait_count(ann, total)
    assert _by_annotator(db, doc_id) == {"ann": 4, "bob": 4}

    # each one's undo takes back their own edit only, even with the other's edits in between
    bob.send("u")
    _wait_count(bob, total - 1)
    assert _by_annotator(db, doc_id) == {"ann": 4, "bob": 3}
    # ann reopens the document (a new process): it shows everything stored, bob's undo included
    ann.close()
    ann = _open(tmux, "ann2", db, doc_id, "ann")
    assert shown_count(ann.screen()) == total - 1
    # both quit cleanly (q, then q in the library): no traceback on either terminal
    leave_and_quit(ann)
    leave_and_quit(bob)
    ann.close()
    bob.close()
    assert integrity(db) == "ok"


def test_editing_while_another_process_imports(tmp_path: Path, tmux: Tmux) -> None:
    """Every claim typed during a large import is shown, stored, and error-free."""
    db = tmp_path / "shared.db"
    doc_id = app_database(db, seed_file=SEED)
    corpus = write_corpus(tmp_path / "corpus", files=30, docs_per_file=40, seed=3)
    editor = _open(tmux, "editor", db, doc_id, "ed")
    importer = subprocess.Popen([REDLINE, "--db", str(db), "import", "--no-analyze",
                                 str(tmp_path / "corpus")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    edits = during_import = 0
    # edit for as long as the import runs (and at least a few times)
    while importer.poll() is None or edits < 3:
        # a selection one token longer each time: never a claim identical to an earlier one
        editor.send("j", "j", "v", *["l"] * (edits + 1), "c")
        edits += 1
        _wait_count(editor, edits)
        during_import += importer.poll() is None  # shown while the importer was still writing
        with Store(db) as store:
            assert len(store.annotations(doc_id)) == edits  # shown, so stored
    assert during_import >= 1
    _, err = importer.communicate(timeout=120)
    assert importer.returncode == 0, err
    assert "locked" not in err.lower()
    assert f"imported {corpus.documents} documents" in err
    editor.send("R")
    _wait_count(editor, edits)
    editor.close()
    with Store(db) as store:
        assert store.document_count() == corpus.documents + 1
        assert len(store.annotations(doc_id)) == edits
    assert integrity(db) == "ok"


def test_a_reimport_under_an_open_document_never_shifts_a_tag(tmp_path: Path,
                                                              tmux: Tmux) -> None:
    """The text changes in another process while the screen shows the old one: a tag made on
    the old text is refused (never stored at offsets that now mean something else), and
    reopening shows the new text with the earlier claim re-anchored."""
    db = tmp_path / "shared.db"
    doc_id = app_database(db, seed_file=SEED)
    editor = _open(tmux, "stale", db, doc_id, "ed")
    editor.send("c")  # the first sentence
    _wait_count(editor, 1)
    with Store(db) as store:
        old = store.get_document(doc_id).text
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({"id": doc_id, "text": "UPDATE: corrected. " + old}) + "\n",
                       encoding="utf-8")
    run = subprocess.run([REDLINE, "--db", str(db), "import", "--no-analyze", "--replace",
                          str(changed)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "1 annotations re-anchored" in run.stderr, run.stderr
    editor.send("j", "j", "c")  # offsets of the old text
    # the notification may cover the status line, so the count is read from the database
    editor.wait_for(lambda s: "add claim failed:" in s, what="the refusal")
    with Store(db) as store:
        text = store.get_document(doc_id).text
        [ann] = store.annotations(doc_id)
        assert text[ann.spans[0].start:ann.spans[0].end] == ann.spans[0].text
        assert ann.spans[0].text.startswith("This Thursday") and not ann.needs_review
    editor.close()
    # reopened, it shows the new text and the claim where its sentence went
    editor = _open(tmux, "fresh", db, doc_id, "ed")
    screen = editor.wait_for(lambda s: "UPDATE: corrected." in s, what="the new text")
    assert shown_count(screen) == 1
    editor.send("c")  # the sentence under the cursor, now "UPDATE: corrected."
    _wait_count(editor, 2)
    editor.close()
    with Store(db) as store:
        text = store.get_document(doc_id).text
        tagged = sorted(a.spans[0].text for a in store.annotations(doc_id))
        for a in store.annotations(doc_id):
            assert text[a.spans[0].start:a.spans[0].end] == a.spans[0].text
    assert "UPDATE: corrected." in tagged
    assert any(t.startswith("This Thursday") for t in tagged)


def test_a_reimport_that_flags_a_tag_shows_in_the_library(tmp_path: Path, tmux: Tmux) -> None:
    """Another process re-imports the article without the tagged sentence: the tag is kept,
    flagged, and the library marks the document for review."""
    db = tmp_path / "shared.db"
    doc_id = app_database(db, seed_file=SEED)
    with Store(db, annotator="ed") as store:
        old = store.get_document(doc_id).text
        first = old.split("\n", 1)[0]
        store.add_annotation(Annotation(kind="claim", doc_id=doc_id,
                                        spans=[Span("claim", 0, len(first), first)]))
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({"id": doc_id, "text": old[len(first):].lstrip("\n")}) + "\n",
                       encoding="utf-8")
    run = subprocess.run([REDLINE, "--db", str(db), "import", "--no-analyze", "--replace",
                          str(changed)],
                         capture_output=True, text=True, timeout=120)
    assert "1 flagged for review" in run.stderr, run.stderr
    library = tmux.start("library", "--db", str(db), "--annotator", "ed")
    library.wait_for(lambda s: "⚠" in s and " document" in s, what="the review mark")
    library.close()
    with Store(db) as store:
        [ann] = store.annotations(doc_id)
        assert ann.needs_review and ann.spans[0].text == first  # kept, not moved anywhere


def test_reload_after_a_reimport_shows_the_new_text_before_any_tag(tmp_path: Path,
                                                                    tmux: Tmux) -> None:
    """`R` after another process changed the text reopens the document: what the editor then
    sees is what a tag is stored on."""
    db = tmp_path / "shared.db"
    doc_id = app_database(db, seed_file=SEED)
    editor = _open(tmux, "reload", db, doc_id, "ed")
    with Store(db) as store:
        old = store.get_document(doc_id).text
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({"id": doc_id, "text": "UPDATE: corrected. " + old}) + "\n",
                       encoding="utf-8")
    run = subprocess.run([REDLINE, "--db", str(db), "import", "--no-analyze", "--replace",
                          str(changed)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    editor.send("R")
    editor.wait_for(lambda s: "UPDATE: corrected." in s, what="the new text after R")
    editor.send("c")  # the sentence under the cursor, which is the one on screen
    _wait_count(editor, 1)
    editor.close()
    with Store(db) as store:
        [ann] = store.annotations(doc_id)
        assert ann.spans[0].text == "UPDATE: corrected."
