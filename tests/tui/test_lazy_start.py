"""`redline annotate` draws its first frame without importing what only a key needs later
(issue 16, the launch against a one-line Textual app): the dialogs, the key footer and the
search field are imported when first used, so nobody re-imports them at start by accident."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_only_an_open_that_needs_analysing_starts_the_analysis_process_beside_the_app(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process starting beside the app slows its first frame: a document with its analysis
    stored starts none (the app starts one on a cache miss); one never analysed starts it at
    once, asking for that document first, so spaCy loads while the app draws."""
    import tui.app
    import tui.workers
    from annotations.analysis import extractor_version
    from annotations.models import Document
    from annotations.store import Store
    from tui.commands.opening import run_app
    from tui.settings import Settings

    db = tmp_path / "open.db"
    store = Store(db, annotator="t")
    for doc_id in ("done", "fresh"):
        store.insert_document(Document(id=doc_id, text=f"Text of {doc_id}.", title=doc_id))
    done = store.get_document("done")
    store.save_analysis({"id": "done", "text_sha256": done.text_sha256, "model": "m",
                         "entities": [], "quotes": [], "attributions": []},
                        extractor_version=extractor_version())
    store.close()
    started: list[str | None] = []
    given: list[object] = []

    class Service:
        def __init__(self, db: str, model: str | None, first: str | None = None) -> None:
            started.append(first)

        def close(self) -> None:
            pass

    class App:
        def run(self) -> None:
            pass

    def make_app(settings: Settings, *, doc_id: str | None, analysis: object) -> App:
        given.append(analysis)
        return App()

    monkeypatch.setattr(tui.workers, "AnalysisService", Service)
    monkeypatch.setattr(tui.app, "make_app", make_app)
    settings = Settings(db=db, model=None, annotator="t")
    run_app(settings, "done")
    assert started == [] and given == [None]
    run_app(settings, "fresh")
    assert started == ["fresh"] and isinstance(given[-1], Service)
