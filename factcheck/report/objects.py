"""Plain-data views of claims and findings, shared by the JSON, JSONL and SARIF output."""

from __future__ import annotations

import math
from typing import Any

from ..models import Claim, Document, Finding, SourceInfo


def claim_object(claim: Claim) -> dict[str, Any]:
    """A claim as in REPORT-JSON.md (``span`` is ``[start, end)`` in code points)."""
    return {
        "id": claim.id,
        "kind": claim.kind,
        "span": claim.span.as_list(),
        "text": claim.text,
        "value": claim.value,
        "unit": claim.unit,
        "hedge": claim.hedge,
        "subject": claim.subject,
        "predicate": claim.predicate,
        "role": claim.role,
        "concepts": list(claim.concepts),
        "actions": list(claim.actions),
        "quoted": claim.quoted,
        "sentence": claim.sentence.as_list(),
        "lang": claim.lang,
    }


def finding_object(finding: Finding) -> dict[str, Any]:
    score = finding.score if math.isfinite(finding.score) else 0.0
    return {
        "source": finding.source,
        "verdict": finding.verdict,
        "span": finding.span.as_list() if finding.span is not None else None,
        "text": finding.text,
        "value": finding.value,
        "unit": finding.unit,
        "why": finding.why,
        "score": round(score, 4),
        "decision": finding.decision,
        "source_claim": finding.source_claim,
    }


def source_object(info: SourceInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "path": info.origin,
        "lang": info.lang,
        "title": info.title,
        "error": info.error,
    }


def document_object(doc: Document) -> dict[str, Any]:
    return {"path": doc.origin, "lang": doc.lang}
