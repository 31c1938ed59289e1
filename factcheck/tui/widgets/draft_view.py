"""The draft, wrapped to the pane's width, with every claim highlighted by state.

A Line API widget: only the visible lines are rendered, so a long draft scrolls and
repaints fast. Text is sanitised (length-preserving) and rendered as Rich ``Text``,
never as markup.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..messages import ClaimChosen
from ..palette import Palette
from ..safe import clean

_TOKEN = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells: ``[start, end)`` of each line."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        if not para:
            lines.append((pos, pos))
        else:
            line_start, used = pos, 0
            for m in _TOKEN.finditer(para):
                word = m.group()
                bare = cell_len(word.rstrip())
                full = cell_len(word)
                t0 = pos + m.start()
                if used and used + bare > width:
                    lines.append((line_start, t0))
                    line_start, used = t0, 0
                while bare > width:  # a word longer than the line: cut it
                    cut, acc = t0, 0
                    while cut < pos + m.end() and acc + get_character_cell_size(text[cut]) <= width:
                        acc += get_character_cell_size(text[cut])
                        cut += 1
                    cut = max(cut, t0 + 1)
                    lines.append((line_start, cut))
                    line_start, used = cut, 0
                    t0 = cut
                    word = text[cut:pos + m.end()]
                    bare, full = cell_len(word.rstrip()), cell_len(word)
                used += full
            lines.append((line_start, pos + len(para)))
        pos += len(para) + 1
    return lines


class DraftView(ScrollView, can_focus=True):
    """Shows the draft; posts ClaimChosen when a highlighted claim is clicked."""

    DEFAULT_CSS = """
    DraftView { background: $surface; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._spans: list[tuple[int, int, int]] = []  # (start, end, claim index), sorted
        self._starts: list[int] = []
        self._max_end: list[int] = []  # running maximum of span ends
        self._by_index: dict[int, tuple[int, int]] = {}
        self._states: Sequence[str] = ()
        self._selected: int | None = None
        self._palette: Palette | None = None
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrapped_for = -1
        self._cache: dict[int, Strip] = {}

    # -- data ------------------------------------------------------------------------
    def set_document(self, text: str, spans: Sequence[tuple[int, int, int]]) -> None:
        self._text = clean(text)
        self._spans = sorted(spans)
        self._starts = [s for s, _, _ in self._spans]
        self._by_index = {i: (s, e) for s, e, i in self._spans}
        self._max_end = []
        top = 0
        for _, end, _ in self._spans:
            top = max(top, end)
            self._max_end.append(top)
        self._wrapped_for = -1
        self._rewrap()

    def set_states(self, states: Sequence[str], palette: Palette) -> None:
        self._states = states
        self._palette = palette
        self._invalidate()

    def select(self, index: int | None, *, scroll: bool = True) -> None:
        old, self._selected = self._selected, index
        if old != index:
            for i in (old, index):  # only the lines of these two claims change
                self._forget_lines(i)
            self.refresh()
        if scroll and index is not None:
            self.scroll_to_claim(index)

    def _forget_lines(self, index: int | None) -> None:
        span = self._by_index.get(index) if index is not None else None
        if span is None or not self._lines:
            return
        first = max(0, bisect_right(self._line_starts, span[0]) - 1)
        last = max(first, bisect_right(self._line_starts, max(span[0], span[1] - 1)) - 1)
        for line in range(first, last + 1):
            self._cache.pop(line, None)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def claim_line(self, index: int) -> int | None:
        span = self._by_index.get(index)
        if span is None:
            return None
        return max(0, bisect_right(self._line_starts, span[0]) - 1)

    def scroll_to_claim(self, index: int) -> None:
        line = self.claim_line(index)
        if line is None or not self.size.height:
            return
        top, height = self.scroll_offset.y, self.size.height
        if top + 1 <= line < top + height - 1:
            return
        self.scroll_to_region(Region(0, line, 1, 1), animate=False, center=True, force=True)

    # -- layout ----------------------------------------------------------------------
    def _wrap_width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def _rewrap(self) -> None:
        width = self._wrap_width()
        if width == self._wrapped_for:
            return
        self._wrapped_for = width
        self._lines = wrap_offsets(self._text, width)
        self._line_starts = [s for s, _ in self._lines]
        self._cache.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()
        if self._selected is not None:
            self.scroll_to_claim(self._selected)

    # -- rendering -------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        self._rewrap()
        scroll_x, scroll_y = self.scroll_offset
        line_no = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if line_no >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._cache.get(line_no)
        if strip is None:
            strip = self._cache[line_no] = self._render_text_line(line_no, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_text_line(self, line_no: int, base: Style) -> Strip:
        start, end = self._lines[line_no]
        text = Text(self._text[start:end].rstrip(" "), no_wrap=True, end="")
        n = len(text.plain)
        for c_start, c_end, index in self._claims_between(start, end):
            a, b = max(c_start, start) - start, min(c_end, end) - start
            b = min(b, n)
            if a >= b:
                continue
            text.stylize(self._claim_style(index), a, b)
        segments = Segment.apply_style(text.render(self.app.console), style=base)
        return Strip(segments, text.cell_len)

    def _claims_between(self, start: int, end: int) -> list[tuple[int, int, int]]:
        hi = bisect_left(self._starts, end)
        lo = bisect_left(self._starts, start)
        while lo > 0 and self._max_end[lo - 1] > start:  # earlier claims reaching this line
            lo -= 1
        return [s for s in self._spans[lo:hi] if s[1] > start]

    def _claim_style(self, index: int) -> Style:
        pal = self._palette
        if pal is None:
            return Style(underline=True)
        state = self._states[index] if index < len(self._states) else "no-source"
        style = pal.states.get(state, pal.muted)
        if index == self._selected:
            style = style + pal.selected
        return style + Style(meta={"claim": index})

    # -- mouse -----------------------------------------------------------------------
    def claim_at(self, x: int, y: int) -> int | None:
        """The claim under the content cell (x, y) (scroll included), if any."""
        if not 0 <= y < len(self._lines):
            return None
        start, end = self._lines[y]
        acc, offset = 0, None
        for i in range(start, end):
            w = get_character_cell_size(self._text[i])
            if acc <= x < acc + max(w, 1):
                offset = i
                break
            acc += w
        if offset is None:
            return None
        for c_start, c_end, index in self._claims_between(offset, offset + 1):
            if c_start <= offset < c_end:
                return index
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.claim_at(offset.x + self.scroll_offset.x, offset.y + self.scroll_offset.y)
        if index is not None:
            event.stop()
            self.post_message(ClaimChosen(index, origin="draft"))
