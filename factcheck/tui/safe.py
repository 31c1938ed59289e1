"""Make untrusted text (drafts, sources, error messages) inert for the terminal.

Every replacement keeps the string's length, so spans computed on the original text still
point at the same characters. Newlines are kept (the draft view needs them); tabs and
carriage returns become spaces; other control characters become visible pictures.
"""

from __future__ import annotations

import re

# C0 but newline, DEL, C1, bidi marks/embeddings/overrides/isolates, invisible and
# zero-width format characters, BOM, tag characters and lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f"
    "\u061c\u115f\u1160\u180e\u200b\u200e\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164"
    "\ufeff\uffa0\ufff9-\ufffb"
    "\U000e0000-\U000e007f"
    "\ud800-\udfff]"
)


def _picture(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if ch in "\t\r\u2028\u2029":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟ (ESC shows as ␛)
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls, bidi and invisible format characters


def clean(text: str) -> str:
    """``text`` with every control character made visible and harmless (same length)."""
    return _UNSAFE.sub(_picture, text)


def clean_line(text: str) -> str:
    """Like :func:`clean`, and newlines become spaces (for one-line displays)."""
    return clean(text).replace("\n", " ")
