"""Cues and sources for direct quotations (no parser needed), grouping, inheritance, indirect."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from annotations.nlp.analyze import analyze_doc

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def analyse(text: str) -> dict[str, Any]:
    """The suggestion record of a text under the blank pipeline (rules only)."""
    return analyze_doc(_NLP(text), doc_id="t", model_id="blank-en")


def who(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker mention, cue) for each speech quotation."""
    return [(q["speaker"], q["cue"]) for q in analyse(text)["quotes"] if q["speech"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The roads are icy,” she warned.", [("she", "warned")]),
        ("“The roads are icy,” said Officer Diaz.", [("Officer Diaz", "said")]),
        ("“The roads are icy,” insists Diaz.", [("Diaz", "insists")]),
        ("Diaz said: “The roads are icy.”", [("Diaz", "said")]),
        ("Diaz told reporters, “The roads are icy.”", [("Diaz", "told")]),
        ("Diaz later added, “The roads are icy.”", [("Diaz", "added")]),
        ("“The roads are icy,” the spokesman explained.", [("the spokesman", "explained")]),
        ("“The roads are icy,” said the mayor.", [("the mayor", "said")]),
        ("“Roads are icy,” reply Diaz and Moreau.", [("Diaz and Moreau", "reply")]),
        ("“Roads are icy,” Diaz, the county engineer, said.", [("Diaz", "said")]),
        ("According to Diaz, “the roads are icy.”", [("Diaz", "According to")]),
    ],
)
def test_cue_and_source(text: str, expected: list[tuple[str, str]]) -> None:
    assert who(text) == expected


@pytest.mark.parametrize("verb", ["emphasized", "stresses", "declaring", "conceded", "noted"])
def test_inflections_of_reporting_verbs(verb: str) -> None:
    assert who(f"“We are ready,” Diaz {verb}.") == [("Diaz", verb)]


def test_offsets_of_speaker_and_cue() -> None:
    text = "“The roads are icy,” she warned."
    (q,) = analyse(text)["quotes"]
    s, e = q["speaker_span"]
    cs, ce = q["cue_span"]
    assert text[s:e] == "she" and text[cs:ce] == "warned"


def test_split_quote_is_one_attribution_with_two_contents() -> None:
    text = "“We are not done,” Diaz said. “We have only started.”"
    rec = analyse(text)
    q1, q2 = rec["quotes"]
    (a,) = rec["attributions"]
    assert q1["attribution"] == q2["attribution"] == a["id"]
    assert a["type"] == "direct"
    assert [text[s:e] for s, e in a["content_spans"]] == ["We are not done,", "We have only started."]
    assert q2["speaker"] == "Diaz" and q2["cue"] == "said"


def test_quote_split_around_its_cue_by_commas() -> None:
    text = "“We are not done,” Diaz said, “and we will be back.”"
    rec = analyse(text)
    assert len(rec["attributions"]) == 1
    assert [q["speaker"] for q in rec["quotes"]] == ["Diaz", "Diaz"]


def test_floating_quote_in_next_paragraph_inherits_speaker() -> None:
    text = "“The harvest failed,” said farmer Ines Alvarez.\n“We lost everything.”"
    rec = analyse(text)
    q1, q2 = rec["quotes"]
    assert q2["speaker"] == "farmer Ines Alvarez" or q2["speaker_resolved"] == "Ines Alvarez"
    assert q2["attribution"] == q1["attribution"]


def test_floating_quote_two_paragraphs_later_is_not_inherited() -> None:
    text = (
        "“The harvest failed,” said Ines Alvarez.\n"
        "Prices rose across the region that month.\n"
        "Markets stayed closed for days.\n"
        "“Nobody came.”"
    )
    last = analyse(text)["quotes"][-1]
    assert last["speech"] and last["speaker"] is None and last["attribution"] is None


def test_someone_else_speaking_up_breaks_inheritance() -> None:
    text = "“The harvest failed,” said Ines Alvarez. Tomas Berg disagreed. “It was fine.”"
    last = analyse(text)["quotes"][-1]
    assert last["speaker_resolved"] == "Tomas Berg"
    assert last["cue"] is None


def test_consecutive_speakers_get_their_own_attributions() -> None:
    text = "“Yes,” said Ines Alvarez.\n“No,” said Tomas Berg.\n“Maybe.”"
    rec = analyse(text)
    assert [q["speaker"] for q in rec["quotes"]] == ["Ines Alvarez", "Tomas Berg", "Tomas Berg"]
    assert len(rec["attributions"]) == 2


def test_sentence_after_a_closed_quote_is_not_its_cue() -> None:
    text = "“We won.” The crowd cheered while the coach said nothing at all."
    (q,) = analyse(text)["quotes"]
    assert q["cue"] is None


def test_noun_after_a_determiner_is_not_a_cue() -> None:
    text = "The report “was leaked,” apparently."
    assert all(q["cue"] != "report" for q in analyse(text)["quotes"])


def test_indirect_speech_with_that() -> None:
    text = "Ines Alvarez said that the harvest had failed again this year."
    (a,) = analyse(text)["attributions"]
    assert a["type"] == "indirect" and a["cue"] == "said"
    assert a["source_text"] == "Ines Alvarez"
    (s, e), = a["content_spans"]
    assert text[s:e] == "the harvest had failed again this year"


def test_indirect_speech_told_someone_that() -> None:
    text = "The farmer told reporters that prices would keep rising."
    (a,) = analyse(text)["attributions"]
    assert a["type"] == "indirect" and a["source_text"] == "The farmer"
    assert text[slice(*a["content_spans"][0])] == "prices would keep rising"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("According to the ministry, exports fell by a third.", "exports fell by a third"),
        ("Exports fell by a third, according to the ministry.", "Exports fell by a third"),
    ],
)
def test_according_to(text: str, content: str) -> None:
    (a,) = analyse(text)["attributions"]
    assert a["cue"] == "According to" or a["cue"] == "according to"
    assert text[slice(*a["content_spans"][0])] == content
    assert a["source_text"] == "the ministry"


def test_direct_cue_is_not_also_proposed_as_indirect() -> None:
    rec = analyse("Diaz said: “The roads are icy.”")
    assert [a["type"] for a in rec["attributions"]] == ["direct"]


def test_attribution_ids_and_keys_are_stable() -> None:
    text = "“One,” said Ines Alvarez.\nTomas Berg said that two was better.\n“Three,” Berg added."
    first, second = analyse(text), analyse(text)
    assert first == second
    ids = [a["id"] for a in first["attributions"]]
    assert ids == [f"a{n}" for n in range(1, len(ids) + 1)]
    for a in first["attributions"]:
        s0, e_last = a["content_spans"][0][0], a["content_spans"][-1][1]
        assert a["key"] == f"a:{s0}-{e_last}"
        assert 0.0 <= a["confidence"] <= 1.0
    for q in first["quotes"]:
        assert q["key"] == f"q:{q['start']}-{q['end']}"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("The paper printed a statement from union leader Ada Moss: “We will strike.”",
         "union leader Ada Moss", "statement"),
        ("Moss’s reply was short: “No deal.”", "Moss", "reply"),
    ],
)
def test_noun_cue_before_a_colon(text: str, speaker: str, cue: str) -> None:
    assert who(text) == [(speaker, cue)]


def test_name_and_colon_is_the_speaker() -> None:
    text = "Radio host Jo Park’s guest, Ken Ito: “We saw it all.”\nKTV’s Mia Lund: “Not true.”"
    qs = analyse(text)["quotes"]
    assert [(q["speaker"], q["speaker_resolved"], q["cue"]) for q in qs][-1] == (
        "KTV’s Mia Lund", "Mia Lund", None)


def test_source_with_an_of_phrase() -> None:
    assert who("The head of the harbour board said, “We are closed.”") == [
        ("The head of the harbour board", "said")]


def test_name_after_a_dash_is_the_speaker() -> None:
    text = "“Every storm teaches us something.”\n— Coast guard pilot Rhea Oduya, after the rescue."
    (q,) = analyse(text)["quotes"]
    assert q["speaker"] == "Coast guard pilot Rhea Oduya" or q["speaker_resolved"] == "Rhea Oduya"
    assert q["cue"] is None


def test_capitalised_word_before_a_name_is_not_a_cue() -> None:
    text = "“We will pay,” State Treasurer Ivo Lamb said."
    assert who(text) == [("State Treasurer Ivo Lamb", "said")]


def test_adding_shares_the_subject_of_the_clause_before() -> None:
    text = "Ada Moss said the plan was “late,” adding: “We must move faster.”"
    assert who(text) == [("Ada Moss", "adding")]


def test_floating_quote_ignores_a_later_indirect_cue() -> None:
    # "He added that …" reports something else; the quotation before it keeps Okafor.
    text = (
        "“The pool reopens in May,” said council leader Grace Okafor. “Swimmers waited long "
        "enough.” She added that repairs had cost more than planned."
    )
    assert who(text) == [("council leader Grace Okafor", "said")] * 2


def test_floating_quote_ignores_the_cue_introducing_the_next_quote() -> None:
    text = "“We lost,” said Pablo Ruiz. “It hurts.” Ana Costa said: “We move on.”"
    assert who(text) == [("Pablo Ruiz", "said"), ("Pablo Ruiz", "said"), ("Ana Costa", "said")]


def test_cue_after_a_sentence_final_quotation_still_counts() -> None:
    assert who("“Is it over?” Ruiz asked. “Not yet,” Costa replied.") == [
        ("Ruiz", "asked"), ("Costa", "replied")]


def test_that_clause_cue_beats_a_cue_in_the_next_sentence() -> None:
    text = "Costa told staff that “The office closes on Friday.” Ruiz agreed."
    assert who(text) == [("Costa", "told")]


@pytest.mark.parametrize(
    ("intro", "cue"),
    [
        ("Mendes shot back:", "shot back"),
        ("Mendes hit back:", "hit back"),
        ("Mendes fired back:", "fired back"),
        ("Mendes chimed in:", "chimed in"),
        ("Mendes weighed in:", "weighed in"),  # not in the lexicon: its position makes it a cue
        ("Mendes interrupted:", "interrupted"),
    ],
)
def test_name_verb_colon_introduces_the_quote(intro: str, cue: str) -> None:
    text = f"“Rents must fall,” said Rui Mendes. “They cannot,” said Lia Sousa. {intro} “Watch.”"
    assert who(text)[-1] == ("Mendes", cue)


def test_pronoun_verb_colon_introduces_the_quote() -> None:
    text = "“Rents must fall,” said Rui Mendes. Lia Sousa disagreed. He hit back: “Watch me.”"
    assert who(text)[-1] == ("He", "hit back")


def test_a_clause_before_a_colon_is_not_a_cue() -> None:
    text = "“Rents must fall,” said Rui Mendes. The rules are clear: “Tenants first.”"
    assert who(text)[-1] == ("Rui Mendes", "said")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“It was loud,” said one resident.", "one resident"),
        ("“Where do we go?” asked one father, who gave no name.", "one father"),
        ("“It was loud,” another neighbour said.", "another neighbour"),
        ("“I can retire now,” the 31-year-old said.", "the 31-year-old"),
        ("“It was chaos,” said one of the officers.", "one of the officers"),
    ],
)
def test_unnamed_descriptions_are_speakers(text: str, speaker: str) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The clinic's lead surgeon, Dr Aoife Byrne, said: “We are full.”", "Dr Aoife Byrne"),
        ("The head of the agency, Ines Varga, told MPs: “We are full.”", "Ines Varga"),
        ("“We grew,” the firm's finance chief, Lars Eke, said.", "Lars Eke"),
        ("“We grew,” said the firm's finance chief, Lars Eke.", "Lars Eke"),
        ("Lars Eke, the firm's finance chief, said: “We grew.”", "Lars Eke"),
    ],
)
def test_name_in_apposition_to_a_role_is_the_speaker(text: str, speaker: str) -> None:
    assert who(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The newspaper quoted Lucia Ferro as saying: “We cannot keep up.”", "Lucia Ferro"),
        ("Reuters quoted an aide as saying “the talks have collapsed.”", "an aide"),
        ("The paper quoted the firm's chief, Ann Lee, as saying: “We grew.”", "Ann Lee"),
    ],
)
def test_quoted_as_saying_credits_the_one_quoted(text: str, speaker: str) -> None:
    assert who(text) == [(speaker, "saying")]


def test_quote_over_several_paragraphs_is_one_span_with_one_speaker() -> None:
    # The quotation continues into the next paragraph (which reopens with a mark): one quote,
    # so a gold that splits it per paragraph still finds its first part, and one that keeps it
    # whole finds it all.
    text = (
        "The head of the trust, Dr Nuala Byrne, said: “Beds are full every night.\n\n"
        "“We need more nurses, and we need them now.”\n\n"
        "The trust will meet again in March."
    )
    rec = analyse(text)
    [quote] = rec["quotes"]
    assert quote["text"].startswith("Beds are full") and quote["text"].endswith("need them now.")
    assert quote["speaker"] == "Dr Nuala Byrne"


def test_split_quote_resumes_after_a_dash_interruption() -> None:
    text = ("“The last three games,” Brunn said — pausing to sign a young supporter’s programme"
            " — “were the hardest I have ever played.”")
    rec = analyse(text)
    assert [q["speech"] for q in rec["quotes"]] == [True, True]


def test_cue_before_a_colon_ending_a_paragraph_introduces_the_next() -> None:
    text = "Mabel Quenby was questioned for hours. She told the inquiry:\n\n“We did all we could.”"
    assert who(text) == [("She", "told")]
