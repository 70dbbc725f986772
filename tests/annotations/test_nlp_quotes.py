"""Rule-based quotation finder: marks, nesting, apostrophes, paragraphs, bad input."""

from __future__ import annotations

import pytest

from annotations.nlp.quotes import find_quotes
from annotations.nlp.text import paragraph_spans, sentence_ends


def spans(text: str) -> list[str]:
    """The content of every quotation found, marks excluded."""
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_double_quotes() -> None:
    assert spans('Lena wrote, "The river is rising." Then she left.') == ["The river is rising."]


def test_curly_double_quotes() -> None:
    assert spans("“We will rebuild,” the mayor said.") == ["We will rebuild,"]


def test_offsets_exclude_marks() -> None:
    text = "He said: “Go home.”"
    (q,) = find_quotes(text)
    assert text[q.open_mark] == "“" and text[q.close_mark or 0] == "”"
    assert (q.start, q.end) == (q.open_mark + 1, q.close_mark)


def test_several_quotes_in_one_paragraph() -> None:
    text = "“First,” she said. “Second.” And “third” too."
    assert spans(text) == ["First,", "Second.", "third"]


def test_apostrophes_inside_do_not_split() -> None:
    text = "“The U.S.’s plan and Canada’s reply don’t match,” the envoy said."
    assert spans(text) == ["The U.S.’s plan and Canada’s reply don’t match,"]


def test_nested_single_quotes_stay_inside() -> None:
    text = "“She told me, ‘Leave now.’ So I did,” Omar recalled."
    assert spans(text) == ["She told me, ‘Leave now.’ So I did,"]


def test_nested_quote_opened_with_a_right_mark() -> None:
    text = "“I thought, ’This is it.’” he said."
    assert spans(text) == ["I thought, ’This is it.’"]


def test_top_level_single_quotes() -> None:
    text = "The minister said the talks were ‘very constructive’ on Monday."
    assert spans(text) == ["very constructive"]


def test_single_quotes_skip_possessives_and_elisions() -> None:
    text = "The players’ union rejected it. 'We won't sign,' the union's chief said."
    assert spans(text) == ["We won't sign,"]


def test_straight_single_elision_is_not_an_opener() -> None:
    assert spans("They played rock 'n' roll until the '90s ended.") == []


def test_inch_mark_is_not_a_quote() -> None:
    text = 'The suspect is 5\'10" tall, police said, and "armed."'
    assert spans(text) == ["armed."]


def test_multi_paragraph_quote_continues_over_open_paragraphs() -> None:
    text = (
        "The coach said:\n"
        "“We trained hard all winter.\n"
        "“Nobody expected this result.\n"
        "“Now we go again,” she added.\n"
        "The season starts in May."
    )
    (q,) = find_quotes(text)
    assert text[q.start : q.end].startswith("We trained hard")
    assert text[q.start : q.end].endswith("Now we go again,")


def test_closed_paragraph_quotes_stay_separate() -> None:
    text = "“One.” he said.\n“Two,” he said."
    assert spans(text) == ["One.", "Two,"]


def test_unterminated_speech_quote_ends_at_paragraph_end() -> None:
    text = "She replied: “Nobody told us anything\nThe meeting ended."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "Nobody told us anything"
    assert q.close_mark is None


def test_stray_mark_mid_sentence_is_dropped() -> None:
    assert spans("The sign had a stray “ mark in it.\nNext paragraph.") == []


def test_second_opener_restarts_an_unclosed_quote() -> None:
    text = "“Broken start. Then “a proper one,” he said."
    assert spans(text) == ["a proper one,"]


def test_guillemets_and_low_marks() -> None:
    assert spans("«Nous partons», a-t-il dit.") == ["Nous partons"]
    assert spans("Er sagte: „Wir gehen“, und ging.") == ["Wir gehen"]


def test_swapped_right_mark_used_as_opener() -> None:
    assert spans("He said ”we lost” and left.") == ["we lost"]


def test_hard_wrapped_text_keeps_quotes_across_line_breaks() -> None:
    text = (
        "The chief said officers had \"identified several\n"
        "persons of interest\" on Friday.\n"
        "\n"
        "A second paragraph follows here."
    )
    assert spans(text) == ["identified several\npersons of interest"]


@pytest.mark.parametrize(
    "text",
    ["", " ", '"', '""', "“”", "”“", "“", "\n\n\n", "😀 “🎉” 😀", "他说：“我们会赢。”", "'''", "‘’‘"],
)
def test_odd_input_never_fails(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)


def test_cjk_and_emoji_content() -> None:
    assert spans("他说：“我们会赢。”") == ["我们会赢。"]
    assert spans("She posted “🔥🔥🔥” and logged off.") == ["🔥🔥🔥"]


def test_paragraph_spans_trim_blank_lines() -> None:
    text = "\n\nOne.\n\n  Two.  \n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two."]


def test_sentence_ends_skip_abbreviations() -> None:
    text = "Gov. Ann Lee met U.S. Army staff. They left."
    ends = sentence_ends(text)
    assert [text[:e] for e in ends] == ["Gov. Ann Lee met U.S. Army staff.", text]


def test_nested_double_quotes_when_marks_balance() -> None:
    text = "“He told me “never again” and left,” she said. “Fine.”"
    assert spans(text) == ["He told me “never again” and left,", "Fine."]


def test_single_quotation_holding_a_double_one_is_the_quotation() -> None:
    text = "He said: ‘My father would shout “Get off my land” at walkers. I see why now.’"
    assert spans(text) == ["My father would shout “Get off my land” at walkers. I see why now."]
    text = "“He said ‘no’ to me,” Brunn said. ‘I was a fool,’ she said of the “deal”."
    assert spans(text) == ["He said ‘no’ to me,", "I was a fool,", "deal"]
