"""Key -> rendered frame in the real annotation screen of `make_app`, on a 1 MB article with
~30,000 highlights; once with its analysis cached, once while its analysis runs.

Run: python benchmarks/app_keys.py [--samples N] [--quick] [--profile]

The database holds the generated 1 MB article (benchmarks/articles.py) and ~2,100 claims;
"cached" has its analysis record in the cache, "analysing" has none (only its entities stored
with the document, which the screen shows meanwhile), so opening it starts the real spaCy
analysis, in the analysis service process the app is given as `redline annotate` gives it. Each key event is handed to the app's driver queue, as a terminal's input thread
does, and timed to the end of the first frame the compositor produces after it. The app runs
headless, where Textual skips the terminal write, so the instrumented `App._display` does the
encoding a terminal write does before stamping the time. Keys are 40 ms apart (a fast key
repeat). CPU time is the app process's (threads included; the analysis service is another
process). Each scenario runs in a process of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import RESULTS, median, pct, write_result

SIZE = (120, 40)
GAP = 0.040
PROFILES = RESULTS / "profiles"
SCENARIOS: list[tuple[str, str, str | None]] = [
    ("token right (l)", "l", "l"),
    ("token left (h)", "h", "h"),
    ("line down (j)", "j", "j"),
    ("line up (k)", "k", "k"),
    ("select token (shift+right)", "shift+right", None),
    ("select line (shift+down)", "shift+down", None),
    ("sentence ())", "right_parenthesis", ")"),
    ("paragraph (})", "right_curly_bracket", "}"),
    ("page down", "pagedown", None),
]


def stats(values: list[float]) -> dict[str, float]:
    """n, median, p90, p99 and max (ms)."""
    if not values:
        return {"n": 0}
    return {"n": len(values), "median_ms": round(median(values), 3),
            "p90_ms": round(pct(values, 90), 3), "p99_ms": round(pct(values, 99), 3),
            "max_ms": round(max(values), 3)}


async def measure(db: Path, doc_id: str, samples: int, analysing: bool,
                  profile: Path | None = None) -> dict[str, Any]:
    """Open the document in make_app's annotation screen and time every scenario's keys."""
    from textual import events

    from annotations.store import Store
    from tui.app import make_app
    from tui.screens.annotate import AnnotationScreen
    from tui.settings import Settings
    from tui.widgets.article_view import ArticleView
    from tui.widgets.side_panel import SidePanel
    from tui.workers import AnalysisService

    store = Store(db, annotator="bench")
    # as run_app does: the analysis service asked for the document first, the collector off
    # until the document is shown
    service = AnalysisService(str(db), None, first=doc_id)
    gc.disable()
    app = make_app(Settings(db=db, model=None, annotator="bench"), doc_id=doc_id, store=store,
                   analysis=service)
    frames: list[float] = []
    frame_cpu: list[float] = []
    frame_event = asyncio.Event()
    display = app._display

    def timed_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is None or app._batch_count:
            return
        # headless Textual skips the write: do the encoding a terminal write does
        if hasattr(renderable, "render_segments"):
            renderable.render_segments(app.console)
        frame_cpu.append(time.process_time())
        frames.append(time.perf_counter())
        frame_event.set()

    app._display = timed_display  # type: ignore[method-assign]

    async def next_frame(after: float, timeout: float = 2.0) -> int | None:
        deadline = time.perf_counter() + timeout
        while True:
            for i, t in enumerate(frames):
                if t > after:
                    return i
            frame_event.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return None
            try:
                await asyncio.wait_for(frame_event.wait(), remaining)
            except asyncio.TimeoutError:
                return None

    results: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        t_open = time.perf_counter()
        screen = app.screen
        assert isinstance(screen, AnnotationScreen)
        view = screen.query_one(ArticleView)
        # the article is wrapped, its highlights (cached analysis, or stored entities) and its
        # annotations in the side panel shown
        panel = screen.query_one(SidePanel)
        while not (view.fully_wrapped and screen.view is not None and screen.highlights
                   and panel.option_count == len(screen.view.annotations)
                   and (analysing or not screen.analysis_note.startswith("analysing"))):
            await asyncio.sleep(0.02)
            if time.perf_counter() - t_open > 120:
                raise RuntimeError("the document never finished loading")
        await pilot.pause()
        results["document"] = {"chars": len(view.text), "highlights": len(screen.highlights),
                               "annotations": len(screen.view.annotations),
                               "lines": view.line_count,
                               "ready_ms": round((time.perf_counter() - t_open) * 1000, 1)}

        def running() -> bool:
            return screen.analysis_note.startswith("analysing")

        if profile:  # the keys only, not the start
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0002, async_mode="disabled")
            profiler.start()
        keys: dict[str, Any] = {}
        everything: list[float] = []
        after_analysis = 0
        for name, key, char in SCENARIOS:
            view.move_to(0 if key == "pagedown" else len(view.text) // 3)
            view.clear_selection()
            await asyncio.sleep(0.1)
            wall: list[float] = []
            cpu: list[float] = []
            last: list[float] = []
            missed = 0
            for _ in range(samples):
                await asyncio.sleep(GAP)
                if analysing and not running():
                    after_analysis += 1
                    continue
                frames.clear()
                frame_cpu.clear()
                event = events.Key(key, char)
                event.set_sender(app)
                c0 = time.process_time()
                t0 = time.perf_counter()
                assert app._driver is not None
                app._driver.send_message(event)
                i = await next_frame(t0)
                if i is None:
                    missed += 1
                    continue
                wall.append((frames[i] - t0) * 1000)
                cpu.append((frame_cpu[i] - c0) * 1000)
                # frames that follow within the gap (status line, side panel) belong to it too
                await asyncio.sleep(GAP / 2)
                last.append((frames[-1] - t0) * 1000)
            everything += wall
            keys[name] = {**stats(wall), "cpu_median_ms": round(median(cpu), 3) if cpu else None,
                          "cpu_p90_ms": round(pct(cpu, 90), 3) if cpu else None,
                          "last_frame_median_ms": round(median(last), 3) if last else None,
                          "no_frame": missed}
        if profile:
            profiler.stop()
            text = profiler.output_text(unicode=True, color=False, show_all=True)
            profile.write_text(_trim(text), encoding="utf-8")
        results["keys"] = keys
        results["all_keys"] = stats(everything)
        if analysing:
            results["analysis_still_running"] = running()
            results["keys_skipped_after_analysis"] = after_analysis
        results["spacy_in_app_process"] = "spacy" in sys.modules
    service.close()
    store.close()
    return results


def _trim(profile: str, share: float = 0.002) -> str:
    """A pyinstrument tree without the frames under `share` of the total (the whole tree of
    a run with every library frame shown is most of a megabyte)."""
    lines = profile.splitlines()
    total = next((float(m.group(1)) for line in lines
                  if (m := re.match(r"^(\d+\.\d+) ", line))), 0.0)
    kept = [line for line in lines if not (m := re.search(r"(\d+\.\d+) \S", line))
            or float(m.group(1)) >= share * total]
    return "\n".join(kept) + "\n"


def child(args: argparse.Namespace) -> None:
    """Run one scenario in this process and print its figures as JSON."""
    out = None
    if args.profile:
        PROFILES.mkdir(parents=True, exist_ok=True)
        out = PROFILES / f"app_keys_{args.scenario}.txt"
    results = asyncio.run(measure(Path(args.db), args.doc, args.samples,
                                  args.scenario == "analysing", out))
    print(json.dumps(results), flush=True)
    os._exit(0)  # do not wait for worker threads still blocked on the analysis service


def build(folder: Path) -> dict[str, Any]:
    """The database: the 1 MB article cached, and a variant of it with no cached analysis."""
    from benchmarks.articles import big_article, highlight_count, make_db

    big = big_article()
    cached = make_db(folder / "cached.db", [("big", "bench 1 MB", big)], claim_every=3)
    # another text (another hash), its entities stored with it as an import would
    make_db(folder / "analysing.db", [("big2", "bench 1 MB, not analysed", big_article(seed=8))],
            cached=False, stored_entities=True, claim_every=3)
    return {"chars": len(big), "highlights_expected": highlight_count(cached["big"])}


def main() -> None:
    """Run each scenario in a child process, print the table, write results/app_keys.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=120, help="key presses per key kind")
    parser.add_argument("--quick", action="store_true", help="30 presses per key kind")
    parser.add_argument("--profile", action="store_true",
                        help=f"profile each scenario with pyinstrument into {PROFILES}")
    parser.add_argument("--only", choices=["cached", "analysing"], action="append")
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--doc", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        child(args)
        return
    samples = 30 if args.quick else args.samples
    results: dict[str, Any] = {"load_before": [round(x, 2) for x in os.getloadavg()],
                               "terminal_size": list(SIZE), "gap_ms": GAP * 1000}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results["article"] = build(folder)
        for scenario, doc in (("cached", "big"), ("analysing", "big2")):
            if args.only and scenario not in args.only:
                continue
            # fewer keys while analysing: all of them must come before the analysis ends
            n = samples if scenario == "cached" else min(samples, 60)
            cmd = [sys.executable, __file__, "--scenario", scenario, "--db",
                   str(folder / f"{scenario}.db"), "--doc", doc, "--samples", str(n)]
            if args.profile:
                cmd.append("--profile")
            c0 = os.times()
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
            c1 = os.times()
            if proc.returncode != 0:
                sys.exit(f"app_keys {scenario} failed:\n{proc.stderr[-3000:]}")
            results[scenario] = json.loads(proc.stdout.strip().splitlines()[-1])
            results[scenario]["process_cpu_s"] = round(
                (c1.children_user + c1.children_system) - (c0.children_user + c0.children_system), 2)
    results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    for scenario in ("cached", "analysing"):
        if scenario not in results:
            continue
        r = results[scenario]
        doc = r["document"]
        print(f"{scenario}: {doc['chars']:,} chars, {doc['highlights']:,} highlights, "
              f"{doc['annotations']:,} annotations, {doc['lines']:,} lines at {SIZE[0]}x{SIZE[1]}")
        print(f"  {'key':28} {'n':>4} {'median':>7} {'p90':>7} {'p99':>7} {'max':>7}"
              f" | {'cpu med':>7} {'last fr':>7}  (ms)")
        for name, row in r["keys"].items():
            if not row["n"]:
                print(f"  {name:28}    0")
                continue
            print(f"  {name:28} {row['n']:>4} {row['median_ms']:>7.2f} {row['p90_ms']:>7.2f} "
                  f"{row['p99_ms']:>7.2f} {row['max_ms']:>7.2f} | {row['cpu_median_ms']:>7.2f} "
                  f"{row['last_frame_median_ms']:>7.2f}"
                  + (f"  ({row['no_frame']} without a frame)" if row["no_frame"] else ""))
        a = r["all_keys"]
        if a["n"]:
            print(f"  {'all keys':28} {a['n']:>4} {a['median_ms']:>7.2f} {a['p90_ms']:>7.2f} "
                  f"{a['p99_ms']:>7.2f} {a['max_ms']:>7.2f}")
        if scenario == "analysing":
            print(f"  analysis still running at the end: {r['analysis_still_running']}; "
                  f"keys skipped once it finished: {r['keys_skipped_after_analysis']}")
    print(f"load average before/after: {results['load_before']} / {results['load_after']}")
    print(f"wrote {write_result('app_keys', results)}")


if __name__ == "__main__":
    main()
