"""Dates of the event: weekdays, day + month (+ year), parts of a month, years, times."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .lexicon import Lexicon, _load, data_words, hooks, lexicon, phrase_list, phrase_map, word_set
from .tokens import Token, glued, indexes_of, match_at, match_before, num_indexes, positions

if TYPE_CHECKING:
    from .numbers import Mention

PartsMap = tuple[tuple[tuple[str, ...], str], ...]


def _value() -> dict[str, Any]:
    """The [value] table of lexicon/figures.toml: the words of a date's value (weekdays, parts)."""
    return _load("figures.toml")["value"]


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of the [dates] table of lexicon/figures.toml (every language at once)."""
    return data_words("figures", "dates", key)


class DateMention(NamedTuple):
    start: int
    end: int
    parts: dict[str, int | str]

    @property
    def value(self) -> str:
        p = self.parts
        out = []
        if "relative" in p:  # unresolved: no report date to count from
            return f"relative {p['relative']}" + (f" --{p['month']:02d}" if "month" in p else "")
        if "part" in p:
            out.append(_value()["parts"][str(p["part"])])
        if "weekday" in p:
            out.append(_value()["weekdays"][int(p["weekday"])])
        if "season" in p:
            out.append(str(p["season"]))
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


def find_dates(
    text: str, toks: list[Token], lex: Lexicon, taken: set[int], mentions: list[Mention] | None = None
) -> list[DateMention]:
    """Date mentions; ``taken`` are token indexes already used by figures (skipped);
    ``mentions``: ``find_mentions(text, toks, lex)``, when the caller has read them."""
    out: list[DateMention] = []
    parts_map = phrase_map(lex.lang, "date_parts")
    starts = _starts(lex.lang)
    after = 0  # a date found skips the tokens it spans
    for i in sorted(set(num_indexes(toks)).union(indexes_of(toks, starts))):
        if i < after or i in taken or _byline(text, toks, i):
            continue
        d = (
            _month_or_weekday(toks, i, lex, parts_map)
            or _numeric_date(toks, i, lex)
            or _year(toks, i, lex)
            or _zoned(toks, _time(toks, i, lex), lex)
        )
        if d is None:
            continue
        if not _dateline(text, toks, d[1], d[0].start):
            out.append(_ahead(toks, i, d[0], lex))
        after = d[1]
    return out + _ago(text, toks, lex, mentions)


def _ahead(toks: list[Token], i: int, dm: DateMention, lex: Lexicon) -> DateMention:
    """A weekday after a word that looks ahead ("is expected on Saturday", "will visit on
    Monday", "est attendu samedi": words.toml ``future_cues``) is that day or the next one
    after the report's day, not the last one before it."""
    p = dm.parts
    if "weekday" not in p or "step" in p or {"day", "month", "year"} & p.keys():
        return dm
    cues = word_set(lex.lang, "future_cues")
    if any(t.norm in cues for t in toks[max(0, i - 4) : i]):
        return DateMention(dm.start, dm.end, {**p, "ahead": 1})
    for k in range(max(0, i - 6), i):  # "is set to be completed on Monday"
        if any(match_at(toks, k, ph) for ph in phrase_list(lex.lang, "future_phrases")):
            return DateMention(dm.start, dm.end, {**p, "ahead": 1})
    return dm


@cache
def _starts(lang: str) -> frozenset[str]:
    """Words a date can start with (figures aside)."""
    lex = lexicon(lang)
    return frozenset(lex.weekdays) | frozenset(lex.months) | _words("hour_words")


_DATELINE_REACH = 100


# the city in capitals, then its country or region as written: "AJACCIO, France", "LYON, Rhône"
_DATELINE_PLACE = re.compile(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]+(?:,\s*[A-ZÀ-ÖØ-Þ][\w .'’-]{0,30}){1,2}")


def _dateline(text: str, toks: list[Token], j: int, start: int) -> bool:
    """ "Dec. 4 (UPI) --" or "PARIS, Feb 5 (Reuters) -": a dateline, not the event's date.
    Its place is near a line's start: the line is looked for at most _DATELINE_REACH characters
    back (a text of one long line of dates is not copied back to its start for every date)."""
    lo = max(0, start - _DATELINE_REACH)
    nl = text.rfind("\n", lo, start)
    if nl < 0 and lo > 0:
        return False  # the line starts further back than any dateline's city ("WASHINGTON, D.C., ")
    line_start = nl + 1
    head = text[line_start:start].strip(" ,")
    if head and not head.isupper() and not _DATELINE_PLACE.fullmatch(head):
        return False
    rest = text[toks[j - 1].end : toks[j - 1].end + 40] if j > 0 else ""
    return bool(re.match(r"\s*(\([^)]{1,30}\))?\s*(--|—|–|-)\s", rest))


def _byline(text: str, toks: list[Token], i: int) -> bool:
    """A date in a byline or a timestamp line ("Published 5 Feb 2024 10:32", "Mis à jour le..."):
    the cue opens its line or follows a separator ("By J. Doe | Updated ..."). In a sentence
    ("a message posted on its website on Monday") the date is the event's."""
    for t in toks[max(0, i - 8) : i]:
        if t.norm in _words("byline") and "\n" not in text[t.end : toks[i].start]:
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
    if t.norm in lex.weekdays and (t.is_cap or not hooks(lex.lang).CAPITAL_DATES):
        parts["weekday"] = lex.weekdays[t.norm]
        j = i + 1
        k = _day_month(toks, j + 1 if j < n and toks[j].norm == "," else j, lex, parts)
        if k:
            j = k
        else:  # "last Friday", "ce samedi soir", "mardi dernier": a step off the report's day
            s0, j = _steps(toks, i, j, lex, parts)
            start = toks[s0].start
            j = _daypart(toks, j, lex.lang)
        end = toks[j - 1].end
        return DateMention(start, end, parts), j
    # a day before the month: "5 February", "le 9 janvier"
    if (
        t.kind == "num"
        and len(t.text) <= 2
        and i + 1 < n
        and (
            _month_at(toks, i + 1, lex)
            or (i + 2 < n and toks[i + 1].norm in _words("day_suffixes") and _month_at(toks, i + 2, lex))
            or (i + 2 < n and toks[i + 1].norm in word_set(lex.lang, "date_joiners") and _month_at(toks, i + 2, lex))
        )
    ):
        k = _day_month(toks, i, lex, parts)
        if k:
            _part_before(toks, i, parts_map, parts)
            return DateMention(start, toks[k - 1].end, parts), k
    if t.is_word and _month_at(toks, i, lex):
        if hooks(lex.lang).CAPITAL_DATES and not t.is_cap:
            return None
        if t.norm in word_set(lex.lang, "month_needs_context") and not _date_context(toks, i):
            return None  # "may", "mars": a month only next to a day or a year
        k = _day_month(toks, i, lex, parts)
        if not k:
            return None
        s = _part_before(toks, i, parts_map, parts)
        if "day" not in parts and "year" not in parts and s is None:
            rel = _relative_year_after(toks, k, lex.lang)
            if rel is not None:  # "in September of last year", "en septembre de l'année dernière"
                parts["relative"], k = rel
            else:  # "last March", "en mars dernier"
                s0, k = _steps(toks, i, k, lex, parts)
                if s0 < i:
                    s = s0
        return DateMention(toks[s].start if s is not None else start, toks[k - 1].end, parts), k
    return None


def _date_context(toks: list[Token], i: int) -> bool:
    prev = toks[i - 1].norm if i > 0 else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        prev in _words("month_context")
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
            if j + 1 < n and toks[j + 1].norm in _words("day_suffixes") and glued(toks[j], toks[j + 1])
            else j + 1
        )
        if k + 1 < n and toks[k].norm in word_set(lex.lang, "date_joiners") and _month_at(toks, k + 1, lex):
            k += 1  # "3 de marzo"
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
        if j < n and toks[j].norm in _words("day_suffixes_after") and glued(toks[j - 1], toks[j]):
            j += 1
    k = j + 1 if j < n and (toks[j].norm == "," or toks[j].norm in word_set(lex.lang, "date_joiners")) else j
    if k < n and toks[k].kind == "num" and len(toks[k].text) == 4 and 1900 <= int(toks[k].text) <= 2100:
        parts["year"] = int(toks[k].text)
        j = k + 1
    return j


def _short_decade(toks: list[Token], i: int, lex: Lexicon) -> tuple[DateMention, int] | None:
    """A decade in two digits, of the last century: "les années 60", "the 60s", "the '80s"
    (1920s to 1990s; "les années 2000" has four)."""
    t = toks[i]
    if t.kind != "num" or len(t.text) != 2 or not 20 <= int(t.text) <= 90 or int(t.text) % 10:
        return None
    decade = f"19{t.text}s"
    n = len(toks)
    if i > 0 and toks[i - 1].norm in word_set(lex.lang, "decade_before"):
        return DateMention(toks[i - 1].start, t.end, {"year": decade}), i + 1  # "les années 60"
    if i + 1 < n and toks[i + 1].norm == "s" and glued(t, toks[i + 1]):
        k = i - 1 if i > 0 and toks[i - 1].text in ("'", "’") and glued(toks[i - 1], t) else i
        if k > 0 and toks[k - 1].norm in _words("decade_the"):
            return DateMention(toks[k - 1].start, toks[i + 1].end, {"year": decade}), i + 2  # "the 60s"
    return None


def _year(toks: list[Token], i: int, lex: Lexicon) -> tuple[DateMention, int] | None:
    t = toks[i]
    short = _short_decade(toks, i, lex)
    if short is not None:
        return short
    if t.kind != "num" or len(t.text) != 4 or not 1000 <= int(t.text) <= 2100:
        return None
    if int(t.text) < 1900 and not old_year(toks, i, lex):
        return None  # "1500 cases"; "found in 1898", "la crue de 1789" are years
    if (
        i + 2 < len(toks)
        and glued(t, toks[i + 1])
        and toks[i + 1].norm in (",", ".")
        and toks[i + 2].kind == "num"
        and glued(toks[i + 1], toks[i + 2])
    ):
        return None  # 2,000 or 2024.5
    if _season_before(toks, i, lex.lang):
        return None  # "the summer of 2023": the season's
    cues = word_set(lex.lang, "year_cues")
    decade = word_set(lex.lang, "decade_before")
    n = len(toks)
    if int(t.text) % 10 == 0 and i + 1 < n and toks[i + 1].norm == "s" and glued(t, toks[i + 1]):
        start = toks[i - 1].start if i > 0 and toks[i - 1].norm in _words("decade_articles") else t.start
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
    parts: dict[str, int | str] = {"year": int(t.text)}
    s = _part_before(toks, i, phrase_map(lex.lang, "date_parts"), parts) if i > 0 else None
    # a part of the year before it is cue enough: "mi-2027", "au premier semestre 2027"
    cued = i > 0 and (toks[i - 1].norm in cues or toks[i - 1].norm in lex.months or _second_year(toks, i, lex))
    if s is not None or cued:
        return DateMention(toks[s].start if s is not None else t.start, t.end, parts), i + 1
    return None


def old_year(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """A figure before 1900 is a year only after a year cue ("in 1898", "en 1789") and with
    no noun after it that it would count ("in 1500 cases")."""
    if i == 0 or toks[i - 1].norm not in word_set(lex.lang, "year_cues"):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or not nxt.is_word or nxt.norm in lex.stop or nxt.is_cap


def _second_year(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """The second year of "between 2014 and 2020", "entre 2014 et 2020", "from 2014 to 2020"."""
    return (
        i >= 3
        and toks[i - 1].norm in word_set(lex.lang, "year_range_joiners")
        and toks[i - 2].kind == "num"
        and len(toks[i - 2].text) == 4
        and toks[i - 3].norm in word_set(lex.lang, "year_cues")
    )


@cache
def _zones(lang: str) -> dict[str, tuple[tuple[tuple[str, ...], int | str], ...]]:
    """The time-zone words of ``lang`` after a time ("GMT", "heure de Paris"), as token
    phrases by their first token, with the zone's offset from UTC in minutes, or the name of
    a zone with summer time ("Europe/Paris"), read on the report's day."""
    from .lexicon import by_first, tokenize_phrase

    table = lexicon(lang).words.get("time_zones", {})
    return by_first({tuple(tokenize_phrase(k)): v if isinstance(v, str) else int(v) for k, v in table.items()})


def _offset_on(zone: str, day: object) -> int | str:
    """Minutes from UTC of the named zone ("Europe/Paris") on ``day``, summer time included;
    the name itself when the machine has no such zone."""
    import datetime as dt
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        at = dt.datetime.combine(day, dt.time(12), tzinfo=ZoneInfo(zone))  # type: ignore[arg-type]
    except (ZoneInfoNotFoundError, ValueError):
        return zone
    off = at.utcoffset()
    return int(off.total_seconds() // 60) if off is not None else zone


def _zoned(
    toks: list[Token], found: tuple[DateMention, int] | None, lex: Lexicon
) -> tuple[DateMention, int] | None:
    """A time of day with the zone written after it ("10:45 GMT", "16h20, heure de Paris",
    "(0545 GMT)" aside): its offset from UTC in minutes goes with it, so that two times are
    compared in one zone. A zone in capitals only where it is written so ("EST", not "est")."""
    if found is None or "hour" not in found[0].parts:
        return found
    dm, j = found
    k = j + 1 if j < len(toks) and toks[j].norm == "," else j
    for phrase, offset in _zones(lex.lang).get(toks[k].norm, ()) if k < len(toks) else ():
        m = match_at(toks, k, phrase)
        if m and (len(phrase) > 1 or toks[k].text.isupper()):
            return DateMention(dm.start, toks[k + m - 1].end, {**dm.parts, "zone": offset}), k + m
    return found


def at_hour(toks: list[Token], i: int, lang: str) -> bool:
    """Words before the figure at ``i`` that make "N heures" the hour of the day something
    happened, not a length of time: words.toml ``hour_at`` ("vers 22 heures", "à 8 heures") and
    ``hour_at_phrases`` ("peu après 6 heures", "aux alentours de 6 h 15")."""
    if i > 0 and toks[i - 1].norm in word_set(lang, "hour_at"):
        return True
    return any(match_before(toks, i, ph) for ph in phrase_list(lang, "hour_at_phrases"))


def _time(toks: list[Token], i: int, lex: Lexicon) -> tuple[DateMention, int] | None:
    n = len(toks)
    t = toks[i]
    if t.is_word and t.norm in _words("midnight"):
        return DateMention(t.start, t.end, {"hour": 0}), i + 1
    if t.is_word and t.norm in word_set(lex.lang, "noon"):
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
        and len(toks[j + 1].text) == 2  # a minute, two digits ("3:1" is a score); int() of a long run raises
        and glued(toks[j], toks[j + 1])
    ) or (  # "2.40pm", "9.30 a.m.": a dot between hour and minute, with the half of the day after
        j + 2 < n
        and toks[j].norm == "."
        and glued(t, toks[j])
        and toks[j + 1].kind == "num"
        and len(toks[j + 1].text) == 2
        and glued(toks[j], toks[j + 1])
        and toks[j + 2].norm in _words("am_pm_glued")
        and h <= 12
    ):
        minute = int(toks[j + 1].text)
        j += 2
    elif j < n and toks[j].norm == "h" and glued(t, toks[j]):
        j += 1
        return DateMention(t.start, toks[j - 1].end, {"hour": h}), j
    elif j < n and toks[j].norm == "h" and at_hour(toks, i, lex.lang):
        # "à 6 h 15", "vers 18 h": spaced as French papers set it, an hour of the day after a
        # word that says so ("en 2 h 15" is a race's length)
        if j + 1 < n and toks[j + 1].kind == "num" and len(toks[j + 1].text) == 2 and int(toks[j + 1].text) < 60:
            return DateMention(t.start, toks[j + 1].end, {"hour": h, "minute": int(toks[j + 1].text)}), j + 2
        return DateMention(t.start, toks[j].end, {"hour": h}), j + 1
    if j < n and toks[j].norm in _words("am_pm"):
        h = h % 12 + (12 if toks[j].norm in _words("pm") else 0)
        return DateMention(t.start, toks[j].end, {"hour": h, "minute": minute}), j + 1
    if j + 2 < n and toks[j].norm in ("a", "p") and toks[j + 1].norm == "." and toks[j + 2].norm == "m":
        end_j = j + 3 if not (j + 3 < n and toks[j + 3].norm == ".") else j + 4
        h = h % 12 + (12 if toks[j].norm == "p" else 0)
        return DateMention(t.start, toks[end_j - 1].end, {"hour": h, "minute": minute}), end_j
    if j < n and toks[j].norm in word_set(lex.lang, "clock_hours"):
        later = j + 2 < n and toks[j + 1].norm in _words("evening_of") and toks[j + 2].norm in _words("evening")
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
    seasons = _table(lex.lang, "seasons")
    out: list[DateMention] = []
    after = 0
    for i in indexes_of(toks, seasons.keys() | index.keys()):  # no other token starts one
        t = toks[i]
        if i < after or i in taken:
            continue
        if t.norm in seasons:
            d = _season(toks, i, lex)
            if d is not None:
                out.append(d[0])
                after = d[1]
            continue
        if t.norm not in index:
            continue
        for phrase, rel in index[t.norm]:
            m = match_at(toks, i, phrase)
            if not m:
                continue
            if _of_after(toks, i + m) or _month_before(toks, i, lex):
                break  # "la veille du scrutin", "the day before yesterday's"; "September of last year"
            j = _daypart(toks, i + m, lex.lang) if rel.startswith("day ") else i + m
            out.append(DateMention(t.start, toks[j - 1].end, {"relative": rel}))
            after = j
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
    if isinstance(parts.get("zone"), str):
        parts = {**parts, "zone": _offset_on(str(parts["zone"]), base)}  # "heure de Paris" in July: +120
    step = int(parts.get("step", 0))
    rest = {k: v for k, v in parts.items() if k != "step"}
    if "relative" in parts:
        unit, offset = str(parts["relative"]).split()
        k = int(offset)
        if unit == "day":
            d = base + dt.timedelta(days=k)
            return {"year": d.year, "month": d.month, "day": d.day, "weekday": d.weekday()}
        if unit == "month":
            months = base.year * 12 + base.month - 1 + k
            return {"year": months // 12, "month": months % 12 + 1}
        if "month" in parts:  # "in September of last year"
            return {"year": base.year + k, "month": parts["month"]}
        return {"year": base.year + k}
    if "weekday" in parts and not {"day", "month", "year"} & parts.keys():
        back = (base.weekday() - int(parts["weekday"])) % 7
        if step < 0 and back == 0:
            back = 7  # "last Friday" in a Friday's report: a week before
        if step > 0:
            back = -((int(parts["weekday"]) - base.weekday()) % 7 or 7)  # "next Monday": the first after
        elif "ahead" in parts:
            back = -((int(parts["weekday"]) - base.weekday()) % 7)  # "is expected on Saturday": that day or after
        rest.pop("ahead", None)
        d = base - dt.timedelta(days=back)
        return {**rest, "year": d.year, "month": d.month, "day": d.day}
    if "season" in parts and "year" not in parts:
        first = _SEASON_START[str(parts["season"])]
        months = (first - 1 + 3) % 12 + 1  # the month after the season's last
        if step < 0:  # the last one over before the report's month
            y = base.year - 1 if first != 12 else base.year - 2
            if first != 12 and base.month >= months:
                y = base.year
            elif first == 12 and base.month >= months and base.month < 12:
                y = base.year - 1
        elif step > 0:  # the first to start after it
            y = base.year if base.month < first else base.year + 1
        else:  # the season of the report's year, a winter being the one it is in or ends
            y = base.year - 1 if first == 12 and base.month <= 2 else base.year
        return {**rest, "year": y}
    if "step" in parts and "month" in parts and not {"day", "year"} & parts.keys():
        m = int(parts["month"])
        if step < 0:  # "last March": the last March before the report's month
            y = base.year if m < base.month else base.year - 1
        elif step > 0:
            y = base.year if m > base.month else base.year + 1
        else:
            y = base.year
        return {**rest, "year": y}
    return rest


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


@cache
def _table(lang: str, key: str) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """A phrase table of words.toml (phrase -> value) by its first token, longest first."""
    from .lexicon import by_first, tokenize_phrase

    table = lexicon(lang).words.get(key, {})
    return by_first({tuple(tokenize_phrase(k)): str(v) for k, v in table.items() if isinstance(v, str)})


def _phrase_at(toks: list[Token], i: int, lang: str, key: str) -> tuple[int, str] | None:
    """The phrase of table ``key`` at toks[i]: (tokens it spans, its value)."""
    from .tokens import match_at

    if i >= len(toks):
        return None
    for phrase, v in _table(lang, key).get(toks[i].norm, ()):
        m = match_at(toks, i, phrase)
        if m:
            return m, v
    return None


def _steps(toks: list[Token], i: int, j: int, lex: Lexicon, parts: dict[str, int | str]) -> tuple[int, int]:
    """A step word before toks[i] ("last", "ce") or at toks[j] ("dernier", "prochain"): set
    ``parts["step"]``; return the mention's first token and the token after it."""
    s0 = i
    if i > 0 and (i < 2 or toks[i - 2].norm not in _words("step_articles")):  # "the last Friday of May"
        for k in (1, 2):
            if i - k >= 0:
                hit = _phrase_at(toks, i - k, lex.lang, "date_steps_before")
                if hit and hit[0] == k:
                    parts["step"] = int(hit[1])
                    s0 = i - k
                    break
    hit = _phrase_at(toks, j, lex.lang, "date_steps_after")
    if hit:
        parts["step"] = int(hit[1])
        j += hit[0]
    return s0, j


def _daypart(toks: list[Token], j: int, lang: str) -> int:
    """Past a part of the day at toks[j] ("evening", "soir", "au soir")."""
    hit = _phrase_at(toks, j, lang, "date_dayparts")
    return j + hit[0] if hit else j


def _of_after(toks: list[Token], j: int) -> bool:
    return j < len(toks) and toks[j].norm in _words("of_after")


def _month_before(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """toks[i] follows a month, with "of"/"de" between or not: the month's relative year."""
    k = i - 1
    if k >= 0 and toks[k].norm in _words("month_of"):
        k -= 1
    return k >= 0 and _month_at(toks, k, lex) and _relative_year_after(toks, k + 1, lex.lang) is not None


def _relative_year_after(toks: list[Token], k: int, lang: str) -> tuple[str, int] | None:
    """A relative year at toks[k] ("last year", "of last year", "de l'année dernière")."""
    from .tokens import match_at

    j = k + 1 if k < len(toks) and toks[k].norm in _words("month_of") else k
    if j >= len(toks):
        return None
    for phrase, rel in _relative_index(lang).get(toks[j].norm, ()):
        m = match_at(toks, j, phrase)
        if m and rel.startswith("year "):
            return rel, j + m
    return None


def _season_before(toks: list[Token], i: int, lang: str) -> bool:
    """The year at toks[i] is a season's: "summer 2023", "the summer of 2023", "l'été de 2023"."""
    k = i - 1
    if k >= 0 and toks[k].norm in _words("season_of"):
        k -= 1
    return k >= 0 and toks[k].norm in _table(lang, "seasons")


def _season(toks: list[Token], i: int, lex: Lexicon) -> tuple[DateMention, int] | None:
    """ "this summer", "last winter", "cet été", "l'été dernier", "the summer of 2023"."""
    n = len(toks)
    hit = _phrase_at(toks, i, lex.lang, "seasons")
    if hit is None:
        return None
    parts: dict[str, int | str] = {"season": hit[1]}
    j = i + hit[0]
    k = j + 1 if j < n and toks[j].norm in _words("season_of") else j
    if k < n and toks[k].kind == "num" and len(toks[k].text) == 4 and 1900 <= int(toks[k].text) <= 2100:
        parts["year"] = int(toks[k].text)
        s0 = i - 1 if i > 0 and toks[i - 1].norm in _words("season_articles") else i
        return DateMention(toks[s0].start, toks[k].end, parts), k + 1
    s0, j = _steps(toks, i, j, lex, parts)
    if "step" not in parts:
        return None  # a season alone ("in summer") dates nothing
    if s0 == i and i > 0 and toks[i - 1].norm in _words("season_elided"):
        s0 = i - 1  # "l'été dernier"
    return DateMention(toks[s0].start, toks[j - 1].end, parts), j


def _numeric_date(toks: list[Token], i: int, lex: Lexicon) -> tuple[DateMention, int] | None:
    """ "7/7/2024", "05/11/2023", "05.11.2023": day first in French; in English only where the
    reading is the same either way or one side cannot be a month ("21/3/2024", "3/21/2024")."""
    n = len(toks)
    if i + 4 >= n or len(toks[i].text) > 2 or toks[i + 2].kind != "num" or len(toks[i + 2].text) > 2:
        return None
    sep = toks[i + 1].norm
    if sep not in ("/", ".") or toks[i + 3].norm != sep or (sep == "." and not hooks(lex.lang).DAY_FIRST):
        return None
    y = toks[i + 4]
    if y.kind != "num" or len(y.text) != 4 or not all(glued(toks[k], toks[k + 1]) for k in range(i, i + 4)):
        return None
    a, b = int(toks[i].text), int(toks[i + 2].text)
    if hooks(lex.lang).DAY_FIRST or a == b or a > 12:
        day, month = a, b
    elif b > 12:
        day, month = b, a
    else:
        return None  # "3/4/2024": 3 April or March 4
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return DateMention(toks[i].start, y.end, {"year": int(y.text), "month": month, "day": day}), i + 5


def _ago(text: str, toks: list[Token], lex: Lexicon, mentions: list[Mention] | None = None) -> list[DateMention]:
    """ "ten years ago", "il y a dix ans": the day, month or year counted back from the report
    (the figure itself stays a duration: a time since)."""
    from .numbers import find_mentions
    from .tokens import match_at

    after = [tuple(p.split()) for p in lex.words.get("date_ago", {}).get("after", [])]
    before = [tuple(p.split()) for p in lex.words.get("date_ago", {}).get("before", [])]
    if not after and not before:
        return []
    norms = positions(toks)  # the words of the text
    if not any(p[0] in norms for p in after + before):
        return []
    out: list[DateMention] = []
    ago_units: dict[str, str] = _load("figures.toml")["dates"]["ago_units"]
    for m in find_mentions(text, toks, lex) if mentions is None else mentions:
        if m.j >= len(toks) or toks[m.j].norm not in ago_units or m.is_range or not float(m.low).is_integer():
            continue
        unit, k = ago_units[toks[m.j].norm], int(m.low)
        first = toks[m.i].start if m.hstart is None else m.hstart
        start = end = None
        if any(match_at(toks, m.j + 1, p) for p in after):
            start, end = first, toks[m.j + 1].end
        for p in before:
            if m.i >= len(p) and match_at(toks, m.i - len(p), p) == len(p):
                start, end = toks[m.i - len(p)].start, toks[m.j].end
        if start is None or end is None:
            continue
        rel = {"day": f"day -{k}", "week": f"day -{7 * k}", "month": f"month -{k}", "year": f"year -{k}",
               "decade": f"year -{10 * k}"}[unit]
        out.append(DateMention(start, end, {"relative": rel}))
    return out


def statement_date(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """The date whose first token is ``toks[i]`` follows a reporting verb: "officials said
    Monday", "told reporters on Sunday", "a annoncé dimanche dans un communiqué" (the day
    something was said; ``[statement_dates]`` in words.toml)."""
    verbs = tuple(word_set(lex.lang, "statement_dates", "verbs"))
    filler = word_set(lex.lang, "statement_dates", "filler")
    k = i - 1
    while verbs and k >= max(0, i - 6):
        t = toks[k]
        if t.is_word and t.norm.startswith(verbs):
            return True
        if t.norm not in filler:
            return False
        k -= 1
    return False
