"""What the annotation screen's keys do, as pure functions of the document state (no Textual).

The screen turns key presses into calls here and writes the results through the store in a
worker; keeping the rules apart makes them testable without an app and keeps the screen small.
This module gathers them under one name, importing each part when one of its names is first
used (the first frame needs only the view and the text parts); each part has its own module:

- `actions_view`: DocView (what the screen holds for a document), suggestions, highlights;
- `actions_find`: what lies at an offset, the next suggestion or search hit;
- `actions_text`: annotations and suggestions as one line of text;
- `actions_candidates`: the sources, cues, holders and targets the dialogs offer;
- `actions_build`: the annotations a key or dialog makes or changes.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .actions_build import (
        accepted,
        attribution,
        claim,
        quotation_content,
        role_span,
        span_label,
        stance,
        trim,
        with_attrs,
    )
    from .actions_candidates import (
        NONE,
        Candidate,
        cue_candidates,
        default_type,
        source_candidates,
        target_candidates,
    )
    from .actions_find import (
        annotation_at,
        entity_at,
        next_hit_index,
        next_suggestion,
        quote_at,
        search_hits,
    )
    from .actions_text import clip, describe, describe_suggestion, journal_change, plural
    from .actions_view import LOW_CONFIDENCE, DocView, Mark, Suggestion, highlights, suggestions_from

_PART = {
    "Candidate": "actions_candidates",
    "DocView": "actions_view",
    "LOW_CONFIDENCE": "actions_view",
    "Mark": "actions_view",
    "NONE": "actions_candidates",
    "Suggestion": "actions_view",
    "accepted": "actions_build",
    "annotation_at": "actions_find",
    "attribution": "actions_build",
    "claim": "actions_build",
    "clip": "actions_text",
    "cue_candidates": "actions_candidates",
    "default_type": "actions_candidates",
    "describe": "actions_text",
    "describe_suggestion": "actions_text",
    "entity_at": "actions_find",
    "highlights": "actions_view",
    "journal_change": "actions_text",
    "next_hit_index": "actions_find",
    "next_suggestion": "actions_find",
    "plural": "actions_text",
    "quotation_content": "actions_build",
    "quote_at": "actions_find",
    "role_span": "actions_build",
    "search_hits": "actions_find",
    "source_candidates": "actions_candidates",
    "span_label": "actions_build",
    "stance": "actions_build",
    "suggestions_from": "actions_view",
    "target_candidates": "actions_candidates",
    "trim": "actions_build",
    "with_attrs": "actions_build",
}
"""Each name of this module -> the part (module) that defines it."""


def __getattr__(name: str) -> Any:
    """A name of one of the parts, importing that part on first use (PEP 562)."""
    part = _PART.get(name)
    if part is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{part}", __package__), name)
    globals()[name] = value  # found directly from now on
    return value


__all__ = [
    "LOW_CONFIDENCE",
    "NONE",
    "Candidate",
    "DocView",
    "Mark",
    "Suggestion",
    "accepted",
    "annotation_at",
    "attribution",
    "claim",
    "clip",
    "cue_candidates",
    "default_type",
    "describe",
    "describe_suggestion",
    "entity_at",
    "highlights",
    "journal_change",
    "next_hit_index",
    "next_suggestion",
    "plural",
    "quotation_content",
    "quote_at",
    "role_span",
    "search_hits",
    "source_candidates",
    "span_label",
    "stance",
    "suggestions_from",
    "target_candidates",
    "trim",
    "with_attrs",
]
