"""Descriptions stay descriptions unless the text links them to a name: no look-ahead, no
employer for employee, no things or "anybody" as people, no participle fused into a name."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from annotations.nlp.analyze import analyze_doc, analyze_texts
from annotations.nlp.pipeline import Pipeline

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def _speakers(rec: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    return [(q["speaker"], q["speaker_resolved"]) for q in rec["quotes"] if q["speech"]]


def blank(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker mention, resolved speaker) per speech quotation, no parser."""
    return _speakers(analyze_doc(_NLP(text), doc_id="t", model_id="blank-en"))


def parsed(model: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    """The same with the trained pipeline."""
    (rec,) = analyze_texts(model, [("t", text)])
    return _speakers(rec)


NAMED_LATER = (
    "“We are nowhere near a deal,” a Finance Ministry official said on Monday.\n"
    "Bond yields rose after the remark.\n"
    "Finance Minister Ingrid Solberg met the bankers on Friday."
)


def test_a_description_is_not_the_person_named_later_parsed(model: Pipeline) -> None:
    assert parsed(model, NAMED_LATER) == [("a Finance Ministry official", None)]


def test_a_description_is_not_the_person_named_later_blank() -> None:
    assert blank(NAMED_LATER) == [("a Finance Ministry official", None)]


def test_the_same_description_again_is_still_no_one_named() -> None:
    text = ("A Finance Ministry official said the talks had stalled. “We are not close,” the "
            "Finance Ministry official said.\n"
            "Finance Minister Ingrid Solberg met the bankers on Friday. “We will get there,” "
            "Solberg said.")
    assert blank(text) == [("the Finance Ministry official", None), ("Solberg", "Ingrid Solberg")]


def test_a_description_named_earlier_still_refers_back() -> None:
    text = ("Finance Minister Ingrid Solberg met the bankers on Friday.\n"
            "“We will get there,” the finance minister said.")
    assert blank(text) == [("the finance minister", "Ingrid Solberg")]


@pytest.mark.parametrize("who", ["a spokeswoman for the governor", "an aide to the governor",
                                 "a lawyer for Marsh", "a spokesman for Ann Marsh"])
def test_someone_working_for_a_person_is_not_that_person_parsed(
    model: Pipeline, who: str
) -> None:
    text = f"Governor Ann Marsh signed the bill on Monday. “This was overdue,” {who} said."
    ((mention, resolved),) = parsed(model, text)
    role = " ".join(who.split()[:2])  # the parser may leave "to the governor" to the verb
    assert mention is not None and mention.startswith(role) and resolved is None


@pytest.mark.parametrize("who", ["a spokeswoman for the governor", "an aide to the governor",
                                 "a lawyer for Marsh"])
def test_someone_working_for_a_person_is_not_that_person_blank(who: str) -> None:
    text = f"Governor Ann Marsh signed the bill on Monday. “This was overdue,” {who} said."
    assert blank(text) == [(who, None)]


def test_a_thing_described_near_a_name_is_not_that_person(model: Pipeline) -> None:
    text = ("A new campaign ad for Ann Marsh began airing on Monday. "
            "“Ann Marsh gets things done,” the ad says.")
    assert parsed(model, text) == [("the ad", None)]


def test_anybody_is_not_a_speaker(model: Pipeline) -> None:
    text = ("Nils Okafor spoke at the rally. “We will win,” he said. Anybody who asked "
            "heard the same answer: “We will win in every ward.”")
    assert [s for s, _ in parsed(model, text)] == ["he", "he"]


def test_a_participle_opening_the_sentence_is_not_part_of_the_name(model: Pipeline) -> None:
    text = ("The Gazette ran the story on Monday. Quoting Okafor, the paper said: "
            "“The deal is dead.”")
    assert parsed(model, text) == [("the paper", None)]


def test_a_participle_is_not_fused_into_the_name_a_pronoun_resolves_to() -> None:
    text = "Ida Brandt met the press. Quoting Robert Okafor, she said: “The deal is dead.”"
    assert blank(text) == [("she", "Ida Brandt")]


def test_a_name_set_beside_someone_working_for_a_person_is_theirs(model: Pipeline) -> None:
    text = ("Governor Ann Marsh signed the bill on Monday. A spokeswoman for Marsh, Ida Brandt, "
            "said: “This was overdue.” The governor said nothing. “We are pleased,” the "
            "spokeswoman added.")
    assert parsed(model, text) == [("Ida Brandt", "Ida Brandt"), ("the spokeswoman", "Ida Brandt")]


def test_a_person_named_as_an_employer_is_not_the_employee(model: Pipeline) -> None:
    text = "Governor Ann Marsh signed the bill on Monday. “This was overdue,” a Marsh aide said."
    assert parsed(model, text) == [("a Marsh aide", None)]


def test_an_unnamed_someone_is_still_a_speaker(model: Pipeline) -> None:
    text = ("Robert Okafor spoke first. “We will win,” he said. Someone in the crowd shouted, "
            "“Shame!”")
    assert parsed(model, text) == [("he", "Robert Okafor"), ("Someone", None)]
