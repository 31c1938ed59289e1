"""Golden phrase tables: one short text, one claim it must yield (or none at all).

Rows live in ``tests/data/phrases_<lang>.tsv``::

    id <TAB> text <TAB> expected [<TAB> xfail: reason]

``expected`` is one of

* ``<kind> <value> [<unit>] [~<hedge>]`` for figures: ``count 14``, ``age 18-30``,
  ``money 1000-1500 EUR``, ``quantity 1.5 tonne``, ``count 300 ~about`` (``~exact``: no hedge);
* ``date [<value>]``: a date claim, with its value when given (``date --02-05``);
* ``person <Name as written>``;
* ``none``: the text yields no claim at all.

A row whose fourth column starts with ``xfail`` is a known gap: the test is a strict xfail, so
it turns red the day the rule is fixed (then drop the column).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from tables import table_lines

from factcheck.extract import extract_claims
from factcheck.langs import codes
from factcheck.models import Claim, Document

DATA = Path(__file__).parent / "data"
NUMERIC = ("count", "age", "money", "percent", "quantity", "duration")
SCORED = (*NUMERIC, "date", "person")
HEDGES = ("about", "approx", "over", "under", "at_least", "at_most", "nearly", "vague", "exact")


@dataclass(frozen=True)
class Row:
    id: str
    lang: str
    text: str
    expected: str
    xfail: str | None


def load(lang: str) -> list[Row]:
    lines = table_lines(DATA / f"phrases_{lang}.tsv", 3)
    return [Row(x.cols[0], lang, x.cols[1], x.cols[2].strip(), x.xfail) for x in lines]


ROWS = [row for lang in codes() for row in load(lang)]  # every registered language has its table


def _params() -> list[object]:
    out: list[object] = []
    for r in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=r.xfail)] if r.xfail else []
        out.append(pytest.param(r, id=r.id, marks=marks))
    return out


@dataclass(frozen=True)
class Expected:
    kind: str | None  # None: no claim at all
    value: list[float] | str | None = None
    unit: str | None = None
    hedge: str | None = None


def parse(expected: str) -> Expected:
    words = expected.split()
    kind = words[0]
    if kind == "none":
        assert len(words) == 1, expected
        return Expected(None)
    if kind == "person":
        assert len(words) >= 2, expected
        return Expected(kind, " ".join(words[1:]))
    if kind == "date":
        return Expected(kind, " ".join(words[1:]) or None)
    assert kind in NUMERIC, f"unknown kind in {expected!r}"
    hedge = None
    if words[-1].startswith("~"):
        hedge = words.pop()[1:]
        assert hedge in HEDGES, f"unknown hedge in {expected!r}"
    value = [float(x) for x in words[1].split("-")]
    assert len(value) in (1, 2), expected
    unit = words[2] if len(words) > 2 else None
    assert len(words) <= 3, expected
    return Expected(kind, value, unit, hedge)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def matches(c: Claim, e: Expected) -> bool:
    if c.kind != e.kind:
        return False
    if e.kind == "person":
        return c.value == e.value
    if e.kind == "date":
        return e.value is None or c.value == e.value
    got = c.value if isinstance(c.value, list) else [c.value]
    want = e.value
    assert isinstance(want, list)
    if len(want) == 1:
        want = want * 2
    if len(got) == 1:
        got = got * 2
    if not all(isinstance(g, int | float) for g in got):
        return False
    if not all(_close(float(g), w) for g, w in zip(got, want, strict=True)):  # type: ignore[arg-type]
        return False
    if e.unit is not None and c.unit != e.unit:
        return False
    return e.hedge is None or (c.hedge or "exact") == e.hedge


def _show(claims: list[Claim]) -> str:
    if not claims:
        return "  (no claim)"
    return "\n".join(f"  {c.kind} {c.text!r} value={c.value!r} unit={c.unit} hedge={c.hedge}" for c in claims)


def test_tables_are_well_formed() -> None:
    ids = [r.id for r in ROWS]
    assert len(ids) == len(set(ids)), "duplicate row ids"
    assert sum(r.lang == "en" for r in ROWS) >= 150
    assert sum(r.lang == "fr" for r in ROWS) >= 60
    for lang in codes():
        assert sum(r.lang == lang for r in ROWS) >= 60, f"{lang}: fewer than 60 rows"
    for r in ROWS:
        assert r.id.startswith(f"{r.lang}-"), r.id
        parse(r.expected)


@pytest.mark.parametrize("row", _params())
def test_phrase(row: Row) -> None:
    claims = extract_claims(Document(id="draft", text=row.text, lang=row.lang))
    e = parse(row.expected)
    if e.kind is None:
        scored = [c for c in claims if c.kind in SCORED]
        assert not scored, f"{row.text!r}: expected no claim, got\n{_show(scored)}"
        return
    assert any(matches(c, e) for c in claims), f"{row.text!r}: expected {row.expected}, got\n{_show(claims)}"
