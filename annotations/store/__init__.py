"""The SQLite store: documents, annotation frames, suggestion decisions, journal, analysis cache.

Layers, each building on the one before: `schema` (migrations), `failures` (SQLite's errors
in plain words), `db` (the connection: opening, read-only or not, migrating, transactions),
`journal` (the undo log's
encoding), `documents` (documents and their annotations as read), `edits` (journalled writes
with undo/redo), `trash` (deleted documents), `labels` (the database's label scheme) and `core`
(`Store`: the analysis cache and the library rows).
"""

from .core import Store, suggestion_keys
from .db import SQLITE_MAGIC, Database
from .failures import BUSY_TIMEOUT_MS

__all__ = ["BUSY_TIMEOUT_MS", "SQLITE_MAGIC", "Database", "Store", "suggestion_keys"]
