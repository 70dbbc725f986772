"""Labels and notes end to end: `redline labels set` at a shell prompt, then the real app in
tmux tags a span label with L and writes a note with w, and quits without a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.tmux import Tmux, Window, quit_cleanly, shown_count

from annotations.analysis import extractor_version
from annotations.importer import read_file
from annotations.ingest import store_records
from annotations.nlp.pipeline import model_id_for
from annotations.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEED_FILE = ROOT / "seeds" / "000_bdcbbe95f443673e.txt"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tmux]:
    tmux = Tmux(tmp_path_factory.mktemp("labels"))
    yield tmux
    tmux.close()


@pytest.fixture
def shell(server: Tmux, tmp_path: Path) -> Iterator[Window]:
    (tmp_path / "home").mkdir()
    window = server.shell("labels", {"HOME": str(tmp_path / "home"),
                                     "REDLINE_DB": str(tmp_path / "default.db"),
                                     "XDG_DATA_HOME": str(tmp_path / "xdg")})
    yield window
    window.close()


def _analysed_database(db: Path) -> str:
    """The seed with the TUI tests' recorded analysis cached (no spaCy at start); its id."""
    record = json.loads((ROOT / "tests" / "tui" / "data" / "seed_analysis.json")
                        .read_text(encoding="utf-8"))
    record["model"] = model_id_for(None)
    with Store(db, annotator="setup") as store:
        doc_id = store_records(store, read_file(SEED_FILE)).added[0]
        store.save_analysis(record, extractor_version=extractor_version())
    return doc_id


def test_labels_set_then_L_and_w_in_the_app(shell: Window, tmp_path: Path) -> None:
    db = tmp_path / "labels.db"
    doc_id = _analysed_database(db)
    scheme = tmp_path / "scheme.json"
    scheme.write_text(json.dumps({"span_labels": ["anonymous source", "loaded language"]}),
                      encoding="utf-8")
    shell.run("--db", str(db), "labels", "set", str(scheme))
    shell.wait_for(lambda s: "label scheme set: claim_types 0, span_labels 2" in s,
                   what="the scheme set")
    shell.run("--db", str(db), "--annotator", "e2e", "annotate", doc_id)
    shell.wait_for(lambda s: shown_count(s) == 0, what="the document")
    shell.send("L")  # the word under the cursor: the article's first
    shell.wait_for(lambda s: "Span label" in s and "anonymous source" in s, what="the dialog")
    shell.send("Right", "Enter")
    shell.wait_for(lambda s: "[loaded language] “This”" in s, what="the span label's row")
    shell.send("w")
    shell.wait_for(lambda s: "Note on the label" in s, what="the note prompt")
    shell.type("ask the desk")
    shell.send("Enter")
    shell.wait_for(lambda s: "✎ [loaded language]" in s, what="the note mark")
    quit_cleanly(shell, "q", "q")
    with Store(db) as store:
        [ann] = store.annotations(doc_id)
    assert (ann.kind, ann.attrs, ann.annotator) == (
        "label", {"label": "loaded language", "note": "ask the desk"}, "e2e")
    assert ann.spans[0].text == "This"
