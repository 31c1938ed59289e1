"""The day a report's opening gives for what it reports: two reports of one event whose
openings give two days conflict even in sentences worded apart, and the finding says why; a
date further down is no opening's."""

from __future__ import annotations

from factcheck.models import Document
from factcheck.pipeline import check

DRAFT = (
    "Ida Berg of Norway came back from a set down on Saturday to win the Lyon Indoor Open, "
    "beating Ana Ruiz in the final.\n\n"
    "The 24-year-old saved two match points in the deciding set."
)
SOURCE = (
    "What a finish in Lyon. Ida Berg won the indoor event there on Sunday, and she very nearly "
    "didn't: Ana Ruiz held two match points.\n\n"
    "The Norwegian said she had not slept well."
)
LATER = (
    "Ida Berg won the Lyon Indoor Open, beating Ana Ruiz in the final.\n\n"
    "The Norwegian saved two match points in the deciding set.\n\n"
    "The tournament's organisers said on Sunday that the event would return next year, when a "
    "new hall opens."
)


def _date_findings(source: str) -> list[tuple[str, str]]:
    report = check(
        Document(id="draft", text=DRAFT, date="2026-11-29"),
        [Document(id="src", text=source, date="2026-11-30")],
        cache=None,
    )
    (day,) = [c for c in report.claims if c.claim.kind == "date"]
    return [(f.verdict, f.why) for f in day.findings if f.source == "src"]


def test_two_openings_giving_two_days_conflict() -> None:
    (got,) = _date_findings(SOURCE)
    assert got[0] == "conflicts"
    assert "the first day each report gives" in got[1]


def test_a_day_further_down_is_no_openings() -> None:
    assert _date_findings(LATER) == []
