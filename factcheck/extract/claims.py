"""Claims out of a document: figures (counts, ages, money, percentages, quantities,
durations), dates and named people, each with its exact span.

One entry point: :func:`extract_claims`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache
from typing import Any, cast

from ..models import Amount, Claim, ClaimKind, Document, Hedge, Span, trusted
from ..text import fold, quoted_ranges, sentences
from .clock import clock_durations, joined_durations, ranged_durations
from .context import find_subject
from .dates import find_dates, find_relative_dates, resolve, statement_date
from .lexicon import Lexicon, concepts, data_words, hooks, lexicon, phrase_starts, word_set
from .numbers import Mention, find_mentions, hedge_before, in_set_phrase
from .numeric import Draft, _actions, classify, noun_of_lasting_verb, ordinal_unit, time_point, unit_multiple
from .past import PastMarks, is_past, past_marks
from .people import KnownPeople, PersonMention, find_people
from .tokens import Token, hand_sentences, indexes_of, match_at, read_tokens

__all__ = ["extract_claims"]

MAX_FIGURES_PER_SENTENCE = 30  # past this many, a "sentence" is a table or garbage


def extract_claims(doc: Document, *, weak: bool = False) -> list[Claim]:
    """Every checkable claim of ``doc``, in text order, each with the id of the rule that
    read it (``Claim.rule``, see :mod:`factcheck.extract.rules`).

    ``weak`` also returns counts of one that rest on an article ("a child was hospitalized",
    "un wagon"): useful as evidence in sources, too loose to report in a draft.

    The cyclic collector is paused while a text is read (:mod:`factcheck.collector`): its
    tokens, mentions and drafts are tuples in no cycle, and the collections their
    allocations set off found nothing to free.
    """
    from ..collector import paused

    with paused():
        return _extract_claims(doc, weak)


def _extract_claims(doc: Document, weak: bool) -> list[Claim]:
    """:func:`extract_claims`, with the collector paused."""
    text = doc.text
    lex = lexicon(doc.lang)
    toks, hidden = read_tokens(text)
    # sentence spans are trimmed, so only a short one can be page furniture
    sents = [s for s in sentences(text) if s.end - s.start >= 60 or not _furniture(text[s.start : s.end])]
    if not sents:
        return []
    at = _Sentences(text, toks, sents)
    figures = find_mentions(text, toks, lex)  # read once: for the figures and for "ten years ago"
    drafts, used = _figure_drafts(text, toks, lex, at, weak, figures)
    out = _figure_fields(doc, toks, lex, at, drafts)
    out += _date_fields(doc, toks, lex, at, used, figures)
    people, mentions = _person_fields(doc, toks, lex, at)
    out = _ages_of_people_before(toks, lex, at, out, mentions) + people
    out.sort(key=lambda x: (x[0], x[1]["span"].end))
    # alignment reads the tokens of the claims' sentences: those read here, not read again
    # (a text with invisible characters is read by another tokeniser: its sentences are not)
    if not hidden:
        hand_sentences(text, toks, at.tok_starts, _claim_sentences(out))
    prefix = "c" if doc.id == "draft" else f"{doc.id}#"
    claims = []
    for k, (_, fields) in enumerate(out, 1):
        fields["id"] = f"{prefix}{k}"
        claims.append(trusted(Claim, fields))  # every field was typed here: no second validation
    return claims


def _claim_sentences(fields: Fields) -> Iterator[tuple[str, int, int]]:
    """(text, start, end) of the sentences of ``fields``, sorted by where they start, once each."""
    last = -1
    for _, f in fields:
        s = f["sentence"]
        if s.start != last:
            last = s.start
            yield f["context"], s.start, s.end


class _Sentences:
    """The sentences of a text, found by position, with their token ranges and quotes."""

    def __init__(self, text: str, toks: list[Token], sents: list[Span]) -> None:
        self.text = text
        self.sents = sents
        self.starts = [s.start for s in sents]
        self.tok_starts = [t.start for t in toks]
        self.quotes = quoted_ranges(text)
        self._ranges: dict[tuple[int, int], tuple[int, int]] = {}  # tok_range() by span: a figure asks often

    def sent_of(self, pos: int) -> Span | None:
        k = bisect_right(self.starts, pos) - 1
        if k < 0 or pos >= self.sents[k].end:
            return None
        return self.sents[k]

    def tok_range(self, s: Span) -> tuple[int, int]:
        key = (s.start, s.end)
        got = self._ranges.get(key)
        if got is None:
            starts = self.tok_starts
            got = self._ranges[key] = (bisect_right(starts, s.start - 1), bisect_right(starts, s.end - 1))
        return got

    def tok_at(self, pos: int) -> int:
        """The index of the token that starts at or before ``pos``."""
        return bisect_right(self.tok_starts, pos) - 1

    def common(self, doc: Document, start: int, end: int, s: Span) -> dict[str, Any]:
        """The fields every claim of span [start, end) in sentence ``s`` has."""
        return dict(
            doc_id=doc.id,
            span=Span.at(start, end),
            text=self.text[start:end],
            sentence=s,
            context=self.text[s.start : s.end],
            quoted=_inside(self.quotes, start),
        )


Fields = list[tuple[int, dict[str, Any]]]  # (start, the fields of a claim but its id)


def _figure_drafts(
    text: str, toks: list[Token], lex: Lexicon, at: _Sentences, weak: bool, figures: list[Mention]
) -> tuple[list[tuple[Draft, Span]], set[int]]:
    """The drafts of the figures of the text, with their sentences, and the tokens they use."""
    drafts: list[tuple[Draft, Span]] = []
    used: set[int] = set()
    prev: Draft | None = None
    prev_sent: Span | None = None
    in_sentence = 0
    rate_words = word_set(lex.lang, "rate_after")
    ends: set[int] = set()  # where the figures found so far end, with their nouns
    for clock in clock_durations(text, toks, lex, at.sent_of, at.tok_range):
        # "2:04:02", "2 h 00 min 35 s": a race time
        drafts.append((clock.draft._replace(rule="duration.clock"), clock.sentence))
        used.update(range(clock.first, clock.last))
        ends.add(clock.draft.end)
    rate_to = 0  # where the last exchange rate ends: "50 pounds for $1" holds no sum of $1
    last_rate: tuple[Draft, Span] | None = None
    then = tuple(word_set(lex.lang, "rate_then"))
    for m in figures:
        if m.i in used or m.start < rate_to:
            continue
        s = at.sent_of(m.start)
        if s is None:
            continue
        if s is not prev_sent:  # the same Span object of `sents`: identity is enough
            prev = None
            in_sentence = 0
        elif in_sentence >= MAX_FIGURES_PER_SENTENCE:
            continue  # a table or a run of garbage, not a sentence a reporter wrote
        s0, s1 = at.tok_range(s)
        d = classify(text, toks, m, s0, s1, lex, prev, weak=weak)
        prev_sent = s
        if d is None:
            continue
        d = _rate_then(text, last_rate, d, s, then)
        if d.weak and not weak:
            continue
        if m.article and d.kind == "duration" and _rate(toks, m.i, ends, rate_words):
            continue  # "€3m a day", "4,000 containers a day", "twice a week": a rate, not a duration
        prev = d
        in_sentence += 1
        drafts.append((d, s))
        ends.add(d.end)
        used.update(range(m.i, m.j))
        if d.unit and d.unit.startswith("per "):
            rate_to = d.end
            last_rate = (d, s)
    drafts = _coordinated(text, drafts, lex.lang, sums=weak)
    drafts += _article_durations(toks, lex, at.sent_of, used, at.tok_range, ends, rate_words)
    drafts = _relabel(drafts, joined_durations(text, drafts), "duration.joined")  # "two hours and 35 seconds"
    drafts = _relabel(drafts, ranged_durations(text, drafts), "duration.range")  # "six months to a year"
    return [_what_lasted(toks, lex, at, d, s) for d, s in drafts], used


def _what_lasted(toks: list[Token], lex: Lexicon, at: _Sentences, d: Draft, s: Span) -> tuple[Draft, Span]:
    """A race time or a joined duration with no subject takes the noun a verb of lasting before
    it gives ("a final that lasted two hours and 41 minutes"); other drafts are kept."""
    if d.kind != "duration" or d.subject is not None or not d.rule.startswith(("duration.clock", "duration.joined")):
        return d, s
    s0, _ = at.tok_range(s)
    k = bisect_left(toks, d.start, key=lambda t: t.start) - 1
    got = noun_of_lasting_verb(toks, k, s0, lex) if k >= s0 else None
    return (d._replace(subject=got.words, concepts=got.concepts), s) if got else (d, s)


def _relabel(old: list[tuple[Draft, Span]], new: list[tuple[Draft, Span]], rule: str) -> list[tuple[Draft, Span]]:
    """``new`` (``old`` after a step that merges drafts), its merged drafts given ``rule``."""
    kept = {id(d) for d, _ in old}  # ``old`` holds its drafts while this runs: no id is reused
    return [(d if id(d) in kept else d._replace(rule=rule), s) for d, s in new]


def _figure_fields(
    doc: Document, toks: list[Token], lex: Lexicon, at: _Sentences, drafts: list[tuple[Draft, Span]]
) -> Fields:
    out: Fields = []
    earlier = phrase_starts(lex.lang, "earlier")
    past = phrase_starts(lex.lang, "past")
    past_seen: dict[int, PastMarks | None] = {}  # per sentence start
    loose = concepts(lex.lang).loose
    for d, s in drafts:
        # a hedge or a date part may not reach across a sentence end ("...nearly\n\nSome 88")
        if d.start < s.start or d.end > s.end:
            d = d._replace(start=max(d.start, s.start), end=min(d.end, s.end))
        hedge = cast(Hedge, d.hedge)
        amount = trusted(Amount, {"low": d.low, "high": d.high, "hedge": hedge})
        sent = at.tok_range(s)  # read once for the three that ask
        if s.start not in past_seen:
            past_seen[s.start] = past_marks(toks, sent, lex, past)
        marks = past_seen[s.start]
        first = at.tok_at(d.start)
        fields = at.common(doc, d.start, d.end, s)
        acts = _of_its_subject(d.actions, d.concepts, lex)
        fields.update(
            kind=cast(ClaimKind, d.kind),
            value=amount.json_value(),
            amount=amount,
            unit=d.unit,
            hedge=hedge if hedge != "exact" else None,
            subject=d.subject,
            concepts=d.concepts,
            actions=acts,
            # what a reader is told happened: a loose action ("lasted") says nothing
            predicate=", ".join(a for a in acts if a not in loose) or None,
            lang=lex.lang,
            weak=d.weak,
            part=d.part,
            earlier=_after_cue(toks, first, sent[0], earlier),
            past=marks is not None and is_past(toks, first, bisect_right(at.tok_starts, d.end - 1), sent, lex, marks),
            rule=d.rule,
        )
        out.append((d.start, fields))
    return out


def _of_its_subject(actions: tuple[str, ...], ids: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """The actions less those said only of people (concepts.toml ``people``) when the figure
    counts a known thing: "cut its key rate by 50 basis points" lays nobody off."""
    c = concepts(lex.lang)
    if not actions or not (set(actions) & c.people_only):
        return actions
    if not any(not x.startswith("w:") and x not in c.human for x in ids):
        return actions
    return tuple(a for a in actions if a not in c.people_only)


def _date_fields(
    doc: Document, toks: list[Token], lex: Lexicon, at: _Sentences, used: set[int], figures: list[Mention]
) -> Fields:
    out: Fields = []
    seen_dates: set[tuple[str, int]] = set()  # (value, sentence start)
    found = [(dm, "date.calendar") for dm in find_dates(doc.text, toks, lex, used, figures)]
    found += [(dm, "date.relative") for dm in find_relative_dates(toks, lex, used)]
    found.sort(key=lambda x: x[0].start)
    for dm, rule in found:
        if doc.date:
            dm = dm._replace(parts=resolve(dm.parts, doc.date))  # "on Sunday" of a report of Tuesday 10
        s = at.sent_of(dm.end - 1)
        if s is None:
            continue
        if (dm.value, s.start) in seen_dates:
            continue  # a date said again in its sentence is the same date; in another, it may date another event
        if dm.start < s.start or dm.end > s.end:
            dm = dm._replace(start=max(dm.start, s.start), end=min(dm.end, s.end))
        seen_dates.add((dm.value, s.start))
        fields = at.common(doc, dm.start, dm.end, s)
        # "officials said Monday": the day of a statement, not of the event
        stated = statement_date(toks, bisect_right(at.tok_starts, dm.start - 1), lex)
        fields.update(kind="date", value=dm.value, when=dm.parts, actions=("stated",) if stated else (), lang=lex.lang,
                      rule=rule)
        out.append((dm.start, fields))
    return out


def _ages_of_people_before(
    toks: list[Token], lex: Lexicon, at: _Sentences, fields: Fields, mentions: list[PersonMention]
) -> Fields:
    """An age that opens its sentence after a determiner ("The 23-year-old saved two match
    points", "The 31-year-old, who came through qualifying, ...") or set apart before a comma
    ("À 24 ans, le coureur a devancé...", "At 24, she became...") is said of the person the
    sentence before names, when it names one only (by a full name or by the surname of a
    person the text names): its ``subject`` is that person's name as written. Set apart, it is
    said of the person named right after its comma, when one is ("À 24 ans, Rotich a gagné").
    So is an age in the noun phrase that opens a clause after a fronted one, in a sentence
    that names no one ("After a long layoff, the 24-year-old saved...")."""
    if not mentions:
        return fields
    dets = word_set(lex.lang, "noun_of_det")
    surnames = {fold(m.name.split()[-1]): m.name for m in mentions}
    out: Fields = []
    for start, f in fields:
        s = f["sentence"]
        if f["kind"] == "age" and f["subject"] is None:
            s0, _ = at.tok_range(s)
            first = at.tok_at(start)
            apart = first == s0 and f.get("rule") == "age.at-opening"
            if apart:
                comma = next((k for k in range(s0, min(s0 + 5, len(toks) - 1)) if toks[k].norm == ","), None)
                after = [m.name for m in mentions if comma is not None and m.start == toks[comma + 1].start]
                if after:
                    out.append((start, {**f, "subject": after[0]}))
                    continue
            # "The 23-year-old saved", "The Belgian, 24, crossed": a noun for the person, no name
            noun_aside = first == s0 + 3 and toks[s0].norm in dets and f.get("rule", "").startswith("age.name-comma")
            # "The 28-year-old Marta Gil": the age is hers, not the one of the sentence before
            last = at.tok_at(f["span"].end - 1)
            named_next = any(
                m.start == t.start for m in mentions for t in toks[last + 1 : last + 4] if t.is_cap
            )
            # "Auteur d'un doublé samedi, l'attaquant de 22 ans": when the sentence names no one
            fronted = _after_fronted(toks, first, dets) and not any(s.start <= m.start < s.end for m in mentions)
            opens = apart or first == s0 + 1 and toks[s0].norm in dets or noun_aside or fronted
            if opens and s0 > 0 and not named_next:
                before = at.sent_of(toks[s0 - 1].start)
                b0, b1 = at.tok_range(before) if before is not None else (0, 0)
                # "... hauling down Reeve. The 23-year-old striker": Kessler and Reeve, no one
                named = {surnames[t.norm] for t in toks[b0:b1] if t.is_cap and t.norm in surnames}
                if len(named) == 1:
                    f = {**f, "subject": named.pop()}
        out.append((start, f))
    return out


FRONTED_REACH = 3  # the words an age's noun phrase may hold before its figure ("l'attaquant de 22 ans")


def _after_fronted(toks: list[Token], first: int, dets: frozenset[str]) -> bool:
    """Whether the age at token ``first`` is said in a noun phrase that opens its clause right
    after a fronted one ("After a long injury, the 23-year-old striker...", "Auteur d'un
    doublé samedi, l'attaquant de 22 ans...", "Dans la foulée, la Suédoise de 24 ans"): a
    determiner after a comma, then words only up to the figure."""
    for k in range(first - 1, max(first - 2 - FRONTED_REACH, 0), -1):
        t = toks[k]
        if t.norm in dets:
            return toks[k - 1].norm == ","
        if t.kind != "word":
            return False
    return False


def _person_fields(
    doc: Document, toks: list[Token], lex: Lexicon, at: _Sentences
) -> tuple[Fields, list[PersonMention]]:
    """The person claims of the text (each name at its first mention) and every mention found."""
    out: Fields = []
    text = doc.text
    seen_people = KnownPeople()
    mentions = [
        pm for pm in find_people(text, toks, lex, set(at.starts)) if (s := at.sent_of(pm.start)) and pm.end <= s.end
    ]
    in_body = KnownPeople()
    for pm in mentions:
        if not in_heading(text, pm.start):
            in_body.add(pm.name)
    for pm in mentions:  # a name does not run on into the next sentence
        s = at.sent_of(pm.start)
        if s is None or seen_people.knows(pm.name):
            continue
        if in_body.knows(pm.name) and in_heading(text, pm.start):
            continue  # named in the headline and again below: the body says it with its context
        seen_people.add(pm.name)
        fields = at.common(doc, pm.start, pm.end, s)
        fields.update(
            kind="person",
            value=pm.name,  # "Kipruto, Benson" in a results list is Benson Kipruto
            role=pm.role,
            subject=pm.role,
            concepts=pm.role_ids,
            lang=lex.lang,
            rule="person.with-role" if pm.role else "person.name",
        )
        out.append((pm.start, fields))
    return out, mentions


EXCHANGE_RATE = "exchange_rate"  # the concept of a figure priced per unit of a currency


def _rate_then(text: str, rate: tuple[Draft, Span] | None, d: Draft, s: Span, then: tuple[str, ...]) -> Draft:
    """A sum or a bare figure set against the exchange rate before it in its sentence is
    that rate at another time: "50 pounds for $1, compared with about 31 pounds before",
    "from 30.85 previously", "contre 30,85" (words.toml ``rate_then``): it takes the rate's
    unit. An exchange rate gets its subject, the concept of a rate, whatever words name it."""
    if d.unit and d.unit.startswith("per "):
        return d._replace(subject=None, concepts=(EXCHANGE_RATE,))
    if rate is None or rate[1] is not s or not (d.kind == "money" or (d.kind == "count" and d.subject is None)):
        return d
    between = " ".join(fold(text[rate[0].end : d.start]).replace(",", " ").split())
    if not between.endswith(then):
        return d
    return d._replace(kind="money", unit=rate[0].unit, subject=None, concepts=(EXCHANGE_RATE,), weak=False,
                   rule="money.rate-then")


def in_heading(text: str, at: int) -> bool:
    """Whether ``text[at]`` lies in a heading: a markdown "#" line, or a first line that
    ends with no full stop and is followed by a blank line or the end."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    if line.startswith("#"):
        return True
    if text[:start].strip():
        return False  # not the first line
    after = text[end + 1 :] if end >= 0 else ""
    return not line.endswith((".", "!", "?", ":", '"', "»")) and (end < 0 or after.startswith(("\n", "\r\n")))


def _article_durations(
    toks: list[Token], lex, sent_of, used: set[int], tok_range, ends: set[int], rate_words: frozenset[str]
) -> list[tuple[Draft, Span]]:  # type: ignore[no-untyped-def]
    """ "a year", "an hour", "un an", "a year-long": durations of one unit."""
    from .lexicon import units

    time = units()["time"]
    articles = hooks(lex.lang).ONE_ARTICLES
    out: list[tuple[Draft, Span]] = []
    for i in indexes_of(toks, articles):
        t = toks[i]
        if i + 1 >= len(toks) or i in used:
            continue
        nxt = toks[i + 1]
        if not nxt.is_word or nxt.norm not in time or nxt.norm in data_words("figures", "numbers", "not_one_unit"):
            continue
        if i + 2 < len(toks) and toks[i + 2].norm in data_words("figures", "dates", "ago"):
            continue
        if ordinal_unit(toks, i + 1, lex) or time_point(toks, i + 1):
            continue  # "a second serve": an ordinal; "un week-end": a time
        if i - 1 in used or _rate(toks, i, ends, rate_words):
            continue  # "€250 million a year", "£1,600 a month", "twice a week": a rate, not a duration
        if in_set_phrase(toks, i, i + 2, lex.lang):
            continue  # "One minute, please", "une seconde !": a set phrase times nothing
        s = sent_of(t.start)
        if s is None:
            continue
        start, hedge = t.start, "exact"
        h = hedge_before(toks, i, lex)
        if h:
            start, hedge = toks[i - h[0]].start, h[1]
        end = nxt.end
        long = data_words("figures", "numbers", "long")
        if i + 3 < len(toks) and toks[i + 2].norm == "-" and toks[i + 3].norm in long:
            end = toks[i + 3].end
        unit = str(time[nxt.norm][0])
        times = unit_multiple(time, nxt.norm)  # "a decade": 10 years
        s0, s1 = tok_range(s)
        subj = find_subject(toks, i + 2, s1, lex)
        acts = _actions(toks, i, max(i + 2, subj.end), s0, s1, lex, None, parts=False)
        out.append(
            (
                Draft(
                    "duration",
                    start,
                    end,
                    times,
                    times,
                    hedge,
                    unit=unit,
                    words=True,
                    subject=subj.words,
                    concepts=subj.concepts,
                    actions=acts,
                    rule="duration.article",
                ),
                s,
            )
        )
    return out


def _coordinated(
    text: str, drafts: list[tuple[Draft, Span]], lang: str, *, sums: bool
) -> list[tuple[Draft, Span]]:
    """Two counts joined by "and" with nothing else between them ("six children and three
    adults drowned") share what happened to them; with ``sums``, their total is added as
    evidence (for "nine people" drowned)."""
    lex = concepts(lang)
    out = list(drafts)
    for k in range(len(out) - 1):
        (a, s), (b, t) = out[k], out[k + 1]
        if s is not t or a.kind != "count" or b.kind != "count" or a.weak or b.weak:
            continue
        if text[a.end : b.start].strip().lower() not in word_set(lang, "and") or not (a.concepts and b.concepts):
            continue
        human = [bool(set(x.concepts) & lex.human) for x in (a, b)]
        if human[0] != human[1]:
            continue  # "12 cars and three men": things and people do not add up
        if not a.actions and b.actions:
            a = a._replace(actions=b.actions)  # "six children and three adults drowned"
            out[k] = (a, s)
        elif a.actions and not b.actions:
            out[k + 1] = (b := b._replace(actions=a.actions), t)
        if not sums or a.actions != b.actions or a.is_range or b.is_range or a.hedge != b.hedge or a.hedge == "vague":
            continue  # "12 dead and 30 injured" is no total
        total = a._replace(
            end=b.end, low=a.low + b.low, high=a.high + b.high, subject=None, part=False, weak=True,
            concepts=("person",) if human[0] else tuple(sorted(set(a.concepts) | set(b.concepts))),
            rule="count.coordinated-total",
        )
        out.append((total, s))
    return out


EARLIER_REACH = 8  # tokens between an "earlier report" cue and the figure it dates


def _after_cue(toks: list[Token], i: int, s0: int, cues: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """A cue phrase ends within a few tokens before toks[i], in its sentence: "an earlier
    toll said nine", "un bilan précédent faisait état de neuf morts"."""
    for k in range(max(s0, i - EARLIER_REACH - 4), i):  # cues are at most four words long
        for p in cues.get(toks[k].norm, ()):
            end = k + len(p)
            if end <= i <= end + EARLIER_REACH and match_at(toks, k, p, loose_hyphen=False) == len(p):
                return True
    return False


def _rate(toks: list[Token], i: int, ends: set[int], words: frozenset[str]) -> bool:
    """The article at toks[i] ("a day") makes a rate of what stands right before it: a
    figure with its noun, ending at the previous token ("€3m a day", "200 people a day"), or
    a word of frequency ("twice a week")."""
    return i > 0 and (toks[i - 1].end in ends or toks[i - 1].norm in words)


def _furniture(s: str) -> bool:
    low = s.strip().lower()
    return len(low) < 60 and low.startswith(_furniture_starts())


@cache
def _furniture_starts() -> tuple[str, ...]:
    """The words that open a line of a page's furniture (lexicon/figures.toml [page])."""
    return tuple(sorted(data_words("figures", "page", "furniture")))


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_right(ranges, (pos, 1 << 62)) - 1  # ranges are sorted and disjoint
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]
