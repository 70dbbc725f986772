"""The Datasette-ready dataset export (`--format sqlite`), read with sqlite-utils, and read back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from annotations.store import Store
from tests.helpers.cli import run_cli

try:
    from .corpus_fixtures import build_corpus, corpus_state
except ImportError:
    from corpus_fixtures import build_corpus, corpus_state

SQLITE_UTILS = str(Path(sys.executable).with_name("sqlite-utils"))


def _export(tmp_path: Path) -> tuple[Path, Path, dict[str, object]]:
    src, out = tmp_path / "src.db", tmp_path / "dataset.db"
    with Store(src, annotator="me") as store:
        build_corpus(store)
        state = corpus_state(store)
    run = run_cli(src, "export", str(out), "--format", "sqlite")
    assert run.code == 0, run.stderr
    assert "exported 3 documents" in run.stderr
    return src, out, state


def test_the_dataset_has_tables_views_fts_and_foreign_keys(tmp_path: Path) -> None:
    _, out, _ = _export(tmp_path)
    db = sqlite_utils.Database(out)
    assert {"documents", "annotations", "spans", "entities", "redline_about"} <= set(db.table_names())
    assert {"attributions", "quotes_by_speaker", "claims", "stances"} <= set(db.view_names())
    assert db["documents"].detect_fts() == "documents_fts"
    assert db["spans"].detect_fts() == "spans_fts"
    fks = {(fk.table, fk.column, fk.other_table) for t in ("annotations", "spans", "entities")
           for fk in db[t].foreign_keys}
    assert fks == {("annotations", "document_id", "documents"),
                   ("spans", "annotation_id", "annotations"), ("spans", "document_id", "documents"),
                   ("entities", "document_id", "documents")}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db["annotations"].count == 7 and db["documents"].count == 3
    # every column of the four tables is described
    described = {(r["name"], r["column"]) for r in db["redline_about"].rows}
    for table in ("documents", "annotations", "spans", "entities"):
        for column in db[table].columns_dict:
            assert (table, column) in described, (table, column)


def test_every_span_is_its_documents_text_sliced(tmp_path: Path) -> None:
    _, out, _ = _export(tmp_path)
    db = sqlite_utils.Database(out)
    rows = list(db.query("SELECT s.start, s.\"end\", s.text AS span, d.text FROM spans s"
                         " JOIN documents d ON d.id = s.document_id"))
    assert len(rows) == 15
    assert all(r["text"][r["start"]:r["end"]] == r["span"] for r in rows)
    entities = list(db.query("SELECT e.start, e.\"end\", e.text AS span, d.text FROM entities e"
                             " JOIN documents d ON d.id = e.document_id"))
    assert all(r["text"][r["start"]:r["end"]] == r["span"] for r in entities)


def test_the_readme_queries(tmp_path: Path) -> None:
    """The three example queries the README runs with the sqlite-utils command."""
    _, out, _ = _export(tmp_path)

    def query(sql: str) -> list[dict[str, object]]:
        proc = subprocess.run([SQLITE_UTILS, "query", str(out), sql], capture_output=True,
                              text=True, check=True)
        return list(json.loads(proc.stdout))

    quotes = query("select title, cue, content from attributions where speaker = 'Zoë Ñúñez'")
    assert quotes == [{"title": "Ünïcode 💬", "cue": "erwiderte",
                       "content": "Das ist falsch, … Wir 🚀 bleiben."}]
    claims = query("select title, count(*) as claims from claims group by document_id"
                   " order by claims desc")
    assert claims == [{"title": "Ünïcode 💬", "claims": 2}]
    against = query("select holder, stance from stances where polarity = 'against'")
    assert against == [{"holder": "Ministerin Müller", "stance": "Wir geben nicht nach 💪."}]
    speakers = query("select speaker, quotes from quotes_by_speaker")
    assert {"speaker": "Mayor", "quotes": 1} in speakers
    hits = query("select title from documents_fts where documents_fts match 'budget'")
    assert hits == [{"title": "Plain"}]


def test_export_import_export_keeps_every_annotation(tmp_path: Path) -> None:
    src, out, state = _export(tmp_path)
    dst = tmp_path / "dst.db"
    run = run_cli(dst, "import", str(out), "--no-analyze")
    assert run.code == 0, run.stderr
    with Store(dst) as store:
        assert corpus_state(store) == state
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run_cli(src, "export", str(a)).code == 0
    assert run_cli(dst, "export", str(b)).code == 0
    assert a.read_bytes() == b.read_bytes()


def test_a_foreign_sqlite_file_is_refused_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["things"].insert({"x": 1})
    run = run_cli(tmp_path / "dst.db", "import", str(other))
    assert run.code == 2 and not run.has_traceback
    assert run.errors and "not a redline dataset export" in run.errors[0]


def test_stdout_and_folders_are_refused(tmp_path: Path) -> None:
    src, _, _ = _export(tmp_path)
    assert run_cli(src, "export", "-", "--format", "sqlite").code == 2
    folder = tmp_path / "folder"
    folder.mkdir()
    run = run_cli(src, "export", str(folder), "--format", "sqlite")
    assert run.code == 2 and not run.has_traceback
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
