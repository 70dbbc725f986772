"""The first screenful of a long text, analysed before the rest (issue 16).

An editor who opens an article that was never analysed reads its beginning first, so that part
is parsed and run through the rules on its own, in a fraction of the whole analysis's time, and
shown at once as a provisional result. The whole text is then analysed exactly as before (the
one-shot analysis, which alone is cached): quotes may run past the first piece, and a speaker
or a pronoun may be resolved by what follows, so the final pass decides everything. The first
piece is parsed twice; it is a screenful, a few per cent of a long article's parse.

A text longer than CHUNK_CHARS is parsed in pieces; each piece's entities are handed on as it
is parsed (`watched`): those are final, and the rules, which need the whole text, come last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .analyze import analyze_texts
from .pieces import CHUNK_CHARS, split_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .pipeline import Pipeline

FIRST_CHARS = 3_000
"""About one screenful of an article (120x40 terminal: ~38 lines of ~80 columns), cut at a
paragraph end; the first piece is at most this long."""
PROGRESSIVE_FROM = 2 * FIRST_CHARS
"""Texts shorter than this are analysed whole at once: the first piece would cost most of the
whole analysis, and then be parsed again."""


def first_piece_end(text: str) -> int:
    """Where the first screenful ends (a paragraph end), or 0 when the text is analysed whole."""
    if len(text) < PROGRESSIVE_FROM:
        return 0
    # the beginning alone: cutting a 1 MB text into screenfuls to keep the first costs ms
    return len(split_text(text[: FIRST_CHARS + 1], FIRST_CHARS)[0])


def first_record(pipeline: Pipeline, doc_id: str, text: str, text_sha256: str
                 ) -> dict[str, Any] | None:
    """The provisional record of the text's first screenful, or None for a short text.

    Its offsets are the whole text's (the piece is its beginning), `text_sha256` is the whole
    text's, `partial` is True and `covers` is the piece's length: what it says beyond `covers`
    is nothing, and within it the final analysis may still differ. Never cache it."""
    end = first_piece_end(text)
    if not end:
        return None
    record = next(iter(analyze_texts(pipeline, [(doc_id, text[:end])])))
    return {**record, "text_sha256": text_sha256, "partial": True, "covers": end}


class _PieceWatcher:
    """Stands for a pipeline's nlp in parse_texts while it parses ONE text: each parsed piece's
    entities go to `partial` as they come. They are the final ones already: the one-shot
    analysis parses exactly these pieces and joins them."""

    def __init__(self, nlp: Any, text_sha256: str, partial: Callable[[dict[str, Any]], None]
                 ) -> None:
        self.nlp, self.text_sha256, self.partial = nlp, text_sha256, partial
        self.offset = 0  # where the next piece starts: the pieces come in text order

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Doc]:
        """nlp.pipe, handing on each piece's entities (in the whole text's offsets)."""
        for doc in self.nlp.pipe(texts, **kwargs):
            start, self.offset = self.offset, self.offset + len(doc.text)
            self.partial({"partial": True, "text_sha256": self.text_sha256, "from": start,
                          "covers": self.offset,
                          "entities": [{"start": e.start_char + start, "end": e.end_char + start,
                                        "label": e.label_, "text": e.text} for e in doc.ents]})
            yield doc

    def __getattr__(self, name: str) -> Any:
        if name == "nlp" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.nlp, name)


def watched(pipeline: Pipeline, text: str, text_sha256: str,
            partial: Callable[[dict[str, Any]], None]) -> Pipeline:
    """`pipeline`, handing on each piece's entities as it is parsed when `text` is parsed in
    several pieces (a text of one piece: the whole analysis follows at once, nothing to add).
    Use it for that one text only."""
    if len(text) <= CHUNK_CHARS:
        return pipeline
    # parse_texts asks nlp for `pipe` only: the watcher answers it, spaCy the rest
    nlp: Any = _PieceWatcher(pipeline.nlp, text_sha256, partial)
    return replace(pipeline, nlp=nlp)
