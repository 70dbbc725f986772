"""Stand-in runner: `python -m annotations.nlp [--model NAME] < in.jsonl` prints records."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

from annotations.errors import RedlineError

from .analyze import analyze_texts
from .pipeline import load_pipeline


def _items(lines: list[str]) -> Iterator[tuple[str, str]]:
    """JSONL objects with "text" (and "id"), or the whole input as one plain-text document."""
    stripped = [line for line in lines if line.strip()]
    if stripped and all(line.lstrip().startswith("{") for line in stripped):
        for n, line in enumerate(stripped, 1):
            obj = json.loads(line)
            yield str(obj.get("id", n)), str(obj.get("text", ""))
    else:
        yield "stdin", "".join(lines)


def main(argv: list[str]) -> int:
    """Analyse stdin and print one JSON record per document."""
    model = argv[argv.index("--model") + 1] if "--model" in argv[:-1] else None
    try:
        pipeline = load_pipeline(model)
    except RedlineError as exc:
        print(f"redline: {exc.one_line()}", file=sys.stderr)
        return 2
    if pipeline.warning:
        print(f"redline: {pipeline.warning}", file=sys.stderr)
    lines = sys.stdin.read().splitlines(keepends=True)
    for record in analyze_texts(pipeline, _items(lines)):
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
