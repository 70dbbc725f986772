"""Parsing texts of any length: paragraph-aligned pieces, batches of bounded size, a time budget."""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from spacy.language import Language
    from spacy.tokens import Doc

CHUNK_CHARS = 20_000
"""Texts longer than this are parsed in paragraph-aligned pieces and joined back together,
which keeps spaCy's max_length out of the way."""
BATCH_CHARS = 40_000
"""Characters parsed in one nlp.pipe batch. spaCy holds about 3 MB per 1,000 characters of a
batch while it parses it: 32 pieces of 20,000 took 1.9 GB for one 1 MB article."""
BUDGET_BASE_S = 60.0
BUDGET_CHARS_PER_S = 10_000
"""The CPU time a text may take: BUDGET_BASE_S plus a second per BUDGET_CHARS_PER_S characters
(1 MB: 160 s; it takes about 45 s of CPU here). CPU, not wall time: a busy machine slows every
analysis alike, while a text that makes spaCy superlinear is what the budget is for."""
PARALLEL_CHARS = 100_000
"""A text at least this long is parsed on several cores when parse_texts is given processes > 1:
its pieces go to spaCy's worker processes (nlp.pipe n_process), one piece at a time each."""
MAX_CHARS = 3_000_000
"""The longest text analysed. The rules need a text whole, so memory grows with it (about 130
MB per MB over the model's 150 MB: a 3 MB article peaks at 560 MiB); a longer one is refused."""
_PARAGRAPH_END = re.compile(r"\n\s*")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def time_budget(chars: int) -> float:
    """CPU seconds a text of `chars` characters may take to parse."""
    return BUDGET_BASE_S + chars / BUDGET_CHARS_PER_S


@dataclass(frozen=True)
class Unparsed:
    """A text the parser gave up on, and why (message())."""

    chars: int
    text_sha256: str

    def message(self) -> str:
        """One line for the user: what happened and what to do."""
        raise NotImplementedError


@dataclass(frozen=True)
class TooLong(Unparsed):
    """A text over MAX_CHARS, refused before any parsing."""

    def message(self) -> str:
        """One line for the user: what happened and what to do."""
        return (f"too long to analyse: {self.chars:,} characters (at most {MAX_CHARS:,});"
                " split the text into smaller documents")


@dataclass(frozen=True)
class TooSlow(Unparsed):
    """A text whose parse went over its time budget (its remaining pieces were skipped)."""

    seconds: float
    budget: float

    def message(self) -> str:
        """One line for the user: what happened and what to do."""
        return (f"too slow to analyse: {self.chars:,} characters took more than {self.budget:.0f} s"
                f" of CPU (stopped after {self.seconds:.0f} s); split the text into smaller"
                " documents")


def split_text(text: str, size: int | None = None) -> list[str]:
    """Cut a text into pieces of about size chars at paragraph ends; they join back exactly."""
    size = size or CHUNK_CHARS
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        ends = [m.end() for m in _PARAGRAPH_END.finditer(text, start + size // 2, start + size)]
        cut = ends[-1] if ends else text.rfind(" ", start + size // 2, start + size) + 1
        if cut <= start:
            cut = start + size  # one enormous word: cut anywhere rather than fail
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


class _Text:
    """One input text on its way through the parser."""

    def __init__(self, doc_id: str, text: str, processes: int = 1) -> None:
        self.doc_id, self.text, self.chars = doc_id, text, len(text)
        self.todo = split_text(text)
        self.parallel = processes > 1 and self.chars >= PARALLEL_CHARS and len(self.todo) > 1
        self.done: list[Doc] = []
        self.cpu = 0.0
        self.unparsed: Unparsed | None = None
        if self.chars > MAX_CHARS:
            self.todo = []
            self.unparsed = TooLong(self.chars, _sha256(text))

    def result(self) -> Doc | Unparsed:
        from spacy.tokens import Doc

        if self.unparsed is not None:
            return self.unparsed
        done, self.done = self.done, []  # the pieces go as soon as the whole exists
        if len(done) == 1:
            return done[0]
        return Doc.from_docs(done, ensure_whitespace=False,
                             exclude=["tensor"])  # type: ignore[call-arg]  # stub lags spaCy


class _Batch:
    """Pieces for one nlp.pipe call: at most `size` of them and `limit` characters (or one)."""

    def __init__(self, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        self.pieces: list[tuple[str, _Text]] = []
        self.chars = 0

    def full(self) -> bool:
        """Whether no further piece may join."""
        return len(self.pieces) >= self.size or self.chars >= self.limit

    def take(self, t: _Text) -> None:
        """Move t's next pieces in, while they fit."""
        while t.todo and not self.full() and (
            not self.pieces or self.chars + len(t.todo[0]) <= self.limit
        ):
            self.chars += len(t.todo[0])
            self.pieces.append((t.todo.pop(0), t))


def _workers(before: set[int]) -> list[BaseProcess]:
    """The live child processes that were not there `before` (spaCy's workers)."""
    import multiprocessing

    return [c for c in multiprocessing.active_children() if c.pid not in before]


def _cpu(workers: list[BaseProcess]) -> float | None:
    """CPU seconds these processes have used so far (Linux's /proc), else None."""
    total = 0.0
    for child in workers:
        try:  # utime and stime: the 14th and 15th fields, the 12th and 13th after "(name)"
            with open(f"/proc/{child.pid}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _parse_parallel(nlp: Language, t: _Text, processes: int,
                    budget: Callable[[int], float]) -> None:
    """Parse all of t's pieces on `processes` spaCy worker processes, in order, within its
    budget: the CPU of this process and of the workers (else their wall time each)."""
    import multiprocessing
    import warnings

    import numpy

    todo, t.todo = t.todo, []
    before = {c.pid for c in multiprocessing.active_children() if c.pid is not None}
    wall0, cpu0 = time.monotonic(), time.process_time()
    # batch_size 1: a worker holds one piece's parse at a time, and the budget is checked
    # after each piece
    docs = nlp.pipe(todo, batch_size=1, n_process=processes)
    workers: list[BaseProcess] = []
    try:
        for doc in docs:
            doc.tensor = numpy.zeros((0,), dtype="float32")  # unread: 384 bytes a token
            t.done.append(doc)
            workers = workers or _workers(before)
            children = _cpu(workers)
            if children is None:  # not Linux: count each worker as busy all the time
                children = (time.monotonic() - wall0) * processes
            t.cpu = time.process_time() - cpu0 + children
            if len(t.done) < len(todo) and t.cpu > budget(t.chars):
                t.unparsed = TooSlow(t.chars, _sha256(t.text), t.cpu, budget(t.chars))
                t.done = []
                # stopped early, spaCy would wait for workers that are blocked sending
                # pieces nobody reads (each holds the other's end of the pipe): end them
                for worker in workers:
                    worker.terminate()
                return
    finally:
        close = getattr(docs, "close", None)
        if close is not None:
            with warnings.catch_warnings():  # W127: the workers we ended exited non-zero
                warnings.simplefilter("ignore")
                close()  # spaCy ends its workers when its generator is closed


def parse_texts(nlp: Language, items: Iterable[tuple[str, str]], *, batch_size: int = 32,
                batch_chars: int | None = None, budget: Callable[[int], float] = time_budget,
                processes: int = 1) -> Iterator[tuple[str, Doc | Unparsed]]:
    """(id, Doc) for each (id, text), in order, parsed in batches of at most batch_size pieces
    and batch_chars characters; a text over MAX_CHARS or its CPU budget gives (id, TooLong) or
    (id, TooSlow) instead.

    Memory is one batch plus the text being assembled, whatever the texts' lengths, and the
    cost is linear in length. A text's budget is checked after each batch that parsed part of
    it, so an over-budget text stops within one batch's time. A text of PARALLEL_CHARS or more
    is parsed on `processes` processes when that is over 1 (the same pieces, the same Doc).
    """
    import numpy

    texts = iter(items)
    open_: list[_Text] = []  # texts with pieces still to parse, or waiting to be yielded
    exhausted = False
    while open_ or not exhausted:
        head = next((t for t in open_ if t.todo), None)
        if head is not None and head.parallel:
            _parse_parallel(nlp, head, processes, budget)
        batch = _Batch(batch_size, batch_chars or BATCH_CHARS)
        for t in open_:  # pieces in text order, so records come out as soon as they can
            batch.take(t)
            if t.todo:
                break
        else:  # every open text is parsed: read on, but not past a text that does not fit
            while not exhausted and not batch.full():
                item = next(texts, None)
                if item is None:
                    exhausted = True
                else:
                    open_.append(_Text(*item, processes))
                    if open_[-1].parallel:
                        break  # parsed alone, once the batch before it is
                    batch.take(open_[-1])
                    if open_[-1].todo:
                        break
        if batch.pieces:
            started = time.process_time()
            docs = list(nlp.pipe([piece for piece, _ in batch.pieces], batch_size=batch_size))
            spent = time.process_time() - started
            for doc, (_, t) in zip(docs, batch.pieces, strict=True):
                doc.tensor = numpy.zeros((0,), dtype="float32")  # unread: 384 bytes a token
                t.done.append(doc)
            for t in {id(t): t for _, t in batch.pieces}.values():
                t.cpu += spent
                if t.todo and t.cpu > budget(t.chars):
                    t.unparsed = TooSlow(t.chars, _sha256(t.text), t.cpu, budget(t.chars))
                    t.todo, t.done = [], []
        while open_ and not open_[0].todo:
            t = open_.pop(0)
            yield t.doc_id, t.result()
