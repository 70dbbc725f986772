"""ArticleView in a running app: keys, mouse, what is drawn, background wrapping."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding

from tui.widgets.article_layout import TOKEN_RE, cells, wrap
from tui.widgets.article_view import ArticleView, Highlight

TEXT = (
    "“We can’t stop now,” said Alice Smith on Monday. The well-known plan failed! "
    "Critics agreed.\n"
    "\n"
    "Second paragraph starts here. It has two sentences.\n"
    "Third paragraph."
)
SIZE = (40, 12)
LEFT = 1  # the view's left padding: text column c is screen column c + 1


class ViewApp(App[None]):
    """Just the view, plus a record of what it reported."""

    BINDINGS = [Binding("escape", "escaped", "Escape reached the app")]  # noqa: RUF012

    def __init__(self, text: str = TEXT, highlights: list[Highlight] | None = None) -> None:
        super().__init__()
        self.text = text
        self.highlights = highlights or []
        self.moves: list[ArticleView.CursorMoved] = []
        self.wrapped: list[ArticleView.Wrapped] = []
        self.escapes = 0

    def compose(self) -> ComposeResult:
        yield ArticleView(self.text, self.highlights)

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.moves.append(message)

    def on_article_view_wrapped(self, message: ArticleView.Wrapped) -> None:
        self.wrapped.append(message)

    def action_escaped(self) -> None:
        self.escapes += 1


def view_of(app: App[None]) -> ArticleView:
    return app.query_one(ArticleView)


def screen_lines(app: App[None]) -> list[str]:
    """The text of every screen row, as the compositor composed it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def cursor_columns(app: App[None], row: int) -> list[int]:
    """Screen columns of a row drawn in the cursor's style (a background nothing else uses)."""
    # the cursor's near-white background: no other highlight is that light
    return [x for x in range(app.size.width)
            if (bg := app.screen.get_style_at(x, row).bgcolor) is not None
            and sum(bg.get_truecolor()) > 600]


def where(view: ArticleView, offset: int) -> tuple[int, int]:
    """Screen (x, y) of a text offset, from the view's line table."""
    line = max(i for i in range(view.line_count) if view.line_span(i)[0] <= offset)
    start = view.line_span(line)[0]
    return LEFT + cells(view.text[start:offset]), line - view.scroll_offset.y


def style_at(app: App[None], offset: int) -> Style:
    """The composed style of the screen cell showing a text offset."""
    return app.screen.get_style_at(*where(view_of(app), offset))


def token_at_cursor(view: ArticleView) -> str:
    match = TOKEN_RE.match(view.text, view.cursor)
    assert match is not None
    return match.group()


async def test_article_is_wrapped_to_the_width_with_paragraphs_kept() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = view_of(app)
        width = SIZE[0] - LEFT - 1  # minus the padding and the scroll-indicator column
        expected = wrap(TEXT, 0, width)
        rows = screen_lines(app)
        for row, (start, end) in enumerate(zip(expected.starts, expected.ends, strict=True)):
            assert rows[row][LEFT : LEFT + width].rstrip() == TEXT[start:end]
        assert view.line_count == len(expected.starts)
        blank = TEXT.split("\n").index("")
        paragraph_rows = [TEXT[s:e] for s, e in zip(expected.starts, expected.ends, strict=True)]
        assert "" in paragraph_rows and blank == 1
        assert rows[paragraph_rows.index("")].strip() == ""


async def test_token_moves_visit_every_token_in_order() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        seen = [token_at_cursor(view)]
        for _ in range(12):
            await pilot.press("l")
            seen.append(token_at_cursor(view))
        assert seen == [
            "“", "We", "can’t", "stop", "now", ",", "”", "said", "Alice", "Smith", "on",
            "Monday", ".",
        ]  # fmt: skip
        await pilot.press("h", "left", "h")
        assert token_at_cursor(view) == "Smith" and view.cursor == TEXT.index("Smith")
        await pilot.press("right")
        assert token_at_cursor(view) == "on"
        assert app.moves and app.moves[-1].cursor == view.cursor


async def test_cursor_is_drawn_on_its_token_only() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "l")  # "can’t"
        await pilot.pause()
        col = TEXT.index("can’t")
        assert cursor_columns(app, 0) == list(range(LEFT + col, LEFT + col + 5))
        await pilot.press("l")  # the old cursor must not linger (stale cached row)
        await pilot.pause()
        col = TEXT.index("stop")
        assert cursor_columns(app, 0) == list(range(LEFT + col, LEFT + col + 4))


async def test_line_moves_keep_the_column_and_skip_blank_lines() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("l", "l", "l")  # "stop" at column 10 of line 0
        start0, _ = view.line_span(0)
        column = cells(TEXT[start0 : view.cursor])
        await pilot.press("j")
        start1, end1 = view.line_span(1)
        assert start1 <= view.cursor < end1
        assert cells(TEXT[start1 : view.cursor]) <= column
        await pilot.press("j", "j", "j")
        # Three presses from line 1 pass the blank line between paragraphs (it has no token).
        assert view.cursor >= TEXT.index("Second")
        await pilot.press("k", "k", "k", "k")
        assert view.cursor == TEXT.index("stop")  # the goal column survived the round trip


async def test_sentence_paragraph_line_and_document_jumps() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press(")")
        assert view.cursor == TEXT.index("The well")
        await pilot.press(")")
        assert view.cursor == TEXT.index("Critics")
        await pilot.press("(")
        assert view.cursor == TEXT.index("The well")
        await pilot.press("}")
        assert view.cursor == TEXT.index("Second")
        await pilot.press("}")
        assert view.cursor == TEXT.index("Third")
        await pilot.press("{")
        assert view.cursor == TEXT.index("Second")
        await pilot.press("{")
        assert view.cursor == 0
        await pilot.press("G")
        assert view.cursor == len(TEXT) - 1  # the final "."
        await pilot.press("0")
        assert view.cursor == TEXT.index("Third")
        await pilot.press("$")
        assert view.cursor == len(TEXT) - 1
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("end")
        start, end = view.line_span(0)
        assert view.cursor == max(m.start() for m in TOKEN_RE.finditer(TEXT, start, end))


async def test_sentences_can_come_from_outside() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        view.set_sentences([0, TEXT.index("Alice")])
        await pilot.press(")")
        assert view.cursor == TEXT.index("Alice")
        await pilot.press(")")
        assert view.cursor == TEXT.index("Alice")  # no further sentence
        await pilot.press("(")
        assert view.cursor == 0


async def test_shift_moves_select_whole_tokens() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("l", "shift+right", "shift+right")
        assert view.selection == (TEXT.index("We"), TEXT.index("stop") + 4)
        await pilot.press("shift+left")
        assert view.selection == (TEXT.index("We"), TEXT.index("can’t") + 5)
        await pilot.press("shift+left", "shift+left")  # back past the anchor
        assert view.selection == (0, TEXT.index("We") + 2)
        await pilot.press("l")  # a plain move drops the selection
        assert view.selection is None
        assert app.moves[-1].selection is None


async def test_selection_is_drawn_with_its_own_background() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        plain_bg = style_at(app, TEXT.index("said")).bgcolor
        await pilot.press("l", "shift+right", "shift+right")
        await pilot.pause()
        inside = style_at(app, TEXT.index("can’t"))
        after = style_at(app, TEXT.index("now"))
        assert inside.bgcolor != plain_bg and not inside.reverse
        assert after.bgcolor == plain_bg


async def test_visual_mode_extends_with_plain_moves_and_escape_clears() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("v")
        assert view.visual and view.selection == (0, 1)
        await pilot.press("l", "l")
        assert view.selection == (0, TEXT.index("can’t") + 5)
        await pilot.press("escape")
        assert view.selection is None and not view.visual
        assert app.escapes == 0  # the view used that escape
        await pilot.press("escape")
        assert app.escapes == 1  # nothing to clear: escape reaches the app


async def test_select_range_and_move_to_snap_to_tokens() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE):
        view = view_of(app)
        view.select_range(TEXT.index("ell-known"), TEXT.index("plan") + 2)
        assert view.selection == (TEXT.index("well-known"), TEXT.index("plan") + 4)
        assert view.cursor == TEXT.index("plan")
        view.move_to(TEXT.index("iled"))
        assert view.cursor == TEXT.index("failed") and view.selection is None
        view.move_to(TEXT.index("Alice"), select=True)
        assert view.selection == (TEXT.index("Alice"), TEXT.index("failed") + 6)


async def test_mouse_click_moves_and_drag_selects_snapped_to_tokens() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        we, stop = TEXT.index("We"), TEXT.index("stop")
        await pilot.click(ArticleView, offset=(LEFT + stop + 2, 0))  # middle of "stop"
        assert view.cursor == stop and view.selection is None
        await pilot.mouse_down(ArticleView, offset=(LEFT + we + 1, 0))
        await pilot.hover(ArticleView, offset=(LEFT + stop + 1, 0))
        await pilot.mouse_up(ArticleView, offset=(LEFT + stop + 1, 0))
        assert view.selection == (we, stop + 4)
        # A click past the end of a line lands on that line's last token.
        await pilot.click(ArticleView, offset=(SIZE[0] - 3, 2))
        start, end = view.line_span(2)
        assert view.cursor == max(m.start() for m in TOKEN_RE.finditer(TEXT, start, end))


HIGHLIGHTS = [
    Highlight(0, TEXT.index("said") - 1, "quote"),
    Highlight(TEXT.index("Alice"), TEXT.index("Smith") + 5, "entity:PERSON"),
    Highlight(TEXT.index("said"), TEXT.index("Monday"), "claim"),
    Highlight(TEXT.index("Monday"), TEXT.index("Monday") + 6, "entity:DATE"),
]


async def test_overlapping_highlights_combine() -> None:
    app = ViewApp(highlights=HIGHLIGHTS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # keep the cursor away from the highlights
        await pilot.pause()
        plain = style_at(app, TEXT.index("The"))
        quote = style_at(app, TEXT.index("stop"))
        claim = style_at(app, TEXT.index("said"))
        person_in_claim = style_at(app, TEXT.index("Alice"))
        date = style_at(app, TEXT.index("Monday"))
        assert quote.underline and not plain.underline
        assert claim.bgcolor != plain.bgcolor
        # The entity keeps its colour and the claim its background where they overlap.
        assert person_in_claim.bgcolor == claim.bgcolor
        assert person_in_claim.color not in (plain.color, date.color)
        assert date.bgcolor == plain.bgcolor and date.color != plain.color


async def test_set_highlights_redraws_without_rewrapping() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await pilot.pause()
        view = view_of(app)
        starts = [view.line_span(i) for i in range(view.line_count)]
        alice = TEXT.index("Alice")
        before = style_at(app, alice)
        view.set_highlights([Highlight(alice, alice + 5, "search")])
        await pilot.pause()
        assert style_at(app, alice).bgcolor != before.bgcolor
        assert [view.line_span(i) for i in range(view.line_count)] == starts
        view.set_highlights([])
        await pilot.pause()
        assert style_at(app, alice) == before


WIDE = "東京 🚀 rocket 日本語 text and more words to wrap 東京東京東京東京東京東京東京東京東京 end"


async def test_wide_characters_keep_the_cursor_aligned() -> None:
    app = ViewApp(text=WIDE)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("l", "l")  # 東京 -> 🚀 -> rocket
        await pilot.pause()
        assert token_at_cursor(view) == "rocket"
        col = cells(WIDE[: WIDE.index("rocket")])
        assert col == 8
        assert cursor_columns(app, 0) == list(range(LEFT + col, LEFT + col + 6))
        await pilot.press("l")  # 日本語: three double-width cells
        await pilot.pause()
        col = cells(WIDE[: WIDE.index("日本語")])
        assert cursor_columns(app, 0) == list(range(LEFT + col, LEFT + col + 6))
        width = SIZE[0] - LEFT - 1
        for line in range(view.line_count):
            start, end = view.line_span(line)
            assert cells(WIDE[start:end]) <= width
        assert screen_lines(app)[0][LEFT:].startswith("東京 🚀 rocket 日本語")


async def test_background_wrapping_finishes_and_posts_wrapped() -> None:
    paragraph = ("The quick brown fox jumps over the lazy dog, again and again. " * 6).strip()
    text = "\n".join(f"{i} {paragraph}" for i in range(3000))
    app = ViewApp(text="short")
    async with app.run_test(size=(80, 24)) as pilot:
        view = view_of(app)
        await pilot.pause()
        app.wrapped.clear()
        view.set_document(text)
        assert not view.fully_wrapped  # only the first screen so far
        assert 0 < view.line_count < 200
        view.action_doc_edge(1)  # G before the rest is wrapped: honoured when it is
        for _ in range(400):
            if app.wrapped:
                break
            await pilot.pause(0.05)
        assert app.wrapped, "background wrapping never reported"
        width = 80 - LEFT - 1
        assert app.wrapped[-1].lines == view.line_count == len(wrap(text, 0, width).starts)
        assert view.fully_wrapped
        assert view.cursor == len(text) - 1
        await pilot.pause()
        last = view.line_count - 1
        assert view.scroll_offset.y <= last < view.scroll_offset.y + 24


async def test_resize_rewraps_and_keeps_the_cursor() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press(")", "l")
        cursor = view.cursor
        await pilot.resize_terminal(60, 12)
        await pilot.pause()
        assert view.cursor == cursor
        expected = wrap(TEXT, 0, 60 - LEFT - 1)
        assert [view.line_span(i) for i in range(view.line_count)] == list(
            zip(expected.starts, expected.ends, strict=True)
        )


async def test_page_moves_scroll_and_keep_the_cursor_on_screen() -> None:
    text = "\n".join(f"Line {i} has words." for i in range(200))
    app = ViewApp(text=text)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("pagedown")
        assert view.scroll_offset.y > 0
        top = view.scroll_offset.y
        line = next(i for i in range(view.line_count) if view.line_span(i)[1] > view.cursor)
        assert top <= line < top + SIZE[1]
        view.scroll_to_offset(text.index("Line 150"))
        await pilot.pause()
        target = text.index("Line 150") // len("Line 150 has words.\n")
        assert view.scroll_offset.y <= target < view.scroll_offset.y + SIZE[1]
        await pilot.press("G")
        assert screen_lines(app)[-1].strip().startswith("Line 199")


async def test_cursor_moved_messages_coalesce() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE):
        view = view_of(app)
        first = ArticleView.CursorMoved(1, None, view)
        second = ArticleView.CursorMoved(4, (1, 6), view)
        assert first.can_replace(second)
        assert first.control is view


async def test_line_moves_count_columns_in_cells() -> None:
    text = "東京東京 ab cd\nxxxxxxxx yy zz"
    app = ViewApp(text=text)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("l")  # "ab": character 5, but cell column 9
        assert view.cursor == text.index("ab")
        await pilot.press("j")
        assert view.cursor == text.index("yy")  # cell column 9, not character column 5
        await pilot.press("k")
        assert view.cursor == text.index("ab")


async def test_an_empty_document_is_harmless() -> None:
    app = ViewApp(text="")
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("l", "j", "G", "shift+right", "v", "pagedown", "right_parenthesis")
        await pilot.click(ArticleView, offset=(5, 3))
        assert view.cursor == 0 and view.selection is None and not app.moves
        assert view.line_count == 1
        view.set_document("Now some text.")
        await pilot.pause()
        assert screen_lines(app)[0][LEFT:].startswith("Now some text.")


async def test_shift_down_selects_to_the_token_below() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("l", "l", "shift+down")
        start1, end1 = view.line_span(1)
        assert view.selection is not None
        assert view.selection[0] == TEXT.index("can’t")
        assert start1 < view.selection[1] <= end1
        assert start1 <= view.cursor < end1


async def test_scroll_indicator_and_wheel_scroll_the_view() -> None:
    text = "\n".join(f"Line {i} has words." for i in range(200))
    app = ViewApp(text=text)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.pause()
        thumb = [y for y in range(SIZE[1]) if screen_lines(app)[y][-1] == "▐"]
        assert thumb == [0]  # 12 of 200 lines: a one-row thumb at the top
        await pilot.click(ArticleView, offset=(SIZE[0] - 1, SIZE[1] - 1))
        assert view.scroll_offset.y == 200 - SIZE[1]
        assert screen_lines(app)[SIZE[1] - 1][-1] == "▐"
        view.post_message(events.MouseScrollUp(view, 1, 1, 0, 0, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_offset.y == 200 - SIZE[1] - 3
        assert view.cursor == 0  # scrolling does not move the cursor


async def test_selecting_forward_by_sentence_or_paragraph_stops_at_its_end() -> None:
    app = ViewApp()
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("v", "right_parenthesis")
        first = TEXT[: TEXT.index(" The well-known")]
        assert view.selection == (0, len(first))
        await pilot.press("right_parenthesis")
        assert view.selection == (0, TEXT.index("failed!") + len("failed!"))
        await pilot.press("escape", "g", "v", "right_curly_bracket")
        assert view.selection == (0, TEXT.index("agreed.") + len("agreed."))
        await pilot.press("escape", "g", "right_parenthesis")  # without a selection: next start
        assert view.cursor == TEXT.index("The well-known") and view.selection is None
