"""Full names in a document: splitting titles off, finding people by surname or description."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gender import HONORIFICS, is_given_name, name_gender
from .lexicon import TITLES
from .text import words

NOT_NAME = words(
    """the a an in on at but and or if as for from to of by with when while after before
    however this that these those his her their its our my i we you he she they it
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december"""
)
NON_PERSON_WORDS = words(
    """university department police ministry street house party council company inc corp
    post journal times news revolution festival city state states union agency court
    bank group committee office church school hospital airport road avenue park river
    county republic kingdom nations fest association institute foundation water energy
    foods homes airlines airways motors holdings partners systems technologies labs media
    railways telecom pharmaceuticals insurance logistics solutions services industries
    enterprises ventures brewery mining"""
)
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "ani", "eli", "aqi", "ch")
_PARTICLES = words("de van von bin al da del la le di du st. jr. sr.")


@dataclass
class Person:
    """A person introduced by full name, with the words used to describe them."""

    name: str
    pos: int
    words: set[str] = field(default_factory=set)
    gender: str = ""  # "m" or "f" when a title, a his/her or a common first name says so


def _is_descriptor(word: str) -> bool:
    """A word that introduces a name rather than belonging to it ("Iranian", "U.S.", "Sen.")."""
    low = word.lower().strip(".")
    return (
        low in TITLES
        or low in NOT_NAME
        or "." in word.rstrip(".")
        or (len(low) > 4 and low.endswith(_DEMONYM_ENDINGS))
    )


def name_words(text: str) -> tuple[list[str], set[str]]:
    """Split a name mention into name words and the title/description words before them."""
    words = text.split()
    desc: set[str] = set()
    owner = [i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s", "’", "'"))]
    if owner:
        # "CNN's Sara Dorsey": the owner describes the person, it is not their name.
        desc.update(w.lower() for w in words[: owner[-1] + 1])
        words = words[owner[-1] + 1 :]
    words = [w.replace("’s", "").replace("'s", "") for w in words]
    titled = [i for i, w in enumerate(words[:-1]) if w.lower().strip(".") in TITLES]
    if titled:
        # "Iranian President Masoud Pezeshkian": the name is what follows the last title.
        desc.update(w.lower().strip(".") for w in words[: titled[-1] + 1])
        words = words[titled[-1] + 1 :]
    if len(words) > 2 and words[-1].lower().strip(".,") in ("jr", "sr", "ii", "iii", "iv"):
        words = words[:-1]
    while len(words) > 1 and (
        words[0].lower() in NOT_NAME
        # "Quoting Smith, the paper said": a participle opening the sentence, not a first name
        or (words[0].lower().endswith("ing") and not is_given_name(words[0]))
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
        # Words that introduced an organisation ("the campaign group Fair Roads"): "the group".
        self.org_words: dict[str, set[str]] = {}

    def add(self, text: str, pos: int, words: set[str] | None = None) -> str | None:
        """Record a full name (two or more name words); returns its canonical form."""
        names, desc = name_words(text)
        if len(names) < 2 or len(names) > 4:
            return None
        name = " ".join(names)
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name, pos)
            for w in (names[0], names[-1]):
                self._by_word.setdefault(w.lower(), []).append(person)
        person.words |= desc | (words or set()) | {w.lower() for w in names}
        person.gender = person.gender or next((HONORIFICS[w] for w in desc if w in HONORIFICS), "")
        return name

    def set_gender(self, word: str, pos: int, gender: str) -> None:
        """"Ms Lee" said at pos: the Lee it refers to is a woman (an honorific beats a guess)."""
        name = self.lookup(word, pos)
        if name is not None:
            self.people[name].gender = gender

    def guess_genders(self) -> None:
        """People still of open gender get the one their common first name suggests."""
        for p in self.people.values():
            p.gender = p.gender or name_gender(p.name.split()[0])

    def lookup(self, word: str, pos: int) -> str | None:
        """The full name a lone surname (or first name) refers to at pos."""
        people = self._by_word.get(word.lower())
        if not people:
            return None
        before = [p for p in people if p.pos <= pos]
        return (before[-1] if before else people[0]).name

    def describe(self, words: set[str], pos: int | None) -> list[Person]:
        """People introduced before pos (None: anywhere) whose descriptions share words with
        a "the Iranian leader" phrase (a description never means someone named only later)."""
        best: list[Person] = []
        score = 0
        for p in self.people.values():
            if pos is not None and p.pos > pos:
                continue
            s = len(words & p.words)
            if s > score:
                best, score = [p], s
            elif s == score and s:
                best.append(p)
        return best


def person_like(text: str) -> str | None:
    """A name the tagger did not call a person but that starts with a common given name
    ("Megan Rowlands of" tagged ORG): the name itself, else None."""
    parts = text.split()
    while parts and not parts[-1][:1].isupper():
        parts.pop()  # "Megan Rowlands of": the tagger ran on into a preposition
    if not 2 <= len(parts) <= 3 or not is_given_name(parts[0]):
        return None
    name = " ".join(parts)
    ok = all(p[:1].isupper() for p in parts) and not is_org_name(name)
    return name if ok and parts[-1].lower() not in NOT_NAME else None


def is_org_name(text: str) -> bool:
    """A capitalised name ending in a word no person's name ends in ("Greenfield Water")."""
    last = text.split()[-1].lower() if text.split() else ""
    return len(text.split()) > 1 and last in NON_PERSON_WORDS
