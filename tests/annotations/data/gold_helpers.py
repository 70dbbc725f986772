"""Shared builder of the make_news_*_gold.py scripts: spans computed from the passage and asserted.

Each script lists its passages as CASES (dicts with "text", "quotes" made by q(), optional
"non_quotes" made by nq()) and calls write_gold(); the mixed/indirect scripts also give each case
"other" (made by mixed() and ind()) and call write_mixed_indirect_gold(). The gold conventions are in
each script's docstring.
"""
import json
import os

# Opening and closing marks a quote may sit between, per style; a script names the styles its passages use.
DOUBLE = ("\u201c\"", "\u201d\"")
SINGLE = ("\u2018", "\u2019")
ASCII_SINGLE = ("'", "'")


def occurrences(text, sub):
    """All word-bounded start offsets of sub in text (str.index in a loop)."""
    out, i = [], 0
    while True:
        try:
            i = text.index(sub, i)
        except ValueError:
            return out
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(sub)] if i + len(sub) < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            out.append(i)
        i += 1


def locate(text, sub, near, ctx=None):
    """Span of sub: inside the unique ctx if given, else the occurrence nearest `near`."""
    if ctx is not None:
        assert text.count(ctx) == 1, f"context not unique: {ctx!r}"
        i = text.index(ctx) + ctx.index(sub)
        return [i, i + len(sub)]
    occ = occurrences(text, sub)
    assert occ, f"not found: {sub!r}"
    i = min(occ, key=lambda o: min(abs(o - near[0]), abs(o + len(sub) - near[1]), abs(o - near[1])))
    return [i, i + len(sub)]


def q(quote, speaker, cue, resolved=None, s_ctx=None, c_ctx=None, aid=None):
    """A gold quote: its text, speaker mention and cue (located in the unique s_ctx/c_ctx if given)."""
    return dict(quote=quote, speaker=speaker, cue=cue, resolved=resolved, s_ctx=s_ctx, c_ctx=c_ctx, aid=aid)


def nq(text, kind):
    """A quoted string that is not reported speech (scare quote, title, nickname, mixed quote)."""
    return dict(text=text, kind=kind)


def build(case, source, marks=(DOUBLE,), near=False):
    """One gold line for a case; near=True also asserts the cue is near the quote and the speaker near the cue."""
    opening = "".join(m[0] for m in marks)
    closing = "".join(m[1] for m in marks)
    text = case["text"]
    quotes = []
    for spec in case["quotes"]:
        qt = spec["quote"]
        assert text.count(qt) == 1, f"quote not unique: {qt!r}"
        start = text.index(qt)
        end = start + len(qt)
        assert text[start:end] == qt
        assert text[start - 1] in opening, f"no opening mark before {qt!r}"
        assert end == len(text) or text[end] in closing or text[end] == "\n", f"no closing mark after {qt!r}"
        cue_span = locate(text, spec["cue"], (start, end), spec["c_ctx"])
        spk_span = locate(text, spec["speaker"], tuple(cue_span), spec["s_ctx"])
        assert text[cue_span[0]:cue_span[1]] == spec["cue"]
        assert text[spk_span[0]:spk_span[1]] == spec["speaker"]
        for a, b in (cue_span, spk_span):
            assert b <= start or a >= end, f"speaker/cue inside the quote {qt!r}"
        if near:
            gap = max(cue_span[0] - end, start - cue_span[1])
            assert gap < 260, f"cue far from the quote {qt!r}"
            assert max(spk_span[0] - cue_span[1], cue_span[0] - spk_span[1]) < 90, f"speaker far from the cue {qt!r}"
        g = dict(start=start, end=end, quote_text=qt, speaker=spec["speaker"], speaker_span=spk_span,
                 cue=spec["cue"], cue_span=cue_span)
        if spec["resolved"]:
            assert all(w in text for w in spec["resolved"].split()), spec["resolved"]
            g["speaker_resolved"] = spec["resolved"]
        if spec["aid"]:
            g["attribution_id"] = spec["aid"]
        quotes.append(g)
    non_quotes = []
    for n in case.get("non_quotes", []):
        t = n["text"]
        assert text.count(t) == 1, f"non-quote not unique: {t!r}"
        start = text.index(t)
        end = start + len(t)
        assert text[start:end] == t
        assert text[start - 1] in opening and text[end] in closing, t
        non_quotes.append(dict(start=start, end=end, text=t, kind=n["kind"]))
    out = dict(text=text, quotes=quotes)
    if non_quotes:
        out["non_quotes"] = non_quotes
    out.update(source=source, licence="MIT", lang="en")
    return out


def write_gold(filename, cases, source, marks=(DOUBLE,), near=False):
    """Build every case and write them as JSONL next to this module; prints what was written."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), filename)
    rows = [build(c, source, marks, near) for c in cases]
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    nq_ = sum(len(r.get("non_quotes", [])) for r in rows)
    print(f"{path}: {len(rows)} passages, {sum(len(r['quotes']) for r in rows)} quotes, {nq_} non-quotes")
    return rows


def _attribution(kind, content, speaker, cue, s_ctx=None, c_ctx=None):
    """A gold mixed or indirect attribution; content is a substring or a list of them (split clause)."""
    return dict(kind=kind, content=[content] if isinstance(content, str) else content,
                speaker=speaker, cue=cue, s_ctx=s_ctx, c_ctx=c_ctx)


def mixed(content, speaker, cue, s_ctx=None, c_ctx=None):
    """A gold mixed attribution."""
    return _attribution("mixed", content, speaker, cue, s_ctx, c_ctx)


def ind(content, speaker, cue, s_ctx=None, c_ctx=None):
    """A gold indirect attribution."""
    return _attribution("indirect", content, speaker, cue, s_ctx, c_ctx)


def build_other(text, spec):
    """One other_attributions entry: content, speaker and cue spans located in the text and asserted."""
    spans = []
    for part in spec["content"]:
        assert text.count(part) == 1, f"content not unique: {part!r}"
        i = text.index(part)
        spans.append([i, i + len(part)])
    near = (spans[0][0], spans[-1][1])
    cue = locate(text, spec["cue"], near, spec["c_ctx"])
    spk = locate(text, spec["speaker"], tuple(cue), spec["s_ctx"])
    for a, b in (cue, spk):
        assert all(b <= s or a >= e for s, e in spans), f"speaker/cue inside the content {spec!r}"
    return dict(kind=spec["kind"], content_spans=spans, content_text=[text[s:e] for s, e in spans],
                speaker=spec["speaker"], speaker_span=spk, cue=spec["cue"], cue_span=cue)


def write_mixed_indirect_gold(filename, cases, source):
    """Write a mixed/indirect gold file: direct quotes through write_gold, then each case's other attributions."""
    rows = write_gold(filename, cases, source, marks=(DOUBLE,), near=True)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), filename)
    with open(path, "w", encoding="utf-8") as f:
        for case, row in zip(cases, rows, strict=True):
            row["other_attributions"] = [build_other(case["text"], s) for s in case["other"]]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    kinds = [a["kind"] for r in rows for a in r["other_attributions"]]
    print(f"  + {kinds.count('mixed')} mixed, {kinds.count('indirect')} indirect attributions")
