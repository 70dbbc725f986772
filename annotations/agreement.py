"""Agreement between annotators' databases: role spans, attribution frames, attribute labels.

Documents are matched by text (SHA-256); only documents every database holds are compared.
For each pair of databases (A the reference, B compared to it) and each kind.role:
precision = matched/|B|, recall = matched/|A|, F1 = 2·matched/(|A|+|B|), where spans match
exactly (same offsets) or by overlap (one-to-one, largest overlap first). An attribution frame
matches when a content span matches and the sources match too (both absent counts); frames
are paired one-to-one, largest content overlap first.
Attributes (claim check-worthiness, stance polarity) are compared on overlap-matched spans:
Cohen's kappa for two annotators; Krippendorff's alpha (nominal) over every annotator, on units
made of overlapping spans. Pooled figures sum the counts of every pair and document.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from .errors import RedlineError
from .merge import open_source
from .models import Annotation, Document

Range = tuple[int, int]
# kind -> (role, attribute) whose values are compared where the role's spans match; a span
# label's label too (the database's scheme)
LABELLED = {"claim": ("claim", "checkworthy"), "stance": ("stance", "polarity"),
            "label": ("span", "label")}
MODES = ("exact", "overlap")


def _overlap(x: Range, y: Range) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def match(xs: Sequence[Range], ys: Sequence[Range], *, exact: bool) -> list[tuple[int, int]]:
    """One-to-one (i, j) pairs of matching ranges: equal ones, or overlapping ones greedily."""
    cands = [(-_overlap(x, y), abs(x[0] - y[0]) + abs(x[1] - y[1]), i, j)
             for i, x in enumerate(xs) for j, y in enumerate(ys)
             if (x == y if exact else _overlap(x, y) > 0)]
    used_i, used_j, out = set(), set(), []
    for _, _, i, j in sorted(cands):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j))
    return out


def prf(counts: dict[str, int]) -> dict[str, Any]:
    """Counts {a, b, matched} with precision, recall and F1 (None where undefined)."""
    a, b, m = counts.get("a", 0), counts.get("b", 0), counts.get("matched", 0)
    return {"a": a, "b": b, "matched": m, "precision": m / b if b else None,
            "recall": m / a if a else None, "f1": 2 * m / (a + b) if a + b else None}


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of paired labels (None when undefined: no items, or chance agreement 1)."""
    n = len(pairs)
    if not n:
        return None
    p_o = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    p_e = sum(ca[k] * cb[k] for k in ca) / n**2
    return None if p_e == 1 else (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(units: Sequence[Sequence[str]]) -> float | None:
    """Krippendorff's alpha for nominal labels; each unit lists the values given to it."""
    o: dict[tuple[str, str], float] = defaultdict(float)
    for unit in units:
        m, cnt = len(unit), Counter(unit)
        if m < 2:
            continue
        for c in cnt:
            for k in cnt:
                o[(c, k)] += cnt[c] * (cnt[k] - (c == k)) / (m - 1)
    n_c: dict[str, float] = defaultdict(float)
    for (c, _), w in o.items():
        n_c[c] += w
    n = sum(n_c.values())
    d_e = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if n <= 1 or d_e == 0:
        return None
    return 1 - (n - 1) * sum(w for (c, k), w in o.items() if c != k) / d_e


def _roles(anns: list[Annotation]) -> dict[str, list[Range]]:
    out: dict[str, list[Range]] = defaultdict(list)
    for a in anns:
        for s in a.spans:
            out[f"{a.kind}.{s.role}"].append((s.start, s.end))
    return out


def _frames(anns: list[Annotation]) -> list[tuple[list[Range], Range | None]]:
    return [([(s.start, s.end) for s in a.role("content")],
             next(((s.start, s.end) for s in a.role("source")), None))
            for a in anns if a.kind == "attribution"]


def _frame_match(fa: list[Any], fb: list[Any], exact: bool) -> list[tuple[int, int]]:
    """One-to-one frame pairs, the way spans are paired: of the frames whose sources match and
    that share a matching content span, the largest content overlap first (first come, first
    served paired A's [0,30) with B's [0,10) and left A's [5,8) without B's [11,22))."""
    def same(p: Range | None, q: Range | None) -> bool:
        if p is None or q is None:
            return p is q
        return p == q if exact else _overlap(p, q) > 0

    cands = []
    for i, x in enumerate(fa):
        for j, y in enumerate(fb):
            shared = [_overlap(p, q) for p in x[0] for q in y[0] if same(p, q)]
            if shared and same(x[1], y[1]):
                cands.append((-max(shared), i, j))
    used_i, used_j, out = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j))
    return out


def _labelled(anns: list[Annotation], kind: str) -> list[tuple[Range, str]]:
    role, attr = LABELLED[kind]
    return [((a.role(role)[0].start, a.role(role)[0].end), a.attrs.get(attr, "")) for a in anns
            if a.kind == kind]


def compare_document(text: str, a: list[Annotation], b: list[Annotation]) -> dict[str, Any]:
    """Counts, attribute pairs and disagreements for one document and one pair of annotators."""
    ra, rb = _roles(a), _roles(b)
    spans: dict[str, dict[str, dict[str, int]]] = {}
    dis: list[dict[str, Any]] = []

    def say(kind: str, what: str, x: Range | None, y: Range | None, vx: Any = None,
            vy: Any = None) -> None:
        dis.append({"type": kind, "what": what, "a_span": x, "b_span": y, "a_value": vx,
                    "b_value": vy, "a_text": text[x[0]:x[1]] if x else None,
                    "b_text": text[y[0]:y[1]] if y else None})

    for key in sorted(set(ra) | set(rb)):
        xs, ys = ra.get(key, []), rb.get(key, [])
        spans[key] = {m: {"a": len(xs), "b": len(ys),
                          "matched": len(match(xs, ys, exact=m == "exact"))} for m in MODES}
        done = match(xs, ys, exact=True)
        left_x = [x for i, x in enumerate(xs) if i not in {p for p, _ in done}]
        left_y = [y for j, y in enumerate(ys) if j not in {q for _, q in done}]
        near = match(left_x, left_y, exact=False)
        for i, j in near:
            say("boundary", key, left_x[i], left_y[j])
        for i, x in enumerate(left_x):
            if i not in {p for p, _ in near}:
                say("only_a", key, x, None)
        for j, y in enumerate(left_y):
            if j not in {q for _, q in near}:
                say("only_b", key, None, y)
    fa, fb = _frames(a), _frames(b)
    frames = {m: {"a": len(fa), "b": len(fb), "matched": len(_frame_match(fa, fb, m == "exact"))}
              for m in MODES}
    for i, j in _frame_match([(x[0], None) for x in fa], [(y[0], None) for y in fb], False):
        if not _frame_match([fa[i]], [fb[j]], False):
            say("source", "attribution.source", fa[i][1], fb[j][1])
    labels: dict[str, list[tuple[str, str]]] = {}
    for kind, (_, attr) in LABELLED.items():
        la, lb = _labelled(a, kind), _labelled(b, kind)
        pairs = match([r for r, _ in la], [r for r, _ in lb], exact=False)
        labels[f"{kind}.{attr}"] = [(la[i][1], lb[j][1]) for i, j in pairs]
        for i, j in pairs:
            if la[i][1] != lb[j][1]:
                say("attribute", f"{kind}.{attr}", la[i][0], lb[j][0], la[i][1], lb[j][1])
    return {"spans": spans, "frames": frames, "labels": labels, "disagreements": dis}


def _units(text_sides: list[list[Annotation]], kind: str) -> list[list[str]]:
    """Alpha units: overlapping labelled spans of different annotators, joined transitively."""
    items = [(k, r, v) for k, anns in enumerate(text_sides) for r, v in _labelled(anns, kind)]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(range(len(items)), 2):
        if items[i][0] != items[j][0] and _overlap(items[i][1], items[j][1]) > 0:
            parent[find(i)] = find(j)
    units: dict[int, list[str]] = defaultdict(list)
    for i, (_, _, v) in enumerate(items):
        units[find(i)].append(v)
    return list(units.values())


def _side_name(anns: list[Annotation], path: Path, taken: set[str]) -> str:
    who = {a.annotator for a in anns if a.annotator}
    name = who.pop() if len(who) == 1 else path.stem
    name = name if name not in taken else f"{name} ({path.name})"
    taken.add(name)
    return name


def load(paths: Sequence[Path]) -> tuple[list[str], list[tuple[Document, list[list[Annotation]]]]]:
    """Annotator names, and each document all databases hold with every database's annotations."""
    if len(paths) < 2:
        raise RedlineError("agreement needs two or more databases", hint="give A.db B.db")
    sides: list[dict[str, tuple[Document, list[Annotation]]]] = []
    for path in paths:
        store = open_source(path)
        try:
            sides.append({d.text_sha256: (d, store.annotations(d.id))
                          for d in store.iter_documents()})
        finally:
            store.close()
    taken: set[str] = set()
    names = [_side_name([a for _, anns in s.values() for a in anns], p, taken)
             for s, p in zip(sides, paths, strict=True)]
    common = [sha for sha in sides[0] if all(sha in s for s in sides[1:])]
    if not common:
        raise RedlineError("the databases share no document (documents are matched by text)",
                           hint="import the same articles into each database first")
    return names, [(sides[0][sha][0], [s[sha][1] for s in sides]) for sha in common]


def _add(total: dict[str, Any], part: dict[str, Any]) -> None:
    for k, v in part.items():
        if isinstance(v, dict):
            _add(total.setdefault(k, {}), v)
        else:
            total[k] = total.get(k, 0) + v


def _finish(counts: dict[str, Any]) -> dict[str, Any]:
    if "matched" in counts:
        return prf(counts)
    return {k: _finish(v) for k, v in counts.items()}


def _attr(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    n = len(pairs)
    return {"items": n, "observed": sum(a == b for a, b in pairs) / n if n else None,
            "cohen_kappa": cohen_kappa(pairs)}


def agreement(paths: Sequence[Path], *, disagreements: bool = False) -> dict[str, Any]:
    """The whole agreement report as plain dicts (see the module docstring for the figures)."""
    names, docs = load(paths)
    pairs = list(combinations(range(len(names)), 2))
    by_pair: dict[tuple[int, int], dict[str, Any]] = {p: {"spans": {}, "frames": {}} for p in pairs}
    pair_labels: dict[tuple[int, int], dict[str, list[Any]]] = {p: defaultdict(list) for p in pairs}
    units: dict[str, list[list[str]]] = defaultdict(list)
    per_doc, found = [], []
    for doc, sides in docs:
        d_spans: dict[str, Any] = {}
        d_frames: dict[str, Any] = {}
        d_labels: dict[str, list[Any]] = defaultdict(list)
        for i, j in pairs:
            r = compare_document(doc.text, sides[i], sides[j])
            _add(by_pair[(i, j)]["spans"], r["spans"])
            _add(by_pair[(i, j)]["frames"], r["frames"])
            for modes in r["spans"].values():
                _add(d_spans, modes)
            _add(d_frames, r["frames"])
            for key, items in r["labels"].items():
                pair_labels[(i, j)][key] += items
                d_labels[key] += items
            if disagreements:
                found += [{"document": doc.id, "title": doc.title, "a": names[i], "b": names[j],
                           **d} for d in r["disagreements"]]
        for kind, (_, attr) in LABELLED.items():
            units[f"{kind}.{attr}"] += _units(sides, kind)
        per_doc.append({"id": doc.id, "title": doc.title, "spans": _finish(d_spans),
                        "frames": _finish(d_frames),
                        "attributes": {k: _attr(v) for k, v in d_labels.items()}})
    spans: dict[str, Any] = {}
    frames: dict[str, Any] = {}
    for p in pairs:
        _add(spans, by_pair[p]["spans"])
        _add(frames, by_pair[p]["frames"])
    attributes = {}
    for key in (f"{k}.{a}" for k, (_, a) in LABELLED.items()):
        items = [x for p in pairs for x in pair_labels[p][key]]
        attributes[key] = {**_attr(items), "krippendorff_alpha": krippendorff_alpha(units[key]),
                           "units": sum(len(u) >= 2 for u in units[key])}
        if len(names) > 2:
            attributes[key]["cohen_kappa"] = None  # pairwise only: see "pairs"
    out = {"annotators": names, "databases": [str(p) for p in paths], "documents": len(docs),
           "spans": _finish(spans), "frames": _finish(frames), "attributes": attributes,
           "pairs": [{"a": names[i], "b": names[j], "spans": _finish(by_pair[(i, j)]["spans"]),
                      "frames": _finish(by_pair[(i, j)]["frames"]),
                      "attributes": {k: _attr(v) for k, v in pair_labels[(i, j)].items()}}
                     for i, j in pairs],
           "per_document": per_doc}
    if disagreements:
        out["disagreements"] = found
    return out
