"""Figures -> claims: decide the kind (count, age, money, percent, quantity, duration),
the unit, what is counted and what happened to it."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from ..text import fold
from .around import counted_again, noun_brought_to, own_words_before
from .context import (
    CLAUSE_REACH,
    Subject,
    _nounish,
    _participle,
    actions_after_aside,
    actions_in,
    clause_bounds,
    find_subject,
    group_before,
    measure_before,
    part_and_whole,
    part_of_whole_sizes,
    subject_before,
    subject_concepts,
    whole_after_part,
)
from .dates import at_hour, old_year
from .lexicon import (
    Lexicon,
    basis_point_unit,
    concepts,
    data_phrases,
    data_words,
    english,
    hooks,
    lexicon,
    phrase_list,
    phrase_starts,
    shared_langs,
    singular,
    units,
    word_set,
)
from .numbers import Mention, hedge_before, moved, streak_after
from .people import is_demonym, is_given, role_at
from .tokens import Token, glued, match_at, match_before


class Draft(NamedTuple):
    """A claim before it gets its id and sentence: kind, value, span and context."""

    kind: str
    start: int
    end: int
    low: float
    high: float
    hedge: str
    unit: str | None = None
    subject: str | None = None
    concepts: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    predicate: str | None = None
    weak: bool = False
    part: bool = False
    scaled: bool = False
    decimals: int = 0
    words: bool = False
    rule: str = ""  # the id of the rule that read it (rules.py)

    @property
    def is_range(self) -> bool:
        return self.low != self.high


def _currency_before(toks: list[Token], i: int) -> tuple[str | None, int]:
    u = units()["currency"]
    if i > 0:
        t = toks[i - 1]
        sym = t.text.lower()
        if sym in u["symbols"]:
            if (
                i > 1
                and toks[i - 2].kind == "word"
                and glued(toks[i - 2], t)
                and (toks[i - 2].norm + sym) in u["symbols"]
            ):
                return u["symbols"][toks[i - 2].norm + sym], i - 2
            return u["symbols"][sym], i - 1
        if t.kind == "word" and t.norm in u["codes"]:
            return u["codes"][t.norm], i - 1
        if t.norm == "." and i > 1 and toks[i - 2].norm in u["codes"] and glued(toks[i - 2], t):
            return u["codes"][toks[i - 2].norm], i - 2  # "Rs. 500"
    return None, i


def _rate_of(toks: list[Token], j: int, lex: Lexicon) -> tuple[str, int] | None:
    """An exchange rate after a figure: "to the (US) dollar", "per dollar", "for $1", "pour un
    dollar", "face à l'euro" (words.toml rate_per). Its unit is "per" the currency, and the
    token after it; None when no currency follows."""
    for p in phrase_starts(lex.lang, "rate_per").get(toks[j].norm, ()) if j < len(toks) else ():
        k = j + match_at(toks, j, p) if match_at(toks, j, p) else 0
        if not k:
            continue
        while k < len(toks) and toks[k].norm in word_set(lex.lang, "rate_one"):
            k += 1  # "un dollar", "the US dollar", "1 dollar"
        if k + 1 < len(toks) and toks[k].text in units()["currency"]["symbols"] and toks[k + 1].norm in ("1", "one"):
            return "per " + units()["currency"]["symbols"][toks[k].text], k + 2  # "for $1"
        base, e = _currency_after(toks, k)
        if base is not None:
            return "per " + base, e
    return None


def _currency_after(toks: list[Token], j: int) -> tuple[str | None, int]:
    u = units()["currency"]
    if j < len(toks):
        t = toks[j]
        if t.text in u["symbols"]:
            return u["symbols"][t.text], j + 1
        if t.kind == "word" and t.norm in u["codes"]:
            return u["codes"][t.norm], j + 1
        if j + 2 <= len(toks):
            two = (t.norm + " " + toks[j + 1].norm).replace("' ", "'")
            if two in u["words"]:
                return u["words"][two], j + 2
        if t.norm in u["words"]:
            return u["words"][t.norm], j + 1
    return None, j


def _subunit_after(text: str, toks: list[Token], m: Mention) -> tuple[str, int] | None:
    """The currency of a hundredth of it after the figure ("340p", "45 pence", "45 cents",
    "20 centimes"; units.toml [currency.subunits]) and the token after it, or None."""
    if m.j >= len(toks):
        return None
    t = toks[m.j]
    entry = units()["currency"].get("subunits", {}).get(t.text.lower())
    if entry is None or (entry.get("glued") and m.suffix != t.text.lower()):
        return None
    cur = entry["currency"] or _currency_named_before(text, m.start) or entry["default"]
    return cur, m.j + 1


CURRENCY_REACH = 4000  # characters back that the currency of "45 cents" is looked for


def _currency_named_before(text: str, at: int) -> str | None:
    """The currency the text names last before ``at`` ("0,45 euro par action ... 45 cents"), if
    any, within :data:`CURRENCY_REACH` characters (each such figure reads a bounded stretch)."""
    best: tuple[int, str] | None = None
    for m in _currency_names().finditer(text, max(0, at - CURRENCY_REACH), at):
        best = (m.start(), m.group(0))
    if best is None:
        return None
    u = units()["currency"]
    w = best[1].lower()
    return u["symbols"].get(best[1]) or u["codes"].get(w) or u["words"].get(fold(w))


@cache
def _currency_names() -> re.Pattern[str]:
    u = units()["currency"]
    words = sorted((w for w in [*u["codes"], *u["words"]] if " " not in w and "'" not in w), key=len, reverse=True)
    symbols = sorted(u["symbols"], key=len, reverse=True)
    return re.compile(
        "|".join(re.escape(s) for s in symbols) + r"|\b(?:" + "|".join(re.escape(w) for w in words) + r")\b",
        re.IGNORECASE,
    )


def unit_multiple(table: dict[str, list[object]], word: str) -> float:
    """How many of its unit a unit word holds: 10 for "decade" (in years), 1 for most."""
    entry = table.get(word)
    return float(entry[2]) if entry is not None and len(entry) > 2 else 1.0  # type: ignore[arg-type]


def _unit_after(toks: list[Token], j: int, table: dict[str, list[object]]) -> tuple[str | None, int]:
    if j < len(toks) and (toks[j].is_word or toks[j].norm == "°"):
        w = toks[j].norm
        if w == "°" and j + 1 < len(toks) and toks[j + 1].is_word and glued(toks[j], toks[j + 1]):
            two = w + toks[j + 1].norm  # "42°C"
            if two in table:
                return str(table[two][0]), j + 2
        if j + 2 < len(toks):
            if glued(toks[j], toks[j + 1]) and glued(toks[j + 1], toks[j + 2]):
                three = w + toks[j + 1].norm + toks[j + 2].norm  # "km/h", "kilomètres-heure"
                if three in table:
                    return str(table[three][0]), j + 3
            three = f"{w} {toks[j + 1].norm} {toks[j + 2].norm}"  # "miles per hour"
            if three in table:
                return str(table[three][0]), j + 3
            if j + 3 < len(toks) and toks[j + 2].kind == "elide":  # "kilomètres à l'heure"
                four = f"{w} {toks[j + 1].norm} {toks[j + 2].norm}{toks[j + 3].norm}"
                if four in table:
                    return str(table[four][0]), j + 4
        if j + 2 <= len(toks):
            two = w + " " + toks[j + 1].norm
            if two in table:
                return str(table[two][0]), j + 2
            nxt = toks[j + 1]
            if nxt.kind == "num" and nxt.text in ("2", "3") and glued(toks[j], nxt) and w + nxt.text in table:
                return str(table[w + nxt.text][0]), j + 2  # "10 km2", "500 m3"
            if nxt.norm == "." and glued(toks[j], nxt) and j + 2 < len(toks):
                two = w + " " + toks[j + 2].norm  # "5 sq. miles"
                if two in table:
                    return str(table[two][0]), j + 3
        if w in table:
            return str(table[w][0]), j + 1
    return None, j


class _NoClaim:
    """What a recogniser returns for a figure it reads that makes no claim ("3D", "1990",
    "Section 18"): no later recogniser may take it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_CLAIM"


NO_CLAIM = _NoClaim()
Read = Draft | _NoClaim | None  # a claim, no claim at all, or not this recogniser's figure


class Figure(NamedTuple):
    """One figure inside sentence tokens [s0, s1), as every recogniser sees it."""

    text: str
    toks: list[Token]
    m: Mention
    s0: int
    s1: int
    lex: Lexicon
    prev: Draft | None  # the figure's claim before it in its sentence
    weak: bool  # whether the caller keeps weak drafts

    @property
    def start(self) -> int:
        """Where the claim starts: at its hedge ("nearly 40") when it has one."""
        return self.m.hstart if self.m.hstart is not None else self.m.start

    def actions(
        self, j: int, *, prev: Draft | None = None, parts: bool = True, own_clause: bool = False
    ) -> tuple[str, ...]:
        return _actions(self.toks, self.m.i, j, self.s0, self.s1, self.lex, prev, parts=parts, own_clause=own_clause)


def classify(
    text: str,
    toks: list[Token],
    m: Mention,
    s0: int,
    s1: int,
    lex: Lexicon,
    prev: Draft | None,
    *,
    weak: bool = True,
) -> Draft | None:
    """Turn one figure inside sentence tokens [s0, s1) into a claim draft, or None: the
    first of :data:`RECOGNISERS` that reads it decides (their order is their meaning).

    ``weak``: whether the caller keeps weak drafts; when it does not, a count that could
    only be weak (one by its article) is dropped before its context is read."""
    if m.identifier:
        return None
    f = tuple.__new__(Figure, (text, toks, m, s0, s1, lex, prev, weak))  # Figure(), without its call
    if m.ordinal:
        # "their fifth straight win", "in the 12th minute"; other ordinals rank, they count nothing
        return _streak(f) or _match_minute(f)
    for _, recognise in RECOGNISERS:
        got = recognise(f)
        if got is not None:
            return got if isinstance(got, Draft) else None
    return None


# ---- percent


def _share(f: Figure) -> Read:
    """ "one in five adults", "un Français sur cinq": a share, in percent ("230 out of 343
    defendants" is a part and a whole, each a count)."""
    toks, m, lex = f.toks, f.m, f.lex
    ratio = _one_in(toks, m, f.s0, lex)
    if ratio is None or part_and_whole(toks, ratio, m, f.s1, lex):
        return None
    k, share = ratio
    subj = find_subject(toks, m.j, f.s1, lex)
    if subj.words is None and k + 1 < m.i - 1:
        # "un vol sur trois devra être annulé", "one flight in three": the noun between
        between = find_subject(toks, k + 1, m.i, lex)
        if between.words is not None:
            subj = Subject(between.words, between.concepts, m.j, subj.part)
    h = hedge_before(toks, k, lex)  # "nearly one in ten": the hedge stands before the first figure
    first, hedge = (toks[k - h[0]].start, h[1]) if h else (toks[k].start, "exact")
    return Draft(
        "percent", first, m.end, share, share, hedge, unit="%", subject=subj.words,
        concepts=subj.concepts, actions=f.actions(subj.end, prev=f.prev, parts=False), rule="percent.one-in",
    )


def _shares_told(f: Figure) -> bool:
    """Whether the sentence of a figure in bare "points" speaks of shares, so that the points
    are percentage points: it holds a percent sign or another percent word, a measure stands
    before the figure ("inflation rose two points"), or a word of words.toml share_points_cues
    ("turnout", "poll", "sondage")."""
    toks, lang = f.toks, f.lex.lang
    cues, bare = word_set(lang, "share_points_cues"), word_set(lang, "share_points")
    starts = phrase_starts(lang, "percent_words")
    for k in range(f.s0, f.s1):
        norm = toks[k].norm
        if norm == "%" or norm in cues:
            return True
        if norm not in bare and any(match_at(toks, k, p) for p in starts.get(norm, ())):
            return True
    return measure_before(toks, f.m.i, f.s0, f.lex) is not None


def _point_after(f: Figure) -> int | None:
    """Where a fraction's "point" ends when one follows it, maybe after "of a", "de",
    "d'un" ("a quarter point", "un quart de point", "half a percentage point"), else None."""
    toks, lang = f.toks, f.lex.lang
    k = f.m.j
    skip = _figure_words("joins", "join_of") | word_set(lang, "noun_of_det")
    while k < f.s1 and k < f.m.j + 2 and toks[k].norm in skip:
        k += 1
    if k < f.s1 and toks[k].norm in word_set(lang, "share_points"):
        return k + 1
    for p in phrase_starts(lang, "percent_words").get(toks[k].norm, ()) if k < f.s1 else ():
        n = match_at(toks, k, p)
        if n and toks[k + n - 1].norm in word_set(lang, "share_points"):
            return k + n  # "a quarter of a percentage point"
    return None


def _basis_points(f: Figure) -> int | None:
    """Where the basis points after the figure end ("25 basis points", "25 points de base",
    "25bp": words.toml basis_points), else None."""
    j = f.m.j
    for p in phrase_starts(f.lex.lang, "basis_points").get(f.toks[j].norm, ()) if j < len(f.toks) else ():
        k = match_at(f.toks, j, p)
        if k:
            return j + k
    return None


def _percent(f: Figure) -> Read:
    """ "14%", "14 %", "14 per cent", "quatorze pour cent", "two-thirds"."""
    toks, m, j = f.toks, f.m, f.m.j
    pj, rule = 0, "percent.fraction" if m.suffix == "%" and m.words else "percent.sign"
    point = _point_after(f) if rule == "percent.fraction" else None
    unit, low, high = "%", m.low, m.high
    basis = _basis_points(f) if m.suffix != "%" else None
    if point is not None:
        # "a quarter point", "d'un quart de point", "half a percentage point": a fraction of
        # one point, not a share
        pj, low, high, rule = point, m.low / 100, m.high / 100, "percent.point-fraction"
    elif basis is not None:
        # "cut by 25 basis points", "de 25 points de base": hundredths of a percentage point, in
        # their own unit (compare.normalise reads them as points)
        pj, unit, rule = basis, basis_point_unit(), "percent.basis-points"
    elif m.suffix == "%":
        pj = j + 1 if j < len(toks) and toks[j].norm == "%" else j
    elif j < len(toks) and toks[j].norm == "%":
        pj = j + 1
    else:
        for p in phrase_starts(f.lex.lang, "percent_words").get(toks[j].norm, ()) if j < len(toks) else ():
            k = match_at(toks, j, p)
            if k:
                pj, rule = j + k, "percent.words"
                break
        if pj == j + 1 and toks[j].norm in word_set(f.lex.lang, "share_points") and not _shares_told(f):
            return None  # "scored 12 points", "the index lost 120 points": points, no share
    if not pj:
        return None
    end = max(toks[pj - 1].end, _end_with_suffix(f.text, m))
    subj = find_subject(toks, pj, f.s1, f.lex)
    if subj.words is not None and fold(subj.words) in units()["time"]:
        subj = Subject(None, (), pj)  # "1.2% last year", "2% a month": when, not what of
    elif subj.words is not None and moved(fold(subj.words), f.lex.lang):
        subj = Subject(None, (), pj)  # "as much as 9% lower": how it moved, not what of
    if subj.words is None and not subj.part:
        # "une prime de 32 %", "a stake of 15%": the noun the rate is the size of, right before
        # it (not a change: "une hausse de 14 %" says how it moved)
        noun = noun_of_figure(toks, _before_hedge(f), f.s0, f.lex, m.i)
        if noun is not None and noun.words is not None and not _says_a_change(noun.words, f.lex.lang):
            subj = noun
    if subj.words is None and not subj.part:
        subj = measure_before(toks, m.i, f.s0, f.lex) or subj  # "inflation eased to 2.1%"
    prev = f.prev
    if subj.words is None and not subj.part and prev is not None and prev.kind == "percent" and prev.concepts:
        # "Its efficacy is below 90 per cent, but even at 70 per cent ...": the rate before it in
        # its sentence says what this one is of too
        subj = Subject(prev.subject, prev.concepts, subj.end, subj.part)
    return Draft(
        "percent",
        f.start,
        end,
        low,
        high,
        m.hedge,
        unit=unit,
        words=m.words,
        subject=subj.words,
        concepts=subj.concepts,
        # "en hausse de 14 %", "a share of 29%": "of" says what the rate is, not a whole
        actions=f.actions(subj.end, prev=f.prev, parts=False),
        rule=rule,
    )


# ---- money


def _money(f: Figure) -> Read:
    """ "$5m", "-€15", "5 millions d'euros", "Rs. 500", "50 pounds to the dollar"."""
    toks, m, lex = f.toks, f.m, f.lex
    cur, ci = _currency_before(toks, m.i - 1 if m.bracket else m.i)  # "$(2.5) million": before the bracket
    low, high, start, hedge, j = m.low, m.high, f.start, m.hedge, m.j
    if cur is None:
        rule = "money.currency-after"
        pounds = word_set(lex.lang, "pound", "words")  # empty but in English
        k = j + 1 if m.compound and j + 1 < len(toks) and toks[j + 1].norm in pounds else j  # "a ten-pound note"
        cur, cj = _currency_after(toks, k)
        if cur is not None and toks[k].norm in pounds and _pound_weighs(toks, m, k, lex):
            cur = None  # "a ten pound sack of flour", "five pounds of flour": a weight
        elif cur is not None:
            j = cj
        else:
            got = _subunit_after(f.text, toks, m)
            if got is not None:  # "340p", "45 cents a share": hundredths of the currency
                cur, j, rule = got[0], got[1], "money.subunit"
                low, high = low / 100, high / 100
    else:
        rule = "money.currency-before"
        sign = _sign_before(toks, ci, lex)  # "-$5m", "\u2212€15": below zero
        if sign is not None:
            ci, low, high = sign, -m.high, -m.low
        h = hedge_before(toks, ci, lex)
        if h:
            hedge, start = h[1], toks[ci - h[0]].start
        else:
            start = toks[ci].start if m.hstart is None else start
    rate = _rate_of(toks, j, lex)
    if rate is not None:  # "50 pounds for $1", "around 50 to the US dollar", "50 livres pour un dollar"
        (cur, j), rule = rate, "money.rate"
    if cur is None:
        return None
    subj = find_subject(toks, j, f.s1, lex)
    if not subj.concepts:
        hb = hedge_before(toks, ci, lex)  # "a cheque of nearly €100,000": "of" before the hedge
        first = ci - (hb[0] if hb else 0)
        # "a winner's cheque of €98,450", "une amende de 5 000 euros"; "a handset costs £1,600"
        subj = noun_of_figure(toks, first - 1, f.s0, lex, j) or subject_before(toks, ci, f.s0, lex)
    return Draft(
        "money",
        start,
        toks[j - 1].end,
        low,
        high,
        hedge,
        unit=cur,
        subject=subj.words,
        concepts=subj.concepts,
        # "a fine of €120,000": for money, "of" names what it is, not a whole it is part of
        actions=f.actions(max(j, subj.end), prev=f.prev, parts=False),
        scaled=m.scaled,
        decimals=m.decimals,
        words=m.words,
        rule=rule,
    )


# ---- age


def _decade_age(f: Figure) -> Read:
    """ "a man in his 40s", "in their twenties": an age range."""
    m = f.m
    if m.vague and f.toks[m.i].norm in word_set(f.lex.lang, "decade_people"):
        # "an octogenarian", "un couple de septuagénaires": the word names its age
        return Draft("age", m.start, m.end, m.low, m.high, "exact", unit="year", words=m.words, rule="age.decade-noun")
    decade = _decade_of_life(f.toks, m, f.lex)
    if decade is None:
        return None
    end = f.toks[m.j].end if m.suffix == "s" and m.j < len(f.toks) else m.end  # "40s"
    return Draft("age", decade, end, m.low, m.low + 9, "exact", unit="year", words=m.words, rule="age.decade-of-life")


def _not_a_figure(f: Figure) -> Read:
    """ "3D", "11am", "4G": an identifier or a time of day; "the Twenties": no age without
    "in his", no count either."""
    u = units()
    m = f.m
    if m.suffix and m.suffix not in u["measure"] and m.suffix not in u["time"]:
        return NO_CLAIM
    if m.vague and f.toks[m.i].norm in word_set(f.lex.lang, "decades"):
        return NO_CLAIM
    return None


def _age_claim(f: Figure) -> Read:
    """ "a 26-year-old", "aged 26", "un homme de 26 ans", "John Smith, 26,", "aged 15 and 16"."""
    toks, m, prev = f.toks, f.m, f.prev
    age = _age(toks, m, f.lex) or _age_opening(f)
    if age is None and prev is not None and prev.kind == "age" and _second_age(toks, m, prev, f.lex):
        end = toks[m.j].end if m.j < len(toks) and toks[m.j].norm in _figure_words("age", "pair_years") else m.end
        age = (m.start, end, "age.second-of-pair")  # "aged 15 and 16": the second age of a pair
    if age is None:
        return None
    a_start, a_end, rule = age
    low, hedge = m.low, m.hedge
    k = m.j
    while k < len(toks) and toks[k].start < a_end:
        k += 1
    if k + 1 < len(toks) and toks[k].norm in _figure_words("age", "or"):  # "16 years old or younger"
        if toks[k + 1].norm in _figure_words("age", "younger"):
            low, a_end = 0.0, toks[k + 1].end
        elif toks[k + 1].norm in _figure_words("age", "older") and hedge == "exact":
            hedge, a_end = "at_least", toks[k + 1].end
    start = min(f.start, a_start)
    one = low == m.high and hedge == "exact"  # one person's age, not a group's bracket
    held = _age_holder(f, start, a_end, rule) if one else ()
    return Draft("age", start, a_end, low, m.high, hedge, unit="year", concepts=held, words=m.words, rule=rule)


_HOLDER_REACH = 3  # words between an age and the noun of the person it is said of, at most


def _age_holder(f: Figure, start: int, end: int, rule: str) -> tuple[str, ...]:
    """What the noun an age is said of names, as concept ids (a role as ``role:<id>``):
    after an age that is an adjective ("a 41-year-old man", "the 21-year-old British winger
    Mathis Le Goff") or that opens its sentence set apart ("Âgé de 22 ans, l'ailier ...",
    "At 24, the striker ..."); else before it ("un homme de 44 ans", "un passager britannique
    de 67 ans", "a woman aged 30", "the captain, 52,"). Two ages of one story said of a man
    and of a girl are two people's; of a winger and an "ailier", likely one."""
    toks, lex = f.toks, f.lex
    i = f.m.i
    while i > f.s0 and toks[i - 1].start >= start:
        i -= 1
    j = f.m.j
    while j < f.s1 and toks[j].start < end:
        j += 1
    while j < f.s1 and toks[j].norm in word_set(lex.lang, "years_of_age"):
        j += 1  # "Âgé de 22 ans"
    if i == f.s0 and j < f.s1 and toks[j].norm == ",":  # "Âgé de 22 ans, l'ailier", "At 24, the striker"
        k = j + 1
        if k < f.s1 and toks[k].norm in word_set(lex.lang, "determiners"):
            k += 1
        return _holder_at(toks, k, f.s1, lex.lang)
    if rule == "age.n-year-old":
        return _first_holder(toks, range(j, min(j + _HOLDER_REACH, f.s1)), f.s1, lex.lang)
    last = i - 1
    # "the captain, 52,", "le conducteur (45 ans)", "un homme de 44 ans"
    if last >= f.s0 and (toks[last].norm in (",", "(") or toks[last].norm in _figure_words("age", "person_of")):
        last -= 1
    return _first_holder(toks, range(last, max(f.s0, last - _HOLDER_REACH) - 1, -1), f.s1, lex.lang)


def _first_holder(toks: list[Token], ks: range, stop: int, lang: str) -> tuple[str, ...]:
    """:func:`_holder_at` of the first of the words ``ks`` that names a person, up to the first
    token that is no word."""
    for k in ks:
        if not toks[k].is_word:
            break
        got = _holder_at(toks, k, stop, lang)
        if got:
            return got
    return ()


def _holder_at(toks: list[Token], k: int, stop: int, lang: str) -> tuple[str, ...]:
    """The concept ids of a noun for one person at toks[k] ("man", "fillette", "winger")."""
    if k >= stop:
        return ()
    w = toks[k].norm
    if singular(w) != w or w in word_set(lang, "irregular_plurals"):
        return ()  # "children under five", "five-year-olds": a group's age
    _, ids = subject_concepts(toks, k, concepts(lang))
    human = ids & concepts(lang).human
    _, role = role_at(toks, k, lang)
    if not human and not role and w in word_set(lang, "age_nouns"):
        # a noun for one person the concepts do not know ("farmer", "agriculteur"): by its
        # English word, as the texts of two languages both write it
        return (f"w:{english(lang, w)}",)
    return tuple(sorted(human | ({"role:" + role} if role else set())))


# ---- duration and quantity


def _unit_start(f: Figure) -> int:
    """Where the unit of a duration or a quantity would start: after the figure, after the
    hyphen of "three-day", after the "of" of "dozens of hours"."""
    toks, m = f.toks, f.m
    uj = m.j + (1 if m.compound else 0)
    of = _figure_words("joins", "join_of")
    if (m.hedge in ("approx", "vague") or m.vague or m.scaled) and uj + 1 < len(toks) and toks[uj].norm in of:
        uj += 1  # "une quarantaine de mètres", "dozens of hours", "3 millions de tonnes": the unit after "of"
    return uj


def _duration(f: Figure) -> Read:
    """ "three days", "a three-day-long", "deux heures et demie", "48h" (not "at 8 o'clock")."""
    toks, m, lex = f.toks, f.m, f.lex
    time = units()["time"]
    tu, tj = _unit_after(toks, _unit_start(f), time)
    rule = "duration.unit-after"
    if tu is None and m.suffix in time:  # a glued unit ("48h") is most often read as the token after
        tu, tj = str(time[m.suffix][0]), m.j
    if tu == "hour" and _time_of_day(toks, tj):
        tu = None  # "11 heures du matin" is a time, not a duration
    if tu == "hour" and m.i > f.s0 and at_hour(toks, m.i, lex.lang) and m.high <= 24:
        tu = None  # "vers 22 heures", "à 8 heures": the hour of the day something happened
    if tu is None:
        return None
    if m.article and ordinal_unit(toks, tj - 1, lex):
        return NO_CLAIM  # "a second serve", "une seconde vague": an ordinal, no length of time
    if time_point(toks, tj - 1):
        return NO_CLAIM  # "un week-end", "at year-end": a time, no length of it
    times = unit_multiple(time, toks[tj - 1].norm)  # "three decades": 30 years
    if m.compound and tj + 1 < len(toks) and toks[tj].norm in ("-", "–"):
        tj += 2  # "three-day-long" (not past the text's end: "a three-day-")
    low, high, tj = _half_after(toks, m, tj, lex)  # "deux heures et demie"
    subj = find_subject(toks, tj, f.s1, lex)
    if subj.words is None:
        # "une grève de 48 heures", "a delay of two hours", "a final that lasted two hours"
        subj = _noun_lasting(f) or noun_of_lasting_verb(toks, _before_hedge(f), f.s0, lex) or subj
    acts = f.actions(max(tj, subj.end), parts=False)
    if _time_allowed(toks, tj, f.s1, lex) and "allowed" not in acts:
        acts = tuple(sorted((*acts, "allowed")))  # "has nine months to comply", "neuf mois pour se conformer"
    return Draft(
        "duration",
        f.start,
        toks[tj - 1].end,
        low * times,
        high * times,
        m.hedge,
        unit=tu,
        words=m.words,
        subject=subj.words,
        concepts=subj.concepts,
        actions=acts,
        rule=rule,
    )


def _time_allowed(toks: list[Token], tj: int, s1: int, lex: Lexicon) -> bool:
    """A length of time ending before ``toks[tj]`` is time given to do something: "to" (words.toml
    time_allowed_to) and a word that is no function word or number follow ("nine months to
    comply"; not "two to 12 years", "from three months to a year")."""
    if not (tj + 1 < s1 and toks[tj].norm in word_set(lex.lang, "time_allowed_to")):
        return False
    k = tj + 1
    if toks[k].norm in _QUOTES and k + 1 < s1:
        k += 1  # 'eight weeks to "halt" the project'
    return toks[k].is_word and toks[k].norm not in lex.stop and not toks[k].is_cap


_QUOTES = frozenset({'"', "“", "«", "'", "‘"})


def time_point(toks: list[Token], k: int) -> bool:
    """Whether the time unit ``toks[k]`` is joined by a hyphen to "end" ("week-end",
    "year-end", "month-end"): a point in time, no length."""
    return (
        k + 2 < len(toks)
        and toks[k + 1].norm in ("-", "–")
        and toks[k + 2].norm == "end"
        and glued(toks[k], toks[k + 1])
        and glued(toks[k + 1], toks[k + 2])
    )


def ordinal_unit(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether ``toks[k]`` is a time unit that is also an ordinal (words.toml ``ordinal_units``:
    "second", "seconde") used as one: a noun follows ("a second serve", "une seconde vague")."""
    if toks[k].norm not in word_set(lex.lang, "ordinal_units") or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt.is_word and not nxt.is_cap and nxt.norm not in lex.stop


def _before_hedge(f: Figure) -> int:
    """The token before the figure and its hedge."""
    hb = hedge_before(f.toks, f.m.i, f.lex)
    return f.m.i - (hb[0] if hb else 0) - 1


def _says_a_change(words: str, lang: str) -> bool:
    """A noun of a change ("hausse", "fall", "rise": words.toml [direction])."""
    return moved(singular(fold(words)), lang) or moved(fold(words), lang)


def noun_of_lasting_verb(toks: list[Token], k: int, s0: int, lex: Lexicon) -> Subject | None:
    """The noun a verb of lasting says the length of, the duration right after ``toks[k]``:
    "a final that lasted two hours", "the hearing ran 40 minutes", "un match qui a duré
    2 h 41" (a determiner, the noun, perhaps a relative pronoun, then a verb of words.toml
    ``lasting_verbs``)."""
    lang = lex.lang
    for phrase in _lasting_phrases(lang):
        first = k - len(phrase) + 1
        if first - 2 < s0 or tuple(t.norm for t in toks[first : k + 1]) != phrase:
            continue
        n = first - 1
        if toks[n].norm in word_set(lang, "relative_pronouns"):
            n -= 1
        if n - 1 < s0:
            return None
        noun, det = toks[n], toks[n - 1]
        if not noun.is_word or noun.is_cap or noun.norm in lex.stop or det.norm not in word_set(lang, "noun_of_det"):
            return None
        used, ids = subject_concepts(toks, n, concepts(lang))
        if used == 1 and ids:
            return Subject(noun.text, tuple(sorted(ids)), k + 1)
        return Subject(noun.text, (f"w:{english(lang, noun.norm)}",), k + 1) if _nounish(noun, lex) else None
    return None


@cache
def _lasting_phrases(lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(p.split()) for p in word_set(lang, "lasting_verbs")}, key=lambda p: -len(p)))


def _noun_lasting(f: Figure) -> Subject | None:
    """The noun whose length a duration gives (:func:`noun_of_figure`): "une grève de 48
    heures", "a delay of two hours", "un mandat de cinq ans"."""
    return noun_of_figure(f.toks, _before_hedge(f), f.s0, f.lex, f.m.i)


def noun_of_figure(
    toks: list[Token], k: int, s0: int, lex: Lexicon, end: int, *, any_before: bool = False
) -> Subject | None:
    """The noun a figure gives the size of, when ``toks[k]`` is the "of" or "de" before the
    figure and its hedge and a determiner or a possessive stands before the noun: "a delay of
    two hours", "une grève de 48 heures", "a winner's cheque of €98,450", "une amende de
    5 000 euros", "after a strike of nine days"; not a frame that says when or how much in all,
    "à l'issue de deux heures", "in the space of a day", "a total of €5m" (words.toml noun_of*).
    ``any_before``: a measure's noun, whatever it is ("within a radius of 3 km", "a depth of
    30 m")."""
    lang = lex.lang
    if k - 2 < s0 or toks[k].norm not in word_set(lang, "noun_of"):
        return None
    noun, det = toks[k - 1], toks[k - 2]
    if not noun.is_word or noun.is_cap or noun.norm in lex.stop:
        return None
    # "a winner's cheque of": the possessive stands for the determiner
    possessive = det.norm == "s" and k - 3 >= s0 and toks[k - 3].norm in ("'", "’") and glued(toks[k - 3], det)
    dets = word_set(lang, "noun_of_det")
    first = k - 1  # the noun's first word
    if not possessive and det.norm not in dets:
        # a noun of two words: "a payout ratio of around 45%" (a word before the noun), "un taux
        # de distribution d'environ 40 %" (the head, then "de" and a noun)
        modifier = det.is_word and not det.is_cap and det.norm not in lex.stop
        if hooks(lang).MODIFIERS_BEFORE_NOUN and modifier and k - 3 >= s0 and toks[k - 3].norm in dets:
            first = k - 2
        elif k - 4 >= s0 and det.norm in word_set(lang, "noun_of") and toks[k - 4].norm in dets:
            first = k - 3
            noun = toks[first]
            if not noun.is_word or noun.is_cap or noun.norm in lex.stop:
                return None
        else:
            return None
    if not any_before and noun.norm in word_set(lang, "noun_of_frame"):
        return None  # "in the space of two hours", "a total of €5m": when, or how much in all
    used, ids = subject_concepts(toks, first, concepts(lang))
    if ids and first + used == k:  # a known noun or phrase, up to the "of" ("an unemployment rate of")
        return Subject(noun.text, tuple(sorted(ids)), end)
    if first == k - 2:
        used, ids = subject_concepts(toks, k - 1, concepts(lang))  # "a payout ratio": the ratio
        if used == 1 and ids:
            return Subject(noun.text, tuple(sorted(ids)), end)
    if not _nounish(noun, lex):
        return None
    return Subject(noun.text, (f"w:{english(lang, noun.norm)}",), end)


def _measure(f: Figure) -> tuple[str, int, int, float, str] | _NoClaim | None:
    """The unit of a quantity: (unit, the token after it, the claim's start, a height in
    metres told with its centimetres or 0, the rule); NO_CLAIM, or None for no unit."""
    toks, m, prev = f.toks, f.m, f.prev
    u = units()
    j, start = m.j, f.start
    qu, qj = _unit_after(toks, _unit_start(f), u["measure"])
    rule = "quantity.unit-after"
    if qu is None and m.suffix in u["measure"]:  # a glued unit ("9mm") is most often read as the token after
        spelt = j < len(toks) and toks[j].is_word and glued(toks[j - 1], toks[j])  # "1.55C": the letter is the unit
        if spelt and _numbered(toks, m, f.s0, f.lex):
            return NO_CLAIM  # "seat 23F", "room 5C": the letter ends a number that names
        qu, qj = str(u["measure"][m.suffix][0]), j + 1 if spelt else j
    height = 0.0
    if qu == "m" and _centimetres_after(f.text, toks, m, qj):  # "1m80", "1 m 80": 1.80 m
        height, qj, rule = m.low + int(toks[qj].text) / 100, qj + 1, "quantity.metres-centimetres"
    # "3 m" or "3 t" after a space is a unit only where a unit ends: "3 t of cocaine", "il mesure
    # 3 m." (not "a 3 m wall", "£3 m")
    bare = _figure_words("quantity", "bare_units")
    bare_letter = m.suffix is None and qj == j + 1 and toks[j].norm in bare and not _unit_ends(toks, qj)
    before = u["measure_before"]
    if qu is not None and m.article and qu in before:
        return NO_CLAIM  # "a magnitude": no figure
    if qu is not None and m.article and prev is not None and m.i > 0 and toks[m.i - 1].end == prev.end:
        return NO_CLAIM  # "$85 a barrel", "£1.45 a litre": a price per unit, no quantity
    if qu is None and m.i > 0:
        # "a magnitude 6.8 earthquake", "a magnitude of 7.1": the unit before the figure
        k = m.i - 2 if m.i > 1 and toks[m.i - 1].norm in _figure_words("joins", "unit_of") else m.i - 1
        if toks[k].norm in before:
            qu, qj, start, rule = before[toks[k].norm], j, min(start, toks[k].start), "quantity.unit-before"
    if qu is None or bare_letter:
        return None
    return qu, qj, start, height, rule


def _quantity(f: Figure) -> Read:
    """ "42°C", "3 t of cocaine", "1m80", "a magnitude 6.8 earthquake", "minus 10 degrees"."""
    toks, m, lex = f.toks, f.m, f.lex
    got = _measure(f)
    if not isinstance(got, tuple):
        return got
    qu, qj, start, height, rule = got
    low, high, qj = _half_after(toks, m, qj, lex)  # "trois kilos et demi"
    if height:
        low = high = height
    if str(units()["dimensions"].get(qu, "")).startswith("temperature") and m.i > f.s0 and low >= 0:
        from .numbers import formats

        if toks[m.i - 1].norm in formats(lex.lang).minus_words:  # "minus 10 degrees Celsius"
            low, high, start = -high, -low, min(start, toks[m.i - 1].start)
    subj = find_subject(toks, qj, f.s1, lex)
    if subj.words is None:  # "within a radius of 3 km", "une profondeur de 40 mètres"
        subj = noun_of_figure(toks, _before_hedge(f), f.s0, lex, subj.end, any_before=True) or subj
    subj = _dimension(toks, qj, _before_hedge(f), f.s0, lex, subj)
    return Draft(
        "quantity",
        start,
        toks[qj - 1].end,
        low,
        high,
        m.hedge,
        unit=qu,
        subject=subj.words,
        concepts=subj.concepts,
        actions=f.actions(subj.end, prev=f.prev),
        words=m.words,
        rule=rule,
    )


def _dimension(toks: list[Token], qj: int, k: int, s0: int, lex: Lexicon, subj: Subject) -> Subject:
    """Which size of a thing a length gives, when a dimension word (concepts.toml
    [dimensions]) follows its unit ("300 metres long") or stands before its "de" / "of" at
    toks[k] ("longue de 400 mètres", "large d'environ 80 mètres"); else ``subj``."""
    dims = concepts(lex.lang).dimensions
    if subj.words is not None:
        got = dims.get(toks[qj].norm) if qj < len(toks) and subj.end == qj + 1 else None
        return Subject(subj.words, (got,), subj.end) if got else subj
    if k - 1 < s0 or toks[k].norm not in _figure_words("joins", "of_des"):
        return subj
    got = dims.get(toks[k - 1].norm)
    return Subject(toks[k - 1].text, (got,), subj.end) if got else subj


# ---- not counts: dates and names


def _date_part(f: Figure) -> Read:
    """Years and times are dates, read by dates.py; so are "5 Feb", "12 March" and "Sept. 27"."""
    toks, m, lex = f.toks, f.m, f.lex
    if _is_year(toks, m, lex) or _is_time(toks, m, lex) or (m.j < len(toks) and toks[m.j].norm in lex.months):
        return NO_CLAIM
    j = m.j
    if j + 1 < len(toks) and toks[j].norm in word_set(lex.lang, "date_joiners") and toks[j + 1].norm in lex.months:
        return NO_CLAIM  # "3 de marzo"
    return NO_CLAIM if _after_month(toks, m, lex) else None


def _name_part(f: Figure) -> Read:
    """ "Section 18", "iPhone 15", "Route 66", "la ligne 13", "gate 4", "Formula One",
    "the Big Four": the figure is part of a name, or names the thing."""
    toks, m, s0, lex = f.toks, f.m, f.s0, f.lex
    if _after_name(toks, m, s0, lex) or _numbered(toks, m, s0, lex) or _in_name(toks, m, s0, f.s1, lex):
        return NO_CLAIM
    return None


# ---- count


def _noun_of_change(f: Figure) -> Subject | None:
    """The noun of the figure after "to" when this one is what a change started from:
    "climbing from seven to nine seats", "est passé de 7 à 9 sièges" (not "from 5 to 10
    degrees", a range: no word of a change before "from")."""
    toks, m, s0, s1, lex = f.toks, f.m, f.s0, f.s1, f.lex
    if m.i < s0 + 2 or m.j + 2 >= s1 or toks[m.j].norm not in word_set(lex.lang, "range_join"):
        return None
    if toks[m.i - 1].norm not in word_set(lex.lang, "range_open") or not moved(toks[m.i - 2].norm, lex.lang):
        return None
    for k in (m.j + 2, m.j + 3):  # after a second figure of one token or two ("nine", "1,450", "9 %")
        subj = find_subject(toks, k, s1, lex)
        if subj.words is not None:
            return Subject(subj.words, subj.concepts, m.j, subj.part)
    return None


def _body_after(toks: list[Token], k: int, s1: int, lex: Lexicon) -> bool:
    """A body named right after a compound count of its seats or members (words.toml
    body_units): a capitalised name ("the 577-seat French National Assembly", "the 27-member
    European Union") or a noun for one (body_nouns: "a 45-seat council"); "the 23-man England
    squad", "a 12-member jury" count people of the news."""
    if k >= s1 or not toks[k].is_word:
        return False
    return toks[k].is_cap or singular(toks[k].norm) in word_set(lex.lang, "body_nouns")


def _count_subject(f: Figure) -> tuple[Subject, tuple[str, ...], str] | None:
    """What a count counts and what happened to it, with the rule that found them; None
    for a count of one by its article with no known subject ("a tense atmosphere")."""
    toks, m, s0, s1, lex, prev = f.toks, f.m, f.s0, f.s1, f.lex, f.prev
    subj = find_subject(toks, m.j + 1 if m.compound else m.j, s1, lex)
    if subj.words is not None and m.low > 1 and " " not in subj.words and hooks(lex.lang).plural_verb(fold(subj.words)):
        subj = Subject(None, (), m.j, subj.part)  # "Sur les 14 analystes, six recommandent de vendre": a verb
    rule = "count.noun"
    if (
        m.compound
        and m.j + 1 < s1
        and toks[m.j + 1].is_word
        and toks[m.j + 1].norm not in _figure_words("count", "hyphen_not_counted")
    ):
        # "a four-candidate race", "a three-judge panel", "a 12-team league": the figure
        # counts the word its hyphen joins, whatever noun follows ("a 19-storey tower")
        x = toks[m.j + 1]
        _, known = subject_concepts(toks, m.j + 1, concepts(lex.lang))
        ids = tuple(sorted(known)) if known else (f"w:{english(lex.lang, singular(x.norm))}",)
        subj, rule = Subject(x.text, ids, m.j + 2, subj.part), "count.compound"
        if singular(x.norm) in word_set(lex.lang, "body_units") and _body_after(toks, m.j + 2, s1, lex):
            rule = "count.body-size"  # "the 577-seat National Assembly": the size of a body, no count of the news
    if subj.words is None:
        whole, kin = _whole_of(toks, m, s0, s1, lex), None
        if whole is None:
            kin = _kin_of(toks, m, s0, lex)
        subj, rule = (whole, "count.whole-of") if whole else (kin, "count.kin-of") if kin else (subj, rule)
    if m.article and not subj.concepts:
        return None  # "a tense atmosphere": one by its article counts only a known subject
    # "a 19-storey tower": the figure describes a thing, nothing happened to it
    # a count of things of its own ("80 farms") in a clause a relative pronoun opened: the
    # action before the pronoun is said of the pronoun's noun ("joined a sweep that targeted")
    acts = () if m.compound else f.actions(subj.end, prev=prev, own_clause=subj.words is not None)
    if subj.words is None and m.i > s0 + 1 and toks[m.i - 1].norm in _figure_words("joins", "join_of"):
        head = toks[m.i - 2]  # "a licensed limit of 180", "une capacité de 180": what the figure measures
        if head.norm in word_set(lex.lang, "measure_nouns"):
            # what the noun names, when the lexicon knows it ("a crowd of 31,412": spectators)
            _, known = subject_concepts(toks, m.i - 2, concepts(lex.lang))
            ids = tuple(sorted(known)) if known else (f"w:{singular(head.norm)}",)
            subj, rule = Subject(head.text, ids, subj.end, subj.part), "count.measure-noun"
    if subj.words is None and m.i > s0 + 2 and toks[m.i - 1].norm in word_set(lex.lang, "brought_to"):
        got = noun_brought_to(toks, m.i - 1, s0, lex)  # "raised its seats to 48"
        if got:
            subj, rule = got, "count.brought-to"
    if subj.words is None:
        ahead = _noun_of_change(f)  # "climbing from seven to nine seats": seven seats before
        if ahead is not None:
            subj, rule = ahead, "count.changed-from"
    if subj.words is None and prev is not None and prev.kind == "count" and prev.concepts and counted_again(
        toks, m, s1, lex
    ):
        # "80,000 people marched, 300,000 according to the organisers": the same thing
        # counted again by someone else
        subj, acts, rule = Subject(prev.subject, prev.concepts, subj.end, prev.part), prev.actions, "count.again"
    if subj.words is None and not subj.part and rule == "count.noun" and _elided_noun(f, acts):
        # "19,318 votes, ahead of Sandoz with 18,907"; "26 seats, down from 29"; "12 000
        # coureurs inscrits et 9 840 ont rallié l'arrivée": no noun and no verb but the one of
        # the figure before ("13 were in hospital" has a verb of its own: no noun borrowed)
        assert prev is not None
        # the noun, and the verb only when the figure has none of its own ("207 ont été
        # condamnés, et 131 ont été acquittés": acquitted, not sentenced)
        own_verb = _has_verb(toks, m, subj.end, s0, s1, lex)
        acts = acts if own_verb else prev.actions
        subj, rule = Subject(prev.subject, prev.concepts, subj.end, False), "count.elided"
    if subj.words is None and not acts and not subj.part:
        apposed = _apposed_noun(toks, m, s0, s1, lex)
        if apposed is not None:  # "Kent has the most cases, 14, and Essex six"
            subj, rule = apposed, "count.apposed"
    if subj.words is None and subj.part and subj.end < s1 and toks[subj.end].kind == "num":
        return subj, acts, "count.partitive"  # "eight of the 12 finished": a part of a group just counted
    group = _group_counted(prev, toks, s0)
    if (
        group is not None
        and subj.words is None
        and (
            subj.part
            and any(match_at(toks, m.j, p) == len(p) for p in phrase_list(lex.lang, "trait_partitive"))
            or m.i > s0 and toks[m.i - 1].norm in _figure_words("count", "part_of")
        )
    ):
        # "42 women were among the defendants, and 39 of them were convicted": of the women;
        # "19 patients étaient hospitalisés, dont six aux soins intensifs", "including three
        # in intensive care": a part of the patients
        return Subject(group.subject, group.concepts, m.j, True), acts, "count.of-them"  # (the span: the figure)
    if subj.words is None and _fronted_part(toks, m, s0, lex):
        # "Of the 168 riders who started, only 97 finished": a part of the group set apart first
        if group is not None:
            subj = Subject(group.subject, group.concepts, subj.end, True)
        return subj, acts, "count.partitive-fronted"
    if subj.words is None and not acts and (label := _label_of(toks, m, s0, s1, lex)) is not None:
        return label, acts, "count.labelled"  # "Starters: 168", "Finishers: 97": a fact box's line
    if subj.words is None and not acts:
        # "the union spoke of 3.5 million": no noun, no verb we know. Evidence only (weak),
        # with what happens anywhere in its sentence.
        lo, hi = max(s0, m.i - CLAUSE_REACH), min(s1, m.j + CLAUSE_REACH)
        acts, rule = tuple(sorted({a for _, a in actions_in(toks, lo, hi, lex.lang)})), "count.bare"
    elif subj.words is None and rule == "count.noun":
        rule = "count.predicate"  # "12 were arrested": no noun, a verb
    if subj.words is not None and not subj.part and _part_after_noun(toks, subj.end, s1, lex):
        # "19 dead, eight children among them", "dont neuf enfants parmi eux": a part
        subj = Subject(subj.words, subj.concepts, subj.end, True)
    return subj, acts, rule


def _part_after_noun(toks: list[Token], k: int, s1: int, lex: Lexicon) -> bool:
    """A partitive right after a figure's noun makes it a part of a group counted before it:
    "eight children among them" (words.toml partitive_after_noun)."""
    return k < s1 and any(match_at(toks, k, p) == len(p) for p in phrase_list(lex.lang, "partitive_after_noun"))


def _apposed_noun(toks: list[Token], m: Mention, s0: int, s1: int, lex: Lexicon) -> Subject | None:
    """The noun a bare figure is set beside, between commas: "Kent has the most cases,
    14, and Essex six" counts cases. Only a noun the lexicon knows, right before the comma,
    and a figure that ends its clause (a comma, a stop, "and")."""
    if m.i - 2 < s0 or toks[m.i - 1].norm != ",":
        return None
    if m.j < s1 and toks[m.j].norm not in (",", ".", ";") and toks[m.j].norm not in word_set(lex.lang, "and"):
        return None
    noun = toks[m.i - 2]
    if not noun.is_word or noun.is_cap:
        return None
    used, ids = subject_concepts(toks, m.i - 2, concepts(lex.lang))
    if used != 1 or not ids:
        return None
    return Subject(noun.text, tuple(sorted(ids)), m.j, False)


ELIDED_RATIO = 20.0  # "12 000 coureurs ... et 9 840": figures of one noun are of one order of size


def _elided_noun(f: Figure, acts: tuple[str, ...]) -> bool:
    """Whether a figure with no noun of its own (and no verb but those of ``acts`` the count
    before it has) leaves out the noun of that count, the one before it in its sentence: right
    after a word that links two figures of one thing (words.toml ``elided_noun_after``:
    "with", "from", "and", "avec", "contre", "et"), and of the same order of size (a ratio
    under :data:`ELIDED_RATIO`)."""
    toks, m, prev = f.toks, f.m, f.prev
    if prev is None or prev.kind != "count" or not prev.subject or prev.part or prev.weak:
        return False
    if not set(acts) <= set(prev.actions):
        return False  # a verb of its own: "and 3 were later charged"
    k = m.i - 1
    while k > f.s0 and toks[k].start >= f.start:
        k -= 1  # before the hedge: "with nearly 18,000"
    if k < f.s0 or toks[k].end > f.start or not _links_figures(toks, k, f.s0, f.lex.lang):
        return False
    lo, hi = min(prev.low, m.low), max(prev.high, m.high)
    return lo > 0 and hi <= ELIDED_RATIO * lo


def _links_figures(toks: list[Token], k: int, s0: int, lang: str) -> bool:
    """``toks[k]`` links a figure to the count before it: a word of ``elided_noun_after``, one
    of ``brought_to`` after a word of a change ("the Socialists, who fell to 20", "les Verts
    retombent à 11": words.toml [direction]), a verb of no change (``kept_figure``: "while the
    Social Democrats held on to five", "les socialistes conservent cinq"), or the end of a
    name after "and" ("seven seats and the Social Democrats four")."""
    norm = toks[k].norm
    if norm in word_set(lang, "elided_noun_after"):
        return True
    if toks[k].is_cap:
        # "won seven seats and the Social Democrats four": a name, and the noun and verb left out
        h = k
        while h > s0 and (toks[h - 1].is_cap or toks[h - 1].norm in word_set(lang, "determiners")):
            h -= 1
        return h > s0 and k - h < 4 and toks[h - 1].norm in word_set(lang, "and")
    for p in phrase_list(lang, "kept_figure"):  # "the Social Democrats held on to five": no change
        n = match_before(toks, k + 1, p)
        if n and k + 1 - n >= s0:
            return True
    if norm not in word_set(lang, "brought_to") or k - 1 < s0:
        return False
    return moved(toks[k - 1].norm, lang)


@cache
def _role_verbs(lang: str) -> dict[str, str]:
    """words.toml [role_verbs] by verb: the concept the people counted after it are."""
    table = lexicon(lang).words.get("role_verbs", {})
    return {fold(v): str(role) for role, verbs in table.items() for v in verbs}


def _role_of_verb(t: Token, lex: Lexicon) -> str | None:
    """The concept a verb right before a count of people makes them ("employs", "carrying")."""
    return _role_verbs(lex.lang).get(t.norm) if t.is_word else None


LABEL_WORDS = 3  # the most words of a label before its colon ("Number of starters: 168")


_ITEM_MARKS = frozenset({"–", "—", "-", "|", ";", "·", "/", ","})  # what parts the items of a fact box's line


def _label_of(toks: list[Token], m: Mention, s0: int, s1: int, lex: Lexicon) -> Subject | None:
    """The noun of the label a bare figure is given by, in a line of a fact box: "Starters:
    168 – Finishers: 97", "Turnout: 64.8%" (up to three words, the first capitalised, at the
    start of the sentence or of an item of it; the last a plural or a measure noun; and the
    figure ends its item)."""
    k = m.i - 1
    if k - 1 < s0 or toks[k].norm != ":":
        return None
    a = k - 1
    while a > s0 and k - a < LABEL_WORDS and toks[a - 1].is_word:
        a -= 1
    if not (a == s0 or toks[a - 1].norm in _ITEM_MARKS) or not toks[a].is_cap:
        return None
    if m.j < s1 and toks[m.j].norm not in _ITEM_MARKS and toks[m.j].norm not in _SENTENCE_ENDS:
        return None  # "Note: 12 of them left": a sentence, not an item
    noun = toks[k - 1]
    plural = noun.norm.endswith("s") and _nounish(noun, lex)
    if not (plural or noun.norm in word_set(lex.lang, "measure_nouns")):
        return None
    _, ids = subject_concepts(toks, k - 1, concepts(lex.lang))
    named = tuple(sorted(ids)) if ids else (f"w:{english(lex.lang, singular(noun.norm))}",)
    return Subject(noun.text, named, m.j, False)


def _group_counted(prev: Draft | None, toks: list[Token], s0: int) -> Draft | None:
    """The count just before the figure in its own sentence, when it names what it counts:
    the group a part after it is taken from."""
    if prev is None or prev.kind != "count" or not prev.subject or prev.start < toks[s0].start:
        return None
    return prev


def _whole_after(toks: list[Token], m: Mention, k: int, s1: int, lex: Lexicon) -> bool:
    """The figure's noun is followed by the whole it is a part of: "34 sièges sur 43", "17
    votes out of 25" (a whole of 12 or more that is no round base of a share, as
    context.part_and_whole reads it; "trois Français sur quatre" is a share)."""
    for p in phrase_list(lex.lang, "ratio_of"):
        j = k + len(p)
        if j >= s1 or tuple(t.norm for t in toks[k:j]) != p or toks[j].kind != "num" or len(toks[j].text) > 6:
            continue
        return part_of_whole_sizes(m.low, int(toks[j].text))
    return False


FRONTED_REACH = 30  # how far into its sentence the comma that closes a fronted group may be


def _fronted_part(toks: list[Token], m: Mention, s0: int, lex: Lexicon) -> bool:
    """The figure is the first after the comma that closes a group its sentence opens on:
    "Of the 40 passengers, 12 were hurt", "Of those in hospital, 27 are children", "Sur les
    168 coureurs au départ, 97 seulement ont rallié l'arrivée" (words.toml fronted_partitive),
    "Of 338 defendants, 207 were convicted", "Des 338 accusés, 207 ont été condamnés" (a word of
    fronted_partitive_figure before digits); at most a few words, as "only", between the comma
    and the figure."""
    opens = phrase_starts(lex.lang, "fronted_partitive").get(toks[s0].norm, ())
    if not any(match_at(toks, s0, p) == len(p) for p in opens) and not (
        toks[s0].norm in word_set(lex.lang, "fronted_partitive_figure") and s0 + 1 < m.i and toks[s0 + 1].kind == "num"
    ):
        return False
    comma = next((k for k in range(s0 + 2, min(m.i, s0 + FRONTED_REACH)) if toks[k].norm == ","), None)
    if comma is None or m.i - comma > 4:
        return False
    return all(t.is_word for t in toks[comma + 1 : m.i])


def _is_part(f: Figure, subj: Subject, acts: tuple[str, ...]) -> bool:
    """ "four of them", "dont huit", "including three children": a part of a group counted
    just before, unless a verb of its own makes it the whole count of what happened to it
    ("20 were held, dont huit ont été inculpées"; "dont sept grièvement" stays a part)."""
    toks, m, prev = f.toks, f.m, f.prev
    part = subj.part or (m.i > 0 and toks[m.i - 1].norm in _figure_words("count", "part_of"))
    part = part or _whole_after(toks, m, subj.end, f.s1, f.lex)
    own = part and acts and prev is not None and set(acts).isdisjoint(prev.actions)
    if not part and _fronted_part(toks, m, f.s0, f.lex):  # "Of those in hospital, 27 are children"
        # the group is set apart in this sentence: a verb of the figure's own that the group's
        # count (if the sentence gives one) does not have makes it the count of what happened
        # ("Of the suspects, six were remanded")
        group = prev if prev is not None and prev.start >= toks[f.s0].start else None
        after = {a for _, a in actions_in(toks, m.j, f.s1, f.lex.lang)} & set(acts)  # not the group's words
        part, own = True, bool(after) and (group is None or after.isdisjoint(group.actions))
    return part and not (own and _has_verb(toks, m, subj.end, f.s0, f.s1, f.lex))


def _count(f: Figure) -> Read:
    """ "12 people were arrested", "four of them", "Marc Dubois and 24 other suspects",
    "a child was hospitalized" (weak), "80,000 ..., 300,000 according to the organisers"."""
    toks, m, s0, s1, lex, prev = f.toks, f.m, f.s0, f.s1, f.lex, f.prev
    if m.article and not f.weak:
        return NO_CLAIM  # "a child was hospitalized": a count of one by its article is always weak
    if not _one_is_count(toks, m, lex):
        return NO_CLAIM
    got = _count_subject(f)
    if got is None:
        return NO_CLAIM
    subj, acts, rule = got
    if subj.concepts == ("person",) and (role := _role_of_verb(toks[_before_hedge(f)], lex)):
        subj = Subject(subj.words, (role,), subj.end, subj.part)  # "employs about 1,900 people": employees
    bare = rule == "count.bare"
    if m.article and (not subj.concepts or not acts):
        return NO_CLAIM
    end = toks[subj.end - 1].end if subj.words and subj.end - m.j <= 6 else m.end
    acts = _things_are_seized(subj.concepts, acts, lex.lang)
    part = _is_part(f, subj, acts)
    if part and subj.words is None and prev is not None and prev.kind == "duration" and prev.unit:
        # "four years in prison, three of them suspended", "quatre ans dont deux avec sursis":
        # a part of the time just given, in its unit
        return Draft("duration", f.start, max(end, m.end), m.low, m.high, m.hedge, unit=prev.unit, words=m.words,
                     actions=acts, part=True, rule="duration.part-of-term")
    start, low, high = f.start, m.low, m.high
    if part and rule != "count.partitive-fronted":
        rule = "count.partitive"
    if part and any(t.kind == "num" for t in toks[m.j : subj.end]):
        end = m.end  # "33 des 43 sièges", "21 of the 100 seats": the part's figure, its whole a claim of its own
    group = group_before(toks, m.i, m.j, s0, lex)
    if group is not None:  # "Marc Dubois and 24 other suspects": 25 in all
        start, low, high, rule = toks[group].start, low + 1, high + 1, "count.group"
        if not acts:  # "Jean Martin, de même que 24 autres suspects, a été mis en examen"
            acts = actions_after_aside(toks, subj.end, s1, lex)
        if not acts:  # "Il a été interpellé, de même que 24 autres suspects"
            acts = tuple(sorted({a for _, a in actions_in(toks, max(s0, group - CLAUSE_REACH), group, lex.lang)}))
    if whole_after_part(toks, m.i, s0):
        acts = ()  # "230 des 343 prévenus ont été condamnés": the 343 were not all sentenced
    return Draft(
        "count",
        start,
        max(end, m.end),
        low,
        high,
        m.hedge,
        subject=subj.words,
        concepts=subj.concepts,
        actions=acts,
        weak=m.article or bare,
        scaled=m.scaled,
        part=part,
        decimals=m.decimals,
        words=m.words,
        rule="count.article" if m.article else rule,
    )


def _streak(f: Figure) -> Draft | None:
    """An ordinal that gives the length of a run: "their fifth straight win", "Lyon's 5th win
    in a row", "la cinquième victoire consécutive", "ce quatrième succès de rang": a count of
    what the run is of."""
    toks, m = f.toks, f.m
    run = streak_after(toks, m.j, f.lex.lang)
    if run is None or run.end > f.s1:
        return None
    subj = find_subject(toks, run.noun, f.s1, f.lex)
    return Draft(
        "count",
        m.start,
        toks[run.end - 1].end,
        m.low,
        m.high,
        "exact",
        subject=subj.words,
        concepts=subj.concepts,
        words=m.words,
        rule="count.streak",
    )


def _match_minute(f: Figure) -> Draft | None:
    """The minute of a match something happened in, told by its ordinal: "in the 12th
    minute", "a 38th-minute penalty", "dès la 12e minute", or, in French, the minute left out
    at the end of a clause ("sur penalty à la 38e,"): a length of play, in minutes, that "on
    38 minutes" and "after 67 minutes" tell too (figures.toml [clock] match_minute; words.toml
    match_minute_before). "à la 12e place" ranks."""
    toks, m = f.toks, f.m
    j, n = m.j, min(len(toks), f.s1)
    minute = _figure_words("clock", "match_minute")
    if j + 1 < n and toks[j].norm in ("-", "–") and toks[j + 1].norm in minute:
        end = toks[j + 1].end  # "a 38th-minute penalty"
    elif j < n and toks[j].norm in minute:
        end = toks[j].end
    elif (j >= n or not toks[j].is_word) and any(
        match_before(toks, m.i, p) for p in phrase_list(f.lex.lang, "match_minute_before")
    ):
        end = m.end  # "à la 38e,": the minute said before, or understood
    else:
        return None
    return Draft("duration", m.start, end, m.low, m.high, "exact", unit="minute", rule="duration.match-minute")


# The recognisers of a figure, tried in this order; the first that does not return None
# decides. The order is meaning: a share before a percent sign, money before an age, an
# age before a duration ("26 ans"), a duration before a quantity, dates and names before a
# count. Dates and people are read apart (dates.py, people.py: see extract_claims).
RECOGNISERS: tuple[tuple[str, Callable[[Figure], Read]], ...] = (
    ("percent", _share),
    ("percent", _percent),
    ("money", _money),
    ("age", _decade_age),
    ("identifier", _not_a_figure),
    ("age", _age_claim),
    ("duration", _duration),
    ("quantity", _quantity),
    ("date", _date_part),
    ("name", _name_part),
    ("count", _count),
)


def _centimetres_after(text: str, toks: list[Token], m: Mention, k: int) -> bool:
    """A height told in metres and centimetres: "1m80", "1 m 80", "2m05" (two digits after the
    metre, which is 1 or 2)."""
    return (
        k < len(toks)
        and m.low == m.high
        and m.low in (1.0, 2.0)
        and not m.decimals
        and toks[k].kind == "num"
        and len(toks[k].text) == 2
        and text[toks[k - 1].end : toks[k].start] in ("", " ")
        and not (k + 1 < len(toks) and toks[k + 1].is_word and _counts_on(toks[k + 1].norm))
    )


def _counts_on(w: str) -> bool:
    """A word after "2 m 50" that makes the 50 a figure of its own: a unit ("2 m 50 cm") or
    "times" ("2 m 10 times")."""
    return w in units()["measure"] or w in _figure_words("count", "times_words")


def _half_after(toks: list[Token], m: Mention, k: int, lex: Lexicon) -> tuple[float, float, int]:
    """A half after the unit: "deux heures et demie", "two hours and a half": the figure plus
    a half, and the token after the phrase."""
    if k >= len(toks) or m.is_range or m.decimals or m.low != int(m.low):
        return m.low, m.high, k
    for p in phrase_starts(lex.lang, "and_a_half").get(toks[k].norm, ()):
        n = match_at(toks, k, p, loose_hyphen=False)
        after = toks[k + n] if k + n < len(toks) else None
        of = _figure_words("joins", "join_of")
        ends = after is None or not after.is_word or after.norm in lex.stop or after.norm in of
        if n == len(p) and ends:
            return m.low + 0.5, m.high + 0.5, k + n
    return m.low, m.high, k




def _unit_ends(toks: list[Token], k: int) -> bool:
    """Where a bare unit letter may end its figure: punctuation, "of", a preposition."""
    return k >= len(toks) or toks[k].norm in _figure_words("quantity", "unit_ends")


def _sign_before(toks: list[Token], ci: int, lex: Lexicon) -> int | None:
    """The index of a minus sign glued before the currency at toks[ci] ("-$5m"), or None."""
    from .numbers import formats

    if ci < 1 or toks[ci - 1].norm not in formats(lex.lang).minus or not glued(toks[ci - 1], toks[ci]):
        return None
    if ci > 1 and glued(toks[ci - 2], toks[ci - 1]) and toks[ci - 2].norm not in ("(", "["):
        return None
    return ci - 1


def _pound_weighs(toks: list[Token], m: Mention, k: int, lex: Lexicon) -> bool:
    """"pound" at toks[k] after the figure weighs rather than pays: a verb of weighing before
    the figure ("weighs 12 pounds"), "pounds of" a thing ("five pounds of flour") or "pound"
    before a noun ("a ten pound sack"); money nouns keep it money ("a ten pound note")."""
    n = len(toks)
    plain = not m.scaled and m.high < 1000
    if plain and any(t.norm in word_set(lex.lang, "pound", "weigh") for t in toks[max(0, m.i - 4) : m.i]):
        return True
    if k + 1 >= n:
        return False
    nxt = toks[k + 1]
    if nxt.norm in _figure_words("joins", "pound_of"):
        return plain and k + 2 < n and toks[k + 2].norm not in word_set(lex.lang, "pound", "money_of")
    attributive = toks[k].norm == "pound" and nxt.kind == "word" and not nxt.is_cap
    return attributive and plain and nxt.norm not in word_set(lex.lang, "pound", "money_nouns")


def _one_in(toks: list[Token], m: Mention, s0: int, lex: Lexicon) -> tuple[int, float] | None:
    """"one in five", "two out of three", "un Français sur cinq": (token index of the first
    figure, the share in percent), or None."""
    if m.i < s0 + 2 or toks[m.i - 1].norm not in _ratio_ends(lex.lang) or m.is_range or not m.low:
        return None
    u = units()
    if m.j < len(toks) and (toks[m.j].norm in u["time"] or toks[m.j].norm in u["measure"]):
        return None  # "3 in 10 minutes": a time, not a share
    for p in phrase_list(lex.lang, "ratio_of"):
        k = m.i - len(p)
        if k < s0 + 1 or tuple(t.norm for t in toks[k : m.i]) != p:
            continue
        for h in range(k - 1, max(s0, k - 3) - 1, -1):  # the first figure, a noun between at most
            t = toks[h]
            value = float(t.norm) if t.kind == "num" and len(t.norm) <= 3 else lex.units.get(t.norm)
            if value is not None and 0 < value < m.low:
                if value > 1 and m.low > 100:
                    return None  # "75 deputies out of 577": a part and its whole, two counts
                if h < k - 1 and _other_noun_after(toks, m, toks[h + 1 : k], lex):
                    return None  # "19 goals in 51 appearances": a rate of two things, no share
                return h, round(100 * value / m.low, 2)
            if not t.is_word:
                return None
    return None


def _other_noun_after(toks: list[Token], m: Mention, between: list[Token], lex: Lexicon) -> bool:
    """Whether a noun follows the second figure of a ratio that is none of the words between
    its two figures ("19 goals in 51 appearances"; not "one child in five", "three voters in
    four voters")."""
    if m.j >= len(toks) or not toks[m.j].is_word or toks[m.j].norm in lex.stop or toks[m.j].is_cap:
        return False
    if not _nounish(toks[m.j], lex) or _participle(toks[m.j], lex):
        return False  # "three voters in four backed it": a verb
    after = singular(toks[m.j].norm)
    return all(singular(t.norm) != after for t in between)


def _things_are_seized(subject: tuple[str, ...], acts: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """People are arrested, things are seized: "90 rifles taken into custody" were seized."""
    if "arrested" not in acts or not subject:
        return acts
    c = concepts(lang)
    known = [x for x in subject if not x.startswith("w:")]
    if not known or any(x in c.human or x in c.generic for x in known):
        return acts
    return tuple(sorted(set(acts) - {"arrested"} | {"seized"}))


def _end_with_suffix(text: str, m: Mention) -> int:
    return m.end + 1 if text[m.end : m.end + 1] == "%" else m.end


def _actions(
    toks: list[Token],
    i: int,
    j: int,
    s0: int,
    s1: int,
    lex: Lexicon,
    prev: Draft | None,
    *,
    parts: bool = True,
    own_clause: bool = False,
) -> tuple[str, ...]:
    """The actions said of the figure toks[i:j]. ``own_clause``: a relative pronoun before the
    figure opens its clause, and actions before the pronoun are not the figure's."""
    a, b = clause_bounds(toks, i, j, s0, s1, lex)
    k = i
    while k < j and toks[k].kind in ("num", "sym"):
        k += 1
    after = [x for _, x in actions_in(toks, k, min(max(b, j) + 1, s1), lex.lang)]
    if not after and (j2 := _past_noun_phrase(toks, j, s1, lex)) > j:
        # "2,500 residents and holidaymakers have been evacuated", "3 000 personnes, habitants
        # et vacanciers, ont été évacuées": the verb after a second noun or an aside
        _, b2 = clause_bounds(toks, j2, j2, s0, s1, lex)
        after = [x for _, x in actions_in(toks, j2, min(max(b2, j2) + 1, s1), lex.lang)]
    if not after:
        # "Deux wagons du train, qui se dirigeait vers Calcutta, sont sortis des rails": step over
        # a relative clause to the verb of the figure's own clause
        c = b
        if c < s1 and toks[c].norm == "," and c + 1 < s1 and toks[c + 1].norm in _figure_words("clause", "relative"):
            c2 = c + 2
            while c2 < s1 and toks[c2].norm not in (",", ";", ".", ":"):
                c2 += 1
            if c2 < s1 and toks[c2].norm == ",":
                _, b2 = clause_bounds(toks, c2 + 1, c2 + 1, s0, s1, lex)
                after = [x for _, x in actions_in(toks, c2 + 1, min(b2 + 1, s1), lex.lang)]
    hedge = hedge_before(toks, i, lex)  # "close to 40 people": a hedge, not what happened
    # "joined a sweep that targeted 80 farms": what comes before a word that opens a
    # clause of its own is another clause's action
    opened = _clause_opened(toks, max(s0, i - CLAUSE_REACH), i, lex) if own_clause else s0
    before = actions_in(toks, max(a, opened), i - hedge[0] if hedge else i, lex.lang)
    of = [k for k in range(max(a, i - 3), i) if toks[k].norm in _figure_words("joins", "of_des")]
    whole = parts and bool(of)
    if whole and of[0] > a and actions_in(toks, of[0] - 1, of[0], lex.lang):
        whole = False  # "the evacuation of 120 residents", "l'arrestation de 12 personnes"
        before = [(k, x) for k, x in before if k == of[0] - 1]
    elif whole:
        before = []  # "17% of its 9,000 staff": the whole, not what happened to the part
    acts = set(after)
    if before and (not after or before[-1][0] >= i - 3):
        # the nearest action before; a loose one ("the investigation took a year") only when
        # nothing else is said
        loose = concepts(lex.lang).loose
        firm = [(k, x) for k, x in before if x not in loose] or before
        last = firm[-1][0]
        # with the loose ones between it and the figure: "the rescue operation lasted"
        acts |= {x for k, x in before if k == last or (k > last and x in loose)}
    # "and plans to hire 2,500 engineers": words of its own before the figure, which
    # borrows nothing (a bare "and 30 others in Lyon" does)
    own = not acts and (_own_predicate(toks, j, b, lex) or own_words_before(toks, a, i, lex))
    if not acts and s0 < a and not own:
        # the clause started with a break ("and", ","): look back to the sentence start
        back = (
            actions_in(toks, max(s0, i - CLAUSE_REACH, opened), i, lex.lang)
            if before or not any(t.norm in _figure_words("joins", "of_des") for t in toks[max(a, i - 3) : i])
            else []
        )
        if back:
            last = back[-1][0]
            acts |= {x for k, x in back if k == last}
    if not acts and prev is not None and not whole and not own:
        acts = set(prev.actions)  # "12 were arrested, three in Lyon": the same action
    return tuple(sorted(acts))


APPOSITION_WORDS = 5  # the longest aside between commas stepped over to a figure's verb


def _past_noun_phrase(toks: list[Token], j: int, s1: int, lex: Lexicon) -> int:
    """Where the verb of a figure's noun may start when a second noun or an aside follows
    the first: past "and holidaymakers" ("2,500 residents and holidaymakers have been
    evacuated") or past ", habitants et vacanciers," ("3 000 personnes, habitants et
    vacanciers, ont été évacuées"); ``j`` when neither follows."""
    n = min(len(toks), s1)
    joins = _figure_words("joins", "noun_and")
    if j + 1 < n and toks[j].norm in joins and _plain_noun(toks[j + 1], lex):
        return j + 2
    if j < n and toks[j].norm == ",":
        for k in range(j + 1, min(n, j + 2 + APPOSITION_WORDS)):
            t = toks[k]
            if t.norm == ",":
                return k + 1 if k > j + 1 else j
            if not (t.norm in joins or _plain_noun(t, lex)):
                return j
    return j


def _plain_noun(t: Token, lex: Lexicon) -> bool:
    """A lower-case word that may be a noun of a group: a plural ("holidaymakers",
    "vacanciers"), not a word of the lexicon's stop list."""
    lang = hooks(lex.lang)
    return (
        t.is_word
        and not t.is_cap
        and t.norm not in lex.stop
        and lang.head_noun(t.norm, frozenset())
        and not lang.not_noun(t.norm)
        and not actions_in([t], 0, 1, lex.lang)  # "évacuées dimanche": the aside says what happened
    )


def _clause_opened(toks: list[Token], lo: int, i: int, lex: Lexicon) -> int:
    """Where the clause a relative pronoun (or "where") opened before the figure at ``i``
    starts, the token after it, or ``lo``: actions before it are another clause's. A comma
    or semicolon between the two closes the pronoun's clause ("The toll, which rose on
    Friday, has reached four": the toll's own verb). Right after an action word, "that" is
    what was said or found, not a relative ("The court found that 400 people were affected")."""
    opens = _figure_words("clause", "opens_clause")
    for k in range(i - 1, lo - 1, -1):
        t = toks[k]
        if t.norm in (",", ";"):
            return lo
        if t.norm in opens and t.is_word:
            return lo if k > lo and actions_in(toks, k - 1, k, lex.lang) else k + 1
    return lo


def _has_verb(toks: list[Token], m: Mention, j: int, s0: int, s1: int, lex: Lexicon) -> bool:
    """The figure's own clause goes on to an auxiliary and a word after the figure."""
    _, b = clause_bounds(toks, m.i, max(j, m.j), s0, s1, lex)
    return _own_predicate(toks, m.j, b, lex)


def _own_predicate(toks: list[Token], j: int, b: int, lex: Lexicon) -> bool:
    """An auxiliary and a word after the figure's subject, within its clause: the figure has
    a predicate of its own even when no action word names it ("54 others were treated")."""
    aux = word_set(lex.lang, "auxiliaries")
    return any(toks[k].norm in aux and toks[k + 1].is_word for k in range(j, min(b, len(toks) - 1)))


def _age(toks: list[Token], m: Mention, lex: Lexicon) -> tuple[int, int, str] | None:
    """Where an age of the figure starts and ends, and the rule that read it, or None."""
    j = m.j
    n = len(toks)
    for p in _figure_phrases("age", "after_hyphen") if m.compound else ():  # "a 26-year-old"
        k = match_at(toks, j + 1, p, loose_hyphen=False)
        if k:
            return m.start, toks[j + k].end, "age.n-year-old"
    for p in _figure_phrases("age", "after"):  # "26 years old"
        k = match_at(toks, j, p, loose_hyphen=False)
        if k:
            return m.start, toks[j + k - 1].end, "age.years-old"
    before = word_set(lex.lang, "age_before")
    k = m.hstart if m.hstart is not None else m.start
    ti = m.i
    while ti > 0 and toks[ti - 1].start >= k:
        ti -= 1
    opener = ti > 1 and toks[ti - 1].norm in _figure_words("age", "range_opener")
    if opener:
        ti -= 1  # ti now points at "between"/"entre"
    age_noun = _figure_words("age", "age_noun")
    if ti > 1 and toks[ti - 1].norm in _figure_words("age", "age_of") and toks[ti - 2].norm in age_noun:
        return toks[ti - 2].start, m.end, "age.age-of"  # "from the age of 58", "the retirement age from 62 to 64"
    if ti > 0 and toks[ti - 1].norm in before:
        end = m.end
        if j < n and toks[j].norm in _figure_words("age", "years_units"):
            end = toks[j].end
        return toks[ti - 1].start, end, "age.aged"
    if ti > 1 and toks[ti - 1].norm in _figure_words("age", "de_after") and toks[ti - 2].norm in before:
        end = toks[j].end if j < n and toks[j].norm in _figure_words("age", "years_fr") else m.end
        return toks[ti - 2].start, end, "age.aged-de"
    if j < n and toks[j].norm in word_set(lex.lang, "years_of_age"):
        # "un homme de 26 ans", "entre 18 et 30 ans"
        after = [t.norm for t in toks[j + 1 : j + 3]]
        de_after = _figure_words("age", "de_after")
        sentence = bool(after) and (  # "quatre ans de prison", "deux ans ferme", "six ans, dont trois"
            after[0] in _figure_words("age", "term_after")
            or (after[0] in de_after and after[1:] and after[1] in _figure_words("age", "prison"))
        )
        # "un homme de 26 ans"
        of_person = ti > 1 and toks[ti - 1].norm in _figure_words("age", "person_of") and toks[ti - 2].is_word
        if of_person and not sentence and not _duration_cue(toks, ti - 2):
            return m.start, toks[j].end, "age.noun-de-n-ans"
        # "il a 26 ans", "ils ont 18 ans" (not "il y a 26 ans", which is a time ago)
        hv = ti - 1  # "il n'a que 19 ans": the "a" before the words that leave it an age
        while hv > 1 and toks[hv].norm in _figure_words("age", "avoir_then"):
            hv -= 1
        held = (  # the "a" of "il a", not the "à" of "condamné à" (both fold to "a")
            hv > 0
            and toks[hv].norm in _figure_words("age", "avoir")
            and toks[hv].text.lower() != "à"
            and toks[hv - 1].norm != "y"
            and toks[j].norm not in _figure_words("age", "years_plural")
        )
        if held and not (j + 1 < n and toks[j + 1].norm in _figure_words("age", "de_after")):  # "a 40 ans de carrière"
            return m.start, toks[j].end, "age.a-n-ans"
        if opener and m.is_range and not _duration_cue(toks, ti):
            return toks[ti].start, toks[j].end, "age.entre-n-ans"
        aside = ti > 1 and j + 1 < n and (toks[ti - 1].norm, toks[j + 1].norm) in ((",", ","), ("(", ")"))
        # or closed by the end of the sentence: "victoire de l'Éthiopienne Tigist Bekele, 29 ans."
        aside = aside or (ti > 1 and toks[ti - 1].norm == "," and (j + 1 == n or toks[j + 1].norm in _SENTENCE_ENDS))
        if aside and _one_person(toks, _before_brackets(toks, ti - 2), lex):
            return m.start, toks[j].end, "age.name-comma-n-ans"  # "Lucas Morel, 19 ans,", "le conducteur (45 ans)"
    elided = j + 1 < n and toks[j].norm in _figure_words("age", "elided_of")
    if elided and toks[j + 1].norm in word_set(lex.lang, "years_after_elision") and (
        m.is_range or m.hedge == "approx"  # "une femme d'une quarantaine d'années"
    ):
        return m.start, toks[j + 1].end, "age.d-annees"
    # "John Smith, 26, was", "Smith (26)" and "The captain, 52, was"
    if (
        ti > 1
        and toks[ti - 1].norm in (",", "(")
        and _one_person(toks, _before_brackets(toks, ti - 2) if toks[ti - 1].norm == "," else ti - 2, lex)
        and j < n
        and toks[j].norm in (",", ")")
        and not m.words
        and 1 <= m.low <= 110
    ):
        return m.start, m.end, "age.name-comma-n"
    return None


@cache
def _figure_words(*path: str) -> frozenset[str]:
    """A word list of lexicon/figures.toml: the words of the figures' surface patterns."""
    return data_words("figures", *path)


@cache
def _figure_phrases(*path: str) -> tuple[tuple[str, ...], ...]:
    """A phrase list of lexicon/figures.toml: token patterns of the figures' surface forms."""
    return data_phrases("figures", *path)


@cache
def _ratio_ends(lang: str) -> frozenset[str]:
    return frozenset(p[-1] for p in phrase_list(lang, "ratio_of"))


def _second_age(toks: list[Token], m: Mention, prev: Draft, lex: Lexicon) -> bool:
    """The figure is joined by "and" to the age just before it and counts nothing of its
    own ("aged 15 and 16," but not "aged 34 and 12 others")."""
    if m.i < 2 or m.is_range or toks[m.i - 1].norm not in word_set(lex.lang, "and"):
        return False
    if toks[m.i - 2].end != prev.end:
        return False
    if m.j >= len(toks) or not toks[m.j].is_word:
        return True
    # "15 and 16 years", "aged 71 and 74 whose car was swept away"
    after = toks[m.j].norm
    return after in _figure_words("age", "pair_end") or after in _figure_words("clause", "opens_clause")


def _decade_of_life(toks: list[Token], m: Mention, lex: Lexicon) -> int | None:
    """Where "in his 40s" or "in their twenties" starts, or None."""
    decade = (m.suffix == "s" and not m.words and m.low % 10 == 0 and 10 <= m.low <= 100) or (
        m.vague and toks[m.i].norm in word_set(lex.lang, "decades")
    )
    if not decade or m.i < 2:
        return None
    in_ = _figure_words("age", "decade_in")
    if toks[m.i - 1].norm in word_set(lex.lang, "possessives") and toks[m.i - 2].norm in in_:
        return toks[m.i - 2].start
    return None


BRACKETED_WORDS = 8  # the longest aside in brackets stepped over between a name and its age


def _before_brackets(toks: list[Token], k: int) -> int:
    """The token before a bracketed aside that ends at ``toks[k]`` ("Tobias Lindquist
    (Nordvik-Halden), 24 ans": the name's last word), or ``k`` when none ends there."""
    if k < 0 or toks[k].norm != ")":
        return k
    for b in range(k - 1, max(-1, k - BRACKETED_WORDS - 1), -1):
        if toks[b].norm == "(":
            return b - 1
        if toks[b].norm in (")", ",", ".", ";"):
            break
    return k


def _time_of_day(toks: list[Token], j: int) -> bool:
    """ "du matin", "du soir", "de l'après-midi" right after an hour."""
    parts = _figure_words("clock", "day_parts")
    return j + 1 < len(toks) and toks[j].norm in _figure_words("clock", "day_part_of") and toks[j + 1].norm in parts


_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def _age_opening(f: Figure) -> tuple[int, int, str] | None:
    """An age that opens its sentence, set apart by a comma: "À 24 ans, le coureur a gagné",
    "At 24, she became the youngest winner". Where the language has a word for years of age it
    is needed; without one, a pronoun for a person must follow ("At 30, the index" is no age)."""
    toks, m = f.toks, f.m
    if m.words or m.is_range or m.decimals or m.hedge != "exact" or not 10 <= m.low <= 110:
        return None
    at = m.i - 1
    if at != f.s0 or toks[at].norm not in word_set(f.lex.lang, "age_at_opening"):
        return None
    j = m.j
    years = j < len(toks) and toks[j].norm in word_set(f.lex.lang, "years_of_age")
    if years:
        j += 1
    elif word_set(f.lex.lang, "years_of_age"):
        return None  # "À 24, ..." is not how French gives an age
    if j >= len(toks) or toks[j].norm != ",":
        return None
    if not years and not (j + 1 < len(toks) and _a_person_opens(toks[j + 1])):
        return None
    return toks[at].start, toks[j - 1].end, "age.at-opening"


def _a_person_opens(t: Token) -> bool:
    """A pronoun for a person, or a given name of real breadth (people.is_given), as
    capitalised: "At 24, she ...", "At 24, Mara Lindqvist ..." (not "At 30, the index")."""
    return t.norm in _figure_words("age", "person_pronouns") or (t.is_cap and is_given(t.norm))


def _one_person(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """toks[k] is a name or a noun for one person, that an age between commas can follow; a
    name after an article is a party's or a team's ("the Greens (14)": its seats), unless it
    says where one person is from ("The Belgian, 24, won"). A noun for one person is one of
    ``age_nouns`` or any that names a kind of person or a role ("the deckhand, 34,")."""
    t = toks[k]
    if t.is_cap:  # "the Belgian, 24,", "le Danois, 29 ans,": a demonym is one person
        return not (k > 0 and toks[k - 1].norm in word_set(lex.lang, "determiners")) or is_demonym(t.norm)
    if t.norm == "." and k > 1 and len(toks[k - 1].text) == 1 and toks[k - 1].is_cap and toks[k - 2].is_cap:
        return glued(toks[k - 1], t)  # "Frédéric M., 53 ans": a surname cut to its initial
    return t.norm in word_set(lex.lang, "age_nouns") or bool(_holder_at(toks, k, k + 1, lex.lang))


def _duration_cue(toks: list[Token], k: int) -> bool:
    """A word of a length of time at toks[k] or up to three words before it, in its own clause
    ("condamné à 26 ans", "un mandat de cinq ans"; not "Côté enquête, un agriculteur de 58 ans")."""
    cues = _figure_words("age", "duration_cues")
    for t in reversed(toks[max(0, k - 3) : k + 1]):
        if t.norm in cues:
            return True
        if t.norm in _CLAUSE_MARKS:
            return False
    return False


_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "(", ")", "—", "–"})


def _is_year(toks: list[Token], m: Mention, lex: Lexicon) -> bool:
    if m.words or m.decimals or m.is_range or m.j != m.i + 1 or len(toks[m.i].text) != 4:
        return False
    return 1900 <= m.low <= 2100 or (1000 <= m.low < 1900 and old_year(toks, m.i, lex))  # "found in 1898"


def _is_time(toks: list[Token], m: Mention, lex: Lexicon) -> bool:
    j = m.j
    n = len(toks)
    if j < n and toks[j].norm in (":", "h") and glued(toks[j - 1], toks[j]):
        return True
    if j < n and toks[j].norm in ("a", "p") and j + 1 < n and toks[j + 1].norm == ".":
        return True
    if j < n and any(toks[j].norm in word_set(code, "time_suffixes") for code in shared_langs()):
        return toks[j].norm in word_set(lex.lang, "time_suffixes")  # "8 pm" in English, "8 h" in French
    return bool(j < n and toks[j].norm in ("o",) and j + 2 < n and toks[j + 2].norm == "clock")


def _after_month(toks: list[Token], m: Mention, lex: Lexicon) -> bool:
    k = m.i - 1
    if k >= 0 and toks[k].norm == ".":
        k -= 1
    return k >= 0 and toks[k].is_cap and toks[k].norm in lex.months


def _after_name(toks: list[Token], m: Mention, s0: int, lex: Lexicon) -> bool:
    if m.words or m.i <= s0 or m.hstart is not None:
        return False
    prev = toks[m.i - 1]
    if not prev.is_word or prev.norm in lex.stop or prev.norm in lex.months or prev.norm in lex.weekdays:
        return False
    return any(ch.isupper() for ch in prev.text) and m.i - 1 > s0


def _whole_of(toks: list[Token], m: Mention, s0: int, s1: int, lex: Lexicon) -> Subject | None:
    """"75 deputies out of 577", "12 communes sur 300": the whole counts what its part counts."""
    for p in phrase_list(lex.lang, "ratio_of"):
        k = m.i - len(p)
        if k < s0 + 2 or tuple(t.norm for t in toks[k : m.i]) != p:
            continue
        for h in range(k - 2, max(s0, k - 3) - 1, -1):  # the part: a figure, then its noun
            if toks[h].kind == "num" or toks[h].norm in lex.units:
                got = find_subject(toks, h + 1, min(s1, k), lex)
                if got.words is not None:
                    return Subject(got.words, got.concepts, m.j, False)
    return None


def _kin_of(toks: list[Token], m: Mention, s0: int, lex: Lexicon) -> Subject | None:
    """"a mother-of-three", "father-of-two": a parent's count of children, the compound as
    its subject."""
    i = m.i
    if i - 2 >= s0 and not glued(toks[i - 1], toks[i]) and toks[i - 1].norm in word_set(lex.lang, "kin_of", "of"):
        kin = toks[i - 2]  # "a father of three", "mère de quatre enfants" written apart
        # "a father of": the person's count
        one = i - 3 >= s0 and toks[i - 3].norm in _figure_words("count", "one_article")
        if one and kin.norm in word_set(lex.lang, "kin_of", "parents"):
            words = " ".join(t.text for t in toks[i - 2 : m.j])
            return Subject(words, tuple(sorted(word_set(lex.lang, "kin_of", "concepts"))), m.j, False)
    if i - 4 < s0 or not all(glued(toks[k], toks[k + 1]) for k in range(i - 4, i)):
        return None
    kin, h1, of, h2 = toks[i - 4 : i]
    if h1.norm not in ("-", "–") or h2.norm not in ("-", "–") or of.norm not in word_set(lex.lang, "kin_of", "of"):
        return None
    if kin.norm not in word_set(lex.lang, "kin_of", "parents"):
        return None
    words = "".join(t.text for t in toks[i - 4 : m.j])
    return Subject(words, tuple(sorted(word_set(lex.lang, "kin_of", "concepts"))), m.j, False)


def _in_name(toks: list[Token], m: Mention, s0: int, s1: int, lex: Lexicon) -> bool:
    """A number word with a capital inside its sentence, next to another capitalised word, is
    part of a name ("Formula One", "the Big Four", "World War Two", "the Seven Sisters"),
    unless the sentence is a title in capitals ("Police Arrest Three Men"). Alone it may be a
    writer's capital ("Roy added that Fifty-four people were injured")."""
    t = toks[m.i]
    if not m.words or not t.is_cap or m.i <= s0 or m.article:
        return False
    prev = toks[m.i - 1]
    if prev.kind == "sym" and not glued(prev, t):
        return False  # "- Three African countries", ': "Two men...': a list or a quote starts there
    nxt = toks[m.j] if m.j < s1 else None
    beside = (prev.is_cap and prev.norm not in lex.stop and prev.norm not in lex.article) or (
        nxt is not None and nxt.is_cap and nxt.norm not in lex.stop
    )
    if not beside:
        return False
    words = [x for x in toks[s0:s1] if x.kind == "word"]
    return 2 * sum(x.is_cap for x in words) < len(words) + 2  # a title has most of its words in capitals


def _numbered(toks: list[Token], m: Mention, s0: int, lex: Lexicon) -> bool:
    """Digits right after a noun they name: "la ligne 13", "gate 4", "page 12" (not a figure
    with a hedge, a range or a noun of its own after it: "line 13 people" is no line)."""
    if m.words or m.i <= s0 or m.hstart is not None or m.is_range or m.decimals:
        return False
    if toks[m.i - 1].norm in word_set(lex.lang, "classifiers"):
        return True  # "type 2 diabetes", "a category 5 hurricane": a class, whatever follows
    if toks[m.i - 1].norm not in word_set(lex.lang, "numbered"):
        return False
    k = m.j + 1 if m.suffix is not None and m.j < len(toks) and glued(toks[m.j - 1], toks[m.j]) else m.j  # "seat 23F"
    return k >= len(toks) or not toks[k].is_word or toks[k].norm in lex.stop


def _one_is_count(toks: list[Token], m: Mention, lex: Lexicon) -> bool:
    if not (m.words and m.low == 1 and m.high == 1):
        return True
    if m.i > 0 and toks[m.i - 1].norm in word_set(lex.lang, "one", "before"):
        return False
    if m.j >= len(toks):
        return True
    return not any(match_at(toks, m.j, p) for p in phrase_starts(lex.lang, "one", "after").get(toks[m.j].norm, ()))
