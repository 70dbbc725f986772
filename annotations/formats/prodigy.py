"""Prodigy `spans` + `relations` tasks (the `rel.manual` shape): export, and import back.

One task per document: `tokens` from spaCy's rule-based English tokenizer (`spacy.blank("en")`,
no trained pipeline), `spans` with inclusive `token_end`, `relations` whose `head`/`child` are
the last token of their span (as Prodigy saves them), `_input_hash`/`_task_hash` (32-bit
MurmurHash, stable across exports), `answer: "accept"`, and redline's frame data in `meta`.
The document's named entities (as corrected in redline) are in `meta.entities`, not in `spans`:
a span there is an annotation to redline's import and to Prodigy's relation recipes.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from murmurhash import mrmr

from ..analysis import entities_for
from ..errors import RedlineError
from ..models import STATUSES, Annotation, Document, normalise_newlines
from ..store import Store
from . import labels
from .output import write_lines
from .redline import check_entities, offset, record_id, refuse_cr_offsets
from .registry import ImportRecord

META_KEYS = ("doc_id", "title", "status", "text_sha256", "doc_meta", "frames", "entities")


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def tokenize(text: str) -> list[dict[str, Any]]:
    """Prodigy token dicts (`text`, `start`, `end`, `id`, `ws`) from spaCy's English tokenizer."""
    from spacy.attrs import IDX, LENGTH, SPACY

    rows = _tokenizer()(text).to_array([IDX, LENGTH, SPACY]).tolist()
    return [{"text": text[s:s + n], "start": s, "end": s + n, "id": i, "ws": bool(w)}
            for i, (s, n, w) in enumerate(rows)]


def task_hash(obj: Any) -> int:
    """A signed 32-bit MurmurHash3 of an object's canonical JSON (Prodigy's hash width)."""
    return int(mrmr.hash(json.dumps(obj, sort_keys=True, ensure_ascii=False)))


def _token_range(starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The first and last (inclusive) token a character range touches."""
    return max(0, bisect_right(starts, start) - 1), max(0, bisect_right(starts, end - 1) - 1)


def task(doc: Document, anns: list[Annotation], entities: list[dict[str, Any]] | None = None
         ) -> dict[str, Any]:
    """One document as a Prodigy relations task (its named `entities` in `meta`)."""
    tokens = tokenize(doc.text)
    starts = [t["start"] for t in tokens]
    parts, links = labels.decompose(anns)
    spans: list[dict[str, Any]] = []
    for p in parts:
        ts, te = _token_range(starts, p.span.start, p.span.end)
        spans.append({"start": p.span.start, "end": p.span.end, "token_start": ts,
                      "token_end": te, "label": p.label, "text": p.span.text})
    relations = []
    for h, c, label in links:
        head = {k: spans[h][k] for k in ("start", "end", "token_start", "token_end", "label")}
        child = {k: spans[c][k] for k in ("start", "end", "token_start", "token_end", "label")}
        relations.append({"head": head["token_end"], "child": child["token_end"],
                          "head_span": head, "child_span": child, "label": label})
    input_hash = task_hash({"text": doc.text})
    return {
        "text": doc.text, "tokens": tokens, "spans": spans, "relations": relations,
        "meta": {"doc_id": doc.id, "title": doc.title, "status": doc.status,
                 "text_sha256": doc.text_sha256, "doc_meta": doc.meta,
                 "frames": [labels.frame_meta(a) for a in anns],
                 "entities": list(entities or [])},
        "_input_hash": input_hash,
        "_task_hash": task_hash({"input": input_hash, "spans": [
            [s["start"], s["end"], s["label"]] for s in spans], "relations": [
            [r["head_span"]["start"], r["child_span"]["start"], r["label"]] for r in relations]}),
        "_view_id": "relations", "answer": "accept",
    }


def prodigy_lines(store: Store, *, status: Any = (), annotators: Any = (), ids: Any = ()
                  ) -> Iterator[str]:
    """The corpus as Prodigy JSONL lines, one document at a time."""
    for doc in labels.stream_documents(store, status=status, ids=ids):
        yield labels.dumps(task(doc, labels.exportable(store, doc, annotators),
                                entities_for(store, doc))) + "\n"


def export_prodigy(store: Store, out: str, **filters: Any) -> int:
    """Write the corpus as Prodigy tasks to `out` ('-' for stdout); the task count."""
    return write_lines(out, prodigy_lines(store, **filters))


# -- import ------------------------------------------------------------------------------------
def _offsets(span: dict[str, Any], tokens: list[Any]) -> tuple[int, int]:
    if "start" in span and "end" in span:
        return offset(span["start"], "span start"), offset(span["end"], "span end")
    first = tokens[offset(span["token_start"], "span token_start")]
    last = tokens[offset(span["token_end"], "span token_end")]
    return offset(first["start"], "token start"), offset(last["end"], "token end")


def _endpoint(rel: dict[str, Any], side: str, exts: list[labels.Ext], last_tokens: list[int],
              tokens: list[Any]) -> int | None:
    """The index of the span a relation's head or child points at (None if no span is there)."""
    ref = rel.get(f"{side}_span")
    if isinstance(ref, dict):
        start, end = _offsets(ref, tokens)
        label = ref.get("label")
        hits = [i for i, x in enumerate(exts) if (x.start, x.end) == (start, end)
                and (label is None or x.label == label)]
    else:
        hits = [i for i, t in enumerate(last_tokens) if t == offset(rel[side], f"relation {side}")]
    return hits[0] if hits else None


def read_prodigy(obj: dict[str, Any], where: str) -> ImportRecord:
    """One Prodigy task (spans and relations) as a record; non-accepted tasks keep only the text."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RedlineError('has no "text" string', hint='give each task a "text" field')
    spans, rels = obj.get("spans") or [], obj.get("relations") or []
    tokens = obj.get("tokens") or []
    meta: dict[str, Any] = obj["meta"] if isinstance(obj.get("meta"), dict) else {}
    if not all(isinstance(x, list) for x in (spans, rels, tokens)) or not all(
            isinstance(x, dict) for x in [*spans, *rels]):
        raise RedlineError('"spans", "relations" and "tokens" must be lists of objects')
    normalised = normalise_newlines(text)
    if normalised != text and spans:
        raise RedlineError("text has CR line endings but its spans' offsets count them",
                           hint="normalise the line endings before annotating")
    lm = labels.current()
    answer = obj.get("answer", "accept")
    if answer != "accept":
        lm.unmapped[f"task answered {answer!r} (its spans left out)"] += 1
        spans, rels = [], []
    exts, last_tokens = [], []
    try:
        for s in spans:
            start, end = _offsets(s, tokens)
            if "text" in s and 0 <= start < end <= len(text) and text[start:end] != s["text"]:
                raise RedlineError(f"span [{start}, {end}) says {s['text']!r} but the text there "
                                   f"is {text[start:end]!r}", hint="fix the offsets")
            exts.append(labels.Ext(start, end, str(s.get("label", ""))))
            last_tokens.append(offset(s.get("token_end", -1), "span token_end"))
        links = []
        for r in rels:
            h = _endpoint(r, "head", exts, last_tokens, tokens)
            c = _endpoint(r, "child", exts, last_tokens, tokens)
            if h is None or c is None:
                lm.unmapped[f"relation {r.get('label')!r} to a token outside every span"] += 1
            else:
                links.append((h, c, str(r.get("label", ""))))
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise RedlineError(f"a span or relation is malformed ({e!r})") from None
    annotator = str(obj.get("_annotator_id") or obj.get("_session_id") or "")
    anns = labels.assemble(normalised, exts, links, meta.get("frames"), annotator=annotator)
    doc_meta = meta.get("doc_meta") if "doc_meta" in meta else {
        k: v for k, v in meta.items() if k not in META_KEYS}
    status = meta.get("status") if meta.get("status") in STATUSES else None
    doc_id = record_id(meta.get("doc_id"), "meta.doc_id")
    title = meta.get("title")
    entities = meta.get("entities")
    if entities is not None:
        refuse_cr_offsets(text, normalised, entities,
                          hint="normalise the line endings before annotating")
        entities = check_entities(entities, normalised)
    return ImportRecord(text=normalised, source=where, id=doc_id,
                        title=title if isinstance(title, str) else None,
                        meta=doc_meta if isinstance(doc_meta, dict) else {}, status=status,
                        annotations=anns, entities=entities)


def looks_like_prodigy(obj: dict[str, Any]) -> bool:
    """A Prodigy task: text with spans, tokens or Prodigy's hashes, and no redline annotations."""
    return isinstance(obj.get("text"), str) and "annotations" not in obj and any(
        k in obj for k in ("spans", "tokens", "_input_hash", "_task_hash"))


