"""Indirect speech ("X said that …", "according to X, …") proposed as attributions."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .attribution import Attr
from .clauses import _whole_quotes as _whole_quotes  # reported clauses moved; tests reach it here
from .clauses import called_on, clause_spans
from .cues import cue_span
from .linker import Linker
from .mentions import Mention, parsed_phrase
from .text import words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of belief and evidence ("many believe …", "polls show …"): reported content too, but
# nobody said it, so it is proposed with less confidence.
_BELIEF = words("believe think feel fear hope expect doubt suspect worry find show indicate reckon")
# Verbs outside the cue lexicon that report what someone said: full confidence.
_SIGNALLING = words("signal signaled signalled hint")
_DOUBT = {**dict.fromkeys(_BELIEF, 0.2), **dict.fromkeys(_SIGNALLING, 0.0)}
_NOT_SAYING = words("decline refuse fail")  # "declined to say whether …"


class _KnownSpans:
    """The known attributions' content spans, sorted, so that a clause's overlap with them is a
    bisection, not a pass over every attribution (that made the rules quadratic in length)."""

    def __init__(self, known: Sequence[Attr]) -> None:
        self.spans = sorted(span for a in known for span in a.contents)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlap(self, s: int, e: int) -> int:
        """How many characters of [s, e) the known spans cover (counting each span)."""
        lo = bisect_left(self.starts, s - self.longest)
        hi = bisect_left(self.starts, e)
        return sum(max(0, min(e, ke) - max(s, ks)) for ks, ke in self.spans[lo:hi])


def _mostly_known(contents: list[tuple[int, int]], known: _KnownSpans) -> bool:
    """Whether most of a clause is already another attribution's content ("vowed to continue
    the campaign “until victory.”", where the quoted phrase made it a mixed quotation)."""
    size = sum(e - s for s, e in contents)
    return sum(known.overlap(s, e) for s, e in contents) * 2 > size


def _inside(src: Mention, contents: list[tuple[int, int]]) -> bool:
    return any(src.start < e and src.end > s for s, e in contents)


def _shared_subject(tok: Token, src: Mention, known: Sequence[Attr]
                    ) -> tuple[Mention | None, str | None]:
    """For "X wrote that Y was “unfit” and urged …", parsed with "urged" joined to the
    reported clause: the subject found is inside another attribution's content, so the cue
    shares that attribution's source."""
    head = tok.head.idx
    for a in known:
        if a.source is not None and any(s <= head < e and s <= src.start < e for s, e in a.contents):
            return a.source, a.speaker
    return src, None


def _unsaid(tok: Token) -> bool:
    """"did not say that …", "declined to say whether …", "has yet to say …": nothing said."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and (
        head.lemma_.lower() in _NOT_SAYING or any(c.lower_ == "yet" for c in head.children))


def _beliefs(lk: Linker) -> dict[int, float]:
    """Verbs of belief, evidence or signalling outside quotations, with how much less sure
    their content is than speech (parsed text only)."""
    if not lk.parsed:
        return {}
    return {t.i: _DOUBT[t.lemma_.lower()] for t in lk.doc
            if t.pos_ == "VERB" and t.lemma_.lower() in _DOUBT
            and not lk.blocked[t.i] and t.i not in lk.cue_candidates}


def indirect_attributions(lk: Linker, known: Sequence[Attr] = ()) -> list[Attr]:
    """Indirect-speech proposals for every free reporting verb with a reported clause, and
    (less sure) for verbs of belief and evidence with one outside the known attributions'
    contents ("said the figures showed …": what showed it is part of what was said)."""
    res = lk.resolver()
    known_spans = _KnownSpans(known)
    found: list[Attr] = []
    doc = lk.doc
    beliefs = _beliefs(lk)
    for i in sorted(lk.cue_candidates | beliefs.keys()):
        belief = i in beliefs
        if not belief and (i in lk.used_cues or not (
            lk.cue_at(i, direct=False) or (lk.parsed and called_on(doc[i]) is not None)
        )):
            continue
        pos = doc[i].idx
        if belief and (known_spans.overlap(pos, pos + 1)
                       or any(s <= pos < e for a in found for s, e in a.contents)):
            continue
        if doc[i].tag_ == "VBN" and doc[i].dep_ in ("advcl", "acl"):
            continue  # "Asked whether …, Vos said": a question put to someone, not a claim
        if lk.parsed and _unsaid(doc[i]):
            continue
        contents = clause_spans(lk, i, parsed_only=belief)
        if contents is None or _mostly_known(contents, known_spans):
            continue
        if lk.parsed and any(c.dep_ in ("nsubjpass", "auxpass") for c in doc[i].children):
            # "Residents were told that …": the subject heard it; the speaker is the agent
            # ("told by officials"), or nobody named
            agent = next((p for c in doc[i].rights if c.dep_ == "agent"
                          for p in c.children if p.dep_ == "pobj"), None)
            src, from_parse = (parsed_phrase(agent), True) if agent is not None else (None, False)
        else:
            src, from_parse = lk.source_for(doc[i], after_quote=False)
        speaker: str | None = None
        if src is not None and _inside(src, contents):
            # "Buyers, said Lee, were …": the parser gives the cue two subjects; the one
            # after it is the speaker.
            after = next((c for c in doc[i].rights if c.dep_ == "nsubj" and not lk.blocked[c.i]), None)
            src = parsed_phrase(after) if after is not None else None
        if src is not None and doc[i].dep_ == "conj":
            src, speaker = _shared_subject(doc[i], src, (*known, *found))
        if src is None or _inside(src, contents):
            continue
        res.advance(src.start)
        speaker = speaker or res.resolve(src)
        res.note(src, speaker, source=True)
        conf = (0.7 if from_parse else 0.55) - (0.15 if speaker is None else 0.0)
        conf -= beliefs.get(i, 0.0)
        span = cue_span(doc[i])
        found.append(Attr("indirect", src, speaker, (span.start_char, span.end_char), span.text,
                          contents, round(conf, 2), lk.index.paragraph_of(contents[0][0])))
    return found
