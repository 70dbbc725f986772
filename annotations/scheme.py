"""A database's label scheme: claim types, free span labels, preset stance targets.

`claim_types` are the values of a claim's `type` attribute, `span_labels` the values of a
`label` annotation's `label` attribute (a `label` is a frame of one `span`), and
`stance_targets` the targets the stance dialog offers before the names in the sentence. The
default scheme is empty, which is redline without the feature: claims have no type and there
are no span labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import SchemaError

FIELDS = ("claim_types", "span_labels", "stance_targets")
# the fields whose values annotations store (a preset target is only an offer: dropping one
# loses nothing)
LABEL_FIELDS = {"claim_types": ("claim", "type"), "span_labels": ("label", "label")}
MAX_LENGTH = 60
# the labels redline's exports give roles and relations (formats/labels.py): a span label
# exported under one of these names would come back as that role
RESERVED = frozenset({"CLAIM", "STANCE", "HOLDER", "TARGET", "SOURCE", "CUE", "CONTENT", "SAYS",
                      "INTRODUCES", "CONTINUES", "HOLDS", "TOWARDS", "QUOTE", "SPEAKER",
                      "STANCE_FAVOR", "STANCE_AGAINST", "STANCE_NONE", "CLAIM_CHECKWORTHY",
                      "CLAIM_NOT_CHECKWORTHY", "LABEL"})
EXAMPLE = '{"claim_types": ["statistic", "opinion"], "span_labels": ["anonymous source"]}'


def export_name(label: str) -> str:
    """A span label as Prodigy, doccano and brat carry it: upper case, words joined by `_`
    (brat's type names cannot hold spaces)."""
    return re.sub(r"[^0-9A-Za-z]+", "_", label.strip()).strip("_").upper()


@dataclass(frozen=True)
class Scheme:
    """The three lists, in the order the dialogs offer them."""

    claim_types: tuple[str, ...] = ()
    span_labels: tuple[str, ...] = ()
    stance_targets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, list[str]]:
        """The scheme as `redline labels --json` prints it and `labels set` reads it."""
        return {name: list(getattr(self, name)) for name in FIELDS}

    def joined(self, other: Scheme) -> Scheme:
        """This scheme with the labels of `other` it lacks after its own (one label once:
        span labels compared as they export, the others in any case)."""
        lists = {}
        for name in FIELDS:
            key = export_name if name == "span_labels" else str.casefold
            seen = {key(v) for v in getattr(self, name)}
            extra = []
            for v in getattr(other, name):
                if key(v) not in seen:
                    seen.add(key(v))
                    extra.append(v)
            lists[name] = (*getattr(self, name), *extra)
        return Scheme(**lists)

    def span_label(self, outside: str) -> str | None:
        """The span label an exported label name (any case, `_` or spaces) stands for."""
        key = export_name(outside)
        return next((lab for lab in self.span_labels if export_name(lab) == key), None)


DEFAULT = Scheme()


def _values(name: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SchemaError(f"{name} must be a list of strings", hint=f"write e.g. {EXAMPLE}")
    seen: dict[str, str] = {}
    for v in value:
        if not v.strip() or v != v.strip():
            raise SchemaError(f"{name} has {v!r}: a label is words without spaces around them",
                              hint="remove it or trim it")
        if len(v) > MAX_LENGTH or any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in v):
            raise SchemaError(f"{name} has {v[:MAX_LENGTH]!r}: a label is one line of at most "
                              f"{MAX_LENGTH} characters", hint="shorten it")
        key = export_name(v) if name == "span_labels" else v.casefold()
        if name == "span_labels" and not key:
            raise SchemaError(f"span_labels has {v!r}, which has no letter or digit",
                              hint="name it with words")
        if name == "span_labels" and key in RESERVED:
            raise SchemaError(f"span_labels has {v!r}, which exports as {key}, the name of a "
                              "redline role or relation", hint="call it something else")
        if key in seen:
            raise SchemaError(f"{name} has {seen[key]!r} and {v!r}, which are the same label",
                              hint="keep one")
        seen[key] = v
    return tuple(value)


def parse_scheme(data: Any) -> Scheme:
    """A scheme from its JSON form (SchemaError naming what is wrong); a missing list is empty."""
    if not isinstance(data, dict):
        raise SchemaError("a label scheme is a JSON object", hint=f"write e.g. {EXAMPLE}")
    unknown = [k for k in data if k not in FIELDS]
    if unknown:
        raise SchemaError(f"a label scheme has no {unknown[0]!r}",
                          hint=f"use {', '.join(FIELDS)}")
    return Scheme(**{name: _values(name, data.get(name, [])) for name in FIELDS})
