"""Changed text: re-importing a known document with --replace keeps its annotations, re-anchors each one whose
place is unambiguous, and flags the rest for review in the library and the export; no span is
ever shifted silently."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.errors import RedlineError
from annotations.formats.redline import export_redline
from annotations.formats.registry import ImportRecord
from annotations.importer import read_jsonl_file
from annotations.ingest import CONTEXTS, common_affixes, reanchor, store_records
from annotations.models import Annotation, Span
from annotations.store import Store

OLD = ("Minister Ana Ruiz said the plan works. The opposition said it fails. "
       "Ruiz added: “We will build 200 schools.” Critics said the figure is wrong.")
# a new first sentence, "200" became "300", and the critics' sentence is gone
NEW = ("BREAKING. Minister Ana Ruiz said the plan works. The opposition said it fails. "
       "Ruiz added: “We will build 300 schools.” Analysts were not convinced.")


def _span(role: str, needle: str, text: str = OLD, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(role, start, start + len(needle), needle)


def _jsonl(path: Path, doc_id: str, text: str) -> Path:
    path.write_text(json.dumps({"id": doc_id, "title": "Ruiz", "text": text}) + "\n",
                    encoding="utf-8")
    return path


def _annotated(db: Path, tmp_path: Path) -> dict[str, str]:
    """Import OLD as `ruiz` and annotate it; name -> annotation id."""
    assert run_cli(db, "import", "--no-analyze", str(_jsonl(tmp_path / "v1.jsonl", "ruiz", OLD))
                   ).code == 0
    ids = {}
    with Store(db, annotator="tester") as store:
        def add(name: str, kind: str, *spans: Span) -> None:
            """Store one frame and remember its id under `name`."""
            ids[name] = store.add_annotation(Annotation(kind=kind, doc_id="ruiz",
                                                        spans=list(spans))).id
        # both ends of the text change, so no span lies in an unchanged beginning or end:
        # each must be found again by its text
        add("works", "claim", _span("claim", "the plan works"))  # unique: found
        # "said" occurs three times in both texts: only its context tells which
        add("said", "attribution", _span("content", "it fails"), _span("cue", "said", nth=1),
            _span("source", "The opposition"))
        # its text changed ("200" → "300"): nowhere in the new text
        add("schools", "claim", _span("claim", "We will build 200 schools."))
        # deleted with its sentence
        add("critics", "stance", _span("stance", "the figure is wrong"),
            _span("holder", "Critics"))
        # the second of two "Ruiz": told apart by what follows it
        add("added", "attribution", _span("content", "We will build"), _span("cue", "added"),
            _span("source", "Ruiz", nth=1))
    return ids


def test_reimport_keeps_reanchors_and_flags(tmp_path: Path) -> None:
    """Five annotations on a text edited in three places: three move exactly, two are flagged."""
    db = tmp_path / "r.db"
    ids = _annotated(db, tmp_path)
    run = run_cli(db, "import", "--no-analyze", "--replace", str(_jsonl(tmp_path / "v2.jsonl", "ruiz", NEW)))
    assert run.code == 0, run.stderr
    assert "3 annotations re-anchored, 2 flagged for review" in run.stderr
    with Store(db) as store:
        doc = store.get_document("ruiz")
        assert doc.text == NEW
        anns = {a.id: a for a in store.annotations("ruiz")}
        assert set(anns) == set(ids.values())  # nothing lost
        for name in ("works", "said", "added"):
            ann = anns[ids[name]]
            assert not ann.needs_review, name
            for s in ann.spans:
                assert NEW[s.start:s.end] == s.text, (name, s)
        # the ambiguous "said" went to the one in the same sentence, not the first in the text
        cue = anns[ids["said"]].role("cue")[0]
        assert cue.start == NEW.index("said it fails")
        for name in ("schools", "critics"):
            ann = anns[ids[name]]
            assert ann.needs_review, name
            # not moved anywhere: still the old offsets and the old text, for a reviewer
            assert [(s.start, s.end, s.text) for s in ann.spans] == [
                (s.start, s.end, s.text) for s in Annotation.from_dict(
                    _old_frame(name), doc_id="ruiz").spans]
        [row] = store.library()
        assert row["needs_review"]
    listed = run_cli(db, "list")
    assert "(review)" in listed.stdout


def _old_frame(name: str) -> dict[str, object]:
    spans = {"schools": [_span("claim", "We will build 200 schools.")],
             "critics": [_span("stance", "the figure is wrong"), _span("holder", "Critics")]}
    return {"kind": "claim", "spans": [s.to_dict() for s in spans[name]]}


def test_flagged_annotations_are_exported_flagged_and_import_back(tmp_path: Path) -> None:
    """Flagged annotations are exported with their flag and survive a round trip."""
    db = tmp_path / "r.db"
    ids = _annotated(db, tmp_path)
    assert run_cli(db, "import", "--no-analyze", "--replace", str(_jsonl(tmp_path / "v2.jsonl", "ruiz", NEW))
                   ).code == 0
    out = tmp_path / "export.jsonl"
    run = run_cli(db, "export", str(out))
    assert run.code == 0, run.stderr  # flagged spans do not stop the export
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    flagged = {a["id"] for a in record["annotations"] if a.get("needs_review")}
    assert flagged == {ids["schools"], ids["critics"]}
    for a in record["annotations"]:
        if a["id"] not in flagged:
            assert all(NEW[s["start"]:s["end"]] == s["text"] for s in a["spans"])
    # and the export, flags and all, imports into a new database and exports the same bytes
    db2 = tmp_path / "second.db"
    again = run_cli(db2, "import", "--no-analyze", str(out))
    assert again.code == 0, again.stderr
    out2 = tmp_path / "export2.jsonl"
    assert run_cli(db2, "export", str(out2)).code == 0
    assert out2.read_bytes() == out.read_bytes()


def test_fixing_the_flagged_ones_clears_the_review(tmp_path: Path) -> None:
    """Editing a flagged annotation onto the new text clears its flag; the library follows."""
    db = tmp_path / "r.db"
    ids = _annotated(db, tmp_path)
    assert run_cli(db, "import", "--no-analyze", "--replace", str(_jsonl(tmp_path / "v2.jsonl", "ruiz", NEW))
                   ).code == 0
    with Store(db, annotator="tester") as store:
        schools = store.get_annotation(ids["schools"])
        schools.spans = [_span("claim", "We will build 300 schools.", NEW)]
        store.update_annotation(schools)
        assert not store.get_annotation(ids["schools"]).needs_review
        assert store.library()[0]["needs_review"]  # the critics' stance is still flagged
        store.delete_annotation(ids["critics"])
        assert not store.library()[0]["needs_review"]
        # undo brings the flagged stance (and the review) back
        store.undo("ruiz")
        assert store.get_annotation(ids["critics"]).needs_review
        assert store.library()[0]["needs_review"]


def test_undo_never_crosses_a_reimport(tmp_path: Path) -> None:
    """Not even another annotator's: their journal's offsets belong to the old text."""
    db = tmp_path / "r.db"
    _annotated(db, tmp_path)
    with Store(db, annotator="colleague") as colleague:
        mine = colleague.add_annotation(Annotation(kind="claim", doc_id="ruiz",
                                                   spans=[_span("claim", "Minister Ana Ruiz")]))
        mine.attrs["checkworthy"] = "no"
        colleague.update_annotation(mine)
    assert run_cli(db, "import", "--no-analyze", "--replace", str(_jsonl(tmp_path / "v2.jsonl", "ruiz", NEW)),
                   annotator="tester").code == 0
    with Store(db, annotator="colleague") as colleague:
        assert colleague.undo("ruiz") is None
        moved = colleague.get_annotation(mine.id)
        assert moved.attrs["checkworthy"] == "no"
        assert NEW[moved.spans[0].start:moved.spans[0].end] == "Minister Ana Ruiz"


def test_an_edit_from_before_the_reimport_is_refused(tmp_path: Path) -> None:
    """A screen still showing the old text must not write old offsets into the new one."""
    db = tmp_path / "r.db"
    ids = _annotated(db, tmp_path)
    with Store(db, annotator="tester") as store:
        shown = store.get_annotation(ids["works"])  # what an open screen holds
        assert run_cli(db, "import", "--no-analyze", "--replace",
                       str(_jsonl(tmp_path / "v2.jsonl", "ruiz", NEW))).code == 0
        shown.attrs["checkworthy"] = "no"
        try:
            store.update_annotation(shown)
        except RedlineError as e:
            assert "changed elsewhere" in e.message
        else:
            raise AssertionError("an edit built on the old text was written over the new one")
        ann = store.get_annotation(ids["works"])
        assert NEW[ann.spans[0].start:ann.spans[0].end] == "the plan works"
        assert ann.attrs["checkworthy"] == "yes"


def test_the_same_text_again_changes_nothing(tmp_path: Path) -> None:
    """Re-importing an unchanged text is a no-op, export for export."""
    db = tmp_path / "r.db"
    _annotated(db, tmp_path)
    with Store(db) as store:
        before = "".join(export_redline(store))
    run = run_cli(db, "import", "--no-analyze", str(_jsonl(tmp_path / "v1.jsonl", "ruiz", OLD)))
    assert run.code == 0 and "1 already there" in run.stderr
    with Store(db) as store:
        assert "".join(export_redline(store)) == before


# -- the rule, for any edit ----------------------------------------------------------------------

words = st.sampled_from(["said", "the", "Ruiz", "😀", "東京", "e\u0301", " ", ".", "\n", "“", "”",
                         "\u200d", "schools", "200"])
texts = st.lists(words, min_size=1, max_size=40).map("".join)


def _placed_by_context(old: str, new: str, start: int, end: int, got: int) -> bool:
    """Whether the span, with some allowed context, occurs once in each text, there and at got."""
    for before, after in CONTEXTS:
        left = old[max(0, start - before):start]
        needle = left + old[start:end] + old[end:end + after]
        if old.count(needle) == 1 and new.count(needle) == 1 and \
                new.find(needle) == got - len(left):
            return True
    return False


@given(old=texts, cuts=st.lists(st.integers(0, 400), min_size=4, max_size=4),
       inserts=st.tuples(texts, texts),
       picks=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 12)), min_size=1,
                      max_size=6))
@settings(max_examples=150, deadline=None)
def test_reanchor_never_shifts_a_span_silently(old: str, cuts: list[int],
                                               inserts: tuple[str, str],
                                               picks: list[tuple[int, int]]) -> None:
    """Two edits at once; every span ends where its own text (with context) is unambiguous,
    or stays put and is flagged. A span in untouched text that is placed lands exactly where
    that text went."""
    a, b, c, d = sorted(x % (len(old) + 1) for x in cuts)
    new = old[:a] + inserts[0] + old[b:c] + inserts[1] + old[d:]
    prefix, suffix = common_affixes(old, new)
    assert old[:prefix] == new[:prefix]
    assert old[len(old) - suffix:] == new[len(new) - suffix:]
    assert prefix + suffix <= min(len(old), len(new))
    for start, length in picks:
        start %= len(old)
        end = min(len(old), start + length)
        span = {"role": "claim", "start": start, "end": end, "text": old[start:end]}
        moved, ok = reanchor({"id": "x", "spans": [span]}, old, new)
        [got] = moved["spans"]
        assert moved["needs_review"] is (not ok)
        assert got["text"] == span["text"]
        if not ok:
            if end <= len(new):
                assert (got["start"], got["end"]) == (start, end)
            else:  # past the end of a shorter text: pulled inside it, still flagged
                assert 0 <= got["start"] < got["end"] <= len(new), (new, span, got)
            continue
        assert new[got["start"]:got["end"]] == span["text"]
        kept = end <= prefix and got["start"] == start
        shifted = start >= len(old) - suffix and got["start"] == start + len(new) - len(old)
        assert kept or shifted or _placed_by_context(old, new, start, end, got["start"]), (
            old, new, span, got)
        # where the truth is known (the span lies in text neither edit touched) and its text
        # is unique in the new text, it must be found exactly there
        truth = (start if end <= a else start - b + a + len(inserts[0]) if b <= start and end <= c
                 else start + len(new) - len(old) if start >= d else None)
        if truth is not None and new.count(span["text"]) == 1:
            assert got["start"] == truth


@given(old=texts, new=texts)
@settings(max_examples=60, deadline=None)
def test_reimport_through_the_importer_keeps_every_annotation(old: str, new: str) -> None:
    """Whatever the new text, each annotation is kept and either sound or flagged."""
    if not old.strip() or not new.strip():
        return
    store = Store(":memory:", annotator="p")
    store_records(store, [ImportRecord(text=old, source="t", id="d")])
    stored = store.get_document("d").text  # after the importer's normalisation
    made = []
    for i in range(0, len(stored) - 1, max(1, len(stored) // 4)):
        made.append(store.add_annotation(Annotation(
            kind="claim", doc_id="d", spans=[Span("claim", i, i + 1, stored[i])])).id)
    line = json.dumps({"id": "d", "text": new}) + "\n"
    store_records(store, read_jsonl_file(Path("v2.jsonl"), line.encode()), replace=True)
    text = store.get_document("d").text
    anns = store.annotations("d")
    assert sorted(a.id for a in anns) == sorted(made)
    for ann in anns:
        assert ann.needs_review or all(text[s.start:s.end] == s.text for s in ann.spans)
        # flagged or not, a span stays inside the (possibly shorter) new text
        assert all(0 <= s.start < s.end <= len(text) for s in ann.spans), ann.spans
    exported = "".join(export_redline(store))  # never refused: flagged ones are exempt
    assert exported.count("needs_review") == sum(a.needs_review for a in anns)
    store.close()
