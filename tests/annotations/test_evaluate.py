"""`redline eval` scores quote suggestions against gold, on gold cases written here."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotations.evaluate import misses, score
from tui.cli import main

GOLD = [{"text": '"We will win," Ana Lima said. The "reform" failed.',
         "quotes": [{"start": 1, "end": 13, "speaker": "Ana Lima", "speaker_span": [15, 23],
                     "cue": "said", "speaker_resolved": "Ana Lima"}]}]


def test_score_counts_matches_speakers_and_false_positives() -> None:
    right = [{"quotes": [{"start": 1, "end": 13, "speech": True, "speaker": "Lima", "cue": "said",
                          "speaker_resolved": "Ana Lima"},
                         {"start": 34, "end": 40, "speech": True}]}]
    s = score(GOLD, right, 0.8)
    assert (s["precision"], s["recall"], s["speaker_acc"], s["resolved_speaker_acc"]) == (0.5, 1.0, 1.0, 1.0)
    assert s["f1"] == 0.667 and s["quote_speaker_f1"] == 0.667
    wrong = [{"quotes": [{"start": 1, "end": 6, "speech": True, "speaker": "Bob"}]}]
    assert score(GOLD, wrong, 0.3)["speaker_acc"] == 0.0
    assert score(GOLD, wrong, 0.8)["recall"] == 0.0  # 5 of 12 characters is under 0.8
    assert misses(GOLD, wrong, 0.8) == ["case 0: missed “We will win,”"]


def test_eval_command_prints_three_thresholds(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x["threshold"] for x in lines] == [0.3, 0.8, 1.0]
    assert lines[1]["recall"] == 1.0 and lines[1]["precision"] == 1.0  # the scare quote is not speech
