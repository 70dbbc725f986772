"""What the tagging dialogs offer: sources, cues, holders and targets near a selection."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .actions_view import DocView

SOURCE_LABELS = ("PERSON", "ORG", "NORP", "GPE")
"""Entity types that can say something (sources, stance holders)."""

TARGET_LABELS = ("PERSON", "ORG", "NORP", "GPE", "LAW", "EVENT", "PRODUCT", "FAC", "WORK_OF_ART")
"""Entity types a stance can be about."""

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


def target_candidates(view: DocView, sel: tuple[int, int], *,
                      marked: Sequence[tuple[int, int]] = (),
                      current: tuple[int, int] | None = None,
                      labels: Sequence[str] = TARGET_LABELS) -> list[Candidate]:
    """Stance targets to offer: marked spans, the names inside the sentence, then nearby names.

    A stance is most often about something its own sentence names, so those come first, in
    reading order; names outside it follow, nearest first, each name once. No pronouns (a
    target is rarely one) and no suggested sources. `(none)` is always offered last."""
    text = view.doc.text
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    names: set[str] = set()

    def add(label: str, span: tuple[int, int]) -> None:
        if span not in seen and span[0] < span[1]:
            seen.add(span)
            out.append(Candidate(label, span))

    if current:
        add(f"{text[current[0]:current[1]]} (current)", current)
    for m in marked:
        add(f"{text[m[0]:m[1]]} (marked)", m)
    ents = sorted(((int(e["start"]), int(e["end"]), str(e["text"]), str(e["label"]))
                   for e in view.entities if e["label"] in labels), key=lambda e: e[0])
    for a, b, name, label in ents:
        if sel[0] <= a and b <= sel[1] and name not in names:
            add(f"{name} ({label})", (a, b))
            names.add(name)
    outside = [e for e in ents if not (sel[0] <= e[0] and e[1] <= sel[1])
               and _near(e[0], e[1], *sel) <= NEARBY]
    outside.sort(key=lambda e: _near(e[0], e[1], *sel))
    for a, b, name, label in outside:
        if name not in names and len(names) < 12:
            names.add(name)
            add(f"{name} ({label})", (a, b))
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

