"""Scoring of mixed and indirect attributions (gold `other_attributions`) and `redline eval`'s lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from annotations.evaluate import other_misses, score_other, speech_cue
from tui.cli import main

TEXT = ("Mayor Ida Holm said the levy was “a tax on hope”. Schools, she said, were full. "
        "Many parents believe the plan will fail.")


def _span(sub: str, text: str = TEXT) -> list[int]:
    i = text.index(sub)
    return [i, i + len(sub)]


GOLD: list[dict[str, Any]] = [{
    "text": TEXT, "quotes": [],
    "other_attributions": [
        {"kind": "mixed", "content_spans": [_span("the levy was “a tax on hope”")],
         "speaker": "Ida Holm", "speaker_span": _span("Ida Holm"), "cue": "said"},
        {"kind": "indirect", "content_spans": [_span("Schools"), _span("were full")],
         "speaker": "she", "speaker_span": _span("she"), "cue": "said"},
        {"kind": "indirect", "content_spans": [_span("the plan will fail")],
         "speaker": "Many parents", "speaker_span": _span("Many parents"), "cue": "believe"},
    ]}]


def _attr(kind: str, spans: list[list[int]], source: str | None, speaker: str | None = None) -> dict[str, Any]:
    src = _span(source) if source else None
    return {"type": kind, "content_spans": spans, "source_text": source, "source_span": src,
            "speaker": speaker or source}


def test_content_must_cover_half_the_gold_and_matches_are_one_to_one() -> None:
    fragment = _span("“a tax on hope”")  # 15 of 28 characters: just over half
    pred = [{"attributions": [
        _attr("mixed", [fragment], "Mayor Ida Holm"),
        _attr("mixed", [_span("the levy was “a tax on hope”")], "Mayor Ida Holm"),  # one gold: one match
        _attr("indirect", [_span("were full")], "she", "Ida Holm"),  # 9 of 16 characters
    ]}]
    mixed = score_other(GOLD, pred, "mixed")
    assert (mixed["gold"], mixed["predicted"], mixed["precision"], mixed["recall"]) == (1, 2, 0.5, 1.0)
    assert mixed["source_acc"] == 1.0  # "Mayor Ida Holm" contains "Ida Holm"
    ind = score_other(GOLD, pred, "indirect")
    assert (ind["precision"], ind["recall"], ind["f1"]) == (1.0, 0.5, 0.667)
    assert ind["speech_cue_gold"] == 1 and ind["speech_cue_recall"] == 1.0  # "believe" is no speech cue
    short = [{"attributions": [_attr("indirect", [_span("full")], "she")]}]  # 4 of 16: under half
    assert score_other(GOLD, short, "indirect")["recall"] == 0.0


def test_kinds_are_scored_apart_and_sources_by_name_or_span() -> None:
    wrong_kind = [{"attributions": [_attr("indirect", [_span("the levy was “a tax on hope”")], "Mayor Ida Holm")]}]
    assert score_other(GOLD, wrong_kind, "mixed")["recall"] == 0.0
    by_span = [{"attributions": [_attr("mixed", [_span("the levy was “a tax on hope”")], "Mayor Ida")]}]
    assert score_other(GOLD, by_span, "mixed")["source_acc"] == 1.0  # no containment, but the spans overlap
    wrong = [{"attributions": [_attr("mixed", [_span("the levy was “a tax on hope”")], "Many parents")]}]
    assert score_other(GOLD, wrong, "mixed")["source_acc"] == 0.0
    assert "source 'Many parents', gold 'Ida Holm'" in other_misses(GOLD, wrong)[0]
    assert other_misses(GOLD, wrong)[1].startswith("case 0: missed indirect “Schools”")


def test_of_two_predictions_covering_the_gold_the_tighter_one_matches() -> None:
    whole = _span("Mayor Ida Holm said the levy was “a tax on hope”")  # an outer attribution's content
    pred = [{"attributions": [
        _attr("mixed", [whole], "Many parents"),
        _attr("mixed", [_span("the levy was “a tax on hope”")], "Mayor Ida Holm"),
    ]}]
    s = score_other(GOLD, pred, "mixed")
    assert (s["precision"], s["recall"], s["source_acc"]) == (0.5, 1.0, 1.0)
    assert not [line for line in other_misses(GOLD, pred) if "source" in line]


def test_speech_cues() -> None:
    assert speech_cue("said") and speech_cue("According to") and speech_cue("warned")
    assert not speech_cue("believe") and not speech_cue(None)


def test_eval_prints_mixed_and_indirect_lines_when_the_gold_has_them(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0], ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x.get("threshold") for x in lines[:3]] == [0.3, 0.8, 1.0]
    assert [x.get("kind") for x in lines[3:]] == ["mixed", "indirect"]
    assert lines[4]["gold"] == 3 - 1 and lines[3]["gold"] == 1


def test_eval_without_other_attributions_prints_direct_lines_only(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": TEXT, "quotes": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3


def test_a_malformed_gold_line_is_one_error_line_naming_it(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    bad = {"text": "abc", "quotes": [], "other_attributions": [{"kind": "mixed", "content_spans": [[0, 9]]}]}
    gold.write_text(json.dumps(GOLD[0], ensure_ascii=False) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"redline: error: {gold}:2: \"other_attributions\"")
    for line, said in (({"text": 3}, '"text" string'), ({"text": "ab", "quotes": [{"start": 0}]}, '"quotes"')):
        gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["eval", str(gold)])
        assert result.exit_code == 2 and said in result.output, result.output


def test_a_gold_file_that_is_not_utf8_is_one_error_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b"\xff\xfe{}")
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 2
    assert result.output == f"redline: error: {gold}: is not UTF-8 (at byte 0); give UTF-8 JSONL\n"


def test_show_errors_lists_missed_mixed_and_indirect_attributions(tmp_path: Path) -> None:
    case = json.loads(json.dumps(GOLD[0]))
    case["other_attributions"].append(  # content no rule reports: it must be listed as missed
        {"kind": "indirect", "content_spans": [_span("Mayor Ida Holm")], "speaker": "x", "cue": "said"})
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(case, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--show-errors"])
    assert result.exit_code == 0, result.output
    assert "case 0: missed indirect “Mayor Ida Holm”" in result.stderr
    assert "missed" not in result.stdout
