"""Mixed quotations: a quoted fragment inside reported speech, attributed with its reported clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution import Attr, QuoteResult
from .clauses import _whole_quotes, clause_spans, lemma_of
from .cues import cue_span
from .linker import Linker
from .mentions import make_mention
from .text import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .quotes import QuoteSpan
    from .speakers import Resolver

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_PASSIVE = ("auxpass", "nsubjpass")
# Verbs that judge something "as", "of" or "for" a quoted phrase ("dismissed the pledge as a
# “fantasy timetable”", "accused them of “playing games”"): their subject is the one quoted.
_JUDGING = {
    "as": words("""dismiss denounce hail brand label characterize characterise condemn criticize
        criticise deride decry slam blast praise portray depict describe mock ridicule reject
        refer view regard"""),
    "for": words("criticize criticise praise blame fault slam blast condemn"),
    "of": words("accuse"),
}
_JUDGING_PREPS = frozenset(_JUDGING)
# Verbs that report what a study found or what someone believes ("the audit found that …").
_FINDING = words("find show conclude believe think fear")
_CLIMB = 6  # head steps from a quoted phrase up to the verb that frames it
# How the parser hangs a quoted phrase, not a quoted clause, on the reporter's sentence.
# (Not dobj or advmod: "told reporters “no comment.”", "said “absolutely not.”" are answers.)
_PHRASE_DEPS = ("prep", "pobj", "attr", "acomp", "npadvmod", "oprd", "amod")
_NAMING = words("call describe dub term label brand")
_LABEL_WORDS = 4  # a quoted label modifying a noun is short ("the “levelling up” agenda")
_CLAUSE_EDGES = ("ccomp", "relcl", "acl", "advcl", "parataxis")
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


def _phrase_after_cue(lk: Linker, r: QuoteResult) -> bool:
    """Whether a "speech" quotation after its cue is a lower-case phrase the parser hangs on
    the reporter's sentence as a modifier or object ("vowed to continue the campaign “until
    victory.”"), not a clause of its own."""
    a, q = r.attr, r.quote
    if not lk.parsed or a is None or a.cue is None or a.cue[1] > q.open_mark:
        return False
    if len(a.contents) > 1 or not lk.index.text[q.start : q.end].lstrip()[:1].islower():
        return False
    root = _quote_root(lk, q)
    words_ = lk.index.text[q.start : q.end].split()
    if root is None or len(words_) < 2:
        return False
    opens = lk.doc[lk.tokens_in(q.start, q.end)[0]]
    # "… “until the poaching stops.”": a subordinate clause of the reporter's sentence
    return root.dep_ in _PHRASE_DEPS or (root.dep_ == "advcl" and opens.dep_ == "mark")


def _naming_verb(lk: Linker, q: QuoteSpan) -> Token | None:
    """The naming verb a quoted name hangs on ("which he called “the worst”")."""
    root = _quote_root(lk, q)
    if root is None:
        return None
    verb = root.head
    named = verb.pos_ == "VERB" and verb.lemma_.lower() in _NAMING and verb.idx < q.open_mark
    return verb if named and not lk.blocked[verb.i] else None


def _is_label(lk: Linker, r: QuoteResult) -> bool:
    """Whether a quoted phrase is a label the reporter holds at a distance rather than the
    speaker's words: "the so-called “efficiency drive”", or a short name modifying a noun
    outside the marks ("the “maximum pressure” campaign")."""
    q, a = r.quote, r.attr
    if a is None or a.contents != [(q.start, q.end)] or a.cue is None:
        return False
    if lk.doc[lk.tokens_in(a.cue[0], a.cue[1])[0]].lemma_.lower() in _NAMING:
        return False  # "called the decision “painful but unavoidable”": the name it was given
    qb = lk.tokens_in(q.open_mark, q.outer_end)[1]
    before = lk.index.text[max(0, q.open_mark - 12) : q.open_mark].lower()
    if before.rstrip().endswith("so-called"):
        return True
    root = _quote_root(lk, q)
    size = len(lk.index.text[q.start : q.end].split())
    if root is None or size > _LABEL_WORDS:
        return False
    head = root.head
    # (not one adjective: "the “disastrous” plan" quotes the speaker's own judgement)
    label = root.dep_ in ("compound", "nmod") or (root.dep_ == "amod" and size > 1)
    return label and head.pos_ in ("NOUN", "PROPN") and head.i >= qb  # before its noun


def _to_mixed(lk: Linker, r: QuoteResult) -> None:
    """Re-class a speech quotation as a mixed one; it leaves an attribution it shares."""
    q, a = r.quote, r.attr
    assert a is not None
    qa, qb = lk.tokens_in(q.open_mark, q.outer_end)
    lk.speech[qa:qb] = bytes(qb - qa)  # its words are now the reported clause's
    r.kind = "mixed"
    if a.contents == [(q.start, q.end)]:
        a.type = "mixed"
    else:
        a.contents.remove((q.start, q.end))  # a later quotation that inherited the cue stays direct
        r.attr = a = Attr("mixed", a.source, a.speaker, a.cue, a.cue_text, [(q.start, q.end)],
                          a.confidence, a.para)
    assert a.cue is not None
    tok = lk.doc[lk.tokens_in(a.cue[0], a.cue[1])[0]]
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and head.i < tok.i and lemma_of(head):
        # "vowed to continue the patrols “until …”": the reporting verb is the one the
        # quoted phrase's verb depends on
        a.cue, a.cue_text = (head.idx, head.idx + len(head)), head.text
        lk.used_cues.add(head.i)


def _quote_root(lk: Linker, q: QuoteSpan) -> Token | None:
    """The word inside a quotation that the parse hangs on something outside it."""
    qa, qb = lk.tokens_in(q.open_mark, q.outer_end)
    return next((t for t in lk.doc[qa:qb] if not t.is_punct and not qa <= t.head.i < qb), None)


def _judging_verb(lk: Linker, q: QuoteSpan) -> Token | None:
    """The active verb judging a quoted phrase "as" or "for" it (the phrase right after the
    preposition), or accusing someone "of" it: "dismissed the pledge as a “fantasy”",
    "accused them of holding it “hostage”"."""
    doc = lk.doc
    j = lk.tokens_in(q.open_mark, q.outer_end)[0] - 1
    while j >= 0 and (doc[j].is_space or doc[j].lower_ in _ARTICLES):
        j -= 1
    prep = doc[j] if j >= 0 and doc[j].lower_ in _JUDGING_PREPS else None
    if prep is None:
        prep = _accusing_of(lk, q)
    if prep is None or lk.blocked[prep.i] or prep.dep_ != "prep":
        return None
    verb = prep.head
    for _ in range(2):
        if verb.dep_ not in ("dobj", "pobj", "prep"):
            break
        # "accused the owners of “…”", "referred to the ban as a “…”": the preposition
        # hung on the object instead of the verb
        verb = verb.head
        if verb.dep_ == "prep":
            verb = verb.head
    lemma = verb.lemma_.lower()
    if verb.i >= prep.i or verb.pos_ != "VERB" or lemma not in _JUDGING[prep.lower_]:
        return None
    if lk.blocked[verb.i] or any(c.dep_ in _PASSIVE for c in verb.children):
        return None  # "was dismissed as “…”": the one who said it is not named here
    return verb


def _accusing_of(lk: Linker, q: QuoteSpan) -> Token | None:
    """The "of" whose object holds the quoted phrase, climbing from the phrase."""
    t = _quote_root(lk, q)
    for _ in range(_CLIMB if t is not None else 0):
        assert t is not None
        if t.head is t or t.dep_ in _CLAUSE_EDGES:
            return None
        if t.head.lower_ == "of" and t.dep_ in ("pobj", "pcomp"):
            return t.head
        t = t.head
    return None


def _finding_verb(lk: Linker, q: QuoteSpan) -> Token | None:
    """The verb whose reported clause holds a quoted phrase the quote rules left unattributed:
    "The audit found that the agency had “failed to follow” its rules"."""
    t = _quote_root(lk, q)
    for _ in range(_CLIMB if t is not None else 0):
        assert t is not None
        head = t.head
        if head is t or t.dep_ in ("relcl", "acl", "appos"):
            return None
        if t.dep_ == "ccomp":
            found = head.pos_ == "VERB" and not lk.blocked[head.i] and head.i < t.i and (
                head.lemma_.lower() in _FINDING or lemma_of(head) != "")
            return head if found else None
        t = head
    return None


def _judged(lk: Linker, res: Resolver, r: QuoteResult, verb: Token,
            by_cue: dict[tuple[int, int], Attr]) -> None:
    """Attribute a phrase to the subject of the verb framing it, as a mixed quotation (the
    same one as another fragment of that verb's: "said it would “gut” … and “punish” …")."""
    q = r.quote
    cue = (verb.idx, verb.idx + len(verb))
    if (known := by_cue.get(cue)) is not None:
        known.contents.append((q.start, q.end))
        r.kind, r.attr = "mixed", known
        r.confidence = min(r.confidence, known.confidence)
        return
    src, from_parse = lk.source_for(verb, after_quote=False)
    if src is None:
        return
    res.advance(src.start)
    speaker = res.resolve(src)
    res.note(src, speaker, source=True)
    conf = (0.7 if from_parse else 0.55) - (0.15 if speaker is None else 0.0)
    r.kind = "mixed"
    r.attr = by_cue[cue] = Attr("mixed", src, speaker, cue, verb.text, [(q.start, q.end)],
                                round(conf, 2), lk.index.paragraph_of(q.open_mark))
    r.confidence = min(r.confidence, r.attr.confidence)
    lk.used_cues.add(verb.i)


def refine_mixed(lk: Linker, results: list[QuoteResult]) -> None:
    """Settle with the parse what the quote classifier cannot see: speech that begins inside
    a reported clause or hangs on the reporter's sentence, phrases judged "as", "of" or "for"
    a quote, phrases inside what a study found or someone believes, names given after a
    direct quote (all mixed); quoted labels inside reported speech (scare quotes)."""
    if not lk.parsed:
        return
    res = lk.resolver()
    by_cue = {r.attr.cue: r.attr for r in results
              if r.kind == "mixed" and r.attr is not None and r.attr.cue is not None}
    for r in results:
        if r.kind == "mixed" and r.attr is not None and _is_label(lk, r):
            # "said the “maximum pressure” campaign had failed": a scare quote inside
            # reported speech, which is proposed as indirect speech instead
            r.kind, cue = "scare", r.attr.cue
            r.attr = None
            if cue is not None:
                by_cue.pop(cue, None)
                lk.used_cues.discard(lk.tokens_in(cue[0], cue[1])[0])
            continue
        if r.kind == "speech" and (_opens_inside_clause(lk, r) or _phrase_after_cue(lk, r)):
            _to_mixed(lk, r)
            if r.attr is not None and r.attr.cue is not None:
                by_cue.setdefault(r.attr.cue, r.attr)
            continue
        verb = None
        if r.kind in ("scare", "mixed") and _unattributed_or_after(r):
            verb = _judging_verb(lk, r.quote)
        if verb is None and r.kind == "scare" and r.attr is None:
            verb = _finding_verb(lk, r.quote)
        if verb is None and r.kind == "mixed" and r.attr is not None and r.attr.type == "direct" and (
            len(r.attr.contents) > 1
        ):
            # "“…,” he said of the deal, which he called “the worst”": the name is the
            # naming verb's, not a piece of the direct quotation.
            verb = _naming_verb(lk, r.quote)
            if verb is not None:
                r.attr.contents.remove((r.quote.start, r.quote.end))
                r.attr = None
        if verb is not None:
            _judged(lk, res, r, verb, by_cue)
    for a in {id(r.attr): r.attr for r in results if r.kind == "mixed" and r.attr}.values():
        _tidy_source(lk, a)


def _tidy_source(lk: Linker, a: Attr) -> None:
    """A source the model's entity ran over a quotation mark ("Roe called the investigation a
    “witch hunt" tagged as one name) keeps only its words before the first verb or mark."""
    src, doc = a.source, lk.doc
    if src is None:
        return
    s, e = lk.tokens_in(src.start, src.end)
    if not any(lk.blocked[s:e]):
        return
    cut = next(k for k in range(s, e) if lk.blocked[k] or doc[k].pos_ in ("VERB", "AUX"))
    tidy = make_mention(doc, s, cut)
    if tidy is not None:
        res = lk.resolver()  # rare: a fresh one, positioned at the mention
        res.advance(tidy.start)
        a.source, a.speaker = tidy, res.resolve(tidy)


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
    last_word = end_tok - 1
    while last_word > after and doc[last_word].is_punct:
        last_word -= 1  # the parser hangs a fragment's own full stop on the sentence's root
    if doc[i].right_edge.i < last_word or any(doc[k].is_sent_start for k in range(after + 1, end_tok)):
        return a.contents  # the fragment is not in the cue's phrase
    widened = _whole_quotes(lk, doc[after].idx, last)
    return [widened] if widened else a.contents
