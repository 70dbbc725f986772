"""End to end: the real `redline` command in tmux, driven by keys only, then `redline export -`.

tmux runs on a private socket, so the test never touches a user's tmux server; every wait
polls the screen (capture-pane) with a deadline instead of sleeping a fixed time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

SENTENCE = ("He further declared that any nation seeking negotiations with Iran must first abandon "
            "hostile policies.")


def redline_command() -> str:
    """The installed console script (beside this interpreter), else the one on PATH."""
    beside = Path(sys.executable).with_name("redline")
    if beside.exists():
        return str(beside)
    found = shutil.which("redline")
    assert found, "the redline console script is not installed"
    return found


class Tmux:
    """One detached tmux session on a private server socket."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a tmux command against the private server."""
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=check, env=self.env)

    def start(self, command: str) -> None:
        """Start the command in a 120x40 session."""
        self.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", command)

    def screen(self) -> str:
        """The visible text of the pane."""
        return self.run("capture-pane", "-p", "-t", "e2e", check=False).stdout

    def keys(self, *keys: str) -> None:
        """Send keys (tmux key names, or literal text with -l)."""
        for key in keys:
            self.run("send-keys", "-t", "e2e", key)

    def text(self, text: str) -> None:
        """Type literal text."""
        self.run("send-keys", "-t", "e2e", "-l", text)

    def alive(self) -> bool:
        """True while the session (the app) is still running."""
        return self.run("has-session", "-t", "e2e", check=False).returncode == 0

    def wait(self, check: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
        """Poll the screen until check(screen) holds; fail with the screen shown."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; screen:\n{screen}")
            time.sleep(0.1)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    """A private tmux server with a fresh database, HOME and data folder; killed afterwards."""
    assert shutil.which("tmux"), "tmux is needed (.ci/run installs it)"
    env = {**os.environ, "REDLINE_DB": str(tmp_path / "redline.db"),
           "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "TERM": "xterm-256color"}
    (tmp_path / "home").mkdir()
    t = Tmux(f"redline-e2e-{os.getpid()}", env)
    try:
        yield t
    finally:
        t.run("kill-server", check=False)


def test_tag_a_sentence_as_a_claim_with_keys_only_then_export(tmux: Tmux) -> None:
    tmux.start(f"{redline_command()} --annotator e2e")
    tmux.wait(lambda s: "Iran will not yield" in s and "Pending" in s, "the library")
    tmux.keys("Enter")
    tmux.wait(lambda s: "This Thursday" in s, "the article")
    # select the sentence: search its first words, then v ) selects to its end
    tmux.keys("/")
    tmux.wait(lambda s: "search the text" in s, "the search field")
    tmux.text("He further declared")
    tmux.keys("Enter")
    tmux.wait(lambda s: "hit 1 of 1" in s, "the cursor on the hit")
    # Enter leaves the field open (the next Enter goes on); Escape hands the keys back
    tmux.keys("Escape")
    tmux.wait(lambda s: "· 1 hit" not in s and "▊  He further declared" not in s,
              "the search field closed")
    tmux.keys("v", ")", "c")
    tmux.wait(lambda s: "claim: “He further declared" in s, "the claim in the side panel")
    tmux.keys("q")
    tmux.wait(lambda s: "document" in s and "Last edit" in s, "the library again")
    tmux.keys("q")
    deadline = time.monotonic() + 30
    while tmux.alive():
        assert time.monotonic() < deadline, "redline did not quit"
        time.sleep(0.1)

    out = subprocess.run([redline_command(), "export", "-"], capture_output=True, text=True,
                         env=tmux.env, check=True, timeout=60).stdout
    [record] = [json.loads(line) for line in out.splitlines()]
    claims = [a for a in record["annotations"] if a["kind"] == "claim"]
    assert [c["spans"][0]["text"] for c in claims] == [SENTENCE]
    assert claims[0]["annotator"] == "e2e" and claims[0]["attrs"] == {"checkworthy": "yes"}


def test_keys_typed_in_one_write_after_slash_all_reach_the_search_field(tmux: Tmux) -> None:
    """The new-user trial: "/report" sent in one write left the field empty, and letters that
    are keys (e, t, y, d, x) could run as commands before the field had the focus."""
    tmux.start(f"{redline_command()} --annotator e2e")
    tmux.wait(lambda s: "Iran will not yield" in s and "Pending" in s, "the library")
    tmux.text("very long")  # the library filter, in one write
    tmux.wait(lambda s: "very long" in s and "0 of 1 document" in s, "the whole filter")
    tmux.keys("Escape")
    tmux.wait(lambda s: "1 of 1 document" in s, "the filter cleared")
    tmux.keys("Enter")
    tmux.wait(lambda s: "This Thursday" in s, "the article")
    tmux.text("/tehran")
    tmux.wait(lambda s: "2 hits for “tehran”" in s, "every letter in the search field")
    tmux.text("extd")  # would edit, toggle, delete, reject if they reached the article
    screen = tmux.wait(lambda s: "0 hits for “tehranextd”" in s, "the next letters there too")
    assert "0 annotations" in screen
