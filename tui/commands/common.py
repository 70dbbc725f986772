"""Helpers the commands share: opening the store, seeding a new database."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from annotations.errors import NotFoundError
from annotations.store import Store

from ..settings import SEEDS_PACKAGE, Settings

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def seed_files() -> list[Traversable]:
    """The bundled articles (package data of SEEDS_PACKAGE), in name order."""
    from importlib import resources  # only to seed a new database: not on every open

    from annotations.importer import IMPORTABLE

    try:
        folder = resources.files(SEEDS_PACKAGE)
    except ModuleNotFoundError:
        # an editable install made before the seeds were a package: start empty (the library
        # says how to import) rather than fail; reinstalling brings the seed back
        return []
    return sorted((f for f in folder.iterdir() if f.is_file() and not f.name.startswith(".")
                   and PurePath(f.name).suffix.lower() in IMPORTABLE), key=lambda f: f.name)


def open_store(settings: Settings, *, seed: bool = False, existing: bool = False) -> Store:
    """Open (creating if need be) the database; with `seed`, fill an empty one from seeds/; with
    `existing`, refuse a database that is not there (a mistyped --db would otherwise export,
    list or count an empty database it has just created)."""
    if existing and not settings.db.exists():
        raise NotFoundError(f"{settings.db}: no such database",
                            hint="import documents first (redline import FILE), or check --db")
    store = Store(settings.db, annotator=settings.annotator)
    if seed and store.document_count() == 0:
        from importlib import resources

        from annotations.importer import read_file
        from annotations.ingest import store_records

        for entry in seed_files():
            with resources.as_file(entry) as path:  # a real file even from a zipped install
                store_records(store, read_file(path))
    return store
