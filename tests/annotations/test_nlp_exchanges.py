"""Question-and-answer exchanges: floating turns alternate between the two speakers."""

from __future__ import annotations

from typing import Any

import spacy

from annotations.nlp.analyze import analyze_doc

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def resolved(text: str) -> list[str | None]:
    """The resolved speaker of each speech quotation (blank pipeline)."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [q["speaker_resolved"] for q in rec["quotes"] if q["speech"]]


def test_floating_turns_alternate_after_a_question() -> None:
    text = (
        "The inquiry heard from Tom Vance, questioned by Ida Marsh.\n\n"
        "“Did you sign the order?” Marsh asked.\n\n"
        "“I signed many orders,” Vance replied.\n\n"
        "“Including this one?”\n\n"
        "“I cannot remember.”"
    )
    assert resolved(text) == ["Ida Marsh", "Tom Vance", "Ida Marsh", "Tom Vance"]


def test_without_a_question_a_floating_paragraph_continues_the_last_speaker() -> None:
    text = (
        "“The order was signed,” Ida Marsh said.\n\n"
        "“I signed many orders,” Tom Vance replied.\n\n"
        "“Most of them were routine.”"
    )
    assert resolved(text) == ["Ida Marsh", "Tom Vance", "Tom Vance"]


def test_a_question_inside_a_longer_paragraph_is_not_a_turn() -> None:
    text = (
        "“The order was signed,” Ida Marsh said.\n\n"
        "“Who signed it?” Tom Vance asked.\n\n"
        "He waited. “Nobody will say.”"
    )
    assert resolved(text)[-1] == "Tom Vance"
