"""Reported clauses: what a reporting verb (or "according to") reports, as char spans."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from .cues import cue_lemma, cue_span, is_according_to
from .linker import Linker
from .text import words

if TYPE_CHECKING:
    from spacy.tokens import Token

_MIN_TOKENS = 3
_WH = words("what which who whom how why where when")
_ASKING = words("ask wonder question query")
_THAT_REACH = 4  # "told reporters on Monday that …"
_RELATIVE = words("which who whom whose that where when")
_WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
# Cues whose reported content may be an infinitive: "urged walkers to stay away".
_TO_VERBS = words("urge ask tell warn promise vow pledge advise")
_PASSIVE = ("auxpass", "nsubjpass")


def _trim(lk: Linker, a: int, b: int, least: int = _MIN_TOKENS) -> tuple[int, int] | None:
    """Char span of tokens [a, b) without edge punctuation, if long enough and quote-free."""
    doc = lk.doc
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    if b - a < least or any(lk.speech[a:b]):
        return None
    return _whole_quotes(lk, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))


def _whole_quotes(lk: Linker, start: int, end: int) -> tuple[int, int] | None:
    """The span widened to take in a quotation it cuts through ("was “woefully short”"),
    or, for one that never closes, stopped before its opening mark."""
    quotes = lk.quotes
    k = max(0, bisect_right(lk.open_marks, start) - 1)
    for q in quotes[k:]:
        if q.open_mark >= end:
            break
        inside_start = q.open_mark < start < q.outer_end
        inside_end = start <= q.open_mark < end < q.outer_end
        if (inside_start or inside_end) and q.close_mark is None:
            end = q.open_mark if inside_end else end
            start = q.outer_end if inside_start else start
        elif inside_start:
            start = q.open_mark
            end = max(end, q.outer_end)  # a span wholly inside the quotation takes all of it
        elif inside_end:
            end = q.outer_end
    text = lk.index.text
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return (start, end) if end > start else None


def _sentence_tokens(lk: Linker, i: int) -> tuple[int, int]:
    """Token range of the (rule-based) sentence around token i."""
    idx = lk.index
    pos = lk.doc[i].idx
    ps, pe = idx.paragraphs[idx.paragraph_of(pos)]
    return lk.tokens_in(idx.sentence_start(pos, ps), idx.sentence_end(pos, pe))


def lemma_of(tok: Token) -> str:
    """The lexicon lemma of a cue token ("" when it is not one)."""
    return cue_lemma(tok, loose=True) or ""


def _according_content(lk: Linker, tok: Token) -> list[tuple[int, int]] | None:
    """What "according to X" reports: the sentence after it, before it, or around it."""
    doc = lk.doc
    s, e = _sentence_tokens(lk, tok.i)
    end_of_source = tok.i + 2
    while end_of_source < e and doc[end_of_source].text not in (",", ".", ";"):
        end_of_source += 1
    if tok.i - s <= 1:  # "According to X, <content>."
        after = _trim(lk, end_of_source + 1, e)
        return [after] if after else None
    rest = None
    if doc[tok.i - 1].text == "," and end_of_source + 1 < e and doc[end_of_source].text == "," and (
        doc[end_of_source + 1].lower_ not in _RELATIVE
    ):
        # "The bill would, according to X, add …": the sentence goes on after X (but not in
        # "according to the survey, which was published …").
        rest = _trim(lk, end_of_source + 1, e, least=2)
    before = _trim(lk, s, tok.i, least=1 if rest else _MIN_TOKENS)  # "<content>, according to X."
    if before is None:
        return None
    return [before, rest] if rest else [before]


def called_on(tok: Token) -> Token | None:
    """The one called on in "called on Congress to act" (a request, unlike "called it X")."""
    if tok.lemma_.lower() != "call":
        return None
    on = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "on"), None)
    return next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None


def _to_clause(lk: Linker, tok: Token) -> list[tuple[int, int]] | None:
    """"urged walkers to stay away", "vowed to “fight …”", "called on X to act": what was
    urged, promised or asked for."""
    called = called_on(tok)
    if (lemma_of(tok) not in _TO_VERBS and called is None) or any(
        c.dep_ in _PASSIVE for c in tok.children
    ):
        return None  # "was asked to resign": the subject did not ask
    x = next((c for c in tok.rights if c.dep_ == "xcomp"
              and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)), None)
    if x is None:
        return None
    obj = called or next((c for c in tok.rights if c.dep_ in ("dobj", "dative") and c.i < x.i), None)
    span = _trim(lk, (obj or x).left_edge.i, x.right_edge.i + 1)
    return [span] if span else None


def _left_clause(lk: Linker, tok: Token) -> list[tuple[int, int]] | None:
    """A clause before its cue: "<clause>, the council said" (a ccomp on the left), or around
    it: "Schools, he said, were full" (the cue a parenthetical inside the clause)."""
    doc = lk.doc
    for child in tok.lefts:
        b = child.right_edge.i + 1
        if child.dep_ == "ccomp" and b < tok.i and doc[b].text == ",":
            span = _trim(lk, child.left_edge.i, b)
            return [span] if span else None
    head = tok.head
    if tok.dep_ != "parataxis" or head is tok or head.pos_ not in ("VERB", "AUX"):
        return None
    a, b = tok.left_edge.i, tok.right_edge.i + 1
    if tok.i and doc[tok.i - 1].text == "," and any(
        c.dep_ == "nsubj" and c.i > tok.i for c in tok.children
    ):
        a = tok.i - 1  # "Buyers, said Lee, were …": the parser gives "Buyers" to the cue too
    lead = a
    while lead < tok.i and doc[lead].is_punct:
        lead += 1
    if lead == 0 or doc[lead - 1].text != ",":
        return None  # the cue is set off by commas ("…, he said, …")
    parts = [_trim(lk, head.left_edge.i, a, least=1), _trim(lk, b, head.right_edge.i + 1, least=1)]
    spans = [p for p in parts if p is not None]
    tokens = sum(b - a for a, b in (lk.tokens_in(s, e) for s, e in spans))
    return spans if spans and tokens >= _MIN_TOKENS else None


def _run_on(root: Token) -> int:
    """Where a reported clause ends when the parser ran the reporter's next verb into it:
    "said the ruling was “a disgrace” and vowed to appeal" (a finite reporting verb joined to
    something in it; "would investigate and report back" stays whole)."""
    for t in root.subtree:
        if t.i > root.i and t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and (
            cue_lemma(t, direct=False) is not None
        ):
            cc = [x.i for x in t.head.children if x.dep_ == "cc" and x.i < t.i]
            return cc[-1] if cc else t.left_edge.i
    return len(root.doc)


def clause_spans(lk: Linker, i: int, *, parsed_only: bool = False) -> list[tuple[int, int]] | None:
    """The reported content governed by cue token i, as char spans (two when the cue
    interrupts it); parsed_only: not from a "that" near the cue."""
    doc = lk.doc
    tok = doc[i]
    if is_according_to(tok):
        return _according_content(lk, tok)
    if lk.parsed:
        for child in tok.rights:
            if child.dep_ == "ccomp" and child.left_edge.i > tok.i:
                a = child.left_edge.i
                if doc[a].lower_ in _WEEKDAYS and a + 1 < child.i and doc[a + 1].tag_ != "POS":
                    a += 1  # "said Tuesday the …": the day is when it was said
                if doc[a].lower_ == "that":
                    a += 1
                elif doc[a].lower_ in _WH and lemma_of(tok) not in _ASKING:
                    return None  # "highlighted what he described as …": not reported content
                b = min(child.right_edge.i + 1, _run_on(child))
                # "…, according to a report": another attribution of the whole sentence
                b = next((j - 1 for j in range(a + 1, b)
                          if doc[j - 1].text == "," and is_according_to(doc[j])), b)
                span = _trim(lk, a, b)
                return [span] if span else None
        found_ = _to_clause(lk, tok) or _left_clause(lk, tok)
        if found_ or parsed_only:
            return found_
    end = cue_span(tok).end
    _, e = _sentence_tokens(lk, i)
    for j in range(end, min(e, end + _THAT_REACH)):
        if doc[j].is_punct or lk.blocked[j]:
            break
        if doc[j].lower_ == "that":
            # "wrote that … “a folly” and urged …": the reporter's next verb ends the clause
            e = next((k for k in range(j + 2, e - 1) if doc[k].lower_ == "and"
                      and cue_lemma(doc[k + 1], direct=False) is not None), e)
            span = _trim(lk, j + 1, e)
            return [span] if span else None
    return None


def clause_for(lk: Linker, i: int) -> tuple[int, int] | None:
    """The reported content governed by cue token i as one char span (first to last part)."""
    spans = clause_spans(lk, i)
    return (spans[0][0], spans[-1][1]) if spans else None
