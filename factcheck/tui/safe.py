"""Make untrusted text (drafts, sources, error messages) inert for the terminal.

Every replacement keeps the string's length, so spans computed on the original text still
point at the same characters. Newlines are kept (the draft view needs them); tabs and
carriage returns become spaces; other control characters become visible pictures.
"""

from __future__ import annotations

import re

from ..invisible import hidden_class, in_emoji

# C0 but newline, DEL, C1, line/paragraph separators, the Braille blank, lone surrogates,
# and every format or default-ignorable character (bidi marks and overrides, zero-width
# space and joiners, soft hyphen, BOM, tag characters...: factcheck.invisible).
_UNSAFE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u2800\ud800-\udfff{hidden_class()}]")


def _picture(m: re.Match[str]) -> str:
    ch = m.group()
    if in_emoji(m.string, m.start()):
        return ch  # "👩\u200d🚒" is one picture
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
