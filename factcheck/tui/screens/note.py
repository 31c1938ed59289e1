"""A modal to edit the note of a decision."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..safe import clean_line


class NoteScreen(ModalScreen[str | None]):
    """Returns the new note, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, label: str, note: str = "") -> None:
        super().__init__(id="note")
        self.label = label
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text(clean_line(self.label)), id="note-label")
            yield Input(value=clean_line(self.note), placeholder="why this decision…",
                        id="note-input")
            yield Static(Text("enter save · esc cancel"), id="note-hint")

    def on_mount(self) -> None:
        self.query_one("#note-box").border_title = "Edit note"
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
