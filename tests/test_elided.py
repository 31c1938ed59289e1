"""A figure that leaves out the noun of the count before it ("ahead of Brandt with 7,960",
"down from 35", "et 5 420 ont rallié l'arrivée") counts that noun (rule ``count.elided``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import Line, table_lines

from factcheck.extract import extract_claims
from factcheck.models import Document

ROWS = table_lines(Path(__file__).parent / "data" / "elided.tsv", 6)


@pytest.mark.parametrize("row", ROWS, ids=[r.cols[0] for r in ROWS])
def test_figure_takes_the_noun_it_leaves_out(row: Line) -> None:
    _, lang, text, figure, subject, rule = row.cols
    at = text.index(figure)
    claims = [
        c for c in extract_claims(Document(id="t", text=text, lang=lang)) if c.span.start <= at < c.span.end
    ]
    assert len(claims) == 1, claims
    assert claims[0].kind == "count"
    assert (claims[0].subject or "-", claims[0].rule) == (subject, rule)
