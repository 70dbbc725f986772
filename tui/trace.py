"""Benchmark timestamps: with REDLINE_BENCH_TRACE=FILE set, `mark` appends one line per event.

Each line is `EVENT WALL_TIME CPU_TIME SPACY SQLITE_UTILS [DETAIL]` (SPACY: 1 if spaCy is
imported in this process; SQLITE_UTILS: 1 if sqlite-utils or numpy is, which the dataset paths
use and a cached open must not pay for). Unset (the normal case), `mark` only tests a module
constant. benchmarks/ reads it.
"""

from __future__ import annotations

import os
import sys
import time

PATH = os.environ.get("REDLINE_BENCH_TRACE") or None


def mark(event: str, detail: str = "") -> None:
    """Record that `event` happened now (no-op unless REDLINE_BENCH_TRACE is set)."""
    if PATH is None:
        return
    spacy = int("spacy" in sys.modules)
    heavy = int("sqlite_utils" in sys.modules or "numpy" in sys.modules)
    with open(PATH, "a", encoding="utf-8") as f:
        f.write(f"{event} {time.time():.6f} {time.process_time():.6f} {spacy} {heavy} {detail}\n")
