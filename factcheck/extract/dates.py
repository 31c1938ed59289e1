"""Dates of the event: weekdays, day + month (+ year), parts of a month, years, times."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import Lexicon, lexicon, phrase_map, word_set
from .tokens import Token, glued, match_before

PartsMap = tuple[tuple[tuple[str, ...], str], ...]
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_BYLINE = frozenset(
    {
        "published",
        "updated",
        "posted",
        "publie",
        "modifie",
        "mis",
        "jour",
        "copyright",
        "read",
        "lire",
        "photo",
        "credit",
    }
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    parts: dict[str, int | str]

    @property
    def value(self) -> str:
        p = self.parts
        out = []
        if "relative" in p:
            return f"relative {p['relative']}"  # unresolved: no report date to count from
        if "part" in p:
            out.append({"end": "end of", "start": "start of", "mid": "mid"}[str(p["part"])])
        if "weekday" in p:
            out.append(WEEKDAY_NAMES[int(p["weekday"])])
        ymd = ""
        if "year" in p:
            ymd = f"{p['year']:04d}" if isinstance(p["year"], int) else str(p["year"])
            if "month" in p:
                ymd += f"-{p['month']:02d}"
                if "day" in p:
                    ymd += f"-{p['day']:02d}"
        elif "month" in p:
            ymd = f"--{p['month']:02d}" + (f"-{p['day']:02d}" if "day" in p else "")
        if ymd:
            out.append(ymd)
        if "hour" in p:
            out.append(f"{p['hour']:02d}:{int(p.get('minute', 0)):02d}")
        return " ".join(out)


def find_dates(text: str, toks: list[Token], lex: Lexicon, taken: set[int]) -> list[DateMention]:
    """Date mentions; ``taken`` are token indexes already used by figures (skipped)."""
    out: list[DateMention] = []
    parts_map = phrase_map(lex.lang, "date_parts")
    starts = _starts(lex.lang)
    after = 0  # a date found skips the tokens it spans
    for i in [k for k, t in enumerate(toks) if t.kind == "num" or t.norm in starts]:
        if i < after or i in taken or _byline(text, toks, i):
            continue
        d = _month_or_weekday(toks, i, lex, parts_map) or _year(toks, i, lex) or _time(toks, i, lex)
        if d is None:
            continue
        if not _dateline(text, toks, d[1], d[0].start):
            out.append(d[0])
        after = d[1]
    return out


@cache
def _starts(lang: str) -> frozenset[str]:
    """Words a date can start with (figures aside)."""
    lex = lexicon(lang)
    return frozenset(lex.weekdays) | frozenset(lex.months) | {"midnight", "minuit", "noon", "midday", "midi"}


_DATELINE_REACH = 100


def _dateline(text: str, toks: list[Token], j: int, start: int) -> bool:
    """ "Dec. 4 (UPI) --" or "PARIS, Feb 5 (Reuters) -": a dateline, not the event's date.
    Its place is near a line's start: the line is looked for at most _DATELINE_REACH characters
    back (a text of one long line of dates is not copied back to its start for every date)."""
    lo = max(0, start - _DATELINE_REACH)
    nl = text.rfind("\n", lo, start)
    if nl < 0 and lo > 0:
        return False  # the line starts further back than any dateline's city ("WASHINGTON, D.C., ")
    line_start = nl + 1
    if text[line_start:start].strip(" ,") and not text[line_start:start].strip(" ,").isupper():
        return False
    rest = text[toks[j - 1].end : toks[j - 1].end + 40] if j > 0 else ""
    return bool(re.match(r"\s*(\([^)]{1,30}\))?\s*(--|—|–|-)\s", rest))


def _byline(text: str, toks: list[Token], i: int) -> bool:
    """A date in a byline or a timestamp line ("Published 5 Feb 2024 10:32", "Mis à jour le..."):
    the cue opens its line or follows a separator ("By J. Doe | Updated ..."). In a sentence
    ("a message posted on its website on Monday") the date is the event's."""
    for t in toks[max(0, i - 8) : i]:
        if t.norm in _BYLINE and "\n" not in text[t.end : toks[i].start]:
            before = text[text.rfind("\n", 0, t.start) + 1 : t.start].rstrip()
            if not any(c.isalnum() for c in before) or before.endswith(("|", "·", "•", "—", "–", "-", "/", "(")):
                return True
    return False


def _month_or_weekday(toks: list[Token], i: int, lex: Lexicon, parts_map: PartsMap) -> tuple[DateMention, int] | None:
    n = len(toks)
    t = toks[i]
    parts: dict[str, int | str] = {}
    start = t.start
    j = i
    if t.norm in lex.weekdays and (t.is_cap or lex.lang == "fr"):
        parts["weekday"] = lex.weekdays[t.norm]
        j = i + 1
        k = _day_month(toks, j + 1 if j < n and toks[j].norm == "," else j, lex, parts)
        if k:
            j = k
        end = toks[j - 1].end
        return DateMention(start, end, parts), j
    # a day before the month: "5 February", "le 9 janvier"
    if (
        t.kind == "num"
        and len(t.text) <= 2
        and i + 1 < n
        and (
            _month_at(toks, i + 1, lex)
            or (i + 2 < n and toks[i + 1].norm in ("er", "st", "nd", "rd", "th") and _month_at(toks, i + 2, lex))
        )
    ):
        k = _day_month(toks, i, lex, parts)
        if k:
            _part_before(toks, i, parts_map, parts)
            return DateMention(start, toks[k - 1].end, parts), k
    if t.is_word and _month_at(toks, i, lex):
        if lex.lang == "en" and not t.is_cap:
            return None
        if t.norm == "may" and lex.lang == "en" and not _date_context(toks, i):
            return None
        if t.norm == "mars" and lex.lang == "fr" and not _date_context(toks, i):
            return None
        k = _day_month(toks, i, lex, parts)
        if not k:
            return None
        s = _part_before(toks, i, parts_map, parts)
        return DateMention(toks[s].start if s is not None else start, toks[k - 1].end, parts), k
    return None


def _date_context(toks: list[Token], i: int) -> bool:
    prev = toks[i - 1].norm if i > 0 else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        prev in ("in", "of", "since", "until", "early", "late", "mid", "en", "de", "fin", "debut", "mi", "-")
        or (nxt is not None and nxt.kind == "num")
        or (i > 0 and toks[i - 1].kind == "num")
    )


def _part_before(toks: list[Token], i: int, parts_map: PartsMap, parts: dict[str, int | str]) -> int | None:
    for phrase, part in parts_map:
        k = match_before(toks, i, phrase)
        if k:
            parts["part"] = part
            return i - k
    return None


def _month_at(toks: list[Token], i: int, lex: Lexicon) -> bool:
    return toks[i].is_word and toks[i].norm in lex.months


def _day_month(toks: list[Token], i: int, lex: Lexicon, parts: dict[str, int | str]) -> int:
    """Parse [day] month [day] [year] from toks[i]; return the token index after it, or 0."""
    n = len(toks)
    j = i
    if j < n and toks[j].kind == "num" and len(toks[j].text) <= 2:
        k = (
            j + 2
            if j + 1 < n and toks[j + 1].norm in ("er", "st", "nd", "rd", "th") and glued(toks[j], toks[j + 1])
            else j + 1
        )
        if k < n and _month_at(toks, k, lex):
            parts["day"] = int(toks[j].text)
            j = k
        else:
            return 0
    elif j < n and toks[j].norm in ("1er",):
        return 0
    if not (j < n and _month_at(toks, j, lex)):
        return 0
    parts["month"] = lex.months[toks[j].norm]
    j += 1
    full = word_set(lex.lang, "months")
    if j < n and toks[j].norm == "." and glued(toks[j - 1], toks[j]) and toks[j - 1].norm not in full:
        j += 1  # "Sept." but not the full stop after "March."
    if (
        "day" not in parts
        and j < n
        and toks[j].kind == "num"
        and len(toks[j].text) <= 2
        and 1 <= int(toks[j].text) <= 31
    ):
        parts["day"] = int(toks[j].text)
        j += 1
        if j < n and toks[j].norm in ("th", "st", "nd", "rd") and glued(toks[j - 1], toks[j]):
            j += 1
    k = j + 1 if j < n and toks[j].norm == "," else j
    if k < n and toks[k].kind == "num" and len(toks[k].text) == 4 and 1900 <= int(toks[k].text) <= 2100:
        parts["year"] = int(toks[k].text)
        j = k + 1
    return j


def _year(toks: list[Token], i: int, lex: Lexicon) -> tuple[DateMention, int] | None:
    t = toks[i]
    if t.kind != "num" or len(t.text) != 4 or not 1900 <= int(t.text) <= 2100:
        return None
    if (
        i + 2 < len(toks)
        and glued(t, toks[i + 1])
        and toks[i + 1].norm in (",", ".")
        and toks[i + 2].kind == "num"
        and glued(toks[i + 1], toks[i + 2])
    ):
        return None  # 2,000 or 2024.5
    cues = word_set(lex.lang, "year_cues")
    decade = word_set(lex.lang, "decade_before")
    n = len(toks)
    if int(t.text) % 10 == 0 and i + 1 < n and toks[i + 1].norm == "s" and glued(t, toks[i + 1]):
        start = toks[i - 1].start if i > 0 and toks[i - 1].norm in ("the", "les") else t.start
        return DateMention(start, toks[i + 1].end, {"year": f"{t.text}s"}), i + 2  # "the 1960s"
    if int(t.text) % 10 == 0 and i > 0 and toks[i - 1].norm in decade:
        return DateMention(toks[i - 1].start, t.end, {"year": f"{t.text}s"}), i + 1  # "les années 1980"
    if (
        i > 0
        and toks[i - 1].norm in word_set(lex.lang, "year_before_noun")
        and i + 1 < n
        and toks[i + 1].is_cap
        and toks[i + 1].norm not in lex.months
    ):
        # "the 2022 Berlin Marathon", "a 2020 court ruling": a year that dates what follows
        return DateMention(t.start, t.end, {"year": int(t.text)}), i + 1
    if i > 0 and (toks[i - 1].norm in cues or toks[i - 1].norm in lex.months):
        parts: dict[str, int | str] = {"year": int(t.text)}
        s = _part_before(toks, i, phrase_map(lex.lang, "date_parts"), parts)
        return DateMention(toks[s].start if s is not None else t.start, t.end, parts), i + 1
    return None


def _time(toks: list[Token], i: int, lex: Lexicon) -> tuple[DateMention, int] | None:
    n = len(toks)
    t = toks[i]
    if t.is_word and t.norm in ("midnight", "minuit"):
        return DateMention(t.start, t.end, {"hour": 0}), i + 1
    if t.is_word and t.norm in ("noon", "midday", "midi") and lex.lang == "en":
        return DateMention(t.start, t.end, {"hour": 12}), i + 1
    if t.kind != "num" or len(t.text) > 2 or int(t.text) > 24:
        return None
    h = int(t.text)
    j = i + 1
    minute = 0
    if (
        j + 1 < n
        and toks[j].norm in (":", "h")
        and glued(t, toks[j])
        and toks[j + 1].kind == "num"
        and len(toks[j + 1].text) <= 2  # a minute; int() of a 5,000-digit run raises
        and glued(toks[j], toks[j + 1])
    ):
        minute = int(toks[j + 1].text)
        j += 2
    elif j < n and toks[j].norm == "h" and glued(t, toks[j]):
        j += 1
        return DateMention(t.start, toks[j - 1].end, {"hour": h}), j
    if j < n and toks[j].norm in ("am", "pm"):
        h = h % 12 + (12 if toks[j].norm == "pm" else 0)
        return DateMention(t.start, toks[j].end, {"hour": h, "minute": minute}), j + 1
    if j + 2 < n and toks[j].norm in ("a", "p") and toks[j + 1].norm == "." and toks[j + 2].norm == "m":
        end_j = j + 3 if not (j + 3 < n and toks[j + 3].norm == ".") else j + 4
        h = h % 12 + (12 if toks[j].norm == "p" else 0)
        return DateMention(t.start, toks[end_j - 1].end, {"hour": h, "minute": minute}), end_j
    if lex.lang == "fr" and j < n and toks[j].norm in ("heures", "heure"):
        later = j + 2 < n and toks[j + 1].norm in ("du", "de") and toks[j + 2].norm in ("soir", "l'")
        if later and h < 12:
            h += 12  # "9 heures du soir", "3 heures de l'après-midi"
        return DateMention(t.start, toks[j].end, {"hour": h, "minute": minute}), j + 1
    if j > i + 1:
        return DateMention(t.start, toks[j - 1].end, {"hour": h, "minute": minute}), j
    return None


@cache
def _relative_index(lang: str) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    from .lexicon import by_first, tokenize_phrase

    table = lexicon(lang).words.get("relative_dates", {})
    return by_first({tuple(tokenize_phrase(k)): str(v) for k, v in table.items()})


def find_relative_dates(toks: list[Token], lex: Lexicon, taken: set[int]) -> list[DateMention]:
    """Days named relative to the report ("yesterday", "last year", "l'an dernier"), as
    ``{"relative": "day -1"}`` parts: :func:`resolve` turns them into a calendar date."""
    from .tokens import match_at

    index = _relative_index(lex.lang)
    out: list[DateMention] = []
    after = 0
    for i, t in enumerate(toks):
        if i < after or t.norm not in index or i in taken:
            continue
        for phrase, rel in index[t.norm]:
            m = match_at(toks, i, phrase)
            if m:
                out.append(DateMention(t.start, toks[i + m - 1].end, {"relative": rel}))
                after = i + m
                break
    return out


def resolve(parts: dict[str, int | str], day: str | None) -> dict[str, int | str]:
    """``parts`` counted from ``day`` (the report's date, ISO): a relative day becomes a
    calendar day, month or year; a weekday alone becomes the last such day on or before it.
    Without a day, or with nothing relative, the parts are returned as they are."""
    import datetime as dt

    if day is None:
        return parts
    base = dt.date.fromisoformat(day)
    if "relative" in parts:
        unit, offset = str(parts["relative"]).split()
        k = int(offset)
        if unit == "day":
            d = base + dt.timedelta(days=k)
            return {"year": d.year, "month": d.month, "day": d.day, "weekday": d.weekday()}
        if unit == "month":
            months = base.year * 12 + base.month - 1 + k
            return {"year": months // 12, "month": months % 12 + 1}
        return {"year": base.year + k}
    if "weekday" in parts and not {"day", "month", "year"} & parts.keys():
        back = (base.weekday() - int(parts["weekday"])) % 7
        d = base - dt.timedelta(days=back)
        return {**parts, "year": d.year, "month": d.month, "day": d.day}
    return parts
