"""Whether a person is a man or a woman, from an honorific or a common first name."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from .text import words

# Honorifics that say whether the person is a man or a woman ("Ms Lee", "Mr Tan").
HONORIFICS = {**dict.fromkeys(words("mr sir lord"), "m"),
              **dict.fromkeys(words("ms mrs miss lady dame madam"), "f")}


def honorific_gender(word: str) -> str:
    """"m" or "f" for an honorific in any surface form ("Mr", "mr.", "MRS."), else ""."""
    # Tokenizers keep the full stop on "Mr." and a text may shout: the lexicon is bare lower case.
    return HONORIFICS.get(word.lower().rstrip("."), "")


# A first name is a woman's (a man's) when it is at least this many times as frequent
# among women as among men (or the reverse) in the US Census 1990 lists. At 4x a reader
# is right about four times in five even for the most mixed names that pass: Kelly
# (4.5x) and Jordan (4.7x) get a gender, Lee (3.2x), Leslie, Dana and Taylor stay open.
_DOMINANCE = 4.0
# A word counts as a given name on its own (to call an ORG-tagged "Megan Rowlands" a
# person) only at 1 in 10,000 people or more: rarer entries include words such as
# King, Prince, Major and China.
_COMMON = 0.01  # percent of people of that sex


@functools.cache
def _census() -> dict[str, tuple[str, float]]:
    """Upper-case first name -> (gender or "", larger frequency in percent), read once.

    The frequency files ship with the `names` package (MIT); it is located without being
    imported, and when it is missing no name says anything (honorifics and pronouns still do).
    """
    spec = importlib.util.find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        return {}
    freq: dict[str, dict[str, float]] = {"m": {}, "f": {}}
    for sex, fname in (("m", "dist.male.first"), ("f", "dist.female.first")):
        for loc in spec.submodule_search_locations:
            path = Path(loc) / fname
            if path.is_file():
                for line in path.read_text(encoding="ascii", errors="ignore").splitlines():
                    parts = line.split()
                    if len(parts) >= 2:
                        freq[sex][parts[0]] = float(parts[1])
                break
    table: dict[str, tuple[str, float]] = {}
    for name in freq["m"].keys() | freq["f"].keys():
        m, f = freq["m"].get(name, 0.0), freq["f"].get(name, 0.0)
        gender = "f" if f >= _DOMINANCE * m else "m" if m >= _DOMINANCE * f else ""
        table[name] = (gender, max(m, f))
    return table


def name_gender(first: str) -> str:
    """"f" or "m" for a first name clearly more common in one sex, "" when it says nothing."""
    entry = _census().get(first.strip(".").upper())
    return entry[0] if entry else ""


def is_given_name(word: str) -> bool:
    """Whether a capitalised word is a common given name ("Megan", "Carlos")."""
    entry = _census().get(word.strip(".").upper()) if word[:1].isupper() else None
    return entry is not None and entry[1] >= _COMMON and entry[0] != ""
