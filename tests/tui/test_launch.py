"""The quick launch path (tui/launch.py) means what click means, or leaves the line to click.

`redline`, `redline annotate [DOC]` and the global options before them open the app without
importing click; any other line (a mistake, `--help`, another command) is click's to read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.commands.app
import tui.commands.opening
from tui import launch
from tui.cli import main as click_main

Call = tuple[Any, str | None, bool]


def _calls(monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    """Record run_app's calls (settings, doc, first_unfinished) instead of opening the app."""
    calls: list[Call] = []

    def run_app(settings: Any, doc: str | None, *, first_unfinished: bool = False) -> None:
        calls.append((settings, doc, first_unfinished))

    monkeypatch.setattr(tui.commands.opening, "run_app", run_app)
    monkeypatch.setattr(tui.commands.app, "run_app", run_app)
    return calls


def _by_click(args: list[str], monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    calls = _calls(monkeypatch)
    click_main(args, standalone_mode=False)
    return calls


def _quickly(args: list[str], monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    calls = _calls(monkeypatch)
    launch.main(args)
    return calls


WORD = st.sampled_from(["a.db", "x y.db", "sm", "Ann", "annotate", "seed", "Iran", "é.db", "0"])
OPTION = st.tuples(st.sampled_from(["--db", "--model", "--annotator"]), WORD, st.booleans())


@st.composite
def launch_lines(draw: st.DrawFn) -> list[str]:
    """Global options (spaced or with =, each once), then nothing, `annotate` or `annotate DOC`."""
    seen: dict[str, tuple[str, bool]] = {}
    for name, value, joined in draw(st.lists(OPTION, max_size=3)):
        seen.setdefault(name, (value, joined))
    args: list[str] = []
    for name, (value, joined) in seen.items():
        args += [f"{name}={value}"] if joined else [name, value]
    return args + draw(st.sampled_from([[], ["annotate"], ["annotate", "seed"],
                                        ["annotate", "Iran talks"]]))


@settings(max_examples=150, deadline=None)
@given(args=launch_lines())
def test_every_launch_line_opens_what_click_would_open(args: list[str]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        assert launch.quick_parse(args) is not None
        assert _quickly(args, mp) == _by_click(args, mp)


@pytest.mark.parametrize("args", [
    ["--help"], ["-h"], ["--version"], ["annotate", "--help"], ["list"], ["import", "x.txt"],
    ["--db"], ["--db="], ["--db", "--model", "m"], ["--db", "a.db", "--db", "b.db"],
    ["--colour", "red"], ["annotate", "a", "b"], ["annotate", "-x"], ["--", "annotate"],
    ["annotate", "seed", "--db", "a.db"],
])
def test_any_other_line_is_left_to_click(args: list[str]) -> None:
    assert launch.quick_parse(args) is None


def test_a_folder_given_as_the_database_is_refused_in_click_s_words(tmp_path: Path) -> None:
    assert launch.quick_parse(["--db", str(tmp_path)]) is None
    run = subprocess.run([sys.executable, "-c", "from tui.launch import main; main()",
                          "--db", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "is a directory" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_mistake_on_the_quick_path_is_the_same_one_line_as_through_click(
        tmp_path: Path) -> None:
    db = str(tmp_path / "launch.db")
    ends = []
    for entry in ("from tui.launch import main; main()", "from tui.cli import main; main()"):
        run = subprocess.run([sys.executable, "-c", entry, "--db", db, "annotate", "no-such"],
                             capture_output=True, text=True, timeout=60)
        ends.append((run.returncode, run.stderr))
    assert ends[0] == ends[1]
    code, stderr = ends[0]
    assert code == 2 and stderr.startswith("redline: error: ") and "no-such" in stderr
    assert len(stderr.splitlines()) == 1


def test_the_quick_path_never_imports_click() -> None:
    code = ("import sys, tui.launch; from tui.commands import opening; "
            "print('click' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert run.stdout.strip() == "False"
