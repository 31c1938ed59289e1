"""The evidence pane: the selected claim, then every source's sentence, value and verdict."""

from __future__ import annotations

from contextlib import suppress

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ...report.common import reason
from ..excerpt import Excerpt
from ..labels import STATUS_LABELS, finding_value, shorten, state_text, value_label, verdict_text
from ..palette import Palette
from ..review import EvidenceRow, Review
from ..safe import clean_line

VERDICT_STATE = {"conflicts": "conflict", "unclear": "unclear", "agrees": "agrees",
                 "absent": "no-source"}


class SourcesList(OptionList):
    """One option per source; its id is the source id."""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()


class EvidencePane(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Evidence"
        self._summary_lines = -1  # lines of the claim summary as last laid out

    def compose(self) -> ComposeResult:
        yield Static(id="claim-summary")
        yield SourcesList(id="sources")

    @property
    def sources(self) -> SourcesList:
        return self.query_one(SourcesList)

    @property
    def selected_source(self) -> str | None:
        option = self.sources.highlighted_option
        return option.id if option is not None else None

    def show(self, review: Review, index: int | None, pal: Palette, *,
             source: str | None = None) -> None:
        """Show claim ``index``; put the cursor on ``source`` (default: keep the row)."""
        summary = self.query_one("#claim-summary", Static)
        sources = self.sources
        if index is None:
            self._summary_lines = -1
            summary.update(Text("No claim selected.", style=pal.muted))
            sources.set_options([])
            return
        # a new layout of the whole screen costs most of a keypress: only when the summary's
        # height changes (a longer or shorter excerpt), not for every claim
        summary.update(claim_summary(review, index, pal), layout=False)
        summary.clear_cached_dimensions()
        size = summary.content_size
        lines = summary.get_content_height(size, self.app.size, size.width)
        if lines != self._summary_lines:
            summary.refresh(layout=True)
        self._summary_lines = lines
        rows = review.evidence(index)
        keep = source if source is not None else self.selected_source
        options: list[Option | None] = []
        for row in rows:
            options.append(Option(evidence_text(review, index, row, pal), id=row.source))
            options.append(None)
        sources.set_options(options[:-1])
        ids = [r.source for r in rows]
        if keep in ids:
            sources.highlighted = ids.index(keep)
        elif ids:
            sources.highlighted = 0

    def highlight(self, source: str | None) -> None:
        if source is None:
            return
        with suppress(OptionDoesNotExist):
            self.sources.highlighted = self.sources.get_option_index(source)


def claim_summary(review: Review, index: int, pal: Palette) -> Text:
    claim = review.claims[index]
    out = Text()
    out.append_text(state_text(review.state(index), pal))
    out.append(f"  {claim.kind} ", style=pal.muted)
    out.append(value_label(claim), style=pal.strong)
    what = " ".join(x for x in (claim.subject, claim.predicate) if x)
    if what:
        out.append(f"  {shorten(what, 60)}", style=pal.muted)
    idx = review.doc_index(review.report.draft.id)
    if idx is not None:
        out.append("\n")
        ex = idx.excerpt(claim.span)
        out.append_text(_highlighted(ex, pal.states[review.state(index)]))
        out.append("\n")
        out.append(clean_line(idx.location(claim.span)), style=pal.muted)
        if review.draft_date:
            out.append(f"  reported {review.draft_date}", style=pal.muted)
    return out


def evidence_text(review: Review, index: int, row: EvidenceRow, pal: Palette) -> Text:
    out = Text()
    out.append(shorten(row.source, 24), style=pal.strong)
    if review.dated and not row.error:  # when any document is dated, every row says its date (or that it has none)
        out.append(f"  {review.date_of(row.source) or 'undated'}", style=pal.muted)
    out.append("  ")
    if row.error:
        out.append("⚠ not loaded", style=pal.error)
        out.append("\n")
        out.append(shorten(row.error, 300), style=pal.error)
        return out
    f = row.finding
    out.append_text(verdict_text(f, pal))
    if f is not None and f.value is not None:
        out.append("  says ", style=pal.muted)
        out.append(shorten(finding_value(f.value), 30), style=pal.strong)
    decision = review.decision(index, row.source)
    if decision is not None:
        out.append("  ✔ ", style=pal.text["decided"])
        out.append(STATUS_LABELS.get(decision.status, clean_line(decision.status)),
                   style=pal.text["decided"] + pal.strong)
        if decision.who:  # whole: the list wraps
            out.append(f" by {clean_line(decision.who)}", style=pal.muted)
        if decision.when:
            out.append(f", {clean_line(decision.when[:16].replace('T', ' '))}", style=pal.muted)
        if decision.note:
            out.append(f": {clean_line(decision.note)}", style=pal.text["decided"])
    idx = review.doc_index(row.source)
    out.append("\n")
    if f is not None and f.span is not None and idx is not None:
        state = VERDICT_STATE.get(f.verdict, "no-source")
        out.append_text(_highlighted(idx.excerpt(f.span), pal.states[state]))
        out.append("\n")
        out.append(clean_line(idx.location(f.span)), style=pal.muted)
        if f.why and f.verdict in ("conflicts", "unclear"):
            out.append("\n")  # the whole reason, decisive part first; the list wraps it
            out.append(f"why: {clean_line(reason(f.why))}", style=pal.muted)
    elif f is not None and f.text:
        out.append(shorten(f.text, 260))
    else:
        why = reason(f.why) if f is not None and f.why else "not mentioned"
        out.append(clean_line(why), style=pal.muted)
        if idx is not None:
            out.append("\n")
            out.append(clean_line(idx.location(None)), style=pal.muted)
    return out


def _highlighted(ex: Excerpt, style: Style) -> Text:
    text = Text(ex.text)
    if ex.hl_end > ex.hl_start:
        text.stylize(style, ex.hl_start, ex.hl_end)
    return text
