"""Single-mark quotations: paragraphs that reopen, plural possessives, doubles inside singles."""

from __future__ import annotations

from typing import Any

import spacy

from annotations.nlp.analyze import analyze_doc
from annotations.nlp.quotes import find_quotes

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def spans(text: str) -> list[str]:
    """The content of every quotation found, marks excluded."""
    return [text[q.start : q.end] for q in find_quotes(text)]


def kinds(text: str) -> list[tuple[str, str]]:
    """(content, kind) for every quotation, analysed with the blank pipeline."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [(q["text"], q["kind"]) for q in rec["quotes"]]


def test_single_quote_over_paragraphs_that_reopen_without_closing() -> None:
    text = (
        "The captain told the crew:\n\n"
        "‘We sail at dawn. Pack light.\n\n"
        "‘Nobody goes ashore after dark.’\n\n"
        "The crew cheered."
    )
    assert spans(text) == ["We sail at dawn. Pack light.\n\n‘Nobody goes ashore after dark."]


def test_unclosed_single_quote_not_reopened_is_dropped() -> None:
    text = "The captain said:\n\n‘We sail at dawn.\n\nThe crew cheered and nobody 'slept'."
    assert spans(text) == ["slept"]


def test_closing_mark_after_a_plural_before_a_preposition() -> None:
    text = "The bank said it had ‘made large investments’ in the town."
    assert spans(text) == ["made large investments"]


def test_plural_possessive_still_is_not_a_closing_mark() -> None:
    text = "He called it ‘the players’ money’ on Monday."
    assert spans(text) == ["the players’ money"]


def test_straight_single_quote_holding_a_straight_double_one() -> None:
    text = "Ola Berg agreed: 'My coach would say \"keep going\" and we kept going.'"
    assert spans(text) == ['My coach would say "keep going" and we kept going.']


def test_second_half_of_a_split_quote_after_a_long_apposition_is_speech() -> None:
    text = (
        "“The trouble,” said Ola Berg, a builder who has worked on the estate for years, "
        "“is not the bricks but the mortar.”"
    )
    assert kinds(text) == [
        ("The trouble,", "speech"),
        ("is not the bricks but the mortar.", "speech"),
    ]
