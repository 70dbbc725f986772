"""`Store`: the journalled edits of `edits` plus the analysis cache and the library rows, which
draw on every layer below."""

from __future__ import annotations

import json
from typing import Any

from ..models import now_iso
from . import fts
from .entities import EntityStore
from .failures import reporting
from .labels import LabelStore

# Every part comes from an index (schema.add_library_counts): documents_library for the rows,
# annotations_doc, annotations_review and the decisions key for the counts, and analyses_counts
# for the newest analysis of each text (as `latest_analysis` picks it).
_NEWEST = " FROM analyses WHERE text_sha256 = d.text_sha256 ORDER BY created_at DESC LIMIT 1)"
LIBRARY_SQL = (
    "SELECT d.id, d.title, d.words, d.status, d.updated_at, d.needs_review,"
    " (SELECT count(*) FROM annotations a WHERE a.doc_id = d.id) AS annotations,"
    " (SELECT count(*) FROM annotations a WHERE a.doc_id = d.id AND a.needs_review) AS to_review,"
    " (SELECT count(*) FROM decisions x WHERE x.doc_id = d.id) AS decided,"
    " (SELECT coalesce(suggestions, 0)" + _NEWEST + " AS suggestions,"
    " (SELECT error" + _NEWEST + " AS analysis_error"
    " FROM documents d INDEXED BY documents_library ORDER BY d.position, d.id")


@reporting
class Store(LabelStore, EntityStore):
    """One redline database; safe to share between threads (calls are serialised)."""

    # -- analysis cache -------------------------------------------------------------------------
    @staticmethod
    def analysis_key(text_sha: str, model: str, extractor_version: str) -> str:
        """The cache key of one analysis."""
        return f"{text_sha}:{model}:{extractor_version}"

    def cached_analysis(self, text_sha: str, model: str, extractor_version: str
                        ) -> dict[str, Any] | None:
        """A stored analysis for exactly this text, pipeline and extractor, or None."""
        rows = self._rows("SELECT result FROM analyses WHERE key = ?",
                          (self.analysis_key(text_sha, model, extractor_version),))
        return json.loads(rows[0]["result"]) if rows else None

    def latest_analysis(self, text_sha: str) -> dict[str, Any] | None:
        """The newest stored analysis of this text with any pipeline, or None."""
        rows = self._rows("SELECT result FROM analyses WHERE text_sha256 = ?"
                          " ORDER BY created_at DESC LIMIT 1", (text_sha,))
        return json.loads(rows[0]["result"]) if rows else None

    def has_analysis(self, doc_id: str) -> bool:
        """Whether any analysis of the document's text is stored (no record decoded)."""
        return bool(self._rows(
            "SELECT 1 FROM analyses WHERE text_sha256 ="
            " (SELECT text_sha256 FROM documents WHERE id = ?) LIMIT 1", (doc_id,)))

    def save_analysis(self, record: dict[str, Any], *, extractor_version: str) -> None:
        """Cache one `analyze` record under (text hash, model, extractor version)."""
        if self.read_only:
            return  # only a cache: on a database that cannot be written, analyse every time
        key = self.analysis_key(record["text_sha256"], record["model"], extractor_version)
        with self._write() as db:
            db.conn.execute(
                "INSERT OR REPLACE INTO analyses (key, text_sha256, model, extractor_version,"
                " result, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (key, record["text_sha256"], record["model"], extractor_version,
                 json.dumps(record, ensure_ascii=False), now_iso()))

    # -- search ---------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, open_mark: str = "[", close_mark: str = "]"
               ) -> list[dict[str, Any]]:
        """Documents matching a full-text query over titles, texts and span texts, best first."""
        with self._lock:
            return fts.search(self.db.conn, query, limit=limit, open_mark=open_mark,
                              close_mark=close_mark)

    def search_ids(self, query: str, *, limit: int = 500) -> list[str]:
        """The ids of the documents a full-text query matches, best first (no snippets)."""
        with self._lock:
            return fts.matching_ids(self.db.conn, query, limit=limit)

    # -- library --------------------------------------------------------------------------------
    def library(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """One row per document in library order (the first `limit`, if given): id, title,
        words, annotations, pending suggestions, status, needs_review, and `analysis_error`
        (why its newest analysis failed, else None). One indexed query: the counts of the
        newest analysis are columns its triggers keep (schema.add_suggestion_counts)."""
        rows = self._rows(LIBRARY_SQL + (" LIMIT ?" if limit is not None else ""),
                          () if limit is None else (limit,))
        for r in rows:
            suggestions, decided = r.pop("suggestions"), r.pop("decided")  # None: not analysed
            # a failed analysis offers no suggestions: nothing pending, like one never analysed
            r["pending"] = (max(0, suggestions - decided)
                            if suggestions is not None and not r["analysis_error"] else None)
            r["needs_review"] = bool(r["needs_review"]) or bool(r.pop("to_review"))
        return rows


def suggestion_keys(analysis: dict[str, Any]) -> set[str]:
    """The keys of the suggestions an analysis offers (speech quotes and attributions)."""
    keys = {str(a.get("key") or a.get("id")) for a in analysis.get("attributions", [])}
    return keys
