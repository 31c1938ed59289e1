"""How two reports' names of one person compare, and which role a title before a name gives,
on sentences written for each way of writing them."""

from __future__ import annotations

import pytest

from factcheck.compare import compare
from factcheck.extract import extract_claims
from factcheck.models import Claim, Document
from factcheck.pipeline import check


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


@pytest.mark.parametrize(
    ("draft", "source", "want"),
    [
        # the source names both: each meets its own
        (
            "Khalifa Sall took 1.6% of the vote. The count was certified under President Macky Sall on Friday.",
            "Power will be handed over by his predecessor, Macky Sall, in Dakar. Khalifa Sall was far behind.",
            {"Khalifa Sall": [("agrees", "Khalifa Sall")], "Macky Sall": [("agrees", "Macky Sall")]},
        ),
        # the source names only the other one
        (
            "Khalifa Sall took 1.6% of the vote, far behind the winner. Macky Sall will hand over power.",
            "Power will then be handed over by his predecessor, Macky Sall, at the presidential palace in Dakar.",
            {"Khalifa Sall": [], "Macky Sall": [("agrees", "Macky Sall")]},
        ),
    ],
    ids=["both-named", "the-other-named"],
)
def test_a_source_name_of_the_drafts_other_person_is_no_misspelling(
    draft: str, source: str, want: dict[str, list[tuple[str, str]]]
) -> None:
    # two people of one surname in the draft: a source's name nearer the other's is the other's
    report = check(Document(id="draft", text=draft), [Document(id="src", text=source)], cache=None)
    found = {
        c.claim.text: [(f.verdict, f.text) for f in c.findings if f.source == "src"]
        for c in report.claims
        if c.claim.kind == "person"
    }
    assert found == want


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a couple, a family, two politicians: two people of one surname
        ("Prakash Hinduja, 78, and his wife Kamal Hinduja, 75, were sentenced. Kamal Hinduja did not attend.", False),
        ("Khalifa Sall took 1.6% of the vote. The count was certified under President Macky Sall on Friday.", False),
        # one role, two given names: one person named two ways
        ("Prosecutor Nicolas Bessone spoke on Monday. Later, prosecutor Eric Bessone said more.", True),
        # a given name misspelt is one name
        ("Jonathan Reyes scored twice. Coach Jonathon Reyes said nothing.", True),
    ],
    ids=["couple", "two-politicians", "one-role", "misspelt-given-name"],
)
def test_the_draft_naming_two_people_of_one_surname(text: str, flagged: bool) -> None:
    report = check(Document(id="draft", text=text), [], cache=None)
    conflicts = [f for c in report.claims if c.claim.kind == "person" for f in c.findings if f.verdict == "conflicts"]
    assert bool(conflicts) is flagged
