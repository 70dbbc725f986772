"""Installed like a user installs it: a wheel in a fresh venv finds the seed article.

The wheel is built from a copy of what the distribution declares (so the checkout gets no build
litter), installed with --no-deps and --no-index into a venv made without the system's or this
venv's packages, and run from a folder outside the checkout. The dependencies (Textual, spaCy…)
come from this venv's site-packages on PYTHONPATH: a plain folder on the path, whose .pth files
(the editable install's finder among them) are not run, so `tui` can only come from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_NAME = "000_bdcbbe95f443673e.txt"
SEED_TITLE = "Iran will not yield to US pressure, Pezeshkian says"

# Run inside the fresh venv: seed a new database, open the app on it, print what it shows.
OPEN_THE_LIBRARY = """
import asyncio, sys
from pathlib import Path

import tui
from tui.app import make_app
from tui.commands.common import open_store, seed_files
from tui.settings import Settings
from tui.widgets.library_table import LibraryTable

print("tui:", tui.__file__)
print("seeds:", [str(f) for f in seed_files()])
settings = Settings(db=Path("new.db"), model=None, annotator="tester")
open_store(settings, seed=True).close()


async def main():
    app = make_app(settings)
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            tables = app.screen.query(LibraryTable)
            if tables and tables.first().row_count:
                break
        table = app.screen.query_one(LibraryTable)
        for i in range(table.row_count):
            print("row:", table.get_row_at(i)[0])


asyncio.run(main())
"""


def run(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command; fail with its output if it fails."""
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300,
                          **kwargs)  # type: ignore[call-overload]
    assert proc.returncode == 0, f"{args}: {proc.stdout}\n{proc.stderr}"
    return proc


def test_a_wheel_in_a_fresh_venv_opens_the_seed_article(tmp_path: Path) -> None:
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
    assert f"tui/seeds/{SEED_NAME}" in zipfile.ZipFile(wheel).namelist()

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
        "--no-index", wheel)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]  # the dependencies only
    shown = run(python, "-c", OPEN_THE_LIBRARY, cwd=elsewhere, env=env).stdout
    installed = str(venv.resolve())
    assert f"tui: {installed}" in shown  # the wheel's package, not the checkout's
    assert f"seeds: ['{installed}" in shown and SEED_NAME in shown
    assert f"row: {SEED_TITLE}" in shown

    listed = run(venv / "bin" / "redline", "--db", "new.db", "list", cwd=elsewhere, env=env)
    assert SEED_TITLE in listed.stdout


def test_this_install_finds_the_seed_as_package_data() -> None:
    from tui.commands.common import seed_files

    [seed] = seed_files()
    assert seed.name == SEED_NAME and seed.read_text(encoding="utf-8").startswith(SEED_TITLE)


def test_an_install_without_the_seed_package_starts_empty(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.commands import common
    from tui.settings import Settings

    monkeypatch.setattr(common, "SEEDS_PACKAGE", "tui.no_such_seeds")
    store = common.open_store(Settings(db=tmp_path / "new.db", model=None, annotator="t"), seed=True)
    assert store.document_count() == 0  # the library then says how to import
    store.close()
