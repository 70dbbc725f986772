"""The redline terminal app: the library and annotation screens over one Store."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.widget import Widget
from textual.worker import Worker

from annotations.store import Store

from .key_gate import KeyGate
from .messages import Notice
from .screens.annotate import AnnotationScreen
from .screens.base import report_failure
from .settings import Settings
from .trace import mark
from .wording import plural
from .workers import AnalysisService, PipelineCache
from .writes import WriteQueue

if TYPE_CHECKING:
    from textual.command import Provider

    from annotations.nlp.pipeline import Pipeline


GC_SETTLE_LIMIT = 5.0
"""Seconds after start at most before the collector is back on, whatever the screen does."""


def redline_commands() -> type[Provider]:
    """The palette's redline commands (imported when the palette first opens, not at start)."""
    from .screens.palette import RedlineCommands

    return RedlineCommands


def local_now() -> datetime:
    """The current time in the local zone (what the library's "last edit" is relative to)."""
    return datetime.now().astimezone()


def _while_mounted(owner: Widget, callback: Callable[[], object]) -> Callable[[], object]:
    """`callback`, run only while `owner` is mounted and still in the app's DOM."""
    def run() -> object:
        return callback() if owner.is_mounted and owner.is_attached else None

    return run


class RedlineApp(App[None]):
    """Library and annotation screens; owns the Store and the loaded spaCy pipelines."""

    CSS_PATH = "redline.tcss"
    TITLE = "redline"
    COMMANDS = App.COMMANDS | {redline_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+p", "command_palette", "Command palette", show=False),
        Binding("ctrl+q", "quit", "Quit redline", show=False, priority=True),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

    def __init__(self, settings: Settings, store: Store, *, doc_id: str | None = None,
                 owns_store: bool = False, now: Callable[[], datetime] = local_now,
                 pipeline_loader: Callable[[str | None], Pipeline] | None = None,
                 analysis: AnalysisService | None = None, review: list[Path] | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.store = store
        self.doc_id = doc_id
        self.owns_store = owns_store
        self.now = now
        self.pipelines = PipelineCache(pipeline_loader)
        self._analysis = analysis
        self.review = review  # annotators' databases to adjudicate into `store` (redline review)
        self.writes = WriteQueue()  # every store write of the screens, one at a time, in order
        self._leaving: int | None = None  # a document being left: the q's typed meanwhile
        self._before_first_frame: list[Callable[[], object]] | None = []
        # keys typed while a document loads wait for it (key_gate): n y found no suggestion
        self.keys = KeyGate(replay=self._replay_keys, set_timer=self.set_timer,
                            expired=self._keys_expired)
        # run_app starts the app with the collector off (see settle_memory); tests leave it on
        self.manages_gc = not gc.isenabled()

    def on_mount(self) -> None:
        """The review, else the requested document, else the library (built when first needed)."""
        if self.review:
            from .screens.review import ReviewScreen

            self.push_screen(ReviewScreen(self.review))
        elif self.doc_id:
            self.push_screen(AnnotationScreen(self.doc_id))
        else:
            # imported here, like every use of the library: `redline annotate DOC` never
            # builds its module (and its DataTable) before the document is on screen
            from .screens.library import LibraryScreen

            self.push_screen(LibraryScreen())
        if self.manages_gc:
            if self.doc_id:
                # the annotation screen settles once its document is shown; never wait longer
                self.set_timer(GC_SETTLE_LIMIT, self.settle_memory)
            else:
                # the library is all there is to start: settle once it is drawn. Not a
                # zero-second timer: Textual divides by a timer's interval, and the
                # ZeroDivisionError it raised was printed as a traceback at every quit
                self.call_after_refresh(self.settle_memory)

    def on_ready(self) -> None:
        """The first frame is on the terminal: run what waited for it (after_first_frame)."""
        waiting, self._before_first_frame = self._before_first_frame or [], None
        for callback in waiting:
            self.call_after_refresh(callback)

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the first frame has reached the terminal (after the next
        refresh, later on). Textual renders the first frame while the app is still mounting
        and only shows the one after: work queued meanwhile (the side panel of 2,000 rows,
        the analysis look-up) used to hold back the frame that shows the article."""
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, Widget):
            # a screen's own work: skipped if the screen has left the DOM (or never mounted)
            # by then, as when q q quits before the library made by the first q has drawn
            callback = _while_mounted(owner, callback)
        if self._before_first_frame is None:
            self.call_after_refresh(callback)
        else:
            self._before_first_frame.append(callback)

    def settle_memory(self) -> None:
        """Freeze every object alive now and turn the collector on (if run_app turned it off).

        Starting the app creates hundreds of thousands of objects that live as long as it does
        (modules, widgets, styles, the document and its highlights); collecting while they are
        created cost a tenth of a second, and each full collection afterwards walked them all,
        a pause of tens of ms in the middle of a key. Frozen, they are never walked again.
        """
        if self.manages_gc:
            gc.freeze()
            gc.enable()

    def analysis_service(self) -> AnalysisService | None:
        """The analysis process, started on first need when the app is the CLI's (it owns its
        database); None in tests, which analyse in a thread with the pipeline they pass."""
        if self._analysis is None and self.owns_store:
            self._analysis = AnalysisService(str(self.settings.db), self.settings.model)
        return self._analysis

    async def on_event(self, event: events.Event) -> None:
        """A key or paste from the terminal waits while the key gate holds keys (a document
        loads)."""
        if (isinstance(event, events.Key | events.Paste) and not event.is_forwarded
                and self.keys.holds(event, arriving=True)):
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key back from the widgets: its bindings run next (App._on_key), unless it was
        typed after the key that started a document's load, which is held with the rest."""
        if self.keys.holds(event, arriving=False):
            event.prevent_default()  # not now: the gate hands it back once the document is in

    def _replay_keys(self) -> None:
        """Send the held keys back in (once the gate opened), unless that is under way."""
        if not self.keys.replaying:
            self.keys.replaying = True
            self._send_held_keys()

    @work(exclusive=False, exit_on_error=False, group="key-replay",
          name="keys typed while loading")
    async def _send_held_keys(self) -> None:
        """Each held key as if typed now, once the one before it has been handled (by the
        widget, its bindings, and the dialog or screen it opened, now ready for the next)."""
        try:
            while (event := self.keys.next()) is not None:
                self.post_message(event)
                await self._handled()
        finally:
            self.keys.replaying = False

    async def _handled(self) -> None:
        """Wait until a key just posted to the app has been handled: the app forwards it, each
        widget on its way up takes it in turn, its write commits, then the screen (or the one
        it opened) settles."""
        await self._drained([self])
        target = self.focused or self.screen
        for node in target.ancestors_with_self:  # the key's way back up, queue by queue
            await self._drained([node])
        # its write (if any) committed, as a human's next key would find it on screen: the
        # writes run in turn, so a no-op queued now is done once the key's write is
        with contextlib.suppress(RuntimeError, TimeoutError):  # (quitting: the queue is shut)
            await asyncio.wait_for(self.writes.run(lambda: None), 2.0)
        for _ in range(2):  # a pushed screen composes, mounts and focuses in a few rounds
            await self._drained([self, *self.screen.walk_children(with_self=True)])

    @staticmethod
    async def _drained(nodes: list[DOMNode], timeout: float = 0.5) -> None:
        """Wait (at most `timeout`) until each node has handled what was in its queue."""
        waits = []
        for node in nodes:
            done = asyncio.Event()
            if node.call_later(done.set):  # False: the node is closed, nothing to wait for
                waits.append(done.wait())
        if waits:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*waits), timeout)

    def _keys_expired(self) -> None:
        self.notify("the document is slow to load: the keys typed meanwhile act on what is shown",
                    severity="warning")

    def on_unmount(self) -> None:
        """Close the database if this app opened it."""
        mark("exit")
        if self._analysis is not None:
            self._analysis.close()
        # the writes typed before the quit go in, whole, before the database closes
        self.writes.close()
        if self.owns_store:
            self.store.close()

    async def action_quit(self) -> None:
        """Quit once the keys typed before ctrl+q are handled.

        A burst arrives at once, and ctrl+q (a priority key, so that it quits from a dialog
        too) is handled before the keys ahead of it, which wait in the focused widget's queue
        and bubble from there to the screen's: the exit is queued behind them in each queue on
        that way in turn, so their writes are queued (and stored before the database closes)
        rather than dropped. The timer quits anyway if a widget on the way goes away first (a
        `q` in the burst)."""
        self._behind_keys(self.exit)
        self.set_timer(1.0, self.exit)

    def _behind_keys(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the keys already on their way (in the focused widget's queue,
        then in each queue they bubble through, up to the app's) have been handled."""
        target = self.focused or self.screen
        self._after_queues(list(target.ancestors_with_self), callback)

    def _after_queues(self, nodes: list[DOMNode], callback: Callable[[], object]) -> None:
        if nodes:
            nodes[0].call_later(self._after_queues, nodes[1:], callback)
        else:
            callback()

    def open_document(self, doc_id: str) -> None:
        """Show a document in the annotation screen (replacing the one shown, if any)."""
        if isinstance(self.screen, AnnotationScreen):
            self.screen.open_document(doc_id)
        else:
            self.push_screen(AnnotationScreen(doc_id))

    def action_leave(self) -> None:
        """From a document back to the library; from the library, quit.

        Leaving a document waits for the keys typed before q (their writes are queued), and a
        q typed meanwhile (`qq` in one burst) acts once the library is shown: it quit nothing
        when the document's screen went away with that q still in its queue."""
        if self._leaving is not None:
            self._leaving += 1
            return
        if not isinstance(self.screen, AnnotationScreen):
            self.exit()
            return
        self._leaving = 0
        leaving = self.screen
        self._behind_keys(lambda: self._leave(leaving))
        # if a queue on the way went away first, leave anyway
        self.set_timer(1.0, lambda: self._leave(leaving))

    def _leave(self, screen: AnnotationScreen) -> None:
        """Back from `screen` to the library (once), then the q's typed meanwhile."""
        from .screens.library import LibraryScreen

        if self._leaving is None or self.screen is not screen:
            return  # already left (the other of the two ways here)
        more, self._leaving = self._leaving, None
        if any(isinstance(s, LibraryScreen) for s in self.screen_stack):
            self.pop_screen()
        else:
            self.switch_screen(LibraryScreen())
        for _ in range(more):
            self.call_after_refresh(self.action_leave)

    def action_help(self) -> None:
        """Show every key of the current screen (generated from the bindings)."""
        from .screens.library import LibraryScreen

        screen = self.screen
        if isinstance(screen, AnnotationScreen):
            sections = AnnotationScreen.help_sections()
            title = "Keys: annotation screen"
        else:
            sections = [("library", LibraryScreen)]
            title = "Keys: library"
        from .screens.help import HelpScreen, key_rows  # only when asked for: not at start

        self.push_screen(HelpScreen(title, key_rows([*sections, ("anywhere", RedlineApp)])))

    def action_export(self, fmt: str = "redline") -> None:
        """Ask where to, then export the corpus in `fmt` (redline, prodigy, doccano, brat)."""
        from .screens.dialogs import PromptDialog  # on first use: not at start
        from .screens.palette import EXPORTS

        what, default_name = EXPORTS[fmt]
        default = str(Path.cwd() / default_name)

        def chosen(path: object) -> None:
            if isinstance(path, str) and path:
                self.export(path, fmt)

        self.push_screen(PromptDialog(f"Export the corpus ({what}) to", default), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def export(self, path: str, fmt: str = "redline") -> None:
        """Write the export file or folder (streams the whole corpus; may take a while)."""
        from annotations.formats.registry import exporter

        n = exporter(fmt)(self.store, path, status=(), annotators=(), ids=())
        self.post_message(Notice(f"exported {plural(n, 'document')} to {path} ({fmt})"))

    def on_notice(self, message: Notice) -> None:
        """Show a worker's remark that no screen took."""
        self.notify(message.text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The app's own workers (export) fail the same way the screens' do."""
        report_failure(self, event)


def make_app(settings: Settings, *, doc_id: str | None = None, store: Store | None = None,
             analysis: AnalysisService | None = None, review: list[Path] | None = None
             ) -> RedlineApp:
    """The app for the CLI (opens the database in `settings`) or for tests (given a store);
    `analysis` is an analysis process already started (run_app starts it early)."""
    owns = store is None
    if store is None:
        store = Store(settings.db, annotator=settings.annotator)
    return RedlineApp(settings, store, doc_id=doc_id, owns_store=owns, analysis=analysis,
                      review=review)
