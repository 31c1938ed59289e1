"""A figure precise enough to name its fact (three significant digits or more, as written:
"4h 12min 33s", "3,412", "€105m") meets its very equal in a source without the penalty for a
place the source never names; a rounder figure keeps it ("12 minutes from Rodez")."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.models import Document
from factcheck.pipeline import check
from factcheck.scoring import identifies, side

NEVER_NAMED = "the source never names what is next to this figure"


def _finding(draft: str, source: str, figure: str) -> tuple[str, str]:
    report = check(Document(id="draft", text=draft), [Document(id="src", text=source)], cache=None)
    claim = next(c for c in report.claims if c.claim.text == figure)
    (found,) = [f for f in claim.findings if f.source == "src"]
    return found.verdict, found.why


@pytest.mark.parametrize(
    ("draft", "source", "figure", "penalised"),
    [
        # a precise figure needs no place beside its equal
        (
            "The winner covered the 182 km from Rodez in 4h 31min 12s after a solo attack.",
            "He stopped the clock at 4:31:12 after a solo attack on the last climb.",
            "4h 31min 12s",
            False,
        ),
        # a round figure keeps the place it is said of
        (
            "The winner took 12 minutes from Rodez to the summit after a solo attack.",
            "He took 12 minutes to the summit after a solo attack on the last climb.",
            "12 minutes",
            True,
        ),
    ],
    ids=["precise", "round"],
)
def test_the_place_the_source_never_names(draft: str, source: str, figure: str, penalised: bool) -> None:
    verdict, why = _finding(draft, source, figure)
    assert verdict == "agrees"
    assert (NEVER_NAMED in why) is penalised


@pytest.mark.parametrize(
    ("text", "figure", "precise"),
    [
        ("He finished in 4h 12min 33s.", "4h 12min 33s", True),
        ("The route is 168 km long.", "168 km", True),
        ("The group will save €105m a year.", "€105m", True),
        ("In all, 1,041 members voted.", "1,041 members", True),
        ("He finished 19 seconds down.", "19 seconds", False),
        ("The strike lasted six months.", "six months", False),  # 182.5 days once normalised: not as written
        ("The fine is €300.", "€300", False),
        ("Between 120 and 150 people came.", "120 and 150 people", False),
    ],
)
def test_which_figures_identify_themselves(text: str, figure: str, precise: bool) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="d", text=text))}
    assert identifies(side(claims[figure])) is precise
