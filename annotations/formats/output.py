"""Writing an export: a file is written to a temporary name beside it and renamed when
complete, so an interrupted export never leaves half a file under the real name."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import RedlineError


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def final_mode(path: Path, *, folder: bool = False) -> int:
    """The permissions an export at `path` should end with: the file's it replaces, else what
    creating it normally gives (temp files are private to their owner, which would leave a
    dataset teammates cannot read)."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o7777
    return (0o777 if folder else 0o666) & ~_umask()


@contextlib.contextmanager
def open_output(out: str) -> Iterator[IO[str]]:
    """A text stream for `out`: stdout for '-', else a temp file renamed into place on success."""
    if out == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    if path.is_dir():
        raise RedlineError(f"{path}: is a folder", hint="give a file name to export to")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, final_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_lines(out: str, lines: Iterable[str]) -> int:
    """Write JSONL lines to `out`; the number of lines written."""
    n = 0
    with open_output(out) as f:
        for line in lines:
            f.write(line)
            n += 1
    return n
