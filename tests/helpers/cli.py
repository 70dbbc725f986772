"""Running the real `redline` command: in-process through click, or as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from tui.cli import main

# the console script of the venv running the tests (so a subprocess runs this checkout)
REDLINE = str(Path(sys.executable).with_name("redline"))


@dataclass
class Run:
    """What one redline invocation did."""

    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        """The `redline: error: …` lines on stderr."""
        return [line for line in self.stderr.splitlines() if line.startswith("redline: error:")]

    @property
    def has_traceback(self) -> bool:
        """Whether Python printed a traceback anywhere."""
        return "Traceback" in self.stdout or "Traceback" in self.stderr


def one_error_line(run: Run) -> str:
    """Assert the user-mistake shape (exit 2, no traceback, exactly one `redline: error:` line);
    that line, for the caller to check what it names and says."""
    assert run.code == 2, (run.code, run.stdout, run.stderr)
    assert not run.has_traceback, run.stderr
    assert len(run.errors) == 1, run.stderr
    return run.errors[0]


def run_cli(db: Path | None, *args: str, annotator: str = "tester", stdin: str | None = None,
            env: dict[str, str] | None = None) -> Run:
    """`redline --db DB --annotator NAME ARGS…` through click, in this process (no `--db` when
    `db` is None: the database then comes from $REDLINE_DB, which `env` may set)."""
    where = [] if db is None else ["--db", str(db)]
    result = CliRunner().invoke(main, [*where, "--annotator", annotator, *args], input=stdin,
                                env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # an escaped exception is a traceback the user would have seen
        import traceback

        trace = "".join(traceback.format_exception(result.exception))
        return Run(result.exit_code, result.stdout, result.stderr + "\nTraceback:\n" + trace)
    return Run(result.exit_code, result.stdout, result.stderr)


def run_process(db: Path, *args: str, annotator: str = "tester", timeout: float = 120,
                env: dict[str, str] | None = None) -> Run:
    """`redline --db DB ARGS…` as a separate process, as a user would run it."""
    proc = subprocess.run([REDLINE, "--db", str(db), "--annotator", annotator, *args],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})
    return Run(proc.returncode, proc.stdout, proc.stderr)
