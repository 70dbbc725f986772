"""Where things are in a document: the annotation, suggestion, quote or search hit at an offset."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from annotations.models import Annotation

from .actions_view import Suggestion


def annotation_at(annotations: Iterable[Annotation], offset: int,
                  selection: tuple[int, int] | None = None) -> Annotation | None:
    """The innermost annotation with a span under the offset (or overlapping the selection)."""
    best: Annotation | None = None
    best_len = 0
    for ann in annotations:
        for s in ann.spans:
            hit = s.start <= offset < s.end
            if selection and not hit:
                hit = s.start < selection[1] and selection[0] < s.end
            if hit and (best is None or s.end - s.start < best_len):
                best, best_len = ann, s.end - s.start
    return best


def next_suggestion(pending: Sequence[Suggestion], offset: int, step: int,
                    ) -> Suggestion | None:
    """The pending suggestion after (step=1) or before (step=-1) the offset, wrapping around."""
    if not pending:
        return None
    starts = [s.start for s in pending]
    if step > 0:
        i = bisect_right(starts, offset)
        return pending[i % len(pending)]
    i = bisect_right(starts, offset - 1) - 1
    # standing on a suggestion's start: go to the one before it
    while i >= 0 and pending[i].start >= offset:
        i -= 1
    return pending[i % len(pending)]


def quote_at(quotes: Iterable[dict[str, Any]], offset: int) -> tuple[int, int] | None:
    """The quote (content offsets) under the offset, if any."""
    for q in quotes:
        if int(q["start"]) <= offset < int(q["end"]):
            return int(q["start"]), int(q["end"])
    return None


def search_hits(text: str, query: str, *, limit: int = 10_000) -> list[tuple[int, int]]:
    """Case-insensitive hits of a query in the text."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        hits.append((m.start(), m.end()))
        if len(hits) >= limit:
            break
    return hits


def next_hit_index(hits: Sequence[tuple[int, int]], offset: int) -> int | None:
    """The index of the first hit starting after the offset, wrapping to the first."""
    if not hits:
        return None
    return bisect_right([h[0] for h in hits], offset) % len(hits)


def entity_at(entities: Iterable[dict[str, Any]], offset: int) -> tuple[int, int] | None:
    """The entity (its offsets) under the offset, if any: the shortest when they nest."""
    found = [(int(e["start"]), int(e["end"])) for e in entities
             if int(e["start"]) <= offset < int(e["end"])]
    return min(found, key=lambda span: span[1] - span[0]) if found else None

