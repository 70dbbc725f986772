"""Small wording helpers shared by the screens and the headless commands (no Textual here)."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 hit`, `2 hits`, `0 hits` (`nouns` for an irregular plural)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
