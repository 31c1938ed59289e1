"""Tokens with offsets. Words are folded (lower case, no accents) in ``norm``; digits stay
digit runs; every other visible character is its own token. French elisions (d', l', qu')
are split off as tokens of their own."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Collection, Iterable
from functools import cache
from typing import NamedTuple

from ..invisible import has_hidden, hidden_class, strip_hidden
from ..langs import codes, hooks
from ..runcache import table
from ..text import latin_ascii

# Every character of a text is in one match: a run of spaces (skipped), a run of decimal
# digits, a word (with the apostrophe of an elision glued to it), or one symbol. Matching all
# of it lets findall (strings, no match objects) give the offsets by adding up lengths.
_TOKEN = re.compile(
    r"\s+|\d+|[^\W\d_]+(?:['’](?=[^\W\d_]))?|[^\s\w\x1b\x9b]|_"
    # a terminal escape sequence (CSI, OSC, or a two-character one) is one inert symbol:
    # the digits of "\x1b[31m" are not figures
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?",
    re.DOTALL,
)
# The same tokens but spaces, each match a pair: the run of spaces before a token (perhaps
# none), and the token (every alternative of _TOKEN but spaces), or "" at the end of the
# text. Every character that is not a space starts a token, so no character is left out and
# the offsets still add up; a loop turn is a token (runs of spaces were nearly half of
# _TOKEN's matches). The spaces that end a text end at the end: no backtracking.
# The alternatives start with characters no other one starts with, so their order is free:
# a word comes first, and one that starts with an ASCII letter is read by a class of ASCII
# letters before the letter class takes the rest of it (what [^\W\d_]+ matches, the same
# run: the letter class asks each character's category, the ASCII class a bitmap); digits
# likewise ([0-9]+\d*, then \d+ for a run that starts with another script's digit).
_SPACED_TOKEN = re.compile(
    r"(\s*)((?:[a-zA-Z]+[^\W\d_]*|[^\W\d_]+)(?:['’](?=[^\W\d_]))?|[0-9]+\d*|\d+|[^\s\w\x1b\x9b]|_"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\Z)",
    re.DOTALL,
)
# Elisions (the ELISIONS of every language's hooks): these words, glued to an apostrophe and a
# following letter, are tokens of their own with the apostrophe ("d'", "qu'", "jusqu'")
_ELIDED = frozenset(w for code in codes() for w in hooks(code).ELISIONS)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    norm: str
    kind: str  # word | num | sym | elide

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "elide")

    @property
    def is_cap(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()


def _fold_word(s: str) -> str:
    if s.isascii():
        return s.lower()
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return (s if s.isascii() else latin_ascii(s)).casefold().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    if has_hidden(text):
        return _tokenize_hidden(text)
    return _tokenize_plain(text)


def read_tokens(text: str) -> tuple[list[Token], bool]:
    """``tokenize(text)``, and whether ``text`` has invisible characters (:func:`has_hidden`)."""
    if has_hidden(text):
        return _tokenize_hidden(text), True
    return _tokenize_plain(text), False


def _tokenize_plain(text: str) -> list[Token]:
    """:func:`tokenize` of a text with no invisible character."""
    out: list[Token] = []
    add = out.append
    new = tuple.__new__  # what Token._make does, without its call
    fold = _fold_word
    pos = 0
    for space, s in _SPACED_TOKEN.findall(text):
        start = pos + len(space)
        pos = start + len(s)
        if s.isalpha():  # most tokens: a word of letters alone (no digit, no apostrophe)
            add(new(Token, (start, pos, s, s.lower() if s.isascii() else fold(s), "word")))
            continue
        if not s:
            break  # the end of the text
        c = s[0]
        if c.isdecimal():  # what \d matches
            add(new(Token, (start, pos, s, s, "num")))
        elif c.isalnum():  # a word: letters, and numerals that are not digits ("½")
            last = s[-1]
            if last != "'" and last != "’":
                add(new(Token, (start, pos, s, s.lower() if s.isascii() else fold(s), "word")))
                continue
            w = s[:-1]  # a word glued to an apostrophe and a letter
            norm = w.lower() if w.isascii() else fold(w)
            if norm in _ELIDED and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")):
                add(new(Token, (start, pos, s, norm + "'", "elide")))
                continue
            add(new(Token, (start, pos - 1, w, norm, "word")))
            add(new(Token, (pos - 1, pos, last, last, "sym")))
        else:  # a symbol or an escape sequence (a token never starts with a space)
            add(new(Token, (start, pos, s, s, "sym")))
    return out


@cache
def _token_hidden() -> re.Pattern[str]:
    h = f"[{hidden_class()}]"
    return re.compile(
        rf"\s+|\d+|{h}+|[^\W\d_]+(?:{h}+[^\W\d_]+)*(?:['’](?=[^\W\d_]))?|[^\s\w\x1b\x9b]|_"
        r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?",
        re.DOTALL,
    )


def _tokenize_hidden(text: str) -> list[Token]:
    """:func:`tokenize` for a text with invisible characters (soft hyphen, zero-width space,
    word joiner...). One inside a word stays in the word's text and is folded out of its
    norm ("Du\u00adpond" reads "dupond"); a run of them elsewhere is one symbol token
    (numbers.py joins "1\u200b000" across it). Token texts stay slices of the text."""
    out: list[Token] = []
    pos = 0
    for s in _token_hidden().findall(text):
        start = pos
        pos += len(s)
        c = s[0]
        if c.isdecimal():
            out.append(Token(start, pos, s, s, "num"))
        elif c.isalnum() and strip_hidden(c):
            last = s[-1]
            if last != "'" and last != "’":
                out.append(Token(start, pos, s, _fold_word(strip_hidden(s)), "word"))
                continue
            w = s[:-1]
            norm = _fold_word(strip_hidden(w))
            if norm in _ELIDED and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")):
                out.append(Token(start, pos, s, norm + "'", "elide"))
                continue
            out.append(Token(start, pos - 1, w, norm, "word"))
            out.append(Token(pos - 1, pos, last, last, "sym"))
        elif not c.isspace():
            out.append(Token(start, pos, s, strip_hidden(s), "sym"))  # an invisible run: norm ""
    return out


_HANDED = "tokens.sentences"  # the run's table: sentence text -> (its tokens in the text, its offset)
_HANDED_CAP = 16384


def hand_sentences(text: str, toks: list[Token], starts: list[int], sentences: Iterable[tuple[str, int, int]]) -> None:
    """Keep, for alignment (:func:`sentence_tokens`), the tokens extraction read of sentences
    of ``text``, a text with no invisible character (whose tokens another tokeniser reads):
    ``toks`` is ``tokenize(text)``, ``starts`` where its tokens start, and each of
    ``sentences`` is ``(text[start:end], start, end)``. Only what ``tokenize`` of the sentence
    would give is kept: no sentence whose tokens read otherwise on their own, with a token
    running across one of its ends, an elision that the character before it makes part of a
    word ("l'" after a digit), or one that the letter after it makes ("...l'" followed by a
    letter)."""
    handed = table(_HANDED)
    for sentence, start, end in sentences:
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        if i >= j or (i and toks[i - 1].end > start):
            continue
        last = toks[j - 1]
        if last.end > end or (last.kind == "elide" and last.end == end):
            continue  # (an "l'" at the end is elided only when a letter follows it)
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue  # an elision that opens the sentence would read otherwise
        if len(handed) >= _HANDED_CAP:
            handed.clear()
        handed[sentence] = (toks[i:j], start)


def sentence_tokens(sentence: str) -> list[Token]:
    """``tokenize(sentence)``: made from the tokens extraction read of the sentence when it
    handed them in this run (:func:`hand_sentences`), shifted to the sentence's offsets, else
    read again (a claim of the claim cache, a text with invisible characters, a text that is
    no sentence)."""
    got = table(_HANDED).get(sentence)
    if got is None:
        return tokenize(sentence)
    toks, off = got
    if not off:
        return toks
    new = tuple.__new__
    return [new(Token, (a - off, b - off, x, n, k)) for a, b, x, n, k in toks]


def drop_handed() -> None:
    """Forget the tokens handed in this run (:func:`hand_sentences`): a check drops them
    when it has aligned its claims, as extraction dropped its tokens before."""
    table(_HANDED).clear()


_POSITIONS = "tokens.positions"  # the run's table: id of a token list -> (the list, its positions)
_POSITIONS_KEPT = 2


def positions(toks: list[Token]) -> dict[str, list[int]]:
    """The indexes of the tokens of ``toks`` by their norm, each list in text order: read once
    per token list (kept for the last few of the run), for the rules that look for a few words
    or for the figures in a whole text rather than test every token."""
    kept = table(_POSITIONS)
    got = kept.get(id(toks))
    if got is not None and got[0] is toks:
        return got[1]  # type: ignore[no-any-return]
    out: dict[str, list[int]] = {}
    for k, t in enumerate(toks):
        at = out.get(t.norm)
        if at is None:
            out[t.norm] = [k]
        else:
            at.append(k)
    kept[id(toks)] = (toks, out)  # the table holds the list: its id names no other while kept
    while len(kept) > _POSITIONS_KEPT:
        kept.pop(next(iter(kept)), None)  # the oldest
    return out


def indexes_of(toks: list[Token], norms: Collection[str]) -> list[int]:
    """The indexes of the tokens whose norm is one of ``norms``, in text order."""
    at = positions(toks)
    # through the smaller of the two: a few words of a long text, or a short text
    few = len(norms) <= len(at)
    found = [at[w] for w in norms if w in at] if few else [ks for w, ks in at.items() if w in norms]
    return found[0][:] if len(found) == 1 else sorted(k for ks in found for k in ks)


_NUMS = "tokens.nums"  # the run's table: id of a token list -> (the list, its digit runs)


def num_indexes(toks: list[Token]) -> list[int]:
    """The indexes of the digit runs of ``toks`` (the tokens of kind "num"), in text order:
    read once per token list (kept for the last few of the run), for the figures and the
    dates. A new list each time: callers may change it."""
    kept = table(_NUMS)
    got = kept.get(id(toks))
    if got is None or got[0] is not toks:
        got = kept[id(toks)] = (toks, sorted(
            k for w, ks in positions(toks).items() if w[:1].isdecimal() for k in ks if toks[k].kind == "num"
        ))  # the table holds the list: its id names no other while kept
        while len(kept) > _POSITIONS_KEPT:
            kept.pop(next(iter(kept)), None)  # the oldest
    return list(got[1])


_LETTERS = re.compile(r"[^\W\d_]+")


def word_norms(text: str) -> frozenset[str]:
    """The folded words of ``text``, as :func:`tokenize` folds them (an elided "d'" is
    its letter here): the vocabulary of a document, without building its tokens."""
    text = strip_hidden(text)  # "Du\u00adpond" is one word, as tokenize reads it
    return frozenset(w.lower() if w.isascii() else _fold_word(w) for w in set(_LETTERS.findall(text)))


def glued(a: Token, b: Token) -> bool:
    """True when b follows a with no space in between."""
    return a.end == b.start


def match_at(tokens: list[Token], i: int, phrase: tuple[str, ...], *, loose_hyphen: bool = True) -> int:
    """If ``phrase`` (folded tokens) starts at ``tokens[i]``, return its token length, else 0.

    Hyphens in the text are skipped when the phrase has none ("year-old" ~ "year old")."""
    j = i
    n = len(tokens)
    if phrase and (i >= n or tokens[i].norm != phrase[0]):
        return 0  # what the loop finds at its first word (no hyphen is skipped before it), sooner
    for k, p in enumerate(phrase):
        if loose_hyphen and k and j < n and tokens[j].norm in ("-", "–") and p not in ("-", "–"):
            j += 1  # one hyphen between two words of the phrase
        if j >= n or tokens[j].norm != p:
            return 0
        j += 1
    return j - i


def match_before(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> int:
    """If ``phrase`` ends right before ``tokens[i]``, return its token length, else 0."""
    k = len(phrase)
    if i - k < 0:
        return 0
    for a, p in zip(tokens[i - k : i], phrase, strict=True):
        if a.norm != p:
            return 0
    return k
