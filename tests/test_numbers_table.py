"""Phrase tables of the numbers issue: how a figure is written (number words, digit formats,
units) and figures that are no claims, in English and French.

Rows live in ``tests/data/numbers_<lang>.tsv``::

    id <TAB> text <TAB> expected [<TAB> xfail: reason]

The id is ``<lang>-<class>-<name>``, the class one of ``words``, ``digits``, ``units``,
``idiom`` and ``clock``. ``expected`` is one of

* ``<kind> <value> [<unit>] [~<hedge>] [@<figure>]``: a claim of that kind and value (a range
  as ``5-10``, a negative value as ``-3``); with ``@``, the claim's span starts with exactly
  these characters (the rest of the line, spaces and all), so spans stay exact code points;
* ``none``: no claim at all;
* ``no <kind>[,<kind>...]``: no claim of these kinds (others may be read);
* ``not <kind> <value>``: no claim of that kind with that value (a misreading: "Septante-deux"
  read as 2).

The last three are the negatives. A fourth column starting with ``xfail`` marks a known gap:
a strict xfail, so it turns red the day the rule is fixed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from tables import table_lines

from factcheck.compare import compare_amounts
from factcheck.extract import extract_claims
from factcheck.extract.lexicon import units
from factcheck.models import Claim, Document

DATA = Path(__file__).parent / "data"
NUMERIC = ("count", "age", "money", "percent", "quantity", "duration")
SCORED = (*NUMERIC, "date", "person")
HEDGES = ("about", "approx", "over", "under", "at_least", "at_most", "nearly", "vague", "exact")
CLASSES = ("words", "digits", "units", "idiom", "clock")
_VALUE = re.compile(r"^(-?\d+(?:\.\d+)?)(?:-(-?\d+(?:\.\d+)?))?$")


@dataclass(frozen=True)
class Row:
    id: str
    lang: str
    text: str
    expected: str
    xfail: str | None

    @property
    def cls(self) -> str:
        return self.id.split("-")[1]

    @property
    def negative(self) -> bool:
        return self.expected.split()[0] in ("none", "no", "not")


def load(lang: str) -> list[Row]:
    return [Row(x.cols[0], lang, x.cols[1], x.cols[2], x.xfail) for x in table_lines(DATA / f"numbers_{lang}.tsv", 3)]


ROWS = load("en") + load("fr")


@dataclass(frozen=True)
class Expected:
    mode: str  # "claim", "none", "no", "not"
    kinds: tuple[str, ...] = ()
    value: tuple[float, float] | None = None
    unit: str | None = None
    hedge: str | None = None
    figure: str | None = None


def _value(s: str) -> tuple[float, float]:
    m = _VALUE.match(s)
    assert m, f"bad value {s!r}"
    lo = float(m.group(1))
    hi = float(m.group(2)) if m.group(2) else lo
    return lo, hi


def parse(expected: str) -> Expected:
    head, _, figure = expected.partition(" @")
    words = head.split()
    if words[0] == "none":
        assert len(words) == 1 and not figure, expected
        return Expected("none")
    if words[0] == "no":
        kinds = tuple(words[1].split(","))
        assert len(words) == 2 and all(k in SCORED for k in kinds), expected
        return Expected("no", kinds)
    if words[0] == "not":
        assert len(words) == 3 and words[1] in NUMERIC, expected
        return Expected("not", (words[1],), _value(words[2]))
    kind = words[0]
    assert kind in NUMERIC, f"unknown kind in {expected!r}"
    hedge = None
    if words[-1].startswith("~"):
        hedge = words.pop()[1:]
        assert hedge in HEDGES, f"unknown hedge in {expected!r}"
    assert 2 <= len(words) <= 4, expected
    unit = " ".join(words[2:]) or None  # "per USD": an exchange rate's unit has two words
    return Expected("claim", (kind,), _value(words[1]), unit, hedge, figure or None)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _same_value(c: Claim, value: tuple[float, float]) -> bool:
    got = c.value if isinstance(c.value, list) else [c.value, c.value]
    if len(got) == 1:
        got = got * 2
    if not all(isinstance(g, int | float) for g in got):
        return False
    return _close(float(got[0]), value[0]) and _close(float(got[1]), value[1])  # type: ignore[arg-type]


def matches(c: Claim, e: Expected, text: str) -> bool:
    if c.kind not in e.kinds or e.value is None or not _same_value(c, e.value):
        return False
    if e.unit is not None and c.unit != e.unit:
        return False
    if e.hedge is not None and (c.hedge or "exact") != e.hedge:
        return False
    return e.figure is None or text[c.span.start : c.span.start + len(e.figure)] == e.figure


def _show(claims: list[Claim]) -> str:
    if not claims:
        return "  (no claim)"
    return "\n".join(
        f"  {c.kind} {c.text!r} [{c.span.start}, {c.span.end}) value={c.value!r} unit={c.unit} hedge={c.hedge}"
        for c in claims
    )


def _params() -> list[object]:
    out: list[object] = []
    for r in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=r.xfail)] if r.xfail else []
        out.append(pytest.param(r, id=r.id, marks=marks))
    return out


def test_tables_are_well_formed() -> None:
    ids = [r.id for r in ROWS]
    assert len(ids) == len(set(ids)), "duplicate row ids"
    assert len(ROWS) >= 200
    assert 3 * sum(r.negative for r in ROWS) >= len(ROWS), "a third of the rows are negatives"
    assert sum(r.xfail is not None for r in ROWS) <= 6, "a handful of known gaps at most"
    for r in ROWS:
        assert r.id.startswith(f"{r.lang}-") and r.cls in CLASSES, r.id
        parse(r.expected)
    for lang in ("en", "fr"):
        for cls in ("words", "digits", "units", "idiom"):
            of = [r for r in ROWS if r.lang == lang and r.cls == cls]
            assert sum(not r.negative for r in of) >= 1 or cls == "idiom", (lang, cls)
            assert sum(r.negative for r in of) >= 5, (lang, cls)


@pytest.mark.parametrize("row", _params())
def test_number_phrase(row: Row) -> None:
    claims = extract_claims(Document(id="draft", text=row.text, lang=row.lang))
    for c in claims:  # every span is the text it claims to be
        assert row.text[c.span.start : c.span.end] == c.text
    e = parse(row.expected)
    scored = [c for c in claims if c.kind in SCORED]
    if e.mode == "none":
        assert not scored, f"{row.text!r}: expected no claim, got\n{_show(scored)}"
    elif e.mode == "no":
        bad = [c for c in scored if c.kind in e.kinds]
        assert not bad, f"{row.text!r}: expected no {','.join(e.kinds)}, got\n{_show(bad)}"
    elif e.mode == "not":
        assert e.value is not None
        bad = [c for c in scored if c.kind in e.kinds and _same_value(c, e.value)]
        assert not bad, f"{row.text!r}: expected no {row.expected[4:]}, got\n{_show(bad)}"
    else:
        assert any(matches(c, e, row.text) for c in claims), (
            f"{row.text!r}: expected {row.expected}, got\n{_show(claims)}"
        )


def test_measure_units_have_one_factor_and_a_dimension() -> None:
    """Every canonical unit of units.toml has one factor to its dimension's base, and a dimension."""
    table = units()
    factors: dict[str, set[float]] = {}
    for name, entry in table["measure"].items():
        canon, factor = entry[0], float(entry[1])
        factors.setdefault(canon, set()).add(factor)
        assert canon in table["dimensions"], f"{name}: unit {canon} has no dimension"
    assert {u: f for u, f in factors.items() if len(f) > 1} == {}


# two readings of one measure in different units: compared in base units
SAME_MEASURE = [
    ("en", "The lake covers 5 km² of the valley.", "en", "The lake covers 5,000,000 square metres of the valley."),
    ("en", "The truck carried 2 tonnes of salt.", "fr", "Le camion transportait 2 000 kilogrammes de sel."),
    ("en", "The train reached 100 mph.", "fr", "Le train a atteint 160,9 km/h."),
    ("en", "The cask holds 2 hectolitres of cider.", "en", "The cask holds 200 litres of cider."),
    ("en", "Each capsule holds 0.5 g of the powder.", "fr", "Chaque gélule contient 500 mg de poudre."),
    ("en", "The screen is 10 inches wide.", "fr", "L'écran mesure 25,4 centimètres de large."),
]


@pytest.mark.parametrize(("la", "a", "lb", "b"), SAME_MEASURE, ids=[f"same-measure-{k}" for k in range(6)])
def test_measures_compare_in_base_units(la: str, a: str, lb: str, b: str) -> None:
    qa = [c for c in extract_claims(Document(id="draft", text=a, lang=la)) if c.kind == "quantity"]
    qb = [c for c in extract_claims(Document(id="src", text=b, lang=lb)) if c.kind == "quantity"]
    assert qa and qb, (qa, qb)
    dims = units()["dimensions"]
    assert dims[qa[0].unit or ""] == dims[qb[0].unit or ""]
    verdict, why = compare_amounts(qa[0], qb[0])
    assert verdict == "agrees", why
