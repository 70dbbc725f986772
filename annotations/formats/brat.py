"""brat standoff: a folder of `<doc>.txt` + `<doc>.ann` pairs and an `annotation.conf`.

T lines carry each role span (code point offsets into the `.txt`, split into fragments at line
breaks as brat requires), R lines link the spans of one frame, A lines carry the attributes with
fixed values (Checkworthy, Polarity, Type), and an AnnotatorNotes line on each frame's first span
carries the free-text ones (speaker, target_text) with the annotator, annotation id and times.
What brat has no place for (each document's id, title, status, meta) goes to MANIFEST. The
reader is `brat_import`.
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

from ..errors import RedlineError
from ..models import ATTRS, Annotation, sha256
from ..store import Store
from . import labels
from .output import final_mode, remove_stale, temp_prefix, write_error

ANCHOR = {"claim": "claim", "stance": "stance", "attribution": "content"}
NOTE_ATTRS = ("speaker", "target_text", "adjudicated_from")  # free text: a note, not an A line
# What brat has no place for (each document's id, title, status and meta), one JSON line per
# file; hidden, so brat and redline's folder import pass over it
MANIFEST = ".redline-documents.jsonl"


def annotation_conf() -> str:
    """The brat configuration for redline's labels, relations and attributes."""
    entities = "\n".join(dict.fromkeys(labels.ROLE_LABELS.values()))
    relations = "\n".join(f"{name}\tArg1:{head}, Arg2:{child}"
                          for name, (head, child) in labels.RELATIONS.items())
    attributes = []
    for kind, attrs in ATTRS.items():
        label = labels.ROLE_LABELS[(kind, ANCHOR[kind])]
        for key, (values, _) in attrs.items():
            if values is not None:
                attributes.append(f"{key.capitalize()}\tArg:{label}, Value:{'|'.join(values)}")
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
        for key, value in sorted(ann.attrs.items()):
            if key not in NOTE_ATTRS:
                n_attr += 1
                yield f"A{n_attr}\t{key.capitalize()} T{t} {value}\n"
        notes = [f"{key}={_one_line(ann.attrs[key])}" for key in NOTE_ATTRS if ann.attrs.get(key)]
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
        with open(os.path.join(folder, MANIFEST), "w", encoding="utf-8", newline="\n") as manifest:
            for doc in labels.stream_documents(store, status=status, ids=ids):
                stem = file_stem(doc.id, folder)
                base = os.path.join(folder, stem)
                anns = labels.exportable(store, doc, annotators)
                with open(base + ".txt", "w", encoding="utf-8", newline="") as f:
                    f.write(doc.text)
                with open(base + ".ann", "w", encoding="utf-8", newline="") as f:
                    f.writelines(ann_lines(doc.text, anns))
                manifest.write(labels.dumps({"file": stem, "id": doc.id, "title": doc.title,
                                             "status": doc.status, "meta": doc.meta}) + "\n")
                n += 1
        (tmp / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
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
