"""The `redline` command's entry point: the lines that open the app skip click.

`redline`, `redline annotate [DOC]` and the same with `--db`, `--model` or `--annotator` are
what an editor types many times a day, and importing click was a tenth of what the app does
before its first frame beyond a bare Textual app (issue 16). Those lines are read here, with
the meaning click gives them (a test holds the two to the same result); any other line,
including every mistake and `--help`, goes to click (tui/cli.py), which says what is wrong.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

OPTIONS = ("--db", "--model", "--annotator")
"""The global options the quick path reads (each takes one value)."""


class Launch(NamedTuple):
    """An app-opening command line: its global options and what it opens."""

    options: dict[str, str]
    annotate: bool  # `annotate` given: open DOC, or the first unfinished document
    doc: str | None


def quick_parse(args: list[str]) -> Launch | None:
    """The launch that `args` asks for, or None when click must read them."""
    options: dict[str, str] = {}
    rest = list(args)
    while rest and rest[0].startswith("--"):
        name, eq, value = rest.pop(0).partition("=")
        if not eq:
            if not rest:
                return None
            value = rest.pop(0)
        # a repeated option, an empty or dash-led value: click's rules, click's messages
        if name not in OPTIONS or name in options or not value or value.startswith("-"):
            return None
        options[name] = value
    if "--db" in options and os.path.isdir(options["--db"]):
        return None  # click refuses a folder, in its own words
    if not rest:
        return Launch(options, annotate=False, doc=None)
    if rest[0] != "annotate" or len(rest) > 2 or any(a.startswith("-") for a in rest[1:]):
        return None
    return Launch(options, annotate=True, doc=rest[1] if len(rest) == 2 else None)


def main(argv: list[str] | None = None) -> None:
    """Open the app for a launch line, else hand the whole line to click."""
    args = sys.argv[1:] if argv is None else list(argv)
    launch = quick_parse(args)
    if launch is None:
        from .cli import main as click_main

        click_main(args)
        return
    from .commands.opening import run_app
    from .exits import one_line_errors
    from .settings import resolve

    try:
        with one_line_errors():
            settings = resolve(db=_path(launch.options.get("--db")),
                               model=launch.options.get("--model"),
                               annotator=launch.options.get("--annotator"))
            run_app(settings, launch.doc, first_unfinished=launch.annotate)
    except KeyboardInterrupt:  # ctrl-c before the app took the terminal: as click ends it
        print("\nAborted!", file=sys.stderr)
        sys.exit(1)


def _path(value: str | None) -> Path | None:
    return Path(value) if value is not None else None
