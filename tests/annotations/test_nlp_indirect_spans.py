"""Reported-speech content spans never cut through a quotation."""

from __future__ import annotations

from typing import Any

import spacy

from annotations.nlp.analyze import analyze_doc
from annotations.nlp.indirect import _whole_quotes
from annotations.nlp.linker import Linker
from annotations.nlp.quotes import find_quotes
from annotations.nlp.text import TextIndex

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def contents(text: str) -> list[str]:
    """The content of every attribution, analysed with the blank pipeline."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [text[s:e] for a in rec["attributions"] for s, e in a["content_spans"]]


def test_content_ending_on_a_quoted_phrase_keeps_its_closing_mark() -> None:
    text = 'Ivo Lane said that the new levy was "far too low".'
    assert contents(text) == ['the new levy was "far too low"']


def test_content_with_a_curly_quoted_phrase_inside_keeps_both_marks() -> None:
    text = "Ivo Lane said that the levy was “far too low” and “late”."
    (content,) = contents(text)
    assert content.count("“") == content.count("”") == 2


def linker(text: str) -> Linker:
    """A linker over the blank pipeline's parse of a text."""
    return Linker(_NLP(text), TextIndex.build(text), find_quotes(text))


def test_span_starting_inside_a_quotation_widens_to_its_opening_mark() -> None:
    text = 'Ivo said the levy was "far too low" for most.'
    lk = linker(text)
    start = text.index("too")
    assert _whole_quotes(lk, start, len(text) - 1) == (text.index('"far'), len(text) - 1)


def test_span_ending_inside_an_unclosed_quotation_stops_before_its_mark() -> None:
    text = 'Ivo Lane said:\n\n"The levy is far too low and nobody\n\nOthers disagreed.'
    lk = linker(text)
    (q,) = lk.quotes
    assert q.close_mark is None
    start = text.index("Ivo")
    assert _whole_quotes(lk, start, text.index("nobody")) == (start, text.index(":"))


def test_span_wholly_inside_a_quotation_takes_in_all_of_it() -> None:
    text = 'Mira Holt warned that the plan was "badly costed and far too late" for farmers.'
    lk = linker(text)
    start, end = text.index("costed"), text.index(" far too")
    whole = (text.index('"badly'), text.index('" for') + 1)
    assert _whole_quotes(lk, start, end) == whole
