"""Opening the terminal app on a database: the library, or one document. Free of click, so the
quick launch path (tui/launch.py) starts the app without importing it."""

from __future__ import annotations

from ..settings import Settings


def run_app(settings: Settings, doc: str | None, *, first_unfinished: bool = False) -> None:
    """Open the library (or one document) in the terminal app; a new database gets the seeds."""
    import gc

    # no collections while the app starts: it allocates lots and frees little (the store's
    # modules, imported here rather than when the command is looked up, included); the app
    # turns the collector back on once the first screen is shown (RedlineApp.settle_memory)
    gc.disable()
    try:
        _run_app(settings, doc, first_unfinished=first_unfinished)
    finally:
        gc.enable()


def _run_app(settings: Settings, doc: str | None, *, first_unfinished: bool) -> None:
    from .common import open_store

    store = open_store(settings, seed=True)
    doc_id = store.find_document(doc).id if doc else None
    if doc_id is None and first_unfinished:
        doc_id = next((r["id"] for r in store.library() if r["status"] != "done"), None)
    analysis = None
    if doc_id is not None and not store.has_analysis(doc_id):
        from ..workers import AnalysisService

        # started now, before the app is even imported: the document needs analysing, so
        # spaCy loads on the other core while this one starts the app and draws the text.
        # A document with an analysis stored (nearly always) starts none: a process starting
        # beside the app slowed its first frame, and the app starts one if its own look-up
        # misses (another model's or rule version's analysis)
        analysis = AnalysisService(str(settings.db), settings.model, first=doc_id)
    try:
        from ..app import make_app
    except ImportError:
        if analysis is not None:
            analysis.close()
        # the terminal app is not built yet: show the library as a table
        from rich.console import Console

        from .tables import library_table

        Console().print(library_table(store.library()))
        return
    store.close()
    try:
        make_app(settings, doc_id=doc_id, analysis=analysis).run()
    finally:
        if analysis is not None:
            analysis.close()
