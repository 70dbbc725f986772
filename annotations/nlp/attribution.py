"""Direct quotations linked to their cue and source, with floating quotes inheriting speakers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .classify import classify
from .cues import cue_span
from .events import GUESS
from .framing import colon_speaker, noun_cue_source, verb_colon_source, words_source
from .heuristics import right_source
from .lexicon import BACK_REFERENCES, NOUN_CUES
from .linker import Linker
from .mentions import Mention
from .quotes import QuoteSpan
from .speakers import Resolver
from .text import TextIndex, last_char_before

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Attr:
    """An attribution being built: one cue and source, one or more content spans."""

    type: str
    source: Mention | None
    speaker: str | None
    cue: tuple[int, int] | None
    cue_text: str | None
    contents: list[tuple[int, int]]
    confidence: float
    para: int = 0


@dataclass
class QuoteResult:
    """A quotation with its kind and, for speech and mixed quotes, its attribution."""

    quote: QuoteSpan
    kind: str
    attr: Attr | None = None
    confidence: float = 0.5


def _cue_fields(doc: Doc, choice: _Choice) -> tuple[tuple[int, int] | None, str | None]:
    if choice.cue is None:
        return None, None
    i = choice.cue
    span = cue_span(doc[i]) if choice.cue_end is None else doc[i : choice.cue_end]
    return (span.start_char, span.end_char), span.text


@dataclass
class _Choice:
    """How a quotation is attributed: a cue token, or a speaker named without a verb."""

    cue: int | None = None
    after: bool = False  # the cue follows the quotation
    source: Mention | None = None  # a source found with the cue, or without one
    cue_end: int | None = None  # end token of a cue found by its position, not the lexicon


def _choose(lk: Linker, k: int, kind: str, pre: int | None, post: int | None,
            adjacent: bool) -> _Choice:
    """Pick the cue (before, after, a noun before a colon) or a verbless speaker."""
    q, doc = lk.quotes[k], lk.doc
    if pre is not None and (adjacent or kind == "mixed") and not _own_trailing_cue(lk, q, post):
        choice = _Choice(pre)
    elif post is not None:
        # The source may follow the cue only when the cue comes first ("…,” said Lee).
        choice = _Choice(post, lk.first_after(q) == post)
    else:
        choice = _Choice(pre)
    if kind != "speech":
        return choice
    if last_char_before(lk.index.text, q.open_mark) == ":":
        a, b = lk.tokens_in(lk.frame_start(k), q.open_mark)
        named = noun_cue_source(doc, a, b, lk.blocked)
        if named is not None and (choice.cue is None or named[0] >= choice.cue):
            return _Choice(named[0], False, named[1])  # "a statement from Lee: “…”"
        if choice.cue is None and (placed := verb_colon_source(doc, a, b)) is not None:
            return _Choice(placed[0], False, placed[2], placed[1])  # "Lee shot back: “…”"
        if choice.cue is None:
            choice.source = colon_speaker(doc, a, b)  # "CNN's Sara Dorsey: “…”"
    if choice.cue is None and choice.source is None and last_char_before(
        lk.index.text, q.open_mark
    ) in ",:":
        a, b = lk.tokens_in(lk.frame_start(k), q.open_mark)
        if (framed := words_source(doc, a, b, lk.blocked)) is not None:
            return _Choice(framed[0], False, framed[2], framed[1])  # "In her words, “…”"
    if choice.cue is None and choice.source is None:
        choice.source = lk.dash_source(q)  # "“…” — Jane Doe, mayor"
    return choice


def _own_trailing_cue(lk: Linker, q: QuoteSpan, post: int | None) -> bool:
    """Whether a quotation run on over paragraphs ends in a split sentence with its own cue
    ("…\n\n“We cannot …,” wrote the Post."): that cue, not the first paragraph's, is its."""
    if post is None or q.close_mark is None:
        return False
    idx = lk.index
    spans_paragraphs = idx.paragraph_of(q.open_mark) != idx.paragraph_of(q.close_mark)
    return spans_paragraphs and idx.text[q.start : q.end].rstrip()[-1:] in ",—–"


def _new_attr(lk: Linker, res: Resolver, choice: _Choice, kind: str, para: int,
              before: Attr | None) -> Attr:
    """An attribution for a cue (or a verbless speaker), its source resolved in context."""
    src, from_parse = choice.source, False
    if choice.cue is not None and src is None:
        src, from_parse = lk.source_for(lk.doc[choice.cue], after_quote=choice.after)
    if src is None and before is not None and before.source is not None and before.para == para:
        # "Dunn said …, adding: “…”": a cue with no subject of its own shares the last one.
        typ = "direct" if kind == "speech" else "mixed"
        cspan, ctext = _cue_fields(lk.doc, choice)
        return Attr(typ, before.source, before.speaker, cspan, ctext, [], 0.6, para)
    speaker = None
    if src is not None:
        res.advance(src.start)
        speaker = res.resolve(src)
        res.note(src, speaker, source=True)
    conf = (0.9 if from_parse else 0.75) if src else 0.45
    if choice.cue is None:
        conf = 0.7
    elif src is not None and speaker is None:
        conf -= 0.15
    cspan, ctext = _cue_fields(lk.doc, choice)
    typ = "direct" if kind == "speech" else "mixed"
    return Attr(typ, src, speaker, cspan, ctext, [], conf, para)


def link_quotes(
    doc: Doc, index: TextIndex, quotes: list[QuoteSpan]
) -> tuple[Linker, list[QuoteResult]]:
    """Classify every quotation and attribute speech and mixed ones, in reading order."""
    lk = Linker(doc, index, quotes)
    res = lk.resolver()
    by_cue: dict[int, Attr] = {}
    results: list[QuoteResult] = []
    last: QuoteResult | None = None
    turn: QuoteResult | None = None  # the last speech quotation by someone other than last's
    last_attr: Attr | None = None
    for k, q in enumerate(quotes):
        ctx, pre_cue, post_cue, adjacent = lk.context(k)
        kind = classify(index.text[q.start : q.end], ctx)
        if kind == "mixed" and post_cue is not None and _in_headline(index, q) and (
            len(index.text[q.start : q.end].split()) > 1  # not "Council ‘bullied’, says leader"
        ):
            kind = "speech"  # "Council ‘won’t be bullied’, says leader": a headline's quote
        base = 1.0 if q.close_mark is not None and not q.single else 0.7
        r = QuoteResult(q, kind, None, base * (0.85 if kind == "speech" else 0.7))
        results.append(r)
        if kind not in ("speech", "mixed"):
            continue
        if kind == "speech":
            a, b = lk.tokens_in(q.open_mark, q.outer_end)
            lk.speech[a:b] = b"\x01" * (b - a)
        para = index.paragraph_of(q.open_mark)
        choice = _choose(lk, k, kind, pre_cue, post_cue, adjacent)
        if choice.cue is not None or choice.source is not None:
            attr = by_cue.get(choice.cue) if choice.cue is not None else None
            if attr is None:
                attr = _new_attr(lk, res, choice, kind, para, last_attr)
                if choice.cue is not None:
                    by_cue[choice.cue] = attr
                    lk.used_cues.add(choice.cue)
            attr.contents.append((q.start, q.end))
            attr.para = para
            r.attr = attr
            r.confidence = round(min(base, attr.confidence), 2)
        elif kind == "speech":
            r.attr, conf = _inherit(res, last, q, para, index, turn)
            if r.attr is None and (ahead := _named_next(lk, q)) is not None:
                # "“…”\n\nThose were the words of Ann Lee": no one spoke before, the next
                # sentence names the speaker.
                r.attr = _new_attr(lk, res, ahead, kind, para, None)
                r.attr.contents.append((q.start, q.end))
                conf = r.attr.confidence = min(r.attr.confidence, 0.6)
            r.confidence = round(min(base, conf), 2)
        if r.attr is not None:
            last_attr = r.attr
            if kind == "speech":
                if last is not None and last.attr is not None and (
                    last.attr.speaker != r.attr.speaker
                ):
                    turn = last  # the other side of an exchange
                last = r
    return lk, results


_HEADLINE_WORDS = 20


def _in_headline(index: TextIndex, q: QuoteSpan) -> bool:
    """Whether a quotation sits in a headline: a short first paragraph, no end stop, with
    more text after it."""
    if len(index.paragraphs) < 2 or index.paragraph_of(q.open_mark) != 0:
        return False
    ps, pe = index.paragraphs[0]
    line = index.text[ps:pe]
    return "\n" not in line and len(line.split()) <= _HEADLINE_WORDS and line[-1] not in ".!?:…"


def _named_next(lk: Linker, q: QuoteSpan) -> _Choice | None:
    """A speaker named in the sentence right after a sentence-final quotation: "Those were
    the words of X", "The plea came from X", or a name opening it as a cue's subject."""
    doc, idx = lk.doc, lk.index
    if idx.text[q.start : q.end].rstrip()[-1:] not in ".!?…":
        return None
    a = lk.first_after(q)
    if a >= len(doc) or lk.blocked[a] or not doc[a].is_title:
        return None
    _, pe = idx.paragraphs[idx.paragraph_of(doc[a].idx)]
    _, b = lk.tokens_in(doc[a].idx, idx.sentence_end(doc[a].idx, pe))
    if doc[a].lower_ in BACK_REFERENCES:
        nouns = [i for i in range(a, min(b, a + 6)) if doc[i].lower_ in NOUN_CUES]
        for i in range(nouns[0] + 1, min(b, nouns[0] + 4)) if nouns else ():
            if doc[i].lower_ in ("of", "from", "by", "to") and not lk.blocked[i]:
                found = right_source(doc, i, i + 1, lk.blocked)
                if found is not None and found.kind in ("name", "role"):
                    return _Choice(a, False, found, i + 1)
        return None
    if doc[a].lower_ in ("so", "thus") and a + 1 < b and lk.cue_at(a + 1, direct=True):
        src, _ = lk.source_for(doc[a + 1], after_quote=True)  # "So said Ann Lee, 71."
        return _Choice(a + 1, True, src) if src is not None and src.kind == "name" else None
    for i in range(a + 1, min(b, a + 12)):
        if lk.cue_at(i, direct=False):
            src, _ = lk.source_for(doc[i], after_quote=False)
            # "Ann Lee, 71, said she had …", "Tenants' leader Ann Lee said …": the name
            # is the subject the sentence opens with.
            opens = src is not None and doc[a].idx <= src.start <= doc[min(a + 3, i - 1)].idx
            if src is not None and opens and src.end <= doc[i].idx and src.kind == "name":
                return _Choice(i, False, src)
            return None
    return None


def _next_turn(index: TextIndex, q: QuoteSpan, para: int, last: QuoteResult,
               turn: QuoteResult | None) -> bool:
    """Whether a floating quotation is the next turn of a two-person exchange."""
    if turn is None or turn.attr is None or last.attr is None or turn.attr.speaker is None:
        return False
    ps, pe = index.paragraphs[para]
    text = index.text
    alone = ps == q.open_mark and pe == q.outer_end
    last_para = index.paragraph_of(last.quote.open_mark)
    question = text[q.start : q.end].rstrip().endswith("?") or (
        text[last.quote.start : last.quote.end].rstrip().endswith("?"))
    return (alone and question and last_para == para - 1
            and index.paragraph_of(turn.quote.open_mark) >= para - 2)


def _inherit(res: Resolver, last: QuoteResult | None, q: QuoteSpan, para: int,
             index: TextIndex, turn: QuoteResult | None = None) -> tuple[Attr | None, float]:
    """A floating quotation's attribution: the previous speaker's, unless someone else spoke
    up or it is a turn in a question-and-answer exchange."""
    res.advance(q.open_mark)
    noted = res.last_subject
    prev = last.attr if last is not None else None
    in_range = prev is not None and para - prev.para <= 1
    since = last.quote.outer_end if last is not None else 0
    if (
        noted is not None
        and noted.mention.label != GUESS
        and index.paragraph_of(noted.pos) >= para - 1
    ):
        other = not in_range or (noted.pos >= since and prev is not None
                                 and noted.canonical != prev.speaker)
        if other:
            # "“A,” Smith said. Jones disagreed. “B.”": B is Jones's.
            attr = Attr("direct", noted.mention, noted.canonical, None, None,
                        [(q.start, q.end)], 0.45, para)
            return attr, attr.confidence
    if prev is None or not in_range:
        return None, 0.5
    if last is not None and _next_turn(index, q, para, last, turn):
        # "“A?” Lee asked.\n\n“B,” Tan replied.\n\n“C?”": a question, or the reply to
        # one, alone in its paragraph is the other side's turn.
        assert turn is not None and turn.attr is not None
        turn.attr.contents.append((q.start, q.end))
        turn.attr.para = para
        return turn.attr, min(turn.attr.confidence, 0.6)
    prev.contents.append((q.start, q.end))
    conf = min(prev.confidence, 0.8 if para == prev.para else 0.65)
    prev.para = para
    return prev, conf
