"""What `redline annotate DOC` builds before its first frame, and what it leaves for later."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rich.cells import get_character_cell_size

from tui.cli import COMMAND_MODULES, main
from tui.widgets import article_layout


@pytest.mark.parametrize("module", sorted(set(COMMAND_MODULES.values())))
def test_the_command_table_names_each_module_s_commands(module: str) -> None:
    commands = importlib.import_module(f"tui.commands.{module}").COMMANDS
    assert sorted(c.name or "" for c in commands) == sorted(
        name for name, where in COMMAND_MODULES.items() if where == module)


def test_help_lists_every_command_with_its_help() -> None:
    out = CliRunner().invoke(main, ["--help"]).stdout
    listed = out.split("Commands:")[1]
    for name in COMMAND_MODULES:
        command = main.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None
        summary = command.get_short_help_str(limit=20).rstrip(".").rstrip()
        assert f"  {name} " in listed and summary[:15] in listed


def test_an_unknown_command_is_still_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["no-such-command"])
    assert result.exit_code == 2
    assert "No such command 'no-such-command'" in result.stderr


def test_annotate_imports_neither_the_other_commands_nor_the_library() -> None:
    code = ("import sys; import tui.cli; from tui.cli import main; "
            "main.get_command(None, 'annotate'); import tui.app; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('tui.'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    assert "tui.commands.app" in loaded and "tui.screens.annotate" in loaded
    for module in ("tui.commands.corpus", "tui.commands.analyze", "tui.commands.interchange",
                   "tui.screens.library", "tui.screens.palette"):
        assert module not in loaded


def _one_cell_by_character() -> set[str]:
    return {chr(c) for lo, hi in article_layout.SINGLE_CELL_RANGES for c in range(lo, hi + 1)
            if get_character_cell_size(chr(c)) == 1} | set(map(chr, article_layout.CONTROL_TABLE))


def test_the_single_cell_class_is_what_rich_says_character_by_character() -> None:
    assert _one_cell_by_character() == article_layout._SINGLE_CELLS
    assert article_layout._NOT_SINGLE.search("\u0483") and article_layout._NOT_SINGLE.search("\u2028")
    assert not article_layout._NOT_SINGLE.search("naïve “quoted” — €5")


def test_the_single_cell_class_without_rich_s_width_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich._unicode_data", None)  # an older rich
    for lo, hi in article_layout.SINGLE_CELL_RANGES:
        assert article_layout._not_one_cell(lo, hi) == {
            c for c in range(lo, hi + 1) if get_character_cell_size(chr(c)) != 1}
