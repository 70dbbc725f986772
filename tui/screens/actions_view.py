"""The document as the annotation screen holds it: DocView, its suggestions, what to highlight."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, NamedTuple

from annotations.models import Annotation, Document

LOW_CONFIDENCE = 0.5
"""Suggestions below this confidence are hidden while the low-confidence filter is on."""


class Mark(NamedTuple):
    """One highlight to draw: the screen turns these into ArticleView highlights."""

    start: int
    end: int
    kind: str
    key: str = ""


@dataclass(frozen=True)
class Suggestion:
    """One proposed attribution from the analysis record."""

    key: str
    type: str
    content: tuple[tuple[int, int], ...]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    speaker: str
    confidence: float

    @property
    def start(self) -> int:
        """Where the first content span starts."""
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        """Where the last content span ends."""
        return max(e for _, e in self.content)

    def spans(self) -> list[tuple[int, int]]:
        """Every span of the suggestion (content, source, cue)."""
        out = list(self.content)
        out += [s for s in (self.source, self.cue) if s is not None]
        return out

    def covers(self, offset: int) -> bool:
        """True if the offset lies in one of the suggestion's spans."""
        return any(s <= offset < e for s, e in self.spans())


class SpanLookup:
    """Which item (by index) has a span covering an offset, by bisection over the spans."""

    def __init__(self, spans_per_item: Sequence[Sequence[tuple[int, int]]]) -> None:
        spans = sorted((a, b, i) for i, spans in enumerate(spans_per_item) for a, b in spans)
        self._spans = spans
        self._starts = [a for a, _, _ in spans]
        # the furthest end of any span so far: the walk back stops where nothing reaches
        self._reach = list(accumulate((b for _, b, _ in spans), max))

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(a, b, item index) of the spans overlapping [start, end), i.e. a < end and b > start
        (for end = start + 1: the spans covering `start`)."""
        spans, reach = self._spans, self._reach
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and reach[i] > start:
            if spans[i][1] > start:
                yield spans[i]
            i -= 1

    def first_covering(self, offset: int) -> int | None:
        """The lowest item index with a span [a, b) where a <= offset < b, or None."""
        return min((n for _, _, n in self.overlapping(offset, offset + 1)), default=None)


class _PendingState(NamedTuple):
    """What DocView computed from its suggestions, decisions and filters (what it keys on)."""

    suggestions: object
    decisions: object
    filters: tuple[bool, bool]
    pending: list[Suggestion]
    lookup: SpanLookup
    reach: list[int] | None
    hidden: int


@dataclass
class DocView:
    """Everything the annotation screen shows for one document (rebuilt after each write)."""

    doc: Document
    annotations: list[Annotation] = field(default_factory=list)
    decisions: dict[str, str] = field(default_factory=dict)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    hide_low: bool = False
    hide_indirect: bool = False

    # (suggestions, decisions, hidden kinds) -> pending, its span index and the counts; the
    # screen asks on every cursor move, and a 1 MB article has thousands of suggestions. The
    # screen replaces these attributes rather than mutating them, so identity tells when to
    # recompute.
    _pending: _PendingState | None = field(default=None, init=False, repr=False, compare=False)

    _annotation_lookup: tuple[object, SpanLookup] | None = field(
        default=None, init=False, repr=False, compare=False)

    def _pending_state(self) -> _PendingState:
        cache = self._pending
        filters = (self.hide_low, self.hide_indirect)
        if (cache is None or cache.suggestions is not self.suggestions
                or cache.decisions is not self.decisions or cache.filters != filters):
            undecided = [s for s in self.suggestions if s.key not in self.decisions]
            pending = [s for s in undecided if not self.hides(s)] if any(filters) else undecided
            starts = [s.start for s in pending]
            # furthest content end so far (None when not in reading order: search linearly)
            reach = (list(accumulate((s.end for s in pending), max))
                     if starts == sorted(starts) else None)
            cache = _PendingState(self.suggestions, self.decisions, filters, pending,
                                  SpanLookup([s.spans() for s in pending]), reach,
                                  len(undecided) - len(pending))
            self._pending = cache
        return cache

    def hides(self, s: Suggestion) -> bool:
        """Whether the filters on (t: low confidence, i: indirect speech) hide the suggestion."""
        return ((self.hide_low and s.confidence < LOW_CONFIDENCE)
                or (self.hide_indirect and s.type == "indirect"))

    def pending(self) -> list[Suggestion]:
        """Undecided suggestions in reading order, minus those the filters hide."""
        return list(self._pending_state().pending)

    def pending_count(self) -> int:
        """How many suggestions `pending()` gives, without copying them."""
        return len(self._pending_state().pending)

    def pending_at(self, offset: int) -> Suggestion | None:
        """The first pending suggestion with a span under the offset, found by bisection."""
        state = self._pending_state()
        found = state.lookup.first_covering(offset)
        return None if found is None else state.pending[found]

    def annotation_at(self, offset: int, selection: tuple[int, int] | None = None
                      ) -> Annotation | None:
        """What annotation_at(self.annotations, offset, selection) gives, by bisection."""
        cache = self._annotation_lookup
        if cache is None or cache[0] is not self.annotations:
            cache = (self.annotations,
                     SpanLookup([[(s.start, s.end) for s in a.spans] for a in self.annotations]))
            self._annotation_lookup = cache
        lookup = cache[1]
        hits = list(lookup.overlapping(offset, offset + 1))
        if selection:
            hits += lookup.overlapping(*selection)
        # the innermost (shortest) span wins; between equal ones, the earlier annotation
        best = min(((b - a, n) for a, b, n in hits), default=None)
        return None if best is None else self.annotations[best[1]]

    def pending_overlapping(self, start: int, end: int) -> Suggestion | None:
        """The first pending suggestion (reading order) whose content overlaps [start, end)."""
        state = self._pending_state()
        pending, reach = state.pending, state.reach
        if reach is None:
            return next((s for s in pending if s.start < end and start < s.end), None)
        # every earlier suggestion ends at or before `start`; this one is the first past it
        i = bisect_right(reach, start)
        return pending[i] if i < len(pending) and pending[i].start < end else None

    def hidden_count(self) -> int:
        """How many undecided suggestions the filters hide."""
        return self._pending_state().hidden


# ------------------------------------------------------------------------- analysis records
def _pair(value: Any) -> tuple[int, int] | None:
    if not value or len(value) != 2 or value[0] is None:
        return None
    return int(value[0]), int(value[1])


def suggestions_from(record: dict[str, Any] | None) -> list[Suggestion]:
    """The attribution suggestions of an analysis record, in reading order."""
    if not record:
        return []
    out: list[Suggestion] = []
    for a in record.get("attributions", []):
        content = tuple(p for p in (_pair(c) for c in a.get("content_spans") or []) if p)
        if not content:
            continue
        out.append(Suggestion(
            key=str(a.get("key") or a.get("id")),
            type=str(a.get("type") or "direct"),
            content=content,
            source=_pair(a.get("source_span")),
            cue=_pair(a.get("cue_span")),
            speaker=str(a.get("speaker_resolved") or a.get("speaker") or ""),
            confidence=float(a.get("confidence") if a.get("confidence") is not None else 1.0),
        ))
    out.sort(key=lambda s: (s.start, s.end, s.key))
    return out


# ------------------------------------------------------------------------------- highlights
def highlights(view: DocView, *, current: tuple[int, int] | None = None,
               search: Sequence[tuple[int, int]] = (),
               marked: Sequence[tuple[int, int]] = ()) -> list[Mark]:
    """Every highlight of the document: entities, quotes, annotations, suggestions, search."""
    marks: list[Mark] = []
    for e in view.entities:
        marks.append(Mark(int(e["start"]), int(e["end"]), f"entity:{e['label']}"))
    for q in view.quotes:
        kind = "quote" if q.get("speech", True) else "quote:scare"
        marks.append(Mark(int(q["start"]), int(q["end"]), kind))
    for s in view.pending():
        for a, b in s.content:
            marks.append(Mark(a, b, "suggestion", s.key))
    for ann in view.annotations:
        for span in ann.spans:
            marks.append(Mark(span.start, span.end, _span_kind(ann.kind, span.role), ann.id))
    for a, b in marked:
        marks.append(Mark(a, b, "source", "marked"))
    for a, b in search:
        marks.append(Mark(a, b, "search"))
    if current is not None:
        marks.append(Mark(current[0], current[1], "current"))
    return marks


def _span_kind(kind: str, role: str) -> str:
    """The highlight kind of one annotation span (sources and cues stand out in frames)."""
    if role in ("source", "holder"):
        return "source"
    if role == "cue":
        return "cue"
    return {"claim": "claim", "stance": "stance", "label": "label"}.get(kind, "attribution")

