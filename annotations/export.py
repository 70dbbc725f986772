"""Streaming export in the lossless redline format (one JSON object per document)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .analysis import entities_for
from .errors import SpanMismatchError
from .models import Annotation, Document
from .store import Store


def select_documents(store: Store, *, status: Iterable[str] = (), ids: Iterable[str] = ()
                     ) -> Iterator[Document]:
    """Documents in library order, limited to the given statuses and ids when any are given."""
    statuses, wanted = set(status), set(ids)
    for doc in store.iter_documents():
        if (not statuses or doc.status in statuses) and (not wanted or doc.id in wanted):
            yield doc


def checked_annotations(store: Store, doc: Document, *, annotators: Iterable[str] = ()
                        ) -> list[Annotation]:
    """The document's annotations, each span checked against the text (flagged ones exempt)."""
    who = set(annotators)
    anns = [a for a in store.annotations(doc.id) if not who or a.annotator in who]
    for a in anns:
        if not a.needs_review:
            try:
                a.validate(doc.text)
            except SpanMismatchError as e:
                raise SpanMismatchError(f"document {doc.id}: {e.message}",
                                        hint="refusing to export it; fix or delete that annotation"
                                        ) from None
    return anns


def redline_record(store: Store, doc: Document, anns: list[Annotation]) -> dict[str, Any]:
    """One document as a redline export object (fixed key order, so exports are byte-stable)."""
    return {
        "id": doc.id,
        "title": doc.title,
        "text": doc.text,
        "text_sha256": doc.text_sha256,
        "meta": doc.meta,
        "status": doc.status,
        "annotations": [a.to_dict() for a in anns],
        "entities": entities_for(store, doc),
    }


def dumps(obj: Any) -> str:
    """One JSONL line: UTF-8 as is, no spaces after separators for compactness."""
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def export_redline(store: Store, *, status: Iterable[str] = (), annotators: Iterable[str] = (),
                   ids: Iterable[str] = ()) -> Iterator[str]:
    """The corpus as redline JSONL lines (each ending in a newline), one document at a time."""
    for doc in select_documents(store, status=status, ids=ids):
        anns = checked_annotations(store, doc, annotators=annotators)
        yield dumps(redline_record(store, doc, anns)) + "\n"
