"""Sources named around a colon or in a framing phrase: "CNN's Sara Dorsey:", "Lee shot back:",
"a statement from Lee:", "In her words,"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .heuristics import name_left, right_source
from .lexicon import FUNCTION_WORDS, NOUN_CUES, SKIP_BEFORE_CUE, pronoun_gender
from .mentions import Mention, is_capitalised, make_mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


_STOPS = frozenset({".", "!", "?", ";", "“", "”", '"'})


def colon_speaker(doc: Doc, a: int, b: int) -> Mention | None:
    """Tokens [a, b) that are just a name and a colon ("CNN's Sara Dorsey:"), as a source."""
    toks = [t for t in doc[a:b] if not t.is_space]
    if not toks or toks[-1].text not in (":", "):") or not 2 <= len(toks) <= 16:
        return None
    name = toks[:-1]
    cut = next((k for k, t in enumerate(name) if t.text in (",", "(")), None)
    if cut is not None and not any(t.text in _STOPS for t in name[cut:]):
        # A panel's "Jane Roe, The Daily Planet:", "Tom Ash, senior economist, Bank of
        # Tarn:", "Ida Brandt (Northern Ledger):": the name, then what they are.
        name = name[:cut]
    if not 1 <= len(name) <= 6:
        return None
    if all(is_capitalised(t) or t.lower_ in ("’s", "'s", ".") for t in name) and (
        name[0].lower_ not in FUNCTION_WORDS
    ):
        return make_mention(doc, name[0].i, name[-1].i + 1)
    return None


_VERB_PARTICLES = frozenset({"back", "out", "in", "on", "up", "off"})


def verb_colon_source(doc: Doc, a: int, b: int) -> tuple[int, int, Mention] | None:
    """Tokens [a, b) ending "<Name or pronoun> <verb> [particle]:" ("Lee shot back:"), as
    (cue start, cue end, source): any verb so placed introduces the quotation."""
    toks = [t for t in doc[a:b] if not t.is_space]
    if len(toks) < 3 or toks[-1].text != ":":
        return None
    verb = toks[-2:-1] if toks[-2].lower_ not in _VERB_PARTICLES else toks[-3:-1]
    first = verb[0]
    if len(toks) < len(verb) + 2 or not (first.is_alpha and first.is_lower) or (
        first.lower_ in FUNCTION_WORDS or first.lower_ in SKIP_BEFORE_CUE
        or (first.pos_ and first.pos_ != "VERB")
    ):
        return None
    if len(verb) == 1 and not first.lower_.endswith(("ed", "s")):
        return None  # "Lee shouted:", "Lee adds:"; a bare word may be anything
    head = first.i - 1
    if doc[head].lower_ in ("he", "she", "they", "we", "i"):
        start = head
    elif is_capitalised(doc[head]) and doc[head].lower_ not in FUNCTION_WORDS:
        start = name_left(doc, head, max(a, head - 6))
    else:
        return None
    found = make_mention(doc, start, head + 1)
    return (first.i, verb[-1].i + 1, found) if found is not None else None


def noun_cue_source(doc: Doc, a: int, b: int, blocked: bytearray) -> tuple[int, Mention] | None:
    """In tokens [a, b) ending with a colon: "a statement from Lee:" or "Lee's post:"."""
    for i in range(b - 1, max(a, b - 12) - 1, -1):
        if doc[i].lower_ not in NOUN_CUES or blocked[i]:
            continue
        if i + 1 < b and doc[i + 1].lower_ in ("from", "by"):
            found = right_source(doc, i + 1, i + 2, blocked)
        elif i > a and doc[i - 1].lower_ in ("’s", "'s") and is_capitalised(doc[i - 2]):
            found = make_mention(doc, name_left(doc, i - 2, max(a, i - 8)), i - 1)
        else:
            found = None
        return (i, found) if found is not None else None
    return None


def words_source(doc: Doc, a: int, b: int, blocked: bytearray
                 ) -> tuple[int, int, Mention] | None:
    """Tokens [a, b) ending "In her words," or "In the words of Ann Lee,", as (cue start,
    cue end, source): the phrase attributes the quotation that follows."""
    toks = [t for t in doc[a:b] if not t.is_space]
    if len(toks) < 4 or toks[-1].text not in (",", ":"):
        return None
    starts = [k for k, t in enumerate(toks[:-3]) if t.lower_ == "in"]
    if not starts:
        return None
    phrase = toks[starts[-1] : -1]
    low = [t.lower_ for t in phrase]
    if low[-1] == "words" and len(phrase) in (3, 4) and (len(phrase) == 3 or low[2] == "own"):
        owner = phrase[1]  # "In her words", "In his own words"
        if pronoun_gender(owner.text) in ("m", "f", "p"):
            mention = Mention(owner.idx, owner.idx + len(owner), owner.text, "pronoun")
            return phrase[0].i, phrase[-1].i + 1, mention
        return None
    if low[-1] == "words" and len(phrase) <= 8:
        poss = len(phrase) - (3 if low[-2] == "own" else 2)
        owned = is_capitalised(phrase[1]) or low[1] == "the"
        if poss >= 2 and low[poss] in ("'s", "’s") and owned:
            # "In Ann Lee's words", "In the mayor's own words": the owner spoke.
            found = make_mention(doc, phrase[1].i, phrase[poss].i)
            return (phrase[0].i, phrase[-1].i + 1, found) if found is not None else None
    if low[:4] == ["in", "the", "words", "of"] and len(phrase) > 4:
        found = right_source(doc, phrase[3].i, phrase[3].i + 1, blocked)
        return (phrase[0].i, phrase[3].i + 1, found) if found is not None else None
    return None
