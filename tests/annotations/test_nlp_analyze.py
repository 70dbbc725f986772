"""Suggestion records: the DESIGN.md schema, batching, long texts, hostile input, the runner."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.nlp import analyze as an
from annotations.nlp.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Harbour master Olivia Brandt said on Monday that the pier would reopen in spring.\n"
    "“We have checked every beam,” Brandt told reporters. “It is safe.”\n"
    "Critics called the repairs “a rush job” and demanded an inquiry.\n"
    "“Nobody asked us,” said fisherman Tomas Berg."
)
QUOTE_KEYS = {"start", "end", "key", "text", "speech", "kind", "speaker", "speaker_span",
              "speaker_resolved", "cue", "cue_span", "attribution", "confidence"}
ATTR_KEYS = {"id", "key", "type", "source_span", "source_text", "speaker", "cue_span", "cue",
             "content_spans", "confidence"}


def blank() -> Pipeline:
    """The rules-only pipeline used when no trained model is installed."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Pipeline(nlp, "blank-en", False, "no model")


def check_record(rec: dict[str, Any], text: str) -> None:
    """Every offset points at the text it claims, every reference resolves."""
    assert rec["text_sha256"] == hashlib.sha256(text.encode()).hexdigest()
    ids = {a["id"] for a in rec["attributions"]}
    for e in rec["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
    for q in rec["quotes"]:
        assert set(q) == QUOTE_KEYS
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["kind"] in ("speech", "mixed", "scare", "title")
        assert q["speech"] == (q["kind"] == "speech")
        assert 0.0 <= q["confidence"] <= 1.0
        assert q["attribution"] is None or q["attribution"] in ids
        for field in ("speaker", "cue"):
            span = q[f"{field}_span"]
            if span is not None:
                assert text[span[0] : span[1]] == q[field]
    for a in rec["attributions"]:
        assert set(a) == ATTR_KEYS
        assert a["type"] in ("direct", "indirect", "mixed")
        assert a["content_spans"] and all(0 <= s < e <= len(text) for s, e in a["content_spans"])
        if a["source_span"] is not None:
            assert text[a["source_span"][0] : a["source_span"][1]] == a["source_text"]
        if a["cue_span"] is not None:
            assert text[a["cue_span"][0] : a["cue_span"][1]] == a["cue"]


def test_record_schema_on_an_article() -> None:
    (rec,) = an.analyze_texts(blank(), [("doc-1", ARTICLE)])
    assert rec["id"] == "doc-1" and rec["model"] == "blank-en"
    check_record(rec, ARTICLE)
    speech = [q for q in rec["quotes"] if q["speech"]]
    assert [q["speaker_resolved"] for q in speech] == ["Olivia Brandt"] * 2 + ["Tomas Berg"]
    assert [q["kind"] for q in rec["quotes"] if not q["speech"]] == ["mixed"]
    types = sorted(a["type"] for a in rec["attributions"])
    assert types == ["direct", "direct", "indirect", "mixed"]


def test_records_come_back_in_input_order() -> None:
    items = [(f"d{n}", f"“Item {n} is here,” said Clerk Number{n}.") for n in range(40)]
    recs = list(an.analyze_texts(blank(), items, batch_size=7))
    assert [r["id"] for r in recs] == [i for i, _ in items]
    assert all(len(r["quotes"]) == 1 for r in recs)


# Long texts in pieces, pathological texts and the time budget: test_nlp_pieces.py


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", '"', "“”", "“ ” ‘ ’ « »", "😀 “🎉” said 😀", "他说：“我们会赢。”",
     '"""""', "said said said", "according to", "“A,” said", "He said that", "'" * 50],
)
def test_hostile_text_gives_a_valid_record(text: str) -> None:
    (rec,) = an.analyze_texts(blank(), [("x", text)])
    check_record(rec, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*list("ab C.,:!?\"“”‘’'\n—"), " said ", " He ", "Lee"]),
                max_size=60).map("".join))
def test_any_text_gives_a_valid_record(text: str) -> None:
    (rec,) = an.analyze_texts(_BLANK, [("x", text)])
    check_record(rec, text)


_BLANK = blank()


def test_runner_reads_jsonl_and_prints_records() -> None:
    feed = json.dumps({"id": "a", "text": "“Hi,” she said."}) + "\n" + json.dumps({"text": "x"})
    out = subprocess.run([sys.executable, "-m", "annotations.nlp"], input=feed, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in recs] == ["a", "2"]
    assert recs[0]["quotes"][0]["speaker"] == "she"


def test_runner_reads_plain_text() -> None:
    out = subprocess.run([sys.executable, "-m", "annotations.nlp"], input="“Hi,” Lee said.\n",
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert rec["id"] == "stdin" and rec["quotes"][0]["speaker"] == "Lee"


def test_runner_reports_a_missing_model_in_one_line() -> None:
    res = subprocess.run([sys.executable, "-m", "annotations.nlp", "--model", "nope_model"],
                         input="", cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "nope_model" in res.stderr


def test_rules_scale_linearly_with_text_length() -> None:
    """Counted in function calls, not seconds (deterministic on a busy machine): four times the
    text takes about four times the calls; a quadratic step (each reported clause checked
    against every other attribution) took 6.6 times."""
    import cProfile
    import pstats

    nlp = _BLANK.nlp
    calls = []
    for n in (100, 400):
        doc = nlp("\n".join([ARTICLE] * n))
        profile = cProfile.Profile()
        profile.enable()
        an.analyze_doc(doc, doc_id="x", model_id="blank-en")
        profile.disable()
        calls.append(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]
    assert calls[1] < 5 * calls[0]


def test_quote_marks_in_one_long_paragraph_scale_linearly() -> None:
    """A paragraph of many opening marks ('x "y ' 8,000 times): each one inside an open straight
    quotation counted the straight marks in the rest of the paragraph again. Counted in
    function calls, as above."""
    import cProfile
    import pstats

    from annotations.nlp.quotes import find_quotes

    calls = []
    for n in (2_000, 8_000):
        profile = cProfile.Profile()
        profile.enable()
        find_quotes('x "y ' * n)
        profile.disable()
        calls.append(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]
    assert calls[1] < 5 * calls[0]
