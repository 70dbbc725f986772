"""The label scheme: its validation, the store's copy, and `redline labels` / `labels set`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.errors import RedlineError, SchemaError
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.scheme import DEFAULT, Scheme, export_name, parse_scheme
from annotations.store import Store
from tests.helpers.cli import run_cli

TEXT = "Officials said 40% of the budget went to roads. A source close to the mayor disagreed."
SCHEME = {"claim_types": ["statistic", "opinion"], "span_labels": ["anonymous source"],
          "stance_targets": ["the budget"]}


def _span(role: str, needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(role, start, start + len(needle), needle)


def _tagged(store: Store) -> str:
    """One document with a typed claim and a span label on it."""
    [doc] = store_records(store, [ImportRecord(text=TEXT, source="t", id="d1")]).added
    store.add_annotation(Annotation("claim", [_span("claim", "40% of the budget went to roads")],
                                    {"type": "statistic"}, doc_id=doc))
    store.add_annotation(Annotation("label", [_span("span", "A source close to the mayor")],
                                    {"label": "anonymous source", "note": "who?"}, doc_id=doc))
    return doc


def test_a_new_database_has_the_default_empty_scheme(store: Store) -> None:
    assert store.label_scheme() == DEFAULT == Scheme()


def test_set_then_read_gives_the_scheme_back_in_order(store: Store) -> None:
    scheme = parse_scheme(SCHEME)
    assert store.set_label_scheme(scheme) == {}
    assert store.label_scheme().to_dict() == SCHEME


@pytest.mark.parametrize(("data", "says"), [
    ([], "a label scheme is a JSON object"),
    ({"claim_type": []}, "no 'claim_type'"),
    ({"claim_types": "statistic"}, "claim_types must be a list of strings"),
    ({"claim_types": [1]}, "claim_types must be a list of strings"),
    ({"claim_types": [" statistic"]}, "without spaces around them"),
    ({"claim_types": ["a", "A"]}, "'a' and 'A', which are the same label"),
    ({"span_labels": ["anonymous source", "Anonymous_Source"]}, "the same label"),
    ({"span_labels": ["source"]}, "exports as SOURCE"),
    ({"span_labels": ["!!"]}, "no letter or digit"),
    ({"stance_targets": ["x\ny"]}, "one line"),
])
def test_a_bad_scheme_is_refused_naming_what_is_wrong(data: object, says: str) -> None:
    with pytest.raises(SchemaError) as e:
        parse_scheme(data)
    assert says in e.value.message


def test_dropping_a_label_in_use_is_refused_with_its_count_unless_forced(store: Store) -> None:
    store.set_label_scheme(parse_scheme(SCHEME))
    _tagged(store)
    smaller = parse_scheme({"claim_types": ["opinion"], "span_labels": []})
    with pytest.raises(RedlineError) as e:
        store.set_label_scheme(smaller)
    assert "claim type 'statistic' is used by 1 annotation" in e.value.message
    assert "span label 'anonymous source' is used by 1 annotation" in e.value.message
    assert store.label_scheme().to_dict() == SCHEME  # nothing changed
    dropped = store.set_label_scheme(smaller, force=True)
    assert dropped == {"claim type 'statistic'": 1, "span label 'anonymous source'": 1}
    assert store.label_scheme() == smaller
    # the annotations keep their labels
    assert store.labels_in_use() == {"claim_types": {"statistic": 1},
                                     "span_labels": {"anonymous source": 1}}


def test_a_span_label_needs_its_label(store: Store) -> None:
    [doc] = store_records(store, [ImportRecord(text=TEXT, source="t", id="d1")]).added
    with pytest.raises(SchemaError, match="needs a 'label'"):
        store.add_annotation(Annotation("label", [_span("span", "A source")], {}, doc_id=doc))


def test_export_names_match_back_whatever_the_case() -> None:
    scheme = parse_scheme(SCHEME)
    assert export_name("anonymous source") == "ANONYMOUS_SOURCE"
    assert scheme.span_label("Anonymous_Source") == "anonymous source"
    assert scheme.span_label("ANONYMOUS") is None


# -- the command line ---------------------------------------------------------------------------
def _write(tmp_path: Path, data: object, name: str = "scheme.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_labels_set_then_labels_json_shows_the_scheme(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    run = run_cli(db, "labels", "set", str(_write(tmp_path, SCHEME)))
    assert run.code == 0, run.stderr
    shown = run_cli(db, "labels", "--json")
    assert shown.code == 0
    assert json.loads(shown.stdout) == SCHEME


def test_labels_prints_a_table_with_the_counts(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        store.set_label_scheme(parse_scheme(SCHEME))
        _tagged(store)
    run = run_cli(db, "labels")
    assert run.code == 0
    rows = {" ".join(line.replace("│", " ").split()) for line in run.stdout.splitlines()}
    assert "claim_types statistic 1" in rows
    assert "claim_types opinion 0" in rows
    assert "span_labels anonymous source 1" in rows
    assert "stance_targets the budget –" in rows


def test_labels_set_refuses_a_bad_file_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    bad = _write(tmp_path, {"claim_types": ["a", "a"]})
    run = run_cli(db, "labels", "set", str(bad))
    assert run.code == 2 and not run.has_traceback
    assert run.errors == [f"redline: error: {bad}: claim_types has 'a' and 'a', which are the "
                          "same label; keep one"]
    broken = tmp_path / "broken.json"
    broken.write_text('{"claim_types": [\n', encoding="utf-8")
    run = run_cli(db, "labels", "set", str(broken))
    assert run.code == 2 and run.errors[0].startswith(f"redline: error: {broken}:2: is not JSON")


def test_labels_set_refuses_to_drop_a_used_label_unless_force(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        store.set_label_scheme(parse_scheme(SCHEME))
        _tagged(store)
    smaller = _write(tmp_path, {"claim_types": ["statistic"]}, "smaller.json")
    run = run_cli(db, "labels", "set", str(smaller))
    assert run.code == 2 and not run.has_traceback
    assert len(run.errors) == 1
    assert "span label 'anonymous source' is used by 1 annotation" in run.errors[0]
    assert "--force" in run.errors[0]
    assert json.loads(run_cli(db, "labels", "--json").stdout) == SCHEME
    run = run_cli(db, "labels", "set", "--force", str(smaller))
    assert run.code == 0
    assert "dropped span label 'anonymous source' (1 annotation keeps it)" in run.stderr
    assert json.loads(run_cli(db, "labels", "--json").stdout)["span_labels"] == []
    rows = {" ".join(line.replace("│", " ").split()) for line in run_cli(db, "labels").stdout
            .splitlines()}
    assert "span_labels anonymous source (not in the scheme) 1" in rows


def test_stats_count_claim_types_and_span_labels_but_not_notes(store: Store) -> None:
    from annotations.stats import corpus_stats

    _tagged(store)
    counts = corpus_stats(store)
    assert counts["kinds"] == {"claim": 1, "label": 1}
    assert counts["labels"] == {"claim.checkworthy=yes": 1, "claim.type=statistic": 1,
                                "label.label=anonymous source": 1}


def test_a_joined_scheme_adds_what_it_lacks_once() -> None:
    mine = parse_scheme({"claim_types": ["statistic"], "span_labels": ["anonymous source"]})
    other = parse_scheme({"claim_types": ["Statistic", "opinion"],
                          "span_labels": ["Anonymous_Source", "loaded language"],
                          "stance_targets": ["the budget"]})
    assert mine.joined(other).to_dict() == {
        "claim_types": ["statistic", "opinion"],
        "span_labels": ["anonymous source", "loaded language"],
        "stance_targets": ["the budget"]}


def test_merge_and_review_bring_the_annotators_labels(tmp_path: Path) -> None:
    """A merged or gold database lists the labels its annotations came with (it had none)."""
    sources = []
    for name, extra in (("alice", "opinion"), ("bob", "prediction")):
        db = tmp_path / f"{name}.db"
        with Store(db, annotator=name) as store:
            store.set_label_scheme(parse_scheme({**SCHEME, "claim_types": ["statistic", extra]}))
            _tagged(store)
        sources.append(db)
    run = run_cli(tmp_path / "merged.db", "merge", *map(str, sources), "--into",
                  str(tmp_path / "merged.db"))
    assert run.code == 0, run.stderr
    joined = {**SCHEME, "claim_types": ["statistic", "opinion", "prediction"]}
    with Store(tmp_path / "merged.db") as merged:
        assert merged.label_scheme().to_dict() == joined
    from annotations.review import Review

    with Store(tmp_path / "gold.db", annotator="judge") as gold:
        Review.open(sources, gold)
        assert gold.label_scheme().to_dict() == joined


def test_agreement_compares_span_labels(tmp_path: Path) -> None:
    """Two annotators who put different labels on the same words agree on the span, not on the
    label (the label was not compared: 1/1)."""
    from annotations.agreement import agreement

    paths = []
    for name, label in (("alice", "anonymous source"), ("bob", "loaded language")):
        path = tmp_path / f"{name}.db"
        with Store(path, annotator=name) as store:
            [doc] = store_records(store, [ImportRecord(text=TEXT, source="t", id="d1")]).added
            store.add_annotation(Annotation("label", [_span("span", "A source close to the mayor")],
                                            {"label": label}, doc_id=doc))
        paths.append(path)
    result = agreement(paths, disagreements=True)
    assert result["attributes"]["label.label"]["observed"] == 0.0
