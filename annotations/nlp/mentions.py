"""Source mentions: the subject phrase of a cue, from the parse or from word shapes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .text import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "i": "", "we": "", "you": ""}
# Words that are part of how a person is introduced, not of their name.
TITLES = words(
    """mr mrs ms miss dr prof professor president vice prime minister secretary senator sen
    rep representative gov governor mayor judge justice officer detective sgt sergeant lt
    lieutenant capt captain col colonel gen general adm admiral cmdr commander chief chair
    ambassador chancellor king queen prince princess pope rev reverend father sister sir
    dame lord lady chairman chairwoman ceo coach deputy inspector agent attorney councilman
    councilwoman councillor congressman congresswoman speaker supreme leader ayatollah
    sheikh premier foreign defense defence interior finance state former acting treasurer
    auditor comptroller commissioner superintendent sheriff marshal director dean
    chancellor provost principal spokesman spokeswoman spokesperson manager editor
    correspondent reporter analyst pastor bishop cardinal rabbi imam chair"""
)
# Titles that only ever stand before a person's name (not "state", "foreign", "former").
PERSON_TITLES = words(
    """mr mrs ms miss dr prof professor president senator sen rep representative gov governor
    mayor judge justice officer detective sgt sergeant lt lieutenant capt captain col colonel
    gen general adm admiral cmdr commander ambassador chancellor king queen prince princess
    pope rev reverend sir dame lord lady chairman chairwoman ceo coach deputy inspector
    councilman councilwoman councillor congressman congresswoman ayatollah sheikh premier
    minister secretary chief"""
)
ROLE_NOUNS = words(
    """president leader minister spokesman spokeswoman spokesperson official officer chief
    director governor mayor senator secretary chancellor premier ambassador general
    commander chairman chairwoman ceo executive founder judge lawyer attorney prosecutor
    analyst expert researcher professor economist scientist doctor author activist witness
    resident driver owner manager coach player candidate lawmaker legislator diplomat
    envoy negotiator adviser advisor aide man woman boy girl source king queen prince
    pope cleric ayatollah monarch ruler dictator premier chief-executive"""
)
ORG_NOUNS = words(
    """company firm ministry government agency department administration organization
    organisation group party council committee commission court police army military
    union bank network newspaper paper outlet campaign team club board office embassy
    authority authorities regime cabinet parliament congress senate house university
    school hospital foundation institute association federation league white-house
    kremlin"""
)
_NAME_JOINERS = frozenset({"de", "van", "von", "bin", "al", "da", "del", "la", "le", "di", "du"})
_GROUP_JOINERS = _NAME_JOINERS | {"and", "&"}  # "Burton and Nick" speak together
_SKIP_BEFORE_CUE = words(
    """also further then later again previously once never still had has have was is
    were are would will did does do not reportedly repeatedly publicly privately often
    recently earlier once simply just only even quickly firmly had've"""
)
DETERMINERS = words("the a an this that these those his her its their our my your")
# Capitalised only because they open a sentence: never a name.
FUNCTION_WORDS = DETERMINERS | words(
    """in on at but and or if as for from to of by with when while after before however
    although though because since during despite yet so still meanwhile instead"""
) | PRONOUNS.keys()
_SUBJ_DEPS = ("nsubj", "nsubjpass")
_LEFT_KEEP = frozenset({"compound", "flat", "det", "amod", "poss", "nmod", "nummod", "case"})


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming (or standing for) a source."""

    start: int
    end: int
    text: str
    kind: str  # "pronoun", "name", "role", "org" or "other"
    label: str = ""  # entity label of the mention's head, when NER ran
    subject: bool = True  # grammatical subject (or, without a parser, subject-like)


def is_capitalised(tok: Token) -> bool:
    """A capitalised word-like token ("Burton", "U.S.", "O'Neill")."""
    t = tok.text
    return bool(t) and t[0].isupper() and (t.isalpha() or t.replace(".", "").replace("-", "")
                                           .replace("'", "").replace("’", "").isalpha())


def kind_of(tokens: list[Token]) -> str:
    """Classify a mention's tokens as pronoun, name, role, org or other."""
    if not tokens:
        return "other"
    head = tokens[-1]
    if len(tokens) == 1 and head.lower_ in PRONOUNS:
        return "pronoun"
    words = [t.lower_ for t in tokens]
    nouns = [w for w in words if w not in DETERMINERS and w not in ("’s", "'s")]
    last = nouns[-1] if nouns else ""
    if last in ROLE_NOUNS or last in TITLES:
        return "role"
    if last in ORG_NOUNS:
        return "org"
    capital = is_capitalised(head) and head.lower_ not in FUNCTION_WORDS
    if capital and (head.pos_ in ("PROPN", "") or head.ent_type_):
        return "name"  # "Officer Tusk", "farmer Ines Alvarez", "Burton and Nick"
    return "other"


def make_mention(doc: Doc, start: int, end: int) -> Mention | None:
    """A mention over tokens [start, end), trimmed of edge punctuation."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    toks = list(doc[start:end])
    span = doc[start:end]
    label = next((t.ent_type_ for t in reversed(toks) if t.ent_type_), "")
    return Mention(span.start_char, span.end_char, span.text, kind_of(toks), label)


def parsed_phrase(tok: Token) -> Mention | None:
    """The subject phrase headed by tok: its modifiers and conjuncts, not appositions."""
    doc = tok.doc
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Smith, who …, said": the noun the clause modifies
    start = tok.i
    for child in reversed(list(tok.lefts)):
        if child.dep_ in _LEFT_KEEP and child.right_edge.i == start - 1:
            start = child.left_edge.i
    end = tok.i + 1
    for child in tok.rights:
        if child.i != end:
            break
        if child.dep_ in ("flat", "compound"):
            end = child.i + 1
        elif child.dep_ == "cc" and any(c.dep_ == "conj" for c in tok.rights):
            conj = next(c for c in tok.rights if c.dep_ == "conj")
            end = conj.i + 1
        elif child.dep_ == "prep" and child.lower_ in ("of", "for", "at") and (
            tok.pos_ == "NOUN" or tok.lower_ in ROLE_NOUNS
        ):
            if child.right_edge.i - tok.i <= 6:
                end = child.right_edge.i + 1
            break
    if tok.ent_iob_ in ("B", "I"):
        # Named entities come whole ("Masoud Pezeshkian"), whatever the parse attached.
        s = tok.i
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        e = tok.i + 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
        start, end = min(start, s), max(end, e)
    for k in range(tok.i - 1, start - 1, -1):
        if doc[k].is_punct and doc[k].text not in ("-", "’s", "'s"):
            start = k + 1  # "the Revolution, Pezeshkian": a clause before, not a modifier
            break
    return make_mention(doc, start, end)


def parsed_subject(cue: Token, blocked: bytearray) -> Token | None:
    """The grammatical subject of a cue, climbing conjoined and adverbial verbs."""
    if cue.lower_ == "according":
        # "according to X": the source is the object of "to", never the clause's subject.
        return next((c for c in cue.subtree if c.dep_ == "pobj" and not blocked[c.i]), None)
    t = cue
    for _ in range(4):
        for child in t.children:
            if child.dep_ in _SUBJ_DEPS and not blocked[child.i]:
                return child
        if t.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep", "acl") and t.head is not t:
            t = t.head
        else:
            break
    return None


def _name_left(doc: Doc, i: int, floor: int) -> int:
    """Extend a capitalised run leftwards ("Officer Tusk", "Burton and Nick")."""
    while i - 1 >= floor and (
        (is_capitalised(doc[i - 1]) and doc[i - 1].lower_ not in FUNCTION_WORDS)
        or (doc[i - 1].lower_ in _GROUP_JOINERS and i - 2 >= floor and is_capitalised(doc[i - 2]))
    ):
        i -= 1
    return i


def name_end(doc: Doc, i: int, ceiling: int, *, group: bool = False) -> int:
    """Extend a capitalised run rightwards (group: over "and" too); returns the end."""
    joiners = _GROUP_JOINERS if group else _NAME_JOINERS
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
        return make_mention(doc, i, end)
    if tok.lower_ in DETERMINERS:
        # "said the mayor", "said a spokesman for the agency": up to the first little word
        j = i + 1
        while j < min(n, i + 5) and not blocked[j] and doc[j].is_alpha and (
            doc[j].lower_ not in FUNCTION_WORDS
        ):
            j += 1
        return make_mention(doc, i, j) if j > i + 1 else None
    k = i
    while k < min(n, i + 3) and doc[k].is_lower and doc[k].is_alpha and (
        doc[k].lower_ not in FUNCTION_WORDS
    ):
        k += 1
    if k > i and k < n and is_capitalised(doc[k]) and doc[k].lower_ not in FUNCTION_WORDS:
        # "said farmer Ines Alvarez", "said police spokesman Tom Li"
        return make_mention(doc, i, name_end(doc, k, min(n, k + 6), group=True))
    return None


def _left_source(doc: Doc, cue_start: int, cue_end: int, blocked: bytearray) -> Mention | None:
    i = cue_start - 1
    while i >= 0 and doc[i].is_space:  # hard-wrapped text: "Smith\nsaid"
        i -= 1
    skipped = 0
    while i >= 0 and not blocked[i] and skipped < 3 and (
        doc[i].lower_ in _SKIP_BEFORE_CUE or (doc[i].lower_.endswith("ly") and doc[i].is_lower)
    ):
        i -= 1
        skipped += 1
    if i < 0 or blocked[i]:
        return None
    tok = doc[i]
    if tok.text == "," and skipped == 0:
        # "Smith, the agency's head, said": skip back over one apposition.
        j = i - 1
        while j >= 0 and i - j < 12 and doc[j].text != "," and not blocked[j]:
            j -= 1
        if j > 0 and doc[j].text == "," and not blocked[j - 1]:
            return _left_source(doc, j, j, blocked)
        return None
    if tok.lower_ in PRONOUNS and tok.lower_ not in ("it", "you"):
        return make_mention(doc, i, i + 1)
    if is_capitalised(tok) and tok.lower_ not in FUNCTION_WORDS:
        return make_mention(doc, _name_left(doc, i, max(0, i - 6)), i + 1)
    if tok.is_alpha and tok.is_lower:
        for j in range(i - 1, max(-1, i - 5), -1):
            if blocked[j] or doc[j].is_punct:
                break
            if doc[j].lower_ in DETERMINERS or doc[j].lower_ in ("’s", "'s"):
                start = j if doc[j].lower_ in DETERMINERS else _name_left(doc, j - 1, max(0, j - 5))
                if start >= 3 and doc[start - 1].lower_ == "of" and not blocked[start - 2]:
                    # "The Chief of the city police said": the head comes before "of"
                    head = doc[start - 2]
                    if head.is_alpha and head.lower_ not in FUNCTION_WORDS:
                        k = start - 2
                        while k > max(0, start - 6) and doc[k - 1].is_alpha and not blocked[k - 1]:
                            k -= 1
                            if doc[k].lower_ in DETERMINERS:
                                break
                        start = k
                return make_mention(doc, start, i + 1)  # "the farmer", "Acme's lawyer"
    return None


# Nouns that stand in for a reporting verb before a colon ("a statement from Lee:").
NOUN_CUES = words(
    """statement quote remarks words message post tweet comment comments response reply
    letter email e-mail memo note testimony speech announcement"""
)


def colon_speaker(doc: Doc, a: int, b: int) -> Mention | None:
    """Tokens [a, b) that are just a name and a colon ("CNN's Sara Dorsey:"), as a source."""
    toks = [t for t in doc[a:b] if not t.is_space]
    if not toks or toks[-1].text != ":" or not 2 <= len(toks) <= 7:
        return None
    name = toks[:-1]
    if all(is_capitalised(t) or t.lower_ in ("’s", "'s", ".") for t in name) and (
        name[0].lower_ not in FUNCTION_WORDS
    ):
        return make_mention(doc, name[0].i, name[-1].i + 1)
    return None


def noun_cue_source(doc: Doc, a: int, b: int, blocked: bytearray) -> tuple[int, Mention] | None:
    """In tokens [a, b) ending with a colon: "a statement from Lee:" or "Lee's post:"."""
    for i in range(b - 1, max(a, b - 12) - 1, -1):
        if doc[i].lower_ not in NOUN_CUES or blocked[i]:
            continue
        if i + 1 < b and doc[i + 1].lower_ in ("from", "by"):
            found = right_source(doc, i + 1, i + 2, blocked)
        elif i > a and doc[i - 1].lower_ in ("’s", "'s") and is_capitalised(doc[i - 2]):
            found = make_mention(doc, _name_left(doc, i - 2, max(a, i - 8)), i - 1)
        else:
            found = None
        return (i, found) if found is not None else None
    return None

