"""Hostile text in drafts, sources, errors and decisions is inert in every format."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from report_fixtures import HOSTILE, RAW_CONTROLS, RICH, hostile_report

from factcheck.report import FORMATS, render
from factcheck.report.claims import render_claims
from factcheck.report.safe import is_unsafe

CASES = [(fmt, decided) for fmt in FORMATS for decided in (False, True)]


@pytest.mark.parametrize(("fmt", "show_decided"), CASES,
                         ids=[f"{f}-{'decided' if d else 'default'}" for f, d in CASES])
def test_no_raw_controls(fmt: str, show_decided: bool) -> None:
    out = render(hostile_report(), fmt, show_decided=show_decided)
    out.encode("utf-8")
    for ch in RAW_CONTROLS:
        assert ch not in out, (fmt, repr(ch))
    # Only layout newlines remain: no CR, no other control or bidi character.
    assert not is_unsafe(out.replace("\n", ""))


@pytest.mark.parametrize("fmt", ["text", "github", "markdown"])
def test_no_injected_lines(fmt: str) -> None:
    out = render(hostile_report(), fmt, show_decided=True)
    assert "\r" not in out
    for line in out.split("\n"):
        assert not line.startswith(("::error::pwned", "::add-mask::")), line
    assert "::error::pwned" in out  # visible, mid-line


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_rich_markup_stays_literal(fmt: str) -> None:
    assert RICH in render(hostile_report(), fmt)


def test_markdown_markup_escaped() -> None:
    out = render(hostile_report(), "markdown")
    unescaped = re.sub(r"\\.", "", out)  # drop every backslash-escaped character
    for markup in ("<img", "](javascript", "[bold red]", "**b**", "[l]"):
        assert markup not in unescaped, markup
    assert "\\<img" in out and "\\[bold red\\]" in out


def _strings(obj: Any) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


def test_json_exact_but_escaped() -> None:
    report = hostile_report()
    data = json.loads(render(report, "json"))
    claim = data["claims"][0]
    start, end = claim["span"]
    assert claim["text"] == report.draft.text[start:end]  # data kept exact
    assert HOSTILE in claim["text"]
    assert data["sources"][1]["error"] == f"cannot read {HOSTILE}"


def test_sarif_strings_inert_after_parsing() -> None:
    data = json.loads(render(hostile_report(), "sarif", show_decided=True))
    for s in _strings(data):
        assert not is_unsafe(s), repr(s)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_render_claims(fmt: str) -> None:
    report = hostile_report()
    out = render_claims(report.draft, [c.claim for c in report.claims], fmt)
    assert not is_unsafe(out.replace("\n", ""))
    assert len(out.splitlines()) >= 2
    if fmt == "text":
        assert all(line.startswith("draft.md:") for line in out.splitlines())
