"""Real terminal (tmux): Enter on `redline annotate DOC` until the article is on screen.

Run: python benchmarks/tmux_open.py [--runs N] [--quick] [--only uncached]

A shell in a private tmux server (120x40) has the command typed in; the clock starts when
Enter is sent and `capture-pane` is polled every few ms until a phrase of the article's first
line is visible. Figures, each the median over several runs (one untimed warm-up run first,
which also writes the bytecode cache):

- cached 4 kB (the seed) and 1 MB articles, analysis cached in the database: until visible;
  the app's REDLINE_BENCH_TRACE lines (tui/trace.py) also give when the highlights were on
  screen and the process's CPU time by then; whether spaCy was imported (it must not be) is
  read from the memory maps of every process on the database (the app and its analysis
  service) once the highlights are shown, and from the app's own trace at exit;
- the seed (4 kB) and 20 kB and 1 MB articles with no cached analysis (a fresh copy of the
  database each run): Enter until the first screenful's entities and suggestions are on screen
  (the trace's "first-screen-shown", or "entities-shown fresh=1" for a text analysed whole at
  once), and, for 4 and 20 kB, until the whole analysis is (1 MB: about a minute, not waited
  for; analysis_big.py times it);
- for reference, a Textual app that shows one line of text, started the same way: what the
  framework itself costs on this machine before redline does anything.

The machine's own PYTHONDONTWRITEBYTECODE=1 would make every launch recompile redline's
modules; the runs use a bytecode cache under the temporary folder instead, as any ordinary
Python install does after the first run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.articles import big_article, highlight_count, make_db
from benchmarks.common import median, seed_text, write_result
from benchmarks.pyspy_report import report

REDLINE = str(Path(sys.executable).with_name("redline"))
SIZE = (120, 40)
POLL = 0.004
PYSPY = str(Path(sys.executable).with_name("py-spy"))
PROFILES = Path(__file__).resolve().parent / "results" / "profiles"


class Terminal:
    """A private tmux server with one shell window, 120x40."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.socket = str(folder / "tmux.sock")
        self.target = "bench:0"
        args: list[str] = []
        for key, value in env.items():
            args += ["-e", f"{key}={value}"]
        self.tmux("new-session", "-d", "-s", "bench", "-x", str(SIZE[0]), "-y", str(SIZE[1]),
                  *args, "env", "-u", "PYTHONDONTWRITEBYTECODE", "bash", "--norc", "--noprofile")
        self.tmux("set-option", "-g", "remain-on-exit", "off")
        self.wait_prompt()

    def tmux(self, *args: str) -> str:
        """Run one tmux command on this server."""
        proc = subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True, timeout=30)
        if proc.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {proc.stderr.strip()}")
        return proc.stdout

    def screen(self) -> str:
        """The visible text."""
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def type(self, text: str) -> None:
        """Type text literally (no Enter)."""
        self.tmux("send-keys", "-t", self.target, "-l", text)

    def key(self, *keys: str) -> None:
        """Press keys by tmux name ('Enter', 'C-q')."""
        self.tmux("send-keys", "-t", self.target, *keys)

    def wait_prompt(self, timeout: float = 30) -> None:
        """Wait until the shell's prompt is back on an otherwise clear screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.key("C-l")
            time.sleep(0.1)
            if self.screen().strip() == "$":
                return
        raise RuntimeError(f"the shell prompt never came back:\n{self.screen()}")

    def close(self) -> None:
        """Stop the server."""
        with contextlib.suppress(RuntimeError):
            self.tmux("kill-server")


def read_trace(path: Path) -> list[dict[str, Any]]:
    """The trace lines written by tui/trace.py."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        event, wall, cpu, spacy, heavy, *detail = line.split(" ")
        out.append({"event": event, "wall": float(wall), "cpu": float(cpu),
                    "spacy": spacy == "1", "sqlite_utils": heavy == "1",
                    "detail": " ".join(detail)})
    return out


def wait_trace(path: Path, event: str, detail: str = "", timeout: float = 60) -> dict[str, Any]:
    """The first trace line of `event` (whose detail contains `detail`), waiting for it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for row in read_trace(path):
            if row["event"] == event and detail in row["detail"]:
                return row
        time.sleep(0.01)
    lines = path.read_text(encoding="utf-8") if path.exists() else "(no file)"
    raise RuntimeError(f"no {event} {detail} in the trace {path}:\n{lines}")


def spacy_loaded(db: Path) -> bool:
    """Whether any process working on `db` (the app, its analysis service) has spaCy loaded:
    its compiled modules show in the process's memory map once `import spacy` ran."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if str(db).encode() not in (proc / "cmdline").read_bytes():
                continue
            if "/spacy/" in (proc / "maps").read_text():
                return True
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return False


def first_screen(path: Path, timeout: float = 120) -> dict[str, Any]:
    """The trace line of the first screenful's suggestions shown: the provisional first part
    of a long text, or the whole analysis of a short one, whichever came first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for row in read_trace(path):
            if row["event"] == "first-screen-shown" or (
                    row["event"] == "entities-shown" and "fresh=1" in row["detail"]):
                return row
        time.sleep(0.01)
    raise RuntimeError(f"no first screenful in the trace {path}")


def open_once(term: Terminal, db: Path, doc: str, phrase: str, trace: Path, *,
              fresh: bool = False, profile: Path | None = None,
              final: bool = True) -> dict[str, Any]:
    """Launch, time until `phrase` is visible and until highlights are shown, quit."""
    trace.unlink(missing_ok=True)
    # py-spy samples from outside, only the thread holding the GIL (Python work, not waits), but
    # profiled runs are still not timed runs
    prefix = (f"{PYSPY} record --gil -r 1000 -f raw -o {profile} -- " if profile else "")
    term.type(f"REDLINE_BENCH_TRACE={trace} {prefix}{REDLINE} --db {db} annotate {doc}")
    time.sleep(0.2)
    assert phrase not in term.screen()
    enter = time.time()
    term.key("Enter")
    deadline = time.monotonic() + 60
    visible = None
    polls = 0
    while time.monotonic() < deadline:
        polls += 1
        if phrase in term.screen():
            visible = time.time()
            break
        time.sleep(POLL)
    if visible is None:
        raise RuntimeError(f"{phrase!r} never appeared:\n{term.screen()}")
    first = first_screen(trace) if fresh else None
    shown = (wait_trace(trace, "entities-shown", "fresh=1" if fresh else "fresh=0", timeout=600)
             if final or first is None else first)
    text = wait_trace(trace, "text-shown")
    spacy_anywhere = spacy_loaded(db)
    term.key("C-q")
    done = wait_trace(trace, "exit")
    term.wait_prompt()
    return {"visible_ms": (visible - enter) * 1000,
            "text_shown_ms": (text["wall"] - enter) * 1000,
            "entities_shown_ms": (shown["wall"] - enter) * 1000 if final else None,
            "first_screen_ms": (first["wall"] - enter) * 1000 if first else None,
            "cpu_at_first_screen_ms": first["cpu"] * 1000 if first else None,
            "cpu_at_text_ms": text["cpu"] * 1000, "cpu_at_entities_ms": shown["cpu"] * 1000,
            "spacy_imported": done["spacy"] or spacy_anywhere, "spacy_in_app": done["spacy"],
            "sqlite_utils_at_text": text["sqlite_utils"], "sqlite_utils_in_app": done["sqlite_utils"],
            "polls": polls, "detail": shown["detail"]}


FLOOR_APP = """
import time
from textual.app import App
from textual.widgets import Static

class Floor(App[None]):
    def compose(self):
        yield Static(PHRASE)

    def on_mount(self):
        self.call_after_refresh(self.shown)

    def shown(self):
        with open(TRACE, "a") as f:
            f.write(f"text-shown {time.time():.6f} {time.process_time():.6f} 0 0\\n")

Floor().run()
"""


def floor_once(term: Terminal, script: Path, trace: Path, phrase: str) -> dict[str, Any]:
    """Enter -> phrase visible for a one-Static Textual app: the framework's own start."""
    trace.unlink(missing_ok=True)
    term.type(f"{sys.executable} {script}")
    time.sleep(0.2)
    enter = time.time()
    term.key("Enter")
    deadline = time.monotonic() + 60
    while phrase not in term.screen():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the floor app never showed its text:\n{term.screen()}")
        time.sleep(POLL)
    visible = time.time()
    shown = wait_trace(trace, "text-shown")
    term.key("C-q")
    term.wait_prompt()
    return {"visible_ms": (visible - enter) * 1000, "cpu_at_text_ms": shown["cpu"] * 1000}


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of each timing over the runs, and every run's figures."""
    keys = ("visible_ms", "text_shown_ms", "entities_shown_ms", "cpu_at_text_ms",
            "cpu_at_entities_ms", "first_screen_ms", "cpu_at_first_screen_ms")
    out: dict[str, Any] = {k: round(median([r[k] for r in runs]), 1) for k in keys
                           if all(r.get(k) is not None for r in runs)}
    out["spacy_imported_runs"] = sum(r["spacy_imported"] for r in runs)
    out["runs"] = [{k: (round(v, 1) if isinstance(v, float) else v) for k, v in r.items()}
                   for r in runs]
    return out


def run(runs: int, profile: bool = False, only: str = "") -> dict[str, Any]:
    """Every figure of this script (`only="uncached"`: the never-analysed opens alone)."""
    results: dict[str, Any] = {"load_before": [round(x, 2) for x in os.getloadavg()]}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed, big = seed_text(), big_article()
        records = make_db(folder / "cached.db", [("seed", "bench seed", seed),
                                                 ("big", "bench 1 MB", big)], claim_every=3)
        make_db(folder / "uncached.db", [("seed", "bench seed", seed)], cached=False)
        results["articles"] = {k: {"chars": len(seed if k == "seed" else big),
                                   "highlights": highlight_count(r)} for k, r in records.items()}
        env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "PS1": "$ ",
               "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        term = Terminal(folder, env)
        trace = folder / "trace.txt"
        try:
            phrases = {"seed": " ".join(seed.split()[:3]), "big": big.split("\n", 1)[0]}
            for doc in ("seed", "big") if only != "uncached" else ():
                open_once(term, folder / "cached.db", doc, phrases[doc], trace)  # warm-up
                results[f"cached_{doc}"] = summarise(
                    [open_once(term, folder / "cached.db", doc, phrases[doc], trace)
                     for _ in range(runs)])
            if profile and only != "uncached":
                PROFILES.mkdir(parents=True, exist_ok=True)
                shutil.copy(folder / "uncached.db", folder / "profiled.db")
                for name, db, doc in (("cached_seed", "cached.db", "seed"),
                                      ("cached_big", "cached.db", "big"),
                                      ("uncached_seed", "profiled.db", "seed")):
                    raw = PROFILES / f"open_{name}.raw"  # kept out of git (see .gitignore)
                    open_once(term, folder / db, doc, phrases[doc], trace, profile=raw,
                              fresh=name.startswith("un"))
                    time.sleep(1)  # py-spy writes its file after the app exits
                    (PROFILES / f"open_{name}.txt").write_text(report(raw), encoding="utf-8")
            # the same measure for a Textual app showing one line of text: what the framework
            # itself costs to start on this machine
            script = folder / "floor.py"
            script.write_text(f"PHRASE = {phrases['big']!r}\nTRACE = {str(trace)!r}\n"
                              + FLOOR_APP, encoding="utf-8")
            floor = [floor_once(term, script, trace, phrases["big"])
                     for _ in range(runs + 1 if only != "uncached" else 0)][1:]
            results["textual_floor"] = {} if not floor else {
                "visible_ms": round(median([f["visible_ms"] for f in floor]), 1),
                "cpu_at_text_ms": round(median([f["cpu_at_text_ms"] for f in floor]), 1),
                "runs": [{k: round(v, 1) for k, v in f.items()} for f in floor]}
            uncached = []
            for r in range(runs + 1):
                db = folder / f"uncached{r}.db"
                shutil.copy(folder / "uncached.db", db)
                got = open_once(term, db, "seed", phrases["seed"], trace, fresh=True)
                if r:  # the first run loads spaCy's files from disk into the page cache
                    uncached.append(got)
            results["uncached_seed"] = summarise(uncached)
            # longer articles never analysed (issue 16): the first screenful comes first
            for name, size, count, final in (("uncached_20k", 20_000, runs, True),
                                              ("uncached_1mb", 1_000_000, max(2, runs // 2),
                                               False)):
                text = big_article(size)
                make_db(folder / f"{name}.db", [("long", f"bench {name}", text)], cached=False)
                phrase = text.split("\n", 1)[0]
                timed: list[dict[str, Any]] = []
                for r in range(count + 1):
                    copy = folder / f"{name}_{r}.db"
                    shutil.copy(folder / f"{name}.db", copy)
                    one = open_once(term, copy, "long", phrase, trace, fresh=True, final=final)
                    if r:  # the first run reads this database's pages into the page cache
                        timed.append(one)
                    copy.unlink()
                results[name] = {"chars": len(text), **summarise(timed)}
        finally:
            term.close()
    results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return results


def main() -> None:
    """Print the figures and write benchmarks/results/tmux_open.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 runs")
    parser.add_argument("--profile", action="store_true",
                        help=f"also profile one run of each with py-spy, into {PROFILES}")
    parser.add_argument("--only", choices=["uncached"], default="",
                        help="only the opens of never-analysed articles (4 kB, 20 kB, 1 MB)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux_open: tmux is not installed")
    results = run(3 if args.quick else args.runs, args.profile, args.only)
    floor = results["textual_floor"]
    if floor:
        print(f"{'textual floor':14} visible {floor['visible_ms']:7.1f} ms  (CPU "
              f"{floor['cpu_at_text_ms']:6.0f} ms): a one-Static Textual app, started the same way")
    for name in ("cached_seed", "cached_big", "uncached_seed"):
        if name not in results:
            continue
        r = results[name]
        print(f"{name:14} visible {r['visible_ms']:7.1f} ms  text shown {r['text_shown_ms']:7.1f} ms"
              f"  highlights shown {r['entities_shown_ms']:7.1f} ms  (CPU {r['cpu_at_entities_ms']:6.0f}"
              f" ms)  spaCy imported in {r['spacy_imported_runs']}/{len(r['runs'])} runs")
    for name in ("uncached_seed", "uncached_20k", "uncached_1mb"):
        r = results[name]
        whole = (f"  whole analysis shown {r['entities_shown_ms']:7.1f} ms"
                 if "entities_shown_ms" in r else "")
        print(f"{name:14} text shown {r['text_shown_ms']:7.1f} ms  first screenful's entities and "
              f"suggestions {r['first_screen_ms']:7.1f} ms (app CPU "
              f"{r['cpu_at_first_screen_ms']:5.0f} ms){whole}")
    print(f"load average before/after: {results['load_before']} / {results['load_after']}")
    # a partial run must not replace the full run's figures (benchmarks/run.py reads those)
    print(f"wrote {write_result('tmux_open' + (f'_{args.only}' if args.only else ''), results)}")


if __name__ == "__main__":
    main()
