"""Writing an export: a file is written to a temporary name beside it and renamed when
complete, so an interrupted export never leaves half a file under the real name.

Temporary names carry the writer's process id (`.NAME.<pid>.<random>.tmp`): an export killed
before it could clean up leaves one behind, and the next export to that place removes those
whose process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import RedlineError
from ..safe_text import json_safe


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


def temp_prefix(path: Path) -> str:
    """The start of this process's temporary names for an export to `path`."""
    return f".{path.name}.{os.getpid()}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive, and not ours to judge
    except (OverflowError, ValueError):
        return False
    return True


def remove_stale(path: Path) -> list[str]:
    """Remove the temporary files and folders that killed exports to `path` left beside it
    (those whose writer's process is gone); the names removed."""
    stale = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[A-Za-z0-9_]+\.(tmp|old)")
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            m = stale.fullmatch(entry.name)
            if m is None or _alive(int(m.group(1))):
                continue
            if m.group(2) == "old" and not path.exists():
                continue  # killed between the two renames: the previous export is all there is
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def write_error(where: str | Path, e: OSError) -> RedlineError:
    """An export that the system refused to write (full disk, read-only place) as one line."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        hint = "free some space and export again"
    elif e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "export to a place you can write to"
    else:
        hint = "check the disk and export again"
    return RedlineError(f"{where}: cannot be written ({e.strerror or e}); nothing was exported "
                        "there", hint=hint)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the text still buffered is not flushed, and refused,
    again at exit (Python would print that as an 'Exception ignored' trace)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def open_output(out: str) -> Iterator[IO[str]]:
    """A text stream for `out`: stdout for '-', else a temp file renamed into place on success."""
    if out == "-":
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader stopped early (`| head`): not an error
        except OSError as e:
            _silence_stdout()
            raise write_error("stdout", e) from None
        return
    with staged_file(Path(out)) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as f:
        yield f
        f.flush()
        os.fsync(f.fileno())


@contextlib.contextmanager
def staged_file(path: Path) -> Iterator[str]:
    """A temp file's name beside `path` (carrying this process's pid, so the litter of a killed
    export is known as such and removed by the next one), moved into place with the final
    permissions when the block ends well and removed when it does not; an OSError becomes one
    line naming `path`."""
    if path.is_dir():
        raise RedlineError(f"{path}: is a folder", hint="give a file name to export to")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(path)
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as e:
        raise write_error(path, e) from None
    try:
        yield tmp
        os.chmod(tmp, final_mode(path))
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise write_error(path, e) from None
        raise


def write_lines(out: str, lines: Iterable[str]) -> int:
    """Write JSONL lines to `out`; the number of lines written."""
    n = 0
    if out == "-" and sys.stdout.isatty():
        # JSON escapes C0 controls but not C1 ones: on a terminal, write those as \u escapes
        # too (the same JSON), so stored text cannot drive it; files and pipes get the bytes
        lines = map(json_safe, lines)
    with open_output(out) as f:
        for line in lines:
            f.write(line)
            n += 1
    return n
