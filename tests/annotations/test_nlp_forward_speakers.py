"""A quotation nobody has been named for yet takes the speaker the next sentence names."""

from __future__ import annotations

from typing import Any

import spacy

from annotations.nlp.analyze import analyze_doc

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def attributed(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker mention, cue) for each speech quotation (blank pipeline)."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [(q["speaker"], q["cue"]) for q in rec["quotes"] if q["speech"]]


def test_words_of_in_the_next_paragraph() -> None:
    text = (
        "“The water came in through the floor. We lost everything.”\n\n"
        "Those were the words of Edna Pike, a shopkeeper on the high street."
    )
    assert attributed(text) == [("Edna Pike", "Those were the words of")]


def test_came_from_in_the_next_paragraph() -> None:
    text = (
        "“Keep your dogs on a lead near the cliffs.”\n\n"
        "The warning came from Dr Omar Sadiq, who runs the coastal rescue team."
    )
    assert attributed(text) == [("Dr Omar Sadiq", "The warning came from")]


def test_name_opening_the_next_sentence_with_a_cue() -> None:
    text = (
        "“The roof went first. Then the windows.”\n\n"
        "Edna Pike, 80, said she had never seen a storm like it."
    )
    assert attributed(text) == [("Edna Pike", "said")]


def test_no_forward_speaker_when_the_quote_does_not_end_a_sentence() -> None:
    text = "“The roof went first,” Edna Pike, 80, said."
    assert attributed(text) == [("Edna Pike", "said")]


def test_a_later_sentence_about_someone_else_is_not_a_speaker() -> None:
    text = (
        "“Nobody listens to us.”\n\n"
        "The council meets on Monday. Edna Pike said she would attend."
    )
    assert attributed(text) == [(None, None)]


def test_so_said_names_the_speaker_after_the_cue() -> None:
    text = "“The roof went first. Then the windows.”\n\nSo said Edna Pike, 80, a widow."
    assert attributed(text) == [("Edna Pike", "said")]


def test_a_described_name_opening_the_next_sentence() -> None:
    text = (
        "“The roof went first. Then the windows.”\n\n"
        "Tenants’ leader Edna Pike said the block had been neglected for years."
    )
    assert attributed(text) == [("Edna Pike", "said")]


def test_a_possessive_description_after_from() -> None:
    text = (
        "“Fix the road before someone dies.”\n\n"
        "That was the message from tenants’ leader Edna Pike."
    )
    assert attributed(text) == [("tenants’ leader Edna Pike", "That was the message from")]
