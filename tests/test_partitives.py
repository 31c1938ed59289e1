"""Partitives: a part that has its own action counts what happened to it, like any figure;
a part of the very group another figure counts is no conflict with it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tables import table_lines

from factcheck import check
from factcheck.models import Document

PAIRS = {
    # the part's own verb: the same fact as the source's figure
    "of-the-remanded": ("Eight of the suspects were remanded in custody.", "Six suspects were remanded in custody.",
                        "conflicts"),
    "of-the-remanded-same": ("Six of the suspects were remanded in custody.", "Six suspects were remanded in custody.",
                             "agrees"),
    "of-the-charged": ("Four of the men were charged with murder.", "Three men were charged with murder.",
                       "conflicts"),
    "of-the-released": ("Twelve of the hostages were released on Friday.", "Twelve hostages were released on Friday.",
                        "agrees"),
    "of-the-hospitalised": ("Five of the passengers were taken to hospital.",
                            "Seven passengers were taken to hospital.", "conflicts"),
    "fr-dont-inculpes": ("Huit des suspects ont été mis en examen.", "Six suspects ont été mis en examen.",
                         "conflicts"),
    # a part of the very group the other figure counts: no conflict
    "of-the-dead": ("Nine of the dead were children.", "Nineteen people were killed.", None),
    "of-the-injured": ("Four of the injured were in a serious condition.", "Forty people were injured.", None),
}


@pytest.mark.parametrize(("draft", "source", "verdict"), PAIRS.values(), ids=PAIRS.keys())
def test_partitive_pairs(draft: str, source: str, verdict: str | None) -> None:
    lang = "fr" if draft.startswith(("Huit", "Six des")) else "en"
    report = check(Document(id="draft", text=draft, lang=lang), [Document(id="s", text=source, lang=lang)])
    first = report.claims[0]
    got = [f.verdict for f in first.findings if f.source == "s"]
    if verdict is None:
        assert "conflicts" not in got
    else:
        assert got == [verdict]


TABLE = Path(__file__).parent / "data" / "partitives.tsv"


COLUMNS = ("id", "lang", "draft", "figure", "source", "verdict", "value")


def _rows() -> list[object]:
    lines = table_lines(TABLE, len(COLUMNS), header=True)
    return [
        pytest.param(
            dict(zip(COLUMNS, x.cols, strict=True)),
            id=x.cols[0],
            marks=[pytest.mark.xfail(reason=x.xfail, strict=True)] if x.xfail else [],
        )
        for x in lines
    ]


@pytest.mark.parametrize("row", _rows())
def test_partitive_table(row: dict[str, str]) -> None:
    lang = row["lang"]
    draft = Document(id="draft", text=row["draft"], lang=lang)
    report = check(draft, [Document(id="s", text=row["source"], lang=lang)])
    mine = [c for c in report.claims if c.claim.text.startswith(row["figure"]) and c.claim.kind == "count"]
    assert mine, f"no count {row['figure']!r} in {[c.claim.text for c in report.claims]}"
    got = [(f.verdict, f.value) for f in mine[0].findings if f.source == "s"]
    if row["verdict"] == "none":
        assert "conflicts" not in [v for v, _ in got], got
    else:
        assert got == [(row["verdict"], int(row["value"]))], (mine[0].claim.text, got)


def test_the_partitive_table_has_its_classes() -> None:
    rows = [r.values[0] for r in _rows()]  # type: ignore[attr-defined]
    assert len(rows) >= 60
    assert sum(r["verdict"] == "none" for r in rows) >= 10 and sum(r["lang"] == "fr" for r in rows) >= 20


def test_cli_flags_a_partitive_against_a_plain_count(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Eight of the suspects were remanded in custody.\n", encoding="utf-8")
    source = tmp_path / "wire.txt"
    source.write_text("Six suspects were remanded in custody.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(draft), "--source", str(source)],
        capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 1
    assert "conflict: 8 suspects remanded" in out.stdout and "says 6" in out.stdout


PART_OF_A_TIME = {
    "en-of-them-suspended": (
        "He was sentenced to four years in prison, three of them suspended.", "en", "three", "year",
    ),
    "en-of-which": ("She was given 18 months, six of which suspended.", "en", "six", "month"),
    "fr-dont-sursis": ("Il a été condamné à quatre ans de prison, dont deux avec sursis.", "fr", "deux", "year"),
    "fr-dont-mois": ("Elle écope de 18 mois, dont six avec sursis.", "fr", "six", "month"),
}


@pytest.mark.parametrize(("text", "lang", "figure", "unit"), PART_OF_A_TIME.values(), ids=PART_OF_A_TIME.keys())
def test_a_part_of_a_time_just_given_is_a_duration_in_its_unit(text: str, lang: str, figure: str, unit: str) -> None:
    from factcheck.extract import extract_claims

    claims = {c.text: c for c in extract_claims(Document(id="d", text=text, lang=lang))}
    got = claims[figure]
    assert (got.kind, got.unit, got.part) == ("duration", unit, True)
