"""`redline labels` and `redline labels set`: the database's label scheme (annotations/scheme.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from annotations.errors import InputError, SchemaError
from annotations.scheme import EXAMPLE, FIELDS, LABEL_FIELDS, Scheme, parse_scheme

from ..settings import Settings
from .common import open_store


@click.group("labels", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True,
              help="Print the scheme as JSON (what `labels set` reads).")
@click.pass_context
def labels_cmd(ctx: click.Context, as_json: bool) -> None:
    """The database's label scheme: claim types, span labels, preset stance targets, and how
    many annotations use each label; `redline labels set SCHEME.json` replaces it."""
    if ctx.invoked_subcommand is not None:
        return
    store = open_store(ctx.obj, existing=True)
    scheme = store.label_scheme()
    if as_json:
        from annotations.safe_text import json_safe

        click.echo(json_safe(json.dumps(scheme.to_dict(), ensure_ascii=False)))
        return
    from rich.console import Console

    Console().print(scheme_table(scheme, store.labels_in_use()))


def scheme_table(scheme: Scheme, used: dict[str, dict[str, int]]) -> Any:
    """One row per label: its list, the label, how many annotations use it (labels in use that
    the scheme no longer lists are shown too, marked)."""
    from rich.table import Table

    from annotations.safe_text import terminal_safe

    table = Table(title="redline labels", title_justify="left")
    table.add_column("list")
    table.add_column("label")
    table.add_column("annotations", justify="right")
    for name in FIELDS:
        counts = used.get(name, {})
        values = list(getattr(scheme, name))
        for value in values:
            table.add_row(name, terminal_safe(value),
                          str(counts.get(value, 0)) if name in LABEL_FIELDS else "–")
        for value, n in sorted(counts.items()):
            if value not in values:
                table.add_row(name, f"{terminal_safe(value)} (not in the scheme)", str(n))
        if not values and not counts:
            table.add_row(name, "(none)", "–")
    return table


def read_scheme(path: Path) -> Scheme:
    """A scheme file, checked: every problem one InputError naming the file."""
    from annotations.formats.reading import decode, read_bytes

    text = decode(path, read_bytes(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(str(path), f"is not JSON ({e.msg}, column {e.colno})", line=e.lineno,
                         hint=f"write e.g. {EXAMPLE}") from None
    try:
        return parse_scheme(data)
    except SchemaError as e:
        raise InputError(str(path), e.message, hint=e.hint) from None


@labels_cmd.command("set")
@click.argument("scheme_file", metavar="SCHEME.json",
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True,
              help="Drop labels that annotations use (the annotations keep them).")
@click.pass_obj
def set_cmd(settings: Settings, scheme_file: Path, force: bool) -> None:
    """Replace the scheme with SCHEME.json's `claim_types`, `span_labels`, `stance_targets`."""
    scheme = read_scheme(scheme_file)
    store = open_store(settings)  # a team may set its scheme before the first import
    dropped = store.set_label_scheme(scheme, force=force)
    counts = ", ".join(f"{name} {len(getattr(scheme, name))}" for name in FIELDS)
    click.echo(f"label scheme set: {counts}", err=True)
    for label, n in dropped.items():
        click.echo(f"dropped {label} ({n} annotation{'s keep' if n != 1 else ' keeps'} it)", err=True)


COMMANDS = [labels_cmd]
