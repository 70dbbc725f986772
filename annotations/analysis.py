"""Analysis with the cache: an article is analysed once per (text, pipeline, extractor version).

Looking up the cache never imports spaCy: the model id comes from package metadata.
"""

from __future__ import annotations

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
                      progress: Callable[[int], None] | None = None) -> Iterator[dict[str, Any]]:
    """Analyse the documents that are not cached yet in `nlp.pipe` batches; yield every record."""
    from .nlp.analyze import analyze_texts

    version = extractor_version()
    todo: list[tuple[str, str]] = []
    for doc in docs:
        hit = store.cached_analysis(doc.text_sha256, pipeline.model_id, version)
        if hit is not None:
            if progress:
                progress(1)
            yield {**hit, "id": doc.id}
        else:
            todo.append((doc.id, doc.text))
    for record in analyze_texts(pipeline, todo, batch_size=batch_size):
        store.save_analysis(record, extractor_version=version)
        if progress:
            progress(1)
        yield record


def entities_for(store: Store, doc: Document) -> list[dict[str, Any]]:
    """The document's entities: stored with it at import, else from its newest analysis."""
    stored = store.document_entities(doc.id)
    if stored is not None:
        return stored
    analysis = store.latest_analysis(doc.text_sha256)
    return list(analysis.get("entities", [])) if analysis else []
