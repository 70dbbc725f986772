"""Driving the real terminal app through tmux: start it in a window, type, read the screen,
and SIGKILL it. One tmux server (on its own socket) serves a whole test module.

Every test that lets the app end on its own ends with `quit_cleanly`: it reads the terminal once
the app has exited and fails on a traceback or an error there, on anything printed between the
command and the next shell prompt, and on a terminal mode (alternate screen, mouse reporting,
hidden cursor) the app left behind."""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .cli import REDLINE

PROMPT = "redline-test$ "
"""The prompt of the shell windows (`Tmux.shell`): a line of its own once redline exits."""

MODES = ("alternate_on", "mouse_any_flag", "mouse_all_flag", "mouse_button_flag",
         "mouse_standard_flag", "mouse_sgr_flag", "mouse_utf8_flag", "cursor_flag",
         "keypad_flag", "keypad_cursor_flag", "insert_flag", "origin_flag", "wrap_flag")
"""The pane's terminal modes an app may change: each must be back as it was once redline exits."""


class TmuxError(AssertionError):
    """The screen never showed what a test waited for (the message holds the last screen)."""


class Tmux:
    """A private tmux server; each window runs one redline process."""

    def __init__(self, folder: Path, *, width: int = 120, height: int = 40) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("these tests drive the terminal app through tmux: install tmux")
        self.socket = str(folder / "tmux.sock")
        self.width, self.height = width, height
        # an idle window keeps the server alive between redline runs
        self._tmux("new-session", "-d", "-s", "redline", "-n", "idle",
                   "-x", str(width), "-y", str(height), "sleep", "86400")
        # keep a window whose process died, so its last screen can still be read
        self._tmux("set-option", "-g", "remain-on-exit", "on")

    def _tmux(self, *args: str) -> str:
        proc = subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True, timeout=30)
        if proc.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {proc.stderr.strip()}")
        return proc.stdout

    def start(self, name: str, *args: str, env: dict[str, str] | None = None) -> Window:
        """Run `redline ARGS…` in a new window of the standard size."""
        env_args: list[str] = []
        for key, value in {"TERM": "xterm-256color", "COLORTERM": "truecolor",
                           "PYTHONUNBUFFERED": "1", **(env or {})}.items():
            env_args += ["-e", f"{key}={value}"]
        self._tmux("new-window", "-d", "-t", "redline", "-n", name, *env_args,
                   REDLINE, *args)
        window = Window(self, name)
        self._tmux("resize-window", "-t", window.target, "-x", str(self.width),
                   "-y", str(self.height))
        return window

    def shell(self, name: str, env: dict[str, str] | None = None) -> Window:
        """A window running a plain interactive shell (bash, no start-up files) with a known
        prompt, where `Window.run` types redline commands as a user does."""
        env_args: list[str] = []
        for key, value in {"TERM": "xterm-256color", "COLORTERM": "truecolor",
                           "PYTHONUNBUFFERED": "1", "PS1": PROMPT, **(env or {})}.items():
            env_args += ["-e", f"{key}={value}"]
        self._tmux("new-window", "-d", "-t", "redline", "-n", name, *env_args,
                   "bash", "--norc", "--noprofile", "-i")
        window = Window(self, name)
        self._tmux("resize-window", "-t", window.target, "-x", str(self.width),
                   "-y", str(self.height))
        window.wait_for(lambda s: s.rstrip().endswith(PROMPT.rstrip()), what="the shell prompt")
        window.shell_modes = window.modes()
        return window

    def close(self) -> None:
        """Stop the server (and with it any window still running)."""
        with contextlib.suppress(RuntimeError):  # already gone
            self._tmux("kill-server")


class Window:
    """One window of the server: a running (or finished) redline."""

    def __init__(self, tmux: Tmux, name: str) -> None:
        self.tmux = tmux
        self.name = name
        self.target = f"redline:{name}"
        self.command = ""  # the last command line typed by `run` (shell windows)
        self.shell_modes: dict[str, str] | None = None  # the shell's modes (shell windows)

    def screen(self) -> str:
        """The visible text, one line per row."""
        return self.tmux._tmux("capture-pane", "-p", "-t", self.target)

    def joined_screen(self) -> str:
        """The visible text with wrapped lines joined (a long command line is one line)."""
        return self.tmux._tmux("capture-pane", "-p", "-J", "-t", self.target)

    def modes(self) -> dict[str, str]:
        """The pane's terminal modes (MODES) as tmux reports them."""
        values = self.tmux._tmux("display-message", "-p", "-t", self.target,
                                 " ".join(f"#{{{m}}}" for m in MODES)).split()
        return dict(zip(MODES, values, strict=True))

    def foreground(self) -> str:
        """The name of the process in the foreground of the window (`bash` at the prompt)."""
        return self.tmux._tmux("display-message", "-p", "-t", self.target,
                               "#{pane_current_command}").strip()

    def run(self, *args: str) -> None:
        """Type `redline ARGS…` and Enter at the shell prompt (a `shell` window)."""
        self.command = shlex.join([REDLINE, *args])
        self.tmux._tmux("send-keys", "-t", self.target, "-l", self.command)
        self.tmux._tmux("send-keys", "-t", self.target, "Enter")

    def send(self, *keys: str) -> None:
        """Press keys, in tmux's names ('c', 'Enter', 'C-r', 'Down')."""
        self.tmux._tmux("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        """Type literal text in one write (as a paste or a fast typist's burst arrives)."""
        self.tmux._tmux("send-keys", "-t", self.target, "-l", text)

    def pid(self) -> int:
        """The redline process's id (tmux runs it directly, with no shell in between)."""
        return int(self.tmux._tmux("display-message", "-p", "-t", self.target,
                                   "#{pane_pid}").strip())

    def dead(self) -> bool:
        """Whether the process in the window has exited."""
        return self.tmux._tmux("display-message", "-p", "-t", self.target,
                               "#{pane_dead}").strip() == "1"

    def wait_for(self, check: Callable[[str], object], *, timeout: float = 30.0,
                 what: str = "") -> str:
        """The first screen for which `check` is true (polled); TmuxError after `timeout`."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            if self.dead():
                break
            time.sleep(0.03)
        raise TmuxError(f"the screen never showed {what or check}:\n{screen}")

    def wait_for_text(self, pattern: str, *, timeout: float = 30.0) -> re.Match[str]:
        """The first match of a regular expression on the screen."""
        found: list[re.Match[str]] = []

        def check(screen: str) -> bool:
            """Whether the pattern is on this screen (remembering the match)."""
            m = re.search(pattern, screen)
            if m:
                found.append(m)
            return m is not None

        self.wait_for(check, timeout=timeout, what=repr(pattern))
        return found[-1]

    def kill(self) -> None:
        """SIGKILL the redline process: no cleanup, as in a crash or a dropped SSH session."""
        if not self.dead():
            with contextlib.suppress(ProcessLookupError):  # it exited since the check
                os.kill(self.pid(), signal.SIGKILL)
        deadline = time.monotonic() + 10
        while not self.dead() and time.monotonic() < deadline:
            time.sleep(0.01)

    def close(self) -> None:
        """Remove the window (killing its process first if it still runs); a redline that had
        already exited by itself must have left no traceback on the terminal."""
        if self.dead():
            screen = self.screen()
            assert "Traceback" not in screen, f"redline ended with a traceback:\n{screen}"
        self.kill()
        self.tmux._tmux("kill-window", "-t", self.target)


def _after_command(window: Window, screen: str) -> str | None:
    """What a shell window shows after the command line `run` typed (None if it is not on
    screen: a full-screen app is still drawing over it)."""
    line = PROMPT + window.command
    at = screen.rfind(line)
    return None if at < 0 else screen[at + len(line):]


def quit_cleanly(window: Window, *keys: str, timeout: float = 30.0) -> str:
    """Press `keys` (tmux names), wait until redline has exited, and fail unless the exit was
    clean: no traceback or error on the terminal, nothing printed between the command and the
    shell's next prompt, every terminal mode as the shell had it. Returns the screen."""
    if keys:
        window.send(*keys)
    if window.shell_modes is None:  # redline runs directly in the window: it must end
        deadline = time.monotonic() + timeout
        while not window.dead():
            if time.monotonic() > deadline:
                raise TmuxError(f"redline did not exit:\n{window.screen()}")
            time.sleep(0.03)
        screen = window.screen()
    else:
        def back(screen: str) -> bool:
            """The shell runs in the foreground again and has drawn its prompt."""
            return (window.foreground() == "bash"
                    and screen.rstrip().endswith(PROMPT.rstrip()))

        window.wait_for(back, timeout=timeout, what="the shell prompt after redline")
        screen = window.joined_screen()
    assert "Traceback" not in screen and "Error" not in screen, \
        f"the terminal shows an error after redline exited:\n{screen}"
    if window.shell_modes is not None:
        tail = _after_command(window, screen)
        assert tail is not None and tail.strip() == PROMPT.strip(), \
            f"redline left output between its command and the next prompt:\n{screen}"
        modes = window.modes()
        assert modes == window.shell_modes, (
            f"redline left the terminal modes changed: {window.shell_modes} -> {modes}")
    return screen


def leave_and_quit(window: Window, timeout: float = 30.0) -> str:
    """From the annotation screen: q back to the library, then q there, and check the exit is
    clean (`quit_cleanly`). Returns the last screen."""
    window.send("q")
    window.wait_for(lambda s: "Last edit" in s, timeout=timeout, what="the library")
    return quit_cleanly(window, "q", timeout=timeout)


COUNT = re.compile(r"· (\d+) annotations? ·")


def shown_count(screen: str) -> int | None:
    """The annotation count the status bar shows (None before a document is on screen)."""
    m = COUNT.search(screen)
    return int(m.group(1)) if m else None


def app_database(path: Path, *, seed_file: Path, record: dict[str, Any] | None = None) -> str:
    """A database holding the seed article with an analysis already cached under the default
    model (`record`, else an empty one), so the app opens it without loading spaCy; the
    document's id."""
    from annotations.analysis import extractor_version
    from annotations.importer import read_file
    from annotations.ingest import store_records
    from annotations.nlp.pipeline import model_id_for
    from annotations.store import Store

    with Store(path, annotator="setup") as store:
        doc_id = store_records(store, read_file(seed_file)).added[0]
        if record is None:
            doc = store.get_document(doc_id)
            record = {"id": doc_id, "text_sha256": doc.text_sha256, "model": model_id_for(None),
                      "entities": [], "quotes": [], "attributions": []}
        store.save_analysis({**record, "model": model_id_for(None)},
                            extractor_version=extractor_version())
    return doc_id
