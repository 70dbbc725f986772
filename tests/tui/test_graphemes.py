"""Selections hold whole graphemes: an emoji ZWJ sequence, a flag, a keycap, a skin tone, a
combining accent is never split by a word motion (issue 11, item 11)."""

from __future__ import annotations

import unicodedata

from textual.app import App, ComposeResult

from tui.widgets.article_layout import TOKEN_RE, snap_span
from tui.widgets.article_view import ArticleView
from tui.widgets.graphemes import EXTEND, MARKS

FAMILY = "👩\u200d👩\u200d👧"  # woman, ZWJ, woman, ZWJ, girl: one grapheme of five code points
FLAGS = "🇺🇸🇫🇷"  # two flags, each a pair of regional indicators
TEXT = f"Family {FAMILY} and {FLAGS} flags, 1\ufe0f\u20e3 👍🏽 cafe\u0301 né\u0301e."


def tokens(text: str) -> list[str]:
    return [m.group() for m in TOKEN_RE.finditer(text)]


def test_a_token_never_splits_a_grapheme() -> None:
    assert tokens(TEXT) == ["Family", FAMILY, "and", "🇺🇸", "🇫🇷", "flags", ",", "1\ufe0f\u20e3",
                            "👍🏽", "cafe\u0301", "né\u0301e", "."]
    # what the token rules were for before graphemes are unchanged
    assert tokens("“We can’t stop,” Washington’s well-known plan.") == [
        "“", "We", "can’t", "stop", ",", "”", "Washington", "’s", "well-known", "plan", "."]


def test_a_span_snapped_inside_a_grapheme_takes_all_of_it() -> None:
    start = TEXT.index(FAMILY)
    # from the middle of the family (after the first woman and her ZWJ) to its middle again
    assert snap_span(TEXT, start + 2, start + 3) == (start, start + len(FAMILY))
    flags = TEXT.index(FLAGS)
    assert snap_span(TEXT, flags + 1, flags + 2) == (flags, flags + 2)  # the first flag only


def test_marks_are_every_combining_mark_of_this_python() -> None:
    import re

    mark = re.compile("[" + MARKS + "]")
    listed = {c for c in range(0x110000) if mark.match(chr(c))}
    known = {c for c in range(0x110000) if unicodedata.category(chr(c)).startswith("M")}
    assert listed == known, f"regenerate MARKS for Unicode {unicodedata.unidata_version}"
    assert re.fullmatch(EXTEND + "+", "\u200d\U0001f3fd\U000e0067\u0301")


class ViewApp(App[None]):
    """Just the article view."""

    def compose(self) -> ComposeResult:
        yield ArticleView(TEXT, [])

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()


async def test_word_selection_takes_whole_emoji_sequences_and_flags() -> None:
    app = ViewApp()
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        selected = []
        for _ in range(5):
            await pilot.press("shift+right")
            assert view.selection is not None
            selected.append(TEXT[view.selection[0]:view.selection[1]])
        assert selected == ["Family " + FAMILY, f"Family {FAMILY} and", f"Family {FAMILY} and 🇺🇸",
                            f"Family {FAMILY} and {FLAGS}", f"Family {FAMILY} and {FLAGS} flags"]
        await pilot.press("escape", "shift+left")  # backwards from the end of "flags"
        lo, hi = view.selection or (0, 0)
        assert TEXT[lo:hi] == "🇫🇷 flags" and view.cursor == TEXT.index("🇫🇷")
