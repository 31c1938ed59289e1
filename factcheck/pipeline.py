"""The pipeline: extract claims from the draft and each source, align them, compare values."""

from __future__ import annotations

from collections.abc import Container, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .models import CheckedClaim, Claim, Document, Finding, Report, SourceInfo

if TYPE_CHECKING:
    from .align import DraftRead
    from .cache import ClaimCache, Entry
    from .evidence import Templates

AUTO: Literal["auto"] = "auto"


def check(
    draft: Document,
    sources: Sequence[Document],
    *,
    infos: Sequence[SourceInfo] | None = None,
    title: str | None = None,
    cache: ClaimCache | Literal["auto"] | None = AUTO,
    reasons: Templates | None = None,
) -> Report:
    """Cross-check ``draft`` against ``sources``.

    ``infos`` lists every source in command-line order, including those that failed to load
    (with ``error`` set); by default it is derived from ``sources``.

    ``cache``: where claims already extracted are kept (:mod:`factcheck.cache`). By default
    (``"auto"``) the documents of a story folder, its snapshots and its draft, use the
    story's ``.cache/``, and other documents none; None: no cache. The report is the same
    with or without it. The environment variable ``FACTCHECK_NO_CACHE=1`` turns it off. A
    check with a source that could not be read (an ``infos`` error: the run exits 2) reads
    the cache but writes nothing.

    ``reasons``: the phrase templates findings explain themselves with (by default
    ``lexicon/reasons.toml``); they change the wording of ``why``, never a verdict.

    What the check works out about the texts it reads is kept in the memos of its run
    (:mod:`factcheck.runcache`): the thread's own, or a fresh one for a check started
    inside another; checks may run in several threads at once.
    """
    from .collector import paused
    from .extract.tokens import drop_handed
    from .runcache import run

    with run(), paused():  # the cyclic collector: see factcheck.collector
        try:
            return _check(draft, sources, infos=infos, title=title, cache=cache, reasons=reasons)
        finally:
            drop_handed()  # the sentence tokens extraction handed alignment


def _check(
    draft: Document,
    sources: Sequence[Document],
    *,
    infos: Sequence[SourceInfo] | None,
    title: str | None,
    cache: ClaimCache | Literal["auto"] | None,
    reasons: Templates | None,
) -> Report:
    """:func:`check`, in the run it entered. Alignment (and what it imports) loads only when
    some findings are not in the claim cache."""
    if infos is None:
        infos = [SourceInfo(id=d.id, origin=d.origin, lang=d.lang, title=d.title) for d in sources]
    # a run with a source that could not be read writes nothing (it exits 2: bad input)
    claims_of = _Claims(cache, write=not any(i.error for i in infos))
    draft_claims = claims_of(draft, weak=False)
    per_claim: dict[str, list[Finding]] = {c.id: [] for c in draft_claims}
    read: DraftRead | None = None  # read once, scored against every source
    for doc in sources:
        # the findings a run of this build gave for this draft and these claims of the source
        found = claims_of.findings(draft, doc, per_claim) if reasons is None else None
        if found is None:
            from .align import DraftRead, align_document

            source_claims = claims_of(doc, weak=True)  # "a child was hospitalized" supports a one
            if read is None:
                read = DraftRead(draft_claims)
            found = align_document(
                draft_claims, doc, source_claims, draft=read, reasons=reasons, draft_date=draft.date
            )
            if reasons is None:
                claims_of.found(draft, doc, found)
        for claim_id, finding in found.items():
            per_claim[claim_id].append(finding)
    found = claims_of.findings(draft, draft, per_claim, itself=True) if reasons is None else None
    if found is None:
        from .align import align_document

        found = align_document(draft_claims, draft, draft_claims, itself=True, reasons=reasons)
        if reasons is None:
            claims_of.found(draft, draft, found, itself=True)
    for claim_id, finding in found.items():
        per_claim[claim_id].append(finding)
    claims_of.write_pending()  # with the features alignment read of them
    checked = tuple(CheckedClaim(claim=c, findings=tuple(per_claim[c.id])) for c in draft_claims)
    return Report(
        draft=draft,
        sources=tuple(infos),
        documents={d.id: d for d in sources},
        claims=checked,
        title=title,
    )


def _extract(doc: Document, weak: bool) -> list[Claim]:
    """``extract_claims(doc, weak=weak)``: the rules load when a text is read, never for a
    check whose claims all come from the claim cache."""
    from .extract import extract_claims

    return extract_claims(doc, weak=weak)


class _Claims:
    """Extraction through the claim cache, when there is one for a document, and the findings
    of a source kept there for the same draft and the same claims of the source."""

    def __init__(self, cache: ClaimCache | Literal["auto"] | None, *, write: bool = True) -> None:
        from .cache import disabled

        self.cache = None if disabled() else cache
        self.write = write
        self.stories: dict[Path, ClaimCache] = {}
        # entries to write once the check has aligned them: an entry keeps the features
        # alignment read of its claims (:mod:`factcheck.cache`), so it is written last
        self.pending: list[tuple[ClaimCache, Document, list[Claim], bool]] = []
        # the claims entries of sources checked by findings(), by id() of the document (which
        # the caller keeps): read once, for the findings and then for the claims if need be
        self.entries: dict[int, tuple[Document, ClaimCache, Entry | None]] = {}
        # the entry of the draft's claims, read or written in this check (by id() of the document)
        self.drafts: dict[int, tuple[Document, ClaimCache, Entry]] = {}
        self.pending_found: list[tuple[ClaimCache, Document, Document, dict[str, Finding], bool]] = []

    def _cache_for(self, doc: Document) -> ClaimCache | None:
        if self.cache != AUTO:
            return self.cache  # type: ignore[return-value]
        from .cache import for_story, story_of

        root = story_of(doc)
        if root is None:
            return None
        got = self.stories.get(root)
        if got is None:
            got = self.stories[root] = for_story(root)
        return got

    def __call__(self, doc: Document, *, weak: bool) -> list[Claim]:
        cache = self._cache_for(doc) if self.cache is not None else None
        if cache is None:
            return _extract(doc, weak)
        known = self.entries.get(id(doc))
        if known is not None and known[0] is doc and weak:  # its entry was read by findings()
            entry = known[2]
            got = None if entry is None else cache.claims(entry, doc)
        else:
            entry = cache.entry(doc, weak=weak)
            got = None if entry is None else cache.claims(entry, doc)
            if entry is not None and got is not None and not weak:  # the draft's: keys its findings against itself
                self.drafts[id(doc)] = (doc, cache, entry)
        if got is None:
            got = _extract(doc, weak)
            if self.write:
                self.pending.append((cache, doc, got, weak))
        return got

    def findings(
        self, draft: Document, doc: Document, ids: Container[str], *, itself: bool = False
    ) -> dict[str, Finding] | None:
        """The findings of source ``doc`` kept in its cache for this draft and the claims its
        entry holds, or None (no cache, no entry, or none for them). ``itself``: those of the
        draft against itself (``doc`` is the draft, whose claims this check read already)."""
        if itself:
            known = self.drafts.get(id(doc))
            if known is None or known[0] is not doc:
                return None  # its claims were not read from the cache
            return known[1].findings(draft, doc, known[2], ids, itself=True)
        cache = self._cache_for(doc) if self.cache is not None else None
        if cache is None:
            return None
        entry = cache.entry(doc, weak=True)
        self.entries[id(doc)] = (doc, cache, entry)
        return None if entry is None else cache.findings(draft, doc, entry, ids)

    def found(self, draft: Document, doc: Document, found: dict[str, Finding], *, itself: bool = False) -> None:
        """Keep the findings of ``doc`` aligned in this check, to be written with its claims."""
        if not self.write:
            return
        if itself:
            cache = self._cache_for(doc) if self.cache is not None else None
            if cache is not None:
                self.pending_found.append((cache, draft, doc, found, True))
        elif id(doc) in self.entries and self.entries[id(doc)][0] is doc:
            self.pending_found.append((self.entries[id(doc)][1], draft, doc, found, False))

    def write_pending(self) -> None:
        """Write the entries of the documents extracted in this check, then the findings of
        the sources aligned in it (keyed by the entry of their claims)."""
        digests: dict[tuple[int, bool], str | None] = {}  # by id() of the document and weak
        for cache, doc, claims, weak in self.pending:
            digests[id(doc), weak] = cache.put(doc, claims, weak=weak)
        self.pending.clear()
        for cache, draft, doc, found, itself in self.pending_found:
            weak = not itself  # a source's findings are of its weak claims, the draft's of its own
            if (id(doc), weak) in digests:
                digest = digests[id(doc), weak]  # extracted in this check (None: not written)
            elif itself:
                known = self.drafts.get(id(doc))
                digest = known[2].digest if known is not None and known[0] is doc else None
            else:
                entry = self.entries[id(doc)][2]
                digest = None if entry is None else entry.digest
            if digest is not None:
                cache.put_findings(draft, doc, digest, found, itself=itself)
        self.pending_found.clear()


def clear_caches() -> None:
    """Forget what was memoised about the texts read so far (sentence concepts, names,
    normalised amounts, pair terms), so that the next check reads everything afresh, as a
    command-line run does: the memos of the registry in use (this thread's, or those of the
    check running, :mod:`factcheck.runcache`). Lexicons and per-word lookups stay loaded.
    The benchmarks call it before each timed check; a long-running program may call it to
    give memory back."""
    from .runcache import current

    current().clear()
