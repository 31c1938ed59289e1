"""Compiler-style diagnostics, one finding per line:

    draft.md:12:45: conflict: 6 remanded in custody; wire-en says 1 ("one was ...", src.txt:9:3)
"""

from __future__ import annotations

from ..models import Report
from .common import Decisions, Locator, items, languages, message, source_errors, summary_line
from .safe import inert, one_line


def render(report: Report, *, show_decided: bool = False, decisions: Decisions | None = None) -> str:
    loc = Locator(report)
    draft_id = report.draft.id
    lines: list[str] = []
    for item in items(report, show_decided=show_decided, decisions=decisions):
        where = inert(loc.where(draft_id, item.claim.span))
        lines.append(f"{where}: {item.severity}: {message(item, loc)}")
    for sid, origin, error in source_errors(report):
        where = f" ({inert(origin)})" if origin and origin != sid else ""
        lines.append(f"error: source {inert(sid)}{where}: {one_line(error)}")
    lines.append(f"read as: {languages(report)}")
    lines.append(summary_line(report, show_decided=show_decided))
    return "\n".join(lines) + "\n"
