"""Alignment: for each draft claim and one source, the source claim that states the same
fact, or none.

Signals: kind and unit; what is counted (concept ids shared across languages); what
happened to it (action concepts); the words around the figure (rapidfuzz) and the
concepts of the sentence; the value only weakly. Names align on surname spelling and role.
Each source claim serves one fact; a weak match never makes a confident conflict.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz

from .compare import compare, compare_amounts, compare_dates, name_parts, normalise, same_nominal
from .evidence import NO_EVIDENCE, Evidence, Templates, render
from .extract.lexicon import concepts, data_words, phrase_list, same_places
from .links import (
    HELD_KINDS,
    HOLDER_BONUS,
    LONE_SUBJECT_BONUS,
    NONE,
    OTHER_HOLDER_PENALTY,
    OTHER_PERSON_PENALTY,
    figures_by_sentence,
    holder,
    holder_words,
    lone_subjects,
    other_person,
    other_person_of,
    same_person,
    sentence_bonus,
)
from .models import Claim, Document, Finding, Span, Verdict, _filled
from .runcache import memo, table
from .scoring import (
    NO_ID,
    NUMERIC,
    Scored,
    Shape,
    Side,
    features_of,
    identifies,
    same_figure,
    score_numeric,
    score_sides,
    shape_of,
    side,
    values_agree,
)
from .signals import clause_names, names_unknown, vocabulary_among
from .text import fold, words

BODY_SIZE = "count.body-size"  # the rule of a body's size ("the 577-seat National Assembly")
AGREE_AT = 0.24  # an agreeing pair needs this much evidence that it is the same fact
CONFLICT_AT = 0.4  # a conflict needs more
UNCLEAR_AT = 0.32  # a conflict below CONFLICT_AT but above this is reported as unclear
JUDGED_AT = min(AGREE_AT, UNCLEAR_AT)  # below this no verdict is reported
SELF_AT = 0.85  # the draft contradicting itself: only on strong evidence, across sentences
LEDE_BONUS = 0.15  # both texts' first date of the event: the day of what both report
LEDE_CONTEXT = 0.3  # ... said in sentences at least this alike
SAME_FIGURE_BONUS = 0.3  # a figure precise enough to name its fact, said the very same in the source
ABSENT_NAME_PENALTY = 0.25  # the draft names a place or body next to the figure that the source never names


class Judged(NamedTuple):
    """The verdict to report for a scored pair, and the evidence for it."""

    verdict: Verdict
    evidence: Evidence


class Pair(NamedTuple):
    """A draft claim and a source claim that could be reported together."""

    score: float
    draft: int  # index among the draft's claims
    source: int  # index among the source's claims
    verdict: Verdict
    evidence: Evidence


class DraftRead:
    """What alignment reads of the draft claims once per run, for every source they meet:
    each claim's :func:`~factcheck.scoring.side`, the subjects it alone counts, the names of
    its clause, and, by the shape of a source figure, the draft figures that shape can meet.
    The pipeline makes one per check; it holds nothing of any source but shape ids."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = claims
        self.sides = [side(c) for c in claims]
        once = lone_subjects(self.sides)
        self.lone = [once.get((c.kind, id(x)), NONE) for c, x in zip(claims, self.sides, strict=True)]
        # a name next to a figure can narrow what it counts ("in Odisha"); next to an age it
        # only says more about the person ("a 26-year-old from Lyon")
        self.names = [
            clause_names(c) if c.kind in NUMERIC and c.kind != "age" else frozenset[str]() for c in claims
        ]
        self.named = any(self.names)
        # a figure precise enough to name its fact: its equal in a source needs no place beside it
        self.identifying = [identifies(x) for x in self.sides]
        self.kinds = [c.kind for c in claims]
        self.in_sentence = figures_by_sentence(claims)  # what sentence_bonus() reads of the draft
        # the surnames of the people the draft names (a source adds its own: see _pairs)
        self.people = {fold(str(c.value)).split()[-1] for c in claims if c.kind == "person" and c.value}
        # what names_unknown() reads of a source's vocabulary: these names and their other forms
        same = same_places()
        self.asked = frozenset(w for n in self.names for x in n for w in (x, *same.get(x, ())))
        self.by_kind: dict[str, list[int]] = {}
        for di, c in enumerate(claims):
            if c.kind in NUMERIC:
                self.by_kind.setdefault(c.kind, []).append(di)
        self._meeting: dict[int, list[tuple[int, Shape]]] = {}
        # sources repeat the wire's sentences: a source claim said word for word in another
        # source (the same :func:`_identity`) scores the same against a draft claim, so its
        # score is worked out once per run (by draft claim, identity and, for figures, floor)
        self.idents: dict[tuple[object, ...], int] = {}
        self.compared: dict[tuple[int, int], tuple[str, str]] = {}  # (draft claim, identity): its values compared
        self.held: dict[frozenset[str], list[str | None]] = {}  # by the people both texts name: each claim's holder
        self.held_of: dict[tuple[int, frozenset[str]], str | None] = {}  # (identity, people): a source claim's holder
        self.holder_words: list[frozenset[str]] | None = None  # by draft claim: what holder() may read of people
        self.held_by: dict[tuple[int, frozenset[str]], str | None] = {}  # (draft claim, those of them named)
        self.known_sides: dict[int, Side] = {}  # source sides by identity: what side() reads is in the identity
        self.scored: dict[tuple[int, int, float], Scored | None] = {}
        self.same_facts: dict[tuple[int, int], bool] = {}  # align_document(): two draft claims, one fact
        self.names_of: list[str | None] | None = None  # names_another(): each draft claim's name, if a person

    def names_another(self, s: Claim, di: int) -> bool:
        """Whether the source's name ``s`` is nearer the name of another person the draft
        names than that of its claim ``di``: "Macky Sall" and "Mackie Sale" are the draft's
        other Sall, not "Khalifa Sall" misspelt (names compared as
        :func:`~factcheck.compare.name_parts`, by rapidfuzz's ratio)."""
        if self.names_of is None:
            self.names_of = [" ".join(name_parts(str(c.value))) if c.kind == "person" else None for c in self.claims]
        written = " ".join(name_parts(str(s.value)))
        mine = self.names_of[di]
        if mine is None:
            return False
        near = fuzz.ratio(mine, written)
        others = (n for k, n in enumerate(self.names_of) if n is not None and k != di and n != mine)
        return any(fuzz.ratio(n, written) > near for n in others)

    def read_source(self, claims: Sequence[Claim]) -> tuple[dict[str, list[tuple[int, Side]]], dict[int, int]]:
        """A source's claims by kind with their sides, each said once (a claim said again word
        for word scores the same and joins its first saying's repeat group in the assignment,
        so scoring the first is enough), and the identity of each (an id of this run)."""
        by_kind: dict[str, list[tuple[int, Side]]] = {}
        seen: set[int] = set()
        ident_of: dict[int, int] = {}
        idents, known_sides = self.idents, self.known_sides
        for si, s in enumerate(claims):
            key = _identity(s)
            got = idents.get(key)
            if got is None:
                got = idents[key] = len(idents)
            if got in seen:
                continue
            seen.add(got)
            ident_of[si] = got
            known = known_sides.get(got)
            if known is None:
                x = known_sides[got] = side(s)
            else:  # the same side but for the claim (its features are the same too: shared)
                x = tuple.__new__(Side, (s, *known[1:]))
            by_kind.setdefault(s.kind, []).append((si, x))
        return by_kind, ident_of

    def holders(
        self, people: set[str], by_kind: dict[str, list[tuple[int, Side]]], ident_of: dict[int, int]
    ) -> tuple[list[str | None], dict[int, str | None]]:
        """Whom each draft claim and each source claim of :meth:`read_source` is said of
        (links.holder), with ``people`` the names both texts name; sources that name the same
        people share them, so each is read once per run for each set of names."""
        named = frozenset(people)
        held_d = self.held.get(named)
        if held_d is None:
            held_d = self.held[named] = [self._holder(di, people) for di in range(len(self.claims))]
        held_s: dict[int, str | None] = {}
        held_of = self.held_of
        for kind, sides in by_kind.items():
            for si, ss in sides:
                if kind not in HELD_KINDS or not people:
                    held_s[si] = None  # what holder() says of it
                    continue
                key = (ident_of[si], named)
                if key not in held_of:
                    held_of[key] = holder(ss.claim, people)  # what it reads is in the identity
                held_s[si] = held_of[key]
        return held_d, held_s

    def _holder(self, di: int, people: set[str]) -> str | None:
        """holder() of draft claim ``di``, once per run for each set of the names it may read."""
        if self.holder_words is None:
            self.holder_words = [holder_words(c) for c in self.claims]
        named = self.holder_words[di] & people
        if not named:
            return None  # no name before the figure is one of them: holder() finds none
        key = (di, named)
        if key not in self.held_by:
            self.held_by[key] = holder(self.claims[di], people)
        return self.held_by[key]

    def numeric_score(self, di: int, ident: int, ss: Side, shape: Shape, floor: float) -> Scored | None:
        """score_numeric() of draft claim ``di`` and ``ss`` (of identity ``ident``) at
        ``floor``; None for a weak claim whose value disagrees (it only ever supports: its
        conflicts are never reported). Once per run."""
        memo = (di, ident, floor)
        got = self.scored.get(memo, _NOT_SCORED)
        if got is _NOT_SCORED:
            ds = self.sides[di]
            got = None if ss.claim.weak and not values_agree(ds, ss) else score_numeric(ds, ss, shape, floor)
            self.scored[memo] = got
        return got

    def sides_score(self, di: int, ident: int, ss: Side) -> Scored:
        """score_sides() of draft claim ``di`` (a name or a date) and ``ss``, once per run."""
        memo = (di, ident, 0.0)  # no floor for these
        got = self.scored.get(memo)
        if got is None:
            got = self.scored[memo] = score_sides(self.sides[di], ss)
        return got

    def compared_values(self, di: int, ident: int, s: Claim, ss: Side) -> tuple[str, str]:
        """:func:`_compare_pair` of draft claim ``di`` and ``s`` (side ``ss``), once per run:
        the comparison reads only what the identity holds."""
        key = (di, ident)
        got = self.compared.get(key)
        if got is None:
            got = self.compared[key] = _compare_pair(self.claims[di], s, (self.sides[di], ss))
        return got

    def unknown(self, doc: Document) -> list[bool]:
        """For each draft claim, whether its clause names places or bodies ``doc`` never names."""
        if not self.named:
            return [False] * len(self.claims)
        words = vocabulary_among(doc.text, self.asked)  # names_unknown() asks of these only
        return [bool(n) and names_unknown(c, words, n) for c, n in zip(self.claims, self.names, strict=True)]

    def meeting(self, ss: Side) -> list[tuple[int, Shape]]:
        """The numeric draft claims of the kind of ``ss`` whose shapes, with it, could still be
        judged (every bonus and no penalty for names: the loosest bound), each with
        the pair's shape, in draft order. Sources share shapes: each is worked out once."""
        key = ss.shape_key
        got = self._meeting.get(key) if key != NO_ID else None
        if got is None:
            got = []
            reach = LONE_SUBJECT_BONUS + (HOLDER_BONUS if ss.claim.kind in HELD_KINDS else 0.0)  # the most bonus
            for di in self.by_kind.get(ss.claim.kind, ()):
                shape = shape_of(self.sides[di], ss)
                if shape is not None and shape.best + reach >= JUDGED_AT - _EPS:
                    got.append((di, shape))
            if key != NO_ID:
                self._meeting[key] = got
        return got


def align_document(
    draft_claims: Sequence[Claim],
    doc: Document,
    source_claims: Sequence[Claim],
    *,
    itself: bool = False,
    draft: DraftRead | None = None,
    reasons: Templates | None = None,
    draft_date: str | None = None,
) -> dict[str, Finding]:
    """Findings of one source (or of the draft against itself) keyed by draft claim id.

    ``draft``: the :class:`DraftRead` of ``draft_claims``, when the caller aligns the same
    draft against many sources and reads its claims once. ``reasons``: the phrase templates a
    finding's ``why`` is rendered with (by default ``lexicon/reasons.toml``). ``draft_date``:
    the draft's report date; a conflict on a figure that changes as news comes in (a toll)
    says how much later or earlier the source reported (``doc.date``)."""
    same: dict[tuple[int, int], bool] = {}  # _same_fact() of two draft claims, by their indexes
    if itself:
        pairs = _self_pairs(draft_claims)
    else:
        read = draft if draft is not None and draft.claims is draft_claims else DraftRead(draft_claims)
        # two reports of one day may disagree on the day officials spoke; of two days, or
        # undated, each hears them on its own day ("said on Sunday", a later "said on Monday")
        one_day = draft_date is not None and draft_date == doc.date
        pairs = _pairs(read, doc, source_claims, statements_apart=not one_day)
        same = read.same_facts  # the same two draft claims meet in source after source
    # by score, best first, then draft and source order: two stable sorts by C-level keys
    # (the order that sorting by (-score, draft, source) gives; a lambda per pair showed)
    pairs.sort(key=_BY_PLACE)
    pairs.sort(key=_BY_SCORE, reverse=True)
    pairs = _said_day_first(_precise_first(pairs, draft_claims, source_claims), draft_claims, source_claims)
    vaguer = _vaguer_sayings(pairs, draft_claims, source_claims)
    group = _repeat_groups(source_claims)
    taken_d: set[int] = set()
    used_s: dict[int, int] = {}  # a source claim taken: the draft claim it was given to
    shared_ok: dict[int, bool] = {}
    out: dict[str, Finding] = {}
    gap = None if itself else _days_between(draft_date, doc.date)
    why = _why if reasons is None else (lambda ev, numeric: render(ev, reasons, numeric=numeric))
    for sc, di, si, verdict, evidence in pairs:
        if di in taken_d:
            continue
        d = draft_claims[di]
        prior = used_s.get(si)
        if prior is not None and not (verdict == "agrees" and shared_ok.get(si)):
            key = (prior, di)
            got = same.get(key)
            if got is None:
                got = same[key] = _same_fact(draft_claims[prior], d)
            if not got:
                continue
        s = source_claims[si]
        taken_d.add(di)
        if gap and verdict == "conflicts" and set(d.actions) & concepts(d.lang).changing:
            evidence = evidence._replace(report_gap=gap)  # "43 dead" a day after "37": say so
        if di in vaguer and vaguer[di] != si and s.hedge != "vague":
            evidence = evidence._replace(also_said=source_claims[vaguer[di]].text)  # "dozens injured" too
        for sj in group[si]:  # a figure the source repeats is one fact: its repeats go with it
            used_s.setdefault(sj, di)
            shared_ok[sj] = shared_ok.get(sj, True) and verdict == "agrees"
        # every field comes typed from the two claims: no validation (what trusted() builds,
        # every field in declaration order: _FINDING_FIELDS)
        out[d.id] = _filled(Finding, {
            "source": "draft" if itself else doc.id,
            "verdict": verdict,
            "score": round(sc, 3),
            "why": why(evidence, d.kind in NUMERIC),
            "span": s.span,
            "text": s.text,
            "value": s.value,
            "unit": s.unit,
            "source_claim": s.id,
            "decision": None,
        })
    if not itself:
        for di, d in enumerate(draft_claims):
            if d.kind == "person" and di not in taken_d and d.id not in out:
                mention = named_again(d, doc.text, source_claims)
                if mention is not None:
                    start, end = mention
                    out[d.id] = _filled(Finding, {  # as the findings above: every field, in order
                        "source": doc.id,
                        "verdict": "agrees",
                        "score": NAMED_AGAIN_SCORE,
                        "why": why(Evidence(name="named_again"), False),
                        "span": Span.at(start, end),
                        "text": doc.text[start:end],
                        "value": doc.text[start:end],
                        "unit": None,
                        "source_claim": None,
                        "decision": None,
                    })
    return out


_FINDING_FIELDS = ("source", "verdict", "score", "why", "span", "text", "value", "unit", "source_claim", "decision")
if tuple(Finding.model_fields) != _FINDING_FIELDS or Finding.model_fields["decision"].default is not None:
    raise TypeError("align_document() builds a Finding of these fields, in this order: update it")
_BY_PLACE = itemgetter(1, 2)  # a Pair's draft and source indexes
_BY_SCORE = itemgetter(0)  # its score


NAMED_AGAIN_SCORE = 0.5  # a name said again as the draft writes it, or its surname alone


def named_again(d: Claim, text: str, source_claims: Sequence[Claim]) -> tuple[int, int] | None:
    """Where ``text`` names the draft's person ``d`` by a name the extractor did not read as a
    person's, as the draft writes it or by the surname alone ("Verlinde et Okafor" for "Tomas
    Verlinde"; "winger Ronaldão" and a headline "Ronaldão joins ...").
    Not where the word follows a capitalised word other than the person's own given names
    ("Jacques Baro" is not "Khalil Baro"), nor where the source names someone else of that
    surname, nor inside a name the source did read. None: not named so."""
    parts = name_parts(str(d.value))
    if not parts or len(parts[-1]) < 3:
        return None
    last, given = parts[-1], set(parts[:-1])
    if text.isascii() and last not in text.lower():
        return None  # most sources never name most people: one search says so
    taken = [c.span for c in source_claims if c.kind == "person"]
    for c in source_claims:
        if c.kind == "person":
            other = name_parts(str(c.value))
            if other and other[-1] == last and other != parts:
                return None  # "Pranav Osterholt" there: the surname alone may be either
    family = data_words("names", "people", "family")
    said, capitalised = _words_of(text)
    for k in capitalised.get(last, ()):  # the words that open with a capital and fold to it
        m = said[k]
        w = m.group()
        if not any(x.start < m.end() and m.start() < x.end for x in taken):
            seen = said[max(0, k - 3) : k]  # the words before
            prev = seen[-1] if seen else None
            opens = prev is None or _sentence_between(text, prev.end(), m.start())
            # after a capitalised word of the same sentence: another given name's surname
            capital_before = prev is not None and not opens and prev.group()[:1].isupper()
            other_given = capital_before and prev is not None and fold(prev.group()) not in given
            nxt = _WORD_AFTER.match(text, m.end())
            kin = any(fold(x.group()) in family for x in seen) or (nxt is not None and fold(nxt.group(1)) in family)
            # "Young people cheered": a capital that opens a sentence, of a word written in
            # lower case elsewhere in the text, is no name
            common = opens and _lower_case_in(text, w)
            longer = len(parts) > 1 and nxt is not None and nxt.group(1)[:1].isupper()
            if not (other_given or kin or common or longer):
                return m.start(), m.end()
    return None


@memo(256)
def _words_of(text: str) -> tuple[list[re.Match[str]], dict[str, list[int]]]:
    """The words of ``text`` (:func:`~factcheck.text.words`), and by its folded form the
    indexes of each that opens with a capital: what :func:`named_again` reads of a source,
    once per run whatever the number of people the draft names."""
    said = list(words(text))
    capitalised: dict[str, list[int]] = {}
    for k, m in enumerate(said):
        w = m.group()
        if w[:1].isupper():
            capitalised.setdefault(fold(w), []).append(k)
    return said, capitalised


_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’\-]*)")


def _lower_case_in(text: str, word: str) -> bool:
    """``word`` is written in lower case somewhere in ``text``, as a word of its own."""
    low = word.lower()
    return re.search(rf"(?<![\w\-]){re.escape(low)}(?![\w\-])", text) is not None


def _sentence_between(text: str, a: int, b: int) -> bool:
    """A sentence ends between two words: the second is capitalised as a sentence's first."""
    gap = text[a:b]
    return any(ch in gap for ch in ".!?:;\n()[]\"«»“”")


_WHYS = "align.whys"  # the run's table of the default explanation of each evidence
_WHYS_CAP = 65536


def _why(ev: Evidence, numeric: bool) -> str:
    """:func:`~factcheck.evidence.render` with the default templates: sources that repeat the
    wire's sentences give the same evidence again and again, so each is rendered once per run."""
    whys: dict[tuple[Evidence, bool], str] = table(_WHYS)
    key = (ev, numeric)
    got = whys.get(key)
    if got is None:
        if len(whys) >= _WHYS_CAP:
            whys.clear()
        got = whys[key] = render(ev, None, numeric=numeric)
    return got


def _days_between(a: str | None, b: str | None) -> int | None:
    """Days from report date ``a`` to ``b`` (YYYY-MM-DD), or None when either is unknown."""
    from datetime import date

    try:
        return (date.fromisoformat(str(b)) - date.fromisoformat(str(a))).days if a and b else None
    except ValueError:
        return None


def _vaguer_sayings(
    pairs: list[Pair], draft_claims: Sequence[Claim], source_claims: Sequence[Claim]
) -> dict[int, int]:
    """For a draft claim, the source's vague saying of its fact ("dozens injured", in a
    headline) that the precise one ("37 people were injured") goes before: shown with it."""
    out: dict[int, int] = {}
    for p in pairs:  # best first
        if p.draft in out or p.verdict == "unclear" or draft_claims[p.draft].hedge == "vague":
            continue
        if source_claims[p.source].hedge == "vague":
            out[p.draft] = p.source
    return out


def _precise_first(pairs: list[Pair], draft_claims: Sequence[Claim], source_claims: Sequence[Claim]) -> list[Pair]:
    """Pairs in the order the assignment takes them: by score, except that a vague figure
    ("dozens injured", often a headline) waits until after the precise figure the source
    gives for the same fact ("54 people were injured"), whatever their scores."""
    firm = {
        p.draft
        for p in pairs
        if p.verdict != "unclear" and p.evidence.actions and source_claims[p.source].hedge != "vague"
    }
    if not firm:
        return pairs
    first: list[Pair] = []
    later: list[Pair] = []  # the vague sayings that wait, in their order
    for p in pairs:  # one pass, no call per pair
        if p.draft in firm and source_claims[p.source].hedge == "vague" and draft_claims[p.draft].hedge != "vague":
            later.append(p)
        else:
            first.append(p)
    return first + later


def _said_day_first(pairs: list[Pair], draft_claims: Sequence[Claim], source_claims: Sequence[Claim]) -> list[Pair]:
    """Pairs in the order the assignment takes them, except that a draft date the source
    gives to the day ("le 28 août" and "on August 28": the same month and day) takes that
    date before any other: a story tells of several days, and another day in a sentence as
    alike ("Black frost on April 12") is another event's."""
    first = [
        k
        for k, p in enumerate(pairs)
        if p.verdict == "agrees" and _same_day(draft_claims[p.draft], source_claims[p.source])
    ]
    if not first:
        return pairs
    firsts = set(first)
    return [pairs[k] for k in first] + [p for k, p in enumerate(pairs) if k not in firsts]


def _same_day(d: Claim, s: Claim) -> bool:
    """Two dates that name the same day of the same month."""
    if d.kind != "date":
        return False
    p, q = d.when or {}, s.when or {}
    return "day" in p and "month" in p and p.get("day") == q.get("day") and p.get("month") == q.get("month")


def _pairs(
    draft: DraftRead, doc: Document, source_claims: Sequence[Claim], *, statements_apart: bool = False
) -> list[Pair]:
    """Every (draft claim, source claim) pair that could be reported, with its verdict
    (``statements_apart``: two days officials spoke on are two statements, no conflict)."""
    draft_claims, draft_sides, lone_d = draft.claims, draft.sides, draft.lone
    draft_people = draft.people
    by_kind, ident_of = draft.read_source(source_claims)  # each claim is scored against its own kind only
    # the surnames of the people both texts name: a figure next to one is about that person
    people = draft.people | {fold(str(c.value)).split()[-1] for c in source_claims if c.kind == "person" and c.value}
    once_s = lone_subjects([x for _, sides in by_kind.items() for _, x in sides])
    # the subjects each source figure alone counts, by its index (a side is a source claim's own)
    once_of = {si: once_s.get((kind, id(x)), NONE) for kind, sides in by_kind.items() for si, x in sides}
    unknown = draft.unknown(doc)
    identifying = draft.identifying
    kinds, scored = draft.kinds, draft.scored
    # whom each figure is said of (links.holder), read once per claim: ``people`` is this source's
    # (sources that name the same people share them: read once per run for each set of names)
    held_d, held_s = draft.holders(people, by_kind, ident_of)
    lede_d, lede_s = _lede_date(draft_claims), _lede_date(source_claims)
    if lede_d >= 0 and lede_s >= 0 and _says_the_day(draft_claims[lede_d], by_kind.get("date", ())):
        lede_s = -1  # "... rose to nine on Sunday. The ferry overturned on Saturday": the draft's day is there

    def score(di: int, si: int, ss: Side, slack: float, shape: Shape | None = None) -> Scored | None:
        """The pair's score and evidence, or None when it cannot reach JUDGED_AT less ``slack``
        (``shape``: the pair's :func:`~factcheck.scoring.shape_of`, when the caller has it)."""
        kind = kinds[di]
        # "the 168 km from Millau in 4h 12min 33s" and "4:12:33": one figure that identifies itself
        same = identifying[di] and same_figure(draft_sides[di], ss)
        absent = unknown[di] and not same
        least = JUDGED_AT - slack + (ABSENT_NAME_PENALTY if absent else 0.0)  # what a shape's best must reach
        lone_bonus = 0.0
        held = other = None
        numeric = kind in NUMERIC
        if numeric:
            if shape is None:
                shape = shape_of(draft_sides[di], ss)
            # the only figure of its kind about ships in both texts: likely the same fact
            lone = lone_d[di]
            lone_bonus = LONE_SUBJECT_BONUS if lone and lone & once_of[si] else 0.0
            # "Dia with 2.8%" and "Dia, du PUR, avec 3,13 %": one person's figure in both
            held = same_person(held_d[di], held_s[si]) if people and kind in HELD_KINDS else None
            # "two hours and 35 seconds" and "2 h 00 min 35 sec": the very same precise figure
            bonus = lone_bonus + (HOLDER_BONUS if held else 0.0) + (SAME_FIGURE_BONUS if same else 0.0)
            if shape is None or shape.best + bonus < least:
                return None  # even its best score would not be judged: never reported
            floor = least - bonus
            got = scored.get((di, ident_of[si], floor), _NOT_SCORED)  # numeric_score()'s memo, without a call
            if got is _NOT_SCORED:
                got = draft.numeric_score(di, ident_of[si], ss, shape, floor)
            if got is None:
                return None
            sc, ev = got
            sc += bonus
        else:  # a name or a date: its score is its two sides' alone (no floor, no bonus)
            sc, ev = draft.sides_score(di, ident_of[si], ss)
            if di == lede_d and si == lede_s and (ev.date_context or 0.0) >= LEDE_CONTEXT:
                sc += LEDE_BONUS  # "won on Saturday" / "won there on Sunday": the main event's day
                ev = ev._replace(lede=True)
        if absent:
            sc -= ABSENT_NAME_PENALTY  # "in Odisha": the source never names the place of this figure
        if numeric and people and sc >= JUDGED_AT - slack:
            held_by_other = other_person_of(held_d[di], held_s[si]) if kind in HELD_KINDS else None
            other = held_by_other or other_person(draft_sides[di], ss, people)
            whose = held_s[si] if kind in HELD_KINDS else None
            if not other and whose is not None and whose not in draft_people:
                other = whose.title()  # "Budi Rahmat, a 44-year-old farmer": one the draft never names
            if other:
                # "Berg won 41.2%" is not "Holm won 41.0%"; Vallandre's fine is not Mollet's
                sc -= OTHER_HOLDER_PENALTY if held_by_other else OTHER_PERSON_PENALTY
        if sc < JUDGED_AT - slack:
            return None
        if lone_bonus or held or absent or other:  # said in the evidence of the pairs kept only
            ev = ev._replace(
                lone=bool(lone_bonus) or ev.lone,
                held_by=held or ev.held_by,
                absent_name=absent or ev.absent_name,
                other_person=other or ev.other_person,
            )
        return sc, ev

    raw: dict[tuple[int, int], Scored] = {}
    blocks = {kind: _blocks(sides) if kind in NUMERIC else None for kind, sides in by_kind.items()}
    opened = _open_blocks(draft, blocks, unknown, bool(people))
    for di, d in enumerate(draft_claims):
        kind_blocks = blocks.get(d.kind)
        if kind_blocks is None:  # names and dates: few per text, each pair scored
            for si, ss in by_kind.get(d.kind, ()):
                got = score(di, si, ss, 0.0)
                if got:
                    raw[(di, si)] = got
            continue
        ds = draft_sides[di]
        open_blocks = opened.get(di, ())
        table = sum([len(b.members) for b, _ in open_blocks]) > BLOCK_LIMIT
        # the most bonus any pair of this claim can get (score() adds it in the same order):
        # a block whose shape cannot reach JUDGED_AT even with it has no pair to score
        reach = (LONE_SUBJECT_BONUS if lone_d[di] else 0.0) + (SAME_FIGURE_BONUS if draft.identifying[di] else 0.0) + (
            HOLDER_BONUS if people and d.kind in HELD_KINDS and held_d[di] is not None else 0.0
        )
        least = JUDGED_AT + (ABSENT_NAME_PENALTY if unknown[di] and not identifying[di] else 0.0)
        for block, shape in open_blocks:
            if shape.best + reach < least:
                continue  # what score() finds of each of its pairs, ``bonus`` being at most ``reach``
            for si, ss in block.candidates(ds) if table else block.members:
                got = score(di, si, ss, 0.0, shape)
                if got:
                    raw[(di, si)] = got
    sentence_bonus(raw, draft_claims, source_claims, by_kind, score, draft.in_sentence)
    source_sides = {si: ss for sides in by_kind.values() for si, ss in sides}
    return _judged(draft, source_claims, raw, ident_of, source_sides, statements_apart)


def _judged(
    draft: DraftRead,
    source_claims: Sequence[Claim],
    raw: dict[tuple[int, int], Scored],
    ident_of: dict[int, int],
    source_sides: dict[int, Side],
    statements_apart: bool,
) -> list[Pair]:
    """The scored pairs of :func:`_pairs` that are judged, with their verdicts."""
    pairs: list[Pair] = []
    for (di, si), (sc, ev) in raw.items():
        if sc < JUDGED_AT:
            continue
        d, s = draft.claims[di], source_claims[si]
        judged = _judge(d, s, sc, ev, compared=draft.compared_values(di, ident_of[si], s, source_sides[si]))
        if judged is None:
            continue
        if judged.verdict == "conflicts" and d.kind == "person" and draft.names_another(s, di):
            continue  # "Macky Sall" is the draft's other Sall, not "Khalifa Sall" misspelt
        if judged.verdict == "conflicts" and statements_apart and "stated" in d.actions and "stated" in s.actions:
            continue  # "authorities said on Sunday", a later report's "said on Monday": two statements
        pairs.append(tuple.__new__(Pair, (sc, di, si, *judged)))  # Pair(), without its call
    return pairs


LEDE_SENTENCES = 2  # a report's opening: its first sentences that hold a claim


def _says_the_day(d: Claim, dates: Sequence[tuple[int, Side]]) -> bool:
    """Whether one of a source's dates is the draft's date ``d`` (compare_dates agrees)."""
    return any(compare_dates(d, x.claim)[0] == "agrees" for _, x in dates)


def _lede_date(claims: Sequence[Claim]) -> int:
    """The index of the date of the event in a report's opening (its first
    :data:`LEDE_SENTENCES` sentences with a claim; not the day someone spoke, "stated"), the
    day the report gives for what it reports; -1 for none."""
    sentences: list[int] = []
    for k, c in enumerate(claims):
        if c.sentence.start not in sentences:
            sentences.append(c.sentence.start)
            if len(sentences) > LEDE_SENTENCES:
                return -1
        if c.kind == "date" and "stated" not in c.actions and not c.past:
            # a day ("on Saturday", "8 October"), not a year or a month: "the first since 1871"
            return k if c.when and ("day" in c.when or "weekday" in c.when) else -1
    return -1


def _open_blocks(
    draft: DraftRead, blocks: dict[str, list[_Block] | None], unknown: list[bool], people: bool
) -> dict[int, list[tuple[_Block, Shape]]]:
    """For each numeric draft claim, the source's blocks it may meet, in block order, each
    with the pair's shape. One shape for the whole block: when even its best, with the
    lone-subject bonus (and the holder's, when both texts name people), cannot be judged, no
    pair of it is (what ``score()`` of :func:`_pairs` finds pair by pair)."""
    opened: dict[int, list[tuple[_Block, Shape]]] = {}
    # by draft claim (a figure that identifies itself may meet its equal free of the penalty)
    lowest = [
        JUDGED_AT + (ABSENT_NAME_PENALTY if u and not x else 0.0) - (SAME_FIGURE_BONUS if x else 0.0) - _EPS
        for u, x in zip(unknown, draft.identifying, strict=True)
    ]
    for kind, kind_blocks in blocks.items():
        reach = LONE_SUBJECT_BONUS + (HOLDER_BONUS if kind in HELD_KINDS and people else 0.0)  # the most bonus
        for block in kind_blocks or ():
            for di, shape in draft.meeting(block.members[0][1]):
                if shape.best + reach >= lowest[di]:
                    got = opened.get(di)
                    if got is None:
                        opened[di] = [(block, shape)]
                    else:
                        got.append((block, shape))
    return opened


def _self_pairs(claims: Sequence[Claim]) -> list[Pair]:
    """The draft against itself: strong conflicts between claims of different sentences.

    Claims said word for word more than once are judged once per distinct pair, so a draft
    that repeats itself costs no more than one that does not."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(_identity(c), []).append(i)
    reps = list(groups.values())
    sides = [side(claims[g[0]]) for g in reps]
    by_kind: dict[str, list[tuple[int, Side]]] = {}
    for r, x in enumerate(sides):
        by_kind.setdefault(x.claim.kind, []).append((r, x))
    pairs: list[Pair] = []

    def meet(a: list[int], b: list[int], sc: float, judged: Judged) -> None:
        for di in a:  # each saying of d meets the first later saying of s in another sentence
            k = bisect_right(b, di)
            while k < len(b) and claims[b[k]].sentence == claims[di].sentence:
                k += 1
            if k < len(b):
                pairs.append(tuple.__new__(Pair, (sc, di, b[k], *judged)))

    for kind, members in by_kind.items():
        if kind not in NUMERIC:  # names and dates: each pair judged
            for ra, ds in members:
                for rb, ss in members:
                    if rb == ra or compare(ds.claim, ss.claim)[0] != "conflicts" or _kin(ds.claim, ss.claim):
                        continue
                    sc, ev = score_sides(ds, ss)
                    judged = _judge(ds.claim, ss.claim, sc, ev) if sc >= SELF_AT else None
                    if judged and judged.verdict == "conflicts":
                        meet(reps[ra], reps[rb], sc, judged)
            continue
        blocks = _blocks(members)
        for block_a in blocks:
            met: list[tuple[_Block, Shape]] = []
            for block_b in blocks:
                shape = shape_of(block_a.members[0][1], block_b.members[0][1])
                # two figures that conflict add nothing for their values (at most 0 of the
                # shape's ``most``): a pair of shapes whose best less that cannot reach
                # SELF_AT holds no conflict to report
                if shape is not None and shape.best - shape.most >= SELF_AT - _EPS:
                    met.append((block_b, shape))
            table = sum(len(b.members) for b, _ in met) > BLOCK_LIMIT
            for block_b, shape in met:
                for ra, ds in block_a.members:
                    for rb, ss in block_b.candidates(ds, same_value=False) if table else block_b.members:
                        if rb == ra:
                            continue
                        sc, ev = score_numeric(ds, ss, shape, SELF_AT)  # stops early below SELF_AT
                        if sc < SELF_AT or compare(ds.claim, ss.claim)[0] != "conflicts":
                            continue
                        judged = _judge(ds.claim, ss.claim, sc, ev, (ds, ss))
                        if judged and judged.verdict == "conflicts":
                            meet(reps[ra], reps[rb], sc, judged)
    return pairs


def _kin(a: Claim, b: Claim) -> bool:
    """Two names of one text with one surname and given names of their own are two people
    (a couple, a family, two politicians: "Prakash Hinduja" and "Kamal Hinduja", "Khalifa
    Sall" and "President Macky Sall"), unless both are given one role ("prosecutor Nicolas
    Bessone" and "prosecutor Eric Bessone": one person, named two ways). A given name
    misspelt ("Jonathan", "Jonathon") or cut to its initial is one name."""
    if a.kind != "person" or set(a.concepts) & set(b.concepts):
        return False
    x, y = name_parts(str(a.value)), name_parts(str(b.value))
    if len(x) < 2 or len(y) < 2 or x[-1] != y[-1]:
        return False
    fx, fy = x[0].rstrip("."), y[0].rstrip(".")
    if len(fx) == 1 or len(fy) == 1:
        return not (fx.startswith(fy) or fy.startswith(fx))
    return fuzz.ratio(fx, fy) < KIN_AT


KIN_AT = 75  # given names less alike than this (rapidfuzz's ratio) are two people's


_NOT_SCORED: Scored = (0.0, NO_EVIDENCE)  # a memo's "not worked out yet"
_EPS = 1e-9  # bounds are sums in another order than the scores they bound
BLOCK_LIMIT = 32  # figures of one kind and shape in one text past which it reads as a table


class _Block:
    """The numeric claims of one text with one kind and shape (what counted, what happened,
    unit, hedge...: :func:`~factcheck.scoring.shape_of` reads only that), in text order.

    A figure whose shape could meet more than :data:`BLOCK_LIMIT` figures of the other text
    (in all the blocks whose shape is close enough) is a row of a table: results ward by
    ward, a budget line by line. There the shape and the words around a figure no longer
    tell one row from another, and it is compared only with the figures that have a name
    next to them in common with it (a name that few rows have: a ward, not the party of
    many), or its very value (:meth:`candidates`). Below that
    every pair is compared. (No story or case of the test data comes near.)"""

    __slots__ = ("by_name", "by_value", "members")

    def __init__(self, members: list[tuple[int, Side]]) -> None:
        self.members = members
        self.by_name: dict[str, list[int]] | None = None  # built when first asked
        self.by_value: dict[tuple[float, float], list[int]] = {}

    def candidates(self, d: Side, *, same_value: bool = True) -> list[tuple[int, Side]]:
        """The members that share a name next to ``d`` or (``same_value``) its value."""
        if self.by_name is None:
            self.by_name = {}
            for k, (_, x) in enumerate(self.members):
                for name in features_of(x).entities:
                    self.by_name.setdefault(name, []).append(k)
                key = _value_key(x)
                if key is not None:
                    self.by_value.setdefault(key, []).append(k)
        found: set[int] = set()
        for name in features_of(d).entities:
            rows = self.by_name.get(name, ())
            if len(rows) <= BLOCK_LIMIT:  # a name next to most rows (a party, a city) tells none apart
                found.update(rows)
        key = _value_key(d) if same_value else None
        if key is not None:
            found.update(self.by_value.get(key, ()))
        return [self.members[k] for k in sorted(found)]


def _value_key(x: Side) -> tuple[float, float] | None:
    if x.normal is None:
        return None
    n = x.normal[0]
    return float(f"{n.low:.6g}"), float(f"{n.high:.6g}")


def _blocks(members: Sequence[tuple[int, Side]]) -> list[_Block]:
    """The claims of one kind by shape, each block in text order."""
    by_shape: dict[object, list[tuple[int, Side]]] = {}
    for m in members:
        key = m[1].shape_key
        by_shape.setdefault(key if key != NO_ID else ("own", m[0]), []).append(m)  # past the id cap: a block each
    return [_Block(ms) for ms in by_shape.values()]


def _judge(
    d: Claim,
    s: Claim,
    sc: float,
    ev: Evidence,
    sides: tuple[Side, Side] | None = None,
    compared: tuple[str, str] | None = None,
) -> Judged | None:
    """The verdict to report for a scored pair and its evidence, or None when the pair is too
    weak (``sides``: the two claims' sides, when the caller has them: the comparison reads
    their amounts and directions from them; ``compared``: :func:`_compare_pair` of the two,
    when the caller has it)."""
    if sc < JUDGED_AT:
        return None
    verdict, vwhy = compared if compared is not None else _compare_pair(d, s, sides)
    if verdict == "agrees" and sc < AGREE_AT:
        return None
    if verdict == "unclear" and sc < CONFLICT_AT:
        return None  # sums in two currencies that no conversion joins, on weak evidence
    if verdict == "conflicts" and s.weak:
        return None
    if verdict == "conflicts" and d.kind in NUMERIC and not _anchored(d, s, ev):
        verdict = "unclear"  # nothing but the words around it says it is the same fact
    if verdict == "conflicts" and d.kind == "date" and ("stated" in d.actions) != ("stated" in s.actions):
        return None  # the day officials spoke is no other day of the event
    need = CONFLICT_AT + (0.1 if d.kind == "date" else 0.0)
    if verdict == "conflicts" and sc < need:
        if sc < UNCLEAR_AT or d.kind == "date":
            return None  # a story tells of several days: another day in a like sentence is no flag
        if d.kind in NUMERIC and _far_apart(d, s):
            return None  # "one million" marched, "around a hundred" rioted: weak evidence, other groups
        verdict = "unclear"
    if verdict == "conflicts" and d.kind == "count" and (_whole_of_part(d, s) or _worst_of(d, s)):
        return None
    body = (d.rule == BODY_SIZE) != (s.rule == BODY_SIZE)
    if verdict == "conflicts" and body and _of_the_news(s if d.rule == BODY_SIZE else d):
        return None  # "the 577-seat Assembly" is no other count of "the Greens won 37 seats"
    if verdict == "unclear" and sc < UNCLEAR_AT:
        return None
    return tuple.__new__(Judged, (verdict, ev.compared(vwhy)))  # Judged(), without its call


def _compare_pair(d: Claim, s: Claim, sides: tuple[Side, Side] | None = None) -> tuple[str, str]:
    """(verdict, why) of the two claims' values (:func:`_judge`'s comparison)."""
    if sides is not None and d.kind in NUMERIC:
        a, b = sides
        return compare_amounts(d, s, a.normal, b.normal, (a.way, b.way))
    return compare(d, s)


def _worst_of(d: Claim, s: Claim) -> bool:
    """One figure counts the worst hit ("six seriously injured") and is smaller than the
    other, which does not say how badly ("about 40 injured"): a part of it, not another count."""
    a, b = "serious" in d.actions, "serious" in s.actions
    if a == b or d.amount is None or s.amount is None:
        return False
    worst, other = (d.amount, s.amount) if a else (s.amount, d.amount)
    return worst.high < other.low


MAGNITUDE_GAP = 10.0  # figures this many times apart are, on weak evidence, of different groups


def _far_apart(d: Claim, s: Claim) -> bool:
    a, b = normalise(d)[0], normalise(s)[0]
    lo, hi = sorted((max(a.high, 0.0), max(b.high, 0.0)))
    return lo > 0 and hi / lo >= MAGNITUDE_GAP


def _identity(c: Claim) -> tuple[object, ...]:
    """Everything scoring and comparison read of a claim, less where it stands."""
    return (
        c.kind, c.text, c.context, c.span.start - c.sentence.start, str(c.value), c.unit, c.hedge, c.concepts,
        c.actions, c.part, c.earlier, c.past, c.weak, c.lang, c.role, str(c.when), c.subject, c.amount, c.predicate,
    )


def _repeat_groups(claims: Sequence[Claim]) -> list[list[int]]:
    """For each claim, the indexes of the claims that repeat it (same kind, value, subject and action)."""
    by_key: dict[tuple[object, ...], list[int]] = {}
    keys = []
    for k, c in enumerate(claims):
        key = (c.kind, str(c.value), c.unit, c.concepts, c.actions) if c.kind in NUMERIC else ("#", k)
        keys.append(key)
        by_key.setdefault(key, []).append(k)
    return [by_key[key] for key in keys]


def _anchored(d: Claim, s: Claim, ev: Evidence) -> bool:
    """A count conflict needs a shared action or name nearby, or the same specific subject
    with no disagreement on what happened to it. A part named by what sets it apart
    ("eight of them children") is no count of a whole that says only "people". Other kinds
    rest on their alignment score."""
    if d.kind != "count":
        return True
    if d.part != s.part and _subgroup(d if d.part else s, s if d.part else d):
        return False
    if ev.actions or ev.entities == "same":
        return True
    if not ev.subjects:
        return False
    specific = (set(d.concepts) & set(s.concepts)) - concepts(d.lang).generic
    return bool(specific) or (not d.actions and not s.actions)


def _of_the_news(c: Claim) -> bool:
    """A count of what happened (an action, or a part of a group), as against a size that
    may be a body's too ("the 100 seats of the chamber")."""
    return bool(c.actions) or c.part


def _whole_of_part(d: Claim, s: Claim) -> bool:
    """One figure is a part of the very group the other counts: "nine of the dead" and "19
    dead", "two of the three derailed carriages" and "three carriages derailed". A part and
    its whole differ by nature; they are no conflict."""
    if d.part == s.part:
        return False
    part, whole = (d, s) if d.part else (s, d)
    pc, wc, generic = set(part.concepts), set(whole.concepts), concepts(d.lang).generic
    if not (pc & wc or (pc and wc and pc | wc <= generic)) or _trait_part(part):
        return False  # "eight of them children" and "nine children": the same subgroup
    pa, wa = set(part.actions), set(whole.actions)
    if (pa - _actions_within(part)) & wa:
        return False  # "Eight of the suspects were remanded" and "six suspects were remanded": one fact
    return pa <= wa or wa <= pa


def _actions_within(c: Claim) -> frozenset[str]:
    """The actions a claim's own words name ("of the dead": killed), and the word right after
    them when it names one too, a participle that ends the noun phrase ("two of the people
    arrested", "deux des personnes interpellées"), as against what its clause says happened
    to it ("Eight of the suspects were remanded")."""
    from .signals import sentence_concepts

    at = c.span.end - c.sentence.start
    rest = c.context[at:] if 0 <= at <= len(c.context) else ""
    after = rest.split(maxsplit=1)[0] if rest[:1].isspace() and rest.strip() else ""
    return sentence_concepts(f"{c.text} {after.strip(',;:.')}", c.lang)[2]


def _subgroup(part: Claim, whole: Claim) -> bool:
    """The part counts a kind of thing inside a whole counted only generically: "eight of
    them children" against "19 people" (not "six of the suspects" against "seven people")."""
    generic = concepts(part.lang).generic
    if not set(part.concepts) - generic or set(whole.concepts) - generic:
        return False
    return _trait_part(part)


def _trait_part(part: Claim) -> bool:
    """A part named by a noun after "of them" ("eight of them children"), not by the group
    it is taken from ("nine of the dead")."""
    words = fold(part.text).split()
    return any(
        words[k : k + len(p)] == list(p) and k + len(p) < len(words)
        for p in phrase_list(part.lang, "trait_partitive")
        for k in range(len(words))
    )


def _same_fact(a: Claim, b: Claim) -> bool:
    """Two draft claims that repeat one fact may share a source claim."""
    if a.kind != b.kind:
        return False
    if a.kind in NUMERIC:
        if not (a.amount and b.amount):
            return False
        if same_nominal(normalise(a)[0], normalise(b)[0]):
            return True
        # told again in other words ("about 30 injured", later "25 to 30 people were
        # injured"): the same thing counted (or one side says only "people"), the same thing
        # happened to it, and figures that fit each other ("hundreds" fits too much to tell)
        generic = concepts(a.lang).generic
        ca, cb = set(a.concepts), set(b.concepts)
        return (
            bool(ca & cb or not ca - generic or not cb - generic)
            and bool(set(a.actions) & set(b.actions))
            and a.part == b.part
            and "vague" not in (a.hedge, b.hedge)
            and compare(a, b)[0] == "agrees"
        )
    return fold(str(a.value)) == fold(str(b.value))
