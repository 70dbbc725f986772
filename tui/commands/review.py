"""`redline review A.db B.db [C.db…] --into GOLD.db`: adjudicate annotators into a gold set."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from annotations.errors import RedlineError

from ..settings import Settings


@click.command("review")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--into", "into", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The gold database (created if missing; reopen it to resume).")
@click.pass_obj
def review_cmd(settings: Settings, sources: tuple[Path, ...], into: Path) -> None:
    """Adjudicate: what all annotators agree on is copied into GOLD at once; each disagreement
    is shown with every version and decided with one key (1…9 that annotator's, 0 none, e edit)."""
    from annotations.review import Review, check_gold
    from annotations.store import Store

    if len(sources) < 2:
        raise RedlineError("review needs two or more databases", hint="give A.db B.db --into GOLD.db")
    check_gold(sources, into)  # before the gold database is created
    new = not into.exists()
    # compared once here so that a mistake (no shared document, not a database) is one line
    # before the screen opens; the screen compares again in a worker, finding it all copied
    try:
        with Store(into, annotator=settings.annotator) as gold:
            Review.open(list(sources), gold)
    except RedlineError:
        if new:  # a gold database made for a review that could not start would be litter
            for leftover in (into, *(into.with_name(into.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    from ..app import make_app

    make_app(dataclasses.replace(settings, db=into), review=list(sources)).run()


COMMANDS = [review_cmd]
