"""English: what about the language is code, not a word list of lexicon/en/."""

from __future__ import annotations

# its words that are no name and its demonym endings count in texts of every language
# (factcheck.langs.shared_langs)
SHARED = True

# words elided before an apostrophe and a letter, tokens of their own ("d'", "qu'"): none
ELISIONS: tuple[str, ...] = ()
# the words of "a year", "an hour": a duration of one unit
ONE_ARTICLES = ("a", "an", "one")
# a weekday or a month is one only when capitalised ("may" is a verb, "march" a noun)
CAPITAL_DATES = True
# "one" is no article: "one hundred" is a figure however it is read
ONE_IS_ARTICLE = False
# "5/2/2024" and "05.11.2023" read day first (else only where the reading is the same either
# way or one side cannot be a month)
DAY_FIRST = False

# a lone word for one that is only weakly a count ("a child", "une enquête")
WEAK_ONE = ("one",)
# the articles before a word of about so many ("une trentaine", "un centenar")
APPROX_ARTICLES: tuple[str, ...] = ()
# the words for twelve that multiply what is before them ("two dozen")
DOZEN = ("dozen",)

# a noun's modifiers stand before it: "a payout ratio of 45%" gives the ratio's size
MODIFIERS_BEFORE_NOUN = True

# the language code text2num reads numbers in words with (None: it does not read this language)
TEXT2NUM: str | None = "en"


def participle(w: str) -> bool:
    """A verb form that ends a figure's noun phrase ("injured", "remaining")."""
    return len(w) > 4 and w.endswith(("ed", "ing"))


def head_noun(w: str, adjectives_before: frozenset[str]) -> bool:
    """Whether a noun the lexicon does not know is the head of a figure's phrase: a plural
    ("dockers", "containers"; a modifier is singular, as in "container ships")."""
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))


def not_noun(w: str) -> bool:
    """An ending that no noun of a figure's phrase has (an adverb, a participle)."""
    return w.endswith("ly") or w.endswith("ed") or w.endswith("ing")


def plural_verb(w: str) -> bool:
    """A verb where a figure's noun would stand: none is read so in English, where a plural
    noun ends in -s and other means tell a verb."""
    return False
