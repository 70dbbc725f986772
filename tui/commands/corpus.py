"""Corpus commands: import, export, list, stats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annotations.errors import RedlineError
from annotations.formats.registry import EXPORT_FORMATS

from ..settings import Settings
from ..wording import plural
from .common import open_store

if TYPE_CHECKING:
    from annotations.reuse import Reused


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", default=None, help="JSONL format [default: detected per line].")
@click.option("--no-analyze", is_flag=True, help="Store the documents without running spaCy.")
@click.option("--batch-size", default=16, show_default=True, help="Documents per nlp.pipe batch.")
@click.option("--labels", "labels_file", default=None, type=click.Path(path_type=Path),
              help="JSON label map for Prodigy/doccano input [default: redline's labels].")
@click.option("--replace", is_flag=True,
              help="Let a document id already stored replace its text (the old text is kept: "
                   "see `redline history`).")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symbolic links that lead out of a folder being imported.")
@click.option("--processes", type=click.IntRange(min=1), default=None,
              help="Processes that analyse [default: the number of cores].")
@click.option("--analyses", "analyses_files", multiple=True, type=click.Path(path_type=Path),
              help="`redline analyze` output to reuse for these texts instead of running spaCy "
                   "(repeatable).")
@click.pass_obj
def import_cmd(settings: Settings, paths: tuple[Path, ...], fmt: str | None, no_analyze: bool,
               batch_size: int, labels_file: Path | None, replace: bool,
               follow_symlinks: bool, processes: int | None,
               analyses_files: tuple[Path, ...]) -> None:
    """Import .txt/.md files, .jsonl files and folders (each file all or nothing)."""
    from rich.console import Console

    from annotations.formats import labels as label_maps
    from annotations.importer import iter_files, read_file
    from annotations.ingest import IngestResult, store_records

    err = Console(stderr=True)
    label_map = label_maps.activate(labels_file)
    store = open_store(settings)
    label_map.add_scheme(store.label_scheme())  # its span labels come back as span labels
    total, failures = IngestResult(), []
    skipped: list[tuple[Path, str]] = []
    files = list(iter_files(paths, follow_symlinks=follow_symlinks, skipped=skipped))
    if skipped:
        shown = ", ".join(f"{link} -> {target}" for link, target in skipped[:3])
        more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        err.print(f"redline: skipped {plural(len(skipped), 'symbolic link')} leading out of the "
                  f"folder: {shown}{more} (give --follow-symlinks to import them)",
                  highlight=False, markup=False, soft_wrap=True)
    from rich.progress import Progress

    from .progress import columns

    # transient: once done, the bar gives way to the one summary line (or the error lines)
    with Progress(*columns(), console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("reading", total=len(files), rate="")
        for path in files:
            try:
                result = store_records(store, read_file(path, fmt=fmt), replace=replace)
            except RedlineError as e:
                failures.append(e.one_line())
                # soft_wrap: the error stays one line, whatever the terminal width
                err.print(f"redline: error: {e.one_line()}", style="red", highlight=False,
                          markup=False, soft_wrap=True)
            else:
                total.update(result)
            progress.advance(task)
        reused = _reuse(store, analyses_files, failures, err, settings.model)
        failed: tuple[int, int] = (0, 0)
        if not no_analyze and (total.added or total.duplicates):
            # documents already there are analysed too when they have no analysis yet (an
            # earlier import stopped, or ran with --no-analyze); cached ones cost a look-up
            try:
                failed = _analyze(settings, store,
                                  list(dict.fromkeys(total.added + total.duplicates)),
                                  batch_size, progress, processes)
            except RedlineError as e:  # e.g. --model names no installed pipeline
                # the documents are stored already: say so, and how to analyse them later
                raise RedlineError(
                    f"{e.message} ({plural(len(total.added), 'document')} imported, not analysed)",
                    hint=(f"{e.hint}; then" if e.hint else "fix that, then")
                    + " run the same import again to analyse them") from None
    if failures and not total.added and not total.duplicates and len(failures) == len(files) \
            and not analyses_files:
        sys.exit(2)  # nothing imported: the error lines above are the whole story
    dup = f", {len(total.duplicates)} already there" if total.duplicates else ""
    extra = f", {total.merged_annotations} annotations merged" if total.merged_annotations else ""
    moved = (f", {total.reanchored} annotations re-anchored, {total.flagged} flagged for review"
             if total.reanchored or total.flagged else "")
    if total.replaced:
        moved += (f", {plural(len(total.replaced), 'text')} replaced (the old ones: redline "
                  "history ID)")
    click.echo(f"imported {plural(len(total.added), 'document')}{dup}{extra}{moved} into "
               f"{settings.db}", err=True)
    if analyses_files:
        from annotations.nlp.pipeline import model_id_for

        click.echo(f"reused {plural(reused.reused, 'analysis', 'analyses')} from "
                   f"{plural(len(analyses_files), 'file')}"
                   + (f"; {reused.other_rules} made by other rules were analysed again"
                      if reused.other_rules else "")
                   + (f"; {reused.other_model} made with another model than "
                      f"{model_id_for(settings.model)} were analysed again (give the import that "
                      "model's --model)" if reused.other_model else "")
                   + (f"; {reused.unmatched} matched no stored text" if reused.unmatched else ""),
                   err=True)
    if failed[0]:
        click.echo(f"redline: {failed[0]} of {plural(failed[1], 'document')} failed to analyse "
                   "(see above); they are stored with their entities, without suggestions, and "
                   "analysed again once redline's rules change", err=True)
    if label_map.unmapped:
        click.echo("redline: left out (no mapping; see --labels): "
                   + ", ".join(label_map.report()), err=True)
    if failures:
        click.echo(f"redline: {plural(len(failures), 'file')} not imported (see above); nothing "
                   "from them was stored", err=True)
        sys.exit(2)


def _reuse(store: object, paths: tuple[Path, ...], failures: list[str], err: object,
           model: str | None) -> Reused:
    """Cache the analyses in `paths` made with `model`'s pipeline for the stored texts they fit;
    a file that cannot be used is one error line (added to `failures`), and stores nothing."""
    from annotations.nlp.pipeline import model_id_for
    from annotations.reuse import Reused, store_analyses
    from annotations.store import Store

    assert isinstance(store, Store)
    total, model_id = Reused(), model_id_for(model)
    for path in paths:
        try:
            got = store_analyses(store, path, model_id)
        except RedlineError as e:
            failures.append(e.one_line())
            err.print(f"redline: error: {e.one_line()}", style="red",  # type: ignore[attr-defined]
                      highlight=False, markup=False, soft_wrap=True)
            continue
        total.reused += got.reused
        total.other_rules += got.other_rules
        total.unmatched += got.unmatched
        total.other_model += got.other_model
    return total


def _analyze(settings: Settings, store: object, doc_ids: list[str], batch_size: int,
             progress: object, processes: int | None = None) -> tuple[int, int]:
    """Analyse the documents that have no analysis yet (in `processes` processes), with a
    documents/s figure and an ETA; print one warning line per document whose analysis failed.
    Returns (failed, documents)."""
    import time
    from collections.abc import Iterable, Iterator
    from typing import Any

    from annotations.analysis import analyze_documents, cached
    from annotations.models import Document
    from annotations.nlp.parallel import analyze_parallel, default_processes
    from annotations.nlp.pipeline import load_pipeline, model_id_for
    from annotations.store import Store

    from .progress import rate_text

    assert isinstance(store, Store)
    titles: dict[str, str] = {}

    def docs() -> Iterator[Document]:
        for doc_id in doc_ids:
            doc = store.get_document(doc_id)
            titles[doc.id] = doc.title
            yield doc

    records: Iterable[dict[str, Any]]
    if all(cached(store, doc, settings.model) is not None for doc in docs()):
        # every text has its analysis (reused with --analyses, or from an earlier import):
        # spaCy is not even loaded
        model_id = model_id_for(settings.model)
        records = ({**(cached(store, doc, settings.model) or {}), "id": doc.id} for doc in docs())
        tick_cached = True
    else:
        pipeline = load_pipeline(settings.model)
        model_id = pipeline.model_id
        if pipeline.warning:
            click.echo(f"redline: {pipeline.warning}", err=True)

        def analyse(items: Iterator[tuple[str, str]]) -> Iterator[dict[str, Any]]:
            return analyze_parallel(settings.model, items,
                                    processes=processes or default_processes(),
                                    batch_size=batch_size, pipeline=pipeline)

        records = analyze_documents(store, docs(), pipeline, batch_size=batch_size,
                                    progress=lambda n: tick(n), analyse=analyse)
        tick_cached = False
    task = progress.add_task(f"analysing ({model_id})",  # type: ignore[attr-defined]
                             total=len(doc_ids), rate="")
    started, done = time.perf_counter(), 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        progress.update(task, advance=n, rate=rate_text(done, started))  # type: ignore[attr-defined]

    failed = 0
    for record in records:
        if tick_cached:
            tick(1)
        if "error" in record:  # a known failure (cached) is reported again: it still holds
            failed += 1
            title = f" ({titles[record['id']]!r})" if titles.get(record["id"]) else ""
            progress.console.print(  # type: ignore[attr-defined]
                f"redline: warning: document {record['id']}{title} failed to analyse "
                f"({record['error']})", markup=False, highlight=False, soft_wrap=True)
    return failed, len(doc_ids)


@click.command("export")
@click.argument("out", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "fmt", default="redline", show_default=True,
              type=click.Choice(EXPORT_FORMATS))
@click.option("--status", multiple=True, type=click.Choice(["new", "in progress", "done"]),
              help="Only documents with this status (repeatable).")
@click.option("--annotator", "annotators", multiple=True, help="Only this annotator's work (repeatable).")
@click.option("--doc", "docs", multiple=True,
              help="Only this document: id, id prefix or title, as elsewhere (repeatable).")
@click.pass_obj
def export_cmd(settings: Settings, out: Path, fmt: str, status: tuple[str, ...],
               annotators: tuple[str, ...], docs: tuple[str, ...]) -> None:
    """Export the corpus to OUT: JSONL (- for stdout), a brat folder, or a SQLite dataset."""
    from annotations.formats.registry import exporter

    store = open_store(settings, existing=True)
    # a mistyped --doc exported nothing and said "exported 0 documents", exit 0
    ids = tuple(dict.fromkeys(store.find_document(query).id for query in docs))
    write = exporter(fmt)
    n = write(store, str(out), status=status, annotators=annotators, ids=ids)
    if str(out) != "-":
        click.echo(f"exported {plural(n, 'document')} to {out} ({fmt})", err=True)


@click.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default=None,
              help="table, tsv (full ids, one line per document) or json [default: table on a "
                   "terminal, tsv when piped].")
@click.option("--deleted", is_flag=True, help="List the trash instead (see redline restore).")
@click.pass_obj
def list_cmd(settings: Settings, fmt: str | None, deleted: bool) -> None:
    """Documents with their progress."""
    store = open_store(settings, existing=True)
    fmt = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if deleted:
        from .trash import print_trash

        print_trash(store.trash(), fmt)
        return
    rows = store.library()
    if fmt == "json":
        from annotations.formats.redline import dumps
        from annotations.safe_text import json_safe

        for r in rows:
            click.echo(json_safe(dumps(r)))
    elif fmt == "tsv":
        from .tables import LIBRARY_COLUMNS, library_cells

        click.echo("\t".join(name for name, _ in LIBRARY_COLUMNS))
        for r in rows:
            # a tab or newline in a title would break the columns
            click.echo("\t".join(" ".join(c.split()) for c in library_cells(r, none="")))
    else:
        from rich.console import Console

        from .tables import library_table

        Console().print(library_table(rows))


@click.command("stats")
@click.pass_obj
def stats_cmd(settings: Settings) -> None:
    """Counts of annotations by kind, label and annotator."""
    from rich.console import Console

    from annotations.stats import corpus_stats

    from .tables import stats_tables

    store = open_store(settings, existing=True)
    console = Console()
    for table in stats_tables(corpus_stats(store)):
        console.print(table)


COMMANDS = [import_cmd, export_cmd, list_cmd, stats_cmd]
