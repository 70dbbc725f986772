"""`redline analyze --processes 2` on a real terminal: the bar shows docs/s and an ETA while
worker processes analyse, and Ctrl-C stops the command (workers included) without a traceback.

The model is a blank English pipeline saved to a folder, so the workers load it by name the
way they load a real one, in a fraction of the time."""

from __future__ import annotations

import json
import shlex
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from helpers.cli import REDLINE
from helpers.tmux import PROMPT, Tmux, Window


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tmux]:
    """One private tmux server for the module."""
    tmux = Tmux(tmp_path_factory.mktemp("archive"))
    yield tmux
    tmux.close()


@pytest.fixture
def shell(server: Tmux, tmp_path: Path) -> Iterator[Window]:
    """A shell window in the test's folder, away from the user's database."""
    (tmp_path / "home").mkdir()
    window = server.shell("archive", {"HOME": str(tmp_path / "home"),
                                      "REDLINE_DB": str(tmp_path / "default.db")})
    yield window
    window.close()


def _model(folder: Path) -> str:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    path = folder / "blank_model"
    nlp.to_disk(path)
    return str(path)


def _children(pid: int) -> list[int]:
    """The process ids of pid's children (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    """Whether the process still runs (a zombie waiting to be reaped does not)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_bar_shows_rate_and_eta_and_ctrl_c_stops_every_process_cleanly(
        shell: Window, tmp_path: Path) -> None:
    text = ("“We will build it,” Ann Lee said on Monday. The council met again. "
            "Officials said prices rose, and “no comment” was all the company said.\n") * 3
    src = tmp_path / "archive.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": f"Dispatch {i}. {text}"}) + "\n"
                           for i in range(20_000)), encoding="utf-8")
    out = tmp_path / "analyzed.jsonl"
    shell.command = (f"{shlex.join([REDLINE, '--model', _model(tmp_path), 'analyze', str(src), '--processes', '2', '--batch-size', '4'])}"
                     f" > {shlex.quote(str(out))}")
    shell.type(shell.command)
    shell.send("Enter")
    bar = shell.wait_for_text(r"analysing.*/20000.*docs/s.*ETA", timeout=120).group(0)
    assert "0:00:" in bar or "-:--:--" in bar  # an elapsed time and an estimate
    pid = next(p for p in _children(int(shell.tmux._tmux(
        "display-message", "-p", "-t", shell.target, "#{pane_pid}").strip())))
    # the workers are forks of a fork server that loaded the model, itself redline's child
    server = [c for c in _children(pid) if "forkserver" in _cmdline(c)]
    workers = [w for c in server for w in _children(c)]
    assert len(workers) == 2  # the command analyses in two worker processes
    helpers = _children(pid)  # the fork server, multiprocessing's resource tracker
    shell.send("C-c")
    screen = shell.wait_for(lambda s: shell.foreground() == "bash"
                            and s.rstrip().endswith(PROMPT.rstrip()), timeout=60,
                            what="the shell prompt after Ctrl-C")
    assert "Traceback" not in shell.joined_screen(), screen
    written = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(written) < 20_000  # stopped midway, every line written whole
    assert [json.loads(line)["id"] for line in written] == [str(i) for i in range(len(written))]
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers + helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers + helpers)  # no process left behind
