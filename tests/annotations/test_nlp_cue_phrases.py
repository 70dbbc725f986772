"""Cues that are phrases or uncommon verbs: "In her words", "according to a statement from"."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.tokens import Doc

from annotations.nlp.analyze import analyze_doc, analyze_texts
from annotations.nlp.heuristics import right_source
from annotations.nlp.pipeline import Pipeline

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def attributed(rec: dict[str, Any]) -> list[tuple[str, bool, str | None, str | None, str | None]]:
    """(content, speech, speaker, resolved speaker, cue) for every quotation."""
    return [(q["text"], q["speech"], q["speaker"], q["speaker_resolved"], q["cue"])
            for q in rec["quotes"]]


def blank(text: str) -> list[tuple[str, bool, str | None, str | None, str | None]]:
    """Attributed quotations of a text analysed with the blank pipeline."""
    return attributed(analyze_doc(_NLP(text), doc_id="t", model_id="blank-en"))


def test_in_her_words_attributes_the_quotation() -> None:
    text = (
        "The harbour master, Greta Solvang, was unmoved. "
        "In her words, “Every boat pays the same fee.”"
    )
    assert blank(text)[-1] == ("Every boat pays the same fee.", True, "her", "Greta Solvang",
                               "In her words")


def test_in_the_words_of_names_the_speaker() -> None:
    text = "In the words of Greta Solvang, “Every boat pays the same fee.”"
    assert blank(text) == [("Every boat pays the same fee.", True, "Greta Solvang",
                            "Greta Solvang", "In the words of")]


def test_chanted_is_a_cue() -> None:
    text = "“Save our school!” the parents chanted at the gates."
    assert blank(text) == [("Save our school!", True, "the parents", None, "chanted")]


def test_a_cue_the_last_quotation_took_does_not_make_a_later_one_speech() -> None:
    text = (
        "“Save our school!” the parents chanted at the gates, where a banner read "
        "“Books not budgets”."
    )
    got = blank(text)
    assert [q[:2] for q in got] == [("Save our school!", True), ("Books not budgets", False)]


def test_according_to_a_statement_from_someone_names_them(model: Pipeline) -> None:
    text = (
        "“We will leave the city,” according to a statement from the firm's chief "
        "executive, Lotte Brandt."
    )
    (rec,) = analyze_texts(model, [("a", text)])
    assert attributed(rec)[0][2:] == ("Lotte Brandt", "Lotte Brandt", "according to")


def test_a_quoted_fragment_in_a_headline_with_says_is_speech() -> None:
    text = (
        "Mayor ‘will not back down’ over bus lanes, says deputy\n\n"
        "The deputy mayor, Colm Reddy, defended the plan on Monday."
    )
    assert blank(text)[0][:3] == ("will not back down", True, "deputy")


def test_the_same_fragment_in_body_text_stays_mixed() -> None:
    text = (
        "Bus lanes\n\n"
        "The mayor ‘will not back down’ over bus lanes, says his deputy. He spoke on Monday."
    )
    assert blank(text)[0][:2] == ("will not back down", False)


def test_a_bare_role_before_a_participle_is_a_headline_source() -> None:
    text = "“I will stay,” says mayor facing recall vote\n\nThe vote is on Friday."
    assert blank(text)[0][:3] == ("I will stay,", True, "mayor")



def test_a_single_quoted_word_in_a_headline_is_not_made_speech() -> None:
    text = "Council ‘bullied’ over parking fees, says leader\n\nThe vote is on Friday."
    assert blank(text)[0][:2] == ("bullied", False)


def _tagged(pairs: list[tuple[str, str]]) -> Doc:
    """A doc with the given part-of-speech tags (as the trained tagger would set them)."""
    return Doc(_NLP.vocab, words=[w for w, _ in pairs], tags=[t for _, t in pairs])


def test_a_bare_role_takes_a_tagged_participle_not_any_word_in_ing() -> None:
    facing = _tagged([("Stay", "VB"), (",", ","), ("says", "VBZ"), ("mayor", "NN"),
                      ("facing", "VBG"), ("vote", "NN")])
    found = right_source(facing, 2, 3, bytearray(len(facing)))
    assert found is not None and found.text == "mayor"
    meeting = _tagged([("Cut", "VB"), ("fares", "NNS"), (",", ","), ("says", "VBZ"),
                       ("resident", "NN"), ("meeting", "NN")])
    assert right_source(meeting, 3, 4, bytearray(len(meeting))) is None  # a meeting spoke
    during = _tagged([("Stay", "VB"), (",", ","), ("says", "VBZ"), ("mayor", "NN"),
                      ("during", "IN"), ("vote", "NN")])
    assert right_source(during, 2, 3, bytearray(len(during))) is None


def test_in_a_named_persons_words_names_the_speaker() -> None:
    text = "Tolls rose again. In Greta Solvang's own words, “Every boat pays the same fee.”"
    assert blank(text)[-1] == ("Every boat pays the same fee.", True, "Greta Solvang",
                               "Greta Solvang", "In Greta Solvang's own words")


def test_in_a_described_persons_words_names_them() -> None:
    text = "Mayor Ilse Varga opened the bridge. In the mayor's words, “It took ten years.”"
    assert blank(text)[-1][:4] == ("It took ten years.", True, "the mayor", "Ilse Varga")
