"""A screen has its width class (HORIZONTAL_BREAKPOINTS) from the start, so its first resize
restyles nothing; later resizes still move it."""

from __future__ import annotations

import pytest
from pilot_helpers import make, settle

from annotations.store import Store
from tui.screens.annotate import AnnotationScreen

WIDTH_CLASSES = {"-fold", "-narrow", "-wide"}


@pytest.mark.parametrize(("width", "expected"), [(60, "-fold"), (79, "-fold"), (80, "-narrow"),
                                                 (109, "-narrow"), (110, "-wide"), (150, "-wide")])
async def test_the_annotation_screen_is_built_with_its_width_class(
        db: tuple[Store, str], monkeypatch: pytest.MonkeyPatch, width: int, expected: str) -> None:
    store, doc_id = db
    composed: list[set[str]] = []
    compose = AnnotationScreen.compose

    def spy(self: AnnotationScreen):  # type: ignore[no-untyped-def]
        composed.append(set(self.classes))  # before any resize reached the screen
        return compose(self)

    monkeypatch.setattr(AnnotationScreen, "compose", spy)
    app = make(store, doc_id)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        assert composed and composed[0] & WIDTH_CLASSES == {expected}
        assert set(app.screen.classes) & WIDTH_CLASSES == {expected}
        await pilot.resize_terminal(150 if width < 110 else 60, 30)
        await pilot.pause()
        assert set(app.screen.classes) & WIDTH_CLASSES == {"-wide" if width < 110 else "-fold"}
