"""Property tests: hostile Unicode texts and random edit sequences against a simple model.

After every step: each span's text is the document's slice at its offsets, the database holds
exactly what the model says, and export → import → export gives back the same bytes; undo then
redo changes nothing.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from annotations.errors import RedlineError, SpanMismatchError
from annotations.formats.redline import export_redline
from annotations.importer import read_jsonl_file
from annotations.ingest import store_records
from annotations.models import STATUSES, Annotation, Span, normalise_newlines
from annotations.store import Store

# Pieces that break naive offset code: astral emoji and ZWJ sequences, flags, combining
# marks, CJK, right-to-left scripts and overrides, zero-width characters and the BOM, every
# line ending, quotes and escapes that JSON must carry, and separators Python treats as lines.
PIECES = [
    "a", "Z", "said", " ", "  ", "\t", ".", ",", "\n", "\n\n", "\r\n", "\r", "\r\n\r\n",
    "😀", "👩‍👩‍👧", "🇫🇷", "👍🏽", "e\u0301", "n\u0303\u0323", "東京", "漢字かな", "한국어",
    "مرحبا", "שלום", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066",
    "\ufeff", "“", "”", "‘", "’", '"', "'", "\\", "\\n", "\u2028", "\u2029", "\x85", "\x0b",
    "\x0c", "\x1e", "\x7f", "\U0010fffd", "\ufffd",
]

texts = (
    st.lists(st.one_of(st.sampled_from(PIECES),
                       st.text(st.characters(blacklist_categories=["Cs"],
                                             blacklist_characters="\x00"),
                               min_size=1, max_size=3)),
             min_size=1, max_size=50)
    .map("".join)
    .filter(lambda t: bool(normalise_newlines(t).strip()))
)

PROFILE = settings(max_examples=30, stateful_step_count=20, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def import_raw(store: Store, raw: str, doc_id: str = "doc") -> str:
    """Import a raw text the way `redline import` reads a JSONL line; the stored id."""
    line = json.dumps({"id": doc_id, "title": "t", "text": raw}, ensure_ascii=False) + "\n"
    records = read_jsonl_file(Path("input.jsonl"), line.encode("utf-8"))
    result = store_records(store, records)
    return (result.added or result.duplicates)[0]


def round_trip(store: Store) -> tuple[str, str]:
    """(export, export of a fresh database that imported that export)."""
    first = "".join(export_redline(store))
    second_store = Store(":memory:", annotator="other")
    try:
        store_records(second_store, read_jsonl_file(Path("export.jsonl"), first.encode("utf-8")))
        second = "".join(export_redline(second_store))
    finally:
        second_store.close()
    return first, second


def assert_spans_match(store: Store, doc_id: str) -> None:
    """The invariant every edit, import and export checks: span text is the slice."""
    text = store.get_document(doc_id).text
    for ann in store.annotations(doc_id):
        for s in ann.spans:
            assert 0 <= s.start < s.end <= len(text)
            assert text[s.start:s.end] == s.text, (ann.id, s)


@given(raw=texts)
@settings(max_examples=60, deadline=None)
def test_import_normalises_line_endings_and_round_trips(raw: str) -> None:
    """Any hostile text is stored CRLF-normalised and exports/imports back byte for byte."""
    store = Store(":memory:", annotator="p")
    doc_id = import_raw(store, raw)
    text = store.get_document(doc_id).text
    assert text == raw.replace("\r\n", "\n").replace("\r", "\n")
    first, second = round_trip(store)
    assert first == second
    assert json.loads(first)["text"] == text


State = tuple[dict[str, dict[str, Any]], str]  # (annotations by id, document status)
Entry = tuple[State, State]  # (before, after) of one journalled edit


class EditingSession(RuleBasedStateMachine):
    """One annotator editing one document; the model is a dict of annotations plus stacks."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="redline-props-"))
        self.path = self.folder / "session.db"
        self.store = Store(self.path, annotator="prop")
        self.doc_id = ""
        self.text = ""
        self.anns: dict[str, dict[str, Any]] = {}
        self.status = "new"
        self.undo_stack: list[Entry] = []
        self.redo_stack: list[Entry] = []

    # -- helpers ------------------------------------------------------------------------------
    def _span(self, role: str, a: int, b: int) -> Span:
        n = len(self.text)
        start, end = sorted((a % n, b % n))
        end = max(end, start + 1)
        return Span(role, start, end, self.text[start:end])

    def _state(self) -> State:
        return copy.deepcopy(self.anns), self.status

    def _record(self, before: State) -> None:
        if self.status == "new":
            self.status = "in progress"  # the first edit starts the document, in the same step
        self.undo_stack.append((before, self._state()))
        self.redo_stack.clear()

    def _pick(self, i: int) -> dict[str, Any]:
        return self.anns[sorted(self.anns)[i % len(self.anns)]]

    # -- rules --------------------------------------------------------------------------------
    @initialize(raw=texts)
    def open_document(self, raw: str) -> None:
        """Import a hostile text; the stored text is the CRLF-normalised one."""
        self.doc_id = import_raw(self.store, raw)
        self.text = raw.replace("\r\n", "\n").replace("\r", "\n")
        assert self.store.get_document(self.doc_id).text == self.text

    @rule(kind=st.sampled_from(["claim", "stance", "attribution"]),
          offsets=st.lists(st.integers(0, 10**6), min_size=6, max_size=6),
          extra=st.booleans())
    def add(self, kind: str, offsets: list[int], extra: bool) -> None:
        """Tag a random stretch (code point offsets, even mid-grapheme) as a new frame."""
        a, b, c, d, e, f = offsets
        if kind == "claim":
            spans, attrs = [self._span("claim", a, b)], {"checkworthy": "no" if extra else "yes"}
        elif kind == "stance":
            spans = [self._span("stance", a, b)] + ([self._span("holder", c, d)] if extra else [])
            attrs = {"polarity": "against", "target_text": "“ц” 😀"}
        else:
            spans = [self._span("content", a, b), self._span("source", c, d)]
            if extra:
                spans.append(self._span("content", e, f))
            attrs = {"type": "mixed", "speaker": "Zoë ‏Ñ"}
        ann = Annotation(kind=kind, doc_id=self.doc_id, spans=spans, attrs=attrs)
        before = self._state()
        stored = self.store.add_annotation(ann)
        self.anns[stored.id] = stored.to_dict()
        self._record(before)

    @rule(a=st.integers(0, 10**6), b=st.integers(0, 10**6))
    def add_mismatched(self, a: int, b: int) -> None:
        """A span whose text is not the slice is refused and changes nothing."""
        span = self._span("claim", a, b)
        wrong = Span("claim", span.start, span.end, span.text + "x")
        with pytest.raises(SpanMismatchError):
            self.store.add_annotation(Annotation(kind="claim", doc_id=self.doc_id, spans=[wrong]))

    @precondition(lambda self: self.anns)
    @rule(i=st.integers(0, 100), a=st.integers(0, 10**6), b=st.integers(0, 10**6),
          move=st.booleans())
    def edit(self, i: int, a: int, b: int, move: bool) -> None:
        """Move an annotation's first span, or change an attribute."""
        current = Annotation.from_dict(self._pick(i), doc_id=self.doc_id)
        if move:
            first = current.spans[0]
            current.spans = [self._span(first.role, a, b), *current.spans[1:]]
        elif current.kind == "claim":
            flip = {"yes": "no", "no": "yes"}
            current.attrs["checkworthy"] = flip[current.attrs["checkworthy"]]
        elif current.kind == "stance":
            current.attrs["polarity"] = "favor" if current.attrs["polarity"] != "favor" else "none"
        else:
            current.attrs["type"] = "direct" if current.attrs["type"] != "direct" else "indirect"
        before = self._state()
        stored = self.store.update_annotation(current)
        self.anns[stored.id] = stored.to_dict()
        self._record(before)

    @precondition(lambda self: self.anns)
    @rule(i=st.integers(0, 100))
    def stale_edit_is_refused(self, i: int) -> None:
        """An edit built on a copy read before the last change would undo that change: refused."""
        stale = Annotation.from_dict(self._pick(i), doc_id=self.doc_id)
        fresh = Annotation.from_dict(self._pick(i), doc_id=self.doc_id)
        fresh.attrs = dict(fresh.attrs)
        before = self._state()
        stored = self.store.update_annotation(fresh)  # unchanged content, new stamp
        self.anns[stored.id] = stored.to_dict()
        self._record(before)
        with pytest.raises(RedlineError, match="was changed elsewhere"):
            self.store.update_annotation(stale)

    @precondition(lambda self: self.anns)
    @rule(i=st.integers(0, 100))
    def delete(self, i: int) -> None:
        """Delete one annotation."""
        ann_id = self._pick(i)["id"]
        before = self._state()
        self.store.delete_annotation(ann_id)
        del self.anns[ann_id]
        self._record(before)

    @rule(status=st.sampled_from(STATUSES))
    def set_status(self, status: str) -> None:
        """Mark the document; a real change is journalled like an edit."""
        before = self._state()
        self.store.set_status(self.doc_id, status)
        if status != self.status:
            self.status = status
            self.undo_stack.append((before, self._state()))
            self.redo_stack.clear()

    def _apply(self, state: State) -> None:
        self.anns, self.status = copy.deepcopy(state[0]), state[1]

    @rule()
    def undo(self) -> None:
        """Undo goes back exactly one step of the model."""
        got = self.store.undo(self.doc_id)
        if not self.undo_stack:
            assert got is None
            return
        assert got is not None
        entry = self.undo_stack.pop()
        self._apply(entry[0])
        self.redo_stack.append(entry)

    @rule()
    def redo(self) -> None:
        """Redo goes forward exactly one step of the model."""
        got = self.store.redo(self.doc_id)
        if not self.redo_stack:
            assert got is None
            return
        assert got is not None
        entry = self.redo_stack.pop()
        self._apply(entry[1])
        self.undo_stack.append(entry)

    @precondition(lambda self: self.undo_stack)
    @rule()
    def undo_then_redo_is_identity(self) -> None:
        """Undo followed by redo leaves the database exactly as it was."""
        before = "".join(export_redline(self.store))
        journal = len(self.store.journal(self.doc_id))
        assert self.store.undo(self.doc_id) is not None
        assert self.store.redo(self.doc_id) is not None
        assert "".join(export_redline(self.store)) == before
        assert len(self.store.journal(self.doc_id)) == journal + 2

    @rule()
    def restart(self) -> None:
        """Close and reopen the database: the journal, not memory, holds the undo history, so
        the model's stacks must still match what undo and redo do afterwards."""
        self.store.close()
        self.store = Store(self.path, annotator="prop")

    # -- invariants ---------------------------------------------------------------------------
    @invariant()
    def database_matches_model(self) -> None:
        """Exactly the model's annotations and status are stored."""
        if not self.doc_id:
            return
        stored = {a.id: a.to_dict() for a in self.store.annotations(self.doc_id)}
        note(f"model has {len(self.anns)} annotations")
        assert stored == self.anns
        assert self.store.get_document(self.doc_id).status == self.status

    @invariant()
    def spans_are_slices(self) -> None:
        """Every stored span's text is the document's text at its offsets."""
        if self.doc_id:
            assert_spans_match(self.store, self.doc_id)

    @invariant()
    def export_import_is_identity(self) -> None:
        """Export → import → export gives back the same bytes."""
        if self.doc_id:
            first, second = round_trip(self.store)
            assert first == second

    def teardown(self) -> None:
        """Close and remove the session's database."""
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


EditingSession.TestCase.settings = PROFILE
TestEditingSession = EditingSession.TestCase
