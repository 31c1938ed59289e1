"""Messages the widgets send to the main screen."""

from __future__ import annotations

from textual.message import Message


class ClaimChosen(Message):
    """The user picked a claim (cursor in the claims list, or a click in the draft)."""

    def __init__(self, index: int, *, origin: str) -> None:
        self.index = index
        self.origin = origin  # "list" or "draft"
        super().__init__()


class EvidenceEntered(Message):
    """Enter was pressed on the claims list: move to the evidence pane."""
