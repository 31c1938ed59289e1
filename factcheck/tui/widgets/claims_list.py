"""The claims list: one row per claim with its state, kind, value, tally and decision."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from ...models import Claim
from ..labels import STATE_SYMBOLS, STATUS_LABELS, shorten, tally_text, value_label
from ..messages import ClaimChosen, EvidenceEntered
from ..palette import Palette
from ..review import Review

COLUMNS = (("claim", "Claim"), ("kind", "Kind"), ("value", "Value"),
           ("tally", "✓ ✗ ? ·"), ("decision", "Decision"))


VALUE_WIDTH = 16


def value_cell(claim: Claim, width: int = VALUE_WIDTH) -> str:
    """The claim's value for the list's Value column: compact figures (12.5M), the unit
    dropped before the figure is cut, and never cut to less than the figure itself."""
    full = value_label(claim, compact=True)
    if len(full) <= width:
        return full
    bare = value_label(claim.model_copy(update={"unit": None}), compact=True)
    return bare if len(bare) <= 2 * width else shorten(bare, 2 * width)


class ClaimsList(DataTable[Text]):
    """Rows are keyed by claim index; posts ClaimChosen as the cursor moves (also when
    moved by the program: the screen ignores a choice of the claim already selected, and
    highlights that are no longer where the cursor is are dropped)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._rows: list[int] = []

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(Text(label), key=key)

    @property
    def shown(self) -> list[int]:
        return list(self._rows)

    def fill(self, review: Review, rows: Sequence[int], pal: Palette,
             selected: int | None) -> None:
        self.clear()
        self._rows = list(rows)
        for i in self._rows:
            self.add_row(*self._cells(review, i, pal), key=str(i))
        if selected in self._rows:
            self.move_cursor(row=self._rows.index(selected), animate=False)

    def update_claim(self, review: Review, index: int, pal: Palette) -> None:
        if index not in self._rows:
            return
        cells = self._cells(review, index, pal)
        for (key, _), cell in zip(COLUMNS, cells, strict=True):
            self.update_cell(str(index), key, cell, update_width=key == "decision")

    def select(self, index: int) -> None:
        if index in self._rows:
            row = self._rows.index(index)
            if row != self.cursor_row:
                self.move_cursor(row=row, animate=False)

    @staticmethod
    def _cells(review: Review, i: int, pal: Palette) -> list[Text]:
        claim = review.claims[i]
        decision = review.decision_summary(i)
        if decision:
            status, _, more = decision.partition(" ")
            decision = STATUS_LABELS.get(status, status) + (f" {more}" if more else "")
        state = review.state(i)
        label = Text(f"{STATE_SYMBOLS[state]} ", style=pal.text[state])
        label.append(shorten(claim.text, 20), style=pal.text[state] if state in (
            "conflict", "unclear") else "")
        return [
            label,
            Text(claim.kind),
            Text(value_cell(claim), style=pal.strong),
            tally_text(review.tally(i), pal),
            Text(decision, style=pal.text["decided"]),
        ]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        # A cursor move the program made (fill, select) can still be queued when the
        # cursor is already elsewhere: acting on it would bounce the selection back.
        if event.row_key.value is None or event.cursor_row != self.cursor_row:
            return
        self.post_message(ClaimChosen(int(event.row_key.value), origin="list"))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(EvidenceEntered())
