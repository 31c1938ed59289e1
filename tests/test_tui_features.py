"""The review screen an editor trusts: whole reasons, conflicts first, honest "saved",
undo and redo, one decision for all of a source's findings, search in the sources' texts,
screenshots in the story folder, and the palette's own commands (Textual's Pilot)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.command import CommandPalette
from textual.widgets import Input
from tui_fixtures import WHEN, WHO, flood_report, sync, wait_loaded

from factcheck.decisions import Ledger
from factcheck.models import Report
from factcheck.tui.app import ReviewApp, create_app_from_report
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.screens.sheet import SheetScreen
from factcheck.tui.widgets.claims_list import ClaimsList, value_cell
from factcheck.tui.widgets.evidence_pane import EvidencePane

SIZE = (120, 40)
LONG_WHY = "; ".join(f"clue {n} that both sentences tell of the flood" for n in range(12)) + \
    "; incompatible figures ZZEND"


def make_app(report: Report | None = None, **kw: Any) -> ReviewApp:
    return create_app_from_report(report or flood_report(), who=WHO, clock=lambda: WHEN, **kw)


def main(app: ReviewApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen), type(app.screen)
    return app.screen


def screen_text(app: ReviewApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def status(app: ReviewApp, claim: int, source: str) -> str | None:
    d = main(app).review.decision(claim, source)
    return d.status if d is not None else None


def long_reason_report() -> Report:
    report = flood_report()
    first = report.claims[0]
    findings = tuple(f.model_copy(update={"why": LONG_WHY}) if f.source == "gazette" else f
                     for f in first.findings)
    return report.model_copy(update={"claims": (first.model_copy(update={"findings": findings}),
                                                *report.claims[1:])})


@sync
async def test_the_whole_reason_wraps_in_the_evidence_pane() -> None:
    app = make_app(long_reason_report())
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        text = " ".join(screen_text(app).replace("│", " ").split())
        assert "why: incompatible figures ZZEND; clue 0 " in text  # the verdict first
        assert "clue 11 that both sentences tell of the flood" in text  # and the whole of it
        assert "…" not in text.split("why:")[1].split("wire")[0]


@sync
async def test_evidence_lists_conflicts_first() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        pane = main(app).query_one(EvidencePane)
        ids = [pane.sources.get_option_at_index(i).id for i in range(pane.sources.option_count)]
        assert ids == ["gazette", "radio", "wire"]  # conflict, not loaded, agrees


@sync
async def test_status_bar_says_saved_only_after_a_save(tmp_path: Path) -> None:
    where = tmp_path / "claims" / "flood" / "decisions.json"
    where.parent.mkdir(parents=True)
    app = make_app(ledger=Ledger.open(where), where=str(where))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert "decisions go to" in screen_text(app) and "saved to" not in screen_text(app)
        await pilot.press("c")
        assert where.is_file()
        assert "saved to" in screen_text(app)


@sync
async def test_undo_and_redo_of_decisions_and_notes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        assert status(app, 0, "gazette") == "confirmed"
        await pilot.press("e")
        app.screen.query_one("#note-input", Input).value = "called the mayor"
        await pilot.press("enter")
        d = main(app).review.decision(0, "gazette")
        assert d is not None and d.note == "called the mayor"
        await pilot.press("u")  # the note
        d = main(app).review.decision(0, "gazette")
        assert d is not None and d.note == ""
        await pilot.press("u")  # the decision
        assert status(app, 0, "gazette") is None
        await pilot.press("r")
        assert status(app, 0, "gazette") == "confirmed"
        await pilot.press("r")
        d = main(app).review.decision(0, "gazette")
        assert d is not None and d.note == "called the mayor"
        await pilot.press("r")
        assert ("information", "Nothing to redo.") in [(n.severity, n.message) for n in app._notifications]
        await pilot.press("c")  # a new change: nothing left to redo
        assert not main(app).review.can_redo


@sync
async def test_decide_all_findings_of_one_source_at_once() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        m.select(2)  # the wire's conflict (four dead, not three)
        await pilot.pause()
        await pilot.press("S")
        review = m.review
        wire = [i for i, fs in enumerate(review.findings)
                for f in fs if f.source == "wire" and f.verdict in ("conflicts", "unclear")]
        assert wire and all(status(app, i, "wire") == "source-wrong" for i in wire)
        assert status(app, 0, "gazette") is None  # another source's finding is untouched
        assert "finding(s) of wire" in screen_text(app)
        await pilot.press("u")  # one undo takes them all back
        assert all(status(app, i, "wire") is None for i in wire)


@sync
async def test_slash_searches_the_source_texts() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"looting shops", "enter")
        assert main(app).query_one(ClaimsList).shown == [6]  # the wire's sentence, not the draft's


@sync
async def test_screenshot_goes_to_the_story_folder(tmp_path: Path) -> None:
    where = tmp_path / "claims" / "flood" / "decisions.json"
    where.parent.mkdir(parents=True)
    app = make_app(ledger=Ledger.open(where), where=str(where))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        saved = app.deliver_screenshot()
        assert saved is not None and Path(saved).parent == where.parent
        assert Path(saved).read_text(encoding="utf-8").startswith("<svg")


@sync
async def test_palette_lists_the_apps_own_commands_first(tmp_path: Path) -> None:
    where = tmp_path / "claims" / "flood" / "decisions.json"
    where.parent.mkdir(parents=True)
    app = make_app(ledger=Ledger.open(where), where=str(where))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles[:2] == ["Next conflict", "Previous conflict"]
        assert "Filter by verdict: unclear" in titles and "Export the event sheet" in titles
        assert "Theme" in titles  # Textual's own follow
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"verdict: unclear")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).query_one(ClaimsList).shown == [3]
        export = next(c for c in app.get_system_commands(app.screen) if c.title == "Export the event sheet")
        export.callback()
        sheet = where.parent / "sheet.md"
        assert sheet.read_text(encoding="utf-8").startswith("# Fact check: Riverton flood")


@sync
async def test_sheet_says_what_rows_count_and_keeps_values_whole() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, SheetScreen)
        text = screen_text(app)
        assert "each row: one claim of the draft" in text


def test_value_column_keeps_the_figure() -> None:
    report = flood_report()
    money = report.claims[5].claim
    long_unit = money.model_copy(update={"unit": "US dollars of 2024 in constant prices"})
    assert value_cell(long_unit) == "2.5M"  # the unit goes before the figure is cut
    date = report.claims[7].claim.model_copy(update={"value": "2024-02-05", "kind": "date"})
    assert "2024" in value_cell(date) and "…" not in value_cell(date)
