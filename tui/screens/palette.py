"""The command palette's redline commands (ctrl+p): open a document, mark done, undo, export…"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from annotations.safe_text import one_line_safe

from .actions_text import plural

if TYPE_CHECKING:
    from ..app import RedlineApp

Command = tuple[str, Callable[[], Any], str]

# format -> (what the export dialog calls it, the default file or folder name): one palette
# command each, so every format `redline export` writes is a command away
EXPORTS = {
    "redline": ("redline JSONL, lossless", "redline-export.jsonl"),
    "prodigy": ("Prodigy JSONL", "redline-prodigy.jsonl"),
    "doccano": ("doccano JSONL", "redline-doccano.jsonl"),
    "brat": ("a brat standoff folder", "redline-brat"),
}


class RedlineCommands(Provider):
    """Every document to open, plus the current screen's actions, by name."""

    async def startup(self) -> None:
        """Read the library once per palette opening (off the event loop: it may wait)."""
        app: RedlineApp = self.app  # type: ignore[assignment]
        self.rows = await asyncio.to_thread(app.store.library)

    def commands(self) -> list[Command]:
        """(name, callback, help) for the screen the palette was opened on."""
        from .annotate import AnnotationScreen

        app: RedlineApp = self.app  # type: ignore[assignment]
        out: list[Command] = []
        screen = self.screen
        if isinstance(screen, AnnotationScreen):
            done = "not done" if screen.view and screen.view.doc.status == "done" else "done"
            out += [
                (f"Mark document {done}", screen.action_done, "toggle the document's status (D)"),
                ("Undo", screen.action_undo, "undo your last edit of this document (u)"),
                ("Redo", screen.action_redo, "redo what undo reverted (ctrl+r)"),
                ("Reload from the database", screen.action_reload, "other processes' edits (R)"),
                ("Next document", partial(screen.action_document, 1), "(])"),
                ("Previous document", partial(screen.action_document, -1), "([)"),
                ("Hide/show low-confidence suggestions", screen.action_toggle_low, "(t)"),
                ("Hide/show indirect-speech suggestions", screen.action_toggle_indirect, "(i)"),
                ("Search the text", screen.open_search, "(/)"),
                ("Back to the library", app.action_leave, "(q)"),
            ]
        for fmt, (what, _) in EXPORTS.items():
            out.append((f"Export the corpus as {fmt}…", partial(app.action_export, fmt),
                        f"write {what}"))
        out.append(("Show keys", app.action_help, "every key of this screen (?)"))
        for row in getattr(self, "rows", []):
            title = one_line_safe(row["title"] or row["id"])  # stored text, shown raw otherwise
            out.append((f"Open: {title}", partial(app.open_document, row["id"]),
                        f"{row['status']} · {plural(row['annotations'], 'annotation')}"))
        return out

    async def discover(self) -> Hits:
        """All commands, before anything is typed."""
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name fuzzily matches the query."""
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
