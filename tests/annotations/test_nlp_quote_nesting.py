"""Quotations inside quotations in the same marks, and quotations over paragraph breaks."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from annotations.nlp.analyze import analyze_doc
from annotations.nlp.quotes import find_quotes

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def quoted(text: str) -> list[str]:
    """The text of every quotation the finder pairs."""
    return [text[q.start : q.end] for q in find_quotes(text)]


def speech(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker mention) for each speech quotation (blank pipeline)."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [(q["text"], q["speaker"]) for q in rec["quotes"] if q["speech"]]


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”")])
def test_a_quoted_question_sharing_the_closing_mark_stays_inside_the_quotation(
    open_: str, close: str
) -> None:
    text = (f"{open_}Every parent at the gate will ask, {open_}Why was nobody told?{close} "
            "the head teacher wrote to governors.")
    assert speech(text) == [
        (f"Every parent at the gate will ask, {open_}Why was nobody told?", "the head teacher")
    ]


def test_a_nested_quotation_with_both_closing_marks_is_one_quotation() -> None:
    text = "“My father used to say, “Never sell the boat,” and I never did,” Ruth Ekland said."
    assert speech(text) == [
        ("My father used to say, “Never sell the boat,” and I never did,", "Ruth Ekland")
    ]


def test_a_nested_quotation_in_a_quotation_that_runs_on_keeps_running_on() -> None:
    # No reporter's words after the inner quotation: the outer one goes on next paragraph.
    text = ("“The auditors kept asking, “Where did the money go?” We had no answer.\n"
            "“Now we do,” the treasurer said.")
    assert quoted(text) == [
        "The auditors kept asking, “Where did the money go?” We had no answer.\n“Now we do,"
    ]


def test_a_paragraph_opening_a_mark_after_a_quoted_fragment_starts_its_own_quotation() -> None:
    text = ("Critics called the levy “a tax on the young.\n"
            "“We will fight it in every ward,” said councillor Priya Osei.")
    assert speech(text) == [("We will fight it in every ward,", "councillor Priya Osei")]


def test_a_continued_quotation_still_runs_on_into_the_next_paragraph() -> None:
    text = ("Osei told the meeting: “We will fight it in every ward.\n"
            "“And we will win,” she said.")
    assert quoted(text) == ["We will fight it in every ward.\n“And we will win,"]


def test_a_quotation_run_on_over_paragraphs_keeps_the_cue_after_it() -> None:
    text = ("The editorial board was blunt. It wrote: “The depot plan is dead.\n"
            "“Nobody should pretend otherwise,” wrote the Gazette.")
    assert speech(text) == [
        ("The depot plan is dead.\n“Nobody should pretend otherwise,", "the Gazette")
    ]


def test_a_quotation_within_one_paragraph_keeps_the_cue_before_it() -> None:
    text = "Priya Osei told the meeting: “The depot plan is dead,” said the Gazette's report."
    assert speech(text) == [("The depot plan is dead,", "Priya Osei")]


@pytest.mark.parametrize(("text", "expected"), [
    ('"We call it "the beast" because it eats money," Ruth Ekland said.',
     'We call it "the beast" because it eats money,'),
    ('"I told him, "Go home," and he did," Ruth Ekland said.',
     'I told him, "Go home," and he did,'),
    ('"We want "fair pay" and "safe streets," Ruth Ekland said.',
     'We want "fair pay" and "safe streets,'),
    ("“I told him, “Go home.” He did not,” Ruth Ekland said.",
     "I told him, “Go home.” He did not,"),
])
def test_a_straight_quotation_inside_a_straight_quotation_nests(text: str, expected: str) -> None:
    assert speech(text) == [(expected, "Ruth Ekland")]


def test_a_stray_space_before_a_closing_straight_mark_still_closes() -> None:
    text = '"We are done, "Ruth Ekland said. "Go home."'
    assert quoted(text) == ["We are done, ", "Go home."]
