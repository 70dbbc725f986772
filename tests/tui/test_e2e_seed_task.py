"""Issue 15's "done when": the seed task in at most 30 keys, typed in the real `redline` in tmux
(fresh database, the seeds imported on first start, the live spaCy analysis): every quote
attributed to the right speaker, two claims and one stance with holder and target.

Only keys count: the test waits (polling the screen) where a person would look before the
next key, e.g. for the analysis or for a dialog to open. The sequence is the README's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.tmux import Tmux, Window, quit_cleanly

from annotations.store import Store

# (keys, what the screen shows once they are handled): the README's sequence, in tmux names
STEPS: list[tuple[list[str], str]] = [
    (["Enter"], "analysed"),                   # open the seed; wait for the suggestions
    (["i", "n"], "y accept"),                   # hide indirect speech, go to the first quote
    (["y"] * 6, "6 annotations"),              # accept the six quotations' attributions
    (["G", "{", "{", "c"], "7 annotations"),   # claim: "During his first term, Trump withdrew…"
    ([")", "c"], "8 annotations"),             # claim: "In mid-2022, negotiations…"
    # stance on "He reaffirmed Iran’s desire for peace…": the holder offered is the subject,
    # by the full name the rules resolved it to
    (["G", "(", "s"], "Masoud Pezeshkian (He)"),
    (["Down", "Down", "Right", "Enter"], "9 annotations"),  # holder: He; target: Iran
    (["q"], "Last edit"),                      # back to the library
]


@pytest.fixture
def shell(tmp_path: Path) -> Iterator[tuple[Window, Path]]:
    """A shell window whose redline uses a fresh database (filled from seeds/ on first start)."""
    tmux = Tmux(tmp_path)
    (tmp_path / "home").mkdir()
    db = tmp_path / "redline.db"
    window = tmux.shell("seed-task", {"REDLINE_DB": str(db), "HOME": str(tmp_path / "home"),
                                      "XDG_DATA_HOME": str(tmp_path / "xdg")})
    yield window, db
    window.close()
    tmux.close()


def test_the_seed_task_takes_at_most_30_keys(shell: tuple[Window, Path]) -> None:
    window, db = shell
    window.run("--annotator", "e2e")
    window.wait_for(lambda s: "Iran will not yield" in s and "Pending" in s, timeout=60,
                    what="the library")
    keys = 0
    for step, shown in STEPS:
        window.send(*step)
        keys += len(step)
        # the first analysis loads spaCy: allow for a slow machine
        window.wait_for(lambda s, shown=shown: shown in s, timeout=120, what=shown)
    quit_cleanly(window, "q")
    keys += 1
    assert keys <= 30, keys

    with Store(db) as store:
        [doc] = [d for d in store.iter_documents() if "Pezeshkian" in d.title]
        anns = store.annotations(doc.id)
        text = doc.text
    attributions = [a for a in anns if a.kind == "attribution"]
    speakers = sorted(a.attrs["speaker"] for a in attributions)
    assert speakers == ["Donald Trump"] + ["Masoud Pezeshkian"] * 5
    # every quotation of the article (the text between curly quotes, except the scare quote
    # “maximum pressure”) is the content of one of them
    quotes, at = [], 0
    while (start := text.find("“", at)) >= 0:
        end = text.index("”", start)
        quotes.append((start + 1, end))
        at = end + 1
    speech = [q for q in quotes if text[q[0]:q[1]] != "maximum pressure"]
    assert len(speech) == 7
    contents = [(s.start, s.end) for a in attributions for s in a.role("content")]
    for a, b in speech:
        assert any(s <= a and b <= e + 1 for s, e in contents), text[a:b]
    claims = sorted(a.spans[0].text for a in anns if a.kind == "claim")
    assert [c[:20] for c in claims] == ["During his first ter", "In mid-2022, negotia"]
    [stance] = [a for a in anns if a.kind == "stance"]
    assert stance.role("stance")[0].text.startswith("He reaffirmed Iran’s desire for peace")
    assert [s.text for s in stance.role("holder")] == ["He"]
    assert [s.text for s in stance.role("target")] == ["Iran"]
