"""Labels and notes travel: redline → Prodigy / doccano / brat → redline keeps claim types, span
labels and notes; the outside formats carry them where their users look."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.formats.brat import annotation_conf
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.scheme import parse_scheme
from annotations.store import Store
from tests.helpers.cli import run_cli

TEXT = ("Officials said 40% of the budget went to roads.\n"
        "A source close to the mayor called it a disgraceful waste.")
SCHEME = {"claim_types": ["statistic", "loaded claim"],
          "span_labels": ["anonymous source", "loaded language"]}


def _span(role: str, needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(role, start, start + len(needle), needle)


def _build(db: Path) -> list[dict[str, object]]:
    with Store(db, annotator="ann") as store:
        store.set_label_scheme(parse_scheme(SCHEME))
        [doc] = store_records(store, [ImportRecord(text=TEXT, source="t", id="d1")]).added
        for ann in [
            Annotation("claim", [_span("claim", "40% of the budget went to roads")],
                       {"type": "statistic", "note": "check the 40%; source?\tline two\nend"},
                       doc_id=doc),
            Annotation("claim", [_span("claim", "called it a disgraceful waste")],
                       {"type": "loaded claim"}, doc_id=doc),
            Annotation("label", [_span("span", "A source close to the mayor")],
                       {"label": "anonymous source", "note": "who is it?"}, doc_id=doc),
            Annotation("label", [_span("span", "disgraceful")], {"label": "loaded language"},
                       doc_id=doc),
            Annotation("attribution", [_span("content", "40% of the budget went to roads"),
                                       _span("source", "Officials"), _span("cue", "said")],
                       {"type": "indirect", "note": "paraphrase"}, doc_id=doc),
        ]:
            store.add_annotation(ann)
        return [a.to_dict() for a in store.annotations(doc)]


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "brat"])
def test_labels_and_notes_survive_a_round_trip(tmp_path: Path, fmt: str) -> None:
    src, dst = tmp_path / "src.db", tmp_path / "dst.db"
    expected = _build(src)
    out = tmp_path / ("out" if fmt == "brat" else f"out.{fmt}.jsonl")
    assert run_cli(src, "export", str(out), "--format", fmt).code == 0
    run = run_cli(dst, "import", str(out), "--no-analyze")
    assert run.code == 0, run.stderr
    assert "left out" not in run.stderr
    with Store(dst) as store:
        got = [a.to_dict() for a in store.annotations("d1")]
    assert got == expected


def test_outside_files_name_the_span_labels_and_carry_the_notes(tmp_path: Path) -> None:
    src = tmp_path / "src.db"
    _build(src)
    run_cli(src, "export", str(tmp_path / "p.jsonl"), "--format", "prodigy")
    task = json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))
    assert {(s["label"], s["text"]) for s in task["spans"]} >= {
        ("ANONYMOUS_SOURCE", "A source close to the mayor"), ("LOADED_LANGUAGE", "disgraceful")}
    notes = {f["attrs"].get("note") for f in task["meta"]["frames"]}
    assert "who is it?" in notes and "paraphrase" in notes
    run_cli(src, "export", str(tmp_path / "b"), "--format", "brat")
    conf = (tmp_path / "b" / "annotation.conf").read_text(encoding="utf-8")
    entities = conf.split("[entities]\n")[1].split("\n\n")[0].split("\n")
    assert "ANONYMOUS_SOURCE" in entities and "LOADED_LANGUAGE" in entities
    assert "Type\tArg:CLAIM|CONTENT, Value:statistic|loaded_claim|direct|indirect|mixed" in conf
    ann = (tmp_path / "b" / "d1.ann").read_text(encoding="utf-8")
    assert "AnnotatorNotes" in ann
    note_lines = [line for line in ann.splitlines() if "AnnotatorNotes" in line]
    # the editor's note first on its line: brat shows the start of it
    assert any(line.split("\t")[2].startswith("note=who is it?") for line in note_lines)
    a_lines = [line.split("\t")[1].split() for line in ann.splitlines() if line.startswith("A")]
    assert [(name, value) for name, _, value in a_lines if value in ("statistic", "loaded_claim")
            ] == [("Type", "statistic"), ("Type", "loaded_claim")]


def test_the_default_conf_is_what_it_was() -> None:
    """No scheme: brat's configuration is redline's roles and attributes alone, as before."""
    conf = annotation_conf()
    assert "Type\tArg:CONTENT, Value:direct|indirect|mixed" in conf
    assert "Checkworthy\tArg:CLAIM, Value:yes|no" in conf
    assert "LABEL" not in conf and "Note" not in conf


def test_outside_span_labels_map_to_the_databases_scheme(tmp_path: Path) -> None:
    """A Prodigy file from another tool (no redline frames) with the scheme's label names, and a
    brat file with a hand-written note: they come back as span labels and a note."""
    db = tmp_path / "t.db"
    with Store(db) as store:
        store.set_label_scheme(parse_scheme(SCHEME))
    start = TEXT.index("A source close to the mayor")
    waste = TEXT.index("waste")
    task = {"text": TEXT, "spans": [{"start": start, "end": start + 27, "label": "Anonymous_Source"},
                                    {"start": waste, "end": waste + 5, "label": "loaded language"}],
            "answer": "accept"}
    (tmp_path / "p.jsonl").write_text(json.dumps(task) + "\n", encoding="utf-8")
    run = run_cli(db, "import", str(tmp_path / "p.jsonl"), "--no-analyze")
    assert run.code == 0 and "left out" not in run.stderr
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "x.txt").write_text(TEXT, encoding="utf-8")
    (folder / "x.ann").write_text(f"T1\tLOADED_LANGUAGE {TEXT.index('disgraceful')} "
                                  f"{TEXT.index('disgraceful') + 11}\tdisgraceful\n"
                                  "#1\tAnnotatorNotes T1\ttoo strong? ask the desk\n",
                                  encoding="utf-8")
    run = run_cli(db, "import", str(folder / "x.txt"), "--no-analyze")
    assert run.code == 0, run.stderr
    with Store(db) as store:
        got = [(a.kind, a.attrs, a.spans[0].text) for d in store.document_ids()
               for a in store.annotations(d)]
    assert ("label", {"label": "anonymous source"}, "A source close to the mayor") in got
    assert ("label", {"label": "loaded language"}, "waste") in got
    assert ("label", {"label": "loaded language", "note": "too strong? ask the desk"},
            "disgraceful") in got


def test_review_takes_span_labels_like_any_annotation(tmp_path: Path) -> None:
    """Two annotators' span labels: the same one is agreed, a different label is a case."""
    from annotations.review import Review

    dbs = []
    for name, label in (("alice", "anonymous source"), ("bob", "loaded language")):
        db = tmp_path / f"{name}.db"
        with Store(db, annotator=name) as store:
            [doc] = store_records(store, [ImportRecord(text=TEXT, source="t", id="d1")]).added
            store.add_annotation(Annotation("label", [_span("span", "A source close to the mayor")],
                                            {"label": label}, doc_id=doc))
            store.add_annotation(Annotation("label", [_span("span", "disgraceful")],
                                            {"label": "loaded language"}, doc_id=doc))
        dbs.append(db)
    with Store(tmp_path / "gold.db", annotator="judge") as gold:
        review = Review.open(dbs, gold)
        assert [c.what for c in review.cases] == ["attribute differs (label)"]
        assert [a.attrs["label"] for a in gold.annotations("d1")] == ["loaded language"]
