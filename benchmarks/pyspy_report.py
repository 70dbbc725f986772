"""Summarise py-spy's raw (collapsed) stacks as a text report: CPU share of each function,
inclusive and self, so a profile reads like pyinstrument's but counts only busy samples.

Run: python benchmarks/pyspy_report.py RAW [--top N] [--under FUNCTION]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"^(?P<name>.*?) \((?P<file>[^()]*?)(?::\d+)?\)$")


def frames(stack: str) -> list[str]:
    """A collapsed stack's frames as 'function (file)' without line numbers, root first."""
    out = []
    for part in stack.split(";"):
        m = _FRAME.match(part.strip())
        name = f"{m['name']} ({short(m['file'])})" if m else part.strip()
        out.append(name)
    return out


def short(path: str) -> str:
    """A file path from site-packages or the repository, shortened."""
    for marker in ("site-packages/", "/work/main/", "lib/python3.11/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def report(raw: Path, top: int = 60, under: str = "") -> str:
    """The text report of one raw py-spy file (optionally only stacks through `under`)."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        names = frames(stack)
        if under:
            hits = [i for i, n in enumerate(names) if under in n]
            if not hits:
                continue
            names = names[hits[0]:]
        n = int(count)
        total += n
        for name in set(names):
            inclusive[name] += n
        own[names[-1]] += n
    lines = [f"{raw.name}: {total} busy samples" + (f" under {under}" if under else ""),
             "", f"{'incl %':>7} {'self %':>7}  function (file)"]
    for name, n in inclusive.most_common(top):
        lines.append(f"{100 * n / total:7.1f} {100 * own[name] / total:7.1f}  {name}")
    lines += ["", "top self time:"]
    for name, n in own.most_common(top // 2):
        lines.append(f"{100 * n / total:7.1f}  {name}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Print the report of one raw file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--under", default="")
    args = parser.parse_args()
    print(report(args.raw, args.top, args.under), end="")


if __name__ == "__main__":
    main()
