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
            raise InputError(str(path), "no such file or folder", hint="check the path")
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES and not name.startswith("."):
                        yield f
        else:
            yield path


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "is a binary file (it holds NUL bytes)",
                         hint="import .txt, .md or .jsonl text files")
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
            raise InputError(str(path), f"is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 10**6} MB limit",
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


def _check_size(where: str, text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(where, f"text of {len(text):,} characters is over the "
                                f"{MAX_TEXT_CHARS:,} limit", hint="split the document")


def read_redline_record(obj: dict[str, Any], where: str) -> ImportRecord:
    """A plain `{"text", "id"?, "title"?, "meta"?}` object or a redline export line."""
    text = obj.get("text")
    if not isinstance(text, str):
        raise RedlineError('has no "text" string', hint='give each line a "text" field')
    normalised = normalise_newlines(text)
    anns = obj.get("annotations") or []
    if not isinstance(anns, list) or not all(isinstance(a, dict) for a in anns):
        raise RedlineError('"annotations" must be a list of objects')
    if normalised != text and anns:
        raise RedlineError("text has CR line endings but its annotations' offsets count them",
                           hint="export the document again with redline")
    if not normalised.strip():
        raise RedlineError('"text" is empty', hint="give it some text, or leave the line out")
    _check_size(where, normalised)
    if "text_sha256" in obj and anns and obj["text_sha256"] != sha256(text):
        raise RedlineError("text_sha256 does not match the text", hint="the text was changed by hand; export it again")
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise RedlineError('"meta" must be an object')
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise RedlineError('"title" must be a string')
    status = obj.get("status")
    if status is not None and status not in STATUSES:
        raise RedlineError(f"unknown status {status!r}", hint=f"use one of {', '.join(STATUSES)}")
    doc_id = obj.get("id")
    if doc_id is not None and not isinstance(doc_id, (str, int)):
        raise RedlineError('"id" must be a string or a number')
    entities = obj.get("entities")
    if entities is not None and not isinstance(entities, list):
        raise RedlineError('"entities" must be a list')
    for a in anns:
        try:
            Annotation.from_dict(a).with_defaults().validate(normalised)
        except (KeyError, TypeError, ValueError) as e:
            raise RedlineError(f"annotation {a.get('id', '?')} is malformed ({e!r})") from None
    return ImportRecord(text=normalised, source=where, id=None if doc_id is None else str(doc_id),
                        title=title, meta=meta, status=status, annotations=anns, entities=entities,
                        created_at=obj.get("created_at"), updated_at=obj.get("updated_at"))


register_format("redline", read_redline_record)


def read_jsonl_file(path: Path, data: bytes | None = None, *, fmt: str | None = None
                    ) -> list[ImportRecord]:
    """Every line of a JSONL file as a record; the first bad line fails the whole file."""
    text = _decode(path, _read_bytes(path) if data is None else data)
    records = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(str(path), f"is not valid JSON ({e.msg}, column {e.colno})", line=n,
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
