"""Times of day are compared in one zone when both texts name theirs ("11:45 CET" is
"10:45 GMT"; "16h20, heure de Paris" is 14:20 GMT in July, 15:20 in January), and a short
zone code counts only written in capitals. Rows: tests/data/time_zones.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import table_lines

from factcheck.extract import extract_claims
from factcheck.models import Document
from factcheck.pipeline import check

TABLE = Path(__file__).parent / "data" / "time_zones.tsv"
ROWS = [x.cols for x in table_lines(TABLE, 6, header=True)]


@pytest.mark.parametrize(("day", "draft", "lang", "source", "want"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_time_against_a_source(day: str, draft: str, lang: str, source: str, want: str) -> None:
    report = check(
        Document(id="draft", text=draft, date=day), [Document(id="s", text=source, lang=lang, date=day)], cache=None
    )
    (claim,) = [c for c in report.claims if c.claim.when and "hour" in c.claim.when]
    assert [f.verdict for f in claim.findings if f.source == "s"] == ([] if want == "absent" else [want])


def zone_of(text: str, lang: str = "en", day: str | None = None) -> object:
    (c,) = [c for c in extract_claims(Document(id="d", text=text, lang=lang, date=day)) if c.when and "hour" in c.when]
    return (c.when or {}).get("zone")


def test_zones_as_written() -> None:
    assert zone_of("It happened at 10:45 GMT.") == 0
    assert zone_of("The rocket rose at 5:45 a.m. ET.") == -300
    assert zone_of("It ended at 10:45 est.") is None  # a short code counts only in capitals
    assert zone_of("L'explosion a eu lieu à 16h20, heure de Paris.", "fr", "2024-07-08") == 120
    assert zone_of("L'explosion a eu lieu à 16h20, heure de Paris.", "fr", "2024-01-08") == 60
    assert zone_of("L'explosion a eu lieu à 16h20, heure de Paris.", "fr") == "Europe/Paris"  # no day: unresolved
