"""How two reports' names of one person compare, and which role a title before a name gives,
on sentences written for each way of writing them."""

from __future__ import annotations

import pytest

from factcheck.compare import compare
from factcheck.extract import extract_claims
from factcheck.models import Claim, Document


def _person(text: str, lang: str) -> Claim:
    (got,) = [c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.kind == "person"]
    return got


@pytest.mark.parametrize(
    ("draft", "source", "lang", "verdict"),
    [
        # a compound given name, joined by a hyphen or not
        ("Le directeur, Pierre-Alain Morel, a parlé.", "Le directeur, Pierre Alain Morel, a parlé.", "fr", "agrees"),
        ("The mayor, Anne-Marie Keller, spoke.", "The mayor, Anne Marie Keller, spoke.", "en", "agrees"),
        # a hyphenated surname and one half of it alone
        ("La maire, Léa Morin-Dufresne, a parlé.", "La maire, Léa Dufresne, a parlé.", "fr", "agrees"),
        # another given name is another person's
        ("Le directeur, Pierre-Alain Morel, a parlé.", "Le directeur, Jean-Marc Morel, a parlé.", "fr", "conflicts"),
    ],
)
def test_names_of_one_person(draft: str, source: str, lang: str, verdict: str) -> None:
    assert compare(_person(draft, lang), _person(source, lang))[0] == verdict


@pytest.mark.parametrize(
    ("text", "lang", "role"),
    [
        # the longest role phrase before the name, not the last word of it
        ("Le directeur général de la mine, Pierre-Alain Morel, a annoncé la fermeture.", "fr", "ceo"),
        ("The company's chief executive Anna Holm resigned on Monday.", "en", "ceo"),
        ("Le général Pierre Lemoine commande la mission.", "fr", "general"),
    ],
)
def test_the_role_a_title_gives(text: str, lang: str, role: str) -> None:
    assert _person(text, lang).concepts == (role,)
