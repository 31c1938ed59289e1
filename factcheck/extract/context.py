"""What a figure counts (its subject) and what happened to it (its actions)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from ..runcache import table
from .lexicon import (
    Concepts,
    Lexicon,
    concepts,
    data_phrases,
    data_words,
    english,
    hooks,
    lexicon,
    phrase_list,
    singular,
    stem_actions,
    word_set,
)
from .tokens import Token, glued, match_at

if TYPE_CHECKING:
    from .numbers import Mention

_PUNCT_BREAK = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–", '"', "“", "”", "«", "»"})


class Subject(NamedTuple):
    words: str | None  # the noun phrase head as written
    concepts: tuple[str, ...]
    end: int  # token index after the head (or the figure when there is none)
    part: bool = False  # "of them", "of the dead", "d'entre elles"


def subject_concepts(toks: list[Token], i: int, c: Concepts) -> tuple[int, frozenset[str]]:
    """Concepts of a subject word or phrase starting at toks[i]: (tokens used, ids)."""
    for phrase, ids in c.subject_index.get(toks[i].norm, ()):
        k = match_at(toks, i, phrase)
        if k:
            return k, ids
    w = toks[i].norm
    # the word, its singular, or less a final letter ("feux", "blessee"), but not the "d" of a
    # past form: "fired" is no fire, "housed" no house
    found = c.subject_words.get(w) or c.subject_words.get(singular(w)) or (
        None if w.endswith("d") else c.subject_words.get(w[:-1])
    )
    return (1, found) if found else (0, frozenset())


def find_subject(toks: list[Token], j: int, stop_at: int, lex: Lexicon) -> Subject:
    """The head noun after a figure ending at token j: 'eight 3D printers' -> printers."""
    c = concepts(lex.lang)
    n = min(len(toks), stop_at)
    k = j
    part = False
    # partitive: "of them", "of the injured officers", "d'entre elles"
    for p in lex.partitive_index.get(toks[k].norm, ()) if k < len(toks) else ():
        m = match_at(toks, k, p)
        if m:
            k += m
            part = True
            break
    rest = k  # "two of whom were charged": with no noun, what follows the partitive is the clause
    if k < n and toks[k].norm in data_words("figures", "joins", "of_des") and not part:
        k += 1  # "dozens of people", "1,089 million de manifestants"
    last_word: int | None = None
    steps = 0
    while k < n and steps < 6:
        t = toks[k]
        if t.norm in _PUNCT_BREAK:
            break
        if t.kind == "num" and k + 1 < n and toks[k + 1].is_word and glued(t, toks[k + 1]):
            steps += 1
            k += 2  # "seven complete 3D weapons", "two 4x4 vehicles": a modifier, not the head
            if k + 1 < n and toks[k].norm == "-" and glued(toks[k - 1], toks[k]) and glued(toks[k], toks[k + 1]):
                k += 2  # "3D-printed weapons": the modifier goes on after its hyphen
            continue
        if (
            t.is_word and t.norm in word_set(lex.lang, "others") and k + 1 < n
            and toks[k + 1].is_word and toks[k + 1].norm not in lex.stop
        ):
            steps += 1
            k += 1  # "11 other officials": what is counted comes after "other"
            continue
        if t.is_word and (t.norm in lex.weekdays or t.norm in lex.months):
            break  # "a bondi de 34 % lundi": when, not what the figure is of
        if t.norm in word_set(lex.lang, "when_adverbs") and k + 1 < n and _says_when(toks[k + 1], lex):
            break  # "to 7% late on Tuesday": when, not what the figure is of
        if t.is_word:
            used, ids = subject_concepts(toks, k, c)
            if ids:
                head_end = k + used
                # "police officers", "policiers et gendarmes": the longest run of subject
                # words, joined by "and" or not (what follows is what happened to all of them)
                joiners = word_set(lex.lang, "and")
                while head_end < n:
                    u2, ids2 = subject_concepts(toks, head_end, c)
                    if not ids2 and toks[head_end].norm in joiners and head_end + 1 < n:
                        u2, ids2 = subject_concepts(toks, head_end + 1, c)
                        u2 += 1 if ids2 else 0
                    if not ids2:
                        break
                    ids = ids | ids2
                    head_end += u2
                words = " ".join(x.text for x in toks[k:head_end])
                return Subject(words, tuple(sorted(ids)), head_end, part)
            if t.norm in lex.stop:
                break
            if t.norm in lex.units or t.norm in lex.multipliers:
                pass  # "two of the three derailed carriages"
            elif last_word is None and _participle(t, lex):
                pass  # "derailed carriages", "injured officers": an adjective before the noun
            elif last_word is not None and not _nounish(t, lex):
                break  # "volunteers cleaned": the verb ends the noun phrase
            else:
                last_word = k
                if _head_here(t, lex):
                    break  # "5,000 dockers work", "navires patientent": what follows is no part of it
        steps += 1
        k += 1
    if last_word is not None and _nounish(toks[last_word], lex):
        after = toks[last_word + 1] if last_word + 1 < len(toks) else None
        if (
            toks[last_word].is_cap
            and toks[last_word].norm.endswith("s")  # a plural noun, not "300 Canadian Armed Forces members"
            and not (after is not None and after.is_cap)
            and _demonym_noun(toks[last_word].norm)
        ):
            # "43,3 millions de Français", "two Britons": people from somewhere, people
            return Subject(toks[last_word].text, (PEOPLE,), last_word + 1, part)
        of = last_word + 1
        if (
            of + 1 < n
            and toks[of].norm in data_words("figures", "joins", "of_des")
            and stem_actions(lex.lang, toks[last_word].norm)
        ):
            used, ids = subject_concepts(toks, of + 1, c)
            if ids:
                # "1 400 suppressions de postes", "300 interpellations de manifestants": the noun
                # says what happened, the noun after "de" what is counted
                words = " ".join(x.text for x in toks[last_word : of + 1 + used])
                return Subject(words, tuple(sorted(ids)), of + 1 + used, part)
        w = english(lex.lang, toks[last_word].norm)  # "navires" counts what "ships" counts
        return Subject(toks[last_word].text, (f"w:{w}",), last_word + 1, part)
    return Subject(None, (), rest if part else j, part)


def _says_when(t: Token, lex: Lexicon) -> bool:
    """A word after "late" / "early" that makes it say when ("late on Tuesday", "early
    yesterday", "late last year"): a weekday, a month, or one of words.toml when_adverbs_before."""
    return t.norm in lex.weekdays or t.norm in lex.months or t.norm in word_set(lex.lang, "when_adverbs_before")


def _concept_before(
    toks: list[Token],
    i: int,
    s0: int,
    reach: int,
    breaks: frozenset[str],
    keep: Callable[[frozenset[str]], bool],
    c: Concepts,
) -> tuple[int, int, frozenset[str]] | None:
    """The nearest subject word or phrase before toks[i], at most ``reach`` tokens back and
    not past ``breaks``, whose concept ids ``keep`` accepts: (its token, its length, the ids)."""
    for k in range(i - 1, max(s0, i - reach) - 1, -1):
        t = toks[k]
        if t.norm in breaks:
            return None
        if t.is_word:
            used, ids = subject_concepts(toks, k, c)
            if keep(ids):
                return k, used, ids
    return None


PEOPLE = "person"  # the concept of people at large (concepts.toml subjects.person)


def _demonym_noun(norm: str) -> bool:
    """A plural or singular demonym used as a noun ("Français", "Britons", "Kényans")."""
    from .people import is_demonym

    return is_demonym(norm) or is_demonym(singular(norm))


def subject_before(toks: list[Token], i: int, s0: int, lex: Lexicon) -> Subject:
    """The nearest known subject noun before toks[i] in its clause (for prices and amounts)."""
    c = concepts(lex.lang)
    got = _concept_before(toks, i, s0, 8, _PUNCT_BREAK, lambda ids: bool(ids) and not ids <= c.generic, c)
    return Subject(toks[got[0]].text, tuple(sorted(got[2])), i) if got else Subject(None, (), i)


_SENTENCE_BREAK = frozenset({";", ":", ".", "!", "?"})


def measure_before(toks: list[Token], i: int, s0: int, lex: Lexicon) -> Subject | None:
    """What a percentage with no noun of its own measures: the nearest measure before it in
    its sentence ("inflation eased to 2.1%", "raised its key rate by 600 basis points, to
    27.75%", "le taux de chômage a atteint 7,2 %"), across commas and other figures."""
    c = concepts(lex.lang)
    got = _concept_before(toks, i, s0, 14, _SENTENCE_BREAK, lambda ids: bool(ids & c.measure), c)
    if got is None:
        return None
    k, used, ids = got
    return Subject(" ".join(x.text for x in toks[k : k + used]), tuple(sorted(ids & c.measure)), i)


def _participle(t: Token, lex: Lexicon) -> bool:
    return bool(hooks(lex.lang).participle(t.norm))


def _head_here(t: Token, lex: Lexicon) -> bool:
    """Whether a noun of a figure's phrase that the lexicon does not know is its head, so that
    the next word is not: in English a plural ("dockers", "containers"; a modifier is singular,
    as in "container ships"), in French the first noun but for a few adjectives that come
    before it ("grands navires")."""
    return bool(hooks(lex.lang).head_noun(t.norm, word_set(lex.lang, "adjectives_before")))


def _nounish(t: Token, lex: Lexicon) -> bool:
    w = t.norm
    if len(w) < 3 or w in lex.stop:
        return False
    return not hooks(lex.lang).not_noun(w)


def actions_in(toks: list[Token], a: int, b: int, lang: str) -> list[tuple[int, str]]:
    """(token index, action id) for every action word or phrase in toks[a:b]."""
    ann = _annotations(toks, lang)
    plain = _PLAIN.setdefault(lang, {})
    out: list[tuple[int, str]] = []
    k = a
    while k < b:
        got = ann[k]
        if got is None:
            got = plain.get(toks[k].norm)  # a word met before: what _annotate would find
            if got is None:
                got = _annotate(toks, k, lang)
            ann[k] = got
        if got is _NOTHING:  # most words name no action
            k += 1
            continue
        phrase_ids, length, stem_ids = got
        if length and k + length <= b:
            out += [(k, x) for x in phrase_ids]
            k += length
            continue
        if stem_ids and not _month_name(toks[k], lang) and not _inside_sentence_capital(toks, k):
            out += [(k, x) for x in stem_ids]
        k += 1
    return out


def _inside_sentence_capital(toks: list[Token], k: int) -> bool:
    """A capitalised word after another word is a name's, not an action's: "the National
    Rally came first" rallies no one ("Rally organisers said", opening a sentence, may)."""
    return toks[k].is_cap and k > 0 and toks[k - 1].is_word


def _month_name(t: Token, lang: str) -> bool:
    """A capitalised month is a date, not an action: "in March" marches nowhere."""
    return t.text[:1].isupper() and t.norm in lexicon(lang).months


Annotation = tuple[tuple[str, ...], int, tuple[str, ...]]
Annotated = dict[tuple[int, str], tuple[list[Token], list[Annotation | None]]]
_ANNOTATED = "context.annotated"  # the run's table: (id of a token list, language) -> (the list, annotations)
_ANNOTATED_KEPT = 4
_PLAIN: dict[str, dict[str, Annotation]] = {}  # per language: words that start no action phrase (the process's)


def _annotations(toks: list[Token], lang: str) -> list[Annotation | None]:
    """Per token: the action phrase starting there (ids, length) and the token's own stem
    matches, filled on first use. Kept for the
    last few token lists of the run, since clauses overlap (the table holds each list, so
    the id of one it holds names no other)."""
    kept: Annotated = table(_ANNOTATED)
    key = (id(toks), lang)
    got = kept.get(key)
    if got is not None and got[0] is toks:
        return got[1]
    # filled on first use: a word already met (in _PLAIN) is annotated as that entry says,
    # through _annotate, which finds it there; most tokens are never asked for
    fresh: list[Annotation | None] = [None] * len(toks)
    kept[key] = (toks, fresh)
    while len(kept) > _ANNOTATED_KEPT:
        kept.pop(next(iter(kept)), None)  # the oldest
    return fresh


_NOTHING: Annotation = ((), 0, ())
_HYPHENS = ("-", "–")


def _annotate(toks: list[Token], k: int, lang: str) -> Annotation:
    t = toks[k]
    phrases = concepts(lang).action_index.get(t.norm)
    if phrases:
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        for phrase, ids in phrases:
            if nxt != phrase[1] and nxt not in _HYPHENS:
                continue  # most "had" start no "had asked for" (a hyphen may stand between words)
            m = match_at(toks, k, phrase)
            if m:
                return tuple(sorted(ids)), m, _stems(t, lang)
    else:
        # with no phrase to match, the annotation is the word's alone (a norm tells words,
        # digits and symbols apart): worked out once per word
        plain = _PLAIN.setdefault(lang, {})
        got = plain.get(t.norm)
        if got is None:
            stems = _stems(t, lang)
            got = ((), 0, stems) if stems else _NOTHING
            if len(plain) < 200_000:
                plain[t.norm] = got
        return got
    stems = _stems(t, lang)
    return ((), 0, stems) if stems else _NOTHING


def _stems(t: Token, lang: str) -> tuple[str, ...]:
    return stem_actions(lang, t.norm) if t.is_word and len(t.norm) >= 3 else ()


def clause_bounds(toks: list[Token], i: int, j: int, s0: int, s1: int, lex: Lexicon) -> tuple[int, int]:
    """Token range of the clause around toks[i:j] within a sentence toks[s0:s1]."""
    first = lex.break_first  # most words start no break: a set lookup before the phrases
    a = i
    floor = max(s0, i - CLAUSE_REACH)
    while a > floor:
        w = toks[a - 1].norm
        if w == ";" or w == ":" or (w in first and _is_break(toks, a - 1, lex)):
            break
        a -= 1
    b = j
    ceiling = min(s1, j + CLAUSE_REACH)
    while b < ceiling:
        w = toks[b].norm
        if w == ";" or w == ":" or w == "," or (w in first and _is_break(toks, b, lex)):
            break
        b += 1
    return a, b


CLAUSE_REACH = 40  # tokens: a run-on "sentence" (a table, a list) must not make every figure read all of it


def _is_break(toks: list[Token], k: int, lex: Lexicon) -> bool:
    return any(match_at(toks, k, p) for p in lex.break_index.get(toks[k].norm, ()))


def group_before(toks: list[Token], i: int, j: int, s0: int, lex: Lexicon) -> int | None:
    """A figure of "others" joined to one named before it: "Marc Dubois and 24 other
    suspects", "the mayor, along with 11 other officials", "Jean Martin, de même que 24
    autres suspects", "il a été interpellé, de même que 24 autres suspects". The group
    counts one more than the figure says; the token index where the one named starts (the
    joiner, when the one is a clause's subject before an aside), or None. ``toks[i:j]`` is
    the figure, ``toks[j]`` "other"."""
    if j >= len(toks) or toks[j].norm not in word_set(lex.lang, "others"):
        return None
    k = i
    for p in phrase_list(lex.lang, "group_joiners"):
        if k - len(p) >= s0 and all(toks[k - len(p) + n].norm == w for n, w in enumerate(p)):
            k -= len(p)
            break
    else:
        return None
    joiner = k
    aside = False
    if k - 1 >= s0 and toks[k - 1].norm == ",":
        if p[0] in word_set(lex.lang, "and"):
            return None  # "12 people on Monday, and 30 others in Lyon": a list goes on
        k -= 1
        aside = True
    if k - 1 < s0 or not toks[k - 1].is_word or toks[k - 1].norm in lex.weekdays or toks[k - 1].norm in lex.months:
        return joiner if aside and k - 1 >= s0 else None
    # the one named: a run of capitalised words ("Marc Dubois"), or a noun after a determiner
    # ("the mayor", "le maire")
    start = k - 1
    if toks[start].text[:1].isupper():
        while start - 1 >= s0 and toks[start - 1].is_word and toks[start - 1].text[:1].isupper():
            start -= 1
        return start
    if start - 1 >= s0 and toks[start - 1].norm in word_set(lex.lang, "one_determiners"):
        return start - 1
    # "Il a été interpellé, de même que 24 autres suspects", "He was charged, along with 11
    # others": the one is the clause's subject, named before; the group starts at the joiner
    return joiner if aside else None


def whole_after_part(toks: list[Token], i: int, s0: int) -> bool:
    """The figure is the whole a part before it is taken from: "230 des 343 prévenus",
    "12 of the 40 passengers", "230 prévenus sur 343". What happened in the clause happened
    to the part."""
    k = i - 1
    if k >= s0 and toks[k].norm in data_words("figures", "joins", "whole_determiners"):
        k -= 1
    if k - 1 >= s0 and (toks[k - 1].norm, toks[k].norm) in data_phrases("figures", "joins", "out_of"):
        k -= 1
    if not (k - 1 >= s0 and toks[k].norm in data_words("figures", "joins", "whole_of")):
        return False
    # the part right before, or its noun between: "230 prévenus sur 343", "34 sièges sur 43"
    return toks[k - 1].kind == "num" or (k - 2 >= s0 and toks[k - 1].is_word and toks[k - 2].kind == "num")


def part_and_whole(toks: list[Token], ratio: tuple[int, float], m: Mention, s1: int, lex: Lexicon) -> bool:
    """"230 out of 343 defendants", "230 prévenus sur 343" name a part and the whole it is
    taken from, where "one in five adults", "seven out of 10 voters" give a share: the part
    is more than one, and the whole is not a round base of a share (10, 100...) nor small
    ("34 sièges sur 43" too, a noun between; "trois Français sur quatre" is a share)."""
    k, share = ratio
    between = toks[k + 1 : m.i]
    # "34 sièges sur 43": the noun before "sur" names the part and the whole alike
    joins = data_words("figures", "joins", "ratio_between")
    noun_between = not all(t.kind == "num" or t.norm in joins for t in between)
    whole = m.low
    if m.is_range or not part_of_whole_sizes(share * whole / 100.0, whole):
        return False
    return noun_between or find_subject(toks, m.j, s1, lex).words is not None


def part_of_whole_sizes(first: float, whole: float) -> bool:
    """Two figures of a ratio ("N out of M", "N sur M") that are a part and its whole rather
    than a share: the part is more than one and less than the whole, and the whole is neither
    small nor a round base of a share (10, 100, 1,000)."""
    return 1.5 <= first < whole and whole >= 12 and whole != 10 ** round(math.log10(whole))


def actions_after_aside(toks: list[Token], j: int, s1: int, lex: Lexicon) -> tuple[str, ...]:
    """What happens in the clause after an aside that ends at a comma at ``toks[j]``
    ("the mayor, along with 11 other officials, was arrested")."""
    if j >= s1 or toks[j].norm != ",":
        return ()
    _, b = clause_bounds(toks, j + 1, j + 1, 0, s1, lex)
    return tuple(sorted({a for _, a in actions_in(toks, j + 1, min(b + 1, s1), lex.lang)}))
