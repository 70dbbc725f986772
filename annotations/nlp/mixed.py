"""Mixed quotations: a quoted fragment inside reported speech, attributed with its reported clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution import Attr, QuoteResult
from .cues import cue_span
from .indirect import _whole_quotes, clause_spans
from .linker import Linker
from .text import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .quotes import QuoteSpan
    from .speakers import Resolver

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_PASSIVE = ("auxpass", "nsubjpass")
# Verbs that judge something "as", "of" or "for" a quoted phrase ("dismissed the pledge as a
# “fantasy timetable”", "accused them of “playing games”"): their subject is the one quoted.
_JUDGING = words(
    """dismiss denounce hail brand label characterize characterise condemn criticize criticise
    deride decry slam blast praise portray depict describe accuse blame fault mock ridicule"""
)
_JUDGING_PREPS = words("as of for")
_ARTICLES = words("a an the")


def _opens_inside_clause(lk: Linker, r: QuoteResult) -> bool:
    """Whether a speech quotation after its cue begins inside the reported clause, whose
    subject stands before the opening mark ("said the country “will never surrender.”")."""
    a, q = r.attr, r.quote
    if not lk.parsed or a is None or a.cue is None or a.cue[1] > q.open_mark:
        return False
    doc = lk.doc
    tok = doc[lk.tokens_in(a.cue[0], a.cue[1])[0]]
    qa, qb = lk.tokens_in(q.open_mark, q.outer_end)
    if min(a.contents)[0] < q.start:
        return False  # "“The problem,” said Lee, “is …”": a split quotation resumes
    for child in tok.rights:
        if child.dep_ == "ccomp" and tok.i < child.left_edge.i < qa <= child.right_edge.i:
            before = doc[child.left_edge.i : qa]
            return any(t.dep_ in _SUBJECTS and qa <= t.head.i < qb for t in before)
    return False


def _to_mixed(lk: Linker, r: QuoteResult) -> None:
    """Re-class a speech quotation as a mixed one; it leaves an attribution it shares."""
    q, a = r.quote, r.attr
    assert a is not None
    qa, qb = lk.tokens_in(q.open_mark, q.outer_end)
    lk.speech[qa:qb] = bytes(qb - qa)  # its words are now the reported clause's
    r.kind = "mixed"
    if a.contents == [(q.start, q.end)]:
        a.type = "mixed"
        return
    a.contents.remove((q.start, q.end))  # a later quotation that inherited the cue stays direct
    r.attr = Attr("mixed", a.source, a.speaker, a.cue, a.cue_text, [(q.start, q.end)],
                  a.confidence, a.para)


def _judging_verb(lk: Linker, q: QuoteSpan) -> Token | None:
    """The active verb judging a quoted phrase through "as", "of" or "for", if any."""
    doc = lk.doc
    j = lk.tokens_in(q.open_mark, q.outer_end)[0] - 1
    while j >= 0 and (doc[j].is_space or doc[j].lower_ in _ARTICLES):
        j -= 1
    if j < 0 or lk.blocked[j] or doc[j].lower_ not in _JUDGING_PREPS:
        return None
    verb = doc[j].head
    if verb.dep_ == "dobj":
        verb = verb.head  # "accused the owners of “…”" with "of" hung on the object
    if verb.i >= j or verb.pos_ != "VERB" or verb.lemma_.lower() not in _JUDGING:
        return None
    if any(c.dep_ in _PASSIVE for c in verb.children):
        return None  # "was dismissed as “…”": the one who said it is not named here
    return verb


def _judged(lk: Linker, res: Resolver, r: QuoteResult, verb: Token) -> None:
    """Attribute a judged phrase to the judging verb's subject, as a mixed quotation."""
    src, from_parse = lk.source_for(verb, after_quote=False)
    if src is None:
        return
    res.advance(src.start)
    speaker = res.resolve(src)
    res.note(src, speaker, source=True)
    q = r.quote
    conf = (0.7 if from_parse else 0.55) - (0.15 if speaker is None else 0.0)
    r.kind = "mixed"
    r.attr = Attr("mixed", src, speaker, (verb.idx, verb.idx + len(verb)), verb.text,
                  [(q.start, q.end)], round(conf, 2), lk.index.paragraph_of(q.open_mark))
    r.confidence = min(r.confidence, r.attr.confidence)
    lk.used_cues.add(verb.i)


def refine_mixed(lk: Linker, results: list[QuoteResult]) -> None:
    """Find the mixed quotations the quote classifier cannot see without the parse: speech
    that begins inside a reported clause, and phrases judged "as", "of" or "for" a quote."""
    if not lk.parsed:
        return
    res = lk.resolver()
    for r in results:
        if r.kind == "speech" and _opens_inside_clause(lk, r):
            _to_mixed(lk, r)
        elif r.kind in ("scare", "mixed") and _unattributed_or_after(r) and (
            verb := _judging_verb(lk, r.quote)
        ) is not None:
            _judged(lk, res, r, verb)


def _unattributed_or_after(r: QuoteResult) -> bool:
    """A fragment with no cue, or only one after it ("dismissed it as “…,” the agency said":
    the phrase is the dismissers', the agency only reports it)."""
    a = r.attr
    return a is None or (a.cue is not None and a.cue[0] >= r.quote.outer_end
                         and a.contents == [(r.quote.start, r.quote.end)])


def mixed_contents(lk: Linker, a: Attr) -> list[tuple[int, int]]:
    """A mixed attribution's content: the reported clause its fragments sit in, or after a
    naming verb the thing named with its name ("called the plan “a fantasy”")."""
    if a.cue is None:
        return a.contents
    doc = lk.doc
    i = lk.tokens_in(a.cue[0], a.cue[1])[0]
    first, last = min(a.contents)[0], max(a.contents)[1]
    spans = clause_spans(lk, i)
    if spans and spans[0][0] <= first and spans[-1][1] >= last:
        return spans
    after = cue_span(doc[i]).end
    if not lk.parsed or after >= len(doc) or doc[after].idx > first:
        return a.contents
    end_tok = lk.tokens_in(first, last)[1]
    if doc[i].right_edge.i < end_tok - 1 or any(doc[k].is_sent_start for k in range(after + 1, end_tok)):
        return a.contents  # the fragment is not in the cue's phrase
    widened = _whole_quotes(lk, doc[after].idx, last)
    return [widened] if widened else a.contents
