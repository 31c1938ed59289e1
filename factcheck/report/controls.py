"""Inline controls in a draft, and kinds the configuration skips.

Comments in the draft file (Markdown or HTML) keep findings out of the failing set::

    <!-- factcheck: ignore -->            the paragraph holding the comment, or the next one
                                           when the comment stands alone (HTML: up to the end
                                           of the next paragraph, list item or heading)
    <!-- factcheck: ignore-next-line -->  the next line of the file that is not blank
    <!-- factcheck: off --> ... <!-- factcheck: on -->   everything between

A finding ignored this way is never dropped: its ``decision`` becomes ``ignored-inline``
(``skipped-kind`` for a kind in the configuration's ``skip-kinds``), so it does not count
toward the exit code, every human format counts it in the summary, ``--show-decided`` lists
it, SARIF marks it suppressed, and the JSON report keeps it with that decision.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..models import Report
from .positions import file_map

INLINE = "ignored-inline"
SKIPPED = "skipped-kind"
AUTOMATIC = {INLINE: "ignored by a factcheck comment in the draft",
             SKIPPED: "of a kind the configuration skips"}
SHOWN = ("conflicts", "unclear")

_CONTROL = re.compile(r"<!--\s*factcheck\s*:\s*(ignore-next-line|ignore|off|on)\s*-->", re.I)
_BLANK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
_LINE_END = re.compile(r"\r\n|\r|\n")
_HTML_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|td|th|dd|dt|figcaption|pre)\s*>", re.I)


def ignored_ranges(raw: str, *, html: bool = False) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of ``raw`` (the draft file's text) that the controls ignore."""
    out: list[tuple[int, int]] = []
    off_at: int | None = None
    for m in _CONTROL.finditer(raw):
        what = m.group(1).lower()
        if what == "off":
            if off_at is None:
                off_at = m.start()
        elif what == "on":
            if off_at is not None:
                out.append((off_at, m.end()))
                off_at = None
        elif what == "ignore-next-line":
            out.append(_next_line(raw, m.end()))
        else:
            out.append(_html_paragraph(raw, m) if html else _paragraph(raw, m))
    if off_at is not None:
        out.append((off_at, len(raw)))
    return out


def _next_line(raw: str, at: int) -> tuple[int, int]:
    end = _LINE_END.search(raw, at)
    pos = end.end() if end else len(raw)
    while pos < len(raw):
        nl = _LINE_END.search(raw, pos)
        stop = nl.start() if nl else len(raw)
        if raw[pos:stop].strip():
            return pos, stop
        pos = nl.end() if nl else len(raw)
    return pos, pos


def _block(raw: str, at: int) -> tuple[int, int]:
    """The paragraph (run of non-blank lines) holding offset ``at``."""
    start = 0
    for m in _BLANK.finditer(raw, 0, at):
        start = m.end()
    nxt = _BLANK.search(raw, at)
    return start, nxt.start() if nxt else len(raw)


def _paragraph(raw: str, m: re.Match[str]) -> tuple[int, int]:
    start, end = _block(raw, m.start())
    if _CONTROL.sub("", raw[start:end]).strip():
        return start, end  # the comment sits in a paragraph of text: that paragraph
    nxt = re.compile(r"\S").search(raw, end)
    if nxt is None:
        return end, end
    return _block(raw, nxt.start())


def _html_paragraph(raw: str, m: re.Match[str]) -> tuple[int, int]:
    close = _HTML_BLOCK_END.search(raw, m.end())
    return m.start(), close.end() if close else len(raw)


def apply_controls(report: Report, *, skip_kinds: Collection[str] = ()) -> Report:
    """``report`` with the undecided discrepancies that the draft's comments or
    ``skip_kinds`` ignore marked ``ignored-inline`` / ``skipped-kind``."""
    fmap = file_map(report.draft)
    raw = fmap.raw if fmap is not None else report.draft.text
    ranges = ignored_ranges(raw, html=fmap is not None) if "factcheck" in raw else []
    if not ranges and not skip_kinds:
        return report
    claims = []
    changed = False
    for checked in report.claims:
        claim = checked.claim
        status = None
        if claim.kind in skip_kinds:
            status = SKIPPED
        elif ranges:
            at = fmap.offset(claim.span.start) if fmap is not None else claim.span.start
            if any(a <= at < b for a, b in ranges):
                status = INLINE
        if status is None:
            claims.append(checked)
            continue
        findings = tuple(
            f.model_copy(update={"decision": status})
            if f.verdict in SHOWN and f.decision is None else f
            for f in checked.findings
        )
        changed = changed or findings != checked.findings
        claims.append(checked.model_copy(update={"findings": findings}))
    return report.model_copy(update={"claims": tuple(claims)}) if changed else report


def ignored_counts(report: Report) -> dict[str, int]:
    """How many discrepancies each automatic status ignores (``ignored-inline``...)."""
    counts = dict.fromkeys(AUTOMATIC, 0)
    for c in report.claims:
        for f in c.findings:
            if f.verdict in SHOWN and f.decision in counts:
                counts[f.decision] += 1
    return counts
