"""brat import through the real CLI: a `.txt` with its `.ann` beside it comes back with every
annotation (redline → brat → redline), labels map through `--labels`, and a `.ann` that does
not fit its `.txt` is refused in one line naming it and the line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from corpus_fixtures import build_corpus, corpus_state
from helpers.cli import Run, one_error_line, run_cli
from helpers.db import snapshot

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store


def by_text(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Each document's annotations (export form, sorted by id), keyed by its text."""
    with Store(path) as store:
        return {doc.text: sorted((a.to_dict() for a in store.annotations(doc.id)),
                                 key=lambda a: a["id"])
                for doc in store.iter_documents()}


def assert_one_line(run: Run, where: str, says: str) -> None:
    line = one_error_line(run)
    assert line.startswith(f"redline: error: {where}: "), line
    assert says in line and "; " in line, line


def test_redline_to_brat_to_redline_keeps_every_annotation(tmp_path: Path) -> None:
    source = tmp_path / "a.db"
    with Store(source, annotator="tester") as store:
        ids = build_corpus(store)  # every kind, split quotes, a span over a paragraph break
        text = store.get_document(ids[0]).text
        start, end = text.index("Critics"), text.index("disaster")
        # flagged for review, and a speaker with a tab, a backslash and '; id=' in it
        store.add_annotation(Annotation(
            kind="attribution", doc_id=ids[0], needs_review=True,
            attrs={"type": "direct", "speaker": "A\tB \\ C; id=x"},
            spans=[Span("source", start, start + 7, "Critics"),
                   Span("content", end, end + 8, "disaster")]))
    out = tmp_path / "brat"
    assert run_cli(source, "export", str(out), "--format", "brat").code == 0
    target = tmp_path / "b.db"
    run = run_cli(target, "import", "--no-analyze", str(out))
    assert run.code == 0, run.stderr
    assert "left out" not in run.stderr
    before, after = by_text(source), by_text(target)
    assert after == before
    assert sum(len(a) for a in after.values()) == 8
    # ids (even "plain/1", written as a safe file name), titles, statuses and meta come back too
    with Store(source) as a, Store(target) as b:
        def key(d: dict[str, Any]) -> str:
            return str(d["id"])

        # (in file-name order: brat keeps no library order)
        assert sorted(corpus_state(b), key=key) == sorted(corpus_state(a), key=key)
    # and the export imported into its own database adds and changes nothing
    again = run_cli(source, "import", "--no-analyze", str(out))
    assert again.code == 0, again.stderr
    assert "imported 0 documents, 3 already there" in again.stderr
    assert by_text(source) == before


def test_a_heading_in_a_brat_txt_stays_in_the_text_and_crlf_in_the_ann_is_fine(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = "# Budget\n\nThe mayor said the budget is balanced."
    (folder / "doc7.txt").write_text(text, encoding="utf-8")
    start = text.index("the budget")
    # written on Windows: CRLF in the .ann (whose offsets count the .txt only)
    (folder / "doc7.ann").write_bytes(f"T1\tCLAIM {start} {len(text) - 1}\t"
                                      f"{text[start:-1]}\r\n".encode())
    db = tmp_path / "b.db"
    assert run_cli(db, "import", "--no-analyze", str(folder)).code == 0
    [(stored, [claim])] = by_text(db).items()
    assert stored == text  # offsets count the heading: it is not cut off as a title
    assert claim["spans"][0]["text"] == "the budget is balanced"


def test_a_foreign_brat_folder_with_a_label_map(tmp_path: Path) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    text = "Ann Lee said the plan works. Nobody agreed."
    (folder / "d1.txt").write_text(text, encoding="utf-8")
    (folder / "d1.ann").write_text(
        "T1\tPERSON 0 7\tAnn Lee\n"
        "T2\tQUOTE 13 27\tthe plan works\n"
        "T3\tNOISE 29 35\tNobody\n"
        "T4\tCLAIM 13 27\tthe plan works\n"
        "R1\tSAID Arg1:T1 Arg2:T2\n"
        "E1\tSpeech:T2\n", encoding="utf-8")
    (folder / "annotation.conf").write_text("[entities]\nPERSON\n", encoding="utf-8")
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps({"spans": {"PERSON": "attribution.source", "NOISE": None},
                                  "relations": {"SAID": "link"}}), encoding="utf-8")
    db = tmp_path / "b.db"
    run = run_cli(db, "import", "--no-analyze", "--labels", str(labels), str(folder))
    assert run.code == 0, run.stderr
    assert "redline: left out (no mapping; see --labels): brat E line ×1" in run.stderr
    [anns] = by_text(db).values()
    kinds = sorted((a["kind"], sorted((s["role"], s["text"]) for s in a["spans"])) for a in anns)
    assert kinds == [("attribution", [("content", "the plan works"), ("source", "Ann Lee")]),
                     ("claim", [("claim", "the plan works")])]


@pytest.mark.parametrize("ann, line, says", [
    ("T1\tCLAIM 0 5\tThe m\nT2\tCLAIM 4 9\tmayer\n", 2, "T2 says 'mayer' but the .txt there"),
    ("T1\tCLAIM 0 500\tx\n", 1, "T1 [0, 500) lies outside the text"),
    ("T1\tCLAIM 0 0.9\tT\n", 1, "is not a brat standoff line"),
    ("T1\tCLAIM 0 3\tThe\nR1\tSAYS Arg1:T1 Arg2:T9\n", 2, "names T9, which is no T line"),
])
def test_an_ann_that_does_not_fit_is_refused(tmp_path: Path, ann: str, line: int,
                                             says: str) -> None:
    db = tmp_path / "b.db"
    with Store(db) as store:
        store_records(store, [ImportRecord(text="Already here.", source="t")])
    before = snapshot(db)
    folder = tmp_path / "theirs"
    folder.mkdir()
    (folder / "d1.txt").write_text("The mayor said so.", encoding="utf-8")
    (folder / "d1.ann").write_text(ann, encoding="utf-8")
    run = run_cli(db, "import", "--no-analyze", str(folder))
    assert_one_line(run, f"{folder / 'd1.ann'}:{line}", says)
    assert snapshot(db) == before


def test_a_crlf_txt_with_annotations_is_refused_not_shifted(tmp_path: Path) -> None:
    # normalising the .txt to \n would move every span after the first line break by one
    folder = tmp_path / "theirs"
    folder.mkdir()
    (folder / "d1.txt").write_bytes(b"First line.\r\nThe mayor said so.")
    (folder / "d1.ann").write_text("T1\tCLAIM 13 22\tThe mayor\n", encoding="utf-8")
    db = tmp_path / "b.db"
    run = run_cli(db, "import", "--no-analyze", str(folder))
    assert_one_line(run, str(folder / "d1.txt"), "has CR line endings")
