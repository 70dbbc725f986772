"""Export memory and time at 1k and 10k documents: peak memory should stay flat as the corpus grows.

Generates the corpus in a temporary database (nothing large is committed), then exports it in
each format twice: once timed, once under tracemalloc for the peak of Python allocations. The
spaCy tokenizer (Prodigy) is built before measuring: a fixed cost, reported on its own.

Run: python benchmarks/export_memory.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotations.formats.registry import ImportRecord, exporter
from annotations.ingest import store_records
from annotations.store import Store
from benchmarks.common import write_result

FORMATS = ("redline", "prodigy", "doccano", "brat")
WORDS = ["council", "budget", "minister", "water", "price", "vote", "court", "report", "police", "school", "energy", "market", "Zürich", "Łódź", "São", "Paulo", "東京", "health", "road", "rail", "tax", "plan", "week", "city", "region", "trade", "union", "talks", "deal", "crisis", "aid", "farm", "port", "border", "study", "survey"]
NAMES = ("Ana Díaz", "Masoud Pezeshkian", "Zoë Ñúñez", "Olu Adeyemi", "Kim Ji-woo")


def article(rng: random.Random, n: int) -> tuple[str, list[dict[str, Any]]]:
    """A ~2 KB article with a claim, a stance and a split quote, and those annotations."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}

    def add(text: str, key: str | None = None) -> None:
        at = sum(len(p) for p in parts)
        parts.append(text)
        if key:
            spans[key] = (at, at + len(text))

    def sentence(k: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + "."

    name = rng.choice(NAMES)
    add(f"Report {n} 📰. ")
    add(sentence(12), "claim")
    add(" ")
    add(name, "source")
    add(" ")
    add("said", "cue")
    add(": “")
    add(sentence(9), "content1")
    add("” ")
    add(sentence(6), "content2")
    add("\n\n")
    add("Critics", "holder")
    add(" ")
    add("rejected the plan 🚫", "stance")
    add(". " + " ".join(sentence(14) for _ in range(12)) + "\n")
    text = "".join(parts)

    def span(role: str, key: str) -> dict[str, Any]:
        s, e = spans[key]
        return {"role": role, "start": s, "end": e, "text": text[s:e]}

    anns = [
        {"id": f"c{n}", "kind": "claim", "attrs": {"checkworthy": "yes"},
         "spans": [span("claim", "claim")]},
        {"id": f"s{n}", "kind": "stance", "attrs": {"polarity": "against"},
         "spans": [span("holder", "holder"), span("stance", "stance")]},
        {"id": f"a{n}", "kind": "attribution", "attrs": {"type": "direct", "speaker": name},
         "spans": [span("source", "source"), span("cue", "cue"), span("content", "content1"),
                   span("content", "content2")]},
    ]
    for a in anns:
        a.update(origin="manual", annotator="bench", created_at="2026-01-01T00:00:00.000Z",
                 updated_at="2026-01-01T00:00:00.000Z")
    return text, anns


def build(path: Path, docs: int) -> Store:
    """A database of `docs` generated articles, stored through the ordinary import path."""
    store = Store(path, annotator="bench")
    rng = random.Random(docs)
    batch: list[ImportRecord] = []
    for n in range(docs):
        text, anns = article(rng, n)
        batch.append(ImportRecord(text=text, source="bench", id=f"d{n:06}", title=f"Report {n}",
                                  annotations=anns))
        if len(batch) == 500:
            store_records(store, batch)
            batch = []
    if batch:
        store_records(store, batch)
    return store


def measure(store: Store, fmt: str, out: Path) -> dict[str, float]:
    """Seconds for one export, then the tracemalloc peak (MiB) of a second one."""
    write = exporter(fmt)
    target = out / (f"{fmt}.jsonl" if fmt != "brat" else "brat")
    started = time.perf_counter()
    n = write(store, str(target), status=(), annotators=(), ids=())
    seconds = time.perf_counter() - started
    if target.is_dir():  # measure the export itself, not the removal of the previous one
        shutil.rmtree(target)
    else:
        target.unlink()
    tracemalloc.start()
    tracemalloc.reset_peak()
    write(store, str(target), status=(), annotators=(), ids=())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"documents": n, "seconds": round(seconds, 3), "docs_per_s": round(n / seconds),
            "peak_mib": round(peak / 2**20, 2)}


def main() -> None:
    """Build each corpus size, export it in every format, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    started = time.perf_counter()
    from annotations.formats.prodigy import tokenize

    tokenize("warm up")
    tokenizer_s = time.perf_counter() - started
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            t0 = time.perf_counter()
            store = build(folder / "corpus.db", size)
            print(f"{size:>6} documents generated in {time.perf_counter() - t0:.1f} s")
            results[str(size)] = {fmt: measure(store, fmt, folder) for fmt in FORMATS}
            store.close()
            for fmt, r in results[str(size)].items():
                print(f"{size:>6} {fmt:<8} {r['seconds']:>7.2f} s {r['docs_per_s']:>7} docs/s"
                      f"  peak {r['peak_mib']:>6.2f} MiB")
    small, large = str(min(args.sizes)), str(max(args.sizes))
    growth = {fmt: round(results[large][fmt]["peak_mib"] / results[small][fmt]["peak_mib"], 2)
              for fmt in FORMATS}
    print(f"peak memory {large} / {small} documents: "
          + ", ".join(f"{f} ×{g}" for f, g in growth.items()))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    path = write_result("export_memory", {
        "sizes": results, "peak_growth": growth, "tokenizer_load_s": round(tokenizer_s, 3),
        "max_rss_mib": round(rss, 1),
        "note": "peak_mib is tracemalloc's peak of Python allocations during one export"})
    print(f"spaCy tokenizer load {tokenizer_s:.2f} s; process max RSS {rss:.0f} MiB; wrote {path}")


if __name__ == "__main__":
    main()
