"""Lexicons: data files in factcheck/lexicon/, loaded once per process."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from typing import Any, TypeVar

from ..langs import check as check_lang
from ..langs import hooks as hooks
from ..langs import shared_langs as shared_langs
from ..langs import shared_words as shared_words
from ..text import fold
from . import store

V = TypeVar("V")
D = TypeVar("D")


@cache
def _load(*parts: str) -> dict[str, Any]:
    """A data file of factcheck/lexicon/, parsed (kept in the lexicon cache, :mod:`.store`).
    The same dict is handed to every caller: read it, never change it."""
    return store.remember("toml:" + "/".join(parts), lambda: _parse(*parts), decode=_a_dict)


def _parse(*parts: str) -> dict[str, Any]:
    ref = store.PACKAGE.joinpath("lexicon", *parts)
    with ref.open("rb") as fh:
        return tomllib.load(fh)


def _a_dict(v: Any) -> dict[str, Any]:
    if type(v) is not dict:
        raise TypeError("not a table")
    return v


def _record(obj: Any) -> dict[str, Any]:
    """A frozen dataclass's fields, as marshal data for the lexicon cache."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _rebuild(cls: type[D]) -> Any:
    def build(v: Any) -> D:
        if type(v) is not dict:
            raise TypeError("not a record")
        return cls(**v)

    return build


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Fold and split phrases into token tuples, longest first."""
    out = {tuple(tokenize_phrase(p)) for p in items}
    return tuple(sorted((p for p in out if p), key=len, reverse=True))


def tokenize_phrase(p: str) -> list[str]:
    from .tokens import tokenize

    p = fold(p)
    if p.endswith("'"):  # "plus d'" must end with the elided token d'
        return [t.norm for t in tokenize(p + "x")][:-1]
    return [t.norm for t in tokenize(p)]


STEM_KEY = 3  # action stems are looked up by their first letters


@dataclass(frozen=True)
class Concepts:
    # subject word (folded, singular) -> concept ids; phrases as token tuples
    subject_words: dict[str, frozenset[str]]
    subject_phrases: dict[tuple[str, ...], frozenset[str]]
    generic: frozenset[str]
    human: frozenset[str]
    # people set apart by what they are ("children", "women"): a subgroup of any group
    trait: frozenset[str]
    # what a rate or a share measures ("inflation", "taux directeur")
    measure: frozenset[str]
    # which size of a thing a length gives: word (folded) -> dimension id ("longue" -> length)
    dimensions: dict[str, str]
    # actions that say only that a figure lasted or happened ("lasted", "took"): evidence
    # when both sides say them, no disagreement when the other side says something else
    loose: frozenset[str]
    # actions that make their figure another fact than one without them ("sought")
    apart: frozenset[str]
    # actions whose figure grows as news comes in (a toll, the injured, arrests)
    changing: frozenset[str]
    # actions said only of people and their jobs ("laid off"): not of a known thing's figure
    people_only: frozenset[str]
    # action stems (single token prefixes) and phrases
    action_stems: tuple[tuple[str, str], ...]
    action_phrases: dict[tuple[str, ...], frozenset[str]]
    # the phrases above by their first token, longest first (so a scan looks at few of them)
    subject_index: dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = field(default_factory=dict)
    action_index: dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = field(default_factory=dict)
    # the action stems by their first STEM_KEY letters, longest first; shorter ones under ""
    stem_index: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    lang: str
    units: dict[str, float]
    multipliers: dict[str, float]
    scale_suffixes: dict[str, float]
    approximate: dict[str, float]
    vague: dict[tuple[str, ...], tuple[float, float]]
    fractions: dict[tuple[str, ...], float]
    joiners: frozenset[str]
    article: frozenset[str]
    hedges: tuple[tuple[tuple[str, ...], str], ...]  # phrase tokens -> hedge, longest first
    words: dict[str, Any]
    weekdays: dict[str, int]
    months: dict[str, int]
    stop: frozenset[str]
    clause_breaks: tuple[tuple[str, ...], ...]
    partitive: tuple[tuple[str, ...], ...]
    roles: dict[tuple[str, ...], str] = field(default_factory=dict)
    hedge_by_last: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    vague_index: dict[str, tuple[tuple[tuple[str, ...], tuple[float, float]], ...]] = field(default_factory=dict)
    fraction_index: dict[str, tuple[tuple[tuple[str, ...], float], ...]] = field(default_factory=dict)
    break_first: frozenset[str] = frozenset()
    # clause breaks and partitives by their first token, in the order of the lists above
    break_index: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    partitive_index: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)


@cache
def lexicon(lang: str) -> Lexicon:
    check_lang(lang)
    return store.remember(f"lexicon:{lang}", lambda: _lexicon(lang), encode=_record, decode=_rebuild(Lexicon))


def _lexicon(lang: str) -> Lexicon:
    num = _load(lang, "numbers.toml")
    hed = _load(lang, "hedges.toml")
    w = _load(lang, "words.toml")
    roles = _load(lang, "roles.toml")
    hedges: list[tuple[tuple[str, ...], str]] = []
    for kind, items in hed.items():
        hedges += [(p, kind) for p in _phrases(items)]
    hedges.sort(key=lambda h: len(h[0]), reverse=True)
    months = {fold(m): i + 1 for i, m in enumerate(w["months"])}
    months.update({fold(k): v for k, v in w.get("month_abbrev", {}).items()})
    role_map: dict[tuple[str, ...], str] = {}
    for concept, items in roles.get("roles", {}).items():
        for p in _phrases(items):
            role_map[p] = concept
    vague = {tuple(tokenize_phrase(k)): (float(v[0]), float(v[1])) for k, v in num["vague"].items()}
    fractions = {tuple(tokenize_phrase(k)): float(v) for k, v in num["fractions"].items()}
    breaks = _phrases(w["clause_breaks"])
    partitive = _phrases(w["partitive"])
    return Lexicon(
        lang=lang,
        units={fold(k): float(v) for k, v in num["units"].items()},
        multipliers={fold(k): float(v) for k, v in num["multipliers"].items()},
        scale_suffixes={fold(k): float(v) for k, v in num["scale_suffixes"].items()},
        approximate={fold(k): float(v) for k, v in num.get("approximate", {}).items()},
        vague=vague,
        fractions=fractions,
        joiners=frozenset(num["joiners"]),
        article=frozenset(num["article"]),
        hedges=tuple(hedges),
        words=w,
        weekdays={fold(d): i for i, d in enumerate(w["weekdays"])},
        months=months,
        stop=frozenset(fold(s) for s in w["stop"]),
        clause_breaks=breaks,
        partitive=partitive,
        roles=role_map,
        hedge_by_last=_by_last(hedges),
        vague_index=by_first(vague),
        fraction_index=by_first(fractions),
        break_first=frozenset(p[0] for p in breaks),
        break_index=first_index(breaks),
        partitive_index=first_index(partitive),
    )


@cache
def concepts(lang: str = "en") -> Concepts:
    """Concept tables for one language (the ids are shared by all languages)."""
    return store.remember(f"concepts:{lang}", lambda: _concepts(lang), encode=_record, decode=_rebuild(Concepts))


def _concepts(lang: str) -> Concepts:
    data = _load("concepts.toml")
    langs = (check_lang(lang),)
    sw: dict[str, set[str]] = {}
    sp: dict[tuple[str, ...], set[str]] = {}
    generic: set[str] = set()
    human: set[str] = set()
    trait = {cid for cid, entry in data["subjects"].items() if entry.get("trait")}
    measure = {cid for cid, entry in data["subjects"].items() if entry.get("measure")}
    dimensions = {
        fold(w): cid for cid, entry in data.get("dimensions", {}).items() for lg in langs for w in entry.get(lg, [])
    }
    for cid, entry in data["subjects"].items():
        if entry.get("generic"):
            generic.add(cid)
        if entry.get("human"):
            human.add(cid)
        for lg in langs:
            for item in entry.get(lg, []):
                toks = tuple(tokenize_phrase(item))
                if len(toks) == 1:
                    sw.setdefault(singular(toks[0]), set()).add(cid)
                    sw.setdefault(toks[0], set()).add(cid)
                elif toks:
                    sp.setdefault(toks, set()).add(cid)
                    if not toks[-1].endswith(("s", "x")):
                        # the phrase with its last word plural: "key rates", "gang members"
                        sp.setdefault((*toks[:-1], toks[-1] + "s"), set()).add(cid)
    stems: list[tuple[str, str]] = []
    ap: dict[tuple[str, ...], set[str]] = {}
    loose = {cid for cid, entry in data["actions"].items() if entry.get("loose")}
    apart = {cid for cid, entry in data["actions"].items() if entry.get("apart")}
    changing = {cid for cid, entry in data["actions"].items() if entry.get("changes")}
    people_only = {cid for cid, entry in data["actions"].items() if entry.get("people")}
    for cid, entry in data["actions"].items():
        for lg in langs:
            for item in entry.get(lg, []):
                exact = item.endswith("$")  # "found$": the word and its inflections, not "founder"
                toks = tuple(tokenize_phrase(item.rstrip("$")))
                if len(toks) == 1:
                    stems.append((toks[0] + ("$" if exact else ""), cid))
                elif toks:
                    ap.setdefault(toks, set()).add(cid)
    stems.sort(key=lambda s: len(s[0]), reverse=True)
    stem_index: dict[str, list[tuple[str, str]]] = {}
    for stem, cid in stems:  # a stem shorter than the key is under "": tried for every word
        key = stem[:STEM_KEY] if len(stem.rstrip("$")) >= STEM_KEY else ""
        stem_index.setdefault(key, []).append((stem, cid))
    return Concepts(
        subject_words={k: frozenset(v) for k, v in sw.items()},
        subject_phrases={k: frozenset(v) for k, v in sp.items()},
        generic=frozenset(generic),
        human=frozenset(human),
        trait=frozenset(trait),
        measure=frozenset(measure),
        dimensions=dimensions,
        loose=frozenset(loose),
        apart=frozenset(apart),
        changing=frozenset(changing),
        people_only=frozenset(people_only),
        action_stems=tuple(stems),
        action_phrases={k: frozenset(v) for k, v in ap.items()},
        subject_index=by_first({k: frozenset(v) for k, v in sp.items()}),
        action_index=by_first({k: frozenset(v) for k, v in ap.items()}),
        stem_index={k: tuple(v) for k, v in stem_index.items()},
    )


@cache
def units() -> dict[str, Any]:
    return _load("units.toml")


@cache
def word_set(lang: str, *path: str) -> frozenset[str]:
    """A word list of the language's words.toml, folded, as a set: word_set("en", "one", "before")."""
    return frozenset(fold(w) for w in _words_at(lang, path))


@cache
def data_words(name: str, *path: str) -> frozenset[str]:
    """A word list of the shared data file lexicon/<name>.toml, folded, as a set:
    data_words("figures", "age", "prison")."""
    return frozenset(fold(w) for w in _data_at(name, path))


@cache
def basis_point_unit() -> str:
    """The unit of a percent claim told in basis points (figures.toml [compare] basis_point)."""
    return next(iter(data_words("figures", "compare", "basis_point")))


@cache
def data_phrases(name: str, *path: str) -> tuple[tuple[str, ...], ...]:
    """A phrase list of the shared data file lexicon/<name>.toml as folded token tuples,
    longest first ("year-old" is ("year", "-", "old"))."""
    return tuple(
        sorted((tuple(fold(p).replace("-", " - ").split()) for p in _data_at(name, path)), key=len, reverse=True)
    )


@cache
def data_pattern(name: str, *path: str) -> str:
    """A word list of the shared data file lexicon/<name>.toml as the alternatives of a regular
    expression, in the list's order and as written (not folded): "and|et"."""
    return "|".join(re.escape(w) for w in _data_at(name, path))


def _data_at(name: str, path: tuple[str, ...]) -> list[str]:
    node: Any = _load(f"{name}.toml")
    for key in path:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return list(node) if isinstance(node, list) else []


@cache
def phrase_list(lang: str, *path: str) -> tuple[tuple[str, ...], ...]:
    """A phrase list of words.toml as folded token tuples, longest first, each split as the
    tokenizer splits text ("d'entre eux": "d'", "entre", "eux")."""
    return tuple(sorted((tuple(tokenize_phrase(p)) for p in _words_at(lang, path)), key=len, reverse=True))


@cache
def phrase_starts(lang: str, *path: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """:func:`phrase_list` by first token: a scan at one token reads only the phrases that
    can start there, in the list's order."""
    return first_index(phrase_list(lang, *path))


def first_index(phrases: Sequence[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their first token, each group in the order of ``phrases``."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@cache
def phrase_map(lang: str, key: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """A table of words.toml (phrase -> value) as folded token tuples, longest first."""
    table = lexicon(lang).words.get(key, {})
    items = [(tuple(fold(k).replace("-", " - ").split()), str(v)) for k, v in table.items()]
    return tuple(sorted(items, key=lambda kv: len(kv[0]), reverse=True))


def _words_at(lang: str, path: tuple[str, ...]) -> list[str]:
    node: Any = lexicon(lang).words
    for key in path:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return list(node) if isinstance(node, list) else []


def by_first(table: Mapping[tuple[str, ...], V]) -> dict[str, tuple[tuple[tuple[str, ...], V], ...]]:
    """Phrases grouped by their first token, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], V]]] = {}
    for phrase, value in table.items():
        if phrase:
            out.setdefault(phrase[0], []).append((phrase, value))
    return {k: tuple(sorted(v, key=lambda pv: len(pv[0]), reverse=True)) for k, v in out.items()}


def _by_last(hedges: list[tuple[tuple[str, ...], str]]) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, kind in hedges:
        out.setdefault(phrase[-1], []).append((phrase, kind))
    return {k: tuple(sorted(v, key=lambda pk: len(pk[0]), reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=65536)
def stem_actions(lang: str, word: str) -> tuple[str, ...]:
    """Action ids whose stems match ``word`` (see :func:`stem_matches`), memoised per word."""
    index = concepts(lang).stem_index
    # the shorter stems of "" are shorter than all the others: after them, the order holds
    candidates = index.get(word[:STEM_KEY], ()) + index.get("", ())
    return tuple(cid for stem, cid in candidates if stem_matches(word, stem))


def stem_matches(word: str, stem: str) -> bool:
    """Long stems match any word they start ("arrest" -> "arrests"); short ones only their
    plain inflections, so that "ill" is not "illegal" nor "cut" "cutlery", and so do stems
    marked with a final "$" in concepts.toml ("found$" is not "founder")."""
    if stem.endswith("$"):
        stem = stem[:-1]
        return word.startswith(stem) and word[len(stem) :] in _stem_endings("word_endings")
    if not word.startswith(stem):
        return False
    return len(stem) > 4 or word[len(stem) :] in _stem_endings("inflections")


@cache
def _stem_endings(key: str) -> frozenset[str]:
    """What may follow a short or a "$" stem (the [stems] table of concepts.toml)."""
    return data_words("concepts", "stems", key)


@cache
def _gloss(lang: str) -> dict[str, str]:
    """The language's gloss.toml (folded word -> English word); empty for English."""
    ref = store.PACKAGE.joinpath("lexicon", lang, "gloss.toml")
    if not ref.is_file():
        return {}
    return {fold(k): fold(v) for k, v in _load(lang, "gloss.toml").get("gloss", {}).items()}


@cache
def same_places() -> dict[str, frozenset[str]]:
    """Folded word -> the words of places.toml that name the same place ("french" -> France's)."""
    out: dict[str, frozenset[str]] = {}
    for group in _load("places.toml").get("same", []):
        words = frozenset(fold(w) for w in group)
        for w in words:
            out[w] = out.get(w, frozenset()) | words
    return out


@lru_cache(maxsize=65536)
def english(lang: str, word: str) -> str:
    """``word`` (folded) as its English gloss when the language's gloss.toml has it
    ("navires" -> "ship", "evacuees" -> "evacuated"), else its :func:`singular`. An English
    word is its singular."""
    w = singular(word)
    table = _gloss(lang)
    if not table:
        return w
    got = table.get(w) or table.get(word)
    if got is None and w.endswith("e"):
        got = table.get(w[:-1])  # a final "e" of agreement: "evacuee", "montee"
    return got or _cognate(lang, w)


@cache
def _cognate_endings(lang: str) -> tuple[tuple[str, str], ...]:
    """The language's gloss.toml ``cognate_endings`` (its ending -> the English one), longest first."""
    ref = store.PACKAGE.joinpath("lexicon", lang, "gloss.toml")
    if not ref.is_file():
        return ()
    table = _load(lang, "gloss.toml").get("cognate_endings", {})
    return tuple(sorted(((fold(k), fold(v)) for k, v in table.items()), key=lambda kv: -len(kv[0])))


def _cognate(lang: str, w: str) -> str:
    """``w`` with its ending turned into its English cognate's ("spectateur" -> "spectator");
    ``w`` itself when no ending of gloss.toml fits (or the stem would be too short to say)."""
    for ending, english_ending in _cognate_endings(lang):
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return w[: len(w) - len(ending)] + english_ending
    return w


def singular(w: str) -> str:
    """A rough singular for matching nouns in both languages."""
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("aux"):
        return w[:-3] + "al"
    if w.endswith(("s", "x")) and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
