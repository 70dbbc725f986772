"""Global options shared by every command: database path, spaCy pipeline, annotator."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

SEEDS_PACKAGE = "tui.seeds"
"""Where the bundled articles are installed: the top-level seeds/ folder, shipped as package
data under this name (see pyproject), so a wheel or pipx install finds them as well as a
checkout; read with importlib.resources, never by a path relative to the source tree."""


def default_db() -> Path:
    """`$REDLINE_DB`, else `redline.db` in the platform's user data folder."""
    env = os.environ.get("REDLINE_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("redline", appauthor=False)) / "redline.db"


def default_annotator() -> str:
    """The login name, or 'annotator' where there is none (e.g. in a container)."""
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):
        return "annotator"


@dataclass
class SuggestionFilters:
    """The suggestion filters the editor turned on (`t`, `i`): their choice for the session,
    kept from document to document and when one is closed and opened again."""

    hide_low: bool = False
    hide_indirect: bool = False


@dataclass
class Settings:
    """What the global options resolved to (and the editor's choices for the session)."""

    db: Path
    model: str | None
    annotator: str
    filters: SuggestionFilters = field(default_factory=SuggestionFilters)


def resolve(*, db: Path | None, model: str | None, annotator: str | None) -> Settings:
    """The settings for the global options as given (None: the default)."""
    return Settings(db=db or default_db(), model=model, annotator=annotator or default_annotator())
