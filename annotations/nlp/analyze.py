"""Suggestion records (DESIGN.md "`redline analyze` output") for spaCy docs and raw texts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .attribution import Attr, QuoteResult, link_quotes
from .indirect import indirect_attributions
from .mixed import mixed_contents, refine_mixed
from .pieces import Unparsed, parse_texts
from .quotes import find_quotes
from .text import TextIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .pipeline import Pipeline

# Part of the analysis cache key: bump whenever a rule changes what comes out.
EXTRACTOR_VERSION = "2.9"


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


def analyze_doc(doc: Doc, *, doc_id: str, model_id: str) -> dict[str, Any]:
    """One suggestion record (entities, quotes, attributions) for a processed spaCy Doc."""
    text = doc.text
    index = TextIndex.build(text)
    lk, results = link_quotes(doc, index, find_quotes(text))
    refine_mixed(lk, results)  # fragments the classifier cannot tell without the parse
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
    ids = {id(a): f"a{n}" for n, a in enumerate(attrs, 1)}
    return {
        "id": doc_id,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "model": model_id,
        "entities": _entities(doc),
        "quotes": [_quote_record(text, r, ids) for r in results],
        "attributions": [_attr_record(a, ids[id(a)]) for a in attrs],
    }


def _entities(doc: Doc) -> list[dict[str, Any]]:
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
            for e in doc.ents]


def failure_record(doc: Doc, *, doc_id: str, model_id: str, error: BaseException) -> dict[str, Any]:
    """The record of a document whose rules failed: spaCy's entities and what went wrong.

    It has no "quotes" or "attributions" (an empty list would claim the rules found none), and
    it is cached like any record, so a known failure is not retried until the rules change.
    """
    said = str(error).strip().splitlines()
    # one line, and printable: it may quote the text, and it is shown on terminals
    first = "".join(c if c.isprintable() else "?" for c in said[0][:200]) if said else ""
    return {
        "id": doc_id,
        "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "model": model_id,
        "entities": _entities(doc),
        "error": f"{type(error).__name__}: {first}" if first else type(error).__name__,
    }


def analyze_texts(
    pipeline: Pipeline, items: Iterable[tuple[str, str]], *, batch_size: int = 32
) -> Iterator[dict[str, Any]]:
    """Run (id, text) pairs through the pipeline in batches, yielding records in order."""
    for doc_id, whole in parse_texts(pipeline.nlp, items, batch_size=batch_size):
        if isinstance(whole, Unparsed):  # too long or too slow for spaCy: nothing to keep
            yield {"id": doc_id, "text_sha256": whole.text_sha256, "model": pipeline.model_id,
                   "error": whole.message()}
            continue
        try:
            record = analyze_doc(whole, doc_id=doc_id, model_id=pipeline.model_id)
        except Exception as e:  # one document's rule failure must not stop the others
            record = failure_record(whole, doc_id=doc_id, model_id=pipeline.model_id, error=e)
        yield record
