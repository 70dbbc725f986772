"""Snapshot tests of both screens at 60x20, 80x24 and 120x40 (update with `--snapshot-update`).

Everything shown is pinned: the annotator, the documents' timestamps, the library's clock,
the analysis record; the annotations are made through the store before the app starts.
"""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import freeze_times, make, settle
from test_annotate import opened

from annotations.models import Annotation, Span
from annotations.store import Store

SIZES = [(60, 20), (80, 24), (120, 40)]


def annotate(store: Store, doc_id: str) -> None:
    """A claim, a stance and an accepted suggestion, so every highlight kind shows."""
    text = store.get_document(doc_id).text

    def span(role: str, words: str) -> Span:
        start = text.index(words)
        return Span(role, start, start + len(words), words)

    store.add_annotation(Annotation("claim", [span("claim", "Iran will not yield to pressure")],
                                    doc_id=doc_id, created_at="2025-03-14T09:00:00.000Z"))
    store.add_annotation(Annotation(
        "attribution", [span("content", "Iran will not surrender to threats and will not retreat "
                                        "in the face of external pressures,"),
                        span("source", "he"), span("cue", "emphasized")],
        {"type": "direct", "speaker": "Masoud Pezeshkian"}, doc_id=doc_id, origin="suggested",
        created_at="2025-03-14T09:01:00.000Z"), suggestion_key="a:180-270")
    store.add_annotation(Annotation(
        "stance", [span("stance", "he stressed the country’s commitment"), span("holder", "he")],
        {"polarity": "favor"}, doc_id=doc_id, created_at="2025-03-14T09:02:00.000Z"))
    freeze_times(store)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_snapshot(snap_compare: Any, db: tuple[Store, str], size: tuple[int, int]) -> None:
    store, doc_id = db
    annotate(store, doc_id)

    async def ready(pilot: Any) -> None:
        await settle(pilot)

    assert snap_compare(make(store), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_annotation_snapshot(snap_compare: Any, db: tuple[Store, str],
                             size: tuple[int, int]) -> None:
    store, doc_id = db
    annotate(store, doc_id)

    async def ready(pilot: Any) -> None:
        await opened(pilot)
        await pilot.press("n", "n")  # the second pending suggestion, shown in the status line
        await settle(pilot)

    assert snap_compare(make(store, doc_id), terminal_size=size, run_before=ready)
