"""Reporting-verb lexicon: which tokens are attribution cues, with or without a lemmatizer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .names import NON_PERSON_WORDS
from .text import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs that introduce speech or writing and take a that-clause (direct and indirect cues).
SPEECH_VERBS = words(
    """say tell remark insist ask emphasize emphasise stress declare add note explain concede
    claim state question reply respond answer announce argue assert affirm reaffirm
    acknowledge admit allege comment confirm contend deny warn write tweet post recall
    report reiterate repeat reveal observe suggest predict promise vow pledge urge testify
    maintain mention demand boast complain lament conclude counter caution inform advise
    recount concur query wonder muse posit propose disclose proclaim retort charge
    estimate point agree stipulate clarify elaborate highlight underline underscore
    opine interject reason rule"""
)
# Verbs that frame a direct quotation only ("…,” she laughed), never an indirect one.
MANNER_VERBS = words(
    """shout scream yell whisper mutter exclaim joke laugh quip sigh cry snap scoff smile
    continue begin go chuckle murmur plead beg grumble gush rave huff fume shoot hit fire
    chime chant roar bellow weigh pipe cut jump butt speak break lash follow sum join"""
)
# Verbs that name rather than report ("he called it “a disaster”"): mixed quotes only.
NAMING_VERBS = words("call describe term dub label brand characterize characterise")
# Particles that complete a phrasal cue ("pointed out", "went on", "weighed in"); a verb
# listed here is a cue only with one of its particles ("Lee spoke first" is not one).
PARTICLES = {
    "point": "out", "go": "on", "shoot": "back", "hit": "back", "fire": "back", "chime": "in",
    "weigh": "in", "pipe": "up", "cut": "in", "jump": "in", "butt": "in", "speak": "up out",
    "break": "in", "lash": "out", "follow": "up", "sum": "up", "join": "in",
}  # fmt: skip
_IRREGULAR = {
    "say": "said", "tell": "told", "write": "wrote written", "go": "went gone",
    "begin": "began begun", "admit": "admitted admitting", "quip": "quipped quipping",
    "snap": "snapped snapping", "plead": "pled", "beg": "begged begging",
    "rule": "ruled ruling", "huff": "huffed", "shoot": "shot", "hit": "hit hitting",
    "cut": "cutting", "speak": "spoke spoken", "break": "broke broken", "pipe": "piped",
    "sum": "summed summing",
}  # fmt: skip


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb, plus listed irregular ones."""
    forms = {lemma}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    forms.update(_IRREGULAR.get(lemma, "").split())
    return forms


def _table(lemmas: frozenset[str]) -> dict[str, str]:
    return {form: lemma for lemma in lemmas for form in _inflections(lemma)}


_IRREGULAR_PAST = words("said told wrote went began pled shot hit cut spoke broke")
_SPEECH = _table(SPEECH_VERBS)
_MANNER = _table(MANNER_VERBS)
# Common reporting verbs of languages whose quotations often appear inside English corpora
# (Spanish, French, German, Portuguese, Italian): enough for "«…», dijo Burtón" shapes.
_MANNER.update(dict.fromkeys(words(
    """dijo afirmó aseguró declaró explicó señaló añadió agregó indicó comentó preguntó
    respondió sostuvo advirtió dit déclaré affirmé expliqué ajouté sagte erklärte betonte
    fragte disse afirmou declarou explicou acrescentou detto dichiarato spiegato"""
), "say"))
_NAMING = _table(NAMING_VERBS)
CUE_WORDS = frozenset({**_SPEECH, **_MANNER, **_NAMING, "according": ""})
_PAST = frozenset(f for f in {**_SPEECH, **_MANNER} if f.endswith("ed") or f in _IRREGULAR_PAST)
_DETERMINERS = words("the a an this that these those his her its their our my your")


def cue_lemma(
    token: Token, *, direct: bool = True, naming: bool = False, loose: bool = False
) -> str | None:
    """The lexicon lemma if this token is a cue verb, else None (loose: ignore the tag)."""
    low = token.lower_
    pos = token.pos_
    if pos and pos not in ("VERB", "AUX") and not loose:
        # Tagged text: nouns like "claims" or "reports" are not cues, but the small model
        # sometimes tags a past-tense reporting verb after a quotation as a noun.
        if pos not in ("NOUN", "PROPN") or low not in _PAST:
            return None
        if token.i > 0 and token.doc[token.i - 1].lower_ in _DETERMINERS:
            return None
    lemma = token.lemma_.lower()
    tables = [_SPEECH] + ([_MANNER] if direct else []) + ([_NAMING] if naming else [])
    for table in tables:
        if low in table:
            return table[low]
        if lemma and lemma in table and table[lemma] == lemma:
            return lemma
    return None


def is_according_to(token: Token) -> bool:
    """Whether this token starts the cue "according to"."""
    doc = token.doc
    return (
        token.lower_ == "according"
        and token.i + 1 < len(doc)
        and doc[token.i + 1].lower_ == "to"
    )


def cue_span(token: Token) -> Span:
    """The cue as it should be highlighted: the verb plus its particle or "to"."""
    doc = token.doc
    if is_according_to(token):
        return doc[token.i : token.i + 2]
    lemma = cue_lemma(token) or ""
    particle = PARTICLES.get(lemma)
    if particle and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in particle.split():
        return doc[token.i : token.i + 2]
    return doc[token.i : token.i + 1]


_HEADLINE_PAST = words("said told wrote warned asked added insisted declared vowed urged")
_QUOTE_OPENERS = frozenset({'"', "“", "‘", "'", "«"})


def headline_cue(token: Token) -> bool:
    """A capitalised reporting verb in a title-case headline, a quotation right after it
    ("Mayor Lee Said “We Will …”", "Ann Lee Tells Council: “We …”", "Senator Says “No
    Deal”"): every longer word before it in its line is capitalised, as is the quotation."""
    doc, low = token.doc, token.lower_
    if not token.text[:1].isupper() or low not in CUE_WORDS or low in NON_PERSON_WORDS or not (
        low.endswith("s") or low in _HEADLINE_PAST
    ):
        return False  # "The United States “Will …”" ends a name, it reports nothing
    k = token.i + 1
    while k < min(len(doc), token.i + 4) and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1  # "Tells Council:", "Warns Voters:"
    while k < len(doc) and doc[k].text in (",", ":"):
        k += 1
    if k + 1 >= len(doc) or doc[k].text not in _QUOTE_OPENERS or not doc[k + 1].text[:1].isupper():
        return False
    before = []
    for t in reversed(doc[max(0, token.i - 12) : token.i]):
        if (t.is_space and "\n" in t.text) or t.text in (".", "!", "?", ";", "”", '"'):
            break
        if t.is_alpha:
            before.append(t.text)
    return bool(before) and all(w[0].isupper() for w in before if len(w) > 3)


def is_phrasal_only(token: Token) -> bool:
    """Verbs that are cues only with their particle ("point out", "go on")."""
    lemma = cue_lemma(token) or ""
    return lemma in PARTICLES and len(cue_span(token)) == 1
