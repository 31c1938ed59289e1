"""Whose an age is: the noun it is said of, read as concept ids (``extract.numeric._age_holder``),
on sentences written for each way an age meets its noun; and what those nouns say when two ages
meet (tests/data/same_fact.tsv has the pairs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import table_lines

from factcheck.extract import extract_claims
from factcheck.models import Document

TABLE = Path(__file__).parent / "data" / "age_holders.tsv"
COLUMNS = ("id", "lang", "sentence", "age", "concepts")


def _rows() -> list[object]:
    rows = [dict(zip(COLUMNS, x.cols, strict=True)) for x in table_lines(TABLE, len(COLUMNS), header=True)]
    return [pytest.param(r, id=r["id"]) for r in rows]


@pytest.mark.parametrize("row", _rows())
def test_the_noun_an_age_is_said_of(row: dict[str, str]) -> None:
    claims = extract_claims(Document(id="d", text=row["sentence"], lang=row["lang"]), weak=True)
    ages = [c for c in claims if c.kind == "age"]
    assert [c.text for c in ages] == [row["age"]]
    assert ages[0].concepts == tuple(row["concepts"].split())
