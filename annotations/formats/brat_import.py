"""brat import: a `.txt` and the `.ann` beside it back into one document with its annotations.

T lines become spans (their offsets and text checked against the `.txt`), R lines join them into
frames through the label map (`--labels`), A lines and AnnotatorNotes give the attributes, and a
redline export's document list gives back each document's id, title, status, meta and named
entities (checked against the `.txt`; they become the document's entities, not annotations).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError, RedlineError
from ..models import STATUSES, normalise_newlines
from . import labels
from .brat import MANIFEST, NOTE_ATTRS, unescape
from .reading import check_size, decode, read_bytes
from .redline import check_entities, record_id
from .registry import ImportRecord

# an A-line value brat had to respell (a claim type with spaces) is in the note as it was
RESPELLED = ("type",)
NOTE_KEYS = (*NOTE_ATTRS, *RESPELLED, "annotator", "origin", "id", "created_at", "updated_at",
             "needs_review")
_NOTE_PART = re.compile(r"((?:\\.|[^;\\])*)(?:; ?|$)")


def _note_fields(note: str) -> dict[str, str]:
    """`key=value; key=value` as the export writes it (values escaped by `_one_line`); a note
    a person wrote in brat has no such keys, and is the annotation's note as it stands."""
    fields = {}
    for m in _NOTE_PART.finditer(note):
        key, sep, value = m.group(1).partition("=")
        if sep and key in NOTE_KEYS:
            fields[key] = unescape(value)
    if not fields and note.strip():
        fields["note"] = note.strip()
    return fields


def _t_line(text: str, ident: str, body: str, shown: str | None) -> labels.Ext:
    """A T line's label and fragments as one span, its text checked against the `.txt`."""
    label, _, offsets = body.partition(" ")
    frags = []
    for frag in offsets.split(";"):
        start, end = (int(v) for v in frag.split())  # ValueError when not two
        if not 0 <= start < end <= len(text):
            raise RedlineError(f"{ident} [{start}, {end}) lies outside the text (length "
                               f"{len(text)})", hint="fix the offsets, or pair the .ann with "
                                                     "its own .txt")
        frags.append((start, end))
    joined = " ".join(text[s:e] for s, e in frags)
    if shown is not None and shown != joined:
        raise RedlineError(f"{ident} says {shown[:60]!r} but the .txt there reads {joined[:60]!r}",
                           hint="fix the offsets, or pair the .ann with its own .txt")
    if any(text[e:s].strip() for (_, e), (s, _) in itertools.pairwise(frags)):
        # fragments of one span are cut only at line breaks on export; a gap with words in it
        # is a discontinuous span, which redline cannot hold as one
        labels.current().unmapped[f"discontinuous span {label!r}"] += 1
        label = ""
    return labels.Ext(frags[0][0], frags[-1][1], label)


def read_ann(text: str, ann: str, where: str) -> list[dict[str, Any]]:
    """The frames of a `.ann` file over `text` (InputError naming the line when one is wrong)."""
    exts: list[labels.Ext] = []
    index: dict[str, int] = {}
    rels: list[tuple[str, str, str, int]] = []
    attrs: dict[str, dict[str, str]] = {}
    notes: dict[str, dict[str, str]] = {}
    lm = labels.current()
    # the .ann's own line endings count for nothing (its offsets point into the .txt)
    for n, line in enumerate(normalise_newlines(ann).split("\n"), start=1):
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        body, _, tail = rest.partition("\t")
        try:
            if ident.startswith("T"):
                index[ident] = len(exts)
                exts.append(_t_line(text, ident, body, tail if "\t" in rest else None))
            elif ident.startswith("R"):
                label, arg1, arg2 = body.split()
                rels.append((label, arg1.removeprefix("Arg1:"), arg2.removeprefix("Arg2:"), n))
            elif ident.startswith("A") or ident.startswith("M"):
                name, target, *value = body.split()
                attrs.setdefault(target, {})[name.lower()] = (
                    lm.values.get(value[0], value[0]) if value else "yes")
            elif ident.startswith("#") and body.startswith("AnnotatorNotes "):
                notes.setdefault(body.split()[1], {}).update(_note_fields(tail))
            else:
                lm.unmapped[f"brat {ident[:1] or 'empty'} line"] += 1
        except (ValueError, IndexError):
            raise InputError(where, f"{line[:60]!r} is not a brat standoff line", line=n,
                             hint="fix or remove that line") from None
        except RedlineError as e:
            raise InputError(where, e.message, line=n, hint=e.hint) from None
    links = []
    for label, arg1, arg2, n in rels:
        if arg1 not in index or arg2 not in index:
            raise InputError(where, f"relation {label} names {arg1 if arg1 not in index else arg2}"
                             ", which is no T line", line=n, hint="fix or remove that line")
        links.append((index[arg1], index[arg2], label))
    frames = []
    for t in sorted(set(attrs) | set(notes), key=lambda t: index.get(t, -1)):
        if t not in index:
            lm.unmapped[f"attribute or note on {t}, which is no T line"] += 1
            continue
        x, note = exts[index[t]], notes.get(t, {})
        kept = (*NOTE_ATTRS, *RESPELLED)
        meta: dict[str, Any] = {k: v for k, v in note.items() if k not in kept}
        meta["attrs"] = {**attrs.get(t, {}), **{k: note[k] for k in kept if k in note}}
        if "label" in note:
            meta["kind"] = "label"  # a span label the scheme here may not list
        meta["spans"] = [[x.start, x.end, x.label]]
        meta["needs_review"] = meta.get("needs_review") == "true"
        frames.append(meta)
    try:
        return labels.assemble(text, exts, links, frames)
    except RedlineError as e:
        raise InputError(where, e.message, hint=e.hint) from None


@functools.lru_cache(maxsize=4)
def _manifest(path: str, _changed: tuple[int, int]) -> dict[str, dict[str, Any]]:
    """A folder's MANIFEST by file stem (read once per folder, not once per document)."""
    out: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(decode(Path(path), read_bytes(Path(path))).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            out[str(entry["file"])] = {
                "id": record_id(entry.get("id"), "id"),
                "title": entry["title"] if isinstance(entry.get("title"), str) else None,
                "status": entry["status"] if entry.get("status") in STATUSES else None,
                "meta": entry["meta"] if isinstance(entry.get("meta"), dict) else {},
                "entities": entry.get("entities"), "line": n}
        except (ValueError, KeyError, TypeError, RedlineError):
            raise InputError(path, "is not the document list a brat export writes", line=n,
                             hint="remove it (ids then come from the file names)") from None
    return out


def _documents(folder: Path, stem: str) -> dict[str, Any]:
    path = folder / MANIFEST
    with contextlib.suppress(FileNotFoundError):
        st = path.stat()
        return _manifest(str(path), (st.st_mtime_ns, st.st_size)).get(stem, {})
    return {}


def read_brat(path: Path) -> list[ImportRecord]:
    """A brat `.txt` and its `.ann` as one document with its annotations; its id, title, status
    and meta from a redline export's MANIFEST, else the file name is the id and the first line
    the title."""
    text = decode(path, read_bytes(path))
    ann_path = path.with_suffix(".ann")
    ann = decode(ann_path, read_bytes(ann_path))
    if not text.strip():
        raise InputError(str(path), "is empty", hint="give it some text, or leave it out")
    check_size(str(path), text)
    if normalise_newlines(text) != text and ann.strip():
        raise InputError(str(path), "has CR line endings, which the .ann's offsets count",
                         hint="convert both with a brat tool, or import the .txt alone")
    known = _documents(path.parent, path.stem)
    entities = known.get("entities")
    if entities is not None:
        try:
            if normalise_newlines(text) != text and entities:
                raise RedlineError("has entities for a text with CR line endings, which their"
                                   " offsets count", hint="convert the .txt, or remove them")
            entities = check_entities(entities, text)
        except RedlineError as e:
            raise InputError(str(path.parent / MANIFEST), f"{path.name}: {e.message}",
                             line=known["line"], hint=e.hint) from None
    return [ImportRecord(text=text, source=str(path), id=known.get("id") or path.stem,
                         title=known.get("title"), status=known.get("status"),
                         meta=known.get("meta") or {},
                         annotations=read_ann(text, ann, str(ann_path)), entities=entities)]
