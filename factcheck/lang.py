"""A light language guess (en/fr) from stop words; no dependency."""

from __future__ import annotations

import re

_EN = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "was",
        "were",
        "that",
        "with",
        "for",
        "on",
        "by",
        "he",
        "she",
        "they",
        "have",
        "has",
        "said",
        "from",
        "at",
    ]
)
_FR = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "et",
        "du",
        "un",
        "une",
        "est",
        "été",
        "que",
        "qui",
        "dans",
        "pour",
        "sur",
        "par",
        "ont",
        "il",
        "elle",
        "au",
        "aux",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")

LANGS = ("en", "fr")


def detect_lang(text: str, default: str = "en") -> str:
    en = fr = 0
    for m in _WORD.finditer(text[:20000]):
        w = m.group().lower()
        en += w in _EN
        fr += w in _FR
    if en == fr:
        return default
    return "en" if en > fr else "fr"
