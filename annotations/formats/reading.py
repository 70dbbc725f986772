"""Reading a file's bytes and text for import: bounded, checked, every problem one InputError."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, RedlineError

MAX_TEXT_CHARS = 20_000_000  # 20 M characters: far beyond any article, short of exhausting memory
MAX_FILE_BYTES = 200_000_000

# byte-order marks of the encodings an editor may save "Unicode" text in (UTF-32 first: its
# little-endian mark begins with UTF-16's)
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
              (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def decode(path: Path, data: bytes) -> str:
    """The file's bytes as text: UTF-8 (a BOM allowed) with no NUL byte, else one InputError."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            # refused, not decoded: every reader and offset in redline counts UTF-8-read text,
            # and one conversion the user can see beats a guess made here
            raise InputError(str(path), f"is {name} text (it starts with a {name} byte-order mark),"
                             " not UTF-8",
                             hint=f"convert it: iconv -f {name} -t UTF-8 '{path}' > converted"
                                  f"{path.suffix}, then import that")
    # the whole file, not just its head: a NUL deep inside would otherwise be stored in the text
    nul = data.find(b"\x00")
    if nul >= 0:
        # ASCII saved as UTF-16 with no mark: every other byte NUL, the others not
        head = data[:400]
        for name, zeros, chars in (("UTF-16LE", head[1::2], head[0::2]),
                                   ("UTF-16BE", head[0::2], head[1::2])):
            if len(head) >= 4 and not any(zeros) and all(chars):
                raise InputError(str(path), f"looks like {name} text (with no byte-order mark), "
                                 "not UTF-8",
                                 hint=f"convert it: iconv -f {name} -t UTF-8 '{path}' > "
                                      f"converted{path.suffix}, then import that")
        raise InputError(str(path), f"is a binary file (it holds a NUL byte at offset {nul})",
                         hint="import .txt, .md or .jsonl text files saved as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(str(path), f"is not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})",
                         line=line, hint="save the file as UTF-8 and import it again") from None


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in the words of an error message."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a folder" if stat.S_ISDIR(mode) else "not a regular file"


def check_regular_file(path: Path) -> None:
    """Refuse (one InputError) anything but a regular file: whatever reads it next, a named pipe
    would block it forever and /dev/zero never end."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise InputError(str(path), f"cannot be read ({e.strerror})", hint="check its permissions") from None
    _check_regular(path, st, sized=False)


def _check_regular(path: Path, st: os.stat_result, *, sized: bool = True) -> None:
    """Refuse anything but a regular file (of at most MAX_FILE_BYTES when `sized`)."""
    if not stat.S_ISREG(st.st_mode):
        # every reader comes here (import, analyze, eval, labels set, --analyses): a hint for all
        raise InputError(str(path), f"is {_kind(st.st_mode)}, not a regular file",
                         hint="name the files in it" if stat.S_ISDIR(st.st_mode)
                         else "save what it gives to a regular file and name that")
    if sized and st.st_size > MAX_FILE_BYTES:
        raise InputError(str(path),
                         f"is {st.st_size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 10**6} MB limit",
                         hint="split it into smaller files")


def read_bytes(path: Path) -> bytes:
    """The whole of a regular file, refused when it is anything else, over MAX_FILE_BYTES or
    unreadable; never blocks on a pipe and never reads more than MAX_FILE_BYTES + 1 bytes."""
    try:
        _check_regular(path, os.stat(path))
        # O_NONBLOCK: should the path have become a pipe since the stat, opening it must not
        # wait for a writer; the fstat below then refuses it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            _check_regular(path, os.fstat(fd))
            chunks, left = [], MAX_FILE_BYTES + 1
            while left > 0:
                chunk = os.read(fd, min(left, 1 << 24))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(fd)
    except OSError as e:
        raise InputError(str(path), f"cannot be read ({e.strerror})", hint="check its permissions") from None
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise InputError(str(path), f"is over the {MAX_FILE_BYTES // 10**6} MB limit",
                         hint="split it into smaller files")
    return data


def check_size(where: str | None, text: str) -> None:
    """Refuse a text over MAX_TEXT_CHARS (an InputError for a file, a RedlineError for a line)."""
    if len(text) > MAX_TEXT_CHARS:
        message = f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,} limit"
        if where is None:
            # a JSONL record: read_jsonl_file adds the file and line itself
            raise RedlineError(message, hint="split the document")
        raise InputError(where, message, hint="split the document")


MAX_DEPTH = 100
"""How deeply a JSON line may nest: redline's own lines nest five levels; Python's reader
overflows its stack near 1,000."""


def _constant(name: str) -> object:
    """Python reads NaN and Infinity, but they are not JSON: stored, they would make the export
    unreadable to every other tool."""
    raise ValueError(f"{name} is not a JSON value")


def _printable(value: str) -> str:
    """A string with any lone surrogate written as its escape (printing it would raise)."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _has_lone_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_CONTAINERS = {dict, list}


def _deeper_than(obj: object, limit: int) -> bool:
    """Whether a parsed value nests more than `limit` levels, looked at one level at a time
    (scanning the line's text with a regex instead took longer than parsing it)."""
    level: list[Any] = [obj] if type(obj) in _CONTAINERS else []
    for _ in range(limit):
        inner: list[Any] = []
        for c in level:
            inner += [v for v in (c.values() if type(c) is dict else c) if type(v) in _CONTAINERS]
        if not inner:
            return False
        level = inner
    return True


def _refusal(line: str, obj: object) -> str | None:
    """Why a parsed line is refused whatever its format (too deep, a lone surrogate), or None."""
    if line.count("[") + line.count("{") > MAX_DEPTH and _deeper_than(obj, MAX_DEPTH):
        return f"nests deeper than {MAX_DEPTH} levels"
    # a UTF-8 file cannot hold a surrogate: only a \ud800-style escape can put one in a string
    if "\\ud" not in line and "\\uD" not in line:
        return None  # the common case costs two counts and two finds
    stack: list[tuple[object, str]] = [(obj, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                name = f"{where}.{_printable(key)}" if where else _printable(key)
                if _has_lone_surrogate(key):
                    return f'the key "{name}" holds a lone surrogate, which is not a character'
                stack.append((item, name))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(value))
        elif isinstance(value, str) and _has_lone_surrogate(value):
            return (f'"{where}" holds a lone surrogate ({_printable(value)[:40]}), which is not a '
                    "character")
    return None


def load_json_line(line: str) -> object:
    """One JSON line, parsed and checked; a RedlineError (no file or line: the caller adds them)
    for bad JSON, NaN, nesting deeper than MAX_DEPTH or a lone surrogate anywhere in it."""
    try:
        obj = json.loads(line, parse_constant=_constant)
    except json.JSONDecodeError as e:
        raise RedlineError(f"is not valid JSON ({e.msg}, column {e.colno})",
                           hint="fix or remove that line") from None
    except ValueError as e:
        raise RedlineError(f"is not valid JSON ({e})", hint="fix or remove that line") from None
    except RecursionError:
        obj = None
        why: str | None = f"nests deeper than {MAX_DEPTH} levels"
    else:
        why = _refusal(line, obj)
    if why is not None:
        hint = ("no article needs that: fix or remove that line" if "nests" in why else
                "it is half of a character cut in two (an emoji?): fix or remove that line")
        raise RedlineError(why, hint=hint)
    return obj


def json_objects(where: str, text: str, *, shape: str = '{"text": "…"}'
                 ) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for every non-blank line of a JSONL text; a bad line (not JSON, too
    deep, a lone surrogate, not an object) is one InputError naming `where` and the line."""
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = load_json_line(line)
        except RedlineError as e:
            raise InputError(where, e.message, line=n, hint=e.hint or "fix or remove that line"
                             ) from None
        if not isinstance(obj, dict):
            raise InputError(where, f"is a JSON {type(obj).__name__}, not an object", line=n,
                             hint=f"give each line an object like {shape}")
        yield n, obj
