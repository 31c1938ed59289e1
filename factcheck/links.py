"""What links a draft figure to a source figure beyond the words around the two: the only
figure of a subject in both texts, the other figures of two sentences that meet, and the
person a figure is said of. Alignment (:mod:`factcheck.align`) adds these to a pair's score."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from rapidfuzz import fuzz

from .compare import initial_of
from .extract.lexicon import data_pattern, data_words, units, word_set
from .langs import codes
from .models import Claim
from .scoring import NUMERIC, Scored, Side, features_of
from .text import fold

HOLDER_BONUS = 0.3  # both figures are said of one person, each in its own item of a list
OTHER_HOLDER_PENALTY = 0.6  # each figure's own item names another person: another person's figure
OTHER_PERSON_PENALTY = 0.3  # the two figures are said of two different people the texts name
SAME_NAME_AT = 70  # rapidfuzz ratio from which two surnames may be one person misspelt
SENTENCE_BONUS = 0.15  # another figure of the draft's sentence meets one of the source's sentence
ANCHOR_AT = 0.6  # a pair this strong links its two sentences
LONE_SUBJECT_BONUS = 0.15  # both texts count that subject in one figure of the kind only
LONE_KINDS = frozenset({"count", "money", "quantity"})
NONE: frozenset[str] = frozenset()


def sentence_bonus(
    raw: dict[tuple[int, int], Scored],
    draft_claims: Sequence[Claim],
    source_claims: Sequence[Claim],
    by_kind: dict[str, list[tuple[int, Side]]],
    score: Callable[[int, int, Side, float], Scored | None],
    in_draft: dict[int, list[int]] | None = None,
) -> None:
    """Sentences that tell the same thing: a strong pair links its two sentences, and the
    other figures of those sentences are more likely to meet ("212 mm of rain in nine hours"
    and "250 mm in 12 hours"). Their pairs gain a bonus, and pairs too weak to be kept
    without it are scored again. ``in_draft``: :func:`figures_by_sentence` of the draft's
    claims, when the caller has it (it meets many sources)."""
    anchors: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for (di, si), (sc, _) in raw.items():
        if sc >= ANCHOR_AT:
            key = (draft_claims[di].sentence.start, source_claims[si].sentence.start)
            anchors.setdefault(key, set()).add((di, si))
    if not anchors:
        return
    if in_draft is None:
        in_draft = figures_by_sentence(draft_claims)
    in_source: dict[int, list[tuple[int, Side]]] = {}
    for kind, sides in by_kind.items():
        if kind in NUMERIC:
            for si, ss in sides:
                in_source.setdefault(source_claims[si].sentence.start, []).append((si, ss))
    for (d_at, s_at), links in anchors.items():
        for di in in_draft.get(d_at, ()):
            for si, ss in in_source.get(s_at, ()):
                if ss.claim.kind != draft_claims[di].kind or not any(a != di and b != si for a, b in links):
                    continue
                got = raw.get((di, si)) or score(di, si, ss, SENTENCE_BONUS)
                if got and got[0] < ANCHOR_AT:
                    raw[(di, si)] = (got[0] + SENTENCE_BONUS, got[1]._replace(sentence=True))


def figures_by_sentence(claims: Sequence[Claim]) -> dict[int, list[int]]:
    """The indexes of the numeric claims of each sentence, by where the sentence starts."""
    out: dict[int, list[int]] = {}
    for k, c in enumerate(claims):
        if c.kind in NUMERIC:
            out.setdefault(c.sentence.start, []).append(k)
    return out


HELD_KINDS = frozenset({"percent", "age", "money", "duration"})  # what a person scores, is, pays or gets
# what parts a sentence into items that each say their own person's figure
@cache
def _item_break() -> re.Pattern[str]:
    """What parts a sentence into items: punctuation, or a word of names.toml [people] item_break."""
    return re.compile(r"[,;:.!?()]|\s(?:" + data_pattern("names", "people", "item_break") + r")\s")
_ITEM_WORD = re.compile(r"[\w'’-]+")
_ITEMS_BACK = 3  # how many items back a figure's person may be named ("X, du PUR, avec 3,13 %")


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _figure(word: str) -> bool:
    """A word that is another figure: digits, not a year ("in 2017" dates, it counts nothing)."""
    return any(ch.isdigit() for ch in word) and not _YEAR.fullmatch(word)


def holder(c: Claim, people: set[str]) -> str | None:
    """The person a figure is said of, named before it in its own item of the sentence:
    "Aliou Mamadou Dia with 2.8%, Khalifa Sall with 1.56%", "Khalifa Sall, candidat de
    Taxawu, obtient 4 %", "Prakash Hinduja (79 ans)". The search goes back over items with
    no figure of their own; a name that reports ("Dupont said") holds nothing."""
    if c.kind not in HELD_KINDS or not people:
        return None
    if c.kind == "age" and (named := _named_after(c, people)):
        return named  # "before the 29-year-old Østergaard began", "the 28-year-old Frenchman Baptiste Carrière"
    if c.kind == "age" and c.subject:
        last = fold(c.subject).split()[-1]  # "The 23-year-old saved ...": the person named before
        if last in people:
            return last
    at = c.span.start - c.sentence.start
    before = fold(c.context[: max(0, at)])
    ends = [0] + [m.end() for m in _item_break().finditer(before)]
    stop = len(before)
    read = 0  # items read, less an age set beside a name
    for start in reversed(ends):
        item = before[start:stop]
        aside = stop != len(before) and _age_aside().fullmatch(item) is not None
        if not aside:
            read += 1
            if read > _ITEMS_BACK + 1:
                break
        words = _ITEM_WORD.findall(item)
        for k in range(len(words) - 1, -1, -1):
            if words[k] in people:
                after = k + 1
                if after + 1 < len(words) and words[after] in data_words("names", "people", "reporting_aux"):
                    after += 1  # "Verhoek a remporté": the verb after the auxiliary says whether he reports
                if after < len(words) and words[after] in data_words("names", "people", "reporting"):
                    return None  # "Dupont said 3%": who says it, not whose it is
                if any(_figure(w) for w in words[k + 1 :]):
                    return None  # "clear of Kallio over the final 200 metres to finish in 3:31.84"
                return words[k]
        if any(ch.isdigit() for ch in item) and stop != len(before) and not aside:
            return None  # an item with a figure of its own: someone else's
        stop = start  # (an age set beside a name, "Verhoek, 31, from Utrecht, ran", is the name's)
    return None


@cache
def _age_aside() -> re.Pattern[str]:
    """An item that is an age alone, perhaps with its word for years: ", 24,", ", 29 ans,"."""
    years = sorted({w for lang in codes() for w in word_set(lang, "years_of_age")}, key=len, reverse=True)
    return re.compile(r"\s*\d{1,3}\s*(?:(?:" + "|".join(map(re.escape, years)) + r")\s*)?[,;]?\s*")
_CAPITALISED_AFTER = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){1,3}")  # the words right after a figure
_NAMED_AFTER = 3  # how many capitalised words after an age may lead to the person's name


def _words_after(c: Claim) -> list[str]:
    """The run of up to three capitalised words right after ``c``'s figure, folded."""
    got = _CAPITALISED_AFTER.match(c.context, c.span.end - c.sentence.start)
    if got is None:
        return []
    words = []
    for w in got.group().split():
        if not w[0].isupper():
            break
        words.append(fold(w))
    return words[:_NAMED_AFTER]


def _named_after(c: Claim, people: set[str]) -> str | None:
    """The person an age is set before, as an adjective: "the 29-year-old Østergaard",
    "the 28-year-old Frenchman Baptiste Carrière" (capitalised words up to a known name)."""
    return next((w for w in _words_after(c) if w in people), None)


def holder_words(c: Claim) -> frozenset[str]:
    """Every word :func:`holder` may look up in ``people`` for ``c``: it says the same of any
    two sets of names that hold the same of these (and None when they hold none)."""
    if c.kind not in HELD_KINDS:
        return frozenset()
    at = c.span.start - c.sentence.start
    words = frozenset(_ITEM_WORD.findall(fold(c.context[: max(0, at)])))
    if c.kind == "age":
        words |= frozenset(_words_after(c))
    if c.kind == "age" and c.subject:
        return words | {fold(c.subject).split()[-1]}  # the person an age opening its sentence is said of
    return words


def same_holder(d: Claim, s: Claim, people: set[str]) -> str | None:
    """Both figures are said of one person, named in each figure's own item of its sentence
    (:func:`holder`), the same name or one misspelt: that person, else None."""
    return same_person(holder(d, people), holder(s, people))


def same_person(a: str | None, b: str | None) -> str | None:
    """:func:`same_holder` of the two figures' holders ``a`` and ``b``."""
    if a is None or b is None or not (a == b or fuzz.ratio(a, b) >= SAME_NAME_AT or initial_of(a, b)):
        return None
    return a.title() if len(a) >= len(b) else b.title()


def other_holder(d: Claim, s: Claim, people: set[str]) -> str | None:
    """The source's figure is said of another person than the draft's, each named in the
    figure's own item of its sentence (:func:`holder`); None when either names none or the
    two are one person (perhaps misspelt)."""
    return other_person_of(holder(d, people), holder(s, people))


def other_person_of(a: str | None, b: str | None) -> str | None:
    """:func:`other_holder` of the two figures' holders ``a`` and ``b``."""
    if a is None or b is None or a == b or fuzz.ratio(a, b) >= SAME_NAME_AT or initial_of(a, b):
        return None
    return b.title()


def other_person(d: Side, s: Side, people: set[str]) -> str | None:
    """The person the source names next to its figure when the draft names another one next
    to its own, and neither names the other's ("Vallandre ... fined €300,000" against "Mollet
    ... 50 000 € d'amende")."""
    a = features_of(d).own_entities & people
    b = features_of(s).own_entities & people
    if not a or not b or a & b:
        return None
    if any(fuzz.ratio(x, y) >= SAME_NAME_AT for x in a for y in b):
        return None  # "Gaudin" and "Godin": one person, misspelt (the name's own finding says so)
    return ", ".join(sorted(b)).title()


def lone_subjects(sides: Sequence[Side]) -> dict[tuple[str, int], frozenset[str]]:
    """For each numeric claim (by kind and ``id`` of its side): the specific subjects it alone
    counts among the text's claims of its kind ("ships", "containers"), leaving out weak
    figures, parts ("dont neuf enfants") and figures of earlier events. Shares, durations and
    ages are left out: a text often gives several of one thing (the union's and the
    management's turnout), of which the lexicon reads the subject of only some."""
    values: dict[tuple[str, str], set[str]] = {}  # a figure said again is still one
    for x in sides:
        c = x.claim
        if c.kind in LONE_KINDS and not (c.weak or c.past or c.part):
            for con in _subjects(x):
                values.setdefault((c.kind, con), set()).add(str(c.value))
    out: dict[tuple[str, int], frozenset[str]] = {}
    for x in sides:
        c = x.claim
        if c.kind in LONE_KINDS and not (c.weak or c.past or c.part):
            lone = frozenset(con for con in _subjects(x) if len(values[(c.kind, con)]) == 1)
            if lone:
                out[(c.kind, id(x))] = lone
    return out


def _subjects(x: Side) -> frozenset[str]:
    """What :func:`lone_subjects` counts a claim under: its specific subjects, and for an
    amount of money or a measure, its kind (and what the unit measures) as well."""
    c = x.claim
    if c.kind == "money":
        if c.unit and c.unit.startswith("per "):  # an exchange rate: "50 to the dollar"
            return x.specific | {"rate:" + c.unit}
        return x.specific | {"money"}
    if c.kind == "quantity":
        return x.specific | {"measure:" + str(units()["dimensions"].get(c.unit or ""))}
    return x.specific
