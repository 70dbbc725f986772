"""Scoring quote suggestions against gold cases (`redline eval`).

The scoring of the quote-attribution gold format: a predicted speech quote matches a gold quote when their
overlap covers at least the threshold of the gold span (one-to-one, best first); speaker is right
when the normalised strings contain each other or the spans overlap; resolved speaker when the
surnames agree; cue when every predicted cue word is in the gold cue; gold `non_quotes`
predicted as speech are false positives like any unmatched prediction.

Mixed and indirect attributions (gold `other_attributions`) are scored per kind by `score_other`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

THRESHOLDS = (0.3, 0.8, 1.0)


def _is_span(x: Any, size: int) -> bool:
    return (isinstance(x, list) and len(x) == 2 and all(isinstance(v, int) for v in x)
            and 0 <= x[0] <= x[1] <= size)


def gold_problem(case: Any) -> str | None:
    """What makes one gold line unusable (None when it is fine): the fields scoring reads."""
    if not isinstance(case, dict) or not isinstance(case.get("text"), str):
        return 'is not an object with a "text" string'
    size = len(case["text"])
    quotes = case.get("quotes", [])
    if not isinstance(quotes, list) or not all(
        isinstance(q, dict) and _is_span([q.get("start"), q.get("end")], size) for q in quotes
    ):
        return '"quotes" is not a list of {"start", "end"} inside the text'
    others = case.get("other_attributions", [])
    if not isinstance(others, list) or not all(
        isinstance(a, dict) and isinstance(a.get("content_spans"), list) and a["content_spans"]
        and all(_is_span(c, size) for c in a["content_spans"]) for a in others
    ):
        return '"other_attributions" is not a list of {"kind", "content_spans"} inside the text'
    return None


def _norm(s: str | None) -> str:
    return re.sub(r"[^\w ]", "", (s or "").lower()).strip()


def _overlap(a: Sequence[int], b: Sequence[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _speaker_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if not (gold.get("speaker") and pred.get("speaker")):
        return False
    a, b = _norm(gold["speaker"]), _norm(pred["speaker"])
    if a and b and (a == b or a in b or b in a):
        return True
    gs, ps = gold.get("speaker_span"), pred.get("speaker_span")
    return bool(gs and ps and _overlap(gs, ps) > 0)


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """gold, predicted, precision, recall and F1 (rounded to 3 places) from the three counts."""
    p_, r_ = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {"gold": tp + fn, "predicted": tp + fp, "precision": round(p_, 3),
            "recall": round(r_, 3), "f1": round(2 * p_ * r_ / max(1e-9, p_ + r_), 3)}


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    """Precision, recall, F1, speaker/cue/resolved accuracy at one overlap threshold."""
    tp = fp = fn = speaker = cue = resolved = resolved_n = 0
    for g, p in zip(gold, pred, strict=True):
        predicted = [x for x in p.get("quotes", []) if x.get("speech", True)]
        used: set[int] = set()
        for q in g.get("quotes", []):
            best, best_share = None, 0.0
            for j, x in enumerate(predicted):
                if j in used:
                    continue
                share = (_overlap((q["start"], q["end"]), (x["start"], x["end"]))
                         / max(1, q["end"] - q["start"]))
                if share >= threshold and share > best_share:
                    best, best_share = j, share
            if best is None:
                fn += 1
                continue
            used.add(best)
            tp += 1
            x = predicted[best]
            speaker += _speaker_ok(q, x)  # a right speaker on a found quote is an end-to-end hit
            if q.get("cue") and x.get("cue"):
                cue += set(_norm(x["cue"]).split()) <= set(_norm(q["cue"]).split())
            if q.get("speaker_resolved"):
                resolved_n += 1
                r = _norm(x.get("speaker_resolved")).split()
                resolved += bool(r) and r[-1] == _norm(q["speaker_resolved"]).split()[-1]
        fp += len(predicted) - len(used)
    out: dict[str, Any] = {"threshold": threshold, **_prf(tp, fp, fn),
                           "speaker_acc": round(speaker / max(1, tp), 3),
                           "cue_acc": round(cue / max(1, tp), 3)}
    out["quote_speaker_f1"] = _prf(speaker, tp + fp - speaker, tp + fn - speaker)["f1"]
    if resolved_n:
        out["resolved_speaker_acc"] = round(resolved / resolved_n, 3)
    return out


def misses(gold: list[dict[str, Any]], pred: list[dict[str, Any]], threshold: float = 0.8
           ) -> list[str]:
    """One line per gold quote not found or given the wrong speaker (for `--show-errors`)."""
    lines = []
    for n, (g, p) in enumerate(zip(gold, pred, strict=True)):
        predicted = [x for x in p.get("quotes", []) if x.get("speech", True)]
        for q in g.get("quotes", []):
            hit = next((x for x in predicted if _overlap((q["start"], q["end"]), (x["start"], x["end"]))
                        >= threshold * max(1, q["end"] - q["start"])), None)
            quote = g["text"][q["start"]:q["end"]][:60]
            if hit is None:
                lines.append(f"case {n}: missed “{quote}”")
            elif not _speaker_ok(q, hit):
                lines.append(f"case {n}: “{quote}” speaker {hit.get('speaker')!r}, gold {q.get('speaker')!r}")
    return lines


KINDS = ("mixed", "indirect")
# Content matches when it covers this share of the gold content (one-to-one, best first).
CONTENT_SHARE = 0.5


def _content_share(gold: Sequence[Sequence[int]], pred: Sequence[Sequence[int]]) -> float:
    """How much of the gold content (all its spans) the predicted spans cover."""
    length = sum(e - s for s, e in gold)
    covered = sum(_overlap(g, p) for g in gold for p in pred)
    return covered / max(1, length)


def _closeness(gold: Sequence[Sequence[int]], pred: Sequence[Sequence[int]]) -> tuple[float, float]:
    """Share of the gold content covered, then (to break ties) overlap over union: of two
    predictions covering it all, the one that claims the least besides is the better match."""
    covered = sum(_overlap(g, p) for g in gold for p in pred)
    union = sum(e - s for s, e in gold) + sum(e - s for s, e in pred) - covered
    return _content_share(gold, pred), covered / max(1, union)


def _source_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Speaker strings contain each other (mention or resolved name), or the spans overlap."""
    a = _norm(gold.get("speaker"))
    for said in (pred.get("speaker"), pred.get("source_text")):
        b = _norm(said)
        if a and b and (a == b or a in b or b in a):
            return True
    gs, ps = gold.get("speaker_span"), pred.get("source_span")
    return bool(gs and ps and _overlap(gs, ps) > 0)


def speech_cue(cue: str | None) -> bool:
    """Whether a gold cue is a reporting verb (said, told, according to, …), not a belief."""
    from .nlp.cues import CUE_WORDS

    return any(w in CUE_WORDS for w in _norm(cue).split())


def score_other(gold: list[dict[str, Any]], pred: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    """Precision, recall, F1 and source accuracy for one kind of gold `other_attributions`;
    for indirect also the recall of those with a speech cue."""
    tp = fp = fn = source = cued = cued_hit = 0
    for g, p in zip(gold, pred, strict=True):
        predicted = [x for x in p.get("attributions", []) if x.get("type") == kind]
        wanted = [a for a in g.get("other_attributions", []) if a.get("kind") == kind]
        pairs = sorted(
            ((_closeness(a["content_spans"], x["content_spans"]), i, j)
             for i, a in enumerate(wanted) for j, x in enumerate(predicted)),
            key=lambda t: (-t[0][0], -t[0][1]))
        matched: dict[int, int] = {}
        used: set[int] = set()
        for (share, _), i, j in pairs:
            if share >= CONTENT_SHARE and i not in matched and j not in used:
                matched[i] = j
                used.add(j)
        for i, a in enumerate(wanted):
            is_cued = speech_cue(a.get("cue"))
            cued += is_cued
            if i in matched:
                tp += 1
                cued_hit += is_cued
                source += _source_ok(a, predicted[matched[i]])
            else:
                fn += 1
        fp += len(predicted) - len(used)
    out: dict[str, Any] = {"kind": kind, **_prf(tp, fp, fn),
                           "source_acc": round(source / max(1, tp), 3)}
    if kind == "indirect":
        out["speech_cue_gold"] = cued
        out["speech_cue_recall"] = round(cued_hit / max(1, cued), 3)
    return out


def other_misses(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[str]:
    """One line per gold mixed/indirect attribution not found or given the wrong source."""
    lines = []
    for n, (g, p) in enumerate(zip(gold, pred, strict=True)):
        for a in g.get("other_attributions", []):
            predicted = [x for x in p.get("attributions", []) if x.get("type") == a.get("kind")]
            hit = max(predicted, default=None,
                      key=lambda x: _closeness(a["content_spans"], x["content_spans"]))
            s, e = a["content_spans"][0]
            said = g["text"][s:e][:60]
            if hit is None or _content_share(a["content_spans"], hit["content_spans"]) < CONTENT_SHARE:
                lines.append(f"case {n}: missed {a['kind']} “{said}”")
            elif not _source_ok(a, hit):
                lines.append(f"case {n}: {a['kind']} “{said}” source {hit.get('source_text')!r}, "
                             f"gold {a.get('speaker')!r}")
        for x in p.get("attributions", []):
            golds = [a["content_spans"] for a in g.get("other_attributions", [])
                     if a.get("kind") == x.get("type")]
            if x.get("type") in KINDS and not any(
                _content_share(c, x["content_spans"]) >= CONTENT_SHARE for c in golds
            ):
                s, e = x["content_spans"][0]
                lines.append(f"case {n}: extra {x['type']} “{g['text'][s:e][:60]}”")
    return lines
