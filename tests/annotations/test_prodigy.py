"""Prodigy format: every field of the exported tasks, and reading Prodigy tasks back."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner

from annotations.errors import InputError
from annotations.formats import labels
from annotations.formats.registry import exporter
from annotations.importer import read_file
from annotations.models import Annotation
from annotations.store import Store
from tui.cli import main

try:
    from .corpus_fixtures import PLAIN, TEXT, build_corpus, span
except ImportError:
    from corpus_fixtures import PLAIN, TEXT, build_corpus, span


@functools.cache
def blank_tokenizer() -> Any:
    """spaCy's rule-based English tokenizer, built once for the module."""
    return spacy.blank("en").tokenizer


def export_tasks(store: Store, tmp_path: Path, name: str = "p.jsonl") -> list[dict[str, Any]]:
    out = tmp_path / name
    assert exporter("prodigy")(store, str(out), status=(), annotators=(), ids=()) >= 1
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_export_writes_every_prodigy_field(store: Store, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    ids = build_corpus(store)

    def no_trained_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("export must not load a trained pipeline")

    monkeypatch.setattr(spacy, "load", no_trained_model)
    tasks = export_tasks(store, tmp_path)
    assert [t["meta"]["doc_id"] for t in tasks] == ids
    task = tasks[0]
    assert task["text"] == TEXT
    assert task["answer"] == "accept"
    assert task["_view_id"] == "relations"
    for key in ("_input_hash", "_task_hash"):
        assert isinstance(task[key], int) and -(2**31) <= task[key] < 2**31
    # tokens: exactly spaCy's English tokenizer, offsets in code points (emoji count once)
    expected = [(t.text, t.idx, t.idx + len(t.text), t.i, bool(t.whitespace_))
                for t in blank_tokenizer()(TEXT)]
    assert [(t["text"], t["start"], t["end"], t["id"], t["ws"]) for t in task["tokens"]] == expected
    assert all(set(t) == {"text", "start", "end", "id", "ws"} for t in task["tokens"])
    assert any(t["text"] == "🚀" for t in task["tokens"])
    toks = task["tokens"]
    for s in task["spans"]:
        assert TEXT[s["start"]:s["end"]] == s["text"]
        ts, te = s["token_start"], s["token_end"]
        assert toks[ts]["start"] <= s["start"] < toks[ts]["end"] + (not toks[ts]["ws"])
        assert toks[te]["start"] < s["end"] <= toks[te]["end"]
    rocket = next(s for s in task["spans"] if s["text"] == "Wir 🚀 bleiben.")
    assert (rocket["start"], rocket["label"]) == (TEXT.index("Wir 🚀"), "CONTENT")
    assert {s["label"] for s in task["spans"]} == {
        "CLAIM", "STANCE", "HOLDER", "TARGET", "SOURCE", "CUE", "CONTENT"}
    by_key = {(s["start"], s["end"], s["label"]): s for s in task["spans"]}
    for r in task["relations"]:
        for side in ("head", "child"):
            ref = r[f"{side}_span"]
            full = by_key[(ref["start"], ref["end"], ref["label"])]
            assert ref == {k: full[k] for k in ("start", "end", "token_start", "token_end", "label")}
            assert r[side] == ref["token_end"]
    rels = {(r["head_span"]["label"], TEXT[r["head_span"]["start"]:r["head_span"]["end"]],
             r["label"], TEXT[r["child_span"]["start"]:r["child_span"]["end"]])
            for r in task["relations"]}
    assert rels == {
        ("HOLDER", "Ministerin Müller", "HOLDS", "Wir geben nicht nach 💪."),
        ("SOURCE", "Zoë Ñúñez", "SAYS", "Das ist falsch,"),
        ("SOURCE", "Zoë Ñúñez", "SAYS", "Wir 🚀 bleiben."),
        ("CUE", "erwiderte", "INTRODUCES", "Das ist falsch,"),
        ("CUE", "erwiderte", "INTRODUCES", "Wir 🚀 bleiben."),
        ("CONTENT", "Das ist falsch,", "CONTINUES", "Wir 🚀 bleiben."),
        ("HOLDER", "Critics", "HOLDS", "called it a “disaster”"),
        ("STANCE", "called it a “disaster”", "TOWARDS", "🌍 climate policy"),
    }
    meta = task["meta"]
    assert (meta["title"], meta["status"], meta["doc_meta"]) == ("Ünïcode 💬", "in progress",
                                                                 {"lang": "de", "n": 1})
    frames = {f["kind"] + ":" + f["annotator"]: f for f in meta["frames"]}
    assert frames["claim:alice"]["attrs"] == {"checkworthy": "no"}
    assert frames["claim:bob"]["attrs"] == {"checkworthy": "yes"}
    assert frames["stance:alice"]["attrs"] == {"polarity": "against",
                                              "target_text": "Zugeständnisse\tan alle"}
    assert frames["stance:bob"]["attrs"] == {"polarity": "favor"}
    assert tasks[1]["text"] == PLAIN and tasks[1]["meta"]["doc_id"] == "plain/1"
    assert tasks[2]["spans"] == [] and tasks[2]["relations"] == []


def test_hashes_are_stable_and_follow_the_annotations(store: Store, tmp_path: Path) -> None:
    ids = build_corpus(store)
    first = export_tasks(store, tmp_path, "1.jsonl")
    again = export_tasks(store, tmp_path, "2.jsonl")
    assert [(t["_input_hash"], t["_task_hash"]) for t in first] == [
        (t["_input_hash"], t["_task_hash"]) for t in again]
    assert len({t["_input_hash"] for t in first}) == 3
    store.add_annotation(Annotation(kind="claim", doc_id=ids[1],
                                    spans=[span("claim", "Nobody else spoke.", PLAIN)]))
    changed = export_tasks(store, tmp_path, "3.jsonl")
    assert changed[1]["_input_hash"] == first[1]["_input_hash"]
    assert changed[1]["_task_hash"] != first[1]["_task_hash"]


FOREIGN = "Ana Díaz 🎤 said “we will win” and “nobody stops us”. Ben disagreed."


def _foreign_task(**extra: Any) -> dict[str, Any]:
    toks = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i,
             "ws": bool(t.whitespace_)} for t in blank_tokenizer()(FOREIGN)]

    def at(needle: str, label: str) -> dict[str, Any]:
        s = FOREIGN.index(needle)
        return {"start": s, "end": s + len(needle), "label": label}

    spans = [at("Ana Díaz", "SPEAKER"), at("we will win", "QUOTE"), at("nobody stops us", "QUOTE"),
             at("Ben", "PERSON"), at("disagreed", "EVENT")]
    return {"text": FOREIGN, "tokens": toks, "spans": spans, "relations": [
        {"head_span": spans[0], "child_span": spans[1], "label": "SAYS"},
        {"head_span": spans[1], "child_span": spans[2], "label": "SAME_QUOTE"},
        {"head_span": spans[3], "child_span": spans[4], "label": "AGENT"}],
        "_input_hash": 1, "_task_hash": 2, "answer": "accept", "_annotator_id": "ds-ana", **extra}


def _read(tmp_path: Path, *objs: dict[str, Any], fmt: str | None = None) -> list[Any]:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs),
                    encoding="utf-8")
    return read_file(path, fmt=fmt)


def test_import_maps_labels_rebuilds_frames_and_reports_the_rest(tmp_path: Path) -> None:
    lm = labels.activate()
    (rec,) = _read(tmp_path, _foreign_task())
    assert rec.id is None and rec.text == FOREIGN
    first, second = rec.annotations
    assert first["kind"] == second["kind"] == "attribution"
    assert first["annotator"] == "ds-ana" and first["origin"] == "manual"
    assert [(s["role"], s["text"]) for s in first["spans"]] == [
        ("source", "Ana Díaz"), ("content", "we will win")]
    # SAME_QUOTE is no known link, so the second quote stands alone
    assert [(s["role"], s["text"]) for s in second["spans"]] == [("content", "nobody stops us")]
    assert lm.unmapped == {"span label 'PERSON'": 1, "span label 'EVENT'": 1,
                           "relation label 'SAME_QUOTE'": 1, "relation label 'AGENT'": 1}
    assert sorted(lm.report())[0] == "relation label 'AGENT' ×1"
    again = _read(tmp_path, _foreign_task())[0].annotations
    assert [a["id"] for a in again] == [a["id"] for a in rec.annotations]  # stable ids


def test_label_file_maps_what_the_default_cannot(tmp_path: Path) -> None:
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"spans": {"person": "stance.holder", "EVENT": "stance.stance "
                                          "polarity=against"},
                                "relations": {"SAME_QUOTE": "link", "AGENT": "link"}}))
    lm = labels.activate(path)
    (rec,) = _read(tmp_path, _foreign_task())
    got = {a["kind"]: a for a in rec.annotations}
    assert [s["text"] for s in got["attribution"]["spans"]] == [
        "Ana Díaz", "we will win", "nobody stops us"]
    assert got["stance"]["attrs"] == {"polarity": "against"}
    assert [(s["role"], s["text"]) for s in got["stance"]["spans"]] == [
        ("holder", "Ben"), ("stance", "disagreed")]
    assert not lm.unmapped


def test_rejected_tasks_and_token_only_spans(tmp_path: Path) -> None:
    lm = labels.activate()
    task = _foreign_task(answer="reject", _input_hash=5)
    (rec,) = _read(tmp_path, task)
    assert rec.annotations == [] and lm.unmapped == {"task answered 'reject' (its spans left out)": 1}
    token_only = _foreign_task()
    first = token_only["tokens"][0]
    token_only["spans"] = [{"token_start": 0, "token_end": 1, "label": "CLAIM"}]
    token_only["relations"] = []
    (rec,) = _read(tmp_path, token_only, fmt="prodigy")
    assert rec.annotations[0]["spans"][0]["text"] == "Ana Díaz" and first["text"] == "Ana"


@pytest.mark.parametrize("bad, message", [
    ({"start": 3, "end": 999, "label": "CLAIM"}, "lies outside the text"),
    ({"start": 0, "end": 3, "label": "CLAIM", "text": "Bob"}, "says 'Bob' but the text there is"),
    ({"start": "x", "end": 3, "label": "CLAIM"}, "is not an integer"),
])
def test_bad_spans_fail_the_file_with_its_line(tmp_path: Path, bad: dict[str, Any],
                                               message: str) -> None:
    task = _foreign_task(spans=[bad], relations=[])
    with pytest.raises(InputError) as e:
        _read(tmp_path, {"text": "fine"}, task)
    assert "in.jsonl:2:" in e.value.message and message in e.value.message


def test_malformed_redline_metadata(tmp_path: Path) -> None:
    labels.activate()
    with pytest.raises(InputError, match=r'in\.jsonl:1: "frames" must be a list of objects'):
        _read(tmp_path, _foreign_task(meta={"frames": "nope"}))
    frames = [{"id": "f1", "attrs": "not a dict", "annotator": "zed",
               "spans": [[0, 8, "SPEAKER"], [FOREIGN.index("we"), FOREIGN.index("we") + 11, "QUOTE"]]}]
    (rec,) = _read(tmp_path, _foreign_task(meta={"frames": frames}))
    first = rec.annotations[0]
    assert (first["id"], first["annotator"], first["attrs"]) == ("f1", "zed", {})


def test_cli_import_auto_detects_prodigy_and_reports_unmapped(tmp_path: Path) -> None:
    path = tmp_path / "tasks.jsonl"
    path.write_text(json.dumps(_foreign_task(), ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(path), "--no-analyze"])
    assert result.exit_code == 0, result.output
    assert "left out (no mapping; see --labels): " in result.output
    assert "span label 'PERSON' ×1" in result.output
    with Store(db) as s:
        (doc_id,) = s.document_ids()
        assert [a.kind for a in s.annotations(doc_id)] == ["attribution", "attribution"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"spans": {"X": "claim.nothing"}}')
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(path), "--labels", str(bad)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "bad.json: 'claim.nothing' names no role" in result.output
