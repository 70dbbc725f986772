"""Stored text printed to a terminal never carries a live escape sequence: a title holding an
OSC 52 clipboard write or ESC[2J is shown (␛…), not obeyed, by every command that prints it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers.cli import Run, run_cli

from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.safe_text import json_safe, one_line_safe, terminal_safe
from annotations.store import Store

OSC52 = "\x1b]52;c;aGFja2Vk\x07"  # writes "hacked" to the clipboard
CLEAR = "\x1b[2J"
CSI8 = "\x9b2J"  # the same as a one-byte C1 control
TITLE = f"Budget{OSC52} vote{CLEAR}{CSI8}"
TEXT = f"The minister said the budget{CLEAR} would pass. Critics\x07 disagreed."
EVIL_NAME = f"mallory{CLEAR}"
# any C0 control but newline and tab, DEL, any C1 control
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _annotated(path: Path) -> Path:
    with Store(path, annotator=EVIL_NAME) as store:
        store_records(store, [ImportRecord(text=TEXT, source="t", id=f"doc{CLEAR}1", title=TITLE)])
        start = TEXT.index("the budget")
        end = TEXT.index(" would")
        store.add_annotation(Annotation(kind="claim", doc_id=f"doc{CLEAR}1", annotator=EVIL_NAME,
                                        spans=[Span("claim", start, end, TEXT[start:end])]))
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _annotated(tmp_path / "evil.db")


def assert_inert(run: Run) -> None:
    assert run.code == 0, run.stderr
    assert not RAW.search(run.stdout), repr(run.stdout)
    assert not RAW.search(run.stderr), repr(run.stderr)


def test_the_helper_keeps_length_newlines_and_tabs() -> None:
    s = f"a\tb\n{OSC52}\x7f\x85\r"
    safe = terminal_safe(s)
    assert len(safe) == len(s)  # offsets into the text still hold
    assert safe == "a\tb\n␛]52;c;aGFja2Vk␇␡\ufffd␍"
    assert one_line_safe("a\tb\nc") == "a␉b␤c"
    assert terminal_safe("plain “text” 🚀") == "plain “text” 🚀"
    line = json_safe(json.dumps(TITLE, ensure_ascii=False))
    assert not RAW.search(line) and json.loads(line) == TITLE


def test_list_tsv_shows_escapes_and_keeps_its_columns(db: Path) -> None:
    run = run_cli(db, "list", "--format", "tsv")
    assert_inert(run)
    head, row = run.stdout.splitlines()
    cells = row.split("\t")
    assert len(cells) == len(head.split("\t"))
    assert cells[:2] == ["doc␛[2J1", "Budget␛]52;c;aGFja2Vk␇ vote␛[2J\ufffd2J"]


def test_list_table_shows_escapes(db: Path) -> None:
    run = run_cli(db, "list", "--format", "table")
    assert_inert(run)
    assert "doc␛[2J1" in run.stdout and "Budget␛]" in run.stdout  # the title is cut short


def test_list_json_escapes_and_reads_back(db: Path) -> None:
    run = run_cli(db, "list", "--format", "json")
    assert_inert(run)
    assert json.loads(run.stdout)["title"] == TITLE  # JSON itself loses nothing


def test_stats_shows_an_annotator_name_inert(db: Path) -> None:
    run = run_cli(db, "stats")
    assert_inert(run)
    assert "mallory␛[2J" in run.stdout


def test_search_shows_titles_and_snippets_inert(db: Path) -> None:
    for fmt in ("tsv", "table", "json"):
        run = run_cli(db, "search", "budget", "--format", fmt)
        assert_inert(run)
        assert "Budget" in run.stdout


def test_agreement_shows_titles_names_and_texts_inert(tmp_path: Path, db: Path) -> None:
    other = _annotated(tmp_path / "other.db")
    for args in ([], ["--disagreements"], ["--json"]):
        run = run_cli(None, "agreement", str(db), str(other), *args)
        assert_inert(run)
    run = run_cli(None, "agreement", str(db), str(other), "--json")
    assert json.loads(run.stdout)["annotators"][0] == EVIL_NAME  # JSON itself loses nothing


def test_an_error_naming_a_file_shows_its_escapes(tmp_path: Path, db: Path) -> None:
    bad = tmp_path / f"notes{OSC52}.txt"
    bad.write_text("", encoding="utf-8")
    run = run_cli(db, "import", "--no-analyze", str(bad))
    assert run.code == 2
    assert not RAW.search(run.stderr), repr(run.stderr)
    assert "notes␛]52;c;aGFja2Vk␇.txt: is empty" in run.stderr


def test_a_label_left_out_is_reported_inert(tmp_path: Path) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    (folder / "d1.txt").write_text("The mayor said so.", encoding="utf-8")
    (folder / "d1.ann").write_text("T1\tCLAIM 0 9\tThe mayor\n"
                                   f"A1\tCheckworthy T7{CLEAR} yes\n", encoding="utf-8")
    run = run_cli(tmp_path / "b.db", "import", "--no-analyze", str(folder))
    assert run.code == 0, run.stderr
    assert "attribute or note on T7␛[2J, which is no T line ×1" in run.stderr
    assert not RAW.search(run.stderr), repr(run.stderr)


def test_export_to_a_terminal_escapes_c1_controls(db: Path) -> None:
    import os
    import pty
    import subprocess

    from helpers.cli import REDLINE

    main, child = pty.openpty()
    proc = subprocess.Popen([REDLINE, "--db", str(db), "export", "-"], stdout=child,
                            stderr=subprocess.PIPE)
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    assert proc.wait(timeout=60) == 0
    text = out.decode("utf-8")
    assert "\\u009b2J" in text and "\\u001b]52" in text
    assert not RAW.search(text.replace("\r\n", "\n")), repr(text)
