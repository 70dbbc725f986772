"""A pipe or a folder given to a command that reads one file gets a hint for that command.

Before, `redline analyze`, `eval` and `labels set` all answered a named pipe with "import
regular .txt, .md or .jsonl files", a hint about another command (the check is shared)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli


@pytest.mark.parametrize("command", [["analyze"], ["eval"], ["labels", "set"]])
def test_a_pipe_or_folder_is_refused_without_talking_of_import(tmp_path: Path,
                                                               command: list[str]) -> None:
    fifo, folder = tmp_path / "in.jsonl", tmp_path / "folder"
    os.mkfifo(fifo)
    folder.mkdir()
    db = tmp_path / "r.db"
    cases = [(fifo, "save what it gives to a regular file")]
    if command == ["analyze"]:  # eval and labels set: click's own usage error for a folder
        cases.append((folder, "name the files in it"))
    for path, hint in cases:
        run = run_cli(db, *command, str(path))
        assert run.code == 2 and len(run.errors) == 1 and not run.has_traceback, run.stderr
        assert str(path) in run.errors[0] and hint in run.errors[0], run.errors[0]
        assert "import" not in run.errors[0]
