"""Installing redline as a user does: its wheel in a fresh venv, the dependencies from this one.

The wheel is built from a copy of what the distribution declares (so the checkout gets no build
litter) and installed with --no-deps and --no-index into a venv made without pip. The dependencies
(Textual, spaCy, the model…) come from this venv's site-packages on PYTHONPATH: a plain folder on
the path, whose .pth files (the editable install's finder among them) are not run, so `annotations`
and `tui` can only come from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command; fail with its output if it fails."""
    proc: subprocess.CompletedProcess[str] = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=300,
        **kwargs)  # type: ignore[call-overload]
    assert proc.returncode == 0, f"{args}: {proc.stdout}\n{proc.stderr}"
    return proc


def build_wheel(tmp_path: Path) -> Path:
    """redline's wheel, built in `tmp_path` from a copy of the distribution's files."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for package in ("annotations", "tui", "seeds"):
        shutil.copytree(ROOT / package, src / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "-q", "-w", wheels, src)
    [wheel] = wheels.glob("redline-*.whl")
    return wheel


def fresh_venv(tmp_path: Path, wheel: Path) -> Path:
    """A new venv at tmp_path/venv (no pip, no packages) with only `wheel` installed; its folder."""
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q",
        "--no-deps", "--no-index", wheel)
    return venv


def dependencies_env() -> dict[str, str]:
    """This process's environment, but out of this venv and with its site-packages as a plain
    folder on PYTHONPATH (the dependencies only)."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    return env
