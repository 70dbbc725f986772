"""Labels and notes end to end: `redline labels set` at a shell prompt, then the real app in
tmux tags a span label with L and writes a note with w, and quits without a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.tmux import Window, quit_cleanly, shown_count
from pilot_helpers import analysed_database

from annotations.store import Store


def test_labels_set_then_L_and_w_in_the_app(shell: Window, tmp_path: Path) -> None:
    db = tmp_path / "labels.db"
    doc_id = analysed_database(db)
    scheme = tmp_path / "scheme.json"
    scheme.write_text(json.dumps({"span_labels": ["anonymous source", "loaded language"]}),
                      encoding="utf-8")
    shell.run("--db", str(db), "labels", "set", str(scheme))
    shell.wait_for(lambda s: "label scheme set: claim_types 0, span_labels 2" in s,
                   what="the scheme set")
    shell.run("--db", str(db), "--annotator", "e2e", "annotate", doc_id)
    # The analysis has landed once its suggestions are counted: from then on the name under the
    # cursor (the article's first, the date "This Thursday") is what L tags. Pressing L before
    # it lands tags the word "This" instead, so the test waits rather than race it.
    shell.wait_for(lambda s: shown_count(s) == 0 and "13 pending" in s, what="the analysis")
    shell.send("L")
    shell.wait_for(lambda s: "Span label" in s and "anonymous source" in s, what="the dialog")
    shell.send("Right", "Enter")
    shell.wait_for(lambda s: "[loaded language] “This Thursday”" in s,
                   what="the span label's row")
    shell.send("w")
    shell.wait_for(lambda s: "Note on the label" in s, what="the note prompt")
    shell.type("ask the desk")
    shell.send("Enter")
    shell.wait_for(lambda s: "✎ [loaded language]" in s, what="the note mark")
    quit_cleanly(shell, "q", "q")
    with Store(db) as store:
        [ann] = store.annotations(doc_id)
    assert (ann.kind, ann.attrs, ann.annotator) == (
        "label", {"label": "loaded language", "note": "ask the desk"}, "e2e")
    assert ann.spans[0].text == "This Thursday"
