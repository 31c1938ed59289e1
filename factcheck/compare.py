"""Value semantics: do two statements of the same fact agree?

Hedges and ranges are read as intervals; two different hedged figures are reported as
different (an editor wants to know), a precise figure agrees with a hedge it fits, and a
round figure written with a scale word ("one million") agrees with a precise one that
rounds to it.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

from .extract.lexicon import _load, basis_point_unit, data_phrases, data_words, units
from .invisible import script_note
from .models import Amount, Claim, trusted
from .runcache import memo
from .text import fold

_ABOUT = 0.02
_ABOUT_WHOLE = 0.05
_APPROX = 0.10
_NEARLY = 0.06
_OVER = 0.10


def interval(
    a: Amount,
    *,
    scaled: bool = False,
    whole: bool = False,
    measured: bool = False,
    precise: bool = False,
    step: float = 0.0,
) -> tuple[float, float]:
    """The values a statement allows. ``whole``: it counts whole things (people, years of
    age), and "about 40" allows a little more room (38), and one either side at least
    ("about 30" ~ 31); ``measured``: it measures (a length, a weight), and "about 300 metres"
    allows as much room, though none past half a unit of its last digit ("about 2.1 tonnes" is
    not 2.2); a sum of money keeps the tighter share. ``precise``: the
    figure is written as a precise one ("at least 43", not "more than 60"), and a bound on
    it leaves no room past the figure (:func:`precise_bound`). ``step``: the room a round floor
    leaves up to its next step, where the figure counts or lasts (:func:`floor_step`)."""
    lo, hi = a.low, a.high
    h = a.hedge
    if a.is_range or h in ("exact", "vague"):
        if scaled and not a.is_range:
            tol = _round_tolerance(lo)
            return lo - tol, hi + tol
        return lo, hi
    if h == "about":
        if whole:
            # "about 40" allows 38 and "about 30" 31, but "some 41,000" is said to the
            # thousand: 42,000 is another figure (no more room than half its last digit's unit)
            low_room = max(min(lo * _ABOUT_WHOLE, _step(lo) / 2), 1) if lo else 1
            high_room = max(min(hi * _ABOUT_WHOLE, _step(hi) / 2), 1) if hi else 1
            return lo - low_room, hi + high_room
        if measured and lo > 0:
            return lo - _measure_room(lo), hi + _measure_room(hi)
        return lo * (1 - _ABOUT), hi * (1 + _ABOUT)
    if h == "approx":  # "une trentaine": thirty or so
        return lo * (1 - _APPROX), hi * (1 + _APPROX)
    if precise and h in ("nearly", "under", "at_most"):
        # "just under 65 percent", "nearly 43": a little less than the figure, by no more than
        # a unit of its last digit
        return lo - _last_digit(lo), hi
    if precise and h in _BOUNDS:
        return lo, hi  # "at least 43": a precise bound says its figure
    if h == "nearly":
        return lo * (1 - _NEARLY), hi
    if h in ("over", "at_least"):
        if step:
            return lo, hi + step
        return lo, hi * (1 + _OVER)
    if h in ("under", "at_most"):
        return lo * (1 - _OVER), hi
    return lo, hi


_BOUNDS = frozenset({"nearly", "over", "at_least", "under", "at_most"})


def floor_step(c: Claim, normal: Amount) -> float:
    """The room a round floor leaves above it, in ``normal``'s unit: up to its next step (one
    more of its last significant digit) for a count of ten or more or a length of time:
    "more than 100 were acquitted" ~ 131, "more than 60" ~ 63, "plus de deux ans" ~ "deux
    ans et demi", but not 652 for "more than 640". 0 where the figure is no round floor."""
    a = c.amount
    if a is None or a.hedge not in ("over", "at_least") or a.is_range or not a.high or not _round(a.high):
        return 0.0
    if not (c.kind == "duration" or (c.kind == "count" and a.high >= 10)):
        return 0.0
    return _step(a.high) * normal.high / a.high


def _step(v: float) -> float:
    """A unit of the last significant digit of a whole figure: 100 for 100 and 300, 10 for 640,
    10,000 for 110,000."""
    step = 1.0
    while v >= step * 10 and (v / (step * 10)).is_integer():
        step *= 10
    return step


def _measure_room(v: float) -> float:
    """The room "about" leaves a measure: a twentieth of it, and no more than half a unit of
    its last digit ("about 300 metres" 15, "about 2.1 tonnes" 0.05)."""
    unit = _step(v) if float(v).is_integer() else _last_digit(v)
    return min(v * _ABOUT_WHOLE, unit / 2)


def _last_digit(v: float) -> float:
    """A unit of the last digit ``v`` is written to: 1 for 65 and for 2,350, 0.1 for 64.8."""
    text = f"{abs(v):.6f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 10.0 ** -decimals


def precise_bound(c: Claim) -> bool:
    """The claim bounds a precise figure written in digits: "at least 43", "more than 96"
    (not "more than 60", "nearly 1,500", "more than a quarter", "almost two decades")."""
    a = c.amount
    if a is None or a.hedge not in _BOUNDS or not any(ch.isdigit() for ch in c.text):
        return False
    return not (_round(a.low) and _round(a.high))


def _round(v: float) -> bool:
    """A round figure, that a bound leaves room above or below: a multiple of ten (60, 250,
    110,000, 8.7 million) or one significant digit (0.4, 3). "more than 60" allows 63; "at
    least 43" is a count of 43 said as a floor, and 44 is another count."""
    v = abs(v)
    if v >= 10 and float(v).is_integer():
        return int(v) % 10 == 0
    return significant_digits(v) <= 1


def _about_rounded(a: Amount, b: Amount) -> bool:
    """Two figures both said about ("about 31", "around 30.9"; "roughly 207", "about 200"),
    ``b`` the more precise, that rounds to ``a`` at ``a``'s last significant digit: one
    figure, rounded (not "about 300" and "about 350", nor "some 41,000" and "some 42,000"; a
    figure that ends on a half step, "about 2,500", is round in its own way)."""
    if a.hedge not in ABOUT_HEDGES or b.hedge not in ABOUT_HEDGES or a.low <= 0 or b.low <= 0:
        return False
    digits, precise = significant_digits(a.low), significant_digits(b.low)
    if digits >= precise or _last_significant(b.low, precise) == 5:
        return False  # "about 2,500" is a round figure of its own, no rounding of "some 3,000"
    place = _last_place(a.low, digits)
    return abs(math.floor(b.low / place + 0.5) * place - a.low) <= 1e-9 * a.low


ABOUT_HEDGES = frozenset({"about", "approx"})


def _last_place(v: float, digits: int) -> float:
    """The unit of the last significant digit of ``v`` (> 0), which has ``digits`` of them:
    100 for 2,500 said to the hundred, 0.1 for 30.9."""
    return 10.0 ** (math.floor(math.log10(v)) - digits + 1)


def _last_significant(v: float, digits: int) -> int:
    """The last significant digit of ``v``, which has ``digits`` of them (5 for 2,500)."""
    return int(math.floor(v / _last_place(v, digits) + 0.5)) % 10


def significant_digits(v: float) -> int:
    """The digits of ``v`` from its first to its last that is not 0, to six decimals:
    3 for 105 million and for 4.25, 1 for 300, 4 for 1,041."""
    return len(f"{abs(v):.6f}".replace(".", "").strip("0"))


def _round_tolerance(v: float) -> float:
    """'one million' allows 10%; '3.45 billion' half a unit of its last digit."""
    if v == 0:
        return 0.0
    scale = 1.0
    m = abs(v)
    while m >= 1000:
        m /= 1000
        scale *= 1000
    digits = f"{m:.3f}".rstrip("0").rstrip(".")
    if "." not in digits and len(digits.lstrip("0")) == 1:
        return abs(v) * 0.10
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.49 * scale * 10 ** (-decimals)  # 14 million and 15 million must not touch


def normalise(c: Claim) -> tuple[Amount, bool]:
    """The claim's amount in a base unit (days for durations, base measures) and whether
    it is a round figure written with a scale word."""
    a = c.amount or Amount(low=0, high=0)
    return _normalised(c.kind, c.unit, a.low, a.high, a.hedge, c.text)


@memo(65536)
def _normalised(kind: str, unit: str | None, low: float, high: float, hedge: str, text: str) -> tuple[Amount, bool]:
    f = _unit_factor(kind, unit) if unit else 1.0
    scaled = kind in ("money", "count") and _scaled(text)
    return trusted(Amount, {"low": low * f, "high": high * f, "hedge": hedge}), scaled


@lru_cache(maxsize=256)
def _unit_factor(kind: str, unit: str) -> float:
    if kind == "percent":
        return 0.01 if unit == basis_point_unit() else 1.0  # "25 basis points" is a quarter of a point
    table = units()["time" if kind == "duration" else "measure"] if kind in ("duration", "quantity") else {}
    for name, (canon, factor) in table.items():
        if canon == unit or name == unit:
            return float(factor)
    return 1.0


def _scaled(text: str) -> bool:
    t = fold(text)
    return any(w in t for w in data_words("figures", "compare", "scales")) or t.rstrip().endswith("m")


def same_nominal(a: Amount, b: Amount, tolerance: float = 1e-6) -> bool:
    return _eq(a.low, b.low, tolerance) and _eq(a.high, b.high, tolerance)


def _close_share(a: Amount, b: Amount, share: float) -> bool:
    """Both ends within ``share`` of the larger one."""
    return all(abs(x - y) <= share * max(abs(x), abs(y)) for x, y in ((a.low, b.low), (a.high, b.high)))


def _eq(x: float, y: float, tolerance: float = 1e-6) -> bool:
    return abs(x - y) <= tolerance * max(1.0, abs(x), abs(y))


def compare_amounts(
    d: Claim,
    s: Claim,
    nd: tuple[Amount, bool] | None = None,
    ns: tuple[Amount, bool] | None = None,
    ways: tuple[int, int] | None = None,
) -> tuple[str, str]:
    """(verdict, why) for two numeric claims of the same fact (``nd``, ``ns``: their
    :func:`normalise`, ``ways``: their :func:`direction`, when the caller has them already)."""
    if d.kind == "money" and s.kind == "money" and d.unit and s.unit and d.unit != s.unit:
        a, b = d.amount, s.amount
        if a and b and same_nominal(a, b) and not (a.is_range or a.hedge != "exact" or b.hedge != "exact"):
            # no two of these currencies trade at par: "€2.5 million" and "$2.5 million" is a
            # wrong currency, not a conversion
            return "conflicts", f"the same figure in {d.unit} and in {s.unit}"
        if a and b and b.low and 0.8 <= a.low / b.low <= 1.25:
            return "agrees", f"{d.unit} and {s.unit} amounts close enough to be a conversion"
        return "unclear", f"different currencies ({d.unit} vs {s.unit})"
    a, sa = nd or normalise(d)
    b, sb = ns or normalise(s)
    way_d, way_s = ways if ways is not None else (direction(d), direction(s))
    if way_d and way_s and way_d != way_s:
        return "conflicts", "one figure is a rise, the other a fall"
    if way_d and way_d == way_s and (a.low < 0) != (b.low < 0):
        a, b = _unsigned(a), _unsigned(b)  # "-38.4%" and "fell 38.4%": one fall, written two ways
    # a year is 12 months and 52 weeks, give or take the calendar (a share of the figure: in
    # days, 40 seconds and a minute are both close to nothing)
    calendar = d.kind == "duration" and d.unit != s.unit
    if (_close_share(a, b, 0.02) if calendar else same_nominal(a, b)):
        return "agrees", "same figure" + (" (hedges aside)" if a.hedge != b.hedge else "")
    if a.is_range and b.is_range:
        # "dozens" allows any figure of its range, "25 to 30" included; two ranges that are
        # both said (not vague) and differ are two different statements
        if (a.hedge == "vague" and a.low <= b.low and b.high <= a.high) or (
            b.hedge == "vague" and b.low <= a.low and a.high <= b.high
        ):
            return "agrees", "range within the vague figure"
        return "conflicts", "different ranges"
    if d.kind in ROUNDED_KINDS and (_rounded_to(a, b) or _rounded_as_written(d, s)):
        return "agrees", "same figure, rounded"
    if d.kind == "count" and (_count_rounded_to(a, b) or _count_rounded_to(b, a)):
        return "agrees", "same figure, rounded"
    hedged_a = a.hedge not in ("exact",) and not a.is_range
    hedged_b = b.hedge not in ("exact",) and not b.is_range
    if hedged_a and hedged_b and (_about_rounded(a, b) or _about_rounded(b, a)):
        return "agrees", "same figure, rounded (both said about)"  # "about 31" and "around 30.9"
    if hedged_a and hedged_b and a.hedge != "vague" and b.hedge != "vague":
        return "conflicts", "two different hedged figures"
    whole, measured = d.kind in ("count", "age"), d.kind == "quantity"
    lo1, hi1 = interval(a, scaled=sa, whole=whole, measured=measured, precise=precise_bound(d), step=floor_step(d, a))
    lo2, hi2 = interval(b, scaled=sb, whole=whole, measured=measured, precise=precise_bound(s), step=floor_step(s, b))
    if lo1 <= hi2 + 1e-9 and lo2 <= hi1 + 1e-9:
        if a.is_range or b.is_range:
            return "agrees", "figure within the range"
        return "agrees", "figures compatible once hedges and rounding are read"
    return "conflicts", "incompatible figures"


_DIRECTED = frozenset({"percent", "money", "count", "quantity"})
_BEFORE, _AFTER = 4, 2  # words read for a direction before and after the figure
_WORDS = re.compile(r"[\w'-]+")


def direction(c: Claim) -> int:
    """How the figure moved: -1 a fall ("fell 3%", "down 3%", "3% lower", "-3%"), +1 a rise,
    0 when its words do not say (``[direction]`` in words.toml)."""
    if c.kind not in _DIRECTED or c.amount is None:
        return 0
    if c.amount.low < 0:
        return -1
    at = c.span.start - c.sentence.start
    end = c.span.end - c.sentence.start
    if not (0 <= at <= end <= len(c.context)):
        return 0
    return _direction_between(c.context[max(0, at - 60) : at], c.context[end : end + 30], c.lang)


@memo(16384)
def _direction_between(before_text: str, after_text: str, lang: str) -> int:
    """:func:`direction` from the text just before and just after a figure (each pair of
    claims meets again across sources: worked out once per figure)."""
    before = _WORDS.findall(fold(before_text))[-_BEFORE:]
    after = _WORDS.findall(fold(after_text))[:_AFTER]
    if tuple(before[-2:]) in data_phrases("figures", "compare", "ceiling"):
        return 0  # "up to 100 million": a ceiling, not a rise
    fall, rise = _direction_words(lang)
    for w in [*reversed(before), *after]:
        if w in fall:
            return -1
        if w in rise:
            return 1
    return 0


@lru_cache(maxsize=4)
def _direction_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    from .extract.lexicon import word_set

    return word_set(lang, "direction", "fall"), word_set(lang, "direction", "rise")


def _unsigned(a: Amount) -> Amount:
    lo, hi = sorted((abs(a.low), abs(a.high)))
    return trusted(Amount, {"low": lo, "high": hi, "hedge": a.hedge})


ROUNDED_KINDS = frozenset({"percent", "quantity"})  # counts are whole; money rounds by its scale word


def _rounded_to(a: Amount, b: Amount) -> bool:
    """One exact figure is the other written with fewer decimals: 66% for 66.2%, 7 for 6.8
    (29.4% and 29.5% have the same precision: they differ)."""
    if a.is_range or b.is_range or a.hedge != "exact" or b.hedge != "exact":
        return False
    da, db = _decimals(a.low), _decimals(b.low)
    if da == db:
        return False
    return abs(a.low - b.low) <= 0.5 * 10 ** -min(da, db) + 1e-9


_COUNT_ROUND_SHARE = 0.05  # the largest share of a round count its last digit's unit may be


def _count_rounded_to(round_: Amount, precise: Amount) -> bool:
    """A round count is a precise one rounded to its last significant digit, when that digit's
    unit is a small share of it: "5 800 spectateurs" for 5,812, "31,000" for 31,412 (not "20
    dead" for 19, nor "300" for 287: there the rounding is the figure)."""
    if round_.is_range or precise.is_range or round_.hedge != "exact" or precise.hedge != "exact":
        return False
    r, p = round_.low, precise.low
    if not (r >= 10 and float(r).is_integer() and float(p).is_integer()) or r == p:
        return False
    step = _step(r)
    if step < 10 or step > _COUNT_ROUND_SHARE * r or _step(p) >= step:
        return False
    return round(p / step) * step == r


def _rounded_as_written(d: Claim, s: Claim) -> bool:
    """:func:`_rounded_to` of the figures as written, in one unit: "187.4km" and "187 km"
    (in metres, 187,400 and 187,000 have the same precision)."""
    return d.unit == s.unit and d.amount is not None and s.amount is not None and _rounded_to(d.amount, s.amount)


def _decimals(v: float) -> int:
    text = f"{v:.6f}".rstrip("0")
    return len(text) - text.index(".") - 1


_REGNAL = re.compile(r"^(?=[ivxl]+$)l?x{0,3}(?:ix|iv|v?i{0,3})$")  # "ii" to "lxxxix", as folded


def name_parts(name: str) -> tuple[str, ...]:
    """A person's name, folded, as the words that say who it is: the last word is the one
    names are matched by. A ruler's numeral ends the name ("Heinrich XIII Prinz Reuss",
    "Prince Heinrich XIII of the House of Reuss": Heinrich XIII), the house after it does not."""
    written = name.split()
    parts = tuple(fold(name).split())
    if len(written) != len(parts):
        return parts
    for k in range(1, len(parts)):
        if len(parts[k]) > 1 and written[k].isupper() and _REGNAL.match(parts[k]):
            return parts[: k + 1]
    return parts


def _unhyphenated(parts: list[str]) -> list[str]:
    """The words of a name with its hyphens read as spaces ("pierre-alain" -> "pierre", "alain")."""
    return [w for p in parts for w in p.replace("‐", "-").split("-") if w]


def compare_people(d: Claim, s: Claim) -> tuple[str, str]:
    a, b = list(name_parts(str(d.value))), list(name_parts(str(s.value)))
    if a == b:
        return "agrees", "same name"
    # "Pierre-Alain Morel" and "Pierre Alain Morel": a compound name joined or not
    a, b = _unhyphenated(a), _unhyphenated(b)
    if a == b:
        return "agrees", "same name, joined by a hyphen or not"
    if a and b and (a[-len(b) :] == b or b[-len(a) :] == a):
        return "agrees", "same surname, one name shorter"
    if a and b and a[-1] == b[-1] and (_within(a, b) or _within(b, a)):
        return "agrees", "same name, a middle name or initial left out"
    initial = len(a) == len(b) >= 2 and min(len(a[-1].rstrip(".")), len(b[-1].rstrip("."))) == 1
    if initial and a[:-1] == b[:-1] and _same_word(a[-1], b[-1]):
        return "agrees", "same name, the surname given by its initial"
    mixed = script_note(str(d.value), str(s.value))  # "Dupоnt" with a Cyrillic о
    if mixed:
        return "conflicts", f"different spelling or name for the same person: {mixed}"
    return "conflicts", "different spelling or name for the same person"


def _within(short: list[str], long: list[str]) -> bool:
    """``short`` is ``long`` with given names left out or cut to initials, first and last
    kept: "Andrés Quintero" in "Andrés Felipe Quintero", "Scott Sieben" and "S. Sieben" in
    "Scott W. Sieben"."""
    if len(short) >= len(long) or not _same_word(short[0], long[0]):
        return False
    k = 1
    for w in short[1:-1]:
        while k < len(long) - 1 and not _same_word(w, long[k]):
            k += 1
        if k >= len(long) - 1:
            return False
        k += 1
    return True


def initial_of(x: str, y: str) -> bool:
    """One surname is the other's initial ("m" and "montagnac"), as court reports write a
    defendant ("Frédéric M.")."""
    x, y = x.rstrip("."), y.rstrip(".")
    return (len(x) == 1 and len(y) > 1 and y.startswith(x)) or (len(y) == 1 and len(x) > 1 and x.startswith(y))


def _same_word(x: str, y: str) -> bool:
    """The same given name, or an initial of it ("s." and "scott")."""
    x, y = x.rstrip("."), y.rstrip(".")
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


DATE_PARTS = ("year", "season", "month", "day", "weekday", "hour", "relative")  # what two dates are compared on


def compare_dates(d: Claim, s: Claim) -> tuple[str, str]:
    p, q = d.when or {}, s.when or {}
    shared = [k for k in DATE_PARTS if k in p and k in q]
    if not shared:
        return "unclear", "the two dates say different things (no common part)"
    zoned = "zone" in p and "zone" in q and p["zone"] != q["zone"]
    if "hour" in shared and zoned and not (isinstance(p["zone"], int) and isinstance(q["zone"], int)):
        return "unclear", "times in two time zones, one of them not known on the report's day"
    if "hour" in shared and zoned:
        a, b = _utc_hour(p), _utc_hour(q)  # "11:45 CET" and "10:45 GMT": one time, two zones
        if a == b:
            shared = [k for k in shared if k != "hour"]
            return ("agrees", "same hour, in two time zones") if all(p[k] == q[k] for k in shared) else (
                "conflicts", f"different {next(k for k in shared if p[k] != q[k])}")
        return "conflicts", "different hour, once both are in one time zone"
    diff = [k for k in shared if p[k] != q[k]]
    if diff:
        return "conflicts", f"different {diff[0]}"
    if "part" in p and "part" in q and not _parts_overlap(str(p["part"]), str(q["part"])):
        return "conflicts", "different parts of the same period"  # "the first half of 2027", "by the end of 2027"
    return "agrees", "same " + ", ".join(shared)


def _parts_overlap(a: str, b: str) -> bool:
    """Whether two parts of one period (figures.toml [value] part_spans) share some of it:
    "early 2027" and "the first half of 2027" do, "the first half" and "the end" do not."""
    spans = _part_spans()
    if a not in spans or b not in spans:
        return True
    (a0, a1), (b0, b1) = spans[a], spans[b]
    return min(a1, b1) - max(a0, b0) > 0


@cache
def _part_spans() -> dict[str, tuple[float, float]]:
    table = _load("figures.toml")["value"]["part_spans"]
    return {k: (float(v[0]), float(v[1])) for k, v in table.items()}


def _utc_hour(parts: dict[str, int | str]) -> int:
    """The hour of a time with its zone, in UTC (summer time is what the text's zone says)."""
    minutes = int(parts["hour"]) * 60 + int(parts.get("minute", 0)) - int(parts["zone"])
    return (minutes // 60) % 24


def compare(d: Claim, s: Claim) -> tuple[str, str]:
    if d.kind == "person":
        return compare_people(d, s)
    if d.kind == "date":
        return compare_dates(d, s)
    return compare_amounts(d, s)
