"""The top bar: story title and the number of claims in each state."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ..labels import STATE_SYMBOLS
from ..palette import Palette
from ..review import STATE_LABELS, STATE_ORDER, Review
from ..safe import clean_line


def counts_text(review: Review, pal: Palette) -> Text:
    out = Text()
    counts = review.counts()
    for state in STATE_ORDER:
        n = counts[state]
        if not n and state not in ("conflict", "unclear"):
            continue
        if out:
            out.append("  ")
        one, many = STATE_LABELS[state]
        out.append(f"{STATE_SYMBOLS[state]} {n} {one if n == 1 else many}",
                   style=pal.text[state] if n else pal.muted)
    return out


class ReviewHeader(Horizontal):
    DEFAULT_CSS = """
    ReviewHeader { height: 1; dock: top; background: $panel; }
    ReviewHeader #title { width: 1fr; padding: 0 1; text-style: bold; text-wrap: nowrap;
                          text-overflow: ellipsis; }
    ReviewHeader #counts { width: auto; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text("factcheck review"), id="title")
        yield Static(id="counts")

    def set_title(self, title: str) -> None:
        self.query_one("#title", Static).update(Text(clean_line(title)))

    def set_counts(self, review: Review, pal: Palette) -> None:
        self.query_one("#counts", Static).update(counts_text(review, pal))
