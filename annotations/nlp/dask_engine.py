"""`redline analyze --engine dask`: the same analysis on a Dask cluster, the input partitioned
with dask.bag (extra `redline[dask]`).

Each partition is one chunk of documents (parallel.chunks), analysed on a worker by
parallel.analyze_chunk: the pipeline is loaded once per worker process and the records are
those one process makes. The input goes out a window of partitions at a time (two windows in
flight), so neither this process nor the cluster holds the whole input, and records come back
in input order.
"""

from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from annotations.errors import RedlineError

from .parallel import Item, Record, analyze_chunk, chunks, lost_records

PARTITIONS_PER_WORKER = 4
"""Partitions per worker in one window: enough that no worker waits while another finishes."""
CONNECT_TIMEOUT = "15s"
INSTALL_HINT = 'pip install "redline[dask]"'


def _modules() -> tuple[Any, Any, Any]:
    """dask.bag, distributed.Client and distributed.LocalCluster, or one line on what to install."""
    try:
        import dask.bag
        from distributed import Client, LocalCluster
    except ImportError:
        raise RedlineError("--engine dask needs Dask, which is not installed",
                           hint=INSTALL_HINT) from None
    return dask.bag, Client, LocalCluster


def analyze_partition(items: list[Item], model: str | None, batch_size: int
                      ) -> tuple[str | None, list[Record]]:
    """One partition's (warning, records), on a worker: bag.map passes the element first."""
    return analyze_chunk(model, items, batch_size)


def _client(scheduler: str | None, processes: int) -> tuple[Any, Any]:
    """(client, local cluster or None): the scheduler at `scheduler`, else a cluster of
    `processes` worker processes on this machine, reachable from it only."""
    _, client_cls, cluster_cls = _modules()
    if scheduler is None:
        cluster = cluster_cls(n_workers=processes, threads_per_worker=1, processes=True,
                              host="127.0.0.1", dashboard_address=None,
                              silence_logs=logging.CRITICAL)  # failures are reported here
        return client_cls(cluster), cluster
    try:
        return client_cls(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, ValueError, TypeError) as e:  # refused, timed out, or not an address
        raise RedlineError(f"cannot reach the Dask scheduler at {scheduler} ({e})",
                           hint="check the address (tcp://HOST:8786) and that `dask scheduler` "
                                "runs there") from None


def analyze_dask(model: str | None, items: Iterable[Item], *, scheduler: str | None = None,
                 processes: int = 2, batch_size: int = 16,
                 warn: Callable[[str], None] | None = None) -> Iterator[Record]:
    """Records for (id, text) items, in input order, analysed on a Dask cluster (the one at
    `scheduler`, else a local one of `processes` workers)."""
    bag_mod, _, _ = _modules()
    client, cluster = _client(scheduler, processes)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        source = chunks(items, batch_size)
        in_flight: deque[Any] = deque()
        warned = False

        def submit() -> bool:
            window = list(itertools.islice(source, workers * PARTITIONS_PER_WORKER))
            if not window:
                return False
            bag = bag_mod.from_sequence(window, npartitions=len(window))
            in_flight.append((window, client.compute(bag.map(analyze_partition, model,
                                                             batch_size))))
            return True

        if submit():
            submit()  # a second window is ready while the first is collected
        while in_flight:
            window, future = in_flight.popleft()
            results = _result(client, future, window, model, batch_size)
            submit()
            for warning, records in results:
                if warning and warn and not warned:
                    warned = True
                    warn(warning)
                yield from records
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _result(client: Any, future: Any, window: list[list[Item]], model: str | None,
            batch_size: int) -> list[tuple[str | None, list[Record]]]:
    """A window's results; a worker that cannot run redline's analysis is the user's to fix.

    When a document kills the workers that try it (the scheduler gave up: KilledWorker), the
    window is analysed again one document at a time, each alone on the cluster, so only that
    document gets an error record."""
    from distributed import KilledWorker

    try:
        return list(future.result())
    except KilledWorker:
        results: list[tuple[str | None, list[Record]]] = []
        for item in (item for chunk in window for item in chunk):
            try:
                results.append(client.submit(analyze_partition, [item], model, batch_size,
                                             pure=False).result())
            except KilledWorker as e:
                results.append((None, lost_records(model, [item], e)))
        return results
    except RedlineError:
        raise  # e.g. the model is not installed on the workers
    except (ImportError, AttributeError) as e:  # the workers run another redline, or none
        raise RedlineError(f"a Dask worker cannot run redline's analysis ({type(e).__name__}: {e})",
                           hint="install the same redline (and model) on every worker") from None
