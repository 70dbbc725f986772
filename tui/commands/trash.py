"""`redline delete` and `redline restore`: documents to the trash and back, and emptying it."""

from __future__ import annotations

import sys

import click

from annotations.errors import RedlineError

from ..settings import Settings
from ..wording import plural
from .common import open_store


def _confirm(question: str, yes: bool) -> None:
    """Ask on a terminal; a script must say --yes (nothing is deleted without one of them)."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise RedlineError("deleting needs a confirmation and there is no terminal to ask on",
                           hint="add --yes")
    if not click.confirm(question, default=False, err=True):
        raise click.exceptions.Exit(1)


@click.command("delete")
@click.argument("docs", nargs=-1)
@click.option("--yes", is_flag=True, help="Do not ask (for scripts).")
@click.option("--purge", is_flag=True, help="Empty the trash for good instead.")
@click.pass_obj
def delete_cmd(settings: Settings, docs: tuple[str, ...], yes: bool, purge: bool) -> None:
    """Move documents (id, id prefix or title) with their annotations and journal to the trash;
    `redline restore` brings them back, `--purge` empties the trash."""
    store = open_store(settings, existing=True)
    if purge:
        if docs:
            raise RedlineError("--purge empties the whole trash and takes no documents",
                               hint="run redline delete --purge on its own")
        waiting = store.trash()
        if not waiting:
            click.echo("the trash is empty", err=True)
            return
        _confirm(f"Delete {plural(len(waiting), 'document')} in the trash for good?", yes)
        click.echo(f"purged {plural(store.purge_trash(), 'document')} from the trash", err=True)
        return
    if not docs:
        raise RedlineError("name the documents to delete", hint="redline delete DOC… (see redline list)")
    found = [store.find_document(q) for q in docs]
    ids = list(dict.fromkeys(d.id for d in found))
    names = ", ".join(f"{d.id} “{d.title}”" for d in found[:3]) + (" …" if len(found) > 3 else "")
    _confirm(f"Move {plural(len(ids), 'document')} to the trash ({names})?", yes)
    store.delete_documents(ids)
    click.echo(f"moved {plural(len(ids), 'document')} to the trash (redline restore brings "
               f"{'it' if len(ids) == 1 else 'them'} back)", err=True)


@click.command("restore")
@click.argument("docs", nargs=-1, required=True)
@click.pass_obj
def restore_cmd(settings: Settings, docs: tuple[str, ...]) -> None:
    """Bring documents back from the trash, whole (see redline list --deleted)."""
    store = open_store(settings, existing=True)
    ids = list(dict.fromkeys(store.find_deleted(q) for q in docs))
    store.restore_documents(ids)
    click.echo(f"restored {plural(len(ids), 'document')}", err=True)


def print_trash(rows: list[dict[str, object]], fmt: str) -> None:
    """`redline list --deleted`: the trash as a table, tsv or json (like the library)."""
    from annotations.safe_text import json_safe, one_line_safe, terminal_safe

    columns = ("doc_id", "title", "annotations", "deleted_at", "deleted_by")
    if fmt == "json":
        from annotations.formats.redline import dumps

        for r in rows:
            click.echo(json_safe(dumps(r)))
    elif fmt == "tsv":
        click.echo("id\ttitle\tannotations\tdeleted\tby")
        for r in rows:
            click.echo("\t".join(one_line_safe(str(r[c])) for c in columns))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="redline trash", title_justify="left")
        for name in ("id", "title", "annotations", "deleted", "by"):
            table.add_column(name, justify="right" if name == "annotations" else "left",
                             no_wrap=name == "id")
        for r in rows:
            table.add_row(*(terminal_safe(str(r[c]))[:16] if c == "deleted_at"
                            else terminal_safe(str(r[c])) for c in columns))
        Console().print(table)
    if not rows:
        click.echo("the trash is empty", err=True)


COMMANDS = [delete_cmd, restore_cmd]
