"""How every command ends on a user mistake: one line on stderr and exit code 2, never a
traceback; and quietly when its reader has gone (`redline list | head`)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from annotations.errors import RedlineError


@contextlib.contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn a RedlineError into `redline: error: ...` and exit 2; a closed pipe into exit 0."""
    try:
        yield
    except RedlineError as e:
        print(f"redline: error: {e.one_line()}", file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
