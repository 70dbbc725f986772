"""Highlights for ArticleView: the span type, the palette, a span index and the line painter."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter, itemgetter, sub

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.color import Color
from textual.filter import LineFilter
from textual.strip import Strip

from tui.widgets.article_layout import CONTROL_TABLE, cells


@dataclass(frozen=True, slots=True)
class Highlight:
    """A styled span of the article: char offsets (end exclusive) and a kind such as
    "entity:PERSON", "quote", "claim" or "search"."""

    start: int
    end: int
    kind: str
    key: str = ""


Mark = tuple[int, int, str]
"""A span to paint: (start, end, kind)."""

CURSOR = "_cursor"
"""Mark kind the view uses for the cursor's token."""
SELECTION = "_selection"
"""Mark kind the view uses for the selection."""

# Named ANSI colours only, so the palette survives a 16-colour terminal. Entities set the
# foreground, annotations the background, quotes and suggestions the text decoration; the
# few kinds that must stand out whatever lies under them (source, cue, search, current) set
# both so they stay legible on top of an annotation background.
KIND_STYLES: dict[str, Style] = {  # kind -> style; see also kind_style()
    "entity:PERSON": Style.parse("bright_cyan"),
    "entity:ORG": Style.parse("bright_magenta"),
    "entity:GPE": Style.parse("bright_green"),
    "entity:NORP": Style.parse("bright_yellow"),
    "entity:DATE": Style.parse("bright_blue"),
    "entity:*": Style.parse("bold"),
    "quote": Style.parse("underline"),
    "quote:scare": Style.parse("italic"),
    "suggestion": Style.parse("dim underline"),
    "attribution": Style.parse("on green"),
    "stance": Style.parse("on magenta"),
    "claim": Style.parse("on blue"),
    "label": Style.parse("on dark_orange3"),  # a span label (the database's scheme)
    "source": Style.parse("bold black on cyan"),
    "cue": Style.parse("bold black on yellow"),
    "search": Style.parse("black on bright_green"),
    "current": Style.parse("bold bright_white on red"),
    SELECTION: Style.parse("bright_white on bright_black"),
    # a background no highlight uses, so the cursor stands out on any span (reverse took the
    # colours of what lay under it, and editors lost it on coloured text)
    CURSOR: Style.parse("bold black on bright_white"),
}

# Later layers override earlier ones where they set the same attribute.
_LAYERS: dict[str, int] = {
    "quote": 1,
    "quote:scare": 1,
    "suggestion": 2,
    "attribution": 3,
    "stance": 3,
    "claim": 3,
    "label": 3,
    "source": 4,
    "cue": 4,
    "search": 5,
    "current": 6,
    SELECTION: 7,
    CURSOR: 8,
    **{kind: 0 for kind in KIND_STYLES if kind.startswith("entity:")},
}

LEGEND: list[tuple[str, str]] = [
    ("Person", "bright_cyan"),
    ("Organisation", "bright_magenta"),
    ("Place", "bright_green"),
    ("Group", "bright_yellow"),
    ("Date", "bright_blue"),
    ("Other entity", "bold"),
    ("Speech quote", "underline"),
    ("Scare quote", "italic"),
    ("Suggestion", "dim underline"),
    ("Attribution", "on green"),
    ("Stance", "on magenta"),
    ("Claim", "on blue"),
    ("Span label", "on dark_orange3"),
    ("Source", "bold black on cyan"),
    ("Cue", "bold black on yellow"),
    ("Search hit", "black on bright_green"),
    ("Current suggestion", "bold bright_white on red"),
    ("Selection", "bright_white on bright_black"),
]
"""(label, Rich style) pairs for a legend widget."""


def kind_style(kind: str) -> Style | None:
    """The style for a highlight kind (None for kinds this palette does not draw)."""
    style = KIND_STYLES.get(kind)
    if style is None and kind.startswith("entity:"):
        return KIND_STYLES["entity:*"]
    return style


def layer(kind: str) -> int:
    """Stacking order of a kind: entities at the bottom, the cursor on top."""
    return _LAYERS.get(kind, 0)


class HighlightIndex:
    """Highlights sorted by start for bisecting.

    Short spans (the vast majority: entities, short quotes) are found with one bisect bounded
    by their maximum length; the few long ones (multi-paragraph quotes) sit in coarse buckets
    so a single huge span cannot turn every lookup into a scan.
    """

    SHORT = 512
    BUCKET = 4096

    def __init__(self, highlights: Iterable[Highlight] = ()) -> None:
        """Index the highlights (empty and unknown-kind spans are indexed but never drawn)."""
        # C-level getters only: replacing 30,000 spans must stay a few milliseconds. Spans are
        # kept as (start, end, kind) tuples of atoms, which the garbage collector stops
        # tracking, so a big document adds nothing to each full collection's pause.
        items = sorted(highlights, key=_START)
        marks = list(zip(map(_START, items), map(_END, items), map(_KIND, items), strict=True))
        starts = list(map(_FIRST, marks))
        lengths = list(map(sub, map(_SECOND, marks), starts))
        self.count = len(marks)
        self.max_short = max(lengths, default=0)
        long: list[Mark] = []
        if self.max_short > self.SHORT:
            long = [m for m, n in zip(marks, lengths, strict=True) if n > self.SHORT]
            marks = [m for m, n in zip(marks, lengths, strict=True) if n <= self.SHORT]
            starts = list(map(_FIRST, marks))
            self.max_short = max([n for n in lengths if n <= self.SHORT], default=0)
        self.short = marks
        self.short_starts = starts
        self.buckets: dict[int, list[Mark]] = {}
        for mark in long:
            for b in range(mark[0] // self.BUCKET, (mark[1] - 1) // self.BUCKET + 1):
                self.buckets.setdefault(b, []).append(mark)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        """(start, end, kind) of the highlights overlapping [start, end)."""
        lo = bisect_right(self.short_starts, start - self.max_short)
        hi = bisect_left(self.short_starts, max(end, start + 1))
        found = [m for m in self.short[lo:hi] if m[1] > start]
        if self.buckets:
            seen: set[int] = set()
            for b in range(start // self.BUCKET, max(start, end - 1) // self.BUCKET + 1):
                for m in self.buckets.get(b, ()):
                    if m[0] < max(end, start + 1) and m[1] > start and id(m) not in seen:
                        seen.add(id(m))
                        found.append(m)
        return found


_START = attrgetter("start")
_END = attrgetter("end")
_KIND = attrgetter("kind")
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


class LinePainter:
    """Turns a line of text plus overlapping marks into styled segments, caching the combined
    Style of each stack of kinds."""

    def __init__(self, base: Style) -> None:
        """Paint on top of `base` (the widget's own colours)."""
        self.base = base
        self._combined: dict[tuple[str, ...], Style] = {(): base}

    def style(self, kinds: tuple[str, ...]) -> Style:
        """The base style with each kind's style applied in order."""
        style = self._combined.get(kinds)
        if style is None:
            style = Style.chain(self.base, *(kind_style(k) or Style() for k in kinds))
            self._combined[kinds] = style
        return style

    def paint(self, text: str, start: int, end: int, marks: Iterable[Mark]) -> list[Segment]:
        """Segments for text[start:end] with marks (clipped to the line) applied."""
        piece = text[start:end]
        if _CONTROL.search(piece):
            piece = piece.translate(CONTROL_TABLE)
        layers = _LAYERS
        clipped: list[tuple[int, int, int, int, str]] = []
        for s, e, k in marks:
            if s < end and e > start:
                rank = layers.get(k)
                if rank is None:
                    if not k.startswith("entity:"):
                        continue  # a kind this palette does not draw
                    rank = 0
                # Sorting on (layer, -length) stacks inner (shorter) spans over outer ones.
                clipped.append((rank, s - e, max(s, start), min(e, end), k))
        if not clipped:
            return [Segment(piece, self.base)]
        clipped.sort()
        cuts = sorted({start, end, *(m[2] for m in clipped), *(m[3] for m in clipped)})
        style = self.style
        return [
            Segment(
                piece[c0 - start : c1 - start],
                style(tuple([m[4] for m in clipped if m[2] <= c0 and m[3] >= c1])),
            )
            for c0, c1 in pairwise(cuts)
        ]


THUMB = Style.parse("bright_black")
"""Colour of the scroll indicator's thumb."""


class RowCache:
    """Finished rows (painted, padded, with the scroll indicator cell, line-filtered), kept per
    (line, has-thumb) in an LRU so scrolling and cursor moves repaint only what changed."""

    def __init__(self, size: int = 2048) -> None:
        """An empty cache; `configure` must be called before rendering."""
        self._cache: LRUCache[tuple[int, bool], Strip] = LRUCache(size)
        self._state: tuple[object, ...] = ()
        self.painter = LinePainter(Style())
        self._filters: tuple[LineFilter, ...] = ()
        self._background = Color(0, 0, 0, 0)
        self._width = self._pad_left = 0

    def configure(
        self,
        base: Style,
        filters: tuple[LineFilter, ...],
        background: Color,
        width: int,
        pad_left: int,
    ) -> None:
        """Set what rows are drawn with; any change drops every cached row."""
        state = (base, filters, background, width, pad_left)
        if state != self._state:
            self._state = state
            self.painter = LinePainter(base)
            self._filters, self._background = filters, background
            self._width, self._pad_left = width, pad_left
            self._cache.clear()

    def clear(self) -> None:
        """Drop every cached row."""
        self._cache.clear()

    def discard(self, first: int, last: int) -> None:
        """Drop the cached rows of lines first..last."""
        if last - first > 256:
            for key in [k for k in list(self._cache.keys()) if first <= k[0] <= last]:
                self._cache.discard(key)
            return
        for line in range(first, last + 1):
            self._cache.discard((line, False))
            self._cache.discard((line, True))

    def row(self, line: int, thumb: bool, text: str, start: int, end: int, marks: Iterable[Mark]) -> Strip:
        """The finished strip for line `line` (text[start:end]); marks are only read on a miss."""
        key = (line, thumb)
        strip = self._cache.get(key)
        if strip is None:
            segments = self.painter.paint(text, start, end, marks) if end > start else []
            strip = self._finish(segments, cells(text[start:end]), thumb)
            self._cache[key] = strip
        return strip

    def cached(self, line: int) -> bool:
        """True if line's row (without the thumb) is cached."""
        return (line, False) in self._cache

    def blank(self, thumb: bool) -> Strip:
        """A row below the end of the article."""
        key = (-1, thumb)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._cache[key] = self._finish([], 0, thumb)
        return strip

    def _finish(self, segments: list[Segment], used: int, thumb: bool) -> Strip:
        base, width, pad_left = self.painter.base, self._width, self._pad_left
        fill = width - 1 - pad_left - used
        if fill < 0:  # wider than the view (a resize not yet re-wrapped): crop it
            segments = list(Strip(segments).crop(0, width - 1 - pad_left))
            fill = 0
        row = [Segment(" " * pad_left, base)] if pad_left else []
        row += segments
        if fill:
            row.append(Segment(" " * fill, base))
        row.append(Segment("▐" if thumb else " ", base + THUMB))
        # Fewer segments make every later stage (filters, compositor, terminal output) cheaper.
        row = list(Segment.simplify(row))
        for line_filter in self._filters:
            row = line_filter.apply(row, self._background)
        return Strip(row, width)
