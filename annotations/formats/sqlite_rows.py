"""The rows of a dataset export, written into its file through the store's own connection.

The file is attached to the store's connection, so annotation rows go from table to table in
SQL and never become Python objects. Spans are split in Python: their JSON is decoded anyway to
check each span against the text (as the redline export does, one `json.loads` per document),
and SQLite's JSON functions would decode it a second time, more slowly than `json.loads`.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from itertools import chain
from typing import TYPE_CHECKING, Any

from ..analysis import entities_for
from ..models import Document
from ..store.documents import READING_ORDER, annotator_filter
from .redline import check_spans

if TYPE_CHECKING:
    from ..store import Store

SCHEMA = "dataset"  # the dataset's name on the store's connection while it is attached

_DOCUMENT = (f"INSERT INTO {SCHEMA}.documents (id, title, text, status, meta, text_sha256)"
             " VALUES (?, ?, ?, ?, ?, ?)")
_SPANS = f'INSERT INTO {SCHEMA}.spans (annotation_id, document_id, role, start, "end", text) VALUES '
_SPAN = "(?, ?, ?, ?, ?, ?)"
CHUNK = 100  # span rows per INSERT: 600 values, under the 999 an older SQLite allows
_ENTITIES = (f'INSERT INTO {SCHEMA}.entities (document_id, start, "end", label, text)'
             " VALUES (?, ?, ?, ?, ?)")


def _copy_annotations(who: str) -> str:
    """The annotations of the documents written (those `who`, an annotator_filter condition,
    keeps), in the documents' order (rowid) and each one's in reading order: the store's index
    on (doc_id, reading order) gives that order, so nothing is sorted."""
    order = ", ".join(f"a.{column.strip()}" for column in READING_ORDER.split(","))
    return (f"INSERT INTO {SCHEMA}.annotations (id, document_id, kind, attrs, origin, annotator,"
            " created_at, updated_at, needs_review)"
            " SELECT a.id, a.doc_id, a.kind, a.attrs, a.origin, a.annotator, a.created_at,"
            f" a.updated_at, a.needs_review != 0 FROM {SCHEMA}.documents d"
            f" CROSS JOIN main.annotations a ON a.doc_id = d.id{who}"
            f" ORDER BY d.rowid, {order}")


def span_rows(doc: Document, ids: list[str], spans: list[list[dict[str, Any]]],
              review: list[int]) -> list[tuple[Any, ...]]:
    """The dataset's span rows for a document's annotations (`Store.annotation_spans`), each
    span checked against the text unless its annotation is flagged needs_review (exported with
    the flag, unchecked)."""
    doc_id, text, size = doc.id, doc.text, len(doc.text)
    out = [(ann_id, doc_id, s["role"], s["start"], s["end"], s["text"])
           for ann_id, decoded in zip(ids, spans, strict=True) for s in decoded]
    # one pass over the flat rows: cheaper than a generator per annotation
    if any(not (0 <= r[3] < r[4] <= size and text[r[3]:r[4]] == r[5]) for r in out):
        for ann_id, decoded, flagged in zip(ids, spans, review, strict=True):
            if not flagged:
                check_spans(doc, ann_id, decoded)  # raises, naming the first wrong span
    return out


def copy_rows(store: Store, path: str, docs: Iterable[Document], annotators: Collection[str]
              ) -> int:
    """Fill the dataset file at `path` (its tables made, empty) with the rows of `docs` and of
    their annotations (only `annotators`' when given); the number of documents written.

    One transaction on the store's connection: the dataset is one snapshot of the store."""
    # spans go in CHUNK rows to a statement: a statement run per row was a third of their time
    chunk = _SPANS + ", ".join([_SPAN] * CHUNK)
    pending: list[tuple[Any, ...]] = []
    n = 0
    with store.attached(path, SCHEMA) as conn:
        for doc in docs:
            n += 1
            conn.execute(_DOCUMENT, (doc.id, doc.title, doc.text, doc.status,
                                     json.dumps(doc.meta, ensure_ascii=False), doc.text_sha256))
            pending += span_rows(doc, *store.annotation_spans(doc.id, annotators))
            if len(pending) >= CHUNK:
                full = len(pending) - len(pending) % CHUNK
                for i in range(0, full, CHUNK):
                    conn.execute(chunk, list(chain.from_iterable(pending[i:i + CHUNK])))
                del pending[:full]
            conn.executemany(_ENTITIES, [(doc.id, e["start"], e["end"], e["label"], e["text"])
                                         for e in entities_for(store, doc)])
        conn.executemany(_SPANS + _SPAN, pending)
        # in one statement after the rest, not one per document between the others' rows:
        # the pages of the annotations' id index stay in the cache
        who, params = annotator_filter(annotators, "a.annotator")
        conn.execute(_copy_annotations(who), params)
    return n
