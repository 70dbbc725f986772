"""Fixtures for the terminal-app tests: a seeded database with its analysis cached.

Every app test starts from a database whose analysis cache holds `data/seed_analysis.json`, a
record `analyze_texts(load_pipeline())` made of the seed: the screens are tested against a
fixed analysis, so the suggestion rules can improve without moving these tests (a test checks
the record still has the live record's shape). spaCy is loaded once per session (`pipeline`),
for that check and the cache-miss test.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.tmux import Tmux, Window
from pilot_helpers import SEED, SEED_ANALYSIS, freeze_times

from annotations.analysis import extractor_version
from annotations.importer import read_file, to_document
from annotations.ingest import store_records
from annotations.nlp.analyze import analyze_texts
from annotations.nlp.pipeline import Pipeline, load_pipeline
from annotations.store import Store


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default spaCy pipeline, loaded once for the whole session."""
    return load_pipeline(None)


@pytest.fixture(scope="session")
def seed_record(pipeline: Pipeline) -> dict[str, Any]:
    """The seed article's analysis record (entities, quotes, attribution suggestions)."""
    doc = to_document(read_file(SEED)[0])
    return next(iter(analyze_texts(pipeline, [(doc.id, doc.text)])))


@pytest.fixture(scope="session")
def frozen_record() -> dict[str, Any]:
    """The seed's analysis as recorded in tests/tui/data (what the screens are tested on)."""
    return dict(json.loads(SEED_ANALYSIS.read_text(encoding="utf-8")))


@pytest.fixture
def db(tmp_path: Path, frozen_record: dict[str, Any]) -> Iterator[tuple[Store, str]]:
    """A database with the seed imported and its analysis cached; (store, doc_id)."""
    store = Store(tmp_path / "redline.db", annotator="tester")
    doc_id = store_records(store, read_file(SEED)).added[0]
    store.save_analysis(copy.deepcopy(frozen_record), extractor_version=extractor_version())
    freeze_times(store)
    yield store, doc_id
    store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tmux]:
    """One private tmux server for the module (the tmux tests)."""
    tmux = Tmux(tmp_path_factory.mktemp("tmux"))
    yield tmux
    tmux.close()


@pytest.fixture
def shell(server: Tmux, tmp_path: Path) -> Iterator[Window]:
    """A shell window in the test's folder, away from the user's database: its own HOME,
    default database and data folder; removed afterwards."""
    (tmp_path / "home").mkdir()
    window = server.shell("shell", {"HOME": str(tmp_path / "home"),
                                    "REDLINE_DB": str(tmp_path / "default.db"),
                                    "XDG_DATA_HOME": str(tmp_path / "xdg")})
    yield window
    window.close()
