"""French: what about the language is code, not a word list of lexicon/fr/."""

from __future__ import annotations

# its words that are no name and its demonym endings count in texts of every language
# (factcheck.langs.shared_langs)
SHARED = True

# words elided before an apostrophe and a letter, tokens of their own ("d'", "qu'", "jusqu'")
ELISIONS = ("d", "l", "n", "s", "j", "c", "m", "t", "qu", "jusqu", "lorsqu")
# the words of "un an", "une heure": a duration of one unit
ONE_ARTICLES = ("un", "une")
# weekdays and months are written in lower case
CAPITAL_DATES = False
# the word for one is also the indefinite article ("un", "une"): a lone "un" is a weak figure
ONE_IS_ARTICLE = True
# "5/2/2024" and "05.11.2023" read day first (else only where the reading is the same either
# way or one side cannot be a month)
DAY_FIRST = True

# a lone word for one that is only weakly a count ("a child", "une enquête")
WEAK_ONE = ("un", "une")
# the articles before a word of about so many ("une trentaine", "un centenar")
APPROX_ARTICLES: tuple[str, ...] = ("un", "une")
# the words for twelve that multiply what is before them ("two dozen")
DOZEN = ("douzaine",)

# les mots qui précisent un nom le suivent : « un taux de distribution de 40 % » ; dans « la
# direction parle de 46 % », « direction parle » n'est pas un nom
MODIFIERS_BEFORE_NOUN = False

# the language code text2num reads numbers in words with (None: it does not read this language)
TEXT2NUM: str | None = "fr"


def participle(w: str) -> bool:
    return False


def head_noun(w: str, adjectives_before: frozenset[str]) -> bool:
    """The first noun of a figure's phrase is its head, but for a few adjectives that come
    before it ("grands navires")."""
    return w not in adjectives_before


def not_noun(w: str) -> bool:
    """An ending that no noun of a figure's phrase has (an adverb, a past participle)."""
    return w.endswith("ment") or w.endswith("ee") or w.endswith("ees")


def plural_verb(w: str) -> bool:
    """A verb of the third person plural where a figure's noun would stand ("six recommandent",
    "12 estiment"): after a figure above one a noun is plural, "-ents" ("six agents")."""
    return len(w) > 4 and w.endswith("ent")
