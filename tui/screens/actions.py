"""What the annotation screen's keys do, as pure functions of the document state (no Textual).

The screen turns key presses into calls here and writes the results through the store in a
worker; keeping the rules apart makes them testable without an app and keeps the screen small.
This module gathers them under one name; each part has its own module:

- `actions_view`: DocView (what the screen holds for a document), suggestions, highlights;
- `actions_find`: what lies at an offset, the next suggestion or search hit;
- `actions_text`: annotations and suggestions as one line of text;
- `actions_candidates`: the sources, cues, holders and targets the dialogs offer;
- `actions_build`: the annotations a key or dialog makes or changes.
"""

from __future__ import annotations

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
