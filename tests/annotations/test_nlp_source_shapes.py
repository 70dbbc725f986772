"""Sources set apart from their cue: party brackets, long appositions, infinitives; and work
titles after their noun, which are not speech."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from annotations.nlp.analyze import analyze_doc, analyze_texts
from annotations.nlp.pipeline import Pipeline

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def _speech(rec: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    return [(q["text"], q["speaker"], q["speaker_resolved"]) for q in rec["quotes"] if q["speech"]]


def blank(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quotation, speaker mention, resolved speaker) per speech quotation, no parser."""
    return _speech(analyze_doc(_NLP(text), doc_id="t", model_id="blank-en"))


def parsed(model: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    """The same with the trained pipeline."""
    (rec,) = analyze_texts(model, [("t", text)])
    return _speech(rec)


BRACKET = ("Sen. Mara Quist backed the bill. “It is overdue,” she said. "
           "Rep. Obi Lund (D-Vt.) said, “It is reckless.”")
BRACKET_AFTER = ("Sen. Mara Quist backed the bill. “It is overdue,” she said. "
                 "“It is reckless,” Rep. Obi Lund (R-Tenn.) said on Tuesday.")
APPOSITION = ("Mara Quist backed the bill. “It is overdue,” she said.\n"
              "Obi Lund, the governor's adviser on water, energy and farming policy for the "
              "northern counties, said: “It is reckless.”")
RELATIVE = ("Mara Quist backed the bill. “It is overdue,” she said. Obi Lund, who has "
            "chaired the water board through three droughts and two floods, said, "
            "“It is reckless.”")
DASHES = ("Mara Quist backed the bill. “It is overdue,” she said. Obi Lund — the governor's "
          "adviser on water, energy and farming policy — said: “It is reckless.”")
AGE_FIRST = ("Mara Quist backed the bill. “It is overdue,” she said. Obi Lund, 61, a former "
             "mayor who has chaired the water board since 2009, said: “It is reckless.”")
INFINITIVE = ("The letter from the tenants arrived on Monday. It goes on in its closing "
              "paragraph to ask, “Who will pay for the repairs?”")
INFINITIVE_NOUN = ("The petition reached the council on Monday. The petition goes on in the "
                   "third paragraph to ask, “Who will pay for the repairs?”")


def test_a_party_bracket_between_name_and_verb_keeps_the_name_blank() -> None:
    assert blank(BRACKET)[-1] == ("It is reckless.", "Rep. Obi Lund", "Obi Lund")


@pytest.mark.parametrize("text", [
    "“It is overdue,” she said. Rep. Obi Lund, R-Vt., said, “It is reckless.”",
    "“It is overdue,” she said. “It is reckless,” Rep. Obi Lund, R-Vt., said.",
])
def test_a_party_and_state_between_commas_keeps_the_name_blank(text: str) -> None:
    assert blank(f"Sen. Mara Quist backed the bill. {text}")[-1][1:] == (
        "Rep. Obi Lund", "Obi Lund")


def test_a_party_bracket_after_a_quotation_does_not_end_the_sentence_blank() -> None:
    assert blank(BRACKET_AFTER)[-1] == ("It is reckless,", "Rep. Obi Lund", "Obi Lund")


def test_a_party_bracket_after_a_quotation_does_not_end_the_sentence_parsed(
    model: Pipeline
) -> None:
    assert parsed(model, BRACKET_AFTER)[-1] == ("It is reckless,", "Rep. Obi Lund", "Obi Lund")


@pytest.mark.parametrize("text", [APPOSITION, RELATIVE, DASHES, AGE_FIRST])
def test_a_long_apposition_between_name_and_verb_keeps_the_name_blank(text: str) -> None:
    assert blank(text)[-1] == ("It is reckless.", "Obi Lund", "Obi Lund")


def test_a_long_apposition_between_name_and_verb_keeps_the_name_parsed(model: Pipeline) -> None:
    # The parser already links these; this guards the heuristics from overriding it.
    assert parsed(model, APPOSITION)[-1] == ("It is reckless.", "Obi Lund", "Obi Lund")


def test_an_infinitive_cue_takes_the_clause_subject_not_the_words_before_it() -> None:
    assert blank(INFINITIVE) == [("Who will pay for the repairs?", "It", None)]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("In a letter to members on Monday, the union's general secretary, Obi Lund, went "
     "further to warn, “The strike will go on.”", "Obi Lund"),
    ("The report by the council's auditors goes on to ask, “Who will pay?”", "The report"),
])
def test_an_infinitive_cue_after_an_opening_phrase_takes_the_clause_subject(
    sentence: str, speaker: str
) -> None:
    text = f"Mara Quist spoke first. “It works,” she said. {sentence}"
    assert blank(text)[-1][1] == speaker


def test_an_adverb_after_the_name_is_not_part_of_it(model: Pipeline) -> None:
    text = ("Mara Quist spoke first. “It works,” she said. Tom Ash later went on to say, "
            "“It does not.”")
    assert parsed(model, text)[-1] == ("It does not.", "Tom Ash", "Tom Ash")


def test_an_infinitive_cue_hung_on_a_noun_takes_the_clause_subject_parsed(
    model: Pipeline
) -> None:
    assert [s for _, s, _ in parsed(model, INFINITIVE_NOUN)] == ["The petition"]


@pytest.mark.parametrize("text", [
    "Nils Okafor wrote about the strike in his memoir, “Salt and Iron.” He is 80.",
    "Nils Okafor wrote about the strike in his memoir “Salt and Iron.” He is 80.",
    "Ida Brandt starred in the film “The Long Winter.”",
    "Ida Brandt sang the anthem, “Rise Up Northern Lights,” at the final.",
    "Nils Okafor is 80. “Salt and Iron,” his 2019 memoir, sold 40,000 copies.",
    "Ida Brandt is proud. “The Long Winter,” the documentary about the strike, opens Friday.",
])
def test_a_title_after_its_noun_is_not_speech(text: str) -> None:
    rec = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    assert [q["kind"] for q in rec["quotes"]] == ["title"]


def test_a_quoted_sentence_after_a_cue_is_still_speech() -> None:
    text = "Nils Okafor, who wrote a memoir, said: “Salt Was Our Life.”"
    assert blank(text) == [("Salt Was Our Life.", "Nils Okafor", "Nils Okafor")]
