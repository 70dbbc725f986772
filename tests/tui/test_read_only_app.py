"""The app on a database that cannot be written: the library and the article open, and an edit
is refused in plain words with nothing changed."""

from __future__ import annotations

from pathlib import Path

from helpers.db import file_digest
from helpers.mounts import read_only
from pilot_helpers import make, settle, until

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.store import Store
from tui.screens.annotate import AnnotationScreen

TEXT = "The mayor said the budget is balanced. Nobody else spoke."


def drawn(widget: object) -> str:
    """What a widget puts on the terminal, line by line."""
    height = widget.size.height  # type: ignore[attr-defined]
    return "\n".join("".join(seg.text for seg in widget.render_line(y))  # type: ignore[attr-defined]
                     for y in range(height))


async def test_a_read_only_folder_opens_and_an_edit_says_read_only(tmp_path: Path) -> None:
    made = tmp_path / "made" / "corpus.db"
    made.parent.mkdir()
    with Store(made) as store:
        store_records(store, [ImportRecord(text=TEXT, source="t", title="Budget")])
    with read_only("folder", made, tmp_path) as ro:
        before = file_digest(ro)
        store = Store(ro, annotator="tester")  # refused as "not a database" before
        app = make(store)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert "Budget" in drawn(app.screen.query_one("#documents"))
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, AnnotationScreen))
            await settle(pilot)
            await pilot.press("v", "l", "l", "c")
            await settle(pilot)
            await until(pilot, lambda: any("is read-only" in str(n.message)
                                           for n in app._notifications))
        store.close()
        assert file_digest(ro) == before
