"""Collecting the mentions that make someone the topic, in document order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import headline_cue
from .gender import HONORIFICS, honorific_gender, is_given_name
from .heuristics import name_end
from .lexicon import FUNCTION_WORDS, ORG_NOUNS, PERSON_NOUNS, PERSON_TITLES, ROLE_NOUNS
from .mentions import Mention, is_capitalised, make_mention, parsed_phrase
from .names import NON_PERSON_WORDS, NOT_NAME, PersonTable, is_org_name, name_words, person_like
from .text import words
from .tokens import DocIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

GUESS = "GUESS"  # label of a one-word name guessed from its position, without NER
_HE_SHE = frozenset({"he", "she"})
_ARTICLES = words("the a an")
_POSSESSIVES = {"his": "m", "her": "f"}
_OTHER_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT"})
_OBJECT_BEFORE = words(
    """of at in on to from with by for about near into onto than the a an against over
    under between among toward towards"""
)
# Offices held over a place or a body: the name after "<office> of" is that place.
_PLACE_OFFICES = words("mayor mayoress governor provost premier sheriff lord-lieutenant")



def build_people(ix: DocIndex, blocked: bytearray) -> PersonTable:
    """Full names from PERSON entities, or from capitalised runs when there is no NER."""
    doc = ix.doc
    table = PersonTable()
    if doc.has_annotation("ENT_IOB"):
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not blocked[ent.start] and not is_org_name(ent.text) and (
                not _office_of(doc, ent.start)
            ):
                end = headline_cue_cut(doc, ent.start, ent.end)
                name = table.add(doc[ent.start : end].text, ent.start_char,
                                 descriptors(doc, ent.start, end))
                if name and not table.people[name].gender:
                    table.people[name].gender = possessive_gender(doc, ent.end, blocked)
            elif ent.label_ in _OTHER_NAME_LABELS and not blocked[ent.start] and (
                (named := person_like(ent.text)) is not None
            ):
                # The small model often tags an unfamiliar full name ORG; a common given
                # name in front says it is a person.
                table.add(named, ent.start_char, descriptors(doc, ent.start, ent.end))
            elif ent.label_ == "ORG" and not blocked[ent.start]:
                table.org_words.setdefault(ent.text, set()).update(
                    descriptors(doc, ent.start, ent.end))
        for i, j in titled_names(ix, blocked) + role_appositions(ix, blocked):
            table.add(doc[i:j].text, doc[i].idx)
        _honorific_genders(ix, blocked, table)
        return table
    n, done = len(doc), 0
    for i in ix.word_tokens():
        if i < done or blocked[i]:
            continue
        j = name_end(doc, i, min(n, i + 8))
        j = headline_cue_cut(doc, i, next((k for k in range(i, j) if blocked[k]), j))
        done = max(j, i + 1)
        opens = i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space
        if opens and doc[i].lower_.endswith(("ing", "ed", "ly")):
            i += 1  # "Questioning Washington's …": a sentence-initial verb, not a first name
        if i >= j:
            continue
        names, _ = name_words(doc[i:j].text)
        if not any(w.lower() in NON_PERSON_WORDS or w.lower() in ix.lower for w in names):
            name = table.add(doc[i:j].text, doc[i].idx)
            if name and not table.people[name].gender:
                table.people[name].gender = possessive_gender(doc, j, blocked)
    _honorific_genders(ix, blocked, table)
    return table


def headline_cue_cut(doc: Doc, start: int, end: int) -> int:
    """The end of a name at [start, end) without a title-case headline's cue run into it
    ("Mayor Lee Said “We …”", "Ann Lee Tells Council: “…”"): the name ends before the verb."""
    return next((k for k in range(start + 1, end) if headline_cue(doc[k])), end)


def _honorific_genders(ix: DocIndex, blocked: bytearray, table: PersonTable) -> None:
    """"Ms Calloway", "Mr Tan": the honorific settles the gender of the person named; the
    rest get the one a common first name suggests."""
    doc, n = ix.doc, len(ix.doc)
    for i in ix.word_tokens(frozenset(HONORIFICS)):
        k = i + 2 if i + 1 < n and doc[i + 1].text == "." else i + 1  # "Mr. Tan"
        gender = honorific_gender(doc[i].text)  # the token may be "Mr." or "MRS"
        if not gender or blocked[i] or not is_capitalised(doc[i]) or k >= n or (
            not is_capitalised(doc[k])
        ):
            continue
        j = name_end(doc, k, min(n, k + 4))
        table.set_gender(doc[j - 1].text, doc[i].idx, gender)
    table.guess_genders()


def _office_of(doc: Doc, start: int) -> bool:
    """"The mayor of Ashby Magna": a name after the office of a place or body is that place,
    however the tagger labels it; "the coach of Serena Williams" is still a person."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in _PLACE_OFFICES:
        return False
    first = doc[start].text
    return not honorific_gender(first) and not is_given_name(first)


def possessive_gender(doc: Doc, end: int, blocked: bytearray) -> str:
    """"Ann Lee and her coach", "Lee lost his seat": a his/her soon after a name, before
    any other name or the sentence end, says whether the person is a man or a woman."""
    for t in doc[end : min(len(doc), end + 8)]:
        if blocked[t.i] or t.text in (".", "!", "?", ";", ":") or (
            t.i > end and is_capitalised(t)
        ):
            return ""
        if t.lower_ in _POSSESSIVES and _is_possessive(doc, t.i):
            return _POSSESSIVES[t.lower_]
    return ""


def _is_possessive(doc: Doc, i: int) -> bool:
    """"her coach", not "thanked her for": an object "her" says nothing about the name."""
    if doc.has_annotation("TAG"):
        return doc[i].tag_ == "PRP$"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.is_alpha and nxt.lower_ not in _OBJECT_BEFORE | FUNCTION_WORDS


def descriptors(doc: Doc, start: int, end: int) -> set[str]:
    """Words introducing the name at [start, end): "spokesman for the ministry Ann Lee",
    "the ministry's spokeswoman, Ann Lee", "Ann Lee, the ministry's spokeswoman,"."""
    found: set[str] = set()
    k = start - 1
    if k >= 0 and doc[k].lower_ in _OBJECT_BEFORE - _ARTICLES:
        k = -1  # "the campaign ad for Ann Lee": words before a preposition are not hers
    comma = k >= 0 and doc[k].text == ","
    if comma:
        k -= 1
    while k >= max(0, start - 9) and not doc[k].is_punct and doc[k].pos_ not in ("VERB", "AUX"):
        found.add(doc[k].lower_)
        k -= 1
        if not comma and k > 0 and doc[k].text == "," and doc[k - 1].lower_ in ROLE_NOUNS:
            # "The club's owner, the businessman Ann Lee": a role set beside the description
            comma = True
            k -= 1
    if end < len(doc) and doc[end].text == ",":
        for t in doc[end + 1 : min(len(doc), end + 9)]:
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                break
            found.add(t.lower_)
    return {w for w in found if w.isalpha()} - NOT_NAME


def titled_names(ix: DocIndex, blocked: bytearray) -> list[tuple[int, int]]:
    """Token ranges of "Governor Nadia Frost"-style names: a person title, then a name.

    The small NER model often calls an unfamiliar name ORG; a title in front settles it.
    """
    doc, n = ix.doc, len(ix.doc)
    found = []
    for i in ix.word_tokens(PERSON_TITLES):
        if blocked[i] or not is_capitalised(doc[i]):
            continue
        k = i + 1
        while k < n and (doc[k].lower_.strip(".") in PERSON_TITLES or doc[k].text == "."):
            k += 1  # "Prime Minister", "Lt. Gen."
        j = headline_cue_cut(doc, k, name_end(doc, k, min(n, k + 4))) if k < n else k
        if j - k >= 2 and not any(blocked[k:j]) and doc[j - 1].lower_ not in NON_PERSON_WORDS:
            found.append((i, j))
    return found


def role_appositions(ix: DocIndex, blocked: bytearray) -> list[tuple[int, int]]:
    """Token ranges of names set beside a role: "The prime minister, Jan Novak, said"."""
    doc = ix.doc
    if not doc.has_annotation("DEP"):
        return []
    found = []
    for i in ix.dep_tokens(("appos",)):
        tok = doc[i]
        head = tok.head.lower_
        if blocked[i] or tok.pos_ != "PROPN" or tok.head.i > i:
            continue
        if head in ROLE_NOUNS or head in PERSON_TITLES or head in PERSON_NOUNS:
            start = tok.left_edge.i
            if i + 1 - start >= 2 and not is_org_name(doc[start : i + 1].text):
                found.append((start, i + 1))
    return found


def _a_person(text: str, table: PersonTable) -> bool:
    """An ORG entity that is really a person: "Megan Rowlands of", or a known first name."""
    parts = text.split()
    return person_like(text) is not None or (
        len(parts) == 1 and table.lookup(parts[0], 0) is not None)


def _named_after_org_noun(ix: DocIndex, blocked: bytearray, table: PersonTable
                          ) -> list[Mention]:
    """"the campaign group Open Streets": a name right after an organisation noun is an
    organisation, even when the tagger does not say so."""
    doc, found = ix.doc, []
    for i in ix.word_tokens(ORG_NOUNS):
        k = i + 1
        if blocked[i] or k >= len(doc) or not is_capitalised(doc[k]) or doc[k].ent_type_:
            continue
        j = name_end(doc, k, min(len(doc), k + 5))
        if j - k >= 2 and not any(blocked[k:j]):
            span = doc[k:j]
            table.org_words.setdefault(span.text, set()).update(descriptors(doc, k, j))
            found.append(Mention(span.start_char, span.end_char, span.text, "org", "ORG"))
    return found


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


def _blank_org(doc: Doc, i: int) -> Mention | None:
    """Without NER: "Bluebrook Water" (a name ending in a company word) as an organisation."""
    if i and (is_capitalised(doc[i - 1]) or doc[i].lower_ in FUNCTION_WORDS):
        return None
    end = name_end(doc, i, min(len(doc), i + 5))
    m = make_mention(doc, i, end) if end - i >= 2 else None
    if m is None or not is_org_name(m.text):
        return None
    return Mention(m.start, m.end, m.text, "org", "ORG")


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
        # People named elsewhere in a sentence are weaker antecedents than subjects.
        spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
        spans += titled_names(ix, blocked)
        for i, j in spans:
            if not blocked[i] and not any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[i:j]):
                span = doc[i:j]
                events.append(Mention(span.start_char, span.end_char, span.text, "name",
                                      "PERSON", subject=False))
        events.extend(_named_after_org_noun(ix, blocked, table))
        # Organisations named anywhere are what a later "it" or "they" most likely means.
        events.extend(
            Mention(e.start_char, e.end_char, e.text, "org", "ORG")
            for e in doc.ents
            if e.label_ == "ORG" and not blocked[e.start] and not _a_person(e.text, table)
        )
        return events
    for i in ix.word_tokens():
        if blocked[i]:
            continue
        if end := _blank_name(doc, i, ix.lower, table):
            m = make_mention(doc, i, end)
            if m is not None:
                known = table.lookup(doc[end - 1].text, m.start) is not None
                label = "" if known else GUESS  # a guess is never a subject for sure
                events.append(Mention(m.start, m.end, m.text, "name", label, subject=known))
        elif (org := _blank_org(doc, i)) is not None:
            events.append(org)
    for i in ix.word_tokens(_HE_SHE):
        if not blocked[i]:
            tok = doc[i]
            events.append(Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun"))
    return events
