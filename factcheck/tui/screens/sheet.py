"""The event sheet: each fact a row, each source a column, values side by side."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...models import Finding
from ...report.common import by_report_date
from ..labels import VERDICT_SYMBOLS, finding_value, shorten, state_text, value_label
from ..palette import Palette
from ..review import Review

FIXED = ("state", "kind", "draft")


class SheetScreen(Screen[tuple[int, str | None] | None]):
    """Returns (claim index, source id or None) for the chosen cell, or None."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("t", "close", "Back", show=False),
        Binding("q", "close", "Back", show=False),
    ]

    def __init__(self, review: Review, pal: Palette, selected: int | None) -> None:
        super().__init__(id="sheet")
        self.review = review
        self.pal = pal
        self.selected = selected

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="sheet-title")
        yield DataTable(id="sheet-table", cursor_type="cell", fixed_columns=len(FIXED))
        yield Footer(compact=True, show_command_palette=False)

    def _heading(self) -> Text:
        n, m = len(self.review.claims), len(self.review.report.sources)
        out = Text(f"Event sheet: {n} facts × {m} sources", style=self.pal.strong)
        out.append("   enter: go to the claim and source · esc: back", style=self.pal.muted)
        out.append("\neach row: one claim of the draft; each column: what a source says of it "
                   "(✓ agrees ✗ conflicts ? unclear · absent, ✔ decided)", style=self.pal.muted)
        if self.review.dated:
            draft = self.review.draft_date or "undated"
            out.append(f"\nsources by report date, earliest first, undated last · draft {draft}",
                       style=self.pal.muted)
        return out

    def on_mount(self) -> None:
        review, pal = self.review, self.pal
        table: DataTable[Text] = self.query_one(DataTable)
        table.add_column(Text("State"), key="state")
        table.add_column(Text("Kind"), key="kind")
        table.add_column(Text("Draft"), key="draft")
        errors = {info.id: info.error for info in review.report.sources}
        order = by_report_date([info.id for info in review.report.sources], review.dates)
        columns = [(sid, errors[sid]) for sid in order]  # report order without dates
        listed = {sid for sid, _ in columns}
        for findings in review.findings:  # e.g. the draft checked against itself
            for f in findings:
                if f.source not in listed:
                    listed.add(f.source)
                    columns.append((f.source, None))
        for sid, error in columns:
            label = Text(shorten(sid, 18), style=pal.strong)
            day = review.date_of(sid)
            if day:
                label.append(f" {day}", style=pal.muted)
            if error:
                label.append(" ⚠", style=pal.error)
            table.add_column(label, key=f"src:{sid}")
        for i, claim in enumerate(review.claims):
            cells = [state_text(review.state(i), pal), Text(claim.kind),
                     Text(value_label(claim), style=pal.strong)]  # whole: never cut
            by_source = {f.source: f for f in review.findings[i]}
            for sid, error in columns:
                cells.append(self._cell(i, sid, error, by_source.get(sid)))
            table.add_row(*cells, key=str(i))
        if self.selected is not None and self.selected < len(review.claims):
            table.move_cursor(row=self.selected, column=len(FIXED), animate=False)
        table.focus()

    def _cell(self, index: int, source: str, error: str | None,
              finding: Finding | None) -> Text:
        pal = self.pal
        if error:
            return Text("not loaded", style=pal.error)
        if finding is None:
            return Text("—", style=pal.muted)
        sym = VERDICT_SYMBOLS.get(finding.verdict, "")
        value = finding_value(finding.value) if finding.value is not None else ""
        text = Text(f"{sym} {shorten(value, 28)}".rstrip(), style=pal.text[finding.verdict])
        if self.review.decision(index, source) is not None:
            text.append(" ✔", style=pal.text["decided"])
        return text

    @on(DataTable.CellSelected)
    def _chosen(self, event: DataTable.CellSelected) -> None:
        event.stop()
        row_key, col_key = event.cell_key.row_key.value, event.cell_key.column_key.value
        if row_key is None:
            return
        source = col_key[4:] if col_key and col_key.startswith("src:") else None
        self.dismiss((int(row_key), source))

    def action_close(self) -> None:
        self.dismiss(None)
