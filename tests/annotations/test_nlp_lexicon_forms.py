"""Every lexicon entry in every surface form goes through the whole extractor without harm.

Real news writes "Mr. Obama", "MRS. LEE" in a headline, "the minister's aide" and quotation
marks that never close; a rule that looks a token up in a word list must cope with each form.
The invariants: no exception, and every span of a record slices the text.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import annotations.nlp as nlp_package
from annotations.nlp.analyze import analyze_doc, analyze_texts
from annotations.nlp.pipeline import load_pipeline

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")
# Modules that hold no rule lexicon: the process wrapper, the CLI and the model chooser.
_NOT_RULES = {"__main__", "service", "pipeline"}
# Cue phrases of more than one word, written as the rules expect them.
CUE_PHRASES = ("according to", "in his words", "in her own words", "in the mayor's words",
               "pointed out", "went on", "shot back", "chimed in", "a statement from")
PER_DOC = 24  # entries per analysed text: a few dozen texts instead of a thousand


def lexicon_entries() -> list[str]:
    """Every word of every word list in the rule modules (sets, dict keys, tuples of str)."""
    found: set[str] = set()
    for info in pkgutil.iter_modules(nlp_package.__path__):
        if info.name in _NOT_RULES:
            continue
        module = importlib.import_module(f"annotations.nlp.{info.name}")
        for value in vars(module).values():
            if isinstance(value, (frozenset, set, dict, tuple)) and value and all(
                isinstance(x, str) for x in value
            ):
                found.update(str(x) for x in value)
    return sorted(found | set(CUE_PHRASES))


ENTRIES = lexicon_entries()


def surface_forms(word: str) -> str:
    """A headline and paragraphs using `word` bare and with a full stop, lower case,
    capitalised and shouted, possessive, at a sentence's start and end, inside and outside
    quotation marks (straight, curly, single)."""
    cap = word[:1].upper() + word[1:]
    shout = word.upper()
    return "\n".join([
        f"{shout}. ANN LEE SAYS {shout} PLAN WILL GO ON",  # a headline: no full stop
        f"{cap} Ann Lee Says {cap}. Talks Go On",
        "",
        f"{cap}. Ann Lee said the {word}'s plan was fine, {word}.",
        f"{cap} Tom Ross told the {word} that the {cap}’s aide had gone to the {word}.",
        f"“{cap}. Ann Lee, the {word},” {word} said. “{cap}’s {word}.” {cap} Ross {word} “{word}”",
        f"\"We {word} it,\" said {cap} Ross, the {word}. of the city. \"{cap}.\"",
        f"‘{cap}’ {word} ‘{word}.’ he said of {cap}'s group, {word}",
        f"According to {word}. Ann Lee, it was the {word}'s. {cap}: “{word}",
        f"The {word}, {cap}. Lee, {word} {cap}. “It is {word},” {word}.",
    ])


def check_record(text: str, rec: dict[str, Any]) -> None:
    """Every offset pair lies inside the text, and every stored text is what it slices."""
    # analyze_texts turns a rule failure into an error record: that is a failure here too
    assert "error" not in rec, rec.get("error")
    n = len(text)

    def sound(pair: Any, what: str, expected: str | None = None) -> None:
        start, end = pair
        assert 0 <= start < end <= n, f"{what} {pair} outside the text ({n} chars)"
        if expected is not None:
            assert text[start:end] == expected, f"{what} {pair} says {expected!r}"

    for e in rec["entities"]:
        sound((e["start"], e["end"]), "entity", e["text"])
    for q in rec["quotes"]:
        sound((q["start"], q["end"]), "quote", q["text"])
        if q["speaker_span"] is not None:
            sound(q["speaker_span"], "speaker", q["speaker"])
        if q["cue_span"] is not None:
            sound(q["cue_span"], "cue", q["cue"])
    for a in rec["attributions"]:
        if a["source_span"] is not None:
            sound(a["source_span"], "source", a["source_text"])
        if a["cue_span"] is not None:
            sound(a["cue_span"], "cue", a["cue"])
        assert a["content_spans"], "an attribution without content"
        for pair in a["content_spans"]:
            sound(pair, "content")


def _batches(entries: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(entries), size):
        yield entries[i : i + size]


def _analyse_blank(text: str) -> dict[str, Any]:
    return analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")


def test_the_lexicons_are_all_collected() -> None:
    # The sweep below is only as good as this list: each kind of lexicon the rules use is in it.
    # (one word of each kind: honorific, title, office, role, organisation noun, cue verb and
    # phrase, pronoun, noun cue, abbreviation)
    for word in ("mr", "mrs", "ms", "senator", "mayor", "spokeswoman", "ministry", "said",
                 "insisted", "according", "she", "statement", "u.s", "according to"):
        assert word in ENTRIES
    assert len(ENTRIES) > 1000


def test_every_entry_in_every_form_through_the_blank_pipeline() -> None:
    for batch in _batches(ENTRIES, PER_DOC):
        text = "\n\n".join(surface_forms(w) for w in batch)
        try:
            rec = _analyse_blank(text)
        except Exception:
            # name the entry that breaks the rules, not just its batch
            for word in batch:
                _analyse_blank(surface_forms(word))
            raise
        check_record(text, rec)


@pytest.mark.parametrize("form", ["Mr.", "Mr", "MR.", "Mrs.", "MRS.", "MRS", "Ms.", "Ms"])
def test_an_honorific_in_any_form_says_the_gender(form: str) -> None:
    # "Mr." is one token with its full stop; the honorific lexicon is bare lower case.
    # (A lower-case "mr." names no one's gender: the rule wants a capitalised honorific.)
    female = form.lower().startswith("m") and form.lower().rstrip(".") != "mr"
    who = "Pat Quinlan" if female else "Robin Ashdown"
    other = "Robin Ashdown" if female else "Pat Quinlan"
    pronoun = "she" if female else "he"
    text = (f"{who} met {other} at the depot. {form} {who.split()[1]} arrived late.\n"
            f"“We start tomorrow,” {pronoun} said.")
    rec = _analyse_blank(text)
    check_record(text, rec)
    speech = [q for q in rec["quotes"] if q["speech"]]
    assert [(q["speaker"], q["speaker_resolved"]) for q in speech] == [(pronoun, who)]


# -- generated news-like paragraphs -------------------------------------------------------------
_NAMES = ("Ann Lee", "Tom Ross", "Lee", "Obama", "Ashby Magna", "Open Streets")
_MARKS = ('"', "“", "”", "‘", "’", "'", "«", "»", "„")
_PUNCT = (".", ",", ":", ";", "!", "?", "—", "-", "(", ")", "[", "]", "…")


def _piece() -> st.SearchStrategy[str]:
    word = st.sampled_from(ENTRIES)
    return st.one_of(
        word,
        word.map(lambda w: w[:1].upper() + w[1:]),
        word.map(lambda w: w.upper() + "."),
        word.map(lambda w: w + "'s"),
        st.sampled_from(_NAMES),
        st.sampled_from(_MARKS),
        st.sampled_from(_PUNCT),
        st.tuples(st.sampled_from(_PUNCT + _MARKS), st.integers(2, 300)).map(lambda p: p[0] * p[1]),
        st.sampled_from(("\n", "\n\n", " ")),
    )


def _joined(parts: list[str]) -> str:
    return " ".join(parts)


news = st.lists(_piece(), min_size=1, max_size=60).map(_joined)
# Quotations nested inside quotations, some never closed.
nested = st.lists(st.tuples(st.sampled_from(_MARKS), news, st.booleans()), min_size=1,
                  max_size=4).map(lambda parts: "".join(
                      f"{m}{body}{m if closed else ''}" for m, body, closed in parts))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(news, nested))
def test_generated_news_paragraphs_never_break_the_rules(text: str) -> None:
    check_record(text, _analyse_blank(text))


# -- the trained pipeline -------------------------------------------------------------------------
def _sample() -> list[str]:
    """A smaller sample for the trained pipeline: every honorific and cue phrase, then every
    fifteenth entry of the rest."""
    from annotations.nlp.gender import HONORIFICS

    first = sorted(HONORIFICS) + list(CUE_PHRASES)
    return first + [w for w in ENTRIES[::15] if w not in first]


def test_a_sample_in_every_form_through_the_trained_pipeline() -> None:
    pipeline = load_pipeline(None)
    assert pipeline.has_ner, "this test needs the pinned trained pipeline"
    texts = ["\n\n".join(surface_forms(w) for w in batch) for batch in _batches(_sample(), PER_DOC)]
    records = list(analyze_texts(pipeline, [(str(i), t) for i, t in enumerate(texts)]))
    assert len(records) == len(texts)
    for text, rec in zip(texts, records, strict=True):
        check_record(text, rec)
