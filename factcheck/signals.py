"""Context signals for alignment: how alike the words and concepts around two figures are,
and which proper names stand next to a figure."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from .extract.context import actions_in, subject_concepts
from .extract.lexicon import concepts, data_words, english, lexicon, same_places, shared_langs, singular, word_set
from .extract.people import is_given
from .extract.tokens import Token, sentence_tokens, tokenize, word_norms
from .features import FEATURES as _FEATURES  # the run's table of features
from .features import FEATURES_CAP as _FEATURES_CAP
from .features import STEM, Features, FeaturesKey
from .features import features_key as features_key  # the table's API, where it was first
from .features import known_features as known_features
from .features import known_keys as known_keys
from .features import tell_features as tell_features
from .invisible import has_hidden
from .models import Claim
from .runcache import memo, table
from .text import fold


@memo(256)
def vocabulary(text: str) -> frozenset[str]:
    return word_norms(text)


def vocabulary_among(text: str, asked: frozenset[str]) -> frozenset[str]:
    """The words of ``asked`` that :func:`vocabulary` of ``text`` holds. In a text whose
    letters are all ASCII (with no hidden character), a word is a run of ASCII letters,
    lower-cased: the asked words are found by one search of the text, without reading every
    word of it."""
    if not text.isascii() and (_OTHER_LETTER.search(text) is not None or has_hidden(text)):
        return vocabulary(text) & asked
    # each word on its own in the lower-cased text (there, with no letter but ASCII ones, a
    # character keeps its place and only A-Z change): most asked words are never in it, and
    # str.find tells so faster than one search for all of them
    low = text.lower()
    return frozenset(w for w in _asked_words(asked) if w in low and _whole_word_in(low, w))


def _whole_word_in(low: str, word: str) -> bool:
    """``word`` stands in ``low`` as a whole run of ASCII letters."""
    n, size = len(word), len(low)
    at = low.find(word)
    while at >= 0:
        end = at + n
        if (at == 0 or low[at - 1] not in _ASCII_LOWER) and (end == size or low[end] not in _ASCII_LOWER):
            return True
        at = low.find(word, at + 1)
    return False


_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


@memo(16)
def _asked_words(asked: frozenset[str]) -> tuple[str, ...]:
    """The words of ``asked`` that a run of ASCII letters can be once lower-cased."""
    return tuple(sorted(w for w in asked if w.isascii() and w.isalpha() and w.islower()))


_OTHER_LETTER = re.compile(r"(?![\x00-\x7f])[^\W\d_]")  # a letter that is not ASCII


def clause_names(d: Claim) -> frozenset[str]:
    """The places and bodies the figure's own clause names (see :func:`names_unknown`)."""
    return _clause_names(d.context, d.lang, d.span.start - d.sentence.start, len(d.text))


def names_unknown(d: Claim, vocabulary: frozenset[str], names: frozenset[str] | None = None) -> bool:
    """The figure's own clause names places or bodies, and the source uses none of them in
    any of its forms ("French" is named by a source that says "France"). ``names``: its
    :func:`clause_names`, when the caller has them."""
    if names is None:
        names = clause_names(d)
    if not names or names <= vocabulary:
        return False
    same = same_places()
    # one of them known is enough: "the Karsa region of Velmora" is named by a source that
    # says only "Velmora"
    return not any(n in vocabulary or same.get(n, frozenset()) & vocabulary for n in names)


@memo(4096)
def _clause_names(ctx: str, lang: str, start: int, length: int) -> frozenset[str]:
    """The proper names of the figure's own clause, less those that only say who reported it."""
    end = start + length
    lo = max((ctx.rfind(p, 0, start) for p in ",;:()"), default=-1) + 1
    # "The Brannock customs team joined a sweep that targeted 40 farms": the names before the
    # relative pronoun that opens the figure's clause are the main clause's
    opened = [m.end() for m in _opens_clause().finditer(ctx, lo, start)]
    if opened:
        lo = opened[-1]
    his = [k for k in (ctx.find(p, end) for p in ",;:()") if k >= 0]
    hi = min(his) if his else len(ctx)
    # a clause of its own after the figure ("85 passengers when it derailed near Saint-Roch")
    # says where something else happened, not which passengers were counted
    sub = _subordinate(lang).search(fold(ctx[end:hi]))
    if sub:
        hi = end + sub.start()
    return _names_between(ctx, lo, hi) - _attributed(ctx[lo:hi], lang)


@lru_cache(maxsize=1)
def _opens_clause() -> re.Pattern[str]:
    """A word that opens a clause of its own (figures.toml [clause] opens_clause), as written."""
    words = data_words("figures", "clause", "opens_clause")
    return re.compile(rf"(?<![\w-])(?:{_alternatives(words)})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def _subordinate(lang: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternatives(word_set(lang, 'subordinators'))})\b")


def _alternatives(words: set[str] | frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first; one that never matches when empty."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _attributed(clause: str, lang: str) -> frozenset[str]:
    """Names that only say who reported the figure ("told the news agency ANI", "Roy added")."""
    low = fold(clause)
    out: set[str] = set()
    for m in _cues(lang).finditer(low):
        out |= {t.norm for t in tokenize(low[m.end() : m.end() + 30]) if t.is_word}
        if m.lastgroup == "said":  # "The French Interior Ministry said ...", back to a comma:
            # in "floods in the Var killed 11, the prefecture said" the Var is not who spoke
            before = _speaker_before(low, m.start())
            out |= {t.norm for t in tokenize(before) if t.is_word}
    return frozenset(out)


def _source_of(ctx: str, lang: str, start: int, end: int) -> str | None:
    """Who gives the figure at ``ctx[start:end]``, as an attributor group of words.toml
    ("authorities", "organisers"): the side named by the nearest reporting cue of its
    sentence with no other figure in between ("80,000 marched, according to the police,
    while organisers claimed 250,000"). None when no cue names a known side."""
    cues, digits = _sentence_sources(ctx, lang)
    best: tuple[int, str] | None = None
    for c0, c1, side in cues:
        lo, hi = (end, c0) if c0 >= end else (c1, start)
        if lo > hi or any(lo <= k < hi for k in digits):
            continue  # the cue is inside the figure's span, or another figure stands between
        if best is None or hi - lo < best[0]:
            best = (hi - lo, side)
    return best[1] if best else None


@memo(4096)
def _sentence_sources(ctx: str, lang: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    """The reporting cues of a sentence that name one known side, as (start, end, side), and
    where its digits are."""
    low = fold(ctx)
    groups = _attributors(lang)
    cues = []
    for m in _cues(lang).finditer(low):
        if m.lastgroup == "said":
            speaker = _speaker_before(low, m.start())
        else:
            speaker = _SPEAKER_START.split(low[m.end() : m.end() + 40])[0]
        sides = {groups[w] for w in _words(speaker) if w in groups}
        if len(sides) == 1:
            cues.append((m.start(), m.end(), sides.pop()))
    if not cues:
        return (), ()
    return tuple(cues), tuple(k for k, c in enumerate(low) if c.isdigit())


def _words(text: str) -> list[str]:
    out = []
    for t in tokenize(text):
        if t.is_word:
            out += [t.norm, singular(t.norm)]
    return out


@lru_cache(maxsize=4)
def _attributors(lang: str) -> dict[str, str]:
    """Folded word (and its singular) -> attributor group."""
    table = lexicon(lang).words.get("attributors", {})
    out: dict[str, str] = {}
    for group, words in table.items():
        for w in words:
            out[fold(w)] = out[singular(fold(w))] = group
    return out


def _speaker_before(low: str, at: int) -> str:
    """The words before a "said" cue back to a comma, or the apposition before that comma
    when the cue follows it ("the mayor, Colette Aubry, said")."""
    parts = _SPEAKER_START.split(low[max(0, at - 60) : at])
    last = parts[-1]
    if not last.strip() and len(parts) > 1:
        return parts[-2]
    return last


CROSS_WORDS = 0.8  # how far a report in another language can be like the draft by its glossed words alone

_SPEAKER_START = re.compile(r"[,;:.!?()\"«»“”]")


@lru_cache(maxsize=4)
def _cues(lang: str) -> re.Pattern[str]:
    """The reporting cues of the lexicon as one pattern, whole words only; a cue that says
    who spoke before it ("said") is in the group ``said``."""
    before = word_set(lang, "said_by")
    after = word_set(lang, "reported_by") - before
    return re.compile(rf"\b(?:(?P<said>{_alternatives(before)})|(?P<by>{_alternatives(after)}))\b")


def features(c: Claim) -> Features:
    key = (c.context, c.lang, c.span.start - c.sentence.start, len(c.text))
    read: dict[FeaturesKey, Features] = table(_FEATURES)
    got = read.get(key)
    if got is None:
        if len(read) >= _FEATURES_CAP:
            read.clear()
        got = read[key] = _features(*key)
    return got


def _features(ctx: str, lang: str, start: int, length: int) -> Features:
    words, subjects, actions = sentence_concepts(ctx, lang)
    lo, hi = max(0, start - 60), start + length + 60
    near = _names_between(ctx, lo, hi)
    own = near - _attributed(ctx[lo:hi], lang) if near else near
    return Features(
        window=fold(ctx[max(0, start - 50) : start] + " " + ctx[start + length : start + length + 50]),
        entities=_one_place_name(near),
        own_entities=_one_place_name(own),
        sentence_entities=_one_place_name(_names_between(ctx, 0, len(ctx))),
        words=words,
        stems=frozenset(w[:STEM] for w in words),
        concepts=subjects | actions,
        actions=actions,
        source_of=_source_of(ctx, lang, start, start + length),
    )


def _one_place_name(names: frozenset[str]) -> frozenset[str]:
    """``names`` with each place of places.toml by one of its words, whatever the language
    ("allemagne" and "germany" are one name: the first of its group in alphabetical order)."""
    same = same_places()
    if not names or not any(n in same for n in names):
        return names
    return frozenset(min(same[n]) if n in same else n for n in names)


def entities_signal(d: Claim, s: Claim) -> str:
    """Proper names near the two figures: "same", "different", "missing" (only the draft has
    some and the source sentence has others) or "" (nothing to say)."""
    return entities_of(features(d), features(s))


def entities_of(fd: Features, fs: Features) -> str:
    """:func:`entities_signal` of two claims' features."""
    if fd.entities & fs.entities:
        return "same"
    a, b = fd.own_entities, fs.own_entities
    if a and b:
        if a & fs.sentence_entities:
            # "The Greens won 21 seats" and "The Greens made gains ..., winning 21 of the 100
            # seats": the source's sentence names what the draft names next to its figure,
            # farther from its own, which says nothing against them (not the other way round:
            # the draft's other names may be another event's, "a fire in Philadelphia killed a
            # dozen" in a sentence on the Bronx)
            return ""
        return "different"
    return "missing" if a and not b and fs.sentence_entities - a else ""


def _names_between(ctx: str, lo: int, hi: int) -> frozenset[str]:
    """The names of :func:`_sentence_names` that lie wholly inside ``ctx[lo:hi]``."""
    return frozenset(norm for start, end, norm in _sentence_names(ctx) if lo <= start and end <= hi)


@memo(8192)
def _sentence_names(ctx: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, folded word) of the capitalised words of a sentence that are not its
    first word, nor the first after a stop or a quote, nor function words, titles, months,
    weekdays or number words."""
    common = _common_caps()
    toks = _tokens(ctx)
    out = []
    for k, t in enumerate(toks):
        if t.kind != "word" or not t.text[:1].isupper() or k == 0 or len(t.norm) < 3:  # Token.is_cap
            continue
        if toks[k - 1].norm in (".", "!", "?", '"', "“", "«", ":", "\n"):
            continue
        if t.norm in common or is_given(t.norm):
            continue
        out.append((t.start, t.end, t.norm))
    return tuple(out)


@memo(4096)
def _tokens(sentence: str) -> list[Token]:
    """The tokens of a claim's sentence, read once for its names and its concepts: those
    extraction read of it, when it handed them (:func:`~factcheck.extract.tokens.sentence_tokens`)."""
    return sentence_tokens(sentence)


@lru_cache(maxsize=1)
def _common_caps() -> frozenset[str]:
    """The capitalised words that name no one, but for given names (:func:`is_given` asks those)."""
    from .extract.people import _lists

    words: set[str] = set()
    for lang in shared_langs():
        lex = lexicon(lang)
        titles, _, _ = _lists(lang)
        words |= lex.stop | set(lex.weekdays) | set(lex.months) | titles | set(lex.units) | set(lex.multipliers)
        words |= word_set(lang, "not_names")
    return frozenset(words)


def similarity(d: Claim, s: Claim) -> float:
    return similarity_of(features(d), features(s), d.lang == s.lang)


def similarity_of(fd: Features, fs: Features, same_lang: bool) -> float:
    """:func:`similarity` of two claims' features."""
    cj = _jaccard(fd.concepts, fs.concepts)
    if not same_lang:  # no window to compare: the sentences' words, glossed into English
        # one concept in common is a thin likeness, whatever the share it makes of two short
        # lists ("écrasante" and "damaged buds": both 'damaged', a Jaccard of 1.0)
        cj *= 1.0 - 0.5 ** len(fd.concepts & fs.concepts)
        return max(cj, CROSS_WORDS * min(1.0, 2 * _jaccard(fd.stems, fs.stems)))
    local = _window_ratio(fd.window, fs.window) / 100.0
    wj = _jaccard(fd.words, fs.words)
    return max(cj, 0.5 * local + 0.5 * min(1.0, 2 * wj)) if wj else max(cj, 0.5 * local)


@memo(65536)
def _window_ratio(a: str, b: str) -> float:
    """rapidfuzz's token set ratio of two windows: sources that repeat the wire's words meet
    the same draft window again and again (in the benchmark story, 400 distinct pairs of
    3,700)."""
    return fuzz.token_set_ratio(a, b)


def _jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)  # the size of a | b, without building it


_PLAIN_WORDS: dict[str, dict[str, tuple[str, frozenset[str]]]] = {}  # per language, per word: the process's


@memo(4096)
def sentence_concepts(text: str, lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Content words, subject concepts and action concepts of a sentence."""
    lex = lexicon(lang)
    toks = _tokens(text)
    c = concepts(lang)
    words: set[str] = set()
    subj: set[str] = set()
    plain = _PLAIN_WORDS.setdefault(lang, {})
    for k, t in enumerate(toks):
        if t.is_word and len(t.norm) > 2 and t.norm not in lex.stop:
            known = plain.get(t.norm)
            if known is not None:  # a word met before that starts no subject phrase
                words.add(known[0])
                subj |= known[1]
                continue
            _, ids = subject_concepts(toks, k, c)
            got = (english(lang, t.norm), frozenset(x for x in ids if x not in c.generic))
            if t.norm not in c.subject_index and len(plain) < 200_000:
                plain[t.norm] = got  # with no phrase to match, what it names is the word's alone
            words.add(got[0])
            subj |= got[1]
    acts = {a for _, a in actions_in(toks, 0, len(toks), lang)}
    return frozenset(words), frozenset(subj), frozenset(acts)

