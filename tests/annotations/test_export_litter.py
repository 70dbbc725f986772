"""Exports killed with SIGKILL leave their temporary file or folder behind; the next export to
that place removes those of dead processes, and never one a live export is still writing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli import run_cli

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.store import Store

KILLED_EXPORT = """
import os, signal, sys
from annotations.formats.output import open_output
with open_output(sys.argv[1]) as f:
    f.write("half an export")
    f.flush()
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    with Store(path) as store:
        store_records(store, [ImportRecord(text="One article.", source="t", id="doc1")])
    return path


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_killed_export_leaves_a_file_the_next_export_removes(tmp_path: Path, db: Path) -> None:
    out = tmp_path / "out" / "corpus.jsonl"
    out.parent.mkdir()
    proc = subprocess.run([sys.executable, "-c", KILLED_EXPORT, str(out)], capture_output=True,
                          text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    litter = hidden(out.parent)
    assert len(litter) == 1 and litter[0].startswith(".corpus.jsonl."), litter
    run = run_cli(db, "export", str(out))
    assert run.code == 0, run.stderr
    assert hidden(out.parent) == []
    assert out.read_text(encoding="utf-8").startswith('{"id": "doc1"')


def test_only_the_dead_exports_files_to_that_place_are_removed(tmp_path: Path, db: Path) -> None:
    out = tmp_path / "corpus.jsonl"
    dead, live = dead_pid(), os.getpid()
    names = {
        "stale": f".corpus.jsonl.{dead}.a1b2c3d4.tmp",
        "live": f".corpus.jsonl.{live}.e5f6g7h8.tmp",  # an export still running
        "other target": f".notes.jsonl.{dead}.a1b2c3d4.tmp",
        "not ours": ".corpus.jsonl.backup",
    }
    for name in names.values():
        (tmp_path / name).write_text("x", encoding="utf-8")
        (tmp_path / name).chmod(0o600)
    run = run_cli(db, "export", str(out))
    assert run.code == 0, run.stderr
    assert hidden(tmp_path) == sorted(n for k, n in names.items() if k != "stale")


def test_a_killed_brat_export_folder_is_removed(tmp_path: Path, db: Path) -> None:
    out = tmp_path / "brat"
    first = run_cli(db, "export", str(out), "--format", "brat")
    assert first.code == 0, first.stderr
    dead = dead_pid()
    stale = tmp_path / f".brat.{dead}.x1y2z3.tmp"  # killed while writing the new folder
    (stale / "sub").mkdir(parents=True)
    (stale / "doc1.txt").write_text("half", encoding="utf-8")
    swapped = tmp_path / f".brat.{dead}.q1w2e3.old"  # killed after swapping, before removing
    (swapped / "brat").mkdir(parents=True)
    live = tmp_path / f".brat.{os.getpid()}.r4t5y6.tmp"
    live.mkdir()
    run = run_cli(db, "export", str(out), "--format", "brat")
    assert run.code == 0, run.stderr
    assert hidden(tmp_path) == [live.name]
    assert (out / "doc1.ann").is_file()


def test_the_previous_export_of_a_swap_cut_short_is_kept(tmp_path: Path, db: Path) -> None:
    # killed between the two renames: the target is gone and the .old folder holds the only
    # complete export there is, so it stays
    swapped = tmp_path / f".brat.{dead_pid()}.q1w2e3.old"
    (swapped / "brat").mkdir(parents=True)
    run = run_cli(db, "export", str(tmp_path / "brat"), "--format", "brat")
    assert run.code == 0, run.stderr
    assert hidden(tmp_path) == [swapped.name]


def test_a_killed_dataset_export_is_removed(tmp_path: Path, db: Path) -> None:
    out = tmp_path / "data.db"
    stale = tmp_path / f".data.db.{dead_pid()}.k1l2m3n4.tmp"
    stale.write_bytes(b"half a database")
    run = run_cli(db, "export", str(out), "--format", "sqlite")
    assert run.code == 0, run.stderr
    assert hidden(tmp_path) == []
    assert out.read_bytes().startswith(b"SQLite format 3")
