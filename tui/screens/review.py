"""The review screen (`redline review A.db B.db --into GOLD.db`): one disagreement at a time,
decided with one key, into the gold database the app has open.

The comparison and every decision run off the event loop: opening in a thread worker, decisions
through the app's write queue (in the order the keys were pressed). The screen moves on at once:
it keeps its own copy of which cases are decided, so `1 1 1` decides three cases, not one three
times.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker

from annotations.errors import RedlineError
from annotations.models import Annotation
from annotations.review import Review
from annotations.safe_text import one_line_safe

from ..widgets.key_footer import KeyFooter
from ..widgets.review_case import render_case
from ..wording import plural
from .base import RedlineScreen
from .review_edit import edit_dialog

if TYPE_CHECKING:
    from ..app import RedlineApp


class ReviewOpened(Message):
    """The review is compared and its agreed annotations copied (from the worker)."""

    def __init__(self, review: Review, decided: set[str]) -> None:
        super().__init__()
        self.review = review
        self.decided = decided


class ReviewFailed(Message):
    """The review could not be opened (a database missing, damaged, or sharing no document)."""

    def __init__(self, error: RedlineError) -> None:
        super().__init__()
        self.error = error


def _keep_bindings() -> list[BindingType]:
    out: list[BindingType] = [Binding("1", "keep(0)", "Keep", key_display="1…9",
                                      tooltip="Keep annotator 1's version, then go on")]
    out += [Binding(str(n), f"keep({n - 1})", "Keep", show=False,
                    tooltip=f"Keep annotator {n}'s version, then go on") for n in range(2, 10)]
    return out


class ReviewScreen(RedlineScreen):
    """Each disagreement with every annotator's version; a key keeps one, none, or an edit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *_keep_bindings(),
        Binding("0", "keep_none", "None", tooltip="Keep no version, then go on"),
        Binding("e", "edit", "Edit", tooltip="Edit the ▶ version in a dialog, then keep it"),
        Binding("u", "undo", "Undo", tooltip="Undo the last decision and show its case again"),
        Binding("down", "select(1)", "Next version (the one e edits)", show=False),
        Binding("up", "select(-1)", "Previous version (the one e edits)", show=False),
        Binding("pagedown", "page(1)", "Scroll the versions down", show=False),
        Binding("pageup", "page(-1)", "Scroll the versions up", show=False),
        Binding("question_mark", "keys", "Keys"),
        Binding("q", "quit_review", "Quit", tooltip="Quit (reopening the review resumes it)"),
    ]
    DEFAULT_CSS = """
    ReviewScreen #review-title { height: 1; background: $primary; color: $text; padding: 0 1; }
    ReviewScreen #review-status { height: 1; text-style: bold; padding: 0 1; }
    ReviewScreen #review-case { height: auto; padding: 0 1; color: $warning; }
    ReviewScreen #review-scroll { height: 1fr; padding: 0 1; }
    """

    def __init__(self, sources: Sequence[Path]) -> None:
        super().__init__()
        self.sources = list(sources)
        self.review: Review | None = None
        self.decided: set[str] = set()
        self.index: int | None = None
        self.selected = 0

    @property
    def redline(self) -> RedlineApp:
        """The app, typed (a screen runs only inside RedlineApp; importing it would be a cycle)."""
        return cast("RedlineApp", self.app)

    def compose(self) -> ComposeResult:
        """Title, status line, what the case is, the versions, the keys."""
        yield Static(id="review-title")
        yield Static("comparing the annotators' databases…", id="review-status")
        yield Static(id="review-case")
        scroll = VerticalScroll(id="review-scroll")
        # never focused: ↑/↓ are the screen's (they move the ▶), pgup/pgdn scroll
        scroll.can_focus = False
        with scroll:
            yield Static(id="review-versions")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Compare the databases in a worker."""
        self.open_review()

    @work(thread=True, exclusive=True, exit_on_error=False, group="review")
    def open_review(self) -> None:
        """Compare, copy the agreed annotations into gold, and read the standing decisions."""
        try:
            review = Review.open(self.sources, self.redline.store)
            self.post_message(ReviewOpened(review, review.decided()))
        except RedlineError as e:
            self.post_message(ReviewFailed(e))

    def on_review_failed(self, message: ReviewFailed) -> None:
        """Say on the screen why there is nothing to review (q quits)."""
        self.query_one("#review-status", Static).update(
            f"cannot review: {one_line_safe(message.error.one_line())}")

    def on_review_opened(self, message: ReviewOpened) -> None:
        """Show the first undecided case (where the last session stopped)."""
        self.review, self.decided = message.review, message.decided
        names = " · ".join(f"{n} {one_line_safe(name)}"
                           for n, name in enumerate(self.review.names, start=1))
        gold = one_line_safe(self.redline.store.path.name)
        agreed = plural(self.review.agreed, "agreed annotation")
        self.query_one("#review-title", Static).update(
            f"Review into {gold}: {names} · {agreed} copied")
        self._show(self._next(0))

    def _next(self, start: int) -> int | None:
        """The first case from `start` on (wrapping) that is not decided."""
        cases = self.review.cases if self.review else []
        order = [*range(start, len(cases)), *range(min(start, len(cases)))]
        return next((i for i in order if cases[i].key not in self.decided), None)

    def _show(self, index: int | None) -> None:
        """Put case `index` on screen (or say that every case is decided)."""
        self.index = index
        review = self.review
        if review is None:
            return
        status = self.query_one("#review-status", Static)
        what = self.query_one("#review-case", Static)
        versions = self.query_one("#review-versions", Static)
        if index is None:
            status.update(f"all {len(review.cases)} disagreements decided · "
                          f"{review.documents} documents compared")
            what.update("the gold database holds the agreed annotations and every decision; "
                        "u undoes the last decision, q quits")
            versions.update("")
            return
        case = review.cases[index]
        self.selected = next((n for n, v in enumerate(case.versions) if v), 0)
        status.update(review.status(index))
        what.update(f"{one_line_safe(case.doc.title or case.doc.id)} · {case.kind}: {case.what}")
        versions.update(render_case(case, review.names, self.selected))

    def action_select(self, step: int) -> None:
        """Move the ▶ (the version `e` edits) to the next or previous annotator."""
        if self.review is None or self.index is None:
            return
        case = self.review.cases[self.index]
        self.selected = (self.selected + step) % len(case.versions)
        self.query_one("#review-versions", Static).update(
            render_case(case, self.review.names, self.selected))

    def action_page(self, step: int) -> None:
        """Scroll the versions by a page (a case of long spans or many annotators)."""
        scroll = self.query_one("#review-scroll", VerticalScroll)
        if step > 0:
            scroll.scroll_page_down()
        else:
            scroll.scroll_page_up()

    def action_keep(self, pick: int) -> None:
        """Keep annotator `pick`'s version (0-based) of the case shown."""
        if self.review is None or self.index is None:
            return
        if pick >= len(self.review.names):
            self.notify(f"there are {len(self.review.names)} annotators: keep 1 to "
                        f"{len(self.review.names)}, or 0 for none", severity="warning")
            return
        self._decide(pick, ())

    def action_keep_none(self) -> None:
        """Keep no version of the case shown."""
        if self.review is not None and self.index is not None:
            self._decide(None, ())

    def action_edit(self) -> None:
        """Edit the ▶ version in the annotation screen's dialog, then keep the edit."""
        if self.review is None or self.index is None:
            return
        case, pick = self.review.cases[self.index], self.selected
        version = case.versions[pick]
        if len(version) != 1:
            self.notify(f"{self.review.names[pick]}'s version holds {len(version)} annotations:"
                        " e edits one; choose another version with ↑/↓, or keep one with 1…9",
                        severity="warning")
            return
        dialog, build = edit_dialog(case, self.review.names, version[0])
        index = self.index

        def done(answer: object) -> None:
            edited = build(answer)
            if edited is not None and self.index == index:
                self._decide(pick, (edited,))

        self.app.push_screen(dialog, done)

    def _decide(self, pick: int | None, edited: Sequence[Annotation]) -> None:
        """Record the decision on the case shown, show the next one, queue the write."""
        review = self.review
        assert review is not None and self.index is not None
        index = self.index
        self.decided.add(review.cases[index].key)
        self._show(self._next(index + 1))
        chosen = list(edited)
        # queued now, as the key is handled: a worker cancelled before it starts (a quit right
        # after the key) cannot drop it
        future = self.redline.writes.submit(lambda: review.keep(index, pick, chosen))

        async def written() -> None:
            try:
                await self.redline.writes.wait(future)
            except RedlineError as e:
                self.notify(f"not kept: {e.one_line()}", severity="error", timeout=10)
                self.decided.discard(review.cases[index].key)
                self._show(index)

        self._background(written, "review decision")

    def action_undo(self) -> None:
        """Undo the newest decision (after every write queued before it) and show its case."""
        review = self.review
        if review is None:
            return
        future = self.redline.writes.submit(review.undo)

        async def undone() -> None:
            index = await self.redline.writes.wait(future)
            if index is None:
                self.notify("nothing to undo: no case is decided")
                return
            self.decided.discard(review.cases[index].key)
            self.notify(f"undone: {review.status(index).split(' · ')[0]}")
            self._show(index)

        self._background(undone, "review undo")

    def _background(self, job: Callable[[], Coroutine[None, None, None]], name: str
                    ) -> Worker[None]:
        """Run `job` in an async worker whose failure is reported (RedlineScreen)."""
        return self.run_worker(job, name=name, group="review-write", exit_on_error=False)

    def action_quit_review(self) -> None:
        """Leave redline: every decision is in the gold database already (queued ones are
        written before it closes)."""
        self.app.exit()

    def action_keys(self) -> None:
        """Every key of the review screen."""
        from .help import HelpScreen, key_rows

        self.app.push_screen(HelpScreen("Keys: review", key_rows([("review", ReviewScreen)])))
