"""The README's key table stays true: every key the app binds (with a description) is in it."""

from __future__ import annotations

import re
from pathlib import Path

from tui.app import RedlineApp
from tui.screens.annotate import AnnotationScreen
from tui.screens.help import key_rows
from tui.screens.library import LibraryScreen

README = Path(__file__).resolve().parents[2] / "README.md"
# How the README writes keys that Textual names differently
ALIASES = {"up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "pgup", "pagedown": "pgdn",
           "escape": "esc"}
# shift+ any of these is listed as a group: shift+←→↑↓, shift+home/end, shift+pageup/pagedown
SHIFT_GROUPED = {"up", "down", "left", "right", "home", "end", "pageup", "pagedown"}
# Textual's own horizontal paging: the article wraps, so there is nothing to page sideways
IGNORED = {"ctrl+pageup", "ctrl+pagedown"}


def _readme_keys() -> str:
    text = README.read_text(encoding="utf-8")
    return re.search(r"<!-- section:keys -->(.*?)<!-- /section:keys -->", text, re.S).group(1)


def test_every_bound_key_is_in_the_readme() -> None:
    table = _readme_keys()
    sections = [*AnnotationScreen.help_sections(), ("library", LibraryScreen),
                ("anywhere", RedlineApp)]
    missing = []
    for keys, description, where in key_rows(sections, dedupe=False):
        for key in keys.split(", "):
            plain = key.split("+")[-1]
            if key in IGNORED or (key.startswith("shift+") and plain in SHIFT_GROUPED):
                continue
            shown = ALIASES.get(key, key)
            if f"`{shown}`" not in table and f"`{key}`" not in table:
                missing.append(f"{key} ({description}, {where})")
    assert not missing, "keys bound but not in the README: " + "; ".join(missing)
