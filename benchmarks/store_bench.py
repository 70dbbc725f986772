"""Store figures: one annotation written and committed (p95), export of 100k annotations (JSONL and
the SQLite dataset).

Run: python benchmarks/store_bench.py [--quick]

Writes go through Store.add_annotation (validated, journalled, committed: WAL, synchronous=
NORMAL). Exports stream the redline JSONL of 1k, 10k and 100k annotations (100 per document)
to a file, and the SQLite dataset of the same store: median seconds (and CPU seconds) over a
few runs, then tracemalloc's peak in a separate run of each (tracing slows Python down).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotations.formats.redline import export_redline
from annotations.formats.sqlite import export_sqlite
from annotations.models import Annotation, Document, Span
from annotations.store import Store
from benchmarks.common import median, pct, seed_text, write_result


def write_latency(folder: Path, n: int = 1000) -> dict[str, float]:
    """Milliseconds to validate, write and commit (WAL, synchronous=NORMAL) one claim."""
    store = Store(folder / "write.db", annotator="bench")
    text = seed_text()
    store.insert_document(Document(id="d", text=text, title="seed"))
    words = [(i, i + 4) for i in range(0, len(text) - 10, 7)]
    times: list[float] = []
    cpu: list[float] = []
    for k in range(n):
        a, b = words[k % len(words)]
        span = Span("claim", a, b, text[a:b])
        t0, c0 = time.perf_counter(), time.process_time()
        store.add_annotation(Annotation(kind="claim", doc_id="d", spans=[span]))
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    store.close()
    return {"writes": n, "median_ms": median(times), "p95_ms": pct(times, 95),
            "cpu_median_ms": median(cpu), "cpu_p95_ms": pct(cpu, 95)}


def build_corpus(path: Path, docs: int, per_doc: int) -> None:
    """A database of `docs` seed copies with `per_doc` annotations each (bulk, no journal)."""
    from annotations.store import journal

    store = Store(path, annotator="bench")
    text = seed_text()
    with store._write() as db:
        for d in range(docs):
            doc = Document(id=f"d{d:06}", text=text, title=f"copy {d}")
            store.insert_document(doc)
            for k in range(per_doc):
                a = (k * 13) % (len(text) - 20)
                ann = Annotation(kind="claim", doc_id=doc.id, spans=[Span("claim", a, a + 12, text[a:a + 12])],
                                 attrs={"checkworthy": "yes"}, annotator="bench")
                journal.insert_annotation(db.conn, {"doc_id": doc.id, **ann.to_dict()})
    store.close()


def _export_once(store: Store, out: Path) -> int:
    size = 0
    with open(out, "w", encoding="utf-8") as f:
        for line in export_redline(store):
            f.write(line)
            size += len(line)
    return size


def export_figures(folder: Path, total: int, runs: int = 3) -> dict[str, float]:
    """Median seconds (wall and CPU) over `runs`, and peak traced memory (MiB, a separate run
    because tracing slows Python down), to export `total` annotations (100 per document)."""
    path = folder / f"export{total}.db"
    build_corpus(path, total // 100, 100)
    store = Store(path, annotator="bench")
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        size = _export_once(store, folder / "out.jsonl")
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    dataset, dataset_cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        export_sqlite(store, str(folder / "out.db"))
        dataset.append(time.perf_counter() - t0)
        dataset_cpu.append(time.process_time() - c0)
    tracemalloc.start()
    _export_once(store, folder / "out.jsonl")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    export_sqlite(store, str(folder / "out.db"))
    _, sqlite_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    store.close()
    return {"annotations": total, "seconds": median(times), "cpu_seconds": median(cpu),
            "peak_mib": peak / 2**20, "mb_written": size / 1e6, "sqlite_seconds": median(dataset),
            "sqlite_cpu_seconds": median(dataset_cpu), "sqlite_peak_mib": sqlite_peak / 2**20}


def main() -> None:
    """Print the figures and write benchmarks/results/store.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 writes, one export run each")
    args = parser.parse_args()
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        w = write_latency(folder, 300 if args.quick else 1000)
        exports = [export_figures(folder, n, 1 if args.quick else 3)
                   for n in (1_000, 10_000, 100_000)]
    load_after = [round(x, 2) for x in os.getloadavg()]
    print(f"one annotation written+committed: median {w['median_ms']:.2f} ms, p95 {w['p95_ms']:.2f} ms"
          f" (CPU p95 {w['cpu_p95_ms']:.2f} ms)")
    for e in exports:
        print(f"export {e['annotations']:>7,} annotations: {e['seconds']:.2f} s (CPU "
              f"{e['cpu_seconds']:.2f} s), peak {e['peak_mib']:.2f} MiB; as a SQLite dataset "
              f"{e['sqlite_seconds']:.2f} s (CPU {e['sqlite_cpu_seconds']:.2f} s, "
              f"{e['sqlite_seconds'] / e['seconds']:.2f}x), peak {e['sqlite_peak_mib']:.2f} MiB")
    print(f"load average before/after: {load_before} / {load_after}")
    write_result("store", {"write": w, "export": exports, "load_before": load_before,
                           "load_after": load_after})


if __name__ == "__main__":
    main()
