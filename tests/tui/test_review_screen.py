"""The review screen (issue 15): each key's decision reaches the gold database, undo, resume."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from helpers.review import CASES, build, content
from pilot_helpers import settle, until
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from annotations.store import Store
from tui.app import RedlineApp
from tui.screens.dialogs import StanceDialog
from tui.screens.review import ReviewScreen
from tui.settings import Settings


@pytest.fixture
def dbs(tmp_path: Path) -> tuple[Path, Path]:
    return build(tmp_path)


def _app(tmp_path: Path, dbs: tuple[Path, Path]) -> RedlineApp:
    gold = tmp_path / "gold.db"
    settings = Settings(db=gold, model=None, annotator="judge")
    return RedlineApp(settings, Store(gold, annotator="judge"), owns_store=True,
                      review=list(dbs))


def _shown(app: RedlineApp, widget: str) -> str:
    """The text a review widget shows (its renderable printed to plain text)."""
    console = Console(width=118, file=io.StringIO(), record=True, color_system=None)
    console.print(app.screen.query_one(f"#review-{widget}", Static).content)
    return console.export_text().rstrip("\n")


async def _opened(pilot: Pilot[Any]) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen)
                and pilot.app.screen.review is not None)
    await settle(pilot)


def _gold(tmp_path: Path) -> list[tuple[Any, ...]]:
    return content(tmp_path / "gold.db")


def _decisions(tmp_path: Path) -> list[tuple[Any, ...]]:
    with Store(tmp_path / "gold.db") as gold:
        return [(r["choice"], r["annotator"], r["undone"]) for r in gold._rows(
            "SELECT * FROM review WHERE choice != 'agreed' ORDER BY seq")]


async def test_the_first_case_shows_every_version_with_its_annotator(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        assert _shown(app, "status") == f"disagreement 1 of {CASES} · document 1 of 2"
        assert _shown(app, "title") == ("Review into gold.db: 1 alice · 2 bob · 1 agreed "
                                        "annotation copied")
        assert "attribution: source differs" in _shown(app, "case")
        versions = _shown(app, "versions")
        assert "1  alice" in versions and "2  bob" in versions
        assert "Alice Smith said" in versions  # the text around it
        assert "source “Alice Smith”" in versions


async def test_one_at_every_case_gives_annotator_ones_annotations(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press(*"1" * CASES)
        await settle(pilot)
        assert _shown(app, "status").startswith(f"all {CASES} disagreements decided")
    assert _gold(tmp_path) == content(dbs[0])


async def test_two_keeps_the_second_annotators_version_and_moves_on(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert _shown(app, "status") == f"disagreement 2 of {CASES} · document 1 of 2"
    attributions = [row for row in _gold(tmp_path) if row[1] == "attribution"]
    # bob's attribution: content and cue, no source
    assert [[role for role, _, _ in row[2]] for row in attributions] == [["cue", "content"]]
    assert [row[5] for row in attributions] == ["bob"]
    assert _decisions(tmp_path) == [("kept", "bob", 0)]


async def test_zero_keeps_nothing_for_the_case(tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("1", "0")  # alice's attribution, then none of bob's lone claim
        await settle(pilot)
        assert "attribute differs (polarity)" in _shown(app, "case")
    kinds = [row[1] for row in _gold(tmp_path)]
    assert sorted(kinds) == ["attribution", "claim"]  # the agreed claim; no "Bob Jones" claim
    assert _decisions(tmp_path) == [("kept", "alice", 0), ("none", "", 0)]


async def test_e_edits_the_version_in_the_stance_dialog_then_keeps_it(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("1", "0")
        await settle(pilot)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, StanceDialog))
        # alice said "against"; one step right is "none", then Enter saves
        await pilot.press("right", "enter")
        await settle(pilot)
        assert "boundaries differ" in _shown(app, "case")
    with Store(tmp_path / "gold.db") as gold:
        [stance] = [a for d in gold.iter_documents() for a in gold.annotations(d.id)
                    if a.kind == "stance"]
    assert stance.attrs == {"polarity": "none", "adjudicated_from": "alice"}
    assert (stance.origin, stance.annotator) == ("edited", "alice")
    assert _decisions(tmp_path)[-1] == ("edited", "alice", 0)


async def test_escape_in_the_edit_dialog_decides_nothing(tmp_path: Path,
                                                         dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("e")
        await until(pilot, lambda: not isinstance(app.screen, ReviewScreen))
        await pilot.press("escape")
        await settle(pilot)
        assert _shown(app, "status") == f"disagreement 1 of {CASES} · document 1 of 2"
    assert _decisions(tmp_path) == []


async def test_u_undoes_the_last_decision_and_shows_its_case_again(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("1", "1")
        await settle(pilot)
        assert _shown(app, "status").startswith("disagreement 3 of")
        await pilot.press("u")
        await settle(pilot)
        assert _shown(app, "status").startswith("disagreement 2 of")
        await pilot.press("2")  # bob's lone claim this time
        await settle(pilot)
    assert [row[2][0][1:] for row in _gold(tmp_path) if row[1] == "claim"
            and row[0] == "one"] == [(19, 45), (47, 66)]
    assert _decisions(tmp_path) == [("kept", "alice", 0), ("kept", "alice", 1), ("kept", "bob", 0)]


async def test_reopening_continues_where_the_review_stopped(tmp_path: Path,
                                                            dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("1", "0")
        await settle(pilot)
        await pilot.press("q")
    before = _gold(tmp_path)
    again = _app(tmp_path, dbs)
    async with again.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        assert _shown(again, "status") == f"disagreement 3 of {CASES} · document 1 of 2"
        # and undo reaches back into the last session
        await pilot.press("u")
        await settle(pilot)
        assert _shown(again, "status") == f"disagreement 2 of {CASES} · document 1 of 2"
    assert len(_gold(tmp_path)) == len(before)  # u undid a "none": nothing to remove
    assert _decisions(tmp_path) == [("kept", "alice", 0), ("none", "", 1)]


async def test_question_mark_lists_the_review_keys(tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    from tui.screens.help import HelpScreen

    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = [row[0] for row in app.screen.rows]  # type: ignore[attr-defined]
        assert {"1", "9", "0", "e", "u", "q"} <= set(keys)


def test_the_readme_key_table_lists_every_review_key() -> None:
    import re

    from tui.screens.help import key_rows

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- section:keys -->(.*?)<!-- /section:keys -->", readme, re.S)
    assert table is not None
    review_rows = [line for line in table.group(1).splitlines() if line.endswith("| review |")]
    shown = " ".join(review_rows)
    for keys, _, _ in key_rows([("review", ReviewScreen)]):
        if keys in ("tab", "shift+tab", "ctrl+c, super+c"):
            continue  # Textual's own, listed once for every screen
        written = "`1` … `9`" if keys in "123456789" else f"`{keys}`"
        assert written in shown, f"{keys} is not in the README's review rows"


async def test_a_review_that_cannot_open_says_why_on_the_screen(tmp_path: Path,
                                                                dbs: tuple[Path, Path]) -> None:
    dbs[1].unlink()  # gone between the command's check and the screen
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "cannot review" in _shown(app, "status"))
        assert "b.db: no such database" in _shown(app, "status")
        await pilot.press("1", "u")  # nothing to decide: no traceback, nothing written
        await settle(pilot)


async def test_e_on_the_second_version_can_take_the_first_ones_source(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    from tui.screens.dialogs import AttributionDialog

    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("down")  # the ▶ on bob's attribution (no source)
        assert "▶ 2  bob" in _shown(app, "versions")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, AttributionDialog))
        await pilot.press("left", "enter")  # from (none) to alice's "Alice Smith"
        await settle(pilot)
        assert _shown(app, "status").startswith("disagreement 2 of")
    [row] = [r for r in _gold(tmp_path) if r[1] == "attribution"]
    assert [role for role, _, _ in row[2]] == ["source", "cue", "content"]
    assert (row[4], row[5]) == ("edited", "bob")
    assert _decisions(tmp_path) == [("edited", "bob", 0)]


async def test_keys_pressed_right_before_quit_are_all_written(tmp_path: Path,
                                                             dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("1", "0", "2", "q")
    assert _decisions(tmp_path) == [("kept", "alice", 0), ("none", "", 0), ("kept", "bob", 0)]


async def test_down_moves_the_version_marker_even_when_the_versions_scroll(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    app = _app(tmp_path, dbs)
    async with app.run_test(size=(60, 12)) as pilot:  # two versions do not fit: they scroll
        await _opened(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert "▶ 2  bob" in _shown(app, "versions")
        await pilot.press("pagedown")
        await settle(pilot)
        assert app.screen.query_one("#review-scroll").scroll_y > 0


async def test_e_on_a_claim_changes_its_check_worthiness_then_keeps_it(
        tmp_path: Path, dbs: tuple[Path, Path]) -> None:
    from tui.screens.dialogs import ClaimDialog

    app = _app(tmp_path, dbs)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(pilot)
        await pilot.press("1", "0", "1")
        await settle(pilot)
        assert "claim: boundaries differ" in _shown(app, "case")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
        await pilot.press("right", "enter")  # yes -> no
        await settle(pilot)
        assert _shown(app, "status").startswith(f"all {CASES} disagreements decided")
    [claim] = [r for r in _gold(tmp_path) if r[0] == "two"]
    assert claim[3] == (("checkworthy", "no"),)
    assert (claim[4], claim[5]) == ("edited", "alice")
