"""Imported once by the fork server of the analysis workers (parallel.py): it loads the
pipeline the workers will use, and runs it once, so each worker starts as a fork that has it
loaded and warm, instead of importing spaCy and loading the model itself (seconds of CPU each)
and paying its first document's one-time costs again."""

from __future__ import annotations

import contextlib
import gc
import os

from annotations.errors import RedlineError

from .pipeline import load_pipeline

MODEL_ENV = "REDLINE_WORKER_MODEL"
"""The model the workers use ("" for the default), as the process that starts the server set it."""

WARM_UP = ("“We will build it,” Ann Lee said on Monday. Mr. Smith told reporters that prices "
           "rose, and the minister, who declined to comment, left.")
"""A short article for the whole analysis to run once in the server (see warm_up)."""


def warm_up(model: str | None) -> None:
    """Load the pipeline and analyse WARM_UP with it, in this process.

    A process's first analysis costs about 0.1 s of CPU more than later ones (thinc's first
    calls through each layer, the rules' name tables read on first use). Paid here, it is paid
    once, as one process pays it, instead of once in every worker forked from here.
    """
    from .analyze import analyze_texts

    pipeline = load_pipeline(model)
    # a failure here is met again by the worker that analyses a text the same way, and that
    # worker reports it; the server itself must start whatever happens
    with contextlib.suppress(Exception):
        list(analyze_texts(pipeline, [("warm-up", WARM_UP)]))


if MODEL_ENV in os.environ:
    # not loadable here: each worker then tries itself, and its error reaches the user as one
    # line through the process that asked (a fork server that failed would not say why)
    with contextlib.suppress(RedlineError):
        warm_up(os.environ[MODEL_ENV] or None)
    # the workers are forks of this process, sharing its pages until one writes to them. The
    # objects made so far (the pipeline's) live as long as any worker: frozen, no collection in
    # a worker walks them, which would write to each one's header and copy its page (memory
    # per worker, and CPU) for objects that are never garbage
    gc.collect()
    gc.freeze()
