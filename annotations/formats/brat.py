"""brat standoff: a folder of `<doc>.txt` + `<doc>.ann` pairs and an `annotation.conf`.

T lines carry each role span (code point offsets into the `.txt`, split into fragments at line
breaks as brat requires), R lines link the spans of one frame, A lines carry the attributes with
fixed values (Checkworthy, Polarity, Type), and an AnnotatorNotes line on each frame's first span
carries the free-text ones (speaker, target_text) with the annotator and annotation id.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, RedlineError
from ..models import ATTRS, Annotation, normalise_newlines, sha256
from ..store import Store
from . import labels
from .output import final_mode, remove_stale, temp_prefix, write_error
from .reading import check_size, decode, read_bytes
from .registry import ImportRecord

ANCHOR = {"claim": "claim", "stance": "stance", "attribution": "content"}
NOTE_ATTRS = ("speaker", "target_text")


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


def _unescape(value: str) -> str:
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
        for doc in labels.stream_documents(store, status=status, ids=ids):
            base = os.path.join(folder, file_stem(doc.id, folder))
            anns = labels.exportable(store, doc, annotators)
            with open(base + ".txt", "w", encoding="utf-8", newline="") as f:
                f.write(doc.text)
            with open(base + ".ann", "w", encoding="utf-8", newline="") as f:
                f.writelines(ann_lines(doc.text, anns))
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


# -- import: a `.txt` and the `.ann` beside it back into one document -------------------------
NOTE_KEYS = (*NOTE_ATTRS, "annotator", "origin", "id", "created_at", "updated_at", "needs_review")
_NOTE_PART = re.compile(r"((?:\\.|[^;\\])*)(?:; ?|$)")


def _note_fields(note: str) -> dict[str, str]:
    """`key=value; key=value` as the export writes it (values escaped by `_one_line`); free
    text a person wrote in brat has no such keys and is passed over."""
    fields = {}
    for m in _NOTE_PART.finditer(note):
        key, sep, value = m.group(1).partition("=")
        if sep and key in NOTE_KEYS:
            fields[key] = _unescape(value)
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
    for n, line in enumerate(ann.split("\n"), start=1):
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
                attrs.setdefault(target, {})[name.lower()] = value[0] if value else "yes"
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
        meta: dict[str, Any] = {k: v for k, v in note.items() if k not in NOTE_ATTRS}
        meta["attrs"] = {**attrs.get(t, {}), **{k: note[k] for k in NOTE_ATTRS if k in note}}
        meta["spans"] = [[x.start, x.end, x.label]]
        meta["needs_review"] = meta.get("needs_review") == "true"
        frames.append(meta)
    try:
        return labels.assemble(text, exts, links, frames)
    except RedlineError as e:
        raise InputError(where, e.message, hint=e.hint) from None


def read_brat(path: Path) -> list[ImportRecord]:
    """A brat `.txt` and its `.ann` as one document with its annotations (the id is the file
    name, as export writes it; brat keeps no title, so the first line is the title)."""
    text = decode(path, read_bytes(path))
    ann_path = path.with_suffix(".ann")
    ann = decode(ann_path, read_bytes(ann_path))
    if not text.strip():
        raise InputError(str(path), "is empty", hint="give it some text, or leave it out")
    check_size(str(path), text)
    if normalise_newlines(text) != text and ann.strip():
        raise InputError(str(path), "has CR line endings, which the .ann's offsets count",
                         hint="convert both with a brat tool, or import the .txt alone")
    return [ImportRecord(text=text, source=str(path), id=path.stem,
                         annotations=read_ann(text, ann, str(ann_path)))]
