"""Two annotators' databases that agree on some things and disagree on others (review tests).

Two shared documents; a third only alice holds (never reviewed). Between alice (a.db) and bob
(b.db) there is one agreed claim and four disagreements: in the first document an attribution
whose source differs, a claim only bob tagged and a stance whose polarity differs; in the
second a claim whose boundaries differ.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotations.models import Annotation, Document, Span
from annotations.store import Store

TEXT_1 = ('Alice Smith said: "Taxes will rise next year." Bob Jones disagreed. '
          "The plan is a disaster, critics argued.")
TEXT_2 = "The minister promised lower prices. Critics doubt it."
TEXT_3 = "Only alice has this one. Nobody disputes it."
CASES = 4
"""Disagreements between the two databases."""


def _span(text: str, role: str, part: str) -> Span:
    start = text.index(part)
    return Span(role, start, start + len(part), part)


def _add(store: Store, doc_id: str, text: str, kind: str, spans: list[tuple[str, str]],
         **attrs: str) -> None:
    store.add_annotation(Annotation(kind=kind, spans=[_span(text, r, p) for r, p in spans],
                                    attrs=dict(attrs), doc_id=doc_id))


def build(folder: Path) -> tuple[Path, Path]:
    """alice's a.db and bob's b.db in `folder`."""
    a, b = folder / "a.db", folder / "b.db"
    for path, who in ((a, "alice"), (b, "bob")):
        with Store(path, annotator=who) as store:
            store.insert_document(Document(id="one", text=TEXT_1, title="Taxes"))
            store.insert_document(Document(id="two", text=TEXT_2, title="Prices"))
            if who == "alice":
                store.insert_document(Document(id="three", text=TEXT_3, title="Alone"))
                _add(store, "three", TEXT_3, "claim", [("claim", "Nobody disputes it")])
            _add(store, "one", TEXT_1, "claim", [("claim", "Taxes will rise next year.")],
                 checkworthy="yes")
            source = [("source", "Alice Smith")] if who == "alice" else []
            _add(store, "one", TEXT_1, "attribution",
                 [("content", "Taxes will rise next year."), ("cue", "said"), *source],
                 type="direct")
            _add(store, "one", TEXT_1, "stance", [("stance", "The plan is a disaster")],
                 polarity="against" if who == "alice" else "none")
            if who == "bob":
                _add(store, "one", TEXT_1, "claim", [("claim", "Bob Jones disagreed")])
            claim = "The minister promised lower prices" if who == "alice" else "promised lower prices"
            _add(store, "two", TEXT_2, "claim", [("claim", claim)])
    return a, b


def content(path: Path, doc_ids: tuple[str, ...] = ("one", "two")) -> list[tuple[Any, ...]]:
    """What a database holds on these documents, without ids, times or adjudication marks:
    (document, kind, spans, attrs, origin, annotator), sorted."""
    with Store(path) as store:
        out = []
        for doc in store.iter_documents():
            name = {TEXT_1: "one", TEXT_2: "two"}.get(doc.text)
            if name not in doc_ids:
                continue
            for a in store.annotations(doc.id):
                attrs = {k: v for k, v in a.attrs.items() if k != "adjudicated_from"}
                out.append((name, a.kind, tuple((s.role, s.start, s.end) for s in a.spans),
                            tuple(sorted(attrs.items())), a.origin, a.annotator))
        return sorted(out)
