"""Per-document look-ups for attribution: tokens, quotation masks, cues, sources, contexts."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .classify import Context, is_fragment_before
from .cues import (
    CUE_WORDS,
    cue_lemma,
    cue_span,
    headline_cue,
    is_according_to,
    is_phrasal_only,
)
from .events import build_people, subject_events
from .heuristics import heuristic_source, right_source
from .mentions import Mention, is_capitalised, make_mention, parsed_phrase, parsed_subject
from .quotes import QuoteSpan
from .speakers import Resolver
from .text import TextIndex, words
from .tokens import DocIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PRE_ADJACENT = 4  # tokens allowed between a cue and the quotation it introduces ("told CNN:")
_POST_REACH = 15  # tokens allowed between a quotation and its cue ("…,” Smith, the CEO, said)
_SUBJECT_REACH = 40  # tokens between a cue and its subject, relative clauses included
_NOUN_BEFORE = words("the a an this these those his her its their our my your")
_DASH_AFTER = re.compile(r"[ \t]*\n?[ \t]*(?:—|–|--?)[ \t]*(?=\w)")
_QUOTING = words("quoted quotes quoting cited cites citing")
# Nobody in particular: "Anybody who asked heard …" has no speaker ("someone close to the
# governor", an unnamed source, is one).
INDEFINITE_PRONOUNS = words(
    """anybody anyone everybody everyone nobody whoever all none each"""
) | {"no one"}
_HEADLINE_WORDS = 20
_BRACKET_STOP = re.compile(r"\([A-Z][\w.]*-[A-Z][\w. ]*\.\)$")  # "(R-Tenn.)", "(D-N.Y.)"
_THAT_REACH = 4  # "added on Monday that …"
_NOT_BETWEEN = words("that if whether what how why when where")
# A subject or an auxiliary between a cue and a quotation means a reported clause has begun
# ("said she had shown “…”"): the quotation is inside it, not introduced by the cue.
_CLAUSE_WORDS = words(
    """he she they we i it had has have was were is are would will could should can may
    might must did does"""
)


@dataclass
class Linker:
    """Per-document state: token offsets, quotation mask, speaker resolver."""

    doc: Doc
    index: TextIndex
    quotes: list[QuoteSpan]
    blocked: bytearray = field(init=False)  # tokens inside any quotation
    speech: bytearray = field(init=False)  # tokens inside speech quotations
    starts: list[int] = field(init=False)
    parsed: bool = field(init=False)
    used_cues: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.ix = DocIndex(self.doc, self.index.text)
        self.starts = self.ix.starts
        self.parsed = self.doc.has_annotation("DEP")
        # Only tokens spelled like a cue word can be one; checking them alone keeps this fast.
        self.cue_candidates = set(self.ix.word_tokens(CUE_WORDS))
        self.open_marks = [q.open_mark for q in self.quotes]  # sorted, for bisection
        self.blocked = bytearray(len(self.doc))
        self.speech = bytearray(len(self.doc))
        for q in self.quotes:
            a, b = self.tokens_in(q.open_mark, q.outer_end)
            self.blocked[a:b] = b"\x01" * (b - a)
        self.people = build_people(self.ix, self.blocked)
        self._events: list[Mention] | None = None

    def tokens_in(self, start: int, end: int) -> tuple[int, int]:
        """Token index range [a, b) of the tokens starting within [start, end)."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def resolver(self) -> Resolver:
        """A fresh resolver positioned at the document start."""
        if self._events is None:
            self._events = subject_events(self.ix, self.blocked, self.people)
        res = Resolver(self.people, self._events, self.index.sent_ends)
        res.headline_end = self._headline_end()
        return res

    def _headline_end(self) -> int:
        """The end of the first paragraph when it is a headline (one short line with no end
        stop, more text after it), else 0."""
        idx = self.index
        if len(idx.paragraphs) < 2:
            return 0
        ps, pe = idx.paragraphs[0]
        line = idx.text[ps:pe]
        short = "\n" not in line and len(line.split()) <= _HEADLINE_WORDS
        return pe if short and line[-1:] not in ".!?:…" else 0

    def cue_at(self, i: int, *, direct: bool, naming: bool = False, loose: bool = False) -> bool:
        """Whether token i (outside quotations) is a usable cue."""
        if i not in self.cue_candidates or self.blocked[i]:
            return False
        tok = self.doc[i]
        if not (tok.is_alpha and len(tok) > 1):
            return False
        if is_according_to(tok):
            return True
        if i and self.doc[i - 1].lower_ in _NOUN_BEFORE:
            return False  # "the report", "a statement": nouns, whatever the tagger says
        if i and self.doc[i - 1].text in ("-", "‐") and not self.doc[i - 1].whitespace_:
            return False  # "so-called", "self-described": adjectives
        # A title-case headline's verb is a cue whatever the tagger makes of it.
        headline = tok.text[0].isupper() and headline_cue(tok)
        if tok.text[0].isupper() and not self._opens_sentence(i) and not headline:
            return False  # "State Treasurer", "Secretary of State": part of a name
        lemma = cue_lemma(tok, direct=direct, naming=naming, loose=loose or headline)
        return lemma is not None and not is_phrasal_only(tok)

    def _opens_sentence(self, i: int) -> bool:
        """Whether token i starts a sentence (so a capital letter says nothing)."""
        j = i - 1
        while j >= 0 and self.doc[j].is_space:
            j -= 1
        if j >= 0 and self.doc[j].text in ("”", '"', "’", "'", "»") and j > 0:
            j -= 1  # after a closing mark, what counts is what closed the quotation
        return j < 0 or self.doc[j].text[-1] in ".!?:;“‘«(["

    def source_for(self, cue: Token, *, after_quote: bool) -> tuple[Mention | None, bool]:
        """The source mention of a cue and whether it came from the parse ("anybody",
        "no one" and the like are nobody in particular, so no source)."""
        m, from_parse = self._source_for(cue, after_quote=after_quote)
        if m is not None and m.text.lower() in INDEFINITE_PRONOUNS:
            return None, False
        return m, from_parse

    def _source_for(self, cue: Token, *, after_quote: bool) -> tuple[Mention | None, bool]:
        quoted = self._quoted_as(cue.i)
        if quoted is not None:
            return quoted, False
        if self.parsed:
            subj = parsed_subject(cue, self.blocked)
            if subj is not None and abs(subj.i - cue.i) <= _SUBJECT_REACH:
                m = self._without_cue(parsed_phrase(subj), cue)
                if m is not None:
                    return m, True
        span = cue_span(cue)
        found = heuristic_source(self.doc, span.start, span.end, self.blocked, after_quote)
        return self._without_cue(found, cue), False

    def _without_cue(self, m: Mention | None, cue: Token) -> Mention | None:
        """A source that ran on into its own cue ("Mayor Lee Said" in a title-case headline)
        ends before it."""
        if m is None or not m.start < cue.idx < m.end:
            return m
        a, _ = self.tokens_in(m.start, m.end)
        return make_mention(self.doc, a, cue.i)

    def _quoted_as(self, i: int) -> Mention | None:
        """"quoted Ann Lee as saying": the one quoted, not the one quoting, is the source."""
        doc = self.doc
        if doc[i].lower_ != "saying" or i < 3 or doc[i - 1].lower_ != "as":
            return None
        for j in range(i - 2, max(-1, i - 14), -1):
            if self.blocked[j] or doc[j].text in (".", ":", ";", "“", '"'):
                return None
            if doc[j].lower_ in _QUOTING:
                parts = [p for p in doc[j + 1 : i - 1].text.split(",") if p.strip()]
                named = [p for p in parts if p.strip()[:1].isupper()]
                if len(parts) > 1 and named:  # "quoted its chief, Ann Lee, as saying"
                    start = doc[j + 1].idx + doc[j + 1 : i - 1].text.index(named[0])
                    a, b = self.tokens_in(start, start + len(named[0].strip()))
                    return make_mention(doc, a, b)
                return make_mention(doc, j + 1, i - 1)
        return None

    def frame_start(self, k: int) -> int:
        """Where the text before quotation k starts: its sentence, paragraph or last quote."""
        q, idx = self.quotes[k], self.index
        par = idx.paragraph_of(q.open_mark)
        ps, _ = idx.paragraphs[par]
        prev_end = self.quotes[k - 1].outer_end if k else 0
        if par and not idx.text[ps : q.open_mark].strip():
            pps, ppe = idx.paragraphs[par - 1]
            lead = idx.text[pps:ppe].rstrip()
            if lead.endswith(":") and prev_end <= pps + len(lead) - 1:
                # "He told the inquiry:\n\n“…”": the colon's sentence introduces the quotation.
                return max(idx.sentence_start(pps + len(lead) - 1, pps), prev_end)
        return max(idx.sentence_start(q.open_mark, ps), prev_end)

    def context(self, k: int) -> tuple[Context, int | None, int | None, bool]:
        """Sentence context of quotation k, its nearest cues before and after."""
        q, text, idx = self.quotes[k], self.index.text, self.index
        pre_start = self.frame_start(k)
        _, pe = idx.paragraphs[idx.paragraph_of(max(q.outer_end - 1, 0))]
        nxt = self.quotes[k + 1].open_mark if k + 1 < len(self.quotes) else len(text)
        post_end = max(idx.sentence_end(q.outer_end, min(pe, nxt)), q.outer_end)
        while _BRACKET_STOP.search(text, max(q.outer_end, post_end - 12), post_end) and (
            post_end < min(pe, nxt)
        ):
            # "…,” Sen. Obi Lund (R-Tenn.) said.": the stop in a party bracket ends no sentence.
            post_end = idx.sentence_end(post_end, min(pe, nxt))
        a, b = self.tokens_in(pre_start, q.open_mark)
        prev = self.quotes[k - 1] if k else None
        resumes = prev is not None and pre_start == prev.outer_end and (
            text[prev.start : prev.end].rstrip()[-1:] == ",")
        # "“No!” they chanted outside, where placards read “…”": a cue the last quotation
        # took is not this one's too, unless this one resumes it ("“A,” she said, “B.”").
        taken = set() if resumes else self.used_cues
        pre_cue = next((i for i in range(b - 1, a - 1, -1)
                        if i not in taken and self.cue_at(i, direct=True)), None)
        naming = pre_cue or next(
            (i for i in range(b - 1, a - 1, -1) if self.cue_at(i, direct=False, naming=True)), None
        )
        adjacent = False
        if pre_cue is not None:
            between = [t for t in self.doc[cue_span(self.doc[pre_cue]).end : b] if not t.is_punct]
            adjacent = len(between) <= _PRE_ADJACENT and not any(
                t.lower_ in _NOT_BETWEEN or t.lower_ in _CLAUSE_WORDS for t in between
            )
            if between and is_fragment_before(between[-1].lower_):
                adjacent = False
        post_cue, later = self._post_cue(q, text, post_end)
        if later and pre_cue is not None:
            post_cue = None  # "told them that “We …” Fox agreed.": the cue in its own sentence
        ctx = Context(text[pre_start : q.open_mark], text[q.outer_end : post_end],
                      naming is not None, adjacent, post_cue is not None, resumes)
        return ctx, (pre_cue if pre_cue is not None else naming), post_cue, adjacent

    def first_after(self, q: QuoteSpan) -> int:
        """Index of the first word token after a quotation's closing mark."""
        i = bisect_left(self.starts, q.outer_end)
        while i < len(self.doc) and (self.doc[i].is_punct or self.doc[i].is_space):
            i += 1
        return i

    def dash_source(self, q: QuoteSpan) -> Mention | None:
        """A name after a dash that follows the quotation ("“…”\n— Jane Doe, mayor")."""
        m = _DASH_AFTER.match(self.index.text, q.outer_end)
        if m is None:
            return None
        i = bisect_left(self.starts, m.end())
        if i >= len(self.doc) or not is_capitalised(self.doc[i]):
            return None
        return right_source(self.doc, i, i, self.blocked)

    def _governs_clause(self, i: int) -> bool:
        """Whether cue i reports a clause of its own ("He added that …", "said the …")."""
        tok = self.doc[i]
        if self.parsed and any(c.dep_ == "ccomp" and c.i > i for c in tok.rights):
            return True
        end = min(len(self.doc), i + 1 + _THAT_REACH)
        return any(t.lower_ == "that" for t in self.doc[i + 1 : end])

    def _post_cue(self, q: QuoteSpan, text: str, post_end: int) -> tuple[int | None, bool]:
        """The first cue after a quotation, near enough to belong to it, and whether it
        is in the next sentence."""
        a, b = self.tokens_in(q.outer_end, post_end)
        content = text[q.start : q.end].rstrip()
        new_sentence = content[-1:] in ".?!…" and text[q.outer_end : post_end].strip()[:1].isupper()
        # After a sentence-final quotation a cue must come at once ("“Why?” Smith asked."),
        # otherwise the next sentence's verbs are not this quotation's cue.
        reach = 4 if new_sentence else _POST_REACH
        if content[-1:] == "." and not new_sentence and text[q.outer_end : post_end].strip():
            reach = 4
        elif content[-1:] in ",—–" or text[q.outer_end : q.outer_end + 1] == ",":
            # "…,” one aide, who spoke on condition of anonymity …, said": the sentence
            # goes on for the attribution, however long it takes.
            reach = b - a
        first = next((i for i in range(a, b) if not self.doc[i].is_punct), None)
        for i in range(a, min(b, a + reach)):
            if self.cue_at(i, direct=True, loose=i == first):
                if self.parsed and self.doc[i].dep_ in ("relcl", "acl") and i != first:
                    continue  # "…,” Smith, who said earlier …, told": not this quote's cue
                if new_sentence and (
                    self._governs_clause(i) or text[:post_end].rstrip().endswith(":")
                ):
                    # "“B.” He added that …" / "“B.” He said: “C.”": the next sentence
                    # reports something else; B is left to inherit its speaker.
                    return None, True
                return i, new_sentence
        return None, False
