"""The review state behind the screens: claim states, tallies, decisions and undo.

Pure Python (no Textual), so it is easy to test. The decisions ledger is the truth for
what has been decided; a change that could not be saved is kept here in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from ..decisions import Decision, Ledger, claim_keys, current_user, new_decision, report_keys
from ..errors import LedgerError
from ..models import Claim, Document, Finding, Report, SourceInfo
from ..report.common import draft_date, source_dates
from .excerpt import DocIndex

ClaimState = Literal["conflict", "unclear", "decided", "agrees", "no-source"]
STATE_ORDER: tuple[ClaimState, ...] = ("conflict", "unclear", "decided", "agrees", "no-source")
STATE_LABELS: dict[ClaimState, tuple[str, str]] = {  # (one, many)
    "conflict": ("conflict", "conflicts"),
    "unclear": ("unclear", "unclear"),
    "decided": ("decided", "decided"),
    "agrees": ("agrees", "agree"),
    "no-source": ("no source", "no source"),
}
STATE_WORDS: dict[str, ClaimState] = {
    "conflict": "conflict", "conflicts": "conflict", "unclear": "unclear",
    "decided": "decided", "agree": "agrees", "agrees": "agrees", "no-source": "no-source",
}
DISCREPANT = ("conflicts", "unclear")
STATUS_KEYS = {"c": "confirmed", "f": "draft-fixed", "s": "source-wrong", "i": "ignored"}
TALLY_SYMBOLS = (("agrees", "✓"), ("conflicts", "✗"), ("unclear", "?"), ("absent", "·"))


@dataclass(frozen=True)
class EvidenceRow:
    """One source as seen from one claim: its finding (if any) and its load state."""

    source: str
    finding: Finding | None
    info: SourceInfo | None

    @property
    def error(self) -> str | None:
        return self.info.error if self.info is not None else None


@dataclass(frozen=True)
class Change:
    """What a decision changed, for undo: the key and the decision it replaced."""

    key: str
    before: Decision | None
    after: Decision | None
    claim: int


class Review:
    def __init__(
        self,
        report: Report,
        ledger: Ledger,
        *,
        who: str | None = None,
        clock: Callable[[], str] | None = None,
    ) -> None:
        self.report = report
        self.ledger = ledger
        ledger.adopt(report)  # decisions of an old file find their claims
        self.who = who or current_user()
        self.clock = clock
        self.claims: tuple[Claim, ...] = tuple(c.claim for c in report.claims)
        self.findings: tuple[tuple[Finding, ...], ...] = tuple(c.findings for c in report.claims)
        self.infos: dict[str, SourceInfo] = {s.id: s for s in report.sources}
        self._keys: dict[tuple[str, str], str] | None = None  # built when first needed
        self._pending: dict[str, Decision | None] = {}  # not yet saved
        self._any = bool(ledger.all())  # has anything been decided at all?
        self._undo: list[list[Change]] = []  # each entry: what one key press changed
        self._redo: list[list[Change]] = []
        self.saves = 0  # changes written to the ledger so far (the status bar says "saved")
        self._docs: dict[str, DocIndex] = {}
        self._hay: dict[int, str] = {}
        self._states: dict[int, ClaimState] = {}
        self.dates: dict[str, str] = source_dates(report)  # source id -> YYYY-MM-DD, when known
        self.draft_date: str | None = draft_date(report)

    # -- documents -------------------------------------------------------------------
    @property
    def persistent(self) -> bool:
        return bool(getattr(self.ledger, "persistent", False))

    def document(self, source: str) -> Document | None:
        if source in self.report.documents:
            return self.report.documents[source]
        if source == self.report.draft.id:
            return self.report.draft
        return None

    def doc_index(self, source: str) -> DocIndex | None:
        if source not in self._docs:
            doc = self.document(source)
            if doc is None:
                return None
            self._docs[source] = DocIndex(doc)
        return self._docs[source]

    @property
    def failed_sources(self) -> list[SourceInfo]:
        return [s for s in self.report.sources if s.error]

    # -- decisions -------------------------------------------------------------------
    def key(self, index: int, source: str) -> str:
        """The ledger key of (claim, source), as ``apply_decisions`` computes it."""
        if self._keys is None:
            self._keys = report_keys(self.report)
        claim_id = self.claims[index].id
        k = self._keys.get((claim_id, source))
        if k is None:  # a source without a finding for this claim
            for cid, key in claim_keys(self.claims, source).items():
                self._keys.setdefault((cid, source), key)
            k = self._keys[(claim_id, source)]
        return k

    def decision(self, index: int, source: str) -> Decision | None:
        if not self._any:
            return None  # nothing decided yet: no need to compute keys
        k = self.key(index, source)
        if k in self._pending:
            return self._pending[k]
        return self.ledger.get(k)

    def is_decided(self, index: int, finding: Finding) -> bool:
        return self.decision(index, finding.source) is not None

    @property
    def unsaved(self) -> int:
        return len(self._pending)

    def decide(self, index: int, source: str, status: str, *, note: str | None = None) -> Change:
        """Record ``status`` for (claim, source). Raises LedgerError when it cannot be saved
        (the decision is kept in memory all the same)."""
        before = self.decision(index, source)
        keep = before.note if before is not None else ""
        after = new_decision(
            self.claims[index], source, self.key(index, source), status,
            keep if note is None else note, who=self.who,
            when=self.clock() if self.clock is not None else None,
        )
        return self._apply(Change(key=after.key, before=before, after=after, claim=index))

    def set_note(self, index: int, source: str, note: str) -> Change:
        before = self.decision(index, source)
        if before is None:
            raise ValueError("no decision to annotate")
        return self.decide(index, source, before.status, note=note)

    def decide_source(self, source: str, status: str) -> list[Change]:
        """Record ``status`` for every undecided conflict or unclear finding of ``source``,
        as one change (one undo). Raises LedgerError as :meth:`decide` does."""
        todo = [i for i, findings in enumerate(self.findings)
                for f in findings
                if f.source == source and f.verdict in DISCREPANT and not self.is_decided(i, f)]
        changes: list[Change] = []
        error: LedgerError | None = None
        for i in todo:
            after = new_decision(
                self.claims[i], source, self.key(i, source), status, "", who=self.who,
                when=self.clock() if self.clock is not None else None,
            )
            change = Change(key=after.key, before=None, after=after, claim=i)
            changes.append(change)
            try:
                self._write(change.key, change.after)
            except LedgerError as exc:
                error = exc
        if changes:
            self._undo.append(changes)
            self._redo.clear()
        if error is not None:
            raise error
        return changes

    def undo(self) -> Change | None:
        """Revert the last change (a decision, a note, or all of one source's decisions);
        None when there is nothing to undo. Returns the first change reverted."""
        if not self._undo:
            return None
        group = self._undo.pop()
        self._redo.append(group)
        backs = [Change(key=c.key, before=c.after, after=c.before, claim=c.claim)
                 for c in reversed(group)]
        self._write_all(backs)
        return backs[-1]

    def redo(self) -> Change | None:
        """Make again the change last undone; None when there is nothing to redo."""
        if not self._redo:
            return None
        group = self._redo.pop()
        self._undo.append(group)
        self._write_all(group)
        return group[0]

    def _write_all(self, changes: list[Change]) -> None:
        error: LedgerError | None = None
        for c in changes:
            try:
                self._write(c.key, c.after)
            except LedgerError as exc:
                error = exc
        if error is not None:
            raise error

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def _apply(self, change: Change) -> Change:
        self._undo.append([change])
        self._redo.clear()
        self._write(change.key, change.after)
        return change

    def _write(self, key: str, decision: Decision | None) -> None:
        self._pending[key] = decision
        self._any = True
        self._hay.clear()
        self._states.clear()
        error: LedgerError | None = None
        for k, d in list(self._pending.items()):  # retry earlier failures too
            try:
                if d is not None:
                    self.ledger.record(d)
                elif self.ledger.get(k) is not None:
                    self.ledger.remove(k)
            except LedgerError as exc:
                error = exc
                if k == key:
                    break
            else:
                del self._pending[k]
                self.saves += 1
        if error is not None:
            raise error

    # -- claims ----------------------------------------------------------------------
    def state(self, index: int) -> ClaimState:
        cached = self._states.get(index)
        if cached is None:
            cached = self._states[index] = self._compute_state(index)
        return cached

    def _compute_state(self, index: int) -> ClaimState:
        findings = self.findings[index]
        open_verdicts = {f.verdict for f in findings if not self.is_decided(index, f)}
        if "conflicts" in open_verdicts:
            return "conflict"
        if "unclear" in open_verdicts:
            return "unclear"
        if any(f.verdict in DISCREPANT for f in findings):
            return "decided"
        if any(f.verdict == "agrees" for f in findings):
            return "agrees"
        return "no-source"

    def states(self) -> list[ClaimState]:
        return [self.state(i) for i in range(len(self.claims))]

    def counts(self) -> dict[ClaimState, int]:
        c = Counter(self.states())
        return {s: c.get(s, 0) for s in STATE_ORDER}

    def tally(self, index: int) -> dict[str, int]:
        c: Counter[str] = Counter(f.verdict for f in self.findings[index])
        return {v: c.get(v, 0) for v, _ in TALLY_SYMBOLS}

    def decision_summary(self, index: int) -> str:
        """The decisions taken on a claim, e.g. 'confirmed' or 'confirmed +1'."""
        statuses = [
            d.status for f in self.findings[index]
            if (d := self.decision(index, f.source)) is not None
        ]
        if not statuses:
            return ""
        return statuses[0] + (f" +{len(statuses) - 1}" if len(statuses) > 1 else "")

    def evidence(self, index: int) -> list[EvidenceRow]:
        """Every source, in report order, with its finding for claim ``index``; then any
        finding whose source is not listed (e.g. the draft checked against itself).

        Ordered by :meth:`_evidence_rank` (conflicts first...), sources of one rank by report
        date (earliest first, undated last); a figure that grows as news comes in (a toll:
        :meth:`by_date`) is listed as a timeline instead: the sources that give a figure by
        report date, then the others by rank. Without dates the order is the ranks'."""
        by_source = {f.source: f for f in self.findings[index]}
        rows = [EvidenceRow(s.id, by_source.pop(s.id, None), s) for s in self.report.sources]
        rows.extend(EvidenceRow(src, f, None) for src, f in by_source.items())
        def key(row: EvidenceRow) -> tuple[int, int, bool, str, int]:
            rank = self._evidence_rank(index, row)
            day = self.date_of(row.source)
            undated = day is None
            day = day or ""
            if timeline and (rank < 4 or rank == 5):  # a figure given: a discrepancy or agreement
                return 0, 0, undated, day, rank
            return 1 if timeline else 0, rank, undated, day, 0

        timeline = self.by_date(index)
        return sorted(rows, key=key)  # stable: report order

    def date_of(self, source: str) -> str | None:
        """The report date (YYYY-MM-DD) of a source, or of the draft (its own mentions)."""
        if source in self.dates:
            return self.dates[source]
        return self.draft_date if source == self.report.draft.id else None

    @property
    def dated(self) -> bool:
        """Does any document of the report have a report date?"""
        return bool(self.dates) or self.draft_date is not None

    def by_date(self, index: int) -> bool:
        """Are claim ``index``'s sources listed by report date: a figure that can change as
        news comes in (an action with ``changes = true`` in the concepts lexicon), with at
        least one dated source?"""
        if not self.dates:
            return False
        from ..extract.lexicon import concepts

        claim = self.claims[index]
        return bool(set(claim.actions) & concepts(claim.lang).changing)

    def _evidence_rank(self, index: int, row: EvidenceRow) -> int:
        """Conflicts first, then unclear, then sources that could not be read, agreements,
        and sources that do not state the fact; a decided discrepancy after the open ones."""
        f = row.finding
        if row.error:
            return 4
        if f is None:
            return 6
        rank = {"conflicts": 0, "unclear": 2, "agrees": 5, "absent": 6}.get(f.verdict, 6)
        if rank < 4 and self.is_decided(index, f):
            rank += 1
        return rank

    def target(self, index: int, source: str | None) -> Finding | None:
        """The finding a decision applies to: that of ``source`` when given, else the first
        undecided discrepancy of the claim."""
        findings = self.findings[index]
        if source is not None:
            return next((f for f in findings if f.source == source), None)
        return next(
            (f for f in findings if f.verdict in DISCREPANT and not self.is_decided(index, f)),
            None,
        )

    def next_discrepancy(self, start: int | None, step: int, among: list[int]) -> int | None:
        """The next (step=1) or previous (step=-1) claim in ``among`` with an undecided
        discrepancy, wrapping around."""
        if not among:
            return None
        pos = among.index(start) if start in among else (-1 if step > 0 else len(among))
        n = len(among)
        for k in range(1, n + 1):
            i = among[(pos + step * k) % n]
            if self.state(i) in ("conflict", "unclear"):
                return i
        return None

    # -- filter ----------------------------------------------------------------------
    def haystack(self, index: int) -> str:
        hay = self._hay.get(index)
        if hay is None:
            c = self.claims[index]
            parts = [c.text, c.kind, c.display_value, c.subject or "", c.predicate or "",
                     c.role or "", STATE_LABELS[self.state(index)][0],
                     self.decision_summary(index)]
            parts.extend(f"{f.source}:{f.verdict}" for f in self.findings[index])
            parts.extend(self._source_text(f) for f in self.findings[index])
            hay = self._hay[index] = " ".join(parts).casefold()
        return hay

    def _source_text(self, f: Finding) -> str:
        """What the source says of the claim: its quote and the sentence around it."""
        doc = self.document(f.source)
        if doc is None or f.span is None:
            return f.text or ""
        text = doc.text
        start = max(text.rfind(".", 0, f.span.start), text.rfind("\n", 0, f.span.start)) + 1
        ends = [e for e in (text.find(".", f.span.end), text.find("\n", f.span.end)) if e >= 0]
        return text[start:min(ends) if ends else len(text)]

    def matches(self, index: int, query: str) -> bool:
        """Every word of ``query`` matches: a state word (conflict, unclear, decided,
        agrees, no-source) the claim's state, any other word its text, kind, value,
        subject, decision, a ``source:verdict`` pair, or what a source says of it (its
        sentence)."""
        hay = self.haystack(index)
        for term in query.casefold().split():
            state = STATE_WORDS.get(term)
            if state is not None:
                if self.state(index) != state:
                    return False
            elif term not in hay:
                return False
        return True

    def filtered(self, query: str) -> list[int]:
        return [i for i in range(len(self.claims)) if not query or self.matches(i, query)]

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self.claims)))
