"""reviewdog's Diagnostic Format (``rdjson``): a DiagnosticResult with one diagnostic per
finding, for ``reviewdog -f=rdjson`` (pull-request review comments on the draft's lines).

Positions are 1-based lines and columns counted in UTF-8 bytes, with an exclusive end, as
the format defines them. Conflicts are ``ERROR``, unclear findings ``WARNING``, decided
ones (with --show-decided) ``INFO``; the rule codes are SARIF's (FC001...).
"""

from __future__ import annotations

from typing import Any

from ..models import Report, Span
from .common import Decisions, Item, Locator, items, message, source_errors
from .safe import dumps, inert, one_line
from .sarif import RULES

SOURCE = {"name": "factcheck", "url": "https://pypi.org/project/factcheck/"}
_SEVERITY = {"conflict": "ERROR", "self-conflict": "ERROR", "unclear": "WARNING"}


def _range(loc: Locator, doc_id: str, span: Span) -> dict[str, Any] | None:
    start = loc.byte_position(doc_id, span.start)
    end = loc.byte_position(doc_id, max(span.end, span.start), end=True)
    if start is None or end is None:
        return None
    return {"start": {"line": start[0], "column": start[1]},
            "end": {"line": end[0], "column": end[1]}}


def _location(loc: Locator, doc_id: str, span: Span | None) -> dict[str, Any]:
    out: dict[str, Any] = {"path": inert(loc.path(doc_id))}
    rng = _range(loc, doc_id, span) if span is not None else None
    if rng:
        out["range"] = rng
    return out


def diagnostic(item: Item, loc: Locator, draft_id: str) -> dict[str, Any]:
    f = item.finding
    out: dict[str, Any] = {
        "message": message(item, loc),
        "location": _location(loc, draft_id, item.claim.span),
        "severity": "INFO" if item.decided else _SEVERITY[item.severity],
        "source": SOURCE,
        "code": {"value": RULES[item.severity]["id"]},
    }
    if f.span is not None and loc.document(f.source) is not None and not item.internal:
        related = _location(loc, f.source, f.span)
        out["related_locations"] = [{"message": f"{inert(f.source)}: {one_line(f.text or '')}",
                                     "location": related}]
    return out


def diagnostics(report: Report, *, show_decided: bool = False,
                decisions: Decisions | None = None) -> list[dict[str, Any]]:
    loc = Locator(report)
    out = [diagnostic(i, loc, report.draft.id)
           for i in items(report, show_decided=show_decided, decisions=decisions)]
    for sid, origin, error in source_errors(report):
        out.append({
            "message": f"source {inert(sid)} ({inert(origin)}): {one_line(error)}",
            "location": {"path": inert(origin or sid)},
            "severity": "ERROR",
            "source": SOURCE,
        })
    return out


def result(diags: list[dict[str, Any]]) -> dict[str, Any]:
    worst = "ERROR" if any(d["severity"] == "ERROR" for d in diags) else (
        "WARNING" if any(d["severity"] == "WARNING" for d in diags) else "INFO")
    return {"source": SOURCE, "severity": worst, "diagnostics": diags}


def render(report: Report, *, show_decided: bool = False, decisions: Decisions | None = None) -> str:
    return dumps(result(diagnostics(report, show_decided=show_decided, decisions=decisions))) + "\n"
