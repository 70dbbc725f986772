"""brat standoff: a folder of `<doc>.txt` + `<doc>.ann` pairs and an `annotation.conf`.

T lines carry each role span (code point offsets into the `.txt`, split into fragments at line
breaks as brat requires), R lines link the spans of one frame, A lines carry the attributes with
fixed values (Checkworthy, Polarity, Type: a claim's type from the database's scheme too), and
an AnnotatorNotes line on each frame's first span carries the free-text ones (the editor's note
first, so brat shows it; speaker, target_text, a span label's label) with the annotator,
annotation id and times. A span label is a T line of its own type (ANONYMOUS_SOURCE), and
`annotation.conf` lists the scheme's span labels and claim types.
What brat has no place for (each document's id, title, status, meta, and its named entities as
corrected in redline) goes to MANIFEST: entities as T lines would be annotations to redline's
import, and their labels (PERSON, ORG) may be span labels of a scheme. The reader is
`brat_import`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..analysis import entities_for
from ..errors import RedlineError
from ..models import ANCHOR, ATTRS, Annotation, sha256
from ..scheme import DEFAULT, Scheme, export_name
from ..store import Store
from . import labels
from .output import final_mode, remove_stale, temp_prefix, write_error

# free text: a note, not an A line (the editor's note first: brat shows the start of the line)
NOTE_ATTRS = ("note", "speaker", "target_text", "adjudicated_from", "label")
# What brat has no place for (each document's id, title, status, meta, entities), one JSON
# line per file; hidden, so brat and redline's folder import pass over it
MANIFEST = ".redline-documents.jsonl"


def brat_value(value: str) -> str:
    """An attribute value as an A line can hold it (one word: brat splits at spaces)."""
    return re.sub(r"\s+", "_", value.strip()) or "_"


def annotation_conf(scheme: Scheme = DEFAULT, used: dict[str, set[str]] | None = None) -> str:
    """The brat configuration for redline's labels, relations and attributes, with the span
    labels and claim types of the scheme and of the annotations exported (`used`)."""
    used = used or {}
    span_labels = [*scheme.span_labels, *sorted(used.get("span_labels", ()))]
    claim_types = [*scheme.claim_types, *sorted(used.get("claim_types", ()))]
    entities = "\n".join(dict.fromkeys([*labels.ROLE_LABELS.values(),
                                        *(export_name(lab) for lab in span_labels)]))
    relations = "\n".join(f"{name}\tArg1:{head}, Arg2:{child}"
                          for name, (head, child) in labels.RELATIONS.items())
    # brat knows an attribute by its name: one line per name, for every label that has it
    attrs: dict[str, tuple[dict[str, None], dict[str, None]]] = {}
    for kind, kind_attrs in ATTRS.items():
        if kind == "label":
            continue
        label = labels.ROLE_LABELS[(kind, ANCHOR[kind])]
        for key, (values, _) in kind_attrs.items():
            if kind == "claim" and key == "type":
                values = tuple(brat_value(v) for v in claim_types) or None
            if values is not None:
                args, vals = attrs.setdefault(key.capitalize(), ({}, {}))
                args[label] = None
                vals.update(dict.fromkeys(values))
    attributes = [f"{name}\tArg:{'|'.join(args)}, Value:{'|'.join(vals)}"
                  for name, (args, vals) in attrs.items()]
    return (f"[entities]\n{entities}\n\n[relations]\n{relations}\n"
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n"
            f"[attributes]\n" + "\n".join(attributes) + "\n")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks into non-empty pieces (a T line's text is one line)."""
    pieces, at = [], start
    for m in re.finditer(r"\n+", text[start:end]):
        pieces.append((at, start + m.start()))
        at = start + m.end()
    pieces.append((at, end))
    return [(s, e) for s, e in pieces if s < e] or [(start, end)]


_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", ";": "\\;"}
_UNESCAPES = {v[1]: k for k, v in _ESCAPES.items()}


def _one_line(value: str) -> str:
    """A note value on one line, backslash-escaped so import gets it back exactly."""
    return re.sub(r"[\\\t\n\r;]", lambda m: _ESCAPES[m.group()], value)


def unescape(value: str) -> str:
    """A note value as `_one_line` escaped it, back as it was."""
    return re.sub(r"\\(.)", lambda m: _UNESCAPES.get(m.group(1), m.group(0)), value)


def ann_lines(text: str, anns: list[Annotation]) -> Iterator[str]:
    """The `.ann` lines for one document's annotations."""
    parts, links = labels.decompose(anns)
    anchors: dict[str, int] = {}
    for i, p in enumerate(parts, start=1):
        frags = fragments(text, p.span.start, p.span.end)
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        yield f"T{i}\t{p.label} {offsets}\t{' '.join(text[s:e] for s, e in frags)}\n"
        if p.span.role == ANCHOR[p.ann.kind]:
            anchors.setdefault(p.ann.id, i)
    for k, (head, child, label) in enumerate(links, start=1):
        yield f"R{k}\t{label} Arg1:T{head + 1} Arg2:T{child + 1}\n"
    n_attr = 0
    for n_note, ann in enumerate(anns, start=1):
        t = anchors[ann.id]
        respelled = []
        for key, value in sorted(ann.attrs.items()):
            if key not in NOTE_ATTRS:
                n_attr += 1
                yield f"A{n_attr}\t{key.capitalize()} T{t} {brat_value(value)}\n"
                if brat_value(value) != value:  # the exact value, for redline to read back
                    respelled.append(f"{key}={_one_line(value)}")
        notes = [f"{key}={_one_line(ann.attrs[key])}" for key in NOTE_ATTRS if ann.attrs.get(key)]
        notes += respelled
        notes += [f"annotator={_one_line(ann.annotator)}", f"origin={ann.origin}", f"id={ann.id}",
                  f"created_at={ann.created_at}", f"updated_at={ann.updated_at}"]
        if ann.needs_review:
            notes.append("needs_review=true")
        yield f"#{n_note}\tAnnotatorNotes T{t}\t{'; '.join(notes)}\n"


def file_stem(doc_id: str, folder: str | Path) -> str:
    """A file name stem for a document id: the id itself when it is safe and free, else a safe
    version with a hash. The folder is asked, not a set kept, and names are plain strings, not
    Paths (pathlib interns every name it parses), so memory stays flat however many files."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", doc_id)[:100].lstrip(".") or "doc"
    stem = safe if safe == doc_id else f"{safe}-{sha256(doc_id)[:8]}"
    while os.path.exists(os.path.join(folder, f"{stem}.txt")):  # also names equal but for case
        stem = f"{safe}-{sha256(stem)[:8]}"
    return stem


def export_brat(store: Store, out: str, *, status: Any = (), annotators: Any = (),
                ids: Any = ()) -> int:
    """Write a brat folder to `out` (built aside and swapped in whole); the document count."""
    if out == "-":
        raise RedlineError("brat writes a folder, not stdout", hint="give a folder name")
    path = Path(out)
    if path.exists() and not (path / "annotation.conf").is_file() and (
            not path.is_dir() or any(path.iterdir())):
        raise RedlineError(f"{path}: exists and is not a brat export",
                           hint="give a new folder name (an earlier brat export is replaced)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(path)
        tmp = Path(tempfile.mkdtemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent))
    except OSError as e:
        raise write_error(path, e) from None
    try:
        n = 0
        folder = str(tmp)
        used: dict[str, set[str]] = {"span_labels": set(), "claim_types": set()}
        with open(os.path.join(folder, MANIFEST), "w", encoding="utf-8", newline="\n") as manifest:
            for doc in labels.stream_documents(store, status=status, ids=ids):
                stem = file_stem(doc.id, folder)
                base = os.path.join(folder, stem)
                anns = labels.exportable(store, doc, annotators)
                for a in anns:
                    if a.kind == "label":
                        used["span_labels"].add(a.attrs["label"])
                    elif a.kind == "claim" and a.attrs.get("type"):
                        used["claim_types"].add(a.attrs["type"])
                with open(base + ".txt", "w", encoding="utf-8", newline="") as f:
                    f.write(doc.text)
                with open(base + ".ann", "w", encoding="utf-8", newline="") as f:
                    f.writelines(ann_lines(doc.text, anns))
                manifest.write(labels.dumps({"file": stem, "id": doc.id, "title": doc.title,
                                             "status": doc.status, "meta": doc.meta,
                                             "entities": entities_for(store, doc)}) + "\n")
                n += 1
        scheme = store.label_scheme()
        used["span_labels"] -= set(scheme.span_labels)
        used["claim_types"] -= set(scheme.claim_types)
        (tmp / "annotation.conf").write_text(annotation_conf(scheme, used), encoding="utf-8")
        tmp.chmod(final_mode(path, folder=True))
        old = None
        if path.exists():
            # named .old: if killed before the next rename, this is the only export left
            old = Path(tempfile.mkdtemp(prefix=temp_prefix(path), suffix=".old", dir=path.parent))
            os.replace(path, old / path.name)
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return n
    except BaseException as e:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        if isinstance(e, OSError):
            raise write_error(path, e) from None
        raise
