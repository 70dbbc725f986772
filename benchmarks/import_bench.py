"""Import throughput with analysis, as a ratio to bare `nlp.pipe` over the same texts.

Both sides use one loaded pipeline in the same run (loading is excluded from both): the bare
side only runs `nlp.pipe` (same components, same batch size); the import side does what
`redline import` does: reads a JSONL file, stores its documents in one transaction, runs the
analysis (nlp.pipe + quote and attribution rules) and caches the results. The corpus goes in
slices of 20 documents, each slice bare then imported or the other way round, so a change in
the machine's load hits both sides alike; the ratio is given by wall time (medians over runs)
and by the process's CPU time.

Run: python benchmarks/import_bench.py [--docs N] [--runs N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotations.analysis import analyze_documents
from annotations.importer import read_file
from annotations.ingest import store_records
from annotations.nlp.pipeline import load_pipeline
from annotations.store import Store
from benchmarks.common import median, seed_text, write_result


def corpus(n: int, seed: int = 7) -> list[str]:
    """n distinct articles: the seed's paragraphs shuffled, each with a numbered dateline."""
    paragraphs = [p for p in seed_text().split("\n") if p.strip()]
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        rng.shuffle(paragraphs)
        texts.append(f"Dispatch {i}, from the wire.\n" + "\n".join(paragraphs[: rng.randint(5, len(paragraphs))]))
    return texts


CHUNK = 20
"""Documents per slice: bare and import alternate slice by slice."""


def run(n: int, runs: int) -> dict[str, Any]:
    """Seconds (wall and CPU) for bare nlp.pipe and for import+analysis, summed over slices of
    the corpus that alternate between the two (so a change in the machine's load hits both
    alike), the medians over runs, and their ratios."""
    load_before = [round(x, 2) for x in os.getloadavg()]
    pipeline = load_pipeline(None)
    texts = corpus(n)
    list(pipeline.nlp.pipe(texts[:8]))  # warm up
    slices = [texts[i:i + CHUNK] for i in range(0, n, CHUNK)]
    bare: list[tuple[float, float]] = []
    full: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for k, part in enumerate(slices):
            src = Path(tmp) / f"in{k}.jsonl"
            src.write_text("".join(json.dumps({"text": t}) + "\n" for t in part), encoding="utf-8")
            sources.append(src)

        def bare_slice(part: list[str]) -> tuple[float, float]:
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in pipeline.nlp.pipe(part, batch_size=16):
                pass
            return time.perf_counter() - t0, time.process_time() - c0

        def import_slice(store: Store, src: Path) -> tuple[float, float]:
            t0, c0 = time.perf_counter(), time.process_time()
            added = store_records(store, read_file(src)).added
            docs = (store.get_document(i) for i in added)
            for _ in analyze_documents(store, docs, pipeline, batch_size=16):
                pass
            return time.perf_counter() - t0, time.process_time() - c0

        for r in range(runs):
            store = Store(Path(tmp) / f"run{r}.db", annotator="bench")
            b = [0.0, 0.0]
            f = [0.0, 0.0]
            for k, (part, src) in enumerate(zip(slices, sources, strict=True)):
                first_bare = (r + k) % 2 == 0
                if first_bare:
                    took_b = bare_slice(part)
                took_f = import_slice(store, src)
                if not first_bare:
                    took_b = bare_slice(part)
                b = [b[0] + took_b[0], b[1] + took_b[1]]
                f = [f[0] + took_f[0], f[1] + took_f[1]]
            store.close()
            bare.append((b[0], b[1]))
            full.append((f[0], f[1]))
    b, f = median([w for w, _ in bare]), median([w for w, _ in full])
    bc, fc = median([c for _, c in bare]), median([c for _, c in full])
    return {"documents": n, "words": sum(len(t.split()) for t in texts), "model": pipeline.model_id,
            "pipe_names": list(pipeline.nlp.pipe_names), "runs": runs, "slice": CHUNK,
            "bare_pipe_s": b, "import_s": f, "ratio": b / f, "docs_per_s": n / f,
            "bare_pipe_cpu_s": bc, "import_cpu_s": fc, "cpu_ratio": bc / fc,
            "load_before": load_before, "load_after": [round(x, 2) for x in os.getloadavg()]}


def main() -> None:
    """Print the figures and write benchmarks/results/import.json."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--runs", type=int, default=4)
    ap.add_argument("--quick", action="store_true", help="40 documents, 2 runs")
    args = ap.parse_args()
    r = run(40, 2) if args.quick else run(args.docs, args.runs)
    print(f"import {r['documents']} docs ({r['words']:,} words) with {r['model']}: {r['import_s']:.2f} s "
          f"({r['docs_per_s']:.1f} docs/s); bare nlp.pipe {r['bare_pipe_s']:.2f} s; ratio "
          f"{r['ratio']:.2f} (CPU {r['import_cpu_s']:.2f} s vs {r['bare_pipe_cpu_s']:.2f} s: "
          f"{r['cpu_ratio']:.2f}); load {r['load_before']} -> {r['load_after']}")
    write_result("import", r)


if __name__ == "__main__":
    main()
