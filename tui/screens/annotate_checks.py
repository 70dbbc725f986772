"""What the annotation screen checks before it shows or stores something: entities read from the
database that it could not draw, and an annotation identical to one already there."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from annotations.models import Annotation
from annotations.store import Store

from ..writes import Declined

T = TypeVar("T")


def sound_entities(text: str, entities: Iterable[Any]) -> tuple[list[dict[str, Any]], int]:
    """The entities the screen can draw, and how many others it dropped.

    A stored entity without a label, with offsets that are not integers, empty, reversed or off
    the text, or whose `text` is not what its offsets cover, cannot be drawn: the screen used to
    crash on it at every open of its document, whatever wrote it (an old import, a hand edit)."""
    kept: list[dict[str, Any]] = []
    dropped = 0
    for e in entities:
        if isinstance(e, dict) and _sound(text, e):
            kept.append(e)
        else:
            dropped += 1
    return kept, dropped


def _sound(text: str, e: dict[str, Any]) -> bool:
    start, end, label = e.get("start"), e.get("end"), e.get("label")
    if type(start) is not int or type(end) is not int:  # bool is an int: not an offset
        return False
    if not (0 <= start < end <= len(text)) or not isinstance(label, str) or not label.strip():
        return False
    said = e.get("text")
    return said is None or said == text[start:end]


def dropped_note(dropped: int) -> str:
    """The one notice for the entities `sound_entities` dropped."""
    what = "entity" if dropped == 1 else "entities"
    return (f"{dropped} malformed stored {what} (no label, or off the text) not shown; "
            "re-import the document to replace them")


def shape(ann: Annotation) -> tuple[object, ...]:
    """What makes two annotations the same: kind, role spans and attributes (defaults filled
    in), not who made them or when."""
    attrs = dict(ann.attrs)
    filled = Annotation(kind=ann.kind, spans=[], attrs=attrs).with_defaults().attrs
    return (ann.kind, tuple(sorted((s.role, s.start, s.end) for s in ann.spans)),
            tuple(sorted(filled.items())))


def identical(ann: Annotation, others: Iterable[Annotation]) -> Annotation | None:
    """An annotation of the same annotator among `others`, other than `ann` itself, identical
    to it (see `shape`). Another annotator's identical frame is not a duplicate: two editors
    marking the same claim is what agreement measures (and merge keeps both)."""
    mine = shape(ann)
    return next((a for a in others if a.id != ann.id and a.annotator == ann.annotator
                 and shape(a) == mine), None)


def unless_identical(ann: Annotation, change: Callable[[Store], T], *,
                     verb: str = "added") -> Callable[[Store], T]:
    """`change` (adding or editing `ann`), refused (Declined, a note) when the same annotator
    already has an identical annotation stored: same kind, spans and attributes. Checked in
    the write's turn, so the second of two `c` typed in a burst sees the first claim."""
    def checked(store: Store) -> T:
        same = identical(ann, store.annotations(ann.doc_id))
        if same is not None:
            raise Declined(f"not {verb}: an identical {ann.kind} is already there "
                           f"({same.origin}, {same.annotator})")
        return change(store)

    return checked
