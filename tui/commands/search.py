"""`redline search`: full-text search over titles, texts and annotation span texts."""

from __future__ import annotations

import re
import sys

import click

from ..settings import Settings
from .common import open_store

# Private-use characters mark the match in a snippet: stored text cannot fake them into markup.
OPEN, CLOSE = "\ue000", "\ue001"


@click.command("search")
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default=None,
              help="table (snippets highlighted), tsv or json [default: table on a terminal, "
                   "tsv when piped].")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="At most this many documents.")
@click.pass_obj
def search_cmd(settings: Settings, query: str, fmt: str | None, limit: int) -> None:
    """Documents matching QUERY (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*), best
    first (bm25), each with a snippet of the best match."""
    store = open_store(settings, existing=True)
    fmt = fmt or ("table" if sys.stdout.isatty() else "tsv")
    marks = (OPEN, CLOSE) if fmt == "table" else ("", "")
    rows = store.search(query, limit=limit, open_mark=marks[0], close_mark=marks[1])
    from annotations.safe_text import json_safe, safe_strings

    if fmt == "json":
        from annotations.formats.redline import dumps

        for r in rows:
            click.echo(json_safe(dumps({k: r[k] for k in ("id", "title", "status", "rank",
                                                          "matched", "snippet")})))
    elif fmt == "tsv":
        click.echo("id\ttitle\tmatched\tsnippet")
        for r in safe_strings(rows):  # stored text: escape sequences shown, not obeyed
            # a tab or newline inside a title or snippet would break the columns
            click.echo("\t".join(" ".join(str(r[k]).split())
                                 for k in ("id", "title", "matched", "snippet")))
    else:
        _print_table(query, safe_strings(rows))
    if not rows:
        click.echo(f"redline: nothing matches {query!r}", err=True)


def _print_table(query: str, rows: list[dict[str, object]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"search: {query}", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("title")
    table.add_column("match", ratio=2)
    for r in rows:
        # rows come terminal-safe: Text() drops a few control characters, but not ESC
        match = Text()
        if r["matched"] == "annotation":
            match.append("annotation: ", style="dim")
        parts = re.split(f"[{OPEN}{CLOSE}]", " ".join(str(r["snippet"]).split()))
        for n, part in enumerate(parts):  # SQLite marks in pairs: every odd part is a hit
            match.append(part, style="bold reverse" if n % 2 else "")
        table.add_row(str(r["id"]), Text(str(r["title"])), match)
    Console().print(table)


COMMANDS = [search_cmd]
