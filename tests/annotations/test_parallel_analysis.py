"""Whole archives: analysis in worker processes (--processes) and on a Dask cluster
(--engine dask) gives exactly the records one process gives, in input order; a failing or
crashing document costs only its own record; `redline import --analyses` reuses analyze output
without loading spaCy.

The model is a blank English pipeline saved to a folder (a sentencizer and an entity ruler that
finds "Ann Lee"), so worker processes load it by name the way they load a real one.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy
from helpers.cli import run_cli

from annotations.nlp import analyze as analyze_mod
from annotations.nlp import attribution, component, parallel
from annotations.nlp.analyze import analyze_texts
from annotations.nlp.parallel import analyze_parallel
from annotations.nlp.pipeline import load_pipeline

LINES = [
    "Ann Lee spoke first. “We will build it,” Ann Lee said on {n}.",
    "“It is too early to say,” the minister told reporters in week {n}. Ann Lee disagreed.",
    "Prices rose {n}% in the year, officials said. Ann Lee called it “a warning”.",
    "The council met on day {n}. “No comment,” a spokesman said, and Ann Lee left.",
]


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A saved blank pipeline that finds the entity "Ann Lee"."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Ann Lee"}])  # type: ignore[attr-defined]
    path = tmp_path_factory.mktemp("models") / "ruler_model"
    nlp.to_disk(path)
    return str(path)


def _items(n: int = 24) -> list[tuple[str, str]]:
    return [(f"d{i}", "\n".join(line.format(n=i + k) for k, line in enumerate(LINES[i % 4:] + LINES[:i % 4])))
            for i in range(n)]


def _one_process(model: str, items: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return list(analyze_texts(load_pipeline(model), items, batch_size=4))


def _no_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make sure the records come from worker processes, not from a fallback in this one."""
    def refuse(*args: Any, **kwargs: Any) -> Iterator[dict[str, Any]]:
        raise AssertionError("analysed in the calling process")

    monkeypatch.setattr(parallel, "_in_process", refuse)


def test_worker_processes_give_the_records_one_process_gives_in_input_order(
        model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    items = _items()
    _no_in_process(monkeypatch)
    got = list(analyze_parallel(model, iter(items), processes=2, batch_size=4))
    assert [r["id"] for r in got] == [i for i, _ in items]
    assert got == _one_process(model, items)
    assert all(r["entities"] and "error" not in r for r in got)


def _worker_start() -> tuple[int, int, int]:
    """In a worker, before any task: (objects frozen, pipelines loaded, name tables read)."""
    import gc

    from annotations.nlp import gender, pipeline

    return (gc.get_freeze_count(), pipeline._load.cache_info().currsize,
            gender._census.cache_info().currsize)


def test_workers_start_with_the_pipeline_loaded_warm_and_frozen(model: str) -> None:
    # what a process pays once (the model's load, its first document's one-time costs) the fork
    # server pays, not every worker again; and no collection in a worker walks the objects it
    # shares with the server (writing to each one's page would copy it)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2, mp_context=parallel._context(None, model)) as pool:
        frozen, pipelines, tables = pool.submit(_worker_start).result()
    assert frozen > 0
    assert pipelines >= 1
    assert tables == 1


def _boom(monkeypatch: pytest.MonkeyPatch, action: str) -> None:
    """Make the rules fail ("raise") or kill their process ("exit") on texts with "Boom"."""
    real = attribution.link_quotes

    def link_quotes(doc: Any, *args: Any) -> Any:
        if "Boom" in doc.text:
            if action == "exit":
                os._exit(3)  # as a crash in native code or the OOM killer would
            raise RuntimeError("rule exploded")
        return real(doc, *args)

    monkeypatch.setattr(component, "link_quotes", link_quotes)  # the rules run in the component


# "fork": the workers are copies of this process, so they run the patched rule
def test_a_document_whose_rules_fail_in_a_worker_gets_its_error_record_and_the_rest_go_on(
        model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    items = _items()
    items[9] = ("bad", "Boom. Ann Lee wrote to the council. “It is over,” she said.")
    _boom(monkeypatch, "raise")
    _no_in_process(monkeypatch)
    got = list(analyze_parallel(model, iter(items), processes=2, batch_size=4, context="fork"))
    assert [r["id"] for r in got] == [i for i, _ in items]
    bad = got[9]
    assert bad["error"].startswith("RuntimeError: rule exploded")
    assert [e["text"] for e in bad["entities"]] == ["Ann Lee"]  # its entities are kept
    assert all("error" not in r for k, r in enumerate(got) if k != 9)


def test_a_document_that_kills_its_worker_costs_only_its_own_record(
        model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    items = _items()
    items[5] = ("crash", "Boom. “It is over,” Ann Lee said.")
    expected = _one_process(model, items[:5] + items[6:])
    _boom(monkeypatch, "exit")
    got = list(analyze_parallel(model, iter(items), processes=2, batch_size=4, context="fork"))
    assert [r["id"] for r in got] == [i for i, _ in items]
    assert got[5]["error"].startswith("the analysis process died")
    assert got[:5] + got[6:] == expected  # every other document, also those in flight with it


def _jsonl(path: Path, items: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in items),
                    encoding="utf-8")
    return path


def test_analyze_with_two_processes_writes_the_same_bytes_as_one(
        model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _jsonl(tmp_path / "in.jsonl", _items())
    one = run_cli(None, "--model", model, "analyze", str(src), "--processes", "1",
                  "--batch-size", "4")
    assert one.code == 0, one.stderr
    _no_in_process(monkeypatch)
    two = run_cli(None, "--model", model, "analyze", str(src), "--processes", "2",
                  "--batch-size", "4")
    assert two.code == 0, two.stderr
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) == 24


def test_dask_on_a_local_cluster_writes_the_same_bytes_as_one_process(
        model: str, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    src = _jsonl(tmp_path / "in.jsonl", _items())
    one = run_cli(None, "--model", model, "analyze", str(src), "--processes", "1",
                  "--batch-size", "4")
    assert one.code == 0, one.stderr
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,  # type: ignore[no-untyped-call]
                      host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster) as client:  # type: ignore[no-untyped-call]
        run = run_cli(None, "--model", model, "analyze", str(src), "--engine", "dask",
                      "--scheduler", cluster.scheduler_address, "--batch-size", "4")
        # (hits, misses) of each worker's pipeline loader: a lambda travels by value
        loads = client.run(lambda: tuple(__import__("annotations.nlp.pipeline", fromlist=["_"])
                                         ._load.cache_info())[:2])
    assert run.code == 0, run.stderr
    assert run.stdout == one.stdout
    assert len(loads) == 2
    worked = [(hits, misses) for hits, misses in loads.values() if hits or misses]
    assert sum(h + m for h, m in worked) == 6  # one call per partition of 4 documents
    assert all(misses == 1 for _, misses in worked)  # the pipeline loaded once per worker


def test_dask_engine_without_dask_installed_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import fails as if not installed
    src = _jsonl(tmp_path / "in.jsonl", _items(2))
    run = run_cli(None, "analyze", str(src), "--engine", "dask")
    assert run.code == 2
    assert not run.has_traceback
    assert run.errors == ['redline: error: --engine dask needs Dask, which is not installed; '
                          'pip install "redline[dask]"']
    assert run.stdout == ""


def _analyses(db: Path) -> dict[str, dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        return {sha: json.loads(result) for sha, result in
                conn.execute("SELECT text_sha256, result FROM analyses")}


def _no_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(name: str | None = None) -> Any:
        raise AssertionError("spaCy was loaded")

    monkeypatch.setattr("annotations.nlp.pipeline.load_pipeline", refuse)


def test_import_reuses_analyze_output_without_loading_spacy(
        model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = _items(6)
    src = _jsonl(tmp_path / "in.jsonl", items)
    out = run_cli(None, "--model", model, "analyze", str(src), "--processes", "1")
    assert out.code == 0, out.stderr
    (tmp_path / "analyzed.jsonl").write_text(out.stdout, encoding="utf-8")
    _no_spacy(monkeypatch)
    db = tmp_path / "r.db"
    run = run_cli(db, "--model", model, "import", str(src), "--analyses",
                  str(tmp_path / "analyzed.jsonl"))
    assert run.code == 0, run.stderr
    assert "reused 6 analyses from 1 file" in run.stderr
    stored = _analyses(db)
    written = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(stored) == 6
    for rec in written:
        assert rec.pop("extractor_version") == analyze_mod.EXTRACTOR_VERSION
        assert stored[rec["text_sha256"]] == rec


def test_analyses_of_other_rules_are_not_reused_and_the_text_is_analysed(
        model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = _items(2)
    src = _jsonl(tmp_path / "in.jsonl", items)
    out = run_cli(None, "--model", model, "analyze", str(src), "--processes", "1")
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    lines[1]["extractor_version"] = "0.1"
    lines[1]["quotes"] = []  # what old rules found: must not become this redline's analysis
    (tmp_path / "analyzed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines),
                                             encoding="utf-8")
    db = tmp_path / "r.db"
    run = run_cli(db, "--model", model, "import", str(src), "--analyses",
                  str(tmp_path / "analyzed.jsonl"))
    assert run.code == 0, run.stderr
    assert "reused 1 analysis from 1 file; 1 made by other rules were analysed again" in run.stderr
    assert _analyses(db)[lines[1]["text_sha256"]]["quotes"]  # analysed here, by these rules


def test_analyses_made_with_another_model_are_not_counted_as_reused(
        model: str, tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", _items(2))
    out = run_cli(None, "--model", model, "analyze", str(src), "--processes", "1")
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    lines[0]["model"] = "en_core_web_lg-3.8.0"  # made elsewhere with a model the import does not use
    (tmp_path / "analyzed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines),
                                             encoding="utf-8")
    db = tmp_path / "r.db"
    run = run_cli(db, "--model", model, "import", str(src), "--analyses",
                  str(tmp_path / "analyzed.jsonl"))
    assert run.code == 0, run.stderr
    assert ("reused 1 analysis from 1 file; 1 made with another model than ruler_model-0.0.0 were"
            " analysed again (give the import that model's --model)") in run.stderr
    assert {r["model"] for r in _analyses(db).values()} == {"ruler_model-0.0.0"}


def test_an_analysis_whose_offsets_do_not_fit_the_text_is_refused_naming_the_line(
        model: str, tmp_path: Path) -> None:
    items = _items(3)
    src = _jsonl(tmp_path / "in.jsonl", items)
    out = run_cli(None, "--model", model, "analyze", str(src), "--processes", "1")
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    lines[2]["entities"][0]["end"] += 1  # off by one: the entity's text no longer matches
    bad = tmp_path / "analyzed.jsonl"
    bad.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    db = tmp_path / "r.db"
    run = run_cli(db, "--model", model, "import", str(src), "--analyses", str(bad), "--no-analyze")
    assert run.code == 2
    assert not run.has_traceback
    assert len(run.errors) == 1
    assert run.errors[0].startswith(f"redline: error: {bad}:3: entity ")
    assert _analyses(db) == {}  # none of that file's analyses, not even the two good ones


def test_a_scheduler_address_that_cannot_be_used_is_one_line(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", _items(2))
    run = run_cli(None, "analyze", str(src), "--engine", "dask", "--scheduler", "nonsense")
    assert run.code == 2
    assert not run.has_traceback
    assert len(run.errors) == 1
    assert run.errors[0].startswith("redline: error: cannot reach the Dask scheduler at nonsense (")
    assert run.stdout == ""


def test_import_with_two_processes_stores_the_analyses_one_process_stores(
        model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _jsonl(tmp_path / "in.jsonl", _items())
    one = run_cli(tmp_path / "one.db", "--model", model, "import", str(src), "--processes", "1",
                  "--batch-size", "4")
    assert one.code == 0, one.stderr
    _no_in_process(monkeypatch)
    two = run_cli(tmp_path / "two.db", "--model", model, "import", str(src), "--processes", "2",
                  "--batch-size", "4")
    assert two.code == 0, two.stderr
    stored = _analyses(tmp_path / "two.db")
    assert len(stored) == 24
    assert stored == _analyses(tmp_path / "one.db")


def test_chunks_are_bounded_by_documents_and_characters() -> None:
    items = [(str(i), "x" * size) for i, size in enumerate([10, 10, 10, 90, 10, 250, 10])]
    got = list(parallel.chunks(iter(items), 3, chars=100))
    assert [[i for i, _ in c] for c in got] == [["0", "1", "2"], ["3", "4"], ["5"], ["6"]]
    assert [i for c in got for i, _ in c] == [i for i, _ in items]  # nothing lost or moved


def test_the_input_is_read_only_as_far_as_the_workers_need(model: str) -> None:
    items = _items(200)
    read = 0

    def source() -> Iterator[tuple[str, str]]:
        nonlocal read
        for item in items:
            read += 1
            yield item

    records = analyze_parallel(model, source(), processes=2, batch_size=4)
    first = next(records)
    # the first record comes back with at most two chunks per worker read (and the one the
    # in-flight limit stopped at), not the whole input
    assert first["id"] == "d0"
    assert read <= (parallel.AHEAD * 2 + 1) * 4
    assert [r["id"] for r in records] == [i for i, _ in items[1:]]
    assert read == 200


class _BoomOnWorkers:
    """A worker plugin (sent by value) that makes the rules kill their worker on "Boom", in
    every worker the cluster starts, restarted ones included."""

    name = "redline-boom"

    def setup(self, worker: Any) -> None:
        from annotations.nlp import attribution as rules
        from annotations.nlp import component as module

        real = rules.link_quotes

        def link_quotes(doc: Any, *args: Any) -> Any:
            if "Boom" in doc.text:
                os._exit(3)
            return real(doc, *args)

        module.link_quotes = link_quotes  # type: ignore[attr-defined]


def test_dask_a_document_that_kills_its_workers_costs_only_its_own_record(
        model: str, tmp_path: Path) -> None:
    import cloudpickle
    import dask
    from distributed import Client, LocalCluster, WorkerPlugin

    items = _items(12)
    items[6] = ("crash", "Boom. “It is over,” Ann Lee said.")
    src = _jsonl(tmp_path / "in.jsonl", items)
    expected = _one_process(model, items[:6] + items[7:])
    plugin = type("BoomPlugin", (_BoomOnWorkers, WorkerPlugin), {})()
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import tests
    try:
        # the scheduler gives up on a task at the first worker it kills (3 by default)
        with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
                LocalCluster(n_workers=2, processes=True,  # type: ignore[no-untyped-call]
                             threads_per_worker=1, host="127.0.0.1",
                             dashboard_address=None) as cluster, \
                Client(cluster) as client:  # type: ignore[no-untyped-call]
            client.register_plugin(plugin)
            run = run_cli(None, "--model", model, "analyze", str(src), "--engine", "dask",
                          "--scheduler", cluster.scheduler_address, "--batch-size", "4")
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert run.code == 1, run.stderr
    got = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in got] == [i for i, _ in items]
    assert got[6]["error"].startswith("the analysis process died (KilledWorker")
    assert [{k: v for k, v in r.items() if k != "extractor_version"} for r in got[:6] + got[7:]] \
        == expected
