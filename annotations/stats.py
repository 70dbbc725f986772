"""Corpus counts for `redline stats`: by kind, by label (attribute value), by annotator."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .store import Store

# attributes whose values are free text, not labels to count (a span label's `label` and a
# claim's `type` come from the scheme, and are counted)
FREE_TEXT = ("speaker", "target_text", "note", "adjudicated_from")


def corpus_stats(store: Store) -> dict[str, Any]:
    """Counts as plain dicts: documents by status, annotations by kind, label and annotator."""
    statuses: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    annotators: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    for row in store.library():
        statuses[row["status"]] += 1
    for doc_id in store.document_ids():
        for ann in store.annotations(doc_id):
            kinds[ann.kind] += 1
            annotators[ann.annotator] += 1
            origins[ann.origin] += 1
            for key, value in sorted(ann.attrs.items()):
                if key not in FREE_TEXT:
                    labels[f"{ann.kind}.{key}={value}"] += 1
    return {"documents": dict(statuses), "kinds": dict(kinds), "labels": dict(labels),
            "annotators": dict(annotators), "origins": dict(origins)}
