"""Generated corpora for the import tests: JSONL files of articles with annotations."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

WORDS = ("minister", "said", "the", "plan", "would", "cut", "costs", "while", "critics",
         "insisted", "it", "not", "work", "and", "council", "asked", "for", "more", "time",
         "before", "a", "vote", "on", "Thursday", "“we", "will", "see”", "according", "to",
         "officials", "in", "Tehran", "Zürich", "東京", "São", "Paulo", "😀")


def article(rng: random.Random, sentences: int) -> str:
    """A few paragraphs of newsy word salad (with non-ASCII) that no two calls repeat."""
    paras, current = [], []
    for i in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
        current.append(" ".join(words).capitalize() + f" ({rng.getrandbits(48):x}).")
        if i % 4 == 3:
            paras.append(" ".join(current))
            current = []
    paras.append(" ".join(current))
    return "\n\n".join(p for p in paras if p)


@dataclass
class Corpus:
    """What was written: file -> the document ids in it, and doc id -> its annotation count."""

    files: dict[Path, list[str]] = field(default_factory=dict)
    annotations: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        """How many documents in all."""
        return sum(len(ids) for ids in self.files.values())


def write_corpus(folder: Path, *, files: int, docs_per_file: int, seed: int,
                 sentences: int = 8) -> Corpus:
    """JSONL files in the redline format, each document with a claim per sentence or so."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus()
    for f in range(files):
        path = folder / f"batch_{f:03d}.jsonl"
        ids, lines = [], []
        for d in range(docs_per_file):
            doc_id = f"s{seed}-f{f}-d{d}"
            text = article(rng, sentences)
            anns: list[dict[str, object]] = []
            start = 0
            while (dot := text.find(".", start)) > 0 and len(anns) < sentences:
                anns.append({"id": f"{doc_id}-a{len(anns)}", "kind": "claim",
                             "attrs": {"checkworthy": "yes"},
                             "spans": [{"role": "claim", "start": start, "end": dot + 1,
                                        "text": text[start:dot + 1]}],
                             "origin": "manual", "annotator": "importer",
                             "created_at": "2025-01-01T00:00:00.000Z",
                             "updated_at": "2025-01-01T00:00:00.000Z"})
                start = dot + 2
                while start < len(text) and text[start] in " \n":
                    start += 1
            lines.append(json.dumps({"id": doc_id, "title": f"Article {f}/{d}", "text": text,
                                     "annotations": anns}, ensure_ascii=False))
            ids.append(doc_id)
            corpus.annotations[doc_id] = len(anns)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        corpus.files[path] = ids
    return corpus
