"""`redline history`: the texts a document had before `import --replace`, to read or restore."""

from __future__ import annotations

import sys

import click

from annotations.errors import RedlineError
from annotations.safe_text import one_line_safe, terminal_safe

from ..settings import Settings
from ..wording import plural
from .common import open_store


@click.command("history")
@click.argument("doc")
@click.option("--show", "show", type=int, default=None, metavar="N",
              help="Print old text N to stdout.")
@click.option("--restore", "restore", type=int, default=None, metavar="N",
              help="Make old text N the document's text again (the current text is kept too).")
@click.pass_obj
def history_cmd(settings: Settings, doc: str, show: int | None, restore: int | None) -> None:
    """List the texts DOC had before `import --replace` (id or title), print one, or restore one."""
    from annotations.ingest import restore_text

    if show is not None and restore is not None:
        raise RedlineError("--show and --restore cannot be given together", hint="give one")
    store = open_store(settings, existing=True)
    document = store.find_document(doc)
    if show is not None:
        _, text = store.old_text(document.id, show)
        # piped, the text comes back exactly as it was stored; on a terminal, escapes are shown
        click.echo(terminal_safe(text) if sys.stdout.isatty() else text)
    elif restore is not None:
        result = restore_text(store, document.id, restore)
        moved = (f"; {result.reanchored} annotations re-anchored, {result.flagged} flagged for "
                 "review" if result.reanchored or result.flagged else "")
        click.echo(f"document {document.id} has old text {restore} again (the text it replaced "
                   f"is kept in its history){moved}", err=True)
    else:
        rows = store.text_history(document.id)
        click.echo(f"document {document.id} {one_line_safe(document.title)!r}: "
                   f"{plural(len(rows), 'old text')}", err=True)
        if rows:
            click.echo("version\treplaced_at\treplaced_by\tchars\ttitle")
        for r in rows:
            click.echo(f"{r['version']}\t{r['replaced_at']}\t{one_line_safe(r['replaced_by'])}\t"
                       f"{r['chars']}\t{one_line_safe(r['title'])}")


COMMANDS = [history_cmd]
