"""`redline eval` on a file that holds no gold: one line and exit 2, not a table of zeros.

Before, an empty file or a redline export given as GOLD printed precision, recall and F1 of 0.0
with exit code 0, which reads as rules that find nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli


@pytest.mark.parametrize(("lines", "says"), [
    ([], "holds no gold cases"),
    ([{"id": "a1", "text": 'Mr. Obama said, "It is fine."', "annotations": []}],
     'no line has "quotes"'),
])
def test_a_file_without_gold_is_one_error_line(tmp_path: Path, lines: list[dict[str, object]],
                                               says: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    run = run_cli(None, "eval", str(gold))
    assert run.code == 2 and not run.has_traceback, run.stderr
    assert run.stdout == ""
    assert len(run.errors) == 1 and str(gold) in run.errors[0] and says in run.errors[0]
