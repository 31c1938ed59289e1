"""A duration takes as its subject the noun it gives the length of ("une grève de 48 heures",
"a delay of three hours"), and such a noun makes "de N ans" a term, not an age."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import Line, table_lines

from factcheck.extract import extract_claims
from factcheck.models import Document

ROWS = table_lines(Path(__file__).parent / "data" / "lasting.tsv", 5)


@pytest.mark.parametrize("row", ROWS, ids=[r.cols[0] for r in ROWS])
def test_noun_a_duration_lasts(row: Line) -> None:
    _, lang, text, kind, subject = row.cols
    claims = [c for c in extract_claims(Document(id="t", text=text, lang=lang)) if c.kind in ("duration", "age")]
    assert [c.kind for c in claims] == [kind], claims
    assert (claims[0].subject or "-") == subject
