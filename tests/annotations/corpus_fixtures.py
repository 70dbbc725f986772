"""A small corpus with every annotation kind, non-ASCII text and emoji, for the format tests."""

from __future__ import annotations

from typing import Any

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store

TEXT = ("Ministerin Müller sagte: “Wir geben nicht nach 💪.” 東京 reagierte.\n"
        "“Das ist falsch,” erwiderte Zoë Ñúñez. “Wir 🚀 bleiben.”\n\n"
        "Critics called it a “disaster” for 🌍 climate policy.")
PLAIN = "The mayor said the budget is balanced. Nobody else spoke."
EMPTY = "A document nobody annotated, with an emoji 🙂 and a tab\there."


def span(role: str, needle: str, text: str = TEXT) -> Span:
    """The span of the first occurrence of `needle`."""
    start = text.index(needle)
    return Span(role, start, start + len(needle), needle)


def build_corpus(store: Store) -> list[str]:
    """Three documents (every kind, split quotes, a span across a paragraph break, shared
    offsets, two annotators); returns their ids in library order."""
    ids = store_records(store, [
        ImportRecord(text=TEXT, source="t", title="Ünïcode 💬", meta={"lang": "de", "n": 1}),
        ImportRecord(text=PLAIN, source="t", id="plain/1", title="Plain"),
        ImportRecord(text=EMPTY, source="t", title="Empty", status="done"),
    ]).added
    doc, plain = ids[0], ids[1]
    anns = [
        Annotation(kind="claim", doc_id=doc, attrs={"checkworthy": "no"},
                   spans=[span("claim", "東京 reagierte")], annotator="alice"),
        Annotation(kind="claim", doc_id=doc, spans=[span("claim", "Wir 🚀 bleiben.”\n\nCritics")],
                   annotator="bob"),
        Annotation(kind="stance", doc_id=doc,
                   attrs={"polarity": "against", "target_text": "Zugeständnisse\tan alle"},
                   spans=[span("stance", "Wir geben nicht nach 💪."),
                          span("holder", "Ministerin Müller")], annotator="alice"),
        Annotation(kind="stance", doc_id=doc, attrs={"polarity": "favor"},
                   spans=[span("stance", "called it a “disaster”"), span("holder", "Critics"),
                          span("target", "🌍 climate policy")], annotator="bob"),
        Annotation(kind="attribution", doc_id=doc, origin="suggested",
                   attrs={"type": "direct", "speaker": "Zoë Ñúñez"},
                   spans=[span("content", "Das ist falsch,"), span("cue", "erwiderte"),
                          span("source", "Zoë Ñúñez"), span("content", "Wir 🚀 bleiben.")],
                   annotator="alice"),
        Annotation(kind="attribution", doc_id=doc, attrs={"type": "indirect"},
                   spans=[span("content", "Wir geben nicht nach 💪.")], annotator="bob"),
        Annotation(kind="attribution", doc_id=plain, attrs={"type": "indirect", "speaker": "Mayor"},
                   spans=[span("source", "The mayor", PLAIN), span("cue", "said", PLAIN),
                          span("content", "the budget is balanced", PLAIN)], annotator="alice"),
    ]
    for a in anns:
        store.add_annotation(a)
    return ids


def corpus_state(store: Store) -> list[dict[str, Any]]:
    """Every document's id, title, text, meta, status and annotations (export form)."""
    out = []
    for doc in store.iter_documents():
        out.append({"id": doc.id, "title": doc.title, "text": doc.text, "meta": doc.meta,
                    "status": doc.status,
                    "annotations": sorted((a.to_dict() for a in store.annotations(doc.id)),
                                          key=lambda a: a["id"])})
    return out
