"""One line above the footer: where decisions go, sources that failed, the last action."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..palette import Palette
from ..review import Review
from ..safe import clean_line


class StatusBar(Static):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $text-muted;
                padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def show(self, review: Review, pal: Palette, *, where: str, message: str = "",
             shown: int | None = None) -> None:
        out = Text()
        if not review.persistent:
            out.append("decisions kept for this session only", style=pal.text["unclear"])
        elif review.unsaved:
            out.append(f"{review.unsaved} unsaved: not written to {clean_line(where)}",
                       style=pal.error)
        elif review.saves:  # only once something was written
            out.append(f"saved to {clean_line(where)}", style=pal.text["agrees"])
        else:
            out.append(f"decisions go to {clean_line(where)}")
        failed = len(review.failed_sources)
        total = len(review.report.sources)
        out.append(f"  │ {total} source{'s' if total != 1 else ''}")
        if failed:
            out.append(f", {failed} failed", style=pal.error)
        if shown is not None and shown != len(review.claims):
            out.append(f"  │ showing {shown} of {len(review.claims)} claims")
        if message:
            out.append(f"  │ {clean_line(message)}")
        self.update(out)
