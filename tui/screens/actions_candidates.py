"""What the tagging dialogs offer: sources, cues, holders and targets near a selection."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .actions_view import DocView

SOURCE_LABELS = ("PERSON", "ORG", "NORP", "GPE")
"""Entity types that can say something (sources, stance holders)."""

TARGET_LABELS = ("PERSON", "ORG", "NORP", "GPE", "LAW", "EVENT", "PRODUCT", "FAC", "WORK_OF_ART")
"""Entity types a stance can be about."""

NEARBY = 400
"""How far (characters) around a selection entities count as nearby."""

PRONOUN_PATTERN = r"\b(?:he|she|they|it|we|I|him|her|them)\b"
PERSONAL_PATTERN = r"he|she|him|her"
"""The pronouns that stand for one person (resolved to the last one named before)."""
CUE_PATTERN = (
    r"\b(?:according to|pointed out|(?:said|says|say|told|tells|asked|asks|added|adds|stated|"
    r"states|declared|declares|insisted|insists|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|"
    r"remarked|remarks|noted|notes|explained|explains|questioned|reiterated|affirmed|"
    r"reaffirmed|acknowledged|warned|claimed|argued|announced|highlighted|wrote|writes|"
    r"replied|responded|suggested|believes|believed|described))\b"
)
"""Reporting verbs offered as cues when no suggestion supplies one."""


@cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern of this module compiled when a chooser first needs it: compiled at import,
    they cost every start a millisecond before the first frame."""
    return re.compile(pattern, flags)


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
    known = names_for(view)
    if inside:
        # the first mention in the selection is most often its subject, i.e. the holder
        # (a person or organisation before anything else: "U.S. President Donald Trump")
        within = [(known.label(e) not in ("PERSON", "ORG"), int(e["start"]), int(e["end"]))
                  for e in view.entities if known.label(e) in labels
                  and sel[0] <= int(e["start"]) and int(e["end"]) <= sel[1]]
        within += [(known.full((p.start(), p.end())) == p.group(), p.start(), p.end())
                   for p in compiled(PRONOUN_PATTERN, re.IGNORECASE).finditer(text, sel[0], sel[1])]
        for _, a, b in sorted(within)[:1]:
            add(known.candidate((a, b)))
    # then the names nearby, people and organisations first (by their full names, each once),
    # nearest first; then the other speaking types
    ents = [e for e in view.entities if known.label(e) in labels
            and _near(int(e["start"]), int(e["end"]), *sel) <= NEARBY
            and (inside or not (sel[0] <= int(e["start"]) and int(e["end"]) <= sel[1]))]
    ents.sort(key=lambda e: (known.label(e) not in ("PERSON", "ORG"),
                             _near(int(e["start"]), int(e["end"]), *sel)))
    names: set[str] = set()
    offered = 0
    for e in ents:
        found = known.candidate((int(e["start"]), int(e["end"])))
        if found.speaker not in names and offered < 8:
            names.add(found.speaker)
            offered += 1
            add(found)
    lo, hi = max(0, sel[0] - 150), min(len(text), sel[1] + 150)
    pronouns = [m for m in compiled(PRONOUN_PATTERN, re.IGNORECASE).finditer(text, lo, hi)
                if inside or not (sel[0] <= m.start() < sel[1])]
    # the subject comes first: a pronoun inside the selection sorts by its position in it
    pronouns.sort(key=lambda m: (_near(m.start(), m.end(), *sel), m.start()))
    for p in pronouns[:3]:
        add(known.candidate((p.start(), p.end())))
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
    known = names_for(view)
    ents = sorted(((int(e["start"]), int(e["end"]), known.full((int(e["start"]), int(e["end"]))),
                    known.label(e)) for e in view.entities if known.label(e) in labels),
                  key=lambda e: e[0])
    # inside the sentence: people and organisations first (full names), then in reading order
    inner = [e for e in ents if sel[0] <= e[0] and e[1] <= sel[1]]
    inner.sort(key=lambda e: e[3] not in ("PERSON", "ORG"))
    for a, b, name, label in inner:
        if name not in names:
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
    """The canonical name for a source span: its full name, or for a pronoun the person the
    rules resolved it to (else the last person before)."""
    return names_for(view).full(sp)


class Names:
    """Who the names and pronouns of a document are, as the rules know them.

    The analysis's suggestions and quotes carry resolved speakers (`he` → "Masoud Pezeshkian"),
    and a name the model mistypes (a surname tagged NORP) is a person when it ends a person's
    full name the document gives; those win over the model's label."""

    def __init__(self, view: DocView) -> None:
        self.view = view
        # indexed once: a 1 MB article has thousands of names and suggestions
        self.entities = {(int(e["start"]), int(e["end"])): e for e in view.entities}
        self.resolved: dict[tuple[int, int], str] = {}
        for s in view.suggestions:
            if s.source and s.speaker:
                self.resolved[s.source] = s.speaker
        for q in view.quotes:
            span, who = q.get("speaker_span"), q.get("speaker_resolved")
            if span and who:
                self.resolved.setdefault((int(span[0]), int(span[1])), str(who))
        tagged = {str(e["text"]) for e in view.entities if e["label"] == "PERSON"}
        tagged_ends = {end for name in tagged for end in _ends(name)}
        # the speakers the rules resolved that the model also calls a person somewhere: only
        # these re-type a mistyped entity (the model's PERSONs alone include its mistakes,
        # "Questioning Washington" would make every "Washington" a person)
        self.speakers = {who for who in set(self.resolved.values())
                         if who in tagged_ends or not tagged.isdisjoint(_ends(who))}
        self.speaker_ends = {end for who in self.speakers for end in _ends(who)}
        # each last-words form of a person's name -> the fullest name ending so
        self.fullest: dict[str, str] = {}
        for name in sorted(tagged | self.speakers, key=len):
            for end in _ends(name):
                self.fullest[end] = name
        # where each person is mentioned (a pronoun the rules resolved counts: "he questioned")
        self.mentions: list[tuple[int, str]] = []
        self.mentions = sorted(
            [(b, self.full((a, b))) for a, b in self.resolved
             if self.full((a, b)) in self.fullest]
            + [(b, self.full((a, b))) for (a, b), e in self.entities.items()
               if self.label(e) == "PERSON"])

    def longest(self, name: str) -> str:
        """The fullest form of a person's name ("Pezeshkian" → "Masoud Pezeshkian")."""
        return self.fullest.get(name, name)

    def label(self, e: dict[str, object]) -> str:
        """The entity's type as the rules know it: PERSON for a part of a known person's name."""
        label = e["label"]
        if label in ("NORP", "GPE", "ORG") and e["text"] in self.speaker_ends:
            return "PERSON"
        return str(label)

    def full(self, sp: tuple[int, int]) -> str:
        """The full name of the span: resolved by the rules, else the person's longest form."""
        text = self.view.doc.text[sp[0]:sp[1]]
        if sp in self.resolved:
            return self.longest(self.resolved[sp])
        if compiled(PRONOUN_PATTERN, re.IGNORECASE).fullmatch(text):
            # only he / she stand for one person (we, they, it rarely do)
            at = bisect_right(self.mentions, (sp[0], "\U0010ffff"))
            one = at and compiled(PERSONAL_PATTERN, re.IGNORECASE).fullmatch(text)
            return self.mentions[at - 1][1] if one else text
        e = self.entities.get(sp)
        if e is not None and self.label(e) == "PERSON":
            return self.longest(str(e["text"]))
        return text

    def candidate(self, sp: tuple[int, int]) -> Candidate:
        """The span as a choice: `Masoud Pezeshkian (He)`, `Joe Biden (PERSON)`, `He (pronoun)`."""
        text = self.view.doc.text[sp[0]:sp[1]]
        full = self.full(sp)
        if compiled(PRONOUN_PATTERN, re.IGNORECASE).fullmatch(text):
            return Candidate(f"{full} ({text})" if full != text else f"{text} (pronoun)", sp, full)
        e = self.entities.get(sp)
        return Candidate(f"{full} ({self.label(e) if e else 'name'})", sp, full)


_NAMES: list[tuple[tuple[object, ...], Names]] = []


def names_for(view: DocView) -> Names:
    """The view's Names, built once while its text, entities and analysis stay the same (the
    source, holder and target lists of one dialog, and the next dialog, share it)."""
    key = (view.doc, view.entities, view.suggestions, view.quotes)
    if _NAMES and all(a is b for a, b in zip(_NAMES[0][0], key, strict=True)):
        return _NAMES[0][1]
    _NAMES[:] = [(key, Names(view))]  # one entry: it holds the keys alive, so `is` is exact
    return _NAMES[0][1]


def _ends(name: str) -> list[str]:
    """A name's last-words forms: "Masoud Pezeshkian" → ["Masoud Pezeshkian", "Pezeshkian"]."""
    words = name.split(" ")
    return [" ".join(words[i:]) for i in range(len(words))]


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
    verbs = [m for m in compiled(CUE_PATTERN).finditer(text, lo, hi) if not (sel[0] <= m.start() < sel[1])]
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

