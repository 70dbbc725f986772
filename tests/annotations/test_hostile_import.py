"""Hostile imports through the real CLI, each refused as a rule: a reused id, an id twice in a
file, special files, deep or broken JSON, unchecked entities and spans, symbolic links out of a
folder, UTF-16, non-integer ids and offsets. A refused command exits 2 with one line and leaves
the database byte for byte as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from helpers.cli import Run, one_error_line, run_cli, run_process
from helpers.db import integrity, snapshot

from annotations.errors import RedlineError
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store

TEXT_A = "The mayor said the bridge will reopen in May. Critics called it a fantasy."
TEXT_B = "A different article entirely: the council met on Tuesday."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding document "1" (TEXT_A, titled "Bridge") with a claim, closed."""
    path = tmp_path / "corpus.db"
    # not through run_cli: its store, closed only when collected, would checkpoint the WAL
    # in the middle of a test and change the file's bytes
    with Store(path, annotator="tester") as store:
        store_records(store, [ImportRecord(text=TEXT_A, source="t", id="1", title="Bridge")])
        start = TEXT_A.index("the bridge will reopen in May")
        store.add_annotation(Annotation(kind="claim", doc_id="1", spans=[
            Span("claim", start, start + 29, "the bridge will reopen in May")]))
    return path


def _jsonl(path: Path, *lines: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def refused(run: Run, *, where: str, says: str) -> str:
    """Assert exit 2 with exactly one error line naming `where` and saying `says`; the line."""
    line = one_error_line(run)
    assert line.startswith(f"redline: error: {where}"), line
    assert says in line, line
    return line


def import_refused(db: Path, path: Path, *, where: str | None = None, says: str,
                   extra: tuple[str, ...] = ()) -> str:
    """Import `path`: refused, and the database byte for byte unchanged and sound."""
    before = snapshot(db)
    line = refused(run_cli(db, "import", "--no-analyze", *extra, str(path)),
                   where=str(path) if where is None else where, says=says)
    assert snapshot(db) == before
    assert integrity(db) == "ok"
    return line


# -- 1. a reused id -------------------------------------------------------------------------------

def test_a_reused_id_with_another_text_is_refused(tmp_path: Path, db: Path) -> None:
    """Two exports whose ids both start at 1 are different articles: the second is refused."""
    f = _jsonl(tmp_path / "b.jsonl", {"id": "1", "title": "Council", "text": TEXT_B})
    line = import_refused(db, f, where=f"{f}:1:", says="id 1 is already the document 'Bridge'")
    assert "'Council'" in line and "--replace" in line


def test_replace_keeps_the_old_text_and_restore_brings_it_back(tmp_path: Path, db: Path) -> None:
    """--replace replaces the text (the claim flagged, inside the new text); the old text is
    listed, printed and restored by `redline history`, the claim back in place."""
    f = _jsonl(tmp_path / "b.jsonl", {"id": "1", "title": "Council", "text": TEXT_B})
    run = run_cli(db, "import", "--no-analyze", "--replace", str(f))
    assert run.code == 0, run.stderr
    assert "1 text replaced" in run.stderr and "1 flagged for review" in run.stderr
    with Store(db) as store:
        doc = store.get_document("1")
        assert (doc.text, doc.title) == (TEXT_B, "Council")
        (ann,) = store.annotations("1")
        assert ann.needs_review
        assert all(0 <= s.start < s.end <= len(TEXT_B) for s in ann.spans)
    listed = run_cli(db, "history", "1")
    assert listed.code == 0, listed.stderr
    rows = [r.split("\t") for r in listed.stdout.splitlines()[1:]]
    assert [(r[0], r[3], r[4]) for r in rows] == [("1", str(len(TEXT_A)), "Bridge")]
    shown = run_cli(db, "history", "1", "--show", "1")
    assert shown.stdout == TEXT_A + "\n"
    restored = run_cli(db, "history", "1", "--restore", "1")
    assert restored.code == 0, restored.stderr
    with Store(db) as store:
        doc = store.get_document("1")
        assert (doc.text, doc.title) == (TEXT_A, "Bridge")
        (ann,) = store.annotations("1")
        assert not ann.needs_review
        assert [TEXT_A[s.start:s.end] for s in ann.spans] == ["the bridge will reopen in May"]
        # the text the restore replaced is history too: nothing is ever lost
        assert [r["title"] for r in store.text_history("1")] == ["Bridge", "Council"]
    assert integrity(db) == "ok"


def test_history_of_an_unknown_version_is_one_line(db: Path) -> None:
    """Asking for an old text that is not there: one line, exit 2."""
    refused(run_cli(db, "history", "1", "--show", "4"), where="document 1",
            says="has no old text 4")


# -- 2. the same id twice in one file -------------------------------------------------------------

def test_the_same_id_twice_in_one_file(tmp_path: Path, db: Path) -> None:
    """The second line would silently replace the first: the file is refused, naming both."""
    f = _jsonl(tmp_path / "twice.jsonl", {"id": 7, "text": "First article."},
               {"id": "other", "text": "Second article."}, {"id": "7", "text": "Third article."})
    import_refused(db, f, where=f"{f}:3:", says="id '7' is given on lines 1 and 3")


# -- 3. special files -----------------------------------------------------------------------------

def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path, db: Path) -> None:
    """A FIFO called pipe.txt would block the import forever (a real process, with a timeout)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    before = snapshot(db)
    refused(run_process(db, "import", "--no-analyze", str(fifo), timeout=60), where=str(fifo),
            says="is a named pipe (FIFO), not a regular file")
    assert snapshot(db) == before


def test_a_link_to_dev_zero_is_refused_not_read(tmp_path: Path, db: Path) -> None:
    """zero.txt -> /dev/zero would be read until memory ran out."""
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    before = snapshot(db)
    refused(run_process(db, "import", "--no-analyze", str(link), timeout=60), where=str(link),
            says="is a character device, not a regular file")
    assert snapshot(db) == before


def test_a_pipe_inside_a_folder_is_one_error_and_the_rest_imports(tmp_path: Path,
                                                                   db: Path) -> None:
    """The folder's regular files are stored; the pipe is named in the one error line."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A regular article.", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    run = run_process(db, "import", "--no-analyze", str(folder), timeout=60)
    refused(run, where=str(folder / "pipe.txt"), says="named pipe")
    assert "imported 1 document" in run.stderr


# -- 4. deep JSON and lone surrogates -------------------------------------------------------------

@pytest.mark.parametrize("depth", [150, 5_000])
def test_deeply_nested_json(tmp_path: Path, db: Path, depth: int) -> None:
    """5,000 levels overflowed Python's JSON reader (RecursionError); 150 parse but are refused
    by the same rule."""
    f = tmp_path / "deep.jsonl"
    f.write_text('{"text": "One."}\n{"text": "Two.", "meta": {"x": ' + "[" * depth + "]" * depth
                 + "}}\n", encoding="utf-8")
    import_refused(db, f, where=f"{f}:2:", says="nests deeper than 100 levels")


@pytest.mark.parametrize(("field", "says"), [
    ("text", '"text" holds a lone surrogate'),
    ("title", '"title" holds a lone surrogate'),
    ("meta", '"meta.source" holds a lone surrogate'),
    ("id", '"id" holds a lone surrogate'),
    ("annotator", '"annotations[0].annotator" holds a lone surrogate'),
    ("key", 'the key "meta.\\ud800" holds a lone surrogate'),
])
def test_a_lone_surrogate_anywhere_is_refused_by_field(tmp_path: Path, db: Path, field: str,
                                                       says: str) -> None:
    """'\\ud800' is valid JSON but no character: storing or printing it raised
    UnicodeEncodeError. The line is refused, naming the field."""
    text = "Ann said hello."
    obj: dict[str, Any] = {"id": "s1", "title": "T", "text": text, "meta": {"source": "wire"},
                           "annotations": [{"kind": "claim", "annotator": "x", "spans": [
                               {"role": "claim", "start": 0, "end": 3, "text": "Ann"}]}]}
    lone = "\ud800"
    if field == "text":
        obj["text"] = text + lone
    elif field == "meta":
        obj["meta"]["source"] = "wire" + lone
    elif field == "annotator":
        obj["annotations"][0]["annotator"] = lone
    elif field == "key":
        obj["meta"][lone] = "x"
    else:
        obj[field] = "x" + lone
    f = tmp_path / "lone.jsonl"
    f.write_text(json.dumps({"text": "Fine."}) + "\n" + json.dumps(obj) + "\n", encoding="utf-8")
    import_refused(db, f, where=f"{f}:2:", says=says)


def test_analyze_refuses_a_lone_surrogate(tmp_path: Path) -> None:
    """`redline analyze` wrote its record with the surrogate in it and crashed."""
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": "Bad \\ud83d here."}\n',
                 encoding="utf-8")
    refused(run_cli(None, "analyze", str(f)), where=f"{f}:2:",
            says='"text" holds a lone surrogate')


# -- 5. entities and flagged spans ----------------------------------------------------------------

@pytest.mark.parametrize(("entity", "says"), [
    ({"start": 0, "end": 3}, 'entity 1: "label" must be a non-empty string'),
    ({"start": 0, "end": 999, "label": "PERSON"}, "entity 1 (PERSON) [0, 999) lies outside"),
    ({"start": 4, "end": 2, "label": "PERSON"}, "lies outside the text"),
    ({"start": 0, "end": 3.5, "label": "PERSON"}, '"start" and "end" must be integers'),
    ({"start": 0, "end": 3, "label": "PERSON", "text": "Bob"}, "says 'Bob' but the text"),
], ids=["no-label", "out-of-range", "backwards", "float", "wrong-text"])
def test_bad_entities_are_refused(tmp_path: Path, db: Path, entity: dict[str, Any],
                                  says: str) -> None:
    """A label-less or out-of-range entity was stored and crashed the annotation screen."""
    f = _jsonl(tmp_path / "ents.jsonl", {"text": "Fine."},
               {"id": "e1", "text": "Ann said hello.", "entities": [entity]})
    import_refused(db, f, where=f"{f}:2:", says=says)


def test_an_entity_without_text_gets_it_from_its_offsets(tmp_path: Path, db: Path) -> None:
    """`text` may be left out: it is the slice the offsets name, stored as such."""
    f = _jsonl(tmp_path / "ents.jsonl", {"id": "e1", "text": "Ann said hello.",
                                        "entities": [{"start": 0, "end": 3, "label": "PERSON"}]})
    assert run_cli(db, "import", "--no-analyze", str(f)).code == 0
    with Store(db) as store:
        assert store.document_entities("e1") == [
            {"start": 0, "end": 3, "label": "PERSON", "text": "Ann"}]


def test_a_flagged_span_outside_the_text_is_refused(tmp_path: Path, db: Path) -> None:
    """`needs_review: true` skipped the range check: [50, 19000000) on a short text was stored."""
    f = _jsonl(tmp_path / "flagged.jsonl", {"id": "f1", "text": "Ann said hello. " * 5,
                                           "annotations": [{
                                               "kind": "claim", "needs_review": True,
                                               "spans": [{"role": "claim", "start": 50,
                                                          "end": 19_000_000, "text": "x"}]}]})
    import_refused(db, f, where=f"{f}:1:", says="[50, 19000000) lies outside the text (length 80)")


def test_a_flagged_span_inside_the_text_still_imports(tmp_path: Path, db: Path) -> None:
    """A flagged span's words may differ from the text's (that is why it is flagged)."""
    f = _jsonl(tmp_path / "flagged.jsonl", {"id": "f1", "text": "Ann said hello.",
                                           "annotations": [{
                                               "kind": "claim", "needs_review": True,
                                               "spans": [{"role": "claim", "start": 0, "end": 3,
                                                          "text": "Bob"}]}]})
    assert run_cli(db, "import", "--no-analyze", str(f)).code == 0
    with Store(db) as store:
        assert store.annotations("f1")[0].needs_review


# -- 6. symbolic links out of a folder ------------------------------------------------------------

def _folder_with_links(tmp_path: Path) -> Path:
    """in/ with an article, a link to a file outside, a link to another tree, and a link to the
    article inside (which is fine)."""
    outside = tmp_path / "elsewhere"
    (outside / "tree").mkdir(parents=True)
    (outside / "secret.txt").write_text("A file outside the folder.", encoding="utf-8")
    for i in range(3):
        (outside / "tree" / f"{i}.txt").write_text(f"Another tree's article {i}.",
                                                   encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "article.txt").write_text("The one article inside.", encoding="utf-8")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "tree").symlink_to(outside / "tree", target_is_directory=True)
    (folder / "same.txt").symlink_to(folder / "article.txt")
    return folder


def test_a_folder_import_stays_inside_the_folder(tmp_path: Path, db: Path) -> None:
    """Links leading out are skipped and named in one line; the link inside is followed."""
    folder = _folder_with_links(tmp_path)
    run = run_cli(db, "import", "--no-analyze", str(folder))
    assert run.code == 0, run.stderr
    notes = [x for x in run.stderr.splitlines() if x.startswith("redline: skipped")]
    assert len(notes) == 1, run.stderr
    assert "skipped 2 symbolic links leading out of the folder" in notes[0]
    assert "--follow-symlinks" in notes[0]
    # article.txt, and same.txt: the same text, so "already there"
    assert "imported 1 document, 1 already there" in run.stderr
    with Store(db) as store:
        texts = {d.text for d in store.iter_documents()}
    assert "The one article inside." in texts
    assert not any("outside" in t or "Another tree" in t for t in texts)


def test_follow_symlinks_follows_them(tmp_path: Path, db: Path) -> None:
    """Asked for explicitly, the links out are followed."""
    folder = _folder_with_links(tmp_path)
    run = run_cli(db, "import", "--no-analyze", "--follow-symlinks", str(folder))
    assert run.code == 0, run.stderr
    assert "skipped" not in run.stderr
    with Store(db) as store:
        texts = {d.text for d in store.iter_documents()}
    assert "A file outside the folder." in texts
    assert {f"Another tree's article {i}." for i in range(3)} <= texts


def test_a_folder_of_only_links_out_says_so(tmp_path: Path, db: Path) -> None:
    """Nothing left to import: say why, not "holds no .txt files"."""
    (tmp_path / "passwd.txt").write_text("root:x:0:0", encoding="utf-8")
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "passwd.txt").symlink_to(tmp_path / "passwd.txt")
    before = snapshot(db)
    refused(run_cli(db, "import", "--no-analyze", str(folder)), where=str(folder),
            says="holds only symbolic links leading out of it")
    assert snapshot(db) == before


# -- 11. UTF-16, fractional ids and offsets -------------------------------------------------------

@pytest.mark.parametrize("name", ["utf16.txt", "utf16.jsonl"])
def test_utf16_is_named_with_how_to_convert(tmp_path: Path, db: Path, name: str) -> None:
    """It was called a binary file; the line now says what it is and how to convert it."""
    f = tmp_path / name
    f.write_bytes('{"text": "Tout va bien."}\n'.encode("utf-16"))
    line = import_refused(db, f, says="is UTF-16 text")
    assert "iconv -f UTF-16 -t UTF-8" in line


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_named_too(tmp_path: Path, db: Path, codec: str) -> None:
    """No byte-order mark: every other byte is NUL, which was called a binary file."""
    f = tmp_path / "nomark.txt"
    f.write_bytes("Tout va bien, dit le maire.\n".encode(codec))
    name = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}[codec]
    line = import_refused(db, f, says=f"looks like {name} text")
    assert "iconv -f UTF-16" in line


def test_a_fractional_id_is_refused_as_not_an_integer(tmp_path: Path, db: Path) -> None:
    """The message said numbers were fine; only integers and strings are."""
    f = _jsonl(tmp_path / "ids.jsonl", {"id": 1.5, "text": "One and a half."})
    line = import_refused(db, f, where=f"{f}:1:",
                          says='"id" must be a non-empty string or an integer, not a number (1.5)')
    assert "or a number" not in line


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
def test_a_fractional_offset_is_refused_not_truncated(tmp_path: Path, db: Path, fmt: str) -> None:
    """int(0.9) is 0: the span silently moved to the start of the text."""
    text = "Ann said hello."
    line = ({"text": text, "spans": [{"start": 0.9, "end": 3, "label": "CLAIM"}],
             "answer": "accept"} if fmt == "prodigy" else
            {"text": text, "entities": [{"id": 1, "label": "CLAIM", "start_offset": 0.9,
                                         "end_offset": 3}], "relations": []})
    f = _jsonl(tmp_path / f"{fmt}.jsonl", line)
    import_refused(db, f, where=f"{f}:1:", says="0.9 is not an integer")


@pytest.mark.parametrize("name", ["data.db", "pipe.jsonl"])
def test_a_pipe_with_any_importable_name_is_refused(tmp_path: Path, db: Path, name: str) -> None:
    """Every reader gets a regular file or nothing: a SQLite dataset is opened by sqlite3, not
    by the bounded reader, and a pipe named data.db blocked it."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    before = snapshot(db)
    refused(run_process(db, "import", "--no-analyze", str(fifo), timeout=60), where=str(fifo),
            says="is a named pipe (FIFO), not a regular file")
    assert snapshot(db) == before


def test_analyze_refuses_a_pipe(tmp_path: Path, db: Path) -> None:
    """`redline analyze pipe.txt` waited for a writer forever."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    refused(run_process(db, "analyze", str(fifo), timeout=60), where=str(fifo),
            says="is a named pipe (FIFO), not a regular file")


def test_the_store_gate_checks_every_span_whatever_reader_made_it(tmp_path: Path) -> None:
    """A reader that forgot the range check (brat, a SQLite dataset, one still to come) still
    cannot store a flagged span or an entity outside the text: nothing of the file is stored."""
    good = ImportRecord(text="A fine article.", source="x.ann", id="ok")
    span = ImportRecord(text="Ann said hello.", source="x.ann", id="g", annotations=[{
        "kind": "claim", "needs_review": True,
        "spans": [{"role": "claim", "start": 5, "end": 99, "text": "x"}]}])
    entity = ImportRecord(text="Ann said hello.", source="y.jsonl:2", id="h",
                          entities=[{"start": 0, "end": 3, "label": "PERSON", "text": "Bob"}])
    with Store(tmp_path / "g.db") as store:
        with pytest.raises(RedlineError, match=r"^x\.ann: span claim \[5, 99\) lies outside"):
            store_records(store, [good, span])
        with pytest.raises(RedlineError, match=r"^y\.jsonl:2: entity PERSON \[0, 3\) is not"):
            store_records(store, [good, entity])
        assert store.document_count() == 0
