"""Tokens with offsets. Words are folded (lower case, no accents) in ``norm``; digits stay
digit runs; every other visible character is its own token. French elisions (d', l', qu')
are split off as tokens of their own."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_TOKEN = re.compile(
    r"(\d+)|([^\W\d_]+)(?:(['’])(?=[^\W\d_]))?|([^\s\w\x1b\x9b]|_)"
    # a terminal escape sequence (CSI, OSC, or a two-character one) is one inert symbol:
    # the digits of "\x1b[31m" are not figures
    r"|((?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?)",
    re.DOTALL,
)
_KINDS = ("", "num", "word", "", "sym", "sym")
# French elisions: these words, glued to an apostrophe and a following letter, are tokens
# of their own with the apostrophe ("d'", "qu'", "jusqu'")
_ELIDED = frozenset({"d", "l", "n", "s", "j", "c", "m", "t", "qu", "jusqu", "lorsqu"})


class Token(NamedTuple):
    start: int
    end: int
    text: str
    norm: str
    kind: str  # word | num | sym | elide

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "elide")

    @property
    def is_cap(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()


def _fold_word(s: str) -> str:
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    add = out.append
    make = Token._make
    for m in _TOKEN.finditer(text):
        start = m.start()
        k = m.lastindex
        if k == 1 or k == 4 or k == 5:
            s = m.group()
            add(make((start, start + len(s), s, s, _KINDS[k])))
            continue
        s = m.group(2)
        end = start + len(s)
        norm = s.lower() if s.isascii() else _fold_word(s)
        if k == 3:  # a word glued to an apostrophe and a letter
            if norm in _ELIDED and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")):
                add(make((start, end + 1, text[start : end + 1], norm + "'", "elide")))
                continue
            add(make((start, end, s, norm, "word")))
            quote = m.group(3)
            add(make((end, end + 1, quote, quote, "sym")))
            continue
        add(make((start, end, s, norm, "word")))
    return out


def glued(a: Token, b: Token) -> bool:
    """True when b follows a with no space in between."""
    return a.end == b.start


def match_at(tokens: list[Token], i: int, phrase: tuple[str, ...], *, loose_hyphen: bool = True) -> int:
    """If ``phrase`` (folded tokens) starts at ``tokens[i]``, return its token length, else 0.

    Hyphens in the text are skipped when the phrase has none ("year-old" ~ "year old")."""
    j = i
    n = len(tokens)
    for k, p in enumerate(phrase):
        if loose_hyphen and k and j < n and tokens[j].norm in ("-", "–") and p not in ("-", "–"):
            j += 1  # one hyphen between two words of the phrase
        if j >= n or tokens[j].norm != p:
            return 0
        j += 1
    return j - i


def match_before(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> int:
    """If ``phrase`` ends right before ``tokens[i]``, return its token length, else 0."""
    k = len(phrase)
    if i - k < 0:
        return 0
    for a, p in zip(tokens[i - k : i], phrase, strict=True):
        if a.norm != p:
            return 0
    return k
