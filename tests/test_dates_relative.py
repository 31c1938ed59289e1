"""Dates named relative to the report: resolved against the day each report was published."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import check
from factcheck.extract import extract_claims
from factcheck.models import Document


def dates(text: str, *, lang: str = "en", date: str | None = None) -> list[tuple[str, dict[str, int | str]]]:
    doc = Document(id="d", text=text, lang=lang, date=date)
    return [(c.text, dict(c.when or {})) for c in extract_claims(doc) if c.kind == "date"]


def test_a_weekday_resolves_to_the_last_such_day_of_each_report() -> None:
    text = "The fire broke out on Sunday in the old town."
    (_, a), = dates(text, date="2023-10-10")  # a Tuesday
    (_, b), = dates(text, date="2023-10-17")
    assert (a["year"], a["month"], a["day"]) == (2023, 10, 8)
    assert (b["year"], b["month"], b["day"]) == (2023, 10, 15)


@pytest.mark.parametrize(
    ("text", "lang", "day", "parts"),
    [
        ("They were arrested yesterday in Lyon.", "en", "2022-12-08", {"year": 2022, "month": 12, "day": 7}),
        ("The group was formed last year.", "en", "2022-12-08", {"year": 2021}),
        ("The race was run last month in Berlin.", "en", "2023-10-09", {"year": 2023, "month": 9}),
        ("The talks collapsed last month.", "en", "2024-01-15", {"year": 2023, "month": 12}),
        ("Ils ont été interpellés hier à Lyon.", "fr", "2024-03-01", {"year": 2024, "month": 2, "day": 29}),
        ("Le drame a eu lieu l'an dernier.", "fr", "2024-03-01", {"year": 2023}),
        ("La crue a eu lieu le mois dernier.", "fr", "2024-03-01", {"year": 2024, "month": 2}),
    ],
)
def test_relative_days_resolve(text: str, lang: str, day: str, parts: dict[str, int]) -> None:
    (_, got), = dates(text, lang=lang, date=day)
    assert {k: got[k] for k in parts} == parts


def test_without_a_report_date_a_relative_day_stays_relative() -> None:
    assert dates("They were arrested yesterday in Lyon.") == [("yesterday", {"relative": "day -1"})]


def test_unresolved_relative_days_are_compared_like_with_like() -> None:
    draft = Document(id="draft", text="Police arrested the two men yesterday in Lyon.")
    same = Document(id="s1", text="The two men were arrested yesterday in Lyon, police said.")
    report = check(draft, [same])
    (claim,) = [c for c in report.claims if c.claim.kind == "date"]
    assert [f.verdict for f in claim.findings if f.source == "s1"] == ["agrees"]


def test_a_weekday_and_a_calendar_day_agree_once_resolved() -> None:
    draft = Document(id="draft", text="The marathon was run on Sunday in Chicago.", date="2023-10-09")
    source = Document(id="s1", text="The marathon was run on 8 October in Chicago.", date="2023-10-09")
    (claim,) = [c for c in check(draft, [source]).claims if c.claim.kind == "date"]
    assert [f.verdict for f in claim.findings if f.source == "s1"] == ["agrees"]


def test_saturday_against_sunday_for_one_event_conflicts() -> None:
    draft = Document(id="draft", text="The marathon was run on Saturday in Chicago.", date="2023-10-09")
    source = Document(id="s1", text="The marathon was run on Sunday in Chicago.", date="2023-10-09")
    (claim,) = [c for c in check(draft, [source]).claims if c.claim.kind == "date"]
    assert [f.verdict for f in claim.findings if f.source == "s1"] == ["conflicts"]


def test_cli_takes_the_report_dates(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("The marathon was run on Sunday in Chicago.\n", encoding="utf-8")
    src = tmp_path / "wire.txt"
    src.write_text("The marathon was run on Saturday in Chicago.\n", encoding="utf-8")
    argv = [sys.executable, "-m", "factcheck", "check", str(draft), "--source", str(src), "--format", "json",
            "--date", "2023-10-09", "--source-date", f"{src}=2023-10-10"]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    report = json.loads(out.stdout)
    (claim,) = [c for c in report["claims"] if c["kind"] == "date"]
    # the draft's Sunday is 8 October; the wire's Saturday, published on the 10th, is the 7th
    assert [f["verdict"] for f in claim["findings"] if f["source"] == "wire"] == ["conflicts"]
    bad = subprocess.run([*argv[:4], "--date", "2023-02-30"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_a_date_said_again_in_another_sentence_is_claimed_again() -> None:
    text = (
        "Voters went to the polls on Sunday. On Sunday, the prime minister also spoke.\n\n"
        "Turnout was high on Sunday, on Sunday, officials said."
    )
    dates = [c for c in extract_claims(Document(id="d", text=text)) if c.kind == "date"]
    assert [c.span.start for c in dates] == [text.index("Sunday"), text.index("On Sunday") + 3,
                                             text.index("high on Sunday") + 8]


TOLL = "The floods have killed {} people, officials said."


def test_a_conflict_on_a_toll_names_the_later_report() -> None:
    draft = Document(id="draft", text=TOLL.format(37), date="2024-05-12")
    later = Document(id="wire", text=TOLL.format(43), date="2024-05-14")
    earlier = Document(id="local", text=TOLL.format(31), date="2024-05-11")
    undated = Document(id="blog", text=TOLL.format(40))
    report = check(draft, [later, earlier, undated])
    whys = {f.source: (f.verdict, f.why) for f in report.claims[0].findings}
    assert whys["wire"][0] == whys["local"][0] == whys["blog"][0] == "conflicts"  # the verdict stays
    assert "the source's report is 2 days later" in whys["wire"][1]
    assert "the source's report is 1 day earlier" in whys["local"][1]
    assert "report is" not in whys["blog"][1]


def test_a_figure_that_does_not_change_gets_no_report_gap() -> None:
    draft = Document(id="draft", text="The mayor, 54, said the town would rebuild.", date="2024-05-12")
    source = Document(id="wire", text="The mayor, 56, said the town would rebuild.", date="2024-05-14")
    found = [f for c in check(draft, [source]).claims for f in c.findings if f.source == "wire"]
    assert found and all("report is" not in f.why for f in found)


def test_two_seasons_of_one_year_conflict() -> None:
    draft = Document(id="draft", text="The new bridge opened in the summer of 2023, the council said.")
    source = Document(id="wire", text="The new bridge opened in the winter of 2023, the council said.")
    same = Document(id="local", text="The new bridge opened in the summer of 2023, the council said.")
    found = {f.source: f for f in check(draft, [source, same]).claims[0].findings}
    assert found["wire"].verdict == "conflicts" and "season" in found["wire"].why
    assert found["local"].verdict == "agrees"


STATEMENTS = {
    "said-weekday": ("The ferry sank with 90 aboard, local authorities said Monday.", "en", True),
    "said-on-weekday": ("The ferry sank with 90 aboard, officials said on Sunday.", "en", True),
    "told-reporters-on": ("The governor told reporters on Monday that 130 had fled.", "en", True),
    "released-figures-on": ("The commission released the figures on Wednesday, March 27.", "en", True),
    "event-weekday": ("The ferry sank on Sunday with 90 aboard.", "en", False),
    "event-after-said": ("Officials said the ferry sank on Sunday.", "en", False),
    "fr-a-annonce": ("Le ministre a annoncé dimanche dans un communiqué que 12 personnes étaient mortes.", "fr", True),
    "fr-a-declare": ("Douze morts, a déclaré lundi le préfet.", "fr", True),
    "fr-evenement": ("La tempête a frappé la côte dimanche.", "fr", False),
}


@pytest.mark.parametrize(("text", "lang", "stated"), STATEMENTS.values(), ids=STATEMENTS.keys())
def test_a_date_right_after_a_reporting_verb_is_a_statement_day(text: str, lang: str, stated: bool) -> None:
    (claim,) = [c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.kind == "date"]
    assert ("stated" in claim.actions) is stated


def _date_verdicts(draft_text: str, source_text: str) -> list[str]:
    draft = Document(id="draft", text=draft_text, date="2024-04-09")
    source = Document(id="s1", text=source_text, date="2024-04-09")
    (claim,) = [c for c in check(draft, [source]).claims if c.claim.kind == "date"]
    return [f.verdict for f in claim.findings if f.source == "s1"]


def test_the_day_officials_spoke_is_no_other_day_of_the_event() -> None:
    # each outlet hears the authorities on its own day: only another statement day can differ from it
    assert _date_verdicts(
        "More than 90 people died when the ferry sank, local authorities said on Sunday.",
        "More than 90 people died when the ferry sank on Monday off the coast.",
    ) == []
    assert _date_verdicts(
        "More than 90 people died when the ferry sank, local authorities said on Sunday.",
        "More than 90 people died when the ferry sank, local authorities said on Monday.",
    ) == ["conflicts"]
    assert _date_verdicts(
        "More than 90 people died when the ferry sank, local authorities said on Sunday.",
        "More than 90 people died when the ferry sank, the authorities said on Sunday.",
    ) == ["agrees"]


@pytest.mark.parametrize(
    ("draft_day", "source_day"), [("2024-04-09", "2024-04-10"), (None, None)], ids=["apart", "undated"]
)
def test_two_reports_of_two_days_hear_officials_on_their_own_days(
    draft_day: str | None, source_day: str | None
) -> None:
    # a later report's "said on Monday" is another statement, not the draft's Sunday misdated
    said = "More than 90 people died when the ferry sank, local authorities said on {}."
    draft = Document(id="draft", text=said.format("Sunday"), date=draft_day)
    source = Document(id="s1", text=said.format("Monday"), date=source_day)
    (claim,) = [c for c in check(draft, [source]).claims if c.claim.kind == "date"]
    assert [f.verdict for f in claim.findings if f.source == "s1"] == []
