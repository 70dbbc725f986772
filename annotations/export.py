"""Streaming export in the lossless redline format (one JSON object per document).

Annotations are spliced from the JSON their rows already hold (see schema.py), so exporting
100,000 annotations decodes only their spans (to check them) and encodes almost nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring as q
from typing import Any

from .analysis import entities_for
from .errors import SpanMismatchError
from .journal import ENCODER
from .models import Document
from .store import Store

_ENC = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(", ", ": "))


def select_documents(store: Store, *, status: Iterable[str] = (), ids: Iterable[str] = ()
                     ) -> Iterator[Document]:
    """Documents in library order, limited to the given statuses and ids when any are given."""
    statuses, wanted = set(status), set(ids)
    for doc in store.iter_documents():
        if (not statuses or doc.status in statuses) and (not wanted or doc.id in wanted):
            yield doc


def check_spans(doc: Document, ann_id: str, spans: list[dict[str, Any]]) -> None:
    """Raise SpanMismatchError, naming the span, unless each span's text is the text's slice."""
    text = doc.text
    for s in spans:
        a, b = s["start"], s["end"]
        if not (0 <= a < b <= len(text)) or text[a:b] != s["text"]:
            raise SpanMismatchError(
                f"document {doc.id}: annotation {ann_id} span {s['role']} [{a}, {b}) says "
                f"{s['text']!r} but the text there is {text[a:b]!r}",
                hint="refusing to export it; fix or delete that annotation")


def annotation_json(store: Store, doc: Document, *, annotators: Iterable[str] = ()) -> list[str]:
    """The document's annotations as JSON texts in reading order, each span checked.

    Annotations flagged `needs_review` (their text changed under them) are not checked: they
    are exported with the flag so a reviewer can fix them, never as if they were sound.
    """
    who = set(annotators)
    rows = [r for r in store.annotation_rows(doc.id) if not who or r[5] in who]
    # one json.loads for the whole document's spans: decoding is the cost of the check
    all_spans = json.loads("[" + ", ".join([r[3] for r in rows]) + "]")
    text, size = doc.text, len(doc.text)
    # kinds, origins and annotators repeat on every row: quote each once per document
    quoted: dict[str, str] = {}

    def qc(value: str) -> str:
        found = quoted.get(value)
        if found is None:
            found = quoted[value] = q(value)
        return found

    out: list[str] = []
    append = out.append
    for (ann_id, kind, attrs, spans, origin, annotator, created, updated, review), decoded in \
            zip(rows, all_spans, strict=True):
        # the check inlined (100,000 calls add up); check_spans says what is wrong
        if not review and not all(0 <= s["start"] < s["end"] <= size
                                   and text[s["start"]:s["end"]] == s["text"] for s in decoded):
            check_spans(doc, ann_id, decoded)
        append(f'{{"id": {q(ann_id)}, "kind": {qc(kind)}, "attrs": {attrs}, "spans": {spans}, '
               f'"origin": {qc(origin)}, "annotator": {qc(annotator)}, "created_at": {q(created)}, '
               f'"updated_at": {q(updated)}' + (', "needs_review": true}' if review else "}"))
    return out


def redline_line(store: Store, doc: Document, annotations: list[str]) -> str:
    """One document as a redline export line (fixed key order, so exports are byte-stable)."""
    e = _ENC.encode
    return (f'{{"id": {q(doc.id)}, "title": {q(doc.title)}, "text": {q(doc.text)}, '
            f'"text_sha256": {q(doc.text_sha256)}, "meta": {ENCODER.encode(doc.meta)}, '
            f'"status": {q(doc.status)}, "annotations": [{", ".join(annotations)}], '
            f'"entities": {e(entities_for(store, doc))}}}\n')


def export_redline(store: Store, *, status: Iterable[str] = (), annotators: Iterable[str] = (),
                   ids: Iterable[str] = ()) -> Iterator[str]:
    """The corpus as redline JSONL lines (each ending in a newline), one document at a time."""
    for doc in select_documents(store, status=status, ids=ids):
        yield redline_line(store, doc, annotation_json(store, doc, annotators=annotators))


def dumps(obj: Any) -> str:
    """One JSON line in the export style (UTF-8 as is, `", "` and `": "` separators)."""
    return str(_ENC.encode(obj))
