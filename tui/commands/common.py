"""Helpers the commands share: opening the store, seeding a new database."""

from __future__ import annotations

from annotations.errors import NotFoundError
from annotations.store import Store

from ..settings import SEEDS, Settings


def open_store(settings: Settings, *, seed: bool = False, existing: bool = False) -> Store:
    """Open (creating if need be) the database; with `seed`, fill an empty one from seeds/; with
    `existing`, refuse a database that is not there (a mistyped --db would otherwise export,
    list or count an empty database it has just created)."""
    if existing and not settings.db.exists():
        raise NotFoundError(f"{settings.db}: no such database",
                            hint="import documents first (redline import FILE), or check --db")
    store = Store(settings.db, annotator=settings.annotator)
    if seed and store.document_count() == 0 and SEEDS.is_dir():
        from annotations.importer import iter_files, read_file
        from annotations.ingest import store_records

        for path in iter_files([SEEDS]):
            store_records(store, read_file(path))
    return store
