"""Pilot tests of what the third new-editor trial found wrong.

Each failed before its fix: `c` at the start of "Mr. Alden Price said …" tagged "Mr." alone (the
full stop of a title before a name was taken for a sentence end).
"""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import make, settle, until

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.store import Store
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
