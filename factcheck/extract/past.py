"""Figures told of another, earlier event: "last year's strike lasted five days", "la crue de
2003 avait fait 14 morts", "since 2008, when two people died". Such a figure is marked
``past`` and never meets a draft figure of the event itself (see :mod:`factcheck.scoring`)."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from .context import clause_bounds
from .lexicon import Lexicon, lexicon, units, word_set
from .tokens import Token, match_at

SINCE_REACH = 3  # "since October last year": the words a "since" reaches over to a cue


class PastMarks(NamedTuple):
    """What in one sentence can tell of an earlier event (see :func:`is_past`)."""

    opens: bool  # it opens on a cue, on "In 2003,", or on "That" after a year just named
    named: tuple[int, ...]  # token indexes of cues and of years after "of" ("the flood of 2008")
    years: frozenset[int]  # token indexes of the years it names


def past_marks(
    toks: list[Token], sent: tuple[int, int], lex: Lexicon, cues: dict[str, tuple[tuple[str, ...], ...]]
) -> PastMarks | None:
    """The sentence's marks, or None when it has none (most sentences: "on 17 June 2024"
    names no other event)."""
    s0, s1 = sent
    of, in_ = word_set(lex.lang, "past_year_of"), word_set(lex.lang, "past_year_in")
    not_after = _not_after(lex.lang)
    compared = word_set(lex.lang, "past_compared")
    since = word_set(lex.lang, "past_since")
    years = frozenset(k for k in range(s0, s1) if _year(toks, k))
    named = []
    for k in range(s0, s1):
        t = toks[k]
        if k in years:
            # "the flood of 2008", not "by the end of 2025", "the third quarter of 2023", "May of 2021"
            if k - 2 >= s0 and toks[k - 1].norm in of and toks[k - 2].norm not in not_after:
                named.append(k)
        elif (
            t.norm in cues
            and (n := _starts_with(toks, k, cues))
            and not (k > s0 and toks[k - 1].norm in compared)
            and not _period_after(toks, k + n, s1, lex)
            and not any(toks[b].norm in since for b in range(max(s0, k - SINCE_REACH), k))
        ):
            # (not after a word of comparison: "up 38% on the previous year" is this year's rise;
            # nor before a stretch of time: "in the past fortnight" runs up to now; nor after
            # "since": "32 deaths since October last year" are counted up to now)
            named.append(k)
    in_year = s0 + 2 < s1 and toks[s0].norm in in_ and s0 + 1 in years and toks[s0 + 2].norm == ","  # "In 2003,"
    opens = in_year or bool((n := _starts_with(toks, s0, cues)) and not _period_after(toks, s0 + n, s1, lex))
    if not opens and s0 + 1 < s1 and toks[s0].norm in word_set(lex.lang, "that") and toks[s0 + 1].is_word:
        # "... since 2003." then "That flood killed 14 people": the event of a year just named
        cues_year = word_set(lex.lang, "year_cues")
        opens = any(_year(toks, k) and toks[k - 1].norm in cues_year for k in range(max(1, s0 - 40), s0))
    if not (opens or named or years):
        return None
    return PastMarks(opens, tuple(named), years)


def is_past(toks: list[Token], i: int, j: int, sent: tuple[int, int], lex: Lexicon, marks: PastMarks) -> bool:
    """Whether the figure at toks[i:j] is told of another, earlier event: its clause has a
    cue ("last year's strike lasted five days", "l'an dernier") or names an event by its
    year ("the flood of 2008", "la crue de 2003"), or it is told right after such a year ("...,
    in 2008", "In 2003, the river reached 5.1 metres", "since 2008, when two people died"), or
    in a clause joined by "and" to one that is, or the sentence opens on one."""
    if marks.opens:
        return True
    s0, s1 = sent
    in_, when, and_ = word_set(lex.lang, "past_year_in"), word_set(lex.lang, "when"), word_set(lex.lang, "and")
    while True:
        a, b = clause_bounds(toks, i, j, s0, s1, lex)
        if any(a <= k < b and not i <= k < j and not _aside(toks, k, i, j, a, b, lex) for k in marks.named):
            return True
        # "..., in 2008" ends the sentence
        ends = b + 3 >= s1 or toks[b + 3].norm in (".", "!", "?")
        if b + 2 < s1 and toks[b].norm == "," and toks[b + 1].norm in in_ and b + 2 in marks.years and ends:
            return True
        # a clause that tells of a year just named ("since 2008, when two people died")
        if a - 3 >= s0 and toks[a - 1].norm in when and toks[a - 2].norm == "," and a - 3 in marks.years:
            return True
        # "... when two people died and the river rose by 3.9 metres": as the clause before "and"
        if not (a - 2 >= s0 and toks[a - 1].norm in and_):
            return False
        i, j = a - 2, a - 1


def _aside(toks: list[Token], k: int, i: int, j: int, a: int, b: int, lex: Lexicon) -> bool:
    """The cue at toks[k] sits in an aside between commas that the figure at toks[i:j] is
    outside of: "The champion, who went out in the first round last year, collects €1m" tells
    of this year's prize; the aside tells of its subject."""
    if k < i:
        closing = next((c for c in range(k + 1, i) if toks[c].norm == ","), None)
        if closing is None or not any(toks[c].norm == "," for c in range(a, k)):
            return False
        # "..., par rapport à celui de 2025, qui atteignait 590 millions": the figure's clause
        # tells of the aside's noun
        return toks[closing + 1].norm not in _relative(lex)
    return any(toks[c].norm == "," for c in range(j, k)) and any(toks[c].norm == "," for c in range(k + 1, b))


@cache
def _relative_words(lang: str) -> frozenset[str]:
    return word_set(lang, "relative_pronouns") | word_set(lang, "when")


def _relative(lex: Lexicon) -> frozenset[str]:
    return _relative_words(lex.lang)


def _year(toks: list[Token], k: int) -> bool:
    t = toks[k]
    return t.kind == "num" and len(t.text) == 4 and 1900 <= int(t.text) <= 2099


def _starts_with(toks: list[Token], k: int, cues: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """The number of tokens of the cue that starts at toks[k], or 0."""
    nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
    for p in cues.get(toks[k].norm, ()):
        if (len(p) == 1 or nxt == p[1]) and (got := match_at(toks, k, p, loose_hyphen=False)) == len(p):
            return got  # (the second word first: most "a" start no "a year ago")
    return 0


def _period_after(toks: list[Token], k: int, s1: int, lex: Lexicon) -> bool:
    """A stretch of time starts at toks[k], a unit after a figure or a word of a few: "(in the
    past) fortnight", "two weeks", "24 hours", "few days"."""
    time = units()["time"]
    few = word_set(lex.lang, "period_words")
    if k < s1 and (toks[k].kind == "num" or toks[k].norm in lex.units or toks[k].norm in few):
        k += 1
    return k < s1 and toks[k].norm in time


@cache
def _not_after(lang: str) -> frozenset[str]:
    """Words after which "of 2025" dates something rather than names an earlier event: "the
    end of 2025", "the third quarter of 2023", "May of 2021"."""
    return word_set(lang, "past_year_not_after") | frozenset(lexicon(lang).months)
