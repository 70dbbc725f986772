"""The real `redline annotate` on a long article never analysed (issue 16): the status line says
the first part is analysed (provisional) before the whole analysis, `y` accepts a provisional
suggestion, the whole analysis replaces the rest, and leaving mid-analysis or after ends without
a traceback. The analysis process loads the installed model, as for an editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.progressive import long_text
from helpers.tmux import Tmux, Window, leave_and_quit

from annotations.analysis import cached
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.store import Store


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tmux]:
    tmux = Tmux(tmp_path_factory.mktemp("progressive"))
    yield tmux
    tmux.close()


@pytest.fixture
def shell(server: Tmux, tmp_path: Path) -> Iterator[Window]:
    (tmp_path / "home").mkdir()
    window = server.shell("progressive", {"HOME": str(tmp_path / "home"),
                                          "REDLINE_DB": str(tmp_path / "default.db"),
                                          "XDG_DATA_HOME": str(tmp_path / "xdg")})
    yield window
    window.close()


def _long_database(db: Path, paragraphs: int) -> str:
    with Store(db, annotator="setup") as store:
        return store_records(store, [ImportRecord(text=long_text(paragraphs), source="t",
                                                  title="Long")]).added[0]


def test_first_part_then_the_whole_analysis_in_the_real_app(shell: Window, tmp_path: Path
                                                            ) -> None:
    db = tmp_path / "long.db"
    doc_id = _long_database(db, paragraphs=60)  # 26,000 characters: two pieces
    shell.run("--db", str(db), "--annotator", "e2e", "annotate", doc_id)
    shell.wait_for(lambda s: "first part analysed" in s or "analysed:" in s, timeout=180,
                   what="the first part's suggestions")
    shell.wait_for(lambda s: "analysed: " in s and "provisional" not in s, timeout=300,
                   what="the whole analysis")
    leave_and_quit(shell)
    with Store(db) as store:
        assert cached(store, store.get_document(doc_id), None) is not None


def test_leaving_while_the_rest_is_analysed_is_clean(shell: Window, tmp_path: Path) -> None:
    db = tmp_path / "long.db"
    doc_id = _long_database(db, paragraphs=400)  # 170,000 characters: the rest takes a while
    shell.run("--db", str(db), "--annotator", "e2e", "annotate", doc_id)
    shell.wait_for(lambda s: "first part analysed" in s, timeout=180,
                   what="the first part's suggestions")
    shell.send("n", "y")  # to the first (provisional) suggestion, and accept it
    shell.wait_for(lambda s: "accepted:" in s, what="the accepted suggestion")
    leave_and_quit(shell)
    with Store(db) as store:
        [ann] = store.annotations(doc_id)
        assert ann.origin == "suggested"
        # the partial analysis was never cached as the whole one
        assert cached(store, store.get_document(doc_id), None) is None
