"""Commands for teams and other tools: merge annotators' databases, measure their agreement."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..settings import Settings


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
        renamed = (f", {len(r.renamed_documents)} documents renamed (id taken by another text)"
                   if r.renamed_documents else "")
        click.echo(f"{r.source}: {r.documents_added} documents added, {r.documents_matched} "
                   f"matched; {r.annotations_added} annotations added ({r.annotations_renamed} "
                   f"under a new id), {r.annotations_present} already there{renamed}", err=True)
    click.echo(f"merged {len(results)} databases into {into}", err=True)


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _prf_cells(d: dict[str, Any]) -> list[str]:
    return [_num(d["precision"]), _num(d["recall"]), _num(d["f1"])]


def agreement_tables(report: dict[str, Any]) -> list[Any]:
    """Rich tables for an agreement report: spans, frames, attributes, pairs, documents."""
    from rich.table import Table

    from annotations.agreement import prf

    names = report["annotators"]
    who = " vs ".join(names) if len(names) == 2 else f"{len(names)} annotators, pooled over pairs"
    spans = Table(title=f"span agreement ({who}; {report['documents']} documents)",
                  title_justify="left")
    spans.add_column("kind.role", no_wrap=True)
    for col in ("A", "B", "exact P", "R", "F1", "overlap P", "R", "F1"):
        spans.add_column(col, justify="right")
    total: dict[str, dict[str, int]] = {}
    for key, modes in sorted(report["spans"].items()):
        spans.add_row(key, str(modes["exact"]["a"]), str(modes["exact"]["b"]),
                      *_prf_cells(modes["exact"]), *_prf_cells(modes["overlap"]))
        for m, d in modes.items():
            for k in ("a", "b", "matched"):
                total.setdefault(m, {}).setdefault(k, 0)
                total[m][k] += d[k]
    if total:
        ex, ov = prf(total["exact"]), prf(total["overlap"])
        spans.add_row("all", str(ex["a"]), str(ex["b"]), *_prf_cells(ex), *_prf_cells(ov),
                      style="bold")
    frames = Table(title="attribution frames (same content, same source)", title_justify="left")
    for col in ("match", "A", "B", "P", "R", "F1"):
        frames.add_column(col, justify="left" if col == "match" else "right")
    for mode, d in report["frames"].items():
        frames.add_row(mode, str(d["a"]), str(d["b"]), *_prf_cells(d))
    attrs = Table(title="attribute agreement", title_justify="left")
    for col in ("attribute", "items", "observed", "Cohen's κ", "units", "Krippendorff's α"):
        attrs.add_column(col, justify="left" if col == "attribute" else "right")
    for key, d in report["attributes"].items():
        attrs.add_row(key, str(d["items"]), _num(d["observed"]), _num(d["cohen_kappa"], 3),
                      str(d["units"]), _num(d["krippendorff_alpha"], 3))
    tables = [spans, frames, attrs]
    if len(names) > 2:
        pairs = Table(title="pairs", title_justify="left")
        for col in ("A", "B", "span F1 exact", "overlap", "frame F1", "κ claim", "κ stance"):
            pairs.add_column(col)
        for p in report["pairs"]:
            ex = prf(_sum(p["spans"], "exact"))
            ov = prf(_sum(p["spans"], "overlap"))
            kappas = [_num(p["attributes"].get(k, {}).get("cohen_kappa"), 3)
                      for k in ("claim.checkworthy", "stance.polarity")]
            pairs.add_row(p["a"], p["b"], _num(ex["f1"]), _num(ov["f1"]),
                          _num(p["frames"]["overlap"]["f1"]), *kappas)
        tables.append(pairs)
    docs = Table(title="per document", title_justify="left")
    for col in ("id", "title", "span F1 exact", "overlap", "frame F1", "labels agree"):
        docs.add_column(col)
    for d in report["per_document"]:
        items = sum(a["items"] for a in d["attributes"].values())
        same = sum((a["observed"] or 0) * a["items"] for a in d["attributes"].values())
        docs.add_row(d["id"], d["title"][:40], _num(d["spans"].get("exact", {}).get("f1")),
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

    report = agreement(list(databases), disagreements=disagreements)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console()
    for table in agreement_tables(report):
        console.print(table)
    if disagreements:
        console.print(disagreement_table(report["disagreements"]))


COMMANDS: list[click.Command] = [merge_cmd, agreement_cmd]
