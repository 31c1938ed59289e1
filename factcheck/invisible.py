"""Characters that show nothing: format characters (Unicode category Cf) and the other
default-ignorable code points (soft hyphen, zero-width space and joiners, word joiner,
combining grapheme joiner, Hangul fillers, variation selectors, tag characters...).

They are folded out of the text used for matching names and numbers ("Du\\u00adpond" is
"Dupond", "1\\u200b000" is 1000) while spans stay on the original text, and reports make
each of them visible (``report/safe.py``, ``tui/safe.py``).

The set is Unicode's, not a hand list: Cf, plus Other_Default_Ignorable_Code_Point and
Variation_Selector (PropList.txt), which with Cf make up Default_Ignorable_Code_Point
(DerivedCoreProperties.txt; its exclusions are all Cf, so the union is the same). It is
computed from :mod:`unicodedata` by :func:`hidden_code_points`; :data:`HIDDEN_CLASS` is that
result for the Unicode version it was generated with, used as it is when the running
Python has that version and recomputed (once, 0.1 s) when it has another.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# PropList.txt: Other_Default_Ignorable_Code_Point and Variation_Selector (inclusive ranges)
OTHER_DEFAULT_IGNORABLE = (
    (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x2065, 0x2065), (0x3164, 0x3164),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0xE0000, 0xE0000), (0xE0002, 0xE001F),
    (0xE0080, 0xE00FF), (0xE01F0, 0xE0FFF),
)
VARIATION_SELECTORS = ((0x180B, 0x180D), (0x180F, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF))

GENERATED_FOR = "14.0.0"  # unicodedata.unidata_version of Python 3.11
_GENERATED = (
    "\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f-\u1160\u17b4-\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff0-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)


def hidden_code_points() -> set[int]:
    """Cf and the default-ignorable code points, from the running Python's Unicode data."""
    cat = unicodedata.category
    out = {c for c in range(0x110000) if cat(chr(c)) == "Cf"}
    for a, b in (*OTHER_DEFAULT_IGNORABLE, *VARIATION_SELECTORS):
        out.update(range(a, b + 1))
    return out


def char_class(code_points: set[int]) -> str:
    """The inside of a regex character class ``[...]`` matching exactly ``code_points``."""
    ranges: list[list[int]] = []
    for c in sorted(code_points):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])

    def esc(c: int) -> str:
        return f"\\u{c:04x}" if c <= 0xFFFF else f"\\U{c:08x}"

    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges)


@cache
def hidden_class() -> str:
    """The inside of a regex class ``[...]`` of every hidden character."""
    if unicodedata.unidata_version == GENERATED_FOR:
        return _GENERATED
    return char_class(hidden_code_points())  # re reads its \uXXXX escapes


@cache
def _hidden_re() -> re.Pattern[str]:
    return re.compile(f"[{hidden_class()}]+")


def has_hidden(s: str) -> bool:
    """``s`` holds a character that shows nothing."""
    return not s.isascii() and _hidden_re().search(s) is not None


def strip_hidden(s: str) -> str:
    """``s`` without its invisible characters: the text names and numbers are matched on."""
    return s if s.isascii() else _hidden_re().sub("", s)


# --- look-alike letters of another script -----------------------------------------------------


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else None


def script_mix(name: str) -> str | None:
    """When the letters of one word of ``name`` come from more than one script ("Dupоnt"
    with a Cyrillic о): a phrase naming them, e.g. ``"Dupоnt" mixes LATIN and CYRILLIC
    letters (о U+043E CYRILLIC SMALL LETTER O)``; else None."""
    if name.isascii():
        return None  # Latin letters only (every name reads on its own letter's)
    for word in name.split():
        scripts: dict[str, list[str]] = {}
        for ch in strip_hidden(word):
            s = _script(ch)
            if s is not None:
                scripts.setdefault(s, []).append(ch)
        if len(scripts) > 1:
            main = max(scripts, key=lambda s: len(scripts[s]))
            odd = next(ch for s, chars in scripts.items() if s != main for ch in chars)
            others = " and ".join(sorted(scripts))
            return (
                f"{word!r} mixes {others} letters "
                f"({odd} U+{ord(odd):04X} {unicodedata.name(odd, '?')})"
            )
    return None


def script_note(a: str, b: str) -> str | None:
    """For two different names, when one of them mixes scripts in a word (a look-alike
    letter of another script, as in a homoglyph attack): the phrase of :func:`script_mix`."""
    if a == b:
        return None
    return script_mix(a) or script_mix(b)


# --- emoji sequences ------------------------------------------------------------------------

_JOINERS = frozenset("\u200d\ufe0e\ufe0f")  # ZWJ and the text/emoji presentation selectors


def _symbol(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sk")


def in_emoji(s: str, i: int) -> bool:
    """``s[i]`` is a zero-width joiner or presentation selector inside an emoji sequence
    ("👩\\u200d🚒", "❤\\ufe0f"): it is shown as itself, since it is part of one picture. A
    joiner between letters ("Du\\u200dpond") is not."""
    ch = s[i]
    if ch not in _JOINERS or i == 0:
        return False
    prev = s[i - 1]
    if ch != "\u200d":
        return _symbol(prev)
    nxt = s[i + 1] if i + 1 < len(s) else ""
    return bool(nxt) and (_symbol(prev) or prev == "\ufe0f") and _symbol(nxt)
