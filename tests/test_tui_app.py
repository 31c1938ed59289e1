"""Pilot tests of the review TUI: every binding, decisions, persistence, failures, safety."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input
from tui_fixtures import (
    HOSTILE_DRAFT,
    WHEN,
    WHO,
    flood_report,
    hostile_report,
    sync,
    wait_loaded,
)

from factcheck.decisions import Ledger
from factcheck.errors import LedgerError
from factcheck.models import CheckedClaim, Claim, Document, Report, Span
from factcheck.tui.app import Loaded, ReviewApp, create_app, create_app_from_report
from factcheck.tui.screens.error import ErrorScreen
from factcheck.tui.screens.help import HelpScreen
from factcheck.tui.screens.loading import LoadingScreen
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.screens.note import NoteScreen
from factcheck.tui.screens.sheet import SheetScreen
from factcheck.tui.widgets.claims_list import ClaimsList
from factcheck.tui.widgets.draft_view import DraftView
from factcheck.tui.widgets.evidence_pane import EvidencePane

SIZE = (120, 40)


def make_app(report: Report | None = None, *, ledger: Any = None, **kw: Any) -> ReviewApp:
    return create_app_from_report(report or flood_report(), ledger=ledger, who=WHO,
                                  clock=lambda: WHEN, **kw)


def main(app: ReviewApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen), type(app.screen)
    return app.screen


def screen_text(app: ReviewApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notes(app: ReviewApp) -> list[tuple[str, str]]:
    return [(n.severity, n.message) for n in app._notifications]


def status_of(app: ReviewApp, claim: int, source: str) -> str | None:
    d = main(app).review.decision(claim, source)
    return d.status if d is not None else None


def note_of(app: ReviewApp) -> str | None:
    d = main(app).review.decision(0, "gazette")
    return d.note if d is not None else None


async def keys(pilot: Pilot[Any], *presses: str) -> None:
    await pilot.press(*presses)


# -- loading and layout ---------------------------------------------------------------------

@sync
async def test_loads_counts_and_failed_source() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        text = screen_text(app)
        assert "Riverton flood" in text
        for label in ("2 conflicts", "1 unclear", "4 agree", "1 no source"):
            assert label in text
        assert "decisions kept for this session only" in text
        assert m.selected == 0  # the first discrepancy
        assert ("error", "radio: sources/radio.txt: no such file") in notes(app)
        assert "not loaded" in text  # the failed source's row in the evidence pane
        assert app.screen.has_class("-wide")
        assert "✓1 ✗1 ?0 ·0" in text  # the tally of the first claim


@sync
async def test_narrow_hides_draft_and_d_toggles() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        assert m.has_class("-narrow")
        draft, claims = m.query_one(DraftView), m.query_one(ClaimsList)
        assert not draft.display and claims.display
        await keys(pilot, "d")
        assert draft.display and not claims.display
        await keys(pilot, "j")  # navigation still works with the list hidden
        assert m.selected == 1
        await keys(pilot, "d")
        assert not draft.display and claims.display


@sync
async def test_wide_d_hides_draft() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        draft = main(app).query_one(DraftView)
        assert draft.display
        await keys(pilot, "d")
        assert not draft.display


# -- moving -----------------------------------------------------------------------------

@sync
async def test_j_k_arrows_n_N() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        await keys(pilot, "j")
        assert m.selected == 1
        await keys(pilot, "k")
        assert m.selected == 0
        await keys(pilot, "down", "down")
        assert m.selected == 2
        await keys(pilot, "up")
        assert m.selected == 1
        await keys(pilot, "n")
        assert m.selected == 2  # 3 people: conflict
        await keys(pilot, "n")
        assert m.selected == 3  # Helen Ortiz: unclear
        await keys(pilot, "n")
        assert m.selected == 0  # wraps around
        await keys(pilot, "N")
        assert m.selected == 3
        await keys(pilot, "k", "k", "k", "k")
        assert m.selected == 0  # stops at the top


@sync
async def test_selection_is_stable_when_the_first_issue_is_not_the_first_row() -> None:
    report = flood_report()
    report = report.model_copy(update={"claims": (*report.claims[1:], report.claims[0])})
    app = make_app(report)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        claims = m.query_one(ClaimsList)
        await pilot.pause(0.05)
        calls: list[int | None] = []
        select = m.select

        def counting(index: int | None, **kw: Any) -> None:
            calls.append(index)
            select(index, **kw)

        m.select = counting  # type: ignore[method-assign]
        await pilot.pause(0.1)
        assert calls == []  # idle: no ping-pong between stale cursor moves
        assert (m.selected, claims.cursor_row) == (1, 1)
        await keys(pilot, "n")
        assert m.selected == 2 and claims.cursor_row == 2


@sync
async def test_click_claim_in_draft_selects_it() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        draft = m.query_one(DraftView)
        target = 3  # Helen Ortiz
        line = draft.claim_line(target)
        assert line is not None
        start, _ = draft._lines[line]
        x = m.review.claims[target].span.start - start + 1
        gutter = draft.styles.gutter
        assert await pilot.click(DraftView, offset=(gutter.left + x, gutter.top + line))
        await pilot.pause()
        assert m.selected == target
        assert draft.claim_at(0, 0) is None  # plain text: no claim


# -- evidence and decisions -------------------------------------------------------------

@sync
async def test_enter_focuses_evidence_and_decisions_hit_the_selected_source() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        pane = m.query_one(EvidencePane)
        assert pane.selected_source == "gazette"  # the first undecided discrepancy
        await keys(pilot, "enter")
        assert m.evidence_focused
        await keys(pilot, "down")
        assert pane.selected_source == "radio"
        await keys(pilot, "c")  # nothing to decide on a source that failed
        assert any("could not be read" in msg for _, msg in notes(app))
        await keys(pilot, "up", "up")
        assert pane.selected_source == "wire"
        await keys(pilot, "c")
        assert status_of(app, 0, "wire") == "confirmed"
        assert status_of(app, 0, "gazette") is None
        assert m.review.state(0) == "conflict"
        await keys(pilot, "escape")
        assert m.query_one(ClaimsList).has_focus


@sync
async def test_c_f_s_i_apply_to_first_undecided_discrepancy() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        await keys(pilot, "f")
        assert status_of(app, 0, "gazette") == "draft-fixed"
        assert m.review.state(0) == "decided"
        assert "1 conflict" in screen_text(app)
        assert "draft fixed" in screen_text(app)  # decision column and evidence row
        await keys(pilot, "n")  # 3 people
        assert m.selected == 2
        await keys(pilot, "s")
        assert status_of(app, 2, "wire") == "source-wrong"
        await keys(pilot, "n")  # Helen Ortiz
        await keys(pilot, "i")
        assert status_of(app, 3, "gazette") == "ignored"
        await keys(pilot, "j", "c")  # At least 14 people... no: claim 4 agrees everywhere
        assert m.selected == 4
        assert status_of(app, 4, "wire") is None
        assert any("No undecided" in msg for _, msg in notes(app))
        await keys(pilot, "n")
        assert any("No undecided conflict" in msg for _, msg in notes(app))
        await keys(pilot, "k", "k", "k", "k", "c")  # claim 0 decided already: warn
        assert status_of(app, 0, "gazette") == "draft-fixed"


@sync
async def test_undo() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await keys(pilot, "c")
        assert status_of(app, 0, "gazette") == "confirmed"
        await keys(pilot, "enter", "f")  # evidence focused on gazette: overwrite
        assert status_of(app, 0, "gazette") == "draft-fixed"
        await keys(pilot, "u")
        assert status_of(app, 0, "gazette") == "confirmed"
        await keys(pilot, "escape", "j", "u")  # undo jumps back to the claim
        assert status_of(app, 0, "gazette") is None
        assert main(app).selected == 0
        await keys(pilot, "u")
        assert ("information", "Nothing to undo.") in notes(app)


@sync
async def test_note_modal() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await keys(pilot, "e")
        assert any("Decide first" in msg for _, msg in notes(app))
        await keys(pilot, "c", "e")
        assert isinstance(app.screen, NoteScreen)
        app.screen.query_one("#note-input", Input).value = "desk checked [b]x[/b]"
        await keys(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        decision = main(app).review.decision(0, "gazette")
        assert decision is not None and decision.note == "desk checked [b]x[/b]"
        assert decision.status == "confirmed" and decision.who == WHO
        assert "[b]x[/b]" in screen_text(app)
        await keys(pilot, "e")
        assert app.screen.query_one("#note-input", Input).value == "desk checked [b]x[/b]"
        await keys(pilot, "x", "escape")  # cancel keeps the note
        assert note_of(app) == "desk checked [b]x[/b]"
        await keys(pilot, "u")  # undo the note edit
        assert note_of(app) == ""


@sync
async def test_open_url_in_worker_and_no_url() -> None:
    opened: list[str] = []

    def opener(url: str) -> bool:
        opened.append(url)
        return True

    app = make_app(opener=opener)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await keys(pilot, "o")
        await app.workers.wait_for_complete()
        assert opened == ["https://gazette.example/riverton-flood"]
        await keys(pilot, "enter", "up", "o")  # wire: a file, no URL
        assert any("wire has no URL (sources/wire.txt)" in msg for _, msg in notes(app))
        assert len(opened) == 1


@sync
async def test_event_sheet() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await keys(pilot, "t")
        assert isinstance(app.screen, SheetScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 8
        assert [c.label.plain for c in table.ordered_columns] == [
            "State", "Kind", "Draft", "wire", "gazette", "radio ⚠"]
        assert table.get_cell("0", "src:gazette").plain == "✗ 1500"
        assert table.get_cell("0", "src:radio").plain == "not loaded"
        await keys(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        await keys(pilot, "t", "down", "down", "right", "enter")  # claim 2, gazette column
        m = main(app)
        assert m.selected == 2
        assert m.evidence_focused
        assert m.query_one(EvidencePane).selected_source == "gazette"
        await keys(pilot, "t", "t")
        assert isinstance(app.screen, MainScreen)


@sync
async def test_filter() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        claims = m.query_one(ClaimsList)
        await keys(pilot, "slash")
        flt = m.query_one("#filter", Input)
        assert flt.has_focus and flt.display
        flt.value = "person"
        await pilot.pause()
        assert claims.shown == [3]
        await keys(pilot, "enter")
        assert claims.has_focus and flt.display
        assert m.selected == 3
        assert "showing 1 of 8 claims" in screen_text(app)
        await keys(pilot, "slash")
        flt.value = "conflict"
        flt.cursor_position = len(flt.value)
        await pilot.press("t")  # typed into the filter, not the event sheet
        assert isinstance(app.screen, MainScreen)
        assert flt.value == "conflictt" and claims.shown == []
        await pilot.press("backspace")
        assert claims.shown == [0, 2]
        await keys(pilot, "escape")
        assert claims.shown == list(range(8)) and not flt.display
        await keys(pilot, "slash")
        flt.value = "gazette:unclear"
        await keys(pilot, "enter")
        assert claims.shown == [3]


@sync
async def test_help_and_quit() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await keys(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "source is wrong" in screen_text(app)
        await keys(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        await keys(pilot, "question_mark", "q")  # q closes the help, not the app
        assert isinstance(app.screen, MainScreen)
        await keys(pilot, "question_mark", "question_mark")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("q")
    assert app.return_code == 0
    assert not app.is_running


@sync
async def test_draft_scrolls_to_the_selected_claim() -> None:
    filler = "".join(f"Paragraph {i} has no figure in it at all.\n\n" for i in range(60))
    text = filler + "In the end 40 people were hurt.\n"
    start = text.index("40 people")
    claim = Claim(id="c1", doc_id="draft", kind="count", span=Span(start=start, end=start + 9),
                  text="40 people", value=40, sentence=Span(start=start - 11, end=len(text) - 1))
    report = Report(draft=Document(id="draft", text=text, origin="long.md"), sources=(),
                    claims=(CheckedClaim(claim=claim),))
    app = make_app(report)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        draft = main(app).query_one(DraftView)
        line = draft.claim_line(0)
        assert line is not None and line > 100
        assert draft.scroll_offset.y <= line < draft.scroll_offset.y + draft.size.height
        assert "no source" in screen_text(app)


@sync
async def test_claim_summary_height_follows_its_excerpt() -> None:
    short = "Police held 2 men."
    long = ("In the end 40 people were hurt in the northern districts of the city, where the river "
            "rose faster than anyone expected and crews worked through the night to reach them.")
    text = f"{short}\n\n{long}\n"
    claims = []
    for k, (fig, sent) in enumerate((("2 men", short), ("40 people", long)), 1):
        start, s0 = text.index(fig), text.index(sent)
        claims.append(CheckedClaim(claim=Claim(
            id=f"c{k}", doc_id="draft", kind="count", span=Span(start=start, end=start + len(fig)),
            text=fig, value=int(fig.split()[0]), sentence=Span(start=s0, end=s0 + len(sent)))))
    report = Report(draft=Document(id="draft", text=text, origin="d.md"), sources=(), claims=tuple(claims))
    app = make_app(report)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        summary = main(app).query_one("#claim-summary")
        heights = [summary.size.height]
        for key in ("j", "k", "j"):
            await pilot.press(key)
            await pilot.pause()
            heights.append(summary.size.height)
        short_h, long_h = heights[0], heights[1]
        assert long_h > short_h  # the long excerpt wraps: the summary grows, then shrinks back
        assert heights == [short_h, long_h, short_h, long_h]


@sync
async def test_loading_screen_then_review_and_unexpected_errors() -> None:
    gate = threading.Event()

    def slow() -> Loaded:
        gate.wait(10)
        return Loaded(flood_report(), Ledger.memory())

    app = create_app("drafts/flood.md", [], loader=slow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert "Reading and checking flood.md" in screen_text(app)
        gate.set()
        await wait_loaded(pilot)
        assert isinstance(app.screen, MainScreen)

    def broken() -> Loaded:
        raise RuntimeError("boom [b]\x1b[2J")

    app = create_app("drafts/flood.md", [], loader=broken)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert isinstance(app.screen, ErrorScreen)
        text = screen_text(app)
        assert "unexpected error (RuntimeError): boom [b]␛[2J" in text


# -- saving ---------------------------------------------------------------------------------

class FailingLedger(Ledger):
    def __init__(self) -> None:
        super().__init__(Path("decisions.json"))

    def record(self, decision: Any) -> None:
        raise LedgerError("cannot write: disk full", path="claims/x/decisions.json")


@sync
async def test_ledger_error_notifies_and_keeps_decision_in_memory() -> None:
    app = make_app(ledger=FailingLedger(), where="claims/x/decisions.json")
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert "decisions go to claims/x/decisions.json" in screen_text(app)
        assert "saved" not in screen_text(app)  # nothing was saved yet
        await keys(pilot, "c")
        assert any(sev == "error" and "disk full" in msg for sev, msg in notes(app))
        assert status_of(app, 0, "gazette") == "confirmed"
        assert "1 unsaved" in screen_text(app)
        assert "saved to" not in screen_text(app)


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


DRAFT_TEXT = ("Police arrested 12 people on Tuesday in Riverton, officials said. "
              "The mayor, Helen Ortiz, said 3 people died.\n")
WIRE_TEXT = "Police arrested 15 people on Tuesday in Riverton. Three people died.\n"


@sync
async def test_factory_with_files_and_a_missing_source(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.md", DRAFT_TEXT)
    wire = write(tmp_path / "wire.txt", WIRE_TEXT)
    app = create_app(draft, [wire, str(tmp_path / "missing.txt")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        assert len(m.review.report.sources) == 2
        assert [s.id for s in m.review.failed_sources] == ["missing"]
        assert any(sev == "error" and "missing" in msg for sev, msg in notes(app))
        assert m.review.claims, "the draft has claims"
        assert "decisions kept for this session only" in screen_text(app)
        await keys(pilot, "t")
        assert isinstance(app.screen, SheetScreen)
        await keys(pilot, "escape", "j", "question_mark", "escape")
        assert isinstance(app.screen, MainScreen)


@sync
async def test_factory_load_error_shows_error_screen(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "nope.md"), [])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert app.load_error is not None and "nope.md" in app.load_error
        assert "Could not open the review" in screen_text(app)
        assert "Traceback" not in screen_text(app)
        await pilot.press("q")
    assert not app.is_running


@sync
async def test_story_decisions_persist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.story import init_story

    monkeypatch.setenv("FACTCHECK_USER", "Ana Desk")
    root = tmp_path / "claims" / "riverton"
    draft = write(root / "draft.md", DRAFT_TEXT)
    wire = write(root / "wire.txt", WIRE_TEXT)
    story = init_story(root, draft=draft, sources=[wire], title="Riverton [b]arrests[/b]")

    app = create_app(str(root), [])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(app)
        assert m.review.persistent
        assert "Riverton [b]arrests[/b]" in screen_text(app)
        assert "decisions go to" in screen_text(app) and "saved to" not in screen_text(app)
        index = m.selected
        assert index is not None
        await keys(pilot, "enter", "c")
        source = m.query_one(EvidencePane).selected_source
        assert source is not None
        assert status_of(app, index, source) == "confirmed"
        key = m.review.key(index, source)
        assert "saved to" in screen_text(app)  # now, and only now, something was saved

    ledger = Ledger.open(story.decisions_path)
    saved = ledger.get(key)
    assert saved is not None and saved.status == "confirmed" and saved.who == "Ana Desk"

    again = create_app(str(root), [])
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        m = main(again)
        assert status_of(again, index, source) == "confirmed"
        assert "confirmed by Ana Desk" in screen_text(again)
        assert "confirmed" in m.review.decision_summary(index)
        await keys(pilot, "u")  # nothing to undo in a new session
        assert Ledger.open(story.decisions_path).get(key) is not None


# -- safety -------------------------------------------------------------------------------

BAD = ("\x1b", "\x07", "\u202e", "\u202c")


@sync
async def test_hostile_text_is_inert() -> None:
    app = make_app(hostile_report())
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screens = [screen_text(app)]
        await keys(pilot, "enter")
        screens.append(screen_text(app))
        await keys(pilot, "t")
        screens.append(screen_text(app))
        await keys(pilot, "escape", "c", "e")
        app.screen.query_one("#note-input", Input).value = "[red]note\x1b"
        await keys(pilot, "enter")
        screens.append(screen_text(app))
    text = "\n".join(screens)
    for ch in BAD:
        assert ch not in text
    assert "[bold red]x[/]" in text  # shown literally, not as markup
    assert "Hostile [bold]title[/bold]" in text
    assert "[link=https://evil.example]click[/link]" in text
    assert "␛]52;c;AAAA␇" in text
    assert "15[/blink] people" in text
    assert "boom [red]" in text  # the failed source's error, literally
    assert "wire[b]" in text
    assert "\x1b" not in HOSTILE_DRAFT.replace("\x1b", "") and "\x1b" in HOSTILE_DRAFT


@sync
async def test_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        svg = app.export_screenshot()
    assert "#d17e92" not in svg.lower()  # the theme's red is filtered out
    assert "conflict" in svg


@sync
async def test_theme_change_rebuilds_styles() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        before = main(app).pal
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert main(app).pal != before
