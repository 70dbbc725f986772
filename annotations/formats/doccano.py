"""doccano's relation-extraction JSONL: export, and import back.

A line is `{"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [{"id", "from_id", "to_id", "type"}], "Comments": []}` plus metadata keys (doccano
keeps unknown keys as metadata). doccano counts offsets in UTF-16 code units, as JavaScript does
(doccano issue #2290), so an emoji counts twice: export writes UTF-16 offsets and says so in
`offset_unit`; import reads `offset_unit` (`utf16` when absent, doccano's own default, or
`codepoints`) and turns offsets back into code points.
The document's named entities (as corrected in redline) are in `named_entities`
(`{"label", "start_offset", "end_offset", "text"}`, offsets in `offset_unit` too): doccano's
`entities` are its labelled spans, which redline's import reads as annotations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..analysis import entities_for
from ..errors import RedlineError
from ..models import STATUSES, normalise_newlines
from ..store import Store
from . import labels
from .output import write_lines
from .redline import check_entities, offset, record_id, refuse_cr_offsets
from .registry import ImportRecord

UNITS = ("utf16", "codepoints")
RESERVED = {"id", "text", "entities", "relations", "label", "Comments", "doc_id", "title",
            "status", "text_sha256", "meta", "frames", "offset_unit", "named_entities"}


def utf16_table(text: str) -> list[int] | None:
    """UTF-16 offset of each code point offset 0..len(text); None when they are all equal."""
    if all(ord(c) <= 0xFFFF for c in text):
        return None
    table, at = [0], 0
    for c in text:
        at += 2 if ord(c) > 0xFFFF else 1
        table.append(at)
    return table


def to_unit(text: str, unit: str) -> Callable[[int], int]:
    """Code point offset -> offset in `unit`."""
    table = utf16_table(text) if unit == "utf16" else None
    return int if table is None else table.__getitem__


def from_unit(text: str, unit: str) -> Callable[[Any], int]:
    """Offset in `unit` -> code point offset (RedlineError for one that splits a character)."""
    table = utf16_table(text) if unit == "utf16" else None
    if table is None:
        return lambda value: offset(value, "offset")
    back = {u: i for i, u in enumerate(table)}

    def convert(value: Any) -> int:
        at = offset(value, "offset")
        if not 0 <= at <= table[-1]:
            raise RedlineError(f"UTF-16 offset {at} lies outside the text "
                               f"({table[-1]} UTF-16 units)", hint="fix the offsets")
        if at not in back:
            raise RedlineError(f"UTF-16 offset {at} falls inside a character",
                               hint='set "offset_unit": "codepoints" if offsets count characters')
        return back[at]

    return convert


def doccano_lines(store: Store, *, status: Any = (), annotators: Any = (), ids: Any = (),
                  unit: str = "utf16") -> Iterator[str]:
    """The corpus as doccano JSONL lines; entity and relation ids run across the whole export."""
    next_entity, next_relation = 1, 1
    for n, doc in enumerate(labels.stream_documents(store, status=status, ids=ids), start=1):
        anns = labels.exportable(store, doc, annotators)
        conv = to_unit(doc.text, unit)
        parts, links = labels.decompose(anns)
        entity_ids = list(range(next_entity, next_entity + len(parts)))
        next_entity += len(parts)
        entities = [{"id": next_entity - len(parts) + k, "label": p.label,
                     "start_offset": conv(p.span.start), "end_offset": conv(p.span.end)}
                    for k, p in enumerate(parts)]
        relations = [{"id": next_relation + k, "from_id": entity_ids[h], "to_id": entity_ids[c],
                      "type": label} for k, (h, c, label) in enumerate(links)]
        next_relation += len(links)
        yield labels.dumps({
            "id": n, "text": doc.text, "entities": entities, "relations": relations,
            "Comments": [], "doc_id": doc.id, "title": doc.title, "status": doc.status,
            "text_sha256": doc.text_sha256, "meta": doc.meta, "offset_unit": unit,
            "frames": [labels.frame_meta(a, conv) for a in anns],
            "named_entities": [_named_entity(e, conv) for e in entities_for(store, doc)]}) + "\n"


def _named_entity(e: dict[str, Any], conv: Callable[[int], int]) -> dict[str, Any]:
    """An entity with its offsets as `start_offset`/`end_offset` in the export's unit."""
    rest = {k: v for k, v in e.items() if k not in ("start", "end")}
    return {"label": rest.pop("label"), "start_offset": conv(e["start"]),
            "end_offset": conv(e["end"]), **rest}


def _read_named_entities(value: object, conv: Callable[[Any], int], text: str
                         ) -> list[dict[str, Any]]:
    """`named_entities` back as redline entities (code point offsets, checked on `text`)."""
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise RedlineError('"named_entities" must be a list of objects')
    out = []
    for n, e in enumerate(value, start=1):
        if "start_offset" not in e or "end_offset" not in e:
            raise RedlineError(f'named entity {n}: "start_offset" and "end_offset" are missing',
                               hint="fix or remove that entity")
        rest = {k: v for k, v in e.items() if k not in ("start_offset", "end_offset")}
        out.append({"start": conv(e["start_offset"]), "end": conv(e["end_offset"]), **rest})
    return check_entities(out, text)


def export_doccano(store: Store, out: str, **filters: Any) -> int:
    """Write the corpus as doccano JSONL to `out` ('-' for stdout); the document count."""
    return write_lines(out, doccano_lines(store, **filters))


def _entities(obj: dict[str, Any], conv: Callable[[Any], int]) -> tuple[list[Any], list[Any]]:
    """(entity ids, Ext spans) from `entities` dicts, or doccano's `label: [[s, e, L]]` lists."""
    ids, exts = [], []
    for e in obj.get("entities") or []:
        ids.append(e.get("id"))
        exts.append(labels.Ext(conv(e["start_offset"]), conv(e["end_offset"]), str(e["label"])))
    label = obj.get("label")
    if isinstance(label, list):
        for item in label:
            if isinstance(item, list) and len(item) == 3:
                ids.append(None)
                exts.append(labels.Ext(conv(item[0]), conv(item[1]), str(item[2])))
            else:
                labels.current().unmapped[f"document label {item!r}"] += 1
    return ids, exts


def read_doccano(obj: dict[str, Any], where: str) -> ImportRecord:
    """One doccano line (relation, or plain sequence-labelling, export) as a record."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RedlineError('has no "text" string', hint='give each line a "text" field')
    unit = obj.get("offset_unit", "utf16")
    if unit not in UNITS:
        raise RedlineError(f"unknown offset_unit {unit!r}", hint=f"use one of {', '.join(UNITS)}")
    normalised = normalise_newlines(text)
    conv = from_unit(text, unit)
    try:
        ids, exts = _entities(obj, conv)
        if normalised != text and exts:
            raise RedlineError("text has CR line endings but its offsets count them",
                               hint="normalise the line endings before annotating")
        index = {eid: i for i, eid in enumerate(ids) if eid is not None}
        links = []
        for r in obj.get("relations") or []:
            for end in ("from_id", "to_id"):
                if r[end] not in index:
                    raise RedlineError(f"relation {r.get('id')} points at entity {r[end]}, "
                                       "which is not on this line", hint="fix the relation")
            links.append((index[r["from_id"]], index[r["to_id"]], str(r["type"])))
        frames = obj.get("frames")
        if isinstance(frames, list):
            frames = [{**f, "spans": [[conv(s[0]), conv(s[1]), s[2]] for s in f.get("spans") or []]}
                      for f in frames if isinstance(f, dict)]
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
        raise RedlineError(f"an entity or relation is malformed ({e!r})") from None
    anns = labels.assemble(normalised, exts, links, frames)
    entities = obj.get("named_entities")
    if entities is not None:
        refuse_cr_offsets(text, normalised, entities,
                          hint="normalise the line endings before annotating")
        entities = _read_named_entities(entities, conv, normalised)
    meta = dict(obj["meta"]) if isinstance(obj.get("meta"), dict) else {}
    meta.update({k: v for k, v in obj.items() if k not in RESERVED})
    if "doc_id" not in obj and "id" in obj:
        meta["doccano_id"] = obj["id"]
    title = obj.get("title")
    return ImportRecord(text=normalised, source=where,
                        id=record_id(obj.get("doc_id"), "doc_id"),
                        title=title if isinstance(title, str) else None, meta=meta,
                        status=obj.get("status") if obj.get("status") in STATUSES else None,
                        annotations=anns, entities=entities)


def looks_like_doccano(obj: dict[str, Any]) -> bool:
    """A doccano line: entities with `start_offset`, relations with `from_id`, or label triples."""
    if not isinstance(obj.get("text"), str) or "annotations" in obj or "spans" in obj:
        return False
    ents, rels, label = obj.get("entities"), obj.get("relations"), obj.get("label")
    return (isinstance(rels, list) and isinstance(ents, list)) or (
        isinstance(ents, list) and any(isinstance(e, dict) and "start_offset" in e for e in ents)
    ) or (isinstance(label, list) and bool(label) and all(isinstance(x, list) for x in label))


