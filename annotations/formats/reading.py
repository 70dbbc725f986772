"""Reading a file's bytes and text for import: bounded, checked, every problem one InputError."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, RedlineError

MAX_TEXT_CHARS = 20_000_000  # 20 M characters: far beyond any article, short of exhausting memory
MAX_FILE_BYTES = 200_000_000


def decode(path: Path, data: bytes) -> str:
    """The file's bytes as text: UTF-8 (a BOM allowed) with no NUL byte, else one InputError."""
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


def read_bytes(path: Path) -> bytes:
    """The whole file, refused when it is over MAX_FILE_BYTES or cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(str(path),
                             f"is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 10**6} MB limit",
                             hint="split it into smaller files")
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot be read ({e.strerror})", hint="check its permissions") from None


def check_size(where: str | None, text: str) -> None:
    """Refuse a text over MAX_TEXT_CHARS (an InputError for a file, a RedlineError for a line)."""
    if len(text) > MAX_TEXT_CHARS:
        message = f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,} limit"
        if where is None:
            # a JSONL record: read_jsonl_file adds the file and line itself
            raise RedlineError(message, hint="split the document")
        raise InputError(where, message, hint="split the document")
