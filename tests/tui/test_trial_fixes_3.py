"""Pilot tests of what the third new-editor trial found wrong.

Each failed before its fix: `c` at the start of "Mr. Alden Price said …" tagged "Mr." alone (the
full stop of a title before a name was taken for a sentence end); `?` cut the long descriptions
at the dialog's edge ("…; with a sel") with the "where" column out of sight.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import make, settle, until
from textual.widgets import DataTable

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.store import Store
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleView

FIRST = 'Mr. Alden Price, the union\'s chief negotiator, said, "We got what we came for."'
TEXT = f"{FIRST} Ms. Rhea Okafor agreed. Dr. Femi Ade did not."


async def test_c_on_a_sentence_that_opens_with_a_title_tags_the_whole_sentence(
        tmp_path: Path) -> None:
    store = Store(tmp_path / "redline.db", annotator="tester")
    doc_id = store_records(store, [ImportRecord(text=TEXT, source="t.txt", title="Ferry")]).added[0]
    app = make(store, doc_id)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            article = app.screen.query_one(ArticleView)
            article.move_to(0)  # on "Mr."
            await pilot.press("c")
            await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
            assert store.annotations(doc_id)[0].spans[0].text == FIRST
            article.move_to(TEXT.index("Rhea"))  # inside the second, after its "Ms."
            await pilot.press("c")
            await until(pilot, lambda: len(store.annotations(doc_id)) == 2)
            texts = {a.spans[0].text for a in store.annotations(doc_id)}
            assert texts == {FIRST, "Ms. Rhea Okafor agreed."}
            await pilot.press(")")  # the sentence motion skips "Dr." too
            assert app.screen.cursor == TEXT.index("Dr. Femi")  # type: ignore[attr-defined]
            await pilot.press(")")
            assert app.screen.cursor != TEXT.index("Femi")  # type: ignore[attr-defined]
    finally:
        store.close()


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)])
async def test_the_key_help_shows_each_description_whole(tmp_path: Path,
                                                         size: tuple[int, int]) -> None:
    store = Store(tmp_path / "redline.db", annotator="tester")
    doc_id = store_records(store, [ImportRecord(text=TEXT, source="t.txt", title="Ferry")]).added[0]
    app = make(store, doc_id)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen))
            await settle(pilot)
            table = app.screen.query_one(DataTable)
            # every column inside the dialog: nothing to scroll sideways to
            assert table.virtual_size.width <= table.scrollable_content_region.width
            longest = max((does for _, does, _ in app.screen.rows), key=len)  # type: ignore[attr-defined]
            row = next(r for r in table.ordered_rows if table.get_row(r.key)[1].plain == longest)
            assert row.height > 1  # wrapped, not cut
    finally:
        store.close()
