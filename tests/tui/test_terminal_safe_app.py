"""The app never draws a stored escape sequence raw: a title, an article's or annotation's text
or a status message holding ESC[2J or an OSC 52 clipboard write is drawn visible (␛…) in the
library, the article, the status line, the side panel and the command palette."""

from __future__ import annotations

import re

from pilot_helpers import make, settle, until
from textual.widgets import OptionList

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store
from tui.screens.annotate import AnnotationScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.side_panel import SidePanel
from tui.widgets.status_bar import StatusBar

OSC52 = "\x1b]52;c;aGFja2Vk\x07"
TITLE = f"Budget{OSC52} vote\x1b[2J"
TEXT = "The minister said the budget\x1b[2J would pass.\n\nCritics disagreed."
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def evil(store: Store) -> str:
    doc_id = store_records(store, [ImportRecord(text=TEXT, source="t", title=TITLE)]).added[0]
    start, end = TEXT.index("the budget"), TEXT.index(" would")
    store.add_annotation(Annotation(kind="claim", doc_id=doc_id,
                                    spans=[Span("claim", start, end, TEXT[start:end])]))
    return doc_id


def drawn(widget: object) -> str:
    """What a widget puts on the terminal, line by line."""
    height = widget.size.height  # type: ignore[attr-defined]
    return "\n".join("".join(seg.text for seg in widget.render_line(y))  # type: ignore[attr-defined]
                     for y in range(height))


async def test_library_draws_a_title_with_escapes_visible(tmp_path: object) -> None:
    store = Store(tmp_path / "evil.db", annotator="tester")  # type: ignore[operator]
    evil(store)
    app = make(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        shown = drawn(app.screen.query_one("#documents"))  # whatever widget draws the rows
        assert "Budget␛]52;c;aGFja2Vk␇ vote␛[2J" in shown
        assert not RAW.search(app.export_screenshot())
        await pilot.press("ctrl+p", *"budget")  # the palette offers "Open: <title>"
        await pilot.pause(0.3)
        assert "Open: Budget␛]52" in drawn(app.screen.query_one(OptionList))
        assert not RAW.search(app.export_screenshot())
    store.close()


async def test_status_line_side_panel_and_palette_draw_escapes_visible(tmp_path: object) -> None:
    store = Store(tmp_path / "evil.db", annotator="tester")  # type: ignore[operator]
    doc_id = evil(store)
    app = make(store, doc_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AnnotationScreen))
        await settle(pilot)
        assert "Budget␛]52;c;aGFja2Vk␇ vote␛[2J" in drawn(app.screen.query_one(StatusBar))
        assert "budget␛[2J" in drawn(app.screen.query_one(SidePanel))
        assert "the budget␛[2J would pass." in drawn(app.screen.query_one(ArticleView))
        bar = app.screen.query_one(StatusBar)
        bar.warning = ""  # (the analysis failed: this test loads no spaCy)
        bar.message = f"saved {OSC52}"  # a message quoting stored text
        await pilot.pause()
        assert "saved ␛]52" in drawn(app.screen.query_one(StatusBar))
        assert not RAW.search(app.export_screenshot())
    store.close()
