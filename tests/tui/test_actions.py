"""The annotation screen's rules without an app: candidates, descriptions, navigation, search."""

from __future__ import annotations

from typing import Any

from annotations.models import Annotation, Document, Span
from tui.screens import actions as act

TEXT = "“We will win,” he said. Later, Joe Biden spoke. He praised the plan in Washington."


def view(**kw: Any) -> act.DocView:
    doc = Document(id="d", text=TEXT)
    ents = [{"start": TEXT.index("Joe Biden"), "end": TEXT.index("Joe Biden") + 9,
             "label": "PERSON", "text": "Joe Biden"},
            {"start": TEXT.index("Washington"), "end": TEXT.index("Washington") + 10,
             "label": "GPE", "text": "Washington"}]
    return act.DocView(doc, entities=ents, quotes=[{"start": 1, "end": 12, "speech": True}], **kw)


def sugg(start: int, end: int, conf: float = 0.9, key: str = "") -> act.Suggestion:
    return act.Suggestion(key or f"a:{start}-{end}", "direct", ((start, end),), (15, 17),
                          (18, 22), "Joe Biden", conf)


def test_suggestions_from_a_record_are_in_reading_order() -> None:
    record = {"attributions": [
        {"key": "a:40-50", "type": "indirect", "content_spans": [[40, 50]], "source_span": None,
         "cue_span": None, "speaker": None, "confidence": 0.55},
        {"key": "a:1-12", "type": "direct", "content_spans": [[1, 12]], "source_span": [15, 17],
         "cue_span": [18, 22], "speaker": "X", "confidence": 0.9}]}
    out = act.suggestions_from(record)
    assert [s.key for s in out] == ["a:1-12", "a:40-50"]
    assert out[0].source == (15, 17) and out[1].source is None and out[1].speaker == ""


def test_next_suggestion_wraps_both_ways() -> None:
    pending = [sugg(1, 12), sugg(30, 40), sugg(50, 60)]
    assert act.next_suggestion(pending, 0, 1) == pending[0]
    assert act.next_suggestion(pending, 1, 1) == pending[1]
    assert act.next_suggestion(pending, 55, 1) == pending[0]
    assert act.next_suggestion(pending, 30, -1) == pending[0]
    assert act.next_suggestion(pending, 1, -1) == pending[2]
    assert act.next_suggestion([], 1, 1) is None


def test_hiding_low_confidence() -> None:
    v = view(suggestions=[sugg(1, 12, 0.3), sugg(30, 40, 0.9)])
    assert len(v.pending()) == 2 and v.pending_count() == 2 and v.hidden_count() == 0
    v.hide_low = True
    assert [s.start for s in v.pending()] == [30] and v.hidden_count() == 1
    assert v.pending_count() == 1
    v.decisions = {"a:30-40": "accepted"}
    assert v.pending() == [] and v.pending_count() == 0 and v.hidden_count() == 1


def test_counts_come_from_the_cache_until_something_changes(monkeypatch: Any) -> None:
    v = view(suggestions=[sugg(1, 12, 0.3), sugg(30, 40, 0.9)], hide_low=True)
    assert (v.pending_count(), v.hidden_count()) == (1, 1)

    def scanned(s: act.Suggestion) -> bool:
        raise AssertionError("a status refresh looked at every suggestion again")

    monkeypatch.setattr(v, "hides", scanned)
    assert (v.pending_count(), v.hidden_count()) == (1, 1)


def test_status_line_form_of_a_suggestion() -> None:
    line = act.describe_suggestion(sugg(1, 12), TEXT)
    assert line == "Joe Biden (he) → said → “We will win”  conf 0.9"
    tight = act.describe_suggestion(sugg(24, 80), TEXT, width=50)
    assert tight.endswith("…”  conf 0.9") and len(tight) <= 52


def test_side_panel_rows() -> None:
    claim = Annotation("claim", [Span("claim", 24, 29, "Later")], {"checkworthy": "no"})
    assert act.describe(claim) == "claim: “Later” (not check-worthy)"
    stance = Annotation("stance", [Span("stance", 48, 80, TEXT[48:80]), Span("holder", 48, 50, "He")],
                        {"polarity": "favor", "target_text": "the plan"})
    assert act.describe(stance).startswith("He → favor (the plan) → “He praised")
    attr = Annotation("attribution", [Span("content", 1, 12, "We will win"),
                                      Span("cue", 18, 22, "said")], {"speaker": "Joe Biden"})
    assert act.describe(attr) == "Joe Biden → said → “We will win”"


def test_source_candidates_put_the_suggestion_and_marks_first() -> None:
    v = view(suggestions=[sugg(1, 12)])
    cands = act.source_candidates(v, (1, 12), marked=[(24, 29)])
    assert [c.label for c in cands[:2]] == ["he (suggested)", "Later (marked)"]
    assert cands[0].speaker == "Joe Biden"
    assert "Joe Biden (PERSON)" in [c.label for c in cands]
    assert cands[-1] == act.NONE


def test_holder_candidates_start_with_the_subject_of_the_selection() -> None:
    sel = (TEXT.index("He praised"), len(TEXT))
    cands = act.source_candidates(view(), sel, inside=True)
    # a pronoun resolves to the last person before it, and is offered by that full name
    assert cands[0].label == "Joe Biden (He)"
    assert cands[0].speaker == "Joe Biden"


def test_cue_candidates_find_reporting_verbs_nearby() -> None:
    cands = act.cue_candidates(view(), (1, 12))
    assert cands[0].label == "said" and cands[-1] == act.NONE


def test_default_type_and_sentence_trim() -> None:
    assert act.default_type(view(), (1, 12)) == "direct"
    assert act.default_type(view(), (0, 23)) == "mixed"
    assert act.default_type(view(), (48, 60)) == "indirect"
    assert act.trim("  ab  ", 0, 6) == (2, 4)


def test_accepting_builds_a_suggested_attribution() -> None:
    doc = Document(id="d", text=TEXT)
    ann = act.accepted(doc, sugg(1, 12), "me")
    assert ann.origin == "suggested" and ann.attrs == {"type": "direct", "speaker": "Joe Biden"}
    assert [(s.role, s.text) for s in ann.spans] == [
        ("content", "We will win"), ("source", "he"), ("cue", "said")]
    ann.validate(TEXT)


def test_search_hits_are_case_insensitive_and_next_hit_index_wraps() -> None:
    hits = act.search_hits(TEXT, "he")
    assert (15, 17) in hits and (48, 50) in hits
    assert act.next_hit_index(hits, 15) == hits.index((15, 17)) + 1
    assert act.next_hit_index(hits, len(TEXT)) == 0
    assert act.next_hit_index([], 0) is None
    assert act.search_hits(TEXT, "") == []


def test_annotation_at_prefers_the_innermost() -> None:
    outer = Annotation("claim", [Span("claim", 0, 23, TEXT[:23])])
    inner = Annotation("attribution", [Span("content", 1, 12, TEXT[1:12])])
    assert act.annotation_at([outer, inner], 5) is inner
    assert act.annotation_at([outer, inner], 20) is outer
    assert act.annotation_at([outer, inner], 40) is None
    assert act.annotation_at([outer], 40, (20, 45)) is outer


def test_target_candidates_offer_each_name_in_the_sentence_once() -> None:
    text = "Iran told Iran to stop. Iran agreed."
    ents = [{"start": m, "end": m + 4, "label": "GPE", "text": "Iran"}
            for m in (0, 10, 24)]
    v = act.DocView(Document(id="d", text=text), entities=ents)
    cands = act.target_candidates(v, (0, 23))
    assert [c.label for c in cands] == ["Iran (GPE)", "(none)"]
    assert cands[0].span == (0, 4)  # the first mention, in reading order


def test_every_name_of_the_actions_module_comes_from_its_part_and_no_other() -> None:
    import importlib

    import pytest

    for name in act.__all__:
        part = importlib.import_module(f"tui.screens.{act._PART[name]}")
        assert getattr(act, name) is getattr(part, name)
    assert set(act._PART) == set(act.__all__)
    with pytest.raises(AttributeError):
        act.no_such_action  # noqa: B018


def test_the_first_frame_s_parts_leave_the_dialogs_and_search_parts_unimported() -> None:
    import subprocess
    import sys

    code = ("import sys; from tui.screens import actions as act; act.describe; act.DocView; "
            "print(' '.join(m for m in sys.modules if m.startswith('tui.screens.actions_')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert set(run.stdout.split()) == {"tui.screens.actions_text", "tui.screens.actions_view"}
