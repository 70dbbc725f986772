"""The annotation screen's suggestion keys: next and previous, accept, reject, filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from annotations.store import Store

from . import actions as act
from .annotate_base import AnnotationBase
from .annotate_checks import unless_identical

NO_SUGGESTION = "no suggestion under the cursor: n goes to the next one"


class SuggestionKeys(AnnotationBase):
    """The keys that walk and decide the analysis' suggestions (n, N, y, d, t, i)."""

    def action_suggestion(self, step: int) -> None:
        """Go to the next (1) / previous (-1) pending suggestion and select it."""
        if self._ready() is None:
            return
        view = self.keys_view()
        assert view is not None
        pending = view.pending()
        here = self._suggestion_under(view)
        origin = here.start if here else self.cursor
        target = act.next_suggestion(pending, origin, step)
        if target is None and self.analysis_note.startswith("analysing"):
            self._say("suggestions are still being computed: try again in a moment")
            return
        if target is None:
            hidden = view.hidden_count()
            self._say("no pending suggestions" + (f" ({hidden} hidden: {self._filter_keys()} "
                                                  "shows them)" if hidden else ""))
            return
        self.article.select_range(target.start, target.end)

    def action_accept(self) -> None:
        """Accept the suggestion under the cursor: it becomes an attribution (origin suggested)."""
        found = self._ready_with(lambda: self._suggestion_under(self.keys_view()), NO_SUGGESTION)
        if found is None:
            return
        view, sugg = found
        ann = act.accepted(view.doc, sugg, self.redline.settings.annotator)
        head = f"accepted: {act.describe(ann, 32)}"
        doc_id = self.doc_id

        def accept(st: Store) -> object:
            return st.add_annotation(ann, suggestion_key=sugg.key)

        checked = unless_identical(ann, accept, verb="accepted")
        # decided elsewhere meanwhile: the store's refusal says so (and to reload), which
        # says more than "an identical attribution is there"
        self._decide(sugg, "accepted", head, "accept suggestion",
                     lambda st: accept(st) if sugg.key in st.decisions(doc_id) else checked(st))

    def action_reject(self) -> None:
        """Reject the suggestion under the cursor (u brings it back)."""
        found = self._ready_with(lambda: self._suggestion_under(self.keys_view()), NO_SUGGESTION)
        if found is None:
            return
        _, sugg = found
        doc_id = self.doc_id
        self._decide(sugg, "rejected", "rejected the suggestion", "reject suggestion",
                     lambda st: st.reject_suggestion(doc_id, sugg.key))

    def _decide(self, sugg: act.Suggestion, decision: str, done: str, label: str,
                change: Callable[[Store], object]) -> None:
        """Queue the decision's write, and move on to the next suggestion now: the next key
        (another y, say) acts on that one, before this write is committed."""
        view = self.keys_view()
        assert view is not None
        where, note = self._after(view, sugg, done)
        if self.write(label, change, note, intent=(sugg.key, decision)):
            self.article.move_to(where)

    def _after(self, view: act.DocView, sugg: act.Suggestion, done: str) -> tuple[int, str]:
        """Where the cursor goes once a suggestion is decided, and the note: `done`, then the
        next suggestion (in what is left of the status line).

        The next pending one's start, not selected: it is current (y and d act on it), but a
        selection would make c, s or a tag it and e edit whatever it overlaps. Else stay put."""
        rest = [s for s in view.pending() if s.key != sugg.key]
        nxt = act.next_suggestion(rest, sugg.start, 1)
        if nxt is None:
            return sugg.start, f"{done}; no pending suggestions left"
        head = f"{done}; next: "
        room = max(30, self.size.width - 2 - len(head))
        return nxt.start, head + act.describe_suggestion(nxt, view.doc.text, room)

    def action_toggle_low(self) -> None:
        """Hide or show suggestions below the confidence threshold."""
        self._toggle("hide_low", f"suggestions below {act.LOW_CONFIDENCE} confidence", "hidden")

    def action_toggle_indirect(self) -> None:
        """Hide or show indirect-speech suggestions (X said that …): quotes first, then these."""
        self._toggle("hide_indirect", "indirect-speech suggestions", "hidden (i shows them)")

    def _toggle(self, flag: Literal["hide_low", "hide_indirect"], what: str, hidden: str) -> None:
        """Flip one of the view's suggestion filters and say which way it went."""
        view = self._ready()
        if view is None:
            return
        on = not getattr(view, flag)
        setattr(view, flag, on)
        setattr(self.redline.settings.filters, flag, on)  # for the next document opened
        self._say(f"{what} {hidden if on else 'shown'}")  # the status line's counts too
        self.refresh_highlights()

    def _filter_keys(self) -> str:
        """The keys that undo the filters now on ("t", "i" or "t / i")."""
        view = self.view
        on = [k for k, flag in (("t", view and view.hide_low), ("i", view and view.hide_indirect))
              if flag]
        return " / ".join(on) or "t"
