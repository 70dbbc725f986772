"""Choosing from long lists (issue 15) and full names for holders and targets (issue 13, 12):
typing filters a chooser, people and organisations come first by the names the rules resolved,
and a surname the model mistypes is offered as the person it is."""

from __future__ import annotations

from typing import Any

from pilot_helpers import make, until
from test_annotate import opened
from textual.app import App, ComposeResult

from annotations.models import Document
from annotations.store import Store
from tui.screens import actions as act
from tui.screens.dialogs import StanceDialog
from tui.widgets.choice_row import ChoiceRow

TEXT = ("Senator Ana Ruiz met Bo Lin in Ohio. Ruiz said the bill was dead. "
        "She called the plan reckless.")


def _ent(needle: str, label: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "label": label, "text": needle}


def _view() -> act.DocView:
    ents = [_ent("Ana Ruiz", "PERSON"), _ent("Bo Lin", "PERSON"), _ent("Ohio", "GPE"),
            _ent("Ruiz", "NORP", nth=1)]  # the model mistypes the surname
    ruiz = ents[3]["start"]
    said = TEXT.index("the bill")
    sugg = act.Suggestion("a:1", "indirect", ((said, said + len("the bill was dead")),),
                          (ruiz, ruiz + 4), (ruiz + 5, ruiz + 9), "Ana Ruiz", 0.7)
    return act.DocView(Document(id="d", text=TEXT), entities=ents, suggestions=[sugg])


def test_a_pronoun_is_offered_as_the_person_the_rules_resolved() -> None:
    sel = (TEXT.index("She"), len(TEXT))
    cands = act.source_candidates(_view(), sel, inside=True)
    # the last PERSON entity before "She" is Bo Lin; the rules know "Ruiz" is Ana Ruiz
    assert (cands[0].label, cands[0].speaker) == ("Ana Ruiz (She)", "Ana Ruiz")


def test_a_mistyped_surname_is_offered_as_the_person() -> None:
    sel = (TEXT.index("She"), len(TEXT))
    labels = [c.label for c in act.source_candidates(_view(), sel, inside=True)]
    assert "Ana Ruiz (PERSON)" in labels and "Ruiz (NORP)" not in labels
    # people first, each full name once, then the other types
    names = [lbl for lbl in labels if lbl.endswith(("(PERSON)", "(GPE)"))]
    assert names == ["Ana Ruiz (PERSON)", "Bo Lin (PERSON)", "Ohio (GPE)"]


def test_targets_put_people_first_with_full_names() -> None:
    sel = (TEXT.index("Ruiz said"), TEXT.index(" She"))
    labels = [c.label for c in act.target_candidates(_view(), sel)]
    assert labels[0] == "Ana Ruiz (PERSON)"


def test_a_pronoun_the_rules_resolved_counts_as_a_mention() -> None:
    text = "Ana Ruiz met Bo Lin. “It is dead,” she said. She called the plan reckless."
    ents = [{"start": 0, "end": 8, "label": "PERSON", "text": "Ana Ruiz"},
            {"start": 13, "end": 19, "label": "PERSON", "text": "Bo Lin"}]
    she = text.index("she said")
    sugg = act.Suggestion("a:1", "direct", ((22, 33),), (she, she + 3), (she + 4, she + 8),
                          "Ana Ruiz", 0.9)
    view = act.DocView(Document(id="d", text=text), entities=ents, suggestions=[sugg])
    sel = (text.index("She called"), len(text))
    cands = act.source_candidates(view, sel, inside=True)
    assert cands[0].label == "Ana Ruiz (She)"  # not Bo Lin, the last name before it


def test_we_and_it_are_not_resolved_to_one_person() -> None:
    text = "Bo Lin spoke. We agreed."
    ents = [{"start": 0, "end": 6, "label": "PERSON", "text": "Bo Lin"}]
    view = act.DocView(Document(id="d", text=text), entities=ents)
    cands = act.source_candidates(view, (14, len(text)), inside=True)
    assert cands[0].label == "We (pronoun)" and cands[0].speaker == "We"


async def test_typing_in_a_chooser_jumps_and_the_holder_is_the_full_name(
        db: tuple[Store, str]) -> None:
    store, doc_id = db
    app = make(store, doc_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        sentence = "He called for an end to Washington’s duplicity in dealing with Iran."
        start = screen.article.text.index(sentence)
        screen.article.select_range(start, start + len(sentence))
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StanceDialog))
        dialog = app.screen
        assert isinstance(dialog, StanceDialog)
        # "He" is Masoud Pezeshkian (the rules resolved the speaker; the model's last PERSON
        # before it is Trump)
        assert dialog.holders[0].label == "Masoud Pezeshkian (He)"
        await pilot.press("a", "g")  # polarity: against
        assert dialog.query_one("#polarity", ChoiceRow).value == "against"
        await pilot.press("down", "down", "w", "a")  # target: Washington
        target = dialog.query_one("#target", ChoiceRow)
        assert target.value == "Washington (GPE)"
        assert "matching “wa”" in target.render().plain
        await pilot.press("backspace", "backspace", "i", "r", "a", "n")  # Iran (GPE), not Iranian
        assert target.value == "Iran (GPE)"
        await pilot.press("right")  # the next match: Iranian
        assert target.value.startswith("Iranian")
        await pilot.press("left", "enter")
        await until(pilot, lambda: len(store.annotations(doc_id)) == 1)
        [ann] = store.annotations(doc_id)
        assert ann.attrs["polarity"] == "against"
        assert [s.text for s in ann.role("holder")] == ["He"]
        [tgt] = ann.role("target")
        assert tgt.text == "Iran" and start < tgt.start < start + len(sentence)


class _OneRow(App[None]):
    def compose(self) -> ComposeResult:
        yield ChoiceRow("Pick", ["Washington Post", "(none)", "Post office", "Compost", "Poland"],
                        id="row")


async def test_typed_letters_rank_prefix_then_word_then_anywhere() -> None:
    app = _OneRow()
    async with app.run_test() as pilot:
        row = app.query_one(ChoiceRow)
        row.focus()
        await pilot.press("p", "o")
        assert row.matches() == [2, 4, 0, 3]  # starts with, word starts with, holds
        assert row.value == "Post office"
        await pilot.press("s")
        assert row.matches() == [2, 0, 3] and row.value == "Post office"
        await pilot.press("x")  # nothing matches "posx": refused, the filter stays
        assert row.typed == "pos"
        await pilot.press("right", "right", "right")  # through the matches only, wrapping
        assert row.value == "Post office"
        await pilot.press("backspace", "backspace", "backspace")
        assert row.typed == "" and len(row.matches()) == 5
