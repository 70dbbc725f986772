"""A long uncached text's first screenful is analysed, and handed on, before the rest (issue 16).

The pipeline's `pipe` is held at a gate for anything longer than the first piece
(helpers.progressive): the first screenful's record must come out while the whole analysis is
still held, and the final record must be the one-shot analysis's.
"""

from __future__ import annotations

import threading
from typing import Any

from helpers.progressive import gated, long_text, ruler_pipeline

from annotations.analysis import extractor_version
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.nlp.analyze import analyze_texts
from annotations.nlp.pieces import CHUNK_CHARS
from annotations.nlp.progressive import FIRST_CHARS, first_piece_end, first_record, watched
from annotations.nlp.service import Service
from annotations.store import Store


def test_short_text_has_no_first_piece() -> None:
    assert first_piece_end("Ann Lee spoke. " * 100) == 0
    text = long_text()
    end = first_piece_end(text)
    assert 0 < end <= FIRST_CHARS and text[end - 1] == "\n"  # a paragraph end


def test_first_record_is_the_beginning_only_and_marked_partial() -> None:
    pipeline, text = ruler_pipeline(), long_text()
    record = first_record(pipeline, "d", text, "sha")
    assert record is not None and record["partial"] is True and record["text_sha256"] == "sha"
    covers = record["covers"]
    assert covers == first_piece_end(text)
    assert record["entities"] and all(e["end"] <= covers for e in record["entities"])
    assert all(text[e["start"]:e["end"]] == e["text"] for e in record["entities"])
    assert record["quotes"] and all(q["end"] <= covers for q in record["quotes"])


def test_service_hands_on_the_first_screenful_before_the_whole_is_analysed(
        store: Store) -> None:
    text = long_text()
    doc_id = store_records(store, [ImportRecord(text=text, source="t", title="Long")]).added[0]
    doc = store.get_document(doc_id)
    gate = threading.Event()
    real = ruler_pipeline()
    service = Service(str(store.path), None)
    service.pipeline, nlp = gated(real, gate)
    early: list[dict[str, Any]] = []
    got_early = threading.Event()

    def partial(record: dict[str, Any]) -> None:
        early.append(record)
        got_early.set()

    answers: list[dict[str, Any]] = []
    worker = threading.Thread(target=lambda: answers.append(service.handle(doc_id, partial)))
    worker.start()
    try:
        assert got_early.wait(30), "no first screenful came"
        assert nlp.held.wait(30)  # the whole text is still waiting: the first part came first
        assert not answers
        assert store.cached_analysis(doc.text_sha256, real.model_id, extractor_version()) is None
    finally:
        gate.set()
        worker.join(60)
    assert answers == [{"id": doc_id, "ok": True, "warning": ""}]
    assert len(early) == 1 and early[0]["covers"] < len(text)
    one_shot = next(iter(analyze_texts(real, [(doc_id, text)])))
    cached = store.cached_analysis(doc.text_sha256, real.model_id, extractor_version())
    assert cached is not None and "partial" not in cached
    for key in ("entities", "quotes", "attributions"):
        assert cached[key] == one_shot[key], key
    # the quote that runs past the first piece: only the final pass has it whole
    whole = [q for q in one_shot["quotes"] if "second part" in q["text"]]
    assert whole and "first part" in whole[0]["text"]
    assert not [q for q in early[0]["quotes"] if "second part" in q["text"]]
    service.store.close()


def test_cached_document_gives_no_first_screenful(store: Store) -> None:
    text = long_text()
    doc_id = store_records(store, [ImportRecord(text=text, source="t", title="Long")]).added[0]
    service = Service(str(store.path), None)
    service.pipeline = ruler_pipeline()
    assert service.handle(doc_id)["ok"]
    early: list[dict[str, Any]] = []
    assert service.handle(doc_id, early.append)["ok"]
    assert early == []  # the cached analysis is the whole one: nothing provisional to show
    service.store.close()


def test_each_parsed_piece_hands_on_its_entities_before_the_rest_is_parsed() -> None:
    """A text of several pieces (two nlp.pipe batches): the first batch's entities come while
    the second batch is held; together they are the one-shot analysis's entities."""
    text = long_text(paragraphs=150)
    assert len(text) > 2 * CHUNK_CHARS + FIRST_CHARS
    real = ruler_pipeline()
    gate = threading.Event()
    held, nlp = gated(real, gate, free=1)  # the first batch goes through, the second waits
    pieces: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    worker = threading.Thread(target=lambda: records.extend(analyze_texts(
        watched(held, text, "sha", pieces.append), [("d", text)])))
    worker.start()
    try:
        assert nlp.held.wait(30)
        assert pieces and not records
        so_far = pieces[-1]["covers"]
        assert 0 < so_far < len(text)
    finally:
        gate.set()
        worker.join(60)
    assert [p["from"] for p in pieces] == [0] + [p["covers"] for p in pieces[:-1]]
    assert pieces[-1]["covers"] == len(text)
    assert all(p["partial"] is True and p["text_sha256"] == "sha" and "quotes" not in p
               for p in pieces)
    one_shot = next(iter(analyze_texts(real, [("d", text)])))
    assert [e for p in pieces for e in p["entities"]] == one_shot["entities"]
    assert records[0]["entities"] == one_shot["entities"]
    assert records[0]["quotes"] == one_shot["quotes"]


def test_a_text_of_one_piece_is_not_watched() -> None:
    pipeline = ruler_pipeline()
    assert watched(pipeline, "Ann Lee spoke." * 10, "sha", lambda r: None) is pipeline
