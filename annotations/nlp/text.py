"""Raw-text structure shared by the rules: paragraphs, sentence ends, quote-free frames."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass


def words(spaced: str) -> frozenset[str]:
    """A word list written as one spaced string, for readable lexicons."""
    return frozenset(spaced.split())


# A sentence ends at . ! ? (possibly followed by closing quotes/brackets) before whitespace.
_SENT_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s|$)")
# Tokens before a full stop that do not end a sentence (titles, initials, U.S.-style acronyms).
_ABBREV = words(
    "mr mrs ms dr prof st sen rep gov gen lt col sgt capt cmdr adm maj jr sr inc corp co ltd "
    "no vs etc jan feb mar apr aug sept sep oct nov dec mt ft pres supt insp det rev hon"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEWLINE = re.compile(r"\n")
_WRAP_WIDTH = 100  # hard-wrapped text never has longer lines


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph, with surrounding blank space trimmed."""
    # Hard-wrapped text (blank lines between paragraphs, many single newlines inside them)
    # keeps its single newlines inside paragraphs; otherwise every newline is a break.
    blank = len(_BLANK_LINE.findall(text))
    single = text.count("\n") - 2 * blank
    wrapped = blank and (single > blank or max(map(len, text.splitlines())) <= _WRAP_WIDTH)
    sep = _BLANK_LINE if wrapped else _NEWLINE
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentence_ends(text: str) -> list[int]:
    """Sorted offsets just past each sentence-final punctuation run (abbreviations skipped)."""
    ends: list[int] = []
    for m in _SENT_END.finditer(text):
        start = m.start()
        if text[start] == "." and m.end() - start == 1:
            j = start
            while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            word = text[j:start].lower()
            # "U.S." / "J." / "Mr." are not sentence ends when a capitalised word follows.
            if word in _ABBREV or len(word) == 1 or "." in word:
                nxt = text[m.end() : m.end() + 3].lstrip()
                if nxt[:1].isupper():
                    continue
        ends.append(m.end())
    return ends


def last_char_before(text: str, pos: int) -> str:
    """The last non-space character before pos ("" if none); cheap on huge texts."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


@dataclass
class TextIndex:
    """Sorted boundary offsets for quick frame look-ups by bisection."""

    text: str
    paragraphs: list[tuple[int, int]]
    sent_ends: list[int]

    @classmethod
    def build(cls, text: str) -> TextIndex:
        """Index a text's paragraphs and sentence ends."""
        return cls(text, paragraph_spans(text), sentence_ends(text))

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph containing (or nearest before) a position."""
        i = bisect_right(self.paragraphs, (pos, len(self.text) + 1)) - 1
        return max(i, 0)

    def sentence_start(self, pos: int, floor: int = 0) -> int:
        """Start of the sentence containing pos, not before floor."""
        i = bisect_right(self.sent_ends, pos) - 1
        start = self.sent_ends[i] if i >= 0 else 0
        return max(start, floor)

    def sentence_end(self, pos: int, ceiling: int) -> int:
        """End of the first sentence ending after pos, not past ceiling."""
        i = bisect_left(self.sent_ends, pos + 1)
        end = self.sent_ends[i] if i < len(self.sent_ends) else len(self.text)
        return min(end, ceiling)
