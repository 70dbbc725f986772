"""Rule-based quotation finder working on raw text, so it needs no trained model."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import CUE_WORDS
from .text import paragraph_spans, words

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
DOUBLE_MARKS = re.compile(r"[\"“”„«»]")
SINGLE_MARKS = re.compile(r"['‘’‚]")
_OPEN_BEFORE = "([{—–-/"  # characters after which a straight mark opens
_NEXT_WORD = re.compile(r"\s(\w+)")
# Words that never follow a plural possessive, so a ’ before them closes a quotation.
_NOT_POSSESSED = words("in on at to for of and or but with from by as into than that is was are were")
# Capitalised words that open a sentence of the quotation, not the reporter's attribution.
_NOT_NARRATOR = words("we i you it this that there and but so then now they he she")
_ELISION = re.compile(r"(?:em|n|til|cause|tis|twas|bout|round|\d\d)s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: content offsets (marks excluded) and where its marks are."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when unterminated
    single: bool = False  # top-level single quotes (‘…’), which are less certain

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the content end when unterminated)."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


LOOK_BACK = 200  # characters before a mark that can hold its reporting verb and comma


def _role(text: str, pos: int) -> str:
    """Whether the mark at pos opens, closes, or cannot be told from its neighbours."""
    ch = text[pos]
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    left_open = prev.isspace() or prev in _OPEN_BEFORE or prev in DOUBLE_OPEN
    right_open = nxt.isspace() or nxt in ".,;:!?)]}—–-" or nxt in DOUBLE_CLOSE
    if ch in "„«":
        return "open"
    if ch == "»":
        return "close"
    if ch == "“":
        # A “ glued to a word on its left and followed by space closes („…“ or a typo).
        return "close" if not left_open and right_open else "open"
    if ch == "”":
        return "open" if left_open and not right_open else "close"
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "either"


def _is_inch_mark(text: str, pos: int) -> bool:
    """A straight mark right after a digit is an inch sign (6'2\"), not a quote."""
    return text[pos] == STRAIGHT and pos > 0 and text[pos - 1].isdigit()


def _at_par_start(text: str, par_start: int, pos: int) -> bool:
    return not text[par_start:pos].strip()


def _speechlike_open(text: str, par_start: int, pos: int) -> bool:
    """An unterminated opener is kept only where a quotation would start."""
    before = text[par_start:pos].rstrip()
    return not before or before[-1] in ":,.!?—"


def _double_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair double marks paragraph by paragraph, continuing quotes over open paragraphs."""
    found: list[QuoteSpan] = []
    pending: tuple[int, int, int] | None = None  # (open mark, its paragraph start, last end)
    opened_at = 0
    for ps, pe in paragraphs:
        marks = [(m.start(), _role(text, m.start())) for m in DOUBLE_MARKS.finditer(text, ps, pe)]
        opened: int | None = None
        k = 0
        if pending is not None:
            if marks and marks[0][1] != "close" and _at_par_start(text, ps, marks[0][0]) and (
                _continued(text, pending)
            ):
                opened, k = pending[0], 1  # a new paragraph of the same quotation
            else:
                _unterminated(text, found, pending)
            pending = None
        # With as many explicit openers as closers, a second opener nests (“He said “no.””);
        # otherwise it means the first quotation was never closed.
        opens = sum(1 for _, r in marks if r == "open")
        nests = opens > 1 and opens == sum(1 for _, r in marks if r == "close")
        depth = 0
        shared: int | None = None  # a nested quotation's close, which may close both
        can_close, only_open = _straight_after(text, marks)
        for n, (pos, role) in enumerate(marks[k:], start=k):
            if opened is None:
                if role != "close" and not _is_inch_mark(text, pos):
                    opened, opened_at, shared = pos, ps, None
            elif role == "open" and (
                (nests and text[pos] != STRAIGHT) or _quoted_within(text, opened, pos)
                or _straight_nests(text, opened, pos, can_close[n + 1], only_open[n + 1])
            ):
                depth += 1  # "the board will ask, “Was it …”": a quotation inside one
            elif role == "open" and text[pos] != STRAIGHT:
                opened, opened_at = pos, ps  # start afresh
            elif depth:
                depth -= 1
                shared = pos if not depth else None
            else:
                found.append(QuoteSpan(opened + 1, pos, opened, pos))
                opened = None
        if opened is not None and shared is not None and _narration_after(text, shared, pe):
            # "“… will ask, “Was it our fault?” the chairman wrote.": one mark closes both.
            found.append(QuoteSpan(opened + 1, shared, opened, shared))
            opened = None
        if opened is not None:
            pending = (opened, opened_at, pe)
    if pending is not None:
        _unterminated(text, found, pending)
    return [q for q in found if q.end > q.start]


def _continued(text: str, pending: tuple[int, int, int]) -> bool:
    """Whether a quotation left open at a paragraph end is a continued one (it opened like
    speech), so that a mark opening the next paragraph goes on with it rather than starting
    a quotation of its own ("called it “a giveaway.\n\n“We will …”" is two)."""
    open_mark, par_start, _ = pending
    if _speechlike_open(text, par_start, open_mark):
        return True
    before = text[par_start:open_mark].split()
    return bool(before) and before[-1].lower() in CUE_WORDS  # "he said “The …"


def _quoted_within(text: str, opened: int, pos: int) -> bool:
    """Whether an opening mark inside an open quotation starts a quotation within it: it
    follows a reporting verb and a comma or colon ("… will ask, “Was it …”", "I told him,
    “Go …”")."""
    if text[opened] == STRAIGHT and text[pos] != STRAIGHT:
        return False
    # the last few words are all that matter: a bounded look back keeps a paragraph of many
    # marks linear (the whole quotation so far was copied at every mark)
    before = text[max(opened + 1, pos - LOOK_BACK) : pos].rstrip()
    if not before or before[-1] not in ",:":
        return False
    return any(w.lower().strip("“”‘’'\"") in CUE_WORDS for w in before[:-1].split()[-3:])


def _straight_after(text: str, marks: list[tuple[int, str]]) -> tuple[list[int], list[int]]:
    """For each index n, how many straight marks from n on can close, and how many can only
    open (suffix counts: one pass per paragraph instead of one per mark)."""
    can_close, only_open = [0] * (len(marks) + 1), [0] * (len(marks) + 1)
    for n in range(len(marks) - 1, -1, -1):
        pos, role = marks[n]
        straight = text[pos] == STRAIGHT
        can_close[n] = can_close[n + 1] + (straight and role != "open")
        only_open[n] = only_open[n + 1] + (straight and role == "open")
    return can_close, only_open


def _straight_nests(text: str, opened: int, pos: int, can_close: int, only_open: int) -> bool:
    """A straight mark that can only open (space before, a letter after) inside a straight
    quotation nests when more marks that can close than marks that open follow it in the
    paragraph: one closes it, one the quotation around it ("We call it "the beast" because
    it is," …; "We want "fair pay" and "safe streets," …)."""
    if text[opened] != STRAIGHT or text[pos] != STRAIGHT:
        return False
    return can_close > only_open


def _narration_after(text: str, pos: int, par_end: int) -> bool:
    """Whether the text after a closing mark reads as the reporter's ("the chairman wrote",
    "Lee said"), not as more of the quotation ("We had no answer"): it opens with a lower-case
    word or a name, and a reporting verb follows within a few words."""
    after = [w.strip(".,;:!?") for w in text[pos + 1 : par_end].split()[:6]]
    if not after or not after[0] or (after[0][0].isupper() and after[0].lower() in _NOT_NARRATOR):
        return False
    return any(w.lower() in CUE_WORDS for w in after)


def _unterminated(text: str, found: list[QuoteSpan], pending: tuple[int, int, int]) -> None:
    """Keep a quotation left open at a paragraph end if it opened like speech."""
    open_mark, par_start, par_end = pending
    if _speechlike_open(text, par_start, open_mark) and len(text[open_mark:par_end].split()) > 1:
        found.append(QuoteSpan(open_mark + 1, par_end, open_mark, None))


def _single_quotes(text: str, start: int, end: int, opened: int | None = None,
                   ) -> tuple[list[QuoteSpan], int | None]:
    """Top-level ‘…’ quotations in a stretch of text that has no double quotation, and the
    opening mark left open at its end (opened: one left open before the stretch)."""
    found: list[QuoteSpan] = []
    for m in SINGLE_MARKS.finditer(text, start, end):
        pos = m.start()
        ch = text[pos]
        prev = text[pos - 1] if pos > start else " "
        nxt = text[pos + 1] if pos + 1 < end else " "
        if opened is None:
            if ch in "‘‚'" and (prev.isspace() or prev in _OPEN_BEFORE) and nxt.isalnum():
                if ch == "'" and _ELISION.match(text, pos + 1):
                    continue
                opened = pos
            continue
        if ch in "’'" and not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–"):
            # "the players’ union": a plural possessive, not a closing mark; but a
            # possessive is not followed by "in" or "and" ("had ‘made investments’ in …").
            after = _NEXT_WORD.match(text, pos + 1)
            if prev in "sS" and nxt == " " and after and after.group(1).islower() and (
                after.group(1) not in _NOT_POSSESSED
            ):
                continue
            found.append(QuoteSpan(opened + 1, pos, opened, pos, single=True))
            opened = None
    return found, opened


def _continues(text: str, par_start: int, open_mark: int, next_par: int) -> bool:
    """A ‘ left open at a paragraph end goes on when it opened like speech and the next
    paragraph starts with a ‘ again (the convention for multi-paragraph quotations)."""
    return (_speechlike_open(text, par_start, open_mark) or _after_colon(text, par_start, open_mark)
            ) and text[next_par] == text[open_mark]


def _after_colon(text: str, par_start: int, pos: int) -> bool:
    """An opener at a paragraph start after a paragraph ending "She said:"."""
    return _at_par_start(text, par_start, pos) and text[:par_start].rstrip().endswith(":")


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation in a text, in order: double marks first, then top-level singles."""
    paragraphs = paragraph_spans(text)
    doubles = _double_quotes(text, paragraphs)
    if "‘" not in text and "'" not in text:
        return doubles
    # Single marks are looked for only outside double quotations, paragraph by paragraph,
    # so apostrophes and nested quotes inside doubles never start anything.
    singles: list[QuoteSpan] = []
    k = 0
    pending: tuple[int, int] | None = None  # (‘ left open, its paragraph start)
    for n, (ps, pe) in enumerate(paragraphs):
        pos = ps
        carried = None
        if pending is not None and _continues(text, pending[1], pending[0], ps):
            carried, pos = pending[0], ps + 1  # a new paragraph of the same quotation
        opened_in = pending[1] if carried is not None and pending else ps
        pending = None
        while k < len(doubles) and doubles[k].open_mark < pe:
            q = doubles[k]
            if q.open_mark > pos:
                singles.extend(_single_quotes(text, pos, q.open_mark)[0])
            pos = max(pos, q.outer_end)
            carried = None
            if q.outer_end > pe:
                break  # a quotation running on into the next paragraph
            k += 1
        if pos < pe:
            got, left = _single_quotes(text, pos, pe, carried)
            singles.extend(got)
            if left is not None and n + 1 < len(paragraphs):
                pending = (left, opened_in if left == carried else ps)
    wrapping = _wrapping_singles(text, paragraphs, doubles)
    if wrapping:  # the double quotations they hold are nested, like “… “inner” …”
        doubles = [d for d in doubles
                   if not any(w.open_mark < d.open_mark < w.end for w in wrapping)]
    singles = [q for q in singles if q.end > q.start] + wrapping
    return sorted(doubles + singles, key=lambda q: q.start)


def _wrapping_singles(text: str, paragraphs: list[tuple[int, int]], doubles: list[QuoteSpan]
                      ) -> list[QuoteSpan]:
    """‘… “inner” …’: a single quotation whose marks are outside every double one and
    which holds a double quotation whole (British style nesting)."""
    found: list[QuoteSpan] = []
    if not doubles:
        return found
    k = 0
    for ps, pe in paragraphs:
        inside = []
        while k < len(doubles) and doubles[k].open_mark < pe:
            inside.append(doubles[k])
            k += 1
        if not inside or ("‘" not in text[ps:pe] and "'" not in text[ps:pe]):
            continue
        for s in _single_quotes(text, ps, pe)[0]:
            held = [d for d in inside if s.open_mark < d.open_mark and d.outer_end <= s.end]
            cut = any(d.open_mark < m < d.outer_end for d in inside for m in (s.open_mark, s.end))
            if held and not cut:
                found.append(s)
    return found
