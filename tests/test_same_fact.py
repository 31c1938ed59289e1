"""The same fact in other words and the other language: concept classes of what is counted
and what happened to it (``lexicon/concepts.toml``), on sentences written for each class."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import Document
from factcheck.pipeline import check

TABLE = Path(__file__).parent / "data" / "same_fact.tsv"


def _rows() -> list[object]:
    lines = [x for x in TABLE.read_text("utf-8").splitlines() if x and not x.startswith("#")]
    header = lines[0].split("\t")
    return [pytest.param(r, id=r["id"]) for r in (dict(zip(header, x.split("\t"), strict=False)) for x in lines[1:])]


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
