"""One review case as text: each annotator's version, with its name and the text around it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from annotations.models import Annotation
from annotations.review import ADJUDICATED, ANCHOR, Case
from annotations.safe_text import one_line_safe, terminal_safe

CONTEXT = 90
"""Characters of text shown on each side of the case."""

ROLE_STYLES = {"source": "bold cyan underline", "cue": "italic magenta underline",
               "holder": "bold green underline", "target": "green underline"}
ANCHOR_STYLE = "bold reverse"


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch shown: CONTEXT around [start, end), widened to whole words."""
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    while lo > 0 and not text[lo - 1].isspace() and lo > start - CONTEXT - 20:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi < end + CONTEXT + 20:
        hi += 1
    return lo, hi


def _describe(ann: Annotation) -> str:
    attrs = [f"{k}={v}" for k, v in sorted(ann.attrs.items()) if k != ADJUDICATED]
    roles = [f"{s.role} “{s.text}”" for s in ann.spans if s.role != ANCHOR[ann.kind]]
    return " · ".join([ann.kind, *attrs, *roles])


def render_case(case: Case, names: Sequence[str], selected: int) -> Group:
    """Every version of the case: `1 alice`, what it holds, and the text around it with its
    spans marked; the version `e` edits is flagged with ▶."""
    text = case.doc.text
    lo, hi = _window(text, case.start, case.end)
    # one character for one: control characters shown, line breaks as spaces, offsets kept
    shown = terminal_safe(text[lo:hi]).replace("\n", " ")
    out: list[RenderableType] = []
    for n, (name, version) in enumerate(zip(names, case.versions, strict=True)):
        head = Text(f"{'▶' if n == selected else ' '} {n + 1}  ", style="bold")
        head.append(terminal_safe(name), style="bold yellow")
        if not version:
            head.append("  tagged nothing here", style="dim")
            out += [head, Text()]
            continue
        out.append(head)
        for ann in version:
            out.append(Padding(Text(one_line_safe(_describe(ann)), style="dim"), (0, 0, 0, 5)))
        body = Text(("…" if lo else "") + shown + ("…" if hi < len(text) else ""))
        shift = -lo + (1 if lo else 0)
        for ann in version:
            for s in ann.spans:
                a, b = max(s.start, lo), min(s.end, hi)
                if a < b:
                    style = ANCHOR_STYLE if s.role == ANCHOR[ann.kind] else ROLE_STYLES.get(
                        s.role, "underline")
                    body.stylize(style, a + shift, b + shift)
        out += [Padding(body, (0, 0, 0, 5)), Text()]
    return Group(*out)
