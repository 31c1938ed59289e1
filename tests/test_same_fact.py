"""The same fact in other words and the other language: concept classes of what is counted
and what happened to it (``lexicon/concepts.toml``), on sentences written for each class."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import table_lines

from factcheck.models import Document
from factcheck.pipeline import check

TABLE = Path(__file__).parent / "data" / "same_fact.tsv"


COLUMNS = ("id", "draft_lang", "draft", "figure", "source_lang", "source", "verdict", "value")


def _rows() -> list[object]:
    rows = [dict(zip(COLUMNS, x.cols, strict=True)) for x in table_lines(TABLE, len(COLUMNS), header=True)]
    return [pytest.param(r, id=r["id"]) for r in rows]


@pytest.mark.parametrize("row", _rows())
def test_same_fact_in_other_words(row: dict[str, str]) -> None:
    draft = Document(id="draft", text=row["draft"], lang=row["draft_lang"])
    report = check(draft, [Document(id="s", text=row["source"], lang=row["source_lang"])], cache=None)
    mine = [c for c in report.claims if c.claim.text.startswith(row["figure"]) and c.claim.kind != "date"]
    assert mine, f"no claim {row['figure']!r} in {[c.claim.text for c in report.claims]}"
    got = [(f.verdict, f.value) for f in mine[0].findings if f.source == "s"]
    if row["verdict"] == "none":
        assert "conflicts" not in [v for v, _ in got], got
    else:
        assert got == [(row["verdict"], float(row["value"]))], (mine[0].claim.text, got)
