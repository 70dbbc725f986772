"""Who a mention refers to: full names for surnames and titles, people for pronouns."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .mentions import (
    DETERMINERS,
    FUNCTION_WORDS,
    PRONOUNS,
    TITLES,
    Mention,
    is_capitalised,
    make_mention,
    name_end,
    parsed_phrase,
)
from .text import words
from .tokens import DocIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Capitalised words that open sentences or name things other than people.
_NOT_NAME = words(
    """the a an in on at but and or if as for from to of by with when while after before
    however this that these those his her their its our my i we you he she they it
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december"""
)
_NON_PERSON_WORDS = words(
    """university department police ministry street house party council company inc corp
    post journal times news revolution festival city state states union agency court
    bank group committee office church school hospital airport road avenue park river
    county republic kingdom nations fest association institute foundation"""
)
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "ani", "eli", "aqi", "ch")
_MAX_RECENT = 8
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
_PARTICLES = words("de van von bin al da del la le di du st. jr. sr.")
GUESS = "GUESS"  # label of a one-word name guessed from its position, without NER
_HE_SHE = frozenset({"he", "she"})
_FIRM_NOUNS = words("company firm group maker giant retailer bank")
_FIRM_ENDINGS = ("inc", "inc.", "corp", "corp.", "co.", "ltd", "ltd.", "llc", "plc", "group", "ag")
_OBJECT_BEFORE = words(
    """of at in on to from with by for about near into onto than the a an against over
    under between among toward towards"""
)


@dataclass
class Person:
    """A person introduced by full name, with the words used to describe them."""

    name: str
    pos: int
    words: set[str] = field(default_factory=set)


def _is_descriptor(word: str) -> bool:
    """A word that introduces a name rather than belonging to it ("Iranian", "U.S.", "Sen.")."""
    low = word.lower().strip(".")
    return (
        low in TITLES
        or low in _NOT_NAME
        or "." in word.rstrip(".")
        or (len(low) > 4 and low.endswith(_DEMONYM_ENDINGS))
    )


def _name_words(text: str) -> tuple[list[str], set[str]]:
    """Split a name mention into name words and the title/description words before them."""
    words = text.replace("’s", "").replace("'s", "").split()
    desc: set[str] = set()
    titled = [i for i, w in enumerate(words[:-1]) if w.lower().strip(".") in TITLES]
    if titled:
        # "Iranian President Masoud Pezeshkian": the name is what follows the last title.
        desc.update(w.lower().strip(".") for w in words[: titled[-1] + 1])
        words = words[titled[-1] + 1 :]
    if len(words) > 2 and words[-1].lower().strip(".,") in ("jr", "sr", "ii", "iii", "iv"):
        words = words[:-1]
    while len(words) > 1 and (
        words[0].lower() in _NOT_NAME
        or not words[0][:1].isupper()  # "farmer Ines Alvarez"
        or (len(words) > 2 and _is_descriptor(words[0]))
    ):
        desc.add(words.pop(0).lower().strip("."))
    if len(words) > 3 and words[-3].lower() not in _PARTICLES:
        desc.update(w.lower() for w in words[:-2])  # "Harbour Master Olivia Brandt"
        words = words[-2:]
    return words, desc


class PersonTable:
    """Full names seen in a document, findable by surname or first name."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self._by_word: dict[str, list[Person]] = {}

    def add(self, text: str, pos: int, words: set[str] | None = None) -> str | None:
        """Record a full name (two or more name words); returns its canonical form."""
        names, desc = _name_words(text)
        if len(names) < 2 or len(names) > 4:
            return None
        name = " ".join(names)
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name, pos)
            for w in (names[0], names[-1]):
                self._by_word.setdefault(w.lower(), []).append(person)
        person.words |= desc | (words or set()) | {w.lower() for w in names}
        return name

    def lookup(self, word: str, pos: int) -> str | None:
        """The full name a lone surname (or first name) refers to at pos."""
        people = self._by_word.get(word.lower())
        if not people:
            return None
        before = [p for p in people if p.pos <= pos]
        return (before[-1] if before else people[0]).name

    def describe(self, words: set[str], pos: int) -> list[Person]:
        """People whose descriptions share words with a "the Iranian leader" phrase."""
        best: list[Person] = []
        score = 0
        for p in self.people.values():
            s = len(words & p.words)
            if s > score:
                best, score = [p], s
            elif s == score and s:
                best.append(p)
        return best


@dataclass
class Noted:
    """The last subject the resolver saw: where, what, and who it was."""

    pos: int
    mention: Mention
    canonical: str


class Resolver:
    """Walks a document's subject mentions in order and resolves mentions at each point."""

    def __init__(self, table: PersonTable, events: list[Mention]) -> None:
        self.table = table
        self.events = sorted(events, key=lambda m: m.start)
        self._starts = [m.start for m in self.events]
        self._next = 0
        self.recent: list[str] = []
        self.gender: dict[str, str] = {}
        self.orgs: list[str] = []
        self.loose_names: list[str] = []  # single-word names tagged as non-people
        self.last_subject: Noted | None = None

    def advance(self, pos: int) -> None:
        """Take in every subject mention that starts before pos."""
        end = bisect_left(self._starts, pos)
        while self._next < end:
            m = self.events[self._next]
            self._next += 1
            self.note(m, self.resolve(m))

    def resolve(self, m: Mention) -> str | None:
        """The canonical speaker a mention stands for, given what came before it."""
        if m.kind == "pronoun":
            g = PRONOUNS.get(m.text.lower(), "")
            if g in ("m", "f"):
                for p in reversed(self.recent):
                    if self.gender.get(p, g) == g:
                        return p
                # The small NER model often calls a lone surname ORG: better than nothing.
                return self.loose_names[-1] if self.loose_names else None
            if g in ("p", "n"):
                return self.orgs[-1] if self.orgs else None
            return None
        if m.kind == "name":
            if m.label in _ORG_LABELS and not self.table.lookup(m.text.split()[-1], m.start):
                # "the National Weather Service": an organisation keeps its whole name.
                parts = m.text.split()
                return " ".join(parts[1:] if parts[0].lower() in DETERMINERS else parts)
            names, _ = _name_words(m.text)
            if len(names) == 1:
                return self.table.lookup(names[0], m.start) or names[0]
            if len(names) >= 2:
                full = " ".join(names)
                known = self.table.lookup(names[-1], m.start)
                return known if known and known.endswith(full) else full
            return m.text
        if m.kind == "role":
            words = {w.lower() for w in m.text.split()} - DETERMINERS
            found = self.table.describe(words, m.start)
            if found:
                ranked = [p for p in reversed(self.recent) if any(f.name == p for f in found)]
                return ranked[0] if ranked else found[-1].name
            return self.recent[-1] if self.recent and m.text.lower().startswith("the ") else None
        if m.kind == "org":
            if m.text[:1].isupper() and m.text.split()[0].lower() not in DETERMINERS:
                return m.text
            # "the ministry" → "the Ministry of Defence"; "the company" → "Acme Inc."
            head = m.text.split()[-1].lower()
            for org in reversed(self.orgs):
                low = org.lower()
                if head in low.split() or (head in _FIRM_NOUNS and low.endswith(_FIRM_ENDINGS)):
                    return org
            return None
        return None

    def is_person(self, m: Mention, canonical: str | None) -> bool:
        """Whether a resolved mention is a person (not an organisation)."""
        if canonical is None:
            return False
        if m.kind == "pronoun":
            return PRONOUNS.get(m.text.lower()) in ("m", "f")
        if m.kind == "name":
            known = canonical in self.table.people
            return known or m.label not in _ORG_LABELS
        return m.kind == "role"

    def note(self, m: Mention, canonical: str | None) -> None:
        """Make a resolved mention the most recent of its kind."""
        if canonical is None:
            return
        if self.is_person(m, canonical):
            if canonical in self.recent:
                self.recent.remove(canonical)
            self.recent.append(canonical)
            del self.recent[:-_MAX_RECENT]
            g = PRONOUNS.get(m.text.lower(), "")
            if g in ("m", "f"):
                self.gender.setdefault(canonical, g)
            self.last_subject = Noted(m.start, m, canonical)
        else:
            if m.kind == "name" and " " not in canonical:
                self.loose_names.append(canonical)
                del self.loose_names[:-_MAX_RECENT]
            if m.label == "ORG" or (m.kind == "org" and canonical[:1].isupper()):
                self.orgs.append(canonical)
            del self.orgs[:-_MAX_RECENT]


def build_people(ix: DocIndex, blocked: bytearray) -> PersonTable:
    """Full names from PERSON entities, or from capitalised runs when there is no NER."""
    doc = ix.doc
    table = PersonTable()
    if doc.has_annotation("ENT_IOB"):
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not blocked[ent.start]:
                before = {t.lower_ for t in doc[max(0, ent.start - 3) : ent.start] if t.is_alpha}
                table.add(ent.text, ent.start_char, before - _NOT_NAME)
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
        names, _ = _name_words(doc[i:j].text)
        if not any(w.lower() in _NON_PERSON_WORDS or w.lower() in ix.lower for w in names):
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
