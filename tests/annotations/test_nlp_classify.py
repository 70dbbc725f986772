"""Quotation kinds: speech, mixed (fragment in reported speech), scare quote, title."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from annotations.nlp.analyze import analyze_doc
from annotations.nlp.classify import Context, classify, is_title_case

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def kinds(text: str) -> list[tuple[str, str, bool]]:
    """(content, kind, speech) for every quotation, analysed with the blank pipeline."""
    rec: dict[str, Any] = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    return [(q["text"], q["kind"], q["speech"]) for q in rec["quotes"]]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“The bridge is closed,” the engineer said.", "The bridge is closed,"),
        ("The engineer said: “The bridge is closed.”", "The bridge is closed."),
        ("The engineer said, “the bridge is closed.”", "the bridge is closed."),
        ("The engineer told reporters “We close the bridge today.”", "We close the bridge today."),
        ("Rain fell. “Nobody saw it coming.” The town slept.", "Nobody saw it coming."),
        ("“Why?” asked the child.", "Why?"),
        # a whole capitalised sentence with its own end mark after "that", "with a", "told her"
        ("The pilot told us that “We will land in ten minutes.”", "We will land in ten minutes."),
        ("The clerk replied with a “Not today, I am afraid.”", "Not today, I am afraid."),
        ("The nurse told her “You can go home tomorrow.”", "You can go home tomorrow."),
        # a lower-case whole clause straight after the cue, end mark outside (British style)
        ("The minister said “it is a shameful day”.", "it is a shameful day"),
    ],
)
def test_speech(text: str, content: str) -> None:
    assert kinds(text) == [(content, "speech", True)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The council renewed its “zero tolerance” policy on Monday.", "zero tolerance"),
        ("Crowds of “angry, tired” farmers blocked the road.", "angry, tired"),
        ("She was about to press “send” when the power failed.", "send"),
        ("Attendance came closer to “a few hundred.”", "a few hundred."),
        ("“Quiet quitting” spread fast among young workers.", "Quiet quitting"),
    ],
)
def test_scare_quotes_are_not_speech(text: str, content: str) -> None:
    ((got, kind, speech),) = kinds(text)
    assert (got, speech) == (content, False)
    assert kind in ("scare", "title")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Her favourite film is “The Long Goodbye” these days.", "The Long Goodbye"),
        ("He read the novel “A Season Of Rain” twice.", "A Season Of Rain"),
        ("They formed a group called “Parents For Parks” last year.", "Parents For Parks"),
        ("The album “Northern Lights Again” sold well.", "Northern Lights Again"),
        ("“A Long Walk Through the Northern Woods” is her best book.",
         "A Long Walk Through the Northern Woods"),
    ],
)
def test_titles_are_not_speech(text: str, content: str) -> None:
    assert kinds(text) == [(content, "title", False)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said the budget was “a complete mess” and left.", "a complete mess"),
        ("The senator called the deal “a betrayal of voters.”", "a betrayal of voters."),
        ("Officials warned that the storm would be “extremely dangerous.”",
         "extremely dangerous."),
        # a clause has begun between the cue and the quotation
        ("The coach said his team had played with “real courage”.", "real courage"),
        ("Mr Osei told reporters he was “deeply sorry” for the delay.", "deeply sorry"),
        # a verb-phrase piece that the reporter's sentence runs on from
        ("The auditor said the scheme “badly misjudged” the risks.", "badly misjudged"),
        # after a possessive
        ("Ms Varga said the landlord's “generous offer” was an insult.", "generous offer"),
        ("Ms Varga called the owners’ “final terms” unworkable.", "final terms"),
        ("The minister said “a shameful day”.", "a shameful day"),  # short: a fragment
    ],
)
def test_mixed_fragments_in_reported_speech(text: str, content: str) -> None:
    assert kinds(text) == [(content, "mixed", False)]


def test_mixed_quote_gets_a_mixed_attribution() -> None:
    text = "The mayor said the budget was “a complete mess” and left."
    rec = analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")
    (q,) = rec["quotes"]
    (a,) = rec["attributions"]
    assert a["type"] == "mixed" and q["attribution"] == a["id"]
    assert q["speaker"] == "The mayor" and q["cue"] == "said"
    start, end = a["content_spans"][0]
    assert start <= q["start"] and q["end"] <= end  # the whole reported clause


def test_title_case_helper() -> None:
    assert is_title_case("One Night in the City")
    assert not is_title_case("one night in the city")
    assert not is_title_case("We went home and slept")


def test_classify_without_context_defaults_to_speech() -> None:
    ctx = Context(pre="", post="", pre_cue=False, pre_adjacent=False, post_cue=False)
    assert classify("We won.", ctx) == "speech"
    assert classify("   ", ctx) == "scare"
