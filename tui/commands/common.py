"""Helpers the commands share: opening the store, seeding a new database."""

from __future__ import annotations

from annotations.store import Store

from ..settings import SEEDS, Settings


def open_store(settings: Settings, *, seed: bool = False) -> Store:
    """Open (creating if need be) the database; with `seed`, fill an empty one from seeds/."""
    store = Store(settings.db, annotator=settings.annotator)
    if seed and store.document_count() == 0 and SEEDS.is_dir():
        from annotations.importer import iter_files, read_file
        from annotations.ingest import store_records

        for path in iter_files([SEEDS]):
            store_records(store, read_file(path))
    return store
