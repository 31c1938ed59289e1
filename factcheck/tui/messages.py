"""Messages the widgets send to the main screen."""

from __future__ import annotations

from textual.message import Message


class ClaimChosen(Message):
    """The user picked a claim (cursor in the claims list, click in the draft, sheet row)."""

    def __init__(self, index: int, *, origin: str) -> None:
        self.index = index
        self.origin = origin  # "list", "draft" or "sheet"
        super().__init__()


class SourceChosen(Message):
    """The cursor of the evidence pane moved to another source."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        super().__init__()


class EvidenceEntered(Message):
    """Enter was pressed on the claims list: move to the evidence pane."""


class FilterChanged(Message):
    """The filter text changed (``final`` when the user pressed enter)."""

    def __init__(self, query: str, *, final: bool = False) -> None:
        self.query = query
        self.final = final
        super().__init__()
