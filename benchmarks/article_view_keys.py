"""Key -> frame latency of ArticleView on a 1 MB article with 30,000 highlights.

Run: /work/venv/bin/python benchmarks/article_view_keys.py [--samples N] [--profile]

Each key event is handed to the app's driver queue (as a terminal would) and timed from that
moment to the end of the next frame the screen produces. The app runs headless, where Textual
skips the terminal write, so the instrumented `App._display` encodes the frame into the
terminal escape sequence itself (the work a real terminal write does) before stamping the
time. Keys are spaced 40 ms apart (a fast key repeat) so that Textual's 60 fps frame pacing
does not add its own wait to the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events
from textual.app import App, ComposeResult

from tui.widgets.article_layout import TOKEN_RE
from tui.widgets.article_view import ArticleView, Highlight

RESULT = Path(__file__).resolve().parent / "results" / "article_view_keys.json"
SIZE = (120, 40)
GAP = 0.040

PARAGRAPHS = [
    "“We will not back down,” said Masoud Pezeshkian, the president of Iran, on Tuesday. "
    "He insisted that the talks in Geneva would continue “for as long as it takes.”",
    "According to officials at the United Nations, the so-called “maximum pressure” campaign "
    "had failed. Critics disagreed, and the debate went on for weeks — well into March.",
    "The European Commission’s spokesperson, Anna-Maria Lopez, told reporters: ‘It is too "
    "early to say.’ She added that Brussels would wait for the inspectors’ report.",
    "Prices rose 3.4% in the year to June, the Office for National Statistics said. "
    "Economists had expected a smaller rise; some blamed energy costs, others wages.",
    "In Tokyo, 東京都 officials announced new measures 🚀 to curb the spread, while "
    "authorities in 北京 remained silent. “No comment,” a spokesman said.",
    "Mr. Smith, 54, who has led the union since 2019, said the strike was “a last resort” "
    "and that members had voted overwhelmingly for it. The company declined to comment.",
    "Analysts at Goldman Sachs wrote in a note that the central bank was likely to hold "
    "rates steady, citing weak growth in Germany, France and Italy.",
]
KINDS = ["entity:PERSON", "entity:ORG", "entity:GPE", "entity:NORP", "entity:DATE"]


def make_article(size: int = 1_000_000, seed: int = 7) -> str:
    """About `size` characters of varied paragraphs."""
    rnd = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        para = " ".join(rnd.choice(PARAGRAPHS) for _ in range(rnd.randint(1, 4)))
        parts.append(para)
        total += len(para) + 1
    return "\n".join(parts)


def make_highlights(text: str, count: int = 30_000, seed: int = 7) -> list[Highlight]:
    """Entities on words, plus overlapping quotes, claims, attributions and suggestions."""
    rnd = random.Random(seed)
    tokens = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    out: list[Highlight] = []
    while len(out) < count:
        i = rnd.randrange(len(tokens) - 40)
        roll = rnd.random()
        if roll < 0.6:
            j = i + rnd.randint(0, 2)
            out.append(Highlight(tokens[i][0], tokens[j][1], rnd.choice(KINDS)))
        elif roll < 0.8:
            j = i + rnd.randint(5, 30)
            out.append(Highlight(tokens[i][0], tokens[j][1], "quote"))
            out.append(Highlight(tokens[i][0], tokens[j][1], "suggestion"))
        else:
            j = i + rnd.randint(3, 40)
            kind = rnd.choice(["claim", "stance", "attribution", "search", "quote:scare"])
            out.append(Highlight(tokens[i][0], tokens[j][1], kind))
    return out[:count]


class BenchApp(App[None]):
    """One ArticleView filling the screen, with frame timestamps."""

    def __init__(self) -> None:
        super().__init__()
        self.frames: list[float] = []
        self.frame_cpu: list[float] = []
        self.frame_event = asyncio.Event()

    def compose(self) -> ComposeResult:
        yield ArticleView()

    def _display(self, screen: Any, renderable: Any) -> None:
        super()._display(screen, renderable)
        if renderable is None:
            return
        # Headless Textual skips the write: do the encoding a terminal write would do.
        if hasattr(renderable, "render_segments"):
            renderable.render_segments(self.console)
        self.frame_cpu.append(time.process_time())
        self.frames.append(time.perf_counter())
        self.frame_event.set()


async def next_frame(app: BenchApp, after: float, timeout: float = 2.0) -> float | None:
    """Time of the first frame written after `after` (None if none comes)."""
    deadline = time.perf_counter() + timeout
    while True:
        for t in app.frames:
            if t > after:
                return t
        app.frame_event.clear()
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return None
        try:
            await asyncio.wait_for(app.frame_event.wait(), remaining)
        except asyncio.TimeoutError:
            return None


async def press(app: BenchApp, key: str, character: str | None) -> tuple[float, float] | None:
    """(wall ms, CPU ms) from handing one key to the driver to the frame that shows it.

    CPU time is the process's, so it is immune to other programs competing for the cores
    (wall time is what the user sees; CPU time is what the code costs)."""
    await asyncio.sleep(GAP)
    app.frames.clear()
    app.frame_cpu.clear()
    event = events.Key(key, character)
    event.set_sender(app)
    c0 = time.process_time()
    t0 = time.perf_counter()
    assert app._driver is not None
    app._driver.send_message(event)
    t1 = await next_frame(app, t0)
    if t1 is None:
        return None
    return (t1 - t0) * 1000, (app.frame_cpu[app.frames.index(t1)] - c0) * 1000


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


def summary(values: list[float]) -> dict[str, float]:
    """Median, p90, p99 and max in ms."""
    ordered = sorted(values)

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]

    return {
        "n": len(values),
        "median_ms": round(statistics.median(ordered), 3),
        "p90_ms": round(pct(90), 3),
        "p99_ms": round(pct(99), 3),
        "max_ms": round(ordered[-1], 3),
    }


async def run(samples: int) -> dict[str, Any]:
    """Load the article, then time each scenario's keys."""
    text = make_article()
    highlights = make_highlights(text)
    app = BenchApp()
    results: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.pause()
        wrapped = asyncio.Event()
        original = view.post_message

        def spy(message: Any) -> bool:
            if isinstance(message, ArticleView.Wrapped):
                wrapped.set()
            return original(message)

        view.post_message = spy  # type: ignore[method-assign]
        await asyncio.sleep(0.1)
        app.frames.clear()
        t0 = time.perf_counter()
        view.set_document(text, highlights)
        t_set = time.perf_counter()
        t_frame = await next_frame(app, t0)
        await asyncio.wait_for(wrapped.wait(), 30)
        t_wrapped = time.perf_counter()
        results["document"] = {
            "chars": len(text),
            "highlights": len(highlights),
            "lines": view.line_count,
            "set_document_ms": round((t_set - t0) * 1000, 3),
            "first_screen_ms": round(((t_frame or t_set) - t0) * 1000, 3),
            "fully_wrapped_ms": round((t_wrapped - t0) * 1000, 3),
        }
        await asyncio.sleep(0.2)
        t0 = time.perf_counter()
        view.set_highlights(highlights)
        t_frame = await next_frame(app, t0)
        results["document"]["set_highlights_frame_ms"] = round(((t_frame or t0) - t0) * 1000, 3)

        keys: dict[str, Any] = {}
        for name, key, char in SCENARIOS:
            view.move_to(0 if key == "pagedown" else len(text) // 3)
            view.clear_selection()
            await asyncio.sleep(0.1)
            values: list[float] = []
            cpu: list[float] = []
            missed = 0
            for _ in range(samples):
                timing = await press(app, key, char)
                if timing is None:
                    missed += 1
                else:
                    values.append(timing[0])
                    cpu.append(timing[1])
            keys[name] = {
                **summary(values),
                "cpu_median_ms": round(statistics.median(cpu), 3) if cpu else None,
                "cpu_p90_ms": summary(cpu)["p90_ms"] if cpu else None,
                "no_frame": missed,
            }
        results["keys"] = keys
    return results


def main() -> None:
    """Run the benchmark, print a table and write the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200, help="key presses per scenario")
    parser.add_argument("--profile", action="store_true", help="profile with pyinstrument")
    args = parser.parse_args()
    load_before = [round(x, 2) for x in os.getloadavg()]
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(async_mode="enabled")
        profiler.start()
        results = asyncio.run(run(args.samples))
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    else:
        results = asyncio.run(run(args.samples))
    results["load_before"] = load_before
    results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    doc = results["document"]
    print(
        f"document: {doc['chars']:,} chars, {doc['highlights']:,} highlights, "
        f"{doc['lines']:,} lines at {SIZE[0]}x{SIZE[1]}"
    )
    print(
        f"set_document {doc['set_document_ms']:.1f} ms, first screen {doc['first_screen_ms']:.1f}"
        f" ms, fully wrapped {doc['fully_wrapped_ms']:.1f} ms, set_highlights -> frame "
        f"{doc['set_highlights_frame_ms']:.1f} ms"
    )
    print(
        f"{'key':28} {'n':>4} {'median':>7} {'p90':>7} {'p99':>7} {'max':>7}"
        f" | {'cpu med':>7} {'cpu p90':>7}  (ms)"
    )
    for name, row in results["keys"].items():
        print(
            f"{name:28} {row['n']:>4} {row['median_ms']:>7.2f} {row['p90_ms']:>7.2f} "
            f"{row['p99_ms']:>7.2f} {row['max_ms']:>7.2f} | {row['cpu_median_ms']:>7.2f} "
            f"{row['cpu_p90_ms']:>7.2f}"
            + (f"  ({row['no_frame']} without a frame)" if row["no_frame"] else "")
        )
    print(f"load average before/after: {results['load_before']} / {results['load_after']}")
    results["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    results["terminal_size"] = list(SIZE)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULT}")


if __name__ == "__main__":
    main()
