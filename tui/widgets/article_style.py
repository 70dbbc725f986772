"""Highlights for ArticleView: the span type, the palette, a span index and the line painter."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter

from rich.segment import Segment
from rich.style import Style

from tui.widgets.article_layout import CONTROL_TABLE


@dataclass(frozen=True, slots=True)
class Highlight:
    """A styled span of the article: char offsets (end exclusive) and a kind such as
    "entity:PERSON", "quote", "claim" or "search"."""

    start: int
    end: int
    kind: str
    key: str = ""


CURSOR = "_cursor"
SELECTION = "_selection"

# Named ANSI colours only, so the palette survives a 16-colour terminal. Entities set the
# foreground, annotations the background, quotes and suggestions the text decoration; the
# few kinds that must stand out whatever lies under them (source, cue, search, current) set
# both so they stay legible on top of an annotation background.
KIND_STYLES: dict[str, Style] = {
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
    "source": Style.parse("bold black on cyan"),
    "cue": Style.parse("bold black on yellow"),
    "search": Style.parse("black on bright_green"),
    "current": Style.parse("bold bright_white on red"),
    SELECTION: Style.parse("bright_white on bright_black"),
    CURSOR: Style.parse("reverse"),
}

# Later layers override earlier ones where they set the same attribute.
_LAYERS: dict[str, int] = {
    "quote": 1,
    "quote:scare": 1,
    "suggestion": 2,
    "attribution": 3,
    "stance": 3,
    "claim": 3,
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
        items = sorted(highlights, key=_START)
        long = [h for h in items if h.end - h.start > self.SHORT]
        self.short = [h for h in items if h.end - h.start <= self.SHORT] if long else items
        self.short_starts = [h.start for h in self.short]
        self.max_short = max([h.end - h.start for h in self.short], default=0)
        self.buckets: dict[int, list[Highlight]] = {}
        for h in long:
            for b in range(h.start // self.BUCKET, (h.end - 1) // self.BUCKET + 1):
                self.buckets.setdefault(b, []).append(h)
        self.count = len(items)

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Highlights overlapping [start, end), in start order for short ones."""
        lo = bisect_right(self.short_starts, start - self.max_short)
        hi = bisect_left(self.short_starts, max(end, start + 1))
        found = [h for h in self.short[lo:hi] if h.end > start]
        if self.buckets:
            seen: set[int] = set()
            for b in range(start // self.BUCKET, max(start, end - 1) // self.BUCKET + 1):
                for h in self.buckets.get(b, ()):
                    if h.start < max(end, start + 1) and h.end > start and id(h) not in seen:
                        seen.add(id(h))
                        found.append(h)
        return found


_START = attrgetter("start")

Mark = tuple[int, int, str]  # start, end, kind


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
        piece = text[start:end].translate(CONTROL_TABLE)
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
