"""Collecting the mentions that make someone the topic, in document order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .mentions import FUNCTION_WORDS, Mention, is_capitalised, make_mention, name_end, parsed_phrase
from .names import NON_PERSON_WORDS, NOT_NAME, PersonTable, name_words
from .text import words
from .tokens import DocIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

GUESS = "GUESS"  # label of a one-word name guessed from its position, without NER
_HE_SHE = frozenset({"he", "she"})
_OBJECT_BEFORE = words(
    """of at in on to from with by for about near into onto than the a an against over
    under between among toward towards"""
)



def build_people(ix: DocIndex, blocked: bytearray) -> PersonTable:
    """Full names from PERSON entities, or from capitalised runs when there is no NER."""
    doc = ix.doc
    table = PersonTable()
    if doc.has_annotation("ENT_IOB"):
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not blocked[ent.start]:
                before = {t.lower_ for t in doc[max(0, ent.start - 3) : ent.start] if t.is_alpha}
                table.add(ent.text, ent.start_char, before - NOT_NAME)
        return table
    n, done = len(doc), 0
    for i in ix.word_tokens():
        if i < done or blocked[i]:
            continue
        j = name_end(doc, i, min(n, i + 8))
        j = next((k for k in range(i, j) if blocked[k]), j)
        done = max(j, i + 1)
        opens = i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space
        if opens and doc[i].lower_.endswith(("ing", "ed", "ly")):
            i += 1  # "Questioning Washington's …": a sentence-initial verb, not a first name
        if i >= j:
            continue
        names, _ = name_words(doc[i:j].text)
        if not any(w.lower() in NON_PERSON_WORDS or w.lower() in ix.lower for w in names):
            table.add(doc[i:j].text, doc[i].idx)
    return table


def _blank_name(doc: Doc, i: int, lower: set[str], table: PersonTable) -> int:
    """Without a parser: the end of a name starting at i in subject-like position, else 0."""
    tok = doc[i]
    if not is_capitalised(tok) or tok.lower_ in lower or tok.lower_ in FUNCTION_WORDS:
        return 0
    prev = doc[i - 1] if i else None
    if prev is not None and (prev.lower_ in _OBJECT_BEFORE or is_capitalised(prev)):
        return 0  # "the entrance of Doki Doki": an object, not who the text is about
    end = name_end(doc, i, min(len(doc), i + 5))
    if table.lookup(doc[end - 1].text, tok.idx):
        return end
    opens = prev is None or prev.is_punct or prev.is_space
    verbish = tok.lower_.endswith(("ing", "ly", "ed"))  # "Turning to …, he said"
    if opens and end == i + 1 and not verbish and end < len(doc) and doc[end].is_lower:
        return end
    return 0


def subject_events(ix: DocIndex, blocked: bytearray, table: PersonTable) -> list[Mention]:
    """Mentions that make someone the topic: subjects (parsed) or names and pronouns."""
    doc = ix.doc
    events: list[Mention] = []
    if doc.has_annotation("DEP"):
        for i in ix.dep_tokens(("nsubj", "nsubjpass")):
            tok = doc[i]
            if not blocked[i] and tok.head.pos_ in ("VERB", "AUX"):
                m = parsed_phrase(tok)
                if m is not None and m.kind != "other":
                    events.append(m)
        # Organisations named anywhere are what a later "it" or "they" most likely means.
        events.extend(
            Mention(e.start_char, e.end_char, e.text, "org", "ORG")
            for e in doc.ents
            if e.label_ == "ORG" and not blocked[e.start]
        )
        return events
    for i in ix.word_tokens():
        if blocked[i]:
            continue
        if end := _blank_name(doc, i, ix.lower, table):
            m = make_mention(doc, i, end)
            if m is not None:
                known = table.lookup(doc[end - 1].text, m.start) is not None
                events.append(Mention(m.start, m.end, m.text, "name", "" if known else GUESS))
    for i in ix.word_tokens(_HE_SHE):
        if not blocked[i]:
            tok = doc[i]
            events.append(Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun"))
    return events
