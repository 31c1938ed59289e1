"""Sentence splitting (factcheck.text.sentences) on the layouts outlets use: prose, lists,
and results or fact boxes written one labelled line an item."""

from __future__ import annotations

import pytest

from factcheck.text import sentences

CASES = {
    "prose": ("Police arrested 14 people. Three were charged.", ["Police arrested 14 people.", "Three were charged."]),
    "abbreviation": ("Dr. Ana Ruiz spoke. She left.", ["Dr. Ana Ruiz spoke.", "She left."]),
    "labelled-lines": (
        "Greens: 31.2%, 11 seats (2019: 8)\nLabour: 9 seats\nTurnout: 58.1%",
        ["Greens: 31.2%, 11 seats (2019: 8)", "Labour: 9 seats", "Turnout: 58.1%"],
    ),
    "labelled-lines-fr": (
        "Écologistes : 12 sièges\nSocialistes : 7 sièges",
        ["Écologistes : 12 sièges", "Socialistes : 7 sièges"],
    ),
    "wrapped-prose-stays-one": (
        "The council said on Monday that it would\nreview the 14 contracts it signed.",
        ["The council said on Monday that it would\nreview the 14 contracts it signed."],
    ),
    "wrapped-before-a-name-stays-one": (
        "The award went to\nMaria Lopez, who said: thank you.",
        ["The award went to\nMaria Lopez, who said: thank you."],
    ),
    "list-items": ("Results:\n- Greens 11\n- Labour 9", ["Results:", "- Greens 11", "- Labour 9"]),
}


@pytest.mark.parametrize(("text", "want"), CASES.values(), ids=CASES.keys())
def test_sentences(text: str, want: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text)] == want
