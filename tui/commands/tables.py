"""Rich tables for the headless commands (`list`, `stats`)."""

from __future__ import annotations

from typing import Any

from rich.table import Table


def library_table(rows: list[dict[str, Any]]) -> Table:
    """Documents with words, annotations, pending suggestions, status and last edit."""
    table = Table(title="redline library", title_justify="left")
    for name, justify in (("id", "left"), ("title", "left"), ("words", "right"),
                          ("annotations", "right"), ("pending", "right"), ("status", "left"),
                          ("last edit", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        pending = "–" if r["pending"] is None else str(r["pending"])
        status = r["status"] + (" (review)" if r.get("needs_review") else "")
        table.add_row(r["id"], r["title"], f"{r['words']:,}", str(r["annotations"]), pending,
                      status, r["updated_at"][:16].replace("T", " "))
    return table


def stats_tables(stats: dict[str, Any]) -> list[Table]:
    """One two-column table per count in `corpus_stats`."""
    tables = []
    for section, counts in stats.items():
        table = Table(title=section, title_justify="left")
        table.add_column(section.rstrip("s"))
        table.add_column("count", justify="right")
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(key, str(n))
        if not counts:
            table.add_row("(none)", "0")
        tables.append(table)
    return tables
