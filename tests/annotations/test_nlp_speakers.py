"""Speaker resolution: pronouns, surnames and descriptions back to the full name."""

from __future__ import annotations

from typing import Any

import spacy

from annotations.nlp.analyze import analyze_doc
from annotations.nlp.mentions import Mention
from annotations.nlp.names import PersonTable
from annotations.nlp.speakers import Resolver

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def resolved(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker mention, resolved speaker) for each speech quotation (blank pipeline)."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [(q["speaker"], q["speaker_resolved"]) for q in rec["quotes"] if q["speech"]]


def test_pronoun_resolves_to_the_person_introduced_before() -> None:
    text = "Harbour master Olivia Brandt inspected the pier. “It will hold,” she said."
    assert resolved(text) == [("she", "Olivia Brandt")]


def test_surname_resolves_to_the_full_name() -> None:
    text = "Olivia Brandt inspected the pier on Monday.\n“It will hold,” Brandt said."
    assert resolved(text) == [("Brandt", "Olivia Brandt")]


def test_titles_and_descriptors_are_not_part_of_the_name() -> None:
    text = "“It will hold,” said Norwegian Harbour Master Olivia Brandt."
    assert resolved(text) == [("Norwegian Harbour Master Olivia Brandt", "Olivia Brandt")]


def test_pronoun_chain_follows_the_latest_subject() -> None:
    text = (
        "Olivia Brandt met Carl Weiss at the harbour.\n"
        "Weiss inspected the pier first. He was not convinced.\n"
        "“It will not hold,” he said."
    )
    assert resolved(text) == [("he", "Carl Weiss")]


def test_she_skips_a_man_already_called_he() -> None:
    text = (
        "Carl Weiss and Olivia Brandt toured the pier.\n"
        "“It is unsafe,” Weiss said. He left early.\n"
        "“We disagree,” she said."
    )
    assert resolved(text)[-1] == ("she", "Olivia Brandt")


def test_quoted_names_do_not_become_antecedents() -> None:
    text = (
        "Olivia Brandt spoke first.\n"
        "“Carl Weiss never came,” Brandt said. “He ignored us,” she added."
    )
    assert resolved(text)[-1] == ("she", "Olivia Brandt")


def test_unresolvable_pronoun_stays_unresolved() -> None:
    assert resolved("“It will hold,” he said.") == [("he", None)]


def test_description_matches_the_words_used_to_introduce_someone() -> None:
    people = PersonTable()
    people.add("Chilean President Ana Rojas", 0)
    people.add("Finance Minister Pablo Ruiz", 10)
    res = Resolver(people, [], [])
    assert res.resolve(Mention(50, 69, "the Chilean leader", "role")) == "Ana Rojas"
    assert res.resolve(Mention(50, 69, "the finance chief", "role")) == "Pablo Ruiz"


def test_surname_before_the_full_name_looks_ahead() -> None:
    people = PersonTable()
    people.add("Ana Rojas", 100)
    res = Resolver(people, [], [])
    assert res.resolve(Mention(5, 10, "Rojas", "name")) == "Ana Rojas"


def test_organisation_pronoun_needs_an_organisation() -> None:
    people = PersonTable()
    res = Resolver(people, [Mention(0, 9, "Acme Inc.", "org", "ORG")], [])
    res.advance(20)
    assert res.resolve(Mention(30, 34, "they", "pronoun")) == "Acme Inc."
    assert res.resolve(Mention(30, 41, "the company", "org")) == "Acme Inc."
    assert res.resolve(Mention(30, 41, "the ministry", "org")) is None


def test_definite_description_refers_to_the_person_in_focus() -> None:
    text = (
        "Tove Lind won the sprint in Lillehammer.\n"
        "“I waited years for this,” the 29-year-old said. “My legs are jelly.”"
    )
    assert resolved(text) == [("the 29-year-old", "Tove Lind")] * 2


def test_description_with_of_refers_to_the_person_in_focus() -> None:
    text = "Maren Holt lost her house in the flood. “We have nothing left,” the mother of two said."
    assert resolved(text) == [("the mother of two", "Maren Holt")]


def test_indefinite_description_is_someone_new() -> None:
    text = "Maren Holt lost her house in the flood. “We have nothing left,” said one neighbour."
    assert resolved(text) == [("one neighbour", None)]


def test_description_of_an_object_is_not_resolved_to_a_person() -> None:
    text = "Maren Holt read the report. “Costs will rise,” the report said."
    assert resolved(text) == [("the report", None)]


def test_they_refers_to_a_company_named_by_its_trade() -> None:
    text = "Bluebrook Water has apologised to customers. “We are sorry,” they said in a statement."
    assert resolved(text) == [("they", "Bluebrook Water")]


def test_pronoun_refers_to_a_name_in_apposition_to_a_role() -> None:
    text = "The prime minister, Jan Novak, defended the deal. He said: “It is fair.”"
    assert resolved(text) == [("He", "Jan Novak")]


def test_constable_and_honorifics_are_titles_not_names() -> None:
    text = "Chief Constable Mabel Quenby spoke first. “We found nothing,” the chief constable said."
    assert resolved(text) == [("the chief constable", "Mabel Quenby")]
    text = "Nana Kofi Mensah inspected the farm. “It is hard,” he said."
    assert resolved(text) == [("he", "Kofi Mensah")]


def test_mp_is_a_title_never_a_resolved_name() -> None:
    text = "MP Brendan Oaks backed the plan. Asked whether he agreed, he said: “I do.”"
    assert resolved(text) == [("he", "Brendan Oaks")]


def test_she_skips_a_man_known_by_his_title() -> None:
    text = (
        "Mabel Quenby defended the raid. The panel’s head, Mr Arnold Pike, was worried.\n\n"
        "Asked whether she would resign, she said: “I will not.”"
    )
    assert resolved(text) == [("she", "Mabel Quenby")]


def test_his_or_her_after_a_name_gives_the_gender() -> None:
    text = (
        "Arnold Pike criticised the plan. Mabel Quenby and her team disagreed.\n\n"
        "Later, he said: “It will fail.”"
    )
    assert resolved(text) == [("he", "Arnold Pike")]
