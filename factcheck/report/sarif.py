"""SARIF 2.1.0 for code-scanning dashboards: one run, one result per finding.

Rules: FC001 ``conflict`` (a source gives another value), FC002 ``unclear`` (a weak match
that may be a conflict) and FC003 ``self-conflict`` (two mentions in the draft disagree).
Columns count Unicode code points (``columnKind``); regions are 1-based with an exclusive
end column. Human-readable strings are made inert; the JSON is written without raw control
or bidi characters. Decided findings appear only with --show-decided, as suppressed results.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .._version import __version__
from ..models import Report, Span
from .common import Decisions, Item, Locator, claim_value, decision_text, is_url, items, message, source_errors
from .controls import INLINE
from .safe import dumps, inert, one_line

if TYPE_CHECKING:
    from . import Checked

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

RULES: dict[str, dict[str, Any]] = {
    "conflict": {
        "id": "FC001",
        "name": "conflict",
        "short": "A source reports another value for a claim of the draft.",
        "full": "A figure, date or name in the draft differs from what another report of the "
                "same event says about the same fact.",
        "help": "Check the figure against the source quoted in the related location; correct "
                "the draft, or record an editorial decision if the difference is understood.",
        "level": "error",
    },
    "unclear": {
        "id": "FC002",
        "name": "unclear",
        "short": "A source may disagree with a claim, but the match is weak.",
        "full": "A source mentions something close to the claim with another value, but the "
                "alignment is uncertain (different wording, scope or time).",
        "help": "Read the related source passage and decide whether it is about the same fact.",
        "level": "warning",
    },
    "self-conflict": {
        "id": "FC003",
        "name": "self-conflict",
        "short": "The draft gives two different values for the same fact.",
        "full": "Two mentions inside the draft disagree about the same figure, date or name.",
        "help": "Make both mentions agree, or reword them so that they are clearly about "
                "different things.",
        "level": "error",
    },
}
_ORDER = list(RULES)


def _rule(name: str) -> dict[str, Any]:
    r = RULES[name]
    return {
        "id": r["id"],
        "name": r["name"],
        "shortDescription": {"text": r["short"]},
        "fullDescription": {"text": r["full"]},
        "help": {"text": r["help"], "markdown": r["help"]},
        "defaultConfiguration": {"level": r["level"]},
        "properties": {"tags": ["fact-check", r["name"]]},
    }


def uri(origin: str) -> str:
    """A URI reference for a path as given (kept relative) or a URL (kept as is)."""
    if is_url(origin):
        return quote(origin, safe=":/?#[]@!$&'()*+,;=%-._~")
    path = origin.replace("\\", "/")
    encoded = quote(path, safe="/!$&'()*+,;=@-._~")
    if path.startswith("/"):
        return "file://" + encoded
    if len(path) > 2 and path[1] == ":" and path[0].isalpha():  # C:/...
        return "file:///" + path[:2] + quote(path[2:], safe="/!$&'()*+,;=@-._~")
    return encoded


def _location(loc: Locator, doc_id: str, span: Span | None, snippet: str | None) -> dict[str, Any]:
    origin = loc.path(doc_id)
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(origin)}}
    region = loc.region(doc_id, span) if span is not None and not is_url(origin) else None
    if region:
        reg: dict[str, Any] = {
            "startLine": region[0], "startColumn": region[1],
            "endLine": region[2], "endColumn": region[3],
        }
        if snippet:
            reg["snippet"] = {"text": one_line(snippet, 400)}
        physical["region"] = reg
    return {"physicalLocation": physical}


def fingerprint(item: Item, occurrence: int) -> str:
    c = item.claim
    key = "\x1f".join(
        str(part) for part in (
            item.severity, c.kind, c.value, c.unit, c.subject, c.predicate, c.role,
            item.finding.source, occurrence,
        )
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _result(item: Item, loc: Locator, draft_id: str, occurrence: int) -> dict[str, Any]:
    rule = RULES[item.severity]
    f = item.finding
    related = _location(loc, f.source, f.span, f.text)
    related["id"] = 1
    quote_text = one_line(f.text, 200) if f.text else "(no quote)"
    related["message"] = {"text": f"{inert(f.source)}: {quote_text}"}
    result: dict[str, Any] = {
        "ruleId": rule["id"],
        "ruleIndex": _ORDER.index(item.severity),
        "level": rule["level"],
        "message": {"text": message(item, loc)},
        "locations": [_location(loc, draft_id, item.claim.span, item.claim.text)],
        "relatedLocations": [related],
        "partialFingerprints": {"factcheckFinding/v1": fingerprint(item, occurrence)},
        "properties": {
            "claim": inert(item.claim.id),
            "kind": item.claim.kind,
            "draftValue": one_line(claim_value(item.claim)),
            "source": inert(f.source),
            "verdict": f.verdict,
            "score": f.score,
        },
    }
    if item.decided:
        result["suppressions"] = [suppression(item)]
    return result


def suppression(item: Item) -> dict[str, Any]:
    """A decided finding's suppression: ``inSource`` for a comment in the draft, else
    ``external`` (the decisions file, the configuration), with the decision's note."""
    f = item.finding
    text = decision_text(f.decision or "", item.detail)
    out: dict[str, Any] = {
        "kind": "inSource" if f.decision == INLINE else "external",
        "status": "accepted",
        "justification": text if item.ignored else f"editorial {text}",
    }
    detail = item.detail
    if detail is not None:
        out["properties"] = {
            k: inert(str(getattr(detail, k, "") or ""))
            for k in ("status", "note", "who", "when")
        }
    return out


def sarif_object(report: Report, *, show_decided: bool = False,
                 decisions: Decisions | None = None) -> dict[str, Any]:
    loc = Locator(report)
    draft_id = report.draft.id
    seen: Counter[str] = Counter()
    results = []
    for item in items(report, show_decided=show_decided, decisions=decisions):
        base = fingerprint(item, 0)
        seen[base] += 1
        results.append(_result(item, loc, draft_id, seen[base] - 1))
    errors = source_errors(report)
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error",
             "message": {"text": f"source {inert(sid)} ({inert(origin)}): {one_line(err)}"}}
            for sid, origin, err in errors
        ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(name) for name in _ORDER],
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": results,
            "properties": {
                "languages": {"draft": report.draft.lang, **{inert(s.id): s.lang for s in report.sources}},
            },
        }],
    }


def merged_object(checked: Sequence[Checked], *, show_decided: bool = False) -> dict[str, Any]:
    """Several drafts checked in one run, as one SARIF run (code scanning takes one run per
    tool and category): every draft's results, every unreadable source's notification."""
    logs = [sarif_object(c.report, show_decided=show_decided, decisions=c.decisions)
            for c in checked]
    first = logs[0]
    run = first["runs"][0]
    notes: list[Any] = []
    languages: dict[str, Any] = {}
    results: list[Any] = []
    for c, log in zip(checked, logs, strict=True):
        r = log["runs"][0]
        results.extend(r["results"])
        notes.extend(r["invocations"][0].get("toolExecutionNotifications", []))
        languages[inert(c.report.draft.origin or c.report.draft.id)] = r["properties"]["languages"]
    invocation: dict[str, Any] = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    run.update(invocations=[invocation], results=results, properties={"languages": languages})
    return first


def render(report: Report, *, show_decided: bool = False, decisions: Decisions | None = None) -> str:
    return dumps(sarif_object(report, show_decided=show_decided, decisions=decisions), indent=2) + "\n"
