"""Adjudication: annotators' databases reviewed into one gold database.

Documents are matched by text, as `agreement.load` matches them (only those every database
holds). In each document an annotation that every annotator made identically (same kind, spans
and attributes) is agreed, and copied into the gold database at once. The rest form cases: the
annotations of one kind whose main spans (claim, stance, attribution content) overlap across
annotators, joined transitively. A case holds each annotator's version (their annotations in
it, maybe none) and is decided by keeping one version, none, or an edited one.

A kept annotation keeps its kind, spans, attributes, origin and annotator, and gains
`attrs.adjudicated_from`: the name of the annotator whose version was kept (for an agreed one,
every name joined with " + "); an edited one has origin `edited`.

Decisions are journalled in the gold database's `review` table, one row per decision with the ids
of the annotations it wrote (which go through the store's own journal). Undo marks the newest
decision undone and deletes what it wrote. A case's key is made of its content, so reopening the
same databases skips every case with a standing decision: the review resumes where it stopped.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .agreement import load
from .errors import InputError
from .merge import check_sources, open_source

# ANCHOR: the role whose span says where an annotation is (what overlaps to make a case);
# re-exported, the review screen reads it here
from .models import ANCHOR as ANCHOR
from .models import SPAN_ORDER, Annotation, Document, now_iso, sha256
from .store import Store
from .store.db import Database

ADJUDICATED = "adjudicated_from"
"""The attribute naming the annotator whose version a gold annotation is."""

REVIEW_TABLE = (
    "CREATE TABLE IF NOT EXISTS review (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " case_key TEXT NOT NULL, doc_id TEXT NOT NULL, choice TEXT NOT NULL,"
    " annotator TEXT NOT NULL, annotations TEXT NOT NULL, reviewer TEXT NOT NULL,"
    " at TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0)")
"""The decisions journal: choice is agreed, kept, edited or none; annotator the name kept."""

Signature = tuple[str, tuple[tuple[str, int, int], ...], tuple[tuple[str, str], ...]]


def signature(ann: Annotation) -> Signature:
    """What makes two annotations the same: kind, role spans and attributes (not provenance)."""
    return (ann.kind, tuple((s.role, s.start, s.end) for s in sorted(ann.spans, key=SPAN_ORDER)),
            tuple(sorted((k, v) for k, v in ann.attrs.items() if k != ADJUDICATED)))


def _anchors(ann: Annotation) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in ann.role(ANCHOR[ann.kind])]


@dataclass(frozen=True)
class Case:
    """One disagreement: every annotator's version of one stretch of a document."""

    key: str
    doc: Document
    kind: str
    what: str
    versions: tuple[tuple[Annotation, ...], ...]

    @property
    def start(self) -> int:
        """Where the first span of any version starts."""
        return int(min(a.start for v in self.versions for a in v))

    @property
    def end(self) -> int:
        """Where the last span of any version ends."""
        return int(max(a.end for v in self.versions for a in v))


def _what(kind: str, versions: Sequence[Sequence[Annotation]], names: Sequence[str]) -> str:
    """Why the versions differ, in the words of the review screen."""
    tagged = [names[i] for i, v in enumerate(versions) if v]
    if len(tagged) < len(versions):
        return f"only {', '.join(tagged)} tagged it"
    if any(len(v) != 1 for v in versions):
        return "boundaries differ"
    anns = [v[0] for v in versions]
    if len({tuple(_anchors(a)) for a in anns}) > 1:
        return "boundaries differ"
    keys = {k for a in anns for k in a.attrs if k != ADJUDICATED}
    differ = sorted(k for k in keys if len({a.attrs.get(k) for a in anns}) > 1)
    if differ:
        return f"attribute differs ({', '.join(differ)})"
    roles = sorted({s.role for a in anns for s in a.spans} - {ANCHOR[kind]})
    differ = [r for r in roles if len({tuple((s.start, s.end) for s in a.role(r)) for a in anns}) > 1]
    return f"{' and '.join(differ) or 'spans'} differ{'s' if len(differ) == 1 else ''}"


def split(doc: Document, sides: Sequence[Sequence[Annotation]], names: Sequence[str]
          ) -> tuple[list[tuple[str, Annotation]], list[Case]]:
    """A document's agreed annotations (key, annotator one's copy) and its cases, in text order."""
    by_sig: list[dict[Signature, list[Annotation]]] = []
    for anns in sides:
        d: dict[Signature, list[Annotation]] = defaultdict(list)
        for a in anns:
            d[signature(a)].append(a)
        by_sig.append(d)
    agreed: list[tuple[str, Annotation]] = []
    for sig, mine in list(by_sig[0].items()):
        n = min(len(d.get(sig, [])) for d in by_sig)
        for i in range(n):
            agreed.append((sha256(f"{doc.text_sha256}|agreed|{sig!r}|{i}"), mine[i]))
        for d in by_sig:
            if n:
                d[sig] = d[sig][n:]
    items = [(k, a) for k, d in enumerate(by_sig) for group in d.values() for a in group]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]  # path halving: chains stay short
            i = parent[i]
        return i

    # a sweep over the main spans in text order: only the spans still open when one starts can
    # overlap it (all pairs of a long article's thousands of annotations: millions of checks)
    active: list[tuple[int, int]] = []  # (end, item) of the spans still open
    for start, end, i in sorted((s, e, i) for i, (_, a) in enumerate(items) for s, e in _anchors(a)):
        active = [(e, j) for e, j in active if e > start]
        for _, j in active:
            if items[i][0] != items[j][0] and items[i][1].kind == items[j][1].kind:
                parent[find(i)] = find(j)
        active.append((end, i))
    groups: dict[int, list[tuple[int, Annotation]]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[find(i)].append(item)
    cases = []
    seen: dict[str, int] = defaultdict(int)
    for members in groups.values():
        versions = tuple(tuple(sorted((a for k, a in members if k == side), key=signature))
                         for side in range(len(sides)))
        kind = members[0][1].kind
        key = sha256(f"{doc.text_sha256}|case|{[[signature(a) for a in v] for v in versions]!r}")
        # one annotator's identical twins are two cases with the same content: number them
        seen[key] += 1
        key = key if seen[key] == 1 else sha256(f"{key}|{seen[key]}")
        cases.append(Case(key, doc, kind, _what(kind, versions, names), versions))
    cases.sort(key=lambda c: (c.start, c.end, c.kind, c.key))
    agreed.sort(key=lambda p: (p[1].start, p[1].end, p[0]))
    return agreed, cases


def gold_copy(ann: Annotation, doc: Document, key: str, name: str, *,
              edited: bool = False) -> Annotation:
    """The gold database's copy of an annotator's annotation, marked as adjudicated."""
    return Annotation(
        kind=ann.kind, spans=list(ann.spans), attrs={**ann.attrs, ADJUDICATED: name},
        id=sha256(f"{key}|{name}|{ann.id}|{'edited' if edited else 'kept'}")[:16],
        doc_id=doc.id, origin="edited" if edited else ann.origin,
        annotator=ann.annotator or name, created_at=ann.created_at, updated_at=now_iso())


class Review:
    """An adjudication in progress: the cases, and the decisions stored in the gold database."""

    def __init__(self, gold: Store, names: list[str], cases: list[Case], documents: int,
                 agreed: int = 0) -> None:
        self.gold = gold
        self.names = names
        self.cases = cases
        self.documents = documents
        self.agreed = agreed  # annotations every annotator made alike (in gold since opening)
        self._index = {c.key: i for i, c in enumerate(self.cases)}
        docs = list(dict.fromkeys(c.doc.id for c in cases))
        self._doc_number = {d: n for n, d in enumerate(docs, start=1)}

    @classmethod
    def open(cls, sources: Sequence[Path], gold: Store) -> Review:
        """Compare the sources, put their shared documents and agreed annotations into `gold`
        (those not there yet), and return the review with its cases."""
        if len(sources) > 9:
            raise InputError(str(sources[9]), "a review takes at most 9 databases (one key each)",
                             hint="give at most nine (review the others into another gold database)")
        check_gold(sources, gold.path)
        names, docs = load(list(sources))
        cases: list[Case] = []
        agreed_total = 0
        with gold._write() as db:
            db.conn.execute(REVIEW_TABLE)
            for path in sources:  # the annotators' labels, for the gold annotations using them
                with open_source(path) as src:
                    gold.join_label_scheme(src.label_scheme())
            done = _standing(db)
            for doc, sides in docs:
                target = _gold_document(gold, db, doc)
                agreed, found = split(target, sides, names)
                cases += found
                agreed_total += len(agreed)
                for key, ann in agreed:
                    if key not in done:
                        copy = gold_copy(ann, target, key, " + ".join(names))
                        gold.add_annotation(copy)
                        _record(gold, db, key, target.id, "agreed", names[0], [copy.id])
        return cls(gold, names, cases, len(docs), agreed_total)

    def decided(self) -> set[str]:
        """The keys of the cases with a standing decision."""
        return {r["case_key"] for r in self.gold._rows(
            "SELECT case_key FROM review WHERE undone = 0")}

    def next_open(self, start: int = 0) -> int | None:
        """The first undecided case from `start` on (wrapping round), or None when all are."""
        done = self.decided()
        n = len(self.cases)
        for i in [*range(start, n), *range(start)]:
            if self.cases[i].key not in done:
                return int(i)
        return None

    def status(self, i: int) -> str:
        """Where case `i` is: "disagreement 3 of 17 · document 2 of 9"."""
        return (f"disagreement {i + 1} of {len(self.cases)} · document "
                f"{self._doc_number[self.cases[i].doc.id]} of {len(self._doc_number)}")

    def keep(self, i: int, pick: int | None, edited: Sequence[Annotation] = ()) -> list[str]:
        """Decide case `i`: keep annotator `pick`'s version (0-based), none (None), or `edited`
        (annotations edited from annotator `pick`'s version); the gold ids written."""
        case = self.cases[i]
        name = "" if pick is None else self.names[pick]
        if pick is None:
            chosen, choice = [], "none"
        elif edited:
            chosen = [gold_copy(a, case.doc, case.key, name, edited=True) for a in edited]
            choice = "edited"
        else:
            chosen = [gold_copy(a, case.doc, case.key, name) for a in case.versions[pick]]
            choice = "kept"
        with self.gold._write() as db:
            if case.key in _standing(db):
                return []  # decided meanwhile (a second key press, another window)
            for ann in chosen:
                self.gold.add_annotation(ann)
            _record(self.gold, db, case.key, case.doc.id, choice, name, [a.id for a in chosen])
        return [a.id for a in chosen]

    def undo(self) -> int | None:
        """Revert the newest standing decision on one of these cases; its index, or None."""
        with self.gold._write() as db:
            rows = db.conn.execute(
                "SELECT seq, case_key, annotations FROM review WHERE undone = 0"
                " AND choice != 'agreed' ORDER BY seq DESC").fetchall()
            for seq, key, written in rows:
                if key not in self._index:
                    continue  # another review's decision into the same gold database
                for ann_id in json.loads(written):
                    if db.conn.execute("SELECT 1 FROM annotations WHERE id = ?",
                                       (ann_id,)).fetchone():
                        self.gold.delete_annotation(ann_id)
                db.conn.execute("UPDATE review SET undone = 1 WHERE seq = ?", (seq,))
                return self._index[key]
        return None

    def decisions(self) -> list[dict[str, Any]]:
        """The decisions journal, oldest first (undone ones included, flagged)."""
        return list(self.gold._rows("SELECT * FROM review ORDER BY seq"))


def check_gold(sources: Sequence[Path], gold: Path) -> None:
    """InputError unless every source is an existing database other than the gold one."""
    for path in sources:
        if path.is_file() and gold.exists() and path.samefile(gold):
            raise InputError(str(path), "is the gold database the review writes into",
                             hint="give --into a new file, or the gold database of this review")
    check_sources(list(sources), gold)


def _standing(db: Database) -> dict[str, str]:
    """case key -> choice of every decision not undone."""
    return {k: c for k, c in db.conn.execute(
        "SELECT case_key, choice FROM review WHERE undone = 0")}


def _record(gold: Store, db: Database, key: str, doc_id: str, choice: str, name: str,
            ids: list[str]) -> None:
    db.conn.execute(
        "INSERT INTO review (case_key, doc_id, choice, annotator, annotations, reviewer, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (key, doc_id, choice, name, json.dumps(ids), gold.annotator, now_iso()))


def _gold_document(gold: Store, db: Database, doc: Document) -> Document:
    """The gold database's document with this text, added (as new) if it has none."""
    row = db.conn.execute("SELECT id FROM documents WHERE text_sha256 = ? ORDER BY position"
                          " LIMIT 1", (doc.text_sha256,)).fetchone()
    if row is not None:
        return gold.get_document(row[0])
    doc_id, n = doc.id, 0
    while db.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
        n += 1
        doc_id = f"{doc.id}-{doc.text_sha256[:8]}" + (f"-{n}" if n > 1 else "")
    return gold.insert_document(Document(id=doc_id, text=doc.text, title=doc.title,
                                         meta=dict(doc.meta)))
