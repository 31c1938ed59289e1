"""Whose figure it is: a share, an age, a fine or a term said of a person named in its own
item of a list ("Anna Berg with 2.8%, Eva Lind with 0.9%") meets that person's figure in a
source, not its neighbour's (tests/data/holders.tsv, one row one test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import table_lines

from factcheck.extract import extract_claims
from factcheck.links import holder
from factcheck.models import Document
from factcheck.pipeline import check

TABLE = Path(__file__).parent / "data" / "holders.tsv"
COLUMNS = ("id", "draft", "lang", "source", "figure", "verdict", "source_figure")
LINES = table_lines(TABLE, len(COLUMNS), header=True)
ROWS = [dict(zip(COLUMNS, x.cols, strict=True)) for x in LINES]
PARAMS = [
    pytest.param(r, id=r["id"], marks=[pytest.mark.xfail(reason=x.xfail, strict=True)] if x.xfail else [])
    for r, x in zip(ROWS, LINES, strict=True)
]


@pytest.mark.parametrize("row", PARAMS)
def test_whose_figure(row: dict[str, str]) -> None:
    report = check(
        Document(id="draft", text=row["draft"]), [Document(id="src", text=row["source"], lang=row["lang"])], cache=None
    )
    claims = [c for c in report.claims if c.claim.text == row["figure"]]
    assert claims, f"no draft claim {row['figure']!r}: {[c.claim.text for c in report.claims]}"
    got = [(f.verdict, f.text) for f in claims[0].findings if f.source == "src"]
    want = [] if row["verdict"] == "absent" else [(row["verdict"], row["source_figure"])]
    assert got == want


def test_table_has_negatives() -> None:
    assert len(ROWS) >= 8
    assert sum(r["verdict"] != "conflicts" for r in ROWS) >= 3


HELD = {
    # an age set beside the name is the name's, and no item of another person's figure
    "age-aside": ("Tomas Verhoek, 31, from Utrecht, in the Netherlands, ran 2:11:50 on Sunday.", "en", "2:11:50"),
    # ... with its word for years, too
    "age-aside-with-years": (
        "Chez les femmes, la Néerlandaise Anna Verhoek, 29 ans, s'est imposée en 2 h 23 min 48 s.", "fr",
        "2 h 23 min 48 s",
    ),
    # an auxiliary after the name reports only before a reporting verb
    "fr-auxiliary-then-verb": (
        "Tomas Verhoek a remporté la course dimanche en 2 h 12 min 05 s.", "fr", "2 h 12 min 05 s",
    ),
}


@pytest.mark.parametrize(("text", "lang", "figure"), HELD.values(), ids=HELD.keys())
def test_the_holder_of_a_figure(text: str, lang: str, figure: str) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="d", text=text, lang=lang))}
    assert holder(claims[figure], {"verhoek", "dalman"}) == "verhoek"


def test_a_reporting_verb_after_the_auxiliary_still_reports() -> None:
    text = "Tomas Verhoek a déclaré que 45 % des coureurs avaient abandonné."
    claims = {c.text: c for c in extract_claims(Document(id="d", text=text, lang="fr"))}
    assert holder(claims["45 %"], {"verhoek"}) is None


def test_a_figure_said_of_one_the_draft_never_names_is_weaker_evidence() -> None:
    # the source names whose age it gives, and the draft never names that person
    draft = Document(id="draft", text="Her 65-year-old mother was killed when the mud hit the village on Saturday.")

    def score(source: str) -> float:
        report = check(draft, [Document(id="src", text=source)], cache=None)
        (claim,) = [c for c in report.claims if c.claim.kind == "age"]
        (found,) = [f for f in claim.findings if f.source == "src"]
        return found.score

    unnamed = score("A 64-year-old farmer said the mud hit the village on Saturday.")
    named = score("Budi Rahmat, a 64-year-old farmer, said the mud hit the village on Saturday.")
    assert named < unnamed - 0.1  # without the rule the two scored alike (0.70 and 0.72)
