"""How likely two claims state the same fact: a score from kind and unit, what is counted,
what happened to it, the context, nearby names and (weakly) the value."""

from __future__ import annotations

import math
import re
import threading
from typing import NamedTuple, cast

from rapidfuzz import fuzz

from .compare import (
    DATE_PARTS,
    compare_amounts,
    compare_dates,
    direction,
    initial_of,
    name_parts,
    normalise,
    same_nominal,
    significant_digits,
)
from .evidence import NO_EVIDENCE, Entities, Evidence, NameMatch
from .extract.lexicon import concepts, units
from .models import Amount, Claim
from .runcache import table
from .signals import Features, entities_of, features, similarity, similarity_of

FLOOR = 0.3  # below this no pair is ever reported (align's lowest threshold is above it)
NEUTRAL_ACTIONS = frozenset({"reported"})  # "counted", "recorded": says who, not what happened
NUMERIC = frozenset({"count", "age", "money", "percent", "quantity", "duration"})
ENTITY_BONUS = 0.15  # the same proper name next to both figures
ENTITY_PENALTY = 0.15  # different proper names next to the two figures
VAGUE_PENALTY = 0.2
# Who gives a figure: the police's count and the organisers' count of one march are two
# figures, each to be checked against the same side's. (No bonus for the same side: it
# would loosen the bound that lets most pairs stop before their context is read.)
SOURCE_PENALTY = 0.35
VALUE_BONUS = 0.25  # a compatible figure: a little more likely the same fact
DIRECTION_BONUS = 0.1  # two figures that both say a fall (or both a rise) with no action in common
SLIP_BONUS = 0.2  # the same digits with two neighbours swapped: as likely the same fact mistyped
VALUE_PENALTY = 0.15  # per order of magnitude apart
# The very same uncommon sum or rate ("£54 million", "14%"), or the same length of time, is
# more likely the same fact. Not for counts: counts say what they count, and a source that
# gives two tolls should not have the one equal to the draft's win on its value alone.
RARE_VALUE_BONUS = 0.1
RARE_KINDS = frozenset({"money", "percent", "duration"})
# kinds whose figure seldom says what it is of: a bare word on one side only says little
UNCOUNTED_KINDS = frozenset({"duration", "money", "percent", "age"})
EARLIER_PENALTY = 0.4  # one figure given as an earlier, superseded report and the other not
APART_PENALTY = 0.45  # one figure has an action marked apart in concepts.toml ("sought") and the other not
SEVERITY_PENALTY = 0.3  # one figure says how badly ("seriously", "grièvement") and the other does not
PAST_PENALTY = 0.6  # one figure told of another, earlier event ("last year's strike") and the other not
PEAK_KINDS = frozenset({"percent", "money"})
PEAK_PENALTY = 0.3  # a move's peak ("as much as 14%") and where it closed are two facts
STREAK = "count.streak"  # the rule of a run's length ("their fifth straight win")
STREAK_BONUS = 0.15  # two runs' lengths of one thing: a story tells of one run of wins
HOLDER_NOUN_BONUS = 0.15  # two ages said of a person by one noun or role ("a 21-year-old winger", "l'ailier")
OTHER_HOLDER_NOUN_PENALTY = 0.6  # ... by two kinds of person that are two people ("a deckhand", "a passenger")


class Side(NamedTuple):
    """What scoring needs of one claim, computed once per claim rather than once per pair."""

    claim: Claim
    concepts: frozenset[str]
    specific: frozenset[str]  # concepts less the generic ones ("people")
    literal: bool  # every specific concept is a bare word ("w:...")
    human: bool  # every specific concept names people
    trait: bool  # every specific concept names people by what they are ("children")
    actions: frozenset[str]  # less the neutral ones
    normal: tuple[Amount, bool] | None  # the amount in base units (numeric kinds)
    way: int  # how the figure moved (:func:`~factcheck.compare.direction`)
    name: tuple[str, ...]  # a person's name, folded, word by word
    value_key: int | None  # what :func:`_value_term` reads of the claim, as an interned id
    shape_key: int  # what :func:`_shape_terms` reads of the claim, as an interned id
    context: list[Features]  # the claim's features once read (most claims never need them)


# Pair caches are keyed by two small ids rather than two tuples: hashing a pair of ints is
# what a pair costs when most of the work is a cache hit. Ids are never reused; past the cap
# a new key gets NO_ID and its pairs are worked out every time.
# The ids are the process's (they name keys, not texts, and outlive a run: a side read in
# one run keeps its ids), handed out under a lock so that two threads never give two keys
# one id; the pair caches they key are the run's (:mod:`factcheck.runcache`).
NO_ID = -1
_ID_CAP = 1 << 20
_IDS: dict[tuple[object, ...], int] = {}
_IDS_LOCK = threading.Lock()


def _intern(key: tuple[object, ...]) -> int:
    got = _IDS.get(key)
    if got is None:
        with _IDS_LOCK:
            got = _IDS.get(key)
            if got is None:
                if len(_IDS) >= _ID_CAP:
                    return NO_ID
                got = _IDS[key] = len(_IDS)
    return got


def _value_key(c: Claim, normal: tuple[Amount, bool] | None) -> int | None:
    if c.amount is None or normal is None:
        return None
    n, scaled = normal
    return _intern(("value", c.kind, c.unit, c.hedge, c.part, c.amount.low, n.low, n.high, n.hedge, scaled))


def side(c: Claim) -> Side:
    lex = concepts(c.lang)
    con = frozenset(c.concepts)
    spec = con - lex.generic
    normal = normalise(c) if c.amount is not None else None
    side_actions = frozenset(c.actions) - NEUTRAL_ACTIONS
    way = direction(c)
    return Side(
        c,
        con,
        spec,
        all(x.startswith("w:") for x in spec),
        spec <= lex.human,
        bool(spec) and spec <= lex.trait and not con & lex.generic,  # "men and women" are people
        side_actions,
        normal,
        way,
        name_parts(str(c.value)) if c.kind == "person" else (),
        _value_key(c, normal),
        _intern(("shape", c.kind, c.unit, c.hedge, c.part, c.earlier, c.past, c.lang, con, side_actions,
                 c.rule == STREAK, way)),
        [],
    )


def features_of(x: Side) -> Features:
    """The claim's :class:`~factcheck.signals.Features`, read once per side."""
    if not x.context:
        x.context.append(features(x.claim))
    return x.context[0]


Scored = tuple[float, Evidence]  # how likely the two claims state one fact, and why


def score(d: Claim, s: Claim) -> Scored:
    if d.kind != s.kind:
        return 0.0, NO_EVIDENCE
    return score_sides(side(d), side(s))


def score_sides(a: Side, b: Side) -> Scored:
    """:func:`score` for claims already read by :func:`side` (alignment reads each claim once)."""
    d, s = a.claim, b.claim
    if d.kind != s.kind:
        return 0.0, NO_EVIDENCE
    if d.kind == "person":
        return _score_person(a, b)
    if d.kind == "date":
        return _score_date(d, s)
    shape = shape_of(a, b)
    return (0.0, NO_EVIDENCE) if shape is None else score_numeric(a, b, shape)


class Shape(NamedTuple):
    """What :func:`_shape_terms` finds of a pair of claim shapes."""

    base: float  # the score from kinds, units, concepts, actions, hedges and parts
    subjects: tuple[str, ...]  # the concepts both count
    actions: tuple[str, ...]  # the actions both name
    weight: float  # what the words around the figures can add at most
    most: float  # what the two values can add at most
    best: float  # the most the pair can score
    penalties: tuple[float, ...] = ()  # :func:`_penalties` of the two claims (it reads only their shapes)

_SHAPES = "scoring.shapes"  # the run's table of pair shapes, by pair of shape ids
PAIR_CAP = 100_000  # entries of a pair table: a full one is emptied, not grown
_NOT_YET = Shape(0.0, (), (), 0.0, 0.0, 0.0)  # stands for "not worked out yet" (no cast: it costs a call)


def shape_of(a: Side, b: Side) -> Shape | None:
    """What the kinds, units, concepts, actions, hedges and parts of two numeric claims say
    (see :func:`_shape_terms`); None: they cannot be the same fact. Its last item is the most
    the pair can score: below :data:`FLOOR` it is never reported."""
    if a.shape_key == NO_ID or b.shape_key == NO_ID:
        return _shape_terms(a, b)
    key = a.shape_key << 21 | b.shape_key
    shapes: dict[int, Shape | None] = table(_SHAPES)
    shape = shapes.get(key, _NOT_YET)
    if shape is _NOT_YET:
        if len(shapes) >= PAIR_CAP:
            shapes.clear()
        shape = shapes[key] = _shape_terms(a, b)
    return shape


def score_numeric(a: Side, b: Side, shape: Shape, floor: float = FLOOR) -> Scored:
    """:func:`score_sides` of two numeric claims whose :func:`shape_of` is ``shape``.

    A pair that cannot reach ``floor`` stops early and gets an upper bound of its score
    (below ``floor``) with no evidence: a caller that needs more than :data:`FLOOR` skips more."""
    d, s = a.claim, b.claim
    sc, weight, most, best = shape.base, shape.weight, shape.most, shape.best
    if best < floor:
        return best, NO_EVIDENCE  # even the closest context and value could not make these the same fact
    value = _value_term(a, b)  # exact, and cheaper than the context: it bounds the rest first
    slip = value < 0 and slipped(d, s)
    if slip:
        value = min(SLIP_BONUS, most)  # "€98,450" and "89,450 euros": one figure, two keys swapped
    best += value - most
    if best < floor:
        return best, NO_EVIDENCE
    # the context is read only for pairs still in the running: most claims never need it
    fa = a.context[0] if a.context else features_of(a)  # features_of(), without its call when read
    fb = b.context[0] if b.context else features_of(b)
    sim = similarity_of(fa, fb, d.lang == s.lang)
    if best - weight * (1.0 - sim) < floor:
        return best - weight * (1.0 - sim), NO_EVIDENCE
    sc += weight * sim
    x, y = d.amount, s.amount
    if x and y and a.normal and b.normal:
        # the value only as a tie-breaker: a compatible figure is a little more likely the same fact
        sc += value
        if d.kind == "age":
            sc += 0.3 if x.is_range == y.is_range else -0.3
    for penalty in shape.penalties:  # _penalties(d, s), added one by one as ever
        sc += penalty
    given_by = None
    if fa.source_of and fb.source_of:
        given_by = (fa.source_of, fb.source_of)
        if fa.source_of != fb.source_of:
            sc -= SOURCE_PENALTY
    ent = entities_of(fa, fb)
    if ent == "same":
        sc += ENTITY_BONUS
    elif ent == "different":
        sc -= ENTITY_PENALTY
    elif ent == "missing":
        sc -= 0.05
    return sc, Evidence(
        subjects=shape.subjects,
        actions=shape.actions,
        context=sim if sim >= 0.3 else None,
        earlier=bool(s.earlier and not d.earlier),
        past=None if s.past == d.past else ("source" if s.past else "draft"),
        given_by=given_by,
        entities=cast(Entities, ent) if ent else None,
        slip=slip,
    )


_DIGITS = re.compile(r"\d(?:[\d\s,.'’]*\d)?")


def slipped(d: Claim, s: Claim) -> bool:
    """Whether two single figures of one kind and unit are written with the same digits but
    two neighbours swapped ("€98,450" / "89,450 euros", "38,60" / "38,06", "4,127" / "4,217",
    "€3.2 million" / "€2.3 million"), of the same order of size: a slip of the keys is as
    likely as another fact."""
    x, y = d.amount, s.amount
    if d.unit != s.unit or x is None or y is None or x.low != x.high or y.low != y.high:  # not a range
        return False
    if not (x.low > 0 and y.low > 0 and max(x.low, y.low) < 10 * min(x.low, y.low)):
        return False
    a, b = _digits_of(d.text), _digits_of(s.text)
    if a is None or b is None or len(a) != len(b) or len(a) < 2 or a == b:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


_DIGITS_OF = "scoring.digits"  # the run's table of the digits of a claim's first figure, by its text


def _digits_of(text: str) -> str | None:
    """The digits of the first figure written in ``text`` ("€98,450": "98450"), None when it
    has none: a claim meets many others, so its text is read once per run."""
    digits: dict[str, str] = table(_DIGITS_OF)
    got = digits.get(text)
    if got is None:
        if len(digits) >= PAIR_CAP:
            digits.clear()
        m = _DIGITS.search(text)
        got = digits[text] = "" if m is None else "".join(ch for ch in m.group() if ch.isdigit())
    return got or None  # "": no figure (a figure has a digit)


def _shape_terms(a: Side, b: Side) -> Shape | None:
    """What kinds, units, concepts, actions, hedges and parts say of a pair, before its
    context and value are read: the same few shapes recur across pairs, so each pair of
    shapes is worked out once. None: the pair cannot be the same fact."""
    d, s = a.claim, b.claim
    subjects: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    sc = 0.0
    if d.kind == "quantity" and not _same_dimension(d.unit, s.unit):
        return None
    if d.kind == "duration" and (d.unit in ("hour", "minute", "second")) != (s.unit in ("hour", "minute", "second")):
        sc -= 0.2
    if d.kind == "age":  # an age counts nothing: its concepts say whose it is
        sc += _holder_nouns(a, b)
        subjects = tuple(sorted(a.concepts & b.concepts))
    elif a.concepts and b.concepts:
        shared = a.concepts & b.concepts
        if shared:
            specific = a.specific & b.specific
            sc += 0.35 if specific and not all(x.startswith("w:") for x in specific) else 0.25
            subjects = tuple(sorted(shared))
        elif a.specific and b.specific:
            alike = _written_alike(a.specific, b.specific) if d.lang != s.lang and a.literal and b.literal else ()
            if alike:
                sc += 0.25  # "19 listes" and "17 lists": a word the languages write alike
                subjects = alike
            elif d.kind == "quantity" and a.literal != b.literal:
                sc -= 0.1  # "an area of 120,000 sq km" and "a 120,000 sq km region": the unit says what it measures
            elif not (a.literal and b.literal):
                sc -= 0.45
            elif d.lang == s.lang:
                sc -= 0.1  # two words the lexicon does not know; in two languages, they may be one
        elif a.specific or b.specific:
            one, other = (a, b) if a.specific else (b, a)
            if one.trait and not other.claim.part:  # "nine of the dead" may be any of them
                sc -= 0.45  # "nine children" are some of "17 dead", not another count of them
            elif one.literal and (d.kind in UNCOUNTED_KINDS or d.kind == "quantity"):
                # "a final that lasted 2 h 41" and "needed 2 h 41"; "a journey of some 470
                # million km" and "some 480 million kilometres": a word the other leaves out
                pass
            else:
                sc += 0.2 if one.human else -0.3
        else:
            sc += 0.2  # nothing specific on either side: the empty set names no one else
    if d.rule == STREAK and s.rule == STREAK and subjects:
        sc += STREAK_BONUS  # "their fifth straight win" and "ce quatrième succès de rang"
    da, sa = a.actions, b.actions
    if ("serious" in da) != ("serious" in sa):
        sc -= SEVERITY_PENALTY  # "six seriously injured" are some of "40 injured", not another count of them
    table = concepts(d.lang)
    if (da & table.apart) != (sa & table.apart):
        sc -= APART_PENALTY  # "prosecutors sought eight years" is not the sentence handed down
    if a.way and a.way == b.way and not (da & sa):
        sc += DIRECTION_BONUS  # "le CAC 40 a reculé de 1,9 %" and "The CAC 40 lost 1.6%": one move told
    loose = table.loose  # "lasted", "affected": they say little
    if da and sa:
        inter = da & sa
        if inter:
            sc += 0.25 + 0.15 * len(inter) / len(da | sa)
            actions = tuple(sorted(inter))
        elif not (da <= loose or sa <= loose):
            sc -= 0.35
    # with nothing counted and nothing happening (durations, ages, prices), the words around
    # the figures are most of the evidence
    # (a measure's bare word on one side only, "a journey of 470 million km", says as little)
    said = d.kind != "age" and bool(d.concepts or s.concepts)
    if said and d.kind == "quantity" and a.literal and b.literal and not (a.concepts and b.concepts):
        said = False
    bare = not (said or da - loose or sa - loose)
    weight = 0.5 if bare else 0.3
    most = _most_value(d, s)
    penalties = tuple(_penalties(d, s))
    best = sc + weight + _best_rest(d, s, most, penalties)
    return Shape(sc, subjects, actions, weight, most, best, penalties)


_LOOSE_HOLDERS = frozenset({"role:head", "role:official"})  # "the leader", "an official": said of anyone


def _holder_nouns(a: Side, b: Side) -> float:
    """What the nouns two ages are said of add (their concepts: see
    ``extract.numeric._age_holder``): the same kind of person or role ("a 41-year-old man",
    "un homme de 44 ans"; "winger", "ailier"), or two kinds of person that are two people ("a
    deckhand", "a passenger"). A trait (a girl, a woman) fits any kind, a generic person anyone;
    one person may hold several roles ("the Liberal leader", "a lawyer")."""
    if not (a.concepts and b.concepts):
        return 0.0
    shared = a.concepts & b.concepts
    if shared & (a.specific - _LOOSE_HOLDERS):
        return HOLDER_NOUN_BONUS
    if shared:
        return HOLDER_NOUN_BONUS / 3  # "a man" and "un homme": a person, little said
    trait = concepts(a.claim.lang).trait
    # one person holds several roles, and a word the concepts do not know ("mother", "farmer")
    # may be said of anyone
    x, y = ({c for c in z.specific - trait if not c.startswith(("role:", "w:"))} for z in (a, b))
    return -OTHER_HOLDER_NOUN_PENALTY if x and y else 0.0


def _written_alike(a: frozenset[str], b: frozenset[str]) -> tuple[str, ...]:
    """The bare words (``w:`` concepts) of two claims in two languages that are one word but
    for a final "e" ("liste" / "list", "groupe" / "group"), of four letters or more."""
    out = []
    for x in a:
        for y in b:
            short, long = (x, y) if len(x) < len(y) else (y, x)
            if len(short) >= 6 and long == short + "e":  # "w:" and four letters or more
                out.append(short)
    return tuple(sorted(out))


def _most_value(d: Claim, s: Claim) -> float:
    """What two compatible values add, the most :func:`_value_term` can give."""
    if "vague" in (d.hedge, s.hedge):
        return 0.05  # "dozens" holds almost any figure: agreeing with it proves little
    if d.part != s.part:
        return 0.0  # "two of the three" vs "two": a part
    return VALUE_BONUS + (RARE_VALUE_BONUS if d.kind in RARE_KINDS else 0.0)


_VALUE_TERMS = "scoring.value_terms"  # the run's table of value terms, by pair of value ids


def _value_term(a: Side, b: Side) -> float:
    """What the two values add: a little for a compatible figure, less the further apart."""
    return _value_pair(a, b)[0]


def values_agree(a: Side, b: Side) -> bool:
    """Whether the two figures agree (see :func:`~factcheck.compare.compare_amounts`); True
    when either claim has no figure to compare."""
    return _value_pair(a, b)[1]


def _value_pair(a: Side, b: Side) -> tuple[float, bool]:
    """(value term, values agree). The same two figures meet again and again across
    sources: each pair of value keys is worked out once."""
    if a.value_key is None or b.value_key is None:
        return 0.0, True
    if a.value_key == NO_ID or b.value_key == NO_ID:
        return _value_between(a, b)
    key = a.value_key << 21 | b.value_key
    terms: dict[int, tuple[float, bool]] = table(_VALUE_TERMS)
    v = terms.get(key)
    if v is None:
        if len(terms) >= PAIR_CAP:
            terms.clear()
        v = terms[key] = _value_between(a, b)
    return v


def _value_between(a: Side, b: Side) -> tuple[float, bool]:
    d, s = a.claim, b.claim
    if not (d.amount and s.amount and a.normal and b.normal):
        return 0.0, True
    if not _clearly_apart(d, s, a.normal[0], b.normal[0]) and compare_amounts(
        d, s, a.normal, b.normal, (a.way, b.way)
    )[0] == "agrees":
        most = _most_value(d, s)
        # any length of time said alike ("three years" / "trois ans") is seldom two facts of one story
        rare = d.kind == "duration" or _rare(a.normal[0])
        if most > VALUE_BONUS and not (rare and same_nominal(a.normal[0], b.normal[0])):
            most -= RARE_VALUE_BONUS  # only the very same uncommon sum keeps it
        return most, True
    na, nb = a.normal[0], b.normal[0]
    mid_a, mid_b = (na.low + na.high) / 2, (nb.low + nb.high) / 2
    if mid_a > 0 and mid_b > 0 and math.isfinite(mid_a) and math.isfinite(mid_b):
        apart = abs(math.log10(mid_a) - math.log10(mid_b))  # orders of magnitude
        return -(VALUE_PENALTY * (min(3.0, apart) if math.isfinite(apart) else 3.0)), False
    return 0.0, False


def _clearly_apart(d: Claim, s: Claim, na: Amount, nb: Amount) -> bool:
    """Two positive figures (``na``, ``nb``: their amounts in base units) so far apart that
    :func:`~factcheck.compare.compare_amounts` cannot find them agreeing, whatever their
    hedges, ranges and rounding: even widened by a quarter and 2 either way (no hedge,
    rounding or scale word allows a tenth and 1 more), one ends below where the other
    starts, and with that ratio no figure rounds to the other. The test is a few
    comparisons where the comparison reads hedges, directions and decimals: most pairs a
    source's figures make with the draft's are of other facts, far apart. Sums in two
    currencies are left to the comparison (its own rule of a conversion)."""
    if d.unit != s.unit and d.kind == "money":
        return False
    lo_a, hi_a, lo_b, hi_b = na.low, na.high, nb.low, nb.high
    if not (0 < lo_a <= hi_a < math.inf and 0 < lo_b <= hi_b < math.inf):
        return False
    return hi_a * 1.25 + 2 < lo_b * 0.8 - 2 or hi_b * 1.25 + 2 < lo_a * 0.8 - 2


def _rare(a: Amount) -> bool:
    """A figure that two reports of other facts seldom share: one value (no range) with two
    significant digits or more ("£54 million", "€1,500", "14%", "6.5%"; not "€300", "5%")."""
    if a.is_range or not 0 < a.low < 1e15:
        return False
    return significant_digits(a.low) >= 2


def identifies(x: Side) -> bool:
    """A figure precise enough to name its fact: one value of three significant digits or more
    ("4h 12min 33s", "168 km", "€105m", "1,041"; not "19 seconds", "a 1:06 lead", "€300")."""
    a = x.claim.amount  # as written: a duration's normal form in days makes "six months" look precise
    if a is None or x.normal is None or a.is_range or not 0 < a.low < 1e15:
        return False
    return significant_digits(a.low) >= 3


def same_figure(a: Side, b: Side) -> bool:
    """The two claims give the very same figure, once normalised ("4:12:33" and "4h 12min 33s")."""
    if a.normal is None or b.normal is None:
        return False
    return a.claim.unit == b.claim.unit and same_nominal(a.normal[0], b.normal[0])


def _best_rest(d: Claim, s: Claim, value: float, penalties: tuple[float, ...]) -> float:
    """The most the names can still add, with the value and the known penalties: an upper
    bound after the concepts and actions that lets most pairs stop before the context."""
    return value + ENTITY_BONUS + (0.3 if d.kind == "age" else 0.0) + sum(penalties)


def _penalties(d: Claim, s: Claim) -> list[float]:
    """What the units, parts and hedges take off, known before the context is read."""
    out = []
    if d.kind == "money" and d.unit != s.unit:
        out.append(-0.1)
    if d.part != s.part:
        out.append(-0.15)  # "four of them" is a part of the group that "26 officers" counts
    if s.hedge == "vague" and d.hedge != "vague":
        out.append(-VAGUE_PENALTY)  # "dozens" is weaker evidence than a figure
    if d.earlier != s.earlier:
        out.append(-EARLIER_PENALTY)  # a source's current figure is the one to check against
    if d.past != s.past:
        out.append(-PAST_PENALTY)  # "last year's strike lasted five days" is no figure of this one
    if d.kind in PEAK_KINDS and (_peak(d) and _close(s) or _peak(s) and _close(d)):
        out.append(-PEAK_PENALTY)  # "rose as much as 14%" is the day's peak, "closing up 9.1%" its close
    return out


def _peak(c: Claim) -> bool:
    """A move told by its bound ("rose as much as 14%", "up to 5p"): the peak of the move."""
    return c.hedge == "at_most" and "closed" not in c.actions


def _close(c: Claim) -> bool:
    """A move told where it ended ("closing up 9.1%", "closed at 371.5p, up 9.3%")."""
    return "closed" in c.actions and c.hedge != "at_most"


def _same_dimension(u: str | None, v: str | None) -> bool:
    dims = units()["dimensions"]
    return u is not None and v is not None and dims.get(u) is not None and dims.get(u) == dims.get(v)


_LOOSE_ROLES = frozenset({"head", "official"})


def _score_person(x: Side, y: Side) -> Scored:
    a, b = x.name, y.name
    if not a or not b:
        return 0.0, NO_EVIDENCE
    roles = (x.concepts & y.concepts) - _LOOSE_ROLES
    sur = fuzz.ratio(a[-1], b[-1])
    how: NameMatch
    if a[-1] == b[-1]:
        sc, how = 0.9, "same_surname"
    elif sur >= 75:
        sc, how = 0.6, "surnames_alike"
    elif len(a) > 1 and len(b) > 1 and a[0] == b[0] and initial_of(a[-1], b[-1]):
        sc, how = 0.6, "surname_initial"  # "Frédéric M." and "Frédéric Montagnac", as courts' reports write
    elif a[0] == b[0] and roles:
        sc, how = 0.55, "first_name_and_role"
    elif roles and fuzz.ratio(" ".join(a), " ".join(b)) >= 60:
        sc, how = 0.5, "role_and_names_alike"
    else:
        return 0.0, NO_EVIDENCE
    if roles:
        sc += 0.1
    return sc, Evidence(name=how, name_ratio=sur, roles=tuple(sorted(roles)))


def _score_date(d: Claim, s: Claim) -> Scored:
    p, q = d.when or {}, s.when or {}
    shared = [k for k in DATE_PARTS if k in p and k in q]
    if not shared:
        return 0.0, NO_EVIDENCE
    sim = similarity(d, s)
    if d.lang == s.lang:
        # a sentence can date several events: the words next to the date say which one
        fd, fs = features(d), features(s)
        sim = 0.5 * sim + 0.5 * fuzz.token_set_ratio(fd.window, fs.window) / 100.0
    sc = 0.15 + 0.6 * sim
    da, sa = features(d).actions, features(s).actions
    if da & sa:
        sc += 0.1
    if all(p[k] == q[k] for k in shared) or compare_dates(d, s)[0] == "agrees":  # "14:20 GMT", "16h20, heure de Paris"
        sc += 0.1
        if {"month", "season", "weekday", "hour", "relative"} & set(shared):
            sc += 0.15  # a named month, day or hour that agrees is evidence in itself
    return sc, Evidence(date_context=sim)
