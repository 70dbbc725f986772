"""Sources found from word shapes alone (no parser): names, pronouns, "the <noun>" phrases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    GROUP_JOINERS,
    NAME_JOINERS,
    PERSON_TITLES,
    PRONOUNS,
    QUANTIFIERS,
    ROLE_NOUNS,
    SKIP_BEFORE_CUE,
    TITLES,
)
from .mentions import Mention, is_capitalised, make_mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ROLES = ROLE_NOUNS | PERSON_TITLES  # what a bare "says council leader" may end in
_APPOSITION_REACH = 30  # tokens of an apposition between a name and its verb
_CLAUSE_ENDS = frozenset({".", "!", "?", ";", ":", "“", "”", '"', "‘"})


def _clause_end(doc: Doc, j: int) -> bool:
    """Whether token j ends a clause; the stop of "R-Vt.," or "(D-Vt.)" does not."""
    if doc[j].text not in _CLAUSE_ENDS:
        return False
    return not (doc[j].text == "." and j + 1 < len(doc) and doc[j + 1].text in (",", ")"))


def name_left(doc: Doc, i: int, floor: int) -> int:
    """Extend a capitalised run leftwards ("Officer Tusk", "Burton and Nick")."""
    while i - 1 >= floor and (
        (is_capitalised(doc[i - 1]) and doc[i - 1].lower_ not in FUNCTION_WORDS)
        or (doc[i - 1].lower_ in GROUP_JOINERS and i - 2 >= floor and is_capitalised(doc[i - 2]))
    ):
        i -= 1
    return i


def name_end(doc: Doc, i: int, ceiling: int, *, group: bool = False) -> int:
    """Extend a capitalised run rightwards (group: over "and" too); returns the end."""
    joiners = GROUP_JOINERS if group else NAME_JOINERS
    start = i
    while i < ceiling and (
        is_capitalised(doc[i])
        or (doc[i].lower_ in joiners and i + 1 < ceiling and is_capitalised(doc[i + 1]))
        # "Lt. Bob O'Neil" when the tokenizer splits the title's full stop off
        or (doc[i].text == "." and i > start and doc[i - 1].lower_ in TITLES
            and i + 1 < ceiling and is_capitalised(doc[i + 1]))
    ):
        i += 1
    return i


def heuristic_source(doc: Doc, cue_start: int, cue_end: int, blocked: bytearray,
                     prefer_right: bool) -> Mention | None:
    """A pronoun, capitalised name or "the <role>" phrase next to a cue (no parse needed)."""
    tries = (right_source, _left_source) if prefer_right else (_left_source, right_source)
    for find in tries:
        found = find(doc, cue_start, cue_end, blocked)
        if found is not None:
            return found
    return None


def right_source(doc: Doc, cue_start: int, cue_end: int, blocked: bytearray) -> Mention | None:
    """The source written after a cue ("said Officer Tusk", "said the mayor")."""
    i = cue_end
    n = len(doc)
    while i < n and doc[i].is_space:  # hard-wrapped text: "said\nSmith"
        i += 1
    if i >= n or blocked[i]:
        return None
    tok = doc[i]
    if tok.lower_ in ("he", "she", "they"):
        return make_mention(doc, i, i + 1)
    if is_capitalised(tok) and tok.lower_ not in FUNCTION_WORDS:
        end = name_end(doc, i, min(n, i + 6), group=True)
        k = end
        while k < min(n, end + 2) and doc[k].is_lower and doc[k].is_alpha and not blocked[k] and (
            doc[k].lower_ not in FUNCTION_WORDS
        ):
            k += 1
        if k > end and k < n and is_capitalised(doc[k]) and doc[k].lower_ not in FUNCTION_WORDS:
            end = name_end(doc, k, min(n, k + 6))  # "Iowa Democratic Party chair Ross Wilburn"
        elif k > end and doc[k - 1].lower_ in _ROLES and (
            k >= n or doc[k].is_punct or doc[k].is_space
        ):
            end = k  # "says Ashby Magna mayor": the role is who spoke, the place describes it
        return make_mention(doc, i, end)
    if tok.lower_ in DETERMINERS or tok.lower_ in QUANTIFIERS:
        # "said the mayor", "said a spokesman for the agency", "asked one mother": up to
        # the first little word
        j = i + 1
        if tok.lower_ in QUANTIFIERS and j + 1 < n and doc[j].lower_ == "of":
            j += 2  # "said one of the officers"
        while j < min(n, i + 6) and not blocked[j] and (
            doc[j].text.rstrip(".").isalpha() or doc[j].lower_ in ("'s", "’s")
        ) and doc[j].lower_ not in FUNCTION_WORDS:
            j += 1
        if j + 1 < n and doc[j].text == "," and is_capitalised(doc[j + 1]) and not blocked[j + 1]:
            end = name_end(doc, j + 1, min(n, j + 6))
            if end >= n or doc[end].is_punct:
                return make_mention(doc, j + 1, end)  # "said the firm's chief, Lars Eke."
        return make_mention(doc, i, j) if j > i + 1 else None
    k = i
    while k < min(n, i + 3) and (
        (doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in FUNCTION_WORDS)
        or (k > i and doc[k].text in ("’", "'", "’s", "'s"))  # "residents’ leader Joan Pryce"
    ):
        k += 1
    if k > i and k < n and is_capitalised(doc[k]) and doc[k].lower_ not in FUNCTION_WORDS:
        # "said farmer Ines Alvarez", "said police spokesman Tom Li"
        return make_mention(doc, i, name_end(doc, k, min(n, k + 6), group=True))
    if k > i and doc[k - 1].lower_ in _ROLES and (k >= n or doc[k].is_punct or doc[k].is_space):
        return make_mention(doc, i, k)  # a headline's "…, says council leader"
    if tok.lower_ in ROLE_NOUNS and tok.is_lower and i + 1 < n and _participle(doc[i + 1]):
        return make_mention(doc, i, i + 1)  # a headline's "…, says mayor facing vote"
    return None


def _participle(tok: Token) -> bool:
    """"facing", not "during" or "meeting": the tagger's VBG, or the -ing ending without one."""
    if tok.doc.has_annotation("TAG"):
        return tok.tag_ == "VBG"
    return tok.is_lower and tok.lower_.endswith("ing") and tok.lower_ not in FUNCTION_WORDS


def _in_word(doc: Doc, j: int) -> bool:
    """A hyphen inside a compound word ("24-year-old", "father-of-two")."""
    return doc[j].text in ("-", "‐") and not doc[j].whitespace_ and j > 0 and (
        not doc[j - 1].whitespace_
    )


def _left_source(doc: Doc, cue_start: int, cue_end: int, blocked: bytearray) -> Mention | None:
    i = cue_start - 1
    while i >= 0 and doc[i].is_space:  # hard-wrapped text: "Smith\nsaid"
        i -= 1
    skipped = 0
    while i >= 0 and not blocked[i] and skipped < 3 and (
        doc[i].lower_ in SKIP_BEFORE_CUE or (doc[i].lower_.endswith("ly") and doc[i].is_lower)
    ):
        i -= 1
        skipped += 1
    if i < 0 or blocked[i]:
        return None
    tok = doc[i]
    if tok.text == ")" and skipped == 0:
        # "Rep. Jo Smith (R-Ohio) said": a party-and-state bracket stands between name and verb.
        j = i - 1
        while j > 0 and i - j < 8 and doc[j].text != "(" and not blocked[j]:
            j -= 1
        return _left_source(doc, j, j, blocked) if doc[j].text == "(" else None
    if tok.lower_ == "to" and skipped == 0:
        # "It goes on … to ask": an infinitive's speaker is the subject the clause opens with.
        return _clause_subject(doc, i, blocked)
    if tok.text in (",", "—", "–") and skipped == 0:
        # "Smith, the agency's head, said", "Smith — the agency's head — said": skip back
        # over one apposition, however long.
        j = i - 1
        while j >= 0 and i - j < _APPOSITION_REACH and doc[j].text != tok.text and (
            not blocked[j] and not _clause_end(doc, j)
        ):
            j -= 1
        if j > 0 and doc[j].text == tok.text and not blocked[j - 1]:
            inner = [t for t in doc[j + 1 : i] if not t.is_space]
            if inner and doc[j - 1].is_lower and inner[0].lower_ not in FUNCTION_WORDS and all(
                is_capitalised(t) or t.text == "." for t in inner
            ):
                return make_mention(doc, j + 1, i)  # "The clinic's surgeon, Dr Ann Byrne, said"
            found = _left_source(doc, j, j, blocked)
            if found is None or found.kind not in ("name", "pronoun"):
                # "Tom Ash, the adviser on trade, energy and farming, said", "Ann Lee, 61, a
                # …, said": the commas inside the apposition hide the name the sentence
                # opens with.
                return _opening_name(doc, j, blocked) or found
            return found
        return None
    if tok.lower_ in PRONOUNS and tok.lower_ not in ("it", "you"):
        return make_mention(doc, i, i + 1)
    if is_capitalised(tok) and tok.lower_ not in FUNCTION_WORDS:
        start = name_left(doc, i, max(0, i - 6))
        if start >= 3 and doc[start - 1].lower_ != "of":
            start = _head_before(doc, start, blocked)  # "a lawyer for Ann Lee said"
        return make_mention(doc, start, i + 1)
    if tok.is_alpha and tok.is_lower:
        for j in range(i - 1, max(-1, i - 7), -1):
            if blocked[j] or (doc[j].is_punct and not _in_word(doc, j)):
                break
            if doc[j].lower_ in DETERMINERS or doc[j].lower_ in QUANTIFIERS or doc[j].lower_ in (
                "’s", "'s"
            ):
                start = j if doc[j].lower_ not in ("’s", "'s") else name_left(doc, j - 1, max(0, j - 5))
                start = _head_before(doc, start, blocked)
                return make_mention(doc, start, i + 1)  # "the farmer", "Acme's lawyer"
    return None


def _head_before(doc: Doc, start: int, blocked: bytearray) -> int:
    """Where a phrase starts when the words at start complete it: "The Chief of the city
    police", "a spokeswoman for the governor", "an aide to Ann Lee" (the head comes first)."""
    if start < 3 or blocked[start - 2]:
        return start
    prep, head = doc[start - 1].lower_, doc[start - 2]
    if prep == "of":
        ok = head.is_alpha and head.lower_ not in FUNCTION_WORDS
    else:
        ok = prep in ("for", "to") and head.is_lower and head.lower_ in ROLE_NOUNS
    if not ok:
        return start
    k = start - 2
    while k > max(0, start - 6) and doc[k - 1].is_alpha and not blocked[k - 1]:
        k -= 1
        if doc[k].lower_ in DETERMINERS or doc[k].lower_ in QUANTIFIERS:
            break
    return k


def _sentence_start(doc: Doc, i: int, blocked: bytearray) -> int:
    """The first token of the clause holding token i (after the last stop or quotation)."""
    while i > 0 and not blocked[i - 1] and not _clause_end(doc, i - 1) and not (
        doc[i - 1].is_space and "\n" in doc[i - 1].text
    ):
        i -= 1
    return i


def _clause_subject(doc: Doc, i: int, blocked: bytearray) -> Mention | None:
    """The pronoun, name or "the <noun>" phrase opening the clause that holds token i, after
    any opening phrase set off by a comma ("In a letter on Monday, the union's secretary,
    Tom Ash, went on to warn")."""
    s = _sentence_start(doc, i, blocked)
    if doc[s].lower_ in FUNCTION_WORDS and doc[s].lower_ not in DETERMINERS:
        comma = next((k for k in range(s, min(i, s + 12)) if doc[k].text == ","), None)
        s = comma + 1 if comma is not None else s
    while s < i and (doc[s].is_space or doc[s].is_punct):
        s += 1
    if s >= i:
        return None
    if doc[s].lower_ in PRONOUNS and doc[s].lower_ != "you":
        return make_mention(doc, s, s + 1)
    if is_capitalised(doc[s]) and doc[s].lower_ not in FUNCTION_WORDS:
        return make_mention(doc, s, name_end(doc, s, min(i, s + 6)))
    if doc[s].lower_ not in DETERMINERS:
        return None
    j = s + 1
    while j < min(i, s + 6) and not blocked[j] and doc[j].lower_ not in FUNCTION_WORDS and (
        doc[j].is_alpha or doc[j].lower_ in ("’s", "'s")
    ):
        j += 1
    if j < i and doc[j].text == "," and is_capitalised(doc[j + 1]):
        end = name_end(doc, j + 1, min(i, j + 6))
        if end < i and doc[end].text == ",":
            return make_mention(doc, j + 1, end)  # "the union's secretary, Tom Ash, …"
    return make_mention(doc, s, j) if j > s + 1 else None


def _opening_name(doc: Doc, j: int, blocked: bytearray) -> Mention | None:
    """The name before the leftmost comma of the clause ending at token j, when the clause
    opens with it ("Tom Ash, …, …, said")."""
    s = _sentence_start(doc, j, blocked)
    for c in range(s + 1, j):
        if doc[c].text != ",":
            continue
        start = name_left(doc, c - 1, s)
        if is_capitalised(doc[c - 1]) and doc[c - 1].lower_ not in FUNCTION_WORDS and (
            start == s or (start == s + 1 and doc[s].lower_ in DETERMINERS)
        ):
            return make_mention(doc, start, c)
        return None  # the clause opens with something else ("In 2019, …")
    return None
