"""The files beside an import or an eval (a --labels map, a gold file) get the import's rules:
a regular file only, bounded reads, JSON no deeper than the limit, one line for every mistake."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.helpers.cli import run_cli, run_process

DEEP = "[" * 5000 + "]" * 5000


def _hostile(tmp_path: Path, kind: str, name: str) -> Path:
    path = tmp_path / name
    if kind == "deep":
        path.write_text('{"spans": ' + DEEP + "}\n" if name.endswith(".json") else
                        '{"text": "a", "quotes": []}\n' + DEEP + "\n", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "surrogate":
        path.write_text('{"spans": {"\\ud800": null}}\n' if name.endswith(".json") else
                        '{"text": "\\ud800", "quotes": []}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["deep", "fifo", "surrogate"])
def test_a_hostile_label_map_is_one_line(tmp_path: Path, kind: str) -> None:
    labels = _hostile(tmp_path, kind, "labels.json")
    run = run_process(tmp_path / "l.db", "import", "--no-analyze", "--labels", str(labels),
                      str(SEED), timeout=60)
    assert run.code == 2 and len(run.errors) == 1 and not run.has_traceback, run.stderr
    assert str(labels) in run.errors[0]


@pytest.mark.parametrize("kind", ["deep", "fifo", "surrogate"])
def test_a_hostile_gold_file_is_one_line(tmp_path: Path, kind: str) -> None:
    gold = _hostile(tmp_path, kind, "gold.jsonl")
    run = run_cli(None, "eval", str(gold))
    assert run.code == 2 and len(run.errors) == 1 and not run.has_traceback, run.stderr
    assert str(gold) in run.errors[0]
