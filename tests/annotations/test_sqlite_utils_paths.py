"""sqlite-utils does the corpus work (import, schema, full-text search, dataset), and the terminal
app's cached open never pays for importing it (it imports numpy)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.store import Store
from tests.conftest import ROOT, SEED
from tests.helpers.cli import run_process


def test_an_import_inserts_annotations_through_insert_all(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = sqlite_utils.db.Table.insert_all

    def spy(self: sqlite_utils.db.Table, records: object, **kwargs: object) -> object:
        calls.append(self.name)
        return real(self, records, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", spy)
    text = "The council said the budget is balanced."
    ann = {"kind": "claim", "spans": [{"role": "claim", "start": 4, "end": 11, "text": "council"}]}
    with Store(tmp_path / "i.db") as store:
        store_records(store, [ImportRecord(text=text, source="t", annotations=[ann])])
        assert calls == ["annotations"]
        assert store._rows("SELECT count(*) AS n FROM annotations")[0]["n"] == 1


def test_an_import_is_still_whole_or_absent(tmp_path: Path) -> None:
    """insert_all's own transaction nests inside the import's: a later failure undoes it."""
    good = {"id": "x1", "kind": "claim",
            "spans": [{"role": "claim", "start": 0, "end": 3, "text": "One"}]}
    with Store(tmp_path / "w.db") as store:
        store_records(store, [ImportRecord(text="Two.", source="t", id="taken", annotations=[
            {**good, "id": "clash", "spans": [{"role": "claim", "start": 0, "end": 3,
                                               "text": "Two"}]}])])
        before = store._rows("SELECT id FROM annotations ORDER BY id")
        with pytest.raises(Exception, match="clash"):
            store_records(store, [
                ImportRecord(text="One.", source="t", id="a", annotations=[good]),
                ImportRecord(text="One more.", source="t", id="b", annotations=[
                    {**good, "id": "clash"}])])
        assert store._rows("SELECT id FROM annotations ORDER BY id") == before
        assert store.document_ids() == ["taken"]


def test_the_indexes_and_trash_are_sqlite_utils_built(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db"):
        pass
    db = sqlite_utils.Database(tmp_path / "s.db")
    assert db["documents"].detect_fts() == "documents_fts"
    assert db["span_texts"].detect_fts() == "span_texts_fts"
    # enable_fts(create_triggers=True) names its triggers after the table
    assert {"documents_ai", "documents_ad", "documents_au"} <= {t.name for t in db.triggers}
    assert db["trash"].pks == ["doc_id"]


CACHED_OPEN = """
import asyncio, json, sys
from pathlib import Path
from annotations.store import Store
from tui.app import make_app
from tui.settings import Settings

db = Path(sys.argv[1])
settings = Settings(db=db, model=None, annotator="t")

async def main():
    app = make_app(settings)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")  # open the (analysed) document
        for _ in range(50):
            await pilot.pause(0.05)
            if type(app.screen).__name__ == "AnnotationScreen":
                break
        name = type(app.screen).__name__
        await pilot.press("j", "j", "c")  # move and tag a claim: an edit is written
        await pilot.pause(0.5)
        claims = app.store._rows("SELECT count(*) AS n FROM annotations")[0]["n"]
        await pilot.press("u")
        await pilot.pause(0.3)
    return f"{name} {claims}"

screen = asyncio.run(main())
print(json.dumps({"sqlite_utils": "sqlite_utils" in sys.modules, "numpy": "numpy" in sys.modules,
                  "screen": screen}))
"""


def test_a_cached_open_never_imports_sqlite_utils_or_numpy(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    seeded = run_process(db, "import", str(SEED))  # analysed now: the open below is cached
    assert seeded.code == 0, seeded.stderr
    run = subprocess.run([sys.executable, "-c", CACHED_OPEN, str(db)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen == {"sqlite_utils": False, "numpy": False, "screen": "AnnotationScreen 1"}
