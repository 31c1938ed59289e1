"""The JSON report read by the scorer and other programs (see eval/REPORT-JSON.md).

Every finding is included, decided or not (``decision`` says which); ``summary.hidden`` is
what the human formats leave out. Text is exact (spans index into it), but control, bidi and
invisible characters are written as ``\\uXXXX`` escapes, never raw.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..models import Report, Verdict
from .common import hidden_count
from .objects import claim_object, document_object, finding_object, source_object
from .safe import dumps

VERDICTS: tuple[Verdict, ...] = ("agrees", "conflicts", "unclear", "absent")


def report_object(report: Report, *, show_decided: bool = False) -> dict[str, Any]:
    claims = []
    for checked in report.claims:
        obj = claim_object(checked.claim)
        obj["findings"] = [finding_object(f) for f in checked.findings]
        claims.append(obj)
    summary: dict[str, Any] = {v: report.count(v) for v in VERDICTS}
    summary["open"] = {v: report.count(v, undecided=True) for v in ("conflicts", "unclear")}
    summary.update(
        hidden=hidden_count(report, show_decided=show_decided),
        claims=len(report.claims),
        sources=len(report.sources),
        errors=sum(1 for s in report.sources if s.error),
    )
    draft = document_object(report.draft)
    draft["id"] = report.draft.id
    return {
        "tool": {"name": "factcheck", "version": __version__},
        "title": report.title,
        "draft": draft,
        "sources": [source_object(s) for s in report.sources],
        "claims": claims,
        "summary": summary,
    }


def render(report: Report, *, show_decided: bool = False) -> str:
    return dumps(report_object(report, show_decided=show_decided), indent=2) + "\n"
