"""Descriptions ("the coroner", "Harwick mayor") and titles resolve to the person they name."""

from __future__ import annotations

from typing import Any

import spacy

from annotations.nlp.analyze import analyze_doc, analyze_texts
from annotations.nlp.mentions import Mention
from annotations.nlp.names import PersonTable
from annotations.nlp.pipeline import Pipeline
from annotations.nlp.speakers import Resolver

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def speakers(rec: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """(speaker mention, resolved speaker) for each speech quotation."""
    return [(q["speaker"], q["speaker_resolved"]) for q in rec["quotes"] if q["speech"]]


def test_the_noun_someone_was_introduced_with_refers_back_to_them() -> None:
    people = PersonTable()
    people.add("Chief surveyor Ida Brandvold", 0)
    people.add("Tomas Hale", 40)
    res = Resolver(people, [], [])
    assert res.resolve(Mention(80, 92, "the surveyor", "other")) == "Ida Brandvold"


def test_a_description_does_not_reach_forward_to_a_later_person() -> None:
    people = PersonTable()
    people.add("Chief surveyor Ida Brandvold", 100)
    res = Resolver(people, [], [])
    assert res.resolve(Mention(10, 22, "the surveyor", "other")) is None


def test_place_and_role_after_a_cue_are_one_source() -> None:
    rec = analyze_doc(_NLP("“We will rebuild,” says Harwick mayor\n\nThe town voted."),
                      doc_id="t", model_id="blank-en")
    assert speakers(rec)[0][0] == "Harwick mayor"


def test_headline_role_resolves_to_the_person_holding_it(model: Pipeline) -> None:
    text = (
        "‘We will rebuild’, says Harwick mayor\n\n"
        "The mayor of Harwick, Dora Pennant, promised grants to every flooded home."
    )
    (rec,) = analyze_texts(model, [("h", text)])
    assert speakers(rec) == [("Harwick mayor", "Dora Pennant")]


def test_role_before_an_apposition_names_the_person_after_it(model: Pipeline) -> None:
    text = (
        "Lowfield Rovers sacked their coach, Ivan Petrak, on Monday.\n"
        "The club's owner, the property developer Colm Reddy, spoke to reporters later. "
        "“I had no choice,” he said."
    )
    (rec,) = analyze_texts(model, [("a", text)])
    assert speakers(rec)[-1] == ("he", "Colm Reddy")


def test_a_person_after_a_personal_role_of_stays_a_person(model: Pipeline) -> None:
    text = (
        "The coach of Greta Halvorsen flew in on Sunday.\n"
        "“She is ready for the final,” Halvorsen said."
    )
    (rec,) = analyze_texts(model, [("c", text)])
    assert speakers(rec)[-1] == ("Halvorsen", "Greta Halvorsen")


def test_a_person_after_a_lawyer_of_keeps_her_full_name(model: Pipeline) -> None:
    text = (
        "The lawyer of Ann Pellow spoke outside the court on Friday.\n"
        "“We will appeal,” Pellow said."
    )
    (rec,) = analyze_texts(model, [("l", text)])
    assert speakers(rec)[-1] == ("Pellow", "Ann Pellow")


def test_a_name_after_mayor_of_is_a_place_not_a_speaker(model: Pipeline) -> None:
    text = (
        "The mayor of Kettleby Wold, Ruth Calloway, opened the bridge.\n"
        "“It took ten years,” Calloway said."
    )
    (rec,) = analyze_texts(model, [("m", text)])
    assert speakers(rec)[-1] == ("Calloway", "Ruth Calloway")
