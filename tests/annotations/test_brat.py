"""brat format: `.txt` + `.ann` pairs whose offsets hold against the `.txt`, and `annotation.conf`."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.errors import RedlineError
from annotations.formats.registry import exporter
from annotations.store import Store
from tui.cli import main

try:
    from .corpus_fixtures import TEXT, build_corpus
except ImportError:
    from corpus_fixtures import TEXT, build_corpus


def export(store: Store, out: Path) -> int:
    return exporter("brat")(store, str(out), status=(), annotators=(), ids=())


def parse_ann(path: Path, txt: str) -> dict[str, dict[str, object]]:
    """T, R, A and # lines by id, each T line's offsets checked against the `.txt`."""
    out: dict[str, dict[str, object]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        ident, body, *rest = line.split("\t")
        if ident.startswith("T"):
            label, offsets = body.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            assert rest == [" ".join(txt[s:e] for s, e in frags)], line
            assert all("\n" not in txt[s:e] for s, e in frags)
            out[ident] = {"label": label, "frags": frags, "text": rest[0]}
        elif ident.startswith("R"):
            label, a1, a2 = body.split()
            out[ident] = {"label": label, "arg1": a1.removeprefix("Arg1:"),
                          "arg2": a2.removeprefix("Arg2:")}
        elif ident.startswith("A"):
            name, target, value = body.split()
            out[ident] = {"name": name, "target": target, "value": value}
        else:
            kind, target = body.split()
            assert ident.startswith("#") and kind == "AnnotatorNotes"
            out[ident] = {"target": target, "note": rest[0]}
    return out


def test_export_writes_txt_ann_pairs_and_conf(store: Store, tmp_path: Path) -> None:
    ids = build_corpus(store)
    out = tmp_path / "brat"
    assert export(store, out) == 3
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"{ids[0]}.txt", f"{ids[0]}.ann", f"{ids[2]}.txt", f"{ids[2]}.ann",
                            *[n for n in names if n.startswith("plain_1-")], "annotation.conf",
                            ".redline-documents.jsonl"])
    assert len([n for n in names if n.startswith("plain_1-")]) == 2  # "plain/1" made safe
    txt = (out / f"{ids[0]}.txt").read_bytes().decode("utf-8")
    assert txt == TEXT
    ann = parse_ann(out / f"{ids[0]}.ann", txt)
    ts = {k: v for k, v in ann.items() if k.startswith("T")}
    assert len(ts) == 12
    by_text = {(v["label"], v["text"]): k for k, v in ts.items()}
    claim = by_text[("CLAIM", "Wir 🚀 bleiben.” Critics")]  # cut at the paragraph break
    start = TEXT.index("Wir 🚀 bleiben")
    assert ts[claim]["frags"] == [(start, start + 15), (start + 17, start + 24)]
    assert ts[by_text[("TARGET", "🌍 climate policy")]]["frags"] == [
        (TEXT.index("🌍"), TEXT.index("🌍") + 16)]
    rels = {(ts[v["arg1"]]["text"], v["label"], ts[v["arg2"]]["text"])
            for k, v in ann.items() if k.startswith("R")}
    assert ("Zoë Ñúñez", "SAYS", "Wir 🚀 bleiben.") in rels
    assert ("Das ist falsch,", "CONTINUES", "Wir 🚀 bleiben.") in rels
    assert ("called it a “disaster”", "TOWARDS", "🌍 climate policy") in rels
    assert len(rels) == 8
    attrs = {(v["name"], ts[v["target"]]["label"], ts[v["target"]]["text"], v["value"])
             for k, v in ann.items() if k.startswith("A")}
    assert attrs == {("Polarity", "STANCE", "Wir geben nicht nach 💪.", "against"),
                     ("Polarity", "STANCE", "called it a “disaster”", "favor"),
                     ("Checkworthy", "CLAIM", "東京 reagierte", "no"),
                     ("Checkworthy", "CLAIM", "Wir 🚀 bleiben.” Critics", "yes"),
                     ("Type", "CONTENT", "Das ist falsch,", "direct"),
                     ("Type", "CONTENT", "Wir geben nicht nach 💪.", "indirect")}
    notes = [v["note"] for k, v in ann.items() if k.startswith("#")]
    assert len(notes) == 6
    assert any(n.startswith("speaker=Zoë Ñúñez; annotator=alice; origin=suggested; id=")
               for n in notes)
    # escaped, not flattened: import reads the tab back
    assert any(n.startswith("target_text=Zugeständnisse\\tan alle; annotator=alice") for n in notes)
    assert (out / f"{ids[2]}.ann").read_text() == ""
    conf = (out / "annotation.conf").read_text()
    sections = re.findall(r"^\[(\w+)\]$", conf, flags=re.M)
    assert sections == ["entities", "relations", "events", "attributes"]
    for label in ("CLAIM", "STANCE", "HOLDER", "TARGET", "SOURCE", "CUE", "CONTENT"):
        assert f"\n{label}\n" in conf
    assert "SAYS\tArg1:SOURCE, Arg2:CONTENT\n" in conf
    assert "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n" in conf
    assert "Polarity\tArg:STANCE, Value:favor|against|none\n" in conf
    # every relation and attribute used is declared, with the argument types used
    for v in ann.values():
        if "arg1" in v:
            assert f"{v['label']}\tArg1:{ts[v['arg1']]['label']}, Arg2:{ts[v['arg2']]['label']}" \
                in conf
        if "name" in v:
            assert f"{v['name']}\tArg:{ts[v['target']]['label']}, Value:" in conf


def test_export_refuses_stdout_and_foreign_folders_and_replaces_its_own(store: Store,
                                                                        tmp_path: Path) -> None:
    build_corpus(store)
    with pytest.raises(RedlineError, match="brat writes a folder"):
        export(store, Path("-"))
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "cat.jpg").write_bytes(b"x")
    with pytest.raises(RedlineError, match="exists and is not a brat export"):
        export(store, foreign)
    assert (foreign / "cat.jpg").exists()
    out = tmp_path / "brat"
    export(store, out)
    (out / "stale.ann").write_text("T1\tOLD 0 1\tx\n")
    assert export(store, out) == 3
    assert not (out / "stale.ann").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_export_brat_filters_by_status(store: Store, tmp_path: Path) -> None:
    build_corpus(store)
    store.close()
    out = tmp_path / "done"
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "test.db"), "export", str(out),
                                       "--format", "brat", "--status", "done"])
    assert result.exit_code == 0, result.output
    assert "exported 1 document to" in result.output
    assert len(list(out.glob("*.txt"))) == 1


def test_file_names_are_safe_and_never_collide(tmp_path: Path) -> None:
    from annotations.formats.brat import file_stem
    from annotations.models import sha256

    assert file_stem("d000123", tmp_path) == "d000123"
    odd = file_stem("../etc/passwd", tmp_path)
    assert odd == f"_etc_passwd-{sha256('../etc/passwd')[:8]}"
    (tmp_path / f"{odd}.txt").write_text("taken")
    # an id that happens to equal the stem already written gets a name of its own
    other = file_stem(odd, tmp_path)
    assert other != odd and other.startswith("_etc_passwd-") and "/" not in other


def test_export_folder_gets_ordinary_permissions(store: Store, tmp_path: Path) -> None:
    build_corpus(store)
    out = tmp_path / "brat"
    old_mask = os.umask(0o022)
    try:
        export(store, out)
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755  # not the private mode of a temp folder
    assert stat.S_IMODE((out / "annotation.conf").stat().st_mode) == 0o644
