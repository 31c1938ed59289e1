"""Exchange rates as outlets write them: the currency a rate is per, the sum inside it that is
no sum of its own ("for $1"), and the earlier rate set against it ("compared with about 31
pounds before"). One row of tests/data/rates.tsv, one test."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import table_lines

from factcheck.extract import EXCHANGE_RATE, extract_claims
from factcheck.extract.lexicon import concepts
from factcheck.models import Document

TABLE = Path(__file__).parent / "data" / "rates.tsv"
ROWS = [x.cols for x in table_lines(TABLE, 4, header=True)]


@pytest.mark.parametrize(("lang", "text", "want"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_money_claims_and_their_units(lang: str, text: str, want: str) -> None:
    got = [f"{c.text}={c.unit}" for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.kind == "money"]
    assert got == [w.strip() for w in want.split("|")]


def test_a_rate_says_what_it_prices() -> None:
    doc = Document(id="d", text="The pound fell to 50 to the dollar.")
    (rate,) = [c for c in extract_claims(doc) if c.kind == "money"]
    assert rate.concepts == (EXCHANGE_RATE,)
    assert any(EXCHANGE_RATE in ids for ids in concepts("en").subject_phrases.values())  # the lexicon's own id
