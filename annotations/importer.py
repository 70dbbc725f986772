"""Reading articles from files: `.txt` / `.md`, `.jsonl` (plain or redline export), folders.

A file is read and checked whole before anything from it is stored, and stored in one
transaction: a bad file gets one `InputError` naming it (and the line) and leaves no trace.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, RedlineError
from .models import STATUSES, Annotation, Document, normalise_newlines, sha256

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_TEXT_CHARS = 20_000_000  # 20 M characters: far beyond any article, short of exhausting memory
MAX_FILE_BYTES = 200_000_000
TITLE_MAX = 120


@dataclass
class ImportRecord:
    """One document read from a file, checked, ready to store."""

    text: str
    source: str
    id: str | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    status: str | None = None
    annotations: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] | None = None
    created_at: str | None = None
    updated_at: str | None = None


# A JSONL record reader for one interchange format: (object, where) -> record.
RecordReader = Callable[[dict[str, Any], str], ImportRecord]
FORMATS: dict[str, RecordReader] = {}
DETECTORS: list[tuple[str, Callable[[dict[str, Any]], bool]]] = []


def register_format(name: str, reader: RecordReader,
                    detect: Callable[[dict[str, Any]], bool] | None = None) -> None:
    """Make `redline import --format NAME` (and auto-detection, with `detect`) read a format."""
    FORMATS[name] = reader
    if detect is not None:
        DETECTORS.insert(0, (name, detect))


def detect_format(obj: dict[str, Any]) -> str:
    """The name of the JSONL format an object looks like ('redline' by default)."""
    for name, detect in DETECTORS:
        if detect(obj):
            return name
    return "redline"


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and those inside folders named (recursively, sorted, symlink loops skipped)."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            if path.is_symlink():
                raise InputError(str(path), "is a broken symbolic link (or a loop of them)",
                                 hint="point it at a file, or name the file itself")
            raise InputError(str(path), "no such file or folder", hint="check the path")
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            found = 0
            for root, dirs, files in os.walk(path, followlinks=True, onerror=_walk_error):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in IMPORTABLE and not name.startswith("."):
                        found += 1
                        yield f
            if not found:
                # an empty result would look like success: say why nothing was imported
                raise InputError(str(path), "holds no .txt, .md or .jsonl files",
                                 hint="name a folder with articles in it")
        else:
            yield path


IMPORTABLE = TEXT_SUFFIXES + JSONL_SUFFIXES


def _walk_error(e: OSError) -> None:
    """os.walk skips unreadable folders silently; say which one instead."""
    raise InputError(str(e.filename), f"cannot be read ({e.strerror})",
                     hint="check its permissions") from None


def _decode(path: Path, data: bytes) -> str:
    # the whole file, not just its head: a NUL deep inside would otherwise be stored in the text
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(str(path), f"is a binary file (it holds a NUL byte at offset {nul})",
                         hint="import .txt, .md or .jsonl text files saved as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(str(path), f"is not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})",
                         line=line, hint="save the file as UTF-8 and import it again") from None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(str(path),
                             f"is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 10**6} MB limit",
                             hint="split it into smaller files")
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot be read ({e.strerror})", hint="check its permissions") from None


def read_text_file(path: Path, data: bytes | None = None) -> list[ImportRecord]:
    """A `.txt`/`.md` article: a first line that is a `# heading`, or short and followed by a
    blank line, is the title (and not part of the text); otherwise the file name is."""
    text = normalise_newlines(_decode(path, _read_bytes(path) if data is None else data))
    lines = text.split("\n")
    title = None
    first = lines[0].strip()
    if first.startswith("#") and first.lstrip("#").strip():
        title = first.lstrip("#").strip()
        text = "\n".join(lines[1:])
    elif len(lines) > 2 and first and len(first) <= TITLE_MAX and not lines[1].strip():
        title = first
        text = "\n".join(lines[2:])
    text = text.strip("\n")
    if not text.strip():
        raise InputError(str(path), "is empty", hint="give it some text, or leave it out")
    _check_size(str(path), text)
    return [ImportRecord(text=text, source=str(path), title=title or path.stem.replace("_", " "))]


def _check_size(where: str | None, text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        message = f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,} limit"
        if where is None:
            # a JSONL record: read_jsonl_file adds the file and line itself
            raise RedlineError(message, hint="split the document")
        raise InputError(where, message, hint="split the document")


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


# optional annotation fields and the JSON type each must have when present
_ANN_STR_FIELDS = ("id", "origin", "annotator", "created_at", "updated_at")


def _check_annotation(a: dict[str, Any], n: int, text: str, seen: set[str]) -> None:
    """Raise RedlineError naming the annotation unless its shape, scheme and spans are sound.

    Types are checked strictly (no `"start": true` read as 1, no list read as an id), since a
    silently coerced value is a silently moved span. A span flagged `needs_review` was left
    where an older version of the text had it, so only its shape is checked, not its text.
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
        if not 0 <= s["start"] < s["end"] <= MAX_TEXT_CHARS:
            raise RedlineError(f"{name}: span {s['role']} [{s['start']}, {s['end']}) is not a "
                               "stretch of text", hint="fix the offsets")
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
    _check_size(None, normalised)
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
    doc_id = obj.get("id")
    if doc_id is not None and (not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool)
                               or doc_id == ""):
        raise RedlineError('"id" must be a non-empty string or a number')
    for key in ("created_at", "updated_at"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise RedlineError(f'"{key}" must be a string, not {_json_type(obj[key])}')
    entities = obj.get("entities")
    if entities is not None and not (isinstance(entities, list)
                                     and all(isinstance(e, dict) for e in entities)):
        raise RedlineError('"entities" must be a list of objects')
    seen: set[str] = set()
    for n, a in enumerate(anns, start=1):
        _check_annotation(a, n, normalised, seen)
    return ImportRecord(text=normalised, source=where, id=None if doc_id is None else str(doc_id),
                        title=title, meta=meta, status=status, annotations=anns, entities=entities,
                        created_at=obj.get("created_at"), updated_at=obj.get("updated_at"))


register_format("redline", read_redline_record)


def _no_constant(name: str) -> Any:
    """Python reads NaN and Infinity, but they are not JSON: stored, they would make the export
    unreadable to every other tool."""
    raise ValueError(f"{name} is not a JSON value")


def read_jsonl_file(path: Path, data: bytes | None = None, *, fmt: str | None = None
                    ) -> list[ImportRecord]:
    """Every line of a JSONL file as a record; the first bad line fails the whole file."""
    text = _decode(path, _read_bytes(path) if data is None else data)
    records = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line, parse_constant=_no_constant)
        except json.JSONDecodeError as e:
            raise InputError(str(path), f"is not valid JSON ({e.msg}, column {e.colno})", line=n,
                             hint="fix or remove that line") from None
        except ValueError as e:
            raise InputError(str(path), f"is not valid JSON ({e})", line=n,
                             hint="fix or remove that line") from None
        if not isinstance(obj, dict):
            raise InputError(str(path), f"is a JSON {type(obj).__name__}, not an object", line=n,
                             hint='give each line an object like {"text": "…"}')
        name = fmt or detect_format(obj)
        if name not in FORMATS:
            raise InputError(str(path), f"unknown format {name!r}", hint=f"use one of {', '.join(FORMATS)}")
        try:
            records.append(FORMATS[name](obj, f"{path}:{n}"))
        except RedlineError as e:
            raise InputError(str(path), e.message, line=n, hint=e.hint or "fix or remove that line") from None
    if not records:
        raise InputError(str(path), "holds no documents", hint='give it lines like {"text": "…"}')
    return records


def read_file(path: Path, *, fmt: str | None = None) -> list[ImportRecord]:
    """The records of one file, by its extension."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise InputError(str(path), "is a folder", hint="name files or a folder to import")
    if suffix in TEXT_SUFFIXES:
        return read_text_file(path)
    if suffix in JSONL_SUFFIXES or suffix == ".json":
        return read_jsonl_file(path, fmt=fmt)
    raise InputError(str(path), f"has an unknown extension {suffix or '(none)'!r}",
                     hint="import .txt, .md or .jsonl files")


def to_document(rec: ImportRecord) -> Document:
    """The document a record will be stored as (id defaults to the text hash's first 16 digits)."""
    digest = sha256(rec.text)
    doc = Document(id=rec.id or digest[:16], text=rec.text, title=rec.title or _title_from(rec.text),
                   meta=rec.meta, status=rec.status or "new", text_sha256=digest)
    if rec.created_at:
        doc.created_at = rec.created_at
        doc.updated_at = rec.updated_at or rec.created_at
    return doc


def _title_from(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= TITLE_MAX else first[: TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"


def _register_interchange_readers() -> None:
    """Let `redline import` read (and detect) Prodigy and doccano JSONL; they import this module,
    so they are loaded last."""
    from .formats import doccano, prodigy  # noqa: F401


_register_interchange_readers()
