"""Text geometry for ArticleView: tokens, sentences, cell widths, line wrapping and the
offset -> line map.

Everything here is pure (no Textual imports) so the wrapper can run in a worker thread and the
rules can be tested without an app.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from rich.cells import cell_len, get_character_cell_size, split_graphemes

from annotations.safe_text import CONTROL_PICTURES

from .graphemes import GRAPHEME_TAIL, REGIONAL_PAIR

# Words keep inner apostrophes and hyphens ("can’t", "well-known", "O’Brien"), but a possessive
# or contracted ’s is a token of its own, as spaCy has it: selecting "Washington’s" by words
# must be able to stop at "Washington" (a stance target, a source). Every token ends on a
# grapheme boundary (GRAPHEME_TAIL): selections are made of tokens, so none splits an emoji
# ZWJ sequence, a flag, a skin tone or a combining accent.
TOKEN_RE = re.compile(rf"(?:\w+(?:-\w+|[’'](?![sS]\b)\w+)*|[’'][sS]\b|{REGIONAL_PAIR}|[^\w\s])"
                      + GRAPHEME_TAIL)
"""A word (with inner apostrophes/hyphens) or one punctuation character or symbol, each with
the rest of its last grapheme."""

# End punctuation (plus closing quotes/brackets), spaces, then an opening quote or a capital;
# or a newline run, which always starts a new sentence. The full stop of a title before a name
# ends nothing: "Mr. Alden Price said …" is one sentence, so c and s never tag "Mr." alone.
_TITLES = ("Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Capt", "Lt",
          "Sgt", "Rev", "Hon", "Pres", "Supt", "Insp", "Adm", "Maj", "Cmdr")
_NOT_AFTER_TITLE = "".join(rf"(?<!\b{t})" for t in _TITLES)
SENTENCE_PATTERN = (_NOT_AFTER_TITLE
                    + r"[.!?…]+[\"”’'»)\]]*[ \t]+(?=[\"“‘'«(\[]*[A-Z0-9À-ÖØ-Þ])|\n\s*(?=\S)")


@cache
def sentence_re() -> re.Pattern[str]:
    """SENTENCE_PATTERN compiled: on the first sentence motion, not at start (a millisecond
    of every start, before the first frame, for a key that may never be pressed)."""
    return re.compile(SENTENCE_PATTERN)


# Control characters (other than the paragraph break) are drawn as their one-cell symbols (␛,
# as everywhere redline shows stored text; a tab as a space); the layout counts them as one
# cell so offsets and columns stay in step with what is drawn.
CONTROL_TABLE = {**CONTROL_PICTURES, 0x09: " "}
"""str.translate table drawing control characters as visible one-cell symbols."""


_SINGLE_CELLS: set[str] = set()

SINGLE_CELL_RANGES = ((0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x52F), (0x2010, 0x205E), (0x20A0, 0x20C0))
"""Latin, Greek, Cyrillic, punctuation and currency: where the fast paths look for characters
one cell wide (rich says which of them are not)."""


def _not_one_cell(lo: int, hi: int) -> set[int]:
    """The code points in [lo, hi] that rich does not draw exactly one cell wide."""
    try:
        # rich >= 14 keeps the widths as (first, last, width) runs, every character outside
        # them one cell wide: reading the runs costs nothing, where asking rich character by
        # character for the 1,800 in the ranges took 5 ms of every start
        from rich._unicode_data import load

        runs = [(a, b) for a, b, width in load().widths if width != 1 and b >= lo and a <= hi]
    except (ImportError, AttributeError, TypeError, ValueError):
        return {c for c in range(lo, hi + 1) if get_character_cell_size(chr(c)) != 1}
    return {c for a, b in runs for c in range(max(a, lo), min(b, hi) + 1)}


def _single_cell_class() -> re.Pattern[str]:
    """Build a regex matching any character that is NOT known to be exactly one cell wide."""
    ok: list[int] = []
    for lo, hi in SINGLE_CELL_RANGES:
        not_one = _not_one_cell(lo, hi)
        ok += [c for c in range(lo, hi + 1) if c not in not_one]
    ok += [c for c in CONTROL_TABLE]
    ok.sort()
    _SINGLE_CELLS.update(map(chr, ok))
    parts: list[str] = []
    run_start = prev = ok[0]
    for c in [*ok[1:], -1]:
        if c != prev + 1:
            parts.append(re.escape(chr(run_start)) + "-" + re.escape(chr(prev)))
            run_start = c
        prev = c
    return re.compile("[^" + "".join(parts) + "]")


_NOT_SINGLE = _single_cell_class()


def is_uniform(text: str, start: int = 0, end: int | None = None) -> bool:
    """True if every character in text[start:end] occupies exactly one cell."""
    stop = len(text) if end is None else end
    return _NOT_SINGLE.search(text, start, stop) is None


def cells(piece: str) -> int:
    """Cell width of a piece of text as ArticleView draws it."""
    if _NOT_SINGLE.search(piece) is None:
        return len(piece)
    return cell_len(piece.translate(CONTROL_TABLE))


def offset_at_column(text: str, start: int, end: int, column: int) -> int:
    """The offset in text[start:end] drawn at cell `column` (clamped to the line)."""
    if column <= 0:
        return start
    if is_uniform(text, start, end):
        return min(end, start + column)
    spans, _ = split_graphemes(text[start:end].translate(CONTROL_TABLE))
    x = 0
    for s, _e, w in spans:
        if x + w > column:
            return start + s
        x += w
    return end


# ---------------------------------------------------------------------------------- tokens


def _restart(text: str, pos: int) -> int:
    """A position <= pos after which tokenising gives the same tokens as from the start.

    No token contains whitespace, so any position just after a space or newline is safe.
    """
    return max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1


def iter_tokens(text: str, pos: int) -> Iterator[re.Match[str]]:
    """Token matches from a safe restart point at or before pos, in order."""
    return TOKEN_RE.finditer(text, _restart(text, pos))


def token_end(text: str, start: int) -> int:
    """End (exclusive) of the token starting at `start` (start itself if there is none)."""
    m = TOKEN_RE.match(text, start)
    return m.end() if m else start


def token_containing(text: str, pos: int) -> int | None:
    """Start of the token containing pos, or of the first token after it."""
    for m in iter_tokens(text, pos):
        if m.end() > pos:
            return m.start()
    return None


def first_token_from(text: str, pos: int) -> int | None:
    """Start of the first token starting at or after pos."""
    for m in iter_tokens(text, pos):
        if m.start() >= pos:
            return m.start()
    return None


def next_token(text: str, pos: int) -> int | None:
    """Start of the first token starting after pos."""
    return first_token_from(text, pos + 1)


def prev_token(text: str, pos: int) -> int | None:
    """Start of the last token starting before pos."""
    k = min(pos, len(text))
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k <= 0:
        return None
    last: int | None = None
    for m in iter_tokens(text, k):
        if m.start() >= pos:
            break
        last = m.start()
    return last


def snap_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen [start, end) to whole tokens; None if the range holds no token."""
    first = token_containing(text, start)
    if first is None or first >= max(end, start + 1):
        return None
    last = prev_token(text, max(end, first + 1))
    return first, token_end(text, first if last is None else last)


# ------------------------------------------------------------------- sentences, paragraphs


def sentence_starts_after(text: str, pos: int) -> int | None:
    """The first (regex) sentence start after pos."""
    for m in sentence_re().finditer(text, pos):
        if m.end() > pos:
            return m.end()
    return None


def sentence_start_before(text: str, pos: int) -> int:
    """The last (regex) sentence start before pos (0 if there is none)."""
    window = 4096
    while True:
        lo = max(0, pos - window)
        best = -1
        for m in sentence_re().finditer(text, lo):
            if m.end() >= pos:
                break
            best = m.end()
        if best >= 0:
            return best
        if lo == 0:
            return 0
        window *= 4


def paragraph_start(text: str, pos: int) -> int:
    """Offset of the first character of the paragraph containing pos."""
    return text.rfind("\n", 0, pos) + 1


# --------------------------------------------------------------------------------- wrapping


@dataclass
class WrapChunk:
    """Visual lines for a run of whole paragraphs: parallel start/end offset lists."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    stop: int = 0  # offset of the next paragraph to wrap; len(text) + 1 when done


def _units(piece: str) -> Iterator[tuple[int, int]]:
    """(index, cells) of each grapheme in piece; zero-width marks never start a unit."""
    if "\u200d" in piece or "\ufe0f" in piece:  # emoji sequences need rich's grapheme rules
        for s, _e, w in split_graphemes(piece.translate(CONTROL_TABLE))[0]:
            yield s, w
        return
    single = _SINGLE_CELLS
    for i, ch in enumerate(piece):
        w = 1 if ch in single else get_character_cell_size(ch)
        if w or i == 0:
            yield i, w


def _break_by_cells(text: str, pos: int, q: int, width: int) -> tuple[int, int] | None:
    """Where the line starting at pos ends (end, next start) when it holds wide or zero-width
    characters; None if the rest of the paragraph fits."""
    window = width + 2
    while True:
        hi = min(q, pos + window)
        x, last_space = 0, -1
        for s, w in _units(text[pos:hi]):
            if x + w > width and s > 0:
                if text[pos + s] == " ":  # the line fits exactly up to this space
                    return pos + s, pos + s + 1
                if last_space > 0:
                    return pos + last_space, pos + last_space + 1
                return pos + s, pos + s
            if text[pos + s] == " ":
                last_space = s
            x += w
        if hi == q:
            return None
        window *= 2  # zero-width characters packed the window: look further


def _wrap_paragraph(text: str, p: int, q: int, width: int, chunk: WrapChunk) -> None:
    starts, ends = chunk.starts, chunk.ends
    pos = p
    while True:
        hi = min(q, pos + width + 1)
        if _NOT_SINGLE.search(text, pos, hi) is None:
            if q - pos <= width:
                break
            brk = text.rfind(" ", pos, hi)
            # No usable space: hard-break the long word.
            end, nxt = (pos + width, pos + width) if brk <= pos else (brk, brk + 1)
        else:
            cut = _break_by_cells(text, pos, q, width)
            if cut is None:
                break
            end, nxt = cut
        starts.append(pos)
        ends.append(end)
        pos = nxt
    starts.append(pos)
    ends.append(q)


def wrap(
    text: str,
    start: int,
    width: int,
    *,
    min_offset: int = 0,
    min_lines: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WrapChunk:
    """Wrap whole paragraphs from `start` (a paragraph start) to `width` cells.

    With `min_lines`, stop at the first paragraph end once `min_offset` is passed and at least
    that many lines exist, so a first screenful can be produced quickly.
    """
    width = max(2, width)
    n = len(text)
    chunk = WrapChunk()
    p = start
    count = 0
    while p <= n:
        q = text.find("\n", p)
        if q < 0:
            q = n
        _wrap_paragraph(text, p, q, width, chunk)
        p = q + 1
        count += 1
        if min_lines is not None and p > min_offset and len(chunk.starts) >= min_lines:
            break
        if cancelled is not None and count % 16 == 0 and cancelled():
            break
    chunk.stop = p
    return chunk


def line_of(starts: list[int], offset: int) -> int:
    """Index of the visual line containing offset."""
    return max(0, bisect_right(starts, offset) - 1)
