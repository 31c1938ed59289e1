"""An event sheet in Markdown: one row per draft claim, one column per source.

    | # | Fact | Draft | wire-en | radio-fr |
    |---|------|-------|---------|----------|
    | 1 | count: people remanded in custody | 6 "six people were remanded" | ❌ 1 | ✅ 6 |

Marks: ✅ agrees, ❌ conflicts, ❓ unclear, — absent (or no finding); a decided finding
keeps its mark with ``(decided: status)``: the sheet always shows every finding.
Disagreements inside the draft and the sources that could not be read are listed below.

Report dates: when any document has one (``Document.date``), a ``Reported:`` line gives the
draft's and each source's, every source column carries its date and the columns run by
report date, earliest first, the undated sources after the dated ones in their given order;
the discrepancies of a claim are listed in that same order, each source with its date. One
order for every row: a figure that grows as news comes in (a toll) reads as a timeline, and
no column moves between rows. With no date at all the sheet is as before.
Every piece of untrusted text is made inert, put on one line, and has its Markdown/HTML
markup and ``|`` escaped.
"""

from __future__ import annotations

import re

from ..models import CheckedClaim, Finding, Report
from .common import (
    Decisions,
    Locator,
    by_report_date,
    claim_about,
    claim_value,
    decided_count,
    decision_text,
    draft_date,
    finding_value,
    items,
    languages,
    plural,
    reason,
    source_dates,
    source_errors,
    summary_line,
)
from .controls import AUTOMATIC
from .safe import one_line

MARKS = {"agrees": "✅", "conflicts": "❌", "unclear": "❓", "absent": "—"}
QUOTE = 60

# Punctuation that starts inline markup in CommonMark/GFM (emphasis, links and images, code,
# raw HTML, entities, strikethrough, table cells, math); `\` makes each one literal. Block
# markers (#, -, 1.) need no escape: untrusted text never starts a line here.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&$])")


def md(s: str, limit: int | None = None) -> str:
    """Untrusted text as literal Markdown inline text, on one line."""
    return _MARKUP.sub(r"\\\1", one_line(s, limit))


def _cell(claim: CheckedClaim, source: str, failed: bool) -> str:
    findings = [f for f in claim.findings if f.source == source]
    if not findings:
        return "⚠ not read" if failed else MARKS["absent"]
    return "; ".join(_finding_cell(claim, f) for f in findings)


def _finding_cell(claim: CheckedClaim, f: Finding) -> str:
    parts = [MARKS[f.verdict]]
    value = finding_value(claim.claim, f)
    if value and f.verdict != "absent":
        parts.append(md(value, QUOTE))
    if f.decision in AUTOMATIC:
        parts.append("(ignored)")
    elif f.decision:
        parts.append(f"(decided: {md(f.decision)})")
    return " ".join(parts)


def _fact(claim: CheckedClaim) -> str:
    about = claim_about(claim.claim)
    return f"{claim.claim.kind}: {md(about, QUOTE)}" if about else claim.claim.kind


def _draft(claim: CheckedClaim) -> str:
    c = claim.claim
    return f"**{md(claim_value(c), QUOTE)}** “{md(c.text, QUOTE)}”"


def _reported(report: Report, order: list[str], dates: dict[str, str]) -> str:
    """``Reported: draft 2024-10-08; sources by report date: wire 2024-10-07, radio undated``."""
    sources = ", ".join(f"{md(sid, 40)} {dates.get(sid, 'undated')}" for sid in order)
    line = f"Reported: draft {draft_date(report) or 'undated'}"
    return line + (f"; sources by report date: {sources}" if sources else "")


def render(report: Report, *, show_decided: bool = False, decisions: Decisions | None = None) -> str:
    loc = Locator(report)
    title = report.title or loc.path(report.draft.id)
    # The sheet shows every finding, decided ones marked, whatever ``show_decided`` says.
    summary = summary_line(report, show_decided=True)
    decided = decided_count(report)
    if decided:
        summary += f"; {decided} decided"
    summary = md(summary)
    out = [f"# Fact check: {md(title, 200)}", "", summary, "", f"Read as: {md(languages(report))}", ""]
    dates = source_dates(report)
    order = by_report_date((s.id for s in report.sources), dates)
    if dates or draft_date(report):
        out += [_reported(report, order, dates), ""]
    failed = {s.id for s in report.sources if s.error}
    header = ["#", "Fact", "Draft",
              *(md(sid, 40) + (f" ({dates[sid]})" if sid in dates else "") for sid in order)]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "|".join("---" for _ in header) + "|")
    for n, claim in enumerate(sorted(report.claims, key=lambda c: c.claim.span.start), 1):
        row = [str(n), _fact(claim), _draft(claim)]
        row += [_cell(claim, sid, sid in failed) for sid in order]
        out.append("| " + " | ".join(row) + " |")
    listed = items(report, show_decided=True, decisions=decisions, order=order)
    outside = [i for i in listed if not i.internal]
    if outside:
        out += ["", "## Discrepancies", ""]
        for item in outside:
            c, f = item.claim, item.finding
            here = loc.position(report.draft.id, c.span.start)
            line = f"- {MARKS[f.verdict]} line {here[0] if here else '?'}, {md(f.source)}"
            if f.source in dates:
                line += f" (reported {dates[f.source]})"
            why = reason(f.why)
            line += f": {md(why)}." if why else ":"
            line += f" Draft **{md(claim_value(c))}** “{md(c.text)}”"
            value = finding_value(c, f)
            line += f"; {md(f.source)} **{md(value)}**" if value else f"; {md(f.source)}"
            if f.text:
                line += f" “{md(f.text)}”"
            line += f" ({md(loc.where(f.source, f.span))})"
            if f.decision:
                line += f" ({md(decision_text(f.decision, item.detail))})"
            out.append(line)
    inside = [i for i in items(report, show_decided=True) if i.internal]
    if inside:
        out += ["", "## Inside the draft", ""]
        for item in inside:
            c, f = item.claim, item.finding
            here = loc.position(report.draft.id, c.span.start)
            there = loc.position(report.draft.id, f.span.start) if f.span else None
            line = (
                f"- {MARKS[f.verdict]} line {here[0] if here else '?'}: "
                f"**{md(claim_value(c), QUOTE)}** “{md(c.text, QUOTE)}”, but line "
                f"{there[0] if there else '?'}: **{md(finding_value(c, f), QUOTE)}**"
            )
            if f.text:
                line += f" “{md(f.text, QUOTE)}”"
            if f.decision:
                line += f" (decided: {md(f.decision, 40)})"
            out.append(line)
    errors = source_errors(report)
    if errors:
        out += ["", f"## {plural(len(errors), 'source')} not read", ""]
        out += [f"- {md(sid, 40)} ({md(origin, 200)}): {md(err, 300)}"
                for sid, origin, err in errors]
    return "\n".join(out) + "\n"
