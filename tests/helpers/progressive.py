"""Long articles and a gated pipeline for the tests of the first screenful (issue 16).

A blank pipeline with an entity ruler stands in for the trained one, and its `pipe` can be held
at a gate for anything longer than the first piece, so a test sees what comes before the whole
analysis without timing anything.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any, cast

import spacy

from annotations.nlp.pipeline import Pipeline, model_id_for
from annotations.nlp.progressive import FIRST_CHARS


def long_text(paragraphs: int = 20) -> str:
    """An article of many paragraphs (over two screenfuls), with names and quotes throughout;
    the last paragraph of the first piece opens a quote that closes in the next paragraph."""
    body = [f"Ann Lee met the council on day {n}. “We will build {n} bridges,” she said. "
            + "The members of the council listened to the plan for a long while, and the clerk "
            "wrote down every figure of it in the minutes of the meeting. " * 2
            for n in range(paragraphs)]
    opening = "Bob Stone spoke last. “The first part of this is hard,"
    closing = ("“and the second part is harder,” Bob Stone said. " + "The hall was quiet. " * 20)
    head: list[str] = []
    while len("\n\n".join([*head, body[0], opening])) < FIRST_CHARS - 10:
        head.append(body.pop(0))
    # a multi-paragraph quote: its first paragraph has no closing mark, and the first piece
    # ends with that paragraph
    return "\n\n".join([*head, opening, closing, *body])


def ruler_pipeline() -> Pipeline:
    """Blank English with a sentencizer and an entity ruler, under the default model's key."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Ann Lee"},  # type: ignore[attr-defined]
                        {"label": "PERSON", "pattern": "Bob Stone"}])
    return Pipeline(nlp, model_id_for(None), True, None)


class GatedNLP:
    """An nlp whose pipe waits at `gate` for texts longer than the first piece, once `free`
    such calls went through."""

    def __init__(self, nlp: Any, gate: threading.Event, free: int = 0) -> None:
        self.nlp, self.gate, self.free = nlp, gate, free
        self.held = threading.Event()  # set once a long text is waiting at the gate

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        """spaCy's pipe, after the gate opens for anything beyond a screenful."""
        texts = list(texts)
        if sum(len(t) for t in texts) > FIRST_CHARS:
            if self.free:
                self.free -= 1
            else:
                self.held.set()
                assert self.gate.wait(30), "the gate was never opened"
        return iter(self.nlp.pipe(texts, **kwargs))


def gated(pipeline: Pipeline, gate: threading.Event, free: int = 0
          ) -> tuple[Pipeline, GatedNLP]:
    """The pipeline with its nlp behind a gate (GatedNLP)."""
    nlp = GatedNLP(pipeline.nlp, gate, free)
    return Pipeline(cast(Any, nlp), pipeline.model_id, True, None), nlp
