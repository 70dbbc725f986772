"""Word lists for finding and classifying sources: pronouns, titles, roles, organisations."""

from __future__ import annotations

from .text import words

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "i": "", "we": "", "you": ""}
# Possessives standing for a source ("In her words, …").
_POSSESSIVE_PRONOUNS = {"his": "m", "her": "f", "their": "p", "its": "n"}


def pronoun_gender(word: str) -> str:
    """"m", "f", "p" (plural) or "n" (it) for a personal or possessive pronoun, else ""."""
    low = word.lower()
    return PRONOUNS.get(low) or _POSSESSIVE_PRONOUNS.get(low, "")

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
    correspondent reporter analyst pastor bishop cardinal rabbi imam chair constable nana mp"""
)
# Titles that only ever stand before a person's name (not "state", "foreign", "former").
PERSON_TITLES = words(
    """mr mrs ms miss dr prof professor president senator sen rep representative gov governor
    mayor judge justice officer detective sgt sergeant lt lieutenant capt captain col colonel
    gen general adm admiral cmdr commander ambassador chancellor king queen prince princess
    pope rev reverend sir dame lord lady chairman chairwoman ceo coach deputy inspector
    councilman councilwoman councillor congressman congresswoman ayatollah sheikh premier
    minister secretary chief constable nana mp"""
)
ROLE_NOUNS = words(
    """president leader minister spokesman spokeswoman spokesperson official officer chief
    director governor mayor senator secretary chancellor premier ambassador general
    commander chairman chairwoman ceo executive founder judge lawyer attorney prosecutor
    analyst expert researcher professor economist scientist doctor author activist witness
    resident driver owner manager coach player candidate lawmaker legislator diplomat
    envoy negotiator adviser advisor aide man woman boy girl source king queen prince
    pope cleric ayatollah monarch ruler dictator premier chief-executive mp constable"""
)
ORG_NOUNS = words(
    """company firm ministry government agency department administration organization
    organisation group party council committee commission court police army military
    union bank network newspaper paper outlet campaign team club board office embassy
    authority authorities regime cabinet parliament congress senate house university
    school hospital foundation institute association federation league white-house
    kremlin"""
)
NAME_JOINERS = frozenset({"de", "van", "von", "bin", "al", "da", "del", "la", "le", "di", "du"})
GROUP_JOINERS = NAME_JOINERS | {"and", "&"}  # "Burton and Nick" speak together
SKIP_BEFORE_CUE = words(
    """also further then later again previously once never still had has have was is
    were are would will did does do not reportedly repeatedly publicly privately often
    recently earlier once simply just only even quickly firmly had've"""
)
DETERMINERS = words("the a an this that these those his her its their our my your")
# Words that introduce an unnamed person like a determiner ("said one mother").
QUANTIFIERS = words("one another")
# Nouns that describe a private person; "the <noun>" after a named person usually means them.
PERSON_NOUNS = words(
    """mother father mum dad parent wife husband son daughter brother sister grandmother
    grandfather widow widower teenager teen pensioner veteran student pupil nurse teacher
    farmer resident victim survivor neighbour neighbor fan striker midfielder defender
    goalkeeper forward winger captain skier runner swimmer cyclist champion athlete singer
    actor actress star rapper musician artist chef owner youngster mother-of-two
    father-of-two newcomer rookie"""
)
# Capitalised only because they open a sentence: never a name.
FUNCTION_WORDS = DETERMINERS | words(
    """in on at but and or if as for from to of by with when while after before however
    although though because since during despite yet so still meanwhile instead"""
) | PRONOUNS.keys()
# Nouns that stand in for a reporting verb before a colon ("a statement from Lee:").
NOUN_CUES = words(
    """statement quote remarks words message post tweet comment comments response reply
    letter email e-mail memo note testimony speech announcement plea warning appeal verdict
    view assessment admission question answer reaction"""
)
# Words opening a sentence that points back at a quotation ("Those were the words of …").
BACK_REFERENCES = words("those these that this the such")
# Words written with a full stop that is part of them ("Jr.", "Inc.", "U.S.").
ABBREVIATIONS = words(
    """mr mrs ms dr prof st sen rep gov gen lt col sgt capt cmdr adm maj jr sr inc corp co
    ltd no vs etc mt ft pres supt insp det rev hon u.s u.k u.n e.u d.c a.m p.m"""
)
