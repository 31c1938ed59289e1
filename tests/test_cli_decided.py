"""--show-decided shows each decision's status, note, who and when; SARIF suppressions and
the JSON findings carry them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

STORY = str(Path(__file__).resolve().parents[1] / "claims" / "marseille-3d-weapons")
NOTE = "Four other reports and the prosecutor's office give Nicolas Bessone."


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_text_shows_status_who_when_and_note(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "check", STORY, "--show-decided")
    line = next(ln for ln in out.splitlines() if "Eric Bessonne" in ln)
    assert "[decided: source-wrong by standards desk (demo), 2026-11-28T12:27:13+00:00: " in line
    assert line.endswith(f'"{NOTE}"]')
    _, out = run(capsys, "check", STORY)
    assert "Eric Bessonne" not in out


def test_sarif_suppression_and_json_carry_the_note(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "check", STORY, "--show-decided", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    sup = [r["suppressions"][0] for r in results if r.get("suppressions")]
    assert len(sup) == 2
    assert all(s["kind"] == "external" and s["status"] == "accepted" for s in sup)
    assert any(NOTE in s["justification"] and s["properties"]["who"] == "standards desk (demo)"
               for s in sup)
    _, out = run(capsys, "check", STORY, "--format", "json")
    decided = [f["decided"] for c in json.loads(out)["claims"] for f in c["findings"] if "decided" in f]
    assert any(d["note"] == NOTE and d["status"] == "source-wrong" and d["when"] for d in decided)


def test_markdown_discrepancies_carry_the_note(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "check", STORY, "--format", "markdown")
    assert "decided: source-wrong by standards desk (demo)" in out
    assert "Four other reports and the prosecutor" in out
