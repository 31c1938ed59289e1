"""The key reference (``?``)."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Move", (
        ("↑ ↓  j k", "previous / next claim (↑ ↓ pick a source in the evidence pane)"),
        ("n  N", "next / previous undecided conflict or unclear claim"),
        ("enter", "focus the evidence pane (pick the source a decision applies to)"),
        ("esc", "back to the claims list"),
        ("tab", "cycle panes; click a highlighted claim in the draft to select it"),
    )),
    ("Decide", (
        ("c", "confirm: the draft is right"),
        ("f", "the draft needs a fix"),
        ("s", "the source is wrong"),
        ("i", "ignore this finding"),
        ("C F S I", "the same for every undecided finding of the selected source"),
        ("e", "edit the note of the decision"),
        ("u  r", "undo / redo the last decision or note"),
    )),
    ("View", (
        ("o", "open the selected source's URL in a browser"),
        ("t", "event sheet: every fact against every source"),
        ("/", "filter claims by words, kind, state or what a source says (esc clears)"),
        ("d", "show / hide the draft pane"),
        ("ctrl+p", "commands: next conflict, filter by verdict, export the sheet, screenshot…"),
        ("?", "this help"),
        ("q", "quit"),
    )),
)
NOTE = ("Without the evidence pane focused, a decision applies to the first undecided "
        "conflict or unclear finding of the selected claim.")


def help_table() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, min_width=9)
    grid.add_column(ratio=1)
    key_style, head = Style(bold=True), Style(bold=True, underline=True)
    for n, (section, rows) in enumerate(HELP):
        if n:
            grid.add_row("", "")
        grid.add_row(Text(section, style=head), "")
        for key, what in rows:
            grid.add_row(Text(key, style=key_style), Text(what))
    grid.add_row("", "")
    grid.add_row("", Text(NOTE, style=Style(italic=True)))
    return grid


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(help_table(), id="help-text")

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Keys"
        box.border_subtitle = "esc close"

    def action_close(self) -> None:
        self.dismiss(None)
