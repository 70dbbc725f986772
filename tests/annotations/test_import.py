"""Import: text and JSONL files, folders, titles, dedupe, and a one-line error for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.store import Store
from tui.cli import main


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(db), "--annotator", "tester", *args])
    return result.exit_code, result.output  # click >= 8.2 mixes stderr into output


def _dump(db: Path) -> list[dict[str, object]]:
    with Store(db) as s:
        return [{"id": d.id, "title": d.title, "text": d.text} for d in s.iter_documents()]


def test_txt_md_and_jsonl_import(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Short title\n\nBody one.\r\nSecond line.\r\n", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("# Heading here\nBody two.\n", encoding="utf-8")
    (folder / "c.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Third “body”.", "title": "T3", "meta": {"src": "w"}}) + "\n"
        + json.dumps({"text": "Fourth body."}) + "\n", encoding="utf-8")
    code, out = _run(tmp_path / "t.db", "import", "--no-analyze", str(folder))
    assert code == 0, out
    docs = {d["title"]: d for d in _dump(tmp_path / "t.db")}
    assert docs["Short title"]["text"] == "Body one.\nSecond line."
    assert docs["Heading here"]["text"] == "Body two."
    assert docs["T3"]["id"] == "x1"
    assert docs["Fourth body."]["text"] == "Fourth body."
    assert "imported 4 documents" in out


def test_reimport_dedupes_by_text_hash(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Some text here.", encoding="utf-8")
    db = tmp_path / "t.db"
    assert _run(db, "import", "--no-analyze", str(f))[0] == 0
    code, out = _run(db, "import", "--no-analyze", str(f))
    assert code == 0
    assert "imported 0 documents, 1 already there" in out
    assert len(_dump(db)) == 1


@pytest.mark.parametrize(("name", "content", "message"), [
    ("latin1.txt", "caf\xe9 au lait".encode("latin-1"), "latin1.txt:1: is not UTF-8"),
    ("blob.txt", b"abc\x00\x01\x02def", "blob.txt: is a binary file"),
    ("empty.txt", b"  \n\n", "empty.txt: is empty"),
    ("bad.jsonl", b'{"text": "ok"}\n{"text": "broken"\n', "bad.jsonl:2: is not valid JSON"),
    ("list.jsonl", b'{"text": "ok"}\n[1, 2]\n', "list.jsonl:2: is a JSON list"),
    ("notext.jsonl", b'{"title": "no text"}\n', 'notext.jsonl:1: has no "text" string'),
    ("span.jsonl", json.dumps({"text": "Hello world", "annotations": [
        {"kind": "claim", "spans": [{"role": "claim", "start": 0, "end": 5, "text": "Howdy"}]}]}).encode(),
     "span.jsonl:1: annotation"),
    ("doc.pdf", b"%PDF-1.4", "doc.pdf: has an unknown extension"),
])
def test_bad_input_is_one_line_and_stores_nothing(tmp_path: Path, name: str, content: bytes,
                                                  message: str) -> None:
    db = tmp_path / "t.db"
    good = tmp_path / "good.txt"
    good.write_text("Already here.", encoding="utf-8")
    assert _run(db, "import", "--no-analyze", str(good))[0] == 0
    before = _dump(db)
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out = _run(db, "import", "--no-analyze", str(bad))
    assert code == 2
    errors = [line for line in out.splitlines() if line.startswith("redline: error:")]
    assert len(errors) == 1 and message in errors[0], out
    assert out.strip().splitlines() == errors  # the one line is all the user sees
    assert "Traceback" not in out
    assert _dump(db) == before


def test_a_bad_file_among_good_ones_keeps_the_good(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    (tmp_path / "ok.txt").write_text("Fine text.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "first"}\nnot json\n', encoding="utf-8")
    code, out = _run(db, "import", "--no-analyze", str(tmp_path / "bad.jsonl"), str(tmp_path / "ok.txt"))
    assert code == 2
    assert "imported 1 document into" in out and "1 file not imported" in out
    assert [d["text"] for d in _dump(db)] == ["Fine text."]  # nothing from bad.jsonl, not even line 1


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    code, out = _run(tmp_path / "t.db", "import", str(tmp_path / "nope.txt"))
    assert code == 2 and "nope.txt: no such file or folder" in out


def test_list_prints_tsv_when_piped_and_json_on_request(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    (tmp_path / "a.txt").write_text("Budget\tvote\n\nThe council met.", encoding="utf-8")
    assert _run(db, "import", "--no-analyze", str(tmp_path / "a.txt"))[0] == 0
    [doc] = _dump(db)
    code, out = _run(db, "list")  # CliRunner's stdout is not a terminal
    assert code == 0
    head, row = out.splitlines()
    assert head.split("\t") == ["id", "title", "words", "annotations", "pending", "status",
                                 "last edit"]
    cells = row.split("\t")
    assert cells[:6] == [doc["id"], "Budget vote", "3", "0", "", "new"]  # full id, one line
    code, out = _run(db, "list", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == doc["id"]
    code, out = _run(db, "list", "--format", "table")
    assert code == 0 and doc["id"] in out and "┃" in out


@pytest.mark.parametrize("args", [["list"], ["stats"], ["export", "-"]])
def test_reading_commands_refuse_a_database_that_is_not_there(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "typo.db"
    code, out = _run(db, *args)
    assert code == 2
    assert out.strip() == (f"redline: error: {db}: no such database; import documents first "
                           "(redline import FILE), or check --db")
    assert not db.exists()  # nothing created by a mistyped --db
