"""Paragraph starts are sentence starts for the parser (headlines have no full stop)."""

from __future__ import annotations

import spacy

from annotations.nlp.paragraphs import COMPONENT, paragraph_starts
from annotations.nlp.pipeline import load_pipeline


def test_each_paragraph_start_becomes_a_sentence_start() -> None:
    nlp = spacy.blank("en")
    text = "Storm closes bridge, says engineer\n\nThe bridge shut at noon. Traffic stopped."
    doc = paragraph_starts(nlp(text))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:2] == ["Storm", "The"]


def test_the_trained_parser_keeps_a_headline_out_of_the_first_sentence() -> None:
    p = load_pipeline(None)
    assert COMPONENT in p.nlp.pipe_names
    doc = p.nlp("Storm closes bridge, says engineer\n\nThe chief engineer, Ola Berg, said it was shut.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Storm closes bridge, says engineer"
    first = next(iter(doc.sents))
    assert all(first.start <= t.head.i < first.end for t in first)  # no arc crosses over
