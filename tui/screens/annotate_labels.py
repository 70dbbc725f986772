"""The annotation screen's keys for the database's label scheme and for notes: `c` with claim
types, `L` (span label), `w` (note) and `e` (edit, every kind).

The scheme (annotations/scheme.py) is read in a worker when a document opens; with the default,
empty scheme `c` tags at once as it always has, and `L` says how to add span labels.
"""

from __future__ import annotations

from textual import events, on
from textual.message import Message

from annotations.scheme import Scheme

from ..messages import StateLoaded
from ..widgets.article_layout import token_end
from . import actions as act
from .annotate_checks import unless_identical
from .annotate_tags import TagKeys


class SchemeLoaded(Message):
    """The database's label scheme, read in a worker."""

    def __init__(self, scheme: Scheme) -> None:
        super().__init__()
        self.scheme = scheme


class LabelKeys(TagKeys):
    """Claims with a type, span labels, notes, and `e` for every kind."""

    @on(events.Mount)
    def _read_scheme(self) -> None:
        self.read_scheme()

    @on(StateLoaded)
    def _document_opened(self, message: StateLoaded) -> None:
        if message.opened:  # ] and [: a `labels set` made meanwhile shows in the next document
            self.read_scheme()

    def read_scheme(self) -> None:
        """Read the database's scheme in a worker (SchemeLoaded brings it)."""
        store = self.redline.store

        def job() -> None:
            self.post_message(SchemeLoaded(store.label_scheme()))

        self.run_worker(job, thread=True, group="scheme", exit_on_error=False)

    @on(SchemeLoaded)
    def _scheme_loaded(self, message: SchemeLoaded) -> None:
        self.label_scheme = message.scheme

    def action_claim(self) -> None:
        """Tag the selection (or the sentence) as a claim; with claim types in the scheme, a
        dialog asks which first."""
        from .dialogs import ClaimChoice, ClaimDialog  # on first use: not at start

        types = self.label_scheme.claim_types
        view = self.view
        if not types or view is None:
            super().action_claim()
            return
        ann = act.claim(view.doc, self.selection or self._sentence_under(),
                        self.redline.settings.annotator)
        if not ann.spans[0].text:
            self._say("nothing to tag here: select some text first (v, or shift+arrows)")
            return

        def done(choice: object) -> None:
            if isinstance(choice, ClaimChoice):
                self._save(act.with_attrs(ann, checkworthy=choice.checkworthy, type=choice.type),
                           None, "claim")

        self.app.push_screen(ClaimDialog(ann.spans[0].text, types=types), done)

    def action_span_label(self) -> None:
        """Tag the selection (or the name, else the word, under the cursor) with one of the
        database's span labels, chosen in a dialog."""
        from .annotate_dialogs import SpanLabelDialog  # on first use: not at start

        view = self._ready()
        if view is None:
            return
        labels = self.label_scheme.span_labels
        if not labels:
            self._say("this database has no span labels: add them with "
                      "redline labels set SCHEME.json")
            return
        sel = (self.selection or act.entity_at(view.entities, self.cursor)
               or (self.cursor, token_end(view.doc.text, self.cursor)))
        annotator = self.redline.settings.annotator
        if not act.span_label(view.doc, sel, labels[0], annotator).spans[0].text:
            self._say("nothing to label here: select some text first (v, or shift+arrows)")
            return

        def done(choice: object) -> None:
            if isinstance(choice, tuple):
                self._save(act.span_label(view.doc, sel, choice[0], annotator), None,
                           "span label")

        self.app.push_screen(SpanLabelDialog(view.doc.text[sel[0]:sel[1]], labels), done)

    def action_note(self) -> None:
        """Write, change or remove (empty) the note of the annotation under the cursor."""
        from .dialogs import PromptDialog  # on first use: not at start

        found = self._ready_with(self._annotation_under, "no annotation under the cursor to note")
        if found is None:
            return
        _, ann = found
        before = ann.attrs.get("note", "")

        def done(value: object) -> None:
            if not isinstance(value, str) or value == before:
                return
            changed = act.with_attrs(ann, note=value)
            self.write("note", unless_identical(changed, lambda st: st.update_annotation(changed),
                                                verb="changed"),
                       "note saved" if value else "note removed")

        self.app.push_screen(PromptDialog(f"Note on the {ann.kind} (empty removes it)", before),
                             done)

    def action_edit(self) -> None:
        """Edit the annotation under the cursor (its dialog again, with its note)."""
        from .annotate_dialogs import SpanLabelDialog
        from .dialogs import ClaimChoice, ClaimDialog  # on first use: not at start

        found = self._ready_with(self._annotation_under, "no annotation under the cursor")
        if found is None:
            return
        view, ann = found
        note = ann.attrs.get("note", "")
        if ann.kind == "claim":
            def claim_done(choice: object) -> None:
                if isinstance(choice, ClaimChoice):
                    self._save(act.with_attrs(ann, checkworthy=choice.checkworthy,
                                              type=choice.type, note=choice.note or ""),
                               ann, "claim")

            self.app.push_screen(ClaimDialog(
                ann.spans[0].text, ann.attrs.get("checkworthy", "yes"),
                types=self.label_scheme.claim_types, type_=ann.attrs.get("type", ""),
                note=note), claim_done)
        elif ann.kind == "label":
            def label_done(choice: object) -> None:
                if isinstance(choice, tuple):
                    self._save(act.with_attrs(ann, label=choice[0], note=choice[1] or ""), ann,
                               "span label")

            self.app.push_screen(SpanLabelDialog(
                ann.spans[0].text, self.label_scheme.span_labels,
                label=ann.attrs.get("label", ""), note=note, title="Edit span label"),
                label_done)
        elif ann.kind == "stance":
            main = act.role_span(ann, "stance")
            assert main is not None
            self._stance_dialog(view, main, ann)
        else:
            content = [(s.start, s.end) for s in ann.role("content")]
            self._attribution_dialog(view, content, ann, None)

