"""ArticleView's pure helpers: wrapping, token navigation, the highlight index, the painter."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from tui.widgets.article_layout import (
    TOKEN_RE,
    cells,
    first_token_from,
    next_token,
    offset_at_column,
    prev_token,
    sentence_start_before,
    sentence_starts_after,
    snap_span,
    token_containing,
    wrap,
)
from tui.widgets.article_nav import token_at_column
from tui.widgets.article_style import (
    CURSOR,
    KIND_STYLES,
    LEGEND,
    Highlight,
    HighlightIndex,
    LinePainter,
    kind_style,
)

ALPHABET = "ab cd  e\n東京🚀-'’.,“”\t"
texts = st.text(alphabet=ALPHABET, max_size=300)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=2, max_value=30))
def test_wrap_fits_width_and_loses_no_text(text: str, width: int) -> None:
    chunk = wrap(text, 0, width)
    assert chunk.stop == len(text) + 1
    assert chunk.starts[0] == 0
    covered = [False] * len(text)
    previous_end = 0
    for start, end in zip(chunk.starts, chunk.ends, strict=True):
        assert previous_end <= start <= end
        assert cells(text[start:end]) <= width, (text[start:end], width)
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    # Only the paragraph breaks and the single space at each soft break are left out.
    skipped = [text[i] for i in range(len(text)) if not covered[i]]
    assert set(skipped) <= {" ", "\n"}
    assert skipped.count("\n") == text.count("\n")


def test_wrap_breaks_at_spaces_and_keeps_paragraphs() -> None:
    text = "one two three four\n\nfive"
    chunk = wrap(text, 0, 9)
    lines = [text[s:e] for s, e in zip(chunk.starts, chunk.ends, strict=True)]
    assert lines == ["one two", "three", "four", "", "five"]


def test_wrap_measures_wide_characters_in_cells() -> None:
    text = "東京東京東京 abc 🚀🚀"
    chunk = wrap(text, 0, 8)
    lines = [text[s:e] for s, e in zip(chunk.starts, chunk.ends, strict=True)]
    assert lines == ["東京東京", "東京 abc", "🚀🚀"]
    assert offset_at_column(text, 0, 4, 3) == 1  # column 3 is the right half of 京


def test_wrap_can_stop_after_a_first_screen() -> None:
    text = "\n".join(["word " * 30] * 50)
    first = wrap(text, 0, 20, min_lines=10)
    assert len(first.starts) >= 10
    assert first.stop < len(text)
    rest = wrap(text, first.stop, 20)
    whole = wrap(text, 0, 20)
    assert first.starts + rest.starts == whole.starts


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_token_navigation_agrees_with_a_full_tokenisation(text: str, data: st.DataObject) -> None:
    starts = [m.start() for m in TOKEN_RE.finditer(text)]
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    after = [s for s in starts if s > pos]
    before = [s for s in starts if s < pos]
    assert next_token(text, pos) == (after[0] if after else None)
    assert prev_token(text, pos) == (before[-1] if before else None)
    at_or_after = [s for s in starts if s >= pos]
    assert first_token_from(text, pos) == (at_or_after[0] if at_or_after else None)
    containing = [m.start() for m in TOKEN_RE.finditer(text) if m.end() > pos]
    assert token_containing(text, pos) == (containing[0] if containing else None)


def test_tokens_keep_apostrophes_and_hyphens() -> None:
    text = "can’t stop the well-known “plan”."
    tokens = [m.group() for m in TOKEN_RE.finditer(text)]
    assert tokens == ["can’t", "stop", "the", "well-known", "“", "plan", "”", "."]


def test_a_possessive_s_is_a_token_of_its_own() -> None:
    text = "Washington’s duplicity, O’Brien's plan and the Joneses’ car; it's late."
    tokens = [m.group() for m in TOKEN_RE.finditer(text)]
    assert tokens == ["Washington", "’s", "duplicity", ",", "O’Brien", "'s", "plan", "and", "the",
                      "Joneses", "’", "car", ";", "it", "'s", "late", "."]


def test_snap_span_widens_to_whole_tokens() -> None:
    text = "The well-known plan failed."
    assert snap_span(text, 6, 17) == (4, 19)  # "well-known plan"
    assert snap_span(text, 3, 4) is None  # only a space
    assert snap_span(text, 20, 20) == (20, 26)  # a caret inside "failed"


def test_sentences_split_on_end_punctuation_before_a_capital_or_quote() -> None:
    text = "He left. “Why?” she asked. Mr. smith stayed.\nNew para."
    assert sentence_starts_after(text, 0) == 9
    assert sentence_starts_after(text, 9) == 16 + 11  # after "“Why?” she asked. "
    assert sentence_starts_after(text, 27) == text.index("New")
    assert sentence_start_before(text, text.index("she")) == 9
    assert sentence_start_before(text, 9) == 0


def test_token_at_column_keeps_the_column() -> None:
    text = "alpha beta gamma"
    assert token_at_column(text, 0, len(text), 7) == 6
    assert token_at_column(text, 0, len(text), 0) == 0
    assert token_at_column(text, 0, len(text), 99) == 11


spans = st.lists(
    st.tuples(st.integers(0, 5000), st.integers(1, 1500), st.sampled_from(["quote", "claim"])),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(spans, st.integers(0, 6000), st.integers(0, 200))
def test_highlight_index_finds_exactly_the_overlapping_spans(
    raw: list[tuple[int, int, str]], start: int, length: int
) -> None:
    highlights = [Highlight(s, s + n, k) for s, n, k in raw]
    index = HighlightIndex(highlights)
    end = start + length
    expected = sorted(
        (h.start, h.end, h.kind) for h in highlights if h.start < max(end, start + 1) and h.end > start
    )
    found = sorted(index.overlapping(start, end))
    assert found == expected


def test_painter_stacks_overlapping_kinds() -> None:
    painter = LinePainter(Style())
    text = "Alice said it"
    marks = [(0, 13, "quote"), (0, 10, "claim"), (0, 5, "entity:PERSON"), (0, 5, CURSOR)]
    segments = painter.paint(text, 0, len(text), marks)
    assert [s.text for s in segments] == ["Alice", " said", " it"]
    alice, said, it = (s.style for s in segments)
    assert alice is not None and said is not None and it is not None
    assert alice.underline and alice.color and alice.bgcolor == kind_style(CURSOR).bgcolor  # type: ignore[union-attr]
    assert said.underline and said.bgcolor == kind_style("claim").bgcolor  # type: ignore[union-attr]
    assert it.underline and not it.bgcolor


def test_unknown_kinds_are_ignored_and_legend_styles_parse() -> None:
    painter = LinePainter(Style())
    assert painter.paint("abc", 0, 3, [(0, 3, "no-such-kind")])[0].style == Style()
    assert kind_style("entity:LAW") is not None
    for _label, style in LEGEND:
        Style.parse(style)


def test_every_colour_drawn_has_a_legend_entry() -> None:
    """What the article paints, the legend names (the span labels' colour had no entry);
    the cursor is the one mark it does not list."""
    legend = {Style.parse(style) for _label, style in LEGEND}
    assert [kind for kind, style in KIND_STYLES.items()
            if kind != CURSOR and style not in legend] == []
