"""A rule failure on cue for the analysis-failure tests: the quote-linking rules raise on "Boom".

A blank pipeline whose entity ruler finds "Ann Lee" stands in for the trained one, so a failed
document still has an entity to show.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from annotations.nlp import attribution, component
from annotations.nlp.pipeline import Pipeline


def ann_lee_pipeline(model_id: str) -> Pipeline:
    """A blank pipeline (sentencizer, entity ruler for "Ann Lee") under the cache key model_id."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Ann Lee"}])  # type: ignore[attr-defined]
    return Pipeline(nlp, model_id, True, None)


def fail_rules_on_boom(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the quote-linking rules raise on any text with "Boom"; returns the texts they are given."""
    seen: list[str] = []
    real = attribution.link_quotes

    def link_quotes(doc: Any, *args: Any) -> Any:
        seen.append(doc.text)
        if "Boom" in doc.text:
            raise KeyError("mr.")
        return real(doc, *args)

    monkeypatch.setattr(component, "link_quotes", link_quotes)  # the rules run in the component
    return seen
