"""Spanish: what about the language is code, not a word list of lexicon/es/."""

from __future__ import annotations

# its words that are no name and its demonym endings count in texts of every language
# (factcheck.langs.shared_langs)
SHARED = False

# Spanish elides nothing before an apostrophe
ELISIONS: tuple[str, ...] = ()
# the words of "un año", "una hora": a duration of one unit
ONE_ARTICLES = ("un", "una")
# weekdays and months are written in lower case
CAPITAL_DATES = False
# the word for one is also the indefinite article ("un", "una"): a lone "un" is a weak figure
ONE_IS_ARTICLE = True
# "5/2/2024" and "05.11.2023" read day first (else only where the reading is the same either
# way or one side cannot be a month)
DAY_FIRST = True

# a lone word for one that is only weakly a count ("a child", "une enquête")
WEAK_ONE = ("un", "una")
# the articles before a word of about so many ("une trentaine", "un centenar")
APPROX_ARTICLES: tuple[str, ...] = ("un", "una")
# the words for twelve that multiply what is before them ("two dozen")
DOZEN = ("docena",)

# los complementos del nombre lo siguen: "una tasa de paro del 7 %"
MODIFIERS_BEFORE_NOUN = False

# the language code text2num reads numbers in words with (None: it does not read this language)
TEXT2NUM: str | None = "es"


def participle(w: str) -> bool:
    return False


def head_noun(w: str, adjectives_before: frozenset[str]) -> bool:
    """The first noun of a figure's phrase is its head, but for a few adjectives that come
    before it ("grandes buques")."""
    return w not in adjectives_before


def not_noun(w: str) -> bool:
    """An ending that no noun of a figure's phrase has (an adverb in -mente, a participle)."""
    return w.endswith("mente") or w.endswith(("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"))


def plural_verb(w: str) -> bool:
    """A verb of the third person plural where a figure's noun would stand ("seis recomiendan"):
    after a figure above one a noun is plural, in -s."""
    return len(w) > 4 and w.endswith(("an", "en")) and not w.endswith(("ian", "ien"))
