"""Snapshot tests of the review TUI (pytest-textual-snapshot), on hand-built reports.

Update with ``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import textual
from report_fixtures import toll_report
from textual.pilot import Pilot
from tui_fixtures import WHEN, WHO, flood_report, wait_loaded

from factcheck.errors import InputError
from factcheck.tui.app import Loaded, ReviewApp, create_app, create_app_from_report

# The SVGs were made with this Textual; another release may draw a cell differently.
SNAPSHOT_TEXTUAL = "8.2.8"
pytestmark = pytest.mark.skipif(
    textual.__version__ != SNAPSHOT_TEXTUAL,
    reason=f"snapshots made with Textual {SNAPSHOT_TEXTUAL}; run --snapshot-update and look",
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Compare = Callable[..., bool]


def flood_app() -> ReviewApp:
    return create_app_from_report(flood_report(), who=WHO, clock=lambda: WHEN)


def loaded(*, quiet: bool = False) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_loaded(pilot)
        if quiet:
            pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(flood_app(), terminal_size=size, run_before=loaded())


@pytest.mark.parametrize("size", SIZES)
def test_evidence_focused(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(flood_app(), terminal_size=size, run_before=loaded(quiet=True),
                        press=["c", "enter", "up"])


@pytest.mark.parametrize("size", SIZES)
def test_event_sheet(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(flood_app(), terminal_size=size, run_before=loaded(quiet=True),
                        press=["t"])


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(flood_app(), terminal_size=size, run_before=loaded(quiet=True),
                        press=["question_mark"])


def dated_app() -> ReviewApp:
    """A toll reported on three days, one source undated, one not read (issue 16, item 4)."""
    report = toll_report({"wire": "2024-10-09", "radio": "2024-10-07", "web": "2024-10-08"},
                         sources=("wire", "blog", "radio", "web"), failed="gone",
                         draft_date="2024-10-07")
    return create_app_from_report(report, who=WHO, clock=lambda: WHEN)


@pytest.mark.parametrize("size", SIZES)
def test_dated_evidence(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(dated_app(), terminal_size=size, run_before=loaded(quiet=True),
                        press=["enter", "home"])


@pytest.mark.parametrize("size", SIZES)
def test_dated_event_sheet(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(dated_app(), terminal_size=size, run_before=loaded(quiet=True),
                        press=["t"])


def missing_draft() -> Loaded:
    raise InputError("file not found", path="drafts/missing.md")


@pytest.mark.parametrize("size", SIZES)
def test_error_state(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = create_app("drafts/missing.md", [], loader=missing_draft)
    assert snap_compare(app, terminal_size=size, run_before=loaded())
