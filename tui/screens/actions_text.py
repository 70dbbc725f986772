"""Annotations and suggestions as one line of text (side panel rows, the status line)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotations.models import Annotation
from annotations.safe_text import one_line_safe

from ..wording import plural as plural  # the screens' name for it (actions re-exports it)
from .actions_view import Suggestion


def clip(text: str, width: int = 48) -> str:
    """A text on one line, shortened with an ellipsis to fit `width` characters, its control
    characters shown rather than sent to the terminal (titles, side panel, status line)."""
    flat = one_line_safe(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


NOTE_MARK = "✎ "
"""What a side-panel row of an annotation with a note starts with."""


def describe(ann: Annotation, width: int = 48) -> str:
    """One side-panel row: `Source → cue → “content”`, `claim: “…”`, `holder → polarity → “…”`,
    `[label] “…”`; an annotation with a note starts with ✎."""
    row = _row(ann, width)
    return f"{NOTE_MARK}{row}" if ann.attrs.get("note") else row


def _row(ann: Annotation, width: int) -> str:
    if ann.kind == "claim":
        flag = "" if ann.attrs.get("checkworthy", "yes") == "yes" else " (not check-worthy)"
        kind = f"claim ({ann.attrs['type']})" if ann.attrs.get("type") else "claim"
        return f"{kind}: “{clip(ann.role('claim')[0].text, width)}”{flag}"
    if ann.kind == "label":
        return f"[{ann.attrs.get('label', '?')}] “{clip(ann.spans[0].text, width)}”"
    if ann.kind == "stance":
        holder = ann.role("holder")
        target = ann.role("target")
        who = holder[0].text if holder else "?"
        about = target[0].text if target else ann.attrs.get("target_text", "")
        head = f"{who} → {ann.attrs.get('polarity', 'none')}"
        if about:
            head += f" ({clip(about, 24)})"
        return f"{head} → “{clip(ann.role('stance')[0].text, width)}”"
    source = ann.role("source")
    speaker = ann.attrs.get("speaker") or (source[0].text if source else "?")
    cue = ann.role("cue")
    content = " … ".join(s.text for s in ann.role("content"))
    parts = [speaker] + ([cue[0].text] if cue else []) + [f"“{clip(content, width)}”"]
    return " → ".join(parts)


def describe_suggestion(s: Suggestion, text: str, width: int = 100) -> str:
    """The status-line form of a suggestion, `Source → cue → “content”  conf 0.9`, in `width`.

    A pronoun source shows whom it resolves to: `Masoud Pezeshkian (he)`.
    """
    source = text[s.source[0]:s.source[1]] if s.source else ""
    if s.speaker and source and not set(source.split()) <= set(s.speaker.split()) \
            and s.speaker not in source:
        who = f"{s.speaker} ({source})"
    else:
        who = source or s.speaker or "?"
    content = " … ".join(text[a:b] for a, b in s.content)
    head = [who] + ([text[s.cue[0]:s.cue[1]]] if s.cue else [])
    tail = f"  conf {s.confidence:.1f}"
    room = max(12, width - sum(len(h) + 3 for h in head) - len(tail) - 2)  # 3: " → ", 2: “”
    return " → ".join([*head, f"“{clip(content, room)}”"]) + tail



_OP_WORDS = {"add": "add", "update": "edit", "delete": "delete"}
_MAIN_ROLE = {"claim": "claim", "stance": "stance"}


def journal_change(entry: dict[str, Any], suggestions: Iterable[Suggestion] = (),
                   width: int = 32) -> tuple[str, int | None]:
    """What a journal entry (as undo and redo return it) changed, and where in the text.

    `add claim “He further declared…”`, `reject suggestion`, `status done → in progress`; the
    offset is the annotation's start, or that of the decided suggestion (looked up by its key
    in `suggestions`), None for a status change or a suggestion not among them.
    """
    op = str(entry.get("op", ""))
    changes = entry.get("changes") or []
    for change in changes:
        if change.get("table") != "annotation":
            continue
        ann = change.get("after") or change.get("before") or {}
        spans = ann.get("spans") or []
        role = _MAIN_ROLE.get(str(ann.get("kind")), "content")
        main = [s for s in spans if s.get("role") == role] or spans
        if not main:
            break
        words = f" “{clip(str(main[0].get('text', '')), width)}”"
        return f"{_OP_WORDS.get(op, op)} {ann.get('kind', 'annotation')}{words}", int(
            main[0]["start"])
    for change in changes:
        if change.get("table") == "decision":
            # the journal keys a decision by document and suggestion key, NUL between them
            key = str(change.get("key", "")).partition("\x00")[2]
            start = next((s.start for s in suggestions if s.key == key), None)
            return f"{op} suggestion" if op == "reject" else op, start
    for change in changes:
        if change.get("table") == "entity":
            ent = change.get("after") or change.get("before") or {}
            return (f"entity “{clip(str(ent.get('text', '')), width)}”",
                    int(ent["start"]) if "start" in ent else None)
    for change in changes:
        if change.get("table") == "status":
            return f"status {change.get('before')} → {change.get('after')}", None
    return op, None
