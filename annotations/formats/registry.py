"""The formats redline reads and writes, and the record every reader returns.

A leaf module: it names each format's module and functions, and imports a format only when it is
used, so detection never depends on which format happened to be imported first.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RedlineError


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



# A JSONL record reader: (object, where) -> record.
RecordReader = Callable[[dict[str, Any], str], ImportRecord]
# An exporter: (store, out, *, status, annotators, ids) -> documents written.
Exporter = Callable[..., int]

# format -> (module, reader, detector or None, exporter); detection tries them in this order and
# falls back to the last, redline's own lines.
FORMATS: dict[str, tuple[str, str | None, str | None, str]] = {
    "prodigy": ("prodigy", "read_prodigy", "looks_like_prodigy", "export_prodigy"),
    "doccano": ("doccano", "read_doccano", "looks_like_doccano", "export_doccano"),
    "brat": ("brat", None, None, "export_brat"),
    "redline": ("redline", "read_redline_record", None, "export_to"),
    "sqlite": ("sqlite", None, None, "export_sqlite"),
}
READ_FORMATS = tuple(name for name, (_, reader, _, _) in FORMATS.items() if reader)
# Formats of a `.txt` told apart by a file beside it: sibling suffix -> (module, file reader).
PAIRED_FORMATS: dict[str, tuple[str, str]] = {".ann": ("brat_import", "read_brat")}
EXPORT_FORMATS = ("redline", "prodigy", "doccano", "brat", "sqlite")


def _function(name: str, which: int) -> Any:
    module, *functions = FORMATS[name]
    attr = functions[which]
    assert attr is not None
    return getattr(importlib.import_module(f"{__package__}.{module}"), attr)


def reader(name: str) -> RecordReader:
    """The JSONL record reader of a format."""
    if name not in READ_FORMATS:
        raise RedlineError(f"unknown format {name!r}", hint=f"use one of {', '.join(READ_FORMATS)}")
    fn: RecordReader = _function(name, 0)
    return fn


def detect_format(obj: dict[str, Any]) -> str:
    """The name of the JSONL format an object looks like ('redline' by default)."""
    for name, (_, _, detect, _) in FORMATS.items():
        if detect is not None and _function(name, 1)(obj):
            return name
    return "redline"


def paired_reader(path: Path) -> Callable[[Path], list[ImportRecord]] | None:
    """The reader of a `.txt` that has a format's file beside it (brat's `.ann`), or None."""
    for suffix, (module, attr) in PAIRED_FORMATS.items():
        if path.with_suffix(suffix).is_file():
            fn: Callable[[Path], list[ImportRecord]] = getattr(
                importlib.import_module(f"{__package__}.{module}"), attr)
            return fn
    return None


def exporter(name: str) -> Exporter:
    """The export function for a format name."""
    if name not in EXPORT_FORMATS:
        raise RedlineError(f"unknown export format {name!r}",
                           hint=f"use one of {', '.join(EXPORT_FORMATS)}")
    fn: Exporter = _function(name, 2)
    return fn
