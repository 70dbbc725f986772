"""Whole archives: `redline analyze --processes 2` against `--processes 1`, in documents/s.

Each side is the real command in its own process on the same generated news-like articles
(the seed's paragraphs shuffled, ~4 kB each), its records read as they arrive: "steady" is the
rate from the first record to the last (what an archive of any size sees), "end to end" adds
the start (importing spaCy and loading the model). The two sides alternate, run by run, so a
change in the machine's load hits both alike. CPU seconds are those of the command and every
process below it (read from /proc as the records arrive, until the last one). With --n-process, spaCy's own `nlp.pipe(...,
n_process=2)` (rules in the calling process) is timed on the same texts for comparison.

"Together" is the machine's share of the CPU ratio, measured beside it: two `--processes 1`
commands over the same archive at the same time, each one's CPU against one run alone. On a
shared virtual machine a core may do less per CPU second while the other core is busy too
(cache, memory, the host's other tenants; no pool involved), and two workers keep both busy:
on this 2-vCPU VM that was 8-10% in one hour and nothing in another, and a single run's CPU
moves by as much, so read the CPU ratio beside it and over several runs.

Run: python benchmarks/archive_bench.py [--docs N] [--runs N] [--quick] [--n-process]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import median, write_result
from benchmarks.import_bench import corpus

REDLINE = str(Path(sys.executable).with_name("redline"))


TICK = os.sysconf("SC_CLK_TCK")


def _peak_mib(pid: int) -> float:
    """A process's peak resident memory so far (VmHWM), 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree_cpu(root: int, seen: dict[int, float], peaks: dict[int, float]) -> None:
    """Record the CPU seconds so far of root and every process below it (Linux /proc): the
    workers fork from a server that is not the command's to reap, so its rusage misses them."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        if pid == root or pid in seen:
            seen[pid] = (int(fields[11]) + int(fields[12])) / TICK
            peaks[pid] = max(peaks.get(pid, 0.0), _peak_mib(pid))
    found = True
    while found:  # the processes below those seen: children first seen in this sample
        found = False
        for pid, ppid in parents.items():
            if ppid in seen and pid not in seen:
                seen[pid] = 0.0
                found = True


def analyze_run(src: Path, processes: int) -> dict[str, Any]:
    """One `redline analyze --processes N` over src: wall, steady rate, CPU, largest process."""
    load = round(os.getloadavg()[0], 2)
    started = time.perf_counter()
    proc = subprocess.Popen([REDLINE, "analyze", str(src), "--processes", str(processes)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    arrivals = []
    ids = []
    cpu: dict[int, float] = {}
    peaks: dict[int, float] = {}
    sampled = 0.0
    for line in proc.stdout:
        arrivals.append(time.perf_counter() - started)
        ids.append(json.loads(line)["id"])
        if arrivals[-1] - sampled > 0.5:  # the CPU of the whole tree, twice a second at most
            sampled = arrivals[-1]
            _tree_cpu(proc.pid, cpu, peaks)
    _tree_cpu(proc.pid, cpu, peaks)  # the last records are in: nothing but shutting down is left
    code = proc.wait()
    wall = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"redline analyze --processes {processes} exited with {code}")
    n = len(arrivals)
    return {"processes": processes, "documents": n, "wall_s": round(wall, 2), "load_before": load,
            "first_record_s": round(arrivals[0], 2),
            "end_to_end_docs_per_s": round(n / wall, 3),
            "steady_docs_per_s": round((n - 1) / max(1e-9, arrivals[-1] - arrivals[0]), 3),
            "cpu_s": round(sum(cpu.values()), 2), "processes_seen": len(cpu),
            "in_order": ids == sorted(ids),
            # the largest single process (a worker, the fork server or the command itself)
            "max_rss_mib": round(max(peaks.values(), default=0.0))}


def together_run(src: Path) -> list[dict[str, Any]]:
    """Two `redline analyze --processes 1` over src at the same time (each one's figures)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as both:  # each command's records read in a thread of its own
        return list(both.map(lambda _: analyze_run(src, 1), range(2)))


def n_process_run(texts: list[str]) -> dict[str, Any]:
    """spaCy's nlp.pipe(n_process=2), the rules in this process: docs/s after the load."""
    from annotations.nlp.analyze import analyze_doc
    from annotations.nlp.pipeline import load_pipeline

    pipeline = load_pipeline(None)
    started = time.perf_counter()
    for i, doc in enumerate(pipeline.nlp.pipe(texts, n_process=2, batch_size=16)):
        analyze_doc(doc, doc_id=str(i), model_id=pipeline.model_id)
    wall = time.perf_counter() - started
    return {"wall_s": round(wall, 2), "docs_per_s": round(len(texts) / wall, 3)}


def run(n: int, runs: int, with_n_process: bool) -> dict[str, Any]:
    """Both sides `runs` times, alternating; medians and the ratios."""
    load_before = [round(x, 2) for x in os.getloadavg()]
    texts = corpus(n, seed=11)
    one: list[dict[str, Any]] = []
    two: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "archive.jsonl"
        src.write_text("".join(json.dumps({"id": f"{i:06d}", "text": t}) + "\n"
                               for i, t in enumerate(texts)), encoding="utf-8")
        for r in range(runs):
            for processes in ((1, 2) if r % 2 == 0 else (2, 1)):
                result = analyze_run(src, processes)
                print(f"  run {r + 1}, --processes {processes}: {result['wall_s']:.1f} s, "
                      f"steady {result['steady_docs_per_s']:.2f} docs/s, CPU {result['cpu_s']:.1f} s, "
                      f"load {result['load_before']}",
                      flush=True)
                (one if processes == 1 else two).append(result)
        together = together_run(src)
        print(f"  two --processes 1 at once: CPU {together[0]['cpu_s']:.1f} s and "
              f"{together[1]['cpu_s']:.1f} s, load {together[0]['load_before']}", flush=True)
    steady1 = median([x["steady_docs_per_s"] for x in one])
    steady2 = median([x["steady_docs_per_s"] for x in two])
    e2e1 = median([x["end_to_end_docs_per_s"] for x in one])
    e2e2 = median([x["end_to_end_docs_per_s"] for x in two])
    out: dict[str, Any] = {
        "documents": n, "characters": sum(len(t) for t in texts),
        "words": sum(len(t.split()) for t in texts), "runs": runs, "cores": os.cpu_count(),
        "one": one, "two": two,
        "steady_docs_per_s": {"1": steady1, "2": steady2}, "steady_ratio": steady2 / steady1,
        "end_to_end_docs_per_s": {"1": e2e1, "2": e2e2}, "end_to_end_ratio": e2e2 / e2e1,
        "cpu_per_doc_s": {"1": median([x["cpu_s"] for x in one]) / n,
                          "2": median([x["cpu_s"] for x in two]) / n},
        # the cost of going parallel: the fork server's start (its one model load stands for the
        # one process's), the items and records pickled, and each core slowed by the other
        # being busy (together_ratio alone); with two free cores the wall ratio is about
        # 2 ÷ this, and a busy machine lowers it further
        "cpu_ratio": median([x["cpu_s"] for x in two]) / median([x["cpu_s"] for x in one]),
        # the same work, twice at once, against once alone: the machine's share of cpu_ratio,
        # as it was during this run
        "together": together,
        "together_ratio": median([x["cpu_s"] for x in together])
        / median([x["cpu_s"] for x in one]),
        "all_in_order": all(x["in_order"] for x in one + two),
        "max_rss_mib": max(x["max_rss_mib"] for x in one + two),
        "load_before": load_before}
    if with_n_process:
        out["spacy_n_process_2"] = n_process_run(texts)
    out["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return out


def main() -> None:
    """Print the figures and write benchmarks/results/archive.json."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=240)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="60 documents, 1 run")
    ap.add_argument("--n-process", action="store_true",
                    help="also time spaCy's nlp.pipe(n_process=2) with the rules in one process")
    args = ap.parse_args()
    r = run(60, 1, args.n_process) if args.quick else run(args.docs, args.runs, args.n_process)
    print(f"analyze {r['documents']} docs ({r['words']:,} words): steady "
          f"{r['steady_docs_per_s']['1']:.2f} -> {r['steady_docs_per_s']['2']:.2f} docs/s "
          f"(x{r['steady_ratio']:.2f}); end to end {r['end_to_end_docs_per_s']['1']:.2f} -> "
          f"{r['end_to_end_docs_per_s']['2']:.2f} docs/s (x{r['end_to_end_ratio']:.2f}); CPU per "
          f"doc {r['cpu_per_doc_s']['1']:.3f} / {r['cpu_per_doc_s']['2']:.3f} s "
          f"(x{r['cpu_ratio']:.2f}; two 1-process runs at once x{r['together_ratio']:.2f}); "
          f"largest process "
          f"{r['max_rss_mib']} MiB; in order: {r['all_in_order']}; load {r['load_before']} -> "
          f"{r['load_after']}")
    if "spacy_n_process_2" in r:
        print(f"spaCy n_process=2 with the rules in one process: "
              f"{r['spacy_n_process_2']['docs_per_s']:.2f} docs/s")
    write_result("archive", r)


if __name__ == "__main__":
    main()
