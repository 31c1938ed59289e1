"""Times that say how long: race and clock times ("2:04:02", "2 h 00 min 35 s", "02h00'35''")
and durations told in two units ("one hour and 40 minutes", "deux heures et 35 secondes")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from ..models import Span
from .lexicon import Lexicon, data_pattern, data_words, phrase_list, units, word_set
from .numbers import hedge_before
from .numeric import Draft, _actions
from .tokens import Token, match_before


@cache
def _clock() -> re.Pattern[str]:
    """h:mm:ss (a time of day in news has no seconds), or hours, minutes and seconds each with
    its mark: "2 h 00 min 35 s", "02h 00 min 35 s", "2h04'02''", "2 h 04 mn 02". The marks are
    the data of figures.toml [clock]; the primes and quotes are signs, not words."""
    h = "(?:" + data_pattern("figures", "clock", "hour_mark") + ")"
    mi = "(?:" + data_pattern("figures", "clock", "minute_mark") + ")"
    mw = "(?:" + data_pattern("figures", "clock", "minute_word") + ")"
    se = "(?:" + data_pattern("figures", "clock", "second_mark") + ")"
    am = "(?:" + data_pattern("figures", "clock", "day_mark") + ")"
    return re.compile(
        r"(?<![\d:.,])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?:[.,]\d{1,2})?(?![\d:])"
        rf"|(?<![\d.,])(?P<h2>\d{{1,2}})\s?{h}\s?(?P<m2>[0-5]?\d)\s?(?:{mi}|'|’)\s?(?P<s2>[0-5]?\d)"
        rf"(?:\s?(?:{se}|''|’’|\")(?![A-Za-z]))?(?![\d])"
        # hours and minutes alone ("2 h 30", "1h45 min"): a duration only after a cue of one
        rf"|(?<![\d.,:])(?P<h3>\d{{1,2}})\s?{h}\s?(?P<m3>[0-5]\d)(?P<min3>\s?{mw}(?![A-Za-z]))?(?![\d:])"
        # minutes, seconds and their tenths or hundredths ("3:31.84", "1:59.7"): a race time, as
        # no clock of the day is read to the hundredth
        r"|(?<![\d.,:])(?P<m4>\d{1,2}):(?P<s4>[0-5]\d)[.,](?P<f4>\d{1,2})(?![\d:])"
        # minutes and seconds alone ("finished inside 3:36", "clocked 3:58"): a race time only
        # after a cue of one, as "at 3:36" is a time of the day
        rf"|(?<![\d.,:])(?P<m5>\d{{1,2}}):(?P<s5>[0-5]\d)(?![\d:]|[.,]\d|\s?(?:{am}|{h}\b))"
        # minutes and seconds marked with primes, as French sport pages write a race time:
        # "3'31''84", "3’31’’", "1′45″3"; a double quote only before tenths or hundredths, as
        # "5'11\"" is a height in feet and inches
        r"|(?<![\d.,:'’′])(?P<m6>\d{1,2})\s?['’′]\s?(?P<s6>[0-5]\d)"
        r"(?:\s?(?:''|’’|″)(?P<f6>\d{1,2})?|\"(?P<q6>\d{1,2}))(?![\d'’′])"
    )


# What every clock time holds, found at its first or second character: most texts have none,
# and a search for this is far quicker than one for the clock pattern, whose lookbehinds are
# tried at every character ("3:31.84" has ":31" too)
@cache
def _clock_hint() -> re.Pattern[str]:
    h = "(?:" + data_pattern("figures", "clock", "hour_mark") + ")"
    return re.compile(rf"\d(?::[0-5]\d|\s?{h}\s?\d|\s?['’′]\s?[0-5]\d)")


class Clock(NamedTuple):
    """A race or clock time read as a duration, with the tokens it spans."""

    draft: Draft
    sentence: Span
    first: int  # token index of its first token
    last: int  # token index past its last token


@cache
def _join() -> re.Pattern[str]:
    """What joins two lengths of time into one: ", and", "et", ","."""
    return re.compile(r"\s*(?:,\s*)?(?:" + data_pattern("figures", "clock", "join_and") + r"|,)?\s*")


def clock_durations(
    text: str,
    toks: list[Token],
    lex: Lexicon,
    sent_of: Callable[[int], Span | None],
    tok_range: Callable[[Span], tuple[int, int]],
) -> list[Clock]:
    """Each race or clock time of ``text`` as a duration (in seconds, or in minutes when it
    gives no seconds), with its token range."""
    out: list[Clock] = []
    starts: list[int] = []
    hint = _clock_hint().search(text)
    if hint is None:
        return out
    for m in _clock().finditer(text, max(0, hint.start() - 1)):  # the lookbehinds still see the text before
        if not starts:
            starts = [t.start for t in toks]  # only for a text that has a clock time
        if m.group("h"):
            h, mi, se = m.group("h"), m.group("m"), m.group("s")
        elif m.group("h2"):
            h, mi, se = m.group("h2"), m.group("m2"), m.group("s2")
        elif m.group("h3"):
            h, mi, se = m.group("h3"), m.group("m3"), "0"
        elif m.group("m4"):
            h, mi, se = "0", m.group("m4"), m.group("s4")
        elif m.group("m5"):
            h, mi, se = "0", m.group("m5"), m.group("s5")
        else:
            h, mi, se = "0", m.group("m6"), m.group("s6")
        s = sent_of(m.start())
        if s is None or m.end() > s.end:
            continue
        ti = bisect_left(starts, m.start())
        tj = bisect_left(starts, m.end())
        if ti >= len(toks) or toks[ti].start != m.start():
            continue
        if m.group("h3") and not m.group("min3") and not _timed(toks, ti, lex):
            continue  # "à 14 h 30" is a time of day; "en 2 h 30", "a duré 2 h 30" how long
        if m.group("m5") and not (_timed(toks, ti, lex) or _race_bound(toks, ti, lex)):
            continue  # "at 3:36" is a time of day; "finished in 3:36", "inside 3:36" how long
        seconds: float = int(h) * 3600 + int(mi) * 60 + int(se)
        frac = m.group("f4") or m.group("f6") or m.group("q6")
        if frac:
            seconds = round(seconds + int(frac) / 10 ** len(frac), 2)  # "3:31.84", "3'31''84"
        # in the smallest unit written: "12 h 33 min" is 753 minutes, "2:04:02" 7,442 seconds
        value, unit = (seconds / 60, "minute") if m.group("h3") else (seconds, "second")
        start, hedge = m.start(), "exact"
        hb = hedge_before(toks, ti, lex)
        if hb:
            start, hedge = toks[ti - hb[0]].start, hb[1]
        s0, s1 = tok_range(s)
        acts = _actions(toks, ti, tj, s0, s1, lex, None, parts=False)
        d = Draft("duration", start, m.end(), float(value), float(value), hedge, unit=unit, actions=acts)
        out.append(Clock(d, s, ti, tj))
    return out


def _race_bound(toks: list[Token], ti: int, lex: Lexicon) -> bool:
    """A word before a minutes-and-seconds time that makes it a bound on a race time
    ("inside 3:36", "under 4:00", "sous les 3:40": words.toml race_time_bounds)."""
    k = ti - 1
    if k >= 0 and toks[k].norm in ("-", "–"):
        k -= 1  # "sub-3:36"
    while k >= 0 and toks[k].norm in word_set(lex.lang, "race_time_fillers"):
        k -= 1
    return k >= 0 and toks[k].norm in word_set(lex.lang, "race_time_bounds")


def _timed(toks: list[Token], ti: int, lex: Lexicon) -> bool:
    """A word before the time at toks[ti] says it is how long something took ("en", "a duré",
    "in", "lasted"): words.toml clock_duration_cues, a hedge between allowed."""
    hb = hedge_before(toks, ti, lex)
    at = ti - (hb[0] if hb else 0)
    if at > 0 and toks[at - 1].norm in word_set(lex.lang, "clock_duration_cues"):
        return True
    if (
        at > 2
        and toks[at - 1].norm in data_words("figures", "joins", "of_des")
        and toks[at - 2].is_word
        and not toks[at - 2].is_cap
        and toks[at - 3].norm in word_set(lex.lang, "clock_measure_det")
    ):
        return True  # "au terme d'un combat de 2h51": how long the fight lasted
    # "au bout de 1h30", "at the end of 2h15": a phrase that frames a length of time
    return any(match_before(toks, at, ph) for ph in phrase_list(lex.lang, "clock_duration_phrases"))


@cache
def _range(key: str) -> re.Pattern[str]:
    """The words between two times of a range (figures.toml [clock] range_to, range_and), alone."""
    return re.compile(r"\s*(?:" + data_pattern("figures", "clock", key) + r")\s*", re.IGNORECASE)


@cache
def _range_before(key: str) -> re.Pattern[str]:
    """The words that open a range of times (range_open, range_between), at the end of a text."""
    return re.compile(r"(?:\b(?:" + data_pattern("figures", "clock", key) + r")\s*)$", re.IGNORECASE)


def _size(unit: str | None) -> float:
    """A time unit's length in days (0 for none)."""
    entry = units()["time"].get(unit or "")
    return float(entry[1]) if entry else 0.0  # type: ignore[arg-type]


def ranged_durations(text: str, drafts: list[tuple[Draft, Span]]) -> list[tuple[Draft, Span]]:
    """A range whose two ends are in different units is one duration in the smaller unit:
    "six months to a year", "de six mois à un an" are 6 to 12 months, "between 18 months and
    two years" 18 to 24. Only where the larger unit is a whole number of the smaller one
    (a year is 12 months, a week 7 days); "and" makes a range only after "between"/"entre"."""
    order = sorted(range(len(drafts)), key=lambda k: drafts[k][0].start)
    gone: set[int] = set()
    merged: dict[int, Draft] = {}
    for a, b in zip(order, order[1:], strict=False):
        da, sa = drafts[a]
        db, sb = drafts[b]
        if a in gone or da.kind != "duration" or db.kind != "duration" or sa is not sb:
            continue
        if da.is_range or db.is_range or not 0 < _size(da.unit) < _size(db.unit):
            continue
        ratio = _size(db.unit) / _size(da.unit)
        if abs(ratio - round(ratio)) > 0.01 * ratio:
            continue  # "three weeks to two months": no whole number of weeks
        between, before = text[da.end : db.start], text[max(sa.start, da.start - 20) : da.start]
        to, and_ = _range("range_to"), _range("range_and")
        if not (to.fullmatch(between) or (and_.fullmatch(between) and _range_before("range_between").search(before))):
            continue
        if not _range("range_to").fullmatch(between) and not _range_before("range_open").search(before):
            continue
        high = db.high * round(ratio)
        merged[a] = da._replace(end=db.end, high=high, actions=da.actions or db.actions)
        gone.add(b)
    return [(merged.get(k, d), s) for k, (d, s) in enumerate(drafts) if k not in gone]


def joined_durations(text: str, drafts: list[tuple[Draft, Span]]) -> list[tuple[Draft, Span]]:
    """Two exact durations joined by "and", "et" or a comma, the larger unit first, are one
    time in the smaller unit: "two hours and 35 seconds" is 7,235 seconds."""
    order = sorted(range(len(drafts)), key=lambda k: drafts[k][0].start)
    gone: set[int] = set()
    merged: dict[int, Draft] = {}
    for a, b in zip(order, order[1:], strict=False):
        if a in gone:
            continue
        da, sa = merged.get(a, drafts[a][0]), drafts[a][1]
        db, sb = drafts[b]
        if (
            da.kind == db.kind == "duration"
            and sa is sb
            and not da.is_range
            and not db.is_range
            and db.hedge == "exact"
            and _size(da.unit) > _size(db.unit) > 0
            and _join().fullmatch(text[da.end : db.start]) is not None
            and db.start - da.end <= 6
        ):
            ratio = round(_size(da.unit) / _size(db.unit))
            total = da.low * ratio + db.low
            merged[b] = db._replace(
                start=da.start, low=total, high=total, hedge=da.hedge, actions=da.actions or db.actions
            )
            gone.add(a)
    return [(merged.get(k, d), s) for k, (d, s) in enumerate(drafts) if k not in gone]
