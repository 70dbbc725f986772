"""The store: frames with role spans, span checks, journal-backed undo/redo, pragmas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotations.errors import DatabaseError, NotFoundError, SchemaError, SpanMismatchError
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store


def _span(text: str, role: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(role, start, start + len(needle), needle)


def test_pragmas_are_set(store: Store) -> None:
    assert store._pragma("journal_mode") == "wal"
    assert store._pragma("foreign_keys") == 1
    assert store._pragma("synchronous") == 1  # NORMAL
    assert store._pragma("busy_timeout") >= 5000


def test_attribution_frame_round_trips(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    ann = Annotation(kind="attribution", doc_id=doc_id, attrs={"type": "direct", "speaker": "Masoud Pezeshkian"},
                     spans=[_span(text, "content", "Iran will not surrender to threats"),
                            _span(text, "cue", "emphasized"),
                            Span("source", text.index("he emphasized"), text.index("he emphasized") + 2, "he")])
    store.add_annotation(ann)
    [got] = store.annotations(doc_id)
    assert got.kind == "attribution"
    assert {s.role for s in got.spans} == {"content", "cue", "source"}
    assert got.attrs == {"type": "direct", "speaker": "Masoud Pezeshkian"}
    assert got.annotator == "tester" and got.origin == "manual"
    for s in got.spans:
        assert text[s.start:s.end] == s.text
    assert store.get_document(doc_id).status == "in progress"


def test_span_text_is_checked_on_write(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    with pytest.raises(SpanMismatchError, match="text there is"):
        store.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[Span("claim", 0, 4, "That")]))
    with pytest.raises(SpanMismatchError, match="outside the text"):
        store.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[Span("claim", 10**6, 10**6 + 1, "x")]))
    assert store.annotations(doc_id) == []


@pytest.mark.parametrize(("kind", "spans", "attrs", "message"), [
    ("opinion", [("claim", 0, 4)], {}, "unknown annotation kind"),
    ("claim", [("holder", 0, 4)], {}, "no role"),
    ("claim", [("claim", 0, 4)], {"checkworthy": "maybe"}, "cannot be"),
    ("stance", [("holder", 0, 4)], {}, "needs 1 stance"),
    ("attribution", [("content", 0, 4), ("source", 5, 13), ("source", 15, 23)], {}, "source span"),
])
def test_scheme_is_enforced(seeded: tuple[Store, str], kind: str, spans: list[tuple[str, int, int]],
                            attrs: dict[str, str], message: str) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    ann = Annotation(kind=kind, doc_id=doc_id, attrs=attrs,
                     spans=[Span(r, a, b, text[a:b]) for r, a, b in spans])
    with pytest.raises(SchemaError, match=message):
        store.add_annotation(ann)


def test_defaults_fill_in(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    store.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[_span(text, "claim", "This Thursday")]))
    assert store.annotations(doc_id)[0].attrs == {"checkworthy": "yes"}


def test_undo_redo_survive_a_restart(tmp_path: Path, seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    a = store.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[_span(text, "claim", "This Thursday")]))
    b = store.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[_span(text, "claim", "Iranian President")]))
    a.attrs["checkworthy"] = "no"
    store.update_annotation(a)
    store.close()

    again = Store(store.path, annotator="tester")
    assert again.undo(doc_id) is not None  # the update
    assert again.get_annotation(a.id).attrs["checkworthy"] == "yes"
    again.undo(doc_id)  # b's add
    assert [x.id for x in again.annotations(doc_id)] == [a.id]
    again.close()

    third = Store(store.path, annotator="tester")
    assert third.redo(doc_id) is not None
    assert {x.id for x in third.annotations(doc_id)} == {a.id, b.id}
    third.redo(doc_id)
    assert third.get_annotation(a.id).attrs["checkworthy"] == "no"
    assert third.redo(doc_id) is None
    third.close()


def test_a_new_edit_clears_redo(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    store.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[_span(text, "claim", "This Thursday")]))
    store.undo(doc_id)
    store.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[_span(text, "claim", "Iranian")]))
    assert store.redo(doc_id) is None
    assert [a.spans[0].text for a in store.annotations(doc_id)] == ["Iranian"]


def test_undo_is_per_annotator(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    other = Store(store.path, annotator="colleague")
    other.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[_span(text, "claim", "Iranian")]))
    assert store.undo(doc_id) is None
    assert len(store.annotations(doc_id)) == 1
    other.close()


def test_accept_and_reject_are_decisions_that_undo(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    store.reject_suggestion(doc_id, "a:1-2")
    ann = Annotation(kind="attribution", doc_id=doc_id, origin="suggested", attrs={"type": "direct"},
                     spans=[_span(text, "content", "Iran will not surrender")])
    store.add_annotation(ann, suggestion_key="a:5-9")
    assert store.decisions(doc_id) == {"a:1-2": "rejected", "a:5-9": "accepted"}
    store.undo(doc_id)
    assert store.decisions(doc_id) == {"a:1-2": "rejected"}
    assert store.annotations(doc_id) == []
    store.undo(doc_id)
    assert store.decisions(doc_id) == {}


def test_edit_of_a_suggested_annotation_becomes_edited(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    ann = store.add_annotation(Annotation(kind="attribution", doc_id=doc_id, origin="suggested",
                                          spans=[_span(text, "content", "Iran will not surrender")]))
    ann.attrs["type"] = "mixed"
    store.update_annotation(ann)
    assert store.get_annotation(ann.id).origin == "edited"


def test_delete_and_undo_restore_the_frame(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    ann = store.add_annotation(Annotation(kind="stance", doc_id=doc_id, attrs={"polarity": "against"},
                                          spans=[_span(text, "stance", "refuses to engage in negotiations"),
                                                 _span(text, "holder", "Masoud Pezeshkian")]))
    store.delete_annotation(ann.id)
    assert store.annotations(doc_id) == []
    store.undo(doc_id)
    assert store.annotations(doc_id)[0].to_dict() == ann.to_dict()


def test_journal_is_append_only_audit_trail(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    text = store.get_document(doc_id).text
    store.add_annotation(Annotation(kind="claim", doc_id=doc_id, spans=[_span(text, "claim", "Iranian")]))
    store.undo(doc_id)
    store.redo(doc_id)
    ops = [r["op"] for r in store.journal(doc_id)]
    assert ops == ["add", "undo", "redo"]


def test_status_is_journalled(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    store.set_status(doc_id, "done")
    assert store.get_document(doc_id).status == "done"
    store.undo(doc_id)
    assert store.get_document(doc_id).status == "new"


def test_find_document_by_id_or_title(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    assert store.find_document(doc_id).id == doc_id
    assert store.find_document("PEZESHKIAN SAYS").id == doc_id


def test_find_document_by_id_prefix_and_refuses_an_ambiguous_title(store: Store) -> None:
    ids = store_records(store, [ImportRecord(text=f"Story number {i}.", source="t", title=title)
                                for i, title in enumerate(["Budget", "Budget vote", "Budget row"])]
                        ).added
    assert store.find_document(ids[1][:8]).id == ids[1]  # what a narrow `redline list` shows
    assert store.find_document("budget").id == ids[0]  # the title equal to the query wins
    with pytest.raises(NotFoundError) as e:
        store.find_document("Budget ")
    assert "2 documents match" in e.value.message and ids[1] in e.value.message
    assert "give more of the title" in e.value.one_line()
    with pytest.raises(NotFoundError, match="no document matches"):
        store.find_document("weather")


def test_has_analysis_says_whether_the_text_was_analysed(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    doc = store.get_document(doc_id)
    assert not store.has_analysis(doc_id) and not store.has_analysis("missing")
    store.save_analysis({"text_sha256": doc.text_sha256, "model": "m"}, extractor_version="1")
    assert store.has_analysis(doc_id) and not store.has_analysis("missing")


class _DamagedConnection:
    """A connection whose every query meets a damaged page."""

    def execute(self, *_: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")


def test_has_analysis_reports_a_damaged_file_in_one_line(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    conn = store.db.conn
    store.db.conn = _DamagedConnection()  # type: ignore[assignment]
    try:
        with pytest.raises(DatabaseError, match="is damaged"):
            store.has_analysis(doc_id)
    finally:
        store.db.conn = conn
