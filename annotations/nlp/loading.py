"""Loading a trained spaCy pipeline without the start-up work it never needs.

The analysis process waits for this before it shows an article's first screenful, and so does
every `redline analyze`. What spacy.load did that nothing used, and what is skipped here:

- it built the language's default tokenizer, with its ~1,300 exceptions, then replaced every
  part of it from the model's tokenizer file, loading the exceptions again; guarding that
  tokenizer's patterns (guard.py) then loaded them twice more, since each pattern's setter
  reloads them. Here the default tokenizer starts empty, and it guards the patterns it reads
  from the file before it reads the exceptions: they are loaded once;
- it loaded the components the model disables (en_core_web_sm's "senter"), which never run;
- each registry look-up picked its group's entry points out of every installed package's.

The pipeline is the same (the same tokens, parses and records; the tests compare them). One
difference no pipeline of spaCy's sees: a component that tokenized text while it was being
built, before the model's tokenizer file is read, got the default tokenizer, and now the empty
one. Imported only to load a pipeline: it imports spaCy.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry as spacy_registry

from .guard import GUARDED, guard_patterns

SPACY_TOKENIZER = "spacy.Tokenizer.v1"
"""The tokenizer of spaCy's own pipelines' configs. A loaded model's comes whole from its
tokenizer file: from_bytes resets every part the default one was built with (exceptions and
patterns) before it reads the file, so building those first was wasted."""

LOADING = threading.Lock()
"""Held while a model loads (spaCy's registry then gives an empty tokenizer for a config that
names spaCy's own, as a model's file fills it): take it to make a pipeline from a config."""


class GuardedTokenizer(Tokenizer):  # type: ignore[misc]
    """spaCy's tokenizer, guarding (guard.py) the patterns it reads before their exceptions.

    Built empty, it gets its rules from the model (from_disk calls from_bytes): its pattern
    setters then cost nothing, and the exceptions are loaded once, with the guarded patterns,
    as guard_tokenizer would leave them."""

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> GuardedTokenizer:
        """Load the tokenizer's state, guarding its patterns before its exceptions load."""
        exclude = list(exclude)
        data = srsly.msgpack_loads(bytes_data)
        # all but the exceptions and the guarded patterns, which spaCy would compile unguarded
        super().from_bytes(bytes_data, exclude=[*exclude, "exceptions", *GUARDED])
        guard_patterns(self, {k: data.get(k) for k in GUARDED if k not in exclude})
        rules = data.get("exceptions")
        if "exceptions" not in exclude and isinstance(rules, dict):
            self.rules = rules  # as spaCy's from_bytes sets them: last, and here once
        return self


def _empty_tokenizer() -> Callable[[Language], Tokenizer]:
    """A registered tokenizer factory: an empty GuardedTokenizer, filled by the model's file."""

    def make(nlp: Language) -> Tokenizer:
        return GuardedTokenizer(nlp.vocab)

    return make


@contextmanager
def _tokenizer_registered(create: Callable[[], Callable[[Language], Tokenizer]]) -> Iterator[None]:
    """`create` stands for spaCy's default tokenizer factory while the block runs."""
    registry: Any = spacy_registry
    if hasattr(registry, "ensure_populated"):  # spaCy 3.8 registers its functions on first use
        registry.ensure_populated()
    tokenizers = registry.tokenizers
    own = tokenizers.get(SPACY_TOKENIZER)
    tokenizers.register(SPACY_TOKENIZER, func=create)
    try:
        yield
    finally:
        tokenizers.register(SPACY_TOKENIZER, func=own)


def index_entry_points() -> None:
    """Let spaCy's registries find their entry points by group in a dict.

    catalogue lists the installed packages' entry points once, at import, then selects a
    group's from all of them at every registry look-up (a few hundred while a pipeline loads);
    a dict by group is the form it also takes (its older importlib_metadata's)."""
    import catalogue

    found: Any = catalogue.AVAILABLE_ENTRY_POINTS
    if hasattr(found, "select") and hasattr(found, "groups"):
        catalogue.AVAILABLE_ENTRY_POINTS = {
            group: list(found.select(group=group)) for group in found.groups}


def disabled_components(name: str) -> list[str]:
    """The components a model (package or directory) is saved with disabled, from its
    meta.json: spacy.load would load them, and nothing runs them."""
    path = Path(name)
    if not path.is_dir():
        spec = importlib.util.find_spec(name) if name.isidentifier() else None
        if spec is None or spec.origin is None:
            return []
        path = Path(spec.origin).parent
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    disabled, enabled = meta.get("disabled"), meta.get("pipeline")
    if not isinstance(disabled, list) or not isinstance(enabled, list):
        return []
    return [c for c in disabled if isinstance(c, str) and c not in enabled]


def load_model(name: str) -> Language:
    """spacy.load(name), its tokenizer guarded (guard.py), without the work above."""
    index_entry_points()
    with LOADING, _tokenizer_registered(_empty_tokenizer):
        return spacy.load(name, exclude=disabled_components(name))
