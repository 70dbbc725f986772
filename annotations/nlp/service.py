"""The analysis process the terminal app runs beside itself.

Run: `python -m annotations.nlp.service DB [--model NAME] [--first DOC_ID]`

Analysing in a process of its own keeps spaCy off the app's interpreter, so keys get their
frames while a long article is parsed (an analysis thread held the interpreter lock for most of
each step), and the app can start it as soon as it knows which document it opens: spaCy then
loads on the second core while the first draws the screen.

Protocol, one JSON object per line: the app writes requests `{"id": DOC_ID, "seq": N}` to
stdin; for each the service analyses the document's current text through the cache (spaCy is
imported only on a cache miss) and prints `{"seq": N, "id": ..., "ok": true, "warning": "..."}`
or `{"seq": N, "id": ..., "ok": false, "error": "..."}`. Before the answer to a long uncached
text come `{"seq": N, "id": ..., "partial": true, "record": {...}}` lines: the provisional
record of its first screenful (progressive.first_record), then the entities of each piece as
it is parsed (progressive.watched); never cached. With --first the document is request
0, handled at once before reading stdin, unless some analysis of its text is stored already:
then request 0 is answered at once (the app asks again if its own cache look-up misses). EOF on
stdin ends the service.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotations.errors import RedlineError

if TYPE_CHECKING:
    from .pipeline import Pipeline

NICENESS = 5
"""How much lower than the app the service runs once it analyses a long text."""
LONG_TEXT = 50_000
"""Characters from which an analysis is long (seconds to a minute): the editor reads and keys
through the article meanwhile, so when the cores are busy its keys come first."""


def _skip_spacy_cli() -> None:
    """Let `import spacy` skip its command line, which it imports whole for `spacy.info`
    (typer, requests, httpx...): about 0.4 s of each start, never used here. Submodules of
    spacy.cli still import from the real folder if anything asks for one."""
    import importlib.util

    if "spacy" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return

    def info(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("spacy.info is not available in redline's analysis service")

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [str(Path(next(iter(spec.submodule_search_locations))) / "cli")]
    stub = types.ModuleType("spacy.cli.info")
    stub.info = info  # type: ignore[attr-defined]
    cli.info = stub  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = stub


def _end_workers_with_service() -> None:
    """Have SIGTERM (the app's close) end spaCy's worker processes with the service.

    They parse a long text's pieces. Under SIGTERM's default action they outlived it: each
    finished its piece first, on a core of its own (a second or more, while the editor opens
    the next article), then blocked forever on a pipe nobody reads, holding its own copy of
    the pipeline (~120 MB)."""
    signal.signal(signal.SIGTERM, _stop)
    if hasattr(os, "register_at_fork"):  # the workers are forks: theirs is the default, as before
        os.register_at_fork(after_in_child=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))


def _stop(signum: int, frame: object) -> None:
    """SIGTERM: end the workers, then the service."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.kill()  # at once, mid-piece
    os._exit(128 + signum)


class Service:
    """Analyses documents of one database through its cache, loading spaCy on the first miss."""

    def __init__(self, db: str, model: str | None) -> None:
        from annotations.store import Store

        self.store = Store(db, annotator="")
        self.model = model
        self.pipeline: Pipeline | None = None
        self.niced = False

    def handle(self, doc_id: str, partial: Callable[[dict[str, Any]], None] | None = None
               ) -> dict[str, Any]:
        """Analyse one document (unless cached) and say how it went; `partial` is given the
        provisional record of a long text's first screenful before the rest is analysed."""
        from annotations.analysis import analyze_documents, cached

        try:
            doc = self.store.get_document(doc_id)
            warning = ""
            if cached(self.store, doc, self.model) is None:
                if self.pipeline is None:
                    from .pipeline import load_pipeline

                    _skip_spacy_cli()
                    self.pipeline = load_pipeline(self.model)
                pipeline = self.pipeline
                if partial is not None:
                    from .progressive import first_record, watched

                    # at full speed: this screenful is what the editor is waiting for
                    first = first_record(pipeline, doc.id, doc.text, doc.text_sha256)
                    if first is not None:
                        partial(first)
                    pipeline = watched(pipeline, doc.text, doc.text_sha256, partial)
                from .pieces import PARALLEL_CHARS

                if len(doc.text) >= PARALLEL_CHARS:  # its pieces parsed on every core
                    from dataclasses import replace

                    from .parallel import default_processes

                    pipeline = replace(pipeline, processes=default_processes())
                if len(doc.text) >= LONG_TEXT and not self.niced and hasattr(os, "nice"):
                    os.nice(NICENESS)  # a short one is what the editor waits for: full speed
                    self.niced = True
                for _ in analyze_documents(self.store, [doc], pipeline):
                    pass
                if not self.pipeline.has_ner:
                    warning = self.pipeline.warning or "entities unavailable: the pipeline has no NER"
            return {"id": doc_id, "ok": True, "warning": warning}
        except RedlineError as e:
            return {"id": doc_id, "ok": False, "error": e.one_line()}
        except Exception as e:  # report it to the app and keep serving the next request
            return {"id": doc_id, "ok": False, "error": f"{type(e).__name__}: {e}"}


def main(argv: list[str]) -> int:
    """Serve requests until stdin closes."""
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    _end_workers_with_service()
    db, rest = argv[0], argv[1:]
    model = rest[rest.index("--model") + 1] if "--model" in rest[:-1] else None
    first = rest[rest.index("--first") + 1] if "--first" in rest[:-1] else None
    service = Service(db, model)

    def answer(doc_id: str, seq: int) -> None:
        def partial(record: dict[str, Any]) -> None:
            print(json.dumps({"seq": seq, "id": doc_id, "partial": True, "record": record},
                             ensure_ascii=False), flush=True)

        print(json.dumps({"seq": seq, **service.handle(doc_id, partial)}, ensure_ascii=False),
              flush=True)

    if first is not None:
        if service.store.has_analysis(first):  # a cheap query: no NLP import
            # Most likely cached: the app's own look-up decides (and asks again if it needs
            # another pipeline's or rule version's analysis). Checking here would cost the
            # launch a tenth of a second of imports and decoding on the other core.
            print(json.dumps({"seq": 0, "id": first, "ok": True, "warning": ""}), flush=True)
        else:
            answer(first, 0)
    for line in sys.stdin:
        if line.strip():
            request = json.loads(line)
            answer(str(request["id"]), int(request["seq"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
