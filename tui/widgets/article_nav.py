"""Where ArticleView's movement keys go: targets by visual line, sentence and paragraph.

Pure functions over the text and the line table (tokens and sentences come from
article_layout), testable without an app."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import chain

from tui.widgets.article_layout import (
    cells,
    first_token_from,
    is_uniform,
    iter_tokens,
    paragraph_start,
    prev_token,
    sentence_start_before,
    sentence_starts_after,
    token_containing,
)


def token_at_column(text: str, start: int, end: int, column: int) -> int | None:
    """Start of the last token on line [start, end) drawn at or before `column` (the first
    token if all are further right); None if no token starts on the line."""
    best: int | None = None
    uniform = is_uniform(text, start, end)
    for m in iter_tokens(text, start):
        t = m.start()
        if t < start:
            continue
        if t >= end:
            break
        if best is not None and (t - start if uniform else cells(text[start:t])) > column:
            break
        best = t
    return best


# ------------------------------------------------------------------------ movement targets


def line_target(
    text: str, starts: Sequence[int], ends: Sequence[int], line: int, goal: int, delta: int
) -> int | None:
    """The token `delta` visual lines from `line` nearest cell column `goal`.

    Lines holding no token start (blank, or the tail of a hard-broken word) are skipped in the
    direction of travel, then back towards the cursor.
    """
    if not starts:
        return None
    last = len(starts) - 1
    target = min(last, max(0, line + delta))
    step = 1 if delta > 0 else -1
    onward = range(target, last + 1 if step > 0 else -1, step)
    for probe in chain(onward, range(target, line, -step)):
        if probe != line:
            found = token_at_column(text, starts[probe], ends[probe], goal)
            if found is not None:
                return found
    return None


def line_edge_target(text: str, start: int, end: int, delta: int) -> int | None:
    """The first (delta < 0) or last token starting on the line [start, end)."""
    target = first_token_from(text, start) if delta < 0 else prev_token(text, end)
    return target if target is not None and start <= target < end else None


def paragraph_target(text: str, cursor: int, delta: int) -> int | None:
    """The next paragraph's first token, or the start of this (or the previous) paragraph."""
    if delta > 0:
        q = text.find("\n", cursor)
        return None if q < 0 else first_token_from(text, q)
    first = first_token_from(text, paragraph_start(text, cursor))
    if first is None or first >= cursor:
        before = prev_token(text, paragraph_start(text, cursor))
        first = None if before is None else first_token_from(text, paragraph_start(text, before))
    return first


def sentence_target(text: str, cursor: int, delta: int, sentences: Sequence[int] | None = None) -> int | None:
    """The next sentence's first token, or the start of this (or the previous) sentence;
    `sentences` (sorted start offsets) replaces the regex when given."""

    def after(pos: int) -> int | None:
        if sentences is None:
            return sentence_starts_after(text, pos)
        i = bisect_right(sentences, pos)
        return sentences[i] if i < len(sentences) else None

    if delta > 0:
        start = after(cursor)
        while start is not None:
            target = first_token_from(text, start)
            if target is None or target > cursor:
                return target
            start = after(start)
        return None
    pos = cursor
    for _ in range(64):  # a run of empty "sentences" (e.g. "...") is skipped
        if sentences is None:
            start = sentence_start_before(text, pos)
        else:
            i = bisect_left(sentences, pos) - 1
            start = sentences[i] if i >= 0 else 0
        target = token_containing(text, start)
        if target is not None and target < cursor:
            return target
        if start <= 0:
            return None
        pos = start
    return None
