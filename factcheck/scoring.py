"""How likely two claims state the same fact: a score from kind and unit, what is counted,
what happened to it, the context, nearby names and (weakly) the value."""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from .compare import compare, normalise
from .extract.lexicon import concepts, units
from .models import Claim
from .signals import entities_signal, features, similarity
from .text import fold

FLOOR = 0.3  # below this no pair is ever reported (align's lowest threshold is above it)
_MOST_THE_REST_ADDS = 0.5 + 0.25 + 0.15 + 0.3  # context, value, names, age range match
NEUTRAL_ACTIONS = frozenset({"reported"})  # "counted", "recorded": says who, not what happened
NUMERIC = frozenset({"count", "age", "money", "percent", "quantity", "duration"})
ENTITY_BONUS = 0.15  # the same proper name next to both figures
ENTITY_PENALTY = 0.15  # different proper names next to the two figures
VAGUE_PENALTY = 0.2
VALUE_BONUS = 0.25  # a compatible figure: a little more likely the same fact
VALUE_PENALTY = 0.15  # per order of magnitude apart


def score(d: Claim, s: Claim) -> tuple[float, str]:
    if d.kind != s.kind:
        return 0.0, ""
    if d.kind == "person":
        return _score_person(d, s)
    if d.kind == "date":
        return _score_date(d, s)
    return _score_numeric(d, s)


def _score_numeric(d: Claim, s: Claim) -> tuple[float, str]:
    c = concepts(d.lang)
    why: list[str] = []
    sc = 0.0
    if d.kind == "quantity" and not _same_dimension(d.unit, s.unit):
        return 0.0, ""
    if d.kind == "duration" and (d.unit in ("hour", "minute", "second")) != (s.unit in ("hour", "minute", "second")):
        sc -= 0.2
    ds, ss = set(d.concepts), set(s.concepts)
    if ds and ss:
        shared = ds & ss
        spec_d, spec_s = ds - c.generic, ss - c.generic
        if shared:
            specific = shared - c.generic
            sc += 0.35 if specific and not all(x.startswith("w:") for x in specific) else 0.25
            why.append("same subject (" + ", ".join(sorted(shared)) + ")")
        elif spec_d and spec_s:
            literal = all(x.startswith("w:") for x in spec_d | spec_s)
            sc -= 0.1 if literal else 0.45
        else:
            other = spec_d or spec_s
            sc += 0.2 if other <= c.human else -0.3
    da, sa = set(d.actions) - NEUTRAL_ACTIONS, set(s.actions) - NEUTRAL_ACTIONS
    if da and sa:
        inter = da & sa
        if inter:
            sc += 0.25 + 0.15 * len(inter) / len(da | sa)
            why.append("same action (" + ", ".join(sorted(inter)) + ")")
        else:
            sc -= 0.35
    if sc + _MOST_THE_REST_ADDS < FLOOR:
        return sc, ""  # what is counted and what happened disagree too much for the rest to help
    sim = similarity(d, s)
    # with nothing counted and nothing happening (durations, ages, prices), the words around
    # the figures are most of the evidence
    bare = not (d.concepts or s.concepts or da or sa)
    sc += (0.5 if bare else 0.3) * sim
    if sim >= 0.3:
        why.append(f"similar context {sim:.2f}")
    a, b = d.amount, s.amount
    if a and b:
        # the value only as a tie-breaker: a compatible figure is a little more likely the same fact
        if compare(d, s)[0] == "agrees":
            if "vague" in (d.hedge, s.hedge):
                sc += 0.05  # "dozens" holds almost any figure: agreeing with it proves little
            elif d.part == s.part:  # "two of the three" vs "two": a part, not the whole
                sc += VALUE_BONUS
        else:
            na, nb = normalise(d)[0], normalise(s)[0]
            mid_a, mid_b = (na.low + na.high) / 2, (nb.low + nb.high) / 2
            if mid_a > 0 and mid_b > 0 and math.isfinite(mid_a) and math.isfinite(mid_b):
                apart = abs(math.log10(mid_a) - math.log10(mid_b))  # orders of magnitude
                sc -= VALUE_PENALTY * (min(3.0, apart) if math.isfinite(apart) else 3.0)
        if d.kind == "age":
            sc += 0.3 if a.is_range == b.is_range else -0.3
    if d.kind == "money" and d.unit != s.unit:
        sc -= 0.1
    if d.part != s.part:
        sc -= 0.15  # "four of them" is a part of the group that "26 officers" counts
    if s.hedge == "vague" and d.hedge != "vague":
        sc -= VAGUE_PENALTY  # "dozens" is weaker evidence than a figure
    ent = entities_signal(d, s)
    if ent == "same":
        sc += ENTITY_BONUS
        why.append("same place or name nearby")
    elif ent == "different":
        sc -= ENTITY_PENALTY
        why.append("different place or name nearby")
    elif ent == "missing":
        sc -= 0.05
    return sc, "; ".join(why) or "weak match"


def _same_dimension(u: str | None, v: str | None) -> bool:
    dims = units()["dimensions"]
    return u is not None and v is not None and dims.get(u) is not None and dims.get(u) == dims.get(v)


def _score_person(d: Claim, s: Claim) -> tuple[float, str]:
    a, b = fold(str(d.value)).split(), fold(str(s.value)).split()
    if not a or not b:
        return 0.0, ""
    roles = (set(d.concepts) & set(s.concepts)) - {"head", "official"}
    sur = fuzz.ratio(a[-1], b[-1])
    if a[-1] == b[-1]:
        sc, why = 0.9, "same surname"
    elif sur >= 75:
        sc, why = 0.6, f"surnames alike ({sur:.0f})"
    elif a[0] == b[0] and roles:
        sc, why = 0.55, "same first name and role"
    elif roles and fuzz.ratio(" ".join(a), " ".join(b)) >= 60:
        sc, why = 0.5, "same role, names alike"
    else:
        return 0.0, ""
    if roles:
        sc += 0.1
        why += " (role: " + ", ".join(sorted(roles)) + ")"
    return sc, why


def _score_date(d: Claim, s: Claim) -> tuple[float, str]:
    p, q = d.when or {}, s.when or {}
    shared = [k for k in ("year", "month", "day", "weekday", "hour") if k in p and k in q]
    if not shared:
        return 0.0, ""
    sim = similarity(d, s)
    sc = 0.15 + 0.6 * sim
    da, sa = features(d).actions, features(s).actions
    if da & sa:
        sc += 0.1
    if all(p[k] == q[k] for k in shared):
        sc += 0.1
        if "month" in shared or "weekday" in shared:
            sc += 0.15
    return sc, f"dates in similar sentences ({sim:.2f})"
