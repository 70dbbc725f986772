"""Reusing `redline analyze` output at import (`redline import … --analyses FILE`): each record
is cached for the stored document with its text, so the import runs no spaCy for it.

A record is matched to documents by `text_sha256`, never by id (analyze numbers lines that have
no id; the database names them by their text's hash). Only records made by the rules this
redline runs (`extractor_version`) are reused; every offset is checked against the text before
anything is stored, and a file is stored whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import extractor_version
from .errors import InputError
from .formats.reading import decode, json_objects, read_bytes
from .store import Store


@dataclass
class Reused:
    """What one analyses file gave."""

    reused: int = 0
    other_rules: int = 0  # made by another rule version (or no version given): analysed again
    other_model: int = 0  # made with another pipeline than the import's: analysed again
    unmatched: int = 0  # no stored document has that text


def _pair(value: object, size: int, *, empty: bool = False) -> bool:
    """Whether value is [start, end] inside a text of `size` characters."""
    if not isinstance(value, list) or len(value) != 2:
        return False
    start, end = value
    # type, not isinstance: True is an int too
    return (type(start) is int and type(end) is int
            and 0 <= start <= end <= size and (empty or start < end))


def problem(record: dict[str, Any], text: str) -> str | None:
    """What in an analysis record does not fit the text, or None if every offset does."""
    size = len(text)
    for e in record.get("entities") or []:
        if not isinstance(e, dict) or not _pair([e.get("start"), e.get("end")], size) \
                or text[e["start"]:e["end"]] != e.get("text"):
            return f"entity {e!r:.80} is not a stretch of the text"
    for q in record.get("quotes") or []:
        if not isinstance(q, dict) or not _pair([q.get("start"), q.get("end")], size, empty=True) \
                or text[q["start"]:q["end"]] != q.get("text"):
            return f"quote {q!r:.80} is not a stretch of the text"
        for key in ("speaker_span", "cue_span"):
            if q.get(key) is not None and not _pair(q[key], size):
                return f"quote {key} {q[key]!r:.40} lies outside the text"
    for a in record.get("attributions") or []:
        if not isinstance(a, dict):
            return "an attribution is not an object"
        for key in ("source_span", "cue_span"):
            if a.get(key) is not None and not _pair(a[key], size):
                return f"attribution {key} {a[key]!r:.40} lies outside the text"
        contents = a.get("content_spans")
        if not isinstance(contents, list) or not all(_pair(c, size) for c in contents):
            return f"attribution content_spans {contents!r:.60} lie outside the text"
    return None


def store_analyses(store: Store, path: Path, model_id: str) -> Reused:
    """Cache every analysis in `path` (redline analyze output) made with the pipeline `model_id`
    whose text is stored; all or none.

    Raises InputError naming the file and line for a line that is not such a record or whose
    offsets do not fit the text."""
    where, version = str(path), extractor_version()
    # a regular file, bounded, UTF-8: read_bytes and decode raise one InputError naming it
    text = decode(path, read_bytes(path))
    result, keep = Reused(), []
    with store._write() as db:
        for n, rec in json_objects(where, text, shape='{"text_sha256": …, "model": …}'):
            if not isinstance(rec.get("text_sha256"), str) or not isinstance(rec.get("model"), str):
                raise InputError(where, 'is not a `redline analyze` record ("text_sha256", '
                                 '"model", …)', line=n,
                                 hint="give the file redline analyze wrote")
            if rec.get("extractor_version") != version:
                result.other_rules += 1
                continue
            if rec["model"] != model_id:  # the import would not find it, and analyse again
                result.other_model += 1
                continue
            row = db.conn.execute("SELECT text FROM documents WHERE text_sha256 = ? LIMIT 1",
                                  (rec["text_sha256"],)).fetchone()
            if row is None:
                result.unmatched += 1
                continue
            wrong = problem(rec, row[0])
            if wrong:
                raise InputError(where, wrong, line=n,
                                 hint="give the analyses redline analyze wrote for these texts")
            keep.append({k: v for k, v in rec.items() if k != "extractor_version"})
        for rec in keep:  # only once every line has passed: the file is stored whole or not at all
            store.save_analysis(rec, extractor_version=version)
            result.reused += 1
    return result
