"""The status bar's two rows as drawn on screen: each row repaints alone, clipped with an ellipsis."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.status_bar import StatusBar


class Bar(App[None]):
    """The bar alone, two rows at the bottom of a 40-column screen."""

    CSS = "StatusBar { dock: bottom; padding: 0 1; }"

    def compose(self) -> ComposeResult:
        yield StatusBar()


def rows(app: Bar) -> list[str]:
    """The bar's two rows as shown."""
    return [strip.text for strip in app.screen._compositor.render_strips()][-2:]


async def test_each_row_shows_its_latest_value_and_clips_with_an_ellipsis() -> None:
    app = Bar()
    async with app.run_test(size=(40, 6)) as pilot:
        bar = app.query_one(StatusBar)
        bar.progress = "doc · 3 annotations · 1 pending · new"
        bar.message = "claim: “short”"
        await pilot.pause()
        assert [r.rstrip() for r in rows(app)] == [" doc · 3 annotations · 1 pending · new",
                                                    " claim: “short”"]
        bar.message = "a message far too long for the forty columns of this screen"
        await pilot.pause()
        progress, message = rows(app)
        assert progress.rstrip() == " doc · 3 annotations · 1 pending · new"
        assert message.rstrip().endswith("…") and len(message) == 40
        bar.warning = "no NER"
        bar.message = "m"
        await pilot.pause()
        assert rows(app)[1].rstrip() == " no NER  m"
        assert bar.render_plain() == "doc · 3 annotations · 1 pending · new\nno NER  m"
