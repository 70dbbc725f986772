"""One long text parsed on two processes: the same pieces, joined in order, give the same record
as one process does, the workers really parse them, and the time budget still stops the text.

No test here times anything."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from test_nlp_pieces import ARTICLE, _big, _pipeline, _spans_slice

from annotations.nlp import pieces
from annotations.nlp.analyze import analyze_texts
from annotations.nlp.pipeline import Pipeline

_PIDS_FILE: list[Path] = []  # set before the workers fork, so they inherit it


@Language.component("redline_test_pids")
def _pids(doc: Any) -> Any:
    """Note which process parsed each piece (a file: the workers are other processes)."""
    with _PIDS_FILE[0].open("a", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {len(doc.text)}\n")
    return doc


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of 2,000 characters, and parallel parsing from 10,000."""
    monkeypatch.setattr(pieces, "CHUNK_CHARS", 2000)
    monkeypatch.setattr(pieces, "PARALLEL_CHARS", 10_000)


def test_a_long_text_on_two_processes_equals_its_analysis_on_one(
        small_pieces: None, tmp_path: Path) -> None:
    text = _big(60)  # ~20 kB: about ten pieces
    p = _pipeline()
    p.nlp.add_pipe("redline_test_pids", last=True)
    _PIDS_FILE[:] = [tmp_path / "pids.txt"]
    items = [("short", ARTICLE), ("long", text), ("after", ARTICLE)]
    one = list(analyze_texts(p, items))
    _PIDS_FILE[0].unlink()
    two = list(analyze_texts(Pipeline(p.nlp, p.model_id, True, None, processes=2), items))
    assert two == one
    assert [r["id"] for r in two] == ["short", "long", "after"]
    assert two[1]["entities"] and two[1]["quotes"] and two[1]["attributions"]
    _spans_slice(two[1], text)
    parsed = [line.split() for line in _PIDS_FILE[0].read_text().splitlines()]
    workers = {int(pid) for pid, _ in parsed} - {os.getpid()}
    assert len(workers) == 2  # the long text's pieces went to two other processes
    by_worker = sum(int(n) for pid, n in parsed if int(pid) != os.getpid())
    assert by_worker == len(text)  # all of it, and the short texts stayed here
    assert sorted(int(n) for pid, n in parsed if int(pid) == os.getpid()) == [len(ARTICLE)] * 2


def test_a_long_text_on_two_processes_still_stops_over_its_budget(small_pieces: None) -> None:
    p = _pipeline()
    long = _big(60)
    out = list(pieces.parse_texts(p.nlp, [("big", long), ("s", ARTICLE)], processes=2,
                                  budget=lambda chars: -1.0))
    slow = out[0][1]
    assert isinstance(slow, pieces.TooSlow) and slow.chars == len(long)
    short = out[1][1]
    assert not isinstance(short, pieces.Unparsed) and short.text == ARTICLE


def test_the_trained_model_on_two_processes_gives_the_same_record(
        model: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "CHUNK_CHARS", 1500)
    monkeypatch.setattr(pieces, "PARALLEL_CHARS", 5000)
    text = _big(20)  # ~7 kB: five pieces
    (one,) = analyze_texts(model, [("x", text)])
    (two,) = analyze_texts(Pipeline(model.nlp, model.model_id, True, None, processes=2),
                           [("x", text)])
    assert two == one
    assert any(e["label"] == "PERSON" for e in two["entities"]) and two["attributions"]
