"""Tokens with offsets. Words are folded (lower case, no accents) in ``norm``; digits stay
digit runs; every other visible character is its own token. French elisions (d', l', qu')
are split off as tokens of their own."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?P<elide>\b[dlnsjcmt]['’](?=[^\W\d_])|\bqu['’](?=[^\W\d_])|\bjusqu['’](?=[^\W\d_])|\blorsqu['’](?=[^\W\d_]))"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>[^\s\w]|_)",
    re.IGNORECASE,
)


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
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        s = m.group()
        if kind == "word":
            norm = s.lower() if s.isascii() else _fold_word(s)
        elif kind == "elide":
            norm = _fold_word(s).replace("’", "'")
        else:
            norm = s
        start, end = m.span()
        add(Token(start, end, s, norm, kind))
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
