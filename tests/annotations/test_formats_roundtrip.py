"""Round trips: redline → Prodigy / doccano → redline keeps every span, attribute and annotator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.formats import labels
from annotations.formats.labels import ROLE_LABELS
from annotations.store import Store
from tui.cli import main

try:
    from .corpus_fixtures import TEXT, build_corpus, corpus_state
except ImportError:
    from corpus_fixtures import TEXT, build_corpus, corpus_state


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
def test_export_import_keeps_the_corpus(tmp_path: Path, fmt: str) -> None:
    src, dst = tmp_path / "src.db", tmp_path / "dst.db"
    with Store(src, annotator="me") as store:
        build_corpus(store)
        expected = corpus_state(store)
    out = tmp_path / f"out.{fmt}.jsonl"
    run("--db", str(src), "export", str(out), "--format", fmt)
    output = run("--db", str(dst), "import", str(out), "--no-analyze")
    assert "imported 3 documents" in output and "left out" not in output
    with Store(dst) as store:
        assert corpus_state(store) == expected
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run("--db", str(src), "export", str(a))
    run("--db", str(dst), "export", str(b))
    assert a.read_bytes() == b.read_bytes()
    # importing the same file again adds nothing
    output = run("--db", str(dst), "import", str(out), "--no-analyze")
    assert "imported 0 documents, 3 already there" in output
    with Store(dst) as store:
        assert corpus_state(store) == expected


def test_a_span_added_in_prodigy_joins_its_frame(tmp_path: Path) -> None:
    with Store(tmp_path / "src.db") as store:
        doc_id = build_corpus(store)[0]
        (indirect,) = [a for a in store.annotations(doc_id)
                       if a.kind == "attribution" and a.annotator == "bob"]
    out = tmp_path / "p.jsonl"
    run("--db", str(tmp_path / "src.db"), "export", str(out), "--format", "prodigy")
    tasks = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    task = tasks[0]
    start = TEXT.index("sagte")
    cue = {"start": start, "end": start + 5, "token_start": 2, "token_end": 2, "label": "CUE"}
    content = next(s for s in task["spans"] if s["label"] == "CONTENT"
                   and s["text"] == "Wir geben nicht nach 💪.")
    task["spans"].append(cue)  # what an annotator adds in Prodigy carries no redline metadata
    task["relations"].append({"head": 2, "child": content["token_end"], "head_span": cue,
                              "child_span": content, "label": "INTRODUCES"})
    out.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks),
                   encoding="utf-8")
    labels.activate()
    run("--db", str(tmp_path / "dst.db"), "import", str(out), "--no-analyze")
    with Store(tmp_path / "dst.db") as store:
        got = store.get_annotation(indirect.id)
    assert got.annotator == "bob" and got.attrs == {"type": "indirect"}
    assert [(s.role, s.text) for s in got.spans] == [("cue", "sagte"),
                                                     ("content", "Wir geben nicht nach 💪.")]


def test_brat_carries_every_span(tmp_path: Path) -> None:
    """Every stored span is on a T line, with its label (the import test reads them back)."""
    with Store(tmp_path / "src.db") as store:
        ids = build_corpus(store)
        wanted = {(doc_id, ROLE_LABELS[(a.kind, s.role)], s.start, s.end)
                  for doc_id in ids for a in store.annotations(doc_id) for s in a.spans}
        texts = {doc_id: store.get_document(doc_id).text for doc_id in ids}
    out = tmp_path / "brat"
    run("--db", str(tmp_path / "src.db"), "export", str(out), "--format", "brat")
    found = set()
    for doc_id, text in texts.items():
        (stem,) = [p.stem for p in out.glob("*.txt") if p.read_text(encoding="utf-8") == text]
        for line in (out / f"{stem}.ann").read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                label, offsets = line.split("\t")[1].split(" ", 1)
                frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
                found.add((doc_id, label, frags[0][0], frags[-1][1]))
    assert found == wanted
