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
from functools import cache
from typing import Any

from ..invisible import hidden_class, in_emoji

# Characters that are never shown as themselves: C0 controls (tab and newlines included),
# DEL and C1 controls (category Cc), line/paragraph separators (Zl, Zp), lone surrogates
# (Cs: undecodable bytes, which cannot be written), the Braille blank (a "letter" that
# shows nothing), and every format or default-ignorable character (Cf, variation
# selectors, Hangul fillers, tag characters...: factcheck.invisible, Unicode's own
# properties): bidi marks, embeddings, overrides and isolates, zero-width space and
# joiners, soft hyphen, word joiner, invisible operators, the BOM.
_NOT_C0 = "\x7f-\x9f\u2028\u2029\u2800\ud800-\udfff" + hidden_class()
_UNSAFE = re.compile(f"[\x00-\x1f{_NOT_C0}]")


# json.dumps already escapes C0 controls inside strings; a raw newline in its output is layout.
# (Compiled for the first JSON written: a text report writes none.)
@cache
def _unsafe_in_json() -> re.Pattern[str]:
    return re.compile(f"[{_NOT_C0}]")


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
    return _UNSAFE.sub(_escape_match, s)


def _escape_match(m: re.Match[str]) -> str:
    ch = m.group()
    return ch if in_emoji(m.string, m.start()) else _escape(ch)  # "👩\u200d🚒" is one picture


def one_line(s: str, limit: int | None = None) -> str:
    """``s`` with runs of ordinary whitespace collapsed to one space, shortened to ``limit``
    code points (with an ellipsis), then made inert."""
    s = _SPACES.sub(" ", s).strip()
    if limit is not None and len(s) > limit:
        s = s[: max(limit - 1, 0)].rstrip() + "…"
    return inert(s)


def is_unsafe(s: str) -> bool:
    return any(not in_emoji(s, m.start()) for m in _UNSAFE.finditer(s))


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
    return _unsafe_in_json().sub(
        lambda m: m.group() if in_emoji(m.string, m.start()) else _json_escape(m.group()), text
    )
