"""The headless review (annotations/review.py): cases, the agreed copy, decisions, undo, resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.review import CASES, TEXT_1, build, content

from annotations.errors import InputError
from annotations.models import Annotation, Document, Span
from annotations.review import Review, split
from annotations.store import Store


@pytest.fixture
def dbs(tmp_path: Path) -> tuple[Path, Path]:
    return build(tmp_path)


def _open(tmp_path: Path, dbs: tuple[Path, Path]) -> tuple[Store, Review]:
    gold = Store(tmp_path / "gold.db", annotator="judge")
    return gold, Review.open(list(dbs), gold)


def test_agreed_annotations_are_copied_at_once_and_the_rest_are_cases(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    gold, review = _open(tmp_path, dbs)
    try:
        assert review.names == ["alice", "bob"]
        assert [c.what for c in review.cases] == [
            "source differs", "only bob tagged it", "attribute differs (polarity)",
            "boundaries differ"]
        assert review.status(2) == f"disagreement 3 of {CASES} · document 1 of 2"
        assert review.status(3) == f"disagreement 4 of {CASES} · document 2 of 2"
        # the one agreed claim is in gold, marked as agreed by both; the third document
        # (only alice has it) is not reviewed
        [doc1, doc2] = list(gold.iter_documents())
        [agreed] = gold.annotations(doc1.id)
        assert (agreed.kind, agreed.spans[0].text) == ("claim", "Taxes will rise next year.")
        assert agreed.attrs["adjudicated_from"] == "alice + bob"
        assert gold.annotations(doc2.id) == []
        assert gold.document_count() == 2
    finally:
        gold.close()


def test_keeping_annotator_one_everywhere_gives_exactly_their_annotations(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    gold, review = _open(tmp_path, dbs)
    try:
        for i in range(len(review.cases)):
            review.keep(i, 0)
        assert review.next_open() is None
    finally:
        gold.close()
    assert content(tmp_path / "gold.db") == content(dbs[0])
    # and not bob's: the two differ on every case
    assert content(tmp_path / "gold.db") != content(dbs[1])


def test_kept_annotations_say_whose_version_they_are(tmp_path: Path,
                                                     dbs: tuple[Path, Path]) -> None:
    gold, review = _open(tmp_path, dbs)
    try:
        ids = review.keep(2, 1)  # bob's stance (polarity none)
        [stance] = [gold.get_annotation(i) for i in ids]
        assert stance.attrs == {"polarity": "none", "adjudicated_from": "bob"}
        assert stance.annotator == "bob"
        assert review.keep(1, None) == []  # bob's lone claim: none kept
        assert [(d["choice"], d["annotator"]) for d in review.decisions()
                if d["choice"] != "agreed"] == [("kept", "bob"), ("none", "")]
    finally:
        gold.close()


def test_undo_reverts_the_newest_decision_and_its_annotations(tmp_path: Path,
                                                              dbs: tuple[Path, Path]) -> None:
    gold, review = _open(tmp_path, dbs)
    try:
        review.keep(0, 0)
        [kept] = review.keep(2, 0)
        assert review.undo() == 2
        assert review.next_open() == 1
        with pytest.raises(Exception, match="no annotation"):
            gold.get_annotation(kept)
        assert review.undo() == 0
        assert review.undo() is None  # the agreed copy is not a decision to undo
        assert len(gold.annotations(next(iter(gold.iter_documents())).id)) == 1
    finally:
        gold.close()


def test_reopening_resumes_without_copying_twice(tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    gold, review = _open(tmp_path, dbs)
    review.keep(0, 1)
    review.keep(1, 0)
    before = content(tmp_path / "gold.db")
    gold.close()
    gold, again = _open(tmp_path, dbs)
    try:
        assert again.next_open() == 2
        assert content(tmp_path / "gold.db") == before
        # the undo journal survives the restart too
        assert again.undo() == 1
    finally:
        gold.close()


def test_a_source_that_is_the_gold_database_is_refused(tmp_path: Path,
                                                       dbs: tuple[Path, Path]) -> None:
    with Store(dbs[0]) as gold, pytest.raises(InputError, match="is the gold database"):
        Review.open(list(dbs), gold)


def test_gold_is_an_ordinary_database_that_exports(tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    from annotations.formats.registry import exporter

    gold, review = _open(tmp_path, dbs)
    try:
        review.keep(0, 0)
        n = exporter("brat")(gold, str(tmp_path / "brat"), status=(), annotators=(), ids=())
        assert n == 2
        ann = next((tmp_path / "brat").glob("*.ann")).read_text(encoding="utf-8")
        assert "adjudicated_from=alice" in ann
        assert TEXT_1 in "".join(p.read_text(encoding="utf-8")
                                 for p in (tmp_path / "brat").glob("*.txt"))
    finally:
        gold.close()


def _claim(text: str, start: int, end: int, **attrs: str) -> Annotation:
    return Annotation(kind="claim", spans=[Span("claim", start, end, text[start:end])],
                      attrs=attrs or {"checkworthy": "yes"})


def test_overlapping_spans_join_into_one_case_across_annotators() -> None:
    text = "One long sentence here, and a second clause there. Elsewhere."
    doc = Document(id="d", text=text)
    alice = [_claim(text, 0, 50)]
    bob = [_claim(text, 0, 22), _claim(text, 28, 50)]
    carol = [_claim(text, 0, 50), _claim(text, 51, 61)]
    agreed, cases = split(doc, [alice, bob, carol], ["alice", "bob", "carol"])
    assert agreed == []
    [joined, lone] = cases
    assert [len(v) for v in joined.versions] == [1, 2, 1]  # bob's two claims are one case
    assert joined.what == "boundaries differ"
    assert lone.what == "only carol tagged it"
    assert [len(v) for v in lone.versions] == [0, 0, 1]


def test_two_of_three_agreeing_is_still_a_case() -> None:
    text = "Taxes will rise."
    doc = Document(id="d", text=text)
    same = _claim(text, 0, 15)
    agreed, cases = split(doc, [[same], [_claim(text, 0, 15)], []], ["a", "b", "c"])
    assert agreed == []
    assert [c.what for c in cases] == ["only a, b tagged it"]


def test_the_same_annotation_twice_by_everyone_is_agreed_twice() -> None:
    text = "Taxes will rise."
    doc = Document(id="d", text=text)
    sides = [[_claim(text, 0, 15), _claim(text, 0, 15)] for _ in range(2)]
    agreed, cases = split(doc, sides, ["a", "b"])
    assert (len(agreed), cases) == (2, [])
    assert len({key for key, _ in agreed}) == 2


def test_more_than_nine_databases_are_refused(tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    with Store(tmp_path / "gold.db") as gold, pytest.raises(InputError, match="at most 9"):
        Review.open([dbs[0], dbs[1]] * 5, gold)


def test_one_annotators_identical_twins_are_two_cases_with_their_own_keys() -> None:
    text = "Taxes will rise."
    doc = Document(id="d", text=text)
    _, cases = split(doc, [[_claim(text, 0, 15), _claim(text, 0, 15)], []], ["a", "b"])
    assert len(cases) == 2 and cases[0].key != cases[1].key
