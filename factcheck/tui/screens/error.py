"""Shown instead of the review when the story or draft could not be loaded."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..safe import clean


class ErrorScreen(Screen[None]):
    BINDINGS = [Binding("q", "app.quit", "Quit"), Binding("escape", "app.quit", "Quit",
                                                          show=False)]

    def __init__(self, message: str, *, title: str = "Could not open the review") -> None:
        super().__init__(id="error")
        self.message = message
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(Text(self.heading), id="error-title")
            yield Static(Text(clean(self.message)), id="error-message")
            yield Static(Text("Fix the problem above and run factcheck review again."),
                         id="error-hint")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#error-box").border_title = "factcheck"
