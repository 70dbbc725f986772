"""Suggestion records (DESIGN.md "`redline analyze` output") for spaCy docs and raw texts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .pieces import Unparsed, parse_texts

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .pipeline import Pipeline

# Part of the analysis cache key: bump whenever a rule changes what comes out.
EXTRACTOR_VERSION = "2.9"


def analyze_doc(doc: Doc, *, doc_id: str, model_id: str) -> dict[str, Any]:
    """One suggestion record (entities, quotes, attributions) for a processed spaCy Doc.

    The quotes and attributions are what the redline_attribution component puts on the doc; it
    is run here on the whole doc, so a text parsed in pieces is attributed once it is joined.
    """
    from .component import attribute  # spaCy's own modules: loaded with the doc's pipeline

    # The one code path: the redline_attribution component's, on the whole (joined) doc.
    attribute(doc)
    return {
        "id": doc_id,
        "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "model": model_id,
        "entities": _entities(doc),
        "quotes": doc._.quotations,
        "attributions": doc._.attributions,
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
    for doc_id, whole in parse_texts(pipeline.nlp, items, batch_size=batch_size,
                                     processes=pipeline.processes):
        if isinstance(whole, Unparsed):  # too long or too slow for spaCy: nothing to keep
            yield {"id": doc_id, "text_sha256": whole.text_sha256, "model": pipeline.model_id,
                   "error": whole.message()}
            continue
        try:
            record = analyze_doc(whole, doc_id=doc_id, model_id=pipeline.model_id)
        except Exception as e:  # one document's rule failure must not stop the others
            record = failure_record(whole, doc_id=doc_id, model_id=pipeline.model_id, error=e)
        yield record
