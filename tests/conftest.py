"""Fixtures shared by every test: a throwaway database and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.importer import read_file
from annotations.ingest import store_records
from annotations.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_bdcbbe95f443673e.txt"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the user's real database."""
    monkeypatch.setenv("REDLINE_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """An empty database on disk."""
    s = Store(tmp_path / "test.db", annotator="tester")
    yield s
    s.close()


@pytest.fixture
def seeded(store: Store) -> tuple[Store, str]:
    """The store holding the seed article; (store, doc_id)."""
    result = store_records(store, read_file(SEED))
    return store, result.added[0]
