"""Finding the files to import and handing each to its format's reader.

A file is read and checked whole before anything from it is stored, and stored in one
transaction: a bad file gets one `InputError` naming it (and the line) and leaves no trace.
The readers themselves live in `annotations.formats` (text, redline, Prodigy, doccano, brat).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError, RedlineError
from .formats.reading import check_regular_file, decode, json_objects, read_bytes
from .formats.registry import READ_FORMATS, ImportRecord, detect_format, paired_reader, reader
from .formats.text import TITLE_MAX, read_text_file
from .models import Document, sha256

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")  # a dataset export (named only, never found in a folder)


def iter_files(paths: Iterable[str | Path], *, follow_symlinks: bool = False,
               skipped: list[tuple[Path, str]] | None = None) -> Iterator[Path]:
    """Files named, and those inside folders named (recursively, sorted, symlink loops skipped).

    A folder's symbolic links that lead out of it (to /etc/passwd, to another tree) are not
    followed unless `follow_symlinks`: each is added to `skipped` as (link, target) instead.
    """
    for p in paths:
        path = Path(p)
        if not path.exists():
            if path.is_symlink():
                raise InputError(str(path), "is a broken symbolic link (or a loop of them)",
                                 hint="point it at a file, or name the file itself")
            raise InputError(str(path), "no such file or folder", hint="check the path")
        if path.is_dir():
            top = os.path.realpath(path)
            seen: set[tuple[int, int]] = set()
            found, outside = 0, 0
            for root, dirs, files in os.walk(path, followlinks=True, onerror=_walk_error):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                if not follow_symlinks:
                    out = [d for d in dirs if _target_outside(Path(root) / d, top)]
                    dirs[:] = [d for d in dirs if d not in out]
                    entries = [Path(root) / d for d in out]
                else:
                    entries = []
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in IMPORTABLE and not name.startswith("."):
                        if not follow_symlinks and _target_outside(f, top):
                            entries.append(f)
                            continue
                        found += 1
                        yield f
                outside += len(entries)
                if skipped is not None:
                    skipped += [(e, os.path.realpath(e)) for e in entries]
            if not found:
                # an empty result would look like success: say why nothing was imported
                if outside:
                    raise InputError(str(path), "holds only symbolic links leading out of it",
                                     hint="give --follow-symlinks to import what they point at")
                raise InputError(str(path), "holds no .txt, .md or .jsonl files",
                                 hint="name a folder with articles in it")
        else:
            yield path


def _target_outside(path: Path, top: str) -> bool:
    """Whether `path` is a symbolic link whose target lies outside the folder `top` (resolved)."""
    if not path.is_symlink():
        return False
    target = os.path.realpath(path)
    return os.path.commonpath([top, target]) != top


IMPORTABLE = TEXT_SUFFIXES + JSONL_SUFFIXES


def _walk_error(e: OSError) -> None:
    """os.walk skips unreadable folders silently; say which one instead."""
    raise InputError(str(e.filename), f"cannot be read ({e.strerror})",
                     hint="check its permissions") from None


def read_jsonl_file(path: Path, data: bytes | None = None, *, fmt: str | None = None
                    ) -> list[ImportRecord]:
    """Every line of a JSONL file as a record; the first bad line fails the whole file, and so
    does an id given on two lines (the second would silently replace the first)."""
    text = decode(path, read_bytes(path) if data is None else data)
    records = []
    lines: dict[str, int] = {}  # document id -> the line that gave it
    for n, obj in json_objects(str(path), text):
        name = fmt or detect_format(obj)
        if name not in READ_FORMATS:
            raise InputError(str(path), f"unknown format {name!r}",
                             hint=f"use one of {', '.join(READ_FORMATS)}")
        try:
            rec = reader(name)(obj, f"{path}:{n}")
        except RedlineError as e:
            raise InputError(str(path), e.message, line=n, hint=e.hint or "fix or remove that line") from None
        if rec.id is not None:
            if rec.id in lines:
                raise InputError(str(path), f"id {rec.id!r} is given on lines {lines[rec.id]} and {n}",
                                 line=n, hint="give each document its own id, or remove one line")
            lines[rec.id] = n
        records.append(rec)
    if not records:
        raise InputError(str(path), "holds no documents", hint='give it lines like {"text": "…"}')
    return records


def read_file(path: Path, *, fmt: str | None = None) -> list[ImportRecord]:
    """The records of one file, by its extension."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise InputError(str(path), "is a folder", hint="name files or a folder to import")
    # before any reader opens it (a SQLite dataset is opened by sqlite3, not read_bytes)
    check_regular_file(path)
    if suffix in TEXT_SUFFIXES:
        paired = paired_reader(path)  # a brat .txt has its .ann beside it
        return read_text_file(path) if paired is None else paired(path)
    if suffix in JSONL_SUFFIXES or suffix == ".json":
        return read_jsonl_file(path, fmt=fmt)
    # `export OUT --format sqlite` writes OUT as given: a dataset named without .db comes back too
    if suffix in SQLITE_SUFFIXES or _is_sqlite(path):
        from .formats.sqlite import read_sqlite_file

        return read_sqlite_file(path)
    raise InputError(str(path), f"has an unknown extension {suffix or '(none)'!r}",
                     hint="import .txt, .md or .jsonl files, or a .db dataset export")


def _is_sqlite(path: Path) -> bool:
    """Whether the (regular) file starts with SQLite's header."""
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


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
