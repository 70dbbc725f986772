"""Benchmark articles and databases: the seed and a generated 1 MB article, each with an
analysis record built directly (dictionary entities, regex quotes and attributions) in the
shape `redline analyze` writes, so no benchmark waits minutes for spaCy to analyse 1 MB."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from annotations.analysis import extractor_version
from annotations.models import Annotation, Document, Span
from annotations.nlp.pipeline import model_id_for
from annotations.store import Store, journal
from benchmarks.common import seed_text

# News-like paragraphs added to the seed's, for variety (scripts, dashes, percentages).
PARAGRAPHS = [
    "“We will not back down,” said Masoud Pezeshkian, the president of Iran, on Tuesday. "
    "He insisted that the talks in Geneva would continue “for as long as it takes.”",
    "According to officials at the United Nations, the so-called “maximum pressure” campaign "
    "had failed. Critics disagreed, and the debate went on for weeks — well into March.",
    "The European Commission’s spokesperson, Anna-Maria Lopez, told reporters: “It is too "
    "early to say.” She added that Brussels would wait for the inspectors’ report.",
    "Prices rose 3.4% in the year to June, the Office for National Statistics said. "
    "Economists had expected a smaller rise; some blamed energy costs, others wages.",
    "In Tokyo, 東京都 officials announced new measures 🚀 to curb the spread, while "
    "authorities in 北京 remained silent. “No comment,” a spokesman said.",
    "Mr. Smith, 54, who has led the union since 2019, said the strike was “a last resort” "
    "and that members had voted overwhelmingly for it. The company declined to comment.",
    "Analysts at Goldman Sachs wrote in a note that the central bank was likely to hold "
    "rates steady, citing weak growth in Germany, France and Italy.",
    "On Monday, Olaf Scholz met Emmanuel Macron in Berlin; the European Union and NATO issued "
    "a joint statement, and Poland, Spain and the Netherlands signed it on Wednesday.",
    "Reuters and the Associated Press reported that Microsoft, Apple and Amazon lost 2% on "
    "Friday, while the Federal Reserve’s Jerome Powell said rates would stay at 5.25% until "
    "December.",
]

# Entity strings and labels (what en_core_web_sm finds in these paragraphs, roughly).
ENTITIES = {
    "Masoud Pezeshkian": "PERSON", "Pezeshkian": "PERSON", "Donald Trump": "PERSON",
    "Trump": "PERSON", "Joe Biden": "PERSON", "Anna-Maria Lopez": "PERSON", "Mr. Smith": "PERSON",
    "Iran": "GPE", "Tehran": "GPE", "Israel": "GPE", "Washington": "GPE", "U.S.": "GPE",
    "the United States": "GPE", "Geneva": "GPE", "Brussels": "GPE", "Tokyo": "GPE",
    "Germany": "GPE", "France": "GPE", "Italy": "GPE", "東京都": "GPE", "北京": "GPE",
    "Iranian": "NORP", "Israeli": "NORP", "The Wall Street Journal": "ORG", "WSJ": "ORG",
    "The Washington Post": "ORG", "the United Nations": "ORG", "Goldman Sachs": "ORG",
    "The European Commission’s": "ORG", "the Office for National Statistics": "ORG",
    "This Thursday": "DATE", "this week": "DATE", "this year": "DATE", "today": "DATE",
    "February 10": "DATE", "mid-2022": "DATE", "2015": "DATE", "2019": "DATE", "Tuesday": "DATE",
    "March": "DATE", "June": "DATE", "the year to June": "DATE", "54": "DATE", "3.4%": "PERCENT",
    "46th": "ORDINAL", "first": "ORDINAL", "weeks": "DATE", "Monday": "DATE",
    "Olaf Scholz": "PERSON", "Emmanuel Macron": "PERSON", "Berlin": "GPE",
    "the European Union": "ORG", "NATO": "ORG", "Poland": "GPE", "Spain": "GPE",
    "the Netherlands": "GPE", "Wednesday": "DATE", "Reuters": "ORG",
    "the Associated Press": "ORG", "Microsoft": "ORG", "Apple": "ORG", "Amazon": "ORG",
    "2%": "PERCENT", "Friday": "DATE", "the Federal Reserve’s": "ORG", "Jerome Powell": "PERSON",
    "5.25%": "PERCENT", "December": "DATE",
}
_ENTITY_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(e) for e in sorted(ENTITIES, key=len, reverse=True))
    + r")(?!\w)")
_INDIRECT_RE = re.compile(r"\b([Hh]e|[Ss]he|[A-Z]\w+(?: [A-Z][\w-]+)?)(?: \w+ly)? "
                          r"(stated|said|insisted|stressed|declared|added|suggests) that ([^.“”\n]+)")
_SENTENCE_RE = re.compile(r"(?<![^\s])[A-Z][^.!?\n“”]{30,300}[.!?]")
_QUOTE_RE = re.compile(r"“([^”\n]+)”")
_CUE_RE = re.compile(r"\W{0,3}\s*(?:(he|she|they|[A-Z][\w.-]+(?: [A-Z][\w-]+)?|a spokesman) )?"
                     r"(said|emphasized|remarked|insisted|questioned|stated|told|added|asked)\b")


def big_article(size: int = 1_000_000, seed: int = 7) -> str:
    """About `size` characters: the seed's paragraphs and the ones above, shuffled into
    paragraphs of one to four, each run of paragraphs with its own numbered dateline."""
    # the added paragraphs are denser in entities: three times each brings 1 MB to ~30,000
    pool = [p for p in seed_text().split("\n") if len(p) > 40] + PARAGRAPHS * 3
    rnd = random.Random(seed)
    parts: list[str] = []
    total = 0
    n = 0
    while total < size:
        if n % 25 == 0:
            parts.append(f"Dispatch {n // 25 + 1}, from the wire desk")
        para = " ".join(rnd.choice(pool) for _ in range(rnd.randint(1, 4)))
        parts.append(para)
        total += len(para) + 1
        n += 1
    return "\n".join(parts)[:size].rsplit(" ", 1)[0] + "."


def analysis_record(doc_id: str, text: str, text_sha256: str) -> dict[str, Any]:
    """An analysis record for `text` in the cached shape (entities, quotes, attributions)."""
    entities = [{"start": m.start(), "end": m.end(), "label": ENTITIES[m.group()], "text": m.group()}
                for m in _ENTITY_RE.finditer(text)]
    quotes: list[dict[str, Any]] = []
    attributions: list[dict[str, Any]] = []
    for m in _QUOTE_RE.finditer(text):
        start, end = m.span(1)
        quote: dict[str, Any] = {"start": start, "end": end, "key": f"q:{start}-{end}",
                                 "text": m.group(1), "speech": len(m.group(1)) > 30,
                                 "kind": "speech" if len(m.group(1)) > 30 else "scare"}
        cue = _CUE_RE.match(text, end + 1)
        if quote["speech"] and cue:
            aid = f"a{len(attributions) + 1}"
            source = list(cue.span(1)) if cue.group(1) else None
            attributions.append({
                "id": aid, "key": f"a:{start}-{end}", "type": "direct", "source_span": source,
                "source_text": cue.group(1) or "", "speaker": cue.group(1) or "",
                "cue_span": list(cue.span(2)), "cue": cue.group(2),
                "content_spans": [[start, end]], "confidence": 0.9})
            quote.update(speaker=cue.group(1) or "", speaker_span=source, cue=cue.group(2),
                         cue_span=list(cue.span(2)), attribution=aid, confidence=0.9)
        quotes.append(quote)
    for m in _INDIRECT_RE.finditer(text):
        attributions.append({
            "id": f"a{len(attributions) + 1}", "key": f"a:{m.start(3)}-{m.end(3)}",
            "type": "indirect", "source_span": list(m.span(1)), "source_text": m.group(1),
            "speaker": m.group(1), "cue_span": list(m.span(2)), "cue": m.group(2),
            "content_spans": [list(m.span(3))], "confidence": 0.7})
    attributions.sort(key=lambda a: a["content_spans"][0])
    return {"id": doc_id, "text_sha256": text_sha256, "model": model_id_for(None),
            "entities": entities, "quotes": quotes, "attributions": attributions}


def highlight_count(record: dict[str, Any]) -> int:
    """How many highlights the annotation screen draws for a record and its claims."""
    return (len(record["entities"]) + len(record["quotes"]) + record.get("annotations", 0)
            + sum(len(a["content_spans"]) for a in record["attributions"]))


def claims(doc_id: str, text: str, every: int) -> list[Annotation]:
    """A claim on every `every`-th sentence (an editor's earlier work on the article)."""
    found = list(_SENTENCE_RE.finditer(text))[::every] if every else []
    return [Annotation(kind="claim", doc_id=doc_id, attrs={"checkworthy": "yes"},
                       spans=[Span("claim", m.start(), m.end(), m.group())], annotator="bench")
            for m in found]


def make_db(path: Path, articles: list[tuple[str, str, str]], *, cached: bool = True,
            stored_entities: bool = False, claim_every: int = 0) -> dict[str, dict[str, Any]]:
    """A database of (id, title, text) articles; `cached` stores each one's analysis record
    under the current cache key, `stored_entities` stores its entities with the document (what
    the screen shows while an uncached analysis runs), `claim_every` adds claims. Returns each
    article's record, with "annotations" (how many claims it got)."""
    store = Store(path, annotator="bench")
    records = {}
    for doc_id, title, text in articles:
        doc = Document(id=doc_id, text=text, title=title)
        record = analysis_record(doc_id, text, doc.text_sha256)
        store.insert_document(doc, entities=record["entities"] if stored_entities else None)
        if cached:
            store.save_analysis(record, extractor_version=extractor_version())
        anns = claims(doc_id, text, claim_every)
        with store._write() as db:  # one bulk write: no journal entry per claim
            for ann in anns:
                journal.insert_annotation(db.conn, {"doc_id": doc_id, **ann.to_dict()})
        records[doc_id] = {**record, "annotations": len(anns)}
    store.close()
    return records
