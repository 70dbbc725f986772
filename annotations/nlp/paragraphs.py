"""A pipeline step that starts a sentence at every paragraph, before the parser runs."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .text import paragraph_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "redline_paragraph_starts"


def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token of each paragraph as a sentence start.

    A headline or byline has no full stop, so the parser would otherwise run it into the
    first sentence of the article and give "…, says leader\\n\\nThe leader of …" one subject.
    """
    if len(doc) < 2:
        return doc
    starts = doc.to_array("IDX").tolist()
    for ps, _ in paragraph_spans(doc.text)[1:]:
        i = bisect_left(starts, ps)
        if 0 < i < len(doc) and starts[i] == ps:
            doc[i].is_sent_start = True
    return doc


def add_paragraph_starts(nlp: Language) -> None:
    """Put the paragraph step in front of a trained pipeline's parser (if it has one)."""
    from spacy.language import Language as _Language

    if "parser" not in nlp.pipe_names or COMPONENT in nlp.pipe_names:
        return
    if not _Language.has_factory(COMPONENT):
        _Language.component(COMPONENT, func=paragraph_starts)
    nlp.add_pipe(COMPONENT, before="parser")
