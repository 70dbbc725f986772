"""The blocking work the screens run in thread workers: reads, writes and the NLP analysis.

Each function takes plain values (never a widget) and returns plain values, so a worker thread
can call it and post the result to the screen as a message; nothing here touches the UI.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotations.errors import DatabaseError, RedlineError
from annotations.models import Annotation, Document
from annotations.store import Store

if TYPE_CHECKING:
    from annotations.nlp.pipeline import Pipeline


@dataclass(frozen=True)
class DocState:
    """One consistent read of a document: text, annotations, decisions, journal position."""

    doc: Document
    annotations: list[Annotation]
    decisions: dict[str, str]
    seq: int
    damaged: str = ""  # why the journal could not be read (the document opens read-only)
    # the editors' entity corrections (annotate_entities applies them to the analysis's)
    corrections: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Analysis:
    """What the NLP layer says about a document, and why entities may be missing."""

    doc_id: str
    record: dict[str, Any] | None
    entities: list[dict[str, Any]] = field(default_factory=list)
    warning: str = ""
    error: str = ""  # why the analysis failed (its entities may still be there); "" if it did not


def failed_analysis(doc_id: str, error: str, entities: list[dict[str, Any]]) -> Analysis:
    """An analysis that could not be made: the entities already known, and why."""
    return Analysis(doc_id, None, entities, failure_warning(error, entities), error)


def failure_warning(error: str, entities: list[dict[str, Any]]) -> str:
    """The status line's warning for a failed analysis (a text too slow to parse has no
    entities either: the rules never ran on a parse)."""
    kept = "entities only, no suggestions" if entities else "no entities or suggestions"
    return f"analysis failed ({error}): {kept}"


def read_state(store: Store, doc_id: str) -> DocState:
    """A document's current state, read in one transaction.

    A damaged page of the journal (the edit history) does not hide the document: its text,
    annotations and decisions are read without it, and `damaged` says why (the screen then
    opens it read-only). Damage beyond the journal raises DatabaseError as before."""
    try:
        doc, anns, decided, seq = store.document_state(doc_id)
    except DatabaseError as e:
        doc, anns, decided = (store.get_document(doc_id), store.annotations(doc_id),
                              store.decisions(doc_id))
        return DocState(doc, anns, decided, -1, damaged=e.one_line(),
                        corrections=store.entity_corrections(doc_id))
    return DocState(doc, anns, decided, seq, corrections=store.entity_corrections(doc_id))


def cached_analysis(store: Store, doc: Document, model: str | None) -> Analysis | None:
    """The cached analysis for the configured pipeline, or None (never imports spaCy)."""
    from annotations.analysis import cached

    record = cached(store, doc, model)
    if record is None:
        return None
    return _from_record(store, doc, record, _warning_for(record))


def _from_record(store: Store, doc: Document, record: dict[str, Any], warning: str) -> Analysis:
    """An analysis record as the screen takes it: a failed one (recorded, not retried until
    the rules change) warns that much rather than `warning`, and keeps its entities, or those
    stored with the document when it has none (spaCy itself gave up: too slow)."""
    entities = list(record.get("entities") or [])
    error = str(record.get("error") or "")
    if error:
        entities = entities or fallback_entities(store, doc)
        return Analysis(doc.id, record, entities, failure_warning(error, entities), error)
    return Analysis(doc.id, record, entities, warning)


def _warning_for(record: dict[str, Any]) -> str:
    """Say why a cached record has no entities: it came from the blank (NER-less) pipeline."""
    from annotations.nlp.pipeline import BLANK_ID, NO_MODEL_WARNING

    return NO_MODEL_WARNING if record.get("model") == BLANK_ID else ""


class PipelineCache:
    """Loads each spaCy pipeline once per app, from whichever worker thread needs it first."""

    def __init__(self, loader: Callable[[str | None], Pipeline] | None = None) -> None:
        self._loader = loader
        self._lock = threading.Lock()
        self._loaded: dict[str | None, Pipeline] = {}

    def get(self, model: str | None) -> Pipeline:
        """The pipeline for a model name, loading it on first use (slow: imports spaCy)."""
        with self._lock:
            if model not in self._loaded:
                if self._loader is None:
                    from annotations.nlp.pipeline import load_pipeline

                    self._loader = load_pipeline
                self._loaded[model] = self._loader(model)
            return self._loaded[model]


class AnalysisService:
    """The analysis process (annotations.nlp.service) the app runs beside itself.

    spaCy works there, not in a thread of the app: the app's interpreter stays free for keys
    and frames while a long article is parsed. `redline annotate DOC` starts it before the app
    is even imported, asking for DOC first, so a document that needs analysis has spaCy loading
    on the other core meanwhile (a cached one costs the process a cache look-up, no spaCy).
    """

    def __init__(self, db: str, model: str | None, first: str | None = None) -> None:
        cmd = [sys.executable, "-m", "annotations.nlp.service", db]
        cmd += ["--model", model] if model else []
        cmd += ["--first", first] if first is not None else []
        # stderr is kept (spaCy's warnings must not land on the app's screen) for error reports
        self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self._cond = threading.Condition()
        self._first = first  # request 0, made at start; its answer serves the first ask
        self._seq = 0
        self._answers: dict[int, dict[str, Any]] = {}
        # provisional records (a first screenful, pieces' entities), by request, until
        # `analyse` hands them on
        self._partials: dict[int, list[dict[str, Any]]] = {}
        self._stderr: deque[str] = deque(maxlen=20)
        for target in (self._read_answers, self._read_stderr):
            threading.Thread(target=target, daemon=True, name="analysis-service").start()

    def _read_answers(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            try:
                answer = json.loads(line)
                seq = int(answer["seq"])
            except (ValueError, KeyError, TypeError):
                continue
            with self._cond:
                if answer.get("partial"):
                    self._partials.setdefault(seq, []).append(answer)
                else:
                    self._answers[seq] = answer
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()  # the process ended: waiters must not wait forever

    def _read_stderr(self) -> None:
        assert self._proc.stderr is not None
        for line in self._proc.stderr:
            self._stderr.append(line.rstrip())

    def analyse(self, doc_id: str, cancelled: Callable[[], bool] = lambda: False,
                done: Callable[[], bool] = lambda: True,
                partial: Callable[[dict[str, Any]], None] = lambda record: None) -> str:
        """Have the document's current text analysed and cached; returns the pipeline's
        warning ("" if none). `done` tells whether the analysis is now cached: the answer to
        the request made at start may be for an older text, and then the text is asked for
        again. `partial` is called (in this thread) with each provisional record (a first
        screenful, then pieces' entities) that comes before the answer. Blocks (call it from a
        worker thread); raises RedlineError on failure."""
        with self._cond:
            if self._first == doc_id:
                self._first, seq = None, 0
            else:
                seq = self._ask(doc_id)
        answer = self._wait(seq, cancelled, partial)
        if answer is not None and answer.get("ok") and not done() and not cancelled():
            with self._cond:
                seq = self._ask(doc_id)
            answer = self._wait(seq, cancelled, partial)
        if answer is None:
            return ""
        if not answer.get("ok"):
            raise RedlineError(str(answer.get("error") or "analysis failed"))
        return str(answer.get("warning") or "")

    def _ask(self, doc_id: str) -> int:
        self._seq += 1
        try:
            assert self._proc.stdin is not None
            self._proc.stdin.write(json.dumps({"id": doc_id, "seq": self._seq}) + "\n")
            self._proc.stdin.flush()
        except (OSError, ValueError):
            pass  # the process is gone: _wait reports it
        return self._seq

    def _wait(self, seq: int, cancelled: Callable[[], bool],
              partial: Callable[[dict[str, Any]], None] = lambda record: None
              ) -> dict[str, Any] | None:
        """The answer to request `seq` (None if cancelled meanwhile); its provisional
        records go to `partial` as they come, outside the lock."""
        while True:
            with self._cond:
                while seq not in self._answers and seq not in self._partials:
                    if self._proc.poll() is not None:
                        said = (" / ".join(list(self._stderr)[-3:])
                                or f"exit code {self._proc.returncode}")
                        raise RedlineError(f"the analysis process stopped ({said})")
                    if cancelled():
                        return None
                    self._cond.wait(0.25)
                early = self._partials.pop(seq, [])
                if not early:  # the answer comes after its partials: none can be left
                    return self._answers.pop(seq)
            for line in early:
                if not cancelled():
                    partial(dict(line.get("record") or {}))

    def close(self) -> None:
        """End the process (it finishes nothing: a later run analyses again)."""
        if self._proc.poll() is None:
            try:
                assert self._proc.stdin is not None
                self._proc.stdin.close()
            except OSError:
                pass
            self._proc.terminate()


def analyse(store: Store, doc: Document, pipeline: Pipeline,
            partial: Callable[[dict[str, Any]], None] = lambda record: None) -> Analysis:
    """Analyse one document (caching the record) and say whether entities are available;
    a long uncached text's first screenful goes to `partial` first (provisional, not cached)."""
    from annotations.analysis import analyze_documents, extractor_version
    from annotations.nlp.progressive import first_record, watched

    parsing = pipeline
    if store.cached_analysis(doc.text_sha256, pipeline.model_id, extractor_version()) is None:
        first = first_record(pipeline, doc.id, doc.text, doc.text_sha256)
        if first is not None:
            partial(first)
        parsing = watched(pipeline, doc.text, doc.text_sha256, partial)
    record = next(iter(analyze_documents(store, [doc], parsing)))
    warning = ""
    if not pipeline.has_ner:
        warning = pipeline.warning or "entities unavailable: the pipeline has no NER"
    return _from_record(store, doc, record, warning)


def partial_analysis(doc: Document, record: dict[str, Any], known: list[dict[str, Any]]
                     ) -> Analysis | None:
    """A provisional record (progressive.py) as the screen takes it, or None if it is for
    another text than `doc`'s. It speaks of the text from record["from"] (0 if absent) to
    record["covers"] only: its entities replace those `known` there (the ones shown so far),
    and it has quotes and suggestions only for the first screenful."""
    if record.get("text_sha256") != doc.text_sha256:
        return None
    if record.get("error"):  # the first piece's rules failed: its entities, no suggestions
        record = {k: v for k, v in record.items() if k not in ("quotes", "attributions")}
    lo, hi = int(record.get("from") or 0), int(record.get("covers") or 0)
    kept = [e for e in known if _span(e)[1] <= lo or _span(e)[0] >= hi]
    entities = sorted(kept + list(record.get("entities") or []), key=_span)
    return Analysis(doc.id, record, entities)


def _span(entity: dict[str, Any]) -> tuple[int, int]:
    """An entity's (start, end); (-1, -1) for a malformed stored one, which the screen drops
    with a notice (it must not fail the analysis here)."""
    try:
        return int(entity["start"]), int(entity["end"])
    except (KeyError, TypeError, ValueError):
        return -1, -1


PARTIAL_UPDATES = 10
"""At most about this many entity updates of a long text before its whole analysis: each one
redraws every highlight (up to 30,000 at 1 MB, which has 50 pieces)."""


def worth_showing(record: dict[str, Any], shown_to: int, chars: int) -> bool:
    """Whether a provisional record should go to the screen, when the entities shown so far
    reach `shown_to` of `chars`: the first screenful always, the pieces' entities once they reach
    half a piece (10,000 characters) or a tenth of the text further."""
    from annotations.nlp.pieces import CHUNK_CHARS

    if "from" not in record:  # the first screenful: what the editor is waiting for
        return True
    step = max(CHUNK_CHARS // 2, chars // PARTIAL_UPDATES)
    return int(record.get("covers") or 0) - shown_to >= step


def fallback_entities(store: Store, doc: Document) -> list[dict[str, Any]]:
    """Entities stored with the document or from any earlier analysis (shown while analysing)."""
    from annotations.analysis import entities_for

    return entities_for(store, doc)
