"""Installed like a user installs it: a wheel in a fresh venv finds the seed article.

The wheel is installed into a venv of its own and run from a folder outside the checkout, with
the dependencies from this venv (helpers/wheel.py says how), so `tui` can only come from the wheel.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from helpers.wheel import build_wheel, dependencies_env, fresh_venv, run

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


def test_a_wheel_in_a_fresh_venv_opens_the_seed_article(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    assert f"tui/seeds/{SEED_NAME}" in zipfile.ZipFile(wheel).namelist()
    venv = fresh_venv(tmp_path, wheel)
    python = venv / "bin" / "python"

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dependencies_env()
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
