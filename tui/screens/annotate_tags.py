"""The annotation screen's tag keys: claim, stance, attribution, mark, delete, undo, redo (edit,
span labels and notes: `annotate_labels`).

Each key reads the view and the cursor, asks a dialog when there is a choice to make, and hands
the new or changed annotation to a store write; the screen shows it once committed.
"""

from __future__ import annotations

from typing import Any

from textual.actions import SkipAction

from annotations.models import Annotation
from annotations.scheme import DEFAULT, Scheme
from annotations.store import Store

from ..widgets.article_layout import sentence_start_before, sentence_starts_after, token_end
from ..workers import read_state
from ..writes import Declined
from . import actions as act
from .annotate_base import AnnotationBase, Range
from .annotate_checks import unless_identical


class TagKeys(AnnotationBase):
    """The keys that add, change and remove annotations and marks (c, s, a, m, x, u, ctrl+r,
    esc)."""

    label_scheme: Scheme = DEFAULT  # the database's, read when the screen opens (annotate_labels)

    def action_claim(self) -> None:
        """Tag the selection (or the sentence under the cursor) as a check-worthy claim."""
        view = self._ready()
        if view is None:
            return
        sel = self.selection or self._sentence_under()
        ann = act.claim(view.doc, sel, self.redline.settings.annotator)
        if not ann.spans[0].text:
            self._say("nothing to tag here: select some text first (v, or shift+arrows)")
            return
        # the cursor goes to the claim now (not when it is committed): a key typed after c
        # moves on from there, and no late jump undoes its move
        if self.write("add claim", unless_identical(ann, lambda st: st.add_annotation(ann)),
                      "claim added"):
            self.article.move_to(ann.start)
        self.marked = []

    def action_stance(self) -> None:
        """Tag the selection (or sentence) as a stance: polarity, holder, target."""
        view = self._ready()
        if view is None:
            return
        sel = self.selection or self._sentence_under()
        self._stance_dialog(view, sel, None)

    def _stance_dialog(self, view: act.DocView, sel: Range, base: Annotation | None) -> None:
        from .dialogs import StanceChoice, StanceDialog  # on first use: not at start

        current_holder = act.role_span(base, "holder") if base else None
        current_target = act.role_span(base, "target") if base else None
        holders = act.source_candidates(view, sel, marked=self.marked, current=current_holder,
                                        inside=True)
        targets = act.target_candidates(view, sel, marked=self.marked, current=current_target)
        # the scheme's preset targets (free text) after the current and marked ones, before
        # the names in the sentence
        at = sum(1 for c in targets
                 if c.span is not None and (c.span == current_target or c.span in self.marked))
        targets[at:at] = [act.Candidate(f"{t} (preset)", None, t)
                          for t in self.label_scheme.stance_targets]
        # a target is rarely the nearest entity: default to none unless one was marked
        target_index = len(targets) - 1 if current_target is None and not self.marked else 0
        holder_index = len(holders) - 1 if base is not None and current_holder is None else 0
        dialog = StanceDialog(
            view.doc.text[sel[0]:sel[1]], holders, targets,
            polarity=base.attrs.get("polarity", "favor") if base else "favor",
            holder_index=holder_index, target_index=target_index,
            target_text=base.attrs.get("target_text", "") if base else "",
            title="Edit stance" if base else "Stance",
            note=base.attrs.get("note", "") if base else None)

        def done(choice: object) -> None:
            if not isinstance(choice, StanceChoice):
                return
            # a preset target is free text: the one typed in wins
            target_text = choice.target_text or (
                choice.target.speaker if choice.target.span is None else "")
            ann = act.stance(view.doc, sel, polarity=choice.polarity, holder=choice.holder.span,
                             target=choice.target.span, target_text=target_text,
                             annotator=self.redline.settings.annotator, base=base)
            self._save(_noted(ann, choice.note), base, "stance")

        self.app.push_screen(dialog, done)

    def action_attribution(self) -> None:
        """Tag the selection (or the quote under the cursor) as an attribution; if one already
        covers it, edit that one instead (as e does)."""
        view = self._ready()
        if view is None:
            return
        sugg = self._suggestion_under()
        quoted = None
        if self.selection:
            # a selection that starts with a quotation mark (a sentence taken with `(`): the
            # content is the quoted words inside the marks, and the attribution is direct
            quoted = act.quotation_content(view.doc.text, self.selection)
            content: list[Range] = quoted or [self.selection]
        elif sugg is not None:
            content = list(sugg.content)
        else:
            quote = act.quote_at(view.quotes, self.cursor)
            if quote is None:
                self._say("select the quoted words first (v, or shift+arrows)")
                return
            content = [quote]
        existing = _attribution_over(view.annotations, content)
        if existing is not None:
            # a second frame on the same words would be a duplicate: change the one there is
            self._say("this quote already has an attribution: editing it (x deletes it)")
            self._attribution_dialog(
                view, [(s.start, s.end) for s in existing.role("content")], existing, None)
            return
        self._attribution_dialog(view, content, None, sugg, direct=quoted is not None)

    def _attribution_dialog(self, view: act.DocView, content: list[Range],
                            base: Annotation | None, sugg: act.Suggestion | None, *,
                            direct: bool = False) -> None:
        from .dialogs import AttributionChoice, AttributionDialog  # on first use: not at start

        text = view.doc.text
        sel = (min(a for a, _ in content), max(b for _, b in content))
        cur_source = act.role_span(base, "source") if base else None
        cur_cue = act.role_span(base, "cue") if base else None
        sources = act.source_candidates(view, sel, marked=self.marked, current=cur_source)
        cues = act.cue_candidates(view, sel, marked=self.marked, current=cur_cue)
        if base is not None:
            type_ = base.attrs.get("type", "direct")
            speaker = base.attrs.get("speaker", "")
        elif sugg is not None:
            type_, speaker = sugg.type, sugg.speaker
        else:
            type_, speaker = "direct" if direct else act.default_type(view, sel), ""
        source_index = len(sources) - 1 if base is not None and cur_source is None else 0
        cue_index = len(cues) - 1 if base is not None and cur_cue is None else 0
        if base is None and sugg is None and not self.marked:
            # no suggestion: the cue is a guess from the verbs nearby; offer it, don't assume
            cue_index = 0 if len(cues) > 1 else len(cues) - 1
        dialog = AttributionDialog(
            " … ".join(text[a:b] for a, b in content), sources, cues, type_=type_,
            speaker=speaker, title="Edit attribution" if base else "Attribution",
            source_index=source_index, cue_index=cue_index,
            note=base.attrs.get("note", "") if base else None)

        def done(choice: object) -> None:
            if not isinstance(choice, AttributionChoice):
                return
            ann = _noted(act.attribution(
                view.doc, content, source=choice.source.span, cue=choice.cue.span,
                type_=choice.type, speaker=choice.speaker,
                annotator=self.redline.settings.annotator, base=base), choice.note)
            if base is None and sugg is not None:
                # from a suggestion: as proposed, or corrected on the way in
                ann.origin = "suggested" if _same_as(ann, sugg) else "edited"
            self._save(ann, base, "attribution", sugg.key if sugg and base is None else None)

        self.app.push_screen(dialog, done)

    def _save(self, ann: Annotation, base: Annotation | None, what: str,
              suggestion_key: str | None = None) -> None:
        """Add a new annotation or store a changed one (in a worker)."""
        self.marked = []
        if base is None:
            if self.write(f"add {what}", unless_identical(ann, lambda st: st.add_annotation(
                    ann, suggestion_key=suggestion_key)), f"{what} added"):
                self.article.move_to(ann.start)
        else:
            self.write(f"edit {what}", unless_identical(
                ann, lambda st: st.update_annotation(ann), verb="changed"), f"{what} changed")

    def action_mark(self) -> None:
        """Mark the selection (or the entity, else the word, under the cursor) as a source, cue,
        holder or target for the dialogs to offer; again unmarks."""
        view = self._ready()
        if view is None:
            return
        sel = (self.selection or act.entity_at(view.entities, self.cursor)
               or (self.cursor, token_end(view.doc.text, self.cursor)))
        self.article.clear_selection()
        if sel in self.marked:
            self.marked.remove(sel)
            self.say_over_move(f"unmarked “{act.clip(view.doc.text[sel[0]:sel[1]])}”")
        elif sel[0] < sel[1]:
            self.marked.append(sel)
            self.say_over_move(f"marked “{act.clip(view.doc.text[sel[0]:sel[1]])}”: "
                               "a, s and e offer it")
        self.refresh_highlights()

    def action_clear_marks(self) -> None:
        """Forget every mark (escape reaches here once the article has no selection to clear)."""
        if not self.marked:
            raise SkipAction()
        count, self.marked = len(self.marked), []
        self._say(f"cleared {act.plural(count, 'mark')}")
        self.refresh_highlights()

    def action_delete(self) -> None:
        """Delete the annotation under the cursor (u brings it back)."""
        ann = self._annotation_under()
        if ann is None and self.redline.writes.pending:
            # maybe one a key just before this one is adding (c x in a burst): look for it
            # in this write's turn, on the state the writes before it leave
            doc_id, cursor, selection = self.doc_id, self.cursor, self.selection

            def delete_under(store: Store) -> Annotation:
                state = read_state(store, doc_id)
                found = act.DocView(state.doc, state.annotations).annotation_at(cursor, selection)
                if found is None:
                    raise Declined("no annotation under the cursor")
                store.delete_annotation(found.id)
                return found

            self.write("delete annotation", delete_under,
                       lambda found: f"deleted {found.kind} (u undoes)")
            return
        if ann is None:
            self._say("no annotation under the cursor")
            return
        self.write("delete annotation", lambda st: st.delete_annotation(ann.id),
                   f"deleted {ann.kind} (u undoes)")

    def action_undo(self) -> None:
        """Undo your last edit of this document (works across restarts)."""
        doc_id, suggestions = self.doc_id, self._suggestions()
        self.write("undo", lambda st: st.undo(doc_id),
                   lambda entry: _undo_note(entry, "undid", "nothing to undo"),
                   focus=lambda entry: _undo_at(entry, suggestions))

    def action_redo(self) -> None:
        """Redo the edit the last undo reverted."""
        doc_id, suggestions = self.doc_id, self._suggestions()
        self.write("redo", lambda st: st.redo(doc_id),
                   lambda entry: _undo_note(entry, "redid", "nothing to redo"),
                   focus=lambda entry: _undo_at(entry, suggestions))

    def _suggestions(self) -> list[act.Suggestion]:
        """Every suggestion of the document, decided or not (where an undone decision was)."""
        return self.view.suggestions if self.view else []

    def _sentence_under(self) -> Range:
        """The sentence around the cursor (what c and s tag when nothing is selected)."""
        assert self.view is not None
        text = self.view.doc.text
        start = sentence_start_before(text, self.cursor + 1)
        end = sentence_starts_after(text, self.cursor)
        stop = text.find("\n", self.cursor)
        end = min(x for x in (end, stop if stop >= 0 else None, len(text)) if x is not None)
        return act.trim(text, start, end)


def _noted(ann: Annotation, note: str | None) -> Annotation:
    """The annotation with the note a dialog returned ("" removes it; None: no note field)."""
    return ann if note is None else act.with_attrs(ann, note=note)


def _attribution_over(annotations: list[Annotation], content: list[Range]
                      ) -> Annotation | None:
    """The attribution whose quoted words overlap `content` most, if any overlaps it."""
    best: tuple[int, Annotation] | None = None
    for ann in annotations:
        if ann.kind != "attribution":
            continue
        overlap = sum(max(0, min(b, s.end) - max(a, s.start))
                      for s in ann.role("content") for a, b in content)
        if overlap and (best is None or overlap > best[0]):
            best = (overlap, ann)
    return best[1] if best else None


def _same_as(ann: Annotation, sugg: act.Suggestion) -> bool:
    """True if a dialog-made attribution is exactly what the suggestion proposed."""
    content = tuple((s.start, s.end) for s in ann.role("content"))
    return (content == tuple(sorted(sugg.content)) and act.role_span(ann, "source") == sugg.source
            and act.role_span(ann, "cue") == sugg.cue and ann.attrs.get("type") == sugg.type
            and ann.attrs.get("speaker", "") == sugg.speaker)


def _undo_note(entry: dict[str, Any] | None, verb: str, nothing: str) -> str:
    """`undid: add claim “He further declared…”` / `nothing to undo`."""
    if entry is None:
        return nothing
    return f"{verb}: {act.journal_change(entry)[0]}"


def _undo_at(entry: dict[str, Any] | None, suggestions: list[act.Suggestion]) -> int | None:
    """Where the change undone or redone was (the cursor goes there), if in the text."""
    return None if entry is None else act.journal_change(entry, suggestions)[1]
