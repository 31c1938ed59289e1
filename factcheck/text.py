"""Text helpers that keep offsets: sentences, quoted ranges, line/column, folding."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from .invisible import strip_hidden
from .models import Span


# a stop and a capital; a blank line; a line break before a list item ("- ", "• ") or before a
# line that is a label of a few words and its value ("Centre Party: 7 seats", "Turnout: 64.8%"),
# as results and fact boxes are written, one line an item (compiled when a text is first split:
# a check whose claims all come from the claim cache splits none). A break after a stop is the
# group after it (the stop stays with its sentence). Each alternative opens with one literal
# character, so the regex engine skips to the next of these five characters rather than
# trying every position (as it did for the stop behind a lookbehind, (?<=[.!?…])).
@cache
def _sent_end() -> re.Pattern[str]:
    after_stop = r"([\"'”’»)]*\s+(?=[\"'“‘«(]?[A-ZÀ-ÖØ-Þ0-9]))"
    return re.compile(
        rf"\.{after_stop}|!{after_stop}|\?{after_stop}|…{after_stop}"
        r"|\n(?:\s*\n|(?=\s*[#*\-–•])|(?=[A-ZÀ-ÖØ-Þ][\w'’&()/-]*(?:[ \t][\w'’&()/-]+){0,3}[ \t]?:\s))"
    )


@cache
def _abbrev() -> re.Pattern[str]:
    """An abbreviation and its stop at the end of a text (lexicon/abbreviations.toml), or a
    single capital and its stop ("J. Smith"): a stop that ends no sentence."""
    import tomllib

    raw = (Path(__file__).resolve().parent / "lexicon" / "abbreviations.toml").read_text(encoding="utf-8")
    words = [str(w) for w in tomllib.loads(raw)["words"]]
    return re.compile(r"(?:\b(?:" + "|".join(re.escape(w) for w in words) + r")\.|\b[A-Z]\.)$")


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (trimmed of surrounding whitespace)."""
    spans: list[Span] = []
    start = 0
    for m in _sent_end().finditer(text):
        cut = m.start(m.lastindex) if m.lastindex else m.start()  # after the stop, or at the line break
        if text[cut : m.end()].strip() == "" and _abbrev().search(text[max(start, cut - 12) : cut]):
            continue
        _add(text, start, cut, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span.at(start, end))


_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "‘": "’"}


_QUOTE_OPEN = re.compile("[“«\"‘]")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of text inside quotation marks (not crossing a paragraph), in order."""
    out: list[tuple[int, int]] = []
    i = 0
    while (m := _QUOTE_OPEN.search(text, i)) is not None:
        at = m.start()
        ch = text[at]
        i = at + 1
        if ch == "‘" and at > 0 and text[at - 1].isalnum():
            continue  # an apostrophe, not a quote
        close = text.find(_QUOTE_PAIRS[ch], at + 1)
        para = text.find("\n\n", at + 1, close if close > at else None)
        if close > at and para < 0 and close - at < 2000:
            out.append((at + 1, close))
            i = close + 1
    return out


class LineIndex:
    """Maps offsets to 1-based (line, column) in code points."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def latin_ascii(s: str) -> str:
    """``s`` with each Latin letter that has no decomposition ('ø', 'ł', 'đ', 'æ', 'ß', 'þ')
    spelt in ASCII by anyascii's transliteration data; other scripts and signs ('µ', '°')
    are left as they are."""
    return "".join(_latin_letter(c) if not c.isascii() else c for c in s)


@lru_cache(maxsize=4096)
def _latin_letter(c: str) -> str:
    if c.isalpha() and unicodedata.name(c, "").startswith("LATIN "):
        from anyascii import anyascii  # here: its import (importlib.resources) is a start-up's cost

        return anyascii(c) or c
    return c


def fold(s: str) -> str:
    """Lower-case, strip diacritics, collapse whitespace: 'Hervé  PÉTRY' -> 'herve petry'.
    A letter with no decomposition is spelt as its ASCII transliteration (anyascii's data):
    'Østergaard' -> 'ostergaard', 'Đoković' -> 'dokovic', 'Straße' -> 'strasse'."""
    if s.isascii():  # nothing to decompose, and lower() is casefold() on ASCII
        return " ".join(s.lower().split())
    s = unicodedata.normalize("NFKD", strip_hidden(s))  # no soft hyphen or zero-width space
    s = "".join(c for c in s if not unicodedata.combining(c))
    if not s.isascii():
        s = latin_ascii(s)
    return " ".join(s.casefold().split())


_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    return _WORD.finditer(text, start, len(text) if end is None else end)


def parse_day(value: object) -> str | None:
    """``value`` as an ISO day ``YYYY-MM-DD`` if it is one (a real calendar day), else None."""
    import datetime as _dt

    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return _dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None
