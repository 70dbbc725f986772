"""What the annotation screen's keys do, as pure functions of the document state (no Textual).

The screen turns key presses into calls here and writes the results through the store in a
worker; keeping the rules apart makes them testable without an app and keeps the screen small.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, NamedTuple

from annotations.models import Annotation, Document, Span

LOW_CONFIDENCE = 0.5
"""Suggestions below this confidence are hidden while the low-confidence filter is on."""

SOURCE_LABELS = ("PERSON", "ORG", "NORP", "GPE")
"""Entity types that can say something (sources, stance holders)."""

NEARBY = 400
"""How far (characters) around a selection entities count as nearby."""

PRONOUN_RE = re.compile(r"\b(?:he|she|they|it|we|I|him|her|them)\b", re.IGNORECASE)
CUE_RE = re.compile(
    r"\b(?:according to|pointed out|(?:said|says|say|told|tells|asked|asks|added|adds|stated|"
    r"states|declared|declares|insisted|insists|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|"
    r"remarked|remarks|noted|notes|explained|explains|questioned|reiterated|affirmed|"
    r"reaffirmed|acknowledged|warned|claimed|argued|announced|highlighted|wrote|writes|"
    r"replied|responded|suggested|believes|believed|described))\b"
)
"""Reporting verbs offered as cues when no suggestion supplies one."""


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

    # (suggestions, decisions, hide_low) -> pending and its span index; the screen asks on
    # every cursor move, and a 1 MB article has thousands of suggestions. The screen replaces
    # these attributes rather than mutating them, so identity tells when to recompute.
    _pending: tuple[object, object, bool, list[Suggestion], SpanLookup, list[int] | None
                    ] | None = field(default=None, init=False, repr=False, compare=False)

    _annotation_lookup: tuple[object, SpanLookup] | None = field(
        default=None, init=False, repr=False, compare=False)

    def _pending_state(self) -> tuple[list[Suggestion], SpanLookup, list[int] | None]:
        cache = self._pending
        if (cache is None or cache[0] is not self.suggestions or cache[1] is not self.decisions
                or cache[2] != self.hide_low):
            pending = [s for s in self.suggestions if s.key not in self.decisions
                       and not (self.hide_low and s.confidence < LOW_CONFIDENCE)]
            starts = [s.start for s in pending]
            # furthest content end so far (None when not in reading order: search linearly)
            reach = (list(accumulate((s.end for s in pending), max))
                     if starts == sorted(starts) else None)
            cache = (self.suggestions, self.decisions, self.hide_low, pending,
                     SpanLookup([s.spans() for s in pending]), reach)
            self._pending = cache
        return cache[3], cache[4], cache[5]

    def pending(self) -> list[Suggestion]:
        """Undecided suggestions in reading order (minus low-confidence ones when hidden)."""
        return list(self._pending_state()[0])

    def pending_at(self, offset: int) -> Suggestion | None:
        """What suggestion_at(self.pending(), offset) gives, found by bisection."""
        pending, lookup, _ = self._pending_state()
        found = lookup.first_covering(offset)
        return None if found is None else pending[found]

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
        pending, _, reach = self._pending_state()
        if reach is None:
            return next((s for s in pending if s.start < end and start < s.end), None)
        # every earlier suggestion ends at or before `start`; this one is the first past it
        i = bisect_right(reach, start)
        return pending[i] if i < len(pending) and pending[i].start < end else None

    def hidden_count(self) -> int:
        """How many undecided suggestions the low-confidence filter hides."""
        if not self.hide_low:
            return 0
        return sum(1 for s in self.suggestions
                   if s.key not in self.decisions and s.confidence < LOW_CONFIDENCE)


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
    return {"claim": "claim", "stance": "stance"}.get(kind, "attribution")


# -------------------------------------------------------------------------------- look-ups
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


def suggestion_at(suggestions: Iterable[Suggestion], offset: int) -> Suggestion | None:
    """The suggestion with a span under the offset, if any."""
    for s in suggestions:
        if s.covers(offset):
            return s
    return None


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


def next_hit(hits: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The first hit starting after the offset, wrapping to the first."""
    if not hits:
        return None
    i = bisect_right([h[0] for h in hits], offset)
    return hits[i % len(hits)]


# ---------------------------------------------------------------------------- descriptions
def clip(text: str, width: int = 48) -> str:
    """A text on one line, shortened with an ellipsis to fit `width` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def describe(ann: Annotation, width: int = 48) -> str:
    """One side-panel row: `Source → cue → “content”`, `claim: “…”`, `holder → polarity → “…”`."""
    if ann.kind == "claim":
        flag = "" if ann.attrs.get("checkworthy", "yes") == "yes" else " (not check-worthy)"
        return f"claim: “{clip(ann.role('claim')[0].text, width)}”{flag}"
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


# ------------------------------------------------------------------------- new annotations
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


@dataclass(frozen=True)
class Candidate:
    """One choice for a source, cue, holder or target: a span (or none) and what to call it."""

    label: str
    span: tuple[int, int] | None
    speaker: str = ""


NONE = Candidate("(none)", None)


def _near(start: int, end: int, a: int, b: int) -> int:
    """Distance between a range and the selection (0 when they touch)."""
    return max(0, a - end, start - b)


def source_candidates(view: DocView, sel: tuple[int, int], *,
                      marked: Sequence[tuple[int, int]] = (),
                      current: tuple[int, int] | None = None,
                      labels: Sequence[str] = SOURCE_LABELS,
                      inside: bool = False) -> list[Candidate]:
    """Sources to offer for a selection: the suggestion's, marked spans, nearby entities, pronouns.

    The best guess comes first: the source of a suggestion over the selection, else a marked
    span, else the nearest entity of a speaking type; `(none)` is always offered last. With
    `inside`, mentions within the selection count too (a stance's holder is often its subject).
    """
    text = view.doc.text
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()

    def add(c: Candidate) -> None:
        if c.span is not None and c.span not in seen and c.span[0] < c.span[1]:
            seen.add(c.span)
            out.append(c)

    if current:
        add(Candidate(f"{text[current[0]:current[1]]} (current)", current,
                      _speaker_for(view, current)))
    for s in view.suggestions:
        if s.source and s.start < sel[1] and sel[0] < s.end:
            add(Candidate(f"{text[s.source[0]:s.source[1]]} (suggested)", s.source,
                          s.speaker or text[s.source[0]:s.source[1]]))
    for m in marked:
        add(Candidate(f"{text[m[0]:m[1]]} (marked)", m, _speaker_for(view, m)))
    if inside:
        # the first mention in the selection is most often its subject, i.e. the holder
        within = [(int(e["start"]), int(e["end"]), f"{e['text']} ({e['label']})")
                  for e in view.entities if e["label"] in labels
                  and sel[0] <= int(e["start"]) and int(e["end"]) <= sel[1]]
        within += [(p.start(), p.end(), f"{p.group()} (pronoun)")
                   for p in PRONOUN_RE.finditer(text, sel[0], sel[1])]
        for a, b, label in sorted(within)[:1]:
            add(Candidate(label, (a, b), _speaker_for(view, (a, b))))
    ents = [e for e in view.entities if e["label"] in labels
            and _near(int(e["start"]), int(e["end"]), *sel) <= NEARBY
            and (inside or not (sel[0] <= int(e["start"]) and int(e["end"]) <= sel[1]))]
    ents.sort(key=lambda e: _near(int(e["start"]), int(e["end"]), *sel))
    for e in ents[:8]:
        add(Candidate(f"{e['text']} ({e['label']})", (int(e["start"]), int(e["end"])), e["text"]))
    lo, hi = max(0, sel[0] - 150), min(len(text), sel[1] + 150)
    pronouns = [m for m in PRONOUN_RE.finditer(text, lo, hi)
                if inside or not (sel[0] <= m.start() < sel[1])]
    # the subject comes first: a pronoun inside the selection sorts by its position in it
    pronouns.sort(key=lambda m: (_near(m.start(), m.end(), *sel), m.start()))
    for p in pronouns[:3]:
        add(Candidate(f"{p.group()} (pronoun)", (p.start(), p.end()),
                      _speaker_for(view, (p.start(), p.end()))))
    out.append(NONE)
    return out


def _speaker_for(view: DocView, sp: tuple[int, int]) -> str:
    """The canonical name for a source span: itself, or for a pronoun the last person before."""
    text = view.doc.text[sp[0]:sp[1]]
    if not PRONOUN_RE.fullmatch(text):
        for e in view.entities:
            if int(e["start"]) == sp[0] and int(e["end"]) == sp[1]:
                return str(e["text"])
        return text
    people = [e for e in view.entities if e["label"] == "PERSON" and int(e["end"]) <= sp[0]]
    if people:
        last = max(people, key=lambda e: int(e["end"]))
        return _longest_name(view, str(last["text"]))
    return text


def _longest_name(view: DocView, name: str) -> str:
    """The fullest form of a person's name in the document ("Pezeshkian" → "Masoud Pezeshkian")."""
    forms = [str(e["text"]) for e in view.entities
             if e["label"] == "PERSON" and str(e["text"]).endswith(name)]
    return max(forms, key=len) if forms else name


def cue_candidates(view: DocView, sel: tuple[int, int], *,
                   marked: Sequence[tuple[int, int]] = (),
                   current: tuple[int, int] | None = None) -> list[Candidate]:
    """Cues to offer: the suggestion's cue, marked spans, reporting verbs near the selection."""
    text = view.doc.text
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()

    def add(c: Candidate) -> None:
        if c.span is not None and c.span not in seen:
            seen.add(c.span)
            out.append(c)

    if current:
        add(Candidate(f"{text[current[0]:current[1]]} (current)", current))
    for s in view.suggestions:
        if s.cue and s.start < sel[1] and sel[0] < s.end:
            add(Candidate(f"{text[s.cue[0]:s.cue[1]]} (suggested)", s.cue))
    for m in marked:
        add(Candidate(f"{text[m[0]:m[1]]} (marked)", m))
    lo, hi = max(0, sel[0] - 120), min(len(text), sel[1] + 120)
    verbs = [m for m in CUE_RE.finditer(text, lo, hi) if not (sel[0] <= m.start() < sel[1])]
    verbs.sort(key=lambda m: _near(m.start(), m.end(), *sel))
    for v in verbs[:4]:
        add(Candidate(v.group(), (v.start(), v.end())))
    out.append(NONE)
    return out


def default_type(view: DocView, sel: tuple[int, int]) -> str:
    """`direct` for (inside) a quote, `mixed` when the selection holds one, else `indirect`."""
    for q in view.quotes:
        a, b = int(q["start"]), int(q["end"])
        if a - 1 <= sel[0] and sel[1] <= b + 1:
            return "direct"
        if sel[0] < a and b < sel[1]:
            return "mixed"
    return "indirect"


def attribution(doc: Document, content: Sequence[tuple[int, int]], *,
                source: tuple[int, int] | None, cue: tuple[int, int] | None, type_: str,
                speaker: str, annotator: str, base: Annotation | None = None) -> Annotation:
    """A new (or, given `base`, a changed) attribution frame."""
    spans = [span(doc, "content", *trim(doc.text, *c)) for c in content]
    if source:
        spans.append(span(doc, "source", *source))
    if cue:
        spans.append(span(doc, "cue", *cue))
    attrs = {"type": type_}
    if speaker.strip():
        attrs["speaker"] = speaker.strip()
    if base is None:
        return Annotation("attribution", spans, attrs, doc_id=doc.id, annotator=annotator)
    return _changed(base, spans, attrs)


def stance(doc: Document, sel: tuple[int, int], *, polarity: str,
           holder: tuple[int, int] | None, target: tuple[int, int] | None, target_text: str,
           annotator: str, base: Annotation | None = None) -> Annotation:
    """A new (or, given `base`, a changed) stance frame."""
    spans = [span(doc, "stance", *trim(doc.text, *sel))]
    if holder:
        spans.append(span(doc, "holder", *holder))
    if target:
        spans.append(span(doc, "target", *target))
    attrs = {"polarity": polarity}
    if target_text.strip():
        attrs["target_text"] = target_text.strip()
    if base is None:
        return Annotation("stance", spans, attrs, doc_id=doc.id, annotator=annotator)
    return _changed(base, spans, attrs)


def _changed(base: Annotation, spans: list[Span], attrs: dict[str, str]) -> Annotation:
    """A copy of `base` with new spans and attributes (same id, origin and creation time)."""
    return Annotation(base.kind, spans, attrs, id=base.id, doc_id=base.doc_id, origin=base.origin,
                      annotator=base.annotator, created_at=base.created_at,
                      updated_at=base.updated_at)


def with_attrs(base: Annotation, **attrs: str) -> Annotation:
    """A copy of `base` with some attributes changed."""
    return _changed(base, list(base.spans), {**base.attrs, **attrs})


def role_span(ann: Annotation, role: str) -> tuple[int, int] | None:
    """The (start, end) of the annotation's first span with this role, if any."""
    spans = ann.role(role)
    return (spans[0].start, spans[0].end) if spans else None
