"""The annotation scheme (DESIGN.md): kinds, roles, attributes, and the dataclasses that carry them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from operator import attrgetter
from typing import Any

from .errors import SchemaError, SpanMismatchError

# kind -> role -> (min, max) count; None max means unbounded
ROLES: dict[str, dict[str, tuple[int, int | None]]] = {
    "claim": {"claim": (1, 1)},
    "stance": {"stance": (1, 1), "holder": (0, 1), "target": (0, 1)},
    "attribution": {"content": (1, None), "source": (0, 1), "cue": (0, 1)},
    # a free span label from the database's scheme (`redline labels`): one span, attr `label`
    "label": {"span": (1, 1)},
}
# the role that stands for the whole frame (where the cursor goes, what a note hangs on)
ANCHOR = {"claim": "claim", "stance": "stance", "attribution": "content", "label": "span"}
# kind -> attribute -> allowed values (None: free text) and default
ATTRS: dict[str, dict[str, tuple[tuple[str, ...] | None, str | None]]] = {
    # `type` takes its values from the database's scheme (claim_types), so any text here
    "claim": {"checkworthy": (("yes", "no"), "yes"), "type": (None, None)},
    "stance": {"polarity": (("favor", "against", "none"), "none"), "target_text": (None, None)},
    "attribution": {
        "type": (("direct", "indirect", "mixed"), "direct"),
        "speaker": (None, None),
    },
    "label": {"label": (None, None)},
}
# attributes a kind cannot do without (a span label with no label says nothing)
REQUIRED = {"label": ("label",)}
# every kind: the annotator whose version `redline review` kept in a gold database (review.py),
# and an editor's free-text note
for _attrs in ATTRS.values():
    _attrs["adjudicated_from"] = (None, None)
    _attrs["note"] = (None, None)
KINDS = tuple(ROLES)
ORIGINS = ("manual", "suggested", "edited")
STATUSES = ("new", "in progress", "done")


def now_iso() -> str:
    """The current UTC time as an ISO-8601 string with milliseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    """A fresh, random annotation id."""
    return uuid.uuid4().hex[:16]


def sha256(text: str) -> str:
    """The hex SHA-256 of a text's UTF-8 bytes."""
    import hashlib  # here: a cached open reads every hash stored, and _hashlib loads OpenSSL

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF, so offsets mean the same everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True, init=False)
class Span:
    """One role-labelled stretch of a document: `text == doc_text[start:end]`."""

    role: str
    start: int
    end: int
    text: str

    def __init__(self, role: str, start: int, end: int, text: str) -> None:
        # what the frozen dataclass's own __init__ does, without a call to object.__setattr__
        # per field: opening a long article builds thousands of spans (a third fewer instructions)
        fields = self.__dict__
        fields["role"] = role
        fields["start"] = start
        fields["end"] = end
        fields["text"] = text

    def to_dict(self) -> dict[str, Any]:
        """The span as in the redline export format."""
        return {"role": self.role, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        """A span from its export form."""
        return cls(role=str(d["role"]), start=int(d["start"]), end=int(d["end"]), text=str(d["text"]))

    def check(self, doc_text: str, *, where: str = "") -> None:
        """Raise SpanMismatchError unless the span lies in the text and its text matches."""
        if not (0 <= self.start < self.end <= len(doc_text)):
            raise SpanMismatchError(
                f"{where}span {self.role} [{self.start}, {self.end}) lies outside the text "
                f"(length {len(doc_text)})",
                hint="fix the offsets or re-import the document",
            )
        actual = doc_text[self.start : self.end]
        if actual != self.text:
            raise SpanMismatchError(
                f"{where}span {self.role} [{self.start}, {self.end}) says {self.text!r} "
                f"but the text there is {actual!r}",
                hint="fix the offsets or the span text",
            )


SPAN_ORDER = attrgetter("start", "end", "role")
"""The order of a frame's spans, as stored: by start, then end, then role."""


@dataclass
class Annotation:
    """A frame: a kind, attributes and one or more role spans."""

    kind: str
    spans: list[Span]
    attrs: dict[str, str] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    doc_id: str = ""
    origin: str = "manual"
    annotator: str = ""
    created_at: str = field(default_factory=now_iso)
    updated_at: str = ""
    needs_review: bool = False

    def __post_init__(self) -> None:
        if not self.updated_at:
            self.updated_at = self.created_at
        spans = self.spans
        # most frames have one span: a copy, no sort (the store builds thousands per read)
        self.spans = sorted(spans, key=SPAN_ORDER) if len(spans) > 1 else list(spans)

    @property
    def start(self) -> int:
        """Where the annotation's first span starts."""
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        """Where the annotation's last span ends."""
        return max(s.end for s in self.spans)

    def role(self, role: str) -> list[Span]:
        """The spans with the given role, in text order."""
        return [s for s in self.spans if s.role == role]

    def validate(self, doc_text: str | None = None) -> None:
        """Raise SchemaError/SpanMismatchError unless the frame follows the scheme."""
        if self.kind not in ROLES:
            raise SchemaError(f"unknown annotation kind {self.kind!r}", hint=f"use one of {', '.join(KINDS)}")
        if self.origin not in ORIGINS:
            raise SchemaError(f"unknown origin {self.origin!r}", hint=f"use one of {', '.join(ORIGINS)}")
        roles = ROLES[self.kind]
        for s in self.spans:
            if s.role not in roles:
                raise SchemaError(
                    f"a {self.kind} has no role {s.role!r}", hint=f"use one of {', '.join(roles)}"
                )
        for role, (lo, hi) in roles.items():
            n = sum(1 for s in self.spans if s.role == role)
            if n < lo or (hi is not None and n > hi):
                want = f"{lo}" if lo == hi else f"{lo}..{hi if hi is not None else 'n'}"
                raise SchemaError(f"a {self.kind} needs {want} {role} span(s), got {n}")
        allowed = ATTRS[self.kind]
        for key, value in self.attrs.items():
            if key not in allowed:
                raise SchemaError(
                    f"a {self.kind} has no attribute {key!r}", hint=f"use one of {', '.join(allowed)}"
                )
            values, _ = allowed[key]
            if values is not None and value not in values:
                raise SchemaError(
                    f"{self.kind}.{key} cannot be {value!r}", hint=f"use one of {', '.join(values)}"
                )
        for key in REQUIRED.get(self.kind, ()):
            if not self.attrs.get(key, "").strip():
                raise SchemaError(f"a {self.kind} needs a {key!r} attribute",
                                  hint=f"give it one, e.g. attrs {{\"{key}\": \"…\"}}")
        if doc_text is not None:
            for s in self.spans:
                s.check(doc_text, where=f"annotation {self.id}: ")

    def with_defaults(self) -> Annotation:
        """Fill missing attributes that have a default (claim.checkworthy=yes, ...)."""
        for key, (_, default) in ATTRS.get(self.kind, {}).items():
            if default is not None and key not in self.attrs:
                self.attrs[key] = default
        return self

    def to_dict(self) -> dict[str, Any]:
        """The annotation as in the redline export format (fixed key order)."""
        d: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "attrs": dict(sorted(self.attrs.items())),
            "spans": [s.to_dict() for s in self.spans],
            "origin": self.origin,
            "annotator": self.annotator,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }
        if self.needs_review:
            d["needs_review"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, doc_id: str = "") -> Annotation:
        """An annotation from its export form (raises KeyError/TypeError/ValueError on bad shape)."""
        spans = [Span.from_dict(s) for s in d["spans"]]
        created = str(d.get("created_at") or now_iso())
        return cls(
            kind=str(d["kind"]),
            spans=spans,
            attrs={str(k): str(v) for k, v in (d.get("attrs") or {}).items()},
            id=str(d.get("id") or new_id()),
            doc_id=doc_id,
            origin=str(d.get("origin") or "manual"),
            annotator=str(d.get("annotator") or ""),
            created_at=created,
            updated_at=str(d.get("updated_at") or created),
            needs_review=bool(d.get("needs_review", False)),
        )


@dataclass
class Document:
    """An article as stored: the text offsets refer to, and what the library shows."""

    id: str
    text: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "new"
    text_sha256: str = ""
    created_at: str = field(default_factory=now_iso)
    updated_at: str = ""
    position: int = 0

    def __post_init__(self) -> None:
        if not self.text_sha256:
            self.text_sha256 = sha256(self.text)
        if not self.updated_at:
            self.updated_at = self.created_at

    @property
    def words(self) -> int:
        """Whitespace-separated word count."""
        return len(self.text.split())
