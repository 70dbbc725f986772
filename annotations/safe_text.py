"""Stored text made safe to print on a terminal: its control characters are shown, never obeyed.

A title or text can hold escape sequences (an OSC 52 clipboard write, `ESC[2J`) that a terminal
would act on. Each C0 control but newline and tab becomes its visible Control Picture (ESC → ␛),
DEL becomes ␡ and each C1 control U+FFFD: one character for one, so offsets into the text still
hold for what is shown.
"""

from __future__ import annotations

import re
from typing import Any

_SHOWN: dict[int, int] = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_SHOWN[0x7F] = 0x2421
_SHOWN.update(dict.fromkeys(range(0x80, 0xA0), 0xFFFD))
_IN_LINE = {**_SHOWN, 0x09: 0x2409, 0x0A: 0x2424}  # ␉ ␤
CONTROL_PICTURES: dict[int, str] = {c: chr(v) for c, v in _SHOWN.items()}
"""The str.translate table of `terminal_safe`, for code that draws text itself (the article)."""
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """`text` with every control character but newline and tab made visible."""
    return text.translate(_SHOWN) if _UNSAFE.search(text) else text


def one_line_safe(text: str) -> str:
    """`text` on one line: newlines and tabs made visible too (a table cell, a status line)."""
    # the search first: translate looks every character up, ten times slower on clean text
    return text.translate(_IN_LINE) if _UNSAFE_IN_LINE.search(text) else text


def json_safe(line: str) -> str:
    """A JSON line whose DEL and C1 characters are written as \\u escapes: JSON escapes C0
    controls itself, and both forms read back as the same string."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def safe_strings(value: Any) -> Any:
    """A copy of a JSON-like value (dicts, lists, strings) with every string terminal-safe."""
    if isinstance(value, str):
        return terminal_safe(value)
    if isinstance(value, dict):
        return {safe_strings(k): safe_strings(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [safe_strings(v) for v in value]
    return value
