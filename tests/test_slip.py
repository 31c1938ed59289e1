"""Two figures with the same digits but two neighbours swapped ("€98,450" / "89,450 euros")
are as likely one fact mistyped as two facts: the pair scores as if close, and the finding says so."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.models import Document
from factcheck.pipeline import check
from factcheck.scoring import slipped

PAIRS = [  # (lang, draft sentence, source sentence, slipped?)
    ("en", "He won a cheque of €74,320.", "He won a cheque of 47,320 euros.", True),
    ("fr", "L'action a clôturé à 42,15 euros.", "L'action a clôturé à 42,51 euros.", True),
    ("en", "The grant is worth €3.2 million.", "The grant is worth €2.3 million.", True),
    ("en", "Some 3,184 volunteers fell ill.", "Some 3,814 volunteers fell ill.", True),
    ("en", "He won a cheque of €74,320.", "He won a cheque of €74,320.", False),  # the same figure
    ("en", "He won a cheque of €74,320.", "He won a cheque of €72,340.", False),  # not neighbours
    ("en", "Police arrested 41 people.", "Police arrested 14 people.", True),
    ("en", "Police arrested 12 people.", "Police arrested 210 people.", False),  # other lengths
    ("en", "He won a cheque of €74,320.", "He won a cheque of 74,320 dollars.", False),  # another currency
    ("en", "Between 12 and 21 people were hurt.", "Between 21 and 12 people were hurt.", False),  # ranges
]


@pytest.mark.parametrize(("lang", "draft", "source", "want"), PAIRS)
def test_slipped(lang: str, draft: str, source: str, want: bool) -> None:
    d = extract_claims(Document(id="draft", text=draft, lang=lang))[0]
    s = extract_claims(Document(id="src", text=source, lang=lang), weak=True)[0]
    assert slipped(d, s) is want


def test_a_slip_is_said_in_the_finding() -> None:
    draft = Document(id="draft", text="Over the period, 3,184 volunteers developed asthma, the study found.")
    source = Document(id="src", text="During those years 3,814 volunteers were diagnosed with asthma.")
    report = check(draft, [source], cache=None)
    (finding,) = report.claims[0].findings
    assert finding.verdict == "conflicts"
    assert "two of them swapped" in finding.why
