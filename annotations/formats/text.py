"""Plain-text articles: `.txt` and `.md` files, one document each."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..models import normalise_newlines
from .reading import check_size, decode, read_bytes
from .registry import ImportRecord

TITLE_MAX = 120


def read_text_file(path: Path, data: bytes | None = None) -> list[ImportRecord]:
    """A `.txt`/`.md` article: a first line that is a `# heading`, or short and followed by a
    blank line, is the title (and not part of the text); otherwise the file name is."""
    text = normalise_newlines(decode(path, read_bytes(path) if data is None else data))
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
    check_size(str(path), text)
    return [ImportRecord(text=text, source=str(path), title=title or path.stem.replace("_", " "))]
