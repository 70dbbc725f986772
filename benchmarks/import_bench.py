"""Import throughput with analysis, as a ratio to bare `nlp.pipe` over the same texts.

Both sides use one loaded pipeline in the same run (loading is excluded from both): the bare
side only runs `nlp.pipe` (same components, same batch size); the import side does what
`redline import` does: reads the JSONL file, stores every document in one transaction, runs the
analysis (nlp.pipe + quote and attribution rules) and caches the results. The two alternate,
bare first then import first, so a change in the machine's load hits both alike; the ratio is
given by wall time (medians) and by the process's CPU time, which other programs barely move.

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


def run(n: int, runs: int) -> dict[str, Any]:
    """Median seconds (wall and CPU) for bare nlp.pipe and for import+analysis, and ratios."""
    load_before = [round(x, 2) for x in os.getloadavg()]
    pipeline = load_pipeline(None)
    texts = corpus(n)
    list(pipeline.nlp.pipe(texts[:8]))  # warm up
    bare: list[tuple[float, float]] = []
    full: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")

        def bare_run() -> None:
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in pipeline.nlp.pipe(texts, batch_size=16):
                pass
            bare.append((time.perf_counter() - t0, time.process_time() - c0))

        def import_run(r: int) -> None:
            store = Store(Path(tmp) / f"run{r}.db", annotator="bench")
            t0, c0 = time.perf_counter(), time.process_time()
            added = store_records(store, read_file(src)).added
            docs = (store.get_document(i) for i in added)
            for _ in analyze_documents(store, docs, pipeline, batch_size=16):
                pass
            full.append((time.perf_counter() - t0, time.process_time() - c0))
            store.close()

        for r in range(runs):
            if r % 2:
                import_run(r)
                bare_run()
            else:
                bare_run()
                import_run(r)
    b, f = median([w for w, _ in bare]), median([w for w, _ in full])
    bc, fc = median([c for _, c in bare]), median([c for _, c in full])
    return {"documents": n, "words": sum(len(t.split()) for t in texts), "model": pipeline.model_id,
            "pipe_names": list(pipeline.nlp.pipe_names), "runs": runs,
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
