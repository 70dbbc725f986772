"""A big library in a real terminal (tmux): Enter on `redline` until the library's rows show.

Run: python benchmarks/library_big.py [--runs N] [--quick]

Databases of 1, 10,000 and 100,000 documents are generated with executemany (short news-like
texts, each with a cached analysis of its suggestions and, on every seventh, a claim and a
decision), in under a minute rather than the hours an import with spaCy would take. A shell in
a private tmux server (120x40, as tmux_open.py) has `redline --db DB` typed in; the clock starts
when Enter is sent, and `capture-pane` is polled until the 30th row's title and the status line's
document count are visible ("rows visible"), then until the status line counts every row loaded.
Figures: the median over the runs (after one untimed warm-up), the 10k library's ratio to the
one-document one, and the load average around the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotations.analysis import extractor_version
from annotations.models import now_iso, sha256
from annotations.store import Store
from benchmarks.articles import PARAGRAPHS, analysis_record
from benchmarks.common import median, write_result
from benchmarks.tmux_open import POLL, REDLINE, Terminal, wait_trace

SIZES = (1, 10_000, 100_000)
TARGET_10K_RATIO = 1.2  # the 10k library within 1.2x the one-document one
TARGET_100K_MS = 1000.0
VISIBLE_ROWS = 30  # rows of a 120x40 library the check waits for (the table shows more)


def title(i: int) -> str:
    """The i-th generated title (unique: the check looks for it on screen)."""
    return f"Wire story {i:06d} on the talks"


def make_library_db(path: Path, n: int, seed: int = 11) -> None:
    """A database of `n` generated documents, their analyses cached, some annotated."""
    store = Store(path, annotator="bench")
    rnd = random.Random(seed)
    combos = [" ".join(rnd.sample(PARAGRAPHS, 2)) for _ in range(40)]
    # one analysis per combination, its offsets valid for every text that starts with it, and
    # its JSON written once (the id and hash filled in per document)
    templates = [analysis_record("@ID@", text, "@SHA@") for text in combos]
    dumped = [json.dumps(t, ensure_ascii=False) for t in templates]
    version, stamp = extractor_version(), now_iso()
    docs, analyses, annotations, decisions = [], [], [], []
    for i in range(n):
        k = rnd.randrange(len(combos))
        text = f"{combos[k]}\nDispatch {i}."
        sha = sha256(text)
        doc_id = f"doc{i:06d}"
        docs.append((doc_id, title(i), text, sha, "{}", "new", None, len(text.split()), i + 1, 0,
                     stamp, stamp))
        record = templates[k]
        analyses.append((f"{sha}:{record['model']}:{version}", sha, record["model"], version,
                         dumped[k].replace("@ID@", doc_id).replace("@SHA@", sha), stamp))
        if i % 7 == 0 and record["attributions"]:
            a = record["attributions"][0]
            start, end = a["content_spans"][0]
            spans = [{"role": "claim", "start": start, "end": end, "text": text[start:end]}]
            annotations.append((f"ann{i:06d}", doc_id, "claim", '{"checkworthy": "yes"}',
                                "manual", "bench", start, end, json.dumps(spans), stamp, stamp))
            decisions.append((doc_id, a["key"], "rejected", None, "bench", stamp))
    with store._write() as db:
        conn = db.conn
        conn.executemany("INSERT INTO documents (id, title, text, text_sha256, meta, status,"
                         " entities, words, position, needs_review, created_at, updated_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", docs)
        conn.executemany("INSERT INTO analyses (key, text_sha256, model, extractor_version,"
                         " result, created_at) VALUES (?, ?, ?, ?, ?, ?)", analyses)
        conn.executemany('INSERT INTO annotations (id, doc_id, kind, attrs, origin, annotator,'
                         ' start, "end", spans, created_at, updated_at)'
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", annotations)
        conn.executemany("INSERT INTO decisions (doc_id, key, decision, annotation_id, annotator,"
                         " at) VALUES (?, ?, ?, ?, ?, ?)", decisions)
    store.close()


def open_library(term: Terminal, db: Path, n: int, trace: Path) -> tuple[float, float, float]:
    """Launch the library on `db`; ms from Enter until its first rows and the document count
    show, until every row is loaded (the status line counts "N of N documents"), and the app's
    CPU ms when its first rows were drawn (its trace; CPU time moves less with the load)."""
    trace.unlink(missing_ok=True)
    last = title(min(n, VISIBLE_ROWS) - 1)
    # the status line: "1 of 1 document", "10000 documents · loading…" while the rest loads
    count, complete = f"{n} document", f"{n} of {n} document"
    term.type(f"REDLINE_BENCH_TRACE={trace} {REDLINE} --db {db}")
    time.sleep(0.2)
    enter = time.time()
    term.key("Enter")
    deadline = time.monotonic() + 120
    shown = None
    while True:
        screen = term.screen()
        if shown is None and last in screen and count in screen:
            shown = time.time()
        if shown is not None and complete in screen:
            loaded = time.time()
            break
        if "Traceback" in screen or time.monotonic() > deadline:
            raise RuntimeError(f"the library of {n} never showed:\n{screen}")
        time.sleep(POLL)
    cpu = wait_trace(trace, "library-shown")["cpu"]
    term.key("C-q")
    term.wait_prompt()
    return (shown - enter) * 1000, (loaded - enter) * 1000, cpu * 1000


def run(runs: int, sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    """Every figure of this script (for `sizes`: all three unless told)."""
    results: dict[str, Any] = {"load_before": [round(x, 2) for x in os.getloadavg()]}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dbs = {}
        for n in sizes:
            started = time.perf_counter()
            dbs[n] = folder / f"library{n}.db"
            make_library_db(dbs[n], n)
            results[f"generate_{n}_s"] = round(time.perf_counter() - started, 1)
        env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "PS1": "$ ",
               "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        term = Terminal(folder, env)
        os.sync()  # the 100k database's writes flushed now, not during the timed runs
        try:
            trace = folder / "trace.txt"
            for n in sizes:
                open_library(term, dbs[n], n, trace)  # warm-up: bytecode and page cache
            # the sizes in turn, so a change in the machine's load weighs on each alike
            timed: dict[int, list[tuple[float, float, float]]] = {n: [] for n in sizes}
            for _ in range(runs):
                for n in sizes:
                    timed[n].append(open_library(term, dbs[n], n, trace))
            for n, times in timed.items():
                results[f"library_{n}"] = {
                    "visible_ms": round(median([t[0] for t in times]), 1),
                    "loaded_ms": round(median([t[1] for t in times]), 1),
                    "cpu_at_rows_ms": round(median([t[2] for t in times]), 1),
                    "runs": [[round(v, 1) for v in t] for t in times]}
        finally:
            term.close()
            shutil.rmtree(folder / "pycache", ignore_errors=True)
    if set(SIZES) <= set(sizes):
        one = results["library_1"]
        results["ratio_10000"] = round(results["library_10000"]["visible_ms"]
                                       / one["visible_ms"], 2)
        results["cpu_ratio_10000"] = round(results["library_10000"]["cpu_at_rows_ms"]
                                           / one["cpu_at_rows_ms"], 2)
    results["targets"] = {"ratio_10000": TARGET_10K_RATIO, "library_100000_ms": TARGET_100K_MS}
    results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return results


def main() -> None:
    """Print the figures and write benchmarks/results/library_big.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 runs")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        help="library sizes to time (not written to results/ unless all three)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("library_big: tmux is not installed")
    sizes = tuple(args.sizes)
    results = run(2 if args.quick else args.runs, sizes)
    for n in sizes:
        r = results[f"library_{n}"]
        print(f"library of {n:>7,} documents: rows visible {r['visible_ms']:7.1f} ms (CPU"
              f" {r['cpu_at_rows_ms']:4.0f} ms), every row loaded {r['loaded_ms']:7.1f} ms"
              f"  (database generated in {results[f'generate_{n}_s']} s)")
    print(f"load average before/after: {results['load_before']} / {results['load_after']}")
    if "ratio_10000" not in results:
        return  # a partial run: printed, not written over the full run's figures
    print(f"10k ÷ 1: {results['ratio_10000']:.2f}, CPU {results['cpu_ratio_10000']:.2f}"
          f" (target ≤ {TARGET_10K_RATIO}); 100k target ≤ {TARGET_100K_MS:.0f} ms")
    print(f"wrote {write_result('library_big', results)}")


if __name__ == "__main__":
    main()
