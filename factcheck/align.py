"""Alignment: for each draft claim and one source, the source claim that states the same
fact, or none.

Signals: kind and unit; what is counted (concept ids shared across languages); what
happened to it (action concepts); the words around the figure (rapidfuzz) and the
concepts of the sentence; the value only weakly. Names align on surname spelling and role.
Each source claim serves one fact; a weak match never makes a confident conflict.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import cast

from rapidfuzz import fuzz

from .compare import compare, normalise, same_nominal
from .extract.context import actions_in, subject_concepts
from .extract.lexicon import concepts, lexicon, singular
from .extract.tokens import tokenize
from .models import Claim, Document, Finding, Verdict
from .text import fold

AGREE_AT = 0.35  # an agreeing pair needs this much evidence that it is the same fact
CONFLICT_AT = 0.4  # a conflict needs more
UNCLEAR_AT = 0.32  # a conflict below CONFLICT_AT but above this is reported as unclear
SELF_AT = 0.85  # the draft contradicting itself: only on strong evidence, across sentences
ABSENT_NAME_PENALTY = 0.25  # the draft names a place or body next to the figure that the source never names
ENTITY_PENALTY = 0.15  # different proper names next to the two figures
VAGUE_PENALTY = 0.2
VALUE_BONUS = 0.25  # a compatible figure: a little more likely the same fact
VALUE_PENALTY = 0.15  # per order of magnitude apart
_NUMERIC = frozenset({"count", "age", "money", "percent", "quantity", "duration"})


def align_document(
    draft_claims: Sequence[Claim], doc: Document, source_claims: Sequence[Claim], *, itself: bool = False
) -> dict[str, Finding]:
    """Findings of one source (or of the draft against itself) keyed by draft claim id."""
    pairs: list[tuple[float, int, int, str, str]] = []
    vocabulary = _vocabulary(doc.text)
    for di, d in enumerate(draft_claims):
        unknown = d.kind in _NUMERIC and not itself and _names_unknown(d, vocabulary)
        for si, s in enumerate(source_claims):
            if itself and si <= di:
                continue
            sc, why = score(d, s)
            if unknown:
                sc -= ABSENT_NAME_PENALTY  # "in Odisha": the source never names the place of this figure
                why += "; the source never names what is next to this figure"
            if sc < min(AGREE_AT, UNCLEAR_AT):
                continue
            verdict, vwhy = compare(d, s)
            if verdict == "agrees" and sc < AGREE_AT:
                continue
            if verdict == "conflicts" and s.weak:
                continue
            if verdict == "conflicts" and d.kind in _NUMERIC and not _anchored(d, s, why):
                verdict = "unclear"  # nothing but the words around it says it is the same fact
            if itself and (verdict != "conflicts" or sc < SELF_AT or d.sentence == s.sentence):
                continue
            need = CONFLICT_AT + (0.2 if d.kind == "date" else 0.0)
            if verdict == "conflicts" and sc < need:
                if sc < UNCLEAR_AT:
                    continue
                verdict = "unclear"
            if verdict == "unclear" and sc < UNCLEAR_AT:
                continue
            pairs.append((sc, di, si, verdict, f"{why}; {vwhy}"))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    group = _repeat_groups(source_claims)
    taken_d: set[int] = set()
    used_s: dict[int, Claim] = {}
    shared_ok: dict[int, bool] = {}
    out: dict[str, Finding] = {}
    for sc, di, si, verdict, why in pairs:
        if di in taken_d:
            continue
        d = draft_claims[di]
        prior = used_s.get(si)
        if prior is not None and not _same_fact(prior, d) and not (verdict == "agrees" and shared_ok.get(si)):
            continue
        s = source_claims[si]
        taken_d.add(di)
        for sj in group[si]:  # a figure the source repeats is one fact: its repeats go with it
            used_s.setdefault(sj, d)
            shared_ok[sj] = shared_ok.get(sj, True) and verdict == "agrees"
        out[d.id] = Finding(
            source="draft" if itself else doc.id,
            verdict=cast(Verdict, verdict),
            score=round(sc, 3),
            why=why,
            span=s.span,
            text=s.text,
            value=s.value,
            source_claim=s.id,
        )
    return out


@lru_cache(maxsize=256)
def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(t.norm for t in tokenize(text) if t.is_word)


def _names_unknown(d: Claim, vocabulary: frozenset[str]) -> bool:
    """A proper name in the figure's own clause that the source never uses."""
    start = d.span.start - d.sentence.start
    end = start + len(d.text)
    ctx = d.context
    lo = max((ctx.rfind(p, 0, start) for p in ",;:()"), default=-1) + 1
    his = [k for k in (ctx.find(p, end) for p in ",;:()") if k >= 0]
    hi = min(his) if his else len(ctx)
    clause = ctx[lo:hi]
    names = _names_in(clause, lo == 0) - _attributed(clause)
    return bool(names - vocabulary)


_REPORTING = ("told", "said", "according to", "agency", "reported", "selon", "a declare", "a indique", "a precise")


def _attributed(clause: str) -> frozenset[str]:
    """Names that only say who reported the figure ("told the news agency ANI")."""
    low = fold(clause)
    out: set[str] = set()
    for cue in _REPORTING:
        k = low.find(cue)
        while k >= 0:
            out |= {t.norm for t in tokenize(low[k + len(cue) : k + len(cue) + 30]) if t.is_word}
            k = low.find(cue, k + 1)
    return frozenset(out)


def _repeat_groups(claims: Sequence[Claim]) -> list[list[int]]:
    """For each claim, the indexes of the claims that repeat it (same kind, value, subject and action)."""
    by_key: dict[tuple[object, ...], list[int]] = {}
    keys = []
    for k, c in enumerate(claims):
        key = (c.kind, str(c.value), c.unit, c.concepts, c.actions) if c.kind in _NUMERIC else ("#", k)
        keys.append(key)
        by_key.setdefault(key, []).append(k)
    return [by_key[key] for key in keys]


def _anchored(d: Claim, s: Claim, why: str) -> bool:
    """A count conflict needs a shared action or name nearby, or the same specific subject
    with no disagreement on what happened to it. Other kinds rest on their alignment score."""
    if d.kind != "count" or "same action" in why or "same place" in why:
        return True
    if "same subject" not in why:
        return False
    specific = (set(d.concepts) & set(s.concepts)) - concepts(d.lang).generic
    return bool(specific) or (not d.actions and not s.actions)


def _same_fact(a: Claim, b: Claim) -> bool:
    """Two draft claims that repeat one fact may share a source claim."""
    if a.kind != b.kind:
        return False
    if a.kind in _NUMERIC:
        return bool(a.amount and b.amount and same_nominal(normalise(a)[0], normalise(b)[0]))
    return fold(str(a.value)) == fold(str(b.value))


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
    da, sa = set(d.actions), set(s.actions)
    if da and sa:
        inter = da & sa
        if inter:
            sc += 0.25 + 0.15 * len(inter) / len(da | sa)
            why.append("same action (" + ", ".join(sorted(inter)) + ")")
        else:
            sc -= 0.35
    sim = _similarity(d, s)
    sc += 0.3 * sim
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
            if mid_a > 0 and mid_b > 0:
                sc -= VALUE_PENALTY * min(3.0, abs(math.log10(mid_a / mid_b)))
        if d.kind == "age":
            sc += 0.3 if a.is_range == b.is_range else -0.3
    if d.kind == "money" and d.unit != s.unit:
        sc -= 0.1
    if d.part != s.part:
        sc -= 0.15  # "four of them" is a part of the group that "26 officers" counts
    if s.hedge == "vague" and d.hedge != "vague":
        sc -= VAGUE_PENALTY  # "dozens" is weaker evidence than a figure
    ent = _entities_signal(d, s)
    if ent:
        sc += ent
        why.append("same place or name nearby" if ent > 0 else "different place or name nearby")
    return sc, "; ".join(why) or "weak match"


def _entities_signal(d: Claim, s: Claim) -> float:
    """Proper names near the figure ("in Colorado", "the Met") must not disagree."""
    a, b = _entities(d), _entities(s)
    if a and b:
        return 0.15 if a & b else -ENTITY_PENALTY
    return -0.05 if a and not b and _entities_sentence(s) - a else 0.0


def _entities(c: Claim) -> frozenset[str]:
    start = c.span.start - c.sentence.start
    lo = max(0, start - 60)
    return _names_in(c.context[lo : start + len(c.text) + 60], lo == 0)


def _entities_sentence(c: Claim) -> frozenset[str]:
    return _names_in(c.context, True)


@lru_cache(maxsize=8192)
def _names_in(text: str, at_start: bool) -> frozenset[str]:
    """Capitalised words that are not function words, titles, months or weekdays."""
    common = _common_caps()
    toks = tokenize(text)
    out: set[str] = set()
    for k, t in enumerate(toks):
        if not t.is_cap or (k == 0 and at_start) or len(t.norm) < 3:
            continue
        if k > 0 and toks[k - 1].norm in (".", "!", "?", '"', "“", "«", ":", "\n"):
            continue
        if t.norm in common:
            continue
        out.add(t.norm)
    return frozenset(out)


@lru_cache(maxsize=1)
def _common_caps() -> frozenset[str]:
    from .extract.people import _given, _lists

    words: set[str] = set(_given())
    for lang in ("en", "fr"):
        lex = lexicon(lang)
        titles, _, _ = _lists(lang)
        words |= lex.stop | set(lex.weekdays) | set(lex.months) | titles
    return frozenset(words)


def _same_dimension(u: str | None, v: str | None) -> bool:
    from .extract.lexicon import units

    m = units()["measure"]
    dim = {
        "km": "len",
        "m": "len",
        "cm": "len",
        "mm": "len",
        "mile": "len",
        "ft": "len",
        "kg": "mass",
        "g": "mass",
        "tonne": "mass",
        "lb": "mass",
        "l": "vol",
        "mph": "speed",
        "km/h": "speed",
        "ha": "area",
        "acre": "area",
        "m2": "area",
        "km2": "area",
    }
    del m
    return dim.get(u or "") == dim.get(v or "")


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
    sim = _similarity(d, s)
    sc = 0.15 + 0.6 * sim
    _, _, da = _sentence_concepts(d.context, d.lang)
    _, _, sa = _sentence_concepts(s.context, s.lang)
    if da & sa:
        sc += 0.1
    if all(p[k] == q[k] for k in shared):
        sc += 0.1
        if "month" in shared or "weekday" in shared:
            sc += 0.15
    return sc, f"dates in similar sentences ({sim:.2f})"


def _similarity(d: Claim, s: Claim) -> float:
    dw, dc, da = _sentence_concepts(d.context, d.lang)
    sw, scc, sa = _sentence_concepts(s.context, s.lang)
    cj = _jaccard(dc | da, scc | sa)
    if d.lang != s.lang:
        return cj
    local = fuzz.token_set_ratio(_window(d), _window(s)) / 100.0
    wj = _jaccard(dw, sw)
    return max(cj, 0.5 * local + 0.5 * min(1.0, 2 * wj)) if wj else max(cj, 0.5 * local)


def _window(c: Claim) -> str:
    start = c.span.start - c.sentence.start
    ctx = c.context
    left = ctx[max(0, start - 50) : start]
    right = ctx[start + len(c.text) : start + len(c.text) + 50]
    return fold(left + " " + right)


def _jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=4096)
def _sentence_concepts(text: str, lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Content words, subject concepts and action concepts of a sentence."""
    lex = lexicon(lang)
    toks = tokenize(text)
    c = concepts(lang)
    words: set[str] = set()
    subj: set[str] = set()
    for k, t in enumerate(toks):
        if t.is_word and len(t.norm) > 2 and t.norm not in lex.stop:
            words.add(singular(t.norm))
            _, ids = subject_concepts(toks, k, c)
            subj |= {x for x in ids if x not in c.generic}
    acts = {a for _, a in actions_in(toks, 0, len(toks), lang)}
    return frozenset(words), frozenset(subj), frozenset(acts)
