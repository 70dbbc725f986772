"""`e` in the review: the annotation screen's edit dialogs over one annotator's version, offering
every annotator's sources, cues, holders and targets, so a gold annotation can take one
annotator's span and another's source."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.screen import ModalScreen

from annotations.models import Annotation, Span
from annotations.review import Case
from annotations.safe_text import one_line_safe

from .actions import NONE, Candidate
from .annotate_dialogs import SpanLabelDialog
from .dialogs import (
    AttributionChoice,
    AttributionDialog,
    ClaimChoice,
    ClaimDialog,
    StanceChoice,
    StanceDialog,
)


def candidates(case: Case, names: Sequence[str], role: str) -> list[Candidate]:
    """The distinct `role` spans of every version, each labelled with who marked it; then none."""
    found: dict[tuple[int, int], list[str]] = {}
    texts: dict[tuple[int, int], str] = {}
    for name, version in zip(names, case.versions, strict=True):
        for ann in version:
            for s in ann.role(role):
                found.setdefault((s.start, s.end), []).append(name)
                texts[(s.start, s.end)] = s.text
    return [Candidate(f"{one_line_safe(texts[r])} ({', '.join(who)})", r)
            for r, who in found.items()] + [NONE]


def _index(options: list[Candidate], ann: Annotation, role: str) -> int:
    spans = ann.role(role)
    here = (spans[0].start, spans[0].end) if spans else None
    return next((i for i, c in enumerate(options) if c.span == here), len(options) - 1)


def _with(ann: Annotation, text: str, roles: dict[str, tuple[int, int] | None],
          attrs: dict[str, str]) -> Annotation:
    """A copy of `ann` whose optional role spans are `roles` and whose attributes are `attrs`."""
    kept = [s for s in ann.spans if s.role not in roles]
    extra = [Span(role, r[0], r[1], text[r[0]:r[1]]) for role, r in roles.items() if r]
    return Annotation(kind=ann.kind, spans=[*kept, *extra], attrs=attrs, id=ann.id,
                      doc_id=ann.doc_id, origin=ann.origin, annotator=ann.annotator,
                      created_at=ann.created_at, updated_at=ann.updated_at)


def edit_dialog(case: Case, names: Sequence[str], ann: Annotation
                ) -> tuple[ModalScreen[object], Callable[[object], Annotation | None]]:
    """The dialog that edits `ann` (one version of `case`) and how to turn its answer into the
    edited annotation (None when it was cancelled)."""
    text = case.doc.text
    anchor = " … ".join(s.text for s in ann.spans if s.role in ("claim", "stance", "content"))
    attrs = dict(ann.attrs)
    if ann.kind == "claim":
        def claim(answer: object) -> Annotation | None:
            if not isinstance(answer, ClaimChoice):
                return None
            new = {**attrs, "checkworthy": answer.checkworthy, "type": answer.type}
            if not answer.type:
                del new["type"]
            return _with(ann, text, {}, new)

        return ClaimDialog(anchor, attrs.get("checkworthy", "yes"),
                           type_=attrs.get("type", "")), claim
    if ann.kind == "label":
        def label(answer: object) -> Annotation | None:
            if not isinstance(answer, tuple):
                return None
            return _with(ann, text, {}, {**attrs, "label": answer[0]})

        # every annotator's label for these words is offered
        offered = list(dict.fromkeys(a.attrs.get("label", "") for version in case.versions
                                     for a in version if a.kind == "label"))
        return SpanLabelDialog(ann.spans[0].text, offered, label=attrs.get("label", ""),
                               title="Span label (review)"), label
    if ann.kind == "stance":
        holders, targets = candidates(case, names, "holder"), candidates(case, names, "target")

        def stance(answer: object) -> Annotation | None:
            if not isinstance(answer, StanceChoice):
                return None
            new = {**attrs, "polarity": answer.polarity, "target_text": answer.target_text}
            if not answer.target_text:
                del new["target_text"]
            return _with(ann, text, {"holder": answer.holder.span, "target": answer.target.span},
                         new)

        return StanceDialog(anchor, holders, targets, polarity=attrs.get("polarity", "none"),
                            holder_index=_index(holders, ann, "holder"),
                            target_index=_index(targets, ann, "target"),
                            target_text=attrs.get("target_text", ""), title="Stance (review)"), stance
    sources, cues = candidates(case, names, "source"), candidates(case, names, "cue")

    def attribution(answer: object) -> Annotation | None:
        if not isinstance(answer, AttributionChoice):
            return None
        new = {**attrs, "type": answer.type, "speaker": answer.speaker}
        if not answer.speaker:
            del new["speaker"]
        return _with(ann, text, {"source": answer.source.span, "cue": answer.cue.span}, new)

    return AttributionDialog(anchor, sources, cues, type_=attrs.get("type", "direct"),
                             speaker=attrs.get("speaker", ""), title="Attribution (review)",
                             source_index=_index(sources, ann, "source"),
                             cue_index=_index(cues, ann, "cue")), attribution
