"""Dates and durations as news writes them (issue 16): a table of invented sentences.

Rows live in ``tests/data/dates_table.tsv``::

    id <TAB> lang <TAB> report date <TAB> text <TAB> dates <TAB> durations [<TAB> xfail: reason]

The report date (``YYYY-MM-DD``, or ``-``) is the document's own date, what "on Sunday" and
"last year" count from. ``dates`` lists every date claim the text must yield, ``" ; "``
between them, each its value as the tool writes it ("2024-07-07", "Sunday 2024-07-07",
"relative day -1", "07:45" for a time of day), optionally followed by ``@words``: the claim's
text. ``durations`` lists every duration claim, ``<low>[-<high>] <unit> [~hedge]``. ``-`` in
either column: none of that kind (a negative: "won 3-1", "Route 66", "Euro 2024").

Both lists are exact: a claim of either kind the row does not list fails it. A row whose
seventh column starts with ``xfail`` is a known gap, a strict xfail.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from tables import table_lines

from factcheck.extract import extract_claims
from factcheck.models import Claim, Document

TABLE = Path(__file__).parent / "data" / "dates_table.tsv"
HEDGES = ("about", "approx", "over", "under", "at_least", "at_most", "nearly", "vague", "exact")


@dataclass(frozen=True)
class Row:
    id: str
    lang: str
    date: str | None
    text: str
    dates: tuple[tuple[str, str | None], ...]  # (value, text or None)
    durations: tuple[tuple[float, float, str, str | None], ...]  # (low, high, unit, hedge)
    xfail: str | None


def _dates(col: str) -> tuple[tuple[str, str | None], ...]:
    if col == "-":
        return ()
    out = []
    for item in col.split(" ; "):
        value, _, words = item.partition(" @")
        out.append((value.strip(), words.strip() or None))
    return tuple(out)


def _durations(col: str) -> tuple[tuple[float, float, str, str | None], ...]:
    if col == "-":
        return ()
    out = []
    for item in col.split(" ; "):
        words = item.split()
        hedge = words.pop()[1:] if words[-1].startswith("~") else None
        assert hedge is None or hedge in HEDGES, item
        assert len(words) == 2, item
        lo, _, hi = words[0].partition("-")
        out.append((float(lo), float(hi or lo), words[1], hedge))
    return tuple(out)


def load() -> list[Row]:
    rows: list[Row] = []
    for x in table_lines(TABLE, 6):
        c = x.cols
        day = None if c[2] == "-" else c[2]
        rows.append(Row(c[0], c[1], day, c[3], _dates(c[4]), _durations(c[5]), x.xfail))
    return rows


ROWS = load()


def _params() -> list[object]:
    return [
        pytest.param(r, id=r.id, marks=[pytest.mark.xfail(strict=True, reason=r.xfail)] if r.xfail else [])
        for r in ROWS
    ]


def test_table_is_well_formed() -> None:
    ids = [r.id for r in ROWS]
    assert len(ids) == len(set(ids)), "duplicate row ids"
    assert len(ROWS) >= 120
    assert sum(r.lang == "en" for r in ROWS) >= 50 and sum(r.lang == "fr" for r in ROWS) >= 50
    assert sum(not r.dates and not r.durations for r in ROWS) >= 15, "too few negatives"
    assert sum(r.xfail is not None for r in ROWS) < len(ROWS) // 10
    for r in ROWS:
        assert r.id.startswith(f"{r.lang}-"), r.id
        assert r.lang in ("en", "fr"), r.id
        if r.date is not None:
            dt.date.fromisoformat(r.date)
        assert r.text.strip() == r.text and "\t" not in r.text, r.id


def _amount(c: Claim) -> tuple[float, float]:
    v = c.value if isinstance(c.value, list) else [c.value, c.value]
    lo, hi = v
    assert isinstance(lo, int | float) and isinstance(hi, int | float)
    return float(lo), float(hi)


def _same_duration(c: Claim, want: tuple[float, float, str, str | None]) -> bool:
    lo, hi, unit, hedge = want
    got_lo, got_hi = _amount(c)
    return (
        math.isclose(got_lo, lo)
        and math.isclose(got_hi, hi)
        and c.unit == unit
        and (hedge is None or (c.hedge or "exact") == hedge)
    )


def _show(claims: list[Claim]) -> str:
    return "\n".join(f"  {c.kind} {c.text!r} value={c.value!r} unit={c.unit} hedge={c.hedge}" for c in claims) or (
        "  (none)"
    )


@pytest.mark.parametrize("row", _params())
def test_row(row: Row) -> None:
    claims = extract_claims(Document(id="draft", text=row.text, lang=row.lang, date=row.date))
    dates = [c for c in claims if c.kind == "date"]
    durations = [c for c in claims if c.kind == "duration"]
    why = f"{row.text!r} (report date {row.date}):\n{_show(dates + durations)}"
    assert sorted(str(c.value) for c in dates) == sorted(v for v, _ in row.dates), f"dates of {why}"
    for value, words in row.dates:
        if words is not None:
            assert any(c.value == value and c.text == words for c in dates), f"text {words!r} of {why}"
    assert len(durations) == len(row.durations), f"durations of {why}"
    for want in row.durations:
        assert any(_same_duration(c, want) for c in durations), f"duration {want} of {why}"
