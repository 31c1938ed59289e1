"""A figure's subject and verb when they are not right after it: the noun before "to" or
"at" ("raised its seats to 48"), the count before it ("80 000 personnes ..., 300 000 selon
les organisateurs"), or none borrowed when its clause has a verb of its own ("and plans to
hire 2,500 engineers")."""

from __future__ import annotations

from functools import cache

from .context import Subject, subject_concepts
from .lexicon import Lexicon, concepts, data_words, first_index, lexicon, phrase_list, singular, word_set
from .numbers import Mention
from .tokens import Token, match_at

_PUNCT = frozenset({",", ";", ":", ".", "(", ")"})


def noun_brought_to(toks: list[Token], k: int, s0: int, lex: Lexicon) -> Subject | None:
    """The noun a figure after "to" or "at" gives the number of: "raised its seats to 48",
    "put detentions at 24", "porté ses sièges à 48". The word before "to" (or before a verb
    just before it) must be a known subject, a measure noun, or a noun after "its", "the"..."""
    c = concepts(lex.lang)
    # "put the number of protesters in the city at 800,000": what "number of" names
    for h in range(k - 2, max(s0, k - 9) - 1, -1):
        if toks[h].norm in _PUNCT:
            break
        of = data_words("figures", "joins", "join_of")
        if toks[h].norm in word_set(lex.lang, "number_of") and toks[h + 1].norm in of:
            if h + 2 >= k or not toks[h + 2].is_word or toks[h + 2].norm in lex.stop:
                return None
            # the head of a compound, when the lexicon knows it: "the number of measles cases"
            last = h + 2  # the words of the noun, up to three
            while last + 1 < min(k, h + 5) and toks[last + 1].is_word and toks[last + 1].norm not in lex.stop:
                last += 1
            known = [(y, ids) for y in range(h + 2, last + 1) if (ids := subject_concepts(toks, y, c)[1])]
            x, ids = known[-1] if known else (h + 2, frozenset())
            named = tuple(sorted(ids)) or (f"w:{singular(toks[x].norm)}",)
            return Subject(toks[x].text, named, k + 2)
    for h in (k - 1, k - 2):
        if h < s0 or not toks[h].is_word:
            return None
        _, ids = subject_concepts(toks, h, c)
        w = toks[h].norm
        if w in word_set(lex.lang, "number_of"):
            return None  # "put the figure at 3.5 million": a placeholder, the thing is said elsewhere
        if ids:
            return Subject(toks[h].text, tuple(sorted(ids)), k + 2)
        # "its seats", not "the Centre": a name holds the figure, it is not what is counted
        determined = h > s0 and toks[h - 1].norm in word_set(lex.lang, "determiners") and not toks[h].is_cap
        if w in word_set(lex.lang, "measure_nouns") or (determined and w not in lex.stop):
            return Subject(toks[h].text, (f"w:{singular(w)}",), k + 2)
    return None


def counted_again(toks: list[Token], m: Mention, s1: int, lex: Lexicon) -> bool:
    """A bare figure right after a comma and right before a reporting cue ("..., 300,000
    according to the organisers", "..., 300 000 selon les organisateurs")."""
    if m.i == 0 or toks[m.i - 1].norm not in (",", ";", "(") or m.j >= s1:
        return False
    # the whole cue, not one of its words: "; 14 ont été blessés" is no "ont recensé"
    return any(match_at(toks, m.j, p) == len(p) for p in _reporting_cues(lex.lang).get(toks[m.j].norm, ()))


@cache
def _reporting_cues(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The reporting cues of said_by and reported_by as token patterns, by first token."""
    cues = set(phrase_list(lang, "said_by")) | set(phrase_list(lang, "reported_by"))
    return first_index(sorted(cues, key=len, reverse=True))


def own_words_before(toks: list[Token], a: int, i: int, lex: Lexicon) -> bool:
    """A word between the clause start and the figure that is no function word, hedge,
    article, number word, name ("and in Nebraska, nine"), reporting verb ("claimed") or
    "further"/"another": the clause has a verb of its own."""
    plain = _plain_words(lex.lang)
    said = _reporting_words(lex.lang)
    for k in range(i - 1, a - 1, -1):
        if toks[k].norm in said:
            a = k + 1  # "while the unions claimed 40,000": the speaker is no verb of the figure
            break
    return any(
        t.kind == "word" and not t.is_cap and t.norm not in plain and t.norm not in lex.units
        and t.norm not in lex.multipliers
        for t in toks[a:i]
    )


@cache
def _plain_words(lang: str) -> frozenset[str]:
    lex = lexicon(lang)
    hedges = {w for phrase, _ in lex.hedges for w in phrase}
    return (
        lex.stop | lex.article | frozenset(hedges) | word_set(lang, "continuers") | _reporting_words(lang)
        | word_set(lang, "number_of")  # "put the figure at 3.5 million"
    )


@cache
def _reporting_words(lang: str) -> frozenset[str]:
    """The words of the reporting cues: they say who gives a figure, not what happened to it."""
    return frozenset(w for cue in word_set(lang, "said_by") | word_set(lang, "reported_by") for w in cue.split())
