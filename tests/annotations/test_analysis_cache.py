"""Analysis: `redline analyze` output, the cache, and a cached article never importing spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from annotations.analysis import analyze_documents, cached
from annotations.models import sha256
from annotations.nlp.pipeline import load_pipeline
from annotations.store import Store
from tui.cli import main

TEXT = '“We are not leaving,” Maria Santos said on Monday.\nShe added: “Never.”'


def test_analyze_reads_jsonl_and_plain_text(tmp_path: Path) -> None:
    line = json.dumps({"id": "a1", "text": TEXT})
    result = CliRunner().invoke(main, ["analyze", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    [rec] = [json.loads(x) for x in result.stdout.splitlines()]
    assert rec["id"] == "a1" and rec["text_sha256"] == sha256(TEXT)
    assert rec["model"].startswith("en_core_web_sm")
    first = rec["quotes"][0]
    assert TEXT[first["start"]:first["end"]] == "We are not leaving,"
    assert first["speech"] is True and first["speaker"] == "Maria Santos" and first["cue"] == "said"
    plain = tmp_path / "a.txt"
    plain.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(plain)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["quotes"] == rec["quotes"]
    assert not (tmp_path / "default.db").exists()  # analyze touches no database


def test_analyze_rejects_bad_jsonl_in_one_line() -> None:
    result = CliRunner().invoke(main, ["analyze", "-"], input='{"text": "ok"}\n{"id": 2}\n')
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith("redline: error: <stdin>:2:")


def test_analysis_is_cached_per_text_pipeline_and_version(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    doc = store.get_document(doc_id)
    assert cached(store, doc, None) is None
    pipeline = load_pipeline(None)
    [record] = list(analyze_documents(store, [doc], pipeline))
    assert cached(store, doc, None) == record
    calls = []
    [again] = list(analyze_documents(store, [doc], pipeline, progress=calls.append))
    assert again == record and calls == [1]
    n = store.db.conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
    assert n == 1


def test_opening_a_cached_article_never_imports_spacy(seeded: tuple[Store, str]) -> None:
    store, doc_id = seeded
    list(analyze_documents(store, [store.get_document(doc_id)], load_pipeline(None)))
    store.close()
    code = textwrap.dedent(f"""
        import sys
        from annotations.store import Store
        from annotations.analysis import cached, entities_for
        s = Store({str(store.path)!r})
        doc = s.get_document({doc_id!r})
        rec = cached(s, doc, None)
        assert rec is not None and rec["entities"], "expected a cache hit"
        assert entities_for(s, doc)
        assert "spacy" not in sys.modules, "spaCy was imported"
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
