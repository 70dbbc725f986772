"""`redline analyze`: headless suggestions, JSONL or plain text in, one record per document out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from annotations.errors import InputError

from ..settings import Settings
from ..wording import plural
from .progress import progress_bar


def _items(text: str, where: str) -> Iterator[tuple[str, str]]:
    """(id, text) pairs: JSONL objects when the first line is one, else the whole text."""
    from annotations.formats.reading import json_objects
    from annotations.models import normalise_newlines

    first = next((line for line in text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        yield "0", normalise_newlines(text)
        return
    # deep nesting and lone surrogates are refused here, before they reach the output
    for n, obj in json_objects(where, text, shape='{"id": …, "text": "…"}'):
        if not isinstance(obj.get("text"), str):
            raise InputError(where, 'is not an object with a "text" string', line=n,
                             hint='give each line {"id": …, "text": "…"}')
        yield str(obj.get("id", n - 1)), normalise_newlines(obj["text"])


@click.command("analyze")
@click.argument("source", default="-", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--batch-size", default=16, show_default=True)
@click.option("--processes", type=click.IntRange(min=1), default=None,
              help="Worker processes (or local Dask workers) [default: the number of cores].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help='Where the analysis runs: here, or on Dask (pip install "redline[dask]").')
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: the scheduler (tcp://HOST:8786) [default: a local cluster].")
@click.pass_obj
def analyze_cmd(settings: Settings, source: Path, batch_size: int, processes: int | None,
                engine: str, scheduler: str | None) -> None:
    """Print suggestions (entities, quotes, attributions) for FILE or stdin; no database.

    A document that fails to analyse gets a record with "error" (and its entities); the others
    go on, and the exit status is 1."""
    from rich.console import Console

    from annotations.formats.reading import read_bytes
    from annotations.nlp.analyze import EXTRACTOR_VERSION
    from annotations.nlp.parallel import analyze_parallel, default_processes

    where = "<stdin>" if str(source) == "-" else str(source)
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler is for --engine dask")
    try:
        # a file is read as import reads it: a regular file, bounded (a pipe named x.txt blocked)
        data = sys.stdin.buffer.read() if str(source) == "-" else read_bytes(source)
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(where, f"is not UTF-8 (at byte {e.start})", hint="give UTF-8 text") from None
    except OSError as e:
        raise InputError(where, f"cannot be read ({e.strerror})", hint="check the path") from None
    del data
    # every line is checked before anything is analysed or written; the documents themselves
    # are made again as the workers take them, so they are never all in memory at once
    total = sum(1 for _ in _items(text, where))
    err = Console(stderr=True)

    def warn(message: str) -> None:
        err.print(f"redline: {message}", markup=False, highlight=False, soft_wrap=True)

    workers = processes or default_processes()
    if engine == "dask":
        from annotations.nlp.dask_engine import analyze_dask

        records = analyze_dask(settings.model, _items(text, where), scheduler=scheduler,
                               processes=workers, batch_size=batch_size, warn=warn)
    else:
        records = analyze_parallel(settings.model, _items(text, where), processes=workers,
                                   batch_size=batch_size, warn=warn)
    out, failed = sys.stdout, 0
    with progress_bar(err, "analysing", total) as tick:
        for record in records:
            # which rules made it: `redline import --analyses` reuses only records of its own
            out.write(json.dumps({**record, "extractor_version": EXTRACTOR_VERSION},
                                 ensure_ascii=False) + "\n")
            out.flush()
            tick(1)
            if "error" in record:  # its record says so too; the others go on
                failed += 1
                warn(f"warning: {where}: document {record['id']} failed to analyse "
                     f"({record['error']})")
    if failed:
        click.echo(f"redline: {failed} of {plural(total, 'document')} failed to analyse",
                   err=True)
        sys.exit(1)


COMMANDS = [analyze_cmd]


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", default=None, help="Score only gold lines with this language.")
@click.option("--show-errors", is_flag=True, help="List each missed quote and wrong speaker.")
@click.pass_obj
def eval_cmd(settings: Settings, gold: Path, lang: str | None, show_errors: bool) -> None:
    """Score the suggestions against GOLD.jsonl: direct quotes at three overlaps, then mixed and
    indirect attributions when the gold has `other_attributions`."""
    from annotations.evaluate import (
        KINDS,
        THRESHOLDS,
        gold_problem,
        misses,
        other_misses,
        score,
        score_other,
    )
    from annotations.formats.reading import json_objects, read_bytes
    from annotations.nlp.analyze import analyze_texts
    from annotations.nlp.pipeline import load_pipeline

    try:
        data = read_bytes(gold).decode("utf-8-sig")  # a regular file, bounded, as import reads
    except UnicodeDecodeError as e:
        raise InputError(str(gold), f"is not UTF-8 (at byte {e.start})", hint="give UTF-8 JSONL") from None
    except OSError as e:
        raise InputError(str(gold), f"cannot be read ({e.strerror})", hint="check the path") from None
    cases = []
    # deep nesting and lone surrogates are refused too, as import refuses them
    for n, case in json_objects(str(gold), data, shape='{"text": "…", "quotes": []}'):
        if (problem := gold_problem(case)) is not None:
            raise InputError(str(gold), problem, line=n, hint="fix that line")
        cases.append(case)
    # an empty file or an ordinary export scored 0 across the board, exit 0, as if the rules were blind
    if not any("quotes" in c or "other_attributions" in c for c in cases):
        raise InputError(str(gold), "holds no gold: no line has \"quotes\" (or \"other_attributions\")"
                         if cases else "holds no gold cases",
                         hint='give lines like {"text": "…", "quotes": [{"start": 0, "end": 9, '
                              '"speaker": "…"}]}')
    pipeline = load_pipeline(settings.model)
    pred = list(analyze_texts(pipeline, [(str(i), c["text"]) for i, c in enumerate(cases)]))
    pairs = [(c, p) for c, p in zip(cases, pred, strict=True) if not lang or c.get("lang", lang) == lang]
    g, p = [c for c, _ in pairs], [x for _, x in pairs]
    for threshold in THRESHOLDS:
        click.echo(json.dumps(score(g, p, threshold)))
    others = any(c.get("other_attributions") for c in g)
    if others:  # the gold also marks mixed quotations and indirect speech
        for kind in KINDS:
            click.echo(json.dumps(score_other(g, p, kind)))
    if show_errors:
        for line in misses(g, p) + (other_misses(g, p) if others else []):
            click.echo(line, err=True)


COMMANDS.append(eval_cmd)
