"""Guards that keep spaCy's tokenizer linear on pathological text (long punctuation runs)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RUN = 10
"""Punctuation characters in a row from which the tokenizer takes the whole run as one token.

spaCy strips one prefix or suffix per step and searches the rest of the word again at each
step, so a run of n brackets, quotes, emoji or `=` costs n² (17 s for 10,000 brackets). Shorter
runs keep spaCy's own one-token-per-mark splitting ("?!" and "”)." read as usual)."""

LONG_WORD = 300
"""Characters without white space from which a "word" is tokenized in WORD_SLICE slices.

Affixes that mix letters and marks ("'s" repeated: 65 s for 16,000 characters) are also n²
in spaCy; no real word or link is this long, so slicing costs nothing on real text."""
WORD_SLICE = 60

# Punctuation, symbols and emoji: neither a word character nor white space ("_" is both a
# word character and one of spaCy's prefixes, so it counts too).
_MARK = r"(?:[^\w\s]|_)"
_PREFIX_RUN = rf"^{_MARK}{{{RUN},}}"
# Only from the first mark of a run: started inside it, the search would rescan the run from
# every position (n² again) before finding that it does not reach the end of the word.
_SUFFIX_RUN = rf"(?<![^\w\s]|_){_MARK}{{{RUN},}}$"
# From a word's first character only, so the scan is linear too.
_LONG_WORD_RE = re.compile(rf"(?<!\S)\S{{{LONG_WORD},}}")


def _with_first(pattern: str, old: object) -> re.Pattern[str]:
    """A regex trying `pattern` first, then `old` (a regex, or the source of one, if any)."""
    if isinstance(old, str):  # compiled only guarded: compiling it alone too costs as much
        return re.compile(old if old.startswith(pattern) else f"{pattern}|{old}")
    if not isinstance(old, re.Pattern):
        return re.compile(pattern)
    if old.pattern.startswith(pattern):  # guarded already
        return old
    return re.compile(f"{pattern}|{old.pattern}", old.flags)


class SlicingTokenizer:
    """spaCy's tokenizer, with words of LONG_WORD or more characters tokenized slice by slice.

    The doc's text is the input text, so every token's offsets are the text's own."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        """Tokenize text; a doc from several pieces only when it has a very long word."""
        longs = list(_LONG_WORD_RE.finditer(text))
        if not longs:
            return self.inner(text)  # type: ignore[no-any-return]
        from spacy.tokens import Doc

        docs: list[Doc] = []
        pos = 0
        for m in longs:
            if pos < m.start():
                docs.append(self.inner(text[pos : m.start()]))
            words = [t.text for i in range(m.start(), m.end(), WORD_SLICE)
                     for t in self.inner(text[i : min(i + WORD_SLICE, m.end())])]
            docs.append(Doc(self.inner.vocab, words=words, spaces=[False] * len(words)))
            pos = m.end()
        if pos < len(text):
            docs.append(self.inner(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        # vocab, explain, pipe, to_bytes...: spaCy's own tokenizer answers. Not while a copy or
        # unpickling builds this object (no `inner` yet: asking for it would recurse).
        if name == "inner" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.inner, name)


GUARDED = ("prefix_search", "suffix_search")
"""The tokenizer's patterns the guard puts a run first in."""


def guard_patterns(tokenizer: Any, sources: dict[str, Any] | None = None) -> None:
    """Have a spaCy tokenizer's prefix and suffix searches take a run of RUN or more marks
    whole; with `sources` (GUARDED -> the pattern's source, from a tokenizer file), from those.
    Each pattern set reloads the tokenizer's exceptions (tens of ms): one guarded already is
    left alone, and loading.py guards them before the exceptions are loaded."""
    for attr, pattern in zip(GUARDED, (_PREFIX_RUN, _SUFFIX_RUN), strict=True):
        old = getattr(getattr(tokenizer, attr), "__self__", None)
        guarded = _with_first(pattern, old if sources is None else sources.get(attr))
        if guarded is not old:
            setattr(tokenizer, attr, guarded.search)


def guard_tokenizer(nlp: Language) -> Language:
    """Make nlp's tokenizer linear: a run of RUN or more punctuation marks is one token, and a
    word of LONG_WORD or more characters is tokenized in slices.

    Offsets stay the text's own, so every span still slices the text. Safe to call twice."""
    tokenizer: Any = nlp.tokenizer
    inner = tokenizer.inner if isinstance(tokenizer, SlicingTokenizer) else tokenizer
    guard_patterns(inner)
    if not isinstance(tokenizer, SlicingTokenizer):
        nlp.tokenizer = SlicingTokenizer(inner)
    return nlp
