"""Figures in text: digits with separators, number words, scale words, vague quantities,
ranges and hedges. Works on tokens so every figure keeps its character offsets."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from .lexicon import Lexicon, lexicon, phrase_starts, units, word_set
from .tokens import Token, glued, match_at, match_before

ORDINAL_SUFFIXES = frozenset({"th", "st", "nd", "rd", "e", "er", "ere", "eme", "ieme"})
_SPACES = (" ", "\u00a0", "\u202f")
_CURRENCY_SYMBOLS = frozenset({"£", "$", "€", "¥", "₹"})
_TIME_WORDS = frozenset({"ans", "years", "an", "year", "jours", "days", "mois", "months", "heures", "hours"})
_TENS = frozenset(
    {
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
    }
)


@dataclass(frozen=True)
class Mention:
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

    @property
    def is_range(self) -> bool:
        return self.low != self.high


def find_mentions(text: str, toks: list[Token], lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    starts = _word_starts(lex.lang)
    half_starts = phrase_starts(lex.lang, "and_a_half")
    # the tokens a figure can start at, found in one pass; a figure found skips those it spans
    after = 0
    for i in [k for k, t in enumerate(toks) if t.kind == "num" or (t.norm in starts and t.is_word)]:
        if i < after:
            continue
        m = _digits(text, toks, i, lex) if toks[i].kind == "num" else _words(toks, i, lex)
        if m is not None:
            if m.j < len(toks) and toks[m.j].norm in half_starts:
                m = _and_a_half(toks, m, lex)
            out.append(m)
            after = max(m.j, i + 1)
    out = _ranges(toks, out, lex)
    return [_hedge(text, toks, m, lex) for m in out]


def _after_change(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """The figure at toks[i] says by how much something changed: "fell by (more than) a
    quarter", "a baissé d'un quart"."""
    h = hedge_before(toks, i, lex)
    k = i - (h[0] if h else 0) - 1
    return k >= 0 and toks[k].norm in word_set(lex.lang, "change_by")


def _and_a_half(toks: list[Token], m: Mention, lex: Lexicon) -> Mention:
    """A half more: "three and a half (million)", "2 and a half years", "deux millions et
    demi" (half of the scale word just said)."""
    if m.is_range or m.suffix or m.vague or m.article or m.identifier or m.j >= len(toks):
        return m
    for phrase in phrase_starts(lex.lang, "and_a_half").get(toks[m.j].norm, ()):
        k = match_at(toks, m.j, phrase, loose_hyphen=False)
        if k != len(phrase):
            continue
        j = m.j + k
        scale = lex.multipliers.get(toks[m.j - 1].norm, 0.0)
        if scale >= 1000:  # "deux millions et demi": the half is of a million
            value = m.low + 0.5 * scale
        else:
            value = m.low + 0.5
            scale = lex.multipliers.get(toks[j].norm, 0.0) if j < len(toks) else 0.0
            if scale >= 1000:  # "three and a half million"
                value *= scale
                j += 1
        return replace(m, j=j, end=toks[j - 1].end, low=value, high=value, scaled=m.scaled or scale >= 1e6)
    return m


# ---- digits -------------------------------------------------------------------------


def _digits(text: str, toks: list[Token], i: int, lex: Lexicon) -> Mention:
    n = len(toks)
    j = i + 1
    intpart = toks[i].text
    frac = ""
    thousands, decimal = ((".",), (",", ".")) if lex.lang == "fr" else ((",",), (".",))
    while len(intpart) < 16:
        if (
            j < n
            and len(toks[i].text) <= 3  # "en 2023 150 personnes" is a year, then a count
            and toks[j].kind == "num"
            and len(toks[j].text) == 3
            and text[toks[j - 1].end : toks[j].start] in _SPACES
        ):
            intpart += toks[j].text  # "1 000", "12 500": a space between groups of three
            j += 1
        elif _joined(toks, j, thousands, group=True) or (
            len(toks[i].text) <= 3 and _joined(toks, j, ("",), group=True)  # "1\u200b000": an invisible run
        ):
            intpart += toks[j + 1].text  # "1,000" / "1.500"
            j += 2
        else:
            break
    if _joined(toks, j, decimal, group=False):
        frac = toks[j + 1].text  # "1.5" / "1,5"
        j += 2
    value = float(f"{intpart}.{frac}" if frac else intpart)
    start, end = toks[i].start, toks[j - 1].end
    m = Mention(i=i, j=j, start=start, end=end, low=value, high=value, decimals=len(frac))
    if j == i + 1 and len(intpart) >= 5 and not frac:
        return replace(m, identifier=True)  # "train 13174", a reference number: counts take separators
    if _in_date_chain(text, toks, i, j):
        return replace(m, identifier=True)  # "2024-06-17", "17/06/2024"
    # what stands glued before: AK-47, G7, COVID-19, #3
    if i > 0 and glued(toks[i - 1], toks[i]):
        prev = toks[i - 1]
        if (
            prev.kind == "word"
            or prev.norm in ("#", "/", "_")
            or (prev.norm in ("-", "–") and i > 1 and glued(toks[i - 2], prev) and toks[i - 2].kind == "word")
        ):
            return replace(m, identifier=True)
    if j < n and glued(toks[j - 1], toks[j]):
        nxt = toks[j]
        if nxt.kind == "word":
            w = nxt.norm
            if w in lex.scale_suffixes:
                f = lex.scale_suffixes[w]
                return replace(m, j=j + 1, end=nxt.end, low=value * f, high=value * f, scaled=True)
            if w in ORDINAL_SUFFIXES:
                return replace(m, j=j + 1, end=nxt.end, ordinal=True, suffix=w)
            if len(nxt.text) == 1 and nxt.text.isupper():
                return replace(m, identifier=True)  # 5G, 3D, 4K
            return replace(m, suffix=w)  # a glued unit ("9mm", "11am") or an identifier ("3D")
        if nxt.norm == "%":
            return replace(m, suffix="%")
        if nxt.norm in ("-", "–") and j + 1 < n and toks[j + 1].kind == "word" and glued(nxt, toks[j + 1]):
            return replace(m, compound=True)
    # a scale word after a space: "1.5 million", "3,5 millions"
    if j < n and toks[j].kind == "word" and toks[j].norm in lex.multipliers and lex.multipliers[toks[j].norm] >= 1e6:
        f = lex.multipliers[toks[j].norm]
        return replace(m, j=j + 1, end=toks[j].end, low=value * f, high=value * f, scaled=True)
    # an abbreviated scale after a space, next to a currency: "2,3 Md€", "450 M€", "2,3 Mds
    # d'euros", "$2.3 bn" (a lone "m" elsewhere is metres)
    if j < n and toks[j].kind == "word" and lex.scale_suffixes.get(toks[j].norm, 0) >= 1e6:
        w = toks[j].norm
        if _currency_at(toks, j + 1) or (len(w) > 1 and i > 0 and _currency_at(toks, i - 1)):
            f = lex.scale_suffixes[w]
            return replace(m, j=j + 1, end=toks[j].end, low=value * f, high=value * f, scaled=True)
    return m


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
    n = len(toks)
    t = toks[i]
    if t.norm not in _word_starts(lex.lang):
        return None
    # vague quantities and fractions: "dozens", "des dizaines", "two-thirds"
    nxt = toks[i + 1].norm if i + 1 < n else ""
    for table, vague in ((lex.vague_index, True), (lex.fraction_index, False)):
        for phrase, val in table.get(t.norm, ()):  # type: ignore[attr-defined]
            if len(phrase) > 1 and nxt != phrase[1] and nxt not in ("-", "–"):
                continue  # most "a" start no "a few dozen" (a hyphen may stand between words)
            k = match_at(toks, i, phrase)
            of_whole = i + k < len(toks) and toks[i + k].norm in ("of", "de", "des", "du", "d'")
            if k and not vague and not of_whole and not _after_change(toks, i, lex):
                continue  # "two-thirds of", "fell by a quarter", not "a Quarter Pounder"
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
    # "une trentaine", "une dizaine"
    if t.norm in ("une", "un") and i + 1 < n and toks[i + 1].norm in lex.approximate:
        v = lex.approximate[toks[i + 1].norm]
        return Mention(i=i, j=i + 2, start=t.start, end=toks[i + 1].end, low=v, high=v, hedge="approx", words=True)
    if t.norm in lex.approximate and t.norm not in lex.units:
        v = lex.approximate[t.norm]
        return Mention(i=i, j=i + 1, start=t.start, end=t.end, low=v, high=v, hedge="approx", words=True)
    start_i = i
    article = False
    if t.norm in lex.article:
        if i + 1 < n and (toks[i + 1].norm in lex.multipliers or toks[i + 1].norm == "dozen"):
            article = True
        elif i + 1 < n and toks[i + 1].is_word and not toks[i + 1].is_cap:
            # "a child was hospitalized": one, but only by its article (weak evidence)
            return Mention(i=i, j=i + 1, start=t.start, end=t.end, low=1, high=1, words=True, article=True)
        else:
            return None
    elif t.norm not in lex.units and t.norm not in lex.multipliers:
        return None
    total = 0.0
    current = 1.0 if article else 0.0
    seen = article
    j = i + 1 if article else i
    last = j
    while j < n:
        w = toks[j].norm
        if w in lex.units:
            if lex.lang == "fr" and w in ("vingt", "vingts") and current == 4:
                current = 80
            else:
                if w in ("dozen", "douzaine"):
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
        elif (
            seen
            and w in ("-", "–")
            and j + 1 < n
            and glued(toks[j - 1], toks[j])
            and glued(toks[j], toks[j + 1])
            and (toks[j + 1].norm in lex.units or toks[j + 1].norm in lex.multipliers)
            or seen
            and w in lex.joiners
            and j + 1 < n
            and (toks[j + 1].norm in lex.units)
            and (toks[j - 1].norm in lex.multipliers or toks[j - 1].norm in _TENS)
            and not _second_number(toks, j, lex)
        ):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
        last = j
    if not seen or last == start_i:
        return None
    value = total + current
    compound = (
        last + 1 < n
        and toks[last].norm in ("-", "–")
        and glued(toks[last - 1], toks[last])
        and glued(toks[last], toks[last + 1])
        and toks[last + 1].is_word
    )  # "three-day"
    words_used = [x.norm for x in toks[start_i:last]]
    weak = (not article) and words_used in (["un"], ["une"], ["one"])
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
        article=weak and lex.lang == "fr",
        compound=compound,
    )


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
        | {"un", "une"}
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

_RANGE_OPEN = {"en": (("between",), ("from",)), "fr": (("entre",), ("de",), ("d'",))}
_RANGE_JOIN = {"en": ("and", "to", "-", "–", "or"), "fr": ("et", "a", "-", "–", "ou")}


def _ranges(toks: list[Token], ms: list[Mention], lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    k = 0
    joins = _RANGE_JOIN.get(lex.lang, _RANGE_JOIN["en"])
    while k < len(ms):
        a = ms[k]
        if k + 1 < len(ms) and not a.identifier and not a.ordinal:
            b = ms[k + 1]
            gap = toks[a.j : b.i]
            hedge_b = _hedge_len_before(toks, b.i, lex)
            core = gap[: len(gap) - hedge_b] if hedge_b else gap
            if len(core) == 2 and core[0].norm in _TIME_WORDS:  # "entre 18 ans et 30 ans"
                core = core[1:]
            if len(core) == 2 and core[1].kind == "sym" and core[1].text in _CURRENCY_SYMBOLS:
                core = core[:1]  # "from €1,000 to €1,500"
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
                    replace(
                        a,
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


def _range_ok(a: Mention, b: Mention, join: str, toks: list[Token], lex: Lexicon) -> bool:
    if b.low <= a.low:
        return False
    if join in ("-", "–") and not (glued(toks[a.j - 1], toks[a.j]) and glued(toks[a.j], toks[b.i])):
        return False
    at = a.i - 1 if a.i > 0 and toks[a.i - 1].text in _CURRENCY_SYMBOLS else a.i  # "between €30m and €40m"
    opener = any(match_before(toks, at, p) for p in _RANGE_OPEN.get(lex.lang, ()))
    if join in ("and", "et"):
        return opener
    if join in ("or", "ou"):
        return a.words == b.words and b.low - a.low <= max(2, a.low)
    return not (_looks_like_year(a) and _looks_like_year(b))


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
            return replace(m, hstart=toks[i - k].start)
        return replace(m, hedge=kind if not m.is_range else "exact", hstart=toks[i - k].start)
    # trailing hedges: "or more", "or younger", "ou plus"
    j = m.j
    if j + 1 < len(toks) and toks[j].norm in ("or", "ou"):
        w = toks[j + 1].norm
        if w in ("more", "plus", "over", "above"):
            return replace(m, hedge="at_least", j=j + 2, end=toks[j + 1].end)
        if w in ("younger", "less", "fewer", "under", "moins", "below"):
            return replace(m, low=0.0, j=j + 2, end=toks[j + 1].end)
    return m
