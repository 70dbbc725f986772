"""Pathological and very long texts: a linear tokenizer, pieces that give the whole text's
analysis, batches of bounded size, and a time budget that reports a text as too slow.

No test here times anything: each checks what the guard does (how the tokenizer cuts a run,
what each nlp.pipe call is given, what a text over its budget gets)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy
from helpers.cli import run_cli
from spacy.language import Language

from annotations.nlp import pieces
from annotations.nlp.analyze import analyze_texts
from annotations.nlp.guard import LONG_WORD, RUN, guard_tokenizer
from annotations.nlp.pipeline import Pipeline, _load
from annotations.store import Store

ARTICLE = (
    "Harbour master Olivia Brandt said on Monday that the pier would reopen in spring.\n"
    "“We have checked every beam,” Brandt told reporters. “It is safe.”\n"
    "Critics called the repairs “a rush job” and demanded an inquiry.\n"
    "“Nobody asked us,” said fisherman Tomas Berg.\n"
    "“The work began in March,\n"
    "“and it ends in May,” Brandt added."  # a quotation over two paragraphs
)


def _pipeline(guarded: bool = True) -> Pipeline:
    """A blank pipeline whose entity ruler stands in for NER (the names above)."""
    nlp = spacy.blank("en")
    if guarded:
        guard_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": name}  # type: ignore[attr-defined]
                        for name in ("Olivia Brandt", "Brandt", "Tomas Berg")])
    return Pipeline(nlp, "blank-ruler", True, None)


def _spans_slice(rec: dict[str, Any], text: str) -> None:
    """Every offset in a record points at the text it names."""
    assert "error" not in rec, rec.get("error")
    for e in rec["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
    for q in rec["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        for field in ("speaker", "cue"):
            if q[f"{field}_span"] is not None:
                s, e = q[f"{field}_span"]
                assert text[s:e] == q[field]
    for a in rec["attributions"]:
        assert all(0 <= s < e <= len(text) for s, e in a["content_spans"])
        if a["source_span"] is not None:
            assert text[a["source_span"][0] : a["source_span"][1]] == a["source_text"]


# -- the tokenizer guard -------------------------------------------------------------------------
MARKS = ["(", ")", "=", '"', "“", "”", "!", "*", "_", "😀", "—", "«"]


@pytest.mark.parametrize("mark", MARKS)
def test_a_long_run_of_one_mark_is_few_tokens_and_slices_the_text(mark: str) -> None:
    # spaCy splits such a run one mark per step, rescanning the rest each time (n² time)
    nlp = guard_tokenizer(spacy.blank("en"))
    run = mark * 2000
    text = f"He said {run} and left."
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    in_run = [t for t in doc if t.idx >= 8 and t.idx < 8 + len(run)]
    assert "".join(t.text for t in in_run) == run
    assert len(in_run) <= len(run) // RUN
    assert [t.text for t in doc][:2] == ["He", "said"] and [t.text for t in doc][-3:] == [
        "and", "left", "."]


def test_short_runs_and_ordinary_text_tokenize_as_before() -> None:
    text = ("“Why?!” he asked (again). Prices rose 3.4%... “No,” she said — “never.”)]\n"
            "Visit https://example.com/a?b=c, or don't. (((Nine marks))) ok!!!!!!!!!")
    plain, guarded = spacy.blank("en"), guard_tokenizer(spacy.blank("en"))
    assert [t.text for t in guarded.make_doc(text)] == [t.text for t in plain.make_doc(text)]


@pytest.mark.parametrize("unit", ["'s", "s'", "a-", "—a", "..a"])
def test_a_long_word_reaches_spacy_in_slices(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # "'s" repeated is n² in spaCy too (a suffix per step): the guard slices such a word
    nlp = guard_tokenizer(spacy.blank("en"))
    inner = nlp.tokenizer.inner  # type: ignore[union-attr]
    seen: list[str] = []
    wrapper = nlp.tokenizer

    class Spy:
        vocab = inner.vocab

        def __call__(self, text: str) -> Any:
            seen.append(text)
            return inner(text)

    monkeypatch.setattr(wrapper, "inner", Spy())
    word = unit * 3000
    text = f"It read {word}\n\nand “then,” she said."
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    assert max(max(map(len, s.split()), default=0) for s in seen) < LONG_WORD
    assert [t.text for t in doc][-4:] == ["”", "she", "said", "."]


def test_guarding_twice_changes_nothing() -> None:
    nlp = guard_tokenizer(spacy.blank("en"))
    once = nlp.tokenizer.inner.prefix_search.__self__.pattern  # type: ignore[union-attr]
    guard_tokenizer(nlp)
    assert nlp.tokenizer.inner.prefix_search.__self__.pattern == once  # type: ignore[union-attr]


def test_the_guarded_tokenizer_survives_a_copy() -> None:
    # spaCy pickles the pipeline for nlp.pipe(n_process=…) where processes are spawned
    import pickle

    nlp = guard_tokenizer(spacy.blank("en"))
    copied = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert [t.text for t in copied("(" * 500 + " ok")] == [t.text for t in nlp.make_doc("(" * 500 + " ok")]


def test_the_loaded_pipeline_is_guarded() -> None:
    nlp = _load(None).nlp  # the blank fallback; the trained one goes through the same step
    assert len(nlp.make_doc("(" * 1000)) <= 1000 // RUN


@pytest.mark.parametrize("run", ["(" * 10_000, '"' * 10_000, "“" * 10_000, "'s" * 5000,
                                 "😀" * 10_000, "( " * 5000, "“\n" * 3000])
def test_pathological_runs_inside_an_article_analyse_and_every_span_slices(run: str) -> None:
    text = f"{ARTICLE}\n{run}\n{ARTICLE}"
    (rec,) = analyze_texts(_pipeline(), [("x", text)])
    _spans_slice(rec, text)
    # the article on each side of the run keeps its speakers
    speakers = [q["speaker_resolved"] for q in rec["quotes"] if q["speech"]]
    assert speakers.count("Tomas Berg") == 2


# -- pieces ---------------------------------------------------------------------------------------
def _big(n: int) -> str:
    return "\n".join(ARTICLE.replace("Monday", f"day {k}") for k in range(n))


parsed_lengths: list[int] = []


@Language.component("redline_test_lengths")
def _lengths(doc: Any) -> Any:
    """Record the length of each text the pipeline parses."""
    parsed_lengths.append(len(doc.text))
    return doc


def test_a_long_text_analysed_in_pieces_equals_its_analysis_in_one(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _big(200)  # ~66 kB: four pieces at the real CHUNK_CHARS
    p = _pipeline()
    p.nlp.add_pipe("redline_test_lengths", last=True)
    parsed_lengths.clear()
    (pieced,) = analyze_texts(p, [("x", text)])
    assert len(parsed_lengths) >= 4 and max(parsed_lengths) <= pieces.CHUNK_CHARS and sum(parsed_lengths) == len(text)
    parsed_lengths.clear()
    monkeypatch.setattr(pieces, "CHUNK_CHARS", 10 * len(text))
    (whole,) = analyze_texts(p, [("x", text)])
    assert len(parsed_lengths) == 1 and parsed_lengths[0] == len(text)
    assert pieced == whole
    _spans_slice(pieced, text)
    # a quotation over two paragraphs is one quote in every copy of the article
    assert sum(q["text"].startswith("The work began") for q in pieced["quotes"]) == 200


@pytest.mark.parametrize("text", ["a" * 5000, "word " * 2000, "\n" * 3000, "x\n" * 2500])
def test_split_text_joins_back_exactly(text: str) -> None:
    parts = pieces.split_text(text, 700)
    assert "".join(parts) == text
    assert all(parts) and all(len(p) <= 700 for p in parts)


def test_batches_stay_under_their_size_and_texts_are_read_only_as_needed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "CHUNK_CHARS", 3000)
    monkeypatch.setattr(pieces, "BATCH_CHARS", 5000)
    p = _pipeline()
    calls: list[list[int]] = []
    real = p.nlp.pipe

    def pipe(texts: list[str], **kw: Any) -> Iterator[Any]:
        calls.append([len(t) for t in texts])
        return real(texts, **kw)

    monkeypatch.setattr(p.nlp, "pipe", pipe)
    texts = [_big(40), ARTICLE, _big(30), ARTICLE, ARTICLE]
    pulled: list[int] = []

    def items() -> Iterator[tuple[str, str]]:
        for n, t in enumerate(texts):
            pulled.append(n)
            yield str(n), t

    records = analyze_texts(p, items(), batch_size=4)
    first = next(records)
    # text 0 is five pieces; the batch that ends it may take text 1 and look at text 2, which
    # does not fit: texts 3 and 4 are not read yet
    assert first["id"] == "0" and pulled[-1] <= 2
    rest = list(records)
    assert [r["id"] for r in [first, *rest]] == ["0", "1", "2", "3", "4"]
    assert all(len(c) <= 4 for c in calls)
    assert all(sum(c) <= 5000 or len(c) == 1 for c in calls) and len(calls) > 5
    expected = list(analyze_texts(_pipeline(), [(str(n), t) for n, t in enumerate(texts)]))
    assert [r["quotes"] for r in [first, *rest]] == [r["quotes"] for r in expected]


# -- the time budget -------------------------------------------------------------------------------
def test_a_text_over_its_time_budget_is_reported_too_slow_and_the_others_go_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "CHUNK_CHARS", 2000)
    monkeypatch.setattr(pieces, "BUDGET_BASE_S", 0.0)
    monkeypatch.setattr(pieces, "BUDGET_CHARS_PER_S", 10**12)  # any CPU at all is too much
    long = _big(60)
    records = list(analyze_texts(_pipeline(), [("a", ARTICLE), ("big", long), ("b", ARTICLE)],
                                 batch_size=2))
    assert [r["id"] for r in records] == ["a", "big", "b"]
    slow = records[1]
    assert slow["error"].startswith(f"too slow to analyse: {len(long):,} characters")
    assert slow["error"].endswith("split the text into smaller documents")
    assert "\n" not in slow["error"] and "quotes" not in slow
    for ok in (records[0], records[2]):
        _spans_slice(ok, ARTICLE)
        assert ok["quotes"]


def test_a_text_over_the_length_limit_is_refused_unparsed_and_the_others_go_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # memory grows with the text (the rules need it whole), so there is a longest one
    monkeypatch.setattr(pieces, "MAX_CHARS", 5000)
    p = _pipeline()
    p.nlp.add_pipe("redline_test_lengths", last=True)
    parsed_lengths.clear()
    long = _big(60)
    records = list(analyze_texts(p, [("a", ARTICLE), ("long", long), ("b", ARTICLE)]))
    assert [r["id"] for r in records] == ["a", "long", "b"]
    assert records[1]["error"] == (f"too long to analyse: {len(long):,} characters (at most 5,000);"
                                   " split the text into smaller documents")
    assert "quotes" not in records[1] and "entities" not in records[1]
    assert parsed_lengths == [len(ARTICLE)] * 2  # the long one never reached spaCy
    assert all(r["quotes"] for r in (records[0], records[2]))


def test_parse_texts_stops_a_slow_text_after_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "CHUNK_CHARS", 2000)
    p = _pipeline()
    long = _big(60)
    out = list(pieces.parse_texts(p.nlp, [("big", long), ("s", ARTICLE)], batch_size=1,
                                  batch_chars=1, budget=lambda chars: -1.0))
    slow = out[0][1]
    assert isinstance(slow, pieces.TooSlow) and slow.chars == len(long)
    short = out[1][1]
    assert not isinstance(short, pieces.Unparsed) and short.text == ARTICLE


def _over_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small pieces and batches, and a budget that any CPU time at all goes over."""
    monkeypatch.setattr(pieces, "CHUNK_CHARS", 2000)
    monkeypatch.setattr(pieces, "BATCH_CHARS", 4000)
    monkeypatch.setattr(pieces, "BUDGET_BASE_S", 0.0)
    monkeypatch.setattr(pieces, "BUDGET_CHARS_PER_S", 10**12)


def test_import_reports_a_too_slow_document_and_stores_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", lambda name=None: _pipeline())
    _over_budget(monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_short.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b_long.txt").write_text(_big(60), encoding="utf-8")
    db = tmp_path / "r.db"
    run = run_cli(db, "import", str(folder))
    assert not run.has_traceback, run.stderr
    assert run.code == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.startswith("redline: warning:")]
    assert len(warnings) == 1 and "too slow to analyse" in warnings[0]
    store = Store(db, annotator="t")
    try:
        rows = {r["title"]: r for r in store.library()}
        assert set(rows) == {"a short", "b long"}
        assert "too slow" in (rows["b long"]["analysis_error"] or "")
        assert rows["a short"]["analysis_error"] is None
    finally:
        store.close()


def test_analyze_command_writes_a_too_slow_record(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", lambda name=None: _pipeline())
    _over_budget(monkeypatch)
    feed = "".join(json.dumps({"id": i, "text": t}) + "\n"
                   for i, t in (("s", ARTICLE), ("big", _big(60))))
    run = run_cli(None, "analyze", "-", stdin=feed)
    assert not run.has_traceback, run.stderr
    assert run.code == 1
    recs = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in recs] == ["s", "big"]
    assert "error" not in recs[0] and recs[1]["error"].startswith("too slow to analyse")
