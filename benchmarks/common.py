"""Shared helpers for the benchmark scripts: the machine, medians, percentiles, JSON output."""

from __future__ import annotations

import json
import os
import platform
import statistics
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bdcbbe95f443673e.txt"


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}, {platform.system()}"


def cpu_steadiness(rounds: int = 9) -> dict[str, float]:
    """CPU ms of one fixed pure-Python loop, `rounds` times: min, median and max.

    On a shared virtual machine the same work takes up to twice as long from one second to the
    next (another tenant's load shows as a slower CPU, not as load average); the spread says how
    far to trust the other figures of the run."""
    import time

    times = []
    for _ in range(rounds):
        start, total = time.process_time(), 0
        for i in range(400_000):
            total += i * i
        times.append((time.process_time() - start) * 1000)
        time.sleep(0.05)
    return {"min_ms": round(min(times), 1), "median_ms": round(median(times), 1),
            "max_ms": round(max(times), 1)}


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by nearest rank."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    """The median, NaN for no values."""
    return statistics.median(values) if values else float("nan")


def write_result(name: str, data: dict[str, Any]) -> Path:
    """Write one script's figures as JSON under benchmarks/results/."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **data}, indent=2) + "\n", encoding="utf-8")
    return path


def seed_text() -> str:
    """The seed article's body (title line dropped)."""
    return SEED.read_text(encoding="utf-8").split("\n", 2)[2]
