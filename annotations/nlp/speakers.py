"""Who a mention refers to: full names for surnames and titles, people for pronouns."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .lexicon import DETERMINERS, ORG_NOUNS, PERSON_NOUNS, pronoun_gender
from .mentions import Mention
from .names import PersonTable, is_org_name, name_words
from .text import words

_MAX_RECENT = 8
_ORG_REACH = 3  # sentences back an "it" or "they" may look for its organisation
_LOOK_BACK = 12  # people mentions searched backwards for a pronoun's antecedent
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
_AGE = re.compile(r"\d+\s*-\s*years?\s*-\s*old$")
_FIRM_NOUNS = words("company firm group maker giant retailer bank")
_INDEFINITE = words("a an one another some any")
_FIRM_ENDINGS = ("inc", "inc.", "corp", "corp.", "co.", "ltd", "ltd.", "llc", "plc", "group", "ag")


@dataclass
class Noted:
    """The last subject the resolver saw: where, what, and who it was."""

    pos: int
    mention: Mention
    canonical: str


class Resolver:
    """Walks a document's subject mentions in order and resolves mentions at each point."""

    def __init__(self, table: PersonTable, events: list[Mention], sent_ends: list[int]) -> None:
        self.table = table
        self.sent_ends = sent_ends
        # People seen so far: (sentence number, canonical name, was a subject).
        self.seen: list[tuple[int, str, bool]] = []
        self.events = sorted(events, key=lambda m: m.start)
        self._starts = [m.start for m in self.events]
        self._next = 0
        self.recent: list[str] = []
        self.gender = {p.name: p.gender for p in table.people.values() if p.gender}
        self.orgs: list[str] = []
        self.org_sents: list[int] = []  # sentence number of each entry in orgs
        self.loose_names: list[str] = []  # single-word names tagged as non-people
        self.last_subject: Noted | None = None
        self.headline_end = 0  # a headline's descriptions may point forward

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
            g = pronoun_gender(m.text)
            if g in ("m", "f"):
                ante = self._antecedent(g, m.start)
                if ante:
                    return ante
                for p in reversed(self.recent):
                    if self.gender.get(p, g) == g:
                        return p
                # The small NER model often calls a lone surname ORG: better than nothing.
                return self.loose_names[-1] if self.loose_names else None
            if g in ("p", "n"):
                # "it"/"they" for an organisation named in this or the last few sentences.
                near = bisect_right(self.sent_ends, m.start) - _ORG_REACH
                return self.orgs[-1] if self.orgs and self.org_sents[-1] >= near else None
            return None
        if m.kind == "name":
            orgish = m.label in _ORG_LABELS or is_org_name(m.text)
            if orgish and not self.table.lookup(m.text.split()[-1], m.start):
                # "the National Weather Service": an organisation keeps its whole name.
                parts = m.text.split()
                return " ".join(parts[1:] if parts[0].lower() in DETERMINERS else parts)
            names, _ = name_words(m.text)
            if len(names) == 1:
                return self.table.lookup(names[0], m.start) or names[0]
            if len(names) >= 2:
                full = " ".join(names)
                known = self.table.lookup(names[-1], m.start)
                return known if known and known.endswith(full) else full
            return m.text
        if m.kind == "role":
            parts = m.text.lower().split()
            if parts[0] in _INDEFINITE:
                return None  # "a Treasury official", "one aide": someone not named
            for k, w in enumerate(parts[1:], 1):
                if w in ("for", "to"):
                    parts = parts[:k]  # "the spokeswoman for the governor" is not the governor
                    break
            words = set(parts) - DETERMINERS
            # A headline's "says Harwick mayor" names the mayor the article goes on to name;
            # anywhere else a description means someone named before it or beside it in its
            # sentence ("The club's owner, Colm Reddy,"), or no one known.
            found = self.table.describe(
                words, None if m.start < self.headline_end else self._sentence_end(m.start))
            if found:
                ranked = [p for p in reversed(self.recent) if any(f.name == p for f in found)]
                return ranked[0] if ranked else found[-1].name
            return self._in_focus(m)
        if m.kind == "org":
            if m.text[:1].isupper() and m.text.split()[0].lower() not in DETERMINERS:
                return m.text
            # "the ministry" → "the Ministry of Defence"; "the company" → "Acme Inc."
            head = m.text.split()[-1].lower()
            for org in reversed(self.orgs):
                low = org.lower()
                if head in low.split() or head in self.table.org_words.get(org, ()) or (
                    head in _FIRM_NOUNS and low.endswith(_FIRM_ENDINGS)
                ):
                    return org
            return None
        if m.kind == "other":
            last = m.text.split()[-1]
            if last[:1].isupper() and m.text[:1].isupper():
                return self.table.lookup(last, m.start)  # a surname the tagger missed
            return self._in_focus(m)
        return None

    def _sentence_end(self, pos: int) -> int:
        """The end of the sentence holding pos."""
        i = bisect_right(self.sent_ends, pos)
        return self.sent_ends[i] if i < len(self.sent_ends) else pos + 10_000

    def _in_focus(self, m: Mention) -> str | None:
        """The person a definite description ("the 24-year-old", "the mother") refers back
        to: the one most recently in focus, when the description is of a private person."""
        parts = m.text.lower().split()
        if len(parts) < 2 or parts[0] != "the":
            return None  # "one mother", "a resident": someone new
        head = parts[parts.index("of") - 1] if "of" in parts[2:] else parts[-1]  # "mother of two"
        described = [p for p in self.table.describe({head}, m.start) if p.pos < m.start]
        if described and head not in ORG_NOUNS:
            # "Senior coroner Ann Lee … the coroner said": the one introduced as one.
            ranked = [p for p in reversed(self.recent) if any(d.name == p for d in described)]
            return ranked[0] if ranked else max(described, key=lambda p: p.pos).name
        if not (_AGE.search(m.text) or head in PERSON_NOUNS):
            return None
        return self._antecedent(None, m.start)

    def _antecedent(self, gender: str | None, pos: int) -> str | None:
        """The person a he/she refers to: sentence by sentence backwards, subjects first."""
        here = bisect_right(self.sent_ends, pos)
        current: int | None = None
        subject = other = None
        for sent, name, is_subject in reversed(self.seen[-_LOOK_BACK:]):
            if sent != current:
                if subject or other:
                    break
                current = sent
            if gender is not None and self.gender.get(name, gender) != gender:
                continue
            if is_subject:
                subject = name  # walking backwards: ends on the sentence's first subject
            elif other is None and sent != here:
                # In its own sentence a pronoun rarely means a non-subject ("Asked about
                # Smith, he said"); in an earlier one it may ("… quoted Lee. She added").
                other = name
        return subject or other

    def is_person(self, m: Mention, canonical: str | None) -> bool:
        """Whether a resolved mention is a person (not an organisation)."""
        if canonical is None:
            return False
        if m.kind == "pronoun":
            return pronoun_gender(m.text) in ("m", "f")
        if m.kind == "name" or (m.kind == "other" and canonical in self.table.people):
            known = canonical in self.table.people
            return known or (m.label not in _ORG_LABELS and not is_org_name(m.text))
        return m.kind == "role"

    def note(self, m: Mention, canonical: str | None, *, source: bool = False) -> None:
        """Make a resolved mention the most recent of its kind (source: it spoke)."""
        if canonical is None:
            return
        if source and m.kind == "name" and " " not in canonical and m.label in _ORG_LABELS:
            # "Fifita explains": the small model often tags a lone surname ORG; one who
            # speaks may well be the "she" of the next sentence, but only as a weak candidate.
            self.seen.append((bisect_right(self.sent_ends, m.start), canonical, False))
        if self.is_person(m, canonical):
            self.seen.append((bisect_right(self.sent_ends, m.start), canonical, m.subject))
            # Only a speaker's he/she teaches a gender: one inside a reported clause ("Lee's
            # coach said that she would appeal") is too often someone else.
            g = pronoun_gender(m.text) if m.kind == "pronoun" and source else ""
            if g in ("m", "f"):
                self.gender.setdefault(canonical, g)
            if not m.subject:
                return
            if canonical in self.recent:
                self.recent.remove(canonical)
            self.recent.append(canonical)
            del self.recent[:-_MAX_RECENT]
            self.last_subject = Noted(m.start, m, canonical)
        else:
            if m.kind == "name" and " " not in canonical:
                self.loose_names.append(canonical)
                del self.loose_names[:-_MAX_RECENT]
            if m.label == "ORG" or is_org_name(canonical) or (
                m.kind == "org" and canonical[:1].isupper()
            ):
                self.orgs.append(canonical)
                self.org_sents.append(bisect_right(self.sent_ends, m.start))
            del self.orgs[:-_MAX_RECENT]
            del self.org_sents[:-_MAX_RECENT]
