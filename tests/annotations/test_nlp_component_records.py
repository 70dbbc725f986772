"""analyze_texts' records stay byte for byte what they were before the rules became a spaCy component.

The expected records (data/component_records.jsonl) were written by the code before the move; if
a rule change alters them on purpose, rewrite them with `python tests/annotations/
test_nlp_component_records.py` and review the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

from annotations.nlp.analyze import analyze_texts
from annotations.nlp.pipeline import Pipeline

EXPECTED = Path(__file__).parent / "data" / "component_records.jsonl"
TEXTS = [
    ("speech",
     "Ferry captain Mira Olsen said on Tuesday that the crossing would close for a week.\n"
     "“The hull needs new plates,” Olsen told the harbour board. “We will not rush it.”\n"
     "Passengers called the closure “a real nuisance” and asked for a bus.\n"
     "“I lose two hours a day,” said commuter Jonas Lind."),
    ("kinds",
     "The so-called “savings plan” cut the library's hours. Her novel, “Salt in the Wind,” "
     "sold well.\nThe mayor said the “plan” was fair, but councillor Ada Park disagreed.\n"
     "Park said: “We were never asked.”"),
    ("paragraphs",
     "Union leader Tom Reyes spoke for an hour.\n"
     "“The yard has lost a third of its jobs since spring. Nobody in the ministry has visited.\n"
     "“We want a meeting, not a letter,” he said.\n"
     "A ministry spokeswoman said the minister would reply next week."),
    ("panel",
     "Asked about the vote, two members answered.\n"
     "Council member Ana Ruiz: “We need the bridge.”\n"
     "Council member Ben Ortiz: “We need the money more.”\n"
     "She later added that the vote could wait."),
]


def _blank() -> Pipeline:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Pipeline(nlp, "blank-en", False, "no model")


def _records() -> list[str]:
    return [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in analyze_texts(_blank(), TEXTS)]


def test_records_are_byte_identical_to_those_before_the_component() -> None:
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    got = _records()
    assert [json.loads(g)["id"] for g in got] == [t[0] for t in TEXTS]
    for want, have in zip(expected, got, strict=True):
        assert have == want


if __name__ == "__main__":  # rewrite the expected records from the current code
    EXPECTED.write_text("".join(r + "\n" for r in _records()), encoding="utf-8")
    sys.exit(0)
