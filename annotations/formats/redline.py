"""The lossless redline format: streaming export (one JSON object per document) and its reader.

Annotations are spliced from the JSON their rows already hold (see schema.py), so exporting
100,000 annotations decodes only their spans (to check them) and encodes almost nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring as q
from typing import Any

from ..analysis import entities_for
from ..errors import RedlineError, SpanMismatchError
from ..models import STATUSES, Annotation, Document, normalise_newlines, sha256
from ..store import Store
from ..store.journal import ENCODER
from .output import write_lines
from .reading import check_size
from .registry import ImportRecord

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


def export_to(store: Store, out: str, **filters: Any) -> int:
    """Write the corpus as redline JSONL to `out` ('-' for stdout); the documents written."""
    return write_lines(out, export_redline(store, **filters))


# -- reading ----------------------------------------------------------------------------------
def _json_type(value: object) -> str:
    """What a JSON value is, in the words of an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def offset(value: object, what: str) -> int:
    """An offset or index read from a record: an integer, never a float cut down to one."""
    if not _is_int(value):
        # int(0.9) is 0: truncating would silently move the span
        raise RedlineError(f"{what} {json.dumps(value)[:40]} is not an integer",
                           hint="offsets count characters: give whole numbers")
    assert isinstance(value, int)
    return value


def record_id(value: object, field: str) -> str | None:
    """A document id as given in a record: a non-empty string or an integer (None if absent)."""
    if value is None:
        return None
    if isinstance(value, str) and value:
        return value
    if _is_int(value):
        return str(value)
    # 1.5 would be stored as "1.5" by one tool and 1.5 by another: only whole numbers are ids
    raise RedlineError(f'"{field}" must be a non-empty string or an integer, not '
                       f"{_json_type(value)} ({json.dumps(value)[:40]})",
                       hint='write it as a string, e.g. "id": "1.5"')


def refuse_cr_offsets(text: str, normalised: str, entities: object, *, hint: str) -> None:
    """Refuse entities whose offsets count CR line endings that the stored text will not have."""
    if normalised != text and entities:
        raise RedlineError("text has CR line endings but its entities' offsets count them",
                           hint=hint)


def check_entities(entities: object, text: str) -> list[dict[str, Any]]:
    """The entities of a record, each checked: a `label` string, integer `start` < `end` inside
    the text, and a `text` equal to the slice there (filled in from the offsets when absent)."""
    if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
        raise RedlineError('"entities" must be a list of objects')
    out = []
    for n, e in enumerate(entities, start=1):
        label, start, end = e.get("label"), e.get("start"), e.get("end")
        if not (isinstance(label, str) and label.strip()):
            raise RedlineError(f'entity {n}: "label" must be a non-empty string, not '
                               f"{_json_type(label)}", hint="fix or remove that entity")
        if not (_is_int(start) and _is_int(end)):
            raise RedlineError(f'entity {n} ({label}): "start" and "end" must be integers',
                               hint="fix or remove that entity")
        assert isinstance(start, int) and isinstance(end, int)
        if not 0 <= start < end <= len(text):
            raise RedlineError(f"entity {n} ({label}) [{start}, {end}) lies outside the text "
                               f"(length {len(text)})", hint="fix the offsets")
        said = e.get("text", text[start:end])
        if said != text[start:end]:
            raise RedlineError(f"entity {n} ({label}) [{start}, {end}) says {said!r} but the text "
                               f"there is {text[start:end]!r}", hint="fix the offsets")
        out.append({**e, "text": text[start:end]})
    return out


# optional annotation fields and the JSON type each must have when present
_ANN_STR_FIELDS = ("id", "origin", "annotator", "created_at", "updated_at")


def _check_annotation(a: dict[str, Any], n: int, text: str, seen: set[str]) -> None:
    """Raise RedlineError naming the annotation unless its shape, scheme and spans are sound.

    Types are checked strictly (no `"start": true` read as 1, no list read as an id), since a
    silently coerced value is a silently moved span. A span flagged `needs_review` was left
    where an older version of the text had it, so its words are not checked, only that it
    lies inside the text.
    """
    name = f"annotation {a['id']}" if isinstance(a.get("id"), str) else f"annotation {n}"
    for key in _ANN_STR_FIELDS:
        if a.get(key) is not None and not isinstance(a[key], str):
            raise RedlineError(f'{name}: "{key}" must be a string, not {_json_type(a[key])}')
    if not isinstance(a.get("kind"), str):
        raise RedlineError(f'{name}: "kind" must be a string, not {_json_type(a.get("kind"))}')
    attrs = a.get("attrs")
    if attrs is not None and not (isinstance(attrs, dict)
                                  and all(isinstance(v, str) for v in attrs.values())):
        raise RedlineError(f'{name}: "attrs" must be an object of strings')
    review = a.get("needs_review", False)
    if not isinstance(review, bool):
        raise RedlineError(f'{name}: "needs_review" must be true or false')
    spans = a.get("spans")
    if not isinstance(spans, list) or not spans or not all(isinstance(s, dict) for s in spans):
        raise RedlineError(f'{name}: "spans" must be a non-empty list of objects')
    for s in spans:
        if not (isinstance(s.get("role"), str) and isinstance(s.get("text"), str)
                and _is_int(s.get("start")) and _is_int(s.get("end"))):
            raise RedlineError(f'{name}: each span needs "role" and "text" strings and integer '
                               '"start" and "end"')
        # whatever the flag: a flagged span may say other words than the text holds there,
        # but it must lie inside the text, or the screen and every export would trip on it
        if not 0 <= s["start"] < s["end"] <= len(text):
            raise RedlineError(f"{name}: span {s['role']} [{s['start']}, {s['end']}) lies outside "
                               f"the text (length {len(text)})", hint="fix the offsets")
    if isinstance(a.get("id"), str):
        if a["id"] in seen:
            raise RedlineError(f"{name} appears twice", hint="give each annotation its own id")
        seen.add(a["id"])
    try:
        Annotation.from_dict(a).with_defaults().validate(None if review else text)
    except RedlineError as e:
        message = e.message if e.message.startswith("annotation ") else f"{name}: {e.message}"
        raise RedlineError(message, hint=e.hint) from None


def read_redline_record(obj: dict[str, Any], where: str) -> ImportRecord:
    """A plain `{"text", "id"?, "title"?, "meta"?}` object or a redline export line."""
    text = obj.get("text")
    if not isinstance(text, str):
        raise RedlineError('has no "text" string', hint='give each line a "text" field')
    normalised = normalise_newlines(text)
    anns = obj.get("annotations")
    anns = [] if anns is None else anns
    if not isinstance(anns, list) or not all(isinstance(a, dict) for a in anns):
        raise RedlineError('"annotations" must be a list of objects')
    if normalised != text and anns:
        raise RedlineError("text has CR line endings but its annotations' offsets count them",
                           hint="export the document again with redline")
    if not normalised.strip():
        raise RedlineError('"text" is empty', hint="give it some text, or leave the line out")
    if "\x00" in normalised:
        # legal in JSON as \u0000, but never in an article: it is a binary file in disguise
        raise RedlineError('"text" holds a NUL character (\\u0000)',
                           hint="remove it; articles are plain text")
    check_size(None, normalised)
    if "text_sha256" in obj and anns and obj["text_sha256"] != sha256(text):
        raise RedlineError("text_sha256 does not match the text",
                           hint="the text was changed by hand; export it again")
    meta = obj.get("meta")
    meta = {} if meta is None else meta
    if not isinstance(meta, dict):
        raise RedlineError('"meta" must be an object')
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise RedlineError('"title" must be a string')
    status = obj.get("status")
    if status is not None and status not in STATUSES:
        raise RedlineError(f"unknown status {status!r}", hint=f"use one of {', '.join(STATUSES)}")
    doc_id = record_id(obj.get("id"), "id")
    for key in ("created_at", "updated_at"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise RedlineError(f'"{key}" must be a string, not {_json_type(obj[key])}')
    entities = obj.get("entities")
    if entities is not None:
        refuse_cr_offsets(text, normalised, entities, hint="export the document again with redline")
        entities = check_entities(entities, normalised)
    seen: set[str] = set()
    for n, a in enumerate(anns, start=1):
        _check_annotation(a, n, normalised, seen)
    return ImportRecord(text=normalised, source=where, id=doc_id,
                        title=title, meta=meta, status=status, annotations=anns, entities=entities,
                        created_at=obj.get("created_at"), updated_at=obj.get("updated_at"))
