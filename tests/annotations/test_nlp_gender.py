"""He and she agree with what an honorific or a common first name says about a person."""

from __future__ import annotations

import sys
from typing import Any

import pytest
import spacy

from annotations.nlp import gender
from annotations.nlp.analyze import analyze_doc
from annotations.nlp.gender import is_given_name, name_gender
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


def test_census_frequencies_decide_only_when_one_sex_clearly_dominates() -> None:
    assert name_gender("Kelly") == "f"  # about 4.5 times as common among women
    assert name_gender("Jordan") == "m"
    assert name_gender("Lee") == ""  # about 3 to 1: too mixed to say
    assert name_gender("Taylor") == ""


def test_rare_word_like_names_are_not_given_names_on_their_own() -> None:
    assert is_given_name("Carlos")
    assert not is_given_name("King")  # in the male list, but 4 in 100,000
    assert not is_given_name("Lee")  # a given name of open gender says nothing
    assert person_like("King Marston") is None


def test_without_the_names_package_no_name_has_a_gender(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gender.importlib.util, "find_spec", lambda name: None)
    gender._census.cache_clear()
    try:
        assert name_gender("Margaret") == ""
        text = (
            "Margaret Voss and Peter Oduya run the allotment.\n"
            "“The soil is poor,” Ms Voss said. “I blame the rain,” she said."
        )
        assert resolved(text)[-1] == ("she", "Margaret Voss")  # the honorific still counts
    finally:
        monkeypatch.undo()
        gender._census.cache_clear()
    assert name_gender("Margaret") == "f"


def test_reading_the_name_lists_does_not_import_the_names_package() -> None:
    gender._census.cache_clear()
    sys.modules.pop("names", None)
    assert name_gender("Peter") == "m"
    assert "names" not in sys.modules
