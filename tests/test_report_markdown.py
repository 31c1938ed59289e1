"""Markdown event sheet."""

from __future__ import annotations

import pytest
from report_fixtures import assert_golden, basic_report, claim, found

from factcheck.models import CheckedClaim, Document, Report, SourceInfo
from factcheck.report import render
from factcheck.report.markdown import md


def table(out: str) -> list[list[str]]:
    """Rows of the (first) table, split on unescaped pipes."""
    rows = []
    for line in out.splitlines():
        if line.startswith("|"):
            cells, cur, i = [], "", 1
            while i < len(line):
                ch = line[i]
                if ch == "\\" and i + 1 < len(line):
                    cur += line[i:i + 2]
                    i += 2
                    continue
                if ch == "|":
                    cells.append(cur.strip())
                    cur = ""
                else:
                    cur += ch
                i += 1
            rows.append(cells)
    return rows


def test_golden() -> None:
    assert_golden("basic.md", render(basic_report(), "markdown"))


def test_one_row_per_claim_one_column_per_source() -> None:
    report = basic_report()
    rows = table(render(report, "markdown"))
    header, rule, body = rows[0], rows[1], rows[2:]
    assert header == ["#", "Fact", "Draft", "wire-en", "radio-en", "web-fr", "gone"]
    assert set(rule) == {"---"}
    assert len(body) == len(report.claims)
    assert all(len(r) == len(header) for r in rows)


@pytest.mark.parametrize(
    ("row", "col", "want"),
    [(0, "wire-en", "✅ 40"), (0, "radio-en", "❌ 45"), (1, "radio-en", "❓ 5"),
     (1, "web-fr", "—"), (2, "radio-en", "❌ Anna Lindquist"),
     (3, "wire-en", "❌ 3,000,000 EUR (decided: accepted)"), (3, "radio-en", "—"),
     (4, "gone", "⚠ not read")],
    ids=["agrees", "conflicts", "unclear", "no-finding", "person", "decided", "absent",
         "not-read"],
)
def test_cells(row: int, col: str, want: str) -> None:
    rows = table(render(basic_report(), "markdown"))
    assert rows[2 + row][rows[0].index(col)] == want


def test_heading_counts_and_errors() -> None:
    out = render(basic_report(), "markdown").splitlines()
    assert out[0] == "# Fact check: Harbour fire"
    assert out[2] == "5 claims, 4 conflicts, 1 unclear, 3 agree across 4 sources; 1 decided"
    assert out[-3:] == ["## 1 source not read", "", "- gone (sources/gone.txt): file not found"]


def test_self_conflict_listed() -> None:
    out = render(basic_report(), "markdown")
    assert "- ❌ line 4: **6** “Six people have been remanded in custody”, but line 6: **7**" \
           " “7 people had been remanded in custody”" in out


@pytest.mark.parametrize(
    ("raw", "want"),
    [("a|b", "a\\|b"), ("a\nb", "a b"), ("*x* _y_", "\\*x\\* \\_y\\_"),
     ("[l](javascript:x)", "\\[l\\](javascript:x)"), ("<b>&amp;", "\\<b\\>\\&amp;"),
     ("`c`", "\\`c\\`"), ("~~s~~ $x$", "\\~\\~s\\~\\~ \\$x\\$"), ("a\\b", "a\\\\b"),
     ("\x1b[1m", "\\\\x1b\\[1m"), ("Jean-Marc O'Neil, 3.5", "Jean-Marc O'Neil, 3.5")],
    ids=["pipe", "newline", "emphasis", "link", "html-entity", "code", "strike-math",
         "backslash", "escape", "plain-kept"],
)
def test_md_escape(raw: str, want: str) -> None:
    assert md(raw) == want


def test_pipes_and_newlines_in_cells_keep_the_table() -> None:
    text = "Report | x\n\nThey said 40 people | were\nevacuated.\n"
    quote = "40 people | were\nevacuated"
    draft = Document(id="draft", text=text, origin="d.md")
    c = claim("c1", "count", quote, 40, text=text, subject="people|x", predicate="a\nb")
    f = found("s|1", "conflicts", value="4|1")
    report = Report(draft=draft, sources=(SourceInfo(id="s|1", origin="s.txt"),),
                    claims=(CheckedClaim(claim=c, findings=(f,)),))
    rows = table(render(report, "markdown"))
    assert [len(r) for r in rows] == [4, 4, 4]
    assert rows[0][3] == "s\\|1"
    assert rows[2][1] == "count: people\\|x a b"
    assert rows[2][3] == "❌ 4\\|1"
