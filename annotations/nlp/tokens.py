"""Cheap token look-ups: spaCy Token objects are costly to create, so find candidates by regex."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

WORD = re.compile(r"[^\W\d_]+")
LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*")


class DocIndex:
    """Token start offsets of a Doc, and which words its text writes in lower case."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text  # doc.text rebuilds the string from every token: pass it in
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        at = {s: i for i, s in enumerate(self.starts)}
        self._words = [
            (i, m.group()) for m in WORD.finditer(text) if (i := at.get(m.start())) is not None
        ]
        # Words the document also writes in lower case are common words, not names.
        self.lower = {m.group() for m in LOWER_WORD.finditer(self.text)}

    def tokens_in(self, start: int, end: int) -> tuple[int, int]:
        """Token index range [a, b) of the tokens starting within [start, end)."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def word_tokens(self, keep: set[str] | frozenset[str] | None = None) -> list[int]:
        """Indices of tokens that start a word (lower-cased form in keep, or capitalised)."""
        if keep is None:
            return [i for i, w in self._words if w[0].isupper()]
        return [i for i, w in self._words if w.lower() in keep]

    def dep_tokens(self, labels: tuple[str, ...]) -> list[int]:
        """Indices of tokens whose dependency label is one of labels."""
        strings = self.doc.vocab.strings
        wanted = {strings.add(label) for label in labels}
        return [i for i, d in enumerate(self.doc.to_array("DEP").tolist()) if d in wanted]
