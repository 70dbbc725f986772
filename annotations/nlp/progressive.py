"""The first screenful of a long text, analysed before the rest (issue 16).

An editor who opens an article that was never analysed reads its beginning first, so that part
is parsed and run through the rules on its own, in a fraction of the whole analysis's time, and
shown at once as a provisional result. The whole text is then analysed exactly as before (the
one-shot analysis, which alone is cached): quotes may run past the first piece, and a speaker
or a pronoun may be resolved by what follows, so the final pass decides everything. The first
piece is parsed twice; it is a screenful, a few per cent of a long article's parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .analyze import analyze_texts
from .pieces import split_text

if TYPE_CHECKING:
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
    return len(split_text(text, FIRST_CHARS)[0])


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
