"""The whole reason of a finding, decisive part first, in every format (never cut)."""

from __future__ import annotations

import json

import pytest
from report_fixtures import DRAFT, WIRE, claim, found

from factcheck.models import CheckedClaim, Document, Report, SourceInfo
from factcheck.report import FORMATS, render
from factcheck.report.common import reason

# Longer than any terminal, CI log column or TUI pane; its decisive part comes last, as the
# pipeline writes it, and its very end is a word that must survive.
EVIDENCE = "; ".join(f"clue number {n} that the two sentences tell of the same fact" for n in range(40))
WHY = f"{EVIDENCE}; incompatible figures at the very end ZZEND"


def long_report() -> Report:
    draft = Document(id="draft", text=DRAFT, origin="draft.md")
    c = claim("c1", "count", "40 people were evacuated", 40, subject="people", predicate="evacuated")
    f = found("wire-en", "conflicts", WIRE, "Forty people were evacuated", 41, score=0.9, why=WHY)
    return Report(
        draft=draft,
        sources=(SourceInfo(id="wire-en", origin="sources/wire-en.txt"),),
        documents={"wire-en": Document(id="wire-en", text=WIRE, origin="sources/wire-en.txt")},
        claims=(CheckedClaim(claim=c, findings=(f,)),),
    )


def test_reason_puts_the_verdict_first_and_keeps_every_part() -> None:
    assert reason("same action (remanded); similar context 0.50; incompatible figures") == (
        "incompatible figures; same action (remanded); similar context 0.50"
    )
    assert reason("45 vs 40") == "45 vs 40"
    assert reason("") == ""
    whole = reason(WHY)
    assert whole.startswith("incompatible figures at the very end ZZEND; clue number 0 ")
    assert whole.endswith("clue number 39 that the two sentences tell of the same fact")
    assert len(whole) == len(WHY)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_reason_longer_than_any_width_survives(fmt: str) -> None:
    out = render(long_report(), fmt)
    if fmt == "json":
        assert json.loads(out)["claims"][0]["findings"][0]["why"] == WHY
        return
    text = json.loads(out)["runs"][0]["results"][0]["message"]["text"] if fmt == "sarif" else out
    assert "…" not in text
    assert reason(WHY) in text  # whole, decisive part first
    if fmt in ("text", "github"):
        line = next(ln for ln in out.splitlines() if "ZZEND" in ln)
        assert line.index("incompatible figures") < line.index("clue number 0 ")
