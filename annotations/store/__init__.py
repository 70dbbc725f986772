"""The SQLite store: documents, annotation frames, suggestion decisions, journal, analysis cache.

Layers, each building on the one before: `schema` (migrations), `db` (the connection:
opening, migrating, transactions, SQLite's errors in plain words), `journal` (the undo log's
encoding), `documents` (documents and their annotations as read), `edits` (journalled writes
with undo/redo) and `core` (`Store`: the analysis cache and the library rows).
"""

from .core import Store, suggestion_keys
from .db import BUSY_TIMEOUT_MS, SQLITE_MAGIC, Database

__all__ = ["BUSY_TIMEOUT_MS", "SQLITE_MAGIC", "Database", "Store", "suggestion_keys"]
