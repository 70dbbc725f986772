"""He and she agree with what an honorific or a common first name says about a person."""

from __future__ import annotations

from typing import Any

import spacy

from annotations.nlp.analyze import analyze_doc
from annotations.nlp.gender import name_gender
from annotations.nlp.names import PersonTable, person_like

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def resolved(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker mention, resolved speaker) for each speech quotation (blank pipeline)."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [(q["speaker"], q["speaker_resolved"]) for q in rec["quotes"] if q["speech"]]


def test_honorific_decides_which_person_she_means() -> None:
    text = (
        "Pat Quinlan questioned Robin Ashdown about the missing files.\n"
        "“Where did they go?” Ms Quinlan asked. Mr Ashdown shrugged.\n"
        "“I never saw them,” she said."
    )
    assert resolved(text)[-1] == ("she", "Pat Quinlan")


def test_honorific_decides_which_person_he_means() -> None:
    text = (
        "Robin Ashdown met Pat Quinlan at the depot. Mr Quinlan arrived late.\n"
        "Ashdown spoke first. Quinlan listened.\n"
        "“We start tomorrow,” he said."
    )
    assert resolved(text)[-1] == ("he", "Pat Quinlan")


def test_common_first_name_gives_the_gender() -> None:
    text = (
        "Margaret Voss and Peter Oduya run the allotment.\n"
        "Oduya waters the beans. Voss digs.\n"
        "“The soil is poor,” she said."
    )
    assert resolved(text)[-1] == ("she", "Margaret Voss")


def test_honorific_overrides_the_first_name_guess() -> None:
    people = PersonTable()
    people.add("Ann Tolley", 0)
    people.set_gender("Tolley", 20, "m")  # "Mr Tolley": the honorific is what counts
    people.guess_genders()
    assert people.people["Ann Tolley"].gender == "m"


def test_name_gender_lexicon_stays_open_for_unknown_names() -> None:
    assert name_gender("Margaret") == "f"
    assert name_gender("peter") == "m"
    assert name_gender("Zorblat") == ""


def test_person_like_trims_a_run_on_preposition() -> None:
    assert person_like("Margaret Voss of") == "Margaret Voss"
    assert person_like("Margaret Street Council") is None
    assert person_like("Zorblat Voss") is None


def test_a_pronoun_inside_someone_elses_reported_clause_does_not_fix_their_gender() -> None:
    text = (
        "Zofia Brandt lost her appeal on Friday.\n"
        "Her coach, Emeric Varga, told reporters that she would appeal again.\n"
        "“She has done nothing wrong,” he said."
    )
    assert resolved(text)[-1] == ("he", "Emeric Varga")
