"""Report dates in the review TUI (issue 16, item 4): a claim's sources listed by report
date where its figure can change (a toll), each with its date; the event sheet's source
columns by report date; nothing moves without dates (Textual's Pilot)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from report_fixtures import toll_report
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from tui_fixtures import WHEN, WHO, flood_report, sync, wait_loaded

from factcheck.cli import main as cli_main
from factcheck.decisions import Ledger
from factcheck.models import Report
from factcheck.tui.app import ReviewApp, create_app, create_app_from_report
from factcheck.tui.review import Review
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.screens.sheet import SheetScreen
from factcheck.tui.widgets.evidence_pane import EvidencePane

SIZE = (120, 40)
DATED = {"wire": "2024-10-09", "radio": "2024-10-07", "web": "2024-10-08"}


def dated(**kw: Any) -> Report:
    """Given as wire (9 Oct), blog (undated), radio (7 Oct), web (8 Oct), then gone (not read)."""
    return toll_report(DATED, sources=("wire", "blog", "radio", "web"), failed="gone", **kw)


def make_app(report: Report) -> ReviewApp:
    return create_app_from_report(report, who=WHO, clock=lambda: WHEN)


def option_ids(app: ReviewApp) -> list[str | None]:
    pane = app.screen.query_one(EvidencePane)
    return [pane.sources.get_option_at_index(i).id for i in range(pane.sources.option_count)]


def screen_text(app: ReviewApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def review(report: Report) -> Review:
    return Review(report, Ledger.memory(), who=WHO, clock=lambda: WHEN)


def test_a_toll_is_listed_as_a_timeline() -> None:
    r = review(dated(draft_date="2024-10-07"))
    # killed 37: radio agrees (7 Oct), web 40 (8 Oct), wire 43 (9 Oct), blog 41 (undated),
    # then the source that could not be read
    assert [row.source for row in r.evidence(0)] == ["radio", "web", "wire", "blog", "gone"]
    assert r.by_date(0) and r.by_date(1) and not r.by_date(2)
    # injured 12 (a figure that changes too): the sources that give a figure by date, then
    # the others by rank (not read, then not mentioned, dated first)
    assert [row.source for row in r.evidence(1)] == ["radio", "wire", "gone", "web", "blog"]


def test_a_figure_that_does_not_change_keeps_discrepancies_first() -> None:
    r = review(dated())
    # the mayor's name: the unclear one first, then not read, agrees, not mentioned (one rank:
    # by report date, undated last)
    assert [row.source for row in r.evidence(2)] == ["web", "gone", "wire", "radio", "blog"]


def test_without_dates_the_order_is_as_before() -> None:
    r = review(toll_report({}, sources=("wire", "blog", "radio", "web"), failed="gone"))
    assert not r.dated and not r.by_date(0)
    assert [row.source for row in r.evidence(0)] == ["wire", "blog", "web", "gone", "radio"]
    assert [row.source for row in review(flood_report()).evidence(0)] == ["gazette", "radio", "wire"]


def test_review_state_is_untouched_by_dates() -> None:
    a, b = review(dated()), review(toll_report({}, sources=("wire", "blog", "radio", "web"),
                                               failed="gone"))
    assert a.states() == b.states() and a.counts() == b.counts()
    assert [a.target(i, None) for i in range(3)] == [b.target(i, None) for i in range(3)]


@sync
async def test_evidence_pane_lists_a_toll_by_report_date_with_dates() -> None:
    app = make_app(dated(draft_date="2024-10-07"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.selected == 0
        assert option_ids(app) == ["radio", "web", "wire", "blog", "gone"]
        pane = screen.query_one(EvidencePane)
        assert pane.border_title == "Evidence · 5 sources · by report date"
        assert pane.selected_source == "wire"  # the cursor stays on the first open conflict
        text = screen_text(app)
        for line in ("radio  2024-10-07", "web  2024-10-08", "wire  2024-10-09", "blog  undated"):
            assert line in text
        assert "reported 2024-10-07" in text  # the draft's own date, under the claim
        rows = [n for n, line in enumerate(text.splitlines()) for sid in ("radio  2024", "web  2024",
                "wire  2024", "blog  undated") if sid in line]
        assert rows == sorted(rows)
        await pilot.press("down", "down")  # the name of the mayor: no figure that changes
        assert screen.selected == 2
        assert option_ids(app) == ["web", "gone", "wire", "radio", "blog"]
        assert pane.border_title == "Evidence · 5 sources"


@sync
async def test_event_sheet_columns_by_report_date() -> None:
    app = make_app(dated(draft_date="2024-10-07"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, SheetScreen)
        table: DataTable[Any] = app.screen.query_one(DataTable)
        keys = [str(c.key.value) for c in table.ordered_columns]
        assert keys[3:] == ["src:radio", "src:web", "src:wire", "src:blog", "src:gone"]
        labels = [c.label.plain for c in table.ordered_columns[3:]]
        assert labels == ["radio 2024-10-07", "web 2024-10-08", "wire 2024-10-09", "blog", "gone ⚠"]
        assert [table.get_cell_at(Coordinate(0, k)).plain for k in range(3, 6)] == ["✓ 37", "✗ 40", "✗ 43"]
        text = screen_text(app)
        assert "sources by report date, earliest first, undated last · draft 2024-10-07" in text


@sync
async def test_event_sheet_without_dates_keeps_the_report_order() -> None:
    app = make_app(toll_report({}, sources=("wire", "blog", "radio", "web")))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("t")
        table: DataTable[Any] = app.screen.query_one(DataTable)
        keys = [str(c.key.value) for c in table.ordered_columns]
        assert keys[3:] == ["src:wire", "src:blog", "src:radio", "src:web"]
        assert "by report date" not in screen_text(app)


DRAFT_TEXT = "Police arrested 12 people on Tuesday in Riverton, officials said.\n"
SOURCES = {"wire": "Police arrested 15 people in Riverton.\n",
           "radio": "Police arrested 12 people in Riverton.\n",
           "web": "Police arrested 14 people in Riverton.\n"}


@sync
async def test_review_reads_date_and_source_dates(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT_TEXT, encoding="utf-8")
    paths = []
    for sid, text in SOURCES.items():
        (tmp_path / f"{sid}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / f"{sid}.txt"))
    app = create_app(str(draft), paths, date="2024-10-07",
                     source_dates=[f"{paths[0]}=2024-10-09", f"{paths[1]}=2024-10-07"])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        r = app.screen.review if isinstance(app.screen, MainScreen) else None
        assert r is not None and r.claims
        assert r.draft_date == "2024-10-07"
        assert r.dates == {"wire": "2024-10-09", "radio": "2024-10-07"}
        assert r.by_date(0)  # arrests: a figure that changes
        assert option_ids(app) == ["radio", "wire", "web"]


def test_the_review_command_passes_the_dates_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    class Stub:
        def run(self) -> None:
            seen["ran"] = True

    def fake(target: str, sources: list[str], **kw: Any) -> Stub:
        seen.update(kw, target=target, sources=sources)
        return Stub()

    monkeypatch.setattr("factcheck.tui.app.create_app", fake)
    code = cli_main(["review", "draft.md", "--source", "w.txt", "--date", "2024-10-07",
                     "--source-date", "w.txt=2024-10-09"])
    assert code == 0 and seen["ran"]
    assert seen["date"] == "2024-10-07" and seen["source_dates"] == ["w.txt=2024-10-09"]
