"""Named exceptions: every user mistake becomes one of these, never a traceback."""

from __future__ import annotations

from .safe_text import one_line_safe


class RedlineError(Exception):
    """Base class for errors redline reports to the user as one line."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        if hint:
            self.hint = hint

    def one_line(self) -> str:
        """The message and, where known, what to do about it, on one line and safe to print
        (a file name or title can hold terminal escapes and line breaks)."""
        return one_line_safe(f"{self.message}; {self.hint}" if self.hint else self.message)


class InputError(RedlineError):
    """A file given to redline cannot be read as what it claims to be."""

    def __init__(self, path: str, message: str, *, line: int | None = None, hint: str = "") -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}", hint=hint)
        self.path = str(path)
        self.line = line


class SpanMismatchError(RedlineError):
    """A span's stored text differs from the document text at its offsets."""


class SchemaError(RedlineError):
    """An annotation does not follow the annotation scheme (kind, roles, attributes)."""


class DatabaseError(RedlineError):
    """The database file cannot be used: not SQLite, another program's, or too new."""


class NotFoundError(RedlineError):
    """A document or annotation that was asked for does not exist."""
