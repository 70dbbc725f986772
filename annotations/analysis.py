"""Analysis with the cache: an article is analysed once per (text, pipeline, extractor version).

Looking up the cache never imports spaCy: the model id comes from package metadata.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .models import Document
from .store import Store

if TYPE_CHECKING:
    from .nlp.pipeline import Pipeline


def extractor_version() -> str:
    """The rule set's version (part of every cache key)."""
    from .nlp.analyze import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def cached(store: Store, doc: Document, model: str | None) -> dict[str, Any] | None:
    """The cached analysis of this document for the pipeline `model` resolves to, or None."""
    from .nlp.pipeline import model_id_for

    return store.cached_analysis(doc.text_sha256, model_id_for(model), extractor_version())


def analyze_documents(store: Store, docs: Iterable[Document], pipeline: Pipeline, *,
                      batch_size: int = 16,
                      progress: Callable[[int], None] | None = None,
                      analyse: Callable[[Iterator[tuple[str, str]]], Iterable[dict[str, Any]]]
                      | None = None) -> Iterator[dict[str, Any]]:
    """Analyse the documents that are not cached yet in `nlp.pipe` batches; yield every record.

    `analyse` runs (id, text) pairs through `pipeline`'s model some other way (in worker
    processes); by default, analyze_texts here. Documents are read as the analysis asks for
    them, so they are never all in memory."""
    from .nlp.analyze import analyze_texts

    version = extractor_version()
    hits: deque[dict[str, Any]] = deque()

    def todo() -> Iterator[tuple[str, str]]:
        for doc in docs:
            hit = store.cached_analysis(doc.text_sha256, pipeline.model_id, version)
            if hit is None:
                yield doc.id, doc.text
            else:
                hits.append({**hit, "id": doc.id})

    def flush() -> Iterator[dict[str, Any]]:
        while hits:
            if progress:
                progress(1)
            yield hits.popleft()

    run = analyse or (lambda items: analyze_texts(pipeline, items, batch_size=batch_size))
    for record in run(todo()):
        yield from flush()
        store.save_analysis(record, extractor_version=version)
        if progress:
            progress(1)
        yield record
    yield from flush()


def entities_for(store: Store, doc: Document) -> list[dict[str, Any]]:
    """The document's entities (stored with it at import, else from its newest analysis) with
    the editors' corrections applied."""
    stored = store.document_entities(doc.id)
    if stored is None:
        analysis = store.latest_analysis(doc.text_sha256)
        stored = list(analysis.get("entities", [])) if analysis else []
    return corrected_entities(store, doc, stored)


def corrected_entities(store: Store, doc: Document, entities: list[dict[str, Any]]
                       ) -> list[dict[str, Any]]:
    """`entities` (any analysis's) with the document's entity corrections applied."""
    from .store.entities import corrected

    return corrected(entities, store.entity_corrections(doc.id), doc.text)
