"""What a quotation is: speech, a mixed fragment of reported speech, a scare quote, a title."""

from __future__ import annotations

from dataclasses import dataclass

from .text import words

KINDS = ("speech", "mixed", "scare", "title")
# Words after which a capitalised quotation names a work ("the book “…”", "a film called “…”").
TITLE_TRIGGERS = words(
    """book books novel novels film films movie movies song songs album albums show shows
    series play plays poem poems article articles essay essays documentary column op-ed
    podcast episode memoir single track opera musical painting exhibition headline
    headlined titled entitled called named dubbed slogan program programme magazine
    newspaper bestseller hit sitcom drama ballad anthem"""
)
# A quotation right after one of these is a noun phrase or clause fragment, never speech.
FRAGMENT_BEFORE = words(
    """the a an this that these those his her its their our my your to of for in on with as
    by at from about than into is was are were be been being so very more most some any
    no such called named dubbed"""
)
_SMALL = words("a an the of and or in on at to for by with from as but nor vs")
# After a cue, words that may introduce a whole quoted sentence ("said that “We …”",
# "replied with a “No …”") rather than a fragment of the reporter's own clause.
_SENTENCE_AFTER = words("that a an her")
_TELL = words("told tells telling asked asks warned warns reminded reminds assured assures")
_TERMINAL = ".!?…"
_BESIDE = words("the a an his her their its our my your")  # "…,” his 2019 memoir,


@dataclass(frozen=True)
class Context:
    """What surrounds a quotation inside its sentence (other quotations excluded)."""

    pre: str  # text between the sentence (or previous quotation) start and the opening mark
    post: str  # text between the closing mark and the sentence end (or next quotation)
    pre_cue: bool  # a reporting verb before the quotation, same sentence
    pre_adjacent: bool  # that verb introduces the quotation directly ("said:", "told CNN")
    post_cue: bool  # a reporting verb right after the quotation ("…,” she said)
    resumes: bool = False  # it follows an unfinished quotation in the same sentence ("…,” X said)


def _words(content: str) -> list[str]:
    return [w.strip("\"“”‘’'()[],.;:!?—–-…") for w in content.split()]


def is_title_case(content: str) -> bool:
    """Whether every long word is capitalised, as in a work's title."""
    words = [w for w in _words(content) if w]
    if not words or len(words) > 12 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)


def _last_words(pre: str, n: int) -> list[str]:
    return [w.lower() for w in _words(pre)[-n:] if w]


def is_fragment_before(word: str) -> bool:
    """Whether a quotation after this word is a noun phrase or clause fragment."""
    return word in FRAGMENT_BEFORE or word.endswith(("'s", "’s", "s'", "s’"))


def _noun_follows(text: str, post: str) -> bool:
    """Whether the words after a quotation set a work's noun beside it ("“…,” his memoir,")."""
    post = post.lstrip()
    if text[-1:] == ",":
        post = "," + post  # American style keeps the comma inside the marks
    if not post.startswith(","):
        return False
    head = [w.lower() for w in _words(post.split(",")[1]) if w][:4]
    return bool(head) and head[0] in _BESIDE and any(w in TITLE_TRIGGERS for w in head[1:])


def _whole_sentence(text: str, words: list[str], pre: str) -> bool:
    """A capitalised quoted sentence with its own end mark after "that", "with a", "told her"."""
    last = _last_words(pre, 2)
    lead = bool(last) and last[-1] in _SENTENCE_AFTER and (
        last[-1] == "that"
        or (last[-1] == "her" and last[0] in _TELL)  # "told her “You …”"
        or (last[-1] != "her" and last[0] == "with")
    )
    return lead and len(words) >= 3 and text[-1:] in _TERMINAL


def classify(content: str, ctx: Context) -> str:
    """The kind of a quotation, from its content and its sentence context."""
    text = content.strip()
    words = [w for w in _words(text) if w]
    if not words:
        return "scare"
    first = text.lstrip("\"“‘'(—–-…. ")[:1]
    upper = first.isupper()
    title = is_title_case(text) and text[-1:] not in ".;:"
    pre = ctx.pre.rstrip()
    last = _last_words(pre, 1)
    after_noun = bool(last) and last[0] in TITLE_TRIGGERS
    told = any(w in _TELL for w in _last_words(pre, 3))  # "told the show “…”": the cue wins
    if not told and (
        (title and any(w in TITLE_TRIGGERS for w in _last_words(pre, 3)))
        or (after_noun and is_title_case(text) and pre[-1:] not in ":.")
    ):
        # "in his memoir, “Rivers of Ash.”": after its noun a work's title keeps the
        # sentence's full stop inside the marks, American style, and is still a title.
        return "title"
    if is_title_case(text) and not ctx.post_cue and _noun_follows(text, ctx.post):
        return "title"  # "“Rivers of Ash,” his 2019 memoir, sold well"
    if not pre or pre[-1] in "([":
        # Opens its sentence: speech, unless a short fragment runs on into the sentence
        # ("“Maximum pressure” has failed").
        runs_on = ctx.post[:2].strip()[:1].islower() and not ctx.post_cue
        if runs_on and text[-1:] not in ".,!?…":
            if title and len(words) > 1:
                return "title"  # "“One Hundred Years of Solitude” is a novel"
            if len(words) <= 3:
                return "scare"
        return "speech"
    fragment = bool(last) and is_fragment_before(last[0])
    if ctx.pre_cue and upper and fragment and _whole_sentence(text, words, pre):
        return "speech"  # "she said that “We will not move.”"
    runs_on = ctx.post[:2].strip()[:1].islower() and not ctx.post_cue
    if pre[-1] not in ":,—–" and not upper and text[-1:] not in _TERMINAL + ",;:" and (
        runs_on or len(words) <= 3
    ):
        # A short lower-case piece with no end mark of its own, or one the reporter's sentence
        # runs on from, is part of that sentence: "said “no remorse”.", "said the law
        # “plainly exceeds” its powers" (but "said “it is a disgrace”." is speech).
        fragment = True
    if ctx.resumes and ctx.pre_cue and pre[-1] in "—–,":
        # "“A,” she said — pausing to sign a shirt — “were hard.”", "“The problem,” said
        # Lee, an economist who was not involved, “is the money.”": a split quotation resumes.
        return "speech"
    if pre[-1] in ":,—–" or (ctx.pre_adjacent and not fragment):
        if pre[-1] == ":" or (ctx.pre_adjacent and not fragment):
            if upper or not title:
                return "speech"
        elif upper and not (title and len(words) > 1):
            return "speech"
    if title and (len(words) > 1 or not ctx.pre_adjacent):
        return "title"  # "the news agency “Bloomberg”", "the “Iran Deal”"
    if upper and len(words) >= 4 and ctx.pre_cue and not fragment:
        return "speech"
    if ctx.pre_cue or ctx.post_cue:
        return "mixed"
    return "scare"
