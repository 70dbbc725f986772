"""Source mentions: the subject phrase of a cue, from the parse or from word shapes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import (
    ABBREVIATIONS,
    DETERMINERS,
    FUNCTION_WORDS,
    NOUN_CUES,
    ORG_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJ_DEPS = ("nsubj", "nsubjpass")
_PARTITIVE = frozenset({"one", "some", "many", "several", "most", "two", "three"})  # "one of …"
_MADE_BY = frozenset({"from", "by", "of"})
_RUN_ON = frozenset({"of", "for", "at", "from", "in", "and", "the"})
_TRAILING_ADVERBS = frozenset({"later", "also", "then", "again", "earlier", "too", "however"})
_AGENT_OF = frozenset({"for", "to", "of", "at"})  # "a spokeswoman for X" is not X
_LEFT_KEEP = frozenset(
    {"compound", "flat", "det", "amod", "poss", "nmod", "nummod", "case", "npadvmod"}
)


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
    cut = next((k for k in range(1, len(words) - 1) if words[k] in _AGENT_OF
                and tokens[k - 1].is_lower and tokens[k - 1].is_alpha), None)
    if cut is not None:
        # "a lawyer for Marsh", "an aide to the governor": the role is who is meant, not
        # the person it works for.
        return kind_of(tokens[:cut])
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
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or (
        end - 1 > start and doc[end - 1].lower_ in _TRAILING_ADVERBS
    )):
        end -= 1  # "Tom Ash later went on to say": the adverb is not part of the name
    if start >= end:
        return None
    toks = list(doc[start:end])
    span = doc[start:end]
    label = next((t.ent_type_ for t in reversed(toks) if t.ent_type_), "")
    text, end_char = span.text, span.end_char
    last = toks[-1].text
    if last.endswith(".") and len(last) > 2 and last[:-1].lower() not in ABBREVIATIONS:
        text, end_char = text[:-1], end_char - 1  # "said the MoD." ends a sentence
    return Mention(span.start_char, end_char, text, kind_of(toks), label)


def parsed_phrase(tok: Token) -> Mention | None:
    """The subject phrase headed by tok: its modifiers and conjuncts, not appositions."""
    doc = tok.doc
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Smith, who …, said": the noun the clause modifies
    tok = _named_apposition(tok)
    start = tok.i
    for child in reversed(list(tok.lefts)):
        in_word = child.text in ("-", "‐") and not child.whitespace_  # "the 29-year-old"
        if (child.dep_ in _LEFT_KEEP or in_word) and child.right_edge.i == start - 1:
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
            tok.pos_ == "NOUN" or tok.lower_ in ROLE_NOUNS or tok.lower_ in _PARTITIVE
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
        while end - 1 > tok.i and doc[end - 1].is_lower and doc[end - 1].lower_ in _RUN_ON:
            end -= 1  # "Megan Rowlands of the …": the entity ran on into a preposition
    for k in range(tok.i - 1, start - 1, -1):
        if doc[k].is_punct and doc[k].text not in ("-", "’s", "'s"):
            start = k + 1  # "the Revolution, Pezeshkian": a clause before, not a modifier
            break
    return make_mention(doc, start, end)


def _named_apposition(tok: Token) -> Token:
    """For "the clinic's surgeon, Dr Ann Byrne, said": the name, which is who spoke."""
    if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or tok.lower_ in PRONOUNS:
        return tok
    for child in tok.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and is_capitalised(child) and (
            child.doc[child.left_edge.i - 1].text == "," or child.left_edge.i == tok.i + 1
        ):  # "the surgeon, Dr Ann Byrne, said", "her coach Ann Byrne said"
            return child
        if child.dep_ == "prep" and child.lower_ in _AGENT_OF and tok.lower_ in ROLE_NOUNS:
            # "A spokeswoman for Marsh, Ida Brandt, said": the parser hangs the name on
            # Marsh, but one named person is not set beside another; it names the role.
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                named = [a for a in obj.rights if a.dep_ == "appos" and a.pos_ == "PROPN"
                         and a.doc[a.left_edge.i - 1].text == ","]
                if named and obj.pos_ == "PROPN":
                    return named[0]
    return tok


def parsed_subject(cue: Token, blocked: bytearray) -> Token | None:
    """The grammatical subject of a cue, climbing conjoined and adverbial verbs."""
    if cue.lower_ == "according":
        # "according to X": the source is the object of "to", never the clause's subject.
        obj = next((c for c in cue.subtree if c.dep_ == "pobj" and not blocked[c.i]), None)
        if obj is not None and obj.lower_ in NOUN_CUES:
            # "according to a statement from its director, Ann Lee": who made the statement
            by = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ in _MADE_BY), None)
            made = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
            return made if made is not None and not blocked[made.i] else obj
        return obj
    t = cue
    for _ in range(4):
        found = [c for c in t.children if c.dep_ in _SUBJ_DEPS and not blocked[c.i]]
        if len(found) > 1 and any(x.text == "," for x in cue.doc[found[0].i : found[-1].i]):
            # "Quoting Smith, the paper said": a phrase set off by a comma is no subject.
            found = [found[-1]] if found[-1].i < t.i else [found[0]]
        if found:
            # "His rival Kieran Dwyer agreed" parsed with two subjects: the name is the one,
            # else the nearer ("Police ‘overwhelmed’, says chief constable").
            return next((c for c in found if c.pos_ == "PROPN"),
                        min(found, key=lambda c: abs(c.i - t.i)))
        if t.dep_ in ("relcl", "acl") and any(c.lower_ == "to" for c in t.lefts):
            # "It goes on in the second paragraph to ask": an infinitive the parser hung on a
            # noun still has the clause's subject as its speaker.
            t = t.head
            while t.pos_ not in ("VERB", "AUX") and t.head is not t:
                t = t.head
        elif t.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep", "acl") and t.head is not t:
            t = t.head
        else:
            break
    return None
