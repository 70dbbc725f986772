"""Labels shared by the Prodigy, doccano and brat formats, and rebuilding frames on import.

Export writes one labelled span per role (CLAIM, STANCE, HOLDER, TARGET, SOURCE, CUE, CONTENT)
and links the spans of one frame with relations (SAYS, INTRODUCES, CONTINUES, HOLDS, TOWARDS); a
span label (kind `label`) is written under its own name, as `scheme.export_name` spells it
("anonymous source" -> ANONYMOUS_SOURCE). Import maps labels back through the default map, or a
`--labels` JSON file merged over it, plus the database's span labels, groups linked spans into
frames, and counts what it could not map so `redline import` can say so.
"""

from __future__ import annotations

import contextvars
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import InputError, RedlineError, SchemaError, SpanMismatchError
from ..models import ATTRS, ROLES, Annotation, Document, Span, now_iso, sha256
from ..safe_text import one_line_safe
from ..scheme import Scheme, export_name
from ..store import Store

ROLE_LABELS: dict[tuple[str, str], str] = {
    ("claim", "claim"): "CLAIM", ("stance", "stance"): "STANCE", ("stance", "holder"): "HOLDER",
    ("stance", "target"): "TARGET", ("attribution", "source"): "SOURCE",
    ("attribution", "cue"): "CUE", ("attribution", "content"): "CONTENT",
}
# relation label -> (head label, child label)
RELATIONS: dict[str, tuple[str, str]] = {
    "SAYS": ("SOURCE", "CONTENT"), "INTRODUCES": ("CUE", "CONTENT"),
    "CONTINUES": ("CONTENT", "CONTENT"), "HOLDS": ("HOLDER", "STANCE"),
    "TOWARDS": ("STANCE", "TARGET"),
}
SYNONYMS = {"QUOTE": "attribution.content", "SPEAKER": "attribution.source",
            "STANCE_FAVOR": "stance.stance polarity=favor",
            "STANCE_AGAINST": "stance.stance polarity=against",
            "STANCE_NONE": "stance.stance polarity=none",
            "CLAIM_CHECKWORTHY": "claim.claim checkworthy=yes",
            "CLAIM_NOT_CHECKWORTHY": "claim.claim checkworthy=no"}


@dataclass(frozen=True)
class Target:
    """What an outside span label means here: a role in a kind of frame, maybe with attributes."""

    kind: str
    role: str
    attrs: tuple[tuple[str, str], ...] = ()


def parse_target(value: str) -> Target:
    """`kind.role [attr=value …]` as a Target (SchemaError when the scheme has no such thing)."""
    head, *pairs = value.split()
    kind, _, role = head.partition(".")
    if role not in ROLES.get(kind, {}):
        raise SchemaError(f"{value!r} names no role", hint="write kind.role, e.g. claim.claim")
    attrs = []
    for pair in pairs:
        key, _, val = pair.partition("=")
        allowed = ATTRS[kind].get(key)
        if allowed is None or (allowed[0] is not None and val not in allowed[0]):
            raise SchemaError(f"{pair!r} is no attribute of a {kind}")
        attrs.append((key, val))
    return Target(kind, role, tuple(attrs))


@dataclass
class LabelMap:
    """Outside labels -> redline roles, and a count of everything left unmapped."""

    spans: dict[str, Target | None]
    links: dict[str, bool]
    unmapped: Counter[str] = field(default_factory=Counter)
    values: dict[str, str] = field(default_factory=dict)  # brat A-line value -> claim type

    def span(self, label: Any) -> Target | None:
        """The role a span label stands for; None (and counted) when there is none."""
        key = str(label).upper()
        if key in self.spans:
            return self.spans[key]
        named = self.spans.get(export_name(str(label)))
        if named is not None and named.kind == "label":  # a span label written with spaces
            return named
        self.unmapped[f"span label {label!r}"] += 1
        return None

    def link(self, label: Any) -> bool:
        """Whether a relation label joins its spans into one frame (unknown ones are counted)."""
        key = str(label).upper()
        if key in self.links:
            return self.links[key]
        self.unmapped[f"relation label {label!r}"] += 1
        return False

    def add_scheme(self, scheme: Scheme) -> LabelMap:
        """Map a database's span labels back from their export names (a name the map already
        gives, from redline or a `--labels` file, keeps its meaning), and its claim types from
        the one-word form a brat A line holds; the map."""
        for label in scheme.span_labels:
            self.spans.setdefault(export_name(label), Target("label", "span", (("label", label),)))
        for value in scheme.claim_types:
            self.values.setdefault(re.sub(r"\s+", "_", value), value)
        return self

    def report(self) -> list[str]:
        """One line per thing left out, most frequent first (labels come from the file read,
        so their control characters are shown, not sent to the terminal)."""
        return [one_line_safe(f"{what} ×{n}") for what, n in self.unmapped.most_common()]


def default_map() -> LabelMap:
    """The labels redline exports, plus a few common synonyms (QUOTE, SPEAKER, STANCE_FAVOR …)."""
    spans: dict[str, Target | None] = {lab: Target(k, r) for (k, r), lab in ROLE_LABELS.items()}
    spans.update({lab: parse_target(v) for lab, v in SYNONYMS.items()})
    return LabelMap(spans=spans, links=dict.fromkeys(RELATIONS, True))


def load_label_map(path: Path) -> LabelMap:
    """The default map with a JSON file's `{"spans": {LABEL: "kind.role" | null},
    "relations": {LABEL: "link" | null}}` laid over it."""
    from .reading import load_json_line, read_bytes

    try:
        # a regular file, bounded, checked like an imported line (depth, lone surrogates)
        data = load_json_line(read_bytes(path).decode("utf-8-sig"))
    except (UnicodeDecodeError, RedlineError) as e:
        why = e.message if isinstance(e, RedlineError) else f"is not UTF-8 ({e.reason})"
        raise InputError(str(path), f"is not a readable JSON label file: {why}",
                         hint='write {"spans": {"QUOTE": "attribution.content"}}') from None
    if not isinstance(data, dict) or set(data) - {"spans", "relations"}:
        raise InputError(str(path), 'must be an object with "spans" and/or "relations"',
                         hint='write {"spans": {"QUOTE": "attribution.content"}}')
    lm = default_map()
    try:
        for label, value in dict(data.get("spans") or {}).items():
            lm.spans[str(label).upper()] = None if value is None else parse_target(str(value))
        for label, value in dict(data.get("relations") or {}).items():
            if value not in (None, "link"):
                raise SchemaError(f"relation {label!r} must map to \"link\" or null")
            lm.links[str(label).upper()] = value == "link"
    except (SchemaError, TypeError, ValueError) as e:
        raise InputError(str(path), getattr(e, "message", str(e)),
                         hint="see the README's Formats section") from None
    return lm


_ACTIVE: contextvars.ContextVar[LabelMap | None] = contextvars.ContextVar("labels", default=None)


def activate(path: Path | None = None) -> LabelMap:
    """Make a fresh map (default, or from a file) the one import readers use; return it."""
    lm = load_label_map(path) if path is not None else default_map()
    _ACTIVE.set(lm)
    return lm


def current() -> LabelMap:
    """The map import readers use now (the default when none was activated)."""
    lm = _ACTIVE.get()
    return lm if lm is not None else activate()


# -- export: frames as labelled spans and relations ------------------------------------------
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(", ", ": "))


def dumps(obj: Any) -> str:
    """One JSONL line, UTF-8 as is."""
    return _ENCODER.encode(obj)


def outside_label(ann: Annotation, span: Span) -> str:
    """The label a span is exported under: its role's, or a span label's own name."""
    if ann.kind == "label":
        return export_name(ann.attrs.get("label", "")) or "LABEL"
    return ROLE_LABELS[(ann.kind, span.role)]


@dataclass(frozen=True)
class Part:
    """One span of one annotation, with its outside label."""

    ann: Annotation
    span: Span
    label: str


def decompose(anns: list[Annotation]) -> tuple[list[Part], list[tuple[int, int, str]]]:
    """Every span as a Part, and (head, child, label) relations between Part indices."""
    parts: list[Part] = []
    links: list[tuple[int, int, str]] = []
    for ann in anns:
        base = len(parts)
        roles: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(ann.spans):
            parts.append(Part(ann, s, outside_label(ann, s)))
            roles[s.role].append(base + i)
        contents = roles["content"]
        for c in contents:
            links += [(h, c, "SAYS") for h in roles["source"]]
            links += [(h, c, "INTRODUCES") for h in roles["cue"]]
        links += [(a, b, "CONTINUES") for a, b in pairwise(contents)]
        for st in roles["stance"]:
            links += [(h, st, "HOLDS") for h in roles["holder"]]
            links += [(st, t, "TOWARDS") for t in roles["target"]]
    return parts, links



def stream_documents(store: Store, *, status: Any = (), ids: Any = ()) -> Iterator[Document]:
    """Documents in library order, limited to the given statuses and ids when any are given,
    fetched a page of ids at a time so memory stays flat however large the corpus."""
    from .redline import select_documents

    return select_documents(store, status=status, ids=ids)


def exportable(store: Store, doc: Document, annotators: Any = ()) -> list[Annotation]:
    """The annotations to write, each span checked against the text: a broken one stops the
    export, except one flagged for review, which is left out (nothing honest to write)."""
    who = set(annotators)
    out = []
    for a in store.annotations(doc.id):
        if who and a.annotator not in who:
            continue
        try:
            a.validate(doc.text)
        except SpanMismatchError as e:
            if a.needs_review:
                continue
            raise SpanMismatchError(f"document {doc.id}: {e.message}",
                                    hint="refusing to export it; fix or delete that annotation"
                                    ) from None
        out.append(a)
    return out


def frame_meta(ann: Annotation, unit: Callable[[int], int] = int) -> dict[str, Any]:
    """What the labels cannot carry: id, attributes, origin, annotator, times, its spans."""
    d: dict[str, Any] = ann.to_dict()
    d["spans"] = [[unit(s.start), unit(s.end), outside_label(ann, s)] for s in ann.spans]
    return d


# -- import: labelled spans and relations back into frames -----------------------------------
@dataclass(frozen=True)
class Ext:
    """A labelled span as another tool wrote it (offsets already code points)."""

    start: int
    end: int
    label: str


def _frame_owners(exts: list[Ext], frames: Any) -> dict[int, dict[str, Any]]:
    """Which span belongs to which exported frame, matching the frames' (start, end, label)."""
    if frames is None:
        return {}
    if not isinstance(frames, list) or not all(isinstance(f, dict) for f in frames):
        raise RedlineError('"frames" must be a list of objects')
    free: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for i, x in enumerate(exts):
        free[(x.start, x.end, x.label)].append(i)
    owner: dict[int, dict[str, Any]] = {}
    for f in frames:
        for trip in f.get("spans") or []:
            try:
                key = (int(trip[0]), int(trip[1]), str(trip[2]))
            except (TypeError, ValueError, IndexError, KeyError):
                raise RedlineError('"frames" spans must be [start, end, label]') from None
            if free.get(key):
                owner[free[key].pop(0)] = f
    return owner


def assemble(text: str, exts: list[Ext], links: list[tuple[int, int, str]], frames: Any = None,
             *, annotator: str = "") -> list[dict[str, Any]]:
    """Frames (redline export dicts) from labelled spans grouped by relations and frame metadata."""
    lm = current()
    for x in exts:
        if not (0 <= x.start < x.end <= len(text)):
            raise RedlineError(f"span {x.label} [{x.start}, {x.end}) lies outside the text "
                               f"(length {len(text)})", hint="fix the offsets")
    owner = _frame_owners(exts, frames)
    targets = [_target(lm, x, owner.get(i)) for i, x in enumerate(exts)]
    parent = list(range(len(exts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ta, tb = targets[a], targets[b]
        if ta is not None and tb is not None and ta.kind == tb.kind:
            parent[find(a)] = find(b)

    by_frame: dict[int, int] = {}
    for i, f in owner.items():
        union(i, by_frame.setdefault(id(f), i))
    for head, child, label in links:
        th, tc = targets[head], targets[child]
        if owner.get(head, owner.get(child)) is not owner.get(child, owner.get(head)):
            continue  # both ends belong to exported frames, and not the same one: trust the frames
        if lm.link(label) and th is not None and tc is not None:
            if th.kind != tc.kind:
                lm.unmapped[f"relation {label!r} between a {th.kind} and a {tc.kind}"] += 1
            union(head, child)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(targets):
        if t is not None:
            groups[find(i)].append(i)
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    for members in sorted(groups.values()):
        ann = _frame(text, [(exts[i], targets[i]) for i in members],  # type: ignore[misc]
                     next((owner[i] for i in members if i in owner), {}), annotator, used)
        if ann is not None:
            out.append(ann)
    return out


def _target(lm: LabelMap, x: Ext, frame: dict[str, Any] | None) -> Target | None:
    """What a span stands for: by its label, or, for a span label this database's scheme does
    not list, by the exported frame it belongs to (the frame's attrs carry the label)."""
    if frame is not None and frame.get("kind") == "label" and str(x.label).upper() not in lm.spans:
        return Target("label", "span")
    return lm.span(x.label)


def _frame(text: str, members: list[tuple[Ext, Target]], meta: dict[str, Any], annotator: str,
           used: set[str]) -> dict[str, Any] | None:
    kind = members[0][1].kind
    spans = sorted({(t.role, x.start, x.end) for x, t in members}, key=lambda s: (s[1], s[2], s[0]))
    attrs = {k: v for _, t in members for k, v in t.attrs}
    given = meta.get("attrs")
    attrs.update({str(k): str(v) for k, v in given.items()} if isinstance(given, dict) else {})
    ann_id = str(meta.get("id") or "") or sha256(f"{sha256(text)}|{kind}|{spans}")[:16]
    while ann_id in used:
        ann_id = sha256(ann_id)[:16]
    created = str(meta.get("created_at") or now_iso())
    d: dict[str, Any] = {"id": ann_id, "kind": kind, "attrs": attrs,
                         "spans": [{"role": r, "start": s, "end": e, "text": text[s:e]}
                                   for r, s, e in spans],
                         "origin": str(meta.get("origin") or "manual"),
                         "annotator": str(meta.get("annotator") or annotator),
                         "created_at": created, "updated_at": str(meta.get("updated_at") or created)}
    if meta.get("needs_review"):
        d["needs_review"] = True
    try:
        Annotation.from_dict(d).with_defaults().validate(text)
    except SchemaError as e:
        current().unmapped[f"{kind} left out ({e.message})"] += 1
        return None
    used.add(ann_id)
    return d
