"""The pipeline: extract claims from the draft and each source, align them, compare values."""

from __future__ import annotations

from collections.abc import Sequence

from .models import CheckedClaim, Document, Finding, Report, SourceInfo


def check(
    draft: Document,
    sources: Sequence[Document],
    *,
    infos: Sequence[SourceInfo] | None = None,
    title: str | None = None,
) -> Report:
    """Cross-check ``draft`` against ``sources``.

    ``infos`` lists every source in command-line order, including those that failed to load
    (with ``error`` set); by default it is derived from ``sources``.
    """
    from .align import align_document
    from .extract import extract_claims
    from .scoring import side

    if infos is None:
        infos = [SourceInfo(id=d.id, origin=d.origin, lang=d.lang, title=d.title) for d in sources]
    draft_claims = extract_claims(draft)
    per_claim: dict[str, list[Finding]] = {c.id: [] for c in draft_claims}
    sides = [side(c) for c in draft_claims]  # read once, scored against every source
    for doc in sources:
        source_claims = extract_claims(doc, weak=True)  # "a child was hospitalized" supports a one
        for claim_id, finding in align_document(draft_claims, doc, source_claims, draft_sides=sides).items():
            per_claim[claim_id].append(finding)
    for claim_id, finding in align_document(draft_claims, draft, draft_claims, itself=True).items():
        per_claim[claim_id].append(finding)
    checked = tuple(CheckedClaim(claim=c, findings=tuple(per_claim[c.id])) for c in draft_claims)
    return Report(
        draft=draft,
        sources=tuple(infos),
        documents={d.id: d for d in sources},
        claims=checked,
        title=title,
    )


def clear_caches() -> None:
    """Forget what was memoised about the texts read so far (sentence concepts, names,
    normalised amounts, pair terms), so that the next check reads everything afresh, as a
    command-line run does. Lexicons and per-word lookups stay loaded. The benchmarks call it
    before each timed check; a long-running program may call it to give memory back."""
    from . import compare, scoring, signals
    from .extract import context

    for module in (signals, compare, scoring, context):
        module.clear_caches()
