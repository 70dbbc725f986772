"""Commands that open the terminal app: `redline` (library) and `redline annotate [DOC]`."""

from __future__ import annotations

import click

from ..settings import Settings
from .opening import run_app


@click.command("annotate")
@click.argument("doc", required=False)
@click.pass_obj
def annotate_cmd(settings: Settings, doc: str | None) -> None:
    """Open DOC (id or title substring; default: the first unfinished one) for annotation."""
    run_app(settings, doc, first_unfinished=True)


COMMANDS = [annotate_cmd]
