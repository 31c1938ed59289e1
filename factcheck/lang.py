"""A light language guess from common words; no dependency. It chooses among the registered
languages (:mod:`factcheck.langs`): each lists its ``detect_words`` in its words.toml."""

from __future__ import annotations

import re
from functools import cache

from .langs import DEFAULT, codes

_WORD = re.compile(r"[^\W\d_]+")
LANGS = codes()  # the registered languages (factcheck.langs), sorted


@cache
def _words() -> dict[str, tuple[str, ...]]:
    """Word (lower case, as written) -> the languages that list it."""
    from .extract.lexicon import _load

    out: dict[str, list[str]] = {}
    for code in codes():
        for w in _load(code, "words.toml").get("detect_words", []):
            out.setdefault(str(w), []).append(code)
    return {w: tuple(v) for w, v in out.items()}


def detect_lang(text: str, default: str = DEFAULT) -> str:
    """The registered language whose common words ``text`` holds most, ``default`` on a tie."""
    words = _words()
    counts = dict.fromkeys(codes(), 0)
    for m in _WORD.finditer(text[:20000]):
        for code in words.get(m.group().lower(), ()):
            counts[code] += 1
    best = max(counts.values(), default=0)
    top = [code for code, n in counts.items() if n == best]
    return top[0] if len(top) == 1 else default
