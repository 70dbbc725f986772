"""Agreement on hand-built databases whose figures are worked out by hand below."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.agreement import agreement, cohen_kappa, krippendorff_alpha
from annotations.errors import RedlineError
from annotations.formats.registry import ImportRecord
from annotations.ingest import store_records
from annotations.models import Annotation, Span
from annotations.store import Store
from tui.cli import main

TEXT = ("Claim one. Claim two. Claim three. Claim four here. Claim five. Stance six. "
        "Stance seven. Stance eight. Anna said “we agree”. Ben said “we do not”.")
DOC2 = "Perfect agreement on this one claim."
ONLY_A = "Nobody else read this."


def s(role: str, needle: str, text: str = TEXT, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(role, start, start + len(needle), needle)


def claim(needle: str, worthy: str) -> Annotation:
    return Annotation(kind="claim", spans=[s("claim", needle)], attrs={"checkworthy": worthy})


def stance(needle: str, polarity: str) -> Annotation:
    return Annotation(kind="stance", spans=[s("stance", needle)], attrs={"polarity": polarity})


def quote(content: str, source: str | None, cue: int | None) -> Annotation:
    spans = [s("content", content)]
    spans += [s("source", source)] if source else []
    spans += [s("cue", "said", nth=cue)] if cue is not None else []
    return Annotation(kind="attribution", spans=spans, attrs={"type": "direct"})


def make_db(path: Path, who: str, anns: list[Annotation], *, extra: str | None = None) -> Path:
    store = Store(path, annotator=who)
    texts = [TEXT, DOC2] + ([extra] if extra else [])
    # each annotator's copy gets its own id: documents are matched by text
    ids = store_records(store, [ImportRecord(text=t, source="t", id=f"{who}-{i}")
                                for i, t in enumerate(texts)]).added
    for a in anns:
        a.doc_id = ids[0]
        store.add_annotation(a)
    store.add_annotation(Annotation(kind="claim", doc_id=ids[1],
                                    spans=[s("claim", "one claim", DOC2)]))
    store.close()
    return path


STANCES = {"Stance six.": "favor", "Stance seven.": "against", "Stance eight.": "none"}


@pytest.fixture
def two(tmp_path: Path) -> list[Path]:
    alice = [claim("Claim one.", "yes"), claim("Claim two.", "yes"), claim("Claim three.", "no"),
             claim("Claim four here.", "no"), *[stance(k, v) for k, v in STANCES.items()],
             quote("we agree", "Anna", 0), quote("we do not", "Ben", None)]
    bob = [claim("Claim one.", "yes"), claim("Claim two.", "no"), claim("Claim three.", "no"),
           claim("Claim four", "no"), claim("Claim five.", "yes"),
           stance("Stance six.", "favor"), stance("Stance seven.", "favor"),
           stance("Stance eight.", "none"), quote("we agree", "Anna", 0),
           quote("we do not", None, None)]
    return [make_db(tmp_path / "a.db", "alice", alice, extra=ONLY_A),
            make_db(tmp_path / "b.db", "bob", bob)]


def test_two_annotators_known_answers(two: list[Path]) -> None:
    r = agreement(two, disagreements=True)
    assert r["annotators"] == ["alice", "bob"] and r["documents"] == 2
    # claims: alice 4 + 1 (DOC2), bob 5 + 1; exact matches 3 + 1, overlap 4 + 1
    c = r["spans"]["claim.claim"]
    assert (c["exact"]["a"], c["exact"]["b"], c["exact"]["matched"]) == (5, 6, 4)
    assert c["exact"]["precision"] == pytest.approx(4 / 6)
    assert c["exact"]["recall"] == pytest.approx(4 / 5)
    assert c["exact"]["f1"] == pytest.approx(8 / 11)
    assert c["overlap"]["matched"] == 5 and c["overlap"]["f1"] == pytest.approx(10 / 11)
    assert r["spans"]["stance.stance"]["exact"]["f1"] == 1.0
    src = r["spans"]["attribution.source"]["exact"]
    assert (src["precision"], src["recall"], src["f1"]) == (1.0, 0.5, pytest.approx(2 / 3))
    # frames: "we agree" by Anna matches; "we do not" has Ben for alice and no source for bob
    assert r["frames"]["exact"] == {"a": 2, "b": 2, "matched": 1, "precision": 0.5,
                                    "recall": 0.5, "f1": 0.5}
    # check-worthiness on the 5 overlap-matched claims: (y,y) (y,n) (n,n) (n,n) + DOC2 (y,y)
    # p_o = 4/5; alice y3 n2, bob y2 n3: p_e = (3·2 + 2·3)/25 = 12/25
    # kappa = (20/25 − 12/25) / (1 − 12/25) = 8/13
    cw = r["attributes"]["claim.checkworthy"]
    assert cw["items"] == 5 and cw["observed"] == pytest.approx(0.8)
    assert cw["cohen_kappa"] == pytest.approx(8 / 13)
    # polarity: (f,f) (a,f) (n,n): p_o = 2/3; alice f1 a1 n1, bob f2 n1: p_e = (2+0+1)/9
    # kappa = (2/3 − 1/3) / (1 − 1/3) = 1/2
    pol = r["attributes"]["stance.polarity"]
    assert pol["cohen_kappa"] == pytest.approx(0.5)
    # alpha, nominal, units [f,f] [a,f] [n,n]: n_f=3 n_a=1 n_n=2, n=6, D_o=2,
    # sum over c≠k of n_c·n_k = 22, alpha = 1 − 5·2/22 = 6/11
    assert pol["krippendorff_alpha"] == pytest.approx(6 / 11)
    assert pol["units"] == 3
    docs = {d["id"]: d for d in r["per_document"]}
    assert set(docs) == {"alice-0", "alice-1"}
    assert docs["alice-1"]["spans"]["exact"]["f1"] == 1.0
    assert docs["alice-1"]["attributes"]["claim.checkworthy"]["cohen_kappa"] is None  # one item
    assert docs["alice-0"]["frames"]["overlap"]["f1"] == 0.5
    found = {(d["type"], d["what"], d["a_text"], d["b_text"], d["a_value"], d["b_value"])
             for d in r["disagreements"]}
    assert found == {
        ("boundary", "claim.claim", "Claim four here.", "Claim four", None, None),
        ("only_b", "claim.claim", None, "Claim five.", None, None),
        ("only_a", "attribution.source", "Ben", None, None, None),
        ("source", "attribution.source", "Ben", None, None, None),
        ("attribute", "claim.checkworthy", "Claim two.", "Claim two.", "yes", "no"),
        ("attribute", "stance.polarity", "Stance seven.", "Stance seven.", "against", "favor"),
    }
    assert all(d["document"] == "alice-0" and (d["a"], d["b"]) == ("alice", "bob")
               for d in r["disagreements"])


def test_statistics_by_hand() -> None:
    # four items, p_o = 3/4; marginals A y2 n2, B y1 n3: p_e = (2+6)/16 = 1/2; kappa = 1/2
    assert cohen_kappa([("y", "y"), ("y", "n"), ("n", "n"), ("n", "n")]) == pytest.approx(0.5)
    assert cohen_kappa([("y", "y")]) is None and cohen_kappa([]) is None
    # Krippendorff's own worked example (4 coders, 12 units, nominal): alpha = 0.743
    units = ["111", "2232", "3333", "3333", "2222", "1234", "4444", "1121", "2222", "555",
             "11", "3"]
    assert krippendorff_alpha([list(u) for u in units]) == pytest.approx(0.7434, abs=1e-4)
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) is None


def test_three_annotators_alpha_and_pairs(two: list[Path], tmp_path: Path) -> None:
    carol = [stance("Stance six.", "favor"), stance("Stance seven.", "against"),
             stance("Stance eight.", "favor")]
    paths = [*two, make_db(tmp_path / "c.db", "carol", carol)]
    r = agreement(paths)
    assert r["annotators"] == ["alice", "bob", "carol"]
    assert [(p["a"], p["b"]) for p in r["pairs"]] == [
        ("alice", "bob"), ("alice", "carol"), ("bob", "carol")]
    pol = r["attributes"]["stance.polarity"]
    # units [f,f,f] [a,f,a] [n,n,f]: n_f=5 n_a=2 n_n=2, n=9, D_o=4, sum n_c·n_k = 48
    # alpha = 1 − 8·4/48 = 1/3
    assert pol["krippendorff_alpha"] == pytest.approx(1 / 3)
    assert pol["cohen_kappa"] is None  # pairwise only
    assert r["pairs"][1]["attributes"]["stance.polarity"]["observed"] == pytest.approx(2 / 3)
    assert "disagreements" not in r


def test_needs_two_databases_sharing_a_document(two: list[Path], tmp_path: Path) -> None:
    with pytest.raises(RedlineError, match="two or more"):
        agreement(two[:1])
    other = Store(tmp_path / "other.db")
    store_records(other, [ImportRecord(text="Unrelated.", source="t")])
    other.close()
    with pytest.raises(RedlineError, match="share no document"):
        agreement([two[0], tmp_path / "other.db"])


def test_cli_table_json_and_disagreements(two: list[Path]) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["agreement", *map(str, two), "--disagreements"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for needle in ("span agreement (alice vs bob; 2 documents)", "claim.claim", "0.73",
                   "Cohen's κ", "0.615", "Krippendorff's α", "0.545", "per document",
                   "disagreements (6)", "“Claim five.”", "yes: Claim two."):
        assert needle in result.output, needle
    result = runner.invoke(main, ["agreement", *map(str, two), "--json"])
    data = json.loads(result.output)
    assert data["attributes"]["stance.polarity"]["cohen_kappa"] == pytest.approx(0.5)
    result = runner.invoke(main, ["agreement", str(two[0])])
    assert result.exit_code == 2 and result.output.startswith("redline: error: agreement needs")


def test_frames_are_paired_by_largest_content_overlap() -> None:
    """A's [0,30) and [5,8) against B's [0,10) and [11,22), no sources: each content span has a
    partner, and so does each frame (first come, first served scored 1 of 2)."""
    from annotations.agreement import compare_document

    text = "x" * 40

    def frame(a: int, b: int) -> Annotation:
        return Annotation(kind="attribution", spans=[Span("content", a, b, text[a:b])])

    r = compare_document(text, [frame(0, 30), frame(5, 8)], [frame(0, 10), frame(11, 22)])
    assert r["spans"]["attribution.content"]["overlap"]["matched"] == 2
    assert r["frames"]["overlap"] == {"a": 2, "b": 2, "matched": 2}


def _long_id_db(path: Path, who: str) -> Path:
    store = Store(path, annotator=who)
    ids = store_records(store, [ImportRecord(text=t, source="t", id=f"newsroom-archive-2026-{i:04d}")
                                for i, t in enumerate([TEXT, DOC2])]).added
    for doc_id, text in zip(ids, [TEXT, DOC2], strict=True):
        store.add_annotation(Annotation(kind="attribution", doc_id=doc_id, attrs={"type": "direct"},
                                        spans=[s("content", text[:8], text)]))
    store.close()
    return path


def test_the_tables_fit_80_columns_when_piped(tmp_path: Path, two: list[Path]) -> None:
    from tui.commands.interchange import short_ids

    assert short_ids(["newsroom-archive-2026-0001", "newsroom-archive-2026-0002"]) == {
        "newsroom-archive-2026-0001": "…0001", "newsroom-archive-2026-0002": "…0002"}
    assert short_ids(["ab12cd34ef", "ab12ff00aa"]) == {"ab12cd34ef": "ab12cd", "ab12ff00aa": "ab12ff"}
    dbs = [_long_id_db(tmp_path / "x.db", "xena"), _long_id_db(tmp_path / "y.db", "yuri")]
    out = CliRunner().invoke(main, ["agreement", *map(str, dbs)], env={"COLUMNS": "80"}).output
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    # no header or title is cut, and the frames title is one line
    assert "…" not in "\n".join(line for line in lines if "━" not in line and "│" not in line)
    assert "attribution frames" in out and "overl…" not in out
    # the two documents' ids differ on screen
    assert "…0000" in out and "…0001" in out
    # attributions only, no labels given: no table of dashes for the attributes
    assert "attribute agreement" not in out
    # numbers are right-aligned: in the per-document table F1 "1.00" ends at its column's edge
    row = next(line for line in lines if "…0001" in line)
    assert row.rstrip().endswith("│     1.00 │      – │")
    # with attributes, the attribute table is there
    full = CliRunner().invoke(main, ["agreement", *map(str, two)], env={"COLUMNS": "80"}).output
    assert "attribute agreement" in full and max(len(x) for x in full.splitlines()) <= 80
