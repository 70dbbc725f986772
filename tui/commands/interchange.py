"""Commands for teams and other tools: merge annotators' databases, measure their agreement."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from ..settings import Settings
from ..wording import plural


@click.command("merge")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--into", "into", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The database to merge into (created if missing).")
@click.pass_obj
def merge_cmd(settings: Settings, sources: tuple[Path, ...], into: Path) -> None:
    """Combine annotators' databases: documents matched by text, every annotation kept."""
    from annotations.merge import check_sources, merge_databases
    from annotations.store import Store

    check_sources(list(sources), into)  # before creating the destination
    with Store(into, annotator=settings.annotator) as store:
        results = merge_databases(list(sources), store)
    for r in results:
        renamed = (f", {plural(len(r.renamed_documents), 'document')} renamed (id taken by another text)"
                   if r.renamed_documents else "")
        click.echo(f"{r.source}: {plural(r.documents_added, 'document')} added, {r.documents_matched} "
                   f"matched; {plural(r.annotations_added, 'annotation')} added ({r.annotations_renamed} "
                   f"under a new id), {r.annotations_present} already there{renamed}", err=True)
    click.echo(f"merged {plural(len(results), 'database')} into {into}", err=True)


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _prf_cells(d: dict[str, Any]) -> list[str]:
    return [_num(d["precision"]), _num(d["recall"]), _num(d["f1"])]


def short_ids(ids: list[str], *, least: int = 6) -> dict[str, str]:
    """Each id as its shortest distinguishing part: the shortest unique prefix (at least `least`
    characters), or, when ids share a long prefix, "…" and the part after it that differs."""
    unique = sorted(set(ids))
    if not unique:
        return {}
    width = max(len(i) for i in unique)
    n = least
    while n < width and len({i[:n] for i in unique}) < len(unique):
        n += 1
    if n <= 12:
        return {i: i[:n] for i in ids}
    # character by character on purpose: ids are not paths
    shared = os.path.commonprefix(unique) if len(unique) > 1 else ""  # noqa: RUF071
    # back to the last separator, so "…-0001" shows a whole part, not "…1"
    common = max((shared.rfind(c) + 1 for c in "-_./:"), default=0) or len(shared)
    tails = {i: i[common:] for i in unique}
    m = 1
    while len({t[:m] for t in tails.values()}) < len(unique):
        m += 1
    return {i: "…" + tails[i][:max(m, least)] for i in ids}


def _table(title: str, columns: list[str], *, text_columns: int = 1) -> Any:
    """A table whose first `text_columns` columns are text (left) and the rest numbers (right)."""
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for n, col in enumerate(columns):
        table.add_column(col, justify="left" if n < text_columns else "right", no_wrap=True,
                         min_width=len(col))  # a header is never cut ("overl…")
    return table


def agreement_tables(report: dict[str, Any], *, width: int = 80) -> list[Any]:
    """Rich tables for an agreement report: spans, frames, attributes, pairs, documents.

    They fit 80 columns (a pipe's width): one row per kind.role and match mode rather than a
    column per mode, short titles, numbers right-aligned, ids cut to what tells them apart.
    """
    from annotations.agreement import prf

    names = report["annotators"]
    who = " vs ".join(names) if len(names) == 2 else f"{len(names)} annotators, pooled"
    spans = _table(f"span agreement ({who}; {plural(report['documents'], 'document')})",
                   ["kind.role", "match", "A", "B", "P", "R", "F1"], text_columns=2)
    total: dict[str, dict[str, int]] = {}
    for key, modes in sorted(report["spans"].items()):
        for m, d in modes.items():
            spans.add_row(key if m == "exact" else "", m, str(d["a"]), str(d["b"]), *_prf_cells(d))
            for k in ("a", "b", "matched"):
                total.setdefault(m, {}).setdefault(k, 0)
                total[m][k] += d[k]
    for m, counts in total.items():
        d = prf(counts)
        spans.add_row("all" if m == "exact" else "", m, str(d["a"]), str(d["b"]), *_prf_cells(d),
                      style="bold")
    frames = _table("attribution frames", ["match", "A", "B", "P", "R", "F1"])
    for mode, d in report["frames"].items():
        frames.add_row(mode, str(d["a"]), str(d["b"]), *_prf_cells(d))
    tables = [spans, frames]
    if any(d["items"] for d in report["attributes"].values()):
        attrs = _table("attribute agreement", ["attribute", "items", "observed", "Cohen's κ",
                                               "units", "Krippendorff's α"])
        for key, d in report["attributes"].items():
            attrs.add_row(key, str(d["items"]), _num(d["observed"]), _num(d["cohen_kappa"], 3),
                          str(d["units"]), _num(d["krippendorff_alpha"], 3))
        tables.append(attrs)
    if len(names) > 2:
        pairs = _table("pairs", ["A", "B", "span F1", "overlap", "frame F1", "κ claim", "κ stance"],
                       text_columns=2)
        for p in report["pairs"]:
            ex = prf(_sum(p["spans"], "exact"))
            ov = prf(_sum(p["spans"], "overlap"))
            kappas = [_num(p["attributes"].get(k, {}).get("cohen_kappa"), 3)
                      for k in ("claim.checkworthy", "stance.polarity")]
            pairs.add_row(p["a"], p["b"], _num(ex["f1"]), _num(ov["f1"]),
                          _num(p["frames"]["overlap"]["f1"]), *kappas)
        tables.append(pairs)
    docs = _table("per document", ["id", "title", "span F1", "overlap", "frame F1", "labels"],
                  text_columns=2)
    shown = short_ids([d["id"] for d in report["per_document"]])
    # the title takes what the other columns leave, on one line: the id says which document
    others = [max((len(i) for i in shown.values()), default=2), *(len(c.header) for c in
                                                                 docs.columns[2:])]
    docs.columns[1].max_width = max(10, width - sum(w + 3 for w in others) - 4)
    docs.columns[1].overflow = "ellipsis"
    for d in report["per_document"]:
        items = sum(a["items"] for a in d["attributes"].values())
        same = sum((a["observed"] or 0) * a["items"] for a in d["attributes"].values())
        docs.add_row(shown[d["id"]], d["title"], _num(d["spans"].get("exact", {}).get("f1")),
                     _num(d["spans"].get("overlap", {}).get("f1")),
                     _num(d["frames"]["overlap"]["f1"]),
                     f"{round(same)}/{items}" if items else "–")
    tables.append(docs)
    return tables


def _sum(spans: dict[str, Any], mode: str) -> dict[str, int]:
    return {k: sum(m[mode][k] for m in spans.values()) for k in ("a", "b", "matched")}


def disagreement_table(found: list[dict[str, Any]]) -> Any:
    """One row per disagreement, with the text each annotator marked."""
    from rich.table import Table

    table = Table(title=f"disagreements ({len(found)})", title_justify="left")
    for col in ("document", "A", "B", "what", "type", "A marked", "B marked"):
        table.add_column(col, overflow="fold")
    for d in found:
        a = d["a_text"] if d["a_value"] is None else f"{d['a_value']}: {d['a_text']}"
        b = d["b_text"] if d["b_value"] is None else f"{d['b_value']}: {d['b_text']}"
        table.add_row(d["document"], d["a"], d["b"], d["what"], d["type"].replace("_", " "),
                      "–" if a is None else f"“{a}”", "–" if b is None else f"“{b}”")
    return table


@click.command("agreement")
@click.argument("databases", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--disagreements", is_flag=True, help="List every disagreement with its text.")
@click.pass_obj
def agreement_cmd(settings: Settings, databases: tuple[Path, ...], as_json: bool,
                  disagreements: bool) -> None:
    """Agreement between annotators' databases: span P/R/F1, frames, Cohen's κ, Krippendorff's α."""
    from annotations.agreement import agreement
    from annotations.safe_text import json_safe, safe_strings

    report = agreement(list(databases), disagreements=disagreements)
    if as_json:
        click.echo(json_safe(json.dumps(report, ensure_ascii=False, indent=2)))
        return
    from rich.console import Console

    report = safe_strings(report)  # titles, names and marked texts are stored text
    console = Console()
    for table in agreement_tables(report, width=console.width):
        console.print(table)
    if disagreements:
        console.print(disagreement_table(report["disagreements"]))


COMMANDS: list[click.Command] = [merge_cmd, agreement_cmd]
