"""`export --doc` names documents as every other command does (id, id prefix or title), and a
name that matches none is one error line. Before, `--doc nope` and `--doc Ferry` (a title)
both wrote an empty export and said "exported 0 documents", exit 0."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED
from tests.helpers.cli import run_cli


def test_export_doc_takes_a_title_and_refuses_what_matches_nothing(tmp_path: Path) -> None:
    db, out = tmp_path / "r.db", tmp_path / "out.jsonl"
    assert run_cli(db, "import", "--no-analyze", str(SEED)).code == 0
    run = run_cli(db, "export", str(out), "--doc", "nope")
    assert run.code == 2 and len(run.errors) == 1 and not run.has_traceback, run.stderr
    assert "no document matches 'nope'" in run.errors[0]
    assert not out.exists()
    run = run_cli(db, "export", str(out), "--doc", "Pezeshkian")  # the seed's title
    assert run.code == 0 and "exported 1 document to" in run.stderr, run.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
