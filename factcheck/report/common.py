"""What the report formats share: which findings are shown, how a claim and a value are
named, where a span is (path, line, column), and the summary counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Claim, Document, Finding, JsonValue, Report, Span
from ..readable import readable_date
from ..text import LineIndex, parse_day
from .controls import AUTOMATIC, INLINE, SKIPPED, ignored_counts
from .positions import FileMap, file_map
from .safe import inert, one_line

SHOWN = ("conflicts", "unclear")  # verdicts that become diagnostics

_HEDGE_WORDS = {
    "about": "about", "over": "over", "under": "under", "at_least": "at least",
    "at_most": "at most", "nearly": "nearly", "vague": "~",
}
_PERCENT_UNITS = {"%", "percent", "pc", "pour cent", "pourcent"}


Decisions = Mapping[tuple[str, str], Any]  # (claim id, source id) -> a decisions.Decision


@dataclass(frozen=True)
class Item:
    """One finding to report, with its claim (and the decision taken on it, when known)."""

    claim: Claim
    finding: Finding
    internal: bool  # the "source" is the draft itself: two mentions disagree
    detail: Any = None  # the decisions.Decision behind ``finding.decision``, if known

    @property
    def ignored(self) -> bool:
        """Ignored by a comment in the draft or a kind the configuration skips."""
        return self.finding.decision in AUTOMATIC

    @property
    def decided(self) -> bool:
        return bool(self.finding.decision)

    @property
    def severity(self) -> str:
        """``conflict``, ``unclear`` or ``self-conflict`` (also the SARIF rule name)."""
        if self.finding.verdict == "unclear":
            return "unclear"
        return "self-conflict" if self.internal else "conflict"


def items(report: Report, *, show_decided: bool = False,
          decisions: Decisions | None = None, order: Sequence[str] | None = None) -> list[Item]:
    """Conflicting and unclear findings in draft order (then source order), without the
    decided (or ignored) ones unless ``show_decided``.

    ``order``: the source ids in the order a claim's findings are listed (default: the
    report's; the event sheet passes them by report date)."""
    ids = [s.id for s in report.sources] if order is None else order
    rank = {sid: i for i, sid in enumerate(ids)}
    keyed: list[tuple[tuple[int, int, int, int, int], Item]] = []
    for ci, checked in enumerate(report.claims):
        claim = checked.claim
        for fi, f in enumerate(checked.findings):
            if f.verdict not in SHOWN or (f.decision and not show_decided):
                continue
            internal = f.source == report.draft.id
            src_rank = len(rank) if internal else rank.get(f.source, len(rank) + 1)
            key = (claim.span.start, claim.span.end, ci, src_rank, fi)
            detail = decisions.get((claim.id, f.source)) if decisions and f.decision else None
            keyed.append((key, Item(claim, f, internal, detail)))
    keyed.sort(key=lambda kv: kv[0])
    return [item for _, item in keyed]


def source_dates(report: Report) -> dict[str, str]:
    """The report date (``YYYY-MM-DD``) of each source that has one, by source id; a date
    that is no calendar day counts as unknown."""
    out: dict[str, str] = {}
    for sid, doc in report.documents.items():
        day = parse_day(doc.date)
        if day:
            out[sid] = day
    return out


def draft_date(report: Report) -> str | None:
    """The draft's report date (``YYYY-MM-DD``), if known."""
    return parse_day(report.draft.date)


def by_report_date(ids: Iterable[str], dates: Mapping[str, str]) -> list[str]:
    """``ids`` with the dated ones first, earliest first, then the undated; sources of the
    same day, and the undated ones, keep their given order (a stable sort). With no date at
    all the order is unchanged."""
    return sorted(ids, key=lambda sid: (sid not in dates, dates.get(sid, "")))


def decided_count(report: Report) -> int:
    """Discrepancies with an editorial decision (not those ignored by comments or kinds)."""
    return sum(
        1 for c in report.claims for f in c.findings
        if f.verdict in SHOWN and f.decision and f.decision not in AUTOMATIC
    )


def hidden_count(report: Report, *, show_decided: bool = False) -> int:
    """Findings an editorial decision keeps out of the default output.

    ``Report.hidden`` counts the findings hidden by decisions, whether they were kept in
    the report (with ``Finding.decision`` set) or dropped from it; decided findings still in
    the report are counted from the findings when that is more. With ``show_decided`` only
    the dropped ones stay hidden.
    """
    decided = decided_count(report)
    total = max(report.hidden, decided)
    return total - decided if show_decided else total


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def summary_line(report: Report, *, show_decided: bool = False) -> str:
    """``N claims, X conflicts, Y unclear, Z agree across S sources; H decided findings hidden``

    Conflicts and unclear count the undecided findings (those that set the exit code).
    """
    line = (
        f"{plural(len(report.claims), 'claim')}, "
        f"{plural(report.count('conflicts', undecided=True), 'conflict')}, "
        f"{report.count('unclear', undecided=True)} unclear, "
        f"{report.count('agrees')} agree across {plural(len(report.sources), 'source')}"
    )
    hidden = hidden_count(report, show_decided=show_decided)
    if hidden:
        line += f"; {plural(hidden, 'decided finding')} hidden"
    return line + ignored_summary(report)


def total_line(reports: list[Report]) -> str:
    """``all 3 drafts: 2 conflicts, 1 unclear; 1 source not read``: the run's totals."""
    conflicts = sum(r.count("conflicts", undecided=True) for r in reports)
    unclear = sum(r.count("unclear", undecided=True) for r in reports)
    errors = sum(1 for r in reports for s in r.sources if s.error)
    line = (f"all {plural(len(reports), 'draft')}: {plural(conflicts, 'conflict')}, "
            f"{unclear} unclear")
    ignored = sum(sum(ignored_counts(r).values()) for r in reports)
    if ignored:
        line += f", {ignored} ignored"
    if errors:
        line += f"; {plural(errors, 'source')} not read"
    return line


def ignored_summary(report: Report) -> str:
    """``; 2 findings ignored by factcheck comments in the draft; 1 of a skipped kind``."""
    counts = ignored_counts(report)
    out = ""
    if counts[INLINE]:
        out += f"; {plural(counts[INLINE], 'finding')} ignored by factcheck comments in the draft"
    if counts[SKIPPED]:
        out += f"; {plural(counts[SKIPPED], 'finding')} of kinds skipped by the configuration"
    return out


def decision_text(status: str, detail: Any = None) -> str:
    """``decided: source-wrong by Ana, 2024-02-06: "the radio misspelt it"``, or what ignored
    the finding; inert."""
    if status == INLINE:
        return "ignored: a factcheck comment in the draft"
    if status == SKIPPED:
        return "ignored: a kind the configuration skips"
    text = f"decided: {one_line(status)}"
    if detail is not None:
        who, when, note = (getattr(detail, k, "") or "" for k in ("who", "when", "note"))
        if who:
            text += f" by {one_line(who)}"
        if when:
            text += f", {one_line(when)}"
        if note:
            text += f': "{one_line(note)}"'
    return text


def languages(report: Report) -> str:
    """``draft en; sources 4 en, 1 fr``: the language each document was read in."""
    counts: dict[str, int] = {}
    for info in report.sources:
        counts[info.lang] = counts.get(info.lang, 0) + 1
    sources = ", ".join(f"{n} {lang}" for lang, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"draft {report.draft.lang}" + (f"; sources {sources}" if sources else "")


def number(x: float | int) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, int) and abs(x) >= 10000 else str(x)


def value_text(value: JsonValue) -> str:
    """A finding's or claim's value as plain text (not yet inert)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "-".join(number(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float | int):
        return number(value)
    return readable_date(str(value))


def with_unit(text: str, unit: str | None, kind: str | None = None) -> str:
    if not text:
        return text
    if (unit or "").strip().casefold() in _PERCENT_UNITS or (kind == "percent" and not unit):
        return f"{text}%"
    return f"{text} {unit}" if unit else text


def claim_value(claim: Claim) -> str:
    """The draft's figure as stated: hedge, value, unit (``about 300``, ``12%``, ``5 km``)."""
    text = with_unit(value_text(claim.value), claim.unit, claim.kind)
    hedge = _HEDGE_WORDS.get(claim.hedge or "")
    if hedge == "~":
        return f"~{text}"
    return f"{hedge} {text}" if hedge else text


def claim_about(claim: Claim) -> str:
    """Who or what the claim is about: the role of a person, else subject and predicate."""
    if claim.kind == "person":
        return claim.role or ""
    return " ".join(p for p in (claim.subject, claim.predicate) if p)


def claim_label(claim: Claim) -> str:
    """How diagnostics name a claim, e.g. ``6 people remanded in custody`` or
    ``Nicolas Bessone (Marseille prosecutor)``; falls back to the quoted claim text."""
    value = claim_value(claim)
    about = claim_about(claim)
    if claim.kind == "person":
        return f"{value} ({about})" if about else value
    if about:
        return f"{value} {about}"
    quote = " ".join(claim.text.split())
    return value if quote == value else f'{value} ("{quote}")'


def finding_value(claim: Claim, finding: Finding) -> str:
    """A finding's value, with the source's unit when it has a number (the claim's for a
    finding that gives none)."""
    text = value_text(finding.value)
    if claim.kind == "person" or isinstance(finding.value, str):
        return text
    return with_unit(text, finding.unit or claim.unit, claim.kind)


class Locator:
    """Paths and 1-based line/column positions in the draft and the source documents.

    Positions are in the file the user wrote: for a document read from an HTML file, the
    extracted text's offsets are mapped back onto the file (:mod:`.positions`)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._docs: dict[str, Document] = dict(report.documents)
        self._docs[report.draft.id] = report.draft
        self._origins = {s.id: s.origin for s in report.sources}
        self._index: dict[str, LineIndex] = {}
        self._maps: dict[str, FileMap | None] = {}

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def path(self, doc_id: str) -> str:
        """Where a document came from, as the user gave it (or its id)."""
        doc = self._docs.get(doc_id)
        return (doc.origin if doc else "") or self._origins.get(doc_id, "") or doc_id

    def file_map(self, doc_id: str) -> FileMap | None:
        if doc_id not in self._maps:
            doc = self._docs.get(doc_id)
            self._maps[doc_id] = file_map(doc) if doc is not None else None
        return self._maps[doc_id]

    def position(self, doc_id: str, offset: int, *, end: bool = False) -> tuple[int, int] | None:
        """(line, column) of a text offset in the document's file; ``end``: of an exclusive
        end offset."""
        doc = self._docs.get(doc_id)
        if doc is None:
            return None
        fmap = self.file_map(doc_id)
        if fmap is not None:
            return fmap.position(offset, end=end)
        index = self._index.get(doc_id)
        if index is None:
            index = self._index[doc_id] = LineIndex(doc.text)
        return index.position(min(max(offset, 0), len(doc.text)))

    def byte_position(self, doc_id: str, offset: int, *, end: bool = False) -> tuple[int, int] | None:
        """(line, column) with the column counted in UTF-8 bytes (reviewdog's rdjson)."""
        doc = self._docs.get(doc_id)
        if doc is None:
            return None
        fmap = self.file_map(doc_id)
        if fmap is not None:
            text, at = fmap.raw, fmap.offset(offset, end=end)
        else:
            text, at = doc.text, min(max(offset, 0), len(doc.text))
        pos = self.position(doc_id, offset, end=end)
        if pos is None:
            return None
        start = at - (pos[1] - 1)
        return pos[0], len(text[start:at].encode("utf-8", "surrogatepass")) + 1

    def region(self, doc_id: str, span: Span) -> tuple[int, int, int, int] | None:
        """(start line, start column, end line, end column) with an exclusive end column."""
        start = self.position(doc_id, span.start)
        end = self.position(doc_id, max(span.end, span.start), end=True)
        if start is None or end is None:
            return None
        return (*start, *end)

    def where(self, doc_id: str, span: Span | None) -> str:
        """``path:line:col`` (or just the path when the position is unknown)."""
        path = self.path(doc_id)
        pos = self.position(doc_id, span.start) if span is not None else None
        return f"{path}:{pos[0]}:{pos[1]}" if pos else path


def is_url(origin: str) -> bool:
    return origin.split(":", 1)[0].casefold() in ("http", "https") and "://" in origin


def message(item: Item, loc: Locator) -> str:
    """One-line, inert description of a finding, without the draft location and severity:
    ``6 remanded in custody; wire-en says 1 ("one was remanded in custody", src.txt:9:3)``."""
    claim, f = item.claim, item.finding
    label = one_line(claim_label(claim))
    value = one_line(finding_value(claim, f))
    quote = one_line(f.text) if f.text else ""
    if item.internal:
        pos = loc.position(f.source, f.span.start) if f.span is not None else None
        at = f" at line {pos[0]}" if pos else " elsewhere"
        said = f"draft says {one_line(claim_value(claim))} here but {value or '?'}{at}"
        evidence = f' ("{quote}")' if quote else ""
        text = f"{label}; {said}{evidence}"
    else:
        src = inert(f.source)
        where = inert(loc.where(f.source, f.span))
        shown = f'"{value}"' if value and claim.kind == "person" else value
        evidence = f'"{quote}", {where}' if quote and quote != value else where
        said = f"{src} says {shown} ({evidence})" if shown else f"{src} says ({evidence})"
        text = f"{label}; {said}"
    why = reason(f.why)
    if why:
        text += f" — {one_line(why)}"
    if item.decided:
        text += f" [{decision_text(f.decision or '', item.detail)}]"
    return text


def reason(why: str) -> str:
    """A finding's explanation with its decisive part first, whole.

    The pipeline writes the evidence that aligned the two claims first and the comparison's
    verdict last (``same action (remanded); similar context 0.50; incompatible figures``);
    a reader wants the verdict first (``incompatible figures; same action (remanded); ...``).
    Nothing is cut: every format shows the whole reason (the TUI wraps it)."""
    parts = [p for p in (part.strip() for part in why.split("; ")) if p]
    if len(parts) < 2:
        return "; ".join(parts)
    return "; ".join([parts[-1], *parts[:-1]])


def source_errors(report: Report) -> list[tuple[str, str, str]]:
    """(id, origin, error) of the sources that could not be read, in order."""
    return [(s.id, s.origin, s.error) for s in report.sources if s.error]

