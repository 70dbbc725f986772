"""Mixed quotations from the parse: a quote that begins inside a reported clause, a phrase judged "as",
"of" or "for" a quote, and the content each gets. Parse-based rules, so the trained pipeline is used."""

from __future__ import annotations

from typing import Any

from annotations.nlp.analyze import analyze_texts
from annotations.nlp.pipeline import Pipeline


def analysed(model: Pipeline, text: str) -> dict[str, Any]:
    """The suggestion record of one text."""
    (rec,) = analyze_texts(model, [("t", text)])
    return rec


def mixed(model: Pipeline, text: str) -> list[tuple[list[str], str | None, str | None]]:
    """(content parts, source text, cue) of every mixed attribution."""
    return [([text[s:e] for s, e in a["content_spans"]], a["source_text"], a["cue"])
            for a in analysed(model, text)["attributions"] if a["type"] == "mixed"]


def speech(model: Pipeline, text: str) -> list[str]:
    """The quotations counted as direct speech."""
    return [q["text"] for q in analysed(model, text)["quotes"] if q["speech"]]


def test_a_quote_opening_after_its_clause_subject_is_mixed_not_speech(model: Pipeline) -> None:
    text = "The harbour master said the new pier “will never take a cruise ship.”"
    assert speech(model, text) == []
    assert mixed(model, text) == [
        (["the new pier “will never take a cruise ship.”"], "The harbour master", "said")]


def test_a_whole_quoted_sentence_after_its_cue_stays_speech(model: Pipeline) -> None:
    for text in ("The harbour master told reporters “We will never take a cruise ship.”",
                 "The harbour master said that “The pier will never take a cruise ship.”"):
        assert len(speech(model, text)) == 1, text


def test_a_split_quotation_resuming_after_its_cue_stays_speech(model: Pipeline) -> None:
    text = ("“The trouble,” said Orla Venn, a surveyor who was not involved in the survey, "
            "“is the salt in the concrete.”")
    assert speech(model, text) == ["The trouble,", "is the salt in the concrete."]


def test_a_phrase_dismissed_as_a_quote_is_the_dismissers_mixed_quote(model: Pipeline) -> None:
    text = "The ferry company dismissed the complaint as “a storm in a teacup.”"
    assert mixed(model, text) == [
        (["the complaint as “a storm in a teacup.”"], "The ferry company", "dismissed")]


def test_a_judged_phrase_belongs_to_the_judge_not_to_the_reporting_outlet(model: Pipeline) -> None:
    text = "Harbour officials have dismissed the complaint as “a storm in a teacup,” the local paper said."
    ((_, source, cue),) = mixed(model, text)
    assert (source, cue) == ("Harbour officials", "dismissed")


def test_accused_of_a_quote_is_mixed(model: Pipeline) -> None:
    text = "The union accused the owners of “asset stripping” at the shipyard."
    assert mixed(model, text) == [(["the owners of “asset stripping”"], "The union", "accused")]


def test_being_dismissed_as_a_quote_names_no_speaker(model: Pipeline) -> None:
    text = "The complaint was dismissed as “a storm in a teacup” at the meeting."
    assert mixed(model, text) == []


def test_a_named_thing_joins_its_quoted_name_in_the_content(model: Pipeline) -> None:
    text = "The surveyor called the sea wall “a patchwork”."
    assert mixed(model, text) == [(["the sea wall “a patchwork”"], "The surveyor", "called")]


def test_a_fragment_before_its_cue_takes_the_clause_before_it(model: Pipeline) -> None:
    text = "The sea wall is “a patchwork of repairs”, the surveyor said."
    assert mixed(model, text) == [(["The sea wall is “a patchwork of repairs”"], "the surveyor", "said")]


def test_a_phrase_in_what_an_audit_found_is_the_audits_mixed_quote(model: Pipeline) -> None:
    text = "The audit found that the council had “lost control” of its spending."
    assert mixed(model, text) == [(["the council had “lost control” of its spending"], "The audit", "found")]


def test_accusing_someone_of_doing_something_quoted_is_mixed(model: Pipeline) -> None:
    text = "Tenants accused the landlord of treating them “like cattle.”"
    assert mixed(model, text) == [(["the landlord of treating them “like cattle.”"], "Tenants", "accused")]


def test_a_scare_quote_in_a_criticised_noun_phrase_stays_a_scare_quote(model: Pipeline) -> None:
    assert mixed(model, "The audit criticised the spread of “pop-up” kitchens in the town.") == []


def test_two_fragments_of_one_reported_clause_are_one_attribution(model: Pipeline) -> None:
    text = "The warden said the dam would “choke” the river and “starve the estuary.”"
    assert mixed(model, text) == [
        (["the dam would “choke” the river and “starve the estuary.”"], "The warden", "said")]


def test_the_reporters_next_verb_is_not_part_of_the_reported_clause(model: Pipeline) -> None:
    text = "The warden wrote in a letter that the dam was “a folly” and urged the council to scrap it."
    assert mixed(model, text) == [(["the dam was “a folly”"], "The warden", "wrote")]


def test_an_entity_run_over_a_quotation_mark_is_cut_back_to_the_name(model: Pipeline) -> None:
    # The small model tags "Roe called the investigation a “witch hunt" as one LAW entity.
    text = "Roe called the investigation a “witch hunt,” and said Democrats were “obsessed.”"
    assert [source for _, source, _ in mixed(model, text)] == ["Roe", "Roe"]


def test_a_lower_case_phrase_hung_on_the_reporters_sentence_is_mixed(model: Pipeline) -> None:
    text = "The warden vowed to continue the patrols “until the poaching stops.”"
    assert speech(model, text) == []
    ((_, source, _),) = mixed(model, text)
    assert source == "The warden"
    assert [a for a in analysed(model, text)["attributions"] if a["type"] == "indirect"] == []


def test_short_quoted_answers_after_a_cue_stay_speech(model: Pipeline) -> None:
    assert speech(model, "The warden told reporters “no comment.”") == ["no comment."]
    assert speech(model, "The warden said “absolutely not.”") == ["absolutely not."]


def test_referring_to_something_as_a_quote_is_mixed(model: Pipeline) -> None:
    text = "The warden referred to the fishing ban as a “temporary pause.”"
    ((content, source, cue),) = mixed(model, text)
    assert (source, cue) == ("The warden", "referred") and content[0].endswith("“temporary pause.”")


def test_a_name_given_after_a_direct_quote_is_the_namers_own_mixed_quote(model: Pipeline) -> None:
    text = "“It is a scandal,” the warden said of the dam, which he called “a concrete folly.”"
    assert speech(model, text) == ["It is a scandal,"]
    assert [(s, c) for _, s, c in mixed(model, text)] == [("he", "called")]


def test_a_naming_participle_takes_the_named_person_into_the_content(model: Pipeline) -> None:
    text = "The warden said he was “deeply saddened” by the death, calling his deputy “a born river man.”"
    found = [(content, cue) for content, source, cue in mixed(model, text) if source in ("he", "The warden")]
    assert (["his deputy “a born river man.”"], "calling") in found


def test_the_reporters_next_verb_ends_the_clause_wherever_the_parser_joins_it(model: Pipeline) -> None:
    text = "The warden said the counts were ‘deeply worrying’ and promised action."
    assert mixed(model, text) == [(["the counts were ‘deeply worrying’"], "The warden", "said")]
    whole = "The warden said he would investigate and report back within a week."
    (rec,) = analyze_texts(model, [("t", whole)])
    assert [whole[s:e] for a in rec["attributions"] for s, e in a["content_spans"]] == [
        "he would investigate and report back within a week"]


def test_a_quoted_label_inside_reported_speech_is_a_scare_quote_in_indirect_speech(model: Pipeline) -> None:
    text = "The warden insists the “catch and release” scheme is working."
    assert mixed(model, text) == []
    (rec,) = analyze_texts(model, [("t", text)])
    assert [(a["type"], a["source_text"]) for a in rec["attributions"]] == [("indirect", "The warden")]
    assert [q["kind"] for q in rec["quotes"]] == ["scare"]
    so_called = "Critics of the so-called “river tax” say it has cost jobs."
    assert mixed(model, so_called) == []


def test_a_quoted_judgement_or_name_stays_mixed(model: Pipeline) -> None:
    assert [c for _, _, c in mixed(model, "The warden said the “reckless” scheme had failed.")] == ["said"]
    assert [c for _, _, c in mixed(model, "The warden called the scheme “catch and cry”.")] == ["called"]
