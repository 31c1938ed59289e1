"""Shown while the draft and sources are read and checked (in a worker thread)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static

from ..safe import clean_line


class LoadingScreen(Screen[None]):
    def __init__(self, label: str) -> None:
        super().__init__(id="loading")
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="loading-box"):
            yield Static(Text(f"Reading and checking {clean_line(self.label)}…"),
                         id="loading-label")
            yield LoadingIndicator()
        yield Footer(compact=True, show_command_palette=False)
