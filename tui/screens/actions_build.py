"""New and changed annotations, built from the document and what a key or dialog chose."""

from __future__ import annotations

from collections.abc import Sequence

from annotations.models import Annotation, Document, Span

from .actions_view import Suggestion


def span(doc: Document, role: str, start: int, end: int) -> Span:
    """A role span over the document text (its text copied from the document)."""
    return Span(role, start, end, doc.text[start:end])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a range so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Opening quotation marks and the mark that closes each (straight ones close themselves)
QUOTE_PAIRS = {"“": "”", "‘": "’", "«": "»", "„": "“", "‚": "‘", '"': '"', "'": "'"}


def _closing(text: str, mark: str, start: int, end: int) -> int | None:
    """Where `mark`'s closing partner is in text[start:end]; an apostrophe inside a word
    (can’t, O’Brien) does not close a single quote."""
    close = QUOTE_PAIRS[mark]
    i = text.find(close, start, end)
    while i >= 0 and close in "’'" and i + 1 < len(text) and text[i + 1].isalpha():
        i = text.find(close, i + 1, end)
    return i if i >= 0 else None


def quotation_content(text: str, sel: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The quoted words of a selection that starts with an opening quotation mark: one range
    per quotation in it, inside the marks ("“A,” he said. “B.”" gives A, and B); None when
    the selection does not start with one (its words are the content as they are).

    Selecting by sentence takes the marks and the words around them (`“Our stance…,”
    Pezeshkian remarked.`): the content of an attribution is what was said, not its marks,
    source or cue. An unclosed quotation (a paragraph of a multi-paragraph quote) runs to the
    end of the selection. A selection from inside a quotation up to its closing double mark
    (`dialogue,”`) loses the mark; a single one could be an apostrophe (the players’)."""
    a, b = trim(text, *sel)
    if a >= b:
        return None
    if text[a] not in QUOTE_PAIRS:
        opened = any(text[k] in QUOTE_PAIRS for k in range(a, b - 1))
        if text[b - 1] in "”»\"" and not opened:
            inner = trim(text, a, b - 1)
            return [inner] if inner[0] < inner[1] else None
        return None
    out: list[tuple[int, int]] = []
    i: int | None = a
    while i is not None and i < b:
        close = _closing(text, text[i], i + 1, b)
        inner = trim(text, i + 1, b if close is None else close)
        if inner[0] < inner[1]:
            out.append(inner)
        if close is None:
            break
        # the next quotation in the selection, if any (the second half of a split quote)
        i = next((k for k in range(close + 1, b) if text[k] in "“«„\"" or (
            text[k] in "‘'" and (k == 0 or not text[k - 1].isalnum()))), None)
    return out or None


def claim(doc: Document, sel: tuple[int, int], annotator: str) -> Annotation:
    """A check-worthy claim over the selection."""
    a, b = trim(doc.text, *sel)
    return Annotation("claim", [span(doc, "claim", a, b)], {"checkworthy": "yes"},
                      doc_id=doc.id, annotator=annotator)


def accepted(doc: Document, s: Suggestion, annotator: str) -> Annotation:
    """The attribution a suggestion becomes when accepted (origin `suggested`)."""
    spans = [span(doc, "content", a, b) for a, b in s.content]
    if s.source:
        spans.append(span(doc, "source", *s.source))
    if s.cue:
        spans.append(span(doc, "cue", *s.cue))
    attrs = {"type": s.type if s.type in ("direct", "indirect", "mixed") else "direct"}
    speaker = s.speaker or (doc.text[s.source[0]:s.source[1]] if s.source else "")
    if speaker:
        attrs["speaker"] = speaker
    return Annotation("attribution", spans, attrs, doc_id=doc.id, origin="suggested",
                      annotator=annotator)


def attribution(doc: Document, content: Sequence[tuple[int, int]], *,
                source: tuple[int, int] | None, cue: tuple[int, int] | None, type_: str,
                speaker: str, annotator: str, base: Annotation | None = None) -> Annotation:
    """A new (or, given `base`, a changed) attribution frame."""
    spans = [span(doc, "content", *trim(doc.text, *c)) for c in content]
    return _frame(doc, "attribution", spans, {"source": source, "cue": cue}, {"type": type_},
                  {"speaker": speaker}, annotator=annotator, base=base)


def stance(doc: Document, sel: tuple[int, int], *, polarity: str,
           holder: tuple[int, int] | None, target: tuple[int, int] | None, target_text: str,
           annotator: str, base: Annotation | None = None) -> Annotation:
    """A new (or, given `base`, a changed) stance frame."""
    spans = [span(doc, "stance", *trim(doc.text, *sel))]
    return _frame(doc, "stance", spans, {"holder": holder, "target": target},
                  {"polarity": polarity}, {"target_text": target_text},
                  annotator=annotator, base=base)


def _frame(doc: Document, kind: str, spans: list[Span], roles: dict[str, tuple[int, int] | None],
           attrs: dict[str, str], free_text: dict[str, str], *, annotator: str,
           base: Annotation | None) -> Annotation:
    """A frame: its main spans, then each role that has a span; the typed-in attributes
    (`free_text`) trimmed, and left out when blank. New, or given `base`, that one changed
    (keeping the attributes the dialog does not ask about: its note, who it was adjudicated
    from)."""
    spans = spans + [span(doc, role, *sp) for role, sp in roles.items() if sp]
    kept = {} if base is None else {k: v for k, v in base.attrs.items()
                                    if k not in attrs and k not in free_text}
    attrs = {**kept, **attrs, **{k: v.strip() for k, v in free_text.items() if v.strip()}}
    if base is None:
        return Annotation(kind, spans, attrs, doc_id=doc.id, annotator=annotator)
    return _changed(base, spans, attrs)


def _changed(base: Annotation, spans: list[Span], attrs: dict[str, str]) -> Annotation:
    """A copy of `base` with new spans and attributes (same id, origin and creation time)."""
    return Annotation(base.kind, spans, attrs, id=base.id, doc_id=base.doc_id, origin=base.origin,
                      annotator=base.annotator, created_at=base.created_at,
                      updated_at=base.updated_at)


def with_attrs(base: Annotation, **attrs: str) -> Annotation:
    """A copy of `base` with some attributes changed; one given as "" is removed."""
    merged = {**base.attrs, **attrs}
    return _changed(base, list(base.spans), {k: v for k, v in merged.items() if v})


def span_label(doc: Document, sel: tuple[int, int], label: str, annotator: str) -> Annotation:
    """A span label (from the database's scheme) over the selection."""
    a, b = trim(doc.text, *sel)
    return Annotation("label", [span(doc, "span", a, b)], {"label": label}, doc_id=doc.id,
                      annotator=annotator)


def role_span(ann: Annotation, role: str) -> tuple[int, int] | None:
    """The (start, end) of the annotation's first span with this role, if any."""
    spans = ann.role(role)
    return (spans[0].start, spans[0].end) if spans else None
