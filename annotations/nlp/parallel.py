"""Analysis in worker processes: documents go out in chunks, records come back in input order.

Workers only analyse; whoever iterates the records (the one writer of a database, or stdout)
stays in the calling process. Each worker loads the pipeline once (`load_pipeline` is cached
per process) and runs the same `analyze_texts` as one process does, so a record is the same
whichever process made it, and a document whose rules fail still gets its {"id", "error"}
record from inside the worker.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from annotations.errors import RedlineError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from .pipeline import Pipeline

Item = tuple[str, str]
Record = dict[str, Any]

CHUNK_CHARS = 200_000
"""Characters of input in one chunk (a worker's task), beside `batch_size` documents: a worker
holds one chunk, and the calling process at most AHEAD chunks per worker."""
AHEAD = 2
"""Chunks per worker in flight: one being analysed, one waiting, so no worker idles while the
calling process writes records."""


def default_processes() -> int:
    """The number of cores this process may use (the default of --processes)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunks(items: Iterable[Item], size: int, chars: int = CHUNK_CHARS) -> Iterator[list[Item]]:
    """Consecutive lists of at most `size` items and about `chars` characters (at least one)."""
    chunk: list[Item] = []
    held = 0
    for item in items:
        if chunk and (len(chunk) >= size or held + len(item[1]) > chars):
            yield chunk
            chunk, held = [], 0
        chunk.append(item)
        held += len(item[1])
    if chunk:
        yield chunk


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the calling process stops the work, and a worker
    # interrupted while waiting for a task would print a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def analyze_chunk(model: str | None, items: list[Item], batch_size: int
                  ) -> tuple[str | None, list[Record]]:
    """(the pipeline's warning, the records) for one chunk, in the process this runs in."""
    from .analyze import analyze_texts
    from .pipeline import load_pipeline

    pipeline = load_pipeline(model)
    return pipeline.warning, list(analyze_texts(pipeline, items, batch_size=batch_size))


def lost_records(model: str | None, items: list[Item], error: BaseException) -> list[Record]:
    """Records for documents whose analysis process died: each says so, and the others go on."""
    import hashlib

    from .pipeline import model_id_for

    said = str(error).strip().splitlines()
    why = f"{type(error).__name__}: {said[0][:200]}" if said else type(error).__name__
    return [{"id": doc_id, "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
             "model": model_id_for(model), "error": f"the analysis process died ({why})"}
            for doc_id, text in items]


def analyze_parallel(model: str | None, items: Iterable[Item], *, processes: int,
                     batch_size: int = 16, warn: Callable[[str], None] | None = None,
                     context: str | None = None, pipeline: Pipeline | None = None
                     ) -> Iterator[Record]:
    """Records for (id, text) items, in input order, analysed by `processes` worker processes.

    Input too small for two chunks is analysed in this process (starting a worker costs a
    spaCy load, seconds). `warn` gets the pipeline's warning once. A chunk whose worker died
    is tried again one document at a time, so only the document that kills a worker gets an
    error record. `context` is the multiprocessing start method (default: a fork server that
    has loaded the pipeline, else "spawn"). `pipeline`, if given, is the one this process uses
    (loaded already for the model).
    """
    source = chunks(items, batch_size)
    first = next(source, None)
    if first is None:
        return
    second = next(source, None)
    if processes <= 1 or second is None:
        rest = [first] + ([second] if second else [])
        yield from _in_process(model, (item for chunk in rest for item in chunk), source,
                               batch_size, warn, pipeline, processes)
        return
    yield from _pool(model, [first, second], source, processes=processes,
                     batch_size=batch_size, warn=warn, context=context)


def _in_process(model: str | None, head: Iterator[Item], source: Iterator[list[Item]],
                batch_size: int, warn: Callable[[str], None] | None,
                pipeline: Pipeline | None, processes: int = 1) -> Iterator[Record]:
    from .analyze import analyze_texts
    from .pipeline import load_pipeline

    if pipeline is None:
        pipeline = load_pipeline(model)
    elif warn:
        warn = None  # whoever loaded it has said its warning
    if pipeline.warning and warn:
        warn(pipeline.warning)

    # one long text here still gets every core: its pieces are parsed on `processes`
    pipeline = dataclasses.replace(pipeline, processes=processes)

    def all_items() -> Iterator[Item]:
        yield from head
        for chunk in source:
            yield from chunk

    yield from analyze_texts(pipeline, all_items(), batch_size=batch_size)


def _context(context: str | None, model: str | None) -> BaseContext:
    """The start method's context: by default a fork server that loads the pipeline once (its
    forks start with it loaded, and share its memory until they write), else "spawn" (workers
    import nothing they did not ask for), which every platform has."""
    import multiprocessing

    from .preload import MODEL_ENV

    if context is None and "forkserver" in multiprocessing.get_all_start_methods():
        # read by the server when it starts (once per process; a later model loads in the
        # workers themselves). Not "fork": this process runs threads (the progress bar), and
        # a fork copies the locks they hold
        os.environ[MODEL_ENV] = model or ""
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["annotations.nlp.preload"])
        return ctx
    return multiprocessing.get_context(context or "spawn")


def _pool(model: str | None, head: list[list[Item]], source: Iterator[list[Item]], *,
          processes: int, batch_size: int, warn: Callable[[str], None] | None,
          context: str | None) -> Iterator[Record]:
    ctx = _context(context, model)

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(processes, mp_context=ctx, initializer=_ignore_interrupts)

    pool = start()
    pending: deque[tuple[list[Item], Future[tuple[str | None, list[Record]]]]] = deque()
    warned = False
    todo: Iterator[list[Item]] = iter(head)

    def feed() -> None:
        while len(pending) < AHEAD * processes:
            chunk = next(todo, None) or next(source, None)
            if chunk is None:
                return
            pending.append((chunk, pool.submit(analyze_chunk, model, chunk, batch_size)))

    try:
        feed()
        while pending:
            chunk, future = pending.popleft()
            try:
                warning, records = future.result()
            except RedlineError:
                raise  # the model cannot be loaded: the same in every worker, the user's to fix
            except BrokenProcessPool:
                # a document killed its worker (memory, a crash in native code), and every
                # chunk in flight failed with it: try this chunk again one document at a time,
                # each alone in the pool, so the one that kills a worker is known for certain
                rest = [c for c, _ in pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = start()
                records, warning = [], None
                for item in chunk:
                    try:
                        warning, got = pool.submit(analyze_chunk, model, [item], batch_size).result()
                    except BrokenProcessPool as e:
                        got = lost_records(model, [item], e)
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = start()
                    records += got
                # the chunks that were in flight go again, before any new one
                todo = itertools.chain(rest, todo)
            if warning and warn and not warned:
                warned = True
                warn(warning)
            yield from records
            feed()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
