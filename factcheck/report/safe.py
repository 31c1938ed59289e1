"""Make untrusted text harmless before it reaches a terminal, a CI log or a JSON file.

Drafts, sources, fetched pages and error messages are untrusted: they can carry terminal
escape sequences (ANSI colours, OSC 52 clipboard writes, OSC 8 links), 8-bit C1 controls,
bidirectional overrides that reorder what a reviewer sees ("Trojan Source"), invisible
characters, or line breaks that start a new CI workflow command. ``inert`` replaces every
such character by a visible escape (``\\x1b``, ``\\u202e``) and leaves ordinary text, accents,
quotes, currency signs and emoji as they are.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

# Characters that are never shown as themselves:
# C0 controls (tab and newlines included), DEL, C1 controls, the Arabic letter mark, the
# Mongolian vowel separator, zero-width space, LRM/RLM, line/paragraph separators,
# bidi embeddings/overrides/isolates, invisible operators, deprecated format controls,
# Hangul fillers (blank "letters"), the BOM, interlinear annotation controls, tag
# characters (hidden ASCII), and lone surrogates (undecodable bytes) which cannot be written.
_NOT_C0 = (
    "\x7f-\x9f"
    "\u061c\u115f\u1160\u180e\u200b\u200e\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164"
    "\ufeff\uffa0\ufff9-\ufffb"
    "\U000e0000-\U000e007f"
    "\ud800-\udfff"
)
_UNSAFE = re.compile(f"[\x00-\x1f{_NOT_C0}]")
# json.dumps already escapes C0 controls inside strings; a raw newline in its output is layout.
_UNSAFE_IN_JSON = re.compile(f"[{_NOT_C0}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SPACES = re.compile(r"[ \t\r\n]+")


def _escape(ch: str) -> str:
    named = _NAMED.get(ch)
    if named:
        return named
    cp = ord(ch)
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    return f"\\U{cp:08x}"


def inert(s: str) -> str:
    """``s`` with every control, bidi and invisible format character made visible.

    The result is one line (``\\n`` becomes the two characters backslash and n) and contains
    nothing a terminal, a log viewer or the GitHub Actions runner would interpret.
    """
    return _UNSAFE.sub(lambda m: _escape(m.group()), s)


def one_line(s: str, limit: int | None = None) -> str:
    """``s`` with runs of ordinary whitespace collapsed to one space, shortened to ``limit``
    code points (with an ellipsis), then made inert."""
    s = _SPACES.sub(" ", s).strip()
    if limit is not None and len(s) > limit:
        s = s[: max(limit - 1, 0)].rstrip() + "…"
    return inert(s)


def is_unsafe(s: str) -> bool:
    return _UNSAFE.search(s) is not None


def _json_escape(ch: str) -> str:
    cp = ord(ch)
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    cp -= 0x10000
    return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"


def _finite(obj: Any) -> Any:
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    """JSON text for ``obj``: readable Unicode, but no raw control, bidi or invisible
    character anywhere (they are written as ``\\uXXXX`` escapes, so the data round-trips
    exactly), and no NaN/Infinity (written as null), so any JSON parser accepts it."""
    text = json.dumps(
        _finite(obj), ensure_ascii=False, indent=indent,
        separators=None if indent is not None else (",", ":"),
    )
    # Outside strings JSON only has ASCII punctuation and whitespace, so every match is
    # inside a string literal, where a \\u escape is always valid.
    return _UNSAFE_IN_JSON.sub(lambda m: _json_escape(m.group()), text)
