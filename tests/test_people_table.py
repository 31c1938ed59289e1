"""People as news names them: a table of invented sentences, one row a phrasing class.

Rows live in ``tests/data/people.tsv``: ``id <TAB> lang <TAB> text <TAB> expected``, where
``text`` writes a line break as ``\\n``; ``expected`` lists the person claims the text must
yield, as written and ``|``-separated, or ``none`` (places, organisations, teams, events,
headlines in Title Case, sentence-initial capitals: no one). A fifth column starting with
``xfail`` marks a known gap (strict).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.extract import extract_claims
from factcheck.extract.people import _given
from factcheck.models import Document

TABLE = Path(__file__).parent / "data" / "people.tsv"


@dataclass(frozen=True)
class Row:
    id: str
    lang: str
    text: str
    expected: tuple[str, ...]
    xfail: str | None


def load() -> list[Row]:
    rows: list[Row] = []
    for n, line in enumerate(TABLE.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) not in (4, 5):
            raise ValueError(f"{TABLE.name}:{n}: expected 4 or 5 tab-separated columns, got {len(cols)}")
        want = () if cols[3].strip() == "none" else tuple(x.strip() for x in cols[3].split("|"))
        text = cols[2].replace("\\n", "\n")  # a line break is written \n
        rows.append(Row(cols[0], cols[1], text, want, cols[4] if len(cols) == 5 else None))
    return rows


ROWS = load()


def people(text: str, lang: str) -> tuple[str, ...]:
    doc = Document(id="t", text=text, lang=lang)
    return tuple(c.text for c in extract_claims(doc) if c.kind == "person")


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, id=r.id, marks=[pytest.mark.xfail(strict=True, reason=r.xfail)] if r.xfail else []) for r in ROWS],
)
def test_people(row: Row) -> None:
    assert people(row.text, row.lang) == row.expected


def test_table_is_broad() -> None:
    negatives = sum(1 for r in ROWS if not r.expected)
    assert len(ROWS) >= 150 and negatives * 3 >= len(ROWS)
    assert {r.lang for r in ROWS} == {"en", "fr"}


def test_given_names_are_data_of_breadth() -> None:
    names = _given()
    assert len(names) > 20000
    # names from many countries, none of them hand-listed
    for name in ("oluwaseun", "bogdan", "thandiwe", "haruto", "ngozi", "dariusz", "aigerim"):
        assert name in names
    # words first: a common word or a place is no given name
    for word in ("police", "monday", "will", "new", "washington", "june"):
        assert word not in names
