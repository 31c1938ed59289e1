"""Markdown event sheet."""

from __future__ import annotations

import pytest
from report_fixtures import assert_golden, basic_report, claim, found, toll_report

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


# Report dates: source columns and the discrepancies of a claim in report-date order.
DATED = {"wire": "2024-10-09", "radio": "2024-10-07", "web": "2024-10-08"}


def discrepancies(out: str) -> list[str]:
    lines = out.split("## Discrepancies\n\n", 1)[1].split("\n\n", 1)[0]
    return lines.splitlines()


def test_dated_sources_run_by_report_date() -> None:
    out = render(toll_report(DATED, draft_date="2024-10-07"), "markdown")  # given: wire, radio, web
    rows = table(out)
    assert rows[0][3:] == ["radio (2024-10-07)", "web (2024-10-08)", "wire (2024-10-09)"]
    assert rows[2][3:] == ["✅ 37", "❌ 40", "❌ 43"]  # the toll as it grew
    assert rows[3][3:] == ["❌ 15", "—", "✅ 12"]  # every row in the same column order
    assert ("Reported: draft 2024-10-07; sources by report date: radio 2024-10-07, "
            "web 2024-10-08, wire 2024-10-09") in out.splitlines()
    found = discrepancies(out)
    assert [line.split(":", 1)[0] for line in found] == [
        "- ❌ line 3, web (reported 2024-10-08)",
        "- ❌ line 3, wire (reported 2024-10-09)",
        "- ❌ line 4, radio (reported 2024-10-07)",
        "- ❓ line 5, web (reported 2024-10-08)",
    ]
    assert "wire **43** “43 dead”" in found[1]


def test_dated_golden() -> None:
    assert_golden("dated.md", render(toll_report(DATED, draft_date="2024-10-07", failed="gone"),
                                     "markdown"))


def test_undated_sources_follow_the_dated_in_their_given_order() -> None:
    report = toll_report({"wire": "2024-10-09", "web": "2024-10-08"},
                         sources=("wire", "blog", "radio", "web"), failed="gone")
    out = render(report, "markdown")
    assert table(out)[0][3:] == ["web (2024-10-08)", "wire (2024-10-09)", "blog", "radio", "gone"]
    assert ("Reported: draft undated; sources by report date: web 2024-10-08, wire 2024-10-09, "
            "blog undated, radio undated, gone undated") in out.splitlines()
    heads = [line.split(":", 1)[0] for line in discrepancies(out)]
    assert heads[:3] == ["- ❌ line 3, web (reported 2024-10-08)",
                         "- ❌ line 3, wire (reported 2024-10-09)", "- ❌ line 3, blog"]
    assert heads[3] == "- ❌ line 4, radio"


def test_sources_of_one_day_keep_their_given_order() -> None:
    same = dict.fromkeys(("wire", "radio", "web"), "2024-10-08")
    out = render(toll_report(same), "markdown")
    assert table(out)[0][3:] == ["wire (2024-10-08)", "radio (2024-10-08)", "web (2024-10-08)"]


def test_no_date_no_change() -> None:
    out = render(toll_report({}), "markdown")
    assert "Reported" not in out and "reported" not in out
    assert table(out)[0][3:] == ["wire", "radio", "web"]
    heads = [line.split(":", 1)[0] for line in discrepancies(out)]
    assert heads[:2] == ["- ❌ line 3, wire", "- ❌ line 3, web"]


def test_a_dated_draft_alone_moves_no_column() -> None:
    out = render(toll_report({}, draft_date="2024-10-07"), "markdown")
    assert "Reported: draft 2024-10-07; sources by report date: wire undated, radio undated, " \
           "web undated" in out.splitlines()
    assert table(out)[0][3:] == ["wire", "radio", "web"]


def test_a_date_that_is_no_day_counts_as_unknown() -> None:
    out = render(toll_report({"wire": "yesterday", "radio": "2024-02-30", "web": "2024-10-08"}),
                 "markdown")
    assert table(out)[0][3:] == ["web (2024-10-08)", "wire", "radio"]
    assert "yesterday" not in out and "2024-02-30" not in out


@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github", "rdjson"])
def test_dates_change_no_other_format(fmt: str) -> None:
    dated = toll_report(DATED, draft_date="2024-10-07", failed="gone")
    assert render(dated, fmt) == render(toll_report({}, failed="gone"), fmt)
