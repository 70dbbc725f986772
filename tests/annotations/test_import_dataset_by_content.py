"""A dataset exported under a name without `.db` (`redline export dataset --format sqlite`, as
an editor types it) imports back: the file is known by its SQLite header. Before, the import
said "unknown extension '(none)'; import .txt, .md or .jsonl files", naming no way back."""

from __future__ import annotations

from pathlib import Path

from annotations.store import Store
from tests.helpers.cli import run_cli

try:
    from .corpus_fixtures import build_corpus, corpus_state
except ImportError:
    from corpus_fixtures import build_corpus, corpus_state


def test_a_dataset_named_without_db_imports_back(tmp_path: Path) -> None:
    src, out, dst = tmp_path / "src.db", tmp_path / "dataset", tmp_path / "dst.db"
    with Store(src, annotator="me") as store:
        build_corpus(store)
        state = corpus_state(store)
    assert run_cli(src, "export", str(out), "--format", "sqlite").code == 0
    run = run_cli(dst, "import", str(out), "--no-analyze")
    assert run.code == 0 and not run.has_traceback, run.stderr
    with Store(dst, annotator="me") as store:
        assert corpus_state(store) == state


def test_an_unknown_file_names_every_importable_kind(tmp_path: Path) -> None:
    odd = tmp_path / "notes.weird"
    odd.write_text("just words\n", encoding="utf-8")
    run = run_cli(tmp_path / "dst.db", "import", str(odd))
    assert run.code == 2 and len(run.errors) == 1, run.stderr
    assert "unknown extension '.weird'" in run.errors[0] and ".db dataset" in run.errors[0]
