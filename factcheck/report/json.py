"""The JSON report read by the scorer and other programs (see eval/REPORT-JSON.md).

Every finding is included, decided or not (``decision`` says which); ``summary.hidden`` is
what the human formats leave out. Text is exact (spans index into it), but control, bidi and
invisible characters are written as ``\\uXXXX`` escapes, never raw.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..models import Report, SourceInfo, Span, Verdict
from .common import Decisions, Locator, hidden_count
from .controls import INLINE, SKIPPED, ignored_counts
from .objects import claim_object, document_object, finding_object, source_object
from .safe import dumps

if TYPE_CHECKING:
    from . import Checked

VERDICTS: tuple[Verdict, ...] = ("agrees", "conflicts", "unclear", "absent")


def _place(obj: dict[str, Any], loc: Locator, doc_id: str, span: Span | None) -> dict[str, Any]:
    """``obj`` with the line and column (1-based, in the file the user wrote; an exclusive
    end column) of ``span`` beside its offsets."""
    region = loc.region(doc_id, span) if span is not None else None
    if region is not None:
        obj.update(line=region[0], column=region[1], end_line=region[2], end_column=region[3])
    return obj


def report_object(report: Report, *, show_decided: bool = False,
                  decisions: Decisions | None = None) -> dict[str, Any]:
    loc = Locator(report)
    draft_id = report.draft.id
    claims = []
    for checked in report.claims:
        obj = _place(claim_object(checked.claim), loc, draft_id, checked.claim.span)
        findings = []
        for f in checked.findings:
            fobj = _place(finding_object(f), loc, f.source, f.span)
            if f.span is not None and loc.document(f.source) is not None:
                fobj["path"] = loc.path(f.source)  # the file the line and column are in
            detail = decisions.get((checked.claim.id, f.source)) if decisions and f.decision else None
            if detail is not None:  # who decided, when, and why
                fobj["decided"] = {k: getattr(detail, k, None) for k in ("status", "note", "who", "when")}
            findings.append(fobj)
        obj["findings"] = findings
        claims.append(obj)
    summary: dict[str, Any] = {v: report.count(v) for v in VERDICTS}
    summary["open"] = {v: report.count(v, undecided=True) for v in ("conflicts", "unclear")}
    summary.update(
        hidden=hidden_count(report, show_decided=show_decided),
        claims=len(report.claims),
        sources=len(report.sources),
        errors=sum(1 for s in report.sources if s.error),
    )
    ignored = ignored_counts(report)
    summary["ignored"] = {"inline": ignored[INLINE], "kinds": ignored[SKIPPED]}
    draft = document_object(report.draft)
    draft["id"] = report.draft.id
    return {
        "tool": {"name": "factcheck", "version": __version__},
        "title": report.title,
        "draft": draft,
        "sources": [_source(s, loc) for s in report.sources],
        "claims": claims,
        "summary": summary,
    }


def _source(info: SourceInfo, loc: Locator) -> dict[str, Any]:
    """A source as in REPORT-JSON.md, with ``snapshot``: the file its text was read from (the
    story's snapshot of a URL), when that is not ``path``."""
    obj = source_object(info)
    doc = loc.document(info.id)
    if doc is not None and doc.origin and doc.origin != info.origin:
        obj["snapshot"] = doc.origin
    return obj


def render(report: Report, *, show_decided: bool = False, decisions: Decisions | None = None) -> str:
    return dumps(report_object(report, show_decided=show_decided, decisions=decisions), indent=2) + "\n"


def many_object(checked: Sequence[Checked], *, show_decided: bool = False) -> dict[str, Any]:
    """Several drafts checked in one run: ``reports`` holds one report object (as above) per
    draft, in the order given; ``summary`` adds their summaries up."""
    reports = [report_object(c.report, show_decided=show_decided, decisions=c.decisions)
               for c in checked]
    total: dict[str, Any] = {}
    for r in reports:
        for k, v in r["summary"].items():
            if isinstance(v, dict):
                sub = total.setdefault(k, {})
                for kk, vv in v.items():
                    sub[kk] = sub.get(kk, 0) + vv
            else:
                total[k] = total.get(k, 0) + v
    return {"tool": {"name": "factcheck", "version": __version__}, "reports": reports,
            "summary": total}
