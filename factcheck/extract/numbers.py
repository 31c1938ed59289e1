"""Figures in text: digits with separators, number words, scale words, vague quantities,
ranges and hedges. Works on tokens so every figure keeps its character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from text_to_num import find_numbers

from .lexicon import (
    Lexicon,
    _load,
    by_first,
    concepts,
    data_words,
    hooks,
    lexicon,
    phrase_list,
    phrase_starts,
    shared_words,
    singular,
    tokenize_phrase,
    units,
    word_set,
)
from .tokens import Token, glued, indexes_of, match_at, match_before, num_indexes

_CURRENCY_SYMBOLS = frozenset({"£", "$", "€", "¥", "₹"})


@cache
def _numbers(key: str) -> frozenset[str]:
    """A word list of the [numbers] table of lexicon/figures.toml (every language at once)."""
    return data_words("figures", "numbers", key)


@cache
def _endings(key: str) -> tuple[str, ...]:
    """:func:`_numbers` as a tuple, for ``str.endswith``."""
    return tuple(sorted(_numbers(key)))


class Mention(NamedTuple):
    i: int  # first token of the figure
    j: int  # token after the figure
    start: int  # char offsets of the figure (with its range, without the hedge)
    end: int
    low: float
    high: float
    hedge: str = "exact"
    hstart: int | None = None  # start of the hedge phrase, when there is one
    words: bool = False  # written in words
    scaled: bool = False  # carries a scale word (million, bn...)
    decimals: int = 0  # digits after the decimal mark of the mantissa
    suffix: str | None = None  # glued suffix: "%", a unit, an ordinal mark
    compound: bool = False  # "19-story", "26-year-old": figure glued by a hyphen to a word
    article: bool = False  # "un"/"une"/"a"/"an": only weakly a count
    vague: bool = False
    ordinal: bool = False
    identifier: bool = False  # 3D, AK-47, COVID-19: not a claim
    bracket: bool = False  # "$(1.2)m": an accounting negative, its currency before the bracket

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Formats:
    """How a language writes figures, from the [format], [spoken], [money_scales] and
    [non_claims] tables of its numbers.toml."""

    group_marks: tuple[str, ...]  # between groups of three digits: "," / "."
    group_spaces: frozenset[str]  # spaces that may stand between groups: "25 000", "25\u202f000"
    decimal_marks: tuple[str, ...]
    minus: frozenset[str]  # a sign glued before digits: "-3%", "\u221215 €"
    plus: frozenset[str]
    spoken: frozenset[str]  # the words a number in words may hold (read by text2num)
    money_scales: dict[str, float]  # "$1.2T": scale letters that are scales only next to a currency
    non_claims: dict[str, tuple[tuple[str, ...], ...]]  # set phrases by their first token
    sentence_first: frozenset[tuple[str, ...]]  # those of them that count nothing only at a sentence start
    non_claim_len: int  # the longest set phrase, in tokens
    tens: frozenset[str]  # "twenty", "vingt", "septante": what "and"/"et" may follow inside a number
    unit_fractions: dict[str, tuple[tuple[tuple[str, ...], float], ...]]  # "half an" (hour), by first token
    minus_words: frozenset[str]  # "minus 10 degrees", "moins 10 degrés"
    about_after: frozenset[str]  # "thirty-odd": a word glued after the figure that makes it "about"
    free_scales: frozenset[str]  # scale abbreviations read with no currency near: "3.4 mln tonnes"
    four_twenties: frozenset[str] = frozenset()  # "quatre-vingts": twenty after four is eighty
    non_claim_words: frozenset[str] = frozenset()  # every token of the set phrases, and the hyphens


@cache
def formats(lang: str) -> Formats:
    lex = lexicon(lang)
    num = _load(lex.lang, "numbers.toml")
    f = num.get("format", {})
    listed = num.get("non_claims", {}).get("phrases", [])
    phrases = [tuple(tokenize_phrase(p.removeprefix("^"))) for p in listed]
    first = frozenset(tuple(tokenize_phrase(p[1:])) for p in listed if p.startswith("^"))
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted({p for p in phrases if p}, key=len, reverse=True):
        index.setdefault(p[0], []).append(p)
    spoken = set(lex.units) | set(lex.multipliers)
    spoken |= {tokenize_phrase(w)[0] for w in num.get("spoken", {}).get("words", [])}
    return Formats(
        group_marks=tuple(f.get("group_marks", [","])),
        group_spaces=frozenset(f.get("group_spaces", [" "])),
        decimal_marks=tuple(f.get("decimal_marks", ["."])),
        minus=frozenset(f.get("minus", ["-"])),
        plus=frozenset(f.get("plus", ["+"])),
        spoken=frozenset(spoken - shared_words("DOZEN", lex.lang) - {"score"}),
        money_scales={k.lower(): float(v) for k, v in num.get("money_scales", {}).items()},
        non_claims={k: tuple(v) for k, v in index.items()},
        sentence_first=first,
        non_claim_len=max((len(p) for p in phrases), default=0),
        tens=frozenset(w for w, v in lex.units.items() if 20 <= v < 100 and v % 10 == 0),
        unit_fractions=by_first(
            {tuple(tokenize_phrase(k)): float(v) for k, v in num.get("unit_fractions", {}).items()}
        ),
        minus_words=frozenset(f.get("minus_words", [])),
        about_after=frozenset(f.get("about_after", [])),
        free_scales=frozenset(f.get("free_scales", [])),
        four_twenties=frozenset(f.get("four_twenties", [])),
        # a token inside a phrase match_at finds is one of its tokens or a hyphen it skips
        non_claim_words=frozenset(w for p in phrases for w in p) | {"-", "–"},
    )


def in_set_phrase(toks: list[Token], i: int, j: int, lang: str) -> bool:
    """Tokens [i, j) lie inside a set phrase of the language that counts nothing ("One
    minute, please", "one cannot know", "on the one hand", "une seconde !")."""
    fm = formats(lang)
    if j > i and toks[i].norm not in fm.non_claim_words:
        return False  # no set phrase holds toks[i]: none can hold tokens [i, j)
    for k in range(max(0, i - fm.non_claim_len + 1), i + 1):
        for p in fm.non_claims.get(toks[k].norm, ()):
            n = match_at(toks, k, p)
            if n and k + n >= j and not _goes_on(toks, k + n, p, fm):
                if p in fm.sentence_first and not (k == 0 or toks[k - 1].norm in _SENTENCE_ENDS):
                    continue
                return True
    return False


_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "\"", "«", "»", "\u201c", "\u201d", "(", "-", "\u2014"})


def _goes_on(toks: list[Token], k: int, phrase: tuple[str, ...], fm: Formats) -> bool:
    """A set phrase that ends on a number word is a figure after all when the number goes on
    or its unit follows: "number one" is none, "number one million" is one."""
    if phrase[-1] not in fm.spoken or k >= len(toks):
        return False
    w = toks[k].norm
    u = units()
    return w in fm.spoken or w in u["time"] or w in u["measure"]


def find_mentions(text: str, toks: list[Token], lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    starts = _word_starts(lex.lang)
    half_starts = phrase_starts(lex.lang, "and_a_half")
    # the tokens a figure can start at, found in one pass; a figure found skips those it spans
    after = 0
    for i in sorted(num_indexes(toks) + [k for k in indexes_of(toks, starts) if toks[k].is_word]):
        if i < after:
            continue
        m = _digits(text, toks, i, lex) if toks[i].kind == "num" else _words(toks, i, lex)
        if m is not None:
            if m.j < len(toks) and toks[m.j].norm in half_starts:
                m = _and_a_half(toks, m, lex)
            elif m.j + 1 < len(toks) and toks[m.j].norm in _HYPHENS and toks[m.j + 1].norm in half_starts:
                m = _and_a_half(toks, m._replace(compound=False), lex, hyphens=True)  # "two-and-a-half"
            after = max(m.j, i + 1)
            if in_set_phrase(toks, m.i, m.j, lex.lang):
                continue  # "one cannot know", "une seconde !": a set phrase, no figure
            m = _odd(toks, m, lex)
            out.append(m)
    run = _run_ordinals(toks, lex, out)
    if run:
        out = sorted(out + run, key=lambda m: m.i)
    out = _ranges(toks, out, lex)
    return [_hedge(text, toks, m, lex) for m in out]


STREAK_NOUN_WORDS = 2  # the nouns between an ordinal and the words of a run: "fifth home win in a row"


class Streak(NamedTuple):
    """The words that make an ordinal the length of a run, as token indexes."""

    noun: int  # the first word of what the run is of ("win", "victoire")
    end: int  # past the last word of the run


@cache
def _streak_marks(lang: str) -> frozenset[str]:
    """The words a run's words can start with: where :func:`_run_ordinals` looks for ordinals."""
    return word_set(lang, "streak_before_noun") | frozenset(phrase_starts(lang, "streak_after_noun"))


def streak_after(toks: list[Token], j: int, lang: str) -> Streak | None:
    """The words after an ordinal ending at token ``j`` that make it the length of a run:
    "fifth straight win", "fifth win in a row", "cinquième victoire consécutive", "quatrième
    succès de rang" (words.toml ``streak_before_noun``, ``streak_after_noun``)."""
    n = len(toks)
    if j + 1 < n and toks[j].norm in word_set(lang, "streak_before_noun") and toks[j + 1].is_word:
        return Streak(j + 1, j + 2)
    after = phrase_starts(lang, "streak_after_noun")
    for k in range(j + 1, min(n, j + 1 + STREAK_NOUN_WORDS)):
        if not toks[k - 1].is_word:
            return None
        for phrase in after.get(toks[k].norm, ()):
            got = match_at(toks, k, phrase)
            if got:
                return Streak(j, k + got)
    return None


def _run_ordinals(toks: list[Token], lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """Ordinals in words that give the length of a run ("their fifth straight win", "la
    cinquième victoire consécutive"): mentions, ordinal (other ordinals in words are read as
    no figure). text2num reads the ordinal word, in all its forms."""
    code = hooks(lex.lang).TEXT2NUM
    at = indexes_of(toks, _streak_marks(lex.lang))
    if code is None or not at:
        return []
    taken = {k for m in found for k in range(m.i, m.j)}
    out: list[Mention] = []
    for k in at:
        for c in range(max(0, k - 1 - STREAK_NOUN_WORDS), k):
            t = toks[c]
            if c in taken or not t.is_word or (out and out[-1].i == c):
                continue
            occ = find_numbers([_Word(t.text.lower())], code, 0.0)
            if not occ or not occ[0].is_ordinal or streak_after(toks, c + 1, lex.lang) is None:
                continue
            value = float(occ[0].value)
            out.append(Mention(i=c, j=c + 1, start=t.start, end=t.end, low=value, high=value, words=True, ordinal=True))
            break
    return out


def _after_change(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """The figure at toks[i] says by how much something changed: "fell by (more than) a
    quarter", "a baissé d'un quart"."""
    h = hedge_before(toks, i, lex)
    k = i - (h[0] if h else 0) - 1
    return k >= 0 and toks[k].norm in word_set(lex.lang, "change_by")


def _odd(toks: list[Token], m: Mention, lex: Lexicon) -> Mention:
    """ "thirty-odd", "40-odd": about the figure ([format] about_after of numbers.toml)."""
    j = m.j
    if (
        j + 1 < len(toks)
        and m.compound
        and not m.is_range
        and toks[j].norm in _HYPHENS
        and toks[j + 1].norm in formats(lex.lang).about_after
        and glued(toks[j], toks[j + 1])
    ):
        compound = j + 3 < len(toks) and toks[j + 2].norm in _HYPHENS and glued(toks[j + 1], toks[j + 2])
        compound = compound and toks[j + 3].is_word  # "a 20-odd-year career"
        return m._replace(j=j + 2, end=toks[j + 1].end, hedge="about", compound=compound)
    return m


def _and_a_half(toks: list[Token], m: Mention, lex: Lexicon, *, hyphens: bool = False) -> Mention:
    """A half more: "three and a half (million)", "2 and a half years", "deux millions et
    demi" (half of the scale word just said); with ``hyphens``, "two-and-a-half"."""
    if m.is_range or m.suffix or m.vague or m.article or m.identifier or m.j >= len(toks):
        return m
    at = m.j + 1 if hyphens else m.j
    for phrase in phrase_starts(lex.lang, "and_a_half").get(toks[at].norm, ()):
        k = match_at(toks, at, phrase, loose_hyphen=hyphens)
        if k != (2 * len(phrase) - 1 if hyphens else len(phrase)):
            continue
        j = at + k
        scale = lex.multipliers.get(toks[m.j - 1].norm, 0.0)
        if scale >= 1000:  # "deux millions et demi": the half is of a million
            value = m.low + 0.5 * scale
        else:
            value = m.low + 0.5
            scale = lex.multipliers.get(toks[j].norm, 0.0) if j < len(toks) else 0.0
            if scale >= 1000:  # "three and a half million"
                value *= scale
                j += 1
        compound = (  # "a two-and-a-half-year sentence": the unit after a hyphen
            hyphens
            and j + 1 < len(toks)
            and toks[j].norm in _HYPHENS
            and glued(toks[j - 1], toks[j])
            and glued(toks[j], toks[j + 1])
            and toks[j + 1].is_word
        )
        return m._replace(
            j=j, end=toks[j - 1].end, low=value, high=value, scaled=m.scaled or scale >= 1e6, compound=compound
        )
    return m


# ---- digits -------------------------------------------------------------------------


def _digits(text: str, toks: list[Token], i: int, lex: Lexicon) -> Mention:
    """A figure in digits starting at toks[i]: its value (groups, decimals, a fraction
    after), whether it is an identifier, and what is glued to it or follows it (a sign, a
    unit, a scale word, a bracket)."""
    fm = formats(lex.lang)
    m, intpart, frac = _digit_run(text, toks, i, fm)
    j = m.j
    if j == i + 1 and len(intpart) >= 5 and not frac:
        return m._replace(identifier=True)  # "train 13174", a reference number: counts take separators
    if _in_date_chain(text, toks, i, j):
        return m._replace(identifier=True)  # "2024-06-17", "17/06/2024"
    if _clock_minutes(text, toks, i, j):
        return m._replace(identifier=True)  # the minutes of "14:30", "14 h 30": a time of day
    if i > 0 and glued(toks[i - 1], toks[i]):
        if _named_before(toks, i):
            return m._replace(identifier=True)
        m = _signed(toks, m, fm)
    if j < len(toks) and glued(toks[j - 1], toks[j]):
        got = _glued_after(toks, m, i, j, lex, fm)
        if got is not None:
            return got
    return _scale_after(text, toks, m, i, j, lex, fm)


def _digit_run(text: str, toks: list[Token], i: int, fm: Formats) -> tuple[Mention, str, str]:
    """The digits from toks[i] on, with their group separators, decimals and a fraction
    after: the figure, its integer digits and its decimal digits."""
    n = len(toks)
    j = i + 1
    intpart = toks[i].text
    frac = ""
    while len(intpart) < 16:
        if (
            j < n
            and len(toks[i].text) <= 3  # "en 2023 150 personnes" is a year, then a count
            and toks[j].kind == "num"
            and len(toks[j].text) == 3
            and text[toks[j - 1].end : toks[j].start] in fm.group_spaces
        ):
            intpart += toks[j].text  # "1 000", "12 500": a space between groups of three
            j += 1
        elif _joined(toks, j, fm.group_marks, group=True) or (
            len(toks[i].text) <= 3 and _joined(toks, j, ("",), group=True)  # "1\u200b000": an invisible run
        ):
            intpart += toks[j + 1].text  # "1,000" / "1.500"
            j += 2
        else:
            break
    if _joined(toks, j, fm.decimal_marks, group=False):
        frac = toks[j + 1].text  # "1.5" / "1,5" ("4,5 million" in English: no group of three)
        j += 2
    value = float(f"{intpart}.{frac}" if frac else intpart)
    if not frac:
        part = _fraction_after(text, toks, j)  # "4 1/2 years", "2½ hours"
        if part is not None:
            value, j = value + part[0], part[1]
    start, end = toks[i].start, toks[j - 1].end
    return Mention(i=i, j=j, start=start, end=end, low=value, high=value, decimals=len(frac)), intpart, frac


def _named_before(toks: list[Token], i: int) -> bool:
    """What stands glued before the digits makes them part of a name: AK-47, G7, COVID-19,
    #3, "the 1990-91 side", "la saison 2023-24"."""
    prev = toks[i - 1]
    if (
        prev.kind == "word"
        or prev.norm in ("#", "/", "_")
        or (prev.norm in ("-", "–") and i > 1 and glued(toks[i - 2], prev) and toks[i - 2].kind == "word")
    ):
        return True
    return prev.norm in _HYPHENS and i > 1 and glued(toks[i - 2], prev) and _season(toks[i - 2], toks[i])


def _glued_after(toks: list[Token], m: Mention, i: int, j: int, lex: Lexicon, fm: Formats) -> Mention | None:
    """What is glued after the digits ending at toks[j]: a word (a scale, an ordinal
    suffix, a unit or an identifier's letter), "%", the hyphen of "19-story", a closing
    bracket; None for anything else."""
    nxt = toks[j]
    if nxt.kind == "word":
        return _glued_word(toks, m, i, j, lex, fm)
    if nxt.norm == "%":
        return m._replace(suffix="%")
    if nxt.norm in ("-", "–") and j + 1 < len(toks) and toks[j + 1].kind == "word" and glued(nxt, toks[j + 1]):
        return m._replace(compound=True)
    if nxt.norm == ")":
        return _bracket(toks, m, lex)
    return None


def _glued_word(toks: list[Token], m: Mention, i: int, j: int, lex: Lexicon, fm: Formats) -> Mention:
    nxt = toks[j]
    w = nxt.norm
    money = _currency_at(toks, i - 1) or _currency_at(toks, j + 1)
    money = money or (i > 1 and toks[i - 1].norm == "(" and _currency_at(toks, i - 2))  # "£(1.4m)"
    f = fm.money_scales.get(w, 0.0) if money else 0.0
    f = f or lex.scale_suffixes.get(w, 0.0)  # "$1.2T" and "€3b" by a currency; "45k", "£54m"
    if f and w in units()["measure"] and not money and not _counted_after(toks, j + 1, lex):
        f = 0.0  # "he swam 400m", "a 100m sprint": metres; "54m people" are millions
    if f:
        m = m._replace(j=j + 1, end=nxt.end, low=m.low * f, high=m.high * f, scaled=True)
        return _bracket(toks, m, lex)
    if w in _numbers("ordinal_suffixes"):
        return m._replace(j=j + 1, end=nxt.end, ordinal=True, suffix=w)
    if len(nxt.text) == 1 and nxt.text.isupper():  # 5G, 3D, 4K; "1.5L", "1.55C": units
        unit = units()["capital_units"].get(nxt.text)
        return m._replace(suffix=unit) if unit else m._replace(identifier=True)
    return m._replace(suffix=w)  # a glued unit ("9mm", "11am") or an identifier ("3D")


def _scale_after(text: str, toks: list[Token], m: Mention, i: int, j: int, lex: Lexicon, fm: Formats) -> Mention:
    """A scale word after a space: "1.5 million", "3,5 millions", "5 thousand"; an
    abbreviated one next to a currency: "2,3 Md€", "450 M€", "2,3 Mds d'euros", "$2.3 bn"
    (a lone "m" elsewhere is metres)."""
    n = len(toks)
    if j < n and toks[j].kind == "word" and lex.multipliers.get(toks[j].norm, 0) >= 1000:
        f = lex.multipliers[toks[j].norm]
        m = m._replace(j=j + 1, end=toks[j].end, low=m.low * f, high=m.high * f, scaled=f >= 1e6)
        return _bracket(toks, _scale_compound(text, toks, m, f, lex), lex)
    if j < n and toks[j].kind == "word" and lex.scale_suffixes.get(toks[j].norm, 0) >= 1e6:
        w = toks[j].norm
        near = _currency_at(toks, j + 1) or (len(w) > 1 and i > 0 and _currency_at(toks, i - 1))
        if near or w in fm.free_scales:  # "3.4 mln tonnes"
            f = lex.scale_suffixes[w]
            return m._replace(j=j + 1, end=toks[j].end, low=m.low * f, high=m.high * f, scaled=True)
    return m


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}


def _fraction_after(text: str, toks: list[Token], j: int) -> tuple[float, int] | None:
    """A fraction that ends a whole number: "4 1/2" (a space, then n/d with n < d) or "2½"
    (a vulgar fraction glued on): (its value, the token after it)."""
    n = len(toks)
    if j >= n:
        return None
    t = toks[j]
    if t.text in _VULGAR and glued(toks[j - 1], t):
        return _VULGAR[t.text], j + 1
    if (
        j + 2 < n
        and t.kind == "num"
        and text[toks[j - 1].end : t.start] == " "
        and toks[j + 1].norm == "/"
        and toks[j + 2].kind == "num"
        and glued(t, toks[j + 1])
        and glued(toks[j + 1], toks[j + 2])
        and len(t.text) <= 2  # int() of a 5,000-digit run raises
        and len(toks[j + 2].text) <= 2
        and 0 < int(t.text) < int(toks[j + 2].text) <= 16
        and not (j + 3 < n and toks[j + 3].norm == "/" and glued(toks[j + 2], toks[j + 3]))  # no date "1/2/2024"
    ):
        return int(t.text) / int(toks[j + 2].text), j + 3
    return None


def _season(year: Token, t: Token) -> bool:
    """``t`` is the two-digit end of a span of years after ``year``: "1990-91", "2023-24"."""
    return (
        year.kind == "num"
        and len(year.text) == 4
        and 1800 <= int(year.text) <= 2100
        and len(t.text) == 2
        and int(t.text) == (int(year.text) + 1) % 100
    )


def _counted_after(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """toks[k] is a noun of something counted: a known one ("people", "voters") or a plural
    that no measure takes ("3m viewers", not "the 400m hurdles")."""
    if k >= len(toks) or toks[k].kind != "word":
        return False
    w = toks[k].norm
    words = concepts(lex.lang).subject_words
    if w in words or singular(w) in words:
        return True
    return w.endswith("s") and len(w) > 3 and w not in word_set(lex.lang, "metres_after")


def _signed(toks: list[Token], m: Mention, fm: Formats) -> Mention:
    """A sign glued before the figure and after a space or an opening bracket: "-3%",
    "\u221215 €", "+2.5%" (not the hyphen of "2020-21" or "COVID-19")."""
    i = m.i
    sign = toks[i - 1].norm
    if sign not in fm.minus and sign not in fm.plus:
        return m
    if i > 1 and glued(toks[i - 2], toks[i - 1]) and toks[i - 2].norm not in ("(", "[", "/", ":"):
        return m
    if sign in fm.plus:
        return m._replace(start=toks[i - 1].start)
    return m._replace(start=toks[i - 1].start, low=-m.high, high=-m.low)


def _bracket(toks: list[Token], m: Mention, lex: Lexicon) -> Mention:
    """An accounting negative: a figure in brackets right after a currency symbol, "$(1.2)m",
    "€(3,400)": the figure is below zero and its span holds the brackets."""
    i, j = m.i, m.j
    if not (
        i > 1
        and j < len(toks)
        and toks[i - 1].norm == "("
        and toks[j].norm == ")"
        and glued(toks[i - 2], toks[i - 1])
        and glued(toks[i - 1], toks[i])
        and glued(toks[j - 1], toks[j])
        and toks[i - 2].text.lower() in units()["currency"]["symbols"]
        and m.low >= 0
    ):
        return m
    m = m._replace(start=toks[i - 1].start, end=toks[j].end, j=j + 1, low=-m.high, high=-m.low, bracket=True)
    k = j + 1  # "$(2.5) million"
    if k < len(toks) and not m.scaled and lex.multipliers.get(toks[k].norm, 0) >= 1e6:
        f = lex.multipliers[toks[k].norm]
        m = m._replace(j=k + 1, end=toks[k].end, low=m.low * f, high=m.high * f, scaled=True)
    return m


def _clock_minutes(text: str, toks: list[Token], i: int, j: int) -> bool:
    """The figure is the minutes of a time of day: "14:30", "9:05", "14h30", "14 h 30"."""
    if j != i + 1 or len(toks[i].text) != 2 or int(toks[i].text) > 59 or i < 2:
        return False
    sep, hour = toks[i - 1], toks[i - 2]
    if hour.kind != "num" or len(hour.text) > 2 or int(hour.text) > 24:
        return False
    if sep.norm == ":":
        return glued(hour, sep) and glued(sep, toks[i])
    if sep.norm == "m" and hour.text in ("1", "2"):  # the centimetres of a height: "1m80", "1 m 80"
        nxt = toks[j].norm if j < len(toks) else ""
        if nxt in units()["measure"] or nxt in data_words("figures", "count", "times_words"):
            return False  # "2 m 50 cm", "2 m 10 times"
        return text[hour.end : sep.start] in ("", " ") and text[sep.end : toks[i].start] in ("", " ")
    if sep.norm == "h":
        return text[hour.end : sep.start] in ("", " ", "\u00a0", "\u202f") and text[sep.end : toks[i].start] in (
            "",
            " ",
            "\u00a0",
            "\u202f",
        )
    return False


def _scale_compound(text: str, toks: list[Token], m: Mention, scale: float, lex: Lexicon) -> Mention:
    """A figure told in digits and scale words, the larger first: "6 million 314 thousand",
    "28 million 870 thousand 328", "2 millions 500 000"."""
    j = m.j
    if m.decimals or j >= len(toks) or toks[j].kind != "num" or text[toks[j - 1].end : toks[j].start] != " ":
        return m
    sub = _digits(text, toks, j, lex)
    if sub.identifier or sub.ordinal or sub.suffix or sub.compound or sub.decimals or sub.is_range:
        return m
    if not 1 <= sub.low < scale:
        return m
    if toks[sub.j - 1].kind == "num":  # no scale word of its own
        grouped = sub.j > j + 1  # "2 millions 500 000"
        if not (scale == 1000 and not grouped or grouped and sub.low * 1000 >= scale):
            return m  # "2 million 500" is no 2,000,500; a bare "328" follows only "thousand"
    return m._replace(j=sub.j, end=sub.end, low=m.low + sub.low, high=m.high + sub.low)


def _currency_at(toks: list[Token], k: int) -> bool:
    """A currency symbol, code or word starts at toks[k] ("€", "EUR", "d'euros")."""
    if not 0 <= k < len(toks):
        return False
    cur = units()["currency"]
    t = toks[k]
    if t.text.lower() in cur["symbols"] or t.norm in cur["codes"] or t.norm in cur["words"]:
        return True
    return k + 1 < len(toks) and (t.norm + toks[k + 1].norm) in cur["words"]


# ---- words ----------------------------------------------------------------------------


def _joined(toks: list[Token], j: int, seps: tuple[str, ...], *, group: bool) -> bool:
    """toks[j] is a separator glued between digits and more digits (a group of three when
    ``group``): the figure goes on."""
    return (
        0 < j < len(toks) - 1
        and toks[j].norm in seps
        and toks[j + 1].kind == "num"
        and (not group or len(toks[j + 1].text) == 3)
        and glued(toks[j - 1], toks[j])
        and glued(toks[j], toks[j + 1])
    )


def _in_date_chain(text: str, toks: list[Token], i: int, j: int) -> bool:
    """Part of a numeric date: digits glued to '-' or '/' glued to more digits, three in a row."""
    k0, k1 = i, j
    count = 1
    while (
        k0 >= 2
        and toks[k0 - 1].norm in ("-", "/", ".")
        and toks[k0 - 2].kind == "num"
        and glued(toks[k0 - 2], toks[k0 - 1])
        and glued(toks[k0 - 1], toks[k0])
    ):
        k0 -= 2
        count += 1
    while (
        k1 + 1 < len(toks)
        and toks[k1].norm in ("-", "/")
        and toks[k1 + 1].kind == "num"
        and glued(toks[k1 - 1], toks[k1])
        and glued(toks[k1], toks[k1 + 1])
    ):
        k1 += 2
        count += 1
    return count >= 3


def _words(toks: list[Token], i: int, lex: Lexicon) -> Mention | None:
    """A figure in words starting at toks[i]: a share of a unit ("half an hour"), a vague
    quantity or a fraction ("dozens", "two-thirds"), an approximate one ("une trentaine") or
    spelled numerals ("twenty-six", "a hundred", "deux millions"), tried in this order."""
    t = toks[i]
    if t.norm not in _word_starts(lex.lang):
        return None
    got = _unit_fraction(toks, i, lex)
    if got is None:
        got = _vague_or_fraction(toks, i, lex)
    if got is not None:
        return got
    if t.norm in _numbers("percent_cent") and i > 1 and toks[i - 1].norm in _numbers("percent_pour"):
        before = toks[i - 2]
        if before.kind == "num" or before.norm in lex.units or before.norm in lex.multipliers:
            return None  # the "cent" of "quatre-vingt-dix-neuf pour cent"
    got = _approximate(toks, i, lex)
    return got if got is not None else _spelled(toks, i, lex)


def _unit_fraction(toks: list[Token], i: int, lex: Lexicon) -> Mention | None:
    """A share of the unit after it: "half an hour", "un quart d'heure", "une demi-heure"."""
    t = toks[i]
    for phrase, share in formats(lex.lang).unit_fractions.get(t.norm, ()):
        k = match_at(toks, i, phrase)
        if k and i + k < len(toks) and _unit_word(toks, i + k):
            hyphen = toks[i + k].norm in _HYPHENS  # "une demi-heure": the unit after the hyphen
            return Mention(i=i, j=i + k, start=t.start, end=toks[i + k - 1].end, low=share, high=share, words=True,
                           decimals=2, compound=hyphen)
        if k and i + k + 1 < len(toks) and toks[i + k].norm in _HYPHENS and _point_word(toks, i + k + 1, lex):
            # "d'un demi-point": a share of a percentage point, read as a fraction before "point"
            return Mention(i=i, j=i + k + 1, start=t.start, end=toks[i + k - 1].end, low=100 * share,
                           high=100 * share, words=True, decimals=2, suffix="%")
    return None


def _point_word(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """toks[k] is "point" glued after a hyphen ("demi-point"): words.toml share_points."""
    return glued(toks[k - 1], toks[k]) and toks[k].norm in word_set(lex.lang, "share_points")


def _vague_or_fraction(toks: list[Token], i: int, lex: Lexicon) -> Mention | None:
    """Vague quantities and fractions: "dozens", "des dizaines", "half a dozen", "two-thirds"."""
    t = toks[i]
    nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
    for table, vague in ((lex.vague_index, True), (lex.fraction_index, False)):
        for phrase, val in table.get(t.norm, ()):  # type: ignore[attr-defined]
            if len(phrase) > 1 and nxt != phrase[1] and nxt not in ("-", "–"):
                continue  # most "a" start no "a few dozen" (a hyphen may stand between words)
            k = match_at(toks, i, phrase)
            of_whole = i + k < len(toks) and toks[i + k].norm in _numbers("of_whole")
            # "half the residents", "half its value": a determiner says a share of a whole too
            of_whole = of_whole or (i + k < len(toks) and toks[i + k].norm in word_set(lex.lang, "determiners"))
            if k and not vague and not of_whole and not _after_change(toks, i, lex):
                continue  # "two-thirds of", "fell by a quarter", not "a Quarter Pounder"
            if k and not vague and i + k < len(toks) and toks[i + k].norm in _numbers("fraction_of_one"):
                continue  # "by half a point": half of one thing, no share of a whole
            if k and not vague and i > 0 and toks[i - 1].norm in _numbers("period_ordinals"):
                continue  # "the first half of 2027", "the second quarter": a part of a period
            if k:
                lo, hi = val if isinstance(val, tuple) else (val, val)
                loose = vague and lo == hi  # "half a dozen", "une demi-douzaine": about one figure
                return Mention(
                    i=i,
                    j=i + k,
                    start=t.start,
                    end=toks[i + k - 1].end,
                    low=lo,
                    high=hi,
                    words=True,
                    vague=vague and not loose,
                    hedge="approx" if loose else "vague" if vague else "exact",
                    suffix="%" if not vague else None,
                )
    return None


def _approximate(toks: list[Token], i: int, lex: Lexicon) -> Mention | None:
    """ "une trentaine", "une dizaine", "centaines"."""
    t = toks[i]
    articles = shared_words("APPROX_ARTICLES", lex.lang)
    if t.norm in articles and i + 1 < len(toks) and toks[i + 1].norm in lex.approximate:
        v = lex.approximate[toks[i + 1].norm]
        return Mention(i=i, j=i + 2, start=t.start, end=toks[i + 1].end, low=v, high=v, hedge="approx", words=True)
    if t.norm in lex.approximate and t.norm not in lex.units:
        v = lex.approximate[t.norm]
        return Mention(i=i, j=i + 1, start=t.start, end=t.end, low=v, high=v, hedge="approx", words=True)
    return None


def _spelled(toks: list[Token], i: int, lex: Lexicon) -> Mention | None:
    """Numerals in words: "twenty-six", "a hundred", "deux millions", "quatre-vingts"; "a"
    or "un" before a plain noun is a weak one ("a child was hospitalized")."""
    n = len(toks)
    t = toks[i]
    start_i = i
    article = False
    if t.norm in lex.article:
        if i + 1 < n and (toks[i + 1].norm in lex.multipliers or toks[i + 1].norm in _numbers("dozen")):
            article = True
        elif i + 1 < n and toks[i + 1].is_word and not toks[i + 1].is_cap:
            # "a child was hospitalized": one, but only by its article (weak evidence)
            return Mention(i=i, j=i + 1, start=t.start, end=t.end, low=1, high=1, words=True, article=True)
        else:
            return None
    elif t.norm not in lex.units and t.norm not in lex.multipliers:
        return None
    last, value, seen = _word_run(toks, i + 1 if article else i, lex, article=article)
    if not seen or last == start_i:
        return None
    decimals = 0
    spoken = _spoken(toks, i, lex)
    if spoken is not None and spoken[0] >= last:
        # text2num read as far or further: "eighty thousands", "three point five", "trente-et-un"
        last, value, decimals, ordinal = spoken
        if ordinal:
            return Mention(i=start_i, j=last, start=toks[start_i].start, end=toks[last - 1].end, low=value,
                           high=value, words=True, ordinal=True)
    compound = (
        last + 1 < n
        and toks[last].norm in ("-", "–")
        and glued(toks[last - 1], toks[last])
        and glued(toks[last], toks[last + 1])
        and toks[last + 1].is_word
    )  # "three-day"
    words_used = [x.norm for x in toks[start_i:last]]
    weak = (not article) and len(words_used) == 1 and words_used[0] in shared_words("WEAK_ONE", lex.lang)
    scaled = any(lex.multipliers.get(w, 0) >= 1e6 for w in words_used)
    return Mention(
        i=start_i,
        j=last,
        start=toks[start_i].start,
        end=toks[last - 1].end,
        low=value,
        high=value,
        words=True,
        scaled=scaled,
        article=weak and hooks(lex.lang).ONE_IS_ARTICLE,
        compound=compound,
        decimals=decimals,
    )


def _word_run(toks: list[Token], j: int, lex: Lexicon, *, article: bool) -> tuple[int, float, bool]:
    """Number words from toks[j] on, added up: (the token after the last, the value, whether
    any was read). ``article``: an "a" before them stands for one ("a hundred")."""
    n = len(toks)
    total = 0.0
    current = 1.0 if article else 0.0
    seen = article
    last = j
    while j < n:
        w = toks[j].norm
        undo = total, current
        if w in lex.units:
            if w in formats(lex.lang).four_twenties and current == 4:
                current = 80
            elif w in shared_words("DOZEN", lex.lang):
                current = current * 12 if current else 12
            else:
                current += lex.units[w]
        elif w in lex.multipliers:
            f = lex.multipliers[w]
            if current == 0:
                current = 1
            if f == 100:
                current *= 100
            else:
                total += current * f
                current = 0
        elif seen and _joins(toks, j, lex):
            j += 1
            continue
        else:
            break
        if total + current > _WORDS_MAX:  # "hundred hundred hundred...", "dozen dozen...": the run
            total, current = undo  # ends before the word that takes it past the bound, no overflow
            break
        seen = True
        j += 1
        last = j
    return last, total + current, seen


def _joins(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """toks[j] joins two number words of one figure: the hyphen of "twenty-six", the "and"
    of "a hundred and five" (not of "twenty and thirty")."""
    n = len(toks)
    w = toks[j].norm
    return (
        w in ("-", "–")
        and j + 1 < n
        and glued(toks[j - 1], toks[j])
        and glued(toks[j], toks[j + 1])
        and (toks[j + 1].norm in lex.units or toks[j + 1].norm in lex.multipliers)
        or w in lex.joiners
        and j + 1 < n
        and (toks[j + 1].norm in lex.units)
        and (toks[j - 1].norm in lex.multipliers or toks[j - 1].norm in _numbers("tens"))
        and not _second_number(toks, j, lex)
    )


class _Word:
    """A token as text2num reads it."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


_HYPHENS = ("-", "\u2013")
_WORDS_MAX = 1e24  # no run of number words says more ("mille milliards de milliards" is 10^21)


def _spoken(toks: list[Token], i: int, lex: Lexicon) -> tuple[int, float, int, bool] | None:
    """The number in words that text2num reads from toks[i]: (the token after it, its value,
    its digits after a spoken decimal, whether it is an ordinal), or None. The run handed to
    text2num holds number words, hyphens between them and "and"/"et" where it joins a number
    ("one hundred and five", "vingt et un", not "one thousand and fifteen hundred")."""
    code = hooks(lex.lang).TEXT2NUM
    if code is None:
        return None
    fm = formats(lex.lang)
    n = len(toks)
    k = i
    while k < n and k - i < 40:
        t = toks[k]
        w = t.norm
        if t.kind == "word" and w in fm.spoken:
            k += 1
            continue
        if k == i or k + 1 >= n:
            break
        prev, nxt = toks[k - 1], toks[k + 1]
        if w in _HYPHENS and glued(prev, t) and glued(t, nxt) and nxt.is_word:
            if nxt.norm in fm.spoken or nxt.norm in lex.joiners:
                k += 1
                continue
            if nxt.norm.endswith(_endings("ordinal_ends")):  # "twenty-first", "vingt-et-unième"
                k += 2
            break
        if w.endswith(_endings("ordinal_ends")):  # "one hundredth": text2num says whether it is an ordinal
            k += 1
            break
        if (
            w in lex.joiners
            and (nxt.norm in fm.spoken or nxt.norm in _HYPHENS)
            and (prev.norm in lex.multipliers or prev.norm in fm.tens or prev.norm in _HYPHENS)
            and not _second_number(toks, k, lex)
        ):
            k += 1
            continue
        break
    if k == i:
        return None
    occ = find_numbers([_Word(t.text.lower() if t.kind == "word" else "-") for t in toks[i:k]], code, 0.0)
    if not occ or occ[0].start != 0:
        return None
    o = occ[0]
    digits = str(o.text)
    mark = "," if "," in digits else "." if "." in digits else ""
    decimals = len(digits.split(mark, 1)[1]) if mark else 0
    end, value = i + int(o.end), float(o.value)
    last = lex.multipliers.get(toks[end - 1].norm, 0.0)
    if decimals and last >= 1000:
        # "deux virgule cinq millions": text2num reads '2,5000000' as 2.5; the scale is ours to apply
        value *= last
        decimals = max(0, decimals - len(str(int(last))) + 1)
    elif decimals and end < n and lex.multipliers.get(toks[end].norm, 0) >= 1000:
        value *= lex.multipliers[toks[end].norm]  # "two point five million": text2num stops at the scale
        end += 1
    return end, value, decimals, bool(o.is_ordinal)


def _unit_word(toks: list[Token], k: int) -> bool:
    """toks[k] (or the word after a hyphen there) is a unit of time or measure."""
    if toks[k].norm in _HYPHENS and k + 1 < len(toks) and glued(toks[k], toks[k + 1]):
        k += 1  # "une demi-heure"
    u = units()
    return toks[k].norm in u["time"] or toks[k].norm in u["measure"]


@cache
def _word_starts(lang: str) -> frozenset[str]:
    """Words a figure in words can start with: number words, articles, vague quantities."""
    lex = lexicon(lang)
    return (
        frozenset(lex.units)
        | frozenset(lex.multipliers)
        | frozenset(lex.approximate)
        | lex.article
        | frozenset(lex.vague_index)
        | frozenset(lex.fraction_index)
        | frozenset(formats(lang).unit_fractions)
        | _numbers("indefinite")
    )


def _second_number(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """ "one thousand and fifteen hundred": the 'and' at toks[j] starts a second number, whose
    scale word is no larger than the one before the 'and' ("three hundred and ten million" is
    one number)."""
    k = j + 1
    while k < len(toks) and (toks[k].norm in lex.units or toks[k].norm in ("-", "–")):
        k += 1
    if k >= len(toks) or toks[k].norm not in lex.multipliers:
        return False
    return lex.multipliers[toks[k].norm] <= lex.multipliers.get(toks[j - 1].norm, 0.0)


# ---- ranges and hedges ------------------------------------------------------------------



def _ranges(toks: list[Token], ms: list[Mention], lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    k = 0
    joins = word_set(lex.lang, "range_join")
    while k < len(ms):
        a = ms[k]
        if k + 1 < len(ms) and not a.identifier and not a.ordinal:
            b = ms[k + 1]
            gap = toks[a.j : b.i]
            hedge_b = _hedge_len_before(toks, b.i, lex)
            core = gap[: len(gap) - hedge_b] if hedge_b else gap
            if len(core) == 2 and core[0].norm in _numbers("time_words"):  # "entre 18 ans et 30 ans"
                core = core[1:]
            elif len(core) == 2 and b.j < len(toks) and core[0].norm == toks[b.j].norm in units()["measure"]:
                core = core[1:]  # "5 km to 10 km": the unit said twice
            if len(core) == 2 and a.suffix and b.suffix == a.suffix and core[0].norm == a.suffix:
                core = core[1:]  # "300p to 340p": the first figure's glued unit said again
            if len(core) == 2 and core[1].kind == "sym" and core[1].text in _CURRENCY_SYMBOLS:
                core = core[:1]  # "from €1,000 to €1,500"
            if len(core) == 2 and core[0].norm in _HYPHENS and glued(toks[a.j - 1], core[0]) and b.compound:
                core = core[1:]  # "a 5- to 10-kilometre stretch": the first figure's unit is left to the second
            if not hedge_b and _score(toks, a, b, gap, lex):
                # "6-4, 3-6, 7-6 (5)", "won 3-1", "at 4-5 in the deciding set": a score, no figure
                out += [a._replace(identifier=True), b._replace(identifier=True)]
                k += 2
                if k < len(ms) and b.j + 1 == ms[k].i and toks[b.j].norm == "(":
                    out.append(ms[k]._replace(identifier=True))  # the tie-break's points: "7-6 (5)"
                    k += 1
                continue
            if (
                len(core) == 1
                and core[0].norm in joins
                and not b.identifier
                and not b.ordinal
                and _range_ok(a, b, core[0].norm, toks, lex)
            ):
                lo, hi = a.low, b.high
                if a.scaled is False and b.scaled and a.low < b.low / 1000:
                    lo = a.low * (b.low / max(1.0, _mantissa(b)))
                out.append(
                    a._replace(
                        j=b.j,
                        end=b.end,
                        low=min(lo, hi),
                        high=max(lo, hi),
                        words=a.words or b.words,
                        scaled=a.scaled or b.scaled,
                        hedge="exact",
                        vague=False,
                        suffix=b.suffix or a.suffix,
                        compound=b.compound,
                    )
                )
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _mantissa(m: Mention) -> float:
    v = m.low
    while v >= 1000:
        v /= 1000
    return v


SCORE_MOST = 200  # a side's score in a game: "101-99" is one, "1990-2000" is not
SCORE_REACH = 12  # tokens either side of a score where the words of a game tell it


def _score(toks: list[Token], a: Mention, b: Mention, gap: list[Token], lex: Lexicon) -> bool:
    """Two whole numbers in digits joined by a hyphen with no space, that are a game's score
    rather than a range: the second is no greater ("6-4", "2-0": a range goes up), or no noun
    follows and a word of a game stands near (words.toml ``score_words``: "3-6 in the second
    set", "a mené 4-5 dans la manche décisive")."""
    if len(gap) != 1 or gap[0].norm not in _HYPHENS:
        return False
    if not (glued(toks[a.j - 1], gap[0]) and glued(gap[0], toks[b.i])):
        return False
    for m in (a, b):
        if m.words or m.decimals or m.suffix or m.scaled or m.is_range or m.identifier or m.ordinal or m.compound:
            return False
        if m.j != m.i + 1 or not m.low.is_integer() or m.low > SCORE_MOST:
            return False
    if b.low <= a.low:
        return True
    if b.j < len(toks) and toks[b.j].kind == "word" and toks[b.j].norm not in lex.stop:
        return False  # "4-5 years", "20-25 people": a range of something
    near = {t.norm for t in toks[max(0, a.i - SCORE_REACH) : b.j + SCORE_REACH]}
    return bool(near & word_set(lex.lang, "score_words"))


def _range_ok(a: Mention, b: Mention, join: str, toks: list[Token], lex: Lexicon) -> bool:
    if b.low <= a.low:
        return False
    if join in ("-", "–") and not (glued(toks[a.j - 1], toks[a.j]) and glued(toks[a.j], toks[b.i])):
        return False
    at = a.i - 1 if a.i > 0 and toks[a.i - 1].text in _CURRENCY_SYMBOLS else a.i  # "between €30m and €40m"
    opener = any(match_before(toks, at, p) for p in phrase_list(lex.lang, "range_open"))
    if opener and at > 1 and moved(toks[at - 2].norm, lex.lang):
        return False  # "climbing from seven to nine seats", "est passé de 7,1 % à 7,4 %": a change, two figures
    if join in _numbers("range_and"):
        return opener
    if join in _numbers("range_or"):
        return a.words == b.words and b.low - a.low <= max(2, a.low)
    return not (_looks_like_year(a) and _looks_like_year(b))


@cache
def _moving(lang: str) -> frozenset[str]:
    """The words of a change ("rose", "fell", "climbing", "passé") after which "from X to Y"
    gives two figures, the one before and the one after, rather than a range."""
    return frozenset(w for key in ("fall", "rise", "moved") for w in word_set(lang, "direction", key))


def moved(word: str, lang: str) -> bool:
    """``word`` (folded) is a word of a change, of :func:`_moving`."""
    return word in _moving(lang)


def _looks_like_year(m: Mention) -> bool:
    return not m.words and m.low.is_integer() and 1900 <= m.low <= 2100


def hedge_before(toks: list[Token], i: int, lex: Lexicon) -> tuple[int, str] | None:
    """The hedge phrase that ends right before toks[i]: (its length in tokens, its kind)."""
    if i == 0:
        return None
    for phrase, kind in lex.hedge_by_last.get(toks[i - 1].norm, ()):
        k = match_before(toks, i, phrase)
        if k:
            return k, kind
    return None


def _hedge_len_before(toks: list[Token], i: int, lex: Lexicon) -> int:
    h = hedge_before(toks, i, lex)
    return h[0] if h else 0


def _hedge(text: str, toks: list[Token], m: Mention, lex: Lexicon) -> Mention:
    i = m.i
    # a range opener sits between the hedge and the figure: "about between"? rare; skip it
    h = hedge_before(toks, i, lex)
    if h:
        k, kind = h
        if m.vague:
            return m._replace(hstart=toks[i - k].start)
        return m._replace(hedge=kind if not m.is_range else "exact", hstart=toks[i - k].start)
    # trailing hedges: "or more", "or younger", "ou plus"
    j = m.j
    if j + 1 < len(toks) and toks[j].norm in _numbers("range_or"):
        w = toks[j + 1].norm
        if w in _numbers("or_more"):
            return m._replace(hedge="at_least", j=j + 2, end=toks[j + 1].end)
        if w in _numbers("or_less"):
            return m._replace(low=0.0, j=j + 2, end=toks[j + 1].end)
    return m
