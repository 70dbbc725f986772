"""Merging three annotators' databases: matched by text, nothing dropped, annotators kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.errors import InputError
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.merge import merge_databases
from annotations.models import Annotation, sha256
from annotations.store import Store
from tui.cli import main

try:
    from .corpus_fixtures import PLAIN, TEXT, span
except ImportError:
    from corpus_fixtures import PLAIN, TEXT, span

OTHER = "Bob's own article 🗞️: the council voted 5–2."
PLAIN2 = "A different text that reuses the id plain/1."


def _db(path: Path, annotator: str, docs: list[tuple[str | None, str]]) -> tuple[Store, list[str]]:
    store = Store(path, annotator=annotator)
    ids = store_records(store, [ImportRecord(text=t, source="t", id=i) for i, t in docs]).added
    return store, ids


def _key(a: Annotation) -> tuple[object, ...]:
    return (a.kind, tuple(a.spans), tuple(sorted(a.attrs.items())), a.annotator)


@pytest.fixture
def three(tmp_path: Path) -> tuple[list[Path], dict[str, str]]:
    a, (a_text, a_plain) = _db(tmp_path / "a.db", "alice", [(None, TEXT), ("plain/1", PLAIN)])
    claim = a.add_annotation(Annotation(kind="claim", doc_id=a_text,
                                        spans=[span("claim", "東京 reagierte")]))
    a.add_annotation(Annotation(kind="attribution", doc_id=a_plain, attrs={"type": "indirect"},
                                spans=[span("source", "The mayor", PLAIN),
                                       span("content", "the budget is balanced", PLAIN)]))
    b, (b_text, b_other) = _db(tmp_path / "b.db", "bob", [("bobs-copy", TEXT), (None, OTHER)])
    b.add_annotation(Annotation(kind="claim", doc_id=b_text, attrs={"checkworthy": "no"},
                                spans=[span("claim", "東京 reagierte")]))
    b.add_annotation(Annotation(kind="stance", doc_id=b_text, attrs={"polarity": "favor"},
                                spans=[span("stance", "called it a “disaster”")]))
    b.add_annotation(Annotation(kind="claim", doc_id=b_other,
                                spans=[span("claim", "the council voted 5–2", OTHER)]))
    c, (c_text, c_plain) = _db(tmp_path / "c.db", "", [(None, TEXT), ("plain/1", PLAIN2)])
    # the same annotation id as alice's claim, but a different version of it
    c.add_annotation(Annotation(kind="claim", doc_id=c_text, id=claim.id, annotator="alice",
                                attrs={"checkworthy": "no"}, spans=[span("claim", "東京")]))
    c.add_annotation(Annotation(kind="claim", doc_id=c_plain,
                                spans=[span("claim", "A different text", PLAIN2)]))
    for s in (a, b, c):
        s.close()
    return [tmp_path / n for n in ("a.db", "b.db", "c.db")], {"text": a_text, "claim": claim.id}


def test_merge_three_databases_keeps_everything(tmp_path: Path,
                                               three: tuple[list[Path], dict[str, str]]) -> None:
    paths, known = three
    before = {}
    for p in paths:
        with Store(p) as s:
            before[p.stem] = [(d.text, _key(a)) for d in s.iter_documents()
                              for a in s.annotations(d.id)]
    with Store(tmp_path / "team.db", annotator="lead") as team:
        results = merge_databases(paths, team)
        assert [(r.source, r.documents_added, r.documents_matched, r.annotations_added,
                 r.annotations_renamed, r.annotations_present) for r in results] == [
            ("a", 2, 0, 2, 0, 0), ("b", 1, 1, 3, 0, 0), ("c", 1, 1, 2, 1, 0)]
        assert results[2].renamed_documents == {"plain/1": f"plain/1-{sha256(PLAIN2)[:8]}"}
        docs = {d.text: d for d in team.iter_documents()}
        assert sorted(docs) == sorted([TEXT, PLAIN, OTHER, PLAIN2])
        assert docs[TEXT].id == known["text"] and docs[PLAIN].id == "plain/1"
        after = [(d.text, _key(a)) for d in docs.values() for a in team.annotations(d.id)]
        for name, items in before.items():
            for text, key in items:
                credited = key if key[3] else (*key[:3], name)  # no annotator: the file's name
                assert (text, credited) in after, (name, key)
        assert len(after) == 7
        assert {a.annotator for a in team.annotations(docs[PLAIN2].id)} == {"c"}
        alice = [a for a in team.annotations(docs[TEXT].id) if a.annotator == "alice"]
        assert len(alice) == 2 and known["claim"] in {a.id for a in alice}
        assert docs[OTHER].status == "in progress"
        again = merge_databases(paths, team)
        assert [r.annotations_added for r in again] == [0, 0, 0]
        assert [r.annotations_present for r in again] == [2, 3, 2]
        assert team.document_count() == 4
        assert team.integrity_check() == "ok"
    for p in paths:  # the sources are read, never changed
        with Store(p) as s:
            assert [(d.text, _key(a)) for d in s.iter_documents()
                    for a in s.annotations(d.id)] == before[p.stem]


def test_merge_refuses_missing_sources_and_merging_into_a_source(
        tmp_path: Path, three: tuple[list[Path], dict[str, str]]) -> None:
    paths, _ = three
    with Store(tmp_path / "team.db") as team, pytest.raises(
            InputError, match=r"missing\.db: no such database"):
        merge_databases([paths[0], tmp_path / "missing.db"], team)
    with Store(paths[0]) as a, pytest.raises(InputError, match="is the database being merged"):
        merge_databases([paths[1], paths[0]], a)


def test_cli_merge_reports_each_source(tmp_path: Path,
                                       three: tuple[list[Path], dict[str, str]]) -> None:
    paths, _ = three
    into = tmp_path / "out" / "team.db"
    result = CliRunner().invoke(main, ["merge", *map(str, paths), "--into", str(into)])
    assert result.exit_code == 0, result.output
    assert "a: 2 documents added, 0 matched; 2 annotations added" in result.output
    assert "c: 1 document added, 1 matched; 2 annotations added (1 under a new id)" in result.output  # not "1 documents"
    assert f"merged 3 databases into {into}" in result.output
    fresh = tmp_path / "fresh.db"
    result = CliRunner().invoke(main, ["merge", str(tmp_path / "nope.db"), "--into", str(fresh)])
    assert result.exit_code == 2
    assert result.output.startswith("redline: error: ") and result.output.count("\n") == 1
    assert "nope.db: no such database" in result.output and not fresh.exists()
