"""The quotation and attribution rules as a spaCy pipeline component, "redline_attribution".

    nlp = spacy.load("en_core_web_sm"); nlp.add_pipe("redline_attribution")

spaCy finds the factory through the `spacy_factories` entry point, so nothing of redline needs
importing first. It runs on any English pipeline, spacy.blank("en") too; sentence boundaries,
a parser and an entity recognizer before it make the sources better. It sets:

- doc.spans["quotes"] (the spans_key setting): the speech quotations, direct and mixed, quotation
  marks excluded, each labelled by its kind ("speech" or "mixed") and, when attributed, with
  span.id_ the id of its frame in doc._.attributions. Spans are widened to whole tokens.
- doc._.attributions: the frames, in text order, as plain dicts: {"id": "a1", "key", "type":
  "direct" | "mixed" | "indirect", "source_span": [start, end] | None, "source_text",
  "speaker" (the resolved speaker, e.g. "Jane Roe" for a source "she"), "cue_span", "cue",
  "content_spans": [[start, end], ...], "confidence": 0..1}. All offsets are characters of
  doc.text with exclusive ends.
- doc._.quotations: every quotation found, speech or not, as dicts {"start", "end", "key",
  "text", "speech", "kind": "speech" | "mixed" | "scare" | "title", "speaker", "speaker_span",
  "speaker_resolved", "cue", "cue_span", "attribution" (a frame id or None), "confidence"}.

These dicts are exactly the "quotes" and "attributions" of `redline analyze`'s records
(DESIGN.md), which analyze_doc copies from the doc: the app, `redline analyze` and a spaCy user
run the same rules. Each stage below is a function whose results the next one is given.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .attribution import Attr, QuoteResult, link_quotes
from .indirect import indirect_attributions
from .linker import Linker
from .mixed import mixed_contents, refine_mixed
from .quotes import QuoteSpan, find_quotes
from .text import TextIndex

NAME = "redline_attribution"
SPANS_KEY = "quotes"
SPEECH_KINDS = ("speech", "mixed")  # the kinds that are someone's words, so go in the span group

for _ext in ("attributions", "quotations"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


def find(doc: Doc) -> tuple[TextIndex, list[QuoteSpan]]:
    """Stage 1: the text's index (paragraphs, words) and its quotations, from the raw text."""
    text = doc.text
    return TextIndex.build(text), find_quotes(text)


def link(doc: Doc, index: TextIndex, quotes: list[QuoteSpan]) -> tuple[Linker, list[QuoteResult]]:
    """Stage 2: each quotation's kind, cue and source, settled with the parse."""
    lk, results = link_quotes(doc, index, quotes)
    refine_mixed(lk, results)  # fragments the classifier cannot tell without the parse
    return lk, results


def frames(lk: Linker, results: list[QuoteResult]) -> list[Attr]:
    """Stage 3: the attributions (the quotations' and indirect speech's), in text order."""
    attrs: list[Attr] = []
    seen: set[int] = set()
    for r in results:
        if r.attr is not None and id(r.attr) not in seen:
            seen.add(id(r.attr))
            attrs.append(r.attr)
    for a in attrs:
        if a.type == "mixed":
            # A mixed quotation's content is the whole reported clause it sits in.
            a.contents = mixed_contents(lk, a)
    attrs.extend(indirect_attributions(lk, attrs))
    attrs.sort(key=lambda a: min(a.contents))
    return attrs


def _span(pair: tuple[int, int] | None) -> list[int] | None:
    return [pair[0], pair[1]] if pair else None


def _attr_record(a: Attr, aid: str) -> dict[str, Any]:
    spans = sorted(a.contents)
    return {
        "id": aid,
        "key": f"a:{spans[0][0]}-{spans[-1][1]}",
        "type": a.type,
        "source_span": _span((a.source.start, a.source.end)) if a.source else None,
        "source_text": a.source.text if a.source else None,
        "speaker": a.speaker or (a.source.text if a.source else None),
        "cue_span": _span(a.cue),
        "cue": a.cue_text,
        "content_spans": [[s, e] for s, e in spans],
        "confidence": round(max(0.0, min(1.0, a.confidence)), 2),
    }


def _quote_record(text: str, r: QuoteResult, ids: dict[int, str]) -> dict[str, Any]:
    q, a = r.quote, r.attr
    src = a.source if a else None
    return {
        "start": q.start,
        "end": q.end,
        "key": f"q:{q.start}-{q.end}",
        "text": text[q.start : q.end],
        "speech": r.kind == "speech",
        "kind": r.kind,
        "speaker": src.text if src else None,
        "speaker_span": _span((src.start, src.end)) if src else None,
        "speaker_resolved": a.speaker if a else None,
        "cue": a.cue_text if a else None,
        "cue_span": _span(a.cue) if a else None,
        "attribution": ids.get(id(a)) if a else None,
        "confidence": round(max(0.0, min(1.0, r.confidence)), 2),
    }


def records(text: str, results: list[QuoteResult],
            attrs: list[Attr]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Stage 4: the quotations and the frames as plain dicts (the module docstring's shapes)."""
    ids = {id(a): f"a{n}" for n, a in enumerate(attrs, 1)}
    return ([_quote_record(text, r, ids) for r in results],
            [_attr_record(a, ids[id(a)]) for a in attrs])


def quote_spans(doc: Doc, quotations: list[dict[str, Any]]) -> list[Span]:
    """The speech quotations as token spans labelled by kind, with their frame's id."""
    spans: list[Span] = []
    for q in quotations:
        if q["kind"] not in SPEECH_KINDS:
            continue
        span = doc.char_span(q["start"], q["end"], alignment_mode="expand")
        if span is None or not len(span):  # an empty quotation ("“”") has no token to show
            continue
        spans.append(Span(doc, span.start, span.end, label=q["kind"],
                          span_id=q["attribution"] or ""))
    return spans


def attribute(doc: Doc, spans_key: str = SPANS_KEY) -> Doc:
    """Run the rules on a whole doc and put their results on it (see the module docstring).

    Run it on the whole text: a text parsed in pieces is joined first, so a quotation that
    runs over a piece boundary stays one quotation.
    """
    index, quotes = find(doc)
    lk, results = link(doc, index, quotes)
    quotations, attributions = records(doc.text, results, frames(lk, results))
    doc._.quotations = quotations
    doc._.attributions = attributions
    doc.spans[spans_key] = quote_spans(doc, quotations)
    return doc


class Attribution:
    """The pipeline component: attribute() on each doc, its quotations under spans_key."""

    def __init__(self, name: str = NAME, spans_key: str = SPANS_KEY) -> None:
        self.name, self.spans_key = name, spans_key

    def __call__(self, doc: Doc) -> Doc:
        """Attribute the quotations of one doc."""
        return attribute(doc, self.spans_key)


@Language.factory(NAME, default_config={"spans_key": SPANS_KEY},
                  assigns=["doc._.attributions", "doc._.quotations", "doc.spans"])
def make_attribution(nlp: Language, name: str, spans_key: str) -> Attribution:
    """The factory spaCy calls for nlp.add_pipe("redline_attribution")."""
    return Attribution(name, spans_key)
