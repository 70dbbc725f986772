"""Imported once by the fork server of the analysis workers (parallel.py): it loads the
pipeline the workers will use, so each worker starts as a fork that has it already, instead of
importing spaCy and loading the model itself (seconds of CPU each)."""

from __future__ import annotations

import contextlib
import os

from annotations.errors import RedlineError

from .pipeline import load_pipeline

MODEL_ENV = "REDLINE_WORKER_MODEL"
"""The model the workers use ("" for the default), as the process that starts the server set it."""

if MODEL_ENV in os.environ:
    # not loadable here: each worker then tries itself, and its error reaches the user as one
    # line through the process that asked (a fork server that failed would not say why)
    with contextlib.suppress(RedlineError):
        load_pipeline(os.environ[MODEL_ENV] or None)
