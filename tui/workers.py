"""The blocking work the screens run in thread workers: reads, writes and the NLP analysis.

Each function takes plain values (never a widget) and returns plain values, so a worker thread
can call it and post the result to the screen as a message; nothing here touches the UI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotations.models import Annotation, Document
from annotations.store import Store

if TYPE_CHECKING:
    from annotations.nlp.pipeline import Pipeline


@dataclass(frozen=True)
class DocState:
    """One consistent read of a document: text, annotations, decisions, journal position."""

    doc: Document
    annotations: list[Annotation]
    decisions: dict[str, str]
    seq: int


@dataclass(frozen=True)
class Analysis:
    """What the NLP layer says about a document, and why entities may be missing."""

    doc_id: str
    record: dict[str, Any] | None
    entities: list[dict[str, Any]] = field(default_factory=list)
    warning: str = ""


def read_state(store: Store, doc_id: str) -> DocState:
    """A document's current state, read in one transaction."""
    doc, anns, decided, seq = store.document_state(doc_id)
    return DocState(doc, anns, decided, seq)


def cached_analysis(store: Store, doc: Document, model: str | None) -> Analysis | None:
    """The cached analysis for the configured pipeline, or None (never imports spaCy)."""
    from annotations.analysis import cached

    record = cached(store, doc, model)
    if record is None:
        return None
    return Analysis(doc.id, record, list(record.get("entities") or []),
                    _warning_for(record))


def _warning_for(record: dict[str, Any]) -> str:
    """Say why a cached record has no entities: it came from the blank (NER-less) pipeline."""
    from annotations.nlp.pipeline import BLANK_ID, NO_MODEL_WARNING

    return NO_MODEL_WARNING if record.get("model") == BLANK_ID else ""


class PipelineCache:
    """Loads each spaCy pipeline once per app, from whichever worker thread needs it first."""

    def __init__(self, loader: Callable[[str | None], Pipeline] | None = None) -> None:
        self._loader = loader
        self._lock = threading.Lock()
        self._loaded: dict[str | None, Pipeline] = {}

    def get(self, model: str | None) -> Pipeline:
        """The pipeline for a model name, loading it on first use (slow: imports spaCy)."""
        with self._lock:
            if model not in self._loaded:
                if self._loader is None:
                    from annotations.nlp.pipeline import load_pipeline

                    self._loader = load_pipeline
                self._loaded[model] = self._loader(model)
            return self._loaded[model]


def analyse(store: Store, doc: Document, pipeline: Pipeline) -> Analysis:
    """Analyse one document (caching the record) and say whether entities are available."""
    from annotations.analysis import analyze_documents

    record = next(iter(analyze_documents(store, [doc], pipeline)))
    warning = ""
    if not pipeline.has_ner:
        warning = pipeline.warning or "entities unavailable: the pipeline has no NER"
    return Analysis(doc.id, record, list(record.get("entities") or []), warning)


def fallback_entities(store: Store, doc: Document) -> list[dict[str, Any]]:
    """Entities stored with the document or from any earlier analysis (shown while analysing)."""
    from annotations.analysis import entities_for

    return entities_for(store, doc)
