"""Each comparison rule, through the real pipeline: a one-sentence draft against a
one-sentence source (tests/data/compare_pairs.tsv, one row one test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.compare import compare_amounts, interval
from factcheck.models import Amount, Claim, Document, Span
from factcheck.pipeline import check

ROWS = [
    line.split("\t")
    for line in (Path(__file__).parent / "data" / "compare_pairs.tsv").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("draft", "source", "lang", "want"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_first_claim_verdict(draft: str, source: str, lang: str, want: str) -> None:
    report = check(Document(id="draft", text=draft), [Document(id="src", text=source, lang=lang)])
    assert report.claims, "no claim in the draft"
    first = report.claims[0]
    verdicts = [f.verdict for f in first.findings if f.source == "src"]
    expected = [] if want == "absent" else [want]
    assert verdicts == expected, f"{first.claim.text!r}: {[(f.text, f.verdict, f.why) for f in first.findings]}"


def _claim(low: float, high: float, hedge: str = "exact", text: str = "x") -> Claim:
    amount = Amount(low=low, high=high, hedge=hedge)  # type: ignore[arg-type]
    return Claim(
        id="c",
        doc_id="d",
        kind="count",
        span=Span(start=0, end=1),
        text=text,
        value=low,
        amount=amount,
        sentence=Span(start=0, end=1),
    )


@pytest.mark.parametrize(
    ("hedge", "lo", "hi"),
    [
        ("exact", 100, 100),
        ("about", 98, 102),
        ("approx", 90, 110),
        ("nearly", 94, 100),
        ("over", 100, 110),
        ("at_least", 100, 110),
        ("under", 90, 100),
        ("at_most", 90, 100),
    ],
)
def test_hedge_intervals(hedge: str, lo: float, hi: float) -> None:
    got = interval(Amount(low=100, high=100, hedge=hedge))  # type: ignore[arg-type]
    assert got == pytest.approx((lo, hi))


def test_same_figure_agrees_whatever_the_hedges() -> None:
    verdict, _ = compare_amounts(_claim(300, 300, "about"), _claim(300, 300, "nearly"))
    assert verdict == "agrees"


def test_currencies_differ_is_unclear_unless_close() -> None:
    a = _claim(1.3e9, 1.3e9, text="$1.3bn").model_copy(update={"kind": "money", "unit": "USD"})
    b = _claim(1.2e9, 1.2e9, text="€1.2bn").model_copy(update={"kind": "money", "unit": "EUR"})
    c = _claim(5e9, 5e9, text="€5bn").model_copy(update={"kind": "money", "unit": "EUR"})
    assert compare_amounts(a, b)[0] == "agrees"
    assert compare_amounts(a, c)[0] == "unclear"


DIRECTIONS = {
    "en-fell": ("Shares fell 3% on Monday.", "en", -1),
    "en-fell-by": ("Shares fell by 3% on Monday.", "en", -1),
    "en-down": ("Shares were down 3% at the close.", "en", -1),
    "en-lower": ("Shares closed 3% lower.", "en", -1),
    "en-sign": ("Shares: -3% on Monday.", "en", -1),
    "en-rose": ("Revenue rose 3% to £4bn.", "en", 1),
    "en-up-to": ("The deal is worth up to 3% of sales.", "en", 0),
    "en-level": ("Turnout was 3% in the first round.", "en", 0),
    "fr-chute": ("L'action a chuté de 3 % lundi.", "fr", -1),
    "fr-en-baisse": ("Le titre est en baisse de 3 % mardi.", "fr", -1),
    "fr-progresse": ("Le chiffre d'affaires a progressé de 3 %.", "fr", 1),
    "fr-niveau": ("La participation atteint 3 % au premier tour.", "fr", 0),
}


@pytest.mark.parametrize(("text", "lang", "way"), DIRECTIONS.values(), ids=DIRECTIONS.keys())
def test_the_way_a_figure_moved(text: str, lang: str, way: int) -> None:
    from factcheck.compare import direction
    from factcheck.extract import extract_claims

    claim = next(c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.kind == "percent")
    assert direction(claim) == way
