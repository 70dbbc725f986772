"""Places the system refuses to write: a read-only file, folder or file system, and a full disk.

Permission bits do not stop root, so as root a file or folder is made immutable
(`chattr +i`, which stops root too) and a file system is a tmpfs remounted read-only; as
anyone else, chmod does it. A small tmpfs stands in for a full disk.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

IS_ROOT = os.geteuid() == 0


def _run(*cmd: str) -> bool:
    return subprocess.run(cmd, capture_output=True).returncode == 0


@contextlib.contextmanager
def tmpfs(where: Path, size: str = "1m") -> Iterator[Path]:
    """A fresh tmpfs of `size` mounted at `where` (the test is skipped where mounting is not
    allowed: no root, or a container without the right)."""
    where.mkdir(parents=True, exist_ok=True)
    if not IS_ROOT or not _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)):
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield where
    finally:
        _run("umount", "-l", str(where))


@contextlib.contextmanager
def read_only(kind: str, db: Path, work: Path, *, with_wal: bool = False) -> Iterator[Path]:
    """A copy of the database `db` that cannot be written, because of `kind`: 'file' (the file
    itself), 'folder' (the folder holding it) or 'filesystem' (mounted read-only); its path.
    `with_wal` copies its -wal file too, as if another program were writing it."""
    folder = work / f"ro-{kind}"
    if kind == "filesystem":
        with tmpfs(folder, "64m"):
            shutil.copy(db, folder / db.name)
            assert _run("mount", "-o", "remount,ro", str(folder)), "cannot remount read-only"
            yield folder / db.name
        return
    folder.mkdir()
    copy = folder / db.name
    shutil.copy(db, copy)
    if with_wal:
        shutil.copy(db.with_name(f"{db.name}-wal"), folder / f"{db.name}-wal")
    target = copy if kind == "file" else folder
    if IS_ROOT:
        assert _run("chattr", "+i", str(target)), "chattr +i failed"
    else:
        target.chmod(0o444 if kind == "file" else 0o555)
    try:
        yield copy
    finally:
        if IS_ROOT:
            _run("chattr", "-i", str(target))
        else:
            target.chmod(0o644 if kind == "file" else 0o755)
