"""Cues in less usual forms: title-case headlines, panel lists, phrasal speech verbs."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from annotations.nlp.analyze import analyze_doc, analyze_texts
from annotations.nlp.pipeline import Pipeline

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def attributed(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(quotation, speaker mention, resolved speaker, cue) for each speech quotation."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [(q["text"], q["speaker"], q["speaker_resolved"], q["cue"])
            for q in rec["quotes"] if q["speech"]]


def test_a_title_case_quotation_right_after_a_headline_cue_is_speech() -> None:
    text = ('Harbour Chief Nils Okafor Says "Ferries Will Run All Winter"\n\n'
            "The chief spoke at the terminal.")
    assert attributed(text) == [
        ("Ferries Will Run All Winter", "Harbour Chief Nils Okafor", "Nils Okafor", "Says")
    ]


@pytest.mark.parametrize("text", [
    'Ida Brandt told the show "We Will Build The Bridge" and left the studio.',
    "Ida Brandt told the magazine “Nobody Owns The River.”",
])
def test_a_title_case_quotation_told_to_a_show_or_magazine_is_speech(text: str) -> None:
    assert [(s, c) for _, s, _, c in attributed(text)] == [("Ida Brandt", "told")]


def test_a_title_case_quotation_after_the_work_written_is_a_title() -> None:
    assert attributed('Ida Brandt wrote the book "Rivers Of Ash" in 2019.') == []


def test_the_headline_cue_is_not_part_of_the_speakers_name() -> None:
    text = ("Mayor Ida Brandt Warned “The Dam Will Not Hold”\n\n"
            "“We need help,” Brandt said on Monday.")
    assert attributed(text) == [
        ("The Dam Will Not Hold", "Mayor Ida Brandt", "Ida Brandt", "Warned"),
        ("We need help,", "Brandt", "Ida Brandt", "said"),
    ]


@pytest.mark.parametrize(("headline", "expected"), [
    ("Ida Brandt Tells Council: “We Will Not Back Down”",
     ("We Will Not Back Down", "Ida Brandt", "Ida Brandt", "Tells")),
    ("Senator Says “No Deal” As Talks Collapse", ("No Deal", "Senator", None, "Says")),
])
def test_a_headline_cue_with_an_object_or_a_one_word_subject_is_a_cue(
    headline: str, expected: tuple[str, str, str | None, str]
) -> None:
    assert attributed(f"{headline}\n\nThe vote is on Tuesday.") == [expected]


def test_a_headline_cue_is_a_cue_whatever_the_tagger_says(model: Pipeline) -> None:
    text = "Ida Brandt Tells Council: “We Will Not Back Down”\n\nThe vote is on Tuesday."
    (rec,) = analyze_texts(model, [("t", text)])
    assert [(q["speaker"], q["cue"]) for q in rec["quotes"] if q["speech"]] == [
        ("Ida Brandt", "Tells")]


def test_the_end_of_a_name_before_a_title_case_quotation_is_no_headline_cue() -> None:
    text = "The United States “Will Not Yield,” the minister said."
    assert [c for _, _, _, c in attributed(text)] in ([], ["said"])


def test_a_capitalised_verb_inside_a_name_is_still_no_cue() -> None:
    # "State" is a cue word, but not in "Secretary of State", and the sentence is no headline.
    text = "The Secretary of State “was not consulted,” his aides complained to reporters."
    assert attributed(text) == []


def test_each_panel_answer_goes_to_the_name_before_its_outlet() -> None:
    text = ("We asked three editors whether the merger will pass.\n\n"
            "Mara Quist, The Northern Ledger: “Not this year.”\n\n"
            "Obi Lund, Radio Fjell: “It will, with conditions.”\n\n"
            "Dana Pike, The Coastal Times: “Nobody knows.”")
    assert [(q, s) for q, s, _, _ in attributed(text)] == [
        ("Not this year.", "Mara Quist"),
        ("It will, with conditions.", "Obi Lund"),
        ("Nobody knows.", "Dana Pike"),
    ]


PANEL = ("We asked three analysts whether rates will fall.\n\n"
         "Mara Quist, Institute for Fiscal Studies: “Not before spring.”\n\n"
         "Obi Lund, senior economist, Bank of Tarn: “Maybe in March.”\n\n"
         "Dana Pike (Northern Ledger): “Nobody knows.”")


def test_a_panel_name_may_be_followed_by_a_role_or_a_bracketed_outlet() -> None:
    assert [s for _, s, _, _ in attributed(PANEL)] == ["Mara Quist", "Obi Lund", "Dana Pike"]


def test_a_panel_name_with_the_trained_pipeline(model: Pipeline) -> None:
    (rec,) = analyze_texts(model, [("t", PANEL)])
    assert [q["speaker"] for q in rec["quotes"] if q["speech"]] == [
        "Mara Quist", "Obi Lund", "Dana Pike"]


@pytest.mark.parametrize("cue", ["piped up", "weighed in", "cut in", "jumped in", "chimed in",
                                 "shot back", "fired back", "spoke up", "lashed out"])
def test_a_phrasal_speech_verb_is_a_cue_with_its_own_speaker(cue: str) -> None:
    text = (f"Ida Brandt opened the hearing. “The dam is safe,” she said. "
            f"“It is not,” Nils Okafor {cue}.")
    assert attributed(text)[1] == ("It is not,", "Nils Okafor", "Nils Okafor", cue)


def test_a_phrasal_verb_without_its_particle_is_no_cue() -> None:
    text = ("Ida Brandt opened the hearing. “The dam is safe,” she said. Nils Okafor spoke "
            "next and the room went quiet.")
    assert attributed(text) == [("The dam is safe,", "she", "Ida Brandt", "said")]
