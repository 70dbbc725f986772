"""`redline annotate` draws its first frame without importing what only a key needs later
(issue 16, the launch against a one-line Textual app): the dialogs, the key footer and the
search field are imported when first used, so nobody re-imports them at start by accident."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED
from tests.helpers.cli import run_process

# Runs the real command (`redline --db DB annotate`) headless; at the first frame's trace mark
# ("text-shown", after the refresh that drew the article) it notes the modules imported so far,
# then leaves the app running long enough for the footer (mounted after the first frame) to be
# built, and prints both.
FIRST_FRAME = """
import json, sys
import tui.trace

seen = {}

def mark(event, detail=""):
    if event == "text-shown" and "first_frame" not in seen:
        seen["first_frame"] = sorted(sys.modules)
        from textual._context import active_app
        app = active_app.get()

        def leave():
            seen["later"] = sorted(sys.modules)
            seen["screen"] = type(app.screen).__name__
            app.exit()

        app.set_timer(1.0, leave)

tui.trace.mark = mark  # before the screens import it
from tui.cli import main

try:
    main(["--db", sys.argv[1], "annotate"])
finally:
    print(json.dumps(seen))
"""

LAZY = [
    "tui.screens.dialogs",  # every dialog class: on the first key that opens one
    "tui.screens.annotate_dialogs",  # span label (L, e) and entity (E) dialogs
    "tui.widgets.choice_row",  # the dialogs' pickers
    "tui.widgets.key_footer",  # mounted once the first frame is out
    "tui.widgets.search_bar",  # mounted once the first frame is out, or on /
    "tui.screens.library", "tui.screens.help", "tui.screens.palette",
    "importlib.resources",  # only to seed a new database
    "spacy", "sqlite_utils",
]


def test_the_first_frame_of_a_cached_open_imports_no_dialog_footer_or_search(
        tmp_path: Path) -> None:
    db = tmp_path / "lazy.db"
    seeded = run_process(db, "import", str(SEED))  # analysed now: the open below is cached
    assert seeded.code == 0, seeded.stderr
    env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}
    run = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(db)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "AnnotationScreen"
    first = set(seen["first_frame"])
    assert "tui.screens.annotate" in first  # the frame was the article's
    assert [m for m in LAZY if m in first] == []
    # and they still load when needed: the footer, mounted after the first frame
    assert "tui.widgets.key_footer" in seen["later"]
