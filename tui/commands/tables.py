"""Rich tables for the headless commands (`list`, `stats`)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from annotations.safe_text import terminal_safe

LIBRARY_COLUMNS = [("id", "left"), ("title", "left"), ("words", "right"), ("annotations", "right"),
                   ("pending", "right"), ("status", "left"), ("last edit", "left")]
"""The library's columns and their alignment (`redline list`, the table and tsv forms)."""


def library_cells(r: dict[str, Any], *, none: str = "–") -> list[str]:
    """One `Store.library()` row as the library's cells (`none` where nothing is pending
    because the document was never analysed, `failed` when its analysis failed)."""
    pending = str(r["pending"]) if r["pending"] is not None else (
        "failed" if r.get("analysis_error") else none)
    status = r["status"] + (" (review)" if r.get("needs_review") else "")
    # stored text, printed to a terminal: its escape sequences are shown, not obeyed
    return [terminal_safe(r["id"]), terminal_safe(r["title"]), f"{r['words']:,}",
            str(r["annotations"]), pending, status, r["updated_at"][:16].replace("T", " ")]


def library_table(rows: list[dict[str, Any]]) -> Table:
    """Documents with words, annotations, pending suggestions, status and last edit."""
    table = Table(title="redline library", title_justify="left")
    for name, justify in LIBRARY_COLUMNS:
        # ids are never shortened (they are what `annotate` and `--doc` take); titles wrap
        table.add_column(name, justify=justify, no_wrap=name == "id",  # type: ignore[arg-type]
                         min_width=max((len(r["id"]) for r in rows), default=2) if name == "id"
                         else None)
    for r in rows:
        table.add_row(*library_cells(r))
    return table


def stats_tables(stats: dict[str, Any]) -> list[Table]:
    """One two-column table per count in `corpus_stats`."""
    tables = []
    for section, counts in stats.items():
        table = Table(title=section, title_justify="left")
        table.add_column(section.rstrip("s"))
        table.add_column("count", justify="right")
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(terminal_safe(key), str(n))  # annotator names come from imports
        if not counts:
            table.add_row("(none)", "0")
        tables.append(table)
    return tables
